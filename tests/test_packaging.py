"""The wheel is whole: every file the code reads at run time is package data.

An installed vlkg has no checkout beside it, so a file left out of `package-data` is a
crash on first use (`pip install .` once failed on `cypher/schema.ladybug.cypher`). These
tests compare pyproject.toml's package data with the folders the code reads from; with
`VLKG_WHEEL=<path to a built wheel>` (as `.ci/run` sets it) they also check the wheel itself.
"""

from __future__ import annotations

import os
import re
import tomllib
import zipfile
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
PACKAGE_DATA: dict[str, list[str]] = CONFIG["package-data"]

#: Folders the code reads with importlib.resources, as (package, folder inside it). Every
#: file in them must be shipped; a new resource folder belongs here too.
RESOURCE_DIRS = [
    ("cypher", "."),
    ("app", "data"),
    ("app", "web/static"),
    ("ingest", "extract/vocab"),
]


def _files(folder: Path) -> set[Path]:
    return {
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    }


def _shipped(package: str) -> set[Path]:
    """What setuptools puts in the wheel for `package`: its globs, files only (`*` stops at `/`)."""
    base = ROOT / package
    return {p for pattern in PACKAGE_DATA.get(package, []) for p in base.glob(pattern) if p.is_file()}


def _expected() -> set[str]:
    """Every resource file, as its path inside the wheel."""
    return {
        p.relative_to(ROOT).as_posix()
        for package, folder in RESOURCE_DIRS
        for p in _files(ROOT / package / folder)
    }


def test_every_package_data_glob_matches_a_file() -> None:
    for package, patterns in PACKAGE_DATA.items():
        for pattern in patterns:
            assert any(p.is_file() for p in (ROOT / package).glob(pattern)), f"{package}: {pattern!r}"


def test_every_resource_file_is_package_data() -> None:
    for package, folder in RESOURCE_DIRS:
        missing = sorted(
            p.relative_to(ROOT).as_posix() for p in _files(ROOT / package / folder) - _shipped(package)
        )
        assert not missing, f"not in [tool.setuptools.package-data] {package}: {missing}"


def test_every_python_folder_is_a_package() -> None:
    """`namespaces = false`: a folder of modules without `__init__.py` would be left out."""
    for top in ("app", "ingest"):
        for module in (ROOT / top).rglob("*.py"):
            assert (module.parent / "__init__.py").is_file(), f"{module.parent} has no __init__.py"


def test_every_named_statement_is_a_cypher_file() -> None:
    """Statement names the code spells out in full resolve to files of the `cypher` package."""
    cypher = Path(str(resources.files("cypher")))
    names = set()
    for module in [*(ROOT / "app").rglob("*.py"), *(ROOT / "ingest").rglob("*.py")]:
        names |= set(re.findall(r'\b(?:statement|script)\("([\w./]+)"', module.read_text(encoding="utf-8")))
    assert {"read/meta", "set_meta", "schema.ladybug", "schema.neo4j"} <= names
    for name in sorted(names):
        assert (cypher / f"{name}.cypher").is_file(), name


def test_resource_folders_resolve_through_importlib() -> None:
    """The readers find their folders by package, not by a path relative to the checkout."""
    from app.store.cypher import cypher_dir
    from app.web import static_dir

    if "VLKG_CYPHER_DIR" not in os.environ:
        assert cypher_dir() == Path(str(resources.files("cypher")))
    assert (cypher_dir() / "browser" / "style.grass").is_file()
    assert (static_dir() / "index.html").is_file()


@pytest.mark.skipif(not os.environ.get("VLKG_WHEEL"), reason="VLKG_WHEEL names no built wheel")
def test_the_built_wheel_holds_every_resource_file() -> None:
    with zipfile.ZipFile(os.environ["VLKG_WHEEL"]) as wheel:
        names = set(wheel.namelist())
    missing = sorted(_expected() - names)
    assert not missing, f"the wheel lacks {missing}"
    licences = {n.split("/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert {"licenses/LICENSE-DATA.md", "licenses/CITATION.cff"} <= licences
