"""Officials: a title chain next to a personal name, with the province the title belongs to.

Vietnamese reports write `<titles> <province> <Name>` (`Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh
Cà Mau Nguyễn Tiến Hải`), `ông/bà <Name>, <titles> <province>`, list items with no
honorific (`có các đồng chí: <Name> - <titles>; <Name>, <titles>`) and `<titles> <province>
- <Name>`. Titles are data (`vocab/vi/titles.toml` plus `app/data/positions.csv`): a whole
title, or a head and its organisation (`Phó Chủ tịch` + `Thường trực` + `HĐND`), so titles
nobody listed are still read; the longest reading at a position wins. A name is a run of
capitalised words (Lao names may be hyphenated, split by spaced dashes or carry an
all-capital family name), so the extractor never needs a list of people.

The province is, in order: the one named right after the chain (a portfolio or delegation
phrase may stand between); the side a list is headed by (`Về phía tỉnh X có các đồng
chí: ...`, carried over to the next sentences of a section); for a title only one country
uses (or, for titles both use, a Vietnamese family name) the nearest province of that
country before it in the sentence, else the article's home province of that country; for
other shared titles the nearest province before it or the delegation being described.
Diplomats and national officials belong to a national body, not a province.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.gazetteer import gazetteer

from .mentions import Mention
from .triggers import Hits, Trigger, casefix_chars
from .vocab import first_chars, phrase_regex, vocabulary

_V = vocabulary("vi", "titles")

RULE_AFTER = "vi.official.title-then-name"
RULE_BEFORE = "vi.official.name-then-title"
RULE_LIST = "vi.official.list-item"

_PLACE = r"(?:\s+(?:tỉnh|thành\s+phố|TP\.?|thủ\s+đô)(?!\w))"
_NO_PLACE_AFTER = ("tỉnh", "thành phố", "TP", "trưởng", "Đảng")


def _alt(words: Sequence[str]) -> str:
    return phrase_regex(words)


_CASE_FIXED = casefix_chars() or frozenset()


def _by_first_letter(alts: Sequence[tuple[str, str]]) -> str:
    """The alternation of the titles' patterns `alts` ((title, pattern), in order), grouped
    by the letters a title can start with, each group behind a look-ahead on them: the
    engine tries the one group whose letter stands at a position instead of every title.
    A title matches only where one of its first letters stands (its own look-ahead), and
    titles sharing a letter (in either case, as the pattern reads them) are in one group,
    in their order; so titles of two groups never match at the same position: the same
    match. A letter whose case-blind matching is not plain lower-casing (`re`'s case-fix
    table) leaves the alternation as it was."""
    groups: list[tuple[set[str], list[int]]] = []  # (lower-case letters, indices into alts)
    for i, (title, _) in enumerate(alts):
        firsts = first_chars([title])
        if any(len(c.lower()) != 1 or c in _CASE_FIXED or c.lower() in _CASE_FIXED for c in firsts):
            return "|".join(a for _, a in alts)
        letters = {c.lower() for c in firsts}
        indices = [i]
        for group in [g for g in groups if g[0] & letters]:
            groups.remove(group)
            letters |= group[0]
            indices += group[1]
        groups.append((letters, sorted(indices)))
    groups.sort(key=lambda g: g[1][0])
    out = []
    for _, indices in groups:
        chars = "".join(sorted({c for i in indices for c in first_chars([alts[i][0]])}))
        out.append(f"(?=[{re.escape(chars)}])(?:" + "|".join(alts[i][1] for i in indices) + ")")
    return "|".join(out)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(whole titles, head + organisation titles, anchor of first words), compiled once."""
    full = {p.title_vi for p in gazetteer().positions if "," not in p.title_vi}
    full.update(_V.words("titles"))
    alts = []
    for t in sorted(full, key=len, reverse=True):
        body = _alt([t])
        alts.append((t, body if t.endswith(_NO_PLACE_AFTER) else body + _PLACE + "?"))
    rank = r"(?:" + _alt(_V.words("ranks")) + r"\s*,?\s*)?"
    deputy = r"(?:Phó\s+)?"
    whole = re.compile(rank + deputy + r"(?:" + _by_first_letter(alts) + r")", re.IGNORECASE)
    org = (
        r"(?:"
        + _alt(_V.words("organisations"))
        + r"|Ban\s+"
        + _alt(_V.words("commissions"))
        + r"|Sở\s+"
        + _alt(_V.words("departments"))
        + r")"
    )
    composed = re.compile(
        rank
        + deputy
        + _alt(_V.words("heads"))
        + r"(?:\s+"
        + _alt(_V.words("modifiers"))
        + r")?(?:\s+"
        + org
        + r"(?:\s+"
        + _alt(_V.words("country_tails"))
        + r")?){1,3}"
        + _PLACE
        + "?",
        re.IGNORECASE,
    )
    # The first two words of every title (one for one-word titles): few false starts.
    firsts = {" ".join(t.split()[:2]) for t in (*full, *_V.words("heads"), *_V.words("ranks"))} | {"Phó"}
    anchor = re.compile(_alt(sorted(firsts)), re.IGNORECASE)
    return whole, composed, anchor


# The anchor as a trigger (`triggers.py`): `find_officials` reads only where its words start.
TITLE_WORDS = Trigger(_patterns()[2])


_CHAIN_SEP = re.compile(r"\s*(?:,|kiêm|-|–|và)\s*")
_HONORIFIC = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in (*_V.words("honorifics"), *_V.words("ranks"))) + r")\s+"
)
_NAME_TOKEN = re.compile(r"[^\s,.;:()\[\]\"“”!?/]+")
_NAME_DASH = re.compile(r"\s+[-–]\s+|\s")
_NOT_NAME = frozenset(_V.words("not_name"))
_NAME_STOPS = frozenset(_V.words("name_stops"))
_HISTORIC = _V.regex("historic")
_SURNAME_OPENERS = frozenset(_V.words("surname_openers"))
_ABBREVIATIONS = frozenset(_V.words("abbreviations"))
_VN_FAMILY = frozenset(_V.words("vn_family_names"))
_LIST_OPENERS = frozenset(_V.words("list_openers"))
_BARE = frozenset(w.lower() for w in _V.words("bare"))
_NOT_JOINED = frozenset(_V.words("name_joiners"))
_FUNCTION = frozenset(_V.words("function_words"))
_PARTY_TAIL = _V.regex("party_tail")
_PORTFOLIO = _V.regex("portfolio")
_LIST_HEAD = _V.regex("list_head")
_LIST_SIDE = _V.regex("list_side")
_LEADS = _V.regex("leads")
FILE_PHOTO = _V.regex("file_photo")
_LAO_MARK = _V.regex("lao_markers")
_VN_MARK = _V.regex("vn_markers")
_LAO_SYLLABLES = frozenset(_V.words("lao_syllables"))
_FRIEND_SIDE = _V.regex("friend_side")
_NATIONAL = _V.regex("national")
_DIPLOMATIC = _V.regex("diplomatic")
# `tỉnh X (Lào)`, `tỉnh X, nước CHDCND Lào`: the country after a province belongs to it.
_LAO_STATE = r"(?:CHDCND|Cộng hòa Dân chủ Nhân dân)"
_LAO_LEAD = re.compile(
    r"\s*(?:\((?:nước\s+)?" + _LAO_STATE + r"?\s*Lào\)|,?\s*(?:nước\s+)?" + _LAO_STATE + r"\s+Lào)",
    re.IGNORECASE,
)
_DELEGATION_WORD = re.compile(r"(?<!\w)(?:Đoàn|đoàn)(?!\w)")
# `Đoàn đại biểu tỉnh X`, `đoàn công tác của thành phố X`: the delegation's province.
DELEGATION = re.compile(
    r"(?<!\w)(?:Đoàn|đoàn)\s+(?:(?:đại biểu|công tác|cán bộ|lãnh đạo|cấp cao)\s+){0,2}(?:của\s+)?"
    r"(?:(?:tỉnh|thành phố|TP\.?|Tỉnh)\s*)?$"
)
_COUNTRY = r"(?:(?:nước\s+)?(?:CHDCND|Cộng hòa Dân chủ Nhân dân)\s+Lào|Lào|Việt Nam)"
_COUNTRY_TAIL = re.compile(
    r"\s+(?:Chính phủ\s+)?" + _COUNTRY + r"(?P<at>\s+tại\s+(?:(?:TP\.?|tỉnh|thành phố)\s*)?)?"
)
_COUNTRY_NAME = re.compile(_COUNTRY)
_PREFIX = re.compile(r"\s*(?:(?:tỉnh|TP\.?|thành phố|thủ đô|Tỉnh)\s+)?")
_ORG_END = re.compile(r"(?:(?<!TP)(?<!Tp)\.|[,;])\s|\s(?:cùng|đã|và|có|đến|tới|cho|làm|gửi|bày|phát)\s|$")
_SEP_BEFORE = re.compile(r"(?:,|[-–]|\()\s*$")
_LAM_BEFORE = re.compile(r"(?<!\w)làm\s+$")
# `<province> - <Name>`, `<province>, ông <Name>`: a name after the province, set off.
_LINK = re.compile(r"\s*[-–]\s*(?:" + _HONORIFIC.pattern + r")?|\s*,\s*(?:" + _HONORIFIC.pattern + r")")


@dataclass
class Official:
    name: str
    start: int
    end: int
    positions: list[str] = field(default_factory=list)
    province: str | None = None
    organisation: str | None = None
    country: str | None = None
    rule: str = RULE_AFTER
    # What gave the province: `title` (named after the chain), `national` (a national body
    # or diplomat), `context` (list head, delegation, nearby or home province).
    placed_by: str = "context"


def _title_at(text: str, pos: int, end: int | None = None) -> re.Match[str] | None:
    """The longest title starting exactly at `pos` (a whole title or head + organisation)."""
    whole, composed, _ = _patterns()
    stop = len(text) if end is None else end
    best: re.Match[str] | None = None
    for pat in (whole, composed):
        m = pat.match(text, pos, stop)
        if m is not None and (best is None or m.end() > best.end()):
            best = m
    return best


def _search_title(text: str, pos: int, end: int, hits: Hits | None = None) -> re.Match[str] | None:
    """The first title in `text[pos:end]`, tried only where a title word starts (at the
    anchor's `hits` in the span, when the caller has them)."""
    for a in TITLE_WORDS.finditer(text, pos, end, hits):
        m = _title_at(text, a.start())
        if m is not None:
            return m
    return None


def _chain(
    text: str, pos: int, and_joins: bool = True, first: re.Match[str] | None = None
) -> tuple[list[str], int]:
    """Titles starting exactly at `pos`, joined by commas/dashes/`kiêm`; returns (titles, end).
    `first` is `_title_at(text, pos)` when the caller has it (each title is matched once)."""
    titles: list[str] = []
    m = first if first is not None else _title_at(text, pos)
    while True:
        if m is None:
            break
        title = " ".join(m.group().split()).rstrip(".")  # `UBND TP.` before a city name
        party = None
        if title.lower().endswith(("đảng", "trung ương", "tw")):
            party = _PARTY_TAIL.match(text, m.end())
        if party is not None:
            title = title + " " + " ".join(party.group().split())
        if title.lower() not in (t.lower() for t in titles):
            titles.append(title)
        pos = party.end() if party is not None else m.end()
        sep = _CHAIN_SEP.match(text, pos)
        if sep is None:
            break
        m = _title_at(text, sep.end())
        if m is None or (not and_joins and "và" in sep.group()):
            break
        pos = sep.end()
    return titles, pos


def _token_ok(tok: str, first: bool, honorific: bool) -> bool:
    if not tok[0].isupper() or any(c.isdigit() for c in tok):
        return False
    if first and tok in _NOT_NAME and not (honorific and tok in _SURNAME_OPENERS):
        return False
    letters = tok.replace("-", "").replace("'", "").replace("’", "")
    if letters.isupper() and len(letters) > 1:
        # All capitals: an abbreviation (`UBND`), or a Lao family name (`Bunlu VONGSAPHAN`).
        return not first and tok not in _ABBREVIATIONS and len(letters) >= 3 and tok.isalpha()
    return True


def _name_at(text: str, pos: int, end: int, honorific: bool = False) -> tuple[str, int] | None:
    """A run of 2–8 capitalised words starting at `pos` (after spaces), ending before `end`.

    Words join by a space or by a spaced dash (`Su Căn - Bun Nhông`); a word where a title
    starts ends the name. After an honorific the first word may be a family name that also
    opens phrases (`Đoàn`)."""
    while pos < end and text[pos] == " ":
        pos += 1
    tokens: list[tuple[int, int]] = []
    cur = pos
    while cur < end and len(tokens) < 9:
        m = _NAME_TOKEN.match(text, cur, end)
        if m is None:
            break
        tok = m.group().rstrip("-–")
        # After a dash a Lao name goes on in lower case (`Xổm - phết In - tha - vông`).
        dashed = bool(tokens) and text[tokens[-1][1] : m.start()].strip() in ("-", "–")
        lower_ok = dashed and tok[:1].islower() and tok not in _NOT_JOINED and "-" not in tok
        if not tok or not (lower_ok or _token_ok(tok, not tokens, honorific)):
            break
        if tokens and (
            tok in _NAME_STOPS
            or (_patterns()[2].match(text, m.start()) is not None and _title_at(text, m.start()) is not None)
        ):
            break  # `<Name> Trưởng đoàn ...`: a title starts, the name has ended
        tokens.append((m.start(), m.start() + len(tok)))
        if len(tok) < len(m.group()):
            break  # `Niên-Ủy viên`: a dash glued to a title
        cur = m.end()
        link = _NAME_DASH.match(text, cur, end)
        if link is None or cur + len(link.group()) >= end or text[cur + len(link.group())] == " ":
            break
        cur += len(link.group())
    if len(tokens) == 1 and honorific and _HYPHENATED.fullmatch(text, tokens[0][0], tokens[0][1]):
        return text[tokens[0][0] : tokens[0][1]], tokens[0][1]  # `Đại tá Xổm-phết,`
    if len(tokens) < 2 or len(tokens) > 8 or (text[tokens[-1][0]].islower() and len(tokens) < 3):
        return None
    return text[tokens[0][0] : tokens[-1][1]], tokens[-1][1]


_ROMAN = re.compile(r"[A-Za-z][A-Za-z'-]*")
# One word of two or more syllables joined by hyphens (`Xổm-phết`, `Khăm-Phăn`): a Lao name.
_HYPHENATED = re.compile(r"[^\W\d_][^\W\d_]+(?:-[^\W\d_]{2,})+")


def _romanised_at(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """A romanised Lao name with lower-case syllables between an honorific and a separator
    (`đồng chí Som sa vath Bun Ma- Phó Bí thư`): 3–8 plain-letter words, the first and the
    last capitalised, none a Vietnamese word that could continue the sentence."""
    span = text[pos:end].strip()
    words = span.split()
    if not 3 <= len(words) <= 8 or not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if any(_ROMAN.fullmatch(w) is None or w in _NOT_JOINED or w.lower() in _FUNCTION for w in words):
        return None
    return span, end


def _mention_at(mentions: Sequence[Mention], text: str, pos: int) -> Mention | None:
    """The mention beginning at `pos`, allowing `tỉnh`/`TP`/`thành phố` in between."""
    m = _PREFIX.match(text, pos)
    at = m.end() if m else pos
    for men in mentions:
        if men.start <= at < men.end or men.start == pos:
            return men
    return None


def _overlaps(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(men.start < end and men.end > start for men in mentions)


def list_heads(text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[Mention]:
    """Provinces heading a list of people in `text[start:end]`, in order: `tỉnh X có các
    đồng chí:`, `Về phía tỉnh X, ...`, `Phía thành phố X có ...`."""
    out: list[Mention] = []
    for men in mentions:
        if not start <= men.start < end:
            continue
        before = max(start, men.start - 30)
        side = "hía" in text[before : men.start] and _LIST_SIDE.search(text, before, men.start)
        if side or _LIST_HEAD.match(text, men.end, min(end, men.end + 60)):
            out.append(men)
    return out


@dataclass
class _Where:
    """What places a person whose titles name no province."""

    mentions: Sequence[Mention]
    main_vn: str | None
    main_la: str | None
    delegation: Mention | None
    heads: list[Mention]
    section: Mention | None
    sent_start: int
    friend: int | None = None  # where `Phía bạn có` (the Lao side) opens a list, if it does


def find_officials(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    main_vn: str | None,
    main_la: str | None,
    delegation: Mention | None = None,
    section: Mention | None = None,
    heads: list[Mention] | None = None,
    hits: Hits | None = None,
) -> list[Official]:
    """Officials stated in `text[start:end]` (one sentence).

    `delegation` is the province of the delegation an earlier sentence introduced
    (`Đoàn đại biểu tỉnh X ...`); a leader named in a later sentence (`Đoàn do đồng chí A,
    Phó Bí thư Tỉnh ủy dẫn đầu`) with a title both countries use belongs to it. `section`
    is the province an earlier sentence headed a list with (`Về phía tỉnh X có:`); `heads`
    the sentence's own list heads when the caller has them (`list_heads`); `hits` where the
    title words start in the sentence (`SentenceInfo.hits`), when the caller has them."""
    out: list[Official] = []
    if delegation is not None and not (
        _LEADS.search(text, start, end) and _DELEGATION_WORD.search(text, start, end)
    ):
        delegation = None
    if heads is None:
        heads = list_heads(text, start, end, mentions)
    friend = _FRIEND_SIDE.search(text, start, end) if "bạn" in text[start:end] else None
    where = _Where(mentions, main_vn, main_la, delegation, heads, section, start, friend and friend.end())
    taken: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _search_title(text, pos, end, hits)
        if m is None:
            break
        if any(a <= m.start() < b for a, b in taken) or _LAM_BEFORE.search(
            text, max(start, m.start() - 8), m.start()
        ):
            pos = m.end()  # inside a person already read, or `... làm Trưởng đoàn`
            continue
        # `ông A - <titles> và <title> B`: a name already stands before the chain, so `và`
        # starts the next person, not another title of A.
        before = _name_before(text, start, m.start(), mentions)
        titles, chain_end = _chain(text, m.start(), and_joins=before is None, first=m)
        pos = max(chain_end, m.end())
        mention = _mention_at(mentions, text, chain_end)
        if mention is None:
            folio = _PORTFOLIO.match(text, chain_end, end)
            if folio is not None:
                mention = _mention_at(mentions, text, folio.end())
        after = chain_end
        national: str | None = None
        if mention is not None:
            after = mention.end
            tail = _LAO_LEAD.match(text, after)
            if tail:
                after = tail.end()
        else:
            country = _COUNTRY_TAIL.match(text, chain_end)
            if country is not None:
                # `Đại sứ Việt Nam tại Lào X`, `Thủ tướng Lào X`: a national body, no province.
                after = country.end()
                at = next((x for x in mentions if x.start == after), None)
                if country.group("at") and at is not None:
                    after = at.end
                elif country.group("at"):
                    place = _COUNTRY_NAME.match(text, after)
                    after = place.end() if place else chain_end
                national = " ".join(text[chain_end:after].split())
        official: Official | None = None
        if before is not None and before[2] == RULE_LIST:
            # `A - <titles> <province> B`: the name right after the chain is the holder; a
            # name before it without honorific was a credit or the previous item.
            direct = _name_at(text, after, end)
            if direct is not None and not _overlaps(mentions, after, direct[1]):
                before = None
        if before is None:
            named = _name_after(text, after, end, mentions)
            if named is not None:
                official = Official(named[0], m.start(), named[1], titles)
        else:
            name, name_start, rule = before
            official = Official(name, name_start, after, titles, rule=rule)
        if official is None:
            continue
        if national:
            official.organisation = f"{official.positions[-1]} {national}"
            official.country = "LA" if national.startswith(("Lào", "CHDCND", "nước", "Cộng")) else "VN"
            official.placed_by = "national"
        else:
            _place(official, text, m.start(), after, end, mention, where)
        taken.append((official.start, max(official.end, chain_end)))
        pos = max(pos, official.end)
        if official.positions and not _historic(official.name):
            out.append(official)
    return out


def _name_after(text: str, after: int, end: int, mentions: Sequence[Mention]) -> tuple[str, int] | None:
    """The name right after a chain (and its province): `... tỉnh X Nguyễn A`, `... tỉnh X
    - Nguyễn A`, `... tỉnh X, ông Nguyễn A`."""
    named = _name_at(text, after, end)
    if named is None:
        link = _LINK.match(text, after, end)
        if link is not None:
            named = _name_at(text, link.end(), end, honorific=bool(_HONORIFIC.search(link.group())))
    if named is not None and _overlaps(mentions, after, named[1]):
        return None
    return named


def _name_before(
    text: str, sent_start: int, title_start: int, mentions: Sequence[Mention]
) -> tuple[str, int, str] | None:
    """The name ending just before a title and set off from it: `ông/bà <Name>, <title>`,
    `<Name> - <title>`, `<Name>-<title>`, or a list item (`: <Name>, <title>`, `; <Name> -`).
    Returns (name, start, rule)."""
    window_start = max(sent_start, title_start - 120)
    window = text[window_start:title_start]
    sep = _SEP_BEFORE.search(window)
    if sep is None:
        return None
    head = window[: sep.start()].rstrip()
    head_end = window_start + len(head)
    if not head:
        return None
    best: tuple[str, int, str] | None = None
    for h in _HONORIFIC.finditer(head):
        named = _name_at(text, window_start + h.end(), head_end, honorific=True)
        if named is None or named[1] != head_end:
            named = _romanised_at(text, window_start + h.end(), head_end)
        if named is not None and named[1] == head_end:
            best = (named[0], window_start + h.end(), RULE_BEFORE)
    if best is not None:
        return None if _overlaps(mentions, best[1], head_end) else best
    # No honorific: a list item, the name opening it right after `:`, `;`, `,` or `có`.
    words = list(re.finditer(r"\S+", head))
    i = len(words)
    while i > 0:
        w = words[i - 1].group()
        if not (w[0].isupper() or w in ("-", "–")) or w[-1] in ",;:.()":
            break
        i -= 1
    while i < len(words) and words[i].group() in ("-", "–"):
        i += 1
    if i >= len(words):
        return None
    start = window_start + words[i].start()
    prefix = text[sent_start:start].rstrip()
    if i == 0 and window_start > sent_start:
        return None  # the run reaches back past the window: not a short list item
    last = prefix.split()[-1] if prefix.split() else ""
    if prefix and not (prefix[-1] in ":;(," or last in _LIST_OPENERS):
        return None
    if last.rstrip(":").lower() == "ảnh":
        return None  # `Ảnh: <photographer> - ...`: a credit, not a list
    named = _name_at(text, start, head_end)
    if named is None or named[1] != head_end or _overlaps(mentions, start, head_end):
        return None
    return named[0], start, RULE_LIST


def _historic(name: str) -> bool:
    """A founding leader cited by the article (`Chủ tịch Hồ Chí Minh`), not an official."""
    return _HISTORIC.fullmatch(name) is not None


def _country_of(positions: Sequence[str]) -> str | None:
    """`LA` or `VN` when the titles are only one country's (each title checked apart, so
    `... HĐND tỉnh` + `Trưởng đoàn` never reads as `tỉnh trưởng`)."""
    lao = any(_LAO_MARK.search(p) for p in positions)
    vn = any(_VN_MARK.search(p) for p in positions)
    return "LA" if lao and not vn else "VN" if vn and not lao else None


def _vietnamese_name(name: str) -> bool:
    first = name.split()[0]
    return first in _VN_FAMILY or first.split("’")[0] + "'" in _VN_FAMILY


def _lao_name(name: str) -> bool:
    """A Lao name as Vietnamese papers write it: hyphens inside a word (`Khăm-la`), or Lao
    syllables (`Xay`, `Xổm`, `Vông`...) — two of them, or one when the name does not open
    with a Vietnamese family name. `Mai Xổm Phon` and `Lò Xay Nha Vông` are Lao."""
    words = name.replace(" - ", " ").replace(" – ", " ").split()
    if any(_HYPHENATED.fullmatch(w) for w in words):
        return True
    lao = sum(w in _LAO_SYLLABLES for w in words)
    return lao >= 2 or (lao == 1 and not _vietnamese_name(name))


def _name_country(name: str) -> str | None:
    """`LA` for a Lao-shaped name, `VN` for one opening with a Vietnamese family name."""
    return "LA" if _lao_name(name) else "VN" if _vietnamese_name(name) else None


def _place(
    official: Official,
    text: str,
    chain_start: int,
    chain_end: int,
    end: int,
    mention: Mention | None,
    where: _Where,
) -> None:
    """Set province, organisation and country of `official` from its titles and context."""
    positions = official.positions
    if any(_DIPLOMATIC.search(p) for p in positions):
        tail = text[chain_end:end]
        stop = _ORG_END.search(tail)
        org_tail = tail[: stop.start()].strip() if stop else tail.strip()
        title = next(p for p in positions if _DIPLOMATIC.search(p))
        official.organisation = f"{title} {org_tail}".strip() if org_tail else title
        official.country = "LA" if "Lào" in org_tail else "VN" if "Việt Nam" in org_tail else None
        official.placed_by = "national"
        return
    if mention is not None:
        official.province = mention.iso
        official.country = mention.country
        official.placed_by = "title"
        return
    if any(_NATIONAL.match(p) for p in positions):
        official.placed_by = "national"
        return
    title_country = _country_of(positions)
    name_country = _name_country(official.name)
    first = min(chain_start, official.start)
    heads = [h for h in where.heads if h.end <= first]
    # A list head in the sentence (`Về phía tỉnh X có các đồng chí: ...`) places its items
    # unless the titles are the other country's, or the name is Lao under a Vietnamese head
    # (a family name is weaker evidence than the head: Lao names open with `Mai`, `Lò`...).
    if (
        heads
        and title_country in (None, heads[-1].country)
        and not (name_country == "LA" and heads[-1].country == "VN")
    ):
        official.province = heads[-1].iso
        official.country = heads[-1].country
        return
    friend = where.friend is not None and where.friend <= first and not heads
    country = title_country or ("LA" if friend else name_country)
    head = None if heads or friend else where.section
    if head is not None and country in (None, head.country):
        official.province = head.iso
        official.country = head.country
        return
    if title_country is None and name_country != "VN" and all(p.lower() in _BARE for p in positions):
        # `Chủ tịch <Lao name>` with nothing else: a leader of the delegation being led,
        # or someone the article only cites (a founding leader); the latter is no official.
        if where.delegation is None:
            official.positions = []
            return
        official.province = where.delegation.iso
        official.country = where.delegation.country
        return
    if country is None:
        # Titles both countries use (`Bí thư Tỉnh ủy`): the province just before the chain,
        # as in `Đoàn đại biểu tỉnh X do <titles> <Name> dẫn đầu`.
        near = [m for m in where.mentions if m.end <= first and m.start >= first - 120]
        if near:
            official.province = near[-1].iso
            official.country = near[-1].country
        elif where.delegation is not None:
            official.province = where.delegation.iso
            official.country = where.delegation.country
        return
    official.country = country
    near = [
        m
        for m in where.mentions
        if m.end <= first and m.country == country and m.start >= max(where.sent_start, first - 200)
    ]
    if near:
        official.province = near[-1].iso
    elif where.delegation is not None and where.delegation.country == country:
        official.province = where.delegation.iso
    else:
        official.province = where.main_la if country == "LA" else where.main_vn
