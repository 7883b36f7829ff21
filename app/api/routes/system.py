"""Liveness, counts and coverage."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State

from app.api import schemas
from app.api.coverage import coverage as coverage_of
from app.api.deps import Gaz, Store, current_store
from app.store.base import GraphStore, StoreError
from app.store.cypher import cypher_dir

router = APIRouter(tags=["system"])


def _state_of(state: State, refresh: bool = True) -> tuple[str | None, str]:
    """(why the store cannot be read or None, its backend)."""
    try:
        store = current_store(state, refresh=refresh)
        return store.problem(), store.backend
    except StoreError as exc:
        return exc.public, str(getattr(state, "backend", "unknown"))


@router.get(
    "/health",
    response_model=schemas.Health,
    responses={503: {"model": schemas.Health, "description": "degraded: the store cannot be read"}},
)
async def health(request: Request) -> JSONResponse:
    """`ok` when the store answers and its files are readable; otherwise 503 `degraded`
    with the reason (a store that is missing, empty, damaged, needs recovery, or a Neo4j
    server that does not answer). The server keeps trying to reopen it meanwhile."""
    # On the event loop when nothing can wait (the embedded store's checks are a few
    # `stat` calls): a hop to the thread pool and back costs two turns at the GIL, which
    # a running search holds (issue #11). Opening, refreshing and Neo4j's ping go there.
    state = request.app.state
    store: GraphStore | None = getattr(state, "store", None)
    if store is None or store.problem_blocks or store.refresh_due():
        reason, backend = await run_in_threadpool(_state_of, state)
    else:
        reason, backend = _state_of(state, refresh=False)
    if reason is not None:
        body = schemas.Health(status="degraded", backend=backend, reason=reason)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(schemas.Health(status="ok", backend=backend).model_dump(exclude_none=True))


@router.get("/stats", response_model=schemas.Stats)
def stats(store: Store) -> schemas.Stats:
    """Nodes per label and relationships per type."""
    counts = store.counts()
    return schemas.Stats(backend=store.backend, nodes=counts["nodes"], relationships=counts["relationships"])


@router.get("/coverage", response_model=schemas.Coverage)
def coverage(store: Store, gaz: Gaz) -> schemas.Coverage:
    """What the graph knows and what it does not: articles by year, outlet and province,
    facts by confidence tier, and the provinces no partnership was found for."""
    return coverage_of(store, gaz)


@router.get("/browser/style.grass", response_class=PlainTextResponse, include_in_schema=False)
def browser_style() -> str:
    """Neo4j Browser style sheet (colours and captions per label), applied on connect."""
    return (cypher_dir() / "browser" / "style.grass").read_text(encoding="utf-8")
