"""Latency of `GET /search` over HTTP, alone and under load, on a synthetic graph.

    python bench/bench_search.py [--articles N] [--requests N] [--clients 8] [--seconds 10] [--store DIR]
    python bench/bench_search.py --store DIR --compare OLD_TREE [--rounds 3]   # old vs new code

Builds (or reuses, `--store DIR`) an embedded store of synthetic articles the way
`bench/bench_partners_latency.py` does, serves it with uvicorn in a subprocess (read-only
store, one worker, like `vlkg serve`), then:

1. one keep-alive client sends `--requests` searches one at a time, drawn from a fixed
   mix of queries (official names with and without diacritics, typos, given names only,
   a province alias, agreement fields, article words matching every title, misses); the
   first round over the mix is reported apart (first-time queries; before 2026-11-30 the
   first search of a snapshot also built the index, now built at start-up in the
   background), the rest gives /search p50/p95;
2. `--clients` threads search in a loop for `--seconds` while one more client, in its own
   process (`--monitor thread`: a thread beside the searchers, as measured before
   2026-11-30), asks `/health` every 20 ms: its p50/p99 say whether searches starve the
   server (issue #11: p99 < 50 ms with 8 search clients).

Queries vary by a number suffix so most are new questions, not memoized answers. Only
loopback traffic; the server is stopped at the end. Prints one JSON line; exit status 1
when a target is missed (/search p50 > 20 ms, /health p99 ≥ 50 ms).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_partners_latency import build, free_port, percentile, serve, wait_ready  # noqa: E402

TARGET_SEARCH_P50_MS = 20.0
TARGET_HEALTH_P99_MS = 50.0

#: The mix: names as the synthetic graph spells them and as users type them.
QUERIES = [
    "Nguyễn Văn An {n}",
    "nguyen van an {n}",
    "Tran Thi Bihn",
    "Quốc Dũng",
    "hoang huu hai {n}",
    "Khammuan",
    "Ha Tinh",
    "giao duc",
    "hop tac",
    "project {n}",
    "memorandum",
    "Souksavanh",
    "zzqx {n}",
]


def query(rng: random.Random) -> str:
    return rng.choice(QUERIES).format(n=rng.randint(0, 996))


def single(client: httpx.Client, requests: int, seed: int) -> tuple[list[float], list[float]]:
    """(first round over the mix, the random run), each ascending, in ms."""
    first = []
    for q in QUERIES:
        t0 = time.perf_counter()
        client.get("/search", params={"q": q.format(n=1)}).raise_for_status()
        first.append((time.perf_counter() - t0) * 1000)
    rng = random.Random(seed)
    times = []
    for _ in range(requests):
        q = query(rng)
        t0 = time.perf_counter()
        client.get("/search", params={"q": q}).raise_for_status()
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(first), sorted(times)


def monitor(base: str, seconds: float) -> list[float]:
    """/health every 20 ms for `seconds`: its times in ms, ascending."""
    health = []
    with httpx.Client(base_url=base, timeout=60.0) as c:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            c.get("/health").raise_for_status()
            health.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.02)
    return sorted(health)


def loaded(
    base: str, clients: int, seconds: float, seed: int, where: str = "process"
) -> tuple[list[float], list[float]]:
    """(/health times, /search times) in ms while `clients` threads search without pause.

    `where` the /health client runs: in its own process, as a monitor or load balancer
    does (the default), or as one more thread of this process, whose searcher threads
    then delay its own reading of each answer at the GIL (the figures before 2026-11-30)."""
    stop = threading.Event()
    searches: list[float] = []
    lock = threading.Lock()

    def searcher(i: int) -> None:
        rng = random.Random(seed * 100 + i)
        with httpx.Client(base_url=base, timeout=60.0) as c:
            while not stop.is_set():
                t0 = time.perf_counter()
                c.get("/search", params={"q": query(rng)}).raise_for_status()
                with lock:
                    searches.append((time.perf_counter() - t0) * 1000)

    threads = [threading.Thread(target=searcher, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    try:
        if where == "process":
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
                pool.submit(time.sleep, 0).result()  # started before the searchers get going
                time.sleep(0.5)
                health = pool.submit(monitor, base, seconds).result()
        else:
            time.sleep(0.5)  # let the searchers get going
            health = monitor(base, seconds)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    return health, sorted(searches)


def rss_mb(pid: int) -> dict[str, float]:
    """The server's resident memory now and at its peak (Linux /proc), in MB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return out


def run(
    data_dir: Path, root: Path, args: argparse.Namespace, single_run: bool
) -> tuple[list[float], list[float], list[float], list[float], dict[str, float]]:
    """Serve `data_dir` with the code of `root`; (first round, single-client times,
    /health times under load, loaded search times, server memory)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = serve(data_dir, port, root)
    try:
        with httpx.Client(base_url=base, timeout=60.0) as client:
            wait_ready(client, proc)
            first, times = single(client, args.requests if single_run else 0, args.seed)
        health, searches = loaded(base, args.clients, args.seconds, args.seed, args.monitor)
        memory = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except Exception:
            proc.kill()
    return first, times, health, searches, memory


def compare(data_dir: Path, graph: dict[str, object], args: argparse.Namespace) -> int:
    """The load phase alone, the old tree's code and this one's in turns on the same store
    (`--rounds` times each, one server at a time): /health p50/p99 and searches done."""
    trees = {"old": args.compare.resolve(), "new": ROOT}
    rows = []
    for r in range(args.rounds):
        for name, root in trees.items():
            _first, _times, health, searches, memory = run(data_dir, root, args, single_run=False)
            row = {
                "round": r + 1,
                "code": name,
                "health_p50_ms": round(percentile(health, 50), 2),
                "health_p99_ms": round(percentile(health, 99), 2),
                "health_requests": len(health),
                "loaded_searches": len(searches),
                "loaded_search_p50_ms": round(percentile(searches, 50), 2) if searches else None,
                "server_rss_mb": memory.get("VmRSS"),
                "loadavg": [round(x, 2) for x in os.getloadavg()],
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    for name in trees:
        p99 = sorted(row["health_p99_ms"] for row in rows if row["code"] == name)
        print(f"{name}: /health p99 per round {p99} ms (target < {TARGET_HEALTH_P99_MS:g} ms)")
    print(
        json.dumps(
            {"endpoint": "/health under /search load", **graph, "clients": args.clients, "rounds": rows}
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="build the graph here once and reuse it")
    ap.add_argument(
        "--compare",
        type=Path,
        metavar="TREE",
        help="another checkout (e.g. `git archive` of an older commit): run the load phase "
        "with its code and this tree's in turns, --rounds times each",
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--monitor",
        choices=("process", "thread"),
        default="process",
        help="where the /health client runs: its own process (default) or a thread beside the searchers",
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vlkg-bench-") as tmp:
        data_dir = args.store or Path(tmp) / "data"
        info = data_dir / "bench-graph.json"
        if args.store and info.exists() and json.loads(info.read_text())["key"] == [args.articles, args.seed]:
            graph = json.loads(info.read_text())["graph"]
        else:
            graph = build(data_dir, args.articles, args.seed)
            info.write_text(json.dumps({"key": [args.articles, args.seed], "graph": graph}))
        print(f"graph: {graph}", flush=True)
        if args.compare:
            return compare(data_dir, graph, args)
        first, times, health, searches, memory = run(data_dir, ROOT, args, single_run=True)
    result = {
        "endpoint": "/search",
        **graph,
        "first_round_max_ms": round(first[-1], 2),
        "first_round_p50_ms": round(percentile(first, 50), 2),
        "requests": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "clients": args.clients,
        "loaded_searches": len(searches),
        "loaded_search_p50_ms": round(percentile(searches, 50), 2) if searches else None,
        "health_requests": len(health),
        "health_p50_ms": round(percentile(health, 50), 2),
        "health_p99_ms": round(percentile(health, 99), 2),
        "server_rss_mb": memory.get("VmRSS"),
        "server_peak_rss_mb": memory.get("VmHWM"),
        "loadavg": os.getloadavg(),
    }
    print(
        f"/search p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms "
        f"(target p50 ≤ {TARGET_SEARCH_P50_MS:g} ms); "
        f"first round max {result['first_round_max_ms']} ms"
    )
    print(
        f"with {args.clients} search clients: /health p50 {result['health_p50_ms']} ms  "
        f"p99 {result['health_p99_ms']} ms (target < {TARGET_HEALTH_P99_MS:g} ms); "
        f"{len(searches)} searches, p50 {result['loaded_search_p50_ms']} ms"
    )
    print(f"server memory: {memory} MB (VmRSS now, VmHWM peak)")
    print(json.dumps(result))
    ok = result["p50_ms"] <= TARGET_SEARCH_P50_MS and result["health_p99_ms"] < TARGET_HEALTH_P99_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
