"""How two provinces are connected: shortest paths through the graph.

Paths run over partnerships (PARTNERS_WITH), agreements both sides are party to
(PARTY_TO, through the Agreement node) and succession (SUCCEEDED_BY), so a merged unit
reaches the partners of the units it absorbed. Variable-length shortest-path syntax
differs between the engines, so this is the one statement kept in two files,
`path.<engine>.cypher`, picked by the store's backend.
"""

from __future__ import annotations

import itertools
from typing import Any

from app.api import schemas
from app.api.entities import resolve
from app.api.pagination import Page
from app.api.shaping import province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row

#: Store backend → suffix of its engine-specific statements.
ENGINES = {"embedded": "ladybug", "neo4j": "neo4j"}


def engine_query(store: GraphStore, name: str, **params: Any) -> list[Row]:
    """Run `cypher/read/<name>.<engine>.cypher` for the store's engine."""
    engine = ENGINES.get(store.backend, store.backend)
    return store.query(f"{name}.{engine}", **params)


def _link(gaz: Gazetteer, a: str, b: str, agreement: set[str]) -> str:
    """The relationship between two consecutive path nodes, told by their kinds.

    Partnerships join a Vietnamese and a Lao unit, succession joins units of one country,
    and any step touching an Agreement node is PARTY_TO, so no relationship type needs to
    be returned (LadybugDB has no `type(r)`).
    """
    if a in agreement or b in agreement:
        return "PARTY_TO"
    try:
        same_country = gaz.get(a).country == gaz.get(b).country
    except KeyError:
        same_country = False
    return "SUCCEEDED_BY" if same_country else "PARTNERS_WITH"


def paths(store: GraphStore, gaz: Gazetteer, start: Province, end: Province, page: Page) -> schemas.Paths:
    if start.id == end.id:
        found: list[list[str]] = [[start.id]]
    else:
        rows = engine_query(store, "path", src=start.id, dst=end.id)
        found = [list(t) for t in dict.fromkeys(tuple(r["ids"]) for r in rows)]
    known = {p.id for p in gaz.provinces}
    agreement = {n for ids in found for n in ids if n not in known}
    refs = resolve(
        store, gaz, [("Agreement" if n in agreement else "Province", n) for ids in found for n in ids]
    )
    found.sort(key=lambda ids: [refs[("Agreement" if n in agreement else "Province", n)].label for n in ids])
    items = [
        schemas.ProvincePath(
            hops=len(ids) - 1,
            nodes=[refs[("Agreement" if n in agreement else "Province", n)] for n in ids],
            links=[_link(gaz, a, b, agreement) for a, b in itertools.pairwise(ids)],
        )
        for ids in found
    ]
    return schemas.Paths(
        **page.meta(len(items)),
        start=province_ref(start),
        end=province_ref(end),
        hops=items[0].hops if items else None,
        items=page.of(items),
    )
