"""Sentence splitting keeps offsets and does not break on abbreviations."""

from __future__ import annotations

from ingest.extract.sentences import sentences
from tests.extract_helpers import doc_from_text


def test_split_and_offsets() -> None:
    doc = doc_from_text("Đoàn đến TP. Hồ Chí Minh hôm qua. Hai bên trao đổi ý kiến! Sau đó ra về.")
    got = sentences(doc, ("body",))
    assert [s.text for s in got] == [
        "Đoàn đến TP. Hồ Chí Minh hôm qua.",
        "Hai bên trao đổi ý kiến!",
        "Sau đó ra về.",
    ]
    for s in got:
        assert doc.text[s.start : s.end] == s.text


def test_clauses_split_on_semicolons() -> None:
    doc = doc_from_text("Tỉnh A giúp tỉnh B; tỉnh C giúp tỉnh D.")
    (s,) = sentences(doc, ("body",))
    spans = s.clauses()
    assert [doc.text[a:b] for a, b in spans] == ["Tỉnh A giúp tỉnh B", "tỉnh C giúp tỉnh D."]


def test_zones_filter() -> None:
    doc = doc_from_text("Nội dung chính.", title="Tiêu đề bài")
    assert [s.zone for s in sentences(doc, ("body",))] == ["body"]
    assert [s.zone for s in sentences(doc, ("title", "body"))] == ["title", "body"]
