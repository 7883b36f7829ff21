"""Facts a province inherits from the units merged into it (Vietnam's 2025 reorganisation).

Asking for a unit also asks for its predecessors (recursively): a partnership Kon Tum
signed is part of Quảng Ngãi's history. Every list of a province's facts looks its ids up
with `unit_ids` (or takes them whole with `of_units`); a filter by province keeps its
predecessors' facts with `involving`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from app.api.refs import by_id
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row


def lineage(gaz: Gazetteer, province: Province) -> list[Province]:
    """`province` and every unit merged into it, nearest first."""
    out = [province]
    i = 0
    while i < len(out):
        out.extend(p for p in gaz.predecessors(out[i].id) if p not in out)
        i += 1
    return out


def unit_ids(gaz: Gazetteer, province: Province, include_inherited: bool) -> list[str]:
    """Ids a province's own lists look up: the unit, and its predecessors when asked for."""
    return [p.id for p in (lineage(gaz, province) if include_inherited else [province])]


def involving(gaz: Gazetteer, rows: Iterable[Row], field: str, province: Province) -> list[Row]:
    """`rows` whose list of province ids in `field` names `province` or a unit merged into it,
    so a filter by a merged province keeps the facts of its predecessors."""
    units = {p.id for p in lineage(gaz, province)}
    return [r for r in rows if units.intersection(r[field] or [])]


def of_units(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    include_inherited: bool,
    ids_query: str,
    rows_query: str,
    sort_key: Callable[[Row], Any],
) -> tuple[dict[str, str], list[Row]]:
    """A province's facts of one kind, its predecessors' too when asked for: `ids_query`
    gives each fact's id with the unit it came `via`, `rows_query` the facts by id. Returns
    id → unit (the first unit named) and the rows sorted by `sort_key`."""
    via: dict[str, str] = {}
    for r in store.query(ids_query, ids=unit_ids(gaz, province, include_inherited)):
        via.setdefault(r["id"], r["via"])
    return via, sorted(by_id(store, rows_query, via).values(), key=sort_key)
