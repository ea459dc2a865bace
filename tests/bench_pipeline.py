"""Benchmark `minzheng run` at 5 (the seeds), 50 and 500 reports (and 2,000 with --full): a cold run into a fresh
outputs folder and cache, a warm re-run, and at the largest size a run after adding one report; wall time, time per
report, reports extracted, peak memory and export sizes. Prints figures; asserts nothing.

`bench_run()` is called by tests/bench.py and also runs standalone: `.venv/bin/python tests/bench_pipeline.py [--full]`.
Each run is a subprocess (`python -m minzheng run`), so its memory is its own (the largest of its processes: runner,
worker or kernel) and the caller's environment and matplotlib state stay untouched."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
SIZES = (5, 50, 500)
FULL_SIZES = (*SIZES, 2000)
EXTRACTED = re.compile(r"corpus cache: (\d+) report\(s\), (\d+) extracted")
PROGRESS = re.compile(r"^\[\d+/\d+\] (ok|FAILED)\s+(.+?)\s+([\d.]+)s")
# Runs the pipeline and prints, last on stderr, the peak resident memory (KiB) of its largest process.
PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(f'peak-kib {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); sys.exit(code)"
)


def timed_run(corpus: Path, outputs: Path, cache: Path) -> dict[str, Any]:
    """Run `minzheng run` once; its exit code, wall time, reports extracted, peak memory and per-task times."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "MINZHENG_CACHE_DIR": str(cache)}
    command = [sys.executable, "-c", PEAK, sys.executable, "-m", "minzheng", "run"]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--corpus", str(corpus), "--outputs", str(outputs)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    extracted = EXTRACTED.search(done.stdout)
    peak = re.search(r"peak-kib (\d+)", done.stderr)
    lines = [m for m in map(PROGRESS.match, done.stdout.splitlines()) if m]
    return {
        "returncode": done.returncode,
        "seconds": seconds,
        "extracted": int(extracted[2]) if extracted else -1,
        "peak_mb": int(peak[1]) / 1024 if peak else float("nan"),
        "tasks": {m[2]: float(m[3]) for m in lines},
        "failed": [m[2] for m in lines if m[1] == "FAILED"],
        "tail": done.stdout.strip().splitlines()[-3:] + done.stderr.strip().splitlines()[-3:],
    }


def export_sizes(outputs: Path) -> dict[str, float]:
    """Sizes in MB: the combined e-mail report, the largest e-mail page, and all e-mail, researcher and data files."""

    def total(folder: str) -> int:
        return sum(p.stat().st_size for p in (outputs / folder).rglob("*") if p.is_file())

    email = [p.stat().st_size for p in (outputs / "email").glob("*.html")]
    report = outputs / "email" / "minzheng_report.html"
    return {
        "report": report.stat().st_size / 1e6 if report.is_file() else float("nan"),
        "largest_email": max(email, default=0) / 1e6,
        "email": total("email") / 1e6,
        "html": total("html") / 1e6,
        "data": total("data") / 1e6,
    }


def fingerprint(outputs: Path) -> str:
    """A hash of every page and export (not the executed notebooks' folder), to see whether two runs wrote the same."""
    digest = hashlib.sha256()
    for path in sorted(p for folder in ("email", "html", "data") for p in (outputs / folder).rglob("*") if p.is_file()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def add_one_report(corpus: Path) -> None:
    """Add one report to a generated corpus: a seed again, under a new file name and region."""
    from minzheng import paths

    with open(corpus / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seed = dict(rows[0])
    name = f"added_{seed['file']}"
    shutil.copyfile(corpus / seed["file"], corpus / name)
    with open(corpus / paths.MANIFEST_NAME, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(seed)).writerow({**seed, "file": name, "region": "新增县"})


def corpus_of(size: int, scratch: Path) -> Path:
    """The seeds (a copy) for 5 reports, else a generated corpus of `size` reports (tests/bench.generate_corpus)."""
    from minzheng import paths
    from tests.bench import generate_corpus

    folder = scratch / f"corpus_{size}"
    if size == 5:
        return Path(shutil.copytree(paths.SEEDS_DIR, folder))
    folder.mkdir()
    return generate_corpus(folder, size)


def row(size: int, kind: str, run: dict[str, Any], sizes: dict[str, float]) -> str:
    """One line of the table."""
    return (
        f"{size:>7} {kind:<9} {run['seconds']:>7.1f} {1000 * run['seconds'] / size:>9.0f} {run['extracted']:>9} "
        f"{run['peak_mb']:>7.0f} {sizes['report']:>9.2f} {sizes['largest_email']:>9.2f} {sizes['email']:>8.2f} "
        f"{sizes['html']:>8.2f} {sizes['data']:>7.2f} {run['returncode']:>4}"
    )


HEADER = (
    f"{'reports':>7} {'run':<9} {'wall s':>7} {'ms/report':>9} {'extracted':>9} {'peak MB':>7} {'e-mail MB':>9} "
    f"{'largest':>9} {'email/':>8} {'html/':>8} {'data/':>7} {'exit':>4}"
)


def bench_run(sizes: tuple[int, ...] = SIZES) -> list[dict[str, Any]]:
    """Time `minzheng run` cold, warm and (at the largest size) after adding one report; print the table."""
    print(
        "minzheng run: cold = fresh outputs folder and cache; warm = the same run again; +1 report = one report added "
        "to the largest corpus (a seed again under a new region). e-mail MB = email/minzheng_report.html (budget 5 MB); "
        "largest = the largest e-mail page; email/, html/, data/ = all files there. peak MB = the largest process."
    )
    print(HEADER, flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="minzheng-bench-") as scratch:
        for size in sizes:
            corpus, outputs, cache = (
                corpus_of(size, Path(scratch)),
                Path(scratch) / f"out_{size}",
                Path(scratch) / f"cache_{size}",
            )
            for kind in ("cold", "warm") + (("+1 report",) if size == max(sizes) else ()):
                if kind == "+1 report":
                    add_one_report(corpus)
                run = timed_run(corpus, outputs, cache)
                run |= {"size": size + (kind == "+1 report"), "kind": kind, "sizes": export_sizes(outputs)}
                run["fingerprint"] = fingerprint(outputs)
                results.append(run)
                print(row(run["size"], kind, run, run["sizes"]), flush=True)
                if run["returncode"]:
                    print("        " + "\n        ".join([f"failed: {', '.join(run['failed'])}", *run["tail"]]))
            shutil.rmtree(outputs, ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)
    cold_warm = [(r, w) for r, w in zip(results, results[1:]) if r["kind"] == "cold" and w["kind"] == "warm"]
    print("warm run wrote the same pages and exports as the cold run: " + ", ".join(
        f"{r['size']} reports {'yes' if r['fingerprint'] == w['fingerprint'] else 'NO'}" for r, w in cold_warm))  # fmt: skip
    slowest = [(r["size"], r["kind"], max(r["tasks"].items(), key=lambda t: t[1], default=("", 0.0))) for r in results]
    print("slowest task of each run: " + "; ".join(f"{s} {k}: {t[0]} {t[1]:.1f}s" for s, k, t in slowest))
    return results


if __name__ == "__main__":
    outcome = bench_run(FULL_SIZES if "--full" in sys.argv else SIZES)
    sys.exit(max(r["returncode"] for r in outcome))
