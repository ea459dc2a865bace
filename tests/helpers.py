"""Helpers the test modules share: corpora written for a test, and notebooks executed like `minzheng run` does."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from minzheng import paths


def copy_seeds(folder: Path) -> Path:
    """Copy the seed reports and the manifest into a new writable folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths.SEEDS_DIR.glob("*.txt"):
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(paths.SEEDS_DIR / paths.MANIFEST_NAME, folder / paths.MANIFEST_NAME)
    return folder


def seeds_with_extra_report(folder: Path, file: str, text: str, manifest_row: dict[str, str]) -> Path:
    """A copy of the seeds with one more report and its manifest row (columns not given stay empty)."""
    copy_seeds(folder)
    (folder / file).write_text(text, encoding="utf-8")
    with open(folder / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(folder / paths.MANIFEST_NAME, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header).writerow(
            {c: manifest_row.get(c, "") for c in header} | {"file": file}
        )
    return folder


def execute_project_notebook(name: str, target: str, parameters: dict) -> str:
    """Execute one project notebook as `minzheng run` does (papermill on the minzheng kernel, in notebooks/, a kernel
    that dies before starting started again), callable in a worker."""
    from minzheng.publish.kernel import run_papermill_with_retries
    from minzheng.publish.run import quiet_environment

    quiet_environment()
    source = paths.NOTEBOOKS_DIR / f"{name}.ipynb"
    run_papermill_with_retries(source, Path(target), parameters, Path(target).with_suffix(".kernel.log"))
    return target
