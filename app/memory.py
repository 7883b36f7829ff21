"""Giving freed memory back to the system after the server's large, passing allocations.

A whole `/export.ttl` and the build of a snapshot's search index allocate hundreds of
megabytes of short-lived Python objects and engine buffers, spread over the threads of
the server's pool. glibc keeps what they free in its per-thread arenas for reuse, so the
server's resident memory stays at its peak (issue #12: `vlkg serve` ≤ 500 MB at 50,000
articles). `trim` asks glibc to return the free pages at the top of each arena once such
a job is done; elsewhere (musl, macOS) it does nothing.

`settle` is the other half: the search index of a snapshot is some 300,000 long-lived
Python objects at 50,000 articles, and every full collection of the cyclic garbage
collector walked all of them again. A dump allocates enough to run ~140 full collections,
so with the index in the heap a 50,000-article `/export.ttl` took 37 s instead of 20 s
(measured in-process, 2026-11-30; docs/benchmarks.md, Scale). Freezing what is alive once
the index is built takes it out of those walks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        fn = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_size_t]
    fn.restype = ctypes.c_int
    trim: Callable[[int], int] = fn
    return trim


def trim() -> bool:
    """Return free heap pages to the system; whether the C library could be asked."""
    fn = _malloc_trim()
    if fn is None:
        return False
    fn(0)
    return True


def settle() -> None:
    """Move every object alive now out of the collector's reach (`gc.freeze`), after one
    full collection. Called once the long-lived state of a snapshot (its search index) is
    built. What was frozen before is handed back first (`gc.unfreeze`), so cycles that
    died since are collected here rather than kept for good; objects without cycles are
    freed by reference counting frozen or not, so the previous snapshot's index goes as
    soon as nothing holds it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
