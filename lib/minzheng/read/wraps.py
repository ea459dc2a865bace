"""Hard-wrapped text (copied from a PDF or a fixed-width page): where its line breaks fall inside sentences."""

from __future__ import annotations

import bisect
import re

# A hard-wrapped text (copied from a PDF or a fixed-width page): most long lines stop at one width.
WRAP_MIN_WIDTH = 16
WRAP_SHARE = 0.4
WRAP_TOLERANCE = 0.08
SENTENCE_CLOSE = "。！？!?；;：:”’」』"
CLOSING_QUOTES = "”’」』"
# A table row: cells apart by wide gaps or bars, or a line ending in a number after a space (城市低保人数 75,616).
TABLE_ROW = re.compile(r"\S(?: {2,}|\t|\u3000{2,})\S|\||\S [-+]?\d[\d,，.]*%?$")
CONTINUATION_START = "，,、。；;）)%％"
# A table's header line (指标名称 单位 数量…) always opens a line of its own.
TABLE_HEAD = re.compile(r"\s*(?:指标名称|指标|项目|类别)\s")


# A line that opens a new item (一、…, （二）…, 3.…, or a short label before a colon: 永登县、榆中县、皋兰县：年人均…) is no
# wrapped tail of the line before, however wide that line is.
NEW_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．](?!\d)|[^，。；：:,;\s]{2,16}[：:])"
)


# Characters printed a full square wide: CJK ones, and the quotes, dashes and ellipsis Chinese fonts draw as wide.
WIDE_CHAR = re.compile(r"[\u2e81-\U0010ffff\u2014\u2018-\u201d\u2026]")


def display_width(line: str) -> int:
    """A line's width as printed: a full-width character counts two, an ASCII one one."""
    return len(line) + len(WIDE_CHAR.findall(line))


def closes_sentence(line: str) -> bool:
    """Whether a line ends a sentence: with its punctuation, or a closing quote right after it (。” but not 品牌”)."""
    unquoted = line.rstrip(CLOSING_QUOTES)
    if unquoted != line:
        return unquoted.endswith(tuple(SENTENCE_CLOSE))
    return line.endswith(tuple(SENTENCE_CLOSE))


def wrap_width(lines: list[str]) -> int | None:
    """The display width at which a text's lines were hard-wrapped, or None when they were not."""
    long = sorted(display_width(line) for line in lines if len(line) >= WRAP_MIN_WIDTH)
    if len(long) < 3:
        return None

    def at(width: int) -> int:
        margin = max(2, width * WRAP_TOLERANCE)
        return bisect.bisect_right(long, width + margin) - bisect.bisect_left(long, width - margin)

    width = max(set(long), key=lambda w: (at(w), w))
    return width if at(width) >= 3 and at(width) / len(long) >= WRAP_SHARE else None


def wrap_joins(text: str) -> set[int]:
    """The offsets of the line breaks a hard wrap put inside sentences (and before lines that open with a comma)."""
    lines = text.split("\n")
    width = wrap_width([line.strip() for line in lines if not TABLE_ROW.search(line)])
    joins: set[int] = set()
    offset = 0
    for line, following in zip(lines, lines[1:]):
        offset += len(line)
        if TABLE_ROW.search(line) or TABLE_ROW.search(following) or TABLE_HEAD.match(following):
            offset += 1
            continue
        line, following = line.strip(), following.strip()
        at_wrap = width is not None and display_width(line) >= width - max(2, width * WRAP_TOLERANCE)
        wrapped = (
            at_wrap and not closes_sentence(line) and bool(following[:1].strip()) and not NEW_ITEM.match(following)
        )
        continued = bool(line) and bool(following) and following[0] in CONTINUATION_START
        if wrapped or continued:
            joins.add(offset)
        offset += 1
    return joins


# A clause that ends its line with a comma has not ended its sentence: pages laid out for phones set a sentence out a
# clause to a line, often with blank lines between (我市低保标准将再次提高， / 从现行的 / 每人每月810元提高到910元，
# / 增长12.34%。).
CLAUSE_END = "，,、"
# How long an open sentence may run across lines before a break is read as the end it is.
OPEN_SENTENCE_MAX_CHARS = 300


def clause_joins(text: str) -> set[int]:
    """The offsets of the line breaks (each the first of its run of blank lines) inside sentences set out a clause to
    a line: after a line that ends with a comma, and after each line of such a sentence until one closes it."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((offset + len(raw), raw.strip()))
        offset += len(raw) + 1
    joins: set[int] = set()
    open_chars = 0
    for (end, line), (_, following) in zip(lines, lines[1:]):
        table = TABLE_ROW.search(line) or TABLE_ROW.search(following) or TABLE_HEAD.match(following)
        opens = line.endswith(tuple(CLAUSE_END)) or (open_chars > 0 and not closes_sentence(line))
        if opens and not table and not NEW_ITEM.match(following) and open_chars + len(line) <= OPEN_SENTENCE_MAX_CHARS:
            joins.add(end)
            open_chars += len(line)
        else:
            open_chars = 0
    return joins
