"""Sentences about figure tables: who states what, what can be charted, caveats and findings."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.chart_choice import describe_figure
from minzheng.compare.figure_tables import ADDED, FIGURE_COLUMNS
from minzheng.compare.views import side_by_side
from minzheng.english import capped, format_number, join_words, level_label, period_text
from minzheng.extract.modality import is_planned
from minzheng.present.figure_charts import Comparison
from minzheng.present.markdown import md_text


def stated_by(frame: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> list[str]:
    """Regions (in table order) that state any of the indicators."""
    rows = frame[frame["indicator"].isin(list(ids))] if len(frame) else frame
    return list(dict.fromkeys(rows["region"])) if len(rows) else []


def coverage_sentence(frame: pd.DataFrame, ids: tuple[str, ...] | list[str], regions: list[str], what: str) -> str:
    """Markdown: how many of the reports state any of a section's figures, and which."""
    who = stated_by(frame, ids)
    silent = [r for r in regions if r not in who]
    text = md_text(
        "**{count} of {total}** {verb} {what}",
        count=len(who),
        total=_reports(len(regions)),
        verb="states" if len(who) == 1 else "state",
        what=what,
    )
    if who:
        text += md_text(": {who}", who=join_words(who))
    if silent and who:
        text += md_text(
            "; {silent} {verb} none (not stated, which is not the same as zero)",
            silent=join_words(silent),
            verb="states" if len(silent) == 1 else "state",
        )
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
        count=len(many),
        cells="region × indicator cell holds" if len(many) == 1 else "region × indicator cells hold",
        items="; ".join(capped(items)),
    )


def reports_line(table: pd.DataFrame) -> str:
    """Markdown: the reports with level, year and genre — '莒县 (county 县, 2023, annual summary), …'."""
    if table.empty:
        return "The selection holds no report."
    items = [
        f"{r.region} ({level_label(r.level)}, {r.year}, {r.genre or 'genre not stated'})" for r in table.itertuples()
    ]
    return md_text("The selection holds {count}: {items}.", count=_reports(len(table)), items=join_words(items))


def chartable_sentence(found: list[Comparison] | Comparison, what: str) -> str:
    """Markdown: how many indicators of a section two or more regions state comparably, and how many only one does."""
    found = [found] if isinstance(found, Comparison) else found
    all_decisions = [d for c in found for d in c.decisions]
    allowed = [d for d in all_decisions if d.allowed]
    single = [d for d in all_decisions if not d.allowed and d.stated_by == 1]
    mixed = [d for d in all_decisions if not d.allowed and d.stated_by > 1]
    text = md_text(
        "Of the {n} {what} indicators, {k} can be compared because two or more regions state comparable figures",
        n=len(all_decisions),
        what=what,
        k=len(allowed),
    )
    if allowed:
        text += md_text(" ({labels})", labels=join_words([d.label_en for d in allowed]))
    text += md_text("; {s} are stated by one region only", s=len(single))
    if mixed:
        text += md_text(
            " and {m} by several regions in ways that cannot be compared ({labels})",
            m=len(mixed),
            labels=join_words([d.label_en for d in mixed]),
        )
    unstated = len(all_decisions) - len(allowed) - len(single) - len(mixed)
    if unstated:
        text += md_text("; {u} are not stated at all", u=unstated)
    return text + "."


def comparison_findings(found: Comparison) -> str:
    """Markdown list: the figures behind every chart of a comparison, with level, period and modality."""
    lines = []
    for decision in found.allowed:
        if not side_by_side(decision.rows["region"].nunique()):  # many regions: the spread and its two ends
            lines.append(spread_sentence(decision.rows, decision.label_en, decision.label_zh))
            continue
        described = join_words([describe_figure(r) for _, r in decision.rows.iterrows()])
        lines.append(
            md_text(
                "{label_en} ({label_zh}): {described}.",
                label_en=decision.label_en,
                label_zh=decision.label_zh,
                described=described,
            )
        )
    return " ".join(lines)


def figure_caveats(table: pd.DataFrame, *frames: pd.DataFrame) -> str:
    """Markdown bullets: what limits comparing the figures of the tables (levels, years, targets, genres, gaps)."""
    rows = (
        pd.concat([f for f in frames if len(f)], ignore_index=True)
        if any(len(f) for f in frames)
        else pd.DataFrame(columns=FIGURE_COLUMNS)
    )
    counties = int((table["level"] == "county").sum())
    cities = int((table["level"] == "prefecture-level city").sum())
    periods = sorted({int(p) for p in rows["period"].dropna()}) if len(rows) else []
    planned = int(rows["modality"].map(is_planned).sum()) if len(rows) else 0
    added = int((rows["measure"] == ADDED).sum()) if len(rows) else 0
    genres = ", ".join(dict.fromkeys(g for g in table["genre"] if g)) or "not stated"
    lines = [
        md_text(
            "- **Administrative level.** The selection holds {counties} and {cities}. A city's counts (people, beds, money) "
            "include its counties, so counts compare only within a level; standards per person (元/人/月) compare across levels.",
            counties=f"{counties} {'county' if counties == 1 else 'counties'} (县)",
            cities=f"{cities} prefecture-level {'city' if cities == 1 else 'cities'} (地级市)",
        ),
        md_text(
            "- **Years.** The figures in these tables refer to {years}; standards, capacity and spending grow most years, "
            "so figures of different years differ for that reason alone.",
            years=join_words([str(p) for p in periods]) if periods else "no year",
        ),
        md_text(
            "- **Achieved vs target.** {planned} of the {total} figures in these tables are targets or plans, not results; "
            "charts draw them hatched and tables mark them.",
            planned=planned,
            total=len(rows),
        ),
        md_text(
            "- **Stocks vs amounts added.** {added} of the figures are amounts added in the period (新增, 新建, 增加 …); "
            "they are never charted against stocks.",
            added=added,
        ),
        md_text(
            "- **Genres.** The reports' genres are {genres}; each genre states different things, and a figure a report does not "
            "state is *not stated*, never zero.",
            genres=genres,
        ),
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
        md_text(
            "{region} ({level}, {period}): {nursing} of {beds} beds are nursing-type, **{pct}%**",
            region=r.region,
            level=level_label(r.level),
            period=period_text(r.period),
            nursing=r.nursing_beds,
            beds=r.beds,
            pct=f"{r.nursing_share_pct:.1f}",
        )
        for r in done.itertuples()
    ]
    text = (
        "; ".join(capped(parts)) + "."
        if parts
        else "No report states both all beds and nursing-type beds as stocks of the same year, so no share can be computed."
    )
    rest = share[share["nursing_share_pct"].isna()]
    if len(rest):
        text += " " + md_text(
            "Not computed: {items}.",
            items="; ".join(
                capped([f"{r.region} — {r.status.removeprefix('not computed: ')}" for r in rest.itertuples()])
            ),
        )
    return text


def brands_sentence(brands: pd.DataFrame, regions: list[str]) -> str:
    """Markdown: which reports name a service brand, with the names, targets marked."""
    if brands.empty:
        return md_text(
            "None of the {n} names a social-assistance service brand that the extractor recognises.",
            n=_reports(len(regions)),
        )
    parts = []
    for region, rows in brands.groupby("region", sort=False):
        names = [f"{r.name}{' (planned)' if is_planned(r.modality) else ''}" for r in rows.itertuples()]
        parts.append(f"{region}: {', '.join(dict.fromkeys(names))}")
    return md_text(
        "{k} of {n} name social-assistance service brands or named mechanisms — {parts}.",
        k=brands["region"].nunique(),
        n=_reports(len(regions)),
        parts="; ".join(capped(parts)),
    )


def spread_sentence(rows: pd.DataFrame, label_en: str, label_zh: str) -> str:
    """Markdown: the figures of many regions in one sentence: how many, the median, and the lowest and highest."""
    ranked = rows.sort_values("value", kind="mergesort")
    return md_text(
        "{label_en} ({label_zh}): {n} regions, median {median} {unit}; lowest {low}; highest {high}.",
        label_en=label_en,
        label_zh=label_zh,
        n=rows["region"].nunique(),
        median=format_number(round(float(ranked["value"].median()), 2)),
        unit=ranked["unit"].iloc[0],
        low=describe_figure(ranked.iloc[0]),
        high=describe_figure(ranked.iloc[-1]),
    )
