"""The streamed export: the whole graph as N-Triples, Turtle or JSON-LD, page by page.

Why streamed: building an rdflib `Graph` of the dataset and calling `serialize()` holds
every triple (several hundred bytes each) in memory and is slow. Here the store is read
in pages (the `read/export_*` statements of app/store/statements.py), each page is
mapped to triples and written at once, and nothing but the counters survives a page, so
memory depends on the page size, not on the graph (see bench/bench_export.py and
docs/linked-data.md for the figures).

The dataset description (VoID/DCAT, `app.rdf.void`) is written at the end of each dump,
because its triple count is only known once every data triple has been written.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from app.gazetteer import Gazetteer
from app.graph import NODES, RELS
from app.rdf import void
from app.rdf.mapping import Mapper, Row
from app.rdf.paging import PAGE_SIZE, node_pages, rel_pages
from app.rdf.terms import Block
from app.rdf.writers import WRITERS, make_writer
from app.store.base import GraphStore

#: Format name → (media type, file extension).
FORMATS: dict[str, tuple[str, str]] = {
    "nt": ("application/n-triples", ".nt"),
    "ttl": ("text/turtle", ".ttl"),
    "jsonld": ("application/ld+json", ".jsonld"),
}
assert set(FORMATS) == set(WRITERS)


@dataclass
class ExportStats:
    """What a dump held: data triples (the description excluded) and entities per class."""

    triples: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    #: The ids of the Article nodes the dump holds, for its description's source list.
    article_ids: list[str] = field(default_factory=list)
    #: Their publication years (those that have one), for the summaries `within` redoes.
    article_years: dict[str, int] = field(default_factory=dict)
    #: Facts the cut narrowed or left out (Neo4j: batches committed during the dump).
    narrowed: int = 0


#: Triples per batch handed to a writer: bounds the text a writer builds at once, however
#: much evidence the rows of a page carry.
BATCH_TRIPLES = 5000


def _batches(
    pages: Iterator[list[Row]], fn: Callable[[Row], list[Block]], stats: ExportStats
) -> Iterator[list[Block]]:
    batch: list[Block] = []
    size = 0
    for rows in pages:
        for row in rows:
            blocks = fn(row)
            n = sum(len(p) for _, p in blocks)
            stats.triples += n
            batch += blocks
            size += n
            if size >= BATCH_TRIPLES:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def _counted(pages: Iterator[list[Row]], stats: ExportStats, key: str) -> Iterator[list[Row]]:
    for rows in pages:
        stats.entities[key] += len(rows)
        yield rows


def _articles_seen(pages: Iterator[list[Row]], stats: ExportStats) -> Iterator[list[Row]]:
    for rows in pages:
        stats.article_ids += (r["id"] for r in rows)
        stats.article_years.update((r["id"], int(r["year"])) for r in rows if r.get("year") is not None)
        yield rows


#: The summary values a load derives from a fact's provenance alone (ingest/load.py), so a
#: dump can derive them again for the provenance it keeps: `article_count` (the distinct
#: cited articles) on partnerships, and the year range of tenures and district twinnings
#: (the publication years of the citing articles). "years" marks the latter.
DERIVED: dict[str, tuple[str, ...]] = {
    "PARTNERS_WITH": ("article_count",),
    "OFFICIAL_OF": ("years",),
    "DistrictPartnership": ("years",),
}


def within(
    row: Row, articles: set[str], derived: tuple[str, ...] = (), years: Mapping[str, int] | None = None
) -> Row | None:
    """The fact `row` as the dumped articles support it: its provenance entries (`sources`
    with the `evidence` and `spans` at the same index) narrowed to `articles`; None when
    it cited only other articles. A row without sources is kept as it is.

    A narrowed row's summary values named in `derived` (see `DERIVED`) are derived again
    from the entries kept, with `years` the publication year of each article, so they
    agree with the provenance the dump states rather than with the later state the row was
    read in."""
    sources = row.get("sources") or []
    if not sources or all(s in articles for s in sources):
        return row
    keep = [i for i, s in enumerate(sources) if s in articles]
    if not keep:
        return None
    out = dict(row)
    for key in ("sources", "evidence", "spans"):
        values = row.get(key) or []
        out[key] = [values[i] for i in keep if i < len(values)]
    if "article_count" in derived:
        out["article_count"] = len(set(out["sources"]))
    if "years" in derived:
        found = [y for y in ((years or {}).get(s) for s in out["sources"]) if y is not None]
        out["first_year"], out["last_year"] = (min(found), max(found)) if found else (None, None)
    return out


def _cut(
    pages: Iterator[list[Row]], articles: set[str], derived: tuple[str, ...], stats: ExportStats
) -> Iterator[list[Row]]:
    for rows in pages:
        kept = []
        for row in rows:
            cut = within(row, articles, derived, stats.article_years)
            if cut is not row:
                stats.narrowed += 1
            if cut is not None:
                kept.append(cut)
        if kept:
            yield kept


def data_batches(
    store: GraphStore, mapper: Mapper, stats: ExportStats, page_size: int = PAGE_SIZE
) -> Iterator[list[Block]]:
    """Every data triple, in batches of about BATCH_TRIPLES triples.

    The articles are listed first (after the provinces), and every fact is dumped as those
    articles support it (`within`): a fact only later articles support is left out, and
    sources added since are dropped from one that was there. A pinned LadybugDB handle
    reads one snapshot, so this changes nothing there; Neo4j reads at read-committed
    isolation, so a dump taken while a load commits batches would otherwise mix states
    (an agreement without the PARTY_TO edge of its batch, a fact citing an article the
    dump lacks). Every node and relationship a listed article's batch wrote is committed
    before the list is read, so the cut is whole (bench/probe_export_during_ingest.py).
    """
    articles: set[str] = set()
    for label in NODES:  # Province, Article, then the facts
        pages = node_pages(store, label, page_size)
        if label == "Article":
            pages = _articles_seen(pages, stats)
        elif NODES[label].sourced:
            articles = articles or set(stats.article_ids)  # the Article pages are all read
            pages = _cut(pages, articles, DERIVED.get(label, ()), stats)
        pages = _counted(pages, stats, label)
        yield from _batches(pages, mapper.nodes[label], stats)
    stats.articles = stats.entities["Article"]
    articles = set(stats.article_ids)
    for rtype in RELS:
        pages = rel_pages(store, rtype, page_size)
        if RELS[rtype].sourced:
            pages = _cut(pages, articles, DERIVED.get(rtype, ()), stats)
        if rtype == "PARTNERS_WITH":
            pages = _counted(pages, stats, "Partnership")
        yield from _batches(pages, mapper.rels[rtype], stats)


def iter_export(
    store: GraphStore,
    fmt: str,
    *,
    base: str | None = None,
    created: dt.date | None = None,
    page_size: int = PAGE_SIZE,
    stats: ExportStats | None = None,
    gaz: Gazetteer | None = None,
) -> Iterator[bytes]:
    """The dump as byte chunks, one per page: data first, the dataset description last."""
    writer = make_writer(fmt)
    mapper = Mapper(base, gaz)
    stats = stats if stats is not None else ExportStats()
    yield writer.begin()
    for batch in data_batches(store, mapper, stats, page_size):
        yield writer.write(batch)
    sources = stats.article_ids  # the articles this dump holds, not those stored by now
    for batch in void.description(
        store, mapper.base, stats.triples, stats.entities, created, page_size, sources=sources
    ):
        yield writer.write(batch)
    yield writer.end()


def count(store: GraphStore, *, base: str | None = None, page_size: int = PAGE_SIZE) -> ExportStats:
    """The statistics of a dump without writing it (for `/.well-known/void`)."""
    stats = ExportStats()
    for _ in data_batches(store, Mapper(base), stats, page_size):
        pass
    return stats


def gzip_chunks(chunks: Iterable[bytes], level: int = 6) -> Iterator[bytes]:
    """Gzip a chunk stream on the fly (a valid .gz member, readable by gzip/zcat)."""
    z = zlib.compressobj(level, zlib.DEFLATED, 31)
    for chunk in chunks:
        out = z.compress(chunk)
        if out:
            yield out
    yield z.flush()


def write_export(
    store: GraphStore,
    fmt: str,
    stream: BinaryIO,
    *,
    compress: bool = False,
    base: str | None = None,
    created: dt.date | None = None,
    page_size: int = PAGE_SIZE,
) -> ExportStats:
    """Write the dump to a binary stream, read from one snapshot (`store.pinned`);
    returns its statistics."""
    stats = ExportStats()
    with store.pinned(dump=True) as view:
        chunks: Iterable[bytes] = iter_export(
            view, fmt, base=base, created=created, page_size=page_size, stats=stats
        )
        if compress:
            chunks = gzip_chunks(chunks)
        for chunk in chunks:
            if chunk:
                stream.write(chunk)
    return stats
