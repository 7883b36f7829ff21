"""The embedded store rewrites a changed relationship (delete, then create with every
property, in the batch's transaction) instead of `SET` in place. What is stored must be
exactly what one batch, which updates nothing, stores: no relationship lost or doubled,
no property dropped, provenance still the union in article order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from app.graph import RELS
from app.store.base import ChangeSet
from app.store.embedded import EmbeddedStore
from bench.synthetic import articles
from ingest.load import load_articles
from tests.store.test_embedded_copy import _everything
from tests.stores import embedded_only

pytestmark = embedded_only


def _rel_counts(store: EmbeddedStore) -> dict[str, int]:
    return {
        rtype: store.run(f"MATCH (:{spec.src})-[r:{rtype}]->(:{spec.dst}) RETURN count(r) AS n")[0]["n"]
        for rtype, spec in RELS.items()
    }


def _load(
    folder: Path, batch_size: int, monkeypatch: pytest.MonkeyPatch, spy: list[str] | None = None
) -> tuple[dict[str, Any], dict[str, int]]:
    store = EmbeddedStore(folder)
    try:
        if spy is not None:
            original = store._handle.conn.execute

            def record(query: Any, params: Any = None) -> Any:
                if isinstance(query, str) and query.rstrip().endswith("DELETE r"):
                    spy.append(query)
                return original(query, params)

            monkeypatch.setattr(store._handle.conn, "execute", record)
        arts = articles(120, seed=11)
        load_articles(store, arts, batch_size=batch_size)
        load_articles(store, arts[:40], batch_size=batch_size)  # again: nothing may change
        return _everything(store), _rel_counts(store)
    finally:
        store.close()


def test_rewritten_relationships_store_what_one_batch_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rewrites: list[str] = []
    in_small, counts_small = _load(tmp_path / "small", 10, monkeypatch, rewrites)
    in_one, counts_one = _load(tmp_path / "one", 1000, monkeypatch)
    assert rewrites  # later batches did change stored relationships
    assert counts_small == counts_one
    assert {rtype: len(in_small[rtype]) for rtype in RELS} == counts_small  # one per pair
    assert in_small == in_one
    assert any(len(row["sources"]) > 1 for row in in_small["PARTNERS_WITH"])  # unions across batches


def test_a_failing_batch_keeps_the_relationships_it_would_have_rewritten(tmp_path: Path) -> None:
    """Delete and create run in the batch's transaction: a batch that fails after them
    leaves the stored relationship as it was."""
    store = EmbeddedStore(tmp_path)
    try:
        load_articles(store, articles(30, seed=12), batch_size=30)
        before = _everything(store)
        pair = before["PARTY_TO"][0]
        changed = {**pair, "sources": [*pair["sources"], "another-article"]}
        # a later table of the same batch fails (a value of the wrong type): after the rewrite
        broken = {**before["OFFICIAL_OF"][0], "confidence": "not a number"}
        bad = ChangeSet(update_rels={"PARTY_TO": [changed], "OFFICIAL_OF": [broken]})
        with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
            store.apply(bad)
        assert _everything(store) == before
    finally:
        store.close()
