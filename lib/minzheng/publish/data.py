"""The data export: every figure with its evidence, the data dictionary, the sources and the reference rows used, as
CSV and XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from minzheng.compare.reference_sheet import corpus_reference_sheet
from minzheng.compare.theme_sheets import theme_sheets
from minzheng.read.reference import reference_dir
from minzheng.writers import atomic_write, csv_bytes, xlsx_bytes

INDICATOR_SORT = ("document", "start", "end", "indicator", "value")


def sorted_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort extracted figures stably by document and position."""
    keys = [key for key in INDICATOR_SORT if key in frame.columns]
    if not keys:
        return frame.reset_index(drop=True)
    return frame.sort_values(keys, kind="mergesort", na_position="last").reset_index(drop=True)


def export_data(corpus: Any, codebook: pd.DataFrame, outputs_dir: Path) -> list[Path]:
    """Write data/indicators.csv and data/indicators.xlsx (indicators, a sheet per theme with its figures, the
    data_dictionary, sources, and `reference`: every row of the corpus's reference files that a table built on them
    uses, with its source, date and reliability)."""
    indicators = sorted_indicators(corpus.indicators())
    folder = Path(outputs_dir) / "data"
    sheets = {
        "indicators": indicators,
        **theme_sheets(indicators),
        "data_dictionary": codebook.reset_index(drop=True),
        "sources": corpus.table(),
        "reference": corpus_reference_sheet(corpus, reference_dir(corpus.folder)),
    }
    return [
        atomic_write(folder / "indicators.csv", csv_bytes(indicators)),
        atomic_write(folder / "indicators.xlsx", xlsx_bytes(sheets)),
    ]
