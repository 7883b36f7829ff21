"""The embedded store's bulk path: new rows by `COPY` from Arrow tables, one checkpoint
per load. It must store exactly what the `CREATE` path stores and keep its guarantees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import app.store.embedded as embedded
from app.graph import NODES, RELS
from app.store.base import ChangeSet
from app.store.embedded import DB_FILE, EmbeddedStore
from bench.synthetic import articles
from ingest.load import load_articles
from tests.stores import embedded_only

pytestmark = embedded_only


def _everything(store: EmbeddedStore) -> dict[str, Any]:
    """Every node and relationship with all its properties, in a stable order."""
    out: dict[str, Any] = {}
    for label in NODES:
        ids = [r["id"] for r in store.run(f"MATCH (n:{label}) RETURN n.id AS id")]
        out[label] = sorted(store.existing_nodes(label, ids).values(), key=lambda r: r["id"])
    for rtype, spec in RELS.items():
        pairs = store.run(f"MATCH (a:{spec.src})-[:{rtype}]->(b:{spec.dst}) RETURN a.id AS s, b.id AS d")
        found = store.existing_rels(rtype, [(p["s"], p["d"]) for p in pairs])
        out[rtype] = sorted(found.values(), key=lambda r: (r["src"], r["dst"]))
    return out


def _load(folder: Path, copy: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(embedded, "COPY_MIN_ROWS", 1 if copy else 10**9)
    monkeypatch.setattr(embedded, "COPY_STORE_RATIO", 10**9)  # every batch, whatever is stored
    store = EmbeddedStore(folder)
    try:
        load_articles(store, articles(60, seed=3), batch_size=25)
        load_articles(store, articles(30, seed=4), batch_size=25)  # new facts on stored ones
        return _everything(store)
    finally:
        store.close()


def test_copy_stores_exactly_what_create_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    by_create = _load(tmp_path / "create", False, monkeypatch)
    by_copy = _load(tmp_path / "copy", True, monkeypatch)
    assert by_copy == by_create
    official = by_copy["Official"][0]
    assert isinstance(official["sources"], list) and official["sources"]  # lists round-trip
    assert any(row["organisation"] is None for row in by_copy["Official"])  # and nulls


def _article(key: str) -> dict[str, Any]:
    return {
        "id": key,
        "source": key,
        "url": None,
        "title": None,
        "published": None,
        "year": None,
        "outlet": None,
        "language": "vi",
    }


def test_a_stored_key_fails_the_copy_batch_whole_and_the_keys_can_be_copied_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COPY fails on a duplicate key as CREATE does; after the rollback the store is
    reopened (LadybugDB 0.22 crashes when a rolled-back COPY's keys are copied again on
    the same open database), so loading the same new keys again works."""
    monkeypatch.setattr(embedded, "COPY_MIN_ROWS", 1)
    monkeypatch.setattr(embedded, "COPY_STORE_RATIO", 10**9)
    store = EmbeddedStore(tmp_path)
    try:
        first = ChangeSet(create_nodes={"Article": [_article("stored")]})
        store.apply(first)
        before = store.counts()
        bad = ChangeSet(create_nodes={"Article": [_article("new-1"), _article("stored"), _article("new-2")]})
        with pytest.raises(RuntimeError, match="duplicated primary key"):
            store.apply(bad)
        assert store.counts() == before
        store.apply(ChangeSet(create_nodes={"Article": [_article("new-1"), _article("new-2")]}))
        assert {r["id"] for r in store.run("MATCH (n:Article) RETURN n.id AS id")} == {
            "stored",
            "new-1",
            "new-2",
        }
    finally:
        store.close()


def test_a_load_checkpoints_once_at_its_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "COPY_MIN_ROWS", 10**9)  # COPY would checkpoint on commit
    store = EmbeddedStore(tmp_path)
    try:
        threshold = store.run("CALL current_setting('checkpoint_threshold') RETURN *")
        seen: list[str] = []
        with store.loading():
            load_articles(store, articles(20, seed=5), batch_size=5)
            seen = [
                str(v) for v in store.run("CALL current_setting('checkpoint_threshold') RETURN *")[0].values()
            ]
            wal = tmp_path / f"{DB_FILE}.wal"
            assert wal.exists() and wal.stat().st_size > 0  # nothing checkpointed meanwhile
        assert seen == [str(embedded._NO_AUTO_CHECKPOINT)]
        assert store.run("CALL current_setting('checkpoint_threshold') RETURN *") == threshold
        assert not wal.exists() or wal.stat().st_size == 0
    finally:
        store.close()


def test_a_batch_small_against_the_store_is_not_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A COPY checkpoints the whole store when it commits: only batches that are large
    next to what is stored are COPYed, so a load's checkpoints stay linear in its rows."""
    monkeypatch.setattr(embedded, "COPY_MIN_ROWS", 1)
    monkeypatch.setattr(embedded, "COPY_STORE_RATIO", 4)
    copied: list[str] = []
    store = EmbeddedStore(tmp_path)
    try:
        original = store._handle.conn.execute

        def spy(query: Any, params: Any = None) -> Any:
            if isinstance(query, str) and query.startswith("COPY"):
                copied.append(query)
            return original(query, params)

        monkeypatch.setattr(store._handle.conn, "execute", spy)
        load_articles(store, articles(40, seed=6), batch_size=40)
        assert copied  # 40 new articles next to the provinces alone
        copied.clear()
        load_articles(store, articles(3, seed=7), batch_size=3)
        assert not copied  # 3 next to 40
    finally:
        store.close()
