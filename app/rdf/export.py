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
from collections.abc import Callable, Iterable, Iterator
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


def data_batches(
    store: GraphStore, mapper: Mapper, stats: ExportStats, page_size: int = PAGE_SIZE
) -> Iterator[list[Block]]:
    """Every data triple, in batches of about BATCH_TRIPLES triples."""
    for label in NODES:
        pages = _counted(node_pages(store, label, page_size), stats, label)
        yield from _batches(pages, mapper.nodes[label], stats)
    stats.articles = stats.entities["Article"]
    for rtype in RELS:
        pages = rel_pages(store, rtype, page_size)
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
    for batch in void.description(store, mapper.base, stats.triples, stats.entities, created, page_size):
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
    """Write the dump to a binary stream; returns its statistics."""
    stats = ExportStats()
    chunks: Iterable[bytes] = iter_export(
        store, fmt, base=base, created=created, page_size=page_size, stats=stats
    )
    if compress:
        chunks = gzip_chunks(chunks)
    for chunk in chunks:
        if chunk:
            stream.write(chunk)
    return stats
