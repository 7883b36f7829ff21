"""Articles and the facts each supports; events (visits, meetings), filtered and by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api import articles, events, schemas
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources
from app.api.params import EntityId, Inherited, year_query

router = APIRouter(tags=["articles"])


@router.get("/articles", response_model=schemas.ArticleList)
def list_articles(
    store: Store,
    gaz: Gaz,
    page: Paging,
    outlet: Annotated[
        str | None,
        Query(max_length=200, description="newspaper or site, without case or `www.` (example.vn)"),
    ] = None,
    year: Annotated[int | None, year_query("published that year")] = None,
    province: Annotated[
        str | None,
        Query(max_length=200, description="only articles stating a fact about this province (any name)"),
    ] = None,
    include_inherited: Inherited = True,
) -> schemas.ArticleList:
    """The corpus behind the graph, newest first: each article with the provinces it
    states facts about, so a reader can find the sources of a province's answers."""
    where = gaz.resolve(province) if province else None
    return articles.search(store, gaz, page, outlet, year, where, include_inherited)


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail)
def get_article(
    article_id: Annotated[
        str, Path(min_length=1, max_length=64, description="content hash", examples=["8c916a4021655b3f"])
    ],
    store: Store,
    gaz: Gaz,
) -> schemas.ArticleDetail:
    """Metadata and every fact the article supports, with its evidence sentences."""
    return articles.detail(store, gaz, article_id)


@router.get("/events", response_model=schemas.EventList, tags=["events"])
def list_events(
    store: Store,
    gaz: Gaz,
    page: Paging,
    province: Annotated[
        str | None,
        Query(max_length=200, description="a host or visitor (any name), units merged into it included"),
    ] = None,
    year: Annotated[int | None, year_query("held that year")] = None,
    kind: Annotated[str | None, Query(max_length=40, description="visit or meeting")] = None,
    sources: WithSources = False,
) -> schemas.EventList:
    """Visits and meetings between provinces, newest first."""
    where = gaz.resolve(province[:200]) if province else None
    return events.search(store, gaz, page, where, year, kind, sources)


@router.get("/event/{event_id}", response_model=schemas.Event, tags=["events"])
def get_event(event_id: EntityId, store: Store, gaz: Gaz) -> schemas.Event:
    """One visit or meeting with hosts, visitors, leaders and every source."""
    return events.detail(store, gaz, event_id)
