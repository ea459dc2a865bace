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
    """Execute one project notebook with papermill on the minzheng kernel, in notebooks/ (callable in a worker)."""
    import papermill

    from minzheng.publish.kernel import KERNEL_START_ATTEMPTS, is_kernel_start_failure, kernel_manager_class
    from minzheng.publish.run import quiet_environment

    quiet_environment()
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            papermill.execute_notebook(
                str(paths.NOTEBOOKS_DIR / f"{name}.ipynb"),
                target,
                parameters=parameters,
                kernel_name="minzheng",
                cwd=str(paths.NOTEBOOKS_DIR),
                progress_bar=False,
                log_output=False,
                request_save_on_cell_execute=False,
                kernel_manager_class=kernel_manager_class(),
            )
            return target
        except RuntimeError as error:  # a kernel that died before starting (a port taken meanwhile) starts again
            if attempt == KERNEL_START_ATTEMPTS or not is_kernel_start_failure(error):
                raise
    return target
