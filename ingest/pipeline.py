"""Files in, facts out: walk the inputs, read each, extract, and keep going past bad files.

A researcher points `vlkg extract` at a folder of downloaded pages; some will be empty,
binary, in an old encoding, or not about Vietnam and Laos at all. One bad file must cost one
line in the report, never the run: every failure is caught per file and reported as
`(source, reason)`, and the caller turns the count into the exit status.

A `.json` input is either one article or a facts document (`{"articles": [...]}`, the output
of an earlier `vlkg extract --json`); the latter is validated against the facts contract and
passed through unchanged, so extraction can be done once and loaded many times.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from app.facts import ArticleFacts, FactsDocument
from app.provenance import public_source
from ingest.decode import DecodeError, decode_bytes
from ingest.reading import ReadError, document_from_bytes, read_bytes, read_document
from ingest.sidecar import Sidecars

__all__ = [
    "INPUT_SUFFIXES",
    "ExtractRun",
    "extract_paths",
    "iter_inputs",
    "load_facts_file",
]

INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json"})

Progress = Callable[[int, int, str], None]
"""Called after each input as `(done, total, source)`."""


@dataclass
class ExtractRun:
    """The outcome of one run: facts per article, failed inputs, and warnings naming files."""

    articles: list[ArticleFacts] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the article files under folders (recursively, sorted).

    Folders contribute only `.txt`, `.html`, `.htm` and `.json` files and skip hidden files
    and folders (editor backups, `.git`); a file named explicitly is always yielded, so a
    wrong file type is reported rather than silently ignored. Each file is yielded once.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(
                    Path(root, name)
                    for name in files
                    if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES
                )
            candidates: list[Path] = sorted(found)
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                yield candidate


def load_facts_file(path: Path) -> list[ArticleFacts]:
    """The articles of a facts document, validated; `ReadError` naming the file otherwise."""
    data = read_bytes(path)
    return _facts_from_payload(path, _parse_json(path, data))


def _parse_json(path: Path, data: bytes) -> Any:
    try:
        text = decode_bytes(data).text
    except DecodeError as err:
        raise ReadError(path, str(err)) from None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as err:
        raise ReadError(path, f"malformed JSON: {err}") from None


def _is_facts_payload(obj: Any) -> bool:
    return isinstance(obj, dict) and "articles" in obj


def _facts_from_payload(path: Path, obj: Any) -> list[ArticleFacts]:
    if not _is_facts_payload(obj):
        raise ReadError(path, 'not a facts document: expected {"articles": [...]}')
    try:
        return FactsDocument.model_validate(obj).articles
    except ValidationError as err:
        raise ReadError(path, f"invalid facts document: {summarise_validation(err)}") from None


def summarise_validation(err: ValidationError) -> str:
    """Pydantic's first error on one line: where (`articles[0].partnerships[1].vn`) and what."""
    errors = err.errors(include_url=False)
    if not errors:
        return str(err).splitlines()[0]
    first = errors[0]
    where = ""
    for part in first["loc"]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    message = f"{where or 'document'}: {first['msg']}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more error{'s' if len(errors) > 2 else ''})"
    return message


def _add_warnings(run: ExtractRun, source: str, read_warnings: list[str], facts: ArticleFacts) -> None:
    """Report reading and extraction warnings once each, every one naming the file.

    The extractor usually copies the reader's warnings into the facts and may already have
    noted that nothing about Vietnam and Laos was found; only what is missing is added.
    """
    for warning in read_warnings:
        if warning not in facts.warnings:
            facts.warnings.insert(0, warning)
    if not facts.partnerships and not any("Vietnam–Laos" in w for w in facts.warnings):
        facts.warnings.append("no Vietnam–Laos provincial partnership found")
    for warning in facts.warnings:
        run.warnings.append(warning if warning.startswith(source) else f"{source}: {warning}")


def extract_paths(paths: Iterable[Path], on_progress: Progress | None = None) -> ExtractRun:
    """Read and extract every input under `paths`; failures are collected, never raised."""
    from ingest.extract import extract_document  # written alongside; imported when used

    files = list(iter_inputs(paths))
    run = ExtractRun()
    sidecars = Sidecars()
    for done, path in enumerate(files, 1):
        source = str(path)
        try:
            if path.suffix.lower() == ".json":
                data = read_bytes(path)
                obj = _parse_json(path, data)
                if _is_facts_payload(obj):
                    run.articles.extend(_published(a) for a in _facts_from_payload(path, obj))
                    continue
                doc = document_from_bytes(data, source=source, suffix=".json")
            else:
                doc = read_document(path)
            if (entry := sidecars.lookup(path)) is not None:
                entry.apply(doc)
            facts = _published(extract_document(doc))
        except ReadError as err:
            run.failures.append((source, err.reason))
        except Exception as err:  # one broken article must not stop the run
            run.failures.append((source, f"extraction failed: {type(err).__name__}: {err}"))
        else:
            _add_warnings(run, source, doc.warnings, facts)
            run.articles.append(facts)
        finally:
            if on_progress is not None:
                on_progress(done, len(files), source)
    run.warnings[:0] = sidecars.warnings
    return run


def _published(facts: ArticleFacts) -> ArticleFacts:
    """The facts as they may leave this machine: `source` is the URL or the file name only."""
    facts.source = public_source(facts.source, facts.url) or facts.id
    return facts
