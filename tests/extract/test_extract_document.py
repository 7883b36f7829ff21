"""`extract_document` as a whole: metadata passes through, warnings, evidence offsets."""

from __future__ import annotations

import datetime as dt

from ingest.document import Document, content_id
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text


def test_metadata_is_copied() -> None:
    doc = doc_from_text("Tỉnh Tuyên Quang hợp tác với tỉnh Bò Kẹo.", dt.date(2021, 2, 3), title="Tiêu đề")
    facts = extract_document(doc)
    assert facts.id == doc.id and facts.source == doc.source
    assert facts.title == "Tiêu đề" and facts.published == dt.date(2021, 2, 3)
    assert facts.warnings == []


def test_article_without_vietnam_laos_content_gets_a_warning() -> None:
    facts = extract_document(doc_from_text("Hà Nội đón nhiều du khách quốc tế dịp cuối năm.", None))
    assert facts.partnerships == [] and facts.projects == []
    assert len(facts.warnings) == 1 and "test.txt" in facts.warnings[0]


def test_empty_document() -> None:
    doc = Document(source="empty.txt", id=content_id(""), text="")
    facts = extract_document(doc)
    assert facts.officials == [] and facts.warnings


def test_every_evidence_points_into_the_text() -> None:
    text = (
        "Sáng 9/4, đoàn tỉnh Savannakhet do Tỉnh trưởng Bun Mi Phết làm trưởng đoàn thăm tỉnh Quảng Trị.\n\n"
        "Năm 2019, hai tỉnh ký Bản ghi nhớ hợp tác; tỉnh Quảng Trị hỗ trợ tỉnh Savannakhet 2 tỷ đồng."
    )
    doc = doc_from_text(text, dt.date(2022, 4, 10))
    facts = extract_document(doc)
    items = [*facts.partnerships, *facts.officials, *facts.agreements, *facts.projects, *facts.events]
    assert len(items) >= 5
    for item in items:
        ev = item.evidence
        assert ev.start is not None and ev.end is not None
        assert doc.text[ev.start : ev.end] == ev.sentence
        assert 0.0 < item.confidence <= 1.0
