"""Properties that must hold for any input: zoning never fails and never lies about offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.decode import DecodeError, decode_bytes
from ingest.reading import document_from_bytes
from ingest.segment import zone_text

# Lines built from the pieces real pages are made of, in any order.
PIECES = st.sampled_from(
    [
        "",
        "Trang chủ Thời sự",
        "08:00 | 01/02/2023 GMT+7",
        "aa",
        "Hai tỉnh bạn đẩy mạnh hợp tác giáo dục",
        "Hai tỉnh bạn đẩy mạnh hợp tác giáo dục Hai tỉnh bạn đẩy mạnh hợp tác giáo dục",
        "Ngày 1/2, đoàn đại biểu tỉnh bạn sang thăm và làm việc. Hai bên ký kết biên bản hợp tác.",
        "Chú thích ảnh",
        "Quang cảnh buổi làm việc. Ảnh: PV",
        "Tin bài liên quan",
        "Các tin bài khác",
        "Video",
        "Theo Thu Hà/TTXVN",
        "Nguồn:",
        "(Baovidu.vn) - Sáng nay hai tỉnh đã hội đàm.",
        "Các lĩnh vực hợp tác gồm:",
        "   ",
        "(TTXVN)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=80)), max_size=30))
def test_zoning_offsets_always_hold(lines: list[str]) -> None:
    text = "\n".join(lines)
    zoning = zone_text(text)
    previous_end = 0
    for segment in zoning.segments:
        assert segment.text
        assert text[segment.start : segment.end] == segment.text
        assert segment.start >= previous_end  # in order, never overlapping
        previous_end = segment.end
    assert sum(s.zone == "title" for s in zoning.segments) <= 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_either_succeeds_or_says_why(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert decoded.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".json", ""]))
def test_reading_arbitrary_bytes_raises_only_read_error(data: bytes, suffix: str) -> None:
    from ingest.reading import ReadError

    try:
        document_from_bytes(data, source="x" + suffix, suffix=suffix)
    except ReadError as err:
        assert err.reason and "\n" not in err.reason
