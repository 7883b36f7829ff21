"""How the streamed export grows with the graph: one dump per store size, and the ratio.

    python bench/bench_export_scale.py --articles 10000 50000 --stores /tmp/vlkg-scale
    python bench/bench_export_scale.py --articles 1000 10000 --format nt --runs 3

Each size gets an embedded store of synthetic articles (`bench_export.synthetic_articles`,
fixed seed), built once into `--stores DIR/store-N` and reused by later runs (building
50,000 articles takes ~15 minutes here). Each dump runs in a fresh subprocess, read-only
and pinned like `GET /export.ttl`, writing to /dev/null; the best of `--runs` is kept,
with the subprocess's peak RSS. The target of issue 12: from 10,000 to 50,000 articles
the time grows at most 5.5× (4.7× the triples), i.e. the dump is linear.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def child(store_dir: str, fmt: str) -> None:
    from app.rdf.export import write_export
    from app.store.embedded import EmbeddedStore

    store = EmbeddedStore(Path(store_dir), read_only=True)
    with store.pinned() as view, open(os.devnull, "wb") as sink:
        t = time.perf_counter()
        stats = write_export(view, fmt, sink)
        seconds = time.perf_counter() - t
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "triples": stats.triples, "peak_rss_kb": peak}))


def dump(store_dir: Path, fmt: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(store_dir), fmt],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs=2, default=[1000, 10000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--format", default="ttl", choices=("nt", "ttl", "jsonld"))
    parser.add_argument("--runs", type=int, default=2, help="dumps per size; the fastest is kept")
    parser.add_argument("--stores", type=Path, help="keep (and reuse) the stores here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    from bench.bench_export import build_store

    with tempfile.TemporaryDirectory(prefix="vlkg-bench-scale-") as tmp:
        where = args.stores or Path(tmp)
        rows = []
        for n in args.articles:
            store_dir = where / f"store-{n}"
            if not (store_dir / "vlkg.lbdb").exists():
                t = time.perf_counter()
                build_store(store_dir, n)
                print(f"built {n} articles in {time.perf_counter() - t:.0f}s", file=sys.stderr)
            runs = [dump(store_dir, args.format) for _ in range(max(1, args.runs))]
            best = min(runs, key=lambda r: r["seconds"])
            row = {
                "articles": n,
                "format": args.format,
                "triples": int(best["triples"]),
                "seconds": round(best["seconds"], 2),
                "all_seconds": [round(r["seconds"], 2) for r in runs],
                "peak_rss_mb": round(best["peak_rss_kb"] / 1024),
            }
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    small, large = rows
    growth = large["seconds"] / small["seconds"]
    print(f"\n| articles | triples | {args.format} dump (best of {args.runs}) | peak RSS |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['triples']:,} | {r['seconds']} s | {r['peak_rss_mb']} MB |")
    print(
        f"\ngrowth {small['articles']:,} → {large['articles']:,} articles: {growth:.2f}× the time, "
        f"{large['triples'] / small['triples']:.2f}× the triples"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
