"""Long texts are read in line-aligned windows (issue #11) with exactly the result of one pass.

`ArticleContext.build` hands `find_mentions` spans of at most `context.WINDOW` characters,
cut after a line break, so a 20 MB text does not build its working arrays all at once.
These tests shrink the window so an invented text of a few kilobytes is cut many times,
and check the facts equal those read in one piece; no timing or memory is measured.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from ingest.extract import context, extract_document
from ingest.extract.context import line_windows
from ingest.extract.mentions import find_mentions
from ingest.reading import document_from_text

# Invented report paragraphs (no real article's wording, names or figures).
PARAGRAPHS = (
    "Sáng 3/4, đoàn đại biểu tỉnh Sê Kông do Phó Tỉnh trưởng Khăm-phăn Xay-nha làm trưởng đoàn "
    "đã đến thăm và làm việc với tỉnh Quảng Nam.",
    "Năm 2021, tỉnh Quảng Nam ký kết Biên bản ghi nhớ với tỉnh Sê Kông hợp tác trên các lĩnh "
    "vực nông nghiệp, giáo dục, y tế.",
    "Giai đoạn 2019 - 2022, tỉnh Quảng Nam hỗ trợ tỉnh Sê Kông 7 tỷ đồng xây dựng trường học; "
    "tặng 12 tấn gạo cho các bản khó khăn.",
    "Các đại biểu đã thảo luận nhiều nội dung về phát triển kinh tế, văn hóa, xã hội ở khu vực biên giới.",
    "Phó Chủ tịch UBND tỉnh Thừa Thiên Huế Trần Thị Bình cho biết hai bên đã phối hợp tốt với "
    "tỉnh Sa-la-van trong công tác quản lý biên giới.",
)


def _text(repeat: int) -> str:
    return "Hợp tác giữa các tỉnh biên giới\n\n" + "\n\n".join(PARAGRAPHS * repeat) + "\n"


def test_windows_cut_after_line_breaks_and_cover_the_span() -> None:
    text = _text(4)
    windows = line_windows(text, 5, len(text) - 3, 300)
    assert len(windows) > 3
    assert windows[0][0] == 5 and windows[-1][1] == len(text) - 3
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert end == start and text[end - 1] == "\n"


def test_a_line_longer_than_the_window_stays_whole() -> None:
    text = "a" * 50 + "\n" + "b" * 10
    assert line_windows(text, 0, len(text), 20) == [(0, 51), (51, 61)]
    assert line_windows("c" * 50, 0, 50, 20) == [(0, 50)]


def test_mentions_window_by_window_equal_one_pass() -> None:
    text = _text(6)
    on = dt.date(2023, 5, 1)
    whole = find_mentions(text, on)
    assert len(whole) > 30
    parts = [m for a, b in line_windows(text, 0, len(text), 250) for m in find_mentions(text, on, a, b)]
    assert parts == whole


@pytest.mark.parametrize("window", [200, 1000])
def test_facts_of_a_long_text_equal_in_small_windows(monkeypatch: pytest.MonkeyPatch, window: int) -> None:
    doc = document_from_text(_text(8), source="long.txt", published=dt.date(2023, 5, 1))
    assert len(doc.text) > 4 * window  # cut several times
    expected = extract_document(doc).model_dump()
    assert expected["partnerships"] and expected["projects"] and expected["agreements"]
    monkeypatch.setattr(context, "WINDOW", window)
    assert extract_document(doc).model_dump() == expected


def test_a_very_long_text_is_read_in_runs_of_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import extract

    doc = document_from_text(_text(8), source="long.txt", published=dt.date(2023, 5, 1))
    runs = extract.chunks(doc, 1500)
    assert len(runs) > 3
    assert [s for run in runs for s in run] == doc.segments
    assert all(run[-1].end - run[0].start <= 1500 for run in runs)

    whole = extract_document(doc).model_dump()
    monkeypatch.setattr(extract, "LONG", 1000)
    monkeypatch.setattr(extract, "CHUNK", 1500)
    seen: list[int] = []
    one = extract._extract_one

    def counted(d: object) -> object:
        seen.append(1)
        return one(d)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "_extract_one", counted)
    # The paragraphs repeat, so every run has the whole article's context: the facts of
    # the runs, merged, are the facts of the text read in one piece.
    assert extract_document(doc).model_dump() == whole
    assert len(seen) == len(runs)


def test_a_long_english_text_in_runs_keeps_the_english_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import extract

    para = (
        "In 2021, Quang Nam Province signed a memorandum of understanding with Sekong Province on "
        "cooperation in agriculture and education.\n\nQuang Nam provided VND7 billion to Sekong to "
        "build schools.\n\nDelegates discussed economic and social development in the border areas."
    )
    doc = document_from_text(
        "Border cooperation\n\n" + "\n\n".join([para] * 10), source="long.txt", published=dt.date(2023, 5, 1)
    )
    assert doc.language == "en"
    whole = extract_document(doc).model_dump()
    assert whole["partnerships"] and whole["agreements"] and whole["projects"]
    monkeypatch.setattr(extract, "LONG", 1000)
    monkeypatch.setattr(extract, "CHUNK", 800)
    assert len(extract.chunks(doc)) > 3
    assert extract_document(doc).model_dump() == whole
