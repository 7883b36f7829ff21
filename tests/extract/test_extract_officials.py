"""Officials: title chains, names before/after titles, Lao names, provinces and bodies."""

from __future__ import annotations

import datetime as dt

from app.facts import OfficialFact
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2023, 3, 10)


def officials(text: str) -> dict[str, OfficialFact]:
    return {o.name: o for o in extract_document(doc_from_text(text, DAY)).officials}


def test_chain_then_province_then_name() -> None:
    got = officials(
        "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Quảng Trị Lê Văn Minh "
        "đã tiếp đoàn tỉnh Savannakhet."
    )
    o = got["Lê Văn Minh"]
    assert o.province == "VN-25"
    assert o.positions == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert o.evidence.start is not None


def test_honorific_name_then_titles_with_hyphenated_lao_name() -> None:
    got = officials("Phát biểu tại buổi tiếp, ông Bun-mi Xay-nha-vông, Phó Tỉnh trưởng tỉnh Hủa Phăn cảm ơn.")
    o = got["Bun-mi Xay-nha-vông"]
    assert o.province == "LA-HO"
    assert o.positions == ["Phó Tỉnh trưởng"]


def test_lao_title_without_province_takes_the_delegation_province() -> None:
    got = officials(
        "Sáng 2/3, đoàn công tác tỉnh Luông Pha Băng do Tỉnh trưởng Khăm Phăn Xay Nhạ Vông "
        "dẫn đầu đã đến làm việc với tỉnh Điện Biên."
    )
    assert got["Khăm Phăn Xay Nhạ Vông"].province == "LA-LP"


def test_vietnamese_title_without_province_takes_main_vietnamese_province() -> None:
    text = (
        "Tỉnh Thanh Hóa và tỉnh Hủa Phăn đẩy mạnh hợp tác.\n\n"
        "Phó Chủ tịch UBND tỉnh Đỗ Thị Lan cùng các sở ngành tiếp đoàn."
    )
    assert officials(text)["Đỗ Thị Lan"].province == "VN-21"


def test_name_dash_title() -> None:
    got = officials("Đồng chí Phạm Quốc Tuấn - Giám đốc Sở Ngoại vụ tỉnh Nghệ An phát biểu.")
    assert got["Phạm Quốc Tuấn"].province == "VN-22"


def test_diplomat_belongs_to_a_national_body() -> None:
    got = officials(
        "bà Chanthavy Souksavath, Tổng Lãnh sự CHDCND Lào tại Đà Nẵng, đã đến thăm tỉnh Quảng Nam."
    )
    o = got["Chanthavy Souksavath"]
    assert o.province is None
    assert o.organisation is not None and "Lào tại Đà Nẵng" in o.organisation


def test_repeated_person_is_one_official() -> None:
    text = (
        "Bí thư Tỉnh ủy Hà Giang Trần Đức Long tiếp đoàn.\n\n"
        "Ông Trần Đức Long, Bí thư Tỉnh ủy Hà Giang, nhấn mạnh hợp tác với tỉnh Phông Sa Lỳ."
    )
    assert list(officials(text)) == ["Trần Đức Long"]


def test_no_title_no_official() -> None:
    assert officials("Ông Trần Văn Hùng cho biết tỉnh Sekong đang chuẩn bị hội chợ.") == {}


def test_reporter_byline_is_not_an_official() -> None:
    assert officials("Theo Minh Châu/TTXVN") == {}


def test_national_official_after_country_name() -> None:
    got = officials("Đại sứ Việt Nam tại Lào Trần Quang Vinh dự buổi lễ tại tỉnh Attapeu.")
    o = got["Trần Quang Vinh"]
    assert o.province is None and o.organisation == "Đại sứ Việt Nam tại Lào"


def test_consul_in_a_province_has_no_province() -> None:
    got = officials("Tổng Lãnh sự Việt Nam tại Savannakhet Đỗ Minh Khoa thăm tỉnh Quảng Trị.")
    o = got["Đỗ Minh Khoa"]
    assert o.province is None and o.organisation == "Tổng Lãnh sự Việt Nam tại Savannakhet"


def test_name_stops_where_a_title_starts() -> None:
    got = officials("Tỉnh trưởng tỉnh Luông Nậm Thà Phết Phôm Phi Phăk Trưởng đoàn đại biểu phát biểu.")
    assert list(got) == ["Phết Phôm Phi Phăk"]


def test_standing_committee_member_in_chain() -> None:
    got = officials(
        "Đồng chí Hoàng Minh Tâm, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh Lai Châu phát biểu."
    )
    o = got["Hoàng Minh Tâm"]
    assert o.province == "VN-01"
    assert o.positions == ["Ủy viên Ban Thường vụ", "Phó Chủ tịch UBND tỉnh"]


def test_military_rank_introduces_a_name() -> None:
    got = officials("Đại tá Lò Văn Thành, Chỉ huy trưởng Bộ đội Biên phòng tỉnh Sơn La, phát biểu.")
    assert got["Lò Văn Thành"].province == "VN-05"


def test_deputy_of_any_title() -> None:
    got = officials("Phó Trưởng Ban Đối ngoại Tỉnh ủy Kon Tum Nguyễn Thị Hoa tiếp đoàn tỉnh Attapeu.")
    o = got["Nguyễn Thị Hoa"]
    assert o.positions == ["Phó Trưởng Ban Đối ngoại Tỉnh ủy"] and o.province == "VN-28"


def test_border_guard_and_military_commanders() -> None:
    got = officials(
        "Dự hội đàm có Đại tá Trần Quốc Khánh, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh "
        "Quảng Trị và Đại tá Bun Mi Xay Nha Vông, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Savannakhet."
    )
    assert got["Trần Quốc Khánh"].province == "VN-25"
    assert got["Trần Quốc Khánh"].positions == ["Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]
    assert got["Bun Mi Xay Nha Vông"].province == "LA-SV"


def test_delegation_leader_in_next_sentence_takes_the_delegation_province() -> None:
    got = officials(
        "Chiều 3/4, Đoàn công tác tỉnh Hà Tĩnh đã đến thăm tỉnh Khăm Muộn. "
        "Đoàn do đồng chí Phan Văn Bình, Phó Bí thư Tỉnh ủy làm trưởng đoàn."
    )
    assert got["Phan Văn Bình"].province == "VN-23"


def test_shared_title_with_vietnamese_family_name_takes_the_home_province() -> None:
    got = officials(
        "Đoàn công tác tỉnh Hà Tĩnh đã đến thăm tỉnh Khăm Muộn. "
        "Sau đó, đồng chí Phan Văn Bình, Phó Bí thư Tỉnh ủy phát biểu."
    )
    assert got["Phan Văn Bình"].province == "VN-23"


def test_shared_title_with_lao_name_takes_the_lao_home_province() -> None:
    got = officials(
        "Đoàn công tác tỉnh Hà Tĩnh đã đến thăm tỉnh Khăm Muộn. "
        "Sau đó, đồng chí Khăm-phăn Vông-xay, Phó Bí thư Tỉnh ủy phát biểu."
    )
    assert got["Khăm-phăn Vông-xay"].province == "LA-KH"


def test_shared_title_with_neither_name_shape_stays_unplaced() -> None:
    got = officials(
        "Đoàn công tác tỉnh Hà Tĩnh đã đến thăm tỉnh Khăm Muộn. "
        "Sau đó, đồng chí Kiên Minh Tú, Phó Bí thư Tỉnh ủy phát biểu."
    )
    assert got["Kiên Minh Tú"].province is None


def test_lao_name_opening_like_a_vietnamese_family_name() -> None:
    got = officials(
        "Chiều 2/5, Ban Thường vụ Tỉnh ủy Quảng Trị hội đàm với đoàn tỉnh Savannakhet. "
        "Sau đó, đồng chí Mai Xổm Xay Nha, Phó Bí thư Tỉnh ủy phát biểu. "
        "Đồng chí Mai Thị Hoa, Phó Bí thư Tỉnh ủy cảm ơn đoàn."
    )
    assert got["Mai Xổm Xay Nha"].province == "LA-SV"
    assert got["Mai Thị Hoa"].province == "VN-25"


def test_list_head_beats_a_family_name() -> None:
    got = officials(
        "Về phía tỉnh Hủa Phăn có các đồng chí: Lò Khăm Mun, Phó Bí thư Tỉnh ủy; "
        "Hà Văn Thoong, Phó Chủ tịch HĐND tỉnh."
    )
    assert got["Lò Khăm Mun"].province == "LA-HO"
    assert got["Hà Văn Thoong"].province == "LA-HO"


def test_friend_side_lists_lao_people() -> None:
    got = officials(
        "Dự có Đại tá Trần Minh Đức, Chỉ huy trưởng BĐBP tỉnh Điện Biên. "
        "Phía bạn có Thượng tá Bun Sỉ Lạ Vông, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh; "
        "ông Khăm Lạ Xỉ Phăn, Phó Tỉnh trưởng tỉnh Luông Nặm Thà."
    )
    assert got["Bun Sỉ Lạ Vông"].province == "LA-LM"


def test_one_hyphenated_word_after_an_honorific_is_a_name() -> None:
    got = officials(
        "Đoàn đại biểu tỉnh Phông Sa Lỳ do đồng chí Xổm-xạ-vắt, Phó Tỉnh trưởng làm Trưởng đoàn "
        "đã thăm tỉnh Lai Châu."
    )
    assert got["Xổm-xạ-vắt"].province == "LA-PH"


def test_term_or_possessive_between_title_and_province() -> None:
    got = officials(
        "Tham dự có ông Đào Văn Lực, Phó Chủ tịch HĐND khóa XVI của tỉnh Sơn La và "
        "ông Xỉ Phon Thạ Lạ, Chủ tịch Ủy ban Mặt trận Lào xây dựng đất nước của tỉnh Hủa Phăn."
    )
    assert got["Đào Văn Lực"].province == "VN-05"
    assert got["Xỉ Phon Thạ Lạ"].province == "LA-HO"


def test_lao_department_director_is_not_vietnamese() -> None:
    got = officials(
        "Về phía tỉnh Chăm Pa Sắc có ông Xỉ Phăn Đa La, Giám đốc Sở Y tế. "
        "Đoàn TP Cần Thơ có ông Trần Văn Lộc, Giám đốc Sở Y tế."
    )
    assert got["Xỉ Phăn Đa La"].province == "LA-CH"
    assert got["Trần Văn Lộc"].province == "VN-CT"


def test_family_name_doan_after_honorific() -> None:
    got = officials(
        "Cùng dự có đồng chí Đoàn Minh Khoa, Phó Chủ tịch UBND tỉnh Quảng Trị "
        "và đoàn đại biểu tỉnh Savannakhet."
    )
    assert got["Đoàn Minh Khoa"].province == "VN-25"
    assert got["Đoàn Minh Khoa"].positions == ["Phó Chủ tịch UBND tỉnh"]


def test_lao_party_title_keeps_its_party_and_the_chain_goes_on() -> None:
    got = officials(
        "Tiếp đoàn có ông Sổm-sắc Vông-xay, Ủy viên Trung ương Đảng NDCM Lào, Bí thư Tỉnh ủy, "
        "Tỉnh trưởng tỉnh Savannakhet."
    )
    o = got["Sổm-sắc Vông-xay"]
    assert o.province == "LA-SV"
    assert o.positions == ["Ủy viên Trung ương Đảng NDCM Lào", "Bí thư Tỉnh ủy", "Tỉnh trưởng"]


def test_woman_and_man_joined_by_va() -> None:
    got = officials(
        "Bà Văn-na Khăm-sinh, Phó Tỉnh trưởng tỉnh Bôlykhămxay và ông Trần Quốc Hưng, "
        "Chủ tịch UBND tỉnh Nghệ An đã hội đàm."
    )
    assert got["Văn-na Khăm-sinh"].province == "LA-BL"
    assert got["Trần Quốc Hưng"].province == "VN-22"


def test_lao_government_deputy_prime_minister_is_national() -> None:
    got = officials("Phó Thủ tướng Chính phủ Lào Bun-xay Phôm-vi-hản tiếp đoàn tỉnh Nghệ An.")
    o = got["Bun-xay Phôm-vi-hản"]
    assert o.province is None and o.organisation == "Phó Thủ tướng Chính phủ Lào"


def test_va_after_a_named_person_starts_the_next_person() -> None:
    got = officials(
        "Dự có ông Hồ Văn Niên - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh và Tổng Lãnh sự Lào tại Đà Nẵng "
        "Khăm-bay Sỉ-xu-vông."
    )
    assert got["Hồ Văn Niên"].positions == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert got["Khăm-bay Sỉ-xu-vông"].positions == ["Tổng Lãnh sự"]
    assert got["Khăm-bay Sỉ-xu-vông"].province is None


def test_province_name_inside_a_hyphenated_lao_name_is_not_a_province() -> None:
    got = officials("Đoàn đại biểu tỉnh Attapư do ông Bun-xay Xổm-bun, Bí thư Tỉnh ủy dẫn đầu.")
    assert got["Bun-xay Xổm-bun"].province == "LA-AT"


def test_abbreviated_city_title_keeps_no_trailing_dot() -> None:
    from ingest.extract.officials import _chain

    titles, _ = _chain("Chủ tịch UBND TP. Hồ Chí Minh", 0)
    assert titles == ["Chủ tịch UBND TP"]


# --- issue 7: list items, abbreviations, name shapes, context across sentences ---


def test_list_items_without_honorific() -> None:
    got = officials(
        "Tỉnh Quảng Bình hội đàm với tỉnh Khăm Muộn. Tham dự có các đồng chí: Nguyễn Minh Khoa - "
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Trần Thu Hà - Phó Chủ tịch HĐND tỉnh."
    )
    assert got["Nguyễn Minh Khoa"].positions == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert got["Nguyễn Minh Khoa"].province == "VN-24"
    assert got["Nguyễn Minh Khoa"].rule == "vi.official.list-item"
    assert got["Trần Thu Hà"].province == "VN-24"


def test_list_items_with_commas_and_glued_dashes() -> None:
    got = officials(
        "Đoàn đại biểu tỉnh Salavan thăm tỉnh Quảng Trị. Cùng đi có các đồng chí: Xổm-phon "
        "Phăn-thạ-vông-Phó Tỉnh trưởng; Lê Hữu Tâm, Phó Giám đốc Sở Ngoại vụ tỉnh Quảng Trị."
    )
    assert got["Xổm-phon Phăn-thạ-vông"].positions == ["Phó Tỉnh trưởng"]
    assert got["Xổm-phon Phăn-thạ-vông"].province == "LA-SL"
    assert got["Lê Hữu Tâm"].province == "VN-25"


def test_name_after_province_and_dash() -> None:
    got = officials("Chủ tịch UBND tỉnh Lạng Sơn - Hoàng Đức Minh phát biểu tại hội nghị với tỉnh Bò Kẹo.")
    assert got["Hoàng Đức Minh"].province == "VN-09"
    got = officials("Phó Tỉnh trưởng tỉnh Hủa Phăn, ông Khăm-la Vông-sổm, đã tiếp đoàn tỉnh Thanh Hóa.")
    assert got["Khăm-la Vông-sổm"].province == "LA-HO"


def test_abbreviated_and_old_style_titles() -> None:
    got = officials(
        "Tiếp đoàn tỉnh Attapeu có UVTW Đảng, Bí thư Tỉnh uỷ, Trưởng đoàn ĐBQH tỉnh Kon Tum Lê Văn Phúc; "
        "UVTV Tỉnh uỷ, Phó Chủ tịch Thường trực HĐND tỉnh Kon Tum Đinh Thị Hoa."
    )
    assert got["Lê Văn Phúc"].positions == ["UVTW Đảng", "Bí thư Tỉnh uỷ", "Trưởng đoàn ĐBQH tỉnh"]
    assert got["Lê Văn Phúc"].province == "VN-28"
    assert got["Đinh Thị Hoa"].positions[0] == "UVTV Tỉnh uỷ"


def test_longest_title_and_lower_case_party() -> None:
    got = officials(
        "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Phó Bí thư Thường trực Tỉnh ủy Nghệ An "
        "Hồ Văn Tiến tiếp Ủy viên Trung ương Đảng nhân dân cách mạng Lào, Bí thư Tỉnh ủy, "
        "Tỉnh trưởng tỉnh Xiêng Khoảng Bun-mi Pha-xay."
    )
    assert got["Hồ Văn Tiến"].positions == [
        "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng",
        "Phó Bí thư Thường trực Tỉnh ủy",
    ]
    assert got["Bun-mi Pha-xay"].positions[0] == "Ủy viên Trung ương Đảng nhân dân cách mạng Lào"
    assert got["Bun-mi Pha-xay"].province == "LA-XI"


def test_titles_nobody_listed_are_composed() -> None:
    got = officials(
        "Đoàn tỉnh Bò Kẹo do ông Khăm-xay Phon-vi-lay, Chủ tịch Hội hữu nghị Lào - Việt Nam tỉnh Bò Kẹo "
        "dẫn đầu thăm tỉnh Lào Cai. Tiếp đoàn có đồng chí Giàng Thị Mai, Chủ tịch Hội Cựu chiến binh tỉnh."
    )
    assert got["Khăm-xay Phon-vi-lay"].province == "LA-BK"
    assert got["Giàng Thị Mai"].province == "VN-02"


def test_lao_deputy_governor_written_as_deputy_chairman_of_the_province() -> None:
    got = officials("Phó Chủ tịch tỉnh Sê Kông Vi-lay Xổm-phết tiếp đoàn tỉnh Quảng Nam.")
    assert got["Vi-lay Xổm-phết"].province == "LA-XE"


def test_bare_chairman_leading_a_delegation() -> None:
    got = officials("Đoàn đại biểu tỉnh Hà Tĩnh do Chủ tịch Ngô Văn Hải dẫn đầu đã thăm tỉnh Bô-ly-khăm-xay.")
    assert got["Ngô Văn Hải"].province == "VN-23"


def test_bare_title_with_a_historic_leader_is_no_official() -> None:
    got = officials("Hai tỉnh Nghệ An và Xiêng Khoảng học tập tấm gương của Chủ tịch Kay-xỏn Phôm-vi-hản.")
    assert got == {}


def test_counsellor_is_a_diplomat() -> None:
    got = officials("Ông Xổm-sạ-vạt Lịnh, Tham tán Công sứ Đại sứ quán Lào tại Việt Nam thăm tỉnh Hà Tĩnh.")
    o = got["Xổm-sạ-vạt Lịnh"]
    assert o.province is None and o.organisation is not None


def test_joined_positions_do_not_make_a_governor() -> None:
    got = officials(
        "Tỉnh Thanh Hóa và tỉnh Hủa Phăn hợp tác. Ông Vũ Thị Lan, Phó Chủ tịch HĐND tỉnh, "
        "Trưởng đoàn ĐBQH tỉnh phát biểu."
    )
    assert got["Vũ Thị Lan"].province == "VN-21"


def test_name_shapes() -> None:
    got = officials(
        "Tỉnh Đắk Lắk tiếp đoàn tỉnh Chăm Pa Sắc. Dự có bà H' Loan Ê-ban, Phó Chủ tịch UBND tỉnh "
        "Đắk Lắk và ông Bunlu VONGSAPHAN, Phó Tỉnh trưởng tỉnh Chăm Pa Sắc; đồng chí Xổm - phết "
        "In - tha - vông, Phó Bí thư Tỉnh ủy tỉnh Chăm Pa Sắc."
    )
    assert got["H' Loan Ê-ban"].province == "VN-33"
    assert got["Bunlu VONGSAPHAN"].province == "LA-CH"
    assert got["Xổm - phết In - tha - vông"].province == "LA-CH"


def test_side_of_a_meeting_heads_the_list_across_sentences() -> None:
    got = officials(
        "Tỉnh Điện Biên hội đàm với tỉnh Phông Sa Lỳ.\n\n"
        "Về phía tỉnh Phông Sa Lỳ có các đồng chí: Khăm-phăn Xỉ-vông, Phó Bí thư Tỉnh ủy.\n\n"
        "Bun-thoong Ma-ni, Ủy viên Ban Thường vụ Tỉnh ủy."
    )
    assert got["Khăm-phăn Xỉ-vông"].province == "LA-PH"
    assert got["Bun-thoong Ma-ni"].province == "LA-PH"


def test_bare_province_words_are_the_home_province() -> None:
    got = officials(
        "Chiều 5/4, tại trụ sở UBND tỉnh, Bí thư Tỉnh ủy Phạm Thu Lan tiếp đoàn tỉnh Bò Kẹo "
        "sang thăm tỉnh Thái Nguyên."
    )
    assert got["Phạm Thu Lan"].province == "VN-69"


def test_portfolio_and_delegation_head_between_title_and_province() -> None:
    got = officials(
        "Phó Bí thư Tỉnh ủy phụ trách công tác dân vận tỉnh Bò Kẹo Xay-nha Phôm-ma và Trưởng đoàn "
        "đại biểu cấp cao tỉnh Điện Biên Lò Văn Tú hội đàm."
    )
    assert got["Xay-nha Phôm-ma"].province == "LA-BK"
    assert got["Lò Văn Tú"].province == "VN-71"


def test_leader_of_the_delegation_is_not_chained_into_the_next_person() -> None:
    got = officials(
        "Đoàn do đồng chí Cầm Văn Hùng, Chủ tịch UBND tỉnh Sơn La làm Trưởng đoàn, Phó Chủ tịch "
        "UBND tỉnh Sơn La Quàng Thị Nga cùng đi thăm tỉnh Luông Pha Băng."
    )
    assert got["Quàng Thị Nga"].positions == ["Phó Chủ tịch UBND tỉnh"]


def test_file_photo_caption_names_nobody() -> None:
    from ingest.document import Document, Segment, content_id

    text = "Tỉnh Nghệ An hợp tác với tỉnh Hủa Phăn.\n\nBí thư Tỉnh ủy Nghệ An Trần Văn Sơn. (Ảnh tư liệu)"
    segs = [Segment(text[:39], 0, "body"), Segment(text[41:], 41, "caption")]
    doc = Document(source="t.txt", id=content_id(text), text=text, title=None, published=DAY, segments=segs)
    assert extract_document(doc).officials == []


def test_every_official_has_a_rule_and_a_tier() -> None:
    got = officials("Bí thư Tỉnh ủy Quảng Trị Lê Minh Hòa tiếp đoàn tỉnh Savannakhet.")
    o = got["Lê Minh Hòa"]
    assert o.rule == "vi.official.title-then-name" and o.confidence == 0.8


def test_photo_credit_is_not_a_list_item_and_a_capitalised_verb_ends_a_name() -> None:
    got = officials(
        "Ảnh: Minh Đức - Phó Chủ tịch UBND tỉnh Hà Giang Trần Đức Quý tặng quà tỉnh Luông Nặm Thà."
    )
    assert list(got) == ["Trần Đức Quý"]
    got = officials("Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn Hội đàm với tỉnh Hủa Phăn.")
    assert list(got) == ["Đỗ Minh Tuấn"]


def test_founding_leaders_cited_are_not_officials() -> None:
    got = officials(
        "Hai tỉnh Nghệ An và Hủa Phăn học tập tư tưởng Chủ tịch Hồ Chí Minh và Chủ tịch Cay-xỏn Phôm-vi-hản."
    )
    assert got == {}


def test_romanised_lao_name_with_lower_case_syllables_after_an_honorific() -> None:
    got = officials(
        "Đoàn tỉnh Attapeu do đồng chí Som sa vath Bun Ma- Phó Bí thư, Phó Tỉnh trưởng tỉnh Attapeu dẫn đầu."
    )
    assert got["Som sa vath Bun Ma"].province == "LA-AT"
    assert officials("Ông Lê Văn Nam cho la Bun Ma, Phó Tỉnh trưởng tỉnh Attapeu phát biểu.") == {}


def test_lao_education_and_sports_department() -> None:
    from ingest.extract import extract_document as _extract
    from tests.extract_helpers import doc_from_text as _doc

    got = _extract(
        _doc("Dự buổi lễ có ông Xổm-xạ Vông-phi-thắc, Phó Giám đốc Sở Giáo dục và Thể thao tỉnh Sê Kông.")
    ).officials
    assert [(o.name, o.province) for o in got] == [("Xổm-xạ Vông-phi-thắc", "LA-XE")]


def test_titles_grouped_by_first_letter_match_as_the_plain_alternation() -> None:
    """The whole-title pattern groups titles by the letters they start with (one group tried
    per position); at every position of these sentences, in any case, it matches what the
    plain alternation of the same titles in the same order matches."""
    import re

    from app.gazetteer import gazetteer
    from ingest.extract.officials import _NO_PLACE_AFTER, _PLACE, _V, _alt, _by_first_letter, _patterns

    full = {p.title_vi for p in gazetteer().positions if "," not in p.title_vi}
    full.update(_V.words("titles"))  # as `_patterns` builds it (equal lengths keep set order)
    alts = [
        (t, _alt([t]) if t.endswith(_NO_PLACE_AFTER) else _alt([t]) + _PLACE + "?")
        for t in sorted(full, key=len, reverse=True)
    ]
    head = _patterns()[0].pattern[: _patterns()[0].pattern.index("(?:(?=[")]
    grouped = re.compile(head + "(?:" + _by_first_letter(alts) + ")", re.IGNORECASE)
    plain = re.compile(head + "(?:" + "|".join(a for _, a in alts) + ")", re.IGNORECASE)
    assert grouped.pattern == _patterns()[0].pattern
    texts = (
        "Ông Bun Thong, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Chăm-pa-sắc phát biểu.",
        "Phó Chủ tịch Thường trực UBND tỉnh Hà Tĩnh, Phó Bí thư Tỉnh uỷ Nguyễn Văn A tiếp đoàn.",
        "Đại tá Trần B, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị, Phó Tỉnh trưởng C.",
    )
    matched = 0
    for text in (*texts, *(t.upper() for t in texts), *(t.lower() for t in texts)):
        for pos in range(len(text)):
            a, b = plain.match(text, pos), grouped.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text[pos : pos + 30]
            matched += a is not None
    assert matched > 10
