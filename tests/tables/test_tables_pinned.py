"""The tables read one snapshot, as a dump does (issue 11): one pinned view, which on
Neo4j is one read transaction, and nothing read outside it. Runs on either store."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from app.store.base import ChangeSet, GraphStore, Row
from app.tables import write_tables, write_xlsx
from ingest.load import load_articles
from ingest.pipeline import extract_paths
from tests.stores import ON_NEO4J, forget, make_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class OnlyPinned(GraphStore):
    """A store whose reads must go through `pinned`: a read on the store itself fails."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.backend = store.backend
        self.pins: list[bool] = []

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        raise AssertionError(f"read outside one snapshot: {query[:60]}")

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        self.pins.append(dump)
        with self.store.pinned(dump=dump) as view:
            yield view

    def ensure_schema(self) -> None:
        raise AssertionError("the tables only read")

    def apply(self, changes: ChangeSet) -> None:
        raise AssertionError("the tables only read")

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        raise AssertionError("the tables only read")

    def close(self) -> None:
        """The wrapped store is closed by its owner."""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = make_store(tmp_path_factory.mktemp("pinned-tables") / "store")
    run = extract_paths(sorted(SAMPLES.glob("*.txt")))
    assert not run.failures
    load_articles(store, run.articles)
    try:
        yield store
    finally:
        store.close()
        forget()


def test_csv_tables_read_one_pinned_snapshot(loaded: GraphStore, tmp_path: Path) -> None:
    reader = OnlyPinned(loaded)
    counts = write_tables(reader, tmp_path)
    assert reader.pins == [True]  # one view, with a dump's time limit
    assert counts["articles"] == 5 and counts["partnerships"] > 0


def test_xlsx_tables_read_one_pinned_snapshot(loaded: GraphStore, tmp_path: Path) -> None:
    reader = OnlyPinned(loaded)
    counts = write_xlsx(reader, tmp_path / "vlkg.xlsx")
    assert reader.pins == [True]
    assert counts["articles"] == 5


@pytest.mark.skipif(not ON_NEO4J, reason="Neo4j transactions")
def test_on_neo4j_the_tables_are_one_read_transaction(
    loaded: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import neo4j as n4

    opened: list[object] = []
    real = n4._PinnedView._open

    def counted(view: n4._PinnedView) -> Any:
        tx = real(view)
        if not opened or opened[-1] is not tx:
            opened.append(tx)
        return tx

    def no_autocommit(*_: object, **__: object) -> list[Row]:
        raise AssertionError("an auto-commit read outside the tables' transaction")

    monkeypatch.setattr(n4._PinnedView, "_open", counted)
    monkeypatch.setattr(n4.Neo4jStore, "run", no_autocommit)
    counts = write_tables(loaded, tmp_path)
    assert len(opened) == 1 and counts["articles"] == 5
