"""The whole partnership network, for the explorer's map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api import network
from app.api.answers import Answer, answers, note_url
from app.api.deps import Gaz, Store
from app.api.params import year_query

router = APIRouter(tags=["explore"])


@router.get("/network", response_model=network.Network)
async def get_network(
    request: Request,
    store: Store,
    gaz: Gaz,
    units: Annotated[
        network.Units,
        Query(description="reported: the units the articles name; today: merged units folded into today's"),
    ] = "reported",
    since: Annotated[int | None, year_query("partnerships seen in or after")] = None,
    until: Annotated[int | None, year_query("partnerships seen in or before")] = None,
    kind: Annotated[
        list[Annotated[str, Query(max_length=40)]] | None,
        Query(
            max_length=10,
            description="keep partnerships of these kinds (agreement, visit, aid…; repeatable)",
        ),
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="keep partnerships stated with at least this confidence")
    ] = None,
) -> Response:
    """Every province with its coordinates and every partnership with its years, kinds,
    confidence and article and agreement counts (no evidence: the province pages cite it)."""
    filters = network.Filters(since, until, frozenset(kind or ()), min_confidence)
    key = ("network", units, filters)
    body = answers.peek(store, key)  # a kept answer is sent from the event loop, no thread hop
    if body is None:
        body = await run_in_threadpool(
            answers.remember,
            store,
            key,
            lambda: Answer(network.network(store, gaz, units, filters).model_dump_json().encode()),
        )
    note_url(request, key)
    return body.response(request)
