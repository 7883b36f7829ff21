"""Agreements read from context: multi-party lists, existing documents, `hai bên`, dates
that belong to something else. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

from app.facts import AgreementFact
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 9, 1)


def agreements(text: str) -> list[AgreementFact]:
    return extract_document(doc_from_text(text, DAY)).agreements


def test_signed_cooperation_without_a_noun() -> None:
    (a,) = agreements("Ngày 5/4, tỉnh Quảng Nam và tỉnh Sê Kông đã ký kết hợp tác giai đoạn 2024-2028.")
    assert set(a.parties) == {"VN-27", "LA-XE"} and a.kind == "agreement" and a.period == (2024, 2028)
    assert a.rule == "vi.agreement.signed-document"


def test_group_with_its_members_signs_one_document() -> None:
    (a,) = agreements(
        "Ngày 2/3, UBND tỉnh Kon Tum và Chính quyền 3 tỉnh Nam Lào (Attapư, Sê Kông, Salavan) đã ký "
        "kết hợp tác giai đoạn 2024-2028."
    )
    assert set(a.parties) == {"VN-28", "LA-AT", "LA-XE", "LA-SL"} and a.period == (2024, 2028)
    assert a.rule == "vi.agreement.multi-party"


def test_plural_noun_is_one_document_per_partner() -> None:
    got = agreements("Tỉnh Quảng Trị đã ký các bản ghi nhớ hợp tác với tỉnh Savannakhet và tỉnh Salavan.")
    assert {frozenset(a.parties) for a in got} == {
        frozenset({"VN-25", "LA-SV"}),
        frozenset({"VN-25", "LA-SL"}),
    }


def test_existing_document_without_a_signing_verb() -> None:
    text = (
        "Tỉnh Lai Châu chỉ có quan hệ với tỉnh U Đôm Xay.\n\n"
        "Hai đoàn đã đánh giá việc thực hiện biên bản ghi nhớ giữa UBND tỉnh với chính quyền tỉnh U Đôm Xay."
    )
    (a,) = agreements(text)
    assert set(a.parties) == {"VN-01", "LA-OU"} and a.kind == "memorandum"
    assert a.rule == "vi.agreement.existing-document"


def test_a_document_noun_without_verb_or_parties_is_nothing() -> None:
    assert agreements("Biên bản ghi nhớ là văn bản quan trọng của hai tỉnh Lai Châu và U Đôm Xay.") == []


def test_both_sides_of_the_lead_sign_one_document() -> None:
    text = (
        "Ngày 4/11, tại tỉnh Phông Sa Lỳ, Bộ Chỉ huy BĐBP tỉnh Điện Biên, Bộ Chỉ huy BĐBP tỉnh Lai Châu "
        "và Bộ CHQS tỉnh Phông Sa Lỳ tổ chức hội đàm.\n\n"
        "Hai bên ký kết biên bản ghi nhớ hội đàm."
    )
    got = agreements(text)
    assert [set(a.parties) for a in got] == [{"VN-71", "VN-01", "LA-PH"}]


def test_treaty_anniversary_date_is_not_the_signing_date() -> None:
    text = (
        "Chiều 11/7, tỉnh Bến Tre và tỉnh Khăm Muồn đã ký kết Biên bản hợp tác giai đoạn 2023-2025.\n\n"
        "Hướng tới kỷ niệm ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào (18/7/1977), hai tỉnh "
        "Bến Tre và Khăm Muồn tổ chức Lễ ký kết Biên bản hợp tác."
    )
    got = agreements(text)
    assert all(a.signed_year != 1977 for a in got)
    assert len(got) == 1


def test_national_treaty_and_legal_documents_are_not_provincial() -> None:
    text = (
        "Lực lượng biên phòng hai tỉnh Nghệ An và Hủa Phăn xử lý hành vi vi phạm Hiệp định về quy chế "
        "biên giới Việt Nam - Lào mà hai nước đã ký kết và văn bản pháp lý mỗi bên."
    )
    assert agreements(text) == []


def test_same_period_is_one_document_whatever_the_noun() -> None:
    text = (
        "Sáng 3/8, tỉnh Bình Phước và tỉnh Champasak ký kết thỏa thuận hợp tác giai đoạn 2023-2027.\n\n"
        "Ký kết biên bản làm việc về hợp tác giữa tỉnh Bình Phước và tỉnh Champasak giai đoạn 2023-2027."
    )
    assert len(agreements(text)) == 1


def test_reviewed_older_document_and_todays_signing_are_two() -> None:
    text = (
        "Sáng 3/8, hai tỉnh Bình Phước và Champasak tổng kết thực hiện bản ghi nhớ năm 2017 và ký kết "
        "bản ghi nhớ hợp tác giai đoạn 2023-2027."
    )
    got = agreements(text)
    assert len(got) == 2


def test_semicolon_list_inherits_the_verb_and_the_document() -> None:
    text = (
        "Tỉnh Quảng Nam có nhiều bạn bè ở nước bạn.\n\n"
        "Tỉnh đã ký Bản ghi nhớ với tỉnh Sê Kông giai đoạn 2023-2027; với tỉnh Salavan (14/9/2019); "
        "với tỉnh Attapeu năm 2021."
    )
    got = {frozenset(a.parties): a for a in agreements(text)}
    assert set(got) == {
        frozenset({"VN-27", "LA-XE"}),
        frozenset({"VN-27", "LA-SL"}),
        frozenset({"VN-27", "LA-AT"}),
    }
    assert all(a.kind == "memorandum" for a in got.values())
    first = got[frozenset({"VN-27", "LA-XE"})]
    assert first.period == (2023, 2027) and first.signed_year is None
    second = got[frozenset({"VN-27", "LA-SL"})]
    assert second.signed_date == dt.date(2019, 9, 14) and second.period is None
    assert second.rule == "vi.agreement.listed-clause"
    assert got[frozenset({"VN-27", "LA-AT"})].signed_year == 2021
    facts = extract_document(doc_from_text(text, DAY))
    assert {(p.vn, p.la) for p in facts.partnerships} == {
        ("VN-27", "LA-XE"),
        ("VN-27", "LA-SL"),
        ("VN-27", "LA-AT"),
    }


def test_a_semicolon_clause_without_a_lead_document_is_nothing() -> None:
    text = "Đoàn tỉnh Quảng Nam đã đến tỉnh Sê Kông; với tỉnh Salavan, hai bên chưa có kế hoạch cụ thể."
    assert agreements(text) == []


def test_bare_province_subject_is_the_home_province() -> None:
    text = (
        "Tỉnh Gia Lai có nhiều địa phương kết nghĩa.\n\n"
        "Thời gian qua, tỉnh đã ký kết thỏa thuận hợp tác với tỉnh Attapeu."
    )
    (a,) = agreements(text)
    assert set(a.parties) == {"VN-30", "LA-AT"} and a.kind == "agreement"
    # `Tỉnh bạn` is the partner, not the home province.
    other = extract_document(
        doc_from_text("Tỉnh Gia Lai có nhiều bạn.\n\nTỉnh bạn đã hỗ trợ tỉnh Sê Kông.", DAY)
    )
    assert other.partnerships == []


def test_three_country_party_list_keeps_vietnamese_and_lao_parties() -> None:
    (a,) = agreements(
        "Sáng 12/6, các đại biểu đã ký Biên bản ghi nhớ hợp tác du lịch giữa các tỉnh: Nakhon Phanom, "
        "Sakon Nakhon (Thái Lan); Khăm Muộn, Savannakhet, Bolykhămxay (Lào); Quảng Bình, Hà Tĩnh (Việt Nam)."
    )
    assert set(a.parties) == {"VN-24", "VN-23", "LA-KH", "LA-SV", "LA-BL"}
    assert a.kind == "memorandum" and a.rule == "vi.agreement.multi-party"
    assert a.signed_date == dt.date(2023, 6, 12)


def test_the_pre_gate_lets_every_document_noun_through() -> None:
    from ingest.extract.agreements import _DOCS, _GATE, KIND

    for noun in [*_DOCS["kind"].map, "ký kết hợp tác", "Kí kết hợp tác", "kế họach hợp tác", "BIÊN BẢN"]:
        assert KIND.search(noun) is not None
        assert any(w in noun.lower() for w in _GATE), noun
