"""Shared fixtures: the seed corpus, and temporary corpora written by tests."""

from __future__ import annotations

import atexit
import csv
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from minzheng import paths
from minzheng.corpus import load_corpus
from minzheng.read.manifest import HEADER, OPTIONAL_COLUMNS, REQUIRED_COLUMNS

from .helpers import copy_seeds

# The extraction and font caches of the test session: one folder for every test (and the notebooks and runs they
# start), never the project's outputs/.cache; removed when the session ends.
if not os.environ.get(paths.CACHE_ENV):
    os.environ[paths.CACHE_ENV] = tempfile.mkdtemp(prefix="minzheng-test-cache-")
    atexit.register(shutil.rmtree, os.environ[paths.CACHE_ENV], True)


MANIFEST_HEADER = list(HEADER)
assert set(MANIFEST_HEADER) == set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)


@pytest.fixture(scope="session")
def seed_corpus():
    """The five seed reports, loaded once."""
    return load_corpus(paths.SEEDS_DIR, strict=True)


def write_manifest(folder: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    """Write a manifest with the given rows (missing columns left empty)."""
    path = folder / paths.MANIFEST_NAME
    columns = header or MANIFEST_HEADER
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def row(file: str, region: str, level: str = "county", year: str = "2023", **extra: str) -> dict[str, str]:
    """A manifest row."""
    return {"file": file, "region": region, "level": level, "year": year, **extra}


@pytest.fixture
def copy_of_seeds(tmp_path: Path) -> Path:
    """A writable copy of seeds/ (reports and manifest)."""
    return copy_seeds(tmp_path / "corpus")
