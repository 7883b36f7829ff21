"""Visits and meetings: when, who hosted, who visited, who led the delegation.

News leads open with the day (`Chiều 31/10, đoàn công tác tỉnh X ... đến thăm và làm việc
với tỉnh Y`). The year comes from the published date when the text omits it; without a
published date the event stays undated rather than guessed. The visiting province is the
one named in the delegation (`Đoàn ... tỉnh X`), the host the one after `với`/`tại`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from app.facts import EventFact

from .context import ArticleContext, SentenceInfo
from .officials import Official

LEAD_DATE = re.compile(
    r"^(?:\(.*?\)\s*-\s*)?(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)\s+)?(?:(?:hôm\s+)?nay\s+)?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>(?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE,
)
VISIT = re.compile(
    r"(?<!\w)(?:thăm|làm việc|hội đàm|hội kiến|tiếp(?!\s+(?:tục|theo|cận))|hội nghị|gặp gỡ|"
    r"chào xã giao)(?!\w)",
    re.IGNORECASE,
)
_DELEGATION = re.compile(r"(?<!\w)đoàn(?!\s+kết)(?!\w)", re.IGNORECASE)
_HOST = re.compile(
    r"(?<!\w)(?:với|tại|thăm)\s+(?:lãnh đạo\s+)?(?:(?:tỉnh|thành phố|TP\.?|thủ đô)\s+)?$", re.IGNORECASE
)
_LEADS = re.compile(r"(?<!\w)(?:dẫn đầu|làm trưởng đoàn|làm Trưởng đoàn|trưởng đoàn)(?!\w)")


def extract_event(ctx: ArticleContext, info: SentenceInfo, officials: Sequence[Official]) -> EventFact | None:
    """A visit or meeting opened by a date at the start of a body sentence."""
    sent = info.sentence
    if sent.zone != "body":
        return None
    m = LEAD_DATE.match(sent.text)
    if m is None or VISIT.search(sent.text) is None:
        return None
    day, month = int(m.group("d")), int(m.group("m"))
    year = int(m.group("y")) if m.group("y") else (ctx.published.year if ctx.published else None)
    date: str | None = None
    if year is not None:
        try:
            date = dt.date(year, month, day).isoformat()
        except ValueError:
            date = None
    visitor = host = None
    deleg = _DELEGATION.search(sent.text)
    for men in info.mentions:
        rel = men.start - sent.start
        if visitor is None and deleg is not None and rel > deleg.start():
            visitor = men
            continue
        if host is None and _HOST.search(sent.text[:rel]) is not None and men is not visitor:
            host = men
    if host is None and visitor is not None:
        # `Bí thư Tỉnh ủy A ... tiếp đoàn tỉnh B`: the other side named in the sentence hosts.
        host = next((x for x in info.mentions if x.country != visitor.country), None)
    if visitor is None and host is None:
        return None
    if host is not None and visitor is not None and host.country == visitor.country:
        host = None
    leader = None
    lead = _LEADS.search(sent.text)
    if lead is not None:
        before = [o for o in officials if o.start - sent.start < lead.start()]
        if before:
            leader = before[-1].name
    return EventFact(
        kind="visit" if deleg is not None or "thăm" in sent.text.lower() else "meeting",
        date=date,
        host=host.iso if host else None,
        visitor=visitor.iso if visitor else None,
        leader=leader,
        confidence=0.7,
        evidence=info.evidence(),
    )
