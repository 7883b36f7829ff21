"""Memoized answers (and search corpora) for read-only snapshots of the graph.

`vlkg serve` reads the embedded store read-only: until a writer finishes a load (and the
store reopens, see `EmbeddedStore.refresh`), every answer computed from it is final. A
province's partners, with every cited article, are the largest answer the API gives
(hundreds of sources on a 10,000-article graph), so they are kept here as encoded JSON,
per store handle and snapshot token, in a small LRU. Stores whose data may change under
them (writable handles, Neo4j) have no token and are never memoized. The lists that
name searches scan (every official, agreement, project, article title) are kept the
same way, so a search costs the scoring only, and so are article references, which
every answer citing sources looks up.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from app.store.base import GraphStore, Row

T = TypeVar("T")

#: Answers kept per store handle; the largest partners answer is ~300 kB of JSON.
MAX_ANSWERS = 256


class Answers(Generic[T]):
    def __init__(self, maxsize: int = MAX_ANSWERS) -> None:
        self.maxsize = maxsize
        self._lock = threading.Lock()
        self._by_store: weakref.WeakKeyDictionary[GraphStore, tuple[str, OrderedDict[Hashable, T]]] = (
            weakref.WeakKeyDictionary()
        )

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
            held = self._by_store.get(store)
            if held is None or held[0] != token:
                held = self._by_store[store] = (token, OrderedDict())
            held[1][key] = body
            while len(held[1]) > self.maxsize:
                held[1].popitem(last=False)
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
            held = self._by_store.get(store)
            if held is None or held[0] != token:
                held = self._by_store[store] = (token, OrderedDict())
            held[1].update(new)
            while len(held[1]) > self.maxsize:
                held[1].popitem(last=False)
        return {**found, **new}


answers: Answers[bytes] = Answers()
_corpora: Answers[list[Row]] = Answers(maxsize=16)
#: Article references by id: shared by every answer that cites sources.
articles: Answers[object] = Answers(maxsize=200_000)


def rows(store: GraphStore, name: str, **params: Any) -> list[Row]:
    """`store.query(name)`, kept per read-only snapshot; a fresh list each call (rows are
    shared, so callers must not change them)."""
    key = (name, tuple(sorted(params.items())))
    return list(_corpora.remember(store, key, lambda: store.query(name, **params)))
