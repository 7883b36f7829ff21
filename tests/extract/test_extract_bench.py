"""The extraction benchmark runs (speed itself is recorded in docs/extraction.md, not asserted:
timings on shared CI machines are too noisy for a hard threshold)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extract.py"


def test_benchmark_runs_on_a_few_articles(capsys: object) -> None:
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rate = module.main(20, 1)
    assert rate > 0
    assert module.main(5, 1, "en") > 0
