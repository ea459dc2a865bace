"""Ratios within one report (nursing-type share of beds) and per-capita figures as plain rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from minzheng.codebook import column_map
from minzheng.compare.benchmarks import DENOMINATOR_EN, DENOMINATOR_ZH
from minzheng.compare.figure_tables import ADDED, STOCK, figure_table, label_of, typed_frame
from minzheng.extract.modality import is_planned

SHARE_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "beds",
    "nursing_beds",
    "nursing_share_pct",
    "status",
    "beds_evidence",
    "nursing_evidence",
]


def nursing_share(frame: pd.DataFrame, regions: list[str] | None = None) -> pd.DataFrame:
    """Nursing-type beds as a share of all beds, where one report states both as achieved stocks of the same period."""
    rows = []
    # The codebook's `share_of` names the whole a part is a share of (nursing-type beds of all beds).
    part_id, whole_id = next(iter(column_map("share_of").items()))
    regions = regions if regions is not None else list(dict.fromkeys(frame["region"]))
    for region in regions:
        beds = frame[(frame["region"] == region) & (frame["indicator"] == whole_id)]
        nursing = frame[(frame["region"] == region) & (frame["indicator"] == part_id)]
        if beds.empty and nursing.empty:
            continue
        b, n = (beds.iloc[0] if len(beds) else None), (nursing.iloc[0] if len(nursing) else None)
        status, share = "computed", np.nan
        if b is None or n is None:
            status = "not computed: the report states " + (
                "nursing-type beds but not all beds" if b is None else "all beds but not nursing-type beds"
            )
        elif ADDED in (b["measure"], n["measure"]):
            status = "not computed: one of the figures is an amount added in the period, not a stock"
        elif is_planned(b["modality"]) or is_planned(n["modality"]):
            status = "not computed: one of the figures is a target"
        elif pd.notna(b["period"]) and pd.notna(n["period"]) and int(b["period"]) != int(n["period"]):
            status = "not computed: the two figures refer to different years"
        else:
            share = float(n["value"]) / float(b["value"]) * 100
        first = b if b is not None else n
        rows.append(
            {
                "region": region,
                "level": first["level"],
                "year": first["year"],
                "period": first["period"],
                "beds": float(b["value"]) if b is not None else np.nan,
                "nursing_beds": float(n["value"]) if n is not None else np.nan,
                "nursing_share_pct": share,
                "status": status,
                "beds_evidence": b["evidence"] if b is not None else "",
                "nursing_evidence": n["evidence"] if n is not None else "",
            }
        )
    return typed_frame(rows, SHARE_COLUMNS, ("beds", "nursing_beds", "nursing_share_pct"))


def per_capita_figures(per_capita: pd.DataFrame) -> pd.DataFrame:
    """Per-1,000 rows (reference.per_capita) as a figure table, so chart_decision and comparison can use them."""
    computed = per_capita[per_capita["per_1000"].notna()].copy()
    computed["indicator"] = computed["indicator"] + " / " + computed["denominator"]
    computed["label_zh"] = computed["label_zh"] + " " + computed["denominator"].map(lambda d: DENOMINATOR_ZH.get(d, d))
    computed["label_en"] = computed["label_en"] + " " + computed["denominator"].map(lambda d: DENOMINATOR_EN.get(d, d))
    computed["value"] = computed["per_1000"]
    computed["unit"] = computed["per_1000_unit"]
    if "measure" not in computed:
        computed["measure"] = STOCK
    return computed.reset_index(drop=True)


def per_capita_ids(per_capita: pd.DataFrame) -> list[str]:
    """The pseudo-indicator ids of per_capita_figures that have at least one computed figure, in table order."""
    computed = per_capita[per_capita["per_1000"].notna()]
    return list(dict.fromkeys(computed["indicator"] + " / " + computed["denominator"]))


RATIO_COLUMNS = [
    "region",
    "level",
    "year",
    "period",
    "numerator",
    "numerator_value",
    "denominator",
    "denominator_value",
    "ratio",
    "status",
    "numerator_evidence",
    "denominator_evidence",
]


def within_report_ratio(
    indicators: pd.DataFrame, numerator: str, denominator: str, table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """numerator ÷ denominator where one report states both as achieved figures of the same period (NaN otherwise)."""
    both = figure_table(indicators, (numerator, denominator), table)
    rows = []
    for region in dict.fromkeys(both["region"]):
        top = both[(both["region"] == region) & (both["indicator"] == numerator)]
        bottom = both[(both["region"] == region) & (both["indicator"] == denominator)]
        if top.empty:
            continue
        t = top.iloc[0]
        b = bottom.iloc[0] if len(bottom) else None
        status, ratio = "computed", np.nan
        if b is None:
            status = "not computed: the report does not state the denominator"
        elif is_planned(t["modality"]) or is_planned(b["modality"]):
            status = "not computed: one of the figures is a target"
        elif pd.notna(t["period"]) and pd.notna(b["period"]) and int(t["period"]) != int(b["period"]):
            status = "not computed: the figures refer to different years"
        elif float(b["value"]) > 0:
            ratio = float(t["value"]) / float(b["value"])
        rows.append(
            {
                "region": region,
                "level": t["level"],
                "year": t["year"],
                "period": t["period"],
                "numerator": t["label_zh"],
                "numerator_value": float(t["value"]),
                "denominator": b["label_zh"] if b is not None else label_of(denominator)[0],
                "denominator_value": float(b["value"]) if b is not None else np.nan,
                "ratio": ratio,
                "status": status,
                "numerator_evidence": t["evidence"],
                "denominator_evidence": b["evidence"] if b is not None else "",
            }
        )
    return typed_frame(rows, RATIO_COLUMNS, ("numerator_value", "denominator_value", "ratio"))
