"""Partnership cues as data: weak cues that stand alone, member lists, venues, captions.

Sentences written for the tests in the style of provincial news."""

from __future__ import annotations

import datetime as dt

from ingest.document import Document, Segment, content_id
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 5, 2)


def facts(text: str) -> dict[tuple[str, str], str | None]:
    got = extract_document(doc_from_text(text, DAY))
    return {(p.vn, p.la): p.rule for p in got.partnerships}


def test_joint_organisation_stands_alone() -> None:
    got = facts("Chính quyền hai tỉnh Kon Tum và Sê Kông phối hợp tổ chức giải đua thuyền truyền thống.")
    assert got == {("VN-28", "LA-XE"): "vi.partnership.joint-organisation"}


def test_counted_list_exchanging_delegations() -> None:
    got = facts("Ba tỉnh: Quảng Trị – Savannakhet – Salavan thường xuyên trao đổi đoàn các cấp.")
    assert set(got) == {("VN-25", "LA-SV"), ("VN-25", "LA-SL")}


def test_annual_summit_between_two_provinces() -> None:
    got = facts("Hội nghị cấp cao thường niên giữa tỉnh Hà Tĩnh với tỉnh Khăm Muồn diễn ra trong hai ngày.")
    assert got == {("VN-23", "LA-KH"): "vi.partnership.annual-summit"}


def test_weak_word_alone_is_not_enough() -> None:
    assert facts("Đường từ tỉnh Hà Tĩnh đến tỉnh Khăm Muồn dài hơn hai trăm cây số.") == {}


def test_members_of_a_counted_group_are_partners() -> None:
    got = facts(
        "Hiện nay, tỉnh Điện Biên có quan hệ hợp tác với 3 tỉnh của Lào gồm: Phông Sa Lỳ, "
        "Luông Pha Băng, U Đôm Xay."
    )
    assert set(got) == {("VN-71", "LA-PH"), ("VN-71", "LA-LP"), ("VN-71", "LA-OU")}


def test_participants_of_a_gathering_are_not_pairs() -> None:
    got = facts(
        "Hội nghị hợp tác có sự tham dự của lãnh đạo các tỉnh gồm: Điện Biên, Sơn La, Lai Châu, "
        "Phông Sa Lỳ, Luông Pha Băng."
    )
    assert got == {}


def test_bracketed_venue_is_not_a_party() -> None:
    got = facts(
        "Ngày 3/4, tại Cửa khẩu Quốc tế Nậm Cắn (Nghệ An), UBND tỉnh Thanh Hóa đã trao tặng "
        "xe cứu thương cho tỉnh Hủa Phăn."
    )
    assert set(got) == {("VN-21", "LA-HO")}


def test_province_in_a_university_name_is_not_a_party() -> None:
    got = facts("Phân hiệu Đại học Đà Nẵng tại Kon Tum tiếp nhận 40 sinh viên tỉnh Attapư sang học tập.")
    assert not any(vn == "VN-DN" for vn, _ in got)


def test_greeting_the_other_province() -> None:
    got = facts("Tỉnh trưởng tỉnh Xiêng Khoảng chúc tỉnh Nghệ An năm mới phát triển mạnh mẽ.")
    assert set(got) == {("VN-22", "LA-XI")}


def test_caption_states_a_pair_at_the_caption_tier() -> None:
    text = "Lãnh đạo hai tỉnh Cao Bằng - Phong Sa Lỳ ký biên bản hợp tác."
    doc = Document(
        source="t.txt", id=content_id(text), text=text, published=DAY, segments=[Segment(text, 0, "caption")]
    )
    got = extract_document(doc)
    assert [(p.vn, p.la) for p in got.partnerships] == [("VN-04", "LA-PH")]
    assert got.partnerships[0].confidence <= 0.7
