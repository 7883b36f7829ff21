"""Metadata beside `.txt` articles (`articles.jsonl` / `articles.csv`), and no local paths out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.provenance import public_source
from ingest.pipeline import extract_paths

# Written for this test, not taken from any article.
ARTICLE = (
    "Hà Tĩnh và Khăm Muộn tăng cường hợp tác\n\n"
    "Chiều qua, tỉnh Hà Tĩnh và tỉnh Khăm Muộn (Lào) đã ký biên bản ghi nhớ hợp tác "
    "giai đoạn 2024-2028 trong các lĩnh vực giáo dục, y tế và thương mại.\n"
)


def test_public_source_never_carries_a_directory() -> None:
    assert public_source("/home/alice/corpus/000_a.txt") == "000_a.txt"
    assert public_source(r"C:\Users\bob\a.html") == "a.html"
    assert public_source("file:///srv/x/b.json") == "b.json"
    assert public_source("/x/a.txt", "https://news.example/a") == "https://news.example/a"
    assert public_source("https://news.example/b") == "https://news.example/b"
    assert public_source(None) is None


def test_jsonl_manifest_gives_txt_articles_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE.replace("Chiều qua", "Sáng nay"), encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        '{"file": "a.txt", "url": "https://news.example/a", "published": "2024-03-05",'
        ' "outlet": "news.example", "title": "Hai tỉnh ký ghi nhớ"}\n'
        '{"file": "sub/b.txt", "published": "05/04/2024"}\n'
        '{"file": "c.txt", "url": "ftp://nope"}\n'
        "not json\n",
        encoding="utf-8",
    )
    run = extract_paths([tmp_path])
    by_source = {a.source: a for a in run.articles}
    a = by_source["https://news.example/a"]
    assert a.url == "https://news.example/a"
    assert a.published == dt.date(2024, 3, 5)
    assert a.outlet == "news.example" and a.title == "Hai tỉnh ký ghi nhớ"
    b = by_source["b.txt"]
    assert b.url is None and b.published == dt.date(2024, 4, 5)
    bad = [w for w in run.warnings if "articles.jsonl" in w]
    assert any(":3:" in w and "http" in w for w in bad)
    assert any(":4:" in w and "malformed JSON" in w for w in bad)


def test_csv_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "file,url,published,language\na.txt,https://news.example/csv,2023-12-31,vi\n", encoding="utf-8"
    )
    (art,) = extract_paths([tmp_path / "a.txt"]).articles
    assert art.url == "https://news.example/csv" and art.published == dt.date(2023, 12, 31)
    assert art.source == "https://news.example/csv"
