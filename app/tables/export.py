"""Build the tables from the store, and write them as CSV + datapackage.json or one workbook."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from app.graph import NODES, RELS, parse_span
from app.provenance import public_source
from app.rdf.export import DERIVED, within
from app.rdf.paging import PAGE_SIZE, node_pages, rel_pages
from app.store.base import GraphStore

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless Table Schema type: string, integer, number, boolean, date
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[_Graph], Iterator[Row]]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _province_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_code", "string", f"{what}: ISO 3166-2 code (gazetteer id for units of 2025)"),
        Column(f"{prefix}_name_vi", "string", f"{what}: name in Vietnamese"),
        Column(f"{prefix}_name_en", "string", f"{what}: name in English"),
    )


def _list_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_codes", "string", f"{what}: province codes, `; `-separated"),
        Column(f"{prefix}_vi", "string", f"{what}: names in Vietnamese, `; `-separated"),
        Column(f"{prefix}_en", "string", f"{what}: names in English, `; `-separated"),
    )


PROVENANCE_COLUMNS = (
    Column("confidence", "number", "confidence of the fact (0-1), combined over its sources"),
    Column("rule", "string", "id of the extraction rule that read the fact in this article"),
    Column("article_id", "string", "content hash of the article (its id in the graph and the API)"),
    Column("article_url", "string", "where the article was published, when known"),
    Column("article_title", "string", "headline of the article"),
    Column("article_published", "date", "publication date of the article"),
    Column("article_outlet", "string", "newspaper or site that published the article"),
    Column("evidence", "string", "the sentence of the article that states the fact (the publisher's text)"),
)


class _Graph:
    """Everything the tables join, read once: nodes by id and relationship ends."""

    def __init__(self, store: GraphStore, page_size: int = PAGE_SIZE) -> None:
        """Read from `store` as given: `read` pins it to one snapshot first.

        The articles are read before the facts, and every fact is cut to them as a dump
        cuts it (`app.rdf.export.within`): Neo4j reads at read-committed isolation even in
        one transaction, so a batch committed meanwhile would otherwise add facts, or
        sources of a fact, citing articles these tables do not hold. On a LadybugDB
        snapshot nothing is cut."""
        listed: set[str] = set()
        years: dict[str, int] = {}

        def cut(kind: str, sourced: bool, rows: list[Row]) -> list[Row]:
            if not sourced:
                return rows
            derived = DERIVED.get(kind, ())
            return [c for c in (within(r, listed, derived, years) for r in rows) if c is not None]

        def nodes(label: str) -> dict[str, Row]:
            rows = [r for page in node_pages(store, label, page_size) for r in page]
            return {r["id"]: r for r in cut(label, NODES[label].sourced, rows)}

        def rels(rtype: str) -> list[Row]:
            rows = [r for page in rel_pages(store, rtype, page_size) for r in page]
            return cut(rtype, RELS[rtype].sourced, rows)

        self.provinces = nodes("Province")
        self.articles = nodes("Article")
        listed.update(self.articles)
        years.update((a, int(r["year"])) for a, r in self.articles.items() if r.get("year") is not None)
        self.officials = nodes("Official")
        self.agreements = nodes("Agreement")
        self.projects = nodes("Project")
        self.events = nodes("Event")
        self.district_partnerships = nodes("DistrictPartnership")
        self.partners_with = rels("PARTNERS_WITH")
        self.official_of = rels("OFFICIAL_OF")
        self.into: dict[str, dict[str, list[str]]] = {}  # rtype → dst → [src]
        self.out: dict[str, dict[str, list[str]]] = {}  # rtype → src → [dst]
        for rtype in ("PARTY_TO", "SIGNED", "FUNDED", "BENEFITS", "HOSTED", "VISITED", "LED", "IN_PROVINCE"):
            into: dict[str, list[str]] = defaultdict(list)
            out: dict[str, list[str]] = defaultdict(list)
            for r in rels(rtype):
                into[r["dst"]].append(r["src"])
                out[r["src"]].append(r["dst"])
            self.into[rtype], self.out[rtype] = into, out

    def province(self, prefix: str, pid: str | None) -> Row:
        p = self.provinces.get(pid or "") or {}
        return {
            f"{prefix}_code": (p.get("iso") or pid) if pid else None,
            f"{prefix}_name_vi": p.get("name_vi"),
            f"{prefix}_name_en": p.get("name_en"),
        }

    def province_list(self, prefix: str, ids: list[str]) -> Row:
        rows = [self.province("x", i) for i in sorted(set(ids))]
        return {
            f"{prefix}_codes": join(r["x_code"] for r in rows),
            f"{prefix}_vi": join(r["x_name_vi"] for r in rows),
            f"{prefix}_en": join(r["x_name_en"] for r in rows),
        }

    def cited(self, fact: Row, provenance: Row) -> Iterator[Row]:
        """`fact` once per source article, with that article's columns and evidence."""
        sources = provenance.get("sources") or []
        evidence = provenance.get("evidence") or []
        spans = provenance.get("spans") or []
        for i, aid in enumerate(sources):
            art = self.articles.get(aid) or {}
            span = parse_span(spans[i]) if i < len(spans) else None
            url = art.get("url")
            yield {
                **fact,
                "confidence": provenance.get("confidence"),
                "rule": span.rule if span else None,
                "article_id": aid,
                "article_url": url or public_source(art.get("source")),
                "article_title": art.get("title"),
                "article_published": art.get("published"),
                "article_outlet": art.get("outlet"),
                "evidence": evidence[i] if i < len(evidence) else None,
            }


def join(values: Any) -> str | None:
    """A multi-valued cell: the non-empty values joined with `; ` (None when there are none)."""
    items = [str(v) for v in values if v not in (None, "")]
    return "; ".join(items) if items else None


def _partnerships(g: _Graph) -> Iterator[Row]:
    for r in g.partners_with:
        src_country = g.provinces.get(r["src"], {}).get("country")
        vn, la = (r["src"], r["dst"]) if src_country != "LA" else (r["dst"], r["src"])
        fact = {
            "fact_id": f"{vn}--{la}",
            **g.province("vn", vn),
            **g.province("la", la),
            "first_year": r.get("first_year"),
            "last_year": r.get("last_year"),
            "kinds": join(r.get("kinds") or []),
            "article_count": r.get("article_count"),
        }
        yield from g.cited(fact, r)


def _agreements(g: _Graph) -> Iterator[Row]:
    for key, n in g.agreements.items():
        fact = {
            "fact_id": key,
            "kind": n.get("kind"),
            **g.province_list("parties", g.into["PARTY_TO"].get(key, [])),
            "signed_year": n.get("signed_year"),
            "signed_date": n.get("signed_date"),
            "period_start": n.get("period_start"),
            "period_end": n.get("period_end"),
            "fields": join(n.get("fields") or []),
            "sectors": join(n.get("sectors") or []),
            "count": n.get("count"),
            "signatories": join(
                sorted((g.officials.get(o) or {}).get("name") or o for o in g.into["SIGNED"].get(key, []))
            ),
        }
        yield from g.cited(fact, n)


def _projects(g: _Graph) -> Iterator[Row]:
    for key, n in g.projects.items():
        funders = g.into["FUNDED"].get(key, [])
        beneficiaries = g.out["BENEFITS"].get(key, [])
        fact = {
            "fact_id": key,
            "description": n.get("description"),
            **g.province("funder", funders[0] if funders else None),
            **g.province("beneficiary", beneficiaries[0] if beneficiaries else None),
            "amount": n.get("amount"),
            "currency": n.get("currency"),
            "qualifier": n.get("qualifier"),
            "year_start": n.get("year_start"),
            "year_end": n.get("year_end"),
            "per_year": n.get("per_year"),
            "in_kind": n.get("in_kind"),
        }
        yield from g.cited(fact, n)


def _officials(g: _Graph) -> Iterator[Row]:
    for r in g.official_of:
        o = g.officials.get(r["src"], {})
        fact = {
            "fact_id": r["src"],
            "name": o.get("name"),
            "organisation": o.get("organisation"),
            **g.province("province", r["dst"]),
            "positions": join(r.get("positions") or []),
            "first_year": r.get("first_year"),
            "last_year": r.get("last_year"),
        }
        yield from g.cited(fact, r)


def _events(g: _Graph) -> Iterator[Row]:
    for key, n in g.events.items():
        fact = {
            "fact_id": key,
            "kind": n.get("kind"),
            "date": n.get("date"),
            "year": n.get("year"),
            **g.province_list("hosts", g.into["HOSTED"].get(key, [])),
            **g.province_list("visitors", g.into["VISITED"].get(key, [])),
            "leaders": join(
                sorted((g.officials.get(o) or {}).get("name") or o for o in g.into["LED"].get(key, []))
            ),
        }
        yield from g.cited(fact, n)


def _district_partnerships(g: _Graph) -> Iterator[Row]:
    for key, n in g.district_partnerships.items():
        sides = {g.provinces.get(p, {}).get("country"): p for p in g.out["IN_PROVINCE"].get(key, [])}
        fact = {
            "fact_id": key,
            "vn_district": n.get("vn_district"),
            **g.province("vn", sides.get("VN")),
            "la_district": n.get("la_district"),
            **g.province("la", sides.get("LA")),
            "first_year": n.get("first_year"),
            "last_year": n.get("last_year"),
        }
        yield from g.cited(fact, n)


def _articles(g: _Graph) -> Iterator[Row]:
    for key, a in g.articles.items():
        yield {
            "article_id": key,
            "url": a.get("url"),
            "source": public_source(a.get("source"), a.get("url")),
            "title": a.get("title"),
            "published": a.get("published"),
            "year": a.get("year"),
            "outlet": a.get("outlet"),
            "language": a.get("language"),
        }


_FACT_ID = Column("fact_id", "string", "key of the fact in the graph (rows citing one fact share it)")

TABLES: tuple[Table, ...] = (
    Table(
        "partnerships",
        "Province partnerships",
        "A Vietnamese and a Lao province that work with each other, one row per citing article.",
        (
            _FACT_ID,
            *_province_columns("vn", "Vietnamese province"),
            *_province_columns("la", "Lao province"),
            Column("first_year", "integer", "first year the sources date the partnership to"),
            Column("last_year", "integer", "last year the sources date the partnership to"),
            Column("kinds", "string", "kinds of facts behind the partnership, `; `-separated"),
            Column("article_count", "integer", "number of articles citing the partnership"),
            *PROVENANCE_COLUMNS,
        ),
        _partnerships,
    ),
    Table(
        "agreements",
        "Agreements",
        "Memoranda, minutes, agreements and plans signed between provinces.",
        (
            _FACT_ID,
            Column("kind", "string", "memorandum, minutes, agreement, plan or other"),
            *_list_columns("parties", "Parties"),
            Column("signed_year", "integer", "year signed"),
            Column("signed_date", "date", "date signed, when stated"),
            Column("period_start", "integer", "first year of the period the agreement covers"),
            Column("period_end", "integer", "last year of the period the agreement covers"),
            Column("fields", "string", "fields of cooperation, `; `-separated"),
            Column("sectors", "string", "sectors, `; `-separated"),
            Column("count", "integer", "number of documents, when a text reports several"),
            Column("signatories", "string", "officials who signed, `; `-separated"),
            *PROVENANCE_COLUMNS,
        ),
        _agreements,
    ),
    Table(
        "projects",
        "Projects and aid",
        "Funded projects and aid from one province to another.",
        (
            _FACT_ID,
            Column("description", "string", "what was funded or given"),
            *_province_columns("funder", "Funder"),
            *_province_columns("beneficiary", "Beneficiary"),
            Column("amount", "number", "amount as written (see currency)"),
            Column("currency", "string", "ISO 4217 currency of the amount"),
            Column("qualifier", "string", "how the text hedges the amount: more_than, nearly, about, up_to"),
            Column("year_start", "integer", "first year of the funding"),
            Column("year_end", "integer", "last year of the funding"),
            Column(
                "per_year",
                "boolean",
                "true: the amount is paid every year; false: once, for the whole of year_start..year_end",
            ),
            Column("in_kind", "string", "aid in kind, when not money"),
            *PROVENANCE_COLUMNS,
        ),
        _projects,
    ),
    Table(
        "officials",
        "Officials",
        "Officials and the positions they held in a province.",
        (
            _FACT_ID,
            Column("name", "string", "name as written"),
            Column("organisation", "string", "organisation, when stated"),
            *_province_columns("province", "Province"),
            Column("positions", "string", "positions held, `; `-separated"),
            Column("first_year", "integer", "first year a source shows the official in office"),
            Column("last_year", "integer", "last year a source shows the official in office"),
            *PROVENANCE_COLUMNS,
        ),
        _officials,
    ),
    Table(
        "events",
        "Visits and meetings",
        "Visits and meetings between provinces, with hosts, visitors and leaders.",
        (
            _FACT_ID,
            Column("kind", "string", "visit, meeting, ..."),
            Column("date", "string", "YYYY-MM-DD, YYYY-MM or YYYY"),
            Column("year", "integer", "year of the event"),
            *_list_columns("hosts", "Hosts"),
            *_list_columns("visitors", "Visitors"),
            Column("leaders", "string", "officials who led, `; `-separated"),
            *PROVENANCE_COLUMNS,
        ),
        _events,
    ),
    Table(
        "district_partnerships",
        "District partnerships",
        "A Vietnamese district (or town) twinned with a Lao district, names as the articles write them.",
        (
            _FACT_ID,
            Column("vn_district", "string", "Vietnamese district or town, as written"),
            *_province_columns("vn", "Province of the Vietnamese district"),
            Column("la_district", "string", "Lao district, as written"),
            *_province_columns("la", "Province of the Lao district"),
            Column("first_year", "integer", "first year a source reports the twinning"),
            Column("last_year", "integer", "last year a source reports the twinning"),
            *PROVENANCE_COLUMNS,
        ),
        _district_partnerships,
    ),
    Table(
        "articles",
        "Articles",
        "The articles the facts were read from (identified by content hash; URL when known).",
        (
            Column("article_id", "string", "content hash of the article"),
            Column("url", "string", "where the article was published, when known"),
            Column("source", "string", "the URL, else the file name it was read from (no path)"),
            Column("title", "string", "headline"),
            Column("published", "date", "publication date"),
            Column("year", "integer", "publication year"),
            Column("outlet", "string", "newspaper or site"),
            Column("language", "string", "language code (vi, en, lo)"),
        ),
        _articles,
    ),
)


def cell(value: Any) -> Any:
    """A value as the tables write it: booleans as true/false, whole floats as integers, None
    as the empty cell."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def read(store: GraphStore, page_size: int = PAGE_SIZE) -> _Graph:
    """Everything the tables join, read from one snapshot (`store.pinned`): one read-only
    LadybugDB handle, or one Neo4j read transaction, as a dump reads it."""
    with store.pinned(dump=True) as view:
        return _Graph(view, page_size)


def write_tables(store: GraphStore, folder: Path, *, page_size: int = PAGE_SIZE) -> dict[str, int]:
    """Write one CSV per table into `folder` and `datapackage.json`; rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    graph = read(store, page_size)
    counts: dict[str, int] = {}
    for table in TABLES:
        names = [c.name for c in table.columns]
        with open(folder / table.file, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(names)
            n = 0
            for row in table.rows(graph):
                writer.writerow([cell(row.get(name)) for name in names])
                n += 1
        counts[table.name] = n
    write_datapackage(folder, counts)
    return counts


def datapackage(counts: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the tables."""
    from app.rdf.void import DESCRIPTION_EN, LICENCE, TITLE_EN

    resources = []
    for table in TABLES:
        resource: dict[str, Any] = {
            "name": table.name,
            "path": table.file,
            "title": table.title,
            "description": table.description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {"name": c.name, "type": c.type, "description": c.description} for c in table.columns
                ],
                "missingValues": [""],
            },
        }
        if counts is not None and table.name in counts:
            resource["rows"] = counts[table.name]
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "vlkg",
        "title": TITLE_EN,
        "description": DESCRIPTION_EN,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": LICENCE,
                "title": "CC BY 4.0 (the facts; quoted evidence sentences remain their publishers')",
            }
        ],
        **extra,
        "resources": resources,
    }


def write_datapackage(folder: Path, counts: dict[str, int] | None = None, **extra: Any) -> Path:
    path = folder / "datapackage.json"
    path.write_bytes(orjson.dumps(datapackage(counts, **extra), option=orjson.OPT_INDENT_2) + b"\n")
    return path


def write_xlsx(store: GraphStore, path: Path, *, page_size: int = PAGE_SIZE) -> dict[str, int]:
    """The same tables as sheets of one workbook (write-only mode: rows are streamed)."""
    from openpyxl import Workbook

    graph = read(store, page_size)
    book = Workbook(write_only=True)
    counts: dict[str, int] = {}
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        names = [c.name for c in table.columns]
        sheet.append(names)
        n = 0
        for row in table.rows(graph):
            sheet.append([cell(row.get(name)) if row.get(name) is not None else None for name in names])
            n += 1
        counts[table.name] = n
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return counts
