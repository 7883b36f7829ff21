"""Triggers: which sentences a rule's gate pattern could match, from one pass over the article.

Every rule used to open with its own gate (`KIND.search(sentence)`, `VERB.search(...)`, the
title anchor...), each a large case-insensitive alternation that the regex engine tries at
every character of every sentence. Most sentences hold none of those words, so most of that
work only said "no". A `Trigger` reads, from a compiled pattern, the literal words every
match of it begins with (`biên bản`, `hỗ trợ`, `Bí thư`... lower-cased, in each tone
placement); one Aho–Corasick pass over the lower-cased article finds where any trigger's
words occur; a sentence in which none of a pattern's words occurs cannot match it, so the
rule is skipped there with exactly the result the gate would have given.

Exactness rests on two facts, both checked here or in the tests:
- the words are a necessary condition: they are read from the pattern's own parse (only
  literals, character sets of literals and alternations; anything else ends the word, and a
  pattern whose match may start with no literal at all gets no trigger and always runs);
- lower-casing the text maps every character the pattern matches case-insensitively onto
  the word's letter. That holds unless lower-casing changes the text's length (`İ`) or the
  text holds a character the regex engine folds specially (`ſ` matches `s`, `ı` matches
  `i`, Greek and Cyrillic variants: `re`'s case-fix table); such an article simply runs
  every rule, as before.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

from .mentions import fast_table, in_fast_table

__all__ = [
    "ALL",
    "Hits",
    "Starts",
    "Trigger",
    "lowered_span",
    "matches_at",
    "may",
    "scan",
    "scan_hits",
    "starts",
    "words",
]

ALL = -1  # the mask of a sentence no trigger can be excluded from
_MAX_WORDS = 512  # more alternatives than this: stop lengthening the words (still exact)


def casefix_chars() -> frozenset[str] | None:
    """Non-ASCII characters `re` matches case-insensitively with a character of another
    lower case (`ſ`~`s`, `ı`~`i`, `ϐ`~`β`...); None if the table cannot be read."""
    try:
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    chars = {chr(k) for k in extra} | {chr(v) for vs in extra.values() for v in vs}
    return frozenset(c for c in chars if not c.isascii())


_CASEFIX = casefix_chars()
_SPACES = re.compile(r"\s+")
_UNSAFE = re.compile("[" + re.escape("".join(sorted(_CASEFIX))) + "]") if _CASEFIX else None
# Whether no character of the fast fold's 8-bit table (`mentions.in_fast_table`) is in
# `_CASEFIX`: then a text all of whose characters are in the table holds none of them.
_TABLE_SAFE = _CASEFIX is not None and not (set(fast_table()) & _CASEFIX)


def _safe(lowered: str) -> bool:
    """`_UNSAFE` exists and finds nothing in `lowered`. Answered without the regex where
    possible: `_UNSAFE.search` looks each character up in a large class (~25 µs for a
    5,000-character article), while `_CASEFIX` holds no ASCII character (`casefix_chars`)
    and, when `_TABLE_SAFE`, none of the fast fold's table, whose test is one encoding."""
    if _UNSAFE is None:
        return False
    if lowered.isascii() or (_TABLE_SAFE and in_fast_table(lowered)):
        return True
    return _UNSAFE.search(lowered) is None


def _prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased literal words one of which starts every match of `pattern`, or None."""
    try:
        parser: Any = importlib.import_module("re._parser")
        consts: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return None
    return _lowered(_starts(list(tree), consts))


def _lowered(words: set[str]) -> frozenset[str] | None:
    """`words` as the lower-cased text holds them (single spaces, none at the ends); None
    when there are none, or one the lower-cased text could not be compared with."""
    if not words or "" in words or _CASEFIX is None:
        return None
    lowered = set()
    for w in words:
        lower = w.lower()
        if len(lower) != len(w) or any(c in _CASEFIX for c in lower):
            return None  # a word the lower-cased text could not be compared with
        # Spaces at the ends are dropped: the rest still lies inside every match. (The
        # length check above is made before, or `received\s+` would never get a trigger.)
        low = _SPACES.sub(" ", lower).strip()
        if not low:
            return None
        lowered.add(low)
    return frozenset(lowered)


def _starts(items: list[tuple[Any, Any]], c: Any) -> set[str]:
    """Strings every match of the sequence `items` starts with (`""` when unknown)."""
    out = {""}
    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is c.LITERAL:
            out = {s + chr(av) for s in out}
        elif op is c.MAX_REPEAT and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]:
            # `\s+` is one space of the collapsed text; `\s*` one space or none.
            out = {s + " " for s in out} | (out if av[0] == 0 else set())
        elif op is c.IN and av and all(o is c.LITERAL for o, _ in av):
            out = {s + chr(a) for s in out for _, a in av}
        elif op is c.SUBPATTERN:
            return {s + t for s in out for t in _starts([*av[3], *items[i + 1 :]], c)}
        elif op is c.BRANCH:
            tails: set[str] = set()
            for alt in av[1]:
                tails |= _starts([*alt, *items[i + 1 :]], c)
            return {s + t for s in out for t in tails}
        else:
            return out  # a repeat, a class, a group reference...: the word ends here
        if len(out) > _MAX_WORDS:
            return out
    return out


def matches_at(
    pattern: re.Pattern[str], string: str, pos: int, endpos: int, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(string, pos, endpos)` when every match starts at one of `starts`
    (in increasing order, repeats allowed): the pattern is tried only there, as the regex
    engine would (leftmost first, never inside an earlier match)."""
    match = pattern.match
    at_least = pos  # where the regex engine would try next
    for at in starts:
        if at < at_least:
            continue
        if at >= endpos:
            return
        m = match(string, at, endpos)
        if m is None:
            at_least = at + 1
            continue
        yield m
        at_least = m.end() if m.end() > m.start() else m.start() + 1


def _opens_with_digit(items: list[tuple[Any, Any]], c: Any) -> bool:
    """Every match of the sequence `items` starts with a character `\\d` matches."""
    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is c.IN:
            return list(av) == [(c.CATEGORY, c.CATEGORY_DIGIT)]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return av[0] >= 1 and _opens_with_digit(list(av[2]), c)
        if op is c.SUBPATTERN:
            return _opens_with_digit([*av[3], *items[i + 1 :]], c)
        if op is c.BRANCH:
            return all(_opens_with_digit([*alt, *items[i + 1 :]], c) for alt in av[1])
        return False
    return False


def _digit_guarded(items: list[tuple[Any, Any]], c: Any, guarded: bool = False) -> bool:
    """Whether every alternative of `items` that opens with a digit (as `_openings` reads
    them) is preceded by a zero-width check that fails right after a digit: `\\b` (a digit
    is a word character), a negative look-behind refusing `\\d` or `\\w`, or a positive
    one whose last character cannot be a digit. Such a pattern never matches inside a run
    of digits, so only each run's first digit need be tried."""
    for i, (op, av) in enumerate(items):
        if op is c.AT:
            guarded = guarded or av is c.AT_BOUNDARY
            continue
        if op is c.ASSERT_NOT:
            guarded = guarded or (av[0] == -1 and _refuses_digit(list(av[1]), c))
            continue
        if op is c.ASSERT:
            guarded = guarded or (av[0] == -1 and _ends_without_digit(list(av[1]), c))
            continue
        if op is c.SUBPATTERN:
            return _digit_guarded([*av[3], *items[i + 1 :]], c, guarded)
        if op is c.BRANCH:
            return all(_digit_guarded([*alt, *items[i + 1 :]], c, guarded) for alt in av[1])
        return guarded or not _opens_with_digit(items[i:], c)
    return guarded


def _refuses_digit(items: list[tuple[Any, Any]], c: Any) -> bool:
    """`items` is one character class that holds every digit (`[\\d...]`, `[\\w...]`)."""
    if len(items) != 1 or items[0][0] is not c.IN:
        return False
    members = list(items[0][1])
    return (c.NEGATE, None) not in members and any(
        m in members for m in ((c.CATEGORY, c.CATEGORY_DIGIT), (c.CATEGORY, c.CATEGORY_WORD))
    )


def _ends_without_digit(items: list[tuple[Any, Any]], c: Any) -> bool:
    """The last item of `items` matches no digit: a literal other than a digit, or a class
    of spaces and such literals only."""
    if not items:
        return False
    op, av = items[-1]
    if op is c.LITERAL:
        return not chr(av).isdigit()
    if op is c.IN:
        return all(
            (m_op is c.LITERAL and not chr(m_av).isdigit()) or (m_op, m_av) == (c.CATEGORY, c.CATEGORY_SPACE)
            for m_op, m_av in av
        )
    return False


def _openings(items: list[tuple[Any, Any]], c: Any) -> tuple[set[str], bool] | None:
    """How every match of the sequence `items` opens: (literal words one of which starts
    it, whether a digit may start it instead), alternative by alternative; None when some
    alternative opens with neither."""
    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is c.SUBPATTERN:
            return _openings([*av[3], *items[i + 1 :]], c)
        if op is c.BRANCH:
            words: set[str] = set()
            digit = False
            for alt in av[1]:
                found = _openings([*alt, *items[i + 1 :]], c)
                if found is None:
                    return None
                words |= found[0]
                digit = digit or found[1]
            return words, digit
        if _opens_with_digit(items[i:], c):
            return set(), True
        starts = _starts(items[i:], c)
        return None if not starts or "" in starts else (starts, False)
    return None


_DIGITS = re.compile(r"\d+")


# The last span `_digits_in` and `_lowered_span` read, with their answers: a rule tries
# several `Starts` patterns on one clause (amounts, goods, counts, cash...), each of which
# read it again. One tuple, replaced whole (a thread reads a consistent entry); strings
# are immutable, so the same object and bounds give the same answer.
_DIGITS_MEMO: list[tuple[str, int, int, tuple[int, ...]]] = [("", 0, 0, ())]
_RUNS_MEMO: list[tuple[str, int, int, tuple[int, ...]]] = [("", 0, 0, ())]
_LOWERED_MEMO: list[tuple[str, int, int, str | None]] = [("", 0, 0, "")]
# The last span `scan_hits` read whole and found readable, with its lower-cased copy: a
# clause inside it is that copy's slice. (Lower-casing is character by character, except
# for the capital sigma, whose lower cases are both in `_CASEFIX`; where the length did not
# change, no character's did, so a slice of the lower-cased span is the lower-cased slice,
# and readable as the span is.)
_SCANNED: list[tuple[str, int, int, str]] = [("", 0, 0, "")]


def _digits_in(string: str, pos: int, endpos: int) -> tuple[int, ...]:
    """The position of every digit (`\\d`) in `string[pos:endpos]`, in order."""
    memo = _DIGITS_MEMO[0]
    if memo[0] is string and memo[1] == pos and memo[2] == endpos:
        return memo[3]
    found: list[int] = []
    for run in _DIGITS.finditer(string, pos, endpos):  # a run of digits is one match
        found.extend(range(run.start(), run.end()))
    digits = tuple(found)
    _DIGITS_MEMO[0] = (string, pos, endpos, digits)
    return digits


def _runs_in(string: str, pos: int, endpos: int) -> tuple[int, ...]:
    """Where each run of digits (`\\d+`) in `string[pos:endpos]` starts, in order."""
    memo = _RUNS_MEMO[0]
    if memo[0] is string and memo[1] == pos and memo[2] == endpos:
        return memo[3]
    runs = tuple(run.start() for run in _DIGITS.finditer(string, pos, endpos))
    _RUNS_MEMO[0] = (string, pos, endpos, runs)
    return runs


def _lowered_span(string: str, pos: int, endpos: int) -> str | None:
    """`string[pos:endpos]` lower-cased, or None where lower-casing cannot be compared
    with the span (its length changes, or `re` folds one of its letters specially)."""
    memo = _LOWERED_MEMO[0]
    if memo[0] is string and memo[1] == pos and memo[2] == endpos:
        return memo[3]
    scanned = _SCANNED[0]
    if scanned[0] is string and scanned[1] <= pos and endpos <= scanned[2]:
        lowered = scanned[3][pos - scanned[1] : endpos - scanned[1]]
        readable = True
    else:
        lowered = string[pos:endpos].lower()
        readable = len(lowered) == endpos - pos and _safe(lowered)
    _LOWERED_MEMO[0] = (string, pos, endpos, lowered if readable else None)
    return lowered if readable else None


def lowered_span(string: str, pos: int, endpos: int) -> str | None:
    """`string[pos:endpos]` lower-cased, or None where a case-blind pattern may match what
    the lower-cased copy does not show (see `_lowered_span`); shared with the `Starts` of
    the same span, so a rule's literal pre-checks cost no second copy."""
    return _lowered_span(string, pos, endpos)


class Starts:
    """Where matches of a pattern can start in a span, found without the regex engine
    walking it: at a digit, for the alternatives of the pattern that open with one
    (amounts, counts), and where one of the leading words of the others occurs in the
    lower-cased span (as `Trigger` reads them; only each word's first space-free part is
    looked for, so spacing never hides one). `finditer` then tries the pattern only there,
    with the matches `finditer` gives. A pattern with an alternative that opens with
    neither, or a span lower-casing cannot be compared with (see the module docstring), is
    searched as usual. For patterns a rule applies to spans of a sentence (clauses) rather
    than the whole article, where the article-wide pass (`Trigger`) would need a trigger for
    each."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.digit = False
        self.heads: tuple[str, ...] = ()
        self.known = False  # where every match can start is known
        # No digit-opening alternative matches right after a digit (`_digit_guarded`): only
        # the first digit of each run is a candidate. Not read for `re.ASCII`/`re.LOCALE`
        # patterns, whose `\\b`, `\\d`, `\\w` are not the candidates' Unicode ones.
        self.runs = False
        try:
            parser: Any = importlib.import_module("re._parser")
            consts: Any = importlib.import_module("re._constants")
            tree = list(parser.parse(pattern.pattern, pattern.flags))
            found = _openings(tree, consts)
            if not pattern.flags & (re.ASCII | re.LOCALE):
                self.runs = _digit_guarded(tree, consts)
        except (ImportError, AttributeError, re.error):
            return
        if found is None:
            return
        words, self.digit = found
        lowered = _lowered(words) if words else frozenset()
        if lowered is None:
            return
        self.heads = tuple(sorted({w.split(" ")[0] for w in lowered}))
        self.known = True

    def _starts(self, string: str, pos: int, endpos: int) -> list[int] | None:
        """The places in the span where a match can start, in order (a digit, or a head
        word of the literals); None when the span cannot be lower-cased position for
        position, and the plain regex must be tried instead."""
        found: list[int] = []
        if self.digit:
            found.extend(_runs_in(string, pos, endpos) if self.runs else _digits_in(string, pos, endpos))
        if self.heads:
            lowered = _lowered_span(string, pos, endpos)
            if lowered is None:
                return None
            for head in self.heads:
                i = lowered.find(head)
                while i != -1:
                    found.append(pos + i)
                    i = lowered.find(head, i + 1)
            found.sort()
        return found

    def finditer(self, string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """`self.pattern.finditer(string, pos, endpos)`, tried only where a match can start."""
        if not self.known:
            return self.pattern.finditer(string, pos, endpos)
        found = self._starts(string, pos, endpos)
        if found is None:
            return self.pattern.finditer(string, pos, endpos)
        return matches_at(self.pattern, string, pos, endpos, found)

    def search(self, string: str, pos: int, endpos: int) -> re.Match[str] | None:
        """`self.pattern.search(string, pos, endpos)`, as `finditer` tries it: the first
        place a match can start where the pattern matches (without `finditer`'s generators;
        a span with no such place is answered without the regex engine)."""
        if not self.known:
            return self.pattern.search(string, pos, endpos)
        found = self._starts(string, pos, endpos)
        if found is None:
            return self.pattern.search(string, pos, endpos)
        match = self.pattern.match
        for at in found:  # in order, each in the span; a repeat fails again
            m = match(string, at, endpos)
            if m is not None:
                return m
        return None


@functools.cache
def starts(pattern: re.Pattern[str]) -> Starts:
    """`Starts(pattern)`, made once per pattern."""
    return Starts(pattern)


_WORDS: dict[str, int] = {}  # word → mask of the triggers whose matches start with it
_BITS: list[int] = []


class Trigger:
    """The words that start every match of one gate pattern; `bit` marks them in a sentence's
    mask. A pattern without such words gets `bit == ALL`: it is never skipped."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = _prefixes(pattern)
        if self.words is None:
            self.bit = ALL
            return
        self.bit = 1 << len(_BITS)
        _BITS.append(self.bit)
        for w in self.words:
            _WORDS[w] = _WORDS.get(w, 0) | self.bit
        _automaton.cache_clear()

    def finditer(
        self, string: str, pos: int, endpos: int, hits: Hits | None, offset: int = 0
    ) -> Iterator[re.Match[str]]:
        """`self.pattern.finditer(string, pos, endpos)`, with the pattern tried only where
        one of its words starts (`hits`, text offsets; `string[i]` is the text's
        `offset + i`). Every match starts with one of the words, so these are the same
        matches, found without the regex engine walking the span. `hits` must cover the
        span; None (not known) runs the pattern's own `finditer`."""
        if hits is None or self.bit == ALL:
            return self.pattern.finditer(string, pos, endpos)
        bit = self.bit
        return matches_at(self.pattern, string, pos, endpos, (at - offset for at, bits in hits if bits & bit))

    def search(
        self, string: str, pos: int, endpos: int, hits: Hits | None, offset: int = 0
    ) -> re.Match[str] | None:
        """`self.pattern.search(string, pos, endpos)`, tried only at the hits: the first
        match `finditer` gives, without its generators."""
        if hits is None or self.bit == ALL:
            return self.pattern.search(string, pos, endpos)
        bit, match = self.bit, self.pattern.match
        for at, bits in hits:
            if bits & bit:
                at -= offset
                if at < pos:
                    continue
                if at >= endpos:
                    return None
                m = match(string, at, endpos)
                if m is not None:
                    return m
        return None


@functools.cache
def _automaton() -> Any:
    """One automaton over every trigger's words (rebuilt when a trigger is added); each
    word's value is (its length, the mask of the triggers it starts)."""
    auto = ahocorasick.Automaton()
    for word, mask in _WORDS.items():
        auto.add_word(word, (len(word), mask))
    if len(auto) == 0:
        return None
    auto.make_automaton()
    return auto


# Where the words of triggers start in a span: (offset into the text, mask of the triggers
# whose words start there), in order of offset. None where the span was not read whole.
Hits = list[tuple[int, int]]


def scan(text: str, spans: Iterable[tuple[int, int]]) -> list[int]:
    """The trigger mask of each `(start, end)` span of `text` (a sentence): the bits of the
    triggers one of whose words occurs in it; `ALL` for a span the lower-cased scan cannot
    read (see the module docstring)."""
    return [mask for mask, _ in scan_hits(text, spans)]


def scan_hits(
    text: str, spans: Iterable[tuple[int, int]], lowered: str | None = None
) -> list[tuple[int, Hits | None]]:
    """Each span's trigger mask (as `scan`) and where in it the triggers' words start.

    The text the spans cover is lower-cased once, and the automaton reads each span of that
    one string within the span's bounds (a word across a span's end is no hit). A span
    whose whitespace is not single plain spaces is read alone with its whitespace runs
    collapsed, as `\\s+` reads them, and gets no hit offsets (None); so does every span of
    a text the lower-cased scan cannot read at all, whose mask is `ALL`. `lowered` is
    `text[lo:hi].lower()` (`lo`, `hi`: the first start and last end of the spans) when the
    caller has it."""
    spans = list(spans)
    auto = _automaton()
    if auto is None or not spans:
        return [(ALL, None)] * len(spans)
    lo, hi = min(start for start, _ in spans), max(end for _, end in spans)
    lowered = text[lo:hi].lower() if lowered is None else lowered
    if len(lowered) != hi - lo or not _safe(lowered):
        return [(_scan_alone(text, start, end, auto), None) for start, end in spans]
    _SCANNED[0] = (text, lo, hi, lowered)  # the rules' clauses lie inside (`_lowered_span`)
    # A span with whitespace other than single plain spaces is read alone (`str.isprintable`
    # is False for every whitespace character but the space, and for a few others); the
    # others are read in the one lower-cased string, each within its bounds.
    n = len(spans)
    if any(spans[i][1] > spans[i + 1][0] for i in range(n - 1)):
        return [_scan_span(text, lowered, lo, start, end, auto) for start, end in spans]
    # Spans in order without overlap (sentences): one pass over the whole string, each hit
    # given to the span it lies in (a span read on its own reports exactly the hits of the
    # whole that start and end inside it), not one automaton call per span.
    found: list[Hits] = [[] for _ in range(n)]
    masks = [0] * n
    ends = [end - lo for _, end in spans]
    starts = [start - lo for start, _ in spans]
    k = 0
    for last, (length, bits) in auto.iter(lowered):
        while k < n and ends[k] <= last:  # the hits come in order of where they end
            k += 1
        if k == n:
            break
        first = last - length + 1
        if first >= starts[k]:
            found[k].append((lo + first, bits))
            masks[k] |= bits
    out: list[tuple[int, Hits | None]] = []
    for (start, end), mask, hits in zip(spans, masks, found, strict=True):
        part = lowered[start - lo : end - lo]
        if "  " in part or not part.isprintable():
            out.append((_scan_alone(text, start, end, auto), None))
            continue
        hits.sort()
        out.append((mask, hits))
    return out


def _scan_span(text: str, lowered: str, lo: int, start: int, end: int, auto: Any) -> tuple[int, Hits | None]:
    """One span's mask and hits, read by itself in `lowered` (`text[lo:]` lower-cased)."""
    a, b = start - lo, end - lo
    part = lowered[a:b]
    if "  " in part or not part.isprintable():
        return _scan_alone(text, start, end, auto), None
    mask = 0
    found: Hits = []
    for last, (length, bits) in auto.iter(lowered, a, b):
        mask |= bits
        found.append((lo + last - length + 1, bits))
    found.sort()
    return mask, found


def _scan_alone(text: str, start: int, end: int, auto: Any) -> int:
    """The mask of one span read by itself: lower-cased, whitespace runs collapsed."""
    lowered = text[start:end].lower()
    if len(lowered) != end - start or not _safe(lowered):
        return ALL
    # Whitespace runs become one space, as `\s+` reads them (`str.split` and `\s` use
    # the same definition of whitespace); the words hold single spaces.
    mask = 0
    for _, (_, bits) in auto.iter(" ".join(lowered.split())):
        mask |= bits
    return mask


def words() -> list[str]:
    """Every trigger word registered so far (lower-cased; for the benchmark's floor pass)."""
    return sorted(_WORDS)


def may(trigger: Trigger, mask: int) -> bool:
    """False only when `trigger`'s pattern cannot match in a span of that mask."""
    return trigger.bit == ALL or bool(mask & trigger.bit)
