"""Statistics tables with a row per place and columns per programme and measure, saved as text with | between cells.

A quarterly assistance table gives a header of programmes (地区 | 城市低保 | 农村低保 | 临时救助 …), often a second
header of measures with their units (当月低保对象人数(人) | 累计资金支出数(万元) …), then one row per place: the
region's own row (or its 合计) first, then its counties. The region's own row becomes phrases `programme + measure +
number + unit` (城市低保当月低保对象人数14943人) that the sentence extractor reads, as tables.py does for rows of
labels; the rows of other places are their figures, not the region's, and are left out."""

from __future__ import annotations

import re

from minzheng.extract.patterns import PROGRAMME
from minzheng.extract.places import stem
from minzheng.extract.tables import CELL_SEPARATOR, NUMBER_CELL, TableValue, cells
from minzheng.read.sentences import Sentence

# The head of the column that names each row's place.
PLACE_HEAD = re.compile(r"地区|单位|县区|区县|县（市、区）|县\(市、区\)|行政区划|市州|县市区")


# A measure's unit in brackets (当月低保对象人数(人), 累计资金支出数(万元)), or a count named by its last word.
UNIT_IN_HEAD = re.compile(r"[（(]((?:万|亿)?(?:人次|户次|人|户|个|张|元))[)）]")
UNIT_WORD = re.compile(r"(人次|户次|人数|户数|床位数|个数)$")
WORD_UNITS = {"人次": "人次", "户次": "户次", "人数": "人", "户数": "户", "床位数": "张", "个数": "个"}


# A row for the whole region, whatever its name.
WHOLE_ROW = re.compile(r"^(?:合\s*计|总\s*计|全市|全县|全区|全省|全州|本级合计)$")


def unit_of(head: str) -> str:
    """The unit a measure's head names: in brackets, else by its last word; empty when it names none."""
    bracket = UNIT_IN_HEAD.search(head)
    if bracket:
        return bracket.group(1)
    word = UNIT_WORD.search(head)
    return WORD_UNITS[word.group(1)] if word else ""


def filled(text: str) -> list[tuple[str, int, int]]:
    """The non-empty cells of a table line, with their offsets."""
    return [cell for cell in cells(text) if cell[0]]


def spans(groups: list[str], measures: list[str]) -> list[str] | None:
    """The programme each measure column stands under: a group's columns are a count, then maybe its money (人数 |
    资金); None when the measures cannot be shared out among the groups so."""
    if len(measures) == len(groups):
        return groups
    owners: list[list[str]] = []
    for measure in measures:
        money = unit_of(measure).endswith("元")
        current = owners[-1] if owners else None
        opens = current is None or (money and any(m.endswith("元") for m in map(unit_of, current)))
        opens = opens or (not money and any(not m.endswith("元") for m in map(unit_of, current)))
        if opens:
            owners.append([])
        owners[-1].append(measure)
    if len(owners) > len(groups) > 0:
        # The last group may hold several counts (已认定总人数 | 当年累计享受临时救助人次).
        owners[len(groups) - 1 :] = [[m for owned in owners[len(groups) - 1 :] for m in owned]]
    if len(owners) != len(groups):
        return None
    return [group for group, owned in zip(groups, owners) for _ in owned]


def own_row(place: str, names: tuple[str, ...]) -> bool:
    """Whether a row's place is the report's region (by its name or its name's stem) or the whole (合计)."""
    place = re.sub(r"\s", "", place)
    return bool(WHOLE_ROW.match(place)) or any(name and (place == name or place == stem(name)) for name in names)


def grid_values(sentences: list[Sentence], names: tuple[str, ...]) -> list[TableValue]:
    """The values of the region's own row in the place-by-programme tables among a report's sentences."""
    values: list[TableValue] = []
    groups: list[str] | None = None
    heads: list[str] | None = None
    for sentence in sentences:
        if sentence.text.count(CELL_SEPARATOR) < 2:
            groups = heads = None
            continue
        row = filled(sentence.text)
        texts = [text for text, _, _ in row]
        numbers = [cell for cell in row[1:] if NUMBER_CELL.match(cell[0])]
        if not numbers and texts and PLACE_HEAD.fullmatch(re.sub(r"\s", "", texts[0])):
            groups, heads = texts[1:], None
            continue
        if groups is not None and heads is None and not numbers and len(texts) > len(groups):
            heads = texts
            continue
        if groups is None or not numbers or len(numbers) != len(row) - 1 or not own_row(texts[0], names):
            continue
        measures = heads or groups
        owners = spans(groups, measures) if heads else [""] * len(groups)
        if owners is None or len(measures) != len(numbers):
            continue
        for owner, measure, (number, start, end) in zip(owners, measures, numbers):
            unit = unit_of(measure)
            lead = owner + UNIT_IN_HEAD.sub("", measure)
            values.append(TableValue(f"{lead}{number}{unit}", len(lead), sentence, start, end, 0))
    return values


# The head of the column that names each row's programme (类别 | 户数(户) | 人数(人) | 累计支出(万元) | 低保标准(元)).
CATEGORY_HEAD = re.compile(r"类\s*别|项\s*目|类\s*型|救助类别|保障类别|救助项目|名\s*称")
ROW_PROGRAMME = re.compile(PROGRAMME)
UNIT_COLUMN = re.compile(r"(?:计量)?单\s*位")
FIGURE_IN_CELL = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def category_values(sentences: list[Sentence]) -> list[TableValue]:
    """The values of disclosure tables with a row per programme and a column per measure (城市低保 | 5401 | 7441 |
    1870.32 | …): each number read as `programme + measure + number + unit`, and a cell of words (a standard zone by
    zone) as `programme + measure：` and its words; a cell cut onto the next line (…790元/月 |) is read there."""
    values: list[TableValue] = []
    measures: list[str] | None = None
    waiting: tuple[str, str] | None = None
    for sentence in sentences:
        text = sentence.text.rstrip()
        closing = text.count(CELL_SEPARATOR) == 1 and text.endswith(CELL_SEPARATOR)
        if waiting and (closing or CELL_SEPARATOR not in text):
            cell = text[:-1].rstrip() if closing else text
            values.extend(cell_values(sentence, *waiting, (cell, 0, len(cell))))
            waiting = None if closing else waiting
            continue
        waiting = None
        if text.count(CELL_SEPARATOR) < 2:
            measures = None
            continue
        row = filled(text)
        texts = [cell for cell, _, _ in row]
        if texts and CATEGORY_HEAD.fullmatch(texts[0]) and not any(NUMBER_CELL.match(t) for t in texts):
            # A header with a unit column (项目 | 单位 | 数量) is a table of labelled rows, which tables.py reads.
            measures = None if any(UNIT_COLUMN.fullmatch(t) for t in texts[1:]) else texts[1:]
            continue
        if measures is None or not texts or not ROW_PROGRAMME.search(texts[0]) or len(row) - 1 > len(measures):
            continue
        for measure, cell in zip(measures, row[1:]):
            values.extend(cell_values(sentence, texts[0], measure, cell))
        if len(row) - 1 < len(measures):
            waiting = (texts[0], measures[len(row) - 1])
    return values


def cell_values(sentence: Sentence, label: str, measure: str, cell: tuple[str, int, int]) -> list[TableValue]:
    """The values of one cell of a programme's row: a number with its measure's unit, or the figures of its words."""
    text, start, end = cell
    lead = label + UNIT_IN_HEAD.sub("", measure)
    if NUMBER_CELL.match(text):
        return [TableValue(f"{lead}{text}{unit_of(measure)}", len(lead), sentence, start, end, 0)]
    lead += "："
    return [
        TableValue(lead + text, len(lead) + m.start(), sentence, start + m.start(), start + m.end(), 0)
        for m in FIGURE_IN_CELL.finditer(text)
    ]
