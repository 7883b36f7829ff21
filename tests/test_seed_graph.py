"""The seed articles end to end: extract, load twice, ask for Khammouane's partners."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from app.api.main import create_app
from ingest.load import load_articles
from ingest.pipeline import extract_paths
from tests.stores import make_store


def test_seeds_load_idempotently_and_answer_with_evidence(seeds: Path, tmp_path: Path) -> None:
    run = extract_paths(sorted(seeds.glob("*.txt")))
    assert not run.failures
    store = make_store(tmp_path / "store")
    load_articles(store, run.articles)
    with TestClient(create_app(store)) as client:
        stats = client.get("/stats").json()
        load_articles(store, run.articles)
        assert client.get("/stats").json() == stats
        a = client.get("/province/Khammouane/partners").json()
        b = client.get(f"/province/{quote('Khăm Muộn')}/partners").json()
    store.close()
    assert a == b
    partners = {p["province"]["id"]: p for p in a["partners"]}
    assert {"ca-mau", "ha-tinh"} <= set(partners)
    for pid in ("ca-mau", "ha-tinh"):
        sources = partners[pid]["sources"]
        assert sources, pid
        for s in sources:
            # the file name only: no path of the ingesting machine is published
            assert s["article"]["source"].endswith(".txt") and "/" not in s["article"]["source"]
            assert s["sentence"]
    # every partner is a Vietnamese province, and nothing from the boilerplate leaks in
    assert all(p["province"]["country"] == "VN" for p in a["partners"])


def test_bundled_samples_answer_the_quick_start_question(tmp_path: Path) -> None:
    """What the README's quick start shows: Khammouane's partners from samples/ alone."""
    samples = Path(__file__).resolve().parents[1] / "samples"
    run = extract_paths(sorted(samples.glob("*.txt")))
    assert not run.failures and len(run.articles) == 5
    store = make_store(tmp_path / "store")
    report = load_articles(store, run.articles)
    assert not report.failed
    with TestClient(create_app(store)) as client:
        body = client.get("/province/Khammouane/partners").json()
        qn = client.get(f"/province/{quote('Quảng Ngãi')}/partners").json()
    store.close()
    assert {p["province"]["id"] for p in body["partners"]} == {"ca-mau", "ha-tinh"}
    assert all(p["sources"] for p in body["partners"])
    assert {p["via"]["id"] for p in qn["partners"]} == {"kon-tum"}  # inherited from Kon Tum
