"""Loading facts into a graph store: idempotent, incremental, published whole.

Why it works this way:
- Every node and relationship has a key derived from its content (a province pair, a
  folded official name and province, the parties and date of an agreement ...), so the
  same fact from another article lands on the same element and only adds its evidence.
- For a batch, the loader looks up which keys already exist (`UNWIND $ids ... MATCH`,
  fast on both engines), merges evidence in Python, and then writes plain `CREATE` rows
  for new elements (the embedded store can `COPY` them from Arrow tables when a batch
  has many; off for now) and `SET` rows for changed ones. Lookups and writes are one unit of
  work (`GraphStore.apply_planned`): on Neo4j they run in one write transaction under a
  load lock, so a concurrent or retried load never plans from stale provenance.
  Engine-side `MERGE` is an order of magnitude slower on LadybugDB, cannot union lists
  portably, and would replace stored provenance.
- Elements whose merged properties equal the stored ones are not written at all, so a
  second load of the same input changes nothing.
- Each batch is one `ChangeSet`, applied in one transaction (the embedded store) or in
  the load's one transaction (Neo4j): a failing batch leaves nothing half-written, and
  every article is checked before any write. Readers see the load only once its last
  batch commits, on both stores. On the embedded store a load's batches grow with it, up
  to `VLKG_BATCH_MAX` (`load_articles`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import time
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from app.errors import VlkgError
from app.facts import ArticleFacts, Evidence, Sourced
from app.gazetteer import Gazetteer, ProvinceAmbiguous, ProvinceNotFound, gazetteer, province_properties
from app.gcpause import gc_paused
from app.graph import NODES, RELS, cite_key, format_span
from app.names import fold, name_keys, slug
from app.store.base import ChangeSet, GraphStore, Lookups, Row


class LoadError(VlkgError, ValueError):
    """A facts article that cannot be loaded; names the source and the cause."""

    exit_code = 1
    status = 422
    title = "Facts not loadable"
    public = "the facts could not be loaded"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class BatchFailed(VlkgError, RuntimeError):
    """A batch could not be written; it was rolled back whole, and with it the earlier
    batches the store had not committed yet (all of them on Neo4j, whose load is one
    transaction: then nothing of the run is stored). What was stored before stays."""

    status = 503
    title = "Load stopped"
    public = "the facts could not be written to the graph store"

    def __init__(self, sources: list[str], done: LoadReport, cause: BaseException, stored: int) -> None:
        self.sources = sources
        self.done = done
        self.cause = cause
        self.stored = stored  # articles of earlier batches that stay stored
        first = sources[0] if sources else "?"
        more = f" and {len(sources) - 1} more" if len(sources) > 1 else ""
        if stored == done.articles:
            kept = f"{stored} article(s) of earlier batches are stored"
        elif stored == 0:
            kept = (
                f"the {done.articles} article(s) of earlier batches were rolled back with it: "
                "nothing of this run is stored"
            )
        else:
            kept = (
                f"{stored} article(s) of earlier batches are stored, the {done.articles - stored} "
                "after them were rolled back with it"
            )
        super().__init__(f"the batch with {first}{more} was not written ({cause}); {kept}")


class Support(NamedTuple):
    """One article's backing for one fact: made once per fact and shared by every record
    the fact backs (an agreement, its `PARTY_TO`s and its partnership)."""

    article: str
    sentence: str
    span: str
    confidence: float


@dataclass(slots=True)
class Record:
    """A node or relationship being assembled from facts, before it meets the store."""

    props: dict[str, Any]
    support: list[Support] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    positions: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)  # of `support`, to test membership in O(1)


@dataclass
class LoadReport:
    articles: int = 0
    facts: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_unchanged: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    rels_unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: LoadReport) -> None:
        for name in (
            "articles",
            "facts",
            "nodes_created",
            "nodes_updated",
            "nodes_unchanged",
            "rels_created",
            "rels_updated",
            "rels_unchanged",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failed.extend(other.failed)
        self.warnings.extend(other.warnings)


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _span(ev: Evidence, rule: str | None) -> str:
    return format_span(ev.start, ev.end, ev.zone, rule)


# -- reference data ----------------------------------------------------------------------


def reference_changes(store: Lookups, gaz: Gazetteer) -> ChangeSet:
    """Provinces and their succession, written once and corrected when the gazetteer changes."""
    changes = ChangeSet()
    wanted = {p.id: province_properties(p) for p in gaz.provinces}
    _diff_nodes(store, "Province", wanted, changes, LoadReport())
    rels: dict[tuple[str, str], Row] = {}
    for p in gaz.provinces:
        if p.succeeded_by and p.valid_to:
            day = (p.valid_to + dt.timedelta(days=1)).isoformat()
            note = "merged" if p.succeeded_by != f"{p.id}-2025" else "renamed into the merged unit"
            rels[(p.id, p.succeeded_by)] = {"src": p.id, "dst": p.succeeded_by, "date": day, "note": note}
    _diff_rels(store, "SUCCEEDED_BY", rels, changes, LoadReport())
    return changes


# -- facts to records ---------------------------------------------------------------------


#: Province codes resolved per gazetteer (by its id, while it lives), by (code, date): a
#: load resolves the same few codes on the same dates again and again (each article is
#: checked, then built), and `Gazetteer.resolve` tries several spellings each time. A
#: failure is kept as its error.
_RESOLVED: dict[int, tuple[weakref.ref[Gazetteer], dict[tuple[str, dt.date | None], str | Exception]]] = {}


def _resolutions(gaz: Gazetteer) -> dict[tuple[str, dt.date | None], str | Exception]:
    key = id(gaz)
    held = _RESOLVED.get(key)
    if held is None or held[0]() is not gaz:
        held = _RESOLVED[key] = (weakref.ref(gaz, lambda _ref: _RESOLVED.pop(key, None)), {})
    return held[1]


@functools.lru_cache(maxsize=1 << 16)
def _name_keys(name: str) -> tuple[str, str, str]:
    """`slug`, `fold` and `fold_words` of a person's name (`name_keys`), kept: the same
    names recur across articles, as officials and as signatories or leaders."""
    return name_keys(name)


class _Builder:
    """Collects the records one batch of articles asserts."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.nodes: dict[str, dict[str, Record]] = {label: {} for label in NODES}
        self.rels: dict[str, dict[tuple[str, str], Record]] = {t: {} for t in RELS}
        self.warnings: list[str] = []
        self._resolved = _resolutions(gaz)

    def _province(self, art: ArticleFacts, code: str | None) -> str | None:
        if code is None:
            return None
        found = self._resolved.get((code, art.published))
        if found is None:
            try:
                found = self.gaz.resolve(code, on=art.published).id
            except (ProvinceNotFound, ProvinceAmbiguous) as exc:
                found = exc
            self._resolved[(code, art.published)] = found
        if isinstance(found, Exception):
            raise LoadError(art.source, str(found)) from found
        return found

    def _node(self, label: str, key: str, props: dict[str, Any]) -> Record:
        rec = self.nodes[label].get(key)
        if rec is None:
            rec = self.nodes[label][key] = Record({"id": key, **props})
        else:  # another article of the batch states the same fact
            rec.props = _merge_props(rec.props, {"id": key, **props})
        return rec

    def _rel(self, rtype: str, src: str, dst: str) -> Record:
        rec = self.rels[rtype].get((src, dst))
        if rec is None:
            rec = self.rels[rtype][(src, dst)] = Record({"src": src, "dst": dst})
        return rec

    @staticmethod
    def _backing(art: ArticleFacts, fact: Sourced) -> Support:
        ev = fact.evidence
        return Support(art.id, ev.sentence, _span(ev, fact.rule), fact.confidence)

    @staticmethod
    def _support(rec: Record, s: Support) -> None:
        rec.support.append(s)
        rec.articles.add(s.article)

    def check(self, art: ArticleFacts) -> None:
        """Raise the `LoadError` that `add` would raise for `art`, recording nothing.

        The same checks in the same order as `add` (every province code resolved on the
        article's date, partnerships Vietnamese–Lao), without building its records: the
        loader checks each article before it joins a batch, and builds it once, there.
        """
        for pf in art.partnerships:
            vn, la = self._province(art, pf.vn), self._province(art, pf.la)
            assert vn is not None and la is not None
            self._check_pair(art, vn, la)
        for of in art.officials:
            self._province(art, of.province)
        for ag in art.agreements:
            for code in ag.parties:
                self._province(art, code)
        for pr in art.projects:
            self._province(art, pr.funder)
            self._province(art, pr.beneficiary)
        for ev in art.events:
            self._province(art, ev.host)
            self._province(art, ev.visitor)
        for dp in art.district_partnerships:
            self._province(art, dp.vn_province)
            self._province(art, dp.la_province)

    def add(self, art: ArticleFacts) -> int:
        """Record everything `art` asserts; returns the number of facts."""
        year = art.published.year if art.published else None
        self._node(
            "Article",
            art.id,
            {
                "source": art.source,
                "url": art.url,
                "title": art.title,
                "published": art.published.isoformat() if art.published else None,
                "year": year,
                "outlet": art.outlet,
                "language": art.language,
            },
        )
        n = 0
        for pf in art.partnerships:
            vn, la = self._province(art, pf.vn), self._province(art, pf.la)
            assert vn is not None and la is not None
            self._check_pair(art, vn, la)
            rec = self._rel("PARTNERS_WITH", vn, la)
            self._support(rec, self._backing(art, pf))
            rec.years.update(y for y in (year, pf.year) if y)
            if pf.kind and pf.kind not in rec.kinds:
                rec.kinds.append(pf.kind)
            n += 1
        names: dict[str, str] = {}
        for of in art.officials:
            prov = self._province(art, of.province)
            org = of.organisation.strip() if of.organisation else None
            slugged, folded, words = _name_keys(of.name)
            key = f"{slugged}--{prov or slug(org or 'unknown')}"
            names[folded] = key
            rec = self._node("Official", key, {"name": of.name, "search": words, "organisation": org})
            s = self._backing(art, of)
            self._support(rec, s)
            if prov:
                rel = self._rel("OFFICIAL_OF", key, prov)
                self._support(rel, s)
                rel.positions.extend(of.positions)
                if year:
                    rel.years.add(year)
            n += 1
        for ag in art.agreements:
            parties = sorted({p for p in (self._province(art, c) for c in ag.parties) if p})
            when = ag.signed_year or (ag.period[0] if ag.period else None)
            key = "agreement-" + _hash(",".join(parties), ag.kind, ag.signed_year, ag.period)
            rec = self._node(
                "Agreement",
                key,
                {
                    "kind": ag.kind,
                    "signed_year": ag.signed_year,
                    "signed_date": ag.signed_date.isoformat() if ag.signed_date else None,
                    "period_start": ag.period[0] if ag.period else None,
                    "period_end": ag.period[1] if ag.period else None,
                    "fields": list(ag.fields),
                    "sectors": list(ag.sectors),
                    "count": ag.count,
                },
            )
            s = self._backing(art, ag)
            self._support(rec, s)
            for p in parties:
                self._support(self._rel("PARTY_TO", p, key), s)
            for name in ag.signatories:
                if (official := names.get(_name_keys(name)[1])) is not None:
                    self._support(self._rel("SIGNED", official, key), s)
            self._agreement_partnerships(art, parties, s, when)
            n += 1
        for pr in art.projects:
            funder, beneficiary = self._province(art, pr.funder), self._province(art, pr.beneficiary)
            key = "project-" + _hash(
                funder, beneficiary, pr.amount, pr.currency, pr.years, pr.per_year, fold(pr.in_kind or "")
            )
            if pr.amount is None and not pr.in_kind:
                key = "project-" + _hash(funder, beneficiary, fold(pr.description), art.id)
            rec = self._node(
                "Project",
                key,
                {
                    "description": pr.description,
                    "amount": pr.amount,
                    "currency": pr.currency,
                    "qualifier": pr.qualifier,
                    "year_start": pr.years[0] if pr.years else None,
                    "year_end": pr.years[1] if pr.years else None,
                    "per_year": pr.per_year,
                    "in_kind": pr.in_kind,
                },
            )
            s = self._backing(art, pr)
            self._support(rec, s)
            if funder:
                self._support(self._rel("FUNDED", funder, key), s)
            if beneficiary:
                self._support(self._rel("BENEFITS", key, beneficiary), s)
            if funder and beneficiary:
                self._kind_partnership(art, funder, beneficiary, "aid", s, pr.years[0] if pr.years else None)
            n += 1
        for ev in art.events:
            host, visitor = self._province(art, ev.host), self._province(art, ev.visitor)
            key = "event-" + _hash(ev.kind, ev.date, host, visitor, art.id if not ev.date else "")
            ev_year = int(ev.date[:4]) if ev.date and ev.date[:4].isdigit() else year
            rec = self._node("Event", key, {"kind": ev.kind, "date": ev.date, "year": ev_year})
            s = self._backing(art, ev)
            self._support(rec, s)
            if host:
                self._support(self._rel("HOSTED", host, key), s)
            if visitor:
                self._support(self._rel("VISITED", visitor, key), s)
            if ev.leader and (official := names.get(_name_keys(ev.leader)[1])) is not None:
                self._support(self._rel("LED", official, key), s)
            if host and visitor:
                kind = "visit" if ev.kind == "visit" else "event"
                self._kind_partnership(art, host, visitor, kind, s, ev_year)
            n += 1
        for dp in art.district_partnerships:
            vn, la = self._province(art, dp.vn_province), self._province(art, dp.la_province)
            key = "district-" + _hash(fold(dp.vn_district), vn, fold(dp.la_district), la)
            rec = self._node(
                "DistrictPartnership", key, {"vn_district": dp.vn_district, "la_district": dp.la_district}
            )
            s = self._backing(art, dp)
            self._support(rec, s)
            if year:
                rec.years.add(year)
            for side in (vn, la):
                if side:
                    self._support(self._rel("IN_PROVINCE", key, side), s)
            if vn and la:
                self._kind_partnership(art, vn, la, "district", s, None)
            n += 1
        return n

    def _kind_partnership(
        self, art: ArticleFacts, a: str, b: str, kind: str, backing: Support, when: int | None
    ) -> None:
        """A project, visit, meeting or district twinning between a Vietnamese and a Lao
        province backs their partnership and names its kind.

        This is the one place partnership kinds are derived (the API reads them as stored):
        `aid` (one funds, the other benefits), `visit` (one hosts the other's delegation),
        `event` (a meeting, talks or other event both attend), `district` (their districts are
        twinned), next to `agreement` (both are party to one) and the kind an article itself
        gives. Pairs of two provinces of one country are not partnerships."""
        ca, cb = self.gaz.get(a).country, self.gaz.get(b).country
        if {ca, cb} != {"VN", "LA"}:
            return
        vn, la = (a, b) if ca == "VN" else (b, a)
        rec = self._rel("PARTNERS_WITH", vn, la)
        if art.id not in rec.articles:
            self._support(rec, backing)
        year = art.published.year if art.published else None
        rec.years.update(y for y in (year, when) if y)
        if kind not in rec.kinds:
            rec.kinds.append(kind)

    def _check_pair(self, art: ArticleFacts, vn: str, la: str) -> None:
        if self.gaz.get(vn).country != "VN" or self.gaz.get(la).country != "LA":
            raise LoadError(art.source, f"partnership {vn}–{la} is not a Vietnamese–Lao pair")

    def _agreement_partnerships(
        self, art: ArticleFacts, parties: Sequence[str], backing: Support, when: int | None
    ) -> None:
        """A signed agreement between a Vietnamese and a Lao province is a partnership too."""
        vns = [p for p in parties if self.gaz.get(p).country == "VN"]
        las = [p for p in parties if self.gaz.get(p).country == "LA"]
        year = art.published.year if art.published else None
        for vn in vns:
            for la in las:
                rec = self._rel("PARTNERS_WITH", vn, la)
                if art.id not in rec.articles:
                    self._support(rec, backing)
                rec.years.update(y for y in (year, when) if y)
                if "agreement" not in rec.kinds:
                    rec.kinds.append("agreement")


# -- records vs the store -------------------------------------------------------------------


def _merge_support(existing: Row | None, rec: Record) -> dict[str, Any]:
    """Union of stored and new provenance, keyed by (article, sentence), order kept."""
    if not existing and len(rec.support) == 1:  # a new fact from one article: most of a load
        s = rec.support[0]
        return {
            "sources": [s.article],
            "evidence": [s.sentence],
            "spans": [s.span],
            "confidence": round(max(0.0, s.confidence), 4),
        }
    sources: list[str] = list(existing.get("sources") or []) if existing else []
    evidence: list[str] = list(existing.get("evidence") or []) if existing else []
    spans: list[str] = list(existing.get("spans") or []) if existing else []
    conf = float(existing.get("confidence") or 0.0) if existing else 0.0
    seen = set(zip(sources, evidence, strict=False))
    for s in rec.support:
        if (s.article, s.sentence) not in seen:
            seen.add((s.article, s.sentence))
            sources.append(s.article)
            evidence.append(s.sentence)
            spans.append(s.span)
        conf = max(conf, s.confidence)
    return {"sources": sources, "evidence": evidence, "spans": spans, "confidence": round(conf, 4)}


def _merge_props(old: Row | None, new: Row) -> Row:
    """What is already known stays; a later article only fills gaps and adds list items.

    So the stored description, date or kind of a fact is the first one reported, whatever
    order articles arrive in later, and reloading an older article changes nothing.
    """
    if not old:
        return dict(new)
    merged: Row = {}
    for key, value in new.items():
        before = old.get(key)
        if isinstance(value, list):
            merged[key] = _union(before if isinstance(before, list) else None, value)
        else:
            merged[key] = before if before is not None else value
    return merged


def _union(old: Iterable[str] | None, new: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*(old or []), *new]))


def _years(existing: Row | None, rec: Record) -> tuple[int | None, int | None]:
    years = set(rec.years)
    if existing:
        years.update(y for y in (existing.get("first_year"), existing.get("last_year")) if y)
    return (min(years), max(years)) if years else (None, None)


def _same(a: Row, b: Row) -> bool:
    return all(a.get(k) == b.get(k) for k in b)


K = TypeVar("K", str, tuple[str, str])


def _split(wanted: Mapping[K, Row], existing: Mapping[K, Row]) -> tuple[list[Row], list[Row], int]:
    """`wanted` rows to create (not stored), rows that differ from the stored ones, and how
    many match them: the comparison nodes and relationships share."""
    created: list[Row] = []
    changed: list[Row] = []
    unchanged = 0
    for key, row in wanted.items():
        old = existing.get(key)
        if old is None:
            created.append(row)
        elif _same(old, row):
            unchanged += 1
        else:
            changed.append(row)
    return created, changed, unchanged


def _add(plan: dict[str, list[Row]], name: str, rows: list[Row]) -> None:
    """Append `rows` under `name`, leaving no empty entry when there are none."""
    if rows:
        plan.setdefault(name, []).extend(rows)


def _diff_nodes(
    store: Lookups,
    label: str,
    wanted: dict[str, Row],
    changes: ChangeSet,
    report: LoadReport,
    existing: dict[str, Row] | None = None,
) -> None:
    if not wanted:
        return
    created, changed, unchanged = _split(
        wanted, store.existing_nodes(label, wanted) if existing is None else existing
    )
    _add(changes.create_nodes, label, created)
    _add(changes.update_nodes, label, changed)
    report.nodes_created += len(created)
    report.nodes_updated += len(changed)
    report.nodes_unchanged += unchanged


def _diff_rels(
    store: Lookups,
    rtype: str,
    wanted: dict[tuple[str, str], Row],
    changes: ChangeSet,
    report: LoadReport,
    existing: dict[tuple[str, str], Row] | None = None,
) -> None:
    if not wanted:
        return
    created, changed, unchanged = _split(
        wanted, store.existing_rels(rtype, wanted) if existing is None else existing
    )
    if not RELS[rtype].all_props:
        changed = []  # a relationship type without properties has nothing to update
    _add(changes.create_rels, rtype, created)
    _add(changes.update_rels, rtype, changed)
    report.rels_created += len(created)
    report.rels_updated += len(changed)
    report.rels_unchanged += unchanged


def plan_batch(
    store: Lookups, articles: Sequence[ArticleFacts], gaz: Gazetteer
) -> tuple[ChangeSet, LoadReport]:
    """Work out the writes for `articles` against what the store holds now (with the
    garbage collector paused: `app.gcpause`)."""
    with gc_paused():
        return _plan_batch(store, articles, gaz)


def _plan_batch(
    store: Lookups, articles: Sequence[ArticleFacts], gaz: Gazetteer
) -> tuple[ChangeSet, LoadReport]:
    report = LoadReport()
    builder = _Builder(gaz)
    for art in articles:
        report.facts += builder.add(art)
        report.articles += 1
    _cites(builder)
    changes = ChangeSet()
    new_keys: set[str] = set()  # nodes this batch creates: no relationship can touch them yet
    for label, records in builder.nodes.items():
        if not records:
            continue
        spec = NODES[label]
        existing = store.existing_nodes(label, records)
        new_keys.update(k for k in records if k not in existing)
        wanted: dict[str, Row] = {}
        for key, rec in records.items():
            row = _merge_props(existing.get(key), rec.props)
            if spec.sourced:
                row.update(_merge_support(existing.get(key), rec))
            if label == "DistrictPartnership":
                row["first_year"], row["last_year"] = _years(existing.get(key), rec)
            wanted[key] = row
        _diff_nodes(store, label, wanted, changes, report, existing=existing)
    for rtype, rel_records in builder.rels.items():
        if not rel_records:
            continue
        spec_r = RELS[rtype]
        existing_r = store.existing_rels(
            rtype, [k for k in rel_records if k[0] not in new_keys and k[1] not in new_keys]
        )
        wanted_r: dict[tuple[str, str], Row] = {}
        for pair, rec in rel_records.items():
            old = existing_r.get(pair)
            row = dict(rec.props)
            if spec_r.sourced:
                row.update(_merge_support(old, rec))
            if rtype == "PARTNERS_WITH":
                row["first_year"], row["last_year"] = _years(old, rec)
                row["article_count"] = len(set(row["sources"]))
                row["kinds"] = _union(old.get("kinds") if old else None, rec.kinds)
            elif rtype == "OFFICIAL_OF":
                row["first_year"], row["last_year"] = _years(old, rec)
                row["positions"] = _union(old.get("positions") if old else None, rec.positions)
            wanted_r[pair] = row
        _diff_rels(store, rtype, wanted_r, changes, report, existing=existing_r)
    return changes, report


def _cites(builder: _Builder) -> None:
    """Each article's `cites`: the keys of the facts it backs in this batch (app/graph.py).

    Set on the Article record, so `_merge_props` unions it with what is stored (a later
    load that adds the article's support to more facts only adds keys) and it is written
    in the batch's transaction, with the `sources` it mirrors."""
    articles = builder.nodes["Article"]
    cites: dict[str, list[str]] = {aid: [] for aid in articles}
    for label, records in builder.nodes.items():
        if NODES[label].sourced:
            for key, rec in records.items():
                for aid in rec.articles:
                    cites[aid].append(cite_key(label, key))
    for rtype, rel_records in builder.rels.items():
        if RELS[rtype].sourced:
            for (src, dst), rec in rel_records.items():
                for aid in rec.articles:
                    cites[aid].append(cite_key(rtype, src, dst))
    for aid, keys in cites.items():
        articles[aid].props["cites"] = sorted(keys)


def check_article(art: ArticleFacts, gaz: Gazetteer) -> None:
    """Raise `LoadError` if `art` cannot be loaded (so nothing of it is written)."""
    _Builder(gaz).check(art)


def load_articles(
    store: GraphStore,
    articles: Iterable[ArticleFacts],
    batch_size: int = 500,
    gaz: Gazetteer | None = None,
    on_batch: Callable[[int], None] | None = None,
    batch_max: int | None = None,
) -> LoadReport:
    """Load facts articles; invalid ones are reported in `failed` and skipped whole.

    Batches are of `batch_size` articles, or, with `batch_max` above it, of as many
    articles as the run has loaded so far, from `batch_size` up to `batch_max` (doubling:
    5,000, 5,000, 10,000, 20,000 ...). Each batch reads and rewrites the provenance of the
    stored facts it cites, which grows with the store (a partnership's sources grow with
    every article), so fixed batches made that rewriting grow with the square of the load;
    batches that grow with it keep it linear, up to `batch_max` (the memory of one batch's
    plan). A killed or failed load still leaves whole batches, each committed or not.

    The last batch carries the load's new generation (`ChangeSet.generation`), written in
    the same transaction as its rows: a server reading the store moves to this load when
    its last batch is committed, never to a half load, and also when the process dies
    right after that commit. So a full batch is held back until the next valid article
    shows it is not the last. On Neo4j every batch runs in the load's one transaction
    (`Neo4jStore.loading`), which the last batch commits: readers see no batch before.
    """
    gaz = gaz or gazetteer()
    # embedded: one checkpoint at the end; Neo4j: one transaction. The garbage collector
    # is paused for the whole load, not only while planning (`plan_batch`): between plans
    # (checking each article, writing a batch) its full collections walked every article
    # held for the load, so their cost grew with the square of the load (issue #12).
    with gc_paused(), store.loading():
        return _load(store, articles, batch_size, gaz, on_batch, batch_max or batch_size)


def _load(
    store: GraphStore,
    articles: Iterable[ArticleFacts],
    batch_size: int,
    gaz: Gazetteer,
    on_batch: Callable[[int], None] | None,
    batch_max: int,
) -> LoadReport:
    total = LoadReport()
    changed = bool(store.apply_planned(lambda view: reference_changes(view, gaz)))
    generation = new_generation()
    batch: list[ArticleFacts] = []
    applied: list[int] = [0]  # articles per unit of work applied (the reference data: none)

    def flush(last: bool) -> None:
        nonlocal changed
        if not batch and not (last and changed):
            return
        reports: list[LoadReport] = []

        def plan(view: Lookups) -> ChangeSet:
            changes, report = plan_batch(view, batch, gaz)
            reports[:] = [report]  # a retried unit of work plans again: keep the last plan's
            if last and (changed or changes):
                changes.generation = generation
            return changes

        try:
            changes = store.apply_planned(plan)
        except Exception as exc:
            lost = store.uncommitted_units  # applied before, in the transaction that failed
            stored = sum(applied[: len(applied) - lost])
            raise BatchFailed([a.source for a in batch], total, exc, stored) from exc
        changed = changed or bool(changes)
        applied.append(reports[-1].articles)
        total.add(reports[-1])
        if on_batch is not None and batch:
            on_batch(len(batch))
        batch.clear()

    for art in articles:
        try:
            check_article(art, gaz)
        except LoadError as exc:
            total.failed.append((exc.source, exc.reason))
            if on_batch is not None:
                on_batch(1)
            continue
        if len(batch) >= max(batch_size, min(batch_max, total.articles)):
            flush(last=False)
        batch.append(art)
    flush(last=True)
    return total


def new_generation() -> str:
    """A generation token for one load: later loads get larger ones."""
    return str(time.time_ns())
