"""Paging and parameter checks common to every list endpoint; CORS and gzip."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_graph import make_client

LISTS: list[tuple[str, dict[str, Any]]] = [
    ("/officials", {}),
    ("/agreements", {}),
    ("/projects", {}),
    ("/search", {"q": "ha"}),
    ("/timeline", {"province": "Hà Tĩnh", "include_undated": "true"}),
    ("/path", {"from": "Khăm Muộn", "to": "Bolikhamxay"}),
    ("/province/Quảng Ngãi/officials", {}),
    ("/province/Hà Tĩnh/agreements", {}),
    ("/province/Hà Tĩnh/projects", {}),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from make_client(tmp_path_factory.mktemp("paging"))


@pytest.mark.parametrize(("url", "params"), LISTS)
def test_pages_concatenate_to_the_whole_list(client: TestClient, url: str, params: dict[str, Any]) -> None:
    whole = client.get(url, params={**params, "limit": 500}).json()
    assert whole["total"] == len(whole["items"]) >= 2, url
    assert (whole["limit"], whole["offset"]) == (500, 0)
    pages = []
    for offset in range(0, whole["total"] + 1):
        page = client.get(url, params={**params, "limit": 1, "offset": offset}).json()
        assert page["total"] == whole["total"]
        pages.extend(page["items"])
    assert pages == whole["items"]
    assert client.get(url, params=params).json()["limit"] == 50


@pytest.mark.parametrize(("url", "params"), LISTS)
@pytest.mark.parametrize(("name", "value"), [("limit", 0), ("limit", 501), ("offset", -1), ("limit", "ten")])
def test_out_of_range_paging_is_422_naming_the_parameter(
    client: TestClient, url: str, params: dict[str, Any], name: str, value: object
) -> None:
    r = client.get(url, params={**params, name: value})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 422 and body["title"] == "Invalid request"
    assert name in body["detail"]
    assert ["query", name] in [e["loc"] for e in body["errors"]]


@pytest.mark.parametrize(
    ("url", "params", "name"),
    [
        ("/agreements", {"year": 1800}, "year"),
        ("/projects", {"year": 3000}, "year"),
        ("/timeline", {"province": "Hà Tĩnh", "since": "x"}, "since"),
        ("/officials", {"name": "x" * 201}, "name"),
        ("/search", {"q": "x" * 201}, "q"),
        ("/path", {"from": "Hà Tĩnh", "to": ""}, "to"),
        ("/province/Hà Tĩnh/projects", {"role": "donor"}, "role"),
    ],
)
def test_bad_parameters_name_themselves(
    client: TestClient, url: str, params: dict[str, Any], name: str
) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 422 and name in r.json()["detail"]


def test_cors_open_for_get_and_gzip_for_large_bodies(client: TestClient) -> None:
    r = client.get(
        "/agreements",
        params={"sources": "true"},
        headers={"Origin": "https://example.org", "Accept-Encoding": "gzip"},
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["content-encoding"] == "gzip"
    pre = client.options(
        "/officials", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/province/{name}/officials", "/province/{name}/agreements", "/province/{name}/projects",
        "/officials", "/official/{official_id}", "/agreements", "/agreement/{agreement_id}",
        "/projects", "/project/{project_id}", "/articles/{article_id}", "/search", "/path", "/timeline",
    } <= paths  # fmt: skip
    spec = client.get("/openapi.json").json()
    assert "per_year" in spec["paths"]["/province/{name}/projects"]["get"]["description"]


def test_partners_page_too(client: TestClient) -> None:
    url = "/province/Hà Tĩnh/partners"
    whole = client.get(url).json()
    assert whole["total"] == 2 and (whole["limit"], whole["offset"]) == (50, 0)
    pages = [client.get(url, params={"limit": 1, "offset": i}).json() for i in range(3)]
    assert [p["total"] for p in pages] == [2, 2, 2]
    assert [q for p in pages for q in p["partners"]] == whole["partners"]
    r = client.get(url, params={"limit": 0})
    assert r.status_code == 422 and "limit" in r.json()["detail"]
