"""Fixtures shared by the suites: a store per reachable backend, seeds when present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.base import GraphStore
from app.store.embedded import EmbeddedStore

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

BACKENDS = ["embedded"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


def open_backend(name: str, tmp_path: Path) -> GraphStore:
    if name == "embedded":
        return EmbeddedStore(tmp_path / "store")
    from app.store.neo4j import Neo4jStore

    store = Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", "neo4j"),
        os.environ.get("NEO4J_DATABASE", "neo4j"),
    )
    store.clear()
    return store


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
