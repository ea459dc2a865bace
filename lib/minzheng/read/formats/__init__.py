"""Report files in other formats than text: saved web pages, PDFs and Word files read into text (with what was left
out of it and the file's own metadata); formats not read are refused with what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from minzheng.errors import ReportError
from minzheng.read.formats.extracted import Extracted
from minzheng.read.formats.pdf import read_pdf
from minzheng.read.formats.web_page import read_web_page
from minzheng.read.formats.word import read_word

READERS: dict[str, Callable[[Path], Extracted]] = {
    ".html": read_web_page,
    ".htm": read_web_page,
    ".pdf": read_pdf,
    ".docx": read_word,
}


SAVE_AS = "open it and save it as .docx (Word), or save its text as a UTF-8 .txt, then name that file in the manifest"


# Formats researchers receive reports in that are not read: what each is, and what to do.
REFUSED = {
    ".doc": ("an old Word (.doc) file", SAVE_AS),
    ".wps": ("a WPS Writer file", SAVE_AS),
    ".rtf": ("an RTF file", SAVE_AS),
    ".odt": ("an OpenDocument text file", SAVE_AS),
    ".xls": ("an Excel spreadsheet", "copy its table into a .docx or save it as CSV text beside a .txt report"),
    ".xlsx": ("an Excel spreadsheet", "copy its table into a .docx or save it as CSV text beside a .txt report"),
    ".ppt": ("a PowerPoint file", SAVE_AS),
    ".pptx": ("a PowerPoint file", SAVE_AS),
    ".jpg": ("an image", "run OCR on it (for example with ocrmypdf on a PDF of it) and add the PDF or text it gives"),
    ".jpeg": ("an image", "run OCR on it (for example with ocrmypdf on a PDF of it) and add the PDF or text it gives"),
    ".png": ("an image", "run OCR on it (for example with ocrmypdf on a PDF of it) and add the PDF or text it gives"),
    ".zip": ("a zip archive", "unpack it and add the reports it holds one by one"),
    ".rar": ("a rar archive", "unpack it and add the reports it holds one by one"),
}


def refusal(path: Path) -> ReportError | None:
    """The error for a file in a format that is not read, or None when its format is read."""
    found = REFUSED.get(Path(path).suffix.lower())
    return ReportError(path, f"{found[0]} is not read", found[1]) if found else None


def read_format(path: Path) -> Extracted | None:
    """Read a web page, PDF or Word file by its suffix; None for text files (raises ReportError on refused formats)."""
    refused = refusal(path)
    if refused is not None:
        raise refused
    reader = READERS.get(Path(path).suffix.lower())
    return reader(Path(path)) if reader else None
