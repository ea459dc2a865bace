"""Sentences about reference populations: which reports have their own region's population, a per-1,000 figure
report by report or the reason there is none, and the caveat on the populations used."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.benchmarks import DENOMINATOR_EN
from minzheng.compare.population import AVAILABLE, MAX_YEARS_APART, STATUS_COMPUTED
from minzheng.english import format_number, join_words, year_text
from minzheng.present.markdown import md_text


def _reason(status: object) -> str:
    """A gap's reason without its 'gap: ' mark."""
    return str(status).removeprefix("gap: ")


def _measure(denominator: str) -> str:
    """'residents aged 60+' for a population measure."""
    return DENOMINATOR_EN.get(denominator, denominator).removeprefix("per 1,000 ")


def by_report_sentence(frame: pd.DataFrame) -> str:
    """Markdown: one indicator per 1,000 of one population measure, report by report (compare.population.by_report):
    the value with its figure, population, date and reliability, or the reason there is none."""
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
    lines = []
    for r in frame.itertuples():
        head = md_text("- **{region}** (report of {year}): ", region=r.region, year=year_text(r.year))
        if r.status != STATUS_COMPUTED:
            lines.append(head + md_text("no value — {reason}.", reason=_reason(r.status)))
            continue
        lines.append(
            head
            + md_text(
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
        )
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
    if len(missing):
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
