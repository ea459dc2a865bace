"""Party-building tables: brand and 党建+X names per region, and which regions state a figure comparably."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from minzheng.codebook import column_map, text_kind_id, theme_ids_of_kind
from minzheng.compare.evidence import evidence_quotes, region_meta, region_order
from minzheng.english import join_words, level_label, year_text
from minzheng.extract.modality import is_planned

PARTY_TEXT_IDS = theme_ids_of_kind("party_building", "text")


PARTY_NUMERIC_IDS = theme_ids_of_kind("party_building", "number")


# How each codebook text_kind is named in tables.
KIND_LABELS = {
    "party_brand": "brand 品牌",
    "party_plus_model": "党建+X model",
    "service_brand": "service brand 服务品牌",
}
TEXT_KINDS = {i: KIND_LABELS[k] for i, k in column_map("text_kind").items()}


def party_names(indicators: pd.DataFrame, ids: Sequence[str] = PARTY_TEXT_IDS) -> pd.DataFrame:
    """Party-building brands and 党建+X models: region, level, year, kind, name, modality, quote and the full evidence."""
    frame = evidence_quotes(indicators, ids)
    frame.insert(3, "kind", frame["indicator"].map(TEXT_KINDS))
    frame = frame.rename(columns={"raw": "name"})
    return frame[
        [
            "region",
            "level",
            "year",
            "kind",
            "name",
            "modality",
            "quote",
            "indicator",
            "evidence",
            "document",
            "evidence_start",
            "evidence_end",
        ]
    ]


def party_names_by_region(names: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """One row per report: the brands and the 党建+X models it names ('—' when none), in text order."""
    rows = []
    metas = region_meta(table)
    by_region = dict(tuple(names.groupby("region", sort=False))) if len(names) else {}
    for region in region_order(table):
        mine = by_region.get(region, names.iloc[0:0])
        meta = metas.loc[region]
        brands = list(dict.fromkeys(mine.loc[mine["indicator"] == text_kind_id("party_brand"), "name"]))
        models = list(dict.fromkeys(mine.loc[mine["indicator"] == text_kind_id("party_plus_model"), "name"]))
        rows.append(
            {
                "region": region,
                "level": level_label(meta["level"]),
                "year": meta["year"],
                "genre": meta["genre"],
                "brands": "；".join(brands) or "—",
                "党建+X models": "；".join(models) or "—",
                "n_brands": len(brands),
                "n_models": len(models),
            }
        )
    return pd.DataFrame(rows)


def comparable_regions(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame) -> list[str]:
    """Regions whose achieved figures of an indicator have a partner at the same administrative level (≥2 per level)."""
    achieved = indicators[(indicators["indicator"] == indicator) & ~indicators["modality"].map(is_planned)]
    levels = dict(zip(table["region"], table["level"]))
    stated = [r for r in region_order(table) if r in set(achieved["region"])]
    per_level = pd.Series([levels[r] for r in stated], dtype=object).value_counts()
    return [r for r in stated if per_level.get(levels[r], 0) >= 2]


def figure_statements(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame) -> dict[str, Any]:
    """What the reports state for one numeric indicator, for a sentence: who states it, at which level, and why no chart."""
    rows = indicators[indicators["indicator"] == indicator]
    regions = [r for r in region_order(table) if r in set(rows["region"])]
    comparable = comparable_regions(indicators, indicator, table)
    levels = dict(zip(table["region"], table["level"]))
    years = dict(zip(table["region"], table["year"]))
    described = [f"{r} ({level_label(levels[r])}, {year_text(years[r])})" for r in regions]
    if comparable:
        reason = ""
    elif not regions:
        reason = "no report states it"
    elif len(regions) == 1:
        reason = "only one report states it"
    elif rows["modality"].map(is_planned).all():
        reason = "every figure stated is a target"
    else:
        reason = "no two reports of the same administrative level state it as achieved"
    return {
        "regions": regions,
        "described": join_words(described),
        "n": len(regions),
        "comparable": comparable,
        "reason": reason,
    }


def chart_rows(indicators: pd.DataFrame, indicator: str, regions: Sequence[str]) -> pd.DataFrame:
    """Rows for plotting.region_bar: the regions' figures, the region label carrying the year of the report."""
    rows = indicators[(indicators["indicator"] == indicator) & indicators["region"].isin(list(regions))].copy()
    rows["region"] = [f"{r} {year_text(y)}" for r, y in zip(rows["region"], rows["year"])]
    return rows


def party_names_facts(by_region: pd.DataFrame) -> dict[str, Any]:
    """Brands and 党建+X models in numbers: reports naming any, total names, reports naming none."""
    named = by_region[(by_region["n_brands"] + by_region["n_models"]) > 0]
    silent = list(by_region.loc[(by_region["n_brands"] + by_region["n_models"]) == 0, "region"])
    most = (
        by_region.assign(total=by_region["n_brands"] + by_region["n_models"])
        .sort_values(["total"], ascending=False, kind="mergesort")
        .iloc[0]
        if len(by_region)
        else None
    )
    return {
        "named": len(named),
        "n": len(by_region),
        "brands": int(by_region["n_brands"].sum()),
        "models": int(by_region["n_models"].sum()),
        "model_regions": join_words(list(by_region.loc[by_region["n_models"] > 0, "region"])),
        "silent": join_words(silent, empty="none") if silent else "none",
        "most_region": most["region"] if most is not None else "none",
        "most_count": int(most["total"]) if most is not None else 0,
    }
