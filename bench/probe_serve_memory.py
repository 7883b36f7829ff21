"""`vlkg serve`'s resident memory phase by phase on one store (issue #12: ≤ 500 MB).

    python bench/probe_serve_memory.py DATA_DIR [--tree OTHER_CHECKOUT] [VAR=VALUE ...]

Serves the embedded store in DATA_DIR with the code of this checkout (or `--tree`, to
compare old code on the same store), extra environment given as VAR=VALUE (e.g.
`VLKG_READ_BUFFER_MB=128`), then sends `bench/bench_scale.py`'s requests in its order
(300 cached and 100 computed partners, 100 `/search`, 100 `/timeline`, one whole
`/export.ttl`) and prints one JSON line: VmRSS/VmHWM in MB after each phase, and 10 s
and 30 s after the dump with no request meanwhile (the server may replace its read handle
after a dump, `EmbeddedStore.shed`); the highest VmRSS seen (every 0.2 s) during the
dump (`export_peak`) and in the 30 s after it (`after_peak`: the new handle's index being
built); the time of the first search and the slowest ones.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.gazetteer import gazetteer  # noqa: E402
from bench.bench_partners_latency import computed, free_port, measure, percentile, stop, timed, wait_ready  # noqa: E402
from bench.synthetic import GIVEN, LAO, SURNAMES  # noqa: E402


def memory(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) // 1024
    return out


@contextlib.contextmanager
def sampled(pid: int, every: float = 0.2) -> Iterator[list[int]]:
    """VmRSS in MB every `every` s while the block runs (a peak between two phases)."""
    seen: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(every):
            seen.append(memory(pid)["VmRSS"])

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        done.set()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("env", nargs="*", help="VAR=VALUE for the server")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose code serves")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    gaz = gazetteer()
    rng = random.Random(args.seed)
    names = [rng.choice(p.names) if p.current or p.country == "LA" else p.iso or p.id for p in gaz.provinces]
    words = [*SURNAMES, *GIVEN, *LAO, "hợp tác", "memorandum", "project"]
    queries = [rng.choice(names) if i % 2 else rng.choice(words) for i in range(100)]
    env = {**os.environ, "VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(args.data)}
    env.update(dict(a.split("=", 1) for a in args.env))
    port = free_port()
    cmd = [
        sys.executable, "-m", "uvicorn", "app.api.main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=args.tree, env=env)
    out: dict[str, object] = {"load_start": os.getloadavg()}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600.0) as client:
            wait_ready(client, proc, timeout=300)
            out["start"] = memory(proc.pid)
            measure(client, names, 300, args.seed)
            computed(client, names, 100, args.seed)
            out["partners"] = memory(proc.pid)
            per = [(timed(client, f"/search?q={quote(q)}")[0], q) for q in queries]
            out["search"] = memory(proc.pid)
            times = sorted(t for t, _ in per)
            out["search_p50_ms"] = round(percentile(times, 50), 2)
            out["search_first_ms"] = round(per[0][0], 1)
            out["search_slowest"] = [(round(t, 1), q) for t, q in sorted(per, reverse=True)[:5]]
            for _ in range(100):
                timed(client, f"/timeline?province={quote(rng.choice(names))}")
            out["timeline"] = memory(proc.pid)
            with sampled(proc.pid) as during:
                ms, _body = timed(client, "/export.ttl")
                out["export"] = memory(proc.pid)
            out["export_s"] = round(ms / 1000, 1)
            out["export_peak"] = max(during, default=0)
            with sampled(proc.pid) as after:
                time.sleep(10)
                out["export_10s"] = memory(proc.pid)
                time.sleep(20)
                out["export_30s"] = memory(proc.pid)
            out["after_peak"] = max(after, default=0)
    finally:
        stop(proc)
    out["load_end"] = os.getloadavg()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
