"""The store the suite runs on: LadybugDB by default, the Neo4j server with VLKG_STORE=neo4j.

`.ci/run` runs the whole suite twice, the second time with `VLKG_STORE=neo4j` and
`NEO4J_URI` (+ user, password, database) pointing at the server scripts/neo4j.sh started.
Tests open stores through `make_store(path)` so the same test runs on either: on Neo4j,
the one test database stands for every `path`; opening a path the suite has not opened
before clears it (a fresh store, as a new LadybugDB folder is), reopening the same path
keeps its data (as reopening a folder does). Tests about LadybugDB itself (its files,
locks, read-only snapshots) are marked `embedded_only` and skipped on the Neo4j run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.base import GraphStore

STORE = os.environ.get("VLKG_STORE", "embedded")
ON_NEO4J = STORE == "neo4j"

embedded_only = pytest.mark.skipif(
    ON_NEO4J, reason="about LadybugDB itself (files, locks or read-only snapshots); not a Neo4j behaviour"
)

_current: Path | None = None


def neo4j_settings() -> dict[str, str]:
    """The Neo4j connection the suite was given (also passed to `vlkg` subprocesses)."""
    return {
        "NEO4J_URI": os.environ["NEO4J_URI"],
        "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "neo4j"),
        "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j"),
    }


def open_neo4j() -> GraphStore:
    from app.store.neo4j import Neo4jStore

    s = neo4j_settings()
    return Neo4jStore(s["NEO4J_URI"], s["NEO4J_USER"], s["NEO4J_PASSWORD"], s["NEO4J_DATABASE"])


def make_store(path: Path, read_only: bool = False) -> GraphStore:
    """The store "in" `path`: a LadybugDB folder, or the Neo4j database standing for it."""
    global _current
    if not ON_NEO4J:
        from app.store.embedded import EmbeddedStore

        return EmbeddedStore(path, read_only=read_only)
    store = open_neo4j()
    if _current != path:
        store.clear()
        _current = path
    return store


def forget() -> None:
    """The next `make_store` clears the Neo4j database whatever its path."""
    global _current
    _current = None


def cleared_neo4j() -> Iterator[GraphStore]:
    """The Neo4j database, empty, for tests about the Neo4j server itself; emptied again
    after the test, and the next `make_store` starts afresh too."""
    store = open_neo4j()
    store.clear()
    forget()
    try:
        yield store
    finally:
        store.clear()
        store.close()
