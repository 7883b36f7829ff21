"""A stand-in for `ingest.reading.read_document` used by the extraction tests.

The extractor is tested before the real reader exists; this helper turns a plain-text
seed page into a zoned `Document` with simple, documented heuristics: the header date and
headline, the body up to the first boilerplate heading, inline related-article links (a
headline printed twice) as `related`, photo credits as `caption`. When the real reader is
available the gold test uses it instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from ingest.document import Document, Segment, Zone, content_id

_DATE = re.compile(r"^\s*\d{1,2}:\d{2}\s*\|\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_STOP = re.compile(
    r"^(Tin bài liên quan|Các tin bài khác|Đọc nhiều|Đọc thêm|Chủ đề Sự kiện|Tin liên quan|Nguồn:)"
)
_CAPTION = re.compile(r"(Ảnh:|\(Ảnh|^Chú thích ảnh$|^Quang cảnh)")


def _doubled(line: str) -> bool:
    text = line.strip()
    n = len(text)
    for cut in range(n // 2 - 2, n // 2 + 3):
        left, right = text[:cut].strip(), text[cut:].strip()
        if left and left == right:
            return True
    return False


def read_seed(path: Path) -> Document:
    """Read a seed text file into a `Document` (header, title, zoned body)."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
    lines = text.split("\n")
    published: dt.date | None = None
    title: str | None = None
    segments: list[Segment] = []
    offset = 0
    body_started = False
    stopped = False
    caption_next = False
    for i, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        m = _DATE.match(line)
        if m and published is None and i < 5:
            published = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            continue
        if title is None:
            if i == 0 and len(lines) > 1 and _DATE.match(lines[1]):
                continue  # site header line above the date
            title = stripped
            segments.append(Segment(line, start, "title"))
            continue
        if stripped == "aa" and not body_started:
            continue
        if _STOP.match(stripped):
            stopped = True
        zone: Zone
        if stopped:
            zone = "related"
        elif stripped == title or _doubled(stripped):
            zone = "related" if _doubled(stripped) else "caption"
            caption_next = stripped == title
        elif (caption_next and len(stripped) < 200) or _CAPTION.search(stripped):
            zone = "caption"
            caption_next = stripped == "Chú thích ảnh"
        else:
            zone = "body"
            caption_next = False
        body_started = True
        segments.append(Segment(line, start, zone))
    return Document(
        source=str(path),
        id=content_id(text),
        text=text,
        title=title,
        published=published,
        segments=segments,
    )


def doc_from_text(text: str, published: dt.date | None = None, title: str | None = None) -> Document:
    """A `Document` whose paragraphs (blank-line separated) are all `body` segments."""
    full = (title + "\n\n" if title else "") + text
    segments: list[Segment] = []
    pos = 0
    for block in full.split("\n\n"):
        if block.strip():
            zone: Zone = "title" if title and pos == 0 else "body"
            segments.append(Segment(block, pos, zone))
        pos += len(block) + 2
    return Document(
        source="test.txt", id=content_id(full), text=full, title=title, published=published, segments=segments
    )
