"""Statistics tables saved as text (指标名称 | 单位 | 数量): each row read as the phrase its cells make.

Quarterly civil-affairs statistics and yearbooks give a label, a unit and one or more values per row, under group
rows that name the programme or area (城市最低生活保障). A row becomes the phrase `group + label + value + unit`
(城市最低生活保障 最低生活保障人数 6.1万人), which the sentence extractor reads; the row keeps its own line as
evidence and the value cell as the figure's place. A column headed 上年 holds the year before's values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minzheng.extract.patterns import PROGRAMME
from minzheng.read.sentences import Sentence

CELL_SEPARATOR = "|"


NUMBER_CELL = re.compile(r"^-?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$")


UNIT_CELL = re.compile(r"^(?:万|亿)?(?:人次|户次|人|户|个|家|所|张|处|元|元/人·月|元/人·年|元/人/月|元/人/年|%|次|项)$")


HEADER_WORDS = re.compile(r"指标|单位|项目|保障对象|救助对象")


# A table's number and the years its title spans (表3 …（2019-2021年）): no group words, since a year there would date
# every row.
TITLE_DATES = re.compile(
    r"^\s*表\s*[0-9０-９]+(?:[-－.][0-9０-９]+)?\s*|[（(]?(?:19|20)\d\d\s*年?(?:\s*[-—–~～至到]\s*(?:19|20)\d\d\s*年?)?[）)]?"
)


# A title line giving the unit of the whole table (单位：个, 计量单位：万元): the unit of its rows that name none.
TABLE_UNIT = re.compile(r"^(?:计量)?单位\s*[:：]\s*((?:万|亿)?(?:人次|户次|人|户|个|家|所|张|处|元|%))$")


# Characters spaced apart inside one word of a cell (项 目, 床 位), a year column's head, a head naming what it counts.
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
YEAR_HEAD = re.compile(r"^((?:19|20)\d\d)\s*年?$")
COUNT_HEAD = re.compile(r"数$|床位$")
UNITS_HEAD = re.compile(r"^(?:院|机构|单位|个)数$")

# A table's title row dating it to a month (2020年度 1月): a table of the year's first month holds one month's money.
MONTH_TITLE = re.compile(r"(?:19|20)\d\d\s*年度?\s*(\d{1,2})\s*月份?$")
MONEY = re.compile(r"元$")

# Homes of a kind (社会福利院, 儿童福利院) beside homes for the aged in one table hold others: their counts are not elderly care.
HOME = re.compile(r"福利院|福利机构|福利单位|收养性")
AGED = re.compile(r"老年|养老|敬老|老人")
UNIT_IN_BRACKETS = re.compile(r"\s*[（(]((?:万|亿)?(?:人次|户次|人|户|个|家|所|张|处|元|%))[)）]")


SKIPPED_COLUMNS = re.compile(r"代码|环比|同比|增长|增减|比上年|占")


PREVIOUS_YEAR = re.compile(r"上年|去年")


# A label that names a programme its group does not (城市特困人员… under 农村最低生活保障) leaves the group; one naming
# 养老机构 is read without its group (养老机构床位数 under 提供住宿的社会服务).
PROGRAMMES = re.compile(PROGRAMME)
OWN_KIND = re.compile(r"养老机构")


# A sub-item of the row above it: 其中：, #, or a letter (A 城市低保累计支出 under 最低生活保障).
SUB_ITEM = re.compile(r"^(?:其中[：:]?\s*|#\s*|(?:[A-Za-z]|[IVX]{1,4}|[Ⅰ-Ⅻ])[\s.．、]+)+")


# A row numbered (1), (2) under a row with its own figures is a part of it (城市最低生活保障 | 万元 | 2,134.7, then
# (1)城市最低生活保障金, (2)…临时补助).
NUMBERED_PART = re.compile(r"^[（(][0-9一二三四五六七八九十]{1,2}[)）]")


NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])")


@dataclass(frozen=True)
class TableValue:
    """One value of a table row: the phrase to read, where the value stands in the row's line, and its year shift."""

    phrase: str
    value_at: int
    sentence: Sentence
    start: int
    end: int
    years_back: int
    sub_item: bool = False


def cells(text: str) -> list[tuple[str, int, int]]:
    """The cells of a table line, stripped, with their offsets in the line."""
    found, position = [], 0
    for part in text.split(CELL_SEPARATOR):
        stripped = part.strip()
        offset = position + (len(part) - len(part.lstrip()))
        end = offset + len(stripped)
        found.append((SPACED.sub("", stripped) if len(stripped) <= 8 else stripped, offset, end))
        position += len(part) + 1
    return found


def is_table_line(text: str) -> bool:
    """Whether a sentence is a line of a table saved as text: cells separated by |."""
    return text.count(CELL_SEPARATOR) >= 2 or is_cell_line(text)


def is_cell_line(text: str) -> bool:
    """Whether a line holds one cell of a table saved a cell per line (单位 |)."""
    return text.rstrip().endswith(CELL_SEPARATOR) and text.count(CELL_SEPARATOR) == 1


# A cell that is a phrase of its own (城市低保标准：不低于740元/月 |): words, then a number with its unit.
PROSE_CELL = re.compile(r"[\u4e00-\u9fff][^|]*?\d[\d,.]*\s*(?:万|亿)?(?:元|人|户|个|张|所|家|%)")


def is_prose_cell(text: str) -> bool:
    """Whether a line of a table saved a cell per line holds a phrase with its own figure, read as a sentence."""
    return is_cell_line(text) and bool(PROSE_CELL.search(text))


Cell = tuple[str, int, int, Sentence]


def table_rows(sentences: list[Sentence]) -> list[list[Cell]]:
    """The rows of the tables among a report's sentences, each cell with its place in its own line.

    A table saved a row per line gives one row per line; one saved a cell per line (header cells, then a row of
    column keys 甲 乙 丙 1 2 3, then the rows) is cut into rows as wide as its header."""
    rows: list[list[Cell]] = []
    stream: list[Cell] = []
    for sentence in sentences + [None]:
        if sentence is not None and stream and TRANSLATION.fullmatch(sentence.text.strip()):
            continue
        if sentence is not None and is_cell_line(sentence.text):
            text, start, end = cells(sentence.text)[0]
            stream.append((text, start, end, sentence))
            continue
        rows += cut_into_rows(stream)
        stream = []
        if sentence is not None and sentence.text.count(CELL_SEPARATOR) >= 2:
            rows.append([(text, start, end, sentence) for text, start, end in cells(sentence.text)])
    return rows


def cut_into_rows(stream: list[Cell]) -> list[list[Cell]]:
    """Cells saved one per line, cut into rows by the width of the header that opens them (up to the 甲 key row)."""
    keys = next((k for k, cell in enumerate(stream) if cell[0] == COLUMN_KEY), None)
    if keys is None:
        first = next((k for k, cell in enumerate(stream) if HEADER_WORDS.fullmatch(cell[0])), None)
        if first is None or len(stream) - first <= 2:
            return []
        return label_rows(stream[first:])
    opening = next((k for k in range(keys) if HEADER_OPENING.fullmatch(stream[k][0])), 0)
    if keys == opening or not HEADER_WORDS.search(stream[opening][0]):
        return []
    width = keys - opening
    header, body = stream[opening:keys], stream[keys + width :]
    return [header] + [body[k : k + width] for k in range(0, len(body) - width + 1, width)]


COLUMN_KEY = "甲"


# The cell that opens a header row (cells before it, 编制单位：… or the month, are the table's title lines).
HEADER_OPENING = re.compile(r"指标名称|指标|项目")


# A line of a bilingual yearbook's English translation (Number of Persons Receiving…, (person) |): no cell of ours.
# It has a lower-case letter, so a statistics code (JZH011110000) is not one.
TRANSLATION = re.compile(r"[(\[]?[A-Za-z][A-Za-z0-9 ,.'()/&\-]*[a-z][A-Za-z0-9 ,.'()/&\-]*\|?")


def label_rows(stream: list[Cell]) -> list[list[Cell]]:
    """Cells saved one per line with no column key, cut into rows: each label cell opens a row and the numbers after it
    are its values (项目 2020 2021 | 城市低保(人) 62524 59061 | …); empty and English cells are left out. A stream whose
    header is not a row of years, or whose rows are not all as wide as it, is kept as one row, as before."""
    kept = [cell for cell in stream if cell[0] and not TRANSLATION.fullmatch(cell[0])]
    rows: list[list[Cell]] = []
    for cell in kept:
        if NUMBER_CELL.match(cell[0]) and rows:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    widths = {len(row) for row in rows}
    years = rows[0][1:] if rows else []
    by_year = bool(years) and all(YEAR_HEAD.match(cell[0]) for cell in years)
    return rows if by_year and len(rows) > 2 and widths == {len(rows[0])} else [stream]


def table_values(sentences: list[Sentence]) -> list[TableValue]:
    """Every value of the table rows among a report's sentences, as phrases to read.

    A column headed by a year gives its values that year; where the header names what two or more columns count
    (院数 | 床位), each value is read with its column's head, and a column that names no count is left out."""
    values: list[tuple[int, bool, TableValue]] = []
    header: list[str] = []
    group, parent = "", ""
    block, aged_blocks, one_month, counted_above = 0, set(), False, False
    table_unit, unit_blocks = "", set()
    for row in table_rows(sentences):
        texts = [cell[0] for cell in row]
        if any(HEADER_WORDS.search(text) for text in texts[:3]) and not any(
            NUMBER_CELL.match(t) and not YEAR_HEAD.match(t) for t in texts
        ):
            header, block = texts, block + 1
            stated = next((m.group(1) for m in map(TABLE_UNIT.match, texts) if m), "")
            if stated:
                table_unit, unit_blocks = stated, {block, block + 1}
            continue
        label = next((text for text in texts if re.search(r"[\u4e00-\u9fff]", text) and not UNIT_CELL.match(text)), "")
        unit = next((text for text in texts if UNIT_CELL.match(text)), "") or (
            table_unit if block in unit_blocks else ""
        )
        numbers = [(k, cell) for k, cell in enumerate(row) if NUMBER_CELL.match(cell[0])]
        if not label:
            continue
        bracket = UNIT_IN_BRACKETS.search(label)
        if bracket:
            unit, label = unit or bracket.group(1), UNIT_IN_BRACKETS.sub("", label)
        if not numbers:
            dated = MONTH_TITLE.search(label)
            one_month = bool(dated and dated.group(1) in ("1", "01")) or (one_month and not dated)
            if not unit:
                group, parent, counted_above = TITLE_DATES.sub("", NUMBERING.sub("", label)), "", False
            continue
        if one_month and MONEY.search(unit):
            continue
        marked = bool(SUB_ITEM.match(label) or NUMBERED_PART.match(label))
        sub_item, counted_above = marked and counted_above, counted_above or not marked
        label = re.sub(r"(?<=[\u4e00-\u9fff])的(?=[\u4e00-\u9fff])", "", NUMBERING.sub("", SUB_ITEM.sub("", label)))
        if parent and label != parent and label.endswith(parent):
            sub_item = True
        else:
            parent = label
        other_home = bool(HOME.search(label)) and not AGED.search(label)
        if HOME.search(label) and AGED.search(label):
            aged_blocks.add(block)
        if set(PROGRAMMES.findall(label)) - set(PROGRAMMES.findall(group)):
            group = ""
        counted = sum(1 for heading in header[1:] if COUNT_HEAD.search(heading)) >= 2
        units_apart = sum(1 for heading in header[1:] if UNIT_IN_BRACKETS.search(heading)) >= 2
        for k, (text, start, end, sentence) in numbers:
            heading = header[k] if k < len(header) else ""
            if SKIPPED_COLUMNS.search(heading) or (counted and not COUNT_HEAD.search(heading)):
                continue
            lead = (
                f"{own_area(group, label)}{label}"
                if group and group not in label and not OWN_KIND.search(label)
                else label
            )
            if units_apart and UNIT_IN_BRACKETS.search(heading):
                # Each column names what it holds and its unit (一季度发放资金(元)): the value is read with both.
                own_lead = f"{lead}{UNIT_IN_BRACKETS.sub('', heading)}"
                own_unit = UNIT_IN_BRACKETS.search(heading).group(1)
                values.append(
                    (
                        block,
                        other_home,
                        TableValue(f"{own_lead}{text}{own_unit}", len(own_lead), sentence, start, end, 0),
                    )
                )
                continue
            year = YEAR_HEAD.match(heading)
            prefix = f"{year.group(1)}年" if year else ""
            lead = f"{prefix}{lead}{'' if UNITS_HEAD.match(heading) else heading}" if counted else f"{prefix}{lead}"
            phrase = f"{lead}{text}{unit or count_unit(heading) if counted else unit}"
            years_back = 1 if PREVIOUS_YEAR.search(heading) else 0
            values.append(
                (block, other_home, TableValue(phrase, len(lead), sentence, start, end, years_back, sub_item))
            )
    return [value for block, other_home, value in values if not (other_home and block in aged_blocks)]


def own_area(group: str, label: str) -> str:
    """A group's words for a row that names its own area (城乡低保情况 over 城市低保人数): the label's area wins."""
    return group.replace("城乡", "") if re.search(r"城市|城镇|农村", label) else group


def count_unit(heading: str) -> str:
    """The unit a column's head implies for a count (床位: 张, 人数: 人, 院数: 个)."""
    return "张" if "床" in heading else "人" if "人" in heading else "户" if "户" in heading else "个"


# A row whose label is a row's above it with a care mode or an area put in (农村五保供养支出 above 农村五保集中供养支出):
# a part of that row's total.
MODE_OR_AREA = re.compile(r"集中|分散|城市|城镇|农村")
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def label_core(label: str) -> str:
    """A table row's label in Han characters alone."""
    return NOT_HAN.sub("", label)


def a_part_of_a_row_above(label: str, ids: set[str], kept: dict[str, set[str]]) -> bool:
    """Whether a row's label, its care mode or area taken out, is the label of a row above kept for one of its ids."""
    core = label_core(label)
    bare = MODE_OR_AREA.sub("", core)
    return bare != core and any(
        MODE_OR_AREA.sub("", other) == bare and len(other) < len(core) for i in ids for other in kept.get(i, ())
    )
