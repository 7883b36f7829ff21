"""Folding of names so that spellings of one name compare equal.

Vietnamese press mixes composed and decomposed diacritics, hyphenated and spaced Lao
transliterations ("Khăm Muộn", "Khăm-muộn", "Khămmuộn") and case. Comparing folded keys
(no diacritics, no spaces, hyphens or punctuation) makes all of those one key.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z\u0e80-\u0eff]+")
_SLUG_SEP = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """Remove Latin diacritics (đ → d); Lao script is kept as is."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or _is_lao(c))
    return unicodedata.normalize("NFC", kept)


def _is_lao(c: str) -> bool:
    return "\u0e80" <= c <= "\u0eff"


def fold(text: str) -> str:
    """The comparison key: lower case, no diacritics, only letters and digits."""
    return _NON_ALNUM.sub("", strip_diacritics(nfc(text)).lower())


def fold_words(text: str) -> str:
    """Like `fold` but keeps single spaces between words (for prefix handling and search)."""
    return " ".join(_NON_ALNUM.sub(" ", strip_diacritics(nfc(text)).lower()).split())


def slug(text: str) -> str:
    """URL-safe lowercase ASCII identifier ('Nguyễn Tiến Hải' → 'nguyen-tien-hai')."""
    return _SLUG_SEP.sub("-", strip_diacritics(nfc(text)).lower()).strip("-")


def name_keys(text: str) -> tuple[str, str, str]:
    """`slug`, `fold` and `fold_words` of `text` at once: the loader needs all three of each
    person's name, and removing the diacritics is most of the cost of each."""
    base = strip_diacritics(nfc(text)).lower()
    return (
        _SLUG_SEP.sub("-", base).strip("-"),
        _NON_ALNUM.sub("", base),
        " ".join(_NON_ALNUM.sub(" ", base).split()),
    )
