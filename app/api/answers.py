"""Memoized answers (and search corpora and indexes) for read-only snapshots of the graph.

`vlkg serve` reads the embedded store read-only: until a writer finishes a load (and the
store reopens, see `EmbeddedStore.refresh`), every answer computed from it is final. A
province's partners, with every cited article, are the largest answer the API gives
(hundreds of sources on a 10,000-article graph), so they are kept here as encoded JSON,
per store handle and snapshot token, in a small LRU. Stores whose data may change under
them (writable handles, Neo4j) have no token and are never memoized. The lists that
name searches scan (every official, agreement, project, article title) are kept the
same way, and so are article references, which every answer citing sources looks up;
`/search` keeps one `SearchIndex` per snapshot (`indexes`).

Answers are bounded by bytes, not by count: one Lao province's partners is ~0.9 MB at
50,000 articles, so 256 of them held ~230 MB (issue #12). Each answer keeps its gzip
encoding beside it once a client asks for gzip, so a cached answer is compressed once per
snapshot rather than once per request (`Answer.response`).
"""

from __future__ import annotations

import gzip
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from app.memory import trim
from app.store.base import GraphStore, Row

if TYPE_CHECKING:
    from app.api.search_index import SearchIndex

T = TypeVar("T")

#: Answers kept per store handle (an upper bound beside the bytes).
MAX_ANSWERS = 4096
#: Bytes of encoded answers (JSON and its gzip) kept per store handle.
MAX_ANSWER_BYTES = 64 << 20
#: Answers shorter than this are sent as they are (as GZipMiddleware's `minimum_size`).
GZIP_MIN = 1024
#: As GZipMiddleware's level in main.py; the cached encoding is made once, so 6 is cheap.
GZIP_LEVEL = 6


class Answer:
    """One encoded JSON answer and, once a client asked for it, its gzip encoding."""

    __slots__ = ("body", "gz")

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.gz: bytes | None = None

    def size(self) -> int:
        """Bytes held, counting the gzip encoding as if made (≤ the body; reserved up front)."""
        return 2 * len(self.body) + 64

    def encoded(self, accept_encoding: str) -> tuple[bytes, list[tuple[bytes, bytes]]]:
        """The bytes to send and their headers: gzipped from the kept encoding when the
        client accepts gzip and the answer is long enough (made on the first such ask)."""
        headers = [(b"content-type", b"application/json"), (b"vary", b"Accept-Encoding, Origin")]
        if len(self.body) < GZIP_MIN or "gzip" not in accept_encoding:
            return self.body, headers
        gz = self.gz
        if gz is None:
            gz = self.gz = gzip.compress(self.body, GZIP_LEVEL, mtime=0)
        return gz, [*headers, (b"content-encoding", b"gzip")]

    def response(self, request: Request) -> Response:
        """The answer as a response (GZipMiddleware passes one with a Content-Encoding, and
        an identity one it does not compress gets the same Vary from here)."""
        body, headers = self.encoded(request.headers.get("accept-encoding", ""))
        response = Response(body)
        response.raw_headers = [(b"content-length", str(len(body)).encode()), *headers]
        return response


#: Every `Answers`, for `drop_retired`.
_every: weakref.WeakSet[Answers[Any]] = weakref.WeakSet()


def drop_retired() -> int:
    """Drop, from every `Answers`, what is kept for snapshots that can no longer be read.

    Entries are keyed by the snapshot's view weakly, but a view can outlive its closed
    handle: the objects of the request that read it are often in reference cycles, and
    `memory.settle` freezes whatever is alive when a dump starts, the dump's own request
    included. A dump's `shed` then left the old snapshot's search index and answers
    (~130 MB at 50,000 articles) in memory while the new handle built its own, until the
    next `settle` (issue #12: 538 MB at the dump's last byte, 593 MB while warming)."""
    return sum(a.drop_retired() for a in list(_every))


def release_retired() -> None:
    """`drop_retired`, then the freed memory back to the system, in a thread of its own:
    called when a swapped-out handle closes (`GraphStore.on_retire`), which may be on the
    event loop (a request's store dependency letting go), and dropping a snapshot's index
    frees ~300,000 objects at 50,000 articles."""

    def release() -> None:
        drop_retired()
        trim()

    threading.Thread(target=release, name="vlkg-release", daemon=True).start()


class Answers(Generic[T]):
    """An LRU per store handle and snapshot token, bounded by count and by `weigh`ed size."""

    def __init__(
        self,
        maxsize: int = MAX_ANSWERS,
        max_bytes: int | None = None,
        weigh: Callable[[T], int] | None = None,
    ) -> None:
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self.weigh = weigh
        self._lock = threading.Lock()
        self._by_store: weakref.WeakKeyDictionary[GraphStore, tuple[str, OrderedDict[Hashable, T]]] = (
            weakref.WeakKeyDictionary()
        )
        self._bytes: weakref.WeakKeyDictionary[GraphStore, int] = weakref.WeakKeyDictionary()
        _every.add(self)

    def drop_retired(self) -> int:
        """Drop what is kept for snapshots that can no longer be read (`GraphStore.retired`);
        how many snapshots' entries went."""
        with self._lock:
            gone = [store for store in self._by_store if store.retired]
            for store in gone:
                del self._by_store[store]
                self._bytes.pop(store, None)
        return len(gone)

    def _trim(self, store: GraphStore, held: OrderedDict[Hashable, T], added: list[T]) -> None:
        """Drop the least recently used entries beyond the bounds (under the lock)."""
        weigh = self.weigh
        if weigh is not None:
            total = self._bytes.get(store, 0) + sum(weigh(v) for v in added)
            while held and self.max_bytes is not None and total > self.max_bytes and len(held) > 1:
                total -= weigh(held.popitem(last=False)[1])
            self._bytes[store] = total
        while len(held) > self.maxsize:
            _, old = held.popitem(last=False)
            if weigh is not None:
                self._bytes[store] = self._bytes.get(store, 0) - weigh(old)

    def _fresh(self, store: GraphStore, token: str) -> OrderedDict[Hashable, T]:
        """The entries of `store` for `token`, emptied when the token moved (under the lock)."""
        held = self._by_store.get(store)
        if held is None or held[0] != token:
            held = self._by_store[store] = (token, OrderedDict())
            self._bytes[store] = 0
        return held[1]

    def held_bytes(self, store: GraphStore) -> int:
        """Weighed bytes held for `store` (for tests and benchmarks)."""
        with self._lock:
            return self._bytes.get(store, 0)

    def peek(self, store: GraphStore, key: Hashable) -> T | None:
        """The kept answer for `key` on the snapshot `store` has open, or None: never
        computes, so an `async def` route can answer a hit without a thread hop."""
        token = store.snapshot
        if token is None:
            return None
        with self._lock:
            held = self._by_store.get(store)
            if held is not None and held[0] == token and key in held[1]:
                held[1].move_to_end(key)
                return held[1][key]
        return None

    def remember(self, store: GraphStore, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for `key` on the snapshot `store` has open, computed at most once."""
        token = store.snapshot
        if token is None:
            return compute()
        store = store.owner  # a Neo4j request's transaction view keeps its store's answers
        with self._lock:
            held = self._by_store.get(store)
            if held is not None and held[0] == token and key in held[1]:
                held[1].move_to_end(key)
                return held[1][key]
        body = compute()
        with self._lock:
            entries = self._fresh(store, token)
            if key in entries:  # computed meanwhile by another request: keep one
                return entries[key]
            entries[key] = body
            self._trim(store, entries, [body])
        return body

    def many(
        self, store: GraphStore, keys: list[Hashable], compute: Callable[[list[Hashable]], dict[Hashable, T]]
    ) -> dict[Hashable, T]:
        """Values for `keys` on the snapshot `store` has open; `compute` gets the missing ones."""
        token = store.snapshot
        if token is None:
            return compute(keys)
        store = store.owner
        with self._lock:
            held = self._by_store.get(store)
            cached = held[1] if held is not None and held[0] == token else {}
            found = {k: cached[k] for k in keys if k in cached}
        missing = [k for k in keys if k not in found]
        if not missing:
            return found
        new = compute(missing)
        with self._lock:
            entries = self._fresh(store, token)
            added = [v for k, v in new.items() if k not in entries]
            entries.update(new)
            self._trim(store, entries, added)
        return {**found, **new}


answers: Answers[Answer] = Answers(max_bytes=MAX_ANSWER_BYTES, weigh=Answer.size)

#: Request targets (path, query) whose answer is kept in `answers`, under its key.
MAX_URLS = 20_000
_urls: OrderedDict[tuple[bytes, bytes], Hashable] = OrderedDict()
_urls_lock = threading.Lock()


def note_url(request: Request, key: Hashable) -> None:
    """Remember that this request's target is answered by `answers[key]` (for `Front`)."""
    target = (
        request.scope.get("raw_path") or request.url.path.encode(),
        request.scope.get("query_string", b""),
    )
    with _urls_lock:
        _urls[target] = key
        _urls.move_to_end(target)
        while len(_urls) > MAX_URLS:
            _urls.popitem(last=False)


#: Accept headers a kept JSON answer satisfies as it is (others go through negotiation).
_JSON_ACCEPTS = frozenset({b"", b"*/*", b"application/json"})


class Front:
    """Sends a kept answer for a request target seen before, before routing.

    A cached answer still went through routing, validation of every parameter and three
    dependencies: ~2 ms of Python per request, 2.4× a bare endpoint's cost (issue #12).
    A target (path and query) that was answered from `answers` maps to its key, so the
    same target on the same snapshot is the same bytes. Only plain JSON requests are
    answered here: any `Accept` other than JSON, a CSV `format`, or an `Origin` (CORS)
    goes the whole way, as does everything while the store has news (`refresh_due`).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            kept = self._kept(scope)
            if kept is not None:
                body, headers = kept
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    def _kept(self, scope: Scope) -> tuple[bytes, list[tuple[bytes, bytes]]] | None:
        query: bytes = scope.get("query_string", b"")
        if b"format=" in query:
            return None
        with _urls_lock:
            key = _urls.get((scope.get("raw_path") or scope["path"].encode(), query))
        if key is None:
            return None
        accept = encoding = b""
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"accept-encoding":
                encoding = value
            elif name == b"origin":
                return None
        if accept not in _JSON_ACCEPTS:
            return None
        store: GraphStore | None = getattr(scope["app"].state, "store", None)
        if store is None or store.refresh_due():
            return None
        with store.pinned() as view:
            answer = answers.peek(view, key)
        if answer is None:
            return None
        body, headers = answer.encoded(encoding.decode("latin-1"))
        return body, [(b"content-length", str(len(body)).encode()), *headers]


_corpora: Answers[list[Row]] = Answers(maxsize=16)
#: The search index of each snapshot (`app.api.search`): one per store handle is enough.
indexes: Answers[SearchIndex] = Answers(maxsize=2)
#: Article references by id: shared by every answer that cites sources.
articles: Answers[object] = Answers(maxsize=200_000)


def rows(store: GraphStore, name: str, **params: Any) -> list[Row]:
    """`store.query(name)`, kept per read-only snapshot; a fresh list each call (rows are
    shared, so callers must not change them)."""
    key = (name, tuple(sorted(params.items())))
    return list(_corpora.remember(store, key, lambda: store.query(name, **params)))
