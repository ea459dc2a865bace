"""Counts of places and beds: the stock a report counts, or places a plan builds or the year added, and beds of all
residential institutions rather than the elderly's."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator, column_map, indicator
from minzheng.extract.patterns import first_clause, last_clause

# Beds of all residential social-service institutions (统计公报: 提供住宿的社会服务机构68个，床位0.90万张; 社会服务床位N张),
# and their parts: not only the elderly's, unless a part is named as the elderly's (其中，养老床位N张).
ALL_RESIDENTIAL = re.compile(r"提供住宿的社会服务机构|社会服务(?:机构)?床位")
ELDERLY_PART = re.compile(r"养老|老年|敬老")


def beds_of_all_residential(text: str, position: int, unit_class: str) -> bool:
    """Whether beds stand in the part of a sentence (up to its last ；) that counts all residential institutions."""
    start = max(text.rfind("；", 0, position), text.rfind(";", 0, position)) + 1
    found = ALL_RESIDENTIAL.search(text, start, position)
    return unit_class == "beds" and found is not None and not ELDERLY_PART.search(text, found.end(), position)


# Places a plan builds this year (今年将建立50个…日间照料中心; 将继续建设30个…) are new places, not the
# stock a report counts; a plan's total (总数将达到132个) stays the stock. Community centres newly built or added in
# the year (新建城市社区居家养老服务中心3个) are new places too; a township's or street's centre (乡镇综合养老服务中心)
# stays a centre, built or planned.
BUILD_PLANNED = re.compile(r"(?:建立|建设|新建|再建|建(?!成))[^，,；;。]{0,30}$")
NEWLY_BUILT = re.compile(r"(?:新建|新增)[^，,；;。]{0,30}$")
# Places completed in a year the sentence names (去年…建成城市社区老年人日间照料中心3个) are new too; 已建成 counts the stock.
YEAR_BUILT = re.compile(r"(?<![已共计])建成[^，,；;。]{0,30}$")
YEAR_WORD = re.compile(r"去年|今年|全年|年内|当年|本年|(?:19|20)\d{2}\s*年")
STOCK_WORDS = re.compile(r"总数|总量|达到|覆盖|累计")
ABOVE_COMMUNITY = re.compile(r"乡镇|街道|镇街|镇[（(]街|区域|综合|县级|镇级|区县|苏木")


def places_to_build(text: str, position: int, found: Indicator, modality: str) -> Indicator:
    """The id a count of places built takes: the codebook's `added_as` of a stock of places (elderly-service
    facilities → new stations) for places a plan builds or the year newly built, else the id found."""
    added = column_map("added_as").get(found.id)
    if not added:
        return found
    clause = last_clause(text[:position])
    # Only the item's own words say its level; a verb before a list (建设A、B、C) builds every item.
    item = clause.split("、")[-1] + first_clause(text[position:]).split("、")[0]
    if ABOVE_COMMUNITY.search(item) or STOCK_WORDS.search(clause):
        return found
    planned = modality == "target" and BUILD_PLANNED.search(clause)
    built = YEAR_BUILT.search(clause) and YEAR_WORD.search(text, 0, position)
    return indicator(added) if planned or built or NEWLY_BUILT.search(clause) else found
