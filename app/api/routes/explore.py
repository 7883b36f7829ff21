"""Search across kinds, paths between provinces, and a province's timeline."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Query, Request

from app.api import paths, schemas, search, timeline
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources
from app.api.params import Inherited, year_query

router = APIRouter(tags=["explore"])

Kind = Literal["province", "official", "agreement", "project", "article"]
ProvinceName = Annotated[str, Query(min_length=1, max_length=200, description="any name, alias or ISO code")]


#: Searches computed at once. Scoring is Python holding the GIL: eight searches on eight
#: pool threads took turns with the event loop and `/health` waited ~0.5 s (issue #11);
#: queued searches wait on the event loop instead, holding no thread.
SEARCH_THREADS = 1


def _searches(request: Request) -> anyio.CapacityLimiter:
    """The app's limiter, made inside its event loop (as anyio wants) on first use."""
    state = request.app.state
    limiter: anyio.CapacityLimiter | None = getattr(state, "searches", None)
    if limiter is None:
        limiter = state.searches = anyio.CapacityLimiter(SEARCH_THREADS)
    return limiter


@router.get("/search", response_model=schemas.SearchResults)
async def search_all(
    request: Request,
    store: Store,
    gaz: Gaz,
    page: Paging,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name or words, any spelling")],
    type: Annotated[list[Kind] | None, Query(description="only these kinds (repeatable)")] = None,
) -> schemas.SearchResults:
    """Any entity by name, best match first (score 1 = exact)."""
    run = partial(search.search, store, gaz, q, page, set(type) if type else None)
    return await anyio.to_thread.run_sync(run, limiter=_searches(request))


@router.get("/path", response_model=schemas.Paths)
def get_path(
    store: Store,
    gaz: Gaz,
    page: Paging,
    start: Annotated[str, Query(alias="from", min_length=1, max_length=200, description="a province")],
    end: Annotated[str, Query(alias="to", min_length=1, max_length=200, description="another province")],
) -> schemas.Paths:
    """Shortest connections (up to 6 steps) through partnerships, shared agreements and mergers."""
    return paths.paths(store, gaz, gaz.resolve(start), gaz.resolve(end), page)


@router.get("/timeline", response_model=schemas.Timeline)
def get_timeline(
    store: Store,
    gaz: Gaz,
    page: Paging,
    province: ProvinceName,
    since: Annotated[int | None, year_query()] = None,
    until: Annotated[int | None, year_query()] = None,
    include_inherited: Inherited = True,
    include_undated: Annotated[bool, Query(description="append entries with no date")] = False,
    sources: WithSources = False,
) -> schemas.Timeline:
    """Dated visits and meetings, agreements and projects, oldest first."""
    return timeline.timeline(
        store, gaz, gaz.resolve(province), page, include_inherited, since, until, include_undated, sources
    )
