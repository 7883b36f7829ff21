"""English extraction rules (`ingest/extract/en/`), on sentences written for these tests
in the style of English-language Vietnamese and Lao news (people and numbers invented)."""

from __future__ import annotations

import datetime as dt

from app.facts import ArticleFacts
from ingest.document import Document, Segment, content_id
from ingest.extract import extract_document
from ingest.extract.en.projects import find_amounts
from ingest.extract.en.text import name_country
from ingest.extract.en.timing import day_in
from ingest.metadata import detect_language
from tests.extract_helpers import doc_from_text

PUB = dt.date(2024, 11, 2)


def en(text: str, published: dt.date | None = PUB, title: str | None = None) -> ArticleFacts:
    doc = doc_from_text(text, published=published, title=title)
    doc.language = "en"
    return extract_document(doc)


def pairs(f: ArticleFacts) -> set[tuple[str, str]]:
    return {(p.vn, p.la) for p in f.partnerships}


def people(f: ArticleFacts) -> dict[str, str | None]:
    return {o.name: o.province for o in f.officials}


# --- partnerships -----------------------------------------------------------------------


def test_received_a_delegation_is_a_partnership() -> None:
    f = en(
        "Vice Chairman of the Nghe An Provincial People's Committee Tran Van Khoa received a "
        "delegation from Xiangkhouang province of Laos on October 30."
    )
    assert pairs(f) == {("VN-22", "LA-XI")}
    p = f.partnerships[0]
    assert p.rule == "en.partnership.sentence-cue" and p.confidence == 0.9


def test_co_mention_without_cue_gives_nothing() -> None:
    f = en("Heavy rain hit Quang Tri and Savannakhet last week, the weather bureau said.")
    assert pairs(f) == set()


def test_one_province_with_a_list_of_partners() -> None:
    f = en(
        "Ha Tinh has maintained cooperation with the Lao provinces of Khammouane, Bolikhamxay "
        "and Savannakhet for many years."
    )
    assert pairs(f) == {("VN-23", "LA-KH"), ("VN-23", "LA-BL"), ("VN-23", "LA-SV")}


def test_many_on_both_sides_only_joined_pairs() -> None:
    f = en(
        "The forum gathered Dien Bien, Son La, Thanh Hoa and Luang Prabang, Phongsaly and "
        "Houaphanh to discuss cooperation."
    )
    assert pairs(f) == set()


def test_national_venue_is_not_a_partner() -> None:
    f = en(
        "Lao Prime Minister Sonexay Phomma received a delegation of Bac Giang province in "
        "Vientiane on October 12 and praised its support."
    )
    assert pairs(f) == set()
    assert people(f) == {"Sonexay Phomma": None}
    assert f.officials[0].organisation == "Government of Laos"


def test_president_ho_chi_minh_is_a_person() -> None:
    f = en(
        "The delegation of Savannakhet province offered flowers at the statue of President Ho "
        "Chi Minh and visited the cooperation projects."
    )
    assert pairs(f) == set()
    assert f.officials == []


# --- officials --------------------------------------------------------------------------


def test_title_then_name_with_province_in_the_chain() -> None:
    f = en(
        "Standing Deputy Secretary of the Quang Binh Provincial Party Committee Le Minh Hai "
        "welcomed Deputy Governor of Khammouane Province Bounmy Sisavath."
    )
    assert people(f) == {"Le Minh Hai": "VN-24", "Bounmy Sisavath": "LA-KH"}
    chain = "Standing Deputy Secretary of the Quang Binh Provincial Party Committee"
    assert f.officials[0].positions == [chain]
    assert f.officials[0].rule == "en.official.title-then-name"


def test_name_then_title_chain_and_semicolon_list() -> None:
    f = en(
        "Attending the talks were Mr. Pham Quoc Tuan, Deputy Secretary of the Kon Tum "
        "Provincial Party Committee, Chairman of the provincial People's Council; and Colonel "
        "Vo Thanh Lam, Commander of the Military Command of Kon Tum province."
    )
    assert people(f) == {"Pham Quoc Tuan": "VN-28", "Vo Thanh Lam": "VN-28"}
    lam = next(o for o in f.officials if o.name == "Vo Thanh Lam")
    assert lam.positions[0] == "Colonel"


def test_name_in_commas_after_the_chain_and_lower_case_party_secretary() -> None:
    f = en(
        "Chairman of the provincial People's Committee of Dien Bien, Le Thanh Do, and Oudomxay "
        "Party secretary Khamphet Sengsouvanh held talks on cooperation."
    )
    assert people(f) == {"Le Thanh Do": "VN-71", "Khamphet Sengsouvanh": "LA-OU"}
    g = en("Chairman of the People's Committee of Dien Bien, Muong Lay town, welcomed Oudomxay.")
    assert g.officials == []


def test_a_name_taken_by_one_chain_is_not_the_next_ones() -> None:
    f = en(
        "Present were Chairman of the Gia Lai provincial People's Committee Nguyen Duc Hoa, "
        "Deputy Governor of Attapeu province and other guests, who discussed cooperation."
    )
    assert people(f) == {"Nguyen Duc Hoa": "VN-30"}


def test_secretary_and_governor_of_a_lao_province() -> None:
    f = en(
        "Mr. Vilaykham Phommachanh, Secretary of the Party Committee and Governor of "
        "Salavan Province, thanked Quang Tri for its support."
    )
    assert people(f) == {"Vilaykham Phommachanh": "LA-SL"}
    assert f.officials[0].positions == ["Secretary of the Party Committee", "Governor of Salavan Province"]


def test_delegation_leader_takes_the_delegation_province() -> None:
    f = en("A delegation of Binh Phuoc led by Chairman Tran Tue Hien visited Champasak on May 3.")
    assert people(f) == {"Tran Tue Hien": "VN-58"}


def test_list_head_gives_the_province() -> None:
    f = en(
        "Attendees from Sekong province included Phonesavanh Inthavong, Deputy Governor, "
        "who thanked Quang Nam for its support."
    )
    assert people(f) == {"Phonesavanh Inthavong": "LA-XE"}


def test_name_shape_gives_the_country() -> None:
    assert name_country("Thai Van Quang") == "VN"
    assert name_country("Khamphao Sisouvanh") == "LA"
    assert name_country("Anna") is None


# --- agreements -------------------------------------------------------------------------


def test_signed_mou_with_period_and_date() -> None:
    f = en(
        "On Wednesday (October 30), Lai Chau and Oudomxay signed a memorandum of understanding "
        "on cooperation for the period 2024-2026."
    )
    (a,) = f.agreements
    assert sorted(a.parties) == ["LA-OU", "VN-01"]
    assert a.kind == "memorandum" and a.period == (2024, 2026)
    assert a.signed_date == dt.date(2024, 10, 30)
    assert a.rule == "en.agreement.signed-document"


def test_document_with_a_period_and_no_verb() -> None:
    f = en(
        "The two sides will implement the cooperation agreement between Hue and Salavan for the "
        "2023-2027 period."
    )
    (a,) = f.agreements
    assert a.kind == "agreement" and a.period == (2023, 2027)


def test_signed_mous_with_several_partners_one_per_partner() -> None:
    f = en("Quang Nam signed MoUs with Attapeu, Sekong and Salavan in 2019.")
    assert sorted(tuple(sorted(a.parties)) for a in f.agreements) == [
        ("LA-AT", "VN-27"),
        ("LA-SL", "VN-27"),
        ("LA-XE", "VN-27"),
    ]
    assert {a.signed_year for a in f.agreements} == {2019}


def test_back_reference_planned_and_treaty_are_not_documents() -> None:
    f = en(
        "Son La and Luang Prabang signed a cooperation agreement on October 3.\n\n"
        "The freshly inked pact covers trade between Son La and Luang Prabang.\n\n"
        "Son La and Houaphanh will sign a memorandum next year.\n\n"
        "Son La and Houaphanh marked the anniversary of the friendship treaty "
        "signed by the two countries."
    )
    assert [sorted(a.parties) for a in f.agreements] == [["LA-LP", "VN-05"]]


def test_anaphor_takes_the_article_pair() -> None:
    f = en(
        "Leaders of Tay Ninh and Champasak held talks on Monday.\n\n"
        "The two provinces signed minutes of talks after the meeting."
    )
    (a,) = f.agreements
    assert sorted(a.parties) == ["LA-CH", "VN-37"] and a.kind == "minutes"


# --- projects ---------------------------------------------------------------------------


def test_amounts_english_separators_and_qualifiers() -> None:
    text = "over VND5.5 billion, US$200,000, 52.5 billion VND (2.1 million USD) and about 3,000 USD"
    got = [(a.value, a.currency, a.qualifier) for a in find_amounts(text, 0, len(text))]
    assert got == [
        (5.5e9, "VND", "more_than"),
        (200000.0, "USD", None),
        (52.5e9, "VND", None),
        (2.1e6, "USD", None),
        (3000.0, "USD", "about"),
    ]


def test_handover_with_funder_beneficiary_years_and_equivalent() -> None:
    f = en(
        "Quang Tri handed over to Savannakhet a school built at a cost of nearly 12.5 billion "
        "VND (some 500,000 USD) of non-refundable aid from Quang Tri between 2021 and 2023."
    )
    (p,) = f.projects
    assert (p.funder, p.beneficiary, p.amount, p.currency) == ("VN-25", "LA-SV", 12.5e9, "VND")
    assert p.qualifier == "nearly" and p.years == (2021, 2023)
    assert p.rule == "en.project.amount"


def test_investment_in_laos_in_general_has_no_beneficiary() -> None:
    f = en("Investment by Nghe An enterprises in Laos has reached about US$75 million so far.")
    (p,) = f.projects
    assert (p.funder, p.beneficiary, p.amount, p.qualifier) == ("VN-22", None, 75e6, "about")


def test_each_gives_one_project_per_beneficiary() -> None:
    f = en("Ha Giang presented Phongsaly and Luang Namtha VND300 million each for flood relief.")
    assert {(p.beneficiary, p.amount) for p in f.projects} == {("LA-PH", 3e8), ("LA-LM", 3e8)}


def test_quantified_in_kind_support_is_a_project_without_amount() -> None:
    f = en("Over the past year, Nghe An granted 45 scholarships to students from Houaphanh province.")
    (p,) = f.projects
    assert (p.funder, p.beneficiary, p.amount, p.in_kind) == ("VN-22", "LA-HO", None, "45 scholarships")
    assert p.rule == "en.project.in-kind"
    assert en("Nghe An will continue to support Houaphanh in education.").projects == []


def test_province_before_the_head_and_honorific_after_the_chain() -> None:
    f = en(
        "Quang Tri Party Secretary Tran Quoc Nam met Governor of Savannakhet Province, Mr. "
        "Phonesack Keomany, to discuss cooperation."
    )
    assert people(f) == {"Tran Quoc Nam": "VN-25", "Phonesack Keomany": "LA-SV"}


def test_trade_statistics_are_not_projects() -> None:
    f = en("Trade between Lao Cai and Oudomxay reached US$30 million, supported by new roads.")
    assert f.projects == []


# --- text handling ----------------------------------------------------------------------


def test_caption_glued_to_the_lead_is_split_and_date_marker_read() -> None:
    text = (
        " date 2024-03-05 Leaders of Dak Nong and Attapeu at the talks (Photo: VNA)Dak Nong (VNA) "
        "– Dak Nong province and Attapeu province signed a cooperation agreement on March 4."
    )
    doc = Document(
        source="t.txt", id=content_id(text), text=text, language="en", segments=[Segment(text, 0, "body")]
    )
    f = extract_document(doc)
    assert f.published == dt.date(2024, 3, 5)
    (a,) = f.agreements
    assert a.evidence.sentence.startswith("Dak Nong (VNA)") and a.signed_date == dt.date(2024, 3, 4)
    assert pairs(f) == {("VN-72", "LA-AT")}


def test_dateline_is_the_place_of_reporting_not_a_party() -> None:
    f = en(
        "VIENTIANE, Nov. 5 (KPL) – Savannakhet and Quang Tri signed a cooperation agreement on "
        "tourism for the period 2025-2027."
    )
    assert pairs(f) == {("VN-25", "LA-SV")}
    assert [sorted(a.parties) for a in f.agreements] == [["LA-SV", "VN-25"]]
    g = en("LAI CHAU — The provincial leaders received a delegation from Oudomxay on Monday.")
    assert pairs(g) == set()  # the dateline alone does not make the host a party


def test_dates_take_the_page_year() -> None:
    assert day_in("on Wednesday (December 25)", dt.date(2024, 12, 27)) == dt.date(2024, 12, 25)
    assert day_in("on December 28", dt.date(2025, 1, 3)) == dt.date(2024, 12, 28)
    assert day_in("on October 26", None) is None
    assert day_in("signed on 26 October 2019", None) == dt.date(2019, 10, 26)


def test_english_is_detected_and_dispatched() -> None:
    text = (
        "Lao Cai and Phongsaly provinces strengthen cooperation. The two sides signed an agreement "
        "on trade and tourism for the period 2024-2026, and the provincial leaders held talks on "
        "border management and education with the delegation of the Lao province."
    )
    assert detect_language(text) == "en"
    f = en(text)
    assert f.language == "en" and ("VN-02", "LA-PH") in pairs(f)


def test_english_page_with_a_vietnamese_menu_is_english() -> None:
    menu = "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Văn hóa | Thể thao | Pháp luật | Đời sống\n"
    body = (
        "The delegation of Quang Nam province visited Sekong on Friday to review the cooperation "
        "between the two localities in education, health care and border management, and the "
        "leaders of both sides agreed to increase exchanges of delegations in the coming years. "
    ) * 2
    assert detect_language(menu + body) == "en"


def test_lao_script_or_french_gives_no_facts() -> None:
    f = en("ແຂວງສະຫວັນນະເຂດ ແລະ ແຂວງກວາງຈິ ໄດ້ລົງນາມ")
    assert not f.partnerships and f.warnings
    g = en("La province de Quang Tri et la province de Savannakhet ont une longue histoire commune.")
    assert not g.partnerships and not g.agreements


def test_vietnamese_pages_unaffected() -> None:
    f = extract_document(
        doc_from_text("Sáng 5/3, tỉnh Quảng Trị và tỉnh Savannakhet đã ký kết biên bản ghi nhớ hợp tác.")
    )
    assert pairs(f) == {("VN-25", "LA-SV")}


# --- generalisation round: invented sentences in other outlets' styles -----------------


def test_lower_case_titles_with_the_name_after_or_in_commas() -> None:
    f = en(
        "Leaders of Dien Bien and Luang Prabang held talks. The guests were headed by the "
        "governor of Luang Prabang province, Sengphet Vilaykham, and the hosts by provincial "
        "chairman Lo Van Tien."
    )
    assert people(f) == {"Sengphet Vilaykham": "LA-LP", "Lo Van Tien": "VN-71"}


def test_lower_case_title_without_a_name_is_nobody() -> None:
    f = en("The governor of Attapeu province thanked Kon Tum for its support and the chairman said so.")
    assert f.officials == []


def test_honorific_ms_does_not_end_the_sentence() -> None:
    f = en("The ceremony was attended by Vice Governor of Salavan Province Ms. Bouachan Sivongsa.")
    assert people(f) == {"Bouachan Sivongsa": "LA-SL"}


def test_proposed_or_drafted_documents_are_not_agreements() -> None:
    f = en(
        "Nghe An and Xieng Khouang held talks on cooperation.\n\n"
        "He proposed the two provinces sign a new agreement on health in the time ahead.\n\n"
        "Both sides agreed to draft a new cooperation agreement for 2026-2030, which is "
        "expected to be signed next spring."
    )
    assert f.agreements == []
    assert pairs(f) == {("VN-22", "LA-XI")}


def test_existing_document_with_a_future_clause_keeps_its_period() -> None:
    f = en(
        "Quang Binh and Khammouane will work more closely on the basis of the memorandum of "
        "understanding between the two provinces for the 2023-2027 period."
    )
    assert [(a.parties, a.period) for a in f.agreements] == [(["VN-24", "LA-KH"], (2023, 2027))]


def test_a_unit_word_subject_is_the_article_province() -> None:
    f = en(
        "Ha Tinh and Bolikhamxay reviewed their cooperation.\n\n"
        "The province has also provided Bolikhamxay with VND4.5 billion to build a clinic.\n\n"
        "The Lao governor thanked the Vietnamese province for granting 25 scholarships a year to "
        "Bolikhamxay students."
    )
    got = {(p.funder, p.beneficiary, p.amount, p.rule) for p in f.projects}
    assert got == {
        ("VN-23", "LA-BL", 4.5e9, "en.project.amount"),
        ("VN-23", "LA-BL", None, "en.project.in-kind"),
    }


def test_the_province_as_recipient_is_the_other_side() -> None:
    f = en(
        "Bolikhamxay received aid from Ha Tinh province.\n\n"
        "Ha Tinh also presented 12 tonnes of rice to poor families of the province."
    )
    rice = [p for p in f.projects if p.in_kind]
    assert [(p.funder, p.beneficiary) for p in rice] == [("VN-23", "LA-BL")]


def test_a_company_whose_province_an_earlier_sentence_gives() -> None:
    f = en(
        "Quang Tri signed an agreement with Savannakhet.\n\n"
        "Quang Tri enterprises are present in the Lao province. The Minh Phat Company has "
        "invested US$3.5 million in a cassava plant there."
    )
    got = [(p.funder, p.beneficiary, p.amount, p.rule) for p in f.projects]
    assert got == [("VN-25", "LA-SV", 3.5e6, "en.project.company-elsewhere")]


def test_company_without_a_home_province_gives_nothing() -> None:
    f = en(
        "Quang Tri signed an agreement with Savannakhet.\n\n"
        "A Thai company has invested US$3 million in a sugar plant there."
    )
    assert f.projects == []


def test_trained_officials_and_students_of_a_province_with_money_in_the_same_sentence() -> None:
    f = en(
        "Son La has trained more than 900 Houaphanh officials and students and provided aid "
        "worth 80 billion kip for rural roads."
    )
    got = {(p.funder, p.beneficiary, p.amount, p.currency) for p in f.projects}
    assert got == {("VN-05", "LA-HO", None, None), ("VN-05", "LA-HO", 8e10, "LAK")}


def test_list_of_pairs_gives_each_pair() -> None:
    f = en(
        "Border provinces such as Lai Chau and Phongsaly, Dien Bien and Luang Prabang, and "
        "Son La and Houaphanh have signed twinning agreements."
    )
    assert pairs(f) == {("VN-01", "LA-PH"), ("VN-71", "LA-LP"), ("VN-05", "LA-HO")}
    assert {p.rule for p in f.partnerships} == {"en.partnership.pair-list"}


def test_a_plain_list_is_not_a_list_of_pairs() -> None:
    f = en("Delegations of Lai Chau, Phongsaly, Dien Bien and Luang Prabang attended the border festival.")
    assert pairs(f) == set()


def test_attendees_of_a_national_meeting_are_not_partners() -> None:
    f = en(
        "Deputy Prime Minister Pham Van Khoa and his Lao counterpart chaired a session of the "
        "Intergovernmental Committee on cooperation.\n\n"
        "The session was attended by representatives of Quang Binh and Khammouane provinces."
    )
    assert pairs(f) == set()


def test_places_naming_a_route_are_not_partners() -> None:
    f = en("The two governments reviewed cooperation on the Vientiane - Hanoi expressway.")
    assert pairs(f) == set()


def test_inline_related_link_in_the_body_gives_nothing() -> None:
    f = en(
        "Kon Tum and Attapeu held talks on border cooperation.\n\n"
        "Related news: Quang Nam, Sekong boost ties in education"
    )
    assert pairs(f) == {("VN-28", "LA-AT")}


def test_english_date_lines_are_page_dates() -> None:
    from ingest.metadata import parse_date_line

    assert parse_date_line("Wednesday, March 5, 2025 17:45") == dt.date(2025, 3, 5)
    assert parse_date_line("Posted 5 March 2025 | 08:00") == dt.date(2025, 3, 5)
    assert parse_date_line("The talks on March 5, 2025 covered education, health, trade and tourism") is None


# --- bad input (issue 7): no false facts, a warning, the run goes on -------------------


def _read(text: str, name: str = "page.txt") -> ArticleFacts:
    from ingest.reading import document_from_bytes

    return extract_document(document_from_bytes(text.encode("utf-8"), source=name, suffix=".txt"))


def _nothing(f: ArticleFacts) -> bool:
    return not (f.partnerships or f.officials or f.agreements or f.projects)


def test_french_page_gives_no_facts_and_a_warning() -> None:
    f = _read(
        "Le Courrier du Vietnam\n\nCoopération entre provinces\n\n"
        "La province de Quang Tri et la province laotienne de Savannakhet ont signé un accord de "
        "coopération pour la période 2024-2028. Le gouverneur de Savannakhet, Monsieur Khamla "
        "Sivilay, a remercié Quang Tri pour une aide de 2 milliards de dongs.",
        "fr.txt",
    )
    assert _nothing(f)
    assert any("no Vietnam–Laos" in w for w in f.warnings)


def test_lao_script_page_gives_no_facts_and_a_warning() -> None:
    f = _read(
        "ແຂວງສະຫວັນນະເຂດ ແລະ ແຂວງກວາງຈິ ໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ວ່າດ້ວຍການຮ່ວມມື "
        "ໄລຍະ 2024-2028 (Savannakhet - Quang Tri).\n\nທ່ານ ຄຳລາ ສີວິໄລ ເຈົ້າແຂວງ ໄດ້ກ່າວ.",
        "lo.txt",
    )
    assert f.language == "lo"
    assert _nothing(f)
    assert f.warnings


def test_page_without_vietnam_laos_content_gives_a_warning() -> None:
    f = en(
        "Tay Ninh and Cambodia's Svay Rieng signed a memorandum of understanding on border trade. "
        "Tay Ninh will provide VND2 billion to Svay Rieng to build a school."
    )
    assert not (f.partnerships or f.agreements or f.projects)
    assert any("no Vietnam–Laos" in w for w in f.warnings)


def test_english_page_with_vietnamese_menu_and_links_reads_the_english_body() -> None:
    body = (
        "Quang Tri (VNA) - The central province of Quang Tri and the Lao province of Savannakhet "
        "signed a cooperation agreement for the 2024-2028 period on May 3. The agreement covers "
        "education, health, agriculture, tourism and the management of the shared border, and "
        "the two provinces also agreed to hold annual meetings to review its implementation. "
        "Speaking at the ceremony, the leaders of both sides said that the friendship between "
        "the two localities had been built over many decades and would be passed on to the "
        "younger generations of both countries."
    )
    f = _read(
        "VietnamPlus\n\nTrang chủ | Chính trị | Kinh tế | Xã hội | Thế giới\n\n"
        "Quang Tri, Savannakhet sign cooperation agreement\n\n" + body + "\n\n"
        "Tin liên quan: Tỉnh Hà Tĩnh hỗ trợ tỉnh Bôlykhămxay 5 tỷ đồng",
        "mixed.txt",
    )
    assert f.language == "en"
    assert pairs(f) == {("VN-25", "LA-SV")}
    assert [(a.parties, a.period) for a in f.agreements] == [(["VN-25", "LA-SV"], (2024, 2028))]
    assert f.projects == []


def test_very_long_participant_list() -> None:
    lao = "; ".join(f"Mr. Khamsay Phommachanh{i:02d}x, Director of the Department No{i}" for i in range(40))
    f = en(
        "Houaphanh and Son La held their annual talks.\n\n"
        f"Attending the talks from Houaphanh province were {lao}; and Ms. Vanida Sengsouly, Vice Governor."
    )
    assert pairs(f) == {("VN-05", "LA-HO")}
    assert all(o.province == "LA-HO" for o in f.officials)
    assert people(f).get("Vanida Sengsouly") == "LA-HO"


def test_attendance_prefilter_covers_every_word() -> None:
    from ingest.extract.en.partnerships import _ATTEND_HINTS
    from ingest.extract.vocab import vocabulary

    for word in vocabulary("en", "cues")["attendance"].words:
        assert any(h in word for h in _ATTEND_HINTS), word
