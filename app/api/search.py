"""One search box over every kind of entity, ranked by how well the name matches.

Provinces are matched through the gazetteer (every alias and spelling it knows, exact
resolution first), officials by their folded names, agreements by kind and fields,
projects by description, and articles by title. Scores are comparable across kinds
(0..1, 1 for an exact name), so one ranking serves them all.
"""

from __future__ import annotations

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.matching import THRESHOLD, score
from app.api.pagination import Page
from app.api.refs import agreement_label, project_label, province_name
from app.gazetteer import Gazetteer, ProvinceAmbiguous, ProvinceNotFound
from app.store.base import GraphStore
from app.uris import entity_uri

#: Tie-break between equal scores: provinces first, then people, then documents.
ORDER = {"province": 0, "official": 1, "agreement": 2, "project": 3, "article": 4}


def _hit(kind: str, key: str, label: str, s: float, *, detail: str | None) -> schemas.SearchHit:
    """A hit on the `kind` node `key` (its node label is the kind, capitalised)."""
    return schemas.SearchHit(
        type=kind, id=key, uri=entity_uri(kind.capitalize(), key), label=label, score=s, detail=detail
    )


def _provinces(gaz: Gazetteer, q: str) -> list[schemas.SearchHit]:
    exact: set[str] = set()
    try:
        exact.add(gaz.resolve(q).id)
    except ProvinceAmbiguous as exc:
        exact.update(p.id for p in exc.candidates)
    except ProvinceNotFound:
        pass
    hits = []
    for p in gaz.provinces:
        s = 1.0 if p.id in exact else max(score(q, n) for n in p.names)
        if s >= THRESHOLD:
            hits.append(
                _hit(
                    "province",
                    p.id,
                    p.name_vi,
                    s,
                    detail=f"{p.name_en}, {p.country}" + ("" if p.current else f" (until {p.valid_to})"),
                )
            )
    return hits


def search(
    store: GraphStore, gaz: Gazetteer, q: str, page: Page, kinds: set[str] | None = None
) -> schemas.SearchResults:
    hits: list[schemas.SearchHit] = []
    want = kinds or set(ORDER)
    if "province" in want:
        hits.extend(_provinces(gaz, q))
    if "official" in want:
        for r in corpus(store, "officials_list"):
            s = score(q, r["search"] or r["name"] or "")
            if s >= THRESHOLD:
                where = ", ".join(province_name(gaz, p) for p in r["provinces"] or [])
                hits.append(
                    _hit("official", r["id"], r["name"] or r["id"], s, detail=where or r["organisation"])
                )
    if "agreement" in want:
        for r in corpus(store, "agreements_list"):
            text = " ".join([r["kind"] or "", *(r["fields"] or []), *(r["sectors"] or [])])
            s = score(q, text, whole=False)
            if s >= THRESHOLD:
                hits.append(
                    _hit(
                        "agreement",
                        r["id"],
                        agreement_label(r, gaz),
                        s,
                        detail=", ".join(r["fields"] or []) or None,
                    )
                )
    if "project" in want:
        for r in corpus(store, "projects_list"):
            s = score(q, f"{r['description'] or ''} {r['in_kind'] or ''}", whole=False)
            if s >= THRESHOLD:
                hits.append(_hit("project", r["id"], project_label(r), s, detail=r["in_kind"]))
    if "article" in want:
        for r in corpus(store, "articles_list"):
            s = score(q, r["title"] or "", whole=False) if r["title"] else 0.0
            if s >= THRESHOLD:
                hits.append(_hit("article", r["id"], r["title"], s, detail=r["published"]))
    hits.sort(key=lambda h: (-h.score, ORDER[h.type], h.label, h.id))
    return schemas.SearchResults(**page.meta(len(hits)), query=q, items=page.of(hits))
