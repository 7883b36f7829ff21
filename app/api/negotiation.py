"""Content negotiation: entity URLs answer in RDF when asked, JSON otherwise.

Implemented as ASGI middleware so the REST routes stay untouched: it looks at GET/HEAD
requests for an entity URL (`/province/{name}`, `/official/{id}`, `/agreement/{id}`,
`/project/{id}`, `/articles/{id}`, `/event/{id}`, `/partnership/{vn}--{la}`), and

- with a `.ttl` / `.jsonld` / `.nt` suffix, answers that format;
- with an `Accept` header preferring Turtle, JSON-LD or N-Triples, answers that format;
- with no Accept, `*/*`, a JSON preference or a malformed header, passes the request on
  to the REST route (JSON stays the default; a header we cannot read is not an error);
- with an Accept that allows none of the types served, answers 406 listing them.

Entity URLs that have no REST route (events, partnerships, until the API adds them)
answer JSON-LD for a JSON request, so every URI in the dump dereferences. Province names
resolve through the gazetteer, so `/province/Khăm Muộn` as Turtle describes
`{base}/province/khammouane`, the URI the dump uses.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem
from app.gazetteer import ProvinceAmbiguous, ProvinceNotFound, gazetteer
from app.rdf.describe import describe, describe_partnership
from app.rdf.mapping import Mapper
from app.rdf.terms import Block
from app.rdf.writers import serialize
from app.store.base import GraphStore, StoreError

log = logging.getLogger(__name__)

JSON = "application/json"
#: Media type → writer format, in the server's order of preference after JSON.
RDF_TYPES: dict[str, str] = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
}
MEDIA_OF_FORMAT = {fmt: media for media, fmt in RDF_TYPES.items()}
SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt"}
SUPPORTED = [JSON, *RDF_TYPES]

#: URL segment → store label (None: the partnership pseudo-entity).
ENTITY_KINDS: dict[str, str | None] = {
    "province": "Province",
    "official": "Official",
    "agreement": "Agreement",
    "project": "Project",
    "articles": "Article",
    "event": "Event",
    "district-partnership": "DistrictPartnership",
    "partnership": None,
}
_ENTITY_PATH = re.compile(r"^/(" + "|".join(ENTITY_KINDS) + r")/([^/]{1,400}?)(\.ttl|\.jsonld|\.nt)?$")

# -- Accept ---------------------------------------------------------------------------------

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_RANGE = re.compile(rf"^({_TOKEN})/({_TOKEN})$")
_QVALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")
_PARAM = re.compile(rf'^({_TOKEN})\s*=\s*({_TOKEN}|"[^"]*")$')


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media: str) -> int:
        """How specifically this range matches `media`: 3 exact, 2 `type/*`, 1 `*/*`, 0 not."""
        t, _, s = media.partition("/")
        if self.type == "*":
            return 1
        if self.type != t:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == s else 0


def parse_accept(header: str) -> list[MediaRange] | None:
    """The media ranges of an Accept header, or None when it does not follow RFC 9110."""
    ranges: list[MediaRange] = []
    for element in header.split(","):
        element = element.strip()
        if not element:
            continue
        kind, *params = (p.strip() for p in element.split(";"))
        m = _RANGE.match(kind)
        if not m:
            return None
        mtype, subtype = m.group(1).lower(), m.group(2).lower()
        if mtype == "*" and subtype != "*":
            return None
        q = 1.0
        for param in params:
            pm = _PARAM.match(param)
            if not pm:
                return None
            if pm.group(1).lower() == "q":
                if not _QVALUE.match(pm.group(2)):
                    return None
                q = float(pm.group(2))
        ranges.append(MediaRange(mtype, subtype, q))
    return ranges or None


def negotiate(ranges: Sequence[MediaRange], offers: Sequence[str]) -> str | None:
    """The offer the client prefers (ties go to the earlier offer), or None if none is acceptable.

    Each offer takes the q of the most specific range matching it (RFC 9110 §12.5.1), so
    `*/*;q=0.1, text/turtle` prefers Turtle and `text/*;q=0` refuses it.
    """
    best: str | None = None
    best_q = 0.0
    for offer in offers:
        specificity, q = 0, 0.0
        for r in ranges:
            s = r.matches(offer)
            if s > specificity:
                specificity, q = s, r.q
        if q > best_q:
            best, best_q = offer, q
    return best


def not_acceptable(supported: Sequence[str] = SUPPORTED) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": "Not Acceptable",
        "status": 406,
        "detail": "none of the media types in Accept is served here; supported: " + ", ".join(supported),
        "supported": list(supported),
    }
    return JSONResponse(body, status_code=406, media_type="application/problem+json")


# -- the middleware ------------------------------------------------------------------------------


class NotFoundEntity(LookupError):
    def __init__(self, what: str, key: str, suggestions: list[str] | None = None) -> None:
        self.what, self.key, self.suggestions = what, key, suggestions or []
        super().__init__(f"no {what} {key[:200]!r}")


def entity_blocks(store: GraphStore, mapper: Mapper, kind: str, key: str) -> list[Block]:
    """The description of the entity at `/{kind}/{key}`; raises NotFoundEntity or a gazetteer error."""
    label = ENTITY_KINDS[kind]
    if label == "Province":
        key = gazetteer().resolve(key).id
    if label is None:
        vn, sep, la = key.partition("--")
        if not sep:
            raise NotFoundEntity("partnership", key)
        gaz = gazetteer()
        blocks = describe_partnership(store, mapper, gaz.resolve(vn).id, gaz.resolve(la).id)
    else:
        blocks = describe(store, mapper, label, key)
    if blocks is None:
        raise NotFoundEntity(kind, key)
    return blocks


class LinkedDataMiddleware:
    """Answers RDF for entity URLs when the client asks for it (see the module docstring)."""

    def __init__(self, app: ASGIApp, base: str | None = None) -> None:
        self.app = app
        self.base = base

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        m = _ENTITY_PATH.match(scope.get("path", ""))
        if m is None:
            await self.app(scope, receive, send)
            return
        kind, key, suffix = m.group(1), m.group(2), m.group(3)
        media: str
        if suffix:
            fmt = SUFFIXES[suffix]
            media = MEDIA_OF_FORMAT[fmt]
        else:
            accept = Request(scope).headers.get("accept")
            ranges = parse_accept(accept) if accept else None
            chosen = negotiate(ranges, SUPPORTED) if ranges is not None else JSON
            if chosen is None:
                await not_acceptable()(scope, receive, send)
                return
            if chosen == JSON:
                if _has_route(scope):
                    await self.app(scope, receive, _add_vary(send))
                    return
                fmt, media = "jsonld", JSON
            else:
                fmt, media = RDF_TYPES[chosen], chosen
        response = await run_in_threadpool(self._render, scope, kind, key, fmt, media, not suffix)
        await response(scope, receive, send)

    def _render(self, scope: Scope, kind: str, key: str, fmt: str, media: str, vary: bool) -> Response:
        from app.api.deps import current_store  # the app's store, opened at start-up

        try:
            with current_store(Request(scope).app.state).pinned() as store:
                blocks = entity_blocks(store, Mapper(self.base), kind, key)
        except ProvinceNotFound as exc:
            return problem(
                404, "Unknown province", str(exc), name=exc.name[:200], suggestions=exc.suggestions
            )
        except ProvinceAmbiguous as exc:
            return problem(
                404,
                "Ambiguous province name",
                str(exc),
                name=exc.name[:200],
                suggestions=[p.id for p in exc.candidates],
            )
        except NotFoundEntity as exc:
            return problem(404, f"Unknown {exc.what}", str(exc), suggestions=exc.suggestions)
        except StoreError as exc:
            log.warning("graph store error on %s: %s", scope.get("path"), exc)
            return problem(503, "Graph store unavailable", exc.public)
        headers = {"Vary": "Accept"} if vary else {}
        return Response(serialize(blocks, fmt), media_type=media, headers=headers)


def _has_route(scope: Scope) -> bool:
    """Whether the app has a route for this path (a REST route answers JSON itself)."""
    app = scope.get("app")
    router = getattr(app, "router", None)
    for route in getattr(router, "routes", ()):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return True
    return False


def _add_vary(send: Send) -> Send:
    """Tell caches the JSON answer depends on Accept, since the same URL also serves RDF."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(k.lower() == b"vary" for k, _ in headers):
                headers.append((b"vary", b"Accept"))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped
