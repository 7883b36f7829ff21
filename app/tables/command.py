"""`vlkg export --format csv|xlsx`: the tables, from the store the API reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from app.settings import get_settings
from app.store import GraphStore, StoreError, open_reader
from app.tables.export import write_tables, write_xlsx

__all__ = ["TABLE_FORMATS", "tables_command"]

TABLE_FORMATS = ("csv", "xlsx")


def tables_command(
    format: str, output: Path | str, *, store: GraphStore | None = None, err: TextIO | None = None
) -> int:
    """CSV: `output` is a folder (one file per table + datapackage.json); XLSX: one workbook."""
    err = err or sys.stderr
    if str(output) == "-":
        print(f"error: --format {format} writes files; give --output", file=err)
        return 2
    try:
        opened = store or open_reader(get_settings())
    except StoreError as exc:
        print(f"error: {exc}", file=err)
        return 2
    try:
        path = Path(output)
        counts = write_tables(opened, path) if format == "csv" else write_xlsx(opened, path)
    except (StoreError, OSError) as exc:
        print(f"error: export stopped: {exc}", file=err)
        return 2
    finally:
        if store is None:
            opened.close()
    rows = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"wrote {rows} rows to {output}", file=err)
    return 0
