"""Whether a figure is the region's own total: parts after 其中, other places and other levels."""

from __future__ import annotations

import re

from minzheng.codebook import Indicator
from minzheng.extract.record import Row

PARENTHETICAL = re.compile(r"[（(][^（）()]{0,8}[）)]")


PLACE_PHRASE = re.compile(r"^(?:[区乡]镇|乡镇|镇|街道|村|社区|乡)(?:[（(][^（）()]{0,8}[）)])?")


COVERAGE = re.compile(r"实现.{0,12}?全覆盖")


SCOPE_WORDS = ("全国", "全省", "全市", "全州", "全县", "全区")


HIGHER_SCOPES = {
    "county": ("全国", "全省", "全市", "全州"),
    "district": ("全国", "全省", "全市", "全州"),
    "county-level city": ("全国", "全省", "全州"),
    "prefecture-level city": ("全国", "全省"),
    "province": ("全国",),
}


def part_of_total(text: str, position: int, found: Indicator, rows: list[Row]) -> bool:
    """Whether a figure after 其中 (or 'X中，') would only repeat the indicator of the total before it."""
    qizhong = max(text.rfind("其中", 0, position), partitive_end(text, position))
    if qizhong < 0:
        return False
    totals = [row for row in rows if row.indicator.id == found.id and (row.sentence.text != text or row.end <= qizhong)]
    return bool(totals)


def partitive_end(text: str, position: int) -> int:
    """Where a sentence-opening partitive such as 养老机构中， ends, or -1."""
    match = re.match(r"^[\u4e00-\u9fff（）()]{2,12}中[，,]", text)
    return match.end() if match and match.end() <= position else -1


def about_another_place(text: str, position: int, level: str, others: tuple[str, ...]) -> bool:
    """Whether the place word nearest before a figure names a place above the report's own (全市 in a county report, the parent city)."""
    words = SCOPE_WORDS + others
    places = sorted(
        (m.start(), m.end(), m.group(0)) for word in words for m in re.finditer(re.escape(word), text[:position])
    )
    if not places:
        return False
    start, _, nearest = places[-1]
    named_before = any(end == start and word in others for _, end, word in places)
    return named_before or nearest in others or nearest in HIGHER_SCOPES.get(level, ())


def other_places(meta: dict[str, str]) -> tuple[str, ...]:
    """Names of the places above the report's region (its parent city, its province), short forms included."""
    names = []
    for key in ("parent_city", "province"):
        name = (meta or {}).get(key, "")
        if name:
            names += [name, re.sub(r"(市|省|自治区|自治州|地区)$", "", name)]
    return tuple(n for n in dict.fromkeys(names) if len(n) >= 2)
