"""Series over time: where a region has reports of two or more years, each indicator's figures year by year (achieved
and target apart, standards in 元/人/月) with the evidence of every point, and the change from the first to the last."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from minzheng.codebook import theme_ids_of_kind
from minzheng.compare.figure_tables import FIGURE_COLUMNS, figure_table, theme_sections
from minzheng.extract.modality import is_planned

ACHIEVED, TARGET = "achieved", "target"


SERIES_COLUMNS = [
    "region",
    "level",
    "indicator",
    "label_zh",
    "label_en",
    "period",
    "period_stated",
    "kind",
    "value",
    "unit",
    "measure",
    "qualifier",
    "modality",
    "raw",
    "value_stated",
    "unit_stated",
    "conversion",
    "year",
    "document",
    "evidence",
]


CHANGE_COLUMNS = [
    "region",
    "level",
    "indicator",
    "label_zh",
    "label_en",
    "unit",
    "measure",
    "first_period",
    "first_value",
    "last_period",
    "last_value",
    "change",
    "change_pct",
    "points",
]


def empty_series() -> pd.DataFrame:
    """A series table without rows, with its columns."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in SERIES_COLUMNS})


def theme_number_ids(theme: str) -> tuple[str, ...]:
    """The numeric codebook ids of a theme, in the order its notebook's sections show them."""
    numbers = set(theme_ids_of_kind(theme, "number"))
    return tuple(i for ids in theme_sections(theme).values() for i in ids if i in numbers)


def _points(figures: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """One figure per report × indicator × year × achieved-or-target: the one figure_table would show for it."""
    figures = figures.assign(
        _at=figures["period"].fillna(figures["year"]),
        _kind=[TARGET if is_planned(m) else ACHIEVED for m in figures["modality"]],
    )
    chosen = []
    for (_, at, kind), group in figures.groupby(["document", "_at", "_kind"], sort=False, dropna=False):
        best = figure_table(group.drop(columns=["_at", "_kind"]), ids)
        if len(best):
            chosen.append(best.assign(kind=kind, period_stated=best["period"].notna(), period=at))
    return pd.concat(chosen, ignore_index=True) if chosen else pd.DataFrame(columns=[*FIGURE_COLUMNS, "kind"])


def series_table(
    indicators: pd.DataFrame, ids: Sequence[str], regions: Mapping[str, Sequence[int]] | Sequence[str]
) -> pd.DataFrame:
    """The points of the series: for every region with reports of two or more years (`regions`), one row per
    indicator × year × achieved-or-target, with its value (standards in 元/人/月), unit, measure, the report it comes
    from and the evidence sentence. Where two reports give a point for the same year, the report of that year wins,
    else the newer one. A figure without a stated period stands at its report's year (`period_stated` False)."""
    ids = list(ids)
    keep = list(regions)
    if not keep or not len(indicators):
        return empty_series()
    rows = indicators[
        indicators["region"].isin(keep) & indicators["indicator"].isin(ids) & indicators["value"].notna()
    ].reset_index(drop=True)
    if rows.empty:
        return empty_series()
    points = _points(rows, ids)
    if points.empty:
        return empty_series()
    points["_own_year"] = points["period"] == points["year"]
    points = points.sort_values(["_own_year", "year"], ascending=[False, False], kind="stable")
    points = points.drop_duplicates(["region", "indicator", "unit", "measure", "period", "kind"], keep="first")
    points["_indicator"] = points["indicator"].map(ids.index)
    points["_region"] = points["region"].map(keep.index)
    points = points.sort_values(["_indicator", "_region", "period", "kind"], kind="stable")
    out = points[SERIES_COLUMNS].reset_index(drop=True)
    for column in ("period", "year"):
        out[column] = pd.array(pd.to_numeric(out[column]), dtype="Int64")
    return out


def lines(series: pd.DataFrame) -> list[pd.DataFrame]:
    """The lines a chart may draw: the points of one region × indicator × unit × measure that span two or more years."""
    if series.empty:
        return []
    groups = series.groupby(["indicator", "region", "unit", "measure"], sort=False)
    return [group for _, group in groups if group["period"].nunique() >= 2]


def charted_ids(series: pd.DataFrame) -> list[str]:
    """The indicators with at least one line, in series order."""
    return list(dict.fromkeys(line["indicator"].iloc[0] for line in lines(series)))


def changes(series: pd.DataFrame) -> pd.DataFrame:
    """The change of every line between its first and its last achieved year: values, difference and percentage."""
    rows = []
    for line in lines(series):
        done = line[line["kind"] == ACHIEVED].sort_values("period")
        if done["period"].nunique() < 2:
            continue
        first, last = done.iloc[0], done.iloc[-1]
        change = float(last["value"]) - float(first["value"])
        rows.append(
            {
                **{c: first[c] for c in ("region", "level", "indicator", "label_zh", "label_en", "unit", "measure")},
                "first_period": int(first["period"]),
                "first_value": float(first["value"]),
                "last_period": int(last["period"]),
                "last_value": float(last["value"]),
                "change": change,
                "change_pct": change / float(first["value"]) * 100 if float(first["value"]) else float("nan"),
                "points": len(done),
            }
        )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def single_year_ids(series: pd.DataFrame) -> list[str]:
    """Indicators a series region states, but in one year only (no line to draw)."""
    if series.empty:
        return []
    drawn = set(charted_ids(series))
    return [i for i in dict.fromkeys(series["indicator"]) if i not in drawn]
