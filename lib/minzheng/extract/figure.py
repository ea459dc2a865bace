"""A figure of a sentence: its quantity and the subject whose words decide its indicator."""

from __future__ import annotations

from dataclasses import dataclass

from minzheng.extract.numbers import Quantity


@dataclass(frozen=True)
class Subject:
    """Where to look for a figure's indicator: its own words, what precedes them, and what follows."""

    own: str
    before: str
    after: str = ""
    counted_after: bool = False
    total: bool = False
    first_term_in: str = ""
    anywhere: bool = False


@dataclass
class Figure:
    """A quantity with the subject that decides its indicator."""

    quantity: Quantity
    subject: Subject
    shared: Subject | None = None
    group: int | None = None
    earlier: bool = False
    compared_with: tuple[int, int] | None = None
    per_inherited: str = ""
    share: bool = False  # a percent that is a share of another figure (孤儿的60%提高至80%), not a rate or a rise
