"""English dates: `on October 26`, `on Wednesday (December 25)`, `February 27, 2011`,
`26 October 2024`; a day without a year takes the year of the page date (the year before
when it would fall more than a week after publication), and without a page date only a
written year counts."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        1,
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# `October 26`, `October 26th, 2024`, `26 October 2024`.
_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s*,?\s*((?:19|20)\d\d))?")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?(?:\s*,?\s*((?:19|20)\d\d))?\b")
_YEAR = re.compile(r"\b(?:in|since|of|year)\s+((?:19|20)\d\d)\b(?!\s*[-–])")


def day_in(text: str, published: dt.date | None) -> dt.date | None:
    """The first full day the text states, completed with the page year when needed."""
    best: tuple[int, int, int, int | None] | None = None
    for m in _MDY.finditer(text):
        best = (m.start(), _MONTHS[m.group(1)], int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        break
    for m in _DMY.finditer(text):
        if best is None or m.start() < best[0]:
            best = (m.start(), _MONTHS[m.group(2)], int(m.group(1)), int(m.group(3)) if m.group(3) else None)
        break
    if best is None:
        return None
    _, month, day, year = best
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            if dt.date(year, month, day) > published + dt.timedelta(days=7):
                year -= 1
        except ValueError:
            return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_in(text: str) -> int | None:
    """A single year the text dates the act with (`in 2019`), else None."""
    years = {int(m.group(1)) for m in _YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None
