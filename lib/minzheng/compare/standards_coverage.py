"""What the standards-in-force table comes to per report: standards found, their dates and years apart, the claims
that disagree, and the narrower view a notebook shows."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.standards_in_force import DISAGREE, FOUND

COVERAGE_COLUMNS = [
    "region",
    "place",
    "level",
    "year",
    "standards_found",
    "standards_asked",
    "set_by",
    "effective_from",
    "years_apart_min",
    "years_apart_max",
    "claims_disagreeing",
    "sources",
    "reliability",
    "gap_reason",
]


VIEW_COLUMNS = [
    "region",
    "year",
    "label_en",
    "tier",
    "value",
    "unit",
    "conversion",
    "effective_from",
    "years_apart",
    "set_by",
    "report_value",
    "report_vs_published",
    "national_value",
    "national_as_of",
    "provincial_value",
    "provincial_as_of",
    "source_title",
    "reliability",
    "status",
]


def _joined(values: pd.Series) -> str:
    """Distinct non-empty values joined by '; ' in first-seen order."""
    return "; ".join(dict.fromkeys(str(v) for v in values if str(v)))


def found(in_force: pd.DataFrame) -> pd.DataFrame:
    """The rows that hold a published standard in force."""
    return in_force[in_force["status"] == FOUND].reset_index(drop=True)


def coverage(in_force: pd.DataFrame) -> pd.DataFrame:
    """One row per report: how many of the standards asked for the reference gives, by whom, of which dates, how many
    years before the report, from which sources; the claims that disagree; the gap's reason where none is found."""
    rows = []
    for region, group in in_force.groupby("region", sort=False):
        hits = group[group["status"] == FOUND]
        rows.append(
            {
                "region": region,
                "place": group["place"].iloc[0],
                "level": group["level"].iloc[0],
                "year": group["year"].iloc[0],
                "standards_found": hits["indicator"].nunique(),
                "standards_asked": group["indicator"].nunique(),
                "set_by": _joined(hits["set_by"]),
                "effective_from": _joined(sorted(set(hits["effective_from"]))),
                "years_apart_min": hits["years_apart"].min(),
                "years_apart_max": hits["years_apart"].max(),
                "claims_disagreeing": int((group["report_vs_published"] == DISAGREE).sum()),
                "sources": _joined(hits["source_title"]),
                "reliability": _joined(hits["reliability"]),
                "gap_reason": "" if len(hits) else _joined(group["status"]),
            }
        )
    out = pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
    out["year"] = pd.array(out["year"], dtype="Int64")
    for column in ("years_apart_min", "years_apart_max"):
        out[column] = out[column].astype("float64")
    return out


def regions_with_standard(in_force: pd.DataFrame) -> list[str]:
    """Reports (region labels) that get at least one published standard with a source, a date and years apart."""
    hits = found(in_force)
    hits = hits[(hits["source_title"] != "") & (hits["effective_from"] != "") & hits["years_apart"].notna()]
    return list(dict.fromkeys(hits["region"]))


def disagreements(in_force: pd.DataFrame) -> pd.DataFrame:
    """The rows where a report's own figure differs from the published standard in force by more than rounding."""
    return in_force[in_force["report_vs_published"] == DISAGREE].reset_index(drop=True)


def in_force_view(in_force: pd.DataFrame) -> pd.DataFrame:
    """The columns a notebook shows: region, year, standard, tier, value, date, years apart, claim, averages, source."""
    return in_force[VIEW_COLUMNS].reset_index(drop=True)


def chart_ids(in_force: pd.DataFrame, limit: int = 2) -> list[str]:
    """The standards to chart by default: those with an average to set them against (urban and rural dibao), else
    the first `limit` of the table, in table order."""
    ids = list(dict.fromkeys(in_force["indicator"]))
    averaged = [i for i in ids if in_force.loc[in_force["indicator"] == i, "national_value"].notna().any()]
    return averaged or ids[:limit]
