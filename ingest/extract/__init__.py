"""Fact extraction: a zoned `Document` in, an `ArticleFacts` with evidence out.

One pass per article: sentences are split once, province mentions are found in one pass
of a compiled automaton, and each rule module reads that shared context.
Only the article proper (`body`, and the `title`) yields facts; `caption` lines may name
officials (photo captions repeat who is pictured) but never pairs or money; `related`
zones (other articles' headlines and teasers, boilerplate) are ignored because they state
facts about other articles.
"""

from __future__ import annotations

from dataclasses import replace

from app.facts import AgreementFact, ArticleFacts, OfficialFact, ProjectFact
from app.gazetteer import gazetteer
from ingest.document import Document, Segment, Zone

from .agreements import DOCUMENTS, add_signatories, extract_agreements, merge_agreements
from .context import ArticleContext, SentenceInfo, name_key
from .districts import TWINNING, extract_districts
from .en import extract_english
from .en.agreements import merge_agreements as merge_english_agreements
from .en.projects import merge_projects as merge_english_projects
from .en.text import date_marker
from .events import VISITS, extract_event, merge_events
from .mentions import Mention
from .officials import DELEGATION, FILE_PHOTO, TITLE_WORDS, Official, find_officials, list_heads
from .partnerships import CUE_TRIGGERS, extract_partnerships
from .projects import SUPPORT, extract_projects, merge_projects
from .sentences import sentences
from .tiers import CONTEXTUAL, STRUCTURED, capped

__all__ = ["extract_document"]

FACT_ZONES: tuple[Zone, ...] = ("title", "body")
OFFICIAL_ZONES: tuple[Zone, ...] = ("title", "body", "caption")
# A photo caption states who met and what was signed (`Lãnh đạo hai tỉnh A - B ký biên bản
# hợp tác`), so it yields partnerships and agreements, capped to the caption tier; file
# photos (`Ảnh tư liệu`) never reach here (the zoning drops them).
PAIR_ZONES: tuple[Zone, ...] = ("title", "body", "caption")

# The gate each rule opens with, as a trigger (`triggers.py`), defined beside its pattern in
# the rule's module: a sentence holding none of its words cannot pass the gate, so the rule
# is not called there, and within a sentence the rule tries its pattern only where those
# words start (the result is the same). A rule whose gate changes must change its trigger.
TITLES = TITLE_WORDS  # `find_officials`: a title anchor (officials.py)
# DOCUMENTS: `extract_agreements`, a document noun (agreements.py); SUPPORT:
# `extract_projects`, a support verb (projects.py); VISITS: `extract_event`, a visit or
# meeting cue (events.py); TWINNING: `extract_districts`, a twinning cue (districts.py).
# `extract_partnerships` skips its strong-cue searches where none of these is hit (defined
# beside the cues in partnerships.py, which reads them).
CUES = CUE_TRIGGERS


# A text longer than `LONG` characters is no single article (a dump of many, a book): it
# is read in runs of whole segments of at most about `CHUNK` characters, and the facts of
# the runs are merged as one article's are. Its per-sentence working state (sentences,
# mentions, trigger masks) then never exists for all of it at once, which kept a 20 MB
# text at 1.6 GB (issue #11). Every article is far shorter and is read in one piece.
LONG = 1 << 20
CHUNK = 1 << 18


def extract_document(doc: Document) -> ArticleFacts:
    """All facts of one article, each with its evidence sentence and offsets."""
    if len(doc.text) > LONG:
        return _extract_long(doc)
    return _extract_one(doc)


def _extract_one(doc: Document) -> ArticleFacts:
    """The facts of `doc` read in one piece (one article context)."""
    if doc.language == "en":
        return extract_english(doc)
    sents = sentences(doc, OFFICIAL_ZONES)
    ctx = ArticleContext.build(doc.text, doc.published, sents)
    facts = ArticleFacts(
        id=doc.id,
        source=doc.source,
        url=doc.url,
        title=doc.title,
        published=doc.published,
        outlet=doc.outlet,
        language=doc.language,
        warnings=list(doc.warnings),
    )
    pairs: dict[tuple[str, str], int] = {}
    officials: dict[str, OfficialFact] = {}
    agreements: list[AgreementFact] = []
    projects: list[ProjectFact] = []
    delegation: Mention | None = None
    section: Mention | None = None  # the province the latest list of people was headed by
    for info in ctx.sentences:
        zone = info.sentence.zone
        heads = list_heads(doc.text, info.sentence.start, info.sentence.end, info.mentions)
        found = (
            find_officials(
                doc.text,
                info.sentence.start,
                info.sentence.end,
                info.mentions,
                ctx.main_vn,
                ctx.main_la,
                delegation,
                section,
                heads,
                info.hits,
            )
            if info.may(TITLES)
            else []
        )
        if zone == "body":
            delegation = _delegation(doc.text, info) or delegation
            section = heads[-1] if heads else (None if info.mentions else section)
        if zone == "caption" and _file_photo(doc.text, info):
            found = []  # a file photo shows people at another time: not this article's facts
        for o in found:
            _add_official(officials, o, info)
        if zone not in PAIR_ZONES:
            continue
        for p in extract_partnerships(ctx, info):
            key = (p.vn, p.la)
            if key in pairs:
                old = facts.partnerships[pairs[key]]
                if old.evidence.zone == "title" and p.evidence.zone == "body":
                    old.evidence = p.evidence  # the body states it in full; the headline abridges
                old.confidence = max(old.confidence, p.confidence)
                continue
            pairs[key] = len(facts.partnerships)
            facts.partnerships.append(p)
        if info.may(DOCUMENTS):
            named = found + _named_again(doc.text, info, officials, found)
            stated = extract_agreements(ctx, info, named, agreements)
            add_signatories(doc.text, info, named, stated)
            # A back-reference returns an earlier fact itself (it only gains signatories).
            agreements.extend(f for f in stated if not any(f is g for g in agreements))
        if zone not in FACT_ZONES:
            continue
        if info.may(TWINNING):
            facts.district_partnerships.extend(extract_districts(ctx, info))
        if info.may(SUPPORT):
            projects.extend(extract_projects(ctx, info))
        event = extract_event(ctx, info, found) if info.may(VISITS) else None
        if event is not None:
            facts.events.append(event)
    facts.officials = list(officials.values())
    facts.agreements = merge_agreements(agreements)
    for a in facts.agreements:
        # Signatories are named exactly as in `officials`, so the loader can link SIGNED.
        a.signatories = [officials[name_key(n)].name for n in a.signatories if name_key(n) in officials]
    facts.projects = merge_projects(projects)
    facts.events = merge_events(facts.events)
    if not facts.partnerships and not facts.agreements and not facts.projects:
        facts.warnings.append(f"{doc.source}: no Vietnam–Laos provincial cooperation found")
    return facts


def _delegation(text: str, info: SentenceInfo) -> Mention | None:
    """The province of the last delegation the sentence introduces (`Đoàn đại biểu tỉnh X`)."""
    found: Mention | None = None
    for m in info.mentions:
        lo = max(info.sentence.start, m.start - 40)
        # `DELEGATION` opens with `Đoàn`/`đoàn`: no `oàn` before the mention, no match.
        if "oàn" in text[lo : m.start] and DELEGATION.search(text, lo, m.start):
            found = m
    return found


def _file_photo(text: str, info: SentenceInfo) -> bool:
    """A caption marked as a file photo (`Ảnh tư liệu`, `Ảnh: TL`), in its own paragraph."""
    s = info.sentence
    return FILE_PHOTO.search(text, s.seg_start, s.seg_end) is not None


def _named_again(
    text: str, info: SentenceInfo, known: dict[str, OfficialFact], found: list[Official]
) -> list[Official]:
    """Officials met earlier in the article, named again without titles (`ông A và ông B đã
    ký`): they keep the province their titles gave them, so they can be signers."""
    if not known:
        return []
    sent = info.sentence
    out: list[Official] = []
    for fact in known.values():
        if fact.province is None:
            continue
        at = sent.text.find(fact.name)
        if at < 0:
            continue
        start = sent.start + at
        if any(o.start <= start < o.end for o in found):
            continue
        country = gazetteer().resolve(fact.province).country
        out.append(
            Official(
                fact.name, start, start + len(fact.name), list(fact.positions), fact.province, None, country
            )
        )
    return out


def _add_official(known: dict[str, OfficialFact], o: Official, info: SentenceInfo) -> None:
    """Merge repeated mentions of one person (same folded name): positions add up. The
    evidence is built only for a new person (a repeat keeps the first evidence)."""
    key = name_key(o.name)
    old = known.get(key)
    if old is None:
        evidence = info.evidence()
        # A province the titles name (or a national body) is structural; one borrowed
        # from a list head, the delegation or the home province is contextual.
        tier = STRUCTURED if o.placed_by in ("title", "national") else CONTEXTUAL
        known[key] = OfficialFact(
            name=o.name,
            province=o.province,
            organisation=o.organisation,
            positions=list(o.positions),
            confidence=capped(tier, evidence.zone),
            evidence=evidence,
            rule=o.rule,
        )
        return
    for p in o.positions:
        if p not in old.positions:
            old.positions.append(p)
    old.province = old.province or o.province
    old.organisation = old.organisation or o.organisation


def chunks(doc: Document, size: int | None = None) -> list[list[Segment]]:
    """`doc`'s segments in runs whose text spans at most about `size` characters (`CHUNK`);
    a segment longer than that is a run of its own."""
    size = CHUNK if size is None else size
    runs: list[list[Segment]] = []
    for seg in doc.segments:
        if runs and seg.end - runs[-1][0].start <= size:
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return runs


def _extract_long(doc: Document) -> ArticleFacts:
    """The facts of a very long text: each run of `chunks` read as an article of its own
    (same text and metadata, that run's segments), the results merged as repeated
    statements within one article are (`_merge`; documents, projects and visits once at
    the end, as their merges compare every fact with those kept)."""
    published = doc.published
    if doc.language == "en" and published is None:
        published = date_marker(doc)  # the English reader looks for it at the text's start
    facts: ArticleFacts | None = None
    for run in chunks(doc):
        part = _extract_one(replace(doc, segments=run, published=published, warnings=[]))
        facts = part if facts is None else _merge(facts, part)
    if facts is None:
        return _extract_one(doc)
    if doc.language == "en":
        facts.agreements = merge_english_agreements(facts.agreements)
        facts.projects = merge_english_projects(facts.projects)
    else:
        facts.agreements = merge_agreements(facts.agreements)
        facts.projects = merge_projects(facts.projects)
        facts.events = merge_events(facts.events)
    # Signatories are named exactly as in `officials` (the loader links SIGNED by name): a
    # later run may have spelled a person the first run named differently.
    names = {name_key(o.name): o.name for o in facts.officials}
    for a in facts.agreements:
        a.signatories = [names.get(name_key(n), n) for n in a.signatories]
    none = f"{doc.source}: no Vietnam–Laos provincial cooperation found"
    kept = dict.fromkeys(w for w in facts.warnings if w != none and w not in doc.warnings)
    facts.warnings = [*doc.warnings, *kept]
    if not facts.partnerships and not facts.agreements and not facts.projects:
        facts.warnings.append(none)
    return facts


def _merge(into: ArticleFacts, part: ArticleFacts) -> ArticleFacts:
    """`part`'s facts added to `into`'s with the rules one article applies to repeats: one
    partnership per pair (the body's evidence over the title's, the higher confidence), one
    official per folded name (positions add up); documents, projects and visits are only
    collected here."""
    english = into.language == "en"
    pairs = {(p.vn, p.la): p for p in into.partnerships}
    for p in part.partnerships:
        old = pairs.get((p.vn, p.la))
        if old is None:
            pairs[(p.vn, p.la)] = p
            into.partnerships.append(p)
            continue
        if english and old.evidence.zone != "body" and p.evidence.zone == "body":
            old.evidence, old.rule = p.evidence, p.rule
        elif not english and old.evidence.zone == "title" and p.evidence.zone == "body":
            old.evidence = p.evidence
        old.confidence = max(old.confidence, p.confidence)
    known = {name_key(o.name): o for o in into.officials}
    for o in part.officials:
        had = known.get(name_key(o.name))
        if had is None:
            known[name_key(o.name)] = o
            into.officials.append(o)
            continue
        had.positions.extend(x for x in o.positions if x not in had.positions)
        had.province = had.province or o.province
        had.organisation = had.organisation or o.organisation
    into.agreements.extend(part.agreements)
    into.projects.extend(part.projects)
    into.events.extend(part.events)
    into.district_partnerships.extend(part.district_partnerships)
    into.warnings.extend(part.warnings)
    return into
