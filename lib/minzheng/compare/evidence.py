"""Evidence quotes: each figure's sentence cut around its raw text, with region order and metadata."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from minzheng.extract.modality import is_planned

QUOTE_WIDTH = 45


ELLIPSIS = "…"


EVIDENCE_COLUMNS = [
    "region",
    "level",
    "year",
    "indicator",
    "label_zh",
    "label_en",
    "raw",
    "value",
    "unit",
    "modality",
    "quote",
    "evidence",
    "document",
    "evidence_start",
    "evidence_end",
]


def region_order(table: pd.DataFrame) -> list[str]:
    """Regions in corpus (manifest) order."""
    return list(table["region"])


def region_meta(table: pd.DataFrame) -> pd.DataFrame:
    """Level, year and genre by region."""
    return table.set_index("region")[["level", "year", "genre"]]


def quote(
    evidence: str, raw: str = "", at: int | None = None, width: int = QUOTE_WIDTH, length: int | None = None
) -> str:
    """The evidence sentence, cut to `width` characters either side of the figure with ellipses.

    The figure is found at offset `at` (spanning `length` characters) when given, else by searching for `raw`.
    """
    text = str(evidence)
    raw = str(raw or "")
    span = length if length is not None and length >= 0 else len(raw)
    if len(text) <= 2 * width + span:
        return text
    if at is None or not 0 <= at <= len(text):
        at, span = max(text.find(raw), 0) if raw else 0, len(raw)
    start, end = max(0, at - width), min(len(text), at + span + width)
    return (ELLIPSIS if start > 0 else "") + text[start:end] + (ELLIPSIS if end < len(text) else "")


def _raw_span(row: Any) -> tuple[int | None, int | None]:
    """Where the figure sits in its evidence sentence: (offset, length), or (None, None) when unknown."""
    try:
        return int(row["start"]) - int(row["evidence_start"]), int(row["end"]) - int(row["start"])
    except (KeyError, TypeError, ValueError):
        return None, None


def evidence_quotes(
    indicators: pd.DataFrame,
    ids: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
    per_region: int | None = None,
    width: int = QUOTE_WIDTH,
) -> pd.DataFrame:
    """The figures of the given indicators (all when None) with a short quote of their evidence sentence.

    Rows keep the corpus order (document, then position); `per_region` keeps the figures of the first n distinct
    evidence sentences of each region. Every row carries the document and the evidence offsets, so each quote can
    be found in the clean text.
    """
    frame = indicators
    if ids is not None:
        ids = list(ids)
        frame = frame[frame["indicator"].isin(ids)]
    if regions is not None:
        frame = frame[frame["region"].isin(list(regions))]
    if per_region is not None:
        frame = frame.drop_duplicates(["region", "evidence_start"]).groupby("region", sort=False).head(per_region)
    frame = frame.copy()
    frame["modality"] = frame["modality"].map(kind_of) if len(frame) else frame.get("modality")
    frame["quote"] = [
        quote(row["evidence"], row["raw"], *_raw_span(row)[:1], width=width, length=_raw_span(row)[1])
        for _, row in frame.iterrows()
    ]
    return frame.reindex(columns=EVIDENCE_COLUMNS).reset_index(drop=True)


def kind_of(modality: object) -> str:
    """'target' for a planned figure, else 'achieved'."""
    return "target" if is_planned(modality) else "achieved"
