"""Text of an HTML tree as a reader sees it: a line per block, <br> as a line break, data tables as row sentences."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from minzheng.read.formats.table_rows import row_sentences

BLOCKS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


HIDDEN = frozenset(("script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe"))


# A table that lays out the page rather than holding figures: it holds other blocks of its own or long cells.
LAYOUT_INSIDE = ".//table|.//ul|.//ol|.//form|.//h1|.//h2|.//h3|.//h4|.//iframe|.//input|.//textarea"
LONGEST_CELL = 300


SPACES = re.compile(r"[ \t\r\n\f\v]+")


def block_lines(element: lxml_html.HtmlElement) -> list[str]:
    """The element's visible text, a line per block element and <br>, spaces collapsed as a browser does."""
    pieces: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in HIDDEN or not tag:
            if node.tail:
                pieces.append(SPACES.sub(" ", node.tail))
            return
        block = tag in BLOCKS
        if block:
            pieces.append("\n")
        if node.text:
            pieces.append(SPACES.sub(" ", node.text))
        for child in node:
            walk(child)
        if block:
            pieces.append("\n")
        if node.tail:
            pieces.append(SPACES.sub(" ", node.tail))

    walk(element)
    return [line.strip(" ") for line in "".join(pieces).split("\n") if line.strip()]


def cell_grid(table: lxml_html.HtmlElement) -> list[list[str]]:
    """A table's cells on its column grid: a cell spanning columns repeats its text in the header row and leaves the
    other columns of a body row empty; one spanning rows repeats a label down them (never a figure)."""
    grid: list[list[str]] = []
    carried: dict[int, tuple[str, int]] = {}
    for row_index, row in enumerate(table.iter("tr")):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while len(cells) in carried:
                cells.append(take_carried(carried, len(cells)))
            text = " ".join(block_lines(cell))
            span = int(cell.get("colspan", "1")) if cell.get("colspan", "1").isdigit() else 1
            down = int(cell.get("rowspan", "1")) if cell.get("rowspan", "1").isdigit() else 1
            for k in range(max(1, min(span, 50))):
                repeat = k == 0 or row_index == 0
                if down > 1:
                    carried[len(cells)] = ("" if re.search(r"\d", text) else text, down - 1)
                cells.append(text if repeat else "")
        while len(cells) in carried:
            cells.append(take_carried(carried, len(cells)))
        grid.append(cells)
    return grid


def take_carried(carried: dict[int, tuple[str, int]], column: int) -> str:
    """The text a cell spanning rows from above gives this row's column, counting its span down."""
    text, left = carried.pop(column)
    if left > 1:
        carried[column] = (text, left - 1)
    return text


def is_data_table(table: lxml_html.HtmlElement, grid: list[list[str]]) -> bool:
    """A table of figures, not one that lays out the page: two rows and columns or more, short cells, no blocks."""
    if len(grid) < 2 or max(len(row) for row in grid) < 2 or table.xpath(LAYOUT_INSIDE):
        return False
    return all(len(cell) <= LONGEST_CELL for row in grid for cell in row)


def tables_as_paragraphs(tree: lxml_html.HtmlElement) -> None:
    """Replace each data table of the tree by a paragraph per row, each row read as a sentence."""
    for table in list(tree.iter("table")):
        grid = cell_grid(table)
        parent = table.getparent()
        if parent is None or not is_data_table(table, grid):
            continue
        paragraphs = []
        for sentence in row_sentences(grid):
            paragraph = lxml_html.Element("p")
            paragraph.text = sentence
            paragraphs.append(paragraph)
        at, tail = parent.index(table), table.tail
        parent.remove(table)
        for offset, paragraph in enumerate(paragraphs):
            parent.insert(at + offset, paragraph)
        if tail:
            if paragraphs:
                paragraphs[-1].tail = tail
            elif at > 0:
                parent[at - 1].tail = (parent[at - 1].tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
