"""A PDF's page furniture: running headers and footers (a line repeated at the top or bottom of most pages) and bare
page numbers (- 3 -, 第3页, 3, 3/12), found among the first and last lines of each page."""

from __future__ import annotations

import math
import re

# How many lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 2


# A running header or footer stands on at least this share of the pages (and on two pages at least).
RUNNING_SHARE = 0.5


PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~·]\s*)?[0-9０-９]{1,4}(?:\s*[-—–－_~·])?$"
    r"|^第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?$"
    r"|^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)


def furniture_key(line: str) -> str:
    """A line as a running header repeats it: spaces dropped and digits alike (页码 3 and 4 are one footer)."""
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", line))


def edges(lines: list[str]) -> tuple[range, range]:
    """The indices of a page's top and bottom lines that may be furniture (a short page's lines count once)."""
    top = range(min(EDGE_LINES, len(lines)))
    bottom = range(max(len(top), len(lines) - EDGE_LINES), len(lines))
    return top, bottom


def running_keys(pages: list[list[str]], place: int) -> set[str]:
    """The keys of lines repeated at one edge (0 top, 1 bottom) of most pages."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {furniture_key(lines[k]) for k in edges(lines)[place]}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    return {key for key, count in counts.items() if count >= needed and key.strip("#")}


def page_furniture(pages: list[list[str]]) -> dict[tuple[int, int], tuple[str, str]]:
    """The furniture lines of each page, as {(page index, line index): (kind, reason)}."""
    headers, footers = running_keys(pages, 0), running_keys(pages, 1)
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for page, lines in enumerate(pages):
        top, bottom = edges(lines)
        for index in (*top, *bottom):
            line, key = lines[index], furniture_key(lines[index])
            if PAGE_NUMBER.match(line.strip()):
                found[(page, index)] = ("pdf-page-number", "page number printed on the page")
            elif index in top and key in headers:
                found[(page, index)] = ("pdf-header", "running header repeated at the top of the pages")
            elif index in bottom and key in footers:
                found[(page, index)] = ("pdf-footer", "running footer repeated at the bottom of the pages")
    return found
