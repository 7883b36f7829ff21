"""The corpus folder `vlkg fetch` writes and `vlkg ingest` reads.

    corpus/
      articles.jsonl                  the manifest: one line per page fetched (see `ManifestRow`)
      news.example-3f2a9c81d0b4.json  one JSON article per page: metadata + the page's HTML

Each page is one JSON article (`{"url", "title", "published", "outlet", "language", "html",
...}`), the shape `vlkg ingest` reads (docs/reading.md), rather than a raw `.html` file: the
HTML is stored already decoded, so a page served as Windows-1258 (declared only in the HTTP
header) cannot be mis-decoded later, and the metadata travels with the text. The manifest
repeats the metadata with the fetch details (fetch time, content hash, ETag, Last-Modified);
it is the fetcher's memory: a URL listed there is not requested again (unless `--refresh`,
which asks the site with a conditional request), and since a line is appended only after its
page file is in place, a run killed half-way resumes where it stopped. `vlkg ingest` reads the
manifest too, as a sidecar (`ingest.sidecar`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError

__all__ = ["MANIFEST", "Corpus", "ManifestRow", "page_file_name"]

MANIFEST = "articles.jsonl"


class ManifestRow(BaseModel):
    """One fetched page, as a line of `articles.jsonl`."""

    model_config = ConfigDict(extra="ignore")

    file: str
    url: str
    fetched_url: str
    final_url: str
    canonical_url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = None
    fetched_at: dt.datetime
    sha256: str
    bytes: int
    etag: str | None = None
    last_modified: str | None = None


def page_file_name(url: str) -> str:
    """A stable, safe file name for the page fetched from `url`: host and a URL hash."""
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in host)[:60]
    return f"{safe}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:12]}.json"


class Corpus:
    """A corpus folder: what it already holds, and atomic writes of new pages."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.rows: dict[str, ManifestRow] = {}
        self._lock = threading.Lock()
        manifest = folder / MANIFEST
        if manifest.is_file():
            for line in manifest.read_bytes().splitlines():
                try:
                    row = ManifestRow.model_validate(orjson.loads(line))
                except (orjson.JSONDecodeError, ValidationError):
                    continue  # a line cut short by a kill, or written by hand: ignore it
                if (folder / row.file).is_file():
                    self.rows[row.fetched_url] = row

    def known(self, url: str) -> ManifestRow | None:
        return self.rows.get(url)

    def save(self, row: ManifestRow, article: dict[str, Any]) -> None:
        """Write the page file, then append its manifest line (so a kill never lists a missing file)."""
        target = self.folder / row.file
        fd, tmp = tempfile.mkstemp(prefix=f".{row.file}.", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(orjson.dumps(article, option=orjson.OPT_INDENT_2))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        line = orjson.dumps(row.model_dump(mode="json", exclude_none=True)) + b"\n"
        with self._lock:
            with open(self.folder / MANIFEST, "ab") as handle:
                handle.write(line)
                handle.flush()
            self.rows[row.fetched_url] = row
