"""Spaces a page put inside or beside a number, which the cleaner removes."""

from __future__ import annotations

import re

# A space a page put inside a decimal number before its multiplier or unit (383. 75万元, 576 .88万元).
SPACE_IN_DECIMAL = re.compile(r"(?<=\d[.．]) +(?=\d{1,4}\s*[万亿元%％])|(?<=\d) +(?=[.．]\d{1,4}\s*[万亿元%％])")


# A space a page put between a sum and the words around it in a sentence (每人每月增加 35元, 由 372元 /人·月): Chinese
# writes none there. A space between a label and a number stays, as it may part the columns of a table.
SUM_LEAD = re.compile(
    r"(?:增加|提高|上调|提升|增长|达到|提至|调至|调整为|到|至|为|由|从|共|计|发放|补发|每月|每年|每人)$"
)
SPACE_BY_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff]) (?=\d)|(?<=\d) (?=[万亿元%％人户个张名所家处])|(?<=[元万亿]) (?=[/／])"
)


def space_by_number(match: re.Match[str]) -> str | None:
    """Nothing for a space beside a sum, unless it follows a word that is no verb or preposition of a sum (a label
    before the columns of a table keeps its space)."""
    start = match.start()
    if match.string[start + 1 : start + 2].isdigit() and not SUM_LEAD.search(match.string, max(0, start - 3), start):
        return None
    return ""


# A number whose digits a page spaced out one by one before its unit (提高至6 4 4元/人月, 1 2 %, 1 0 月1 日): the digits are
# one number. Digits spaced out and followed by another digit or a line end (columns of a table) are not joined.
SPACED_DIGITS = re.compile(r"(?<![\d.．])\d(?: \d)+(?= ?[万亿元%％年月日人户个张名所家处])")


def spaced_digits(match: re.Match[str]) -> str:
    """The digits of a number spaced out one by one, joined."""
    return match.group(0).replace(" ", "")
