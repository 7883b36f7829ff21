"""The `vlkg` command line: fetch, extract, ingest, serve, stats, export, release, validate.

Errors the user can act on (unknown input, locked or unreachable store) print one line
naming the input and the cause and exit non-zero; they never leave a half-written load.
The exit status of `extract` and `ingest` is the number of inputs that failed (capped
at 100), so scripts can tell a clean run from a partial one; an error that stops the run
(store unreachable, locked or of another version, a missing path) exits `STOPPED` (120),
a value no count of failed inputs can take.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from app.facts import ArticleFacts
from app.settings import Settings, get_settings
from app.store import GraphStore, StoreDamaged, StoreError, open_store
from ingest.pipeline import display_name

if TYPE_CHECKING:
    from app.api.schemas import Coverage

cli = typer.Typer(
    name="vlkg",
    help="Knowledge graph of Vietnam–Laos provincial partnerships.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()


def package_version() -> str:
    """The installed distribution's version; a bare checkout on `sys.path` has none."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vlkg")
    except PackageNotFoundError:
        return "0.0.0"


def _print_version(value: bool) -> None:
    if value:
        out.print(f"vlkg {package_version()}", highlight=False)
        raise typer.Exit()


@cli.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Knowledge graph of Vietnam–Laos provincial partnerships."""


Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders (.txt, .html, .json)", show_default=False)
]


def _status(failures: int) -> int:
    return min(failures, 100)


STOPPED = 120


def _say(label: str, style: str, message: str) -> None:
    """One line on stderr: `label` styled, `message` shown as plain text. Paths and input
    text never pass through console markup (`[/y]` in a file name stays `[/y]`), and
    control characters are shown escaped, so no input can drive the terminal."""
    from ingest.pipeline import display_name

    err.print(Text.assemble((label, style), " ", display_name(message)), highlight=False, soft_wrap=True)


def _fail(message: str, code: int = STOPPED) -> typer.Exit:
    _say("error:", "bold red", message)
    return typer.Exit(code)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _collect(
    paths: list[Path], progress: Progress
) -> tuple[list[ArticleFacts], list[tuple[str, str]], list[str]]:
    """Facts for every input: facts files are read, articles are extracted."""
    from ingest.pipeline import extract_paths, iter_inputs

    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise _fail(f"{missing[0]}: no such file or folder")
    files = list(iter_inputs(paths))
    task = progress.add_task("extract", total=len(files))
    run = extract_paths(files, on_progress=lambda *_: progress.advance(task))
    return run.articles, list(run.failures), list(run.warnings)


def _report(warnings: list[str], failures: list[tuple[str, str]]) -> None:
    for w in warnings:
        _say("warning:", "yellow", w)
    for source, reason in failures:
        _say("failed:", "red", f"{source}: {reason}")


@cli.command()
def extract(
    paths: Paths,
    json: Annotated[
        bool,
        typer.Option(
            "--json", help="print the facts document as JSON, an article a line (`vlkg ingest` reads it)"
        ),
    ] = False,
) -> None:
    """Extract facts from articles; touches no store."""
    from ingest.pipeline import facts_lines

    with _progress() as progress:
        articles, failures, warnings = _collect(paths, progress)
    _report(warnings, failures)
    if json:
        for chunk in facts_lines(articles):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    else:
        table = Table("article", "partnerships", "officials", "agreements", "projects", "events")
        for a in articles:
            table.add_row(
                Text(display_name(a.source)),
                str(len(a.partnerships)),
                str(len(a.officials)),
                str(len(a.agreements)),
                str(len(a.projects)),
                str(len(a.events)),
            )
        out.print(table)
    raise typer.Exit(_status(len(failures)))


@cli.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="page URLs", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="corpus folder")] = Path("corpus"),
    urls_file: Annotated[Path | None, typer.Option("--urls", help="file of URLs, one a line")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable)")] = None,
    sitemap: Annotated[list[str] | None, typer.Option("--sitemap", help="sitemap URL (repeatable)")] = None,
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="feed/sitemap entries dated from")
    ] = None,
    match: Annotated[str | None, typer.Option(help="keep URLs matching this regex")] = None,
    relevant_only: Annotated[
        bool, typer.Option("--relevant-only", help="keep pages naming a Vietnamese and a Lao province")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="re-ask the site (conditionally) for pages already fetched")
    ] = False,
    delay: Annotated[float, typer.Option(min=0, help="seconds between requests to one host")] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="seconds per request")] = 20.0,
    retries: Annotated[int, typer.Option(min=0, help="retries on 429, 5xx and timeouts")] = 3,
    concurrency: Annotated[int, typer.Option(min=1, max=32, help="hosts fetched at once")] = 4,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="allow loopback and private addresses")
    ] = False,
) -> None:
    """Download news pages (URLs, feeds, sitemaps) into a corpus folder for `vlkg ingest`."""
    from ingest.fetch.client import FetchConfig
    from ingest.fetch.command import fetch_command

    if not (urls or urls_file or feed or sitemap):
        raise _fail("nothing to fetch: give URLs, --urls FILE, --feed URL or --sitemap URL", 2)
    config = FetchConfig(interval=delay, timeout=timeout, retries=retries, allow_private=allow_private)
    code = fetch_command(
        urls or [],
        output=output,
        urls_file=urls_file,
        feeds=feed,
        sitemaps=sitemap,
        since=since.date() if since else None,
        match=match,
        relevant_only=relevant_only,
        refresh=refresh,
        config=config,
        concurrency=concurrency,
        err=err,
    )
    raise typer.Exit(code)


@cli.command()
def ingest(
    paths: Paths,
    batch_size: Annotated[int | None, typer.Option(min=1, help="articles per transaction")] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="start a new store over an empty, missing or damaged one (its files are kept aside)",
        ),
    ] = False,
) -> None:
    """Extract (where needed) and load into the configured store."""
    from ingest.load import BatchFailed, load_articles

    settings = get_settings()
    with _progress() as progress:
        articles, failures, warnings = _collect(paths, progress)
        try:
            store = _open_writer(settings, force)
        except StoreError as exc:
            raise _fail(str(exc)) from exc
        try:
            task = progress.add_task("load", total=len(articles))
            report = load_articles(
                store,
                articles,
                batch_size=batch_size or settings.batch_size,
                on_batch=lambda n: progress.advance(task, n),
            )
        except BatchFailed as exc:
            raise _fail(f"loading stopped: {exc}") from exc
        finally:
            store.close()
    failures.extend(report.failed)
    _report([*warnings, *report.warnings], failures)
    table = Table(title=f"vlkg ingest → {store.backend}", show_header=False)
    for label, value in (
        ("articles loaded", report.articles),
        ("facts", report.facts),
        ("nodes created", report.nodes_created),
        ("nodes updated", report.nodes_updated),
        ("nodes unchanged", report.nodes_unchanged),
        ("relationships created", report.rels_created),
        ("relationships updated", report.rels_updated),
        ("relationships unchanged", report.rels_unchanged),
        ("warnings", len(warnings) + len(report.warnings)),
        ("failed inputs", len(failures)),
    ):
        table.add_row(label, str(value))
    err.print(table)
    raise typer.Exit(_status(len(failures)))


def _open_writer(settings: Settings, force: bool) -> GraphStore:
    """The store to load into; with `force`, an unreadable embedded store is set aside
    (said on stderr) and a new one started; without it that is refused, naming the cause."""
    if force and settings.store == "embedded":
        from app.store.embedded import diagnose

        found = diagnose(settings.data_dir)
        if found.cause in ("missing", "empty", "damaged"):
            _say(
                "warning:",
                "yellow",
                f"{found.path}: {found.cause}; --force: starting a new store, the old files are "
                "kept beside it (suffix .unreadable-<time>)",
            )
    try:
        return open_store(settings, force=force)
    except StoreDamaged as exc:
        if exc.cause in ("missing", "empty", "damaged"):
            raise StoreDamaged(
                exc.path,
                exc.cause,
                exc.detail,
                "not starting a new store over it without --force; restore it from a backup, "
                "or run `vlkg ingest --force` to start a new one (its files are kept aside)",
            ) from exc
        raise


@cli.command()
def doctor(
    recover: Annotated[
        bool, typer.Option("--recover", help="replay what a stopped writer left (needs no other writer)")
    ] = False,
) -> None:
    """Check that the configured store can be read, and say what to do if not.

    Exit 0 when it can (or there is none yet), 120 when it cannot.
    """
    settings = get_settings()
    if settings.store != "embedded":
        try:
            store = open_store(settings)
        except StoreError as exc:
            raise _fail(str(exc)) from exc
        try:
            problem = store.problem()
        finally:
            store.close()
        if problem:
            raise _fail(f"the Neo4j database: {problem}")
        _say("ok:", "green", f"the Neo4j database {settings.neo4j_database} answers")
        return
    from app.store.embedded import DB_FILE, EmbeddedStore, diagnose, writer_active

    found = diagnose(settings.data_dir)
    if found.cause == "needs recovery" and recover:
        if writer_active(settings.data_dir / DB_FILE):
            raise _fail(f"{found.path}: a writer holds it; run `vlkg doctor` again when it is done")
        try:
            EmbeddedStore(settings.data_dir, read_only=True, recover=True).close()
        except StoreError as exc:
            raise _fail(str(exc)) from exc
        found = diagnose(settings.data_dir)
    if found.cause == "in use":
        _say("busy:", "yellow", f"{found.path}: {found.detail}")
        raise typer.Exit(0)
    if found.cause is not None:
        raise _fail(str(found.error()))
    if found.detail == "no store yet":
        _say("ok:", "green", f"{settings.data_dir}: no store yet; `vlkg ingest` creates one")
        return
    store = EmbeddedStore(settings.data_dir, read_only=True)
    try:
        counts = store.counts()
        generation = store.generation
    finally:
        store.close()
    articles = counts["nodes"].get("Article", 0)
    _say(
        "ok:", "green", f"{found.path}: readable, {articles} articles, generation {generation or 'none yet'}"
    )


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Run the HTTP API (OpenAPI docs at /docs).

    Answers link to `VLKG_BASE_URI`; when it is not set, to this server (`--host`/`--port`),
    so the URIs in a JSON answer dereference on the server that gave them."""
    import uvicorn

    from app.api.main import create_app
    from app.uris import local_base_uri

    settings = get_settings()
    if "base_uri" not in settings.model_fields_set:  # neither the environment nor .env sets it
        settings.base_uri = local_base_uri(host, port)
    uvicorn.run(create_app(settings=settings), host=host, port=port)


@cli.command()
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
    from app.store import open_reader

    try:
        store = open_reader(get_settings())
    except StoreError as exc:
        raise _fail(str(exc)) from exc
    try:
        if coverage:
            from app.api.coverage import coverage as coverage_of
            from app.gazetteer import gazetteer

            report = coverage_of(store, gazetteer())
        else:
            counts = store.counts()
    except RuntimeError as exc:  # the engine failing on data it opened: damaged files
        raise _fail(
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


@cli.command()
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


@cli.command()
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
    from app.release import write_release
    from app.store import open_reader

    settings = get_settings()
    if version is None:
        version = package_version()
    try:
        store = open_reader(settings)
    except StoreError as exc:
        raise _fail(str(exc), 2) from exc
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
        raise _fail(f"release stopped: {exc}", 2) from exc
    finally:
        store.close()
    table = Table(title=f"vlkg release {version} → {info.folder}", show_header=True)
    table.add_column("file")
    table.add_column("bytes", justify="right")
    table.add_column("sha256")
    for name, (size, sha) in sorted(info.files.items()):
        table.add_row(name, f"{size:,}", sha[:16] + "…")
    err.print(table)


@cli.command()
def validate(
    dump: Annotated[Path | None, typer.Argument(help="a dump to check (default: export the store)")] = None,
    limit: Annotated[int, typer.Option(min=1, help="violations to print")] = 20,
) -> None:
    """Check the RDF export against the SHACL shapes (exit 1 on violations)."""
    from app.rdf.commands import validate_command

    raise typer.Exit(validate_command(dump, limit=limit))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
