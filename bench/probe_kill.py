"""Kill `vlkg ingest` with SIGKILL at random points, and check what is left (issue 11).

Invariants after every kill: the store opens (recovered by the next open if needed), no
article is half loaded (every stored article has all of its facts), and loading again
converges to the graph of a clean load. `python -m bench.probe_kill --trials 20`.

Batches are fixed (`--batch`) unless `--batch-max` is larger: then they grow from
`--batch` to it, as `VLKG_BATCH_MAX` makes them (fewer, larger batches: a load of 1,500
articles is then mostly over before the kill, so fixed batches are the default here).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.facts import FactsDocument
from app.store.embedded import EmbeddedStore
from bench.synthetic import articles
from ingest.pipeline import facts_lines

ROOT = Path(__file__).resolve().parents[1]


def write_facts(path: Path, n: int) -> None:
    path.write_bytes(b"".join(facts_lines(articles(n, seed=11))))


def ingest(data: Path, facts: Path, batch: int, batch_max: int = 0) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "VLKG_STORE": "embedded",
        "VLKG_DATA_DIR": str(data),
        "VLKG_BATCH_MAX": str(batch_max or batch),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", str(facts), "--batch-size", str(batch)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def snapshot(data: Path) -> tuple[dict[str, int], list[str]]:
    """Counts, and the stored articles that lack any of their facts (must be none)."""
    with EmbeddedStore(data) as store:  # a writer open recovers what a killed one left
        counts = store.counts()
        half = store.run(
            "MATCH (a:Article) WHERE NOT EXISTS { MATCH ()-[r:PARTNERS_WITH]->() WHERE a.id IN r.sources } "
            "OR NOT EXISTS { MATCH (o:Official) WHERE a.id IN o.sources } "
            "OR NOT EXISTS { MATCH (p:Project) WHERE a.id IN p.sources } "
            "OR NOT EXISTS { MATCH (e:Event) WHERE a.id IN e.sources } RETURN a.id AS id"
        )
    flat = {**counts["nodes"], **counts["relationships"]}
    return flat, [r["id"] for r in half]


def trial(
    work: Path, facts: Path, reference: dict[str, int], rng: random.Random, batch: int, batch_max: int = 0
) -> str:
    data = work / f"data-{rng.randrange(1 << 30)}"
    proc = ingest(data, facts, batch, batch_max)
    time.sleep(rng.uniform(0.5, 6.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _counts, half = snapshot(data)
    assert not half, f"half-loaded articles after a kill: {half[:5]}"
    again = ingest(data, facts, batch, batch_max)
    assert again.wait() == 0, "the re-run failed"
    final, half = snapshot(data)
    assert not half and final == reference, f"re-run did not converge: {final} != {reference}"
    return f"killed at {_counts.get('Article', 0)} articles; converged"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--batch-max", type=int, default=0, help="batches grow to this (0: fixed)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        facts = work / "facts.json"
        write_facts(facts, args.articles)
        FactsDocument.model_validate_json(facts.read_bytes())
        clean = work / "clean"
        assert ingest(clean, facts, args.batch).wait() == 0
        reference, _ = snapshot(clean)
        for i in range(args.trials):
            done = trial(work, facts, reference, rng, args.batch, args.batch_max)
            print(f"trial {i + 1}: {done}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
