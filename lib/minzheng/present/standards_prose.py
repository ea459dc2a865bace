"""Sentences about published standards: which figures are published standards (reference file) and which are the
reports' claims, how many years lie between a standard's date and the report, and how a standard grew over time.
Every number comes from the tables of compare.standards_in_force, standards_coverage and standard_steps."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.standards_coverage import chart_ids, found, gap_kind
from minzheng.compare.standards_in_force import AGREE, DISAGREE, ROUNDING
from minzheng.compare.views import ENDS, example_lines, reason_groups, rest_note, side_by_side
from minzheng.english import format_number, join_words, noun, year_text
from minzheng.present.markdown import md_text


def years_phrase(years: float) -> str:
    """'the same year as the report', '1 year before the report's year', '3 years before …' (or after)."""
    if pd.isna(years):
        return "its start date is not in the source"
    if years == 0:
        return "the same year as the report"
    count = noun(int(abs(years)), "year")
    return f"{count} {'before' if years > 0 else 'after'} the report's year"


def _tier_date(tier: object, date: str, several: bool) -> str:
    """'county tier, from 2020-07-01' where a city sets several tiers, else 'from 2020-07-01' (escaped)."""
    return md_text("{tier}, from {date}" if several else "from {date}", tier=str(tier).split(" (")[0], date=date)


def _apart(years: pd.Series) -> str:
    """The years between the standards' dates and the report: one phrase, or a range."""
    known = sorted(set(years.dropna()))
    if not known:
        return years_phrase(float("nan"))
    if len(known) == 1:
        return "dated " + years_phrase(known[0])
    return f"dated {format_number(known[0])}–{format_number(known[-1])} years before the report's year"


def _value(value: float) -> str:
    """A value as written in sentences (one decimal at most)."""
    return format_number(round(float(value), 1))


def _examples(parts: list[str], regions: int, table: str = "standards_in_force") -> str:
    """Clauses joined by '; ' and ended: every one for a handful of regions, the first few and a count for many."""
    shown, left_out = example_lines(parts, regions)
    return "; ".join(shown) + (md_text("; {rest}", rest=rest_note(left_out, table)) if left_out else ".")


def gap_groups(reasons: list[str], regions: list[str]) -> str:
    """Markdown: reports without a standard counted by the kind of their reason, a few named each (many reports)."""
    return "; ".join(
        md_text("{n} — {kind} ({who})", n=len(who), kind=kind, who=join_words(who, limit=ENDS))
        for kind, who in reason_groups([gap_kind(r) for r in reasons], regions)
    )


def coverage_sentence(coverage: pd.DataFrame) -> str:
    """Markdown: how many reports get a published standard with source, date and years apart, and the gaps' reasons
    (for many reports, a few examples and the gaps counted by reason: views.py)."""
    hits = coverage[coverage["standards_found"] > 0]
    parts = [
        md_text(
            "{region} (report of {year}: {n} of {asked} standards, set by {by}, dated {dates}, {apart})",
            region=r.region,
            year=year_text(r.year),
            n=r.standards_found,
            asked=r.standards_asked,
            by=r.set_by,
            dates=r.effective_from,
            apart=years_phrase(r.years_apart_min)
            if r.years_apart_min == r.years_apart_max
            else f"{format_number(r.years_apart_min)}–{format_number(r.years_apart_max)} years before the report's year",
        )
        for r in hits.itertuples()
    ]
    text = md_text(
        "**Published standards** (from the reference file, not from the reports) are found for {k} of {n} reports: ",
        k=len(hits),
        n=len(coverage),
    )
    text += _examples(parts, len(coverage)) if parts else "none."
    gaps = coverage[coverage["standards_found"] == 0]
    if len(gaps) and not side_by_side(len(coverage)):
        text += " Without one, by reason: " + gap_groups(list(gaps["gap_reason"]), list(gaps["region"]))
        text += ". A gap stays a gap: no standard is estimated or borrowed from another region."
    elif len(gaps):
        text += " " + "; ".join(
            md_text(
                "{region} (report of {year}) — {reason}", region=r.region, year=year_text(r.year), reason=r.gap_reason
            )
            for r in gaps.itertuples()
        )
        text += ". A gap stays a gap: no standard is estimated or borrowed from another region."
    return text


def _standard_clause(rows: pd.DataFrame) -> str:
    """'709 元/人/月 (whole city, from 2022-07-01)' for one indicator's tiers, with the averages nearest the report."""
    tiers = [
        md_text("**{value} {unit}** (", value=_value(r.value), unit=r.unit)
        + _tier_date(r.tier, r.effective_from or f"before {r.in_force_until}", len(rows) > 1)
        + (md_text("; {conversion}", conversion=r.conversion) if r.conversion.endswith("÷ 12") else "")
        + ")"
        for r in rows.itertuples()
    ]
    first = rows.iloc[0]
    text = md_text("{label}: ", label=first["label_en"]) + " and ".join(tiers)
    for kind in ("national", "provincial"):
        if pd.notna(first[f"{kind}_value"]):
            text += md_text(
                "; {scope} average {value} as of {as_of} ({reliability})",
                scope="national" if kind == "national" else first[f"{kind}_scope"],
                value=_value(first[f"{kind}_value"]),
                as_of=first[f"{kind}_as_of"],
                reliability=first[f"{kind}_reliability"],
            )
    return text


def in_force_sentence(in_force: pd.DataFrame, ids: list[str] | tuple[str, ...] | None = None) -> str:
    """Markdown: per report, the published standards in force at the end of its year, their date and how many years
    before the report, their setter and source, with the national and provincial averages nearest the report's year."""
    ids = list(ids) if ids is not None else chart_ids(in_force)
    rows = found(in_force[in_force["indicator"].isin(ids)])
    lines = []
    for region, mine in rows.groupby("region", sort=False):
        first = mine.iloc[0]
        clauses = [_standard_clause(group) for _, group in mine.groupby("indicator", sort=False)]
        lines.append(
            md_text(
                "- **{region}** (report of {year}), published standards set by {by}, {apart}: ",
                region=region,
                year=year_text(first["year"]),
                by=join_words(list(dict.fromkeys(mine["set_by"]))),
                apart=years_phrase(first["years_apart"]),
            )
            + "; ".join(clauses)
            + md_text(
                ". Source: {source} ({reliability}).", source=first["source_title"], reliability=first["reliability"]
            )
        )
    with_standard = set(rows["region"])
    missing = [r for r in dict.fromkeys(in_force["region"]) if r not in with_standard]
    head = "Published standards in force at the end of each report's year (reference file, not the reports' claims):"
    if not lines:
        head = "The reference file holds no published standard in force for these reports."
    shown, left_out = example_lines(lines, in_force["region"].nunique())
    if left_out:
        head = md_text(
            "Published standards in force at the end of the report's year (reference file, not the reports' claims) for "
            "{k} reports, for example:",
            k=len(lines),
        )
        shown.append(md_text("- {rest}", rest=rest_note(left_out, "standards_in_force")))
    tail = md_text("\n\nNo published standard for {who}: a visible gap, not an estimate.", who=join_words(missing))
    return head + ("\n" + "\n".join(shown) if shown else "") + (tail if missing else "")


def claims_sentence(in_force: pd.DataFrame, ids: list[str] | tuple[str, ...] | None = None) -> str:
    """Markdown: the reports' own stated standards beside the published ones, and whether they agree (within
    ROUNDING 元/人/月), with how far apart the years are."""
    ids = list(ids) if ids is not None else chart_ids(in_force)
    rows = in_force[in_force["indicator"].isin(ids) & in_force["report_value"].notna()]
    claimants = list(dict.fromkeys(rows["region"]))
    silent = [r for r in dict.fromkeys(in_force["region"]) if r not in claimants]
    if rows.empty:
        return md_text(
            "None of the {n} reports states these standards itself, so every figure above is a published standard, "
            "not a report's claim.",
            n=len(silent),
        )
    parts = []
    for (region, _indicator), group in rows.groupby(["region", "indicator"], sort=False):
        first = group.iloc[0]
        claim = md_text(
            "{region}'s report (of {year}) states the {label} as **{value} {unit}** ({modality})",
            region=region,
            year=year_text(first["year"]),
            label=first["label_en"],
            value=_value(first["report_value"]),
            unit="元/人/月",
            modality=first["report_modality"],
        )
        published = group[group["report_vs_published"].isin([AGREE, DISAGREE])]
        if published.empty:
            parts.append(claim + "; the reference file has no published standard to set it against")
            continue
        versus = join_words(
            [
                md_text("{value} (", value=_value(r.value))
                + _tier_date(r.tier, r.effective_from, len(published) > 1)
                + ")"
                for r in published.itertuples()
            ]
        )
        verdict = "agrees with" if (published["report_vs_published"] == AGREE).all() else "differs from"
        parts.append(
            claim
            + md_text(", which {verdict} the published standard ", verdict=verdict)
            + versus
            + md_text(", {apart}", apart=_apart(published["years_apart"]))
            + (
                md_text(" (the reference holds no later step of {region})", region=first["place"])
                if verdict == "differs from" and not first["in_force_until"]
                else ""
            )
            + "".join(
                md_text(" (the reference's note: {note})", note=note)
                for note in dict.fromkeys(published["notes"])
                if note and verdict == "differs from"
            )
        )
    shown, left_out = example_lines(parts, in_force["region"].nunique())
    text = "**The reports' own claims:** " + "; ".join(shown) + ". "
    if left_out:
        text += md_text("{rest} ", rest=rest_note(left_out, "standards_in_force"))
    text += md_text(
        "Figures that differ by more than {r} 元/人/月 are flagged as disagreeing. ", r=format_number(ROUNDING)
    )
    if silent:
        text += md_text("The reports of {who} state none of these standards.", who=join_words(silent))
    return text.strip()


def steps_sentence(step_table: pd.DataFrame, growth_table: pd.DataFrame) -> str:
    """Markdown: a standard's steps in order (dated or not), its growth per year between dated steps, the averages'
    growth beside it, and how growth was computed."""
    if step_table.empty:
        return "The reference file holds no steps of this standard."
    first = step_table.iloc[0]
    steps = " → ".join(
        md_text("{value} ({when})", value=_value(r.value),
                when=f"from {r.effective_from}" if r.effective_from else f"in force before {r.known_in_force_before}, start date not in the source")
        for r in step_table.itertuples()
    )  # fmt: skip
    text = md_text(
        "{region}'s published {label} (set by {by}) in {n}: ",
        region=first["region"],
        label=first["label_en"],
        by=first["set_by"],
        n=noun(len(step_table), "step"),
    )
    text += steps + ". "
    for r in growth_table.itertuples():
        if pd.isna(r.growth_per_year_pct):
            text += md_text("{series}: fewer than two dated figures, so no growth per year. ", series=r.series)
            continue
        text += md_text(
            "{series}: from {a} ({da}) to {b} ({db}), {years} years, **{pct}% a year** ({rise} {unit} a year). ",
            series=r.series,
            a=_value(r.first_value),
            da=r.first_date,
            b=_value(r.last_value),
            db=r.last_date,
            years=format_number(round(r.years, 2)),
            pct=format_number(round(r.growth_per_year_pct, 1)),
            rise=_value(r.rise_per_year),
            unit=r.unit,
        )
    if len(growth_table):
        text += md_text("Growth is the {method}.", method=growth_table["method"].iloc[0])
    return text.strip()
