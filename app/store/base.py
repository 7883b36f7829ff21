"""The one interface both graph stores implement.

The API and the loader talk to `GraphStore` only. Reads run named statements from
`cypher/read/`; writes arrive as a `ChangeSet` (rows to create and rows to update per
label or relationship type, worked out by the loader) that a store applies in a single
transaction, so a failing batch leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.errors import STOPPED, VlkgError
from app.graph import NODES, RELS, parse_cites
from app.store.cypher import statement

Row = dict[str, Any]


class StoreError(VlkgError, RuntimeError):
    """A store problem the user can act on (unreachable, locked, wrong format).

    The message is for the operator (it may name files and server addresses: the CLI
    prints it, the API logs it); `public` is what an anonymous HTTP client may read.
    """

    exit_code = STOPPED
    status = 503
    title = "Graph store error"
    public: str = "the graph store cannot be used now"


class StoreUnavailable(StoreError):
    title = "Graph store unavailable"
    public = "the graph store is not reachable now"


class StoreLocked(StoreError):
    public = "the graph store is in use by another process"


class StoreDamaged(StoreError):
    """A store on disk that cannot be read: `cause` is one of `CAUSES`, said in one line
    with the file and what to do, so the operator never meets an engine traceback."""

    CAUSES = ("damaged", "empty", "missing", "other version", "needs recovery")

    def __init__(self, path: object, cause: str, detail: str, advice: str = "") -> None:
        self.path = str(path)
        self.cause = cause
        self.detail = detail
        self.advice = advice
        message = f"{self.path}: {cause} ({detail})"
        super().__init__(f"{message}; {advice}" if advice else message)

    @property
    def public(self) -> str:  # type: ignore[override]
        return f"the graph store cannot be read ({self.cause})"


@dataclass
class ChangeSet:
    """Rows to create and to update, keyed by label or relationship type.

    `generation`, when set, publishes the load: the store records it in the same
    transaction as these rows, and a reading server moves to the new data only once it
    sees a new generation (so it never serves half an ingest; see `EmbeddedStore`). On
    Neo4j the change set carrying it commits the load's one transaction (`Neo4jStore.loading`).
    """

    generation: str | None = None
    create_nodes: dict[str, list[Row]] = field(default_factory=dict)
    update_nodes: dict[str, list[Row]] = field(default_factory=dict)
    create_rels: dict[str, list[Row]] = field(default_factory=dict)
    update_rels: dict[str, list[Row]] = field(default_factory=dict)

    def statements(self) -> list[tuple[str, str, list[Row]]]:
        """(name, statement, rows) in a safe order: nodes before the relationships on them.

        New rows are written with plain `CREATE` on both engines (the embedded store can
        write the many new rows of a big batch with `COPY` instead, which fails the same
        way; off for now, see `COPY_STORE_RATIO`): a
        key that exists by then breaks the uniqueness constraint and fails the whole
        transaction, instead of a `MERGE ... SET` silently replacing stored properties and
        provenance.
        """
        create = "create"
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


class Lookups(ABC):
    """What the loader plans a batch against: which keys exist, with their properties.

    A store is one; so is the view of a write transaction that Neo4j plans in (see
    `GraphStore.apply_planned`), so the plan reads exactly what the write will change.
    """

    #: Rows per statement when looking up existing keys.
    lookup_batch: int = 5000

    @abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one read statement and return its rows as dicts."""

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


#: Plans a change set from what `Lookups` finds stored.
Planner = Callable[[Lookups], ChangeSet]


class GraphStore(Lookups):
    """A graph database holding the vlkg model."""

    backend: str = "abstract"

    @abstractmethod
    def ensure_schema(self) -> None: ...

    @abstractmethod
    def apply(self, changes: ChangeSet) -> None:
        """Apply every statement of `changes` in one transaction, or none of them."""

    def apply_planned(self, plan: Planner) -> ChangeSet:
        """Plan against the stored data and apply the plan, as one unit of work.

        The plan must see what the write will change: a key planned as new that another
        writer creates in between would fail the batch, and an update planned from stale
        provenance would drop the other writer's evidence. LadybugDB allows one writer per
        database, so planning then applying is already one unit of work there; Neo4j
        overrides this to plan inside its write transaction. `plan` may be called again if
        the store retries the unit of work, so it must not keep state from earlier calls.
        """
        changes = plan(self)
        self.apply(changes)
        return changes

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

    def refresh(self) -> None:
        """Pick up writes made by another process, where the store needs telling."""

    def warm_with(self, warm: Callable[[GraphStore], None]) -> None:
        """Have `warm(view)` prepare each snapshot before it is served (the embedded
        store's read-only handles); stores without snapshots have nothing to prepare."""

    def shed(self) -> None:
        """Let go of what a whole dump paged into the store's caches (the embedded store's
        read-only handle is replaced by a fresh one of the same data); nothing by default."""

    def on_retire(self, retired: Callable[[], None]) -> None:
        """Have `retired()` called each time a snapshot stops being readable (an embedded
        read-only handle swapped out and closed by its last user); stores without
        snapshots never call it."""

    @property
    def retired(self) -> bool:
        """Whether this snapshot can no longer be read (an embedded read-only handle that
        was swapped out and closed): what is kept for it can go (`answers.drop_retired`)."""
        return False

    def refresh_due(self) -> bool:
        """Whether `refresh` has anything to do now. It must not block (the API asks on
        its event loop, then runs `refresh` in the thread pool only when this says so)."""
        return True

    #: Articles a load (`loading`) writes before it commits a part that readers see; None
    #: where a load is seen whole whatever its size (the embedded store publishes it once).
    whole_load_articles: int | None = None

    @contextlib.contextmanager
    def loading(self) -> Iterator[GraphStore]:
        """Around one load of many batches, on the thread that loads: a store may defer
        housekeeping to its end (the embedded store checkpoints once instead of as its log
        grows) or, on a server, write the whole load in one transaction that readers see
        only once it commits (Neo4j). An exception rolls back what the store has not
        committed (`uncommitted_units`). Nothing by default."""
        yield self

    @property
    def uncommitted_units(self) -> int:
        """Units of work (`apply`, `apply_planned`) of the running load that are not
        committed yet, so a failure now loses them with it: 0 where each unit commits."""
        return 0

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        """A view that reads one snapshot from its first query to its last (a request, a
        streamed export), even if the store moves to newer data meanwhile. `dump`: the
        reads of a whole dump, which may stream for minutes (a server store gives them a
        longer time limit than a request's)."""
        yield self

    @property
    def problem_blocks(self) -> bool:
        """Whether `problem` may wait (a server round trip, a lock held by a running
        query): `/health` then asks it from the thread pool, otherwise on the event loop."""
        return True

    def problem(self) -> str | None:
        """Why the store cannot be read now (for `/health`), or None when it can."""
        try:
            self.ping()
        except StoreError as exc:
            return exc.public
        return None

    @property
    def owner(self) -> GraphStore:
        """The handle whose snapshot tokens this one's answers are kept under: itself, or
        for a view that lives one request (a Neo4j read transaction) the store it reads."""
        return self

    @property
    def snapshot(self) -> str | None:
        """A token naming the unchanging data this handle reads, or None when the data may
        change under it (a writable store, a server). Answers may be memoized per token."""
        return None

    # -- conveniences built on `run` ------------------------------------------------------
    def query(self, name: str, **params: Any) -> list[Row]:
        """Run `cypher/read/<name>.cypher` with parameters."""
        return self.run(statement(f"read/{name}"), params)

    def stream(
        self, query: str, params: Mapping[str, Any] | None = None, size: int = 500
    ) -> Iterator[list[Row]]:
        """Run one read statement and hand its rows on `size` at a time, for a result too
        large to hold as dicts (an export's relationship table). This default runs it whole;
        the stores override it to pull rows from the engine as they are handed on."""
        rows = self.run(query, params)
        for i in range(0, len(rows), max(1, size)):
            yield rows[i : i + size]

    def cited_by(self, article: str) -> dict[str, list[Row]]:
        """The facts `article` supports, by label or type in model order (sourced nodes, then
        sourced relationships), each kind's rows as `export_one_*` / `export_pair_*` return
        them (in key order: the order of the scans they replace); empty when there is no
        such article.

        Read from the article's `cites` (app/graph.py), then the facts by key: one lookup
        per label and one per relationship the article cites, where `$id IN x.sources`
        scanned every element of every label and type (`scan_citing_*` still does, for
        the tests and the bench).
        """
        found = self.query("article_cites", id=article)
        if not found:
            return {}
        out: dict[str, list[Row]] = {}
        for kind, keys in parse_cites(found[0]["cites"]).items():
            if kind in NODES:
                rows = self.query(f"export_one_{kind}", ids=[k[0] for k in keys])
            else:  # one query per relationship: see `export_pair_*` in app/store/statements.py
                rows = [r for s, d in keys for r in self.query(f"export_pair_{kind}", src=s, dst=d)]
            if rows:
                out[kind] = rows
        return out

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
