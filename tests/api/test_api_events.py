"""`/events`: visits and meetings, newest first, by province (merged units included), year, kind."""

from __future__ import annotations

from fastapi.testclient import TestClient


def dates(body: dict[str, object]) -> list[str]:
    return [i["date"] for i in body["items"]]  # type: ignore[attr-defined]


def test_all_events_newest_first(client: TestClient) -> None:
    body = client.get("/events").json()
    assert body["total"] == 3
    assert dates(body) == ["2022-11-10", "2021-08", "2019-03-09"]
    assert all(i["sources"] is None for i in body["items"])


def test_a_merged_province_keeps_its_predecessors_events(client: TestClient) -> None:
    assert dates(client.get("/events", params={"province": "Kon Tum"}).json()) == ["2021-08"]
    assert dates(client.get("/events", params={"province": "Quảng Ngãi"}).json()) == ["2022-11-10", "2021-08"]


def test_year_kind_and_sources(client: TestClient) -> None:
    assert dates(client.get("/events", params={"year": 2022}).json()) == ["2022-11-10"]
    assert dates(client.get("/events", params={"kind": "meeting"}).json()) == ["2021-08"]
    (item,) = client.get("/events", params={"province": "Khammouane", "sources": "true"}).json()["items"]
    assert item["sources"] and item["leaders"]
    assert item == client.get(f"/event/{item['id']}").json()


def test_unknown_province_is_a_problem(client: TestClient) -> None:
    r = client.get("/events", params={"province": "Atlantis"})
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
