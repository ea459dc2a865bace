"""The theme notebooks' tables: standards in 元/人/月, one row per region × indicator, and whether a chart is allowed.

Every table keeps what makes a figure comparable or not: the administrative level, the report's year and the figure's
period, achieved vs target, whether the figure is a stock or an amount added in the period, and the evidence sentence.
A chart is allowed only where two or more regions state comparable figures (same indicator, same unit after
conversion, same measure); otherwise the helpers return the sentence that says why not.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from minzheng.plotting import format_number, is_planned, level_label, md_text
from minzheng.reference import DENOMINATOR_EN, DENOMINATOR_ZH

MONTHLY = "元/人/月"
YEARLY = "元/人/年"
AS_STATED = "as stated (元/人/月)"
STOCK = "stock or total"
ADDED = "added in the period"
# Words just before a figure, in its clause, that make it an amount added in the period rather than a stock.
ADDED_WORDS = re.compile(r"新增|增加|新建|新纳入|新招|新设|新改建|提质改造|改造提升|提升改造|扩建")
CLAUSE_MARK = re.compile(r"[，,；;。：:！？]")
# Indicators that are amounts added in the period by definition, whatever the words before the figure.
ADDED_BY_DEFINITION = frozenset({"sa.dibao_newly_enrolled", "ec.new_home_care_stations"})

# The sections of the theme notebooks (codebook ids, in reading order).
SA_STANDARDS = ("sa.dibao_standard_urban", "sa.dibao_standard_rural", "sa.tekun_standard_urban", "sa.tekun_standard_rural", "sa.tekun_care_standard")
SA_PEOPLE = ("sa.assisted_people", "sa.dibao_recipients", "sa.dibao_newly_enrolled", "sa.dibao_exited", "sa.tekun_recipients", "sa.temp_assistance_cases")
SA_MONEY = ("sa.total_assistance_funds", "sa.dibao_funds", "sa.tekun_funds", "sa.temp_assistance_funds", "sa.disability_subsidy_funds")
SA_RATES = ("sa.standard_increase", "sa.tekun_centralized_care_rate")
SA_BRANDS = ("sa.service_brand",)
EC_CAPACITY = (
    "ec.care_institutions", "ec.beds", "ec.nursing_beds", "ec.service_facilities", "ec.community_centers",
    "ec.rural_happiness_homes", "ec.home_adaptations", "ec.new_home_care_stations",
)
EC_MONEY = ("ec.elderly_subsidy_funds",)
EC_PER_CAPITA = ("ec.beds", "ec.nursing_beds", "ec.care_institutions", "ec.service_facilities")
CP_STANDARDS = ("cp.orphan_standard_institutional", "cp.orphan_standard_dispersed", "cp.vulnerable_child_standard")
CP_NETWORK = ("cp.child_directors", "cp.child_supervisors", "cp.protection_center_staff")
CP_MONEY = ("cp.child_allowance_funds", "cp.education_grant_funds")
CP_ACTIVITIES = ("cp.home_visits", "cp.care_activities", "cp.children_homes")

FIGURE_COLUMNS = [
    "region", "level", "year", "period", "indicator", "label_zh", "label_en", "value", "unit", "qualifier", "modality",
    "measure", "raw", "value_stated", "unit_stated", "conversion", "figures_stated", "other_figures", "evidence",
    "document", "start", "end",
]
TEXT_COLUMNS = ["region", "level", "year", "period", "indicator", "label_zh", "label_en", "name", "modality", "evidence", "document"]
EVIDENCE_COLUMNS = ["region", "level", "period", "modality", "label_zh", "value", "unit", "raw", "evidence"]


def typed_frame(rows: list[dict], columns: list[str], float_columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows as a frame with nullable integer year and period and float measures, even when empty."""
    out = pd.DataFrame(rows, columns=columns)
    for column in ("year", "period"):
        out[column] = pd.array(out[column], dtype="Int64")
    for column in float_columns:
        out[column] = out[column].astype("float64")
    return out


# --- units ---------------------------------------------------------------------------------------


def to_monthly(value: float, unit: str) -> tuple[float, str, str]:
    """Bring a standard to 元/人/月: (value, unit, the conversion in words). Other units pass unchanged."""
    unit = str(unit or "")
    if unit == YEARLY:
        monthly = float(value) / 12 if pd.notna(value) else np.nan
        return monthly, MONTHLY, f"{format_number(float(value))} {YEARLY} ÷ 12"
    if unit == MONTHLY:
        return float(value) if pd.notna(value) else np.nan, MONTHLY, AS_STATED
    return float(value) if pd.notna(value) else np.nan, unit, ""


def measure_of(evidence: str, position: int) -> str:
    """'added in the period' when the figure's clause, up to the figure, says 新增/增加/新建…; else 'stock or total'."""
    text = str(evidence or "")
    position = max(0, min(int(position), len(text)))
    marks = [m.end() for m in CLAUSE_MARK.finditer(text, 0, position)]
    clause = text[(marks[-1] if marks else 0):position]
    return ADDED if ADDED_WORDS.search(clause) else STOCK


# --- tables --------------------------------------------------------------------------------------


def _labels() -> dict[str, tuple[str, str]]:
    """Codebook labels by id: (label_zh, label_en)."""
    from minzheng.codebook import load_codebook

    codebook = load_codebook()
    return {row.id: (row.label_zh, row.label_en) for row in codebook.itertuples()}


def label_of(indicator: str) -> tuple[str, str]:
    """The codebook's Chinese label and English gloss of an id (the id itself when unknown)."""
    return _labels().get(indicator, (indicator, indicator))


def _region_order(indicators: pd.DataFrame, table: pd.DataFrame | None) -> list[str]:
    """Regions in corpus (manifest) order when the table is given, else in first-seen order."""
    if table is not None and len(table):
        return list(table["region"])
    return list(dict.fromkeys(indicators["region"])) if len(indicators) else []


def _choice_key(row: pd.Series) -> tuple[Any, ...]:
    """Sort key of the figure that represents a region × indicator: achieved, of the report's year, stock, largest."""
    planned = is_planned(row["modality"])
    same_year = pd.notna(row["period"]) and pd.notna(row["year"]) and int(row["period"]) == int(row["year"])
    return (planned, not same_year, pd.isna(row["period"]), row["measure"] != STOCK, -float(row["value"]), int(row["start"]))


def _describe_other(row: pd.Series) -> str:
    """A short description of a figure not chosen: raw text, period, modality, measure."""
    period = f"{int(row['period'])}" if pd.notna(row["period"]) else "period not stated"
    return f"{row['raw']} ({period}, {row['modality']}, {row['measure']})"


def empty_figures() -> pd.DataFrame:
    """An empty figure table with the right columns and types."""
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in FIGURE_COLUMNS})
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a figure table its column types."""
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in ("value", "value_stated"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in ("figures_stated", "start", "end"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").fillna(0).astype("int64")
    return frame


def figure_table(indicators: pd.DataFrame, ids: tuple[str, ...] | list[str], table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per region × indicator: value (standards in 元/人/月), unit, qualifier, modality, period, level, year,
    raw, evidence, plus the measure (stock vs added), the stated value and unit, the conversion, and the other figures
    the report states for the same indicator.

    When a report states an indicator more than once, the row shows the achieved figure of the report's year, a stock
    before an amount added, and the largest (usually the total) of what is left; `figures_stated` counts them and
    `other_figures` lists the rest, so no figure is hidden.
    """
    ids = list(ids)
    if not len(indicators):
        return empty_figures()
    rows = indicators[indicators["indicator"].isin(ids) & indicators["value"].notna()].copy()
    if rows.empty:
        return empty_figures()
    converted = [to_monthly(v, u) for v, u in zip(rows["value"], rows["unit"])]
    rows["value_stated"], rows["unit_stated"] = rows["value"], rows["unit"]
    rows["value"] = [c[0] for c in converted]
    rows["unit"] = [c[1] for c in converted]
    rows["conversion"] = [c[2] for c in converted]
    rows["measure"] = [
        ADDED if i in ADDED_BY_DEFINITION else measure_of(e, s - es)
        for i, e, s, es in zip(rows["indicator"], rows["evidence"], rows["start"], rows["evidence_start"])
    ]
    order = {region: i for i, region in enumerate(_region_order(indicators, table))}
    out = []
    for (region, indicator), group in rows.groupby(["region", "indicator"], sort=False):
        ranked = sorted((r for _, r in group.iterrows()), key=_choice_key)
        best = ranked[0].copy()
        best["figures_stated"] = len(ranked)
        best["other_figures"] = "; ".join(_describe_other(r) for r in ranked[1:])
        out.append(best)
    frame = pd.DataFrame(out)
    frame["_region"] = frame["region"].map(lambda r: order.get(r, len(order)))
    frame["_indicator"] = frame["indicator"].map(ids.index)
    frame = frame.sort_values(["_indicator", "_region"], kind="stable")
    return _typed(frame[FIGURE_COLUMNS].reset_index(drop=True))


def text_table(indicators: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The text rows (named brands, models) of some indicators: region, level, year, period, name, modality, evidence."""
    if not len(indicators):
        return pd.DataFrame(columns=TEXT_COLUMNS)
    rows = indicators[indicators["indicator"].isin(list(ids)) & indicators["value"].isna()].copy()
    rows["name"] = rows["raw"]
    frame = rows[TEXT_COLUMNS].reset_index(drop=True)
    frame["period"] = pd.array(frame["period"], dtype="Int64")
    return frame


def theme_ids(codebook: pd.DataFrame, theme: str, used: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Numeric codebook ids of a theme that no section of the notebook lists (so new codebook rows still show)."""
    rows = codebook[(codebook["theme"] == theme) & (codebook["kind"] == "number") & ~codebook["id"].isin(list(used))]
    return tuple(rows["id"])


def _cell(row: pd.Series) -> str:
    """A wide-table cell: value, unit, period, and the marks that limit comparison."""
    period = f"{int(row['period'])}" if pd.notna(row["period"]) else "period ?"
    marks = [period]
    if is_planned(row["modality"]):
        marks.append("target")
    if row["measure"] == ADDED:
        marks.append("added")
    if row["qualifier"] not in ("exact", "", None) and pd.notna(row["qualifier"]):
        marks.append(str(row["qualifier"]).replace("_", " "))
    return f"{format_number(row['value'])} {row['unit']} ({', '.join(marks)})"


def wide_table(frame: pd.DataFrame, regions: list[str], ids: tuple[str, ...] | list[str], levels: dict[str, str] | None = None) -> pd.DataFrame:
    """Indicators (rows) × regions (columns): the figure with its period and marks, '—' where a report states none."""
    levels = levels or {}
    columns = [f"{r} ({level_label(levels[r])})" if r in levels else r for r in regions]
    data = []
    for indicator in ids:
        zh, en = label_of(indicator)
        line = {"indicator": f"{zh} · {en}"}
        for region, column in zip(regions, columns):
            match = frame[(frame["indicator"] == indicator) & (frame["region"] == region)]
            line[column] = _cell(match.iloc[0]) if len(match) else "—"
        data.append(line)
    return pd.DataFrame(data, columns=["indicator", *columns])


def evidence_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The evidence under a chart or table: region, level, period, modality, label, value, unit, raw text, sentence."""
    out = frame.copy()
    if "level" in out:
        out["level"] = out["level"].map(level_label)
    return out[[c for c in EVIDENCE_COLUMNS if c in out.columns]].reset_index(drop=True)


def levels_of(table: pd.DataFrame) -> dict[str, str]:
    """Region → administrative level, from the corpus table."""
    return dict(zip(table["region"], table["level"])) if len(table) else {}


# --- chart decisions -----------------------------------------------------------------------------


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


def period_text(period: object) -> str:
    """A period as text: '2023', or 'period not stated'."""
    return str(int(period)) if pd.notna(period) else "period not stated"


def describe_figure(row: pd.Series) -> str:
    """'济宁市 (prefecture-level city 地级市, 2023, achieved): 924 元/人/月' — one figure with its comparability."""
    period = f"{int(row['period'])}" if pd.notna(row.get("period")) else "period not stated"
    kind = "target" if is_planned(row["modality"]) else "achieved"
    extra = f", {row['measure']}" if row.get("measure") == ADDED else ""
    return f"{row['region']} ({level_label(row['level'])}, {period}, {kind}{extra}): {format_number(row['value'])} {row['unit']}"


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
        reason = (f"Only one region has a figure for {zh} ({en}) — {describe_figure(rows.iloc[0])} — so there is no chart: "
                  "a chart needs two or more regions with comparable figures; the figure is in the table.")
        return Decision(indicator, zh, en, False, reason, rows, 1)
    measure = rows["measure"] if "measure" in rows else pd.Series(STOCK, index=rows.index)
    groups = rows.assign(_measure=measure).groupby(["unit", "_measure"], sort=False)["region"].nunique()
    (unit, kind), count = groups.idxmax(), int(groups.max())
    if count < 2:
        described = join_words([describe_figure(r) for _, r in rows.iterrows()])
        reason = (f"{len(regions)} regions have figures for {zh} ({en}) but not comparable ones — {described} — so there is no chart: "
                  "a chart needs two or more regions with the same unit and the same measure (a stock or an amount added).")
        return Decision(indicator, zh, en, False, reason, rows, len(regions))
    chosen = rows[(rows["unit"] == unit) & (measure == kind)]
    left_out = rows[~rows.index.isin(chosen.index)]
    reason = f"{count} regions have comparable figures for {zh} ({en}) ({unit}, {kind})."
    if len(left_out):
        reason += f" Left out of the chart as not comparable: {join_words([describe_figure(r) for _, r in left_out.iterrows()])}."
    levels, periods = set(chosen["level"]), set(chosen["period"].dropna())
    if len(levels) > 1:
        reason += (" The regions differ in administrative level; a per-person standard compares across levels."
                   if str(unit).startswith("元/人/") else
                   " The regions differ in administrative level, so the figures differ partly for that reason.")
    if len(periods) > 1:
        reason += " The figures refer to different years."
    if chosen["modality"].map(is_planned).any():
        reason += " Targets are drawn hatched."
    return Decision(indicator, zh, en, True, reason, chosen, len(regions))


def decisions(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> list[Decision]:
    """The chart decision of every indicator."""
    return [chart_decision(frame, i) for i in ids]


# --- the view a notebook shows -------------------------------------------------------------------


def _chart_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows for plotting.region_bar, the region label carrying the period."""
    out = rows.copy()
    out["label"] = [f"{r} ({int(p)})" if pd.notna(p) else f"{r} (period ?)" for r, p in zip(out["region"], out["period"])]
    return out


def draw(allowed: list[Decision], ncols: int = 2) -> Any:
    """One figure with a bar panel per chartable indicator (targets hatched, level and period in tick labels)."""
    import matplotlib.pyplot as plt

    from minzheng.plotting import region_bar

    if not allowed:
        return None
    ncols = min(ncols, len(allowed))
    nrows = int(np.ceil(len(allowed) / ncols))
    widest = max(d.rows["region"].nunique() for d in allowed)
    fig, axes = plt.subplots(nrows, ncols, figsize=(max(4.2, 1.5 * widest + 1.6) * ncols, 3.8 * nrows), squeeze=False)
    handles = []
    for ax, decision in zip(axes.flat, allowed):
        unit = decision.rows["unit"].iloc[0]
        english = "\n".join(textwrap.wrap(decision.label_en, 40, max_lines=2, placeholder="…"))
        region_bar(_chart_rows(decision.rows), region="label", title=f"{decision.label_zh}\n{english}", unit=unit, ax=ax)
        legend = ax.get_legend()
        if legend is not None:
            handles = list(legend.legend_handles)
            legend.remove()
        ax.margins(y=0.18)
    for ax in list(axes.flat)[len(allowed):]:
        ax.set_visible(False)
    if handles:
        fig.legend(handles=handles, loc="outside upper center", ncols=len(handles))
    return fig


@dataclass
class Comparison:
    """The chart decisions of a section, the figure (or None), the evidence under it and the sentences why not."""

    decisions: list[Decision]
    figure: Any = None
    empty_note: str = "No indicator is listed in this section, so there is nothing to chart."

    @property
    def allowed(self) -> list[Decision]:
        """Decisions that allow a chart."""
        return [d for d in self.decisions if d.allowed]

    @property
    def refused(self) -> list[Decision]:
        """Decisions that do not allow a chart but where some report states the figure."""
        return [d for d in self.decisions if not d.allowed and d.stated_by > 0]

    @property
    def unstated(self) -> list[Decision]:
        """Indicators no report states."""
        return [d for d in self.decisions if d.stated_by == 0]

    def charted(self) -> pd.DataFrame:
        """The rows drawn in the chart."""
        frames = [d.rows for d in self.allowed]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FIGURE_COLUMNS)

    def sentences(self) -> str:
        """Markdown: why each indicator has a chart or not, report text escaped."""
        if not self.decisions:
            return md_text("{note}", note=self.empty_note)
        lines = [md_text("- **Charted:** {reason}", reason=d.reason) for d in self.allowed]
        lines += [md_text("- **Table only:** {reason}", reason=d.reason) for d in self.refused]
        if self.unstated:
            lines.append(md_text("- **Not stated by any report:** {labels}.", labels=join_words([d.label for d in self.unstated])))
        return "\n".join(lines)

    def show(self) -> None:
        """Display the chart (when allowed), the evidence table under it, and the sentences."""
        from IPython.display import Markdown, display

        from minzheng.plotting import show_table

        if self.figure is not None:
            display(self.figure)
            import matplotlib.pyplot as plt

            plt.close(self.figure)
            display(Markdown("Evidence for every bar (the sentence each figure comes from):"))
            display(show_table(evidence_table(self.charted())))
        display(Markdown(self.sentences()))


def comparison(frame: pd.DataFrame, ids: tuple[str, ...] | list[str], ncols: int = 2, empty_note: str | None = None) -> Comparison:
    """Decide chart or table for every indicator of a section and draw the allowed ones in one figure.

    `empty_note` is the sentence shown when `ids` is empty (e.g. no per-1,000 figure could be computed).
    """
    found = decisions(frame, ids)
    view = Comparison(found, draw([d for d in found if d.allowed], ncols=ncols))
    if empty_note:
        view.empty_note = empty_note
    return view


# --- derived tables ------------------------------------------------------------------------------

SHARE_COLUMNS = ["region", "level", "year", "period", "beds", "nursing_beds", "nursing_share_pct", "status", "beds_evidence", "nursing_evidence"]


def nursing_share(frame: pd.DataFrame, regions: list[str] | None = None) -> pd.DataFrame:
    """Nursing-type beds as a share of all beds, where one report states both as achieved stocks of the same period."""
    rows = []
    regions = regions if regions is not None else list(dict.fromkeys(frame["region"]))
    for region in regions:
        beds = frame[(frame["region"] == region) & (frame["indicator"] == "ec.beds")]
        nursing = frame[(frame["region"] == region) & (frame["indicator"] == "ec.nursing_beds")]
        if beds.empty and nursing.empty:
            continue
        b, n = (beds.iloc[0] if len(beds) else None), (nursing.iloc[0] if len(nursing) else None)
        status, share = "computed", np.nan
        if b is None or n is None:
            status = "not computed: the report states " + ("nursing-type beds but not all beds" if b is None else "all beds but not nursing-type beds")
        elif ADDED in (b["measure"], n["measure"]):
            status = "not computed: one of the figures is an amount added in the period, not a stock"
        elif is_planned(b["modality"]) or is_planned(n["modality"]):
            status = "not computed: one of the figures is a target"
        elif pd.notna(b["period"]) and pd.notna(n["period"]) and int(b["period"]) != int(n["period"]):
            status = "not computed: the two figures refer to different years"
        else:
            share = float(n["value"]) / float(b["value"]) * 100
        first = b if b is not None else n
        rows.append({
            "region": region, "level": first["level"], "year": first["year"], "period": first["period"],
            "beds": float(b["value"]) if b is not None else np.nan, "nursing_beds": float(n["value"]) if n is not None else np.nan,
            "nursing_share_pct": share, "status": status,
            "beds_evidence": b["evidence"] if b is not None else "", "nursing_evidence": n["evidence"] if n is not None else "",
        })
    return typed_frame(rows, SHARE_COLUMNS, ("beds", "nursing_beds", "nursing_share_pct"))


def per_capita_figures(per_capita: pd.DataFrame) -> pd.DataFrame:
    """Per-1,000 rows (reference.per_capita) as a figure table, so chart_decision and comparison can use them."""
    computed = per_capita[per_capita["per_1000"].notna()].copy()
    computed["indicator"] = computed["indicator"] + " / " + computed["denominator"]
    computed["label_zh"] = computed["label_zh"] + " " + computed["denominator"].map(lambda d: DENOMINATOR_ZH.get(d, d))
    computed["label_en"] = computed["label_en"] + " " + computed["denominator"].map(lambda d: DENOMINATOR_EN.get(d, d))
    computed["value"] = computed["per_1000"]
    computed["unit"] = computed["per_1000_unit"]
    if "measure" not in computed:
        computed["measure"] = STOCK
    return computed.reset_index(drop=True)


def per_capita_ids(per_capita: pd.DataFrame) -> list[str]:
    """The pseudo-indicator ids of per_capita_figures that have at least one computed figure, in table order."""
    computed = per_capita[per_capita["per_1000"].notna()]
    return list(dict.fromkeys(computed["indicator"] + " / " + computed["denominator"]))


# --- sentences -----------------------------------------------------------------------------------


def stated_by(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> list[str]:
    """Regions (in table order) that state any of the indicators."""
    rows = frame[frame["indicator"].isin(list(ids))] if len(frame) else frame
    return list(dict.fromkeys(rows["region"])) if len(rows) else []


def coverage_sentence(frame: pd.DataFrame, ids: tuple[str, ...] | list[str], regions: list[str], what: str) -> str:
    """Markdown: how many of the reports state any of a section's figures, and which."""
    who = stated_by(frame, ids)
    silent = [r for r in regions if r not in who]
    text = md_text("**{count} of {total}** {verb} {what}", count=len(who), total=_reports(len(regions)),
                   verb="states" if len(who) == 1 else "state", what=what)
    if who:
        text += md_text(": {who}", who=join_words(who))
    if silent and who:
        text += md_text("; {silent} {verb} none (not stated, which is not the same as zero)", silent=join_words(silent),
                        verb="states" if len(silent) == 1 else "state")
    return text + "."


def _reports(count: int) -> str:
    """'1 report' or '5 reports'."""
    return f"{count} report" if count == 1 else f"{count} reports"


def figures_sentence(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> str:
    """Markdown list: every stated figure of the indicators with region, level, period and modality."""
    lines = []
    for indicator in ids:
        rows = frame[frame["indicator"] == indicator]
        if rows.empty:
            continue
        zh, en = rows["label_zh"].iloc[0], rows["label_en"].iloc[0]
        described = join_words([describe_figure(r) for _, r in rows.iterrows()])
        lines.append(md_text("- {zh} ({en}): {described}.", zh=zh, en=en, described=described))
    return "\n".join(lines)


def multiple_figures_note(frame: pd.DataFrame) -> str:
    """Markdown: the region × indicator cells where a report states more than one figure, and which one is shown."""
    many = frame[frame["figures_stated"] > 1] if len(frame) else frame
    if many.empty:
        return "Every report states each of these figures once."
    items = [f"{r.region} {r.label_zh} shows {r.raw}, also stated: {r.other_figures}" for r in many.itertuples()]
    return md_text(
        "{count} {cells} more than one figure from the same report; the table shows the achieved figure of the report's "
        "year, a stock before an amount added, then the largest (usually the total), and lists the others: {items}.",
        count=len(many), cells="region × indicator cell holds" if len(many) == 1 else "region × indicator cells hold",
        items="; ".join(items),
    )


# --- files ---------------------------------------------------------------------------------------


def notebook_output_dir(output_dir: str | Path | None, notebook: str) -> Path:
    """Return (and create) the folder a notebook saves its tables in: output_dir/<notebook>/."""
    from minzheng.compare import resolve_output_dir

    folder = resolve_output_dir(output_dir) / notebook
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_table(frame: pd.DataFrame, folder: Path, name: str) -> Path:
    """Write a table as UTF-8 CSV (stable bytes for identical data) and return its path."""
    path = Path(folder) / f"{name}.csv"
    text = frame.to_csv(index=False, lineterminator="\n")
    tmp = path.with_suffix(".csv.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


# --- sections, subsets and prose for the theme notebooks -------------------------------------------

THEME_SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "social_assistance": {"standards": SA_STANDARDS, "people": SA_PEOPLE + SA_RATES, "money": SA_MONEY},
    "elderly_care": {"capacity": EC_CAPACITY, "money": EC_MONEY},
    "child_protection": {"standards": CP_STANDARDS, "network": CP_NETWORK, "money": CP_MONEY, "activities": CP_ACTIVITIES},
}


def theme_sections(theme: str) -> dict[str, tuple[str, ...]]:
    """A theme's sections (name → codebook ids), plus 'other': numeric ids of the theme no section lists."""
    from minzheng.codebook import load_codebook

    sections = dict(THEME_SECTIONS.get(theme, {}))
    used = [i for ids in sections.values() for i in ids]
    sections["other"] = theme_ids(load_codebook(), theme, used)
    return sections


def achieved_stocks(frame: pd.DataFrame, ids: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """The achieved stocks (not targets, not amounts added) of a figure table, optionally of some indicators only."""
    rows = frame if ids is None else subset(frame, ids)
    if rows.empty:
        return rows
    keep = ~rows["modality"].map(is_planned) & (rows["measure"] != ADDED)
    return rows[keep].reset_index(drop=True)


def subset(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The rows of a figure table whose indicator is among `ids`."""
    return frame[frame["indicator"].isin(list(ids))].reset_index(drop=True)


def reports_line(table: pd.DataFrame) -> str:
    """Markdown: the reports with level, year and genre — '莒县 (county 县, 2023, annual summary), …'."""
    if table.empty:
        return "The selection holds no report."
    items = [f"{r.region} ({level_label(r.level)}, {r.year}, {r.genre or 'genre not stated'})" for r in table.itertuples()]
    return md_text("The selection holds {count}: {items}.", count=_reports(len(table)), items=join_words(items))


CONVERSION_COLUMNS = ["region", "level", "period", "modality", "label_zh", "value_stated", "unit_stated", "conversion", "value", "unit", "raw", "evidence"]


def conversion_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Standards with the stated value and unit, the conversion to 元/人/月, and the evidence sentence."""
    out = frame.copy()
    out["level"] = out["level"].map(level_label)
    return out[CONVERSION_COLUMNS].reset_index(drop=True)


def chartable_sentence(found: list[Comparison] | Comparison, what: str) -> str:
    """Markdown: how many indicators of a section two or more regions state comparably, and how many only one does."""
    found = [found] if isinstance(found, Comparison) else found
    all_decisions = [d for c in found for d in c.decisions]
    allowed = [d for d in all_decisions if d.allowed]
    single = [d for d in all_decisions if not d.allowed and d.stated_by == 1]
    mixed = [d for d in all_decisions if not d.allowed and d.stated_by > 1]
    text = md_text(
        "Of the {n} {what} indicators, {k} can be compared because two or more regions state comparable figures",
        n=len(all_decisions), what=what, k=len(allowed),
    )
    if allowed:
        text += md_text(" ({labels})", labels=join_words([d.label_en for d in allowed]))
    text += md_text("; {s} are stated by one region only", s=len(single))
    if mixed:
        text += md_text(" and {m} by several regions in ways that cannot be compared ({labels})", m=len(mixed), labels=join_words([d.label_en for d in mixed]))
    unstated = len(all_decisions) - len(allowed) - len(single) - len(mixed)
    if unstated:
        text += md_text("; {u} are not stated at all", u=unstated)
    return text + "."


def comparison_findings(found: Comparison) -> str:
    """Markdown list: the figures behind every chart of a comparison, with level, period and modality."""
    lines = []
    for decision in found.allowed:
        described = join_words([describe_figure(r) for _, r in decision.rows.iterrows()])
        lines.append(md_text("{label_en} ({label_zh}): {described}.", label_en=decision.label_en, label_zh=decision.label_zh, described=described))
    return " ".join(lines)


def caveats(table: pd.DataFrame, *frames: pd.DataFrame) -> str:
    """Markdown bullets: what limits comparing the figures of the tables (levels, years, targets, genres, gaps)."""
    rows = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else pd.DataFrame(columns=FIGURE_COLUMNS)
    counties = int((table["level"] == "county").sum())
    cities = int((table["level"] == "prefecture-level city").sum())
    periods = sorted({int(p) for p in rows["period"].dropna()}) if len(rows) else []
    planned = int(rows["modality"].map(is_planned).sum()) if len(rows) else 0
    added = int((rows["measure"] == ADDED).sum()) if len(rows) else 0
    genres = ", ".join(dict.fromkeys(g for g in table["genre"] if g)) or "not stated"
    lines = [
        md_text("- **Administrative level.** The selection holds {counties} and {cities}. A city's counts (people, beds, money) "
                "include its counties, so counts compare only within a level; standards per person (元/人/月) compare across levels.",
                counties=f"{counties} {'county' if counties == 1 else 'counties'} (县)",
                cities=f"{cities} prefecture-level {'city' if cities == 1 else 'cities'} (地级市)"),
        md_text("- **Years.** The figures in these tables refer to {years}; standards, capacity and spending grow most years, "
                "so figures of different years differ for that reason alone.", years=join_words([str(p) for p in periods]) if periods else "no year"),
        md_text("- **Achieved vs target.** {planned} of the {total} figures in these tables are targets or plans, not results; "
                "charts draw them hatched and tables mark them.", planned=planned, total=len(rows)),
        md_text("- **Stocks vs amounts added.** {added} of the figures are amounts added in the period (新增, 新建, 增加 …); "
                "they are never charted against stocks.", added=added),
        md_text("- **Genres.** The reports' genres are {genres}; each genre states different things, and a figure a report does not "
                "state is *not stated*, never zero.", genres=genres),
        "- **Machine extraction.** Every figure was read by the extractor from the report's text; its evidence sentence is "
        "shown so that it can be checked.",
    ]
    return "\n".join(lines)


def nursing_share_sentence(share: pd.DataFrame) -> str:
    """Markdown: the nursing-bed share of every report that allows it, and why the others do not."""
    if share.empty:
        return "No report in this selection states elderly-care beds or nursing-type beds."
    done = share[share["nursing_share_pct"].notna()]
    parts = [
        md_text("{region} ({level}, {period}): {nursing} of {beds} beds are nursing-type, **{pct}%**",
                region=r.region, level=level_label(r.level), period=period_text(r.period),
                nursing=r.nursing_beds, beds=r.beds, pct=f"{r.nursing_share_pct:.1f}")
        for r in done.itertuples()
    ]
    text = "; ".join(parts) + "." if parts else "No report states both all beds and nursing-type beds as stocks of the same year, so no share can be computed."
    rest = share[share["nursing_share_pct"].isna()]
    if len(rest):
        text += " " + md_text("Not computed: {items}.", items="; ".join(f"{r.region} — {r.status.removeprefix('not computed: ')}" for r in rest.itertuples()))
    return text


def brands_sentence(brands: pd.DataFrame, regions: list[str]) -> str:
    """Markdown: which reports name a service brand, with the names, targets marked."""
    if brands.empty:
        return md_text("None of the {n} names a social-assistance service brand that the extractor recognises.", n=_reports(len(regions)))
    parts = []
    for region, rows in brands.groupby("region", sort=False):
        names = [f"{r.name}{' (planned)' if is_planned(r.modality) else ''}" for r in rows.itertuples()]
        parts.append(f"{region}: {', '.join(dict.fromkeys(names))}")
    return md_text("{k} of {n} name social-assistance service brands or named mechanisms — {parts}.",
                   k=brands["region"].nunique(), n=_reports(len(regions)), parts="; ".join(parts))


RATIO_COLUMNS = ["region", "level", "year", "period", "numerator", "numerator_value", "denominator", "denominator_value", "ratio", "status", "numerator_evidence", "denominator_evidence"]


def within_report_ratio(indicators: pd.DataFrame, numerator: str, denominator: str, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """numerator ÷ denominator where one report states both as achieved figures of the same period (NaN otherwise)."""
    both = figure_table(indicators, (numerator, denominator), table)
    rows = []
    for region in dict.fromkeys(both["region"]):
        top = both[(both["region"] == region) & (both["indicator"] == numerator)]
        bottom = both[(both["region"] == region) & (both["indicator"] == denominator)]
        if top.empty:
            continue
        t = top.iloc[0]
        b = bottom.iloc[0] if len(bottom) else None
        status, ratio = "computed", np.nan
        if b is None:
            status = "not computed: the report does not state the denominator"
        elif is_planned(t["modality"]) or is_planned(b["modality"]):
            status = "not computed: one of the figures is a target"
        elif pd.notna(t["period"]) and pd.notna(b["period"]) and int(t["period"]) != int(b["period"]):
            status = "not computed: the figures refer to different years"
        elif float(b["value"]) > 0:
            ratio = float(t["value"]) / float(b["value"])
        rows.append({
            "region": region, "level": t["level"], "year": t["year"], "period": t["period"],
            "numerator": t["label_zh"], "numerator_value": float(t["value"]),
            "denominator": b["label_zh"] if b is not None else label_of(denominator)[0],
            "denominator_value": float(b["value"]) if b is not None else np.nan, "ratio": ratio, "status": status,
            "numerator_evidence": t["evidence"], "denominator_evidence": b["evidence"] if b is not None else "",
        })
    return typed_frame(rows, RATIO_COLUMNS, ("numerator_value", "denominator_value", "ratio"))
