"""Projects in English news: an amount of money in a sentence about aid or investment.

Amounts (`vocab/en/money.toml`): `VND5 billion`, `US$200,000`, `75 billion VND`; English
writes `.` for decimals and `,` for thousands. An equivalent in brackets right after an
amount (`75 billion VND (about 3 million USD)`) restates it and is not another project.
A hedge before the amount (`over`, `some`, `about`, `nearly`, `up to`) is kept as the
qualifier; the amount is the number written.

The funder is the province after `from` or before `enterprises`/`businesses`/`companies`,
else the province before the support verb (`vocab/en/cues.toml [support]`); the
beneficiary is a province of the other country after the verb (`handed over to Y`), none
when the money goes to Laos in general (`in Laos`) or is spread over several named
provinces with one amount. Trade statistics (`trade turnover`, `exports`) are not projects.
`each` after the amount (`VND100 million each`) gives one project per beneficiary.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from app.facts import ProjectFact

from .. import tiers
from ..context import ArticleContext, SentenceInfo
from ..mentions import Mention
from ..triggers import Starts, starts
from ..vocab import vocabulary
from .gates import AID, HOSTING
from .partnerships import parties

# `aid from Thanh Hoa`, `from the Lao province of X`: the funder (not `students from X`,
# `most of them from X`: the word before `from` is checked against `money.toml [origin]`).
_FROM = re.compile(
    r"(?:\b([\w’']+)\s+)?\bfrom\s+(?:the\s+)?(?:(?:Vietnamese|Lao|Vietnam’s|Laos’)\s+)?(?:(?:province|city)\s+of\s+)?$"
)
# A province right after `in`/`at` before the verb is where the money went, not who paid
# (`Vietnamese investors have 38 projects in X worth ...`).
_LOCATIVE = re.compile(
    r"\b(?:in|at|inside|across)\s+(?:the\s+)?(?:(?:Lao|Vietnamese)\s+)?(?:province\s+of\s+)?$"
)
# `X enterprises`, `X province's businesses`, `X Coffee Company`: companies of the funder.
_ENTERPRISES = re.compile(
    r"\s*(?:province\s*|city\s*)?(?:’s\s+|'s\s+)?"
    r"(?:enterprises|businesses|companies|firms|investors|[A-Z]\w+\s+(?:Company|Corporation|Group|JSC))"
)
_YEARS = re.compile(
    r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|-|–)\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b"
)
# Text between two amounts when the second restates the first in another currency.
_EQUIVALENT = re.compile(
    r"^\s*[(\[]\s*(?:\w+\s+){0,2}$|^\s*,?\s*(?:or|equivalent\s+to|worth)\s+(?:about\s+)?$"
)
_EACH = re.compile(r"^\s*(?:\)\s*)?each\b")
# Cue patterns read per sentence or per province, looked up once.
_TRADE = vocabulary("en", "cues").regex("trade")
_PASSIVE_FUNDER = vocabulary("en", "cues").regex("passive_funder")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    currency: str
    qualifier: str | None


@functools.cache
def _at(key: str) -> Starts:
    """The money vocabulary's `key` pattern, tried only where a match can start (at a
    digit or a currency word; `triggers.Starts`): the same matches. Kept per key: the
    rule asks for it several times per sentence."""
    return starts(vocabulary("en", "money").regex(key))


@functools.cache
def _qualifier() -> re.Pattern[str]:
    """A hedge word ending right before an amount, even glued to it (`approximatelyUSD 12 million`)."""
    words = sorted(vocabulary("en", "money")["qualifier"].map, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![A-Za-z])({body})\s*$", re.IGNORECASE)


def find_amounts(text: str, start: int, end: int) -> list[Amount]:
    money = vocabulary("en", "money")
    qual = _qualifier()
    out: list[Amount] = []
    for m in _at("amount").finditer(text, start, end):
        num = m.group("num1") or m.group("num2")
        scale = m.group("scale1") or m.group("scale2")
        cur = m.group("cur1") or m.group("cur2")
        value = float(num.replace(",", "")) * (money["scale"].lookup(scale) if scale else 1.0)
        before = text[max(start, m.start() - 20) : m.start()]
        q = qual.search(before)
        out.append(
            Amount(
                m.start(),
                m.end(),
                value,
                str(money["currency"].lookup(cur)),
                str(money["qualifier"].lookup(q.group(1))) if q else None,
            )
        )
    return out


@dataclass(frozen=True)
class _Party:
    """A funder or beneficiary: the province, its country and how sure the reading is."""

    iso: str
    country: str
    start: int
    tier: float = tiers.STRUCTURED


def extract_projects(ctx: ArticleContext, info: SentenceInfo) -> list[ProjectFact]:
    if not info.mentions:
        return _company_elsewhere(ctx, info)
    s = info.sentence
    text = ctx.text
    verb = info.search_sentence(AID) or info.search_sentence(HOSTING)
    if verb is None:
        return []
    amounts = find_amounts(text, s.start, s.end)
    if amounts and _TRADE.search(s.text):
        return []  # trade statistics; a count of people trained beside `trade` still counts
    ms = parties(ctx, info)
    verb_at = s.start + verb.start()
    counted = None if amounts else _at("in_kind").search(s.text, 0, len(s.text))
    if not amounts and counted is None:
        return []
    funder = _funder(ctx, info, ms, verb_at)
    if funder is None:
        return []
    if not amounts:
        return _in_kind(ctx, info, ms, verb_at, funder, first=counted)
    out: list[ProjectFact] = []
    prev: Amount | None = None
    for a in amounts:
        if prev is not None and _EQUIVALENT.match(text[prev.end : a.start]):
            prev = a
            continue  # `(nearly 8 million USD)`: the same money in another currency
        prev = a
        others = [m for m in ms if m.country != funder.country]
        after = [m for m in others if m.start > verb_at]
        bens = {m.iso for m in (after or others)}
        each = _EACH.match(text[a.end : a.end + 10]) is not None
        targets: list[str | None]
        if len(bens) == 1:
            targets = [next(iter(bens))]
        elif each and bens:
            targets = [m.iso for m in (after or others)]
        elif not bens:
            targets = [_the_province(ctx, s.text[verb.start() :], funder.country)]
        else:
            targets = [None]
        years = _years(s.text)
        for b in dict.fromkeys(targets):
            ev = info.evidence()
            out.append(
                ProjectFact(
                    funder=funder.iso,
                    beneficiary=b,
                    description=_description(s.text),
                    amount=a.value,
                    currency=a.currency,
                    qualifier=a.qualifier,  # type: ignore[arg-type]
                    years=years,
                    confidence=tiers.capped(funder.tier, ev.zone),
                    evidence=ev,
                    rule="en.project.amount",
                )
            )
    if not any(p.in_kind for p in out):
        out.extend(_in_kind(ctx, info, ms, verb_at, funder, amounts=amounts))
    return out


def _in_kind(
    ctx: ArticleContext,
    info: SentenceInfo,
    ms: list[Mention],
    verb_at: int,
    funder: _Party,
    amounts: list[Amount] | None = None,
    first: re.Match[str] | None = None,
) -> list[ProjectFact]:
    """Quantified support in kind, training or scholarships: one project, no amount. When
    the sentence also has money, a count written before the first amount that the money does
    not pay for (`[in_kind_objects]`), or one joined after the last amount by `and`
    (`[in_kind_after]`). `first` is the sentence's first count when the caller has it."""
    s = info.sentence
    money = vocabulary("en", "money")
    found = first if first is not None else _at("in_kind").search(s.text, 0, len(s.text))
    if found is not None and amounts:
        at = s.start + found.start()
        if at < amounts[0].start:
            if money.regex("in_kind_objects").match(ctx.text[at : amounts[0].start]):
                found = None  # `50 houses ... with a total cost of VND5 billion`: one project
        else:
            last = amounts[-1]
            found = next(
                (
                    k
                    for k in _at("in_kind").finditer(s.text, last.end - s.start, len(s.text))
                    if money.regex("in_kind_after").search(ctx.text, last.end, s.start + k.start())
                ),
                None,
            )
    if found is None:
        return []
    others = [m for m in ms if m.country != funder.country]
    after = {m.iso for m in others if m.start > verb_at} or {m.iso for m in others}
    if after:
        ben = next(iter(after)) if len(after) == 1 else None
    else:
        ben = _the_province(ctx, s.text[verb_at - s.start :], funder.country)
    ev = info.evidence()
    return [
        ProjectFact(
            funder=funder.iso,
            beneficiary=ben,
            description=_description(s.text),
            in_kind=found.group(0),
            years=_years(s.text),
            confidence=tiers.capped(funder.tier, ev.zone),
            evidence=ev,
            rule="en.project.in-kind",
        )
    ]


# `The province has also provided X with ...`, `thanked the Vietnamese province for granting`:
# a unit word standing for one of the article's provinces.
_BARE_UNIT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Ii]ts)\s+(?:(?P<adj>Vietnamese|Lao|Laotian|neighbouring|neighboring|friendly)\s+)?"
    r"(?:province|city|locality)\b(?![’']s)(?!\s+of\b)"
)


def _funder(ctx: ArticleContext, info: SentenceInfo, ms: list[Mention], verb_at: int) -> _Party | None:
    text = ctx.text
    for m in ms:
        if _PASSIVE_FUNDER.search(text, max(0, m.start - 60), m.start):
            return _Party(m.iso, m.country, m.start)
    origin = _origin_words()
    for m in ms:
        if _ENTERPRISES.match(text, m.end):
            return _Party(m.iso, m.country, m.start)
        came = _FROM.search(text, max(0, m.start - 40), m.start)
        if came and (came.group(1) or "").lower() not in origin:
            return _Party(m.iso, m.country, m.start)
    before = [
        m
        for m in ms
        if m.end <= verb_at and not _LOCATIVE.search(text, max(info.sentence.start, m.start - 30), m.start)
    ]
    if before:
        return _Party(before[-1].iso, before[-1].country, before[-1].start)
    # A unit word as the subject: the article's province of the country the wording gives,
    # else of the other country than the provinces that receive.
    units = list(_BARE_UNIT.finditer(text, info.sentence.start, verb_at))
    if not units:
        return None
    unit = units[-1]
    adj = unit.group("adj")
    if adj == "Vietnamese":
        country = "VN"
    elif adj in ("Lao", "Laotian"):
        country = "LA"
    else:
        receivers = {m.country for m in ms if m.start > verb_at}
        if len(receivers) != 1:
            return None
        country = "LA" if receivers == {"VN"} else "VN"
    iso = ctx.main_vn if country == "VN" else ctx.main_la
    if iso is None or any(m.iso == iso for m in ms if m.start > verb_at):
        return None
    return _Party(iso, country, unit.start(), tiers.CONTEXTUAL)


@functools.cache
def _origin_words() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary("en", "money").words("origin"))


def _the_province(ctx: ArticleContext, after_verb: str, funder_country: str) -> str | None:
    """`presented 15 tonnes of rice to families of the province`: the article's province of
    the other country than the funder (a unit word after the verb, no province named)."""
    if _BARE_UNIT.search(after_verb) is None:
        return None
    return ctx.main_la if funder_country == "VN" else ctx.main_vn


# A company as the subject of an investment whose province an earlier sentence gives
# (`X enterprises are active in the Lao province. The Y Company has invested US$4 million`).
_COMPANY = re.compile(r"\b(?:Company|Corporation|Group|JSC|[Ff]irm|[Ee]nterprise|[Cc]ompany)\b")
_INVEST = re.compile(r"\binvest(?:ed|s|ing|ment)?\b")
_COMPANY_HOME = re.compile(
    r"\s*(?:province\s*|city\s*)?(?:[’']s\s+)?(?:-based\s+)?"
    r"(?:enterprises|businesses|companies|firms|investors|company|firm)\b"
    r"|-based\b"
)


def _company_elsewhere(ctx: ArticleContext, info: SentenceInfo) -> list[ProjectFact]:
    s = info.sentence
    if "invest" not in s.text or _COMPANY.search(s.text) is None or _INVEST.search(s.text) is None:
        return []
    if _TRADE.search(s.text):
        return []
    amounts = find_amounts(ctx.text, s.start, s.end)
    if not amounts:
        return []
    i = next((k for k, x in enumerate(ctx.sentences) if x is info), 0)
    for prev in reversed(ctx.sentences[max(0, i - 2) : i]):
        if prev.sentence.segment != s.segment and prev is not ctx.sentences[i - 1]:
            break
        home = [m for m in prev.mentions if _COMPANY_HOME.match(ctx.text, m.end)]
        if len(home) != 1:
            continue
        funder = home[0]
        others = {m.iso for m in prev.mentions if m.country != funder.country}
        if not others:
            b = _the_province(ctx, prev.sentence.text, funder.country) or ctx.sole.get(
                "LA" if funder.country == "VN" else "VN"
            )
            others = {b} if b else set()
        if len(others) != 1:
            return []
        ev = info.evidence()
        a = amounts[0]
        return [
            ProjectFact(
                funder=funder.iso,
                beneficiary=next(iter(others)),
                description=_description(s.text),
                amount=a.value,
                currency=a.currency,
                qualifier=a.qualifier,  # type: ignore[arg-type]
                years=_years(s.text),
                confidence=tiers.capped(tiers.CONTEXTUAL, ev.zone),
                evidence=ev,
                rule="en.project.company-elsewhere",
            )
        ]
    return []


def _years(text: str) -> tuple[int, int] | None:
    m = _YEARS.search(text)
    if m is None:
        return None
    a, b = (int(g) for g in (m.group(1) or m.group(3), m.group(2) or m.group(4)))
    return (a, b) if a <= b <= a + 15 else None


def _description(text: str) -> str:
    return text if len(text) <= 200 else text[:197] + "..."


def merge_projects(found: list[ProjectFact]) -> list[ProjectFact]:
    """One project stated twice (same funder, beneficiary, amount and currency) is one."""
    out: list[ProjectFact] = []
    for p in found:
        key = (p.funder, p.beneficiary, p.amount, p.currency, p.in_kind)
        if any((q.funder, q.beneficiary, q.amount, q.currency, q.in_kind) == key for q in out):
            continue
        out.append(p)
    return out
