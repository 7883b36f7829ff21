"""The pipeline: walking inputs, passing facts files through, and surviving bad files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import ingest.extract
from app.facts import ArticleFacts, Evidence, FactsDocument, PartnershipFact
from ingest.document import Document
from ingest.pipeline import ExtractRun, extract_paths, iter_inputs, load_facts_file
from ingest.reading import ReadError

ARTICLE = """Bình Định và Champasak hợp tác phát triển du lịch

Ngày 12/5, đoàn đại biểu tỉnh Champasak (Lào) đã đến thăm và làm việc với tỉnh Bình Định.
Hai bên thống nhất phối hợp quảng bá du lịch và đào tạo nguồn nhân lực.
"""

OFF_TOPIC = """Một tỉnh miền núi phát triển du lịch cộng đồng

Năm nay, tỉnh đón hơn một triệu lượt khách nhờ các bản làng giữ gìn văn hóa truyền thống.
"""


def fake_extract(doc: Document) -> ArticleFacts:
    """Stands in for the extractor: a partnership whenever the body names Champasak."""
    facts = ArticleFacts(id=doc.id, source=doc.source, title=doc.title, published=doc.published)
    for segment in doc.zone("body"):
        if "Champasak" in segment.text:
            evidence = Evidence(sentence=segment.text, start=segment.start, end=segment.end)
            facts.partnerships.append(PartnershipFact(vn="VN-31", la="LA-CH", evidence=evidence))
            break
    return facts


@pytest.fixture(autouse=True)
def stub_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.extract, "extract_document", fake_extract)


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "c.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (root / "b" / "d.JSON").write_text("{}", encoding="utf-8")
    (root / "b" / "e.pdf").write_bytes(b"%PDF-1.4")
    (root / "b" / ".f.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".hidden" / "g.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "h.htm").write_text("<html></html>", encoding="utf-8")


def test_iter_inputs_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    assert found == ["a.txt", "b/c.html", "b/d.JSON", "b/h.htm"]


def test_iter_inputs_yields_named_files_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    pdf = tmp_path / "b" / "e.pdf"
    found = list(iter_inputs([pdf, tmp_path / "a.txt", tmp_path]))
    assert found[0] == pdf  # named explicitly: yielded, so its failure gets reported
    assert found.count(tmp_path / "a.txt") == 1


def facts_payload(source: str = "earlier.txt") -> dict[str, object]:
    evidence = Evidence(sentence="Hai tỉnh ký kết hợp tác.", start=0, end=24)
    article = ArticleFacts(
        id="0123456789abcdef",
        source=source,
        partnerships=[PartnershipFact(vn="VN-31", la="LA-CH", evidence=evidence)],
    )
    return FactsDocument(articles=[article]).model_dump(mode="json")


def test_load_facts_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(orjson.dumps(facts_payload()))
    articles = load_facts_file(path)
    assert [a.source for a in articles] == ["earlier.txt"]
    assert articles[0].partnerships[0].la == "LA-CH"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b'{"articles": [', "malformed JSON"),
        (b'{"articles": [{"source": "x.txt"}]}', "articles[0].id: Field required"),
        (b'{"articles": "none"}', "articles: Input should be a valid list"),
        (b'{"title": "an article"}', "not a facts document"),
    ],
)
def test_load_facts_file_errors_name_the_file(tmp_path: Path, payload: bytes, expected: str) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(payload)
    with pytest.raises(ReadError) as info:
        load_facts_file(path)
    assert str(path) in str(info.value)
    assert expected in info.value.reason
    assert "\n" not in info.value.reason


def test_wrong_types_are_summarised_on_one_line(tmp_path: Path) -> None:
    payload = facts_payload()
    payload["articles"][0]["partnerships"][0]["year"] = "last year"  # type: ignore[index]
    payload["articles"][0]["id"] = "NOT-HEX"  # type: ignore[index]
    path = tmp_path / "facts.json"
    path.write_bytes(orjson.dumps(payload))
    with pytest.raises(ReadError) as info:
        load_facts_file(path)
    assert info.value.reason.startswith("articles[0].")
    assert "(and 1 more error)" in info.value.reason


def test_extract_paths_survives_bad_files(tmp_path: Path) -> None:
    (tmp_path / "1_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_binary.txt").write_bytes(bytes(range(256)) * 8)
    with open(tmp_path / "4_huge.txt", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    (tmp_path / "5_undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d abc " * 30)
    (tmp_path / "6_offtopic.txt").write_text(OFF_TOPIC, encoding="utf-8")
    (tmp_path / "7_facts.json").write_bytes(orjson.dumps(facts_payload()))
    (tmp_path / "8_badfacts.json").write_bytes(b'{"articles": [{"id": 5}]}')
    (tmp_path / "9_legacy.txt").write_bytes(ARTICLE.encode("utf-16"))
    progress: list[tuple[int, int, str]] = []
    run = extract_paths([tmp_path], on_progress=lambda *a: progress.append(a))
    assert isinstance(run, ExtractRun)
    sources = sorted(a.source for a in run.articles)
    # what leaves the machine names the file, never the folder it was read from
    assert sources == sorted(["1_good.txt", "6_offtopic.txt", "earlier.txt", "9_legacy.txt"])
    failed = dict(run.failures)
    assert set(failed) == {
        str(tmp_path / f)
        for f in ("2_empty.txt", "3_binary.txt", "4_huge.txt", "5_undecodable.txt", "8_badfacts.json")
    }
    assert failed[str(tmp_path / "2_empty.txt")] == "empty file"
    assert "binary" in failed[str(tmp_path / "3_binary.txt")]
    assert "too large" in failed[str(tmp_path / "4_huge.txt")]
    assert "undecodable" in failed[str(tmp_path / "5_undecodable.txt")]
    assert failed[str(tmp_path / "8_badfacts.json")].startswith("articles[0].")
    offtopic = str(tmp_path / "6_offtopic.txt")
    assert any(w.startswith(offtopic) and "Vietnam–Laos" in w for w in run.warnings)
    assert not any(w.startswith(str(tmp_path / "1_good.txt")) for w in run.warnings)
    assert next(a for a in run.articles if a.source == "6_offtopic.txt").warnings
    assert [p[0] for p in progress] == list(range(1, 10))
    assert all(p[1] == 9 for p in progress)


def test_extractor_crash_is_a_failure_not_an_abort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(doc: Document) -> ArticleFacts:
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(ingest.extract, "extract_document", boom)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_bytes(orjson.dumps(facts_payload()))
    run = extract_paths([tmp_path])
    assert run.failures == [(str(tmp_path / "a.txt"), "extraction failed: RuntimeError: rule exploded")]
    assert [a.source for a in run.articles] == ["earlier.txt"]


def test_json_article_goes_through_extraction(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    path.write_bytes(
        orjson.dumps({"title": "Bình Định và Champasak hợp tác", "published": "2024-05-12", "text": ARTICLE})
    )
    run = extract_paths([path])
    assert run.failures == []
    assert run.articles[0].partnerships[0].la == "LA-CH"
    assert str(run.articles[0].published) == "2024-05-12"


def test_warnings_are_reported_once_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def noting_extract(doc: Document) -> ArticleFacts:
        facts = fake_extract(doc)
        facts.warnings = [*doc.warnings, f"{doc.source}: no Vietnam–Laos provincial cooperation found"]
        return facts

    monkeypatch.setattr(ingest.extract, "extract_document", noting_extract)
    path = tmp_path / "a.txt"
    path.write_bytes(OFF_TOPIC.encode("utf-16-le"))  # no BOM: a decoding warning
    run = extract_paths([path])
    assert len(run.warnings) == 2
    assert all(w.startswith(str(path)) for w in run.warnings)
    assert any("byte-order mark" in w for w in run.warnings)
    assert any("Vietnam–Laos" in w for w in run.warnings)


def test_spans_keep_the_rule_id_and_read_older_forms() -> None:
    from app.graph import format_span, parse_span

    stored = format_span(3, 40, "body", "vi.partnership.strong-cue")
    assert parse_span(stored) == parse_span("3:40:body:vi.partnership.strong-cue")
    span = parse_span(stored)
    assert span is not None and (span.start, span.end, span.zone, span.rule) == (
        3,
        40,
        "body",
        "vi.partnership.strong-cue",
    )
    old = parse_span("3:40:title")
    assert old is not None and old.zone == "title" and old.rule is None
    assert format_span(None, None, "caption", None) == "::caption"


# -- JSON inputs: the documented article shape, or refused naming the file ------------------


def test_json_that_is_not_an_article_is_refused_naming_the_file(tmp_path: Path) -> None:
    article = tmp_path / "a.json"
    article.write_bytes(orjson.dumps({"title": "Bình Định và Champasak hợp tác", "text": ARTICLE}))
    gold = tmp_path / "a.expected.json"
    gold.write_bytes(orjson.dumps({"article": "a.txt", "title": "x", "partnerships": [], "negatives": []}))
    config = tmp_path / "settings.json"
    config.write_bytes(orjson.dumps({"body": "a long enough body of text", "theme": "dark"}))
    run = extract_paths([tmp_path])
    assert [a.title for a in run.articles] == ["Bình Định và Champasak hợp tác"]
    failed = dict(run.failures)
    assert set(failed) == {str(gold), str(config)}
    assert "not an article" in failed[str(gold)] and "partnerships" in failed[str(gold)]
    assert "unexpected keys theme" in failed[str(config)]


def test_gold_files_of_the_test_corpus_are_never_articles() -> None:
    folder = Path(__file__).parents[1] / "data" / "articles"
    run = extract_paths(sorted(folder.glob("*.expected.json"))[:3])
    assert run.articles == [] and len(run.failures) == 3
    assert all("not an article" in reason for _, reason in run.failures)
