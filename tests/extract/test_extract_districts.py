"""District twinning pairs: units on both sides, Lao province in brackets."""

from __future__ import annotations

import datetime as dt

from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2022, 10, 1)


def districts(text: str) -> set[tuple[str, str | None, str, str | None]]:
    facts = extract_document(doc_from_text(text, DAY))
    return {(d.vn_district, d.vn_province, d.la_district, d.la_province) for d in facts.district_partnerships}


def test_twinned_districts_with_bracketed_provinces() -> None:
    text = (
        "Tỉnh Nghệ An chỉ đạo các địa phương thiết lập quan hệ hợp tác với các địa phương của Lào như: "
        "huyện Kỳ Sơn với huyện Noọng Hét (Xiêng Khoảng); huyện Quế Phong và huyện Tương Dương với "
        "huyện Viêng Thoong (Hủa Phăn)."
    )
    assert districts(text) == {
        ("huyện Kỳ Sơn", "VN-22", "huyện Noọng Hét", "LA-XI"),
        ("huyện Quế Phong", "VN-22", "huyện Viêng Thoong", "LA-HO"),
        ("huyện Tương Dương", "VN-22", "huyện Viêng Thoong", "LA-HO"),
    }


def test_needs_a_lao_province_and_a_cue() -> None:
    assert districts("Huyện Kỳ Sơn với huyện Tương Dương cùng tổ chức hội thao.") == set()
    assert districts("Đường từ huyện Kỳ Sơn với huyện Noọng Hét (Xiêng Khoảng) dài 50 km.") == set()
