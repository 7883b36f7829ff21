"""Latency of `GET /province/{name}/partners` over HTTP, on a graph of ≥ 10,000 articles.

    python bench/bench_partners_latency.py [--articles 10000] [--requests 2000] [--seed 7] [--store DIR]
                                           [--query sources_limit=20]

Builds a fresh embedded store from synthetic articles (`bench/synthetic.py`: real
gazetteer provinces, five facts per article, loaded with `load_articles` in big
batches), then serves it with uvicorn in a subprocess on 127.0.0.1 and a free port, the
way `vlkg serve` does (read-only store, one worker). A single keep-alive httpx client
sends a bounded number of requests, one at a time, for provinces drawn at random (any
spelling the gazetteer knows, current and former units), after a warm-up round over every
province. It prints p50/p95/p99 in milliseconds and one JSON line; the exit status is 1
when p95 misses the 20 ms target. Only loopback traffic; the server is stopped at the end.
`--store DIR` keeps the built graph in DIR and reuses it on the next run (same settings);
`--query` adds parameters to every request (`sources_limit=20`: the default before 2026-11-30).
The server memoizes answers per read-only snapshot (app/api/answers.py), so the random
run mostly measures served answers; the first round over every province and a run of
`--computed` requests that are each a new question (a `since` year before any
partnership, so the same answer) measure answers computed from the store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.gazetteer import gazetteer  # noqa: E402
from app.store.embedded import EmbeddedStore  # noqa: E402
from bench.synthetic import articles  # noqa: E402
from ingest.load import load_articles  # noqa: E402

TARGET_P95_MS = 20.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(data_dir: Path, n: int, seed: int) -> dict[str, object]:
    t0 = time.perf_counter()
    store = EmbeddedStore(data_dir)
    try:
        report = load_articles(store, articles(n, seed), batch_size=5000)
        counts = store.counts()
    finally:
        store.close()
    return {
        "articles": report.articles,
        "facts": report.facts,
        "partnerships": counts["relationships"]["PARTNERS_WITH"],
        "load_s": round(time.perf_counter() - t0, 1),
    }


def serve(data_dir: Path, port: int, root: Path = ROOT) -> subprocess.Popen[bytes]:
    """`vlkg serve`'s app on `data_dir`, imported from the source tree `root` (another
    checkout to compare code versions on one store)."""
    env = {**os.environ, "VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(data_dir)}
    cmd = [
        sys.executable, "-m", "uvicorn", "app.api.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=root, env=env)


def wait_ready(client: httpx.Client, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            if client.get("/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer /health in time")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server this bench started: ask, then kill it if it has not gone in 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    k = max(0, min(len(sorted_ms) - 1, round(q / 100 * len(sorted_ms) + 0.5) - 1))
    return sorted_ms[k]


def timed(client: httpx.Client, url: str) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    r = client.get(url)
    body = r.content
    ms = (time.perf_counter() - t0) * 1000
    r.raise_for_status()
    return ms, body


def computed(
    client: httpx.Client, names: list[str], requests: int, seed: int, query: str = ""
) -> list[float]:
    """Requests whose answers cannot be memoized yet: each (province, `since`) pair is new.

    `since` runs over years before any partnership (1900..1999), so every answer equals the
    unfiltered one, but each is a new question and is computed from the store.
    """
    rng = random.Random(seed + 1)
    pairs = [(name, year) for name in names for year in range(1900, 2000)]
    rng.shuffle(pairs)
    return sorted(
        timed(client, f"/province/{quote(name)}/partners?since={year}{'&' + query if query else ''}")[0]
        for name, year in pairs[:requests]
    )


def measure(
    client: httpx.Client, names: list[str], requests: int, seed: int, query: str = ""
) -> tuple[list[float], list[float], int]:
    """(first request per province, the random run, partners seen in the run)."""
    rng = random.Random(seed)
    tail = f"?{query}" if query else ""
    # Warm-up, every province once: these are the answers computed from the store (cold).
    cold = sorted(timed(client, f"/province/{quote(name)}/partners{tail}")[0] for name in names)
    times: list[float] = []
    partners = 0
    for _ in range(requests):
        ms, body = timed(client, f"/province/{quote(rng.choice(names))}/partners{tail}")
        times.append(ms)
        partners += body.count(b'"inherited"')
    return cold, sorted(times), partners


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="build the graph here once and reuse it")
    ap.add_argument("--computed", type=int, default=500, help="requests with answers not yet memoized")
    ap.add_argument("--query", default="", help="added to every request, e.g. sources_limit=20")
    args = ap.parse_args(argv)
    if not 1 <= args.requests <= 100_000:
        ap.error("--requests must be within 1..100000")
    if not 0 <= args.computed <= 10_000:
        ap.error("--computed must be within 0..10000")
    gaz = gazetteer()
    rng = random.Random(args.seed)
    # Every unit, each under a spelling picked at random (resolution is part of the cost).
    names = [rng.choice(p.names) if p.current or p.country == "LA" else p.iso or p.id for p in gaz.provinces]
    with tempfile.TemporaryDirectory(prefix="vlkg-bench-") as tmp:
        data_dir = args.store or Path(tmp) / "data"
        info = data_dir / "bench-graph.json"
        if args.store and info.exists() and json.loads(info.read_text())["key"] == [args.articles, args.seed]:
            graph = json.loads(info.read_text())["graph"]
        else:
            graph = build(data_dir, args.articles, args.seed)
            info.write_text(json.dumps({"key": [args.articles, args.seed], "graph": graph}))
        print(f"graph: {graph}", flush=True)
        port = free_port()
        proc = serve(data_dir, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30.0) as client:
                wait_ready(client, proc)
                cold, times, partners = measure(client, names, args.requests, args.seed, args.query)
                fresh = computed(client, names, args.computed, args.seed, args.query) if args.computed else []
        finally:
            stop(proc)
    result = {
        "endpoint": "/province/{name}/partners",
        **graph,
        "requests": len(times),
        "mean_partners": round(partners / len(times), 1),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "p99_ms": round(percentile(times, 99), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "max_ms": round(times[-1], 2),
        "cold_requests": len(cold),
        "cold_p50_ms": round(percentile(cold, 50), 2),
        "cold_p95_ms": round(percentile(cold, 95), 2),
        "cold_max_ms": round(cold[-1], 2),
    }
    if fresh:
        result.update(
            computed_requests=len(fresh),
            computed_p50_ms=round(percentile(fresh, 50), 2),
            computed_p95_ms=round(percentile(fresh, 95), 2),
            computed_p99_ms=round(percentile(fresh, 99), 2),
        )
    print(
        f"p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms  p99 {result['p99_ms']} ms  "
        f"(target p95 < {TARGET_P95_MS:g} ms)"
    )
    print(
        f"first request per province (computed from the store): p50 {result['cold_p50_ms']} ms  "
        f"p95 {result['cold_p95_ms']} ms  max {result['cold_max_ms']} ms"
    )
    if fresh:
        print(
            f"answers computed from the store (not memoized): p50 {result['computed_p50_ms']} ms  "
            f"p95 {result['computed_p95_ms']} ms  p99 {result['computed_p99_ms']} ms"
        )
    print(json.dumps(result))
    return 0 if result["p95_ms"] < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
