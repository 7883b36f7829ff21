"""District twinning: every twinning (filtered), a province's, and one by id.

A district partnership is its own node (not a province partnership) because the districts
are named as written, with no gazetteer behind them; it reaches a province through
IN_PROVINCE edges, one per side the article places. A province's list includes the
twinnings reported for the units merged into it, as its partners do.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.errors import NotFound
from app.api.inheritance import involving, of_units
from app.api.matching import closest
from app.api.pagination import Page
from app.api.refs import by_id, province_or_none
from app.api.shaping import cite_if, fact_fields, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row
from app.uris import entity_uri


def _side(gaz: Gazetteer, provinces: Sequence[str], country: str) -> str | None:
    for pid in provinces:
        try:
            if gaz.get(pid).country == country:
                return pid
        except KeyError:
            continue
    return None


def build(
    store: GraphStore,
    gaz: Gazetteer,
    ids: Sequence[str],
    with_sources: bool,
    via: dict[str, str] | None = None,
    home: Province | None = None,
) -> list[schemas.DistrictPartnership]:
    """Full shapes for `ids`, in that order; `via` (id → unit) marks a province's view."""
    rows = by_id(store, "district_partnerships_by_id", ids)
    ordered = [rows[i] for i in ids if i in rows]
    out = []
    for r, sources in zip(ordered, cite_if(with_sources, ordered, store), strict=True):
        provinces = r["provinces"] or []
        out.append(
            schemas.DistrictPartnership(
                id=r["id"],
                uri=entity_uri("DistrictPartnership", r["id"]),
                vn_district=r["vn_district"] or "",
                la_district=r["la_district"] or "",
                vn_province=province_or_none(gaz, _side(gaz, provinces, "VN")),
                la_province=province_or_none(gaz, _side(gaz, provinces, "LA")),
                first_year=r["first_year"],
                last_year=r["last_year"],
                confidence=r["confidence"],
                **fact_fields(gaz, r, sources, (via or {}).get(r["id"]), home),
            )
        )
    return out


def _sort_key(r: Row) -> tuple[int, str]:
    return (-(r.get("last_year") or 0), r["id"])


def _in_year(r: Row, year: int) -> bool:
    """Reported in force in `year`: between its first and last year (undated: never)."""
    first = r["first_year"] or r["last_year"]
    return first is not None and first <= year <= (r["last_year"] or first)


def of_province(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    page: Page,
    include_inherited: bool,
    with_sources: bool,
) -> schemas.ProvinceDistricts:
    via, rows = of_units(
        store,
        gaz,
        province,
        include_inherited,
        "province_districts",
        "district_partnerships_by_id",
        _sort_key,
    )
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources, via, province)
    return schemas.ProvinceDistricts(**page.meta(len(rows)), province=province_ref(province), items=items)


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    province: Province | None = None,
    year: int | None = None,
    with_sources: bool = False,
) -> schemas.DistrictPartnershipList:
    rows = corpus(store, "district_partnerships_list")
    if province is not None:
        rows = involving(gaz, rows, "provinces", province)
    if year is not None:
        rows = [r for r in rows if _in_year(r, year)]
    rows.sort(key=_sort_key)
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources)
    return schemas.DistrictPartnershipList(**page.meta(len(rows)), items=items)


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.DistrictPartnership:
    found = build(store, gaz, [key], with_sources=True)
    if not found:
        hint = closest(key, ((r["id"],) for r in corpus(store, "district_partnerships_list")))
        raise NotFound("district partnership", key, hint)
    return found[0]
