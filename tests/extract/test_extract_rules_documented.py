"""Every rule id a fact can carry is listed in docs/extraction.md.

Rule ids reach researchers (in `vlkg extract --json`, the API's `span.rule`, RDF's
`vlkg:extractionRule` and the CSV tables), so each must be looked up somewhere. Ids come
from two places: literals in the rule modules, and vocabulary tables whose id a rule
records. Both are collected here: the literals by reading the code, the rest by extracting
every test article and sample (written for the project) and gathering the ids facts carry.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.extract import extract_document
from ingest.reading import read_document

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "extraction.md"
RULE = re.compile(r"\"((?:vi|en)\.(?:partnership|official|agreement|project|event|district)\.[a-z0-9-]+)\"")
CATEGORIES = ("partnerships", "officials", "agreements", "projects", "events", "district_partnerships")


def _literal_ids() -> set[str]:
    return {
        m for p in (ROOT / "ingest" / "extract").rglob("*.py") for m in RULE.findall(p.read_text("utf-8"))
    }


def _emitted_ids() -> set[str]:
    inputs = [
        p
        for d in (ROOT / "tests" / "data" / "articles", ROOT / "samples")
        for p in sorted(d.iterdir())
        if p.suffix in (".txt", ".html")
    ]
    ids: set[str] = set()
    for path in inputs:
        facts = extract_document(read_document(path))
        for category in CATEGORIES:
            ids.update(f.rule for f in getattr(facts, category) if f.rule)
    return ids


def test_every_fact_carries_a_rule_id() -> None:
    for path in sorted((ROOT / "samples").glob("*.txt")):
        facts = extract_document(read_document(path))
        for category in CATEGORIES:
            for fact in getattr(facts, category):
                assert fact.rule, f"{path.name}: a {category} fact without a rule id"


def test_every_rule_id_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8")
    ids = _literal_ids() | _emitted_ids()
    assert len(ids) > 30, sorted(ids)
    missing = sorted(i for i in ids if f"`{i}`" not in doc)
    assert not missing, f"rule ids not in docs/extraction.md: {missing}"
