"""Whether a figure is the region's own total: parts after 其中, other places and other levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minzheng.codebook import Indicator
from minzheng.extract.patterns import BOOK_TITLE, LONGER_NAME, last_clause
from minzheng.extract.places import cities_opening_clauses, places_named, region_code, short_name
from minzheng.extract.record import Row

PARENTHETICAL = re.compile(r"[（(][^（）()]{0,8}[）)]")


PLACE_PHRASE = re.compile(r"^(?:[区乡]镇|乡镇|镇|街道|村|社区|乡)(?:[（(][^（）()]{0,8}[）)])?")


COVERAGE = re.compile(r"实现.{0,12}?全覆盖")


# A news item's dateline (浙江在线7月3日讯（记者 …）, 新华社郑州9月24日电): the places in it are the paper's, not the figure's.
DATELINE = re.compile(r"^[^，。；,;]{0,30}?(?:讯|电)\s*(?:[（(][^（）()]{0,40}[）)])?")


# Words by which a report names its own place: a figure after them is the region's own.
OWN_WORDS = ("我县", "我市", "我区", "我省", "本县", "本市", "本区", "本省", "本级")


# A breakdown in parentheses (随县31所、广水市18所): the places in it do not name the figures after it.
CLOSED_PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]")


SCOPE_WORDS = ("全国", "全省", "全市", "全州", "全县", "全区")
# A place named by 该 and its level word (该县 in a city's news): the home when the word is the home's own, else another.
DEMONSTRATIVES = ("该县", "该区", "该市", "该省", "该州", "该旗", "该盟")


HIGHER_SCOPES = {
    "county": ("全国", "全省", "全市", "全州"),
    "district": ("全国", "全省", "全市", "全州"),
    "county-level city": ("全国", "全省", "全州"),
    "prefecture-level city": ("全国", "全省"),
    "province": ("全国",),
}


# The last time words before a figure: a month, a span or a list of months (11月份、12月份), or words that mean a
# period longer than a month.
TIME_WORDS = re.compile(
    r"(?P<span>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月?\s*[-—–~～至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*[、和及]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)"
    r"|(?P<month>(?<![0-9一二三四五六七八九十])(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
    r"(?!底|末|以来|起|初|中旬|上旬|下旬|至|到|\s*[-—–~～0-9]))"
    r"|(?P<first>首月|当月|月发|每月发放)"
    r"|(?P<longer>(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年|今年|本年|当年|去年)?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|累计|全年|年度|上半年|下半年|季度|以来|年底|年末|底)"
)


FLOW_UNITS = ("元", "人次")


def one_month(text: str, position: int, found: Indicator, lead: str = "") -> bool:
    """Whether a flow (money paid, cases) is one month's: the nearest time words before it, in its sentence or the
    sentences of its paragraph before it (`lead`), name a single month."""
    if found.unit not in FLOW_UNITS:
        return False
    matches = list(TIME_WORDS.finditer(lead + text[:position]))
    return bool(matches) and bool(matches[-1]["month"] or matches[-1]["first"])


def part_of_total(text: str, position: int, found: Indicator, rows: list[Row], continued: bool = False) -> bool:
    """Whether a figure after 其中 (or 'X中，', or in a sentence that goes on a 其中 list) would only repeat the
    indicator of the total before it."""
    qizhong = max(text.rfind("其中", 0, position), partitive_end(text, position), 0 if continued else -1)
    if qizhong < 0:
        return False
    totals = [row for row in rows if row.indicator.id == found.id and (row.sentence.text != text or row.end <= qizhong)]
    return bool(totals)


# A clause that opens with a subgroup (…特困人员900人，集中供养300人) divides the total stated before it.
SUBGROUP = re.compile(r"^[，,、；;\s]*(?:集中供养|分散供养|城市|城镇|农村|牧区|男性|女性)")


# Another population the counts after it are a part of (脱贫户684户，其中享受低保601户; 五保户697人，其中…孤儿25人).
# Near-dibao families and the elderly of dibao families are groups beside a programme: their parts, and the aid near-dibao
# families receive (低保边缘家庭享受临时救助N人次), are not its count.
OTHER_POPULATION = re.compile(
    r"(?:脱贫户|建档立卡|贫困户|贫困人口|监测对象|低保边缘|低保家庭(?:中的)?老年人)[^。；;]{0,16}?(?:其中|中)"
    r"|(?:低保边缘|边缘家庭)[^。；;，,]{0,6}?享受"
    r"|(?:五保|特困|三无)[^。；;]{0,24}?其中[^。；;]{0,8}?(?:老人|老年人|残疾人)"
    r"|(?:随机抽取|抽取|抽查)[^。；;，,]{0,24}$"  # a sample drawn for checks (随机抽取30%的低保家庭共1604户)
)


def part_of_another_population(text: str, position: int, unit_class: str) -> bool:
    """Whether a count is the part of another population (poor households, monitored people) that a programme
    covers, not the programme's own count."""
    return unit_class in (*COUNTS, "person_times") and bool(OTHER_POPULATION.search(text, 0, position))


def names_a_subgroup(own: str, unit_class: str, after: str = "") -> bool:
    """Whether a count's own words (or, when they say only 有, its noun) open with a subgroup (集中供养, 城市, 农村)."""
    words = after if own.strip("，,、 ") == "有" else own
    return unit_class in COUNTS and bool(SUBGROUP.match(words))


COUNTS = ("people", "households")


AREA_WORD = re.compile(r"城市|城镇|农村|牧区")


def names_its_area(text: str, position: int, own: str) -> bool:
    """Whether a figure whose own words open with an area follows one whose clause names an area (城市低保核减3户6人，
    农村低保核减…): the earlier figure is a part itself, so this is the next part, not its subgroup."""
    clause = last_clause(text[:position])
    return bool(AREA_WORD.match(own.lstrip("，,、；; ")) and AREA_WORD.search(clause))


def partitive_end(text: str, position: int) -> int:
    """Where a sentence-opening partitive such as 养老机构中， ends, or -1."""
    match = re.match(r"^[\u4e00-\u9fff（）()]{2,12}中[，,]", text)
    return match.end() if match and match.end() <= position else -1


@dataclass(frozen=True)
class Home:
    """The report's own place: its level, the names of the places above it, its division code and its own names."""

    level: str = ""
    above: tuple[str, ...] = ()
    code: str | None = None
    own: tuple[str, ...] = ()


# A text read without a manifest: no level, no places above it, no division code.
UNPLACED = Home()


def home_of(region: str, level: str, meta: dict[str, str]) -> Home:
    """The home place of a report, from its region and manifest metadata."""
    meta = meta or {}
    code = region_code(region, meta.get("parent_city", ""), meta.get("province", ""))
    short = short_name(region)
    own = (region, short) if len(short) >= 2 and short != region else (region,)
    return Home(level, other_places(meta, region), code, own if len(region) >= 3 else ())


# The scope words and the report's own words, in one pattern compiled once; a scope word in a ranking (成效居全省前列,
# 位居全市第一) names where the region ranks, not whose figures follow.
SCOPE_OR_OWN = re.compile(
    r"(?<!居)(?<!列)(?<!排名)(?:"
    + "|".join(map(re.escape, sorted(set(SCOPE_WORDS + OWN_WORDS + DEMONSTRATIVES), key=len, reverse=True)))
    + r")(?![^，,；;。\d]{0,4}(?:前列|第[一二三四五六七八九十\d]|首位|前茅))"
)


def place_words(text: str, begin: int, end: int, above: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """The scope words, the report's own words and the names of the places above it, between begin and end."""
    found = [(m.start(), m.end(), m.group(0)) for m in SCOPE_OR_OWN.finditer(text, begin, end)]
    for name in above:
        at = text.find(name, begin, end)
        while at >= 0:
            if not LONGER_NAME.match(text, at + len(name)):
                found.append((at, at + len(name), name))
            at = text.find(name, at + 1, end)
    return found


def about_another_place(text: str, position: int, home: Home) -> bool:
    """Whether the place named nearest before a figure is not the report's own: a place above it (全市 in a county
    report, the parent city), a neighbouring county, or one district of the city (a part, not the city's figure)."""
    dateline = DATELINE.match(text)
    begin = dateline.end() if dateline and dateline.end() <= position else 0
    closed = [m.span() for m in CLOSED_PARENTHESIS.finditer(text, 0, position)]
    titles = [m.span() for m in BOOK_TITLE.finditer(text, 0, position)]
    named = place_words(text, begin, position, home.above + home.own)
    places = [p for p in named if not any(a < p[0] < b for a, b in titles)]
    divisions = [
        d
        for d in ((*places_named(text), *cities_opening_clauses(text)) if home.code else ())
        if begin <= d[0] and d[1] <= position and not any(a < d[0] < b for a, b in closed)
    ]
    places += [(start, end, text[start:end]) for start, end, _ in divisions]
    if not places:
        return False
    start, end, nearest = max(places, key=lambda place: (place[1], place[1] - place[0]))
    spans = [(a, b) for a, b, _ in divisions]
    outside = {
        (a, b)
        for a, b, codes in divisions
        if home.code not in codes and not parts_together(text, a, b, codes, home, spans, position)
    }
    if (start, end) in outside:
        return True
    named_before = any(b == start and word in home.above for _, b, word in places)
    another = nearest in DEMONSTRATIVES and bool(home.own) and nearest != "该" + home.own[0][-1]
    lower = nearest in LOWER_OWN_WORDS.get(home.level, ()) and not any(name.endswith("市") for name in home.own)
    return named_before or another or lower or nearest in home.above or nearest in HIGHER_SCOPES.get(home.level, ())


# A province's page that quotes a city's or county's own words (我市共保障城乡低保对象…): the figures are that
# place's (not in a municipality's report, whose own word is 我市).
LOWER_OWN_WORDS = {"province": ("我市", "本市", "我县", "本县")}


# Words that join places into one set (市辖区和凤台县, 城区、开发区及各县).
JOINED = "和及与、"


# Values given 分别 to parts named together are each a part's.
RESPECTIVELY = "分别"


# Parts named together and then counted (市中区、槐荫区…五区): a tier of the home, each figure that tier's.
TIER_COUNT = re.compile(r"[二三四五六七八九两]个?(?:区|县|县区|区县)(?![长委])")


# A note that gives the parts named before it a short name (以下简称“七区”): it names them, it does not count them as a tier.
SHORT_NAME_NOTE = re.compile(r"[（(](?:以下|下文)?(?:简称|统称|下称)[^（）()]{1,12}[）)]")


# Parts of a city named without their names (市辖区, 城区, 各县区).
PARTS = r"(?:市辖区|主城区|城区|各县区|县区|各县|开发区|新区)"
PART_WORDS = re.compile(PARTS + "$")
PART_AHEAD = re.compile(PARTS)


def parts_together(
    text: str, start: int, end: int, codes: tuple[str, ...], home: Home, spans: list[tuple[int, int]], position: int
) -> bool:
    """Whether a division inside the home is named together with another part of it (我市市辖区和凤台县…标准, A区、B区
    的…): the parts together are the home's, not one part's (A区X元、B区Y元, 分别 values, or parts counted as a tier,
    A区、B区…五区, are each a part's)."""
    prefix = (home.code or "").rstrip("0")
    if (
        not prefix
        or RESPECTIVELY in text[end:position]
        or TIER_COUNT.search(SHORT_NAME_NOTE.sub(lambda m: "□" * len(m.group(0)), text), end, position)
        or not any(code.startswith(prefix) and code != home.code for code in codes)
    ):
        return False
    after = text[end : end + 1] in JOINED and (
        any(a == end + 1 for a, _ in spans) or bool(PART_AHEAD.match(text, end + 1))
    )
    before = (
        start > 1
        and text[start - 1] in JOINED
        and (any(b == start - 1 for _, b in spans) or bool(PART_WORDS.search(text, 0, start - 1)))
    )
    return after or before


def other_places(meta: dict[str, str], region: str = "") -> tuple[str, ...]:
    """Names of the places above the report's region (its parent city, its province), short forms included;
    never the region's own name (a province's report names its province)."""
    short = re.compile(r"(市|省|自治区|自治州|地区)$")
    own = {region, short.sub("", region)}
    names = []
    for key in ("parent_city", "province"):
        name = (meta or {}).get(key, "")
        if name:
            names += [name, short.sub("", name)]
    return tuple(n for n in dict.fromkeys(names) if len(n) >= 2 and n not in own and not region.startswith(n))


# A person the sentence tells of (东区的谭女士说，她已领到5000元): the figure is one person's or family's, not the region's.
ONE_PERSON = re.compile(
    r"女士|先生|大爷|大妈|大娘|阿姨|奶奶|爷爷|老汉|(?<![其])[她他](?:家|们家)?(?=已|领|每|家|说|今|一)"
    r"|一家[二两三四五六七八]口"
)


def about_one_person(text: str, position: int) -> bool:
    """Whether the sentence, before a figure, tells of one person or family."""
    return bool(ONE_PERSON.search(text, 0, position))


# A sum paid as a one-off or holiday subsidy, named right after it (收到了600元的一次性生活补贴) or right before it alone
# (发放特困人员价格临时补贴130万元; not 保障金及取暖补贴…, money that holds a programme's too): no programme's money. The
# people such a subsidy reaches (发放“两节”一次性生活补贴…惠及困难群众5000余人) are no count of people that the codebook
# keeps apart from one-off payments (its exclusions name 一次性).
ONE_OFF_SUBSIDY = r"(?:一次性|春节|节日|过节|两节”?|价格临时|物价|取暖)(?:临时)?(?:生活)?(?:补贴|补助|慰问金)"
ONE_OFF_AFTER = re.compile(rf"的?{ONE_OFF_SUBSIDY}")
ONE_OFF_BEFORE = re.compile(rf"(?<![及和、含与]){ONE_OFF_SUBSIDY}(?:资金)?(?:共计|合计|共|计|达)?\s*$")
ONE_OFF_NAMED = re.compile(ONE_OFF_SUBSIDY)


def one_off_payment(text: str, start: int, end: int, found: Indicator) -> bool:
    """Whether a sum is named a one-off or holiday subsidy right after or right before it, or a count of people
    assisted is of a sentence that pays one."""
    if found.unit == "人" and any(term.plain.search("一次性") for term in found.excludes):
        return bool(ONE_OFF_NAMED.search(text))
    return found.unit.startswith("元") and bool(
        ONE_OFF_AFTER.match(text, end) or ONE_OFF_BEFORE.search(text[max(0, start - 24) : start])
    )
