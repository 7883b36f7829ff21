"""How an article is named in everything vlkg publishes: its URL, else its file name.

An article's `source` used to be the path it was read from on the ingesting machine
(`/home/alice/corpus/000_x.txt`). That leaks a private detail into every API answer, RDF
dump and table, and it means nothing to anyone else. What a reader can use is the URL the
article was published at; when that is unknown the content hash (the Article id) already
identifies it, and the bare file name is kept only as a human hint. `public_source` is
applied when facts are made (`ingest.pipeline`), when they are loaded, and again on every
output, so stores written before this rule existed publish no paths either.
"""

from __future__ import annotations

import re

__all__ = ["public_source"]

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def public_source(source: str | None, url: str | None = None) -> str | None:
    """The article's URL if known, else the last component of `source` (no directories).

    A `source` that is already a web address (`https://…`) is kept; `file://` addresses
    and local paths (POSIX or Windows) are cut to their file name.
    """
    if url and url.lower().startswith(("http://", "https://")):
        return url
    if not source:
        return None
    if _SCHEME.match(source) and not source.lower().startswith("file://"):
        return source
    name = re.split(r"[\\/]", source.rstrip("/\\"))[-1]
    return name or None
