"""Achieved or target, and the year a figure refers to: from the sentence, its section, or the document."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from minzheng.extract.figure import Figure
from minzheng.read.sentences import TITLE_LEVEL, Heading, Sentence, numbered_level

PLAN_HEADING = re.compile(r"打算|计划|思路|下一步|工作安排|重点任务|工作要点|展望|目标任务")


YEAR_TASKS_HEADING = re.compile(
    r"(?:(?:19|20)\d{2}年|今年|明年)[^，。；、]{0,8}?(?:重点工作|主要任务|工作任务|民生实事)(?:任务|项目)?[。.]?$"
)


SUMMARY_HEADING = re.compile(r"总结|情况|回顾|成效|成绩|开展")


PLAN_WORDS = re.compile(r"计划|力争|拟|目标|争取|预计|确保(?!了)|下一步|打算|明年|来年|(?<![现亦必终])将(?!近|其)")


BA_VERB = re.compile(r"放在|纳入|列入|送到|送达|作为|融入|落实到|转化为|变为|打造成|打造为|建成|用于|交给")


# 将 before a standard's or an allowance's name and its rise (同时将集中供养…标准由A提高至B, 将孤儿每月生活保障金提高到
# 1000元) is 把; 将由A提高到B is "will".
BA_RISE = re.compile(
    r"[^由从提，,；;。][^，,；;。]{0,40}?(?:标准|保障金|生活费|补贴|补助金|津贴)(?:分别|均|统一|同步|再|又)?(?:由|从|提高|上调|调整|增加)"
)


# A standard the government has decided or adopted, or dated from when it is paid (决定…今年起低保标准将从A提高到B;
# 根据方案，城市低保标准将由A提高到B; 从2019年1月1日起执行; 2022年1月起，…将…提高到): its 将 tells what the decision
# does, not a plan.
DECIDED = re.compile(
    r"决定|根据《?方案|研究通过|常务会议通过|经[^，,。]{0,12}同意|起执行|起实施|起施行"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*起"
)


FUTURE_ANNOUNCEMENT = re.compile(r"将|计划|拟|下一步|打算")


PLAN_LEAD = re.compile(
    r"[做抓]好以下|以下(?:几[项个条]|几方面)?(?:重点)?工作[:：]?$|(?:主要|重点)(?:任务|工作)(?:是|如下)|工作(?:打算|安排)(?:如下|是|[:：]$)"
)


# A year that names a meeting (在2016年全省民政工作会议上获悉) dates the meeting, not the figures reported at it.
YEAR = re.compile(
    r"(?<![比较由从])((?:19|20)\d{2})\s*年(?!以来|来|起|至今|以前|之前|前|的?标准|的?基础|的?水平|同期"
    r"|[^，,；;。\d]{0,12}?(?:工作会议|工作会|大会|座谈会)[上中])"
)


RELATIVE_YEAR = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "明年": 1}


RELATIVE = re.compile("(?<![比较由从])(?:" + "|".join(sorted(RELATIVE_YEAR, key=len, reverse=True)) + ")")


# A sentence that opens with its year (2008年，…; 1999—2004年，…; 2005年上半年，…): in a chronicle the year holds for the
# sentences of its paragraph that name none, and 是年 or 同年 in them is that year.
OPENING_YEAR = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*[—–\-－~至]\s*)?((?:19|20)\d{2})\s*年(?!以来|来|至今|以前|之前|前|\s*[至到—–\-－~])"
)
THAT_YEAR = re.compile(r"是年|同年")
NOW = re.compile(r"目前|现在|现有|至今|截至|截止|当前|如今|现已|近年|近几年|今年|本年|去年|上年|明年")


BA_WINDOW = 16


# A standard set as a minimum with no verb of change or of being in force (城市低保标准不低于N元每月): what a notice
# or a project list requires for the coming period, a target; 提高到不低于, 为不低于, 按不低于…执行 stay achieved.
MINIMUM_SET = re.compile(r"标准(?:不低于\s*(?:每人每[月年])?\s*)?$")


TITLE_SCOPE = 0


QUOTED_OR_TITLE = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|‘[^‘’]*’|《[^《》]*》")


@dataclass(frozen=True)
class SectionContext:
    """What a sentence's place in the report says: a plan section or not, and its year."""

    plan: bool = False
    year: int | None = None
    chronicle_year: int | None = None


def without_quotes(text: str) -> str:
    """The text with quoted names and book titles blanked out, same length (“关爱成长计划” names no plan)."""
    return QUOTED_OR_TITLE.sub(lambda m: "\u3000" * len(m.group(0)), text)


def future_words(text: str) -> list[re.Match[str]]:
    """Plan words of a text outside quotes, leaving out 将 where it means 把 (将X纳入 …)."""
    text = without_quotes(text)
    found = []
    for match in PLAN_WORDS.finditer(text):
        if match.group(0) == "将" and (
            BA_VERB.search(text, match.end(), match.end() + BA_WINDOW) or BA_RISE.match(text, match.end())
        ):
            continue
        if match.group(0) == "计划" and NAMED_PLAN.match(text, match.end()):
            continue
        found.append(match)
    return found


# A plan named as a programme that has done its work (慈善助学计划筹得善款…; 在实施…行动计划中): no plan of the future.
NAMED_PLAN = re.compile(r"筹得|募得|获得|惠及|共计?(?:筹|募|发放|救助)|中[，,]")


def is_plan_heading(text: str) -> bool:
    """A heading of plans only: 2024年工作打算, 工作要点, 2026年重点工作 — not 2023年工作总结和2024年工作思路."""
    plan = PLAN_HEADING.search(text) or YEAR_TASKS_HEADING.search(text.strip())
    return bool(plan) and not SUMMARY_HEADING.search(text)


def document_is_plan(sentences: list[Sentence], headings: list[Heading]) -> bool:
    """Whether the document's title, before any numbered section, names a plan (工作要点, 工作计划)."""
    first = sentences[0] if sentences else None
    return bool(first and first.is_heading and first.headings and is_plan_heading(headings[first.headings[-1]].text))


def heading_year(text: str) -> int | None:
    """The year a heading names, if any."""
    match = YEAR.search(text)
    return int(match.group(1)) if match else None


def announces_plans(sentence: Sentence, following: Sentence | None) -> bool:
    """A paragraph's last sentence that announces plans right before a run of headings, or before plain paragraphs
    when it ends in a colon (not one that announces the summary and the plans together: 现将2024年工作情况和2025年工作
    计划汇报如下)."""
    if following is None or sentence.is_heading or SUMMARY_HEADING.search(sentence.text):
        return False
    if following.paragraph == sentence.paragraph:
        return False
    if not following.is_heading and not re.search(r"[:：]\s*$", sentence.text):
        return False
    if PLAN_LEAD.search(sentence.text.strip()):
        return True
    return any(FUTURE_ANNOUNCEMENT.match(m.group(0)) for m in future_words(sentence.text))


def titles_plans(sentence: Sentence, position: int, headings: list[Heading]) -> bool:
    """An unnumbered plan title below the document's first line (2026年重点工作, 下一步工作打算): it covers the
    numbered sections after it; a line opening with 和 or 及 is the title's second line (…2023年工作总结 / 和2024年工作计划)."""
    if position == 0 or not sentence.is_heading or numbered_level(sentence.text) is not None:
        return False
    if re.match(r"\s*(?:和|及|以及|暨|与)", sentence.text) and position == 1:
        return False
    return (
        bool(sentence.headings)
        and headings[sentence.headings[-1]].level == TITLE_LEVEL
        and is_plan_heading(sentence.text)
    )


def ends_plan_scope(heading: Heading, scope_level: int) -> bool:
    """Whether a heading closes a plan scope: a higher section, a review section of the scope's level or above, or,
    for a plan title's scope, the next unnumbered title."""
    if scope_level == TITLE_SCOPE:
        return numbered_level(heading.text) is None or (heading.level == TITLE_LEVEL and is_summary(heading.text))
    return heading.level < scope_level or (heading.level <= scope_level and is_summary(heading.text))


def is_summary(text: str) -> bool:
    """Whether a heading names a review (情况, 回顾, 成效)."""
    return bool(SUMMARY_HEADING.search(text))


def plan_scope_level(sentence: Sentence, following: Sentence, headings: list[Heading]) -> int:
    """The heading level whose sections an announced plan covers: the run of headings that follows, else the rest of
    the announcing sentence's own section."""
    if following.is_heading and following.headings:
        return headings[following.headings[-1]].level
    return headings[sentence.headings[-1]].level + 1 if sentence.headings else 1


def section_contexts(
    sentences: list[Sentence], headings: list[Heading], doc_year: int | None
) -> dict[int, SectionContext]:
    """The section context of every sentence: plan sections and the year a section names."""
    contexts: dict[int, SectionContext] = {}
    whole_plan = document_is_plan(sentences, headings)
    scope_level: int | None = None
    scope_year: int | None = heading_year(headings[0].text) if whole_plan and headings else None
    paragraph, paragraph_year = -1, None
    for position, sentence in enumerate(sentences):
        chain = [headings[i] for i in sentence.headings]
        if sentence.is_heading and scope_level is not None and chain and ends_plan_scope(chain[-1], scope_level):
            scope_level, scope_year = None, None
        plan = whole_plan or scope_level is not None or any(is_plan_heading(h.text) for h in chain)
        years = [y for y in (heading_year(h.text) for h in chain) if y]
        opening = OPENING_YEAR.match(sentence.text)
        if sentence.paragraph != paragraph or sentence.is_heading:
            paragraph, paragraph_year = sentence.paragraph, None
        year = years[-1] if years else scope_year if plan else None
        contexts[sentence.index] = SectionContext(plan, year, paragraph_year)
        if opening and not plan:
            paragraph_year = int(opening.group(1))
        elif NOW.search(sentence.text):
            paragraph_year = None  # a sentence of today (目前…) ends the chronicle's year
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        if scope_level is None and titles_plans(sentence, position, headings):
            scope_level, scope_year = TITLE_SCOPE, heading_year(sentence.text)
        if scope_level is None and announces_plans(sentence, following):
            scope_level = plan_scope_level(sentence, following, headings)
            scope_year = heading_year(sentence.text)
    return contexts


def minimum_set(sentence: str, position: int) -> bool:
    """Whether a figure is a standard's bare minimum (…标准不低于N元), its number's own 不低于 or the words' before it."""
    near = sentence[max(0, position - 8) : position + 4]
    return bool(MINIMUM_SET.search(sentence[:position])) and "不低于" in near


def figure_modality(sentence: str, position: int, context: SectionContext, earlier: bool = False) -> str:
    """'target' when the section is a plan or the clause up to the figure speaks of plans, else 'achieved'; the
    starting value of a rise (从A提高到B) or the base of a comparison is where things stand, so achieved."""
    if earlier:
        return "achieved"
    if context.plan:
        return "target"
    clause_end = re.search(r"[，；。]", sentence[position:])
    upto = sentence[: position + (clause_end.start() if clause_end else len(sentence) - position)]
    future = future_words(upto)
    if future and all(m.group(0) == "将" for m in future) and "标准" in upto and DECIDED.search(sentence):
        future = []
    return "target" if future or minimum_set(sentence, position) else "achieved"


def sentence_period(sentence: str, position: int, context: SectionContext, doc_year: int | None) -> int | None:
    """The year a figure refers to: stated before it in the sentence, else the section's, else the document's."""
    before = sentence[:position]
    years = [int(m.group(1)) for m in YEAR.finditer(before)]
    if years:
        return years[-1]
    chronicle = context.chronicle_year
    if chronicle and (THAT_YEAR.search(before) or not NOW.search(before)):
        return chronicle
    relative = [RELATIVE_YEAR[m.group(0)] for m in RELATIVE.finditer(before)]
    if relative and doc_year:
        return doc_year + relative[-1]
    return context.year or doc_year


# Modalities that mean "planned, not yet done" in the extractor's `modality` column.
PLANNED_MODALITIES = frozenset({"target", "planned", "plan", "goal", "task", "expected"})


def is_planned(modality: object, planned: Collection[str] = PLANNED_MODALITIES) -> bool:
    """Tell whether a modality value means a target or plan rather than an achieved figure."""
    return str(modality).strip().lower() in planned


YEAR_IN_SPAN = re.compile(r"((?:19|20)\d{2})\s*年")


LAST_YEAR = re.compile(r"去年|上年|上一年")


def year_in_span(text: str, year: int | None) -> int | None:
    """The year a phrase names, explicitly (2022年) or as last year (上年末, 去年), else None."""
    explicit = YEAR_IN_SPAN.search(text)
    if explicit:
        return int(explicit.group(1))
    return year - 1 if year and LAST_YEAR.search(text) else None


def figure_period(text: str, figure: Figure, context: SectionContext, year: int | None) -> int | None:
    """The year a figure refers to; earlier values of rises and comparisons take the year their phrase names."""
    q = figure.quantity
    if figure.compared_with:
        return year_in_span(text[figure.compared_with[0] : figure.compared_with[1]], year)
    if figure.earlier:
        marker = text.rfind("由", 0, q.start), text.rfind("从", 0, q.start), text.rfind("在", 0, q.start)
        return year_in_span(text[max(marker) : q.start], year) if max(marker) >= 0 else None
    return sentence_period(text, q.start, context, year)
