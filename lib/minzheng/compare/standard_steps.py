"""A published standard over time: its steps in order, the averages beside them, and the growth per year.

Steps come from the reference (`standards.csv`) in 元/人/月. A step whose start date the source does not give stands just
before the dated step that replaced it (compare.standards_in_force.timeline) and is shown, but no growth is computed
across it. Growth per year is the compound rate between two dated steps, (later ÷ earlier)^(1 ÷ years) − 1, the years
counted in whole months between the two dates ÷ 12; the averages' growth is computed the same way between their
as-of dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from minzheng.compare.benchmarks import NATIONAL_COUNTERPARTS, NATIONAL_SCOPE
from minzheng.compare.figure_tables import label_of, to_monthly
from minzheng.compare.standards_in_force import MONTHLY_VALUE, day_text, timeline
from minzheng.read.reference import REF, parse_date, tier_key

GROWTH_METHOD = (
    "compound growth per year between the first and last dated figures: (last ÷ first)^(1 ÷ years) − 1, years = whole "
    "months between the two dates ÷ 12; steps without a start date are shown but not used"
)


STEP_COLUMNS = [
    "region",
    "set_by",
    "tier",
    "indicator",
    "label_en",
    "step",
    *MONTHLY_VALUE,
    "known_in_force_before",
    "change",
    "change_pct",
    "years_since_previous",
    "growth_per_year_pct",
    "source_title",
    "source_url",
    "reliability",
    "quote",
    "notes",
    "standard_ref",
]


AVERAGE_COLUMNS = ["scope", "indicator", "value", "unit", "as_of", "source_title", "source_url", "reliability", REF]


GROWTH_COLUMNS = [
    "series",
    "first_value",
    "first_date",
    "last_value",
    "last_date",
    "years",
    "growth_per_year_pct",
    "rise_per_year",
    "unit",
    "method",
    "sources",
    "reliability",
]


def years_between(earlier: Any, later: Any) -> float:
    """Whole months between two dates ÷ 12 (NaN when either is missing)."""
    if pd.isna(earlier) or pd.isna(later):
        return np.nan
    a, b = pd.Timestamp(earlier), pd.Timestamp(later)
    return ((b.year - a.year) * 12 + (b.month - a.month)) / 12


def growth_per_year(first: float, last: float, years: float) -> float:
    """Compound growth per year in percent, (last ÷ first)^(1 ÷ years) − 1; NaN without a span or a positive start."""
    if not years or np.isnan(years) or years <= 0 or not first or first <= 0:
        return np.nan
    return ((last / first) ** (1 / years) - 1) * 100


def steps(
    standards: pd.DataFrame, region: str, indicator: str, tier: str | None = None, line: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The steps of a region's standard in time order (one setter and tier, or each in turn), in 元/人/月, with the
    change from the step before and, between two dated steps, the growth per year (`line`: the standards' timeline,
    when the caller has it already)."""
    frame = timeline(standards) if line is None else line
    frame = frame[(frame["region"] == region) & (frame["indicator"] == indicator)]
    if tier is not None:
        frame = frame[frame["tier_key"] == tier]
    rows = []
    for _, series in frame.groupby("series", sort=False):
        order = series["start"].fillna(series["before"] - pd.Timedelta(days=1))
        series = series.assign(_order=order).sort_values("_order", kind="stable")
        previous = None
        for number, (_, row) in enumerate(series.iterrows(), start=1):
            change = row["value"] - previous["value"] if previous is not None else np.nan
            years = years_between(previous["start"], row["start"]) if previous is not None else np.nan
            rows.append(
                {
                    "region": region,
                    "set_by": row["set_by"],
                    "tier": row["tier"],
                    "indicator": indicator,
                    "label_en": label_of(indicator)[1],
                    "step": number,
                    **{column: row[column] for column in MONTHLY_VALUE},
                    "known_in_force_before": day_text(row["before"]),
                    "change": change,
                    "change_pct": change / previous["value"] * 100 if previous is not None else np.nan,
                    "years_since_previous": years,
                    "growth_per_year_pct": growth_per_year(previous["value"], row["value"], years)
                    if previous is not None
                    else np.nan,
                    **{c: row.get(c, "") for c in ("source_title", "source_url", "reliability", "quote", "notes")},
                    "standard_ref": row.get(REF, ""),
                }
            )
            previous = row
    out = pd.DataFrame(rows, columns=STEP_COLUMNS)
    for column in ("value", "value_stated", "change", "change_pct", "years_since_previous", "growth_per_year_pct"):
        out[column] = out[column].astype("float64")
    return out


def averages(national: pd.DataFrame, indicator: str, scopes: tuple[str, ...] = (NATIONAL_SCOPE,)) -> pd.DataFrame:
    """The averages of an indicator's counterpart (national, and any province named) over time, in 元/人/月."""
    name = NATIONAL_COUNTERPARTS.get(indicator)
    rows = national[(national["indicator"] == name) & national["scope"].isin(list(scopes))].copy() if name else None
    if rows is None or rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in AVERAGE_COLUMNS})
    converted = [to_monthly(v, u) for v, u in zip(rows["value"], rows["unit"])]
    rows["value"], rows["unit"] = [c[0] for c in converted], [c[1] for c in converted]
    rows = rows.sort_values(["scope", "as_of"], kind="stable")
    return rows[[c for c in AVERAGE_COLUMNS if c in rows.columns]].reset_index(drop=True)


def _joined(values: pd.Series) -> str:
    """Distinct non-empty values joined by '; ' in first-seen order."""
    return "; ".join(dict.fromkeys(str(v) for v in values if str(v)))


def _growth_row(series: str, dated: pd.DataFrame, date: str, unit: str) -> dict[str, Any]:
    """One growth row between the first and last dated figures of a series (NaN where fewer than two)."""
    first, last = (dated.iloc[0], dated.iloc[-1]) if len(dated) else (None, None)
    years = years_between(parse_date(first[date]), parse_date(last[date])) if len(dated) >= 2 else np.nan
    return {
        "series": series,
        "first_value": first["value"] if first is not None else np.nan,
        "first_date": first[date] if first is not None else "",
        "last_value": last["value"] if last is not None else np.nan,
        "last_date": last[date] if last is not None else "",
        "years": years,
        "growth_per_year_pct": growth_per_year(first["value"], last["value"], years) if len(dated) >= 2 else np.nan,
        "rise_per_year": (last["value"] - first["value"]) / years if years and not np.isnan(years) else np.nan,
        "unit": unit,
        "method": GROWTH_METHOD,
        "sources": _joined(dated["source_title"]),
        "reliability": _joined(dated["reliability"]),
    }


def growth(step_table: pd.DataFrame, average_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Growth per year of the standard (per setter and tier) and of each average beside it (GROWTH_METHOD)."""
    rows = []
    for (set_by, tier), group in step_table.groupby(["set_by", step_table["tier"].map(tier_key)], sort=False):
        dated = group[group["effective_from"] != ""]
        dated = dated.assign(_d=dated["effective_from"].map(parse_date)).sort_values("_d", kind="stable")
        name = f"{group['region'].iloc[0]} published standard (set by {set_by}, {tier})"
        rows.append(_growth_row(name, dated, "effective_from", group["unit"].iloc[0]))
    if average_table is not None:
        for scope, group in average_table.groupby("scope", sort=False):
            label = "national average" if scope == NATIONAL_SCOPE else f"{scope} average"
            rows.append(_growth_row(label, group.sort_values("as_of"), "as_of", group["unit"].iloc[0]))
    out = pd.DataFrame(rows, columns=GROWTH_COLUMNS)
    for column in ("first_value", "last_value", "years", "growth_per_year_pct", "rise_per_year"):
        out[column] = out[column].astype("float64")
    return out


def series_regions(standards: pd.DataFrame, indicator: str) -> list[str]:
    """Regions whose reference holds two or more dated steps of one standard (those that have a series to chart)."""
    rows = standards[(standards["indicator"] == indicator) & (standards["effective_from"] != "")]
    counts = rows.groupby("region", sort=False)["effective_from"].nunique()
    return [str(r) for r in counts[counts >= 2].index]


@dataclass(frozen=True)
class RegionSteps:
    """One region's steps of a standard, the averages beside them (national and its province), the growth per year
    and the years of the region's reports."""

    region: str
    indicator: str
    steps: pd.DataFrame
    averages: pd.DataFrame
    growth: pd.DataFrame
    report_years: tuple[int, ...]


def region_steps(
    standards: pd.DataFrame, national: pd.DataFrame, in_force: pd.DataFrame, ids: Iterable[str]
) -> list[RegionSteps]:
    """The steps of each standard (`ids`) for every region of a standards-in-force table (by `place`, so a region
    with several reports is followed once) whose reference holds two or more dated steps, with the national and
    provincial averages and the years of its reports; in id, then table order (empty when no region has a series)."""
    found, line = [], timeline(standards)
    for indicator in ids:
        with_series = set(series_regions(standards, indicator))
        for place, rows in in_force.groupby("place", sort=False):
            if place not in with_series:
                continue
            province = next((p for p in rows["province"] if p), "")
            scopes = (NATIONAL_SCOPE, province) if province else (NATIONAL_SCOPE,)
            averaged = averages(national, indicator, scopes)
            mine = steps(standards, str(place), indicator, line=line)
            years = tuple(sorted({int(y) for y in rows["year"].dropna()}))
            found.append(RegionSteps(str(place), indicator, mine, averaged, growth(mine, averaged), years))
    return found


def steps_table(found: list[RegionSteps]) -> pd.DataFrame:
    """Every region's steps in one table (STEP_COLUMNS), for saving and for the reference sheet."""
    frames = [f.steps for f in found if len(f.steps)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in STEP_COLUMNS})
    return pd.concat(frames, ignore_index=True)


def averages_table(found: list[RegionSteps]) -> pd.DataFrame:
    """The averages drawn beside the steps, each row once (AVERAGE_COLUMNS), for the reference sheet."""
    frames = [f.averages for f in found if len(f.averages)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in AVERAGE_COLUMNS})
    return pd.concat(frames, ignore_index=True).drop_duplicates(REF).reset_index(drop=True)
