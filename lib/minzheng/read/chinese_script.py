"""Traditional or simplified script: detect it, and convert traditional text to simplified."""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache

import opencc

from minzheng import paths

TRADITIONAL_SHARE = 0.02
# A screen this far over the line needs no phrase-aware second look (which only settles texts near the line).
CLEARLY_TRADITIONAL = 0.10


HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def converter() -> opencc.OpenCC:
    """The OpenCC traditional-to-simplified converter, built once."""
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def conversion_fixes() -> tuple[tuple[str, str], ...]:
    """Known misses of OpenCC t2s as (wrong, right) pairs, longest first."""
    with open(paths.OPENCC_FIXES_FILE, encoding="utf-8", newline="") as handle:
        pairs = [(row["wrong"], row["right"]) for row in csv.DictReader(handle)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def is_traditional_character(character: str) -> bool:
    """True when t2s changes the character on its own."""
    return converter().convert(character) != character


def traditional_share(text: str) -> float:
    """Share of the first 5,000 Han characters that t2s changes: a quick per-character screen, then phrase-aware t2s
    for a text near the line."""
    sample = HAN.findall(text)[:5000]
    if not sample:
        return 0.0
    screened = sum(map(is_traditional_character, sample)) / len(sample)
    if screened < TRADITIONAL_SHARE or screened >= CLEARLY_TRADITIONAL:
        return screened
    joined = "".join(sample)
    return sum(a != b for a, b in zip(joined, converter().convert(joined))) / len(sample)


def detect_script(text: str) -> str:
    """Say whether a text is written in 'traditional' or 'simplified' characters."""
    return "traditional" if traditional_share(text) >= TRADITIONAL_SHARE else "simplified"


def convert_line(line: str) -> str:
    """Convert one line to simplified, character for character so offsets survive."""
    converted = converter().convert(line)
    if len(converted) != len(line):
        converted = "".join(ch if len(c := converter().convert(ch)) != 1 else c for ch in line)
    for wrong, right in conversion_fixes():
        converted = converted.replace(wrong, right)
    return converted


def convert_to_simplified(text: str) -> str:
    """Convert a traditional text to simplified Chinese, keeping its length."""
    return "\n".join(convert_line(line) for line in text.split("\n"))
