"""The same synthetic facts in LadybugDB and in Neo4j, in one run: load time, and
`GET /province/{name}/partners` latency over HTTP on each.

    python bench/bench_stores.py [--facts 100000] [--requests 1000] [--computed 300] [--batch 1000]

Builds `--facts / 5` synthetic articles (`bench/synthetic.py`, five facts each, seed 7),
then, one store after the other:

- **LadybugDB**: loads them into a fresh embedded store in a temporary folder
  (`load_articles`, `--batch` articles per transaction);
- **Neo4j**: starts a fresh Neo4j 5.26 server with `scripts/neo4j.sh` (in a temporary
  folder, on free ports, a random password; stopped at the end, its PID only) and loads
  the same articles the same way (one write transaction per batch, under the load lock).

Each store is then served by uvicorn in a subprocess on 127.0.0.1 and a free port, the way
`vlkg serve` does (one worker), and measured with the requests of
`bench/bench_partners_latency.py`: a first round over every province (answers computed
from the store), a random run of `--requests` (mostly served from the answer cache, which
both stores have, keyed by the embedded snapshot or the Neo4j load generation), and
`--computed` requests that are each a new question (`since` a year before any
partnership), so every one is computed from the store. It prints one JSON line per store.
Only loopback traffic.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.facts import ArticleFacts  # noqa: E402
from app.gazetteer import gazetteer  # noqa: E402
from app.store.base import GraphStore  # noqa: E402
from bench.bench_partners_latency import computed, free_port, measure, percentile, stop, wait_ready  # noqa: E402
from bench.synthetic import articles  # noqa: E402
from ingest.load import load_articles  # noqa: E402

FACTS_PER_ARTICLE = 5


def load(store: GraphStore, arts: list[ArticleFacts], batch: int) -> dict[str, object]:
    t0 = time.perf_counter()
    report = load_articles(store, arts, batch_size=batch)
    seconds = time.perf_counter() - t0
    counts = store.counts()
    return {
        "articles": report.articles,
        "facts": report.facts,
        "nodes": sum(counts["nodes"].values()),
        "rels": sum(counts["relationships"].values()),
        "load_s": round(seconds, 1),
        "facts_per_s": round(report.facts / seconds),
    }


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "uvicorn", "app.api.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env})


def latency(env: dict[str, str], names: list[str], args: argparse.Namespace) -> dict[str, object]:
    port = free_port()
    proc = serve(env, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60.0) as client:
            wait_ready(client, proc, timeout=120.0)
            cold, times, _ = measure(client, names, args.requests, args.seed)
            fresh = computed(client, names, args.computed, args.seed) if args.computed else []
    finally:
        stop(proc)
    out: dict[str, object] = {
        "cold_p50_ms": round(percentile(cold, 50), 2),
        "cold_p95_ms": round(percentile(cold, 95), 2),
        "requests": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "mean_ms": round(statistics.fmean(times), 2),
    }
    if fresh:
        out.update(
            computed_requests=len(fresh),
            computed_p50_ms=round(percentile(fresh, 50), 2),
            computed_p95_ms=round(percentile(fresh, 95), 2),
        )
    return out


class Neo4jServer:
    """A fresh server from scripts/neo4j.sh in `home`, on free ports; stopped on exit."""

    def __init__(self, home: Path) -> None:
        bolt, http = free_ports(2)
        self.env = {
            "VLKG_NEO4J_HOME": str(home),
            "NEO4J_BOLT_PORT": str(bolt),
            "NEO4J_HTTP_PORT": str(http),
            "NEO4J_PASSWORD": "bench-" + secrets.token_hex(8),
            "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
            "NEO4J_USER": "neo4j",
            "NEO4J_DATABASE": "neo4j",
        }

    def _script(self, verb: str) -> None:
        subprocess.run(
            ["bash", str(ROOT / "scripts/neo4j.sh"), verb], env={**os.environ, **self.env}, check=True
        )

    def __enter__(self) -> Neo4jServer:
        self._script("start")
        return self

    def __exit__(self, *exc: object) -> None:
        self._script("stop")


def free_ports(n: int) -> list[int]:
    socks = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]
    finally:
        for s in socks:
            s.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1_000, help="articles per load transaction")
    ap.add_argument("--requests", type=int, default=1_000)
    ap.add_argument("--computed", type=int, default=300, help="requests with answers not yet memoized")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", choices=["embedded", "neo4j"], help="measure one store only")
    args = ap.parse_args(argv)
    arts = articles(args.facts // FACTS_PER_ARTICLE, args.seed)
    gaz = gazetteer()
    rng_names = random.Random(args.seed)
    names = [
        rng_names.choice(p.names) if p.current or p.country == "LA" else p.iso or p.id for p in gaz.provinces
    ]
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="vlkg-bench-stores-") as tmp:
        if args.only in (None, "embedded"):
            from app.store.embedded import EmbeddedStore

            data = Path(tmp) / "data"
            store = EmbeddedStore(data)
            try:
                graph = load(store, arts, args.batch)
            finally:
                store.close()
            print(f"embedded: loaded {graph}", flush=True)
            results["embedded"] = {
                **graph,
                **latency({"VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(data)}, names, args),
            }
            print(f"embedded: {json.dumps(results['embedded'])}", flush=True)
        if args.only in (None, "neo4j"):
            from app.store.neo4j import Neo4jStore

            with Neo4jServer(Path(tmp) / "neo4j") as server:
                e = server.env
                neo = Neo4jStore(e["NEO4J_URI"], e["NEO4J_USER"], e["NEO4J_PASSWORD"], e["NEO4J_DATABASE"])
                try:
                    graph = load(neo, arts, args.batch)
                finally:
                    neo.close()
                print(f"neo4j: loaded {graph}", flush=True)
                results["neo4j"] = {**graph, **latency({"VLKG_STORE": "neo4j", **e}, names, args)}
                print(f"neo4j: {json.dumps(results['neo4j'])}", flush=True)
    for name, r in results.items():
        line = (
            f"{name:>8}: {r['facts']} facts in {r['load_s']} s ({r['facts_per_s']} facts/s); "
            f"partners p50 {r['p50_ms']} ms p95 {r['p95_ms']} ms (random run), "
            f"first per province p50 {r['cold_p50_ms']} p95 {r['cold_p95_ms']} ms"
        )
        if "computed_p50_ms" in r:
            line += f", computed p50 {r['computed_p50_ms']} p95 {r['computed_p95_ms']} ms"
        print(line)
    print(json.dumps({"endpoint": "/province/{name}/partners", "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
