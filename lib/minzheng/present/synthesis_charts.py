"""Charts of the synthesis and party notebooks: figure bars, coverage and profile heatmaps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from minzheng.codebook import THEMES
from minzheng.compare.party import chart_rows
from minzheng.compare.theme_coverage import theme_matrix
from minzheng.compare.views import view_for
from minzheng.present.distributions import theme_boxes


def party_figure_chart(indicators: pd.DataFrame, indicator: str, regions: Sequence[str], codebook: pd.DataFrame) -> Any:
    """plotting.region_bar of one indicator for the given regions, titled with its labels, with room above for the legend."""
    from minzheng.english import shorten
    from minzheng.present.charts import region_bar

    label = codebook.set_index("id").loc[indicator]
    figure = region_bar(
        chart_rows(indicators, indicator, regions),
        title=f"{label['label_zh']}\n{shorten(label['label_en'], 48)}",
        unit=label["unit"],
    )
    ax = figure.axes[0]
    ax.title.set_fontsize(10)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.25)
    return figure


def theme_coverage_chart(coverage: pd.DataFrame, *, title: str = "") -> Any:
    """plotting.coverage_heatmap of themes × reports, on a figure sized for the long bilingual theme labels; with more
    reports than views.HEATMAP_MAX, a box per theme and level of the indicators each report states."""
    import matplotlib.pyplot as plt

    from minzheng.present.charts import coverage_heatmap

    if not view_for(coverage["region"].nunique()).heatmap:  # many reports: a box per theme and level (views.py)
        boxes = coverage.assign(theme=[title_lines(t) for t in coverage["theme_label"]])
        return theme_boxes(boxes, value="stated", ylabel="codebook indicators stated", title=title)
    matrix = theme_matrix(coverage)
    sizes = coverage.drop_duplicates("theme")
    matrix.index = [f"{THEMES[t][0]} ({n})\n{THEMES[t][1]}" for t, n in zip(sizes["theme"], sizes["indicators"])]
    _, ax = plt.subplots(figsize=(max(7.0, 1.0 * matrix.shape[1] + 5.0), max(3.0, 0.7 * len(matrix) + 1.5)))
    return coverage_heatmap(matrix, title=title, ax=ax)


def profile_heatmap(matrix: pd.DataFrame, table: pd.DataFrame, *, title: str = "", ax: Any = None) -> Any:
    """Heatmap of a profile: themes (rows) × reports (columns, with level), shares written as percentages.

    `matrix` is profile_matrix's regions × themes; it is drawn transposed so the long theme titles have room.
    Each column sums to 100%. With more reports than views.HEATMAP_MAX, a box per theme and level instead.
    """
    import matplotlib.pyplot as plt

    from minzheng.english import region_tick
    from minzheng.present.heatmap import heatmap

    levels = dict(zip(table["region"], table["level"]))
    if not view_for(len(matrix)).heatmap and ax is None:  # many reports: a box per theme and level (views.py)
        shares = matrix.rename_axis(index="region", columns="theme").stack().rename("share").reset_index()
        shares = shares.assign(level=shares["region"].map(levels), theme=shares["theme"].map(title_lines))
        return theme_boxes(shares, value="share", ylabel="share of the report's theme vocabulary", title=title,
                           percent=True)  # fmt: skip
    drawn = matrix.T
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6.0, 1.1 * drawn.shape[1] + 4.5), max(3.0, 0.7 * len(drawn) + 1.5)))
    values = drawn.to_numpy(dtype=float)
    annotations = drawn.map(lambda v: f"{v:.0%}" if pd.notna(v) else "")
    heatmap(
        values,
        ax,
        vmin=0,
        vmax=max(0.5, float(np.nanmax(values))) if values.size else 0.5,
        cmap="Blues",
        annot=annotations.to_numpy(),
        xticklabels=[region_tick(r, levels.get(r, "")) for r in drawn.columns],
        yticklabels=[title_lines(t) for t in drawn.index],
    )
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", labelrotation=0, length=0, labelsize=8.5)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title, pad=12)
    return ax.figure


def title_lines(title: str) -> str:
    """A bilingual theme title on two lines: Chinese, then English."""
    zh, _, en = title.partition(" ")
    return f"{zh}\n{en}" if en else zh
