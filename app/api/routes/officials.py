"""Officials by name (spelling-tolerant) and by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api import officials, schemas
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources

router = APIRouter(tags=["officials"])


@router.get("/officials", response_model=schemas.OfficialList)
def list_officials(
    store: Store,
    gaz: Gaz,
    page: Paging,
    name: Annotated[
        str | None,
        Query(max_length=200, description="Any spelling, with or without diacritics; ranked by match"),
    ] = None,
    province: Annotated[
        str | None, Query(max_length=200, description="only officials of this province")
    ] = None,
    sources: WithSources = False,
) -> schemas.OfficialList:
    """Officials, best name match first (alphabetical without `name`)."""
    where = gaz.resolve(province) if province else None
    return officials.search(store, gaz, page, name.strip() if name else None, where, sources)


@router.get("/official/{official_id}", response_model=schemas.Official)
def get_official(
    official_id: Annotated[str, Path(min_length=1, max_length=300)], store: Store, gaz: Gaz
) -> schemas.Official:
    """One official with positions, agreements signed, visits led and every source."""
    return officials.detail(store, gaz, official_id)
