"""How the loader reads and plans: the shortcuts it takes for speed change nothing it decides."""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from app.facts import ArticleFacts, PartnershipFact
from app.gazetteer import gazetteer
from app.gcpause import gc_paused
from app.names import fold, fold_words, name_keys, slug
from app.store.base import Lookups, Row
from ingest import pipeline
from ingest.load import LoadError, check_article, plan_batch
from ingest.pipeline import facts_lines
from tests.factories import camau_khammouane, ev


class _Empty(Lookups):
    """A store that holds nothing, and notes whether the collector ran while planning."""

    def __init__(self) -> None:
        self.gc_during: list[bool] = []

    def run(self, query: str, params: Any = None) -> list[Row]:
        return []

    def existing_nodes(self, label: str, ids: Iterable[str]) -> dict[str, Row]:
        self.gc_during.append(gc.isenabled())
        return {}

    def existing_rels(self, rtype: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Row]:
        self.gc_during.append(gc.isenabled())
        return {}


@pytest.mark.parametrize("enabled", [True, False])
def test_planning_pauses_the_garbage_collector_and_restores_it(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        store = _Empty()
        changes, report = plan_batch(store, [camau_khammouane()], gazetteer())
        assert store.gc_during and not any(store.gc_during)
        assert gc.isenabled() is enabled
        assert report.articles == 1 and changes.create_nodes["Article"]
    finally:
        (gc.enable if was else gc.disable)()


def test_a_failed_plan_restores_the_garbage_collector() -> None:
    class Broken(_Empty):
        def existing_nodes(self, label: str, ids: Iterable[str]) -> dict[str, Row]:
            raise RuntimeError("the store went away")

    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="went away"):
        plan_batch(Broken(), [camau_khammouane()], gazetteer())
    assert gc.isenabled()


def test_a_load_pauses_the_garbage_collector_throughout_and_restores_it(tmp_path: Path) -> None:
    """Not only while planning: between plans (checking articles, writing batches) its
    full collections walked every article held for the load (issue #12)."""
    from app.store.embedded import EmbeddedStore
    from bench.synthetic import articles
    from ingest.load import load_articles

    seen: list[bool] = []
    assert gc.isenabled()
    store = EmbeddedStore(tmp_path / "data")
    try:
        note = lambda _: seen.append(gc.isenabled())  # noqa: E731
        load_articles(store, articles(12, seed=3), batch_size=4, on_batch=note)
        assert seen and not any(seen)
        assert gc.isenabled()
        with pytest.raises(RuntimeError, match="went away"):
            load_articles(store, _broken(articles(3, seed=4)))
        assert gc.isenabled()
    finally:
        store.close()


def _broken(arts: list[ArticleFacts]) -> Iterable[ArticleFacts]:
    yield from arts
    raise RuntimeError("the input went away")


def test_an_unknown_province_names_each_article_that_uses_it() -> None:
    """Resolutions are remembered per (code, date), failures too: each article that uses
    the bad code still gets its own error, naming its own source."""
    gaz = gazetteer()
    bad = PartnershipFact(vn="VN-XX-NOWHERE", la="LA-KH", evidence=ev("Hai tỉnh kết nghĩa."))
    first = camau_khammouane().model_copy(update={"source": "tests/first.txt", "partnerships": [bad]})
    second = first.model_copy(update={"id": "f0e1d2c3b4a59687", "source": "tests/second.txt"})
    errors = []
    for art in (first, second, first):
        with pytest.raises(LoadError) as caught:
            check_article(art, gaz)
        errors.append(caught.value)
    assert [e.source for e in errors] == ["tests/first.txt", "tests/second.txt", "tests/first.txt"]
    assert errors[0].reason == errors[1].reason == errors[2].reason
    assert "VN-XX-NOWHERE" in errors[0].reason


def test_a_code_resolves_by_the_article_date() -> None:
    """The remembered resolution is per date: a code that denotes different units over
    time is not resolved once for every date."""
    gaz = gazetteer()
    merged = [p for p in gaz.provinces if p.succeeded_by and p.valid_to]
    assert merged, "the gazetteer has provinces merged into others"
    old = merged[0]
    assert old.valid_to is not None
    names = [n for n in old.names if len(gaz.candidates(n)) > 1]
    if not names:
        pytest.skip("no name of a merged province is shared with its successor")
    name = names[0]
    before = old.valid_to - dt.timedelta(days=30)
    after = old.valid_to + dt.timedelta(days=30)
    assert gaz.resolve(name, on=before).id != gaz.resolve(name, on=after).id
    plans = []
    for day in (before, after, before):
        pf = PartnershipFact(vn=name, la="LA-KH", evidence=ev("Hai tỉnh kết nghĩa."))
        art = camau_khammouane(published=day).model_copy(
            update={"partnerships": [pf], "agreements": [], "projects": []}
        )
        changes, _ = plan_batch(_Empty(), [art], gaz)
        plans.append({r["src"] for r in changes.create_rels["PARTNERS_WITH"]})
    assert plans[0] == plans[2] != plans[1]


@pytest.mark.parametrize("streamed", [True, False])
def test_reading_a_facts_document_pauses_the_garbage_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    arts = [camau_khammouane(), camau_khammouane("0f1e2d3c4b5a6978")]
    path = tmp_path / "facts.json"
    if streamed:
        path.write_bytes(b"".join(facts_lines(arts)))
    else:
        path.write_text(json.dumps({"articles": [a.model_dump(mode="json") for a in arts]}), encoding="utf-8")
    seen: list[bool] = []
    original = pipeline._published

    def spy(facts: ArticleFacts) -> ArticleFacts:
        seen.append(gc.isenabled())
        return original(facts)

    monkeypatch.setattr(pipeline, "_published", spy)
    assert gc.isenabled()
    run = pipeline.extract_paths([path])
    assert [a.id for a in run.articles] == [a.id for a in arts] and not run.failures
    assert seen == [False, False]
    assert gc.isenabled()


def test_the_pause_restores_what_it_found_also_on_errors() -> None:
    was = gc.isenabled()
    try:
        gc.disable()
        with gc_paused():
            pass
        assert not gc.isenabled()  # the caller's choice stays
        gc.enable()
        with pytest.raises(ValueError), gc_paused():
            assert not gc.isenabled()
            raise ValueError("stop")
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize(
    "name",
    ["Nguyễn Văn Thử", "Đặng Thị  Mẫu-Thử", "ທ່ານ ສົມພອນ", "Phạm   O'Brien Jr.", "  -Lê Ánh- ", ""],
)
def test_name_keys_are_the_three_foldings(name: str) -> None:
    assert name_keys(name) == (slug(name), fold(name), fold_words(name))
