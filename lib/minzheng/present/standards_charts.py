"""Charts of published standards: region × standard with the averages as reference lines and a visible gap, and a
standard's steps over time beside the national average."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from minzheng.compare.benchmarks import NATIONAL_SCOPE
from minzheng.compare.standards_coverage import chart_ids
from minzheng.compare.standards_in_force import FOUND
from minzheng.compare.views import PANEL_COLUMNS, side_by_side
from minzheng.english import format_number, level_tick
from minzheng.present.distributions import PANEL_SIZE, level_strip
from minzheng.present.style import HOUSE_PALETTE
from minzheng.read.reference import MONTHLY

PUBLISHED_COLOR = HOUSE_PALETTE[0]


NATIONAL_COLOR = HOUSE_PALETTE[1]


PROVINCIAL_COLOR = HOUSE_PALETTE[2]


CLAIM_COLOR = "#000000"


GAP_TEXT = "gap:\nno published\nstandard\nfound"


GAP_FILL = "#f2f2f2"


GAP_BOX = {"facecolor": GAP_FILL, "edgecolor": "none"}


UNDATED_TEXT = "start date not in the source"


def _tick(region: str, level: str, year: object) -> str:
    """A tick label: region, level and the report's year."""
    when = f"report {int(year)}" if pd.notna(year) else "report year ?"
    return f"{region}\n{level_tick(level)}\n{when}"


def _segment(ax: Any, x: float, half: float, value: float, color: str, style: str) -> None:
    """A short horizontal reference line across one region's slot."""
    if pd.notna(value):
        ax.hlines(value, x - half, x + half, colors=color, linestyles=style, linewidth=1.6, zorder=3)


def _panel(ax: Any, rows: pd.DataFrame, regions: list[str]) -> None:
    """One standard: a bar per tier found (value and date on it), a gap mark where none, averages and claims."""
    top = pd.concat([rows[c] for c in ("value", "report_value", "national_value", "provincial_value")]).max()
    top = float(top) if pd.notna(top) and top > 0 else 1.0
    for x, region in enumerate(regions):
        mine = rows[rows["region"] == region]
        hits = mine[mine["status"] == FOUND]
        if hits.empty:
            ax.bar(x, top, width=0.7, color=GAP_FILL, edgecolor="#a5a5a5", linestyle="--", zorder=1)
            ax.text(
                x, top * 0.45, GAP_TEXT, ha="center", va="center", fontsize=8, color="#595959", zorder=5, bbox=GAP_BOX
            )
        width = 0.7 / max(len(hits), 1)
        for k, (_, hit) in enumerate(hits.iterrows()):
            offset = x - 0.35 + width * (k + 0.5)
            bar = ax.bar(offset, hit["value"], width=width * 0.92, color=PUBLISHED_COLOR, zorder=2)
            tier = str(hit["tier"]).split(" (")[0] if len(hits) > 1 else ""
            label = f"{format_number(round(hit['value'], 1))}\n{hit['effective_from'] or 'undated'}"
            ax.bar_label(bar, labels=[f"{label}\n{tier}".strip()], padding=2, fontsize=7)
        first = mine.iloc[0]
        _segment(ax, x, 0.42, first["national_value"], NATIONAL_COLOR, "--")
        _segment(ax, x, 0.42, first["provincial_value"], PROVINCIAL_COLOR, ":")
        if pd.notna(first["report_value"]):
            ax.plot(x, first["report_value"], marker="D", color=CLAIM_COLOR, markersize=6, zorder=4, linestyle="")
    levels = dict(zip(rows["region"], rows["level"]))
    years = dict(zip(rows["region"], rows["year"]))
    ax.set_xticks(range(len(regions)), [_tick(r, levels[r], years[r]) for r in regions], fontsize=8)
    ax.set_ylim(0, top * 1.3)


def _many_panel(ax: Any, rows: pd.DataFrame) -> None:
    """One standard for many reports: the published values in force per administrative level (a box, and a point per
    report and tier), the national averages nearest the reports' years as dashed lines, the reports without one
    counted in the title."""
    hits = rows[rows["status"] == FOUND]
    level_strip(hits.assign(modality=FOUND), value="value", unit=MONTHLY, ax=ax)
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    averages = rows.dropna(subset=["national_value"]).drop_duplicates(["national_value", "national_as_of"])
    for value, as_of in zip(averages["national_value"], averages["national_as_of"]):
        ax.axhline(value, color=NATIONAL_COLOR, linestyle="--", linewidth=1, zorder=1)
        ax.annotate(f"national {format_number(round(value, 1))} ({as_of})", (1.0, value), xycoords=("axes fraction", "data"),
                    xytext=(-2, 2), textcoords="offset points", ha="right", fontsize=6.5, color=NATIONAL_COLOR)  # fmt: skip
    reports, found = rows["region"].nunique(), hits["region"].nunique()
    english = "\n".join(textwrap.wrap(rows["label_en"].iloc[0], 42, max_lines=2, placeholder="…"))
    ax.set_title(f"{rows['label_zh'].iloc[0]}\n{english}\n{found:,} of {reports:,} reports have one", fontsize=9)


def _many_chart(in_force: pd.DataFrame, ids: list[str], title: str) -> Any:
    """Small multiples of the standards for many reports (views.py): a panel per standard (_many_panel)."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    columns = min(PANEL_COLUMNS, len(ids))
    panel_rows = -(-len(ids) // columns)
    fig, axes = plt.subplots(
        panel_rows, columns, figsize=(PANEL_SIZE[0] * columns, PANEL_SIZE[1] * panel_rows + 0.8), squeeze=False
    )
    for ax, indicator in zip(axes.flat, ids):
        _many_panel(ax, in_force[in_force["indicator"] == indicator])
    for ax in list(axes.flat)[len(ids) :]:
        ax.set_visible(False)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=PUBLISHED_COLOR, label="published standard in force (a report each)"),
        Line2D([], [], color=NATIONAL_COLOR, linestyle="--", label="national average (dates nearest the reports)"),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside upper center", ncols=2, fontsize=8)
    if title:
        fig.suptitle(title)
    return fig


def in_force_chart(in_force: pd.DataFrame, ids: list[str] | tuple[str, ...] | None = None, title: str = "") -> Any:
    """Region × standard, a panel per standard (default: those with averages, urban and rural dibao): the published
    standard in force at the end of each report's year (a bar per tier, its effective date on it), the national and
    provincial averages nearest the report's year as reference lines, the report's own figure as a diamond, and a
    hatched gap where the reference has no standard; with more reports than views.SIDE_BY_SIDE_MAX, small multiples
    of the published values' distribution by level instead (_many_panel). Returns the matplotlib figure (None when
    there is no row)."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ids = list(ids) if ids is not None else chart_ids(in_force)
    ids = [i for i in ids if (in_force["indicator"] == i).any()]
    if not ids:
        return None
    regions = list(dict.fromkeys(in_force["region"]))
    if not side_by_side(len(regions)):  # many reports: their distribution by level, not a bar each (views.py)
        return _many_chart(in_force, ids, title)
    fig, axes = plt.subplots(1, len(ids), figsize=(max(4.8, 1.45 * len(regions) + 1.4) * len(ids), 4.8), squeeze=False)
    for ax, indicator in zip(axes.flat, ids):
        rows = in_force[in_force["indicator"] == indicator]
        _panel(ax, rows, regions)
        english = "\n".join(textwrap.wrap(rows["label_en"].iloc[0], 42, max_lines=2, placeholder="…"))
        ax.set_title(f"{rows['label_zh'].iloc[0]}\n{english}", fontsize=9)
        ax.set_ylabel(MONTHLY)
    handles = [
        Patch(facecolor=PUBLISHED_COLOR, label="published standard in force (effective date on the bar)"),
        Line2D([], [], color=NATIONAL_COLOR, linestyle="--", label="national average (date nearest the report)"),
        Line2D([], [], color=PROVINCIAL_COLOR, linestyle=":", label="provincial average (where the reference has one)"),
        Line2D([], [], color=CLAIM_COLOR, marker="D", linestyle="", label="the report's own figure"),
        Patch(facecolor=GAP_FILL, edgecolor="#a5a5a5", linestyle="--", label="gap: no published standard found"),
    ]
    fig.legend(handles=handles, loc="outside upper center", ncols=2, fontsize=8)
    if title:
        fig.suptitle(title)
    return fig


def _dates(values: pd.Series) -> pd.Series:
    """Dates written YYYY, YYYY-MM or YYYY-MM-DD as timestamps (NaT when empty)."""
    return pd.to_datetime(values.replace("", None), format="mixed", errors="coerce")


def steps_chart(
    step_table: pd.DataFrame,
    average_table: pd.DataFrame | None = None,
    report_years: list[int] | tuple[int, ...] = (),
    title: str = "",
) -> Any:
    """A standard's steps over time: dated steps as a solid step line, a step whose start the source does not give as
    a dotted line over the span it may have begun in (ending where it is known in force), the averages as dashed lines
    with their dates, and the reports' years as thin vertical lines. Returns the figure (None without steps)."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if step_table.empty:
        return None
    steps = step_table.assign(
        start=_dates(step_table["effective_from"]), before=_dates(step_table["known_in_force_before"])
    )
    known = [*steps["start"].dropna(), *steps["before"].dropna()]
    if average_table is not None and len(average_table):
        known += list(_dates(average_table["as_of"]).dropna())
    known += [pd.Timestamp(year=int(y), month=12, day=31) for y in report_years]
    left, right = min(known) - pd.DateOffset(years=1), max(known) + pd.DateOffset(years=1)
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    dated = steps[steps["start"].notna()].sort_values("start")
    for k, (_, row) in enumerate(dated.iterrows()):
        end = dated["start"].iloc[k + 1] if k + 1 < len(dated) else right
        ax.hlines(row["value"], row["start"], end, colors=PUBLISHED_COLOR, linewidth=2.2)
        ax.plot(row["start"], row["value"], "o", color=PUBLISHED_COLOR)
        ax.annotate(
            f"{format_number(round(row['value'], 1))} (from {row['effective_from']})",
            (row["start"], row["value"]),
            textcoords="offset points",
            xytext=(4, 6),
            fontsize=8,
        )
    for _, row in steps[steps["start"].isna()].iterrows():
        earlier = dated[dated["start"] < row["before"]]
        begin = earlier["start"].max() if len(earlier) else left
        ax.hlines(row["value"], begin, row["before"], colors=PUBLISHED_COLOR, linestyles=":", linewidth=1.8)
        ax.plot(row["before"], row["value"], "o", mfc="white", mec=PUBLISHED_COLOR)
        ax.annotate(
            f"{format_number(round(row['value'], 1))} (before {row['known_in_force_before']}; {UNDATED_TEXT})",
            (row["before"], row["value"]),
            textcoords="offset points",
            xytext=(-4, -12),
            ha="right",
            fontsize=7,
        )
    handles = [
        Line2D([], [], color=PUBLISHED_COLOR, linewidth=2.2, marker="o", label="published standard (from its date)"),
        Line2D([], [], color=PUBLISHED_COLOR, linestyle=":", marker="o", mfc="white", label=UNDATED_TEXT),
    ]
    if average_table is not None and len(average_table):
        for scope, group in average_table.groupby("scope", sort=False):
            color = NATIONAL_COLOR if scope == NATIONAL_SCOPE else PROVINCIAL_COLOR
            when = _dates(group["as_of"])
            ax.plot(when, group["value"], "--s", color=color, markersize=4)
            for day, value, as_of in zip(when, group["value"], group["as_of"]):
                ax.annotate(f"{format_number(value)} ({as_of})", (day, value), textcoords="offset points",
                            xytext=(0, -12), ha="center", fontsize=7, color=color)  # fmt: skip
            name = "national average" if scope == NATIONAL_SCOPE else f"{scope} average"
            handles.append(Line2D([], [], color=color, linestyle="--", marker="s", label=name))
    for year in report_years:
        ax.axvline(pd.Timestamp(year=int(year), month=12, day=31), color="#a5a5a5", linewidth=0.8)
        ax.annotate(f"end of {int(year)} (report)", (pd.Timestamp(year=int(year), month=12, day=31), 0),
                    xycoords=("data", "axes fraction"), rotation=90, fontsize=7, color="#7f7f7f",
                    xytext=(-3, 4), textcoords="offset points", ha="right", va="bottom")  # fmt: skip
    first = step_table.iloc[0]
    ax.set_xlim(left, right)
    ax.margins(y=0.2)
    ax.set_ylabel(first["unit"])
    ax.set_title(title or f"{first['region']} · {first['label_en']}", fontsize=10)
    ax.legend(handles=handles, loc="upper left", fontsize=7)
    return fig
