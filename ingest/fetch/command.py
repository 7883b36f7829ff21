"""`vlkg fetch` as a plain function the typer CLI calls: gather URLs, fetch, report."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.fetch.client import FetchConfig, Fetcher, FetchError
from ingest.fetch.corpus import Corpus
from ingest.fetch.discover import Candidate, feed_urls, filter_candidates, sitemap_urls
from ingest.fetch.run import fetch_urls

__all__ = ["fetch_command"]

KINDS = ("fetched", "cached", "unchanged", "robots", "skipped", "failed")


def fetch_command(
    urls: list[str],
    *,
    output: Path,
    urls_file: Path | None = None,
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    since: dt.date | None = None,
    match: str | None = None,
    relevant_only: bool = False,
    refresh: bool = False,
    config: FetchConfig | None = None,
    concurrency: int = 4,
    err: Console,
) -> int:
    """Fetch into `output`; returns the number of failed URLs (listings included), capped at 100."""
    if match:
        try:
            re.compile(match)
        except re.error as exc:
            err.print(f"[bold red]error:[/] --match: {exc}", highlight=False)
            return 120
    candidates = [Candidate(u) for u in urls]
    if urls_file is not None:
        try:
            lines = urls_file.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            err.print(f"[bold red]error:[/] {urls_file}: {exc.strerror or exc}", highlight=False)
            return 120
        candidates += [Candidate(x.strip()) for x in lines if x.strip() and not x.lstrip().startswith("#")]
    listing_failures = 0
    with Fetcher(config) as fetcher:
        for kind, listing, reader in (
            ("feed", feeds or [], feed_urls),
            ("sitemap", sitemaps or [], sitemap_urls),
        ):
            for url in listing:
                try:
                    found = reader(fetcher, url)
                except FetchError as exc:
                    listing_failures += 1
                    err.print(
                        f"[red]failed:[/] {kind} {exc.url}: {exc.reason}", highlight=False, soft_wrap=True
                    )
                    continue
                err.print(f"{kind} {url}: {len(found)} URLs", highlight=False, soft_wrap=True)
                candidates += found
        chosen = [c.url for c in filter_candidates(candidates, since=since, match=match)]
        corpus = Corpus(output)
        with Progress(
            TextColumn("[bold]fetch"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("fetch", total=len(chosen))
            summary = fetch_urls(
                fetcher,
                corpus,
                chosen,
                concurrency=concurrency,
                refresh=refresh,
                relevant_only=relevant_only,
                on_done=lambda _: progress.advance(task),
            )
    for o in summary.outcomes:
        if o.kind in ("failed", "robots", "skipped"):
            colour = "red" if o.kind == "failed" else "yellow"
            err.print(f"[{colour}]{o.kind}:[/] {o.url}: {o.reason}", highlight=False, soft_wrap=True)
    counts = summary.counts
    table = Table(title=f"vlkg fetch → {output}", show_header=False)
    labels = {
        "fetched": "fetched",
        "cached": "already in the corpus",
        "unchanged": "unchanged (304)",
        "robots": "skipped by robots.txt",
        "skipped": "skipped (not HTML, too large, off-topic, refused address)",
        "failed": "failed",
    }
    for kind in KINDS:
        table.add_row(labels[kind], str(counts.get(kind, 0)))
    if listing_failures:
        table.add_row("feeds/sitemaps failed", str(listing_failures))
    err.print(table)
    return min(len(summary.failed) + listing_failures, 100)
