"""Zoning of the real seed pages, checked against the gold annotations.

Gold `required` items are stated in the article body, so their evidence must land in `body`
segments; evidence the gold marks as boilerplate (related headlines, bylines, the lists after
the article) must not. The seed pages are read from `../shared` and never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.document import Document
from ingest.reading import read_document

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

pytestmark = pytest.mark.seeds

CATEGORIES = ("partnerships", "officials", "agreements", "projects", "district_partnerships")
# Words with which the gold describes a negative that comes from page furniture.
BOILERPLATE = ("headline", "byline", "author", "photographer", "video", "Tin bài", "Đọc", "only in")


def gold_pairs() -> list[tuple[Path, dict[str, Any]]]:
    if not SEEDS.is_dir() or not GOLD.is_dir():
        pytest.skip(
            f"seed articles or gold annotations not found under {SHARED}"
            " (the shared folder beside the checkout)"
        )
    pairs = []
    for gold in sorted(GOLD.glob("*.json")):
        seed = SEEDS / f"{gold.stem}.txt"
        if seed.exists():
            pairs.append((seed, json.loads(gold.read_text(encoding="utf-8"))))
    if not pairs:
        pytest.skip(f"no seed/gold pairs under {SHARED}")
    return pairs


def zones_of(doc: Document, quote: str) -> set[str]:
    start = doc.text.find(quote)
    assert start >= 0, f"evidence not found in {doc.source}: {quote[:60]}"
    end = start + len(quote)
    return {s.zone for s in doc.segments if s.start < end and s.end > start}


def test_seed_metadata_matches_gold() -> None:
    for seed, gold in gold_pairs():
        doc = read_document(seed)
        assert doc.title == gold["title"], seed.name
        assert (doc.published.isoformat() if doc.published else None) == gold["published"], seed.name
        assert doc.language == gold.get("language", "vi")
        for segment in doc.segments:
            assert doc.text[segment.start : segment.end] == segment.text


def test_required_evidence_is_in_the_body() -> None:
    for seed, gold in gold_pairs():
        doc = read_document(seed)
        for category in CATEGORIES:
            for item in gold.get(category, []):
                if item["status"] == "required":
                    assert zones_of(doc, item["evidence"]) == {"body"}, (seed.name, item["evidence"])


def test_boilerplate_negatives_are_not_body() -> None:
    checked = 0
    for seed, gold in gold_pairs():
        doc = read_document(seed)
        for item in gold.get("negatives", []):
            if any(word.lower() in item["what"].lower() for word in BOILERPLATE):
                checked += 1
                assert "body" not in zones_of(doc, item["evidence"]), (seed.name, item["evidence"])
    assert checked >= 10


def test_nothing_after_the_other_stories_marker_is_kept() -> None:
    for seed, _gold in gold_pairs():
        doc = read_document(seed)
        for marker in ("\nCác tin bài khác\n", "\nĐọc nhiều\n", "\nĐọc thêm\n"):
            cut = doc.text.find(marker)
            if cut >= 0:
                assert all(s.start < cut for s in doc.segments), (seed.name, marker)


def test_seed_outlets() -> None:
    outlets = {seed.name[:3]: read_document(seed).outlet for seed, _ in gold_pairs()}
    expected = {"000": "baotintuc.vn", "004": "baohatinh.vn"}  # `Nguồn:` line; `(Baohatinh.vn) -` lead-in
    for prefix, outlet in expected.items():
        if prefix in outlets:
            assert outlets[prefix] == outlet
