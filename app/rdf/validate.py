"""SHACL validation of the export with pyshacl.

Validation needs the whole graph in memory (pyshacl works on an rdflib Graph), so it is
the one place the dump is parsed into a Graph; the export itself never builds one. The
N-Triples dump is used because it is the fastest of the three formats to parse.
"""

from __future__ import annotations

import functools
import gzip
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace
from rdflib.term import Node

from app.rdf.export import ExportStats, write_export
from app.store.base import GraphStore

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def summary(self, limit: int = 20) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, 0 violations"
        lines = [f"{len(self.violations)} violation(s) in {self.triples} triples:"]
        for v in self.violations[:limit]:
            where = f" {v.path}" if v.path else ""
            lines.append(f"  {v.severity}: <{v.focus}>{where}: {v.message}")
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


@functools.cache
def shapes() -> Graph:
    """The shapes graph, app/data/shapes.ttl, parsed once per process."""
    text = (resources.files("app") / "data" / "shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _str(node: Node | None) -> str:
    return "" if node is None else str(node)


def validate_graph(data: Graph, shapes_graph: Graph | None = None) -> Report:
    """Run the shapes over `data` (no inference: the export states every type it means)."""
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph if shapes_graph is not None else shapes(),
        inference="none",
        advanced=True,
        allow_warnings=False,
    )
    report = Report(conforms=bool(conforms), triples=len(data))
    assert isinstance(results, Graph)
    for result in results.subjects(SH.resultSeverity, None):
        report.violations.append(
            Violation(
                focus=_str(results.value(result, SH.focusNode)),
                path=_str(results.value(result, SH.resultPath)),
                message=_str(results.value(result, SH.resultMessage)),
                severity=_str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                shape=_str(results.value(result, SH.sourceShape)),
            )
        )
    report.violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return report


def export_graph(store: GraphStore, stats: ExportStats | None = None) -> Graph:
    """The store's N-Triples dump, parsed (spooled through a temporary file, not a string)."""
    with tempfile.TemporaryFile() as fh:
        got = write_export(store, "nt", fh)
        if stats is not None:
            stats.triples, stats.entities, stats.articles = got.triples, got.entities, got.articles
            stats.narrowed = got.narrowed
        fh.seek(0)
        graph = Graph()
        graph.parse(source=fh, format="nt")
    return graph


def validate_file(path: Path, fmt: str | None = None) -> Report:
    """Validate an existing dump (`.nt`, `.ttl`, `.jsonld`, optionally `.gz`)."""
    name = path.name.removesuffix(".gz")
    fmt = fmt or {"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}.get(name.rsplit(".", 1)[-1], "turtle")
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return validate_graph(Graph().parse(data=data, format=fmt))
