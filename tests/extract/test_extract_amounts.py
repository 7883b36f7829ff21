"""Vietnamese number conventions for money and in-kind aid."""

from __future__ import annotations

import pytest

from ingest.extract.amounts import find_amounts, find_in_kind, parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("tặng 1 tỷ đồng", 1e9, "VND"),
        ("trị giá 7,2 tỷ đồng", 7.2e9, "VND"),
        ("khoảng 300 triệu đồng", 3e8, "VND"),
        ("vốn 12,5 triệu USD", 12.5e6, "USD"),
        ("ủng hộ 15.000 USD", 15000, "USD"),
        ("hơn 40 tỷ đồng", 4e10, "VND"),
        ("tổng 2.500 tỷ VNĐ", 2.5e12, "VND"),
        ("50 nghìn đô la Mỹ", 5e4, "USD"),
        ("200 triệu kíp", 2e8, "LAK"),
    ],
)
def test_amounts(text: str, value: float, currency: str) -> None:
    (a,) = find_amounts(text)
    assert a.value == pytest.approx(value)
    assert a.currency == currency
    assert text[a.start : a.end].endswith(text.split()[-1])


def test_qualifier_marks_approximate_but_keeps_value() -> None:
    (a,) = find_amounts("với kinh phí hơn 9 tỷ đồng")
    assert a.qualifier == "more_than" and a.value == 9e9


def test_parse_number_separators() -> None:
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("3,75") == 3.75


def test_plain_numbers_are_not_money() -> None:
    assert find_amounts("đón 120 lượt khách và 35 phương tiện") == []


def test_in_kind() -> None:
    (g,) = find_in_kind("tỉnh bạn tặng 10 tấn gạo và lời chúc")
    assert g.text == "10 tấn gạo"


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier"),
    [
        ("500 triệu đ", 5e8, "VND", None),
        ("200.000đ mỗi suất", 2e5, "VND", None),
        ("hơn 28 tỷ đồng", 2.8e10, "VND", "more_than"),
        ("gần 3 tỷ đồng", 3e9, "VND", "nearly"),
        ("khoảng hai tỷ đồng", 2e9, "VND", "about"),
        ("lên tới 1,2 nghìn tỷ đồng", 1.2e12, "VND", "up_to"),
        ("hai trăm triệu kip", 2e8, "LAK", None),
        ("tổng 4,75 triệu đô-la Mỹ", 4.75e6, "USD", None),
    ],
)
def test_parse_amount(text: str, value: float, currency: str, qualifier: str | None) -> None:
    a = parse_amount(text, "vi")
    assert a is not None
    assert a.value == pytest.approx(value) and a.currency == currency and a.qualifier == qualifier


def test_number_words_need_a_scale() -> None:
    assert parse_amount("năm đồng chí") is None
    assert parse_amount("ba đồng") is None


def test_goods_with_and_without_unit() -> None:
    got = [g.text for g in find_in_kind("tặng 2 máy thở, 30.000 khẩu trang và 15 bộ máy tính")]
    assert got == ["2 máy thở", "30.000 khẩu trang", "15 bộ máy tính"]
    assert find_in_kind("hợp tác giữa 2 nước") == []


def test_in_kind_kept_starts_equal_the_pattern_scan() -> None:
    """The goods scan kept per language (`_in_kind_at`) finds what the digits pattern's own
    `finditer` finds, span by span, whatever span of the text is read."""
    from ingest.extract.amounts import _in_kind, _in_kind_at

    numeric = _in_kind("vi")[0]
    texts = (
        "Huyện A trao tặng 12 tấn xi măng, 300 bao phân bón và 7 chiếc xe máy cho bà con vùng lũ",
        "Đoàn mang theo 45 bộ bàn ghế, 1.200 cuốn vở; 3 TẤN GẠO được chuyển tới bản Nà Mèo",
        "Năm 2019 có 25 hộ nhận 4 con bò giống, 60 kg hạt giống ngô và 2 máy bơm nước",
        "không có hàng hóa nào ở đây, chỉ có 2 nước và 15 năm",
    )
    assert _in_kind_at("vi") is _in_kind_at("vi")
    for text in texts:
        for start in range(0, len(text), 7):
            for end in (start + 20, start + 55, len(text)):
                end = min(end, len(text))
                got = [(g.text, g.start, g.end) for g in find_in_kind(text, start, end)]
                want = [(m.group(), m.start(), m.end()) for m in numeric.finditer(text, start, end)]
                assert got == want
    assert [g.text for g in find_in_kind(texts[0])] == [
        "12 tấn xi măng",
        "300 bao phân bón",
        "7 chiếc xe máy",
    ]
