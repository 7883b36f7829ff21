"""Neo4j-only behaviour, on a real server: start-up errors, the format marker, the load
generation, clearing in batches. Runs on the `VLKG_STORE=neo4j` run of `.ci/run` (and
wherever NEO4J_URI is set); the embedded store has its own tests of the same ideas."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import STOPPED
from app.graph import STORE_FORMAT
from app.store.base import GraphStore, StoreError, StoreUnavailable
from app.store.cypher import statement
from ingest.load import load_articles
from tests.factories import camau_khammouane, kontum_attapeu
from tests.stores import cleared_neo4j, neo4j_settings, open_neo4j

pytestmark = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="needs a Neo4j server (NEO4J_URI)")


@pytest.fixture
def neo() -> Iterator[GraphStore]:
    yield from cleared_neo4j()


def meta(store: GraphStore) -> dict[str, str]:
    return {r["key"]: r["value"] for r in store.query("meta")}


def test_wrong_password_is_a_store_error_not_a_crash() -> None:
    from app.store.neo4j import Neo4jStore

    s = neo4j_settings()
    with pytest.raises(StoreUnavailable, match=f"cannot reach Neo4j at {s['NEO4J_URI']}"):
        Neo4jStore(s["NEO4J_URI"], s["NEO4J_USER"], s["NEO4J_PASSWORD"] + "-wrong", s["NEO4J_DATABASE"])


def test_unknown_database_is_a_store_error() -> None:
    from app.store.neo4j import Neo4jStore

    s = neo4j_settings()
    with pytest.raises(StoreUnavailable, match="database 'no-such-db'"):
        Neo4jStore(s["NEO4J_URI"], s["NEO4J_USER"], s["NEO4J_PASSWORD"], "no-such-db")


def test_cli_start_up_errors_are_one_line_and_exit_120(tmp_path: Path) -> None:
    s = neo4j_settings()
    cases = {
        "no scheme": {**s, "NEO4J_URI": s["NEO4J_URI"].split("://", 1)[1]},
        "wrong password": {**s, "NEO4J_PASSWORD": s["NEO4J_PASSWORD"] + "-wrong"},
        "unknown database": {**s, "NEO4J_DATABASE": "no-such-db"},
    }
    for case, env in cases.items():
        r = subprocess.run(
            [sys.executable, "-m", "app.cli", "stats"],
            capture_output=True,
            text=True,
            env={**os.environ, **env, "VLKG_STORE": "neo4j", "VLKG_DATA_DIR": str(tmp_path)},
            cwd=Path(__file__).resolve().parents[2],
            timeout=120,
        )
        assert r.returncode == STOPPED, (case, r.stderr)
        assert "Traceback" not in r.stderr, case
        assert len(r.stderr.strip().splitlines()) == 1, (case, r.stderr)


def test_format_marker_is_written_and_checked(neo: GraphStore) -> None:
    assert meta(neo)["format"] == STORE_FORMAT
    neo.write(statement("set_meta"), {"rows": [{"key": "format", "value": "vlkg-graph/0"}]})
    with pytest.raises(StoreError, match="holds graph format vlkg-graph/0"):
        open_neo4j()
    neo.clear()  # an emptied database takes the marker of this version again
    assert meta(neo)["format"] == STORE_FORMAT
    open_neo4j().close()


def test_each_load_that_changes_the_graph_bumps_the_generation(neo: GraphStore) -> None:
    load_articles(neo, [camau_khammouane()])
    first = int(meta(neo)["generation"])
    load_articles(neo, [camau_khammouane()])  # nothing new: no bump
    assert int(meta(neo)["generation"]) == first
    load_articles(neo, [kontum_attapeu()])
    assert int(meta(neo)["generation"]) == first + 1


def test_clear_deletes_in_batches(neo: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relationships go first, in batches, so no batch of nodes carries a province's tens of
    thousands of relationships into one transaction's memory."""
    import app.store.neo4j as adapter

    load_articles(neo, [camau_khammouane(), kontum_attapeu()])
    assert sum(neo.counts()["nodes"].values()) > 10
    batches: list[tuple[str, int, int]] = []
    real = adapter._delete_some

    def counted(tx: object, name: str) -> int:
        rels_before = sum(neo.counts()["relationships"].values())
        n = real(tx, name)  # type: ignore[arg-type]
        batches.append((name, n, rels_before))
        return n

    monkeypatch.setattr(adapter, "CLEAR_BATCH", 10)
    monkeypatch.setattr(adapter, "_delete_some", counted)
    neo.clear()
    names = [name for name, _, _ in batches]
    first_nodes = names.index("admin/clear_batch.neo4j")
    assert set(names[:first_nodes]) == {"admin/clear_rels_batch.neo4j"}
    assert set(names[first_nodes:]) == {"admin/clear_batch.neo4j"}
    assert first_nodes > 2 and batches[first_nodes - 1][1] == 0  # rels: several, then none left
    assert all(rels == 0 for _, _, rels in batches[first_nodes:])  # nodes deleted detached
    assert len(batches) - first_nodes > 2 and max(n for _, n, _ in batches) <= 10 and batches[-1][1] == 0
    assert sum(neo.counts()["nodes"].values()) == 0
