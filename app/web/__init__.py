"""The explorer (a map and province pages at `/`) and the API documentation pages.

Everything a browser loads comes from this package's `static/` folder: the pages' own
scripts and the libraries they use, copied from npm packages by `npm run build:web` into
`static/vendor/` and committed, so the pages work with no network at all and a wheel
carries them. FastAPI's own `/docs` loads Swagger UI from a CDN (a white page offline), so
it is replaced by the same page pointing at local copies. ReDoc is not offered: its bundle
fetches a logo from its CDN whatever the options, and Swagger UI covers the same ground.

The pages are static HTML that read the JSON API; the server only fills in the path the
app is mounted under (`root_path`, behind a proxy), so links and requests stay right.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC_URL = "/static"
VENDOR = f"{STATIC_URL}/vendor"

router = APIRouter(include_in_schema=False)

#: Kinds with a page of their own (provinces have theirs); others are 404, as any unknown page.
ENTITY_KINDS = frozenset({"official", "agreement", "project", "event", "article"})
Key = Annotated[str, PathParam(min_length=1, max_length=300)]
Kind = Annotated[str, PathParam(max_length=20)]


def static_dir() -> Path:
    """The static assets, wherever the package is installed (a checkout or a wheel)."""
    return Path(str(resources.files("app.web") / "static"))


@functools.lru_cache(maxsize=8)
def _template(name: str) -> str:
    return (static_dir() / name).read_text(encoding="utf-8")


def page(request: Request, name: str) -> HTMLResponse:
    """`static/<name>` with `%ROOT%` replaced by the path the app is served under."""
    root = str(request.scope.get("root_path") or "").rstrip("/")
    return HTMLResponse(_template(name).replace("%ROOT%", root))


@router.get("/", response_class=HTMLResponse)
def explorer_map(request: Request) -> HTMLResponse:
    """The map of partnerships: the front door for people rather than programs."""
    return page(request, "index.html")


@router.get("/explore/province/{key}", response_class=HTMLResponse)
def explorer_province(request: Request, key: Key) -> HTMLResponse:
    """One province's story; the page resolves `key` (any name) through the API."""
    return page(request, "province.html")


@router.get("/explore/{kind}/{key}", response_class=HTMLResponse)
def explorer_entity(
    request: Request, kind: Annotated[str, PathParam(max_length=20)], key: Key
) -> HTMLResponse:
    """An official, agreement, project, event or article with its sources."""
    if kind not in ENTITY_KINDS:
        raise HTTPException(status_code=404, detail=f"no explorer page for {kind!r}")
    return page(request, "entity.html")


def install(app: FastAPI) -> None:
    """Serve the explorer, its assets, and `/docs` from local copies.

    `app` must be created with `docs_url=None, redoc_url=None` (FastAPI's own pages load
    their scripts from a CDN)."""
    root_docs_title = f"{app.title} — API documentation"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path") or "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url or '/openapi.json'}",
            title=root_docs_title,
            swagger_js_url=f"{root}{VENDOR}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{VENDOR}/swagger-ui/swagger-ui.css",
            swagger_favicon_url=f"{root}{VENDOR}/swagger-ui/favicon-32x32.png",
            # Swagger UI would send the schema to validator.swagger.io for a badge
            swagger_ui_parameters={"validatorUrl": None},
        )

    app.mount(STATIC_URL, StaticFiles(directory=static_dir()), name="static")
    app.include_router(router)
