"""Projects by funder, beneficiary and year, and by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api import projects, schemas
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources
from app.api.params import EntityId, year_query
from app.api.projects import TOTALS_RULE

router = APIRouter(tags=["projects"])


@router.get(
    "/projects",
    response_model=schemas.ProjectList,
    description=f"Projects, newest first, with totals over all matches. {TOTALS_RULE}",
)
def list_projects(
    store: Store,
    gaz: Gaz,
    page: Paging,
    funder: Annotated[str | None, Query(max_length=200, description="funding province (any name)")] = None,
    beneficiary: Annotated[str | None, Query(max_length=200, description="beneficiary province")] = None,
    year: Annotated[int | None, year_query("projects running that year")] = None,
    sources: WithSources = False,
) -> schemas.ProjectList:
    return projects.search(
        store,
        gaz,
        page,
        gaz.resolve(funder) if funder else None,
        gaz.resolve(beneficiary) if beneficiary else None,
        year,
        sources,
    )


@router.get("/project/{project_id}", response_model=schemas.Project)
def get_project(project_id: EntityId, store: Store, gaz: Gaz) -> schemas.Project:
    """One project with funder, beneficiary and every source."""
    return projects.detail(store, gaz, project_id)
