"""A PDF read as a report: its text layer page by page (pypdf, in layout order), page furniture removed and logged.

pypdf was chosen over pdfplumber by measurement on PDFs drawn with a CJK font (five seeds, 20 pages, running header
and page numbers): pypdf's layout mode gave every page's text exactly (20 of 20) at about 8 ms a page, headers first
and page numbers last; pdfplumber dropped characters its CID map lacks (the · of 四心同聚·济民善政: 14 of 20 pages
exact) at 31-54 ms a page. Line breaks inside sentences are joined later by the cleaner (read/wraps.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from minzheng.errors import ReportError
from minzheng.read.clean import Removal
from minzheng.read.formats.extracted import Extracted
from minzheng.read.formats.pdf_furniture import page_furniture

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

# Fewer characters than this per page on average: the PDF has no text layer.
SCAN_CHARS_PER_PAGE = 20


OCR_HINT = (
    "run OCR on it first (for example `ocrmypdf -l chi_sim+eng scanned.pdf with_text.pdf`) and add the PDF it "
    "writes, or save the report's text as a UTF-8 .txt"
)


PDF_HINT = "open it in a PDF reader and save or print it again as PDF, or save the report's text as a UTF-8 .txt"


WORD_PREFIX = re.compile(r"^Microsoft Word - ")


def open_pdf(path: Path) -> PdfReader:
    """The PDF's reader, decrypted when it has only an owner password (raises ReportError if broken or locked)."""
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ReportError(
                path,
                "the PDF is encrypted with a password",
                "open it with its password and save an unprotected copy (or print it to PDF), then add that copy",
            )
        len(reader.pages)
    except ReportError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files; each is the file's problem
        raise ReportError(path, f"not a PDF that can be read ({type(error).__name__}: {error})", PDF_HINT) from None
    return reader


def has_images(page: PageObject) -> bool:
    """Whether a page draws images (as a scanned page does)."""
    resources = page.get("/Resources") or {}
    objects = resources.get("/XObject") or {}
    return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects)


def page_lines(reader: PdfReader, path: Path) -> list[list[str]]:
    """Each page's non-empty lines, in the order they stand on the page."""
    try:
        texts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except Exception as error:  # a damaged content stream is the file's problem, named with the file
        raise ReportError(path, f"cannot read the PDF's text ({type(error).__name__}: {error})", PDF_HINT) from None
    return [[line.strip() for line in text.split("\n") if line.strip()] for text in texts]


def refuse_scans(reader: PdfReader, pages: list[list[str]], path: Path) -> None:
    """Raise a ReportError naming OCR when the PDF holds (almost) no text."""
    chars = sum(len(re.sub(r"\s+", "", line)) for lines in pages for line in lines)
    if chars >= SCAN_CHARS_PER_PAGE * max(1, len(pages)):
        return
    imaged = sum(has_images(page) for page in reader.pages)
    what = f"images on {imaged} of its {len(pages)} pages" if imaged else f"{len(pages)} pages"
    raise ReportError(
        path, f"the PDF looks like a scan with no text layer: {what} and {chars} characters of text", OCR_HINT
    )


def read_pdf(path: Path) -> Extracted:
    """Read a PDF's text layer: text with page furniture marked for removal, page starts and its title."""
    reader = open_pdf(Path(path))
    pages = page_lines(reader, Path(path))
    refuse_scans(reader, pages, Path(path))
    furniture = page_furniture(pages)
    pieces: list[str] = []
    removals: list[Removal] = []
    starts: list[int] = []
    offset = 0
    for page, lines in enumerate(pages):
        starts.append(offset)
        for index, line in enumerate(lines):
            if (page, index) in furniture:
                kind, reason = furniture[(page, index)]
                removals.append(
                    Removal(kind, line + "\n", offset, offset + len(line) + 1, f"{reason} (page {page + 1})")
                )
            pieces.append(line + "\n")
            offset += len(line) + 1
    title = WORD_PREFIX.sub("", str((reader.metadata or {}).get("/Title") or "")).strip()
    return Extracted("".join(pieces), "pdf", tuple(removals), {"title": title} if title else {}, tuple(starts))
