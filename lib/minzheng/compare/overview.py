"""The reports side by side: overview table, comparability facts, coverage and figures per report."""

from __future__ import annotations

from typing import Any

import pandas as pd

from minzheng.english import join_words, level_label, region_tick, shorten
from minzheng.extract.modality import is_planned

OVERVIEW_COLUMNS = {
    "region": "region",
    "level": "level",
    "province": "province",
    "year": "year",
    "genre": "genre",
    "chars_clean": "length (chars)",
    "script": "script",
    "cleaning": "cleaning",
}


LEVEL_ORDER = ("county", "prefecture-level city")


def reports_overview(table: pd.DataFrame) -> pd.DataFrame:
    """Return the reports side by side: region, level, province, year, genre, length, script, cleaning."""
    frame = table.copy()
    frame["cleaning"] = [cleaning_summary(row) for _, row in frame.iterrows()]
    frame["level"] = frame["level"].map(level_label)
    return frame[list(OVERVIEW_COLUMNS)].rename(columns=OVERVIEW_COLUMNS).reset_index(drop=True)


def comparability_facts(table: pd.DataFrame, indicators: pd.DataFrame | None = None) -> dict[str, Any]:
    """Count what limits comparison: levels, years, provinces, scripts, and achieved vs planned figures."""
    levels = table["level"].value_counts()
    years = pd.to_numeric(table["year"], errors="coerce").dropna().astype(int)
    facts: dict[str, Any] = {
        "reports": len(table),
        "counties": int(levels.get("county", 0)),
        "cities": int(levels.get("prefecture-level city", 0)),
        "year_min": int(years.min()) if len(years) else None,
        "year_max": int(years.max()) if len(years) else None,
        "years": len(set(years)),
        "provinces": int(table["province"].replace("", pd.NA).dropna().nunique()),
        "province_names": join_words(sorted(table["province"].replace("", pd.NA).dropna().unique().tolist())),
        "converted": int(table["converted"].astype(bool).sum()) if "converted" in table else 0,
        "genres": int(table["genre"].replace("", pd.NA).dropna().nunique()),
        "genre_names": ", ".join(dict.fromkeys(g for g in table["genre"] if g)),
    }
    if indicators is not None:
        planned = indicators["modality"].map(is_planned) if len(indicators) else pd.Series(dtype=bool)
        facts.update(
            figures=len(indicators),
            planned=int(planned.sum()),
            achieved=int((~planned).sum()) if len(indicators) else 0,
        )
    return facts


def coverage_matrix(indicators: pd.DataFrame, codebook: pd.DataFrame, regions: list[str]) -> pd.DataFrame:
    """Count the figures each region's report states per codebook indicator (rows: codebook ids, columns: regions)."""
    counts = indicators.groupby(["indicator", "region"]).size() if len(indicators) else pd.Series(dtype=int)
    matrix = counts.unstack(fill_value=0) if len(counts) else pd.DataFrame()
    matrix = matrix.reindex(index=list(codebook["id"]), columns=list(regions), fill_value=0).fillna(0).astype(int)
    matrix.index.name, matrix.columns.name = "indicator", "region"
    return matrix


def indicator_labels(codebook: pd.DataFrame) -> dict[str, str]:
    """Return display labels 'label_zh · label_en' for codebook ids."""
    return {row.id: f"{row.label_zh} · {shorten(row.label_en)}" for row in codebook.itertuples()}


def labelled_coverage(matrix: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Return the coverage matrix with bilingual indicator labels and 'region (level)' column labels."""
    levels = dict(zip(table["region"], table["level"]))
    labelled = matrix.rename(index=indicator_labels(codebook))
    labelled.columns = [region_tick(region, levels.get(region, "")) for region in matrix.columns]
    return labelled


def coverage_facts(matrix: pd.DataFrame, codebook: pd.DataFrame) -> dict[str, Any]:
    """Summarise coverage: indicators stated by any, by two or more and by every report, and the best covered."""
    stated_by = (matrix > 0).sum(axis=1)
    regions = matrix.shape[1]
    best = stated_by.idxmax() if len(stated_by) and stated_by.max() > 0 else None
    row = codebook.set_index("id").loc[best] if best is not None else None
    per_region = (matrix > 0).sum(axis=0)
    return {
        "indicators": len(matrix),
        "regions": regions,
        "stated_any": int((stated_by >= 1).sum()),
        "stated_two": int((stated_by >= 2).sum()),
        "stated_all": int((stated_by == regions).sum()) if regions else 0,
        "best_id": best or "",
        "best_zh": row["label_zh"] if row is not None else "",
        "best_en": row["label_en"] if row is not None else "",
        "best_regions": int(stated_by.max()) if len(stated_by) else 0,
        "most_region": str(per_region.idxmax()) if len(per_region) else "",
        "most_count": int(per_region.max()) if len(per_region) else 0,
        "least_region": str(per_region.idxmin()) if len(per_region) else "",
        "least_count": int(per_region.min()) if len(per_region) else 0,
    }


def same_level_shared(matrix: pd.DataFrame, table: pd.DataFrame) -> dict[str, int]:
    """Count, per administrative level, the indicators stated by two or more reports of that level."""
    levels = dict(zip(table["region"], table["level"]))
    shared = {}
    for level in LEVEL_ORDER:
        columns = [region for region in matrix.columns if levels.get(region) == level]
        shared[level] = int(((matrix[columns] > 0).sum(axis=1) >= 2).sum()) if len(columns) >= 2 else 0
    return shared


def like_for_like(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> dict[str, int]:
    """Count numeric indicators with achieved figures in two or more reports: overall, same level, same level and year."""
    numeric = set(codebook.loc[codebook["kind"] == "number", "id"])
    achieved = (
        indicators[indicators["indicator"].isin(numeric) & ~indicators["modality"].map(is_planned)]
        if len(indicators)
        else indicators
    )
    meta = table.set_index("region")[["level", "year"]]
    stated = achieved[["indicator", "region"]].drop_duplicates().join(meta, on="region")
    by_level = stated.groupby(["indicator", "level"])["region"].nunique()
    by_level_year = stated.groupby(["indicator", "level", "year"])["region"].nunique()
    overall = stated.groupby("indicator")["region"].nunique()
    return {
        "numeric": len(numeric),
        "achieved_two": int((overall >= 2).sum()),
        "same_level_two": int(by_level[by_level >= 2].index.get_level_values("indicator").nunique()),
        "same_level_year_two": int(by_level_year[by_level_year >= 2].index.get_level_values("indicator").nunique()),
    }


def figures_per_report(indicators: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Count extracted figures per report, split into achieved and planned, as rows for plotting.region_bar."""
    kinds = (
        indicators["modality"].map(lambda m: "target" if is_planned(m) else "achieved")
        if len(indicators)
        else pd.Series(dtype=str)
    )
    counts = (
        indicators.assign(kind=kinds).groupby(["region", "kind"]).size() if len(indicators) else pd.Series(dtype=int)
    )
    rows = [
        {"region": row.region, "level": row.level, "modality": kind, "value": int(counts.get((row.region, kind), 0))}
        for row in table.itertuples()
        for kind in ("achieved", "target")
    ]
    return pd.DataFrame(rows, columns=["region", "level", "modality", "value"])


def cleaning_summary(row: pd.Series) -> str:
    """Describe one report's cleaning in words: conversion, removals, problems."""
    parts = []
    if bool(row.get("converted", False)):
        parts.append("traditional→simplified")
    removals = str(row.get("removals", "") or "")
    total = sum(int(item.rpartition(":")[2]) for item in removals.split() if item.rpartition(":")[2].isdigit())
    parts.append(f"{total} removals ({removals})" if total else "no removals")
    if str(row.get("problems", "") or ""):
        parts.append("problems noted")
    return "; ".join(parts)


def reports_by_province(table: pd.DataFrame) -> pd.DataFrame:
    """The reports counted by province: how many, of which level, the years they refer to and their genres (for many
    reports, before the table of every report)."""
    rows = []
    for province, group in table.assign(province=table["province"].replace("", "province not stated")).groupby(
        "province", sort=True
    ):
        years = pd.to_numeric(group["year"], errors="coerce").dropna().astype(int)
        levels = group["level"].map(level_label).value_counts()
        rows.append(
            {
                "province": province,
                "reports": len(group),
                "levels": "; ".join(f"{level} {n}" for level, n in levels.items()),
                "years": f"{years.min()}–{years.max()}" if len(years) and years.min() != years.max() else
                (str(years.min()) if len(years) else "not stated"),
                "genres": group["genre"].replace("", pd.NA).dropna().nunique(),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=["province", "reports", "levels", "years", "genres"])
