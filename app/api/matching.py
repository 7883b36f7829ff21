"""Fuzzy, diacritics-insensitive name matching for searches.

Vietnamese press spells one person's name with or without diacritics, with typos, and
sometimes with only the given names ("Tiến Hải" for "Nguyễn Tiến Hải"). Comparing folded
words, each query word against its best counterpart, tolerates all three while keeping
unrelated names (which share little more than a common family name) below the cut-off.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from rapidfuzz import fuzz

from app.names import fold_words

#: Scores at or above this count as a match.
THRESHOLD = 0.72
#: Suggestions for an unknown id score at least this (looser: any near miss helps).
SUGGEST = 0.5
#: Longest folded query compared (longer input is cut: names are short).
MAX_QUERY = 120


@functools.lru_cache(maxsize=131072)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold_words(text).split())


@functools.lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """Indel similarity (rapidfuzz, 2·LCS / total length): the ratio the search index
    (`search_index`) filters candidates with, so both agree on which rows can match.
    Cached: the same words recur across thousands of names and titles."""
    return float(fuzz.ratio(a, b)) / 100.0


@functools.lru_cache(maxsize=262144)
def _pair(word: str, other: str) -> float:
    """One query word against one word of a name: equal, a prefix of it, or fuzzy."""
    if word == other:
        return 1.0
    if len(word) >= 3 and other.startswith(word):
        return 0.9
    return _ratio(word, other)


def _word_score(word: str, candidates: tuple[str, ...]) -> float:
    return max(_pair(word, c) for c in candidates)


def score(query: str, text: str, whole: bool = True) -> float:
    """How well `query` matches `text`, 0..1 (1: same folded words).

    `whole` also compares the strings as a whole, which suits names; for longer texts
    (descriptions, field lists) only the per-word match counts.
    """
    return score_words(_words(query[:MAX_QUERY]), _words(text), whole)


def score_words(q: tuple[str, ...], t: tuple[str, ...], whole: bool = True) -> float:
    """`score` of folded words (the search index folds each text once, not per query)."""
    if not q or not t:
        return 0.0
    if q == t:
        return 1.0
    qk, tk = "".join(q), "".join(t)
    if qk == tk:
        return 0.98
    total = 0.0
    for w in q:  # plain loops: this is the inner loop of every search
        best = 0.0
        for c in t:
            p = _pair(w, c)
            if p > best:
                best = p
                if p == 1.0:
                    break
        total += best
    words = total / len(q)
    best = 0.95 * words
    if len(qk) >= 3 and qk in tk:
        best = max(best, 0.9 if tk.startswith(qk) else 0.85)
    if whole:
        best = max(best, 0.9 * _ratio(qk, tk))
    return round(best, 4)


def closest(key: str, candidates: Iterable[tuple[str, ...]], n: int = 5) -> list[str]:
    """Ids of the `n` candidates nearest to `key`, best first, for a 404's suggestions.

    A candidate is its id followed by any other texts it may be asked by (a name); its
    score is the best over all of them.
    """
    ranked = sorted(((max(score(key, t) for t in texts), texts[0]) for texts in candidates), reverse=True)
    return [k for s, k in ranked[:n] if s >= SUGGEST]
