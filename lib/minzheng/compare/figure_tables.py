"""Figure tables of the theme notebooks: one row per region × indicator, standards in 元/人/月, with evidence.

Every table keeps what makes a figure comparable or not: the administrative level, the report's year and the figure's
period, achieved vs target, whether the figure is a stock or an amount added in the period, and the evidence sentence.
A chart is allowed only where two or more regions state comparable figures (same indicator, same unit after
conversion, same measure); otherwise the helpers return the sentence that says why not."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from minzheng.codebook import column_map, ids_where, load_codebook, sections_of
from minzheng.compare.views import side_by_side, spread_table
from minzheng.english import format_number, level_label
from minzheng.extract.modality import is_planned

MONTHLY = "元/人/月"


YEARLY = "元/人/年"


AS_STATED = "as stated (元/人/月)"


STOCK = "stock or total"


ADDED = "added in the period"


# Words just before a figure, in its clause, that make it an amount added in the period rather than a stock.
ADDED_WORDS = re.compile(r"新增|增加|新建|新纳入|新招|新设|新改建|提质改造|改造提升|提升改造|扩建")


CLAUSE_MARK = re.compile(r"[，,；;。：:！？]")


FIGURE_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "indicator",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "qualifier",
    "modality",
    "measure",
    "raw",
    "value_stated",
    "unit_stated",
    "conversion",
    "figures_stated",
    "other_figures",
    "evidence",
    "document",
    "start",
    "end",
]


TEXT_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "indicator",
    "label_zh",
    "label_en",
    "name",
    "modality",
    "evidence",
    "document",
]


EVIDENCE_COLUMNS = ["region", "level", "period", "modality", "label_zh", "value", "unit", "raw", "evidence"]


def typed_frame(rows: list[dict], columns: list[str], float_columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows as a frame with nullable integer year and period and float measures, even when empty."""
    out = pd.DataFrame(rows, columns=columns)
    for column in ("year", "period"):
        out[column] = pd.array(out[column], dtype="Int64")
    for column in float_columns:
        out[column] = out[column].astype("float64")
    return out


def to_monthly(value: float, unit: str) -> tuple[float, str, str]:
    """Bring a standard to 元/人/月: (value, unit, the conversion in words). Other units pass unchanged."""
    unit = str(unit or "")
    if unit == YEARLY:
        monthly = float(value) / 12 if pd.notna(value) else np.nan
        return monthly, MONTHLY, f"{format_number(float(value))} {YEARLY} ÷ 12"
    if unit == MONTHLY:
        return float(value) if pd.notna(value) else np.nan, MONTHLY, AS_STATED
    return float(value) if pd.notna(value) else np.nan, unit, ""


def measure_of(evidence: str, position: int) -> str:
    """'added in the period' when the figure's clause, up to the figure, says 新增/增加/新建…; else 'stock or total'."""
    text = str(evidence or "")
    position = max(0, min(int(position), len(text)))
    marks = [m.end() for m in CLAUSE_MARK.finditer(text, 0, position)]
    clause = text[(marks[-1] if marks else 0) : position]
    return ADDED if ADDED_WORDS.search(clause) else STOCK


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    """Codebook labels by id: (label_zh, label_en), read once."""
    from minzheng.codebook import load_codebook

    codebook = load_codebook()
    return {row.id: (row.label_zh, row.label_en) for row in codebook.itertuples()}


def label_of(indicator: str) -> tuple[str, str]:
    """The codebook's Chinese label and English gloss of an id (the id itself when unknown)."""
    return _labels().get(indicator, (indicator, indicator))


def _region_order(indicators: pd.DataFrame, table: pd.DataFrame | None) -> list[str]:
    """Regions in corpus (manifest) order when the table is given, else in first-seen order."""
    if table is not None and len(table):
        return list(table["region"])
    return list(dict.fromkeys(indicators["region"])) if len(indicators) else []


def _choice_key(row: pd.Series) -> tuple[Any, ...]:
    """Sort key of the figure that represents a region × indicator: achieved, of the report's year, stock, largest."""
    planned = is_planned(row["modality"])
    same_year = pd.notna(row["period"]) and pd.notna(row["year"]) and int(row["period"]) == int(row["year"])
    return (
        planned,
        not same_year,
        pd.isna(row["period"]),
        row["measure"] != STOCK,
        -float(row["value"]),
        int(row["start"]),
    )


def _describe_other(row: pd.Series) -> str:
    """A short description of a figure not chosen: raw text, period, modality, measure."""
    period = f"{int(row['period'])}" if pd.notna(row["period"]) else "period not stated"
    return f"{row['raw']} ({period}, {row['modality']}, {row['measure']})"


def empty_figures() -> pd.DataFrame:
    """An empty figure table with the right columns and types."""
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in FIGURE_COLUMNS})
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a figure table its column types."""
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in ("value", "value_stated"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in ("figures_stated", "start", "end"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").fillna(0).astype("int64")
    return frame


def figure_table(
    indicators: pd.DataFrame, ids: tuple[str, ...] | list[str], table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per region × indicator: value (standards in 元/人/月), unit, qualifier, modality, period, level, year,
    raw, evidence, plus the measure (stock vs added), the stated value and unit, the conversion, and the other figures
    the report states for the same indicator.

    When a report states an indicator more than once, the row shows the achieved figure of the report's year, a stock
    before an amount added, and the largest (usually the total) of what is left; `figures_stated` counts them and
    `other_figures` lists the rest, so no figure is hidden.
    """
    ids = list(ids)
    if not len(indicators):
        return empty_figures()
    rows = indicators[indicators["indicator"].isin(ids) & indicators["value"].notna()].copy()
    if rows.empty:
        return empty_figures()
    converted = [to_monthly(v, u) for v, u in zip(rows["value"], rows["unit"])]
    rows["value_stated"], rows["unit_stated"] = rows["value"], rows["unit"]
    rows["value"] = [c[0] for c in converted]
    rows["unit"] = [c[1] for c in converted]
    rows["conversion"] = [c[2] for c in converted]
    measures = column_map("measure")
    rows["measure"] = [
        ADDED if measures.get(i) == "added" else measure_of(e, s - es)
        for i, e, s, es in zip(rows["indicator"], rows["evidence"], rows["start"], rows["evidence_start"])
    ]
    order = {region: i for i, region in enumerate(_region_order(indicators, table))}
    out = []
    for _key, group in rows.groupby(["region", "indicator"], sort=False):
        ranked = sorted((r for _, r in group.iterrows()), key=_choice_key)
        best = ranked[0].copy()
        best["figures_stated"] = len(ranked)
        best["other_figures"] = "; ".join(_describe_other(r) for r in ranked[1:])
        out.append(best)
    frame = pd.DataFrame(out)
    frame["_region"] = frame["region"].map(lambda r: order.get(r, len(order)))
    frame["_indicator"] = frame["indicator"].map(ids.index)
    frame = frame.sort_values(["_indicator", "_region"], kind="stable")
    return _typed(frame[FIGURE_COLUMNS].reset_index(drop=True))


def text_table(indicators: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The text rows (named brands, models) of some indicators: region, level, year, period, name, modality, evidence."""
    if not len(indicators):
        return pd.DataFrame(columns=TEXT_COLUMNS)
    rows = indicators[indicators["indicator"].isin(list(ids)) & indicators["value"].isna()].copy()
    rows["name"] = rows["raw"]
    frame = rows[TEXT_COLUMNS].reset_index(drop=True)
    frame["period"] = pd.array(frame["period"], dtype="Int64")
    return frame


def theme_ids(codebook: pd.DataFrame, theme: str, used: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Numeric codebook ids of a theme that no section of the notebook lists (so new codebook rows still show)."""
    rows = codebook[(codebook["theme"] == theme) & (codebook["kind"] == "number") & ~codebook["id"].isin(list(used))]
    return tuple(rows["id"])


def _cell(row: pd.Series) -> str:
    """A wide-table cell: value, unit, period, and the marks that limit comparison."""
    period = f"{int(row['period'])}" if pd.notna(row["period"]) else "period ?"
    marks = [period]
    if is_planned(row["modality"]):
        marks.append("target")
    if row["measure"] == ADDED:
        marks.append("added")
    if row["qualifier"] not in ("exact", "", None) and pd.notna(row["qualifier"]):
        marks.append(str(row["qualifier"]).replace("_", " "))
    return f"{format_number(row['value'])} {row['unit']} ({', '.join(marks)})"


def wide_table(
    frame: pd.DataFrame, regions: list[str], ids: tuple[str, ...] | list[str], levels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Indicators (rows) × regions (columns): the figure with its period and marks, '—' where a report states none;
    with more regions than views.SIDE_BY_SIDE_MAX, the spread by level instead (views.spread_table)."""
    if not side_by_side(len(regions)):
        return spread_table(frame, ids, {i: " · ".join(label_of(i)) for i in ids})
    levels = levels or {}
    columns = [f"{r} ({level_label(levels[r])})" if r in levels else r for r in regions]
    data = []
    for indicator in ids:
        zh, en = label_of(indicator)
        line = {"indicator": f"{zh} · {en}"}
        for region, column in zip(regions, columns):
            match = frame[(frame["indicator"] == indicator) & (frame["region"] == region)]
            line[column] = _cell(match.iloc[0]) if len(match) else "—"
        data.append(line)
    return pd.DataFrame(data, columns=["indicator", *columns])


def figure_evidence(frame: pd.DataFrame) -> pd.DataFrame:
    """The evidence under a chart or table: region, level, period, modality, label, value, unit, raw text, sentence."""
    out = frame.copy()
    if "level" in out:
        out["level"] = out["level"].map(level_label)
    return out[[c for c in EVIDENCE_COLUMNS if c in out.columns]].reset_index(drop=True)


def levels_of(table: pd.DataFrame) -> dict[str, str]:
    """Region → administrative level, from the corpus table."""
    return dict(zip(table["region"], table["level"])) if len(table) else {}


def theme_sections(theme: str) -> dict[str, tuple[str, ...]]:
    """A theme's sections (name → codebook ids), plus 'other': numeric ids of the theme no section lists."""
    sections = sections_of(theme)
    used = [i for ids in sections.values() for i in ids]
    sections["other"] = theme_ids(load_codebook(), theme, used)
    return sections


def achieved_stocks(frame: pd.DataFrame, ids: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """The achieved stocks (not targets, not amounts added) of a figure table, optionally of some indicators only."""
    rows = frame if ids is None else subset(frame, ids)
    if rows.empty:
        return rows
    keep = ~rows["modality"].map(is_planned) & (rows["measure"] != ADDED)
    return rows[keep].reset_index(drop=True)


def subset(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The rows of a figure table whose indicator is among `ids`."""
    return frame[frame["indicator"].isin(list(ids))].reset_index(drop=True)


CONVERSION_COLUMNS = [
    "region",
    "level",
    "period",
    "modality",
    "label_zh",
    "value_stated",
    "unit_stated",
    "conversion",
    "value",
    "unit",
    "raw",
    "evidence",
]


def conversion_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Standards with the stated value and unit, the conversion to 元/人/月, and the evidence sentence."""
    out = frame.copy()
    out["level"] = out["level"].map(level_label)
    return out[CONVERSION_COLUMNS].reset_index(drop=True)


def per_capita_indicators() -> tuple[str, ...]:
    """Ids the codebook marks for per-capita comparison (`per_capita` = yes)."""
    return ids_where("per_capita", "yes")
