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
from .gates import STRONG

# What may stand between two provinces the wording pairs: `A and B`, `A - B`, `A with the
# Lao province of B`.
_JOINED = re.compile(
    r"^\s*(?:and|with|-|–|—|&|to)\s*(?:the\s+)?"
    r"(?:(?:Lao|Laos’?|Laos's|Vietnamese|Vietnam’s)\s+)?(?:province\s+of\s+)?$"
)
# Items of a comma list: a province right after `, ` or right before `,` (with its unit word).
_IN_LIST = re.compile(r",\s*(?:the\s+)?$")
_LIST_NEXT = re.compile(r"\s*(?:\((?:Laos|Vietnam)\)\s*)?(?:province|provinces|city)?\s*,")
# `the Vientiane - Hanoi expressway`: two places naming a route or a border crossing.
_ROUTE_DASH = re.compile(r"\s*[-–—]\s*")
_ROUTE = re.compile(
    r"\s+(?:expressway|highway|railway|railroad|road|route|bridge|pipeline|power\s+line"
    r"|transmission\s+line|bus\s+route|air\s+route|flight|corridor|border\s+gate|checkpoint)s?\b",
    re.IGNORECASE,
)
_ATTEND_HINTS = ("ttend", "epresentativ", "articipa", "resent", "oined", "ook part")
# Between the pairs of a list of pairs: `A and B, C and D, and E and F`.
_PAIR_SEP = re.compile(r"\s*(?:,|;)\s*(?:and\s+)?(?:the\s+)?$")
# Cue patterns read per sentence, looked up once.
_VENUE = vocabulary("en", "cues").regex("venue")
_EVENT_VENUE = vocabulary("en", "cues").regex("event_venue")
_ATTENDANCE = vocabulary("en", "cues").regex("attendance")
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$")


def parties(ctx: ArticleContext, info: SentenceInfo) -> list[Mention]:
    """The sentence's province mentions that can be parties: national-meeting venues and
    the ends of a named route (`the Vientiane-Hanoi expressway`) dropped. Worked out once
    per sentence (partnerships, agreements and projects all read it; none changes it)."""
    found: list[Mention] | None = info.shared.get("parties")
    if found is None:
        found = info.shared["parties"] = _parties(ctx, info)
    return found


def _parties(ctx: ArticleContext, info: SentenceInfo) -> list[Mention]:
    s = info.sentence
    text = ctx.text
    ms = info.mentions
    if len(ms) >= 2:
        route: set[int] = set()
        for a, b in itertools.pairwise(ms):
            if b.start - a.end > 5 or not _ROUTE_DASH.fullmatch(text, a.end, b.start):
                continue
            if _ROUTE.match(text, b.end):
                route.update((a.start, b.start))
        if route:
            ms = [m for m in ms if m.start not in route]
    if len(ms) >= 3:
        ms = _without_event_venue(text, s.start, ms)
    if not _VENUE.search(s.text):
        return ms
    return [m for m in ms if not _VENUE_BEFORE.search(text, max(s.start, m.start - 30), m.start)]


def _without_event_venue(text: str, floor: int, ms: list[Mention]) -> list[Mention]:
    """Drop a province named as where the meeting took place (`[event_venue]`) when another
    province of its country is in the sentence: `a forum between A and the Lao province of B
    took place in Vientiane Capital` pairs A with B only."""
    venue = _EVENT_VENUE
    drop: set[int] = set()
    for country in ("VN", "LA"):
        same = [m for m in ms if m.country == country]
        if len(same) < 2:
            continue
        here = {m.start for m in same if venue.search(text, max(floor, m.start - 48), m.start)}
        if len(here) < len({m.iso for m in same}):
            drop |= here
    return [m for m in ms if m.start not in drop] if drop else ms


def _national_gathering(ctx: ArticleContext, info: SentenceInfo) -> bool:
    """A sentence about who attended a national meeting (`The meeting was attended by
    representatives of ministries and of A and B provinces`): the national body in the
    sentence or in the article's lead."""
    text = info.sentence.text
    if not any(h in text for h in _ATTEND_HINTS):
        return False  # cheap prefilter: every `[attendance]` entry contains one of these
    if _ATTENDANCE.search(text) is None:
        return False
    if _VENUE.search(info.sentence.text):
        return True
    lead = next((x for x in ctx.sentences if x.sentence.zone == "body"), None)
    return lead is not None and _VENUE.search(lead.sentence.text) is not None


def extract_partnerships(ctx: ArticleContext, info: SentenceInfo) -> list[PartnershipFact]:
    if len(info.mentions) < 2:
        return []
    ms = parties(ctx, info)
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = unique(m.iso for m in ms if m.country == "LA")
    if not vn or not la:
        return []
    if info.search_sentence(STRONG) is None:
        return []
    if _national_gathering(ctx, info):
        return []  # who attended a national meeting: no provincial pair (precision first)
    if len(vn) == 1 and len(la) == 1:
        return [_fact(vn[0], la[0], tiers.EXPLICIT, "en.partnership.sentence-cue", info)]
    if len(vn) == 1 or len(la) == 1:
        return [_fact(v, x, tiers.STRUCTURED, "en.partnership.one-to-several", info) for v in vn for x in la]
    listed = _pair_list(ctx.text, ms)
    if listed:
        return [_fact(v, x, tiers.STRUCTURED, "en.partnership.pair-list", info) for v, x in listed]
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


def _pair_list(text: str, ms: list[Mention]) -> list[tuple[str, str]]:
    """`A and B, C and D, E and F` (each pair one VN and one LA province): the pairs, when
    every province of the sentence stands in one such list of two pairs or more."""
    if len(ms) < 4 or len(ms) % 2:
        return []
    out: list[tuple[str, str]] = []
    for k in range(0, len(ms), 2):
        a, b = ms[k], ms[k + 1]
        if a.country == b.country or not _JOINED.match(text[a.end : b.start]):
            return []
        if k and not _PAIR_SEP.match(text[ms[k - 1].end : a.start]):
            return []
        out.append((a.iso, b.iso) if a.country == "VN" else (b.iso, a.iso))
    return list(dict.fromkeys(out))


def _fact(vn: str, la: str, tier: float, rule: str, info: SentenceInfo) -> PartnershipFact:
    ev = info.evidence()
    return PartnershipFact(vn=vn, la=la, confidence=tiers.capped(tier, ev.zone), evidence=ev, rule=rule)
