"""Which programmes a figure's words name together, and whose money a sum named generally is: one programme's, all
assistance's (低保、特困资金; 低保等社会救助资金; 保障金 after several programmes' counts) or a one-off payment's."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.figure import Figure, Subject
from minzheng.extract.patterns import BLANKED_NOTE, CLAUSE_BREAK, OTHER_BENEFIT, PROGRAMME, PROGRAMME_WORD

# Two different programmes joined in a figure's own words (低保和特困对象资金).
JOINED_PROGRAMMES = re.compile(
    rf"({PROGRAMME})[^，,；;。和及与、或]{{0,4}}[和及与、或][^，,；;。]{{0,4}}?({PROGRAMME})"
)


# A programme named last in a list that ends with 等 (…，残疾人两项补贴等保障资金): the figure is the whole list's.
AND_OTHERS = re.compile(rf"{PROGRAMME}[^，,；;。]{{0,8}}等")


# One programme named as an example of assistance in general (城乡低保等社会救助资金, 低保等困难群众): all of it.
ONE_OF_MANY = re.compile(
    rf"{PROGRAMME}[^，,；;。]{{0,6}}等[^，,；;。0-9]{{0,4}}?(?:社会救助|救助|困难群众|特殊群体|各类)"
)


def joins_programmes(own: str) -> bool:
    """Whether a figure's own words join two different programmes."""
    return any(a != b for a, b in JOINED_PROGRAMMES.findall(BLANKED_NOTE.sub("", own)))


def names_other_benefit(subject: Subject) -> bool:
    """Whether a figure's own words (a list item's own term) name a benefit outside the codebook and no programme."""
    words = subject.first_term_in or subject.own
    return bool(OTHER_BENEFIT.search(words)) and not PROGRAMME_WORD.search(words)


# Kinds of assistance a clause may name, with the older or longer names of one kind folded together.
ASSISTANCE = re.compile(rf"{PROGRAMME}|医疗救助|教育救助|住房救助|就业救助|受灾")
SAME_KIND = {"最低生活保障": "低保", "五保": "特困", "残疾": "残疾人"}


def kinds_before(figure: Figure, subject: Subject) -> int:
    """How many kinds of assistance the clause just before money named generally names (救助资金, 保障金: no
    programme in its own words): of one kind, the money is that kind's (医疗救助5万人次，救助资金1378万元); of
    several, all assistance money and none of theirs; -1 when that clause names a one-off payment."""
    q = figure.quantity
    if (
        q.unit_class != "money"
        or q.per
        or figure.per_inherited
        or subject.first_term_in
        or PROGRAMME_WORD.search(subject.own)
        or GENERAL_MONEY.search(subject.own)
    ):
        return 0
    clauses = [c for c in CLAUSE_BREAK.split(subject.before) if c.strip()]
    listed = clauses[-1:]
    for clause in reversed(clauses[:-1]):
        if not (COUNT_CLAUSE.search(clause) and COUNT_CLAUSE.search(listed[0])):
            break
        listed.insert(0, clause)
    if listed and ONE_OFF.search(listed[-1]):
        return -1
    return len({SAME_KIND.get(k, k) for clause in listed for k in ASSISTANCE.findall(clause)})


# Money its own words call general (社会保障兜底资金, 各类救助资金): all assistance's, whatever the clause before names.
GENERAL_MONEY = re.compile(r"兜底|民生保障|各类|社会救助")


# A one-off, price or holiday payment named in the clause before money named generally: the money is that payment's.
ONE_OFF = re.compile(r"一次性|物价|价格临时|慰问|取暖|过节")


# A clause that counts one group (城市特困90人): a run of them before money named generally is one list.
COUNT_CLAUSE = re.compile(r"\d[\d.,]*\s*万?(?:人|户|名)(?!次)")


# A care mode of support (分散供养标准) names tekun support though it names no programme.
SUPPORT_MODE = re.compile(r"集中供养|分散供养")


def folded_programmes(words: str) -> set[str]:
    """The programmes words name, older and longer names folded together (五保 → 特困)."""
    return {SAME_KIND.get(k, k) for k in PROGRAMME_WORD.findall(words)}


def programmes_named(words: str) -> set[str]:
    """The programmes words name, older and longer names folded together; a care mode of support names tekun."""
    named = folded_programmes(words)
    return named or ({"特困"} if SUPPORT_MODE.search(words) else set())


def another_programme(words: str, own_programmes: set[str]) -> bool:
    """Whether words found before a figure's clause name a programme other than the one its own words name (农村低保
    标准由A提高至B，农村特困人员基本生活标准由C…: the second clause's 特困 beats the first's 低保)."""
    named = folded_programmes(words)
    return bool(own_programmes) and bool(named) and not named & own_programmes


# A lead ending in a colon right before a figure's clause (孤儿基本生活保障标准：分散供养标准由…) names the programme
# of the sentence's figures, over the care mode their own words name.
LEAD_TOPIC = re.compile(r"[^，,；;。]*[：:][^；;。]*$")


# A count whose own words are only a change of a register (…低保户4440户8890人，其中：新增821户1152人，取消666户1315人):
# people admitted to or removed from the register counted before it.
CHANGE_ONLY = re.compile(r"^[，,、；;：:]?(?:其中)?[：:，,]?(?P<verb>新增|新纳入|取消|退出|清退|停保|核减)了?$")
# What a register's words say of its own changes, cut before they are lent (城乡低保新增… lends 城乡低保).
CHANGE_WORDS = re.compile(r"(?:新增|新纳入|取消|退出|清退|停保|核减|增加|减少).*$")

# People counted by a word of any programme (…城市低保标准…达到每月345元，保障人数为86.9万人): the programme the words
# before them in their sentence name, when they name only one; and only when no group of their own stands right before.
GENERIC_PEOPLE = re.compile(
    r"(?:全年|累计|共|现有)?(?:保障|救助|供养|覆盖|受益)(?:人数|对象|人口)(?:为|达到|达|共|有)?$"
)
# People a programme's money reached, named only by a verb of benefit (发放城乡低保资金1.71亿元，惠及困难群众2.75万人):
# that programme's people; not those of a one-off payment (发放一次性生活补贴…，惠及…).
BENEFITED = re.compile(r"^[，,]?(?:共|累计|全年)?(?:惠及|保障|涉及|覆盖)了?(?:困难群众|群众|困难对象|对象|困难人员)?$")
PAID_PROGRAMME = re.compile(rf"{PROGRAMME}[^，,；;。\d]{{0,10}}(?:资金|金|费)[^，,；;。\d]{{0,4}}$")


def paid_programme(before: str) -> str:
    """The area and programme whose money the clause right before a figure pays, when it names one; else empty."""
    clause = re.split(r"[，,；;。]", before.rstrip("，, "))[-1]
    words = re.sub(r"[\d.]+\s*[万亿]?元.*$", "", clause)
    if not PAID_PROGRAMME.search(words) or ONE_OFF.search(clause):
        return ""
    return single_programme(clause)


# A standard named by its measure alone (…城乡低保资金41.84亿元，保障标准分别达到了月人均267元…): the programme of the
# words before it, when they name only one.
GENERIC_STANDARD = re.compile(
    r"^[，,、；;]?(?:保障|救助|供养)?标准(?:分别|均|统一)?(?:达到了?|达|为|提高到|提高至|调整为|调整到)?"
    r"(?:月人均|年人均|每人每[月年])?$"
)
# Money named by a word of any programme (…低保人数…，保障资金投入城镇582万元、农村216万元): the one programme before it.
GENERIC_MONEY = re.compile(r"保障金|保障资金")
PEOPLE_LEAD = re.compile(r"(?:^|[，,、；;：:]|达到|为|后|了)$")
# A count of people a sentence pays a programme's money to, in one clause, named by no programme of their own
# (为N名困难群众发放临时救助金…).
BENEFICIARY_LEAD = re.compile(r"(?:为|向|给)(?:全[县市区省])?$")
PAID_AFTER = re.compile(
    rf"^(?:户|名|人)?(?P<people>[^，,；;。\d]{{0,10}}?)(?:发放|支付|兑现)了?[^，,；;。\d]{{0,6}}?{PROGRAMME}[^，,；;。\d]{{0,4}}?(?:资金|金)"
)
AREA_PROGRAMME = re.compile(rf"(?:城市|城镇|农村|城乡)?(?:居民)?{PROGRAMME}")
SENTENCE_END = re.compile(r"[。！？]")


def lend_programme(figures: list[Figure]) -> None:
    """Give a count named only by a change verb, or people or a standard named only by a word of any programme, the
    programme the words before it name."""
    programme = ""
    for figure in figures:
        own, before = figure.subject.own, figure.subject.before
        change = CHANGE_ONLY.match(own)
        if change and programme:
            figure.subject = replace(figure.subject, own=change["verb"] + programme)
        elif (people := generic_people(own)) and (single := single_programme(before)):
            figure.subject = replace(figure.subject, own=single + "对象" + people.group(0))
        elif BENEFITED.match(own) and (single := paid_programme(before)):
            figure.subject = replace(figure.subject, own=single + "对象")
        elif (
            BENEFICIARY_LEAD.search(own)
            and (paid := PAID_AFTER.match(figure.subject.after))
            and not PROGRAMME_WORD.search(paid.group("people"))
        ):
            # 已为12户41名困难群众发放临时救助金4万元: the people a programme's money reaches are its people.
            figure.subject = replace(figure.subject, own=own + single_programme(figure.subject.after) + "对象")
        elif GENERIC_STANDARD.match(own) and (single := single_programme(before)):
            figure.subject = replace(figure.subject, own=single + own.lstrip("，,、；;"))
        elif (
            GENERIC_MONEY.search(own)
            and not (PROGRAMME_WORD.search(own) or GENERAL_MONEY.search(own))
            and (single := single_programme(before))
        ):
            figure.subject = replace(figure.subject, own=PROGRAMME_WORD.findall(single)[-1] + own)
        elif named := list(PROGRAMME_WORD.finditer(own)):
            programme = CHANGE_WORDS.sub("", own[max(0, named[-1].start() - 4) :].lstrip("，,、；;：:"))


def generic_people(own: str) -> re.Match[str] | None:
    """The words of any programme's people that end a subject, when no group is named right before them."""
    people = GENERIC_PEOPLE.search(own)
    return people if people and PEOPLE_LEAD.search(own[: people.start()]) else None


def single_programme(before: str) -> str:
    """The area and programme the words before a figure in its sentence name, when they name only one; else empty."""
    sentence = SENTENCE_END.split(before)[-1]
    named = {m.group(0) for m in PROGRAMME_WORD.finditer(sentence)}
    if len(named) != 1 or joins_programmes(sentence):
        return ""
    return AREA_PROGRAMME.findall(sentence)[-1]


# A standard named only by its care mode (分散供养标准在原…基础上提高至…) in a sentence that names no programme.
MODE_ONLY_STANDARD = re.compile(r"^[^，,；;。]{0,4}?(?:集中|分散)供养(?:保障)?标准")


def lend_previous_programme(figures: list[Figure], lead: str) -> None:
    """Give a standard named only by its care mode the one programme the sentence before names (自治区孤儿集中供养标准
    …提高至1660元。分散供养标准…提高至1400元: the orphans' dispersed standard, not the tekun one)."""
    previous = single_programme(lead.rstrip().rstrip("。！？"))
    if not previous:
        return
    for figure in figures:
        own, before = figure.subject.own, figure.subject.before
        if MODE_ONLY_STANDARD.search(own) and not PROGRAMME_WORD.search(own + before):
            figure.subject = replace(figure.subject, own=PROGRAMME_WORD.findall(previous)[-1] + own)


# People a programme takes off, its verb after the count (将不再符合条件的低保对象1225人退保), and people visited.
VISITED = re.compile(r"走访|慰问|看望")
EXITED_AFTER = re.compile(r"^\s*(?:被|予以|作)?(?:退保|停保|清退|退出)")


def taken_off_or_visited(subject: Subject, counts_exits: bool = False) -> bool:
    """Whether a count of people or households counts those taken off a programme (…1225人退保; unless the
    indicator counts exits) or visited (走访城市低保对象220户): either way, not the caseload."""
    exited = not counts_exits and EXITED_AFTER.match(subject.after)
    return bool(exited or VISITED.search(CLAUSE_BREAK.split(subject.before + subject.own)[-1]))


# A change verb a list's first item opens with (清退不符合条件的城乡低保对象642户1494人、农村特困供养人员252户262人).
CHANGE_VERB = re.compile(r"新增|新纳入|取消|退出|清退|停保|核减")


def lend_change_verb(figures: list[Figure]) -> None:
    """Give each later item of a list of programmes' counts the change verb its first item opens with: the items after
    a 、 are changes too (新纳入…，农村特困供养人员160户175人 are newly enrolled, not the tekun caseload)."""
    verb = ""
    for figure in figures:
        own = figure.subject.own
        if own.startswith("、") and verb and not CHANGE_VERB.search(own):
            figure.subject = replace(figure.subject, own="、" + verb + own[1:])
        elif not own.startswith("、"):
            found = CHANGE_VERB.search(own) if figure.quantity.unit_class == "people" else None
            verb = found.group(0) if found else ""
