"""An article and every fact it supports, with the evidence sentences from that article."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api_graph import A1, A3


def test_article_lists_every_fact_with_its_sentences(client: TestClient) -> None:
    body = client.get(f"/articles/{A1}").json()
    assert body["title"] == "Hà Tĩnh và Khăm Muộn ký bản ghi nhớ hợp tác"
    assert body["published"] == "2019-03-10" and body["year"] == 2019 and body["outlet"] == "example.vn"
    facts = {f["fact"] for f in body["facts"]}
    assert facts == {
        "Official", "Agreement", "Project", "Event", "PARTNERS_WITH", "OFFICIAL_OF", "PARTY_TO",
        "SIGNED", "LED", "FUNDED", "BENEFITS", "HOSTED", "VISITED",
    }  # fmt: skip
    assert all(f["sentences"] for f in body["facts"])
    partnership = next(f for f in body["facts"] if f["fact"] == "PARTNERS_WITH")
    assert partnership["subject"]["id"] == "ha-tinh" and partnership["object"]["label"] == "Khăm Muộn"
    # The partnership is also cited by A3, but only A1's sentence is shown here.
    assert partnership["sentences"] == ["Chủ tịch tỉnh Hà Tĩnh dẫn đoàn sang thăm tỉnh Khăm Muộn."]
    assert partnership["spans"][0]["start"] == 10
    signed = next(f for f in body["facts"] if f["fact"] == "SIGNED")
    assert signed["subject"]["type"] == "official" and signed["object"]["type"] == "agreement"
    assert signed["object"]["label"].startswith("memorandum 2019")


def test_fact_shared_by_two_articles_shows_each_its_own_sentence(client: TestClient) -> None:
    body = client.get(f"/articles/{A3}").json()
    official = next(f for f in body["facts"] if f["fact"] == "Official")
    assert official["sentences"] == ["Bí thư Tỉnh ủy Trần Thị Minh chủ trì buổi ký."]
    parties = [f for f in body["facts"] if f["fact"] == "PARTY_TO"]
    assert len(parties) == 3


def test_unknown_article_404_with_suggestions(client: TestClient) -> None:
    r = client.get(f"/articles/{A1[:-1]}0")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["suggestions"] == [A1]
    assert client.get("/articles/" + "z" * 65).status_code == 422


def test_event_detail(client: TestClient) -> None:
    body = client.get(f"/articles/{A1}").json()
    event = next(f["subject"] for f in body["facts"] if f["fact"] == "Event")
    detail = client.get(f"/event/{event['id']}").json()
    assert detail["uri"] == event["uri"] and detail["uri"].endswith(f"/event/{event['id']}")
    assert [p["id"] for p in detail["hosts"]] == ["khammouane"]
    assert [p["id"] for p in detail["visitors"]] == ["ha-tinh"]
    assert [o["name"] for o in detail["leaders"]] == ["Trần Thị Minh"]
    assert detail["date"] == "2019-03-09" and detail["sources"][0]["article"]["id"] == A1
    missing = client.get("/event/event-0000")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"


def test_article_list_newest_first_with_the_provinces_each_states_facts_about(client: TestClient) -> None:
    body = client.get("/articles").json()
    assert body["total"] == 4 and (body["limit"], body["offset"]) == (50, 0)
    assert [a["published"] for a in body["items"]] == ["2023-04-02", "2022-11-11", "2021-08-01", "2019-03-10"]
    first = body["items"][-1]
    assert first["id"] == A1 and first["uri"].endswith(f"/articles/{A1}") and first["year"] == 2019
    assert first["outlet"] == "example.vn" and first["language"] == "vi"
    assert {p["id"] for p in first["provinces"]} == {"ha-tinh", "khammouane"}
    # Pages concatenate to the whole list.
    paged = [a["id"] for off in (0, 2) for a in client.get(f"/articles?limit=2&offset={off}").json()["items"]]
    assert paged == [a["id"] for a in body["items"]]


def test_article_list_filters_by_outlet_year_and_province(client: TestClient) -> None:
    def ids(**query: str | int) -> list[str]:
        r = client.get("/articles", params=query)
        assert r.status_code == 200, r.text
        return [a["id"] for a in r.json()["items"]]

    assert ids(outlet="WWW.Example.VN") == [A1]  # no case, no www.
    assert ids(outlet="nowhere.example") == []
    assert ids(year=2023) == [A3] and ids(year=1999) == []
    assert ids(province="Khăm Muộn") == [A3, A1]  # any spelling of Khammouane
    assert ids(province="LA-KH", year=2019) == [A1]
    # Today's Quảng Ngãi takes in the old Quảng Ngãi (2022) and Kon Tum (2021), unless asked not to.
    assert ids(province="Quảng Ngãi") == ["d4d4d4d4d4d4d4d4", "b2b2b2b2b2b2b2b2"]
    assert ids(province="Quảng Ngãi", include_inherited="false") == []


def test_article_list_rejects_unknown_provinces_and_bad_years(client: TestClient) -> None:
    r = client.get("/articles?province=Atlantis")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert client.get("/articles?year=20230").status_code == 422
    csv = client.get("/articles?format=csv&year=2019")
    assert csv.headers["content-type"].startswith("text/csv") and A1 in csv.text
