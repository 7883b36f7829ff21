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

import os
import re

__all__ = ["display_name", "public_source"]

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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def display_name(path: str | os.PathLike[str]) -> str:
    """A path (or any input text) as it may be shown and stored: bytes that are not UTF-8
    as `\\xNN`, control and bidirectional characters (escape sequences a terminal would
    obey, text that reorders a line) as `\\x1b`-style escapes. One rule for the facts a
    pipeline writes and the lines the CLI prints."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
