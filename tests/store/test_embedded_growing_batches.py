"""A load's batches grow with what it has loaded (`load_articles(batch_max=...)`,
`VLKG_BATCH_MAX`): 5, 5, 10, 20 ... up to the cap. What is stored must be exactly what
fixed batches (and one batch) store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.store.embedded import EmbeddedStore
from bench.synthetic import articles
from ingest.load import load_articles
from tests.store.test_embedded_copy import _everything
from tests.stores import embedded_only

pytestmark = embedded_only


def _load(folder: Path, batch_size: int, batch_max: int | None) -> tuple[dict[str, Any], list[int]]:
    sizes: list[int] = []
    store = EmbeddedStore(folder)
    try:
        arts = articles(130, seed=21)
        load_articles(store, arts[:100], batch_size=batch_size, batch_max=batch_max, on_batch=sizes.append)
        load_articles(store, arts[60:], batch_size=batch_size, batch_max=batch_max)  # known and new facts
        return _everything(store), sizes
    finally:
        store.close()


def test_batches_double_up_to_the_cap(tmp_path: Path) -> None:
    _, sizes = _load(tmp_path / "grow", 5, 20)
    assert sizes == [5, 5, 10, 20, 20, 20, 20]


def test_fixed_batches_without_a_cap_above_the_size(tmp_path: Path) -> None:
    _, sizes = _load(tmp_path / "fixed", 10, None)
    assert sizes == [10] * 10
    _, sizes = _load(tmp_path / "low", 10, 4)  # a cap below the size: fixed batches
    assert sizes == [10] * 10


def test_growing_batches_store_what_fixed_batches_and_one_batch_store(tmp_path: Path) -> None:
    grown, _ = _load(tmp_path / "grow", 5, 40)
    fixed, _ = _load(tmp_path / "fixed", 5, None)
    one, _ = _load(tmp_path / "one", 1000, None)
    assert grown == fixed == one
