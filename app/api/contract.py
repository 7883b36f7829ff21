"""The OpenAPI document as a contract a client can rely on (and schemathesis checks).

FastAPI describes what the route functions declare; what the middleware and exception
handlers add is invisible to it: errors are RFC 9457 problem details (app/api/errors.py),
not `HTTPValidationError` arrays; entity URLs also answer Turtle, JSON-LD and N-Triples
(app/api/negotiation.py); a single resource asked for as CSV is 406 (app/api/tabular.py).
`install` corrects the generated document once, from rules over paths and parameters, so
a new route is described right without repeating `responses=` on every decorator:

- 422 on every operation with parameters (FastAPI's validation errors, as problem+json);
- 404 on operations with a path parameter or a province-name query parameter;
- 503 on operations that read the store (all but `STORELESS`);
- 406 on entity routes (Accept with no type served) and on JSON answers that are one
  resource, not a list (CSV asked for);
- the RDF alternatives on entity routes, beside JSON.

Operation ids are the route functions' names (`get_partners`), see `operation_id`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.api.negotiation import ENTITY_KINDS, RDF_TYPES
from app.api.schemas import Problem
from app.api.tabular import LIST_KEYS
from app.rdf import void

PROBLEM = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

#: Tag descriptions, in the order /docs shows them.
TAGS: list[dict[str, Any]] = [
    {
        "name": "provinces",
        "description": "Vietnamese and Lao provinces by any name (diacritics optional, ISO 3166-2 codes, "
        "Lao script), their partners, officials, agreements, projects and twinned districts. Units "
        "merged in 2025 are folded into their successor unless `include_inherited=false`.",
    },
    {
        "name": "officials",
        "description": "People who held a position in a province, found by name in any spelling.",
    },
    {"name": "agreements", "description": "Memoranda, minutes, plans and agreements between provinces."},
    {
        "name": "projects",
        "description": "Aid and projects one province funds for another, with amounts added per "
        "currency (never converted).",
    },
    {
        "name": "articles",
        "description": "The news articles the graph was read from, and every fact each one supports.",
    },
    {"name": "events", "description": "Visits and meetings between provinces."},
    {
        "name": "explore",
        "description": "Search across kinds, paths between provinces, a province's timeline and the "
        "whole network (the explorer's map).",
    },
    {
        "name": "linked data",
        "description": "The graph as RDF: dumps, the dataset description (VoID) and the ontology. "
        "Entity URLs (`/province/…`, `/official/…`, …) also answer Turtle, JSON-LD and N-Triples.",
    },
    {"name": "system", "description": "Liveness, counts and what the corpus covers."},
]

#: Query parameters that name a province: an unknown or ambiguous name is a 404.
PROVINCE_PARAMS = frozenset({"province", "party", "funder", "beneficiary", "from", "to"})
#: Operations that answer from the gazetteer or package data only (never a 503).
STORELESS = frozenset({"/provinces", "/ontology"})

_EXAMPLES: dict[int, dict[str, Any]] = {
    404: {
        "type": "about:blank",
        "title": "Unknown province",
        "status": 404,
        "detail": "unknown province 'Khammuan Xay'; did you mean Khăm Muộn, Bôlykhămxay?",
        "name": "Khammuan Xay",
        "suggestions": ["Khăm Muộn", "Bôlykhămxay"],
    },
    406: {
        "type": "about:blank",
        "title": "Not Acceptable",
        "status": 406,
        "detail": "none of the media types in Accept is served here; supported: application/json, "
        "text/turtle, application/ld+json, application/n-triples",
        "supported": ["application/json", "text/turtle", "application/ld+json", "application/n-triples"],
    },
    422: {
        "type": "about:blank",
        "title": "Invalid request",
        "status": 422,
        "detail": "query.limit: Input should be less than or equal to 500",
        "errors": [
            {
                "loc": ["query", "limit"],
                "msg": "Input should be less than or equal to 500",
                "type": "less_than_equal",
            }
        ],
    },
    503: {
        "type": "about:blank",
        "title": "Graph store unavailable",
        "status": 503,
        "detail": "the graph store is not open",
    },
}
_WHY = {
    404: "Unknown or ambiguous name or id; `suggestions` lists the closest ones",
    406: "None of the media types in Accept is served (CSV is offered for lists only)",
    422: "A parameter is out of range, of the wrong type or too long; `errors[].loc` names it",
    503: "The graph store is unreachable or not ready; try again later",
}


def operation_id(route: APIRoute) -> str:
    """The route function's name: `get_partners`, not FastAPI's
    `get_partners_province__name__partners_get`. Names are unique (a test checks it)."""
    return route.name


def _problem(status: int, path: str) -> dict[str, Any]:
    example = _EXAMPLES[status]
    kind = path.strip("/").split("/")[0]
    if status == 404 and _is_entity(path) and kind != "province":
        key = {"articles": "8c916a4021655b30"}.get(kind, f"{kind}-da09195718e1")
        suggestion = {"articles": "8c916a4021655b3f"}.get(kind, f"{kind}-da09195718e11e4d")
        what = "article" if kind == "articles" else kind
        example = {
            "type": "about:blank",
            "title": f"Unknown {what}",
            "status": 404,
            "detail": f"no {what} {key!r}",
            "suggestions": [suggestion],
        }
    return {"description": _WHY[status], "content": {PROBLEM: {"schema": PROBLEM_REF, "example": example}}}


def _is_entity(path: str) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) == 2 and parts[0] in ENTITY_KINDS and parts[1].startswith("{")


def _is_list(doc: dict[str, Any], op: dict[str, Any]) -> bool:
    """Whether the JSON answer has a list CSV can be made of (`items`, `partners`, `links`)."""
    schema = (
        op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema")
    )
    ref = (schema or {}).get("$ref", "")
    model = doc.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
    return bool(set(model.get("properties", {})) & set(LIST_KEYS))


def _amend(doc: dict[str, Any]) -> dict[str, Any]:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    for name in ("HTTPValidationError", "ValidationError"):  # the server never sends them
        schemas.pop(name, None)
    for path, item in doc.get("paths", {}).items():
        for op in item.values():
            params = op.get("parameters", [])
            responses = op.setdefault("responses", {})
            json_answer = "application/json" in responses.get("200", {}).get("content", {})
            declared: set[int] = set()
            if params:
                declared.add(422)
            if any(p["in"] == "path" or p["name"] in PROVINCE_PARAMS for p in params):
                declared.add(404)
            if path not in STORELESS:
                declared.add(503)
            entity = _is_entity(path)
            if entity or path == void.WELL_KNOWN or (json_answer and not _is_list(doc, op)):
                declared.add(406)
            if entity:
                content = responses["200"].setdefault("content", {})
                for media in RDF_TYPES:
                    content[media] = {"schema": {"type": "object" if media.endswith("json") else "string"}}
                responses["200"]["description"] = (
                    "JSON by default; Turtle, JSON-LD or N-Triples by Accept or a .ttl/.jsonld/.nt suffix"
                )
            responses.pop("422", None)
            for status in sorted(declared):
                if str(status) in responses:  # the route describes this answer itself (/health's 503)
                    continue
                responses[str(status)] = _problem(status, path)
    return doc


def install(app: FastAPI) -> None:
    """Describe the API as it answers: tag descriptions, problem responses, RDF alternatives."""
    app.openapi_tags = TAGS

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _amend(FastAPI.openapi(app))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
