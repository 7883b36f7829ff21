"""Peak memory of reading and extracting one very large text file (issue #11).

Run: `python bench/probe_big_text.py [MB]` (default 19.9, just under the reader's 20 MB
limit). An invented Vietnamese text of that size is written to a temporary file (the
benchmark's templates and filler sentences, paragraphs separated by blank lines, with a
headline on top), then a child process runs it through `ingest.pipeline.extract_paths`,
the path `vlkg extract` and `vlkg ingest` take, and reports its peak resident set size
(`resource.getrusage`, `ru_maxrss`). A child is used so the figure is that run's own
peak, not this process's; the child also reports its size after the imports, so the
growth the file causes is printed beside the total. The target is a peak under about
10 times the file's size.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `bench.bench_extract`'s templates, run as a script
TARGET_FACTOR = 10.0


def invented_text(size: int, seed: int = 11) -> str:
    """About `size` bytes of invented Vietnamese report text (UTF-8), paragraph by paragraph."""
    from app.gazetteer import gazetteer
    from bench.bench_extract import paragraphs

    rng = random.Random(seed)
    g = gazetteer()
    vn = [p.name_vi for p in g.all("VN") if p.iso]
    la = [p.name_vi for p in g.all("LA") if p.iso]
    parts = ["Tăng cường hợp tác giữa các tỉnh biên giới Việt Nam - Lào"]
    total = len(parts[0].encode())
    made = paragraphs(rng, vn, la)
    while total < size:
        p = next(made)
        parts.append(p)
        total += len(p.encode()) + 2
    return "\n\n".join(parts) + "\n"


def _rss_bytes() -> int:
    """This process's peak resident set size so far (`ru_maxrss` is KiB on Linux).

    Linux carries `ru_maxrss` over an `exec`: a child started by a process that held the
    generated text would report that parent's peak. So the text is written by a child of
    its own (`--write`) and the parent that starts the measured child stays small."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _hwm_bytes() -> int | None:
    """The peak RSS of this process image (`VmHWM`, reset by `exec`), where /proc has it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def write(path: str, mb: float) -> None:
    """Write the invented text of about `mb` megabytes to `path`."""
    Path(path).write_text(invented_text(int(mb * 1_000_000)), encoding="utf-8")


def child(path: str) -> None:
    """Extract `path` as `vlkg extract` does; print peak RSS and counts as one JSON line."""
    from ingest.extract import extract_document  # noqa: F401 (imported before the baseline)
    from ingest.pipeline import extract_paths

    base = _rss_bytes()
    cpu = time.process_time()
    run = extract_paths([Path(path)])
    cpu = time.process_time() - cpu
    facts = sum(
        len(a.partnerships) + len(a.officials) + len(a.agreements) + len(a.projects) for a in run.articles
    )
    print(
        json.dumps(
            {
                "base": base,
                "peak": _rss_bytes(),
                "hwm": _hwm_bytes(),
                "cpu": cpu,
                "facts": facts,
                "failures": run.failures,
            }
        )
    )


def main(mb: float = 19.9) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "big.txt")
        subprocess.run([sys.executable, __file__, "--write", str(path), str(mb)], check=True, cwd=ROOT)
        n = path.stat().st_size
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    r = json.loads(out.strip().splitlines()[-1])
    peak, base = r["peak"], r["base"]
    factor = peak / n
    hwm = f", VmHWM {r['hwm'] / 1e6:.0f} MB" if r["hwm"] else ""
    print(
        f"file {n / 1e6:.1f} MB: peak RSS {peak / 1e6:.0f} MB ({factor:.1f}x the file{hwm}; after imports "
        f"{base / 1e6:.0f} MB, growth {(peak - base) / 1e6:.0f} MB = {(peak - base) / n:.1f}x), "
        f"{r['cpu']:.1f} CPU s, {r['facts']} facts, failures {r['failures'] or 'none'}"
    )
    ok = factor <= TARGET_FACTOR
    print(f"target: peak <= {TARGET_FACTOR:.0f}x the file size {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    elif len(sys.argv) > 3 and sys.argv[1] == "--write":
        write(sys.argv[2], float(sys.argv[3]))
    else:
        sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 19.9))
