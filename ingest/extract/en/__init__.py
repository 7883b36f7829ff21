"""Fact extraction for English news (VietnamPlus, VOV, Nhân Dân, SGGP, KPL and the like).

Same contract as the Vietnamese rules (`ArticleFacts`, evidence, rule ids, tiers); the
shared sentence splitter, province automaton and per-article context are reused, and the
English vocabularies live in `vocab/en/*.toml`. `extract_document` dispatches here when
the reader detects English (`Document.language == "en"`).

Photo captions count as a source of facts (they often state the signing); file photos do
not. A caption glued to the lead is split off first (`text.py`).
"""

from __future__ import annotations

from app.facts import AgreementFact, ArticleFacts, OfficialFact, ProjectFact
from ingest.document import Document

from .agreements import extract_agreements, merge_agreements
from .gates import AID, HEADS, HOSTING, KINDS, STRONG
from .officials import add_official, find_officials
from .partnerships import extract_partnerships
from .projects import extract_projects, merge_projects
from .text import date_marker, english_context

__all__ = ["AID", "HEADS", "HOSTING", "KINDS", "STRONG", "extract_english"]

# The gate each rule opens with, as a trigger: `gates.py`.


def extract_english(doc: Document) -> ArticleFacts:
    """All facts of one English article, each with its evidence sentence and offsets."""
    published = doc.published or date_marker(doc)
    ctx = english_context(doc, published)
    facts = ArticleFacts(
        id=doc.id,
        source=doc.source,
        url=doc.url,
        title=doc.title,
        published=published,
        outlet=doc.outlet,
        language=doc.language,
        warnings=list(doc.warnings),
    )
    pairs: dict[tuple[str, str], int] = {}
    officials: dict[str, OfficialFact] = {}
    agreements: list[AgreementFact] = []
    projects: list[ProjectFact] = []
    for info in ctx.sentences:
        if info.may(HEADS):
            for o in find_officials(ctx, info):
                add_official(officials, o, info)
        for p in extract_partnerships(ctx, info) if info.may(STRONG) else ():
            key = (p.vn, p.la)
            if key in pairs:
                old = facts.partnerships[pairs[key]]
                if old.evidence.zone != "body" and p.evidence.zone == "body":
                    old.evidence = p.evidence  # the body states it in full
                    old.rule = p.rule
                old.confidence = max(old.confidence, p.confidence)
                continue
            pairs[key] = len(facts.partnerships)
            facts.partnerships.append(p)
        if info.may(KINDS):
            agreements.extend(extract_agreements(ctx, info))
        if not info.mentions or info.may(AID) or info.may(HOSTING):
            projects.extend(extract_projects(ctx, info))
    facts.officials = list(officials.values())
    facts.agreements = merge_agreements(agreements)
    facts.projects = merge_projects(projects)
    if not facts.partnerships and not facts.agreements and not facts.projects:
        facts.warnings.append(f"{doc.source}: no Vietnam–Laos provincial cooperation found")
    return facts
