"""`vlkg export` and `vlkg validate` as functions and through the CLI."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from app.rdf.commands import export_command, validate_command
from app.settings import get_settings
from tests.rdf_facts import loaded_store


@pytest.mark.parametrize(
    ("fmt", "name", "parser"),
    [("ttl", "g.ttl", "turtle"), ("nt", "g.nt.gz", "nt"), ("jsonld", "out/g.jsonld", "json-ld")],
)
def test_export_command_writes_the_dump(tmp_path: Path, fmt: str, name: str, parser: str) -> None:
    err = io.StringIO()
    target = tmp_path / name
    with loaded_store(tmp_path / "store") as store:
        assert export_command(fmt, target, store=store, err=err) == 0
    data = target.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    assert len(Graph().parse(data=data, format=parser)) > 1000
    assert "triples" in err.getvalue()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_export_command_refuses_unknown_formats(tmp_path: Path) -> None:
    err = io.StringIO()
    assert export_command("rdfxml", tmp_path / "x.rdf", err=err) == 2
    assert "unknown format" in err.getvalue()
    assert not (tmp_path / "x.rdf").exists()


def test_validate_command_on_store_and_on_file(tmp_path: Path) -> None:
    out = io.StringIO()
    with loaded_store(tmp_path / "store") as store:
        assert validate_command(store=store, out=out) == 0
        export_command("ttl", tmp_path / "g.ttl", store=store, err=io.StringIO())
    assert "0 violations" in out.getvalue()
    assert validate_command(tmp_path / "g.ttl", out=io.StringIO()) == 0


def test_validate_command_reports_violations(tmp_path: Path) -> None:
    with loaded_store(tmp_path / "store") as store:
        export_command("nt", tmp_path / "g.nt", store=store, err=io.StringIO())
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    kept = [
        ln
        for ln in lines
        if not (ln.startswith("<http://localhost:8000/province/ca-mau> <http://schema.org/name>"))
    ]
    (tmp_path / "broken.nt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    out = io.StringIO()
    assert validate_command(tmp_path / "broken.nt", out=out) == 1
    assert "province/ca-mau" in out.getvalue()
    assert validate_command(tmp_path / "missing.nt", out=io.StringIO()) == 2


def test_cli_wiring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli_module = pytest.importorskip("app.cli")
    data_dir = tmp_path / "data"
    with loaded_store(data_dir):
        pass
    monkeypatch.setenv("VLKG_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        result = runner.invoke(cli_module.cli, ["export", "--format", "nt", "-o", str(tmp_path / "d.nt")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "d.nt").stat().st_size > 0
        result = runner.invoke(cli_module.cli, ["validate"])
        assert result.exit_code == 0, result.output
        assert "0 violations" in result.output
    finally:
        get_settings.cache_clear()
