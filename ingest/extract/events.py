"""Visits and meetings: when, who hosted, who visited, who led the delegation.

Reports state a visit in three shapes, and each names the sides differently:

- the host receives a delegation: `Thanh Hóa đón đoàn đại biểu tỉnh Hủa Phăn`,
  `Bí thư Tỉnh ủy A tiếp đoàn tỉnh B`, `... hội đàm với đoàn tỉnh B` (host before the verb,
  visitor in the delegation after it);
- the delegation is the subject: `Đoàn công tác tỉnh X do <titles> <Name> dẫn đầu đã sang
  thăm và làm việc tại tỉnh Y` (visitor in the delegation, host after `tại`/`với`/`thăm`
  or the other side named in the sentence);
- a meeting at a named place: `hội đàm ... tại huyện Mường Nhé (Điện Biên)` (host is the
  place, the other side visits).

A meeting with neither a delegation nor a place (`A hội đàm với B`) does not say who
hosted, so it gives no event rather than a guessed one. Planned visits (`sẽ sang thăm`),
tallies (`109 đoàn`, `nhiều đoàn`) and missions (`Tổng Lãnh sự ... tại TP. Hồ Chí Minh`)
give nothing either. Dates may be partial (`2021-03-11`, `2021-03`, `2021`): a day and
month take the published year (see `timing.py`); nothing is guessed beyond the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.facts import EventFact

from . import tiers
from .context import ArticleContext, SentenceInfo
from .mentions import Mention
from .multilateral import explicit_pairs, is_multilateral
from .officials import Official
from .partnerships import _MISSION, _MISSION_AT
from .timing import not_yet, partial_date
from .triggers import Trigger, lowered_span

VISIT = re.compile(
    r"(?<!\w)(?:thăm|làm việc|hội đàm|hội kiến|tiếp(?!\s+(?:tục|theo|cận|giáp|nối|nhận|thu|xúc))|"
    r"đón|chúc Tết|hội nghị|gặp gỡ|gặp mặt|chào xã giao)(?!\w)",
    re.IGNORECASE,
)
# The cues as a trigger (`triggers.py`): the rule runs only on sentences holding one of
# their words, and looks for the cue only where those words start.
VISITS = Trigger(VISIT)
# `Trưởng đoàn` is a title, `đoàn kết` solidarity, `đoàn viên` a member: not a delegation.
_DELEGATION = re.compile(r"(?<![Tt]rưởng )(?<!\w)[Đđ]oàn(?!\s+(?:kết|thể|viên|Thanh niên))(?!\w)")
# The host acts on a delegation: `đón đoàn`, `tiếp đoàn`, `làm việc với đoàn`.
_RECEIVE = re.compile(
    r"(?<!\w)(?:đón tiếp|tiếp đón|đón|tiếp|(?:hội đàm|làm việc|hội kiến|gặp gỡ|gặp mặt|gặp)\s+với)"
    r"\s+(?:[^,;.]{0,25}?\s)?[Đđ]oàn(?!\s+kết)(?!\w)"
)
_VISIT_VERB = re.compile(
    r"(?<!\w)(?:thăm|làm việc|chúc Tết|hội đàm|hội kiến|chào xã giao|dự)(?!\w)", re.IGNORECASE
)
_HOST_BEFORE = re.compile(
    r"(?<!\w)(?:với|tại|thăm|đến|sang|tới)\s+(?:lãnh đạo\s+|Lãnh đạo\s+)?(?:(?:UBND|Tỉnh ủy|Thành ủy)\s+)?"
    r"(?:(?:tỉnh|thành phố|TP\.?|thủ đô|Tỉnh|Thành phố)\s*)?$"
)
_VENUE = re.compile(
    r"(?<!\w)tại\s+(?:(?:tỉnh|thành phố|TP\.?|thủ đô)\s*$|(?:huyện|thị xã|thành phố|xã|cửa khẩu|"
    r"TP\.?|Cửa khẩu)\s[^,;()]{1,40}(?:\(|,)\s*(?:tỉnh\s+)?$)"
)
_TALLY = re.compile(
    r"(?<!\w)(?:\d+|nhiều|các|những|hàng chục|hàng trăm)\s+(?:lượt\s+)?[Đđ]oàn(?!\w)", re.IGNORECASE
)
# Literals every match holds, checked before the pattern runs (prefilters): `_DELEGATION`
# and `_RECEIVE` end in `[Đđ]oàn`, so they hold `oàn`; `_TALLY`, case-blind, holds `đoàn`
# in the lower-cased sentence.
_DOAN = "oàn"
_TALLY_AT = "đoàn"
_LEADS = re.compile(r"(?<!\w)(?:dẫn đầu|làm trưởng đoàn|làm Trưởng đoàn|là trưởng đoàn|là Trưởng đoàn)(?!\w)")
_MEETING = re.compile(r"(?<!\w)(?:hội đàm|hội nghị|hội kiến|gặp gỡ|gặp mặt|họp)(?!\w)", re.IGNORECASE)
_VISIT_WORD = re.compile(r"(?<!\w)(?:thăm|chúc Tết|đón)(?!\w)")


def extract_event(ctx: ArticleContext, info: SentenceInfo, officials: Sequence[Official]) -> EventFact | None:
    """The visit or meeting one body sentence reports, if it names who hosted or visited."""
    sent = info.sentence
    if sent.zone != "body" or not info.mentions:
        return None
    text = ctx.text
    cue = info.search(VISITS, text, sent.start, sent.end)
    if cue is None or not_yet(text, sent.start, cue.start(), sent.end):
        return None
    low = lowered_span(text, sent.start, sent.end)
    if (low is None or _TALLY_AT in low) and _TALLY.search(text, sent.start, sent.end) is not None:
        return None
    ms = [
        m
        for m in info.mentions
        # `_MISSION` cannot match without its literal `tại` (as in partnerships.py).
        if text.find(_MISSION_AT, max(0, m.start - 60), m.start) < 0
        or _MISSION.search(text, max(0, m.start - 60), m.start) is None
    ]
    if is_multilateral(text, ms) and not explicit_pairs(text, ms, sent.start, sent.end):
        # A gathering of many provinces: the venue hosts it, and no one province of the
        # list is "the" visitor.
        sides = _venue_only(text, sent.start, sent.end, ms)
    else:
        sides = _sides(text, sent.start, sent.end, ms)
    if sides is None:
        return None
    host, visitor, deleg_at = sides
    if host is not None and visitor is not None and host.country == visitor.country:
        return None
    kind = "meeting" if _MEETING.search(sent.text) and not _VISIT_WORD.search(sent.text) else "visit"
    return EventFact(
        kind=kind,
        date=partial_date(text, sent.start, sent.end, ctx.published),
        host=host.iso if host else None,
        visitor=visitor.iso if visitor else None,
        leader=_leader(text, sent.start, sent.end, deleg_at, officials, visitor),
        confidence=tiers.capped(tiers.CONTEXTUAL, sent.zone),
        evidence=info.evidence(),
        rule="vi.event.meeting" if kind == "meeting" else "vi.event.visit",
    )


def _sides(
    text: str, start: int, end: int, ms: list[Mention]
) -> tuple[Mention | None, Mention | None, int | None] | None:
    """(host, visitor, delegation offset) for the first shape that fits the sentence."""
    for start_c, end_c in _clauses(text, start, end):
        doan = text.find(_DOAN, start_c, end_c) >= 0
        recv = _RECEIVE.search(text, start_c, end_c) if doan else None
        if recv is not None and not not_yet(text, start_c, recv.start(), end_c):
            before = [m for m in ms if start_c <= m.start and m.end <= recv.start()]
            after = [m for m in ms if recv.end() <= m.start < end_c]
            host = before[-1] if before else None
            visitor = next((m for m in after if host is None or m.country != host.country), None)
            if host is not None or visitor is not None:
                return host, visitor, recv.end()
        deleg = _DELEGATION.search(text, start_c, end_c) if doan else None
        if deleg is not None:
            verb = _VISIT_VERB.search(text, deleg.end(), min(end_c, deleg.end() + 250))
            if verb is not None and not not_yet(text, start_c, verb.start(), end_c):
                named = [m for m in ms if deleg.end() <= m.start and m.end <= verb.start()]
                visitor = named[0] if named else None
                host = _host_after(text, ms, verb.start(), end_c, visitor)
                if visitor is not None or host is not None:
                    return host, visitor, deleg.start()
    venue = next((m for m in ms if _VENUE.search(text, max(start, m.start - 60), m.start) is not None), None)
    if venue is not None and _MEETING.search(text, start, end) is not None:
        visitor = next((m for m in ms if m.country != venue.country), None)
        if visitor is not None:
            return venue, visitor, None
    return None


def _venue_only(
    text: str, start: int, end: int, ms: list[Mention]
) -> tuple[Mention | None, Mention | None, int | None] | None:
    """(venue, None, None) for a meeting at a named province, else None."""
    venue = next((m for m in ms if _VENUE.search(text, max(start, m.start - 60), m.start) is not None), None)
    if venue is None or _MEETING.search(text, start, end) is None:
        return None
    return venue, None, None


def _host_after(
    text: str, ms: list[Mention], verb_start: int, end: int, visitor: Mention | None
) -> Mention | None:
    """The province after `với`/`tại`/`thăm` past the visit verb, else the other side named."""
    for m in ms:
        if not verb_start <= m.start < end or (visitor is not None and m.country == visitor.country):
            continue
        if _HOST_BEFORE.search(text, max(0, m.start - 40), m.start):
            return m
    if visitor is None:
        return None
    return next((m for m in ms if m.country != visitor.country), None)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`;`-separated parts of `text[start:end]` (a visit is stated within one)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        semi = text.find(";", pos, end)
        if semi < 0:
            out.append((pos, end))
            return out
        out.append((pos, semi))
        pos = semi + 1


def _leader(
    text: str,
    start: int,
    end: int,
    deleg_at: int | None,
    officials: Sequence[Official],
    visitor: Mention | None,
) -> str | None:
    """The official between the delegation and `dẫn đầu`/`làm trưởng đoàn` (`do <titles>
    <Name> dẫn đầu`), when that official is of the visiting province (or of none known)."""
    lead = _LEADS.search(text, start, end)
    if lead is None:
        return None
    lo = deleg_at if deleg_at is not None and deleg_at < lead.start() else start
    cands = [o for o in officials if lo <= o.start < lead.start()]
    if not cands:
        return None
    o = cands[-1]
    if visitor is not None and o.province is not None and o.province != visitor.iso:
        return None
    return o.name


def merge_events(events: list[EventFact]) -> list[EventFact]:
    """One fact per visit: later sentences that restate it (same host and visitor, a date
    that agrees or none) add the leader or a more precise date to the first."""
    out: list[EventFact] = []
    for e in events:
        for g in out:
            if (g.host, g.visitor, g.kind) != (e.host, e.visitor, e.kind):
                continue
            a, b = g.date or "", e.date or ""
            if not (a.startswith(b) or b.startswith(a)):
                continue
            if len(b) > len(a):
                g.date = e.date
            g.leader = g.leader or e.leader
            break
        else:
            out.append(e)
    return out
