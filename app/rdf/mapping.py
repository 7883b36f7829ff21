"""Store rows to RDF: one function per node label and relationship type.

Both the streamed dump and the one-entity descriptions go through this module, so an
entity reads the same in `/export.ttl` and in `/province/khammouane.ttl`.

Modelling choices (docs/linked-data.md explains them at length):
- A relationship that carries attributes or provenance becomes a resource of its own:
  PARTNERS_WITH a `vlkg:Partnership` at `{base}/partnership/<vn>--<la>`, OFFICIAL_OF a
  `vlkg:Tenure`, SUCCEEDED_BY a `vlkg:Succession`, the plain sourced edges (PARTY_TO,
  FUNDED, ...) an `rdf:Statement`. The direct triple (`<ca-mau> vlkg:partyTo <agr>`) is
  written as well, so simple queries stay simple.
- Every fact resource has `prov:wasDerivedFrom` each Article it was read from and one
  `prov:qualifiedDerivation` per (article, sentence) holding the evidence sentence and
  its offsets: provenance survives the export sentence by sentence.
- Resources minted for reification live under their subject's document (hash IRIs), so
  dereferencing `{base}/province/ca-mau` also describes `{base}/province/ca-mau#...`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from app.gazetteer import Gazetteer, gazetteer
from app.graph import RELS, parse_span
from app.provenance import public_source
from app.rdf import vocab as V
from app.rdf.terms import (
    RDF_TYPE,
    WD,
    XSD_DATE,
    Block,
    Lit,
    Term,
    boolean,
    date_like,
    decimal,
    integer,
    safe_iri,
    segment,
    string,
    year,
)
from app.uris import KINDS, base_uri

Row = dict[str, Any]
Pairs = list[tuple[str, Term]]

_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_LAO = re.compile(r"[\u0e80-\u0eff]")


def _lang(value: Any) -> str | None:
    return value if isinstance(value, str) and _LANG_TAG.fullmatch(value) else None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Mapper:
    """Turns rows of the `export_*` queries into blocks of triples under one base URI."""

    def __init__(self, base: str | None = None, gaz: Gazetteer | None = None) -> None:
        self.base = (base or base_uri()).rstrip("/")
        self._prefix = {label: f"{self.base}/{kind}/" for label, kind in KINDS.items()}
        # A Wikidata item shared by a unit and the unit it was renamed into (Quảng Ngãi
        # before and after 2025) is owl:sameAs only the unit in force; asserting it for
        # both would make the two units one resource to any OWL reasoner.
        self._gaz = gaz or gazetteer()
        shared = Counter(p.wikidata for p in self._gaz.provinces if p.wikidata)
        self._shared_qids = {q for q, n in shared.items() if n > 1}
        self.nodes: dict[str, Callable[[Row], list[Block]]] = {
            "Province": self.province,
            "Article": self.article,
            "Official": self.official,
            "Agreement": self.agreement,
            "Project": self.project,
            "Event": self.event,
            "DistrictPartnership": self.district_partnership,
        }
        self.rels: dict[str, Callable[[Row], list[Block]]] = {
            "PARTNERS_WITH": self.partners_with,
            "OFFICIAL_OF": self.official_of,
            "SUCCEEDED_BY": self.succeeded_by,
            "IN_PROVINCE": self.in_province,
        }
        for rtype in RELS:
            self.rels.setdefault(rtype, self._edge(rtype))

    # -- identifiers -------------------------------------------------------------------------
    def uri(self, label: str, key: str) -> str:
        return self._prefix[label] + segment(key)

    def partnership_uri(self, vn: str, la: str) -> str:
        return f"{self.base}/partnership/{segment(vn)}--{segment(la)}"

    @staticmethod
    def _hash_iri(document: str, local: str) -> str:
        return f"{document}{'-' if '#' in document else '#'}{local}"

    # -- provenance ----------------------------------------------------------------------------
    def _provenance(self, fact: str, row: Row, pairs: Pairs, blocks: list[Block]) -> None:
        conf = row.get("confidence")
        if conf is not None:
            pairs.append((V.CONFIDENCE, decimal(conf)))
        sources: Sequence[str] = row.get("sources") or ()
        evidence: Sequence[str] = row.get("evidence") or ()
        spans: Sequence[str] = row.get("spans") or ()
        cited: set[str] = set()
        article = self._prefix["Article"]
        for i, art in enumerate(sources):
            art_iri = article + segment(art)
            if art not in cited:
                cited.add(art)
                pairs.append((V.PROV_WAS_DERIVED_FROM, art_iri))
            sentence = evidence[i] if i < len(evidence) else ""
            digest = hashlib.blake2b(f"{art}\x1f{sentence}".encode(), digest_size=8).hexdigest()
            d = self._hash_iri(fact, "derivation-" + digest)
            pairs.append((V.PROV_QUALIFIED_DERIVATION, d))
            dp: Pairs = [(RDF_TYPE, V.PROV_DERIVATION), (V.PROV_ENTITY_PROP, art_iri)]
            if sentence:
                dp.append((V.EVIDENCE, string(sentence)))
            span = parse_span(spans[i]) if i < len(spans) else None
            if span is not None:
                if span.start is not None:
                    dp.append((V.START_OFFSET, integer(span.start)))
                if span.end is not None:
                    dp.append((V.END_OFFSET, integer(span.end)))
                if span.zone:
                    dp.append((V.ZONE, string(span.zone)))
                if span.rule:
                    dp.append((V.RULE, string(span.rule)))
            blocks.append((d, dp))

    # -- nodes -------------------------------------------------------------------------------
    def province(self, row: Row) -> list[Block]:
        s = self.uri("Province", row["id"])
        p: Pairs = [(RDF_TYPE, V.PROVINCE), (RDF_TYPE, V.SCHEMA_ADMINISTRATIVE_AREA)]
        country = row.get("country")
        name_vi, name_en, native = row.get("name_vi"), row.get("name_en"), row.get("name_native")
        if name_vi:
            p += [(V.SCHEMA_NAME, string(name_vi, "vi")), (V.RDFS_LABEL, string(name_vi, "vi"))]
        if name_en:
            p += [(V.SCHEMA_NAME, string(name_en, "en")), (V.RDFS_LABEL, string(name_en, "en"))]
        if native and country == "LA":
            p.append((V.SCHEMA_NAME, string(native, "lo")))
        elif native and native != name_vi:
            p.append((V.SKOS_ALT_LABEL, string(native, "vi")))
        named = {name_vi, name_en, native}
        for alias in row.get("aliases") or ():
            if alias not in named:
                p.append((V.SKOS_ALT_LABEL, string(alias, "lo" if _LAO.search(alias) else None)))
        if row.get("iso"):
            p.append((V.ISO_CODE, string(row["iso"])))
        if country:
            p.append((V.COUNTRY_CODE, string(country)))
            if country in V.COUNTRY_ITEM:
                p.append((V.SCHEMA_CONTAINED_IN_PLACE, V.COUNTRY_ITEM[country]))
        if row.get("kind"):
            p.append((V.UNIT_TYPE, string(row["kind"])))
        if row.get("lat") is not None:
            p.append((V.GEO_LAT, decimal(row["lat"])))
        if row.get("lon") is not None:
            p.append((V.GEO_LONG, decimal(row["lon"])))
        qid = row.get("wikidata")
        if qid:
            link = (
                V.SKOS_CLOSE_MATCH if qid in self._shared_qids and not row.get("current") else V.OWL_SAME_AS
            )
            p.append((link, WD + segment(qid)))
        if row.get("valid_from"):
            p.append((V.VALID_FROM, Lit(row["valid_from"], XSD_DATE)))
        if row.get("valid_to"):
            p.append((V.VALID_TO, Lit(row["valid_to"], XSD_DATE)))
        if row.get("current") is not None:
            p.append((V.CURRENT, boolean(row["current"])))
        return [(s, p)]

    def article(self, row: Row) -> list[Block]:
        s = self.uri("Article", row["id"])
        p: Pairs = [(RDF_TYPE, V.ARTICLE), (RDF_TYPE, V.SCHEMA_NEWS_ARTICLE)]
        source = public_source(row.get("source"), row.get("url"))
        if source:
            p.append((V.SOURCE, string(source)))
        url = safe_iri(row["url"]) if row.get("url") else None
        if url:
            p.append((V.SCHEMA_URL, url))
        if row.get("title"):
            p.append((V.SCHEMA_HEADLINE, string(row["title"], _lang(row.get("language")))))
        if row.get("published"):
            p.append((V.SCHEMA_DATE_PUBLISHED, date_like(row["published"])))
        if row.get("year") is not None:
            p.append((V.YEAR, year(row["year"])))
        if row.get("outlet"):
            p.append((V.OUTLET, string(row["outlet"])))
        if row.get("language"):
            p.append((V.SCHEMA_IN_LANGUAGE, string(row["language"])))
        return [(s, p)]

    def official(self, row: Row) -> list[Block]:
        s = self.uri("Official", row["id"])
        p: Pairs = [(RDF_TYPE, V.OFFICIAL), (RDF_TYPE, V.SCHEMA_PERSON)]
        blocks: list[Block] = [(s, p)]
        if row.get("name"):
            p += [(V.SCHEMA_NAME, string(row["name"])), (V.RDFS_LABEL, string(row["name"]))]
        org = row.get("organisation")
        if org:
            o = self._hash_iri(s, "organisation")
            p += [(V.ORGANISATION, string(org)), (V.SCHEMA_AFFILIATION, o)]
            blocks.append((o, [(RDF_TYPE, V.SCHEMA_GOVERNMENT_ORGANIZATION), (V.SCHEMA_NAME, string(org))]))
        self._provenance(s, row, p, blocks)
        return blocks

    def agreement(self, row: Row) -> list[Block]:
        s = self.uri("Agreement", row["id"])
        p: Pairs = [(RDF_TYPE, V.AGREEMENT)]
        blocks: list[Block] = [(s, p)]
        if row.get("kind"):
            p.append((V.AGREEMENT_KIND, string(row["kind"])))
        if row.get("signed_year") is not None:
            p.append((V.SIGNED_YEAR, year(row["signed_year"])))
        if row.get("signed_date"):
            p.append((V.SIGNED_DATE, date_like(row["signed_date"])))
        if row.get("period_start") is not None:
            p.append((V.PERIOD_START, year(row["period_start"])))
        if row.get("period_end") is not None:
            p.append((V.PERIOD_END, year(row["period_end"])))
        p += [(V.FIELD, string(f)) for f in row.get("fields") or () if f]
        p += [(V.SECTOR, string(f)) for f in row.get("sectors") or () if f]
        if row.get("count") is not None:
            p.append((V.DOCUMENT_COUNT, integer(row["count"])))
        self._provenance(s, row, p, blocks)
        return blocks

    def project(self, row: Row) -> list[Block]:
        s = self.uri("Project", row["id"])
        p: Pairs = [(RDF_TYPE, V.PROJECT)]
        blocks: list[Block] = [(s, p)]
        if row.get("description"):
            p.append((V.SCHEMA_DESCRIPTION, string(row["description"])))
        if row.get("amount") is not None:
            p.append((V.AMOUNT, decimal(row["amount"])))
        if row.get("currency"):
            p.append((V.CURRENCY, string(row["currency"])))
        if row.get("qualifier"):
            p.append((V.AMOUNT_QUALIFIER, string(row["qualifier"])))
        if row.get("year_start") is not None:
            p.append((V.START_YEAR, year(row["year_start"])))
        if row.get("year_end") is not None:
            p.append((V.END_YEAR, year(row["year_end"])))
        if row.get("per_year") is not None:
            p.append((V.PER_YEAR, boolean(row["per_year"])))
        if row.get("in_kind"):
            p.append((V.IN_KIND, string(row["in_kind"])))
        self._provenance(s, row, p, blocks)
        return blocks

    def event(self, row: Row) -> list[Block]:
        s = self.uri("Event", row["id"])
        p: Pairs = [(RDF_TYPE, V.EVENT), (RDF_TYPE, V.SCHEMA_EVENT)]
        blocks: list[Block] = [(s, p)]
        if row.get("kind"):
            p.append((V.EVENT_KIND, string(row["kind"])))
        if row.get("date"):
            p.append((V.SCHEMA_START_DATE, date_like(row["date"])))
        if row.get("year") is not None:
            p.append((V.YEAR, year(row["year"])))
        self._provenance(s, row, p, blocks)
        return blocks

    def district_partnership(self, row: Row) -> list[Block]:
        s = self.uri("DistrictPartnership", row["id"])
        p: Pairs = [(RDF_TYPE, V.DISTRICT_PARTNERSHIP)]
        blocks: list[Block] = [(s, p)]
        if row.get("vn_district"):
            p.append((V.VIETNAMESE_DISTRICT, string(row["vn_district"], "vi")))
        if row.get("la_district"):
            p.append((V.LAO_DISTRICT, string(row["la_district"], "vi")))
        if row.get("first_year") is not None:
            p.append((V.FIRST_YEAR, year(row["first_year"])))
        if row.get("last_year") is not None:
            p.append((V.LAST_YEAR, year(row["last_year"])))
        self._provenance(s, row, p, blocks)
        return blocks

    # -- relationships -------------------------------------------------------------------------
    def in_province(self, row: Row) -> list[Block]:
        """The province of one side of a district twinning: `vlkg:vietnameseProvince` or
        `vlkg:laoProvince` by the province's country, and `vlkg:districtPartnership` back from
        the province. The district partnership itself carries the provenance."""
        dp, province = self.uri("DistrictPartnership", row["src"]), self.uri("Province", row["dst"])
        try:
            lao = self._gaz.get(row["dst"]).country == "LA"
        except KeyError:
            lao = False
        side = V.LAO_PROVINCE if lao else V.VIETNAMESE_PROVINCE
        return [(dp, [(side, province)]), (province, [(V.DISTRICT_PARTNERSHIP_OF, dp)])]

    def partners_with(self, row: Row) -> list[Block]:
        vn, la = self.uri("Province", row["src"]), self.uri("Province", row["dst"])
        s = self.partnership_uri(row["src"], row["dst"])
        p: Pairs = [(RDF_TYPE, V.PARTNERSHIP), (V.VIETNAMESE_PROVINCE, vn), (V.LAO_PROVINCE, la)]
        blocks: list[Block] = [
            (vn, [(V.PARTNER_OF, la), (V.PARTNERSHIP_OF, s)]),
            (la, [(V.PARTNER_OF, vn), (V.PARTNERSHIP_OF, s)]),
            (s, p),
        ]
        if row.get("first_year") is not None:
            p.append((V.FIRST_YEAR, year(row["first_year"])))
        if row.get("last_year") is not None:
            p.append((V.LAST_YEAR, year(row["last_year"])))
        if row.get("article_count") is not None:
            p.append((V.ARTICLE_COUNT, integer(row["article_count"])))
        p += [(V.PARTNERSHIP_KIND, string(k)) for k in row.get("kinds") or () if k]
        self._provenance(s, row, p, blocks)
        return blocks

    def official_of(self, row: Row) -> list[Block]:
        official, province = self.uri("Official", row["src"]), self.uri("Province", row["dst"])
        s = self._hash_iri(official, "tenure-" + segment(row["dst"]))
        p: Pairs = [
            (RDF_TYPE, V.TENURE),
            (RDF_TYPE, V.SCHEMA_ROLE),
            (V.HOLDER, official),
            (V.IN_PROVINCE, province),
        ]
        blocks: list[Block] = [(official, [(V.OFFICIAL_OF, province), (V.TENURE_OF, s)]), (s, p)]
        p += [(V.POSITION, string(x)) for x in row.get("positions") or () if x]
        if row.get("first_year") is not None:
            p.append((V.FIRST_YEAR, year(row["first_year"])))
        if row.get("last_year") is not None:
            p.append((V.LAST_YEAR, year(row["last_year"])))
        self._provenance(s, row, p, blocks)
        return blocks

    def succeeded_by(self, row: Row) -> list[Block]:
        old, new = self.uri("Province", row["src"]), self.uri("Province", row["dst"])
        s = self._hash_iri(old, "succession-" + segment(row["dst"]))
        p: Pairs = [(RDF_TYPE, V.SUCCESSION), (V.PREDECESSOR, old), (V.SUCCESSOR, new)]
        if row.get("date"):
            p.append((V.DCTERMS_DATE, date_like(row["date"])))
        if row.get("note"):
            p.append((V.NOTE, string(row["note"], "en")))
        return [(old, [(V.SUCCEEDED_BY, new)]), (new, [(V.DCTERMS_REPLACES, old)]), (s, p)]

    def _edge(self, rtype: str) -> Callable[[Row], list[Block]]:
        """A sourced edge without attributes: the triple plus an rdf:Statement citing it."""
        spec = RELS[rtype]
        pred = V.PREDICATE_OF_REL[rtype]
        local = _local(pred)

        def edge(row: Row) -> list[Block]:
            a, b = self.uri(spec.src, row["src"]), self.uri(spec.dst, row["dst"])
            s = self._hash_iri(a, f"{local}-{segment(row['dst'])}")
            p: Pairs = [
                (RDF_TYPE, V.RDF_STATEMENT),
                (V.RDF_SUBJECT, a),
                (V.RDF_PREDICATE, pred),
                (V.RDF_OBJECT, b),
            ]
            blocks: list[Block] = [(a, [(pred, b)]), (s, p)]
            self._provenance(s, row, p, blocks)
            return blocks

        return edge
