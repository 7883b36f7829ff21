"""Response models: the shapes the API promises (and OpenAPI documents)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.facts import AmountQualifier

#: Descriptions of the fields many answers share, written once so they cannot drift apart.
CONFIDENCE = (
    "How surely the extractor read the fact, 0..1 (the highest among its sources): 0.9 and above"
    " explicit, 0.8 structured, 0.7 contextual, 0.6 weak, 0.5 hedged (a title caps it at 0.85)"
)
FIRST_YEAR = "Earliest year the articles give: a year they state, else the year they were published"
LAST_YEAR = "Latest year the articles give: a year they state, else the year they were published"
KINDS = (
    "How the articles show the partnership: its own kind as written, plus agreement (both are party"
    " to one), aid (one funds a project the other benefits from), visit (one hosts the other's"
    " delegation), event (another meeting between them) and district (twinned districts)"
)
VIA = (
    "For an inherited item (`inherited` true): the unit merged into this province in 2025 whose"
    " fact it is; null for the province's own"
)
INHERITED = "True when the fact belongs to a unit merged into this province (see `via`)"


# -- errors --------------------------------------------------------------------------------------


class ProblemError(BaseModel):
    """One invalid parameter of a 422."""

    loc: list[str | int] = Field(description="Where: `query`, `path`, then the parameter's name")
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details (`application/problem+json`): every error the API answers.
    Members beyond the standard four depend on the error (RFC 9457 allows extensions)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field("about:blank", description="Always about:blank: `title` and `status` say it all")
    title: str = Field(examples=["Unknown province"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["unknown province 'Khammuan Xay'; did you mean Khăm Muộn, Bôlykhămxay?"])
    name: str | None = Field(None, description="404 for a province: the name as given")
    suggestions: list[str] | None = Field(None, description="404: the closest names or ids")
    errors: list[ProblemError] | None = Field(None, description="422: each invalid parameter")
    supported: list[str] | None = Field(None, description="406: the media types served here")


# -- answers -------------------------------------------------------------------------------------


class Span(BaseModel):
    start: int | None = Field(None, description="Offset of the sentence in the text", examples=[84])
    end: int | None = Field(None, examples=[175])
    zone: str | None = Field(None, description="title, lead or body", examples=["body"])
    rule: str | None = Field(
        default=None,
        description="id of the extraction rule that read the fact here",
        examples=["vi.partnership.clause-cue"],
    )


class ArticleRef(BaseModel):
    id: str = Field(description="Content hash of the article text", examples=["8c916a4021655b3f"])
    uri: str = Field(examples=["http://localhost:8000/articles/8c916a4021655b3f"])
    title: str | None = Field(None, examples=["Cà Mau tiếp đoàn cấp cao tỉnh Khăm Muộn"])
    url: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD", examples=["2023-01-06"])
    outlet: str | None = Field(None, description="Newspaper or site", examples=["baotintuc.vn"])
    source: str | None = Field(
        None, description="File name the text was read from", examples=["ca-mau-kham-muon.txt"]
    )


class Source(BaseModel):
    """One article's support for a fact: the article and the sentence that states it."""

    article: ArticleRef
    sentence: str = Field(
        description="The evidence sentence, as the article writes it",
        examples=[
            "Ngày 5/1/2023, tỉnh Cà Mau đón đoàn cấp cao của tỉnh Khăm Muộn (Lào) sang thăm và chúc Tết."
        ],
    )
    span: Span | None = None


class ProvinceRef(BaseModel):
    id: str = Field(examples=["khammouane"])
    iso: str | None = Field(
        description="ISO 3166-2 code; null for units created in 2025 (no code yet)", examples=["LA-KH"]
    )
    uri: str = Field(examples=["http://localhost:8000/province/khammouane"])
    country: str = Field(description="VN or LA", examples=["LA"])
    name: str = Field(description="Name as Vietnamese press writes it", examples=["Khăm Muộn"])
    name_en: str = Field(examples=["Khammouane"])
    kind: str = Field(description="province or municipality", examples=["province"])
    current: bool = Field(description="In force today (false for units merged in 2025)", examples=[True])
    valid_from: str | None = Field(None, description="YYYY-MM-DD the unit was formed, when known")
    valid_to: str | None = Field(None, description="YYYY-MM-DD the unit ceased", examples=[None])
    successor: str | None = Field(default=None, description="id of the unit that took over, if merged")


class Province(ProvinceRef):
    name_native: str
    aliases: list[str]
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    predecessors: list[ProvinceRef] = Field(default_factory=list)


class AgreementRef(BaseModel):
    id: str = Field(examples=["agreement-da09195718e11e4d"])
    uri: str = Field(examples=["http://localhost:8000/agreement/agreement-da09195718e11e4d"])
    kind: str = Field(description="memorandum, minutes, agreement, plan or other", examples=["minutes"])
    signed_year: int | None = Field(None, examples=[2014])
    period: tuple[int, int] | None = Field(
        None, description="First and last year it runs", examples=[[2022, 2027]]
    )
    fields: list[str] = Field(
        default_factory=list, description="Fields of cooperation, as written", examples=[["giáo dục", "y tế"]]
    )


class Partner(BaseModel):
    province: ProvinceRef
    first_year: int | None = Field(None, description=FIRST_YEAR, examples=[2014])
    last_year: int | None = Field(None, description=LAST_YEAR, examples=[2023])
    article_count: int = Field(description="Distinct articles stating the partnership", examples=[1])
    kinds: list[str] = Field(
        default_factory=list, description=KINDS, examples=[["agreement", "aid", "visit"]]
    )
    confidence: float | None = Field(None, description=CONFIDENCE, examples=[0.9])
    inherited: bool = Field(description=INHERITED, examples=[False])
    via: ProvinceRef | None = Field(default=None, description=VIA)
    agreements: list[AgreementRef] = Field(default_factory=list)
    sources: list[Source] = Field(
        default_factory=list,
        description="A page of the sources (`sources_limit` from `sources_offset`; 5 by default)",
    )
    sources_total: int = Field(0, description="Sources of this partnership over all pages", examples=[1])


class Partners(BaseModel):
    province: ProvinceRef
    total: int = Field(description="Partners matching the request, over all pages")
    limit: int = 500
    offset: int = 0
    partners: list[Partner]


class ProvinceList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ProvinceRef]


class Stats(BaseModel):
    backend: str
    nodes: dict[str, int]
    relationships: dict[str, int]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    backend: str
    reason: str | None = Field(
        default=None, description="why the store cannot be read (with status degraded, HTTP 503)"
    )


# -- query API: entities beyond provinces, lists, search, paths, timelines -------------------
# Lists carry `total`, `limit` and `offset` so a client can page through them. Facts always
# carry `articles` (the ids of the articles that state them); full `sources` (article
# metadata and the evidence sentence) come with `?sources=true` on lists, and always on
# single-entity answers.


class PageMeta(BaseModel):
    total: int = Field(description="Items matching the request, over all pages")
    limit: int
    offset: int


class EntityRef(BaseModel):
    """Any node, named for display: search hits, path steps, article facts."""

    type: str = Field(
        description="province, official, agreement, project, event or article", examples=["province"]
    )
    id: str = Field(examples=["khammouane"])
    uri: str = Field(examples=["http://localhost:8000/province/khammouane"])
    label: str = Field(examples=["Khăm Muộn"])


class OfficialRef(BaseModel):
    id: str = Field(description="Folded name and province", examples=["nguyen-tien-hai--ca-mau"])
    uri: str = Field(examples=["http://localhost:8000/official/nguyen-tien-hai--ca-mau"])
    name: str = Field(examples=["Nguyễn Tiến Hải"])
    organisation: str | None = None


class ProjectRef(BaseModel):
    id: str = Field(examples=["project-3edb5d306267193b"])
    uri: str = Field(examples=["http://localhost:8000/project/project-3edb5d306267193b"])
    description: str = Field(
        examples=["allocation from VN-59 to LA-KH: 1,000,000,000 VND — Trong 5 năm từ 2019 đến 2023, …"]
    )
    amount: float | None = Field(None, description="As written, never converted", examples=[1000000000.0])
    currency: str | None = Field(None, description="ISO 4217", examples=["VND"])
    qualifier: AmountQualifier | None = Field(
        None, description="How the article hedges the amount: more_than, nearly, about, up_to"
    )
    years: tuple[int, int] | None = Field(None, description="First and last year", examples=[[2019, 2023]])
    per_year: bool = Field(
        False,
        description="True when `amount` is paid every year of `years`; false: once, for the whole period",
    )
    in_kind: str | None = None


class EventRef(BaseModel):
    id: str = Field(examples=["event-5b0f3c1d2e4a6978"])
    uri: str
    kind: str = Field(description="visit or meeting", examples=["visit"])
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    year: int | None = None


class Role(BaseModel):
    """An official's tie to a province, with the positions the articles give."""

    province: ProvinceRef
    positions: list[str] = Field(default_factory=list)
    first_year: int | None = Field(None, description=FIRST_YEAR)
    last_year: int | None = Field(None, description=LAST_YEAR)
    confidence: float | None = Field(None, description=CONFIDENCE)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class Official(OfficialRef):
    confidence: float | None = Field(None, description=CONFIDENCE)
    roles: list[Role] = Field(default_factory=list)
    agreements: list[AgreementRef] = Field(default_factory=list, description="Agreements signed")
    events: list[EventRef] = Field(default_factory=list, description="Visits and meetings led")
    score: float | None = Field(None, description="Name match, 0..1, when searched by name")
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class OfficialList(PageMeta):
    items: list[Official]


class ProvinceOfficial(BaseModel):
    official: OfficialRef
    positions: list[str] = Field(default_factory=list)
    first_year: int | None = Field(None, description=FIRST_YEAR)
    last_year: int | None = Field(None, description=LAST_YEAR)
    confidence: float | None = Field(None, description=CONFIDENCE)
    inherited: bool = Field(False, description="True when the tie is to a predecessor unit")
    via: ProvinceRef | None = Field(None, description=VIA)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class ProvinceOfficials(PageMeta):
    province: ProvinceRef
    items: list[ProvinceOfficial]


class Agreement(AgreementRef):
    signed_date: str | None = None
    sectors: list[str] = Field(default_factory=list)
    count: int | None = Field(None, description="How many documents were signed together")
    confidence: float | None = Field(None, description=CONFIDENCE)
    parties: list[ProvinceRef] = Field(default_factory=list)
    signatories: list[OfficialRef] = Field(default_factory=list)
    inherited: bool = Field(False, description="In a province's list: signed by a predecessor unit")
    via: ProvinceRef | None = Field(None, description=VIA)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class AgreementList(PageMeta):
    items: list[Agreement]


class ProvinceAgreements(PageMeta):
    province: ProvinceRef
    items: list[Agreement]


class Project(ProjectRef):
    funder: ProvinceRef | None = None
    beneficiary: ProvinceRef | None = None
    confidence: float | None = Field(None, description=CONFIDENCE)
    role: str | None = Field(None, description="In a province's list: funder or beneficiary")
    inherited: bool = Field(False, description=INHERITED)
    via: ProvinceRef | None = Field(None, description=VIA)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class CurrencyTotal(BaseModel):
    currency: str
    amount: float
    projects: int


class YearTotal(BaseModel):
    year: int
    currency: str
    amount: float


class ProjectTotals(BaseModel):
    rule: str = Field(description="How amounts are added up")
    per_currency: list[CurrencyTotal]
    per_year: list[YearTotal] = Field(
        description="Amounts attributable to one year: yearly amounts, and lump sums of a single year"
    )
    per_period: list[PeriodTotal] = Field(
        default_factory=list,
        description="Lump sums given for a period of several years, per (start, end, currency)",
    )
    undated: list[CurrencyTotal] = Field(description="Amounts with no years, per currency")


class PeriodTotal(BaseModel):
    """Lump sums over several years, added per period: never booked to the period's first year."""

    start: int
    end: int
    currency: str
    amount: float
    projects: int


class ProjectList(PageMeta):
    totals: ProjectTotals
    items: list[Project]


class ProvinceProjects(PageMeta):
    province: ProvinceRef
    totals: ProjectTotals
    items: list[Project]


class DistrictPartnership(BaseModel):
    """A Vietnamese district twinned with a Lao district, as the articles name them."""

    id: str
    uri: str
    vn_district: str = Field(description="Vietnamese district or town, as written (huyện Mường Lát)")
    la_district: str = Field(description="Lao district, as written")
    vn_province: ProvinceRef | None = Field(None, description="Province of the Vietnamese district")
    la_province: ProvinceRef | None = Field(None, description="Province of the Lao district")
    first_year: int | None = Field(None, description=FIRST_YEAR)
    last_year: int | None = Field(None, description=LAST_YEAR)
    confidence: float | None = Field(None, description=CONFIDENCE)
    inherited: bool = Field(False, description="In a province's list: reported for a predecessor unit")
    via: ProvinceRef | None = Field(None, description=VIA)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class ProvinceDistricts(PageMeta):
    province: ProvinceRef
    items: list[DistrictPartnership]


class DistrictPartnershipList(PageMeta):
    items: list[DistrictPartnership]


class ArticleFact(BaseModel):
    """One fact the article supports: a node (object null) or a relationship."""

    fact: str = Field(
        description="Label (Official, Agreement, ...) or relationship type (PARTNERS_WITH, ...)"
    )
    subject: EntityRef
    object: EntityRef | None = None
    confidence: float | None = Field(None, description=CONFIDENCE)
    sentences: list[str] = Field(description="The evidence sentences from this article")
    spans: list[Span | None] = Field(default_factory=list)


class ArticleDetail(ArticleRef):
    language: str | None = None
    year: int | None = None
    facts: list[ArticleFact]


class ArticleSummary(ArticleRef):
    """An article in a list: its metadata and the provinces it states facts about."""

    language: str | None = None
    year: int | None = Field(None, description="Publication year")
    provinces: list[ProvinceRef] = Field(
        default_factory=list, description="Provinces the article credits a fact to, by id"
    )


class ArticleList(PageMeta):
    items: list[ArticleSummary]


class SearchHit(EntityRef):
    score: float = Field(description="0..1; 1 is an exact name match")
    detail: str | None = None


class SearchResults(PageMeta):
    query: str
    items: list[SearchHit]


class ProvincePath(BaseModel):
    hops: int
    nodes: list[EntityRef]
    links: list[str] = Field(description="Relationship type between consecutive nodes")


class Paths(PageMeta):
    start: ProvinceRef
    end: ProvinceRef
    hops: int | None = Field(description="Length of the shortest paths; null when none within the limit")
    items: list[ProvincePath]


class TimelineItem(BaseModel):
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    year: int | None = None
    until: int | None = Field(
        None,
        description="Last year of a project or agreement running over several years (`year` is the first):"
        " the entry stands for the whole period, its amount is not the first year's",
    )
    type: str = Field(description="event, agreement or project")
    id: str
    uri: str
    label: str
    kind: str | None = None
    role: str | None = Field(None, description="host, visitor, party, funder or beneficiary")
    counterparts: list[ProvinceRef] = Field(default_factory=list)
    inherited: bool = Field(False, description=INHERITED)
    via: ProvinceRef | None = Field(None, description=VIA)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class Timeline(PageMeta):
    province: ProvinceRef
    items: list[TimelineItem]


class Event(EventRef):
    hosts: list[ProvinceRef] = Field(default_factory=list)
    visitors: list[ProvinceRef] = Field(default_factory=list)
    leaders: list[OfficialRef] = Field(default_factory=list)
    confidence: float | None = Field(None, description=CONFIDENCE)
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class EventList(PageMeta):
    items: list[Event]


# -- coverage: what the graph knows and what it does not ---------------------------------------


class YearCount(BaseModel):
    year: int | None = Field(description="Publication year; null for undated articles")
    articles: int


class OutletCount(BaseModel):
    outlet: str | None = Field(description="Newspaper or site; null when unknown")
    articles: int


class ProvinceCount(BaseModel):
    province: ProvinceRef
    articles: int = Field(description="Distinct articles stating a fact about the unit itself")


class TierCount(BaseModel):
    tier: str = Field(description="explicit, structured, contextual, weak, hedged, below-hedged or unknown")
    min_confidence: float | None = Field(description="Lowest confidence of the tier")
    facts: int


class Coverage(BaseModel):
    """What the graph holds and where it is thin: articles by year, outlet and province,
    facts by confidence tier, and the provinces no partnership was found for."""

    articles: int
    facts: int = Field(
        description="Facts read from articles: officials, agreements, projects, events, district"
        " twinnings, partnerships and tenures"
    )
    by_year: list[YearCount]
    by_outlet: list[OutletCount]
    by_province: list[ProvinceCount] = Field(description="Provinces with at least one article")
    facts_by_kind: dict[str, int]
    facts_by_tier: list[TierCount]
    provinces_without_partner: list[ProvinceRef] = Field(
        description="Units with no partnership found, neither their own nor (for a unit formed in"
        " 2025) one of the units merged into it"
    )
