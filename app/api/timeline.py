"""A province's dated history: visits and meetings, agreements and projects in order.

Dates are kept at the precision the articles give (YYYY, YYYY-MM or YYYY-MM-DD); ISO
strings of mixed precision sort correctly as text, a year before any day of that year.
Predecessor units are included by default, as for partners.
"""

from __future__ import annotations

from app.api import schemas
from app.api.inheritance import unit_ids
from app.api.pagination import Page
from app.api.refs import (
    agreement_label,
    by_id,
    event_label,
    project_label,
    province_refs,
)
from app.api.shaping import cite_if, fact_fields, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row
from app.uris import entity_uri

LABELS = {"event": "Event", "agreement": "Agreement", "project": "Project"}


def _date(kind: str, r: Row) -> str | None:
    if kind == "event":
        value = r["date"] or r["year"]
    elif kind == "agreement":
        value = r["signed_date"] or r["signed_year"] or r["period_start"]
    else:
        value = r["year_start"]
    return str(value) if value else None


def _until(kind: str, r: Row) -> int | None:
    """The last year of a project or agreement period of several years, else None."""
    if kind == "project":
        start, end = r["year_start"], r["year_end"]
    elif kind == "agreement":
        start, end = r["period_start"], r["period_end"]
    else:
        return None
    return end if start is not None and end is not None and end > start else None


def _label(kind: str, r: Row, gaz: Gazetteer) -> str:
    if kind == "event":
        return event_label(r)
    return agreement_label(r, gaz) if kind == "agreement" else project_label(r)


def _others(kind: str, r: Row) -> list[str]:
    if kind == "event":
        return [*(r["hosts"] or []), *(r["visitors"] or [])]
    if kind == "agreement":
        return list(r["parties"] or [])
    return [*(r["funders"] or []), *(r["beneficiaries"] or [])]


def timeline(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    page: Page,
    include_inherited: bool = True,
    since: int | None = None,
    until: int | None = None,
    include_undated: bool = False,
    with_sources: bool = False,
) -> schemas.Timeline:
    ids = unit_ids(gaz, province, include_inherited)
    own = set(ids)
    links: dict[tuple[str, str], tuple[str, str]] = {}  # (kind, id) → (via, role)
    for r in store.query("province_events", ids=ids):
        links.setdefault(("event", r["id"]), (r["via"], r["role"]))
    for r in store.query("province_agreements", ids=ids):
        links.setdefault(("agreement", r["id"]), (r["via"], "party"))
    for r in store.query("province_projects", ids=ids):
        links.setdefault(("project", r["id"]), (r["via"], r["role"]))
    rows: dict[str, dict[str, Row]] = {
        kind: by_id(store, f"{kind}s_by_id", (k for t, k in links if t == kind)) for kind in LABELS
    }
    entries: list[tuple[str, Row, str | None]] = []
    for kind, key in links:
        found = rows[kind].get(key)
        if found is None:
            continue
        r = found
        date = _date(kind, r)
        year = int(date[:4]) if date and date[:4].isdigit() else None
        if year is None and not include_undated:
            continue
        last = _until(kind, r) or year  # a period is kept if any of its years is asked for
        if (
            year is not None
            and last is not None
            and ((since is not None and last < since) or (until is not None and year > until))
        ):
            continue
        entries.append((kind, r, date))
    entries.sort(key=lambda e: (e[2] is None, e[2] or "", e[0], e[1]["id"]))
    shown = page.of(entries)
    cited = cite_if(with_sources, [r for _, r, _ in shown], store)
    items = []
    for (kind, r, date), sources in zip(shown, cited, strict=True):
        via, role = links[(kind, r["id"])]
        items.append(
            schemas.TimelineItem(
                date=date,
                year=int(date[:4]) if date and date[:4].isdigit() else None,
                until=_until(kind, r),
                type=kind,
                id=r["id"],
                uri=entity_uri(LABELS[kind], r["id"]),
                label=_label(kind, r, gaz),
                kind=r.get("kind"),
                role=role,
                counterparts=province_refs(gaz, sorted({p for p in _others(kind, r) if p not in own})),
                **fact_fields(gaz, r, sources, via, province),
            )
        )
    return schemas.Timeline(**page.meta(len(entries)), province=province_ref(province), items=items)
