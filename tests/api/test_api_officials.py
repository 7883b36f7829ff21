"""Officials: spelling-tolerant name search, detail with sources, a province's officials."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.api_graph import A1, A3


@pytest.mark.parametrize(
    "name", ["Trần Thị Minh", "tran thi minh", "TRAN-THI-MINH", "Tran Thi Mihn", "Thi Minh"]
)
def test_name_search_tolerates_spelling(client: TestClient, name: str) -> None:
    body = client.get("/officials", params={"name": name}).json()
    assert body["total"] >= 1
    top = body["items"][0]
    assert top["name"] == "Trần Thị Minh" and top["score"] >= 0.72


def test_exact_name_scores_one_and_unrelated_names_are_left_out(client: TestClient) -> None:
    body = client.get("/officials", params={"name": "Nguyễn Tiến Hải"}).json()
    assert [o["name"] for o in body["items"]] == ["Nguyễn Tiến Hải"]
    assert body["items"][0]["score"] == 1.0
    assert client.get("/officials", params={"name": "Phạm Quốc Dũng"}).json()["total"] == 0


def test_list_without_name_is_alphabetical_and_filters_by_province(client: TestClient) -> None:
    body = client.get("/officials").json()
    assert [o["name"] for o in body["items"]] == ["Lê Văn Bình", "Nguyễn Tiến Hải", "Trần Thị Minh"]
    assert all(o["sources"] is None and o["articles"] for o in body["items"])
    # Quảng Ngãi today includes Kon Tum and the old Quảng Ngãi.
    qn = client.get("/officials", params={"province": "Quảng Ngãi"}).json()
    assert {o["name"] for o in qn["items"]} == {"Lê Văn Bình", "Nguyễn Tiến Hải"}
    assert client.get("/officials", params={"province": "Atlantis"}).status_code == 404


def test_detail_has_roles_agreements_events_and_sources(client: TestClient) -> None:
    oid = client.get("/officials", params={"name": "Tran Thi Minh"}).json()["items"][0]["id"]
    body = client.get(f"/official/{oid}").json()
    (role,) = body["roles"]
    assert role["province"]["id"] == "ha-tinh"
    assert role["positions"] == ["Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy"]
    assert (role["first_year"], role["last_year"]) == (2019, 2023)
    assert {s["article"]["id"] for s in role["sources"]} == {A1, A3}
    assert [a["kind"] for a in body["agreements"]] == ["memorandum"]
    assert [e["date"] for e in body["events"]] == ["2019-03-09"]
    assert body["articles"] == [A1, A3]
    assert all(s["sentence"] and s["article"]["title"] for s in body["sources"])


def test_sources_on_lists_only_when_asked(client: TestClient) -> None:
    with_sources = client.get("/officials", params={"name": "Lê Văn Bình", "sources": "true"}).json()
    src = with_sources["items"][0]["sources"]
    assert src and "Lê Văn Bình" in src[0]["sentence"]


def test_unknown_official_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/official/tran-thi-min--ha-tinh")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["suggestions"][0] == "tran-thi-minh--ha-tinh"


def test_province_officials_inherited_from_predecessors(client: TestClient) -> None:
    body = client.get(f"/province/{quote('Quảng Ngãi')}/officials").json()
    assert body["province"]["id"] == "quang-ngai-2025" and body["total"] == 2
    by_name = {o["official"]["name"]: o for o in body["items"]}
    assert by_name["Lê Văn Bình"]["inherited"] and by_name["Lê Văn Bình"]["via"]["id"] == "kon-tum"
    assert by_name["Nguyễn Tiến Hải"]["via"]["id"] == "quang-ngai"
    own = client.get(
        f"/province/{quote('Quảng Ngãi')}/officials", params={"include_inherited": "false"}
    ).json()
    assert own["total"] == 0 and own["items"] == []


def test_province_officials_with_sources(client: TestClient) -> None:
    body = client.get("/province/Ha Tinh/officials", params={"sources": "true"}).json()
    (o,) = body["items"]
    assert not o["inherited"] and o["via"] is None
    assert len(o["sources"]) == 2 and {s["article"]["id"] for s in o["sources"]} == {A1, A3}
