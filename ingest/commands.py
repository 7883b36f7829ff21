"""The ingest side of `vlkg`: fetch, extract, ingest (news pages to facts to the store).

Plain typer functions that `app.cli` registers; each imports what it needs when it runs,
so `vlkg --help` stays fast (issue 12). The exit status of `extract` and `ingest` is the
number of inputs that failed (capped at 100); an error that stops the run exits 120.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.console import err, fail, failed_status, out, say

if TYPE_CHECKING:
    from rich.progress import Progress

    from app.facts import ArticleFacts
    from app.settings import Settings
    from app.store import GraphStore

Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders (.txt, .html, .json)", show_default=False)
]


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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
        raise fail(f"{missing[0]}: no such file or folder")
    files = list(iter_inputs(paths))
    task = progress.add_task("extract", total=len(files))
    run = extract_paths(files, on_progress=lambda *_: progress.advance(task))
    return run.articles, list(run.failures), list(run.warnings)


def _report(warnings: list[str], failures: list[tuple[str, str]]) -> None:
    for w in warnings:
        say("warning:", "yellow", w)
    for source, reason in failures:
        say("failed:", "red", f"{source}: {reason}")


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
    from rich.table import Table
    from rich.text import Text

    from ingest.pipeline import display_name, facts_lines

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
    raise typer.Exit(failed_status(len(failures)))


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
        raise fail("nothing to fetch: give URLs, --urls FILE, --feed URL or --sitemap URL", 2)
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
    from rich.table import Table

    from app.settings import get_settings
    from ingest.load import BatchFailed, load_articles

    settings = get_settings()
    with _progress() as progress:
        articles, failures, warnings = _collect(paths, progress)
        store = _open_writer(settings, force)
        try:
            _say_parts(store, len(articles))
            task = progress.add_task("load", total=len(articles))
            report = load_articles(
                store,
                articles,
                batch_size=batch_size or settings.batch_size,
                batch_max=settings.batch_max if store.backend == "embedded" else None,
                on_batch=lambda n: progress.advance(task, n),
            )
        except BatchFailed as exc:
            raise fail(f"loading stopped: {exc}") from exc
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
    raise typer.Exit(failed_status(len(failures)))


def _say_parts(store: GraphStore, articles: int) -> None:
    """One line when readers may see this load before its end: a Neo4j load of more
    articles than one transaction is allowed to hold commits them in parts."""
    limit = store.whole_load_articles
    if limit is not None and articles > limit:
        say(
            "note:",
            "yellow",
            f"{articles} articles are more than VLKG_NEO4J_WHOLE_LOAD_ARTICLES={limit}: this load "
            f"commits in parts of up to {limit} articles, and readers see each part as it commits",
        )


def _open_writer(settings: Settings, force: bool) -> GraphStore:
    """The store to load into; with `force`, an unreadable embedded store is set aside
    (said on stderr) and a new one started; without it that is refused, naming the cause."""
    from app.store import StoreDamaged, open_store

    if force and settings.store == "embedded":
        from app.store.embedded import diagnose

        found = diagnose(settings.data_dir)
        if found.cause in ("missing", "empty", "damaged"):
            say(
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
