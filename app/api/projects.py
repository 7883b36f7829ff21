"""Projects (aid, investment, scholarships): filtered lists with totals, detail, per province.

Totals are computed over every project the request matches, not only the page shown, so
a client can show a sum without fetching all pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from app.api import schemas
from app.api.answers import rows as corpus
from app.api.errors import NotFound
from app.api.inheritance import involving, unit_ids
from app.api.matching import closest
from app.api.pagination import Page
from app.api.refs import by_id, project_ref, province_or_none
from app.api.shaping import cite_if, fact_fields, province_ref
from app.gazetteer import Gazetteer, Province
from app.store.base import GraphStore, Row

TOTALS_RULE = (
    "Amounts are added per currency, never converted. An amount paid every year "
    "(per_year=true) over years A..B counts B-A+1 times in the currency total and once in "
    "each year A..B of per_year. A lump sum counts once in the currency total; in per_year "
    "only when it is for a single year, while a lump sum for several years A..B is a period "
    "total, added in per_period under (A, B) and never booked to year A. Amounts with no "
    "years count in the currency total and in `undated`. In-kind projects (no amount) are "
    "listed but not added. Qualified amounts (more than, about ...) count as written."
)


def totals(rows: Iterable[Row]) -> schemas.ProjectTotals:
    """Currency, per-year and per-period totals of `rows` by TOTALS_RULE."""
    per_currency: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    per_year: dict[tuple[int, str], float] = defaultdict(float)
    per_period: dict[tuple[int, int, str], float] = defaultdict(float)
    period_count: dict[tuple[int, int, str], int] = defaultdict(int)
    undated: dict[str, float] = defaultdict(float)
    undated_count: dict[str, int] = defaultdict(int)
    for r in rows:
        amount, currency = r["amount"], r["currency"]
        if amount is None or not currency:
            continue
        count[currency] += 1
        start, end = r["year_start"], r["year_end"]
        if start is None or end is None:
            per_currency[currency] += amount
            undated[currency] += amount
            undated_count[currency] += 1
        elif r["per_year"]:
            for year in range(start, end + 1):
                per_year[(year, currency)] += amount
            per_currency[currency] += amount * (end - start + 1)
        elif start == end:
            per_year[(start, currency)] += amount
            per_currency[currency] += amount
        else:
            per_period[(start, end, currency)] += amount
            period_count[(start, end, currency)] += 1
            per_currency[currency] += amount
    return schemas.ProjectTotals(
        rule=TOTALS_RULE,
        per_currency=[
            schemas.CurrencyTotal(currency=c, amount=per_currency[c], projects=count[c])
            for c in sorted(per_currency)
        ],
        per_year=[schemas.YearTotal(year=y, currency=c, amount=a) for (y, c), a in sorted(per_year.items())],
        per_period=[
            schemas.PeriodTotal(start=a, end=b, currency=c, amount=v, projects=period_count[(a, b, c)])
            for (a, b, c), v in sorted(per_period.items())
        ],
        undated=[
            schemas.CurrencyTotal(currency=c, amount=a, projects=undated_count[c])
            for c, a in sorted(undated.items())
        ],
    )


def _sort_key(r: Row) -> tuple[int, str]:
    return (-(r["year_start"] or 0), r["id"])


def covers(r: Row, year: int) -> bool:
    start, end = r["year_start"], r["year_end"]
    return start is not None and end is not None and start <= year <= end


def build(
    store: GraphStore,
    gaz: Gazetteer,
    ids: Sequence[str],
    with_sources: bool,
    roles: dict[str, tuple[str, str]] | None = None,
    home: Province | None = None,
) -> list[schemas.Project]:
    """Full project shapes for `ids`; `roles` (id → (via, role)) marks a province's view."""
    rows = by_id(store, "projects_by_id", ids)
    ordered = [rows[i] for i in ids if i in rows]
    out = []
    for r, sources in zip(ordered, cite_if(with_sources, ordered, store), strict=True):
        via, role = (roles or {}).get(r["id"], (None, None))
        out.append(
            schemas.Project(
                **project_ref(r).model_dump(),
                funder=province_or_none(gaz, (r["funders"] or [None])[0]),
                beneficiary=province_or_none(gaz, (r["beneficiaries"] or [None])[0]),
                confidence=r["confidence"],
                role=role,
                **fact_fields(gaz, r, sources, via, home),
            )
        )
    return out


def search(
    store: GraphStore,
    gaz: Gazetteer,
    page: Page,
    funder: Province | None = None,
    beneficiary: Province | None = None,
    year: int | None = None,
    with_sources: bool = False,
) -> schemas.ProjectList:
    rows = corpus(store, "projects_list")
    if funder is not None:
        rows = involving(gaz, rows, "funders", funder)
    if beneficiary is not None:
        rows = involving(gaz, rows, "beneficiaries", beneficiary)
    if year is not None:
        rows = [r for r in rows if covers(r, year)]
    rows.sort(key=_sort_key)
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources)
    return schemas.ProjectList(**page.meta(len(rows)), totals=totals(rows), items=items)


def detail(store: GraphStore, gaz: Gazetteer, key: str) -> schemas.Project:
    found = build(store, gaz, [key], with_sources=True)
    if not found:
        raise NotFound("project", key, closest(key, ((r["id"],) for r in corpus(store, "projects_list"))))
    return found[0]


def of_province(
    store: GraphStore,
    gaz: Gazetteer,
    province: Province,
    page: Page,
    include_inherited: bool,
    with_sources: bool,
    role: str | None = None,
) -> schemas.ProvinceProjects:
    roles: dict[str, tuple[str, str]] = {}
    for r in store.query("province_projects", ids=unit_ids(gaz, province, include_inherited)):
        if role is None or r["role"] == role:
            roles.setdefault(r["id"], (r["via"], r["role"]))
    rows = sorted(by_id(store, "projects_by_id", roles).values(), key=_sort_key)
    items = build(store, gaz, [r["id"] for r in page.of(rows)], with_sources, roles, province)
    return schemas.ProvinceProjects(
        **page.meta(len(rows)), province=province_ref(province), totals=totals(rows), items=items
    )
