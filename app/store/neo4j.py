"""Neo4j store through the official driver: one driver per process, managed transactions.

Why it is built this way:
- A load (`loading()`, around all the batches of one `vlkg ingest`) is one explicit write
  transaction, committed once at its end, so readers see the graph before the load or
  after it, never between (issue 11; the embedded store gets there with read-only
  snapshots, Neo4j Community has one database and read-committed reads, so the only way
  to hide a running load is not to commit it). Its first statement writes the
  `Meta {key: 'load_lock'}` node, which takes that node's write lock until commit, so
  concurrent loaders (two `vlkg ingest`) run one after the other, each planning from what
  the one before committed; each batch plans with lookups in that transaction
  (`apply_planned`), so it sees the batches before it. A failing statement ends the
  transaction and the whole load is rolled back, as is a load whose client dies: nothing
  of it is stored, nothing stored before is touched. The transaction's state lives in the
  server's heap until commit, so a load that writes more than `whole_load_articles`
  articles commits in parts of that many (each part whole, readers see the parts; the CLI
  says so); the default, 10,000, fits the 1 GB heap of scripts/neo4j.sh (docs/benchmarks.md).
- Outside `loading()`, `apply_planned` is one managed write transaction per call (same
  lock, retried on transient errors). New rows are plain `CREATE`s: a key that exists
  after all breaks the uniqueness constraint and the unit fails whole; stored properties
  and provenance are never replaced by a blind `MERGE`.
- Every driver failure that means "the store is not reachable, not ready, or refuses our
  credentials" becomes `StoreUnavailable` (the API's 503, the CLI's one line and exit
  120); other server errors keep their type, they are bugs to see.
- Reads give up quickly (short connection and retry timeouts, a server-side transaction
  timeout), so `/health` answers within its own limit when the server is gone, and the
  driver reconnects by itself once it is back.
- Writes and reads share the driver's bookmark manager, so on a cluster a batch sees the
  batch before it and a read after a load sees the load.
- Answers are cached by the load generation: each load that changes the graph bumps
  `Meta {key: 'generation'}` with a new random token in its commit (once per load, or
  per part), `refresh`
  (once per API request) reads it with one indexed lookup, and `snapshot` is that token.
  The token is read before the request's queries, so what is cached under it is at least
  as new as the load it names; after `clear` there is no token (no caching) until a load.
- `pinned()` (each API request, each streamed export from its first byte to its last)
  runs every read in one read transaction, opened at the first read. Neo4j reads at
  read-committed isolation, so the transaction alone does not freeze the data; a dump
  taken during a load is whole because the load commits once (or, above
  `whole_load_articles`, in whole parts that each commit articles with all their facts
  and never delete), and the dump cuts every fact to the articles it listed first
  (app/rdf/export.py). Reads take no locks, so they never wait on a load's write locks.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from typing import Any, NoReturn

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from app.graph import MIGRATES_FROM, STORE_FORMAT
from app.store.base import ChangeSet, GraphStore, Lookups, Planner, Row, StoreError, StoreUnavailable
from app.store.cypher import script, statement
from app.store.migrate import fill_cites

log = logging.getLogger(__name__)

#: Seconds a read may take on the server before it is cancelled (a query, not a load).
READ_TIMEOUT = 10.0
#: Seconds the reads of one API request may take together on the server (they share one
#: transaction, so the per-query READ_TIMEOUT does not apply to them).
REQUEST_TIMEOUT = 30.0
#: Seconds a dump (a streamed export) may keep its read transaction open on the server: a
#: dump of a large graph streams for minutes.
PINNED_TIMEOUT = 3600.0
#: Seconds a load's unit of work is retried on transient errors (deadlock, leader switch);
#: a whole load (`loading`) retries only its start (taking the load lock), nothing is
#: written by then.
WRITE_RETRY_TIME = 30.0
#: Articles a load writes in one transaction before it commits a part and goes on in a new
#: one (`loading`); the setting VLKG_NEO4J_WHOLE_LOAD_ARTICLES. A transaction of 10,000
#: synthetic articles peaked at 518 MB, under the 717 MB Neo4j allows transactions on the
#: 1 GB heap of scripts/neo4j.sh and docker-compose.yml; 50,000 took 2.3 GB (a 4 GB heap).
#: docs/benchmarks.md, "Neo4j: one transaction per load".
WHOLE_LOAD_ARTICLES = 10_000
#: Driver settings that keep a missing server from stalling a request for long.
DRIVER_CONFIG: dict[str, Any] = {
    "connection_timeout": 2.0,
    "connection_acquisition_timeout": 3.0,
    "max_transaction_retry_time": 1.0,  # reads: /health answers within its 4 s (Dockerfile)
    "notifications_min_severity": "OFF",  # unknown labels on an empty graph are not news
}
#: Server error codes that mean "not usable now" rather than "your query is wrong".
UNAVAILABLE_CODES = (
    "Neo.ClientError.Database.DatabaseNotFound",
    "Neo.ClientError.Security.",
    "Neo.TransientError.",
    "Neo.DatabaseError.Database.DatabaseUnavailable",
    "Neo.ClientError.Transaction.TransactionTimedOut",  # a read past its limit: not answering now
)


def unavailable(exc: BaseException) -> bool:
    """Whether a driver error means the store cannot be used now (503), not a bug (500)."""
    if isinstance(exc, ServiceUnavailable | SessionExpired | TransientError | AuthError | OSError):
        return True
    if isinstance(exc, DriverError) and not isinstance(exc, ConfigurationError):
        return True  # pool exhausted, connection acquisition timed out, broken session
    code = getattr(exc, "code", None) or ""
    return isinstance(exc, Neo4jError) and code.startswith(UNAVAILABLE_CODES)


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str = "neo4j",
        whole_load_articles: int = WHOLE_LOAD_ARTICLES,
    ) -> None:
        self.uri = uri
        self.database = database
        self.whole_load_articles: int | None = whole_load_articles
        self._local = threading.local()  # the load (`_Load`) this thread has open, if any
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), **DRIVER_CONFIG)
        except (ValueError, ConfigurationError) as exc:
            raise StoreError(
                f"NEO4J_URI {uri!r} is not a Neo4j address ({exc}); write it like bolt://localhost:7687"
            ) from exc
        self._bookmarks = self._driver.execute_query_bookmark_manager
        self._generation: str | None = None
        self._reads = self._stored = 0  # refreshes begun, and the latest begun one stored
        self._generation_lock = threading.Lock()
        try:
            self._driver.verify_connectivity()
            self.ensure_schema()
        except Exception as exc:
            self._driver.close()
            if isinstance(exc, StoreError):
                raise
            if unavailable(exc) or isinstance(exc, ClientError):
                raise StoreUnavailable(
                    f"cannot reach Neo4j at {uri} (database {database!r}): {_short(exc)}"
                ) from exc
            raise

    # -- errors ---------------------------------------------------------------------------
    def _fail(self, exc: Exception) -> NoReturn:
        if unavailable(exc):
            raise StoreUnavailable(f"Neo4j at {self.uri} stopped answering: {_short(exc)}") from exc
        raise exc

    # -- schema and format marker ---------------------------------------------------------
    def ensure_schema(self) -> None:
        """Constraints and indexes (idempotent), then the store-format marker, checked first.

        A database written by another graph format (`STORE_FORMAT`) is refused with a
        message rather than read wrongly, but one this vlkg migrates (`MIGRATES_FROM`) is
        migrated in place; an empty database gets the marker.
        """
        for stmt in script("schema.neo4j"):
            self._driver.execute_query(stmt, database_=self.database)
        records, _, _ = self._driver.execute_query(statement("read/meta"), database_=self.database)
        found = next((d["value"] for d in (r.data() for r in records) if d.get("key") == "format"), None)
        if found in MIGRATES_FROM:
            self._migrate(found)
        elif found is not None and found != STORE_FORMAT:
            raise StoreError(
                f"the Neo4j database {self.database!r} at {self.uri} holds graph format {found}; this vlkg "
                f"writes {STORE_FORMAT}. Re-ingest into an empty database."
            )
        if found is None:
            self._driver.execute_query(
                statement("set_meta"),
                {"rows": [{"key": "format", "value": STORE_FORMAT}, {"key": "engine", "value": "neo4j"}]},
                database_=self.database,
            )

    def _migrate(self, stored: str) -> None:
        """A vlkg-graph/2 database to `STORE_FORMAT` (app/store/migrate.py): every article's
        `cites` and the format in one write transaction under the load lock, so no load runs
        meanwhile and a migration cut short leaves a /2 database to migrate again."""

        def work(tx: neo4j.ManagedTransaction) -> int:
            tx.run(statement("admin/load_lock.neo4j"), {"token": uuid.uuid4().hex}).consume()
            rows = _TxLookups(tx).run(statement("read/meta"))
            if next((r["value"] for r in rows if r["key"] == "format"), None) != stored:
                return -1  # another process migrated it while we waited for the lock
            articles = fill_cites(_TxLookups(tx).run)
            tx.run(statement("set_meta"), {"rows": [{"key": "format", "value": STORE_FORMAT}]}).consume()
            tx.run(statement("admin/bump_generation.neo4j"), {"token": uuid.uuid4().hex}).consume()
            return articles

        started = time.monotonic()
        with self._session() as session:
            articles = session.execute_write(work)
        if articles >= 0:
            log.warning(
                "Neo4j database %r at %s: migrated graph format %s to %s in place "
                "(Article.cites of %d articles, %.1f s)",
                self.database,
                self.uri,
                stored,
                STORE_FORMAT,
                articles,
                time.monotonic() - started,
            )

    def clear(self) -> None:
        """Delete everything in batches, relationships before nodes (one huge transaction
        would need the whole graph in memory, and a province's relationships alone are
        tens of thousands); the schema stays, and the format marker is written again."""
        try:
            with self._session() as session:
                for name in ("admin/clear_rels_batch.neo4j", "admin/clear_batch.neo4j"):
                    while session.execute_write(_delete_some, name):
                        pass
            self.ensure_schema()
        except Exception as exc:
            self._fail(exc)
        with self._generation_lock:  # no token until a load; reads begun before count for nothing
            self._stored = self._reads
            self._generation = None

    # -- reads and writes -----------------------------------------------------------------
    def _session(self) -> neo4j.Session:
        """A session for writes: same bookmarks as the reads, patient retries."""
        return self._driver.session(
            database=self.database,
            bookmark_manager=self._bookmarks,
            max_transaction_retry_time=WRITE_RETRY_TIME,
        )

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        try:
            records, _, _ = self._driver.execute_query(
                neo4j.Query(query, timeout=READ_TIMEOUT),  # type: ignore[arg-type]
                dict(params or {}),
                database_=self.database,
                routing_=neo4j.RoutingControl.READ,
            )
        except Exception as exc:
            self._fail(exc)
        return [_plain(r.data()) for r in records]

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        try:
            self._driver.execute_query(query, dict(params or {}), database_=self.database)
        except Exception as exc:
            self._fail(exc)

    def apply(self, changes: ChangeSet) -> None:
        """Write a change set planned elsewhere, in one transaction (new keys must be new);
        inside `loading`, in the load's transaction."""
        if changes or changes.generation is not None:
            self.apply_planned(lambda _view: changes)

    def apply_planned(self, plan: Planner) -> ChangeSet:
        """Plan with lookups inside the write transaction, under the load lock, and apply:
        inside `loading`, the load's one transaction; otherwise a transaction of its own."""
        load = self._load()
        if load is not None:
            written = load.articles
            try:
                return load.apply(plan)
            except Exception as exc:
                if isinstance(exc, Neo4jError) and "Memory" in (exc.code or ""):
                    smaller = (
                        f"set VLKG_NEO4J_WHOLE_LOAD_ARTICLES to at most {written} (the load then "
                        "commits in parts)"
                        if written
                        else "load smaller batches (--batch-size)"
                    )
                    raise StoreError(
                        f"the load's transaction outgrew the memory Neo4j at {self.uri} gives "
                        f"transactions, with {written} article(s) in it ({_short(exc)}): "
                        f"{smaller} or give Neo4j more heap (NEO4J_HEAP)"
                    ) from exc
                self._fail(exc)
        return self._write_unit(plan)

    def _load(self) -> _Load | None:
        load: _Load | None = getattr(self._local, "load", None)
        return load

    @contextlib.contextmanager
    def loading(self) -> Iterator[GraphStore]:
        """One load in one write transaction, committed when a batch publishes the load
        (`ChangeSet.generation`, its last) or at the end; rolled back on any exception, so
        a failed load stores nothing of itself. Past `whole_load_articles` articles it
        commits a part and goes on in a new transaction. Loads on one thread nest (the
        inner one joins the outer); other threads, and reads, are outside it."""
        outer = self._load()
        if outer is not None:
            yield self
            return
        load = _Load(self)
        self._local.load = load
        try:
            yield self
            load.finish()
        except BaseException:
            load.abort()
            raise
        finally:
            self._local.load = None

    @property
    def uncommitted_units(self) -> int:
        """Units of work of this thread's load in its open (or just failed) transaction."""
        return load.units if (load := self._load()) is not None else 0

    @property
    def load_parts(self) -> int:
        """Parts the last load on this thread committed before its last (0: it was whole)."""
        return int(getattr(self._local, "parts", 0))

    def _write_unit(self, plan: Planner) -> ChangeSet:
        def work(tx: neo4j.ManagedTransaction) -> ChangeSet:
            tx.run(statement("admin/load_lock.neo4j"), {"token": uuid.uuid4().hex}).consume()  # waits
            changes = plan(_TxLookups(tx))
            for _name, query, rows in changes.statements():
                tx.run(query, {"rows": rows}).consume()
            if changes:
                tx.run(statement("admin/bump_generation.neo4j"), {"token": uuid.uuid4().hex}).consume()
            return changes

        try:
            with self._session() as session:
                return session.execute_write(work)
        except Exception as exc:
            self._fail(exc)

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        """A view that runs all its reads in one read transaction, closed on exit: within
        `REQUEST_TIMEOUT` for a request, `PINNED_TIMEOUT` for a dump."""
        view = _PinnedView(self, PINNED_TIMEOUT if dump else REQUEST_TIMEOUT)
        try:
            yield view
        finally:
            view.finish()

    # -- answer caching by load generation -----------------------------------------------
    def refresh(self) -> None:
        """Read the load generation (one lookup by the `Meta` key): the API calls this once
        per request, so a load committed before the request is seen by it. Of concurrent
        refreshes, the one begun last wins: an older read finishing late never takes the
        handle back to a generation before a load that a later request already saw."""
        with self._generation_lock:
            self._reads += 1
            mine = self._reads
        rows = self.run(statement("admin/generation.neo4j"))
        token = rows[0].get("token") if rows else None
        with self._generation_lock:
            if mine > self._stored:
                self._stored = mine
                self._generation = f"{rows[0]['generation']}:{token}" if rows and token else None

    @property
    def snapshot(self) -> str | None:
        """The load generation `refresh` last read (None before any load, and after
        `clear`): answers cached under it were computed from that load or a newer one."""
        return self._generation

    def close(self) -> None:
        self._driver.close()


#: Rows deleted per transaction by `clear`.
CLEAR_BATCH = 10_000


def _delete_some(tx: neo4j.ManagedTransaction, name: str) -> int:
    """Up to `CLEAR_BATCH` relationships or nodes deleted by the statement `name`."""
    record = tx.run(statement(name), {"limit": CLEAR_BATCH}).single()
    return int(record["deleted"]) if record else 0


class _Load:
    """The open write transaction of one load (`Neo4jStore.loading`), begun at its first
    unit of work: the load lock, then every batch's lookups and writes, one commit."""

    def __init__(self, store: Neo4jStore) -> None:
        self._store = store
        self._session: neo4j.Session | None = None
        self._tx: neo4j.Transaction | None = None
        self.units = 0  # units of work in the open transaction: lost if it fails now
        self.articles = 0  # Article rows it writes: what `whole_load_articles` bounds
        self._changed = False  # whether it changes the graph (bump the generation)
        store._local.parts = 0

    def _begin(self) -> neo4j.Transaction:
        """The transaction, with the load lock taken (waiting for another loader's commit).
        Retried on transient errors for `WRITE_RETRY_TIME`: nothing is written yet."""
        if self._tx is not None:
            return self._tx
        deadline = time.monotonic() + WRITE_RETRY_TIME
        while True:
            self._session = self._store._session()
            try:
                tx = self._session.begin_transaction()
                tx.run(statement("admin/load_lock.neo4j"), {"token": uuid.uuid4().hex}).consume()
            except TransientError:
                self._close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
                continue
            except BaseException:
                self._close()
                raise
            self._tx = tx
            return tx

    def apply(self, plan: Planner) -> ChangeSet:
        tx = self._begin()
        try:
            changes = plan(_TxLookups(tx))
            for _name, query, rows in changes.statements():
                tx.run(query, {"rows": rows}).consume()
        except BaseException:
            self.abort()  # Neo4j has ended the transaction on a failed statement anyway
            raise
        self._changed = self._changed or bool(changes)
        written = sum(len(t.get("Article", [])) for t in (changes.create_nodes, changes.update_nodes))
        self.articles += written
        limit = self._store.whole_load_articles
        if changes.generation is not None:
            self.commit()  # the load's last batch: publish it now, in the batch's unit of work
        elif limit is not None and self.articles + written > limit:
            # a part, before a next batch like this one would take it past the limit:
            # readers see it (the CLI said so before the load)
            self.commit()
            self._store._local.parts += 1
        else:
            self.units += 1  # counted once it is in, so a failed commit counts only those before
        return changes

    def commit(self) -> None:
        """Bump the generation if the graph changed and commit; or roll back, if it did not."""
        tx = self._tx
        if tx is None:
            return
        try:
            if self._changed:
                tx.run(statement("admin/bump_generation.neo4j"), {"token": uuid.uuid4().hex}).consume()
                tx.commit()
            else:
                tx.rollback()  # nothing to publish: leave even the lock node's token as it was
        except BaseException:
            self.abort()
            raise
        self._close()
        self.units = self.articles = 0
        self._changed = False

    def finish(self) -> None:
        """The end of the load: commit what a last batch did not (writes without one)."""
        self.commit()

    def abort(self) -> None:
        """Roll back the open transaction, if any: nothing of it stays."""
        tx = self._tx
        with contextlib.suppress(Exception):
            if tx is not None:
                tx.close()  # rolls back an open transaction
        self._close()

    def _close(self) -> None:
        session, self._session, self._tx = self._session, None, None
        with contextlib.suppress(Exception):
            if session is not None:
                session.close()


class _TxLookups(Lookups):
    """The loader's lookups, run inside the load's write transaction."""

    def __init__(self, tx: neo4j.ManagedTransaction | neo4j.Transaction) -> None:
        self._tx = tx

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return [_plain(r.data()) for r in self._tx.run(query, dict(params or {}))]


class _PinnedView(GraphStore):
    """The reads of one request or one streamed export, in one read transaction.

    The session and transaction open at the first read (a request answered from the cache
    costs no round trip) and close in `finish`. Writes go to the store, outside it.
    """

    backend = "neo4j"

    def __init__(self, store: Neo4jStore, timeout: float) -> None:
        self._store = store
        self._timeout = timeout
        self._session: neo4j.Session | None = None
        self._tx: neo4j.Transaction | None = None

    def _open(self) -> neo4j.Transaction:
        if self._tx is None:
            store = self._store
            self._session = store._driver.session(
                database=store.database,
                bookmark_manager=store._bookmarks,
                default_access_mode=neo4j.READ_ACCESS,
            )
            self._tx = self._session.begin_transaction(timeout=self._timeout)
        return self._tx

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        try:
            result = self._open().run(query, dict(params or {}))
            return [_plain(r.data()) for r in result]
        except Exception as exc:
            self.finish()  # a failed transaction cannot run more; the next read opens one
            self._store._fail(exc)

    def stream(
        self, query: str, params: Mapping[str, Any] | None = None, size: int = 500
    ) -> Iterator[list[Row]]:
        """The rows as the server sends them (the driver fetches in batches), `size` at a
        time, in this view's transaction."""
        try:
            result = self._open().run(query, dict(params or {}))
            rows: list[Row] = []
            for record in result:
                rows.append(_plain(record.data()))
                if len(rows) >= size:
                    yield rows
                    rows = []
            if rows:
                yield rows
        except Exception as exc:
            self.finish()
            self._store._fail(exc)

    def finish(self) -> None:
        """Close the transaction (nothing to commit: it only read) and the session."""
        tx, session, self._tx, self._session = self._tx, self._session, None, None
        with contextlib.suppress(Exception):
            if tx is not None:
                tx.close()
        with contextlib.suppress(Exception):
            if session is not None:
                session.close()

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        """Itself; a dump asked for in a request (a streamed export, which outlives the
        request) gets its own transaction with the dump's time limit."""
        if not dump or self._timeout >= PINNED_TIMEOUT:
            yield self
            return
        with self._store.pinned(dump=True) as view:
            yield view

    @property
    def snapshot(self) -> str | None:
        return self._store.snapshot

    @property
    def owner(self) -> GraphStore:
        return self._store

    def problem(self) -> str | None:
        return self._store.problem()

    def ensure_schema(self) -> None:
        self._store.ensure_schema()

    def apply(self, changes: ChangeSet) -> None:
        self._store.apply(changes)

    def apply_planned(self, plan: Planner) -> ChangeSet:
        return self._store.apply_planned(plan)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self._store.write(query, params)

    def clear(self) -> None:
        self._store.clear()

    def refresh(self) -> None:
        self._store.refresh()

    def close(self) -> None:
        """The view belongs to its store; closing it ends only its transaction."""
        self.finish()


def _short(exc: BaseException) -> str:
    """The first line of a driver error, without the GQL status boilerplate."""
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return str(text).splitlines()[0][:300]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Neo4j temporal values to ISO strings, so both stores return the same shapes."""
    out = {}
    for key, value in row.items():
        out[key] = value.iso_format() if hasattr(value, "iso_format") else value
    return out
