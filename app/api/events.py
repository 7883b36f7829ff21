"""One visit or meeting: who hosted, who visited, who led, and the sources.

Events appear in timelines and officials' records with a URI; this makes that URI
answer in JSON like every other entity's.
"""

from __future__ import annotations

from app.api import schemas
from app.api.errors import NotFound
from app.api.refs import articles_of, by_id, event_ref, official_ref, province_refs
from app.api.shaping import cite
from app.gazetteer import Gazetteer
from app.store.base import GraphStore


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.Event:
    row = by_id(store, "events_by_id", [key]).get(key)
    if row is None:
        raise NotFound("event", key)
    leaders = store.query("event_leaders", ids=[key])
    (sources,) = cite([row], store)
    return schemas.Event(
        **event_ref(row).model_dump(),
        hosts=province_refs(gaz, row["hosts"] or []),
        visitors=province_refs(gaz, row["visitors"] or []),
        leaders=[official_ref(r) for r in leaders],
        confidence=row["confidence"],
        articles=articles_of(row),
        sources=sources,
    )
