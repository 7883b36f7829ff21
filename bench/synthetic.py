"""Synthetic facts over real gazetteer provinces, for benchmarks (deterministic per seed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from app.facts import (
    AgreementFact,
    ArticleFacts,
    EventFact,
    Evidence,
    OfficialFact,
    PartnershipFact,
    ProjectFact,
)
from app.gazetteer import gazetteer

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Hữu Hải", "Thanh Hà", "Đức Long"]
LAO = ["Khamphan", "Souksavanh", "Vilayvong", "Phommachanh", "Sisouphan", "Bounmy"]


def articles(n: int, seed: int = 7) -> list[ArticleFacts]:
    """`n` articles of five facts each (partnership, official, agreement, project, event)."""
    rng = random.Random(seed)
    gaz = gazetteer()
    vn = [p.iso for p in gaz.all("VN") if p.iso]
    la = [p.iso for p in gaz.all("LA") if p.iso]
    out = []
    for i in range(n):
        a, b = rng.choice(vn), rng.choice(la)
        year = rng.randint(2005, 2024)
        published = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        sentence = f"Tỉnh {a} và tỉnh {b} ký kết hợp tác, bài số {i}."
        ev = Evidence(sentence=sentence, start=0, end=len(sentence))
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {i % 997}"
        out.append(
            ArticleFacts(
                id=hashlib.sha256(f"{seed}-{i}".encode()).hexdigest()[:16],
                source=f"synthetic/{i}.txt",
                title=f"Hợp tác {a}–{b} ({i})",
                published=published,
                partnerships=[PartnershipFact(vn=a, la=b, evidence=ev)],
                officials=[OfficialFact(name=name, province=a, positions=["Bí thư Tỉnh ủy"], evidence=ev)],
                agreements=[
                    AgreementFact(
                        parties=[a, b], kind="memorandum", signed_year=year, fields=["giáo dục"], evidence=ev
                    )
                ],
                projects=[
                    ProjectFact(
                        funder=a,
                        beneficiary=b,
                        description=f"project {i}",
                        amount=float(rng.randint(1, 500) * 1_000_000),
                        currency="VND",
                        evidence=ev,
                    )
                ],
                events=[EventFact(kind="visit", date=published.isoformat(), host=a, visitor=b, evidence=ev)],
            )
        )
    return out
