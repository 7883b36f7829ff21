"""Fixtures shared by the suites: a store per reachable backend, seeds when present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.base import GraphStore
from app.store.embedded import EmbeddedStore
from tests.stores import ON_NEO4J, forget, open_neo4j

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

# With VLKG_STORE=neo4j the whole suite runs on Neo4j; otherwise the contract suite also
# runs on Neo4j when NEO4J_URI is set (a developer's server).
BACKENDS = ["neo4j"] if ON_NEO4J else ["embedded"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


def open_backend(name: str, tmp_path: Path) -> GraphStore:
    if name == "embedded":
        return EmbeddedStore(tmp_path / "store")
    store = open_neo4j()
    store.clear()
    forget()  # a later make_store() clears again
    return store


def pytest_report_header() -> str:
    return (
        f"vlkg store under test: {'neo4j at ' + os.environ.get('NEO4J_URI', '?') if ON_NEO4J else 'embedded'}"
    )


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """The same contract, held against every backend this machine can reach."""
    s = open_backend(request.param, tmp_path)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (the shared folder beside the checkout)")
    return SEEDS
