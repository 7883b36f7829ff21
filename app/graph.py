"""The stored graph: labels, relationship types and their properties, in one place.

Both stores, the loader, the API and the RDF export read this table, and the Cypher
write files under `cypher/write/` are generated from it (`python -m app.graph`), so a
property cannot exist in one layer and be missing in another. A test checks that the
generated files are current.

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
            ("source", "url", "title", "published", "year", "outlet", "language"),
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
STORE_FORMAT = "vlkg-graph/2"


def _node_files(spec: NodeSpec) -> dict[str, str]:
    props = spec.all_props
    assign = ", ".join(["id: row.id", *(f"{p}: row.{p}" for p in props)])
    sets = ",\n    ".join(f"n.{p} = row.{p}" for p in props)
    returns = ",\n       ".join(["n.id AS id", *(f"n.{p} AS {p}" for p in props)])
    return {
        f"create_{spec.label}": f"UNWIND $rows AS row\nCREATE (n:{spec.label} {{{assign}}})\n",
        f"update_{spec.label}": (f"UNWIND $rows AS row\nMATCH (n:{spec.label} {{id: row.id}})\nSET {sets}\n"),
        f"existing_{spec.label}": (
            f"UNWIND $ids AS key\nMATCH (n:{spec.label} {{id: key}})\nRETURN {returns}\n"
        ),
    }


def _rel_files(spec: RelSpec) -> dict[str, str]:
    props = spec.all_props
    assign = ", ".join(f"{p}: row.{p}" for p in props)
    pattern = f"(a:{spec.src} {{id: row.src}})-[r:{spec.type}]->(b:{spec.dst} {{id: row.dst}})"
    sets = ",\n    ".join(f"r.{p} = row.{p}" for p in props)
    returns = ",\n       ".join(["a.id AS src", "b.id AS dst", *(f"r.{p} AS {p}" for p in props)])
    create = (
        f"UNWIND $rows AS row\nMATCH (a:{spec.src} {{id: row.src}})\nMATCH (b:{spec.dst} {{id: row.dst}})\n"
        f"CREATE (a)-[:{spec.type} {{{assign}}}]->(b)\n"
    )
    files = {
        f"create_{spec.type}": create,
        f"existing_{spec.type}": f"UNWIND $rows AS row\nMATCH {pattern}\nRETURN {returns}\n",
    }
    if props:
        files[f"update_{spec.type}"] = f"UNWIND $rows AS row\nMATCH {pattern}\nSET {sets}\n"
    return files


def write_statements() -> dict[str, str]:
    """Every generated write statement, by name (the file stem under cypher/write/)."""
    out: dict[str, str] = {}
    for n in NODES.values():
        out.update(_node_files(n))
    for r in RELS.values():
        out.update(_rel_files(r))
    header = "// Generated by `python -m app.graph` from app/graph.py; do not edit by hand.\n"
    return {k: header + v for k, v in out.items()}


def main(argv: list[str]) -> int:
    """Regenerate cypher/write/*.cypher."""
    target = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "cypher" / "write"
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.cypher"):
        old.unlink()
    for name, text in write_statements().items():
        (target / f"{name}.cypher").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
