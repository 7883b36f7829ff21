"""Captured pages: a URL line and a ` date` marker before the text, captions, file photos.

Pages written for the test in the style of a provincial outlet; the rules are about the
shape of the capture, never about one article.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest.document import Document
from ingest.reading import read_document
from ingest.segment import zone_text

HEAD = "Tỉnh Kon Tum và tỉnh Sê Kông ký kết biên bản hợp tác giai đoạn mới"
LEAD = (
    "Sáng 9/5, tại thành phố Kon Tum, Đoàn đại biểu cấp cao tỉnh Sê Kông (Lào) do đồng chí Phó "
    "Tỉnh trưởng dẫn đầu đã đến thăm và làm việc với UBND tỉnh Kon Tum."
)
MORE = "Hai bên thống nhất tăng cường phối hợp trong lĩnh vực nông nghiệp, giáo dục và y tế."


def read(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def zones(doc: Document, zone: str) -> list[str]:
    return [s.text for s in doc.segments if s.zone == zone]


def test_url_line_and_date_marker(tmp_path: Path) -> None:
    doc = read(tmp_path, f"https://baovidu.vn/a-b-123.html\n\n date 2024-05-10 {HEAD}\n\n{LEAD}\n\n{MORE}\n")
    assert doc.url == "https://baovidu.vn/a-b-123.html"
    assert doc.published == dt.date(2024, 5, 10)
    assert doc.title == HEAD
    assert "date" not in doc.text.split("\n", 1)[0]
    for s in doc.segments:
        assert doc.text[s.start : s.end] == s.text


def test_month_only_marker_is_no_date(tmp_path: Path) -> None:
    doc = read(tmp_path, f" date 2024-05 {HEAD}\n\n{LEAD}\n")
    assert doc.published is None
    assert doc.title == HEAD


def test_a_url_inside_the_text_is_not_the_address(tmp_path: Path) -> None:
    doc = read(tmp_path, f"{HEAD}\nhttps://baovidu.vn/x\n\n{LEAD}\n")
    assert doc.url is None


def test_credited_first_line_is_a_caption_not_the_headline() -> None:
    cap = "Lãnh đạo hai tỉnh Kon Tum và Sê Kông ký biên bản hợp tác. Ảnh: Minh Khoa"
    z = zone_text(f"{cap}\n\n{LEAD}\n\n{MORE}\n")
    assert z.title is None
    assert [s.text for s in z.segments if s.zone == "caption"] == [cap]


def test_file_photo_is_dropped() -> None:
    cap = "Lãnh đạo hai tỉnh Kon Tum và Sê Kông tại một buổi hội đàm. (Ảnh: TL)"
    z = zone_text(f"{HEAD}\n\n{LEAD}\n\n{cap}\n\n{MORE}\n")
    assert all("hội đàm" not in s.text for s in z.segments)


def test_long_first_paragraph_is_the_lead_not_a_header() -> None:
    lead = LEAD + " " + MORE
    z = zone_text(f"{lead}\n\nỦy viên đoàn tỉnh Sê Kông tiếp nhận quà của tỉnh Kon Tum\n\n{MORE}\n")
    assert next(s.text for s in z.segments if s.zone == "body") == lead
