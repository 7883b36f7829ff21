"""Keyset paging over the export queries: a page of rows at a time, in key order.

Each page starts after the last key of the previous one, so deep pages cost no more than
the first and memory holds one page (see app/rdf/queries.py for the statements).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.store.base import GraphStore

Row = dict[str, Any]
#: Rows per page. Large enough that per-query overhead is small, small enough that a page
#: of fact rows (each with its evidence sentences) stays a few megabytes.
PAGE_SIZE = 500


def node_pages(store: GraphStore, label: str, page_size: int) -> Iterator[list[Row]]:
    after = ""
    while True:
        rows = store.query(f"export_{label}", after=after, limit=page_size)
        if rows:
            yield rows
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


def rel_pages(store: GraphStore, rtype: str, page_size: int) -> Iterator[list[Row]]:
    after_src, after_dst = "", ""
    while True:
        rows = store.query(f"export_{rtype}", after_src=after_src, after_dst=after_dst, limit=page_size)
        if rows:
            yield rows
        if len(rows) < page_size:
            return
        after_src, after_dst = rows[-1]["src"], rows[-1]["dst"]


def article_id_pages(store: GraphStore, page_size: int = PAGE_SIZE) -> Iterator[list[str]]:
    after = ""
    while True:
        ids = [r["id"] for r in store.query("export_article_ids", after=after, limit=page_size)]
        if ids:
            yield ids
        if len(ids) < page_size:
            return
        after = ids[-1]
