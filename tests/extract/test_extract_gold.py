"""End-to-end: extract the shared seed articles and score them with the shared scorer.

The seeds, gold annotations and scorer live outside the repository (`../shared`); the test
skips with a reason when they are absent. Documents come from `ingest.reading`, as in
`vlkg extract`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.extract import extract_document
from ingest.reading import read_document

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"
TARGETS = {"partnerships": 0.95, "officials": 0.90, "agreements": 0.85, "projects": 0.80}
_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s")

pytestmark = pytest.mark.seeds


def _score(tmp_path: Path) -> dict[str, float]:
    if not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.is_file()):
        pytest.skip(f"seed articles, gold or scorer not found under {SHARED}")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        facts = extract_document(read_document(path))
        data = facts.model_dump(mode="json")
        data["source"] = str(path)
        articles.append(data)
    out = tmp_path / "facts.json"
    out.write_text(json.dumps({"articles": articles}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(out), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
    )
    print(run.stdout)
    scores: dict[str, float] = {}
    for line in run.stdout.splitlines():
        m = _ROW.match(line)
        if m and m.group(1) in TARGETS:
            scores[m.group(1)] = float(m.group(4))
    return scores


def test_seed_scores_meet_targets(tmp_path: Path) -> None:
    scores = _score(tmp_path)
    assert set(scores) == set(TARGETS), scores
    for category, target in TARGETS.items():
        assert scores[category] >= target, f"{category} F1 {scores[category]} < {target}"
