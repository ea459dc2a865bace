"""Counts a sentence lists as a pair, households then people (临时救助650户、1020人次): which of the two is the aid's cases."""

from __future__ import annotations

import re

from minzheng.extract.figure import Figure

# What lies between two counts of one list (6.12万户次、8.54万人次).
LIST_GAP = re.compile(r"^\s*[、，,和及与]\s*$")


def household_times_beside_person_times(text: str, figures: list[Figure], k: int) -> bool:
    """Whether a count in 户次 is listed right before the same aid's count in 人次 (救助6.12万户次、8.54万人次): the
    households served, not the cases."""
    q, following = figures[k].quantity, figures[k + 1].quantity if k + 1 < len(figures) else None
    return (
        q.unit == "户次"
        and following is not None
        and following.unit == "人次"
        and bool(LIST_GAP.match(text[q.end : following.start]))
    )


def households_beside_people(text: str, figures: list[Figure], k: int) -> bool:
    """Whether a count of households is listed right before the same aid's count of people (临时救助650户、1020人次):
    the people are its cases, the households count them only when alone (临时救助650户)."""
    q, following = figures[k].quantity, figures[k + 1].quantity if k + 1 < len(figures) else None
    return (
        q.unit_class == "households"
        and following is not None
        and following.unit_class in ("people", "person_times")
        and bool(PAIR_GAP.match(text[q.end : following.start]))
    )


# What lies between a count of households and its count of people (650户1020人; 650户、1020人次).
PAIR_GAP = re.compile(r"^\s*[、，,]?\s*(?:共|计|涉及)?\s*$")
