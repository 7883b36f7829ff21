"""The one interface both graph stores implement.

The API and the loader talk to `GraphStore` only. Reads run named statements from
`cypher/read/`; writes arrive as a `ChangeSet` (rows to create and rows to update per
label or relationship type, worked out by the loader) that a store applies in a single
transaction, so a failing batch leaves nothing half-written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.graph import NODES, RELS
from app.store.cypher import statement

Row = dict[str, Any]


class StoreError(RuntimeError):
    """A store problem the user can act on (unreachable, locked, wrong format)."""


class StoreUnavailable(StoreError):
    pass


class StoreLocked(StoreError):
    pass


@dataclass
class ChangeSet:
    """Rows to create and to update, keyed by label or relationship type."""

    create_nodes: dict[str, list[Row]] = field(default_factory=dict)
    update_nodes: dict[str, list[Row]] = field(default_factory=dict)
    create_rels: dict[str, list[Row]] = field(default_factory=dict)
    update_rels: dict[str, list[Row]] = field(default_factory=dict)

    def statements(self, merge: bool = False) -> list[tuple[str, str, list[Row]]]:
        """(name, statement, rows) in a safe order: nodes before the relationships on them.

        With `merge`, new rows are written with the `merge_*` statements instead of
        `create_*` (see app/graph.py for why Neo4j wants that and LadybugDB does not).
        """
        create = "merge" if merge else "create"
        out: list[tuple[str, str, list[Row]]] = []
        for kinds, created, updated in (
            (NODES, self.create_nodes, self.update_nodes),
            (RELS, self.create_rels, self.update_rels),
        ):
            for kind in kinds:
                for verb, table in ((create, created), ("update", updated)):
                    if rows := table.get(kind):
                        name = f"{verb}_{kind}"
                        out.append((name, statement(f"write/{name}"), rows))
        return out

    def counts(self) -> dict[str, int]:
        return {
            "nodes_created": sum(len(v) for v in self.create_nodes.values()),
            "nodes_updated": sum(len(v) for v in self.update_nodes.values()),
            "rels_created": sum(len(v) for v in self.create_rels.values()),
            "rels_updated": sum(len(v) for v in self.update_rels.values()),
        }

    def __bool__(self) -> bool:
        return any(self.counts().values())


class GraphStore(ABC):
    """A graph database holding the vlkg model."""

    backend: str = "abstract"
    #: Rows per statement when looking up existing keys.
    lookup_batch: int = 5000

    @abstractmethod
    def ensure_schema(self) -> None: ...

    @abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one read statement and return its rows as dicts."""

    @abstractmethod
    def apply(self, changes: ChangeSet) -> None:
        """Apply every statement of `changes` in one transaction, or none of them."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        """Run one write statement in its own transaction."""

    def clear(self) -> None:
        """Delete every node and relationship; the schema stays."""
        self.write(statement("admin/clear"))

    @property
    def writable(self) -> bool:
        return True

    def refresh(self) -> None:  # noqa: B027 - a no-op for stores that see writes at once
        """Pick up writes made by another process, where the store needs telling."""

    @property
    def snapshot(self) -> str | None:
        """A token naming the unchanging data this handle reads, or None when the data may
        change under it (a writable store, a server). Answers may be memoized per token."""
        return None

    # -- conveniences built on `run` ------------------------------------------------------
    def query(self, name: str, **params: Any) -> list[Row]:
        """Run `cypher/read/<name>.cypher` with parameters."""
        return self.run(statement(f"read/{name}"), params)

    def existing_nodes(self, label: str, ids: Iterable[str]) -> dict[str, Row]:
        """Current properties of the nodes among `ids` that exist (diff before create)."""
        keys = list(dict.fromkeys(ids))
        found: dict[str, Row] = {}
        q = statement(f"write/existing_{label}")
        for i in range(0, len(keys), self.lookup_batch):
            for row in self.run(q, {"ids": keys[i : i + self.lookup_batch]}):
                found[row["id"]] = row
        return found

    def existing_rels(self, rtype: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Row]:
        keys = list(dict.fromkeys(pairs))
        found: dict[tuple[str, str], Row] = {}
        q = statement(f"write/existing_{rtype}")
        for i in range(0, len(keys), self.lookup_batch):
            rows = [{"src": s, "dst": d} for s, d in keys[i : i + self.lookup_batch]]
            for row in self.run(q, {"rows": rows}):
                found[(row["src"], row["dst"])] = row
        return found

    def ping(self) -> bool:
        self.run("RETURN 1 AS ok")
        return True

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type (all of them, zeros included)."""
        nodes = {r["label"]: int(r["n"]) for r in self.query("stats_nodes")}
        rels = {r["type"]: int(r["n"]) for r in self.query("stats_rels")}
        return {
            "nodes": {label: nodes.get(label, 0) for label in NODES},
            "relationships": {t: rels.get(t, 0) for t in RELS},
        }

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
