"""Visits and meetings: the filtered list, and one event by id with who hosted, who
visited, who led, and the sources.

Events appear in timelines and officials' records with a URI; the detail makes that URI
answer in JSON like every other entity's. A `province` filter takes a unit together with
its predecessors (host or visitor), as the partners endpoint does.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.errors import NotFound
from app.api.inheritance import involving
from app.api.pagination import Page
from app.api.refs import articles_of, by_id, event_ref, official_ref, province_refs
from app.api.shaping import cite_if
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row


def _newest_first(rows: list[Row]) -> list[Row]:
    """By year, then date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), newest first; then by id."""
    rows.sort(key=lambda r: r["id"])
    rows.sort(key=lambda r: (r["year"] or 0, r["date"] or ""), reverse=True)
    return rows


def build(store: GraphStore, gaz: Gazetteer, ids: Sequence[str], with_sources: bool) -> list[schemas.Event]:
    """Full shapes for `ids`, in that order (one query each for events, leaders, sources)."""
    rows = by_id(store, "events_by_id", ids)
    ordered = [rows[i] for i in ids if i in rows]
    leaders: dict[str, list[schemas.OfficialRef]] = {}
    for r in store.query("event_leaders", ids=[r["id"] for r in ordered]) if ordered else []:
        leaders.setdefault(r["event"], []).append(official_ref(r))
    return [
        schemas.Event(
            **event_ref(r).model_dump(),
            hosts=province_refs(gaz, r["hosts"] or []),
            visitors=province_refs(gaz, r["visitors"] or []),
            leaders=leaders.get(r["id"], []),
            confidence=r["confidence"],
            articles=articles_of(r),
            sources=sources,
        )
        for r, sources in zip(ordered, cite_if(with_sources, ordered, store), strict=True)
    ]


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    province: Province | None = None,
    year: int | None = None,
    kind: str | None = None,
    with_sources: bool = False,
) -> schemas.EventList:
    rows = corpus(store, "events_list")
    if province is not None:
        rows = [{**r, "sides": [*(r["hosts"] or []), *(r["visitors"] or [])]} for r in rows]
        rows = involving(gaz, rows, "sides", province)
    if year is not None:
        rows = [r for r in rows if r["year"] == year]
    if kind is not None:
        rows = [r for r in rows if r["kind"] == kind]
    _newest_first(rows)
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources)
    return schemas.EventList(**page.meta(len(rows)), items=items)


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.Event:
    found = build(store, gaz, [key], with_sources=True)
    if not found:
        raise NotFound("event", key)
    return found[0]
