"""Serialisers that write one batch of blocks at a time: N-Triples, Turtle, JSON-LD.

A writer never sees more than the batch it is given, which is what keeps the export's
memory flat. Turtle is written as one subject block per block (the same subject may come
back later with more predicates, which Turtle allows); JSON-LD as node objects in a
streamed `@graph` array (node objects with the same `@id` merge when parsed).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Protocol

import orjson

from app.rdf.terms import PREFIXES, RDF_TYPE, XSD_STRING, Block, Lit, Term, compact, escape, nt_literal
from app.rdf.vocab import RDF_PREDICATE

#: Predicates whose objects are vocabulary terms, compacted in Turtle.
_VOCAB_OBJECT = frozenset({RDF_TYPE, RDF_PREDICATE})


class Writer(Protocol):
    def begin(self) -> bytes: ...

    def write(self, blocks: Iterable[Block]) -> bytes: ...

    def end(self) -> bytes: ...


class NTriplesWriter:
    media_type: ClassVar[str] = "application/n-triples"

    def __init__(self) -> None:
        self._pred: dict[str, str] = {}

    def begin(self) -> bytes:
        return b""

    def write(self, blocks: Iterable[Block]) -> bytes:
        out: list[str] = []
        append = out.append
        pred = self._pred
        for s, pairs in blocks:
            head = "<" + s + "> "
            for p, o in pairs:
                ps = pred.get(p)
                if ps is None:
                    ps = pred[p] = "<" + p + "> "
                if isinstance(o, str):
                    append(head + ps + "<" + o + "> .\n")
                else:
                    append(head + ps + nt_literal(o) + " .\n")
        return "".join(out).encode("utf-8")

    def end(self) -> bytes:
        return b""


class TurtleWriter:
    media_type: ClassVar[str] = "text/turtle"

    def __init__(self) -> None:
        self._pred: dict[str, str] = {RDF_TYPE: "a"}
        self._vocab: dict[str, str] = {}
        self._dt: dict[str | None, str] = {None: "", XSD_STRING: ""}

    def begin(self) -> bytes:
        return "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items()).encode() + b"\n"

    def _name(self, iri: str, cache: dict[str, str]) -> str:
        name = cache.get(iri)
        if name is None:
            name = cache[iri] = compact(iri) or "<" + iri + ">"
        return name

    def _literal(self, lit: Lit) -> str:
        body = '"' + escape(lit.lex) + '"'
        if lit.lang:
            return body + "@" + lit.lang
        suffix = self._dt.get(lit.datatype)
        if suffix is None:
            assert lit.datatype is not None
            suffix = self._dt[lit.datatype] = "^^" + (compact(lit.datatype) or "<" + lit.datatype + ">")
        return body + suffix

    def write(self, blocks: Iterable[Block]) -> bytes:
        out: list[str] = []
        for s, pairs in blocks:
            if not pairs:
                continue
            parts: list[str] = []
            for p, o in pairs:
                ps = self._pred.get(p) or self._name(p, self._pred)
                if isinstance(o, Lit):
                    os = self._literal(o)
                elif p in _VOCAB_OBJECT:
                    # Vocabulary IRIs (classes, predicates as objects) read better compacted;
                    # entity IRIs never compact, so skip the prefix search for them.
                    os = self._name(o, self._vocab)
                else:
                    os = "<" + o + ">"
                parts.append(ps + " " + os)
            out.append("<" + s + "> " + " ;\n    ".join(parts) + " .\n")
        return "".join(out).encode("utf-8")

    def end(self) -> bytes:
        return b""


class JsonLdWriter:
    media_type: ClassVar[str] = "application/ld+json"

    def __init__(self) -> None:
        self._first = True
        self._keys: dict[str, str] = {}
        self._types: dict[str, str] = {}

    @staticmethod
    def context() -> dict[str, Any]:
        return dict(PREFIXES)

    def begin(self) -> bytes:
        return b'{"@context":' + orjson.dumps(self.context()) + b',\n"@graph":[\n'

    def _key(self, iri: str, cache: dict[str, str]) -> str:
        name = cache.get(iri)
        if name is None:
            name = cache[iri] = compact(iri) or iri
        return name

    def node(self, s: str, pairs: list[tuple[str, Term]]) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": s}
        for p, o in pairs:
            if isinstance(o, str):
                if p == RDF_TYPE:
                    node.setdefault("@type", []).append(self._key(o, self._types))
                    continue
                value: dict[str, str] = {"@id": o}
            elif o.lang:
                value = {"@value": o.lex, "@language": o.lang}
            elif o.datatype and o.datatype != XSD_STRING:
                value = {"@value": o.lex, "@type": self._key(o.datatype, self._types)}
            else:
                value = {"@value": o.lex}
            key = self._key(p, self._keys)
            values = node.get(key)
            if values is None:
                node[key] = [value]
            else:
                values.append(value)
        return node

    def write(self, blocks: Iterable[Block]) -> bytes:
        out: list[bytes] = []
        for s, pairs in blocks:
            if not pairs:
                continue
            if not self._first:
                out.append(b",\n")
            self._first = False
            out.append(orjson.dumps(self.node(s, pairs)))
        return b"".join(out)

    def end(self) -> bytes:
        return b"\n]}\n"


WRITERS: dict[str, type[NTriplesWriter] | type[TurtleWriter] | type[JsonLdWriter]] = {
    "nt": NTriplesWriter,
    "ttl": TurtleWriter,
    "jsonld": JsonLdWriter,
}


def make_writer(fmt: str) -> Writer:
    try:
        return WRITERS[fmt]()
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(WRITERS)}") from None


def serialize(blocks: Iterable[Block], fmt: str) -> bytes:
    """A complete document of `blocks` in `fmt` (for small graphs such as one entity)."""
    w = make_writer(fmt)
    return w.begin() + w.write(blocks) + w.end()
