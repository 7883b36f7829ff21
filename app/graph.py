"""The stored graph: labels, relationship types and their properties, in one place.

Both stores, the loader, the API and the RDF export read this table, and the write and
export statements are built from it in Python (app/store/statements.py; `python -m
app.graph --out DIR` writes them as files for the Cypher lint), so a property cannot
exist in one layer and be missing in another.

New rows are written with `create_*` (plain `CREATE` of rows the loader has found to be
new) on both engines (the embedded store can `COPY` the many new rows of a big
batch instead, with the same failure on a stored key; off for now); changed rows with `update_*`. On Neo4j
the loader plans inside the write transaction that applies the plan
(app/store/neo4j.py), so "new" is exact there too, and a key that exists after all
breaks the uniqueness constraint and fails the batch instead of overwriting stored
properties and provenance, as `MERGE ... SET` would.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

# Properties every fact (node or relationship) carries to cite its sources: `sources` are
# Article ids, `evidence` the sentence each source states it in, `spans`
# "start:end:zone:rule" (where in the article, and the id of the extraction rule that read
# it there; stores written before rule ids have "start:end:zone").
PROVENANCE = ("confidence", "sources", "evidence", "spans")

# Stored to serve lookups, not data: `search` (folded words, for /search) and the Article's
# `cites` (the keys of the facts it supports, see `cite_key`). They are left out of the RDF
# export, the shapes and the API payloads.
INDEX_PROPS = frozenset({"search", "cites"})


@dataclass(frozen=True)
class Span:
    """One parsed `spans` entry."""

    start: int | None
    end: int | None
    zone: str | None
    rule: str | None


def format_span(start: int | None, end: int | None, zone: str, rule: str | None) -> str:
    """The stored form of a span; the parts never contain `:` (rule ids are dotted)."""
    head = f"{start if start is not None else ''}:{end if end is not None else ''}:{zone}"
    return f"{head}:{rule}" if rule else head


def parse_span(text: str | None) -> Span | None:
    """`format_span` read back; tolerant of the older three-part form and of empty parts."""
    if not text:
        return None
    start, end, zone, rule = [*text.split(":", 3), "", "", "", ""][:4]
    return Span(
        int(start) if start.isdigit() else None,
        int(end) if end.isdigit() else None,
        zone or None,
        rule or None,
    )


@dataclass(frozen=True)
class NodeSpec:
    label: str
    props: tuple[str, ...]  # besides `id`
    sourced: bool = True

    @property
    def all_props(self) -> tuple[str, ...]:
        return self.props + (PROVENANCE if self.sourced else ())


@dataclass(frozen=True)
class RelSpec:
    type: str
    src: str
    dst: str
    props: tuple[str, ...]
    sourced: bool = True

    @property
    def all_props(self) -> tuple[str, ...]:
        return self.props + (PROVENANCE if self.sourced else ())


NODES: dict[str, NodeSpec] = {
    n.label: n
    for n in (
        NodeSpec(
            "Province",
            (
                "iso",
                "country",
                "name_en",
                "name_vi",
                "name_native",
                "kind",
                "aliases",
                "search",
                "lat",
                "lon",
                "wikidata",
                "valid_from",
                "valid_to",
                "current",
            ),
            sourced=False,
        ),
        NodeSpec(
            "Article",
            # `cites` last: a store migrated from vlkg-graph/2 has it as its last column
            ("source", "url", "title", "published", "year", "outlet", "language", "cites"),
            sourced=False,
        ),
        NodeSpec("Official", ("name", "search", "organisation")),
        NodeSpec(
            "Agreement",
            (
                "kind",
                "signed_year",
                "signed_date",
                "period_start",
                "period_end",
                "fields",
                "sectors",
                "count",
            ),
        ),
        NodeSpec(
            "Project",
            (
                "description",
                "amount",
                "currency",
                "qualifier",
                "year_start",
                "year_end",
                "per_year",
                "in_kind",
            ),
        ),
        NodeSpec("Event", ("kind", "date", "year")),
        # District twinning: a Vietnamese district (or town) paired with a Lao one, names as
        # written; its provinces, when the article places them, are IN_PROVINCE edges.
        NodeSpec("DistrictPartnership", ("vn_district", "la_district", "first_year", "last_year")),
    )
}

RELS: dict[str, RelSpec] = {
    r.type: r
    for r in (
        RelSpec(
            "PARTNERS_WITH", "Province", "Province", ("first_year", "last_year", "article_count", "kinds")
        ),
        RelSpec("PARTY_TO", "Province", "Agreement", ()),
        RelSpec("OFFICIAL_OF", "Official", "Province", ("positions", "first_year", "last_year")),
        RelSpec("SIGNED", "Official", "Agreement", ()),
        RelSpec("LED", "Official", "Event", ()),
        RelSpec("FUNDED", "Province", "Project", ()),
        RelSpec("BENEFITS", "Project", "Province", ()),
        RelSpec("HOSTED", "Province", "Event", ()),
        RelSpec("VISITED", "Province", "Event", ()),
        RelSpec("IN_PROVINCE", "DistrictPartnership", "Province", ()),
        RelSpec("SUCCEEDED_BY", "Province", "Province", ("date", "note"), sourced=False),
    )
}

# vlkg-graph/2: Project.qualifier, DistrictPartnership nodes and IN_PROVINCE edges, and
# partnership `kinds` derived by the loader (aid, visit, event, district). A /1 store lacks
# the columns, so it is refused with a message asking for a re-ingest.
# vlkg-graph/3: `Article.cites`. A /2 store is migrated in place by its next writer (the
# column added, then filled from one pass over every fact's `sources`: app/store/migrate.py).
STORE_FORMAT = "vlkg-graph/3"
#: Formats a writer brings to `STORE_FORMAT` in place; any other is refused.
MIGRATES_FROM = ("vlkg-graph/2",)


# -- Article.cites: which facts an article supports, found by key -----------------------------
# "Which facts does article X support" is answered from the article, not by scanning every
# fact's `sources` (neither engine indexes list membership, and a relationship fact cannot be
# the end of an edge): the Article stores the key of each fact it supports, "Label|id" for a
# node fact and "TYPE|src|dst" for a relationship fact (a relationship is one per type and
# pair of ends, as the loader's `existing_<TYPE>` lookups find it). Keys never contain `|`
# (slugs, hashes and gazetteer ids). The loader writes `cites` in the same transaction as the
# facts' `sources`, so each is exactly the other read backwards.
CITE_SEP = "|"


def cite_key(kind: str, *ids: str) -> str:
    """The `cites` entry of the node fact `kind` `ids[0]`, or the relationship `kind` from
    `ids[0]` to `ids[1]`."""
    return CITE_SEP.join((kind, *ids))


def parse_cites(cites: list[str] | None) -> dict[str, list[tuple[str, ...]]]:
    """`cites` by label or type, in model order (sourced nodes, then sourced relationships),
    each kind's keys sorted and unique: (id,) for a node, (src, dst) for a relationship.
    Entries of a kind the model does not know are skipped."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for entry in cites or ():
        kind, _, rest = entry.partition(CITE_SEP)
        if kind in NODES and NODES[kind].sourced:
            found.setdefault(kind, set()).add((rest,))
        elif kind in RELS and RELS[kind].sourced:
            src, sep, dst = rest.partition(CITE_SEP)
            if sep:
                found.setdefault(kind, set()).add((src, dst))
    order = [*NODES, *RELS]
    return {kind: sorted(found[kind]) for kind in order if kind in found}


def main(argv: list[str]) -> int:
    """`python -m app.graph --out DIR`: write the generated statements (app/store/statements.py)
    as `.cypher` files under DIR, for the Cypher lint or to read them."""
    import argparse

    from app.store.statements import write_files

    parser = argparse.ArgumentParser(prog="python -m app.graph", description=main.__doc__)
    parser.add_argument("--out", type=Path, required=True, help="folder to write write/ and read/ into")
    args = parser.parse_args(argv)
    files = write_files(args.out)
    print(f"wrote {len(files)} generated statements under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
