"""The only writers of files: atomic writes, one CSV format, reproducible XLSX, notebook output folders."""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd


def notebook_output_dir(output_dir: str | Path | None, notebook: str) -> Path:
    """Return (and create) the folder a notebook saves its tables in: output_dir/<notebook>/."""
    from minzheng.paths import resolve_output_dir

    folder = resolve_output_dir(output_dir) / notebook
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_table(frame: pd.DataFrame, folder: Path, name: str) -> Path:
    """Write a table as `<name>.csv` in the one CSV format (see csv_bytes), atomically, and return its path."""
    return atomic_write(Path(folder) / f"{name}.csv", csv_bytes(frame))


def output_folder(output_dir: str | Path | None, name: str) -> Path:
    """The folder a notebook writes its tables to: output_dir (or outputs/) / name, created."""
    from minzheng.paths import resolve_output_dir

    folder = resolve_output_dir(output_dir) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_tables(folder: str | Path, tables: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write each table as `<name>.csv` (UTF-8, fixed float format, \\n line ends), atomically; return the paths."""
    folder = Path(folder)
    return [atomic_write(folder / f"{name}.csv", csv_bytes(frame)) for name, frame in tables.items()]


FLOAT_FORMAT = "%.12g"


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


FIXED_DOC_TIME = datetime(2000, 1, 1, 0, 0, 0)


FIXED_DOC_STAMP = "2000-01-01T00:00:00Z"


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write a file atomically: a temporary file in the same folder, then os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """A table as Parquet bytes (pyarrow, zstd, pandas dtypes kept; the caches' format)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer, compression="zstd")
    return buffer.getvalue().to_pybytes()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return a DataFrame as UTF-8 CSV with a fixed float format and \\n line ends, formula-like text made inert."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(inert)
    return safe.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n").encode("utf-8")


# A cell a spreadsheet would run as a formula (=HYPERLINK(…), +1, -1+2, @SUM): OWASP's advice is a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """A text cell that cannot run as a spreadsheet formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER_TEXT.fullmatch(value):
        return "'" + value
    return value


NUMBER_TEXT = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _fix_core_dates(xml: bytes) -> bytes:
    """Set the created and modified dates of docProps/core.xml to a fixed stamp."""
    return _CORE_DATES.sub(lambda m: m.group(1) + FIXED_DOC_STAMP.encode() + m.group(3), xml)


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed entry timestamps, permissions and document dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fix_core_dates(content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, content, compresslevel=6)
    return buffer.getvalue()


def _keep_text_as_text(book: Any) -> None:
    """Store every string cell as text, so report text starting with '=' never becomes a formula."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Return a workbook with one sheet per DataFrame, byte-identical for identical input."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet_name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=sheet_name, index=False)
        book = writer.book
        _keep_text_as_text(book)
        book.properties.creator = "minzheng"
        book.properties.lastModifiedBy = "minzheng"
        book.properties.created = FIXED_DOC_TIME
        book.properties.modified = FIXED_DOC_TIME
    return normalize_zip(buffer.getvalue())


def copy_file(source: Path, target: Path) -> Path:
    """Copy a file byte for byte, atomically (the target appears whole or not at all), and return the target."""
    return atomic_write(Path(target), Path(source).read_bytes())


def append_csv_row(path: Path, header: list[str], row: Mapping[str, str]) -> Path:
    """Add one row to a CSV file (created with `header` when missing), leaving the rows before it byte for byte and
    ending the new one as they end."""
    path = Path(path)
    before = path.read_bytes() if path.is_file() else b""
    line = io.StringIO()
    ending = "\r\n" if b"\r\n" in before else "\n"
    writer = csv.DictWriter(line, fieldnames=header, lineterminator=ending, extrasaction="ignore")
    if not before:
        writer.writeheader()
    writer.writerow({column: row.get(column, "") for column in header})
    joint = b"" if not before or before.endswith((b"\n", b"\r")) else ending.encode()
    return atomic_write(path, before + joint + line.getvalue().encode("utf-8"))
