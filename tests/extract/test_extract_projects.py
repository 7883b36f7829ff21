"""Projects and aid: direction, amounts, per-year, in kind, generic Lao beneficiaries."""

from __future__ import annotations

import datetime as dt

from app.facts import ProjectFact
from ingest.extract import extract_document
from tests.extract_helpers import doc_from_text

DAY = dt.date(2021, 11, 20)


def projects(text: str) -> list[ProjectFact]:
    return extract_document(doc_from_text(text, DAY)).projects


def key(p: ProjectFact) -> tuple[str | None, str | None, float | None, str | None]:
    return p.funder, p.beneficiary, p.amount, p.currency


def test_vietnamese_province_funds_lao_province() -> None:
    (p,) = projects("Tỉnh Quảng Trị hỗ trợ tỉnh Salavan 3,5 tỷ đồng xây dựng trường học.")
    assert key(p) == ("VN-25", "LA-SL", 3.5e9, "VND")


def test_lao_province_donates_to_vietnamese_province() -> None:
    (p,) = projects("Tỉnh Champasak đã ủng hộ tỉnh An Giang 25.000 USD khắc phục hậu quả lũ lụt.")
    assert key(p) == ("LA-CH", "VN-44", 25000, "USD")


def test_per_year_over_a_period() -> None:
    (p,) = projects("Giai đoạn 2016 - 2020, mỗi năm tỉnh Bình Định hỗ trợ tỉnh Champasak 2 tỷ đồng.")
    assert key(p) == ("VN-31", "LA-CH", 2e9, "VND")
    assert p.years == (2016, 2020) and p.per_year


def test_several_amounts_and_beneficiaries_in_one_clause() -> None:
    got = projects(
        "Năm 2020, tỉnh Nghệ An hỗ trợ tỉnh Xiêng Khoảng 1 tỷ đồng và tỉnh Hủa Phăn 700 triệu đồng."
    )
    assert {key(p) for p in got} == {("VN-22", "LA-XI", 1e9, "VND"), ("VN-22", "LA-HO", 7e8, "VND")}
    assert all(p.years == (2020, 2020) for p in got)


def test_subject_continues_over_semicolons() -> None:
    got = projects("Tỉnh Hà Giang tặng tỉnh Phông Sa Lỳ 2 tỷ đồng; hỗ trợ thêm 300 triệu đồng mua thuốc.")
    assert {key(p) for p in got} == {("VN-03", "LA-PH", 2e9, "VND"), ("VN-03", "LA-PH", 3e8, "VND")}


def test_generic_laos_beneficiary_is_none() -> None:
    (p,) = projects("Tỉnh Gia Lai có 3 doanh nghiệp đầu tư tại Lào với tổng vốn khoảng 50 triệu USD.")
    assert key(p) == ("VN-30", None, 5e7, "USD")


def test_in_kind_aid_has_no_amount() -> None:
    got = projects("Tỉnh Savannakhet tặng tỉnh Quảng Trị 3 tấn gạo.")
    assert [(p.funder, p.beneficiary, p.amount, p.in_kind) for p in got] == [
        ("LA-SV", "VN-25", None, "3 tấn gạo")
    ]


def test_trade_statistics_are_not_projects() -> None:
    text = "Kim ngạch xuất nhập khẩu giữa tỉnh Quảng Bình và tỉnh Khăm Muồn đạt 120 triệu USD."
    assert projects(text) == []


def test_support_without_amount_needs_a_recipient() -> None:
    got = projects("Tỉnh Lào Cai sẽ tiếp tục hỗ trợ tỉnh Luông Nậm Thà trong đào tạo cán bộ.")
    assert [key(p) for p in got] == [("VN-02", "LA-LM", None, None)]
    assert projects("Tỉnh Lào Cai cam kết tiếp tục hỗ trợ trong thời gian tới.") == []


def test_thanks_for_support_names_the_funder_after_cua() -> None:
    got = projects("Tỉnh trưởng tỉnh Sekong cảm ơn sự hỗ trợ của tỉnh Quảng Nam về y tế.")
    assert [(p.funder, p.beneficiary) for p in got] == [("VN-27", "LA-XE")]


def test_goods_with_their_value_are_one_gift() -> None:
    got = projects("Tỉnh Khăm Muồn trao tặng tỉnh Quảng Bình 200 suất quà trị giá 100 triệu đồng.")
    assert [key(p) for p in got] == [("LA-KH", "VN-24", 1e8, "VND")]


def test_the_other_sides_own_share_is_not_given_to_it() -> None:
    got = projects(
        "Nhà văn hóa do tỉnh Bình Định hỗ trợ 80.000 USD, phía tỉnh Attapư đối ứng 500 triệu kíp "
        "để san lấp mặt bằng."
    )
    assert [key(p) for p in got] == [("VN-31", "LA-AT", 80000.0, "USD")]


def test_kip_amounts_are_lak() -> None:
    got = projects("Tỉnh Sê Kông trao tặng tỉnh Quảng Nam 1,5 tỷ kíp giúp người dân vùng lũ.")
    assert [key(p) for p in got] == [("LA-XE", "VN-27", 1.5e9, "LAK")]


def test_a_scholarship_grant_with_its_total_is_a_project() -> None:
    got = projects(
        "UBND tỉnh Nghệ An cấp 40 suất học bổng cho lưu học sinh tỉnh Xiêng Khoảng với tổng kinh "
        "phí 3 tỷ đồng."
    )
    assert [key(p) for p in got] == [("VN-22", "LA-XI", 3e9, "VND")]


def test_total_with_its_parts_is_one_project() -> None:
    got = projects(
        "Tỉnh Hà Tĩnh trao tặng tỉnh Bôlykhămxay số quà tổng trị giá 3 tỷ đồng, gồm 2 tỷ đồng "
        "tiền mặt và 1 tỷ đồng vật tư y tế."
    )
    assert [key(p) for p in got] == [("VN-23", "LA-BL", 3e9, "VND")]


def test_part_with_its_own_subject_after_a_total() -> None:
    got = projects(
        "Công trình có tổng kinh phí 12 tỷ đồng, trong đó tỉnh Kon Tum hỗ trợ tỉnh Attapư 7 tỷ đồng."
    )
    assert [key(p) for p in got] == [("VN-28", "LA-AT", 7e9, "VND")]


def test_company_capital_is_not_aid() -> None:
    assert (
        projects("Tập đoàn Hoàng Phát (Nghệ An) đầu tư nhà máy tại tỉnh Xiêng Khoảng với vốn 800 tỷ đồng.")
        == []
    )


def test_provinces_enterprises_investing_abroad_count_for_the_province() -> None:
    (p,) = projects(
        "Tỉnh Gia Lai có 3 doanh nghiệp đầu tư tại tỉnh Attapư với tổng vốn đăng ký 15 triệu USD."
    )
    assert key(p) == ("VN-30", "LA-AT", 15e6, "USD")


def test_bare_unit_subject_continues_the_previous_funder() -> None:
    got = projects(
        "Tỉnh Quảng Nam hỗ trợ tỉnh Sê Kông 2 tỷ đồng xây dựng trạm y tế. "
        "Ngoài ra, tỉnh còn hỗ trợ tỉnh Sê Kông 300 triệu đồng mua thuốc."
    )
    assert [key(p) for p in got] == [("VN-27", "LA-XE", 2e9, "VND"), ("VN-27", "LA-XE", 3e8, "VND")]


def test_since_year_until_now() -> None:
    (p,) = projects("Từ năm 2015 đến nay, tỉnh Sơn La đã hỗ trợ tỉnh Hủa Phăn hơn 60 tỷ đồng.")
    assert p.years == (2015, 2021)


def test_per_year_with_slash() -> None:
    (p,) = projects("Tỉnh Thanh Hóa hỗ trợ tỉnh Hủa Phăn 4 tỷ đồng/năm.")
    assert p.per_year


def test_running_total_is_not_another_gift() -> None:
    got = projects(
        "Tỉnh Điện Biên trao tặng tỉnh Phông-sa-lỳ 500 triệu đồng, "
        "nâng tổng số tiền hỗ trợ trong năm lên 3 tỷ đồng."
    )
    assert [key(p) for p in got] == [("VN-71", "LA-PH", 5e8, "VND")]


def test_second_subject_in_one_clause_gives_its_own_direction() -> None:
    got = projects(
        "Tỉnh Salavan ủng hộ tỉnh Thừa Thiên Huế 10 nghìn USD, còn tỉnh Thừa Thiên Huế tặng tỉnh Salavan "
        "20 tấn gạo trị giá 300 triệu đồng."
    )
    assert {key(p) for p in got} == {("LA-SL", "VN-26", 1e4, "USD"), ("VN-26", "LA-SL", 3e8, "VND")}


# --- Quantified support without an amount, passive funders, courtesy gifts (issue 7) ---


def nokey(p: ProjectFact) -> tuple[str | None, str | None, float | None, str | None]:
    return p.funder, p.beneficiary, p.amount, p.in_kind


def test_training_count_with_a_part_for_one_province() -> None:
    got = projects(
        "Giai đoạn 2016 - 2020, tỉnh Quảng Trị đã tiếp nhận đào tạo 450 học viên Lào, trong đó tỉnh "
        "Savannakhet là 160 học viên."
    )
    assert [(p.funder, p.beneficiary, p.amount) for p in got] == [("VN-25", "LA-SV", None)]
    assert got[0].rule == "vi.project.training-count" and got[0].years == (2016, 2020)


def test_seconded_teachers_are_training_support() -> None:
    (p,) = projects("Tỉnh Nghệ An cử 04 giáo viên sang dạy tiếng Việt cho cán bộ tỉnh Xiêng Khoảng.")
    assert nokey(p) == ("VN-22", "LA-XI", None, "04 giáo viên")


def test_scholarship_count_is_required_with_no_amount() -> None:
    (p,) = projects("Năm nay, tỉnh Hà Tĩnh cấp 75 suất học bổng cho học sinh tỉnh Khăm Muộn.")
    assert nokey(p) == ("VN-23", "LA-KH", None, "75 suất học bổng")
    assert p.rule == "vi.project.scholarship-count"


def test_goods_without_a_unit_word() -> None:
    got = projects("Tỉnh Sơn La trao tặng tỉnh Hủa Phăn 2 máy siêu âm, 20.000 khẩu trang.")
    assert [nokey(p) for p in got] == [
        ("VN-05", "LA-HO", None, "2 máy siêu âm"),
        ("VN-05", "LA-HO", None, "20.000 khẩu trang"),
    ]


def test_distinct_unquantified_items_of_one_pair_stay_apart() -> None:
    got = projects(
        "Tỉnh Điện Biên cấp 30 suất học bổng cho sinh viên tỉnh Phông Sa Lỳ.\n\n"
        "Tỉnh Điện Biên cũng tặng tỉnh Phông Sa Lỳ 12 bộ máy tính."
    )
    assert len(got) == 2 and all(p.amount is None for p in got)


def test_count_of_lao_students_in_general_is_not_a_province_project() -> None:
    assert projects("Từ năm 2012 đến nay, tỉnh Hà Tĩnh đã đào tạo hơn 700 học viên, sinh viên Lào.") == []


def test_a_school_enrolling_students_is_not_the_provinces_support() -> None:
    text = "Hiện tỉnh Lai Châu có Trường Cao đẳng Cộng đồng đang đào tạo 90 sinh viên tỉnh Luông Nậm Thà."
    assert projects(text) == []


def test_a_count_the_money_pays_for_is_not_another_project() -> None:
    got = projects("Tỉnh Bình Định hỗ trợ tỉnh Attapư 4 tỷ đồng xây trường và đào tạo 150 cán bộ.")
    assert [key(p) for p in got] == [("VN-31", "LA-AT", 4e9, "VND")]


def test_investment_by_counted_enterprises_has_no_amount() -> None:
    (p,) = projects("Tỉnh Gia Lai có 5 doanh nghiệp đầu tư tại tỉnh Sê Kông gồm: công ty A, công ty B.")
    assert nokey(p) == ("VN-30", "LA-XE", None, "5 doanh nghiệp")
    assert p.rule == "vi.project.investment-count"


def test_passive_funder_after_do() -> None:
    (p,) = projects("Dự án trường tiểu học ở tỉnh Salavan do tỉnh Thừa Thiên Huế hỗ trợ kinh phí.")
    assert (p.funder, p.beneficiary, p.amount) == ("VN-26", "LA-SL", None)
    assert p.rule == "vi.project.passive-funder"


def test_passive_funder_with_an_amount() -> None:
    (p,) = projects("Trạm y tế của tỉnh Attapư được tỉnh Kon Tum hỗ trợ 800 triệu đồng.")
    assert key(p) == ("VN-28", "LA-AT", 8e8, "VND")


def test_courtesy_gifts_are_not_aid() -> None:
    assert projects("Chủ tịch UBND tỉnh Quảng Nam tặng quà lưu niệm cho đoàn tỉnh Sê Kông.") == []
    assert projects("Tỉnh trưởng tỉnh Sê Kông tặng hoa chúc mừng lãnh đạo tỉnh Quảng Nam.") == []
    assert projects("Bí thư tỉnh Champasak tặng quà Tết cho lãnh đạo tỉnh Đắk Lắk.") == []


def test_gift_with_an_amount_stays_aid() -> None:
    (p,) = projects("Tỉnh Sê Kông tặng hoa và trao 20 nghìn USD ủng hộ tỉnh Quảng Nam khắc phục lũ lụt.")
    assert key(p) == ("LA-XE", "VN-27", 2e4, "USD")


def test_subjectless_clause_continues_the_previous_funder() -> None:
    got = projects(
        "Tỉnh Hà Giang bàn giao công trình trạm y tế cho tỉnh Phông Sa Lỳ.\n\n"
        "Đồng thời hỗ trợ gạo và chăn màn trị giá 120 triệu đồng cho tỉnh Phông Sa Lỳ."
    )
    assert [key(p) for p in got] == [("VN-03", "LA-PH", 1.2e8, "VND")]


def test_a_place_in_parentheses_is_not_the_funder() -> None:
    (p,) = projects(
        "Tại cửa khẩu Nậm Cắn (Nghệ An), UBND tỉnh Hà Tĩnh trao tặng tỉnh Bôlykhămxay 300 triệu đồng."
    )
    assert key(p) == ("VN-23", "LA-BL", 3e8, "VND")


def test_qualifier_is_kept_beside_the_written_number() -> None:
    (p,) = projects("Từ năm 2018 đến nay, tỉnh Sơn La đã hỗ trợ tỉnh Hủa Phăn hơn 28 tỷ đồng.")
    assert p.amount == 28e9 and p.qualifier == "more_than"
    (q,) = projects("Tỉnh Lào Cai hỗ trợ tỉnh Luông Nậm Thà khoảng 700 triệu đ.")
    assert q.amount == 7e8 and q.qualifier == "about"


def test_cost_of_a_work_after_its_handover() -> None:
    got = projects(
        "Tỉnh Quảng Ngãi vừa bàn giao một trường học cho tỉnh Sê Kông.\n\n"
        "Ngôi trường nằm ở trung tâm tỉnh Sê Kông, có 8 phòng học với tổng kinh phí đầu tư gần 4 tỷ đồng."
    )
    assert [key(p) for p in got] == [("VN-29", "LA-XE", 4e9, "VND")]
    assert got[0].qualifier == "nearly"


def test_every_project_has_a_rule_and_a_tier() -> None:
    got = projects(
        "Tỉnh Quảng Trị hỗ trợ tỉnh Salavan 3,5 tỷ đồng.\n\nTỉnh Quảng Trị tặng tỉnh Salavan 5 tấn gạo."
    )
    assert all(p.rule and p.rule.startswith("vi.project.") for p in got)
    assert {p.confidence for p in got} <= {0.5, 0.6, 0.7, 0.8, 0.9}


def _projects(text: str) -> list[tuple[str | None, str | None, float | None, str | None]]:
    from ingest.extract import extract_document
    from tests.extract_helpers import doc_from_text

    facts = extract_document(doc_from_text(text))
    return [(p.funder, p.beneficiary, p.amount, p.in_kind) for p in facts.projects]


def test_counts_written_in_words() -> None:
    got = _projects(
        "Tỉnh Kon Tum cấp mười lăm suất học bổng cho học sinh tỉnh Attapư và cử hai giáo viên "
        "sang dạy tiếng Việt tại tỉnh bạn."
    )
    assert ("VN-28", "LA-AT", None, "mười lăm suất học bổng") in got
    assert ("VN-28", "LA-AT", None, "hai giáo viên") in got


def test_vague_quantities_are_not_counts() -> None:
    got = _projects("Tỉnh Điện Biên trao tặng tỉnh Luông Nặm Thà hàng trăm suất quà và vài ba máy tính.")
    assert all(p[3] is None for p in got)


def test_students_taken_in_with_a_part_for_one_province() -> None:
    got = _projects(
        "Tỉnh Quảng Trị đã hỗ trợ tỉnh Savannakhet 2 tỷ đồng. Hiện tỉnh đang tiếp nhận đào tạo "
        "140 lưu học sinh Lào, trong đó tỉnh Savannakhet là 95 em."
    )
    assert any(p[:3] == ("VN-25", "LA-SV", None) and p[3] and "95" in p[3] for p in got)


def test_speech_verb_separates_the_thanked_province_from_the_donor() -> None:
    got = _projects(
        "Đồng chí Xổm Phon cảm ơn sự giúp đỡ của tỉnh Sơn La và thông báo, nhân dân tỉnh Hủa Phăn "
        "đã quyên góp 120 triệu kíp ủng hộ tỉnh Sơn La khắc phục hậu quả mưa lũ."
    )
    assert ("LA-HO", "VN-05", 120_000_000, None) in got
    assert not any(p[0] == "VN-05" for p in got)


def test_previous_recipient_is_not_the_next_verbs_subject() -> None:
    got = _projects(
        "Tỉnh Nghệ An đã cấp 40 suất học bổng cho sinh viên tỉnh Xiêng Khoảng và tiếp nhận đào tạo "
        "hai mươi lăm cán bộ quản lý."
    )
    assert ("VN-22", "LA-XI", None, "hai mươi lăm cán bộ") in got
    assert not any(p[0] == "LA-XI" for p in got)


def test_subjectless_clause_with_several_provinces_of_one_country_gives_nothing() -> None:
    got = _projects(
        "Lãnh đạo tỉnh Hà Tĩnh, tỉnh Quảng Bình và tỉnh Nghệ An đã gặp đoàn tỉnh Khăm Muộn. "
        "Kim ngạch qua cửa khẩu đạt 90 triệu USD. "
        "Đồng thời hỗ trợ 300 triệu đồng cho tỉnh Khăm Muộn xây dựng chợ."
    )
    assert got == []


def test_attracted_foreign_investment_is_no_investment_between_the_pair() -> None:
    got = projects(
        "Tại buổi làm việc, Phó Tỉnh trưởng tỉnh Khăm Muộn chào mừng đoàn tỉnh Quảng Bình và cho biết, "
        "năm 2022 tỉnh Khăm Muộn thu hút 27 dự án đầu tư nước ngoài."
    )
    assert got == []
    # A province's own enterprises investing in the other province still count.
    got = projects("Tỉnh Quảng Bình có 4 doanh nghiệp đầu tư tại tỉnh Khăm Muộn.")
    assert [(p.funder, p.beneficiary, p.rule) for p in got] == [
        ("VN-24", "LA-KH", "vi.project.investment-count")
    ]


def test_a_per_person_rate_is_not_a_project() -> None:
    got = projects(
        "Năm học này, tỉnh Hà Tĩnh cấp 40 suất học bổng cho lưu học sinh tỉnh Khăm Muộn, mỗi suất trị giá "
        "2 triệu đồng/tháng, với tổng kinh phí hơn 900 triệu đồng."
    )
    assert [(p.funder, p.beneficiary, p.amount) for p in got] == [("VN-23", "LA-KH", 900000000.0)]
    assert not [p for p in projects("Tỉnh Hà Tĩnh hỗ trợ tỉnh Khăm Muộn 3 triệu đồng/người.") if p.amount]


def test_a_cost_after_an_aid_verb_belongs_to_its_subject() -> None:
    got = projects(
        "Từ năm 2016 đến nay, tỉnh Kon Tum đã giúp tỉnh Attapư đào tạo 300 cán bộ; hỗ trợ xây dựng "
        "Trường Phổ thông Dân tộc nội trú tỉnh Attapư với kinh phí 12 tỷ đồng."
    )
    assert ("VN-28", "LA-AT", 12000000000.0, "VND") in {key(p) for p in got}
    assert not [p for p in got if p.funder == "LA-AT"]


def test_uniforms_are_goods() -> None:
    got = projects("Bộ Chỉ huy BĐBP tỉnh Lai Châu trao tặng Bộ CHQS tỉnh Phông Sa Lỳ 60 bộ quân phục.")
    assert [(p.funder, p.beneficiary, p.in_kind) for p in got] == [("VN-01", "LA-PH", "60 bộ quân phục")]


def test_an_agent_named_after_the_cost_raised_it() -> None:
    got = extract_document(
        doc_from_text(
            "Sáng 5/4, tại tỉnh Xiêng Khoảng đã diễn ra lễ bàn giao nhà văn hóa bản. Công trình có tổng "
            "kinh phí 700 triệu đồng do Tỉnh đoàn Nghệ An vận động các nhà hảo tâm ủng hộ.",
            dt.date(2024, 4, 6),
        )
    ).projects
    assert [key(p) for p in got if p.amount] == [("VN-22", "LA-XI", 700000000.0, "VND")]
    # A place after the cost is no agent.
    got = projects("Công trình có tổng kinh phí 700 triệu đồng tại tỉnh Nghệ An.")
    assert got == []


def test_scholarships_for_lao_students_in_general_are_a_project_without_a_province() -> None:
    found = projects(
        "Thời gian qua, tỉnh Quảng Trị và tỉnh Savannakhet hợp tác chặt chẽ. Về giáo dục, tỉnh "
        "Quảng Trị hỗ trợ học bổng toàn phần đào tạo 45 lưu học sinh các tỉnh Trung Lào."
    )
    assert [(p.funder, p.beneficiary, p.amount) for p in found] == [("VN-25", None, None)]
    # Students of Laos in general with no support stated are no project.
    assert (
        projects("Tỉnh Quảng Trị hiện có 300 lưu học sinh Lào đang học tập, tỉnh Savannakhet hợp tác.") == []
    )
