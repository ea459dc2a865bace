"""Text patterns the extractor's modules share: clause breaks, Han characters, linking verbs and 由/从 markers."""

from __future__ import annotations

import re

# A bracket that opens a standard's own clause (…维持不变（城市低保标准为580元/月，…）) breaks a clause too.
CLAUSE_BREAK = re.compile(
    r"[，,；;：:。！？!?]|[（(](?=(?:城市|城镇|农村|城乡)?[^（）()，,]{0,6}(?:低保|最低生活保障|特困|五保|孤儿)[^（）()，,]{0,10}标准)"
)


def last_clause(text: str) -> str:
    """The words after a text's last clause break: the clause a position at its end stands in."""
    return CLAUSE_BREAK.split(text)[-1]


def first_clause(text: str) -> str:
    """The words before a text's first clause break."""
    return CLAUSE_BREAK.split(text, 1)[0]


HAN = re.compile(r"[\u4e00-\u9fff]")


TOPIC_BREAK = "，,：:"


LINKING = re.compile(
    r"^(?:均|统一|分别|并|再|已|仍)?(?:按照|按|达到|达|为|(?:提高|提升|调整|上调|提标|增加|调|增)(?:到|至|为))"
)


FROM_MARKER = re.compile(r"(?:由|从)[^，。；]{0,12}$")


# What joins the earlier value of 由X提高到Y to the later one: the verb, a date (or 当前的), a per-head period or a minimum;
# the earlier value may carry its period after its unit (由5000元每人每年提高到…).
RANGE_JOIN = re.compile(
    r"^(?:[/／]人)?(?:每人每[月年]|每[月年]每人)?\s*[，,]?\s*[\u4e00-\u9fff]{0,4}?(?:到|至|为)\s*(?:(?:19|20)\d{2}\s*年[底末]?的?|(?:当前|目前|现在|今年|本年|当年)的?)?\s*"
    r"(?:每人每[月年]|每[月年])?(?:不低于|不少于|不超过)?\s*$"
)


# The verb of a rise right before a sum (提高20元, 又涨90元, 提标40元, 增发低保金58元): the sum is by how much something
# rose, not its level.
INCREMENT = re.compile(
    r"(?:提高|增加|上调|提升|增长|调增|上涨|涨|提标|增发(?:低保金|保障金|救助金)?|增|(?<![最较])高)了?\s*$"
)


# Programmes a figure may belong to (低保, 特困 and their older or longer names, orphans, temporary assistance, the
# disability subsidies): a subject that joins two is all of them together.
PROGRAMME = r"(?:低保|最低生活保障|特困|五保|孤儿|临时救助|残疾人?)"


PROGRAMME_WORD = re.compile(PROGRAMME)


# Benefits outside the codebook's programmes (a pension, social insurance): a figure whose own words name one and none
# of the programmes above is that benefit's (城乡居民基础养老金最低标准提高20%), whatever an earlier clause named.
OTHER_BENEFIT = re.compile(r"养老金|养老保险|医疗保险|医保|社保|失业保险|工伤保险|公积金|最低工资|抚恤金?")


# A list item that is a whole noun of another measure (城市低保标准和月人均补助水平分别…): it names nothing of the
# codebook, lends its words to no other item, and the other items keep what they name.
OTHER_MEASURE = re.compile(r"(?:补助|救助|保障)水平$|(?:人均|月人均)?补差(?:水平)?$|人数$|户数$|金额$|比例$|比率$")


# Words that make a sum one person's: a standard, or five-guarantee support's level (五保供养水平达到4212元).
STANDARD_WORD = re.compile(r"标准|供养水平")


def last_sentence(text: str) -> str:
    """The words after a text's last full stop (。！？): the sentence it ends with."""
    return re.split(r"[。！？]", text.rstrip())[-1]


def goes_on(text: str) -> bool:
    """Whether a sentence ends in a semicolon, so what it lists or names goes on into the next sentence."""
    return text.rstrip().endswith(("；", ";"))


# A document's title (《…临时救助实施办法》): its words name a policy and its issuer, never a figure's subject or place.
BOOK_TITLE = re.compile(r"《[^《》]{1,80}》")


# Words of people entering or leaving a programme (新增, 退出): a part that names them counts changes, not a stock.
ENTRY_OR_EXIT = re.compile(r"新增|新纳入|退出|清退|取消")


# A note in brackets the subject finder blanked out (低保（□□□□□□）、特困…): it stands for nothing between words.
BLANKED_NOTE = re.compile(r"[（(]□+[)）]")


# Zones named between a standard and its sum (…标准为市内各区含某某经济开发区由390元…; …标准，A区、B区由…): places the
# standard is set for, which put no distance between the standard and its number.
ZONES_BETWEEN = re.compile(
    r"[为含包括及和、，,]*(?:[\u4e00-\u9fff]{1,8}?(?:开发区|新区|城区|区|县|旗|镇)|[\u4e00-\u9fff]{2,3}(?=、))"
)


# A place's name that begins a longer name (湖北某某建筑有限公司, 济南高新区): the firm or the zone, not the place.
LONGER_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:有限公司|公司|集团|银行|基金会|协会|大学|学院|医院)|[\u4e00-\u9fff]{1,3}?(?:新区|开发区|园区|区)"
)


# A modifier shared by the items of a list of areas (获得最低生活保障的城镇居民、农村居民).
SHARED_MODIFIER = re.compile(r"[^，,、]{2,}的(?=城市|城镇|农村|城乡)")


# A list line's bullet (◆ 盐湖区715元/人/月; ● 永济市、河津市…685元/人/月).
BULLET = re.compile(r"^\s*[◆◇●○■□▲△▪•＊*]\s*")
