"""The topic a clause takes from the clause before it when it names none of its own (…标准，由X提高到Y; 城镇895元;
…新增40户，共有1700户), where clauses begin and end, and the area a sentence names before a standard that names none."""

from __future__ import annotations

import re

from minzheng.extract.numbers import PER_PHRASE, Quantity
from minzheng.extract.patterns import (
    BULLET,
    CLAUSE_BREAK,
    FROM_MARKER,
    HAN,
    INCREMENT,
    LINKING,
    PROGRAMME,
    PROGRAMME_WORD,
    STANDARD_WORD,
    TOPIC_BREAK,
    goes_on,
    last_sentence,
)


def clause_start(text: str, position: int) -> int:
    """Start of the clause that holds a position."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def clause_end(text: str, position: int) -> int:
    """End of the clause that holds a position."""
    match = CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


# A tier's own words that name town or country.
TIER_AREA = re.compile(r"城市|城镇|农村")


# Words that restate the clause before or only link to it (…月提高60元，即由500元提高到560元; …标准，则由A提高到B).
RESTATING = re.compile(r"^(?:即|也就是|也即|则|亦|又|也)(?:每人每[月年])?(?:分别)?")


def topic(text: str, quantities: list[Quantity], i: int, start: int) -> str:
    """The words that name a clause's topic when the clause itself says only 由…/达到/提高到 (…标准，由X提高到Y;
    …标准提高了35元，达到560元): the clause before it, up to its own first figure."""
    words = FROM_MARKER.sub("", text[start : quantities[i].start])
    own = PER_PHRASE.sub("", LINKING.sub("", RESTATING.sub("", words)))
    area = AREA_ONLY.fullmatch(own.strip())
    tier = CARE_TIER.fullmatch(own.strip()) or PLACES_ONLY.fullmatch(own.strip())
    stock = STOCK_ONLY.fullmatch(own.strip())
    mode = MODE_ONLY.fullmatch(own.strip()) and not FROM_MARKER.search(text[start : quantities[i].start])
    change = CHANGE_ONLY.fullmatch(own.strip())
    # A zone listed after a colon (…标准为：市内四区和崂山、城阳为每人每月480元): the words before the colon name it.
    tier = tier or (text[start - 1 : start] in "：:" and ZONE_AFTER_COLON.fullmatch(own.strip()) is not None)
    if (
        start == 0
        or text[start - 1] not in TOPIC_BREAK
        or (not own.strip() and OWN_GROUP.match(text, quantities[i].end))
    ):
        return ""
    if PROGRAMME_WORD.search(own) and STANDARD_WORD.search(own):
        return ""  # a clause that names a programme's standard itself (城市低保月保障标准两区由…) needs no topic
    if quantities[i].unit_class == "percent" and RISE_ONLY.fullmatch(own.strip()):
        return risen_standard(text, quantities, start)
    if (listed := listed_zone(text, quantities, i, own)) is not None:
        return listed
    if HAN.search(own) and not (area or tier or stock or mode or change):
        return ""
    previous = clause_start(text, start - 1)
    stock = stock and any(previous <= q.start < start for q in quantities)
    if stock is False and not (area or tier or change):
        return ""
    while (
        stock
        and previous > 0
        and not HAN.search(CHANGE.sub("", text[previous : first_figure(text, quantities, previous)]))
    ):
        previous = clause_start(text, previous - 1)
    # Money paid after a rate (重度残疾人护理补贴按一级80元/月/人，二级50元/月/人的标准，已发放N元): the programme
    # the sentence opened with, however many clauses of rates stand between.
    while PAID_ONLY.fullmatch(own.strip()) and previous > 0 and not PROGRAMME_WORD.search(text[previous:start]):
        previous = clause_start(text, previous - 1)
    inside = [q.start for q in quantities[:i] if q.start >= previous]
    if tier and PLACES_ONLY.fullmatch(own.strip()):
        # Zones after the standard's rise in per cent (…低保标准提高8%，五区从A提高到B): the rise stops no zone.
        inside = [q.start for q in quantities[:i] if q.start >= previous and q.unit_class != "percent"]
    # A bare number of another unit after the clause (…1.2万户，2.3万人) pairs with it, unless its own noun follows it
    # (…标准分别为349元/月和188元/月，598万城乡低保对象…).
    pair = not words.strip() and i > 0 and quantities[i - 1].unit_class != quantities[i].unit_class
    pair = pair and not HAN.match(text, quantities[i].end)
    if inside and not (
        stock
        or mode
        or LINKING.match(words)
        or pair
        or FROM_MARKER.match(RESTATING.sub("", text[start : quantities[i].start]))
        or (tier and FROM_MARKER.search(text[start : quantities[i].start]))  # 两区由A提高到B，五县由C提高到D
    ):
        return ""
    words = INCREMENT.sub("", text[previous : inside[0] if inside else start - 1])
    if area:
        words = area[0] + TIER_AREA.sub("", words.replace("城乡", ""))
    if mode:
        words = MODE_WORD.sub("", words)
    if stock:
        words = CHANGE.sub("", text[previous : first_figure(text, quantities, previous)])
        if AMOUNT_ONLY.fullmatch(own.strip()) and not PROGRAMME_WORD.search(words):
            return ""
    elif inside and (STOCK_ONLY.fullmatch(words.strip()) or ROUNDED_ONLY.fullmatch(words.strip())):
        words = topic(text, quantities, next(k for k, q in enumerate(quantities) if q.start >= previous), previous)
    return words if HAN.search(words) else ""


def first_figure(text: str, quantities: list[Quantity], start: int) -> int:
    """Where the first figure after a position stands: its first digit, or the start of a figure in Chinese numerals."""
    return min([q.start for q in quantities if q.start >= start] + [first_digit(text, start)])


def first_digit(text: str, start: int) -> int:
    """Where the first digit after a position stands (or the text's end), a clause's ordinal (1.、2、) or opening
    year (2003年) skipped."""
    ordinal = re.compile(r"\s*(?:\d{1,2}[.．、](?!\d)|(?:19|20)\d{2}\s*年(?:\d{1,2}月)?)").match(text, start)
    match = re.compile(r"\d").search(text, ordinal.end() if ordinal else start)
    return match.start() if match else len(text)


# A clause that names only places of the home, a zone (…城市低保标准，随县、广水市由440元提高至480元，曾都区…): the
# topic of the clause before it, as a care tier does.
# A zone may also be counted or described rather than named (历下、历城等5区; 两县政府所在镇; 两县其他乡镇; 其他各县(市)).
PLACES_ONLY = re.compile(
    r"(?:(?:(?!城市|[我本全]市|[我本全]县|[我本全]区)[^\W\d为是的对向给在把将提共有了和及与]{1,10}?"
    r"(?:县|区|市|旗|城区|新区|开发区|风景名胜区)"
    r"|(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}等?(?=\d|[两二三四五六七八九十]个?[县区市])"
    r"|(?:\d{1,2}|[两二三四五六七八九十])个?(?:县|区|市|旗)(?:[(（][市区县][)）])?(?:政府所在[地镇]|其他乡镇|城区|县城)?"
    r"|(?:其他|其余|其它)各?(?:县|区|市|旗)(?:[(（][市区县][)）])?"
    r"|(?:县|区|市)?政府所在地?的?(?:乡镇|镇)|(?:其他|其余|其它)(?:乡镇|镇|乡))[、和及与]?)+"
)


# A count that opens its clause and names its own group right after (…提高城乡低保标准，22万城乡低保对象受益): the
# clause before lends it nothing.
OWN_GROUP = re.compile(rf"(?:名|个)?(?:城乡|城市|城镇|农村)?{PROGRAMME}")


# A clause that names only an area (…标准为：城镇895元/人/月): the area of the topic before it.
AREA_ONLY = re.compile(r"城市|城镇|农村|牧区|农牧区")
# A clause that says only how many there are now (…新增40户60人，清退50户70人，共有1700户) or how much was paid
# (…发放护理补贴6900人次，金额55.8万元; …的标准，已发放资金N元): the clauses before name whom, and their verbs of change
# are not its own.
PAID_ONLY = re.compile(r"(?:已|共|累计|共计)(?:发放|支出|兑现)(?:资金|金额)?")
AMOUNT_ONLY = re.compile(r"(?:发放|支出)?(?:金额|资金)(?:为|达|共计)?")
STOCK_ONLY = re.compile(
    rf"(?:目前|现)?(?:共有|现有|共计|合计|总计|累计共有|总人数(?:达到|为)?|(?:保障|救助|供养)(?:人数|户数)(?:达到|为)?)|{AMOUNT_ONLY.pattern}|{PAID_ONLY.pattern}"
)
# A clause that says nothing before its number but that a round sum was passed (…发放低保金再创新高，突破2000万元，达
# 2037万元): the clause before it names what both sums are.
ROUNDED_ONLY = re.compile(r"(?:突破|超过|逾|超)?")
# A clause that names only a care mode (…“孤儿”分散供养标准为1008元/月，集中供养标准为1232元/月): the mode of the
# group the clause before names (its own mode and area left behind).
MODE_ONLY = re.compile(r"(?:集中|分散)(?:供养|养育)?的?(?:基本生活)?标准(?:为|是|达到)?")
MODE_WORD = re.compile(r"集中|分散|城市|城镇|农村|城乡")
CHANGE = re.compile(r"新增|新纳入|纳入|清退|退出|减少|取消|停发|扩面|再次")
# A zone right after a colon that follows a standard: words ending in 为 (市内四区和崂山、城阳为…), or short names with
# no level word (…标准每人每月：柳林、孝义695元).
ZONE_AFTER_COLON = re.compile(
    r"[^\d，,；;。：:]{2,16}?(?:均|都)?为|[\u4e00-\u9fff]{2,4}(?:[、和及与][\u4e00-\u9fff]{2,4})*(?:均|都)?为?"
)
# A further zone of such a list, named short (…480元，黄岛500元，五市均为420元): the topic of the zone before it.
NEXT_ZONE = re.compile(
    r"(?!完成|达到|实现|累计|超过|占|比|较|提高|增长|增加|人均)(?:[^\d，,；;。：:为是的、]{1,6}?[、和及与])*"
    r"[^\d，,；;。：:为是的、]{1,6}?(?:[(（][^()（）]{1,8}[)）])?(?:均|都)?为?"
)


def listed_zone(text: str, quantities: list[Quantity], i: int, own: str) -> str | None:
    """The topic a further zone of a colon's list takes from the zone before it, or None when it is no such zone."""
    if i == 0 or not NEXT_ZONE.fullmatch(own.strip()) or PROGRAMME_WORD.search(own):
        return None
    before = quantities[i - 1]
    if before.unit_class != "money" or quantities[i].unit_class != "money":
        return None
    start = clause_start(text, before.start)
    zone = PER_PHRASE.sub("", text[start : before.start]).strip()
    if not (ZONE_AFTER_COLON.fullmatch(zone) or PLACES_ONLY.fullmatch(zone) or NEXT_ZONE.fullmatch(zone)):
        return None
    return topic(text, quantities, i - 1, start) or None


# A clause that gives only a rise in per cent (…，提高30元/人·月，增4.9%): the standard a clause before raised.
RISE_ONLY = re.compile(r"(?:同比|比上年)?(?:增|增长|增加|上涨|提高|提升|增幅|涨幅|增速)(?:为|达)?了?(?:达)?")


def risen_standard(text: str, quantities: list[Quantity], start: int) -> str:
    """The words of the nearest clause before a position that names a standard, up to its first figure, and 提高."""
    end = start - 1
    while end > 0:
        begin = clause_start(text, end)
        words = text[begin : first_figure(text, quantities, begin)]
        if "标准" in words and begin < end:
            return words + "提高"
        end = begin - 1
    return ""


# A clause that says only how many came in or went out (…低保对象适当扩展，新增9.9万人): the clause before names whom.
CHANGE_ONLY = re.compile(r"(?:共|累计|全年)?(?:新增|新纳入|清退|退出)(?:了)?")


# A clause that names only a tier of care (…分三档，均按照不能自理每人每月450元、半自理…): a tier of the topic before it.
CARE_TIER = re.compile(r"(?:完全|部分|基本)?(?:不能|丧失)?(?:生活)?(?:全|半)?(?:自理|护理|失能)(?:能力)?(?:人员|的)?")


# The standard a sentence ended by a semicolon names (在城市居民最低生活保障标准上，A区由…；): the next sentence's zones
# (B市、C市由…提高到…) rise in it too.
LEAD_STANDARD = re.compile(r"[^，,；;。：:]*标准")


# An old rural standard written as the income line it guarantees (A县、B县由年人均纯收入2200元提高到…).
INCOME_LINE = re.compile(r"(?:年|月)?人均纯收入$")


# A care mode alone after a semicolon (…标准：集中供养对象统一提高到A；散居供养对象统一提高到B): the standard before it.
LEAD_MODE = re.compile(
    r"(?:集中|分散|散居|机构)(?:供养|养育)?(?:对象|孤儿|人员)(?:统一|均)?"
    r"(?:为|是|达到|提高到|提高至|调整为|调整到)?"
)


def zone_topic(own: str, lead: str) -> str:
    """The standard a zone-only subject (盖州市、大石桥市由) takes from a sentence before it that a semicolon ends, or ''."""
    words = BULLET.sub("", INCOME_LINE.sub("", FROM_MARKER.sub("", own)).strip())
    opens_a_list = goes_on(lead) or lead.rstrip().endswith(("：", ":"))
    if not opens_a_list or not (PLACES_ONLY.fullmatch(words) or LEAD_MODE.fullmatch(words)):
        return ""
    sentence = last_sentence(lead)
    found = LEAD_STANDARD.findall(sentence)
    if found:
        return found[-1].lstrip("在")
    # No standard named: the group the sentence before sets its first zone's sum for (散居孤儿二类区由A提高到B；).
    opening = re.match(r"[^\d，,；;。：:]*", sentence).group(0)
    return opening[: zone.start()] if (zone := LEAD_ZONE.search(opening)) else ""


# A tier of places and its 由 that end the words before a lead sentence's first sum (…孤儿二类区由): the group is what
# is left; without them the lead names no zone and lends nothing.
LEAD_ZONE = re.compile(
    r"(?:[一二三四五六七八九]类(?:地)?区|第[一二三四五六七八九]档(?:地区)?)(?:由|从)(?:每人每月|每人每年|月人均|年人均)?$"
)


# One area's programme named earlier in a sentence (共有城市低保对象140万人，…，月人均低保标准为191元).
AREA_PROGRAMME_NAMED = re.compile(r"(城乡|城市|城镇|农村|牧区)[^，,；;。\d]{0,4}?(低保|最低生活保障|特困|五保)")


def sole_area_before(standard: str, before: str) -> str:
    """The area ("城市" or "农村") of the one area's programme the sentence names before a standard that names none,
    when it names the standard's programme for that area alone; else empty (then the standard is both areas')."""
    named = {m.group(1) for m in AREA_PROGRAMME_NAMED.finditer(before) if m.group(2) in standard}
    if len(named) != 1 or "城乡" in named:
        return ""
    return "农村" if named & {"农村", "牧区"} else "城市"


# A zone's standard that names no area, listed after a zone's standard that does (各区城市低保标准…；两县政府所在镇低保
# 标准…): the list is of one area's standards, so it takes the area its first zone named.
ZONE_AREA = re.compile(r"(城市|城镇|农村)[^，,；;。]{0,8}?(低保|最低生活保障|特困|供养人员)[^，,；;。]{0,12}?标准")
WHOLE_REGION = re.compile(r"全|我|本|统一|各类")


def sibling_area(zone: str, standard: str, before: str) -> str:
    """The area the previous zone of a list named for the same programme, when this figure's subject opens with a zone
    of its own (两县政府所在镇, 其他乡镇); else empty."""
    if not HAN.search(zone) or WHOLE_REGION.search(zone):
        return ""
    named = [m for m in ZONE_AREA.finditer(before) if m.group(2) in standard]
    return "农村" if named and named[-1].group(1) == "农村" else ("城市" if named else "")
