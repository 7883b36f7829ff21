"""Provinces: listing, lookup by any name, and partners."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.api import schemas
from app.api.answers import Answer, answers, note_url
from app.api.deps import Gaz, Store
from app.api.pagination import MAX_LIMIT, Page, Paging
from app.api.params import year_query
from app.api.partners import SOURCES_LIMIT, partners
from app.api.shaping import province_detail, province_ref

router = APIRouter(tags=["provinces"])

Name = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        description="Any name, alias, ISO 3166-2 code or id (Khammouane, Khăm Muộn, LA-KH, khammouane)",
        examples=["Khammouane"],
    ),
]


@router.get("/provinces", response_model=schemas.ProvinceList)
def list_provinces(
    gaz: Gaz,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1..500; all by default)")
    ] = MAX_LIMIT,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")] = 0,
    country: Annotated[Literal["VN", "LA"] | None, Query(description="VN or LA")] = None,
    current: Annotated[
        bool | None, Query(description="only units in force today (true) or only former")
    ] = None,
) -> schemas.ProvinceList:
    """Every province the gazetteer knows (a page of them with `limit` and `offset`)."""
    items = [province_ref(p) for p in gaz.all(country) if current is None or p.current == current]
    page = Page(limit, offset)
    return schemas.ProvinceList(**page.meta(len(items)), items=page.of(items))


@router.get("/province/{name}", response_model=schemas.Province)
def get_province(name: Name, gaz: Gaz) -> schemas.Province:
    p = gaz.resolve(name)
    return province_detail(p, gaz.predecessors(p.id))


@router.get("/province/{name}/partners", response_model=schemas.Partners)
async def get_partners(
    request: Request,
    name: Name,
    store: Store,
    gaz: Gaz,
    page: Paging,
    since: Annotated[int | None, year_query("partnerships seen in or after")] = None,
    until: Annotated[int | None, year_query("partnerships seen in or before")] = None,
    field: Annotated[
        str | None, Query(max_length=100, description="sector tag or field of an agreement")
    ] = None,
    include_inherited: Annotated[bool, Query(description="include partners of merged predecessors")] = True,
    sources_limit: Annotated[
        int,
        Query(ge=0, le=MAX_LIMIT, description=f"Sources per partner (0..500; {SOURCES_LIMIT} by default)"),
    ] = SOURCES_LIMIT,
    sources_offset: Annotated[
        int, Query(ge=0, le=1_000_000, description="Sources to skip per partner (the next page of each)")
    ] = 0,
) -> Response:
    """Partner provinces with first/last year, agreements and the articles that say so
    (a page of sources per partner; `sources_total` counts them all)."""
    p = gaz.resolve(name)
    filters = (include_inherited, since, until, field)
    key = ("partners", p.id, *filters, page.limit, page.offset, sources_limit, sources_offset)
    body = answers.peek(store, key)  # a kept answer is sent from the event loop, no thread hop
    if body is None:
        body = await run_in_threadpool(
            answers.remember,
            store,
            key,
            lambda: Answer(
                partners(
                    store,
                    gaz,
                    p,
                    include_inherited,
                    since,
                    until,
                    field,
                    page.limit,
                    page.offset,
                    sources_limit,
                    sources_offset,
                )
            ),
        )
    note_url(request, key)
    return body.response(request)
