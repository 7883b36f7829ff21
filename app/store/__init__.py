"""Graph stores behind one interface; `open_store` picks one from the settings."""

from __future__ import annotations

from app.settings import Settings, get_settings
from app.store.base import ChangeSet, GraphStore, StoreDamaged, StoreError, StoreLocked, StoreUnavailable

__all__ = [
    "ChangeSet",
    "GraphStore",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "open_reader",
    "open_store",
]


#: Passwords copied from examples: refused, so no deployment runs on a published one.
PLACEHOLDER_PASSWORDS = frozenset({"", "change-me-please", "changeme", "change-me", "password"})


def open_store(settings: Settings | None = None, read_only: bool = False, force: bool = False) -> GraphStore:
    """The configured store; Neo4j is imported only when asked for.

    `force` lets a writer start a new embedded store over an empty, missing or damaged one
    (whose files are kept aside); without it that is refused with `StoreDamaged`.
    """
    settings = settings or get_settings()
    if settings.store == "neo4j":
        if not settings.neo4j_uri:
            raise StoreError("VLKG_STORE=neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)")
        if settings.neo4j_password.strip().lower() in PLACEHOLDER_PASSWORDS:
            raise StoreError(
                "NEO4J_PASSWORD is empty or a placeholder: set the password of your Neo4j server "
                "(in the environment or .env)"
            )
        from app.store.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
            whole_load_articles=settings.neo4j_whole_load_articles,
        )
    from app.store.embedded import EmbeddedStore

    pool = settings.read_buffer_mb << 20 if read_only else None
    return EmbeddedStore(settings.data_dir, read_only=read_only, force=force, buffer_pool=pool)


def open_reader(settings: Settings | None = None, *, recover: bool = False) -> GraphStore:
    """The store as the API opens it.

    The embedded store is opened read-only, so `vlkg ingest` (the one writer LadybugDB
    allows) can run while the server answers; the server moves to each load once it is
    published. A data directory that never held a store gets an empty one, so a fresh
    server starts and answers 200s; a store that was there and is gone is `missing`, never
    silently replaced by an empty graph. `recover` (the server) replays what a killed
    writer left behind.
    """
    settings = settings or get_settings()
    if settings.store != "embedded":
        return open_store(settings)
    from app.store.embedded import MARKER, EmbeddedStore

    if not (settings.data_dir / "vlkg.lbdb").exists() and not (settings.data_dir / MARKER).exists():
        EmbeddedStore(settings.data_dir).close()
    return EmbeddedStore(
        settings.data_dir, read_only=True, recover=recover, buffer_pool=settings.read_buffer_mb << 20
    )
