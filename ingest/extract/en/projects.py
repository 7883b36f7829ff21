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
from ..vocab import vocabulary
from .partnerships import parties

# `aid from Thanh Hoa`, `from the Lao province of X`: the funder (not `students from X`).
_FROM = re.compile(
    r"(?<!students\s)(?<!trainees\s)(?<!officials\s)(?<!people\s)(?<!children\s)(?<!delegates\s)\bfrom\s+(?:the\s+)?(?:(?:Vietnamese|Lao|Vietnam’s|Laos’)\s+)?(?:(?:province|city)\s+of\s+)?$"
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


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    currency: str
    qualifier: str | None


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
    for m in money.regex("amount").finditer(text, start, end):
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


def extract_projects(ctx: ArticleContext, info: SentenceInfo) -> list[ProjectFact]:
    if not info.mentions:
        return []  # no province, no funder
    s = info.sentence
    text = ctx.text
    cues = vocabulary("en", "cues")
    verb = cues.regex("support").search(s.text)
    if verb is None or cues.regex("trade").search(s.text):
        return []
    amounts = find_amounts(text, s.start, s.end)
    ms = parties(ctx, info)
    verb_at = s.start + verb.start()
    if not amounts:
        return _in_kind(ctx, info, ms, verb_at)
    out: list[ProjectFact] = []
    prev: Amount | None = None
    for a in amounts:
        if prev is not None and _EQUIVALENT.match(text[prev.end : a.start]):
            prev = a
            continue  # `(nearly 8 million USD)`: the same money in another currency
        prev = a
        funder = _funder(text, ms, verb_at)
        if funder is None:
            continue
        others = [m for m in ms if m.country != funder.country]
        after = [m for m in others if m.start > verb_at]
        bens = {m.iso for m in (after or others)}
        each = _EACH.match(text[a.end : a.end + 10]) is not None
        targets: list[str | None]
        if len(bens) == 1:
            targets = [next(iter(bens))]
        elif each and bens:
            targets = [m.iso for m in (after or others)]
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
                    confidence=tiers.capped(tiers.STRUCTURED, ev.zone),
                    evidence=ev,
                    rule="en.project.amount",
                )
            )
    return out


def _in_kind(ctx: ArticleContext, info: SentenceInfo, ms: list[Mention], verb_at: int) -> list[ProjectFact]:
    """Quantified support in kind, training or scholarships: one project, no amount."""
    s = info.sentence
    found = vocabulary("en", "money").regex("in_kind").search(s.text)
    if found is None:
        return []
    funder = _funder(ctx.text, ms, verb_at)
    if funder is None:
        return []
    others = [m for m in ms if m.country != funder.country]
    after = {m.iso for m in others if m.start > verb_at} or {m.iso for m in others}
    ev = info.evidence()
    return [
        ProjectFact(
            funder=funder.iso,
            beneficiary=next(iter(after)) if len(after) == 1 else None,
            description=_description(s.text),
            in_kind=found.group(0),
            years=_years(s.text),
            confidence=tiers.capped(tiers.STRUCTURED, ev.zone),
            evidence=ev,
            rule="en.project.in-kind",
        )
    ]


def _funder(text: str, ms: list[Mention], verb_at: int) -> Mention | None:
    for m in ms:
        if _FROM.search(text, max(0, m.start - 40), m.start) or _ENTERPRISES.match(text, m.end):
            return m
    before = [m for m in ms if m.end <= verb_at]
    return before[-1] if before else None


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
