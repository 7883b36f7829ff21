"""The operator's probes of issue 11, kept short enough for the suite (the longer runs:
`python -m bench.probe_kill --trials 20`)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import app.store.embedded as embedded
from app.api.main import create_app
from app.settings import Settings
from bench.probe_kill import ingest, snapshot, trial, write_facts
from tests.stores import embedded_only

pytestmark = embedded_only


def test_kill_during_ingest_leaves_whole_articles_and_a_rerun_converges(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    write_facts(facts, 300)
    assert ingest(tmp_path / "clean", facts, 20).wait() == 0
    reference, half = snapshot(tmp_path / "clean")
    assert not half and reference["Article"] == 300
    rng = random.Random(3)
    for _ in range(3):
        assert "converged" in trial(tmp_path, facts, reference, rng, 20)


def test_reader_during_ingest_sees_only_whole_ingests_and_never_5xx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "RECHECK_SECONDS", 0.05)
    data = tmp_path / "data"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    write_facts(first, 40)
    write_facts(second, 400)
    assert ingest(data, first, 20).wait() == 0
    settings = Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(data))
    seen: set[int] = set()
    with TestClient(create_app(None, settings)) as client:
        proc = ingest(data, second, 10)  # the first 40 again, then 360 new ones
        while proc.poll() is None:
            for path in ("/stats", "/health", "/province/Khammouane/partners"):
                r = client.get(path)
                assert r.status_code < 500, (path, r.status_code, r.text)
            seen.add(client.get("/stats").json()["nodes"]["Article"])
        assert proc.returncode == 0
        for _ in range(100):  # the server looks again at most every 50 ms
            count = client.get("/stats").json()["nodes"]["Article"]
            seen.add(count)
            if count == 400:
                break
    assert seen <= {40, 400} and 400 in seen, seen
