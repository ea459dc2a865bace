"""Views that fit the corpus size: the rules every table and chart follows to show a handful of regions side by side and
many as distributions and summaries, and the e-mail's cut of a long table (its whole stays in the researcher page).

With up to SIDE_BY_SIDE_MAX regions a table has a column per region and a chart a bar per region, as the notebooks
were first written for five seeds. With more, a chart shows the distribution by administrative level (box and points,
small multiples, one panel per indicator), a table the counts and quantiles by level, and the regions at either end
with their evidence. The e-mail shows at most EMAIL_ROWS rows of any table: a longer one is cut to its first rows, or
for figures to the top and bottom regions of each indicator, and says where the rest is."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from minzheng.english import level_label
from minzheng.extract.modality import is_planned

# Regions shown side by side (a column or a bar each); more are shown as distributions and summaries.
SIDE_BY_SIDE_MAX = 12


# Reports drawn as the rows or columns of a heatmap (coverage, profiles, similarity); more are summarised.
HEATMAP_MAX = 30


# Rows of a table the e-mail shows; a longer table is cut there (whole in the researcher page and the data export).
EMAIL_ROWS = 30


# Rows beyond which a table is cut in the e-mail even when it is about a handful of regions.
LONG_TABLE = 400


# Regions named at each end of a distribution (top and bottom), each with its evidence.
ENDS = 3


# Panels per row of small multiples.
PANEL_COLUMNS = 3


# Columns that name what a row of a figure table is about, in order of preference: its top and bottom are per group.
GROUP_COLUMNS = ("label_zh", "indicator", "mechanism", "theme", "kind")


GROUP_WORDS = {
    "label_zh": "indicator",
    "indicator": "indicator",
    "mechanism": "mechanism",
    "theme": "theme",
    "kind": "kind",
}


WHERE_WHOLE = (
    "the researcher page of this notebook (html/, with code) and the data export (data/indicators.csv and .xlsx, and "
    "the notebook's CSV tables) hold every row"
)


@dataclass(frozen=True)
class View:
    """How a page shows a number of regions: side by side or as distributions, and whether heatmaps fit."""

    regions: int
    side_by_side: bool
    heatmap: bool

    @property
    def kind(self) -> str:
        """'side by side' or 'distribution'."""
        return "side by side" if self.side_by_side else "distribution"


def view_for(regions: int) -> View:
    """The view of a page comparing `regions` regions (or reports)."""
    return View(regions, regions <= SIDE_BY_SIDE_MAX, regions <= HEATMAP_MAX)


def side_by_side(regions: int) -> bool:
    """Whether `regions` regions are shown a column or a bar each."""
    return view_for(regions).side_by_side


def group_column(frame: pd.DataFrame) -> str | None:
    """The column a long table's rows are grouped by for its e-mail cut (indicator, mechanism …), if any."""
    return next((c for c in GROUP_COLUMNS if c in frame.columns and frame[c].nunique() > 1), None)


def ends_of(frame: pd.DataFrame, value: str = "value", group: str | None = None, n: int = ENDS) -> pd.DataFrame:
    """The top and bottom `n` rows by value of each group (each row once, highest first), in group order."""
    if frame.empty or value not in frame.columns:
        return frame.head(0)
    parts = []
    groups = frame.groupby(group, sort=False) if group else [(None, frame)]
    for _, rows in groups:
        ranked = rows.assign(_v=pd.to_numeric(rows[value], errors="coerce")).sort_values(
            "_v", ascending=False, kind="mergesort", na_position="last"
        )
        ranked = ranked.dropna(subset=["_v"])
        picked = ranked if len(ranked) <= 2 * n else pd.concat([ranked.head(n), ranked.tail(n)])
        parts.append(picked.drop(columns="_v"))
    return pd.concat(parts) if parts else frame.head(0)


def email_cut(frame: pd.DataFrame, rows: int = EMAIL_ROWS) -> tuple[pd.DataFrame, str] | None:
    """What the e-mail shows of a long table of many regions and the sentence that says so; None when the e-mail shows
    it whole (short, or about a handful of regions and not very long).

    A table of figures (a `value` column and an indicator or label) keeps the top and bottom regions of each group
    with their evidence; any other keeps its first rows."""
    regions = frame["region"].nunique() if "region" in frame.columns else 0
    if len(frame) <= rows or (regions <= SIDE_BY_SIDE_MAX and len(frame) <= LONG_TABLE):
        return None  # a handful of regions keep every row (the seeds' pages read as they always have)
    group = group_column(frame)
    if "value" in frame.columns and "region" in frame.columns:
        groups = frame[group].nunique() if group else 1
        n = max(1, min(ENDS, rows // (2 * max(1, groups))))
        shown = ends_of(frame, "value", group, n)
        if 0 < len(shown) <= rows:
            what = f"the {n} highest and {n} lowest of {'each ' + GROUP_WORDS[group] if group else 'the figures'}"
            return shown, f"This e-mail shows {what} ({len(shown):,} of {len(frame):,} rows); {WHERE_WHOLE}."
    shown = frame.head(rows)
    return shown, f"This e-mail shows the first {len(shown):,} of {len(frame):,} rows; {WHERE_WHOLE}."


def level_quantiles(frame: pd.DataFrame, value: str = "value", by: tuple[str, ...] = ("level",)) -> pd.DataFrame:
    """Counts and quantiles of a value per group: n, min, quartiles, median, max (NaN-free values only)."""
    rows = frame.assign(_v=pd.to_numeric(frame[value], errors="coerce")).dropna(subset=["_v"])
    if rows.empty:
        return pd.DataFrame(columns=[*by, "n", "min", "q1", "median", "q3", "max"])
    grouped = rows.groupby(list(by), sort=False)["_v"]
    out = grouped.agg(n="count", min="min", max="max", median="median")
    out["q1"], out["q3"] = grouped.quantile(0.25), grouped.quantile(0.75)
    return out[["n", "min", "q1", "median", "q3", "max"]].reset_index()


SPREAD_COLUMNS = [
    "indicator",
    "unit",
    "level",
    "regions",
    "targets",
    "min",
    "q1",
    "median",
    "q3",
    "max",
    "lowest",
    "highest",
]


def spread_table(frame: pd.DataFrame, ids: list[str] | tuple[str, ...], labels: dict[str, str]) -> pd.DataFrame:
    """The figures of many regions summarised: per indicator, unit and administrative level, how many regions state
    an achieved figure and how many only a target, the quartiles of the achieved figures and the regions at either end
    ('—' where no region states the indicator)."""
    out = []
    for indicator in ids:
        mine = frame[frame["indicator"] == indicator] if len(frame) else frame
        if mine.empty:
            out.append({"indicator": labels.get(indicator, indicator), "unit": "", "level": "—", "regions": 0})
            continue
        planned = mine["modality"].map(is_planned)
        for (unit, level), group in mine.assign(_planned=planned).groupby(["unit", "level"], sort=False):
            done = group[~group["_planned"]].sort_values("value", kind="mergesort")
            row = {"indicator": labels.get(indicator, indicator), "unit": unit, "level": level_label(level)}
            row["regions"] = int(done["region"].nunique())
            row["targets"] = int(group.loc[group["_planned"], "region"].nunique())
            if len(done):
                values = done["value"].astype(float)
                row |= {"min": values.min(), "q1": values.quantile(0.25), "median": values.median()}
                row |= {"q3": values.quantile(0.75), "max": values.max()}
                row |= {"lowest": done["region"].iloc[0], "highest": done["region"].iloc[-1]}
            out.append(row)
    table = pd.DataFrame(out, columns=SPREAD_COLUMNS)
    for column in ("regions", "targets"):
        table[column] = table[column].fillna(0).astype(int)
    return table


def region_columns_summary(frame: pd.DataFrame, regions: list[str]) -> pd.DataFrame:
    """A table with a column per region (counts), summarised for many regions: the other columns, then how many regions
    have a count above zero, the median and the largest count, and the region with it."""
    columns = [r for r in regions if r in frame.columns]
    out = frame.drop(columns=columns).reset_index(drop=True)
    counts = frame[columns].reset_index(drop=True)
    out["regions using it"] = (counts > 0).sum(axis=1)
    out["median per region"] = counts.median(axis=1)
    out["largest"] = counts.max(axis=1)
    out["largest in"] = counts.idxmax(axis=1) if len(columns) else ""
    return out


# Characters of one text output (Markdown) the e-mail shows; a longer one is cut at a line or clause (whole in the
# researcher page). The seeds' longest is under 4,000.
EMAIL_TEXT_CHARS = 8_000


def email_text(markdown: str, limit: int = EMAIL_TEXT_CHARS) -> str:
    """A long Markdown text cut for the e-mail at the last line break, else the last clause, before `limit`, with a
    sentence saying where the whole is; a short one unchanged."""
    if len(markdown) <= limit:
        return markdown
    head = markdown[:limit]
    cut = head.rfind("\n")
    if cut < limit // 2:
        cut = max(head.rfind("; "), head.rfind("。"), head.rfind(". "))
    head = head[: cut if cut > 0 else limit].rstrip()
    if head.count("**") % 2:
        head += "**"
    return head + f" … *(cut for the e-mail after {len(head):,} of {len(markdown):,} characters; {WHERE_WHOLE}.)*"


# Lines (one per report: a standard in force, a per-1,000 figure, a claim) a sentence of many reports gives as
# examples; the rest are counted, and the notebook's saved table holds every one.
EXAMPLE_LINES = 5


def example_lines(lines: list[str], regions: int, limit: int = EXAMPLE_LINES) -> tuple[list[str], int]:
    """The lines a page gives of a list with a line per report, and how many it leaves out: every line for a handful
    of regions (side by side), the first `limit` for many."""
    if side_by_side(regions) or len(lines) <= limit:
        return lines, 0
    return lines[:limit], len(lines) - limit


def where_every(table: str) -> str:
    """'the notebook's table standards_in_force.csv holds every one, as do the researcher page and the data export'."""
    return f"the notebook's table {table}.csv holds every one, as do the researcher page (html/) and the data export (data/)"


def rest_note(left_out: int, table: str) -> str:
    """'… and 495 more: the notebook's table standards_in_force.csv holds every one, …' ('' when none is left out)."""
    return f"… and {left_out:,} more: {where_every(table)}." if left_out else ""


def reason_kind(reason: object, kinds: tuple[tuple[str, str], ...]) -> str:
    """The kind of a gap's reason, for counting reports by reason: of (template, kind) pairs, the kind of the longest
    template whose fixed start the reason's first clause begins with; else the reason without its 'gap: ' mark."""
    first = str(reason).split("; ")[0]
    matched = [(len(t.split("{")[0]), kind) for t, kind in kinds if first.startswith(t.split("{")[0])]
    return max(matched)[1] if matched else str(reason).removeprefix("gap: ")


def reason_groups(reasons: list[str], regions: list[str]) -> list[tuple[str, list[str]]]:
    """Reports grouped by their reason (a gap's kind), most reports first (ties: first seen): (reason, regions)."""
    groups: dict[str, list[str]] = {}
    for reason, region in zip(reasons, regions):
        groups.setdefault(reason, []).append(region)
    return sorted(groups.items(), key=lambda item: -len(item[1]))


# Reports up to which the synthesis saves the whole similarity matrix and every pair (the seeds: 5 reports, 10 pairs);
# beyond, each report's NEAREST most similar others and the summary of every pair (2,000 reports have 1,999,000 pairs).
SIMILARITY_ALL_MAX = 100


NEAREST = 10


def nearest_neighbours(reports: int) -> int | None:
    """How many nearest neighbours per report the similarity tables keep: None (every pair) up to SIMILARITY_ALL_MAX
    reports, else NEAREST."""
    return None if reports <= SIMILARITY_ALL_MAX else NEAREST
