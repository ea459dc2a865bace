"""Charts of many regions: a box and every region's point per administrative level, targets hollow, the regions at
either end named; shares of reports stating each indicator; theme boxes; the spread of similarities."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
import pandas as pd

from minzheng.english import format_number, level_tick, shorten
from minzheng.extract.modality import PLANNED_MODALITIES, is_planned
from minzheng.present.style import HOUSE_PALETTE

ACHIEVED_COLOR = HOUSE_PALETTE[0]


LEVEL_ORDER = ("county", "county-level city", "district", "prefecture-level city", "province")


PANEL_SIZE = (4.8, 3.8)


GOLDEN = 0.6180339887


def levels_in(levels: Collection[str]) -> list[str]:
    """The administrative levels present, in the order of the levels (unknown ones last, as found)."""
    found = list(dict.fromkeys(str(v) for v in levels))
    return [lv for lv in LEVEL_ORDER if lv in found] + [lv for lv in found if lv not in LEVEL_ORDER]


def jitter(count: int, width: float = 0.36) -> np.ndarray:
    """Deterministic horizontal offsets for `count` points (a low-discrepancy sequence, no randomness)."""
    return ((np.arange(count) * GOLDEN) % 1.0 - 0.5) * width


def level_strip(
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
    """Per administrative level, a box of the achieved figures and a point per region (targets hollow); n and median
    in the tick labels; the highest and lowest region named."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    frame = data[[region, level, modality, value]].copy()
    frame[value] = pd.to_numeric(frame[value], errors="coerce")
    frame = frame.dropna(subset=[value])
    frame["target"] = [is_planned(m, planned) for m in frame[modality]]
    if ax is None:
        _, ax = plt.subplots(figsize=PANEL_SIZE)
    order = levels_in(frame[level])
    ticks = []
    for x, name in enumerate(order):
        rows = frame[frame[level] == name].sort_values(value, kind="mergesort")
        done, aims = rows[~rows["target"]], rows[rows["target"]]
        if len(done) >= 2:
            ax.boxplot(
                done[value],
                positions=[x],
                widths=0.5,
                showfliers=False,
                medianprops={"color": HOUSE_PALETTE[1], "linewidth": 1.6},
                boxprops={"color": "#555555"},
                whiskerprops={"color": "#555555"},
                capprops={"color": "#555555"},
            )
        ax.scatter(x + jitter(len(done)), done[value], s=12, color=ACHIEVED_COLOR, alpha=0.55, linewidths=0, zorder=3)
        ax.scatter(x + 0.3 + jitter(len(aims), 0.12), aims[value], s=16, facecolors="white", edgecolors=ACHIEVED_COLOR)
        median = f", median {format_number(round(float(done[value].median()), 2))}" if len(done) else ""
        ticks.append(f"{level_tick(name)}\nn = {rows[region].nunique():,}{median}")
        if (
            len(done) > 1 and done[value].iloc[-1] > done[value].iloc[0]
        ):  # the lowest left of the box, the highest right
            for end, side in ((done.iloc[0], -1), (done.iloc[-1], 1)):
                ax.annotate(shorten(end[region], 12), (x + 0.25 * side, end[value]), xytext=(4 * side, 0),
                            textcoords="offset points", ha="left" if side > 0 else "right", va="center", fontsize=7,
                            color="#333333")  # fmt: skip
    ax.set_xticks(range(len(order)), ticks)
    ax.set_xlim(-0.8, len(order) - 0.2)
    ax.set_ylabel(unit)
    ax.set_title(title)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=ACHIEVED_COLOR, label="achieved (a region each)"),
        Line2D([], [], marker="o", linestyle="", mfc="white", mec=ACHIEVED_COLOR, label="target / planned"),
    ]
    ax.legend(handles=handles, loc="best", fontsize=8)
    return ax.figure


def share_bars(stated: pd.DataFrame, *, title: str = "", ax: Any = None) -> Any:
    """Horizontal bars: per row label, the share of reports of each level that state it (`stated` has columns label,
    level, reports, total)."""
    import matplotlib.pyplot as plt

    labels = list(dict.fromkeys(stated["label"]))
    order = levels_in(stated["level"])
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, max(2.5, (0.12 + 0.08 * len(order)) * len(labels) + 1.4)))
    height = 0.8 / max(1, len(order))
    for k, name in enumerate(order):
        rows = stated[stated["level"] == name].set_index("label").reindex(labels)
        share = (rows["reports"] / rows["total"]).fillna(0.0).to_numpy()
        total = int(rows["total"].max()) if rows["total"].notna().any() else 0
        ys = np.arange(len(labels)) - 0.4 + height * (k + 0.5)
        color = HOUSE_PALETTE[k % len(HOUSE_PALETTE)]
        ax.barh(ys, share, height=height, color=color, label=f"{level_tick(name)} ({total} reports)")
    ax.set_yticks(range(len(labels)), labels, fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of reports that state it")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return ax.figure


def theme_boxes(frame: pd.DataFrame, *, value: str, ylabel: str, title: str = "", percent: bool = False) -> Any:
    """Per theme (x), a box of every report's value for each administrative level side by side (`frame` has columns
    theme, level and the value)."""
    import matplotlib.pyplot as plt

    themes = list(dict.fromkeys(frame["theme"]))
    order = levels_in(frame["level"])
    _, ax = plt.subplots(figsize=(max(7.0, 1.6 * len(themes) + 2.0), 4.2))
    width = 0.8 / max(1, len(order))
    for k, name in enumerate(order):
        color = HOUSE_PALETTE[k % len(HOUSE_PALETTE)]
        for x, theme in enumerate(themes):
            values = pd.to_numeric(frame.loc[(frame["theme"] == theme) & (frame["level"] == name), value])
            values = values.dropna()
            if values.empty:
                continue
            position = x - 0.4 + width * (k + 0.5)
            ax.boxplot(values, positions=[position], widths=width * 0.8, showfliers=False,
                       boxprops={"color": color}, whiskerprops={"color": color}, capprops={"color": color},
                       medianprops={"color": color, "linewidth": 2})  # fmt: skip
            ax.scatter(position + jitter(len(values), width * 0.6), values, s=6, color=color, alpha=0.35, linewidths=0)
        n = int(frame.loc[frame["level"] == name, "region"].nunique()) if "region" in frame else 0
        ax.plot([], [], color=color, linewidth=6, label=f"{level_tick(name)} ({n} reports)")
    ax.set_xticks(range(len(themes)), themes, fontsize=8)
    ax.set_ylabel(ylabel)
    if percent:
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8)
    return ax.figure


def similarity_spread(sim: pd.DataFrame, levels: dict[str, str], *, title: str = "") -> Any:
    """Histograms of the similarity of every pair of different reports: pairs of one level against pairs across levels."""
    import matplotlib.pyplot as plt

    values = sim.to_numpy(dtype=float)
    upper = np.triu_indices(len(values), k=1)
    kinds = np.array([levels.get(str(r), "") for r in sim.index], dtype=object)
    same = kinds[upper[0]] == kinds[upper[1]]
    pairs = values[upper]
    _, ax = plt.subplots(figsize=(7.0, 3.8))
    bins = np.linspace(0.0, 1.0, 41)
    for k, (mask, label) in enumerate(((same, "same administrative level"), (~same, "different levels"))):
        if mask.any():
            ax.hist(pairs[mask], bins=bins, alpha=0.6, color=HOUSE_PALETTE[k],
                    label=f"{label}: {int(mask.sum()):,} pairs, median {np.median(pairs[mask]):.2f}")  # fmt: skip
    ax.set_xlabel("cosine similarity of the two reports' words (TF-IDF)")
    ax.set_ylabel("pairs of reports")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8)
    return ax.figure
