"""`vlkg --help` start-up time against the 0.15 s target of issue 12.

Run: `python bench/bench_cli.py [N]` (default 10 runs). Runs `vlkg --help` (the `vlkg`
beside this Python, else `python -m app.cli`) N times and reports the best wall-clock time,
as `timeit` does, with the median beside it, and the best CPU time of the child process
(user + system), which other jobs on a shared machine distort less. Also prints the bare
interpreter's start-up (`python -c pass`) for scale. Not a test: nothing here fails a build;
the exit status is 1 when the best wall-clock time misses the target.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 0.15  # seconds, issue 12


def _command() -> list[str]:
    beside = Path(sys.executable).with_name("vlkg")
    if beside.is_file():
        return [str(beside), "--help"]
    found = shutil.which("vlkg")
    return [found, "--help"] if found else [sys.executable, "-m", "app.cli", "--help"]


def _time(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    env = {**os.environ, "COLUMNS": "80"}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    command = _command()
    _time(command, 1)  # warm the file cache and the bytecode
    walls, cpus = _time(command, runs)
    bare, _ = _time([sys.executable, "-c", "pass"], runs)
    best = min(walls)
    print(f"{' '.join(command)}: best {best:.3f} s, median {statistics.median(walls):.3f} s of {runs} runs")
    print(f"  CPU (user + system): best {min(cpus):.3f} s")
    print(f"  python -c pass: best {min(bare):.3f} s")
    verdict = "meets" if best <= TARGET else "misses"
    print(f"  target {TARGET:.2f} s: {verdict}")
    return 0 if best <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
