"""Progress tables saved as text (实事内容 工作任务 进展情况, a column per quarter): work done read as the task's count.

A table of a year's practical projects gives each task in its first sentence (新增12家照料中心) and, in the quarter
cells after it, how much of it is done (已完成4家, 累计完成9家) with no subject of their own. Each count done, in the
task's counting unit, becomes the task's phrase with the count put in place of the task's number, read as achieved;
the row's cell stays the evidence. The table ends at a gap of an empty paragraph."""

from __future__ import annotations

import re

from minzheng.extract.tables import TableValue
from minzheng.read.sentences import Sentence

HEADER = re.compile(r"(?:工作)?任务.{0,12}(?:进展|完成)情况")
COUNT = re.compile(r"(\d+(?:\.\d+)?)(家|个|处|所|张|户|名|人)")
DONE = re.compile(r"完成(\d+(?:\.\d+)?)(家|个|处|所|张|户|名|人)")


def progress_values(sentences: list[Sentence]) -> list[TableValue]:
    """Every count done in the progress cells of a report's progress tables, as the phrase of its row's task."""
    values: list[TableValue] = []
    paragraph, task = None, None
    for sentence in sentences:
        if HEADER.search(sentence.text) and len(sentence.text) <= 40:
            paragraph, task = sentence.paragraph, None
            continue
        if paragraph is None or sentence.paragraph > paragraph + 1:
            paragraph = None
            continue
        if sentence.paragraph != paragraph:
            paragraph, task = sentence.paragraph, sentence
            continue
        count = COUNT.search(task.text) if task is not None else None
        for done in DONE.finditer(sentence.text):
            if count is None or done.group(2) != count.group(2):
                continue
            phrase = task.text[: count.start()] + done.group(1) + task.text[count.end(1) :]
            values.append(TableValue(phrase, count.start(), sentence, done.start(1), done.end(), 0))
    return values
