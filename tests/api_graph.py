"""A small graph for the query-API tests, written for them (facts in our own words).

Four articles cover every kind of fact: two partnerships of Hà Tĩnh and Khăm Muộn, a
three-party minute that also ties in Bolikhamxay, Kon Tum's (pre-2025, now Quảng Ngãi)
partnership with Attapư, and projects paid yearly, once, with no years and in kind.
The API tests build it with `build_graph` / `make_client`; tests/api/test_api_data.py
checks the graph is what they assume.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.facts import (
    AgreementFact,
    ArticleFacts,
    EventFact,
    OfficialFact,
    PartnershipFact,
    ProjectFact,
)
from app.store.base import GraphStore
from tests import factories
from tests.stores import make_store

A1 = "a1a1a1a1a1a1a1a1"
A2 = "b2b2b2b2b2b2b2b2"
A3 = "c3c3c3c3c3c3c3c3"
A4 = "d4d4d4d4d4d4d4d4"


#: Evidence here starts at character 10: the API tests check spans come back as stored.
ev = partial(factories.ev, start=10)


def articles() -> list[ArticleFacts]:
    visit = ev("Chủ tịch tỉnh Hà Tĩnh dẫn đoàn sang thăm tỉnh Khăm Muộn.")
    memo = ev("Hai bên ký bản ghi nhớ hợp tác giáo dục và y tế giai đoạn 2019-2023.")
    return [
        ArticleFacts(
            id=A1,
            source="tests/api/hatinh-2019.txt",
            title="Hà Tĩnh và Khăm Muộn ký bản ghi nhớ hợp tác",
            published=dt.date(2019, 3, 10),
            outlet="example.vn",
            partnerships=[PartnershipFact(vn="VN-23", la="LA-KH", kind="visit", evidence=visit)],
            officials=[
                OfficialFact(
                    name="Trần Thị Minh",
                    province="VN-23",
                    positions=["Chủ tịch UBND tỉnh"],
                    evidence=ev("Bà Trần Thị Minh, Chủ tịch UBND tỉnh Hà Tĩnh, phát biểu."),
                )
            ],
            agreements=[
                AgreementFact(
                    parties=["VN-23", "LA-KH"],
                    kind="memorandum",
                    signed_year=2019,
                    signed_date=dt.date(2019, 3, 9),
                    period=(2019, 2023),
                    fields=["giáo dục", "y tế"],
                    sectors=["education", "health"],
                    signatories=["Trần Thị Minh"],
                    evidence=memo,
                    rule="vi.agreement.signed-document",
                )
            ],
            projects=[
                ProjectFact(
                    funder="VN-23",
                    beneficiary="LA-KH",
                    description="Học bổng cho sinh viên Lào",
                    amount=2_000_000_000,
                    currency="VND",
                    years=(2019, 2021),
                    per_year=True,
                    evidence=ev("Mỗi năm Hà Tĩnh dành 2 tỷ đồng học bổng cho sinh viên Khăm Muộn."),
                )
            ],
            events=[
                EventFact(
                    kind="visit",
                    date="2019-03-09",
                    host="LA-KH",
                    visitor="VN-23",
                    leader="Trần Thị Minh",
                    evidence=visit,
                )
            ],
        ),
        ArticleFacts(
            id=A2,
            source="tests/api/kontum-2021.txt",
            title="Kon Tum hỗ trợ Attapư xây kênh thủy lợi",
            published=dt.date(2021, 8, 1),
            partnerships=[
                PartnershipFact(vn="VN-28", la="LA-AT", evidence=ev("Kon Tum và Attapư thắt chặt quan hệ."))
            ],
            officials=[
                OfficialFact(
                    name="Lê Văn Bình",
                    province="VN-28",
                    positions=["Bí thư Tỉnh ủy"],
                    evidence=ev("Bí thư Tỉnh ủy Kon Tum Lê Văn Bình tiếp đoàn."),
                )
            ],
            agreements=[
                AgreementFact(
                    parties=["VN-28", "LA-AT"],
                    kind="agreement",
                    signed_year=2021,
                    fields=["nông nghiệp"],
                    sectors=["agriculture"],
                    evidence=ev("Hai tỉnh ký thỏa thuận hợp tác nông nghiệp năm 2021."),
                )
            ],
            projects=[
                ProjectFact(
                    funder="VN-28",
                    beneficiary="LA-AT",
                    description="Kênh thủy lợi",
                    amount=500_000,
                    currency="USD",
                    years=(2021, 2022),
                    evidence=ev("Kon Tum tài trợ 500.000 USD xây kênh thủy lợi."),
                )
            ],
            events=[
                EventFact(
                    kind="meeting",
                    date="2021-08",
                    host="LA-AT",
                    visitor="VN-28",
                    evidence=ev("Đoàn Kon Tum hội đàm với lãnh đạo Attapư."),
                )
            ],
        ),
        ArticleFacts(
            id=A3,
            source="tests/api/hatinh-2023.txt",
            title="Biên bản hợp tác ba bên",
            published=dt.date(2023, 4, 2),
            partnerships=[
                PartnershipFact(
                    vn="VN-23", la="LA-KH", evidence=ev("Hà Tĩnh tiếp tục đồng hành cùng Khăm Muộn.")
                )
            ],
            officials=[
                OfficialFact(
                    name="Trần Thị Minh",
                    province="VN-23",
                    positions=["Bí thư Tỉnh ủy"],
                    evidence=ev("Bí thư Tỉnh ủy Trần Thị Minh chủ trì buổi ký."),
                )
            ],
            agreements=[
                AgreementFact(
                    parties=["VN-23", "LA-KH", "LA-BL"],
                    kind="minutes",
                    signed_year=2023,
                    fields=["giao thông"],
                    evidence=ev("Ba tỉnh ký biên bản hợp tác về giao thông."),
                )
            ],
            projects=[
                ProjectFact(
                    funder="VN-23",
                    beneficiary="LA-BL",
                    description="Sửa đường biên giới",
                    amount=300_000_000,
                    currency="VND",
                    evidence=ev("Hà Tĩnh hỗ trợ 300 triệu đồng sửa đường."),
                ),
                ProjectFact(
                    funder="VN-23",
                    beneficiary="LA-BL",
                    description="Trang thiết bị y tế",
                    in_kind="medical equipment",
                    evidence=ev("Hà Tĩnh trao tặng trang thiết bị y tế."),
                ),
            ],
        ),
        ArticleFacts(
            id=A4,
            source="tests/api/quangngai-2022.txt",
            title="Quảng Ngãi thăm Attapư",
            published=dt.date(2022, 11, 11),
            officials=[
                OfficialFact(
                    name="Nguyễn Tiến Hải",
                    province="VN-29",
                    positions=["Phó Chủ tịch UBND tỉnh"],
                    evidence=ev("Phó Chủ tịch UBND tỉnh Quảng Ngãi Nguyễn Tiến Hải dẫn đầu đoàn."),
                )
            ],
            events=[
                EventFact(
                    kind="visit",
                    date="2022-11-10",
                    host="LA-AT",
                    visitor="VN-29",
                    leader="Nguyễn Tiến Hải",
                    evidence=ev("Đoàn Quảng Ngãi thăm tỉnh Attapư."),
                )
            ],
        ),
    ]


def build_graph(store: GraphStore) -> GraphStore:
    return factories.load_all(store, articles())


def make_client(tmp_path: Path) -> Iterator[TestClient]:
    store = build_graph(make_store(tmp_path / "store"))
    with TestClient(create_app(store)) as c:
        yield c
    store.close()
