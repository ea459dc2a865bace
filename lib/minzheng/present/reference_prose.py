"""Sentences about reference data: standards against national averages, and per-capita gaps."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.benchmarks import DENOMINATOR_EN, STATUS_COMPUTED, STATUS_GAP, gaps
from minzheng.english import capped, level_label


def national_sentence(versus: pd.DataFrame, regions: list[str], figures: pd.DataFrame | None = None) -> str:
    """Markdown: every stated standard against the national average of the nearest date, with date, source, reliability.

    `figures` (the standards table) lets the sentence say when reports state standards the reference file has no
    national average for.
    """
    from minzheng.english import format_number
    from minzheng.present.markdown import md_text

    if versus.empty and figures is not None and len(figures):
        return md_text(
            "The national reference file holds no average for the standards stated here ({labels}), so the figures of {who} "
            "are not set against a national benchmark.",
            labels=", ".join(dict.fromkeys(figures["label_en"])),
            who=", ".join(capped(list(dict.fromkeys(figures["region"])))),
        )
    if versus.empty:
        return md_text(
            "None of the {n} selected reports states a standard that the national reference file covers, so nothing is set "
            "against the national averages.",
            n=len(regions),
        )
    who = list(dict.fromkeys(versus["region"]))
    if len(who) == 1:
        text = md_text(
            "Only {region} states these standards, so the comparison below is with the national average, "
            "not between regions. ",
            region=who[0],
        )
    else:
        text = md_text("{k} regions state these standards: {who}. ", k=len(who), who=", ".join(capped(who)))
    parts = []
    for r in versus.itertuples():
        if pd.isna(r.national_value):
            parts.append(
                md_text(
                    "{region}'s {label} ({value} {unit}) has no national average in the reference file",
                    region=r.region,
                    label=r.label_en,
                    value=r.value,
                    unit=r.unit,
                )
            )
            continue
        period = str(int(r.period)) if pd.notna(r.period) else "period not stated"
        ratio = f"{r.ratio_to_national:.2f}" if pd.notna(r.ratio_to_national) else "not comparable (different unit)"
        parts.append(
            md_text(
                "{region} ({level}, {period}) states the {label} as **{value} {unit}**, {ratio} times the national average of "
                "{national} {nunit} as of {as_of} (source: {source}; reliability: {reliability})",
                region=r.region,
                level=level_label(r.level),
                period=period,
                label=r.label_en,
                value=format_number(r.value),
                unit=r.unit,
                ratio=ratio,
                national=format_number(r.national_value),
                nunit=r.national_unit,
                as_of=r.national_as_of,
                source=r.source_title,
                reliability=r.reliability,
            )
        )
    text += "; ".join(capped(parts)) + ". "
    text += (
        "A national average mixes every province, city and county, and its date is not the report's year, so the ratio "
        "places a figure, it does not rank a region."
    )
    return text


def gap_sentence(per_capita_frame: pd.DataFrame, regions: list[str]) -> str:
    """Markdown: which regions lack which reference population, and why where a figure of another kind exists (a
    registered population, a parent city's figure, a share, a date too far): their per-capita figures stay empty."""
    from minzheng.present.markdown import md_text

    missing = gaps(per_capita_frame)
    if per_capita_frame.empty:
        return "No figure in this section can be set against a population."
    if missing.empty:
        return "Every region with a figure here has the reference populations needed."

    def short(denominator: str) -> str:
        """'residents aged 60+' for a denominator."""
        return DENOMINATOR_EN.get(denominator, denominator).removeprefix("per 1,000 ")

    plain = missing[missing["status"] == STATUS_GAP]
    other = missing[missing["status"] != STATUS_GAP]
    parts = [
        f"{region} ({', '.join(short(d) for d in rows['denominator'])})"
        for region, rows in plain.groupby("region", sort=False)
    ]
    reasons = [
        f"{r.region} ({short(r.denominator)}): {str(r.status).removeprefix('gap: ')}" for r in other.itertuples()
    ]
    text = "**Gaps, not filled:** "
    if parts:
        text += md_text("the reference file has no population for {parts}", parts="; ".join(capped(parts)))
    if reasons:
        text += ("; and " if parts else "") + md_text(
            "the population the reference holds is not of the right kind or date for {reasons}",
            reasons="; ".join(capped(reasons)),
        )
    return (
        text
        + ", so their per-1,000 figures are left empty (NaN) — nothing is estimated or borrowed from another region."
    )


def national_ratio_sentence(
    ratio: pd.DataFrame,
    per_capita_frame: pd.DataFrame,
    indicator: str,
    denominator: str,
    label: str = "elderly-care beds",
) -> str:
    """Markdown: the national per-1,000 ratio by date with sources, and which regions can be set against it."""
    from minzheng.english import format_number
    from minzheng.present.markdown import md_text

    if ratio.empty:
        return "The national reference file does not hold both measures for the same date, so no national ratio is computed."
    parts = [
        md_text(
            "{value} as of {as_of} ({sources}; reliability: {reliability})",
            value=format_number(round(r.per_1000, 1)),
            as_of=r.as_of,
            sources=r.sources,
            reliability=r.reliability,
        )
        for r in ratio.itertuples()
    ]
    text = (
        md_text("Nationally, {label} {per} were ", label=label, per=DENOMINATOR_EN.get(denominator, denominator))
        + "; ".join(parts)
        + ". "
    )
    rows = per_capita_frame[
        (per_capita_frame["indicator"] == indicator) & (per_capita_frame["denominator"] == denominator)
    ]
    done = rows[rows["status"] == STATUS_COMPUTED]
    if done.empty:
        stated = list(dict.fromkeys(rows["region"]))
        text += md_text(
            "No region in this selection has both a figure for {label} and the reference population ({stated}), so no region can be "
            "set against the national figure.",
            label=label,
            stated=(
                ", ".join(capped(stated))
                + (" states" if len(stated) == 1 else " state")
                + " the figure but lack"
                + ("s" if len(stated) == 1 else "")
                + " the population"
            )
            if stated
            else "no report states the figure",
        )
    else:
        text += md_text(
            "Regions that can be set against it: {items}.",
            items="; ".join(
                capped(
                    [
                        f"{r.region} {format_number(round(r.per_1000, 1))} ({int(r.period) if pd.notna(r.period) else 'period not stated'}, "
                        f"population as of {r.population_as_of})"
                        for r in done.itertuples()
                    ]
                )
            ),
        )
    return text
