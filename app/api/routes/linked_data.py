"""Linked Data endpoints: the dumps, the dataset description, the ontology.

`install(app)` also adds the content-negotiation middleware (app/api/negotiation.py) that
serves entity URLs as RDF, so `create_app` registers the whole Linked Data surface with
one call and the REST routes need no change.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Iterator
from importlib import resources
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response, StreamingResponse

from app.api.answers import drop_retired
from app.api.deps import DumpStore, Store
from app.api.negotiation import JSON, RDF_TYPES, LinkedDataMiddleware, negotiate, not_acceptable, parse_accept
from app.memory import settle, trim
from app.rdf import void
from app.rdf.export import FORMATS, ExportStats, count, iter_export
from app.rdf.writers import serialize
from app.store.base import GraphStore
from app.uris import base_uri

router = APIRouter(tags=["linked data"])


def _content(*media: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {m: {"schema": {}} for m in media}}}


def _pinned_export(store: GraphStore, fmt: str) -> Iterator[bytes]:
    """The dump read from one snapshot from its first byte to its last: the handle is held
    by the stream itself (not the request), so a load published meanwhile is not mixed in.
    When the last page is written the stream lets go of the handle, the store is shed
    and what was kept for the old handle dropped, all before the response ends: the
    request holds no handle of its own meanwhile (`DumpStore`), so the dump's pages and
    the old snapshot's caches are gone by the last byte (issue #12).
    What is alive when it starts (the search index, answer and word caches: hundreds of
    thousands of objects at 50,000 articles) is frozen out of the garbage collector's full
    walks first, or the dump's allocations make the collector walk it ~140 times
    (app/memory.py)."""
    settle()
    try:
        with store.pinned(dump=True) as view:
            yield from iter_export(view, fmt, base=base_uri())
    finally:
        store.shed()  # the pages the dump brought into the store's cache
        drop_retired()  # what was kept for the handle shed, if no request reads it now
        trim()  # and its passing buffers, back to the system (app/memory.py)


def _dump(store: GraphStore, fmt: str) -> StreamingResponse:
    media, ext = FORMATS[fmt]
    chunks: Iterator[bytes] = _pinned_export(store, fmt)
    # Started here, while the request's pin still holds the snapshot: the stream pins it
    # itself before the request lets go, and a stream never sent is still closed (its
    # `finally` runs when the iterator is dropped).
    first = next(chunks)
    return StreamingResponse(
        itertools.chain([first], chunks),
        media_type=media,
        headers={"Content-Disposition": f'inline; filename="vlkg{ext}"'},
    )


@router.get("/export.ttl", response_class=Response, responses=_content("text/turtle"))
def export_turtle(store: DumpStore) -> StreamingResponse:
    """The whole graph as Turtle, streamed; the dataset description (VoID) comes last."""
    return _dump(store, "ttl")


@router.get("/export.nt", response_class=Response, responses=_content("application/n-triples"))
def export_ntriples(store: DumpStore) -> StreamingResponse:
    """The whole graph as N-Triples, streamed; the dataset description (VoID) comes last."""
    return _dump(store, "nt")


@router.get("/export.jsonld", response_class=Response, responses=_content("application/ld+json"))
def export_jsonld(store: DumpStore) -> StreamingResponse:
    """The whole graph as JSON-LD (one `@graph` array), streamed; the description comes last."""
    return _dump(store, "jsonld")


class _StatsCache:
    """The dump's counts: counting means mapping the whole graph, too slow for every hit.

    On a read-only snapshot they are computed once per snapshot; on a store that may
    change under us (Neo4j), again when its node/relationship counts change or after `ttl`.
    """

    def __init__(self, ttl: float = 300.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._entry: tuple[int, object, float, ExportStats] | None = None

    def get(self, store: GraphStore) -> ExportStats:
        token = store.snapshot
        key: object = ("snapshot", token) if token is not None else store.counts()
        with self._lock:
            e = self._entry
            fresh = e is not None and (token is not None or time.monotonic() - e[2] < self.ttl)
            if e is not None and fresh and e[1] == key and (token is not None or e[0] == id(store)):
                return e[3]
        stats = count(store, base=base_uri())
        with self._lock:
            self._entry = (id(store), key, time.monotonic(), stats)
        return stats


_stats = _StatsCache()


@router.get(
    void.WELL_KNOWN,
    response_class=Response,
    responses=_content(*RDF_TYPES, JSON),
)
def dataset_description(request: Request, store: Store) -> Response:
    """The VoID/DCAT description of the dataset: Turtle by default, JSON-LD or N-Triples by Accept.

    A client asking for plain JSON gets the JSON-LD document (labelled application/json)."""
    offers = [*RDF_TYPES, JSON]  # JSON is answered with the JSON-LD document
    accept = request.headers.get("accept")
    ranges = parse_accept(accept) if accept else None
    media = negotiate(ranges, offers) if ranges is not None else "text/turtle"
    if media is None:
        return not_acceptable(offers)
    stats = _stats.get(store)
    blocks = [
        b
        for batch in void.description(store, base_uri(), stats.triples, stats.entities, dt.date.today())
        for b in batch
    ]
    fmt = "jsonld" if media == JSON else RDF_TYPES[media]
    return Response(serialize(blocks, fmt), media_type=media, headers={"Vary": "Accept"})


@router.get("/ontology", response_class=Response, responses=_content("text/turtle"))
def ontology() -> Response:
    """The vlkg ontology (OWL, Turtle), with English and Vietnamese labels."""
    text = (resources.files("app") / "data" / "vlkg.ttl").read_bytes()
    return Response(text, media_type="text/turtle")


def install(app: FastAPI) -> None:
    """Register the Linked Data routes and the content-negotiation middleware on `app`."""
    app.add_middleware(LinkedDataMiddleware)
    app.include_router(router)
