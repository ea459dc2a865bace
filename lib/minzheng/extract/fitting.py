"""Which units can measure an indicator, and the unit a row is written in: per-person standards keep their period,
money is never a limit or a rate per head, counts take the codebook's unit."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator
from minzheng.extract.figure import Figure, Subject
from minzheng.extract.patterns import INCREMENT, STANDARD_WORD, last_clause
from minzheng.extract.units import inferred_period

UNIT_CLASSES = {
    "元/人/月": {"money"},
    "元/人/年": {"money"},
    "元": {"money"},
    "人": {"people"},
    "人次": {"person_times", "people", "households"},
    "张": {"beds"},
    "处": {"places"},
    "个": {"places"},
    "户": {"households"},
    "次": {"times"},
    "%": {"percent"},
}


# More people or households than any region of a level holds (广东, the most populous province, has about 127 million
# people; no prefecture-level city 40 million; no county or district 10 million).
MOST_PEOPLE = {"province": 2e8, "prefecture-level city": 4e7, "county-level city": 1e7, "county": 1e7, "district": 1e7}


def beyond_the_region(unit_class: str, value: float, level: str) -> bool:
    """Whether a count of people or households is more than a region of the report's level can hold: two numbers run
    together on the page (2650140493人 for 26501户40493人), or a misprint."""
    return unit_class in ("people", "households") and value > MOST_PEOPLE.get(level, 2e8)


# Things only counted whole: a fraction of a bed or a person (千名老年人口享有养老床位28.7张) is a ratio, not a count.
WHOLE_COUNTS = ("people", "households", "beds", "places", "person_times")


def a_fraction_of_a_count(unit_class: str, value: float | None) -> bool:
    """Whether a count of people, households, beds or places is not a whole number once its 万 or 亿 is applied."""
    return unit_class in WHOLE_COUNTS and value is not None and value != round(value)


def unit_fits(indicator: Indicator, figure: Figure) -> bool:
    """Whether a figure's unit can measure the indicator."""
    q = figure.quantity
    if q.unit_class not in UNIT_CLASSES.get(indicator.unit, set()):
        return False
    per = q.per or figure.per_inherited
    if indicator.unit.startswith("元/人/"):
        if INCREMENT.search(figure.subject.own) or MONEY_SUM.search(q.raw) or MONEY_NOUN.search(figure.subject.own):
            return False
        if not per and LARGE_SUM.search(q.raw):
            return False  # a sum in 万 with no per-head period (投入40余万元) is money, never one person's standard
        return bool(per) or bool(STANDARD_WORD.search(figure.subject.own))
    clause = last_clause(figure.subject.before + figure.subject.own) + figure.quantity.raw
    if indicator.unit == "%" and (figure.share or SHARE_OF.search(figure.subject.own) or SET_AS_SHARE.search(clause)):
        return False  # a share of another figure (福利机构孤儿的60%) is neither a rate nor a rise
    if indicator.unit in ("人", "户") and not CHANGE_LABEL.search(indicator.label_zh) and change_against(figure):
        return False  # by how much a caseload changed against a year before (较上年度增长1.6万人) is not the caseload
    if indicator.unit == "元":
        if LIMIT_OR_STANDARD.search(figure.subject.own) or INCREMENT.search(figure.subject.own):
            return False  # a limit, or by how much something rose (农村低保提高500元), is no programme's money
        return not per and not PER_HEAD_RATE.match(figure.subject.after) and not paid_at_a_rate(figure.subject)
    return True


# Counts of a change (the codebook labels them 新纳入…, 退出…) may follow a change verb; no stock may where the words
# compare with an earlier time (与上年同期相比，低保人数减少519人; 城乡低保人数较上年度增长1.6万人).
CHANGE_LABEL = re.compile(r"新纳入|新增|退出")
CHANGE_VERB = re.compile(r"(?:减少|下降|增长|增加|净增|净减|回落|上升)了?$")
COMPARED = re.compile(r"较|比|同比|相比|同期")


def change_against(figure: Figure) -> bool:
    """Whether a count's own words end in a change verb and its sentence compares with an earlier time."""
    own = figure.subject.own
    return bool(CHANGE_VERB.search(own)) and bool(COMPARED.search(figure.subject.before[-24:] + own))


# A sum a standard or a ceiling is set at (医疗救助最高标准由5000元提高到10000元; 封顶线为8万元): a limit per case or
# person, never a programme's money.
LIMIT_OR_STANDARD = re.compile(
    r"(?:标准|封顶线|救助上限|最高限额)(?:由|从|为|是|达到?|提高到|提高至)?(?:每人|每次|每年)*$"
)


# A sum in 亿, or one its words call money (新增城乡低保资金5.54亿元), is never one person's standard.
MONEY_SUM = re.compile(r"[亿億]")
# A sum in 万 or 亿 written with no per-head period (投入40余万元) is a programme's money, never one person's.
LARGE_SUM = re.compile(r"[万亿萬億]")
MONEY_NOUN = re.compile(r"资金$")


# A percent right after 的 or after a minimum's noun (不低于福利机构孤儿的60%; 不低于福利机构孤儿60%): a share of the
# figure named, set as a rule; not a date's 的 (由2007年的5.1%提高到当前的52%).
SHARE_OF = re.compile(r"(?<![年月期前时底末])的\s*(?:不低于|不少于)?\s*$|(?:不低于|不少于)[\u4e00-\u9fff]{2,}$")
# A clause that sets a standard as a share of the wage or income (低保标准从按当地最低工资40%制定逐步提高至45%): its
# percents are shares, not rises.
SET_AS_SHARE = re.compile(r"按照?[\u4e00-\u9fff]{0,8}?(?:工资|收入|支出)的?\s*[\d.]+\s*[%％]")


# A sum per head without a period (300元/人): a one-off payment's rate, never a programme's money or its standard.
PER_HEAD_RATE = re.compile(r"^\s*[/／]\s*(?:人|户)(?![/／]?[月年])")


# A one-off payment set per head in the sentence (按照…200元/人的补贴标准，共发放…): the money paid is that payment's.
ONE_OFF_RATE = re.compile(r"元\s*[/／]\s*(?:人|户)(?![/／]?[月年])[^，,；;。]{0,4}?(?:补贴|补助|慰问|发放)标准")


def paid_at_a_rate(subject: Subject) -> bool:
    """Whether money is paid at a per-head rate without a period that its sentence sets before it."""
    return bool(ONE_OFF_RATE.search(subject.before + subject.own))


# A standard whose words name its period away from the number (年标准从2010年起由1700元/人提高到2000元/人).
NAMED_PERIOD = re.compile(r"(年|月)(?=(?:人均)?(?:现金)?(?:供养|保障|低保|救助|补助)?标准)")


def row_unit(indicator: Indicator, figure: Figure) -> str:
    """The unit a row reports: per-person standards keep their period; counts take the codebook's unit."""
    q = figure.quantity
    per = q.per or figure.per_inherited
    if indicator.unit.startswith("元/人/"):
        named = NAMED_PERIOD.findall(figure.subject.own)
        return f"元/人/{per or (named[-1] if named else inferred_period(q.value))}"
    if q.unit_class == "places":
        return indicator.unit
    return q.unit
