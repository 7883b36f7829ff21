"""Zoning of link boxes, tag lines and single-newline copies (fifth probing round).

Small invented pages in the layouts of several outlets: an upper-case `TIN LIÊN QUAN` box in
mid-article, `Có thể bạn quan tâm:` / `Related:` links, `Từ khóa:` spelt with the old accent
placement, `Xem video`, and a copy without any blank line.
"""

from __future__ import annotations

from ingest.segment import Zoning, zone_text

HEAD = "Báo Tỉnh\n14/06/2024 | 09:12\nHai tỉnh bạn tăng cường hợp tác phát triển vùng biên\n\n"
P1 = (
    "Ngày 13/6, tại thành phố, Ủy ban nhân dân tỉnh Lai Châu tổ chức hội đàm với đoàn đại biểu"
    " tỉnh Phông Sa Lỳ (Lào) do Phó Tỉnh trưởng làm trưởng đoàn."
)
P2 = (
    "Theo đó, tỉnh Lai Châu đã hỗ trợ tỉnh Phông Sa Lỳ 2 tỷ đồng để xây dựng trường tiểu học."
    " Hai tỉnh thống nhất tăng cường trao đổi đoàn."
)
P3 = (
    "Phát biểu tại buổi hội đàm, trưởng đoàn tỉnh bạn cảm ơn sự giúp đỡ quý báu của tỉnh"
    " Lai Châu trong thời gian qua."
)
LINK1 = "Điện Biên và Luông Pha Băng ký kết hợp tác giai đoạn mới"
LINK2 = "Sơn La trao tặng nhà văn hóa cho tỉnh Hủa Phăn"


def texts(z: Zoning, zone: str) -> list[str]:
    return [s.text for s in z.segments if s.zone == zone]


def test_bare_link_box_in_mid_article_ends_at_the_blank_line() -> None:
    text = HEAD + f"{P1}\n\nTIN LIÊN QUAN\n{LINK1}\n{LINK2}\n\n{P2}\n\n{P3}\n"
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2, P3]
    assert texts(z, "related") == [LINK1, LINK2]


def test_link_list_with_teasers_keeps_its_teaser() -> None:
    teaser = (
        "Chiều 5/6, đoàn công tác của một tỉnh bạn đã đến thăm và làm việc tại địa phương,"
        " hai bên trao đổi nhiều nội dung."
    )
    text = HEAD + f"{P1}\n\n{P2}\n\nTin bài liên quan\n\n{LINK1}\n\n{LINK1}\n\n{teaser}\n{LINK2}\n"
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2]
    assert teaser in texts(z, "related")


def test_more_inline_link_prefixes_are_related() -> None:
    text = (
        HEAD + f"{P1}\n\nCó thể bạn quan tâm: {LINK1}\n\n{P2}\n\nRelated: Hanoi, Bangkok promote"
        f" tourism ties\n\n{P3}\n"
    )
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2, P3]
    assert len(texts(z, "related")) == 2


def test_tags_line_with_old_accent_and_watch_video_end_the_article() -> None:
    for tags in ("Từ khóa: Lai Châu, Điện Biên, Luông Nặm Thà", "Từ khoá: Lai Châu, Điện Biên"):
        text = HEAD + f"{P1}\n\n{P2}\n\nXem video\n\n{P3}\n\nHà Vy\n\n{tags}\n\nChia sẻ\nZalo\n"
        z = zone_text(text)
        assert texts(z, "body") == [P1, P2, P3]
        assert not any("Luông" in s.text or s.text == "Zalo" for s in z.segments)


def test_copy_without_blank_lines_keeps_short_last_paragraph() -> None:
    short = "Đây là năm thứ năm hai tỉnh thực hiện hợp tác"
    caption = "Lãnh đạo hai tỉnh ký kết biên bản. Ảnh: Thanh Phương/TTXVN"
    text = (
        HEAD.replace("\n\n", "\n") + f"{P1}\n{caption}\n{P2}\nCó thể bạn quan tâm: {LINK1}\n{P3}\n{short}\n"
    )
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2, P3, short]
    assert texts(z, "caption") == [caption]


def test_bullet_items_and_unpunctuated_paragraph_stay_body() -> None:
    items = [
        "- Phối hợp quản lý, bảo vệ đường biên",
        "• Trao đổi thông tin về phòng chống tội phạm",
        "+ Đào tạo cán bộ cho tỉnh bạn",
    ]
    intro = "Trong năm 2024, hai tỉnh thống nhất tập trung vào các nội dung:"
    short = "Hai tỉnh sẽ tiếp tục phối hợp chặt chẽ"
    text = HEAD + f"{P1}\n\n{intro}\n" + "\n".join(items) + f"\n\n{short}\n\n{P3}\n"
    z = zone_text(text)
    assert texts(z, "body") == [P1, intro, *items, short, P3]


def test_see_also_marker_with_link_under_it_then_the_article_resumes() -> None:
    text = HEAD + f"{P1}\n\nXem thêm:\n{LINK1}\n\n{P2}\n\n{P3}\n"
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2, P3]
    assert texts(z, "related") == [LINK1]


def test_see_also_marker_before_teasers_still_ends_the_article() -> None:
    teaser = "Chiều 5/6, đoàn công tác tỉnh bạn đã đến thăm địa phương và trao đổi nhiều nội dung hợp tác."
    text = HEAD + f"{P1}\n\n{P2}\n\nĐọc thêm\n{LINK1}\n\n{teaser}\n{LINK2}\n"
    z = zone_text(text)
    assert texts(z, "body") == [P1, P2]


def test_lone_headline_about_other_names_is_a_link_but_a_subheading_stays() -> None:
    foreign = "Quảng Bình hỗ trợ Khăm Muồn 3 tỷ đồng xây dựng trạm biên phòng"
    own = "Lai Châu đẩy mạnh hợp tác giáo dục với tỉnh bạn"
    plain = "Kết quả nổi bật của hai tỉnh"
    text = HEAD + f"{P1}\n\n{foreign}\n\n{P2}\n\n{own}\n\n{P3}\n\n{plain}\n\n{P1.replace('13/6', '14/6')}\n"
    z = zone_text(text)
    assert texts(z, "related") == [foreign]
    assert own in texts(z, "body") and plain in texts(z, "body")


def test_menu_items_named_like_section_markers_above_the_article_end_nothing() -> None:
    # An English menu (`Videos`, `Infographics`) between a <title> line and the headline:
    # before any paragraph these are menu items, not the start of the site's furniture.
    text = (
        "Two provinces open a friendship school\n\nNews+\n\nPolitics\n\nBusiness\n\nVideos\n\n"
        "Infographics\n\n"
        "The northern province of Ha Nam and the Lao province of Sekong opened a friendship"
        " school in Lamam district on June 3, the province said in a statement.\n\n"
        "The school was built with funding of VND4 billion from Ha Nam, officials said.\n\n"
        "Videos\n\nA clip of another story\n"
    )
    z = zone_text(text, title="Two provinces open a friendship school")
    assert "Infographics" not in texts(z, "body")
    body = texts(z, "body")
    assert any("opened a friendship school" in s for s in body)
    assert any("VND4 billion" in s for s in body)
    assert not any("clip of another story" in s for s in body)
