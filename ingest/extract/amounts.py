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

from .vocab import Table, VocabularyError, vocabulary

__all__ = ["Amount", "InKind", "find_amounts", "find_in_kind", "parse_amount", "parse_number"]

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
    words = re.compile(rf"(?P<word>{voc['number_words'].regex.pattern})\s+{scales}\s*{tail}", re.IGNORECASE)
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
    for m in money.digits.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1] in "0123456789.,":
            continue  # inside a longer number
        found.append((m, "currency"))
    if money.scale_word.search(text, start, end):
        found.extend((m, "currency") for m in money.words.finditer(text, start, end))
    if money.prefixed is not None:
        found.extend((m, "currency_prefix") for m in money.prefixed.finditer(text, start, end))
    out: list[Amount] = []
    for m, cur_table in sorted(found, key=lambda f: f[0].start()):
        if m.groupdict().get("num") is not None:
            value = parse_number(m.group("num"), lang)
        else:
            value = float(money.table["number_words"].lookup(m.group("word")))
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
def _in_kind(lang: str) -> re.Pattern[str]:
    voc = vocabulary(lang, "support")
    number = vocabulary(lang, "money")["number"].pattern
    unit = _body(voc["in_kind_units"])
    goods = _body(voc["in_kind_goods"])
    return re.compile(
        rf"(?<![\d.,])(?P<num>{number})\s+(?:(?P<unit>{unit})\s+)?(?P<what>{goods})", re.IGNORECASE
    )


def find_in_kind(text: str, start: int = 0, end: int | None = None, lang: str = "vi") -> list[InKind]:
    """Quantities of goods (`5 tấn gạo`, `15 bộ máy tính`) in `text[start:end]`."""
    end = len(text) if end is None else end
    return [InKind(m.group(), m.start(), m.end()) for m in _in_kind(lang).finditer(text, start, end)]
