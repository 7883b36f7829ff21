"""Metadata for article files that cannot carry their own: a manifest beside them.

A `.txt` file has nowhere to say where it was published or when, so a corpus of text files
loads with `url: null` and a date guessed from the text, if any. A folder may therefore hold
a manifest, `articles.jsonl` (one JSON object a line) or `articles.csv` (a header row), that
names each file and gives what is known about it:

    {"file": "000_ha-tinh.txt", "url": "https://…", "title": "…", "published": "2023-01-05",
     "outlet": "baohatinh.vn", "language": "vi"}

`file` is the file name relative to the manifest's folder (forward slashes for sub-folders).
Every other field is optional; what the manifest gives wins over what reading finds, because
a person or `vlkg fetch` wrote it knowing the page. A row that cannot be read is reported as
a warning naming the manifest and its line and is otherwise ignored: a typo in one row must
not cost the other articles their metadata.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.document import Document
from ingest.metadata import parse_date

__all__ = ["MANIFEST_NAMES", "SidecarEntry", "Sidecars"]

MANIFEST_NAMES = ("articles.jsonl", "articles.csv")
_MAX_MANIFEST = 200_000_000


class SidecarEntry(BaseModel):
    """One manifest row: the file it describes and its metadata (all optional but `file`)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    file: str = Field(min_length=1)
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = Field(default=None, max_length=8)

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip():
                return None
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError(f"unreadable date {value!r}")
            return parsed
        return value

    @field_validator("url", "canonical_url", "title", "outlet", "language", mode="before")
    @classmethod
    def _blank(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("url", "canonical_url")
    @classmethod
    def _web(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

    def apply(self, doc: Document) -> None:
        """Put the manifest's metadata on a read document, before extraction uses it."""
        url = self.canonical_url or self.url
        if url:
            doc.url = url
        if self.title:
            doc.title = self.title
        if self.published:
            doc.published = self.published
        if self.outlet:
            doc.outlet = self.outlet
        if self.language:
            doc.language = self.language.split("-")[0].lower()


@dataclass
class _Manifest:
    entries: dict[str, SidecarEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class Sidecars:
    """The manifests of the folders a run reads, each loaded once, looked up per file."""

    def __init__(self) -> None:
        self._folders: dict[Path, _Manifest] = {}
        self.warnings: list[str] = []

    def lookup(self, path: Path) -> SidecarEntry | None:
        """The entry for `path` in a manifest of its own folder or of a parent up to 3 levels."""
        resolved = path.resolve()
        for depth, folder in enumerate(resolved.parents):
            if depth > 3:
                break
            manifest = self._manifest(folder)
            if manifest.entries:
                key = resolved.relative_to(folder).as_posix()
                if key in manifest.entries:
                    return manifest.entries[key]
        return None

    def _manifest(self, folder: Path) -> _Manifest:
        if folder not in self._folders:
            manifest = _Manifest()
            for name in MANIFEST_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    _read_manifest(candidate, manifest)
            self.warnings.extend(manifest.warnings)
            self._folders[folder] = manifest
        return self._folders[folder]


def _rows(path: Path) -> list[tuple[int, Any]]:
    if path.stat().st_size > _MAX_MANIFEST:
        raise ValueError("manifest too large")
    text = path.read_bytes().decode("utf-8-sig")
    if path.suffix == ".csv":
        return [(i, dict(row)) for i, row in enumerate(csv.DictReader(io.StringIO(text)), 2)]
    rows: list[tuple[int, Any]] = []
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append((i, orjson.loads(line)))
            except orjson.JSONDecodeError as err:
                rows.append((i, f"malformed JSON: {err}"))
    return rows


def _read_manifest(path: Path, manifest: _Manifest) -> None:
    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        manifest.warnings.append(f"{path}: manifest not read: {err}")
        return
    for line, row in rows:
        if isinstance(row, str):
            manifest.warnings.append(f"{path}:{line}: {row}")
            continue
        if not isinstance(row, dict):
            manifest.warnings.append(f"{path}:{line}: expected an object with a 'file' field")
            continue
        try:
            entry = SidecarEntry.model_validate(row)
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"]) or "row"
            manifest.warnings.append(f"{path}:{line}: {where}: {first['msg']}")
            continue
        manifest.entries[entry.file.replace("\\", "/").removeprefix("./")] = entry
