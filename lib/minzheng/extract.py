"""Extract the codebook's figures from a report: indicator, value, unit, qualifier, modality, period, evidence.

The indicator of a figure comes from its own subject: the words of its clause that stand
between the previous figure (or the clause start) and the number, or, where the number
comes first, the noun phrase it counts. A cue's head term must stand there; its modifier
terms may stand earlier in the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from minzheng.codebook import Cue, Indicator, indicators
from minzheng.records import Row
from minzheng.modality import SectionContext, figure_modality, section_contexts, sentence_period
from minzheng.quantity import Quantity, find_quantities
from minzheng.segment import Sentence
from minzheng.textrows import text_rows

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
LIST_JOINER = re.compile(r"^[、和及与\s]*$")
LIST_TAIL = re.compile(r"[、和及与]$")
RANGE_JOIN = re.compile(r"^\s*[\u4e00-\u9fff]{0,4}?(?:到|至)\s*(?:(?:19|20)\d{2}\s*年[底末]?的?)?\s*$")
FROM_MARKER = re.compile(r"(?:由|从)[^，。；]{0,12}$")
BENEFICIARY = re.compile(r"(?:为|对|向|给)$")
TOTALITY = re.compile(r"(?:全县|全市|全区|全省|全镇|全乡|共有|共)$")
YEAR_IN_FROM = re.compile(r"((?:19|20)\d{2})\s*年")
PARENTHETICAL = re.compile(r"[（(][^（）()]{0,8}[）)]")
COVERAGE = re.compile(r"实现.{0,12}?全覆盖")
URBAN_RURAL = ("城市", "农村")
SCOPE = re.compile(r"全国|全省|全市|全州|全县|全区")
HIGHER_SCOPES = {
    "county": ("全国", "全省", "全市", "全州"),
    "district": ("全国", "全省", "全市", "全州"),
    "county-level city": ("全国", "全省", "全州"),
    "prefecture-level city": ("全国", "全省"),
    "province": ("全国",),
}
RIGHT_TAIL_MAX = 4
RIGHT_HEAD_MAX_START = 16
TOTAL_HEAD_MAX_START = 2
LEFT_HEAD_MAX_DISTANCE = 12

UNIT_CLASSES = {
    "元/人/月": {"money"}, "元/人/年": {"money"}, "元": {"money"}, "人": {"people"},
    "人次": {"person_times", "people"}, "张": {"beds"}, "处": {"places"}, "个": {"places"},
    "户": {"households"}, "次": {"times"}, "%": {"percent"},
}
COLUMNS = [
    "document", "region", "level", "year", "indicator", "theme", "label_zh", "label_en", "value", "unit",
    "qualifier", "modality", "period", "raw", "evidence", "start", "end", "source_start", "source_end",
    "evidence_start", "evidence_end", "section", "mentions",
]


@dataclass(frozen=True)
class Subject:
    """Where to look for a figure's indicator: its own words, what precedes them, and what follows."""

    own: str
    before: str
    after: str = ""
    counted_after: bool = False
    total: bool = False
    first_term_in: str = ""


@dataclass
class Figure:
    """A quantity with the subject that decides its indicator."""

    quantity: Quantity
    subject: Subject
    earlier: bool = False
    per_inherited: str = ""


def clause_start(text: str, position: int) -> int:
    """Start of the clause that holds a position."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def clause_end(text: str, position: int) -> int:
    """End of the clause that holds a position."""
    match = CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


def cut_at_qizhong(text: str, position: int) -> int:
    """Where the context of a figure may begin: after the last 其中 before it, else 0."""
    index = text.rfind("其中", 0, position)
    return index if index >= 0 else 0


def plain_subject(text: str, quantities: list[Quantity], i: int) -> Subject:
    """The subject of quantity i: own words before it, sentence before them, and the words after it."""
    q = quantities[i]
    start = clause_start(text, q.start)
    if i > 0 and quantities[i - 1].end > start:
        start = quantities[i - 1].end
    floor = cut_at_qizhong(text, q.start)
    own = text[start:q.start]
    if i > 0 and start == quantities[i - 1].end and LIST_TAIL.search(own):
        own = ""
    if i > 0 and start == q.start == quantities[i - 1].end:
        own = text[clause_start(text, quantities[i - 1].start):quantities[i - 1].start]
    after_end = clause_end(text, q.end)
    if i + 1 < len(quantities) and quantities[i + 1].start < after_end:
        after_end = quantities[i + 1].start
    after = text[q.end:after_end]
    lead = text[start:q.start]
    counted_after = not BENEFICIARY.search(TOTALITY.sub("", lead).rstrip())
    total = bool(TOTALITY.search(lead.rstrip()))
    return Subject(own=own, before=text[floor:start], after=after, counted_after=counted_after, total=total)


def list_items(subject: str, count: int) -> list[str] | None:
    """Split the subject of a 分别 list into one phrase per value, or None when they do not pair."""
    items = [item for item in re.split(r"、(?![^（(]*[）)])", subject) if item]
    if len(items) == count:
        return items
    if len(items) == 1 and count == 2 and "城乡" in subject:
        return [subject.replace("城乡", part, 1) for part in URBAN_RURAL]
    return None


def respectively_groups(text: str, quantities: list[Quantity]) -> dict[int, Subject]:
    """Subjects for the values of 分别 lists: the i-th listed subject goes with the i-th value."""
    subjects: dict[int, Subject] = {}
    for marker in re.finditer("分别", text):
        members = [i for i, q in enumerate(quantities) if q.start >= marker.end()]
        if not members:
            continue
        run = [members[0]]
        for i in members[1:]:
            if LIST_JOINER.match(text[quantities[run[-1]].end:quantities[i].start]):
                run.append(i)
            else:
                break
        start = clause_start(text, marker.start())
        subject = text[start:marker.start()]
        items = list_items(subject, len(run)) if len(run) > 1 else None
        if items is None:
            continue
        before = text[cut_at_qizhong(text, start):start]
        tail = items[-1] if len(items[-1]) > 2 else ""
        for position, (i, item) in enumerate(zip(run, items)):
            own = item if position == len(items) - 1 or "城乡" in subject else item + "…" + tail
            subjects[i] = Subject(own=own, before=before, first_term_in=item)
    return subjects


def from_to_pairs(text: str, quantities: list[Quantity]) -> dict[int, int]:
    """Map the later value of 由X提高到Y to the earlier one."""
    pairs = {}
    for i in range(len(quantities) - 1):
        a, b = quantities[i], quantities[i + 1]
        if RANGE_JOIN.match(text[a.end:b.start]) and FROM_MARKER.search(text[:a.start]):
            pairs[i + 1] = i
    return pairs


def figures_of(text: str) -> list[Figure]:
    """Find the figures of a sentence, each with the subject that decides its indicator."""
    quantities = find_quantities(text)
    listed = respectively_groups(text, quantities)
    pairs = from_to_pairs(text, quantities)
    figures: list[Figure] = []
    for i, q in enumerate(quantities):
        if i in listed:
            figures.append(Figure(q, listed[i]))
        elif i in pairs:
            figures.append(Figure(q, figures[pairs[i]].subject))
            figures[pairs[i]].earlier = True
        else:
            subject = plain_subject(text, quantities, i)
            own = FROM_MARKER.sub("", subject.own) if i + 1 in pairs else subject.own
            figures.append(Figure(q, replace(subject, own=own)))
    inherit_per(figures, listed)
    return figures


def inherit_per(figures: list[Figure], listed: dict[int, Subject]) -> None:
    """Values of a 分别 list take the first value's 每人每月 and its qualifier (分别不低于A、B)."""
    first: Quantity | None = None
    for i, figure in enumerate(figures):
        if i not in listed:
            first = None
            continue
        if first is None:
            first = figure.quantity
            continue
        if first.per and not figure.quantity.per and figure.quantity.unit_class == "money":
            figure.per_inherited = first.per
        if figure.quantity.qualifier == "exact" and first.qualifier != "exact":
            figure.quantity = replace(figure.quantity, qualifier=first.qualifier)


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of a pattern in a text."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def list_cue_score(cue: Cue, subject: Subject) -> float | None:
    """Score a cue for one value of a 分别 list: its first term names the item, the rest the list's topic."""
    if not cue.patterns[0].search(subject.first_term_in):
        return None
    score = cue.weight * 10.0
    for pattern in cue.patterns[1:]:
        if pattern.search(subject.own):
            continue
        if not pattern.search(subject.before):
            return None
        score -= 1
    return score


def cue_score(cue: Cue, subject: Subject) -> float | None:
    """Score how well a cue names a subject (higher is better), or None when it does not."""
    if subject.first_term_in:
        return list_cue_score(cue, subject)
    head = last_match(cue.head, subject.own)
    if head is not None and len(subject.own) - head.end() <= LEFT_HEAD_MAX_DISTANCE:
        distance = len(subject.own) - head.end()
        context = subject.before + subject.own[: head.start()]
    else:
        head = right_head(cue.head, subject)
        if head is None:
            return None
        distance = head.start()
        context = subject.after[: head.start()]
    penalty = 0.0
    for modifier in reversed(cue.modifiers):
        found = last_match(modifier, context)
        if found is None:
            return None
        penalty += (len(context) - found.end()) / 50
        context = context[: found.start()]
    return cue.weight * 10 - distance - penalty


def right_head(head: re.Pattern[str], subject: Subject) -> re.Match[str] | None:
    """The head term in the noun phrase a number counts, when the number comes first."""
    after = subject.after
    coverage = COVERAGE.search(after)
    if coverage:
        return head.search(after, 0, coverage.end())
    match = head.search(after)
    if match is None:
        return None
    if subject.total and subject.counted_after and match.start() <= TOTAL_HEAD_MAX_START:
        return match
    tail = PARENTHETICAL.sub("", after[match.end():]).strip()
    return match if match.start() <= RIGHT_HEAD_MAX_START and len(tail) <= RIGHT_TAIL_MAX else None


def unit_fits(indicator: Indicator, figure: Figure) -> bool:
    """Whether a figure's unit can measure the indicator."""
    q = figure.quantity
    if q.unit_class not in UNIT_CLASSES.get(indicator.unit, set()):
        return False
    per = q.per or figure.per_inherited
    if indicator.unit.startswith("元/人/"):
        return bool(per) or "标准" in figure.subject.own
    if indicator.unit == "元":
        return not per
    return True


def excluded(indicator: Indicator, subject: Subject) -> bool:
    """Whether the subject holds a term that rules the indicator out."""
    return any(p.search(subject.own) for p in indicator.excludes)


def best_indicator(figure: Figure) -> Indicator | None:
    """The codebook indicator whose cue best names the figure's subject."""
    best, best_score = None, None
    for candidate in indicators():
        if candidate.kind != "number" or not unit_fits(candidate, figure) or excluded(candidate, figure.subject):
            continue
        for cue in candidate.cues:
            score = cue_score(cue, figure.subject)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = candidate, score
    return best


def row_unit(indicator: Indicator, figure: Figure) -> str:
    """The unit a row reports: per-person standards keep their period; counts take the codebook's unit."""
    q = figure.quantity
    per = q.per or figure.per_inherited
    if indicator.unit.startswith("元/人/"):
        return f"元/人/{per or '月'}"
    if q.unit_class == "places":
        return indicator.unit
    return q.unit


def earlier_period(text: str, position: int) -> int | None:
    """The year of the earlier value of 由X到Y, where the text states one between 由 and X."""
    marker = FROM_MARKER.search(text[:position])
    year = YEAR_IN_FROM.search(marker.group(0)) if marker else None
    return int(year.group(1)) if year else None


def part_of_total(text: str, position: int, found: Indicator, rows: list[Row]) -> bool:
    """Whether a figure after 其中 would only repeat the indicator of the total before it."""
    qizhong = text.rfind("其中", 0, position)
    if qizhong < 0:
        return False
    totals = [row for row in rows if row.end <= qizhong]
    return bool(totals) and totals[-1].indicator.id == found.id


def about_another_place(text: str, position: int, level: str) -> bool:
    """Whether the scope word nearest before a figure (全市, 全省 …) names a place above the report's own."""
    scopes = SCOPE.findall(text, 0, position)
    return bool(scopes) and scopes[-1] in HIGHER_SCOPES.get(level, ())


def sentence_rows(sentence: Sentence, context: SectionContext, year: int | None, level: str = "") -> list[Row]:
    """Extract the numeric rows of one sentence."""
    rows: list[Row] = []
    for figure in figures_of(sentence.text):
        found = best_indicator(figure)
        if found is None or part_of_total(sentence.text, figure.quantity.start, found, rows):
            continue
        if about_another_place(sentence.text, figure.quantity.start, level):
            continue
        q = figure.quantity
        modality = figure_modality(sentence.text, q.start, context)
        qualifier = "at_least" if q.qualifier == "more_than" and modality == "target" and "力争" in sentence.text and "以上" in q.raw else q.qualifier
        period = earlier_period(sentence.text, q.start) if figure.earlier else sentence_period(sentence.text, q.start, context, year)
        rows.append(Row(found, q.value, row_unit(found, figure), qualifier, modality, period, q.raw, sentence, q.start, q.end))
    return rows


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
    for sentence in report.sentences:
        context = contexts[sentence.index]
        rows.extend(sentence_rows(sentence, context, report.year, report.level))
        section_text = " ".join(report.headings[i].text for i in sentence.headings)
        rows.extend(text_rows(sentence, context, report.year, section_text, known_services))
    rows.sort(key=lambda r: (r.sentence.start + r.start, r.indicator.id))
    return merge_mentions(rows)


def row_record(report, row: Row) -> dict[str, object]:
    """A row as a record of the output table."""
    start, end = row.sentence.start + row.start, row.sentence.start + row.end
    source_start, source_end = report.cleaned.original_span(start, end)
    headings = [report.headings[i].text for i in row.sentence.headings]
    return {
        "document": report.file, "region": report.region, "level": report.level, "year": report.year,
        "indicator": row.indicator.id, "theme": row.indicator.theme, "label_zh": row.indicator.label_zh,
        "label_en": row.indicator.label_en, "value": row.value, "unit": row.unit, "qualifier": row.qualifier,
        "modality": row.modality, "period": row.period, "raw": row.raw, "evidence": row.sentence.text,
        "start": start, "end": end, "source_start": source_start, "source_end": source_end,
        "evidence_start": row.sentence.start, "evidence_end": row.sentence.end,
        "section": " › ".join(headings), "mentions": row.mentions,
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
    from minzheng.corpus import report_from_text

    return indicator_frame([report_from_text(text, region=region, year=year, level=level)])
