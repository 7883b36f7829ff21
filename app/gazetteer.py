"""Province gazetteer: every Vietnamese and Lao provincial unit, its names and its succession.

The data (`app/data/provinces.csv`, `positions.csv`) is reference data brought in from the
project's shared gazetteer and reviewed (see docs/gazetteer.md). Names resolve through
folded keys, so diacritics, case, hyphens, spacing and prefixes such as `tỉnh` or `TP` do
not matter. Some keys name several units of one lineage (Quảng Ngãi before and after the
2025 merger); a date picks the unit in force, and without a date the current unit wins.
Keys that name unrelated units are reported as ambiguous, never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from app.names import fold, fold_words

# Words that may stand before or after a province name and carry no identity.
_PREFIXES = (
    "thu do",
    "thanh pho",
    "tp",
    "tinh",
    "province of",
    "province",
    "city of",
    "khoueng",
    "khoeng",
)
_SUFFIXES = (
    "cong hoa dan chu nhan dan lao",
    "chdcnd lao",
    "nuoc chdcnd lao",
    "lao pdr",
    "lao",
    "laos",
    "viet nam",
    "vietnam",
    "province",
    "city",
    "capital",
)


@dataclass(frozen=True)
class Province:
    id: str
    country: str
    iso: str | None
    name_en: str
    name_native: str
    name_vi: str
    type: str
    aliases: tuple[str, ...]
    lat: float | None
    lon: float | None
    wikidata: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    succeeded_by: str | None

    def valid_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)

    @property
    def current(self) -> bool:
        return self.valid_to is None

    @property
    def names(self) -> tuple[str, ...]:
        """Every surface form, distinct, in a stable order (display names first)."""
        seen: dict[str, None] = {}
        for n in (self.name_vi, self.name_en, self.name_native, *self.aliases):
            if n:
                seen.setdefault(n, None)
        return tuple(seen)


def province_properties(p: Province) -> dict[str, Any]:
    """A province as the graph stores it (the `Province` node's properties)."""
    return {
        "id": p.id,
        "iso": p.iso,
        "country": p.country,
        "name_en": p.name_en,
        "name_vi": p.name_vi,
        "name_native": p.name_native,
        "kind": p.type,
        "aliases": list(p.names),
        "search": " ".join(sorted({fold_words(n) for n in p.names})),
        "lat": p.lat,
        "lon": p.lon,
        "wikidata": p.wikidata,
        "valid_from": p.valid_from.isoformat() if p.valid_from else None,
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "current": p.current,
    }


@dataclass(frozen=True)
class Position:
    title_vi: str
    title_en: str
    level: str
    country: str
    notes: str


class ProvinceNotFound(LookupError):
    """No province has this name; carries the closest known names for the error message."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown province {name!r}{hint}")


class ProvinceAmbiguous(LookupError):
    def __init__(self, name: str, candidates: list[Province]) -> None:
        self.name = name
        self.candidates = candidates
        ids = ", ".join(p.id for p in candidates)
        super().__init__(f"ambiguous province name {name!r}: could be {ids}")


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass
class Gazetteer:
    provinces: tuple[Province, ...]
    positions: tuple[Position, ...] = ()
    _by_id: dict[str, Province] = field(init=False, repr=False)
    _by_iso: dict[str, Province] = field(init=False, repr=False)
    _by_key: dict[str, list[Province]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {p.id: p for p in self.provinces}
        self._by_iso = {p.iso.upper(): p for p in self.provinces if p.iso}
        self._by_key = {}
        for p in self.provinces:
            for key in {fold(n) for n in p.names} | {fold(p.id)}:
                if key:
                    bucket = self._by_key.setdefault(key, [])
                    if p not in bucket:
                        bucket.append(p)

    # -- lookup -----------------------------------------------------------------------
    def get(self, province_id: str) -> Province:
        return self._by_id[province_id]

    def by_iso(self, code: str) -> Province | None:
        return self._by_iso.get(code.strip().upper())

    def all(self, country: str | None = None, current_only: bool = False) -> list[Province]:
        return [
            p
            for p in self.provinces
            if (country is None or p.country == country.upper()) and (not current_only or p.current)
        ]

    def keys(self) -> Iterator[tuple[str, list[Province]]]:
        """Folded key → candidate provinces; the extractor builds its automaton from this."""
        yield from self._by_key.items()

    def candidates(self, name: str) -> list[Province]:
        """All units a surface form may denote, trying prefix/suffix-stripped forms in turn."""
        text = name.strip()
        if not text:
            return []
        code = self.by_iso(text)
        if code is not None:
            return [code]
        if text in self._by_id:
            return [self._by_id[text]]
        for key in _variants(text):
            found = self._by_key.get(key)
            if found:
                return list(found)
        return []

    def resolve(self, name: str, on: dt.date | None = None) -> Province:
        """The one province `name` denotes (on `on`, when given), or a clear error."""
        found = self.candidates(name)
        if not found:
            raise ProvinceNotFound(name, self.suggest(name))
        if len(found) == 1:
            return found[0]
        return self._pick(name, found, on)

    def _pick(self, name: str, found: list[Province], on: dt.date | None) -> Province:
        if not self._one_lineage(found):
            raise ProvinceAmbiguous(name, found)
        if on is not None:
            valid = [p for p in found if p.valid_on(on)]
            if len(valid) == 1:
                return valid[0]
        current = [p for p in found if p.current]
        if len(current) == 1:
            return current[0]
        raise ProvinceAmbiguous(name, found)

    def _one_lineage(self, found: list[Province]) -> bool:
        """True when the candidates are one unit over time (each succeeds into another)."""
        ids = {p.id for p in found}
        roots = {self.lineage_root(p.id) for p in found}
        return len(roots) == 1 or all(
            p.succeeded_by in ids or any(q.succeeded_by == p.id for q in found) for p in found
        )

    def lineage_root(self, province_id: str) -> str:
        """Follow `succeeded_by` to the unit in force today."""
        seen = set()
        p = self._by_id[province_id]
        while p.succeeded_by and p.succeeded_by in self._by_id and p.id not in seen:
            seen.add(p.id)
            p = self._by_id[p.succeeded_by]
        return p.id

    def predecessors(self, province_id: str) -> list[Province]:
        """Units that were merged into `province_id` (directly), in gazetteer order."""
        return [p for p in self.provinces if p.succeeded_by == province_id]

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Display names of the provinces whose names are closest to `name`."""
        key = fold(name)
        if not key:
            return []
        scores: dict[str, float] = {}
        for k, provs in self._by_key.items():
            ratio = difflib.SequenceMatcher(None, key, k).ratio()
            for p in provs:
                if ratio > scores.get(p.id, 0.0):
                    scores[p.id] = ratio
        best = sorted(scores.items(), key=lambda kv: -kv[1])
        names: dict[str, None] = {}
        for pid, score in best:
            if score < 0.5 or len(names) >= n:
                break
            names.setdefault(self._by_id[pid].name_vi, None)
        return list(names)


def _variants(text: str) -> Iterator[str]:
    """The folded forms of `text`, then with a known prefix or suffix removed."""
    words = fold_words(text)
    yield fold(text)
    stripped = words
    changed = True
    while changed:
        changed = False
        for pre in _PREFIXES:
            if stripped.startswith(pre + " "):
                stripped = stripped[len(pre) + 1 :]
                changed = True
                yield stripped.replace(" ", "")
        for suf in _SUFFIXES:
            if stripped.endswith(" " + suf):
                stripped = stripped[: -len(suf) - 1]
                changed = True
                yield stripped.replace(" ", "")


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _float(value: str) -> float | None:
    return float(value) if value else None


def read_provinces(rows: Iterable[dict[str, str]]) -> tuple[Province, ...]:
    return tuple(
        Province(
            id=r["id"],
            country=r["country"],
            iso=r["iso_3166_2"] or None,
            name_en=r["name_en"],
            name_native=r["name_native"],
            name_vi=r["name_vi"],
            type=r["type"],
            aliases=_split(r["aliases"]),
            lat=_float(r["lat"]),
            lon=_float(r["lon"]),
            wikidata=r["wikidata"] or None,
            valid_from=_date(r["valid_from"]),
            valid_to=_date(r["valid_to"]),
            succeeded_by=r["succeeded_by"] or None,
        )
        for r in rows
    )


@functools.cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    data = resources.files("app") / "data"
    with (data / "provinces.csv").open(encoding="utf-8") as fh:
        provinces = read_provinces(csv.DictReader(fh))
    with (data / "positions.csv").open(encoding="utf-8") as fh:
        positions = tuple(
            Position(r["title_vi"], r["title_en"], r["level"], r["country"], r["notes"])
            for r in csv.DictReader(fh)
        )
    return Gazetteer(provinces, positions)
