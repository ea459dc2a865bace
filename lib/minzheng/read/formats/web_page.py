"""A saved web page read as a report: its main text taken out by readability-lxml, the rest of the page logged.

Chosen by measurement on bureau-like pages (government CMS, old table-layout and news-portal templates, full reports
and four-paragraph news items): readability-lxml kept every line of the report and left, after the residue rules,
only the page's own title; trafilatura kept the text too but fell back to the whole page on short items (navigation,
sidebar and footer as text) and read layout tables as rows of cells; jusText without a Chinese stop list lost text
and kept footers. Data tables are read as row sentences before extraction, so their figures keep their labels."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from minzheng.errors import ReportError
from minzheng.read.clean import Removal
from minzheng.read.decode import decode_bytes
from minzheng.read.formats.extracted import Extracted, left_out
from minzheng.read.formats.html_text import block_lines, tables_as_paragraphs
from minzheng.read.formats.page_meta import page_meta

DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# Declared charsets a wider one reads the same (pages declare gb2312 and hold GBK characters).
WIDER_CHARSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
}


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


HAN = re.compile(r"[\u3400-\u9fff]")


# The main text must hold one paragraph at least: a line of this many Han characters that holds a sentence's end.
PARAGRAPH_HAN = 20


SENTENCE_END = re.compile(r"[。！？；!?;]")


NO_MAIN_TEXT_HINT = "save the page of the report itself (not a list or index page), or save its text as a UTF-8 .txt"


def decode_page(data: bytes, path: Path) -> tuple[str, str]:
    """A page's text and encoding: the charset it declares when that decodes it, else the report decoder's guess."""
    declared = DECLARED_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared[1].decode("ascii").lower()
        name = WIDER_CHARSET.get(name, name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding


def parse_page(text: str, path: Path) -> lxml_html.HtmlElement:
    """The page's element tree (raises ReportError when it is not HTML at all)."""
    try:
        return lxml_html.document_fromstring(XML_DECLARATION.sub("", text))
    except (etree.ParserError, ValueError) as error:
        raise ReportError(path, f"cannot read the web page: {error}", NO_MAIN_TEXT_HINT) from None


def main_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The lines of the page's main text, as readability-lxml finds it."""
    from readability import Document

    summary = Document(lxml_html.tostring(tree, encoding="unicode")).summary(html_partial=True)
    return block_lines(lxml_html.fragment_fromstring(summary, create_parent="div"))


def squashed(text: str) -> str:
    """Text without any whitespace, to compare lines that a page and its main text break differently."""
    return re.sub(r"\s+", "", text)


def left_out_of(lines: list[str], main: list[str], text: str) -> list[Removal]:
    """The page's lines outside the main text, logged where they stood: before it (at 0) or after it (at its end)."""
    kept = squashed("\n".join(main))
    removals, before = [], True
    for line in lines:
        if squashed(line) in kept:
            before = False
            continue
        reason = (
            "web page " + ("navigation or header" if before else "footer, links or sidebar") + " outside the main text"
        )
        removals.append(left_out("html-boilerplate", line, 0 if before else len(text), reason))
    return removals


def scripts_of(tree: lxml_html.HtmlElement) -> list[Removal]:
    """The page's scripts and styles, logged as left out."""
    return [
        left_out(
            "html-script", node.text_content(), 0, f"{node.tag} of the page ({len(node.text_content())} characters)"
        )
        for node in tree.iter("script", "style")
        if node.text_content().strip()
    ]


def read_web_page(path: Path) -> Extracted:
    """Read a saved web page (.html, .htm): main text, what else the page held, and its metadata."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ReportError(path, f"cannot read the file: {error.strerror}") from None
    source, encoding = decode_page(data, Path(path))
    tree = parse_page(source, Path(path))
    scripts = scripts_of(tree)
    tables_as_paragraphs(tree)
    body = tree.find("body")
    lines = block_lines(body if body is not None else tree)
    meta = page_meta(tree, lines)
    main = main_lines(tree)
    if not any(len(HAN.findall(line)) >= PARAGRAPH_HAN and SENTENCE_END.search(line) for line in main):
        total = sum(len(HAN.findall(line)) for line in lines)
        raise ReportError(
            path,
            f"the web page holds no main text: no paragraph among its {len(lines)} lines "
            f"({total} Chinese characters in all: navigation, links or captions only)",
            NO_MAIN_TEXT_HINT,
        )
    text = "\n".join(main) + "\n"
    return Extracted(text, encoding, tuple(scripts + left_out_of(lines, main, text)), meta)
