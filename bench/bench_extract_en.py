"""English extraction throughput: articles per second on one core over synthetic ~5 KB
English articles (invented sentences in the style of English-language Vietnamese and Lao
news), measured like `bench_extract.py` (best of the rounds, per CPU second).

Run: `python bench/bench_extract_en.py [N] [ROUNDS]` (default 1000 articles, 5 rounds).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from app.gazetteer import gazetteer
from ingest.document import Document, Segment, content_id
from ingest.extract import extract_document

VN_NAMES = ("Nguyen Van An", "Tran Thi Binh", "Le Quoc Cuong", "Pham Minh Duc", "Vo Thanh Ha")
LA_NAMES = ("Khamphan Xaynha", "Bounthong Vongxay", "Phet Savanh", "Somphone Khamsy")
TEMPLATES = (
    "On {month} {d}, a delegation of {la} province led by Deputy Governor {la_name} visited and "
    "worked with {vn} province.",
    "Vice Chairman of the {vn} Provincial People's Committee {vn_name} said the two sides had "
    "coordinated well in border management, crime prevention and information exchange.",
    "In {y}, {vn} signed a memorandum of understanding with {la} on cooperation in agriculture, "
    "education, health care and tourism for the period {y}-{y2}.",
    "Between {y} and {y2}, {vn} provided {la} with VND{amt} billion to build schools and presented "
    "{t} tonnes of rice to poor villages.",
    "{la} also donated US${usd},000 to {vn} to help overcome the consequences of natural disasters.",
    "Trade through the border gate reached US${amt}0 million, up from the same period last year.",
    "Mr. {la_name}, Member of the Party Central Committee, Secretary of the Provincial Party "
    "Committee and Governor of {la} Province, highly appreciated the support of {vn} province.",
)
FILLER = (
    "Delegates discussed economic, cultural and social development, security and order, and ways "
    "to improve the lives of people in the border areas.",
    "In the coming time, the two sides agreed to step up delegation exchanges at all levels and to "
    "share experience in management, investment promotion, trade and tourism.",
    "Speaking at the working session, the local leaders expressed their delight at the results and "
    "asked departments to coordinate closely in implementing the signed contents.",
    "Budget revenue in {y} reached VND{amt},{t}00 billion and per capita income rose; political "
    "security was maintained and people's lives gradually improved.",
    "On this occasion, the delegation toured several high-tech farming models, industrial parks "
    "and vocational schools in the locality.",
)
MONTHS = ("January", "March", "April", "June", "August", "October", "December")


def make_article(rng: random.Random, vn: list[str], la: list[str], size: int = 5000) -> Document:
    paragraphs: list[str] = []
    total = 0
    while total < size:
        t = rng.choice(TEMPLATES) if rng.random() < 0.4 else rng.choice(FILLER)
        y = rng.randint(2010, 2023)
        p = t.format(
            d=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            vn=rng.choice(vn),
            la=rng.choice(la),
            vn_name=rng.choice(VN_NAMES),
            la_name=rng.choice(LA_NAMES),
            y=y,
            y2=y + rng.randint(1, 5),
            amt=rng.randint(1, 9),
            t=rng.randint(1, 20),
            usd=rng.randint(5, 50),
        )
        paragraphs.append(p)
        total += len(p) + 2
    text = "\n\n".join(paragraphs)
    segments, pos = [], 0
    for p in paragraphs:
        segments.append(Segment(p, pos, "body"))
        pos += len(p) + 2
    return Document(
        source="synthetic-en.txt",
        id=content_id(text),
        text=text,
        published=dt.date(2023, 6, 1),
        language="en",
        segments=segments,
    )


def main(n: int = 1000, rounds: int = 5) -> float:
    """Extract `n` articles `rounds` times; report the best round and the median."""
    rng = random.Random(7)
    g = gazetteer()
    vn = [p.name_en for p in g.all("VN") if p.iso]
    la = [p.name_en for p in g.all("LA") if p.iso]
    docs = [make_article(rng, vn, la) for _ in range(n)]
    extract_document(docs[0])  # warm-up: automaton, vocabularies and caches
    cpu_times: list[float] = []
    facts = 0
    for _ in range(rounds):
        cpu0 = time.process_time()
        facts = 0
        for doc in docs:
            a = extract_document(doc)
            facts += len(a.partnerships) + len(a.officials) + len(a.agreements) + len(a.projects)
        cpu_times.append(time.process_time() - cpu0)
    best = n / min(cpu_times)
    median = n / statistics.median(cpu_times)
    avg = sum(len(d.text.encode()) for d in docs) / n / 1024
    print(
        f"{n} English articles (avg {avg:.1f} KB), {facts} facts, {rounds} rounds: best {best:.0f} "
        f"articles/s, median {median:.0f} articles/s per CPU second on one core"
    )
    return best


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
