"""Bar charts and heatmaps of regions, targets hatched, levels in the tick labels."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd

from minzheng.compare.views import side_by_side, view_for
from minzheng.english import region_tick
from minzheng.extract.modality import PLANNED_MODALITIES, is_planned
from minzheng.present.distributions import level_strip, share_bars
from minzheng.present.style import HOUSE_PALETTE

ACHIEVED_COLOR = HOUSE_PALETTE[0]


TARGET_HATCH = "///"


def _bar_frame(
    data: pd.DataFrame, value: str, region: str, level: str, modality: str, planned: Collection[str]
) -> pd.DataFrame:
    """Reduce rows to one value per region and kind (achieved or target), regions in first-seen order."""
    frame = data[[region, level, modality, value]].copy()
    frame[value] = pd.to_numeric(frame[value], errors="coerce")
    frame = frame.dropna(subset=[value])
    frame["kind"] = np.where([is_planned(m, planned) for m in frame[modality]], "target", "achieved")
    return frame.drop_duplicates(subset=[region, "kind"], keep="first")


def _format_value(value: float) -> str:
    """Format a bar's value compactly (thousands separators, no trailing zeros)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def region_bar(
    data: pd.DataFrame,
    *,
    value: str = "value",
    region: str = "region",
    level: str = "level",
    modality: str = "modality",
    title: str = "",
    unit: str = "",
    planned: Collection[str] = PLANNED_MODALITIES,
    ax: Any = None,
) -> Any:
    """Bar chart per region: achieved figures filled, targets hatched and outlined, level in tick labels; with more
    regions than views.SIDE_BY_SIDE_MAX, their distribution by level instead (distributions.level_strip)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    frame = _bar_frame(data, value, region, level, modality, planned)
    regions = list(dict.fromkeys(frame[region]))
    if not side_by_side(len(regions)):  # many regions: their distribution by level, not a bar each (views.py)
        return level_strip(frame, value=value, region=region, level=level, modality=modality, title=title, unit=unit,
                           planned=planned, ax=ax)  # fmt: skip
    levels = dict(zip(frame[region], frame[level]))
    if ax is None:
        _, ax = plt.subplots(figsize=(max(4.0, 1.3 * len(regions) + 1.5), 4.0))
    width = 0.38
    for x, name in enumerate(regions):
        rows = frame[frame[region] == name]
        kinds = list(rows["kind"])
        for kind, bar_value in zip(kinds, rows[value]):
            offset = 0.0 if len(kinds) == 1 else (-width / 2 if kind == "achieved" else width / 2)
            target = kind == "target"
            bar = ax.bar(
                x + offset,
                bar_value,
                width=width,
                color="white" if target else ACHIEVED_COLOR,
                edgecolor=ACHIEVED_COLOR,
                linewidth=1.4,
                hatch=TARGET_HATCH if target else None,
            )
            ax.bar_label(bar, labels=[_format_value(bar_value)], padding=2, fontsize=8)
    ax.set_xticks(range(len(regions)), [region_tick(r, levels[r]) for r in regions])
    ax.set_ylabel(unit)
    ax.set_title(title)
    ax.margins(y=0.15)
    handles = [
        Patch(facecolor=ACHIEVED_COLOR, edgecolor=ACHIEVED_COLOR, label="achieved (reported as done)"),
        Patch(facecolor="white", edgecolor=ACHIEVED_COLOR, hatch=TARGET_HATCH, label="target / planned"),
    ]
    ax.legend(handles=handles, loc="upper right")
    return ax.figure


def coverage_heatmap(
    matrix: pd.DataFrame, *, title: str = "", ax: Any = None, levels: Sequence[str] | None = None
) -> Any:
    """Heatmap of indicators (rows) × regions (columns): filled where a report states the figure, with counts; with
    more columns than views.HEATMAP_MAX, the share of reports (of each level, `levels` by column) stating each row."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    from minzheng.present.heatmap import heatmap

    counts = matrix.fillna(0).astype(int)
    if not view_for(counts.shape[1]).heatmap:
        kinds = list(levels) if levels is not None else ["all reports"] * counts.shape[1]
        stated = [
            {"label": label, "level": kind, "reports": int((row[[k == kind for k in kinds]] > 0).sum()),
             "total": kinds.count(kind)}
            for label, row in counts.iterrows() for kind in dict.fromkeys(kinds)
        ]  # fmt: skip
        return share_bars(pd.DataFrame(stated), title=title, ax=ax)
    if ax is None:
        height = max(2.5, 0.24 * len(counts) + 1.6)
        _, ax = plt.subplots(figsize=(max(5.0, 1.1 * counts.shape[1] + 4.0), height))
    stated = (counts > 0).astype(int)
    heatmap(
        stated,
        ax,
        vmin=0,
        vmax=1,
        cmap=ListedColormap(["#f2f2f2", ACHIEVED_COLOR]),
        xticklabels=[str(column) for column in counts.columns],
        yticklabels=[str(row) for row in counts.index],
    )
    for row, column in zip(*np.nonzero(counts.to_numpy())):
        ax.text(
            column + 0.5, row + 0.5, str(counts.iat[row, column]), ha="center", va="center", fontsize=7, color="white"
        )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", length=0)
    ax.set_title(title, pad=12)
    return ax.figure
