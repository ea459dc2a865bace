"""China's administrative divisions, from cpca's table of names and codes: which place a name is, and what lies inside.

The table (cpca/resources/adcodes.csv, 2020) gives every province, prefecture and county-level division a
six-digit code whose prefixes are its parents. A name is matched by its stem too (玉环县 and 玉环市 are
one place under two names), so renamed counties are still known. Only the data file is read: importing
cpca itself builds an address matcher this project does not need."""

from __future__ import annotations

import csv
import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path

from minzheng.errors import MinzhengError

SUFFIX = re.compile(r"(?:自治县|自治旗|自治州|自治区|地区|林区|特区|县|区|市|旗|州|盟)$")


# Real district names that are also common nouns (阳泉市城区, 白银市平川区 has no such problem): never a place here.
GENERIC_STEMS = frozenset(
    {"城", "郊", "矿", "市辖", "新", "开发", "高新", "经济", "城关", "市中", "中", "东", "西", "南", "北"}
)


NAME_END = "县区市旗州盟"


# The peoples an autonomous division names after its place name (阿坝藏族羌族自治州): reports shorten it to 阿坝州.
PEOPLES = re.compile(
    r"(?:(?:藏|羌|彝|苗|布依|土家|侗|白|哈尼|傣|傈僳|景颇|壮|瑶|回|蒙古|朝鲜|哈萨克|柯尔克孜|维吾尔|土|撒拉|保安|东乡|裕固|纳西|"
    r"普米|怒|独龙|拉祜|佤|黎|畲|水|仡佬|毛南|仫佬|满|锡伯|达斡尔|鄂伦春|鄂温克|塔吉克|各)族|哈萨克|蒙古|柯尔克孜|塔吉克|锡伯)+$"
)


def divisions_file() -> Path:
    """Where cpca keeps its table of divisions, found without importing the package."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise MinzhengError("the cpca package is not installed; run `make setup` to install the project's dependencies")
    path = Path(spec.origin).parent / "resources" / "adcodes.csv"
    if not path.is_file():
        raise MinzhengError(f"{path}: cpca's table of administrative divisions is missing; reinstall cpca")
    return path


def stem(name: str) -> str:
    """A division's name without its level word: 玉环县 -> 玉环, 大连市 -> 大连."""
    return SUFFIX.sub("", name)


def short_name(name: str) -> str:
    """The name reports shorten a division to: its stem, without the peoples an autonomous one names (广西壮族自治区 ->
    广西, 芷江侗族自治县 -> 芷江)."""
    key = stem(name)
    return PEOPLES.sub("", key) if "自治" in name else key


@cache
def division_rows() -> tuple[tuple[str, str], ...]:
    """Every division of cpca's table as (six-digit code, name), read once."""
    with open(divisions_file(), encoding="utf-8") as handle:
        return tuple((row["adcode"][:6], row["name"]) for row in csv.DictReader(handle))


@cache
def division_codes() -> dict[str, tuple[str, ...]]:
    """Every prefecture- and county-level division: stem -> six-digit codes (one stem may name several places)."""
    table: dict[str, list[str]] = {}
    for code, name in division_rows():
        key = stem(name)
        if code.endswith("0000") or len(key) < 2 or key in GENERIC_STEMS:
            continue
        table.setdefault(key, []).append(code)
        short = short_name(name)
        if short != key and len(short) >= 2:
            table.setdefault(short, []).append(code)
    return {key: tuple(sorted(set(codes))) for key, codes in table.items()}


@cache
def division_names() -> dict[str, str]:
    """Every division's code -> its full name (抚顺市, 抚顺县)."""
    return dict(division_rows())


def code_of(name: str, within: str = "") -> str | None:
    """The code of a named division, preferring the one inside a parent code and then the one of the same full name
    (抚顺市, not 抚顺县 inside it, whose stem is the same); None when unknown or ambiguous."""
    codes = division_codes().get(stem(name), ())
    inside = [code for code in codes if within and code.startswith(parent_prefix(within))] or list(codes)
    if len(inside) > 1:
        inside = [code for code in inside if division_names().get(code) == name] or inside
    if len(inside) == 1:
        return inside[0]
    return None


def parent_prefix(code: str) -> str:
    """The prefix every division inside a code shares: 2 digits for a province, 4 for a prefecture, 6 for a county."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


@cache
def province_codes() -> dict[str, str]:
    """Province stems -> two-digit prefixes."""
    return {PROVINCE_SUFFIX.sub("", name): code[:2] for code, name in division_rows() if code.endswith("0000")}


# The level words of a province's name (省, 自治区, and the peoples an autonomous region names).
PROVINCE_SUFFIX = re.compile(r"(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$")


def region_code(region: str, parent_city: str = "", province: str = "") -> str | None:
    """The code of a report's region, disambiguated by its parent city and province; None when unknown."""
    province_prefix = next((p for name, p in province_codes().items() if province and province.startswith(name)), "")
    parent = code_of(parent_city, province_prefix + "0000") if parent_city else None
    own = code_of(region, parent or (province_prefix + "0000" if province_prefix else ""))
    return own or province_code(region)


def province_code(region: str) -> str | None:
    """The code of a province-level region (辽宁省, 上海市, 广西壮族自治区), so its cities are known as its parts."""
    prefix = province_codes().get(PROVINCE_SUFFIX.sub("", region))
    return prefix + "0000" if prefix else None


# What follows the word 城市 (urban) in a programme's name: 新增城市低保 is not 增城 and 市.
URBAN_PROGRAMME = re.compile(r"低保|居民|最低|特困|三无|困难|医疗救助")


def straddles_city(text: str, start: int, end: int) -> bool:
    """Whether a name read as X城市 is the tail of another name and the word 城市 (衡阳城市低保: not 阳城), or the
    word 城市 before a programme's name (新增城市低保: not 增城)."""
    if not text.endswith("城市", 0, end):
        return False
    if URBAN_PROGRAMME.match(text, end):
        return True
    return any(division_codes().get(text[k : start + 1]) for k in range(max(0, start - 3), start))


# A level word that opens a longer word (区域, 县级, 市场) ends no name: 新建区域性养老服务中心 and 新建区级养老院 build
# something, they name no 新建区 (a district of 南昌).
LEVEL_WORD_OPENS = re.compile(r"区域|区级|区划|县级|县域|市级|市域|市场")


@lru_cache(maxsize=256)
def places_named(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Division names in a text, as (start, end, codes), where the name ends in its level word (县, 区, 市, …)."""
    found = []
    for match in re.finditer(f"[{NAME_END}]", text):
        end = match.end()
        if LEVEL_WORD_OPENS.match(text, end - 1):
            continue
        for start in range(max(0, end - 8), end - 2):
            codes = division_codes().get(stem(text[start:end]))
            if codes and re.fullmatch(r"[\u4e00-\u9fff]+", text[start:end]) and not straddles_city(text, start, end):
                found.append((start, end, codes))
                break
    return tuple(found)


# Where a clause opens: a city named there by its short name (记者了解到，苏州今年…) is the clause's subject.
CLAUSE_OPENING = re.compile(r"(?:^|[，。；：,;:])\s*")


@cache
def city_stems() -> dict[str, tuple[str, ...]]:
    """Stems of prefecture-level cities (苏州, 大连) -> their codes."""
    cities = {key: tuple(code for code in codes if code.endswith("00")) for key, codes in division_codes().items()}
    return {key: codes for key, codes in cities.items() if codes}


@lru_cache(maxsize=256)
def cities_opening_clauses(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Prefecture-level cities named by their short name at the opening of a clause (苏州今年起将…), as places_named
    gives them; a name with its level word is places_named's."""
    found = []
    for match in CLAUSE_OPENING.finditer(text):
        at = match.end()
        for size in (3, 2):
            codes = city_stems().get(text[at : at + size])
            if codes and text[at + size : at + size + 1] not in NAME_END + "地盟":
                found.append((at, at + size, codes))
                break
    return tuple(found)
