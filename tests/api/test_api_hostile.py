"""Hostile input never breaks the API or the graph.

Long strings, quotes, braces and Cypher keywords in every name and query parameter get
a 4xx or a normal answer, never a 5xx, and the graph's counts are the same afterwards
(input only ever reaches the store as parameters). A schemathesis run over the OpenAPI
schema then tries generated input on every endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.api.main import create_app
from app.settings import Settings
from app.store.base import GraphStore, StoreUnavailable
from tests.api_graph import build_graph
from tests.stores import make_store

HOSTILE = [
    "x" * 10_240,
    "' OR 1=1 --",
    '"}) MATCH (n) DETACH DELETE n //',
    "Khammouane'}) DETACH DELETE p RETURN ('",
    "{id: 'ha-tinh'}",
    "${id}",
    "$ids",
    "MATCH (n) DETACH DELETE n",
    "CALL db.labels() YIELD label RETURN label",
    "CREATE (:Province {id: 'x'})",
    "`Province`",
    "\\u0000\\",
    "ງ" * 300,
    "%",
    " ",
]

PATHS = [
    "/province/{x}",
    "/province/{x}/partners",
    "/province/{x}/officials",
    "/province/{x}/agreements",
    "/province/{x}/projects",
    "/official/{x}",
    "/agreement/{x}",
    "/project/{x}",
    "/articles/{x}",
]
QUERIES = [
    ("/officials", "name", {}),
    ("/officials", "province", {}),
    ("/agreements", "party", {}),
    ("/projects", "funder", {}),
    ("/projects", "beneficiary", {}),
    ("/search", "q", {}),
    ("/path", "from", {"to": "Hà Tĩnh"}),
    ("/path", "to", {"from": "Hà Tĩnh"}),
    ("/timeline", "province", {}),
    ("/articles", "outlet", {}),
    ("/articles", "province", {}),
    ("/province/Khammouane/partners", "field", {}),
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = build_graph(make_store(tmp_path_factory.mktemp("hostile") / "store"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def app(graph: GraphStore) -> FastAPI:
    return create_app(graph)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_hostile_strings_never_5xx_nor_change_the_graph(client: TestClient, graph: GraphStore) -> None:
    before = graph.counts()
    seen = set()
    for text in HOSTILE:
        for template in PATHS:
            r = client.get(template.replace("{x}", quote(text, safe="")))
            assert r.status_code < 500, (template, text[:40], r.text[:200])
            if len(text) > 1000:
                assert 400 <= r.status_code < 500, (template, r.status_code)
            seen.add(r.status_code)
        for url, name, extra in QUERIES:
            r = client.get(url, params={**extra, name: text})
            assert r.status_code < 500, (url, name, text[:40], r.text[:200])
            if len(text) > 1000:
                assert 400 <= r.status_code < 500, (url, name, r.status_code)
            seen.add(r.status_code)
    assert graph.counts() == before
    assert {404, 422} <= seen
    # The graph still answers normally.
    assert client.get("/province/Khammouane/partners").json()["total"] == 1


def test_errors_are_problem_details(client: TestClient) -> None:
    for url in ("/province/%22%7D%29/officials", "/officials?limit=9999", "/nowhere"):
        r = client.get(url)
        assert r.headers["content-type"] == "application/problem+json", url
        body = r.json()
        assert {"type", "title", "status", "detail"} <= set(body) and body["status"] == r.status_code


#: Every GET operation in the schema (built without a store: only the routes matter here).
OPERATIONS = sorted(path for path, item in create_app(None).openapi()["paths"].items() if "get" in item)


@pytest.fixture(scope="module")
def openapi_schema(app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


#: What every generated request's answer is held to: no 5xx, a status code the operation
#: declares, a declared media type, and a body valid against the declared schema (problem+json
#: errors included).
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.parametrize("path", OPERATIONS)
def test_generated_requests_get_the_answers_the_schema_declares(
    openapi_schema: schemathesis.BaseSchema, graph: GraphStore, path: str
) -> None:
    """Schemathesis generates requests for one operation; a bounded, reproducible run."""
    operation = openapi_schema[path]["GET"]
    before = graph.counts()

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
        response = case.call()
        case.validate_response(response, checks=CONFORMANCE)

    run()
    assert graph.counts() == before


@pytest.mark.parametrize("path", OPERATIONS)
def test_without_a_store_answers_are_declared_503s(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the store down, each operation answers what it declares: a problem+json 503
    where it reads the store, its normal answer where it does not (or a declared 4xx)."""
    import app.api.main as main_module

    def down(_: Settings, **__: object) -> GraphStore:
        raise StoreUnavailable("cannot reach Neo4j at bolt://127.0.0.1:9: connection refused")

    monkeypatch.setattr(main_module, "open_reader", down)  # at start-up and on every request
    app = create_app(None, Settings())
    operation = schemathesis.openapi.from_asgi("/openapi.json", app)[path]["GET"]
    declared = operation.definition.raw["responses"]
    seen: set[int] = set()

    @given(case=operation.as_strategy())
    @settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
        response = case.call()
        seen.add(response.status_code)
        case.validate_response(
            response, checks=[status_code_conformance, content_type_conformance, response_schema_conformance]
        )

    run()
    assert (503 in seen) == ("503" in declared) or seen <= {404, 422}, (seen, sorted(declared))
