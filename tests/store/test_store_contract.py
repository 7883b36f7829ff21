"""One contract for every graph store: embedded always, Neo4j when NEO4J_URI is set."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.facts import ArticleFacts
from app.gazetteer import gazetteer
from app.store.base import ChangeSet, GraphStore, Lookups, Planner
from ingest.load import LoadError, load_articles, plan_batch
from tests.factories import camau_khammouane, ev, hatinh_khammouane, kontum_attapeu

#: `sources_end` of cypher/read/partners.cypher that keeps every source of these graphs.
ALL = 1000


def partners_of(store: GraphStore, pid: str) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in store.query("partners", ids=[pid], sources_end=ALL)}


def test_schema_is_idempotent(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()
    assert store.counts()["nodes"]["Province"] == 0


def test_reference_data_loads_every_province_and_succession(store: GraphStore) -> None:
    load_articles(store, [])
    counts = store.counts()
    gaz = gazetteer()
    assert counts["nodes"]["Province"] == len(gaz.provinces)
    merged = [p for p in gaz.provinces if p.succeeded_by]
    assert counts["relationships"]["SUCCEEDED_BY"] == len(merged)


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    facts = [camau_khammouane(), hatinh_khammouane(), kontum_attapeu()]
    first = load_articles(store, facts)
    counts = store.counts()
    second = load_articles(store, facts)
    assert store.counts() == counts
    assert first.nodes_created > 0 and first.rels_created > 0
    assert second.nodes_created == second.rels_created == 0
    assert second.nodes_updated == second.rels_updated == 0


def test_new_article_adds_evidence_not_duplicates(store: GraphStore) -> None:
    load_articles(store, [camau_khammouane()])
    counts = store.counts()
    later = camau_khammouane(article_id="ffffeeeeddddcccc", published=dt.date(2024, 2, 1))
    report = load_articles(store, [later])
    after = store.counts()
    assert after["nodes"]["Article"] == counts["nodes"]["Article"] + 1
    for label in ("Official", "Agreement", "Project", "Event"):
        assert after["nodes"][label] == counts["nodes"][label], label
    assert after["relationships"] == counts["relationships"]
    assert report.rels_updated > 0
    row = partners_of(store, "ca-mau")["khammouane"]
    assert row["article_count"] == 2
    assert row["first_year"] == 2014  # the 2014 minutes date the partnership
    assert row["last_year"] == 2024
    assert set(row["sources"]) == {"a1b2c3d4e5f60708", "ffffeeeeddddcccc"}  # type: ignore[arg-type]
    assert len(row["evidence"]) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize("end", [0, 1, 2, 5])
def test_partners_return_a_prefix_of_the_sources_and_their_count(store: GraphStore, end: int) -> None:
    """`sources[0..$sources_end]` is the same prefix on both engines (issue #12)."""
    load_articles(store, [camau_khammouane(), camau_khammouane(article_id="ffffeeeeddddcccc")])
    full = partners_of(store, "ca-mau")["khammouane"]
    row = {r["id"]: r for r in store.query("partners", ids=["ca-mau"], sources_end=end)}["khammouane"]
    assert row["sources_total"] == len(full["sources"]) == 2  # type: ignore[arg-type]
    for key in ("sources", "evidence", "spans"):
        assert row[key] == full[key][:end], key  # type: ignore[index]


def test_evidence_and_article_metadata_are_stored(store: GraphStore) -> None:
    load_articles(store, [camau_khammouane()])
    row = partners_of(store, "khammouane")["ca-mau"]
    assert row["evidence"] == ["Đoàn lãnh đạo tỉnh Khăm Muộn sang thăm và làm việc với tỉnh Cà Mau."]
    assert row["spans"] and str(row["spans"][0]).endswith(":body")  # type: ignore[index]
    art = store.query("articles_by_id", ids=["a1b2c3d4e5f60708"])[0]
    assert art["published"] == "2023-01-05"
    assert art["outlet"] == "example.vn"


def test_a_failing_batch_writes_nothing(store: GraphStore) -> None:
    load_articles(store, [camau_khammouane()])
    before = store.counts()
    bad = ChangeSet()
    bad.create_nodes["Official"] = [
        {
            "id": "new-official",
            "name": "X",
            "search": "x",
            "organisation": None,
            "confidence": 1.0,
            "sources": ["s"],
            "evidence": ["e"],
            "spans": ["::body"],
        }
    ]
    bad.create_nodes["Article"] = [  # duplicate key: the transaction must fail whole
        {
            "id": "a1b2c3d4e5f60708",
            "source": "dup",
            "url": None,
            "title": None,
            "published": None,
            "year": None,
            "outlet": None,
            "language": "vi",
        }
    ]
    with pytest.raises(Exception):  # noqa: B017 - each engine raises its own error type
        store.apply(bad)
    assert store.counts() == before


def test_unknown_province_rejects_the_article_whole(store: GraphStore) -> None:
    good = camau_khammouane()
    bad = hatinh_khammouane().model_copy(update={"source": "tests/bad.json"})
    bad.partnerships[0].la = "LA-ZZ"
    report = load_articles(store, [bad, good])
    assert [s for s, _ in report.failed] == ["tests/bad.json"]
    assert "LA-ZZ" in report.failed[0][1]
    counts = store.counts()
    assert counts["nodes"]["Article"] == 1  # the bad article left no trace
    assert "ha-tinh" not in {r["id"] for r in store.query("partners", ids=["khammouane"], sources_end=ALL)}


def test_non_vn_la_pair_is_refused(store: GraphStore) -> None:
    art = camau_khammouane()
    art.partnerships[0].vn = "VN-23"
    art.partnerships[0].la = "VN-59"
    report = load_articles(store, [art])
    assert report.failed and "not a Vietnamese–Lao pair" in report.failed[0][1]


def test_existing_lookups_find_only_what_exists(store: GraphStore) -> None:
    load_articles(store, [kontum_attapeu()])
    found = store.existing_nodes("Province", ["kon-tum", "nowhere"])
    assert set(found) == {"kon-tum"}
    rels = store.existing_rels("PARTNERS_WITH", [("kon-tum", "attapeu"), ("attapeu", "kon-tum")])
    assert set(rels) == {("kon-tum", "attapeu")}


def test_predecessor_partners_are_reachable(store: GraphStore) -> None:
    load_articles(store, [kontum_attapeu()])
    rows = store.query("partners", ids=["quang-ngai-2025", "quang-ngai", "kon-tum"], sources_end=ALL)
    assert [(r["via"], r["id"]) for r in rows] == [("kon-tum", "attapeu")]
    shared = store.query("partner_agreements", ids=["kon-tum"])
    assert [(r["via"], r["partner"], r["kind"]) for r in shared] == [("kon-tum", "attapeu", "memorandum")]


def test_official_positions_merge_across_articles(store: GraphStore) -> None:
    first = camau_khammouane()
    second = camau_khammouane(article_id="9999888877776666", published=dt.date(2024, 5, 1))
    second.officials[0].positions = ["Ủy viên Trung ương Đảng"]
    second.officials[0].evidence = ev("Ủy viên Trung ương Đảng Nguyễn Văn Thử phát biểu.")
    load_articles(store, [first])
    load_articles(store, [second])
    rows = store.existing_rels("OFFICIAL_OF", [("nguyen-van-thu--ca-mau", "ca-mau")])
    row = rows[("nguyen-van-thu--ca-mau", "ca-mau")]
    assert row["positions"] == ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh", "Ủy viên Trung ương Đảng"]
    assert (row["first_year"], row["last_year"]) == (2023, 2024)


def test_clear_empties_the_graph(store: GraphStore) -> None:
    load_articles(store, [camau_khammouane()])
    store.clear()
    counts = store.counts()
    assert sum(counts["nodes"].values()) == 0


def test_load_error_names_source() -> None:
    err = LoadError("x.json", "bad")
    assert str(err) == "x.json: bad"


def test_a_store_failure_mid_load_names_the_batch_and_keeps_what_was_committed(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded store commits each batch (published with the last): the first batch
    stays. Neo4j writes the whole load in one transaction: nothing of the run stays."""
    from ingest.load import BatchFailed

    load_articles(store, [])  # reference data first
    real_apply_planned = store.apply_planned
    seen: list[ChangeSet] = []

    def second_batch_breaks(plan: Planner) -> ChangeSet:
        def broken(view: Lookups) -> ChangeSet:
            changes = plan(view)
            if "Article" in changes.create_nodes:
                seen.append(changes)
            if len(seen) == 2:  # add a duplicate key: the engine refuses the whole transaction
                dup = dict(changes.create_nodes["Article"][0])
                changes.create_nodes["Article"] = [*changes.create_nodes["Article"], dup]
            return changes

        return real_apply_planned(broken)

    monkeypatch.setattr(store, "apply_planned", second_batch_breaks)
    with pytest.raises(BatchFailed) as info:
        load_articles(store, [camau_khammouane(), kontum_attapeu()], batch_size=1)
    monkeypatch.setattr(store, "apply_planned", real_apply_planned)
    assert info.value.sources == ["tests/kontum.txt"]
    assert "tests/kontum.txt" in str(info.value)
    whole = store.backend == "neo4j"
    kept = "nothing of this run is stored" if whole else "1 article(s) of earlier batches are stored"
    assert kept in str(info.value)
    assert info.value.stored == (0 if whole else 1)
    assert store.counts()["nodes"]["Article"] == (0 if whole else 1)  # the second batch left nothing
    assert store.counts()["nodes"]["Province"] > 0  # what was stored before the load stays
    assert store.query("partners", ids=["kon-tum"], sources_end=ALL) == []


def test_units_without_iso_code_load_by_gazetteer_id(store: GraphStore) -> None:
    art = kontum_attapeu(article_id="2025aaaabbbbcccc")
    art.published = dt.date(2025, 9, 1)
    art.partnerships[0].vn = "quang-ngai-2025"
    art.agreements[0].parties = ["QUANG-NGAI-2025", "LA-AT"]  # the shared scorer upper-cases codes
    report = load_articles(store, [art])
    assert not report.failed
    rows = store.query("partners", ids=["quang-ngai-2025"], sources_end=ALL)
    assert [(r["via"], r["id"]) for r in rows] == [("quang-ngai-2025", "attapeu")]


def test_later_articles_fill_gaps_and_never_flip_what_is_stored(store: GraphStore) -> None:
    first = camau_khammouane()
    later = camau_khammouane(article_id="7777666655554444", published=dt.date(2024, 1, 9))
    later.agreements[0].fields = ["du lịch"]
    later.agreements[0].sectors = ["tourism"]
    later.agreements[0].signed_date = dt.date(2014, 5, 20)
    later.projects[0].description = "Another wording of the same yearly support"
    load_articles(store, [first])
    load_articles(store, [later])
    counts = store.counts()
    load_articles(store, [first])  # reloading the older article changes nothing
    assert store.counts() == counts
    (agreement,) = store.query("agreements_by_id", ids=_ids(store, "Agreement"))
    assert agreement["fields"] == ["đào tạo cán bộ", "du lịch"]
    assert agreement["sectors"] == ["education", "tourism"]
    assert agreement["signed_date"] == "2014-05-20"  # a gap the later article filled
    (project,) = store.existing_nodes("Project", _ids(store, "Project")).values()
    assert project["description"] == "Yearly support for training officials"


def _ids(store: GraphStore, label: str) -> list[str]:
    """Every key of `label`, through the export's key list."""
    return [r["id"] for r in store.query(f"export_ids_{label}")]


def _second_handle(store: GraphStore) -> GraphStore:
    """Another writer on the same data: its own driver on Neo4j; LadybugDB allows one
    writer per database, so there the two loaders share the handle (and its lock)."""
    if store.backend == "neo4j":
        from tests.stores import open_neo4j

        return open_neo4j()
    return store


def test_concurrent_loads_lose_no_evidence(store: GraphStore) -> None:
    """Two loaders state the same facts from different articles at the same time: every
    article's evidence ends up on the shared partnership, official and agreement."""
    load_articles(store, [])  # reference data, so both loaders start from the same graph
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(16)]
    articles = [camau_khammouane(article_id=f"{i:016x}", published=day) for i, day in enumerate(days)]
    halves = [articles[0::2], articles[1::2]]
    other = _second_handle(store)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def load(target: GraphStore, half: list[ArticleFacts]) -> None:
        try:
            start.wait()
            report = load_articles(target, half, batch_size=1)
            assert not report.failed, report.failed
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=load, args=(s, h)) for s, h in zip((store, other), halves, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if other is not store:
        other.close()
    assert errors == []
    ids = {a.id for a in articles}
    row = partners_of(store, "ca-mau")["khammouane"]
    assert set(row["sources"]) == ids  # type: ignore[arg-type]
    assert row["article_count"] == len(ids)
    assert len(row["evidence"]) == len(ids)  # type: ignore[arg-type]
    counts = store.counts()
    assert counts["nodes"]["Article"] == len(ids)
    assert counts["relationships"]["PARTNERS_WITH"] == 1  # never two edges for one pair
    for label in ("Official", "Agreement", "Project"):
        (node,) = store.existing_nodes(label, _ids(store, label)).values()
        assert set(node["sources"]) == ids, label


def test_a_retried_unit_of_work_plans_again(store: GraphStore) -> None:
    """A store may run a load's unit of work twice (a retried commit); the second plan
    sees what is stored and writes nothing twice."""
    load_articles(store, [camau_khammouane()])
    counts = store.counts()
    again = store.apply_planned(lambda view: plan_batch(view, [camau_khammouane()], gazetteer())[0])
    assert not again
    assert store.counts() == counts
