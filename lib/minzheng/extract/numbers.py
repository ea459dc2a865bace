"""Find the quantities a Chinese sentence states: number, multiplier, unit, qualifier and range.

Dates, years, ordinals, document numbers, hotlines and policy formulas are not quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minzheng import paths
from minzheng.extract.numerals import ARABIC, CHINESE, to_number
from minzheng.extract.units import (
    APPROX,
    AT_LEAST,
    AT_MOST,
    MORE_THAN,
    PER_MONTH,
    PER_MONTH_AFTER,
    PER_MONTH_BEFORE,
    PER_YEAR,
    PER_YEAR_AFTER,
    PER_YEAR_BEFORE,
    UNIT_ALTERNATION,
    UNITS,
    inferred_period,
)

MULTIPLIERS = {"千": 1_000, "万": 10_000, "亿": 100_000_000}


EXACT_PRE = ("最高", "达到", "达", "为")


PRE_WORDS = (
    ("超过", "超", "逾", "突破", "多于") + APPROX[:2] + APPROX[3:4] + APPROX[5:] + AT_LEAST + AT_MOST[:2] + EXACT_PRE
)


PRE = "|".join(sorted(map(re.escape, PRE_WORDS), key=len, reverse=True))


PER = "|".join(sorted(map(re.escape, PER_MONTH_BEFORE + PER_YEAR_BEFORE), key=len, reverse=True))


PER_PHRASE = re.compile(PER)


PER_AFTER = "|".join(
    re.escape(p).replace("/", r"\s*/\s*") for p in sorted(PER_MONTH_AFTER + PER_YEAR_AFTER, key=len, reverse=True)
)


POST = "|".join(map(re.escape, ("以上", "左右", "以下", "以内", "之内", "上下", "多")))


QUANTITY = re.compile(
    rf"(?:(?P<pre>{PRE}))?(?P<per>{PER})?"
    rf"(?P<num>(?<![0-9０-９.．第每A-Za-z]){ARABIC}|(?<![零〇一二两三四五六七八九十百千万亿第每]){CHINESE})"
    rf"(?:\s*(?P<dash>[-－—–~～至到])\s*(?P<num2>{ARABIC}|{CHINESE}))?"
    rf"(?:(?<=[0-9０-９])[ \u3000](?=[\u4e00-\u9fff]))?"  # a page's space between digits and what follows: 4000 张, 1948 万元
    rf"(?P<more>余|多)?(?P<mult>[千万亿])?(?P<more2>余|多)?"
    rf"(?P<unit>{UNIT_ALTERNATION})(?![月工周岁年]|小时|分钟|百分点)"
    rf"(?P<per_after>{PER_AFTER})?(?P<post>{POST})?"
)


PERSON_NOUN = r"困难群众|群众|人口|老年人|老人|儿童|居民|对象|职工|残疾人|人员"


# The noun may close a list of groups (16万城乡低保、农村五保对象).
BARE_PEOPLE = re.compile(
    rf"(?P<pre>{PRE})?(?P<num>(?<![0-9０-９.．第每A-Za-z]){ARABIC})(?P<more>余|多)?(?P<mult>[万亿])(?P<more2>余|多)?"
    rf"(?=(?:名|个)?(?:(?!元)[\u4e00-\u9fff]{{2,6}}[、和及与])*[\u4e00-\u9fff]{{0,6}}?(?:{PERSON_NOUN}))"
)


# Households counted without a measure word (为3.9万老年人家庭实施适老化改造): the noun is a family, so households.
BARE_HOUSEHOLDS = re.compile(
    rf"(?P<pre>{PRE})?(?P<num>(?<![0-9０-９.．第每A-Za-z]){ARABIC})(?P<more>余|多)?(?P<mult>[万亿])(?P<more2>余|多)?(?=个?(?:[\u4e00-\u9fff]{{0,6}}?(?:{PERSON_NOUN}))?家庭)"
)


# A sum in 万 or 亿 right after a money noun, with 元 left out (孤儿保障金1628.53万, 累计发放资金 2.33亿).
BARE_MONEY = re.compile(
    rf"(?<=金|费|款)\s*(?P<num>(?<![0-9０-９.．]){ARABIC})(?P<more>余|多)?(?P<mult>[万亿])(?P<more2>余|多)?"
    r"(?![0-9０-９元\u4e00-\u9fff])"
)


# A per-person standard whose 元 the page dropped (630/人/月, 680/月): a sum per person all the same.
# A mirror that stripped the characters of 元/人/月 may leave only // or /· (721//, 7800/·): the period is then the one
# the sum implies.
BARE_STANDARD = re.compile(
    rf"(?P<pre>{PRE})?(?P<num>(?<![0-9０-９.．]){ARABIC})(?P<per_after>{PER_AFTER}|//|/·人?(?![月年]))"
)


YEAR_OR_DATE = re.compile(
    r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{0,2}\s*日?|\d{1,2}:\d{2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
)


QUOTED = re.compile(r"“[^“”]{1,20}”|「[^「」]{1,20}」|『[^『』]{1,20}』|‘[^‘’]{1,20}’|\"[^\"]{1,20}\"")


FORMULA = re.compile(
    r"[0-9０-９N一二三四五六七八九十]+[个项大]?[\u4e00-\u9fff]{0,3}(?:[+＋][0-9０-９N一二三四五六七八九十]+[个项大]?[\u4e00-\u9fff]{0,3})+"
)


REPEATED_NUMERAL = re.compile(
    r"([一二三四五六七八九十])([\u4e00-\u9fff]{1,3}?)\1([\u4e00-\u9fff]{1,3}?)(?=[”’」』、，。；\s]|$)"
)


STREAK = re.compile(rf"{CHINESE}连(?:增|涨|冠|胜|升)")


# A code, not a figure: a budget heading's or a statistics item's number (政府收支分类科目208200, 代码 JZH0112).
CODE_NUMBER = re.compile(r"(?:科目|代码|编码|编号|代号)\s*[:：]?\s*[A-Z]*\d+")


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a sentence, with its value in the base unit."""

    value: float
    unit: str
    unit_class: str
    qualifier: str
    raw: str
    start: int
    end: int
    per: str = ""
    upper: float | None = None

    @property
    def standard_unit(self) -> str:
        """The unit with the per-person period attached: 元/人/月, 元/人/年, else the unit."""
        return f"{self.unit}/人/{self.per}" if self.per else self.unit


@lru_cache(maxsize=1)
def fixed_phrases() -> re.Pattern[str]:
    """A pattern for the policy formulas listed in the library's data file."""
    with open(paths.DATA_DIR / "fixed_phrases.txt", encoding="utf-8") as handle:
        phrases = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    return re.compile("|".join(sorted(map(re.escape, phrases), key=len, reverse=True)))


def masked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans in which no quantity may start: dates, quotes, formulas, codes, fixed phrases."""
    patterns = (YEAR_OR_DATE, QUOTED, FORMULA, REPEATED_NUMERAL, STREAK, CODE_NUMBER, fixed_phrases())
    return [m.span() for pattern in patterns for m in pattern.finditer(sentence)]


def qualifier_of(pre: str, more: str, post: str, is_range: bool) -> str:
    """Map the words around a number to the codebook's qualifier."""
    if is_range or pre in AT_LEAST:
        return "at_least"
    if pre in AT_MOST or post in AT_MOST:
        return "at_most"
    if more or pre in MORE_THAN or post in MORE_THAN:
        return "more_than"
    if pre in APPROX or post in APPROX:
        return "approx"
    return "exact"


def period_of(per: str) -> str:
    """Return '月' or '年' for a per-person period phrase (spaces inside ignored), else ''."""
    per = re.sub(r"\s", "", per)
    if per in PER_MONTH:
        return "月"
    if per in PER_YEAR:
        return "年"
    return ""


def clause_per(sentence: str, position: int) -> str:
    """A per-person period phrase earlier in the figure's clause (月人均补助520元), or ''; one inside a restatement in
    brackets (年人均由8244元（月人均687元）提高到8400元) is not the clause's."""
    start = max(sentence.rfind(mark, 0, position) for mark in "，,；;。")
    found = PER_PHRASE.findall(re.sub(r"[（(][^（）()]*[)）]", "", sentence[start + 1 : position]))
    return found[-1] if found else ""


def is_not_a_count(match: re.Match[str]) -> bool:
    """A lone 一 means 'a', and 万/千 without a digit mean 'many' (万人签名): neither counts."""
    numeral = match["num"]
    if numeral == "一" and not match["num2"]:
        return True
    return bool(re.fullmatch(CHINESE, numeral)) and not re.search("[零〇一二两三四五六七八九]|^十", numeral)


# Elderly-care beds counted with the measure word of places (增加养老床位2000个, 敬老院床位数300个): still beds.
BEDS_BEFORE = re.compile(r"(?:养老|敬老院)[\u4e00-\u9fff]{0,3}床位(?:数)?(?:达到|达|增至|为)?\s*$")


# People counted with the measure word of places (为7144个城乡低保对象发放低保金): still people.
PEOPLE_AFTER = re.compile(r"(?:城乡|城市|城镇|农村|农牧区?)?(?:低保|特困|五保|三无)?(?:对象|供养人员|困难群众)")


def from_match(match: re.Match[str]) -> Quantity | None:
    """Build a Quantity from a regex match, or None when it is no quantity."""
    number = to_number(match["num"])
    if number is None or is_not_a_count(match):
        return None
    multiplier = MULTIPLIERS.get(match["mult"] or "", 1)
    upper = to_number(match["num2"]) if match["num2"] else None
    if match["num2"] and upper is None:
        return None
    unit, unit_class = UNITS[match["unit"]]
    if unit_class == "places" and BEDS_BEFORE.search(match.string[max(0, match.start() - 16) : match.start()]):
        unit, unit_class = UNITS["张"]
    if match["unit"] == "个" and PEOPLE_AFTER.match(match.string, match.end()):
        unit, unit_class = UNITS["人"]
    per = period_of(match["per"] or match["per_after"] or clause_per(match.string, match.start()))
    pre = match["pre"] or ""
    raw_start = match.start()
    if pre in EXACT_PRE:
        raw_start = match.start("per") if match["per"] else match.start("num")
    return Quantity(
        value=round(number * multiplier, 6),
        unit=unit,
        unit_class=unit_class,
        qualifier=qualifier_of(
            pre, (match["more"] or "") + (match["more2"] or ""), match["post"] or "", upper is not None
        ),
        raw=match.string[raw_start : match.end()],
        start=raw_start,
        end=match.end(),
        per=per,
        upper=round(upper * multiplier, 6) if upper is not None else None,
    )


def bare_quantity(match: re.Match[str], unit: str = "人", unit_class: str = "people") -> Quantity:
    """A count of people written without a measure word (34万困难群众), or a sum without 元 (资金2.33亿)."""
    number = to_number(match["num"]) or 0.0
    pre = match.groupdict().get("pre") or ""
    start = match.start("num") if pre in EXACT_PRE else match.start()
    more = (match["more"] or "") + (match["more2"] or "")
    return Quantity(
        value=round(number * MULTIPLIERS[match["mult"]], 6),
        unit=unit,
        unit_class=unit_class,
        qualifier=qualifier_of(pre, more, "", False),
        raw=match.string[start : match.end()],
        start=start,
        end=match.end(),
    )


# A sentence with no digit and no numeral states no quantity (most headings and many clauses of prose).
DIGIT_OR_NUMERAL = re.compile(f"{ARABIC}|{CHINESE}")


def find_quantities(sentence: str) -> list[Quantity]:
    """Return the quantities a sentence states, left to right: those with a measure word, then those without."""
    if not DIGIT_OR_NUMERAL.search(sentence):
        return []
    masks = masked_spans(sentence)
    found = [q for m in QUANTITY.finditer(sentence) if (q := from_match(m)) is not None]
    bare = ((BARE_HOUSEHOLDS, "户"), (BARE_PEOPLE, "人"), (BARE_MONEY, "元"), (BARE_STANDARD, ""))
    taken = [(q.start, q.end) for q in found]
    for pattern, unit in bare:
        added = [
            bare_quantity(m, *UNITS[unit]) if unit else bare_standard(m)
            for m in pattern.finditer(sentence)
            if not any(a < m.end() and m.start() < b for a, b in taken)
        ]
        found += added
        taken += [(q.start, q.end) for q in added]
    return sorted((q for q in found if not masked_number(q, masks)), key=lambda q: q.start)


def bare_standard(match: re.Match[str]) -> Quantity:
    """A per-person sum written without 元 (630/人/月)."""
    pre = match["pre"] or ""
    start = match.start("num") if pre in EXACT_PRE else match.start()
    return Quantity(
        value=float(to_number(match["num"]) or 0.0),
        unit="元",
        unit_class="money",
        qualifier=qualifier_of(pre, "", "", False),
        raw=match.string[start : match.end()],
        start=start,
        end=match.end(),
        per=period_of(match["per_after"]) or inferred_period(float(to_number(match["num"]) or 0.0)),
    )


def masked_number(quantity: Quantity, masks: list[tuple[int, int]]) -> bool:
    """Whether the number of a quantity starts inside a masked span."""
    digits = re.search(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]", quantity.raw)
    position = quantity.start + (digits.start() if digits else 0)
    return any(a <= position < b for a, b in masks)
