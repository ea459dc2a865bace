"""Figures set against reference data: per 1,000 residents or older residents, and national averages.

Per-capita figures divide a report's figure by a reference population and carry that population's source title,
as-of date and reliability. A region without a reference row gets NaN and is listed as a gap: nothing is ever filled
in, estimated or borrowed from another region."""

from __future__ import annotations

import numpy as np
import pandas as pd

from minzheng.codebook import column_map
from minzheng.compare.population import (
    AGED_60,
    MAX_YEARS_APART,
    RESIDENTS,
    STATUS_COMPUTED,
    Populations,
    as_of_year,
    denominator_for,
    indexed,
    nearest,
)
from minzheng.compare.population import STATUS_GAP as STATUS_GAP  # re-exported: notebooks and tests name it here
from minzheng.compare.reference_index import Memo

PER = 1000


# The scope of national rows in national.csv; other scopes are provinces.
NATIONAL_SCOPE = "全国"


DENOMINATOR_EN = {
    RESIDENTS: "per 1,000 residents",
    AGED_60: "per 1,000 residents aged 60+",
    "population_aged_65_plus": "per 1,000 residents aged 65+",
}


DENOMINATOR_ZH = {
    RESIDENTS: "每千常住人口",
    AGED_60: "每千60岁及以上人口",
    "population_aged_65_plus": "每千65岁及以上人口",
}


def denominator_label(denominator: str) -> str:
    """'per 1,000 residents 每千常住人口' for a population measure."""
    en = DENOMINATOR_EN.get(denominator, f"per {PER:,} {denominator}")
    return f"{en} {DENOMINATOR_ZH.get(denominator, '')}".strip()


# The national count of elderly-care beds in national.csv (set against residents aged 60+).
NATIONAL_BEDS = "elderly_care_beds"


# Codebook ids whose national average the reference file holds, under its own indicator name.
NATIONAL_COUNTERPARTS = column_map("national_counterpart")


PER_CAPITA_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "indicator",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "modality",
    "raw",
    "denominator",
    "denominator_label",
    "population",
    "population_as_of",
    "per_1000",
    "per_1000_unit",
    "years_apart",
    "source_title",
    "source_url",
    "reliability",
    "population_ref",
    "population_note",
    "status",
    "measure",
    "evidence",
]


def per_thousand(
    figures: pd.DataFrame,
    population: pd.DataFrame | Populations,
    denominator: str = RESIDENTS,
    per: int = PER,
    parents: dict[str, str] | None = None,
    max_years_apart: int | None = MAX_YEARS_APART,
) -> pd.DataFrame:
    """Divide each figure by its own region's population of the nearest date (per 1,000), carrying the source; NaN
    and the reason where there is none (compare.population: registered only, parent city's only, too far, none).

    `figures` has the shape of figure_tables.figure_table (region, level, year, period, indicator, value, unit, …);
    `parents` maps a region to its parent city (population.parents_of(corpus table)), so the reason can name it.
    """
    parents, population = parents or {}, indexed(population)  # indexed once: a dict access per figure
    rows = []
    for figure in figures.itertuples(index=False):
        value = float(figure.value) if pd.notna(figure.value) else np.nan
        period = getattr(figure, "period", pd.NA)
        period_year = float(period) if pd.notna(period) else (float(figure.year) if pd.notna(figure.year) else np.nan)
        ref, status, note = denominator_for(
            population, figure.region, denominator, period_year, parents.get(figure.region, ""), max_years_apart
        )
        found = ref is not None and not np.isnan(value)
        rows.append(
            {
                "region": figure.region,
                "level": figure.level,
                "year": figure.year,
                "period": period,
                "indicator": figure.indicator,
                "label_zh": getattr(figure, "label_zh", ""),
                "label_en": getattr(figure, "label_en", ""),
                "value": value,
                "unit": figure.unit,
                "modality": figure.modality,
                "raw": getattr(figure, "raw", ""),
                "denominator": denominator,
                "denominator_label": denominator_label(denominator),
                "population": float(ref["value"]) if ref is not None else np.nan,
                "population_as_of": ref["as_of"] if ref is not None else "",
                "per_1000": value / float(ref["value"]) * per if found else np.nan,
                "per_1000_unit": f"{figure.unit} {DENOMINATOR_EN.get(denominator, denominator)}",
                "years_apart": period_year - as_of_year(ref["as_of"]) if ref is not None else np.nan,
                "source_title": ref["source_title"] if ref is not None else "",
                "source_url": ref["source_url"] if ref is not None else "",
                "reliability": ref["reliability"] if ref is not None else "",
                "population_ref": ref.get("ref", "") if ref is not None else "",
                "population_note": note,
                "status": STATUS_COMPUTED if found else (status if ref is None else "gap: the figure has no value"),
                "measure": getattr(figure, "measure", "stock or total"),
                "evidence": getattr(figure, "evidence", ""),
            }
        )
    frame = pd.DataFrame(rows, columns=PER_CAPITA_COLUMNS)
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in ("value", "population", "per_1000", "years_apart"):
        frame[column] = frame[column].astype("float64")
    return frame


def per_capita(
    figures: pd.DataFrame,
    population: pd.DataFrame,
    denominators: tuple[str, ...] = (RESIDENTS, AGED_60),
    parents: dict[str, str] | None = None,
    max_years_apart: int | None = MAX_YEARS_APART,
) -> pd.DataFrame:
    """Per-1,000 figures for several denominators, stacked (one row per figure × denominator), each with its reason
    where no population of the region's own, of the right kind and a near date exists."""
    population = indexed(population)
    frames = [per_thousand(figures, population, d, PER, parents, max_years_apart) for d in denominators]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else per_thousand(figures.iloc[:0], population)


def gaps(per_capita_frame: pd.DataFrame) -> pd.DataFrame:
    """The region × denominator pairs that have no usable reference population, with the reason (one row each)."""
    missing = per_capita_frame[per_capita_frame["status"] != STATUS_COMPUTED]
    columns = ["region", "level", "denominator", "denominator_label", "status"]
    return missing[columns].drop_duplicates(["region", "denominator"]).reset_index(drop=True)


def gap_regions(per_capita_frame: pd.DataFrame, denominator: str | None = None) -> list[str]:
    """Regions that lack the reference population (for one denominator, or for any)."""
    frame = gaps(per_capita_frame)
    if denominator:
        frame = frame[frame["denominator"] == denominator]
    return list(dict.fromkeys(frame["region"]))


def closest_national(
    national: pd.DataFrame, indicator: str, year: float | int | None, scope: str = NATIONAL_SCOPE
) -> pd.Series | None:
    """The row of an indicator and scope (全国, or a province) whose as-of year is closest to `year` (ties: the later;
    no year: the latest), or None."""
    rows = national[national["indicator"] == indicator].dropna(subset=["value"])
    if "scope" in rows:
        rows = rows[rows["scope"] == scope]
    return nearest(rows, year)


NATIONAL_COMPARISON_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "indicator",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "modality",
    "national_indicator",
    "national_value",
    "national_unit",
    "national_as_of",
    "ratio_to_national",
    "source_title",
    "source_url",
    "reliability",
    "national_ref",
    "evidence",
]


def national_comparison(
    figures: pd.DataFrame, national: pd.DataFrame, counterparts: dict[str, str] | None = None
) -> pd.DataFrame:
    """Set each figure against the national average of the nearest date, with that average's source; NaN where none."""
    counterparts = NATIONAL_COUNTERPARTS if counterparts is None else counterparts
    rows, memo = [], Memo()
    for figure in figures.itertuples(index=False):
        name = counterparts.get(figure.indicator)
        if not name:
            continue
        period = figure.period if pd.notna(figure.period) else figure.year
        when = None if pd.isna(period) else float(period)
        ref = memo.get((name, when), closest_national, national, name, period)
        same_unit = ref is not None and ref["unit"] == figure.unit
        rows.append(
            {
                "region": figure.region,
                "level": figure.level,
                "year": figure.year,
                "period": figure.period,
                "indicator": figure.indicator,
                "label_zh": figure.label_zh,
                "label_en": figure.label_en,
                "value": figure.value,
                "unit": figure.unit,
                "modality": figure.modality,
                "national_indicator": name,
                "national_value": float(ref["value"]) if ref is not None else np.nan,
                "national_unit": ref["unit"] if ref is not None else "",
                "national_as_of": ref["as_of"] if ref is not None else "",
                "ratio_to_national": float(figure.value) / float(ref["value"])
                if same_unit and pd.notna(figure.value)
                else np.nan,
                "source_title": ref["source_title"] if ref is not None else "",
                "source_url": ref["source_url"] if ref is not None else "",
                "reliability": ref["reliability"] if ref is not None else "",
                "national_ref": ref.get("ref", "") if ref is not None else "",
                "evidence": figure.evidence,
            }
        )
    frame = pd.DataFrame(rows, columns=NATIONAL_COMPARISON_COLUMNS)
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def national_rows(national: pd.DataFrame, indicators: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The national reference rows of some indicators, oldest first, with their sources."""
    rows = national[national["indicator"].isin(list(indicators))]
    return rows.sort_values(["indicator", "as_of"], kind="stable").reset_index(drop=True)


NATIONAL_RATIO_COLUMNS = [
    "as_of",
    "numerator",
    "denominator",
    "numerator_value",
    "denominator_value",
    "per_1000",
    "sources",
    "reliability",
    "refs",
]


def national_ratio(
    national: pd.DataFrame, numerator: str, denominator: str, per: int = PER, scope: str = NATIONAL_SCOPE
) -> pd.DataFrame:
    """A per-1,000 ratio (national by default) for every as-of date that holds both measures, with both sources."""
    national = national[national["scope"] == scope] if "scope" in national else national
    top = national[national["indicator"] == numerator].dropna(subset=["value"])
    bottom = national[national["indicator"] == denominator].dropna(subset=["value"])
    rows = []
    for _, a in top.sort_values("as_of", kind="stable").iterrows():
        match = bottom[bottom["as_of"] == a["as_of"]]
        if match.empty or float(match.iloc[0]["value"]) <= 0:
            continue
        b = match.iloc[0]
        sources = (
            a["source_title"] if a["source_title"] == b["source_title"] else f"{a['source_title']}; {b['source_title']}"
        )
        reliability = (
            a["reliability"] if a["reliability"] == b["reliability"] else f"{a['reliability']}; {b['reliability']}"
        )
        rows.append(
            {
                "as_of": a["as_of"],
                "numerator": numerator,
                "denominator": denominator,
                "numerator_value": float(a["value"]),
                "denominator_value": float(b["value"]),
                "per_1000": float(a["value"]) / float(b["value"]) * per,
                "sources": sources,
                "reliability": reliability,
                "refs": "; ".join(str(r.get("ref", "")) for r in (a, b) if r.get("ref", "")),
            }
        )
    return pd.DataFrame(rows, columns=NATIONAL_RATIO_COLUMNS)
