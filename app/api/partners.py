"""Partners of a province, including those inherited from units merged into it.

Vietnam's 2025 reorganisation merged provinces; a partnership signed by Kon Tum is now
part of Quảng Ngãi's history. Asking for a unit therefore also asks for its predecessors
(recursively), and every inherited partner says through which predecessor it came.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import orjson

from app.api import schemas
from app.api.answers import Answers
from app.api.inheritance import unit_ids
from app.api.shaping import article_refs, province_ref
from app.gazetteer import Gazetteer, Province
from app.graph import parse_span
from app.store.base import GraphStore, Row
from app.uris import entity_uri

#: Sources per partner by default; `sources_offset` pages through the rest. Was 20: a Lao
#: province's answer at 50,000 articles was then 527 kB, 270 kB with 5 (issue #12).
SOURCES_LIMIT = 5
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


@dataclass(frozen=True, slots=True)
class _Item:
    """One partner of a province as it appears in every answer that lists it: what the
    filters read, and its JSON (a `schemas.Partner`, with its page of sources)."""

    first_year: int | None
    last_year: int | None
    tags: frozenset[str]  # the casefolded fields and sectors of the shared agreements
    body: bytes


def _weigh(items: list[_Item]) -> int:
    return sum(len(i.body) + 200 for i in items) + 64


#: Every partner of a province, encoded, per read-only snapshot, for a sources page and
#: `include_inherited` (`_items`); bounded by bytes like the answers.
MAX_ITEM_BYTES = 32 << 20
_kept_items: Answers[list[_Item]] = Answers(maxsize=1024, max_bytes=MAX_ITEM_BYTES, weigh=_weigh)


def _items(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    include_inherited: bool,
    sources_limit: int,
    sources_offset: int,
) -> list[_Item]:
    """Every partner of `province`, oldest partnership first, each encoded with its page
    of sources (`sources_limit` from `sources_offset`)."""
    ids = unit_ids(gaz, province, include_inherited)
    # The store sends only the first `sources_offset + sources_limit` sources of each
    # partnership (and `sources_total`); the offset is dropped here (partners.cypher).
    rows = sorted(
        store.query("partners", ids=ids, sources_end=sources_offset + sources_limit),
        key=lambda r: (r["first_year"] is None, r["first_year"] or 0, r["id"], r["via"]),
    )
    if not rows:
        return []
    shared: dict[tuple[str, str], dict[str, Row]] = {}
    for a in store.query("partner_agreements", ids=ids):
        shared.setdefault((a["via"], a["partner"]), {})[a["id"]] = a
    window = slice(sources_offset, sources_offset + sources_limit)
    pages = [_sources_page(r, window) for r in rows]
    articles = article_refs(store, (a for r in pages for a in r.get("sources") or []))
    refs: dict[str, dict[str, Any]] = {}  # a province's reference, made once per answer

    def ref(pid: str) -> dict[str, Any]:
        found = refs.get(pid)
        if found is None:
            found = refs[pid] = province_ref(gaz.get(pid)).model_dump()
        return found

    agreement_uri = entity_uri("Agreement", "")  # the base URI, read once per answer
    items = []
    for r, page in zip(rows, pages, strict=True):
        ags = sorted(
            shared.get((r["via"], r["id"]), {}).values(), key=lambda a: (a["signed_year"] or 0, a["id"])
        )
        inherited = r["via"] != province.id
        body = {
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
        tags = frozenset(t.casefold() for a in ags for t in (a["sectors"] or []) + (a["fields"] or []))
        items.append(_Item(r["first_year"], r["last_year"], tags, orjson.dumps(body)))
    return items


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
    tests/api checks the JSON against the schema.

    Every partner of the province is encoded once per read-only snapshot and sources page
    (`_items`), so another filter (`since`, `until`, `field`) or page of partners of a
    province already asked only picks and joins encoded partners (issue #12): the bytes
    are those `orjson.dumps` gives for the whole answer."""
    items = _kept_items.remember(
        store,
        (province.id, include_inherited, sources_limit, sources_offset),
        lambda: _items(store, gaz, province, include_inherited, sources_limit, sources_offset),
    )
    wanted_field = field.casefold() if field else None
    kept = [
        i
        for i in items
        if (since is None or (i.last_year or 0) >= since)
        and (until is None or (i.first_year or 9999) <= until)
        and (wanted_field is None or wanted_field in i.tags)
    ]
    head = orjson.dumps(
        {
            "province": province_ref(gaz.get(province.id)).model_dump(),
            "total": len(kept),
            "limit": limit,
            "offset": offset,
            "partners": [],
        }
    )
    # `{..., "partners": []}` with the page's encoded partners between the brackets
    return head[:-2] + b",".join(i.body for i in kept[offset : offset + limit]) + b"]}"
