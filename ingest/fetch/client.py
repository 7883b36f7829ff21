"""A polite, bounded HTTP client for news pages.

News sites are shared infrastructure and some of them rate-limit or block crawlers that
hammer them, so every rule here is about being a good guest and about never letting one bad
page stop or exhaust the run:

- robots.txt is read once per site and obeyed (including its `Crawl-delay`); a robots.txt
  that answers 4xx allows everything, one that cannot be fetched (5xx, timeout) allows
  nothing, as crawlers conventionally do.
- one request at a time per host, at least `interval` seconds apart;
- timeouts on connect and read; retries with exponential backoff on 429, 5xx and transport
  errors, honouring `Retry-After` (seconds or an HTTP date) up to `max_wait`;
- redirects are followed by hand, at most `max_redirects`, each hop checked against the
  address policy and robots.txt, a loop reported as such;
- a `User-Agent` naming the project and where to read about it;
- bodies are streamed and cut at `max_bytes`; a declared `Content-Length` above it is
  refused before reading.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from app.errors import VlkgError
from ingest.fetch.policy import UrlRefused, check_url

__all__ = ["USER_AGENT", "FetchConfig", "FetchError", "Fetcher", "Response"]

USER_AGENT = "vlkg-fetch/0.1 (+https://w3id.org/vlkg; Vietnam-Laos provincial partnership research corpus)"
ROBOTS_TOKEN = "vlkg-fetch"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchConfig:
    """The knobs of politeness and robustness; the defaults suit a news site."""

    interval: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    max_wait: float = 120.0
    max_redirects: int = 5
    max_bytes: int = 20_000_000
    allow_private: bool = False
    user_agent: str = USER_AGENT


class FetchError(VlkgError):
    """A URL that was not fetched. `kind` is `failed`, `robots` or `skipped`; `reason` one line."""

    exit_code = 1
    status = 502
    title = "Page not fetched"
    public = "the page could not be fetched"

    def __init__(self, url: str, reason: str, kind: str = "failed") -> None:
        self.url = url
        self.reason = reason
        self.kind = kind
        super().__init__(f"{url}: {reason}")


@dataclass
class Response:
    """A final (non-redirect) answer: status, headers, the body (empty unless 200)."""

    url: str
    final_url: str
    status: int
    headers: httpx.Headers
    content: bytes = b""

    @property
    def media_type(self) -> str:
        value: str = self.headers.get("content-type", "")
        return value.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        header: str = self.headers.get("content-type", "")
        for part in header.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return str(value.strip().strip("\"'"))
        return None


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    delay: float = 0.0


class Fetcher:
    """Fetch pages politely; thread-safe (one request at a time per host)."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self._sleep = sleep
        timeout = httpx.Timeout(self.config.timeout, connect=min(10.0, self.config.timeout))
        self._client = httpx.Client(
            headers={"User-Agent": self.config.user_agent, "Accept-Language": "vi, en;q=0.8, *;q=0.5"},
            timeout=timeout,
            follow_redirects=False,
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, Protego | None] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -----------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None, *, robots: bool = True) -> Response:
        """GET `url` following redirects; 200 and 304 are returned, anything else raises."""
        seen: set[str] = set()
        current = url
        for _ in range(self.config.max_redirects + 1):
            try:
                check_url(current, allow_private=self.config.allow_private)
            except UrlRefused as err:
                raise FetchError(url, str(err), "skipped") from None
            if robots and not self.allowed(current):
                raise FetchError(url, f"disallowed by robots.txt ({_origin(current)})", "robots")
            seen.add(current)
            response = self._request(url, current, headers or {})
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {response.status} without a Location")
                current = urljoin(current, location)
                if current in seen:
                    raise FetchError(url, f"redirect loop at {current}")
                continue
            if response.status not in (200, 304):
                raise FetchError(url, f"HTTP {response.status}")
            return response
        raise FetchError(url, f"more than {self.config.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets this crawler fetch it."""
        origin = _origin(url)
        with self._host(urlsplit(url).netloc).robots_lock:  # read once, however many threads ask
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
        parser = self._robots[origin]
        if parser is None:
            return False
        return bool(parser.can_fetch(url, ROBOTS_TOKEN))

    # -- internals --------------------------------------------------------------------
    def _read_robots(self, origin: str) -> Protego | None:
        robots_url = origin + "/robots.txt"
        try:
            response = self.get(robots_url, robots=False)
        except FetchError as err:
            if err.reason.startswith("HTTP 4"):
                return Protego.parse("")
            return None
        text = response.content.decode("utf-8", "replace")
        parser = Protego.parse(text)
        delay = parser.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self._host(urlsplit(origin).netloc).delay = min(float(delay), self.config.max_wait)
        return parser

    def _host(self, netloc: str) -> _Host:
        with self._lock:
            return self._hosts.setdefault(netloc, _Host())

    def _request(self, original: str, url: str, headers: dict[str, str]) -> Response:
        host = self._host(urlsplit(url).netloc)
        attempt = 0
        while True:
            with host.lock:
                wait = host.next_at - time.monotonic()
                if wait > 0:
                    self._sleep(wait)
                try:
                    result: Response | float = self._once(original, url, headers, attempt)
                except (httpx.TimeoutException, httpx.TransportError) as err:
                    if attempt >= self.config.retries:
                        kind = "timeout" if isinstance(err, httpx.TimeoutException) else "network error"
                        raise FetchError(original, f"{kind}: {type(err).__name__}") from None
                    result = self.config.backoff * 2**attempt
                finally:
                    host.next_at = time.monotonic() + max(self.config.interval, host.delay)
            if isinstance(result, Response):
                return result
            self._sleep(result)
            attempt += 1

    def _once(self, original: str, url: str, headers: dict[str, str], attempt: int) -> Response | float:
        """One request: the response, or the seconds to wait before retrying."""
        with self._client.stream("GET", url, headers=headers) as r:
            if r.status_code in RETRY_STATUSES and attempt < self.config.retries:
                wait = retry_after(r.headers.get("retry-after"))
                if wait is None:
                    wait = self.config.backoff * 2**attempt
                if wait > self.config.max_wait:
                    raise FetchError(original, f"HTTP {r.status_code}, Retry-After {wait:.0f} s is too long")
                return wait
            response = Response(original, url, r.status_code, r.headers)
            if r.status_code != 200:
                return response
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.config.max_bytes:
                raise FetchError(original, f"page too large ({int(declared):,} bytes declared)", "skipped")
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > self.config.max_bytes:
                    raise FetchError(
                        original, f"page too large (over {self.config.max_bytes:,} bytes)", "skipped"
                    )
                chunks.append(chunk)
            response.content = b"".join(chunks)
            return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
