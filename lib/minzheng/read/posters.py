"""Posters: pages that set a notice out as short phrases, one to a line (全区孤儿基本生活保障标准 / 二类区 / 由1354元/人/月
提高到1468元/人/月), so that no line is a sentence: where their line breaks stand for commas."""

from __future__ import annotations

import re

# A phrase of a poster: a short line of words with no sentence punctuation and no number with a unit.
PHRASE_MAX_CHARS = 30
PHRASE_PUNCTUATION = re.compile(r"[。！？!?；;，,：:|]")
# A poster's figure line: a short line whose number has a unit (由660元/人/月提高到715元/人/月; 平均涨幅为8.4%).
FIGURE_MAX_CHARS = 40
FIGURE = re.compile(r"\d[\d,.]*\s*(?:万|亿)?\s*(?:元|%|％|人|户|张|个|所|家|名)")
# A numbered heading or item (一、…, （二）…, 3.…) is no phrase of a poster.
NUMBERED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．](?!\d)")
# A label of a zone or tier between two figure lines (三类区): the figures after it go on the list before it.
LABEL_MAX_CHARS = 6
# How many phrases in a row open a poster before its first figure line.
OPENING_PHRASES = 2


def kind_of(line: str) -> str:
    """'phrase', 'figure' or '' (a sentence, a table row, or a line of other words) for a stripped line."""
    if not line or PHRASE_PUNCTUATION.search(line) or NUMBERED.match(line):
        return ""
    if len(line) <= FIGURE_MAX_CHARS and FIGURE.search(line):
        return "figure"
    han = len(re.findall(r"[\u4e00-\u9fff]", line))
    return "phrase" if len(line) <= PHRASE_MAX_CHARS and han >= 2 else ""


def poster_joins(text: str) -> dict[int, str]:
    """The line breaks inside a poster's sentences, by offset, each with what stands for it: nothing after a phrase
    (a phrase is a piece of a sentence a line break cut: 全区孤儿 / 基本生活保障标准 / 二类区 / 由…); after a figure line
    a semicolon when a short label alone comes before the next figure line (三类区 / 由…: its zone takes the standard
    before it, as in a sentence that lists zones); else the line break stays and ends the sentence. A poster opens with at least two phrases before a figure line and ends at its last figure line."""
    lines: list[tuple[int, str, int]] = []
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((offset + len(raw), kind_of(raw.strip()), len(raw.strip())))
        offset += len(raw) + 1
    joins: dict[int, str] = {}
    run: list[tuple[int, str, int]] = []  # the phrases (and the figure line before them) waiting for a figure line
    in_poster = False
    for end, kind, length in lines:
        if kind == "figure" and (in_poster or len(run) >= OPENING_PHRASES):
            phrases = [length for _, was, length in run if was == "phrase"]
            label = len(phrases) == 1 and phrases[0] <= LABEL_MAX_CHARS
            joins.update((at, "；" if was == "figure" else "") for at, was, _ in run if label or was == "phrase")
            run, in_poster = [(end, kind, 0)], True
        elif kind == "phrase":
            run.append((end, kind, length))
        else:
            run, in_poster = [], False
    return joins
