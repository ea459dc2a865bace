"""The subject of each figure in a sentence: the words that say what the number measures.

Most figures take the words of their own clause before the number. Lists (分别A、B), rises
(由X提高到Y), comparisons (比去年的X) and compound counts (8126户13574人) share or distribute
subjects; a number written before its noun counts the noun after it."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.actors import lend_actor
from minzheng.extract.areas import (
    area_over_mode,
    blank_area_tags,
    both_areas_merged,
    linking_only,
    name_areas,
    respective_areas,
    shared_predicate,
    tagged_areas,
    towns_and_country_as_both,
    unified_standard,
)
from minzheng.extract.comparisons import COMPARISON, compared_lists
from minzheng.extract.figure import Figure, Subject
from minzheng.extract.lists import cut_at_qizhong, list_subjects, shared_by_programmes
from minzheng.extract.numbers import PER_PHRASE, Quantity, find_quantities
from minzheng.extract.patterns import (
    BOOK_TITLE,
    ENTRY_OR_EXIT,
    FROM_MARKER,
    HAN,
    INCREMENT,
    PROGRAMME,
    PROGRAMME_WORD,
)
from minzheng.extract.programmes import lend_change_verb, lend_previous_programme, lend_programme
from minzheng.extract.rises import mark_shares, rises
from minzheng.extract.tiers import headed_standards, heading_period, lend_period, tier_lists, tier_subject
from minzheng.extract.topics import PLACES_ONLY, TIER_AREA, clause_end, clause_start, topic, zone_topic

# A clause that only lists kinds (城市和农村低保对象，每人每月保障标准分别达到700元、600元): its comma is read as 的, so
# the list is the 分别 clause's own and each value takes its kind in turn.
LISTED_TOPIC = re.compile(
    r"(?:^|(?<=[，,；;。：:]))(?P<topic>[^，,；;。：:\d]{0,16}(?:[和与及、]|城乡)[^，,；;。：:\d]{1,16})[，,](?=[^，,；;。\d]{0,16}分别)"
)


def joined_topic(text: str) -> str:
    """The text with the comma after a clause of listed kinds before its 分别 clause read as 的 (same length)."""
    return LISTED_TOPIC.sub(lambda m: m.group("topic") + "的", text)


LIST_JOINER = re.compile(r"^[、和及与\s]*(?:共计?)?$")


LIST_TAIL = re.compile(r"[、和及与]$")


NEXT_ITEM = re.compile(r"、[\u4e00-\u9fff]{0,3}?(?:新建|新增|建成|改造|改建|提质|提升|完成|建设|实施|发放)[^、]*$")


BENEFICIARY = re.compile(r"(?:为|对|向|给)$")
PAID_NEXT = re.compile(r"[，,]\s*(?:发放|支付)")


TOTALITY = re.compile(r"(?:全县|全市|全区|全省|全镇|全乡|共有|共)$")


# A standard set as a multiple of another (按不低于当地低保标准的1.3倍提高到…): the other standard is only a reference.
RATIO_OF = re.compile(r"(?:按|为|是)?(?:不低于)?(?:当地|同期)?[^，。；,;]{0,8}?标准的?[0-9.]+倍")


LEVEL_AFTER_RISE = re.compile(r"(?:最高)?(?:达到|达|增至|提至|为)")


def plain_subject(text: str, quantities: list[Quantity], i: int) -> Subject:
    """The subject of quantity i: own words before it, sentence before them, and the words after it."""
    q = quantities[i]
    start = clause_start(text, q.start)
    if i > 0 and quantities[i - 1].end > start:
        start = quantities[i - 1].end
    words = RATIO_OF.sub("", text[start : q.start])
    zone = PLACES_ONLY.match(FROM_MARKER.sub("", words).strip())
    lent = RATIO_OF.sub("", topic(text, quantities, i, start))
    own = FROM_MARKER.sub("", words) + lent if zone else lent + words
    if i > 0 and start == quantities[i - 1].end and LEVEL_AFTER_RISE.fullmatch(words.strip()):
        # …标准每人每月提高40元达到860元: the level after the rise is the standard's, named before the rise.
        rise = text[clause_start(text, quantities[i - 1].start) : quantities[i - 1].start]
        own = INCREMENT.sub("", PER_PHRASE.sub("", rise)) + own if INCREMENT.search(rise) else own
    if i > 0 and start == quantities[i - 1].end:
        # A list item that opens with its own verb starts at its 、: the noun before it is the last number's.
        next_item = NEXT_ITEM.search(own)
        if LIST_TAIL.search(own):
            own = ""
        elif next_item:
            own = own[next_item.start() + 1 :]
    after_end = clause_end(text, q.end)
    if i + 1 < len(quantities) and quantities[i + 1].start < after_end:
        # A number that closes its list item leaves the next item's noun to the next number (食堂57家、服务站336个).
        after_end = q.end if text.startswith("、", q.end) else quantities[i + 1].start
        # A next item that opens with its own verb starts at its 、 (新增16个服务站（日间照料中心）、提质改造5个…).
        next_item = NEXT_ITEM.search(text[:after_end], q.end)
        after_end = next_item.start() if next_item else after_end
    lead = text[start : q.start].rstrip()
    opening = clause_start(text, q.start)
    first_in_clause = min(p.start for p in quantities if p.start >= opening)
    clause_lead = TOTALITY.sub("", text[opening:first_in_clause].rstrip())
    if BENEFICIARY.search(clause_lead) and not text[q.end : after_end].strip() and PAID_NEXT.match(text, after_end):
        # 共为2765户4304人，发放城乡低保金…: the people are those the next clause pays.
        following = [p.start for p in quantities[i + 1 :] if p.start > after_end]
        after_end = min(clause_end(text, after_end + 1), following[0] if following else len(text))
        return Subject(own=own, before=text[cut_at_qizhong(text, q.start) : start], after=text[q.end + 1 : after_end])
    return Subject(
        own=own,
        before=text[cut_at_qizhong(text, q.start) : start],
        after=text[q.end : after_end],
        counted_after=not BENEFICIARY.search(TOTALITY.sub("", lead)),
        total=bool(TOTALITY.search(lead)),
    )


def value_runs(text: str, quantities: list[Quantity]) -> list[list[int]]:
    """Runs of two or more values of one kind joined only by 、/和 (924元、745元)."""
    runs: list[list[int]] = []
    current = [0] if quantities else []
    for i in range(1, len(quantities)):
        a, b = quantities[i - 1], quantities[i]
        if LIST_JOINER.match(text[a.end : b.start]) and a.unit_class == b.unit_class:
            current.append(i)
        else:
            runs.append(current)
            current = [i]
    runs.append(current)
    return [run for run in runs if len(run) > 1]


# A note in brackets of what a name includes or leaves out (含艾滋病病毒感染儿童、事实无人抚养儿童，下同; 除…试点外): an aside, whose words name
# nothing the figure counts and whose commas end no clause.
NOTE_IN_BRACKETS = re.compile(r"[（(](?:含|包括|不含|不包括|除)[^（）()]{2,40}[)）]")


# A heading that names one programme and nothing else (一、最低生活保障; （一）城乡低保): no figure, no list of topics.
PROGRAMME_HEADING = re.compile(rf"[^0-9、，,和及与]{{0,6}}{PROGRAMME}[^0-9、，,和及与]{{0,6}}")


STANDARD_HEADING = re.compile(r"标准$")
ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])")


# A note in brackets once masked (中心城区（含…，下同）): no word of the place it follows.
MASKED_NOTE = re.compile(r"[（(]□+[)）]")


# A subject that names only the whole region (全市统一从每人每月…): under a standard's heading, the heading's standard.
WHOLE_ONLY = re.compile(r"(?:全|我|本)[省市县区州盟旗](?:统一|均|范围内)?")


def under_heading(figure: Figure, heading: str, topic_heading: str) -> None:
    """Lend a programme's heading (一、城市低保; （一）城市低保保障标准) to a figure whose sentence names no programme: as
    its own words when it is a line of the standard's values alone, or a per-person sum of a zone (城关区、七里河区：年人
    均由A提高到B), else as the words before it."""
    subject = figure.subject
    if PROGRAMME_WORD.search(subject.before + subject.own + subject.after):
        return
    q = figure.quantity
    per_person = q.unit_class == "money" and bool(q.per or figure.per_inherited)
    if STANDARD_HEADING.search(topic_heading) and not subject.before and not HAN.search(linking_only(subject.own)):
        figure.subject = replace(subject, own=topic_heading + subject.own)
    elif per_person and (
        PLACES_ONLY.fullmatch(
            place := MASKED_NOTE.sub("", PER_PHRASE.sub("", FROM_MARKER.sub("", subject.own))).strip(" ：:、，,")
        )
        or WHOLE_ONLY.fullmatch(place)
    ):
        standard = topic_heading if STANDARD_HEADING.search(topic_heading) else topic_heading + "标准"
        figure.subject = replace(subject, own=FROM_MARKER.sub("", subject.own) + standard)
    else:
        figure.subject = replace(subject, before=f"{heading}，{subject.before}")


def figures_of(text: str, areas_first: bool = False, heading: str = "", lead: str = "") -> list[Figure]:
    """Find the figures of a sentence, each with the subject that decides its indicator; `areas_first` when the
    report states tekun standards for town and country apart, so that an area beats a care mode; `heading`, the
    section's heading, names the programme of figures whose sentence names none (一、最低生活保障 … 累计支出资金…);
    `lead`, the paragraph before the sentence, names the programme a 其中 split by area opening the sentence divides."""
    quantities = find_quantities(text)
    text = joined_topic(BOOK_TITLE.sub(lambda m: "《" + "□" * (len(m.group(0)) - 2) + "》", text))
    text = NOTE_IN_BRACKETS.sub(lambda m: m.group(0)[0] + "□" * (len(m.group(0)) - 2) + m.group(0)[-1], text)
    if "分别" not in text:
        text = towns_and_country_as_both(text)
    text, tags = blank_area_tags(text, [q.end for q in quantities])
    runs = value_runs(text, quantities)
    figures: dict[int, Figure] = {}
    for group, run in enumerate(runs):
        distributed, shared = list_subjects(text, quantities, run)
        for k, i in enumerate(run):
            subject = distributed[k] if distributed else shared
            figures[i] = Figure(quantities[i], subject, shared=shared, group=group)
    compared_lists(text, quantities, runs, figures)
    pairs, merged = rises(text, quantities, runs)
    tier_topic = ""
    for i, q in enumerate(quantities):
        if i in pairs:
            earlier = figures[pairs[i]]
            if i in merged and earlier.shared:
                figures[i] = Figure(q, both_areas_merged(earlier.shared))
            else:
                figures[i] = Figure(q, earlier.subject, shared=earlier.shared, group=earlier.group)
            for k in merged.get(i, [pairs[i]]):
                figures[k].earlier = True
                if not figures[k].quantity.per and q.per and q.unit_class == "money":
                    figures[k].per_inherited = q.per  # 在1000元的基础上提高到每人每年1200元: both yearly
            continue
        if i in figures:
            continue
        subject = plain_subject(text, quantities, i)
        previous = figures.get(i - 1)
        between = text[quantities[i - 1].end : q.start] if i > 0 else ""
        if previous and COMPARISON.search(between):
            figures[i] = Figure(q, previous.subject, compared_with=(quantities[i - 1].end, q.start))
        elif previous and LIST_JOINER.match(between) and previous.quantity.unit_class != q.unit_class:
            shared = replace(previous.subject, after=subject.after)
            previous.subject = shared if previous.group is None else previous.subject
            figures[i] = Figure(q, shared)
        else:
            if i + 1 in pairs:
                subject = replace(subject, own=FROM_MARKER.sub("", subject.own))
                subject, tier_topic = tier_subject(subject, tier_topic)
            figures[i] = Figure(q, subject)
    mark_shares(text, quantities, pairs, figures)
    ordered = [figures[i] for i in range(len(quantities))]
    name_areas(ordered)
    lend_programme(ordered)
    lend_previous_programme(ordered, lead)
    lend_change_verb(ordered)
    inherit_list_units(ordered)
    tier_lists(ordered)
    headed_standards(ordered)
    split_areas(ordered, text, lead)
    tagged_areas(ordered, tags, merged)
    topic_heading, period = heading_period(ORDINAL.sub("", heading).strip())
    if PROGRAMME_HEADING.fullmatch(topic_heading):
        for figure in ordered:
            lend_period(figure, period)
            under_heading(figure, heading, topic_heading)
    for figure in ordered:
        if topic_words := zone_topic(figure.subject.own, lead):
            figure.subject = replace(figure.subject, own=figure.subject.own + topic_words)
    respective_areas(ordered)
    shared_predicate(ordered)
    lend_actor(ordered)
    if areas_first:
        for figure in ordered:
            area_over_mode(figure)
    return [
        split
        for figure in ordered
        for shared in shared_by_programmes(figure)
        for split in unified_standard(shared, lead)
    ]


# What names a standard: a programme or the word 标准 itself.
def split_areas(figures: list[Figure], text: str, lead: str = "") -> None:
    """Parts by area after 其中 (城乡低保对象8万人，其中城市保障对象9千人、农村…): an area that names no programme is
    the area of the programme of the total it divides; so are the entries and exits of a sentence that opens with 其中
    (…低保人数为7978人。其中今年新增1042人)."""
    for figure in figures:
        at = text.rfind("其中", 0, figure.quantity.start)
        own = figure.subject.own
        opening = at >= 0 and not text[:at].strip() and bool(ENTRY_OR_EXIT.search(own))
        if at < 0 or not (TIER_AREA.search(own) or opening) or PROGRAMME_WORD.search(own):
            continue
        programmes = PROGRAMME_WORD.findall(lead + text[:at])
        if programmes:
            figure.subject = replace(figure.subject, own=own + programmes[-1])


def inherit_list_units(figures: list[Figure]) -> None:
    """Values of a list take the first value's 每人每月 and its qualifier (分别不低于A、B), and the last value's
    period when only it carries one (分别为A元、B元/月)."""
    first: dict[int, Quantity] = {}
    last = {figure.group: figure.quantity for figure in figures if figure.group is not None}
    for figure in figures:
        tail = last.get(figure.group)
        if tail is not None and tail.per and not figure.quantity.per and figure.quantity.unit_class == "money":
            figure.per_inherited = tail.per
        if figure.group is None:
            continue
        if figure.group not in first:
            first[figure.group] = figure.quantity
            continue
        lead = first[figure.group]
        if lead.per and not figure.quantity.per and figure.quantity.unit_class == "money":
            figure.per_inherited = lead.per
        if figure.quantity.qualifier == "exact" and lead.qualifier != "exact":
            figure.quantity = replace(figure.quantity, qualifier=lead.qualifier)
