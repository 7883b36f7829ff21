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


def local_base_uri(host: str, port: int) -> str:
    """The base URI of a server bound to `host`:`port` when `VLKG_BASE_URI` is not set.

    A wildcard or loopback interface is named `localhost` (the name a browser on the same
    machine uses); a public deployment sets `VLKG_BASE_URI` to its public name instead."""
    if host in ("", "0.0.0.0", "::", "127.0.0.1", "::1", "localhost"):
        host = "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    return f"http://{host}:{port}"


def entity_uri(label: str, key: str, base: str | None = None) -> str:
    return f"{(base or base_uri()).rstrip('/')}/{KINDS[label]}/{key}"
