"""Whether an indicator may be charted across regions: same indicator, unit and measure in two or more regions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from minzheng.compare.figure_tables import ADDED, STOCK, label_of
from minzheng.english import format_number, join_words, level_label
from minzheng.extract.modality import is_planned


@dataclass
class Decision:
    """Whether one indicator may be charted, the rows to chart, and the sentence that says why (not)."""

    indicator: str
    label_zh: str
    label_en: str
    allowed: bool
    reason: str
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    stated_by: int = 0

    @property
    def label(self) -> str:
        """'label_zh (label_en)'."""
        return f"{self.label_zh} ({self.label_en})"


def describe_figure(row: pd.Series) -> str:
    """'济宁市 (prefecture-level city 地级市, 2023, achieved): 924 元/人/月' — one figure with its comparability."""
    period = f"{int(row['period'])}" if pd.notna(row.get("period")) else "period not stated"
    kind = "target" if is_planned(row["modality"]) else "achieved"
    extra = f", {row['measure']}" if row.get("measure") == ADDED else ""
    return f"{row['region']} ({level_label(row['level'])}, {period}, {kind}{extra}): {format_number(row['value'])} {row['unit']}"


def chart_decision(frame: pd.DataFrame, indicator: str) -> Decision:
    """Decide whether an indicator may be charted: ≥2 regions with the same indicator, unit (after conversion) and
    measure (stock vs added). Returns the rows of the largest comparable group and a sentence saying why (not)."""
    rows = frame[(frame["indicator"] == indicator) & frame["value"].notna()] if len(frame) else frame
    if len(rows) and {"label_zh", "label_en"} <= set(rows.columns):
        zh, en = rows["label_zh"].iloc[0], rows["label_en"].iloc[0]
    else:
        zh, en = label_of(indicator)
    regions = list(dict.fromkeys(rows["region"])) if len(rows) else []
    if not regions:
        reason = f"No report in this selection states {zh} ({en}), so there is nothing to chart."
        return Decision(indicator, zh, en, False, reason, rows, 0)
    if len(regions) == 1:
        reason = (
            f"Only one region has a figure for {zh} ({en}) — {describe_figure(rows.iloc[0])} — so there is no chart: "
            "a chart needs two or more regions with comparable figures; the figure is in the table."
        )
        return Decision(indicator, zh, en, False, reason, rows, 1)
    measure = rows["measure"] if "measure" in rows else pd.Series(STOCK, index=rows.index)
    groups = rows.assign(_measure=measure).groupby(["unit", "_measure"], sort=False)["region"].nunique()
    (unit, kind), count = groups.idxmax(), int(groups.max())
    if count < 2:
        described = join_words([describe_figure(r) for _, r in rows.iterrows()])
        reason = (
            f"{len(regions)} regions have figures for {zh} ({en}) but not comparable ones — {described} — so there is no chart: "
            "a chart needs two or more regions with the same unit and the same measure (a stock or an amount added)."
        )
        return Decision(indicator, zh, en, False, reason, rows, len(regions))
    chosen = rows[(rows["unit"] == unit) & (measure == kind)]
    left_out = rows[~rows.index.isin(chosen.index)]
    reason = f"{count} regions have comparable figures for {zh} ({en}) ({unit}, {kind})."
    if len(left_out):
        reason += f" Left out of the chart as not comparable: {join_words([describe_figure(r) for _, r in left_out.iterrows()])}."
    levels, periods = set(chosen["level"]), set(chosen["period"].dropna())
    if len(levels) > 1:
        reason += (
            " The regions differ in administrative level; a per-person standard compares across levels."
            if str(unit).startswith("元/人/")
            else " The regions differ in administrative level, so the figures differ partly for that reason."
        )
    if len(periods) > 1:
        reason += " The figures refer to different years."
    if chosen["modality"].map(is_planned).any():
        reason += " Targets are drawn hatched."
    return Decision(indicator, zh, en, True, reason, chosen, len(regions))


def decisions(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> list[Decision]:
    """The chart decision of every indicator."""
    return [chart_decision(frame, i) for i in ids]
