"""The OpenAPI document describes the API as it answers (app/api/contract.py).

Generated clients and readers of /docs rely on it: errors are problem+json, operation ids
are names a client library can use, entity routes list their RDF alternatives, and the
fields readers ask about are explained, with examples taken from the sample articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from tests.api_graph import make_client

DOC: dict[str, Any] = create_app(None).openapi()
OPERATIONS = [(path, op) for path, item in DOC["paths"].items() for op in item.values()]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from make_client(tmp_path_factory.mktemp("contract"))


def test_operation_ids_are_function_names() -> None:
    ids = {path: op["operationId"] for path, op in OPERATIONS}
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", i) for i in ids.values()), ids
    assert ids["/province/{name}/partners"] == "get_partners"
    assert ids["/province/{name}/officials"] == "get_province_officials"
    assert ids["/articles"] == "list_articles"


def test_errors_are_declared_as_problem_details() -> None:
    assert "HTTPValidationError" not in str(DOC)
    assert {"type", "title", "status", "detail"} <= set(DOC["components"]["schemas"]["Problem"]["properties"])
    for path, op in OPERATIONS:
        for status, response in op["responses"].items():
            if (path, status) == ("/health", "503"):
                # A degraded health report is the Health document itself, with its reason.
                assert list(response["content"]) == ["application/json"]
                assert response["content"]["application/json"]["schema"]["$ref"].endswith("/Health")
                continue
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], (path, status)
    partners = DOC["paths"]["/province/{name}/partners"]["get"]["responses"]
    assert {"200", "404", "422", "503"} <= set(partners)
    assert set(DOC["paths"]["/ontology"]["get"]["responses"]) == {"200"}  # no store, no parameters


def test_declared_errors_are_the_ones_sent(client: TestClient) -> None:
    """Each problem the document declares for partners and an official is what the server sends."""
    for url, status in [
        ("/province/Atlantis/partners", 404),
        ("/province/Khammouane/partners?limit=0", 422),
        ("/official/nobody", 404),
        ("/official/nobody?format=csv", 404),
        ("/province/Khammouane?format=csv", 406),
    ]:
        r = client.get(url)
        assert r.status_code == status, url
        assert r.headers["content-type"] == "application/problem+json", url
        path = re.sub(r"^/(province|official)/[^/?]+", lambda m: f"/{m.group(1)}/{{x}}", url.split("?")[0])
        declared = next(op for p, op in OPERATIONS if re.sub(r"\{[^}]+\}", "{x}", p) == path)["responses"]
        assert str(status) in declared, url


def test_entity_routes_list_their_rdf_alternatives(client: TestClient) -> None:
    for path in (
        "/province/{name}",
        "/official/{official_id}",
        "/articles/{article_id}",
        "/event/{event_id}",
    ):
        content = DOC["paths"][path]["get"]["responses"]["200"]["content"]
        assert set(content) == {
            "application/json",
            "text/turtle",
            "application/ld+json",
            "application/n-triples",
        }
        assert "406" in DOC["paths"][path]["get"]["responses"]
    r = client.get("/province/Khammouane", headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")


def test_tags_are_described() -> None:
    described = {t["name"]: t["description"] for t in DOC["tags"]}
    used = {tag for _, op in OPERATIONS for tag in op.get("tags", [])}
    assert used <= set(described) and all(described.values())


def test_fields_readers_ask_about_are_described() -> None:
    schemas = DOC["components"]["schemas"]
    for model in ("Partner", "NetworkLink", "Agreement", "Project", "ProvinceOfficial", "Role", "Event"):
        props = schemas[model]["properties"]
        for name in ("confidence", "kinds", "first_year", "via"):
            if name in props:
                assert props[name].get("description"), (model, name)
    assert "agreement" in schemas["Partner"]["properties"]["kinds"]["description"]
    assert "merged" in schemas["Partner"]["properties"]["via"]["description"]


def test_examples_come_from_the_data_not_placeholders(client: TestClient) -> None:
    """Swagger UI shows `"string"` where a schema has no example; the main shapes have real ones,
    and the province example is what the API answers for Khammouane."""
    schemas = DOC["components"]["schemas"]
    for model in ("ProvinceRef", "ArticleRef", "AgreementRef", "OfficialRef", "Source", "EntityRef"):
        for name, prop in schemas[model]["properties"].items():
            if prop.get("type") == "string":
                assert prop.get("examples"), (model, name)
    example = {
        k: v["examples"][0] for k, v in schemas["ProvinceRef"]["properties"].items() if "examples" in v
    }
    real = client.get("/province/Khammouane").json()
    assert {k: real[k] for k in example if k != "uri"} == {k: v for k, v in example.items() if k != "uri"}
    assert real["uri"].endswith(example["uri"].split("8000", 1)[1])
    name = DOC["paths"]["/province/{name}/partners"]["get"]["parameters"][0]
    assert name["name"] == "name" and name["schema"]["examples"] == ["Khammouane"]
