"""Bringing a store of an older graph format to `STORE_FORMAT` in place, on both engines.

vlkg-graph/2 → /3 adds `Article.cites` (app/graph.py): the keys of the facts each article
supports. Everything it holds is already in the facts' `sources`, so a /2 store need not be
ingested again: its next writer adds the column (LadybugDB; Neo4j has none to add), reads
each sourced label's and type's keys and `sources` in one pass (`read/sources_*`), and
writes every article's `cites` and the new format in one transaction, so a writer stopped
half-way leaves a /2 store that the next one migrates again. The store's own code runs it
(`EmbeddedStore.ensure_schema`, `Neo4jStore.ensure_schema`) and says so in the log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.graph import NODES, RELS, cite_key
from app.store.base import Row
from app.store.cypher import statement

#: Runs one statement with parameters and returns its rows (a store's or a transaction's).
Run = Callable[[str, Mapping[str, Any] | None], list[Row]]


def cites_rows(run: Run) -> list[Row]:
    """`{id, cites}` for every Article, from the facts' `sources` read in one pass each;
    an article that supports nothing gets `[]`, as the loader writes it."""
    every_article = run(statement("read/coverage_articles"), None)  # every id (with year, outlet)
    cites: dict[str, list[str]] = {r["id"]: [] for r in every_article}
    for label, spec in NODES.items():
        if spec.sourced:
            for r in run(statement(f"read/sources_{label}"), None):
                for aid in dict.fromkeys(r["sources"] or ()):
                    cites.setdefault(aid, []).append(cite_key(label, r["id"]))
    for rtype, rspec in RELS.items():
        if rspec.sourced:
            for r in run(statement(f"read/sources_{rtype}"), None):
                for aid in dict.fromkeys(r["sources"] or ()):
                    cites.setdefault(aid, []).append(cite_key(rtype, r["src"], r["dst"]))
    return [{"id": aid, "cites": sorted(keys)} for aid, keys in cites.items()]


def fill_cites(run: Run) -> int:
    """Write every article's `cites` with `run` (inside the caller's transaction); returns
    how many articles were written. A `sources` entry naming no stored article is skipped
    by the write's `MATCH`, as it would be by any read."""
    rows = cites_rows(run)
    if rows:
        # The last row matches no article (ids are hashes) but types `cites` as a list of
        # strings, should every real one be empty (LadybugDB infers a parameter's type
        # from its values, and refuses to SET a list typed from empty lists alone).
        run(statement("admin/set_cites"), {"rows": [*rows, {"id": "", "cites": [""]}]})
    return len(rows)
