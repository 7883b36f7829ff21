"""`vlkg fetch` against a local site (127.0.0.1): no test here touches the internet.

The site serves article pages, a feed, a sitemap index, and every way a page can go wrong:
404, 500, 429 with Retry-After, a page slower than the timeout, a redirect loop, a PDF, a
page far over the size cap, a path robots.txt disallows, and a page in Windows-1258 whose
charset only the HTTP header declares.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import orjson
import pytest

from ingest.fetch.client import FetchConfig, Fetcher, FetchError, retry_after
from ingest.fetch.corpus import MANIFEST, Corpus
from ingest.fetch.discover import feed_urls, filter_candidates, sitemap_urls
from ingest.fetch.policy import UrlRefused, check_url
from ingest.fetch.run import fetch_urls
from ingest.pipeline import extract_paths

# Written for these tests.
BODY_VI = (
    "Ngày 5/3/2024, tỉnh Hà Tĩnh và tỉnh Khăm Muộn (Lào) đã ký biên bản ghi nhớ hợp tác "
    "giai đoạn 2024-2028 về giáo dục, y tế và thương mại biên giới."
)


def page(title: str, body: str, *, date: str = "2024-03-05", canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title} | Báo Mẫu</title>'
        f'<meta property="og:site_name" content="Báo Mẫu">{link}'
        f'<meta property="article:published_time" content="{date}T08:00:00+07:00"></head>'
        f"<body><nav>Trang chủ | Thời sự</nav><article><h1>{title}</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Bản quyền</footer></body></html>"
    ).encode()


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: a base letter (â, ơ, ...) followed by a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


class Site:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.flaky_429 = 0
        self.base = ""


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send(
            self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            base = site.base
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path.startswith("/news/"):
                n = path.rsplit("-", 1)[-1]
                etag = f'"v{n}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send(304, ETag=etag)
                    return
                canonical = f"{base}/canonical/news-{n}" if n == "1" else None
                self.send(
                    200,
                    page(f"Bài {n}: hợp tác Hà Tĩnh – Khăm Muộn", BODY_VI, canonical=canonical),
                    ETag=etag,
                )
            elif path == "/offtopic":
                self.send(
                    200, page("Thời tiết", "Trời nắng ở Hà Nội, không nói về tỉnh nào của nước bạn." * 3)
                )
            elif path == "/private/secret":
                self.send(200, page("Bí mật", BODY_VI))
            elif path == "/missing":
                self.send(404, b"no")
            elif path == "/broken":
                self.send(500, b"oops")
            elif path == "/busy":
                site.flaky_429 += 1
                if site.flaky_429 == 1:
                    self.send(429, b"slow down", Retry_After="7")
                else:
                    self.send(200, page("Bài bận", BODY_VI))
            elif path == "/slow":
                time.sleep(1.0)
                self.send(200, page("Chậm", BODY_VI))
            elif path in ("/loop-a", "/loop-b"):
                other = "/loop-b" if path == "/loop-a" else "/loop-a"
                self.send(302, Location=other)
            elif path == "/moved":
                self.send(301, Location="/news/bai-3")
            elif path == "/report.pdf":
                self.send(200, b"%PDF-1.4 ...", "application/pdf")
            elif path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(30_000_000))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client hangs up, as it should
                    self.wfile.write(b"<html>" + b" " * 65536)
            elif path == "/cp1258":
                # "Hà Tĩnh" in Windows-1258: base letters with combining tone marks.
                body = "Tỉnh Hà Tĩnh và tỉnh Khăm Muộn ký kết hợp tác. " * 5
                html = (
                    "<html><head><title>Hà Tĩnh</title></head>"
                    f"<body><article><p>{body}</p></article></body></html>"
                )
                self.send(200, cp1258(html), "text/html; charset=windows-1258")
            elif path == "/feed.xml":
                items = "".join(
                    f"<item><title>Bài {n}</title><link>{base}/news/bai-{n}</link>"
                    f"<pubDate>{d} Mar 2024 08:00:00 +0700</pubDate></item>"
                    for n, d in ((1, "05"), (2, "20"))
                )
                feed = (
                    '<?xml version="1.0"?><rss version="2.0">'
                    f"<channel><title>t</title>{items}</channel></rss>"
                )
                self.send(200, feed.encode(), "application/rss+xml")
            elif path == "/sitemap.xml":
                xml = (
                    '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>"
                )
                self.send(200, xml.encode(), "application/xml")
            elif path == "/sitemap-news.xml":
                xml = (
                    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<url><loc>{base}/news/bai-2</loc><lastmod>2024-03-20</lastmod></url>"
                    f"<url><loc>{base}/news/bai-4</loc><lastmod>2023-01-01</lastmod></url>"
                    f"<url><loc>{base}/tag/x</loc></url></urlset>"
                )
                self.send(200, xml.encode(), "application/xml")
            else:
                self.send(404, b"not here")

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(s))
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fetcher(sleeps: Sleeps | None = None, **kw: object) -> Fetcher:
    config = FetchConfig(
        **{"interval": 0.0, "timeout": 0.3, "retries": 2, "backoff": 0.01, "allow_private": True, **kw}  # type: ignore[arg-type]
    )
    return Fetcher(config, sleep=sleeps if sleeps is not None else Sleeps())


def test_private_addresses_and_other_schemes_are_refused_unless_allowed() -> None:
    for url in ("http://127.0.0.1/x", "http://[::1]/", "http://10.1.2.3/", "http://169.254.169.254/latest"):
        with pytest.raises(UrlRefused, match="non-public"):
            check_url(url)
    for url in ("file:///etc/passwd", "ftp://example.org/x", "/local/path"):
        with pytest.raises(UrlRefused, match="only http"):
            check_url(url, allow_private=True)
    assert check_url("http://127.0.0.1:8/x", allow_private=True) == "127.0.0.1"


def test_fetch_without_allow_private_refuses_the_local_site(site: Site, tmp_path: Path) -> None:
    with Fetcher(FetchConfig(interval=0.0)) as f:
        summary = fetch_urls(f, Corpus(tmp_path), [f"{site.base}/news/bai-1"])
    (o,) = summary.outcomes
    assert o.kind == "skipped" and "non-public" in o.reason
    assert not site.hits


def test_retry_after_is_parsed() -> None:
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after("soon") is None and retry_after(None) is None


def test_every_failure_is_one_outcome_and_the_run_goes_on(site: Site, tmp_path: Path) -> None:
    sleeps = Sleeps()
    b = site.base
    urls = [
        f"{b}/news/bai-1",
        f"{b}/missing",
        f"{b}/broken",
        f"{b}/busy",
        f"{b}/slow",
        f"{b}/loop-a",
        f"{b}/moved",
        f"{b}/report.pdf",
        f"{b}/huge",
        f"{b}/private/secret",
        f"{b}/cp1258",
    ]
    with fetcher(sleeps) as f:
        summary = fetch_urls(f, Corpus(tmp_path), urls, concurrency=3)
    by_url = {o.url.removeprefix(b): o for o in summary.outcomes}
    assert by_url["/news/bai-1"].kind == "fetched"
    assert (by_url["/missing"].kind, by_url["/missing"].reason) == ("failed", "HTTP 404")
    assert (by_url["/broken"].kind, by_url["/broken"].reason) == ("failed", "HTTP 500")
    assert site.hits["/broken"] == 3  # the first try and two retries
    assert by_url["/busy"].kind == "fetched" and 7.0 in sleeps  # waited as Retry-After asked
    assert by_url["/slow"].kind == "failed" and "timeout" in by_url["/slow"].reason
    assert by_url["/loop-a"].kind == "failed" and "redirect loop" in by_url["/loop-a"].reason
    assert by_url["/moved"].kind == "fetched"
    assert by_url["/report.pdf"].kind == "skipped" and "application/pdf" in by_url["/report.pdf"].reason
    assert by_url["/huge"].kind == "skipped" and "too large" in by_url["/huge"].reason
    assert by_url["/private/secret"].kind == "robots"
    assert site.hits["/private/secret"] == 0 and site.hits["/robots.txt"] == 1
    assert by_url["/cp1258"].kind == "fetched"
    cp = orjson.loads((tmp_path / str(by_url["/cp1258"].file)).read_bytes())
    assert "Hà Tĩnh" in cp["html"]  # decoded from the header's charset, NFC


def test_manifest_metadata_and_a_second_run_fetches_nothing(site: Site, tmp_path: Path) -> None:
    b = site.base
    urls = [f"{b}/news/bai-1", f"{b}/news/bai-2"]
    with fetcher() as f:
        first = fetch_urls(f, Corpus(tmp_path), urls)
    assert first.counts["fetched"] == 2
    rows = [orjson.loads(line) for line in (tmp_path / MANIFEST).read_bytes().splitlines()]
    one = next(r for r in rows if r["fetched_url"].endswith("bai-1"))
    assert one["url"] == one["canonical_url"] == f"{b}/canonical/news-1"
    assert one["published"] == "2024-03-05" and one["outlet"] == "Báo Mẫu" and one["language"] == "vi"
    assert len(one["sha256"]) == 64 and one["etag"] == '"v1"' and one["fetched_at"]
    assert one["title"].startswith("Bài 1")
    hits = sum(site.hits.values())
    with fetcher() as f:
        second = fetch_urls(f, Corpus(tmp_path), urls)
    assert second.counts["cached"] == 2 and sum(site.hits.values()) == hits
    with fetcher() as f:
        third = fetch_urls(f, Corpus(tmp_path), urls, refresh=True)
    assert third.counts["unchanged"] == 2  # conditional requests answered 304


def test_a_run_killed_mid_write_resumes(site: Site, tmp_path: Path) -> None:
    with fetcher() as f:
        fetch_urls(f, Corpus(tmp_path), [f"{site.base}/news/bai-1"])
    with open(tmp_path / MANIFEST, "ab") as handle:
        handle.write(b'{"file": "half')  # what a kill during the append leaves
    with fetcher() as f:
        summary = fetch_urls(f, Corpus(tmp_path), [f"{site.base}/news/bai-1", f"{site.base}/news/bai-2"])
    assert sorted(o.kind for o in summary.outcomes) == ["cached", "fetched"]


def test_feeds_and_sitemaps_give_urls_filtered_by_date_and_pattern(site: Site) -> None:
    b = site.base
    with fetcher() as f:
        feed = feed_urls(f, f"{b}/feed.xml")
        sitemap = sitemap_urls(f, f"{b}/sitemap.xml")
    assert [c.url for c in feed] == [f"{b}/news/bai-1", f"{b}/news/bai-2"]
    assert feed[0].date == dt.date(2024, 3, 5)
    chosen = filter_candidates([*feed, *sitemap], since=dt.date(2024, 3, 10), match=r"/news/")
    assert [c.url for c in chosen] == [f"{b}/news/bai-2"]


def test_relevant_only_drops_pages_naming_no_pair(site: Site, tmp_path: Path) -> None:
    with fetcher() as f:
        summary = fetch_urls(
            f, Corpus(tmp_path), [f"{site.base}/news/bai-1", f"{site.base}/offtopic"], relevant_only=True
        )
    kinds = {o.url.removeprefix(site.base): o.kind for o in summary.outcomes}
    assert kinds == {"/news/bai-1": "fetched", "/offtopic": "skipped"}


def test_ingest_reads_the_fetched_corpus_with_urls_and_dates(site: Site, tmp_path: Path) -> None:
    with fetcher() as f:
        fetch_urls(f, Corpus(tmp_path), [f"{site.base}/news/bai-1", f"{site.base}/news/bai-2"])
    run = extract_paths([tmp_path])
    assert not run.failures
    assert len(run.articles) == 2
    for art in run.articles:
        assert art.url and art.url.startswith(site.base)
        assert art.source == art.url  # no local path
        assert art.published == dt.date(2024, 3, 5)
        assert art.partnerships


def test_fetcher_raises_fetch_error_for_direct_use(site: Site) -> None:
    with fetcher() as f, pytest.raises(FetchError) as info:
        f.get(f"{site.base}/missing")
    assert info.value.kind == "failed"


def test_cli_fetch_then_ingest_loads_urls_and_dates(site: Site, tmp_path: Path) -> None:
    from tests.run import vlkg

    corpus, data = tmp_path / "corpus", tmp_path / "data"
    args = ["--allow-private", "--delay", "0", "-o", str(corpus)]
    r = vlkg(
        "fetch",
        "--feed",
        f"{site.base}/feed.xml",
        "--sitemap",
        f"{site.base}/sitemap.xml",
        "--match",
        "/news/",
        *args,
        data=data,
    )
    assert r.returncode == 0, r.stderr
    assert "fetched" in r.stderr and "robots.txt" in r.stderr
    again = vlkg("fetch", "--feed", f"{site.base}/feed.xml", *args, data=data)
    assert again.returncode == 0 and "already in the corpus" in again.stderr
    r = vlkg("ingest", str(corpus), data=data)
    assert r.returncode == 0, r.stderr
    r = vlkg("export", "--format", "nt", data=data)
    assert r.returncode == 0, r.stderr
    assert f"<{site.base}/canonical/news-1>" in r.stdout  # schema:url
    assert str(tmp_path) not in r.stdout  # no local path in the dump
