"""Sentence and clause splitting with offsets into the document text.

Facts are stated per sentence and their evidence is the sentence, so every sentence keeps
its absolute offset in `Document.text`. Vietnamese news writing joins several statements
with `;` inside one sentence (a subject stated once, then several predicates), so clauses
are also exposed: pairing provinces or amounts within a clause avoids crossing statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.document import Document, Segment, Zone

# A sentence ends at . ! ? … (possibly followed by closing quotes/brackets) and whitespace,
# when the next word starts like a sentence (capital, digit, quote or bracket). The match
# opens with the end mark (so the regex engine can skip to the marks); the sentence ends
# right after it.
_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[0-9A-ZÀ-ỸĐ])")
# Abbreviations that end in a dot but do not end a sentence ("TP. Hồ Chí Minh"). A match
# ends where the sentence would and is at most `_ABBREV_SPAN` characters long (`Th.S.`),
# so only that much before the end mark is searched (`\b` still sees the character before).
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|tp|TS|ThS|PGS|GS|BS|Th\.S|St|Mr|Mrs|Dr|Q|P|v\.v)\.)$")
_ABBREV_SPAN = 8
_CLAUSE_SEP = re.compile(r";\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, absolute offsets and the zone it came from."""

    text: str
    start: int
    zone: Zone
    segment: int
    seg_start: int
    seg_end: int
    # `start + len(text)`, kept beside the fields (the rules read it of every sentence,
    # often several times): not compared, not shown, derived from `start` and `text`.
    end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.start + len(self.text))

    def clauses(self) -> list[tuple[int, int]]:
        """Absolute (start, end) spans of the `;`-separated clauses (computed once, kept
        beside the fields: a `functools.cached_property` took a lock on every sentence)."""
        spans: list[tuple[int, int]] | None = self.__dict__.get("_clauses")
        if spans is None:
            spans = self._split_clauses()
            object.__setattr__(self, "_clauses", spans)  # a cache, not a field
        return spans

    def _split_clauses(self) -> list[tuple[int, int]]:
        if ";" not in self.text:
            return [(self.start, self.end)]
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in _CLAUSE_SEP.finditer(self.text):
            spans.append((self.start + pos, self.start + m.start()))
            pos = m.end()
        spans.append((self.start + pos, self.end))
        return spans


def split_segment(segment: Segment, index: int) -> list[Sentence]:
    """Split one segment into stripped sentences; lines are always sentence boundaries.
    (A list built in one loop: nested generators cost a resumption per sentence.)"""
    text = segment.text
    out: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        offset = segment.start + line_start
        line_start += len(line) + 1
        pos = 0
        for m in _BOUNDARY.finditer(line):
            end = m.start() + 1  # after the end mark
            if _ABBREV.search(line, max(0, end - _ABBREV_SPAN), end):
                continue
            _emit(out, line, pos, end, offset, segment, index)
            pos = m.end()
        _emit(out, line, pos, len(line), offset, segment, index)
    return out


def _emit(
    out: list[Sentence], line: str, start: int, end: int, offset: int, seg: Segment, index: int
) -> None:
    """Append the stripped `line[start:end]` to `out` as a sentence, unless blank."""
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(_sentence(stripped[:2000], offset + start + lead, seg.zone, index, seg.start, seg.end))


_NEW = object.__new__


def _sentence(text: str, start: int, zone: Zone, segment: int, seg_start: int, seg_end: int) -> Sentence:
    """`Sentence(text, start, zone, segment, seg_start, seg_end)`, its fields written into the
    new instance's dict directly: the frozen dataclass's `__init__` sets each through
    `object.__setattr__` (1.3 against 0.55 µs), and every sentence of every article is
    made here. The same object (`test_extract_sentences.py` compares the two)."""
    s = _NEW(Sentence)
    s.__dict__.update(
        text=text,
        start=start,
        zone=zone,
        segment=segment,
        seg_start=seg_start,
        seg_end=seg_end,
        end=start + len(text),
    )
    return s


def sentences(doc: Document, zones: tuple[Zone, ...]) -> list[Sentence]:
    """All sentences of the segments in `zones`, in document order."""
    out: list[Sentence] = []
    for i, seg in enumerate(doc.segments):
        if seg.zone in zones:
            out.extend(split_segment(seg, i))
    return out
