"""An article and every fact it supports, each with the sentences that state it.

Facts are found by their provenance (`$id IN x.sources`), the same lists the loader
writes, so what an article "says" here is exactly what the graph credits it with.
"""

from __future__ import annotations

from app.api import schemas
from app.api.entities import resolve
from app.api.errors import NotFound
from app.api.shaping import _span
from app.gazetteer import Gazetteer
from app.graph import NODES, RELS
from app.provenance import public_source
from app.store.base import GraphStore, Row
from app.uris import entity_uri


def _ends(row: Row) -> tuple[tuple[str, str], tuple[str, str] | None]:
    fact = row["fact"]
    if fact in NODES:
        return (fact, row["src"]), None
    spec = RELS[fact]
    return (spec.src, row["src"]), (spec.dst, row["dst"])


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.ArticleDetail:
    found = store.query("article_by_id", id=key)
    if not found:
        hint = [r["id"] for r in store.query("article_ids", prefix=key[:6])] if len(key) >= 6 else []
        raise NotFound("article", key, hint)
    art = found[0]
    rows = store.query("article_facts", id=key)
    ends = [_ends(r) for r in rows]
    refs = resolve(store, gaz, [e for s, o in ends for e in (s, o) if e is not None])
    facts = []
    for r, (subj, obj) in zip(rows, ends, strict=True):
        mine = [i for i, a in enumerate(r["sources"] or []) if a == key]
        evidence, spans = r["evidence"] or [], r["spans"] or []
        facts.append(
            schemas.ArticleFact(
                fact=r["fact"],
                subject=refs[subj],
                object=refs[obj] if obj is not None else None,
                confidence=r["confidence"],
                sentences=[evidence[i] for i in mine if i < len(evidence)],
                spans=[_span(spans[i]) if i < len(spans) else None for i in mine],
            )
        )
    facts.sort(key=lambda f: (f.fact, f.subject.label, f.object.label if f.object else ""))
    return schemas.ArticleDetail(
        id=art["id"],
        uri=entity_uri("Article", art["id"]),
        title=art["title"],
        url=art["url"],
        published=art["published"],
        outlet=art["outlet"],
        source=public_source(art["source"], art["url"]),
        language=art["language"],
        year=art["year"],
        facts=facts,
    )
