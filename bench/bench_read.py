"""Reading throughput: raw page bytes to zoned `Document`s, alone and followed by extraction.

Run: `python bench/bench_read.py [N]`. Pages are ~5 KB of UTF-8 page text laid out like the
seed pages (breadcrumb, time stamp, headline, font widget, body paragraphs from the extraction
benchmark's templates, inline related links printed twice, a photo caption, byline, source
line, then `Tin bài liên quan` / `Các tin bài khác` lists), so every zoning rule runs. Rates
are per CPU second of this single-threaded process (`time.process_time`); wall-clock is
printed too. The first page warms the caches.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from app.gazetteer import gazetteer
from bench.bench_extract import make_article
from ingest.extract import extract_document
from ingest.reading import document_from_bytes

RELATED = (
    "Hai địa phương tăng cường giao lưu văn hóa, thể thao",
    "Diễn đàn hợp tác kinh tế khu vực biên giới lần thứ năm",
    "Một tỉnh miền Trung đón đoàn doanh nghiệp nước ngoài",
)


def make_page(rng: random.Random, vn: list[str], la: list[str], size: int = 5000) -> bytes:
    body = make_article(rng, vn, la, size=size - 1400).text.split("\n\n")
    link = rng.choice(RELATED)
    lines = [
        "Trang chủ Hữu nghị Bốn phương",
        f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d} | {rng.randint(1, 28):02d}/"
        f"{rng.randint(1, 12):02d}/{rng.randint(2015, 2024)} GMT+7",
        "",
        f"Tỉnh {rng.choice(vn)} và tỉnh {rng.choice(la)} đẩy mạnh hợp tác",
        "",
        "aa",
        body[0],
        f"{link} {link}",
        "",
    ]
    for i, paragraph in enumerate(body[1:], 1):
        lines += [paragraph, ""]
        if i == 2:
            lines += ["Chú thích ảnh", "Lãnh đạo hai tỉnh tại buổi làm việc.", ""]
    lines += ["Theo Thu Hà/TTXVN", "Nguồn: baovidu.vn", "", "Tin bài liên quan", ""]
    for other in RELATED:
        lines += [other, "", other, "", "Sáng 2/3, hai bên đã tổ chức hội nghị tổng kết công tác năm.", ""]
    lines += ["Các tin bài khác", "", *RELATED]
    return "\n".join(lines).encode("utf-8")


def main(n: int = 1000) -> tuple[float, float]:
    rng = random.Random(11)
    g = gazetteer()
    vn = [p.name_vi for p in g.all("VN") if p.iso]
    la = [p.name_vi for p in g.all("LA") if p.iso]
    pages = [make_page(rng, vn, la) for _ in range(n)]
    extract_document(document_from_bytes(pages[0], source="warm.txt", suffix=".txt"))

    wall0, cpu0 = time.perf_counter(), time.process_time()
    docs = [document_from_bytes(page, source=f"{i}.txt", suffix=".txt") for i, page in enumerate(pages)]
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    read_rate = n / cpu
    avg = sum(map(len, pages)) / n / 1024
    print(
        f"read+zone: {n} pages (avg {avg:.1f} KB): {read_rate:.0f} pages/s per CPU second "
        f"({cpu:.2f} s CPU, {n / wall:.0f}/s wall-clock)"
    )

    wall0, cpu0 = time.perf_counter(), time.process_time()
    facts = 0
    for i, page in enumerate(pages):
        a = extract_document(document_from_bytes(page, source=f"{i}.txt", suffix=".txt"))
        facts += len(a.partnerships) + len(a.officials) + len(a.agreements) + len(a.projects)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    total_rate = n / cpu
    body = sum(len(s.text) for d in docs for s in d.zone("body")) / n / 1024
    print(
        f"read+zone+extract: {total_rate:.0f} pages/s per CPU second ({cpu:.2f} s CPU, "
        f"{n / wall:.0f}/s wall-clock; {body:.1f} KB body per page, {facts} facts)"
    )
    return read_rate, total_rate


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
