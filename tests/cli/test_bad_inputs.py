"""The bad-input corpus of issue 11: every input refused alone, with a plain message and
the documented exit status; damaged stores named in one line with exit 120."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import orjson
import pytest

from app.cli import STOPPED
from app.facts import FactsDocument
from tests.factories import camau_khammouane, hatinh_khammouane
from tests.run import stats, vlkg
from tests.stores import embedded_only

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """One good sample article among the bad inputs."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    good = sorted(SAMPLES.glob("*.txt"))[0]
    shutil.copy(good, folder / "good.txt")
    return folder


def test_fifo_is_refused_not_waited_on(tmp_path: Path, corpus: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")
    r = vlkg("extract", str(corpus), data=tmp_path / "data")
    assert r.returncode == 1, r.stderr
    assert "pipe.txt: not a regular file (a FIFO)" in r.stderr


def test_name_that_is_not_utf8_is_refused_alone(tmp_path: Path, corpus: Path) -> None:
    bad = os.fsencode(corpus) + b"/bad-\xff\xfe.txt"
    with open(bad, "wb") as handle:
        handle.write((corpus / "good.txt").read_bytes())
    r = vlkg("extract", str(corpus), "--json", data=tmp_path / "data")
    assert r.returncode == 1, r.stderr
    assert "bad-\\xff\\xfe.txt: file name is not valid UTF-8" in r.stderr
    doc = FactsDocument.model_validate_json(r.stdout)
    assert len(doc.articles) == 1
    loaded = vlkg("ingest", str(corpus), data=tmp_path / "data")
    assert loaded.returncode == 1, loaded.stderr
    assert stats(tmp_path / "data")["nodes"]["Article"] == 1


def test_brackets_and_escapes_in_names_are_shown_as_text(tmp_path: Path, corpus: Path) -> None:
    (corpus / "a[").mkdir()
    (corpus / "a[" / "y] odd.txt").write_bytes(b"")  # the path reads `a[/y] odd.txt`: a markup tag
    (corpus / "\x1b[31mred.txt").write_bytes(b"")
    r = vlkg("ingest", str(corpus), data=tmp_path / "data")
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "MarkupError" not in r.stderr
    assert "a[/y] odd.txt: empty file" in r.stderr
    assert "\x1b" not in r.stderr and "\\x1b[31mred.txt: empty file" in r.stderr


def test_one_bad_article_in_a_facts_file_rejects_that_article_only(tmp_path: Path) -> None:
    doc = FactsDocument(articles=[camau_khammouane(), hatinh_khammouane()]).model_dump(mode="json")
    doc["articles"][1]["partnerships"][0]["year"] = "last year"
    path = tmp_path / "facts.json"
    path.write_bytes(orjson.dumps(doc))
    r = vlkg("ingest", str(path), data=tmp_path / "data")
    assert r.returncode == 1, r.stderr
    assert "facts.json: articles[1].partnerships[0].year" in r.stderr
    assert stats(tmp_path / "data")["nodes"]["Article"] == 1


def test_extract_json_is_read_back_by_ingest_whatever_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streamed layout has no whole-file limit: only each article's."""
    from ingest import pipeline
    from ingest.pipeline import facts_lines, load_facts_file

    arts = [camau_khammouane(), hatinh_khammouane()]
    path = tmp_path / "facts.json"
    path.write_bytes(b"".join(facts_lines(arts)))
    assert FactsDocument.model_validate_json(path.read_bytes()).articles == arts  # plain JSON too
    monkeypatch.setattr(pipeline, "read_bytes", None)  # never read whole (and never size-limited)
    assert load_facts_file(path) == arts


# -- damaged stores ------------------------------------------------------------------------


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    path = tmp_path / "facts.json"
    path.write_text(FactsDocument(articles=[camau_khammouane()]).model_dump_json(), encoding="utf-8")
    assert vlkg("ingest", str(path), data=data).returncode == 0
    return data


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@embedded_only
@pytest.mark.parametrize(
    ("damage", "cause"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: os.truncate(p, p.stat().st_size // 2), "damaged"),
        (lambda p: p.write_bytes(b"\0" * p.stat().st_size), "damaged"),
        (lambda p: p.unlink(), "missing"),
    ],
    ids=["empty", "truncated", "zeroed", "missing"],
)
def test_damaged_store_is_one_line_exit_120_and_never_replaced(
    tmp_path: Path, loaded: Path, damage: object, cause: str
) -> None:
    db = loaded / "vlkg.lbdb"
    damage(db)  # type: ignore[operator]
    for command in (("stats",), ("doctor",)):
        r = vlkg(*command, data=loaded)
        assert r.returncode == STOPPED, r.stderr
        line = one_line(r.stderr)
        assert f"{db}: {cause}" in line
    facts = tmp_path / "more.json"
    facts.write_text(FactsDocument(articles=[hatinh_khammouane()]).model_dump_json(), encoding="utf-8")
    before = sorted(os.listdir(loaded))
    r = vlkg("ingest", str(facts), data=loaded)
    assert r.returncode == STOPPED and "without --force" in r.stderr, r.stderr
    assert sorted(os.listdir(loaded)) == before  # nothing started over it
    r = vlkg("ingest", str(facts), "--force", data=loaded)
    assert r.returncode == 0, r.stderr
    assert "--force: starting a new store" in r.stderr
    assert stats(loaded)["nodes"]["Article"] == 1
    assert any(".unreadable-" in name for name in os.listdir(loaded)) or cause == "missing"


@embedded_only
def test_other_version_is_named(loaded: Path) -> None:
    marker = loaded / "vlkg-store.json"
    meta = json.loads(marker.read_text())
    meta["storage_version"] = 1
    marker.write_text(json.dumps(meta))
    r = vlkg("doctor", data=loaded)
    assert r.returncode == STOPPED
    assert "other version" in one_line(r.stderr)


def test_doctor_on_a_good_store(loaded: Path) -> None:
    r = vlkg("doctor", data=loaded)
    assert r.returncode == 0, r.stderr
    assert "ok:" in r.stderr


@embedded_only
def test_a_writer_killed_while_creating_the_store_leaves_one_the_next_writer_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The marker goes down before the database file, so no moment of creating a store
    leaves an unmarked database (which would be refused as not written by vlkg)."""
    from app.store import embedded

    data = tmp_path / "data"

    class Killed(BaseException):
        pass

    def killed(*_: object, **__: object) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(embedded._Handle, "__init__", killed)
        with pytest.raises(Killed):
            embedded.EmbeddedStore(data)
    assert json.loads((data / "vlkg-store.json").read_text())["creating"] is True
    (data / "vlkg.lbdb").write_bytes(b"")  # the engine had made its file, nothing in it yet
    facts = tmp_path / "one.json"
    facts.write_text(FactsDocument(articles=[hatinh_khammouane()]).model_dump_json(), encoding="utf-8")
    r = vlkg("ingest", str(facts), data=data)
    assert r.returncode == 0, r.stderr
    assert stats(data)["nodes"]["Article"] == 1
    assert "creating" not in json.loads((data / "vlkg-store.json").read_text())


def test_a_setting_that_cannot_be_used_is_one_line(tmp_path: Path) -> None:
    r = vlkg("stats", data=tmp_path / "data", VLKG_STORE="embedded", VLKG_BATCH_SIZE="many")
    assert r.returncode == STOPPED
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("error: settings: VLKG_BATCH_SIZE: Input should be a valid integer")
