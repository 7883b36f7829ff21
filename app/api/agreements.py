"""Agreements: filtered lists, detail, and the agreements of a province.

A `year` filter matches agreements signed that year or in force then (the year lies in
their period), since researchers ask "what was agreed for 2021" as often as "what was
signed in 2021". A `party` filter takes a unit together with its predecessors, as the
partners endpoint does, so a merged province keeps its history.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.errors import NotFound
from app.api.inheritance import involving, of_units
from app.api.matching import closest
from app.api.pagination import Page
from app.api.refs import agreement_ref, by_id, official_ref, province_refs, vn_first
from app.api.shaping import cite_if, fact_fields, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row


def _sort_key(r: Row) -> tuple[int, str, str]:
    return (-(r["signed_year"] or r["period_start"] or 0), r["signed_date"] or "", r["id"])


def in_year(r: Row, year: int) -> bool:
    if r["signed_year"] == year:
        return True
    start, end = r["period_start"], r["period_end"]
    return start is not None and end is not None and start <= year <= end


def build(
    store: GraphStore,
    gaz: Gazetteer,
    ids: Sequence[str],
    with_sources: bool,
    via: dict[str, str] | None = None,
    home: Province | None = None,
) -> list[schemas.Agreement]:
    """Full agreement shapes for `ids`, in order; `via`/`home` mark a province's inherited ones."""
    rows = by_id(store, "agreements_by_id", ids)
    signers: dict[str, list[Row]] = {}
    if rows:
        for s in store.query("agreement_signatories", ids=sorted(rows)):
            signers.setdefault(s["agreement"], []).append(s)
    ordered = [rows[i] for i in ids if i in rows]
    return [
        schemas.Agreement(
            **agreement_ref(r).model_dump(),
            signed_date=r["signed_date"],
            sectors=r["sectors"] or [],
            count=r["count"],
            confidence=r["confidence"],
            parties=province_refs(gaz, vn_first(gaz, r["parties"] or [])),
            signatories=[official_ref(s) for s in signers.get(r["id"], [])],
            **fact_fields(gaz, r, sources, (via or {}).get(r["id"]), home),
        )
        for r, sources in zip(ordered, cite_if(with_sources, ordered, store), strict=True)
    ]


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    parties: Sequence[Province] = (),
    year: int | None = None,
    kind: str | None = None,
    with_sources: bool = False,
) -> schemas.AgreementList:
    rows = corpus(store, "agreements_list")
    for party in parties:
        rows = involving(gaz, rows, "parties", party)
    if year is not None:
        rows = [r for r in rows if in_year(r, year)]
    if kind is not None:
        rows = [r for r in rows if r["kind"] == kind]
    rows.sort(key=_sort_key)
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources)
    return schemas.AgreementList(**page.meta(len(rows)), items=items)


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.Agreement:
    found = build(store, gaz, [key], with_sources=True)
    if not found:
        raise NotFound("agreement", key, closest(key, ((r["id"],) for r in corpus(store, "agreements_list"))))
    return found[0]


def of_province(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    page: Page,
    include_inherited: bool,
    with_sources: bool,
) -> schemas.ProvinceAgreements:
    via, rows = of_units(
        store, gaz, province, include_inherited, "province_agreements", "agreement_keys", _sort_key
    )
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources, via, province)
    return schemas.ProvinceAgreements(**page.meta(len(rows)), province=province_ref(province), items=items)
