"""Officials: name search, detail, and the officials of a province.

Names are matched on the folded `search` property with `matching.score`, so "Nguyen Tien
Hai", "nguyễn tiến hải" and "Tien Hay" all find Nguyễn Tiến Hải.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.errors import NotFound
from app.api.inheritance import involving, unit_ids
from app.api.matching import closest
from app.api.pagination import Page
from app.api.refs import agreement_ref, articles_of, by_id, event_ref, official_ref, province_refs
from app.api.search import scores as name_scores
from app.api.shaping import cite, cite_if, fact_fields, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row


def build(
    store: GraphStore,
    gaz: Gazetteer,
    ids: Sequence[str],
    with_sources: bool,
    scores: dict[str, float] | None = None,
) -> list[schemas.Official]:
    """Full official shapes for `ids`, in that order (a handful of batched queries)."""
    if not ids:
        return []
    nodes = by_id(store, "officials_by_id", ids)
    roles: dict[str, list[Row]] = {}
    for r in store.query("official_roles", ids=list(ids)):
        roles.setdefault(r["official"], []).append(r)
    links: dict[str, list[Row]] = {}
    for r in store.query("official_links", ids=list(ids)):
        links.setdefault(r["official"], []).append(r)
    agreements = by_id(
        store,
        "agreements_by_id",
        (r["target"] for v in links.values() for r in v if r["kind"] == "agreement"),
    )
    events = by_id(
        store, "events_by_id", (r["target"] for v in links.values() for r in v if r["kind"] == "event")
    )
    cited_rows = [nodes[i] for i in ids if i in nodes] + [r for i in ids for r in roles.get(i, [])]
    cited = dict(zip(map(id, cited_rows), cite(cited_rows, store), strict=True)) if with_sources else {}
    out = []
    for key in ids:
        node = nodes.get(key)
        if node is None:
            continue
        out.append(
            schemas.Official(
                **official_ref(node).model_dump(),
                confidence=node["confidence"],
                roles=[
                    schemas.Role(
                        province=ref,
                        positions=r["positions"] or [],
                        first_year=r["first_year"],
                        last_year=r["last_year"],
                        confidence=r["confidence"],
                        articles=articles_of(r),
                        sources=cited.get(id(r)),
                    )
                    for r in roles.get(key, [])
                    for ref in province_refs(gaz, [r["province"]])
                ],
                agreements=sorted(
                    (
                        agreement_ref(agreements[r["target"]])
                        for r in links.get(key, [])
                        if r["target"] in agreements
                    ),
                    key=lambda a: (a.signed_year or 0, a.id),
                ),
                events=sorted(
                    (event_ref(events[r["target"]]) for r in links.get(key, []) if r["target"] in events),
                    key=lambda e: (e.date or str(e.year or ""), e.id),
                ),
                score=(scores or {}).get(key),
                articles=articles_of(node),
                sources=cited.get(id(node)),
            )
        )
    return out


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    name: str | None = None,
    province: Province | None = None,
    with_sources: bool = False,
) -> schemas.OfficialList:
    rows = corpus(store, "officials_list")
    if province is not None:
        rows = involving(gaz, rows, "provinces", province)
    scores: dict[str, float] = {}
    if name:
        # the search index of the snapshot finds the names (same scores as a full scan)
        found = name_scores(store, gaz, name, "official")
        scores = {r["id"]: found[r["id"]] for r in rows if r["id"] in found}
        rows = sorted(
            (r for r in rows if r["id"] in scores),
            key=lambda r: (-scores[r["id"]], r["search"] or "", r["id"]),
        )
    else:
        rows = sorted(rows, key=lambda r: (r["search"] or "", r["id"]))
    ids = [r["id"] for r in page.of(rows)]
    items = build(store, gaz, ids, with_sources, scores)
    return schemas.OfficialList(**page.meta(len(rows)), items=items)


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.Official:
    found = build(store, gaz, [key], with_sources=True)
    if not found:
        raise NotFound("official", key, suggest(store, key))
    return found[0]


def suggest(store: GraphStore, key: str, n: int = 5) -> list[str]:
    """Ids of the officials whose id or name is closest to `key`."""
    return closest(key, ((r["id"], r["name"] or "") for r in corpus(store, "officials_list")), n)


def of_province(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    page: Page,
    include_inherited: bool,
    with_sources: bool,
) -> schemas.ProvinceOfficials:
    rows = store.query("province_officials", ids=unit_ids(gaz, province, include_inherited))
    rows.sort(key=lambda r: (-(r["last_year"] or 0), r["name"] or "", r["id"], r["via"]))
    shown = page.of(rows)
    items = [
        schemas.ProvinceOfficial(
            official=official_ref(r),
            positions=r["positions"] or [],
            first_year=r["first_year"],
            last_year=r["last_year"],
            confidence=r["confidence"],
            **fact_fields(gaz, r, sources, r["via"], province),
        )
        for r, sources in zip(shown, cite_if(with_sources, shown, store), strict=True)
    ]
    return schemas.ProvinceOfficials(**page.meta(len(rows)), province=province_ref(province), items=items)
