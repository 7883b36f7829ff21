"""The whole partnership network in one answer: what the explorer's map draws.

Every other list answers a question about one province; a map needs every province with
its coordinates and every partnership with the numbers that size its line, in one
request. Evidence sentences are left out (a line links to the province pages, which cite
them), so the answer stays small on a large graph. The filters are the map's: years,
kinds, a minimum confidence, and the 2025 reorganisation — with `units=today`, the
partnerships of merged units are folded into the unit in force today and marked
`inherited` with the units they came `via`, as `/province/{name}/partners` marks them.

The models live here rather than in `schemas.py`: only this answer uses them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from app.api.schemas import CONFIDENCE, FIRST_YEAR, LAST_YEAR
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row

Units = Literal["reported", "today"]


class NetworkProvince(BaseModel):
    id: str
    iso: str | None = None
    country: str
    name: str = Field(description="Name as Vietnamese press writes it")
    name_en: str
    name_native: str = Field(description="Name in the country's own script (Lao for Lao provinces)")
    lat: float | None = None
    lon: float | None = None
    current: bool = Field(description="In force today (false for units merged in 2025)")
    today: str = Field(description="Id of the unit in force today that this one is, or became part of")
    partners: int = Field(description="Partnerships of this province in the answer")


class NetworkLink(BaseModel):
    vn: str = Field(description="Id of the Vietnamese province")
    la: str = Field(description="Id of the Lao province")
    first_year: int | None = Field(None, description=FIRST_YEAR)
    last_year: int | None = Field(None, description=LAST_YEAR)
    article_count: int = Field(description="Distinct articles stating the partnership")
    agreement_count: int = Field(
        description="Distinct agreements both sides (or their predecessors) are party to"
    )
    kinds: list[str] = Field(
        default_factory=list,
        description="agreement, visit, aid, event, district…: as the articles call it, and from the"
        " agreements, projects, visits, meetings and twinned districts that link the two (stored by"
        " the loader)",
    )
    confidence: float | None = Field(None, description=CONFIDENCE)
    inherited: bool = Field(False, description="With units=today: folded in from a unit merged in 2025")
    via: list[str] = Field(default_factory=list, description="Ids of the merged units it was reported for")
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that state it")


class Network(BaseModel):
    units: Units = Field(description="reported: the units the articles name; today: units in force today")
    years: tuple[int, int] | None = Field(
        description="Earliest and latest year of any partnership (unfiltered)"
    )
    kinds: list[str] = Field(
        description="Every partnership kind in the graph (unfiltered), for a kind filter"
    )
    provinces: list[NetworkProvince]
    links: list[NetworkLink]


@dataclass(frozen=True)
class Filters:
    since: int | None = None
    until: int | None = None
    kinds: frozenset[str] = frozenset()
    min_confidence: float | None = None

    def keeps(self, row: Row) -> bool:
        """The partnership filters of `/province/{name}/partners`, plus kind and confidence."""
        if self.since is not None and (row["last_year"] or 0) < self.since:
            return False
        if self.until is not None and (row["first_year"] or 9999) > self.until:
            return False
        if self.kinds and not self.kinds.intersection(row["kinds"] or []):
            return False
        return self.min_confidence is None or (row["confidence"] or 0.0) >= self.min_confidence

    def keeps_agreement(self, row: Row) -> bool:
        """Agreements signed or in force within the years asked for (undated ones only without)."""
        if self.since is None and self.until is None:
            return True
        first = row.get("signed_year") or row.get("period_start")
        last = row.get("period_end") or row.get("signed_year")
        if first is None or last is None:
            return False
        return (self.since is None or last >= self.since) and (self.until is None or first <= self.until)


@dataclass
class _Link:
    vn: str
    la: str
    years: list[int] = field(default_factory=list)
    kinds: dict[str, None] = field(default_factory=dict)
    confidence: float | None = None
    articles: dict[str, None] = field(default_factory=dict)
    counted: int = 0
    via: dict[str, None] = field(default_factory=dict)
    parts: int = 0


def network(
    store: GraphStore, gaz: Gazetteer, units: Units = "reported", filters: Filters | None = None
) -> Network:
    filters = filters or Filters()
    rows = store.query("network")  # kinds as the loader derived them (ingest/load.py)
    today = {p.id: gaz.lineage_root(p.id) for p in gaz.provinces}

    def unit(pid: str) -> str:
        return today.get(pid, pid) if units == "today" else pid

    links: dict[tuple[str, str], _Link] = {}
    for r in rows:
        if not filters.keeps(r):
            continue
        key = (unit(r["vn"]), unit(r["la"]))
        link = links.setdefault(key, _Link(*key))
        link.parts += 1
        link.years.extend(y for y in (r["first_year"], r["last_year"]) if y is not None)
        link.kinds.update(dict.fromkeys(r["kinds"] or []))
        if r["confidence"] is not None:
            link.confidence = max(link.confidence or 0.0, r["confidence"])
        link.articles.update(dict.fromkeys(r["sources"] or []))
        link.counted += r["article_count"] or len(set(r["sources"] or []))
        for reported, folded in ((r["vn"], key[0]), (r["la"], key[1])):
            if reported != folded:
                link.via[reported] = None

    agreements = _shared_agreements(store, gaz, links, unit, filters)
    out_links = [
        NetworkLink(
            vn=link.vn,
            la=link.la,
            first_year=min(link.years) if link.years else None,
            last_year=max(link.years) if link.years else None,
            # one stored partnership: its own count; several folded together: distinct articles
            article_count=link.counted if link.parts == 1 else len(link.articles),
            agreement_count=len(agreements.get((link.vn, link.la), ())),
            kinds=sorted(link.kinds),
            confidence=link.confidence,
            inherited=bool(link.via),
            via=sorted(link.via),
            articles=list(link.articles),
        )
        for link in links.values()
    ]
    degree: dict[str, int] = {}
    for ln in out_links:
        degree[ln.vn] = degree.get(ln.vn, 0) + 1
        degree[ln.la] = degree.get(ln.la, 0) + 1
    years = [y for r in rows for y in (r["first_year"], r["last_year"]) if y is not None]
    return Network(
        units=units,
        years=(min(years), max(years)) if years else None,
        kinds=sorted({k for r in rows for k in r["kinds"] or []}),
        provinces=[_province(p, today[p.id], degree.get(p.id, 0)) for p in _shown(gaz, units, degree)],
        links=out_links,
    )


def _shown(gaz: Gazetteer, units: Units, degree: dict[str, int]) -> Iterable[Province]:
    """Today's units, or the units of the articles' time: every unit that existed before
    the 2025 reorganisation, and any newer one a partnership was reported for."""
    for p in gaz.provinces:
        if p.current if units == "today" else p.valid_from is None or degree.get(p.id):
            yield p


def _province(p: Province, today: str, partners: int) -> NetworkProvince:
    return NetworkProvince(
        id=p.id,
        iso=p.iso,
        country=p.country,
        name=p.name_vi,
        name_en=p.name_en,
        name_native=p.name_native,
        lat=p.lat,
        lon=p.lon,
        current=p.current,
        today=today,
        partners=partners,
    )


def _shared_agreements(
    store: GraphStore,
    gaz: Gazetteer,
    links: dict[tuple[str, str], _Link],
    unit: Callable[[str], str],
    filters: Filters,
) -> dict[tuple[str, str], set[str]]:
    """Agreement ids per shown link: agreements with a party on each side of it."""
    if not links:
        return {}
    out: dict[tuple[str, str], set[str]] = {}
    for a in store.query("agreements_list"):
        if not filters.keeps_agreement(a):
            continue
        parties: Sequence[str] = a["parties"] or []
        vns = {unit(p) for p in parties if _country(gaz, p) == "VN"}
        las = {unit(p) for p in parties if _country(gaz, p) == "LA"}
        for vn in vns:
            for la in las:
                if (vn, la) in links:
                    out.setdefault((vn, la), set()).add(a["id"])
    return out


def _country(gaz: Gazetteer, pid: str) -> str | None:
    try:
        return gaz.get(pid).country
    except KeyError:
        return None
