"""Streamed RDF export vs an rdflib Graph + serialize(), on synthetic graphs of two sizes.

    python bench/bench_export.py                      # 500 and 2000 articles (~110k, ~420k triples)
    python bench/bench_export.py --articles 500 4000 --json out.json

What it measures, in one run:
- time: for each format, the streamed export (`app.rdf.export.write_export`) against
  reading the same triples (same queries, same mapping) into an rdflib `Graph` and calling
  `serialize()`; both write to /dev/null. Run in this process, at the smaller size.
- memory: each method runs in its own subprocesses at both sizes and reports its peak
  resident set size (`ru_maxrss`) and its growth over the resident size it had before the
  export started (store open, modules imported), so the figures compare the export alone.
  A flat streamed peak across the two sizes is the point; the rdflib peak grows with the
  graph.

The synthetic facts are generated (fixed seed): every article has a partnership, an
official, an agreement signed by that official, a funded project and a visit, between
provinces drawn from the gazetteer, with a sentence of evidence each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.facts import (  # noqa: E402
    AgreementFact,
    ArticleFacts,
    EventFact,
    Evidence,
    OfficialFact,
    PartnershipFact,
    ProjectFact,
)
from app.gazetteer import gazetteer  # noqa: E402

FORMATS = {"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}
DAY = dt.date(2025, 1, 1)


def synthetic_articles(n: int, seed: int = 7) -> Iterator[ArticleFacts]:
    rnd = random.Random(seed)
    gaz = gazetteer()
    vns = [p for p in gaz.provinces if p.country == "VN" and p.iso]
    las = [p for p in gaz.provinces if p.country == "LA" and p.iso]
    for i in range(n):
        vn, la = rnd.choice(vns), rnd.choice(las)
        year = rnd.randint(2010, 2024)
        published = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        name = f"Official {i:06d} Synthetic"

        def ev(what: str, i: int = i, vn: str = vn.name_vi, la: str = la.name_vi, y: int = year) -> Evidence:
            text = f"Synthetic sentence {i}: {what} between {vn} and {la} in {y}."
            return Evidence(sentence=text, start=0, end=len(text), zone="body")

        yield ArticleFacts(
            id=f"{i:016x}",
            source=f"synthetic/{i}.txt",
            url=f"https://synthetic.example/{i}",
            title=f"Synthetic article {i}",
            published=published,
            outlet="synthetic.example",
            partnerships=[
                PartnershipFact(
                    vn=vn.iso or vn.id, la=la.iso or la.id, kind="visit", evidence=ev("cooperation")
                )
            ],
            officials=[
                OfficialFact(
                    name=name, province=vn.iso, positions=["Chủ tịch UBND tỉnh"], evidence=ev("an official")
                )
            ],
            agreements=[
                AgreementFact(
                    parties=[vn.iso or vn.id, la.iso or la.id],
                    kind="memorandum",
                    signed_year=year,
                    period=(year, year + 5),
                    fields=["giáo dục"],
                    sectors=["education"],
                    signatories=[name],
                    evidence=ev("a memorandum"),
                )
            ],
            projects=[
                ProjectFact(
                    funder=vn.iso,
                    beneficiary=la.iso,
                    description=f"Synthetic project {i}",
                    amount=float(rnd.randint(1, 500)) * 1e6,
                    currency="VND",
                    years=(year, year + 1),
                    evidence=ev("aid"),
                )
            ],
            events=[
                EventFact(
                    kind="visit",
                    date=published.isoformat(),
                    host=vn.iso,
                    visitor=la.iso,
                    leader=name,
                    evidence=ev("a visit"),
                )
            ],
        )


def build_store(directory: Path, articles: int) -> None:
    from app.store.embedded import EmbeddedStore
    from ingest.load import load_articles

    store = EmbeddedStore(directory)
    try:
        report = load_articles(store, synthetic_articles(articles), batch_size=1000)
        assert not report.failed, report.failed[:3]
    finally:
        store.close()


# -- the two methods -------------------------------------------------------------------------


def streamed(store: Any, fmt: str, sink: Any) -> int:
    from app.rdf.export import write_export

    return write_export(store, fmt, sink, created=DAY).triples


def with_rdflib(store: Any, fmt: str, sink: Any) -> int:
    """The same triples (same queries and mapping) into a Graph, then serialize()."""
    from rdflib import Graph, Literal, URIRef

    from app.rdf import void
    from app.rdf.export import ExportStats, data_batches
    from app.rdf.mapping import Mapper
    from app.rdf.terms import Block, Lit

    graph = Graph()
    add = graph.add
    stats = ExportStats()
    mapper = Mapper()

    def load(batches: Iterable[list[Block]]) -> None:
        for batch in batches:
            for s, pairs in batch:
                subject = URIRef(s)
                for p, o in pairs:
                    obj = (
                        Literal(o.lex, lang=o.lang, datatype=o.datatype) if isinstance(o, Lit) else URIRef(o)
                    )
                    add((subject, URIRef(p), obj))

    load(data_batches(store, mapper, stats))
    load(void.description(store, mapper.base, stats.triples, stats.entities, DAY))
    graph.serialize(destination=sink, format=FORMATS[fmt], encoding="utf-8")
    return len(graph)


METHODS = {"streamed": streamed, "rdflib": with_rdflib}


def _status_kb(field: str) -> int:
    """A memory figure of this process from /proc/self/status (Linux), in kB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> bool:
    """Reset the peak RSS (VmHWM) so it covers the export only (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def child(method: str, store_dir: str, fmt: str, trace: str) -> None:
    """Run one method once and print its figures as JSON (run in a fresh interpreter).

    With `trace` = "1" the Python heap peak is measured with tracemalloc instead (slower,
    so its time and RSS are not reported).
    """
    from app.store.embedded import EmbeddedStore

    store = EmbeddedStore(Path(store_dir), read_only=True)
    import rdflib  # noqa: F401  (both methods pay for the import before the baseline)

    store.counts()  # open the tables before measuring the baseline
    before = _status_kb("VmRSS")
    # Opening LadybugDB briefly allocates far more than either method needs; without a
    # reset, ru_maxrss would report that start-up spike for both methods alike.
    reset = _reset_peak()
    if trace == "1":
        tracemalloc.start()
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        triples = METHODS[method](store, fmt, sink)
    seconds = time.perf_counter() - start
    heap = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else None
    peak = _status_kb("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store.close()
    print(
        json.dumps(
            {
                "triples": triples,
                "seconds": seconds,
                "rss_before_kb": before,
                "peak_rss_kb": peak,
                "heap_peak_bytes": heap,
            }
        )
    )


def run_child(method: str, store_dir: Path, fmt: str, trace: bool = False) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", method, str(store_dir), fmt, "1" if trace else "0"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- the run ---------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs=2, default=[500, 2000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=list(FORMATS))
    parser.add_argument("--memory-format", default="nt", choices=list(FORMATS))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    from app.store.embedded import EmbeddedStore

    figures: dict[str, Any] = {"python": sys.version.split()[0], "articles": args.articles}
    with tempfile.TemporaryDirectory(prefix="vlkg-bench-export-") as tmp:
        dirs = []
        for n in args.articles:
            d = Path(tmp) / f"store-{n}"
            t = time.perf_counter()
            build_store(d, n)
            print(
                f"built a store of {n} synthetic articles in {time.perf_counter() - t:.1f}s", file=sys.stderr
            )
            dirs.append(d)

        # Time, in this process, at the smaller size.
        store = EmbeddedStore(dirs[0], read_only=True)
        timing = []
        with open(os.devnull, "wb") as sink:
            streamed(store, "nt", sink)  # warm up: statements prepared, pages cached
            for fmt in args.formats:
                # Collect before each run so neither pays for the other's garbage (a freed
                # rdflib Graph leaves millions of objects for the cyclic collector).
                gc.collect()
                t = time.perf_counter()
                triples = streamed(store, fmt, sink)
                fast = time.perf_counter() - t
                gc.collect()
                t = time.perf_counter()
                total = with_rdflib(store, fmt, sink)
                slow = time.perf_counter() - t
                row = {
                    "format": fmt,
                    "data_triples": triples,
                    "triples": total,
                    "streamed_s": round(fast, 3),
                    "rdflib_s": round(slow, 3),
                    "ratio": round(slow / fast, 1),
                }
                timing.append(row)
                print(json.dumps(row), file=sys.stderr)
        store.close()
        figures["time"] = timing

        # Memory, one subprocess per method and size.
        memory = []
        for n, d in zip(args.articles, dirs, strict=True):
            for method in METHODS:
                r = run_child(method, d, args.memory_format)
                heap = run_child(method, d, args.memory_format, trace=True)["heap_peak_bytes"]
                row = {
                    "articles": n,
                    "triples": r["triples"],
                    "method": method,
                    "format": args.memory_format,
                    "seconds": round(r["seconds"], 2),
                    "peak_rss_mb": round(r["peak_rss_kb"] / 1024, 1),
                    "growth_mb": round((r["peak_rss_kb"] - r["rss_before_kb"]) / 1024, 1),
                    "python_heap_peak_mb": round(heap / 2**20, 1),
                }
                memory.append(row)
                print(json.dumps(row), file=sys.stderr)
        figures["memory"] = memory

    print("\n| format | triples | streamed | rdflib Graph + serialize() | ratio |")
    print("|---|---:|---:|---:|---:|")
    for row in figures["time"]:
        print(
            f"| {row['format']} | {row['triples']:,} | {row['streamed_s']:.2f} s | {row['rdflib_s']:.2f} s "
            f"| {row['ratio']}× |"
        )
    print(
        f"\n| articles | triples | method | time ({args.memory_format}) | peak RSS "
        "| RSS growth during export | Python heap peak |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|")
    for row in figures["memory"]:
        print(
            f"| {row['articles']:,} | {row['triples']:,} | {row['method']} | {row['seconds']:.2f} s "
            f"| {row['peak_rss_mb']} MB | {row['growth_mb']} MB | {row['python_heap_peak_mb']} MB |"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    slowest = min(r["ratio"] for r in figures["time"])
    print(f"\nstreamed export is at least {slowest}× faster than rdflib Graph + serialize()")
    return 0 if slowest >= 5 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
