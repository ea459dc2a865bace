"""Reference files (published standards, populations, national and provincial averages) read and checked, with sources.

Every row keeps its source title, address, date and reliability, and gains `ref` ("standards.csv:7": file and line), so
any figure derived from it can name the row. A file that breaks a rule raises ReferenceDataError naming the file and
the line of every problem: a researcher who adds a row learns at once what to fix."""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.codebook import load_codebook
from minzheng.errors import ReferenceDataError

POPULATION_FILE = "population.csv"


NATIONAL_FILE = "national.csv"


STANDARDS_FILE = "standards.csv"


REFERENCE_FILES = (STANDARDS_FILE, POPULATION_FILE, NATIONAL_FILE)


SOURCE_COLUMNS = ["as_of", "source_title", "source_url", "reliability"]


# How a published standard names its source: declared once for the reference file and every table built from it.
PUBLISHED_SOURCE = ("source_title", "publisher", "source_url", "published", "quote", "reliability", "notes")


POPULATION_COLUMNS = ["region", "indicator", "value", "unit", *SOURCE_COLUMNS]


NATIONAL_COLUMNS = ["scope", "indicator", "value", "unit", *SOURCE_COLUMNS]


# What a published standard is: whose, set by whom, for which tier, which indicator, how much.
STANDARD_FIGURE = ("region", "set_by", "tier", "indicator", "value", "unit")


STANDARD_COLUMNS = [*STANDARD_FIGURE, "effective_from", *PUBLISHED_SOURCE]


# The column every loaded row gains: the file and line it comes from ("standards.csv:7").
REF = "ref"


MONTHLY = "元/人/月"


YEARLY = "元/人/年"


# Units a standard may be published in; the monthly figure of a yearly one is the value ÷ 12.
STANDARD_UNITS = (MONTHLY, YEARLY)


# Units reference rows use besides the codebook's own (people, shares, beds, yuan, yearly standards).
EXTRA_UNITS = (YEARLY, "人", "%", "张", "元")


# A date as the files write it: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class FileRules:
    """What one reference file must hold: its columns, the cells that may not be empty, its date column."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    date_column: str
    date_optional: bool = False
    standards: bool = False


RULES = {
    STANDARDS_FILE: FileRules(
        tuple(STANDARD_COLUMNS),
        ("region", "set_by", "indicator", "value", "unit", "source_title", "source_url", "reliability"),
        "effective_from",
        date_optional=True,
        standards=True,
    ),
    POPULATION_FILE: FileRules(
        tuple(POPULATION_COLUMNS),
        ("region", "indicator", "value", "unit", *SOURCE_COLUMNS),
        "as_of",
    ),
    NATIONAL_FILE: FileRules(
        tuple(NATIONAL_COLUMNS), ("scope", "indicator", "value", "unit", *SOURCE_COLUMNS), "as_of"
    ),
}


def known_units() -> set[str]:
    """The units a reference row may use: the codebook's units and the reference's own (元/人/年, 人, %, 张, 元)."""
    return {u for u in load_codebook()["unit"] if u} | set(EXTRA_UNITS)


def parse_date(text: object) -> pd.Timestamp | None:
    """The first day a date names ('2021' → 2021-01-01, '2020-07' → 2020-07-01); None when empty; ValueError if bad."""
    value = str(text or "").strip()
    if not value:
        return None
    match = DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def tier_key(tier: object) -> str:
    """The tier without its gloss in brackets: 'county tier (泗水, …)' and 'county tier' are one tier."""
    return re.split(r"\s*[(（]", str(tier or ""), maxsplit=1)[0].strip()


def series_key(row: dict[str, str] | pd.Series) -> tuple[str, str, str, str]:
    """The steps of one standard over time share region, setter, tier and indicator."""
    return (
        str(row.get("region", "")),
        str(row.get("set_by", "")),
        tier_key(row.get("tier")),
        str(row.get("indicator", "")),
    )


def _rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and each data row with the line it starts on."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows, line = [], reader.line_num + 1
        for row in reader:
            rows.append((line, {k: (v or "").strip() for k, v in row.items() if k is not None}))
            line = reader.line_num + 1
    return header, rows


def _row_problems(row: dict[str, str], rules: FileRules, units: set[str], ids: set[str]) -> list[str]:
    """What is wrong with one row (nothing when it is fine)."""
    problems = [f"`{c}` is empty" for c in rules.required if not row.get(c)]
    text = row.get("value", "")
    try:
        if text and not math.isfinite(float(text)):
            problems.append(f"value {text!r} is not a finite number")
    except ValueError:
        problems.append(f"value {text!r} is not a number")
    unit = row.get("unit", "")
    if unit and unit not in units:
        problems.append(f"unit {unit!r} is not known (known: {', '.join(sorted(units))})")
    if rules.standards and unit and unit in units and unit not in STANDARD_UNITS:
        problems.append(f"unit {unit!r} is not a standard's unit ({' or '.join(STANDARD_UNITS)})")
    if rules.standards and row.get("indicator") and row["indicator"] not in ids:
        problems.append(f"indicator {row['indicator']!r} is not a codebook id (see {paths.CODEBOOK_FILE})")
    date = row.get(rules.date_column, "")
    if not date and not rules.date_optional:
        problems.append(f"`{rules.date_column}` is empty")
    try:
        parse_date(date)
    except ValueError as error:
        problems.append(f"`{rules.date_column}` {error}")
    return problems


def _undated_problems(rows: list[tuple[int, dict[str, str]]], rules: FileRules) -> list[str]:
    """A standard without a date must stand before a dated step of the same region, setter, tier and indicator."""
    if not rules.standards:
        return []
    dated = {series_key(row) for _, row in rows if row.get(rules.date_column)}
    return [
        f"line {line}: `{rules.date_column}` is empty and no dated row of the same region, set_by, tier and "
        "indicator follows it, so when it was in force cannot be told (add its date, or the row that replaced it)"
        for line, row in rows
        if not row.get(rules.date_column) and series_key(row) not in dated
    ]


def check_file(path: Path, rules: FileRules) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Every problem of a reference file, each naming its line, and the rows read."""
    header, rows = _rows(path)
    missing = [c for c in (*rules.required, rules.date_column) if c not in header]
    if missing:
        return [f"line 1: missing column(s) {', '.join(missing)}"], rows
    units, ids = known_units(), set(load_codebook()["id"])
    problems = [f"line {line}: {p}" for line, row in rows for p in _row_problems(row, rules, units, ids)]
    return problems + _undated_problems(rows, rules), rows


def empty_reference(columns: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """An empty reference table with its columns, `value` numeric."""
    names = [*columns, REF]
    return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in names})


def read_reference(path: str | Path, rules: FileRules | None = None) -> pd.DataFrame:
    """Read and check one reference file: its columns as text, `value` as a number, and `ref` (file:line).

    A missing file gives an empty table; a file with problems raises ReferenceDataError naming each line."""
    path = Path(path)
    rules = rules or RULES[path.name]
    if not path.is_file():
        return empty_reference(rules.columns)
    problems, rows = check_file(path, rules)
    if problems:
        raise ReferenceDataError(path, problems)
    header = [*rules.columns, *(c for c in _rows(path)[0] if c not in rules.columns)]
    frame = pd.DataFrame([{c: row.get(c, "") for c in header} for _, row in rows], columns=header)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    frame[REF] = [f"{path.name}:{line}" for line, _ in rows]
    return frame


def reference_dir(corpus_dir: str | Path | None = None) -> Path:
    """Return the reference folder: `corpus_dir/reference` when the corpus brings one, else the project's."""
    if corpus_dir:
        own = Path(corpus_dir) / "reference"
        if any((own / name).is_file() for name in REFERENCE_FILES):
            return own
    return paths.REFERENCE_DIR


def load_population(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the population reference: region, indicator, value, unit, as_of, source_title, source_url, reliability."""
    return read_reference(Path(folder or paths.REFERENCE_DIR) / POPULATION_FILE)


def load_national(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the averages: scope (全国 or a province), indicator, value, unit, as_of, source_title, url, reliability."""
    return read_reference(Path(folder or paths.REFERENCE_DIR) / NATIONAL_FILE)


def load_standards(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the published standards: region, set_by, tier, indicator (codebook id), value, unit, effective_from,
    source_title, publisher, source_url, published, quote, reliability, notes."""
    return read_reference(Path(folder or paths.REFERENCE_DIR) / STANDARDS_FILE)


def load_reference(folder: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every reference file of a folder, checked, by file name (standards.csv, population.csv, national.csv)."""
    base = Path(folder or paths.REFERENCE_DIR)
    return {name: read_reference(base / name) for name in REFERENCE_FILES}
