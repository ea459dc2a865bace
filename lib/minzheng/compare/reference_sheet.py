"""The `reference` sheet of the data export: every reference row the tables used, with its source and where it was
used, found through the `ref` columns ("standards.csv:7") that every table built on reference data carries."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from minzheng.compare import benchmarks, figure_tables, standard_steps
from minzheng.compare.population import AGED_60, availability, parents_of
from minzheng.compare.standards_in_force import standard_ids, standards_in_force
from minzheng.read.reference import (
    NATIONAL_FILE,
    POPULATION_FILE,
    PUBLISHED_SOURCE,
    REF,
    STANDARD_FIGURE,
    STANDARDS_FILE,
    load_reference,
)

SHEET_COLUMNS = [
    "ref",
    "file",
    "line",
    *STANDARD_FIGURE,
    "date",
    *PUBLISHED_SOURCE,
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
    """The tables of a corpus built on reference data, as the notebooks build them: standards in force and their
    steps over time with the averages beside them, per-capita figures, the populations looked up for every report,
    the national comparison and the national beds per 1,000 residents aged 60+."""
    reference = load_reference(folder)
    standards, national, population = reference[STANDARDS_FILE], reference[NATIONAL_FILE], reference[POPULATION_FILE]
    table, indicators = corpus.table(), corpus.indicators()
    stocks = figure_tables.achieved_stocks(
        figure_tables.figure_table(indicators, figure_tables.per_capita_indicators(), table)
    )
    stated = figure_tables.figure_table(indicators, tuple(benchmarks.NATIONAL_COUNTERPARTS), table)
    in_force = standards_in_force(corpus, standards, national)
    over_years = standard_steps.region_steps(standards, national, in_force, standard_ids(standards))
    return {
        "standards_in_force": in_force,
        "standard_steps": standard_steps.steps_table(over_years),
        "standard_averages": standard_steps.averages_table(over_years),
        "per_capita": benchmarks.per_capita(stocks, population, parents=parents_of(table)),
        "population_availability": availability(population, table),
        "national_comparison": benchmarks.national_comparison(stated, national),
        "national_beds_per_1000_aged_60": benchmarks.national_ratio(national, benchmarks.NATIONAL_BEDS, AGED_60),
    }


def corpus_reference_sheet(corpus: Any, folder: str | Path | None = None) -> pd.DataFrame:
    """The `reference` sheet of a corpus's data export: every reference row its standards, per-capita figures and
    national comparisons use (folder: the corpus's reference folder, read.reference.reference_dir(corpus_dir))."""
    return reference_sheet(load_reference(folder), corpus_reference_tables(corpus, folder))


# Where a table built on reference data names a row and its source: (ref column, title, reliability).
SOURCE_SETS = (
    ("standard_ref", "source_title", "reliability"),
    ("population_ref", "source_title", "reliability"),
    (REF, "source_title", "reliability"),
    ("national_ref", "national_source", "national_reliability"),
    ("provincial_ref", "provincial_source", "provincial_reliability"),
)


SOURCES_COLUMNS = ["rows", "reliability", "source_title"]


def _rows_text(refs: list[str]) -> str:
    """'standards.csv: 2, 3, 8; national.csv: 4' for reference rows (file:line), each file once."""
    lines: dict[str, list[str]] = {}
    for ref in refs:
        file, _, line = ref.rpartition(":")
        lines.setdefault(file, [])
        if line not in lines[file]:
            lines[file].append(line)
    return "; ".join(f"{file}: {', '.join(sorted(numbers, key=int))}" for file, numbers in lines.items())


def sources_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The sources a table built on reference data names, each once, in first-seen order: title, reliability and the
    reference rows it gave (file and lines), so a narrow table can name a row and this one its source."""
    found: dict[tuple[str, str], list[str]] = {}
    for ref, title, reliability in SOURCE_SETS:
        if ref not in frame or title not in frame or reliability not in frame:
            continue
        for cell, name, trust in zip(frame[ref], frame[title], frame[reliability]):
            for one in filter(None, (r.strip() for r in str(cell if pd.notna(cell) else "").split(";"))):
                found.setdefault((str(name), str(trust)), []).append(one)
    rows = [{"source_title": t, "reliability": r, "rows": _rows_text(refs)} for (t, r), refs in found.items()]
    return pd.DataFrame(rows, columns=SOURCES_COLUMNS)
