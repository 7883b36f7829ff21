"""Clauses that name many provinces: participants of a multilateral event are not pairs.

`Hội nghị ... với sự tham dự của lãnh đạo 10 tỉnh Việt Nam gồm A, B, ... và 10 tỉnh của
Lào gồm C, D, ...` names twenty provinces, but states no cooperation between any two of
them: pairing every Vietnamese with every Lao province would invent a hundred
partnerships. A clause is *multilateral* when it names more than two provinces of one
country, or a comma list of four or more provinces of either country. Pairs come out of
such a clause only when its structure says who goes with whom:

- explicit pairs written next to each other: `Quảng Trị với Savannakhet, Quảng Bình với
  Khăm Muộn` (or with a dash: `Quảng Trị - Savannakhet`);
- `lần lượt`/`tương ứng` with as many provinces on each side: paired in order;
- one province of one country acting with several of the other (`tỉnh A hỗ trợ tỉnh B 5 tỷ
  đồng, tỉnh C 3 tỷ đồng và tỉnh D 2 tỷ đồng`), when the clause does not describe a
  gathering (`tham dự`, `gồm`, `đại diện` anywhere; `hội nghị`, `giải`, `triển lãm`...
  before the provinces): each pair, since the one province is the subject of every
  predicate.

Everything else gives no pair (and no agreement, project or visitor) from that clause.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .context import unique
from .mentions import Mention
from .vocab import vocabulary

# What may separate two items of one list: a comma or `và`/`cùng`, an optional `(Lào)`
# after the name and an optional unit word before the next name.
_LIST_GAP = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:,\s*(?:và\s+|cùng\s+)?|và\s+|cùng\s+)"
    r"(?:(?:tỉnh|thành phố|TP\.|TP|thủ đô|Tỉnh|Thành phố)\s*)?",
)
# Two provinces of different countries written as a pair: `A với B`, `A - B`.
_PAIR_GAP = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:với|-|–|—)\s*(?:(?:tỉnh|thành phố|TP\.|TP|thủ đô)\s*)?",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"(?<!\w)(?:lần lượt|tương ứng)(?!\w)", re.IGNORECASE)
# A gathering: the provinces named are its participants, not partners of each other. The
# participation words count anywhere in the clause; an event noun only before the first
# province (the event is the topic: `Hội nghị ... có lãnh đạo các tỉnh A, B, C`), since
# after it the provinces are the actors (`tỉnh A và các tỉnh B, C, D đã tổ chức 36 hội nghị`).
PARTICIPATION = re.compile(
    r"(?<!\w)(?:tham dự|tham gia|bao gồm|gồm|đại diện|quy tụ|các đoàn|các đội|các tỉnh có chung)(?!\w)",
    re.IGNORECASE,
)
EVENT_NOUN = re.compile(
    r"(?<!\w)(?:hội nghị|diễn đàn|hội thảo|hội chợ|triển lãm|liên hoan|lễ hội|festival|"
    r"giải (?:bóng|đua|thi đấu|thể thao|vô địch|việt dã|cờ|điền kinh|bơi)|hội thi|hội diễn|hội thao)(?!\w)",
    re.IGNORECASE,
)


# `hợp tác với 9 tỉnh của Lào gồm: A, B, C`: `gồm` lists the members of a group of partners.
_MEMBERS = vocabulary("vi", "cues")["members"].regex


def gathering(text: str, ms: Sequence[Mention], start: int, end: int) -> bool:
    """The clause describes a gathering whose participants the provinces are.

    A `gồm` that lists the members of a group named as the object of cooperation (`với 9
    tỉnh của Lào gồm: ...`) introduces partners, not participants."""
    for m in PARTICIPATION.finditer(text, start, end):
        if m.group(0).lower() in ("gồm", "bao gồm") and _MEMBERS.search(
            text, max(start, m.start() - 80), min(end, m.end() + 2)
        ):
            continue
        return True
    first = min((m.start for m in ms), default=end)
    return EVENT_NOUN.search(text, start, first) is not None


def list_runs(text: str, ms: Sequence[Mention]) -> list[list[Mention]]:
    """Maximal runs of consecutive mentions joined only by list separators."""
    runs: list[list[Mention]] = []
    for m in ms:
        if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, m.start) is not None:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def listed(text: str, ms: Sequence[Mention]) -> set[str]:
    """Provinces that stand in a list of more than two of their country (or of four or more
    provinces in all): such a province is one participant among many, not a counterpart."""
    if len(ms) < 3:
        return set()
    out: set[str] = set()
    for run in list_runs(text, ms):
        if len(run) < 3:
            continue
        for country in ("VN", "LA"):
            same = unique(m.iso for m in run if m.country == country)
            if len(same) > 2 or len(unique(m.iso for m in run)) >= 4:
                out.update(same)
    return out


def is_multilateral(text: str, ms: Sequence[Mention]) -> bool:
    """More than two provinces of one country, or a list of four or more provinces."""
    if len(ms) < 3:
        return False
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = unique(m.iso for m in ms if m.country == "LA")
    return len(vn) > 2 or len(la) > 2 or bool(listed(text, ms))


def explicit_pairs(
    text: str, ms: Sequence[Mention], start: int, end: int, one_to_many: bool = True
) -> list[tuple[str, str]]:
    """The (VN, LA) pairs a multilateral clause states: written pairs, `lần lượt` order, or
    (with `one_to_many`) one province with several of the other country outside a
    gathering. Empty otherwise."""
    pairs: list[tuple[str, str]] = []
    for a, b in itertools.pairwise(ms):
        if a.country != b.country and _PAIR_GAP.fullmatch(text, a.end, b.start) is not None:
            pair = (a.iso, b.iso) if a.country == "VN" else (b.iso, a.iso)
            if pair not in pairs:
                pairs.append(pair)
    if pairs:
        return pairs
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = unique(m.iso for m in ms if m.country == "LA")
    if not vn or not la:
        return []
    if len(vn) == len(la) and _RESPECTIVELY.search(text, start, end) is not None:
        return list(zip(vn, la, strict=True))
    if one_to_many and one_to_several(text, ms, start, end):
        return [(v, x) for v in vn for x in la]
    return []


def one_to_several(text: str, ms: Sequence[Mention], start: int, end: int) -> bool:
    """One province of one country with several of the other, outside a gathering."""
    vn = {m.iso for m in ms if m.country == "VN"}
    la = {m.iso for m in ms if m.country == "LA"}
    return bool(vn and la) and (len(vn) == 1 or len(la) == 1) and not gathering(text, ms, start, end)
