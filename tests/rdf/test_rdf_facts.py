"""The hand-written RDF test facts (tests/rdf_facts.py) load whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.base import GraphStore
from tests.rdf_facts import loaded_store


@pytest.fixture
def rdf_store(tmp_path: Path) -> Iterator[GraphStore]:
    with loaded_store(tmp_path / "store") as store:
        yield store


def test_the_facts_load_whole(rdf_store: GraphStore) -> None:
    counts = rdf_store.counts()
    assert counts["nodes"]["Article"] == 5
    assert counts["relationships"]["PARTNERS_WITH"] == 5
    assert counts["nodes"]["Official"] == 2
