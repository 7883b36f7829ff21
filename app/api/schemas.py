"""Response models: the shapes the API promises (and OpenAPI documents)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.facts import AmountQualifier

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
    start: int | None = None
    end: int | None = None
    zone: str | None = None
    rule: str | None = Field(default=None, description="id of the extraction rule that read the fact here")


class ArticleRef(BaseModel):
    id: str
    uri: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    source: str | None = None


class Source(BaseModel):
    """One article's support for a fact: the article and the sentence that states it."""

    article: ArticleRef
    sentence: str
    span: Span | None = None


class ProvinceRef(BaseModel):
    id: str
    iso: str | None = Field(description="ISO 3166-2 code; null for units created in 2025 (no code yet)")
    uri: str
    country: str
    name: str = Field(description="Name as Vietnamese press writes it")
    name_en: str
    kind: str
    current: bool
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = Field(default=None, description="id of the unit that took over, if merged")


class Province(ProvinceRef):
    name_native: str
    aliases: list[str]
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    predecessors: list[ProvinceRef] = Field(default_factory=list)


class AgreementRef(BaseModel):
    id: str
    uri: str
    kind: str
    signed_year: int | None = None
    period: tuple[int, int] | None = None
    fields: list[str] = Field(default_factory=list)


class Partner(BaseModel):
    province: ProvinceRef
    first_year: int | None = None
    last_year: int | None = None
    article_count: int
    kinds: list[str] = Field(default_factory=list)
    confidence: float | None = None
    inherited: bool = Field(description="True when the partnership belongs to a predecessor unit")
    via: ProvinceRef | None = Field(default=None, description="The predecessor whose partnership this is")
    agreements: list[AgreementRef] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class Partners(BaseModel):
    province: ProvinceRef
    total: int = Field(description="Partners matching the request, over all pages")
    limit: int = 500
    offset: int = 0
    partners: list[Partner]


class ProvinceList(BaseModel):
    total: int
    items: list[ProvinceRef]


class Stats(BaseModel):
    backend: str
    nodes: dict[str, int]
    relationships: dict[str, int]


class Health(BaseModel):
    status: str
    backend: str


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

    type: str = Field(description="province, official, agreement, project, event or article")
    id: str
    uri: str
    label: str


class OfficialRef(BaseModel):
    id: str
    uri: str
    name: str
    organisation: str | None = None


class ProjectRef(BaseModel):
    id: str
    uri: str
    description: str
    amount: float | None = None
    currency: str | None = None
    qualifier: AmountQualifier | None = Field(
        None, description="How the article hedges the amount: more_than, nearly, about, up_to"
    )
    years: tuple[int, int] | None = None
    per_year: bool = Field(
        False,
        description="True when `amount` is paid every year of `years`; false: once, for the whole period",
    )
    in_kind: str | None = None


class EventRef(BaseModel):
    id: str
    uri: str
    kind: str
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    year: int | None = None


class Role(BaseModel):
    """An official's tie to a province, with the positions the articles give."""

    province: ProvinceRef
    positions: list[str] = Field(default_factory=list)
    first_year: int | None = None
    last_year: int | None = None
    confidence: float | None = None
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class Official(OfficialRef):
    confidence: float | None = None
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
    first_year: int | None = None
    last_year: int | None = None
    confidence: float | None = None
    inherited: bool = Field(False, description="True when the tie is to a predecessor unit")
    via: ProvinceRef | None = None
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class ProvinceOfficials(PageMeta):
    province: ProvinceRef
    items: list[ProvinceOfficial]


class Agreement(AgreementRef):
    signed_date: str | None = None
    sectors: list[str] = Field(default_factory=list)
    count: int | None = Field(None, description="How many documents were signed together")
    confidence: float | None = None
    parties: list[ProvinceRef] = Field(default_factory=list)
    signatories: list[OfficialRef] = Field(default_factory=list)
    inherited: bool = Field(False, description="In a province's list: signed by a predecessor unit")
    via: ProvinceRef | None = None
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
    confidence: float | None = None
    role: str | None = Field(None, description="In a province's list: funder or beneficiary")
    inherited: bool = False
    via: ProvinceRef | None = None
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
    first_year: int | None = None
    last_year: int | None = None
    confidence: float | None = None
    inherited: bool = Field(False, description="In a province's list: reported for a predecessor unit")
    via: ProvinceRef | None = None
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class ProvinceDistricts(PageMeta):
    province: ProvinceRef
    items: list[DistrictPartnership]


class ArticleFact(BaseModel):
    """One fact the article supports: a node (object null) or a relationship."""

    fact: str = Field(
        description="Label (Official, Agreement, ...) or relationship type (PARTNERS_WITH, ...)"
    )
    subject: EntityRef
    object: EntityRef | None = None
    confidence: float | None = None
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
    inherited: bool = False
    via: ProvinceRef | None = None
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


class Timeline(PageMeta):
    province: ProvinceRef
    items: list[TimelineItem]


class Event(EventRef):
    hosts: list[ProvinceRef] = Field(default_factory=list)
    visitors: list[ProvinceRef] = Field(default_factory=list)
    leaders: list[OfficialRef] = Field(default_factory=list)
    confidence: float | None = None
    articles: list[str] = Field(default_factory=list)
    sources: list[Source] | None = None


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
