"""The per-snapshot search index finds exactly what scoring every row finds."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.matching import THRESHOLD, _words, score
from app.api.search import build_index, fulltext_index
from app.api.search_index import ORDER, Entry, SearchIndex, Table
from app.facts import ArticleFacts, OfficialFact
from app.gazetteer import gazetteer
from ingest.load import load_articles
from tests.api_graph import build_graph, ev
from tests.stores import embedded_only, make_store

NAMES = [
    "Nguyễn Tiến Hải",
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Phạm Minh Châu",
    "Hoàng Quốc Dũng",
    "Souksavanh Vilayvong",
    "Khamphan Phommachanh",
    "Bounmy Sisouphan",
    "Lê Thanh Hà",
    "Đặng Đức Long",
]
TITLES = [
    "Hợp tác giáo dục ba bên Hà Tĩnh – Khăm Muộn",
    "Thủy lợi cho huyện biên giới",
    "Đoàn đại biểu tỉnh Nghệ An thăm Xiêng Khoảng",
    "Ký kết biên bản ghi nhớ về y tế",
    "Trao học bổng cho sinh viên Lào",
]


def _queries(rng: random.Random) -> list[str]:
    """Exact names, folded, typos, given names only, prefixes, joined letters, misses."""
    out = ["a", "ab", "hai", "nguyen", "tienhai", "giao duc", "thuy loi", "ba bên", "xyz", "lao"]
    for text in NAMES + TITLES:
        words = text.split()
        out.append(text)
        out.append(" ".join(words[-2:]))
        out.append(" ".join(_words(text)))
        w = list(rng.choice(words))
        i = rng.randrange(len(w))
        w[i] = rng.choice("aeiouxyz")
        out.append("".join(w))
        out.append(rng.choice(words)[:3])
    return out


def _scan(entries: list[Entry], q: str, whole: bool) -> set[tuple[str, float]]:
    return {(e.id, s) for e in entries if (s := score(q, e.text, whole=whole)) >= THRESHOLD}


def test_index_hits_equal_a_full_scan() -> None:
    rng = random.Random(3)
    for texts, whole in ((NAMES, True), (TITLES, False)):
        entries = [Entry("official", f"e{i}", t, None, t) for i, t in enumerate(texts)]
        table = Table(entries, whole=whole)
        for q in _queries(rng):
            qwords = _words(q)
            got = {(e.id, s) for s, e in table.hits(qwords, "".join(qwords))} if qwords else set()
            assert got == _scan(entries, q, whole), q


def test_texts_with_numbers_one_word_and_many_word_queries_equal_a_full_scan() -> None:
    """The vocabulary split into words of digits and the rest (a query word without a digit
    is looked up among the rest only) and the one-word path (postings united, no sums)
    find what scoring every text finds: titles and names numbered as the synthetic
    articles of the benchmarks are, queries of letters, digits, both, one word or more."""
    rng = random.Random(5)
    marks = ["số", "bài", "VN-"]
    titles = [f"{rng.choice(TITLES)} {rng.choice(marks)}{rng.randint(0, 400)} {i}" for i in range(300)]
    names = [f"{rng.choice(NAMES)} {rng.randint(0, 120)}" for _ in range(300)]
    queries = ["12", "1", "34 hợp", "VN-34", "vn 3", "Hợp tác", "tac", "Nguyễn 7", "Tiến Hải 101"]
    queries += ["bai so 12"]
    queries += ["x9", "so", "giao", "120", "Khamphan", "Lê 8 Hà", "hai hai", "vn34", "a1", "0"]
    for texts, whole in ((titles, False), (names, True)):
        entries = [Entry("article", f"e{i}", t, None, t) for i, t in enumerate(texts)]
        table = Table(entries, whole=whole)
        assert table.wordy and len(table.wordy) < len(table.vocab)  # numbers are left out of `wordy`
        assert all(not w.isdigit() for w in table.wordy)
        for q in [*queries, *_queries(rng)]:
            qwords = _words(q)
            got = {(e.id, s) for s, e in table.hits(qwords, "".join(qwords))} if qwords else set()
            assert got == _scan(entries, q, whole), q


def test_ranked_orders_by_score_kind_and_label_and_remembers() -> None:
    officials = Table([Entry("official", "o1", "Nguyễn Tiến Hải", None, "Nguyễn Tiến Hải")], whole=True)
    provinces = Table([Entry("province", "p1", "Hải Dương", None, "Hải Dương")], whole=True)
    index = SearchIndex({"official": officials, "province": provinces})
    ranked = index.ranked("hai", {"official", "province"})
    assert [e.kind for _, e in ranked] == ["province", "official"]  # equal scores: provinces first
    assert index.ranked("hai", {"official", "province"}) is ranked
    assert index.ranked("zz", {"province"}, exact={"p1"})[0][0] == 1.0


def test_both_paths_give_the_same_hits_on_the_test_graph(tmp_path: Path) -> None:
    """The in-memory index (LadybugDB) and, on the Neo4j run, the full-text path, find the
    same hits with the same scores as scoring every row on the test graph."""
    store = build_graph(make_store(tmp_path / "store"))
    gaz = gazetteer()
    kinds = set(ORDER) - {"province"}
    try:
        full = build_index(store, gaz)
        rows = {k: t.entries for k, t in full.tables.items() if k in kinds}
        queries = [
            "nguyen tien hai",
            "Tiến Hải",
            "giao duc",
            "thuy loi",
            "ba bên",
            "Ha Tinh",
            "hop tac",
            "zzz",
        ]
        queries += [e.label for es in rows.values() for e in es][:40]
        for q in queries:
            scan = {
                (e.kind, e.id, s)
                for k, es in rows.items()
                for e in es
                if (s := score(q, e.text, whole=full.tables[k].whole)) >= THRESHOLD
            }
            assert {(e.kind, e.id, s) for s, e in full.ranked(q, kinds)} == scan, q
            if store.backend == "neo4j":
                found = fulltext_index(store, gaz, q, kinds).ranked(q, kinds)
                assert {(e.kind, e.id, s) for s, e in found} == scan, q
    finally:
        store.close()


@embedded_only
def test_index_is_rebuilt_when_an_ingest_publishes_a_new_generation(tmp_path: Path) -> None:
    build_graph(make_store(tmp_path)).close()
    reader = make_store(tmp_path, read_only=True)
    with TestClient(create_app(reader)) as client:
        before = client.get("/search", params={"q": "Phomvihane Zzyzx", "type": "official"}).json()
        assert before["total"] == 0
        writer = make_store(tmp_path)
        later = ArticleFacts(
            id="f6f6f6f6f6f6f6f6",
            source="tests/api/search-later.txt",
            published=dt.date(2024, 3, 3),
            officials=[
                OfficialFact(
                    name="Phomvihane Zzyzx",
                    province="LA-KH",
                    positions=["Tỉnh trưởng"],
                    evidence=ev("Tỉnh trưởng Phomvihane Zzyzx tiếp đoàn."),
                )
            ],
        )
        load_articles(writer, [later])
        writer.close()
        deadline = time.monotonic() + 10
        while True:  # the server looks for new data at most every 0.5 s
            after = client.get("/search", params={"q": "phomvihane zzyzx", "type": "official"}).json()
            if after["total"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert [h["label"] for h in after["items"]] == ["Phomvihane Zzyzx"]
    reader.close()
