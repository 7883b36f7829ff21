"""An article's facts: by its `cites` (key lookups) against the scan of every fact's sources.

    python bench/bench_cites.py [--articles 10000,50000] [--lookups 200] [--stores DIR]
    VLKG_STORE=neo4j NEO4J_URI=... python bench/bench_cites.py --articles 10000

For each size, a store of synthetic articles (`bench/synthetic.py`, five facts each, fixed
seed) is loaded with `load_articles` (into `--stores DIR/cites-N` and reused by later runs
when given; on Neo4j the configured database, cleared first). Then, for `--lookups`
articles drawn at random (the same for both paths, interleaved so both see the same load
on the machine), in this process:

- **lookup**: the article's facts from `GraphStore.cited_by` (its `cites`, then a lookup
  by key per kind) and from the scan that answered before (`scan_citing_*`: `$id IN
  x.sources` over every element of each of the 15 sourced labels and types);
- **/articles/{id}**: the API's answer (`app.api.articles.detail`) by each path;
- **RDF**: the article's description (`app.rdf.describe.describe`) by each path.

Both paths must give the same rows for every article drawn, or the run fails. Prints p50 /
p95 in milliseconds per figure and path, the speed-up, and one JSON line.

`--load-cost N` instead loads N articles into fresh embedded stores `--runs` times each
with and without the loader's `cites` (`ingest.load._cites` replaced by one that leaves
every list empty), alternating, and prints the best time of each: what working out and
storing `cites` costs a load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api.articles import detail  # noqa: E402
from app.gazetteer import gazetteer  # noqa: E402
from app.graph import NODES, RELS  # noqa: E402
from app.rdf.describe import describe  # noqa: E402
from app.rdf.mapping import Mapper  # noqa: E402
from app.store.base import GraphStore, Row  # noqa: E402
from bench.synthetic import articles  # noqa: E402
from ingest.load import load_articles  # noqa: E402

SOURCED = [k for k in (*NODES, *RELS) if (NODES[k] if k in NODES else RELS[k]).sourced]


def scanned(store: GraphStore, article: str) -> dict[str, list[Row]]:
    """The old path: every sourced label and type scanned for the article's id."""
    out = {}
    for kind in SOURCED:
        if rows := store.query(f"scan_citing_{kind}", id=article):
            out[kind] = rows
    return out


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))]


def open_store(n: int, stores: Path | None) -> tuple[GraphStore, float | None]:
    """A store holding `n` synthetic articles, and the load's seconds (None: reused)."""
    if os.environ.get("VLKG_STORE") == "neo4j":
        from app.store.neo4j import Neo4jStore

        store: GraphStore = Neo4jStore(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ["NEO4J_PASSWORD"],
            os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        store.clear()
    else:
        from app.store.embedded import EmbeddedStore

        folder = (stores or Path(tempfile.mkdtemp(prefix="vlkg-cites-"))) / f"cites-{n}"
        reuse = folder.exists()
        store = EmbeddedStore(folder)
        if reuse and store.counts()["nodes"]["Article"] == n:
            return store, None
        store.clear()
    t = time.perf_counter()
    load_articles(store, articles(n))
    return store, time.perf_counter() - t


def run_size(n: int, lookups: int, stores: Path | None, seed: int) -> dict[str, Any]:
    store, load_s = open_store(n, stores)
    gaz = gazetteer()
    mapper = Mapper(gaz=gaz)
    ids = [r["id"] for r in store.query("export_ids_Article")]
    chosen = random.Random(seed).sample(ids, min(lookups, len(ids)))
    paths: dict[str, Callable[[GraphStore, str], dict[str, list[Row]]]] = {
        "cites": type(store).cited_by,
        "scan": scanned,
    }
    cls = type(store)
    real = cls.cited_by
    times: dict[str, dict[str, list[float]]] = {f: {p: [] for p in paths} for f in ("lookup", "api", "rdf")}
    try:
        for aid in chosen:
            answers = {}
            for path, how in paths.items():
                cls.cited_by = how  # type: ignore[method-assign]
                t = time.perf_counter()
                answers[path] = store.cited_by(aid)
                times["lookup"][path].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                detail(store, gaz, aid)
                times["api"][path].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                describe(store, mapper, "Article", aid)
                times["rdf"][path].append((time.perf_counter() - t) * 1000)
            if list(answers["cites"].items()) != list(answers["scan"].items()):
                raise SystemExit(f"article {aid}: cites and the scan disagree")
    finally:
        cls.cited_by = real  # type: ignore[method-assign]
        store.close()
    out: dict[str, Any] = {"articles": n, "lookups": len(chosen), "load_s": load_s}
    for figure, by_path in times.items():
        for path, ms in by_path.items():
            out[f"{figure}_{path}_p50"] = round(percentile(ms, 50), 2)
            out[f"{figure}_{path}_p95"] = round(percentile(ms, 95), 2)
    return out


def _no_cites(builder: Any) -> None:
    """The baseline: every article's `cites` empty (the write statements need the key)."""
    for rec in builder.nodes["Article"].values():
        rec.props["cites"] = []


def load_cost(n: int, runs: int) -> dict[str, Any]:
    """Best load time of `n` articles with and without `cites`, alternating."""
    import ingest.load as loader
    from app.store.embedded import EmbeddedStore

    facts = articles(n)
    real = loader._cites
    best: dict[str, float] = {}
    for i in range(runs):
        for mode in ("with", "without"):
            loader._cites = real if mode == "with" else _no_cites  # type: ignore[assignment]
            store = EmbeddedStore(Path(tempfile.mkdtemp(prefix="vlkg-cites-load-")) / "store")
            try:
                t = time.perf_counter()
                load_articles(store, facts)
                seconds = time.perf_counter() - t
            finally:
                store.close()
                loader._cites = real
            best[mode] = min(best.get(mode, seconds), seconds)
            print(f"  run {i + 1}, {mode:7} cites: {seconds:6.1f} s")
    return {"articles": n, "runs": runs, "with_s": best["with"], "without_s": best["without"]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", default="10000,50000", help="store sizes, comma-separated")
    parser.add_argument("--lookups", type=int, default=200, help="articles drawn per size")
    parser.add_argument("--stores", type=Path, help="folder to keep (and reuse) the embedded stores in")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--load-cost", type=int, metavar="N", help="time loads of N articles instead")
    parser.add_argument("--runs", type=int, default=2, help="loads per mode with --load-cost")
    args = parser.parse_args(argv)
    if args.load_cost:
        r = load_cost(args.load_cost, args.runs)
        print(
            f"{r['articles']:,} articles, best of {r['runs']}: with cites {r['with_s']:.1f} s, "
            f"without {r['without_s']:.1f} s (×{r['with_s'] / r['without_s']:.2f})"
        )
        print(json.dumps({"load_average": os.getloadavg(), "load_cost": r}))
        return 0
    backend = "neo4j" if os.environ.get("VLKG_STORE") == "neo4j" else "embedded"
    results = []
    for n in (int(x) for x in args.articles.split(",")):
        r = run_size(n, args.lookups, args.stores, args.seed)
        results.append(r)
        load = f"loaded in {r['load_s']:.1f} s" if r["load_s"] is not None else "reused"
        print(f"{backend}, {n:,} articles ({load}), {r['lookups']} articles drawn; p50 / p95 ms")
        for figure in ("lookup", "api", "rdf"):
            old = (r[f"{figure}_scan_p50"], r[f"{figure}_scan_p95"])
            new = (r[f"{figure}_cites_p50"], r[f"{figure}_cites_p95"])
            print(
                f"  {figure:7} scan {old[0]:8.2f} / {old[1]:8.2f}   cites {new[0]:7.2f} / {new[1]:7.2f}"
                f"   ×{old[0] / max(new[0], 1e-9):.0f} (p50)"
            )
    print(json.dumps({"backend": backend, "load_average": os.getloadavg(), "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
