"""The extraction cache: each report's summary, sentences, figures and mentions stored once as Parquet, keyed by its
file's content and manifest row under a folder of the library's version, so a corpus is read and extracted once.

A store is a folder `<cache>/extraction-<version>/` of segments: every build that extracts reports writes one segment
(`<segment>.<table>.parquet` for each table, `reports` last, so a segment counts only once it is whole). Readers read
every segment and take each key from the first segment holding it; a build that finds many segments merges them into
one. The version is a hash of the library's source and data files and of the packages extraction depends on, so a
changed library never reads what an older one extracted; other versions' folders, once an hour old, are removed when
a store is written."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.read.manifest import Entry
from minzheng.writers import atomic_write, parquet_bytes

# The tables of a segment, in the order they are written: `reports` last commits the segment.
TABLES = ("figures", "mentions", "sentences", "headings", "reports")


# Beyond this many segments a build merges them into one.
COMPACT_AT = 8


# Installed packages whose versions change what reading, extraction or tokenization gives.
VERSIONED_PACKAGES = ("jieba", "cpca", "opencc", "pandas", "pyarrow", "pypdf", "python-docx")


STORE_PREFIX = "extraction-"


READ_ATTEMPTS = 3


# Seconds since another library version's folder was last written after which a write here removes it.
OTHER_VERSION_AGE = 3600


_CHUNK = 1 << 20


@lru_cache(maxsize=1)
def library_version() -> str:
    """A hash of every file of the library (source and data) and of the versions of the packages it reads with."""
    digest = hashlib.sha256()
    files = sorted(p for p in paths.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(f"\0{path.relative_to(paths.PACKAGE_DIR).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    for name in VERSIONED_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = ""
        digest.update(f"\0{name}=={version}".encode())
    return digest.hexdigest()[:16]


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def entry_key(content_hash: str, entry: Entry) -> str:
    """The key of a report in the store: its file's content and every manifest field extraction reads."""
    fields = {"file": entry.file, "region": entry.region, "level": entry.level, "year": entry.year, "meta": entry.meta}
    text = content_hash + json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def text_key(text: str) -> str:
    """The key of a clean text (its tokens are stored once however many reports share it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Store:
    """One version's folder of segments: read by key, written a segment at a time."""

    def __init__(self, folder: Path, tables: tuple[str, ...] = TABLES) -> None:
        self.folder = Path(folder)
        self.tables = tables
        self.commit = tables[-1]

    @classmethod
    def default(cls, kind: str = STORE_PREFIX, tables: tuple[str, ...] = TABLES) -> Store:
        """The store of this library version in the cache folder (paths.cache_dir)."""
        return cls(paths.cache_dir() / f"{kind}{library_version()}", tables)

    def segments(self) -> list[str]:
        """The whole segments, oldest first."""
        if not self.folder.is_dir():
            return []
        suffix = f".{self.commit}.parquet"
        return sorted(p.name.removesuffix(suffix) for p in self.folder.glob(f"*{suffix}"))

    def _read_once(
        self, table: str, keys: set[str] | None, owners: dict[str, str] | None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        """Rows of one table from every segment, each key from its owner segment (the first holding it)."""
        import pyarrow.parquet as pq

        frames = []
        for segment in self.segments():
            wanted = None if keys is None else [("key", "in", sorted(keys))]
            path = self.folder / f"{segment}.{table}.parquet"
            frame = pq.read_table(path, filters=wanted, columns=columns).to_pandas()
            if owners is not None:
                frame = frame[frame["key"].map(owners) == segment]
            frames.append(frame.assign(_segment=segment))
        if not frames:
            return pd.DataFrame({"key": pd.Series(dtype="object"), "_segment": pd.Series(dtype="object")})
        out = pd.concat(frames, ignore_index=True)
        return out.drop_duplicates("key", keep="first") if owners is None else out

    def read(self, table: str, keys: Iterable[str] | None = None, columns: list[str] | None = None) -> pd.DataFrame:
        """The rows of `keys` (None: every key) in one table (`columns` only, with the key), each key's from one
        segment only; retried when a merge removes a segment while it is being read."""
        wanted = None if keys is None else set(keys)
        for attempt in range(READ_ATTEMPTS):
            try:
                owners = None
                if table != self.commit:
                    reports = self._read_once(self.commit, wanted, None, ["key"])
                    owners = dict(zip(reports["key"], reports["_segment"]))
                chosen = None if columns is None else list(dict.fromkeys(["key", *columns]))
                return self._read_once(table, wanted, owners, chosen).drop(columns="_segment").reset_index(drop=True)
            except FileNotFoundError:
                if attempt == READ_ATTEMPTS - 1:
                    raise
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def write(self, tables: dict[str, pd.DataFrame]) -> str:
        """Write a new segment (every table, the commit table last); remove other versions' folders; merge when many."""
        name = self._write_segment(tables)
        self._remove_other_versions()
        if len(self.segments()) > COMPACT_AT:
            self.compact()
        return name

    def compact(self) -> None:
        """Merge every segment into one: the merged segment is written whole before the old ones are removed."""
        old = self.segments()
        if len(old) < 2:
            return
        kept = self._write_segment({table: self.read(table) for table in self.tables})
        for segment in old:
            if segment != kept:
                for table in reversed(self.tables):
                    (self.folder / f"{segment}.{table}.parquet").unlink(missing_ok=True)

    def _write_segment(self, tables: dict[str, pd.DataFrame]) -> str:
        """Write one segment, table by table, the commit table last; return its name."""
        name = f"{time.time_ns():020d}-{os.getpid()}"
        for table in self.tables:
            atomic_write(self.folder / f"{name}.{table}.parquet", parquet_bytes(tables[table]))
        return name

    def _remove_other_versions(self) -> None:
        """Remove the folders other library versions left beside this one, once unused for an hour (a run of another
        version may still be reading its own)."""
        prefix = self.folder.name.rsplit("-", 1)[0] + "-"
        for other in self.folder.parent.glob(f"{prefix}*"):
            if other != self.folder and other.is_dir() and time.time() - other.stat().st_mtime > OTHER_VERSION_AGE:
                shutil.rmtree(other, ignore_errors=True)
