"""Province mentions: an Aho–Corasick automaton over the gazetteer's folded keys.

The gazetteer folds names (no case, diacritics, spaces or hyphens), so the text is folded
the same way before matching: every character maps to one folded character (Vietnamese
letters fold to one ASCII letter, every other character to a space), the automaton reads
that text skipping its spaces, so the letters and digits read as one compact string, and a
match is kept only if it starts at the start of a word and ends at the end of one (so
`Hà Nam` never matches inside `Hà Nam Định`, and `Khăm-muộn` and `Khăm Muộn` are one
key). Prefixes such as `tỉnh`, `TP`, `thủ đô` are keys of their own
where they change the unit (`tỉnh Viêng Chăn` is not `thủ đô Viêng Chăn`); the longest
match wins. Short keys fold onto ordinary words and given names (`Huế` vs `Huệ`), so for
them the diacritics written in the text must agree with a known spelling.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import ahocorasick

from app.gazetteer import Province, ProvinceAmbiguous, ProvinceNotFound, gazetteer
from app.names import strip_diacritics

_SHORT_KEY = 5
# Vietnamese family and middle names: a place name right after one is part of a person's
# name (`Lê Hà Nam`, `Nguyễn Long An`), not a province.
_NAME_PARTS = frozenset(
    (
        *("nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ"),
        *("hồ", "ngô", "dương", "lý", "văn", "thị", "đức", "hữu", "quang", "ngọc"),
        *("đinh", "trương", "lương", "tạ", "hà", "chu", "đào"),
    )
)
# A name never spans punctuation other than hyphens, spaces and the dot of `TP.`.
_BREAK = re.compile(r"[,;:!?()\n\"“”]")
# The word before a mention, as `_prev_word` reads it (the pattern is its specification
# and its test oracle: searched in the window, it tried every start).
_PREV_WORD = re.compile(r"(\w+)\s+$")
_SPACE_HYPHEN = re.compile(r"[\s\-–.]+")


@dataclass(frozen=True)
class Mention:
    """A province named in the text, resolved to the unit in force on the article's date."""

    start: int
    end: int
    surface: str
    province: Province
    iso: str
    # The province's country, kept beside the fields (the rules ask it of every mention,
    # often several times): not compared, not shown, derived from `province`.
    country: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", self.province.country)


_NEW = object.__new__


def _mention(start: int, end: int, surface: str, province: Province, iso: str) -> Mention:
    """`Mention(start, end, surface, province, iso)` with its fields written into the new
    instance's dict directly (the frozen dataclass's `__init__` sets each through
    `object.__setattr__`; every mention of every article is made here). The same object."""
    m = _NEW(Mention)
    m.__dict__.update(
        start=start, end=end, surface=surface, province=province, iso=iso, country=province.country
    )
    return m


def _fold_table() -> dict[int, str]:
    """Code point → one folded character, for every Latin letter Vietnamese uses."""
    table: dict[int, str] = {}
    for cp in range(0x80, 0x2000):
        c = chr(cp)
        folded = strip_diacritics(c).lower()
        if len(folded) == 1 and folded != c:
            table[cp] = folded
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    return table


_TABLE = _fold_table()
# The same table as a list indexed by code point (identity where `_TABLE` has no entry):
# `str.translate` looks a list up without the KeyError a dict raises for every unmapped
# character, which halves the cost; characters past its end are left as they are.
_LOOKUP = [_TABLE.get(cp, chr(cp)) for cp in range(0x2000)]
# What `find_mentions` reads: a word character (`[0-9a-z]` after folding, or Lao script)
# folded, and every other character of the Basic Multilingual Plane a space, so
# `str.split(" ")` cuts the words (characters past the table's end are dealt with there).
_WORD_CHAR = re.compile(r"[0-9a-z\u0e80-\u0eff]")
_SPACED = [" "] * 0x10000
for _cp, _folded in enumerate(_LOOKUP):  # every word character is below the table's end
    if _WORD_CHAR.fullmatch(_folded):
        _SPACED[_cp] = _folded
_NOT_SPACED = re.compile(r"[^0-9a-z\u0e80-\u0eff ]")


def fold_aligned(text: str) -> str:
    """`text` folded to lower-case ASCII letter by letter; same length as `text`."""
    return text.translate(_LOOKUP)


def _fold_spaced(text: str, lowered: str | None = None) -> str:
    """`text` folded as `fold_aligned` folds it, each character that is not a word character
    then (punctuation, spaces, symbols) a single space; same length as `text`.

    `str.translate` is fast only on ASCII text: on a Vietnamese one it looks every
    character up in Python objects (~35 ns each, ~180 µs for a 5,000-character article,
    more than an automaton pass). So a text whose lower case holds only characters of an
    8-bit table (ASCII, the Vietnamese letters, common typography; `_FAST`) goes through
    C-level byte codecs instead: encoded one byte per character, the bytes folded by
    `bytes.translate`. Anything else (Lao script, other scripts, a character whose lower
    case folds otherwise or changes the length) takes the character-by-character path.
    `lowered` is `text.lower()` when the caller has it (the trigger pass reads it too)."""
    if text.isascii():
        return text.translate(_SPACED)  # CPython's ASCII fast path: no need for bytes
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) == len(text) and (_FAST.risky is None or _FAST.risky.search(text) is None):
        encoded = codecs.charmap_encode(lowered, "replace", _FAST.encoding)[0]
        # A character outside the table became a `?`: then the slow path, exact.
        if encoded.count(b"?") == lowered.count("?"):
            _IN_TABLE[0] = lowered  # `in_fast_table` answers for it without encoding again
            return encoded.translate(_FAST.fold).decode("ascii")
    return _fold_spaced_slow(text)


def _fold_spaced_slow(text: str) -> str:
    """`_fold_spaced` character by character (any text)."""
    spaced = text.translate(_SPACED)
    if not spaced.isascii():  # Lao script, or characters past the table (emoji...)
        spaced = _NOT_SPACED.sub(" ", spaced)
    return spaced


def _spaced_char(c: str) -> str:
    """What `_fold_spaced_slow` makes of one character."""
    return _fold_spaced_slow(c)


class _FastFold:
    """The 8-bit table of `_fold_spaced`'s fast path: 256 characters (ASCII, the lower-case
    Vietnamese letters, typography frequent in news text, private-use padding), their byte
    encoding, what each byte folds to, and the characters whose lower case is in the table
    but folds otherwise than they do (none is expected; checked, not assumed)."""

    def __init__(self) -> None:
        letters = [
            unicodedata.normalize("NFC", base + tone)
            for base in "aăâeêioôơuưy"
            for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
        ]
        extra = [c for c in dict.fromkeys([*letters, "đ", *_TYPOGRAPHY]) if not c.isascii()]
        chars = [chr(i) for i in range(128)] + extra
        chars += [chr(0xE000 + i) for i in range(256 - len(chars))]  # distinct, fold to spaces
        self.table = "".join(chars)
        self.encoding = codecs.charmap_build(self.table)
        self.fold = "".join(_spaced_char(c) for c in chars).encode("ascii")
        inside = set(chars)
        risky = [
            chr(cp)
            for cp in range(0x10000)
            if cp < 0xD800 or cp > 0xDFFF
            if (low := chr(cp).lower()) in inside and _spaced_char(low) != _spaced_char(chr(cp))
        ]
        self.risky = re.compile("[" + "".join(map(re.escape, risky)) + "]") if risky else None


# The last string `_fold_spaced` found wholly in the table (strings are immutable, and the
# reference keeps its identity from being reused): the trigger pass asks of the same one.
_IN_TABLE: list[str | None] = [None]


def in_fast_table(text: str) -> bool:
    """Every character of `text` is one of the 256 of the fast fold's 8-bit table (ASCII,
    the lower-case Vietnamese letters, common typography): one C-level encoding, where a
    regex character class looks each character up (`triggers` asks it of lower-cased text)."""
    if _IN_TABLE[0] is text:
        return True
    encoded = codecs.charmap_encode(text, "replace", _FAST.encoding)[0]
    return encoded.count(b"?") == text.count("?")


def fast_table() -> str:
    """The 256 characters `in_fast_table` accepts."""
    return _FAST.table


# Typography common in Vietnamese and English news text (all fold to a space).
_TYPOGRAPHY = "\u00a0\u200b\u2009\u202f\u00ad“”‘’„–—…•·«»°×÷±²³½¼¾€£¥©®™§¶′″‹›−→←↑↓★●■□▪►▲▼"
_FAST = _FastFold()


class _Automaton:
    def __init__(self) -> None:
        self.automaton = ahocorasick.Automaton()
        self.exact: dict[str, set[str]] = {}
        for key, provinces in gazetteer().keys():  # noqa: SIM118 (a method, not a dict)
            self.automaton.add_word(key, (key, tuple(provinces)))
            forms = {_SPACE_HYPHEN.sub("", n.lower()) for p in provinces for n in p.names}
            self.exact[key] = forms
        self.automaton.make_automaton()


@functools.cache
def _automaton() -> _Automaton:
    return _Automaton()


# Undated articles are read as written before the 2025 reorganisation: the archive is
# mostly older, and its codes (VN-59 for Cà Mau, VN-26 for Huế) are the ones gold uses.
UNDATED_AS_OF = dt.date(2024, 12, 31)


@functools.lru_cache(maxsize=4096)
def _resolve(surface: str, on: dt.date | None) -> tuple[Province, str] | None:
    """The unit `surface` names on `on` and the code to report for it.

    The ISO code when the unit has one; otherwise (units created in 2025, such as the merged
    `quang-ngai-2025` or the municipality `hue`) the gazetteer id, which `app.gazetteer` and
    the loader resolve as well. Reporting a predecessor's code instead would name a
    different, smaller unit.
    """
    try:
        province = gazetteer().resolve(surface, on=on or UNDATED_AS_OF)
    except (ProvinceNotFound, ProvinceAmbiguous):
        return None
    return province, province.iso or province.id


def find_mentions(
    text: str, on: dt.date | None, start: int = 0, end: int | None = None, lowered: str | None = None
) -> list[Mention]:
    """Province mentions in `text[start:end]`, leftmost-longest, offsets into `text`;
    `lowered` is `text[start:end].lower()` when the caller has it."""
    end = len(text) if end is None else end
    # Every character that is not a word character is one space in `spaced`, and the
    # automaton reads it skipping the spaces (`ignore_white_space`), so its keys (names
    # folded without spaces or hyphens) match across word breaks as in the words written
    # together, with no copy of the text or map of its words built. A hit counts only
    # where a word starts and one ends; `spaced[i]` is the text's `start + i`.
    spaced = _fold_spaced(text[start:end], lowered)
    size = len(spaced)
    auto = _automaton()
    found: list[tuple[int, int, int, int, str, tuple[Province, ...]]] = []
    for last, (key, provinces) in auto.automaton.iter(spaced, 0, size, True):
        stop = last + 1
        if stop < size and spaced[stop] != " ":
            continue  # ends inside a word
        # Where the match starts: `len(key)` word characters before `stop`, the spaces
        # between them skipped (the span widens until the spaces in it are counted; the
        # first such start is the key's first letter, as the span grows from the right).
        first = stop - len(key)
        while (back := stop - len(key) - spaced.count(" ", first, stop)) != first:
            first = back
        if first > 0 and spaced[first - 1] != " ":
            continue  # starts inside a word
        found.append((first, stop, first, stop, key, provinces))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Mention] = []
    taken_to = -1
    for first, stop, s, e, key, _provinces in found:
        if first < taken_to:
            continue
        s += start
        e += start
        surface = text[s:e]
        if _BREAK.search(surface) is not None:
            continue
        if not _plausible(surface, key, auto, _provinces) or _inside_person_name(text, s):
            continue
        if surface[0].islower() and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
            continue  # `Khăm-xay Xổm-bun`: starts inside a hyphenated word (a person's name)
        resolved = _resolve(surface, on)
        if resolved is None:
            continue
        if resolved[1] == _CAPITAL and _province_of_vientiane(text, s, surface):
            resolved = _resolve(_VIENTIANE_PROVINCE, on) or resolved
        taken_to = stop
        out.append(_mention(s, e, surface, resolved[0], resolved[1]))
    return out


# `the Lao province of Vientiane`, `the provinces of Bokeo and Vientiane`: the province
# (LA-VI), not the capital (LA-VT) a bare `Vientiane` names. `Vientiane Capital`, `the
# capital Vientiane` and `Vientiane` alone stay LA-VT; `Vientiane Province` is an alias.
_CAPITAL = "LA-VT"
_VIENTIANE_PROVINCE = "Vientiane Province"
_BARE_CAPITAL = frozenset({"vientiane", "viangchan", "viengchan"})
_PROVINCE_OF = re.compile(
    r"\b(?:[Pp]rovince\s+of\s+"
    r"|[Pp]rovinces\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|\band\b)\s*)*)$"
)


def _province_of_vientiane(text: str, start: int, surface: str) -> bool:
    """True when a bare `Vientiane` is the object (or a listed object) of `province(s) of`."""
    if _SPACE_HYPHEN.sub("", fold_aligned(surface)) not in _BARE_CAPITAL:
        return False
    return _PROVINCE_OF.search(text, max(0, start - 120), start) is not None


def _inside_person_name(text: str, start: int) -> bool:
    """True when the word before `start` is a capitalised family/middle name."""
    word = _prev_word(text, max(0, start - 12), start)
    return word is not None and word[0].isupper() and word.lower() in _NAME_PARTS


def _prev_word(text: str, lo: int, hi: int) -> str | None:
    r"""`_PREV_WORD.search(text, lo, hi).group(1)`: the run of word characters that ends
    right before the whitespace closing `text[lo:hi]` (None without such whitespace or
    word). Read backwards from `hi`: the regex tried every start in the window, each with
    a greedy `\w+` (`\s` is `str.isspace`, `\w` is `str.isalnum` or `_`)."""
    window = text[lo:hi]
    stripped = window.rstrip()
    if len(stripped) == len(window):
        return None
    i = len(stripped)
    while i > 0 and (stripped[i - 1].isalnum() or stripped[i - 1] == "_"):
        i -= 1
    return stripped[i:] or None


def _plausible(surface: str, key: str, auto: _Automaton, provinces: tuple[Province, ...] = ()) -> bool:
    """Proper-noun check: capitalised, and for short keys the written diacritics agree.

    Lao names are transliterated, and outlets often write their later syllables in lower
    case (`Bolykhăm xay`, `Xiêng khoảng`): a Lao name of more than one word whose first
    word is capitalised counts when its key is long (no Vietnamese word run folds onto a
    long Lao key). Vietnamese names are always written in title case, and several fold
    onto ordinary words at a sentence start (`Hòa bình`, `Cao bằng`), so they never do.
    """
    words = surface.split()
    if words[-1][0].islower() and not (
        len(words) > 1
        and words[0][0].isupper()
        and len(key) > _SHORT_KEY
        and provinces
        and all(p.country == "LA" for p in provinces)
    ):
        return False
    if len(key) > _SHORT_KEY:
        return True
    plain = _SPACE_HYPHEN.sub("", surface.lower())
    return plain.isascii() or plain in auto.exact.get(key, set())
