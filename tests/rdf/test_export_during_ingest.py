"""A dump streamed while an ingest runs is whole: 0 SHACL violations (issue 11).

The short version of `python -m bench.probe_export_during_ingest`, on the store the suite
runs on: an embedded dump reads one pinned handle; a Neo4j dump reads one transaction at
read-committed isolation, cut to the articles it lists (app/rdf/export.py). On both, a
dump holds a whole ingest: the articles before it (a Neo4j ingest is one transaction).
"""

from __future__ import annotations

from pathlib import Path

from app.rdf.export import DERIVED, within
from bench.probe_export_during_ingest import probe
from tests.stores import ON_NEO4J, forget


def test_dumps_taken_during_an_ingest_validate(tmp_path: Path) -> None:
    try:
        dumps = probe("neo4j" if ON_NEO4J else "embedded", tmp_path, base=10, more=150, batch=5, limit=3)
    finally:
        forget()  # the probe cleared and filled the Neo4j database
    assert dumps, "no dump was taken while the ingest ran"
    assert all(d.articles in (10, 160) and d.triples > 0 for d in dumps)  # never part of the ingest
    assert [d.first for d in dumps if d.violations] == []
    # the summary values agree with the provenance the dump states (on Neo4j the cut
    # narrows facts that batches committed during the dump extended)
    assert [d.first_disagreement for d in dumps if d.disagreements] == []


def test_a_fact_is_dumped_as_the_listed_articles_support_it() -> None:
    row = {"id": "o1", "sources": ["a", "b", "c"], "evidence": ["ea", "eb", "ec"], "spans": ["1:2:body"]}
    assert within(row, {"a", "b", "c"}) is row
    assert within(row, {"c"}) == {"id": "o1", "sources": ["c"], "evidence": ["ec"], "spans": []}
    assert within(row, {"a"}) == {"id": "o1", "sources": ["a"], "evidence": ["ea"], "spans": ["1:2:body"]}
    assert within(row, {"z"}) is None
    unsourced = {"id": "o2", "sources": None}
    assert within(unsourced, set()) is unsourced


def test_a_narrowed_fact_gets_the_summary_values_of_the_provenance_kept() -> None:
    partnership = {
        "src": "VN-X",
        "dst": "LA-Y",
        "sources": ["a", "b", "a", "c"],
        "evidence": ["ea", "eb", "ea2", "ec"],
        "spans": ["", "", "", ""],
        "article_count": 3,
        "first_year": 1977,
        "kinds": ["agreement"],
    }
    cut = within(partnership, {"a", "c"}, DERIVED["PARTNERS_WITH"], {})
    assert cut is not None
    assert (cut["sources"], cut["article_count"]) == (["a", "a", "c"], 2)
    assert (cut["first_year"], cut["kinds"]) == (1977, ["agreement"])  # not derivable: as stored
    tenure = {"src": "o1", "dst": "LA-Y", "sources": ["a", "b", "c"], "first_year": 2001, "last_year": 2024}
    years = {"a": 2019, "b": 2024, "c": 2001}
    cut = within(tenure, {"a", "c"}, DERIVED["OFFICIAL_OF"], years)
    assert cut is not None and (cut["first_year"], cut["last_year"]) == (2001, 2019)
    cut = within(tenure, {"a", "z"}, DERIVED["OFFICIAL_OF"], {"z": 2030})
    assert cut is not None and (cut["first_year"], cut["last_year"]) == (None, None)  # "a" has no year
    assert within(tenure, {"a", "b", "c"}, DERIVED["OFFICIAL_OF"], years) is tenure  # not narrowed
