"""Reading files into Documents: encodings, formats, and every kind of bad input.

All article text here is written for these tests (invented provinces' news in the style of
Vietnamese outlets), never copied from the seed articles.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path

import orjson
import pytest

from ingest.decode import DecodeError, decode_bytes, normalise_text
from ingest.document import Document, content_id
from ingest.reading import MAX_BYTES, ReadError, document_from_bytes, read_document

ARTICLE = """Trang chủ Thời sự Quốc tế
09:15 | 14/03/2024 GMT+7

Quảng Trị và Savannakhet ký kết hợp tác giai đoạn mới

aa
Sáng 13/3, tại thành phố Đông Hà, lãnh đạo tỉnh Quảng Trị đã tiếp đoàn đại biểu tỉnh Savannakhet (Lào).
Hai bên đã trao đổi về kết quả hợp tác năm 2023 và thống nhất nhiều nội dung cho năm tới.

Dịp này, hai tỉnh đã ký Biên bản ghi nhớ hợp tác giai đoạn 2024 - 2028 về giáo dục, y tế và thương mại.
Theo Minh Châu/TTXVN
Nguồn: baotintuc.vn

Tin bài liên quan

Các tin bài khác

Một tỉnh phía Bắc đẩy mạnh giao lưu với đối tác Nhật Bản
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def body_text(doc: Document) -> str:
    return "\n".join(s.text for s in doc.zone("body"))


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 really writes Vietnamese: base letters (ă, ơ, ư, ê ...) are
    single bytes and the five tone marks are separate combining characters."""
    out = bytearray()
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        marks = "".join(c for c in parts if c in tones)
        out += (base + marks).encode("cp1258")
    return bytes(out)


def assert_consistent(doc: Document) -> None:
    assert doc.id == content_id(doc.text)
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    for segment in doc.segments:
        assert doc.text[segment.start : segment.end] == segment.text


# --- plain text and encodings ------------------------------------------------------------


def test_plain_text_article(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", ARTICLE.encode()))
    assert_consistent(doc)
    assert doc.source == str(tmp_path / "a.txt")
    assert doc.title == "Quảng Trị và Savannakhet ký kết hợp tác giai đoạn mới"
    assert doc.published == dt.date(2024, 3, 14)
    assert doc.outlet == "baotintuc.vn"
    assert doc.language == "vi"
    body = body_text(doc)
    assert body.startswith("Sáng 13/3")
    assert "Biên bản ghi nhớ" in body
    for boilerplate in ("Trang chủ", "GMT+7", "aa", "Minh Châu", "Nguồn", "Nhật Bản"):
        assert boilerplate not in body
    assert doc.segments[0].zone == "title"


def test_utf8_bom_is_the_same_document(tmp_path: Path) -> None:
    plain = read_document(write(tmp_path, "a.txt", ARTICLE.encode()))
    bom = read_document(write(tmp_path, "b.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert bom.text == plain.text
    assert bom.id == plain.id
    assert bom.segments == plain.segments


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(tmp_path: Path, codec: str) -> None:
    plain = read_document(write(tmp_path, "a.txt", ARTICLE.encode()))
    data = ARTICLE.encode(codec)
    if codec in {"utf-16-le", "utf-16-be"}:  # no BOM: detected from the NUL pattern
        doc = read_document(write(tmp_path, "b.txt", data))
        assert any("byte-order mark" in w for w in doc.warnings)
    else:
        doc = read_document(write(tmp_path, "b.txt", data))
    assert doc.text == plain.text
    assert doc.id == plain.id


def test_windows_1258_is_decoded_and_composed(tmp_path: Path) -> None:
    data = to_cp1258(ARTICLE)
    assert "ễ".encode() not in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_document(write(tmp_path, "legacy.txt", data))
    assert doc.text == unicodedata.normalize("NFC", ARTICLE)
    assert doc.title == "Quảng Trị và Savannakhet ký kết hợp tác giai đoạn mới"
    assert doc.warnings == []


def test_decomposed_utf8_becomes_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", ARTICLE)
    assert nfd != ARTICLE
    doc = read_document(write(tmp_path, "nfd.txt", nfd.encode()))
    assert doc.text == ARTICLE
    assert doc.id == content_id(ARTICLE)


def test_crlf_and_odd_spaces_are_normalised() -> None:
    assert normalise_text("Hà\u00a0Tĩnh\r\nKhăm\u200b Muồn\r") == "Hà Tĩnh\nKhăm Muồn\n"


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning() -> None:
    data = ARTICLE.encode() + b"\nKet thuc \xff.\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert "replaced" in decoded.warnings[0]


# --- bad input ----------------------------------------------------------------------------


def reason(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(str(path))
    assert "\n" not in info.value.reason
    return info.value.reason


def test_empty_file(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "empty.txt", b"")) == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert "empty" in reason(write(tmp_path, "blank.txt", b" \n\r\n\t \n"))


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    assert "binary" in reason(write(tmp_path, "blob.txt", data))


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
    ],
)
def test_binary_formats_are_named(tmp_path: Path, data: bytes, what: str) -> None:
    message = reason(write(tmp_path, "thing.txt", data + b"x" * 100))
    assert "binary" in message and what in message


def test_control_characters_are_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20]) * 50
    assert "binary" in reason(write(tmp_path, "ctl.txt", data))


def test_undecodable_bytes(tmp_path: Path) -> None:
    # Invalid UTF-8, and bytes that Windows-1258 leaves undefined.
    data = b"Tin t\x81c \x8d\x8e\x8f\x90 h\x9a\x9d\x9e p t\x81c " * 20
    message = reason(write(tmp_path, "bad.txt", data))
    assert message.startswith("undecodable")


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(b"")


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse: no disk space used, nothing to read
    assert path.stat().st_size >= MAX_BYTES
    assert "too large" in reason(path)


def test_file_just_below_the_limit_is_not_refused_for_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES - 1)
    assert "too large" not in reason(path)  # it is all NUL bytes, so binary instead


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert reason(tmp_path / "nope.txt") == "no such file"
    assert reason(tmp_path) == "is a directory"


@pytest.mark.skipif(os.name != "posix" or not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_is_not_read() -> None:
    with pytest.raises(ReadError) as info:
        read_document(Path("/dev/zero"))
    assert info.value.reason == "not a regular file (a character device)"


# --- HTML -----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Sơn La và Luang Prabang tăng cường hợp tác | Báo Ví Dụ</title>
<meta property="og:title" content="Sơn La và Luang Prabang tăng cường hợp tác">
<meta property="og:site_name" content="Báo Ví Dụ">
<meta property="article:published_time" content="2023-11-02T08:30:00+07:00">
<link rel="canonical" href="https://www.baovidu.vn/son-la-luang-prabang-123.html">
<script>var tracking = "Hà Nội - Bangkok";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>
<header class="site"><div class="date">02/11/2023 08:30</div></header>
<article>
<h1>Sơn La và Luang Prabang tăng cường hợp tác</h1>
<p class="sapo"><strong>Ngày 1/11, tỉnh Sơn La đã đón đoàn đại biểu tỉnh Luang Prabang (Lào).</strong></p>
<p>Hai bên đã ký kết biên bản hợp tác năm 2024 về nông nghiệp,<br>giáo dục và du lịch.</p>
<figure><img src="a.jpg" alt="ảnh">
<figcaption>Lãnh đạo hai tỉnh tại buổi làm việc. Ảnh: Ví Dụ</figcaption></figure>
<p><a href="/khac.html">Một tỉnh miền Trung đón đoàn doanh nghiệp Hàn Quốc</a></p>
<div class="box-related"><ul><li><a href="/x">Hà Nội và Bangkok thúc đẩy giao lưu văn hóa</a></li></ul></div>
<p>Tỉnh Sơn La hỗ trợ tỉnh bạn 2 tỷ đồng xây trường học.</p>
<div class="social-share">Chia sẻ Facebook Zalo</div>
</article>
<aside><h3>Đọc nhiều</h3><p>Tin thời tiết hôm nay</p></aside>
<footer>Bản quyền thuộc về Báo Ví Dụ</footer>
</body></html>
"""


def test_html_article(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.html", HTML.encode()))
    assert_consistent(doc)
    assert doc.title == "Sơn La và Luang Prabang tăng cường hợp tác"
    assert doc.published == dt.date(2023, 11, 2)
    assert doc.url == "https://www.baovidu.vn/son-la-luang-prabang-123.html"
    assert doc.outlet == "Báo Ví Dụ"
    assert doc.language == "vi"
    body = body_text(doc)
    assert body.startswith("Ngày 1/11, tỉnh Sơn La")
    assert "giáo dục và du lịch." in body
    assert "2 tỷ đồng" in body
    for junk in (
        "tracking",
        "color",
        "Trang chủ",
        "Hàn Quốc",
        "Bangkok",
        "Chia sẻ",
        "Đọc nhiều",
        "Bản quyền",
    ):
        assert junk not in body
    captions = [s.text for s in doc.zone("caption")]
    assert captions == ["Lãnh đạo hai tỉnh tại buổi làm việc. Ảnh: Ví Dụ"]
    related = [s.text for s in doc.zone("related")]
    assert "Một tỉnh miền Trung đón đoàn doanh nghiệp Hàn Quốc" in related
    assert "Hà Nội và Bangkok thúc đẩy giao lưu văn hóa" in related
    assert doc.zone("title")[0].text == doc.title


def test_html_in_windows_1258_declared_by_meta(tmp_path: Path) -> None:
    page = HTML.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    )
    doc = read_document(write(tmp_path, "old.htm", to_cp1258(page)))
    assert doc.title == "Sơn La và Luang Prabang tăng cường hợp tác"
    assert "2 tỷ đồng" in body_text(doc)


def test_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.txt", HTML.encode()))
    assert doc.title == "Sơn La và Luang Prabang tăng cường hợp tác"
    assert "<p>" not in doc.text


def test_html_title_falls_back_to_title_tag_without_site_name(tmp_path: Path) -> None:
    page = "<html><head><title>Lai Châu tiếp đoàn tỉnh Phongsaly | Báo Ví Dụ</title></head><body>"
    page += "<p>" + "Đoàn đại biểu tỉnh Phongsaly đã sang thăm tỉnh Lai Châu. " * 5 + "</p></body></html>"
    doc = read_document(write(tmp_path, "p.html", page.encode()))
    assert doc.title == "Lai Châu tiếp đoàn tỉnh Phongsaly"
    assert doc.text.startswith(doc.title + "\n\n")
    assert "Phongsaly đã sang thăm" in body_text(doc)


def test_html_without_text(tmp_path: Path) -> None:
    assert "without text" in reason(
        write(tmp_path, "e.html", b"<html><body><script>x()</script></body></html>")
    )


def test_html_published_from_time_tag(tmp_path: Path) -> None:
    page = "<html><body><article><h1>Điện Biên và Oudomxay hợp tác y tế</h1>"
    page += '<time datetime="2022-08-19">19/8</time>'
    page += (
        "<p>"
        + "Hai tỉnh thống nhất đẩy mạnh hợp tác trong lĩnh vực y tế. " * 5
        + "</p></article></body></html>"
    )
    doc = read_document(write(tmp_path, "t.html", page.encode()))
    assert doc.published == dt.date(2022, 8, 19)


# --- JSON -----------------------------------------------------------------------------------

JSON_ARTICLE = {
    "url": "https://vidu.vn/bai-1",
    "title": "Thanh Hóa và Houaphanh trao đổi kinh nghiệm",
    "published": "2021-06-30",
    "text": "Ngày 29/6, tỉnh Thanh Hóa và tỉnh Houaphanh (Lào) đã tổ chức hội đàm.\n\n"
    "Hai bên thống nhất tiếp tục hợp tác trên các lĩnh vực nông nghiệp và giáo dục.",
    "author": "Ví Dụ",
}


def test_json_article(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.json", orjson.dumps(JSON_ARTICLE)))
    assert_consistent(doc)
    assert doc.title == JSON_ARTICLE["title"]
    assert doc.published == dt.date(2021, 6, 30)
    assert doc.url == JSON_ARTICLE["url"]
    assert doc.text.startswith(JSON_ARTICLE["title"] + "\n\n")
    assert doc.segments[0].zone == "title"
    assert [s.text[:9] for s in doc.zone("body")] == ["Ngày 29/6", "Hai bên t"]


def test_json_article_with_html_body(tmp_path: Path) -> None:
    payload = {"title": "Một tiêu đề thử nghiệm về hợp tác", "published": "05/01/2023", "html": HTML}
    doc = read_document(write(tmp_path, "h.json", orjson.dumps(payload)))
    assert doc.title == "Một tiêu đề thử nghiệm về hợp tác"
    assert doc.published == dt.date(2023, 1, 5)
    assert "2 tỷ đồng" in body_text(doc)


def test_json_in_utf16(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "u.json", orjson.dumps(JSON_ARTICLE).decode().encode("utf-16")))
    assert doc.title == JSON_ARTICLE["title"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"title": "x", "text": ', "malformed JSON"),
        (b"[1, 2, 3]", "expected one article object"),
        ('{"title": "Chỉ có tiêu đề"}'.encode(), "without text"),
        (b'{"articles": []}', "facts document"),
    ],
)
def test_bad_json_articles(tmp_path: Path, data: bytes, expected: str) -> None:
    assert expected in reason(write(tmp_path, "bad.json", data))


def test_json_looking_txt_that_is_not_an_article_is_text(tmp_path: Path) -> None:
    doc = document_from_bytes(b'{"khong": "phai bai bao"}', source="x.txt", suffix=".txt")
    assert doc.text == '{"khong": "phai bai bao"}'


def test_json_published_as_unix_time(tmp_path: Path) -> None:
    for stamp in (1672905600, 1672905600000):  # 2023-01-05 08:00 UTC
        payload = {**JSON_ARTICLE, "published": stamp}
        doc = read_document(write(tmp_path, f"{stamp}.json", orjson.dumps(payload)))
        assert doc.published == dt.date(2023, 1, 5)


def test_json_unreadable_published_is_a_warning(tmp_path: Path) -> None:
    payload = {**JSON_ARTICLE, "published": "hôm qua"}
    doc = read_document(write(tmp_path, "d.json", orjson.dumps(payload)))
    assert doc.published is None
    assert any("published" in w for w in doc.warnings)


NEWS_SITE_PAGE = """<html><head><meta charset="utf-8">
<meta property="og:title" content="Lào Cai và Phongsaly ký kết hợp tác">
<meta itemprop="datePublished" content="2022-03-04T09:00:00+07:00"></head>
<body><div class="breadcrumb"><a>Trang chủ</a> › <a>Thời sự</a></div>
<div class="main-col">
<h1 class="title">Lào Cai và Phongsaly ký kết hợp tác</h1>
<div class="date">04/03/2022 09:00</div>
<h2 class="sapo">Ngày 3/3, tỉnh Lào Cai và tỉnh Phongsaly (Lào) đã ký kết biên bản ghi nhớ hợp tác.</h2>
<div class="detail-content">
<p>Theo biên bản, hai tỉnh phối hợp về thương mại, nông nghiệp và y tế giai đoạn 2022 - 2025.</p>
<table class="image"><tr><td><img src="x.jpg"></td></tr>
<tr><td class="image_desc">Lãnh đạo hai tỉnh ký kết biên bản.</td></tr></table>
<div type="RelatedNewsBox"><a href="/y">Một tỉnh Tây Bắc đón khách du lịch quốc tế</a></div>
<p>Tỉnh Lào Cai cam kết hỗ trợ tỉnh bạn đào tạo 20 cán bộ mỗi năm.</p>
<p class="author">Thu Hà</p>
</div></div>
<div class="box-news-other"><h3>Tin khác</h3><a>Hai tỉnh miền núi trao đổi kinh nghiệm</a></div>
</body></html>"""


def test_html_news_site_structure(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "site.html", NEWS_SITE_PAGE.encode()))
    assert_consistent(doc)
    assert doc.title == "Lào Cai và Phongsaly ký kết hợp tác"
    assert doc.published == dt.date(2022, 3, 4)
    body = [s.text for s in doc.zone("body")]
    assert body[0].startswith("Ngày 3/3, tỉnh Lào Cai")  # the lead outside the content block
    assert any("giai đoạn 2022 - 2025" in b for b in body)
    assert any("20 cán bộ" in b for b in body)
    assert [s.text for s in doc.zone("caption")] == ["Lãnh đạo hai tỉnh ký kết biên bản."]
    assert [s.text for s in doc.zone("related")] == ["Một tỉnh Tây Bắc đón khách du lịch quốc tế"]
    assert "Hai tỉnh miền núi" not in doc.text
    assert "Thu Hà" not in "\n".join(body)


def test_western_legacy_text_with_smart_quotes_is_read() -> None:
    data = "The \u201cfriendship\u201d programme \u2013 signed in 2019 \u2013 covers trade.".encode("cp1252")
    assert decode_bytes(data).text == "The “friendship” programme – signed in 2019 – covers trade."


def test_cyrillic_legacy_text_is_refused_with_a_hint() -> None:
    data = ("Сотрудничество двух провинций в области образования и торговли. " * 4).encode("cp1251")
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value).startswith("undecodable")


def test_html_menus_sidebars_and_footers_by_class_are_not_read(tmp_path: Path) -> None:
    page = (
        '<html lang="en"><body><div class="header"><ul class="main-menu"><li>Politics</li>'
        "<li>Videos</li><li>Infographics</li></ul></div>"
        '<div class="content"><h1>Two provinces open a friendship school</h1>'
        "<p>The northern province of Ha Nam and the Lao province of Sekong opened a friendship"
        " school in Lamam district on June 3, the province said in a statement.</p></div>"
        '<div class="sidebar"><h3>Top stories</h3><ul><li>Province A gives rice to'
        " province B</li></ul></div>"
        '<div class="site-footer">Address: 1 Main Street</div></body></html>'
    )
    doc = read_document(write(tmp_path, "page.html", page.encode()))
    assert "opened a friendship school" in doc.text
    for dropped in ("Infographics", "gives rice", "Main Street"):
        assert dropped not in doc.text
