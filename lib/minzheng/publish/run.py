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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from minzheng import paths, writers
from minzheng.publish import data, pages
from minzheng.publish.guard import end_children, interrupt_on_sigterm, outputs_lock
from minzheng.publish.kernel import ensure_kernel, error_summary, failed_notebook, run_papermill_with_retries

DATA_TASK = "data exports"


OUTPUT_FOLDERS = ("notebooks", "failed", "html", "email", "data")


# Set for the workers and the kernels they start: no debugger/platformdirs warnings, fixed hashing, inline figures.
RUN_ENVIRONMENT = {
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "JUPYTER_PLATFORM_DIRS": "1",
    "PYTHONHASHSEED": "0",
    "TQDM_DISABLE": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


QUIET_LOGGERS = ("papermill", "nbclient", "nbconvert", "traitlets", "jupyter_client", "asyncio", "jieba", "blib2to3")


class PipelineError(RuntimeError):
    """The run cannot start: no notebooks, an unknown --only name, a bad parameter."""


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


# Parameters `minzheng run` sets itself, so that the notebooks and the data export read the same corpus.
RUN_PARAMETERS = {"corpus_dir": "--corpus", "regions": "--regions", "output_dir": "--outputs", "strict": "--strict"}


def declared_parameters(notebooks: list[Path]) -> dict[str, object]:
    """The parameters the notebooks declare in their cells tagged `parameters`, with their defaults."""
    import ast

    import nbformat

    declared: dict[str, object] = {}
    for source in notebooks:
        nb = nbformat.read(source, as_version=4)
        for cell in nb.cells:
            if "parameters" not in cell.get("metadata", {}).get("tags", []):
                continue
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    try:
                        declared[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        declared[node.targets[0].id] = None
    return declared


def check_parameters(given: dict[str, Any], notebooks: list[Path]) -> None:
    """Refuse a -p the notebooks do not declare, one `run` sets itself, or one of the wrong type."""
    declared = declared_parameters(notebooks)
    for name, value in given.items():
        if name in RUN_PARAMETERS:
            raise PipelineError(f"-p {name}: set it with {RUN_PARAMETERS[name]}, so notebooks and data export agree")
        if name not in declared:
            known = ", ".join(sorted(n for n in declared if n not in RUN_PARAMETERS)) or "none"
            raise PipelineError(f"-p {name}: no notebook has this parameter (parameters besides the run's: {known})")
        default = declared[name]
        if default is not None and type(value) is not type(default):
            raise PipelineError(
                f"-p {name}={value!r}: expected a {type(default).__name__} like the default {default!r}"
            )


def notebook_parameters(options: RunOptions) -> dict[str, Any]:
    """Return the parameters every notebook gets: corpus_dir, regions, output_dir, strict and any -p."""
    return {
        "corpus_dir": str(Path(options.corpus_dir).resolve()),
        "regions": options.regions,
        "output_dir": str(Path(options.outputs_dir).resolve()),
        "strict": options.strict,
        **options.parameters,
    }


def execute_notebook(source: Path, parameters: dict[str, Any], outputs_dir: Path) -> TaskResult:
    """Execute one notebook; on success write it and its HTML exports, on failure write it to failed/."""
    import nbformat

    quiet_environment()
    start = time.perf_counter()
    name, outputs_dir = source.stem, Path(outputs_dir)
    with tempfile.TemporaryDirectory(prefix="minzheng-run-") as work:
        executed, kernel_log = Path(work) / source.name, Path(work) / "kernel-stderr.log"
        try:
            run_papermill_with_retries(source, executed, parameters, kernel_log)
            nb = pages.normalize_notebook(nbformat.read(executed, as_version=4), name)
            exported = pages.export_notebook_pages(nb, name, source.parent)
        except Exception as error:  # a failing notebook must not stop the others
            log = kernel_log.read_text(encoding="utf-8", errors="replace") if kernel_log.is_file() else ""
            nb = failed_notebook(source, executed, error, log)
            failed = writers.atomic_write(
                outputs_dir / "failed" / source.name, pages.notebook_text(pages.normalize_notebook(nb, name))
            )
            return TaskResult(name, False, time.perf_counter() - start, error_summary(error), [str(failed)])
    written = [writers.atomic_write(outputs_dir / "notebooks" / source.name, pages.notebook_text(nb))]
    written += [writers.atomic_write(outputs_dir / folder / f"{name}.html", page) for folder, page in exported.items()]
    (outputs_dir / "failed" / source.name).unlink(missing_ok=True)
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
    notebooks: list[Path], results: dict[str, TaskResult], outputs_dir: Path, unread: list[str] | None = None
) -> TaskResult:
    """Write the combined e-mail report and index.html from the last good executed copy of every notebook."""
    import nbformat

    start = time.perf_counter()
    try:
        parts, entries = [], []
        for source in notebooks:
            executed = outputs_dir / "notebooks" / source.name
            good = executed.is_file()
            nb = nbformat.read(executed if good else source, as_version=4)
            title, summary = pages.notebook_summary(nb, source.stem)
            failed = source.stem in results and not results[source.stem].ok
            entries.append(pages.NotebookInfo(source.stem, title, summary, failed=failed, has_html=good))
            if good:
                parts.append((source.stem, nb))
        written = [
            pages.export_combined_report(parts, outputs_dir, notebooks[0].parent, unread),
            pages.write_index(entries, outputs_dir, unread),
        ]
    except Exception as error:
        return TaskResult("combined report and index", False, time.perf_counter() - start, error_summary(error))
    return TaskResult("combined report and index", True, time.perf_counter() - start, "", [str(p) for p in written])


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


def _submit_all(pool: ProcessPoolExecutor, notebooks: list[Path], options: RunOptions) -> dict[Future, str]:
    """Submit every notebook and the data exports to the pool."""
    parameters = notebook_parameters(options)
    futures = {
        pool.submit(execute_notebook, source, parameters, options.outputs_dir): source.stem for source in notebooks
    }
    data = pool.submit(export_data_task, options.corpus_dir, options.regions, options.strict, options.outputs_dir)
    futures[data] = DATA_TASK
    return futures


def execute_all(notebooks: list[Path], options: RunOptions, out: TextIO) -> dict[str, TaskResult]:
    """Run the notebooks and the data exports in worker processes, printing one line per finished task."""
    results: dict[str, TaskResult] = {}
    workers = max(1, min(options.workers, len(notebooks) + 1))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=quiet_environment)
    try:
        futures = _submit_all(pool, notebooks, options)
        for done, future in enumerate(as_completed(futures), 1):
            name = futures[future]
            try:
                result = future.result()
            except Exception as error:  # a worker died (e.g. killed): report it as that task's failure
                result = TaskResult(name, False, 0.0, error_summary(error))
            results[name] = result
            print(progress_line(done, len(futures), result), file=out, flush=True)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        ended = end_children()
        print(f"minzheng run: stopped; {ended} worker and kernel process(es) ended", file=out, flush=True)
        raise
    pool.shutdown(wait=True)
    return results


def prepare_outputs(outputs_dir: Path) -> None:
    """Create the output folders."""
    for folder in OUTPUT_FOLDERS:
        paths.outputs_subdir(folder, outputs_dir)


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
    with outputs_lock(options.outputs_dir), interrupt_on_sigterm():
        return _run_locked(options, notebooks, all_notebooks, out, start)


def _run_locked(
    options: RunOptions, notebooks: list[Path], all_notebooks: list[Path], out: TextIO, start: float
) -> tuple[int, list[TaskResult]]:
    """The run itself, while it holds the outputs lock."""
    prepare_outputs(options.outputs_dir)
    print(
        f"minzheng run: {len(notebooks)} notebook(s) on up to {options.workers} worker(s), corpus {options.corpus_dir}",
        file=out,
        flush=True,
    )
    results = execute_all(notebooks, options, out)
    unread = results[DATA_TASK].notes
    reports = write_reports(all_notebooks, results, options.outputs_dir, unread)
    ordered = [results[p.stem] for p in notebooks] + [results[DATA_TASK], reports]
    print(summary_table(ordered, time.perf_counter() - start), file=out, flush=True)
    if unread:
        print(f"{len(unread)} report(s) could not be read:", file=out, flush=True)
        for problem in unread:
            print(f"  {problem}", file=out, flush=True)
        if not options.allow_missing:
            print("(the exit code is 1; pass --allow-missing to accept a run without them)", file=out, flush=True)
    print(f"outputs in {options.outputs_dir}", file=out, flush=True)
    ok = all(r.ok for r in ordered) and (not unread or options.allow_missing)
    return (0 if ok else 1), ordered


def run(options: RunOptions, out: TextIO | None = None) -> int:
    """Execute the notebooks, export everything, print a summary; return 0, or 1 if anything failed."""
    return run_with_results(options, out)[0]
