"""Vietnamese number conventions for money and in-kind aid."""

from __future__ import annotations

import pytest

from ingest.extract.amounts import find_amounts, find_in_kind, parse_number


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
    assert a.approximate and a.value == 9e9


def test_parse_number_separators() -> None:
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("3,75") == 3.75


def test_plain_numbers_are_not_money() -> None:
    assert find_amounts("đón 120 lượt khách và 35 phương tiện") == []


def test_in_kind() -> None:
    (g,) = find_in_kind("tỉnh bạn tặng 10 tấn gạo và lời chúc")
    assert g.text == "10 tấn gạo"
