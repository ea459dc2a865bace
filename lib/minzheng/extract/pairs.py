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


def not_the_households(text: str, figures: list[Figure], k: int, counts_person_times: bool) -> bool:
    """Whether a count of households listed right before a count of people is no row of its own: a count of 户次, one
    beside an aid counted in 人次 (`counts_person_times`), or one beside people counted in 人次 (累计为城市低保7090户、
    15211人次: households counted each month, never the caseload)."""
    if not households_before_people(text, figures, k):
        return False
    return figures[k].quantity.unit == "户次" or counts_person_times or figures[k + 1].quantity.unit == "人次"
