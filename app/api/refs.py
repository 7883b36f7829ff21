"""Reference shapes and display labels for officials, agreements, projects and events.

Several endpoints show the same entity (a search hit, a path step, a fact of an article,
a timeline entry); building the shape in one place keeps them identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.api import schemas
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row
from app.uris import entity_uri


def period(row: Row) -> tuple[int, int] | None:
    start, end = row.get("period_start"), row.get("period_end")
    return (start, end) if start is not None and end is not None else None


def years(row: Row) -> tuple[int, int] | None:
    start, end = row.get("year_start"), row.get("year_end")
    return (start, end) if start is not None and end is not None else None


def province_name(gaz: Gazetteer, pid: str) -> str:
    try:
        return gaz.get(pid).name_vi
    except KeyError:
        return pid


def vn_first(gaz: Gazetteer, ids: Iterable[str]) -> list[str]:
    """Province ids in a stable display order: Vietnamese units first, then Lao, by id."""

    def key(pid: str) -> tuple[bool, str]:
        try:
            return (gaz.get(pid).country != "VN", pid)
        except KeyError:
            return (True, pid)

    return sorted(ids, key=key)


def agreement_ref(row: Row) -> schemas.AgreementRef:
    return schemas.AgreementRef(
        id=row["id"],
        uri=entity_uri("Agreement", row["id"]),
        kind=row.get("kind") or "other",
        signed_year=row.get("signed_year"),
        period=period(row),
        fields=row.get("fields") or [],
    )


def agreement_label(row: Row, gaz: Gazetteer) -> str:
    when = row.get("signed_year") or (f"{row['period_start']}–{row['period_end']}" if period(row) else None)
    parties = " – ".join(province_name(gaz, p) for p in vn_first(gaz, row.get("parties") or []))
    return " ".join(
        str(x) for x in (row.get("kind") or "agreement", when, f"({parties})" if parties else None) if x
    )


def project_ref(row: Row) -> schemas.ProjectRef:
    return schemas.ProjectRef(
        id=row["id"],
        uri=entity_uri("Project", row["id"]),
        description=row.get("description") or "",
        amount=row.get("amount"),
        currency=row.get("currency"),
        qualifier=row.get("qualifier"),
        years=years(row),
        per_year=bool(row.get("per_year")),
        in_kind=row.get("in_kind"),
    )


def project_label(row: Row) -> str:
    if row.get("description"):
        return str(row["description"])
    if row.get("amount") is not None:
        words = {"more_than": "more than", "up_to": "up to"}
        qualifier = row.get("qualifier")
        text = f"{words.get(qualifier, qualifier) if qualifier else ''} {row['amount']:g} "
        text += str(row.get("currency") or "")
        start, end = row.get("year_start"), row.get("year_end")
        if start is not None and end is not None and end > start:
            text += f" a year, {start}–{end}" if row.get("per_year") else f" in all, {start}–{end}"
        return text.strip()
    return str(row.get("in_kind") or row["id"])


def event_ref(row: Row) -> schemas.EventRef:
    return schemas.EventRef(
        id=row["id"],
        uri=entity_uri("Event", row["id"]),
        kind=row.get("kind") or "event",
        date=row.get("date"),
        year=row.get("year"),
    )


def event_label(row: Row) -> str:
    return " ".join(str(x) for x in (row.get("kind") or "event", row.get("date") or row.get("year")) if x)


def official_ref(row: Row) -> schemas.OfficialRef:
    return schemas.OfficialRef(
        id=row["id"],
        uri=entity_uri("Official", row["id"]),
        name=row.get("name") or row["id"],
        organisation=row.get("organisation"),
    )


def by_id(store: GraphStore, name: str, ids: Iterable[str]) -> dict[str, Row]:
    """Rows of `cypher/read/<name>` for the distinct `ids`, keyed by id (one query)."""
    keys = sorted(set(ids))
    return {r["id"]: r for r in store.query(name, ids=keys)} if keys else {}


def articles_of(row: dict[str, Any]) -> list[str]:
    """Distinct article ids a fact cites, in citation order."""
    return list(dict.fromkeys(row.get("sources") or []))


def province_ref(p: Province) -> schemas.ProvinceRef:
    """The short form of a province in every answer (here, not in `shaping`, which imports
    this module: the two no longer import each other)."""
    return schemas.ProvinceRef(
        id=p.id,
        iso=p.iso,
        uri=entity_uri("Province", p.id),
        country=p.country,
        name=p.name_vi,
        name_en=p.name_en,
        kind=p.type,
        current=p.current,
        valid_from=p.valid_from.isoformat() if p.valid_from else None,
        valid_to=p.valid_to.isoformat() if p.valid_to else None,
        successor=p.succeeded_by,
    )


def province_refs(gaz: Gazetteer, ids: Iterable[str]) -> list[schemas.ProvinceRef]:
    """References for the ids the gazetteer knows (a store written by an older gazetteer
    may hold ids it no longer has; those are left out rather than failing the answer)."""
    out = []
    for pid in ids:
        try:
            out.append(province_ref(gaz.get(pid)))
        except KeyError:
            continue
    return out


def province_or_none(gaz: Gazetteer, pid: str | None) -> schemas.ProvinceRef | None:
    found = province_refs(gaz, [pid]) if pid else []
    return found[0] if found else None
