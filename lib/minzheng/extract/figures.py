"""Extract the codebook's figures from a report: indicator, value, unit, qualifier, modality, period, evidence.

The indicator of a figure comes from its own subject: the words of its clause that stand
between the previous figure (or the clause start) and the number, or, where the number
comes first, the noun phrase it counts. A cue's head term must stand there; its modifier
terms may stand earlier in the sentence."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from minzheng.extract.areas import splits_tekun_by_area
from minzheng.extract.columns import column_values
from minzheng.extract.facilities import beds_of_all_residential, places_to_build
from minzheng.extract.fitting import a_fraction_of_a_count, beyond_the_region, row_unit
from minzheng.extract.grids import category_values, grid_values
from minzheng.extract.matching import counted_noun, indicators_of
from minzheng.extract.modality import SectionContext, figure_modality, figure_period, section_contexts
from minzheng.extract.names import text_rows
from minzheng.extract.not_standards import not_the_standard
from minzheng.extract.pairs import not_the_households
from minzheng.extract.parts import (
    area_part,
    drop_kinds_after_broad_total,
    drop_parts_beside_totals,
    drop_parts_that_sum,
    drop_summed_parts,
    drop_tiers_beside_own,
)
from minzheng.extract.patterns import goes_on
from minzheng.extract.progress import progress_values
from minzheng.extract.record import Row
from minzheng.extract.scope import (
    UNPLACED,
    Home,
    about_another_place,
    about_one_person,
    home_of,
    names_a_subgroup,
    names_its_area,
    one_month,
    one_off_payment,
    part_of_another_population,
    part_of_total,
)
from minzheng.extract.subjects import figures_of
from minzheng.extract.tables import a_part_of_a_row_above, is_prose_cell, is_table_line, label_core, table_values
from minzheng.extract.tiers import keep_highest_tier
from minzheng.extract.zones import (
    a_divisions_standard,
    a_listed_zones_standard,
    a_tiers_figure,
    a_zones_standard,
    about_an_extreme_place,
    another_places_paragraph,
    drop_divisions_beside_whole,
    lead_of_lines,
    mark_first_zone,
    zone_lead,
)
from minzheng.read.sentences import Sentence

COLUMNS = [
    "document",
    "region",
    "level",
    "year",
    "indicator",
    "theme",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "qualifier",
    "modality",
    "period",
    "raw",
    "evidence",
    "start",
    "end",
    "source_start",
    "source_end",
    "evidence_start",
    "evidence_end",
    "section",
    "mentions",
]


# Words that open a list of the parts of a total stated before (其中…；…；, 具体包括…；…；).
PARTS_LISTED = re.compile(r"其中|具体包括|主要包括")


# How much of a paragraph before a sentence is searched for the time its figures belong to.
LEAD_CHARS = 400


def sentence_rows(
    sentence: Sentence,
    context: SectionContext,
    year: int | None,
    home: Home = UNPLACED,
    earlier_rows: list[Row] | None = None,
    continued: bool = False,
    lead: str = "",
    areas_first: bool = False,
    heading: str = "",
) -> list[Row]:
    """Extract the numeric rows of one sentence; `continued` when it goes on a 其中 list of the sentence before (…；),
    and then `earlier_rows` are the totals that list divides."""
    rows: list[Row] = []
    figures = figures_of(sentence.text, areas_first, heading, lead)
    before, opener = zone_lead(lead), another_places_paragraph(lead)
    for k, (figure, found) in enumerate(zip(figures, indicators_of(figures))):
        q = figure.quantity
        if not_the_households(sentence.text, figures, k, found is not None and found.unit == "人次"):
            continue
        zone = found is not None and (
            a_zones_standard(before + sentence.text, len(before) + q.start, found, home)
            or a_listed_zones_standard(sentence.text, q.start, found, home, lead)
        )
        elsewhere = found is not None and about_another_place(opener + sentence.text, len(opener) + q.start, home)
        division = elsewhere and not zone and a_divisions_standard(sentence.text, q.start, found, home)
        if (
            found is None
            or (elsewhere and not zone and not division and not a_tiers_figure(sentence.text, q.start))
            or about_an_extreme_place(sentence.text, q.start)
            or beyond_the_region(q.unit_class, q.value, home.level)
            or a_fraction_of_a_count(q.unit_class, q.value)
            or about_one_person(sentence.text, q.start)
            or beds_of_all_residential(sentence.text, q.start, q.unit_class)
            or one_month(sentence.text, q.start, found, lead)
            or part_of_another_population(sentence.text, q.start, q.unit_class)
            or not_the_standard(sentence.text, q.start, found, q.end)
            or one_off_payment(sentence.text, q.start, q.end, found)
        ):
            continue
        if found.keep == "total" and (continued or "其中" in sentence.text[: q.start]):
            continue
        earlier = (earlier_rows or []) if continued else (earlier_rows or [])[-3:]
        if part_of_total(sentence.text, q.start, found, rows + earlier, continued):
            continue
        if names_a_subgroup(figure.subject.own, q.unit_class, figure.subject.after) and any(
            row.indicator.id == found.id and not names_its_area(sentence.text, row.start, figure.subject.own)
            for row in rows
        ):
            continue
        modality = figure_modality(
            sentence.text, q.start, context, earlier=bool(figure.earlier or figure.compared_with)
        )
        qualifier = (
            "at_least"
            if q.qualifier == "more_than" and modality == "target" and "力争" in sentence.text and "以上" in q.raw
            else q.qualifier
        )
        found = places_to_build(sentence.text, q.start, found, modality)
        period = figure_period(sentence.text, figure, context, year)
        part = area_part(found, sentence.text[: q.start], counted_noun(figure.subject), figure.subject.after)
        rows.append(
            Row(found, q.value, row_unit(found, figure), qualifier, modality, period, q.raw, sentence, q.start, q.end)
        )
        rows[-1].part = part
        rows[-1].tier = zone or a_tiers_figure(sentence.text, q.start)
        rows[-1].division = division
    return rows


# A rounded restatement (a headline's 641万余元 beside the body's 641.81万元) lies this close above its rounding.
ROUNDED_WITHIN = 0.05


def rounded_down(row: Row, exact: float) -> bool:
    """Whether a sum said to be more than a round value (逾2万张) is an exact one below the value's next step (21504)."""
    value = int(row.value or 0)
    step = 10 ** (len(str(value)) - len(str(value).rstrip("0")))
    return row.qualifier == "more_than" and row.unit != "%" and step > 1 and value < exact < value + step


def fold_rounded(rows: list[Row]) -> list[Row]:
    """A figure restated rounded (余/多/约 with a round value) is a mention of the exact figure it rounds."""
    exact = [row for row in rows if row.qualifier == "exact" and row.value is not None]
    kept = []
    for row in rows:
        target = None
        if row.qualifier in ("more_than", "approx") and row.value:
            target = next(
                (
                    e
                    for e in exact
                    if e.indicator.id == row.indicator.id
                    and e.unit == row.unit
                    and e.value != row.value
                    and (abs(e.value - row.value) <= ROUNDED_WITHIN * row.value or rounded_down(row, e.value))
                ),
                None,
            )
        if target is None:
            kept.append(row)
        else:
            target.mentions += 1
    return kept


def merge_mentions(rows: list[Row]) -> list[Row]:
    """A figure stated twice in one report is one row with two mentions."""
    merged: dict[tuple[object, ...], Row] = {}
    for row in rows:
        key = (row.indicator.id, row.value, row.unit) if row.value is not None else (row.indicator.id, row.raw)
        if key in merged:
            merged[key].mentions += 1
        else:
            merged[key] = row
    return list(merged.values())


def report_rows(report) -> list[Row]:
    """Every codebook row of a report, numeric and text, in reading order."""
    contexts = section_contexts(report.sentences, report.headings, report.year)
    rows: list[Row] = []
    known_services: set[str] = set()
    home = home_of(report.region, report.level, report.meta)
    areas_first = splits_tekun_by_area(report.text)
    paragraph, paragraph_rows, totals, lead = None, [], None, ""
    previous: list[Row] = []
    list_lead = ""
    for sentence in report.sentences:
        context = contexts[sentence.index]
        if sentence.paragraph != paragraph:
            list_lead = lead_of_lines(lead, list_lead, sentence.text)
            paragraph, paragraph_rows, totals, lead = sentence.paragraph, [], None, list_lead
        earlier = paragraph_rows if totals is None else totals
        if is_table_line(sentence.text) and not is_prose_cell(sentence.text):
            continue
        heading = report.headings[sentence.headings[-1]].text if sentence.headings else ""
        found = sentence_rows(
            sentence, context, report.year, home, earlier, totals is not None, lead, areas_first, heading
        )
        mark_first_zone(previous, found, lead)
        lead, previous = (lead + sentence.text)[-LEAD_CHARS:], found
        rows.extend(found)
        if not goes_on(sentence.text):
            totals = None
        elif totals is None and (listed := [m.start() for m in PARTS_LISTED.finditer(sentence.text)]):
            at = listed[-1]
            totals = paragraph_rows[-3:] + [row for row in found if row.value is not None and row.end <= at]
        paragraph_rows.extend(row for row in found if row.value is not None)
        section_text = " ".join(report.headings[i].text for i in sentence.headings)
        rows.extend(text_rows(sentence, context, report.year, section_text, known_services))
    rows.extend(table_figure_rows(report, contexts, home))
    columned = column_values(report.sentences)
    rows.extend(drop_summed_parts(table_figure_rows(report, contexts, home, columned), columned))
    rows.extend(table_figure_rows(report, contexts, home, progress_values(report.sentences)))
    own_names = (report.region, report.place)
    rows.extend(table_figure_rows(report, contexts, home, grid_values(report.sentences, own_names)))
    rows.extend(table_figure_rows(report, contexts, home, category_values(report.sentences)))
    rows.sort(key=lambda r: (r.sentence.start + r.start, r.indicator.id))
    return fold_rounded(
        merge_mentions(
            keep_highest_tier(
                drop_kinds_after_broad_total(
                    drop_parts_that_sum(
                        drop_parts_beside_totals(drop_tiers_beside_own(drop_divisions_beside_whole(rows)))
                    )
                )
            )
        )
    )


def table_figure_rows(report, contexts: list[SectionContext], home: Home, values=None) -> list[Row]:
    """The figures of a report's table rows (or of the given values): each read in its row's phrase, at its cell."""
    rows: list[Row] = []
    totals: set[str] = set()
    label, part, sibling, kept = "", False, set(), {}
    for value in table_values(report.sentences) if values is None else values:
        phrase = replace(value.sentence, text=value.phrase)
        year = report.year - value.years_back if report.year else None
        found = sentence_rows(phrase, contexts[value.sentence.index], year, home)
        ids = {row.indicator.id for row in found}
        if value.phrase[: value.value_at] != label:
            # A sub-item of the same id as the kept sub-item before it is its sibling (A 孤儿…支出, B 事实无人抚养
            # 儿童…支出), not its part.
            kept_sibling = value.sub_item and not part and ids and ids == sibling
            label, part = value.phrase[: value.value_at], value.sub_item and bool(ids & totals) and not kept_sibling
            sibling = ids if value.sub_item else set()
            totals = ids | totals if value.sub_item else ids
        if part or a_part_of_a_row_above(label, ids, kept):
            continue
        for found_id in ids:
            kept.setdefault(found_id, set()).add(label_core(label))
        for row in found:
            if row.start <= value.value_at < row.end:
                raw = value.sentence.text[value.start : value.end]
                period = year if value.years_back else row.period
                rows.append(
                    replace(row, sentence=value.sentence, start=value.start, end=value.end, raw=raw, period=period)
                )
    return rows


def row_record(report, row: Row) -> dict[str, object]:
    """A row as a record of the output table."""
    start, end = row.sentence.start + row.start, row.sentence.start + row.end
    source_start, source_end = report.cleaned.original_span(start, end)
    headings = [report.headings[i].text for i in row.sentence.headings]
    return {
        "document": report.file,
        "region": report.region,
        "level": report.level,
        "year": report.year,
        "indicator": row.indicator.id,
        "theme": row.indicator.theme,
        "label_zh": row.indicator.label_zh,
        "label_en": row.indicator.label_en,
        "value": row.value,
        "unit": row.unit,
        "qualifier": row.qualifier,
        "modality": row.modality,
        "period": row.period,
        "raw": row.raw,
        "evidence": row.sentence.text,
        "start": start,
        "end": end,
        "source_start": source_start,
        "source_end": source_end,
        "evidence_start": row.sentence.start,
        "evidence_end": row.sentence.end,
        "section": " › ".join(headings),
        "mentions": row.mentions,
    }


def indicator_frame(reports) -> pd.DataFrame:
    """One tidy table of every report's rows, in the codebook's record shape."""
    records = [row_record(report, row) for report in reports for row in report_rows(report)]
    frame = pd.DataFrame(records, columns=COLUMNS)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def extract_text(text: str, region: str = "", year: int | None = None, level: str = "") -> pd.DataFrame:
    """Extract the codebook's rows from a report's text (no file needed)."""
    from minzheng.read.report import report_from_text

    return indicator_frame([report_from_text(text, region=region, year=year, level=level)])
