"""Request dependencies: the one store and the gazetteer the app was started with."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.gazetteer import Gazetteer, gazetteer
from app.store.base import GraphStore, StoreError, StoreUnavailable

_opening = threading.Lock()


def get_store(request: Request) -> GraphStore:
    """The app's store; if it could not be opened at start-up, one more try per request
    (one at a time), so the API recovers by itself when the server comes up."""
    state = request.app.state
    store: GraphStore | None = getattr(state, "store", None)
    opener: Callable[[], GraphStore] | None = getattr(state, "opener", None)
    if store is None and opener is not None:
        with _opening:
            store = getattr(state, "store", None)
            if store is None:
                try:
                    store = state.owned = state.store = opener()
                except StoreError as exc:
                    state.store_error = str(exc)
    if store is None:
        raise StoreUnavailable(getattr(state, "store_error", "the graph store is not open"))
    store.refresh()
    return store


def get_gazetteer() -> Gazetteer:
    return gazetteer()


Store = Annotated[GraphStore, Depends(get_store)]
Gaz = Annotated[Gazetteer, Depends(get_gazetteer)]
