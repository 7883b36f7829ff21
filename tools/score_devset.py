"""Score the extractor on the development set (`../shared/devset`), per language.

    .venv/bin/python tools/score_devset.py [--verbose] [--lang vi|en] [ARTICLE_ID...]

Each article's text from its third line on is extracted (line 1 is the source URL), as the
project's before-stop hook does, and scored with `../shared/eval/score.py` against the gold
files of that language. `--verbose` passes through the scorer's list of false positives and
missed items. Exit status 2 when the development set is not there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
SCORER = SHARED / "eval" / "score.py"


def extract(paths: list[Path], tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from ingest.extract import extract_document
    from ingest.reading import read_document

    articles = []
    for path in paths:
        body = path.read_text(encoding="utf-8").split("\n", 2)[2]
        copy = tmp / path.name
        copy.write_text(body, encoding="utf-8")
        data = extract_document(read_document(copy)).model_dump(mode="json")
        data["source"] = path.name
        articles.append(data)
    out = tmp / "facts.json"
    out.write_text(json.dumps({"articles": articles}, ensure_ascii=False), encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ids", nargs="*", help="article ids (N-001, S-015...); all when none")
    ap.add_argument("--lang", choices=("vi", "en"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    if not (DEVSET.is_dir() and SCORER.is_file()):
        print(f"development set not found under {SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        by_lang: dict[str, list[Path]] = {"vi": [], "en": []}
        for gold in sorted((DEVSET / "gold").glob("*.json")):
            if args.ids and gold.stem not in args.ids:
                continue
            lang = json.loads(gold.read_text(encoding="utf-8")).get("language", "vi")
            if args.lang and lang != args.lang:
                continue
            d = tmp / lang
            d.mkdir(exist_ok=True)
            (d / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
            by_lang.setdefault(lang, []).append(DEVSET / "articles" / f"{gold.stem}.txt")
        (tmp / "a").mkdir()
        facts = extract([p for ps in by_lang.values() for p in ps], tmp / "a")
        for lang, paths in by_lang.items():
            if not paths:
                continue
            cmd = [sys.executable, str(SCORER), str(tmp / lang), str(facts)]
            if args.verbose:
                cmd.append("--verbose")
            run = subprocess.run(cmd, capture_output=True, text=True, check=True)
            print(f"== {lang}: {len(paths)} articles")
            print(run.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
