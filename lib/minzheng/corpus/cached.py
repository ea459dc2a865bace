"""Reports through the extraction cache: those the store holds come back as CachedReports (summary, text, sentences and
figures as stored), the others are read, extracted and stored; adding one report extracts that report only."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from minzheng.corpus.cache import Store, entry_key, file_hash, text_key
from minzheng.errors import MinzhengError, OutsideCorpusError
from minzheng.extract.figures import COLUMNS as FIGURE_COLUMNS
from minzheng.extract.figures import indicator_frame
from minzheng.extract.mentions import MENTION_COLUMNS, catalogue, compile_rows, report_mentions
from minzheng.read.formats.extracted import page_at
from minzheng.read.manifest import Entry
from minzheng.read.report import read_entry
from minzheng.read.sentences import Heading, Sentence

INT_COLUMNS = ("start", "end", "source_start", "source_end", "evidence_start", "evidence_end", "mentions")


@dataclass
class CacheStats:
    """What loading a corpus took from the cache and what it extracted."""

    reports: int = 0
    from_cache: int = 0
    extracted: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """One line for a run's report: reports, how many were extracted, how many came from the cache."""
        return (
            f"{self.reports} report(s): {self.extracted} extracted, {self.from_cache} from the cache "
            f"({self.seconds:.1f}s)"
        )


class Shelf:
    """What the CachedReports of one load share: the store, their manifest rows, and the sentences read on demand."""

    def __init__(self, store: Store, folder: Path, entries: dict[str, Entry]) -> None:
        self.store, self.folder, self.entries = store, folder, entries
        self._full: dict[str, Any] = {}

    @cached_property
    def _sentences(self) -> dict[str, tuple[list[Sentence], list[Heading]]]:
        """Every stored report's sentences and headings, read once, the first time a report's are asked for."""
        keys = list(self.entries)
        sentences = self.store.read("sentences", keys)
        headings = self.store.read("headings", keys)
        out: dict[str, tuple[list[Sentence], list[Heading]]] = {key: ([], []) for key in keys}
        for row in sentences.itertuples(index=False):
            out[row.key][0].append(
                Sentence(row.index, row.text, row.start, row.end, row.paragraph, tuple(row.headings), row.is_heading)
            )
        for row in headings.itertuples(index=False):
            out[row.key][1].append(Heading(row.index, row.level, row.text, row.start, row.end))
        return out

    def sentences(self, key: str) -> tuple[list[Sentence], list[Heading]]:
        """A stored report's sentences and headings."""
        return self._sentences.get(key, ([], []))

    def full(self, key: str) -> Any:
        """The report read again from its file (for what the store does not hold: the original text, the cleaning)."""
        if key not in self._full:
            self._full[key] = read_entry(self.folder, self.entries[key])
        return self._full[key]


@dataclass
class CachedReport:
    """A report as the extraction cache holds it: metadata, summary, clean text and (on demand) sentences; anything
    else (original text, cleaning) is read again from the file when asked for."""

    path: Path
    region: str
    year: int | None
    level: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    place: str = ""
    key: str = ""
    text_key: str = ""
    text: str = ""
    stored: dict[str, Any] = field(default_factory=dict, repr=False)
    shelf: Shelf | None = field(default=None, repr=False, compare=False)

    @property
    def file(self) -> str:
        """The report's file name, which identifies it as `document`."""
        return self.path.name

    @property
    def sentences(self) -> list[Sentence]:
        """The report's sentences, from the store."""
        return self.shelf.sentences(self.key)[0] if self.shelf else []

    @property
    def headings(self) -> list[Heading]:
        """The report's section headings, from the store."""
        return self.shelf.sentences(self.key)[1] if self.shelf else []

    @property
    def problems(self) -> list[str]:
        """Problems found while reading, as stored."""
        return list(self.stored.get("problems", []))

    @property
    def byline_date(self) -> str:
        """The publication date the page byline states, as stored."""
        return self.stored.get("byline_date", "")

    @property
    def page_starts(self) -> tuple[int, ...]:
        """Where each page of a PDF report starts in its original text."""
        return tuple(self.stored.get("page_starts", ()))

    def page_at(self, source_offset: int) -> int | None:
        """The page (1-based) an offset of the original text stands on; None for other formats."""
        return page_at(self.page_starts, source_offset)

    def summary(self) -> dict[str, object]:
        """One row describing the report, as stored, under the name it goes by here."""
        return {**self.stored["summary"], "region": self.region, "level": self.level}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in ("shelf", "key", "stored"):
            raise AttributeError(name)
        shelf = self.__dict__.get("shelf")
        if shelf is None:
            raise AttributeError(name)
        return getattr(shelf.full(self.key), name)


@dataclass
class Extraction:
    """The figures and mechanism mentions of a corpus's reports, in manifest order, as extracted or stored."""

    figures: pd.DataFrame
    mentions: pd.DataFrame


def typed_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """A figures table in the shape and types `indicator_frame` gives."""
    if frame.empty:
        return indicator_frame([])
    frame = frame[FIGURE_COLUMNS].reset_index(drop=True)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    for column in ("year", "period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in INT_COLUMNS:
        frame[column] = frame[column].astype("int64")
    return frame


def typed_mentions(frame: pd.DataFrame) -> pd.DataFrame:
    """Mention rows in the shape and types `find_mentions` gives (before its sort)."""
    frame = pd.DataFrame(frame, columns=MENTION_COLUMNS).reset_index(drop=True)
    frame["year"] = pd.array(frame["year"], dtype="Int64")
    if len(frame):
        for column in ("sentence", "start", "end"):
            frame[column] = frame[column].astype("int64")
    return frame


def _stored_row(report: Any, key: str) -> dict[str, object]:
    """The `reports` row of a report just read: its key, file, text and what the summary and selection need."""
    stored = {
        "summary": report.summary(),
        "problems": report.problems,
        "byline_date": report.byline_date,
        "page_starts": list(report.page_starts),
        "meta": report.meta,
    }
    return {
        "key": key,
        "file": report.file,
        "text_key": text_key(report.text),
        "text": report.text,
        "stored": json.dumps(stored, ensure_ascii=False, default=str),
    }


def extract_reports(reports: list[Any], keys: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The store's tables for reports just read (keys: file → key): figures, mentions, sentences, headings, reports."""
    mechanisms = compile_rows(catalogue())
    figures = indicator_frame(reports)
    figures.insert(0, "key", figures["document"].map(keys))
    mentions = typed_mentions(pd.DataFrame([row for r in reports for row in report_mentions(r, mechanisms)]))
    mentions.insert(0, "key", mentions["document"].map(keys))
    sentences = [
        {
            "key": keys[r.file],
            **{k: getattr(s, k) for k in ("index", "text", "start", "end", "paragraph", "is_heading")},
        }
        | {"headings": list(s.headings)}
        for r in reports
        for s in r.sentences
    ]
    headings = [
        {"key": keys[r.file], "index": h.index, "level": h.level, "text": h.text, "start": h.start, "end": h.end}
        for r in reports
        for h in r.headings
    ]
    sentence_columns = ["key", "index", "text", "start", "end", "paragraph", "is_heading", "headings"]
    return {
        "figures": figures,
        "mentions": mentions,
        "sentences": pd.DataFrame(sentences, columns=sentence_columns),
        "headings": pd.DataFrame(headings, columns=["key", "index", "level", "text", "start", "end"]),
        "reports": pd.DataFrame(
            [_stored_row(r, keys[r.file]) for r in reports], columns=["key", "file", "text_key", "text", "stored"]
        ),
    }


def _key_of(folder: Path, entry: Entry) -> str | None:
    """The store key of a manifest row, or None when its file is missing or outside the folder (read_entry says why)."""
    path = folder / entry.file
    if not path.is_file() or not path.resolve().is_relative_to(folder.resolve()):
        return None
    return entry_key(file_hash(path), entry)


def _cached_report(entry: Entry, folder: Path, row: Any, shelf: Shelf) -> CachedReport:
    """A CachedReport from its manifest row and its stored `reports` row."""
    stored = json.loads(row["stored"])
    return CachedReport(
        path=folder / entry.file,
        region=entry.region,
        year=entry.year,
        level=entry.level,
        meta=dict(stored["meta"]),
        key=row["key"],
        text_key=row["text_key"],
        text=row["text"],
        stored=stored,
        shelf=shelf,
    )


def _ordered(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows of a keyed table in manifest order of their keys (each report's rows kept in their order)."""
    if frame.empty:
        return frame
    frame = frame.assign(_order=frame["key"].map(order)).sort_values("_order", kind="mergesort")
    return frame.drop(columns=["_order", "key"]).reset_index(drop=True)


def load_entries(
    folder: Path, entries: list[Entry], store: Store
) -> tuple[list[Any], list[str], Extraction, CacheStats]:
    """Load the reports of manifest rows through the store: stored ones as CachedReports, the others read, extracted
    and stored. Returns the reports (manifest order), the problems, their figures and mentions, and what it took."""
    started = time.perf_counter()
    keys = {entry.file: _key_of(folder, entry) for entry in entries}
    known = [k for k in keys.values() if k]
    stored = store.read("reports", known).set_index("key") if known else pd.DataFrame()
    shelf = Shelf(store, folder, {keys[e.file]: e for e in entries if keys[e.file]})
    reports, problems, fresh = [], [], []
    for entry in entries:
        key = keys[entry.file]
        if key and key in stored.index:
            reports.append(_cached_report(entry, folder, stored.loc[key].to_dict() | {"key": key}, shelf))
            continue
        try:
            report = read_entry(folder, entry)
        except OutsideCorpusError:
            raise
        except MinzhengError as error:
            problems.append(str(error))
            continue
        reports.append(report)
        fresh.append(report)
    tables = extract_reports(fresh, {r.file: keys[r.file] for r in fresh}) if fresh else None
    for report, key in zip(fresh, tables["reports"]["text_key"] if tables is not None else ()):
        report.text_key = key  # so its tokens are stored and found under its text, as a stored report's are
    if tables is not None:
        try:
            store.write(tables)
        except OSError:
            pass  # a cache that cannot be written only costs time: the next load extracts again
    order = {keys[r.file]: i for i, r in enumerate(reports)}
    hits = [r.key for r in reports if isinstance(r, CachedReport)]
    figures = store.read("figures", hits) if hits else pd.DataFrame(columns=["key"])
    mentions = store.read("mentions", hits) if hits else pd.DataFrame(columns=["key"])
    if tables is not None:
        figures = pd.concat([figures, tables["figures"]], ignore_index=True)
        mentions = pd.concat([mentions, tables["mentions"]], ignore_index=True)
    extraction = Extraction(typed_figures(_ordered(figures, order)), typed_mentions(_ordered(mentions, order)))
    stats = CacheStats(len(reports), len(hits), len(fresh), time.perf_counter() - started)
    return reports, problems, extraction, stats


def cached_text_keys(folder: Path, entries: list[Entry], store: Store) -> list[str] | None:
    """The text keys of the reports of manifest rows when the store holds every one of them; None when a report is
    missing from it (or cannot be read), so the corpus has to be built."""
    keys = [_key_of(folder, entry) for entry in entries]
    if not all(keys):
        return None
    stored = store.read("reports", keys, columns=["text_key"])
    found = dict(zip(stored["key"], stored["text_key"])) if len(stored) else {}
    return [found[k] for k in keys] if all(k in found for k in keys) else None
