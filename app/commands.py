"""The graph side of `vlkg`: doctor, serve, stats, export, release, validate.

Plain typer functions that `app.cli` registers; each imports what it needs when it runs,
so `vlkg --help` stays fast (issue 12). A `VlkgError` they let through (a store that
cannot be opened) is one line on stderr and exit status 120 (`app.cli`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.console import err, fail, out, say

if TYPE_CHECKING:
    from app.api.schemas import Coverage


def doctor(
    recover: Annotated[
        bool, typer.Option("--recover", help="replay what a stopped writer left (needs no other writer)")
    ] = False,
) -> None:
    """Check that the configured store can be read, and say what to do if not.

    Exit 0 when it can (or there is none yet), 120 when it cannot.
    """
    from app.settings import get_settings
    from app.store import open_store

    settings = get_settings()
    if settings.store != "embedded":
        store = open_store(settings)
        try:
            problem = store.problem()
        finally:
            store.close()
        if problem:
            raise fail(f"the Neo4j database: {problem}")
        say("ok:", "green", f"the Neo4j database {settings.neo4j_database} answers")
        return
    from app.store.embedded import DB_FILE, EmbeddedStore, diagnose, writer_active

    found = diagnose(settings.data_dir)
    if found.cause == "needs recovery" and recover:
        if writer_active(settings.data_dir / DB_FILE):
            raise fail(f"{found.path}: a writer holds it; run `vlkg doctor` again when it is done")
        EmbeddedStore(settings.data_dir, read_only=True, recover=True).close()
        found = diagnose(settings.data_dir)
    if found.cause == "in use":
        say("busy:", "yellow", f"{found.path}: {found.detail}")
        raise typer.Exit(0)
    if found.cause is not None:
        raise fail(str(found.error()))
    if found.detail == "no store yet":
        say("ok:", "green", f"{settings.data_dir}: no store yet; `vlkg ingest` creates one")
        return
    store = EmbeddedStore(settings.data_dir, read_only=True)
    try:
        counts = store.counts()
        generation = store.generation
    finally:
        store.close()
    articles = counts["nodes"].get("Article", 0)
    say("ok:", "green", f"{found.path}: readable, {articles} articles, generation {generation or 'none yet'}")


def serve(
    host: Annotated[str, typer.Option(help="interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Run the HTTP API (OpenAPI docs at /docs).

    Answers link to `VLKG_BASE_URI`; when it is not set, to this server (`--host`/`--port`),
    so the URIs in a JSON answer dereference on the server that gave them."""
    import uvicorn

    from app.api.main import create_app
    from app.settings import get_settings
    from app.uris import local_base_uri

    settings = get_settings()
    if "base_uri" not in settings.model_fields_set:  # neither the environment nor .env sets it
        settings.base_uri = local_base_uri(host, port)
    uvicorn.run(create_app(settings=settings), host=host, port=port)


def stats(
    json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    coverage: Annotated[
        bool,
        typer.Option(
            "--coverage",
            help="articles by year, outlet and province, facts by confidence tier, provinces without partner",
        ),
    ] = False,
) -> None:
    """Counts by node label and relationship type, or (--coverage) what the graph covers."""
    import orjson
    from rich.table import Table

    from app.settings import get_settings
    from app.store import open_reader

    store = open_reader(get_settings())
    try:
        if coverage:
            from app.api.coverage import coverage as coverage_of
            from app.gazetteer import gazetteer

            report = coverage_of(store, gazetteer())
        else:
            counts = store.counts()
    except RuntimeError as exc:  # the engine failing on data it opened: damaged files
        raise fail(
            f"{get_settings().data_dir}: damaged ({str(exc).splitlines()[0]}); run `vlkg doctor`"
        ) from exc
    finally:
        store.close()
    if coverage:
        _print_coverage(report, json)
        return
    if json:
        sys.stdout.buffer.write(orjson.dumps(counts, option=orjson.OPT_INDENT_2) + b"\n")
        return
    table = Table("kind", "name", "count")
    for kind, values in (("node", counts["nodes"]), ("relationship", counts["relationships"])):
        for name, n in values.items():
            table.add_row(kind, name, str(n))
    out.print(table)


def _print_coverage(report: Coverage, as_json: bool) -> None:
    import orjson
    from rich.table import Table

    if as_json:
        sys.stdout.buffer.write(
            orjson.dumps(report.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n"
        )
        return
    out.print(f"{report.articles} articles, {report.facts} facts")
    years = Table("year", "articles", title="articles by year")
    for y in report.by_year:
        years.add_row(str(y.year) if y.year is not None else "undated", str(y.articles))
    outlets = Table("outlet", "articles", title="articles by outlet")
    for o in report.by_outlet:
        outlets.add_row(o.outlet or "unknown", str(o.articles))
    provinces = Table("province", "articles", title="articles by province")
    for p in report.by_province:
        provinces.add_row(f"{p.province.name} ({p.province.iso or p.province.id})", str(p.articles))
    tiers = Table("tier", "from confidence", "facts", title="facts by confidence tier")
    for t in report.facts_by_tier:
        tiers.add_row(t.tier, "" if t.min_confidence is None else f"{t.min_confidence:g}", str(t.facts))
    for table in (years, outlets, provinces, tiers):
        out.print(table)
    names = ", ".join(p.name for p in report.provinces_without_partner) or "none"
    out.print(f"no partner found ({len(report.provinces_without_partner)}): {names}", soft_wrap=True)


def export(
    format: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, jsonld, csv or xlsx")] = "ttl",
    output: Annotated[
        str, typer.Option("--output", "-o", help="file (.gz compresses; a folder for csv); - is stdout")
    ] = "-",
) -> None:
    """Write the graph as RDF (streamed, VoID at the end) or as tables (CSV + datapackage, XLSX)."""
    from app.tables.command import TABLE_FORMATS, tables_command

    if format.lower() in TABLE_FORMATS:
        raise typer.Exit(tables_command(format.lower(), output))
    from app.rdf.commands import export_command

    raise typer.Exit(export_command(format, output))


def release(
    output: Annotated[Path, typer.Option("--output", "-o", help="folder to write vlkg-<version>/ into")],
    version: Annotated[str | None, typer.Option(help="release version (default: the package's)")] = None,
    download_base: Annotated[
        str | None, typer.Option(help="URL the files will be downloadable under (e.g. the deposit's)")
    ] = None,
    creator: Annotated[str, typer.Option(help="dcterms:creator of the release")] = "vlkg contributors",
    publisher: Annotated[str, typer.Option(help="dcterms:publisher of the release")] = "vlkg project",
) -> None:
    """Write a versioned, citable bundle: RDF dumps, CSV + datapackage, VoID/DCAT with checksums."""
    from rich.table import Table

    from app.cli import package_version
    from app.release import write_release
    from app.settings import get_settings
    from app.store import StoreError, open_reader

    settings = get_settings()
    if version is None:
        version = package_version()
    try:
        store = open_reader(settings)
    except StoreError as exc:
        raise fail(str(exc), 2) from exc
    try:
        info = write_release(
            store,
            output,
            version=version,
            base=settings.base_uri,
            download_base=download_base,
            creator=creator,
            publisher=publisher,
        )
    except (StoreError, OSError) as exc:
        raise fail(f"release stopped: {exc}", 2) from exc
    finally:
        store.close()
    table = Table(title=f"vlkg release {version} → {info.folder}", show_header=True)
    table.add_column("file")
    table.add_column("bytes", justify="right")
    table.add_column("sha256")
    for name, (size, sha) in sorted(info.files.items()):
        table.add_row(name, f"{size:,}", sha[:16] + "…")
    err.print(table)


def validate(
    dump: Annotated[Path | None, typer.Argument(help="a dump to check (default: export the store)")] = None,
    limit: Annotated[int, typer.Option(min=1, help="violations to print")] = 20,
) -> None:
    """Check the RDF export against the SHACL shapes (exit 1 on violations)."""
    from app.rdf.commands import validate_command

    raise typer.Exit(validate_command(dump, limit=limit))
