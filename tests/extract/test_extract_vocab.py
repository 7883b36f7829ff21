"""Every vocabulary entry can fire: each word matches its own compiled table, each
hand-written pattern matches its examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from ingest.extract.vocab import Table, files, phrase_pattern, vocabulary

TABLES: list[tuple[str, Table]] = [
    (f"{lang}/{name}[{key}]", table)
    for lang, name in files()
    for key, table in vocabulary(lang, name).tables.items()
]


@pytest.mark.parametrize(("where", "table"), TABLES, ids=[w for w, _ in TABLES])
def test_every_entry_fires(where: str, table: Table) -> None:
    if table.pattern is not None:
        assert table.examples, f"{where}: a hand-written pattern needs examples"
        for ex in table.examples:
            assert table.regex.search(ex), f"{where}: example {ex!r} does not match"
        for ex in table.counter:
            assert not table.regex.search(ex), f"{where}: counter-example {ex!r} matches"
        return
    for word in (*table.words, *table.map):
        m = table.regex.search(f"x {word} x")
        assert m is not None, f"{where}: {word!r} cannot fire"
        assert m.group(0) == word, f"{where}: {word!r} is shadowed by {m.group(0)!r}"
        if table.map:
            assert table.lookup(m.group(0)) is not None


def test_rule_ids_are_unique() -> None:
    ids = [t.id for _, t in TABLES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_tone_placement_either_way() -> None:
    p = phrase_pattern(["Tỉnh ủy", "văn hóa"])
    for text in ("Tỉnh ủy", "Tỉnh uỷ", "tỉnh Uỷ", "văn hóa", "văn hoá"):
        assert p.fullmatch(text), text
    assert not p.search("Tỉnh ủ y")


def test_longest_phrase_wins_and_spaces_flex() -> None:
    p = phrase_pattern(["Phó Bí thư", "Phó Bí thư Thường trực Tỉnh ủy"])
    m = p.search("đồng chí Phó Bí thư  Thường trực\nTỉnh uỷ Lê Văn A")
    assert m is not None and m.group(0).startswith("Phó Bí thư  Thường trực")
    assert not p.search("Phó Bí thưa")


def test_dash_with_or_without_spaces() -> None:
    p = phrase_pattern(["Lao - Việt"])
    assert p.search("Hội hữu nghị Lào-Việt") is None
    assert p.search("Hội hữu nghị Lao-Việt")
    assert p.search("Hội hữu nghị Lao – Việt")
