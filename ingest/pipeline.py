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

from app.facts import FACTS_FORMAT, ArticleFacts, FactsDocument
from app.gcpause import gc_paused
from app.provenance import display_name, public_source
from ingest.decode import DecodeError, decode_bytes
from ingest.reading import MAX_BYTES, ReadError, document_from_bytes, open_regular, read_bytes, read_document
from ingest.sidecar import Sidecars

__all__ = [
    "INPUT_SUFFIXES",
    "ExtractRun",
    "display_name",
    "extract_paths",
    "facts_lines",
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


def _name_problem(path: Path) -> str | None:
    """Why a file's name cannot be carried into the facts, or None."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return "file name is not valid UTF-8; rename it (e.g. `convmv -f <encoding> -t utf-8`)"
    return None


#: The first line of a facts document as `vlkg extract --json` writes it: one article per
#: line after it, so a reader can take it one article at a time, whatever its size.
FACTS_HEAD = b'{"format":"%s","articles":[\n' % FACTS_FORMAT.encode()
#: The largest single article line in a streamed facts document.
MAX_ARTICLE_BYTES = MAX_BYTES


def facts_lines(articles: Iterable[ArticleFacts]) -> Iterator[bytes]:
    """A facts document in the streamed layout (`FACTS_HEAD`, an article per line, `]}`):
    valid JSON for any reader, and read back one article at a time by `vlkg ingest`, so
    everything `vlkg extract --json` writes can be ingested, however large."""
    yield FACTS_HEAD
    first = True
    for art in articles:
        line = orjson.dumps(art.model_dump(mode="json"))
        yield line if first else b",\n" + line
        first = False
    yield b"\n]}\n"


def _streamed_facts(path: Path) -> Iterator[tuple[int, ArticleFacts | str]]:
    """(index, article or why it was refused) of a facts document in the streamed layout,
    read one line at a time: its size is not limited, only each article's."""
    fd, _size = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        if handle.read(len(FACTS_HEAD)) != FACTS_HEAD:
            raise ReadError(path, "not a streamed facts document")
        index = 0
        while raw := handle.readline(MAX_ARTICLE_BYTES + 4):
            line = raw.strip().strip(b",")
            if not line or line == b"]}":
                continue
            if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
                yield index, f"articles[{index}]: too large (limit {MAX_ARTICLE_BYTES // 1_000_000} MB)"
                while (rest := handle.readline(MAX_ARTICLE_BYTES)) and not rest.endswith(b"\n"):
                    pass
            else:
                yield index, _one_article(index, line)
            index += 1


def _one_article(index: int, line: bytes) -> ArticleFacts | str:
    try:
        return ArticleFacts.model_validate_json(line)
    except ValidationError as err:
        return _article_error(index, err)


def _article_error(index: int, err: ValidationError) -> str:
    """`articles[3].partnerships[0].vn: ...`: the bad article's index and what is wrong."""
    message = summarise_validation(err)
    return f"articles[{index}]{': ' + message[10:] if message.startswith('document: ') else '.' + message}"


def is_streamed_facts(path: Path) -> bool:
    """Whether `path` starts like a facts document written by `vlkg extract --json`."""
    fd, _size = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(len(FACTS_HEAD)) == FACTS_HEAD


def iter_facts_file(path: Path) -> Iterator[tuple[int, ArticleFacts | str]]:
    """Every article of a facts document with its index, or the reason it was refused:
    one bad article costs that article only. `ReadError` when the file is no facts
    document at all."""
    if is_streamed_facts(path):
        yield from _streamed_facts(path)
        return
    yield from _facts_items(path, _parse_json(path, read_bytes(path)))


def load_facts_file(path: Path) -> list[ArticleFacts]:
    """The articles of a facts document, validated; `ReadError` naming the file and the
    index of the first bad article otherwise."""
    found: list[ArticleFacts] = []
    for _index, item in iter_facts_file(path):
        if isinstance(item, str):
            raise ReadError(path, item)
        found.append(item)
    return found


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


def _facts_items(path: Path, obj: Any) -> Iterator[tuple[int, ArticleFacts | str]]:
    """The articles of a parsed facts document, each validated alone."""
    if not _is_facts_payload(obj):
        raise ReadError(path, 'not a facts document: expected {"articles": [...]}')
    try:
        FactsDocument.model_validate({**obj, "articles": []})
    except ValidationError as err:
        raise ReadError(path, f"invalid facts document: {summarise_validation(err)}") from None
    items = obj["articles"]
    if not isinstance(items, list):
        raise ReadError(path, "invalid facts document: articles: Input should be a valid list")
    for index, item in enumerate(items):
        try:
            yield index, ArticleFacts.model_validate(item)
        except ValidationError as err:
            yield index, _article_error(index, err)


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
        source = display_name(path)
        try:
            if (problem := _name_problem(path)) is not None:
                raise ReadError(source, problem)
            if path.suffix.lower() == ".json":
                if is_streamed_facts(path):
                    _add_facts(run, source, _streamed_facts(path))
                    continue
                data = read_bytes(path)
                obj = _parse_json(path, data)
                if _is_facts_payload(obj):
                    _add_facts(run, source, _facts_items(path, obj))
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


def _add_facts(run: ExtractRun, source: str, items: Iterable[tuple[int, ArticleFacts | str]]) -> None:
    """Articles of a facts document: a bad one is a failure naming its index, the others load.

    Read with the garbage collector paused (`app.gcpause`): it cost 70 % of reading
    50,000 articles."""
    with gc_paused():
        for _index, item in items:
            if isinstance(item, str):
                run.failures.append((source, item))
            else:
                run.articles.append(_published(item))


def _published(facts: ArticleFacts) -> ArticleFacts:
    """The facts as they may leave this machine: `source` is the URL or the file name only."""
    facts.source = public_source(facts.source, facts.url) or facts.id
    return facts
