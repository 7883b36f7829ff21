"""The `vlkg` command as a user runs it: real processes, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import STOPPED
from app.facts import FactsDocument
from app.store.embedded import EmbeddedStore
from tests.factories import camau_khammouane, hatinh_khammouane
from tests.run import stats, vlkg
from tests.stores import embedded_only


@pytest.fixture
def facts_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.json"
    doc = FactsDocument(articles=[camau_khammouane(), hatinh_khammouane()])
    path.write_text(doc.model_dump_json(), encoding="utf-8")
    return path


def test_ingest_facts_twice_gives_same_counts(tmp_path: Path, facts_file: Path) -> None:
    data = tmp_path / "data"
    first = vlkg("ingest", str(facts_file), data=data)
    assert first.returncode == 0, first.stderr
    assert "articles loaded" in first.stderr
    counts = stats(data)
    assert counts["nodes"]["Article"] == 2
    second = vlkg("ingest", str(facts_file), data=data)
    assert second.returncode == 0, second.stderr
    assert stats(data) == counts


def test_malformed_facts_file_is_named_and_nothing_is_lost(tmp_path: Path, facts_file: Path) -> None:
    data = tmp_path / "data"
    assert vlkg("ingest", str(facts_file), data=data).returncode == 0
    before = stats(data)
    broken = tmp_path / "broken.json"
    broken.write_text('{"articles": [{"id": "abc", "source": 5', encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"articles": [{"id": "zz", "partnerships": "x"}]}), encoding="utf-8")
    r = vlkg("ingest", str(broken), str(wrong), data=data)
    assert r.returncode == 2, r.stderr
    assert "broken.json" in r.stderr and "wrong.json" in r.stderr
    assert stats(data) == before


def test_unknown_province_in_facts_fails_that_file(tmp_path: Path) -> None:
    art = camau_khammouane()
    art.partnerships[0].la = "Atlantis"
    path = tmp_path / "atlantis.json"
    path.write_text(FactsDocument(articles=[art]).model_dump_json(), encoding="utf-8")
    r = vlkg("ingest", str(path), data=tmp_path / "data")
    assert r.returncode == 1
    assert "Atlantis" in r.stderr and "unknown province" in r.stderr


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    r = vlkg("ingest", str(tmp_path / "nope"), data=tmp_path / "data")
    assert r.returncode == STOPPED and "no such file or folder" in r.stderr


@embedded_only
def test_locked_store_is_reported_and_left_intact(tmp_path: Path, facts_file: Path) -> None:
    data = tmp_path / "data"
    assert vlkg("ingest", str(facts_file), data=data).returncode == 0
    before = stats(data)
    holder = EmbeddedStore(data)  # another writer holds the store, as `vlkg serve` would not
    try:
        r = vlkg("ingest", str(facts_file), data=data)
    finally:
        holder.close()
    assert r.returncode == STOPPED
    assert "in use by another process" in r.stderr and "one writer" in r.stderr
    assert stats(data) == before


def test_unreachable_neo4j_is_one_line(tmp_path: Path, facts_file: Path) -> None:
    r = vlkg("ingest", str(facts_file), data=tmp_path, VLKG_STORE="neo4j", NEO4J_URI="bolt://127.0.0.1:9")
    assert r.returncode == STOPPED
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in r.stderr
    assert "Traceback" not in r.stderr


@embedded_only
def test_store_written_by_another_version_is_refused(tmp_path: Path, facts_file: Path) -> None:
    data = tmp_path / "data"
    assert vlkg("ingest", str(facts_file), data=data).returncode == 0
    marker = data / "vlkg-store.json"
    meta = json.loads(marker.read_text())
    meta["storage_version"] = 1
    meta["engine_version"] = "0.20.1"
    marker.write_text(json.dumps(meta))
    r = vlkg("stats", data=data)
    assert r.returncode == STOPPED and "written by ladybug 0.20.1" in r.stderr


def test_extract_json_touches_no_store(tmp_path: Path, facts_file: Path) -> None:
    data = tmp_path / "data"
    r = vlkg("extract", str(facts_file), "--json", data=data)
    assert r.returncode == 0, r.stderr
    doc = FactsDocument.model_validate_json(r.stdout)
    assert len(doc.articles) == 2
    assert not data.exists()


@embedded_only
def test_server_keeps_serving_during_ingest_and_sees_the_new_data(tmp_path: Path, facts_file: Path) -> None:
    """`vlkg serve` reads the embedded store read-only, so `vlkg ingest` can write beside it."""
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.settings import Settings

    data = tmp_path / "data"
    settings = Settings(VLKG_STORE="embedded", VLKG_DATA_DIR=str(data))
    with TestClient(create_app(None, settings)) as client:
        assert client.get("/stats").json()["nodes"]["Article"] == 0
        r = vlkg("ingest", str(facts_file), data=data)
        assert r.returncode == 0, r.stderr
        # served once the new snapshot's search index is built (in the background)
        deadline = time.monotonic() + 20
        while client.get("/stats").json()["nodes"]["Article"] != 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/stats").json()["nodes"]["Article"] == 2
        partners = client.get("/province/Khammouane/partners").json()
        assert {p["province"]["id"] for p in partners["partners"]} == {"ca-mau", "ha-tinh"}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve_and_get(tmp_path: Path, port: int, path: str, **env: str) -> dict[str, object]:
    """Start `vlkg serve --port PORT`, GET `path` once it answers, stop it; the JSON answer."""
    import time
    import urllib.request

    clean = {k: v for k, v in os.environ.items() if k != "VLKG_BASE_URI"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env={**clean, "VLKG_STORE": "embedded", "VLKG_DATA_DIR": str(tmp_path / "data"), **env},
        cwd=tmp_path,  # no .env here: only `env` configures the server
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as r:
                    return json.loads(r.read())  # type: ignore[no-any-return]
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = proc.stderr.read().decode() if proc.stderr else ""
                    raise AssertionError(f"vlkg serve did not answer: {log}") from None
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_port_sets_the_base_uri_of_answers(tmp_path: Path) -> None:
    """Links in a JSON answer point at the server that gave them, not at port 8000."""
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    port = _free_port()
    body = _serve_and_get(tmp_path, port, "/province/Khammouane", **env)
    assert body["uri"] == f"http://localhost:{port}/province/khammouane"
    # VLKG_BASE_URI, when set, wins over the port (a server behind a proxy).
    public = "https://vlkg.example.org/"
    body = _serve_and_get(tmp_path, _free_port(), "/province/Khammouane", VLKG_BASE_URI=public, **env)
    assert body["uri"] == "https://vlkg.example.org/province/khammouane"


def test_local_base_uri_names_wildcard_and_ipv6_hosts() -> None:
    from app.uris import local_base_uri

    assert local_base_uri("0.0.0.0", 8080) == "http://localhost:8080"
    assert local_base_uri("10.0.0.5", 80) == "http://10.0.0.5:80"
    assert local_base_uri("fe80::1", 9000) == "http://[fe80::1]:9000"


def test_help_lists_every_command_with_its_whole_summary(tmp_path: Path) -> None:
    """`vlkg --help` and `vlkg` alone show the same screen, drawn without `typer.rich_utils`
    (issue 12): every command with its first paragraph, never cut, and the root options."""
    from typer.main import get_command

    from app.cli import cli

    group = get_command(cli)
    shown = vlkg("--help", data=tmp_path / "data", COLUMNS="200")
    assert shown.returncode == 0, shown.stderr
    bare = vlkg(data=tmp_path / "data", COLUMNS="200")
    assert bare.returncode == 2 and bare.stdout.rstrip() == shown.stdout.rstrip()
    lines = " ".join(shown.stdout.split())
    assert "[OPTIONS] COMMAND [ARGS]..." in lines and "Knowledge graph of Vietnam–Laos" in lines
    assert "--version Print the version and exit." in lines
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        summary = " ".join((command.help or "").split("\n\n")[0].split())
        assert f"{name} {summary}" in lines
    probe = "\n".join(
        [
            "import sys, app.cli",
            "sys.argv = ['vlkg', '--help']",
            "try: app.cli.main()",
            "except SystemExit: pass",
            "print('typer.rich_utils' in sys.modules)",
        ]
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert loaded.stdout.strip().splitlines()[-1] == "False", loaded.stderr
