"""The facts document: its schema is shipped, and bad facts are refused at the edge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.facts import ArticleFacts, FactsDocument, ProjectFact, json_schema
from tests.factories import camau_khammouane, ev

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_schema_is_current() -> None:
    shipped = json.loads((ROOT / "docs" / "facts.schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(json_schema())), (
        "run `python -m app.facts > docs/facts.schema.json`"
    )


def test_round_trip_through_json() -> None:
    doc = FactsDocument(articles=[camau_khammouane()])
    again = FactsDocument.model_validate_json(doc.model_dump_json())
    assert again == doc


def test_a_fact_needs_evidence() -> None:
    data = camau_khammouane().model_dump(mode="json")
    del data["partnerships"][0]["evidence"]
    with pytest.raises(ValidationError, match="evidence"):
        ArticleFacts.model_validate(data)


def test_amount_needs_currency_and_a_party() -> None:
    with pytest.raises(ValidationError, match="currency"):
        ProjectFact(funder="VN-59", amount=5.0, evidence=ev("x"))
    with pytest.raises(ValidationError, match="funder or a beneficiary"):
        ProjectFact(description="x", evidence=ev("x"))


def test_periods_are_ordered() -> None:
    data = camau_khammouane().model_dump(mode="json")
    data["agreements"][0]["period"] = [2027, 2022]
    with pytest.raises(ValidationError, match="ends before it starts"):
        ArticleFacts.model_validate(data)


def test_article_id_is_hex() -> None:
    data = camau_khammouane().model_dump(mode="json")
    data["id"] = "not hex!"
    with pytest.raises(ValidationError):
        ArticleFacts.model_validate(data)
