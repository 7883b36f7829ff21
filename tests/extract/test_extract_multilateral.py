"""Many provinces in one clause: participants of a gathering are not pairs of partners."""

from __future__ import annotations

import datetime as dt

import pytest

from app.facts import ArticleFacts
from ingest.extract import extract_document
from ingest.extract.mentions import find_mentions
from ingest.extract.multilateral import explicit_pairs, is_multilateral, listed
from tests.extract_helpers import doc_from_text

DAY = dt.date(2024, 11, 20)

FORUM = (
    "Sáng 15/11, tại tỉnh Hà Tĩnh, Diễn đàn hợp tác các tỉnh dọc hành lang biên giới Việt Nam - "
    "Lào khai mạc với sự tham gia của đại diện các tỉnh Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị "
    "và các tỉnh Bô Ly Khăm Xay, Khăm Muộn, Savannakhet, Salavan."
)


def facts(text: str) -> ArticleFacts:
    return extract_document(doc_from_text(text, DAY))


def pairs(text: str) -> set[tuple[str, str]]:
    return {(p.vn, p.la) for p in facts(text).partnerships}


@pytest.mark.parametrize(
    "text",
    [
        FORUM,
        "Hội nghị giao ban công tác biên giới có lãnh đạo 4 tỉnh Việt Nam gồm Thanh Hóa, Nghệ An, "
        "Hà Tĩnh, Quảng Bình và 3 tỉnh của Lào gồm Hủa Phăn, Xiêng Khoảng, Bô Ly Khăm Xay tham dự, "
        "cùng bàn giải pháp hợp tác phòng chống buôn lậu.",
        "Giải bóng đá hữu nghị lần thứ 3 quy tụ các đội của Sơn La, Điện Biên, Thanh Hóa, Luông Pha "
        "Băng, Hủa Phăn và Phông Sa Lỳ, góp phần thắt chặt tình đoàn kết giữa các địa phương.",
        # A mixed list of four (two of each country) does not say who pairs with whom.
        "Triển lãm ảnh về hợp tác hữu nghị có sự tham gia của Quảng Nam, Kon Tum, Sê Kông và Attapư.",
    ],
)
def test_a_gathering_of_many_provinces_gives_no_pairs(text: str) -> None:
    got = facts(text)
    assert got.partnerships == []
    assert got.agreements == []
    assert got.projects == []


def test_a_gathering_sentence_with_signing_gives_no_agreement_between_all() -> None:
    got = facts(
        "Tại hội nghị, lãnh đạo các tỉnh Quảng Nam, Kon Tum, Gia Lai và các tỉnh Sê Kông, Attapư, "
        "Salavan đã ký kết biên bản ghi nhớ hợp tác năm 2024."
    )
    assert got.partnerships == [] and got.agreements == []


def test_a_bilateral_signing_on_the_margins_still_counts() -> None:
    text = (
        FORUM + "\n\nBên lề diễn đàn, tỉnh Quảng Bình và tỉnh Khăm Muộn đã ký kết biên bản hợp tác về "
        "phát triển du lịch qua cửa khẩu Cha Lo - Na Phàu."
    )
    got = facts(text)
    assert {(p.vn, p.la) for p in got.partnerships} == {("VN-24", "LA-KH")}
    (a,) = got.agreements
    assert set(a.parties) == {"VN-24", "LA-KH"} and a.kind == "minutes"


def test_the_gathering_event_has_the_venue_as_host_and_no_visitor() -> None:
    text = FORUM.replace("Diễn đàn", "Hội nghị")
    (e,) = facts(text).events
    assert e.kind == "meeting" and e.host == "VN-23" and e.visitor is None
    assert e.date == "2024-11-15"


def test_no_event_for_a_gathering_without_a_venue() -> None:
    text = (
        "Hội nghị có sự tham dự của lãnh đạo các tỉnh Điện Biên, Sơn La, Thanh Hóa và Phông Sa Lỳ, "
        "Luông Pha Băng, Hủa Phăn."
    )
    assert facts(text).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tại hội nghị, các cặp tỉnh kết nghĩa được vinh danh: Quảng Trị với Savannakhet, Quảng "
            "Bình với Khăm Muộn, Hà Tĩnh với Bô Ly Khăm Xay.",
            {("VN-25", "LA-SV"), ("VN-24", "LA-KH"), ("VN-23", "LA-BL")},
        ),
        (
            "Các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh lần lượt ký kết biên bản hợp tác với các tỉnh Hủa "
            "Phăn, Xiêng Khoảng, Bô Ly Khăm Xay.",
            {("VN-21", "LA-HO"), ("VN-22", "LA-XI"), ("VN-23", "LA-BL")},
        ),
        (
            "Năm 2023, tỉnh Quảng Nam hỗ trợ tỉnh Sê Kông 5 tỷ đồng, tỉnh Salavan 3 tỷ đồng và tỉnh "
            "Attapư 2 tỷ đồng.",
            {("VN-27", "LA-XE"), ("VN-27", "LA-SL"), ("VN-27", "LA-AT")},
        ),
    ],
)
def test_pairs_the_structure_states(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_respectively_gives_one_agreement_per_pair() -> None:
    got = facts(
        "Năm 2022, các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh lần lượt ký kết biên bản hợp tác với các "
        "tỉnh Hủa Phăn, Xiêng Khoảng, Bô Ly Khăm Xay."
    ).agreements
    assert sorted(tuple(a.parties) for a in got) == [
        ("VN-21", "LA-HO"),
        ("VN-22", "LA-XI"),
        ("VN-23", "LA-BL"),
    ]
    assert {a.signed_year for a in got} == {2022}


def test_amounts_to_each_named_province_are_separate_projects() -> None:
    got = facts(
        "Năm 2023, tỉnh Quảng Nam hỗ trợ tỉnh Sê Kông 5 tỷ đồng, tỉnh Salavan 3 tỷ đồng và tỉnh "
        "Attapư 2 tỷ đồng."
    ).projects
    assert sorted((p.beneficiary, p.amount) for p in got) == [
        ("LA-AT", 2e9),
        ("LA-SL", 3e9),
        ("LA-XE", 5e9),
    ]


def test_money_to_a_listed_group_names_no_beneficiary_pair() -> None:
    got = facts(
        "Tỉnh Nghệ An trao 600 triệu đồng hỗ trợ các tỉnh Hủa Phăn, Xiêng Khoảng, Bô Ly Khăm Xay "
        "khắc phục hậu quả lũ lụt."
    )
    assert got.projects == []


def test_list_helpers() -> None:
    text = "đại diện các tỉnh Nghệ An, Hà Tĩnh, Quảng Bình và tỉnh Khăm Muộn"
    ms = find_mentions(text, DAY, 0, len(text))
    assert [m.iso for m in ms] == ["VN-22", "VN-23", "VN-24", "LA-KH"]
    # Three of one country make a list; the fourth item joined by `và` is in it too.
    assert listed(text, ms) == {"VN-22", "VN-23", "VN-24", "LA-KH"}
    assert is_multilateral(text, ms)
    assert explicit_pairs(text, ms, 0, len(text)) == []  # `đại diện`: a gathering
    two = "tỉnh Quảng Bình ký kết với tỉnh Khăm Muộn và tỉnh Savannakhet"
    ms2 = find_mentions(two, DAY, 0, len(two))
    assert not is_multilateral(two, ms2)
