"""What a run may write: e-mail pages within a size budget (over it, the run fails naming the file and its size), and
the cache the run's workers and kernels share, built once before the notebooks."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from minzheng import paths
from minzheng.publish.kernel import error_summary
from minzheng.publish.parameters import PipelineError

# An e-mail page (each notebook's and the combined report) must stay under this many bytes: mail servers commonly
# refuse messages over 10 MB, and an attachment grows by a third when encoded.
EMAIL_BUDGET_BYTES = 5_000_000


class BudgetError(PipelineError):
    """A page would be larger than its budget; it is not written and the run fails."""


def megabytes(size: int) -> str:
    """A size in MB with one decimal ('16.8 MB'), two below 1 MB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1_000_000:.2f} MB"


def check_budget(name: str, page: str | bytes, budget: int | None = EMAIL_BUDGET_BYTES) -> None:
    """Raise BudgetError when a page is over its budget (None: no budget), naming the file and both sizes."""
    size = len(page.encode("utf-8") if isinstance(page, str) else page)
    if budget is not None and size > budget:
        raise BudgetError(
            f"{name} would be {megabytes(size)} ({size:,} bytes), over the e-mail budget of {megabytes(budget)}; "
            "it was not written. Mail servers reject files this large: compare fewer regions (--regions), or raise "
            "the budget with --email-budget if your mail accepts more"
        )


@contextmanager
def run_cache(outputs: Path) -> Iterator[Path]:
    """The cache folder of a run ($MINZHENG_CACHE_DIR when set, else <outputs>/.cache), set in the environment while
    the run lasts so its workers and their kernels read and write the same cache."""
    before = os.environ.get(paths.CACHE_ENV)
    folder = Path(before) if before else Path(outputs) / ".cache"
    os.environ[paths.CACHE_ENV] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop(paths.CACHE_ENV, None)
        else:
            os.environ[paths.CACHE_ENV] = before


def warm_cache(corpus_dir: Path, regions: str | None, part: int, parts: int) -> tuple[int, int, int]:
    """Extract one part of the corpus into the cache and segment its texts (a worker's share of the build); return
    the reports, how many were extracted and how many came from the cache."""
    from minzheng.corpus import load_part
    from minzheng.words.shares import report_tokens

    corpus = load_part(Path(corpus_dir), regions, part, parts)
    report_tokens(corpus)
    stats = corpus.cache_stats
    return (stats.reports, stats.extracted, stats.from_cache) if stats else (len(corpus), len(corpus), 0)


def cache_is_fresh(corpus_dir: Path, regions: str | None) -> int | None:
    """The number of reports when the cache holds every report of the corpus and every text's tokens, else None."""
    from minzheng.corpus import cached_texts
    from minzheng.words.token_cache import tokens_stored

    try:
        keys = cached_texts(Path(corpus_dir), regions)
    except Exception:  # a manifest that cannot be read: the build meets it and the notebooks report it
        return None
    return len(keys) if keys is not None and tokens_stored(sorted(set(keys))) else None


def build_cache(pool: Executor, workers: int, corpus_dir: Path, regions: str | None, out: TextIO) -> None:
    """Extract the corpus into the run's cache before any notebook starts, each worker a part (nothing when the cache
    holds it all already); print what it took."""
    start = time.perf_counter()
    reports = cache_is_fresh(corpus_dir, regions)
    if reports is not None:
        line = f"corpus cache: {reports} report(s), 0 extracted, {reports} from the cache"
        print(f"minzheng run: {line} ({time.perf_counter() - start:.1f}s)", file=out, flush=True)
        return
    parts = [pool.submit(warm_cache, corpus_dir, regions, part, workers) for part in range(workers)]
    try:
        counts = [future.result() for future in parts]
    except Exception as error:  # the notebooks and the data export meet the same problem and report it
        print(f"minzheng run: the corpus was not cached ({error_summary(error)})", file=out, flush=True)
        return
    reports, extracted, cached = (sum(c[i] for c in counts) for i in range(3))
    print(
        f"minzheng run: corpus cache: {reports} report(s), {extracted} extracted, {cached} from the cache "
        f"({time.perf_counter() - start:.1f}s)",
        file=out,
        flush=True,
    )
