"""Vocabularies as data: word lists and named patterns per language, compiled here.

The extraction rules are an engine; what they look for (cue words, titles, document nouns,
currencies, scale words, courtesy gifts...) lives in TOML files under
`ingest/extract/vocab/<lang>/`, one file per vocabulary. Adding a word or a document kind
is then a one-line data change, and `tests/extract/test_extract_vocab.py` checks that every entry
can fire.

A file holds tables. A table with `words` is a phrase list, compiled to one alternation
(longest first, spaces match any run of whitespace, whole words only). A table with
`map` maps phrases to a value (document noun → agreement kind, scale word → factor).
A table with `pattern` is a regular expression written by hand, kept with an `id` and
`examples` that it must match (and optionally `counter` examples it must not). Every
table may carry `id` (the rule id a fact records) and `doc`.

Vietnamese has two conventions for placing the tone mark on `oa`, `oe`, `uy` (`hóa` /
`hoá`, `Tỉnh ủy` / `Tỉnh uỷ`); compiled phrases accept both, so a list names each word once.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = ["Table", "Vocabulary", "first_chars", "phrase_pattern", "phrase_regex", "vocabulary"]

# Tone marks the old style puts on the second vowel of `oa`, `oe`, `uy` (and the new style
# on the first): the compiled pattern accepts either placement.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_GLIDES = (("o", "a"), ("o", "e"), ("u", "y"))


class VocabularyError(ValueError):
    """A vocabulary file that cannot be read or compiled; names the file and table."""


def _phrase_body(phrase: str) -> str:
    """One phrase as a regex: NFC, tone placement either way, any whitespace between words,
    and a hyphen or dash written with or without spaces where the phrase has one."""
    words = unicodedata.normalize("NFC", phrase).split()
    if not words:
        raise VocabularyError("empty phrase")
    parts = []
    for w in words:
        if w in {"-", "–", "—"}:
            parts.append(r"[-–—]")
        else:
            parts.append(_tone_variants_nfc(w))
    return r"\s*".join(parts) if any(w in {"-", "–", "—"} for w in words) else r"\s+".join(parts)


def _tone_variants_nfc(word: str) -> str:
    """`_tone_variants` over NFC characters (keeps ă/â/ê/ô/ơ/ư/đ whole)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if len(pair) == 2:
            alt = _swap_tone(pair)
            if alt is not None:
                out.append(f"(?:{re.escape(pair)}|{re.escape(alt)})")
                i += 2
                continue
        out.append(re.escape(word[i]))
        i += 1
    return "".join(out)


def _swap_tone(pair: str) -> str | None:
    """`óa` ↔ `oá`, `ủy` ↔ `uỷ`, `òe` ↔ `oè`...: the same syllable with the tone moved."""
    a, b = (unicodedata.normalize("NFD", ch) for ch in pair)
    for first, second in _GLIDES:
        if a[0].lower() == first and b[0].lower() == second:
            tone_a = "".join(m for m in a[1:] if m in _TONES)
            tone_b = "".join(m for m in b[1:] if m in _TONES)
            rest_a = "".join(m for m in a[1:] if m not in _TONES)
            rest_b = "".join(m for m in b[1:] if m not in _TONES)
            if rest_a or rest_b or bool(tone_a) == bool(tone_b):
                return None  # another mark on the vowels (ô, ơ...), or no tone to move
            tone = tone_a or tone_b
            if tone_a:
                return unicodedata.normalize("NFC", a[0] + b[0] + tone)
            return unicodedata.normalize("NFC", a[0] + tone) + b[0]
    return None


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of whole-word phrases, longest first so the longest title wins."""
    phrases = list(phrases)
    bodies = sorted({_phrase_body(p) for p in phrases}, key=len, reverse=True)
    if not bodies:
        raise VocabularyError("empty phrase list")
    firsts = first_chars(phrases)
    # `(?<!\w)` stays first: callers strip it to join patterns (`projects._bare`).
    return r"(?<!\w)(?=[" + re.escape(firsts) + r"])(?:" + "|".join(bodies) + r")(?!\w)"


def first_chars(phrases: Iterable[str]) -> str:
    """The characters the phrases' regex can start with (each phrase's first letter, or the
    other tone placement's), sorted: what `phrase_regex` puts in its look-ahead."""
    return "".join(sorted({c for p in phrases for c in _first_chars(p)}))


def _first_chars(phrase: str) -> set[str]:
    """The characters a phrase's regex can start with (its first letter, or the other tone
    placement's), for a look-ahead that skips positions where no phrase can start."""
    words = unicodedata.normalize("NFC", phrase).split()
    first = words[0]
    if first in {"-", "–", "—"}:
        return {"-", "–", "—"}
    alt = _swap_tone(first[:2]) if len(first) >= 2 else None
    return {first[0]} | ({alt[0]} if alt else set())


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    return re.compile(phrase_regex(phrases), re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class Table:
    """One table of a vocabulary file."""

    name: str
    id: str
    doc: str = ""
    words: tuple[str, ...] = ()
    map: Mapping[str, Any] = field(default_factory=dict)
    pattern: str | None = None
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    ignore_case: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern: the hand-written one, or the phrases (words, then map keys)."""
        flags = re.IGNORECASE if self.ignore_case else 0
        if self.pattern is not None:
            return re.compile(self.pattern, flags)
        return re.compile(phrase_regex((*self.words, *self.map)), flags)

    def lookup(self, surface: str) -> Any:
        """The `map` value of a matched phrase, whatever its case, spacing or tone placement.
        Each surface is looked up once (the answers are kept, a few hundred at most)."""
        known = self._looked_up
        if surface in known:
            value = known[surface]
            if value is _MISSING:
                raise KeyError(surface)
            return value
        if len(known) >= _LOOKUPS_KEPT:
            known.clear()
        for key, value in self._keyed:
            if key.fullmatch(surface):
                known[surface] = value
                return value
        known[surface] = _MISSING
        raise KeyError(surface)

    @functools.cached_property
    def _looked_up(self) -> dict[str, Any]:
        return {}

    @functools.cached_property
    def _keyed(self) -> list[tuple[re.Pattern[str], Any]]:
        flags = re.IGNORECASE if self.ignore_case else 0
        keys = sorted(self.map.items(), key=lambda kv: len(kv[0]), reverse=True)
        return [(re.compile(_phrase_body(k), flags), v) for k, v in keys]


_KNOWN = {"id", "doc", "words", "map", "pattern", "examples", "counter", "ignore_case"}
_MISSING = object()  # a surface `Table.lookup` found no key for
_LOOKUPS_KEPT = 512


@dataclass(frozen=True)
class Vocabulary:
    """The tables of one file, `vocab/<lang>/<name>.toml`."""

    lang: str
    name: str
    tables: Mapping[str, Table]

    def __getitem__(self, key: str) -> Table:
        try:
            return self.tables[key]
        except KeyError:
            raise VocabularyError(f"vocab/{self.lang}/{self.name}.toml has no table [{key}]") from None

    def words(self, key: str) -> tuple[str, ...]:
        return self[key].words

    def regex(self, key: str) -> re.Pattern[str]:
        return self[key].regex


def _table(lang: str, name: str, key: str, raw: dict[str, Any]) -> Table:
    where = f"vocab/{lang}/{name}.toml [{key}]"
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: not a table")
    kinds = [k for k in ("words", "map", "pattern") if k in raw]
    if not kinds:
        raise VocabularyError(f"{where}: needs `words`, `map` or `pattern`")
    words = tuple(raw.get("words", ()))
    if any(not isinstance(w, str) or not w.strip() for w in words):
        raise VocabularyError(f"{where}: every word must be a non-empty string")
    table = Table(
        name=key,
        id=str(raw.get("id") or f"{lang}.{name}.{key}"),
        doc=str(raw.get("doc", "")),
        words=words,
        map=dict(raw.get("map", {})),
        pattern=raw.get("pattern"),
        examples=tuple(raw.get("examples", ())),
        counter=tuple(raw.get("counter", ())),
        ignore_case=bool(raw.get("ignore_case", True)),
        extra={k: v for k, v in raw.items() if k not in _KNOWN},
    )
    try:
        table.regex  # noqa: B018 - compile now, so a bad entry fails at load with its name
    except (re.error, VocabularyError) as exc:
        raise VocabularyError(f"{where}: {exc}") from exc
    return table


@functools.cache
def vocabulary(lang: str, name: str) -> Vocabulary:
    """Load and compile `vocab/<lang>/<name>.toml` (once per process)."""
    ref = resources.files("ingest.extract") / "vocab" / lang / f"{name}.toml"
    try:
        raw = tomllib.loads(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VocabularyError(f"no vocabulary vocab/{lang}/{name}.toml") from None
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"vocab/{lang}/{name}.toml: {exc}") from exc
    tables = {k: _table(lang, name, k, v) for k, v in raw.items()}
    return Vocabulary(lang, name, tables)


def files() -> list[tuple[str, str]]:
    """Every (lang, name) shipped, for the tests that make each entry fire."""
    root = resources.files("ingest.extract") / "vocab"
    out: list[tuple[str, str]] = []
    for lang_dir in root.iterdir():
        if lang_dir.is_dir():
            out.extend((lang_dir.name, f.name[:-5]) for f in lang_dir.iterdir() if f.name.endswith(".toml"))
    return sorted(out)
