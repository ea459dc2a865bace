"""Benchmark `minzheng run`: a cold run into a fresh outputs folder, then a warm re-run; times and export sizes.

`bench_run()` is called by tests/bench.py and also runs standalone: `.venv/bin/python tests/bench_pipeline.py`.
The pipeline runs in a subprocess, so the caller's environment and matplotlib state stay untouched.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROGRESS = re.compile(r"^\[\d+/\d+\] (ok|FAILED)\s+(.+?)\s+([\d.]+)s")
EXPORT_FOLDERS = ("email", "html", "data")


def timed_run(outputs: Path, extra: list[str] | None = None) -> dict[str, Any]:
    """Run the pipeline once into `outputs`; return its exit code, wall time and per-task times."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "minzheng.pipeline", "--outputs", str(outputs), *(extra or [])],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    tasks = {m[2]: float(m[3]) for m in map(PROGRESS.match, done.stdout.splitlines()) if m}
    failed = [m[2] for m in map(PROGRESS.match, done.stdout.splitlines()) if m and m[1] == "FAILED"]
    return {
        "returncode": done.returncode,
        "total_s": round(seconds, 2),
        "tasks_s": tasks,
        "failed": failed,
        "stderr": done.stderr,
    }


def export_sizes(outputs: Path) -> dict[str, int]:
    """Return the size in bytes of every export (email, html, data) and of index.html."""
    files = [p for folder in EXPORT_FOLDERS for p in sorted((outputs / folder).glob("*")) if p.is_file()]
    files.append(outputs / "index.html")
    return {str(p.relative_to(outputs)): p.stat().st_size for p in files if p.is_file()}


def snapshot(outputs: Path) -> dict[str, bytes]:
    """Return the bytes of every export and executed notebook, to compare runs."""
    return {str(p.relative_to(outputs)): p.read_bytes() for p in sorted(outputs.rglob("*")) if p.is_file()}


def print_table(result: dict[str, Any]) -> None:
    """Print the per-notebook times of the cold and warm runs, the totals and the export sizes."""
    cold, warm = result["cold"], result["warm"]
    names = sorted({*cold["tasks_s"], *warm["tasks_s"]}, key=lambda name: (not name[:2].isdigit(), name))
    width = max([len(n) for n in names] + [24])
    print(f"{'minzheng run':<{width}}  {'cold':>8}  {'warm':>8}")
    for name in names:
        print(
            f"{name:<{width}}  {cold['tasks_s'].get(name, float('nan')):7.1f}s  {warm['tasks_s'].get(name, float('nan')):7.1f}s"
        )
    print(f"{'total (wall)':<{width}}  {cold['total_s']:7.1f}s  {warm['total_s']:7.1f}s")
    print(f"{'exit code':<{width}}  {cold['returncode']:>8}  {warm['returncode']:>8}")
    print(
        f"warm run byte-identical to cold run: {result['identical']}; largest process of the runs (kernel, worker or runner) {result['peak_child_rss_mb']:.0f} MB"
    )
    for name, size in result["sizes"].items():
        print(f"  {name:<{width + 8}} {size / 1024:9.1f} KiB")


def bench_run(outputs: Path | None = None) -> dict[str, Any]:
    """Time `minzheng run` cold (fresh outputs folder) and warm (second run); report export sizes; print a table."""
    with tempfile.TemporaryDirectory(prefix="minzheng-bench-") as scratch:
        target = Path(outputs) if outputs else Path(scratch) / "outputs"
        cold = timed_run(target)
        first = snapshot(target)
        warm = timed_run(target)
        result = {
            "cold": cold,
            "warm": warm,
            "sizes": export_sizes(target),
            "identical": snapshot(target) == first,
            "peak_child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
    print_table(result)
    return result


if __name__ == "__main__":
    outcome = bench_run()
    sys.exit(max(outcome["cold"]["returncode"], outcome["warm"]["returncode"]))
