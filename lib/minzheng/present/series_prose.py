"""Sentences about several reports per region: which report each region's cross-section takes, which it leaves out,
which regions have a series of years, and how each followed figure changed."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.series import ACHIEVED
from minzheng.corpus import Corpus
from minzheng.corpus.selection import published
from minzheng.english import LIST_MAX, capped, format_number, join_words, level_label
from minzheng.present.markdown import md_text
from minzheng.read.report import Report


def _years(years: list[int]) -> str:
    """'2021 and 2022'."""
    return join_words([str(y) for y in years])


def report_name(report: Report) -> str:
    """'兰陵县 2021 (001_….txt, annual summary, published 2022-01-10)': a report by region, year, file, genre, date."""
    year = report.year if report.year is not None else "year unknown"
    genre = report.meta.get("genre", "") or "genre not stated"
    date = f"published {published(report)}" if published(report) else "no published date"
    return f"{report.place or report.region} {year} ({report.file}, {genre}, {date})"


def series_clause(series_regions: dict[str, list[int]], where: str) -> str:
    """Markdown: which regions have reports of two or more years, and where their change over time is shown."""
    if not series_regions:
        return "No region has reports of two or more years, so no change over time can be shown."
    items = [f"{region} ({_years(years)})" for region, years in series_regions.items()]
    return md_text(
        "{count} reports of two or more years: {items}; {their} change over time is shown {where}.",
        count="One region has" if len(items) == 1 else f"{len(items)} regions have",
        items=join_words(items),
        their="its" if len(items) == 1 else "their",
        where=where,
    )


def selection_sentence(corpus: Corpus, where: str = "at the end of this page") -> str:
    """Markdown: how the cross-section was chosen, the reports it leaves out, and the regions with a series; a single
    sentence when every region has one report."""
    whole = corpus.source or corpus
    if len(whole.regions) == len(whole):
        return "Every region has one report, so the cross-section holds them all and no region has a series of years."
    if corpus.per_region == "all":
        several = [r.region for r in corpus.reports if r.place]
        text = md_text(
            'Every report is in the cross-section (per_region = "all"): a region with several reports appears once per '
            "report, named with its year ({labels}).",
            labels=join_words(several),
        )
    else:
        left = [report_name(r) for r in corpus.left_out]
        text = md_text(
            "The cross-section takes the newest report of each region (by year, then published date; "
            'per_region = "latest"), so {count} left out of it: {left}.',
            count=f"{len(left)} report is" if len(left) == 1 else f"{len(left)} reports are",
            left="; ".join(capped(left)),
        )
    return text + " " + series_clause(whole.series_regions(), where)


def series_intro(series_regions: dict[str, list[int]], levels: dict[str, str]) -> str:
    """Markdown: the regions followed over time and how the chart marks achieved figures and targets."""
    items = [
        f"{region} ({level_label(levels.get(region, ''))}: {_years(years)})" for region, years in series_regions.items()
    ]
    return md_text(
        "Reports of two or more years: {items}. Each panel follows one indicator over the years the reports state it: "
        "achieved figures are filled dots on a solid line, targets hollow dots on a dashed line; standards are in "
        "元/人/月, and a figure whose year the report does not state stands at the report's year. Only figures of "
        "the same unit and measure (a stock, or an amount added in the period) are joined.",
        items=join_words(items),
    )


def _change(row: pd.Series) -> str:
    """'+8.3%' or '−2.1%' or 'no change'."""
    if row["change"] == 0:
        return "no change"
    if pd.isna(row["change_pct"]):
        return f"{'+' if row['change'] > 0 else '−'}{format_number(abs(row['change']))}"
    return f"{'+' if row['change'] > 0 else '−'}{abs(row['change_pct']):.1f}%"


def change_lines(changes: pd.DataFrame) -> str:
    """Markdown bullets: each followed figure from its first to its last achieved year."""
    lines = []
    shown = changes.head(LIST_MAX) if len(changes) > LIST_MAX else changes
    for _, row in shown.iterrows():
        added = ", added in the period" if row["measure"] != "stock or total" else ""
        lines.append(
            md_text(
                "- {region}, {zh} ({en}{added}): {first} {unit} in {p1} → {last} {unit} in {p2} ({change}).",
                region=row["region"],
                zh=row["label_zh"],
                en=row["label_en"],
                added=added,
                first=format_number(row["first_value"]),
                last=format_number(row["last_value"]),
                unit=row["unit"],
                p1=str(row["first_period"]),
                p2=str(row["last_period"]),
                change=_change(row),
            )
        )
    if len(shown) < len(changes):
        lines.append(md_text("- … and {n} more changes (series.csv holds every one).", n=len(changes) - len(shown)))
    return "\n".join(lines)


def series_summary(series: pd.DataFrame, changes: pd.DataFrame, single: list[str]) -> str:
    """Markdown: how many indicators could be followed, how they changed, and which are stated in one year only."""
    if series.empty:
        return "None of these reports states a figure of this theme, so nothing can be followed over time."
    labels = dict(zip(series["indicator"], series["label_zh"]))
    followed = changes["indicator"].nunique() if len(changes) else 0
    text = md_text(
        "{followed} of this theme's indicators {verb} achieved figures in two or more years.",
        followed=followed,
        verb="has" if followed == 1 else "have",
    )
    if single:
        text += md_text(" Stated in one year only: {items}.", items=join_words([labels[i] for i in single]))
    targets = series[series["kind"] != ACHIEVED]
    if len(targets):
        text += md_text(" Points that are targets (drawn hollow): {n}.", n=len(targets))
    lines = change_lines(changes)
    return text + ("\n\n" + lines if lines else "")
