"""Published standards in force for each report: the latest step not after the end of the report's year, in 元/人/月.

The standards come from the reference (`standards.csv`), not from the reports: each has the government that set it,
its tier, the date it took effect and its source. A step without a date (`effective_from` empty: "the standard
before") is known to be in force only just before the dated step that replaced it — the dated step of the same source
(670 before 709 from 2022-07-01), else the earliest dated step of the same region, setter, tier and indicator. At the
end of a year after that step's predecessor took effect, either may be in force: the dated one is shown and the note
says the undated one may already apply. The report's own figure stands beside it, flagged where they differ by more
than rounding, and so do the national and provincial averages of the date nearest the report's year. A report with
no standard in force gets a row with the reason, never an estimate."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from minzheng.codebook import load_codebook
from minzheng.compare.benchmarks import NATIONAL_COUNTERPARTS, NATIONAL_SCOPE, closest_national
from minzheng.compare.figure_tables import figure_table, label_of, to_monthly
from minzheng.compare.reference_index import Memo, first_rows_by, rows_by
from minzheng.english import format_number
from minzheng.read.reference import PUBLISHED_SOURCE, REF, parse_date, series_key, tier_key

# A report's figure within this many 元/人/月 of the published standard agrees with it (whole yuan; ÷ 12 rounds).
ROUNDING = 1.0


FOUND = "published standard in force"


GAP_NO_YEAR = "gap: the report's year is unknown, so no standard in force can be chosen"


GAP_NO_REGION = "gap: the reference holds no published standard for {region}{parent}"


GAP_NO_INDICATOR = "gap: the reference holds no published {label} for {region}"


GAP_TOO_LATE = "gap: the earliest published {label} for {region} takes effect {date}, after the end of {year}"


AGREE, DISAGREE, NO_CLAIM, NOTHING = "agrees", "disagrees", "the report states none", "no published standard"


# A standard's value in 元/人/月 with the value and unit the source states and how one became the other, from its date.
MONTHLY_VALUE = ("value", "unit", "value_stated", "unit_stated", "conversion", "effective_from")


IN_FORCE_COLUMNS = [
    "region",
    "place",
    "level",
    "province",
    "parent_city",
    "year",
    "indicator",
    "label_zh",
    "label_en",
    "status",
    "set_by",
    "tier",
    *MONTHLY_VALUE,
    "in_force_until",
    "date_note",
    "years_apart",
    *PUBLISHED_SOURCE,
    "standard_ref",
    "report_value",
    "report_period",
    "report_modality",
    "report_raw",
    "report_evidence",
    "report_vs_published",
    "difference",
    *[f"{kind}_{c}" for kind in ("national", "provincial") for c in ("scope", "value", "as_of", "years_apart")],
    *[f"{kind}_{c}" for kind in ("national", "provincial") for c in ("source", "url", "reliability", "ref")],
]


FLOAT_COLUMNS = (
    "value",
    "value_stated",
    "years_apart",
    "report_value",
    "difference",
    "national_value",
    "national_years_apart",
    "provincial_value",
    "provincial_years_apart",
)


def standard_ids(standards: pd.DataFrame, theme: str | None = None) -> tuple[str, ...]:
    """The codebook ids the reference holds standards for (of one theme, or all), in codebook order."""
    book = load_codebook()
    if theme:
        book = book[book["theme"] == theme]
    held = set(standards["indicator"])
    return tuple(i for i in book["id"] if i in held)


def _successor(rows: pd.DataFrame, row: pd.Series) -> pd.Series | None:
    """The dated step an undated one stood before: the earliest of the same source, else the earliest of the series."""
    dated = rows[rows["start"].notna()].sort_values("start", kind="stable")
    same = dated[dated["source_url"] == row["source_url"]]
    return same.iloc[0] if len(same) else (dated.iloc[0] if len(dated) else None)


def timeline(standards: pd.DataFrame) -> pd.DataFrame:
    """The standards as steps: monthly value, start (NaT when undated), `before` (the date an undated step is known to
    be in force until), `after` (the dated step an undated one followed) and `until` (the next dated step's date, NaT
    where an undated step replaced it on a date the source does not give)."""
    frame = standards.copy()
    converted = [to_monthly(v, u) for v, u in zip(frame["value"], frame["unit"])]
    frame["value_stated"], frame["unit_stated"] = frame["value"], frame["unit"]
    frame["value"], frame["unit"] = [c[0] for c in converted], [c[1] for c in converted]
    frame["conversion"] = [c[2] for c in converted]
    frame["tier_key"] = frame["tier"].map(tier_key)
    frame["series"] = [series_key(r) for _, r in frame.iterrows()]
    frame["start"] = pd.to_datetime([parse_date(d) for d in frame["effective_from"]])
    frame["before"], frame["after"], frame["until"] = pd.NaT, pd.NaT, pd.NaT
    for _, rows in frame.groupby("series", sort=False):
        dated = rows[rows["start"].notna()].sort_values("start", kind="stable")
        for index, row in rows[rows["start"].isna()].iterrows():
            successor = _successor(rows, row)
            frame.at[index, "before"] = frame.at[index, "until"] = (
                successor["start"] if successor is not None else pd.NaT
            )
            earlier = dated[dated["start"] < frame.at[index, "before"]]
            frame.at[index, "after"] = earlier["start"].max() if len(earlier) else pd.NaT
        for index, row in dated.iterrows():
            later = dated.loc[dated["start"] > row["start"], "start"]
            replaced = (frame.loc[rows.index, "after"] == row["start"]).any()  # by an undated step, date not given
            frame.at[index, "until"] = later.min() if len(later) and not replaced else pd.NaT
    return frame


def day_text(value: Any) -> str:
    """A timestamp as YYYY-MM-DD ('' when missing)."""
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def step_in_force(rows: pd.DataFrame, year: int) -> tuple[pd.Series | None, str]:
    """The step of one series in force at the end of `year`, and a note on how it was chosen (None when none)."""
    cutoff = pd.Timestamp(year=int(year), month=12, day=31)
    dated = rows[rows["start"].notna() & (rows["start"] <= cutoff)].sort_values("start", kind="stable")
    chosen = dated.iloc[-1] if len(dated) else None
    open_undated = rows[rows["start"].isna() & (rows["before"] > cutoff)].sort_values("before", kind="stable")
    if chosen is None:
        first = open_undated[open_undated["after"].isna()]
        if first.empty:
            return None, ""
        row = first.iloc[0]
        return row, f"the source gives no start date: in force before {day_text(row['before'])} (the next dated step)"
    note = f"the latest step dated on or before the end of {int(year)}"
    later = open_undated[open_undated["after"] == chosen["start"]]
    if len(later):
        row = later.iloc[0]
        note += (
            f"; a later step of {format_number(row['value'])} {row['unit']}, whose start date the source does not give, "
            f"was in force before {day_text(row['before'])} and may already apply"
        )
    return chosen, note


def _claim(claims: dict[tuple[Any, ...], pd.Series], region: str, indicator: str, value: float) -> dict[str, Any]:
    """The report's own figure of an indicator beside a published value, and whether they agree (`claims`: the first
    stated row per region and indicator)."""
    row = claims.get((region, indicator))
    if row is None:
        return {"report_vs_published": NO_CLAIM if pd.notna(value) else NOTHING}
    difference = float(row["value"]) - value if pd.notna(value) else np.nan
    agreement = NOTHING if pd.isna(value) else (AGREE if abs(difference) <= ROUNDING else DISAGREE)
    return {
        "report_value": float(row["value"]),
        "report_period": row["period"],
        "report_modality": row["modality"],
        "report_raw": row["raw"],
        "report_evidence": row["evidence"],
        "report_vs_published": agreement,
        "difference": difference,
    }


def _average(national: pd.DataFrame, indicator: str, year: int | None, scope: str, kind: str) -> dict[str, Any]:
    """The average of an indicator for a scope nearest the report's year, with its date and source, as columns."""
    name = NATIONAL_COUNTERPARTS.get(indicator)
    row = closest_national(national, name, year, scope) if name and scope else None
    if row is None:
        return {f"{kind}_scope": scope if name else ""}
    value, _, _ = to_monthly(row["value"], row["unit"])
    as_of = str(row["as_of"])
    return {
        f"{kind}_scope": scope,
        f"{kind}_value": value,
        f"{kind}_as_of": as_of,
        f"{kind}_years_apart": float(year) - float(as_of[:4]) if year is not None else np.nan,
        f"{kind}_source": row["source_title"],
        f"{kind}_url": row["source_url"],
        f"{kind}_reliability": row["reliability"],
        f"{kind}_ref": row.get(REF, ""),
    }


def _published(row: pd.Series, year: int, note: str) -> dict[str, Any]:
    """The columns of a published step in force."""
    start = row["start"]
    return {
        "status": FOUND,
        "set_by": row["set_by"],
        "tier": row["tier"],
        **{column: row[column] for column in MONTHLY_VALUE},
        "in_force_until": day_text(row["until"]),
        "date_note": note,
        "years_apart": float(year) - float(start.year) if pd.notna(start) else np.nan,
        **{c: row.get(c, "") for c in ("source_title", "publisher", "source_url", "published", "quote")},
        **{c: row.get(c, "") for c in ("reliability", "notes")},
        "standard_ref": row.get(REF, ""),
    }


def _gap(steps: pd.DataFrame, place: str, parent: str, indicator: str, year: int | None) -> str:
    """Why a report has no standard of an indicator in force."""
    if year is None or pd.isna(year):
        return GAP_NO_YEAR
    if steps.empty:
        return GAP_NO_REGION.format(region=place, parent=f" (nor for its parent city {parent})" if parent else "")
    mine = steps[steps["indicator"] == indicator]
    label = label_of(indicator)[1]
    if mine.empty:
        return GAP_NO_INDICATOR.format(label=label, region=place)
    return GAP_TOO_LATE.format(label=label, region=place, date=day_text(mine["start"].min()), year=int(year))


class Lookups:
    """The reference rows a standards-in-force table asks of every report, indexed once: the steps by region and by
    region and indicator (each series once), the first stated figure by region and indicator, and the answers that
    depend only on their key (an average by indicator, year and scope; the steps in force by region, indicator and
    year) computed once."""

    def __init__(self, steps: pd.DataFrame, stated: pd.DataFrame, national: pd.DataFrame) -> None:
        self.steps, self.national = steps, national
        self.by_place = rows_by(steps, ["region"])
        self.series = {
            key: [rows for _, rows in group.groupby("series", sort=False)]
            for key, group in rows_by(steps, ["region", "indicator"]).items()
        }
        self.claims = first_rows_by(stated, ["region", "indicator"])
        self.averages, self.in_force = Memo(), Memo()

    def place_steps(self, place: str) -> pd.DataFrame:
        """A region's steps (no row when the reference holds none)."""
        return self.by_place.get((place,), self.steps.iloc[:0])

    def average(self, indicator: str, year: int | None, scope: str, kind: str) -> dict[str, Any]:
        """_average, once per indicator, year, scope and kind."""
        return self.averages.get((indicator, year, scope, kind), _average, self.national, indicator, year, scope, kind)

    def published(self, place: str, indicator: str, year: int) -> list[dict[str, Any]]:
        """The columns of the step in force at the end of `year` of each series (setter and tier) of a region's
        indicator, once per region, indicator and year."""

        def compute() -> list[dict[str, Any]]:
            found = []
            for series in self.series.get((place, indicator), []):
                row, note = step_in_force(series, year)
                if row is not None:
                    found.append(_published(row, year, note))
            return found

        return self.in_force.get((place, indicator, year), compute)


def report_rows(report: Any, lookups: Lookups, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of one report: per indicator, the step in force of every setter and tier, or one gap row."""
    place = getattr(report, "place", "") or report.region
    meta = getattr(report, "meta", {}) or {}
    year = report.year
    rows = []
    for indicator in ids:
        zh, en = label_of(indicator)
        base = {
            "region": report.region,
            "place": place,
            "level": report.level,
            "province": meta.get("province", ""),
            "parent_city": meta.get("parent_city", ""),
            "year": year,
            "indicator": indicator,
            "label_zh": zh,
            "label_en": en,
            **lookups.average(indicator, year, NATIONAL_SCOPE, "national"),
            **lookups.average(indicator, year, meta.get("province", ""), "provincial"),
        }
        found = []
        if year is not None and pd.notna(year):
            found = list(lookups.published(place, indicator, int(year)))
        if not found:
            gap = _gap(lookups.place_steps(place), place, meta.get("parent_city", ""), indicator, year)
            found = [{"status": gap, "date_note": ""}]
        for published in found:
            claim = _claim(lookups.claims, report.region, indicator, published.get("value", np.nan))
            rows.append({**base, **published, **claim})
    return rows


def standards_in_force(
    corpus: Any,
    standards: pd.DataFrame,
    national: pd.DataFrame,
    ids: Iterable[str] | None = None,
    stated: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per report × indicator × setter/tier: the published standard in force at the end of the report's year
    (元/人/月, setter, tier, date, years apart, source, reliability), the report's own figure and whether they agree,
    and the national and provincial averages nearest the report's year; a gap row with its reason where none is.

    `corpus` is a Corpus (or its cross-section); `ids` default to every id the reference holds a standard for;
    `stated` is the notebook's figure table of these ids (computed from the corpus when not given). The reference rows
    are indexed once (Lookups), so the cost grows with the reports, not with reports × reference rows."""
    ids = tuple(ids) if ids is not None else standard_ids(standards)
    if stated is None:
        stated = figure_table(corpus.indicators(), ids, corpus.table())
    lookups = Lookups(timeline(standards), stated, national)
    rows = [r for report in corpus for r in report_rows(report, lookups, ids)]
    frame = pd.DataFrame(rows, columns=IN_FORCE_COLUMNS)
    for column in ("year", "report_period"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in FLOAT_COLUMNS:
        frame[column] = frame[column].astype("float64")
    text = [c for c in IN_FORCE_COLUMNS if c not in FLOAT_COLUMNS and c not in ("year", "report_period")]
    for column in text:
        frame[column] = ["" if not isinstance(v, str) and pd.isna(v) else str(v) for v in frame[column]]
    return frame
