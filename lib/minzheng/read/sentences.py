"""Split clean text into sentences and section headings, each with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMERAL = "一二三四五六七八九十"


HEADING_PATTERNS = (
    (1, re.compile(rf"^[{NUMERAL}]+[、.．]")),
    (2, re.compile(rf"^[（(][{NUMERAL}]+[）)]")),
    (3, re.compile(r"^\d{1,2}[、.．](?!\d)")),
    (3, re.compile(r"^[（(]\d{1,2}[）)]")),
)


TITLE_LEVEL = 1


TITLE_MAX_CHARS = 40


RUN_IN_MAX_CHARS = 14


SENTENCE_SPLIT = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


CLAUSE_BREAK = "，,、；;：:"


@dataclass(frozen=True)
class Heading:
    """A section heading: its level (1 is highest), text and offsets in the clean text."""

    index: int
    level: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text, with the headings of the sections it sits in."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    headings: tuple[int, ...]
    is_heading: bool


def numbered_level(line: str) -> int | None:
    """Return the level of a numbered heading that starts the line, else None."""
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(line):
            return level
    return None


def is_title(line: str) -> bool:
    """A short line of words without sentence punctuation: an unnumbered heading."""
    if len(line) > TITLE_MAX_CHARS or re.search(r"[。！？!?；;，,：:]", line) or line[-1] in "”’":
        return False
    return len(re.findall(r"[\u4e00-\u9fff]", line)) >= 2


def heading_in_line(line: str) -> tuple[int, int] | None:
    """Return (level, length) of the heading at the start of a line, else None."""
    level = numbered_level(line)
    if level is not None:
        first_stop = re.search(r"[。！？]", line)
        return level, first_stop.end() if first_stop else len(line)
    if is_title(line):
        return TITLE_LEVEL, len(line)
    run_in = re.match(rf"^[^，,。；;：:0-9０-９]{{2,{RUN_IN_MAX_CHARS}}}。", line)
    if run_in and len(line) > run_in.end():
        return 3, run_in.end()
    return None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at sentence-ending punctuation, both Chinese and half-width."""
    spans = []
    for match in SENTENCE_SPLIT.finditer(text, start, end):
        a, b = match.span()
        chunk = text[a:b]
        stripped_start = a + len(chunk) - len(chunk.lstrip())
        stripped_end = a + len(chunk.rstrip())
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
    return spans


# A line a page broke off at a comma (…提高到15420元每人每年,⏎分散供养标准由…): its sentence goes on in the next line.
LINE_GOES_ON = "，,、"


def segment(text: str) -> tuple[list[Sentence], list[Heading]]:
    """Split a clean text into sentences and headings, tracking the section of each sentence; a sentence a line break
    cuts after a comma is one sentence across the lines."""
    sentences: list[Sentence] = []
    headings: list[Heading] = []
    open_headings: dict[int, int] = {}
    position = 0
    going_on: Sentence | None = None
    for paragraph, line in enumerate(text.split("\n")):
        line_start, position = position, position + len(line) + 1
        if not line.strip():
            continue
        found = heading_in_line(line)
        if going_on is not None and found is None:
            spans = split_sentences(text, line_start, line_start + len(line))
            b = spans[0][1]
            sentences[-1] = Sentence(
                going_on.index,
                text[going_on.start : b],
                going_on.start,
                b,
                going_on.paragraph,
                going_on.headings,
                False,
            )
            for a, b in spans[1:]:
                sentences.append(
                    Sentence(len(sentences), text[a:b], a, b, paragraph, tuple(open_headings.values()), False)
                )
            going_on = sentences[-1] if sentences[-1].text[-1] in LINE_GOES_ON else None
            continue
        going_on = None
        body_start = line_start
        if found is not None:
            level, length = found
            heading = Heading(len(headings), level, line[:length].rstrip("。"), line_start, line_start + length)
            headings.append(heading)
            open_headings = {lv: ix for lv, ix in open_headings.items() if lv < level}
            open_headings[level] = heading.index
            sentences.append(
                Sentence(
                    len(sentences),
                    line[:length],
                    line_start,
                    line_start + length,
                    paragraph,
                    tuple(open_headings.values()),
                    True,
                )
            )
            body_start = line_start + length
        for a, b in split_sentences(text, body_start, line_start + len(line)):
            sentences.append(Sentence(len(sentences), text[a:b], a, b, paragraph, tuple(open_headings.values()), False))
        last = sentences[-1] if sentences else None
        going_on = last if last is not None and not last.is_heading and last.text[-1] in LINE_GOES_ON else None
    return sentences, headings


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the clauses of a sentence, split at commas and the like."""
    spans, start = [], 0
    for index, char in enumerate(sentence):
        if char in CLAUSE_BREAK:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]
