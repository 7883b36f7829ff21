"""The request path of cached answers: bounded by bytes, gzipped once, sources paged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import app.api.routes.provinces as provinces_route
from app.api.answers import Answer, Answers
from app.api.main import create_app
from tests.api_graph import build_graph, make_client
from tests.stores import embedded_only, make_store


class _Token:
    """A stand-in store with a snapshot token (Answers needs only that, its owner and a weakref)."""

    snapshot = "1:g"

    @property
    def owner(self) -> _Token:
        return self


def test_answers_are_bounded_by_bytes_least_recent_first() -> None:
    cache: Answers[Answer] = Answers(max_bytes=10_000, weigh=Answer.size)
    store = _Token()
    for i in range(10):
        cache.remember(store, i, lambda: Answer(b"x" * 1_000))  # type: ignore[arg-type]
    assert cache.held_bytes(store) <= 10_000  # type: ignore[arg-type]
    assert cache.peek(store, 9) is not None and cache.peek(store, 0) is None  # type: ignore[arg-type]


@embedded_only
def test_cached_answer_is_gzipped_once_and_served_from_the_kept_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_graph(make_store(tmp_path)).close()
    reader = make_store(tmp_path, read_only=True)
    cache: Answers[Answer] = Answers()
    monkeypatch.setattr(provinces_route, "answers", cache)
    compressed: list[int] = []
    real = gzip.compress

    def counting(data: bytes, *args: object, **kwargs: object) -> bytes:
        compressed.append(len(data))
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("app.api.answers.gzip.compress", counting)
    with TestClient(create_app(reader)) as client:
        url = "/province/Khammouane/partners"
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        zipped = [client.get(url, headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
    reader.close()
    assert all(z.headers.get("content-encoding") == "gzip" for z in zipped)
    assert all(z.json() == plain.json() for z in zipped)  # httpx decodes the gzip
    assert "accept-encoding" in plain.headers["vary"].lower()
    assert len(compressed) == 1  # once per answer, not once per request


def test_partner_sources_are_paged(tmp_path: Path) -> None:
    for client in make_client(tmp_path):
        whole = client.get("/province/Khammouane/partners", params={"sources_limit": 500}).json()
        one = client.get("/province/Khammouane/partners", params={"sources_limit": 1}).json()
        rest = client.get(
            "/province/Khammouane/partners", params={"sources_limit": 500, "sources_offset": 1}
        ).json()
        assert client.get("/province/Khammouane/partners", params={"sources_limit": 501}).status_code == 422
    assert whole["partners"]
    for w, o, r in zip(whole["partners"], one["partners"], rest["partners"], strict=True):
        assert w["sources_total"] == len(w["sources"]) == o["sources_total"]
        assert o["sources"] == w["sources"][:1]
        assert r["sources"] == w["sources"][1:]
        assert o["article_count"] == w["article_count"]


@embedded_only
def test_front_sends_a_kept_answer_without_routing_but_not_past_negotiation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_graph(make_store(tmp_path)).close()
    reader = make_store(tmp_path, read_only=True)
    routed: list[object] = []
    real = provinces_route.note_url
    monkeypatch.setattr(provinces_route, "note_url", lambda r, k: (routed.append(k), real(r, k)))
    url = "/province/Khammouane/partners?limit=5"
    with TestClient(create_app(reader)) as client:
        first = client.get(url)
        again = client.get(url)
        assert len(routed) == 1 and again.content == first.content  # the second never routed
        assert again.headers["content-type"] == "application/json"
        assert client.get(url, headers={"Accept-Encoding": "gzip"}).json() == first.json()
        head = client.head(url)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == first.headers["content-length"]
        assert client.get(url + "&format=csv").headers["content-type"].startswith("text/csv")
        assert client.get(url, headers={"Accept": "text/csv"}).headers["content-type"].startswith("text/csv")
        cors = client.get(url, headers={"Origin": "https://example.org"})
        assert cors.headers["access-control-allow-origin"] == "*"
    reader.close()
