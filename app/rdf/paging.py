"""Paging over the export queries: a page of rows at a time, linear in the table.

A node table is read as the ordered list of its keys (one query, ids only), then a page of
keys at a time by key lookup, which both engines serve from their key index (LadybugDB's
primary key, Neo4j's uniqueness constraint). Every page costs the same however deep into
the table it starts, no page re-reads or skips a row (keys are unique), and memory holds
the key list and one page. Keyset pages (`WHERE n.id > $after ORDER BY n.id LIMIT k`)
did not do this on LadybugDB: its key index is a hash, so each page rescanned the table
and a dump grew with the square of its size (docs/benchmarks.md).

A relationship table is one streamed query (`GraphStore.stream`), handed on 500 rows at
a time: looked up by one end, LadybugDB still scans the other end's table for its id, so
pages of relationships would each cost a scan. Read in a pinned store
(`GraphStore.pinned`), the key lists, pages and streams see one snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.store.base import GraphStore
from app.store.cypher import statement

Row = dict[str, Any]
#: Keys per page. Large enough that per-query overhead is small, small enough that a page
#: of fact rows (each with its evidence sentences) stays a few megabytes.
PAGE_SIZE = 500


def node_ids(store: GraphStore, label: str) -> list[str]:
    """Every id of `label`, in order (one query)."""
    return [r["id"] for r in store.query(f"export_ids_{label}")]


def _chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(ids), max(1, size)):
        yield ids[i : i + size]


def node_pages(store: GraphStore, label: str, page_size: int) -> Iterator[list[Row]]:
    """Every node of `label`, `page_size` at a time, in id order."""
    for keys in _chunks(node_ids(store, label), page_size):
        if rows := store.query(f"export_one_{label}", ids=keys):
            yield rows


def rel_pages(store: GraphStore, rtype: str, page_size: int) -> Iterator[list[Row]]:
    """Every `rtype` relationship, `page_size` at a time, in (start id, end id) order."""
    yield from store.stream(statement(f"read/export_{rtype}"), {}, page_size)


def article_id_pages(store: GraphStore, page_size: int = PAGE_SIZE) -> Iterator[list[str]]:
    """Article ids in order, `page_size` at a time (the dataset description's sources)."""
    yield from _chunks(node_ids(store, "Article"), page_size)
