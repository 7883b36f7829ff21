"""Which reader gives an HTML page's main text: the project's zoning, not trafilatura's.

`tools/compare_readers.py` scored both on the repository's HTML test articles and on the seed
and development-set texts laid out as news pages (docs/reading.md, "Main text"): the
project's zoning scored as well or better on every input kind, and trafilatura lost facts
mainly by dropping the lead paragraph that pages keep outside the body container. These tests
pin that choice's behaviour on a page written for the test: the lead is body, captions and
related-link boxes are zoned as such, the page chrome is gone, and neither an HTML file nor a
`vlkg fetch` JSON article goes through trafilatura's main-text extraction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from ingest.document import Document
from ingest.reading import read_document

LEAD = (
    "Sáng 12/3, tại thành phố Kon Tum, Chủ tịch UBND tỉnh Kon Tum tiếp đoàn đại biểu tỉnh "
    "Sê Kông (Lào) sang thăm và làm việc, hai bên ký biên bản hợp tác giai đoạn 2025-2030."
)
BODY = (
    "Hai bên thống nhất tăng cường phối hợp quản lý biên giới, phát triển thương mại qua cửa "
    "khẩu và đào tạo nguồn nhân lực cho tỉnh bạn trong những năm tới."
)
CAPTION = "Lãnh đạo hai tỉnh tại buổi làm việc."
RELATED = "Quảng Nam và Sê Kông tổng kết hợp tác năm 2024"
SIDEBAR = "Lai Châu và Phông Sa Lỳ ký kết biên bản hợp tác giai đoạn mới"

PAGE = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kon Tum và Sê Kông hợp tác | Báo Mẫu</title>
<link rel="canonical" href="https://baomau.vn/kon-tum-se-kong-123.html"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>
<div class="detail">
<h1>Kon Tum và Sê Kông ký biên bản hợp tác giai đoạn mới</h1>
<div class="sapo">{LEAD}</div>
<div class="article-body">
<figure><img src="a.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
<p>{BODY}</p>
<div class="tin-lien-quan"><a href="/b">{RELATED}</a></div>
<p>Đoàn cũng thăm một số cơ sở sản xuất nông nghiệp và trường học trên địa bàn tỉnh.</p>
</div></div>
<aside><ul><li><a href="/c">{SIDEBAR}</a></li></ul></aside>
<footer><p>Bản quyền thuộc Báo Mẫu.</p></footer>
</body></html>
"""


def zones(doc: Document, zone: str) -> list[str]:
    return [s.text for s in doc.segments if s.zone == zone]


@pytest.fixture
def no_trafilatura_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make trafilatura's main-text extraction fail loudly if reading ever calls it."""
    import trafilatura

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("reading must not use trafilatura's main text")

    monkeypatch.setattr(trafilatura, "extract", refuse)
    monkeypatch.setattr(trafilatura, "bare_extraction", refuse)


def check(doc: Document) -> None:
    assert doc.title == "Kon Tum và Sê Kông ký biên bản hợp tác giai đoạn mới"
    body = zones(doc, "body")
    assert LEAD in body  # the lead kept outside the body container (trafilatura drops it)
    assert BODY in body
    assert zones(doc, "caption") == [CAPTION]
    assert RELATED in zones(doc, "related")
    assert all(SIDEBAR not in s.text and "Bản quyền" not in s.text for s in doc.segments)
    for s in doc.segments:
        assert doc.text[s.start : s.end] == s.text


def test_html_file_main_text_is_the_projects_zoning(tmp_path: Path, no_trafilatura_text: None) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    check(read_document(path))


def test_fetched_json_article_main_text_is_the_projects_zoning(
    tmp_path: Path, no_trafilatura_text: None
) -> None:
    # The shape `vlkg fetch` saves: metadata beside the decoded page.
    article = {
        "url": "https://baomau.vn/kon-tum-se-kong-123.html",
        "title": "Kon Tum và Sê Kông ký biên bản hợp tác giai đoạn mới",
        "published": "2025-03-12",
        "fetched_at": "2025-03-13T08:00:00Z",
        "sha256": "0" * 64,
        "html": PAGE,
    }
    path = tmp_path / "baomau.vn-0123456789ab.json"
    path.write_bytes(orjson.dumps(article))
    doc = read_document(path)
    check(doc)
    assert doc.url == article["url"]
