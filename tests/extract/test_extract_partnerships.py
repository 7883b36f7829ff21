"""Partnerships need a Vietnamese and a Lao province and a cooperation cue in the clause."""

from __future__ import annotations

import datetime as dt

from ingest.document import Document, Segment, content_id
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 5, 2)


def pairs(text: str, title: str | None = None) -> set[tuple[str, str]]:
    facts = extract_document(doc_from_text(text, DAY, title))
    return {(p.vn, p.la) for p in facts.partnerships}


def test_visit_sentence_gives_a_pair() -> None:
    assert pairs("Đoàn đại biểu tỉnh Xiêng Khoảng đã đến thăm và làm việc với tỉnh Nghệ An.") == {
        ("VN-22", "LA-XI")
    }


def test_one_vietnamese_with_two_lao_provinces() -> None:
    got = pairs("Tỉnh Quảng Bình ký kết biên bản hợp tác với tỉnh Khăm Muồn và tỉnh Savannakhet.")
    assert got == {("VN-24", "LA-KH"), ("VN-24", "LA-SV")}


def test_mere_co_mention_is_not_a_partnership() -> None:
    assert pairs("Thời tiết ở Sơn La và Luông Pha Băng hôm nay có mưa rào.") == set()


def test_vietnamese_only_pairs_are_ignored() -> None:
    assert pairs("Hà Nội và Đà Nẵng tăng cường hợp tác du lịch.") == set()


def test_subject_carries_over_semicolon_clauses() -> None:
    got = pairs("Tỉnh Gia Lai duy trì quan hệ tốt với tỉnh Attapeu; mở rộng hợp tác với tỉnh Champasak.")
    assert got == {("VN-30", "LA-AT"), ("VN-30", "LA-CH")}


def test_clause_without_cue_does_not_pair() -> None:
    got = pairs("Đoàn tỉnh Sekong thăm Quảng Nam; tuyến đường từ Salavan đi qua nhiều bản làng.")
    assert got == {("VN-27", "LA-XE")}


def test_title_counts() -> None:
    assert pairs("Nội dung.", title="Bình Định và Attapeu thắt chặt hợp tác") == {("VN-31", "LA-AT")}


def test_related_zone_is_ignored() -> None:
    text = "Bài chính nói về giáo dục.\nĐắk Lắk và Champasak ký kết hợp tác"
    doc = Document(
        source="x.txt",
        id=content_id(text),
        text=text,
        published=DAY,
        segments=[Segment(text[:26], 0, "body"), Segment(text[27:], 27, "related")],
    )
    assert extract_document(doc).partnerships == []


def test_evidence_offsets() -> None:
    text = "Mở đầu bài. Tỉnh Lai Châu và tỉnh Phông Sa Lỳ ký kết hợp tác."
    facts = extract_document(doc_from_text(text, DAY))
    (p,) = facts.partnerships
    ev = p.evidence
    assert ev.start is not None and ev.end is not None
    assert text[ev.start : ev.end] == ev.sentence == "Tỉnh Lai Châu và tỉnh Phông Sa Lỳ ký kết hợp tác."
    assert 0 < p.confidence <= 1


def test_province_hosting_a_mission_is_not_a_party() -> None:
    assert pairs("Tổng Lãnh sự Lào tại TP. Hồ Chí Minh đến thăm và làm việc với tỉnh Long An.") == set()


def test_capital_as_venue_of_a_national_meeting_is_not_a_partner() -> None:
    text = "Ngày 8/6, tại Hà Nội, Bộ trưởng Bộ Nội vụ đã tiếp đoàn đại biểu tỉnh Bò Kẹo."
    assert pairs(text) == set()


def test_province_as_venue_of_a_provincial_visit_still_counts() -> None:
    assert pairs("Đoàn đại biểu tỉnh Attapeu đã thăm và làm việc tại tỉnh Bình Định.") == {("VN-31", "LA-AT")}


def test_friendship_statement_is_a_partnership() -> None:
    got = pairs("Tỉnh Hà Giang và tỉnh Phông Sa Lỳ có mối quan hệ hữu nghị truyền thống lâu đời.")
    assert got == {("VN-03", "LA-PH")}


def test_venue_and_mission_prefilters_change_nothing() -> None:
    """`_is_venue` tries the bracket pattern only with a `(` in its window, and `actors`
    the mission pattern only with its literal `tại`: at every position of invented texts
    the answer is the plain patterns' answer."""
    import random
    from types import SimpleNamespace
    from typing import Any

    from ingest.extract import partnerships as p

    assert p._MISSION_AT in p._MISSION.pattern
    pieces = ["tại ", "Tại ", "ở ", "Ở ", "(", "( tỉnh ", "Lãnh sự ", "đại sứ ", "Cửa khẩu X ", "TP. "]
    pieces += ["a, ", " "]
    rng = random.Random(5)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for at in range(len(text) + 1):
            m: Any = SimpleNamespace(start=at)
            plain = (
                p._VENUE.search(text, max(0, at - 20), at) is not None
                or p._VENUE_BRACKET.search(text, max(0, at - 80), at) is not None
            )
            assert p._is_venue(text, m) == plain, (text, at)
            gated = text.find(p._MISSION_AT, max(0, at - 60), at) >= 0
            if p._MISSION.search(text, max(0, at - 60), at) is not None:
                assert gated, (text, at)


def test_a_one_clause_sentence_takes_the_sentence_cue() -> None:
    """`extract_partnerships` gives a sentence without `;` (one clause, the sentence's own
    span) the sentence's strong cue instead of searching it again: the same answer as the
    clause's own search, for sentences with and without a cue."""
    import datetime as dt

    from ingest.extract import partnerships as p
    from ingest.extract.context import ArticleContext
    from ingest.extract.sentences import sentences

    text = (
        "Tỉnh Quảng Trị và tỉnh Savannakhet ký kết thỏa thuận hợp tác. "
        "Tỉnh Quảng Trị và tỉnh Savannakhet có nhiều tiềm năng. "
        "Tỉnh Quảng Trị tiếp đoàn tỉnh Savannakhet; hai bên trao đổi kinh nghiệm."
    )
    doc = doc_from_text(text)
    ctx = ArticleContext.build(doc.text, dt.date(2024, 1, 1), sentences(doc, ("body",)))
    cues = []
    for info in ctx.sentences:
        s = info.sentence
        whole = p.strong_cue(ctx.text, s.start, s.end, info)
        for a, b in s.clauses():
            if (a, b) == (s.start, s.end):
                assert p.strong_cue(ctx.text, a, b, info) == whole
                assert p.strong_cue(ctx.text, a, b) == whole
        cues.append(whole)
    assert cues == [True, False, True]
    assert len(ctx.sentences[2].sentence.clauses()) == 2
