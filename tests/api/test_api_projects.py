"""Projects: filters, detail, and totals (per currency, per year, undated)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from app.api.projects import totals
from tests.api_graph import A3


def row(
    amount: float | None, currency: str | None, years: tuple[int, int] | None, per_year: bool
) -> dict[str, object]:
    return {
        "amount": amount,
        "currency": currency,
        "year_start": years[0] if years else None,
        "year_end": years[1] if years else None,
        "per_year": per_year,
    }


def test_totals_rule() -> None:
    t = totals(
        [
            row(10, "VND", (2020, 2022), True),  # 3 x 10, one per year
            row(5, "VND", (2021, 2024), False),  # lump sum for a period: a period total
            row(3, "VND", (2021, 2021), False),  # lump sum for one year: that year
            row(7, "VND", None, False),  # undated
            row(7, "VND", None, True),  # yearly but no years: once, undated
            row(100, "USD", (2021, 2021), False),
            row(None, None, (2020, 2020), False),  # in kind: not added
        ]
    )
    assert {c.currency: (c.amount, c.projects) for c in t.per_currency} == {"VND": (52, 5), "USD": (100, 1)}
    assert [(y.year, y.currency, y.amount) for y in t.per_year] == [
        (2020, "VND", 10),
        (2021, "USD", 100),
        (2021, "VND", 13),  # never the 5 given for 2021-2024
        (2022, "VND", 10),
    ]
    assert [(p.start, p.end, p.currency, p.amount, p.projects) for p in t.per_period] == [
        (2021, 2024, "VND", 5, 1)
    ]
    assert [(u.currency, u.amount, u.projects) for u in t.undated] == [("VND", 14, 2)]
    assert "per_year" in t.rule


def test_list_with_totals_over_all_pages(client: TestClient) -> None:
    body = client.get("/projects", params={"limit": 1}).json()
    assert body["total"] == 4 and len(body["items"]) == 1
    per_currency = {c["currency"]: c["amount"] for c in body["totals"]["per_currency"]}
    assert per_currency == {"VND": 3 * 2_000_000_000 + 300_000_000, "USD": 500_000}
    per_year = {(y["year"], y["currency"]): y["amount"] for y in body["totals"]["per_year"]}
    assert per_year[(2019, "VND")] == per_year[(2021, "VND")] == 2_000_000_000
    assert (2021, "USD") not in per_year and (2022, "USD") not in per_year  # a 2021-2022 lump sum
    assert body["totals"]["per_period"] == [
        {"start": 2021, "end": 2022, "currency": "USD", "amount": 500_000, "projects": 1}
    ]
    assert body["totals"]["undated"] == [{"currency": "VND", "amount": 300_000_000, "projects": 1}]


def test_filters(client: TestClient) -> None:
    ht = client.get("/projects", params={"funder": "Hà Tĩnh"}).json()
    assert ht["total"] == 3
    bl = client.get("/projects", params={"beneficiary": "Bolikhamxay"}).json()
    assert {p["in_kind"] for p in bl["items"]} == {None, "medical equipment"}
    assert client.get("/projects", params={"year": 2022}).json()["total"] == 1
    assert (
        client.get("/projects", params={"funder": "Quảng Ngãi", "year": 2021}).json()["items"][0]["currency"]
        == "USD"
    )
    assert (
        client.get("/projects", params={"funder": "Hà Tĩnh", "beneficiary": "Attapeu"}).json()["total"] == 0
    )
    assert client.get("/projects", params={"year": "soon"}).status_code == 422


def test_detail(client: TestClient) -> None:
    pid = client.get("/projects", params={"beneficiary": "Bolikhamxay"}).json()["items"][0]["id"]
    body = client.get(f"/project/{pid}").json()
    assert body["funder"]["id"] == "ha-tinh" and body["beneficiary"]["id"] == "bolikhamsai"
    assert body["sources"][0]["article"]["id"] == A3
    assert client.get("/project/project-nope").status_code == 404


def test_province_projects_roles_and_totals(client: TestClient) -> None:
    kh = client.get(f"/province/{quote('Khăm Muộn')}/projects").json()
    (p,) = kh["items"]
    assert p["role"] == "beneficiary" and p["per_year"] and p["years"] == [2019, 2021]
    assert kh["totals"]["per_currency"] == [{"currency": "VND", "amount": 6_000_000_000, "projects": 1}]
    ht = client.get("/province/Ha Tinh/projects", params={"role": "funder"}).json()
    assert ht["total"] == 3 and all(p["role"] == "funder" for p in ht["items"])
    assert client.get("/province/Ha Tinh/projects", params={"role": "beneficiary"}).json()["total"] == 0
    qn = client.get(f"/province/{quote('Quảng Ngãi')}/projects?sources=true").json()
    assert qn["items"][0]["inherited"] and qn["items"][0]["via"]["id"] == "kon-tum"
    assert qn["items"][0]["sources"][0]["sentence"]
    assert client.get("/province/Ha Tinh/projects", params={"role": "donor"}).status_code == 422
