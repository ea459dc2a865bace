"""Mechanism mentions as tables: region × mechanism status, summaries and first evidence."""

from __future__ import annotations

import pandas as pd

from minzheng.extract.mentions import NAMED, PLANNED
from minzheng.extract.modality import is_planned


def region_status(mentions: pd.DataFrame, region: str, mechanism: str) -> str:
    """'named' when a report names a mechanism as in place, 'planned' when only as a plan, else ''."""
    rows = mentions[(mentions["region"] == region) & (mentions["mechanism"] == mechanism)]
    if rows.empty:
        return ""
    return PLANNED if rows["modality"].map(is_planned).all() else NAMED


def matrix(mentions: pd.DataFrame, regions: list[str], frame: pd.DataFrame) -> pd.DataFrame:
    """Mechanisms (rows, catalogue order) × regions: 'named', 'planned' or '' (not found in the report)."""
    data = []
    for row in frame.itertuples(index=False):
        line = {"mechanism": f"{row.label_zh} · {row.label_en}"}
        line.update({region: region_status(mentions, region, row.id) for region in regions})
        data.append(line)
    return pd.DataFrame(data, columns=["mechanism", *regions])


SUMMARY_COLUMNS = [
    "mechanism",
    "label_zh",
    "label_en",
    "category",
    "regions_named",
    "regions_planned",
    "named_by",
    "planned_by",
    "sentences",
]


def summary(mentions: pd.DataFrame, regions: list[str], frame: pd.DataFrame) -> pd.DataFrame:
    """Per mechanism: how many and which reports name it (in place) or only plan it, and in how many sentences."""
    data = []
    for row in frame.itertuples(index=False):
        statuses = {region: region_status(mentions, region, row.id) for region in regions}
        named = [r for r, s in statuses.items() if s == NAMED]
        planned = [r for r, s in statuses.items() if s == PLANNED]
        sentences = (
            int(((mentions["mechanism"] == row.id) & mentions["region"].isin(regions)).sum()) if len(mentions) else 0
        )
        data.append(
            {
                "mechanism": row.id,
                "label_zh": row.label_zh,
                "label_en": row.label_en,
                "category": row.category,
                "regions_named": len(named),
                "regions_planned": len(planned),
                "named_by": ", ".join(named),
                "planned_by": ", ".join(planned),
                "sentences": sentences,
            }
        )
    out = pd.DataFrame(data, columns=SUMMARY_COLUMNS)
    return out.sort_values(["regions_named", "regions_planned"], ascending=False, kind="stable").reset_index(drop=True)


def evidence(mentions: pd.DataFrame) -> pd.DataFrame:
    """The evidence table: region, mechanism (label), the words matched, achieved or planned, the sentence."""
    out = mentions.copy()
    out["mechanism"] = out["label_zh"] + " · " + out["label_en"]
    return out[["region", "level", "year", "mechanism", "matched", "modality", "status", "evidence"]].reset_index(
        drop=True
    )


def first_evidence(mentions: pd.DataFrame) -> pd.DataFrame:
    """One evidence sentence per region × mechanism (the first achieved one, else the first planned one)."""
    if mentions.empty:
        return evidence(mentions)
    ranked = mentions.assign(_planned=mentions["modality"].map(is_planned))
    ranked = ranked.sort_values(["mechanism", "region", "_planned", "start"], kind="stable")
    first = ranked.drop_duplicates(["mechanism", "region"]).drop(columns="_planned")
    first = first.loc[mentions.index.intersection(first.index)]
    return evidence(first)
