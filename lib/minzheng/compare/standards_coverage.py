"""What the standards-in-force table comes to per report: standards found, their dates and years apart, the claims
that disagree, and the narrower views a notebook shows."""

from __future__ import annotations

import pandas as pd

from minzheng.compare.standards_in_force import (
    DISAGREE,
    FOUND,
    GAP_NO_INDICATOR,
    GAP_NO_REGION,
    GAP_NO_YEAR,
    GAP_TOO_LATE,
)
from minzheng.compare.views import reason_kind
from minzheng.read.reference import tier_key

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
    "national_reliability",
    "provincial_value",
    "provincial_as_of",
    "provincial_reliability",
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


def _span(low: float, high: float) -> str:
    """'3' or '0–3' years ('' when none)."""
    if pd.isna(low):
        return ""
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def coverage_view(cover: pd.DataFrame) -> pd.DataFrame:
    """The coverage table a page shows, narrow enough for an e-mail: standards found of those asked, by whom, from
    when, how many years before the report, the claims that disagree, the reliability and the gap's reason (source
    titles are in reference_sheet.sources_view)."""
    return pd.DataFrame(
        {
            "region": cover["region"],
            "year": cover["year"],
            "standards found": [f"{f} of {a}" for f, a in zip(cover["standards_found"], cover["standards_asked"])],
            "set by": cover["set_by"],
            "in force from": cover["effective_from"],
            "years before the report": [
                _span(a, b) for a, b in zip(cover["years_apart_min"], cover["years_apart_max"])
            ],
            "claims disagreeing": cover["claims_disagreeing"],
            "reliability": cover["reliability"],
            "gap": cover["gap_reason"].str.removeprefix("gap: "),
        }
    ).reset_index(drop=True)


def regions_with_standard(in_force: pd.DataFrame) -> list[str]:
    """Reports (region labels) that get at least one published standard with a source, a date and years apart."""
    hits = found(in_force)
    hits = hits[(hits["source_title"] != "") & (hits["effective_from"] != "") & hits["years_apart"].notna()]
    return list(dict.fromkeys(hits["region"]))


def disagreements(in_force: pd.DataFrame) -> pd.DataFrame:
    """The rows where a report's own figure differs from the published standard in force by more than rounding."""
    return in_force[in_force["report_vs_published"] == DISAGREE].reset_index(drop=True)


def in_force_view(in_force: pd.DataFrame) -> pd.DataFrame:
    """The columns a notebook shows: region, year, standard, tier, value, date, years apart, claim, the averages with
    their reliability, and the standard's source and reliability."""
    return in_force[VIEW_COLUMNS].reset_index(drop=True)


def chart_ids(in_force: pd.DataFrame, limit: int = 2) -> list[str]:
    """The standards to chart by default: those with an average to set them against (urban and rural dibao), else
    the first `limit` of the table, in table order."""
    ids = list(dict.fromkeys(in_force["indicator"]))
    averaged = [i for i in ids if in_force.loc[in_force["indicator"] == i, "national_value"].notna().any()]
    return averaged or ids[:limit]


# The compact view's columns (headers with spaces wrap in a narrow page); the unit is 元/人/月 throughout.
COMPACT_COLUMNS = [
    "region",
    "year",
    "standard",
    "tier",
    "元/人/月",
    "from",
    "years before the report",
    "set by",
    "reliability",
    "source row",
    "note",
]


def _compact_row(row: pd.Series) -> dict[str, object]:
    """One row of the compact view: short label and tier, the value (a yearly one's conversion as the note), its date
    and setter, the reference row."""
    hit = row["status"] == FOUND
    return {
        "region": row["region"],
        "year": row["year"],
        "standard": row["label_zh"],
        "tier": tier_key(row["tier"]),
        "元/人/月": row["value"],
        "from": row["effective_from"] or (f"before {row['in_force_until']}" if hit else ""),
        "years before the report": row["years_apart"],
        "set by": row["set_by"],
        "reliability": row["reliability"],
        "source row": row["standard_ref"],
        "note": (row["conversion"] if row["conversion"].endswith("÷ 12") else "") if hit else "none in the reference",
    }


def compact_view(in_force: pd.DataFrame) -> pd.DataFrame:
    """The table a page shows, narrow enough for an e-mail: per report and standard, the published value in force
    (元/人/月), its tier, date, years before the report and setter, its reliability and reference row (file:line); a
    report with no standard at all is one row with the reason. The claims and averages are in the sentences and the
    chart, the source titles in reference_sheet.sources_view, and every column in the saved table."""
    rows = []
    for _, group in in_force.groupby("region", sort=False):
        if (group["status"] == FOUND).any():
            rows += [_compact_row(row) for _, row in group.iterrows()]
            continue
        first = group.iloc[0]
        rows.append(
            {"region": first["region"], "year": first["year"], "note": str(first["status"]).removeprefix("gap: ")}
        )
    out = pd.DataFrame(rows, columns=COMPACT_COLUMNS)
    out["year"] = pd.array(out["year"], dtype="Int64")
    for column in ("元/人/月", "years before the report"):
        out[column] = out[column].astype("float64")
    return out.fillna({c: "" for c in COMPACT_COLUMNS if c not in ("year", "元/人/月", "years before the report")})


# A gap's kind, without the region, standard or year it names: how many reports share a reason (many reports).
GAP_KINDS = (
    (GAP_NO_YEAR, "the report's year is unknown"),
    (GAP_NO_REGION, "the reference holds no published standard for the report's region"),
    (GAP_NO_INDICATOR, "the reference holds none of these standards for the report's region"),
    (GAP_TOO_LATE, "the region's earliest published standard takes effect after the report's year"),
)


def gap_kind(reason: str) -> str:
    """The kind of a standard's gap (GAP_KINDS), for counting reports by reason."""
    return reason_kind(reason, GAP_KINDS)


def coverage_groups(cover: pd.DataFrame, examples: int = 3) -> pd.DataFrame:
    """The coverage table of many reports in a few rows: reports counted by level, standards found and the gap's kind,
    most reports first, with the first few regions of each as examples."""
    if cover.empty:
        return pd.DataFrame(columns=["level", "standards found", "gap", "reports", "for example"])
    keyed = cover.assign(
        found=[f"{f} of {a}" for f, a in zip(cover["standards_found"], cover["standards_asked"])],
        gap=[gap_kind(reason) if reason else "" for reason in cover["gap_reason"]],
    )
    rows = [
        {"level": level, "standards found": found_text, "gap": gap, "reports": len(group),
         "for example": "、".join(group["region"].head(examples))}
        for (level, found_text, gap), group in keyed.groupby(["level", "found", "gap"], sort=False)
    ]  # fmt: skip
    return pd.DataFrame(rows).sort_values("reports", ascending=False, kind="stable").reset_index(drop=True)
