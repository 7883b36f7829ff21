"""The hand-written term spellings, checked against rdflib's parsers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, Graph, Literal, URIRef

from app.rdf.terms import (
    Lit,
    boolean,
    date_like,
    decimal,
    escape,
    integer,
    nt_literal,
    safe_iri,
    segment,
    string,
    year,
)
from app.rdf.writers import serialize

S = "http://vlkg.test/s"
P = "http://vlkg.test/p"

# Any text without lone surrogates (which no UTF-8 document can carry).
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)


def parse_one(fmt: str, obj: Lit | str) -> object:
    data = serialize([(S, [(P, obj)])], fmt)
    g = Graph().parse(data=data, format={"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}[fmt])
    assert len(g) == 1
    return g.value(URIRef(S), URIRef(P))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from([None, "vi", "en", "lo"]))
def test_any_string_round_trips_in_every_format(text: str, lang: str | None) -> None:
    for fmt in ("nt", "ttl", "jsonld"):
        assert parse_one(fmt, string(text, lang)) == Literal(text, lang=lang), fmt


@pytest.mark.parametrize(
    "text",
    ['"', "\\", "\n", "\r\n", "\t", "\x00", "\x07", "\x7f", '""" triple', "ຄຳມ່ວນ", "Khăm Muộn 🇱🇦", "\u2028"],
)
def test_awkward_characters(text: str) -> None:
    line = nt_literal(string(text))
    assert "\n" not in line and "\r" not in line
    for fmt in ("nt", "ttl", "jsonld"):
        assert str(parse_one(fmt, string(text))) == text


def test_escape_leaves_plain_text_alone() -> None:
    plain = "Hà Tĩnh và Khăm Muộn ký kết hợp tác."
    assert escape(plain) is plain


@pytest.mark.parametrize(
    ("lit", "expected"),
    [
        (integer(42), Literal("42", datatype=XSD.integer)),
        (decimal(17.4103), Literal("17.4103", datatype=XSD.decimal)),
        (decimal(1e20), Literal("100000000000000000000.0", datatype=XSD.decimal)),
        (decimal(8_300_000_000.0), Literal("8300000000.0", datatype=XSD.decimal)),
        (decimal(0.5), Literal("0.5", datatype=XSD.decimal)),
        (boolean(True), Literal("true", datatype=XSD.boolean)),
        (year(2014), Literal("2014", datatype=XSD.gYear)),
        (date_like("2024-09-10"), Literal("2024-09-10", datatype=XSD.date)),
        (date_like("2024-09"), Literal("2024-09", datatype=XSD.gYearMonth)),
        (date_like("2024"), Literal("2024", datatype=XSD.gYear)),
        (date_like("sometime"), Literal("sometime")),
    ],
)
def test_typed_literals(lit: Lit, expected: Literal) -> None:
    for fmt in ("nt", "ttl", "jsonld"):
        got = parse_one(fmt, lit)
        assert isinstance(got, Literal)
        assert (str(got), got.datatype) == (str(expected), expected.datatype), fmt


def test_decimals_are_never_in_exponent_notation() -> None:
    for value in (1e-7, 1e22, 123456789.123, 0.0):
        assert "e" not in decimal(value).lex.lower()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://example.vn/a b", "https://example.vn/a%20b"),
        ('https://example.vn/{x}|"y"^`z`\\', "https://example.vn/%7Bx%7D%7C%22y%22%5E%60z%60%5C"),
        ("https://example.vn/tin-tức", "https://example.vn/tin-tức"),
        ("  https://example.vn/x  ", "https://example.vn/x"),
        ("/relative/path", None),
        ("example.vn/no-scheme", None),
    ],
)
def test_urls_become_valid_iris_or_nothing(raw: str, expected: str | None) -> None:
    assert safe_iri(raw) == expected
    if expected is not None:
        for fmt in ("nt", "ttl", "jsonld"):
            assert parse_one(fmt, expected) == URIRef(expected)


def test_ids_are_path_segments() -> None:
    assert segment("nguyen-van-thu--ca-mau") == "nguyen-van-thu--ca-mau"
    assert segment("a b/c") == "a%20b%2Fc"
