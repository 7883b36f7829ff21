"""The RDF description of one entity: what its URI dereferences to.

It holds the entity's own triples with their provenance and every relationship that
touches it, in both directions (a province's document lists the officials of the
province, an agreement's the provinces party to it), each with the resources the mapping
reifies it into. An article's document also holds every fact the article supports, so a
reader can go from a source to what vlkg made of it. Descriptions are small, so they are
built in memory and serialised in one go with the same writers as the dump.
"""

from __future__ import annotations

from app.gazetteer import gazetteer, province_properties
from app.graph import NODES, RELS
from app.rdf.mapping import Mapper, Row
from app.rdf.terms import Block, Term
from app.store.base import GraphStore


def describe(store: GraphStore, mapper: Mapper, label: str, key: str) -> list[Block] | None:
    """Blocks describing the `label` node `key`, or None when there is no such node."""
    rows = store.query(f"export_one_{label}", ids=[key])
    if not rows and label == "Province":
        rows = _gazetteer_row(key)
    if not rows:
        return None
    blocks = list(mapper.nodes[label](rows[0]))
    for rtype, spec in RELS.items():
        if spec.src == label:
            for row in store.query(f"export_from_{rtype}", id=key):
                blocks += mapper.rels[rtype](row)
        if spec.dst == label:
            for row in store.query(f"export_to_{rtype}", id=key):
                blocks += mapper.rels[rtype](row)
    if label == "Article":
        blocks += _supported(store, mapper, key)
    return _merge(blocks)


def _gazetteer_row(key: str) -> list[Row]:
    """A province the store does not hold yet (nothing ingested) still has its reference
    data: the REST API answers it from the gazetteer, and so does its RDF."""
    try:
        p = gazetteer().get(key)
    except KeyError:
        return []
    row = province_properties(p)
    del row["search"]  # an index key, not part of the description
    return [row]


def describe_partnership(store: GraphStore, mapper: Mapper, vn: str, la: str) -> list[Block] | None:
    """The Partnership resource of a Vietnamese and a Lao province, or None."""
    for row in store.query("export_from_PARTNERS_WITH", id=vn):
        if row["dst"] == la:
            return _merge(mapper.rels["PARTNERS_WITH"](row))
    return None


def _supported(store: GraphStore, mapper: Mapper, article: str) -> list[Block]:
    """The facts the article supports, found from its `cites` by key (no scan)."""
    out: list[Block] = []
    for kind, rows in store.cited_by(article).items():
        to_blocks = mapper.nodes[kind] if kind in NODES else mapper.rels[kind]
        for row in rows:
            out += to_blocks(row)
    return out


def _merge(blocks: list[Block]) -> list[Block]:
    """One block per subject, duplicate triples dropped (a relationship can be reached twice)."""
    merged: dict[str, dict[tuple[str, Term], None]] = {}
    for s, pairs in blocks:
        seen = merged.setdefault(s, {})
        for pair in pairs:
            seen.setdefault(pair, None)
    return [(s, list(pairs)) for s, pairs in merged.items()]
