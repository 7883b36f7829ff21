"""Fixtures of the API tests: `client`, the small API graph (tests/api_graph.py) served.

A module that needs another graph defines its own `client`, which takes precedence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api_graph import make_client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from make_client(tmp_path)
