"""Any node as an `EntityRef`: one batched lookup per kind, for answers that mix kinds.

An article's facts, a path and a search name provinces, officials, agreements, projects
and events side by side; this resolves all their ids to labelled references at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.api import schemas
from app.api.refs import agreement_label, by_id, event_label, project_label, province_name
from app.gazetteer import Gazetteer
from app.store.base import GraphStore
from app.uris import entity_uri

#: Label → (cypher/read file fetching it by id, type name in answers).
KINDS = {
    "Official": ("officials_by_id", "official"),
    "Agreement": ("agreements_by_id", "agreement"),
    "Project": ("projects_by_id", "project"),
    "Event": ("events_by_id", "event"),
    "DistrictPartnership": ("district_partnerships_by_id", "district_partnership"),
}


def resolve(
    store: GraphStore, gaz: Gazetteer, wanted: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], schemas.EntityRef]:
    """(label, id) pairs → references; provinces come from the gazetteer."""
    by_label: dict[str, set[str]] = {}
    for label, key in wanted:
        by_label.setdefault(label, set()).add(key)
    out: dict[tuple[str, str], schemas.EntityRef] = {}
    for pid in by_label.pop("Province", set()):
        out[("Province", pid)] = schemas.EntityRef(
            type="province", id=pid, uri=entity_uri("Province", pid), label=province_name(gaz, pid)
        )
    for label, keys in by_label.items():
        if label not in KINDS:
            continue
        query, kind = KINDS[label]
        rows = by_id(store, query, keys)
        for key in keys:
            row = rows.get(key, {"id": key})
            if label == "Official":
                text = str(row.get("name") or key)
            elif label == "Agreement":
                text = agreement_label(row, gaz)
            elif label == "Project":
                text = project_label(row)
            elif label == "DistrictPartnership":
                text = f"{row.get('vn_district') or '?'} – {row.get('la_district') or '?'}"
            else:
                text = event_label(row)
            out[(label, key)] = schemas.EntityRef(type=kind, id=key, uri=entity_uri(label, key), label=text)
    return out
