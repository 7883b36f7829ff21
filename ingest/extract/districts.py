"""District twinning: a Vietnamese district or town paired with a Lao one.

Reports list twinned units as `<unit> A với <unit> B (<Lao province>)`, several per
sentence separated by `;`, sometimes with two units on one side (`huyện A và huyện B với
huyện C`). A pair is reported only in a sentence with a cooperation cue and only when one
side is placed in a Lao province (in brackets or `tỉnh X` after it); the Vietnamese side
takes the province named with it, else the article's main Vietnamese province.
"""

from __future__ import annotations

import re

from app.facts import DistrictPartnershipFact

from . import tiers
from .context import ArticleContext, SentenceInfo
from .mentions import Mention
from .triggers import Trigger

_UNIT = r"(?:huyện|thị xã|thành phố|TP\.?|quận|thị trấn|xã|bản|cụm bản|Huyện|Thị xã|Thành phố)"
_STOP = r"(?!(?:và|với|huyện|thị|xã|thành|TP|quận|bản|của|tỉnh|cùng)(?!\w))"
UNIT_NAME = re.compile(
    r"(?<!\w)(?P<unit>" + _UNIT + r")\s+(?P<name>[^\W\d_][\w-]*(?:\s+" + _STOP + r"[^\W\d_][\w-]*){0,3})"
)
_WITH = re.compile(r"\s+(?:kết nghĩa\s+)?với\s+")
_CUE = re.compile(
    r"(?<!\w)(?:kết nghĩa|quan hệ hợp tác|hợp tác|thiết lập quan hệ|quan hệ hữu nghị|kết nối)(?!\w)",
    re.IGNORECASE,
)
# The cues as a trigger (`triggers.py`): the rule runs only on sentences holding one of
# their words, and looks for the cue only where those words start.
TWINNING = Trigger(_CUE)
_PLACED = re.compile(r"\s*(?:\(\s*(?:tỉnh\s+)?|,?\s*(?:của\s+)?tỉnh\s+)")


def _unit(text: str, m: re.Match[str]) -> tuple[str, int]:
    """`<unit> <Name>` as written, keeping only the capitalised words of the name."""
    words = m.group("name").split()
    kept: list[str] = []
    for w in words:
        if not w[0].isupper():
            break
        kept.append(w)
    if not kept:
        return "", m.start()
    name = " ".join(kept)
    end = text.find(name, m.start("name")) + len(name)
    return f"{m.group('unit')} {name}", end


def _placed_in(text: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """The province written right after a unit: `(Khăm Muồn)`, `tỉnh Khăm Muồn`."""
    p = _PLACED.match(text, pos)
    at = p.end() if p else pos
    return next((m for m in mentions if at <= m.start <= at + 1), None) if p else None


def extract_districts(ctx: ArticleContext, info: SentenceInfo) -> list[DistrictPartnershipFact]:
    """District-level twinning pairs stated in one sentence."""
    text = ctx.text
    sent = info.sentence
    if "với" not in sent.text or info.search_sentence(TWINNING) is None or not info.mentions:
        return []
    out: list[DistrictPartnershipFact] = []
    for start, end in sent.clauses():
        for w in _WITH.finditer(text, start, end):
            right_m = UNIT_NAME.match(text, w.end())
            if right_m is None:
                continue
            right, right_end = _unit(text, right_m)
            la = _placed_in(text, right_end, info.mentions)
            if not right or la is None or la.country != "LA":
                continue
            left_units = _left_units(text, start, w.start())
            for left, left_end in left_units:
                placed = _placed_in(text, left_end, info.mentions)
                vn_province = placed.iso if placed is not None and placed.country == "VN" else None
                if vn_province is None:
                    named = [
                        m for m in info.mentions if m.country == "VN" and m.start <= left_end <= m.end + 1
                    ]
                    vn_province = named[0].iso if named else ctx.main_vn
                out.append(
                    DistrictPartnershipFact(
                        vn_district=left,
                        vn_province=vn_province,
                        la_district=right,
                        la_province=la.iso,
                        confidence=tiers.capped(tiers.CONTEXTUAL, info.sentence.zone),
                        evidence=info.evidence(),
                        rule="vi.district.paired-districts",
                    )
                )
    return out


def _left_units(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The units just before `với`: the last one, plus any joined to it by `và`/`,`."""
    found = [(m, *_unit(text, m)) for m in UNIT_NAME.finditer(text, start, end)]
    found = [f for f in found if f[1]]
    if not found:
        return []
    last = found[-1]
    if text[last[2] : end].strip(" )") and not text[last[2] : end].strip().startswith("("):
        return []
    units = [(last[1], last[2])]
    for prev in reversed(found[:-1]):
        gap = text[prev[2] : units[0][1] - len(units[0][0])].strip()
        if gap not in ("và", ",", "và các", "cùng"):
            break
        units.insert(0, (prev[1], prev[2]))
    return units
