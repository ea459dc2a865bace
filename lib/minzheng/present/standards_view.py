"""Published standards on a notebook page: a chart per standard (one panel, readable in an e-mail), the steps of a
standard over time with their sources, and the caveat on where the standards come from."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.reference_sheet import sources_view
from minzheng.compare.standard_steps import RegionSteps, steps_table
from minzheng.compare.standards_coverage import chart_ids, found
from minzheng.compare.views import example_lines, where_every
from minzheng.english import format_number, join_words, noun
from minzheng.present.markdown import md_text, show_table
from minzheng.present.standards_charts import in_force_chart, steps_chart
from minzheng.present.standards_prose import in_force_sentence, steps_sentence

STEP_VIEW = [
    "region",
    "step",
    "value",
    "unit",
    "effective_from",
    "known_in_force_before",
    "change",
    "growth_per_year_pct",
    "reliability",
    "standard_ref",
]


NO_STEPS = (
    "No region of this selection has two or more dated steps of this standard in the reference file, so no standard "
    "over time is drawn."
)


def _show_figure(figure: object) -> None:
    """Display a matplotlib figure once and close it."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(figure)
    plt.close(figure)


def table_only_note(in_force: pd.DataFrame, indicator: str) -> str:
    """Markdown: why a standard gets no chart (fewer than two reports have a published standard of it)."""
    rows = in_force[in_force["indicator"] == indicator]
    label = rows["label_en"].iloc[0] if len(rows) else indicator
    who = list(dict.fromkeys(found(rows)["region"]))
    if not who:
        return md_text("- **Table only:** no report here has a published {label} in the reference file.", label=label)
    return md_text(
        "- **Table only:** only {who} has a published {label} in the reference file, so a chart would set it "
        "beside nothing.",
        who=join_words(who),
        label=label,
    )


def show_in_force(in_force: pd.DataFrame, ids: list[str] | tuple[str, ...] | None = None) -> None:
    """Display a chart per standard (default: those with averages) where two or more reports have a published one,
    a note where fewer do, then the sentence on every report's standards in force."""
    from IPython.display import Markdown, display

    ids = list(ids) if ids is not None else chart_ids(in_force)
    hits = found(in_force)
    notes = []
    for indicator in ids:
        if hits.loc[hits["indicator"] == indicator, "region"].nunique() >= 2:
            _show_figure(in_force_chart(in_force, [indicator]))
        else:
            notes.append(table_only_note(in_force, indicator))
    if notes:
        display(Markdown("\n".join(notes)))
    display(Markdown(in_force_sentence(in_force, ids)))


def show_steps(over_years: list[RegionSteps]) -> None:
    """Display each region's steps over time (chart and sentence; for many regions the first few and a count, views.py),
    then the steps with their sources; a sentence where no region has two or more dated steps."""
    from IPython.display import Markdown, display

    if not over_years:
        display(Markdown(NO_STEPS))
        return
    drawn, left_out = example_lines(over_years, len(over_years))  # many regions: a few drawn, the rest in the table
    for item in drawn:
        _show_figure(steps_chart(item.steps, item.averages, report_years=item.report_years))
        display(Markdown(steps_sentence(item.steps, item.growth)))
    if left_out:
        note = "Drawn above: {k} of the {n} regions with two or more dated steps; the table below lists every step, and {where}."
        display(Markdown(md_text(note, k=len(drawn), n=len(over_years), where=where_every("standard_steps"))))
    table = steps_table(over_years)
    display(
        Markdown("Every step with its reliability and reference row (*standard_ref*, file and line), then the sources:")
    )
    display(show_table(table[STEP_VIEW]))
    display(show_table(sources_view(table)))


def _apart(in_force: pd.DataFrame) -> str:
    """'from 0 to 3 years before' (or 'N years before') the reports' years, from the published rows."""
    years = sorted(set(found(in_force)["years_apart"].dropna()))
    if not years:
        return "at dates the source does not give relative to"
    if len(years) == 1:
        return f"{noun(int(years[0]), 'year')} before" if years[0] else "in the same year as"
    return f"from {format_number(years[0])} to {format_number(years[-1])} years before"


def standards_caveat(in_force: pd.DataFrame) -> str:
    """Markdown caveat: where the published standards come from (their reliability), how far their dates lie from
    the reports' years, and what a gap means."""
    hits = found(in_force)
    if hits.empty:
        return (
            "- **Published standards.** The reference file holds no published standard for these reports; a gap "
            "means the reference holds none, not that the region has none."
        )
    return md_text(
        "- **Published standards.** They come from the reference file, not from the reports, and mostly from copies "
        "of official notices (reliability of the rows used: {reliability}). They took effect {apart} each report's "
        "year, so a later step the reference does not hold may already apply. A city may set a standard per tier "
        "(county, district), and every tier is shown. A gap means the reference holds no standard, not that the "
        "region has none.",
        reliability="; ".join(dict.fromkeys(hits["reliability"])),
        apart=_apart(in_force),
    )
