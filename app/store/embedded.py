"""Embedded store: LadybugDB (the maintained Kùzu fork) in a data directory, no server.

LadybugDB allows one writer per database; a second writer fails to take the file lock.
We turn that into `StoreLocked` naming the holder, so `vlkg ingest` beside a running
`vlkg serve` gets a clear message rather than a stack trace. On-disk files are not
portable across LadybugDB storage versions, so a small `vlkg-store.json` beside the
database records which version wrote it and is checked before the database is opened.

Serving while a writer loads (the server's read-only handle):
- A read-only handle keeps the data it opened with. The writer publishes a load by
  writing `Meta {key: 'generation'}` in the same transaction as its last batch (and, for
  other writes, when it closes), so a load is published exactly when its last batch is
  committed, even if the process dies right after.
- The server looks for a new generation when the files change (throttled): it opens a
  new handle beside the one it serves, reads the generation, and swaps only when the
  generation is new; the old handle is closed once the last request using it is done.
  A handle opened in the middle of a load sees the old generation and is dropped, so no
  half load is ever served. If the new handle cannot be opened (the writer is
  checkpointing, the store needs recovery), the old one keeps serving and the server
  tries again later; a store left needing recovery by a killed writer is recovered by
  the server itself when no writer holds it.
- `vlkg serve` has each new snapshot warmed (its search index built) in a background
  thread before it swaps to it (`warm_with`), and after a whole dump it swaps to a fresh
  handle of the same generation (`shed`), dropping the pages the dump cached. Its handles
  have a bounded buffer pool (`VLKG_READ_BUFFER_MB`; `ReadBufferFull` when one read
  needs more).
- Every way the files can be unreadable ends in `StoreDamaged` with a cause (`missing`,
  `empty`, `damaged`, `other version`, `needs recovery`), never an engine traceback.

Writing: a load (`loading`) turns LadybugDB's automatic checkpoints off and checkpoints
once at its end. A batch's rows reach each statement as an Arrow table (`LOAD FROM
$rows`, the statements of `ladybug_write_statements`), not as a list parameter that the
Python binding would walk and convert value by value; its many new rows of one table
can instead be `COPY`ed inside the batch's transaction (`apply`; off for now, see
`COPY_STORE_RATIO`). A relationship whose properties changed is deleted and created again
with all of them, in the same transaction, rather than `SET` in place, which got dearer
with every batch of a load. What a batch changes is still committed, or rolled back, whole.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import logging
import os
import re
import struct
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ladybug as lb
import pyarrow as pa

from app.graph import MIGRATES_FROM, RELS, STORE_FORMAT
from app.store.base import ChangeSet, GraphStore, Planner, Row, StoreDamaged, StoreError, StoreLocked
from app.store.cypher import script, statement
from app.store.migrate import fill_cites
from app.store.statements import ladybug_write_statements

ENGINE_VERSION: str = lb.Database.get_version()
STORAGE_VERSION: int = lb.Database.get_storage_version()
MARKER = "vlkg-store.json"
DB_FILE = "vlkg.lbdb"

log = logging.getLogger(__name__)

#: Seconds between two looks for a new generation while the files keep changing.
RECHECK_SECONDS = 0.5
#: Seconds between two tries to open a store that could not be opened.
RETRY_SECONDS = 1.0

#: Handles reserve less address space than LadybugDB's default (8 TB of virtual memory per
#: open database, so ~15 open at once exhaust a 47-bit address space): a server holds two
#: while it swaps, a test process many. 256 GB is far beyond any graph of this project;
#: the setting is a reservation only, not part of the files.
_READER: dict[str, Any] = {"max_db_size": 1 << 38}

#: Paths this process holds open for writing: probing their lock from here would release
#: it (POSIX locks belong to the process), so they are known to be held instead.
_WRITING: set[str] = set()

#: The WAL size at which LadybugDB checkpoints by itself during a load (`loading`): out of
#: reach, so a load writes its WAL and checkpoints once at the end. Each automatic
#: checkpoint rewrites pages of the whole store, so their cost grew with the store and
#: made a 50,000-article ingest grow ×11 in time for ×5 data. Checkpoints between batches
#: whenever the WAL reached the store's size (a geometric series) were tried too and cost
#: more than they saved: a checkpoint costs about the store's size whatever was written
#: since the last one (docs/benchmarks.md, Loading, fourth pass).
_NO_AUTO_CHECKPOINT = 1 << 40

#: When a batch's new rows are `COPY`ed. A transaction with a `COPY` is checkpointed when
#: it commits (LadybugDB writes copied rows to the data files, not the WAL), and that
#: checkpoint costs about as much as rewriting the store (the provinces' relationship
#: lists hold most of it). So a batch `COPY`s only when its new rows are at least
#: 1/`COPY_STORE_RATIO` of the rows stored: the checkpoints then cost a bounded multiple of
#: the rows written, and a load grows linearly (COPYing every batch of 5,000 articles took
#: 210 s for 50,000 articles, ×8 the time of 10,000). Tables with fewer than
#: `COPY_MIN_ROWS` new rows are written with the generated `CREATE` (no Arrow table to
#: build and register for a handful of rows).
#:
#: 0 turns `COPY` off, and it is off: `python -m bench.probe_kill --trials 20` failed with
#: it on (a writer killed while committing the first batch, a `COPY` of the provinces with
#: their successions `CREATE`d beside it, left those relationships doubled after the next
#: load). Until that is understood the loader writes with `CREATE` only; 4 was the value
#: measured with it on (docs/benchmarks.md, Loading). With a load's batches growing with
#: it (`load_articles(batch_max=...)`) nearly every batch would pass that ratio, and so
#: checkpoint at its commit at a cost that follows the store's size.
COPY_STORE_RATIO = 0
COPY_MIN_ROWS = 64


def _marker() -> dict[str, Any]:
    return {
        "engine": "ladybug",
        "engine_version": str(ENGINE_VERSION),
        "storage_version": int(STORAGE_VERSION),
        "format": STORE_FORMAT,
    }


@dataclass
class Diagnosis:
    """What `diagnose` found: `cause` is None when the store can be read."""

    path: Path
    cause: str | None
    detail: str = ""
    advice: str = ""

    def error(self) -> StoreDamaged:
        assert self.cause is not None
        return StoreDamaged(self.path, self.cause, self.detail, self.advice)


ADVICE = {
    "missing": "restore it from a backup or a release, or run `vlkg ingest --force` to start a new store",
    "empty": "restore it from a backup or a release, or run `vlkg ingest --force` to start a new store",
    "damaged": "restore it from a backup or a release, or run `vlkg ingest --force` to start a new store "
    "(the damaged files are kept beside it)",
    "other version": "export it with the vlkg that wrote it, or ingest again into an empty VLKG_DATA_DIR",
    "needs recovery": "a writer stopped before it finished: run `vlkg doctor --recover` or `vlkg ingest`",
}


def writer_active(path: Path) -> bool:
    """Whether another process holds the LadybugDB write lock on `path` (a POSIX lock on
    the database file), without taking it."""
    if str(path) in _WRITING:
        return True
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        found = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        kind: int = struct.unpack("hhqqi", found)[0]
        return kind != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


#: Parsed markers by path, with the (inode, mtime, size) they were read at.
_MARKERS: dict[str, tuple[tuple[int, int, int], dict[str, Any]]] = {}


def _read_marker(marker: Path) -> dict[str, Any]:
    """The marker's content, parsed again only when `os.stat` says it changed.

    `/health` and every look for new data check the marker; reading and parsing it each
    time cost a file read per request (issue #12). Writers replace it with `os.replace`
    (a new inode), so an unchanged (inode, mtime, size) is an unchanged file.
    """
    st = os.stat(marker)
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    held = _MARKERS.get(str(marker))
    if held is not None and held[0] == stamp:
        return held[1]
    found = json.loads(marker.read_text(encoding="utf-8"))
    if not isinstance(found, dict):
        raise ValueError("not an object")
    _MARKERS[str(marker)] = (stamp, found)
    return found


def _files_state(data_dir: Path, *, writer: bool = False) -> Diagnosis | None:
    """The causes that can be told from the files alone, before LadybugDB touches them
    (LadybugDB would silently start a new database over a 0-byte or missing file).

    A store of a graph format this vlkg migrates (`MIGRATES_FROM`) is fine for a `writer`,
    which migrates it when it opens it (`EmbeddedStore.ensure_schema`); a reader is told
    to let a writer do so."""
    path = data_dir / DB_FILE
    marker = data_dir / MARKER
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return Diagnosis(path, "damaged", "not a regular file", ADVICE["damaged"])
    if not marker.exists():
        if path.exists():
            return Diagnosis(
                path,
                "other version",
                f"no {MARKER} beside it: not written by vlkg",
                "point VLKG_DATA_DIR at a vlkg store",
            )
        return None  # nothing yet: a new store
    try:
        found = _read_marker(marker)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return Diagnosis(marker, "damaged", f"unreadable: {exc}", ADVICE["damaged"])
    if found.get("creating"):
        # A writer was killed while creating a new store (the marker goes down first, so
        # no window leaves an unmarked database): nothing was loaded, the next writer
        # creates it again.
        return None
    want = _marker()
    migrates = found.get("format") in MIGRATES_FROM
    if found.get("storage_version") == want["storage_version"] and migrates and not writer:
        return Diagnosis(
            path,
            "other version",
            f"graph format {found.get('format')}; this vlkg reads {want['format']}",
            "its next writer migrates it in place, no re-ingest needed: run `vlkg ingest` once "
            "(with your next inputs, or any already loaded: loading them again changes nothing)",
        )
    if found.get("storage_version") != want["storage_version"] or not (
        found.get("format") == want["format"] or migrates
    ):
        return Diagnosis(
            path,
            "other version",
            f"written by ladybug {found.get('engine_version')} (storage {found.get('storage_version')}, "
            f"{found.get('format')}); this vlkg uses ladybug {want['engine_version']} (storage "
            f"{want['storage_version']}, {want['format']})",
            ADVICE["other version"],
        )
    if not path.exists():
        return Diagnosis(path, "missing", f"{MARKER} is there, the database file is not", ADVICE["missing"])
    if path.stat().st_size == 0:
        return Diagnosis(path, "empty", "0 bytes", ADVICE["empty"])
    return None


def _engine_cause(path: Path, exc: BaseException) -> Diagnosis:
    """A LadybugDB error on open, as a cause: recovery pending only when nobody writes."""
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    low = msg.lower()
    if "recovery is pending" in low or ("checkpointing" in low and "outside the database file" not in low):
        return Diagnosis(path, "needs recovery", msg, ADVICE["needs recovery"])
    return Diagnosis(path, "damaged", msg, ADVICE["damaged"])


def diagnose(data_dir: Path) -> Diagnosis:
    """Check the store in `data_dir` as a reader would, without changing it.

    `cause` None means readable (or nothing there yet). A store a writer is loading right
    now may fail to open for a moment; that is reported as `in use`, not as damage.
    """
    data_dir = Path(data_dir)
    path = data_dir / DB_FILE
    found = _files_state(data_dir)
    if found is not None:
        return found
    if not path.exists():
        return Diagnosis(path, None, "no store yet")
    try:
        db = lb.Database(str(path), read_only=True, **_READER)
        try:
            conn = lb.Connection(db)
            try:
                _check_readable(conn)
            finally:
                conn.close()
        finally:
            db.close()
    except RuntimeError as exc:
        if writer_active(path):
            return Diagnosis(path, "in use", "a writer is loading it; try again when it is done")
        return _engine_cause(path, exc)
    return Diagnosis(path, None, "readable")


def _check_readable(conn: Any) -> str | None:
    """Read every table's count and the published generation: fails on damaged files."""
    for name in ("admin/check_nodes", "admin/check_rels"):
        conn.execute(statement(name))
    result = conn.execute(statement("read/meta"))
    generation = None
    while result.has_next():
        key, value = result.get_next()
        if key == "generation":
            generation = str(value)
    return generation


class ReadBufferFull(StoreError):
    """One read needed more pages at once than the read-only handle's buffer pool holds
    (`VLKG_READ_BUFFER_MB`); LadybugDB's own message says only that the pool is full."""

    public = "the graph store cannot answer this request with its configured memory"


def _pool_full(exc: RuntimeError) -> bool:
    return "buffer pool is full" in str(exc).lower()


class _Handle:
    """One open LadybugDB database and connection, shared by the requests that use it.

    A handle that has been swapped out is closed when its last user lets go, never under
    a running query. `buffer_pool` (bytes; read-only handles of the server) bounds
    LadybugDB's page cache, which otherwise grows to most of the machine's memory.
    """

    serial = 0

    def __init__(self, path: Path, read_only: bool, buffer_pool: int | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.buffer_pool = buffer_pool
        # 0: LadybugDB's default (most of the machine's memory), as for writers
        self.db = lb.Database(str(path), read_only=read_only, buffer_pool_size=buffer_pool or 0, **_READER)
        try:
            self.conn = lb.Connection(self.db)
            self.generation = _check_readable(self.conn) if read_only else None
        except BaseException:
            self.db.close()
            raise
        _Handle.serial += 1
        self.token = f"{_Handle.serial}:{self.generation}"
        self.users = 0
        self.retired = False
        self.closed = False
        self.view: _View | None = None
        #: Called once closed, when this handle was swapped out (`EmbeddedStore.on_retire`).
        self.on_close: Callable[[], None] | None = None

    def acquire(self) -> None:
        with self.lock:
            self.users += 1

    def release(self) -> None:
        with self.lock:
            self.users -= 1
            if self.retired and self.users == 0:
                self.close()

    def retire(self) -> None:
        with self.lock:
            self.retired = True
            if self.users == 0:
                self.close()

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
            self.conn.close()
            self.db.close()
            then, self.on_close = self.on_close, None
        if then is not None:
            try:
                then()
            except Exception:
                log.warning("after closing a read handle of %s", self.path, exc_info=True)

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        with self.lock, self._pool_errors():
            if self.closed:
                raise StoreError(f"the store handle on {self.path} is closed")
            result = self.conn.execute(query, dict(params or {}))
            if isinstance(result, list):  # several statements: the last one answers
                result = result[-1]
            columns = result.get_column_names()
            rows: list[Row] = []
            while result.has_next():
                rows.append(dict(zip(columns, result.get_next(), strict=True)))
            return rows

    @contextlib.contextmanager
    def _pool_errors(self) -> Iterator[None]:
        """A bounded pool that is too small for a read, as `ReadBufferFull` naming the
        setting to raise (the engine's message names no setting)."""
        try:
            yield
        except RuntimeError as exc:
            if self.buffer_pool is None or isinstance(exc, StoreError) or not _pool_full(exc):
                raise
            raise ReadBufferFull(
                f"a read of {self.path} needed more than the {self.buffer_pool >> 20} MB buffer pool "
                "of read-only handles: raise VLKG_READ_BUFFER_MB (and restart the server)"
            ) from exc

    def stream(self, query: str, params: Mapping[str, Any] | None, size: int) -> Iterator[list[Row]]:
        """The rows of one query, `size` at a time. The handle's lock is held while the
        query runs and while a chunk is pulled, not between chunks: a slow reader of a
        streamed export does not hold up the other requests on this handle."""
        with self.lock, self._pool_errors():
            if self.closed:
                raise StoreError(f"the store handle on {self.path} is closed")
            result = self.conn.execute(query, dict(params or {}))
            if isinstance(result, list):
                result = result[-1]
            columns = result.get_column_names()
        while True:
            with self.lock, self._pool_errors():
                if self.closed:
                    raise StoreError(f"the store handle on {self.path} is closed")
                rows: list[Row] = []
                while len(rows) < size and result.has_next():
                    rows.append(dict(zip(columns, result.get_next(), strict=True)))
            if rows:
                yield rows
            if len(rows) < size:
                return


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(
        self,
        data_dir: Path,
        read_only: bool = False,
        *,
        force: bool = False,
        recover: bool = False,
        buffer_pool: int | None = None,
    ) -> None:
        """Open the store in `data_dir`.

        `buffer_pool` (bytes, read-only stores only; `VLKG_READ_BUFFER_MB` for the server)
        bounds the page cache of each handle; None leaves LadybugDB's default.

        `force` (writers only) starts a new store where the old one is empty, missing or
        damaged, keeping the old files beside it; without it those are `StoreDamaged`.
        `recover` (the server) replays what a killed writer left when no writer holds the
        store; without it a store that needs recovery is `StoreDamaged("needs recovery")`.
        """
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_FILE
        self._read_only = read_only
        self._buffer_pool = buffer_pool if read_only else None
        self._lock = threading.RLock()
        self._swap = threading.Lock()
        self._dirty = False
        self._published = True
        self._next_look = 0.0
        self._signature = self._files_signature()
        self._pending: str | None = None
        self._warm: Callable[[GraphStore], None] | None = None
        self._warming: _Handle | None = None  # a new snapshot being prepared (`warm_with`)
        self._on_retire: Callable[[], None] | None = None  # see `on_retire`
        self._loads = 0  # nested `loading` blocks open now
        self._rows: int | None = None  # rows stored, once counted (see `apply`)
        self._threshold = 0  # LadybugDB's checkpoint threshold before the first of them
        found = _files_state(self.data_dir, writer=not read_only)
        if found is not None and found.cause is not None:
            if not (force and not read_only and found.cause in ("missing", "empty", "damaged")):
                raise found.error()
            self._set_aside()
        if read_only and not self.path.exists():
            raise StoreError(f"no vlkg store in {self.data_dir} yet: run `vlkg ingest` first")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not read_only and not self.path.exists():
            self._write_marker(creating=True)  # before the database file exists: see _files_state
        try:
            self._handle = self._open(recover=recover or not read_only)
        except StoreDamaged as exc:
            if not (force and not read_only and exc.cause in ("empty", "damaged")):
                raise
            self._set_aside()
            self._handle = self._open(recover=False)
        if not read_only:
            _WRITING.add(str(self.path))
            self.ensure_schema()

    # -- opening ------------------------------------------------------------------------
    def _open(self, *, recover: bool) -> _Handle:
        try:
            return _Handle(self.path, self._read_only, self._buffer_pool)
        except RuntimeError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreLocked(
                    f"the embedded store {self.path} is in use by another process"
                    f"{_holder(msg)}; LadybugDB allows one writer: stop it and run the command again"
                ) from exc
            found = _engine_cause(self.path, exc)
            if found.cause == "needs recovery" and writer_active(self.path):
                raise StoreError(
                    f"the embedded store {self.path} is being written (checkpoint); try again"
                ) from exc
            if found.cause == "needs recovery" and recover:
                self._recover()
                return self._open(recover=False)
            raise found.error() from exc

    def _recover(self) -> None:
        """Let LadybugDB replay what a killed writer left (it does so on a read-write open)."""
        log.warning("recovering the embedded store %s left by a writer that stopped", self.path)
        db = lb.Database(str(self.path), **_READER)
        db.close()

    def _set_aside(self) -> None:
        """Keep an unreadable store's files beside the new one (`--force`): never delete."""
        stamp = time.strftime("%Y%m%dT%H%M%S")
        for name in (DB_FILE, f"{DB_FILE}.wal", f"{DB_FILE}.shadow", MARKER):
            old = self.data_dir / name
            if old.exists() or old.is_symlink():
                old.rename(self.data_dir / f"{name}.unreadable-{stamp}")

    @property
    def writable(self) -> bool:
        return not self._read_only

    @property
    def snapshot(self) -> str | None:
        """The generation a read-only handle has open (see `refresh`); None when writable."""
        return self._handle.token if self._read_only else None

    @property
    def generation(self) -> str | None:
        """The published generation the served handle reads (read-only stores)."""
        return self._handle.generation

    # -- moving to new generations (read-only) ------------------------------------------
    def _files_signature(self) -> tuple[tuple[int, int], ...]:
        sig = []
        for name in (DB_FILE, f"{DB_FILE}.wal", MARKER):
            try:
                st = os.stat(self.data_dir / name)
                sig.append((st.st_mtime_ns, st.st_size))
            except OSError:
                sig.append((0, -1))
        return tuple(sig)

    def refresh_due(self) -> bool:
        """Whether the files changed (or a look is pending) and a look is not throttled:
        a few `os.stat` calls, nothing read."""
        if not self._read_only or time.monotonic() < self._next_look or self._warming is not None:
            return False
        return self._pending is not None or self._files_signature() != self._signature

    def refresh(self) -> None:
        """Move to the newest published generation, if the files changed since we looked.

        Cheap when nothing changed (a few `stat` calls); otherwise at most one look every
        `RECHECK_SECONDS`, by one request at a time: the others go on with the handle
        they have. See the module docstring for the rules.
        """
        if not self._read_only or self._warming is not None:
            return  # a new snapshot is being prepared: it is served once ready
        now = time.monotonic()
        if now < self._next_look:
            return
        signature = self._files_signature()
        if signature == self._signature and self._pending is None:
            return
        if not self._swap.acquire(blocking=False):
            return
        try:
            self._next_look = time.monotonic() + RECHECK_SECONDS
            self._look(signature)
        finally:
            self._swap.release()

    def _look(self, signature: tuple[tuple[int, int], ...]) -> None:
        found = _files_state(self.data_dir)
        if found is not None and found.cause is not None:
            self._pending = found.error().public
            log.warning("not moving to new data: %s", found.error())
            return
        try:
            new = self._open(recover=True)
        except StoreError as exc:
            self._pending = exc.public
            self._next_look = time.monotonic() + RETRY_SECONDS
            log.info("keeping the served snapshot: %s", exc)
            return
        self._pending = None
        self._signature = signature
        if new.generation == self._handle.generation:
            new.close()  # nothing published since (or a load still running): keep ours
            return
        if self._warm is not None:
            self._warming = new
            threading.Thread(target=self._warm_then_swap, args=(new,), name="vlkg-warm", daemon=True).start()
            return
        self._swap_to(new)

    def _swap_to(self, new: _Handle) -> None:
        old, self._handle = self._handle, new
        old.on_close = self._on_retire
        old.retire()
        log.info("now serving generation %s of %s", new.generation, self.path)

    def shed(self) -> None:
        """Serve the same generation from a freshly opened handle, and close this one once
        its last user is done: LadybugDB keeps every page a read brought into the handle's
        buffer pool until the pool is full, so after one whole `/export.ttl` (the store
        paged in, up to `VLKG_READ_BUFFER_MB`) the server stayed at its peak (issue #12).
        The swap is made in the calling thread (opening a handle takes ~30 ms at 50,000
        articles), so the dump's pages are gone before its stream ends if no other
        request reads the old handle; the new handle is warmed (`warm_with`) right after
        it serves, in a background thread, so the answers kept per snapshot are made again
        for it. If a new generation was published meanwhile, nothing is done here:
        `refresh` moves to it."""
        if self._read_only and self._warming is None:
            self._shed()

    def _shed(self) -> None:
        if not self._swap.acquire(blocking=False):
            return  # a look is moving to new data: that swap sheds the pages as well
        try:
            if self._warming is not None or self._handle.closed:
                return
            try:
                new = _Handle(self.path, self._read_only, self._buffer_pool)
            except RuntimeError as exc:
                log.info("keeping the served handle of %s: %s", self.path, exc)
                return
            if new.generation != self._handle.generation:
                new.close()
                return
            with self._lock:
                if self._handle.closed:
                    new.close()
                    return
                self._swap_to(new)
        finally:
            self._swap.release()
        # Same data, so no old snapshot to keep serving while it is warmed: swapped first,
        # the old handle (and what is kept for it) goes as soon as its users are done,
        # and the memory never holds both (warming first peaked at 912 MB at 50,000
        # articles); a search meanwhile waits for the index being built.
        threading.Thread(target=self._run_warm, args=(new,), name="vlkg-warm", daemon=True).start()

    def warm_with(self, warm: Callable[[GraphStore], None]) -> None:
        """Prepare each snapshot before requests use it: `warm(view)` runs in a background
        thread for the snapshot served now and, from now on, for each newly published one
        before the server moves to it (the server builds its search index there, issue
        #12: the first `/search` after a load built it inside that request, ~3 s at
        50,000 articles). Until the new snapshot is warm, requests keep reading the old
        one, whose answers (and index) stay exact for it; `refresh` then does nothing.
        A `warm` that fails is logged and the snapshot served all the same."""
        if not self._read_only:
            return
        self._warm = warm
        threading.Thread(target=self._run_warm, args=(self._handle,), name="vlkg-warm", daemon=True).start()

    def on_retire(self, retired: Callable[[], None]) -> None:
        """Have `retired()` called each time a swapped-out read handle is closed (by its
        last user, in that user's thread), so what was kept for its snapshot can go."""
        if self._read_only:
            self._on_retire = retired

    def _run_warm(self, handle: _Handle) -> None:
        warm = self._warm
        if warm is None:
            return
        try:
            with handle.lock:
                if handle.closed:
                    return
                handle.users += 1
                if handle.view is None:
                    handle.view = _View(self, handle)
                view = handle.view
            try:
                warm(view)
            finally:
                handle.release()
        except Exception:
            log.warning("preparing generation %s of %s failed", handle.generation, self.path, exc_info=True)

    def _warm_then_swap(self, new: _Handle) -> None:
        try:
            self._run_warm(new)
        finally:
            with self._lock, self._swap:
                self._warming = None
                if self._handle.closed:  # the store was closed meanwhile
                    new.close()
                else:
                    self._swap_to(new)

    def _acquire(self) -> _Handle:
        """The served handle, counted as in use (a swap never closes it under a query)."""
        while True:
            handle = self._handle
            with handle.lock:
                if not handle.closed:
                    handle.users += 1
                    return handle
                if handle is self._handle:
                    raise StoreError(f"the embedded store {self.path} is closed")

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        if not self._read_only:
            yield self
            return
        handle = self._acquire()
        try:
            if handle.view is None:
                handle.view = _View(self, handle)
            yield handle.view
        finally:
            handle.release()

    @property
    def problem_blocks(self) -> bool:
        return not self._read_only

    def problem(self) -> str | None:
        """Unreadable files are a problem even while an older snapshot still answers.

        The server's read-only handle is not pinged: `RETURN 1` reads no file, so all it
        could tell is that the served handle is open, and it would wait for the query the
        handle is running. The flag tells the same without waiting, so `/health` answers
        on the event loop, never queued behind searches in the thread pool (issue #11)."""
        found = _files_state(self.data_dir)
        if found is not None and found.cause is not None:
            return found.error().public
        if self._read_only:
            return StoreError.public if self._handle.closed else None
        return super().problem()

    def _write_marker(self, updated: int | None = None, *, creating: bool = False) -> None:
        previous = None
        with contextlib.suppress(OSError, ValueError):
            previous = json.loads((self.data_dir / MARKER).read_text(encoding="utf-8")).get("updated")
        marker: dict[str, Any] = {**_marker(), "updated": updated if updated is not None else previous}
        if creating:
            marker["creating"] = True
        tmp = self.data_dir / f".{MARKER}.tmp"
        tmp.write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.data_dir / MARKER)

    def ensure_schema(self) -> None:
        with self._lock:
            for stmt in script("schema.ladybug"):
                self._handle.run(stmt)
            stored = {r["key"]: r["value"] for r in self._handle.run(statement("read/meta"))}.get("format")
            if stored in MIGRATES_FROM:
                self._migrate(stored)
            self._handle.run(
                statement("set_meta"),
                {"rows": [{"key": k, "value": str(v)} for k, v in _marker().items()]},
            )
        self._write_marker()

    def _migrate(self, stored: str) -> None:
        """A vlkg-graph/2 store to `STORE_FORMAT` (app/store/migrate.py): the column first
        (DDL, committed alone; adding it again is a no-op), then every article's `cites`
        and the format in one transaction, so a writer stopped half-way leaves a store the
        next one migrates again."""
        started = time.monotonic()
        handle = self._handle
        handle.run(statement("admin/add_cites.ladybug"))
        with handle.lock:
            conn = handle.conn
            conn.execute("BEGIN TRANSACTION")
            try:
                articles = fill_cites(handle.run)
                handle.run(statement("set_meta"), {"rows": [{"key": "format", "value": STORE_FORMAT}]})
            except Exception:
                with contextlib.suppress(RuntimeError):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        self._dirty = True
        log.warning(
            "%s: migrated graph format %s to %s in place (Article.cites of %d articles, %.1f s)",
            self.path,
            stored,
            STORE_FORMAT,
            articles,
            time.monotonic() - started,
        )

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        handle = self._acquire()
        try:
            return handle.run(query, params)
        finally:
            handle.release()

    def stream(
        self, query: str, params: Mapping[str, Any] | None = None, size: int = 500
    ) -> Iterator[list[Row]]:
        handle = self._acquire()
        try:
            yield from handle.stream(query, params, max(1, size))
        finally:
            handle.release()

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        with self._lock:
            self._rows = None  # any statement may add or delete rows
            self._handle.run(query, params)
            self._dirty = True
            self._published = False

    def apply(self, changes: ChangeSet) -> None:
        """Write `changes` in one transaction; new rows of a table by `COPY` from an Arrow
        table where there are enough of them, in the batch and against the store
        (`COPY_STORE_RATIO`), the rest by the generated `CREATE`/`SET` statements in
        LadybugDB's form (`ladybug_write_statements`: the rows as an Arrow table; a
        changed relationship is deleted and created again with all its properties, which
        stays cheap as the store grows where `SET` did not).

        `COPY` keeps the guarantee of plain `CREATE`: a key already stored, or twice in the
        rows, fails the statement and so the whole batch (LadybugDB rolls the transaction
        back). After any rollback the database is closed and opened again: LadybugDB 0.22
        crashes the process when the keys of a rolled-back `COPY` are copied again on the
        same open database (found by trying; a reopened one takes them).
        """
        stmts = changes.statements()
        if not stmts and changes.generation is None:
            return
        with self._lock, self._handle.lock:
            created = sum(len(rows) for name, _, rows in stmts if name.startswith("create_"))
            copy = (
                COPY_STORE_RATIO > 0
                and created >= COPY_MIN_ROWS
                and created * COPY_STORE_RATIO >= self._stored_rows()
            )
            conn = self._handle.conn
            conn.execute("BEGIN TRANSACTION")
            try:
                for name, _query, rows in stmts:
                    verb, _, table = name.partition("_")
                    if copy and verb == "create" and len(rows) >= COPY_MIN_ROWS:
                        conn.execute(f"COPY {table} FROM $rows", {"rows": _arrow(table, rows)})
                        continue
                    data = _struct(table, rows)
                    if verb == "update" and table in RELS:  # rewritten whole: see `ladybug_write_statements`
                        conn.execute(_ladybug()[f"delete_{table}"], {"rows": data})
                        name = f"create_{table}"
                    conn.execute(_ladybug()[name], {"rows": data})
                if changes.generation is not None:
                    conn.execute(
                        statement("set_meta"), {"rows": [{"key": "generation", "value": changes.generation}]}
                    )
            except Exception:
                with contextlib.suppress(RuntimeError):  # LadybugDB may have rolled back already
                    conn.execute("ROLLBACK")
                self._reopen()
                raise
            conn.execute("COMMIT")
            if self._rows is not None:  # counted: keep it current without counting again
                self._rows += created
            self._dirty = True
            self._published = changes.generation is not None

    def _stored_rows(self) -> int:
        """Nodes and relationships stored (counted once per open database, then kept)."""
        if self._rows is None:
            counts = self.counts()
            self._rows = sum(counts["nodes"].values()) + sum(counts["relationships"].values())
        return self._rows

    def _reopen(self) -> None:
        """Close the writer's database and open it again (after a rollback, see `apply`),
        with the load's checkpoint setting; the files and the write lock stay ours
        but for the moment in between."""
        self._rows = None
        self._handle.retire()
        self._handle = self._open(recover=True)
        if self._loads:
            self._handle.run(f"CALL checkpoint_threshold={_NO_AUTO_CHECKPOINT}")

    @contextlib.contextmanager
    def loading(self) -> Iterator[GraphStore]:
        """One load: LadybugDB checkpoints only once, at the end, instead of whenever its
        WAL passes 16 MB (`_NO_AUTO_CHECKPOINT`). Measured on 50,000 synthetic articles:
        a third less time, and a smaller store. What is committed is in the WAL either
        way, so a writer killed meanwhile loses nothing committed (recovery replays it).
        """
        if self._read_only:
            yield self
            return
        with self._lock:
            if not self._loads:
                found = self._handle.run("CALL current_setting('checkpoint_threshold') RETURN *")
                self._threshold = int(next(iter(found[0].values())))
                self._handle.run(f"CALL checkpoint_threshold={_NO_AUTO_CHECKPOINT}")
            self._loads += 1
        try:
            yield self
        finally:
            with self._lock:
                self._loads -= 1
                if not self._loads and not self._handle.closed:
                    try:
                        self._handle.run(f"CALL checkpoint_threshold={self._threshold}")
                        self._handle.run("CHECKPOINT")
                    except RuntimeError as exc:  # committed data is in the WAL: closing checkpoints it
                        log.warning("no checkpoint after the load of %s: %s", self.path, exc)

    def existing_rels(self, rtype: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Row]:
        return _existing_rels(self.run, rtype, pairs, self.lookup_batch)

    def apply_planned(self, plan: Planner) -> ChangeSet:
        """Plan and apply under this handle's lock: LadybugDB keeps other processes out
        (one writer per database), the lock keeps out other threads of this one."""
        with self._lock:
            return super().apply_planned(plan)

    def close(self) -> None:
        with self._lock:
            if self._handle.closed:
                return
            if not self._read_only and not self._published:
                # writes outside a published load (clear, admin statements): publish now
                with contextlib.suppress(RuntimeError):
                    self._handle.run(
                        statement("set_meta"), {"rows": [{"key": "generation", "value": new_generation()}]}
                    )
            self._handle.retire()
            _WRITING.discard(str(self.path))
        if self._dirty:
            self._write_marker(time.time_ns())
            self._dirty = False


def _existing_rels(
    run: Callable[[str, Mapping[str, Any]], list[Row]],
    rtype: str,
    pairs: Iterable[tuple[str, str]],
    size: int,
) -> dict[tuple[str, str], Row]:
    """`Lookups.existing_rels` in LadybugDB's form (`ladybug_write_statements`: from the
    end that is not a province, the keys as an Arrow table)."""
    keys = list(dict.fromkeys(pairs))
    found: dict[tuple[str, str], Row] = {}
    query = _ladybug()[f"existing_{rtype}"]
    for i in range(0, len(keys), size):
        for row in run(query, {"rows": _pairs(keys[i : i + size])}):
            found[(row["src"], row["dst"])] = row
    return found


def new_generation() -> str:
    """A generation token: later loads get larger ones (nanoseconds since the epoch)."""
    return str(time.time_ns())


class _View(GraphStore):
    """A read-only store pinned to one handle: what one request or one export reads.

    It refers to its handle and store weakly, so no reference cycle keeps a LadybugDB
    database (and its reserved address space) alive after its store is dropped.
    """

    backend = "embedded"

    def __init__(self, store: EmbeddedStore, handle: _Handle) -> None:
        self._store = weakref.ref(store)
        self._handle_ref = weakref.ref(handle)
        self._token = handle.token

    def _live(self) -> _Handle:
        handle = self._handle_ref()
        if handle is None or handle.closed:
            raise StoreError("this snapshot of the embedded store is closed")
        return handle

    @property
    def writable(self) -> bool:
        return False

    @property
    def retired(self) -> bool:
        handle = self._handle_ref()
        return handle is None or handle.closed

    def shed(self) -> None:
        store = self._store()
        if store is not None:
            store.shed()

    @property
    def snapshot(self) -> str | None:
        return self._token

    @contextlib.contextmanager
    def pinned(self, *, dump: bool = False) -> Iterator[GraphStore]:
        handle = self._live()
        handle.acquire()
        try:
            yield self
        finally:
            handle.release()

    @property
    def problem_blocks(self) -> bool:
        store = self._store()
        return store.problem_blocks if store is not None else False

    def problem(self) -> str | None:
        store = self._store()
        return store.problem() if store is not None else "the store is closed"

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._live().run(query, params)

    def stream(
        self, query: str, params: Mapping[str, Any] | None = None, size: int = 500
    ) -> Iterator[list[Row]]:
        yield from self._live().stream(query, params, max(1, size))

    def existing_rels(self, rtype: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Row]:
        return _existing_rels(self.run, rtype, pairs, self.lookup_batch)

    def ensure_schema(self) -> None:
        raise StoreError("a read-only view has no schema to ensure")

    def apply(self, changes: ChangeSet) -> None:
        raise StoreError("the server reads the embedded store read-only")

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        raise StoreError("the server reads the embedded store read-only")

    def close(self) -> None:
        """The view belongs to its store, which closes the handle."""


_ARROW: dict[str, pa.DataType] = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "STRING[]": pa.list_(pa.string()),
}
_TABLE = re.compile(r"CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\)\s*$", re.S)
_COLUMN = re.compile(r"^(\w+) (STRING\[\]|STRING|INT64|DOUBLE|BOOLEAN)$")


@functools.cache
def _column_types() -> dict[str, dict[str, str]]:
    """Column name → LadybugDB type, per table in schema order, read from the schema file
    (a relationship table's FROM and TO are not columns here)."""
    out: dict[str, dict[str, str]] = {}
    for stmt in script("schema.ladybug"):
        m = _TABLE.match(stmt)
        if not m:
            continue
        cols = out.setdefault(m.group(1), {})
        for part in m.group(2).split(","):
            c = _COLUMN.match(part.strip())
            if c:
                cols[c.group(1)] = c.group(2)
    return out


def _arrow(table: str, rows: list[Row]) -> pa.Table:
    """`rows` as an Arrow table for `COPY table FROM`: every column of the table in schema
    order (COPY matches columns by position), typed from the schema so a column that is
    null in every row is still of its type; a relationship's `src` and `dst` keys first.
    Lists stay lists (provenance `sources`, `spans` ...)."""
    types = _column_types()[table]
    cols: dict[str, pa.Array] = {}
    if "id" not in types:  # a relationship table
        cols["from"] = pa.array([r["src"] for r in rows], pa.string())
        cols["to"] = pa.array([r["dst"] for r in rows], pa.string())
    for name, kind in types.items():
        cols[name] = pa.array([r.get(name) for r in rows], _ARROW[kind])
    return pa.table(cols)


@functools.cache
def _ladybug() -> dict[str, str]:
    """The row statements in LadybugDB's form (`ladybug_write_statements`)."""
    return {k: v.strip() for k, v in ladybug_write_statements().items()}


@functools.cache
def _row_type(table: str) -> pa.StructType:
    """The struct type of one row of `table` for `LOAD FROM`: every column, typed from the
    schema (a column null in every row of a batch is still of its type, and a missing key
    is null); a relationship's `src` and `dst` keys first."""
    types = _column_types()[table]
    ends = [] if "id" in types else [("src", pa.string()), ("dst", pa.string())]
    return pa.struct([*ends, *((name, _ARROW[kind]) for name, kind in types.items())])


def _struct(table: str, rows: list[Row]) -> pa.Table:
    """`rows` as the Arrow table `LOAD FROM $rows` reads: one struct column `row`."""
    return pa.table({"row": pa.array(rows, _row_type(table))})


def _pairs(pairs: list[tuple[str, str]]) -> pa.Table:
    """Relationship keys as a `LOAD FROM` table of `row` structs with `src` and `dst`."""
    kind = pa.struct([("src", pa.string()), ("dst", pa.string())])
    return pa.table({"row": pa.array([{"src": s, "dst": d} for s, d in pairs], kind)})


def _holder(message: str) -> str:
    marker = "held by PID "
    if marker in message:
        pid = message.split(marker, 1)[1].split(")", 1)[0].strip()
        return f" (PID {pid})"
    return ""
