"""Agreements by party, year and kind, and by id."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Query

from app.api import agreements, schemas
from app.api.deps import Gaz, Store
from app.api.pagination import Paging, WithSources
from app.api.params import EntityId, year_query
from app.facts import AgreementKind

router = APIRouter(tags=["agreements"])


@router.get("/agreements", response_model=schemas.AgreementList)
def list_agreements(
    store: Store,
    gaz: Gaz,
    page: Paging,
    party: Annotated[
        list[str] | None,
        Query(max_length=4, description="a party (any name); repeat for agreements between several"),
    ] = None,
    year: Annotated[int | None, year_query("signed that year or in force then")] = None,
    kind: Annotated[AgreementKind | None, Query(description=", ".join(get_args(AgreementKind)))] = None,
    sources: WithSources = False,
) -> schemas.AgreementList:
    """Agreements, newest first."""
    parties = [gaz.resolve(p[:200]) for p in party or []]
    return agreements.search(store, gaz, page, parties, year, kind, sources)


@router.get("/agreement/{agreement_id}", response_model=schemas.Agreement)
def get_agreement(agreement_id: EntityId, store: Store, gaz: Gaz) -> schemas.Agreement:
    """One agreement with parties, signatories and every source."""
    return agreements.detail(store, gaz, agreement_id)
