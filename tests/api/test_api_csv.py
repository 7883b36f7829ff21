"""Every list endpoint answers CSV when asked (`Accept: text/csv` or `?format=csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from tests.api_graph import make_client
from tests.stores import ON_NEO4J

# Every list endpoint, with a query that gives it rows.
LISTS = {
    "/provinces": {"country": "LA"},
    "/province/Khammouane/partners": {},
    "/province/Khammouane/officials": {},
    "/province/Khammouane/agreements": {},
    "/province/Khammouane/projects": {},
    "/province/Khammouane/districts": {},
    "/officials": {},
    "/agreements": {},
    "/projects": {},
    "/search": {"q": "Ha Tinh"},
    "/path": {"from": "Khăm Muộn", "to": "Bolikhamxay"},
    "/timeline": {"province": "Khammouane"},
    "/network": {},
    "/articles": {},
    "/events": {},
    "/district-partnerships": {},
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from make_client(tmp_path_factory.mktemp("csv"))


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_list_endpoint_is_covered() -> None:
    """A new list endpoint must be added to LISTS (and so be tested as CSV)."""
    spec = create_app(store=None).openapi()
    models = spec["components"]["schemas"]
    lists: set[str] = set()
    for path, ops in spec["paths"].items():
        content = ops.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
        props = models.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
        if any(props.get(k, {}).get("type") == "array" for k in ("items", "partners", "links")):
            lists.add(path)
    assert lists == {p.replace("Khammouane", "{name}") for p in LISTS}


@pytest.mark.parametrize("path", sorted(LISTS))
def test_list_as_csv_by_query_and_by_accept(client: TestClient, path: str) -> None:
    by_query = client.get(path, params={**LISTS[path], "format": "csv"})
    assert by_query.status_code == 200, by_query.text
    assert by_query.headers["content-type"] == "text/csv; charset=utf-8"
    by_accept = client.get(path, params=LISTS[path], headers={"Accept": "text/csv"})
    assert by_accept.status_code == 200 and by_accept.text == by_query.text
    as_json = client.get(path, params=LISTS[path]).json()
    items = as_json.get("items", as_json.get("partners", as_json.get("links")))
    rows = table(by_query.text)
    if path != "/province/Khammouane/partners":  # one row per (partner, source) there
        assert len(rows) == len(items)
    if items:
        assert rows, path


def test_csv_columns_follow_the_tables(client: TestClient) -> None:
    body = client.get("/projects", params={"format": "csv", "sources": "true", "funder": "Hà Tĩnh"})
    rows = table(body.text)
    assert body.headers["x-total-count"] == "3"
    first = rows[0]
    for column in ("funder_code", "funder_name_vi", "funder_name_en", "beneficiary_code", "qualifier"):
        assert column in first
    assert {r["funder_code"] for r in rows} == {"VN-23"}
    assert {r["funder_name_en"] for r in rows} == {"Ha Tinh"}
    assert all(r["article_id"] and r["evidence"] for r in rows)  # one row per source
    partners = table(client.get("/province/Khammouane/partners", params={"format": "csv"}).text)
    assert {r["province_code"] for r in partners} == {"VN-23"}
    assert all(r["evidence"] for r in partners)
    network = table(client.get("/network", params={"format": "csv"}).text)
    ha_tinh = next(r for r in network if (r["vn"], r["la"]) == ("ha-tinh", "khammouane"))
    assert ha_tinh["kinds"] == "agreement; aid; visit"


def test_csv_is_only_for_lists_and_json_stays_the_default(client: TestClient) -> None:
    one = client.get("/province/Khammouane", params={"format": "csv"})
    assert one.status_code == 406 and "list" in one.json()["detail"]
    assert one.headers["content-type"] == "application/problem+json" and one.json()["status"] == 406
    browser = client.get("/officials", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.headers["content-type"] == "application/json"
    missing = client.get("/province/Narnia/officials", params={"format": "csv"})
    assert missing.status_code == 404 and missing.json()["suggestions"] is not None


def test_csv_page_of_an_empty_list(client: TestClient) -> None:
    r = client.get("/agreements", params={"format": "csv", "year": 1950})
    assert r.status_code == 200 and r.text == "" and r.headers["x-total-count"] == "0"


@pytest.mark.skipif(not ON_NEO4J, reason="Neo4j transactions")
def test_a_csv_download_on_neo4j_reads_one_transaction(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV is the JSON answer converted, read in the request's one read transaction
    (`Neo4jStore.pinned`), its provenance columns included (issue 11)."""
    from app.store import neo4j as n4

    opened: list[int] = []
    real = n4._PinnedView._open

    def counted(view: n4._PinnedView) -> Any:
        tx = real(view)
        if id(tx) not in opened:
            opened.append(id(tx))
        return tx

    monkeypatch.setattr(n4._PinnedView, "_open", counted)
    r = client.get("/projects", params={"format": "csv", "sources": "true", "limit": 7})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert table(r.text) and len(opened) == 1
