"""The gazetteer is reference data: check it like code."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from app.gazetteer import ProvinceAmbiguous, ProvinceNotFound, gazetteer
from app.names import fold

G = gazetteer()


@pytest.mark.parametrize(
    "name",
    [
        "Khammouane",
        "Khăm Muộn",
        "khăm muồn",
        "khammuan",
        "LA-KH",
        "la-kh",
        "khammouane",
        "tỉnh Khăm Muộn",
        "Khăm Muộn (Lào)",
        "KHĂM-MUỘN",
        "Khammouane Province",
        "Cam Môn",
    ],
)
def test_khammouane_spellings_resolve_to_one_place(name: str) -> None:
    assert G.resolve(name).id == "khammouane"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TP Cần Thơ", "can-tho-2025"),
        ("thành phố Đà Nẵng", "da-nang-2025"),
        ("TP.HCM", "ho-chi-minh-city-2025"),
        ("tỉnh Viêng Chăn", "vientiane-province"),
        ("Thủ đô Viêng Chăn", "vientiane-capital"),
        ("Sê Kông", "sekong"),
        ("Bôlykhămxay", "bolikhamsai"),
        ("VN-28", "kon-tum"),
        ("Kon Tum", "kon-tum"),
        ("Quảng Ngãi", "quang-ngai-2025"),
    ],
)
def test_prefixes_and_codes(name: str, expected: str) -> None:
    assert G.resolve(name).id == expected


def test_dates_pick_the_unit_in_force() -> None:
    assert G.resolve("Quảng Ngãi", on=dt.date(2023, 5, 1)).id == "quang-ngai"
    assert G.resolve("Quảng Ngãi", on=dt.date(2025, 8, 1)).id == "quang-ngai-2025"
    assert G.resolve("Thừa Thiên Huế", on=dt.date(2024, 1, 1)).id == "thua-thien-hue"
    assert G.resolve("Cà Mau", on=dt.date(2023, 1, 5)).iso == "VN-59"


def test_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(ProvinceNotFound) as info:
        G.resolve("Khammuoane")
    assert "Khăm Muộn" in info.value.suggestions
    with pytest.raises(ProvinceNotFound) as info:
        G.resolve("Atlantis")
    assert "Atlantis" in str(info.value)


def test_empty_name_is_unknown() -> None:
    with pytest.raises(ProvinceNotFound):
        G.resolve("   ")


def test_every_surface_form_is_one_lineage() -> None:
    """A name may denote a unit before and after 2025, never two unrelated units."""
    for key, provinces in G.keys():  # noqa: SIM118 - Gazetteer.keys yields (key, provinces)
        if len(provinces) > 1:
            assert G._one_lineage(provinces), (key, [p.id for p in provinces])


def test_every_name_resolves_back_to_its_province_or_lineage() -> None:
    for p in G.provinces:
        for name in p.names:
            try:
                got = G.resolve(name, on=p.valid_to or p.valid_from or dt.date(2024, 1, 1))
            except ProvinceAmbiguous:
                pytest.fail(f"{name!r} of {p.id} is ambiguous")
            assert G.lineage_root(got.id) == G.lineage_root(p.id), (name, p.id, got.id)


def test_iso_codes_match_iso_3166_2() -> None:
    known = {s.code for s in pycountry.subdivisions if s.country_code in ("VN", "LA")}
    codes = [p.iso for p in G.provinces if p.iso]
    assert len(codes) == len(set(codes)) == 81
    assert set(codes) <= known


def test_counts_and_succession() -> None:
    vn_old = [p for p in G.all("VN") if p.valid_to is not None or p.iso]
    assert len(G.all("LA")) == 18
    assert len([p for p in G.all("VN", current_only=True)]) == 34
    assert len({p.iso for p in vn_old if p.iso}) == 63
    for p in G.provinces:
        if p.succeeded_by:
            nxt = G.get(p.succeeded_by)
            assert p.valid_to is not None and nxt.valid_from == p.valid_to + dt.timedelta(days=1)
    assert [q.id for q in G.predecessors("quang-ngai-2025")] == ["kon-tum", "quang-ngai"]


def test_coordinates_lie_in_the_region() -> None:
    for p in G.provinces:
        assert p.lat is not None and p.lon is not None
        assert 8 <= p.lat <= 23.5 and 100 <= p.lon <= 110, p.id


def test_fold_ignores_diacritics_case_and_punctuation() -> None:
    assert fold("Khăm-Muộn") == fold("kham muon") == "khammuon"
    assert fold("Đà Nẵng") == "danang"


def test_bare_hue_follows_the_date() -> None:
    assert G.resolve("Huế", on=dt.date(2023, 4, 1)).iso == "VN-26"
    assert G.resolve("Huế", on=dt.date(2025, 2, 1)).id == "hue"
    assert G.resolve("Huế").id == "hue"
