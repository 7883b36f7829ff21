"""Giving freed memory back to the system after the server's large, passing allocations.

A whole `/export.ttl` and the build of a snapshot's search index allocate hundreds of
megabytes of short-lived Python objects and engine buffers, spread over the threads of
the server's pool. glibc keeps what they free in its per-thread arenas for reuse, so the
server's resident memory stays at its peak (issue #12: `vlkg serve` ≤ 500 MB at 50,000
articles). `trim` asks glibc to return the free pages at the top of each arena once such
a job is done; elsewhere (musl, macOS) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
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
