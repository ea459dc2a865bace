"""Statistics tables laid out in columns (cells apart by spaces, or run together): a header of periods, rows of numbers.

A yearbook or a monthly statistics table saved as text has a header (指标名称 单位 2020年 2021年, 数量 上月 环比) and
rows of a label, maybe a unit and a code, then one number per column, often with no unit beside it. Each number
becomes the phrase `group + label + number + unit` (with `2020年` before it where its column is a year), which the
sentence extractor reads like the rows of tables.py; the row's line stays the evidence and the number its place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minzheng.extract.patterns import PROGRAMME
from minzheng.extract.places import places_named
from minzheng.extract.tables import NUMBERED_PART, NUMBERING, SUB_ITEM, TableValue
from minzheng.read.sentences import Sentence

# The words that open a header row, and the column heads that hold values.
HEADER_LABEL = re.compile(r"指标名称|指标|项目|类别|^\s*item\b")
YEAR_HEAD = re.compile(r"((?:19|20)\d\d)\s*年?")
VALUE_HEAD = re.compile(
    r"补贴标准|本年累计|上年同期|上年数据|数量|本期|本月|当月|累计|上年|上期|上季度|上月|[一二三四五六七八九十]{1,3}月份|"
    r"环比|同比|比上年|增长|增减|标准"
)
SKIPPED_HEAD = re.compile(r"环比|同比|比上年|增长|增减|^part$")
# A header of places (金华市 市区 兰溪市): the first column is the region's own, the others its parts.
WHOLE_OR_PART = re.compile(r"全市|全县|全区|全省|市区|城区|合计|总计")
PREVIOUS_YEAR_HEAD = re.compile(r"上年")
MONTH_HEAD = re.compile(r"本月|当月")

# A unit cell, or a unit glued to the end of a label before its number (最低生活保障人数万人7.1).
UNIT = r"(?:万|亿)?(?:人次|户次|人天|人|户|个|家|所|张|处|件|具|元/人·月|元/人·年|元/人/月|元/人/年|元/月|元/年|元|%|次|项)"
UNIT_CELL = re.compile(rf"^{UNIT}$")
GLUED_UNIT = re.compile(r"(?:万|亿)(?:人次|户次|人|户|个|张|元)$|元/人[·/][月年]$|人次$")
UNIT_IN_BRACKETS = re.compile(rf"[（(]({UNIT}|10000 yuan)[)）]")

# A number, maybe with 万/亿 and a unit of its own (18.85万, 4853元/年), or a dash for an empty cell.
NUMBER = re.compile(rf"^-?\d[\d,]*(?:\.\d+)?(?:万|亿)?(?:{UNIT})?$")
EMPTY = re.compile(r"^(?:—+|-{1,2}|…+)$")
NUMBER_THEN_HEADING = re.compile(r"(?<=\d)(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
GLUED_NUMBER = re.compile(r"^(?P<text>.*?[^\d,.\-])(?P<number>\d[\d,]*(?:\.\d+)*)$")

# Page furniture inside a row: statistics codes (JZH011212000) and English glosses of bilingual yearbooks.
CODE = re.compile(r"[A-Z]{2,4}\d{9}|[A-Z]{2,4}\d{1,8}$")
ENGLISH = re.compile(r"[（(][^（()）]*[A-Za-z][^（()）]*[)）]|[A-Za-z]*[a-z][A-Za-z'’.,\- ]*")
PROSE = re.compile(r"[。，；！？：:]")
CJK = re.compile(r"[\u4e00-\u9fff]")

# A number that has no unit takes one from what its row names.
DEFAULT_UNITS = (
    (re.compile(r"资金|支出|金额|经费|费$"), "元"),
    (re.compile(r"人次$"), "人次"),
    (re.compile(r"床位|床$"), "张"),
    (re.compile(r"户数|户$"), "户"),
    (re.compile(r"人数|人员|对象|孤儿|儿童|人$"), "人"),
    (re.compile(r"机构|院|中心|站|所|委员会|数$"), "个"),
)

# A word that is only a row's numbering or sub-item mark (其中：A, II, #) belongs to the word after it.
PREFIX_ONLY = re.compile(
    r"(?:其中[：:]?|#|[A-Za-z]|[IVX]{1,4}|[Ⅰ-Ⅻ]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])+"
)
# A top-level numbering (一、, （二）) opens a new part of the table: the group before it ends.
TOP_LEVEL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
TOTAL_LABEL = re.compile(r"^合计|^总计")

# A row naming a programme or an area its group does not name leaves the group (城市特困… under 农村最低生活保障).
NAMED = re.compile(PROGRAMME + r"|城市|城镇|农村|城乡")
RUN_DECIMALS = re.compile(r"\d{1,3}(?:,\d{3})*\.\d")
RUN = re.compile(r"^\d[\d,]*\.\d[\d,.]*\.\d+$")


@dataclass(frozen=True)
class Columns:
    """A header: the head of each value column, and how many tables stand side by side."""

    heads: tuple[str, ...]
    halves: int
    monthly_apart: bool


@dataclass(frozen=True)
class ColumnValue(TableValue):
    """A value of a column table, with the group it stands in and whether its row is the group's total."""

    group_key: tuple[int, int, int] = (0, 0, 0)
    total: bool = False


def header_of(text: str) -> Columns | None:
    """The columns a header row declares (指标名称 单位 2021 年 2020 年; 项目 数量 上月 环比), or None."""
    cells = text.split()
    if 2 <= len(cells) <= 8 and all(is_place(cell) for cell in cells) and not PROSE.search(text):
        return Columns(("",) + ("part",) * (len(cells) - 1), 1, False)
    joined = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)
    labels = HEADER_LABEL.findall(joined)
    if not labels or PROSE.search(joined):
        return None
    body = HEADER_LABEL.sub(" ", joined)
    years = YEAR_HEAD.findall(body)
    only_years = years and not CJK.search(YEAR_HEAD.sub("", body))
    heads = tuple(f"{year}年" for year in years) if len(years) >= 2 or only_years else tuple(VALUE_HEAD.findall(body))
    if not heads:
        return None
    halves = len(re.findall(r"指标名称|项目", joined)) or 1
    if halves > 1 and len(heads) % halves == 0:
        heads = heads[: len(heads) // halves]
    else:
        halves = 1
    monthly_apart = any(MONTH_HEAD.search(head) for head in heads) and any("累计" in head for head in heads)
    return Columns(heads, halves, monthly_apart)


def is_place(cell: str) -> bool:
    """Whether a header cell names a place: a division (金华市, 兰溪市) or the whole or a part of one (全市, 市区)."""
    named = places_named(cell)
    return bool(WHOLE_OR_PART.fullmatch(cell)) or (len(named) == 1 and named[0][:2] == (0, len(cell)))


def split_run(text: str, heads: tuple[str, ...]) -> list[str] | None:
    """Numbers run together in one cell (49,216.624,125.5104.00), split by their decimals: ratios 2, values 1."""
    found, position = [], 0
    for head in heads:
        if position >= len(text):
            break
        pattern = r"\d+\.\d\d" if SKIPPED_HEAD.search(head) else RUN_DECIMALS.pattern
        match = re.compile(pattern).match(text, position)
        if match is None:
            return None
        found.append(match.group(0))
        position = match.end()
    return found if position == len(text) and len(found) > 1 else None


@dataclass
class Segment:
    """One row of a line (a line of tables side by side holds several): label, unit, numbers with their offsets."""

    label: str = ""
    unit: str = ""
    numbers: list[tuple[str, int, int]] = field(default_factory=list)
    sub_item: bool = False
    group: str = ""
    top_level: bool = False
    numbered: bool = False
    words: list[str] = field(default_factory=list)
    part: bool = False


def tokens(text: str) -> list[tuple[str, int]]:
    """The whitespace-separated tokens of a line with their offsets, codes and English glosses blanked out."""
    blanked = CODE.sub(lambda m: " " * len(m.group(0)), text)
    blanked = ENGLISH.sub(
        lambda m: m.group(0) if UNIT_IN_BRACKETS.fullmatch(m.group(0)) else " " * len(m.group(0)), blanked
    )
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+", blanked)]


def pieces_of(token: str, at: int) -> list[tuple[str, int]]:
    """A token cut where a number is glued to the label before it (养老机构586) or to a numbered label after it."""
    cut = next((m.start() for m in NUMBER_THEN_HEADING.finditer(token)), None)
    if cut:
        return pieces_of(token[:cut], at) + pieces_of(token[cut:], at + cut)
    glued = GLUED_NUMBER.match(token)
    if glued and CJK.search(glued.group("text")) and not NUMBER.match(token):
        cut = glued.start("number")
        return [(token[:cut], at), (token[cut:], at + cut)]
    return [(token, at)]


def words_of(words: list[str]) -> list[str]:
    """Label words with the characters spaced out of one word (床 位, 合 计) joined again."""
    joined: list[str] = []
    for word in words:
        if joined and PREFIX_ONLY.fullmatch(joined[-1]):
            joined[-1] += " " + word
        elif joined and len(word) == 1 and len(joined[-1].replace(" ", "")) <= 2 and not NUMBERING.match(word):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def segments(text: str, heads: tuple[str, ...], halves: int = 1) -> list[Segment]:
    """The rows of a table line: a new row starts at a label after numbers (or at each label, tables side by side)."""
    rows: list[Segment] = []
    current = Segment()
    for token, at in tokens(text):
        for piece, start in pieces_of(token, at):
            if NUMBER.match(piece) or EMPTY.match(piece) or RUN.match(piece):
                current.numbers.append((piece, start, start + len(piece)))
            elif UNIT_CELL.match(piece) and current.words and not current.numbers:
                current.unit = piece
            elif UNIT_IN_BRACKETS.fullmatch(piece) and current.words and not current.numbers:
                current.unit = unit_in(UNIT_IN_BRACKETS.fullmatch(piece))
            else:
                if current.numbers or (current.unit and current.words):
                    rows.append(current)
                    current = Segment()
                current.words.append(piece)
    rows.append(current)
    split: list[Segment] = []
    for row in rows:
        words = words_of(row.words)
        if halves > 1 and len(words) > 1:
            split += [Segment(label=word) for word in words[:-1]]
        elif len(words) > 1:
            row.group = NUMBERING.sub("", "".join(words[:-1]))
        row.label = words[-1] if words else ""
        split.append(row)
    for row in split:
        tidy(row, heads)
    return [row for row in split if CJK.search(row.label)]


def tidy(row: Segment, heads: tuple[str, ...]) -> None:
    """Mark a row's sub-item, take its unit out of its label, and split numbers run together."""
    row.sub_item = bool(SUB_ITEM.match(row.label))
    row.top_level = bool(TOP_LEVEL.match(row.label))
    row.numbered = bool(NUMBERING.match(SUB_ITEM.sub("", row.label))) and not row.top_level
    row.part = bool(NUMBERED_PART.match(SUB_ITEM.sub("", row.label))) and not row.top_level
    row.label = NUMBERING.sub("", SUB_ITEM.sub("", row.label))
    if len(row.numbers) == 1 and len(heads) > 1:
        run = split_run(row.numbers[0][0], heads)
        if run:
            start = row.numbers[0][1]
            row.numbers = []
            for number in run:
                row.numbers.append((number, start, start + len(number)))
                start += len(number)
    bracket = UNIT_IN_BRACKETS.search(row.label)
    if bracket:
        row.unit = row.unit or unit_in(bracket)
        row.label = UNIT_IN_BRACKETS.sub("", row.label)
    glued_unit = GLUED_UNIT.search(row.label)
    if glued_unit and glued_unit.start() > 0 and not row.unit:
        row.unit, row.label = glued_unit.group(0), row.label[: glued_unit.start()]


def unit_in(bracket: re.Match) -> str:
    """The unit a bracket names: its own, or 万元 for a bilingual yearbook's (10000 yuan)."""
    return "万元" if bracket.group(1) == "10000 yuan" else bracket.group(1)


def unit_for(label: str, lead: str, number: str, unit: str) -> str:
    """The unit a number is read with: its own, its row's, else the one its row's words imply."""
    if re.search(r"[^\d,.万亿\-]", number.lstrip("-")):
        return ""
    if unit:
        return unit
    for words in (label, lead):
        implied = [(match.end(), unit) for pattern, unit in DEFAULT_UNITS for match in pattern.finditer(words)]
        if implied:
            return max(implied)[1]
    return ""


def is_row_line(text: str) -> bool:
    """Whether a line can be a table row: no sentence punctuation, short, and a number or only a label."""
    return not PROSE.search(re.sub(r"^其中[：:]", "", text)) and len(text) <= 160


def numbers_only(text: str) -> list[tuple[str, int, int]]:
    """The numbers of a line that holds nothing else (a row's numbers wrapped under its label), else []."""
    blanked = ENGLISH.sub(lambda m: " " * len(m.group(0)), text)
    found = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", blanked)]
    return found if found and all(NUMBER.match(t) or EMPTY.match(t) for t, _, _ in found) else []


def column_values(sentences: list[Sentence]) -> list[ColumnValue]:
    """Every value of the column tables among a report's sentences, as phrases to read."""
    values: list[ColumnValue] = []
    columns: Columns | None = None
    groups: dict[int, str] = {}
    pending: Segment | None = None
    pending_groups: dict[int, str] = {}
    summed: dict[int, int] = {}
    counted: dict[int, bool] = {}
    block = 0
    for sentence in sentences:
        header = header_of(sentence.text)
        if header is not None:
            columns, groups, pending, block, summed = header, {}, None, block + 1, {}
            continue
        if columns is None:
            continue
        if not is_row_line(sentence.text):
            columns = None
            continue
        rows = segments(sentence.text, columns.heads, columns.halves)
        if not rows and pending is not None and numbers_only(sentence.text):
            rows = [Segment(pending.label, pending.unit, numbers_only(sentence.text), pending.sub_item)]
            groups = dict(pending_groups)
        for half, row in enumerate(rows):
            side = half % columns.halves
            if row.group:
                groups[side] = row.group
            if row.top_level:
                groups[side] = ""
            if not row.numbers:
                pending, pending_groups, counted[side] = row, dict(groups), False
                if not row.unit and not row.sub_item and not row.numbered:
                    groups[side] = row.label
                continue
            # A part numbered (1), (2) under a row with its own figures (城市低保支出, then (1)城市低保金) is a sub-item.
            above = counted.get(side, False)
            row.sub_item, counted[side] = row.sub_item or (row.part and above), above or not row.part
            pending = None
            group = groups.get(side, "")
            if set(NAMED.findall(row.label)) - set(NAMED.findall(group)):
                group = ""
            values.extend(row_values(sentence, row, columns, group, (block, side, summed.get(side, 0))))
            if TOTAL_LABEL.match(row.label):
                summed[side] = summed.get(side, 0) + 1
    return values


def row_values(
    sentence: Sentence, row: Segment, columns: Columns, group: str, key: tuple[int, int, int]
) -> list[ColumnValue]:
    """The values of one row, each with its column's period."""
    found = []
    lead = f"{group}{row.label}" if group and group not in row.label else row.label
    shift = 0
    if columns.heads and YEAR_HEAD.fullmatch(columns.heads[0]):
        shift = max(0, len(columns.heads) - len(row.numbers))
    for k, (number, start, end) in enumerate(row.numbers, start=shift):
        head = columns.heads[k] if k < len(columns.heads) else ""
        if EMPTY.match(number) or SKIPPED_HEAD.search(head) or (columns.monthly_apart and MONTH_HEAD.search(head)):
            continue
        prefix = head if YEAR_HEAD.fullmatch(head) else ""
        phrase = f"{prefix}{lead}{number}{unit_for(row.label, lead, number, row.unit)}"
        years_back = 1 if PREVIOUS_YEAR_HEAD.search(head) else 0
        total = bool(TOTAL_LABEL.match(row.label))
        found.append(
            ColumnValue(phrase, len(prefix) + len(lead), sentence, start, end, years_back, row.sub_item, key, total)
        )
    return found
