"""The streamed dumps: they parse, agree with each other, and say what the graph says."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from app.rdf import export
from app.rdf.export import ExportStats, count, iter_export, write_export
from app.rdf.terms import VLKG
from app.store.base import GraphStore
from app.store.cypher import statement
from tests.rdf_facts import loaded_store

BASE = "http://vlkg.test"
DAY = dt.date(2025, 1, 1)
V = Namespace(VLKG)
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PARSER = {"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    with loaded_store(tmp_path_factory.mktemp("rdf") / "store") as s:
        yield s


def dump(store: GraphStore, fmt: str, page_size: int = 2000) -> tuple[bytes, ExportStats]:
    buf = io.BytesIO()
    stats = write_export(store, fmt, buf, base=BASE, created=DAY, page_size=page_size)
    return buf.getvalue(), stats


@pytest.fixture(scope="module")
def graphs(store: GraphStore) -> dict[str, Graph]:
    return {fmt: Graph().parse(data=dump(store, fmt)[0], format=PARSER[fmt]) for fmt in PARSER}


def p(kind: str, key: str) -> URIRef:
    return URIRef(f"{BASE}/{kind}/{key}")


def test_turtle_round_trips_to_exactly_the_ntriples(graphs: dict[str, Graph]) -> None:
    assert len(graphs["ttl"]) == len(graphs["nt"])
    assert isomorphic(graphs["ttl"], graphs["nt"])
    assert set(graphs["ttl"]) == set(graphs["nt"])  # no blank nodes: the triples are equal


def test_jsonld_parses_to_the_same_triples(graphs: dict[str, Graph]) -> None:
    assert set(to_isomorphic(graphs["jsonld"])) == set(to_isomorphic(graphs["nt"]))


def test_ntriples_has_one_line_per_triple_and_counts_them(
    store: GraphStore, graphs: dict[str, Graph]
) -> None:
    data, stats = dump(store, "nt")
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(graphs["nt"])
    described = int(str(graphs["nt"].value(URIRef(f"{BASE}/.well-known/void#dataset"), VOID.triples)))
    assert described == stats.triples
    # The description's own triples are the difference.
    assert stats.triples < len(lines)


def test_paging_does_not_change_the_dump(store: GraphStore) -> None:
    """Pages of 3 rows cross every page boundary; keyset paging must not skip or repeat."""
    small, stats = dump(store, "nt", page_size=3)
    big, _ = dump(store, "nt", page_size=5000)
    assert sorted(small.splitlines()) == sorted(big.splitlines())
    assert stats.entities["Province"] == 105


def test_a_streamed_table_survives_other_reads_between_its_chunks(store: GraphStore) -> None:
    """The export pulls a relationship table a chunk at a time while other requests (or
    the export's own lookups) read the same handle or transaction in between."""
    query = statement("read/export_PARTNERS_WITH")
    with store.pinned() as view:
        whole = view.run(query)
        chunks = view.stream(query, {}, 2)
        first = next(chunks)
        assert view.query("export_ids_Province")
        rest = [row for chunk in chunks for row in chunk]
    assert len(whole) > 2 and first + rest == whole


def test_gzip_output_is_a_valid_gzip_of_the_dump(store: GraphStore) -> None:
    plain, _ = dump(store, "ttl")
    buf = io.BytesIO()
    write_export(store, "ttl", buf, base=BASE, created=DAY, compress=True)
    assert gzip.decompress(buf.getvalue()) == plain


def test_chunks_are_streamed_in_bounded_batches(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "BATCH_TRIPLES", 100)
    chunks = list(iter_export(store, "nt", base=BASE, created=DAY, page_size=10))
    assert len(chunks) > 20  # many small chunks, not one big string
    # A batch closes at the first row past 100 triples; no row here has 300.
    assert max(c.count(b"\n") for c in chunks) < 400


def test_counting_agrees_with_the_dump(store: GraphStore) -> None:
    _, stats = dump(store, "ttl")
    counted = count(store, base=BASE)
    assert (counted.triples, dict(counted.entities)) == (stats.triples, dict(stats.entities))


def test_provinces_are_named_located_and_linked(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    kh = p("province", "khammouane")
    assert (kh, RDF.type, V.Province) in g
    assert (kh, RDF.type, SCHEMA.AdministrativeArea) in g
    names = {(str(o), o.language) for o in g.objects(kh, SCHEMA.name) if isinstance(o, Literal)}
    assert ("Khăm Muộn", "vi") in names and ("Khammouane", "en") in names
    assert any(lang == "lo" for _, lang in names)
    assert g.value(kh, GEO.lat) == Literal("17.4103", datatype=XSD.decimal)
    assert g.value(kh, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q506641")


def test_a_wikidata_item_shared_across_a_merger_is_same_as_only_for_the_unit_in_force(
    graphs: dict[str, Graph],
) -> None:
    g = graphs["nt"]
    item = URIRef("http://www.wikidata.org/entity/Q33304")
    assert (p("province", "quang-ngai-2025"), OWL.sameAs, item) in g
    assert (p("province", "quang-ngai"), OWL.sameAs, item) not in g
    assert (p("province", "quang-ngai"), SKOS.closeMatch, item) in g


def test_mergers_are_dated_successions(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    old, new = p("province", "kon-tum"), p("province", "quang-ngai-2025")
    assert (old, V.succeededBy, new) in g
    assert (new, DCTERMS.replaces, old) in g
    succession = g.value(predicate=V.predecessor, object=old)
    assert g.value(succession, V.successor) == new
    assert g.value(succession, DCTERMS.date) == Literal("2025-07-01", datatype=XSD.date)


def test_partnerships_are_resources_with_years_count_and_provenance(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    ps = URIRef(f"{BASE}/partnership/nghe-an--xiangkhouang")
    assert (ps, RDF.type, V.Partnership) in g
    assert g.value(ps, V.vietnameseProvince) == p("province", "nghe-an")
    assert g.value(ps, V.firstYear) == Literal("2012", datatype=XSD.gYear)
    assert g.value(ps, V.lastYear) == Literal("2024", datatype=XSD.gYear)
    assert g.value(ps, V.articleCount) == Literal("1", datatype=XSD.integer)
    article = p("articles", "abcdef0123456789")
    assert (ps, PROV.wasDerivedFrom, article) in g
    derivation = g.value(ps, PROV.qualifiedDerivation)
    assert g.value(derivation, PROV.entity) == article
    evidence = str(g.value(derivation, V.evidence))
    assert evidence.startswith('Hai tỉnh "kết nghĩa"') and "\r\n" in evidence and "\x07" in evidence
    assert g.value(derivation, V.zone) == Literal("title")
    assert g.value(derivation, V.extractionRule) == Literal("vi.partnership.strong-cue")
    assert (p("province", "nghe-an"), V.partnerOf, p("province", "xiangkhouang")) in g
    assert (p("province", "xiangkhouang"), V.partnerOf, p("province", "nghe-an")) in g


def test_every_sourced_fact_cites_articles(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    for cls in (V.Official, V.Agreement, V.Project, V.Event, V.Partnership, V.Tenure, RDF.Statement):
        facts = set(g.subjects(RDF.type, cls))
        assert facts, cls
        for fact in facts:
            assert set(g.objects(fact, PROV.wasDerivedFrom)), fact


def test_literals_have_their_xsd_types(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    agreement = next(s for s in g.subjects(V.documentCount, None))
    assert g.value(agreement, V.signedDate) == Literal("2024-09-10", datatype=XSD.date)
    assert g.value(agreement, V.periodEnd) == Literal("2028", datatype=XSD.gYear)
    usd = next(s for s in g.subjects(V.currency, Literal("USD")))
    assert g.value(usd, V.amount) == Literal("0.5", datatype=XSD.decimal)
    vnd = {g.value(s, V.amount) for s in g.subjects(V.currency, Literal("VND"))}
    assert Literal("2500000000.0", datatype=XSD.decimal) in vnd
    event = next(s for s in g.subjects(RDF.type, V.Event) if g.value(s, V.eventKind) == Literal("meeting"))
    assert g.value(event, SCHEMA.startDate) == Literal("2024-09", datatype=XSD.gYearMonth)


def test_hostile_urls_and_titles_survive(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    art = p("articles", "abcdef0123456789")
    url = str(g.value(art, SCHEMA.url))
    assert " " not in url and "{" not in url and url.startswith("https://example.vn/tin%20tuc/%7Bhop-tac%7D")
    title = g.value(art, SCHEMA.headline)
    assert isinstance(title, Literal) and title.language == "vi" and '"hợp tác" \\ toàn diện\n' in str(title)
    english = g.value(p("articles", "fedcba9876543210"), SCHEMA.headline)
    assert isinstance(english, Literal) and english.language == "en"


def test_organisations_are_government_organizations(graphs: dict[str, Graph]) -> None:
    g = graphs["nt"]
    official = p("official", "thongsavanh-phomvihane--xiangkhouang")
    org = g.value(official, SCHEMA.affiliation)
    assert (org, RDF.type, SCHEMA.GovernmentOrganization) in g
    assert "ແຂວງຊຽງຂວາງ" in str(g.value(org, SCHEMA.name))


def test_the_description_lists_counts_dumps_and_every_source(graphs: dict[str, Graph]) -> None:
    g = graphs["ttl"]
    ds = URIRef(f"{BASE}/.well-known/void#dataset")
    assert (ds, RDF.type, VOID.Dataset) in g
    assert g.value(ds, DCTERMS.created) == Literal("2025-01-01", datatype=XSD.date)
    assert g.value(ds, DCTERMS.license) is not None
    sources = set(g.objects(ds, DCTERMS.source))
    assert sources == set(g.subjects(RDF.type, V.Article)) and len(sources) == 5
    parts = {
        g.value(part, VOID["class"]): int(str(g.value(part, VOID.entities)))
        for part in g.objects(ds, VOID.classPartition)
    }
    assert parts[V.Province] == 105 and parts[V.Partnership] == 5 and parts[V.Article] == 5
    assert {str(u) for u in g.objects(ds, VOID.dataDump)} == {
        f"{BASE}/export.{f}" for f in ("nt", "ttl", "jsonld")
    }


def test_uris_are_those_of_the_rest_api(store: GraphStore, graphs: dict[str, Graph]) -> None:
    from app.uris import entity_uri

    g = graphs["nt"]
    for label, key in (("Province", "khammouane"), ("Article", "a1b2c3d4e5f60708")):
        assert (URIRef(entity_uri(label, key, base=BASE)), None, None) in g


def test_an_empty_store_still_exports_a_description(tmp_path: Path) -> None:
    with loaded_store(tmp_path / "empty", articles=[]) as empty:
        data, stats = dump(empty, "jsonld")
    g = Graph().parse(data=data, format="json-ld")
    assert stats.entities["Article"] == 0
    assert (URIRef(f"{BASE}/.well-known/void#dataset"), RDF.type, VOID.Dataset) in g


def test_unknown_format_is_refused(store: GraphStore) -> None:
    with pytest.raises(ValueError, match="unknown RDF format"):
        dump(store, "rdfxml")
