"""Which codebook indicator a figure's subject names: cue scores, head positions, units and exclusions."""

from __future__ import annotations

import re
from functools import cache

from minzheng.codebook import QUOTE_MARK, Cue, Indicator, Term, indicators
from minzheng.extract.figure import Figure, Subject
from minzheng.extract.fitting import UNIT_CLASSES, unit_fits
from minzheng.extract.patterns import (
    BLANKED_NOTE,
    HAN,
    OTHER_MEASURE,
    PROGRAMME,
    PROGRAMME_WORD,
    ZONES_BETWEEN,
    first_clause,
    last_clause,
)
from minzheng.extract.programmes import (
    AND_OTHERS,
    LEAD_TOPIC,
    ONE_OF_MANY,
    ONE_OFF,
    another_programme,
    joins_programmes,
    kinds_before,
    names_other_benefit,
    programmes_named,
    taken_off_or_visited,
)
from minzheng.extract.scope import COVERAGE, PARENTHETICAL, PLACE_PHRASE

RIGHT_TAIL_MAX = 4


# A number counts the first noun after it: each character between the number and a head costs as much as one of
# the cue's own characters gains (1处敬老院转型为区域性养老服务中心 counts 敬老院).
RIGHT_DISTANCE_WEIGHT = 10


RIGHT_HEAD_MAX_START = 16


TOTAL_HEAD_MAX_START = 2


LEFT_HEAD_MAX_DISTANCE = 12


# A figure per thousand older people, per ten thousand residents or among a hundred (百名城市人口中近7人) is a ratio, not
# the region's count; beds or rooms per centre are a norm (每个乡镇配备督导员2名 stays: supervisors per township count).
PER_THOUSAND = re.compile(
    r"每(?:十万|千|万|百)(?:名|人|位|个|户|常住)?|(?<![\d一二三四五六七八九十])[百千万](?:名|人)[^，,；;。\d]{0,8}?中"
)
PER_FACILITY = re.compile(r"每(?:个|所|家|处|座)")
FACILITY = ("beds", "places")


# A modifier found only in an earlier clause counts half as much as one in the figure's own words.
OUTSIDE_WEIGHT = 0.5


# A cue term that names a change (新增…低保) and a word that says a figure is what stands (全县现有…): a change named in an
# earlier clause does not reach a figure whose own words call it the standing total.
CHANGE_TERM = re.compile(r"新增|新纳|新认定|增加|扩面|扩展")
STOCK_WORD = re.compile(r"现有|共有|目前有|现保障|在保|在册")


def last_match(pattern: Term, text: str) -> re.Match[str] | None:
    """The last match of a pattern in a text."""
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def list_cue_score(cue: Cue, subject: Subject) -> float | None:
    """Score a cue for one value of a 分别 list: its first term names the item, the rest the list's topic (never words of
    another programme than the one the figure's own words name)."""
    if not cue.patterns[0].search(subject.first_term_in):
        return None
    score = cue.weight * 10.0
    for pattern in cue.patterns[1:]:
        if pattern.search(subject.own):
            continue
        found = pattern.search(subject.before)
        if found is None or another_programme(found.group(0), programmes_named(subject.own)):
            return None
        score -= 1
    return score


def cue_score(cue: Cue, subject: Subject) -> tuple[int, float] | None:
    """Score how well a cue names a subject, (tier, score): the figure's own words before it beat the words after."""
    if subject.first_term_in:
        score = list_cue_score(cue, subject)
        return None if score is None else (1, score)
    head = last_match(cue.head, subject.own)
    # Notes blanked out in brackets (家庭（□□□□）共有) put no distance between a head and its number.
    between = BLANKED_NOTE.sub("", subject.own[head.end() :]) if head is not None else ""
    gap = len(ZONES_BETWEEN.sub("", between) if "标准" in head.group(0) else between) if head is not None else 0
    if head is not None and (subject.anywhere or gap <= LEFT_HEAD_MAX_DISTANCE):
        tier, distance = 1, gap
        context = subject.before + subject.own[: head.start()]
    else:
        head = right_head(cue.head, subject)
        if head is None:
            return None
        tier, distance = 0, head.start() * RIGHT_DISTANCE_WEIGHT
        # The earlier clauses name what a number counts only when its noun follows it at once (…标准再次提高，
        # 全县2万名困难群众受益), and then count half as the figure's own words.
        earlier = subject.before if head.start() <= TOTAL_HEAD_MAX_START else ""
        context = earlier + subject.own + subject.after[: head.start()]
    penalty, weight = 0.0, float(len(head.group(0)))
    outside_from = len(subject.before) if tier == 1 else len(earlier)
    own_programmes = programmes_named(subject.own) if "标准" in head.group(0) else set()
    for term, modifier in reversed(list(zip(cue.terms, cue.modifiers))):
        found = last_match(modifier, context)
        if found is None:
            return None
        if found.end() <= outside_from and CHANGE_TERM.search(term) and STOCK_WORD.search(subject.own):
            return None  # 新增…，全县现有低保9800户12600人: the figure's own words say it is what stands, not what was added
        between = context[found.end() : outside_from]
        if found.end() <= outside_from and (
            (another_programme(found.group(0), own_programmes) and not LEAD_TOPIC.match(between))
            or another_programme(between, programmes_named("".join(cue.terms)))
        ):
            return None
        penalty += (len(context) - found.end()) / 50
        weight += len(term) * (OUTSIDE_WEIGHT if found.end() <= outside_from else 1)
    return tier, weight * 10 - distance - penalty


# The group a count names before 中 and the part of it after (全市4018位五保人员中，有3794位集中供养): the count is
# the group's whole.
AMONG_THEM = re.compile(r"中\s*[，,]?\s*(?:有|其中)")


def right_head(head: Term, subject: Subject) -> re.Match[str] | None:
    """The head term in the noun phrase a number counts, when the number comes first."""
    after = subject.after
    coverage = COVERAGE.search(after)
    if coverage:
        return head.search(after, 0, coverage.end())
    match = head.search(after)
    if match is None or inside_quotes(after, match.start()) or BECOMES.search(after, 0, match.start()):
        return None
    if PLACES_COUNTED.match(after) and match.start() > 0:
        return None
    if subject.total and subject.counted_after:
        place = PLACE_PHRASE.match(after)
        if match.start() <= TOTAL_HEAD_MAX_START or (place and match.start() <= place.end() + TOTAL_HEAD_MAX_START):
            return match
    tail = PARENTHETICAL.sub("", after[match.end() :]).strip()
    if tail.startswith("中") and not AMONG_THEM.match(tail):
        return None
    short = len(tail) <= RIGHT_TAIL_MAX or pays_own_money(tail) or bool(PREDICATE.match(tail) or AMONG_THEM.match(tail))
    short = short or bool(LISTED_COUNT.search(subject.before) and not LEVEL_TIER.search(after[: match.start()]))
    return match if match.start() <= RIGHT_HEAD_MAX_START and short else None


# The last of counts listed number first (3个公办敬老院、18个民办养老院、158个农村幸福院基本满足…): the rest of the
# clause is the predicate of the whole list, however long.
LISTED_COUNT = re.compile(r"\d\s*(?:个|所|家|处|座|张|名|人|户)$")
# A list of tiers of government (2家州本级…、8家县级…形成三级网络) counts parts, whatever its predicate.
LEVEL_TIER = re.compile(r"本级|[省市州县区乡镇]级")


# A number that counts places (辽阳14个街道已建成…机构11个): the places, not what is built in them. A number of a noun
# followed by 中 (5个医养结合养老机构中，…) counts the whole the next words take a part of.
PLACES_COUNTED = re.compile(
    r"^(?:街道|乡镇|镇街|镇|村|社区|县区|县（市、区）|县市区)(?=已|均|全|都|中|的|有|仅|只|共|现)"
)


# After the people a number counts, the money paid to them as members of that programme (为N名低保对象发放低保资金).
OWN_MONEY = re.compile(r"^(?:对象|人员|群众|家庭)?(?:发放|支付)(?:了)?(?:\w{0,8}?)(?:金|费|补贴|补助)")


# A counted noun followed straight by the terms it is covered on (1779名事实无人抚养儿童参照孤儿纳入保障, 保障48名孤儿
# 基本生活): the number counts that noun however long the rest of the clause.
PREDICATE = re.compile(
    r"(?:(?:对象|人员)?提高了?(?:补助|保障)水平|(?:将|均|都)?(?:从中|因此)?(?:直接)?受益|参照|比照|按照|纳入保障|纳入[^，,；;。]{0,4}低保[、和及与]|的?基本生活|(?:累计)?的?(?:年|月)?人均|的?(?:保障|供养)?标准)"
)


def counted_noun(subject: Subject) -> str:
    """The noun phrase a number written before its noun counts: the words after it up to a verb."""
    return COUNTED_NOUN_END.split(subject.after, maxsplit=1)[0][: RIGHT_HEAD_MAX_START + RIGHT_TAIL_MAX]


COUNTED_NOUN_END = re.compile(
    r"发放|支付|享受|纳入|实现|提供|参照|比照|按照|(?:年|月)人均|(?:保障|供养)?标准|[，,；;。]"
)


def pays_own_money(tail: str) -> bool:
    """Whether the words after a counted noun say the programme's own money was paid to them."""
    return bool(OWN_MONEY.match(tail)) and not re.search(r"奖补|助学|运营|一次性|物价|价格|取暖|过节|节日", tail)


# What a counted noun becomes is not what the number counts (1处敬老院转型为区域性养老服务中心).
BECOMES = re.compile(r"转型|转为|改造为|改建为|升级为|改为")


def inside_quotes(text: str, position: int) -> bool:
    """Whether a position stands inside “…”: the number counts a title or an award (53名“先进个人”), not people; a
    benefit quoted after the verb that pays it (为N名残疾人发放“两项补贴”) is the benefit all the same."""
    opened = text.rfind("“", 0, position)
    return text.count("“", 0, position) > text.count("”", 0, position) and not PAID_QUOTED.search(text, 0, opened + 1)


PAID_QUOTED = re.compile(r"(?:发放|享受|领取)“$")


# A list item this short names no programme of its own.
SHORT_ITEM = 3


# A programme's money paid with a one-off subsidy (发放保障金及取暖补贴N万元): still the programme's money.
WITH_ONE_OFF = re.compile(rf"(?<=金)(?:及|和|与|、)(?:{ONE_OFF.pattern})[^，,；;。\d]{{0,4}}?(?:补贴|补助|费)")


def excluded(indicator: Indicator, subject: Subject, shared: Subject | None = None) -> bool:
    """Whether the subject (or, for a value of a list, the list's shared words) holds a term that rules it out."""
    words = REACHES.split(WITH_ONE_OFF.sub("", subject.own))[-1]
    words += shared.own if shared is not None and subject.first_term_in else ""
    noun_after = HAN.match(subject.after.lstrip())
    if len(HAN.findall(subject.own)) <= SHORT_ITEM and not PROGRAMME_WORD.search(subject.own) and not noun_after:
        # A list item of a verb alone (…，新增特困供养人员124人、退出91人) is about the programme its clause named last.
        words = last_clause(subject.before.rstrip("，,、；; ")) + words
    clause = last_clause(subject.before + subject.own)
    acted_on = (
        ACTED_ON.search(first_clause(subject.after)) or ACTED_ON_BEFORE.search(clause) or counts_projects(subject)
    )
    if indicator.unit == "处" and acted_on:
        return True
    if indicator.unit in ("人", "户") and taken_off_or_visited(subject, counts_exits="exited" in indicator.id):
        return True
    bare = QUOTE_MARK.sub("", words)
    return any(p.stands_in(words, bare) for p in indicator.excludes)


# Projects counted (养老服务中心建设改造项目7个; 建设7个项目; 新建养老机构项目有26个): projects funded or built, not
# places standing.
PROJECTS = re.compile(r"(?:项目|工程)(?:有|共|共有|达|达到|为)?\s*$")
PROJECTS_COUNTED = re.compile(r"^\s*[\u4e00-\u9fff]{0,12}?(?:项目|工程)")


def counts_projects(subject: Subject) -> bool:
    """Whether a count of places counts projects: its own words end with 项目, or its noun does (6个养老机构项目)."""
    under_way = UNDER_WAY.search(subject.own) and BEING_BUILT.match(subject.after)
    return bool(PROJECTS.search(subject.own) or PROJECTS_COUNTED.match(subject.after) or under_way)


# Places whose building is pushed on or started (推进32个农村幸福院建设; 启动5个养老服务中心建设): still projects.
UNDER_WAY = re.compile(r"(?:推进|推动|启动|加快|开工|谋划)\s*$")
BEING_BUILT = re.compile(r"^\s*[\u4e00-\u9fff（）()]{1,16}?(?:建设|改造|新建)")


# A verb of reaching people (标准调整惠及全县N名低保对象): the words before it are about what reaches them, not about
# whom the number counts, so they rule nothing out.
REACHES = re.compile(r"惠及")


# Places the rest of their clause upgrades, inspects or honours (3所公办养老机构进行消防提质改造; 14所敬老院为模范敬老院):
# the places acted on, not the places built or standing.
ACTED_ON = re.compile(r"改造|提质|提升|改扩建|维修|视察|为“|为模范|评为|配备|配置|全面开工|开工建设")
# Places the clause before the number visits, inspects, rates or rebuilds (走访慰问6所敬老院; 通过等级评定的149家;
# 改、扩建敬老院29所): likewise.
ACTED_ON_BEFORE = re.compile(r"走访|慰问|视察|看望|检查|调研|评定|评估|改、扩建|整合(?!资源)|完善了?")


@cache
def numeric_indicators(unit_class: str) -> tuple[Indicator, ...]:
    """The numeric indicators whose unit a quantity of this class can fill."""
    return tuple(i for i in indicators() if i.kind == "number" and unit_class in UNIT_CLASSES.get(i.unit, set()))


@cache
def head_patterns() -> dict[str, Term]:
    """Per indicator id, one pattern for the head terms of all its cues: a subject without any cannot name it."""
    return {i.id: Term.union(cue.head for cue in i.cues) for i in indicators() if i.cues}


def best_indicator(figure: Figure, subject: Subject | None = None) -> Indicator | None:
    """The codebook indicator whose cue best names the figure's subject."""
    subject = subject or figure.subject
    if (
        names_other_benefit(figure.subject)
        or PER_THOUSAND.search(subject.own)
        or (PER_FACILITY.search(subject.own) and figure.quantity.unit_class in FACILITY)
    ):
        return None
    mixed = (
        joins_programmes(subject.own + counted_noun(subject))
        or ONE_OF_MANY.search(subject.own) is not None
        or (not PROGRAMME_WORD.search(subject.own + counted_noun(subject)) and joins_programmes(subject.before))
        or (AND_OTHERS.search(subject.own) is not None and joins_programmes(subject.before + subject.own))
    )
    kinds = kinds_before(figure, subject)
    if kinds < 0:
        return None
    mixed = mixed or kinds > 1
    single = not mixed and len(set(PROGRAMME_WORD.findall(subject.own))) == 1
    best, best_score = None, None
    words, heads = subject.own + subject.after, head_patterns()
    # Whether a head stands in the words at all: the plain pattern on the words without quote marks says the same as
    # the quote-tolerant one on the words (no cue term names a quote mark; tests/test_codebook.py).
    bare = QUOTE_MARK.sub("", words)
    for candidate in numeric_indicators(figure.quantity.unit_class):
        if not subject.first_term_in and not heads[candidate.id].plain.search(bare):
            continue
        if not unit_fits(candidate, figure) or excluded(candidate, subject, figure.shared):
            continue
        if candidate.keep == "total" and (single or (not mixed and kinds == 1)):
            continue
        for cue in candidate.cues:
            if not subject.first_term_in and not cue.patterns[-1].plain.search(bare):
                continue
            if mixed and candidate.keep != "total" and any(re.search(PROGRAMME, term) for term in cue.terms):
                continue
            score = cue_score(cue, subject)
            if score is not None and score[0] == 0 and any(p.search(counted_noun(subject)) for p in candidate.excludes):
                continue
            if score is not None and (best_score is None or score > best_score):
                best, best_score = candidate, score
    return best


def indicators_of(figures: list[Figure]) -> list[Indicator | None]:
    """The indicator of each figure; a list whose items do not each name one falls back to its shared subject."""
    found = [best_indicator(figure) for figure in figures]
    groups = {figure.group for figure in figures if figure.group is not None}
    for group in groups:
        members = [k for k, figure in enumerate(figures) if figure.group == group]
        if any(
            found[k] is None
            and not names_other_benefit(figures[k].subject)
            and not OTHER_MEASURE.search(figures[k].subject.first_term_in)
            for k in members
        ):
            for k in members:
                shared = figures[k].shared
                found[k] = best_indicator(figures[k], shared) if shared else None
    return found
