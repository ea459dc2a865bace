"""Charts of text measures: vocabulary-share bars and the similarity heatmap."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from minzheng.compare.views import side_by_side, view_for
from minzheng.present.distributions import similarity_spread, theme_boxes
from minzheng.words.vocabulary import list_label


def _tick(region: str, level: str, year: object) -> str:
    from minzheng.english import level_tick

    return (
        f"{region} {year}\n{level_tick(level)}"
        if year is not None and str(year) not in ("", "nan", "None")
        else f"{region}\n{level_tick(level)}"
    )


def list_bars(
    shares: pd.DataFrame,
    *,
    value: str = "per_10k_chars",
    title: str = "",
    unit: str = "tokens per 10,000 characters",
    ax: Any = None,
) -> Any:
    """Grouped bars: per report, one bar per word list (e.g. party building vs service delivery); year and level in the
    ticks; with more reports than views.SIDE_BY_SIDE_MAX, a box per word list and level."""
    import matplotlib.pyplot as plt

    from minzheng.english import format_number
    from minzheng.present.style import HOUSE_PALETTE

    regions = list(dict.fromkeys(shares["region"]))
    if not side_by_side(len(regions)) and ax is None:  # many reports: a box per word list and level (views.py)
        boxes = shares.assign(theme=shares["theme"].map(list_label))
        return theme_boxes(boxes, value=value, ylabel=unit, title=title)
    lists = list(dict.fromkeys(shares["theme"]))
    meta = shares.drop_duplicates("region").set_index("region")
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5.0, 1.2 * len(regions) * max(1, len(lists)) / 2 + 2.0), 4.0))
    width = 0.8 / max(1, len(lists))
    for k, name in enumerate(lists):
        values = [float(shares[(shares["region"] == r) & (shares["theme"] == name)][value].iloc[0]) for r in regions]
        xs = [x - 0.4 + width * (k + 0.5) for x in range(len(regions))]
        bars = ax.bar(xs, values, width=width, color=HOUSE_PALETTE[k % len(HOUSE_PALETTE)], label=list_label(name))
        ax.bar_label(bars, labels=[format_number(round(v, 1)) for v in values], padding=2, fontsize=7)
    ax.set_xticks(range(len(regions)), [_tick(r, meta.loc[r, "level"], meta.loc[r, "year"]) for r in regions])
    ax.set_ylabel(unit)
    ax.set_title(title)
    ax.margins(y=0.15)
    ax.legend(loc="upper right")
    return ax.figure


def similarity_heatmap(sim: pd.DataFrame, table: pd.DataFrame | None = None, *, title: str = "", ax: Any = None) -> Any:
    """Heatmap of the similarity matrix, values in the cells, region and level in the labels; the colour scale ends at the
    largest similarity between two different reports, so the diagonal (1) shows at full colour; with more reports than
    views.HEATMAP_MAX, histograms of the pairs' similarity within and across levels."""
    import matplotlib.pyplot as plt

    from minzheng.english import region_tick
    from minzheng.present.heatmap import heatmap

    levels = dict(zip(table["region"], table["level"])) if table is not None else {}
    if not view_for(len(sim)).heatmap and ax is None:  # many reports: the spread of pair similarities (views.py)
        return similarity_spread(sim, levels, title=title)
    labels = [region_tick(r, levels.get(r, "")) for r in sim.index]
    if ax is None:
        size = max(3.5, 0.9 * len(sim) + 2.0)
        _, ax = plt.subplots(figsize=(size + 1.0, size))
    values = sim.to_numpy(dtype=float)
    off = values[~np.eye(len(values), dtype=bool)]
    top = float(np.ceil(off.max() * 10) / 10) if off.size and off.max() > 0 else 1.0
    heatmap(
        values,
        ax,
        vmin=0,
        vmax=top,
        cmap="Blues",
        annot=True,
        fmt=".2f",
        square=True,
        colorbar_label="cosine similarity (TF-IDF); the diagonal is 1",
        colorbar_shrink=0.8,
        xticklabels=labels,
        yticklabels=labels,
    )
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", labelrotation=0, length=0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title)
    return ax.figure
