"""`/coverage` and `vlkg stats --coverage`: what the graph knows, and what it does not.

A researcher must know how far to trust an absence: a province with no partner may have
none, or the corpus may hold no article about it. So the answer counts the articles by
year, outlet and province, the facts by confidence tier (names in `app/tiers.py`), and
lists the provinces no partnership was found for.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from app.api import schemas
from app.api.inheritance import unit_ids
from app.api.shaping import province_ref
from app.gazetteer import Gazetteer
from app.store.base import GraphStore
from app.tiers import BELOW, TIERS, UNKNOWN, tier_of


def coverage(store: GraphStore, gaz: Gazetteer) -> schemas.Coverage:
    articles = store.query("coverage_articles")
    years = Counter(a["year"] for a in articles)
    outlets = Counter(a["outlet"] for a in articles)

    per_province: dict[str, set[str]] = defaultdict(set)
    for r in store.query("coverage_provinces"):
        per_province[r["province"]].update(r["sources"] or [])
    by_province = []
    for pid, ids in sorted(per_province.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        try:
            by_province.append(schemas.ProvinceCount(province=province_ref(gaz.get(pid)), articles=len(ids)))
        except KeyError:
            continue

    kinds: Counter[str] = Counter()
    tiers: Counter[str] = Counter()
    for r in store.query("coverage_confidence"):
        kinds[r["fact"]] += int(r["n"])
        tiers[tier_of(r["confidence"])] += int(r["n"])
    floors: list[tuple[str, float | None]] = [*TIERS, (BELOW, 0.0), (UNKNOWN, None)]

    partnered = {pid for r in store.query("network") for pid in (r["vn"], r["la"])}
    without = [
        province_ref(p)
        for p in gaz.provinces
        if not partnered.intersection(unit_ids(gaz, p, include_inherited=True))
    ]
    return schemas.Coverage(
        articles=len(articles),
        facts=sum(kinds.values()),
        by_year=[
            schemas.YearCount(year=y, articles=n)
            for y, n in sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        ],
        by_outlet=[
            schemas.OutletCount(outlet=o, articles=n)
            for o, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0] or "\uffff"))
        ],
        by_province=by_province,
        facts_by_kind={k: kinds.get(k, 0) for k in sorted(kinds)},
        facts_by_tier=[
            schemas.TierCount(tier=name, min_confidence=floor, facts=tiers.get(name, 0))
            for name, floor in floors
            if tiers.get(name) or name not in (BELOW, UNKNOWN)
        ],
        provinces_without_partner=without,
    )
