"""The English extraction benchmark runs and finds facts in its synthetic articles (speed is
recorded in docs/extraction.md, not asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_extract_en.py"


def test_english_benchmark_runs_on_a_few_articles() -> None:
    spec = importlib.util.spec_from_file_location("bench_extract_en", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(20, 1) > 0
