"""The synthesis caveats: what limits comparison, as Markdown lines built from the data."""

from __future__ import annotations

from typing import Any

import pandas as pd

from minzheng.compare.evidence import region_order
from minzheng.compare.party import figure_statements
from minzheng.english import capped, join_words, level_label, year_text
from minzheng.extract.modality import is_planned
from minzheng.present.markdown import md_text


def caveat_lines(table: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """The limits of the comparison, each an escaped Markdown bullet built from the corpus."""
    levels = dict(zip(table["region"], table["level"]))
    counties = [r for r in region_order(table) if levels[r] == "county"]
    cities = [r for r in region_order(table) if levels[r] == "prefecture-level city"]
    years = pd.to_numeric(table["year"], errors="coerce")
    by_year = "; ".join(
        f"{int(y)}: {join_words(list(g['region']))}"
        for y, g in table.assign(y=years).dropna(subset=["y"]).groupby("y", sort=True)
    )
    genres = "; ".join(f"{g}: {join_words(list(grp['region']))}" for g, grp in table.groupby("genre", sort=False) if g)
    planned = indicators["modality"].map(is_planned) if len(indicators) else pd.Series(dtype=bool)
    by_region = (
        indicators.assign(p=planned).groupby("region", sort=False)["p"].sum()
        if len(indicators)
        else pd.Series(dtype=int)
    )
    targets = "; ".join(capped([f"{r}: {int(by_region[r])}" for r in region_order(table) if by_region.get(r, 0)]))
    converted = table[table["converted"].astype(bool)] if "converted" in table else table.iloc[0:0]
    conversions = []
    for row in converted.itertuples():
        corrupted = sum("corrupted" in p for p in str(row.problems or "").split("; ") if p)
        conversions.append(
            f"{row.region} (converted from traditional script"
            + (f"; {corrupted} corrupted span(s) removed, so a sentence there may be incomplete)" if corrupted else ")")
        )
    lines = [
        md_text(
            "- **Administrative level.** {c} from counties 县 ({cn}) and {p} from prefecture-level cities 地级市 ({pn}). "
            "A city's totals include its counties, so counts, money and beds compare only within a level.",
            c=f"{len(counties)} report{'s' if len(counties) != 1 else ''}",
            cn=join_words(counties),
            p=f"{len(cities)} report{'s' if len(cities) != 1 else ''}",
            pn=join_words(cities),
        ),
        md_text(
            "- **Years.** The reports refer to {span} ({by_year}); standards rise every year and programmes change, so "
            "differences between years are not differences between regions.",
            span=f"{int(years.min())}–{int(years.max())}" if years.notna().any() else "unknown years",
            by_year=by_year or "none",
        ),
        md_text(
            "- **Genres.** {genres}. A conference report sets tasks, a news feature tells stories, an overview lists "
            "honours: what a genre leaves out says little about what the bureau did.",
            genres=genres or "not recorded",
        ),
        md_text(
            "- **Achieved vs target.** {t} of {f} figures are targets or plans ({targets}); they are marked as targets "
            "wherever they appear and never counted as results.",
            t=int(planned.sum()),
            f=len(indicators),
            targets=targets or "none",
        ),
    ]
    if conversions:
        lines.append(
            md_text(
                "- **Script.** {items}: measures on that text read the converted characters.",
                items="; ".join(capped(conversions)),
            )
        )
    lines.append(
        md_text(
            "- **Not stated is not zero.** An indicator a report leaves out may exist and simply not be reported; "
            "the codebook and the word lists are this project's, and jieba's segmentation decides what counts as a word."
        )
    )
    return lines


def synthesis_caveats(table: pd.DataFrame, indicators: pd.DataFrame) -> Any:
    """The synthesis_caveats as displayable Markdown."""
    from IPython.display import Markdown

    return Markdown("\n".join(caveat_lines(table, indicators)))


def corpus_facts(table: pd.DataFrame) -> dict[str, Any]:
    """The reports in words: how many, which regions with level and year."""
    described = [f"{r.region} ({level_label(r.level)}, {year_text(r.year)})" for r in table.itertuples()]
    return {"reports": f"{len(table)} report{'s' if len(table) != 1 else ''}", "described": join_words(described)}


def figure_note(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame, codebook: pd.DataFrame) -> Any:
    """A sentence on one numeric indicator: who states it (level, year), and whether a chart follows or why not."""
    from minzheng.present.markdown import md

    row = codebook.set_index("id").loc[indicator]
    facts = figure_statements(indicators, indicator, table)
    if facts["comparable"]:
        tail = (
            "The chart sets side by side the reports of one administrative level that state it as achieved "
            "({who}); each bar is the first figure the report gives, with the report's year in the label."
        )
        return md(
            "**{zh}** ({en}, {unit}) is stated by {described}. " + tail,
            zh=row["label_zh"],
            en=row["label_en"],
            unit=row["unit"],
            described=facts["described"] or "no report",
            who=join_words(facts["comparable"]),
        )
    return md(
        "**{zh}** ({en}, {unit}) is stated by {described}. No chart: {reason}; the table above gives the figure with "
        "its evidence.",
        zh=row["label_zh"],
        en=row["label_en"],
        unit=row["unit"],
        described=facts["described"] if facts["n"] else "no report",
        reason=facts["reason"],
    )
