"""The facts-file contract: what `vlkg extract --json` prints and `vlkg ingest` loads.

It sits in `app/` (not `ingest/`) because it is the one vocabulary both sides speak: the
extractor produces it, the loader and the API consume it, and neither needs the other's
internals. Every fact carries an `Evidence` so any answer can cite article and sentence;
a fact without evidence is rejected at the edge rather than stored unexplained.

Provinces are named by the ISO 3166-2 code of the unit the article names, as it was on
the publication date (the pre-2025 code for units of that time). Units created in 2025
have no ISO code yet; for them the gazetteer id is used (`quang-ngai-2025`, `hue`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FACTS_FORMAT = "vlkg-facts/1"

AgreementKind = Literal["memorandum", "minutes", "agreement", "plan", "other"]
# How an amount is hedged in the text: `hơn` / `over` / `more than`, `gần` / `nearly`,
# `khoảng` / `about` / `some`, `tới` / `up to`. The amount is the number as written.
AmountQualifier = Literal["more_than", "nearly", "about", "up_to"]
Zone = Literal["body", "title", "caption", "related"]


class _Fact(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)


class Evidence(_Fact):
    """Where in the article a fact is stated: the sentence and its character offsets."""

    sentence: str = Field(min_length=1, max_length=2000)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    zone: Zone = "body"


# A rule id names the extraction rule that produced a fact: `<lang>.<module>.<rule>`
# (`vi.partnership.clause-cue`, `en.agreement.signed-mou`). Facts files written by hand or by
# another tool may leave it out.
RULE_ID = r"^[a-z]{2,3}(?:\.[a-z0-9][a-z0-9_-]*)+$"


class Sourced(_Fact):
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: Evidence
    rule: str | None = Field(
        default=None, pattern=RULE_ID, description="id of the extraction rule that stated the fact"
    )


def _code(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("empty province code")
    return value.upper() if "-" in value and len(value) <= 6 else value


class PartnershipFact(Sourced):
    """A Vietnamese and a Lao province that the text says work with each other."""

    vn: str
    la: str
    kind: str | None = None
    year: int | None = Field(default=None, ge=1945, le=2100)

    @field_validator("vn", "la")
    @classmethod
    def _codes(cls, value: str) -> str:
        return _code(value)


class OfficialFact(Sourced):
    name: str = Field(min_length=2, max_length=200)
    province: str | None = None
    organisation: str | None = None
    positions: list[str] = Field(default_factory=list)


class AgreementFact(Sourced):
    parties: list[str] = Field(min_length=2)
    kind: AgreementKind = "other"
    signed_year: int | None = Field(default=None, ge=1945, le=2100)
    signed_date: dt.date | None = None
    period: tuple[int, int] | None = None
    fields: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    count: int | None = Field(default=None, ge=1)
    signatories: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _period_ordered(self) -> AgreementFact:
        if self.period is not None and self.period[0] > self.period[1]:
            raise ValueError(f"period {self.period} ends before it starts")
        return self


class ProjectFact(Sourced):
    funder: str | None = None
    beneficiary: str | None = None
    description: str = ""
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = None
    qualifier: AmountQualifier | None = None
    years: tuple[int, int] | None = None
    per_year: bool = False
    in_kind: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ProjectFact:
        if self.amount is not None and not self.currency:
            raise ValueError("amount given without currency")
        if self.years is not None and self.years[0] > self.years[1]:
            raise ValueError(f"years {self.years} end before they start")
        if self.funder is None and self.beneficiary is None:
            raise ValueError("a project needs a funder or a beneficiary")
        return self


class EventFact(Sourced):
    """A visit or meeting: it dates a partnership and ties officials to it."""

    kind: str = "visit"
    date: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    host: str | None = None
    visitor: str | None = None
    leader: str | None = None


class DistrictPartnershipFact(Sourced):
    vn_district: str
    vn_province: str | None = None
    la_district: str
    la_province: str | None = None


class ArticleFacts(_Fact):
    """Everything one article says, plus its metadata; `id` is the content hash."""

    id: str = Field(min_length=8, max_length=64, pattern=r"^[0-9a-f]+$")
    source: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str = "vi"
    partnerships: list[PartnershipFact] = Field(default_factory=list)
    officials: list[OfficialFact] = Field(default_factory=list)
    agreements: list[AgreementFact] = Field(default_factory=list)
    projects: list[ProjectFact] = Field(default_factory=list)
    events: list[EventFact] = Field(default_factory=list)
    district_partnerships: list[DistrictPartnershipFact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class FactsDocument(_Fact):
    format: str = FACTS_FORMAT
    articles: list[ArticleFacts]


def json_schema() -> dict[str, object]:
    """JSON Schema of the facts document (shipped as docs/facts.schema.json)."""
    schema = FactsDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "vlkg facts document (output of `vlkg extract --json`)"
    return schema


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
