"""Loading speed of the embedded store: batched transactions vs one write per fact.

    python bench/bench_load.py [--facts 100000] [--single 2000]

Loads ≥ 100,000 synthetic facts (20,000 articles x 5 facts) into a fresh embedded store
in batches and reports facts/s; then, in the same run, loads a sample the naive way (every
fact its own statement and transaction, through the same generated Cypher) into another
fresh store and reports the ratio. The per-fact path is timed on a sample because at its
speed the full set would take most of an hour; facts/s is what is compared.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.gazetteer import gazetteer  # noqa: E402
from app.store.base import ChangeSet  # noqa: E402
from app.store.embedded import EmbeddedStore  # noqa: E402
from bench.synthetic import articles  # noqa: E402
from ingest.load import load_articles, plan_batch, reference_changes  # noqa: E402

FACTS_PER_ARTICLE = 5


def batched(n_articles: int, batch: int) -> tuple[float, int, dict[str, dict[str, int]]]:
    arts = articles(n_articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp))
        t0 = time.perf_counter()
        report = load_articles(store, arts, batch_size=batch)
        elapsed = time.perf_counter() - t0
        counts = store.counts()
        store.close()
    return elapsed, report.facts, counts


def one_by_one(n_articles: int) -> tuple[float, int]:
    """Every fact planned alone and every row written in its own transaction."""
    arts = articles(n_articles, seed=11)
    gaz = gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp))
        store.apply(reference_changes(store, gaz))
        t0 = time.perf_counter()
        facts = 0
        for art in arts:
            changes, report = plan_batch(store, [art], gaz)
            facts += report.facts
            for name, _query, rows in changes.statements():
                for row in rows:
                    single = ChangeSet()
                    verb, _, kind = name.partition("_")
                    table = {
                        ("create", True): single.create_nodes,
                        ("update", True): single.update_nodes,
                        ("create", False): single.create_rels,
                        ("update", False): single.update_rels,
                    }[(verb, kind[0].isupper() and not kind.isupper())]
                    table[kind] = [row]
                    store.apply(single)
        elapsed = time.perf_counter() - t0
        store.close()
    return elapsed, facts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--single", type=int, default=2_000, help="facts for the one-write-per-fact sample")
    ap.add_argument("--batch", type=int, default=2_000, help="articles per transaction")
    args = ap.parse_args()
    t, facts, counts = batched(args.facts // FACTS_PER_ARTICLE, args.batch)
    fast = facts / t
    print(f"batched:     {facts:>7} facts in {t:7.2f} s = {fast:9.0f} facts/s")
    print(f"             nodes {sum(counts['nodes'].values())}, relationships {sum(counts['relationships'].values())}")
    t1, facts1 = one_by_one(args.single // FACTS_PER_ARTICLE)
    slow = facts1 / t1
    print(f"one-by-one:  {facts1:>7} facts in {t1:7.2f} s = {slow:9.0f} facts/s")
    ratio = fast / slow
    print(f"ratio batched / one-by-one: {ratio:.1f}x (target >= 10x)")
    return 0 if ratio >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
