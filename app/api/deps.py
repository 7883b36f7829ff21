"""Request dependencies: the one store and the gazetteer the app was started with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.gazetteer import Gazetteer, gazetteer
from app.store.base import GraphStore, StoreUnavailable


def get_store(request: Request) -> GraphStore:
    store: GraphStore | None = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailable(getattr(request.app.state, "store_error", "the graph store is not open"))
    store.refresh()
    return store


def get_gazetteer() -> Gazetteer:
    return gazetteer()


Store = Annotated[GraphStore, Depends(get_store)]
Gaz = Annotated[Gazetteer, Depends(get_gazetteer)]
