"""Numerals as reports write them: Arabic (half- or full-width, with separators) and Chinese (三十七点五, 八万五千零一十一)."""

from __future__ import annotations

import re
import unicodedata

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


CHINESE_BIG = {"万": 10_000, "亿": 100_000_000}


ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"


# A Chinese numeral, with decimals read digit by digit after 点 (四点二七亿元, 三十七点五万户).
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"


def chinese_to_number(text: str) -> float | None:
    """Convert a Chinese numeral such as 一千二百, 两, 十二, 二十万零六百 or 三十七点五 to a number, or None."""
    whole, _, decimals = text.partition("点")
    total, section, digit = 0, 0, None
    for char in whole:
        if char in "零〇" and digit is None and (total or section):
            continue  # a place held empty: 八万五千零一十一, 二十万零六百
        if char in CHINESE_DIGITS:
            if digit is not None:
                return None
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            section += (1 if digit is None else digit) * CHINESE_UNITS[char]
            digit = None
        elif char in CHINESE_BIG:
            total = (total + section + (digit or 0)) * CHINESE_BIG[char]
            section, digit = 0, None
        else:
            return None
    if not whole or (decimals and not all(char in CHINESE_DIGITS for char in decimals)):
        return None
    fraction = float("0." + "".join(str(CHINESE_DIGITS[char]) for char in decimals)) if decimals else 0.0
    return round(total + section + (digit or 0) + fraction, 10)


def to_number(text: str) -> float | None:
    """Convert an Arabic (half- or full-width, with separators) or Chinese numeral to a number."""
    ascii_text = unicodedata.normalize("NFKC", text).replace(",", "").replace("．", ".")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", ascii_text):
        return float(ascii_text)
    return chinese_to_number(text)
