"""Turning stored rows into response models: province references and cited sources.

Provinces come from the gazetteer (it is the reference data the store was loaded from);
sources are resolved against Article nodes in one batched lookup per response.
`fact_fields` gives every fact of a province's list the same inherited/via/citation fields.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, TypedDict

from app.api import schemas
from app.api.answers import articles as cached_articles
from app.api.refs import articles_of, province_or_none
from app.api.refs import province_ref as province_ref  # re-exported: answers import it from here
from app.gazetteer import Gazetteer, Province
from app.graph import parse_span
from app.provenance import public_source
from app.store.base import GraphStore
from app.uris import entity_uri


def province_detail(p: Province, predecessors: Sequence[Province]) -> schemas.Province:
    return schemas.Province(
        **province_ref(p).model_dump(),
        name_native=p.name_native,
        aliases=list(p.names),
        lat=p.lat,
        lon=p.lon,
        wikidata=p.wikidata,
        predecessors=[province_ref(q) for q in predecessors],
    )


@functools.lru_cache(maxsize=65536)
def _span(text: str | None) -> schemas.Span | None:
    """Parsed stored span; cached, since a large answer repeats a few spans many times."""
    span = parse_span(text)
    if span is None:
        return None
    return schemas.Span(start=span.start, end=span.end, zone=span.zone, rule=span.rule)


def article_refs(store: GraphStore, ids: Iterable[str]) -> dict[str, schemas.ArticleRef]:
    keys = list(dict.fromkeys(ids))
    if not keys:
        return {}

    def fetch(missing: list[Hashable]) -> dict[Hashable, object]:
        return {
            r["id"]: schemas.ArticleRef(
                uri=entity_uri("Article", r["id"]),
                **{**r, "source": public_source(r.get("source"), r.get("url"))},
            )
            for r in store.query("articles_by_id", ids=missing)
        }

    # Kept per read-only snapshot (app/api/answers.py): an article cited by many answers
    # is looked up once.
    found = cached_articles.many(store, list(keys), fetch)
    return {str(k): v for k, v in found.items() if isinstance(v, schemas.ArticleRef)}


def cite(rows: Sequence[dict[str, Any]], store: GraphStore) -> list[list[schemas.Source]]:
    """For each row with `sources`/`evidence`/`spans`, the cited sources (one lookup in all)."""
    articles = article_refs(store, (a for r in rows for a in r.get("sources") or []))
    out: list[list[schemas.Source]] = []
    for r in rows:
        cited = []
        spans = r.get("spans") or []
        for i, (aid, sentence) in enumerate(
            zip(r.get("sources") or [], r.get("evidence") or [], strict=False)
        ):
            art = articles.get(aid) or schemas.ArticleRef(id=aid, uri=entity_uri("Article", aid))
            cited.append(
                schemas.Source(
                    article=art, sentence=sentence, span=_span(spans[i] if i < len(spans) else None)
                )
            )
        out.append(cited)
    return out


def cite_if(
    with_sources: bool, rows: Sequence[dict[str, Any]], store: GraphStore
) -> list[list[schemas.Source] | None]:
    """`cite(rows)` when sources were asked for, else None per row (no lookup at all)."""
    if not with_sources:
        return [None] * len(rows)
    return [*cite(rows, store)]


class FactFields(TypedDict):
    """The fields a fact shares with every other kind of fact in a province's list."""

    inherited: bool
    via: schemas.ProvinceRef | None
    articles: list[str]
    sources: list[schemas.Source] | None


def fact_fields(
    gaz: Gazetteer,
    row: dict[str, Any],
    sources: list[schemas.Source] | None,
    via: str | None = None,
    home: Province | None = None,
) -> FactFields:
    """Citations of `row`, and whether it reached `home`'s list through a predecessor unit
    (`via`, the unit it is tied to, is not `home`); outside a province's list `home` is None."""
    inherited = home is not None and via is not None and via != home.id
    return FactFields(
        inherited=inherited,
        via=province_or_none(gaz, via) if inherited else None,
        articles=articles_of(row),
        sources=sources,
    )
