"""A Neo4j ingest in one transaction: its heap, and what readers meet meanwhile (issue 11).

    python -m bench.bench_neo4j_whole_load --articles 10000,50000   # NEO4J_URI, NEO4J_PASSWORD, ...

For each size, a fresh database (cleared) takes `vlkg ingest` of that many synthetic
articles (bench/synthetic.py, seed 11, `--batch` per batch) in a subprocess, in one of two
modes: `whole` (the load is one transaction: `VLKG_NEO4J_WHOLE_LOAD_ARTICLES` above the
size) and `batches` (the limit set to the batch size, so each batch commits: how every
Neo4j load ran before issue 11). Meanwhile this process
- polls `SHOW TRANSACTIONS` every 0.5 s for the largest `estimatedUsedHeapMemory` of a
  transaction (the load's state in the server heap, which commits only at the end), and
- asks the API in-process (FastAPI TestClient on the same Neo4j) `/health`, then
  `/province/X/partners` for a random province, again and again, timing each, and reading
  `/stats` for the article count readers see.
It prints one JSON line per run: load seconds, peak transaction heap, the latency
percentiles of both requests, and the article counts seen (`whole` must see only 0 and the
size). The heap limit of the server applies: a load that needs more than
`dbms.memory.transaction.total.max` (70% of the heap by default) fails, which is printed.
Run the modes back to back in one run (other work on the machine moves absolute figures).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.gazetteer import gazetteer
from app.settings import Settings
from bench.probe_export_during_ingest import clear_neo4j, neo4j_env, open_reader
from bench.probe_kill import write_facts

ROOT = Path(__file__).resolve().parents[1]


def peak_heap(stop: threading.Event, out: list[int]) -> None:
    """The largest estimated heap of any open transaction, until `stop`."""
    store = open_reader("neo4j", Path())
    query = "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS heap RETURN max(heap) AS heap"
    try:
        while not stop.is_set():
            rows = store.run(query)
            if rows and rows[0]["heap"] is not None:
                out.append(int(rows[0]["heap"]))
                if int(rows[0]["heap"]) >= max(out):
                    print(f"peak so far {int(rows[0]['heap']) / 2**20:.0f} MB", file=sys.stderr, flush=True)
            stop.wait(0.5)
    finally:
        store.close()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def run(n: int, mode: str, batch: int, facts: Path, data: Path) -> dict[str, object]:
    clear_neo4j()
    limit = n + 1 if mode == "whole" else batch
    env = {
        **os.environ,
        **neo4j_env(),
        "VLKG_STORE": "neo4j",
        "VLKG_DATA_DIR": str(data),
        "VLKG_NEO4J_WHOLE_LOAD_ARTICLES": str(limit),
    }
    settings = Settings(VLKG_STORE="neo4j", VLKG_DATA_DIR=str(data), **neo4j_env())  # type: ignore[arg-type]
    provinces = [p.id for p in gazetteer().provinces if p.valid_to is None]
    rng = random.Random(5)
    health: list[float] = []
    partners: list[float] = []
    seen: set[int] = set()
    errors = 0
    heap: list[int] = []
    stop = threading.Event()
    poller = threading.Thread(target=peak_heap, args=(stop, heap), daemon=True)
    with TestClient(create_app(None, settings), raise_server_exceptions=False) as client:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "ingest", str(facts), "--batch-size", str(batch)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        poller.start()
        while proc.poll() is None:
            t = time.perf_counter()
            r = client.get("/health")
            health.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            p = client.get(f"/province/{rng.choice(provinces)}/partners")
            partners.append((time.perf_counter() - t) * 1000)
            errors += r.status_code >= 500 or p.status_code >= 500
            stats = client.get("/stats")
            if stats.status_code == 200:
                seen.add(int(stats.json()["nodes"]["Article"]))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        _, err = proc.communicate()
        stop.set()
        poller.join()
        seen.add(int(client.get("/stats").json()["nodes"]["Article"]))
    return {
        "articles": n,
        "mode": mode,
        "batch": batch,
        "exit": proc.returncode,
        "error": err.decode(errors="replace").strip().splitlines()[-1:] if proc.returncode else [],
        "load_s": round(seconds, 1),
        "peak_tx_heap_mb": round(max(heap, default=0) / 2**20, 1),
        "health_ms": {"p50": pct(health, 0.5), "p95": pct(health, 0.95), "max": pct(health, 1.0)},
        "partners_ms": {"p50": pct(partners, 0.5), "p95": pct(partners, 0.95), "max": pct(partners, 1.0)},
        "requests": len(health) + len(partners),
        "errors_5xx": errors,
        "article_counts_seen": len(seen),
        "only_whole": seen <= {0, n},
        "seen_sample": sorted(seen)[:5],
        "mean_health_ms": round(statistics.fmean(health), 1) if health else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", default="10000,50000", help="sizes, comma-separated")
    parser.add_argument("--modes", default="batches,whole", help="batches, whole or both")
    parser.add_argument("--batch", type=int, default=5000, help="articles per batch (VLKG_BATCH_SIZE)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vlkg-whole-load-") as tmp:
        for n in (int(x) for x in args.articles.split(",")):
            facts = Path(tmp) / f"facts-{n}.json"
            write_facts(facts, n)
            for mode in args.modes.split(","):
                print(json.dumps(run(n, mode, args.batch, facts, Path(tmp) / "data")), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
