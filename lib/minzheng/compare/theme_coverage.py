"""Coverage per theme: which figures each region states and leaves out, as tables.

Everything here is computed from `corpus.table()`, `corpus.indicators()`, the codebook and the text measures, so
sentences built from it stay true when reports are added or regions are filtered. Report text only ever reaches
Markdown through `plotting.md_text`, which escapes it."""

from __future__ import annotations

from typing import Any

import pandas as pd

from minzheng.codebook import THEMES
from minzheng.compare.evidence import region_meta, region_order
from minzheng.compare.views import side_by_side
from minzheng.english import join_words, level_label, theme_title
from minzheng.extract.modality import is_planned


def coverage_by_theme(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per report and theme: the codebook indicators it states (achieved, or only as targets) and those it leaves out.

    A left-out indicator means *not stated in this report*, never zero.
    """
    labels = dict(zip(codebook["id"], codebook["label_zh"]))
    metas = region_meta(table)
    by_region = dict(tuple(indicators.groupby("region", sort=False))) if len(indicators) else {}
    rows = []
    for region in region_order(table):
        meta = metas.loc[region]
        mine = by_region.get(region, indicators.iloc[0:0])
        planned = mine["modality"].map(is_planned) if len(mine) else pd.Series(dtype=bool)
        achieved_ids = set(mine.loc[~planned, "indicator"]) if len(mine) else set()
        stated_ids = set(mine["indicator"])
        for theme in THEMES:
            ids = list(codebook.loc[codebook["theme"] == theme, "id"])
            stated = [i for i in ids if i in stated_ids]
            target_only = [i for i in stated if i not in achieved_ids]
            left_out = [i for i in ids if i not in stated_ids]
            rows.append(
                {
                    "region": region,
                    "level": meta["level"],
                    "year": meta["year"],
                    "genre": meta["genre"],
                    "theme": theme,
                    "theme_label": theme_title(theme),
                    "indicators": len(ids),
                    "stated": len(stated),
                    "achieved": len(stated) - len(target_only),
                    "target_only": len(target_only),
                    "figures": int(mine["indicator"].isin(ids).sum()),
                    "share_stated": round(len(stated) / len(ids), 3) if ids else 0.0,
                    "reports": "、".join(labels[i] + ("（target）" if i in target_only else "") for i in stated) or "—",
                    "leaves_out": "、".join(labels[i] for i in left_out) or "—",
                    "stated_ids": " ".join(stated),
                    "target_only_ids": " ".join(target_only),
                    "left_out_ids": " ".join(left_out),
                }
            )
    return pd.DataFrame(rows)


def coverage_summary(coverage: pd.DataFrame) -> pd.DataFrame:
    """One row per report, one column per theme: 'stated of indicators' (targets-only counted in brackets); with more
    reports than views.SIDE_BY_SIDE_MAX, one row per administrative level: the median stated and the reports stating
    none of a theme (coverage_by_theme_table keeps every report)."""
    if not side_by_side(coverage["region"].nunique()):
        return coverage_by_level(coverage)
    out = []
    for region, group in coverage.groupby("region", sort=False):
        row = {"region": region, "level": level_label(group["level"].iloc[0]), "year": group["year"].iloc[0]}
        for r in group.itertuples():
            cell = f"{r.stated} of {r.indicators}"
            row[r.theme_label] = cell + (f" ({r.target_only} target only)" if r.target_only else "")
        out.append(row)
    return pd.DataFrame(out)


def coverage_by_theme_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """The coverage for reading theme by theme: theme, region, level, year, what the report states and what it leaves out."""
    order = {theme: i for i, theme in enumerate(THEMES)}
    frame = coverage.assign(order=coverage["theme"].map(order)).sort_values("order", kind="mergesort")
    frame = frame.assign(level=frame["level"].map(level_label))
    return (
        frame[["theme_label", "region", "level", "year", "reports", "leaves_out"]]
        .rename(columns={"theme_label": "theme", "reports": "states", "leaves_out": "leaves out"})
        .reset_index(drop=True)
    )


def theme_matrix(coverage: pd.DataFrame) -> pd.DataFrame:
    """Themes (rows, 'title (n indicators)') × regions (columns): the number of codebook indicators each report states."""
    frame = coverage.copy()
    frame["row"] = [f"{t} ({n})" for t, n in zip(frame["theme_label"], frame["indicators"])]
    matrix = frame.pivot_table(index="row", columns="region", values="stated", sort=False, aggfunc="first")
    matrix = matrix.reindex(index=list(dict.fromkeys(frame["row"])), columns=list(dict.fromkeys(frame["region"])))
    matrix.index.name, matrix.columns.name = "theme", "region"
    return matrix.fillna(0).astype(int)


def theme_facts(coverage: pd.DataFrame) -> dict[str, Any]:
    """Coverage in numbers: themes every report touches, themes some report leaves blank, and who leaves what blank."""
    regions = list(dict.fromkeys(coverage["region"]))
    touched = coverage.groupby("theme", sort=False)["stated"].apply(lambda s: int((s > 0).sum()))
    blank = coverage[coverage["stated"] == 0]
    blanks = [f"{r.region} states nothing on {THEMES[r.theme][1].lower()}" for r in blank.itertuples()]
    achieved_blank = coverage[(coverage["stated"] > 0) & (coverage["achieved"] == 0)]
    return {
        "regions": len(regions),
        "themes": len(touched),
        "themes_all": int((touched == len(regions)).sum()),
        "themes_all_names": join_words([THEMES[t][1].lower() for t in touched.index if touched[t] == len(regions)]),
        "blanks": join_words(blanks, empty="every report states something on every theme"),
        "target_only_themes": join_words(
            [f"{r.region} on {THEMES[r.theme][1].lower()}" for r in achieved_blank.itertuples()], empty="none"
        ),
    }


def coverage_by_level(coverage: pd.DataFrame) -> pd.DataFrame:
    """Per administrative level and theme: how many reports, the median number of the theme's indicators they state,
    and how many state none of them."""
    out = []
    for level, group in coverage.groupby("level", sort=False):
        row = {"level": level_label(level), "reports": group["region"].nunique()}
        for label, rows in group.groupby("theme_label", sort=False):
            median = rows["stated"].median()
            row[label] = f"median {median:g} of {rows['indicators'].iloc[0]}; none: {int((rows['stated'] == 0).sum())}"
        out.append(row)
    return pd.DataFrame(out)
