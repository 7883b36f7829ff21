"""Money amounts and in-kind quantities, read with each language's number conventions.

Vietnamese writes `,` for the decimal mark and `.` to group thousands (`8,3 tỷ` is 8.3
billion, `10.000 USD` is ten thousand), and scales numbers with words (`nghìn`, `triệu`,
`tỷ`, two in a row multiply: `nghìn tỷ`). English does the opposite with the marks and may
put the currency first (`VND5 billion`, `US$200,000`). What is read lives in
`vocab/<lang>/money.toml` (number format, number words, scale words, currencies,
qualifiers); the pattern is compiled from it, so every listed word can fire (`500 triệu
đ`, `200.000đ`). A qualifier (`hơn` more than, `gần` nearly, `khoảng` about, `tới` up to)
keeps the stated number, as the gold convention records what is written, and is returned
as a flag. In-kind goods (`5 tấn gạo`, `3 máy siêu âm`) come from
`vocab/<lang>/support.toml` so a project can be reported without an amount.

`parse_amount(text, lang)` reads one amount from a phrase; `find_amounts(text, start, end,
lang)` finds every amount in a span, with offsets into `text`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .triggers import Starts, lowered_span
from .vocab import Table, VocabularyError, vocabulary

__all__ = [
    "Amount",
    "InKind",
    "count_number_pattern",
    "find_amounts",
    "find_in_kind",
    "parse_amount",
    "parse_number",
    "parse_number_words",
    "spoken_at",
    "spoken_count_pattern",
    "spoken_gate",
    "spoken_matches",
]

_LEAD = "(?<!\\w)"


def _body(table: Table) -> str:
    """A compiled phrase table without its leading word boundary, so a currency may follow
    digits directly (`200.000đ`, `VND5`)."""
    pattern = table.regex.pattern
    return pattern[len(_LEAD) :] if pattern.startswith(_LEAD) else pattern


@dataclass(frozen=True)
class _Money:
    """The compiled money vocabulary of one language. Three patterns rather than one
    alternation: the digit pattern starts with a digit, so the regex engine skips ahead to
    digits instead of trying every position (the extractor's speed budget)."""

    table: dict[str, Table]
    digits: re.Pattern[str]
    words: re.Pattern[str]
    prefixed: re.Pattern[str] | None
    scale_word: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    decimal: str
    group: str

    # Each pattern tried only where a match can start (`triggers.Starts`).
    @functools.cached_property
    def digits_at(self) -> Starts:
        return Starts(self.digits)

    @functools.cached_property
    def words_at(self) -> Starts:
        return Starts(self.words)

    @functools.cached_property
    def prefixed_at(self) -> Starts | None:
        return None if self.prefixed is None else Starts(self.prefixed)


@functools.cache
def _money(lang: str) -> _Money:
    voc = vocabulary(lang, "money")
    tables = dict(voc.tables)
    number = voc["number"]
    scale = _body(voc["scale"])
    currency = _body(voc["currency"])
    scales = rf"(?P<scale>{scale}(?:\s+{scale})?)"
    tail = rf"(?P<cur>{currency})(?![^\W\d_])"
    digits = re.compile(rf"(?P<num>{number.pattern})\s*(?:{scales}\s*)?{tail}", re.IGNORECASE)
    spoken = _word_number(lang) or voc["number_words"].regex.pattern
    words = re.compile(rf"(?P<word>{spoken})\s+{scales}\s*{tail}", re.IGNORECASE)
    prefixed = None
    if "currency_prefix" in tables:
        prefix = _body(voc["currency_prefix"])
        prefixed = re.compile(
            rf"(?<![^\W\d_])(?P<cur>{prefix})\s?(?P<num>{number.pattern})"
            rf"(?:\s*(?P<scale>{scale}(?:\s+{scale})?))?(?![\d])",
            re.IGNORECASE,
        )
    qualifier_before = re.compile(voc["qualifier"].regex.pattern + r"\s+$", re.IGNORECASE)
    decimal = str(number.extra.get("decimal", ","))
    group = str(number.extra.get("group", "."))
    if decimal == group:
        raise VocabularyError(f"vocab/{lang}/money.toml [number]: decimal and group marks are the same")
    return _Money(tables, digits, words, prefixed, voc["scale"].regex, qualifier_before, decimal, group)


@functools.cache
def _word_number(lang: str) -> str | None:
    """A number in words, compounds included (`hai`, `mười lăm`, `hai mươi lăm`, `ba mươi
    tư`), when the language's money vocabulary has `[tens]`; else None."""
    voc = vocabulary(lang, "money")
    if "tens" not in voc.tables:
        return None
    units = voc["number_words"]
    digits = [w for w, v in units.map.items() if isinstance(v, int) and 1 <= v <= 9]
    ten = [w for w, v in units.map.items() if v == 10]
    unit = _body(Table("u", "u", words=tuple(digits)))
    after = _body(Table("a", "a", words=(*digits, *voc["units_after_tens"].map)))
    tens = _body(voc["tens"])
    teen = _body(Table("t", "t", words=tuple(ten)))
    alone = _body(Table("o", "o", words=(*digits, *(w for w in units.map if w not in (*digits, *ten)))))
    return rf"(?<!\w)(?:(?:{unit})\s+{tens}|{teen})(?:\s+(?:{after})(?!\w))?|(?<!\w)(?:{alone})"


def parse_number_words(text: str, lang: str = "vi") -> float | None:
    """`mười lăm` → 15, `hai mươi mốt` → 21, `hai` → 2; None when not a number in words."""
    voc = vocabulary(lang, "money")
    units = voc["number_words"]
    after = voc["units_after_tens"] if "units_after_tens" in voc.tables else None
    tens = voc["tens"] if "tens" in voc.tables else None
    words = text.split()
    total = 0.0
    i = 0
    try:
        if tens is not None and len(words) >= 2 and tens.regex.fullmatch(words[1]):
            total, i = float(units.lookup(words[0])) * float(tens.lookup(words[1])), 2
        else:
            total, i = float(units.lookup(words[0])), 1
        if i < len(words):
            last = words[i]
            try:
                total += float(units.lookup(last))
            except KeyError:
                if after is None:
                    return None
                total += float(after.lookup(last))
    except (KeyError, IndexError):
        return None
    return total


@functools.cache
def count_number_pattern(lang: str = "vi") -> str:
    """A count as written before people or goods: digits, or a number in words that is not
    ambiguous alone (`hai giáo viên`, `mười lăm suất học bổng`; not `một`, `năm`, `hàng trăm`)."""
    number = str(vocabulary(lang, "money")["number"].pattern)
    spoken = spoken_count_pattern(lang)
    return number if spoken is None else rf"{number}|{spoken}"


@functools.cache
def spoken_gate(lang: str = "vi") -> re.Pattern[str] | None:
    """A cheap test for a number word in a span, before the word patterns are tried (they
    cannot skip ahead to digits, so they run only where this finds something)."""
    voc = vocabulary(lang, "money")
    if "count_words_alone" not in voc.tables or "tens" not in voc.tables:
        return None
    return re.compile(_body(Table("g", "g", words=_gate_words(lang))), re.IGNORECASE)


@functools.cache
def _gate_words(lang: str) -> tuple[str, ...]:
    """The words a count in words opens with (`hai`, `mười`...), lower case. `một` and
    `năm` are left out: alone they are no count, and `năm` (year) is in nearly every clause."""
    voc = vocabulary(lang, "money")
    if "count_words_alone" not in voc.tables:
        return ()
    return tuple(dict.fromkeys(w.lower() for w in voc["count_words_alone"].words))


def spoken_at(text: str, start: int, end: int, lang: str = "vi") -> list[int]:
    """Where a number word starts in `text[start:end]` (one scan, shared by the callers)."""
    gate = spoken_gate(lang)
    if gate is None:
        return []
    # The clause's lower-cased copy the `Starts` of the same clause read, when it has one.
    low = lowered_span(text, start, end) or text[start:end].lower()
    if len(low) != end - start:
        return [g.start() for g in gate.finditer(text, start, end)]
    # `str.find` per word and a boundary check: far cheaper than a case-blind regex scan.
    found = []
    for w in _gate_words(lang):
        i = low.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                found.append(start + i)
            i = low.find(w, j)
    return sorted(found)


def spoken_matches(pattern: re.Pattern[str], text: str, end: int, at: list[int]) -> list[re.Match[str]]:
    """Matches of a pattern that opens with a number in words, tried only at the number
    words `at` (`spoken_at`): an anchored `match` there, so the words pattern never scans
    the span itself; no overlaps."""
    out: list[re.Match[str]] = []
    for pos in at:
        if out and pos < out[-1].end():
            continue
        m = pattern.match(text, pos, end)
        if m is not None:
            out.append(m)
    return out


@functools.cache
def spoken_count_pattern(lang: str = "vi") -> str | None:
    """The words half of `count_number_pattern`, or None for a language without it."""
    voc = vocabulary(lang, "money")
    compound = _word_number(lang)
    if compound is None or "count_words_alone" not in voc.tables:
        return None
    units = [w for w, v in voc["number_words"].map.items() if isinstance(v, int) and 1 <= v <= 9]
    after = _body(Table("a", "a", words=(*units, *voc["units_after_tens"].map)))
    tens = _body(voc["tens"])
    unit = _body(Table("u", "u", words=tuple(units)))
    alone = _body(voc["count_words_alone"])
    ten = [w for w, v in voc["number_words"].map.items() if v == 10]
    teen = _body(Table("t", "t", words=tuple(ten)))
    return (
        rf"(?<!\w)(?:(?:{unit})\s+{tens}|{teen})\s+(?:{after})(?!\w)|(?<!\w)(?:{unit})\s+{tens}(?!\w)"
        rf"|(?<!\w)(?<!vài\s)(?<!dăm\s)(?:{alone})(?!\w)"
    )


def count_value(text: str, lang: str = "vi") -> float | None:
    """The value of a count as `count_number_pattern` reads it (digits or words)."""
    try:
        return parse_number(text, lang)
    except ValueError:
        return parse_number_words(text, lang)


@dataclass(frozen=True)
class Amount:
    """A money amount as written: value in units of `currency`, offsets into the text."""

    value: float
    currency: str
    start: int
    end: int
    qualifier: str | None = None  # e.g. `more_than` (`hơn`): the value is approximate


@dataclass(frozen=True)
class InKind:
    text: str
    start: int
    end: int


def parse_number(text: str, lang: str = "vi") -> float:
    """`8,3` → 8.3; `10.000` → 10000; `1.500,5` → 1500.5 (Vietnamese separators; English
    the other way round when its money vocabulary says so)."""
    m = _money(lang)
    return float(text.replace(m.group, "").replace(m.decimal, "."))


def _scale(money: _Money, words: str | None) -> float:
    factor = 1.0
    for w in (words or "").split():
        factor *= float(money.table["scale"].lookup(w))
    return factor


def find_amounts(text: str, start: int = 0, end: int | None = None, lang: str = "vi") -> list[Amount]:
    """Money amounts in `text[start:end]`, offsets into `text`."""
    end = len(text) if end is None else end
    money = _money(lang)
    found: list[tuple[re.Match[str], str]] = []
    for m in money.digits_at.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1] in "0123456789.,":
            continue  # inside a longer number
        found.append((m, "currency"))
    if money.scale_word.search(text, start, end):
        found.extend((m, "currency") for m in money.words_at.finditer(text, start, end))
    if money.prefixed_at is not None:
        found.extend((m, "currency_prefix") for m in money.prefixed_at.finditer(text, start, end))
    out: list[Amount] = []
    for m, cur_table in sorted(found, key=lambda f: f[0].start()):
        if m.groupdict().get("num") is not None:
            value = parse_number(m.group("num"), lang)
        else:
            spoken = parse_number_words(m.group("word"), lang)
            if spoken is None:
                continue
            value = spoken
        value *= _scale(money, m.group("scale"))
        currency = str(money.table[cur_table].lookup(m.group("cur")))
        q = money.qualifier_before.search(text, max(start, m.start() - 16), m.start())
        qualifier = str(money.table["qualifier"].lookup(q.group().strip())) if q else None
        out.append(Amount(round(value, 2), currency, m.start(), m.end(), qualifier))
    return out


def parse_amount(text: str, lang: str = "vi") -> Amount | None:
    """The first amount written in `text` (`hơn 28 tỷ đồng` → 2.8e10 VND, `more_than`)."""
    found = find_amounts(text, 0, len(text), lang)
    return found[0] if found else None


@functools.cache
def _at(pattern: re.Pattern[str]) -> Starts:
    """`pattern` tried only where a match can start (`triggers.Starts`), made once."""
    return Starts(pattern)


@functools.cache
def _in_kind(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """(goods counted in digits, goods counted in words or None)."""
    voc = vocabulary(lang, "support")
    unit = _body(voc["in_kind_units"])
    goods = _body(voc["in_kind_goods"])
    tail = rf"\s+(?:(?P<unit>{unit})\s+)?(?P<what>{goods})"
    digits = re.compile(
        rf"(?<![\d.,])(?P<num>{vocabulary(lang, 'money')['number'].pattern}){tail}", re.IGNORECASE
    )
    spoken = spoken_count_pattern(lang)
    words = None if spoken is None else re.compile(rf"(?P<num>{spoken}){tail}", re.IGNORECASE)
    return digits, words


@functools.cache
def _in_kind_at(lang: str) -> Starts:
    """`_at` of the goods counted in digits, kept per language: a cache keyed by the
    pattern itself hashes the pattern's whole compiled code at every call (~2.4 µs here)."""
    return _at(_in_kind(lang)[0])


def find_in_kind(
    text: str,
    start: int = 0,
    end: int | None = None,
    lang: str = "vi",
    at: list[int] | None = None,
    digits: bool = True,
) -> list[InKind]:
    """Quantities of goods (`5 tấn gạo`, `15 bộ máy tính`, `hai máy phát điện`) in
    `text[start:end]`; `at` the number words' positions when the caller has them, `digits`
    False when the caller knows the span has no digit."""
    end = len(text) if end is None else end
    words = _in_kind(lang)[1]
    found = (
        [InKind(m.group(), m.start(), m.end()) for m in _in_kind_at(lang).finditer(text, start, end)]
        if digits
        else []
    )
    if words is not None:
        spoken = spoken_matches(words, text, end, spoken_at(text, start, end, lang) if at is None else at)
        if spoken:
            found += [InKind(m.group(), m.start(), m.end()) for m in spoken]
            found.sort(key=lambda k: k.start)
    return found
