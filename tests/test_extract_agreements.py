"""Agreements: kinds, parties (incl. anaphora), year, period, fields, counts."""

from __future__ import annotations

import datetime as dt

import pytest

from app.facts import AgreementFact
from ingest.extract import extract_document
from ingest.extract.agreements import kind_of, parse_fields, sectors_of
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 9, 1)


def agreements(text: str) -> list[AgreementFact]:
    return extract_document(doc_from_text(text, DAY)).agreements


@pytest.mark.parametrize(
    ("noun", "kind"),
    [
        ("Bản ghi nhớ", "memorandum"),
        ("Biên bản ghi nhớ", "memorandum"),
        ("biên bản hội đàm", "minutes"),
        ("Thỏa thuận hợp tác", "agreement"),
        ("hiệp định", "agreement"),
        ("Kế hoạch hợp tác", "plan"),
        ("văn kiện", "other"),
    ],
)
def test_kinds(noun: str, kind: str) -> None:
    assert kind_of(noun) == kind


def test_signed_year_fields_and_sectors() -> None:
    (a,) = agreements(
        "Năm 2015, tỉnh Sơn La ký Bản ghi nhớ với tỉnh Luông Nậm Thà hợp tác trên các lĩnh vực: "
        "nông nghiệp, y tế, giáo dục và đào tạo, du lịch."
    )
    assert set(a.parties) == {"VN-05", "LA-LM"}
    assert a.kind == "memorandum" and a.signed_year == 2015
    assert a.fields == ["nông nghiệp", "y tế", "giáo dục và đào tạo", "du lịch"]
    assert {"agriculture", "health", "education", "tourism"} <= set(a.sectors)


def test_period_and_three_parties() -> None:
    (a,) = agreements(
        "UBND tỉnh Quảng Nam và chính quyền tỉnh Sekong, tỉnh Salavan đã ký kết Thỏa thuận hợp tác "
        "giai đoạn 2021 - 2025."
    )
    assert set(a.parties) == {"VN-27", "LA-XE", "LA-SL"}
    assert a.period == (2021, 2025) and a.kind == "agreement"


def test_anaphora_takes_the_pair_from_the_paragraph() -> None:
    (a,) = agreements(
        "Đoàn tỉnh Hủa Phăn làm việc với tỉnh Thanh Hóa. Năm 2019, hai tỉnh đã ký biên bản hội đàm."
    )
    assert set(a.parties) == {"VN-21", "LA-HO"} and a.kind == "minutes" and a.signed_year == 2019


def test_count_without_details() -> None:
    (a,) = agreements("Tỉnh Điện Biên và tỉnh Phông Sa Lỳ đã ký kết 4 biên bản ghi nhớ về hợp tác.")
    assert a.count == 4


def test_national_treaty_and_unsigned_nouns_are_skipped() -> None:
    text = (
        "Tỉnh Nghệ An và tỉnh Xiêng Khoảng tiếp tục thực hiện các hiệp định giữa hai nước; "
        "hai bên thảo luận kế hoạch."
    )
    assert agreements(text) == []


def test_repeated_document_is_one_fact() -> None:
    text = (
        "Năm 2022, tỉnh Kon Tum và tỉnh Attapeu ký kết Bản ghi nhớ giai đoạn 2022-2026. "
        "Triển khai Bản ghi nhớ giai đoạn 2022-2026 giữa tỉnh Kon Tum và tỉnh Attapeu đạt kết quả tốt."
    )
    (a,) = agreements(text)
    assert a.signed_year == 2022 and a.period == (2022, 2026)


def test_fields_parser_keeps_compound_fields() -> None:
    assert parse_fields("trên các lĩnh vực: thương mại, nông nghiệp và phát triển nông thôn…") == [
        "thương mại",
        "nông nghiệp và phát triển nông thôn",
    ]
    assert sectors_of(["năng lượng"]) == ["energy"]


def test_one_sentence_two_bilateral_documents_with_their_own_years() -> None:
    got = agreements(
        "Tỉnh Bình Định đã ký thỏa thuận hợp tác với tỉnh Attapeu từ năm 2012 "
        "và với tỉnh Champasak từ năm 2016."
    )
    assert {(tuple(a.parties), a.signed_year) for a in got} == {
        (("VN-31", "LA-AT"), 2012),
        (("VN-31", "LA-CH"), 2016),
    }


def test_two_documents_joined_by_va_are_two_facts() -> None:
    got = agreements(
        "Tỉnh Yên Bái và tỉnh Luông Pha Băng đã ký kết Biên bản hợp tác giai đoạn 2024-2028 "
        "và Kế hoạch hợp tác năm 2025."
    )
    assert {(a.kind, a.period, a.signed_year) for a in got} == {
        ("minutes", (2024, 2028), None),
        ("plan", None, 2025),
    }


def test_a_comma_list_of_document_words_is_one_fact() -> None:
    got = agreements("Tỉnh Yên Bái và tỉnh Luông Pha Băng đã ký kết 12 văn kiện hợp tác, thỏa thuận.")
    assert len(got) == 1 and got[0].count == 12
