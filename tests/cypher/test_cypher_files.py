"""Cypher lives in files; the generated write statements must match the model."""

from __future__ import annotations

import re
from pathlib import Path

from app.graph import NODES, RELS, write_statements
from app.store.cypher import cypher_dir, script

ROOT = Path(__file__).resolve().parents[2]


def test_generated_write_statements_are_current(tmp_path: Path) -> None:
    on_disk = {p.stem: p.read_text(encoding="utf-8") for p in (cypher_dir() / "write").glob("*.cypher")}
    assert on_disk == write_statements(), "run `python -m app.graph` and commit cypher/write/"


def test_both_schemas_cover_every_label_and_type() -> None:
    ladybug = " ".join(script("schema.ladybug"))
    neo4j = " ".join(script("schema.neo4j"))
    for label in NODES:
        assert re.search(rf"NODE TABLE IF NOT EXISTS {label}\(", ladybug), label
        assert f"(n:{label}) REQUIRE n.id IS UNIQUE" in neo4j, label
    for rtype, spec in RELS.items():
        m = re.search(rf"REL TABLE IF NOT EXISTS {rtype}\(FROM (\w+) TO (\w+)", ladybug)
        assert m and m.groups() == (spec.src, spec.dst), rtype


def test_ladybug_columns_match_the_model() -> None:
    tables = {}
    for stmt in script("schema.ladybug"):
        m = re.match(r"CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\)$", stmt, re.S)
        if m:
            cols = [c.strip().split(" ")[0] for c in m.group(2).split(",")]
            tables[m.group(1)] = [c for c in cols if c not in ("FROM", "PRIMARY") and c]
    for label, spec in NODES.items():
        assert tables[label] == ["id", *spec.all_props], label
    for rtype, rspec in RELS.items():
        assert tables[rtype] == list(rspec.all_props), rtype


def test_no_cypher_is_built_in_python() -> None:
    """Queries are read from cypher/ by name; Python source holds no MATCH/CREATE text."""
    offenders = []
    for path in [*ROOT.glob("app/**/*.py"), *ROOT.glob("ingest/**/*.py")]:
        if path.name == "graph.py" or path.parts[-2:] == ("rdf", "queries.py"):
            continue  # generators of cypher/write/ and cypher/read/export_*, checked for staleness
        text = path.read_text(encoding="utf-8")
        if re.search(r"[\"'](?:MATCH|UNWIND|MERGE|CREATE \(|OPTIONAL MATCH)\b", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
