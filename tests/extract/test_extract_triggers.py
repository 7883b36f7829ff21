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


def _all_gates() -> dict[str, Trigger]:
    return {**GATES, **_english_gates()}


def test_hits_give_the_matches_of_the_gate_pattern() -> None:
    """Trying a gate pattern only where its words start (`scan_hits`) finds exactly what
    the pattern's own `finditer`/`search` find, over sentences, clauses and sub-spans, and
    over a sentence's own string."""
    from ingest.extract.triggers import scan_hits

    compared = 0
    for sentence in (*SENTENCES, *EN_SENTENCES):
        for variant in _variants(sentence):
            text = f"Mở đầu. {variant} Kết thúc."
            start = text.index(variant)
            end = start + len(variant)
            (_, hits), *_ = scan_hits(text, [(start, end), (end + 1, len(text))])
            for trigger in _all_gates().values():
                spans = [(start, end), (start + 3, end), (start, end - 5), (start + len(variant) // 2, end)]
                for a, b in spans:
                    want = [(m.span(), m.groups()) for m in trigger.pattern.finditer(text, a, b)]
                    got = [(m.span(), m.groups()) for m in trigger.finditer(text, a, b, hits)]
                    assert got == want, (variant, trigger.pattern.pattern[:40])
                    first = trigger.pattern.search(text, a, b)
                    found = trigger.search(text, a, b, hits)
                    assert (first and first.span()) == (found and found.span())
                    compared += len(want)
                own = [m.span() for m in trigger.pattern.finditer(variant)]
                assert [m.span() for m in trigger.finditer(variant, 0, len(variant), hits, start)] == own
    assert compared > 0


def test_a_sentence_with_odd_whitespace_is_read_alone_without_hits() -> None:
    from ingest.extract.triggers import scan_hits

    for sep in ("  ", "\t", "\u00a0"):
        text = SENTENCES[1].replace(" ", sep)
        ((mask, hits),) = scan_hits(text, [(0, len(text))])
        assert hits is None and may(DOCUMENTS, mask)
    ((mask, hits),) = scan_hits(SENTENCES[1], [(0, len(SENTENCES[1]))])
    assert hits is not None and may(DOCUMENTS, mask)


STARTS_TEXTS = (
    "Tỉnh A hỗ trợ tỉnh B 1.500,5 tỷ đồng, hai tỷ đồng và 20 tấn gạo; cấp 45 suất học bổng.",
    "TỈNH A HỖ TRỢ 12 TỶ ĐỒNG; trao 3 máy siêu âm, mười lăm bộ máy tính cho 200 học viên.",
    "Năm 2023, hai bên ký 2 văn bản; trong đó tỉnh B là 210 học viên, riêng tỉnh C nhận 5 xe.",
    "The province provided US$200,000 and VND5 billion, 20 tonnes of rice and 45 scholarships.",
    "It  granted\t75 billion VND\u00a0to Khammouane; 3,000 US dollars went to 12 families.",
    "Kết quả thu ngân sách năm 2022 đạt 3.100 tỷ đồng ſ, thu nhập İ bình quân tăng khá.",
)


def test_starts_give_the_matches_of_the_pattern() -> None:
    """`Starts` tries a pattern only at the digits and leading words its alternatives open
    with, and finds what `finditer` finds (also upper-cased, with odd spacing, and in text
    lower-casing cannot be compared with, which is searched as usual)."""
    from ingest.extract.amounts import _at, _in_kind, _money
    from ingest.extract.en.projects import _at as _en_at
    from ingest.extract.projects import _CASH_AT, _COURTESY_AT, _PART_AT, _SCHOLARSHIP_COUNT_AT, _TRAINING_AT

    money = _money("vi")
    starts = [money.digits_at, money.words_at, _at(_in_kind("vi")[0]), _en_at("amount"), _en_at("in_kind")]
    starts += [_CASH_AT, _COURTESY_AT, _PART_AT, _SCHOLARSHIP_COUNT_AT, _TRAINING_AT]
    assert all(s.known for s in starts)
    assert money.digits_at.digit and not money.words_at.digit and _en_at("amount").digit
    found = 0
    for text in (*STARTS_TEXTS, *(t.upper() for t in STARTS_TEXTS)):
        for st in starts:
            for a, b in ((0, len(text)), (5, len(text) - 3), (text.find(";") + 1, len(text))):
                want = [(m.span(), m.groups()) for m in st.pattern.finditer(text, a, b)]
                assert [(m.span(), m.groups()) for m in st.finditer(text, a, b)] == want, (
                    text,
                    st.pattern.pattern[:40],
                )
                first = st.pattern.search(text, a, b)
                assert (first and first.span()) == ((m := st.search(text, a, b)) and m.span())
                found += len(want)
    assert found > 0


def test_a_pattern_opening_with_neither_digit_nor_word_is_searched_as_usual() -> None:
    from ingest.extract.triggers import Starts

    st = Starts(re.compile(r"[A-Z]\w+\s+\d+"))
    assert not st.known
    assert [m.span() for m in st.finditer("xx Ab 12 Cd 3", 0, 13)] == [(3, 8), (9, 13)]


def test_one_pass_gives_each_span_what_reading_it_alone_gives() -> None:
    """`scan_hits` reads sentences in order in one automaton pass and hands each hit to its
    span: the masks and hits are those of each span read by itself (`_scan_span`),
    including words cut by a span's edge, gaps between spans, odd whitespace, and spans out
    of order (then read one by one)."""
    import itertools
    import random

    from ingest.extract.triggers import _automaton, _scan_span, scan_hits

    words = ["hỗ trợ", "Biên bản", "ghi nhớ", "chủ tịch", "tặng", "kết nghĩa", "thăm", "ký", "xx", ".", " "]
    rng = random.Random(11)
    auto = _automaton()
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.2:
            text = text.replace(" ", "  ", 1)
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(2, 9))))
        spans = [(a, b) for a, b in itertools.pairwise(cuts) if rng.random() < 0.8]
        if not spans:
            continue
        lo = spans[0][0]
        lowered = text[lo : max(b for _, b in spans)].lower()
        alone = [_scan_span(text, lowered, lo, a, b, auto) for a, b in spans]
        assert scan_hits(text, spans) == alone, (text, spans)
        assert scan_hits(text, spans[::-1]) == alone[::-1], (text, spans)


def test_span_memos_answer_for_their_own_span_only() -> None:
    """`_digits_in` and `_lowered_span` keep the last span's answer: asked again about the
    same span they give it, about any other span or string they read that one."""
    import re as re_

    from ingest.extract.triggers import _digits_in, _lowered_span

    text = "Năm 2019 tỉnh A tặng 15 TẤN gạo, ١٢ bao"  # Arabic-Indic digits are `\d` too
    other = "".join(["Năm 2019 tỉnh A tặng 15 TẤN gạo, ١٢ bao"])  # equal, not the same object
    for string in (text, other, text):
        for pos, endpos in ((0, len(string)), (4, 20), (0, 3), (4, 20), (30, len(string))):
            want = tuple(m.start() for m in re_.finditer(r"\d", string[:endpos]) if m.start() >= pos)
            assert _digits_in(string, pos, endpos) == want
            assert _digits_in(string, pos, endpos) == want
            assert _lowered_span(string, pos, endpos) == string[pos:endpos].lower()
    assert _lowered_span("Kİ", 0, 2) is None  # lower-casing changes the length


def test_the_safety_check_agrees_with_the_case_fix_class() -> None:
    """`_safe` answers without the regex for ASCII and for text of the fast fold's table;
    it must give what `_UNSAFE.search` gives, for every character of the Basic Multilingual
    Plane alone and inside invented Vietnamese text."""
    from ingest.extract import triggers

    assert triggers._UNSAFE is not None
    base = "tỉnh bạn đã hỗ trợ 20 tấn gạo – “đợt một” "
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for text in (c, base + c, c + base.upper().lower()):
            assert triggers._safe(text) == (triggers._UNSAFE.search(text) is None), hex(cp)


def test_a_clause_inside_the_scanned_span_is_a_slice_of_its_lower_case() -> None:
    """After `scan_hits`, a span inside the scanned text is answered from its lower-cased
    copy: the same string, and None (unreadable) exactly where the span alone would be."""
    import random

    from ingest.extract import triggers

    rng = random.Random(3)
    letters = "aĂâĐđÊơƯHỖTRỢtỉnhbạn ,.;0123456789ΣİKıſ"
    for _ in range(300):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 60)))
        cut = rng.randint(0, len(text))
        triggers.scan_hits(text, [(0, cut), (cut, len(text))])
        for _ in range(10):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            triggers._LOWERED_MEMO[0] = ("", 0, 0, "")
            got = triggers.lowered_span(text, a, b)
            low = text[a:b].lower()
            alone = low if len(low) == b - a and triggers._safe(low) else None
            assert got == alone, (text, a, b)


def test_patterns_refusing_a_digit_before_are_tried_at_the_first_digit_of_runs() -> None:
    """A pattern whose digit-opening alternatives all need a non-digit before them (`\\b`, a
    look-behind) is tried only where a run of digits starts: the same matches as `finditer`,
    on digit-heavy invented text; a pattern without such a guard keeps every digit."""
    import random

    from ingest.extract.amounts import _at, _in_kind, _money
    from ingest.extract.en.projects import _at as _en_at
    from ingest.extract.projects import _PART_NUMBER_AT, _PEOPLE_COUNT_AT, _SCHOLARSHIP_COUNT_AT
    from ingest.extract.triggers import Starts

    guarded = [_at(_in_kind("vi")[0]), _en_at("amount"), _en_at("in_kind"), _PART_NUMBER_AT]
    guarded += [_SCHOLARSHIP_COUNT_AT, _PEOPLE_COUNT_AT]
    assert all(s.runs for s in guarded) and not _money("vi").digits_at.runs
    assert Starts(re.compile(r"\b\d+ kg")).runs and Starts(re.compile(r"(?<=x\s)\d+")).runs
    assert not Starts(re.compile(r"\d+ kg")).runs and not Starts(re.compile(r"(?<=x\d)\d|\bkg")).runs
    assert not Starts(re.compile(r"(?<![a-z])\d+")).runs
    assert not Starts(re.compile(r"\b\d+", re.ASCII)).runs
    rng = random.Random(5)
    words = ["12", "3.500", "1,2", "2015-2020", "US$", "VND", "tỷ", "đồng", "tấn", "gạo", "suất", "học bổng"]
    words += ["tonnes", "of", "rice", "trained", "teachers", "billion", "50,000", "học viên", "8", ",", ";"]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        text = text.replace(" ", "", rng.randint(0, 2))
        for st in guarded:
            for a, b in ((0, len(text)), (1, len(text))):
                want = [(m.span(), m.groups()) for m in st.pattern.finditer(text, a, b)]
                assert [(m.span(), m.groups()) for m in st.finditer(text, a, b)] == want, text
                first = st.pattern.search(text, a, b)
                assert (first and first.span()) == ((m := st.search(text, a, b)) and m.span()), text
