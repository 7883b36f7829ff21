"""What keeps `vlkg serve` small and its first search fast (issue #12): the read-only
handles' bounded buffer pool, each snapshot's search index built before requests read
the snapshot, and a fresh handle after a whole dump."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import app.store.embedded as embedded
from app.api.answers import indexes
from app.api.main import create_app
from app.api.search import warm as warm_search
from app.gazetteer import gazetteer
from app.memory import trim
from app.settings import Settings, SettingsError, get_settings
from app.store import GraphStore, open_reader
from app.store.base import StoreError
from app.store.embedded import EmbeddedStore, ReadBufferFull
from bench.synthetic import articles
from ingest.load import load_articles
from tests.stores import embedded_only

pytestmark = embedded_only


@pytest.fixture(autouse=True)
def look_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """No throttling between looks for a new generation: every refresh looks."""
    monkeypatch.setattr(embedded, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(embedded, "RETRY_SECONDS", 0.0)


def seeded(data: Path, n: int, seed: int = 1) -> None:
    with EmbeddedStore(data) as w:
        load_articles(w, articles(n, seed=seed), batch_size=50)


def article_count(store: GraphStore) -> int:
    return int(store.run("MATCH (a:Article) RETURN count(a) AS n")[0]["n"])


def until(check: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not reached in time"
        time.sleep(0.05)


def test_read_buffer_setting_has_a_safe_default_and_refuses_too_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().read_buffer_mb == 256
    for bad in ("32", "lots"):
        monkeypatch.setenv("VLKG_READ_BUFFER_MB", bad)
        get_settings.cache_clear()
        try:
            with pytest.raises(SettingsError, match="VLKG_READ_BUFFER_MB"):
                get_settings()
        finally:
            get_settings.cache_clear()


def test_the_server_reads_through_a_bounded_pool(tmp_path: Path) -> None:
    settings = Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(tmp_path / "data"), VLKG_READ_BUFFER_MB="96")  # type: ignore[call-arg]
    seeded(settings.data_dir, 3)
    reader = open_reader(settings)
    assert isinstance(reader, EmbeddedStore)
    try:
        assert reader._handle.buffer_pool == 96 << 20
        assert article_count(reader) == 3
    finally:
        reader.close()
    writer = EmbeddedStore(settings.data_dir, buffer_pool=96 << 20)
    try:
        assert writer._handle.buffer_pool is None  # a bound is for read-only handles only
    finally:
        writer.close()


class _FullPool:
    """A connection whose every query fails as LadybugDB's does when the pool is full."""

    def execute(self, *_: Any) -> Any:
        raise RuntimeError(
            "Buffer manager exception: Unable to allocate memory! The buffer pool is full and no "
            "memory could be freed!"
        )

    def close(self) -> None:
        pass


def test_a_read_larger_than_the_pool_names_the_setting(tmp_path: Path) -> None:
    seeded(tmp_path, 2)
    reader = EmbeddedStore(tmp_path, read_only=True, buffer_pool=64 << 20)
    real = reader._handle.conn
    reader._handle.conn = _FullPool()
    try:
        with pytest.raises(ReadBufferFull, match="VLKG_READ_BUFFER_MB") as found:
            reader.run("MATCH (a:Article) RETURN a.id")
        assert isinstance(found.value, StoreError) and found.value.status == 503
        with pytest.raises(ReadBufferFull):
            list(reader.stream("MATCH (a:Article) RETURN a.id"))
    finally:
        reader._handle.conn = real
        reader.close()


def test_a_new_snapshot_is_served_once_warm_and_gets_its_index_without_a_search(tmp_path: Path) -> None:
    """While the index of a newly published load is built, requests keep the old snapshot
    (answers exactly as before); once it is built the server moves, with the index ready."""
    seeded(tmp_path, 3)
    reader = EmbeddedStore(tmp_path, read_only=True)
    gaz = gazetteer()
    release = threading.Event()
    warmed: list[str | None] = []

    def warm(view: GraphStore) -> None:
        if warmed:  # the first call is the snapshot served now
            release.wait(30)
        warm_search(view, gaz)
        warmed.append(view.snapshot)

    reader.warm_with(warm)
    key = ("search", id(gaz))
    with TestClient(create_app(reader)) as client:
        until(lambda: len(warmed) == 1)
        with reader.pinned() as view:
            assert indexes.peek(view, key) is not None  # built before any search
        q = {"q": "hop tac", "type": "article"}
        before = client.get("/search", params=q).json()
        assert before["total"] == 3
        seeded(tmp_path, 4, seed=9)
        old = reader.snapshot
        reader.refresh()
        assert not reader.refresh_due()
        for _ in range(3):  # the index of the new load is being built: the old one answers
            assert client.get("/search", params=q).json() == before
            assert reader.snapshot == old
        release.set()
        until(lambda: reader.snapshot != old)
        assert len(warmed) == 2 and warmed[-1] == reader.snapshot
        with reader.pinned() as view:
            assert article_count(view) == 7
            assert indexes.peek(view, key) is not None  # no request built it
        assert client.get("/search", params=q).json()["total"] == 7
    reader.close()


def test_a_failing_warm_up_still_moves_to_the_new_data(tmp_path: Path) -> None:
    seeded(tmp_path, 2)
    reader = EmbeddedStore(tmp_path, read_only=True)
    calls: list[int] = []

    def broken(_: GraphStore) -> None:
        calls.append(1)
        raise RuntimeError("boom")

    reader.warm_with(broken)
    seeded(tmp_path, 3, seed=5)
    reader.refresh()
    until(lambda: article_count(reader) == 5)
    assert len(calls) == 2
    reader.close()


def test_shed_serves_the_same_data_from_a_fresh_handle(tmp_path: Path) -> None:
    seeded(tmp_path, 4)
    reader = EmbeddedStore(tmp_path, read_only=True)
    gaz = gazetteer()
    reader.warm_with(lambda view: warm_search(view, gaz))
    old_handle, old_token, generation = reader._handle, reader.snapshot, reader.generation
    with reader.pinned() as view:
        reader.shed()  # a request still reads the old handle: it stays open for it
        until(lambda: reader.snapshot != old_token)
        assert not old_handle.closed and article_count(view) == 4
    until(lambda: old_handle.closed)  # closed once its last users (this view, the warm-up) let go
    assert reader.generation == generation and article_count(reader) == 4
    with reader.pinned() as view:  # warmed in the background after the swap
        until(lambda: indexes.peek(view, ("search", id(gaz))) is not None)
    reader.close()


def test_an_export_over_http_sheds_the_handle(tmp_path: Path) -> None:
    seeded(tmp_path, 3)
    reader = EmbeddedStore(tmp_path, read_only=True)
    with TestClient(create_app(reader)) as client:
        before = reader.snapshot
        r = client.get("/export.ttl")
        assert r.status_code == 200 and "Article" in r.text
        until(lambda: reader.snapshot != before)
        assert client.get("/search", params={"q": "hop tac", "type": "article"}).json()["total"] == 3
    reader.close()


def test_an_export_lets_go_of_the_old_handle_and_its_answers_by_its_last_byte(tmp_path: Path) -> None:
    seeded(tmp_path, 3)
    reader = EmbeddedStore(tmp_path, read_only=True)
    gaz = gazetteer()
    with TestClient(create_app(reader)) as client:
        with reader.pinned() as view:
            warm_search(view, gaz)  # the old snapshot's index, as the server keeps it
            old_view, old_handle = view, reader._handle
        assert indexes.peek(old_view, ("search", id(gaz))) is not None
        r = client.get("/export.ttl")
        assert r.status_code == 200 and "Article" in r.text
        # no waiting: shed, closed and dropped before the response ended
        assert old_handle.closed and reader._handle is not old_handle
        assert old_view.retired and indexes.peek(old_view, ("search", id(gaz))) is None
        assert client.get("/search", params={"q": "hop tac", "type": "article"}).json()["total"] == 3
    reader.close()


def test_drop_retired_keeps_what_a_served_or_still_read_snapshot_has(tmp_path: Path) -> None:
    from app.api.answers import Answers, drop_retired

    seeded(tmp_path, 2)
    reader = EmbeddedStore(tmp_path, read_only=True)
    kept: Answers[int] = Answers()
    with reader.pinned() as old:
        kept.remember(old, "k", lambda: 1)
        reader.shed()  # this request still reads the old handle: it stays open
        assert not old.retired
        drop_retired()
        assert kept.peek(old, "k") == 1
    assert old.retired  # closed by its last user
    with reader.pinned() as new:
        kept.remember(new, "k", lambda: 2)
        assert drop_retired() >= 1
        assert kept.peek(new, "k") == 2 and kept.peek(old, "k") is None
    reader.close()


def test_what_a_snapshot_kept_goes_when_its_handle_closes_even_if_its_view_lives(tmp_path: Path) -> None:
    from app.api.answers import Answers, drop_retired

    seeded(tmp_path, 2)
    reader = EmbeddedStore(tmp_path, read_only=True)
    closed: list[int] = []
    reader.on_retire(lambda: closed.append(drop_retired()))
    kept: Answers[int] = Answers()
    with reader.pinned() as old:
        kept.remember(old, "k", lambda: 1)
    seeded(tmp_path, 3, seed=5)  # a new generation: the served handle is swapped out
    reader.refresh()
    assert reader.snapshot != old.snapshot
    assert old.retired and closed == [1]  # `old` is still referenced here: dropped anyway
    assert kept.peek(old, "k") is None
    reader.close()


def test_the_server_drops_a_closed_snapshots_answers_off_the_closing_thread(tmp_path: Path) -> None:
    from app.api.main import prepared

    seeded(tmp_path, 2)
    reader = prepared(EmbeddedStore(tmp_path, read_only=True))
    with reader.pinned() as old:
        until(lambda: indexes.peek(old, ("search", id(gazetteer()))) is not None)  # warmed
    reader.shed()
    until(lambda: indexes.peek(old, ("search", id(gazetteer()))) is None)
    assert old.retired
    reader.close()


def test_a_dump_never_sent_still_lets_go_of_its_snapshot(tmp_path: Path) -> None:
    from app.api.routes.linked_data import _dump

    seeded(tmp_path, 2)
    reader = EmbeddedStore(tmp_path, read_only=True)
    with reader.pinned() as view:
        response = _dump(view, "nt")  # started: the stream holds the handle itself
        handle = reader._handle
        assert handle.users == 2
    assert handle.users == 1
    del response  # the client went before the body was sent
    import gc

    gc.collect()
    assert handle.users == 0 and handle.closed  # its `finally` ran: released, shed
    reader.close()


def test_trim_asks_glibc_where_there_is_one() -> None:
    assert trim() in (True, False)  # never raises, whatever the C library
    if Path("/lib/x86_64-linux-gnu/libc.so.6").exists() or Path("/lib/aarch64-linux-gnu/libc.so.6").exists():
        assert trim() is True


class _Node:
    """An object that can be in a reference cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.me: _Node | None = None


@pytest.fixture
def gc_thawed() -> Any:
    import gc

    yield gc
    gc.unfreeze()


def test_settle_freezes_what_is_alive_and_collects_what_died_since(gc_thawed: Any) -> None:
    import weakref

    from app.memory import settle

    gc = gc_thawed
    node = _Node()
    node.me = node  # a cycle: only the collector frees it
    gone = weakref.ref(node)
    settle()
    assert gc.get_freeze_count() > 0
    del node
    gc.collect()
    assert gone() is not None  # frozen: full collections no longer walk it
    settle()
    assert gone() is None  # handed back to the collector first, then collected


def test_warm_takes_the_index_out_of_the_collectors_walks(tmp_path: Path, gc_thawed: Any) -> None:
    gc = gc_thawed
    seeded(tmp_path, 20)
    gc.unfreeze()
    with EmbeddedStore(tmp_path, read_only=True) as store:
        warm_search(store, gazetteer())
        frozen = gc.get_freeze_count()
        index = indexes.peek(store, ("search", id(gazetteer())))
        assert index is not None
        tracked = {id(o) for o in gc.get_objects()}  # the collector's generations only
        assert frozen > 0 and id(index) not in tracked


def test_an_export_freezes_what_is_alive_before_its_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gc_thawed: Any
) -> None:
    import app.api.routes.linked_data as linked_data
    import app.rdf.export as export

    seeded(tmp_path, 3)
    events: list[str] = []
    real_settle, real_iter = linked_data.settle, export.iter_export

    def settle() -> None:
        events.append("settle")
        real_settle()

    def iter_export(*args: Any, **kwargs: Any) -> Any:
        events.append("first byte")
        yield from real_iter(*args, **kwargs)

    monkeypatch.setattr(linked_data, "settle", settle)
    monkeypatch.setattr(linked_data, "iter_export", iter_export)
    reader = EmbeddedStore(tmp_path, read_only=True)
    with TestClient(create_app(reader)) as client:
        events.clear()  # the start-up warm-up settles too
        r = client.get("/export.ttl")
        assert r.status_code == 200 and "Article" in r.text
    reader.close()
    assert events[:2] == ["settle", "first byte"]
