"""`vlkg` as a user runs it, in a subprocess, on a test store: shared by the CLI tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.stores import ON_NEO4J, make_store, neo4j_settings


def vlkg(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`vlkg ARGS` on the store in `data`: a LadybugDB folder, or on the Neo4j run the test
    database standing for it (emptied the first time a test names `data`)."""
    store: dict[str, str] = {"VLKG_STORE": "embedded"}
    if ON_NEO4J and "VLKG_STORE" not in env:
        make_store(data).close()
        store = {"VLKG_STORE": "neo4j", **neo4j_settings()}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "VLKG_DATA_DIR": str(data), **store, **env},
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
    )


def stats(data: Path) -> dict[str, dict[str, int]]:
    r = vlkg("stats", "--json", data=data)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]
