"""Rises written 由X提高到Y: which later value of a sentence pairs with which earlier one, and the lists a rise merges."""

from __future__ import annotations

import re

from minzheng.extract.figure import Figure
from minzheng.extract.fitting import SHARE_OF
from minzheng.extract.numbers import Quantity
from minzheng.extract.patterns import FROM_MARKER, RANGE_JOIN

# A value restated in brackets right after another (10260元/人年(855元/人月)): the same figure in another period.
BRACKETED = re.compile(r"^\s*[（(][^（）()]{1,16}[)）]")


# A rise written from its base (在去年X的基础上今年再次提高到Y).
BASE_MARKER = re.compile(r"在[^，。；]{0,12}$")
ON_THE_BASE = re.compile(r"^的基础上[，,]?(?:今年|本年|再次|又|进一步|继续)*")


def restatement(text: str, before: Quantity, quantity: Quantity) -> bool:
    """Whether a quantity stands alone in brackets right after the one before it."""
    opening = text[before.end : quantity.start].strip()
    return opening in ("(", "（") and text[quantity.end :].lstrip()[:1] in (")", "）")


def rises(text: str, quantities: list[Quantity], runs: list[list[int]]) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Map each later value of 由X提高到Y (or 由A、B提高到C、D) to its earlier value; also the later values that
    merge a list into one (由A、B统一调至C, 由A、B提高到C), with the earlier values they merge."""
    restated = {i for i in range(1, len(quantities)) if restatement(text, quantities[i - 1], quantities[i])}
    groups = [[i] for i in range(len(quantities)) if not any(i in run for run in runs) and i not in restated] + runs
    groups.sort(key=lambda group: group[0])
    pairs: dict[int, int] = {}
    merged: dict[int, list[int]] = {}
    for earlier, later in zip(groups, groups[1:]):
        gap = BRACKETED.sub("", text[quantities[earlier[-1]].end : quantities[later[0]].start], count=1)
        from_marker = FROM_MARKER.search(text[: quantities[earlier[0]].start])
        base = ON_THE_BASE.match(gap)
        if base and BASE_MARKER.search(text[: quantities[earlier[0]].start]):
            # 在去年提高到200元的基础上今年提高到220元: the earlier value is the base the later one rose from.
            gap, from_marker = gap[base.end() :], base
        if not (RANGE_JOIN.match(gap) and from_marker):
            continue
        if len(earlier) == len(later):
            pairs.update(zip(later, earlier))
        elif len(later) == 1 and ("统一" in gap or len(earlier) > 1):
            pairs[later[0]] = earlier[0]
            merged[later[0]] = earlier
    return pairs, merged


def mark_shares(text: str, quantities: list[Quantity], pairs: dict[int, int], figures: dict[int, Figure]) -> None:
    """Mark both percents of a rise whose earlier value is a share of another figure (从不低于福利机构孤儿的60%提高至
    80%): no rate or rise takes them."""
    for i, k in pairs.items():
        if quantities[k].unit == "%" and SHARE_OF.search(text[: quantities[k].start]):
            figures[i].share = figures[k].share = True
