"""RFC 9457 problem details for every error the API returns."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import VlkgError
from app.gazetteer import ProvinceAmbiguous, ProvinceNotFound
from app.uris import base_uri

PROBLEM = "application/problem+json"

log = logging.getLogger(__name__)


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


class NotFound(Exception):
    """An entity that does not exist; `suggestions` helps the user find the right one."""

    def __init__(self, what: str, key: str, suggestions: list[str] | None = None) -> None:
        self.what, self.key, self.suggestions = what, key, suggestions or []
        super().__init__(f"no {what} {key!r}")


def install(app: FastAPI) -> None:
    @app.exception_handler(ProvinceNotFound)
    async def _unknown_province(_: Request, exc: ProvinceNotFound) -> JSONResponse:
        return problem(404, "Unknown province", str(exc), name=exc.name[:200], suggestions=exc.suggestions)

    @app.exception_handler(ProvinceAmbiguous)
    async def _ambiguous(_: Request, exc: ProvinceAmbiguous) -> JSONResponse:
        return problem(
            404,
            "Ambiguous province name",
            str(exc),
            name=exc.name[:200],
            suggestions=[p.id for p in exc.candidates],
        )

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        return problem(404, f"Unknown {exc.what}", str(exc)[:300], suggestions=exc.suggestions)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem(422, "Invalid request", where[:500], errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if exc.status_code == 404 and len(path) > 1 and path.endswith("/"):
            # `/provinces/` → `/provinces`, at the configured base URI: a redirect never
            # points wherever the client's Host header says
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(f"{base_uri()}{path.rstrip('/') or '/'}{query}", status_code=307)
        response = problem(exc.status_code, str(exc.detail), str(exc.detail))
        for name, value in (exc.headers or {}).items():  # `Allow` on 405
            response.headers[name] = value
        return response

    # vlkg's own errors (store errors first) name files and server addresses: those go to
    # the log, the client gets the title and the public cause only.
    @app.exception_handler(VlkgError)
    async def _vlkg(request: Request, exc: VlkgError) -> JSONResponse:
        log.warning("%s on %s: %s", exc.title.lower(), request.url.path, exc)
        return problem(exc.status, exc.title, exc.public)
