"""A decoded article, split into zones, before any fact is extracted.

Reading (bytes → text, HTML/JSON unwrapping, header/boilerplate detection) and extraction
(text → facts) are separate steps joined only by this type, so each can be tested alone
and the extractor never sees encodings or markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

Zone = Literal["title", "body", "caption", "related"]


@dataclass(frozen=True)
class Segment:
    """A paragraph-sized run of text; `start` is its offset in `Document.text`."""

    text: str
    start: int
    zone: Zone

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Document:
    source: str
    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "vi"
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def zone(self, *zones: Zone) -> list[Segment]:
        return [s for s in self.segments if s.zone in zones]


def content_id(text: str) -> str:
    """Article identity: the first 16 hex digits of the SHA-256 of its NFC text."""
    # Hashed 64K characters at a time: the same digest (UTF-8 of the parts is the
    # UTF-8 of the whole), without a second, encoded copy of a long text in memory.
    digest = hashlib.sha256()
    for i in range(0, len(text), _HASH_PIECE):
        digest.update(text[i : i + _HASH_PIECE].encode("utf-8"))
    return digest.hexdigest()[:16]


_HASH_PIECE = 1 << 16
