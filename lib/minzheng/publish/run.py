"""Running the notebooks: papermill in worker processes, a progress line per task, exports, the run summary."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import tempfile
import time
import warnings
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from minzheng import paths, writers
from minzheng.publish import combined, data, pages, schedule, staging
from minzheng.publish.budget import EMAIL_BUDGET_BYTES, BudgetError, build_cache, check_budget, run_cache
from minzheng.publish.guard import end_children, interrupt_on_sigterm, outputs_lock, signals_deferred
from minzheng.publish.kernel import ensure_kernel, error_summary, failed_notebook, run_papermill_with_retries
from minzheng.publish.parameters import PipelineError, check_parameters
from minzheng.publish.staging import RunSet

DATA_TASK = "data exports"


REPORTS_TASK = "combined report and index"


# Set for the workers and the kernels they start: no debugger/platformdirs warnings, fixed hashing, inline figures.
RUN_ENVIRONMENT = {
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "JUPYTER_PLATFORM_DIRS": "1",
    "PYTHONHASHSEED": "0",
    "TQDM_DISABLE": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


QUIET_LOGGERS = ("papermill", "nbclient", "nbconvert", "traitlets", "jupyter_client", "asyncio", "jieba", "blib2to3")


@dataclass
class RunOptions:
    """Everything one `minzheng run` needs."""

    notebooks_dir: Path = paths.NOTEBOOKS_DIR
    outputs_dir: Path = paths.OUTPUTS_DIR
    corpus_dir: Path = paths.SEEDS_DIR
    regions: str | None = None
    workers: int = os.cpu_count() or 1
    only: list[str] = field(default_factory=list)
    strict: bool = False
    parameters: dict[str, Any] = field(default_factory=dict)
    allow_missing: bool = False
    email_budget: int | None = EMAIL_BUDGET_BYTES


@dataclass
class TaskResult:
    """The outcome of one notebook (or of the data exports): status, time, error, written files."""

    name: str
    ok: bool
    seconds: float
    error: str = ""
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def skip_slow_optional_imports() -> None:
    """Keep jsonschema from importing rfc3987_syntax (about 1 s of grammar building per process; nbformat never needs it)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type] - a None entry makes the import fail fast


def quiet_environment() -> None:
    """Set the environment and logging so that kernels and libraries print nothing to stderr."""
    skip_slow_optional_imports()
    os.environ.update(RUN_ENVIRONMENT)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)


def select_notebooks(folder: Path, only: list[str]) -> list[Path]:
    """Return the notebooks to run, sorted by name; `only` restricts them by name."""
    found = sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise PipelineError(f"no notebooks (*.ipynb) in {folder}")
    if not only:
        return found
    wanted = {name.removesuffix(".ipynb") for name in only}
    unknown = sorted(wanted - {p.stem for p in found})
    if unknown:
        raise PipelineError(
            f"unknown notebook(s) {', '.join(unknown)}; {folder} has {', '.join(p.stem for p in found)}"
        )
    return [p for p in found if p.stem in wanted]


def notebook_parameters(options: RunOptions) -> dict[str, Any]:
    """Return the parameters every notebook gets: corpus_dir, regions, output_dir, strict and any -p."""
    return {
        "corpus_dir": str(Path(options.corpus_dir).resolve()),
        "regions": options.regions,
        "output_dir": str(Path(options.outputs_dir).resolve()),
        "strict": options.strict,
        **options.parameters,
    }


def execute_notebook(
    source: Path, parameters: dict[str, Any], stage: Path, run_id: str, budget: int | None = EMAIL_BUDGET_BYTES
) -> TaskResult:
    """Execute one notebook into the run's staging folder: its executed copy and pages, or on failure (an e-mail page
    over its budget too) its copy in failed/ with the error."""
    import nbformat

    quiet_environment()
    start = time.perf_counter()
    name, stage = source.stem, Path(stage)
    destination = stage.parent
    with tempfile.TemporaryDirectory(prefix="minzheng-run-") as work:
        executed, kernel_log = Path(work) / source.name, Path(work) / "kernel-stderr.log"
        try:
            run_papermill_with_retries(source, executed, parameters, kernel_log)
            nb = staging.record_destination(nbformat.read(executed, as_version=4), stage, destination)
            nb = pages.normalize_notebook(nb, name)
            exported = pages.export_notebook_pages(nb, name, source.parent, run_id)
            check_budget(f"email/{name}.html", exported["email"], budget)
        except Exception as error:  # a failing notebook must not stop the others
            log = kernel_log.read_text(encoding="utf-8", errors="replace") if kernel_log.is_file() else ""
            nb = staging.record_destination(failed_notebook(source, executed, error, log), stage, destination)
            failed = writers.atomic_write(
                stage / "failed" / source.name, pages.notebook_text(pages.normalize_notebook(nb, name))
            )
            return TaskResult(name, False, time.perf_counter() - start, error_summary(error), [str(failed)])
    written = [writers.atomic_write(stage / "notebooks" / source.name, pages.notebook_text(nb))]
    written += [writers.atomic_write(stage / folder / f"{name}.html", page) for folder, page in exported.items()]
    return TaskResult(name, True, time.perf_counter() - start, "", [str(p) for p in written])


def export_data_task(corpus_dir: Path, regions: str | None, strict: bool, outputs_dir: Path) -> TaskResult:
    """Load the corpus and write data/indicators.csv and .xlsx; the reports it could not read are the result's notes."""
    from minzheng.codebook import load_codebook
    from minzheng.corpus import load_corpus

    quiet_environment()
    start = time.perf_counter()
    try:
        corpus = load_corpus(Path(corpus_dir), regions=regions, strict=strict)
        written = data.export_data(corpus, load_codebook(), Path(outputs_dir))
    except Exception as error:
        return TaskResult(DATA_TASK, False, time.perf_counter() - start, error_summary(error))
    return TaskResult(
        DATA_TASK, True, time.perf_counter() - start, "", [str(p) for p in written], list(corpus.problems)
    )


def write_reports(
    notebooks: list[Path],
    results: dict[str, TaskResult],
    run_set: RunSet,
    unread: list[str] | None = None,
    budget: int | None = EMAIL_BUDGET_BYTES,
) -> TaskResult:
    """Write the combined e-mail report (not when over its budget: the task fails) and index.html of the set from the
    executed notebooks it holds."""
    import nbformat

    start, stage = time.perf_counter(), run_set.stage
    previous = (run_set.outputs / "index.html").is_file()
    stamp = pages.Stamp(run_set.run_id, tuple(run_set.carried().items()), tuple(run_set.failed), previous)
    try:
        parts, entries = [], []
        for source in notebooks:
            executed = stage / "notebooks" / source.name
            good = executed.is_file()
            nb = nbformat.read(executed if good else source, as_version=4)
            title, summary = pages.notebook_summary(nb, source.stem)
            failed = source.stem in results and not results[source.stem].ok
            has_copy = (stage / "failed" / source.name).is_file()
            entries.append(pages.NotebookInfo(source.stem, title, summary, failed, good, has_copy))
            if good:
                parts.append((source.stem, nb))
        try:
            email_pages = {name: stage / "email" / f"{name}.html" for name, _ in parts}
            written = [
                combined.export_combined_report(parts, stage, notebooks[0].parent, unread, stamp, budget, email_pages)
            ]
            over = ""
        except BudgetError as error:  # the index still says what the run made, and that it failed
            written, over = [], error_summary(error)
            stamp = replace(stamp, failed=(*stamp.failed, REPORTS_TASK))
        written.append(pages.write_index(entries, stage, unread, stamp))
    except Exception as error:
        return TaskResult(REPORTS_TASK, False, time.perf_counter() - start, error_summary(error))
    return TaskResult(REPORTS_TASK, not over, time.perf_counter() - start, over, [str(p) for p in written])


def progress_line(done: int, total: int, result: TaskResult) -> str:
    """Return the progress line printed when a task finishes."""
    status = "ok" if result.ok else "FAILED"
    line = f"[{done}/{total}] {status:<6} {result.name:<32} {result.seconds:6.1f}s"
    return line + (f"  {result.error}" if result.error else "")


def summary_table(results: list[TaskResult], total_seconds: float) -> str:
    """Return the end-of-run table: one row per task, then the total."""
    width = max([len(r.name) for r in results] + [8])
    rows = [f"{'task':<{width}}  {'status':<6}  {'time':>7}  note", f"{'-' * width}  ------  -------  ----"]
    rows += [
        f"{r.name:<{width}}  {'ok' if r.ok else 'FAILED':<6}  {r.seconds:6.1f}s  {r.error}".rstrip() for r in results
    ]
    rows.append(f"{'total':<{width}}  {'':<6}  {total_seconds:6.1f}s")
    return "\n".join(rows)


def _submit_all(
    pool: ProcessPoolExecutor, notebooks: list[Path], options: RunOptions, run_set: RunSet
) -> dict[Future, str]:
    """Submit every notebook and the data exports to the pool, all writing into the run's staging folder, the longest
    first (schedule.py)."""
    stage = run_set.stage
    parameters = {**notebook_parameters(options), "output_dir": str(stage)}
    by_name = {source.stem: source for source in notebooks}
    futures = {}
    for name in schedule.longest_first([*by_name, DATA_TASK], schedule.last_times(paths.cache_dir())):
        if name == DATA_TASK:
            future = pool.submit(export_data_task, options.corpus_dir, options.regions, options.strict, stage)
        else:
            future = pool.submit(
                execute_notebook, by_name[name], parameters, stage, run_set.run_id, options.email_budget
            )
        futures[future] = name
    return futures


def execute_all(notebooks: list[Path], options: RunOptions, out: TextIO, run_set: RunSet) -> dict[str, TaskResult]:
    """Build the corpus cache, then run the notebooks and the data exports in worker processes, printing one line per
    finished task."""
    results: dict[str, TaskResult] = {}
    workers = max(1, min(options.workers, len(notebooks) + 1))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=quiet_environment)
    try:
        build_cache(pool, workers, options.corpus_dir, options.regions, out)
        futures = _submit_all(pool, notebooks, options, run_set)
        combined.warm_up()
        for done, future in enumerate(as_completed(futures), 1):
            name = futures[future]
            try:
                result = future.result()
            except Exception as error:  # a worker died (e.g. killed): report it as that task's failure
                result = TaskResult(name, False, 0.0, error_summary(error))
            results[name] = result
            print(progress_line(done, len(futures), result), file=out, flush=True)
        pool.shutdown(wait=True)
        schedule.save_times(paths.cache_dir(), {name: r.seconds for name, r in results.items() if r.ok})
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        ended = end_children()
        print(f"minzheng run: stopped; {ended} worker and kernel process(es) ended", file=out, flush=True)
        raise
    return results


def run_with_results(options: RunOptions, out: TextIO | None = None) -> tuple[int, list[TaskResult]]:
    """Execute the notebooks, export everything, print a summary; return the exit code and every task's result."""
    out = out or sys.stdout
    start = time.perf_counter()
    quiet_environment()
    all_notebooks = select_notebooks(options.notebooks_dir, [])
    notebooks = select_notebooks(options.notebooks_dir, options.only)
    check_parameters(options.parameters, all_notebooks)
    ensure_kernel()
    options.outputs_dir = Path(options.outputs_dir).resolve()
    with outputs_lock(options.outputs_dir), interrupt_on_sigterm(), run_cache(options.outputs_dir):
        return _run_locked(options, notebooks, all_notebooks, out, start)


def _say(out: TextIO, text: str) -> None:
    """Print one line of the run's report."""
    print(text, file=out, flush=True)


def _run_locked(
    options: RunOptions, notebooks: list[Path], all_notebooks: list[Path], out: TextIO, start: float
) -> tuple[int, list[TaskResult]]:
    """The run itself, while it holds the outputs lock: build the set in staging, then put it in place whole."""
    outputs, selected = options.outputs_dir, {p.stem for p in notebooks}
    run_set = RunSet(staging.run_id(all_notebooks, options.corpus_dir, notebook_parameters(options)), outputs)
    for line in staging.recover(outputs):
        _say(out, f"minzheng run: {line}")
    _say(
        out,
        f"minzheng run {run_set.run_id}: {len(notebooks)} notebook(s) on up to {options.workers} worker(s), "
        f"corpus {options.corpus_dir}",
    )
    placed: Path | None = None
    problem = ""
    try:
        run_set = staging.begin(outputs, run_set.run_id, [p.stem for p in all_notebooks if p.stem not in selected])
        results = execute_all(notebooks, options, out, run_set)
        run_set.notebooks.update({name: run_set.run_id for name in selected if results[name].ok})
        run_set.failed = [name for name, result in results.items() if not result.ok]
        unread = results[DATA_TASK].notes
        reports = write_reports(all_notebooks, results, run_set, unread, options.email_budget)
        run_set.failed += [] if reports.ok else [reports.name]
        ordered = [results[p.stem] for p in notebooks] + [results[DATA_TASK], reports]
        with signals_deferred() as received:
            try:
                placed = staging.finish(run_set)
            except staging.SwapError as error:
                problem = f"minzheng run: {error}"
                staging.discard(run_set)
        if received:
            _say(out, "minzheng run: asked to stop while its set was put in place; the run had finished")
    except BaseException:
        if placed is None:
            staging.discard(run_set)
            _say(out, f"minzheng run: stopped; {outputs} is left as it was before the run")
        else:
            _say(out, f"minzheng run: stopped after its set was put in {placed}")
        raise
    _say(out, summary_table(ordered, time.perf_counter() - start))
    if unread:
        _say(out, f"{len(unread)} report(s) could not be read:")
        for problem_line in unread:
            _say(out, f"  {problem_line}")
        if not options.allow_missing:
            _say(out, "(the exit code is 1; pass --allow-missing to accept a run without them)")
    _say(out, staging.placement(run_set, placed) if placed else problem)
    ok = placed is not None and not run_set.failed and (not unread or options.allow_missing)
    return (0 if ok else 1), ordered


def run(options: RunOptions, out: TextIO | None = None) -> int:
    """Execute the notebooks, export everything, print a summary; return 0, or 1 if anything failed."""
    return run_with_results(options, out)[0]
