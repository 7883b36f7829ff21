"""Province mentions: folding, word boundaries, prefixes, dates and person names."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.mentions import find_mentions

OLD = dt.date(2023, 6, 1)


def isos(text: str, on: dt.date | None = OLD) -> list[str]:
    return [m.iso for m in find_mentions(text, on)]


def test_diacritics_hyphens_and_spacing_do_not_matter() -> None:
    assert isos("Đoàn tỉnh Khăm-muộn và tỉnh Khammuon cùng Khăm Muồn") == ["LA-KH"] * 3


def test_offsets_point_at_the_name_in_the_text() -> None:
    text = "Lãnh đạo tỉnh Sa-la-van tiếp đoàn."
    (m,) = find_mentions(text, OLD)
    assert text[m.start : m.end] == "Sa-la-van"
    assert m.iso == "LA-SL"


def test_prefixes_tp_and_capital() -> None:
    assert isos("UBND TP Cần Thơ làm việc với thủ đô Viêng Chăn") == ["VN-CT", "LA-VT"]
    assert isos("Đoàn của tỉnh Viêng Chăn") == ["LA-VI"]
    assert isos("Tổng Lãnh sự tại TP. Hồ Chí Minh và TP.HCM") == ["VN-SG", "VN-SG"]


def test_lao_suffix_in_brackets_is_not_needed() -> None:
    assert isos("tỉnh Sê Kông (Lào) và tỉnh Quảng Nam") == ["LA-XE", "VN-27"]


def test_pre_merger_code_for_old_articles_and_undated() -> None:
    assert isos("tỉnh Kon Tum", dt.date(2024, 12, 1)) == ["VN-28"]
    assert isos("tỉnh Cà Mau", None) == ["VN-59"]


def test_word_boundaries() -> None:
    assert isos("Nhà máy Hà Namxyz hoạt động") == []


def test_lowercase_words_are_not_provinces() -> None:
    assert isos("sơn la đà trên đường") == []


def test_lao_names_with_a_lower_case_last_syllable() -> None:
    assert isos("Đoàn tỉnh Bolykhăm xay và tỉnh Xiêng khoảng sang thăm") == ["LA-BL", "LA-XI"]


def test_vietnamese_names_need_every_word_capitalised() -> None:
    # `Hòa bình` (peace) and `Cao bằng` (as high as) open sentences as ordinary words.
    assert isos("Hòa bình là khát vọng chung. Cao bằng đầu người.") == []


def test_short_names_need_matching_diacritics() -> None:
    assert isos("Cô giáo Huệ dạy học ở Huế") == ["VN-26"]


def test_place_name_inside_a_person_name_is_skipped() -> None:
    assert isos("ông Lê Hà Nam phát biểu tại tỉnh Hà Nam") == ["VN-63"]


def test_empty_and_punctuation_only_text() -> None:
    assert isos("") == []
    assert isos(" ... , ; ") == []


NEW = dt.date(2025, 9, 15)


def test_merged_units_after_july_2025_report_the_gazetteer_id() -> None:
    # The merged Quảng Ngãi (with Kon Tum) and Quảng Trị (with Quảng Bình) have no ISO code;
    # their predecessors' codes would name smaller, different units.
    assert isos("tỉnh Quảng Ngãi và tỉnh Quảng Trị", NEW) == ["quang-ngai-2025", "quang-tri-2025"]
    assert isos("tỉnh Quảng Ngãi và tỉnh Quảng Trị", dt.date(2025, 6, 30)) == ["VN-29", "VN-25"]


def test_units_with_a_code_keep_it_after_the_merger() -> None:
    assert isos("tỉnh Nghệ An, tỉnh Sơn La, tỉnh Savannakhet", NEW) == ["VN-22", "VN-05", "LA-SV"]
    # A pre-merger name that only the old unit bore stays that unit.
    assert isos("tỉnh Kon Tum", NEW) == ["VN-28"]


def test_hue_resolves_by_date() -> None:
    assert isos("thành phố Huế", dt.date(2024, 6, 1)) == ["VN-26"]
    assert isos("thành phố Huế", NEW) == ["hue"]
    assert isos("thành phố Huế", None) == ["VN-26"]


def test_no_mention_starting_inside_a_hyphenated_word() -> None:
    assert isos("Ông Khăm-xay Xổm-bun phát biểu.") == []
    assert isos("Hợp tác Quảng Trị-Savannakhet phát triển.") == ["VN-25", "LA-SV"]


def test_fast_fold_is_the_character_by_character_fold() -> None:
    """The byte-codec fold (`mentions._FAST`) gives what the character-by-character fold
    gives, for every character of the Basic Multilingual Plane (each inside a Vietnamese
    phrase, so the text is not ASCII), a few beyond it, and mixed texts."""
    from ingest.extract.mentions import _fold_spaced, _fold_spaced_slow

    for cp in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x10400, 0x20000]:
        text = f"Tỉnh Ðồng {chr(cp)}Tháp, ĐẮK lắk"
        assert _fold_spaced(text) == _fold_spaced_slow(text), hex(cp)
    for text in (
        "Thủ tướng Phạm Minh Chính  thăm\u00a0tỉnh Luông Pha Băng (Lào) — “hợp tác” 2024…",
        "\u212a\u0130 Kiên Giang",  # Kelvin sign, dotted capital I: the slow path
        "ແຂວງ ສະຫວັນນະເຂດ và tỉnh Quảng Trị",  # Lao script: the slow path
        "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ?!",
        "a\u0301 tổ hợp: combining marks stay as they are folded",
    ):
        assert _fold_spaced(text) == _fold_spaced_slow(text), text
        assert len(_fold_spaced(text)) == len(text)


def test_vietnamese_text_takes_the_fast_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above means something only if Vietnamese text takes the fast path."""
    from ingest.extract import mentions

    def slow(text: str) -> str:
        raise AssertionError(f"slow path for {text!r}")

    monkeypatch.setattr(mentions, "_fold_spaced_slow", slow)
    assert mentions._fold_spaced("Tỉnh Đắk Lắk “hợp tác” với tỉnh Chăm-pa-xắc – 2024") == (
        "tinh dak lak  hop tac  voi tinh cham pa xac   2024"
    )


def test_previous_word_reads_as_its_pattern() -> None:
    """`_prev_word` (read backwards) finds what `_PREV_WORD` (`(\\w+)\\s+$`) finds, on
    windows of every length cut from invented text with odd spacing and punctuation."""
    import random

    from ingest.extract.mentions import _PREV_WORD, _prev_word

    alphabet = "aĐệ_9 \t\n\u00a0\u2009,.(-’Ⅻ²"
    rng = random.Random(3)
    texts = ["Ông Lê Văn Thành  tỉnh", "x\n", " ", "", "đoàn (Hà\u00a0"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(3000)]
    for text in texts:
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                m = _PREV_WORD.search(text, lo, hi)
                assert _prev_word(text, lo, hi) == (m.group(1) if m else None), (text, lo, hi)


def test_names_across_odd_word_breaks_and_inside_words() -> None:
    """The automaton skips the spaces of the folded text: a name written with several
    spaces and a hyphen between its syllables is found with its exact offsets, and a key
    that starts or ends inside a word is not (`xKhăm Muộn`)."""

    def spans(text: str) -> list[tuple[str, str, int, int]]:
        return [(m.surface, m.iso, m.start, m.end) for m in find_mentions(text, OLD)]

    assert spans("Đoàn tỉnh Khăm  -  Muộn, tỉnh Xiêng Khoảng") == [
        ("Khăm  -  Muộn", "LA-KH", 10, 23),
        ("Xiêng Khoảng", "LA-XI", 30, 42),
    ]
    assert spans("xKhăm Muộn và HàNam, Hà  Nam.") == [
        ("HàNam", "VN-63", 14, 19),
        ("Hà  Nam", "VN-63", 21, 28),
    ]
    assert spans("Sa-van-na-khẹt   (Lào)") == [("Sa-van-na-khẹt", "LA-SV", 0, 14)]
    assert spans("tỉnh Hà Tĩnh-Bôlykhămxay") == [
        ("Hà Tĩnh", "VN-23", 5, 12),
        ("Bôlykhămxay", "LA-BL", 13, 24),
    ]


def test_mentions_built_without_init_equal_the_dataclass() -> None:
    from app.gazetteer import gazetteer
    from ingest.extract.mentions import Mention, _mention

    province = gazetteer().resolve("Bắc Ninh")
    fast = _mention(3, 10, "Bắc Ninh", province, "VN-56")
    slow = Mention(3, 10, "Bắc Ninh", province, "VN-56")
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert fast.country == "VN"


def test_a_lower_cased_copy_from_the_caller_gives_the_same_mentions() -> None:
    from ingest.extract import mentions

    text = "Đoàn công tác tỉnh Hà Tĩnh thăm tỉnh Khăm Muộn; ΣΑΣ Kon Tum và Bò Kẹo."
    for lo, hi in ((0, len(text)), (5, 40)):
        own = mentions.find_mentions(text, dt.date(2020, 1, 1), lo, hi)
        given = mentions.find_mentions(text, dt.date(2020, 1, 1), lo, hi, text[lo:hi].lower())
        assert own == given
    assert mentions.in_fast_table(text[:26].lower())
    assert not mentions.in_fast_table(text.lower())  # Greek capitals lower-case out of the table
