"""Per-article state shared by the rules: sentences, their mentions, the article's main pair.

Built once per article so every rule reads the same sentence split and the same resolved
mentions (one automaton pass), which keeps extraction a single CPU pass over the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.facts import Evidence
from app.names import fold

from .mentions import Mention, find_mentions
from .sentences import Sentence
from .triggers import ALL, Hits, Trigger, scan_hits
from .vocab import vocabulary

_CUES = vocabulary("vi", "cues")
HOME_SUBJECT = _CUES["home_subject"].regex
CONTINUATION = _CUES["continuation"].regex

# Anaphora for the two partners of the article: "hai địa phương", "2 tỉnh", "hai bên".
PAIR_ANAPHORA = re.compile(
    r"(?<!\w)(?:hai|2|các)\s+(?:địa phương|tỉnh|bên|thành phố|thủ đô|đơn vị)(?!\w)|(?<!\w)tỉnh bạn(?!\w)",
    re.IGNORECASE,
)


# Longest span `find_mentions` reads at once. Its working arrays (folded copy, words, offset
# maps) take some 50 times the span's size, so a 20 MB text read in one piece peaked at 1.6
# GB (issue #11); an article is far shorter and is still read in one piece.
WINDOW = 1 << 16


def line_windows(text: str, lo: int, hi: int, size: int | None = None) -> list[tuple[int, int]]:
    """`[lo, hi)` cut into spans of about `size` characters, each cut right after a line
    break. A mention never spans a line break (`mentions._BREAK`) and a line break is a
    word boundary, so mentions found window by window are the mentions of the whole span; a
    single line longer than `size` stays whole."""
    size = WINDOW if size is None else size
    out: list[tuple[int, int]] = []
    start = lo
    while hi - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut < 0:
            cut = text.find("\n", start + size, hi)
            if cut < 0:
                break
        out.append((start, cut + 1))
        start = cut + 1
    out.append((start, hi))
    return out


@dataclass
class SentenceInfo:
    sentence: Sentence
    mentions: list[Mention]
    # Bits of the `Trigger`s whose words occur in the sentence (`triggers.scan`); `ALL`
    # when unknown, so a sentence built elsewhere runs every rule.
    triggers: int = ALL
    # Where the triggers' words start in the sentence (`triggers.scan_hits`); None when
    # unknown, and the patterns then search as usual.
    hits: Hits | None = None
    _evidence: Evidence | None = field(default=None, repr=False, compare=False)
    # The info this one narrows (`with_mentions`): the evidence is built once, there.
    _base: SentenceInfo | None = field(default=None, repr=False, compare=False)
    # What several rules read of the sentence, kept by the first that works it out (the
    # English rules' parties): key → value.
    shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def with_mentions(self, mentions: list[Mention]) -> SentenceInfo:
        """The same sentence with only `mentions` (the provinces a rule keeps as parties)."""
        return SentenceInfo(self.sentence, mentions, self.triggers, self.hits, _base=self._base or self)

    def may(self, trigger: Trigger) -> bool:
        """False only when `trigger`'s pattern cannot match anywhere in this sentence."""
        bit = trigger.bit  # `triggers.may`, inlined: five calls per sentence
        return bit == ALL or bool(self.triggers & bit)

    def finditer(self, trigger: Trigger, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """`trigger.pattern.finditer(text, start, end)`, tried only where the trigger's
        words start when the span lies in this sentence (the same matches, see triggers.py)."""
        s = self.sentence
        hits = self.hits if s.start <= start and end <= s.end else None
        return trigger.finditer(text, start, end, hits)

    def search(self, trigger: Trigger, text: str, start: int, end: int) -> re.Match[str] | None:
        """`trigger.pattern.search(text, start, end)`, as `finditer` tries it."""
        s = self.sentence
        hits = self.hits if s.start <= start and end <= s.end else None
        return trigger.search(text, start, end, hits)

    def finditer_sentence(self, trigger: Trigger) -> Iterator[re.Match[str]]:
        """`trigger.pattern.finditer(sentence.text)`: over the sentence's own string (the
        text's `sentence.start` on), tried only where the trigger's words start."""
        s = self.sentence
        return trigger.finditer(s.text, 0, len(s.text), self.hits, s.start)

    def search_sentence(self, trigger: Trigger) -> re.Match[str] | None:
        """`trigger.pattern.search(sentence.text)`, as `finditer_sentence` tries it."""
        s = self.sentence
        return trigger.search(s.text, 0, len(s.text), self.hits, s.start)

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def evidence(self) -> Evidence:
        """The sentence as evidence: built once, and shared by the sentence's facts (no
        code changes an evidence after it is made; a fact that needs another gets a new one)."""
        if self._base is not None:
            return self._base.evidence()
        if self._evidence is None:
            s = self.sentence
            self._evidence = Evidence(sentence=s.text, start=s.start, end=s.end, zone=s.zone)
        return self._evidence


@dataclass
class ArticleContext:
    text: str
    published: dt.date | None
    sentences: list[SentenceInfo]
    main_vn: str | None = None
    main_la: str | None = None
    # The one province of each country the article proper names, when it names only one.
    sole: dict[str, str] = field(default_factory=dict)
    # The funder of the latest aid statement so far (`projects.py`: a bare `tỉnh` subject).
    last_funder: Mention | None = None

    @classmethod
    def build(cls, text: str, published: dt.date | None, sentences: list[Sentence]) -> ArticleContext:
        # One automaton pass over the span the sentences cover; each sentence then takes
        # the mentions inside it (mentions never cross a line or a comma, see mentions.py).
        infos: list[SentenceInfo] = []
        if sentences:
            lo = min(s.start for s in sentences)
            hi = max(s.end for s in sentences)
            windows = line_windows(text, lo, hi)
            # Read in one piece (every article), the span is lower-cased once for both
            # passes (the mention fold and the trigger scan).
            lowered = text[lo:hi].lower() if len(windows) == 1 else None
            found = [m for a, b in windows for m in find_mentions(text, published, a, b, lowered)]
            starts = [m.start for m in found]
            for s in sentences:
                i = bisect.bisect_left(starts, s.start)
                inside: list[Mention] = []
                while i < len(found) and found[i].start < s.end:
                    if found[i].end <= s.end:
                        inside.append(found[i])
                    i += 1
                infos.append(SentenceInfo(s, inside))
            # One more pass: which rule gates each sentence could pass, and where their
            # words start (see triggers.py).
            scanned = scan_hits(text, [(s.start, s.end) for s in sentences], lowered)
            for info, (mask, hits) in zip(infos, scanned, strict=True):
                info.triggers = mask
                info.hits = hits
        vn: Counter[str] = Counter()
        la: Counter[str] = Counter()
        for info in infos:
            if info.sentence.zone not in ("body", "title"):
                continue
            for m in info.mentions:
                (vn if m.country == "VN" else la)[m.iso] += 2 if info.sentence.zone == "title" else 1
        ctx = cls(text, published, infos)
        ctx.main_vn = vn.most_common(1)[0][0] if vn else None
        ctx.main_la = la.most_common(1)[0][0] if la else None
        ctx.sole = {c: next(iter(n)) for c, n in (("VN", vn), ("LA", la)) if len(n) == 1}
        return ctx

    def pair_before(self, info: SentenceInfo) -> tuple[list[str], list[str]] | None:
        """The VN and LA provinces of the nearest earlier sentence (same paragraph) naming both."""
        seg = info.sentence.segment
        best: SentenceInfo | None = None
        for other in self.sentences:
            if other.sentence.start >= info.sentence.start:
                break
            if other.sentence.segment != seg:
                continue
            countries = {m.country for m in other.mentions}
            if {"VN", "LA"} <= countries:
                best = other
        if best is None:
            return None
        vn = unique(m.iso for m in best.mentions if m.country == "VN")
        la = unique(m.iso for m in best.mentions if m.country == "LA")
        return vn, la

    def home_subject(self, info: SentenceInfo, other: str) -> str | None:
        """The article's own province when the sentence opens with a bare `Tỉnh`/`Thành
        phố` subject before a cooperation verb (`Tỉnh đã ký ... với tỉnh B`) and names only
        provinces of the `other` country: the sole (else main) province of the home country."""
        home = "VN" if other == "LA" else "LA"
        if any(m.country == home for m in info.mentions):
            return None
        if HOME_SUBJECT.match(self.text, info.sentence.start) is None:
            return None
        return self.sole.get(home) or (self.main_vn if home == "VN" else self.main_la)

    def main_pair(self) -> tuple[list[str], list[str]] | None:
        if self.main_vn and self.main_la:
            return [self.main_vn], [self.main_la]
        return None


# `app.names.fold` of a person's name (the key repeated mentions of one official merge on),
# kept for the names met lately: an article names the same people again and again.
name_key = functools.lru_cache(maxsize=4096)(fold)


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
