"""Which area and care mode a standard names: 城乡, 集中和分散, every orphan, none at all, or one named after it.

One standard stated for town and country, for institutions and homes, or for every orphan is a figure of each; a
standard naming no area is both; an area written after its subject (…标准城市为A，农村为B) is put before it."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.figure import Figure, Subject
from minzheng.extract.numbers import PER_PHRASE
from minzheng.extract.patterns import FROM_MARKER, HAN, LINKING, PROGRAMME_WORD, STANDARD_WORD
from minzheng.extract.topics import sibling_area, sole_area_before

URBAN_RURAL = ("城市", "农村")


AREA = re.compile(r"城市|城镇|农村")


UNIFIED = re.compile(r"城乡")


# A standard made one for town and country in the clause before (实施城乡低保标准统一，保障标准为每月795元).
UNIFIED_BEFORE = re.compile(r"城乡[^，。；]{0,10}统一|统一[^，。；]{0,6}城乡")


def clause_before(before: str) -> str:
    """The last whole clause of the words before a figure's own subject."""
    return clause_head(before[:-1])


def names_area(own: str) -> bool:
    """Whether a subject names town or country."""
    return bool(AREA.search(own))


def with_area(own: str, area: str) -> str:
    """A subject with 城乡 made one area, or the area put in front when it names none."""
    return own.replace("城乡", area, 1) if "城乡" in own else area + own


# One standard for care in institutions and at home (集中和分散供养标准) holds for both.
BOTH_MODES = re.compile(r"集中(?:供养)?[和与及、]分散(?:供养)?")
CARE_MODES = ("集中供养", "分散供养")


# An orphan allowance that names neither institution nor family (全市孤儿养育标准) holds for both.
ORPHAN_STANDARD = re.compile(r"孤儿(?![^，,；;。]{0,6}助学)")
NAMES_A_MODE = re.compile(r"集中|机构|福利院|散居|分散|社会|事实|困境")
ORPHAN_MODES = ("机构养育", "社会散居")


# A standard named without any area (最低生活保障标准, 特困人员基本生活标准; 特困人员基本生活费 paid per head) is one
# standard for town and country.
AREA_FREE_STANDARD = re.compile(
    r"(?:低保|最低生活保障|特困|供养人员)[^，,；;。]{0,12}?(?:标准|(?:基本生活费|供养金)(?:为|是|达到|达)?$)"
)
NAMES_AN_AREA = re.compile(r"城市|城镇|农村|城乡|乡村|牧区|农牧|集中|分散|孤儿|儿童|照料|护理|边缘|补差|残疾")
AREA_PREFIXES = ("城市居民", "农村居民")


# An area in brackets right after a value (每人每月675元（城市）、450元（农村）提高到715元): the value is that area's. The
# brackets are read as blanks, so the values make a list and a rise as if unmarked, and each takes its area after.
AREA_TAG = re.compile(r"[（(](城市|城镇|城区|农村|乡村)[)）]")
TAG_AREA = {"城镇": "城市", "城区": "城市", "乡村": "农村"}


def blank_area_tags(text: str, ends: list[int]) -> tuple[str, dict[int, str]]:
    """The text with each area in brackets right after a value (at one of `ends`) blanked, and the area of each
    value so marked, by the value's index."""
    tags: dict[int, str] = {}
    for i, end in enumerate(ends):
        found = AREA_TAG.match(text, end)
        if found:
            tags[i] = TAG_AREA.get(found.group(1), found.group(1))
            text = text[: found.start()] + " " * len(found.group(0)) + text[found.end() :]
    return text, tags


def tagged_areas(figures: list[Figure], tags: dict[int, str], merged: dict[int, list[int]]) -> None:
    """Give each value marked with an area in brackets that area (and no other); a value a list of marked values
    rises to together holds for every area they name."""
    for i, area in tags.items():
        subject = figures[i].shared or figures[i].subject
        figures[i].subject = replace(subject, own=area + AREA_WORDS.sub("", subject.own))
    for i, earlier in merged.items():
        areas = {tags[k] for k in earlier if k in tags}
        if i not in tags and len(areas) > 1:
            own = figures[i].subject.own
            figures[i].subject = replace(figures[i].subject, own="城乡" + AREA_WORDS.sub("", own))


# Five-guarantee support was the countryside's alone: its standard or support level naming no area is the rural one
# (五保供养标准提高到4200元/年).
RURAL_ONLY_STANDARD = re.compile(r"五保[^，,；;。]{0,12}?(?:标准|供养水平)")


def both_areas_merged(subject: Subject) -> Subject:
    """The subject of one value that merges a town's and a country's earlier values (城市…标准和农村…标准由每人每月590元和
    480元提高到630元): one standard for town and country, written 城乡."""
    own = subject.own
    if not (re.search("城市|城镇", own) and "农村" in own):
        return subject
    return replace(subject, own="城乡" + re.sub(r"城市|城镇|农村|[和与及、]", "", own))


# What a list's last area item says its members receive (…农村居民享受政府最低生活保障): the predicate all items share.
SHARED_PREDICATE = re.compile(r"(?:享受|获得|纳入)[^，,；;。]*")
AREA_NOUN = re.compile(r"城市|城镇|农村")


def shared_predicate(figures: list[Figure]) -> None:
    """Counts of areas listed before one predicate (城镇居民N人、农村居民M人享受最低生活保障; N户、M名城镇居民和…农村居民
    享受…): the earlier items receive what the last one does."""
    for k, figure in enumerate(figures[:-1]):
        subject = figure.subject
        later = [f for f in figures[k + 1 :] if SHARED_PREDICATE.search(f.subject.after)]
        if (
            SHARED_PREDICATE.search(subject.after)
            or not later
            or later[0].quantity.unit_class not in ("people", "households")
        ):
            continue
        words = subject.own + subject.after
        if not AREA_NOUN.search(words) or not AREA_NOUN.search(later[0].subject.own + later[0].subject.after):
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff]{0,8}[和、]?", subject.after):
            continue
        predicate = SHARED_PREDICATE.search(later[0].subject.after).group(0)
        figure.subject = replace(subject, after=subject.after.rstrip("和、") + predicate)


def respective_areas(figures: list[Figure]) -> None:
    """Two values of one standard that names no area, listed 分别 (平均标准分别为9902元/人/年和6957元/人/年): town first,
    country second, as 城乡 lists are, rather than each value for both."""
    for first, second in zip(figures, figures[1:]):
        own = first.subject.own
        if (
            second.subject.own != own
            or "分别" not in own
            or first.quantity.unit_class != "money"
            or second.quantity.unit_class != "money"
            or not AREA_FREE_STANDARD.search(own)
            or NAMES_AN_AREA.search(own.replace("城乡", "", 1))
            or first.subject.first_term_in
        ):
            continue
        neighbours = [f for f in figures if f.subject.own == own]
        if len(neighbours) != 2:
            continue
        first.subject = replace(first.subject, own=with_area(own, URBAN_RURAL[0]))
        second.subject = replace(second.subject, own=with_area(own, URBAN_RURAL[1]))


def unified_standard(figure: Figure, lead: str = "") -> list[Figure]:
    """A per-person standard stated once for 城乡 holds for both: an urban and a rural figure (unless it is a zone's,
    listed after a zone of one area: `lead` is the paragraph before the sentence); a list's item split so names its
    area in its own item words too."""
    split = area_standards(figure, lead)
    if not figure.subject.first_term_in or split == [figure]:
        return split
    return [replace(part, subject=replace(part.subject, first_term_in=part.subject.own)) for part in split]


def area_standards(figure: Figure, lead: str = "") -> list[Figure]:
    """The figures of `unified_standard`, before a list's item words are set."""
    own = figure.subject.own
    per_person = figure.quantity.per or figure.per_inherited or STANDARD_WORD.search(own)
    item = figure.subject.first_term_in
    # A list's item stands for itself only when it names a programme's standard and no area (城市低保、…和特困供养标准).
    listed = item and not (PROGRAMME_WORD.search(item) and STANDARD_WORD.search(item) and not names_area(item))
    if not per_person or figure.quantity.unit_class != "money" or listed:
        return [figure]
    orphans = ORPHAN_STANDARD.search(own)
    if orphans and not NAMES_A_MODE.search(own + clause_head(figure.subject.before)):
        at = orphans.start()
        return [
            replace(figure, subject=replace(figure.subject, own=own[:at] + mode + own[at:])) for mode in ORPHAN_MODES
        ]
    both = BOTH_MODES.search(own)
    if both:
        return [
            replace(figure, subject=replace(figure.subject, own=own[: both.start()] + mode + own[both.end() :]))
            for mode in CARE_MODES
        ]
    unified = UNIFIED.search(own)
    nearer = AREA.search(own, unified.end()) if unified else None
    if unified and nearer:
        # An area named after 城乡 and nearer the figure (城乡低保标准提高 城市居民为每人每月540元) is the figure's.
        narrowed = own[: unified.start()] + nearer.group(0) + own[unified.end() :]
        return [replace(figure, subject=replace(figure.subject, own=narrowed))]
    if unified or (UNIFIED_BEFORE.search(clause_before(figure.subject.before)) and not names_area(own)):
        return [replace(figure, subject=replace(figure.subject, own=with_area(own, part))) for part in URBAN_RURAL]
    rural = RURAL_ONLY_STANDARD.search(own)
    if rural and not NAMES_AN_AREA.search(own + clause_head(figure.subject.before)):
        return [
            replace(figure, subject=replace(figure.subject, own=own[: rural.start()] + "农村" + own[rural.start() :]))
        ]
    found = AREA_FREE_STANDARD.search(own)
    if found and not NAMES_AN_AREA.search(own + clause_head(figure.subject.before)):
        at = found.start()
        sibling = sibling_area(own[:at], found.group(0), lead.rsplit("。", 1)[-1] + figure.subject.before)
        sibling = sibling or sole_area_before(found.group(0), figure.subject.before)
        if sibling:
            return [replace(figure, subject=replace(figure.subject, own=own[:at] + sibling + own[at:]))]
        return [
            replace(figure, subject=replace(figure.subject, own=own[:at] + prefix + own[at:]))
            for prefix in AREA_PREFIXES
        ]
    return [figure]


def clause_head(before: str) -> str:
    """The words of the figure's clause that stand before its own subject."""
    cut = max(before.rfind(mark) for mark in "，,；;。")
    return before[cut + 1 :]


# An area named after the standard (…标准城市为1475元), and a clause that names only an area (，农村为1450元).
AREA_AFTER = re.compile(r"^(?P<head>.*?)(?P<area>城市|城镇|农村|牧区)(?P<link>为|是|达到|达)?$")
AREA_ONLY = re.compile(r"^[、，,；;]?(?:其中)?[，,：:]?(?P<area>城市|城镇|农村|牧区)(?:有|为|是|达到|达|共有)?$")
AREA_WORDS = re.compile(r"城乡|城市|城镇|农村|牧区")


def linking_only(words: str) -> str:
    """What is left of a subject once its linking words (由, 提高到, 为, 每人每月) are taken out."""
    return PER_PHRASE.sub("", LINKING.sub("", FROM_MARKER.sub("", words.lstrip("，,、；; "))))


# A clause that only names an area as the topic of what follows (而对于城市地区，…; 农村方面，…; 在农牧区，…).
# Also an area with its programme before a colon (城市低保：…3月共救助670户858人).
TOPIC_AREA = re.compile(
    r"(?:^|[，,；;。：:])(?:而|但|另外|同时)?(?:对于|对|在|至于|就)?(?P<area>城市|城镇|农村|农牧区|牧区)"
    r"(?:[和与及、](?:牧区|农区|城镇))?(?:地区|居民|方面|部分|而言|来说)*(?:[，,：:]|(?P<programme>低保|特困|五保)[：:])"
)


def topic_area(before: str) -> str:
    """The area (and programme) a topic clause before the figure names, when no other area is named between them."""
    topics = list(TOPIC_AREA.finditer(before))
    if not topics or AREA_WORDS.search(before[topics[-1].end() :]):
        return ""
    area = "农村" if topics[-1]["area"] in ("农牧区", "牧区") else topics[-1]["area"]
    return area + (topics[-1]["programme"] or "")


def name_areas(figures: list[Figure]) -> None:
    """Put an area that follows its subject, that stands alone in a clause or that a topic clause before names, before
    the subject it names."""
    previous_subject = ""
    for figure in figures:
        own = figure.subject.own
        if not AREA_WORDS.search(own) and (topic := topic_area(figure.subject.before)):
            own = topic + own
        alone = AREA_ONLY.match(own)
        after = AREA_AFTER.match(own)
        if after and not alone and previous_subject and not HAN.search(linking_only(after["head"])):
            own = after["area"] + AREA_WORDS.sub("", previous_subject)
        elif alone and previous_subject:
            own = alone["area"] + AREA_WORDS.sub("", previous_subject)
        elif after and HAN.search(after["head"]) and not AREA_WORDS.search(after["head"].replace("城乡", "")):
            own = after["area"] + after["head"].replace("城乡", "")
        if own != figure.subject.own:
            figure.subject = replace(figure.subject, own=own)
        if HAN.search(AREA_WORDS.sub("", own)):
            previous_subject = own


# A report that states tekun standards for town and country apart splits them by area first: a standard naming an
# area and a care mode (农村分散供养特困人员…标准) is that area's, and a mode alone takes the area named before it.
TEKUN_BY_AREA = (
    re.compile(r"(?:城市|城镇)[^，。；]{0,10}(?:特困|三无)[^。；]{0,24}标准"),
    re.compile(r"农村[^，。；]{0,10}(?:特困|五保)[^。；]{0,24}标准"),
)
# So does one that gives standards under the old names apart, which carry their areas: 五保 was the country's support
# and 三无 the town's (五保对象集中供养标准…元，“三无”人员集中供养标准…元); not the two named as one (“五保、三无”…标准)
# or 三无 as the dibao's class a standard is pegged to (按城市低保“三无”对象标准).
TEKUN_BY_OLD_NAME = (
    re.compile(r"五保[^，。；、“”]{0,14}标准[^。；]{0,30}\d"),
    re.compile(r"(?<!低保)(?<!低保“)“?三无”?[^，。；、]{0,14}标准[^。；]{0,30}\d"),
)
OLD_NAMES_AS_ONE = re.compile(r"五保.{0,2}三无|三无.{0,2}五保")
CARE_MODE = re.compile(r"集中供养|分散供养|集中|分散")
OLD_NAME_AREA = {"五保": "农村", "三无": "城市"}
AREA_OR_OLD_NAME = re.compile(r"城市|城镇|农村|五保|三无")


def areas_named(words: str) -> list[str]:
    """The areas words name, 五保 standing for the country and 三无 for the town."""
    return [OLD_NAME_AREA.get(word, word) for word in AREA_OR_OLD_NAME.findall(words)]


def splits_tekun_by_area(text: str) -> bool:
    """Whether a report states tekun standards for town and for country apart."""
    return all(pattern.search(text) for pattern in TEKUN_BY_AREA) or (
        all(pattern.search(text) for pattern in TEKUN_BY_OLD_NAME) and not OLD_NAMES_AS_ONE.search(text)
    )


def area_over_mode(figure: Figure) -> None:
    """Rewrite a tekun standard's subject that names a care mode so that its area decides (see TEKUN_BY_AREA)."""
    own = figure.subject.own
    shared = figure.shared.own if figure.shared is not None else ""
    if not CARE_MODE.search(own) or "标准" not in own or "孤儿" in own + shared:
        return
    areas = areas_named(own) or areas_named(shared) or areas_named(figure.subject.before)
    if not areas:
        return
    plain = CARE_MODE.sub("", own)
    item = CARE_MODE.sub("", figure.subject.first_term_in)
    if item and not AREA.search(item):
        item = areas[-1] + item
    figure.subject = replace(figure.subject, own=plain if AREA.search(plain) else areas[-1] + plain, first_term_in=item)
    if figure.shared is not None:
        shared_plain = CARE_MODE.sub("", shared)
        shared_areas = areas_named(shared_plain)
        if shared_areas and not AREA.search(shared_plain):
            shared_plain = shared_areas[-1] + shared_plain
        figure.shared = replace(figure.shared, own=shared_plain)


# Town and country named together (纳入农村、城市低保的家庭): 城乡, when no 分别 gives each its own value.
BOTH_AREAS = re.compile(r"(?:城市|城镇)[、和与及](?:农村)|农村[、和与及](?:城市|城镇)")
VALUE_LIST = re.compile(r"\d[^、和]*?[、和]\s*\d")


def towns_and_country_as_both(text: str) -> str:
    """The text with town and country named together written 城乡 (same length), unless their clause lists a value
    for each (城市、农村低保对象35.8万人、100.5万人)."""

    def both(match: re.Match[str]) -> str:
        clause = re.split(r"[，,；;。]", text[match.end() :], maxsplit=1)[0]
        return match.group(0) if VALUE_LIST.search(clause) else "□" * (len(match.group(0)) - 2) + "城乡"

    return BOTH_AREAS.sub(both, text)
