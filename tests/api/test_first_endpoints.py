"""Health, stats, provinces and partners, as a client sees them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.settings import Settings
from app.store.base import GraphStore, StoreUnavailable
from ingest.load import load_articles
from tests.factories import camau_khammouane, hatinh_khammouane, kontum_attapeu
from tests.stores import STORE, make_store


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = make_store(tmp_path / "store")
    load_articles(store, [camau_khammouane(), hatinh_khammouane(), kontum_attapeu()])
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok", "backend": STORE}
    stats = client.get("/stats").json()
    assert stats["nodes"]["Article"] == 3
    assert stats["relationships"]["PARTNERS_WITH"] == 3
    assert client.get("/stats").json() == stats


def test_provinces_filter_by_country(client: TestClient) -> None:
    la = client.get("/provinces", params={"country": "LA"}).json()
    assert la["total"] == 18 and all(p["country"] == "LA" and p["iso"] for p in la["items"])
    vn_now = client.get("/provinces", params={"country": "VN", "current": "true"}).json()
    assert vn_now["total"] == 34
    assert client.get("/provinces", params={"country": "TH"}).status_code == 422


def test_province_by_any_alias(client: TestClient) -> None:
    for name in ("Khammouane", "Khăm Muộn", "khăm muồn", "LA-KH", "khammuan"):
        body = client.get(f"/province/{quote(name)}").json()
        assert body["id"] == "khammouane" and body["iso"] == "LA-KH"
    qn = client.get("/province/Quảng Ngãi").json()
    assert {p["id"] for p in qn["predecessors"]} == {"kon-tum", "quang-ngai"}


def test_partners_same_for_every_spelling(client: TestClient) -> None:
    a = client.get("/province/Khammouane/partners").json()
    b = client.get(f"/province/{quote('Khăm Muộn')}/partners").json()
    assert a == b
    names = {p["province"]["name"] for p in a["partners"]}
    assert names == {"Cà Mau", "Hà Tĩnh"}
    camau = next(p for p in a["partners"] if p["province"]["id"] == "ca-mau")
    assert camau["province"]["iso"] == "VN-59"
    assert camau["first_year"] == 2014 and camau["last_year"] == 2023
    assert camau["agreements"][0]["kind"] == "minutes"
    src = camau["sources"][0]
    assert src["article"]["title"] == "Cà Mau và Khăm Muộn tăng cường hợp tác"
    assert "Khăm Muộn" in src["sentence"]
    assert not camau["inherited"]


def test_merged_province_shows_inherited_partners(client: TestClient) -> None:
    body = client.get(f"/province/{quote('Quảng Ngãi')}/partners").json()
    assert body["province"]["id"] == "quang-ngai-2025"
    (partner,) = body["partners"]
    assert partner["province"]["id"] == "attapeu"
    assert partner["inherited"] is True and partner["via"]["id"] == "kon-tum"
    assert (
        client.get(f"/province/{quote('Quảng Ngãi')}/partners?include_inherited=false").json()["total"] == 0
    )


def test_partner_filters(client: TestClient) -> None:
    assert client.get("/province/Khammouane/partners?since=2023").json()["total"] == 1
    assert client.get("/province/Khammouane/partners?until=2010").json()["total"] == 0
    only = client.get("/province/Khammouane/partners?field=education").json()
    assert [p["province"]["id"] for p in only["partners"]] == ["ca-mau"]
    assert client.get("/province/Khammouane/partners?since=1200").status_code == 422


def test_unknown_province_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/province/Atlantis/partners")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 404 and body["suggestions"]
    near = client.get("/province/Khammuoane").json()
    assert "Khăm Muộn" in near["suggestions"]


def test_every_province_object_has_iso(client: TestClient) -> None:
    body = client.get("/province/Khammouane/partners").json()
    assert "iso" in body["province"]
    assert all("iso" in p["province"] for p in body["partners"])


def test_unreachable_neo4j_is_503() -> None:
    settings = Settings(VLKG_STORE="neo4j", NEO4J_URI="bolt://127.0.0.1:9", NEO4J_PASSWORD="secret-enough")
    with TestClient(create_app(None, settings)) as c:
        r = c.get("/health")
        assert r.status_code == 503
        assert r.json()["status"] == "degraded" and r.json()["reason"]
        partners = c.get("/province/Khammouane/partners")
        assert partners.status_code == 503
        assert partners.headers["content-type"] == "application/problem+json"
        assert "bolt://" not in partners.text  # the URI goes to the log, not to clients


def test_browser_style_sheet_is_served(client: TestClient) -> None:
    r = client.get("/browser/style.grass")
    assert r.status_code == 200
    assert "node.Province" in r.text


def test_store_that_comes_up_later_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that is down when the API starts gives 503s, then answers once it is up:
    no restart of the API needed."""
    import app.api.main as main_module
    from app.api import deps

    up = False

    def open_when_up(settings: Settings, recover: bool = False) -> GraphStore:
        if not up:
            raise StoreUnavailable("cannot reach Neo4j at bolt://127.0.0.1:9: connection refused")
        return make_store(tmp_path / "later")

    monkeypatch.setattr(main_module, "open_reader", open_when_up)
    monkeypatch.setattr(deps, "REOPEN_SECONDS", 0.0)
    with TestClient(create_app(None, Settings())) as c:
        r = c.get("/health")
        assert r.status_code == 503 and r.json()["status"] == "degraded"
        up = True
        r = c.get("/health")
        assert r.status_code == 200, r.text
        assert c.get("/stats").json()["nodes"]["Province"] == 0
