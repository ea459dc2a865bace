"""Which region a report is about, from the division names its text uses matched against cpca's official table of
administrative divisions (read by extract/places.py), and that region's level, province and parent city."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from minzheng.extract.places import GENERIC_STEMS, NAME_END, division_codes, division_rows, stem
from minzheng.read.report import Report

# Rows of the table that group divisions without being one (市辖区, 县, 省直辖县级行政区划).
NOT_A_PLACE = re.compile(r"^(?:市辖区|县|.*直辖.*)$")


# Common words that end in a division's name (示范县 is not 范县 of 河南).
COMMON_WORDS = ("示范县", "示范区", "示范市")


# Words a report uses for its own region's level: 全县 counts for a county, 全市 for a city, 全区 for a district.
OWN_LEVEL = {"全县": "county", "全旗": "county", "全市": "city", "全区": "district"}


# How much more a name counts in the title and lead, and as the bureau (某县民政局), than elsewhere.
TITLE_WEIGHT, BUREAU_WEIGHT = 2, 2


HEAD_CHARS = 200


HAN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def names_table() -> dict[str, tuple[str, ...]]:
    """Full division name → six-digit codes, for every province, prefecture and county-level division (one name may
    be several places)."""
    table: dict[str, list[str]] = {}
    for code, name in division_rows():
        if NOT_A_PLACE.match(name) or stem(name) in GENERIC_STEMS:
            continue
        table.setdefault(name, []).append(code)
    return {name: tuple(sorted(codes)) for name, codes in table.items()}


def codes_of(name: str) -> tuple[str, ...]:
    """The codes of a division name: the table's own name, else its stem (a renamed place: 宁乡市 was 宁乡县)."""
    return names_table().get(name) or division_codes().get(stem(name), ())


def names_in(text: str) -> Counter[str]:
    """How often each division is named in a text: at each level word (县, 市, 区 …) the longest table name ending
    there, else the longest name whose stem is a division's (renamed places), as the text spells it."""
    found: Counter[str] = Counter()
    for match in re.finditer(f"[{NAME_END}]", text):
        end = match.end()
        if any(text[max(0, end - len(w)) : end] == w for w in COMMON_WORDS):
            continue
        spans = [text[start:end] for start in range(max(0, end - 10), end - 1)]
        named = next((n for n in spans if n in names_table()), None)
        named = named or next((n for n in spans if HAN.fullmatch(n) and stem(n) in division_codes()), None)
        if named:
            found[named] += 1
    return found


def name_of(code: str) -> str:
    """The table's name of a code ('' when the code is not in it)."""
    return dict(division_rows()).get(code, "")


def kind_of(code: str, name: str) -> str:
    """The manifest level of a division: province, prefecture-level city, district, county-level city or county."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture-level city"
    if name.endswith("区"):
        return "district"
    return "county-level city" if name.endswith("市") else "county"


def own_level_words(text: str) -> Counter[str]:
    """How often the text says 全县, 全市, 全区 …, by the kind of region those words point to."""
    counts: Counter[str] = Counter()
    for word, kind in OWN_LEVEL.items():
        counts[kind] += text.count(word)
    return counts


def fits(kind: str, level: str) -> bool:
    """Whether a 全X word's kind fits a division's level (全市 fits a prefecture-level or a county-level city)."""
    return kind == level or (kind == "city" and level.endswith("city"))


@dataclass(frozen=True)
class Candidate:
    """A division the report names, how strongly it points to the report's own region, and the words that say so."""

    name: str
    codes: tuple[str, ...]
    score: int
    evidence: str


def parent_names(code: str) -> tuple[str, str]:
    """How a text names the province and the city a division lies in: 山东 and 日照 for 莒县."""
    return stem(name_of(code[:2] + "0000"))[:2], stem(name_of(code[:4] + "00")) if not code.endswith("00") else ""


def pick_code(name: str, codes: tuple[str, ...], text: str) -> str:
    """The code of a name; where several places share it, the one whose province or city the text names ('' when the
    text does not tell them apart)."""
    if len(codes) == 1:
        return codes[0]
    named = {c: sum(text.count(n) for n in parent_names(c) if n) for c in codes}
    best = max(named.values())
    chosen = [c for c, n in named.items() if n == best]
    return chosen[0] if best and len(chosen) == 1 else ""


def candidates(report: Report, publisher: str = "") -> list[Candidate]:
    """Every division the report or its publisher names, strongest first: one point per mention, more in the title and
    lead and as the bureau or publisher (某县民政局, 某县融媒体中心), and one per 全县/全市/全区 where the level fits."""
    text, head = report.text, report.text[:HEAD_CHARS]
    own = own_level_words(text)
    found = []
    for name in names_in(text) | names_in(publisher):
        codes, mentions = codes_of(name), text.count(name)
        level = kind_of(codes[0], name)
        in_head, bureau = head.count(name), text.count(name + "民政局") + (name in publisher)
        level_words = sum(n for kind, n in own.items() if fits(kind, level))
        score = mentions + TITLE_WEIGHT * min(in_head, 1) + BUREAU_WEIGHT * min(bureau, 1) + level_words
        words = [f"“{name}” named {mentions} time(s)"]
        words += ["in the title or lead"] if in_head else []
        words += [f"as the bureau “{name}民政局”"] if text.count(name + "民政局") else []
        words += [f"in the publisher “{publisher}”"] if name in publisher else []
        if level_words:
            said = "/".join(w for w, k in OWN_LEVEL.items() if fits(k, level) and w in text)
            words.append(f"{said} {level_words} time(s)")
        found.append(Candidate(name, codes, score, "; ".join(words)))
    return sorted(found, key=lambda c: -c.score)


def level_conflict(report: Report, found: list[Candidate]) -> str:
    """Why the divisions named cannot be the report's own region ('' when one can): the text speaks of itself as 全县
    (or 全市, 全区) more than as anything else, and names no division of that level."""
    own = own_level_words(report.text)
    kind, count = max(own.items(), key=lambda item: item[1])
    if count < 2 or any(fits(kind, kind_of(c.codes[0], c.name)) for c in found):
        return ""
    said = "/".join(w for w, k in OWN_LEVEL.items() if k == kind and w in report.text)
    return f"the text speaks of its own region as {said} ({count} times) but names no {kind} of cpca's division table"


@dataclass(frozen=True)
class Place:
    """A region's code, level, province and parent city, as the division table gives them."""

    region: str
    code: str
    level: str
    province: str
    parent_city: str


def place_of(name: str, text: str = "") -> Place | None:
    """The division a region name is, with its level, province and parent city (None when the table lacks it; an empty
    code where several places share the name and the text does not tell them apart)."""
    codes = codes_of(name)
    if not codes:
        return None
    code = pick_code(name, codes, text)
    if not code:
        return Place(name, "", kind_of(codes[0], name), "", "")
    level = kind_of(code, name)
    province = name_of(code[:2] + "0000")
    parent = "" if level in ("province", "prefecture-level city") else name_of(code[:4] + "00")
    if NOT_A_PLACE.match(parent):  # a municipality's district lies in the municipality; 省直辖 ones in no city
        parent = province if province.endswith("市") and parent in ("市辖区", "县") else ""
    return Place(name, code, level, province, parent)
