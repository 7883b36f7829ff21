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


def events(text: str, published: dt.date | None = dt.date(2024, 2, 1)) -> list[tuple[object, ...]]:
    return [
        (e.kind, e.date, e.host, e.visitor, e.leader)
        for e in extract_document(doc_from_text(text, published)).events
    ]


def test_host_receives_a_delegation_without_a_date() -> None:
    assert events("Thanh Hóa đón đoàn đại biểu tỉnh Hủa Phăn sang chúc Tết.") == [
        ("visit", None, "VN-21", "LA-HO", None)
    ]


def test_delegation_led_by_an_official_visits_a_province() -> None:
    text = (
        "Ngày 20/1, đoàn công tác tỉnh Savannakhet do Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, "
        "Tỉnh trưởng Sản Ti Xay Khăm Phi Mạ dẫn đầu đã sang thăm và làm việc tại tỉnh Quảng Trị."
    )
    assert events(text) == [("visit", "2024-01-20", "VN-25", "LA-SV", "Sản Ti Xay Khăm Phi Mạ")]


def test_receiving_with_tiep_doan_and_month_year() -> None:
    text = "Tháng 8/2023, Chủ tịch UBND tỉnh Sơn La Nguyễn Thành Công tiếp đoàn công tác tỉnh Luông Nậm Thà."
    assert events(text, None) == [("visit", "2023-08", "VN-05", "LA-LM", None)]


def test_talks_with_a_delegation_and_a_year_only() -> None:
    text = "Năm 2022, lãnh đạo tỉnh Điện Biên hội đàm với đoàn đại biểu tỉnh Phông Sa Lỳ."
    assert events(text, None) == [("meeting", "2022", "VN-71", "LA-PH", None)]


def test_meeting_at_a_named_place_is_hosted_there() -> None:
    text = (
        "Sáng 15/8, tại huyện Mường Nhé (Điện Biên), tỉnh Điện Biên và tỉnh Phông Sa Lỳ "
        "tổ chức hội đàm về công tác biên giới."
    )
    assert events(text, dt.date(2024, 8, 16)) == [("meeting", "2024-08-15", "VN-71", "LA-PH", None)]


def test_meeting_without_host_or_delegation_gives_no_event() -> None:
    assert events("Tỉnh Điện Biên hội đàm với tỉnh Phông Sa Lỳ về công tác biên giới.") == []


def test_planned_visits_and_tallies_are_not_events() -> None:
    assert events("Tháng 3 tới, đoàn tỉnh Hủa Phăn sẽ sang thăm tỉnh Thanh Hóa.") == []
    assert events("Từ năm 2019 đến nay, 12 đoàn tỉnh Hủa Phăn đã sang thăm tỉnh Thanh Hóa.") == []


def test_restatements_merge_into_one_event() -> None:
    text = (
        "Chiều 2/10, đoàn đại biểu tỉnh Salavan đã đến thăm và làm việc với tỉnh Quảng Trị.\n\n"
        "Tiếp đoàn, Phó Bí thư Tỉnh ủy Quảng Trị cảm ơn tỉnh Salavan."
    )
    assert events(text, dt.date(2024, 10, 3)) == [("visit", "2024-10-02", "VN-25", "LA-SL", None)]


def test_prefilter_literals_are_in_every_match() -> None:
    """The literals checked before `_RECEIVE`, `_DELEGATION`, `_TALLY` and the purpose
    pattern run must be in each of their matches (else a prefilter would hide one)."""
    from ingest.extract import events, timing

    texts = [
        "Tỉnh A đón đoàn công tác tỉnh B; hai bên làm việc với Đoàn đại biểu tỉnh C.",
        "Năm qua có 12 lượt đoàn và NHIỀU ĐOÀN sang thăm, hàng chục đoàn khác đến làm việc.",
        "Hội đàm với đoàn, tiếp đón Đoàn của tỉnh bạn để hai bên ký kết, nhằm tăng cường hợp tác ",
    ]
    for text in texts:
        for m in [*events._RECEIVE.finditer(text), *events._DELEGATION.finditer(text)]:
            assert events._DOAN in m.group()
        for m in events._TALLY.finditer(text):
            assert events._TALLY_AT in m.group().lower()
        for i in range(len(text)):
            m = timing._PURPOSE.search(text[:i])
            assert m is None or any(w in m.group() for w in timing._PURPOSE_WORDS)
    assert list(events._TALLY.finditer(texts[1])) and list(events._RECEIVE.finditer(texts[0]))


def test_looking_ahead_kept_per_clause_is_the_plain_search() -> None:
    """`timing.looks_ahead` tries the look-ahead pattern only where its opening words occur
    and keeps the last clause's answer: over invented clauses (upper-cased too, and each
    asked twice, then with another span of the same text) it answers as the plain search."""
    import random

    from ingest.extract import timing

    pieces = ["trong ", "năm ", "tới", "thời gian ", "sắp ", "tháng ", "tuần ", "dịp ", "kỳ ", "đã ký"]
    pieces += ["hai bên ", "sẽ ", ", ", "  ", "x"]
    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for t in (text, text.upper()):
            spans = [(0, len(t)), (0, len(t)), (min(3, len(t)), len(t)), (0, len(t) // 2)]
            for a, b in spans:
                want = timing._AHEAD.search(t, a, b) is not None
                assert timing.looks_ahead(t, a, b) == want, (t, a, b)
