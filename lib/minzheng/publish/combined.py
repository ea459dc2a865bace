"""The combined e-mail report: every notebook in one self-contained page, after a contents cell.

Rendering the joined notebook again would repeat the work each notebook's e-mail page already did (templates,
sanitising, shrinking images): about 1.5 s at the end of every run, when nothing else can run beside it. So the page
is joined from those pages instead: the contents cell and the rules between notebooks are rendered alone, each
notebook's cells are taken from its e-mail page, and the footer and font are added to the whole. The result is the
page a render of the joined notebook gives, byte for byte (tests/test_combined.py); a notebook whose e-mail page is
missing is rendered here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import nbformat

from minzheng.publish.budget import check_budget
from minzheng.publish.pages import NO_STAMP, REPORT_NAME, REPORT_TITLE, Stamp, cell_id, notebook_summary, unread_notice
from minzheng.publish.render import finish_page, render_body
from minzheng.writers import atomic_write

MAIN_START = "<main>\n"


MAIN_END = "</main>"


def framing_cells(
    parts: list[tuple[str, nbformat.NotebookNode]], unread: list[str] | None = None, stamp: Stamp = NO_STAMP
) -> list[nbformat.NotebookNode]:
    """The contents cell listing the notebooks' titles (and any unread reports), then a rule for every notebook but the
    first."""
    contents = "\n".join(f"{i}. {notebook_summary(nb, name)[0]}" for i, (name, nb) in enumerate(parts, 1))
    notice = stamp.failed_notice() + unread_notice(unread or [])
    cells = [
        nbformat.v4.new_markdown_cell(f"# {REPORT_TITLE}\n\n{notice}All notebooks in one file, in order:\n\n{contents}")
    ]
    cells += [nbformat.v4.new_markdown_cell("---") for _ in parts[1:]]
    for index, cell in enumerate(cells):
        cell["id"] = cell_id(REPORT_NAME, index)
    return cells


def framed_notebook(
    parts: list[tuple[str, nbformat.NotebookNode]], cells: list[nbformat.NotebookNode]
) -> nbformat.NotebookNode:
    """A new notebook of `cells` with the first part's kernel and language metadata."""
    combined = nbformat.v4.new_notebook()
    if parts:
        combined.metadata.update(
            {k: v for k, v in parts[0][1].metadata.items() if k in ("kernelspec", "language_info")}
        )
    combined.cells = cells
    return combined


def split_main(body: str) -> tuple[str, str, str]:
    """A rendered page as (everything up to its cells, the cells, everything after them)."""
    start, end = body.find(MAIN_START), body.rfind(MAIN_END)
    if start < 0 or end < start:
        raise ValueError("the rendered page has no <main> element")
    start += len(MAIN_START)
    return body[:start], body[start:end], body[end:]


def rule_cells(cells: str, count: int) -> list[str]:
    """The contents cell and the `count` - 1 rules of a rendered skeleton, split where each rule's cell starts."""
    starts = [
        re.search(rf'<div class="jp-Cell [^"]*" id="cell-id={re.escape(cell_id(REPORT_NAME, index))}">', cells)
        for index in range(1, count)
    ]
    if not all(starts):
        raise ValueError("a rule between notebooks is missing from the rendered skeleton")
    bounds = [0, *(match.start() for match in starts if match), len(cells)]
    return [cells[a:b] for a, b in zip(bounds, bounds[1:])]


def notebook_cells(name: str, nb: nbformat.NotebookNode, page: Path | None, source_dir: Path | None) -> str:
    """A notebook's cells as its e-mail page shows them: from the page when it was written, else rendered here."""
    if page is not None and page.is_file():
        try:
            return split_main(page.read_text(encoding="utf-8"))[1]
        except ValueError:
            pass
    return split_main(render_body(nb, notebook_summary(nb, name)[0], email=True, source_dir=source_dir))[1]


def combined_page(
    notebooks: Iterable[tuple[str, nbformat.NotebookNode]],
    source_dir: Path | None = None,
    unread: list[str] | None = None,
    stamp: Stamp = NO_STAMP,
    email_pages: Mapping[str, Path] | None = None,
) -> str:
    """The combined e-mail report's HTML, joined from the notebooks' e-mail pages (`email_pages`, by name)."""
    parts = list(notebooks)
    skeleton = framed_notebook(parts, framing_cells(parts, unread, stamp))
    head, cells, tail = split_main(render_body(skeleton, REPORT_TITLE, email=True, source_dir=source_dir))
    pieces = rule_cells(cells, max(len(parts), 1))
    joined = pieces[0]
    for index, (name, nb) in enumerate(parts):
        joined += (pieces[index] if index else "") + notebook_cells(name, nb, (email_pages or {}).get(name), source_dir)
    return finish_page(head + joined + tail, REPORT_TITLE, stamp.run_id, stamp.note())


def export_combined_report(
    notebooks: Iterable[tuple[str, nbformat.NotebookNode]],
    outputs_dir: Path,
    source_dir: Path | None = None,
    unread: list[str] | None = None,
    stamp: Stamp = NO_STAMP,
    budget: int | None = None,
    email_pages: Mapping[str, Path] | None = None,
) -> Path:
    """Write email/minzheng_report.html: every notebook in one self-contained page (raises BudgetError, writing
    nothing, when it is over `budget` bytes)."""
    page = combined_page(notebooks, source_dir, unread, stamp, email_pages)
    check_budget(f"email/{REPORT_NAME}.html", page, budget)
    return atomic_write(Path(outputs_dir) / "email" / f"{REPORT_NAME}.html", page)


def warm_up() -> None:
    """Render an empty e-mail page once, so nbconvert is imported and its templates compiled while the notebooks run
    (the combined report is the run's last step, when nothing else runs beside it)."""
    render_body(nbformat.v4.new_notebook(), REPORT_TITLE, email=True)
