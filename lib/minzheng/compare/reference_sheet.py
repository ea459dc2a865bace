"""The `reference` sheet of the data export: every reference row the tables used, with its source and where it was
used, found through the `ref` columns ("standards.csv:7") that every table built on reference data carries."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from minzheng.compare import benchmarks, figure_tables
from minzheng.compare.population import parents_of
from minzheng.compare.standards_in_force import standards_in_force
from minzheng.read.reference import NATIONAL_FILE, POPULATION_FILE, REF, STANDARDS_FILE, load_reference

SHEET_COLUMNS = [
    "ref",
    "file",
    "line",
    "region",
    "set_by",
    "tier",
    "indicator",
    "value",
    "unit",
    "date",
    "source_title",
    "publisher",
    "source_url",
    "published",
    "quote",
    "reliability",
    "notes",
    "used_in",
]


def ref_columns(frame: pd.DataFrame) -> list[str]:
    """The columns of a table that name reference rows: `ref`, `refs` and every `…_ref`."""
    return [c for c in frame.columns if c in (REF, "refs") or str(c).endswith("_ref")]


def used_refs(tables: Mapping[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Each reference row a table names (file:line) → the tables that use it, in first-seen order."""
    used: dict[str, list[str]] = {}
    for name, frame in tables.items():
        for column in ref_columns(frame):
            for cell in frame[column].dropna():
                for ref in filter(None, (r.strip() for r in str(cell).split(";"))):
                    used.setdefault(ref, [])
                    if name not in used[ref]:
                        used[ref].append(name)
    return used


def _sheet_row(row: pd.Series, used_in: list[str]) -> dict[str, Any]:
    """One reference row in the sheet's columns (region or scope as `region`; effective date or as-of as `date`)."""
    file, _, line = str(row[REF]).rpartition(":")
    return {
        "ref": row[REF],
        "file": file,
        "line": int(line),
        "region": row.get("region", row.get("scope", "")),
        "date": row.get("effective_from", row.get("as_of", "")),
        **{c: row.get(c, "") for c in SHEET_COLUMNS if c not in ("ref", "file", "line", "region", "date", "used_in")},
        "used_in": ", ".join(used_in),
    }


def reference_sheet(reference: Mapping[str, pd.DataFrame], tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every row of the reference files (by file name) that one of the named tables uses, in file and line order,
    with its source, date, reliability and the tables it was used in."""
    used = used_refs(tables)
    rows = [
        _sheet_row(row, used[row[REF]])
        for frame in reference.values()
        for _, row in frame.iterrows()
        if row.get(REF, "") in used
    ]
    out = pd.DataFrame(rows, columns=SHEET_COLUMNS).fillna("")
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype("float64")
    out["line"] = pd.array(out["line"], dtype="Int64")
    return out.sort_values(["file", "line"], kind="stable").reset_index(drop=True)


def corpus_reference_tables(corpus: Any, folder: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a corpus built on reference data: standards in force, per-capita figures, national comparison."""
    reference = load_reference(folder)
    standards, national = reference[STANDARDS_FILE], reference[NATIONAL_FILE]
    table, indicators = corpus.table(), corpus.indicators()
    stocks = figure_tables.achieved_stocks(
        figure_tables.figure_table(indicators, figure_tables.per_capita_indicators(), table)
    )
    stated = figure_tables.figure_table(indicators, tuple(benchmarks.NATIONAL_COUNTERPARTS), table)
    return {
        "standards_in_force": standards_in_force(corpus, standards, national),
        "per_capita": benchmarks.per_capita(stocks, reference[POPULATION_FILE], parents=parents_of(table)),
        "national_comparison": benchmarks.national_comparison(stated, national),
    }


def corpus_reference_sheet(corpus: Any, folder: str | Path | None = None) -> pd.DataFrame:
    """The `reference` sheet of a corpus's data export: every reference row its standards, per-capita figures and
    national comparisons use (folder: the corpus's reference folder, read.reference.reference_dir(corpus_dir))."""
    return reference_sheet(load_reference(folder), corpus_reference_tables(corpus, folder))
