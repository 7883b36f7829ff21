"""The English officials rule's token index: a bisection equal to a walk from the first token."""

from __future__ import annotations

from ingest.extract.en.officials import _index_after, _index_after_walk, _tokens


def test_index_after_bisection_equals_the_walk() -> None:
    sentences = (
        "Deputy Governor Somsack Keola of Attapeu met Vice Chairman Tran Quang Huy in Kon Tum on 3 May.",
        "The mayor's office, the Party Secretary's aide and two directors signed a plan worth US$12,500.",
        "",
        "One",
    )
    for sentence in sentences:
        for offset in (0, 1, 37):
            toks = _tokens(sentence, offset)
            for end in range(-2, offset + len(sentence) + 3):
                assert _index_after(toks, end) == _index_after_walk(toks, end), (sentence, offset, end)
    toks = _tokens(sentences[0], 0)
    assert _index_after(toks, 0) == 0
    assert _index_after(toks, len(sentences[0]) + 1) == len(toks)
    assert toks[_index_after(toks, 7)].text == "Governor"
