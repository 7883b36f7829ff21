"""Test helper: a zoned `Document` straight from a few paragraphs of Vietnamese text.

Unit tests of the extraction rules should not depend on the reader's decoding and zoning
heuristics, so they build documents here: every paragraph is a `body` segment.
"""

from __future__ import annotations

import datetime as dt

from ingest.document import Document, Segment, Zone, content_id


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
