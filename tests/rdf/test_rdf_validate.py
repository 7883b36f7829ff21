"""SHACL: the export of realistic and of seed data conforms; broken data does not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from app.rdf.terms import VLKG
from app.rdf.validate import export_graph, validate_graph
from tests.rdf_facts import loaded_store

V = Namespace(VLKG)
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
BASE = "http://localhost:8000"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graph]:
    with loaded_store(tmp_path_factory.mktemp("shacl") / "store") as store:
        yield export_graph(store)


def test_realistic_graph_has_zero_violations(exported: Graph) -> None:
    report = validate_graph(exported)
    assert report.conforms, report.summary()
    assert report.violations == []


@pytest.mark.seeds
def test_seed_graph_has_zero_violations(seeds: Path, tmp_path: Path) -> None:
    try:
        from ingest.pipeline import extract_paths
    except ImportError as exc:  # pragma: no cover - depends on the extractor being present
        pytest.skip(f"the extractor (ingest.pipeline.extract_paths) is not available: {exc}")
    run = extract_paths([seeds])
    assert run.articles, "no facts extracted from the seed articles"
    with loaded_store(tmp_path / "seeds", articles=run.articles) as store:
        report = validate_graph(export_graph(store))
    assert report.conforms, report.summary(50)


def _without_names(g: Graph) -> None:
    g.remove((URIRef(f"{BASE}/province/khammouane"), SCHEMA.name, None))


def _swapped_partner(g: Graph) -> None:
    ps = URIRef(f"{BASE}/partnership/ca-mau--khammouane")
    g.set((ps, V.laoProvince, URIRef(f"{BASE}/province/ha-tinh")))


def _years_reversed(g: Graph) -> None:
    ps = URIRef(f"{BASE}/partnership/ca-mau--khammouane")
    g.set((ps, V.firstYear, Literal("2030", datatype=XSD.gYear)))


def _unsourced(g: Graph) -> None:
    official = next(g.subjects(RDF.type, V.Official))
    g.remove((official, PROV.wasDerivedFrom, None))


def _evidence_dropped(g: Graph) -> None:
    project = next(g.subjects(RDF.type, V.Project))
    g.remove((project, PROV.qualifiedDerivation, None))


def _bad_currency(g: Graph) -> None:
    project = next(s for s in g.subjects(V.currency, None))
    g.set((project, V.currency, Literal("đồng")))


def _off_the_map(g: Graph) -> None:
    g.set((URIRef(f"{BASE}/province/ca-mau"), GEO.lat, Literal("48.85", datatype=XSD.decimal)))


def _string_year(g: Graph) -> None:
    agreement = next(g.subjects(RDF.type, V.Agreement))
    g.set((agreement, V.signedYear, Literal("2014")))


BREAKAGES: dict[str, tuple[Callable[[Graph], None], str]] = {
    "province without a name": (_without_names, "name"),
    "partnership with two Vietnamese provinces": (_swapped_partner, "Lao province"),
    "partnership ending before it starts": (_years_reversed, "out of order"),
    "fact citing no article": (_unsourced, "cite at least one Article"),
    "fact without its evidence": (_evidence_dropped, "evidence"),
    "currency that is not ISO 4217": (_bad_currency, "ISO 4217"),
    "coordinates outside the region": (_off_the_map, "latitude"),
    "year that is not an xsd:gYear": (_string_year, "datatype xsd:gYear"),
}


def _copy(g: Graph) -> Graph:
    out = Graph()
    for triple in g:
        out.add(triple)
    return out


def test_a_province_without_a_name_is_a_violation(exported: Graph) -> None:
    g = _copy(exported)
    _without_names(g)
    report = validate_graph(g)
    assert not report.conforms
    assert [v.focus for v in report.violations] == [f"{BASE}/province/khammouane"]
    assert report.violations[0].path == str(SCHEMA.name)


def test_every_kind_of_breakage_is_reported(exported: Graph) -> None:
    """All breakages in one graph (one pyshacl run); each must show up in the report."""
    g = _copy(exported)
    for breakage, _ in BREAKAGES.values():
        breakage(g)
    report = validate_graph(g)
    assert not report.conforms
    messages = " | ".join(v.message for v in report.violations)
    for case, (_, message) in BREAKAGES.items():
        assert message in messages, case
    assert any(v.path == str(V.signedYear) for v in report.violations), "xsd:gYear datatype"
