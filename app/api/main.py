"""The FastAPI application: one store per process, opened at start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from app import web
from app.api import contract, errors
from app.api.routes import (
    agreements,
    articles,
    explore,
    linked_data,
    officials,
    projects,
    province_facts,
    provinces,
    system,
)
from app.api.routes import network as network_routes
from app.api.tabular import CsvMiddleware
from app.settings import Settings, get_settings
from app.store import GraphStore, StoreError, open_reader

DESCRIPTION = """
Vietnam–Laos provincial partnerships as a knowledge graph. Every fact cites the
articles and sentences it was extracted from. Province names may be given in any
spelling, with or without diacritics, or as ISO 3166-2 codes.
"""


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    """An app bound to `store`, or to the configured store opened at start-up."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "store", None) is None:
            # A store that cannot be opened now (a Neo4j server still starting) gives
            # 503s, and each request tries again (deps.get_store) until it opens.
            app.state.opener = lambda: open_reader(settings)
            try:
                app.state.owned = app.state.store = open_reader(settings)
            except StoreError as exc:
                app.state.store_error = str(exc)
        yield
        owned: GraphStore | None = getattr(app.state, "owned", None)
        if owned is not None:
            owned.close()

    # /docs is served by app.web from a local copy of Swagger UI; no /redoc (see app.web)
    app = FastAPI(
        title="vlkg",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=contract.operation_id,
    )
    app.state.store = store
    linked_data.install(app)  # RDF routes + content negotiation, inside gzip and CORS
    app.add_middleware(CsvMiddleware)  # lists as CSV on Accept: text/csv or ?format=csv
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)  # 9 costs ~15 ms on 300 kB
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
    errors.install(app)
    app.include_router(system.router)
    app.include_router(provinces.router)
    for router in (province_facts, officials, agreements, projects, articles, explore):
        app.include_router(router.router)
    app.include_router(network_routes.router)
    web.install(app)  # the explorer at /, its static assets and /docs
    contract.install(app)  # problem+json responses, RDF alternatives, tag descriptions
    return app
