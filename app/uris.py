"""One HTTP URI per entity, shared by the REST API and the RDF export.

Both must name a resource the same way, or a researcher joining a JSON answer with the
Turtle dump would see two things where there is one.
"""

from __future__ import annotations

from app.settings import get_settings

KINDS = {
    "Province": "province",
    "Official": "official",
    "Agreement": "agreement",
    "Project": "project",
    "Article": "articles",
    "Event": "event",
    "DistrictPartnership": "district-partnership",
}


def base_uri() -> str:
    return get_settings().base_uri.rstrip("/")


def entity_uri(label: str, key: str, base: str | None = None) -> str:
    return f"{(base or base_uri()).rstrip('/')}/{KINDS[label]}/{key}"
