"""A dump streamed while an ingest runs is whole: 0 SHACL violations (issue 11).

The short version of `python -m bench.probe_export_during_ingest`, on the store the suite
runs on: an embedded dump reads one pinned handle; a Neo4j dump reads one transaction at
read-committed isolation, cut to the articles it lists (app/rdf/export.py).
"""

from __future__ import annotations

from pathlib import Path

from app.rdf.export import within
from bench.probe_export_during_ingest import probe
from tests.stores import ON_NEO4J, forget


def test_dumps_taken_during_an_ingest_validate(tmp_path: Path) -> None:
    try:
        dumps = probe("neo4j" if ON_NEO4J else "embedded", tmp_path, base=10, more=150, batch=5, limit=3)
    finally:
        forget()  # the probe cleared and filled the Neo4j database
    assert dumps, "no dump was taken while the ingest ran"
    assert all(d.articles >= 10 and d.triples > 0 for d in dumps)
    assert [d.first for d in dumps if d.violations] == []


def test_a_fact_is_dumped_as_the_listed_articles_support_it() -> None:
    row = {"id": "o1", "sources": ["a", "b", "c"], "evidence": ["ea", "eb", "ec"], "spans": ["1:2:body"]}
    assert within(row, {"a", "b", "c"}) is row
    assert within(row, {"c"}) == {"id": "o1", "sources": ["c"], "evidence": ["ec"], "spans": []}
    assert within(row, {"a"}) == {"id": "o1", "sources": ["a"], "evidence": ["ea"], "spans": ["1:2:body"]}
    assert within(row, {"z"}) is None
    unsourced = {"id": "o2", "sources": None}
    assert within(unsourced, set()) is unsourced
