"""Liveness, counts and coverage."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from app.api import schemas
from app.api.coverage import coverage as coverage_of
from app.api.deps import Gaz, Store
from app.store.cypher import cypher_dir

router = APIRouter(tags=["system"])


@router.get("/health", response_model=schemas.Health)
def health(store: Store) -> schemas.Health:
    """The store answers a trivial query."""
    store.ping()
    return schemas.Health(status="ok", backend=store.backend)


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
