"""An article and every fact it supports, each with the sentences that state it.

Facts are found from the article's `cites` (the keys of the facts whose `sources` list
it, written by the loader in the same transaction), by key lookups rather than a scan of
every fact's provenance; what an article "says" here is exactly what the graph credits
it with.
"""

from __future__ import annotations

from collections import defaultdict

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.entities import resolve
from app.api.errors import NotFound
from app.api.inheritance import unit_ids
from app.api.pagination import Page
from app.api.shaping import _span, province_ref
from app.gazetteer import Gazetteer, Province
from app.graph import NODES, PROVENANCE, RELS
from app.provenance import public_source
from app.store.base import GraphStore, Row
from app.uris import entity_uri


def _ends(row: Row) -> tuple[tuple[str, str], tuple[str, str] | None]:
    fact = row["fact"]
    if fact in NODES:
        return (fact, row["src"]), None
    spec = RELS[fact]
    return (spec.src, row["src"]), (spec.dst, row["dst"])


def _fact_rows(cited: dict[str, list[Row]]) -> list[Row]:
    """`GraphStore.cited_by` as one list of facts: `fact` (label or type), `src`, `dst`
    ('' for a node) and the provenance."""
    out: list[Row] = []
    for kind, rows in cited.items():
        node = kind in NODES
        for r in rows:
            ends = {"src": r["id"], "dst": ""} if node else {"src": r["src"], "dst": r["dst"]}
            out.append({"fact": kind, **ends, **{p: r[p] for p in PROVENANCE}})
    return out


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.ArticleDetail:
    found = store.query("article_by_id", id=key)
    if not found:
        hint = [r["id"] for r in store.query("article_ids", prefix=key[:6])] if len(key) >= 6 else []
        raise NotFound("article", key, hint)
    art = found[0]
    rows = _fact_rows(store.cited_by(key))
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


def _outlet_key(outlet: str | None) -> str:
    """Outlets compare without case or a leading `www.` (`VnExpress.net` is `vnexpress.net`)."""
    key = (outlet or "").strip().casefold()
    return key.removeprefix("www.")


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    outlet: str | None = None,
    year: int | None = None,
    province: Province | None = None,
    include_inherited: bool = True,
) -> schemas.ArticleList:
    """Articles newest first (undated last), each with the provinces it states facts about.

    A province's articles are those crediting a fact to it (the provenance lists `/coverage`
    counts), so the list is the evidence behind that province's answers, not a text match."""
    about: dict[str, set[str]] = defaultdict(set)
    for r in corpus(store, "coverage_provinces"):
        for aid in r["sources"] or []:
            about[aid].add(r["province"])
    wanted = set(unit_ids(gaz, province, include_inherited)) if province is not None else None
    chosen = [
        a
        for a in corpus(store, "articles_index")
        if (outlet is None or _outlet_key(a["outlet"]) == _outlet_key(outlet))
        and (year is None or a["year"] == year)
        and (wanted is None or wanted & about.get(a["id"], set()))
    ]
    chosen.sort(key=lambda a: a["id"])
    chosen.sort(key=lambda a: a["published"] or "", reverse=True)  # stable: ids ascending within a day
    items = []
    for a in page.of(chosen):
        provinces = []
        for pid in sorted(about.get(a["id"], ())):
            try:
                provinces.append(province_ref(gaz.get(pid)))
            except KeyError:  # a unit the gazetteer no longer has
                continue
        items.append(
            schemas.ArticleSummary(
                id=a["id"],
                uri=entity_uri("Article", a["id"]),
                title=a["title"],
                url=a["url"],
                published=a["published"],
                outlet=a["outlet"],
                source=public_source(a["source"], a["url"]),
                language=a["language"],
                year=a["year"],
                provinces=provinces,
            )
        )
    return schemas.ArticleList(**page.meta(len(chosen)), items=items)
