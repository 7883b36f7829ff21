"""RDF terms as plain Python values, and their N-Triples / Turtle / JSON-LD spellings.

The streamed export formats millions of terms, so terms are deliberately light: an IRI
is a plain `str` (already a valid IRI reference, see `safe_iri`), a literal is a `Lit`
named tuple. rdflib's term classes would do the same job several times slower, and the
dumps are checked against rdflib's parsers in the tests instead.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple
from urllib.parse import quote

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
WD = "http://www.wikidata.org/entity/"
#: The vlkg ontology namespace. Fixed, not under VLKG_BASE_URI, so that dumps from every
#: deployment share one vocabulary; the app also serves the ontology at `/ontology`.
VLKG = "https://w3id.org/vlkg/ontology#"

#: Prefixes written in Turtle and in the JSON-LD `@context`, in this order.
PREFIXES: dict[str, str] = {
    "vlkg": VLKG,
    "schema": SCHEMA,
    "prov": PROV,
    "geo": GEO,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "void": VOID,
    "dcat": DCAT,
    "wd": WD,
}

RDF_TYPE = RDF + "type"
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_DECIMAL = XSD + "decimal"
XSD_BOOLEAN = XSD + "boolean"
XSD_DATE = XSD + "date"
XSD_GYEAR = XSD + "gYear"
XSD_GYEARMONTH = XSD + "gYearMonth"


class Lit(NamedTuple):
    """A literal: lexical form plus a datatype IRI or a language tag (never both)."""

    lex: str
    datatype: str | None = None
    lang: str | None = None


#: An RDF object: an IRI (plain str) or a literal.
Term = str | Lit
#: One subject and its (predicate, object) pairs; the unit every writer emits at once.
Block = tuple[str, list[tuple[str, Term]]]


# -- IRIs ---------------------------------------------------------------------------------

# Characters N-Triples/Turtle forbid inside <...>: controls, space, <>"{}|^`\ .
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def segment(key: str) -> str:
    """A path segment for an id: ids are slugs or hex already, anything else is %-encoded."""
    return key if _SAFE_SEGMENT.fullmatch(key) else quote(key, safe="-._~")


def safe_iri(value: str) -> str | None:
    """`value` as an absolute IRI the writers can emit verbatim, or None if it is not one.

    Article URLs come from scraped pages; a stray space or brace would make the whole dump
    unparsable, so forbidden characters are %-encoded and relative references dropped.
    """
    value = value.strip()
    if not _ABSOLUTE.match(value):
        return None
    if _BAD_IRI.search(value):
        value = _BAD_IRI.sub(lambda m: quote(m.group(0), safe=""), value)
    return value


# -- literals -------------------------------------------------------------------------------

_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def escape(text: str) -> str:
    """The body of a double-quoted N-Triples/Turtle string (ECHAR and UCHAR escapes)."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def string(value: str, lang: str | None = None) -> Lit:
    return Lit(value, None, lang or None)


def integer(value: int) -> Lit:
    return Lit(str(int(value)), XSD_INTEGER)


def decimal(value: float) -> Lit:
    """An xsd:decimal from a float: plain notation, never `1e+20` (not a decimal lexical form)."""
    text = format(Decimal(repr(float(value))), "f")
    return Lit(text if "." in text else text + ".0", XSD_DECIMAL)


def boolean(value: bool) -> Lit:
    return Lit("true" if value else "false", XSD_BOOLEAN)


def year(value: int) -> Lit:
    return Lit(f"{int(value):04d}", XSD_GYEAR)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def date_like(value: str) -> Lit:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as xsd:date, xsd:gYearMonth or xsd:gYear."""
    if _DATE.fullmatch(value):
        return Lit(value, XSD_DATE)
    if _YEAR_MONTH.fullmatch(value):
        return Lit(value, XSD_GYEARMONTH)
    if _YEAR.fullmatch(value):
        return Lit(value, XSD_GYEAR)
    return Lit(value)


# -- spellings --------------------------------------------------------------------------------


def nt_literal(lit: Lit) -> str:
    body = '"' + escape(lit.lex) + '"'
    if lit.lang:
        return body + "@" + lit.lang
    if lit.datatype and lit.datatype != XSD_STRING:
        return body + "^^<" + lit.datatype + ">"
    return body


def compact(iri: str) -> str | None:
    """`prefix:local` for an IRI in a known namespace with a plain local name, else None."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if local and _LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
    return None


_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
