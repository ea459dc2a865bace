"""Notebook pages: HTML with code, self-contained e-mail pages and the index."""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from minzheng.publish.render import EMBEDDED_FONT, LANGUAGE, add_footer, embed_font, render_html
from minzheng.writers import atomic_write

REPORT_NAME = "minzheng_report"


REPORT_TITLE = "minzheng report: civil-affairs reports compared"


INDEX_TITLE = "minzheng: reports"


_CELL_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class NotebookInfo:
    """What the index says about one notebook: its name, title, one-line summary and state."""

    name: str
    title: str
    summary: str
    failed: bool = False
    has_html: bool = True
    failed_copy: bool = True


@dataclass(frozen=True)
class Stamp:
    """What a set's pages say about its run: the id, the notebooks an earlier run made (--only), what failed."""

    run_id: str = ""
    carried: tuple[tuple[str, str], ...] = ()
    failed: tuple[str, ...] = ()
    previous: bool = False

    def note(self) -> str:
        """The footer's note on pages that hold notebooks made by earlier runs ('' when every one is this run's)."""
        if not self.carried:
            return ""
        made = ", ".join(f"{name} (run {run_id or 'unknown'})" for name, run_id in self.carried)
        return f"carried over from earlier runs: {made}"

    def failed_notice(self) -> str:
        """A Markdown paragraph saying this is the partial set of a failed run ('' when nothing failed)."""
        if not self.failed:
            return ""
        where = "the last complete set is in the folder above" if self.previous else "there is no complete set yet"
        return (
            f"**This run failed** ({', '.join(self.failed)}): these pages are the part of it that succeeded, kept in "
            f"`failed-run/`; {where}.\n\n"
        )


NO_STAMP = Stamp()


def cell_id(name: str, index: int) -> str:
    """Return a stable cell id derived from the notebook name and the cell's position."""
    stem = _CELL_ID_UNSAFE.sub("-", name).strip("-") or "cell"
    suffix = f"-{index}"
    return stem[: 64 - len(suffix)] + suffix


def normalize_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Remove run-specific metadata (timings, papermill timestamps) and give cells stable ids."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, max(int(nb.get("nbformat_minor", 5)), 5)
    papermill = nb.metadata.pop("papermill", None)
    if papermill and "parameters" in papermill:
        nb.metadata["papermill"] = {"parameters": papermill["parameters"]}
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell["id"] = cell_id(name, index)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("collapsed", None)
        for output in cell.get("outputs", []):
            output.pop("transient", None)
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """Return the JSON text of a notebook in nbformat's canonical layout."""
    return nbformat.writes(nb) + "\n"


def first_markdown(nb: nbformat.NotebookNode) -> str:
    """Return the source of the notebook's first markdown cell ('' if none)."""
    return next((cell.source for cell in nb.cells if cell.cell_type == "markdown"), "")


def _plain(markdown_line: str) -> str:
    """Strip heading marks and simple emphasis from one Markdown line."""
    return re.sub(r"[*_`]+", "", markdown_line.lstrip("#").strip())


def notebook_summary(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """Return (title, one-line summary) taken from the first markdown cell."""
    lines = [line.strip() for line in first_markdown(nb).splitlines() if line.strip()]
    headings = [line for line in lines if line.startswith("#")]
    prose = [line for line in lines if not line.startswith("#")]
    title = _plain(headings[0]) if headings else fallback
    return title, (_plain(prose[0]) if prose else "")


def export_notebook_pages(
    nb: nbformat.NotebookNode, name: str, source_dir: Path | None = None, run_id: str = ""
) -> dict[str, str]:
    """Render an executed notebook's pages: {"html": page with code, "email": self-contained page}."""
    title, _ = notebook_summary(nb, name)
    return {
        "html": render_html(nb, title, email=False, source_dir=source_dir, run_id=run_id),
        "email": render_html(nb, title, email=True, source_dir=source_dir, run_id=run_id),
    }


def export_notebook(
    nb: nbformat.NotebookNode, name: str, outputs_dir: Path, source_dir: Path | None = None, run_id: str = ""
) -> list[Path]:
    """Write html/NAME.html (with code) and email/NAME.html (self-contained) for an executed notebook."""
    pages = export_notebook_pages(nb, name, source_dir, run_id)
    return [atomic_write(Path(outputs_dir) / folder / f"{name}.html", page) for folder, page in pages.items()]


def unread_notice(unread: list[str]) -> str:
    """A sentence, in Markdown, naming the reports that could not be read and why (empty when all were read)."""
    if not unread:
        return ""
    lines = "\n".join(f"- {problem}" for problem in unread)
    return f"**{len(unread)} report(s) could not be read** and are not in these pages:\n\n{lines}\n\n"


def failed_run_html(stamp: Stamp) -> str:
    """The index's paragraph saying this is the partial set of a failed run ('' when nothing failed)."""
    if not stamp.failed:
        return ""
    where = (
        'the last complete set is <a href="../index.html">in the folder above</a>'
        if stamp.previous
        else "there is no complete set yet"
    )
    return (
        f"<p><strong>This run failed</strong> ({html.escape(', '.join(stamp.failed))}): these pages are the part of it "
        f"that succeeded, kept in <code>failed-run/</code>; {where}.</p>\n"
    )


def index_page(
    entries: Iterable[NotebookInfo], has_data: bool = True, unread: list[str] | None = None, stamp: Stamp = NO_STAMP
) -> str:
    """Return outputs/index.html: a link to every report with its one-line summary (and any unread reports)."""
    esc = html.escape
    notice = failed_run_html(stamp) + (
        f"<p><strong>{len(unread)} report(s) could not be read</strong> and are not in these pages:</p>\n<ul>\n"
        + "\n".join(f"<li>{esc(problem)}</li>" for problem in unread)
        + "\n</ul>"
        if unread
        else ""
    )
    items = []
    for entry in entries:
        if entry.failed:
            failed = f"failed/{esc(entry.name)}.ipynb"
            where = f'the notebook with its error: <a href="{failed}">{failed}</a>' if entry.failed_copy else "see"
            items.append(
                f"<li><strong>{esc(entry.title)}</strong> — {esc(entry.summary)} <em>(failed in this run; {where}"
                f"{'' if entry.failed_copy else ' the run summary for why'})</em></li>"
            )
        elif not entry.has_html:
            items.append(
                f"<li><strong>{esc(entry.title)}</strong> — {esc(entry.summary)} <em>(not run yet: run"
                " <code>minzheng run</code> without <code>--only</code>)</em></li>"
            )
        else:
            items.append(
                f'<li><a href="email/{esc(entry.name)}.html">{esc(entry.title)}</a> — {esc(entry.summary)}'
                f' <span class="alt">(<a href="html/{esc(entry.name)}.html">with code</a>)</span></li>'
            )
    data = (
        '<li><a href="data/indicators.csv">indicators.csv</a> and <a href="data/indicators.xlsx">indicators.xlsx</a>'
        " — every extracted figure with its evidence, the data dictionary and the sources</li>"
        if has_data
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="{LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(INDEX_TITLE)}</title>
<style>
body {{ font-family: "{EMBEDDED_FONT}", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; max-width: 900px; margin: 2em auto; line-height: 1.5; padding: 0 1em; }}
li {{ margin: 0.4em 0; }} .alt {{ font-size: 0.9em; }}
</style>
</head>
<body>
<h1>{esc(INDEX_TITLE)}</h1>
{notice}
<p><a href="email/{REPORT_NAME}.html">{esc(REPORT_TITLE)}</a> — all notebooks in one self-contained file, the one to attach to an e-mail.</p>
<h2>Notebooks</h2>
<ul>
{chr(10).join(items)}
</ul>
<h2>Data</h2>
<ul>
{data}
</ul>
</body>
</html>
"""
    return add_footer(page, stamp.run_id, stamp.note())


def write_index(
    entries: Iterable[NotebookInfo], outputs_dir: Path, unread: list[str] | None = None, stamp: Stamp = NO_STAMP
) -> Path:
    """Write outputs/index.html."""
    has_data = (Path(outputs_dir) / "data" / "indicators.csv").is_file()
    return atomic_write(Path(outputs_dir) / "index.html", embed_font(index_page(entries, has_data, unread, stamp)))
