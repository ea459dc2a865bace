"""Zones and tiers of a region: standards a city sets zone by zone or tier by tier are rows only where the report
states none for the whole region (parts.drop_tiers_beside_own); the part a report names as its highest or lowest is never
the region's own."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator
from minzheng.extract.patterns import BULLET, goes_on, last_sentence
from minzheng.extract.places import places_named
from minzheng.extract.record import Row
from minzheng.extract.scope import RESPECTIVELY, TIER_COUNT, Home

# A tier of places (划分为三个档次：第一档，贵阳市各区…，保障标准为725元/月; 一类地区…): the figure is the tier's, a row
# only where the report gives none for the whole region (parts.drop_tiers_beside_own).
TIER_OF_PLACES = re.compile(r"第[一二三四五六]档|[一二三四五六]类地区|[一二三四五六]类区(?!域)")


# A list of values closed by the number of its tiers (分别为每人每月878元、850元和825元三档): each value is a tier's.
TIERS_CLOSING = re.compile(r"[\d.元/／人月年每、和及与\s]*?[两二三四五六]个?档")


def a_tiers_figure(text: str, position: int) -> bool:
    """Whether a figure stands in a tier of places of the sentence (from the tier's word up to the next ；) or in a
    list of values its number of tiers closes."""
    start = max(text.rfind("；", 0, position), text.rfind(";", 0, position)) + 1
    return bool(TIER_OF_PLACES.search(text, start, position) or TIERS_CLOSING.match(text, position))


# A per-person sum between two zones of the home's own divisions (随县、广水市由440元提高至480元，曾都区…由510元…).
ZONE_VALUE = re.compile(r"\d\s*元")


# Zones a city names without naming their places (中心城区…远城区…, 市直及…其他各县(市)), and a place named right before
# its sum or its 为/由 (平城区为730元, 长子县550元), whether the division table knows it or not.
ZONE_WORDS = re.compile(
    r"中心城区|远城区|新城区|主城区|市直|市区|其他各?县(?:[(（]市[)）]|市区|区)?|各县[(（]市[)）]"
    r"|(?<![全我本该])[\u4e00-\u9fff]{1,3}(?:区|县|旗)(?=为|由|[:：]|\d)"
)


def a_zones_standard(text: str, position: int, found: Indicator, home: Home) -> bool:
    """Whether a standard stands in a zone of the home: the sentence names two or more of the home's own divisions or
    zones with a sum between them (a city's standards set zone by zone), one of them before it; such a figure is a tier
    of the home, not another place's."""
    prefix = (home.code or "").rstrip("0")
    if not prefix or not found.unit.startswith("元/人/"):
        return False
    inside = sorted(
        [(a, b) for a, b, codes in places_named(text) if any(c.startswith(prefix) and c != home.code for c in codes)]
        + [m.span() for m in ZONE_WORDS.finditer(text)]
    )
    if not any(b <= position for _, b in inside):
        return False
    return any(ZONE_VALUE.search(text, b1, a2) for (_, b1), (a2, _) in zip(inside, inside[1:]))


def a_divisions_standard(text: str, position: int, found: Indicator, home: Home) -> bool:
    """Whether, in a city's report, a standard follows one of the city's own counties or districts as the place named
    nearest before it (东至县城市居民最低生活保障标准提高到561元/月): that zone's standard, which a city that sets its
    standards zone by zone states as its own; not where the parts are counted as a tier (…五区…) or given values
    分别, each a part's."""
    prefix = (home.code or "").rstrip("0")
    if home.level != "prefecture-level city" or not prefix or not found.unit.startswith("元/人/"):
        return False
    named = [(b, codes) for _, b, codes in places_named(text) if b <= position]
    if not named:
        return False
    end, codes = max(named, key=lambda place: place[0])
    if TIER_COUNT.search(text, end, position) or RESPECTIVELY in text[end:position]:
        return False
    return any(code.startswith(prefix) and code != home.code for code in codes)


def drop_divisions_beside_whole(rows: list[Row]) -> list[Row]:
    """A zone's standard of a city's own county or district (`a_divisions_standard`) is a row only where the report
    sets standards zone by zone (zones' standards in two sentences or more) and states no standard of its id for the
    whole city in the same period (an earlier value of a rise, with no period of its own, goes with any)."""
    if len({row.sentence.index for row in rows if row.division}) < 2:
        return [row for row in rows if not row.division]
    whole = [(row.indicator.id, row.period) for row in rows if not row.division and not row.tier]
    return [
        row
        for row in rows
        if not (
            row.division
            and any(i == row.indicator.id and (p == row.period or p is None or row.period is None) for i, p in whole)
        )
    ]


def a_listed_zones_standard(text: str, position: int, found: Indicator, home: Home, lead: str) -> bool:
    """Whether a standard is a zone's in a list of lines under a lead that ends in a colon (…我市城市低保标准调整为：⏎
    ◆ 盐湖区715元/人/月): its line names one of the home's own divisions before it."""
    prefix = (home.code or "").rstrip("0")
    if not prefix or not found.unit.startswith("元/人/") or not lead.rstrip().endswith(("：", ":")):
        return False
    return any(
        b <= position and any(c.startswith(prefix) and c != home.code for c in codes)
        for _, b, codes in places_named(text)
    )


# A line of a list under a line that ends in a colon, marked by a bullet (…我市城市低保标准调整为：⏎◆ 盐湖区715元/人/月).


def lead_of_lines(lead: str, list_lead: str, line: str) -> str:
    """The words a new line's figures read after: for a bulleted line, the line before when it ends in a colon (the
    list's lead), or the lead of the list it goes on; else none."""
    if not BULLET.match(line):
        return ""
    if lead.rstrip().endswith(("：", ":")):
        return lead
    return list_lead


def zone_lead(lead: str) -> str:
    """The sentence before a sentence when a semicolon ends it: its zones and sums go on into the next one."""
    return last_sentence(lead) if goes_on(lead) else ""


# Words that name the whole region or its own level (市本级, 全市): a figure after them is no zone's.
WHOLE = re.compile(r"市本级|县本级|全市|全县|全区|全省|全州|全盟|全旗")


def mark_first_zone(previous: list[Row], found: list[Row], lead: str) -> None:
    """Make tiers of the rows of the sentence before (a semicolon ended it) whose ids the zones of this sentence take:
    the first zone of a list of zones, unless its own clause names the whole region (市本级…)."""
    zone_ids = {row.indicator.id for row in found if row.tier} if zone_lead(lead) else set()
    for row in previous:
        if row.indicator.id in zone_ids and not names_the_whole(row.sentence.text[: row.start]):
            row.tier = True


def names_the_whole(words: str) -> bool:
    """Whether the clause before a figure names the whole region or its own level (其中，市本级…标准提高至…), so the
    figure is no zone's; a whole named before a colon that lists zones (全市…按以下标准执行：A区…) is not."""
    return bool(WHOLE.search(re.split(r"[，,；;：:]", words)[-1]))


# The place a report names as the highest or lowest of its parts (最高的为大连市，标准达到…; 最低的是某县; 最高的是
# 晋江500元, by a short name right before the figure): the figures after it, up to the next ；, are that place's.
EXTREME_PLACE = re.compile(
    r"最[高低](?:(?:的|者)(?:是|为|系)?|是|为|系)\s*(?:[\u4e00-\u9fff]{2,8}?(?:市|县|区|州|盟|旗)(?![\u4e00-\u9fff]{0,2}[为是达])"
    r"|(?!每|标准|不低于|不少于|达到|提高)[\u4e00-\u9fff、]{2,12}?(?=\s*\d))"
)


def about_an_extreme_place(text: str, position: int) -> bool:
    """Whether a figure follows, in its clause group (up to the last ；), the place named as its parts' highest or
    lowest: a part's figure, not the region's own."""
    start = max(text.rfind("；", 0, position), text.rfind(";", 0, position)) + 1
    return bool(EXTREME_PLACE.search(text, start, position + 1))


# A paragraph that opens with another place doing the same (同日，银川市也初步圈定了…): its figures are that place's.
PLACE_ALSO = re.compile(r"^(?:[^，,。]{0,6}[，,])?\s*[\u4e00-\u9fff]{1,8}?(?:市|县|区|州|盟|旗)也")


def another_places_paragraph(lead: str) -> str:
    """The opening clause of the paragraph before a sentence when it names another place doing the same, else ''."""
    opening = PLACE_ALSO.match(lead)
    return opening.group(0) + "。" if opening else ""
