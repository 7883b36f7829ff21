"""Snapshot of the extractor's output on every article at hand, to prove a refactor changes nothing.

    .venv/bin/python tools/extract_snapshot.py [--out PATH]      # write the snapshot
    .venv/bin/python tools/extract_snapshot.py --check [PATH]    # compare with it

Speed work on the rule engine must not move a single fact, offset, confidence or warning.
Unit tests pin chosen sentences; this pins everything: the development set
(`../shared/devset`, read as `tools/score_devset.py` reads it), the seeds (`../shared/seeds`),
the test articles (`tests/data/articles`), `samples/`, every long string literal of `tests/`
and every vocabulary example (each as a small article), and synthetic benchmark articles in
both languages (`bench/bench_extract.py`, fixed random seed). Each article's facts are dumped
as JSON with sorted keys under a stable label (no local paths), so the check is a byte
comparison; on a difference the first differing articles are named. The shared sets are
skipped, with a note, when absent, so a snapshot is only comparable on the same machine.
Patterns new since the snapshot are named and left out of the comparison. Exit status:
0 same, 1 different, 2 no snapshot to compare with.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = Path("/tmp") / "vlkg-extract-snapshot.json"
# The code measured is the code of the tree this script sits in, even where another checkout
# is installed in the venv (run a copy of the old tree's script to snapshot the old code).
sys.path.insert(0, str(ROOT))
SUFFIXES = (".txt", ".html", ".htm", ".json")


def _documents() -> Iterator[tuple[str, Any]]:
    """(label, Document) for every input, in a fixed order."""
    from app.gazetteer import gazetteer
    from bench.bench_extract import make_article
    from ingest.reading import document_from_bytes

    devset = SHARED / "devset" / "articles"
    for path in sorted(devset.glob("*.txt")) if devset.is_dir() else []:
        # Line 1 is the source URL, line 2 blank: the scorer extracts from line 3 on.
        body = path.read_text(encoding="utf-8").split("\n", 2)[2]
        yield f"devset/{path.name}", document_from_bytes(body.encode(), source=path.name, suffix=".txt")
    for folder, label in (
        (SHARED / "seeds", "seeds"),
        (ROOT / "tests" / "data" / "articles", "tests"),
        (ROOT / "samples", "samples"),
    ):
        if not folder.is_dir():
            print(f"note: {folder} absent, skipped", file=sys.stderr)
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path.name.endswith(".expected.json"):
                continue
            doc = document_from_bytes(path.read_bytes(), source=path.name, suffix=path.suffix.lower())
            yield f"{label}/{path.name}", doc
    yield from _literals()
    g = gazetteer()
    for lang, n in (("vi", 300), ("en", 100)):
        name = "name_vi" if lang == "vi" else "name_en"
        vn = [getattr(p, name) for p in g.all("VN") if p.iso]
        la = [getattr(p, name) for p in g.all("LA") if p.iso]
        rng = random.Random(7)
        for i in range(n):
            yield f"synthetic/{lang}/{i:03d}", make_article(rng, vn, la, lang=lang)


def _literals() -> Iterator[tuple[str, Any]]:
    """Every string of 20+ characters written in `tests/` and in the vocabulary examples,
    each as a one-paragraph article: the shapes the rules were written for, and edge cases
    (glued currencies, odd spacing) the articles may lack."""
    import ast
    import tomllib

    from ingest.reading import document_from_bytes

    texts: list[tuple[str, str]] = []
    for path in sorted((ROOT / "tests").rglob("*.py"), key=lambda p: p.name):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = ast.walk(tree)
        strings = [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        texts.extend((f"{path.name}:{i}", t) for i, t in enumerate(strings) if len(t.strip()) >= 20)
    for path in sorted((ROOT / "ingest" / "extract" / "vocab").glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key, table in data.items():
            for field in ("examples", "counter"):
                for i, t in enumerate(table.get(field, ()) if isinstance(table, dict) else ()):
                    texts.append((f"{path.parent.name}/{path.stem}.{key}.{field}:{i}", t))
    for label, text in texts:
        try:
            doc = document_from_bytes(text.encode(), source="literal.txt", suffix=".txt")
        except Exception:  # not an article (a path, a JSON fragment...)
            continue
        yield f"literals/{label}", doc


def snapshot() -> dict[str, Any]:
    """Every input's extracted facts as JSON-ready data, keyed by label, and a digest of
    what every pattern of the extractor finds in all their text (`patterns/...`)."""
    from ingest.extract import extract_document

    out: dict[str, Any] = {}
    texts: list[str] = []
    for label, doc in _documents():
        if not label.startswith("synthetic/"):  # templates: nothing new for the patterns
            texts.append(doc.text)
        try:
            out[label] = extract_document(doc).model_dump(mode="json")
        except Exception as exc:  # a crash is an output too: it must stay the same
            out[label] = {"error": f"{type(exc).__name__}: {exc}"}
    out.update(_pattern_digests(texts))
    return out


def _pattern_digests(texts: list[str]) -> dict[str, str]:
    """For each compiled pattern of the extractor's modules and vocabularies, a digest of
    every match (span and groups) in `texts`: a pattern rewritten for speed must find the
    same things even where no fact depends on it today."""
    import hashlib
    import importlib
    import pkgutil
    import re

    import ingest.extract
    from ingest.extract import vocab

    patterns: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(ingest.extract.__path__, "ingest.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                patterns[f"{info.name}.{name}"] = value
    for lang, name in vocab.files():
        for key, table in vocab.vocabulary(lang, name).tables.items():
            patterns[f"vocab/{lang}/{name}.{key}"] = table.regex
    out: dict[str, str] = {}
    for label, pattern in sorted(patterns.items()):
        digest = hashlib.sha256()
        for text in texts:
            for m in pattern.finditer(text):
                digest.update(repr((m.span(), m.groups())).encode())
            digest.update(b"|")
        out[f"patterns/{label}"] = digest.hexdigest()
    return out


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", nargs="?", const=str(DEFAULT), metavar="PATH", help="compare with PATH")
    ap.add_argument("--out", default=str(DEFAULT), help=f"where to write (default {DEFAULT})")
    args = ap.parse_args()
    data = snapshot()
    if args.check is None:
        Path(args.out).write_text(_dumps(data), encoding="utf-8")
        print(f"{len(data)} entries (articles and pattern digests) written to {args.out}")
        return 0
    path = Path(args.check)
    if not path.is_file():
        print(f"no snapshot at {path}: write one first (without --check)", file=sys.stderr)
        return 2
    old = json.loads(path.read_text(encoding="utf-8"))
    # A pattern the snapshot did not have (a new module's) has nothing to be compared with.
    new = sorted(k for k in data.keys() - old.keys() if k.startswith("patterns/"))
    for k in new:
        del data[k]
    if new:
        print(f"new patterns, not compared: {', '.join(new)}")
    if _dumps(old) == _dumps(data):
        print(f"identical: {len(data)} entries (articles and pattern digests)")
        return 0
    keys = old.keys() | data.keys()
    changed = sorted(k for k in keys if _dumps({k: old.get(k)}) != _dumps({k: data.get(k)}))
    print(f"DIFFERENT: {len(changed)} of {len(keys)} entries: {', '.join(changed[:20])}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
