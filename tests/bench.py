"""Benchmark: extraction time and peak memory on the seeds and on generated corpora of 10, 100 and 1,000 reports (the
cache left out), then `minzheng run` at 5, 50 and 500 reports cold, warm and with one report added (2,000 too with
--full; tests/bench_pipeline.py). Prints figures; asserts nothing (`make bench`, `make bench BENCH_FULL=1`)."""

from __future__ import annotations

import csv
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZES = (10, 100, 1000)
LONG_MB = (1, 4, 16)


def generate_corpus(folder: Path, size: int) -> Path:
    """Write a corpus of `size` reports: the seeds again and again under new names and regions."""
    from minzheng import paths

    with open(paths.SEEDS_DIR / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        seeds = list(csv.DictReader(handle))
    rows = []
    for index in range(size):
        seed = dict(seeds[index % len(seeds)])
        name = f"gen_{index:05d}_{seed['file']}"
        shutil.copyfile(paths.SEEDS_DIR / seed["file"], folder / name)
        rows.append({**seed, "file": name, "region": f"{seed['region']}#{index}"})
    with open(folder / paths.MANIFEST_NAME, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(seeds[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def generate_long_report(folder: Path, megabytes: int) -> Path:
    """Write a corpus of one report of about `megabytes` MB: the seeds' texts one after another, again and again."""
    from minzheng import paths

    with open(paths.SEEDS_DIR / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        seeds = list(csv.DictReader(handle))
    texts = [(paths.SEEDS_DIR / seed["file"]).read_text(encoding="utf-8") for seed in seeds]
    block = "\n\n".join(texts)
    repeats = max(1, round(megabytes * 1_000_000 / len(block.encode("utf-8"))))
    (folder / "long.txt").write_text("\n\n".join([block] * repeats), encoding="utf-8")
    with open(folder / paths.MANIFEST_NAME, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(seeds[0]))
        writer.writeheader()
        writer.writerow({**seeds[0], "file": "long.txt", "region": "长报告"})
    return folder


def print_length_table(results: list[tuple[int, dict[str, float]]]) -> None:
    """Print one line per report length: seconds and seconds per MB (flat = linear in length)."""
    print(f"{'MB':>4} {'rows':>7} {'read+clean s':>13} {'extract s':>10} {'s per MB':>9} {'peak MB':>8}")
    for megabytes, r in results:
        per_mb = r["total_after_startup_s"] / megabytes
        print(
            f"{megabytes:>4} {r['rows']:>7} {r['read_clean_s']:>13.2f} {r['extract_s']:>10.2f} {per_mb:>9.2f} "
            f"{r['peak_rss_mb']:>8.0f}"
        )


def measure(folder: str) -> dict[str, float]:
    """Load and extract a corpus in this process; return seconds and peak memory."""
    started = time.perf_counter()
    from minzheng.corpus import load_corpus
    from minzheng.words.tokens import tokenizer

    tokenizer()
    imported = time.perf_counter()
    corpus = load_corpus(folder, strict=True, cache=False)  # extraction itself, not the cache
    loaded = time.perf_counter()
    rows = corpus.indicators()
    done = time.perf_counter()
    return {
        "reports": len(corpus),
        "rows": len(rows),
        "startup_s": imported - started,
        "read_clean_s": loaded - imported,
        "extract_s": done - loaded,
        "total_after_startup_s": done - imported,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_in_subprocess(folder: Path) -> dict[str, float]:
    """Run `measure` in a fresh interpreter so start-up and memory are its own."""
    code = f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); from tests.bench import measure; print(json.dumps(measure({str(folder)!r})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_extraction_table(results: list[dict[str, float]]) -> None:
    """Print one line per corpus size."""
    print(
        f"{'reports':>8} {'rows':>7} {'start-up s':>11} {'read+clean s':>13} {'extract s':>10} {'total s':>8} {'ms/report':>10} {'peak MB':>8}"
    )
    for r in results:
        per_report = 1000 * r["total_after_startup_s"] / r["reports"]
        print(
            f"{r['reports']:>8} {r['rows']:>7} {r['startup_s']:>11.2f} {r['read_clean_s']:>13.3f} {r['extract_s']:>10.3f} "
            f"{r['total_after_startup_s']:>8.3f} {per_report:>10.2f} {r['peak_rss_mb']:>8.0f}"
        )


def main() -> None:
    """Print extraction figures (skipped with --pipeline-only), then the pipeline's (skipped with --extraction-only)."""
    from minzheng import paths

    if "--pipeline-only" in sys.argv:
        return run_pipeline_bench()
    print("Extraction (fresh interpreter per corpus; start-up = imports and jieba dictionary)")
    results = [measure_in_subprocess(paths.SEEDS_DIR)]
    with tempfile.TemporaryDirectory() as scratch:
        for size in SIZES:
            folder = Path(scratch) / f"corpus_{size}"
            folder.mkdir()
            results.append(measure_in_subprocess(generate_corpus(folder, size)))
    print_extraction_table(results)
    base, largest = results[1], results[-1]
    ratio = (largest["total_after_startup_s"] / largest["reports"]) / (base["total_after_startup_s"] / base["reports"])
    print(f"cost per report at {largest['reports']} vs {base['reports']} reports: x{ratio:.2f} (1.0 = linear)")
    print()
    print("One long report (the seeds again and again): extraction must stay linear in length")
    lengths = []
    with tempfile.TemporaryDirectory() as scratch:
        for megabytes in LONG_MB:
            folder = Path(scratch) / f"long_{megabytes}"
            folder.mkdir()
            lengths.append((megabytes, measure_in_subprocess(generate_long_report(folder, megabytes))))
    print_length_table(lengths)
    print()
    print("Reading per format (the seeds saved as text, web page, PDF and Word file)")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(ROOT / "tests" / "bench_formats.py")], cwd=ROOT, check=False)
    print()
    sys.stdout.flush()
    if "--extraction-only" in sys.argv:
        return
    run_pipeline_bench()


def run_pipeline_bench() -> None:
    """The pipeline's figures, in their own interpreter (tests/bench_pipeline.py; --full adds 2,000 reports)."""
    full = ["--full"] if "--full" in sys.argv else []
    subprocess.run([sys.executable, str(ROOT / "tests" / "bench_pipeline.py"), *full], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
