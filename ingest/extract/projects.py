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

from . import tiers
from .agreements import PERIOD
from .amounts import Amount, find_amounts, find_in_kind, spoken_at, spoken_count_pattern, spoken_matches
from .context import ArticleContext, SentenceInfo
from .mentions import Mention
from .multilateral import listed
from .triggers import Hits, Starts, Trigger, lowered_span
from .vocab import vocabulary


def _bare(pattern: str) -> str:
    """A table's pattern without its outer `(?<!\\w)` and `(?!\\w)`, to join several."""
    lead, tail = "(?<!\\w)", "(?!\\w)"
    if pattern.startswith(lead) and pattern.endswith(tail):
        return pattern[len(lead) : -len(tail)]
    return pattern


_SUPPORT = vocabulary("vi", "support")
_GIFTS = vocabulary("vi", "gifts")
_AID_TABLE = _SUPPORT["aid_verbs"]
_SUPPORT_TABLE = _SUPPORT["support_verbs"]
_GATED = _SUPPORT["gated_verbs"]
# One alternation behind one word-boundary check: the bodies of the three tables.
VERB = re.compile(
    r"(?<!\w)(?:"
    + "|".join(_bare(t.regex.pattern) for t in (_AID_TABLE, _SUPPORT_TABLE, _GATED))
    + r")(?!\w)",
    re.IGNORECASE,
)
# The verbs as a trigger (`triggers.py`): the rule runs only on sentences holding one of
# their words, and looks for the verbs only where those words start.
SUPPORT = Trigger(VERB)
# Verbs strong enough to state aid without an amount.
_AID_VERB = _AID_TABLE.regex
_NOUN_CUE = _SUPPORT["noun_verbs"].regex
_DIGIT = re.compile(r"\d")
_SCALE_WORD = vocabulary("vi", "money")["scale"].regex
_NUMBER = vocabulary("vi", "money")["number"].pattern
# A count in words (`hai giáo viên`, `mười lăm suất học bổng`): matched only where the gate
# finds a number word (`amounts.spoken_matches`), as a words pattern cannot skip to digits.
_SPOKEN = spoken_count_pattern("vi") or r"(?!)"
_QUALIFIER = vocabulary("vi", "money")["qualifier"].regex.pattern
_TRAINING = _SUPPORT["training_cues"].regex
# `cấp 45 chỉ tiêu học bổng`, `tiếp nhận đào tạo gần 700 học viên`: counted scholarships and
# people; the people count only in a clause about training or study.
_SCHOLARSHIP_WORDS = _SUPPORT["scholarships"].regex.pattern
_PEOPLE_WORDS = _SUPPORT["people"].regex.pattern
_SCHOLARSHIP_COUNT = re.compile(rf"(?<![\d.,])(?P<num>{_NUMBER})\s+(?:{_SCHOLARSHIP_WORDS})", re.IGNORECASE)
_PEOPLE_COUNT = re.compile(rf"(?<![\d.,])(?P<num>{_NUMBER})\s+(?:{_PEOPLE_WORDS})", re.IGNORECASE)
_SCHOLARSHIP_SPOKEN = re.compile(rf"(?P<num>{_SPOKEN})\s+(?:{_SCHOLARSHIP_WORDS})", re.IGNORECASE)
_PEOPLE_SPOKEN = re.compile(rf"(?P<num>{_SPOKEN})\s+(?:{_PEOPLE_WORDS})", re.IGNORECASE)
_SCHOOL = _SUPPORT["schools"].regex
_HANDOVER = _SUPPORT["handover"].regex
_COST = re.compile(rf"(?<!\w)(?:kinh phí|vốn)(?:\s+đầu tư)?(?:\s+(?:là|{_QUALIFIER}))?\s*$", re.IGNORECASE)
_INVESTOR_COUNT = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUMBER})\s+(?:{_SUPPORT['investors'].regex.pattern})"
    r"(?=(?:\s+[^\W\d]+){0,3}?\s+đầu tư(?!\w))",
    re.IGNORECASE,
)
# Used with `match` at a count's start, so the words alternative costs nothing.
_PEOPLE_LAO = re.compile(rf"(?:{_NUMBER}|{_SPOKEN})\s+(?:{_PEOPLE_WORDS})\s+Lào(?!\w)", re.IGNORECASE)
_PART = _SUPPORT["parts"].regex
_PART_NUMBER = re.compile(rf"(?<![\d.,])(?:{_NUMBER})(?:\s*%)?")
_CASH = _SUPPORT["cash"].regex
_VALUED_BY = re.compile(
    rf"(?:{_SUPPORT['valued_by'].regex.pattern})(?:\s+(?:là|{_QUALIFIER}))?\s*$", re.IGNORECASE
)
_SUBJECTLESS = re.compile(
    rf"[\s,]*(?:(?:{_SUPPORT['connectives'].regex.pattern}|{VERB.pattern}|năm\s+\d{{4}}|"
    rf"giai đoạn\s+\d{{4}}\s*[-–]\s*\d{{4}}|ngày\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?)[\s,]*)*",
    re.IGNORECASE,
)
_AGENT = re.compile(rf"(?:{_SUPPORT['agents'].regex.pattern})\s+(?:[^\W\d]+\s+){{0,4}}$", re.IGNORECASE)
_AGENT_GAP = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:(?:đã|sẽ|cũng|tiếp tục|trực tiếp)\s+){0,2}$")
_SUBJECT_GAP = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:(?:đã|sẽ|cũng|còn|lại|thì|đang|tiếp tục|trực tiếp)\s+){0,3}"
)
_REPORTING = _SUPPORT["reporting"].regex
_LOCATION = re.compile(rf"(?:{_SUPPORT['locations'].regex.pattern})\s[^,;]{{0,60}}$", re.IGNORECASE)
_COURTESY = re.compile(
    rf"(?:{_GIFTS['gift_verbs'].regex.pattern})\s+(?:(?:[^\W\d]+\s+){{0,2}}?(?:"
    rf"{_GIFTS['courtesy_objects'].regex.pattern})|(?:[^\W\d]+\s+){{0,2}}?(?:(?:cho|đến|tới)\s+)?(?:"
    rf"{_GIFTS['courtesy_recipients'].regex.pattern}))",
    re.IGNORECASE,
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
PER_YEAR = re.compile(r"(?:(?<!\w)(?:mỗi năm|hằng năm|hàng năm|một năm)|/\s?năm)(?!\w)", re.IGNORECASE)
# `nâng tổng số tiền hỗ trợ ... lên 5 tỷ đồng`: a running total, not another gift.
_RUNNING_TOTAL = re.compile(
    r"(?<!\w)nâng\s+tổng(?!\w)[^;]{0,80}\slên\s+(?:(?:hơn|gần|trên|khoảng)\s+)?$", re.IGNORECASE
)
_SINGLE_YEAR = re.compile(r"(?<!\w)năm\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_TRADE = re.compile(r"kim ngạch|xuất khẩu|nhập khẩu|doanh thu|GDP|ngân sách|thu nhập|tổng vốn đầu tư FDI")
# The other side's own share of a joint project (`phía tỉnh B đối ứng 1,2 tỷ kíp`): money
# B puts in, not money the funder gives B.
_INFLOW = _SUPPORT["investment_inflow"].regex
_PER_WORDS = _SUPPORT["per_person"].regex.pattern
# `mỗi suất trị giá 1,5 triệu đồng/tháng`, `2 triệu đồng/người`: a rate, not a gift.
_PER_BEFORE = re.compile(
    rf"(?<!\w)mỗi\s+(?:{_PER_WORDS})(?:\s+(?:trị giá|được|là|nhận|hỗ trợ|khoảng|hơn|gần))*\s*$", re.IGNORECASE
)
_PER_AFTER = re.compile(rf"\s*/\s*(?:{_PER_WORDS})", re.IGNORECASE)


def _per_person(text: str, a: Amount, start: int) -> bool:
    """`mỗi suất trị giá 1,5 triệu đồng/tháng`, `3 triệu đồng/người`: a rate, not a gift."""
    if "/" in text[a.end : a.end + 2] and _PER_AFTER.match(text, a.end):
        return True
    lo = max(start, a.start - 40)
    return "mỗi" in text[lo : a.start].lower() and _PER_BEFORE.search(text, lo, a.start) is not None


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


# Patterns the rule runs over each clause, tried only where a match can start (a digit, or
# one of the pattern's leading words; `triggers.Starts`): the same matches. (Not the scale
# words: their search stops at the first, and `tr` opens too many words to be a cheap start.)
_CASH_AT = Starts(_CASH)
_COURTESY_AT = Starts(_COURTESY)
_TRAINING_AT = Starts(_TRAINING)
_SCHOLARSHIP_COUNT_AT = Starts(_SCHOLARSHIP_COUNT)
_PEOPLE_COUNT_AT = Starts(_PEOPLE_COUNT)
_INVESTOR_COUNT_AT = Starts(_INVESTOR_COUNT)
_PART_AT = Starts(_PART)
_PART_NUMBER_AT = Starts(_PART_NUMBER)


@dataclass
class _Carry:
    funder: Mention | None = None
    beneficiary: str | None = None
    beneficiary_country: str | None = None


@dataclass(frozen=True)
class _Item:
    """One thing given: an amount, goods, a count of people or scholarships, or cash whose
    amount the clause does not state. `beneficiary` is set for a part named for a province
    (`trong đó tỉnh B là 210`)."""

    start: int
    end: int
    kind: str  # "amount", "in-kind", "count", "cash"
    value: float | None = None
    currency: str | None = None
    qualifier: str | None = None
    text: str | None = None
    beneficiary: Mention | None = None


_RULE = {
    "amount": "vi.project.aid-amount",
    "in-kind": "vi.project.in-kind",
    "count": "vi.project.training-count",
    "scholarship": "vi.project.scholarship-count",
    "cash": "vi.project.cash-unstated",
    "investment": "vi.project.investment-count",
}


def extract_projects(ctx: ArticleContext, info: SentenceInfo) -> list[ProjectFact]:
    """Project and aid facts stated in one sentence."""
    text = ctx.text
    sent = info.sentence
    hits = info.hits  # where the verbs' words start in the sentence, when known
    if info.search_sentence(SUPPORT) is None:
        return []
    # The stated period is read once, when the first fact needs it: most sentences with a
    # support verb state none, and the year patterns cost a scan of the whole sentence.
    period: tuple[tuple[int, int] | None, bool] | None = None
    carry = _Carry()
    out: list[ProjectFact] = []
    # A province in a list of many (`các tỉnh A, B, C, D`) is one of a group: money given
    # to or by the group is not money between two of its members.
    crowd = listed(text, info.mentions)
    for start, end in sent.clauses():
        verbs = list(SUPPORT.finditer(text, start, end, hits))
        if not verbs:
            continue  # no support verb in this clause: nothing to read
        ms = info.in_span(start, end)
        if not ms and carry.funder is None and not _may_borrow_funder(ctx, info, start, end, verbs):
            continue  # no province here and none to borrow: no funder, whatever is given
        # Goods and counts need a number (digits or `hai`, `mười lăm`); an amount needs
        # digits or a scale word (`hai tỷ`).
        digits = _DIGIT.search(text, start, end) is not None
        scaled = digits or _SCALE_WORD.search(text, start, end) is not None
        spoken = spoken_at(text, start, end)
        all_amounts = find_amounts(text, start, end) if scaled else []
        all_goods = find_in_kind(text, start, end, at=spoken, digits=digits) if digits or spoken else []
        all_counts = _counts(text, ms, start, end, all_amounts, spoken, digits) if digits or spoken else []
        all_cash = (
            []
            if all_amounts
            else [
                _Item(m.start(), m.end(), "cash", text=m.group()) for m in _CASH_AT.finditer(text, start, end)
            ]
        )
        item_starts = [a.start for a in all_amounts] + [g.start for g in all_goods]
        item_starts += [c.start for c in all_counts] + [c.start for c in all_cash]
        verb = _subject_verb(text, ms, end, item_starts, verbs)
        if verb is None:
            continue
        funder, of_funder = _funder(text, ms, verb.start(), verb.end(), end)
        if funder is None:
            # `tổng kinh phí 10 tỷ đồng, trong đó tỉnh A hỗ trợ tỉnh B 6 tỷ đồng`: a later
            # verb of the clause with its own subject.
            for later in _verbs_with_items(text, verb.end(), end, item_starts, hits):
                funder, of_funder = _funder(text, ms, later.start(), later.end(), end)
                if (
                    funder is not None
                    and funder.end > verb.end()
                    and (of_funder or _SUBJECT_GAP.fullmatch(text, funder.end, later.start()))
                ):
                    verb = later
                    break
                funder, of_funder = None, False
        borrowed = funder is None
        if funder is None:
            funder = carry.funder
        if (
            funder is None
            and ctx.last_funder is not None
            and _BARE_SUBJECT.search(text, max(start, verb.start() - 40), verb.start())
        ):
            funder = ctx.last_funder
        if (
            funder is None
            and ctx.last_funder is not None
            and any(_COST.search(text, max(start, a.start - 40), a.start) for a in all_amounts)
        ):
            # `ngôi trường ... với tổng kinh phí gần 4 tỷ đồng` after a sentence on
            # its handover: the cost of the work that funder gave.
            funder = ctx.last_funder
        if funder is None and all_amounts:
            # `Công trình có tổng kinh phí 650 triệu đồng do Tỉnh đoàn A vận động ... ủng hộ`:
            # the agent named after the cost raised or gave it.
            funder = _agent_after(text, ms, all_amounts[0].end, end)
        if funder is None and item_starts and _SUBJECTLESS.fullmatch(text, start, verb.start()):
            # `Đồng thời hỗ trợ ... 120 triệu đồng cho tỉnh B`: the previous aid statement's
            # funder, else the article's main province of the other country than the
            # provinces the clause names.
            funder = _recent_funder(ctx, info) or _main_funder(ctx, ms, verb.end())
        if funder is None or funder.iso in crowd:
            continue
        amounts = [a for a in all_amounts if a.start > verb.start() or of_funder]
        if amounts:
            amounts = [a for a in amounts if not _per_person(text, a, start)]
        after_verb = verb.start() if not of_funder else start
        goods = [g for g in all_goods if g.start > after_verb and not _valued(text, g.end, amounts, end)]
        counts = [
            c
            for c in all_counts
            if c.start > after_verb or c.beneficiary is not None or c.kind == "investment"
        ]
        counts = [c for c in counts if not _valued(text, c.end, amounts, end)]
        if amounts or (
            any(c.kind == "investment" for c in counts) and _INFLOW.search(text, start, end) is not None
        ):
            # the capital is stated; or the province attracts investment from anywhere
            counts = [c for c in counts if c.kind != "investment"]
        if counts and _school_subject(text, funder, verb.start(), start):
            counts = []
        # `hỗ trợ tỉnh B 20 tỷ đồng xây trường và đào tạo 200 cán bộ`: the count is what
        # the money pays for, unless a verb of its own stands between them.
        counts = [c for c in counts if not _purpose_of_amount(text, c, amounts)]
        cash = [c for c in all_cash if c.start > after_verb or of_funder]
        items = (
            [_Item(a.start, a.end, "amount", a.value, a.currency, a.qualifier) for a in amounts]
            + [_Item(g.start, g.end, "in-kind", text=g.text) for g in goods]
            + counts
            + cash
        )
        items.sort(key=lambda i: i.start)
        items = _drop_parts(text, items, end)
        money = [i for i in items if i.kind == "amount"]
        if money and _company_capital(text, ms, start, items[0].start):
            continue
        if money and _TRADE.search(text, start, end) and not _AID_VERB.search(text, start, end):
            continue
        if not items:
            if _COURTESY_AT.search(text, start, end):
                continue  # flowers, souvenirs, gifts to a delegation: protocol, not aid
            fact = _no_amount(ctx, info, start, end, verb.start(), verb.end(), funder, of_funder, ms)
            out.extend(fact)
            if fact:
                carry.funder = funder
                ctx.last_funder = funder
            continue
        prev_end = verb.end()
        clause_funder = funder
        for item in items:
            if _OWN_SHARE.search(text, prev_end, item.start) is not None or _RUNNING_TOTAL.search(
                text, max(start, item.start - 120), item.start
            ):
                prev_end = item.end
                continue
            # `A hỗ trợ B 20 nghìn USD, còn B tặng A 50 tấn gạo`: a later verb with its own
            # subject after the previous item gives its items that subject.
            own = _own_subject(text, ms, prev_end, item.start, end, hits)
            funder = own or clause_funder
            if item.beneficiary is not None:
                ben: str | None = item.beneficiary.iso if item.beneficiary.country != funder.country else "?"
            elif item.kind == "count" and _generic_people(
                text, item, _next_mention(ms, item.end, item.end + 50)
            ):
                # `700 học sinh, sinh viên các tỉnh của nước bạn Lào`: Laos in general; `tại
                # tỉnh bạn` in an article naming one Lao province is that province.
                ben = _friend_province(text, item.end, _next_mention(ms, item.end, item.end + 50), ctx.sole)
            else:
                ben = _beneficiary(
                    text, ms, funder, prev_end if not of_funder else start, item.start, end, carry, ctx.sole
                )
            prev_end = max(prev_end, item.end)
            if ben == "?" or ben in crowd:
                continue
            if ben is None and (
                funder.country == "LA"
                or item.kind == "investment"
                or (item.kind == "count" and not _scholarship(text, item, start, end))
            ):
                # A Lao donation without a named recipient is not reportable; a count of
                # Lao students in general is no support to a province, unless the clause
                # gives them scholarships (`hỗ trợ học bổng toàn phần đào tạo 78 lưu học
                # sinh các tỉnh Nam Lào`: a funded project, its recipients not one province).
                continue
            description = _describe(text, start, end, verb.group(), funder.iso, ben, _what(item))
            kind = (
                "scholarship"
                if item.kind == "count" and item.text and "học bổng" in item.text.lower()
                else item.kind
            )
            tier = tiers.CONTEXTUAL if borrowed and own is None else tiers.STRUCTURED
            if period is None:
                published = ctx.published.year if ctx.published else None
                period = (_years(sent.text, published), PER_YEAR.search(sent.text) is not None)
            years, per_year = period
            out.append(
                ProjectFact(
                    funder=funder.iso,
                    beneficiary=ben,
                    description=description,
                    amount=item.value,
                    currency=item.currency,
                    qualifier=item.qualifier,  # type: ignore[arg-type]
                    years=years,
                    per_year=per_year,
                    in_kind=item.text if item.kind in ("in-kind", "count", "investment") else None,
                    confidence=tiers.capped(tier, sent.zone),
                    evidence=info.evidence(),
                    rule=_RULE[kind],
                )
            )
            carry.funder = funder
            ctx.last_funder = funder
            if ben is not None:
                carry.beneficiary = ben
                carry.beneficiary_country = "LA" if ben.startswith("LA") else "VN"
    return out


def _may_borrow_funder(
    ctx: ArticleContext, info: SentenceInfo, start: int, end: int, verbs: list[re.Match[str]]
) -> bool:
    """False only when a clause naming no province (and no funder carried from an earlier
    clause) cannot get a funder, so its amounts, goods and counts need not be read.

    With no province in the clause, `_funder`, `_agent_after` and `_main_funder` find none,
    and every other source borrows the article's latest funder (`ctx.last_funder`): after
    a bare `Tỉnh`/`Thành phố` subject before a verb (`_BARE_SUBJECT`), before a cost
    (`_COST`, which holds `kinh phí` or `vốn`), or for a clause opening with its verb
    (`_SUBJECTLESS`, then `_recent_funder`). Each is checked for every verb of the clause
    (the verb the rule settles on depends on the items); True whenever in doubt."""
    if ctx.last_funder is None:
        return False
    low = lowered_span(ctx.text, start, end)
    if low is None or "kinh phí" in low or "vốn" in low:
        return True
    text = ctx.text
    for v in verbs:
        if _BARE_SUBJECT.search(text, max(start, v.start() - 40), v.start()):
            return True
    if any(_SUBJECTLESS.fullmatch(text, start, v.start()) for v in verbs):
        return _recent_funder(ctx, info) is not None
    return False


def _counts(
    text: str,
    ms: list[Mention],
    start: int,
    end: int,
    amounts: list[Amount],
    spoken: list[int] | None = None,
    digits: bool = True,
) -> list[_Item]:
    """Counted scholarships anywhere, counted people in a clause about training, and the
    part of a count named for one province (`600 học viên, trong đó tỉnh B là 210`). With
    `spoken`, counts in words too (`mười lăm suất học bổng`, `hai giáo viên`)."""
    found = (
        [
            _Item(m.start(), m.end(), "count", text=m.group())
            for m in _SCHOLARSHIP_COUNT_AT.finditer(text, start, end)
        ]
        if digits
        else []
    )
    if spoken:
        found += [
            _Item(m.start(), m.end(), "count", text=m.group())
            for m in spoken_matches(_SCHOLARSHIP_SPOKEN, text, end, spoken)
        ]
    # People count only in a clause about training; the cheap matches go first.
    people = spoken_matches(_PEOPLE_SPOKEN, text, end, spoken) if spoken else []
    if (digits or people) and _TRAINING_AT.search(text, start, end):
        if digits:
            people = list(_PEOPLE_COUNT_AT.finditer(text, start, end)) + people
        found += [
            _Item(m.start(), m.end(), "count", text=m.group())
            for m in people
            if not any(f.start <= m.start() < f.end for f in found)
        ]
    if digits:
        found += [
            _Item(m.start(), m.end(), "investment", text=m.group())
            for m in _INVESTOR_COUNT_AT.finditer(text, start, end)
        ]
    if not found:
        return []
    found.sort(key=lambda i: i.start)
    for part in _PART_AT.finditer(text, found[0].end, end):
        number = _PART_NUMBER_AT.search(text, part.end(), min(end, part.end() + 60))
        who = [m for m in ms if part.end() <= m.start < min(end, part.end() + 100)]
        if number is None or not who or any(a.start <= number.start() < a.end for a in amounts):
            continue
        found = [f for f in found if not f.start <= number.start() < f.end]
        found.append(
            _Item(
                number.start(),
                number.end(),
                "count",
                text=text[part.start() : number.end()],
                beneficiary=who[0],
            )
        )
    return found


def _scholarship(text: str, item: _Item, start: int, end: int) -> bool:
    """The counted people are scholarship holders: `học bổng` in the item or its clause."""
    return "học bổng" in (item.text or "").lower() or "học bổng" in text[start:end].lower()


def _generic_people(text: str, item: _Item, hi: int) -> bool:
    """A count of people of Laos in general (`450 học viên Lào`, `700 học sinh, sinh viên
    các tỉnh của nước bạn Lào`) up to the next province named."""
    return _PEOPLE_LAO.match(text, item.start, hi) is not None or _generic(text, item.end, hi)


def _next_mention(ms: list[Mention], lo: int, hi: int) -> int:
    """Where the first province named in `[lo, hi)` starts, else `hi`."""
    return min([m.start for m in ms if lo <= m.start < hi] + [hi])


def _is_place(text: str, m: Mention) -> bool:
    """`tại Cửa khẩu X (tỉnh A)`, `ở trung tâm thị xã B`, `học tập tại A`: a place named
    for where something is or happens, not a party that gives."""
    return _LOCATION.search(text, max(0, m.start - 70), m.start) is not None


def _school_subject(text: str, funder: Mention, verb_start: int, clause_start: int) -> bool:
    """A school or hospital acts, not the province: named between the province and the
    verb (`tỉnh A có Trường Cao đẳng Sư phạm đang đào tạo`) or right before the province
    (`Trường Đại học A đào tạo`)."""
    if funder.start < clause_start:
        # A funder borrowed from an earlier statement: only this clause's words count.
        return _SCHOOL.search(text, clause_start, verb_start) is not None
    if funder.end <= verb_start and _SCHOOL.search(text, funder.end, verb_start):
        return True
    return _SCHOOL.search(text, max(0, funder.start - 30), funder.start) is not None and not re.search(
        r"[,;]", text[max(0, funder.start - 30) : funder.start]
    )


def _purpose_of_amount(text: str, count: _Item, amounts: list[Amount]) -> bool:
    """A count after an amount of the clause with no verb of its own between them."""
    before = [a for a in amounts if a.end <= count.start]
    if not before or count.beneficiary is not None:
        return False
    gap = text[before[-1].end : count.start]
    return not any(not _NOUN_CUE.fullmatch(v.group()) for v in VERB.finditer(gap))


def _valued(text: str, item_end: int, amounts: list[Amount], end: int) -> bool:
    """Goods or a count whose value follows (`200 suất quà trị giá 100 triệu đồng`, `50
    suất học bổng cho ... với tổng kinh phí 4 tỷ đồng`): the amount stands for them."""
    for a in amounts:
        if a.start < item_end:
            continue
        gap = text[item_end : a.start]
        if len(gap) <= 120 and ";" not in gap and _VALUED_BY.search(gap) and not _AID_VERB.search(gap):
            return True
    return False


def _recent_funder(ctx: ArticleContext, info: SentenceInfo) -> Mention | None:
    """The previous aid statement's funder for a clause without a subject. In an article
    naming several provinces of the funder's country only when that statement was made in
    this or the previous sentence: further back, another of them may be meant (no fact is
    better than a wrong funder)."""
    last = ctx.last_funder
    if last is None or _acting_sole(ctx, last.country) is not None:
        return last
    prev_start = info.sentence.start
    for other in ctx.sentences:
        if other.sentence.start >= info.sentence.start:
            break
        prev_start = other.sentence.start
    return last if last.start >= prev_start else None


def _acting_sole(ctx: ArticleContext, country: str) -> str | None:
    """The one province of `country` the article's body and headline name other than as a
    place (`tại TP.HCM`, a mission's seat), if there is only one."""
    if country in ctx.sole:
        return ctx.sole[country]
    isos = {
        m.iso
        for info in ctx.sentences
        if info.sentence.zone in ("body", "title")
        for m in info.mentions
        if m.country == country and not _is_place(ctx.text, m)
    }
    return next(iter(isos)) if len(isos) == 1 else None


def _main_funder(ctx: ArticleContext, ms: list[Mention], after: int) -> Mention | None:
    """The article's only province of the other country than the provinces named after the
    verb (all of one country), as a mention found in the article; none when the article
    names several provinces of that country (which of them gives is not stated)."""
    named = {m.country for m in ms if m.start >= after and not _is_place(ctx.text, m)}
    if len(named) != 1:
        return None
    iso = _acting_sole(ctx, "VN" if named == {"LA"} else "LA")
    if iso is None:
        return None
    for other in ctx.sentences:
        for m in other.mentions:
            if m.iso == iso:
                return m
    return None


def _subject_verb(
    text: str, ms: list[Mention], end: int, items: list[int], verbs: list[re.Match[str]]
) -> re.Match[str] | None:
    """The support verb (of the clause's `verbs`) the clause's amounts belong to: the first
    verb followed by an amount before the next verb; without amounts, the first verb with a
    subject before it (`chương trình viện trợ, tỉnh A hỗ trợ ...` is about `hỗ trợ`)."""
    if not verbs:
        return None
    for i, v in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else end
        if any(v.end() <= pos < stop for pos in items):
            # `tiếp nhận đào tạo 320 học viên`, `hỗ trợ đào tạo ...`: verbs in a row are one
            # predicate; its subject stands before the first.
            while i > 0 and not text[verbs[i - 1].end() : verbs[i].start()].strip():
                i -= 1
            if i > 0 and _NOUN_CUE.fullmatch(verbs[i].group()):
                # `hỗ trợ xây dựng Trường ... tỉnh B với kinh phí 25 tỷ đồng`: the cost noun
                # belongs to the aid verb before it, whose subject is the giver.
                earlier = [v for v in verbs[:i] if not _NOUN_CUE.fullmatch(v.group())]
                if earlier and _COST_AFTER.search(text, verbs[i - 1].end(), verbs[i].start()):
                    return earlier[-1]
            return verbs[i]
    for v in verbs:
        if any(m.end <= v.start() for m in ms):
            return v
    return verbs[0]


_COST_AFTER = re.compile(r"(?<!\w)(?:với|có)(?:\s+(?:tổng|tổng số))?\s*$", re.IGNORECASE)


_MOBILISE = _SUPPORT["mobilise"].regex
_AGENT_THEN = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:(?:đã|trực tiếp)\s+)?", re.IGNORECASE)


def _agent_after(text: str, ms: list[Mention], lo: int, end: int) -> Mention | None:
    """The passive agent right after a cost (`... 3 tỷ đồng do tỉnh A hỗ trợ`, `do Tỉnh đoàn A
    vận động`): a province after `do`/`được`/`nhờ` followed by a support or mobilising verb."""
    for m in ms:
        if m.start < lo or m.start - lo > 40:
            continue
        if not _AGENT.search(text, lo, m.start):
            return None
        gap = _AGENT_THEN.match(text, m.end, end)
        at = gap.end() if gap else m.end
        if VERB.match(text, at) or _MOBILISE.match(text, at):
            return m
        return None
    return None


def _verbs_with_items(
    text: str, lo: int, end: int, items: list[int], hits: Hits | None = None
) -> list[re.Match[str]]:
    """Support verbs in `text[lo:end]` followed by an item before the next verb (`hits`:
    where the verbs' words start in the sentence, when known)."""
    verbs = list(SUPPORT.finditer(text, lo, end, hits))
    out = []
    for i, v in enumerate(verbs):
        stop = verbs[i + 1].start() if i + 1 < len(verbs) else end
        if any(v.end() <= pos < stop for pos in items):
            out.append(v)
    return out


def _own_subject(
    text: str, ms: list[Mention], lo: int, hi: int, end: int, hits: Hits | None = None
) -> Mention | None:
    """The province right before the last support verb in `text[lo:hi]` (between the
    previous item and this one), if there is such a verb: that clause's own subject."""
    last = None
    for v in SUPPORT.finditer(text, lo, hi, hits):
        if not _NOUN_CUE.fullmatch(v.group()):
            last = v  # a noun (`kinh phí`, `học bổng`) names no new subject
    if last is None:
        return None
    before = [m for m in ms if lo <= m.start and m.end <= last.start()]
    if not before or _THANKS.search(text, max(0, last.start() - 60), last.start()):
        return None
    # The subject stands right before its verb (`còn B tặng A`); a province further back is
    # the previous item's recipient (`cấp 160 suất học bổng cho tỉnh B và tiếp nhận ...`).
    if not _SUBJECT_GAP.fullmatch(text, before[-1].end, last.start()):
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
    for m in reversed(before):
        # `Dự án ... tỉnh B do tỉnh A hỗ trợ kinh phí`, `được tỉnh A tài trợ`: the agent.
        if _AGENT_GAP.fullmatch(text, m.end, verb_start) and _AGENT.search(
            text, max(0, m.start - 40), m.start
        ):
            return m, False
    # `tại Cửa khẩu X (tỉnh A)`, `ở trung tâm thị xã B`: a place, not who gives.
    before = [m for m in before if not _is_place(text, m)]
    thanks = _THANKS.search(text, max(0, verb_start - 60), verb_start)
    if thanks is not None:
        # `cảm ơn tỉnh X đã hỗ trợ`: X, named after the thanks, is the giver; thanks
        # without a province there (`cảm ơn sự giúp đỡ`) do not name the giver.
        named = [m for m in before if m.start >= thanks.start()]
        return (named[-1], False) if named else (None, False)
    if len(before) > 1:
        # `A cảm ơn tỉnh B và thông báo, tỉnh A đã quyên góp ...`: the subject follows the
        # last speech verb before the aid verb.
        said = [r.end() for r in _REPORTING.finditer(text, before[0].end, verb_start)]
        if said:
            before = [m for m in before if m.start >= said[-1]] or before
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
    if after and not _generic(text, hi, after[0].start):
        return after[0].iso
    if carry.beneficiary is not None and carry.beneficiary_country == other:
        return carry.beneficiary
    if other == "LA" and _generic(text, lo, end):
        return _friend_province(text, lo, end, sole)
    if other in sole and not any(m.country == other for m in ms):
        return sole[other]
    return "?"


def _friend_province(text: str, start: int, end: int, sole: dict[str, str]) -> str | None:
    """`tỉnh bạn` (the friend province) as the only way Laos is named in `text[start:end]`,
    in an article naming one Lao province: that province; else None (Laos in general)."""
    found = GENERIC_LAO.findall(text, start, end)
    if found and all(" ".join(f.lower().split()) == "tỉnh bạn" for f in found) and "LA" in sole:
        return sole["LA"]
    return None


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
    aid = _AID_VERB.search(text, start, end)
    verb = aid or _HANDOVER.search(text, start, end)
    rule = "vi.project.vague-support" if aid is not None else "vi.project.handover"
    if verb is None:
        return []
    other = "VN" if funder.country == "LA" else "LA"
    if of_funder:
        bens = [m.iso for m in ms if m.country == other and m.end <= verb_start]
    else:
        if _REQUEST.search(text, start, verb_start):
            return []
        bens = [m.iso for m in ms if m.country == other and m.start >= verb_end]
        if not bens and _AGENT.search(text, max(start, funder.start - 40), funder.start):
            # `Dự án ... tỉnh B do tỉnh A hỗ trợ kinh phí`: the work named before the agent.
            passive = [m.iso for m in ms if m.country == other and m.end <= funder.start]
            bens, rule = passive, "vi.project.passive-funder"
    if not bens and other == "LA" and _generic(text, verb_end, end) and not of_funder:
        bens_opt: list[str | None] = [None]
    else:
        bens_opt = list(dict.fromkeys(b for b in bens if b not in listed(text, ms)))
    return [
        ProjectFact(
            funder=funder.iso,
            beneficiary=b,
            description=_describe(text, start, end, verb.group(), funder.iso, b, ""),
            confidence=tiers.capped(tiers.WEAK, info.sentence.zone),
            evidence=info.evidence(),
            rule=rule,
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


def _drop_parts(text: str, items: list[_Item], end: int) -> list[_Item]:
    """Items after a total that lists its parts (`tổng trị giá X, gồm Y và Z`): only X."""
    for i, item in enumerate(items):
        if item.value is None or i + 1 == len(items):
            continue
        if _TOTAL_BEFORE.search(text, max(0, item.start - 40), item.start) and _PARTS_AFTER.match(
            text, item.end, end
        ):
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


def _describe(
    text: str, start: int, end: int, verb: str, funder: str | None, beneficiary: str | None, what: str
) -> str:
    """Short English line (`support from VN-23 to LA-BL: 8,300,000,000 VND`) plus the clause."""
    kind = _verb_en(verb)
    to = beneficiary or "Laos (no province named)"
    clause = " ".join(text[start:end].split())
    if len(clause) > 140:
        clause = clause[:137] + "..."
    return f"{kind} from {funder} to {to}{': ' + what if what else ''} — {clause}"


def _verb_en(verb: str) -> str:
    """The English kind of a support verb, from the vocabulary's maps."""
    for table in (_AID_TABLE, _SUPPORT_TABLE):
        try:
            return str(table.lookup(verb))
        except KeyError:
            pass
    gated = _GATED.extra.get("en", {})
    return str(gated.get(verb.lower(), "support"))


def _what(item: _Item) -> str:
    if item.text:
        return item.text
    if item.value is not None and item.currency:
        return f"{item.value:,.0f} {item.currency}"
    return ""


def _in_kind_key(text: str | None) -> str | None:
    """`45 suất học bổng` and `45 chỉ tiêu học bổng` are one item: the number and last word."""
    if text is None:
        return None
    words = text.lower().split()
    return f"{words[0]} {words[-1]}"


def merge_projects(facts: list[ProjectFact]) -> list[ProjectFact]:
    """Drop repeats: same funder, beneficiary, amount and goods or count. Distinct
    unquantified items of one pair (`12 máy tính`, `45 suất học bổng`) stay apart; vague
    support with nothing quantified is kept only for a pair with no quantified project
    (it restates one: a headline, a handover ceremony), and a headline's repeat gives way to
    the body's statement."""
    quantified = {(f.funder, f.beneficiary) for f in facts if f.amount is not None or f.in_kind is not None}
    in_body = {(f.funder, f.beneficiary) for f in facts if f.evidence.zone == "body"}
    seen: dict[tuple[str | None, str | None, float | None, str | None, str | None], int] = {}
    out: list[ProjectFact] = []
    for f in facts:
        pair = (f.funder, f.beneficiary)
        if f.amount is None and f.in_kind is None and pair in quantified:
            continue
        if f.amount is None and f.evidence.zone == "title" and pair in in_body:
            continue  # a headline's count or gift restates the body's statement
        key = (f.funder, f.beneficiary, f.amount, f.currency, _in_kind_key(f.in_kind))
        if key in seen:
            old = out[seen[key]]
            if old.evidence.zone != "body" and f.evidence.zone == "body":
                out[seen[key]] = f
            continue
        seen[key] = len(out)
        out.append(f)
    return out
