"""Unseen-style articles: written for the tests (not the seeds), scored like the gold.

Each `tests/data/articles/<name>.txt` is a whole page as a reader would find it (site
header, dateline, headline, body, related headlines) in a different outlet's style, with
hand-written expected facts in `<name>.expected.json` in the gold format (`status`
required/optional, `negatives` for what must not come out). The articles are read with
`ingest.reading` and extracted as `vlkg extract` does, then scored by the shared scorer
(`../shared/eval/score.py`, same matching rules as for the seeds) as a subprocess. Rules
tuned on the five seeds only must also hold on these: precision ≥ 0.9 and recall ≥ 0.8 in
every category.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.extract import extract_document
from ingest.reading import read_document

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
CATEGORIES = ("partnerships", "officials", "agreements", "projects")
_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s")


def _articles() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".html"))


def score_articles(tmp_path: Path) -> tuple[dict[str, tuple[float, float]], str]:
    """(precision, recall) per category from the shared scorer, and its verbose output."""
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER}")
    gold = tmp_path / "gold"
    gold.mkdir()
    facts = []
    for path in _articles():
        shutil.copy(path.with_suffix(".expected.json"), gold / (path.stem + ".json"))
        data = extract_document(read_document(path)).model_dump(mode="json")
        data["source"] = path.name
        facts.append(data)
    out = tmp_path / "facts.json"
    out.write_text(json.dumps({"articles": facts}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(out), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = {}
    for line in run.stdout.splitlines():
        m = _ROW.match(line)
        if m and m.group(1) in CATEGORIES:
            scores[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return scores, run.stdout


def test_there_are_at_least_six_articles_each_with_expectations() -> None:
    paths = _articles()
    assert len(paths) >= 6
    for path in paths:
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        assert expected["article"] == path.name
        assert set(CATEGORIES) <= set(expected)


def test_unseen_articles_score(tmp_path: Path) -> None:
    scores, report = score_articles(tmp_path)
    print(report)
    assert set(scores) == set(CATEGORIES), report
    for category, (precision, recall) in scores.items():
        assert precision >= 0.9, f"{category} precision {precision}\n{report}"
        assert recall >= 0.8, f"{category} recall {recall}\n{report}"


def test_related_headlines_give_nothing() -> None:
    facts = extract_document(read_document(ARTICLES / "nghean_xiengkhouang_related.txt"))
    codes = {p.vn for p in facts.partnerships} | {p.la for p in facts.partnerships}
    for a in facts.agreements:
        codes.update(a.parties)
    for p in facts.projects:
        codes.update(c for c in (p.funder, p.beneficiary) if c)
    assert codes <= {"VN-22", "LA-XI"}, codes


def test_border_conference_gives_only_its_bilateral_signing() -> None:
    facts = extract_document(read_document(ARTICLES / "border_conference_margins.txt"))
    assert {(p.vn, p.la) for p in facts.partnerships} == {("VN-25", "LA-SV")}
    (a,) = facts.agreements
    assert a.signed_year == 2023 and a.signatories == ["Hà Sỹ Đồng", "Phon Xay Vi Lay Súc"]
    assert [(e.host, e.visitor) for e in facts.events] == [("VN-24", None)]


def test_kip_amounts_keep_their_currency() -> None:
    facts = extract_document(read_document(ARTICLES / "daklak_champasak_kip.txt"))
    got = {(p.funder, p.beneficiary, p.amount, p.currency) for p in facts.projects if p.amount}
    assert got == {("VN-33", "LA-CH", 150000.0, "USD"), ("LA-CH", "VN-33", 3e8, "LAK")}
