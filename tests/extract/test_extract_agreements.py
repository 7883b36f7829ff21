"""Agreements: kinds, parties (incl. anaphora), year, period, fields, counts."""

from __future__ import annotations

import datetime as dt

import pytest

from app.facts import AgreementFact
from ingest.extract import extract_document
from ingest.extract.agreements import kind_of, parse_fields, sectors_of
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 9, 1)


def agreements(text: str, published: dt.date | None = None) -> list[AgreementFact]:
    return extract_document(doc_from_text(text, published or DAY)).agreements


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


def test_each_partner_with_its_own_with_and_year_is_a_separate_bilateral_document() -> None:
    got = agreements(
        "Thành phố Cần Thơ đã ký bản ghi nhớ hợp tác với tỉnh Savannakhet từ năm 2009 "
        "và với tỉnh Chăm Pa Sắc từ năm 2011."
    )
    assert sorted((tuple(a.parties), a.signed_year, len(a.parties)) for a in got) == [
        (("VN-CT", "LA-CH"), 2011, 2),
        (("VN-CT", "LA-SV"), 2009, 2),
    ]


def test_each_partner_with_its_own_with_and_a_shared_year() -> None:
    got = agreements(
        "Năm 2018, tỉnh Quảng Nam đã ký thỏa thuận hợp tác với tỉnh Sê Kông và với tỉnh Salavan."
    )
    assert sorted((tuple(a.parties), a.signed_year) for a in got) == [
        (("VN-27", "LA-SL"), 2018),
        (("VN-27", "LA-XE"), 2018),
    ]


def test_a_lao_province_with_two_vietnamese_partners_splits_too() -> None:
    got = agreements(
        "Tỉnh Attapeu ký biên bản ghi nhớ với tỉnh Gia Lai năm 2016 và với tỉnh Kon Tum năm 2019."
    )
    assert sorted((tuple(a.parties), a.signed_year) for a in got) == [
        (("VN-28", "LA-AT"), 2019),
        (("VN-30", "LA-AT"), 2016),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2020, ba bên gồm tỉnh Quảng Nam, tỉnh Sê Kông và tỉnh Salavan đã ký kết bản ghi nhớ hợp tác.",
        "Năm 2020, tỉnh Quảng Nam cùng tỉnh Sê Kông và tỉnh Salavan cùng ký bản ghi nhớ hợp tác.",
        "Năm 2020, bản ghi nhớ giữa tỉnh Quảng Nam, tỉnh Sê Kông và tỉnh Salavan đã được ký kết.",
    ],
)
def test_a_joint_three_party_document_stays_one(text: str) -> None:
    (a,) = agreements(text)
    assert set(a.parties) == {"VN-27", "LA-XE", "LA-SL"} and a.signed_year == 2020


def test_headline_merges_into_the_dated_body_memorandum() -> None:
    doc = doc_from_text(
        "Sáng 11/3, tại thành phố Đồng Hới, tỉnh Quảng Bình và tỉnh Khăm Muộn (Lào) đã ký kết "
        "biên bản ghi nhớ hợp tác giai đoạn 2021 - 2025 trên các lĩnh vực: nông nghiệp, giáo dục, y tế.",
        dt.date(2021, 3, 12),
        title="Quảng Bình và Khăm Muộn ký kết biên bản hợp tác năm 2021",
    )
    (a,) = extract_document(doc).agreements
    assert a.kind == "memorandum" and a.parties == ["VN-24", "LA-KH"]
    assert a.signed_year == 2021 and a.signed_date == dt.date(2021, 3, 11)
    assert a.period == (2021, 2025) and a.fields == ["nông nghiệp", "giáo dục", "y tế"]
    assert a.evidence.zone == "body"


def test_a_headline_about_another_year_stays_its_own_fact() -> None:
    doc = doc_from_text(
        "Năm 2015, tỉnh Quảng Bình và tỉnh Khăm Muộn đã ký kết biên bản ghi nhớ hợp tác.",
        dt.date(2021, 3, 12),
        title="Quảng Bình và Khăm Muộn ký kết biên bản hợp tác năm 2021",
    )
    got = extract_document(doc).agreements
    assert sorted(a.signed_year or 0 for a in got) == [2015, 2021]


def test_day_month_of_a_signing_takes_the_year_before_an_early_january_report() -> None:
    (a,) = extract_document(
        doc_from_text(
            "Ngày 28/12, tỉnh Nghệ An và tỉnh Xiêng Khoảng đã ký kết thỏa thuận hợp tác.",
            dt.date(2023, 1, 3),
        )
    ).agreements
    assert a.signed_date == dt.date(2022, 12, 28) and a.signed_year == 2022


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh Quảng Trị làm việc với tỉnh Savannakhet. Hai bên sẽ ký kết 3 biên bản ghi nhớ trong năm tới.",
        "Tỉnh Quảng Trị dự kiến ký bản ghi nhớ hợp tác với tỉnh Savannakhet vào năm 2024.",
        "Tỉnh Quảng Trị và tỉnh Savannakhet đang chuẩn bị ký thỏa thuận hợp tác giai đoạn 2024-2028.",
        "Tỉnh Quảng Trị và tỉnh Savannakhet tiến tới ký kết kế hoạch hợp tác năm 2025.",
        "Tỉnh Quảng Trị đề nghị tỉnh Savannakhet ký biên bản hợp tác về du lịch.",
        "Hai tỉnh Quảng Trị và Savannakhet thống nhất sẽ ký bản ghi nhớ trong thời gian tới.",
        "Lãnh đạo tỉnh Quảng Trị mong muốn tỉnh Savannakhet sớm ký kết bản ghi nhớ hợp tác.",
    ],
)
def test_planned_or_requested_signings_are_not_agreements(text: str) -> None:
    assert agreements(text) == []


def test_signed_documents_are_kept_next_to_future_words() -> None:
    (a,) = agreements("Hai tỉnh Quảng Trị và Savannakhet sẽ tiếp tục thực hiện bản ghi nhớ đã ký năm 2019.")
    assert a.signed_year == 2019
    (b,) = agreements("Để cụ thể hóa, năm 2019 tỉnh Quảng Trị và tỉnh Savannakhet ký kết bản ghi nhớ.")
    assert b.signed_year == 2019


def test_both_sides_anaphor_needs_the_named_province_in_the_pair() -> None:
    text = (
        "Tỉnh Hà Tĩnh và tỉnh Bolikhamxay ký biên bản hợp tác năm 2020.\n\n"
        "Tại hội nghị, tỉnh Gia Lai cho biết hai bên đã ký kết biên bản ghi nhớ năm 2018."
    )
    got = agreements(text)
    assert [a.signed_year for a in got] == [2020]


def test_signatories_are_the_officials_who_sign() -> None:
    facts = extract_document(
        doc_from_text(
            "Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng và Phó Tỉnh trưởng tỉnh Savannakhet "
            "Phết Sạ Phon Phăn Đa Vông cùng ký biên bản hợp tác năm 2023.",
            DAY,
        )
    )
    (a,) = facts.agreements
    assert a.signatories == ["Võ Văn Hưng", "Phết Sạ Phon Phăn Đa Vông"]
    assert set(a.signatories) <= {o.name for o in facts.officials}


def test_representatives_of_both_provinces_sign() -> None:
    facts = extract_document(
        doc_from_text(
            "Ông Lê Hồng Vinh, Phó Chủ tịch UBND tỉnh Nghệ An và ông Khăm Phăn Phôm Ma Thắt, "
            "Tỉnh trưởng tỉnh Xiêng Khoảng đại diện hai tỉnh ký kết thỏa thuận hợp tác.",
            DAY,
        )
    )
    (a,) = facts.agreements
    assert a.signatories == ["Lê Hồng Vinh", "Khăm Phăn Phôm Ma Thắt"]


def test_witnesses_are_not_signatories() -> None:
    (a,) = extract_document(
        doc_from_text(
            "Dưới sự chứng kiến của Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý, hai tỉnh Nghệ An và "
            "Xiêng Khoảng đã ký kết thỏa thuận hợp tác năm 2023.",
            DAY,
        )
    ).agreements
    assert a.signatories == []


def test_an_official_reporting_a_signing_is_not_a_signatory() -> None:
    (a,) = extract_document(
        doc_from_text(
            "Ông Lê Hồng Vinh, Phó Chủ tịch UBND tỉnh Nghệ An cho biết năm 2019 tỉnh Nghệ An "
            "và tỉnh Xiêng Khoảng đã ký kết thỏa thuận hợp tác.",
            DAY,
        )
    ).agreements
    assert a.signatories == [] and a.signed_year == 2019


def test_officials_met_earlier_sign_for_their_provinces() -> None:
    text = (
        "Tham dự có ông Lê Hồng Vinh, Phó Chủ tịch UBND tỉnh Nghệ An và ông Khăm Phăn Phôm Ma "
        "Thắt, Tỉnh trưởng tỉnh Xiêng Khoảng.\n\n"
        "Cuối buổi, ông Lê Hồng Vinh và ông Khăm Phăn Phôm Ma Thắt đã ký biên bản làm việc năm 2023."
    )
    (a,) = extract_document(doc_from_text(text, DAY)).agreements
    assert set(a.parties) == {"VN-22", "LA-XI"} and a.signed_year == 2023
    assert a.signatories == ["Lê Hồng Vinh", "Khăm Phăn Phôm Ma Thắt"]


MEMO_THEN_SIGNERS = (
    "Sáng 9/8, tỉnh Thanh Hóa và tỉnh Hủa Phăn (Lào) đã ký kết biên bản ghi nhớ hợp tác giai "
    "đoạn 2023 - 2028 trên các lĩnh vực: giáo dục, y tế. {second}"
)


@pytest.mark.parametrize(
    "second",
    [
        "Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn và Phó Tỉnh trưởng tỉnh Hủa Phăn Khăm Phăn "
        "Xay Nha Vông cùng ký biên bản.",
        "Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn và Phó Tỉnh trưởng tỉnh Hủa Phăn Khăm Phăn "
        "Xay Nha Vông đã ký văn bản này.",
        "Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn và Phó Tỉnh trưởng tỉnh Hủa Phăn Khăm Phăn "
        "Xay Nha Vông ký kết bản ghi nhớ nói trên.",
        "Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn và Phó Tỉnh trưởng tỉnh Hủa Phăn Khăm Phăn "
        "Xay Nha Vông đại diện hai tỉnh ký biên bản hợp tác.",
    ],
)
def test_a_back_reference_signs_the_document_already_named(second: str) -> None:
    facts = extract_document(doc_from_text(MEMO_THEN_SIGNERS.format(second=second), DAY))
    (a,) = facts.agreements
    assert a.kind == "memorandum" and a.period == (2023, 2028)
    assert a.signatories == ["Đỗ Minh Tuấn", "Khăm Phăn Xay Nha Vông"]


def test_a_document_with_its_own_subject_or_date_is_a_new_one() -> None:
    text = MEMO_THEN_SIGNERS.format(
        second="Cùng ngày, hai tỉnh ký biên bản hợp tác về phát triển du lịch năm 2024."
    )
    got = agreements(text)
    assert sorted(a.kind for a in got) == ["memorandum", "minutes"]


def test_a_back_reference_to_other_parties_is_not_merged() -> None:
    text = MEMO_THEN_SIGNERS.format(
        second="Cũng dịp này, tỉnh Nghệ An và tỉnh Xiêng Khoảng ký biên bản hợp tác."
    )
    got = agreements(text)
    assert sorted(tuple(sorted(a.parties)) for a in got) == [("LA-HO", "VN-21"), ("LA-XI", "VN-22")]


def test_a_vague_document_word_alone_is_not_an_agreement() -> None:
    assert agreements("Tỉnh Quảng Trị và tỉnh Savannakhet đã ký văn bản này vào chiều qua.") == []


# Fourth probing round: document vocabulary and structure.


def test_a_listed_set_of_documents_gives_each_document_not_the_count() -> None:
    facts = agreements(
        "Chiều 5/4, tỉnh Quảng Bình và tỉnh Khăm Muộn tổ chức hội đàm.\n\n"
        "Tại hội đàm, hai tỉnh đã ký kết 3 văn bản hợp tác, gồm: Thỏa thuận hợp tác giai đoạn "
        "2024-2028; Kế hoạch hợp tác năm 2024 và Biên bản hội đàm.",
        published=dt.date(2024, 4, 6),
    )
    assert sorted(f.kind for f in facts) == ["agreement", "minutes", "plan"]
    assert all(f.count is None and f.signed_year == 2024 for f in facts)
    assert next(f for f in facts if f.kind == "agreement").period == (2024, 2028)


def test_a_reviewed_memorandum_keeps_its_period_but_is_not_signed_that_day() -> None:
    (a,) = agreements(
        "Sáng 9/3, tỉnh Kon Tum và tỉnh Attapư tổng kết 5 năm thực hiện Biên bản ghi nhớ giai đoạn 2018-2022."
    )
    assert a.period == (2018, 2022)
    assert a.signed_year is None and a.signed_date is None


def test_the_end_of_an_extension_is_not_the_signing_year() -> None:
    (a,) = agreements("Hai tỉnh Sơn La và Hủa Phăn đã ký gia hạn Kế hoạch hợp tác đến hết năm 2026.")
    assert a.kind == "plan"
    assert a.signed_year is None


def test_an_undated_signing_on_the_reported_occasion_takes_the_lead_date() -> None:
    facts = agreements(
        "Ngày 12/6, đoàn đại biểu tỉnh Lào Cai sang thăm tỉnh Phông Sa Lỳ.\n\n"
        "Hai tỉnh Lào Cai và Phông Sa Lỳ có truyền thống hữu nghị.\n\n"
        "Tại buổi làm việc, hai bên đã ký Biên bản ghi nhớ hợp tác.",
        published=dt.date(2024, 6, 13),
    )
    (a,) = facts
    assert a.signed_date == dt.date(2024, 6, 12) and a.signed_year == 2024


def test_a_signing_in_the_past_does_not_take_the_lead_date() -> None:
    facts = agreements(
        "Ngày 12/6, đoàn đại biểu tỉnh Lào Cai sang thăm tỉnh Phông Sa Lỳ.\n\n"
        "Tại buổi làm việc, hai bên nhắc lại trước đó đã ký Biên bản ghi nhớ hợp tác.",
        published=dt.date(2024, 6, 13),
    )
    assert all(f.signed_year is None for f in facts)


def test_biên_bản_thỏa_thuận_is_an_agreement_and_a_departments_document_stays_apart() -> None:
    facts = agreements(
        "Chiều 2/10, tỉnh Bình Định và tỉnh Chăm Pa Sắc đã ký kết Thỏa thuận hợp tác giai đoạn "
        "2024-2028.\n\n"
        "Cùng ngày, Sở Y tế tỉnh Bình Định và Sở Y tế tỉnh Chăm Pa Sắc ký Biên bản thỏa thuận "
        "hợp tác về đào tạo bác sĩ.",
        published=dt.date(2024, 10, 3),
    )
    assert [f.kind for f in facts] == ["agreement", "agreement"]
    assert {f.period for f in facts} == {(2024, 2028), None}
    assert all(f.signed_year == 2024 for f in facts)


def test_plural_generic_documents_are_not_a_document() -> None:
    facts = agreements("Tỉnh Gia Lai và tỉnh Attapư tổ chức hội nghị và ký kết các văn bản hợp tác mới.")
    assert facts == []


def test_agreeing_to_go_on_signing_is_a_plan_not_a_signing() -> None:
    planned = agreements(
        "Tại hội đàm, tỉnh Quảng Trị và tỉnh Savannakhet điểm lại kết quả hợp tác. "
        "Hai bên thống nhất tiếp tục ký kết biên bản ghi nhớ hợp tác giai đoạn 2026 - 2030."
    )
    assert planned == []
    # Reaching agreement and signing at the summit itself is reported as done.
    done = agreements(
        "Đại biểu hai tỉnh Quảng Trị và Savannakhet đi đến thống nhất ký kết biên bản ghi nhớ hợp tác."
    )
    assert [(a.parties, a.kind) for a in done] == [(["VN-25", "LA-SV"], "memorandum")]


def test_a_document_whose_own_signing_is_planned_is_not_signed() -> None:
    got = agreements(
        "Tỉnh Kon Tum và tỉnh Sê Kông đã ký kết Biên bản ghi nhớ hợp tác giai đoạn 2020 - 2024 "
        "và đang chuẩn bị ký kết bản ghi nhớ giai đoạn 2025 - 2029."
    )
    assert [(a.kind, a.period) for a in got] == [("memorandum", (2020, 2024))]


def test_a_document_implemented_before_a_planned_signing_exists() -> None:
    got = agreements(
        "Lãnh đạo tỉnh Điện Biên đề nghị tỉnh Phông Sa Lỳ tiếp tục thực hiện tốt Biên bản ghi nhớ "
        "hợp tác giai đoạn 2020 - 2024, chuẩn bị nội dung để sớm ký kết biên bản ghi nhớ giai đoạn mới."
    )
    assert [(a.parties, a.period, a.rule) for a in got] == [
        (["VN-71", "LA-PH"], (2020, 2024), "vi.agreement.existing-document")
    ]
    # Drafting a plan to be signed later is no document.
    assert not agreements(
        "Hai tỉnh Điện Biên và Phông Sa Lỳ thống nhất xây dựng Kế hoạch hợp tác giai đoạn 2025 - 2027 "
        "để ký kết vào dịp hội đàm năm sau."
    )


def test_a_replaced_document_with_its_own_year_is_another_document() -> None:
    got = agreements(
        "Sáng 4/9, tỉnh Phú Yên và tỉnh Sa La Van ký kết Bản ghi nhớ hợp tác giai đoạn 2023 - 2027, "
        "thay thế bản ghi nhớ ký năm 2017 đã hết hiệu lực."
    )
    assert sorted(((a.signed_year or 0), a.period or ()) for a in got) == [(0, (2023, 2027)), (2017, ())]


def test_coordination_programme_is_a_plan() -> None:
    got = agreements(
        "Năm 2022, Hội Nông dân tỉnh Sơn La và Hội Nông dân tỉnh Hủa Phăn đã ký kết Chương trình "
        "phối hợp giai đoạn 2022 - 2025."
    )
    assert [(a.kind, a.signed_year, a.period) for a in got] == [("plan", 2022, (2022, 2025))]


def test_sector_tags_kept_per_field_are_the_full_scan() -> None:
    """`sectors_of` adds each field's tags as `_field_tags` keeps them: the list a scan of
    every sector word for every field gives (order, repeats across fields, overlapping
    words such as `truyền thông tin`), asked twice so the kept answer is read too."""
    from ingest.extract.agreements import SECTORS

    def full(fields: list[str]) -> list[str]:
        tags: list[str] = []
        for f in fields:
            for vi, en in SECTORS:
                if vi in f.lower() and en not in tags:
                    tags.append(en)
        return tags

    cases = [
        ["Nông nghiệp", "giáo dục và đào tạo", "khoa học, công nghệ"],
        ["truyền thông tin", "Y tế", "nông nghiệp"],
        ["an ninh quốc phòng", "biên giới", "an ninh"],
        ["văn hóa", "du lịch"],
        [],
    ]
    for fields in cases * 2:
        assert sectors_of(fields) == full(fields), fields
