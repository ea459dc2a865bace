"""Reference data: populations and national averages, each value with its source, date and reliability.

Per-capita figures divide a report's figure by a reference population and carry that population's source title,
as-of date and reliability. A region without a reference row gets NaN and is listed as a gap: nothing is ever filled
in, estimated or borrowed from another region.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from minzheng import paths

POPULATION_FILE = "population.csv"
NATIONAL_FILE = "national.csv"
SOURCE_COLUMNS = ["as_of", "source_title", "source_url", "reliability"]
POPULATION_COLUMNS = ["region", "indicator", "value", "unit", *SOURCE_COLUMNS]
NATIONAL_COLUMNS = ["scope", "indicator", "value", "unit", *SOURCE_COLUMNS]
RESIDENTS = "resident_population"
AGED_60 = "population_aged_60_plus"
PER = 1000
DENOMINATOR_EN = {
    RESIDENTS: "per 1,000 residents",
    AGED_60: "per 1,000 residents aged 60+",
    "population_aged_65_plus": "per 1,000 residents aged 65+",
}
DENOMINATOR_ZH = {RESIDENTS: "每千常住人口", AGED_60: "每千60岁及以上人口", "population_aged_65_plus": "每千65岁及以上人口"}


def denominator_label(denominator: str) -> str:
    """'per 1,000 residents 每千常住人口' for a population measure."""
    en = DENOMINATOR_EN.get(denominator, f"per {PER:,} {denominator}")
    return f"{en} {DENOMINATOR_ZH.get(denominator, '')}".strip()
# Codebook ids whose national average the reference file holds, under its own indicator name.
NATIONAL_COUNTERPARTS = {
    "sa.dibao_standard_urban": "dibao_standard_urban_average",
    "sa.dibao_standard_rural": "dibao_standard_rural_average",
}
STATUS_COMPUTED = "computed"
STATUS_GAP = "gap: no reference row for this region"
PER_CAPITA_COLUMNS = [
    "region", "level", "year", "period", "indicator", "label_zh", "label_en", "value", "unit", "modality", "raw",
    "denominator", "denominator_label", "population", "population_as_of", "per_1000", "per_1000_unit",
    "years_apart", "source_title", "source_url", "reliability", "status", "measure", "evidence",
]


def reference_dir(corpus_dir: str | Path | None = None) -> Path:
    """Return the reference folder: `corpus_dir/reference` when the corpus brings one, else the project's."""
    if corpus_dir:
        own = Path(corpus_dir) / "reference"
        if (own / POPULATION_FILE).is_file() or (own / NATIONAL_FILE).is_file():
            return own
    return paths.REFERENCE_DIR


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read a reference CSV as text columns plus a numeric `value`; a missing file gives an empty table."""
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in columns})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    frame = frame[columns].copy()
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    return frame


def load_population(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the population reference: region, indicator, value, unit, as_of, source_title, source_url, reliability."""
    return _read(Path(folder or paths.REFERENCE_DIR) / POPULATION_FILE, POPULATION_COLUMNS)


def load_national(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the national reference: scope, indicator, value, unit, as_of, source_title, source_url, reliability."""
    return _read(Path(folder or paths.REFERENCE_DIR) / NATIONAL_FILE, NATIONAL_COLUMNS)


def _as_of_year(as_of: object) -> float:
    """The year of an as-of date (YYYY-MM-DD), or NaN."""
    text = str(as_of or "")
    return float(text[:4]) if text[:4].isdigit() else np.nan


def population_row(population: pd.DataFrame, region: str, denominator: str) -> pd.Series | None:
    """The latest reference row of a region's population measure, or None when the reference has none."""
    rows = population[(population["region"] == region) & (population["indicator"] == denominator)]
    rows = rows.dropna(subset=["value"])
    rows = rows[rows["value"] > 0]
    if rows.empty:
        return None
    return rows.sort_values("as_of", kind="stable").iloc[-1]


def per_thousand(figures: pd.DataFrame, population: pd.DataFrame, denominator: str = RESIDENTS, per: int = PER) -> pd.DataFrame:
    """Divide each figure by the region's reference population (per 1,000), carrying the source; NaN where none.

    `figures` has the shape of standards.figure_table (region, level, year, period, indicator, value, unit, …).
    """
    rows = []
    for figure in figures.itertuples(index=False):
        ref = population_row(population, figure.region, denominator)
        value = float(figure.value) if pd.notna(figure.value) else np.nan
        found = ref is not None and not np.isnan(value)
        period = getattr(figure, "period", pd.NA)
        period_year = float(period) if pd.notna(period) else (float(figure.year) if pd.notna(figure.year) else np.nan)
        rows.append({
            "region": figure.region, "level": figure.level, "year": figure.year, "period": period,
            "indicator": figure.indicator, "label_zh": getattr(figure, "label_zh", ""), "label_en": getattr(figure, "label_en", ""),
            "value": value, "unit": figure.unit, "modality": figure.modality, "raw": getattr(figure, "raw", ""),
            "denominator": denominator, "denominator_label": denominator_label(denominator),
            "population": float(ref["value"]) if ref is not None else np.nan,
            "population_as_of": ref["as_of"] if ref is not None else "",
            "per_1000": value / float(ref["value"]) * per if found else np.nan,
            "per_1000_unit": f"{figure.unit} {DENOMINATOR_EN.get(denominator, denominator)}",
            "years_apart": period_year - _as_of_year(ref["as_of"]) if ref is not None else np.nan,
            "source_title": ref["source_title"] if ref is not None else "",
            "source_url": ref["source_url"] if ref is not None else "",
            "reliability": ref["reliability"] if ref is not None else "",
            "status": STATUS_COMPUTED if found else STATUS_GAP,
            "measure": getattr(figure, "measure", "stock or total"),
            "evidence": getattr(figure, "evidence", ""),
        })
    frame = pd.DataFrame(rows, columns=PER_CAPITA_COLUMNS)
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in ("value", "population", "per_1000", "years_apart"):
        frame[column] = frame[column].astype("float64")
    return frame


def per_capita(figures: pd.DataFrame, population: pd.DataFrame, denominators: tuple[str, ...] = (RESIDENTS, AGED_60)) -> pd.DataFrame:
    """Per-1,000 figures for several denominators, stacked (one row per figure × denominator)."""
    frames = [per_thousand(figures, population, d) for d in denominators]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else per_thousand(figures.iloc[:0], population)


def gaps(per_capita_frame: pd.DataFrame) -> pd.DataFrame:
    """The region × denominator pairs that have no reference population (one row each)."""
    missing = per_capita_frame[per_capita_frame["status"] != STATUS_COMPUTED]
    return missing[["region", "level", "denominator", "denominator_label"]].drop_duplicates().reset_index(drop=True)


def gap_regions(per_capita_frame: pd.DataFrame, denominator: str | None = None) -> list[str]:
    """Regions that lack the reference population (for one denominator, or for any)."""
    frame = gaps(per_capita_frame)
    if denominator:
        frame = frame[frame["denominator"] == denominator]
    return list(dict.fromkeys(frame["region"]))


def closest_national(national: pd.DataFrame, indicator: str, year: float | int | None) -> pd.Series | None:
    """The national row of an indicator whose as-of year is closest to `year` (ties: the later), or None."""
    rows = national[national["indicator"] == indicator].dropna(subset=["value"])
    if rows.empty:
        return None
    years = rows["as_of"].map(_as_of_year)
    if year is None or pd.isna(year):
        return rows.sort_values("as_of", kind="stable").iloc[-1]
    distance = (years - float(year)).abs()
    order = pd.DataFrame({"distance": distance, "as_of": rows["as_of"]}).sort_values(["distance", "as_of"], ascending=[True, False], kind="stable")
    return rows.loc[order.index[0]]


NATIONAL_COMPARISON_COLUMNS = [
    "region", "level", "year", "period", "indicator", "label_zh", "label_en", "value", "unit", "modality",
    "national_indicator", "national_value", "national_unit", "national_as_of", "ratio_to_national",
    "source_title", "source_url", "reliability", "evidence",
]


def national_comparison(figures: pd.DataFrame, national: pd.DataFrame, counterparts: dict[str, str] | None = None) -> pd.DataFrame:
    """Set each figure against the national average of the nearest date, with that average's source; NaN where none."""
    counterparts = NATIONAL_COUNTERPARTS if counterparts is None else counterparts
    rows = []
    for figure in figures.itertuples(index=False):
        name = counterparts.get(figure.indicator)
        if not name:
            continue
        period = figure.period if pd.notna(figure.period) else figure.year
        ref = closest_national(national, name, period)
        same_unit = ref is not None and ref["unit"] == figure.unit
        rows.append({
            "region": figure.region, "level": figure.level, "year": figure.year, "period": figure.period,
            "indicator": figure.indicator, "label_zh": figure.label_zh, "label_en": figure.label_en,
            "value": figure.value, "unit": figure.unit, "modality": figure.modality, "national_indicator": name,
            "national_value": float(ref["value"]) if ref is not None else np.nan,
            "national_unit": ref["unit"] if ref is not None else "",
            "national_as_of": ref["as_of"] if ref is not None else "",
            "ratio_to_national": float(figure.value) / float(ref["value"]) if same_unit and pd.notna(figure.value) else np.nan,
            "source_title": ref["source_title"] if ref is not None else "",
            "source_url": ref["source_url"] if ref is not None else "",
            "reliability": ref["reliability"] if ref is not None else "",
            "evidence": figure.evidence,
        })
    frame = pd.DataFrame(rows, columns=NATIONAL_COMPARISON_COLUMNS)
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def national_rows(national: pd.DataFrame, indicators: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The national reference rows of some indicators, oldest first, with their sources."""
    rows = national[national["indicator"].isin(list(indicators))]
    return rows.sort_values(["indicator", "as_of"], kind="stable").reset_index(drop=True)


NATIONAL_RATIO_COLUMNS = ["as_of", "numerator", "denominator", "numerator_value", "denominator_value", "per_1000", "sources", "reliability"]


def national_ratio(national: pd.DataFrame, numerator: str, denominator: str, per: int = PER) -> pd.DataFrame:
    """A national per-1,000 ratio for every as-of date that holds both measures, with both sources."""
    top = national[national["indicator"] == numerator].dropna(subset=["value"])
    bottom = national[national["indicator"] == denominator].dropna(subset=["value"])
    rows = []
    for _, a in top.sort_values("as_of", kind="stable").iterrows():
        match = bottom[bottom["as_of"] == a["as_of"]]
        if match.empty or float(match.iloc[0]["value"]) <= 0:
            continue
        b = match.iloc[0]
        sources = a["source_title"] if a["source_title"] == b["source_title"] else f"{a['source_title']}; {b['source_title']}"
        reliability = a["reliability"] if a["reliability"] == b["reliability"] else f"{a['reliability']}; {b['reliability']}"
        rows.append({
            "as_of": a["as_of"], "numerator": numerator, "denominator": denominator,
            "numerator_value": float(a["value"]), "denominator_value": float(b["value"]),
            "per_1000": float(a["value"]) / float(b["value"]) * per, "sources": sources, "reliability": reliability,
        })
    return pd.DataFrame(rows, columns=NATIONAL_RATIO_COLUMNS)


# --- sentences -----------------------------------------------------------------------------------


def _level(level: str) -> str:
    from minzheng.plotting import level_label

    return level_label(level)


def national_sentence(versus: pd.DataFrame, regions: list[str], figures: pd.DataFrame | None = None) -> str:
    """Markdown: every stated standard against the national average of the nearest date, with date, source, reliability.

    `figures` (the standards table) lets the sentence say when reports state standards the reference file has no
    national average for.
    """
    from minzheng.plotting import format_number, md_text

    if versus.empty and figures is not None and len(figures):
        return md_text(
            "The national reference file holds no average for the standards stated here ({labels}), so the figures of {who} "
            "are not set against a national benchmark.",
            labels=", ".join(dict.fromkeys(figures["label_en"])), who=", ".join(dict.fromkeys(figures["region"])))
    if versus.empty:
        return md_text(
            "None of the {n} selected reports states a standard that the national reference file covers, so nothing is set "
            "against the national averages.", n=len(regions))
    who = list(dict.fromkeys(versus["region"]))
    if len(who) == 1:
        text = md_text("Only {region} states these standards, so the comparison below is with the national average, "
                       "not between regions. ", region=who[0])
    else:
        text = md_text("{k} regions state these standards: {who}. ", k=len(who), who=", ".join(who))
    parts = []
    for r in versus.itertuples():
        if pd.isna(r.national_value):
            parts.append(md_text("{region}'s {label} ({value} {unit}) has no national average in the reference file",
                                 region=r.region, label=r.label_en, value=r.value, unit=r.unit))
            continue
        period = str(int(r.period)) if pd.notna(r.period) else "period not stated"
        ratio = f"{r.ratio_to_national:.2f}" if pd.notna(r.ratio_to_national) else "not comparable (different unit)"
        parts.append(md_text(
            "{region} ({level}, {period}) states the {label} as **{value} {unit}**, {ratio} times the national average of "
            "{national} {nunit} as of {as_of} (source: {source}; reliability: {reliability})",
            region=r.region, level=_level(r.level), period=period, label=r.label_en, value=format_number(r.value), unit=r.unit,
            ratio=ratio, national=format_number(r.national_value), nunit=r.national_unit, as_of=r.national_as_of,
            source=r.source_title, reliability=r.reliability,
        ))
    text += "; ".join(parts) + ". "
    text += ("A national average mixes every province, city and county, and its date is not the report's year, so the ratio "
             "places a figure, it does not rank a region.")
    return text


def gap_sentence(per_capita_frame: pd.DataFrame, regions: list[str]) -> str:
    """Markdown: which regions lack which reference population (their per-capita figures stay empty)."""
    from minzheng.plotting import md_text

    missing = gaps(per_capita_frame)
    if per_capita_frame.empty:
        return "No figure in this section can be set against a population."
    if missing.empty:
        return "Every region with a figure here has the reference populations needed."
    parts = []
    for region, rows in missing.groupby("region", sort=False):
        parts.append(f"{region} ({', '.join(DENOMINATOR_EN.get(d, d).removeprefix('per 1,000 ') for d in rows['denominator'])})")
    return md_text(
        "**Gaps, not filled:** the reference file has no population for {parts}, so their per-1,000 figures are left "
        "empty (NaN) — nothing is estimated or borrowed from another region.", parts="; ".join(parts))


def national_ratio_sentence(ratio: pd.DataFrame, per_capita_frame: pd.DataFrame, indicator: str, denominator: str, label: str = "elderly-care beds") -> str:
    """Markdown: the national per-1,000 ratio by date with sources, and which regions can be set against it."""
    from minzheng.plotting import format_number, md_text

    if ratio.empty:
        return "The national reference file does not hold both measures for the same date, so no national ratio is computed."
    parts = [md_text("{value} as of {as_of} ({sources}; reliability: {reliability})", value=format_number(round(r.per_1000, 1)),
                     as_of=r.as_of, sources=r.sources, reliability=r.reliability) for r in ratio.itertuples()]
    text = md_text("Nationally, {label} {per} were ", label=label, per=DENOMINATOR_EN.get(denominator, denominator)) + "; ".join(parts) + ". "
    rows = per_capita_frame[(per_capita_frame["indicator"] == indicator) & (per_capita_frame["denominator"] == denominator)]
    done = rows[rows["status"] == STATUS_COMPUTED]
    if done.empty:
        stated = list(dict.fromkeys(rows["region"]))
        text += md_text(
            "No region in this selection has both a figure for {label} and the reference population ({stated}), so no region can be "
            "set against the national figure.", label=label,
            stated=(", ".join(stated) + (" states" if len(stated) == 1 else " state") + " the figure but lack" + ("s" if len(stated) == 1 else "")
                    + " the population") if stated else "no report states the figure")
    else:
        text += md_text("Regions that can be set against it: {items}.", items="; ".join(
            f"{r.region} {format_number(round(r.per_1000, 1))} ({int(r.period) if pd.notna(r.period) else 'period not stated'}, "
            f"population as of {r.population_as_of})" for r in done.itertuples()))
    return text
