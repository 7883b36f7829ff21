"""Triggers skip a rule only where its gate pattern cannot match (`ingest/extract/triggers.py`).

The rule gates are checked on sentences written for these tests in the style of the news
reports, and on the same sentences upper-cased, with odd spacing and with the other tone
placement, since case, whitespace and tone placement are what the lower-cased one-pass
scan has to agree with the case-insensitive patterns on.
"""

from __future__ import annotations

import re

import pytest

from ingest.extract import DOCUMENTS, SUPPORT, TITLES, TWINNING, VISITS
from ingest.extract.triggers import ALL, Trigger, may, scan

GATES = {"titles": TITLES, "documents": DOCUMENTS, "support": SUPPORT, "visits": VISITS, "twinning": TWINNING}

SENTENCES = (
    "Sáng 12/3, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Trị tiếp đoàn đại biểu tỉnh Xa-vắn-na-khệt.",
    "Hai bên đã ký kết Biên bản ghi nhớ hợp tác giai đoạn 2024-2028 về giáo dục, y tế và du lịch.",
    "Tỉnh Hà Tĩnh hỗ trợ tỉnh Khăm Muộn 5 tỷ đồng xây dựng trường học và trao tặng 20 tấn gạo.",
    "Huyện Kỳ Sơn và huyện Noong Hét thiết lập quan hệ hợp tác, kết nghĩa từ năm 2019.",
    "Đoàn công tác đã đến thăm và làm việc với lãnh đạo Sở Ngoại vụ tỉnh Nghệ An.",
    "Các đại biểu thảo luận về phát triển kinh tế, văn hóa và đời sống nhân dân vùng biên giới.",
    "Tỉnh trưởng tỉnh Chăm-pa-sắc cảm ơn sự giúp đỡ quý báu của thành phố Cần Thơ.",
    "Theo thỏa thuận hợp tác đã ký, hai tỉnh cử 05 giáo viên sang dạy tiếng Việt.",
)


def _variants(s: str) -> list[str]:
    swapped = s.replace("ủy", "uỷ").replace("hóa", "hoá").replace("thỏa", "thoả")
    spaced = [s.replace(" ", sep) for sep in ("  ", "\u00a0", "\t", " \n ")]
    return [s, s.upper(), s.lower(), *spaced, swapped]


@pytest.mark.parametrize("name", sorted(GATES))
def test_a_gate_pattern_never_matches_where_its_trigger_is_absent(name: str) -> None:
    trigger = GATES[name]
    assert trigger.bit != ALL, "the gate has words to look for"
    hits = 0
    for sentence in SENTENCES:
        for text in _variants(sentence):
            (mask,) = scan(text, [(0, len(text))])
            matched = trigger.pattern.search(text) is not None
            hits += matched
            assert may(trigger, mask) or not matched, text
    assert hits > 0, "some sentence passes the gate"


def test_a_sentence_without_the_words_is_skipped() -> None:
    text = "Các đại biểu thảo luận về phát triển kinh tế và đời sống nhân dân."
    (mask,) = scan(text, [(0, len(text))])
    assert not may(DOCUMENTS, mask) and not may(SUPPORT, mask)


def test_words_count_only_inside_their_sentence() -> None:
    first = "Hai bên ký biên"
    second = "bản ghi nhớ hợp tác."
    text = f"{first} {second}"
    masks = scan(text, [(0, len(first)), (len(first) + 1, len(text))])
    assert not may(DOCUMENTS, masks[0])  # `biên bản` crosses the boundary
    assert may(DOCUMENTS, masks[1])  # `hợp tác` of `bản ghi nhớ hợp tác`


def test_text_the_lower_case_scan_cannot_read_runs_every_rule() -> None:
    # `ſ` matches `s` case-insensitively, `İ` lower-cases to two characters.
    for odd in ("Hai bên ký biên bản ghi nhớ ſ.", "İ Hai bên thảo luận."):
        assert scan(odd, [(0, len(odd))]) == [ALL]


def test_a_pattern_with_no_leading_word_is_never_skipped() -> None:
    trigger = Trigger(re.compile(r"\d+\s+tỷ"))
    assert trigger.bit == ALL
    assert may(trigger, 0)


def test_case_insensitive_matches_lower_case_onto_the_same_letter() -> None:
    """What makes the lower-cased scan exact: a character `re` matches case-insensitively with
    a trigger word's letter lower-cases to that letter, unless the scan refuses the text."""
    letters = {c for t in GATES.values() for w in t.words or () for c in w if not c.isspace()}
    everything = "".join(chr(cp) for cp in range(0x3000) if not 0xD800 <= cp < 0xE000)
    for letter in sorted(letters):
        for m in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            ch = m.group()
            assert ch.lower() == letter or scan(ch, [(0, 1)]) == [ALL], (letter, ch)


EN_SENTENCES = (
    "On 3/12, Vice Chairman of the Quang Tri People's Committee received a delegation of Savannakhet.",
    "The two sides signed a memorandum of understanding on cooperation for the 2024-2028 period.",
    "Ha Tinh Province provided VND5 billion to Khammouane to build schools and donated 20 tonnes of rice.",
    "The province has received 90 Lao students to study at its colleges.",
    "Delegates discussed economic, cultural and social development in the border areas.",
)


def _english_gates() -> dict[str, Trigger]:
    from ingest.extract import en
    from ingest.extract.partnerships import CUE_TRIGGERS

    gates = {"heads": en.HEADS, "kinds": en.KINDS, "strong": en.STRONG, "aid": en.AID, "hosting": en.HOSTING}
    return gates | {f"vi-cue-{i}": t for i, t in enumerate(CUE_TRIGGERS)}


@pytest.mark.parametrize("name", sorted(_english_gates()))
def test_english_and_cue_gates_never_match_where_their_trigger_is_absent(name: str) -> None:
    trigger = _english_gates()[name]
    assert trigger.bit != ALL, "the gate has words to look for"
    for sentence in (*EN_SENTENCES, *SENTENCES):
        for text in _variants(sentence):
            (mask,) = scan(text, [(0, len(text))])
            assert may(trigger, mask) or trigger.pattern.search(text) is None, text


def test_a_gate_word_ending_in_spaces_gets_a_trigger() -> None:
    # `received\s+...`: the word is `received`, its trailing space dropped after the length check.
    from ingest.extract.triggers import _prefixes

    pattern = re.compile(r"\b(?:received|hosted)\s+\d+\s+students\b")
    assert _prefixes(pattern) == frozenset({"received", "hosted"})
