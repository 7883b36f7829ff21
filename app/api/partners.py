"""Partners of a province, including those inherited from units merged into it.

Vietnam's 2025 reorganisation merged provinces; a partnership signed by Kon Tum is now
part of Quảng Ngãi's history. Asking for a unit therefore also asks for its predecessors
(recursively), and every inherited partner says through which predecessor it came.
"""

from __future__ import annotations

from app.api import schemas
from app.api.inheritance import unit_ids
from app.api.shaping import cite, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row
from app.uris import entity_uri

#: Sources per partner by default; `sources_offset` pages through the rest.
SOURCES_LIMIT = 20
#: The parallel lists of a row that `cite` reads, one item per source.
_CITED = ("sources", "evidence", "spans")


def _sources_page(row: Row, window: slice) -> Row:
    """`row` with only the sources in `window` (and their sentences and spans)."""
    return {**row, **{k: (row.get(k) or [])[window] for k in _CITED if k in row}}


def partners(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    include_inherited: bool = True,
    since: int | None = None,
    until: int | None = None,
    field: str | None = None,
    limit: int = 500,
    offset: int = 0,
    sources_limit: int = SOURCES_LIMIT,
    sources_offset: int = 0,
) -> schemas.Partners:
    """A page of partners, each with a page of its sources (`sources_limit` from
    `sources_offset`; `sources_total` says how many there are): a Lao province's partners
    with every source embedded were ~0.9 MB at 50,000 articles (issue #12)."""
    ids = unit_ids(gaz, province, include_inherited)
    # The store sends only the first `sources_offset + sources_limit` sources of each
    # partnership (and `sources_total`); the offset is dropped here (partners.cypher).
    rows = sorted(
        store.query("partners", ids=ids, sources_end=sources_offset + sources_limit),
        key=lambda r: (r["first_year"] is None, r["first_year"] or 0, r["id"], r["via"]),
    )
    shared: dict[tuple[str, str], dict[str, Row]] = {}
    if rows:
        for a in store.query("partner_agreements", ids=ids):
            shared.setdefault((a["via"], a["partner"]), {})[a["id"]] = a
    wanted_field = field.casefold() if field else None
    kept = []
    for r in rows:
        if since is not None and (r["last_year"] or 0) < since:
            continue
        if until is not None and (r["first_year"] or 9999) > until:
            continue
        ags = sorted(
            shared.get((r["via"], r["id"]), {}).values(), key=lambda a: (a["signed_year"] or 0, a["id"])
        )
        if wanted_field and not any(
            wanted_field in (s.casefold() for s in (a["sectors"] or []) + (a["fields"] or [])) for a in ags
        ):
            continue
        kept.append((r, ags))
    total = len(kept)
    kept = kept[offset : offset + limit]  # only the page is cited and built
    window = slice(sources_offset, sources_offset + sources_limit)
    cited = cite([_sources_page(r, window) for r, _ in kept], store)
    items = []
    for (r, ags), sources in zip(kept, cited, strict=True):
        inherited = r["via"] != province.id
        items.append(
            schemas.Partner(
                province=province_ref(gaz.get(r["id"])),
                first_year=r["first_year"],
                last_year=r["last_year"],
                article_count=r["article_count"] or r["sources_total"] or 0,
                kinds=r["kinds"] or [],
                confidence=r["confidence"],
                inherited=inherited,
                via=province_ref(gaz.get(r["via"])) if inherited else None,
                agreements=[
                    schemas.AgreementRef(
                        id=a["id"],
                        uri=entity_uri("Agreement", a["id"]),
                        kind=a["kind"],
                        signed_year=a["signed_year"],
                        period=(a["period_start"], a["period_end"])
                        if a["period_start"] is not None and a["period_end"] is not None
                        else None,
                        fields=a["fields"] or [],
                    )
                    for a in ags
                ],
                sources=sources,
                sources_total=r["sources_total"] or 0,
            )
        )
    return schemas.Partners(
        province=province_ref(province), total=total, limit=limit, offset=offset, partners=items
    )
