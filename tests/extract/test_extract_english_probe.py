"""English rules from the blind probe round (eight articles written before the fixes, in
`tests/data/articles/*_en.*`): sentences invented for these tests in the style of KPL, VNA,
Nhân Dân, Viet Nam News, VOV, SGGP and the Vientiane Times (people and numbers invented)."""

from __future__ import annotations

import datetime as dt

from app.facts import ArticleFacts
from ingest.extract import extract_document
from ingest.extract.mentions import find_mentions
from tests.extract_helpers import doc_from_text

PUB = dt.date(2024, 10, 9)


def en(text: str, published: dt.date | None = PUB, title: str | None = None) -> ArticleFacts:
    doc = doc_from_text(text, published=published, title=title)
    doc.language = "en"
    return extract_document(doc)


def pairs(f: ArticleFacts) -> set[tuple[str, str]]:
    return {(p.vn, p.la) for p in f.partnerships}


def codes(text: str) -> list[str]:
    return [m.iso for m in find_mentions(text, PUB)]


# --- Vientiane: the province (LA-VI) or the capital (LA-VT) -------------------------------


def test_province_of_vientiane_is_the_province() -> None:
    assert codes("Ben Tre and the Lao province of Vientiane agreed to cooperate.") == ["VN-50", "LA-VI"]
    assert codes("firms in Lao Province of Vientiane") == ["LA-VI"]
    assert codes("the Lao provinces of Bokeo, Oudomxay and Vientiane") == ["LA-BK", "LA-OU", "LA-VI"]
    assert codes("Vientiane province") == ["LA-VI"]


def test_vientiane_alone_or_as_capital_stays_the_capital() -> None:
    assert codes("Vientiane (VNA) – The forum opened.") == ["LA-VT"]
    assert codes("a fair in Vientiane Capital") == ["LA-VT"]
    assert codes("the Lao capital of Vientiane") == ["LA-VT"]
    # a singular `province of A and Vientiane` names one province: Vientiane is the capital
    assert codes("the province of Attapeu and Vientiane") == ["LA-AT", "LA-VT"]


def test_event_venue_of_the_same_country_is_not_a_partner() -> None:
    f = en(
        "An investment forum between the Mekong Delta province of Ben Tre and the Lao province of"
        " Vientiane took place in Vientiane Capital on May 4, drawing 80 firms."
    )
    assert pairs(f) == {("VN-50", "LA-VI")}
    assert f.partnerships[0].rule == "en.partnership.sentence-cue"


def test_event_venue_alone_on_its_side_is_still_a_partner() -> None:
    f = en("Ben Tre held talks with a delegation of Vientiane Capital, which took place in Vientiane.")
    assert pairs(f) == {("VN-50", "LA-VT")}


# --- projects -------------------------------------------------------------------------------


def projects(f: ArticleFacts) -> set[tuple[str | None, str | None, float | None, str | None]]:
    return {(p.funder, p.beneficiary, p.amount, p.currency) for p in f.projects}


def test_passive_funder_after_the_amount() -> None:
    f = en(
        "Vice Governor of Sekong province Bounthanh Keola and Vice Chairman of Ha Nam"
        " People's Committee Tran Duc Lam opened the Ha Nam - Sekong Friendship School, which"
        " was built at a cost of VND7.5 billion provided by Ha Nam."
    )
    assert projects(f) == {("VN-63", "LA-XE", 7.5e9, "VND")}


def test_people_from_a_province_are_not_its_money() -> None:
    f = en("Since 2016 Ha Nam has trained 210 Lao students, most of them from Sekong, at its colleges.")
    assert projects(f) == {("VN-63", "LA-XE", None, None)}


def test_a_province_after_in_is_where_the_money_went_not_who_paid() -> None:
    f = en(
        "Vietnamese investors now run 12 projects in Sekong worth US$90 million, according"
        " to the provincial Planning and Investment Department."
    )
    assert f.projects == []


def test_objects_paid_by_the_amount_are_one_project() -> None:
    f = en(
        "Ha Nam handed over 30 houses built for poor families in Sekong province, with a"
        " total cost of VND3 billion from the Vietnamese province."
    )
    assert projects(f) == {("VN-63", "LA-XE", 3e9, "VND")}


def test_a_count_joined_after_the_amount_is_its_own_project() -> None:
    f = en(
        "Mr. Bounthanh thanked Ha Nam for its support, including a clinic in Lamam district"
        " worth 12 billion dong and 30 scholarships every year for Sekong students."
    )
    assert projects(f) == {("VN-63", "LA-XE", 12e9, "VND"), ("VN-63", "LA-XE", None, None)}
    # a count the amount pays for, after it, is not
    g = en("Ha Nam provided Sekong with VND2 billion for 20 classrooms.")
    assert projects(g) == {("VN-63", "LA-XE", 2e9, "VND")}


def test_officials_trained_and_students_received() -> None:
    f = en("So far, Ha Nam has trained 75 officials of Sekong in public administration.")
    assert projects(f) == {("VN-63", "LA-XE", None, None)}
    g = en("Ha Nam has received 60 Lao students from Sekong to study at its colleges.")
    assert projects(g) == {("VN-63", "LA-XE", None, None)}
    assert en("Ha Nam received a delegation of 60 officials from Sekong.").projects == []


def test_trained_officials_beside_a_field_named_trade() -> None:
    f = en(
        "The two provinces cooperate in agriculture, trade and education, and Ha Nam has"
        " trained 45 agricultural officials of Sekong province."
    )
    assert projects(f) == {("VN-63", "LA-XE", None, None)}
    # trade figures with money stay out
    assert en("Trade between Ha Nam and Sekong reached US$5 million with support of firms.").projects == []


# --- agreements -----------------------------------------------------------------------------


def agreements(f: ArticleFacts) -> set[tuple[str, int | None, tuple[int, int] | None]]:
    return {(a.kind, a.signed_year, a.period) for a in f.agreements}


def test_a_renewed_memorandum_is_a_second_document() -> None:
    f = en(
        "Ha Nam and Sekong signed a memorandum of understanding on health cooperation in 2017"
        " and renewed it in March this year for the 2024-2027 period."
    )
    assert agreements(f) == {("memorandum", 2017, None), ("memorandum", 2024, (2024, 2027))}
    assert {a.rule for a in f.agreements} == {"en.agreement.signed-document", "en.agreement.renewed"}


def test_signing_at_the_end_of_the_reported_meeting_takes_the_lead_date() -> None:
    f = en(
        "The Border Guard Command of Ha Nam and the Military Command of Sekong province held"
        " talks on October 7 to review cooperation.\n\n"
        "At the end of the meeting, the two sides signed minutes of the talks."
    )
    assert [(a.kind, a.signed_year, a.signed_date) for a in f.agreements] == [
        ("minutes", 2024, dt.date(2024, 10, 7))
    ]
    # without such words an undated signing stays undated
    g = en("Ha Nam and Sekong held talks on October 7.\n\nThe two sides signed minutes of the talks.")
    assert [(a.signed_year, a.signed_date) for a in g.agreements] == [(None, None)]
