"""The corpus: every report of a folder read (read/) and its figures extracted (extract/), as tables."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.errors import CorpusError, MinzhengError, OutsideCorpusError
from minzheng.read.manifest import load_manifest
from minzheng.read.report import Report, parse_regions, read_entry, unlisted_files, wanted


class Corpus:
    """The reports of a folder, in manifest order, with the problems met while loading."""

    def __init__(self, folder: Path, reports: list[Report], problems: list[str]) -> None:
        self.folder = folder
        self.reports = reports
        self.problems = problems

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self):
        return iter(self.reports)

    def __getitem__(self, region: str) -> Report:
        """Return the report of a region."""
        for report in self.reports:
            if report.region == region:
                return report
        raise KeyError(region)

    @property
    def regions(self) -> list[str]:
        """Region names in manifest order."""
        return [r.region for r in self.reports]

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

        return indicator_frame(self.reports)

    def indicators(self) -> pd.DataFrame:
        """One tidy row per extracted figure, for every report."""
        return self._indicators.copy()


def load_corpus(
    folder: str | Path = paths.SEEDS_DIR,
    regions: str | list[str] | None = None,
    strict: bool = False,
    manifest: str | Path | None = None,
) -> Corpus:
    """Load the reports a folder's manifest lists (its manifest.csv, or `manifest`); strict: any problem raises."""
    folder = Path(folder)
    entries = wanted(
        load_manifest(Path(manifest) if manifest else folder / paths.MANIFEST_NAME), parse_regions(regions)
    )
    problems = unlisted_files(folder, entries) if not regions else []
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
