"""Reading time per report for each format: the seeds saved as text, web pages, PDFs and Word files, read and extracted.

Printed by `make bench`; run alone with `.venv/bin/python tests/bench_formats.py`. Each seed is built in every format
by the same helpers the format tests use (tests/report_files.py), then each file is read (decode or extract the text,
clean, segment) and its figures extracted, best of several rounds, in this interpreter after one warm-up round."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from minzheng.extract.figures import indicator_frame  # noqa: E402
from minzheng.read.report import read_report  # noqa: E402
from report_files import seeds, web_page, write_pdf, write_word  # noqa: E402

ROUNDS = 5


def build(folder: Path) -> dict[str, list[Path]]:
    """Every seed as .txt, .html, .pdf and .docx in a folder: format -> files."""
    files: dict[str, list[Path]] = {"txt": [], "html": [], "pdf": [], "docx": []}
    for seed in seeds():
        stem = Path(seed.file).stem
        text = folder / f"{stem}.txt"
        text.write_text(seed.text, encoding="utf-8")
        page = folder / f"{stem}.html"
        page.write_bytes(web_page(seed))
        files["txt"].append(text)
        files["html"].append(page)
        write_pdf(seed, folder / f"{stem}.pdf", header="某县民政局工作总结")
        files["pdf"].append(folder / f"{stem}.pdf")
        files["docx"].append(write_word(seed, folder / f"{stem}.docx"))
    return files


def best_seconds(paths: list[Path], extract: bool) -> float:
    """The best of ROUNDS times to read (and, when asked, extract) every file once."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        reports = [read_report(path, path.stem, 2023, "county") for path in paths]
        if extract:
            indicator_frame(reports)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    """Print one line per format: ms per report to read, and to read and extract."""
    with tempfile.TemporaryDirectory() as scratch:
        files = build(Path(scratch))
        for paths in files.values():
            best_seconds(paths[:1], extract=True)
        print(f"{'format':>7} {'reports':>8} {'read ms/report':>15} {'read+extract ms/report':>23}")
        for kind, paths in files.items():
            read = 1000 * best_seconds(paths, extract=False) / len(paths)
            both = 1000 * best_seconds(paths, extract=True) / len(paths)
            print(f"{kind:>7} {len(paths):>8} {read:>15.1f} {both:>23.1f}")


if __name__ == "__main__":
    main()
