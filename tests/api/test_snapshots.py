"""The server only ever sees whole ingests (issue 11): published generations, swaps that
never close a handle under a request, and a streamed export that reads one snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.store.embedded as embedded
from app.store.embedded import EmbeddedStore
from bench.synthetic import articles
from ingest.load import load_articles
from tests.stores import embedded_only

pytestmark = embedded_only


def article_count(store: EmbeddedStore) -> int:
    return int(store.run("MATCH (a:Article) RETURN count(a) AS n")[0]["n"])


@pytest.fixture(autouse=True)
def look_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """No throttling between looks for a new generation: every refresh looks."""
    monkeypatch.setattr(embedded, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(embedded, "RETRY_SECONDS", 0.0)


def seeded(data: Path, n: int) -> None:
    with EmbeddedStore(data) as w:
        load_articles(w, articles(n, seed=1), batch_size=50)


def test_reader_sees_only_whole_ingests(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded(data, 5)
    reader = EmbeddedStore(data, read_only=True)
    seen: list[int] = []

    def during(_: int) -> None:
        reader.refresh()
        seen.append(article_count(reader))

    writer = EmbeddedStore(data)
    load_articles(writer, articles(40, seed=2), batch_size=7, on_batch=during)
    assert seen and set(seen[:-1]) == {5}  # every batch but the last: the old generation
    assert seen[-1] == 45  # the last batch published the load
    writer.close()
    reader.refresh()
    assert article_count(reader) == 45
    reader.close()


def test_load_is_published_by_its_last_commit_even_if_the_writer_never_closes(tmp_path: Path) -> None:
    """An ingest killed after its last commit (no close, no marker update) is served."""
    data = tmp_path / "data"
    seeded(data, 3)
    reader = EmbeddedStore(data, read_only=True)
    before = reader.snapshot
    writer = EmbeddedStore(data)
    load_articles(writer, articles(10, seed=3), batch_size=4)
    reader.refresh()  # the writer is still open: as good as killed, from the files' view
    assert article_count(reader) == 13
    assert reader.snapshot != before
    writer.close()
    reader.close()


def test_a_request_keeps_its_handle_across_a_swap(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded(data, 2)
    reader = EmbeddedStore(data, read_only=True)
    with reader.pinned() as view:
        assert article_count(view) == 2  # type: ignore[arg-type]
        with EmbeddedStore(data) as w:
            load_articles(w, articles(6, seed=4), batch_size=3)
        reader.refresh()
        assert article_count(reader) == 8  # new requests see the new generation
        assert article_count(view) == 2  # type: ignore[arg-type]  # this one still reads its own
    reader.close()


def test_unopenable_new_generation_keeps_serving_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer checkpointing (LadybugDB refuses read-only opens meanwhile): no error, the
    old snapshot answers, and the next look moves on."""
    data = tmp_path / "data"
    seeded(data, 2)
    reader = EmbeddedStore(data, read_only=True)
    with EmbeddedStore(data) as w:
        load_articles(w, articles(4, seed=5), batch_size=2)
    real = embedded._Handle

    def refuse(path: Path, read_only: bool, buffer_pool: int | None = None) -> embedded._Handle:
        raise RuntimeError(
            "Runtime exception: Cannot open database in read-only mode while checkpoint recovery is pending"
        )

    monkeypatch.setattr(embedded, "_Handle", refuse)
    monkeypatch.setattr(embedded, "writer_active", lambda path: True)
    reader.refresh()
    assert article_count(reader) == 2
    assert reader.problem() is None  # a writer at work is not damage
    monkeypatch.setattr(embedded, "_Handle", real)
    reader.refresh()
    assert article_count(reader) == 6
    reader.close()


def test_writes_outside_a_load_are_published_on_close(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded(data, 2)
    reader = EmbeddedStore(data, read_only=True)
    with EmbeddedStore(data) as w:
        w.clear()
    reader.refresh()
    assert article_count(reader) == 0
    reader.close()
