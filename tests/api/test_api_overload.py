"""Overload guards: the per-client rate limit (off by default) and the longest query."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.ratelimit import RateLimit
from app.settings import Settings


def _settings(tmp_path: Path, **env: str) -> Settings:
    return Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(tmp_path / "data"), **env)  # type: ignore[call-arg]


def test_bucket_refills_at_the_rate_and_says_how_long_to_wait() -> None:
    now = [100.0]
    limit = RateLimit(app=None, rate=2.0, burst=2.0, clock=lambda: now[0])  # type: ignore[arg-type]
    assert limit.wait("a") == 0 and limit.wait("a") == 0
    assert limit.wait("a") == 0.5  # empty: one token comes in 1/2 s
    assert limit.wait("b") == 0  # another client has its own bucket
    now[0] += 0.5
    assert limit.wait("a") == 0


def test_rate_limit_answers_429_problem_with_retry_after(tmp_path: Path) -> None:
    settings = _settings(tmp_path, VLKG_RATE_LIMIT="0.5", VLKG_RATE_BURST="2")
    with TestClient(create_app(None, settings)) as client:
        assert client.get("/provinces").status_code == 200
        assert client.get("/provinces").status_code == 200
        r = client.get("/provinces")
        assert r.status_code == 429
        assert r.headers["content-type"] == "application/problem+json"
        assert r.headers["retry-after"] == "2"
        assert r.json()["status"] == 429
        assert client.get("/health").status_code == 200  # monitors are never limited


def test_rate_limit_is_off_by_default(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert settings.rate_limit == 0
    with TestClient(create_app(None, settings)) as client:
        assert all(client.get("/provinces").status_code == 200 for _ in range(30))


def test_search_query_longer_than_200_is_refused(tmp_path: Path) -> None:
    with TestClient(create_app(None, _settings(tmp_path))) as client:
        assert client.get("/search", params={"q": "a" * 200}).status_code == 200
        r = client.get("/search", params={"q": "a" * 201})
        assert r.status_code == 422
        assert r.headers["content-type"] == "application/problem+json"
