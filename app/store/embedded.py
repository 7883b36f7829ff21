"""Embedded store: LadybugDB (the maintained Kùzu fork) in a data directory, no server.

LadybugDB allows one writer per database; a second writer fails to take the file lock.
We turn that into `StoreLocked` naming the holder, so `vlkg ingest` beside a running
`vlkg serve` gets a clear message (and the hint to send facts through the server) rather
than a stack trace. On-disk files are not portable across LadybugDB storage versions, so
a small `vlkg-store.json` beside the database records which version wrote it and is
checked before the database is opened.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ladybug as lb

from app.graph import STORE_FORMAT
from app.store.base import ChangeSet, GraphStore, Planner, Row, StoreError, StoreLocked
from app.store.cypher import script, statement

ENGINE_VERSION: str = lb.Database.get_version()
STORAGE_VERSION: int = lb.Database.get_storage_version()
MARKER = "vlkg-store.json"


def _marker() -> dict[str, Any]:
    return {
        "engine": "ladybug",
        "engine_version": str(ENGINE_VERSION),
        "storage_version": int(STORAGE_VERSION),
        "format": STORE_FORMAT,
    }


class EmbeddedStore(GraphStore):
    backend = "embedded"

    def __init__(self, data_dir: Path, read_only: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / "vlkg.lbdb"
        self._read_only = read_only
        self._lock = threading.RLock()
        self._check_marker()
        if read_only and not self.path.exists():
            raise StoreError(f"no vlkg store in {self.data_dir} yet: run `vlkg ingest` first")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._db = lb.Database(str(self.path), read_only=read_only)
        except RuntimeError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreLocked(
                    f"the embedded store {self.path} is in use by another process"
                    f"{_holder(msg)}; LadybugDB allows one writer: stop it (e.g. a running "
                    "`vlkg serve`) and run the command again"
                ) from exc
            raise StoreError(f"cannot open the embedded store {self.path}: {msg}") from exc
        self._conn = lb.Connection(self._db)
        self._dirty = False
        self._seen = self._generation()
        if not read_only:
            self.ensure_schema()

    @property
    def writable(self) -> bool:
        return not self._read_only

    @property
    def snapshot(self) -> str | None:
        """The generation a read-only handle has open (see `refresh`); None when writable."""
        return self._seen if self._read_only else None

    def _generation(self) -> str | None:
        try:
            return str(json.loads((self.data_dir / MARKER).read_text(encoding="utf-8")).get("updated"))
        except (OSError, ValueError):
            return None

    def refresh(self) -> None:
        """Reopen a read-only store when a writer has finished a load since we opened it.

        A read-only LadybugDB handle keeps the snapshot it opened; the writer bumps
        `updated` in the marker file when it closes, and the next request reopens.
        """
        if not self._read_only or self._generation() == self._seen:
            return
        with self._lock:
            generation = self._generation()  # read before reopening: a later load reopens again
            if generation == self._seen:
                return  # another request reopened while we waited
            self._conn.close()
            self._db.close()
            self._db = lb.Database(str(self.path), read_only=True)
            self._conn = lb.Connection(self._db)
            self._seen = generation

    def _write_marker(self, updated: int | None = None) -> None:
        marker = {**_marker(), "updated": updated if updated is not None else self._generation()}
        (self.data_dir / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")

    def _check_marker(self) -> None:
        marker = self.data_dir / MARKER
        if not marker.exists():
            if self.path.exists():
                raise StoreError(
                    f"{self.path} was not written by vlkg (no {MARKER}); point VLKG_DATA_DIR elsewhere"
                )
            return
        try:
            found = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{marker} is unreadable: {exc}") from exc
        want = _marker()
        if found.get("storage_version") != want["storage_version"] or found.get("format") != want["format"]:
            raise StoreError(
                f"the store in {self.data_dir} was written by ladybug {found.get('engine_version')} "
                f"(storage {found.get('storage_version')}, {found.get('format')}); this vlkg uses ladybug "
                f"{want['engine_version']} (storage {want['storage_version']}, {want['format']}). "
                "Re-ingest into an empty VLKG_DATA_DIR, or export with the old version first."
            )

    def ensure_schema(self) -> None:
        with self._lock:
            for stmt in script("schema.ladybug"):
                self._conn.execute(stmt)
            self._conn.execute(
                statement("set_meta"),
                {"rows": [{"key": k, "value": str(v)} for k, v in _marker().items()]},
            )
        self._write_marker()

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        with self._lock:
            result = self._conn.execute(query, dict(params or {}))
            if isinstance(result, list):  # several statements: the last one answers
                result = result[-1]
            columns = result.get_column_names()
            rows: list[Row] = []
            while result.has_next():
                rows.append(dict(zip(columns, result.get_next(), strict=True)))
            return rows

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        with self._lock:
            self._conn.execute(query, dict(params or {}))
            self._dirty = True

    def apply(self, changes: ChangeSet) -> None:
        stmts = changes.statements()
        if not stmts:
            return
        with self._lock:
            self._conn.execute("BEGIN TRANSACTION")
            try:
                for name, query, rows in stmts:
                    if name.startswith("update_"):
                        rows = [*rows, _witness(name.removeprefix("update_"), rows[0])]
                    self._conn.execute(query, {"rows": rows})
            except Exception:
                with contextlib.suppress(RuntimeError):  # LadybugDB may have rolled back already
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            self._dirty = True

    def apply_planned(self, plan: Planner) -> ChangeSet:
        """Plan and apply under this handle's lock: LadybugDB keeps other processes out
        (one writer per database), the lock keeps out other threads of this one."""
        with self._lock:
            return super().apply_planned(plan)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._db.close()
        if self._dirty:
            self._write_marker(time.time_ns())
            self._dirty = False


_TYPED: dict[str, Any] = {"STRING": "", "INT64": 0, "DOUBLE": 0.0, "BOOLEAN": False, "STRING[]": [""]}
_TABLE = re.compile(r"CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\)\s*$", re.S)
_COLUMN = re.compile(r"^(\w+) (STRING\[\]|STRING|INT64|DOUBLE|BOOLEAN)$")


@functools.cache
def _column_witnesses() -> dict[str, dict[str, Any]]:
    """Column name → a typed value, per table, read from the LadybugDB schema file."""
    out: dict[str, dict[str, Any]] = {}
    for stmt in script("schema.ladybug"):
        m = _TABLE.match(stmt)
        if not m:
            continue
        cols = out.setdefault(m.group(1), {})
        for part in m.group(2).split(","):
            c = _COLUMN.match(part.strip())
            if c:
                cols[c.group(1)] = _TYPED[c.group(2)]
    return out


def _witness(table: str, like: Row) -> Row:
    """A row that matches nothing but has a value of every column's type.

    LadybugDB infers a parameter's type from its values; a column that is null in every
    row of a batch is inferred as ANY, and `SET n.year = row.year` is then refused. One
    typed row with the same fields, whose key matches no element, fixes the inference.
    """
    typed = _column_witnesses()[table]
    return {key: typed.get(key, "") for key in like}


def _holder(message: str) -> str:
    marker = "held by PID "
    if marker in message:
        pid = message.split(marker, 1)[1].split(")", 1)[0].strip()
        return f" (PID {pid})"
    return ""
