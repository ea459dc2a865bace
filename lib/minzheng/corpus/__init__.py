"""The corpus: every report of a folder read (read/) and its figures extracted (extract/), as tables; a region may
have several reports, and the cross-section of the notebooks takes one per region or all of them (selection.py)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.corpus import selection
from minzheng.corpus.cache import Store
from minzheng.corpus.cached import CacheStats, Extraction, cached_text_keys, load_entries
from minzheng.errors import CorpusError, MinzhengError, OutsideCorpusError
from minzheng.read.manifest import load_manifest
from minzheng.read.report import Report, parse_regions, read_entry, unlisted_files, wanted


class Corpus:
    """The reports of a folder, in manifest order, with the problems met while loading.

    A cross-section (`select`) also holds the reports it left out, how it chose (`per_region`) and the corpus it was
    chosen from, whose figures it reuses."""

    def __init__(
        self,
        folder: Path,
        reports: list[Report],
        problems: list[str],
        left_out: list[Report] | None = None,
        per_region: str = "",
        source: Corpus | None = None,
        extraction: Extraction | None = None,
        cache_stats: CacheStats | None = None,
    ) -> None:
        self.folder = folder
        self.reports = reports
        self.problems = problems
        self.left_out = left_out or []
        self.per_region = per_region
        self.source = source
        self.extraction = extraction
        self.cache_stats = cache_stats

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self):
        return iter(self.reports)

    def __getitem__(self, key: str) -> Report:
        """Return the report of a file name, or the newest report of a region."""
        for report in self.reports:
            if report.file == key:
                return report
        of_region = selection.by_region(self.reports).get(key)
        if of_region:
            return of_region[-1]
        raise KeyError(key)

    @property
    def regions(self) -> list[str]:
        """Region names (labels in an `all` cross-section) in manifest order, each once."""
        return list(dict.fromkeys(r.region for r in self.reports))

    def years_by_region(self) -> dict[str, list[int]]:
        """Each region's distinct report years."""
        return selection.years_by_region(self.reports)

    def series_regions(self) -> dict[str, list[int]]:
        """The regions with reports of two or more years, with those years."""
        return selection.series_regions(self.reports)

    def select(self, per_region: str = "latest") -> Corpus:
        """The cross-section: the newest report of each region (`latest`), or every report (`all`), a region with
        several reports then appearing once per report under a label naming its year."""
        selection.check_per_region(per_region)
        if per_region == "all":
            return Corpus(self.folder, selection.labelled(self.reports), self.problems, [], per_region, self)
        kept, left_out = selection.newest_per_region(self.reports)
        return Corpus(self.folder, kept, self.problems, left_out, per_region, self)

    def table(self) -> pd.DataFrame:
        """One row per report with its metadata, sizes and cleaning summary."""
        return pd.DataFrame([r.summary() for r in self.reports])

    def cleaning_log(self) -> pd.DataFrame:
        """Every removal made while cleaning, per report."""
        rows = [
            {
                "document": r.file,
                "region": r.region,
                "kind": x.kind,
                "text": x.text,
                "start": x.start,
                "end": x.end,
                "reason": x.reason,
            }
            for r in self.reports
            for x in (r.cleaned.removals if r.cleaned else ())
        ]
        return pd.DataFrame(rows, columns=["document", "region", "kind", "text", "start", "end", "reason"])

    @cached_property
    def _indicators(self) -> pd.DataFrame:
        from minzheng.extract.figures import indicator_frame

        if self.source is None:
            return self.extraction.figures if self.extraction else indicator_frame(self.reports)
        return self._as_named_here(self.source.indicators())

    def _as_named_here(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of this corpus's reports (extracted under the region itself), named as here."""
        names = {r.file: r.region for r in self.reports}
        frame = frame[frame["document"].isin(names)].reset_index(drop=True)
        return frame.assign(region=frame["document"].map(names))

    def indicators(self) -> pd.DataFrame:
        """One tidy row per extracted figure, for every report."""
        return self._indicators.copy()

    def stored_mentions(self) -> pd.DataFrame | None:
        """Every report's mechanism mentions (the whole catalogue, reading order) as extracted when loading; None
        when the corpus was loaded without the cache (find_mentions then searches the text)."""
        if self.source is not None:
            found = self.source.stored_mentions()
            return None if found is None else self._as_named_here(found)
        return self.extraction.mentions.copy() if self.extraction else None


def load_corpus(
    folder: str | Path = paths.SEEDS_DIR,
    regions: str | list[str] | None = None,
    strict: bool = False,
    manifest: str | Path | None = None,
    cache: bool = True,
) -> Corpus:
    """Load the reports a folder's manifest lists (its manifest.csv, or `manifest`); strict: any problem raises.

    With `cache` (the default) reports come through the extraction cache (corpus/cache.py, in paths.cache_dir()):
    a report whose file and manifest row it holds is not read or extracted again."""
    folder = Path(folder)
    entries = wanted(
        load_manifest(Path(manifest) if manifest else folder / paths.MANIFEST_NAME), parse_regions(regions)
    )
    problems = unlisted_files(folder, entries) if not regions else []
    if cache:
        reports, unread, extraction, stats = load_entries(folder, entries, Store.default())
        problems += unread
        if strict and problems:
            raise CorpusError(problems)
        return Corpus(folder, reports, problems, extraction=extraction, cache_stats=stats)
    reports = []
    for entry in entries:
        try:
            reports.append(read_entry(folder, entry))
        except OutsideCorpusError:
            raise
        except MinzhengError as error:
            problems.append(str(error))
    if strict and problems:
        raise CorpusError(problems)
    return Corpus(folder, reports, problems)


def load_part(folder: str | Path, regions: str | list[str] | None = None, part: int = 0, parts: int = 1) -> Corpus:
    """Every `parts`-th report of a folder from the `part`-th on, through the extraction cache: workers that each load
    one part build the cache of a corpus together (the reports they cannot read are left to load_corpus to report)."""
    folder = Path(folder)
    entries = wanted(load_manifest(folder / paths.MANIFEST_NAME), parse_regions(regions))[part::parts]
    reports, problems, extraction, stats = load_entries(folder, entries, Store.default())
    return Corpus(folder, reports, problems, extraction=extraction, cache_stats=stats)


def cached_texts(folder: str | Path, regions: str | list[str] | None = None) -> list[str] | None:
    """The text keys of a folder's reports when the extraction cache holds every one, else None (a build is due)."""
    folder = Path(folder)
    entries = wanted(load_manifest(folder / paths.MANIFEST_NAME), parse_regions(regions))
    return cached_text_keys(folder, entries, Store.default())
