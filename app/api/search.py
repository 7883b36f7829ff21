"""One search box over every kind of entity, ranked by how well the name matches.

Provinces are matched through the gazetteer (every alias and spelling it knows, exact
resolution first), officials by their folded names, agreements by kind and fields,
projects by description, and articles by title. Scores are comparable across kinds
(0..1, 1 for an exact name), so one ranking serves them all.

The rows are read and indexed once per snapshot of the store (`search_index`), so a query
scores only the rows that can match it; only the requested page becomes response objects.
"""

from __future__ import annotations

from app.api import schemas
from app.api.answers import indexes
from app.api.pagination import Page
from app.api.refs import agreement_label, project_label, province_name
from app.api.search_index import ORDER, Entry, SearchIndex, Table
from app.gazetteer import Gazetteer, ProvinceAmbiguous, ProvinceNotFound
from app.store.base import GraphStore
from app.uris import entity_uri

__all__ = ["ORDER", "build_index", "index", "search"]


def _hit(s: float, e: Entry) -> schemas.SearchHit:
    """A hit on the `kind` node `key` (its node label is the kind, capitalised)."""
    return schemas.SearchHit(
        type=e.kind,
        id=e.id,
        uri=entity_uri(e.kind.capitalize(), e.id),
        label=e.label,
        score=s,
        detail=e.detail,
    )


def _province_entries(gaz: Gazetteer) -> list[Entry]:
    """One entry per name a province is known by (its score is the best of them)."""
    out: list[Entry] = []
    for p in gaz.provinces:
        detail = f"{p.name_en}, {p.country}" + ("" if p.current else f" (until {p.valid_to})")
        out.extend(Entry("province", p.id, p.name_vi, detail, n) for n in p.names)
    return out


def build_index(store: GraphStore, gaz: Gazetteer) -> SearchIndex:
    """Read every searchable row of the store once and index it (see `search_index`)."""
    officials = [
        Entry(
            "official",
            r["id"],
            r["name"] or r["id"],
            ", ".join(province_name(gaz, p) for p in r["provinces"] or []) or r["organisation"],
            r["search"] or r["name"] or "",
        )
        for r in store.query("officials_list")
    ]
    agreements = [
        Entry(
            "agreement",
            r["id"],
            agreement_label(r, gaz),
            ", ".join(r["fields"] or []) or None,
            " ".join([r["kind"] or "", *(r["fields"] or []), *(r["sectors"] or [])]),
        )
        for r in store.query("agreements_list")
    ]
    projects = [
        Entry(
            "project",
            r["id"],
            project_label(r),
            r["in_kind"],
            f"{r['description'] or ''} {r['in_kind'] or ''}",
        )
        for r in store.query("projects_list")
    ]
    articles = [
        Entry("article", r["id"], r["title"], r["published"], r["title"])
        for r in store.query("articles_list")
        if r["title"]
    ]
    return SearchIndex(
        {
            "province": Table(_province_entries(gaz), whole=True),
            "official": Table(officials, whole=True),
            "agreement": Table(agreements, whole=False),
            "project": Table(projects, whole=False),
            "article": Table(articles, whole=False),
        }
    )


def index(store: GraphStore, gaz: Gazetteer) -> SearchIndex:
    """The index of the snapshot `store` reads, built on its first search."""
    return indexes.remember(store, ("search", id(gaz)), lambda: build_index(store, gaz))


def _exact(gaz: Gazetteer, q: str) -> set[str]:
    try:
        return {gaz.resolve(q).id}
    except ProvinceAmbiguous as exc:
        return {p.id for p in exc.candidates}
    except ProvinceNotFound:
        return set()


def search(
    store: GraphStore, gaz: Gazetteer, q: str, page: Page, kinds: set[str] | None = None
) -> schemas.SearchResults:
    want = kinds or set(ORDER)
    exact = _exact(gaz, q) if "province" in want else set()
    ranked = index(store, gaz).ranked(q, want, exact)
    return schemas.SearchResults(
        **page.meta(len(ranked)), query=q, items=[_hit(s, e) for s, e in page.of(ranked)]
    )
