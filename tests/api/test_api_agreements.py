"""Agreements: filters by party, year and kind; detail; a province's agreements."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.api_graph import A1


def kinds(body: dict[str, object]) -> list[str]:
    return [a["kind"] for a in body["items"]]  # type: ignore[attr-defined]


def test_all_agreements_newest_first(client: TestClient) -> None:
    body = client.get("/agreements").json()
    assert body["total"] == 3
    assert [a["signed_year"] for a in body["items"]] == [2023, 2021, 2019]


def test_party_filter_any_spelling_and_several_parties(client: TestClient) -> None:
    assert kinds(client.get("/agreements", params={"party": "Khăm Muộn"}).json()) == ["minutes", "memorandum"]
    both = client.get("/agreements", params=[("party", "LA-KH"), ("party", "Bolikhamxay")]).json()
    assert kinds(both) == ["minutes"]
    # A merged unit answers for its predecessors.
    assert kinds(client.get("/agreements", params={"party": "Quảng Ngãi"}).json()) == ["agreement"]
    assert client.get("/agreements", params={"party": "Nowhere"}).status_code == 404


def test_year_matches_signing_or_period(client: TestClient) -> None:
    assert kinds(client.get("/agreements", params={"year": 2021}).json()) == ["agreement", "memorandum"]
    assert kinds(client.get("/agreements", params={"year": 2023}).json()) == ["minutes", "memorandum"]
    assert client.get("/agreements", params={"year": 2010}).json()["total"] == 0


def test_kind_filter_and_bad_kind(client: TestClient) -> None:
    assert kinds(client.get("/agreements", params={"kind": "minutes"}).json()) == ["minutes"]
    r = client.get("/agreements", params={"kind": "treaty"})
    assert r.status_code == 422 and "kind" in r.json()["detail"]


def test_detail_with_parties_signatories_and_sources(client: TestClient) -> None:
    aid = client.get("/agreements", params={"kind": "memorandum"}).json()["items"][0]["id"]
    body = client.get(f"/agreement/{aid}").json()
    assert {p["id"] for p in body["parties"]} == {"ha-tinh", "khammouane"}
    assert [s["name"] for s in body["signatories"]] == ["Trần Thị Minh"]
    assert body["period"] == [2019, 2023] and body["signed_date"] == "2019-03-09"
    assert body["fields"] == ["giáo dục", "y tế"] and body["sectors"] == ["education", "health"]
    (src,) = body["sources"]
    assert src["article"]["id"] == A1 and "bản ghi nhớ" in src["sentence"]
    assert src["span"]["zone"] == "body" and src["span"]["start"] == 10
    assert src["span"]["rule"] == "vi.agreement.signed-document"


def test_unknown_agreement_404(client: TestClient) -> None:
    aid = client.get("/agreements").json()["items"][0]["id"]
    r = client.get(f"/agreement/{aid[:-1]}x")
    assert r.status_code == 404 and aid in r.json()["suggestions"]


def test_province_agreements_inherited(client: TestClient) -> None:
    body = client.get(f"/province/{quote('Quảng Ngãi')}/agreements").json()
    (a,) = body["items"]
    assert a["kind"] == "agreement" and a["inherited"] and a["via"]["id"] == "kon-tum"
    assert a["sources"] is None and a["articles"]
    cited = client.get(f"/province/{quote('Quảng Ngãi')}/agreements?sources=true").json()
    assert cited["items"][0]["sources"][0]["sentence"]
    assert client.get("/province/Ha Tinh/agreements").json()["total"] == 2
    assert (
        client.get(f"/province/{quote('Quảng Ngãi')}/agreements?include_inherited=false").json()["total"] == 0
    )
