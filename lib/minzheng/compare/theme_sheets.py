"""The data export's sheets per theme: every figure of each codebook theme with its evidence, a sheet each, so the
per-region detail the e-mail summarises stays complete in the XLSX however many reports there are."""

from __future__ import annotations

import pandas as pd

from minzheng.codebook import THEMES

# The longest sheet name Excel accepts.
SHEET_NAME_MAX = 31


def sheet_name(theme: str) -> str:
    """A theme's sheet name: its id up to '_and_' (social_organisations), within Excel's 31 characters."""
    return theme.split("_and_")[0][:SHEET_NAME_MAX]


def theme_sheets(indicators: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One table per codebook theme, in codebook order: its figures (the rows of `indicators`, sorted as given)."""
    return {sheet_name(theme): indicators[indicators["theme"] == theme].reset_index(drop=True) for theme in THEMES}
