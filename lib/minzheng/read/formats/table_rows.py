"""Table rows read as sentences: each value cell after its row's label and its column's header, so figures in
tables keep their subject (项目 | 人数 → 城市低保人数：3200人).

The extractor reads a figure's subject from the words just before it; a row read `项目：城市低保，人数：3200人` puts
only the header there, and is not read. So a row becomes `label + header：value` per value cell, joined by commas, with
the header left out where it only says 'the value' (数量, 数值) or the label already holds it (城市低保标准 | 标准)."""

from __future__ import annotations

import re

GENERIC_HEADER = re.compile(
    r"^(?:项目|項目|内容|內容|名称|名稱|类别|類別|指标|指標|指标名称|指標名稱|数量|數量|数值|數值|数据|數據|金额|金額|情况|情況|完成情况|完成情況|合计|合計)$"
)


SKIPPED_HEADER = re.compile(r"^(?:序号|序號|编号|編號|备注|備註)$")


UNIT_HEADER = re.compile(r"^(?:单位|單位|计量单位|計量單位)$")


DIGIT = re.compile(r"[0-9０-９]")


SPACE = re.compile(r"\s+")


def tidy(cell: str) -> str:
    """A cell's text on one line, inner spaces of Chinese kept single."""
    return SPACE.sub(" ", cell).strip()


def is_header(row: list[str]) -> bool:
    """A row of column headers: text cells, no figure among them."""
    return len(row) >= 2 and not any(DIGIT.search(cell) for cell in row)


def row_sentence(header: list[str], row: list[str]) -> str:
    """One table row as a sentence: `label + header：value` for each value cell, joined by commas."""
    named = [(header[k] if k < len(header) else "", cell) for k, cell in enumerate(row)]
    named = [(h, c) for h, c in named if c and not SKIPPED_HEADER.match(h)]
    unit = next((c for h, c in named if UNIT_HEADER.match(h)), "")
    named = [(h, c) for h, c in named if not UNIT_HEADER.match(h)]
    if not named:
        return ""
    label, values = named[0][1], named[1:]
    if not values:
        return label if label.endswith(("。", "；", ";")) else label + "。"
    parts = []
    for head, cell in values:
        head = "" if GENERIC_HEADER.match(head) or head in label else head
        suffix = unit if unit and DIGIT.match(cell[-1:]) else ""
        parts.append(f"{label}{head}：{cell}{suffix}")
    return "，".join(parts) + "。"


def row_sentences(rows: list[list[str]]) -> list[str]:
    """A table's rows (cells on the column grid, a merged cell's repeats left empty) as sentences; its first row is
    the header when it holds no figure."""
    rows = [[tidy(cell) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    header = rows[0] if is_header(rows[0]) and len(rows) > 1 else []
    body = rows[1:] if header else rows
    return [sentence for sentence in (row_sentence(header, row) for row in body) if sentence]
