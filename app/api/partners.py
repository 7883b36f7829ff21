"""Partners of a province, including those inherited from units merged into it.

Vietnam's 2025 reorganisation merged provinces; a partnership signed by Kon Tum is now
part of Quảng Ngãi's history. Asking for a unit therefore also asks for its predecessors
(recursively), and every inherited partner says through which predecessor it came.
"""

from __future__ import annotations

import functools
from typing import Any

import orjson

from app.api import schemas
from app.api.inheritance import unit_ids
from app.api.shaping import article_refs, province_ref
from app.gazetteer import Gazetteer, Province
from app.graph import parse_span
from app.store.base import GraphStore, Row
from app.uris import entity_uri

#: Sources per partner by default; `sources_offset` pages through the rest.
SOURCES_LIMIT = 20
#: The parallel lists of a row that `cite` reads, one item per source.
_CITED = ("sources", "evidence", "spans")


def _sources_page(row: Row, window: slice) -> Row:
    """`row` with only the sources in `window` (and their sentences and spans)."""
    return {**row, **{k: (row.get(k) or [])[window] for k in _CITED if k in row}}


@functools.lru_cache(maxsize=65536)
def _span(text: str | None) -> dict[str, Any] | None:
    """A stored span as `schemas.Span` writes it; cached, as a few spans repeat a lot."""
    span = parse_span(text)
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "zone": span.zone, "rule": span.rule}


def _cited(row: Row, articles: dict[str, schemas.ArticleRef]) -> list[dict[str, Any]]:
    """`row`'s sources as `schemas.Source` writes them (what `shaping.cite` makes, without
    a model per source: the answer is encoded straight to JSON)."""
    spans = row.get("spans") or []
    out = []
    for i, (aid, sentence) in enumerate(
        zip(row.get("sources") or [], row.get("evidence") or [], strict=False)
    ):
        art = articles.get(aid)
        out.append(
            {
                # the kept reference's fields, in field order (plain strings or None)
                "article": art.__dict__ if art is not None else _bare_article(aid),
                "sentence": sentence,
                "span": _span(spans[i] if i < len(spans) else None),
            }
        )
    return out


def _bare_article(aid: str) -> dict[str, Any]:
    """An article the store does not hold: its id and URI, as `schemas.ArticleRef` writes them."""
    return schemas.ArticleRef(id=aid, uri=entity_uri("Article", aid)).model_dump()


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
) -> bytes:
    """A page of partners as `schemas.Partners` JSON, each partner with a page of its
    sources (`sources_limit` from `sources_offset`; `sources_total` says how many there
    are): a Lao province's partners with every source embedded were ~0.9 MB at 50,000
    articles (issue #12). The answer is built as plain dicts and encoded with orjson: a
    model per source and agreement was a third of a computed answer's time (issue #12);
    tests/api checks the JSON against the schema."""
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
    pages = [_sources_page(r, window) for r, _ in kept]
    articles = article_refs(store, (a for r in pages for a in r.get("sources") or []))
    refs: dict[str, dict[str, Any]] = {}  # a province's reference, made once per answer

    def ref(pid: str) -> dict[str, Any]:
        found = refs.get(pid)
        if found is None:
            found = refs[pid] = province_ref(gaz.get(pid)).model_dump()
        return found

    agreement_uri = entity_uri("Agreement", "")  # the base URI, read once per answer
    items = []
    for (r, ags), page in zip(kept, pages, strict=True):
        inherited = r["via"] != province.id
        items.append(
            {
                "province": ref(r["id"]),
                "first_year": r["first_year"],
                "last_year": r["last_year"],
                "article_count": r["article_count"] or r["sources_total"] or 0,
                "kinds": r["kinds"] or [],
                "confidence": None if r["confidence"] is None else float(r["confidence"]),
                "inherited": inherited,
                "via": ref(r["via"]) if inherited else None,
                "agreements": [
                    {
                        "id": a["id"],
                        "uri": agreement_uri + a["id"],
                        "kind": a["kind"],
                        "signed_year": a["signed_year"],
                        "period": [a["period_start"], a["period_end"]]
                        if a["period_start"] is not None and a["period_end"] is not None
                        else None,
                        "fields": a["fields"] or [],
                    }
                    for a in ags
                ],
                "sources": _cited(page, articles),
                "sources_total": r["sources_total"] or 0,
            }
        )
    answer = {
        "province": ref(province.id),
        "total": total,
        "limit": limit,
        "offset": offset,
        "partners": items,
    }
    return orjson.dumps(answer)
