"""When something happened, and whether it happened at all.

News reports date events by day and month (`Sáng 11/3,`, `ngày 5/6`) and leave the year to
the dateline, so a day/month takes the published year; a date that would fall after the
article was published belongs to the year before (`ngày 28/12` in a report of 3 January).
Without a published date the year is unknown and only what the text states is kept
(`tháng 3/2021` → `2021-03`, `năm 2021` → `2021`), never a guess.

The same sentences also announce what has not happened yet (`sẽ ký`, `dự kiến ký`,
`đề nghị hai bên ký kết`): a planned signing or visit is not a signed agreement or a
held meeting, and reporting it as one would put a false fact in the graph.
"""

from __future__ import annotations

import datetime as dt
import re

from .triggers import Starts
from .vocab import vocabulary

# A day and month, optionally with the year: `11/3`, `ngày 11/3/2021`, `Sáng 11-3`.
DAY_MONTH = re.compile(
    r"(?<![\w/])(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>(?:19|20)\d\d))?(?![\w/])"
)
# The day of the report: at the start of the sentence (after an agency prefix) or after
# `ngày`/`sáng`/`chiều`... anywhere (`Trong hai ngày 10 và 11/3` is left alone).
_DAY_WORD = re.compile(
    r"(?<!\w)(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)\s+(?:(?:hôm\s+)?nay\s+)?(?:ngày\s+)?$"
)
_LEAD = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*[-–]\s*)?$")
MONTH_YEAR = re.compile(
    r"(?<!\w)tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\w)năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)

# Modal words (future, wish, request, plan; done; looking ahead) are data:
# `vocab/vi/modality.toml`.
_MODALITY = vocabulary("vi", "modality")
_NOT_YET = _MODALITY.regex("not_yet")
_DONE = _MODALITY.regex("done")
_AHEAD = _MODALITY.regex("ahead")
# `_AHEAD` reads the whole clause, where the other modal patterns read 60 characters before
# the verb: tried only where its opening words occur (`triggers.Starts`, the same match),
# and its answer for a clause kept, since every verb of a clause (each signing verb, the
# visit cue, each shape of the visit rule) asks again of the same span.
_AHEAD_AT = Starts(_AHEAD)
_AHEAD_SEEN: list[tuple[str, int, int, bool]] = [("", 0, 0, False)]
# `để`/`nhằm` (in order to) make the verb a purpose only right before it (`tạo điều kiện để
# hai bên ký kết`); a sentence-opening `Để cụ thể hóa, ...` does not.
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)(?:\s+[^\s,;]+){0,3}\s+$")
_PURPOSE_WORDS = ("để", "nhằm")  # one of them is in every match (a prefilter)


def not_yet(text: str, start: int, verb_start: int, end: int) -> bool:
    """True when the verb at `verb_start` (clause `text[start:end]`) is planned, requested
    or hoped for rather than done: a future/wish marker is the last modal word before it,
    or the clause looks ahead (`trong năm tới`) without saying it was done."""
    lo = max(start, verb_start - 60)
    last_not_yet = None
    for m in _NOT_YET.finditer(text, lo, verb_start):
        last_not_yet = m
    last_done = None
    for m in _DONE.finditer(text, lo, verb_start):
        last_done = m
    if last_not_yet is not None and (last_done is None or last_done.start() < last_not_yet.start()):
        return True
    window = text[lo:verb_start]
    if any(w in window for w in _PURPOSE_WORDS) and _PURPOSE.search(window) is not None:
        return True
    return last_done is None and looks_ahead(text, start, end)


def looks_ahead(text: str, start: int, end: int) -> bool:
    """`_AHEAD.search(text, start, end) is not None` (`trong năm tới`), the last clause's
    answer kept (strings are immutable; the reference keeps the identity from reuse)."""
    seen = _AHEAD_SEEN[0]
    if seen[0] is text and seen[1] == start and seen[2] == end:
        return seen[3]
    found = _AHEAD_AT.search(text, start, end) is not None
    _AHEAD_SEEN[0] = (text, start, end, found)
    return found


def complete_date(day: int, month: int, year: int | None, published: dt.date | None) -> dt.date | None:
    """The full date of `day/month` (its own year, else the published year, moved back a
    year when it would fall more than a week after publication); None when not a date."""
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if when > published + dt.timedelta(days=7):
            year -= 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def stated_day(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first day/month in `text[start:end]` written as the day of an event (at the
    sentence start or after `ngày`/`sáng`/`chiều`...), not a ratio or a range."""
    for m in DAY_MONTH.finditer(text, start, end):
        if _DAY_WORD.search(text[max(start, m.start() - 40) : m.start()]) is not None:
            return m
        if _LEAD.match(text[start : m.start()]) is not None:
            return m
    return None


def partial_date(text: str, start: int, end: int, published: dt.date | None) -> str | None:
    """`YYYY-MM-DD` when day, month and year are known, else `YYYY-MM`, else `YYYY`."""
    day = stated_day(text, start, end)
    if day is not None:
        y = int(day.group("y")) if day.group("y") else None
        full = complete_date(int(day.group("d")), int(day.group("m")), y, published)
        if full is not None:
            return full.isoformat()
    my = MONTH_YEAR.search(text, start, end)
    if my is not None and 1 <= int(my.group("m")) <= 12:
        return f"{int(my.group('y')):04d}-{int(my.group('m')):02d}"
    years = {y.group("y") for y in _YEAR.finditer(text, start, end)}
    if len(years) == 1:
        return years.pop()
    return None
