"""How vlkg grows with the data: 1k, 10k and 50k synthetic articles in one run.

    python bench/bench_scale.py [--sizes 1000,10000,50000] [--requests 300] [--seed 7]

For each size, in a temporary folder:

- **ingest**: the synthetic articles of `bench/synthetic.py` (five facts each, over real
  gazetteer provinces) are written as one facts document in the streamed layout that
  `vlkg extract --json` writes, and loaded with `vlkg ingest` in a subprocess (the
  configured batch size, as a user runs it): wall and CPU time, and the store's size on disk
  afterwards. Facts rather than article text, so the figure is loading, not extraction
  (which has its own benchmark, `bench/bench_extract.py`).
- **loader and COPY reference**: `load_articles` alone, in this process, into a fresh
  store (no facts file to read, no `vlkg` to start); and the same rows the loader writes
  (planned in one batch against an empty store, before the clock starts) copied with
  LadybugDB `COPY` from Arrow tables into a fresh store, in one transaction and a
  checkpoint: the floor the loader is compared with.
- **serving**: `vlkg serve`'s app under uvicorn in a subprocess on 127.0.0.1 and a free
  port (one worker), as `bench/bench_stores.py` does. `/province/{name}/partners` is
  measured as in `bench/bench_partners_latency.py`: a random run mostly served from the
  answer cache ("cached"), and requests that are each a new question ("computed"). Then
  `/search?q=` for names and words, `/timeline?province=` for provinces, and one
  `GET /export.ttl` (the whole graph, streamed). The server's resident memory (VmRSS) is
  read after all of them, at once and 30 s later with no request meanwhile ("settled").

It prints a table, the growth of each figure from the second-largest to the largest size
(10k → 50k by default) against the targets of issue #12 (≤ 5.5× for ingest, `/search`,
`/export.ttl` and memory; ingest of 50,000 articles ≤ 60 s; the loader within 3× of
COPY), and one JSON line. Only loopback traffic; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.facts import ArticleFacts  # noqa: E402
from app.gazetteer import gazetteer  # noqa: E402
from app.settings import get_settings  # noqa: E402
from app.store.embedded import EmbeddedStore, _arrow  # noqa: E402
from bench.bench_partners_latency import computed, free_port, measure, percentile, stop, timed, wait_ready  # noqa: E402
from bench.bench_stores import serve  # noqa: E402
from bench.synthetic import GIVEN, LAO, SURNAMES, articles  # noqa: E402
from ingest.load import load_articles, plan_batch, reference_changes  # noqa: E402
from ingest.pipeline import facts_lines  # noqa: E402

#: Growth from 10k to 50k articles that issue #12 allows (×5 data), per figure.
GROWTH_TARGET = 5.5
INGEST_50K_TARGET_S = 60.0
COPY_RATIO_TARGET = 3.0
#: Figures whose growth has a target; the others are shown for information.
TARGETED = ("ingest_s", "search_p50_ms", "export_ttl_s", "rss_mb", "rss_settled_mb")


def write_facts(path: Path, arts: list[ArticleFacts]) -> None:
    with path.open("wb") as out:
        for chunk in facts_lines(arts):
            out.write(chunk)


def vlkg() -> list[str]:
    """The `vlkg` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("vlkg")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from app.cli import main; main()"]


def ingest(facts: Path, data: Path) -> tuple[float, float]:
    """Seconds `vlkg ingest` takes, wall-clock and CPU (the subprocess's user and system
    time, its engine threads included: the steadier figure on a shared machine)."""
    env = {**os.environ, "VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(data)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([*vlkg(), "ingest", str(facts)], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"vlkg ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return seconds, cpu


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def loader(arts: list[ArticleFacts], folder: Path) -> tuple[float, float]:
    """Seconds `load_articles` takes in this process (batches of the configured size):
    the loader alone, without reading the facts file or starting `vlkg`; wall-clock and
    CPU (this process, the engine's threads included: less disturbed by other jobs on a
    shared machine)."""
    store = EmbeddedStore(folder)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        settings = get_settings()
        load_articles(store, arts, batch_size=settings.batch_size, batch_max=settings.batch_max)
        return time.perf_counter() - t0, time.process_time() - c0
    finally:
        store.close()


def copy_reference(arts: list[ArticleFacts], folder: Path) -> tuple[float, float, int]:
    """Seconds to COPY the rows the loader writes into a fresh store (one transaction,
    then a checkpoint), wall-clock and CPU, and how many rows; the rows are planned before
    the clock starts."""
    gaz = gazetteer()
    store = EmbeddedStore(folder)
    try:
        changes = reference_changes(store, gaz)
        store.apply(changes)
        planned, _ = plan_batch(store, arts, gaz)
        tables = [
            (t, _arrow(t, rows)) for t, rows in (*planned.create_nodes.items(), *planned.create_rels.items())
        ]
        conn = store._handle.conn  # the engine itself: this is the floor, not the loader
        t0, c0 = time.perf_counter(), time.process_time()
        conn.execute("BEGIN TRANSACTION")
        for table, data in tables:
            conn.execute(f"COPY {table} FROM $rows", {"rows": data})
        conn.execute("COMMIT")
        conn.execute("CHECKPOINT")
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        store.close()
    return seconds, cpu, sum(t.num_rows for _, t in tables)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settle(pid: int, seconds: float = 30.0) -> float:
    """The server's resident memory `seconds` after the dump, with no request meanwhile:
    after a dump the server replaces its read handle by a fresh one in the background
    (`EmbeddedStore.shed`: open, build the search index, swap, close the old), so the
    figure read at once includes both handles. A fixed wait, not "until it stops
    falling": the figure first rises while the new handle is prepared."""
    time.sleep(seconds)
    return rss_mb(pid)


def serving(data: Path, args: argparse.Namespace) -> dict[str, float]:
    gaz = gazetteer()
    rng = random.Random(args.seed)
    names = [rng.choice(p.names) if p.current or p.country == "LA" else p.iso or p.id for p in gaz.provinces]
    words = [*SURNAMES, *GIVEN, *LAO, "hợp tác", "memorandum", "project"]
    queries = [rng.choice(names) if i % 2 else rng.choice(words) for i in range(args.search)]
    port = free_port()
    proc = serve({"VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(data)}, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600.0) as client:
            wait_ready(client, proc, timeout=300.0)
            _, cached, _ = measure(client, names, args.requests, args.seed)
            fresh = computed(client, names, args.computed, args.seed)
            search = sorted(timed(client, f"/search?q={quote(q)}")[0] for q in queries)
            timeline = sorted(
                timed(client, f"/timeline?province={quote(rng.choice(names))}")[0]
                for _ in range(args.timeline)
            )
            ms, body = timed(client, "/export.ttl")
            memory = rss_mb(proc.pid)
            settled = settle(proc.pid)
    finally:
        stop(proc)
    return {
        "rss_mb": round(memory, 1),
        "rss_settled_mb": round(settled, 1),
        "partners_cached_p50_ms": round(percentile(cached, 50), 2),
        "partners_cached_p95_ms": round(percentile(cached, 95), 2),
        "partners_computed_p50_ms": round(percentile(fresh, 50), 2),
        "partners_computed_p95_ms": round(percentile(fresh, 95), 2),
        "search_p50_ms": round(percentile(search, 50), 2),
        "search_p95_ms": round(percentile(search, 95), 2),
        "timeline_p50_ms": round(percentile(timeline, 50), 2),
        "timeline_p95_ms": round(percentile(timeline, 95), 2),
        "export_ttl_s": round(ms / 1000, 2),
        "export_ttl_mb": round(len(body) / 1e6, 1),
    }


def one_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    arts = articles(n, args.seed)
    with tempfile.TemporaryDirectory(prefix=f"vlkg-bench-scale-{n}-") as tmp:
        facts, data = Path(tmp) / "facts.json", Path(tmp) / "data"
        write_facts(facts, arts)
        seconds, cpu = ingest(facts, data)
        out: dict[str, Any] = {
            "articles": n,
            "ingest_s": round(seconds, 1),
            "ingest_cpu_s": round(cpu, 1),
            "store_mb": round(disk_mb(data), 1),
        }
        print(f"{n}: ingest {seconds:.1f} s ({cpu:.1f} CPU s), store {out['store_mb']} MB", flush=True)
        if args.copy:
            load_s, load_cpu = loader(arts, Path(tmp) / "loader")
            copy_s, copy_cpu, rows = copy_reference(arts, Path(tmp) / "copy")
            out.update(
                loader_s=round(load_s, 1),
                copy_s=round(copy_s, 1),
                loader_cpu_s=round(load_cpu, 1),
                copy_cpu_s=round(copy_cpu, 1),
                rows=rows,
                loader_vs_copy=round(load_s / copy_s, 1),
                loader_vs_copy_cpu=round(load_cpu / copy_cpu, 1),
            )
            print(
                f"{n}: loader {load_s:.1f} s ({load_cpu:.1f} CPU s), COPY of the same {rows} rows "
                f"{copy_s:.1f} s ({copy_cpu:.1f} CPU s)",
                flush=True,
            )
        if args.serve:
            out.update(serving(data, args))
    print(f"{n}: {json.dumps(out)}", flush=True)
    return out


COLUMNS = [
    ("ingest_s", "ingest s"),
    ("ingest_cpu_s", "ingest CPU s"),
    ("loader_s", "loader s"),
    ("copy_s", "COPY s"),
    ("loader_cpu_s", "loader CPU s"),
    ("copy_cpu_s", "COPY CPU s"),
    ("store_mb", "store MB"),
    ("rss_mb", "serve RSS MB"),
    ("rss_settled_mb", "settled RSS MB"),
    ("partners_cached_p50_ms", "partners cached p50"),
    ("partners_cached_p95_ms", "p95"),
    ("partners_computed_p50_ms", "partners computed p50"),
    ("partners_computed_p95_ms", "p95"),
    ("search_p50_ms", "/search p50"),
    ("search_p95_ms", "p95"),
    ("timeline_p50_ms", "/timeline p50"),
    ("timeline_p95_ms", "p95"),
    ("export_ttl_s", "/export.ttl s"),
]


def report(results: list[dict[str, Any]]) -> bool:
    """Print the table and the growth; True when every target is met."""
    print("| articles | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for r in results:
        print(f"| {r['articles']:,} | " + " | ".join(str(r.get(key, "–")) for key, _ in COLUMNS) + " |")
    ok = True
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        data = b["articles"] / a["articles"]
        print(f"\ngrowth {a['articles']:,} → {b['articles']:,} articles (×{data:g} data):")
        for key, label in COLUMNS:
            if key in a and key in b and a[key]:
                ratio = b[key] / a[key]
                target = f" (target ≤ {GROWTH_TARGET}×)" if key in TARGETED else ""
                met = "" if not target else (" ok" if ratio <= GROWTH_TARGET else " MISSED")
                ok = ok and (not target or ratio <= GROWTH_TARGET)
                print(f"  {label if label != 'p95' else key}: ×{ratio:.2f}{target}{met}")
    for r in results:
        if r["articles"] == 50_000:
            met = r["ingest_s"] <= INGEST_50K_TARGET_S
            ok = ok and met
            verdict = "" if met else " MISSED"
            limit = f"target ≤ {INGEST_50K_TARGET_S:g} s"
            print(f"ingest of 50,000 articles: {r['ingest_s']} s ({limit}){verdict}")
        if "loader_vs_copy" in r:
            met = r["loader_vs_copy"] <= COPY_RATIO_TARGET
            ok = ok and met
            print(
                f"{r['articles']:,}: loader / COPY of the same rows ×{r['loader_vs_copy']} "
                f"(target ≤ {COPY_RATIO_TARGET:g}×){'' if met else ' MISSED'}; "
                f"in CPU time ×{r['loader_vs_copy_cpu']}"
            )
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000", help="article counts, comma-separated")
    ap.add_argument("--requests", type=int, default=300, help="partners requests in the random (cached) run")
    ap.add_argument("--computed", type=int, default=100, help="partners requests computed afresh")
    ap.add_argument("--search", type=int, default=100, help="/search requests")
    ap.add_argument("--timeline", type=int, default=100, help="/timeline requests")
    ap.add_argument("--no-copy", dest="copy", action="store_false", help="skip the COPY reference")
    ap.add_argument("--no-serve", dest="serve", action="store_false", help="loading figures only")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    results = [one_size(n, args) for n in sizes]
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = report(results)
    print(json.dumps({"results": results}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
