"""Loading speed of the embedded store: batched transactions vs one write per fact.

    python bench/bench_load.py [--facts 100000] [--single 2000]

Loads ≥ 100,000 synthetic facts (20,000 articles x 5 facts) into a fresh embedded store
in batches and reports facts/s. Then, in the same run, it copies that store and loads one
further sample of new facts into each copy: batched into one, and the naive way into the
other (every fact planned alone, every row its own statement and transaction, through the
same generated Cypher). Both paths write into graphs of the same size, so the ratio is
fair; the naive path is timed on a sample because on the full set it would take an hour.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.facts import ArticleFacts
from app.gazetteer import gazetteer
from app.graph import NODES
from app.store.base import ChangeSet
from app.store.embedded import EmbeddedStore
from bench.synthetic import articles
from ingest.load import load_articles, plan_batch

FACTS_PER_ARTICLE = 5


def load_batched(store: EmbeddedStore, arts: list[ArticleFacts], batch: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    report = load_articles(store, arts, batch_size=batch)
    return time.perf_counter() - t0, report.facts


def load_one_by_one(store: EmbeddedStore, arts: list[ArticleFacts]) -> tuple[float, int]:
    """Every fact planned alone and every row written in its own transaction."""
    gaz = gazetteer()
    tables = {
        ("create", "node"): "create_nodes",
        ("update", "node"): "update_nodes",
        ("create", "rel"): "create_rels",
        ("update", "rel"): "update_rels",
    }
    t0 = time.perf_counter()
    facts = 0
    for art in arts:
        changes, report = plan_batch(store, [art], gaz)
        facts += report.facts
        for name, _query, rows in changes.statements():
            verb, _, kind = name.partition("_")
            table = tables[(verb, "node" if kind in NODES else "rel")]
            for row in rows:
                single = ChangeSet()
                getattr(single, table)[kind] = [row]
                store.apply(single)
    return time.perf_counter() - t0, facts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--single", type=int, default=2_000, help="facts for the one-write-per-fact sample")
    ap.add_argument("--batch", type=int, default=5_000, help="articles per transaction")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, copy = Path(tmp) / "a", Path(tmp) / "b"
        store = EmbeddedStore(base)
        t, facts = load_batched(store, articles(args.facts // FACTS_PER_ARTICLE), args.batch)
        counts = store.counts()
        store.close()
        print(f"bulk load, batched: {facts:>7} facts in {t:7.2f} s = {facts / t:8.0f} facts/s")
        print(f"  graph: {sum(counts['nodes'].values())} nodes, {sum(counts['relationships'].values())} rels")
        shutil.copytree(base, copy)  # two identical stores, so both paths write into the same graph
        sample = articles(args.single // FACTS_PER_ARTICLE, seed=11)
        store = EmbeddedStore(base)
        tb, fb = load_batched(store, sample, args.batch)
        store.close()
        store = EmbeddedStore(copy)
        ts, fs = load_one_by_one(store, sample)
        store.close()
    fast, slow = fb / tb, fs / ts
    print(f"sample, batched:    {fb:>7} facts in {tb:7.2f} s = {fast:8.0f} facts/s")
    print(f"sample, one by one: {fs:>7} facts in {ts:7.2f} s = {slow:8.0f} facts/s")
    ratio = fast / slow
    print(f"ratio batched / one-by-one: {ratio:.1f}x (target >= 10x)")
    return 0 if ratio >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
