"""One `vlkg fetch` run: URLs in, pages saved in the corpus, a tally of what happened.

Main text is left to the project's own reader at ingest time (the page's HTML is kept);
metadata is taken from trafilatura, which knows many more ways a news page states its date,
canonical URL and site name than our reader's few selectors, with our reader's values as the
fallback. trafilatura's main text was scored against our zoning and did no better
(`tools/compare_readers.py`; docs/reading.md, "Main text").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ingest.decode import DecodeError, decode_bytes
from ingest.fetch.client import Fetcher, FetchError, Response
from ingest.fetch.corpus import Corpus, ManifestRow, page_file_name
from ingest.html import declared_charset, parse_html
from ingest.metadata import detect_language, parse_date

__all__ = ["HTML_TYPES", "FetchSummary", "Outcome", "fetch_urls", "page_metadata"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class Outcome:
    """What became of one URL: `fetched`, `cached`, `unchanged`, `robots`, `skipped`, `failed`."""

    url: str
    kind: str
    reason: str = ""
    file: str | None = None


@dataclass
class FetchSummary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.kind for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == "failed"]


def page_metadata(html: str, url: str) -> dict[str, Any]:
    """Title, date, canonical URL, outlet and language of a page: trafilatura first, ours after."""
    from trafilatura import extract_metadata

    ours = parse_html(html)
    theirs = extract_metadata(html, default_url=url)
    canonical = (theirs.url if theirs else None) or ours.url
    if canonical and not canonical.lower().startswith(("http://", "https://")):
        canonical = None
    published = parse_date(theirs.date) if theirs and theirs.date else None
    host = (theirs.hostname if theirs else None) or ""
    return {
        "canonical_url": canonical,
        "title": (theirs.title if theirs else None) or ours.title,
        "published": published or ours.published,
        "outlet": (theirs.sitename if theirs else None) or ours.outlet or host.removeprefix("www.") or None,
        "language": ours.language.split("-")[0].lower() if ours.language else None,
    }


def _relevant(article: dict[str, Any]) -> bool:
    """Whether the page names a Vietnamese and a Lao province (the gazetteer decides)."""
    import orjson

    from ingest.extract.mentions import find_mentions
    from ingest.reading import ReadError, document_from_bytes

    try:
        doc = document_from_bytes(orjson.dumps(article), source=article["url"], suffix=".json")
    except ReadError:
        return False
    countries = {m.country for m in find_mentions(doc.text, doc.published)}
    return {"VN", "LA"} <= countries


def _save(
    corpus: Corpus, url: str, response: Response, relevant_only: bool, now: Callable[[], dt.datetime]
) -> Outcome:
    if response.media_type not in HTML_TYPES:
        return Outcome(url, "skipped", f"not HTML ({response.media_type or 'no content type'})")
    content = response.content
    if not content:
        return Outcome(url, "failed", "empty page")
    try:
        html = decode_bytes(content, declared=response.charset or declared_charset(content)).text
    except DecodeError as err:
        return Outcome(url, "failed", str(err))
    meta = page_metadata(html, response.final_url)
    public_url = meta["canonical_url"] or response.final_url
    fetched_at = now()
    row = ManifestRow(
        file=page_file_name(url),
        url=public_url,
        fetched_url=url,
        final_url=response.final_url,
        canonical_url=meta["canonical_url"],
        title=meta["title"],
        published=meta["published"],
        outlet=meta["outlet"],
        language=meta["language"] or detect_language(html),
        fetched_at=fetched_at,
        sha256=hashlib.sha256(content).hexdigest(),
        bytes=len(content),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )
    article = {
        **row.model_dump(mode="json", exclude={"file", "etag", "last_modified"}, exclude_none=True),
        "html": html,
    }
    if relevant_only and not _relevant(article):
        return Outcome(url, "skipped", "names no Vietnamese and Lao province")
    corpus.save(row, article)
    return Outcome(url, "fetched", file=row.file)


def fetch_one(
    fetcher: Fetcher,
    corpus: Corpus,
    url: str,
    *,
    refresh: bool = False,
    relevant_only: bool = False,
    now: Callable[[], dt.datetime] | None = None,
) -> Outcome:
    """Fetch one URL into the corpus, never raising: every problem is an `Outcome`."""
    known = corpus.known(url)
    if known is not None and not refresh:
        return Outcome(url, "cached", file=known.file)
    headers: dict[str, str] = {}
    if known is not None:
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
    try:
        response = fetcher.get(url, headers)
        if response.status == 304:
            return Outcome(url, "unchanged", file=known.file if known else None)
        return _save(corpus, url, response, relevant_only, now or (lambda: dt.datetime.now(dt.UTC)))
    except FetchError as err:
        return Outcome(url, err.kind, err.reason)
    except Exception as err:  # one strange page must not stop the run
        return Outcome(url, "failed", f"{type(err).__name__}: {err}")


def fetch_urls(
    fetcher: Fetcher,
    corpus: Corpus,
    urls: Iterable[str],
    *,
    concurrency: int = 4,
    refresh: bool = False,
    relevant_only: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
) -> FetchSummary:
    """Fetch every URL (in parallel across hosts, one at a time per host) into `corpus`."""
    summary = FetchSummary()
    unique = list(dict.fromkeys(u.strip() for u in urls if u.strip()))

    def work(url: str) -> Outcome:
        outcome = fetch_one(fetcher, corpus, url, refresh=refresh, relevant_only=relevant_only)
        if on_done is not None:
            on_done(outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        summary.outcomes.extend(pool.map(work, unique))
    return summary
