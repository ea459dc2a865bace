"""Counts a sentence lists as a pair, households then people (临时救助650户、1020人次): which of the two is the aid's cases."""

from __future__ import annotations

import re

from minzheng.extract.figure import Figure

# What lies between a count of households and its count of people (650户1020人; 6.12万户次、8.54万人次; 650户，共1020人).
PAIR_GAP = re.compile(r"^\s*[、，,和及与]?\s*(?:共|计|涉及)?\s*$")


def households_before_people(text: str, figures: list[Figure], k: int) -> bool:
    """Whether a count of households (户, 户次) is listed right before the same aid's count of people (人, 人次): the
    people are the aid's cases, the households count them only when alone (临时救助650户)."""
    q, following = figures[k].quantity, figures[k + 1].quantity if k + 1 < len(figures) else None
    return (
        q.unit in ("户", "户次")
        and following is not None
        and following.unit_class in ("people", "person_times")
        and following.unit != "户次"
        and bool(PAIR_GAP.match(text[q.end : following.start]))
    )
