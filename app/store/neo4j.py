"""Neo4j store through the official driver: one driver per process, managed transactions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

from app.store.base import ChangeSet, GraphStore, Row, StoreUnavailable
from app.store.cypher import script


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = uri
        self.database = database
        self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri}: {exc}") from exc
        self.ensure_schema()

    def ensure_schema(self) -> None:
        for stmt in script("schema.neo4j"):
            self._driver.execute_query(stmt, database_=self.database)

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        try:
            records, _, _ = self._driver.execute_query(
                query, dict(params or {}), database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} stopped answering: {exc}") from exc
        return [_plain(r.data()) for r in records]

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        try:
            self._driver.execute_query(query, dict(params or {}), database_=self.database)
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} stopped answering: {exc}") from exc

    def apply(self, changes: ChangeSet) -> None:
        stmts = changes.statements(merge=True)  # MERGE: safe beside other writers
        if not stmts:
            return

        def work(tx: neo4j.ManagedTransaction) -> None:
            for _name, query, rows in stmts:
                tx.run(query, {"rows": rows}).consume()

        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} stopped answering: {exc}") from exc

    def close(self) -> None:
        self._driver.close()


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Neo4j temporal values to ISO strings, so both stores return the same shapes."""
    out = {}
    for key, value in row.items():
        out[key] = value.iso_format() if hasattr(value, "iso_format") else value
    return out
