"""The ontology declares every term the export uses, bilingually; the export queries are current."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from app.graph import INDEX_PROPS, NODES, RELS
from app.rdf import vocab
from app.rdf.terms import VLKG
from app.store.statements import export_statements as statements


@pytest.fixture(scope="module")
def ontology() -> Graph:
    text = (resources.files("app") / "data" / "vlkg.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def used_terms() -> set[str]:
    return {v for v in vars(vocab).values() if isinstance(v, str) and v.startswith(VLKG) and v != VLKG}


def declared(g: Graph) -> set[str]:
    return {
        str(s)
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, kind)
        if str(s).startswith(VLKG)
    }


def test_every_term_used_is_declared_and_none_is_stale(ontology: Graph) -> None:
    assert used_terms() - declared(ontology) == set()
    assert declared(ontology) - used_terms() == set()


def test_every_term_has_english_and_vietnamese_labels_and_comments(ontology: Graph) -> None:
    for term in declared(ontology):
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(URIRef(term), prop) if isinstance(o, Literal)}
            assert {"en", "vi"} <= langs, (term, prop)


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            assert ontology.value(prop, RDFS.domain) is not None, prop
            assert ontology.value(prop, RDFS.range) is not None, prop


def test_alignment_with_established_vocabularies(ontology: Graph) -> None:
    schema = "http://schema.org/"
    expected = {
        vocab.PROVINCE: schema + "AdministrativeArea",
        vocab.OFFICIAL: schema + "Person",
        vocab.ARTICLE: schema + "NewsArticle",
        vocab.EVENT: schema + "Event",
    }
    for cls, parent in expected.items():
        assert (URIRef(cls), RDFS.subClassOf, URIRef(parent)) in ontology
    assert (
        URIRef(vocab.SUCCEEDED_BY),
        RDFS.subPropertyOf,
        URIRef("http://purl.org/dc/terms/isReplacedBy"),
    ) in ontology


def test_every_relationship_type_has_a_predicate() -> None:
    assert set(vocab.PREDICATE_OF_REL) == set(RELS)
    assert set(vocab.CLASS_OF_LABEL) == set(NODES)


def test_export_queries_read_every_stored_property() -> None:
    """`search` and `cites` are left out on purpose: index keys, not data (INDEX_PROPS)."""
    wanted = statements()
    for label, spec in NODES.items():
        for prop in spec.all_props:
            if prop in INDEX_PROPS:
                assert f"n.{prop} AS" not in wanted[f"export_one_{label}"], (label, prop)
            else:
                assert f"n.{prop} AS {prop}" in wanted[f"export_one_{label}"], (label, prop)
    for rtype, rspec in RELS.items():
        for prop in rspec.all_props:
            assert f"r.{prop} AS {prop}" in wanted[f"export_{rtype}"], (rtype, prop)
