"""Reference files (population, national averages) read with their sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from minzheng import paths

POPULATION_FILE = "population.csv"


NATIONAL_FILE = "national.csv"


SOURCE_COLUMNS = ["as_of", "source_title", "source_url", "reliability"]


POPULATION_COLUMNS = ["region", "indicator", "value", "unit", *SOURCE_COLUMNS]


NATIONAL_COLUMNS = ["scope", "indicator", "value", "unit", *SOURCE_COLUMNS]


def reference_dir(corpus_dir: str | Path | None = None) -> Path:
    """Return the reference folder: `corpus_dir/reference` when the corpus brings one, else the project's."""
    if corpus_dir:
        own = Path(corpus_dir) / "reference"
        if (own / POPULATION_FILE).is_file() or (own / NATIONAL_FILE).is_file():
            return own
    return paths.REFERENCE_DIR


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read a reference CSV as text columns plus a numeric `value`; a missing file gives an empty table."""
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in columns})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    frame = frame[columns].copy()
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    return frame


def load_population(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the population reference: region, indicator, value, unit, as_of, source_title, source_url, reliability."""
    return _read(Path(folder or paths.REFERENCE_DIR) / POPULATION_FILE, POPULATION_COLUMNS)


def load_national(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the national reference: scope, indicator, value, unit, as_of, source_title, source_url, reliability."""
    return _read(Path(folder or paths.REFERENCE_DIR) / NATIONAL_FILE, NATIONAL_COLUMNS)
