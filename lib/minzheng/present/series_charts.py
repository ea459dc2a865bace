"""Change over time: a line panel per indicator (achieved filled on a solid line, targets hollow on a dashed one), the
evidence of every point, and the sentences; nothing at all where no region has reports of two or more years."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from minzheng.compare.series import ACHIEVED, changes, charted_ids, lines, single_year_ids
from minzheng.compare.views import side_by_side
from minzheng.corpus import Corpus
from minzheng.english import format_number, level_label
from minzheng.present.series_prose import series_intro, series_summary
from minzheng.present.style import HOUSE_PALETTE

EVIDENCE_COLUMNS = ["region", "label_zh", "period", "kind", "value", "unit", "measure", "raw", "document", "evidence"]


def _line_label(line: pd.DataFrame) -> str:
    """A line's legend entry: the region, its level, and 'added' where the line counts amounts added."""
    row = line.iloc[0]
    added = ", added in the period" if row["measure"] != "stock or total" else ""
    return f"{row['region']} ({level_label(row['level'])}{added})"


def _draw_line(ax: Any, line: pd.DataFrame, color: str, quiet: bool = False) -> None:
    """One region's points of one indicator: achieved joined solid, each target joined dashed to the point before;
    `quiet` (many regions): a thin grey line without values or legend entry."""
    line = line.sort_values(["period", "kind"])
    done = line[line["kind"] == ACHIEVED]
    if quiet:
        ax.plot(done["period"].astype(int), done["value"].astype(float), "-", color="#9a9a9a", alpha=0.4, lw=0.8)
        return
    ax.plot(done["period"].astype(int), done["value"].astype(float), "-o", color=color, label=_line_label(line))
    previous = done.iloc[-1] if len(done) else None
    for _, target in line[line["kind"] != ACHIEVED].iterrows():
        if previous is not None:
            xs = [int(previous["period"]), int(target["period"])]
            ax.plot(xs, [float(previous["value"]), float(target["value"])], "--", color=color, linewidth=1.2)
        ax.plot(int(target["period"]), float(target["value"]), "o", mfc="white", mec=color, mew=1.6)
    for _, point in line.iterrows():
        ax.annotate(
            format_number(point["value"]),
            (int(point["period"]), float(point["value"])),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
        )


def _tick(value: float) -> str:
    """A y tick without an offset or exponent: thousands separated, decimals only where small."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"


def draw(series: pd.DataFrame, ncols: int = 3) -> Any:
    """One figure with a line panel per indicator that has a line (two or more years in one region); None if none."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    ids = charted_ids(series)
    if not ids:
        return None
    ncols = min(ncols, len(ids))
    nrows = int(np.ceil(len(ids) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.4 * nrows), squeeze=False)
    regions = list(dict.fromkeys(series["region"]))
    many = not side_by_side(len(regions))  # many regions: thin lines and the median of each year (views.py)
    drawn = lines(series)
    for ax, indicator in zip(axes.flat, ids):
        mine = [line for line in drawn if line["indicator"].iloc[0] == indicator]
        for line in mine:
            _draw_line(ax, line, HOUSE_PALETTE[regions.index(line["region"].iloc[0]) % len(HOUSE_PALETTE)], many)
        if many:
            done = pd.concat(mine).query("kind == @ACHIEVED").groupby("period")["value"].median()
            ax.plot(done.index.astype(int), done.astype(float), "-o", color=HOUSE_PALETTE[1], lw=2,
                    label=f"median of {len(mine)} regions")  # fmt: skip
        first = mine[0].iloc[0]
        years = sorted({int(p) for line in mine for p in line["period"]})
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        ax.margins(y=0.25)
        ax.set_ylabel(first["unit"])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value)))
        english = "\n".join(textwrap.wrap(first["label_en"], 36, max_lines=2, placeholder="…"))
        ax.set_title(f"{first['label_zh']}\n{english}", fontsize=9)
        ax.legend(fontsize=7, loc="best")
    for ax in list(axes.flat)[len(ids) :]:
        ax.set_visible(False)
    marks = [
        Line2D([], [], color="#555555", marker="o", linestyle="-", label="achieved (reported as done)"),
        Line2D([], [], color="#555555", marker="o", mfc="white", linestyle="--", label="target / planned"),
    ]
    fig.legend(handles=marks, loc="outside upper center", ncols=2)
    return fig


def series_evidence(series: pd.DataFrame) -> pd.DataFrame:
    """The evidence of every point: region, indicator, year, achieved or target, value, raw text, report, sentence."""
    return series[EVIDENCE_COLUMNS].reset_index(drop=True)


@dataclass
class ChangeOverTime:
    """The change-over-time section of a theme notebook: series points, the regions followed and what to show."""

    series: pd.DataFrame
    regions: dict[str, list[int]]
    levels: dict[str, str]

    def show(self) -> None:
        """Display the section: heading, intro, chart, evidence and changes; nothing where no region has a series."""
        from IPython.display import Markdown, display

        from minzheng.present.markdown import show_table

        if not self.regions:
            return
        display(Markdown("## Change over time\n\n" + series_intro(self.regions, self.levels)))
        figure = draw(self.series)
        if figure is not None:
            import matplotlib.pyplot as plt

            display(figure)
            plt.close(figure)
        if len(self.series):
            display(Markdown("Evidence for every point (the sentence each figure comes from):"))
            display(show_table(series_evidence(self.series)))
        display(Markdown(series_summary(self.series, changes(self.series), single_year_ids(self.series))))


def change_over_time(series: pd.DataFrame, corpus: Corpus) -> ChangeOverTime:
    """The change-over-time view of a theme's series points, for the regions of a corpus with reports of two or more
    years (the corpus of every report, not the cross-section)."""
    return ChangeOverTime(series, corpus.series_regions(), {r.region: r.level for r in corpus})
