"""English wording shared by every layer: lists joined, numbers, periods, years, levels, plurals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from minzheng.codebook import THEMES

LEVEL_MARKS = {"county": "county 县", "prefecture-level city": "prefecture-level city 地级市"}


def level_label(level: str) -> str:
    """Return the short bilingual mark of an administrative level (county or prefecture-level city)."""
    return LEVEL_MARKS.get(str(level), str(level) or "level unknown")


def format_number(value: object) -> str:
    """Format a number for tables and sentences: integers without decimals, others with up to 4."""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return ""
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def shorten(text: str, limit: int = 34) -> str:
    """Cut a label to a length, ending with an ellipsis when cut."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def noun(count: int, singular: str, plural: str | None = None) -> str:
    """Return '1 report', '3 reports' or '9,100 figures' (thousands separated)."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def period_text(period: object) -> str:
    """A period as text: '2023', or 'period not stated'."""
    return str(int(period)) if pd.notna(period) else "period not stated"


# Items a sentence names; a longer list names the first and counts the rest (many regions: compare/views.py).
LIST_MAX = 12


def capped(items: Sequence[str], limit: int | None = LIST_MAX) -> list[str]:
    """The items of a list, or its first `limit` and 'N more' when it is longer."""
    items = [str(i) for i in items]
    if limit is None or len(items) <= limit:
        return items
    return [*items[:limit], f"{len(items) - limit:,} more"]


def join_words(items: Sequence[str], empty: str = "none", limit: int | None = LIST_MAX) -> str:
    """Join words as English prose: 'a', 'a and b', 'a, b and c' ('none' when empty); beyond `limit` items the first
    are named and the rest counted ('a, b, … l and 488 more')."""
    items = capped(items, limit)
    if not items:
        return empty
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def theme_title(theme: str) -> str:
    """A theme's bilingual title, e.g. '社会救助 Social assistance'."""
    zh, en = THEMES.get(theme, ("", theme))
    return f"{zh} {en}".strip()


def year_text(value: object) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return "year unknown"


LEVEL_TICKS = {"county": "county 县", "prefecture-level city": "city 地级市"}


def level_tick(level: str) -> str:
    """Return the short bilingual mark of a level for tick labels ('county 县' or 'city 地级市')."""
    return LEVEL_TICKS.get(str(level), str(level) or "?")


def region_tick(region: str, level: str) -> str:
    """Return a tick label: the region name over its administrative level."""
    return f"{region}\n{level_tick(level)}"
