"""Who may import whom (issue 9), and the one error root.

The API never imports extraction; RDF, tables and the stores never import the API (content
negotiation, which needs both, lives in `app.api`); only the `vlkg` app (`app.cli`) ties the
ingest side in. Checked on the source, imports inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.errors import VlkgError

ROOT = Path(__file__).resolve().parents[1]


def imported(folder: str) -> dict[str, set[str]]:
    """Module file → every module it imports, anywhere in it."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[path.relative_to(ROOT).as_posix()] = names
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("app/api", "ingest"),
        ("app/rdf", "app.api"),
        ("app/tables", "app.api"),
        ("app/store", "app.api"),
        ("app/store", "ingest"),
        ("app/rdf", "ingest"),
    ],
)
def test_layers(folder: str, forbidden: str) -> None:
    bad = {
        module: sorted(n for n in names if n == forbidden or n.startswith(forbidden + "."))
        for module, names in imported(folder).items()
    }
    assert not {m: n for m, n in bad.items() if n}


def test_errors_share_one_root() -> None:
    from app.settings import SettingsError
    from app.store.base import StoreDamaged, StoreError, StoreLocked, StoreUnavailable
    from ingest.fetch.client import FetchError
    from ingest.load import BatchFailed, LoadError
    from ingest.reading import ReadError

    for error in (
        StoreError, StoreUnavailable, StoreLocked, StoreDamaged, LoadError, BatchFailed, FetchError,
        ReadError, SettingsError,
    ):  # fmt: skip
        assert issubclass(error, VlkgError), error
        assert 1 <= error.exit_code <= 125 and 400 <= error.status <= 599, error
    assert StoreError.exit_code == 120 and StoreUnavailable.status == 503
