"""A Word file (.docx) read as a report: paragraphs and tables in document order (python-docx), each table row read
as a sentence whose cells keep their column header; the running headers and footers logged as left out.

python-docx was chosen over docx2python: it walks paragraphs and tables in the order they stand
(iter_inner_content), tells a merged cell's repeats by identity (so a merged figure is read once), and is the library
the tests write Word files with."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from minzheng.errors import ReportError
from minzheng.read.clean import Removal
from minzheng.read.decode import EMPTY_HINT, EMPTY_PROBLEM
from minzheng.read.formats.extracted import Extracted, left_out
from minzheng.read.formats.table_rows import row_sentences

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table

OLE_MAGIC = b"\xd0\xcf\x11\xe0"


DOCX_HINT = "open it in Word or WPS and save it again as .docx, or save the report's text as a UTF-8 .txt"


DIGIT = re.compile(r"\d")


def open_document(path: Path) -> WordDocument:
    """The Word document (raises ReportError naming the problem when the file is not a readable .docx)."""
    from docx import Document

    try:
        head = Path(path).read_bytes()[:4]
    except OSError as error:
        raise ReportError(path, f"cannot read the file: {error.strerror}") from None
    if head == OLE_MAGIC:
        raise ReportError(
            path,
            "an old Word (.doc) file or an encrypted Word file, not a .docx",
            "open it in Word or WPS, remove any password and save it as .docx, or save its text as a UTF-8 .txt",
        )
    try:
        return Document(str(path))
    except Exception as error:  # python-docx raises zip, XML and package errors on damaged files: each is the file's
        raise ReportError(
            path, f"not a Word .docx file that can be opened ({type(error).__name__}: {error})", DOCX_HINT
        ) from None


def table_grid(table: Table) -> list[list[str]]:
    """A table's cells on its grid: a merged cell's repeats left empty in body rows (a label repeats down its rows)."""
    grid: list[list[str]] = []
    above: list = []
    for row_index, row in enumerate(table.rows):
        cells = list(row.cells)
        texts = []
        for column, cell in enumerate(cells):
            text = cell.text
            if row_index and column and cell._tc is cells[column - 1]._tc:
                text = ""
            elif column < len(above) and cell._tc is above[column]._tc and DIGIT.search(text):
                text = ""
            texts.append(text)
        grid.append(texts)
        above = cells
    return grid


def body_lines(document: WordDocument) -> list[str]:
    """The document's paragraphs and table rows, in order, one line each."""
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += row_sentences(table_grid(block))
        else:
            lines += block.text.split("\n")
    return [line for line in lines if line.strip()]


def furniture(document: WordDocument, at: int) -> list[Removal]:
    """The running headers (logged at the start) and footers (at the end) of the document's sections."""
    removals, seen = [], set()
    for section in document.sections:
        for kind, part, where in (("docx-header", section.header, 0), ("docx-footer", section.footer, at)):
            text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            if text and (kind, text) not in seen:
                seen.add((kind, text))
                removals.append(left_out(kind, text, where, f"running {kind[5:]} of the Word file, outside its text"))
    return removals


def read_word(path: Path) -> Extracted:
    """Read a .docx: its paragraphs and table rows as lines, its headers and footers logged, its title kept."""
    document = open_document(Path(path))
    lines = body_lines(document)
    if not lines:
        raise ReportError(path, EMPTY_PROBLEM, EMPTY_HINT)
    text = "\n".join(lines) + "\n"
    title = (document.core_properties.title or "").strip()
    return Extracted(text, "docx", tuple(furniture(document, len(text))), {"title": title} if title else {})
