"""Partnerships: a Vietnamese and a Lao province that a clause says work with each other.

Co-mention is not enough: the clause must also carry a cooperation cue (cooperate, sign,
visit, work with, support, twin...; `vocab/vi/cues.toml`). Pairs are formed within a
`;`-clause first; a clause that names only one side borrows the other side from the
sentence's earlier clauses, because Vietnamese states the subject once and chains
predicates with `;`.

Rules (the id each fact records):
- `vi.partnership.clause-cue`: a strong cue and both sides in one clause;
- `vi.partnership.weak-cue`: a weak cue (`với`, `quan hệ`, `phối hợp`) in the clause and a
  strong cue elsewhere in the sentence;
- `vi.partnership.borrowed-side`: a strong cue and one side; the other from an earlier clause;
- `vi.partnership.multilateral-pairs`: the pairs a many-province clause writes out;
- `vi.partnership.joint-organisation`, `vi.partnership.annual-summit`: weak cues whose shape
  makes the provinces one subject, enough on their own.

Provinces that only locate something are not parties: a diplomatic mission's seat, a venue
(`tại TP. Vinh`, `tại Cửa khẩu X (Hà Tĩnh)`) when another province of that country acts,
and a province inside an institution's name (`Phân hiệu Đại học Đà Nẵng tại Kon Tum`).
"""

from __future__ import annotations

import re

from app.facts import PartnershipFact

from . import tiers
from .context import CONTINUATION, ArticleContext, SentenceInfo
from .mentions import Mention
from .multilateral import explicit_pairs, is_multilateral
from .triggers import Trigger
from .vocab import vocabulary

_CUES = vocabulary("vi", "cues")
_STRONG: tuple[re.Pattern[str], ...] = (
    _CUES["strong"].regex,
    _CUES["receive"].regex,
    _CUES["greet"].regex,
)
_WEAK = _CUES["weak"].regex
_JOINT = _CUES["joint"].regex
_SUMMIT = _CUES["summit"].regex
_INSTITUTION = _CUES["institution"].regex

# A province that only locates a diplomatic mission (`Tổng Lãnh sự quán Lào tại TP. Hồ Chí
# Minh`, `Lãnh sự Việt Nam tại Savannakhet`) is not itself a party.
_MISSION = re.compile(
    r"(?:Lãnh sự|Đại sứ|lãnh sự|đại sứ)[^,;.()]{0,40}?\stại\s+(?:(?:tỉnh|TP\.?|thành phố)\s*)?$"
)
_MISSION_AT = "tại"  # a literal of `_MISSION`, which no match lacks (a prefilter)


# A national body as the actor: a Vietnamese province named only as the venue (`tại Hà Nội`)
# is then where it happened, not a partner.
_NATIONAL_ACTOR = re.compile(
    r"(?<!\w)(?:Bộ trưởng|Thứ trưởng|Thủ tướng|Chính phủ|Quốc hội|Chủ tịch nước|Tổng Bí thư|"
    r"Trung ương|Bộ [A-ZĐ]\w*|Đại sứ|Ban Đối ngoại Trung ương)(?!\w)"
)
_VENUE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:thủ đô|thành phố|TP\.?|tỉnh)\s*)?$", re.IGNORECASE)
# `tại Cửa khẩu Quốc tế Cầu Treo (Hà Tĩnh)`: the province in brackets locates the venue.
_VENUE_BRACKET = re.compile(r"(?<!\w)(?:tại|ở)\s+[^,;()]{2,60}\(\s*(?:tỉnh\s+)?$", re.IGNORECASE)

RULE_CLAUSE = "vi.partnership.clause-cue"
RULE_WEAK = "vi.partnership.weak-cue"
RULE_BORROWED = "vi.partnership.borrowed-side"
RULE_MULTI = "vi.partnership.multilateral-pairs"
RULE_JOINT = _CUES["joint"].id
RULE_HOME = _CUES["home_subject"].id
RULE_LISTED = _CUES["continuation"].id
RULE_SUMMIT = _CUES["summit"].id


# The strong cues' words, as triggers (`triggers.py`): a sentence holding none of them has
# no strong cue in any of its clauses, so the cue searches are skipped there. Listed with
# the other rule gates in `ingest/extract/__init__.py`; they change with `_STRONG`.
CUE_TRIGGERS: tuple[Trigger, ...] = tuple(Trigger(p) for p in _STRONG)


def strong_cue(text: str, start: int, end: int, info: SentenceInfo | None = None) -> bool:
    """A strong cooperation cue in `text[start:end]` (a span of `info`'s sentence, when
    given: the cues are then tried only where their words start)."""
    if info is None:
        return any(p.search(text, start, end) is not None for p in _STRONG)
    return any(info.search(t, text, start, end) is not None for t in CUE_TRIGGERS)


def _is_venue(text: str, m: Mention) -> bool:
    # `_VENUE_BRACKET` cannot match without a `(` in its window: most mentions have none,
    # and the pattern backtracks through its 60-character run at every `tại`/`ở`.
    lo = max(0, m.start - 80)
    return _VENUE.search(text, max(0, m.start - 20), m.start) is not None or (
        text.find("(", lo, m.start) >= 0 and _VENUE_BRACKET.search(text, lo, m.start) is not None
    )


def actors(ctx: ArticleContext, info: SentenceInfo) -> list[Mention]:
    """The sentence's provinces that can be parties (not a mission's seat, a venue, an
    institution's name)."""
    text = ctx.text
    out = [
        m
        for m in info.mentions
        # `_MISSION` (case-sensitive) cannot match without its literal `tại`.
        if (
            text.find(_MISSION_AT, max(0, m.start - 60), m.start) < 0
            or _MISSION.search(text, max(0, m.start - 60), m.start) is None
        )
        and _INSTITUTION.search(text, max(0, m.start - 60), m.start) is None
    ]
    venues = [m for m in out if _is_venue(text, m)]
    if venues:
        national = _NATIONAL_ACTOR.search(info.sentence.text) is not None
        others = {(m.country, m.iso) for m in out if m not in venues}
        countries = {c for c, _ in others}
        # A venue is a party only when nothing else of its country acts in the sentence, and
        # never when a national body is the actor.
        out = [
            m
            for m in out
            if m not in venues
            or (not national and (m.country not in countries or (m.country, m.iso) in others))
        ]
    return out


def extract_partnerships(ctx: ArticleContext, info: SentenceInfo) -> list[PartnershipFact]:
    """Partnership facts stated in one sentence."""
    countries = {m.country for m in info.mentions}
    home: str | None = None
    if len(countries) == 1:
        # `Tỉnh đã ký Bản ghi nhớ với tỉnh B`: a bare `Tỉnh` subject is the article's own.
        home = ctx.home_subject(info, next(iter(countries)))
        if home is None:
            return []
    elif len(countries) < 2:
        return []
    text = ctx.text
    found = actors(ctx, info)
    if home is None and len({m.country for m in found}) < 2:
        return []
    cues = any(info.may(t) for t in CUE_TRIGGERS)  # False: no strong cue anywhere in it
    info = info.with_mentions(found)
    out: dict[tuple[str, str], PartnershipFact] = {}
    seen_vn: list[str] = []
    seen_la: list[str] = []
    if home is not None:
        (seen_la if home.startswith("LA-") else seen_vn).append(home)
    whole = (info.sentence.start, info.sentence.end)
    sentence_cue = cues and strong_cue(text, whole[0], whole[1], info)
    lead = False  # an earlier clause stated a pair with a strong cue
    for start, end in info.sentence.clauses():
        ms = info.in_span(start, end)
        vn = [m.iso for m in ms if m.country == "VN"]
        la = [m.iso for m in ms if m.country == "LA"]
        # A sentence without `;` is one clause, its own span: the sentence's cue is its cue
        # (the same search over the same span; most sentences are one clause).
        cue = sentence_cue if (start, end) == whole else cues and strong_cue(text, start, end, info)
        # A weak cue counts only beside both sides and a strong cue elsewhere in the
        # sentence, and not where the clause has its own: searched only then.
        weak = bool(vn and la and not cue and sentence_cue) and _WEAK.search(text, start, end) is not None
        if is_multilateral(text, ms):
            # Many provinces in one clause: only the pairs its structure states (see
            # multilateral.py); the clause lends no side to later clauses.
            if vn and la and (cue or weak):
                tier = tiers.STRUCTURED if cue else tiers.CONTEXTUAL
                for v, la_ in explicit_pairs(text, ms, start, end):
                    if (v, la_) not in out:  # built only for a new pair
                        out[(v, la_)] = _fact(v, la_, info, tier, RULE_MULTI)
            continue
        if vn and la and (cue or weak):
            tier, rule = (tiers.EXPLICIT, RULE_CLAUSE) if cue else (tiers.WEAK, RULE_WEAK)
            for v in vn:
                for la_ in la:
                    if (v, la_) not in out:  # built only for a new pair
                        out[(v, la_)] = _fact(v, la_, info, tier, rule)
            lead = lead or cue
        elif vn and la:
            for v, la_, rule in _standalone_weak(text, ms, start, end):
                if (v, la_) not in out:  # built only for a new pair
                    out[(v, la_)] = _fact(v, la_, info, tiers.WEAK, rule)
        elif (vn or la) and (cue or (lead and CONTINUATION.match(text, start) is not None)):
            # One side only: borrow the other side from earlier clauses of this sentence
            # (or the home province of a bare `Tỉnh` subject). Without a cue of its own, a
            # clause that goes on listing partners (`...; với tỉnh C năm 2021`) inherits
            # the verb of the clause before it.
            rule = RULE_BORROWED if cue else RULE_LISTED
            for v in vn or seen_vn:
                for la_ in la or seen_la:
                    r = RULE_HOME if home is not None and home in (v, la_) and cue else rule
                    if (v, la_) not in out:  # built only for a new pair
                        out[(v, la_)] = _fact(v, la_, info, tiers.CONTEXTUAL, r)
            lead = lead or (cue and bool(vn or seen_vn) and bool(la or seen_la))
        seen_vn.extend(x for x in vn if x not in seen_vn)
        seen_la.extend(x for x in la if x not in seen_la)
    return list(out.values())


def _standalone_weak(text: str, ms: list[Mention], start: int, end: int) -> list[tuple[str, str, str]]:
    """Pairs a weak cue states by its shape alone: the provinces written inside the
    joint-organisation or summit phrase (not elsewhere in the clause)."""
    out: list[tuple[str, str, str]] = []
    for pattern, rule in ((_JOINT, RULE_JOINT), (_SUMMIT, RULE_SUMMIT)):
        for m in pattern.finditer(text, start, end):
            a, b = m.span("names")
            inside = [x for x in ms if a <= x.start and x.end <= b]
            vn = [x.iso for x in inside if x.country == "VN"]
            la = [x.iso for x in inside if x.country == "LA"]
            out.extend((v, la_, rule) for v in vn for la_ in la)
    return out


def _fact(vn: str, la: str, info: SentenceInfo, tier: float, rule: str) -> PartnershipFact:
    return PartnershipFact(
        vn=vn,
        la=la,
        confidence=tiers.capped(tier, info.sentence.zone),
        evidence=info.evidence(),
        rule=rule,
    )
