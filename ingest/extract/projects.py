"""Projects and aid: who funds whom, how much, over which years, in money or in kind.

Within a `;`-clause that carries a support verb (`hỗ trợ`, `viện trợ`, `ủng hộ`, `tặng`,
`đầu tư`...), the funder is the province named before the verb (or after `của`: `sự hỗ
trợ của tỉnh X`), and each amount's beneficiary is the province of the other country
named between the verb and that amount (`hỗ trợ tỉnh A 1,5 tỷ đồng và tỉnh B 500 triệu
đồng`). A clause without a subject continues the previous clause's funder. A beneficiary
written only as Laos in general (`tại Lào`, `tỉnh bạn Lào`) stays `None`. Aid runs both
ways: a Lao province before the verb is the funder. Amounts in trade statistics carry no
support verb and are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.facts import ProjectFact

from .agreements import PERIOD
from .amounts import find_amounts, find_in_kind
from .context import ArticleContext, SentenceInfo
from .mentions import Mention
from .multilateral import listed

VERB = re.compile(
    r"(?<!\w)(?:hỗ trợ|viện trợ|tài trợ|ủng hộ|trao tặng|tặng|giúp đỡ|đầu tư|kinh phí|quyên góp|"
    r"trao(?!\s+(?:đổi|quyết|giải|cho))|dành|cấp(?=\s+(?:học bổng|kinh phí|\d)))(?!\w)",
    re.IGNORECASE,
)
# Verbs strong enough to state aid without an amount.
_AID_VERB = re.compile(
    r"(?<!\w)(?:hỗ trợ|viện trợ|tài trợ|ủng hộ|trao tặng|tặng|giúp đỡ)(?!\w)", re.IGNORECASE
)
_OF = re.compile(r"^\s*(?:[^\W\d]+\s+){0,3}?(?:của|từ)\s+(?:[^;]{0,60}?\s)?$")
# `cảm ơn sự giúp đỡ của X`: thanks for support name the funder after the verb.
_THANKS = re.compile(
    r"(?<!\w)(?:cảm ơn|biết ơn|đánh giá cao|ghi nhận|tri ân)(?!\w)[^;]{0,40}$", re.IGNORECASE
)
GENERIC_LAO = re.compile(
    r"(?<!\w)(?:(?:tại|ở|cho|sang|của)\s+(?:nước\s+(?:bạn\s+)?)?Lào|(?:tỉnh|nước|địa phương|các tỉnh|"
    r"các địa phương)\s+(?:bạn\s+)?(?:của\s+)?(?:Nam\s+|Bắc\s+|Trung\s+)?Lào|(?:Nam|Bắc|Trung)\s+Lào|"
    r"(?:sinh viên|học sinh|lưu học sinh|nhân dân|người dân)\s+Lào|tỉnh bạn)(?!\s*Cai)(?!\w)",
    re.IGNORECASE,
)
_VALUED = re.compile(r"\s*,?\s*(?:có\s+)?(?:tổng\s+)?(?:trị giá|giá trị)(?:\s+(?:là|khoảng|hơn|gần))?\s*$")
PER_YEAR = re.compile(r"(?:(?<!\w)(?:mỗi năm|hằng năm|hàng năm|một năm)|/\s?năm)(?!\w)", re.IGNORECASE)
# `nâng tổng số tiền hỗ trợ ... lên 5 tỷ đồng`: a running total, not another gift.
_RUNNING_TOTAL = re.compile(
    r"(?<!\w)nâng\s+tổng(?!\w)[^;]{0,80}\slên\s+(?:(?:hơn|gần|trên|khoảng)\s+)?$", re.IGNORECASE
)
_SINGLE_YEAR = re.compile(r"(?<!\w)năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_TRADE = re.compile(r"kim ngạch|xuất khẩu|nhập khẩu|doanh thu|GDP|ngân sách|thu nhập|tổng vốn đầu tư FDI")
# The other side's own share of a joint project (`phía tỉnh B đối ứng 1,2 tỷ kíp`): money
# B puts in, not money the funder gives B.
_OWN_SHARE = re.compile(r"(?<!\w)(?:đối ứng|tự bố trí|tự cân đối|bỏ ra|góp vốn)(?!\w)", re.IGNORECASE)
# A company's or enterprises' capital (`Công ty X ... vốn đầu tư 1.500 tỷ đồng`, `vốn đầu
# tư của các doanh nghiệp`) is business investment, not a province's aid.
_COMPANY = re.compile(
    r"(?<!\w)(?:[Cc]ông ty|[Tt]ập đoàn|[Dd]oanh nghiệp|[Nn]hà đầu tư|[Nn]gân hàng|[Hh]ợp tác xã)(?!\w)"
)
_CAPITAL = re.compile(r"(?<!\w)(?:vốn|đầu tư)(?!\w)", re.IGNORECASE)
# A total followed by its parts (`tổng trị giá 2 tỷ đồng, gồm 1,5 tỷ đồng tiền mặt và 500
# triệu đồng hàng hóa`): the parts are not further gifts.
_TOTAL_BEFORE = re.compile(r"(?<!\w)(?:tổng|tổng cộng|tổng số)(?!\w)[^,;:]{0,30}$", re.IGNORECASE)
_PARTS_AFTER = re.compile(r"\s*[,(:]?\s*(?:bao gồm|gồm|trong đó)(?!\w)", re.IGNORECASE)
# A bare unit word as the subject (`Riêng năm 2022, tỉnh đã hỗ trợ ...`, `thành phố còn hỗ
# trợ tỉnh B ...`) refers to the funder of the article's previous statement of aid.
_BARE_SUBJECT = re.compile(
    r"(?<!\w)(?:[Tt]ỉnh|[Tt]hành phố)(?:\s+(?:nhà|ta))?\s+(?:(?:đã|cũng|còn|vẫn|luôn|đang|tiếp tục|"
    r"thường xuyên|sẽ)\s+){0,3}$"
)
_SINCE = re.compile(r"(?<!\w)từ\s+năm\s+(?P<y>(?:19|20)\d\d)\s+(?:đến|tới)\s+nay(?!\w)", re.IGNORECASE)
_REQUEST = re.compile(r"(?<!\w)(?:đề nghị|mong muốn|kiến nghị|đề xuất|mời)(?!\w)", re.IGNORECASE)


@dataclass
class _Carry:
    funder: Mention | None = None
    beneficiary: str | None = None
    beneficiary_country: str | None = None


def extract_projects(ctx: ArticleContext, info: SentenceInfo) -> list[ProjectFact]:
    """Project and aid facts stated in one sentence."""
    text = ctx.text
    sent = info.sentence
    if VERB.search(sent.text) is None:
        return []
    years = _years(sent.text, ctx.published.year if ctx.published else None)
    per_year = PER_YEAR.search(sent.text) is not None
    carry = _Carry()
    out: list[ProjectFact] = []
    # A province in a list of many (`các tỉnh A, B, C, D`) is one of a group: money given
    # to or by the group is not money between two of its members.
    crowd = listed(text, info.mentions)
    for start, end in sent.clauses():
        ms = info.in_span(start, end)
        all_amounts = find_amounts(text, start, end)
        all_goods = find_in_kind(text, start, end)
        item_starts = [a.start for a in all_amounts] + [g.start for g in all_goods]
        verb = _subject_verb(text, ms, start, end, item_starts)
        if verb is None:
            continue
        funder, of_funder = _funder(text, ms, verb.start(), verb.end(), end)
        if funder is None:
            # `tổng kinh phí 10 tỷ đồng, trong đó tỉnh A hỗ trợ tỉnh B 6 tỷ đồng`: a later
            # verb of the clause with its own subject.
            for later in _verbs_with_items(text, verb.end(), end, item_starts):
                funder, of_funder = _funder(text, ms, later.start(), later.end(), end)
                if funder is not None and funder.end > verb.end():
                    verb = later
                    break
                funder, of_funder = None, False
        if funder is None:
            funder = carry.funder
        if (
            funder is None
            and ctx.last_funder is not None
            and _BARE_SUBJECT.search(text, max(start, verb.start() - 40), verb.start())
        ):
            funder = ctx.last_funder
        if funder is None or funder.iso in crowd:
            continue
        amounts = [a for a in all_amounts if a.start > verb.start() or of_funder]
        # Goods with their value (`100 suất quà trị giá 200 triệu đồng`) are one gift: the
        # amount stands for it.
        goods = [
            g
            for g in all_goods
            if g.start > verb.start() and not any(_VALUED.match(text, g.end, a.start) for a in amounts)
        ]
        items: list[tuple[int, int, float | None, str | None, str | None]] = [
            (a.start, a.end, a.value, a.currency, None) for a in amounts
        ] + [(g.start, g.end, None, None, g.text) for g in goods]
        items.sort()
        items = _drop_parts(text, items, end)
        if items and _company_capital(text, ms, start, items[0][0]):
            continue
        if items and _TRADE.search(text, start, end) and not _AID_VERB.search(text, start, end):
            continue
        if not items:
            fact = _no_amount(ctx, info, start, end, verb.start(), verb.end(), funder, of_funder, ms)
            out.extend(fact)
            if fact:
                carry.funder = funder
            continue
        prev_end = verb.end()
        clause_funder = funder
        for i_start, i_end, value, currency, goods_text in items:
            if _OWN_SHARE.search(text, prev_end, i_start) is not None or _RUNNING_TOTAL.search(
                text, max(start, i_start - 120), i_start
            ):
                prev_end = i_end
                continue
            # `A hỗ trợ B 20 nghìn USD, còn B tặng A 50 tấn gạo`: a later verb with its own
            # subject after the previous item gives its items that subject.
            funder = _own_subject(text, ms, prev_end, i_start, end) or clause_funder
            ben = _beneficiary(
                text, ms, funder, prev_end if not of_funder else start, i_start, end, carry, ctx.sole
            )
            prev_end = i_end
            if ben == "?" or ben in crowd:
                continue
            if ben is None and funder.country == "LA":
                continue  # a Lao donation without a named recipient is not reportable
            description = _describe(
                text, start, end, verb.group(), funder.iso, ben, _what(value, currency, goods_text)
            )
            out.append(
                ProjectFact(
                    funder=funder.iso,
                    beneficiary=ben,
                    description=description,
                    amount=value,
                    currency=currency,
                    years=years,
                    per_year=per_year,
                    in_kind=goods_text,
                    confidence=0.8 if sent.zone == "body" else 0.5,
                    evidence=info.evidence(),
                )
            )
            carry.funder = funder
            ctx.last_funder = funder
            if ben is not None:
                carry.beneficiary = ben
                carry.beneficiary_country = "LA" if ben.startswith("LA") else "VN"
    return out


def _subject_verb(
    text: str, ms: list[Mention], start: int, end: int, items: list[int]
) -> re.Match[str] | None:
    """The support verb the clause's amounts belong to: the first verb followed by an
    amount before the next verb; without amounts, the first verb with a subject before it
    (`chương trình viện trợ, tỉnh A hỗ trợ ...` is about `hỗ trợ`)."""
    verbs = list(VERB.finditer(text, start, end))
    if not verbs:
        return None
    for i, v in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else end
        if any(v.end() <= pos < stop for pos in items):
            return v
    for v in verbs:
        if any(m.end <= v.start() for m in ms):
            return v
    return verbs[0]


def _verbs_with_items(text: str, lo: int, end: int, items: list[int]) -> list[re.Match[str]]:
    """Support verbs in `text[lo:end]` followed by an item before the next verb."""
    verbs = list(VERB.finditer(text, lo, end))
    out = []
    for i, v in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else end
        if any(v.end() <= pos < stop for pos in items):
            out.append(v)
    return out


def _own_subject(text: str, ms: list[Mention], lo: int, hi: int, end: int) -> Mention | None:
    """The province right before the last support verb in `text[lo:hi]` (between the
    previous item and this one), if there is such a verb: that clause's own subject."""
    last = None
    for v in VERB.finditer(text, lo, hi):
        last = v
    if last is None:
        return None
    before = [m for m in ms if lo <= m.start and m.end <= last.start()]
    if not before or _THANKS.search(text, max(0, last.start() - 60), last.start()):
        return None
    return before[0]


def _funder(
    text: str, ms: list[Mention], verb_start: int, verb_end: int, end: int
) -> tuple[Mention | None, bool]:
    """The subject before the verb, or the province after `của` (`hỗ trợ của tỉnh X`)."""
    for m in ms:
        if m.start >= verb_end and _OF.match(text[verb_end : m.start]) is not None:
            return m, True
    before = [m for m in ms if m.end <= verb_start]
    thanks = _THANKS.search(text, max(0, verb_start - 60), verb_start)
    if thanks is not None:
        # `cảm ơn tỉnh X đã hỗ trợ`: X, named after the thanks, is the giver; thanks
        # without a province there (`cảm ơn sự giúp đỡ`) do not name the giver.
        named = [m for m in before if m.start >= thanks.start()]
        return (named[-1], False) if named else (None, False)
    if before:
        return before[0], False
    return None, False


def _beneficiary(
    text: str,
    ms: list[Mention],
    funder: Mention,
    lo: int,
    hi: int,
    end: int,
    carry: _Carry,
    sole: dict[str, str],
) -> str | None:
    """Beneficiary ISO for an item at `hi`; None for Laos in general; '?' when unknown.

    When the sentence names no province of the other country (`Công trình do tỉnh A hỗ trợ
    ... 15 tỷ đồng` after a sentence about the handover to tỉnh B), the beneficiary is the
    only province of that country the article names, if it names only one."""
    other = "VN" if funder.country == "LA" else "LA"
    between = [m for m in ms if lo <= m.start < hi and m.country == other]
    if between:
        return between[-1].iso
    after = [m for m in ms if m.start >= hi and m.country == other]
    if other == "LA" and _generic(text, lo, hi):
        return None
    before = [m for m in ms if m.end <= lo and m.country == other and m is not funder]
    if before:
        return before[0].iso
    if after and not _generic(text, hi, end):
        return after[0].iso
    if carry.beneficiary is not None and carry.beneficiary_country == other:
        return carry.beneficiary
    if other == "LA" and _generic(text, lo, end):
        return None
    if other in sole and not any(m.country == other for m in ms):
        return sole[other]
    return "?"


def _generic(text: str, start: int, end: int) -> bool:
    """Laos named in general (`tại Lào`, `tỉnh bạn`) in `text[start:end]`."""
    chunk = text[start:end]
    if "Lào" not in chunk and "bạn" not in chunk:
        return False
    return GENERIC_LAO.search(chunk) is not None


def _no_amount(
    ctx: ArticleContext,
    info: SentenceInfo,
    start: int,
    end: int,
    verb_start: int,
    verb_end: int,
    funder: Mention,
    of_funder: bool,
    ms: list[Mention],
) -> list[ProjectFact]:
    """Aid stated without an amount: needs an aid verb and a named or generic-Lao recipient."""
    text = ctx.text
    verb = _AID_VERB.search(text, start, end)
    if verb is None:
        return []
    other = "VN" if funder.country == "LA" else "LA"
    if of_funder:
        bens = [m.iso for m in ms if m.country == other and m.end <= verb_start]
    else:
        if _REQUEST.search(text, start, verb_start):
            return []
        bens = [m.iso for m in ms if m.country == other and m.start >= verb_end]
    if not bens and other == "LA" and _generic(text, verb_end, end) and not of_funder:
        bens_opt: list[str | None] = [None]
    else:
        bens_opt = list(dict.fromkeys(b for b in bens if b not in listed(text, ms)))
    return [
        ProjectFact(
            funder=funder.iso,
            beneficiary=b,
            description=_describe(text, start, end, verb.group(), funder.iso, b, ""),
            confidence=0.5,
            evidence=info.evidence(),
        )
        for b in bens_opt
    ]


def _company_capital(text: str, ms: list[Mention], start: int, first_item: int) -> bool:
    """A company is the subject of the clause's capital (`Công ty X ... tại tỉnh B với vốn
    đầu tư ...`, `vốn đầu tư của các doanh nghiệp A ...`): the company noun comes before any
    province. `tỉnh A có 4 doanh nghiệp đầu tư tại Lào ... vốn đăng ký ...` is the province's
    investment (the gold counts it) and stays."""
    company = _COMPANY.search(text, start, first_item)
    if company is None or _CAPITAL.search(text, start, first_item) is None:
        return False
    return not any(m.start < company.start() for m in ms)


def _drop_parts(
    text: str, items: list[tuple[int, int, float | None, str | None, str | None]], end: int
) -> list[tuple[int, int, float | None, str | None, str | None]]:
    """Items after a total that lists its parts (`tổng trị giá X, gồm Y và Z`): only X."""
    for i, (i_start, i_end, value, _, _) in enumerate(items):
        if value is None or i + 1 == len(items):
            continue
        if _TOTAL_BEFORE.search(text, max(0, i_start - 40), i_start) and _PARTS_AFTER.match(text, i_end, end):
            return items[: i + 1]
    return items


def _years(sentence: str, published: int | None = None) -> tuple[int, int] | None:
    """A stated period (`giai đoạn 2019 - 2023`), else `từ năm 2016 đến nay` as (2016, the
    published year), else a single `năm 2023` as (2023, 2023)."""
    since = _SINCE.search(sentence)
    if since is not None:
        a = int(since.group("y"))
        return (a, published) if published is not None and published >= a else None
    m = PERIOD.search(sentence)
    if m is not None:
        a, b = int(m.group("a")), int(m.group("b"))
        return (a, b) if a <= b else None
    single = _SINGLE_YEAR.findall(sentence)
    if len(set(single)) == 1:
        return int(single[0]), int(single[0])
    return None


_VERB_EN = {
    "hỗ trợ": "support",
    "viện trợ": "aid",
    "tài trợ": "funding",
    "ủng hộ": "donation",
    "trao tặng": "gift",
    "tặng": "gift",
    "trao": "gift",
    "giúp đỡ": "help",
    "đầu tư": "investment",
    "kinh phí": "funding",
    "quyên góp": "donation",
    "dành": "allocation",
    "cấp": "grant",
}


def _describe(
    text: str, start: int, end: int, verb: str, funder: str | None, beneficiary: str | None, what: str
) -> str:
    """Short English line (`support from VN-23 to LA-BL: 8,300,000,000 VND`) plus the clause."""
    kind = _VERB_EN.get(verb.lower(), "support")
    to = beneficiary or "Laos (no province named)"
    clause = " ".join(text[start:end].split())
    if len(clause) > 140:
        clause = clause[:137] + "..."
    return f"{kind} from {funder} to {to}{': ' + what if what else ''} — {clause}"


def _what(value: float | None, currency: str | None, goods: str | None) -> str:
    if goods:
        return goods
    if value is not None and currency:
        return f"{value:,.0f} {currency}"
    return ""


def merge_projects(facts: list[ProjectFact]) -> list[ProjectFact]:
    """Drop repeats: same funder, beneficiary, amount and goods (no-amount aid once per pair)."""
    seen: set[tuple[str | None, str | None, float | None, str | None]] = set()
    out: list[ProjectFact] = []
    for f in facts:
        key = (f.funder, f.beneficiary, f.amount, f.in_kind)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
