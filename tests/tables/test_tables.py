"""`vlkg export --format csv|xlsx`: readable tables, a data package that validates, no paths."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.base import GraphStore
from app.store.embedded import EmbeddedStore
from app.tables import TABLES, write_tables, write_xlsx
from ingest.load import load_articles
from ingest.pipeline import extract_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("tables") / "store")
    run = extract_paths(sorted(SAMPLES.glob("*.txt")))
    assert not run.failures
    for art in run.articles:  # as the rule-tagging extractor will; the table must carry it
        for fact in art.partnerships:
            fact.rule = fact.rule or "vi.partnership.sample"
    load_articles(store, run.articles)
    try:
        yield store
    finally:
        store.close()


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_csv_per_fact_type_with_readable_columns(loaded: GraphStore, tmp_path: Path) -> None:
    counts = write_tables(loaded, tmp_path)
    assert set(counts) == {t.name for t in TABLES}
    partnerships = read(tmp_path / "partnerships.csv")
    assert len(partnerships) == counts["partnerships"] > 0
    kh = [r for r in partnerships if r["la_name_en"] == "Khammouane"]
    assert {r["vn_code"] for r in kh} >= {"VN-23"}  # Hà Tĩnh
    row = next(r for r in kh if r["vn_code"] == "VN-23")
    assert row["vn_name_vi"] == "Hà Tĩnh" and row["la_code"] == "LA-KH"
    assert row["evidence"] and row["article_id"] and float(row["confidence"]) > 0
    rules = {r["rule"] for r in partnerships if r["rule"]}
    assert rules and all(r.startswith("vi.") for r in rules)  # rule ids from the stored spans
    assert row["article_url"].endswith(".txt") and "/" not in row["article_url"]
    articles = read(tmp_path / "articles.csv")
    assert len(articles) == 5
    everything = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert str(SAMPLES) not in everything and str(SAMPLES.parent) not in everything


def test_datapackage_validates_with_frictionless(loaded: GraphStore, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    write_tables(loaded, tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_xlsx_has_a_sheet_per_table(loaded: GraphStore, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    counts = write_xlsx(loaded, tmp_path / "vlkg.xlsx")
    book = load_workbook(tmp_path / "vlkg.xlsx", read_only=True)
    assert book.sheetnames == [t.name for t in TABLES]
    assert len(list(book["partnerships"].iter_rows())) == counts["partnerships"] + 1


def test_release_bundle_has_checksums_licence_version_and_valid_tables(
    loaded: GraphStore, tmp_path: Path
) -> None:
    import hashlib

    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCAT, DCTERMS

    from app.release import write_release

    info = write_release(loaded, tmp_path, version="1.2.3", base="https://vlkg.example")
    folder = tmp_path / "vlkg-1.2.3"
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {"vlkg.ttl", "vlkg.nt", "vlkg.jsonld", "void.ttl", "SHA256SUMS", "CITATION.cff"} <= names
    assert {"tables/datapackage.json", "tables/partnerships.csv", "LICENSE-DATA.md"} <= names
    sums = dict(line.split("  ")[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
    for name, sha in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == sha
    g = Graph().parse(folder / "void.ttl")
    ds = URIRef("https://vlkg.example/.well-known/void#release-1.2.3")
    assert (ds, URIRef("http://www.w3.org/ns/dcat#version"), Literal("1.2.3")) in g
    assert (ds, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in g
    assert g.value(ds, DCTERMS.temporal) is not None and g.value(ds, DCTERMS.creator) is not None
    sizes = {
        str(g.value(d, DCTERMS.title)): int(str(g.value(d, DCAT.byteSize)))
        for d in g.objects(ds, DCAT.distribution)
    }
    assert sizes["vlkg.nt"] == (folder / "vlkg.nt").stat().st_size
    assert info.stats.triples > 0
    dump = (folder / "vlkg.nt").read_text(encoding="utf-8")
    assert str(SAMPLES) not in dump
    frictionless = pytest.importorskip("frictionless")
    assert frictionless.validate(str(folder / "tables" / "datapackage.json")).valid
