"""Officials in English news: a title chain and a name, in either order.

English writes a position as a head (`Deputy Secretary`, `Governor`, `Chairman`) and an
`of`-phrase (`of the Tay Ninh Provincial Party Committee`, `of Attapeu Province`); several
positions of one person are joined by `,`, `and`, `-` or `cum`. The name follows the chain
(`... People's Committee Vo Van A hosted`) or precedes it after a comma or dash (`Mr.
Khamphet B, Secretary of ...`). A name already taken by a chain is not the name before
the next chain (`Chairman of X Nguyen Van A, Deputy Governor of Y and other guests`: the
deputy governor is unnamed).

Province, in order: the province the chain names (`... Governor of Attapeu Province`);
none for national positions (`Lao Prime Minister X`: organisation `Government of Laos`);
the province of a list head (`Attendees from X Province included ...`) or of the
delegation a `led by` introduces; else the shape of the name (Vietnamese family name and
short syllables, or long Lao syllables) gives the country, and the province is the only one
of that country the article names, or else the only one the sentence names.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from app.facts import OfficialFact

from .. import tiers
from ..context import ArticleContext, SentenceInfo, name_key
from ..mentions import Mention
from ..vocab import vocabulary
from .gates import HEADS
from .text import is_name_word, name_country

# Both alternatives open with a non-space character: the look-ahead says so, so the engine
# passes over a space at once instead of trying each alternative's large class there (half
# the cost of tokenising a sentence; the same matches).
_TOKEN = re.compile(r"(?=\S)(?:[A-Za-zÀ-ỹĐđ0-9]+(?:[’'][A-Za-z]+)?(?:-[A-Za-zÀ-ỹ]+)*|[^\sA-Za-zÀ-ỹĐđ0-9])")
_JOIN = frozenset({",", "and", "cum", "-", "–", "—", "&"})
_TRIM = frozenset({"of", "the", "and", "for", "to", "in", "on", "-", "–"})
# `Quang Tri Party Secretary A`, `Houaphanh’s Governor B`: the province written before the head.
_BEFORE_HEAD = re.compile(r"\s*(?:[Pp]rovince|[Cc]ity)?(?:’s|'s)?\s*(?:provincial\s+|municipal\s+)?")
_PROVINCIAL = re.compile(r"\b(?:provincial|the\s+province[’']s)\s+(?:(?:Party|party)\s+)?$")
_CHAIN_OF = frozenset({"of", "the", "Lao", "Laos", "’s", "central"})


@dataclass
class Official:
    name: str
    start: int
    end: int
    positions: list[str]
    province: str | None
    organisation: str | None
    country: str | None
    rule: str
    tier: float = tiers.STRUCTURED
    chain_mentions: list[Mention] = field(default_factory=list)


# Title patterns read per chain or per province, looked up once.
_NATIONAL = vocabulary("en", "titles").regex("national")
_MEMORIAL = vocabulary("en", "titles").regex("memorial")
_LIST_HEAD = vocabulary("en", "titles").regex("list_head")
_LED_BY = vocabulary("en", "titles").regex("led_by")
_POSSESSIVE = re.compile(r"[’']s$")
_POSSESSIVE_ENDS = ("’s", "'s")


class _Tok(NamedTuple):
    """A token of the sentence; a named tuple, as every sentence with a title head makes
    one per word (a frozen dataclass cost a fifth of the English officials rule)."""

    text: str
    start: int  # absolute
    end: int

    @property
    def base(self) -> str:
        """The word without a possessive `'s` (what `_POSSESSIVE` removes: a token holds no
        line break, so its `$` is the token's end)."""
        return self.text[:-2] if self.text.endswith(_POSSESSIVE_ENDS) else self.text


_START = operator.itemgetter(1)  # a token's `start`, for bisection


def _tokens(text: str, offset: int) -> list[_Tok]:
    # `tuple.__new__` is what `_Tok(...)` calls, without its argument handling (a third of
    # the cost of tokenising a sentence).
    new = tuple.__new__
    return [new(_Tok, (m[0], offset + m.start(), offset + m.end())) for m in _TOKEN.finditer(text)]


@functools.cache
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The title vocabulary's `tail` and `unit` words, as sets (built once)."""
    titles = vocabulary("en", "titles")
    return frozenset(titles.words("tail")), frozenset(titles.words("unit"))


def find_officials(ctx: ArticleContext, info: SentenceInfo, taken: set[int] | None = None) -> list[Official]:
    """Officials named with their titles in one sentence."""
    titles = vocabulary("en", "titles")
    s = info.sentence
    heads = [(s.start + m.start(), s.start + m.end()) for m in info.finditer_sentence(HEADS)]
    if not heads:
        return []
    text = ctx.text
    toks = _tokens(s.text, s.start)
    at = {t.start: i for i, t in enumerate(toks)}
    head_at = {a: b for a, b in heads}
    tail, unit = _word_sets()
    ranks = titles["rank"].map
    national = _NATIONAL
    memorial = _MEMORIAL
    mention_at = {m.start: m for m in info.mentions}
    used_names: set[int] = set(taken or ())
    out: list[Official] = []
    # The tokens a title head starts at, in order: the walk goes from one to the next
    # instead of testing every token of the sentence.
    head_tokens = sorted(at[a] for a in head_at if a in at)
    i = 0
    while True:
        k = bisect.bisect_left(head_tokens, i)
        if k == len(head_tokens):
            break
        i = head_tokens[k]
        t = toks[i]
        if i > 0 and toks[i - 1].text in {"a", "an"}:
            i += 1
            continue
        if memorial.search(text, max(s.start, t.start - 40), t.start):
            i += 1
            continue
        chain_start = t.start
        positions: list[str] = []
        ms: list[Mention] = [m for m in info.mentions if _BEFORE_HEAD.fullmatch(text, m.end, t.start)]
        j = _after(toks, at, head_at[t.start])
        pos_start = t.start
        while True:
            j = _of_phrase(toks, at, j, tail, unit, mention_at, head_at, ms)
            end = j
            while end > i and toks[end - 1].text in _TRIM:
                end -= 1
            positions.append(text[pos_start : toks[end - 1].end])
            k = end
            while k < len(toks) and toks[k].text in _JOIN:
                k += 1
            if k > end and k < len(toks) and toks[k].start in head_at:
                pos_start = toks[k].start
                j = _after(toks, at, head_at[toks[k].start])
                continue
            break
        chain_end = toks[end - 1].end
        # Name after the chain.
        name_toks = _name_run(toks, _skip_honorific(toks, end, ranks))
        rank: list[str] = []
        if len(name_toks) < 2:
            name_toks = _name_in_commas(toks, end, info.mentions)
        if len(name_toks) >= 2 and name_toks[0].start not in used_names:
            name_span = (name_toks[0].start, name_toks[-1].end)
            rule = "en.official.title-then-name"
        else:
            before = _name_before(toks, i, ranks)
            if before is None or before[0][0].start in used_names:
                i = end
                continue
            name_toks, rank = before
            name_span = (name_toks[0].start, name_toks[-1].end)
            rule = "en.official.name-then-title"
        used_names.add(name_span[0])
        name = text[name_span[0] : name_span[1]]
        in_chain = [m for m in ms if not _venue(text, m)]
        is_national = national.match(text, chain_start) is not None and not in_chain
        province: str | None = None
        organisation: str | None = None
        country = name_country(name)
        if in_chain:
            province = in_chain[-1].iso
            country = in_chain[-1].country
        elif is_national:
            organisation = _government(text, max(s.start, chain_start - 12), chain_end)
        else:
            province = _context_province(ctx, info, min(chain_start, name_span[0]), country)
            if province is None:
                i = end
                continue
        out.append(
            Official(
                name,
                name_span[0],
                name_span[1],
                [*rank, *positions],
                province,
                organisation,
                country,
                rule,
                tiers.STRUCTURED if in_chain or is_national else tiers.CONTEXTUAL,
                ms,
            )
        )
        i = max(end, at.get(name_span[1], end))
        if name_span[0] > chain_end:
            i = max(i, _index_after(toks, name_span[1]))
    return out


def _after(toks: list[_Tok], at: dict[int, int], end: int) -> int:
    """Index of the first token starting at or after absolute offset `end`."""
    return at[end] if end in at else _index_after(toks, end)


def _index_after(toks: list[_Tok], end: int) -> int:
    """Index of the first token starting at or after `end`: the tokens are in order of
    their (distinct) starts, so a bisection finds what a walk from the first would."""
    return bisect.bisect_left(toks, end, key=_START)


def _index_after_walk(toks: list[_Tok], end: int) -> int:
    """`_index_after` as a walk from the first token (the reference the tests compare with)."""
    for k, t in enumerate(toks):
        if t.start >= end:
            return k
    return len(toks)


def _of_phrase(
    toks: list[_Tok],
    at: dict[int, int],
    j: int,
    tail: frozenset[str],
    unit: frozenset[str],
    mention_at: dict[int, Mention],
    head_at: dict[int, int],
    ms: list[Mention],
) -> int:
    """Extend a position over its `of`-phrase: tail words, province names, place slots."""
    n = len(toks)
    while j < n:
        t = toks[j]
        m = mention_at.get(t.start)
        if m is not None and j > 0 and (toks[j - 1].text in _CHAIN_OF or toks[j - 1].text in tail):
            ms.append(m)
            j = _index_after(toks, m.end)
            continue
        if t.start in head_at:
            break
        if t.text == "and":
            nxt = toks[j + 1] if j + 1 < n else None
            if nxt is not None and nxt.base in tail and nxt.start not in head_at and nxt.text[0].isupper():
                j += 1
                continue
            break
        if t.base in tail or t.text in tail:
            j += 1
            continue
        if t.text in {"’", "'"} and j + 1 < n and toks[j + 1].text == "s":
            j += 2
            continue
        # A place slot: up to three capitalised words before a unit word.
        k = j
        while k < n and k - j < 3 and toks[k].text[:1].isupper() and toks[k].start not in head_at:
            k += 1
        if k > j and k < n and toks[k].base in unit and toks[j - 1].text in {"of", "the"}:
            j = k
            continue
        break
    return j


def _skip_honorific(toks: list[_Tok], k: int, ranks: Mapping[str, str]) -> int:
    """`... Province Mr. A B` / `... Province, Mr. A B`: the name starts after the honorific."""
    j = k + 1 if k < len(toks) and toks[k].text == "," else k
    if j < len(toks) and ranks.get(toks[j].text) == "honorific":
        j += 1
        if j < len(toks) and toks[j].text == ".":
            j += 1
        return j
    return k


def _name_in_commas(toks: list[_Tok], k: int, mentions: list[Mention]) -> list[_Tok]:
    """`Chairman of the provincial People's Committee, Nguyen Van A, said`: a name set off by
    commas right after the chain, kept only when it has a person's shape and is no place."""
    if k >= len(toks) or toks[k].text != ",":
        return []
    run = _name_run(toks, k + 1)
    after = k + 1 + len(run)
    if len(run) < 2 or after >= len(toks) or toks[after].text not in {",", ")", "("}:
        return []
    if name_country(" ".join(t.text for t in run)) is None:
        return []
    if any(run[0].start <= m.start < run[-1].end for m in mentions):
        return []
    return run


def _name_run(toks: list[_Tok], k: int) -> list[_Tok]:
    out: list[_Tok] = []
    while k < len(toks) and _name_word(toks[k].text) and len(out) < 6:
        out.append(toks[k])
        k += 1
    if out and all(t.text.isupper() for t in out):
        return []  # acronyms (`VNA`, `LFNC`), not a name
    return out


def _name_word(word: str) -> bool:
    return is_name_word(word)


def _name_before(toks: list[_Tok], i: int, ranks: Mapping[str, str]) -> tuple[list[_Tok], list[str]] | None:
    """`Mr. A B, <chain>` / `A B - <chain>`: the name standing before the chain head."""
    k = i - 1
    if k < 0 or toks[k].text not in {",", "-", "–", "—", ":"}:
        return None
    k -= 1
    run: list[_Tok] = []
    while k >= 0 and _name_word(toks[k].text) and toks[k].text not in ranks:
        run.insert(0, toks[k])
        k -= 1
    if not 2 <= len(run) <= 6 or all(t.text.isupper() for t in run):
        return None
    rank: list[str] = []
    # A rank right before the name is a position (`Colonel A B, Member of ...`).
    for width in (2, 1):
        if k - width + 1 >= 0:
            words = " ".join(t.text for t in toks[k - width + 1 : k + 1])
            if ranks.get(words) == "rank":
                rank = [words]
                break
    return run, rank


_LOCATED = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?$")
_LAO = re.compile(r"\bLao(?:s|tian)?\b")
_VIETNAM = re.compile(r"\bViet\s*Nam(?:ese)?\b|\bVietnam(?:ese)?\b")


def _venue(text: str, m: Mention) -> bool:
    """`Consul General of Laos in Da Nang`: a province after `in`/`at` locates a mission."""
    return _LOCATED.search(text[max(0, m.start - 10) : m.start]) is not None


def _government(text: str, start: int, end: int) -> str | None:
    span = text[start:end]
    if _LAO.search(span):
        return "Government of Laos"
    if _VIETNAM.search(span):
        return "Government of Vietnam"
    return None


def _context_province(ctx: ArticleContext, info: SentenceInfo, start: int, country: str | None) -> str | None:
    """A province for a chain that names none: list head, delegation, else name shape."""
    text = ctx.text
    s = info.sentence
    before = [m for m in info.mentions if m.end <= start]
    for m in reversed(before):
        head = _LIST_HEAD.search(text, max(s.start, m.start - 40), m.start)
        if head and (country is None or m.country == country):
            return m.iso
    leds = list(_LED_BY.finditer(text, s.start, start))
    if leds:
        led = leds[-1]
        cands = [m for m in before if m.end <= led.start()]
        if cands and (country is None or cands[-1].country == country):
            return cands[-1].iso
    if country is None:
        return None
    # The name's country: the article's only province of that country, else the sentence's.
    if country in ctx.sole:
        return ctx.sole[country]
    here = {m.iso for m in info.mentions if m.country == country}
    if len(here) == 1:
        return here.pop()
    # `provincial chairman A`: the province the article is about, of the name's country.
    if _PROVINCIAL.search(text, max(s.start, start - 30), start) and not here:
        return ctx.main_vn if country == "VN" else ctx.main_la
    return None


def add_official(known: dict[str, OfficialFact], o: Official, info: SentenceInfo) -> None:
    """Merge repeated mentions of one person (same folded name): positions add up. The
    evidence is built only for a new person (a repeat keeps the first evidence)."""
    key = name_key(o.name)
    old = known.get(key)
    if old is None:
        evidence = info.evidence()
        known[key] = OfficialFact(
            name=o.name,
            province=o.province,
            organisation=o.organisation,
            positions=list(o.positions),
            confidence=tiers.capped(o.tier, evidence.zone),
            evidence=evidence,
            rule=o.rule,
        )
        return
    for p in o.positions:
        if p not in old.positions:
            old.positions.append(p)
    if old.province is None and o.province is not None and old.organisation is None:
        old.province = o.province
    old.organisation = old.organisation or o.organisation
