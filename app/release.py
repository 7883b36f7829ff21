"""`vlkg release`: a versioned, citable bundle of the dataset, ready to deposit (e.g. Zenodo).

    vlkg-<version>/
      vlkg.ttl  vlkg.nt  vlkg.jsonld      the RDF dumps (each ends with its VoID description)
      tables/*.csv  tables/datapackage.json
      void.ttl                            the release description: VoID + DCAT with version,
                                          creator, publisher, licence, temporal and spatial
                                          coverage, counts, byte sizes and SHA-256 checksums
      LICENSE-DATA.md  CITATION.cff  SHA256SUMS

A deposit is cited and checked long after it was made, so everything a reader needs to
trust a file is in the bundle: what it is, under which licence, which version, and a
checksum to verify the copy they downloaded. `void.ttl` describes every other file; it
cannot checksum itself, and SHA256SUMS covers it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, XSD

from app.rdf.export import ExportStats, write_export
from app.rdf.paging import PAGE_SIZE, node_pages
from app.rdf.void import CLASS_OF_KEY, DESCRIPTION_EN, DESCRIPTION_VI, LICENCE, TITLE_EN, TITLE_VI
from app.store.base import GraphStore
from app.tables.export import write_datapackage, write_tables

__all__ = ["ReleaseInfo", "write_release"]

VOID = Namespace("http://rdfs.org/ns/void#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3; rdflib's DCAT is version 2
ROOT = Path(__file__).resolve().parents[1]
#: Copied into every bundle: the data licence and the citation it asks for.
LEGAL_FILES = ("LICENSE-DATA.md", "CITATION.cff")
WIKIDATA = "http://www.wikidata.org/entity/"
SPATIAL = {"Vietnam": WIKIDATA + "Q881", "Laos": WIKIDATA + "Q819"}

_MEDIA = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".csv": "text/csv",
    ".json": "application/json",
    ".md": "text/markdown",
    ".cff": "application/x-yaml",
}


@dataclass
class ReleaseInfo:
    """What was written: the folder, its files with sizes and checksums, and the counts."""

    folder: Path
    version: str
    files: dict[str, tuple[int, str]] = field(default_factory=dict)  # relative path → (bytes, sha256)
    stats: ExportStats = field(default_factory=ExportStats)
    rows: dict[str, int] = field(default_factory=dict)


def _legal_file(name: str) -> bytes:
    """`name` from the checkout, else from the installed wheel's metadata (`license-files`).

    A bundle without its licence cannot be deposited, so a missing file is an error."""
    if (ROOT / name).is_file():
        return (ROOT / name).read_bytes()
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("vlkg").read_text(f"licenses/{name}")
    except PackageNotFoundError:
        text = None
    if text is None:
        raise FileNotFoundError(f"{name} is neither in the checkout nor in the installed vlkg")
    return text.encode("utf-8")


def _digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def _coverage(store: GraphStore) -> tuple[str | None, str | None]:
    dates = [
        str(r["published"])[:10]
        for page in node_pages(store, "Article", PAGE_SIZE)
        for r in page
        if r.get("published")
    ]
    return (min(dates), max(dates)) if dates else (None, None)


def write_release(
    store: GraphStore,
    output: Path,
    *,
    version: str,
    base: str,
    download_base: str | None = None,
    creator: str = "vlkg contributors",
    publisher: str = "vlkg project",
    issued: dt.date | None = None,
) -> ReleaseInfo:
    """Write the bundle under `output/vlkg-<version>/` and return what it holds."""
    folder = output / f"vlkg-{version}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    info = ReleaseInfo(folder, version)
    day = issued or dt.date.today()
    for fmt in ("ttl", "nt", "jsonld"):
        with open(folder / f"vlkg.{fmt}", "wb") as handle:
            info.stats = write_export(store, fmt, handle, base=base, created=day)
    tables = folder / "tables"
    info.rows = write_tables(store, tables)
    write_datapackage(tables, info.rows, version=version, created=f"{day.isoformat()}T00:00:00Z")
    for name in LEGAL_FILES:
        (folder / name).write_bytes(_legal_file(name))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        info.files[path.relative_to(folder).as_posix()] = _digest(path)
    start, end = _coverage(store)
    _void(
        info,
        base,
        download_base or f"{base.rstrip('/')}/releases/{version}/",
        creator,
        publisher,
        day,
        start,
        end,
    )
    info.files["void.ttl"] = _digest(folder / "void.ttl")
    lines = [f"{sha}  {name}\n" for name, (_, sha) in sorted(info.files.items())]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
    return info


def _void(
    info: ReleaseInfo,
    base: str,
    download_base: str,
    creator: str,
    publisher: str,
    day: dt.date,
    start: str | None,
    end: str | None,
) -> None:
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("spdx", SPDX), ("foaf", FOAF)):
        g.bind(prefix, ns)
    ds = URIRef(f"{base.rstrip('/')}/.well-known/void#release-{info.version}")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(f"{TITLE_EN} (release {info.version})", lang="en")))
    g.add((ds, DCTERMS.title, Literal(TITLE_VI, lang="vi")))
    g.add((ds, DCTERMS.description, Literal(DESCRIPTION_EN, lang="en")))
    g.add((ds, DCTERMS.description, Literal(DESCRIPTION_VI, lang="vi")))
    g.add((ds, DCTERMS.license, URIRef(LICENCE)))
    g.add(
        (
            ds,
            DCTERMS.rights,
            Literal(
                "Facts: CC BY 4.0. Quoted evidence sentences remain their publishers' text, "
                "cited for provenance.",
                lang="en",
            ),
        )
    )
    g.add((ds, DCAT_VERSION, Literal(info.version)))
    g.add((ds, OWL.versionInfo, Literal(info.version)))
    g.add((ds, DCTERMS.issued, Literal(day.isoformat(), datatype=XSD.date)))
    for prop, name in ((DCTERMS.creator, creator), (DCTERMS.publisher, publisher)):
        agent = BNode()
        g.add((ds, prop, agent))
        g.add((agent, RDF.type, FOAF.Agent))
        g.add((agent, FOAF.name, Literal(name)))
    if start and end:
        period = BNode()
        g.add((ds, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(start, datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(end, datatype=XSD.date)))
    for place in SPATIAL.values():
        g.add((ds, DCTERMS.spatial, URIRef(place)))
    g.add((ds, VOID.triples, Literal(info.stats.triples, datatype=XSD.integer)))
    g.add(
        (
            ds,
            VOID.entities,
            Literal(sum(info.stats.entities.get(k, 0) for k in CLASS_OF_KEY), datatype=XSD.integer),
        )
    )
    for key, cls in CLASS_OF_KEY.items():
        part = URIRef(f"{ds}-class-{key}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(info.stats.entities.get(key, 0), datatype=XSD.integer)))
    for name, (size, sha) in sorted(info.files.items()):
        dist = URIRef(f"{ds}-file-{name.replace('/', '-')}")
        url = URIRef(download_base + name)
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(name)))
        g.add((dist, DCAT.downloadURL, url))
        media = _MEDIA.get(Path(name).suffix)
        if media:
            g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
        g.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode()
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(sha, datatype=XSD.hexBinary)))
        if Path(name).suffix in (".ttl", ".nt", ".jsonld"):
            g.add((ds, VOID.dataDump, url))
        if name.startswith("tables/") and Path(name).stem in info.rows:
            g.add((dist, DCTERMS.description, Literal(f"{info.rows[Path(name).stem]} rows")))
    g.serialize(destination=str(info.folder / "void.ttl"), format="turtle")
