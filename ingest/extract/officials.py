"""Officials: a title chain next to a personal name, with the province the title belongs to.

Vietnamese reports write `<titles> <province> <Name>` (`Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh
Cà Mau Nguyễn Tiến Hải`) or `ông/bà <Name>, <titles> <province>`. Titles come from
`app/data/positions.csv` plus common forms the file does not list; each title in a chain
is one position. A name is a run of capitalised words (Lao names may be hyphenated or
split into many syllables), so the extractor never needs a list of people. The province
is the one named right after the chain; failing that, a Lao title (`Tỉnh trưởng`) takes
the nearest Lao province before it in the sentence and a Vietnamese title (`UBND`) the
article's main Vietnamese province. Diplomats belong to a national body, not a province.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.gazetteer import gazetteer

from .mentions import Mention

_EXTRA_TITLES = (
    "Phó Chủ tịch UBND",
    "Phó Chủ tịch Ủy ban nhân dân",
    "Chủ tịch Ủy ban nhân dân",
    "Chủ tịch UBND",
    "Chủ tịch HĐND",
    "Chủ tịch Hội đồng nhân dân",
    "Phó Chủ tịch Hội đồng nhân dân",
    "Phó Chủ tịch Thường trực UBND",
    "Phó Chủ tịch Thường trực HĐND",
    "Thường vụ Tỉnh ủy",
    "Ủy viên Ban Thường vụ",
    "Ủy viên Ban Chấp hành Đảng bộ tỉnh",
    "Ủy viên Ban Chấp hành Đảng bộ thành phố",
    "Thường vụ Thành ủy",
    "Ủy viên Ban Thường vụ Thành ủy",
    "Trưởng Ban Tổ chức Thành ủy",
    "Trưởng Ban Đối ngoại Tỉnh ủy",
    "Trưởng Ban Dân vận Tỉnh ủy",
    "Trưởng Ban Nội chính Tỉnh ủy",
    "Trưởng Ban Tuyên giáo Thành ủy",
    "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    "Phó Trưởng đoàn Đại biểu Quốc hội",
    "Trưởng đoàn Đại biểu Quốc hội",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Chủ tịch Ủy ban MTTQ Việt Nam",
    "Chủ tịch Ủy ban MTTQ",
    "Chủ tịch Ủy ban Mặt trận Lào Xây dựng đất nước",
    "Phó Đô trưởng",
    "Đô trưởng",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Chủ tịch nước",
    "Phó Chủ tịch nước",
    "Chủ tịch Quốc hội",
    "Phó Chủ tịch Quốc hội",
    "Tổng Bí thư",
    "Bộ trưởng",
    "Thứ trưởng",
    "Đại sứ đặc mệnh toàn quyền",
    "Phó Giám đốc Công an",
    "Chỉ huy trưởng Bộ đội Biên phòng",
    "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng",
    "Chính ủy Bộ Chỉ huy Bộ đội Biên phòng",
    "Chính ủy Bộ đội Biên phòng",
    "Chính ủy Bộ Chỉ huy Quân sự",
    "Chỉ huy trưởng Bộ Chỉ huy Quân sự",
    "Chỉ huy trưởng Bộ CHQS",
    "Chính ủy",
    "Trưởng đoàn",
    "Phó Trưởng đoàn",
    "Bí thư Đảng ủy",
)
_DEPARTMENTS = (
    "Ngoại vụ|Công Thương|Kế hoạch và Đầu tư|Tài chính|Y tế|Giáo dục và Đào tạo|"
    "Văn hóa, Thể thao và Du lịch|Văn hóa và Thể thao|Du lịch|Nông nghiệp và Phát triển nông thôn|"
    "Nông nghiệp và Môi trường|Xây dựng|Giao thông vận tải|Nội vụ|Tư pháp|"
    "Lao động - Thương binh và Xã hội|Tài nguyên và Môi trường|Khoa học và Công nghệ|"
    "Thông tin và Truyền thông|Công an"
)
_RANK = r"(?:(?:Thiếu|Trung|Thượng|Đại) tướng|(?:Thiếu|Trung|Thượng|Đại) tá)"
_PLACE_WORD = r"(?:\s+(?:tỉnh|TP\.?|thành phố))"
_DIPLOMATIC = ("đại sứ", "lãnh sự")
_LAO_TITLES = ("tỉnh trưởng", "huyện trưởng", "đô trưởng", "ủy ban chính quyền")
_VN_TITLES = ("ubnd", "ủy ban nhân dân", "mttq", "mặt trận tổ quốc", "quốc hội", "sở ", "thành ủy")
_NATIONAL = ("thủ tướng", "chủ tịch nước", "bộ trưởng", "thứ trưởng", "tổng bí thư", "chủ tịch quốc hội")


def _title_patterns() -> list[str]:
    titles = {p.title_vi for p in gazetteer().positions if "," not in p.title_vi}
    titles.update(_EXTRA_TITLES)
    pats = []
    for t in sorted(titles, key=len, reverse=True):
        pat = r"\s+".join(re.escape(w) for w in t.split())
        if not t.endswith(("tỉnh", "thành phố", "TP", "trưởng", "Đảng")):
            pat += _PLACE_WORD + "?"
        pats.append(pat)
    pats.insert(
        0, r"(?:Phó\s+)?Giám\s+đốc\s+(?:Sở\s+(?:" + _DEPARTMENTS + r")|Công\s+an)" + _PLACE_WORD + "?"
    )
    return pats


# Any title may be a deputy's (`Phó Trưởng Ban Đối ngoại Tỉnh ủy`); listed `Phó ...` forms
# still match whole, the optional prefix covers the rest.
_TITLE = r"(?:" + _RANK + r"\s*,?\s*)?(?:Phó\s+)?(?:" + "|".join(_title_patterns()) + r")"
TITLE = re.compile(r"(?<!\w)(?i:" + _TITLE + r")(?!\w)")
# First words of every title: a cheap scan for places where TITLE may match.
_ANCHOR = re.compile(
    r"(?<!\w)(?:phó|chủ\s+(?:tịch|nhiệm)|bí\s+thư|ủy\s+viên|uỷ\s+viên|tỉnh\s+(?:trưởng|ủy\s+viên)|trưởng|"
    r"giám\s+đốc|đại\s+(?:sứ|biểu|tá|tướng)|tổng|lãnh\s+sự|thủ\s+tướng|bộ\s+trưởng|thứ\s+trưởng|"
    r"chỉ\s+huy|chính\s+ủy|thường\s+vụ|thiếu|trung\s+(?:tướng|tá)|thượng|đô\s+trưởng|huyện\s+trưởng|"
    r"thị\s+trưởng|chánh)(?!\w)",
    re.IGNORECASE,
)
_CHAIN_SEP = re.compile(r"\s*(?:,|kiêm|-|–|và)\s*")
_HONORIFIC = re.compile(
    r"(?<!\w)(?:ông|bà|đồng chí|Ông|Bà|Đồng chí|Ngài|ngài|(?:Thiếu|Trung|Thượng|Đại)\s+(?:tướng|tá|úy))\s+"
)
_NAME_TOKEN = re.compile(r"[^\s,.;:()\[\]\"“”!?/]+")
_LAO_STATE = r"(?:CHDCND|Cộng hòa Dân chủ Nhân dân)"
_LAO_TAIL = re.compile(
    r"\s*(?:\((?:nước\s+)?(?:" + _LAO_STATE + r"\s+)?Lào\)|,?\s*(?:nước\s+)?" + _LAO_STATE + r"\s+Lào)"
)
# Capitalised words that open a phrase, never a personal name (checked on the first word).
_NOT_NAME = frozenset(
    (
        *("Tỉnh", "Thành", "Đoàn", "Đảng", "Nhà", "Nước", "Ban", "Hội", "Sở", "Bộ", "Ủy", "Chính"),
        *("Quân", "Công", "Việt", "Lào", "Trung", "Đại", "Tổng", "Phó", "UBND", "HĐND", "CHDCND"),
        *("TP", "Tại", "Theo", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Trong", "Với", "Về", "Cùng"),
        *("Các", "Những", "Hai", "Đồng", "Thủ", "Lãnh", "Đây", "Dịp", "Nhân", "Ông", "Bà"),
    )
)
# Family names that also open phrases (`Đoàn đại biểu`, `Đồng chí`): a name after an
# honorific (`đồng chí Đoàn Ngọc Lâm`) may start with them.
_SURNAME_OPENERS = frozenset(("Đoàn", "Đồng", "Quân", "Công", "Trung", "Thủ", "Nhân"))
# `Ủy viên Trung ương Đảng NDCM Lào`, `... Đảng Cộng sản Việt Nam`: the party named after
# a party title belongs to the title.
_PARTY_TAIL = re.compile(
    r"\s+(?:(?:NDCM|Nhân dân Cách mạng)\s+Lào|Cộng sản Việt Nam|(?:\(\s*)?(?:Đảng\s+)?NDCM\s+Lào\s*\)?)(?!\w)"
)
_LEADS = re.compile(r"(?<!\w)(?:dẫn đầu|làm trưởng đoàn|làm Trưởng đoàn)(?!\w)")
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


@dataclass
class Official:
    name: str
    start: int
    end: int
    positions: list[str] = field(default_factory=list)
    province: str | None = None
    organisation: str | None = None
    country: str | None = None


def _search_title(text: str, pos: int, end: int) -> re.Match[str] | None:
    """Like `TITLE.search`, but only tries positions where a title word starts."""
    for a in _ANCHOR.finditer(text, pos, end):
        m = TITLE.match(text, a.start(), end)
        if m is not None:
            return m
    return None


def _chain(text: str, pos: int, and_joins: bool = True) -> tuple[list[str], int]:
    """Titles starting exactly at `pos`, joined by commas/dashes/`kiêm`; returns (titles, end)."""
    titles: list[str] = []
    while True:
        m = TITLE.match(text, pos)
        if m is None:
            break
        title = " ".join(m.group().split()).rstrip(".")  # `UBND TP.` before a city name
        party = _PARTY_TAIL.match(text, m.end()) if title.endswith("Đảng") else None
        if party is not None:
            title = title + " " + " ".join(party.group().split())
        if title.lower() not in (t.lower() for t in titles):
            titles.append(title)
        pos = party.end() if party is not None else m.end()
        sep = _CHAIN_SEP.match(text, pos)
        if sep is None or TITLE.match(text, sep.end()) is None or (not and_joins and "và" in sep.group()):
            break
        pos = sep.end()
    return titles, pos


def _name_at(text: str, pos: int, end: int, honorific: bool = False) -> tuple[str, int] | None:
    """A run of 2–7 capitalised words starting at `pos` (after spaces); after an honorific
    the first word may be a family name that also opens phrases (`Đoàn`)."""
    while pos < end and text[pos] == " ":
        pos += 1
    tokens: list[tuple[int, int]] = []
    cur = pos
    while cur < end and len(tokens) < 8:
        m = _NAME_TOKEN.match(text, cur)
        if m is None:
            break
        tok = m.group()
        if (
            not tok[0].isupper()
            or (not tokens and tok in _NOT_NAME and not (honorific and tok in _SURNAME_OPENERS))
            or (tok.isupper() and len(tok) > 1 and tok.isascii())
        ):
            break
        if any(c.isdigit() for c in tok):
            break
        if tokens and _ANCHOR.match(text, m.start()) and TITLE.match(text, m.start()):
            break  # `<Name> Trưởng đoàn ...`: a title starts, the name has ended
        tokens.append((m.start(), m.end()))
        cur = m.end()
        if cur < end and text[cur] == " " and cur + 1 < end and text[cur + 1] != " ":
            cur += 1
            continue
        break
    if len(tokens) < 2 or len(tokens) > 7:
        return None
    return text[tokens[0][0] : tokens[-1][1]], tokens[-1][1]


def _mention_at(mentions: Sequence[Mention], text: str, pos: int) -> Mention | None:
    """The mention beginning at `pos`, allowing `tỉnh`/`TP`/`thành phố` in between."""
    m = _PREFIX.match(text, pos)
    at = m.end() if m else pos
    for men in mentions:
        if men.start <= at < men.end or men.start == pos:
            return men
    return None


def find_officials(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    main_vn: str | None,
    main_la: str | None,
    delegation: Mention | None = None,
) -> list[Official]:
    """Officials stated in `text[start:end]` (one sentence).

    `delegation` is the province of the delegation an earlier sentence introduced
    (`Đoàn đại biểu tỉnh X ...`); a leader named in a later sentence (`Đoàn do đồng chí A,
    Phó Bí thư Tỉnh ủy dẫn đầu`) with a title both countries use belongs to it."""
    out: list[Official] = []
    if delegation is not None and not (
        _LEADS.search(text, start, end) and _DELEGATION_WORD.search(text, start, end)
    ):
        delegation = None
    taken: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _search_title(text, pos, end)
        if m is None:
            break
        if any(a <= m.start() < b for a, b in taken):
            pos = m.end()
            continue
        # `ông A - <titles> và <title> B`: a name already stands before the chain, so `và`
        # starts the next person, not another title of A.
        named_before = _name_before(text, start, m.start())
        titles, chain_end = _chain(text, m.start(), and_joins=named_before is None)
        pos = chain_end
        mention = _mention_at(mentions, text, chain_end)
        after = chain_end
        national: str | None = None
        if mention is not None:
            after = mention.end
            tail = _LAO_TAIL.match(text, after)
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
        named = _name_at(text, after, end) if named_before is None else None
        if named is not None and any(men.start < named[1] and men.end > after for men in mentions):
            named = None
        if named is not None:
            official = Official(named[0], m.start(), named[1], titles)
        elif named_before is not None:
            official = Official(named_before[0], named_before[1], after, titles)
        if official is None:
            continue
        if national:
            official.organisation = f"{official.positions[-1]} {national}"
            official.country = "LA" if national.startswith(("Lào", "CHDCND", "nước", "Cộng")) else "VN"
        else:
            _place(official, text, m.start(), after, end, mention, mentions, main_vn, main_la, delegation)
        taken.append((official.start, max(official.end, chain_end)))
        pos = max(pos, official.end)
        out.append(official)
    return out


def _name_before(text: str, sent_start: int, title_start: int) -> tuple[str, int] | None:
    """`ông/bà <Name>, <title>` or `<Name> - <title>`: the name ending just before a title."""
    window_start = max(sent_start, title_start - 80)
    window = text[window_start:title_start]
    sep = re.search(r"(?:,|\s[-–]|\()\s*$", window)
    if sep is None:
        return None
    head = window[: sep.start()]
    best: tuple[str, int] | None = None
    for h in _HONORIFIC.finditer(head):
        named = _name_at(text, window_start + h.end(), window_start + sep.start(), honorific=True)
        if named is not None and named[1] == window_start + len(head.rstrip()):
            best = (named[0], window_start + h.end())
    return best


def _place(
    official: Official,
    text: str,
    chain_start: int,
    chain_end: int,
    end: int,
    mention: Mention | None,
    mentions: Sequence[Mention],
    main_vn: str | None,
    main_la: str | None,
    delegation: Mention | None = None,
) -> None:
    """Set province, organisation and country of `official` from its titles and context."""
    joined = " ".join(official.positions).lower()
    if any(d in joined for d in _DIPLOMATIC):
        tail = text[chain_end:end]
        stop = _ORG_END.search(tail)
        org_tail = tail[: stop.start()].strip() if stop else tail.strip()
        title = next(p for p in official.positions if any(d in p.lower() for d in _DIPLOMATIC))
        official.organisation = f"{title} {org_tail}".strip() if org_tail else title
        official.country = "LA" if "Lào" in org_tail else "VN" if "Việt Nam" in org_tail else None
        return
    if any(n in joined for n in _NATIONAL) and mention is None:
        return
    if mention is not None:
        official.province = mention.iso
        official.country = mention.country
        return
    lao = any(t in joined for t in _LAO_TITLES)
    vn = any(t in joined for t in _VN_TITLES)
    country = "LA" if lao and not vn else "VN" if vn and not lao else None
    if country is None:
        # Titles both countries use (`Bí thư Tỉnh ủy`): the province just before the chain,
        # as in `Đoàn đại biểu tỉnh X do <titles> <Name> dẫn đầu`.
        near = [m for m in mentions if m.end <= chain_start and m.start >= chain_start - 120]
        if near:
            official.province = near[-1].iso
            official.country = near[-1].country
        elif delegation is not None:
            official.province = delegation.iso
            official.country = delegation.country
        return
    official.country = country
    near = [
        m for m in mentions if m.end <= chain_start and m.country == country and m.start >= chain_start - 200
    ]
    if near:
        official.province = near[-1].iso
    else:
        official.province = main_la if country == "LA" else main_vn
