"""Articles and the facts each supports; events (visits, meetings) by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from app.api import articles, events, schemas
from app.api.deps import Gaz, Store
from app.api.params import EntityId

router = APIRouter(tags=["articles"])


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail)
def get_article(
    article_id: Annotated[str, Path(min_length=1, max_length=64, description="content hash")],
    store: Store,
    gaz: Gaz,
) -> schemas.ArticleDetail:
    """Metadata and every fact the article supports, with its evidence sentences."""
    return articles.detail(store, gaz, article_id)


@router.get("/event/{event_id}", response_model=schemas.Event, tags=["events"])
def get_event(event_id: EntityId, store: Store, gaz: Gaz) -> schemas.Event:
    """One visit or meeting with hosts, visitors, leaders and every source."""
    return events.detail(store, gaz, event_id)
