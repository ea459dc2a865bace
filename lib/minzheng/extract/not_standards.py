"""Per-person sums that are not the region's standard: one class's payment, a rise, an average payment, a margin, a
restatement, a subsidy's rate, a floor of all parts or another line."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator
from minzheng.extract.patterns import last_clause
from minzheng.extract.scope import RESPECTIVELY

# A payment of one class of recipients (A类700元、B类560元; 一类对象每人每月…), or a rise listed after 分别 (城乡低保标准
# 分别提高37元和43.58元; 每人每月分别再增加12元和7元): neither is the standard itself.
CLASS_LABEL = re.compile(r"(?:[A-EＡ-Ｅ]|[一二三四五六])类(?:对象|家庭|人员|户)?\s*(?:每人每[月年])?\s*$")
CLASS_AID = re.compile(
    r"(?:[一二三四五六]|[A-EＡ-Ｅ])类(?:低保|保障|救助)?(?:对象|家庭|人员|户)[^，,；;。]{0,8}?(?:补助|补差|救助|由|从)"
)
# A rise by an amount, its verb before the standard and no 到/至/为 after it (提高全市城市低保标准20元/人·月).
RAISED_BY = re.compile(r"(?:提高|上调|提升|增加|调增)了?[^\d，,；;。到至为]{0,24}标准(?:每人每[月年])?\s*$")
LIST_INCREMENT = re.compile(r"分别再?(?:提高|增加|上调|提升|上涨|增长)了?(?![到至为])[^，,；;。到至为]{0,16}$")


def not_the_standard(text: str, position: int, found: Indicator, end: int | None = None) -> bool:
    """Whether a per-person sum is one class's payment, a listed increment, a restatement in brackets or a
    subsidy's rate rather than the standard."""
    if not found.unit.startswith("元/人/"):
        return False
    before = text[max(0, position - 24) : position]
    return bool(
        CLASS_LABEL.search(before[-12:])
        or CLASS_AID.search(last_clause(text[:position]))
        or LIST_INCREMENT.search(before)
        or RAISED_BY.search(last_clause(text[:position]))
        or PER_HOUSEHOLD.search(before[-6:])
        or CATEGORICAL.search(text, 0, position)
        or RESTATED.search(before)
        or average_payment(last_clause(text[:position]))
        or bool(MARGIN.search(last_clause(text[:position])))
        or (end is not None and (SUBSIDY_RATE.match(text, end) or ANOTHER_LINE.match(text, end)))
        or FLOOR_OF_PARTS.search(last_clause(text[:position]))
        or RISE_AMOUNT.search(before)
        or OTHER_LINE_BEFORE.search(last_clause(text[:position]))
        or EXTREME_OF_PARTS.search(last_clause(text[:position]))
        or (found.keep != "max" and range_of_parts(text, position))
        or (found.theme == "social_assistance" and group_top_up(text[:position]))
    )


# Groups inside a programme (享受城乡低保的重残人员、70岁以上老人，救助标准每人每月60元; 城乡低保中在校学生每人每月100元):
# what they get on top is a class's top-up, unless the clause names the programme's own standard.
GROUP_IN_PROGRAMME = re.compile(
    r"(?:低保|最低生活保障)(?:对象|家庭)?(?:中|的)[^，,；;。\d]{0,16}?(?:重残|重病|残疾|老人|老年人|儿童|学生|未成年人|孕妇)"
)
OWN_STANDARD = re.compile(r"(?:低保|最低生活保障)[^，,；;。\d]{0,6}标准")


def group_top_up(before: str) -> bool:
    """Whether a per-person sum follows a group inside the programme and its clause names no programme standard."""
    return bool(GROUP_IN_PROGRAMME.search(before)) and not OWN_STANDARD.search(last_clause(before))


def range_of_parts(text: str, position: int) -> bool:
    """Whether a sum is the top or the bottom of a range the parts' standards span (a highest care tier, which the
    codebook keeps, aside)."""
    clause = last_clause(text[:position])
    return ("最高" in clause or "最低" in clause) and bool(
        RANGE_OF_PARTS.search(text, max(0, position - len(clause) - 16), position + 24)
    )


# The line of another group named before a sum (城镇低收入家庭认定标准提高到1000元/月): not a programme's standard.
OTHER_LINE_BEFORE = re.compile(r"(?:低收入|边缘)[^，,；;。\d]{0,6}标准[^，,；;。\d]{0,8}$")
# The highest or lowest of the parts' standards (最低低保标准为886元/月; not 低保最低标准, a floor), and a range the parts'
# standards span (低保标准最高将达到700元、最低300元): neither is the region's standard.
EXTREME_OF_PARTS = re.compile(
    r"(?:最高|最低)的?(?:城市|农村|城乡)?(?:低保|最低生活保障)(?:保障)?标准[^，,；;。\d]{0,6}$"
)
RANGE_OF_PARTS = re.compile(
    r"最高[^，,；;。\d]{0,6}\d[\d.]*\s*元?[^，,；;。\d]{0,10}?[、，,]\s*最低(?!生活|养育|限定)[^，,；;。\d]{0,6}\d"
)


# A sum the words after it name another line (超过6000元/年的省定兜底脱贫标准), or the floor all parts have passed
# (全省各市、县低保最低标准都已超过500元/人月): neither is the region's standard.
ANOTHER_LINE = re.compile(r"的[^，,；;。\d]{0,8}?(?:脱贫|扶贫|贫困|收入)(?:标准|线)")
FLOOR_OF_PARTS = re.compile(r"各[^，,；;。\d]{0,12}最低标准")


# An average payment (平均发放标准, 季平均发放, 人均补助水平): what recipients get on average after their income, not the
# standard.
AVERAGE_PAYMENT = re.compile(
    r"平均发放|季平均|季人均|人均补助水平|平均补助水平|人均补差|人均[月年]补|[月年]?人均救助|人均发放"
    r"|均领取|人月均(?:补助|补差|发放)|[月年]人均补(?:贴|助|差)"
)


# The amount a standard rose by, named as such (年度提标幅度292元/人年, 提高金额为…): a rise, not a standard.
RISE_AMOUNT = re.compile(r"(?:提标|提高|上调|增长|增加|调增)(?:幅度|金额|额度|额)[^，,；;。\d]{0,4}$")


# A margin over another standard (已超过省低保标准低限30元): the difference, not a standard.
MARGIN = re.compile(r"(?<!不)(?:超过|高于|超出)[^，,；;。元]{0,20}标准[^，,；;。元\d]{0,6}$")


def average_payment(clause: str) -> bool:
    """Whether the clause before a sum names an average payment as its subject (not one of a 分别 list that names a
    standard beside it)."""
    return bool(AVERAGE_PAYMENT.search(clause)) and (RESPECTIVELY not in clause or "标准" not in clause)


# A standard restated in another period in brackets (6480元/年（即540元/月）) is the same figure; a sum followed by the
# one-off or temporary subsidy it is the rate of (每人每月不低于15元的临时补贴) is that subsidy's, not a standard (a
# basic-living subsidy at a rate, 每人每月1000元的基本生活补助, stays the standard).
RESTATED = re.compile(
    r"\d\s*元?\s*(?:[/／]\s*[人年月·]{1,3}){0,2}\s*[（(]\s*(?:即|折合|合|约合)\s*(?:每人每[月年])?\s*(?:不低于)?\s*$"
)


SUBSIDY_RATE = re.compile(r"的?(?:临时|一次性|价格临时|物价|取暖|过节|节日|各类|各项)(?:生活)?(?:补贴|补助)(?!标准)")


# A sum per household (每户每月180元) is a family's allowance; sums after 分类救助/分类施保 in a sentence are the
# top-ups of groups (一级残疾人每人每年…), not the standard.
PER_HOUSEHOLD = re.compile(r"每户")
CATEGORICAL = re.compile(r"分类(?:救助|施保|补助|施救)")
