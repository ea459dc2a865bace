"""Sentences about reference populations: which reports have their own region's population, a per-1,000 figure
report by report or the reason there is none, and the caveat on the populations used."""

from __future__ import annotations

from typing import Any

import pandas as pd

from minzheng.compare.benchmarks import DENOMINATOR_EN
from minzheng.compare.population import AGED_60, AVAILABLE, MAX_YEARS_APART, RESIDENTS, STATUS_COMPUTED, gap_kind
from minzheng.compare.views import ENDS, example_lines, reason_groups, rest_note, side_by_side, where_every
from minzheng.english import format_number, join_words, year_text
from minzheng.present.markdown import md_text


def _reason(status: object) -> str:
    """A gap's reason without its 'gap: ' mark."""
    return str(status).removeprefix("gap: ")


def _measure(denominator: str) -> str:
    """'residents aged 60+' for a population measure."""
    return DENOMINATOR_EN.get(denominator, denominator).removeprefix("per 1,000 ")


def _computed_line(r: Any) -> str:
    """'- **莒县** (report of 2023): **12.3** (… ÷ … as of …; source, reliability).' for one computed row."""
    return md_text("- **{region}** (report of {year}): ", region=r.region, year=year_text(r.year)) + md_text(
        "**{value}** ({figure} {unit} in {period} ÷ {population} {measure} as of {as_of}; {source}, {reliability}).",
        value=format_number(round(r.per_1000, 1)),
        figure=format_number(r.value),
        unit=r.unit,
        period=year_text(r.period),
        population=format_number(r.population),
        measure=_measure(r.denominator),
        as_of=r.population_as_of,
        source=r.source_title,
        reliability=r.reliability,
    )


def _many(done: pd.DataFrame, missing: pd.DataFrame, table: str) -> str:
    """Markdown for many reports: the computed values' range with a few examples, then the reports without a value
    counted by the kind of their reason, a few named each, and where every row is."""
    lines, left_out = example_lines([_computed_line(r) for r in done.itertuples()], len(done) + len(missing))
    if len(done):
        values = done["per_1000"].astype(float)
        spread = md_text(
            "- From {low} to {high} (median {median}), for example:",
            low=format_number(round(values.min(), 1)),
            high=format_number(round(values.max(), 1)),
            median=format_number(round(values.median(), 1)),
        )
        lines.insert(0, spread)
    groups = reason_groups([gap_kind(s) for s in missing["status"]], list(missing["region"]))
    lines += [
        md_text("- No value for {n} — {kind} ({who}).", n=len(w), kind=k, who=join_words(w, limit=ENDS))
        for k, w in groups
    ]
    rest = rest_note(left_out, table) if left_out else where_every(table).capitalize() + "."
    return "\n".join([*lines, md_text("- {rest}", rest=rest)])


# The saved table's name for a population measure: beds_per_1000_aged_60.csv, beds_per_1000_residents.csv.
TABLE_MEASURES = {AGED_60: "aged_60", RESIDENTS: "residents"}


def table_name(frame: pd.DataFrame) -> str:
    """The name a notebook saves a by-report table under: 'beds_per_1000_aged_60' for beds per 1,000 aged 60+."""
    first = frame.iloc[0]
    measure = TABLE_MEASURES.get(first["denominator"], first["denominator"])
    return f"{str(first['indicator']).split('.')[-1]}_per_1000_{measure}"


def by_report_sentence(frame: pd.DataFrame, table: str | None = None) -> str:
    """Markdown: one indicator per 1,000 of one population measure, report by report (compare.population.by_report):
    the value with its figure, population, date and reliability, or the reason there is none; for many reports
    (views.py), the range with a few examples and the reports without a value counted by reason (`table`: the saved
    table that holds every row)."""
    if frame.empty:
        return "No report is selected, so nothing is set against a population."
    first = frame.iloc[0]
    done = frame[frame["status"] == STATUS_COMPUTED]
    text = md_text(
        "**{label} {per}** can be computed for {k} of {n} reports:",
        label=str(first["label_en"]).capitalize(),
        per=DENOMINATOR_EN.get(first["denominator"], first["denominator"]),
        k=len(done),
        n=len(frame),
    )
    if not side_by_side(len(frame)):  # many reports: a few values, and the rest counted by reason (views.py)
        return text + "\n" + _many(done, frame[frame["status"] != STATUS_COMPUTED], table or table_name(frame))
    lines = [
        _computed_line(r)
        if r.status == STATUS_COMPUTED
        else md_text("- **{region}** (report of {year}): ", region=r.region, year=year_text(r.year))
        + md_text("no value — {reason}.", reason=_reason(r.status))
        for r in frame.itertuples()
    ]
    return text + "\n" + "\n".join(lines)


def availability_sentence(available: pd.DataFrame) -> str:
    """Markdown: how many reports have their own region's population of each measure in the reference file, and
    the reason for each that has not."""
    if available.empty:
        return "No report is selected, so no population is looked up."
    reports = available.drop_duplicates(["region", "year"])
    parts = []
    for denominator, rows in available.groupby("denominator", sort=False):
        k = int((rows["status"] == AVAILABLE).sum())
        parts.append(
            md_text(
                "{k} {have} own count of {measure}",
                k=k,
                have="has its" if k == 1 else "have their",
                measure=_measure(str(denominator)),
            )
        )
    text = md_text("Of the {n} reports, ", n=len(reports)) + join_words(parts) + " in the reference file"
    text += " (each with its date, source and reliability in the table)."
    missing = available[available["status"] != AVAILABLE]
    if len(missing) and not side_by_side(len(reports)):  # many reports: counted by measure and reason (views.py)
        groups = [
            md_text("{n} for {measure} — {kind} ({who})", n=len(who), measure=_measure(str(d)), kind=kind,
                    who=join_words(who, limit=ENDS))
            for d, rows in missing.groupby("denominator", sort=False)
            for kind, who in reason_groups([gap_kind(s) for s in rows["status"]], list(rows["region"]))
        ]  # fmt: skip
        text += (
            " Without one, by reason: "
            + "; ".join(groups)
            + md_text("; {where}.", where=where_every("population_availability"))
        )
        text += " Such a region gets no per-1,000 figure: nothing is estimated or borrowed from another region."
    elif len(missing):
        text += " Without one: " + "; ".join(
            md_text("{region} ({measure}): {reason}", region=r.region, measure=_measure(r.denominator),
                    reason=_reason(r.status))
            for r in missing.itertuples()
        )  # fmt: skip
        text += ". Such a region gets no per-1,000 figure: nothing is estimated or borrowed from another region."
    return text


def population_caveat(per_capita: pd.DataFrame) -> str:
    """Markdown caveat: the dates and reliability of the populations divided by, and the populations never used."""
    used = per_capita[per_capita["status"] == STATUS_COMPUTED].drop_duplicates("population_ref")
    rule = md_text(
        "A registered (户籍) count, a parent city's count or share, and a population more than {limit} years from the "
        "figure's period are never used.",
        limit=MAX_YEARS_APART,
    )
    if used.empty:
        return "- **Populations.** No figure here is divided by a population. " + rule
    return (
        md_text(
            "- **Populations.** The populations divided by are of {dates}, from {reliability} (each row's source is "
            "in the table); they are not the figures' own dates, and the column *years_apart* says how far apart. ",
            dates=join_words(sorted(set(used["population_as_of"]))),
            reliability="; ".join(dict.fromkeys(used["reliability"])),
        )
        + rule
    )
