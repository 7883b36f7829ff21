"""Article metadata from the text around the body: published date, outlet, language.

Vietnamese pages print dates day first (`05/01/2023` is 5 January) and name their outlet in a
handful of conventional ways (`Nguồn: baotintuc.vn`, a leading `(Baohatinh.vn) -`, a byline
`Theo Huỳnh Anh/TTXVN`). These parsers are small, pure and separately tested so the zoning code
can call them on candidate lines without caring about the formats.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "detect_language",
    "outlet_from_byline",
    "outlet_from_source",
    "parse_date",
    "parse_date_line",
]

_YEARS = range(1945, 2101)

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})", re.IGNORECASE)
# English pages: `June 12, 2024`, `Jun. 12, 2024`, `12 June 2024`.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_EN_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
_EN_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+(\d{{4}})(?!\d)")

# What may surround a date on a page-header line besides the date itself.
_HEADER_NOISE = re.compile(
    r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?|\b(?:GMT|UTC)\s*[+-]?\s*\d{0,2}(?::\d{2})?"
    r"|\b(?:AM|PM|SA|CH)\b|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|\bT[2-7]\b|\bCN\b"
    r"|cập\s+nhật|đăng\s+(?:lúc|ngày)?|ngày|lúc|xuất\s+bản|published|updated?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")


def parse_date(text: str) -> dt.date | None:
    """The first complete calendar date in `text`: ISO, day-first numeric, or written out."""
    best: tuple[int, dt.date] | None = None
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_WORDS, "dmy")):
        for match in pattern.finditer(text):
            a, b, c = (int(g) for g in match.groups())
            year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
            date = _valid(year, month, day)
            if date is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), date)
                break
    for pattern, order in ((_EN_MDY, "mdy"), (_EN_DMY, "dmy")):
        for match in pattern.finditer(text):
            first, second, year_text = match.groups()
            month_name, day_text = (first, second) if order == "mdy" else (second, first)
            date = _valid(int(year_text), _MONTHS.index(month_name[:3].lower()) + 1, int(day_text))
            if date is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), date)
                break
    return best[1] if best else None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a page-header line such as `18:52 | 05/01/2023 GMT+7`, else None.

    A line qualifies only if, once the date, times, weekday names and `GMT+7` are removed,
    almost no words remain: a body sentence that mentions a date is not a header.
    """
    if len(line) > 120:
        return None
    date = parse_date(line)
    if date is None:
        return None
    rest = _DMY.sub(" ", _ISO.sub(" ", _WORDS.sub(" ", _EN_DMY.sub(" ", _EN_MDY.sub(" ", line)))))
    rest = _HEADER_NOISE.sub(" ", rest)
    return date if len(_LETTER.findall(rest)) <= 20 else None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if year not in _YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.IGNORECASE)
_AGENCY = re.compile(r"^[A-ZĐ]{2,8}$")
_SOURCE_TAIL = re.compile(r",|;|\s+[-–—|]\s+|\s+ngày\s+\d", re.IGNORECASE)


def _clean_outlet(value: str) -> str | None:
    value = value.strip().strip(".,;:-–—()[] ").strip()
    if not value or len(value) > 80:
        return None
    domain = _DOMAIN.match(value)
    if domain:
        return domain.group(1).lower()
    return value


def outlet_from_source(value: str) -> str | None:
    """The outlet named on a `Nguồn:` line (`baotintuc.vn`, `Báo Nhân Dân`), or None if blank.

    Only the first name counts: `baotintuc.vn, ngày 05/01/2023` names one outlet and a date.
    """
    return _clean_outlet(_SOURCE_TAIL.split(value, 1)[0])


def outlet_from_byline(value: str) -> str | None:
    """The outlet in a `Theo ...` byline: the agency after `/` (`Huỳnh Anh/TTXVN` → `TTXVN`),
    a bare agency or domain (`TTXVN`, `vietnamplus.vn`), or `báo X`; None for a person's name."""
    value = value.strip()
    for opener, closer in (("(", ")"), ("[", "]")):
        if value.endswith(closer) and opener in value:
            inner = value[value.rindex(opener) + 1 : -1]
            if _AGENCY.match(inner.strip()) or _DOMAIN.match(inner.strip()):
                return _clean_outlet(inner)
    if "/" in value:
        return _clean_outlet(value.rsplit("/", 1)[1])
    if _AGENCY.match(value) or _DOMAIN.match(value):
        return _clean_outlet(value)
    lowered = value.lower()
    for prefix in ("báo ", "tạp chí ", "đài ", "cổng thông tin "):
        if lowered.startswith(prefix):
            return _clean_outlet(value)
    return None


_VI_SPECIFIC = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|with|for|was|on|are|by)\b", re.IGNORECASE)
_LAO = re.compile("[\u0e80-\u0eff]")
_THAI = re.compile("[\u0e00-\u0e7f]")


LANGUAGE_SAMPLE = 4000
"""How many characters of an article `detect_language` reads."""


def detect_language(text: str) -> str:
    """`vi`, `en`, `lo` or `th` from a cheap count of characters; `vi` when unsure.

    Vietnamese marks almost every word with a diacritic (a fifth or more of its letters);
    English has almost none and is full of short function words, so an English page with a
    Vietnamese menu or names written with diacritics is still English. Only a sample is
    examined, keeping this O(1) per article.
    """
    sample = text[:LANGUAGE_SAMPLE]
    vi = len(_VI_SPECIFIC.findall(sample))
    latin = len(_ASCII_LETTER.findall(sample)) + vi
    # Vietnamese marks a fifth or more of its letters; an English page with a Vietnamese
    # menu or a few names written with their diacritics stays far below 5%.
    if vi >= 40 and vi >= 0.05 * latin:
        return "vi"
    lao = len(_LAO.findall(sample))
    thai = len(_THAI.findall(sample))
    if lao > latin and lao >= thai:
        return "lo"
    if thai > latin:
        return "th"
    if latin >= 200 and vi < 0.05 * latin:
        words = max(1, len(sample.split()))
        if len(_EN_WORDS.findall(sample)) >= 0.08 * words:
            return "en"
    return "vi"
