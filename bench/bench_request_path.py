"""Requests per second of cached `/province/{name}/partners` vs a bare FastAPI endpoint.

    python bench/bench_request_path.py [--articles 10000] [--connections 32] [--seconds 5] [--store DIR]
                                       [--query sources_limit=20]

Builds (or reuses, `--store DIR`) a synthetic embedded store as the other benchmarks do,
and serves it with uvicorn in a subprocess the way `vlkg serve` does; a second uvicorn
serves `bench/bare_app.py` (one `async def` endpoint returning a small JSON object) the
same way. A small asyncio HTTP/1.1 client (raw keep-alive sockets, so the load generator
costs as little as possible and the same for both) keeps `--connections` requests in
flight for `--seconds` against each, without and with `Accept-Encoding: gzip`. Partners
answers are warmed first, so every measured request is a cached answer. Servers and
client run on this machine, so they share its cores: compare within one run only.

Prints req/s for the four runs and the ratio partners / bare, with the 0.6 target of
issue #12; exit status 1 when a ratio is below it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_partners_latency import build, free_port, serve, stop, wait_ready  # noqa: E402

TARGET_RATIO = 0.6
#: Lao provinces (large answers: every Vietnamese partner with its sources).
PROVINCES = ["Khammouane", "Savannakhet", "Champasak", "Vientiane Capital", "Luang Prabang", "Houaphanh"]


def serve_bare(port: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "uvicorn", "bench.bare_app:app",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ))


async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one request on a keep-alive connection and read its whole response; its size."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if status != 200:
        raise RuntimeError(f"status {status}: {head[:200]!r}")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return length


async def load(port: int, paths: list[str], connections: int, seconds: float, gzip: bool) -> dict[str, float]:
    """Keep `connections` requests in flight for `seconds`; requests/s and mean bytes."""
    enc = b"Accept-Encoding: gzip\r\n" if gzip else b""
    requests = [
        f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode() + enc + b"Accept: application/json\r\n\r\n"
        for p in paths
    ]
    done = 0
    size = 0
    stop = time.perf_counter() + seconds

    async def worker(i: int) -> None:
        nonlocal done, size
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        k = i
        try:
            while time.perf_counter() < stop:
                n = await _one(reader, writer, requests[k % len(requests)])
                size += n  # not `size += await …`: that reads `size` before the await
                done += 1
                k += 1
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(connections)))
    elapsed = time.perf_counter() - t0
    return {"rps": round(done / elapsed, 1), "mean_bytes": round(size / max(done, 1))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="build the graph here once and reuse it")
    ap.add_argument(
        "--query", default="", help="added to every partners request, e.g. sources_limit=20 (the old default)"
    )
    args = ap.parse_args(argv)
    paths = [f"/province/{quote(p)}/partners" + (f"?{args.query}" if args.query else "") for p in PROVINCES]
    with tempfile.TemporaryDirectory(prefix="vlkg-bench-") as tmp:
        data_dir = args.store or Path(tmp) / "data"
        info = data_dir / "bench-graph.json"
        if args.store and info.exists() and json.loads(info.read_text())["key"] == [args.articles, args.seed]:
            graph = json.loads(info.read_text())["graph"]
        else:
            graph = build(data_dir, args.articles, args.seed)
            info.write_text(json.dumps({"key": [args.articles, args.seed], "graph": graph}))
        print(f"graph: {graph}", flush=True)
        api_port, bare_port = free_port(), free_port()
        api, bare = serve(data_dir, api_port), serve_bare(bare_port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{api_port}", timeout=60.0) as c:
                wait_ready(c, api)
                for p in paths:  # computed once: everything measured is a cached answer
                    c.get(p).raise_for_status()
                    c.get(p, headers={"Accept-Encoding": "gzip"}).raise_for_status()
            with httpx.Client(base_url=f"http://127.0.0.1:{bare_port}", timeout=60.0) as c:
                deadline = time.monotonic() + 30
                while True:
                    try:
                        c.get("/bare").raise_for_status()
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.2)
            runs: dict[str, dict[str, float]] = {}
            for gzip in (False, True):
                tag = "gzip" if gzip else "identity"
                for name, port, ps in (("bare", bare_port, ["/bare"]), ("partners", api_port, paths)):
                    asyncio.run(load(port, ps, args.connections, 1.0, gzip))  # warm-up
                    runs[f"{name}_{tag}"] = asyncio.run(load(port, ps, args.connections, args.seconds, gzip))
        finally:
            for proc in (api, bare):
                stop(proc)
    ratios = {
        tag: round(runs[f"partners_{tag}"]["rps"] / runs[f"bare_{tag}"]["rps"], 2)
        for tag in ("identity", "gzip")
    }
    for tag in ("identity", "gzip"):
        b, p = runs[f"bare_{tag}"], runs[f"partners_{tag}"]
        print(
            f"{tag:8}  bare {b['rps']:8.1f} req/s   cached partners {p['rps']:8.1f} req/s "
            f"({p['mean_bytes']} B each)   ratio {ratios[tag]:.2f} (target ≥ {TARGET_RATIO})"
        )
    print(
        json.dumps(
            {
                "endpoint": "/province/{name}/partners (cached) vs bare",
                **graph,
                "connections": args.connections,
                "seconds": args.seconds,
                "runs": runs,
                "ratios": ratios,
                "loadavg": os.getloadavg(),
            }
        )
    )
    return 0 if min(ratios.values()) >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
