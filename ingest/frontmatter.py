"""Metadata written at the top of a plain-text article: a small front-matter block.

A `.txt` file has no place for its URL or publication date, so a corpus of text files loads
with `url: null` unless a sidecar manifest (`ingest.sidecar`) names them. When the metadata
belongs with the text itself, for a single file sent around or a corpus written by a script,
a front-matter block at the top, in the shape Jekyll, Hugo and Pandoc use, carries it:

    ---
    url: https://news.example/ha-tinh-kham-muon
    published: 2023-01-05
    title: Hà Tĩnh và Khăm Muồn ký kết biên bản hợp tác
    outlet: news.example
    language: vi
    ---
    <page text>

It is read as a small YAML-like subset, one `key: value` a line (quotes around a value are
removed), not with a YAML parser: these few keys need none, and YAML would turn
`title: No` into a boolean or `published: 2023-01-05` into a type of its own. The keys and
their aliases are those of the JSON article (`docs/reading.md`). A block that does not have
this shape (a page that merely starts with a `---` rule) is left as text, so plain text
without front matter reads exactly as before; after the block, the other plain-text
conventions (a first-line URL, a ` date YYYY-MM-DD` marker) still apply, the block winning.
A value that cannot be used (a date that is not a full date, a URL that is not http(s), so
that no local path is ever published) is a warning, never a failure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingest.metadata import parse_date

__all__ = ["FrontMatter", "split_front_matter"]

_FIELDS: dict[str, str] = {
    **dict.fromkeys(("url", "link", "canonical_url"), "url"),
    **dict.fromkeys(("title", "headline"), "title"),
    **dict.fromkeys(
        ("published", "published_at", "date", "datePublished", "pubDate", "publish_date", "time"),
        "published",
    ),
    **dict.fromkeys(("outlet", "source", "site", "site_name", "publisher"), "outlet"),
    **dict.fromkeys(("language", "lang"), "language"),
}
# Keys front matter commonly carries that say nothing reading uses; read and ignored silently.
_IGNORED = frozenset(
    {
        "author",
        "authors",
        "description",
        "excerpt",
        "summary",
        "categories",
        "category",
        "tags",
        "keywords",
        "image",
        "layout",
        "draft",
        "slug",
        "id",
        "fetched_at",
        "sha256",
    }
)
_MAX_LINES = 40
"""A block longer than this is not front matter but text that happens to start with `---`."""

_OPEN = re.compile(r"\A[ \t\n]*---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_ENTRY = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
# YAML continuation lines (list items, indented text): tolerated, not read.
_CONTINUATION = re.compile(r"^(?:[ \t]+\S|-[ \t])")


@dataclass
class FrontMatter:
    """What a front-matter block gave, and the text after it (the whole text if none)."""

    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> FrontMatter:
    """Split a leading `---` ... `---` block of `key: value` lines off `text` and read it."""
    opening = _OPEN.match(text)
    if opening is None:
        return FrontMatter(text)
    lines = text[opening.end() :].split("\n", _MAX_LINES + 1)
    close = next((i for i, line in enumerate(lines[:_MAX_LINES]) if _CLOSE.match(line)), None)
    if close is None:
        return FrontMatter(text)  # never closed within `_MAX_LINES`: text starting with a rule
    entries: list[tuple[str, str, bool]] = []  # key, value, continued on the next lines
    for line in lines[:close]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (m := _ENTRY.match(line)) is not None:
            entries.append((m.group(1), m.group(2) or "", False))
        elif entries and _CONTINUATION.match(line):
            key, value, _ = entries[-1]
            entries[-1] = (key, value, True)
        else:
            return FrontMatter(text)  # not a block of `key: value` lines
    if not entries:
        return FrontMatter(text)
    return _read(entries, "\n".join(lines[close + 1 :]))


def _read(entries: list[tuple[str, str, bool]], rest: str) -> FrontMatter:
    front = FrontMatter(rest)
    values: dict[str, str] = {}
    unknown: list[str] = []
    for key, raw, continued in entries:
        name = _FIELDS.get(key) or _FIELDS.get(key.lower())
        if name is None:
            if key.lower() not in _IGNORED:
                unknown.append(key)
            continue
        value = _unquote(raw)
        if continued:
            front.warnings.append(f"front matter: multi-line value of {key!r} not read")
        elif value and name not in values:
            values[name] = value
    if unknown:
        front.warnings.append(f"front matter: unknown keys ignored: {', '.join(unknown)}")
    if (url := values.get("url")) is not None:
        if url.lower().startswith(("http://", "https://")):
            front.url = url
        else:
            front.warnings.append(f"front matter: url ignored, not an http(s) URL: {url!r}")
    if (published := values.get("published")) is not None:
        front.published = parse_date(published)
        if front.published is None:
            front.warnings.append(f"front matter: unreadable published date {published!r}")
    front.title = values.get("title")
    front.outlet = values.get("outlet")
    if (language := values.get("language")) is not None:
        front.language = language.split("-")[0].split("_")[0].lower() or None
    return front


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value
