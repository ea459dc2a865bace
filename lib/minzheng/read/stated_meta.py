"""What a report says about itself: its published date, publisher, year, genre and script, each with the words it
was read from, for proposing a manifest row (the region, which needs the division table, is found in corpus/)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from minzheng.read.chinese_script import convert_to_simplified, traditional_share
from minzheng.read.formats.page_meta import BYLINE_DATE, BYLINE_SOURCE, iso_date
from minzheng.read.report import Report

# How much of the clean text counts as the title and lead, where a report names its year, genre and dateline.
LEAD_CHARS = 300


# A newspaper's dateline: 星沙时报4月26日讯 (the year is left out; the lead gives it).
DATELINE = re.compile(r"([\u4e00-\u9fff]{2,8}(?:报|网|台|社))?(\d{1,2})月(\d{1,2})日(?:电|讯)")


YEAR = re.compile(r"((?:19|20)\d\d)年")


# A full date: 2023年12月27日, 2025-02-14, 2024/5/20.
FULL_DATE = re.compile(r"(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})")


# A line near the top that dates the report: a source line (来源：宿迁日报 2023年12月27日), a newspaper's line
# (海安日报 2024年12月27日 第A3版), a speech's subtitle (——2024年1月10日在…会议上), or a date alone.
HEAD_DATE_LINE = re.compile(r"^(?:.*(?:来源|报)\S*\s+|——\s*)?(?P<date>" + FULL_DATE.pattern + r")(?:\s|在|$)")


# How many lines at the top and at the end of a report may date it (the head's byline, the sign-off's 落款).
HEAD_LINES, SIGN_OFF_LINES = 8, 4


# The signatory of a sign-off (宁阳县民政局 over its date): a body's name, on a line of its own.
SIGNATORY = re.compile(r"[\u4e00-\u9fff（）()]{2,24}(?:局|厅|委员会|委|政府|组|中心|办公室|院|部)")


def text_lines(report: Report, part: slice) -> list[str]:
    """Some of the report's non-empty lines as its file gave them (its first or last ones), in simplified script; only
    those are converted, so a long report costs no more than a short one."""
    lines = [line.strip() for line in report.original.splitlines() if line.strip()]
    return [convert_to_simplified(line) for line in lines[part]]


def sign_off(report: Report) -> tuple[str, str] | None:
    """The sign-off at the end of a report: (signatory or '', the date line), or None when it ends otherwise."""
    lines = text_lines(report, slice(-SIGN_OFF_LINES, None))
    for at in range(len(lines) - 1, -1, -1):
        if FULL_DATE.fullmatch(lines[at]) and iso_date(lines[at]):
            above = lines[at - 1] if at else ""
            return (above if SIGNATORY.fullmatch(above) else "", lines[at])
    return None


# A heading or lead naming the year whose work a report sums up: 2021年工作开展情况, 召开2024年全县民政工作会议.
YEAR_OF_WORK = re.compile(
    r"((?:19|20)\d\d)年(?:度)?[^，。；;\n]{0,12}?(?:工作(?:开展)?(?:情况|总结|回顾|报告)|工作会议|统计公报)"
)


# Genre words, first match wins: each with the genre the manifest writes.
GENRES = (
    (re.compile(r"统计公报"), "statistical bulletin"),
    (re.compile(r"工作会议"), "conference report"),
    (re.compile(r"记者|日讯|日电|(?:日|时|晚)报"), "news feature"),
    (re.compile(r"工作总结|工作(?:开展)?情况|年度工作|工作回顾"), "annual summary"),
    (re.compile(r"工作报告"), "work report"),
)


@dataclass(frozen=True)
class Stated:
    """One value a report states about itself ('' when it states none) and the words it was read from."""

    value: str
    evidence: str


def lead(report: Report) -> str:
    """The title and lead of a report: the start of its clean text."""
    return report.text[:LEAD_CHARS]


def page_head(report: Report) -> str:
    """The start of the report as its file gave it (bylines included, which cleaning removes), in simplified script."""
    return convert_to_simplified(report.original[:LEAD_CHARS])


def quoted(text: str) -> str:
    """Words of the report as evidence, on one line."""
    return "“" + " ".join(text.split()) + "”"


def dateline(report: Report) -> tuple[re.Match[str], int] | None:
    """A newspaper dateline in the lead with the latest year the lead names (a dateline omits its year), or None."""
    head = lead(report)
    match = DATELINE.search(head)
    years = [int(y) for y in YEAR.findall(head)]
    return (match, max(years)) if match and years else None


def published_date(report: Report) -> Stated:
    """The date the report was published: the file's own metadata, a byline, or a dated newspaper dateline."""
    if report.meta.get("published"):
        return Stated(report.meta["published"], "the file's own metadata (meta tags or document properties)")
    byline = BYLINE_DATE.search(report.original)
    if byline and iso_date(byline[1]):
        return Stated(iso_date(byline[1]), f"the byline {quoted(byline[0])}")
    for line in text_lines(report, slice(None, HEAD_LINES)):
        match = HEAD_DATE_LINE.match(line)
        if match and iso_date(match["date"]):
            return Stated(iso_date(match["date"]), f"the line under the title {quoted(line[:60])}")
    found = dateline(report)
    if found:
        match, year = found
        date = f"{year:04d}-{int(match[2]):02d}-{int(match[3]):02d}"
        return Stated(date, f"the dateline {quoted(match[0])}, in the latest year the lead names ({year})")
    signed = sign_off(report)
    if signed:
        return Stated(iso_date(signed[1]), f"the date of the sign-off {quoted(' '.join(signed).strip())}")
    return Stated("", "no byline, dateline, sign-off or page metadata gives a date")


def publisher(report: Report, region: str = "") -> Stated:
    """Who published the report: the file's metadata, a byline 来源, a newspaper dateline, or the region's bureau
    named in the opening sentence."""
    if report.meta.get("publisher"):
        return Stated(report.meta["publisher"], "the file's own metadata (meta tags or document properties)")
    source = BYLINE_SOURCE.search(report.original)
    if source:
        return Stated(convert_to_simplified(source[1]), f"the byline {quoted(source[0])}")
    found = dateline(report)
    if found and found[0][1]:
        return Stated(found[0][1], f"the dateline {quoted(found[0][0])}")
    signed = sign_off(report)
    if signed and signed[0]:
        return Stated(signed[0], f"the sign-off {quoted(' '.join(signed))}")
    opening = next((s.text for s in report.sentences if not s.is_heading), "")
    bureau = re.search(f"{re.escape(region[-1])}民政局", opening) if region else None
    if bureau:
        return Stated(
            f"{region}民政局", f"the opening sentence names the bureau: {quoted(opening[: bureau.end()][-20:])}"
        )
    return Stated("", "no byline, dateline, sign-off or page metadata names a publisher")


def year_counts(text: str) -> Counter[int]:
    """How often the text names each year (2021年 …)."""
    return Counter(int(y) for y in YEAR.findall(text))


def most_named(counts: Counter[int]) -> int:
    """The year named most often, the later one on a tie."""
    return max(counts, key=lambda y: (counts[y], y))


def report_year(report: Report, published: str = "") -> Stated:
    """The year the figures mostly refer to: a heading or lead naming the year's work, else the year named most often
    (up to the published year), else the published year where the text says 今年, else the year after a 'since' year."""
    for text in [lead(report), *(h.text for h in report.headings)]:
        match = YEAR_OF_WORK.search(text)
        if match:
            return Stated(match[1], f"the heading or lead {quoted(match[0])}")
    counts = year_counts(report.text)
    if published[:4].isdigit():
        until = int(published[:4])
        counts = Counter({y: n for y, n in counts.items() if y <= until})
        if counts:
            year = most_named(counts)
            return Stated(str(year), f"“{year}年” named {counts[year]} time(s) in a report published {published}")
        this_year = "今年" in report.text
        return Stated(str(until), f"{'今年 (this year) in ' if this_year else ''}a report published {published}")
    if not counts:
        return Stated("", "the text names no year and no published date")
    year = most_named(counts)
    if f"{year}年以来" in report.text and not any(y > year for y in counts):
        return Stated(str(year + 1), f"“{year}年以来” (since {year}) in a text that names no later year")
    return Stated(str(year), f"“{year}年” named {counts[year]} time(s), the year named most often")


def genre(report: Report) -> Stated:
    """The report's genre from the words of its title, byline and lead (统计公报, 工作会议, 记者, 工作总结 …)."""
    head = lead(report) + "\n" + page_head(report)
    for pattern, name in GENRES:
        match = pattern.search(head)
        if match:
            return Stated(name, f"{quoted(match[0])} in the title, byline or lead")
    return Stated("", "no genre word in the title, byline or lead")


def script(report: Report) -> Stated:
    """Traditional or simplified characters, with the share of traditional ones."""
    name = report.cleaned.script if report.cleaned else ""
    return Stated(name, f"{traditional_share(report.original) * 100:.0f}% of the Han characters are traditional forms")
