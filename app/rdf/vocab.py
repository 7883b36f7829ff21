"""The IRIs the mapping uses: vlkg's own terms and the external vocabularies it aligns to.

Every `vlkg:` term here is declared, with English and Vietnamese labels, in
`app/data/vlkg.ttl`; a test checks that the two never drift apart.
"""

from __future__ import annotations

from app.rdf.terms import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, VLKG, WD

# -- classes ---------------------------------------------------------------------------------
PROVINCE = VLKG + "Province"
OFFICIAL = VLKG + "Official"
AGREEMENT = VLKG + "Agreement"
PROJECT = VLKG + "Project"
ARTICLE = VLKG + "Article"
EVENT = VLKG + "Event"
PARTNERSHIP = VLKG + "Partnership"
TENURE = VLKG + "Tenure"
SUCCESSION = VLKG + "Succession"
DISTRICT_PARTNERSHIP = VLKG + "DistrictPartnership"

#: Classes whose instances are facts read from articles (each cites its Article sources).
CLASS_OF_LABEL = {
    "Province": PROVINCE,
    "Official": OFFICIAL,
    "Agreement": AGREEMENT,
    "Project": PROJECT,
    "Article": ARTICLE,
    "Event": EVENT,
    "DistrictPartnership": DISTRICT_PARTNERSHIP,
}

# -- relationships (store direction kept: subject = start node) --------------------------------
PARTNER_OF = VLKG + "partnerOf"
PARTY_TO = VLKG + "partyTo"
OFFICIAL_OF = VLKG + "officialOf"
SIGNED = VLKG + "signed"
LED = VLKG + "led"
FUNDED = VLKG + "funded"
BENEFITS = VLKG + "benefits"
HOSTED = VLKG + "hosted"
VISITED = VLKG + "visited"
SUCCEEDED_BY = VLKG + "succeededBy"
# Province → DistrictPartnership; the store's IN_PROVINCE edge points the other way and is
# also written as vlkg:vietnameseProvince / vlkg:laoProvince on the district partnership.
DISTRICT_PARTNERSHIP_OF = VLKG + "districtPartnership"

PREDICATE_OF_REL = {
    "PARTNERS_WITH": PARTNER_OF,
    "PARTY_TO": PARTY_TO,
    "OFFICIAL_OF": OFFICIAL_OF,
    "SIGNED": SIGNED,
    "LED": LED,
    "FUNDED": FUNDED,
    "BENEFITS": BENEFITS,
    "HOSTED": HOSTED,
    "VISITED": VISITED,
    "SUCCEEDED_BY": SUCCEEDED_BY,
    "IN_PROVINCE": DISTRICT_PARTNERSHIP_OF,
}

# Partnership, tenure and succession resources.
VIETNAMESE_PROVINCE = VLKG + "vietnameseProvince"
LAO_PROVINCE = VLKG + "laoProvince"
PARTNERSHIP_OF = VLKG + "partnership"
FIRST_YEAR = VLKG + "firstYear"
LAST_YEAR = VLKG + "lastYear"
ARTICLE_COUNT = VLKG + "articleCount"
PARTNERSHIP_KIND = VLKG + "partnershipKind"
HOLDER = VLKG + "holder"
IN_PROVINCE = VLKG + "province"
TENURE_OF = VLKG + "tenure"
POSITION = VLKG + "position"
PREDECESSOR = VLKG + "predecessor"
SUCCESSOR = VLKG + "successor"
NOTE = VLKG + "note"
VIETNAMESE_DISTRICT = VLKG + "vietnameseDistrict"
LAO_DISTRICT = VLKG + "laoDistrict"

# -- attributes ------------------------------------------------------------------------------
ISO_CODE = VLKG + "isoCode"
COUNTRY_CODE = VLKG + "countryCode"
UNIT_TYPE = VLKG + "unitType"
VALID_FROM = VLKG + "validFrom"
VALID_TO = VLKG + "validTo"
CURRENT = VLKG + "current"
SOURCE = VLKG + "source"
OUTLET = VLKG + "outlet"
YEAR = VLKG + "year"
ORGANISATION = VLKG + "organisation"
AGREEMENT_KIND = VLKG + "agreementKind"
SIGNED_YEAR = VLKG + "signedYear"
SIGNED_DATE = VLKG + "signedDate"
PERIOD_START = VLKG + "periodStart"
PERIOD_END = VLKG + "periodEnd"
FIELD = VLKG + "field"
SECTOR = VLKG + "sector"
DOCUMENT_COUNT = VLKG + "documentCount"
AMOUNT = VLKG + "amount"
CURRENCY = VLKG + "currency"
AMOUNT_QUALIFIER = VLKG + "amountQualifier"
START_YEAR = VLKG + "startYear"
END_YEAR = VLKG + "endYear"
PER_YEAR = VLKG + "perYear"
IN_KIND = VLKG + "inKind"
EVENT_KIND = VLKG + "eventKind"
CONFIDENCE = VLKG + "confidence"
# Evidence, on a prov:Derivation.
EVIDENCE = VLKG + "evidence"
ZONE = VLKG + "zone"
RULE = VLKG + "extractionRule"
START_OFFSET = VLKG + "startOffset"
END_OFFSET = VLKG + "endOffset"

# -- external terms ----------------------------------------------------------------------------
RDF_STATEMENT = RDF + "Statement"
RDF_SUBJECT = RDF + "subject"
RDF_PREDICATE = RDF + "predicate"
RDF_OBJECT = RDF + "object"
RDFS_LABEL = RDFS + "label"
OWL_SAME_AS = OWL + "sameAs"
SKOS_CLOSE_MATCH = SKOS + "closeMatch"
SKOS_ALT_LABEL = SKOS + "altLabel"

SCHEMA_ADMINISTRATIVE_AREA = SCHEMA + "AdministrativeArea"
SCHEMA_PERSON = SCHEMA + "Person"
SCHEMA_GOVERNMENT_ORGANIZATION = SCHEMA + "GovernmentOrganization"
SCHEMA_NEWS_ARTICLE = SCHEMA + "NewsArticle"
SCHEMA_EVENT = SCHEMA + "Event"
SCHEMA_ROLE = SCHEMA + "Role"
SCHEMA_NAME = SCHEMA + "name"
SCHEMA_DESCRIPTION = SCHEMA + "description"
SCHEMA_URL = SCHEMA + "url"
SCHEMA_HEADLINE = SCHEMA + "headline"
SCHEMA_DATE_PUBLISHED = SCHEMA + "datePublished"
SCHEMA_IN_LANGUAGE = SCHEMA + "inLanguage"
SCHEMA_AFFILIATION = SCHEMA + "affiliation"
SCHEMA_CONTAINED_IN_PLACE = SCHEMA + "containedInPlace"
SCHEMA_START_DATE = SCHEMA + "startDate"

PROV_DERIVATION = PROV + "Derivation"
PROV_WAS_DERIVED_FROM = PROV + "wasDerivedFrom"
PROV_QUALIFIED_DERIVATION = PROV + "qualifiedDerivation"
PROV_ENTITY_PROP = PROV + "entity"

GEO_LAT = GEO + "lat"
GEO_LONG = GEO + "long"

DCTERMS_REPLACES = DCTERMS + "replaces"
DCTERMS_DATE = DCTERMS + "date"

#: Wikidata items for the two countries, objects of schema:containedInPlace.
COUNTRY_ITEM = {"VN": WD + "Q881", "LA": WD + "Q819"}
