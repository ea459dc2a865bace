"""Several reports per region: the newest of each for the cross-section, labels when all are kept, and the series.

A region may have several reports (different years, or different genres in one year). The cross-section of the
notebooks takes one report per region (`latest`: the newest by year, then published date, then the later manifest
row) or every report (`all`: a region with several reports appears once per report, under a label naming its year).
A region whose reports cover two or more years has a series: its figures can be followed over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from minzheng.errors import MinzhengError
from minzheng.read.report import Report

PER_REGION = ("latest", "all")


def check_per_region(per_region: str) -> str:
    """The per_region choice, checked: 'latest' or 'all' (raises MinzhengError otherwise)."""
    if per_region not in PER_REGION:
        raise MinzhengError(f"per_region {per_region!r} is not one of {', '.join(PER_REGION)}")
    return per_region


def published(report: Report) -> str:
    """The report's publication date: the manifest's, else the one its byline states ('' when neither says)."""
    return report.meta.get("published", "") or report.byline_date


def newness(report: Report, position: int) -> tuple[int, str, int]:
    """Sort key of a region's reports, oldest first: year, published date, manifest position."""
    return (report.year if report.year is not None else -1, published(report), position)


def by_region(reports: Sequence[Report]) -> dict[str, list[Report]]:
    """Each region's reports, oldest first (regions in manifest order)."""
    grouped: dict[str, list[tuple[tuple[int, str, int], Report]]] = {}
    for position, report in enumerate(reports):
        grouped.setdefault(report.region, []).append((newness(report, position), report))
    return {region: [r for _, r in sorted(items, key=lambda item: item[0])] for region, items in grouped.items()}


def newest_per_region(reports: Sequence[Report]) -> tuple[list[Report], list[Report]]:
    """The newest report of every region (regions in manifest order) and the reports left out of the cross-section."""
    kept = [group[-1] for group in by_region(reports).values()]
    return kept, [r for r in reports if all(r is not k for k in kept)]


def grouped(reports: Sequence[Report]) -> list[Report]:
    """Every report, each region's together (oldest first) where the region first stands in the manifest."""
    return [r for group in by_region(reports).values() for r in group]


def report_labels(reports: Sequence[Report]) -> dict[str, str]:
    """File → the name a report goes by when every report is kept: its region, with the year where the region has
    several reports (and the file too where two of them share a year)."""
    groups = by_region(reports)
    labels = {}
    for report in reports:
        if len(groups[report.region]) == 1:
            labels[report.file] = report.region
            continue
        same_year = [r for r in groups[report.region] if r.year == report.year]
        label = f"{report.region} {report.year if report.year is not None else 'year unknown'}"
        labels[report.file] = label if len(same_year) == 1 else f"{label} ({report.file})"
    return labels


def labelled(reports: Sequence[Report]) -> list[Report]:
    """The reports under their labels (a copy where the label differs from the region, `place` keeping the region)."""
    labels = report_labels(reports)
    return [
        r if labels[r.file] == r.region else replace(r, region=labels[r.file], place=r.region) for r in grouped(reports)
    ]


def years_by_region(reports: Sequence[Report]) -> dict[str, list[int]]:
    """Each region's distinct report years, in order (a report without a year is left out)."""
    return {
        region: sorted({r.year for r in group if r.year is not None}) for region, group in by_region(reports).items()
    }


def series_regions(reports: Sequence[Report]) -> dict[str, list[int]]:
    """The regions with reports of two or more years, with those years."""
    return {region: years for region, years in years_by_region(reports).items() if len(years) >= 2}


def with_labels(frame: pd.DataFrame, reports: Sequence[Report], column: str = "region") -> pd.DataFrame:
    """Reference rows (keyed by region) repeated under the label of every report of the region, so a report kept
    under a label finds its region's reference figures; rows of other regions pass unchanged."""
    names: dict[str, list[str]] = {}
    for report in reports:
        if report.place:
            names.setdefault(report.place, []).append(report.region)
    if not names or frame.empty:
        return frame
    copies = [frame[frame[column] == place].assign(**{column: label}) for place, ls in names.items() for label in ls]
    return pd.concat([frame, *copies], ignore_index=True)
