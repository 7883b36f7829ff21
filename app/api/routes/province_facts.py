"""What a province's officials, agreements, projects and twinned districts are (units merged
into it included)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.api import agreements, districts, officials, projects, schemas
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources
from app.api.params import EntityId, Inherited, year_query
from app.api.projects import TOTALS_RULE
from app.api.routes.provinces import Name

router = APIRouter(tags=["provinces"])


@router.get("/province/{name}/officials", response_model=schemas.ProvinceOfficials)
def get_province_officials(
    name: Name,
    store: Store,
    gaz: Gaz,
    page: Paging,
    include_inherited: Inherited = True,
    sources: WithSources = False,
) -> schemas.ProvinceOfficials:
    """Officials who held a position in the province, most recent first."""
    return officials.of_province(store, gaz, gaz.resolve(name), page, include_inherited, sources)


@router.get("/province/{name}/agreements", response_model=schemas.ProvinceAgreements)
def get_province_agreements(
    name: Name,
    store: Store,
    gaz: Gaz,
    page: Paging,
    include_inherited: Inherited = True,
    sources: WithSources = False,
) -> schemas.ProvinceAgreements:
    """Agreements the province is party to, newest first."""
    return agreements.of_province(store, gaz, gaz.resolve(name), page, include_inherited, sources)


@router.get(
    "/province/{name}/projects",
    response_model=schemas.ProvinceProjects,
    description=f"Projects the province funds or benefits from, newest first, with totals. {TOTALS_RULE}",
)
def get_province_projects(
    name: Name,
    store: Store,
    gaz: Gaz,
    page: Paging,
    role: Annotated[
        Literal["funder", "beneficiary"] | None, Query(description="only as funder or beneficiary")
    ] = None,
    include_inherited: Inherited = True,
    sources: WithSources = False,
) -> schemas.ProvinceProjects:
    return projects.of_province(store, gaz, gaz.resolve(name), page, include_inherited, sources, role)


@router.get("/province/{name}/districts", response_model=schemas.ProvinceDistricts)
def get_province_districts(
    name: Name,
    store: Store,
    gaz: Gaz,
    page: Paging,
    include_inherited: Inherited = True,
    sources: WithSources = False,
) -> schemas.ProvinceDistricts:
    """District twinnings with a side in the province (district names as the articles write
    them), most recent first."""
    return districts.of_province(store, gaz, gaz.resolve(name), page, include_inherited, sources)


@router.get("/district-partnerships", response_model=schemas.DistrictPartnershipList)
def list_district_partnerships(
    store: Store,
    gaz: Gaz,
    page: Paging,
    province: Annotated[
        str | None,
        Query(max_length=200, description="a province of either side (any name), merged units included"),
    ] = None,
    year: Annotated[int | None, year_query("reported in force that year")] = None,
    sources: WithSources = False,
) -> schemas.DistrictPartnershipList:
    """District twinnings (district names as the articles write them), most recent first."""
    where = gaz.resolve(province[:200]) if province else None
    return districts.search(store, gaz, page, where, year, sources)


@router.get("/district-partnership/{key}", response_model=schemas.DistrictPartnership)
def get_district_partnership(key: EntityId, store: Store, gaz: Gaz) -> schemas.DistrictPartnership:
    """One district twinning with its provinces and every source."""
    return districts.detail(store, gaz, key)
