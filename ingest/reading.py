"""Read one input file into a zoned `Document`, or refuse it with a one-line reason.

This is the only place that knows about files, sizes, encodings, HTML and JSON wrappers. It
hands the extractor a `Document` whose `text` is clean NFC text and whose `segments` say which
parts are the article. Every way a file can be unusable ends in `ReadError(path, reason)`, so
the pipeline can report it and carry on with the other files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

import orjson

from app.errors import VlkgError
from ingest.decode import DecodeError, decode_bytes
from ingest.document import Document, Segment, content_id
from ingest.frontmatter import split_front_matter
from ingest.html import declared_charset, looks_like_html, parse_html
from ingest.metadata import LANGUAGE_SAMPLE, detect_language, parse_date
from ingest.segment import Hint, Zoning, zone_text

__all__ = [
    "MAX_BYTES",
    "ReadError",
    "document_from_bytes",
    "document_from_text",
    "open_regular",
    "read_bytes",
    "read_document",
]

MAX_BYTES = 20_000_000
"""Refuse files of 20 MB or more: no news article is that big, and a mistaken path to a dump
or a disk image must not be read into memory."""

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})


class ReadError(VlkgError):
    """A file that cannot be read as an article (or a facts file that is not one); `reason`
    is one line for the user."""

    exit_code = 1
    status = 422
    title = "Unreadable input"
    public = "the input could not be read"

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_document(path: Path) -> Document:
    """Read a text, HTML or JSON article file into a zoned `Document`."""
    # No local name for the bytes: `document_from_bytes` drops them once decoded, so a
    # long file is not held twice (bytes and text) while it is zoned.
    return document_from_bytes(read_bytes(path), source=str(path), suffix=path.suffix.lower())


def open_regular(path: Path) -> tuple[int, int]:
    """A descriptor (blocking) and the size of `path`, checked as a regular, non-empty file
    before anything is read: a FIFO, device or socket is refused instead of hanging."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as err:
        raise ReadError(path, f"cannot open: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size == 0:
            raise ReadError(path, "empty file")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, after checking it is a regular, non-empty file below `limit`.

    The file is opened without blocking and checked on its descriptor before any read, so
    a FIFO, a device or a socket named like an article is refused at once instead of
    hanging the run; the read itself is capped, so a huge file cannot exhaust memory.
    """
    fd, size = open_regular(path)
    try:
        if size >= limit:
            raise ReadError(path, f"file too large ({_size(size)}; the limit is {_size(limit)})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit)
    except OSError as err:
        raise ReadError(path, f"cannot read: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if len(data) >= limit:
        raise ReadError(path, f"file too large (at least {_size(limit)})")
    if not data:
        raise ReadError(path, "empty file")
    return data


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a plain file"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


_LEADING_SPACE = re.compile(r"\s*")


def document_from_bytes(data: bytes, *, source: str, suffix: str = "") -> Document:
    """Decode and parse raw bytes; `suffix` (`.html`, `.json`, ...) picks the format, else it is
    sniffed from the content."""
    declared = declared_charset(data) if suffix in HTML_SUFFIXES or data[:1] == b"<" else None
    try:
        decoded = decode_bytes(data, declared=declared)
    except DecodeError as err:
        raise ReadError(source, str(err)) from None
    del data  # the caller keeps no reference either (`read_document`): freed here
    text = decoded.text.removeprefix("\ufeff")
    first = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # `\s*` always matches
    if suffix in JSON_SUFFIXES or (
        suffix not in HTML_SUFFIXES and text[first : first + 1] == "{" and text.endswith("}")
    ):
        doc = _from_json(text, source, strict=suffix in JSON_SUFFIXES)
        if doc is not None:
            doc.warnings[:0] = decoded.warnings
            return doc
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        doc = _from_html(text, source)
    else:
        front = split_front_matter(text)
        text, url, published = _preamble(front.text)
        doc = document_from_text(
            text,
            source=source,
            url=front.url or url,
            published=front.published or published,
            title=front.title,
            outlet=front.outlet,
            language=front.language,
        )
        doc.warnings[:0] = front.warnings
    doc.warnings[:0] = decoded.warnings
    return doc


# A captured page saved as text may start with its address on a line of its own, then a
# blank line (`https://outlet.vn/...\n\n<page>`); the capture tool may also prefix the
# page text with a ` date YYYY-MM-DD` marker (or ` date YYYY-MM`, a month it is not sure of
# the day of) on the same line as what follows.
_URL_LINE = re.compile(r"\A\s*(https?://\S+)[ \t]*\r?\n[ \t]*\r?\n")
_DATE_MARKER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s)[ \t]*")


def _preamble(text: str) -> tuple[str, str | None, dt.date | None]:
    """Strip a leading URL line and a ` date ...` marker; return the rest, the URL and the
    date. Only a full date is a publication date: a month alone says too little to resolve
    `ngày 5/3` against, and the 2025 succession needs the day."""
    url = None
    m = _URL_LINE.match(text)
    if m is not None:
        url = m.group(1)
        text = text[m.end() :]
    published = None
    d = _DATE_MARKER.match(text)
    if d is not None:
        if d.group(3) is not None:
            try:
                published = dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
            except ValueError:
                published = None
        text = text[d.end() :]
    return text, url, published


def document_from_text(
    text: str,
    *,
    source: str,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    hints: dict[int, Hint] | None = None,
) -> Document:
    """Zone already-decoded text; metadata given by the caller wins over what zoning finds.

    When a known `title` is not among the first lines it is put on top of the text, so the
    title segment, like every other, points into `Document.text`.
    """
    if title:
        title = " ".join(title.split())
        head = [" ".join(line.split()) for line in text.lstrip().split("\n", 8)[:8]]
        if title not in head:
            text = f"{title}\n\n{text}"
            if hints:
                shift = len(title) + 2
                hints = {offset + shift: hint for offset, hint in hints.items()}
    zoning: Zoning = zone_text(text, title=title or None, hints=hints)
    if not text or text.isspace():  # `not text.strip()`, without a copy of a long text
        raise ReadError(source, "no text")
    body = _language_sample(zoning.segments)
    doc = Document(
        source=source,
        id=content_id(text),
        text=text,
        title=title or zoning.title,
        published=published or zoning.published,
        outlet=outlet or zoning.outlet,
        url=url,
        language=language or detect_language(body or text),
        segments=zoning.segments,
        warnings=list(zoning.warnings),
    )
    return doc


def _language_sample(segments: list[Segment]) -> str:
    """The body segments joined by spaces, as far as `detect_language` reads (its sample):
    the whole body of a 20 MB text would be one more copy of it for 4,000 characters."""
    parts: list[str] = []
    size = 0
    for s in segments:
        if s.zone == "body":
            parts.append(s.text)
            size += len(s.text) + 1
            if size > LANGUAGE_SAMPLE:
                break
    return " ".join(parts)


def _from_html(html: str, source: str, **override: Any) -> Document:
    article = parse_html(html)
    if not article.blocks:
        raise ReadError(source, "HTML page without text")
    parts: list[str] = []
    hints: dict[int, Hint] = {}
    offset = 0
    for block in article.blocks:
        if parts:
            parts.append("\n")
            offset += 1
        for i, (line, hint) in enumerate(block):
            if i:
                parts.append("\n")
                offset += 1
            if hint is not None:
                hints[offset] = hint
            parts.append(line)
            offset += len(line)
        parts.append("\n")
        offset += 1
    text = "".join(parts)
    meta: dict[str, Any] = {
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language if article.language in {"vi", "en", "lo", "th"} else None,
    }
    meta.update({key: value for key, value in override.items() if value})
    return document_from_text(text, source=source, hints=hints, **meta)


_TEXT_KEYS = ("text", "content", "body", "plain_text", "raw_text")
_HTML_KEYS = ("html", "content_html", "body_html", "raw_html")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "published_at", "date", "datePublished", "pubDate", "publish_date", "time")
_URL_KEYS = ("url", "link", "canonical_url")
_OUTLET_KEYS = ("outlet", "source", "site", "site_name", "publisher")
_LANG_KEYS = ("language", "lang")
# Keys an article JSON may carry that reading does not use: the fetch details of
# `vlkg fetch` and the fields of common scrapers' JSON output (trafilatura's among them).
_IGNORED_KEYS = (
    "id",
    "file",
    "fetched_url",
    "final_url",
    "fetched_at",
    "sha256",
    "bytes",
    "etag",
    "last_modified",
    "author",
    "authors",
    "description",
    "excerpt",
    "hostname",
    "source-hostname",
    "sitename",
    "categories",
    "tags",
    "fingerprint",
    "license",
    "comments",
    "image",
    "pagetype",
)
ARTICLE_KEYS = frozenset(
    _TEXT_KEYS + _HTML_KEYS + _TITLE_KEYS + _DATE_KEYS + _URL_KEYS + _OUTLET_KEYS + _LANG_KEYS + _IGNORED_KEYS
)
"""Every key of the documented article JSON shape; an object with any other key is refused,
so a facts, gold or configuration file is never read as an article."""
# Keys of the facts contract and of the gold files: a JSON with one of these is not an article.
_FACT_KEYS = frozenset(
    {"partnerships", "officials", "agreements", "projects", "events", "district_partnerships", "negatives"}
)


def _epoch_date(obj: dict[str, Any]) -> dt.date | None:
    """A numeric `published` as a Unix time stamp (seconds, or milliseconds if huge), in UTC."""
    for key in _DATE_KEYS:
        value = obj.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            seconds = value / 1000 if value > 100_000_000_000 else value
            try:
                return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
            except (OverflowError, OSError, ValueError):
                return None
    return None


def _from_json(text: str, source: str, *, strict: bool) -> Document | None:
    """An article given as JSON: `{"url", "title", "published", "text" | "html", ...}`.

    Returns None for text that merely looks like JSON when `strict` is off (a `.txt` file).
    """
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as err:
        if not strict:
            return None
        raise ReadError(source, f"malformed JSON: {err}") from None
    if not isinstance(obj, dict):
        if not strict:
            return None
        raise ReadError(source, f"JSON {type(obj).__name__}: expected one article object")
    if "articles" in obj:
        raise ReadError(source, 'a facts document ({"articles": [...]}), not an article')
    if unknown := sorted(set(obj) - ARTICLE_KEYS):
        if not strict:
            return None
        facts = [k for k in unknown if k in _FACT_KEYS]
        shown = ", ".join(facts or unknown[:6]) + (" ..." if not facts and len(unknown) > 6 else "")
        what = "facts (a gold or expected-facts file?)" if facts else "keys"
        raise ReadError(
            source,
            f"not an article: unexpected {what} {shown}; an article JSON is "
            '{"text" or "html", "url", "title", "published", "outlet", "language", ...} '
            "(docs/reading.md lists the keys)",
        )

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
            if isinstance(value, dict):  # {"publisher": {"name": ...}}
                name = value.get("name")
                if isinstance(name, str) and name.strip():
                    return name.strip()
        return None

    published_raw = first(_DATE_KEYS)
    published = parse_date(published_raw) if published_raw else _epoch_date(obj)
    meta: dict[str, Any] = {
        "title": first(_TITLE_KEYS),
        "published": published,
        "url": first(_URL_KEYS),
        "outlet": first(_OUTLET_KEYS),
        "language": (first(_LANG_KEYS) or "").split("-")[0].lower() or None,
    }
    body = first(_TEXT_KEYS)
    html = first(_HTML_KEYS)
    if body is None and html is None:
        if not strict:
            return None
        raise ReadError(source, 'JSON article without text: expected a "text" or "html" field')
    if body is None or (html is None and looks_like_html(body)):
        return _from_html(html or body or "", source, **meta)
    if published_raw and published is None:
        doc = document_from_text(body, source=source, **meta)
        doc.warnings.append(f"unreadable published date {published_raw!r}")
        return doc
    return document_from_text(body, source=source, **meta)
