"""A Neo4j load is seen whole or not at all (issue 11): every batch of a load runs in one
write transaction (`Neo4jStore.loading`), so readers see the graph before the load or
after it, a failed or killed load leaves nothing of itself, and a load larger than
`whole_load_articles` commits in parts that the CLI announces. On a real server only."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import ingest.load as loader
from app.api.main import create_app
from app.gazetteer import Gazetteer
from app.settings import Settings
from app.store.base import ChangeSet, GraphStore, Lookups
from bench.probe_export_during_ingest import ingest
from bench.probe_kill import write_facts
from bench.synthetic import articles
from ingest.load import BatchFailed, load_articles
from tests.factories import camau_khammouane, hatinh_khammouane, kontum_attapeu
from tests.stores import cleared_neo4j, neo4j_settings, open_neo4j

pytestmark = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="needs a Neo4j server (NEO4J_URI)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def neo() -> Iterator[GraphStore]:
    yield from cleared_neo4j()


def article_count(store: GraphStore) -> int:
    return int(store.run("MATCH (a:Article) RETURN count(a) AS n")[0]["n"])


def generation(store: GraphStore) -> int:
    return int(next(r["value"] for r in store.query("meta") if r["key"] == "generation"))


def test_a_reader_sees_a_load_of_many_batches_only_before_or_after_it(neo: GraphStore) -> None:
    """Between every two batches of the load, a second driver (another process's view)
    and the loader's own handle read the count, in a request's read transaction too."""
    load_articles(neo, articles(5, seed=1), batch_size=50)
    before = generation(neo)
    reader = open_neo4j()
    seen: list[tuple[int, int, int, str | None]] = []

    def between(_: int) -> None:
        reader.refresh()
        with reader.pinned() as view:
            pinned = article_count(view)
        seen.append((article_count(reader), pinned, article_count(neo), reader.snapshot))

    try:
        load_articles(neo, articles(40, seed=2), batch_size=7, on_batch=between)
    finally:
        reader.close()
    assert len(seen) == 6  # six batches, each followed by a read
    assert {s[:3] for s in seen[:-1]} == {(5, 5, 5)}  # every batch but the last: the old graph
    assert len({s[3] for s in seen[:-1]}) == 1  # ... and the old generation: cached answers hold
    assert seen[-1][:3] == (45, 45, 45) and seen[-1][3] != seen[0][3]  # the last batch committed it
    assert generation(neo) == before + 1  # one bump for the whole load


def test_a_load_whose_later_batch_fails_leaves_the_store_as_it_was(
    neo: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second and third batches would add articles and extend a stored partnership's
    evidence; the third breaks a uniqueness constraint: the counts, the partnership and
    the generation are those before the load."""
    load_articles(neo, [camau_khammouane()])
    counts, gen = neo.counts(), generation(neo)
    stored = {r["id"]: r for r in neo.query("partners", ids=["ca-mau"], sources_end=1000)}
    real = loader.plan_batch
    calls: list[int] = []

    def third_breaks(view: Lookups, batch: list[object], gaz: Gazetteer) -> tuple[ChangeSet, object]:
        changes, report = real(view, batch, gaz)  # type: ignore[arg-type]
        calls.append(1)
        if len(calls) == 3:  # a key created twice: the engine refuses the statement
            dup = dict(changes.create_nodes["Article"][0])
            changes.create_nodes["Article"] = [*changes.create_nodes["Article"], dup]
        return changes, report

    monkeypatch.setattr(loader, "plan_batch", third_breaks)
    again = camau_khammouane(article_id="0123456789abcdef")  # more evidence for the stored pair
    with pytest.raises(BatchFailed) as info:
        load_articles(neo, [again, kontum_attapeu(), hatinh_khammouane()], batch_size=1)
    monkeypatch.setattr(loader, "plan_batch", real)
    assert neo.counts() == counts
    assert {r["id"]: r for r in neo.query("partners", ids=["ca-mau"], sources_end=1000)} == stored
    assert generation(neo) == gen
    assert info.value.stored == 0
    assert "2 article(s) of earlier batches were rolled back with it" in str(info.value)
    assert "nothing of this run is stored" in str(info.value)
    report = load_articles(neo, [again, kontum_attapeu(), hatinh_khammouane()], batch_size=1)
    assert report.articles == 3 and article_count(neo) == 4  # the re-run stores it all


def test_a_killed_loader_leaves_nothing_and_a_rerun_converges(neo: GraphStore, tmp_path: Path) -> None:
    """The loading process dies after its third batch (no rollback of its own): the server
    rolls its transaction back once the connection is gone."""
    load_articles(neo, articles(3, seed=1))
    counts = neo.counts()
    script = textwrap.dedent(
        """
        import os
        from bench.synthetic import articles
        from ingest.load import load_articles
        from tests.stores import open_neo4j

        done = []

        def die(n):
            done.append(n)
            if len(done) == 3:
                os._exit(9)

        load_articles(open_neo4j(), articles(30, seed=4), batch_size=5, on_batch=die)
        """
    )
    env = {**os.environ, **neo4j_settings()}
    r = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, timeout=120, capture_output=True)
    assert r.returncode == 9, r.stderr.decode(errors="replace")[-2000:]
    assert neo.counts() == counts
    load_articles(neo, articles(30, seed=4), batch_size=5)
    assert article_count(neo) == 33


def test_a_load_larger_than_one_transaction_commits_in_parts(neo: GraphStore) -> None:
    """`whole_load_articles` bounds the transaction: here parts of 4 articles, readers see
    each part (and no batch within one)."""
    from app.store.neo4j import Neo4jStore

    assert isinstance(neo, Neo4jStore)
    neo.whole_load_articles = 4
    seen: list[int] = []
    reader = open_neo4j()
    try:
        load_articles(
            neo, articles(10, seed=5), batch_size=2, on_batch=lambda _: seen.append(article_count(reader))
        )
    finally:
        reader.close()
    assert seen == [0, 4, 4, 8, 10]
    assert neo.load_parts == 2


def test_cli_says_in_one_line_when_a_load_commits_in_parts(neo: GraphStore, tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    write_facts(facts, 6)
    env = {**os.environ, **neo4j_settings(), "VLKG_STORE": "neo4j", "VLKG_DATA_DIR": str(tmp_path)}
    runs = {}
    for limit in ("6", "5"):
        r = subprocess.run(
            [sys.executable, "-m", "app.cli", "ingest", str(facts), "--batch-size", "2"],
            cwd=ROOT,
            env={**env, "VLKG_NEO4J_WHOLE_LOAD_ARTICLES": limit},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert r.returncode == 0, r.stderr
        runs[limit] = [line for line in r.stderr.splitlines() if "VLKG_NEO4J_WHOLE_LOAD_ARTICLES" in line]
    assert runs["6"] == []
    assert len(runs["5"]) == 1 and "commits in parts of up to 5 articles" in runs["5"][0]


def test_api_during_a_neo4j_ingest_sees_only_whole_ingests(neo: GraphStore, tmp_path: Path) -> None:
    """The reader-loop probe of tests/store/test_probes.py, on Neo4j: `vlkg ingest` in a
    subprocess, small batches, and the API asked again and again meanwhile."""
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    write_facts(first, 40)
    write_facts(second, 400)
    assert ingest("neo4j", tmp_path, first, 20).wait() == 0
    s = neo4j_settings()
    settings = Settings(
        VLKG_STORE="neo4j",
        VLKG_DATA_DIR=str(tmp_path),
        NEO4J_URI=s["NEO4J_URI"],
        NEO4J_USER=s["NEO4J_USER"],
        NEO4J_PASSWORD=s["NEO4J_PASSWORD"],
        NEO4J_DATABASE=s["NEO4J_DATABASE"],
    )
    seen: set[int] = set()
    reads = 0
    with TestClient(create_app(None, settings)) as client:
        proc = ingest("neo4j", tmp_path, second, 10)  # the first 40 again, then 360 new ones
        while proc.poll() is None:
            for path in ("/stats", "/health", "/province/Khammouane/partners"):
                r = client.get(path)
                assert r.status_code < 500, (path, r.status_code, r.text)
            seen.add(client.get("/stats").json()["nodes"]["Article"])
            reads += 1
        assert proc.wait() == 0
        seen.add(client.get("/stats").json()["nodes"]["Article"])
    assert reads > 3  # the ingest ran long enough to be read during it
    assert seen <= {40, 400} and 400 in seen, seen
