"""English article text: sentences, province mentions and person-name shapes.

The shared sentence splitter and mention automaton (`sentences.py`, `mentions.py`) already
read English: the gazetteer resolves English spellings (`Quang Nam`, `Khammouane`, `HCMC`).
What English pages add is handled here, without touching the shared modules:

- a photo caption glued to the lead (`...at the meeting (Photo: VNA)Lai Chau (VNA) – ...`)
  is split off as a `caption` sentence, so the lead starts clean;
- a leading ` date YYYY-MM-DD` marker gives the publication date and is not part of the
  first sentence;
- `President Ho Chi Minh`, `Mr. X`: a place name right after a person's title is a name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import replace

from ingest.document import Document, Zone

from ..context import ArticleContext
from ..sentences import Sentence, sentences
from ..vocab import vocabulary

ZONES: tuple[Zone, ...] = ("title", "body", "caption")

# `(Photo: VNA)` / `(Photo: baoquangtri.vn)` glued to, or followed by, the next text.
_PHOTO = re.compile(r"\((?:Photo|Photos|Image|Source|Ảnh)\b[^)]{0,60}\)", re.IGNORECASE)
_FILE_PHOTO = re.compile(r"\b(?:file\s+photo|archive\s+photo|illustrative|illustration)\b", re.IGNORECASE)
# After a place name opening the lead: `LAI CHAU —`, `Kon Tum (VNA) –`, `VIENTIANE, Nov. 5 (KPL) -`.
_DATELINE = re.compile(
    r"\s*(?:(?:province|city)\s*)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
    r"(?:\([A-Za-z/ .]{2,20}\)\s*)?[—–-]\s"
)
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*")
# A link line inside the body (`Related news: X, Y boost ties`): another article's headline.
_INLINE_LINK = re.compile(
    r"^\s*(?:Related(?:\s+(?:news|articles?|stories|posts))?|Read\s+(?:more|also)|See\s+(?:also|more)"
    r"|Also\s+read|Recommended|More\s+news)\s*[:>»|–-]",
    re.IGNORECASE,
)
_LINK_INITIALS = frozenset("RrSsAaMm")
# Honorifics and abbreviations the shared splitter may end a sentence on (`Ms. Chanthone`).
_ABBREV_END = re.compile(r"\b(?:Ms|Mrs|Mr|Dr|Prof|Assoc|Gen|Col|Lt|Maj|Sen|Rep|No|St|Jr|Sr)\.$")


def date_marker(doc: Document) -> dt.date | None:
    """The date of a leading ` date YYYY-MM-DD` line (the capture tool's marker)."""
    for seg in doc.segments[:3]:
        m = _DATE_MARKER.match(seg.text)
        if m and m.group(3):
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def english_sentences(doc: Document) -> list[Sentence]:
    """The shared split, then captions glued to the lead split off and date markers cut."""
    out: list[Sentence] = []
    for s in _rejoin(doc.text, sentences(doc, ZONES)):
        kept = _strip_marker(s)
        if kept is None:
            continue
        if kept.text[:1] in _LINK_INITIALS and _INLINE_LINK.match(kept.text):
            continue  # another article's headline, like the `related` zone
        out.extend(_split_caption(kept))
    return out


def _rejoin(text: str, found: list[Sentence]) -> list[Sentence]:
    """Undo a split after an honorific (`... Province Ms. | Chanthone B ...`)."""
    out: list[Sentence] = []
    for s in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.segment == s.segment
            and prev.zone == s.zone
            and prev.text.endswith(".")
            and _ABBREV_END.search(prev.text, max(0, len(prev.text) - 8))
            and s.text[:1].isupper()
        ):
            out[-1] = replace(prev, text=text[prev.start : s.end])
            continue
        out.append(s)
    return out


def _strip_marker(s: Sentence) -> Sentence | None:
    m = _DATE_MARKER.match(s.text)
    if m is None:
        return s
    rest = s.text[m.end() :]
    if not rest.strip():
        return None
    return replace(s, text=rest, start=s.start + m.end())


def _split_caption(s: Sentence) -> list[Sentence]:
    """`caption text (Photo: VNA)Lead text` → a caption sentence and the lead."""
    m = _PHOTO.search(s.text)
    if m is None:
        return [s] if not _file_photo_caption(s) else []
    head = s.text[: m.end()]
    rest = s.text[m.end() :]
    out: list[Sentence] = []
    if not _FILE_PHOTO.search(head):
        out.append(replace(s, text=head, zone="caption"))
    lead = len(rest) - len(rest.lstrip())
    if rest.strip():
        out.extend(_split_caption(replace(s, text=rest.strip(), start=s.start + m.end() + lead)))
    return out


def _file_photo_caption(s: Sentence) -> bool:
    return s.zone == "caption" and _FILE_PHOTO.search(s.text) is not None


def english_context(doc: Document, published: dt.date | None) -> ArticleContext:
    """The shared per-article context over English sentences, with person names removed
    from the mentions and the article's main pair recounted without them."""
    ctx = ArticleContext.build(doc.text, published, english_sentences(doc))
    person = vocabulary("en", "cues").regex("person_before")
    vn: Counter[str] = Counter()
    la: Counter[str] = Counter()
    for info in ctx.sentences:
        kept = []
        for m in info.mentions:
            before = doc.text[max(info.sentence.start, m.start - 20) : m.start]
            after = doc.text[m.end : m.end + 6]
            if person.search(before) and not after.lstrip().startswith(("City", "city")):
                continue
            if m.start == info.sentence.start and _DATELINE.match(doc.text, m.end):
                vn_or_la = vn if m.country == "VN" else la
                vn_or_la[m.iso] += 1  # the place of reporting: the home province, not a party
                continue
            kept.append(m)
        info.mentions = kept
        if info.sentence.zone in ("body", "title"):
            for m in kept:
                (vn if m.country == "VN" else la)[m.iso] += 2 if info.sentence.zone == "title" else 1
    ctx.main_vn = vn.most_common(1)[0][0] if vn else None
    ctx.main_la = la.most_common(1)[0][0] if la else None
    ctx.sole = {c: next(iter(n)) for c, n in (("VN", vn), ("LA", la)) if len(n) == 1}
    return ctx


_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ỹ'’-]+|[A-Z]{2,}(?:-[A-Z]+)*)$")


def name_country(name: str) -> str | None:
    """`VN` for a Vietnamese-shaped name (`Thai Van Tuong`), `LA` for a Lao-shaped one
    (`Khamphet Sengsouvanh`, `Bounlu VONGSAPHAN`), None when unsure."""
    words = name.replace("-", " ").split()
    if not words:
        return None
    if words[0] in _vn_family() and 2 <= len(words) <= 5 and all(len(w) <= 6 for w in words):
        return "VN"
    if 2 <= len(words) <= 3 and any(len(w) >= 7 for w in words):
        return "LA"
    return None


def is_name_word(word: str) -> bool:
    """A word a person's name can hold: `Khamphet`, `VONGSAPHAN`, not `The` or `Province`."""
    return _NAME_WORD.match(word) is not None and word not in _not_name()


@functools.cache
def _vn_family() -> frozenset[str]:
    return frozenset(vocabulary("en", "names").words("vn_family"))


@functools.cache
def _not_name() -> frozenset[str]:
    return frozenset(vocabulary("en", "names").words("not_name"))
