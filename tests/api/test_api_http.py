"""HTTP conformance and exposure (issue 11): Allow on 405, HEAD wherever GET is, paging
limits on every list, redirects from the configured base URI, no internal paths or URIs
in error bodies, /health degraded with a reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.settings import Settings
from app.store import StoreError, open_store
from tests.stores import embedded_only, make_store


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(make_store(tmp_path / "s")))


def test_405_says_what_is_allowed(client: TestClient) -> None:
    r = client.post("/provinces")
    assert r.status_code == 405
    assert "GET" in r.headers["allow"]


@pytest.mark.parametrize("path", ["/provinces", "/health", "/stats", "/officials", "/search?q=lao"])
def test_head_wherever_get_is(client: TestClient, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.parametrize("bad", ["-1", "0", "1e12", "NaN", "501"])
def test_provinces_limit_out_of_range_is_422(client: TestClient, bad: str) -> None:
    assert client.get("/provinces", params={"limit": bad}).status_code == 422
    assert client.get("/provinces", params={"offset": "-1"}).status_code == 422


def test_provinces_pages(client: TestClient) -> None:
    everything = client.get("/provinces").json()
    page = client.get("/provinces", params={"limit": 3, "offset": 2}).json()
    assert page["total"] == everything["total"] > 100
    assert page["items"] == everything["items"][2:5]


def test_redirect_is_built_from_the_base_uri_not_host(client: TestClient) -> None:
    r = client.get("/provinces/?country=LA", headers={"Host": "evil.example"}, follow_redirects=False)
    assert r.status_code == 307
    assert r.headers["location"] == "http://localhost:8000/provinces?country=LA"


@embedded_only
def test_health_is_degraded_with_a_reason_and_bodies_name_no_paths(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).close()
    settings = Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(data))
    (data / "vlkg.lbdb").write_bytes(b"")  # emptied before the server starts
    with TestClient(create_app(None, settings)) as c:
        r = c.get("/health")
        assert r.status_code == 503
        assert r.json() == {
            "status": "degraded",
            "backend": "embedded",
            "reason": "the graph store cannot be read (empty)",
        }
        stats = c.get("/stats")
        assert stats.status_code == 503 and str(tmp_path) not in stats.text
        (data / "vlkg.lbdb").unlink()  # repaired: an operator runs `vlkg ingest --force`
        (data / "vlkg-store.json").unlink()
        make_store(data).close()
        time.sleep(1.1)  # the server tries again at most once a second
        assert c.get("/health").json()["status"] == "ok"


def test_unreachable_neo4j_body_names_no_uri() -> None:
    settings = Settings(
        VLKG_STORE="neo4j", NEO4J_URI="bolt://127.0.0.1:9", NEO4J_PASSWORD="not-a-placeholder"
    )
    with TestClient(create_app(None, settings)) as c:
        r = c.get("/stats")
        assert r.status_code == 503 and "127.0.0.1" not in r.text
        health = c.get("/health")
        assert health.status_code == 503 and health.json()["status"] == "degraded"


def test_placeholder_password_is_refused() -> None:
    for password in ("", "change-me-please"):
        settings = Settings(VLKG_STORE="neo4j", NEO4J_URI="bolt://127.0.0.1:9", NEO4J_PASSWORD=password)
        with pytest.raises(StoreError, match="placeholder"):
            open_store(settings)


@embedded_only
def test_health_of_a_served_snapshot_is_answered_without_the_thread_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The thread pool is where searches hold the GIL (issue 11): `/health` of an open
    read-only store with nothing to refresh answers on the event loop, damage included."""
    import app.api.routes.system as system
    from app.store.embedded import EmbeddedStore

    data = tmp_path / "data"
    make_store(data).close()
    settings = Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(data))
    with TestClient(create_app(None, settings)) as c:
        assert c.get("/health").json()["status"] == "ok"  # opened (in the thread pool)

        async def no_pool(*_: object, **__: object) -> None:
            raise AssertionError("/health went to the thread pool")

        monkeypatch.setattr(system, "run_in_threadpool", no_pool)
        store = c.app.state.store
        assert isinstance(store, EmbeddedStore)
        store._next_look = time.monotonic() + 3600  # no look for new data due
        assert c.get("/health").json() == {"status": "ok", "backend": "embedded"}
        (data / "vlkg-store.json").write_text("{not json", encoding="utf-8")  # damaged meanwhile
        r = c.get("/health")
        assert r.status_code == 503 and r.json()["reason"] == "the graph store cannot be read (damaged)"
