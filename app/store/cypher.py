"""Named Cypher statements: generated from the model, or read from the `cypher` package.

Hand-written statements live in `.cypher` files (one statement per file, except the
schema files) so they can be linted with Neo4j's own front end and opened in Neo4j
Browser. The write and export statements, one per label or type, are generated from
app/graph.py (app/store/statements.py) rather than committed. Code refers to either kind
by name and passes user input only as parameters.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

from app.store.statements import generated


class CypherNotFound(LookupError):
    pass


def cypher_dir() -> Path:
    """The `cypher` package's folder, wherever vlkg is installed (a checkout or a wheel).

    `VLKG_CYPHER_DIR` overrides it, to try edited statements against an installed vlkg.
    A `Path`, not a `Traversable`: pip installs wheels as plain folders, and the schema
    tests glob it."""
    env = os.environ.get("VLKG_CYPHER_DIR")
    return Path(env) if env else Path(str(resources.files("cypher")))


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@functools.cache
def statement(name: str) -> str:
    """The statement named `name`, comments removed: a generated one (`write/create_Article`,
    `read/export_LED`), else the file `cypher/<name>.cypher` (`read/partners`)."""
    text = generated().get(name)
    if text is not None:
        return _strip_comments(text)
    path = cypher_dir() / f"{name}.cypher"
    try:
        return _strip_comments(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CypherNotFound(f"no Cypher statement {name!r} at {path}") from exc


@functools.cache
def script(name: str) -> tuple[str, ...]:
    """A `;`-separated script such as the schema, as individual statements."""
    text = _strip_comments((cypher_dir() / f"{name}.cypher").read_text(encoding="utf-8"))
    return tuple(s.strip() for s in text.split(";") if s.strip())
