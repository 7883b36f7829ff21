"""Hand-written Cypher lives in files; the write and export statements are generated."""

from __future__ import annotations

import re
from pathlib import Path

from app.graph import NODES, RELS
from app.graph import main as graph_main
from app.store.cypher import cypher_dir, script, statement
from app.store.statements import generated

ROOT = Path(__file__).resolve().parents[2]


def test_generated_statements_are_not_committed() -> None:
    """A committed copy would shadow nothing (generated names win) but could go stale."""
    names = {f"{p.parent.name}/{p.stem}" for p in cypher_dir().glob("*/*.cypher")}
    assert names & set(generated()) == set()
    assert not (cypher_dir() / "write").exists()


def test_statement_resolves_generated_then_files() -> None:
    assert statement("write/create_Article").startswith("UNWIND $rows AS row\nCREATE (n:Article")
    assert "UNWIND $ids AS key" in statement("read/export_one_Event")
    assert statement("read/partners")  # a hand-written file


def test_every_model_entry_has_its_statements() -> None:
    names = set(generated())
    for label, spec in NODES.items():
        assert {f"write/create_{label}", f"write/update_{label}", f"write/existing_{label}"} <= names
        assert {f"read/export_ids_{label}", f"read/export_one_{label}"} <= names
        sourced = {f"read/scan_citing_{label}", f"read/sources_{label}"}
        assert (sourced <= names) == spec.sourced and (sourced & names == set()) != spec.sourced
    for rtype, rspec in RELS.items():
        assert {f"write/create_{rtype}", f"write/existing_{rtype}", f"read/export_{rtype}"} <= names
        sourced = {f"read/export_pair_{rtype}", f"read/scan_citing_{rtype}", f"read/sources_{rtype}"}
        assert (sourced <= names) == rspec.sourced and (sourced & names == set()) != rspec.sourced


def test_out_writes_every_generated_statement_for_the_lint(tmp_path: Path) -> None:
    assert graph_main(["--out", str(tmp_path)]) == 0
    on_disk = {
        f"{p.parent.name}/{p.stem}": p.read_text(encoding="utf-8") for p in tmp_path.glob("*/*.cypher")
    }
    assert on_disk == generated()


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
        if path.parts[-2:] == ("store", "statements.py"):
            continue  # the generator of the write and export statements, from the model
        text = path.read_text(encoding="utf-8")
        if re.search(r"[\"'](?:MATCH|UNWIND|MERGE|CREATE \(|OPTIONAL MATCH)\b", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
