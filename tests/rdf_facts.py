"""Facts for the RDF tests, written by hand, and the store they load into.

Besides the shared factories they cover what the export must survive: quotes, newlines,
backslashes and control characters in text, an article URL with spaces and braces, Lao
script, an English article, an organisation, dates at month precision, in-kind aid,
partnerships of provinces merged in 2025, and a unit created by the merger.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

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
from tests.factories import camau_khammouane, hatinh_khammouane, kontum_attapeu
from tests.stores import make_store

#: Evidence here starts at character 10 unless a test says otherwise.
ev = partial(factories.ev, start=10)


def awkward_article() -> ArticleFacts:
    """Text that breaks naive serialisers, in one article."""
    return ArticleFacts(
        id="abcdef0123456789",
        source="tests/awkward page.html",
        url='https://example.vn/tin tuc/{hop-tac}?a=1&b="2"',
        title='Nghệ An – Xiêng Khoảng: "hợp tác" \\ toàn diện\nphần 2',
        published=dt.date(2024, 9, 12),
        outlet="example.vn",
        partnerships=[
            PartnershipFact(
                vn="VN-22",
                la="LA-XI",
                kind="twinning",
                rule="vi.partnership.strong-cue",
                year=2012,
                evidence=ev('Hai tỉnh "kết nghĩa" từ năm 2012;\ttab\\gạch\r\nxuống dòng\x07.', zone="title"),
            )
        ],
        officials=[
            OfficialFact(
                name="Thongsavanh Phomvihane",
                province="LA-XI",
                organisation="Ủy ban Nhân dân tỉnh Xiêng Khoảng (ແຂວງຊຽງຂວາງ)",
                positions=["Tỉnh trưởng"],
                evidence=ev("Tỉnh trưởng Xiêng Khoảng Thongsavanh Phomvihane phát biểu."),
            )
        ],
        agreements=[
            AgreementFact(
                parties=["VN-22", "LA-XI"],
                kind="agreement",
                signed_year=2024,
                signed_date=dt.date(2024, 9, 10),
                period=(2024, 2028),
                fields=["y tế", "giáo dục"],
                sectors=["health", "education"],
                count=3,
                signatories=["Thongsavanh Phomvihane"],
                evidence=ev("Hai bên ký 3 văn bản thỏa thuận giai đoạn 2024 - 2028."),
            )
        ],
        projects=[
            ProjectFact(
                funder="VN-22",
                beneficiary="LA-XI",
                description="Trường học tặng tỉnh bạn",
                in_kind="một trường học",
                evidence=ev("Nghệ An trao tặng một trường học."),
            ),
            ProjectFact(
                funder="VN-22",
                beneficiary="LA-XI",
                description="Hỗ trợ bằng đô la",
                amount=0.5,
                currency="USD",
                years=(2024, 2024),
                evidence=ev("Hỗ trợ 0,5 đô la mỗi người (số liệu thử)."),
            ),
        ],
        events=[
            EventFact(
                kind="meeting",
                date="2024-09",
                host="VN-22",
                visitor="LA-XI",
                leader="Thongsavanh Phomvihane",
                evidence=ev("Hội đàm diễn ra tại Vinh vào tháng 9."),
            )
        ],
    )


def merged_era_article() -> ArticleFacts:
    """After 1 July 2025: the merged Quảng Ngãi (with Kon Tum) and an English article."""
    return ArticleFacts(
        id="fedcba9876543210",
        source="https://example.org/en/quang-ngai-attapeu",
        url="https://example.org/en/quang-ngai-attapeu",
        title="Quang Ngai and Attapeu renew cooperation",
        published=dt.date(2025, 8, 20),
        language="en",
        partnerships=[
            PartnershipFact(
                vn="Quảng Ngãi",
                la="LA-AT",
                evidence=ev("The new Quang Ngai province and Attapeu agreed to keep working together."),
            )
        ],
        projects=[
            ProjectFact(
                funder="Quảng Ngãi",
                beneficiary="LA-AT",
                description="Yearly scholarships",
                amount=2_500_000_000.0,
                currency="VND",
                years=(2025, 2027),
                per_year=True,
                evidence=ev("Quang Ngai will fund scholarships worth 2.5 billion dong a year."),
            )
        ],
    )


def realistic_articles() -> list[ArticleFacts]:
    return [
        camau_khammouane(),
        hatinh_khammouane(),
        kontum_attapeu(),
        awkward_article(),
        merged_era_article(),
    ]


@contextlib.contextmanager
def loaded_store(path: Path, articles: list[ArticleFacts] | None = None) -> Iterator[GraphStore]:
    """An embedded store at `path` holding `articles` (default: `realistic_articles()`)."""
    store = make_store(path)
    try:
        yield factories.load_all(store, realistic_articles() if articles is None else articles)
    finally:
        store.close()
