"""Graph stores behind one interface; `open_store` picks one from the settings."""

from __future__ import annotations

from app.settings import Settings, get_settings
from app.store.base import ChangeSet, GraphStore, StoreError, StoreLocked, StoreUnavailable

__all__ = [
    "ChangeSet",
    "GraphStore",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "open_reader",
    "open_store",
]


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


def open_reader(settings: Settings | None = None) -> GraphStore:
    """The store as the API opens it.

    The embedded store is opened read-only, so `vlkg ingest` (the one writer LadybugDB
    allows) can run while the server answers; the server reopens after each load. An
    absent store is created empty first, so a fresh server starts and answers 200s.
    """
    settings = settings or get_settings()
    if settings.store != "embedded":
        return open_store(settings)
    from app.store.embedded import EmbeddedStore

    if not (settings.data_dir / "vlkg.lbdb").exists():
        EmbeddedStore(settings.data_dir).close()
    return EmbeddedStore(settings.data_dir, read_only=True)
