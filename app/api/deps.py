"""Request dependencies: the one store and the gazetteer the app was started with.

Each request reads one snapshot of the store from its first query to its last
(`GraphStore.pinned`): an ingest published while it runs is seen by the next request,
never by half of this one.

The dependencies are `async def`: a sync dependency costs a hop to the thread pool and
back per request (four per request before, issue #12), while what they do for the
embedded store is a few `os.stat` calls and a counter. Only what may block (opening a
store, Neo4j's generation lookup, which is a network round trip) goes to the thread pool.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State

from app.gazetteer import Gazetteer, gazetteer
from app.store.base import GraphStore, StoreError, StoreUnavailable

log = logging.getLogger(__name__)

_opening = threading.Lock()
#: Seconds between two tries to open a store that could not be opened.
REOPEN_SECONDS = 1.0


class StoreNotOpen(StoreUnavailable):
    """The store could not be opened (yet); `public` says why without paths or URIs."""

    def __init__(self, message: str, public: str) -> None:
        super().__init__(message)
        self._public = public

    @property
    def public(self) -> str:  # type: ignore[override]
        return self._public


def current_store(state: State, *, refresh: bool = True) -> GraphStore:
    """The app's store; if it could not be opened yet, one more try (one at a time, at
    most once a second), so the API recovers by itself when the store comes up or is
    repaired, without a restart. `refresh` moves it to the newest published data."""
    store: GraphStore | None = getattr(state, "store", None)
    opener: Callable[[], GraphStore] | None = getattr(state, "opener", None)
    if store is None and opener is not None and time.monotonic() >= getattr(state, "retry_at", 0.0):
        with _opening:
            store = getattr(state, "store", None)
            if store is None:
                try:
                    store = state.owned = state.store = opener()
                    state.store_error = None
                except StoreError as exc:
                    log.warning("the graph store cannot be opened: %s", exc)
                    state.store_error = (str(exc), exc.public)
                    state.retry_at = time.monotonic() + REOPEN_SECONDS
    if store is None:
        message, public = getattr(state, "store_error", None) or ("the graph store is not open", "not open")
        raise StoreNotOpen(message, public)
    if refresh:
        store.refresh()
    return store


async def get_store(request: Request) -> AsyncIterator[GraphStore]:
    """The store pinned to one snapshot for this request, without a thread hop when the
    store is open and local (the usual case)."""
    state = request.app.state
    store: GraphStore | None = getattr(state, "store", None)
    if store is None:
        store = await run_in_threadpool(current_store, state)  # opening blocks
    elif store.refresh_due():  # a cheap check; the refresh itself may open files or ask a server
        await run_in_threadpool(store.refresh)
    with store.pinned() as view:
        yield view


async def get_gazetteer() -> Gazetteer:
    return gazetteer()


Store = Annotated[GraphStore, Depends(get_store)]
#: The store for a streamed dump: pinned while the route runs only, not until the response
#: is sent. The dump pins its snapshot itself for as long as it streams
#: (`routes.linked_data._pinned_export`), so when it ends nothing else holds the handle
#: and the server can let go of what the dump paged in before the last byte.
DumpStore = Annotated[GraphStore, Depends(get_store, scope="function")]
Gaz = Annotated[Gazetteer, Depends(get_gazetteer)]
