"""The e-mail budget: a page over it is not written, and the run fails naming the file and its size."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from minzheng import paths
from minzheng.publish import combined
from minzheng.publish.budget import EMAIL_BUDGET_BYTES, BudgetError, check_budget

from .test_pipeline import flaky_notebook


def small_notebook() -> nbformat.NotebookNode:
    """An executed-looking notebook of one Markdown cell."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 小报告\n\nA page of one cell.")]
    return nb


def test_a_page_under_the_budget_passes_and_one_over_it_names_the_file_and_both_sizes():
    check_budget("email/x.html", "a" * 100, 100)
    check_budget("email/x.html", "a" * 10**6, None)
    with pytest.raises(BudgetError, match=r"email/x\.html would be 0\.00 MB \(101 bytes\), over the e-mail budget"):
        check_budget("email/x.html", "a" * 101, 100)
    assert EMAIL_BUDGET_BYTES == 5_000_000


def test_a_combined_report_over_its_budget_is_not_written(tmp_path):
    with pytest.raises(BudgetError, match=r"email/minzheng_report\.html would be .* MB"):
        combined.export_combined_report([("10_small", small_notebook())], tmp_path, budget=10_000)
    assert not (tmp_path / "email" / "minzheng_report.html").exists()
    written = combined.export_combined_report([("10_small", small_notebook())], tmp_path, budget=EMAIL_BUDGET_BYTES)
    assert written.is_file()


@pytest.mark.slow
def test_a_run_whose_email_page_is_over_budget_fails_naming_it_and_keeps_the_last_set(tmp_path):
    notebooks, outputs = tmp_path / "notebooks", tmp_path / "outputs"
    notebooks.mkdir()
    nbformat.write(flaky_notebook(), notebooks / "20_flaky.ipynb")
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "minzheng", "run", "--notebooks", str(notebooks), "--outputs", str(outputs)]
    first = subprocess.run(command, cwd=paths.PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    before = (outputs / "email" / "minzheng_report.html").read_bytes()
    tight = subprocess.run(
        [*command, "--email-budget", "0.05", "-p", "fail=false"],
        cwd=paths.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert tight.returncode == 1
    assert "BudgetError: email/20_flaky.html would be" in tight.stdout
    assert "BudgetError: email/minzheng_report.html would be" in tight.stdout
    assert "over the e-mail budget of 0.05 MB" in tight.stdout and "the run FAILED" in tight.stdout
    failed = outputs / "failed-run"
    assert (failed / "index.html").is_file() and not list((failed / "email").glob("*.html"))
    assert (outputs / "email" / "minzheng_report.html").read_bytes() == before  # the last complete set stays
