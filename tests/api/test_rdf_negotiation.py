"""Entity URLs in RDF by Accept or suffix, the dumps and the dataset description over HTTP."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from app.api.main import create_app
from app.api.negotiation import SUPPORTED, MediaRange, negotiate, parse_accept
from app.rdf import vocab
from app.rdf.export import write_export
from app.rdf.terms import VLKG
from app.store.base import GraphStore
from app.uris import base_uri, entity_uri
from tests.rdf_facts import loaded_store
from tests.stores import make_store

V = Namespace(VLKG)
PROV = Namespace("http://www.w3.org/ns/prov#")
VOID = Namespace("http://rdfs.org/ns/void#")
TURTLE = {"accept": "text/turtle"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    with loaded_store(tmp_path_factory.mktemp("conneg") / "store") as s:
        yield s


@pytest.fixture(scope="module")
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


@pytest.fixture(scope="module")
def dump(store: GraphStore) -> Graph:
    buf = io.BytesIO()
    write_export(store, "nt", buf, created=dt.date.today())
    return Graph().parse(data=buf.getvalue(), format="nt")


def turtle(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


# -- Accept parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("*/*", "application/json"),
        ("application/*", "application/json"),
        ("text/*", "text/turtle"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("application/json;q=0.1, text/turtle;q=0.9", "text/turtle"),
        ("*/*;q=0.1, text/turtle", "text/turtle"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json"),
        ("TEXT/Turtle; charset=utf-8", "text/turtle"),
        ("text/turtle;q=0, */*", "application/json"),
        ("image/png", None),
        ("text/turtle;q=0", None),
        ("application/json;q=0, text/html", None),
    ],
)
def test_negotiation(header: str, expected: str | None) -> None:
    ranges = parse_accept(header)
    assert ranges is not None
    assert negotiate(ranges, SUPPORTED) == expected


@pytest.mark.parametrize(
    "header",
    [
        "garbage",
        "text/",
        "/turtle",
        "text/turtle;q=abc",
        "text/turtle;q=1.5",
        "*/turtle",
        "text/turtle;;",
        ";",
        "a/b c",
    ],
)
def test_malformed_accept_is_recognised(header: str) -> None:
    assert parse_accept(header) is None


def test_most_specific_range_sets_q() -> None:
    ranges = [MediaRange("text", "*", 0.0), MediaRange("text", "turtle", 1.0)]
    assert negotiate(ranges, ["text/turtle"]) == "text/turtle"


# -- entity URLs -------------------------------------------------------------------------------


def test_province_as_turtle_uses_the_dump_uri(client: TestClient, dump: Graph) -> None:
    r = client.get("/province/Khammouane", headers=TURTLE)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    assert "Accept" in r.headers["vary"]
    g = turtle(r.text)
    kh = URIRef(entity_uri("Province", "khammouane"))
    assert kh == URIRef(f"{base_uri()}/province/khammouane")
    assert (kh, RDF.type, V.Province) in g
    assert set(g) <= set(dump), "a description states nothing the dump does not"
    # It holds the partnerships, with their evidence.
    partnerships = set(g.objects(kh, V.partnership))
    assert {
        URIRef(f"{base_uri()}/partnership/{p}--khammouane") for p in ("ca-mau", "ha-tinh")
    } <= partnerships
    for ps in partnerships:
        assert set(g.objects(ps, PROV.qualifiedDerivation))


@pytest.mark.parametrize("name", ["Khăm Muộn", "khammouane", "LA-KH", "Khammouan", "tỉnh Khăm Muộn"])
def test_any_province_name_gives_the_same_description(client: TestClient, name: str) -> None:
    reference = turtle(client.get("/province/khammouane.ttl").text)
    r = client.get(f"/province/{quote(name)}", headers=TURTLE)
    assert r.status_code == 200
    assert set(turtle(r.text)) == set(reference)


@pytest.mark.parametrize(
    ("suffix", "media", "parser"),
    [
        (".ttl", "text/turtle", "turtle"),
        (".jsonld", "application/ld+json", "json-ld"),
        (".nt", "application/n-triples", "nt"),
    ],
)
def test_suffixes_choose_the_format(client: TestClient, suffix: str, media: str, parser: str) -> None:
    r = client.get(f"/province/khammouane{suffix}", headers={"accept": "application/json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert len(Graph().parse(data=r.content, format=parser)) > 20


def test_json_stays_the_default(client: TestClient) -> None:
    for headers in ({}, {"accept": "application/json"}, {"accept": "*/*"}):
        r = client.get("/province/Khammouane", headers=headers)
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/json")
        assert isinstance(r.json(), dict)


@pytest.mark.parametrize("header", ["garbage", "text/turtle;q=abc", ";;", "text/"])
def test_malformed_accept_falls_back_to_json(client: TestClient, header: str) -> None:
    r = client.get("/province/Khammouane", headers={"accept": header})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")


def test_unservable_accept_is_406_listing_the_types(client: TestClient) -> None:
    r = client.get("/province/Khammouane", headers={"accept": "image/png, text/html"})
    assert r.status_code == 406
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["supported"] == SUPPORTED
    assert "text/turtle" in body["detail"]


def test_unknown_province_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/province/Khammouanne", headers=TURTLE)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "Khăm Muộn" in r.json()["suggestions"]


@pytest.mark.parametrize(
    ("label", "cls"),
    [("Official", V.Official), ("Agreement", V.Agreement), ("Project", V.Project), ("Event", V.Event)],
)
def test_every_entity_kind_dereferences(
    client: TestClient, store: GraphStore, label: str, cls: URIRef
) -> None:
    key = store.run(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id LIMIT 1")[0]["id"]
    uri = entity_uri(label, key)
    r = client.get(uri.removeprefix(base_uri()), headers=TURTLE)
    assert r.status_code == 200, r.text
    g = turtle(r.text)
    assert (URIRef(uri), RDF.type, cls) in g
    assert set(g.objects(URIRef(uri), PROV.wasDerivedFrom))
    missing = client.get(f"/{uri.removeprefix(base_uri()).split('/')[1]}/no-such-id.ttl")
    assert missing.status_code == 404


def test_an_article_lists_the_facts_it_supports(client: TestClient) -> None:
    article = "abcdef0123456789"
    r = client.get(f"/articles/{article}", headers={"accept": "application/ld+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json")
    g = Graph().parse(data=r.content, format="json-ld")
    art = URIRef(entity_uri("Article", article))
    assert (art, RDF.type, V.Article) in g
    supported = set(g.subjects(PROV.wasDerivedFrom, art))
    assert URIRef(f"{base_uri()}/partnership/nghe-an--xiangkhouang") in supported
    assert {V.Agreement, V.Project, V.Event, V.Official} <= {g.value(s, RDF.type) for s in supported}


def test_partnerships_dereference_even_as_json(client: TestClient) -> None:
    r = client.get("/partnership/ca-mau--khammouane")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    g = Graph().parse(data=r.content, format="json-ld")
    ps = URIRef(f"{base_uri()}/partnership/ca-mau--khammouane")
    assert (ps, RDF.type, V.Partnership) in g
    assert client.get("/partnership/ca-mau--attapeu.ttl").status_code == 404
    assert client.get("/partnership/nonsense.ttl").status_code == 404


def test_sub_resources_are_left_to_the_api(client: TestClient) -> None:
    r = client.get("/province/Khammouane/partners", headers=TURTLE)
    assert r.status_code in (200, 406)
    assert not r.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize(
    "name",
    ['{"$where": 1}', "x' OR 1=1 --", "MATCH (n) DETACH DELETE n", "a" * 10_000, "%00", "..", "ü" * 300],
)
def test_hostile_names_are_4xx(client: TestClient, store: GraphStore, name: str) -> None:
    before = store.counts()
    for path in (f"/province/{quote(name, safe='')}.ttl", f"/official/{quote(name, safe='')}"):
        r = client.get(path, headers=TURTLE)
        if r.url.path == "/":  # the client resolved `/official/..` to `/`: the explorer's page
            continue
        assert 400 <= r.status_code < 500, (path[:60], r.status_code)
    assert store.counts() == before


# -- dumps and description -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "media", "parser"),
    [
        ("/export.ttl", "text/turtle", "turtle"),
        ("/export.nt", "application/n-triples", "nt"),
        ("/export.jsonld", "application/ld+json", "json-ld"),
    ],
)
def test_dumps_over_http(client: TestClient, dump: Graph, path: str, media: str, parser: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert set(Graph().parse(data=r.content, format=parser)) == set(dump)


def test_well_known_void_is_the_dump_description(client: TestClient, dump: Graph) -> None:
    r = client.get("/.well-known/void")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    g = turtle(r.text)
    ds = URIRef(f"{base_uri()}/.well-known/void#dataset")
    assert (ds, RDF.type, VOID.Dataset) in g
    assert set(g) <= set(dump)
    described = {t for t in dump if str(t[0]).startswith(str(ds))}
    assert set(g) == described
    as_jsonld = client.get("/.well-known/void", headers={"accept": "application/ld+json"})
    assert as_jsonld.headers["content-type"].startswith("application/ld+json")
    assert set(Graph().parse(data=as_jsonld.content, format="json-ld")) == set(g)
    assert g.value(ds, VOID.triples) == Literal(len(dump) - len(described))


def test_well_known_void_refuses_only_what_it_cannot_serve(client: TestClient) -> None:
    r = client.get("/.well-known/void", headers={"accept": "image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.json()["supported"]
    as_json = client.get("/.well-known/void", headers={"accept": "application/json"})
    assert as_json.headers["content-type"].startswith("application/json")
    assert len(Graph().parse(data=as_json.content, format="json-ld")) > 20
    assert client.get("/.well-known/void", headers={"accept": "nonsense"}).status_code == 200


def test_ontology_is_served(client: TestClient) -> None:
    r = client.get("/ontology")
    assert r.status_code == 200
    assert (URIRef(VLKG.rstrip("#")), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in turtle(
        r.text
    )


def test_provinces_dereference_before_anything_is_ingested(tmp_path: Path, client: TestClient) -> None:
    """An empty store still knows the gazetteer, as the REST API does; same triples."""
    empty = make_store(tmp_path / "empty")
    try:
        with TestClient(create_app(empty)) as fresh:
            r = fresh.get("/province/Khammouane", headers=TURTLE)
            assert r.status_code == 200
            from_gazetteer = turtle(r.text)
            assert fresh.get("/official/nobody.ttl").status_code == 404
    finally:
        empty.close()
    kh = URIRef(entity_uri("Province", "khammouane"))
    from_store = {t for t in turtle(client.get("/province/khammouane.ttl").text) if t[0] == kh}
    relationships = {URIRef(p) for p in (*vocab.PREDICATE_OF_REL.values(), vocab.PARTNERSHIP_OF)}
    assert {t for t in from_gazetteer if t[0] == kh} == {t for t in from_store if t[1] not in relationships}
