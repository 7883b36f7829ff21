"""Export the graph while `vlkg ingest` loads more, and validate every dump with SHACL (issue 11).

    python -m bench.probe_export_during_ingest                 # embedded store
    python -m bench.probe_export_during_ingest --store neo4j   # NEO4J_URI, NEO4J_PASSWORD, ...

A first ingest loads `--base` synthetic articles; a second one, in a subprocess, loads
those again and `--more` new ones in batches of `--batch`. While it runs, this process
streams the N-Triples dump again and again, each from a pinned store
(`GraphStore.pinned(dump=True)`: one LadybugDB handle, or one Neo4j read transaction), and
validates each dump against the SHACL shapes (app/data/shapes.ttl) once the ingest is
done. A dump that mixed two states of the graph (a relationship whose end was not
exported, a fact citing an article that is not in the dump) would break the shapes. It
also checks that every dump holds a whole ingest: `--base` articles (before the second
ingest) or `--base` + `--more` (after it), never a count between. Exit status 1 if any
dump has a violation, holds part of an ingest, or none was taken during the ingest.

On the embedded store a reader sees only published loads (the last batch of an ingest
publishes it); on Neo4j the whole ingest is one write transaction (`Neo4jStore.loading`),
which readers see only once it commits. So a dump holds the graph before or after an
ingest on both. (A Neo4j ingest above VLKG_NEO4J_WHOLE_LOAD_ARTICLES commits in parts;
the dump is then still whole for the articles it lists, because a part commits an
article with all its facts and never deletes, and the dump cuts every fact to the
articles it listed first: `within`, app/rdf/export.py.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from app.rdf import vocab as V
from app.rdf.export import ExportStats
from app.rdf.validate import export_graph, validate_graph
from app.store.base import GraphStore
from bench.probe_kill import write_facts

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Dump:
    """One dump taken while the ingest ran: what it held and what SHACL said."""

    seconds: float
    articles: int
    triples: int
    #: Facts the dump cut: narrowed, or left out (supported by articles it does not hold).
    narrowed: int = 0
    violations: int = -1
    first: str = ""
    #: Summary values that disagree with the provenance the dump states (`summaries`).
    disagreements: int = -1
    first_disagreement: str = ""


def summaries(graph: Graph) -> list[str]:
    """The summary values of `graph` that disagree with its provenance: a partnership's
    `vlkg:articleCount` against its distinct `prov:wasDerivedFrom` articles, and a tenure's
    or district twinning's `vlkg:firstYear`/`vlkg:lastYear` against the `vlkg:year` of the
    articles it cites (the values a load derives from provenance alone)."""
    cited = URIRef(V.PROV_WAS_DERIVED_FROM)

    def years_of(s: Node) -> list[int]:
        return [int(str(y)) for a in graph.objects(s, cited) for y in graph.objects(a, URIRef(V.YEAR))]

    def one(s: Node, p: str) -> int | None:
        found = [int(str(o)) for o in graph.objects(s, URIRef(p))]
        return found[0] if found else None

    out = []
    for s in graph.subjects(RDF.type, URIRef(V.PARTNERSHIP)):
        count, articles = one(s, V.ARTICLE_COUNT), len(set(graph.objects(s, cited)))
        if count is not None and count != articles:
            out.append(f"{s}: articleCount {count}, {articles} articles cited")
    for kind in (V.TENURE, V.DISTRICT_PARTNERSHIP):
        for s in graph.subjects(RDF.type, URIRef(kind)):
            years = years_of(s)
            want = (min(years), max(years)) if years else (None, None)
            got = (one(s, V.FIRST_YEAR), one(s, V.LAST_YEAR))
            if got != want:
                out.append(f"{s}: years {got}, the cited articles' {want}")
    return out


def neo4j_env() -> dict[str, str]:
    return {
        "NEO4J_URI": os.environ["NEO4J_URI"],
        "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "neo4j"),
        "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j"),
    }


def ingest(kind: str, data: Path, facts: Path, batch: int) -> subprocess.Popen[bytes]:
    """`vlkg ingest FACTS` in a subprocess, on the embedded store in `data` or on Neo4j."""
    env = {**os.environ, "VLKG_STORE": kind, "VLKG_DATA_DIR": str(data)}
    if kind == "neo4j":
        env.update(neo4j_env())
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", str(facts), "--batch-size", str(batch)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def open_reader(kind: str, data: Path) -> GraphStore:
    """What a server reads through: a read-only handle, or a Neo4j driver."""
    if kind == "neo4j":
        from app.store.neo4j import Neo4jStore

        s = neo4j_env()
        return Neo4jStore(s["NEO4J_URI"], s["NEO4J_USER"], s["NEO4J_PASSWORD"], s["NEO4J_DATABASE"])
    from app.store.embedded import EmbeddedStore

    return EmbeddedStore(data, read_only=True)


def clear_neo4j() -> None:
    store = open_reader("neo4j", Path())
    try:
        store.clear()
    finally:
        store.close()


def probe(kind: str, work: Path, base: int, more: int, batch: int, limit: int = 50) -> list[Dump]:
    """Run the probe in `work`; returns the dumps taken during the second ingest."""
    data = work / "data"
    first, second = work / "first.json", work / "second.json"
    write_facts(first, base)
    write_facts(second, base + more)  # the same `base` articles again, then `more` new ones
    if kind == "neo4j":
        clear_neo4j()
    done = ingest(kind, data, first, batch)
    if done.wait() != 0:
        raise RuntimeError(f"the first ingest failed: {done.stderr.read().decode() if done.stderr else ''}")
    reader = open_reader(kind, data)
    graphs: list[tuple[Dump, Graph]] = []
    try:
        proc = ingest(kind, data, second, batch)
        while proc.poll() is None and len(graphs) < limit:
            reader.refresh()
            stats = ExportStats()
            t = time.perf_counter()
            with reader.pinned(dump=True) as view:
                graph = export_graph(view, stats)
            if proc.poll() is not None:
                break  # the dump was not taken entirely during the ingest: not counted
            dump = Dump(round(time.perf_counter() - t, 2), stats.articles, stats.triples, stats.narrowed)
            graphs.append((dump, graph))
        _, err = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"the second ingest failed: {err.decode(errors='replace')[-2000:]}")
    finally:
        reader.close()
    for dump, graph in graphs:
        report = validate_graph(graph)
        dump.violations = len(report.violations)
        dump.first = report.summary(1) if report.violations else ""
        wrong = summaries(graph)
        dump.disagreements = len(wrong)
        dump.first_disagreement = wrong[0] if wrong else ""
    return [d for d, _ in graphs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    parser.add_argument("--base", type=int, default=200, help="articles loaded before (default 200)")
    parser.add_argument("--more", type=int, default=2000, help="articles the probed ingest adds (2000)")
    parser.add_argument("--batch", type=int, default=20, help="articles per batch of that ingest (20)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vlkg-probe-export-") as tmp:
        dumps = probe(args.store, Path(tmp), args.base, args.more, args.batch)
    for d in dumps:
        print(json.dumps(asdict(d), ensure_ascii=False))
    bad = [d for d in dumps if d.violations or d.disagreements]
    seen = sorted({d.articles for d in dumps})
    partial = [n for n in seen if n not in (args.base, args.base + args.more)]
    print(
        f"{args.store}: {len(dumps)} dumps during the ingest, articles seen {seen}, "
        f"{'only whole ingests' if not partial else f'part of an ingest in {partial}'}, "
        f"{sum(d.violations for d in dumps)} SHACL violations, "
        f"{sum(d.disagreements for d in dumps)} summary values disagreeing with provenance "
        f"({sum(d.narrowed for d in dumps)} facts narrowed or left out by the cut)"
    )
    return 1 if bad or partial or not dumps else 0


if __name__ == "__main__":
    raise SystemExit(main())
