"""Visits: date from the lead (year from the published date), host, visitor, leader."""

from __future__ import annotations

import datetime as dt

from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

LEAD = (
    "Sáng 14/4, đoàn đại biểu tỉnh Bò Kẹo do Phó Tỉnh trưởng Xổm Phon Khăm Sỉ làm trưởng đoàn "
    "đã đến thăm và làm việc với tỉnh Lai Châu."
)


def test_visit_with_year_from_published_date() -> None:
    facts = extract_document(doc_from_text(LEAD, dt.date(2024, 4, 15)))
    (e,) = facts.events
    assert e.date == "2024-04-14"
    assert e.visitor == "LA-BK" and e.host == "VN-01"
    assert e.leader == "Xổm Phon Khăm Sỉ"


def test_visit_without_published_date_stays_undated() -> None:
    (e,) = extract_document(doc_from_text(LEAD, None)).events
    assert e.date is None


def test_no_visit_no_event() -> None:
    facts = extract_document(
        doc_from_text("Ngày 3/5, tỉnh Lai Châu tổ chức lễ hội văn hóa.", dt.date(2024, 5, 4))
    )
    assert facts.events == []
