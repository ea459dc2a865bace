"""Lists of values (城市、农村低保对象分别为A、B): one subject per value where the list names them, and the words the
values share."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.areas import URBAN_RURAL
from minzheng.extract.figure import Figure, Subject
from minzheng.extract.numbers import Quantity
from minzheng.extract.patterns import HAN, OTHER_MEASURE, PROGRAMME, PROGRAMME_WORD, SHARED_MODIFIER
from minzheng.extract.programmes import folded_programmes
from minzheng.extract.topics import RESTATING, clause_start


def cut_at_qizhong(text: str, position: int) -> int:
    """Where the context of a figure may begin: at the last 其中 before it, else 0."""
    index = text.rfind("其中", 0, position)
    return index if index >= 0 else 0


# The 、 between two items of a list, not one inside brackets or between ordinals of one name (一、二类对象).
NEXT_ITEM_MARK = re.compile(
    r"(?<![一二三四五六七八九十])、(?![^（(]*[）)])|、(?![一二三四五六七八九十][类档级])(?![^（(]*[）)])"
)


def list_items(subject: str, count: int) -> list[str] | None:
    """Split a list's subject into one phrase per value, or None when they do not pair."""
    items = [item for item in re.split(NEXT_ITEM_MARK, subject) if item]
    if len(items) == 1:
        items = [item for item in re.split(r"[和及与](?![^（(]*[）)])", subject) if item]
    elif len(items) == count - 1:
        # A、B和C: the last two items are joined by 和 (城市低保、农村低保和特困供养标准).
        last = [item for item in re.split(r"[和及与](?![^（(]*[）)])", items[-1], maxsplit=1) if item]
        items = items[:-1] + last
    if len(items) == count and count > 1:
        return items
    if len(items) == 1 and count == 2 and "城乡" in subject:
        return [subject.replace("城乡", part, 1) for part in URBAN_RURAL]
    return None


# A clause that names only the place a list of values is for (…照料护理标准，全县为626元、313元、189元).
PLACE_ONLY = re.compile(
    r"^\s*(?:全[县市区省州]|[我本][县市区省]|[\u4e00-\u9fff]{1,6}?[县市区旗])?(?:均|统一|分别)?(?:为|是|达到)\s*$"
)


# Care modes listed before the noun they share (集中和分散供养标准): the noun, not the other mode, joins each.
CARE_MODE = re.compile(r"集中|分散")
CARE_MODE_END = re.compile(r"(?:集中|分散)$")


# The measure that ends a list's last item (…和特困供养标准): all an item of another programme takes from it.
ITEM_MEASURE = re.compile(r"(?:标准|资金|人数|对象|人员|户数)$")


def another_programmes_item(item: str, tail: str) -> bool:
    """Whether a list's item names a programme and the last item another (城市低保、农村低保和特困供养标准)."""
    own, last = folded_programmes(item), folded_programmes(tail)
    return bool(own) and bool(last) and not own & last


def measure_of(tail: str) -> str:
    """The measure word a list's last item ends with, as the words an item of another programme takes ("…标准")."""
    measure = ITEM_MEASURE.search(tail)
    return f"…{measure.group(0)}" if measure else ""


def list_subjects(text: str, quantities: list[Quantity], run: list[int]) -> tuple[list[Subject] | None, Subject]:
    """For a run of values: one subject per value where the list names them, and the subject they share."""
    first = quantities[run[0]]
    start = clause_start(text, first.start)
    marker = text.rfind("分别", start, first.start)
    head = text[start : marker if marker >= 0 else first.start]
    if start > 0 and (not HAN.search(RESTATING.sub("", head)) or PLACE_ONLY.match(head)):
        start = clause_start(text, start - 1)
    head_end = marker if marker >= 0 else first.start
    # A page that lost its punctuation runs two lists together (…900/·月和7800/·城乡特困…分别提高到1700/·月…).
    ends = [q.end for q in quantities[: run[0]] if start < q.end <= head_end]
    if ends and PROGRAMME_WORD.search(text[ends[-1] : head_end]):
        start = ends[-1]
    subject = text[start:head_end]
    before = text[cut_at_qizhong(text, start) : start]
    shared = Subject(own=text[start : first.start], before=before, anywhere=True)
    items = list_items(subject, len(run))
    if items is None:
        return None, shared
    # The last item lends its words to the others (城市…农村低保对象), unless it names a measure and no group (户数、人数).
    measure_only = OTHER_MEASURE.search(items[-1]) and not PROGRAMME_WORD.search(items[-1])
    tail = items[-1] if len(items[-1]) > 2 and not measure_only else ""
    # A modifier ending in 的 before the first item (获得最低生活保障的城镇居民、农村居民) describes them all.
    if modifier := SHARED_MODIFIER.match(items[0]):
        before += modifier.group(0)
    for item in items:
        if OTHER_MEASURE.search(item):
            shared = replace(shared, own=shared.own.replace(item, ""))
    if any(another_programmes_item(item, tail) for item in items[:-1]):
        # Items of several programmes share only the measure, not one another's programmes.
        shared = replace(shared, own=shared.own.replace(subject, measure_of(tail).lstrip("…"), 1))
    mode = CARE_MODE.match(tail)
    joined = f"{tail[mode.end() :]}" if mode and CARE_MODE_END.search(items[0]) else f"…{tail}"
    if mode and (first_mode := CARE_MODE.search(items[0])):
        # 孤儿集中供养和分散供养标准, 孤儿集中、分散供养标准: the first item keeps its mode, the last takes the first's
        # group (孤儿分散供养标准).
        if not CARE_MODE_END.search(items[0]):
            joined = f"…{tail[mode.end() :]}"
        items[-1] = items[0][: first_mode.start()] + items[-1]
    distributed = [
        Subject(
            own=item
            if k == len(items) - 1 or "城乡" in subject
            else f"{item}{measure_of(tail) if another_programmes_item(item, tail) else joined}",
            before=before,
            first_term_in=item + joined
            if mode and (joined[:1] != "…" or CARE_MODE.search(item)) and k < len(items) - 1
            else item,
        )
        for k, item in enumerate(items)
    ]
    return distributed, shared


# One standard two programmes share, named together before it (农村低保、五保标准提高到每人每年4277元): a figure of each.
SHARED_STANDARD = re.compile(
    rf"(?P<lead>[^，,；;。]*?)(?P<first>{PROGRAMME}[^、和与及，,；;。\d]{{0,4}}?)[、和与及](?P<second>{PROGRAMME}[^、和与及，,；;。\d]{{0,4}}?)"
    r"(?P<rest>(?:供养)?(?:保障)?标准[^，,；;。\d]*)$"
)


def shared_by_programmes(figure: Figure) -> list[Figure]:
    """A per-person standard one clause names for two programmes together, split into one figure per programme, each
    with the area named before them; other figures as they are."""
    found = SHARED_STANDARD.match(figure.subject.own)
    if found is None or figure.group is not None or figure.quantity.unit_class != "money":
        return [figure]
    lead, rest = found.group("lead"), found.group("rest")
    return [
        replace(figure, subject=replace(figure.subject, own=lead + found.group(name) + rest))
        for name in ("first", "second")
    ]
