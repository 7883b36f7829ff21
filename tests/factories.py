"""Facts for tests, written by hand: small, realistic, and in our own words.

Also the helpers every module that hand-builds facts uses (`ev`, `load_all`), so that the
modules keep only their own data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from app.facts import (
    AgreementFact,
    ArticleFacts,
    EventFact,
    Evidence,
    OfficialFact,
    PartnershipFact,
    ProjectFact,
    Zone,
)
from app.store.base import GraphStore
from ingest.load import load_articles

S = TypeVar("S", bound=GraphStore)


def ev(sentence: str, start: int = 0, zone: Zone = "body") -> Evidence:
    """`sentence` as evidence, found at character `start` of the article's `zone`."""
    return Evidence(sentence=sentence, start=start, end=start + len(sentence), zone=zone)


def load_all(store: S, articles: Sequence[ArticleFacts]) -> S:
    """`store` with `articles` loaded, failing the test if any article was rejected."""
    report = load_articles(store, articles)
    assert not report.failed, report.failed
    return store


def camau_khammouane(
    article_id: str = "a1b2c3d4e5f60708", published: dt.date | None = dt.date(2023, 1, 5)
) -> ArticleFacts:
    """A visit of a Lao delegation to a Vietnamese province, with a minute and yearly aid."""
    visit = ev("Đoàn lãnh đạo tỉnh Khăm Muộn sang thăm và làm việc với tỉnh Cà Mau.")
    return ArticleFacts(
        id=article_id,
        source="tests/camau.txt",
        title="Cà Mau và Khăm Muộn tăng cường hợp tác",
        published=published,
        outlet="example.vn",
        partnerships=[PartnershipFact(vn="VN-59", la="LA-KH", kind="visit", evidence=visit)],
        officials=[
            OfficialFact(
                name="Nguyễn Văn Thử",
                province="VN-59",
                positions=["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
                evidence=ev("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Cà Mau Nguyễn Văn Thử tiếp đoàn."),
            )
        ],
        agreements=[
            AgreementFact(
                parties=["VN-59", "LA-KH"],
                kind="minutes",
                signed_year=2014,
                fields=["đào tạo cán bộ"],
                sectors=["education"],
                evidence=ev("Hai tỉnh ký biên bản hợp tác từ năm 2014."),
            )
        ],
        projects=[
            ProjectFact(
                funder="VN-59",
                beneficiary="LA-KH",
                description="Yearly support for training officials",
                amount=1_000_000_000,
                currency="VND",
                years=(2019, 2023),
                per_year=True,
                evidence=ev("Mỗi năm Cà Mau hỗ trợ Khăm Muộn 1 tỷ đồng đào tạo cán bộ."),
            )
        ],
        events=[EventFact(kind="visit", date="2023-01-05", host="VN-59", visitor="LA-KH", evidence=visit)],
    )


def hatinh_khammouane(article_id: str = "0f0e0d0c0b0a0908") -> ArticleFacts:
    return ArticleFacts(
        id=article_id,
        source="tests/hatinh.txt",
        title="Hà Tĩnh hỗ trợ Khăm Muộn",
        published=dt.date(2022, 6, 1),
        partnerships=[
            PartnershipFact(vn="VN-23", la="LA-KH", evidence=ev("Hà Tĩnh và Khăm Muộn ký kết hợp tác."))
        ],
        projects=[
            ProjectFact(
                funder="VN-23",
                beneficiary="LA-KH",
                description="School building",
                amount=8_300_000_000,
                currency="VND",
                evidence=ev("Hà Tĩnh tài trợ 8,3 tỷ đồng xây trường học."),
            )
        ],
    )


def kontum_attapeu(article_id: str = "1234abcd5678ef90") -> ArticleFacts:
    """A pre-2025 partnership of Kon Tum, now part of Quảng Ngãi."""
    return ArticleFacts(
        id=article_id,
        source="tests/kontum.txt",
        title="Kon Tum và Attapư ký bản ghi nhớ",
        published=dt.date(2021, 3, 2),
        partnerships=[
            PartnershipFact(vn="VN-28", la="LA-AT", evidence=ev("Kon Tum và Attapư ký bản ghi nhớ hợp tác."))
        ],
        agreements=[
            AgreementFact(
                parties=["VN-28", "LA-AT"],
                kind="memorandum",
                signed_year=2021,
                period=(2021, 2025),
                evidence=ev("Kon Tum và Attapư ký bản ghi nhớ hợp tác."),
            )
        ],
    )
