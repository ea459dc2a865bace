"""Per-person standards listed tier after tier or rise after rise (全自理每人每月178元，半护理…; 五区由A提高至B，三县由C…):
a tier that names only a group, a care mode, an area or a place takes the standard's name from the tier before it."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.areas import CARE_MODE as MODE_OF_SUPPORT
from minzheng.extract.figure import Figure, Subject
from minzheng.extract.fitting import LARGE_SUM
from minzheng.extract.patterns import FROM_MARKER, HAN, INCREMENT, PROGRAMME
from minzheng.extract.record import Row
from minzheng.extract.topics import PLACES_ONLY, TIER_AREA
from minzheng.extract.units import inferred_period

NAMES_A_STANDARD = re.compile(rf"{PROGRAMME}|标准")


def tier_subject(subject: Subject, topic_words: str) -> tuple[Subject, str]:
    """A rise of one tier after another (城市低保五区由A提高至B，三县由C提高至D): a tier that names only a place or a
    group takes the standard's name from the rise before it; returns the subject and the topic for the next tier."""
    own = subject.own
    if topic_words and TIER_LABEL.match(own.strip()):  # 一档（完全丧失生活自理能力）: the brackets say who, not what
        own = BRACKETS.sub("", own)
        subject = replace(subject, own=own)
    if NAMES_A_STANDARD.search(own) and not elided_measure(own, topic_words):
        return subject, own
    if not topic_words or not HAN.search(own):
        return subject, ""
    if TIER_AREA.search(own):
        topic_words = TIER_AREA.sub("", topic_words)
    if MODE_OF_SUPPORT.search(own):  # its own care mode replaces the rise before's (集中供养标准由A…，分散供养由C…)
        topic_words = MODE_OF_SUPPORT.sub("", topic_words)
    zone = PLACES_ONLY.match(topic_words)
    if zone and PLACES_ONLY.match(FROM_MARKER.sub("", own).strip()):
        topic_words = topic_words[zone.end() :]
        own = FROM_MARKER.sub("", own)
    return replace(subject, own=TIER_AREA.sub("", own) + "".join(TIER_AREA.findall(own)) + topic_words), topic_words


def elided_measure(own: str, topic_words: str) -> bool:
    """Whether a tier names only its area and the group of the rise before, its measure left out (城镇低保对象月人均补助
    水平由A提高到B，农村低保对象由C提高到D): the group alone recurs inside the longer words of the rise before."""
    group = TIER_AREA.sub("", FROM_MARKER.sub("", own)).strip()
    before = TIER_AREA.sub("", topic_words)
    named = bool(TIER_AREA.search(own)) and not OWN_MEASURE.search(own)
    return named and len(group) >= 2 and group in before and len(before) > len(group) + 1


# Words by which a tier names its own measure: it elides nothing.
OWN_MEASURE = re.compile(r"标准|水平|补差|资金|金额")


COLON_TOPIC = re.compile(r"([^，,；;。：:]*标准)\s*[：:]\s*$")
# Ranked tiers may follow …标准为： too (…照料护理补贴标准为：一档…); lettered classes there are payment classes (A档).
RANKED_TOPIC = re.compile(r"([^，,；;。：:]*标准)(?:为|是)?\s*[：:]\s*$")


# A tier named by its rank (一档, 第二档, 三级) and the brackets that describe the people in it.
TIER_LABEL = re.compile(r"(?:第?[一二三四五六七八九]|[1-9])档|(?:[一二三四五六]|[1-6])级[（(]")
BRACKETS = re.compile(r"[（(][^（）()]*[）)]")


def tier_lists(figures: list[Figure]) -> None:
    """Per-person standards listed tier after tier (…标准为全自理每人每月178元，半护理每人每月356元; 城镇895元、农村672元): a
    tier that names only a group or an area takes the standard's name from the tier before it."""
    topic_words = ""
    for figure in figures:
        q = figure.quantity
        if q.unit_class != "money" or not (q.per or figure.per_inherited) or figure.group is not None:
            topic_words = ""
            continue
        if INCREMENT.search(figure.subject.own):
            continue
        # A standard named before a colon after the tier before (…910元/人，即…照料护理补贴标准：一档…) is the new topic.
        ranked = RANKED_TOPIC if TIER_LABEL.match(figure.subject.own.strip()) else COLON_TOPIC
        named = ranked.search(re.split(r"\d", figure.subject.before)[-1])
        topic_words = named.group(1) if named else topic_words
        figure.subject, topic_words = tier_subject(figure.subject, topic_words)


def headed_standards(figures: list[Figure]) -> None:
    """A sum with no period and no 万 or 亿, first after a heading ending …标准： (2、特困保障标准：特困人员基本生活费
    2008元), is one person's standard though no period is written; its period is inferred from its size."""
    for figure in figures:
        q = figure.quantity
        if q.unit_class != "money" or q.per or figure.per_inherited or LARGE_SUM.search(q.raw):
            continue
        if COLON_TOPIC.search(figure.subject.before) and not re.search("[，,；;]", figure.subject.own):
            figure.per_inherited = inferred_period(q.value)


# The period a standard's heading gives its values in brackets (（一）城市低保标准（每人每月）。潞州区628元、…).
# Also a unit in brackets (（单位：元/人·月）, （元/人/年）).
HEADING_PERIOD = re.compile(r"[（(](?:单位[：:]\s*)?(?:元\s*/\s*人\s*[·/]?\s*|每人每|人均每?|每人)?(月|年)[）)]$")


def heading_period(topic_heading: str) -> tuple[str, str]:
    """A heading without the period it names in brackets, and that period (月 or 年, or '')."""
    found = HEADING_PERIOD.search(topic_heading)
    return (topic_heading[: found.start()], found.group(1)) if found else (topic_heading, "")


def lend_period(figure: Figure, period: str) -> None:
    """Give a sum with no period of its own the period its heading names."""
    if period and figure.quantity.unit_class == "money" and not figure.quantity.per and not figure.per_inherited:
        figure.per_inherited = period


def keep_highest_tier(rows: list[Row]) -> list[Row]:
    """For indicators the codebook marks keep=max (care standards by tier), keep a paragraph's highest value of
    each period (the old tiers of a rise and the new ones are two periods)."""
    highest: dict[tuple[object, ...], Row] = {}
    for row in rows:
        if row.indicator.keep == "max":
            key = (row.indicator.id, row.period, row.sentence.paragraph)
            current = highest.get(key)
            if current is None or (row.value or 0) > (current.value or 0):
                highest[key] = row
    return [
        row
        for row in rows
        if row.indicator.keep != "max" or highest[(row.indicator.id, row.period, row.sentence.paragraph)] is row
    ]
