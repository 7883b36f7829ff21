"""Partnerships in English news: a Vietnamese and a Lao province in one sentence with a cue.

A cue (`vocab/en/cues.toml [strong]`: cooperation, ties, signed, visited, received a
delegation, support...) must be in the sentence; co-mention alone gives nothing. One
province with several of the other country (`Gia Lai and the provinces of A, B, C and
D`) pairs it with each. Several provinces on both sides are a gathering or a list: only the
pairs the wording joins (`A and B`, `A - B`, `A with B`) count. A province named after
`in`/`at` in a sentence about national leaders (`the Prime Minister received the delegation
in Vientiane`) is the venue, not a partner.
"""

from __future__ import annotations

import itertools
import re

from app.facts import PartnershipFact

from .. import tiers
from ..context import ArticleContext, SentenceInfo, unique
from ..mentions import Mention
from ..vocab import vocabulary

# What may stand between two provinces the wording pairs: `A and B`, `A - B`, `A with the
# Lao province of B`.
_JOINED = re.compile(
    r"^\s*(?:and|with|-|–|—|&|to)\s*(?:the\s+)?"
    r"(?:(?:Lao|Laos’?|Laos's|Vietnamese|Vietnam’s)\s+)?(?:province\s+of\s+)?$"
)
# Items of a comma list: a province right after `, ` or right before `,` (with its unit word).
_IN_LIST = re.compile(r",\s*(?:the\s+)?$")
_LIST_NEXT = re.compile(r"\s*(?:\((?:Laos|Vietnam)\)\s*)?(?:province|provinces|city)?\s*,")
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$")


def parties(ctx: ArticleContext, info: SentenceInfo) -> list[Mention]:
    """The sentence's province mentions that can be parties (national-meeting venues dropped)."""
    s = info.sentence
    if not vocabulary("en", "cues").regex("venue").search(s.text):
        return info.mentions
    text = ctx.text
    return [m for m in info.mentions if not _VENUE_BEFORE.search(text, max(s.start, m.start - 30), m.start)]


def extract_partnerships(ctx: ArticleContext, info: SentenceInfo) -> list[PartnershipFact]:
    if len(info.mentions) < 2:
        return []
    ms = parties(ctx, info)
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = unique(m.iso for m in ms if m.country == "LA")
    if not vn or not la:
        return []
    if not vocabulary("en", "cues").regex("strong").search(info.sentence.text):
        return []
    if len(vn) == 1 and len(la) == 1:
        return [_fact(vn[0], la[0], tiers.EXPLICIT, "en.partnership.sentence-cue", info)]
    if len(vn) == 1 or len(la) == 1:
        return [_fact(v, x, tiers.STRUCTURED, "en.partnership.one-to-several", info) for v in vn for x in la]
    out: list[PartnershipFact] = []
    seen: set[tuple[str, str]] = set()
    text = ctx.text
    for a, b in itertools.pairwise(ms):
        if a.country == b.country or not _JOINED.match(text[a.end : b.start]):
            continue
        if _IN_LIST.search(text, max(0, a.start - 12), a.start) or _LIST_NEXT.match(text, b.end):
            continue  # `A, B, C and D, E`: items of one list, not a pair
        pair = (a.iso, b.iso) if a.country == "VN" else (b.iso, a.iso)
        if pair not in seen:
            seen.add(pair)
            out.append(_fact(pair[0], pair[1], tiers.STRUCTURED, "en.partnership.joined-pair", info))
    return out


def _fact(vn: str, la: str, tier: float, rule: str, info: SentenceInfo) -> PartnershipFact:
    ev = info.evidence()
    return PartnershipFact(vn=vn, la=la, confidence=tiers.capped(tier, ev.zone), evidence=ev, rule=rule)
