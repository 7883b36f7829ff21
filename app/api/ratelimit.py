"""A per-client request rate limit: one token bucket per remote address.

Searches are cheap now (an index per snapshot), but one client looping over uncached
questions can still keep both of a small server's cores busy and slow every other client
(issue #11). `VLKG_RATE_LIMIT` requests per second per client (0, the default, turns the
limit off: a local `vlkg serve` has one user) with bursts of `VLKG_RATE_BURST` (by
default one second's worth). Beyond it the answer is 429 problem+json with `Retry-After`
in whole seconds. `/health` is never limited: monitors and load balancers must see it.

The client is the connection's remote address (behind a reverse proxy that is the proxy;
configure the proxy to pass the client address through uvicorn's `--proxy-headers`).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.errors import PROBLEM

#: Clients remembered at once; the least recently seen are forgotten (their bucket refills).
MAX_CLIENTS = 10_000
#: Paths never limited.
EXEMPT = frozenset({"/health"})


class RateLimit:
    """ASGI middleware: a token bucket of `burst` tokens per client, refilled at `rate`/s."""

    def __init__(
        self,
        app: ASGIApp,
        rate: float,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.rate = rate
        self.burst = burst if burst and burst >= 1 else max(1.0, rate)
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Take a token for `client`: 0 when it may go on, else the seconds until it may."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or scope.get("path") in EXEMPT:
            await self.app(scope, receive, send)
            return
        peer = scope.get("client")
        wait = self.wait(peer[0] if peer else "-")
        if wait == 0:
            await self.app(scope, receive, send)
            return
        retry = max(1, math.ceil(wait))
        body = orjson.dumps(
            {
                "type": "about:blank",
                "title": "Too Many Requests",
                "status": 429,
                "detail": f"more than {self.rate:g} requests per second from this client; "
                f"try again in {retry} s",
            }
        )
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", PROBLEM.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(retry).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
