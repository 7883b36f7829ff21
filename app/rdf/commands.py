"""`vlkg export` and `vlkg validate`, as plain functions the typer CLI calls.

They return the process exit status instead of raising, so the CLI stays a thin wrapper
and tests can call them directly. Both open the store the way the API does (read-only for
the embedded store), so they run beside a live `vlkg serve`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from app.rdf.export import FORMATS, ExportStats, write_export
from app.rdf.validate import Report, export_graph, validate_file, validate_graph
from app.settings import get_settings
from app.store import GraphStore, StoreError, open_reader


def _open(store: GraphStore | None) -> tuple[GraphStore, bool]:
    if store is not None:
        return store, False
    return open_reader(get_settings()), True


def _describe(stats: ExportStats) -> str:
    parts = ", ".join(f"{n} {k}" for k, n in sorted(stats.entities.items()) if n)
    return f"{stats.triples} triples ({parts})"


def export_command(
    format: str,
    output: Path | str,
    *,
    store: GraphStore | None = None,
    err: TextIO | None = None,
) -> int:
    """Write the dump in `format` (ttl, nt, jsonld) to `output` (`-` for stdout, `.gz` compresses).

    A file is written beside its destination and renamed into place at the end, so a failed
    export never leaves a truncated dump where a good one was.
    """
    err = err or sys.stderr
    fmt = format.lower().lstrip(".")
    if fmt not in FORMATS:
        print(f"error: unknown format {format!r}; use one of {', '.join(FORMATS)}", file=err)
        return 2
    target = str(output)
    try:
        opened, owned = _open(store)
    except StoreError as exc:
        print(f"error: {exc}", file=err)
        return 2
    try:
        if target == "-":
            stats = write_export(opened, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            path = Path(target)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    stats = write_export(opened, fmt, fh, compress=path.name.endswith(".gz"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    except StoreError as exc:
        print(f"error: export stopped: {exc}", file=err)
        return 2
    finally:
        if owned:
            opened.close()
    where = "stdout" if target == "-" else target
    print(f"wrote {_describe(stats)} and the dataset description to {where}", file=err)
    return 0


def validate_command(
    dump: Path | str | None = None,
    *,
    store: GraphStore | None = None,
    limit: int = 20,
    out: TextIO | None = None,
) -> int:
    """Validate a dump file, or the store's export when `dump` is None, against the shapes.

    Prints the violations (at most `limit`) and returns 0 when the data conforms, 1 when
    it does not, 2 when it could not be read.
    """
    out = out or sys.stdout
    report: Report
    try:
        if dump is not None:
            report = validate_file(Path(dump))
        else:
            opened, owned = _open(store)
            try:
                report = validate_graph(export_graph(opened))
            finally:
                if owned:
                    opened.close()
    except (StoreError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=out)
        return 2
    print(report.summary(limit), file=out)
    return 0 if report.conforms else 1
