"""Sentence splitting keeps offsets and does not break on abbreviations."""

from __future__ import annotations

from ingest.extract.sentences import sentences
from tests.extract_helpers import doc_from_text


def test_split_and_offsets() -> None:
    doc = doc_from_text("Đoàn đến TP. Hồ Chí Minh hôm qua. Hai bên trao đổi ý kiến! Sau đó ra về.")
    got = sentences(doc, ("body",))
    assert [s.text for s in got] == [
        "Đoàn đến TP. Hồ Chí Minh hôm qua.",
        "Hai bên trao đổi ý kiến!",
        "Sau đó ra về.",
    ]
    for s in got:
        assert doc.text[s.start : s.end] == s.text


def test_clauses_split_on_semicolons() -> None:
    doc = doc_from_text("Tỉnh A giúp tỉnh B; tỉnh C giúp tỉnh D.")
    (s,) = sentences(doc, ("body",))
    spans = s.clauses()
    assert [doc.text[a:b] for a, b in spans] == ["Tỉnh A giúp tỉnh B", "tỉnh C giúp tỉnh D."]


def test_zones_filter() -> None:
    doc = doc_from_text("Nội dung chính.", title="Tiêu đề bài")
    assert [s.zone for s in sentences(doc, ("body",))] == ["body"]
    assert [s.zone for s in sentences(doc, ("title", "body"))] == ["title", "body"]


def test_split_sentences_are_plain_sentences() -> None:
    """The splitter builds its sentences without the dataclass `__init__`: each must be the
    object `Sentence(...)` makes (equal, same hash, frozen, `replace` and `clauses` work)."""
    import dataclasses

    import pytest

    from ingest.extract.sentences import Sentence

    doc = doc_from_text("Tỉnh Alpha tặng quà; tỉnh Beta cảm ơn. Hai bên chia tay!", title="Một tiêu đề")
    got = sentences(doc, ("body", "title"))
    assert len(got) == 3
    for s in got:
        made = Sentence(s.text, s.start, s.zone, s.segment, s.seg_start, s.seg_end)
        assert s == made and hash(s) == hash(made) and repr(s) == repr(made)
        assert vars(s) == vars(made)
        assert s.end == made.end and s.clauses() == made.clauses()
        with pytest.raises(dataclasses.FrozenInstanceError):
            s.start = 0  # type: ignore[misc]
        moved = dataclasses.replace(s, start=s.start + 1)
        assert moved.start == s.start + 1 and moved.text == s.text
        assert moved.end == s.end + 1  # `end` is derived, not copied
    assert [len(s.clauses()) for s in got] == [1, 2, 1]  # the `;` is a clause break
