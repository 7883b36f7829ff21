"""Zoning and metadata rules, each shown on a small page written for the test.

The pages imitate the layouts of several outlets (a time stamp line above the headline, a
`(Outlet.vn) -` lead-in, a byline and `Nguồn:` below, inline related links printed twice,
photo captions) with invented news, so the rules are checked as rules, not as memories of
particular articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.metadata import (
    detect_language,
    outlet_from_byline,
    outlet_from_source,
    parse_date,
    parse_date_line,
)
from ingest.segment import Zoning, doubled_length, is_headline_like, zone_text

P1 = "Sáng 2/4, đoàn công tác tỉnh Attapeu (Lào) đã đến thăm và làm việc tại tỉnh Gia Lai."
P2 = (
    "Hai bên thống nhất tăng cường hợp tác trong lĩnh vực nông nghiệp và giáo dục."
    " Tỉnh Gia Lai cam kết hỗ trợ đào tạo cán bộ."
)
P3 = "Kết thúc buổi làm việc, hai tỉnh đã trao tặng quà lưu niệm và chụp ảnh chung."
LINK = "Một địa phương miền Tây hợp tác với đối tác Hàn Quốc"


def texts(z: Zoning, zone: str) -> list[str]:
    return [s.text for s in z.segments if s.zone == zone]


def check_offsets(text: str, z: Zoning) -> None:
    for s in z.segments:
        assert text[s.start : s.end] == s.text


def page(*parts: str) -> str:
    return "\n".join(parts)


# --- header, title, published --------------------------------------------------------------


def test_header_date_title_and_widget() -> None:
    text = page(
        "Trang chủ Thời sự Địa phương",
        "07:45 | 03/04/2023 GMT+7",
        "",
        "Gia Lai và Attapeu hợp tác",
        "",
        "aa",
        P1,
        "",
        P2,
    )
    z = zone_text(text)
    check_offsets(text, z)
    assert z.title == "Gia Lai và Attapeu hợp tác"
    assert z.published == dt.date(2023, 4, 3)
    assert texts(z, "title") == ["Gia Lai và Attapeu hợp tác"]
    assert texts(z, "body") == [P1, P2]


def test_date_line_after_the_title() -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "Thứ hai, 03/04/2023 - 07:45", "", P1)
    z = zone_text(text)
    assert z.title == "Gia Lai và Attapeu hợp tác toàn diện"
    assert z.published == dt.date(2023, 4, 3)
    assert texts(z, "body") == [P1]


def test_no_header_first_line_is_the_title() -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P2)
    z = zone_text(text)
    assert z.title == "Gia Lai và Attapeu hợp tác toàn diện"
    assert z.published is None  # a date inside the body is not the publication date
    assert texts(z, "body") == [P1, P2]


def test_text_without_headline_is_all_body() -> None:
    z = zone_text(page(P1, "", P2))
    assert z.title is None
    assert texts(z, "body") == [P1, P2]


@pytest.mark.parametrize(
    "line",
    [
        "18:52 | 05/01/2023 GMT+7",
        "Thứ năm, 05/01/2023 - 18:52",
        "Thứ Năm, 05-01-2023, 18:52",
        "05/01/2023 18:52 (GMT+07:00)",
        "Cập nhật: 05/01/2023 18:52",
        "Chủ nhật, 5/1/2023 | 18:52",
        "2023-01-05T18:52:00+07:00",
        "Ngày 5 tháng 1 năm 2023",
        "Thứ năm, 05/01/2023 - 18:52 | Lượt xem: 1.234 | In bài",
    ],
)
def test_header_date_formats(line: str) -> None:
    assert parse_date_line(line) == dt.date(2023, 1, 5)


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 5/1/2023, đoàn đại biểu tỉnh Khăm Muồn đã sang thăm và làm việc với tỉnh bạn.",
        "Hai bên ký kết biên bản ghi nhớ ngày 05/01/2023 tại trụ sở UBND tỉnh",
        "Chiều 31/10, đoàn công tác đã đến thăm",
        "31/02/2023",
    ],
)
def test_not_header_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_parse_date_day_first_and_iso() -> None:
    assert parse_date("12/11/2022") == dt.date(2022, 11, 12)
    assert parse_date("2022-11-12 08:00") == dt.date(2022, 11, 12)
    assert parse_date("31/10") is None
    assert parse_date("không có ngày") is None


# --- inline related links and teasers ------------------------------------------------------


def test_headline_printed_twice_is_related_once() -> None:
    for doubled in (f"{LINK} {LINK}", f"{LINK}{LINK}"):
        text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, doubled, "", P2)
        z = zone_text(text)
        check_offsets(text, z)
        assert texts(z, "related") == [LINK]
        assert texts(z, "body") == [P1, P2]


def test_doubled_length() -> None:
    assert doubled_length("Hợp tác biên giới Hợp tác biên giới") == len("Hợp tác biên giới")
    assert doubled_length("Hợp tác biên giớiHợp tác biên giới") == len("Hợp tác biên giới")
    assert doubled_length("Hợp tác biên giới và hợp tác kinh tế") == 0
    assert doubled_length("a a") == 0


def test_short_headline_inside_a_paragraph_block_is_related() -> None:
    other = "Tuần lễ văn hóa của một nước châu Âu tại Hà Nội"
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, other, LINK, "", P2)
    z = zone_text(text)
    assert texts(z, "related") == [other, LINK]
    assert texts(z, "body") == [P1, P2]


def test_subheading_opening_a_block_stays_body() -> None:
    heading = "Nhiều kết quả hợp tác nổi bật"
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", heading, P2, "", P3)
    z = zone_text(text)
    assert texts(z, "body") == [P1, heading, P2, P3]


def test_dated_caption_then_a_section_heading_in_one_block() -> None:
    caption = "Lễ ký kết thỏa thuận hợp tác giữa tỉnh Gia Lai và tỉnh Attapeu (tháng 10/2018)"
    heading = "Những năm tháng khó khăn…"
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", caption, heading, P2, "", P3)
    z = zone_text(text)
    assert texts(z, "caption") == [caption]
    assert texts(z, "body") == [P1, heading, P2, P3]


def test_credited_caption_then_a_section_heading_in_one_block() -> None:
    caption = "Lãnh đạo hai tỉnh ký biên bản hợp tác. Ảnh: Minh Khang"
    heading = "Những năm tháng khó khăn…"
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", caption, heading, P2, "", P3)
    z = zone_text(text)
    assert texts(z, "caption") == [caption]
    assert texts(z, "body") == [P1, heading, P2, P3]


def test_dated_links_are_not_captions() -> None:
    links = [
        "Một tỉnh miền núi đón đoàn khách quốc tế (tháng 3/2021)",
        "Một địa phương miền Tây hợp tác với đối tác châu Âu (tháng 4/2021)",
    ]
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, *links, "", P2)
    z = zone_text(text)
    assert texts(z, "caption") == []


def test_list_after_a_colon_stays_body() -> None:
    intro = "Hai bên thống nhất hợp tác trong các lĩnh vực sau:"
    items = ["Giáo dục và đào tạo nguồn nhân lực", "Y tế và chăm sóc sức khỏe cộng đồng"]
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", intro, *items, "", P3)
    z = zone_text(text)
    assert texts(z, "body") == [P1, intro, *items, P3]


def test_teasers_under_links_are_related() -> None:
    teaser = (
        "Chiều 5/8, lãnh đạo một tỉnh phía Nam đã tiếp đoàn doanh nghiệp nước ngoài"
        " sang tìm hiểu cơ hội đầu tư."
    )
    link2 = "Hội nghị xúc tiến đầu tư vào khu kinh tế cửa khẩu"
    text = page(
        "Gia Lai và Attapeu hợp tác toàn diện",
        "",
        P1,
        "",
        P2,
        "",
        f"{LINK}{LINK}",
        teaser,
        f"{link2} {link2}",
        teaser,
    )
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2]
    assert texts(z, "related") == [LINK, teaser, link2, teaser]


def test_paragraphs_without_blank_lines_are_not_mistaken_for_teasers() -> None:
    lines = [
        P1,
        f"{LINK} {LINK}",
        P2,
        P3,
        "Tỉnh Gia Lai cũng chia sẻ kinh nghiệm phát triển du lịch cộng đồng.",
    ]
    lines += [f"Đoạn thứ {n} của bài viết nói thêm về hợp tác giữa hai tỉnh." for n in range(6)]
    z = zone_text(page("Gia Lai và Attapeu hợp tác toàn diện", *lines))
    assert texts(z, "related") == [LINK]
    assert P2 in texts(z, "body")


def test_media_and_read_more_links_are_related() -> None:
    video = "[Video] Lễ hội truyền thống ở một tỉnh miền núi"
    more = "Xem thêm: Đoàn thanh niên hai nước giao lưu văn nghệ"
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, video, "", more, "", P2)
    z = zone_text(text)
    assert texts(z, "related") == [video, more]
    assert texts(z, "body") == [P1, P2]


# --- captions -------------------------------------------------------------------------------


def test_caption_after_marker_and_photo_credits() -> None:
    cap1 = "Lãnh đạo hai tỉnh tại buổi hội đàm."
    cap2 = "Quang cảnh buổi làm việc. Ảnh: Thu Hà"
    cap3 = "Các đại biểu chụp ảnh lưu niệm (Ảnh: Văn Nam/TTXVN)"
    text = page(
        "Gia Lai và Attapeu hợp tác toàn diện",
        "",
        P1,
        "",
        "Chú thích ảnh",
        cap1,
        "",
        cap2,
        cap2,
        "",
        P2,
        "",
        cap3,
        "",
        P3,
    )
    z = zone_text(text)
    assert texts(z, "caption") == [cap1, cap2, cap3]
    assert texts(z, "body") == [P1, P2, P3]


def test_repeated_headline_marks_an_image_and_its_caption() -> None:
    title = "Gia Lai và Attapeu hợp tác toàn diện"
    cap = "Phó Chủ tịch UBND tỉnh Gia Lai phát biểu tại buổi làm việc."
    text = page(title, "", P1, "", title, "", cap, "", P2, "", title, cap, "", P3, "", title, "", P2)
    z = zone_text(text)
    assert texts(z, "title") == [title]
    assert texts(z, "caption") == [cap, cap]
    # A multi-sentence paragraph under an image is the article going on, not a caption.
    assert texts(z, "body") == [P1, P2, P3, P2]


# --- the end of the article ----------------------------------------------------------------


def test_related_list_is_related_and_other_lists_are_dropped() -> None:
    teaser = "Sáng 9/9, một đoàn doanh nghiệp nước ngoài đã đến tìm hiểu môi trường đầu tư tại địa phương."
    text = page(
        "Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P2,
        "Thu Hà", "Nguồn:", "", "Tin bài liên quan", "", LINK, "", LINK, "", teaser,
        "", "Các tin bài khác", "", "Hà Nội và Bangkok thúc đẩy hợp tác đô thị", "", "Đọc nhiều", "Tin khác",
    )  # fmt: skip
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2]
    assert texts(z, "related") == [LINK, teaser]
    assert z.byline == "Thu Hà"
    assert z.outlet is None
    assert all("Bangkok" not in s.text for s in z.segments)


@pytest.mark.parametrize(
    "marker",
    [
        "Đọc thêm",
        "Đọc nhiều",
        "Các tin bài khác",
        "Tin khác",
        "Thời tiết",
        "Video",
        "Xem thêm:",
        "Tags: hợp tác, Lào",
    ],
)
def test_end_markers_drop_the_rest(marker: str) -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P2, "", marker, "", LINK, "", P3)
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2]
    assert texts(z, "related") == []


def test_weak_marker_inside_the_article_does_not_end_it() -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", "Video", P2, "", P3)
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2, P3]


def test_related_box_inside_the_article_then_the_article_resumes() -> None:
    p4 = (
        "Tỉnh Gia Lai đề nghị hai bên phối hợp tổ chức diễn đàn xúc tiến đầu tư vào năm tới."
        " Tỉnh Attapeu nhất trí với đề xuất này."
    )
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", "Tin liên quan:", LINK, "", P2, "", p4)
    z = zone_text(text)
    assert texts(z, "related") == [LINK]
    assert texts(z, "body") == [P1, P2, p4]


# --- bylines and outlets --------------------------------------------------------------------


def test_lead_in_outlet_is_cut_from_the_body() -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", f"(Baogialai.com.vn) - {P1}", "", P2)
    z = zone_text(text)
    check_offsets(text, z)
    assert z.outlet == "baogialai.com.vn"
    assert texts(z, "body") == [P1, P2]


def test_agency_byline_and_source_line() -> None:
    base = ("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P2)
    z = zone_text(page(*base, "Theo Văn Nam/TTXVN"))
    assert z.outlet == "TTXVN"
    assert z.byline == "Văn Nam/TTXVN"
    assert texts(z, "body") == [P1, P2]
    z = zone_text(page(*base, "Theo Văn Nam/TTXVN", "Nguồn: https://www.BaoTinTuc.vn/"))
    assert z.outlet == "baotintuc.vn"
    z = zone_text(page(*base, "Minh Anh - Thu Hà (t/h)", "Nguồn: Báo Ví Dụ"))
    assert z.outlet == "Báo Ví Dụ"
    assert z.byline == "Minh Anh - Thu Hà (t/h)"
    assert texts(z, "body") == [P1, P2]


def test_trailing_outlet_in_parentheses() -> None:
    z = zone_text(page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P3 + " (Baoquangbinh.vn)"))
    assert z.outlet == "baoquangbinh.vn"


def test_sentence_starting_with_theo_is_body() -> None:
    sentence = "Theo lãnh đạo tỉnh, hai bên đã hoàn thành 12 dự án hợp tác trong năm qua."
    z = zone_text(page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", sentence))
    assert texts(z, "body") == [P1, sentence]


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("Huỳnh Anh/TTXVN", "TTXVN"),
        ("TTXVN", "TTXVN"),
        ("Thu Hà (TTXVN)", "TTXVN"),
        ("vietnamplus.vn", "vietnamplus.vn"),
        ("báo Nhân Dân", "báo Nhân Dân"),
        ("Nguyễn Văn Bình", None),
    ],
)
def test_outlet_from_byline(byline: str, outlet: str | None) -> None:
    assert outlet_from_byline(byline) == outlet


def test_outlet_from_source() -> None:
    assert outlet_from_source(" qdnd.vn. ") == "qdnd.vn"
    assert outlet_from_source("") is None


# --- language and shapes --------------------------------------------------------------------


def test_language() -> None:
    assert detect_language(P1 + P2) == "vi"
    english = "The two provinces signed a memorandum of understanding on trade and education. " * 5
    assert detect_language(english) == "en"
    assert detect_language("ແຂວງສະຫວັນນະເຂດ ແລະ ແຂວງກວາງຈິ") == "lo"
    assert detect_language("") == "vi"


def test_headline_shape() -> None:
    assert is_headline_like("Gia Lai và Attapeu hợp tác toàn diện")
    assert not is_headline_like(P1)
    assert not is_headline_like("hai tỉnh hợp tác với nhau")
    assert not is_headline_like("Hợp tác")


def test_empty_text() -> None:
    z = zone_text("")
    assert z.segments == []
    assert zone_text("\n\n  \n").segments == []


def test_hints_pin_labels() -> None:
    text = page("Gia Lai và Attapeu hợp tác toàn diện", "", P1, "", P2)
    z = zone_text(text, hints={text.index(P2): "caption"})
    assert texts(z, "caption") == [P2]


# --- layouts of other outlets (invented text) ------------------------------------------------

SAPO = "Tỉnh Quảng Bình và tỉnh Khăm Muồn (Lào) đã tổng kết hợp tác năm 2023 và bàn kế hoạch năm 2024."
BODY = "Hai bên đánh giá cao kết quả phối hợp quản lý biên giới. Quảng Bình hỗ trợ bạn 3 tỷ đồng."


def test_layout_category_then_date_below_the_headline() -> None:
    text = page(
        "Thế giới", "Quảng Bình và Khăm Muồn tổng kết hợp tác",
        "Thứ Năm, 11/01/2024 10:05 (GMT+07:00)", SAPO, "", BODY, "", "(TTXVN/Vietnam+)",
    )  # fmt: skip
    z = zone_text(text)
    assert z.title == "Quảng Bình và Khăm Muồn tổng kết hợp tác"
    assert z.published == dt.date(2024, 1, 11)
    assert texts(z, "body") == [SAPO, BODY]
    assert z.outlet == "Vietnam+"


def test_layout_widget_between_headline_and_date() -> None:
    text = page("Quảng Bình và Khăm Muồn tổng kết hợp tác", "", "aa", "11-01-2024 10:05", "", SAPO, "", BODY)
    z = zone_text(text)
    assert z.title == "Quảng Bình và Khăm Muồn tổng kết hợp tác"
    assert z.published == dt.date(2024, 1, 11)
    assert texts(z, "body") == [SAPO, BODY]


def test_layout_agency_lead_in_and_uppercase_author() -> None:
    text = page(
        "Cập nhật: 11/01/2024 10:05", "Quảng Bình và Khăm Muồn tổng kết hợp tác", "",
        f"(QBĐT) - {SAPO}", "", BODY, "", "NGUYỄN THANH HÀ",
    )  # fmt: skip
    z = zone_text(text)
    assert z.outlet == "QBĐT"
    assert z.byline == "NGUYỄN THANH HÀ"
    assert texts(z, "body") == [SAPO, BODY]


def test_layout_headline_printed_twice_at_the_top() -> None:
    title = "Quảng Bình và Khăm Muồn tổng kết hợp tác"
    z = zone_text(page(title, title, "", SAPO, "", BODY))
    assert texts(z, "title") == [title]
    assert texts(z, "body") == [SAPO, BODY]  # the lead is not taken for a caption
    z = zone_text(page(title, "", title, "", SAPO, "", BODY))
    assert texts(z, "body") == [SAPO, BODY]


def test_source_line_with_date_and_reference() -> None:
    z = zone_text(
        page(
            "Quảng Bình và Khăm Muồn tổng kết hợp tác", "", SAPO, "Nguồn tham khảo: qdnd.vn, ngày 12/01/2024"
        )
    )
    assert z.outlet == "qdnd.vn"
    assert texts(z, "body") == [SAPO]


@pytest.mark.parametrize(
    ("lead", "outlet"), [("NDO", "NDO"), ("QĐND", "QĐND"), ("VOV.VN", "vov.vn"), ("TTXVN", "TTXVN")]
)
def test_agency_lead_in_without_parentheses(lead: str, outlet: str) -> None:
    text = page("Quảng Bình và Khăm Muồn tổng kết hợp tác", "", f"{lead} - {SAPO}", "", BODY)
    z = zone_text(text)
    check_offsets(text, z)
    assert z.outlet == outlet
    assert texts(z, "body") == [SAPO, BODY]


def test_agency_closing_the_last_paragraph() -> None:
    z = zone_text(page("Quảng Bình và Khăm Muồn tổng kết hợp tác", "", SAPO, "", BODY + " (TTXVN/Vietnam+)"))
    assert z.outlet == "Vietnam+"
    inner = "Hai bên thành lập Ủy ban nhân dân (UBND)"
    z = zone_text(page("Quảng Bình và Khăm Muồn tổng kết hợp tác", "", SAPO + " " + inner + ".", "", BODY))
    assert z.outlet is None  # an abbreviation in parentheses inside the text is no outlet


def test_body_without_blank_lines_keeps_its_subheadings() -> None:
    long = [
        f"Đoạn {n}: hai tỉnh đã phối hợp tổ chức nhiều hoạt động giao lưu, trao đổi kinh nghiệm "
        "và hỗ trợ nhau trong công tác quản lý biên giới."
        for n in range(4)
    ]
    heading = "Nhiều kết quả hợp tác nổi bật trong năm"
    lines = [long[0], long[1], heading, long[2], f"{LINK} {LINK}", long[3]]
    text = page("08:00 | 02/02/2024 GMT+7", "", "Gia Lai và Attapeu hợp tác toàn diện", "", *lines)
    z = zone_text(text)
    assert texts(z, "body") == [long[0], long[1], heading, long[2], long[3]]
    assert texts(z, "related") == [LINK]
