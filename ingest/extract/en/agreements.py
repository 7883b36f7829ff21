"""Agreements in English news: a document noun, a signing act or a validity period, parties.

A sentence states a document when it names one (`vocab/en/documents.toml [kind]`: MoU,
memorandum of understanding, cooperation agreement, minutes, plan) *and* either signs it
(`signed`, `inked`, `signing ceremony`, `under a MoU signed on ...`; not planned: `will
sign`, `agreed to sign`) or gives its validity period (`for the 2022-2026 period`). A
back-reference (`the freshly inked pact`, `have reached the agreement`) adds no document, and
neither does a document between the two states (`the bilateral Treaty`,
anniversaries). Parties: the sentence's provinces; with none, `the two provinces` and the
like name the article's pair. One province with several of the other country: one
document per partner when the noun is plural (`signed MoUs with A, B and C`), else one
document of all parties.
"""

from __future__ import annotations

import datetime as dt
import re

from app.facts import AgreementFact

from .. import tiers
from ..context import ArticleContext, SentenceInfo, unique
from ..triggers import starts
from ..vocab import vocabulary
from .gates import KINDS
from .partnerships import parties
from .timing import day_in, year_in

_TO_BE_SIGNED = re.compile(r"\b(?:to|will|would|shall)\s+be\s+(?:signed|inked|concluded)\b")
_BARE = frozenset({"sign", "ink", "signs"})
_PLURAL = re.compile(r"(?:s|memoranda)$", re.IGNORECASE)
# The vocabulary's patterns read per sentence, looked up once; those run over the whole
# sentence tried only where a match can start (`triggers.Starts`: the same matches).
_DOCS = vocabulary("en", "documents")
_BACK_REFERENCE = starts(_DOCS.regex("back_reference"))
_NATIONAL = starts(_DOCS.regex("national"))
_SIGNED = starts(_DOCS.regex("signed"))
_NOT_DONE = starts(_DOCS.regex("not_done"))
_DRAFT = _DOCS.regex("draft")
_RENEWAL = _DOCS.regex("renewal")
_SAME_EVENT = _DOCS.regex("same_event")
_PERIOD = _DOCS.regex("period")
_PLANNED = vocabulary("en", "cues").regex("planned")
_ANAPHOR = vocabulary("en", "cues").regex("anaphor")


def extract_agreements(ctx: ArticleContext, info: SentenceInfo) -> list[AgreementFact]:
    s = info.sentence
    nouns = list(info.finditer_sentence(KINDS))
    if not nouns:
        return []
    period = _period(s.text)
    text, size = s.text, len(s.text)
    backrefs = [(m.start(), m.end()) for m in _BACK_REFERENCE.finditer(text, 0, size)]
    national = [(m.start(), m.end()) for m in _NATIONAL.finditer(text, 0, size)]
    signed = [
        m
        for m in _SIGNED.finditer(text, 0, size)
        if not _PLANNED.search(s.text[max(0, m.start() - 30) : m.start()])
    ]
    not_done = _NOT_DONE.search(text, 0, size)
    if not_done is not None:
        # `proposed the two provinces sign ...`: a bare `sign` after a proposal is planned.
        signed = [m for m in signed if m.start() < not_done.start() or m.group(0).lower() not in _BARE]
    noun = None
    for m in nouns:
        if any(a <= m.start() < b for a, b in backrefs):
            continue
        if any(abs(m.start() - a) < 50 or abs(m.start() - b) < 50 for a, b in national):
            continue
        noun = m
        break
    if noun is None or (not signed and period is None):
        return []
    if not signed and (
        _DRAFT.search(s.text, max(0, noun.start() - 40), noun.start())
        or _TO_BE_SIGNED.search(s.text, noun.end(), noun.end() + 80)
    ):
        return []  # `to draft a new cooperation agreement for 2025-2029`, `... to be signed`
    kind = _DOCS["kind"].lookup(noun.group(0))
    ms = parties(ctx, info)
    vn = unique(m.iso for m in ms if m.country == "VN")
    la = unique(m.iso for m in ms if m.country == "LA")
    rule = "en.agreement.signed-document" if signed else "en.agreement.document-period"
    tier = tiers.EXPLICIT
    if not vn or not la:
        if not _ANAPHOR.search(s.text) or ctx.main_vn is None or ctx.main_la is None:
            return []
        if (vn and vn != [ctx.main_vn]) or (la and la != [ctx.main_la]):
            return []
        vn, la = [ctx.main_vn], [ctx.main_la]
        rule, tier = "en.agreement.anaphor-parties", tiers.CONTEXTUAL
    renewal = _RENEWAL.search(s.text, noun.end())
    if renewal is not None and signed and signed[0].start() < renewal.start():
        head = s.text[: renewal.start()]
        tail = s.text[renewal.start() :]
        tail_period = _period(tail)
        if tail_period is not None or _this_year(tail, ctx):
            # `signed an MoU in 2018 and renewed it ... for 2024-2028`: the original and the renewal
            original = _dated(ctx, head)
            renewed = (year_in(tail) or _this_year(tail, ctx), None)
            return _facts(ctx, info, vn, la, noun, kind, rule, tier, original, _period(head)) + _facts(
                ctx, info, vn, la, noun, kind, "en.agreement.renewed", tier, renewed, tail_period
            )
    year, date = _dated(ctx, s.text) if signed else (year_in(s.text), None)
    if signed and year is None and date is None and ctx.published is not None and _SAME_EVENT.search(s.text):
        year, date = _event_date(ctx)
    return _facts(ctx, info, vn, la, noun, kind, rule, tier, (year, date), period)


def _dated(ctx: ArticleContext, text: str) -> tuple[int | None, dt.date | None]:
    """(signed_year, signed_date) the text states."""
    year = year_in(text)
    date = day_in(text, ctx.published)
    if date is not None and year is not None and date.year != year:
        date = None
    return (date.year if date else year), date


_THIS_YEAR = re.compile(r"\b(?:this\s+year|this\s+month|last\s+month)\b")


def _this_year(text: str, ctx: ArticleContext) -> int | None:
    return ctx.published.year if ctx.published is not None and _THIS_YEAR.search(text) else None


def _event_date(ctx: ArticleContext) -> tuple[int | None, dt.date | None]:
    """The day of the event the article's lead reports, else the page year."""
    assert ctx.published is not None
    lead = next((x for x in ctx.sentences if x.sentence.zone == "body"), None)
    day = day_in(lead.sentence.text, ctx.published) if lead is not None else None
    if day is not None and abs((ctx.published - day).days) <= 10:
        return day.year, day
    return ctx.published.year, None


def _facts(
    ctx: ArticleContext,
    info: SentenceInfo,
    vn: list[str],
    la: list[str],
    noun: re.Match[str],
    kind: str,
    rule: str,
    tier: float,
    dated: tuple[int | None, dt.date | None],
    period: tuple[int, int] | None,
) -> list[AgreementFact]:
    year, date = dated
    groups: list[list[str]]
    if len(vn) == 1 and len(la) == 1:
        groups = [[vn[0], la[0]]]
    elif len(vn) == 1 or len(la) == 1:
        if _PLURAL.search(noun.group(0)):
            groups = [[v, x] for v in vn for x in la]
            rule, tier = "en.agreement.one-per-partner", tiers.STRUCTURED
        else:
            groups = [[*vn, *la]]
            rule, tier = "en.agreement.multi-party", tiers.STRUCTURED
    else:
        return []
    ev = info.evidence()
    return [
        AgreementFact(
            parties=g,
            kind=kind,
            signed_year=year,
            signed_date=date,
            period=period,
            confidence=tiers.capped(tier, ev.zone),
            evidence=ev,
            rule=rule,
        )
        for g in groups
    ]


def _period(text: str) -> tuple[int, int] | None:
    for m in _PERIOD.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b <= a + 10:
            return (a, b)
    return None


def merge_agreements(found: list[AgreementFact]) -> list[AgreementFact]:
    """Repeats of one document (same parties and kind; agreeing period/year) are one; an
    undated mention goes when a dated one of the same parties and kind exists."""
    out: list[AgreementFact] = []
    for a in found:
        key = (frozenset(a.parties), a.kind)
        twin = next((b for b in out if (frozenset(b.parties), b.kind) == key and _agree(a, b)), None)
        if twin is None:
            out.append(a)
            continue
        twin.period = twin.period or a.period
        twin.signed_year = twin.signed_year or a.signed_year
        twin.signed_date = twin.signed_date or a.signed_date
        twin.confidence = max(twin.confidence, a.confidence)
    return out


def _agree(a: AgreementFact, b: AgreementFact) -> bool:
    if a.period and b.period and a.period != b.period:
        return False
    return not (a.signed_year and b.signed_year and a.signed_year != b.signed_year)
