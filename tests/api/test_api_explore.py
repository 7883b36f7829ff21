"""Search across kinds, paths between provinces, and timelines."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

# -- search -------------------------------------------------------------------------------


def test_search_province_by_alias_ranks_exact_first(client: TestClient) -> None:
    body = client.get("/search", params={"q": "Khammuan"}).json()
    top = body["items"][0]
    assert (top["type"], top["id"], top["score"]) == ("province", "khammouane", 1.0)


def test_search_finds_officials_without_diacritics(client: TestClient) -> None:
    body = client.get("/search", params={"q": "nguyen tien hai"}).json()
    top = body["items"][0]
    assert top["type"] == "official" and top["label"] == "Nguyễn Tiến Hải"
    assert top["detail"] == "Quảng Ngãi"


def test_search_agreements_projects_and_articles_by_words(client: TestClient) -> None:
    body = client.get("/search", params={"q": "giao duc"}).json()
    assert ("agreement", "memorandum 2019 (Hà Tĩnh – Khăm Muộn)") in {
        (h["type"], h["label"]) for h in body["items"]
    }
    projects = client.get("/search", params={"q": "thuy loi", "type": "project"}).json()
    assert [h["label"] for h in projects["items"]] == ["Kênh thủy lợi"]
    articles = client.get("/search", params={"q": "ba bên", "type": "article"}).json()
    assert [h["label"] for h in articles["items"]] == ["Biên bản hợp tác ba bên"]


def test_search_ranks_and_pages(client: TestClient) -> None:
    full = client.get("/search", params={"q": "Ha Tinh"}).json()
    scores = [h["score"] for h in full["items"]]
    assert scores == sorted(scores, reverse=True)
    assert full["items"][0]["id"] == "ha-tinh"
    page = client.get("/search", params={"q": "Ha Tinh", "limit": 1, "offset": 1}).json()
    assert page["total"] == full["total"] and page["items"] == full["items"][1:2]
    assert client.get("/search", params={"q": ""}).status_code == 422
    assert client.get("/search").status_code == 422
    assert client.get("/search", params={"q": "x", "type": "planet"}).status_code == 422


# -- paths --------------------------------------------------------------------------------


def test_path_through_partnership_and_shared_agreement(client: TestClient) -> None:
    body = client.get("/path", params={"from": "Khăm Muộn", "to": "Bolikhamxay"}).json()
    assert body["hops"] == 2 and body["total"] == len(body["items"]) >= 2
    routes = {tuple(n["id"] for n in p["nodes"][1:2]) for p in body["items"]}
    assert ("ha-tinh",) in routes  # Khăm Muộn – Hà Tĩnh – Bolikhamxay
    via_agreement = [p for p in body["items"] if p["nodes"][1]["type"] == "agreement"]
    assert via_agreement and via_agreement[0]["links"] == ["PARTY_TO", "PARTY_TO"]
    assert via_agreement[0]["nodes"][1]["label"].startswith("minutes 2023")
    partner = next(p for p in body["items"] if p["nodes"][1]["id"] == "ha-tinh")
    assert partner["links"] == ["PARTNERS_WITH", "PARTNERS_WITH"]


def test_path_through_merger(client: TestClient) -> None:
    body = client.get("/path", params={"from": "Quảng Ngãi", "to": "Attapeu"}).json()
    # Kon Tum's partnership, and the old Quảng Ngãi's that its 2022 visit to Attapư made
    routes = {tuple(n["id"] for n in p["nodes"]): tuple(p["links"]) for p in body["items"]}
    assert routes == {
        ("quang-ngai-2025", "kon-tum", "attapeu"): ("SUCCEEDED_BY", "PARTNERS_WITH"),
        ("quang-ngai-2025", "quang-ngai", "attapeu"): ("SUCCEEDED_BY", "PARTNERS_WITH"),
    }


def test_no_path_same_province_and_unknown(client: TestClient) -> None:
    none = client.get("/path", params={"from": "Ha Tinh", "to": "Attapeu"}).json()
    assert none["hops"] is None and none["total"] == 0 and none["items"] == []
    same = client.get("/path", params={"from": "Ha Tinh", "to": "VN-23"}).json()
    assert same["hops"] == 0 and same["items"][0]["links"] == []
    r = client.get("/path", params={"from": "Ha Tinh", "to": "Narnia"})
    assert r.status_code == 404 and r.json()["suggestions"] is not None
    assert client.get("/path", params={"from": "Ha Tinh"}).status_code == 422


# -- timeline -----------------------------------------------------------------------------


def test_timeline_in_order_with_kinds(client: TestClient) -> None:
    body = client.get("/timeline", params={"province": "Khammouane"}).json()
    got = [(i["date"], i["type"]) for i in body["items"]]
    assert got == sorted(got)
    assert ("2019-03-09", "event") in got and ("2019-03-09", "agreement") in got
    assert ("2019", "project") in got and ("2023", "agreement") in got
    visit = next(i for i in body["items"] if i["type"] == "event")
    assert visit["role"] == "host" and [c["id"] for c in visit["counterparts"]] == ["ha-tinh"]


def test_timeline_filters_inheritance_undated_and_sources(client: TestClient) -> None:
    qn = client.get("/timeline", params={"province": "Quảng Ngãi"}).json()
    assert [i["date"] for i in qn["items"]] == ["2021", "2021", "2021-08", "2022-11-10"]
    assert {i["via"]["id"] for i in qn["items"]} == {"kon-tum", "quang-ngai"}
    assert (
        client.get("/timeline", params={"province": "Quảng Ngãi", "include_inherited": "false"}).json()[
            "total"
        ]
        == 0
    )
    since = client.get("/timeline", params={"province": "Quảng Ngãi", "since": 2022}).json()
    # the canal funded for 2021-2022 runs into 2022: it stays, as one entry for its period
    assert [(i["type"], i["year"], i["until"]) for i in since["items"]] == [
        ("project", 2021, 2022),
        ("event", 2022, None),
    ]
    until = client.get("/timeline", params={"province": "Quảng Ngãi", "until": 2021}).json()
    assert until["total"] == 3
    bl = client.get("/timeline", params={"province": "Bolikhamxay"}).json()
    assert bl["total"] == 1
    with_undated = client.get(
        "/timeline", params={"province": "Bolikhamxay", "include_undated": "true", "sources": "true"}
    ).json()
    assert with_undated["total"] == 3 and with_undated["items"][-1]["date"] is None
    assert all(i["sources"] for i in with_undated["items"])


# -- partners filters (endpoint from the first API, checked again on this graph) ----------


def test_partners_filters(client: TestClient) -> None:
    kh = client.get("/province/Khammouane/partners").json()
    assert [p["province"]["id"] for p in kh["partners"]] == ["ha-tinh"]
    (p,) = kh["partners"]
    assert (p["first_year"], p["last_year"]) == (2019, 2023) and p["article_count"] == 2
    assert client.get("/province/Khammouane/partners", params={"since": 2023}).json()["total"] == 1
    assert client.get("/province/Khammouane/partners", params={"since": 2024}).json()["total"] == 0
    assert client.get("/province/Khammouane/partners", params={"until": 2018}).json()["total"] == 0
    assert client.get("/province/Khammouane/partners", params={"field": "health"}).json()["total"] == 1
    assert client.get("/province/Khammouane/partners", params={"field": "Giáo dục"}).json()["total"] == 1
    assert client.get("/province/Khammouane/partners", params={"field": "mining"}).json()["total"] == 0
    qn = f"/province/{quote('Quảng Ngãi')}/partners"
    assert client.get(qn).json()["partners"][0]["via"]["id"] == "kon-tum"
    assert client.get(qn, params={"include_inherited": "false"}).json()["total"] == 0
    assert client.get(qn, params={"until": 1800}).status_code == 422


def test_path_statement_is_picked_by_engine() -> None:
    from typing import Any

    from app.api.paths import ENGINES, engine_query
    from app.store.cypher import cypher_dir, statement

    asked: list[str] = []

    class Fake:
        def __init__(self, backend: str) -> None:
            self.backend = backend

        def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
            asked.append(name)
            statement(f"read/{name}")  # the file exists
            return []

    for backend in ("embedded", "neo4j"):
        engine_query(Fake(backend), "path", src="a", dst="b")  # type: ignore[arg-type]
    assert asked == ["path.ladybug", "path.neo4j"] and set(ENGINES.values()) == {"ladybug", "neo4j"}
    assert "allShortestPaths" in statement("read/path.neo4j")
    assert "ALL SHORTEST" in statement("read/path.ladybug")
    specific = sorted(p.name for p in (cypher_dir() / "read").glob("*.*.cypher"))
    assert {"path.ladybug.cypher", "path.neo4j.cypher"} <= set(specific)
