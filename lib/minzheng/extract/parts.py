"""Parts of a total: parts by area of an id without area ids are rows only where the report states no total of the id;
figures that add up to the figure of their id before them are never rows."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator
from minzheng.extract.columns import ColumnValue
from minzheng.extract.patterns import goes_on, last_clause
from minzheng.extract.record import Row

# The area a part names (城市低保527户, 农村特困人员, 牧区最低生活保障对象); 城乡 names the whole.
AREA = re.compile(r"城乡|城市|城镇|农村|乡村|农牧区|牧区")


# The programmes an area word may stand before: a figure takes the area only of words about its own programme.
FAMILIES = {"低保": "dibao", "最低生活保障": "dibao", "特困": "tekun", "五保": "tekun", "孤儿": "orphans"}
FAMILY = re.compile("|".join(FAMILIES))


# The codebook's mark of an id whose parts by area are rows when the report states no total.
PARTS = "parts"


# The money paid to the people a number counts, named by area right after them (为N户发放农村低保金).
PAID_AREA = re.compile(rf"^(?:发放|支付)了?(?:{AREA.pattern})")


# 五保 was the countryside's support before 2016: its people and money are the rural part of tekun (为113人发放五保供养金).
RURAL_ONLY = re.compile(r"五保")
PAID_RURAL_ONLY = re.compile(r"^(?:发放|支付)了?五保")


def area_part(indicator: Indicator, before: str, counted: str = "", after: str = "") -> bool:
    """Whether a figure of an id kept as parts names one area: the noun it counts or the money paid to it names it,
    or the last area word of its sentence before it does and only words of one programme stand between."""
    if indicator.keep != PARTS:
        return False
    paid = PAID_AREA.match(after)
    area = AREA.search(counted) or (AREA.search(paid.group(0)) if paid else None)
    if area is not None:
        return area.group(0) != "城乡"
    clause = last_clause(before)
    if (RURAL_ONLY.search(counted + clause) or PAID_RURAL_ONLY.match(after)) and not AREA.search(clause):
        return True
    found = list(AREA.finditer(before))
    if not found or found[-1].group(0) == "城乡":
        return False
    between = {FAMILIES[m] for m in FAMILY.findall(before[found[-1].end() :])}
    return len(between) <= 1


def drop_parts_beside_totals(rows: list[Row]) -> list[Row]:
    """A part by area is dropped when the report states a total of its id for the same year anywhere (a chronicle's
    rural households of 1998 are no part of its total of 2005)."""
    totals = {(row.indicator.id, row.period) for row in rows if row.indicator.keep == PARTS and not row.part}
    return [row for row in rows if not (row.part and (row.indicator.id, row.period) in totals)]


def drop_parts_that_sum(rows: list[Row]) -> list[Row]:
    """Figures of one id that follow a figure of that id in the same sentence and add up to it exactly (34个…机构，2个
    省级、5个市级、27个县级…), or come before it (城市…420.6万元，农村…394.4万元，累计城乡…815万元), are its parts, not rows
    of their own."""
    # Only rows of one sentence and id can sum: each row is compared with its own group, so a long report stays linear.
    groups: dict[tuple[int, str], list[int]] = {}
    for k, row in enumerate(rows):
        if row.value is not None:
            groups.setdefault((row.sentence.index, row.indicator.id), []).append(k)
    dropped: set[int] = set()
    for after in (True, False):
        for members in groups.values():
            for at, k in enumerate(members):
                if k not in dropped:
                    order = members[at + 1 :] if after else members[:at][::-1]
                    dropped.update(summing_parts(rows, k, order))
    return [row for k, row in enumerate(rows) if k not in dropped]


def summing_parts(rows: list[Row], k: int, order: list[int]) -> list[int]:
    """The rows of row k's group (its id and sentence), taken in the given order, that add up to its value (two or
    more), if any."""
    row, total, parts = rows[k], 0.0, []
    for j in order:
        other = rows[j]
        total += other.value
        parts.append(j)
        if len(parts) >= 2 and abs(total - row.value) < 1e-6:
            return parts
        if total > row.value:
            return []
    return []


# The words of a figure that counts a broad class (各种社会福利收养性单位, 各类养老服务机构): what follows of its id in
# its sentence names kinds within it.
BROAD_CLASS = re.compile(r"各类|各种|收养性")
COUNTED_PLACES = ("处", "张")


def drop_kinds_after_broad_total(rows: list[Row]) -> list[Row]:
    """Smaller figures of an id after a figure of a broad class of that id in the same sentence, or in the two after it
    when a semicolon ends it (收养性单位97个…；敬老院22个…), are kinds within it, not rows, though they need not add up.
    Only places and beds: money raised of every kind and money paid out are two figures, not a whole and its part."""
    dropped: set[int] = set()
    for k, row in enumerate(rows):
        if row.value is None or k in dropped or row.indicator.unit not in COUNTED_PLACES:
            continue
        if not BROAD_CLASS.search(row.sentence.text[: row.start]):
            continue
        for j in range(k + 1, len(rows)):
            other = rows[j]
            if (
                other.indicator.id == row.indicator.id
                and within_sentence(row, other)
                and other.value is not None
                and other.value < row.value
            ):
                dropped.add(j)
    return [row for k, row in enumerate(rows) if k not in dropped]


def within_sentence(row: Row, other: Row) -> bool:
    """Whether a later row stands in the sentence of a row, or in the two after it when a semicolon ends that one."""
    if other.sentence is row.sentence:
        return True
    continued = goes_on(row.sentence.text)
    gap = other.sentence.index - row.sentence.index
    return continued and other.sentence.paragraph == row.sentence.paragraph and 0 < gap <= 2


def drop_tiers_beside_own(rows: list[Row]) -> list[Row]:
    """A tier's figure (第一档…, 一类地区…) is a row only where the report states no figure of its id for the whole
    region (a province that sets its standards only by tiers of places)."""
    whole = {row.indicator.id for row in rows if not row.tier}
    return [row for row in rows if not (row.tier and row.indicator.id in whole)]


def drop_summed_parts(rows: list[Row], values: list[ColumnValue]) -> list[Row]:
    """Rows of a group that a later 合计 row of the same indicator sums are parts, and go."""
    placed = {(value.sentence.index, value.start): value for value in values}
    totals = {
        (placed[(row.sentence.index, row.start)].group_key, row.indicator.id)
        for row in rows
        if (row.sentence.index, row.start) in placed and placed[(row.sentence.index, row.start)].total
    }
    kept = []
    for row in rows:
        value = placed.get((row.sentence.index, row.start))
        if value is not None and not value.total and (value.group_key, row.indicator.id) in totals:
            continue
        kept.append(row)
    return kept
