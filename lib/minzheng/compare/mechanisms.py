"""Mechanism mentions as tables: region × mechanism status, summaries and first evidence."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.views import side_by_side
from minzheng.extract.mentions import NAMED, PLANNED
from minzheng.extract.modality import is_planned


def region_status(mentions: pd.DataFrame, region: str, mechanism: str) -> str:
    """'named' when a report names a mechanism as in place, 'planned' when only as a plan, else ''."""
    rows = mentions[(mentions["region"] == region) & (mentions["mechanism"] == mechanism)]
    if rows.empty:
        return ""
    return PLANNED if rows["modality"].map(is_planned).all() else NAMED


def statuses(mentions: pd.DataFrame, regions: list[str]) -> dict[tuple[str, str], str]:
    """(mechanism, region) → 'named' or 'planned' for every pair the mentions hold (region_status of them all at once)."""
    rows = mentions[mentions["region"].isin(regions)] if len(mentions) else mentions
    if rows.empty:
        return {}
    planned = rows.assign(_p=rows["modality"].map(is_planned)).groupby(["mechanism", "region"], sort=False)["_p"].all()
    return {key: PLANNED if only_planned else NAMED for key, only_planned in planned.items()}


MANY_COLUMNS = ["mechanism", "named", "planned", "not found", "share named"]


def matrix(mentions: pd.DataFrame, regions: list[str], frame: pd.DataFrame) -> pd.DataFrame:
    """Mechanisms (rows, catalogue order) × regions: 'named', 'planned' or '' (not found in the report); with more
    regions than views.SIDE_BY_SIDE_MAX, how many regions name, only plan or do not mention each mechanism."""
    found = statuses(mentions, regions)
    data = []
    for row in frame.itertuples(index=False):
        line = {"mechanism": f"{row.label_zh} · {row.label_en}"}
        status = {region: found.get((row.id, region), "") for region in regions}
        if side_by_side(len(regions)):
            line.update(status)
        else:
            named, planned = sum(s == NAMED for s in status.values()), sum(s == PLANNED for s in status.values())
            share = f"{named / len(regions):.0%}" if regions else ""
            line |= {"named": named, "planned": planned, "not found": len(regions) - named - planned}
            line["share named"] = share
        data.append(line)
    return pd.DataFrame(data, columns=["mechanism", *regions] if side_by_side(len(regions)) else MANY_COLUMNS)


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
    found = statuses(mentions, regions)
    counts = mentions.loc[mentions["region"].isin(regions), "mechanism"].value_counts() if len(mentions) else {}
    data = []
    for row in frame.itertuples(index=False):
        named = [r for r in regions if found.get((row.id, r)) == NAMED]
        planned = [r for r in regions if found.get((row.id, r)) == PLANNED]
        sentences = int(counts.get(row.id, 0))
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
