"""The combined e-mail report joined from the notebooks' e-mail pages (publish/combined.py)."""

from __future__ import annotations

import base64
import copy
import io

import nbformat
import pytest

from minzheng.publish import combined, pages
from minzheng.publish.pages import Stamp
from minzheng.publish.render import render_html


def png_text() -> str:
    """A small PNG, base64, as a notebook output holds it."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (30, 90, 160)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def executed(name: str, title: str) -> tuple[str, nbformat.NotebookNode]:
    """An executed-looking notebook: a heading, a code cell with a table and an image, a closing paragraph."""
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("show()", execution_count=1)
    code.outputs = [
        nbformat.v4.new_output("display_data", {"text/html": "<table><tr><td>某县</td><td>1,203户</td></tr></table>"}),
        nbformat.v4.new_output("display_data", {"image/png": png_text(), "text/plain": "<Figure>"}),
    ]
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\n某县的数字。"),
        code,
        nbformat.v4.new_markdown_cell("结论。"),
    ]
    return name, pages.normalize_notebook(nb, name)


def notebook_parts() -> list[tuple[str, nbformat.NotebookNode]]:
    """Three small executed notebooks, in order."""
    return [executed("01_first", "第一"), executed("02_second", "第二"), executed("03_third", "第三")]


def write_email_pages(parts, folder, run_id):
    """Write each notebook's e-mail page as a run does; return them by name."""
    written = {}
    for name, nb in parts:
        written[name] = folder / f"{name}.html"
        written[name].write_text(pages.export_notebook_pages(nb, name, None, run_id)["email"], encoding="utf-8")
    return written


def joined_notebook(parts, unread, stamp):
    """Every notebook's cells in order after the contents cell, a rule before each notebook but the first."""
    frame = combined.framing_cells(parts, unread, stamp)
    cells = [frame[0]]
    for index, (_, nb) in enumerate(parts):
        cells += ([frame[index]] if index else []) + copy.deepcopy(nb.cells)
    return combined.framed_notebook(parts, cells)


def rendered_whole(parts, unread, stamp):
    """The combined report as a render of the joined notebook gives it."""
    nb = joined_notebook(parts, unread, stamp)
    return render_html(nb, pages.REPORT_TITLE, email=True, run_id=stamp.run_id, note=stamp.note())


def test_the_combined_report_joined_from_email_pages_is_byte_for_byte_the_render_of_the_joined_notebook(tmp_path):
    parts, stamp = notebook_parts(), Stamp("run0001", (("02_second", "run0000"),), (), False)
    email_pages = write_email_pages(parts, tmp_path, stamp.run_id)
    joined = combined.combined_page(parts, None, ["x.txt: the file is empty"], stamp, email_pages)
    assert joined == rendered_whole(parts, ["x.txt: the file is empty"], stamp)
    assert joined.count("<main>") == 1 and "第三" in joined and "x.txt: the file is empty" in joined


def test_a_notebook_whose_email_page_is_missing_is_rendered_for_the_combined_report(tmp_path):
    parts, stamp = notebook_parts(), Stamp("run0002")
    email_pages = write_email_pages(parts, tmp_path, stamp.run_id)
    email_pages["02_second"].unlink()
    email_pages["03_third"].write_text("<html><body>no cells here</body></html>", encoding="utf-8")
    assert combined.combined_page(parts, None, None, stamp, email_pages) == rendered_whole(parts, None, stamp)


def test_a_single_notebook_and_no_notebook_make_a_combined_report_like_the_joined_render():
    stamp = Stamp("run0003")
    one = notebook_parts()[:1]
    assert combined.combined_page(one, None, None, stamp) == rendered_whole(one, None, stamp)
    assert combined.combined_page([], None, None, stamp) == rendered_whole([], None, stamp)


def test_a_page_without_a_main_element_is_refused_by_split_main():
    with pytest.raises(ValueError, match="no <main> element"):
        combined.split_main("<html><body><p>x</p></body></html>")
