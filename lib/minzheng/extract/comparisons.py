"""Comparisons with an earlier level (较2019年的A和B): each earlier value measures what the value it is set against does."""

from __future__ import annotations

import re

from minzheng.extract.figure import Figure
from minzheng.extract.numbers import Quantity

COMPARISON = re.compile(r"(?:比|较)(?:去年|上年|上一年|(?:19|20)\d{2}\s*年)(?:同期|末|底)?的?$")


def compared_lists(text: str, quantities: list[Quantity], runs: list[list[int]], figures: dict[int, Figure]) -> None:
    """A list of earlier levels right after a list of as many values of the same unit (分别达到A和B，较2019年的C和D):
    the k-th earlier value takes the k-th value's subject, as its comparison base."""
    for earlier, run in zip(runs, runs[1:]):
        if len(earlier) != len(run) or run[0] != earlier[-1] + 1:
            continue
        if quantities[earlier[0]].unit_class != quantities[run[0]].unit_class:
            continue
        span = (quantities[earlier[-1]].end, quantities[run[0]].start)
        if not COMPARISON.search(text[span[0] : span[1]]):
            continue
        for a, b in zip(earlier, run):
            shared, group = figures[a].shared, figures[b].group
            figures[b] = Figure(quantities[b], figures[a].subject, shared=shared, group=group, compared_with=span)
