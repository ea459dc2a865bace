"""Which population a figure may be divided by: the region's own, of the right kind, of a near date — or why none.

A figure is set only against a population row of its own region (a prefecture-level city's count never against a
county's population, nor a county's against its parent city's), of the measure asked for (resident population, people
aged 60+), at the date nearest the figure's period. A registered (户籍) population is not a resident population, and a
parent city's count or share is not the region's own: such a region gets no value and a reason that names the figure
it does have. Nothing is estimated."""

from __future__ import annotations

import numpy as np
import pandas as pd

from minzheng.compare.figure_tables import label_of
from minzheng.compare.reference_index import Memo, first_rows_by, rows_by
from minzheng.compare.views import reason_kind
from minzheng.english import format_number

RESIDENTS = "resident_population"


AGED_60 = "population_aged_60_plus"


AGED_65 = "population_aged_65_plus"


REGISTERED = "registered_population"


# The share rows that name the same group as a count (a share is not a count: it is never divided by).
SHARE_OF = {AGED_60: "share_aged_60_plus", AGED_65: "share_aged_65_plus"}


# A population further than this from the figure's period is not used (the reason says how far it is).
MAX_YEARS_APART = 5


STATUS_COMPUTED = "computed"


STATUS_GAP = "gap: the reference holds no row of this measure for this region"


STATUS_REGISTERED = "gap: only a registered (户籍) population, which is not the resident population"


STATUS_OWN_SHARE = "gap: only a share of the population ({share}), not a count"


STATUS_PARENT = "gap: only the parent city's figure ({figure}), not this region's own"


STATUS_FAR = "gap: the nearest population ({as_of}) is {years} years from the figure's period (limit {limit})"


def as_of_year(as_of: object) -> float:
    """The year of an as-of date (YYYY, YYYY-MM or YYYY-MM-DD), or NaN."""
    text = str(as_of or "")
    return float(text[:4]) if text[:4].isdigit() else np.nan


class Populations:
    """A population table's usable rows (a positive value) indexed once by region and measure, with the row nearest a
    year remembered per region, measure and year: every lookup of a report is a dict access, not a filter."""

    def __init__(self, population: pd.DataFrame) -> None:
        self.frame = population
        usable = population.dropna(subset=["value"])
        usable = usable[usable["value"] > 0]
        self.empty = usable.iloc[:0]
        self.by_key = rows_by(usable, ["region", "indicator"])
        self.memo = Memo()

    def rows(self, region: str, indicator: str) -> pd.DataFrame:
        """A region's rows of one measure with a positive value, in table order."""
        return self.by_key.get((region, indicator), self.empty)

    def nearest(self, region: str, indicator: str, year: float | int | None) -> pd.Series | None:
        """The region's row of a measure nearest `year` (module function `nearest`), once per region, measure, year."""
        when = None if year is None or pd.isna(year) else float(year)
        return self.memo.get((region, indicator, when), nearest, self.rows(region, indicator), year)


def indexed(population: pd.DataFrame | Populations) -> Populations:
    """A population table indexed (Populations), or the index itself when given one."""
    return population if isinstance(population, Populations) else Populations(population)


def nearest(rows: pd.DataFrame, year: float | int | None) -> pd.Series | None:
    """The row whose as-of year is nearest `year` (ties: the later date; no year: the latest), or None."""
    if rows.empty:
        return None
    if year is None or pd.isna(year):
        return rows.sort_values("as_of", kind="stable").iloc[-1]
    distance = (rows["as_of"].map(as_of_year) - float(year)).abs()
    order = pd.DataFrame({"distance": distance, "as_of": rows["as_of"]}).sort_values(
        ["distance", "as_of"], ascending=[True, False], kind="stable"
    )
    return rows.loc[order.index[0]]


def population_row(
    population: pd.DataFrame | Populations, region: str, denominator: str, year: float | int | None = None
) -> pd.Series | None:
    """The region's own row of a population measure nearest `year` (the latest when no year), or None."""
    return indexed(population).nearest(region, denominator, year)


def disagreement(population: pd.DataFrame | Populations, row: pd.Series) -> str:
    """A note when another copy of the same region, measure and date gives another value ('' when none does)."""
    same = indexed(population).rows(row["region"], row["indicator"])
    others = same[(same["as_of"] == row["as_of"]) & (same["value"] != row["value"])]
    if others.empty:
        return ""
    values = ", ".join(f"{format_number(v)} ({t})" for v, t in zip(others["value"], others["source_title"]))
    return f"another copy of the same date gives {values}; the first row of the file is used"


def _describe(row: pd.Series) -> str:
    """'临沂市 share_aged_60_plus 19.63 % as of 2020-11-01' for a reason."""
    return f"{row['region']} {row['indicator']} {format_number(row['value'])} {row['unit']} as of {row['as_of']}"


def denominator_for(
    population: pd.DataFrame | Populations,
    region: str,
    denominator: str,
    year: float | int | None,
    parent: str = "",
    max_years_apart: int | None = MAX_YEARS_APART,
) -> tuple[pd.Series | None, str, str]:
    """(row, status, note): the population to divide by, `computed` and a note on disagreeing copies; or None with the
    gap's reason (only a registered population, only a share, only the parent city's figure, too far, or none)."""
    population = indexed(population)
    row = population.nearest(region, denominator, year)
    if row is not None:
        apart = abs(float(year) - as_of_year(row["as_of"])) if year is not None and pd.notna(year) else 0.0
        if max_years_apart is not None and apart > max_years_apart:
            status = STATUS_FAR.format(as_of=row["as_of"], years=format_number(apart), limit=max_years_apart)
            return None, status, ""
        return row, STATUS_COMPUTED, disagreement(population, row)
    if denominator == RESIDENTS and not population.rows(region, REGISTERED).empty:
        return None, STATUS_REGISTERED, _describe(population.nearest(region, REGISTERED, year))
    share = population.nearest(region, SHARE_OF.get(denominator, ""), year)
    if share is not None:
        return None, STATUS_OWN_SHARE.format(share=_describe(share)), ""
    if parent:
        found = population.nearest(parent, denominator, year)
        found = found if found is not None else population.nearest(parent, SHARE_OF.get(denominator, ""), year)
        if found is not None:
            return None, STATUS_PARENT.format(figure=_describe(found)), ""
    return None, STATUS_GAP, ""


def parents_of(table: pd.DataFrame) -> dict[str, str]:
    """Region (or report label) → parent city, from the corpus table ('' where the manifest names none)."""
    if table is None or not len(table) or "parent_city" not in table:
        return {}
    return {r: p for r, p in zip(table["region"], table["parent_city"].fillna("")) if p}


AVAILABLE = "population available"


AVAILABILITY_COLUMNS = [
    "region",
    "year",
    "denominator",
    "population",
    "unit",
    "as_of",
    "source_title",
    "source_url",
    "reliability",
    "ref",
    "status",
    "note",
]


def availability(
    population: pd.DataFrame | Populations,
    table: pd.DataFrame,
    denominators: tuple[str, ...] = (RESIDENTS, AGED_60),
    max_years_apart: int | None = MAX_YEARS_APART,
) -> pd.DataFrame:
    """Per report (corpus table row) and population measure: the population a figure of the report's year would be
    divided by, with its source, or the reason there is none — whether or not the report states a figure."""
    parents, population = parents_of(table), indexed(population)
    rows = []
    for report in table.itertuples(index=False):
        for denominator in denominators:
            year = report.year if pd.notna(report.year) else None
            row, status, note = denominator_for(
                population, report.region, denominator, year, parents.get(report.region, ""), max_years_apart
            )
            found = row if row is not None else {}
            rows.append(
                {
                    "region": report.region,
                    "year": year,
                    "denominator": denominator,
                    "population": found.get("value", np.nan),
                    **{c: found.get(c, "") for c in ("unit", "as_of", "source_title", "source_url", "reliability")},
                    "ref": found.get("ref", ""),
                    "status": AVAILABLE if row is not None else status,
                    "note": note,
                }
            )
    out = pd.DataFrame(rows, columns=AVAILABILITY_COLUMNS)
    out["year"] = pd.array(out["year"], dtype="Int64")
    out["population"] = out["population"].astype("float64")
    return out


NO_FIGURE = "gap: the report states no achieved figure for {label} (a stock, not a target or an amount added)"


BY_REPORT_COLUMNS = [
    "region",
    "year",
    "indicator",
    "label_en",
    "value",
    "unit",
    "period",
    "denominator",
    "population",
    "population_as_of",
    "per_1000",
    "years_apart",
    "source_title",
    "source_url",
    "reliability",
    "population_ref",
    "status",
]


def _no_figure_row(report: pd.Series, indicator: str, label: str) -> dict[str, object]:
    """A report without the figure: the population it would be divided by (or why none), and the reason."""
    found = report["status"] == AVAILABLE
    reason = NO_FIGURE.format(label=label)
    return {
        "region": report["region"],
        "year": report["year"],
        "indicator": indicator,
        "label_en": label,
        "denominator": report["denominator"],
        "population": report["population"],
        "population_as_of": report["as_of"],
        **{c: report[c] for c in ("source_title", "source_url", "reliability")},
        "population_ref": report["ref"],
        "status": reason if found else f"{reason}; {str(report['status']).removeprefix('gap: ')}",
    }


def by_report(per_capita: pd.DataFrame, available: pd.DataFrame, indicator: str, denominator: str) -> pd.DataFrame:
    """One row per report of the availability table: the per-1,000 figure of one indicator and population measure
    where both exist, with the population's source and reliability; else the reason (no figure, no population, both).

    `per_capita` is benchmarks.per_capita's table, `available` this module's availability table of the same reports."""
    label = label_of(indicator)[1]
    figures = per_capita[(per_capita["indicator"] == indicator) & (per_capita["denominator"] == denominator)]
    first = first_rows_by(figures, ["region"])  # each report's figure, found once per region
    rows = []
    for _, report in available[available["denominator"] == denominator].iterrows():
        mine = first.get((report["region"],))
        if mine is None:
            rows.append(_no_figure_row(report, indicator, label))
            continue
        rows.append({c: mine.get(c, np.nan) for c in BY_REPORT_COLUMNS} | {"year": report["year"]})
    out = pd.DataFrame(rows, columns=BY_REPORT_COLUMNS)
    out["year"] = pd.array(out["year"], dtype="Int64")
    out["period"] = [int(p) if pd.notna(p) else "" for p in out["period"]]  # a year, or empty where no figure
    for column in ("value", "population", "per_1000", "years_apart"):
        out[column] = out[column].astype("float64")
    text = ["unit", "population_as_of", "source_title", "source_url", "reliability"]
    out[text] = out[text].astype(object)  # all-missing columns come out float; their blanks are text
    return out.fillna({c: "" for c in text})


# A gap's kind, without the region, figure or dates it names: how many reports share a reason (many reports).
GAP_KINDS = (
    (NO_FIGURE, "the report states no achieved figure of it"),
    (STATUS_GAP, "the reference holds no population of this measure for the region"),
    (STATUS_REGISTERED, "only a registered (户籍) population, not the resident one"),
    (STATUS_OWN_SHARE, "only a share of the population, not a count"),
    (STATUS_PARENT, "only the parent city's figure, not the region's own"),
    (STATUS_FAR, f"the nearest population is more than {MAX_YEARS_APART} years from the figure's period"),
)


def gap_kind(reason: str) -> str:
    """The kind of a population gap (GAP_KINDS), for counting reports by reason."""
    return reason_kind(reason, GAP_KINDS)


# Short names of the population measures in the per-report view.
MEASURE_NAMES = {RESIDENTS: "residents", AGED_60: "aged 60+", AGED_65: "aged 65+"}


def availability_view(available: pd.DataFrame) -> pd.DataFrame:
    """One row per report (narrow enough for an e-mail): for each population measure, the count or 'gap', its date,
    its reliability and its reference row (file:line); the reasons are in the availability table and its sentence."""
    rows: dict[tuple[str, object], dict[str, object]] = {}
    for r in available.itertuples(index=False):
        row = rows.setdefault((r.region, r.year), {"region": r.region, "year": r.year})
        name = MEASURE_NAMES.get(r.denominator, r.denominator)
        found = r.status == AVAILABLE
        row[name] = format_number(r.population) if found else "gap"
        row[f"{name} as of"] = r.as_of if found else ""
        row[f"{name} reliability"] = r.reliability if found else ""
        row[f"{name} row"] = r.ref if found else ""
    out = pd.DataFrame(list(rows.values()))
    if "year" in out:
        out["year"] = pd.array(out["year"], dtype="Int64")
    return out
