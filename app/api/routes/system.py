"""Liveness and counts."""

from __future__ import annotations

from fastapi import APIRouter

from app.api import schemas
from app.api.deps import Store

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
