"""Partners answers are memoized per read-only snapshot of the embedded store, and per
load generation on Neo4j; never on a writable embedded handle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

import app.api.partners as partners_module
import app.api.routes.provinces as provinces_route
from app.api.answers import Answers
from app.api.main import create_app
from app.facts import ArticleFacts, PartnershipFact
from app.gazetteer import gazetteer
from ingest.load import load_articles
from tests.api_graph import build_graph, ev
from tests.stores import ON_NEO4J, embedded_only, make_store, open_neo4j


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = partners_module.partners

    def counting(*args: object, **kwargs: object) -> object:
        seen.append(args[2].id)  # type: ignore[attr-defined]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(provinces_route, "partners", counting)
    monkeypatch.setattr(provinces_route, "answers", Answers())
    return seen


@embedded_only
def test_read_only_snapshot_answers_once_until_a_load(tmp_path: Path, calls: list[str]) -> None:
    build_graph(make_store(tmp_path)).close()
    reader = make_store(tmp_path, read_only=True)
    assert reader.snapshot is not None
    with TestClient(create_app(reader)) as client:
        first = client.get("/province/Khammouane/partners").json()
        again = client.get("/province/Khăm Muộn/partners").json()  # another spelling, same unit
        assert first == again and calls == ["khammouane"]
        client.get("/province/Khammouane/partners", params={"since": 2023})
        assert calls == ["khammouane", "khammouane"]  # other parameters, other answer

        writer = make_store(tmp_path)
        new = ArticleFacts(
            id="e5e5e5e5e5e5e5e5",
            source="tests/api/later.txt",
            published=dt.date(2024, 2, 2),
            partnerships=[
                PartnershipFact(vn="VN-59", la="LA-KH", evidence=ev("Cà Mau kết nghĩa với Khăm Muộn."))
            ],
        )
        load_articles(writer, [new])
        writer.close()

        after = client.get("/province/Khammouane/partners").json()
        assert {p["province"]["id"] for p in after["partners"]} == {"ha-tinh", "ca-mau"}
        assert len(calls) == 3
    reader.close()


@embedded_only
def test_writable_store_is_never_memoized(tmp_path: Path, calls: list[str]) -> None:
    store = build_graph(make_store(tmp_path))
    assert store.snapshot is None
    with TestClient(create_app(store)) as client:
        client.get("/province/Khammouane/partners")
        client.get("/province/Khammouane/partners")
    assert calls == ["khammouane", "khammouane"]
    store.close()


@pytest.mark.skipif(not ON_NEO4J, reason="Neo4j's load generation (the VLKG_STORE=neo4j run)")
def test_neo4j_answers_are_kept_per_load_generation(tmp_path: Path, calls: list[str]) -> None:
    store = build_graph(make_store(tmp_path))
    with TestClient(create_app(store)) as client:
        first = client.get("/province/Khammouane/partners").json()
        again = client.get("/province/Khăm Muộn/partners").json()
        assert first == again and calls == ["khammouane"]
        token = store.snapshot
        assert token is not None

        writer = open_neo4j()  # another handle, as `vlkg ingest` in another process
        new = ArticleFacts(
            id="e5e5e5e5e5e5e5e5",
            source="tests/api/later.txt",
            published=dt.date(2024, 2, 2),
            partnerships=[
                PartnershipFact(vn="VN-59", la="LA-KH", evidence=ev("Cà Mau kết nghĩa với Khăm Muộn."))
            ],
        )
        load_articles(writer, [new])
        writer.close()

        after = client.get("/province/Khammouane/partners").json()
        assert {p["province"]["id"] for p in after["partners"]} == {"ha-tinh", "ca-mau"}
        assert len(calls) == 2 and store.snapshot not in (None, token)
        assert client.get("/province/Khammouane/partners").json() == after
        assert len(calls) == 2  # kept under the new generation

        store.clear()  # no generation until the next load: nothing from before is served
        emptied = client.get("/province/Khammouane/partners").json()
        assert emptied["partners"] == [] and store.snapshot is None
        client.get("/province/Khammouane/partners")
        assert len(calls) == 4
    store.close()


def test_lru_is_bounded() -> None:
    class Snap:
        snapshot = "s1"

        @property
        def owner(self) -> object:
            return self

    cache: Answers[bytes] = Answers(maxsize=2)
    store = Snap()
    for key in ("a", "b", "c"):
        cache.remember(store, key, lambda k=key: k.encode())  # type: ignore[arg-type, misc]
    assert cache.remember(store, "a", lambda: b"again") == b"again"  # type: ignore[arg-type]
    assert cache.remember(store, "c", lambda: b"never") == b"c"  # type: ignore[arg-type]


def test_many_computes_only_the_missing_keys() -> None:
    class Snap:
        snapshot = "s1"

        @property
        def owner(self) -> object:
            return self

    asked: list[list[object]] = []

    def compute(keys: list[object]) -> dict[object, str]:
        asked.append(keys)
        return {k: f"v{k}" for k in keys}

    cache: Answers[str] = Answers(maxsize=10)
    store = Snap()
    assert cache.many(store, ["a", "b"], compute) == {"a": "va", "b": "vb"}  # type: ignore[arg-type]
    assert cache.many(store, ["b", "c"], compute) == {"b": "vb", "c": "vc"}  # type: ignore[arg-type]
    assert asked == [["a", "b"], ["c"]]
    Snap.snapshot = "s2"  # a new snapshot: nothing is reused
    cache.many(store, ["a"], compute)  # type: ignore[arg-type]
    assert asked[-1] == ["a"]


@embedded_only
def test_partners_of_a_province_asked_before_are_picked_not_queried(tmp_path: Path) -> None:
    """On a read-only snapshot every partner of a province is encoded once per sources
    page: other filters and pages of it run no statement, and give the bytes a writable
    handle (nothing kept) computes afresh."""
    writer = build_graph(make_store(tmp_path))
    gaz = gazetteer()
    asks: list[dict[str, Any]] = [
        {},
        {"since": 2023},
        {"until": 2019},
        {"since": 2024},
        {"field": "Giáo dục"},
        {"field": "none"},
        {"limit": 1, "offset": 1},
        {"include_inherited": False},
    ]
    province = gaz.resolve("Khammouane")
    fresh = [partners_module.partners(writer, gaz, province, **kw) for kw in asks]
    writer.close()
    reader = make_store(tmp_path, read_only=True)
    statements: list[str] = []
    query = reader.query

    def counting(name: str, **params: Any) -> list[Any]:
        statements.append(name)
        return query(name, **params)

    reader.query = counting  # type: ignore[method-assign]
    kept = [partners_module.partners(reader, gaz, province, **kw) for kw in asks]
    assert kept == fresh
    # Hà Tĩnh, seen 2019–2023 with an education memorandum, is Khammouane's one partner
    assert [orjson.loads(k)["total"] for k in kept] == [1, 1, 1, 0, 1, 0, 1, 1]
    assert orjson.loads(kept[6])["partners"] == []  # the second page of one
    # one ask with and one without inherited partners read the store; the rest were picked
    assert statements.count("partners") == 2 and statements.count("partner_agreements") == 2
    reader.close()
