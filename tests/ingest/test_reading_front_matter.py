"""A front-matter block at the top of a `.txt` article gives its URL, date, title, outlet, language.

Articles written for this test, not taken from any outlet. The block must not change how text
without one reads (a first-line URL, a ` date YYYY-MM-DD` marker, a page starting with a rule).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest.document import Document
from ingest.frontmatter import split_front_matter
from ingest.pipeline import extract_paths
from ingest.reading import read_document

HEAD = "Hà Tĩnh và Khăm Muộn tăng cường hợp tác giáo dục"
LEAD = (
    "Chiều 4/1, tỉnh Hà Tĩnh và tỉnh Khăm Muộn (Lào) đã ký biên bản ghi nhớ hợp tác giai đoạn "
    "2023-2027 trong các lĩnh vực giáo dục, y tế và thương mại."
)
PAGE = f"{HEAD}\n\n{LEAD}\n"
FRONT = (
    "---\n"
    "url: https://news.example/ha-tinh-kham-muon\n"
    "published: 2023-01-05\n"
    'title: "Hà Tĩnh và Khăm Muộn tăng cường hợp tác giáo dục"\n'
    "outlet: news.example\n"
    "language: vi-VN\n"
    "---\n"
)


def read(tmp_path: Path, text: str, name: str = "a.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def consistent(doc: Document) -> None:
    for s in doc.segments:
        assert doc.text[s.start : s.end] == s.text


def test_front_matter_gives_the_metadata_and_is_not_text(tmp_path: Path) -> None:
    doc = read(tmp_path, FRONT + PAGE)
    assert doc.url == "https://news.example/ha-tinh-kham-muon"
    assert doc.published == dt.date(2023, 1, 5)
    assert doc.title == HEAD
    assert doc.outlet == "news.example"
    assert doc.language == "vi"
    assert "---" not in doc.text and "url:" not in doc.text
    assert LEAD in [s.text for s in doc.segments if s.zone == "body"]
    assert doc.warnings == []
    consistent(doc)


def test_a_title_not_in_the_text_is_put_on_top(tmp_path: Path) -> None:
    doc = read(tmp_path, "---\ntitle: Hai tỉnh ký ghi nhớ hợp tác\n---\n" + LEAD)
    assert doc.title == "Hai tỉnh ký ghi nhớ hợp tác"
    assert [s.text for s in doc.segments if s.zone == "title"] == ["Hai tỉnh ký ghi nhớ hợp tác"]
    consistent(doc)


def test_url_line_and_date_marker_still_read_after_the_block_which_wins(tmp_path: Path) -> None:
    text = "---\npublished: 2023-01-05\n---\nhttps://other.example/x\n\n date 2022-12-30 " + PAGE
    doc = read(tmp_path, text)
    assert doc.published == dt.date(2023, 1, 5)  # the block wins over the marker
    assert doc.url == "https://other.example/x"  # the block gave none: the URL line does
    assert doc.title == HEAD
    assert "other.example" not in doc.text and "date 2022" not in doc.text


def test_plain_text_conventions_unchanged(tmp_path: Path) -> None:
    doc = read(tmp_path, "https://news.example/a\n\n date 2023-01-05 " + PAGE)
    assert doc.url == "https://news.example/a" and doc.published == dt.date(2023, 1, 5)
    assert doc.title == HEAD


def test_a_page_starting_with_a_rule_is_text(tmp_path: Path) -> None:
    text = f"---\n{HEAD}\n---\n\n{LEAD}\n"
    assert split_front_matter(text).text == text
    doc = read(tmp_path, text)
    assert doc.url is None and doc.published is None
    assert LEAD in doc.text and HEAD in doc.text


def test_an_unclosed_block_is_text() -> None:
    text = "---\nurl: https://news.example/a\n\n" + PAGE
    front = split_front_matter(text)
    assert front.text == text and front.url is None


def test_unusable_values_are_warnings_and_no_local_path_is_taken(tmp_path: Path) -> None:
    text = (
        "---\n"
        "url: /home/alice/corpus/a.txt\n"
        "date: sometime last week\n"
        "tags:\n"
        "  - hợp tác\n"
        "  - Lào\n"
        "author: Phóng viên\n"
        "weather: sunny\n"
        "---\n" + PAGE
    )
    doc = read(tmp_path, text)
    assert doc.url is None and doc.published is None
    assert doc.title == HEAD
    joined = " | ".join(doc.warnings)
    assert "not an http(s) URL" in joined
    assert "unreadable published date" in joined
    assert "unknown keys ignored: weather" in joined
    assert "tags" not in joined and "author" not in joined  # known, and not needed


def test_ingest_reads_front_matter_and_the_manifest_wins(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FRONT + PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRONT.replace("ha-tinh", "b") + PAGE, encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        '{"file": "b.txt", "url": "https://manifest.example/b", "published": "2023-02-01"}\n',
        encoding="utf-8",
    )
    run = extract_paths([tmp_path])
    assert not run.failures
    by_source = {a.source: a for a in run.articles}
    a = by_source["https://news.example/ha-tinh-kham-muon"]
    assert a.published == dt.date(2023, 1, 5) and a.outlet == "news.example"
    assert {(p.vn, p.la) for p in a.partnerships} == {("VN-23", "LA-KH")}
    b = by_source["https://manifest.example/b"]
    assert b.published == dt.date(2023, 2, 1)
