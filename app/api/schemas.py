"""Response models: the shapes the API promises (and OpenAPI documents)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Span(BaseModel):
    start: int | None = None
    end: int | None = None
    zone: str | None = None


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
    total: int
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
