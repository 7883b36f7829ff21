"""Meaning kept from facts to every output: district twinning, amount qualifiers, kinds.

District twinning is stored as a `DistrictPartnership` with IN_PROVINCE edges to the
provinces of its sides, served at `/province/{name}/districts`, written to RDF and to
`district_partnerships.csv`; a project's qualifier reaches the API, RDF and CSV; and the
loader names the kinds of a partnership from the facts behind it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef

from app.api.main import create_app
from app.facts import (
    AgreementFact,
    ArticleFacts,
    DistrictPartnershipFact,
    EventFact,
    FactsDocument,
    PartnershipFact,
    ProjectFact,
)
from app.rdf import vocab as V
from app.rdf.validate import export_graph, validate_graph
from app.store.base import GraphStore
from app.tables import write_tables
from app.uris import entity_uri
from tests.factories import ev, load_all
from tests.run import vlkg
from tests.stores import make_store

TWIN = "Huyện Mộc Châu kết nghĩa với huyện Viêng Xay (Hủa Phăn)."


def sonla_houaphanh() -> ArticleFacts:
    """Sơn La twins two districts with Houaphanh's and gives a hedged sum over five years."""
    return ArticleFacts(
        id="5a5a5a5a5a5a5a5a",
        source="https://news.example/son-la-hua-phan",
        url="https://news.example/son-la-hua-phan",
        title="Sơn La và Hủa Phăn kết nghĩa cấp huyện",
        published=dt.date(2023, 4, 2),
        outlet="news.example",
        district_partnerships=[
            DistrictPartnershipFact(
                vn_district="huyện Mộc Châu",
                vn_province="VN-05",
                la_district="huyện Viêng Xay",
                la_province="LA-HO",
                confidence=0.8,
                rule="vi.district.pair",
                evidence=ev(TWIN),
            ),
            DistrictPartnershipFact(
                vn_district="huyện Sốp Cộp",
                vn_province="VN-05",
                la_district="huyện Xiềng Khọ",
                la_province=None,  # the article does not place it
                confidence=0.7,
                evidence=ev("Huyện Sốp Cộp hợp tác với huyện Xiềng Khọ.", start=60),
            ),
        ],
        projects=[
            ProjectFact(
                funder="VN-05",
                beneficiary="LA-HO",
                description="Hỗ trợ xây trường",
                amount=50_000_000_000,
                currency="VND",
                qualifier="more_than",
                years=(2018, 2022),
                evidence=ev("Giai đoạn 2018-2022 Sơn La hỗ trợ Hủa Phăn hơn 50 tỷ đồng.", start=120),
            )
        ],
        events=[
            EventFact(
                kind="meeting",
                date="2023-04-01",
                host="VN-05",
                visitor="LA-HO",
                evidence=ev("Hai tỉnh hội đàm tại Sơn La.", start=200),
            )
        ],
    )


def thanhhoa_houaphanh() -> ArticleFacts:
    """A partnership stated only as a visit and an agreement."""
    visit = ev("Đoàn Thanh Hóa thăm Hủa Phăn và ký biên bản hợp tác.")
    return ArticleFacts(
        id="6b6b6b6b6b6b6b6b",
        source="thanhhoa.txt",
        published=dt.date(2022, 9, 9),
        agreements=[
            AgreementFact(parties=["VN-21", "LA-HO"], kind="minutes", signed_year=2022, evidence=visit)
        ],
        events=[EventFact(kind="visit", date="2022-09-08", host="LA-HO", visitor="VN-21", evidence=visit)],
        partnerships=[PartnershipFact(vn="VN-21", la="LA-HO", kind="twinning", evidence=visit)],
    )


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[GraphStore]:
    store = load_all(make_store(tmp_path / "store"), [sonla_houaphanh(), thanhhoa_houaphanh()])
    yield store
    store.close()


@pytest.fixture
def client(graph: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(graph)) as c:
        yield c


def test_district_twinning_is_stored_with_its_provinces(graph: GraphStore) -> None:
    counts = graph.counts()
    assert counts["nodes"]["DistrictPartnership"] == 2
    assert counts["relationships"]["IN_PROVINCE"] == 3  # Xiềng Khọ's province is unknown


def test_a_second_load_changes_nothing(graph: GraphStore) -> None:
    from ingest.load import load_articles

    again = load_articles(graph, [sonla_houaphanh(), thanhhoa_houaphanh()])
    assert (again.nodes_created, again.nodes_updated, again.rels_created, again.rels_updated) == (0, 0, 0, 0)


def test_province_districts_answer(client: TestClient) -> None:
    body = client.get("/province/Hủa Phăn/districts", params={"sources": "true"}).json()
    assert body["total"] == 1 and body["province"]["id"] == "houaphanh"
    (item,) = body["items"]
    assert (item["vn_district"], item["la_district"]) == ("huyện Mộc Châu", "huyện Viêng Xay")
    assert item["vn_province"]["id"] == "son-la" and item["la_province"]["id"] == "houaphanh"
    assert (item["first_year"], item["last_year"], item["confidence"]) == (2023, 2023, 0.8)
    assert item["sources"][0]["sentence"] == TWIN
    son_la = client.get("/province/Son La/districts").json()
    assert son_la["total"] == 2
    unplaced = next(i for i in son_la["items"] if i["la_district"] == "huyện Xiềng Khọ")
    assert unplaced["la_province"] is None
    one = client.get(f"/district-partnership/{item['id']}").json()
    assert one["vn_district"] == "huyện Mộc Châu" and one["sources"][0]["article"]["id"] == "5a5a5a5a5a5a5a5a"
    missing = client.get("/district-partnership/district-nope")
    assert missing.status_code == 404


def test_article_lists_its_district_twinning(client: TestClient) -> None:
    facts = client.get("/articles/5a5a5a5a5a5a5a5a").json()["facts"]
    twins = [f for f in facts if f["fact"] == "DistrictPartnership"]
    assert {f["subject"]["label"] for f in twins} == {
        "huyện Mộc Châu – huyện Viêng Xay",
        "huyện Sốp Cộp – huyện Xiềng Khọ",
    }


def test_qualifier_and_period_total_in_the_api(client: TestClient) -> None:
    body = client.get("/province/Son La/projects").json()
    (project,) = body["items"]
    assert (project["amount"], project["qualifier"], project["per_year"]) == (50e9, "more_than", False)
    assert body["totals"]["per_year"] == []  # never booked to 2018
    assert body["totals"]["per_period"] == [
        {"start": 2018, "end": 2022, "currency": "VND", "amount": 50e9, "projects": 1}
    ]
    timeline = client.get("/timeline", params={"province": "Son La"}).json()
    entry = next(i for i in timeline["items"] if i["type"] == "project")
    assert (entry["year"], entry["until"]) == (2018, 2022)


def test_partnership_kinds_come_from_the_facts_behind_it(client: TestClient) -> None:
    links = {(ln["vn"], ln["la"]): ln["kinds"] for ln in client.get("/network").json()["links"]}
    # Sơn La–Hủa Phăn: no partnership fact at all, but aid, a meeting and twinned districts
    assert links[("son-la", "houaphanh")] == ["aid", "district", "event"]
    assert links[("thanh-hoa", "houaphanh")] == ["agreement", "twinning", "visit"]
    only_aid = client.get("/network", params={"kind": "aid"}).json()["links"]
    assert [(ln["vn"], ln["la"]) for ln in only_aid] == [("son-la", "houaphanh")]


def test_rdf_carries_districts_and_qualifier_and_validates(graph: GraphStore) -> None:
    g = Graph()
    for s, p, o in export_graph(graph):
        g.add((s, p, o))
    dp = next(iter(g.subjects(URIRef(V.VIETNAMESE_DISTRICT), Literal("huyện Mộc Châu", lang="vi"))))
    assert (dp, URIRef(V.LAO_PROVINCE), URIRef(entity_uri("Province", "houaphanh"))) in g
    assert (URIRef(entity_uri("Province", "son-la")), URIRef(V.DISTRICT_PARTNERSHIP_OF), dp) in g
    assert Literal("more_than") in set(g.objects(None, URIRef(V.AMOUNT_QUALIFIER)))
    report = validate_graph(export_graph(graph))
    assert report.conforms, report.text


def test_tables_have_districts_and_qualifier(graph: GraphStore, tmp_path: Path) -> None:
    counts = write_tables(graph, tmp_path / "tables")
    assert counts["district_partnerships"] == 2
    with open(tmp_path / "tables" / "district_partnerships.csv", encoding="utf-8") as f:
        rows = {r["vn_district"]: r for r in csv.DictReader(f)}
    moc_chau = rows["huyện Mộc Châu"]
    assert (moc_chau["vn_code"], moc_chau["la_code"], moc_chau["la_name_en"]) == (
        "VN-05",
        "LA-HO",
        "Houaphanh",
    )
    assert moc_chau["evidence"] == TWIN and moc_chau["rule"] == "vi.district.pair"
    assert rows["huyện Sốp Cộp"]["la_code"] == ""
    with open(tmp_path / "tables" / "projects.csv", encoding="utf-8") as f:
        (project,) = list(csv.DictReader(f))
    assert (project["qualifier"], project["per_year"], project["year_start"]) == (
        "more_than",
        "false",
        "2018",
    )


# -- coverage ------------------------------------------------------------------------------


def test_tier_names_agree_with_the_extractor() -> None:
    from app.tiers import TIERS
    from ingest.extract import tiers

    assert dict(TIERS) == {
        "explicit": tiers.EXPLICIT,
        "structured": tiers.STRUCTURED,
        "contextual": tiers.CONTEXTUAL,
        "weak": tiers.WEAK,
        "hedged": tiers.HEDGED,
    }


def test_coverage_answer(client: TestClient) -> None:
    body = client.get("/coverage").json()
    assert body["articles"] == 2
    assert body["by_year"] == [{"year": 2022, "articles": 1}, {"year": 2023, "articles": 1}]
    assert body["by_outlet"] == [{"outlet": "news.example", "articles": 1}, {"outlet": None, "articles": 1}]
    by_province = {p["province"]["id"]: p["articles"] for p in body["by_province"]}
    assert by_province == {"houaphanh": 2, "son-la": 1, "thanh-hoa": 1}
    tiers = {t["tier"]: t["facts"] for t in body["facts_by_tier"]}
    # two district twinnings at 0.8 and 0.7; every other fact at 1.0
    assert (tiers["structured"], tiers["contextual"], tiers["weak"]) == (1, 1, 0)
    assert sum(tiers.values()) == body["facts"] == sum(body["facts_by_kind"].values())
    assert body["facts_by_kind"]["DistrictPartnership"] == 2
    without = {p["id"] for p in body["provinces_without_partner"]}
    assert {"son-la", "thanh-hoa", "houaphanh"}.isdisjoint(without)
    assert {"ha-tinh", "khammouane"} <= without


def test_coverage_in_the_cli(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(FactsDocument(articles=[sonla_houaphanh()]).model_dump_json(), encoding="utf-8")
    data = tmp_path / "data"
    assert vlkg("ingest", str(facts), data=data).returncode == 0
    r = vlkg("stats", "--coverage", "--json", data=data)
    assert r.returncode == 0, r.stderr
    body = json.loads(r.stdout)
    assert body["articles"] == 1 and body["by_outlet"] == [{"outlet": "news.example", "articles": 1}]
    text = vlkg("stats", "--coverage", data=data, COLUMNS="200")
    assert "articles by year" in text.stdout and "no partner found" in text.stdout


def test_district_partnerships_list(client: TestClient) -> None:
    every = client.get("/district-partnerships").json()
    assert every["total"] == 2
    assert {i["la_district"] for i in every["items"]} == {"huyện Viêng Xay", "huyện Xiềng Khọ"}
    houaphanh = client.get(
        "/district-partnerships", params={"province": "Hủa Phăn", "sources": "true"}
    ).json()
    (item,) = houaphanh["items"]
    assert item["vn_district"] == "huyện Mộc Châu" and item["sources"][0]["sentence"] == TWIN
    assert client.get("/district-partnerships", params={"year": 2023}).json()["total"] == 2
    assert client.get("/district-partnerships", params={"year": 2020}).json()["total"] == 0
    assert client.get("/district-partnerships", params={"province": "Atlantis"}).status_code == 404
