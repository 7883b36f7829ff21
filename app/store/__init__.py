"""Graph stores behind one interface; `open_store` picks one from the settings."""

from __future__ import annotations

from app.settings import Settings, get_settings
from app.store.base import ChangeSet, GraphStore, StoreError, StoreLocked, StoreUnavailable

__all__ = ["ChangeSet", "GraphStore", "StoreError", "StoreLocked", "StoreUnavailable", "open_store"]


def open_store(settings: Settings | None = None, read_only: bool = False) -> GraphStore:
    """The configured store; Neo4j is imported only when asked for."""
    settings = settings or get_settings()
    if settings.store == "neo4j":
        if not settings.neo4j_uri:
            raise StoreError("VLKG_STORE=neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)")
        from app.store.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
        )
    from app.store.embedded import EmbeddedStore

    return EmbeddedStore(settings.data_dir, read_only=read_only)
