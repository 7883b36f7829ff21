"""Partnerships: a Vietnamese and a Lao province that a clause says work with each other.

Co-mention is not enough: the clause must also carry a cooperation cue (cooperate, sign,
visit, work with, support, twin...). Pairs are formed within a `;`-clause first; a clause
that names only one side borrows the other side from the sentence's earlier clauses,
because Vietnamese states the subject once and chains predicates with `;`.
"""

from __future__ import annotations

import re

from app.facts import PartnershipFact

from .context import ArticleContext, SentenceInfo
from .multilateral import explicit_pairs, is_multilateral

CUE = re.compile(
    r"(?<!\w)(?:hợp tác|ký|ký kết|thăm|làm việc|hỗ trợ|giúp đỡ|ủng hộ|viện trợ|kết nghĩa|hữu nghị|"
    r"quan hệ|hội đàm|hội nghị|chúc Tết|tặng|trao tặng|giao lưu|phối hợp|hội kiến|gặp gỡ|gặp mặt|"
    r"đón|ghi nhớ|thỏa thuận|kết nối|gắn bó|đoàn kết|chào xã giao|tiếp(?!\s+(?:tục|theo|cận|giáp|nối|nhận))|"
    r"cùng với|với|mời|đầu tư)(?!\w)",
    re.IGNORECASE,
)
_STRONG = re.compile(
    r"(?<!\w)(?:hợp tác|ký|ký kết|thăm|làm việc|hỗ trợ|giúp đỡ|ủng hộ|viện trợ|kết nghĩa|hội đàm|"
    r"chúc Tết|trao tặng|giao lưu|hội kiến|chào xã giao|ghi nhớ|thỏa thuận|đoàn kết|gắn bó|hữu nghị|"
    r"tiếp(?!\s+(?:tục|theo|cận|giáp|nối|nhận)))(?!\w)",
    re.IGNORECASE,
)


# A province that only locates a diplomatic mission (`Tổng Lãnh sự quán Lào tại TP. Hồ Chí
# Minh`, `Lãnh sự Việt Nam tại Savannakhet`) is not itself a party.
_MISSION = re.compile(
    r"(?:Lãnh sự|Đại sứ|lãnh sự|đại sứ)[^,;.()]{0,40}?\stại\s+(?:(?:tỉnh|TP\.?|thành phố)\s*)?$"
)


# A national body as the actor: a Vietnamese province named only as the venue (`tại Hà Nội`)
# is then where it happened, not a partner.
_NATIONAL_ACTOR = re.compile(
    r"(?<!\w)(?:Bộ trưởng|Thứ trưởng|Thủ tướng|Chính phủ|Quốc hội|Chủ tịch nước|Tổng Bí thư|"
    r"Trung ương|Bộ [A-ZĐ]\w*|Đại sứ|Ban Đối ngoại Trung ương)(?!\w)"
)
_VENUE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:thủ đô|thành phố|TP\.?|tỉnh)\s*)?$", re.IGNORECASE)


def extract_partnerships(ctx: ArticleContext, info: SentenceInfo) -> list[PartnershipFact]:
    """Partnership facts stated in one sentence."""
    if len({m.country for m in info.mentions}) < 2:
        return []
    text = ctx.text
    actors = [m for m in info.mentions if _MISSION.search(text, max(0, m.start - 60), m.start) is None]
    venues = [m for m in actors if _VENUE.search(text, max(0, m.start - 20), m.start) is not None]
    if venues:
        national = _NATIONAL_ACTOR.search(info.sentence.text) is not None
        others = {(m.country, m.iso) for m in actors if m not in venues}
        countries = {c for c, _ in others}
        # A venue is a party only when nothing else of its country acts in the sentence, and
        # never when a national body is the actor.
        actors = [
            m
            for m in actors
            if m not in venues
            or (not national and (m.country not in countries or (m.country, m.iso) in others))
        ]
    if len({m.country for m in actors}) < 2:
        return []
    info = SentenceInfo(info.sentence, actors)
    out: dict[tuple[str, str], PartnershipFact] = {}
    seen_vn: list[str] = []
    seen_la: list[str] = []
    sentence_cue = _STRONG.search(info.sentence.text) is not None
    for start, end in info.sentence.clauses():
        ms = info.in_span(start, end)
        vn = [m.iso for m in ms if m.country == "VN"]
        la = [m.iso for m in ms if m.country == "LA"]
        cue = _STRONG.search(text, start, end) is not None
        weak = CUE.search(text, start, end) is not None
        if is_multilateral(text, ms):
            # Many provinces in one clause: only the pairs its structure states (see
            # multilateral.py); the clause lends no side to later clauses.
            if vn and la and (cue or (weak and sentence_cue)):
                for v, la_ in explicit_pairs(text, ms, start, end):
                    out.setdefault((v, la_), _fact(v, la_, info, 0.8 if cue else 0.7))
            continue
        if vn and la and (cue or (weak and sentence_cue)):
            conf = 0.9 if cue else 0.75
            for v in vn:
                for la_ in la:
                    out.setdefault((v, la_), _fact(v, la_, info, conf))
        elif cue and (vn or la):
            # One side only: borrow the other side from earlier clauses of this sentence.
            for v in vn or seen_vn:
                for la_ in la or seen_la:
                    if not (vn and la):
                        out.setdefault((v, la_), _fact(v, la_, info, 0.7))
        seen_vn.extend(x for x in vn if x not in seen_vn)
        seen_la.extend(x for x in la if x not in seen_la)
    return list(out.values())


def _fact(vn: str, la: str, info: SentenceInfo, confidence: float) -> PartnershipFact:
    if info.sentence.zone == "title":
        confidence = min(confidence, 0.85)
    elif info.sentence.zone in ("related", "caption"):
        confidence = min(confidence, 0.5)
    return PartnershipFact(vn=vn, la=la, confidence=confidence, evidence=info.evidence())
