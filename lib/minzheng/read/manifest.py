"""Read and check the manifest: one row per report (the file is its key; a region may have several), with metadata."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from minzheng.errors import ManifestError

REQUIRED_COLUMNS = ("file", "region", "level", "year")


OPTIONAL_COLUMNS = ("province", "parent_city", "published", "genre", "publisher", "script", "notes")


# The columns of a new manifest, in the order of the seeds' own.
HEADER = (
    "file",
    "region",
    "level",
    "province",
    "parent_city",
    "published",
    "year",
    "genre",
    "publisher",
    "script",
    "notes",
)


LEVELS = ("county", "county-level city", "district", "prefecture-level city", "province")


@dataclass(frozen=True)
class Entry:
    """One manifest row, with the line it stands on."""

    line: int
    file: str
    region: str
    level: str
    year: int
    meta: dict[str, str]


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Read the manifest's header and its rows with their line numbers."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader]
            return list(reader.fieldnames or []), rows
    except FileNotFoundError:
        raise ManifestError(path, ["the manifest is missing: add manifest.csv with one row per report"]) from None
    except UnicodeDecodeError as error:
        raise ManifestError(
            path, [f"the manifest is not UTF-8 (byte offset {error.start}): save it as UTF-8"]
        ) from None


def year_of(text: str) -> int | None:
    """A manifest year as a number: four digits (full-width or superscript digits read as digits), 1949 to 2100."""
    digits = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"[0-9]{4}", digits):
        return None
    return int(digits) if 1949 <= int(digits) <= 2100 else None


def check_row(line: int, row: dict[str, str]) -> list[str]:
    """Return the problems of one manifest row."""
    problems = [f"line {line}: column {c!r} is empty" for c in REQUIRED_COLUMNS if not row.get(c)]
    if row.get("level") and row["level"] not in LEVELS:
        problems.append(f"line {line}: unknown level {row['level']!r} (use one of: {', '.join(LEVELS)})")
    if row.get("year") and year_of(row["year"]) is None:
        problems.append(f"line {line}: year {row['year']!r} is not a year between 1949 and 2100 (write it as 2023)")
    return problems


def duplicates(rows: list[tuple[int, dict[str, str]]], column: str) -> list[str]:
    """Return a problem for every value of a column that stands on more than one line."""
    seen: dict[str, int] = {}
    problems = []
    for line, row in rows:
        value = row.get(column, "")
        if value and value in seen:
            problems.append(f"line {line}: duplicate {column} {value!r} (first on line {seen[value]})")
        seen.setdefault(value, line)
    return problems


def load_manifest(path: Path) -> list[Entry]:
    """Load and check a manifest, raising ManifestError with every problem found."""
    header, rows = read_rows(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        other = next((d for d in ";\t|" if len(header) == 1 and d in header[0]), "")
        hint = f"; the header is separated by {other!r}: save the manifest with commas" if other else ""
        raise ManifestError(
            path,
            [
                f"missing required column(s): {', '.join(missing)} (the header needs {', '.join(REQUIRED_COLUMNS)}){hint}"
            ],
        )
    if not rows:
        raise ManifestError(path, ["the manifest has a header but no rows: add one row per report"])
    problems = [p for line, row in rows for p in check_row(line, row)]
    problems += duplicates(rows, "file")
    if problems:
        raise ManifestError(path, problems)
    return [
        Entry(
            line,
            row["file"],
            row["region"],
            row["level"],
            year_of(row["year"]) or 0,
            {c: row.get(c, "") for c in OPTIONAL_COLUMNS},
        )
        for line, row in rows
    ]
