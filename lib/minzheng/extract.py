"""Extract the codebook's figures from a report: indicator, value, unit, qualifier, modality, period, evidence.

The indicator of a figure comes from its own subject: the words of its clause that stand
between the previous figure (or the clause start) and the number, or, where the number
comes first, the noun phrase it counts. A cue's head term must stand there; its modifier
terms may stand earlier in the sentence.
"""
from __future__ import annotations

import re

import pandas as pd

from minzheng.codebook import Cue, Indicator, indicators
from minzheng.records import Row
from minzheng.modality import SectionContext, figure_modality, section_contexts, sentence_period
from minzheng.segment import Sentence
from minzheng.subjects import Figure, Subject, figures_of
from minzheng.textrows import text_rows

YEAR_IN_SPAN = re.compile(r"((?:19|20)\d{2})\s*年")
LAST_YEAR = re.compile(r"去年|上年|上一年")
PARENTHETICAL = re.compile(r"[（(][^（）()]{0,8}[）)]")
PLACE_PHRASE = re.compile(r"^(?:[区乡]镇|乡镇|镇|街道|村|社区|乡)(?:[（(][^（）()]{0,8}[）)])?")
COVERAGE = re.compile(r"实现.{0,12}?全覆盖")
SCOPE_WORDS = ("全国", "全省", "全市", "全州", "全县", "全区")
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


def cue_score(cue: Cue, subject: Subject) -> tuple[int, float] | None:
    """Score how well a cue names a subject, (tier, score): the figure's own words before it beat the words after."""
    if subject.first_term_in:
        score = list_cue_score(cue, subject)
        return None if score is None else (1, score)
    head = last_match(cue.head, subject.own)
    if head is not None and (subject.anywhere or len(subject.own) - head.end() <= LEFT_HEAD_MAX_DISTANCE):
        tier, distance = 1, len(subject.own) - head.end()
        context = subject.before + subject.own[: head.start()]
    else:
        head = right_head(cue.head, subject)
        if head is None:
            return None
        tier, distance = 0, head.start()
        context = subject.after[: head.start()]
    penalty = 0.0
    for modifier in reversed(cue.modifiers):
        found = last_match(modifier, context)
        if found is None:
            return None
        penalty += (len(context) - found.end()) / 50
        context = context[: found.start()]
    return tier, cue.weight * 10 - distance - penalty


def right_head(head: re.Pattern[str], subject: Subject) -> re.Match[str] | None:
    """The head term in the noun phrase a number counts, when the number comes first."""
    after = subject.after
    coverage = COVERAGE.search(after)
    if coverage:
        return head.search(after, 0, coverage.end())
    match = head.search(after)
    if match is None:
        return None
    if subject.total and subject.counted_after:
        place = PLACE_PHRASE.match(after)
        if match.start() <= TOTAL_HEAD_MAX_START or (place and match.start() <= place.end() + TOTAL_HEAD_MAX_START):
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


def best_indicator(figure: Figure, subject: Subject | None = None) -> Indicator | None:
    """The codebook indicator whose cue best names the figure's subject."""
    subject = subject or figure.subject
    best, best_score = None, None
    for candidate in indicators():
        if candidate.kind != "number" or not unit_fits(candidate, figure) or excluded(candidate, subject):
            continue
        for cue in candidate.cues:
            score = cue_score(cue, subject)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = candidate, score
    return best


def indicators_of(figures: list[Figure]) -> list[Indicator | None]:
    """The indicator of each figure; a list whose items do not each name one falls back to its shared subject."""
    found = [best_indicator(figure) for figure in figures]
    groups = {figure.group for figure in figures if figure.group is not None}
    for group in groups:
        members = [k for k, figure in enumerate(figures) if figure.group == group]
        if any(found[k] is None for k in members):
            for k in members:
                shared = figures[k].shared
                found[k] = best_indicator(figures[k], shared) if shared else None
    return found


def row_unit(indicator: Indicator, figure: Figure) -> str:
    """The unit a row reports: per-person standards keep their period; counts take the codebook's unit."""
    q = figure.quantity
    per = q.per or figure.per_inherited
    if indicator.unit.startswith("元/人/"):
        return f"元/人/{per or '月'}"
    if q.unit_class == "places":
        return indicator.unit
    return q.unit


def year_in_span(text: str, year: int | None) -> int | None:
    """The year a phrase names, explicitly (2022年) or as last year (上年末, 去年), else None."""
    explicit = YEAR_IN_SPAN.search(text)
    if explicit:
        return int(explicit.group(1))
    return year - 1 if year and LAST_YEAR.search(text) else None


def figure_period(text: str, figure: Figure, context: SectionContext, year: int | None) -> int | None:
    """The year a figure refers to; earlier values of rises and comparisons take the year their phrase names."""
    q = figure.quantity
    if figure.compared_with:
        return year_in_span(text[figure.compared_with[0]:figure.compared_with[1]], year)
    if figure.earlier:
        marker = text.rfind("由", 0, q.start), text.rfind("从", 0, q.start)
        return year_in_span(text[max(marker):q.start], year) if max(marker) >= 0 else None
    return sentence_period(text, q.start, context, year)


def part_of_total(text: str, position: int, found: Indicator, rows: list[Row]) -> bool:
    """Whether a figure after 其中 (or 'X中，') would only repeat the indicator of the total before it."""
    qizhong = max(text.rfind("其中", 0, position), partitive_end(text, position))
    if qizhong < 0:
        return False
    totals = [row for row in rows if row.sentence.start + row.end <= row.sentence.start + len(text) and row.indicator.id == found.id]
    return bool(totals)


def partitive_end(text: str, position: int) -> int:
    """Where a sentence-opening partitive such as 养老机构中， ends, or -1."""
    match = re.match(r"^[\u4e00-\u9fff（）()]{2,12}中[，,]", text)
    return match.end() if match and match.end() <= position else -1


def about_another_place(text: str, position: int, level: str, others: tuple[str, ...]) -> bool:
    """Whether the place word nearest before a figure names a place above the report's own (全市 in a county report, the parent city)."""
    words = SCOPE_WORDS + others
    places = sorted((m.start(), m.end(), m.group(0)) for word in words for m in re.finditer(re.escape(word), text[:position]))
    if not places:
        return False
    start, _, nearest = places[-1]
    named_before = any(end == start and word in others for _, end, word in places)
    return named_before or nearest in others or nearest in HIGHER_SCOPES.get(level, ())


def other_places(meta: dict[str, str]) -> tuple[str, ...]:
    """Names of the places above the report's region (its parent city, its province), short forms included."""
    names = []
    for key in ("parent_city", "province"):
        name = (meta or {}).get(key, "")
        if name:
            names += [name, re.sub(r"(市|省|自治区|自治州|地区)$", "", name)]
    return tuple(n for n in dict.fromkeys(names) if len(n) >= 2)


def keep_highest_tier(rows: list[Row]) -> list[Row]:
    """For indicators the codebook marks keep=max (care standards by tier), keep a sentence's highest value."""
    highest: dict[str, Row] = {}
    for row in rows:
        if row.indicator.keep == "max":
            current = highest.get(row.indicator.id)
            if current is None or (row.value or 0) > (current.value or 0):
                highest[row.indicator.id] = row
    return [row for row in rows if row.indicator.keep != "max" or highest[row.indicator.id] is row]


def sentence_rows(sentence: Sentence, context: SectionContext, year: int | None, level: str = "", others: tuple[str, ...] = (), earlier_rows: list[Row] | None = None) -> list[Row]:
    """Extract the numeric rows of one sentence."""
    rows: list[Row] = []
    figures = figures_of(sentence.text)
    for figure, found in zip(figures, indicators_of(figures)):
        q = figure.quantity
        if found is None or about_another_place(sentence.text, q.start, level, others):
            continue
        if part_of_total(sentence.text, q.start, found, rows + (earlier_rows or [])[-3:]):
            continue
        modality = figure_modality(sentence.text, q.start, context)
        qualifier = "at_least" if q.qualifier == "more_than" and modality == "target" and "力争" in sentence.text and "以上" in q.raw else q.qualifier
        period = figure_period(sentence.text, figure, context, year)
        rows.append(Row(found, q.value, row_unit(found, figure), qualifier, modality, period, q.raw, sentence, q.start, q.end))
    return keep_highest_tier(rows)


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
    others = other_places(report.meta)
    for sentence in report.sentences:
        context = contexts[sentence.index]
        paragraph_rows = [row for row in rows if row.sentence.paragraph == sentence.paragraph and row.value is not None]
        rows.extend(sentence_rows(sentence, context, report.year, report.level, others, paragraph_rows))
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
