"""One search box over every kind of entity, ranked by how well the name matches.

Provinces are matched through the gazetteer (every alias and spelling it knows, exact
resolution first), officials by their folded names, agreements by kind and fields,
projects by description, and articles by title. Scores are comparable across kinds
(0..1, 1 for an exact name), so one ranking serves them all.

The rows are read and indexed once per snapshot of the store (`search_index`), so a query
scores only the rows that can match it; only the requested page becomes response objects.
On Neo4j the store's full-text indexes (cypher/schema.neo4j.cypher) find the candidate
rows instead, and the same scorer ranks them, so both stores give the same hits (up to
what Lucene's fuzzy terms reach, see `lucene_terms`).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from app.api import schemas
from app.api.answers import Answers, drop_retired, indexes
from app.api.matching import MAX_QUERY, _words
from app.api.pagination import Page
from app.api.refs import agreement_label, project_label, province_name
from app.api.search_index import ORDER, Entry, SearchIndex, Table
from app.gazetteer import Gazetteer, ProvinceAmbiguous, ProvinceNotFound
from app.memory import settle, trim
from app.store.base import GraphStore, Row
from app.uris import entity_uri

__all__ = ["ORDER", "build_index", "index", "lucene_terms", "scores", "search", "warm"]

#: Candidate rows per kind asked of a full-text index (Neo4j). A query matching more
#: (a word in every title) ranks the best-scored this many by Lucene's relevance.
FULLTEXT_LIMIT = 10_000
#: Full-text statements per kind (cypher/read/search_*.neo4j.cypher).
FULLTEXT = {k: f"search_{k}s.neo4j" for k in ("official", "agreement", "project", "article")}
#: Ranked answers of the full-text path, per Neo4j load generation and query.
_fulltext: Answers[SearchIndex] = Answers(maxsize=256)


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


_provinces: dict[int, tuple[Gazetteer, Table]] = {}
_provinces_lock = threading.Lock()


def _province_table(gaz: Gazetteer) -> Table:
    """The gazetteer's names, indexed once per gazetteer (they never change at run time)."""
    with _provinces_lock:
        held = _provinces.get(id(gaz))
        if held is None or held[0] is not gaz:
            held = _provinces[id(gaz)] = (gaz, Table(_province_entries(gaz), whole=True))
        return held[1]


def build_index(store: GraphStore, gaz: Gazetteer) -> SearchIndex:
    """Read every searchable row of the store once and index it (see `search_index`)."""
    names = {"official": "officials_list", "agreement": "agreements_list"}
    names |= {"project": "projects_list", "article": "articles_list"}
    return _index(gaz, lambda kind: store.query(names[kind]))


def _entries(gaz: Gazetteer, kind: str, rows: list[Row]) -> list[Entry]:
    """The searchable entries of `rows`. Repeated strings (an official's provinces, an
    agreement's words) are one string each: 50,000 articles make ~250,000 entries."""
    same: dict[str, str] = {}

    def one(text: str | None) -> str | None:
        return None if text is None else same.setdefault(text, text)

    if kind == "official":
        return [
            Entry(
                "official",
                r["id"],
                r["name"] or r["id"],
                one(", ".join(province_name(gaz, p) for p in r["provinces"] or []) or r["organisation"]),
                r["search"] or r["name"] or "",
            )
            for r in rows
        ]
    if kind == "agreement":
        return [
            Entry(
                "agreement",
                r["id"],
                agreement_label(r, gaz),
                one(", ".join(r["fields"] or []) or None),
                one(" ".join([r["kind"] or "", *(r["fields"] or []), *(r["sectors"] or [])])) or "",
            )
            for r in rows
        ]
    if kind == "project":
        return [
            Entry(
                "project",
                r["id"],
                project_label(r),
                one(r["in_kind"]),
                f"{r['description'] or ''} {r['in_kind'] or ''}",
            )
            for r in rows
        ]
    return [
        Entry("article", r["id"], r["title"], one(r["published"]), r["title"]) for r in rows if r["title"]
    ]


def _index(gaz: Gazetteer, fetch: Callable[[str], list[Row]]) -> SearchIndex:
    """An index of the rows `fetch` gives per kind, one kind at a time (so the rows of one
    are dropped before the next are read)."""
    tables = {"province": _province_table(gaz)}
    for kind, whole in (("official", True), ("agreement", False), ("project", False), ("article", False)):
        tables[kind] = Table(_entries(gaz, kind, fetch(kind)), whole=whole)
    return SearchIndex(tables)


def lucene_terms(q: str) -> str | None:
    """A Lucene query for the candidates of `q`: each folded word as it is, fuzzy, and as a
    prefix, as `matching.score` matches words (folded words are letters and digits only,
    so nothing needs escaping). Edits follow the ratio cut-off: a word of 2–3 letters can
    be one edit from a match, longer ones two (Lucene's maximum)."""
    words = _words(q[:MAX_QUERY])
    if not words:
        return None
    parts = []
    for w in dict.fromkeys(words):
        parts.append(w)
        if len(w) >= 2:
            parts.append(f"{w}~{1 if len(w) <= 3 else 2}")
        if len(w) >= 3:
            parts.append(f"{w}*")
    return " OR ".join(parts)


def fulltext_index(store: GraphStore, gaz: Gazetteer, q: str, kinds: set[str]) -> SearchIndex:
    """The rows the store's full-text indexes find for `q`, as a small index to rank."""
    terms = lucene_terms(q)

    def rows(kind: str) -> list[Row]:
        if terms is None or kind not in kinds:
            return []
        return store.query(FULLTEXT[kind], terms=terms, limit=FULLTEXT_LIMIT)

    return _index(gaz, rows)


#: One lock per snapshot view while its index is built, so the requests (and the warm-up)
#: that need it at once wait for one build rather than each building their own.
_building: weakref.WeakKeyDictionary[GraphStore, threading.Lock] = weakref.WeakKeyDictionary()
_building_lock = threading.Lock()


def index(store: GraphStore, gaz: Gazetteer) -> SearchIndex:
    """The index of the snapshot `store` reads: built by `warm` before the server serves
    the snapshot, or else by its first search (one build, however many ask at once)."""
    key = ("search", id(gaz))
    found = indexes.peek(store, key)
    if found is not None:
        return found
    if store.snapshot is None:  # nothing to share: data that may change under it
        return build_index(store, gaz)
    with _building_lock:
        lock = _building.setdefault(store.owner, threading.Lock())
    with lock:
        return indexes.remember(store, key, lambda: build_index(store, gaz))


def warm(store: GraphStore, gaz: Gazetteer) -> None:
    """Build the index of the snapshot `store` reads (`GraphStore.warm_with`: off the
    request path), then keep its objects out of the garbage collector's full walks and
    give the memory its reads freed back to the system (app/memory.py). What was kept for
    a snapshot swapped out and closed meanwhile goes first, before the new index is built
    beside it."""
    drop_retired()
    index(store, gaz)
    settle()
    trim()


def _exact(gaz: Gazetteer, q: str) -> set[str]:
    try:
        return {gaz.resolve(q).id}
    except ProvinceAmbiguous as exc:
        return {p.id for p in exc.candidates}
    except ProvinceNotFound:
        return set()


def _found(store: GraphStore, gaz: Gazetteer, q: str, want: set[str]) -> SearchIndex:
    """The index that ranks `q`: the snapshot's, or on Neo4j the full-text candidates."""
    if store.backend == "neo4j":
        return _fulltext.remember(
            store, (q[:MAX_QUERY], frozenset(want), id(gaz)), lambda: fulltext_index(store, gaz, q, want)
        )
    return index(store, gaz)


def scores(store: GraphStore, gaz: Gazetteer, q: str, kind: str) -> dict[str, float]:
    """Id → score of the `kind` rows matching `q` (for list endpoints filtered by name)."""
    return {e.id: s for s, e in _found(store, gaz, q, {kind}).ranked(q, {kind})}


def search(
    store: GraphStore, gaz: Gazetteer, q: str, page: Page, kinds: set[str] | None = None
) -> schemas.SearchResults:
    want = kinds or set(ORDER)
    exact = _exact(gaz, q) if "province" in want else set()
    ranked = _found(store, gaz, q, want).ranked(q, want, exact)
    return schemas.SearchResults(
        **page.meta(len(ranked)), query=q, items=[_hit(s, e) for s, e in page.of(ranked)]
    )
