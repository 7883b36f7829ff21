"""The dataset description (VoID + DCAT), written at the end of every dump and served at
`/.well-known/void`.

It says what the dataset is (title, licence, creation date), how big it is (triples,
entities per class), where to get it (the three dumps) and what it was read from (every
source Article). The triple count covers the data triples only, not the description's
own, which is why it can be written after the data in a single streamed pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from app.rdf import vocab as V
from app.rdf.paging import PAGE_SIZE, article_id_pages
from app.rdf.terms import (
    DCAT,
    DCTERMS,
    GEO,
    PROV,
    RDF_TYPE,
    SCHEMA,
    VLKG,
    VOID,
    XSD_DATE,
    Block,
    Lit,
    Term,
    integer,
    segment,
    string,
)
from app.store.base import GraphStore
from app.uris import KINDS

WELL_KNOWN = "/.well-known/void"
TITLE_EN = "vlkg: Vietnam–Laos provincial partnerships"
TITLE_VI = "vlkg: Quan hệ hợp tác giữa các tỉnh Việt Nam – Lào"
DESCRIPTION_EN = (
    "Partnerships between Vietnamese and Lao provinces, with the officials, agreements, "
    "projects and visits that make them up, extracted from Vietnamese news articles. "
    "Every fact cites the articles and the sentences it was read from (PROV-O)."
)
DESCRIPTION_VI = (
    "Quan hệ hợp tác giữa các tỉnh của Việt Nam và Lào, cùng các quan chức, thỏa thuận, "
    "dự án và chuyến thăm, trích xuất từ báo chí tiếng Việt. Mỗi dữ kiện đều dẫn nguồn "
    "bài báo và câu văn gốc (PROV-O)."
)
#: Licence of the dataset description and the extracted facts. The quoted evidence
#: sentences remain their publishers'; they are cited for provenance.
LICENCE = "https://creativecommons.org/licenses/by/4.0/"

#: Entity classes counted in the description, by the key used in `ExportStats.entities`.
CLASS_OF_KEY = {**V.CLASS_OF_LABEL, "Partnership": V.PARTNERSHIP}

_DUMPS = {
    "nt": ("application/n-triples", "http://www.w3.org/ns/formats/N-Triples"),
    "ttl": ("text/turtle", "http://www.w3.org/ns/formats/Turtle"),
    "jsonld": ("application/ld+json", "http://www.w3.org/ns/formats/JSON-LD"),
}


def dataset_iri(base: str) -> str:
    return f"{base.rstrip('/')}{WELL_KNOWN}#dataset"


def description(
    store: GraphStore,
    base: str,
    triples: int,
    entities: Mapping[str, int],
    created: dt.date | None = None,
    page_size: int = PAGE_SIZE,
    *,
    sources: Sequence[str] | None = None,
) -> Iterator[list[Block]]:
    """The description as batches of blocks; the article list is paged like the data.

    `sources`, when given, are the ids of the articles the dump holds (a dump lists them
    as it writes them, so the description names exactly those even if a load added more
    since); otherwise the stored articles are read."""
    base = base.rstrip("/")
    ds = dataset_iri(base)
    day = (created or dt.date.today()).isoformat()
    p: list[tuple[str, Term]] = [
        (RDF_TYPE, VOID + "Dataset"),
        (RDF_TYPE, DCAT + "Dataset"),
        (DCTERMS + "title", string(TITLE_EN, "en")),
        (DCTERMS + "title", string(TITLE_VI, "vi")),
        (DCTERMS + "description", string(DESCRIPTION_EN, "en")),
        (DCTERMS + "description", string(DESCRIPTION_VI, "vi")),
        (DCTERMS + "license", LICENCE),
        (DCTERMS + "created", Lit(day, XSD_DATE)),
        (DCTERMS + "language", "http://id.loc.gov/vocabulary/iso639-1/vi"),
        (VOID + "uriSpace", string(base + "/")),
        (VOID + "vocabulary", VLKG.rstrip("#")),
        (VOID + "vocabulary", SCHEMA),
        (VOID + "vocabulary", PROV),
        (VOID + "vocabulary", GEO),
        (VOID + "triples", integer(triples)),
        (VOID + "entities", integer(sum(entities.get(k, 0) for k in CLASS_OF_KEY))),
    ]
    blocks: list[Block] = [(ds, p)]
    for key, cls in CLASS_OF_KEY.items():
        part = f"{ds}-class-{key}"
        p.append((VOID + "classPartition", part))
        blocks.append((part, [(VOID + "class", cls), (VOID + "entities", integer(entities.get(key, 0)))]))
    for fmt, (media, feature) in _DUMPS.items():
        url = f"{base}/export.{fmt}"
        dist = f"{ds}-dump-{fmt}"
        p += [(VOID + "dataDump", url), (VOID + "feature", feature), (DCAT + "distribution", dist)]
        blocks.append(
            (
                dist,
                [
                    (RDF_TYPE, DCAT + "Distribution"),
                    (DCAT + "downloadURL", url),
                    (DCAT + "mediaType", f"https://www.iana.org/assignments/media-types/{media}"),
                    (DCTERMS + "format", string(media)),
                ],
            )
        )
    yield blocks
    article = f"{base}/{KINDS['Article']}/"
    pages = (
        article_id_pages(store, page_size)
        if sources is None
        else (list(sources[i : i + page_size]) for i in range(0, len(sources), max(1, page_size)))
    )
    for ids in pages:
        yield [(ds, [(DCTERMS + "source", article + segment(a)) for a in ids])]
