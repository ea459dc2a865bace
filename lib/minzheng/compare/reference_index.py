"""Reference rows indexed once by their keys (region, or region and indicator), so a lookup per report is a dict access
rather than a filter of the whole table; and a lookup whose answer depends only on its key is computed once per key.

The tables built on reference data (standards in force, populations, per-capita figures) ask the same question of every
report; at 500 or 2,000 reports filtering whole frames per report made them quadratic. Grouping keeps each group's rows
in table order, so the first row of a key is the one a filter would have given."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import pandas as pd


def rows_by(frame: pd.DataFrame | None, columns: Sequence[str]) -> dict[tuple[Any, ...], pd.DataFrame]:
    """The rows of a frame per value of `columns` (a tuple key, rows in table order); empty when a column is missing."""
    if frame is None or frame.empty or any(c not in frame.columns for c in columns):
        return {}
    groups = frame.groupby(list(columns), sort=False)
    return {(key if isinstance(key, tuple) else (key,)): rows for key, rows in groups}


def first_rows_by(frame: pd.DataFrame | None, columns: Sequence[str]) -> dict[tuple[Any, ...], pd.Series]:
    """The first row of a frame (in table order) per value of `columns`."""
    return {key: rows.iloc[0] for key, rows in rows_by(frame, columns).items()}


class Memo:
    """Answers remembered by key: `get(key, compute, *args)` calls `compute(*args)` once per hashable key (for an
    unhashable one, every time)."""

    def __init__(self) -> None:
        self.answers: dict[Hashable, Any] = {}

    def get(self, key: Hashable, compute: Callable[..., Any], *args: Any) -> Any:
        """The answer for `key`, computed by `compute(*args)` the first time it is asked."""
        try:
            if key in self.answers:
                return self.answers[key]
        except TypeError:
            return compute(*args)
        answer = self.answers[key] = compute(*args)
        return answer
