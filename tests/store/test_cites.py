"""`Article.cites`: an article's facts found by key give exactly what the scan of every
fact's `sources` gives, after every way a load can change them, and a vlkg-graph/2 store
is migrated to it in place. Runs on every backend this machine reaches (`store`)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

import pytest

from app.api.articles import detail
from app.facts import ArticleFacts, DistrictPartnershipFact
from app.gazetteer import gazetteer
from app.graph import NODES, RELS, STORE_FORMAT, parse_cites
from app.rdf.describe import describe
from app.rdf.mapping import Mapper
from app.store.base import GraphStore, Row, StoreDamaged
from app.store.cypher import statement
from app.store.embedded import MARKER, EmbeddedStore, diagnose
from ingest.load import load_articles
from tests import api_graph
from tests.factories import camau_khammouane, ev, hatinh_khammouane, kontum_attapeu, load_all
from tests.stores import embedded_only, forget, open_neo4j

SOURCED = [k for k in (*NODES, *RELS) if (NODES[k] if k in NODES else RELS[k]).sourced]


def scanned(store: GraphStore, article: str) -> dict[str, list[Row]]:
    """What `cited_by` answered before `cites`: every sourced label and type scanned for
    `$id IN x.sources` (`scan_citing_*`), in the same shape."""
    out = {}
    for kind in SOURCED:
        if rows := store.query(f"scan_citing_{kind}", id=article):
            out[kind] = rows
    return out


def article_ids(store: GraphStore) -> list[str]:
    return [r["id"] for r in store.query("export_ids_Article")]


def assert_cites_match_the_scan(store: GraphStore) -> None:
    ids = article_ids(store)
    assert ids
    for aid in ids:
        # the same kinds in the same order, each with the same rows in the same order
        assert list(store.cited_by(aid).items()) == list(scanned(store, aid).items()), aid


def cites(store: GraphStore, article: str) -> list[str]:
    return store.query("article_cites", id=article)[0]["cites"]


def district_twinning() -> ArticleFacts:
    return ArticleFacts(
        id="9d9d9d9d9d9d9d9d",
        source="tests/districts.txt",
        published=dt.date(2020, 9, 9),
        district_partnerships=[
            DistrictPartnershipFact(
                vn_district="huyện Hòa Thử",
                vn_province="VN-23",
                la_district="huyện Na Thử",
                la_province="LA-KH",
                evidence=ev("Huyện Hòa Thử kết nghĩa với huyện Na Thử."),
            )
        ],
    )


def test_cites_find_exactly_what_the_scan_finds(store: GraphStore) -> None:
    load_all(store, [*api_graph.articles(), camau_khammouane(), kontum_attapeu(), district_twinning()])
    assert_cites_match_the_scan(store)
    found = {kind for aid in article_ids(store) for kind in store.cited_by(aid)}
    assert found == set(SOURCED)  # every kind of fact is cited by some article
    assert store.cited_by("0000000000000000") == {}


def test_api_and_rdf_answers_equal_the_scans(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """`/articles/{id}` and the article's RDF description, from `cites` and from the scan."""
    load_all(store, api_graph.articles())
    gaz, mapper = gazetteer(), Mapper(gaz=gazetteer())
    new = {a: (detail(store, gaz, a), describe(store, mapper, "Article", a)) for a in article_ids(store)}
    monkeypatch.setattr(type(store), "cited_by", scanned)
    old = {a: (detail(store, gaz, a), describe(store, mapper, "Article", a)) for a in article_ids(store)}
    assert new == old
    assert all(answer.facts for answer, _ in new.values())


def test_a_later_article_supporting_a_stored_fact_cites_it(store: GraphStore) -> None:
    first = camau_khammouane()
    load_articles(store, [first])
    before = cites(store, first.id)
    later = camau_khammouane(article_id="ffffeeeeddddcccc", published=dt.date(2024, 2, 1))
    report = load_articles(store, [later])
    assert report.nodes_created == 1 and report.rels_updated > 0  # only the Article is new
    assert cites(store, later.id) == before  # the same facts, now supported twice
    assert cites(store, first.id) == before
    assert_cites_match_the_scan(store)


def test_a_reloaded_article_with_more_facts_keeps_its_old_ones(store: GraphStore) -> None:
    """What is known stays: a second load of an article (say, extracted again with more
    rules) adds the keys of its new facts to `cites`, and keeps the rest."""
    full = api_graph.articles()[0]
    partial = full.model_copy(update={"officials": [], "agreements": []})
    load_articles(store, [partial])
    before = set(cites(store, full.id))
    load_articles(store, [full])
    after = set(cites(store, full.id))
    assert before < after
    assert {"Official", "OFFICIAL_OF", "Agreement"} <= {k.split("|")[0] for k in after - before}
    assert_cites_match_the_scan(store)


def test_one_article_twice_in_a_batch_cites_the_facts_of_both(store: GraphStore) -> None:
    full = api_graph.articles()[0]
    first = full.model_copy(update={"officials": [], "agreements": []})
    second = full.model_copy(update={"partnerships": [], "projects": [], "events": []})
    load_articles(store, [first, second], batch_size=10)
    assert {"Official", "PARTNERS_WITH"} <= set(store.cited_by(full.id))
    assert_cites_match_the_scan(store)


def test_reingesting_changes_nothing_and_a_new_store_gets_the_same_cites(
    store: GraphStore, tmp_path: Path
) -> None:
    facts = [*api_graph.articles(), camau_khammouane(), hatinh_khammouane()]
    load_articles(store, facts, batch_size=2)
    written = {a: cites(store, a) for a in article_ids(store)}
    again = load_articles(store, facts)
    assert again.nodes_updated == again.nodes_created == 0
    assert {a: cites(store, a) for a in article_ids(store)} == written
    store.clear()
    load_articles(store, list(reversed(facts)), batch_size=1)  # another order, another batching
    assert {a: sorted(cites(store, a)) for a in article_ids(store)} == {
        k: sorted(v) for k, v in written.items()
    }
    assert_cites_match_the_scan(store)


def test_cites_keys_parse_back_to_the_facts() -> None:
    keys = [
        "Official|le-van-a--vn-23",
        "PARTNERS_WITH|vn-23|la-kh",
        "Official|le-van-a--vn-23",
        "Nope|x",
        "LED|x",
    ]
    assert parse_cites(keys) == {"Official": [("le-van-a--vn-23",)], "PARTNERS_WITH": [("vn-23", "la-kh")]}
    assert parse_cites(None) == {}


# -- migrating a vlkg-graph/2 store ------------------------------------------------------------


def _downgrade_embedded(store: GraphStore, data_dir: Path) -> None:
    """The store as vlkg-graph/2 left it: no `cites` column, format /2 in Meta and marker."""
    store.write("ALTER TABLE Article DROP cites")
    store.write(statement("set_meta"), {"rows": [{"key": "format", "value": "vlkg-graph/2"}]})
    store.close()
    marker = data_dir / MARKER
    marker.write_text(json.dumps({**json.loads(marker.read_text()), "format": "vlkg-graph/2"}))


@embedded_only
def test_an_embedded_v2_store_is_migrated_by_its_next_writer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "store"
    store = load_all(EmbeddedStore(data_dir), [*api_graph.articles(), camau_khammouane()])
    written = {a: cites(store, a) for a in article_ids(store)}
    _downgrade_embedded(store, data_dir)

    # a reader refuses it, saying a writer migrates it
    found = diagnose(data_dir)
    assert found.cause == "other version" and "vlkg ingest" in found.advice
    with pytest.raises(StoreDamaged, match="graph format vlkg-graph/2; this vlkg reads vlkg-graph/3"):
        EmbeddedStore(data_dir, read_only=True)

    with caplog.at_level(logging.WARNING, logger="app.store.embedded"):
        writer = EmbeddedStore(data_dir)
    assert "migrated graph format vlkg-graph/2 to vlkg-graph/3" in caplog.text
    assert {a: cites(writer, a) for a in article_ids(writer)} == written
    assert_cites_match_the_scan(writer)
    again = load_articles(writer, [camau_khammouane()])  # the migrated store loads as a new one
    assert again.nodes_updated == again.rels_updated == 0
    writer.close()

    assert json.loads((data_dir / MARKER).read_text())["format"] == STORE_FORMAT
    reader = EmbeddedStore(data_dir, read_only=True)
    try:
        assert {r["key"]: r["value"] for r in reader.query("meta")}["format"] == STORE_FORMAT
        assert_cites_match_the_scan(reader)
    finally:
        reader.close()


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="needs a Neo4j server (NEO4J_URI)")
def test_a_neo4j_v2_database_is_migrated_when_opened(caplog: pytest.LogCaptureFixture) -> None:
    store = open_neo4j()
    try:
        store.clear()
        load_all(store, [*api_graph.articles(), camau_khammouane()])
        written = {a: cites(store, a) for a in article_ids(store)}
        store.write("MATCH (a:Article) REMOVE a.cites")
        store.write(statement("set_meta"), {"rows": [{"key": "format", "value": "vlkg-graph/2"}]})
        with caplog.at_level(logging.WARNING, logger="app.store.neo4j"):
            reopened = open_neo4j()
        reopened.close()
        assert "migrated graph format vlkg-graph/2 to vlkg-graph/3" in caplog.text
        assert {r["key"]: r["value"] for r in store.query("meta")}["format"] == STORE_FORMAT
        assert {a: cites(store, a) for a in article_ids(store)} == written
        assert_cites_match_the_scan(store)
    finally:
        store.clear()
        store.close()
        forget()  # the next make_store() clears again
