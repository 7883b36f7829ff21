"""Facts a province inherits from the units merged into it (Vietnam's 2025 reorganisation).

Asking for a unit also asks for its predecessors (recursively): a partnership Kon Tum
signed is part of Quảng Ngãi's history. Every list of a province's facts looks its ids up
with `unit_ids`; a filter by province keeps its predecessors' facts with `involving`.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.gazetteer import Gazetteer, Province
from app.store.base import Row


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
