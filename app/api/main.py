"""The FastAPI application: one store per process, opened at start-up."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import web
from app.api import contract, errors
from app.api.answers import Front, release_retired
from app.api.ratelimit import RateLimit
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
from app.api.search import warm as warm_search
from app.api.tabular import CsvMiddleware
from app.gazetteer import gazetteer
from app.settings import Settings, get_settings
from app.store import GraphStore, StoreError, open_reader

log = logging.getLogger(__name__)

DESCRIPTION = """
Vietnam–Laos provincial partnerships as a knowledge graph. Every fact cites the
articles and sentences it was extracted from. Province names may be given in any
spelling, with or without diacritics, or as ISO 3166-2 codes.
"""

#: How long a thread holding the GIL runs before one waiting for it takes a turn (CPython's
#: default is 5 ms). A search is Python holding the GIL (app/api/search_index.py), and the
#: event loop gives the GIL up at every socket call, then waits up to this long to take it
#: back: a `/health` answered in a few such turns waited 5 ms at each while eight clients
#: searched (p99 ~90 ms on 10,000 articles, issue #11). At 1 ms the wait is a fifth; the
#: search pays a switch more often, which costs it nothing measurable (bench/bench_search.py).
SWITCH_INTERVAL = 0.001


class HeadAsGet:
    """HEAD wherever GET is (RFC 9110): answered as GET, with the headers and no body.

    FastAPI routes declare GET only; this runs them for HEAD and drops the body, so
    `Content-Length` and `Content-Type` are the ones GET would send.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def prepared(store: GraphStore) -> GraphStore:
    """The server's own store, each of whose snapshots gets its search index built in the
    background before requests read it (`GraphStore.warm_with`), not by the first search,
    and what is kept for a snapshot dropped as soon as its handle is closed
    (`GraphStore.on_retire`), not when the objects that last used it are collected.
    A store handed to `create_app` (tests, embedding) is left as it is: its `refresh`
    then moves to new data at once."""
    gaz = gazetteer()
    store.warm_with(lambda view: warm_search(view, gaz))
    store.on_retire(release_retired)
    return store


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    """An app bound to `store`, or to the configured store opened at start-up."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        if getattr(app.state, "store", None) is None:
            # A store that cannot be opened now (a Neo4j server still starting) gives
            # 503s, and each request tries again (deps.get_store) until it opens.
            app.state.opener = lambda: prepared(open_reader(settings, recover=True))
            try:
                app.state.owned = app.state.store = app.state.opener()
            except StoreError as exc:
                log.warning("the graph store cannot be opened yet: %s", exc)
                app.state.store_error = (str(exc), exc.public)
        yield
        owned: GraphStore | None = getattr(app.state, "owned", None)
        if owned is not None:
            owned.close()
        sys.setswitchinterval(switch)

    # /docs is served by app.web from a local copy of Swagger UI; no /redoc (see app.web)
    app = FastAPI(
        title="vlkg",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,  # see errors.install: redirects built from VLKG_BASE_URI
        generate_unique_id_function=contract.operation_id,
    )
    app.state.store = store
    app.state.backend = store.backend if store is not None else settings.store
    linked_data.install(app)  # RDF routes + content negotiation, inside gzip and CORS
    app.add_middleware(CsvMiddleware)  # lists as CSV on Accept: text/csv or ?format=csv
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)  # 9 costs ~15 ms on 300 kB
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
    app.add_middleware(Front)  # kept answers by request target, before routing (answers.py)
    app.add_middleware(HeadAsGet)
    if settings.rate_limit > 0:  # outermost: a refused request costs no other work
        app.add_middleware(RateLimit, rate=settings.rate_limit, burst=settings.rate_burst or None)
    errors.install(app)
    app.include_router(system.router)
    app.include_router(provinces.router)
    for router in (province_facts, officials, agreements, projects, articles, explore):
        app.include_router(router.router)
    app.include_router(network_routes.router)
    web.install(app)  # the explorer at /, its static assets and /docs
    contract.install(app)  # problem+json responses, RDF alternatives, tag descriptions
    return app
