"""Article URLs from RSS/Atom feeds (feedparser) and XML sitemaps (sitemap indexes too).

Both give a URL and, usually, a date, so `--since` can drop old entries before any page is
requested. A sitemap index is followed to its sitemaps, at most `MAX_SITEMAPS` of them, so a
site's full archive cannot turn one command into a million requests by accident.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import feedparser

from ingest.fetch.client import Fetcher, FetchError
from ingest.metadata import parse_date

__all__ = ["Candidate", "feed_urls", "filter_candidates", "sitemap_urls"]

MAX_SITEMAPS = 50


@dataclass(frozen=True)
class Candidate:
    """A URL to fetch, with the date its listing gave (if any)."""

    url: str
    date: dt.date | None = None


def feed_urls(fetcher: Fetcher, url: str) -> list[Candidate]:
    """The entry links of an RSS or Atom feed, in feed order."""
    response = fetcher.get(url)
    parsed = feedparser.parse(response.content)
    if parsed.bozo and not parsed.entries:
        raise FetchError(url, f"not a feed: {parsed.get('bozo_exception', 'unreadable')}")
    out: list[Candidate] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        out.append(Candidate(link, date))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sitemap_urls(fetcher: Fetcher, url: str) -> list[Candidate]:
    """The page URLs of a sitemap, following a sitemap index one level at a time."""
    out: list[Candidate] = []
    queue = [url]
    done = 0
    while queue and done < MAX_SITEMAPS:
        current = queue.pop(0)
        done += 1
        content = fetcher.get(current).content
        if content[:2] == b"\x1f\x8b":
            content = gzip.decompress(content)[: fetcher.config.max_bytes]
        try:
            root = ET.fromstring(content)
        except ET.ParseError as err:
            raise FetchError(current, f"not a sitemap: {err}") from None
        for item in root:
            loc = date_text = None
            for child in item.iter():
                name = _local(child.tag)
                if name == "loc" and loc is None:
                    loc = (child.text or "").strip()
                elif name in ("lastmod", "publication_date") and child.text:
                    date_text = child.text.strip()
            if not loc:
                continue
            if _local(root.tag) == "sitemapindex":
                queue.append(loc)
            else:
                out.append(Candidate(loc, parse_date(date_text) if date_text else None))
    return out


def filter_candidates(
    candidates: list[Candidate], *, since: dt.date | None = None, match: str | None = None
) -> Iterator[Candidate]:
    """Entries dated on or after `since` (undated ones are kept) whose URL matches `match`."""
    pattern = re.compile(match) if match else None
    seen: set[str] = set()
    for c in candidates:
        if c.url in seen:
            continue
        seen.add(c.url)
        if since and c.date and c.date < since:
            continue
        if pattern and not pattern.search(c.url):
            continue
        yield c
