"""The English half of the development set (`../shared/devset`), scored with the shared
scorer: overall F1 ≥ 0.80 and partnerships precision ≥ 0.95 (issue 7). Skipped, with the
reason, when the development set is not there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "score_devset.py"
DEVSET = ROOT.parent / "shared" / "devset"


@pytest.mark.skipif(not (DEVSET / "gold").is_dir(), reason=f"development set not found at {DEVSET}")
def test_english_devset_scores() -> None:
    run = subprocess.run(
        [sys.executable, str(TOOL), "--lang", "en"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    out = run.stdout
    overall = re.search(r"overall micro: precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)", out)
    partners = re.search(r"^partnerships\s+([\d.]+)", out, re.MULTILINE)
    assert overall is not None and partners is not None, out
    assert float(overall.group(3)) >= 0.80, out
    assert float(partners.group(1)) >= 0.95, out
