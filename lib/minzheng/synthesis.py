"""Synthesis across reports: what each region states and leaves out per theme, theme emphasis, and findings with quotes.

Everything here is computed from `corpus.table()`, `corpus.indicators()`, the codebook and the text measures, so
sentences built from it stay true when reports are added or regions are filtered. Report text only ever reaches
Markdown through `plotting.md_text`, which escapes it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from minzheng.codebook import THEMES
from minzheng.plotting import is_planned, level_label, md_text

PARTY_TEXT_IDS = ("pb.brand", "pb.plus_model")
PARTY_NUMERIC_IDS = ("pb.study_sessions", "pb.demonstration_sites", "pb.charter_rate")
TEXT_KINDS = {"pb.brand": "brand 品牌", "pb.plus_model": "党建+X model", "sa.service_brand": "service brand 服务品牌"}
PER_PERSON_UNITS = ("元/人/月", "元/人/年")
QUOTE_WIDTH = 45
ELLIPSIS = "…"
EVIDENCE_COLUMNS = [
    "region", "level", "year", "indicator", "label_zh", "label_en", "raw", "value", "unit", "modality",
    "quote", "evidence", "document", "evidence_start", "evidence_end",
]


# --- small helpers -------------------------------------------------------------------------------


def kind_of(modality: object) -> str:
    """'target' for a planned figure, else 'achieved'."""
    return "target" if is_planned(modality) else "achieved"


def join_words(items: Sequence[str], empty: str = "none") -> str:
    """Join words as English prose: 'a', 'a and b', 'a, b and c' ('none' when empty)."""
    items = [str(i) for i in items]
    if not items:
        return empty
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def theme_title(theme: str) -> str:
    """A theme's bilingual title, e.g. '社会救助 Social assistance'."""
    zh, en = THEMES.get(theme, ("", theme))
    return f"{zh} {en}".strip()


def region_order(table: pd.DataFrame) -> list[str]:
    """Regions in corpus (manifest) order."""
    return list(table["region"])


def region_meta(table: pd.DataFrame) -> pd.DataFrame:
    """Level, year and genre by region."""
    return table.set_index("region")[["level", "year", "genre"]]


def output_folder(output_dir: str | Path | None, name: str) -> Path:
    """The folder a notebook writes its tables to: output_dir (or outputs/) / name, created."""
    from minzheng.compare import resolve_output_dir

    folder = resolve_output_dir(output_dir) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_tables(folder: str | Path, tables: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write each table as `<name>.csv` (UTF-8, fixed float format, \\n line ends), atomically; return the paths."""
    from minzheng.export import atomic_write, csv_bytes

    folder = Path(folder)
    return [atomic_write(folder / f"{name}.csv", csv_bytes(frame)) for name, frame in tables.items()]


# --- evidence quotes -----------------------------------------------------------------------------


def quote(evidence: str, raw: str = "", at: int | None = None, width: int = QUOTE_WIDTH, length: int | None = None) -> str:
    """The evidence sentence, cut to `width` characters either side of the figure with ellipses.

    The figure is found at offset `at` (spanning `length` characters) when given, else by searching for `raw`.
    """
    text = str(evidence)
    raw = str(raw or "")
    span = length if length is not None and length >= 0 else len(raw)
    if len(text) <= 2 * width + span:
        return text
    if at is None or not 0 <= at <= len(text):
        at, span = max(text.find(raw), 0) if raw else 0, len(raw)
    start, end = max(0, at - width), min(len(text), at + span + width)
    return (ELLIPSIS if start > 0 else "") + text[start:end] + (ELLIPSIS if end < len(text) else "")


def _raw_span(row: Any) -> tuple[int | None, int | None]:
    """Where the figure sits in its evidence sentence: (offset, length), or (None, None) when unknown."""
    try:
        return int(row["start"]) - int(row["evidence_start"]), int(row["end"]) - int(row["start"])
    except (KeyError, TypeError, ValueError):
        return None, None


def evidence_table(indicators: pd.DataFrame, ids: Iterable[str] | None = None, regions: Iterable[str] | None = None,
                   per_region: int | None = None, width: int = QUOTE_WIDTH) -> pd.DataFrame:
    """The figures of the given indicators (all when None) with a short quote of their evidence sentence.

    Rows keep the corpus order (document, then position); `per_region` keeps the figures of the first n distinct
    evidence sentences of each region. Every row carries the document and the evidence offsets, so each quote can
    be found in the clean text.
    """
    frame = indicators
    if ids is not None:
        ids = list(ids)
        frame = frame[frame["indicator"].isin(ids)]
    if regions is not None:
        frame = frame[frame["region"].isin(list(regions))]
    if per_region is not None:
        frame = frame.drop_duplicates(["region", "evidence_start"]).groupby("region", sort=False).head(per_region)
    frame = frame.copy()
    frame["modality"] = frame["modality"].map(kind_of) if len(frame) else frame.get("modality")
    frame["quote"] = [quote(row["evidence"], row["raw"], *_raw_span(row)[:1], width=width, length=_raw_span(row)[1]) for _, row in frame.iterrows()]
    return frame.reindex(columns=EVIDENCE_COLUMNS).reset_index(drop=True)


def quote_lines(evidence: pd.DataFrame, what: str = "label_zh") -> str:
    """Evidence rows as an escaped Markdown bullet list: region (level, year, achieved/target), what, and the quote."""
    lines = []
    for _, row in evidence.iterrows():
        label = row.get(what, "")
        lines.append(md_text(
            "- **{region}** ({level}, {year}, {modality}) — {label}: “{quote}”" if isinstance(label, str) and label
            else "- **{region}** ({level}, {year}, {modality}): “{quote}”",
            region=row["region"], level=level_label(row["level"]), year=_year(row["year"]),
            modality=row.get("modality", "") or "text", quote=row["quote"], label=label,
        ))
    return "\n".join(lines)


def _year(value: object) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return "year unknown"


# --- party building (notebook 04) ----------------------------------------------------------------


def party_names(indicators: pd.DataFrame, ids: Sequence[str] = PARTY_TEXT_IDS) -> pd.DataFrame:
    """Party-building brands and 党建+X models: region, level, year, kind, name, modality, quote and the full evidence."""
    frame = evidence_table(indicators, ids)
    frame.insert(3, "kind", frame["indicator"].map(TEXT_KINDS))
    frame = frame.rename(columns={"raw": "name"})
    return frame[["region", "level", "year", "kind", "name", "modality", "quote", "indicator", "evidence", "document", "evidence_start", "evidence_end"]]


def party_names_by_region(names: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """One row per report: the brands and the 党建+X models it names ('—' when none), in text order."""
    rows = []
    for region in region_order(table):
        mine = names[names["region"] == region]
        meta = region_meta(table).loc[region]
        brands = list(dict.fromkeys(mine.loc[mine["indicator"] == "pb.brand", "name"]))
        models = list(dict.fromkeys(mine.loc[mine["indicator"] == "pb.plus_model", "name"]))
        rows.append({
            "region": region, "level": level_label(meta["level"]), "year": meta["year"], "genre": meta["genre"],
            "brands": "；".join(brands) or "—", "党建+X models": "；".join(models) or "—",
            "n_brands": len(brands), "n_models": len(models),
        })
    return pd.DataFrame(rows)


def comparable_regions(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame) -> list[str]:
    """Regions whose achieved figures of an indicator have a partner at the same administrative level (≥2 per level)."""
    achieved = indicators[(indicators["indicator"] == indicator) & ~indicators["modality"].map(is_planned)]
    levels = dict(zip(table["region"], table["level"]))
    stated = [r for r in region_order(table) if r in set(achieved["region"])]
    per_level = pd.Series([levels[r] for r in stated], dtype=object).value_counts()
    return [r for r in stated if per_level.get(levels[r], 0) >= 2]


def figure_statements(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame) -> dict[str, Any]:
    """What the reports state for one numeric indicator, for a sentence: who states it, at which level, and why no chart."""
    rows = indicators[indicators["indicator"] == indicator]
    regions = [r for r in region_order(table) if r in set(rows["region"])]
    comparable = comparable_regions(indicators, indicator, table)
    levels = dict(zip(table["region"], table["level"]))
    years = dict(zip(table["region"], table["year"]))
    described = [f"{r} ({level_label(levels[r])}, {_year(years[r])})" for r in regions]
    if comparable:
        reason = ""
    elif not regions:
        reason = "no report states it"
    elif len(regions) == 1:
        reason = "only one report states it"
    elif rows["modality"].map(is_planned).all():
        reason = "every figure stated is a target"
    else:
        reason = "no two reports of the same administrative level state it as achieved"
    return {"regions": regions, "described": join_words(described), "n": len(regions), "comparable": comparable, "reason": reason}


def party_figure_chart(indicators: pd.DataFrame, indicator: str, regions: Sequence[str], codebook: pd.DataFrame) -> Any:
    """plotting.region_bar of one indicator for the given regions, titled with its labels, with room above for the legend."""
    from minzheng.compare import shorten
    from minzheng.plotting import region_bar

    label = codebook.set_index("id").loc[indicator]
    figure = region_bar(chart_rows(indicators, indicator, regions), title=f"{label['label_zh']}\n{shorten(label['label_en'], 48)}", unit=label["unit"])
    ax = figure.axes[0]
    ax.title.set_fontsize(10)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.25)
    return figure


def chart_rows(indicators: pd.DataFrame, indicator: str, regions: Sequence[str]) -> pd.DataFrame:
    """Rows for plotting.region_bar: the regions' figures, the region label carrying the year of the report."""
    rows = indicators[(indicators["indicator"] == indicator) & indicators["region"].isin(list(regions))].copy()
    rows["region"] = [f"{r} {_year(y)}" for r, y in zip(rows["region"], rows["year"])]
    return rows


# --- coverage per theme (notebook 05) ------------------------------------------------------------


def coverage_by_theme(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per report and theme: the codebook indicators it states (achieved, or only as targets) and those it leaves out.

    A left-out indicator means *not stated in this report*, never zero.
    """
    labels = dict(zip(codebook["id"], codebook["label_zh"]))
    rows = []
    for region in region_order(table):
        meta = region_meta(table).loc[region]
        mine = indicators[indicators["region"] == region]
        planned = mine["modality"].map(is_planned) if len(mine) else pd.Series(dtype=bool)
        achieved_ids = set(mine.loc[~planned, "indicator"]) if len(mine) else set()
        stated_ids = set(mine["indicator"])
        for theme in THEMES:
            ids = list(codebook.loc[codebook["theme"] == theme, "id"])
            stated = [i for i in ids if i in stated_ids]
            target_only = [i for i in stated if i not in achieved_ids]
            left_out = [i for i in ids if i not in stated_ids]
            rows.append({
                "region": region, "level": meta["level"], "year": meta["year"], "genre": meta["genre"],
                "theme": theme, "theme_label": theme_title(theme), "indicators": len(ids), "stated": len(stated),
                "achieved": len(stated) - len(target_only), "target_only": len(target_only),
                "figures": int(mine["indicator"].isin(ids).sum()),
                "share_stated": round(len(stated) / len(ids), 3) if ids else 0.0,
                "reports": "、".join(labels[i] + ("（target）" if i in target_only else "") for i in stated) or "—",
                "leaves_out": "、".join(labels[i] for i in left_out) or "—",
                "stated_ids": " ".join(stated), "target_only_ids": " ".join(target_only), "left_out_ids": " ".join(left_out),
            })
    return pd.DataFrame(rows)


def coverage_summary(coverage: pd.DataFrame) -> pd.DataFrame:
    """One row per report, one column per theme: 'stated of indicators' (targets-only counted in brackets)."""
    out = []
    for region, group in coverage.groupby("region", sort=False):
        row = {"region": region, "level": level_label(group["level"].iloc[0]), "year": group["year"].iloc[0]}
        for r in group.itertuples():
            cell = f"{r.stated} of {r.indicators}"
            row[r.theme_label] = cell + (f" ({r.target_only} target only)" if r.target_only else "")
        out.append(row)
    return pd.DataFrame(out)


def coverage_by_theme_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """The coverage for reading theme by theme: theme, region, level, year, what the report states and what it leaves out."""
    order = {theme: i for i, theme in enumerate(THEMES)}
    frame = coverage.assign(order=coverage["theme"].map(order)).sort_values("order", kind="mergesort")
    frame = frame.assign(level=frame["level"].map(level_label))
    return frame[["theme_label", "region", "level", "year", "reports", "leaves_out"]].rename(
        columns={"theme_label": "theme", "reports": "states", "leaves_out": "leaves out"}).reset_index(drop=True)


def theme_matrix(coverage: pd.DataFrame) -> pd.DataFrame:
    """Themes (rows, 'title (n indicators)') × regions (columns): the number of codebook indicators each report states."""
    frame = coverage.copy()
    frame["row"] = [f"{t} ({n})" for t, n in zip(frame["theme_label"], frame["indicators"])]
    matrix = frame.pivot_table(index="row", columns="region", values="stated", sort=False, aggfunc="first")
    matrix = matrix.reindex(index=list(dict.fromkeys(frame["row"])), columns=list(dict.fromkeys(frame["region"])))
    matrix.index.name, matrix.columns.name = "theme", "region"
    return matrix.fillna(0).astype(int)


def theme_coverage_chart(coverage: pd.DataFrame, *, title: str = "") -> Any:
    """plotting.coverage_heatmap of themes × reports, on a figure sized for the long bilingual theme labels."""
    import matplotlib.pyplot as plt

    from minzheng.plotting import coverage_heatmap

    matrix = theme_matrix(coverage)
    sizes = coverage.drop_duplicates("theme")
    matrix.index = [f"{THEMES[t][0]} ({n})\n{THEMES[t][1]}" for t, n in zip(sizes["theme"], sizes["indicators"])]
    _, ax = plt.subplots(figsize=(max(7.0, 1.0 * matrix.shape[1] + 5.0), max(3.0, 0.7 * len(matrix) + 1.5)))
    return coverage_heatmap(matrix, title=title, ax=ax)


def theme_facts(coverage: pd.DataFrame) -> dict[str, Any]:
    """Coverage in numbers: themes every report touches, themes some report leaves blank, and who leaves what blank."""
    regions = list(dict.fromkeys(coverage["region"]))
    touched = coverage.groupby("theme", sort=False)["stated"].apply(lambda s: int((s > 0).sum()))
    blank = coverage[coverage["stated"] == 0]
    blanks = [f"{r.region} states nothing on {THEMES[r.theme][1].lower()}" for r in blank.itertuples()]
    achieved_blank = coverage[(coverage["stated"] > 0) & (coverage["achieved"] == 0)]
    return {
        "regions": len(regions),
        "themes": len(touched),
        "themes_all": int((touched == len(regions)).sum()),
        "themes_all_names": join_words([THEMES[t][1].lower() for t in touched.index if touched[t] == len(regions)]),
        "blanks": join_words(blanks, empty="every report states something on every theme"),
        "target_only_themes": join_words([f"{r.region} on {THEMES[r.theme][1].lower()}" for r in achieved_blank.itertuples()], empty="none"),
    }


# --- emphasis profiles ---------------------------------------------------------------------------


def emphasis_profiles(shares: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """Per report and theme: vocabulary tokens per 10,000 chars and as a share of the five themes' tokens, beside the
    share of the report's figures in the theme. Each report's two profiles sum to 1 over the five themes."""
    themed = shares[shares["theme"].isin(THEMES)].copy()
    totals = themed.groupby("region", sort=False)["count"].transform("sum")
    themed["vocabulary_profile"] = np.where(totals > 0, themed["count"] / totals.where(totals > 0, 1), 0.0)
    figures = coverage.set_index(["region", "theme"])["figures"]
    themed["figures"] = [int(figures.get((r, t), 0)) for r, t in zip(themed["region"], themed["theme"])]
    fig_totals = themed.groupby("region", sort=False)["figures"].transform("sum")
    themed["figures_profile"] = np.where(fig_totals > 0, themed["figures"] / fig_totals.where(fig_totals > 0, 1), 0.0)
    themed["theme_label"] = themed["theme"].map(theme_title)
    out = themed[["region", "level", "year", "genre", "theme", "theme_label", "count", "per_10k_chars", "vocabulary_profile", "figures", "figures_profile"]]
    out = out.rename(columns={"count": "vocabulary_tokens", "per_10k_chars": "vocabulary_per_10k_chars"})
    out = out.assign(
        vocabulary_per_10k_chars=out["vocabulary_per_10k_chars"].round(1),
        vocabulary_profile=out["vocabulary_profile"].round(3),
        figures_profile=out["figures_profile"].round(3),
    )
    return out.reset_index(drop=True)


def profile_matrix(profiles: pd.DataFrame, value: str = "vocabulary_profile") -> pd.DataFrame:
    """Regions (rows) × theme titles (columns) of one profile column."""
    matrix = profiles.pivot_table(index="region", columns="theme_label", values=value, sort=False, aggfunc="first")
    return matrix.reindex(index=list(dict.fromkeys(profiles["region"])), columns=list(dict.fromkeys(profiles["theme_label"])))


def leading_themes(profiles: pd.DataFrame) -> pd.DataFrame:
    """Per report: the theme with most vocabulary and the theme with most figures (ties: codebook order)."""
    rows = []
    for region, group in profiles.groupby("region", sort=False):
        by_words = group.loc[group["vocabulary_profile"].idxmax()] if group["vocabulary_profile"].max() > 0 else None
        by_figures = group.loc[group["figures_profile"].idxmax()] if group["figures_profile"].max() > 0 else None
        rows.append({
            "region": region, "level": level_label(group["level"].iloc[0]), "year": group["year"].iloc[0],
            "most vocabulary": f"{by_words['theme_label']} ({by_words['vocabulary_profile']:.0%})" if by_words is not None else "—",
            "most figures": f"{by_figures['theme_label']} ({by_figures['figures_profile']:.0%})" if by_figures is not None else "—",
            "theme_by_vocabulary": by_words["theme"] if by_words is not None else "",
            "theme_by_figures": by_figures["theme"] if by_figures is not None else "",
        })
    return pd.DataFrame(rows)


def profile_heatmap(matrix: pd.DataFrame, table: pd.DataFrame, *, title: str = "", ax: Any = None) -> Any:
    """Heatmap of a profile: themes (rows) × reports (columns, with level), shares written as percentages.

    `matrix` is profile_matrix's regions × themes; it is drawn transposed so the long theme titles have room.
    Each column sums to 100%.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    from minzheng.plotting import region_tick

    levels = dict(zip(table["region"], table["level"]))
    drawn = matrix.T
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6.0, 1.1 * drawn.shape[1] + 4.5), max(3.0, 0.7 * len(drawn) + 1.5)))
    values = drawn.to_numpy(dtype=float)
    annotations = drawn.map(lambda v: f"{v:.0%}" if pd.notna(v) else "")
    sns.heatmap(
        values, ax=ax, vmin=0, vmax=max(0.5, float(np.nanmax(values))) if values.size else 0.5,
        cmap="Blues", annot=annotations.to_numpy(), fmt="", linewidths=0.5, linecolor="#d9d9d9",
        xticklabels=[region_tick(r, levels.get(r, "")) for r in drawn.columns],
        yticklabels=[title_lines(t) for t in drawn.index],
        cbar=False, annot_kws={"fontsize": 8},
    )
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", labelrotation=0, length=0, labelsize=8.5)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title, pad=12)
    return ax.figure


def title_lines(title: str) -> str:
    """A bilingual theme title on two lines: Chinese, then English."""
    zh, _, en = title.partition(" ")
    return f"{zh}\n{en}" if en else zh


# --- findings ------------------------------------------------------------------------------------


@dataclass
class Finding:
    """A data-built finding: a trusted Markdown template, the data values it is filled with, and its evidence rows."""

    key: str
    template: str
    values: dict[str, Any] = field(default_factory=dict)
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EVIDENCE_COLUMNS))
    what: str = "label_zh"

    def text(self) -> str:
        """The sentence as escaped Markdown."""
        return md_text(self.template, **self.values)

    def plain(self) -> str:
        """The sentence as plain text (for CSV)."""
        return self.template.replace("**", "").format(**{k: str(v) for k, v in self.values.items()})

    def markdown(self) -> str:
        """The sentence followed by its evidence quotes, all escaped."""
        quotes = quote_lines(self.evidence, self.what)
        return self.text() + ("\n\n" + quotes if quotes else "")


def shared_indicator_finding(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Which indicator most reports state, how many indicators two or more reports share, with one quote per report."""
    n = len(table)
    numeric = codebook[codebook["kind"] == "number"]
    stated_by = indicators.groupby("indicator")["region"].nunique().reindex(numeric["id"]).fillna(0).astype(int)
    best = stated_by.idxmax() if len(stated_by) and stated_by.max() > 0 else None
    row = codebook.set_index("id").loc[best] if best else None
    evidence = evidence_table(indicators, [best], per_region=1) if best else evidence_table(indicators.iloc[0:0])
    return Finding(
        "shared_figures",
        "**The reports share themes more than figures.** Of the {indicators} numeric codebook indicators, {two} are stated "
        "by two or more of the {n} reports and {all} by all of them; the most widely stated, {zh} ({en}), appears in {k}. "
        "Its evidence, one sentence per report:",
        {"indicators": len(numeric), "two": int((stated_by >= 2).sum()), "n": n, "all": int((stated_by == n).sum()) if n else 0,
         "zh": row["label_zh"] if row is not None else "none", "en": row["label_en"] if row is not None else "none",
         "k": f"{int(stated_by.max()) if best else 0} of {n} reports"},
        evidence,
    )


def party_names_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """How many reports name a party-building brand or 党建+X model, and how many state a party-building figure."""
    regions = region_order(table)
    named = [r for r in regions if r in set(indicators.loc[indicators["indicator"].isin(PARTY_TEXT_IDS), "region"])]
    counted = [r for r in regions if r in set(indicators.loc[indicators["indicator"].isin(PARTY_NUMERIC_IDS), "region"])]
    neither = [r for r in regions if r not in named and r not in counted]
    evidence = evidence_table(indicators, PARTY_TEXT_IDS, per_region=1)
    n_names = int(indicators["indicator"].isin(PARTY_TEXT_IDS).sum())
    n_figures = int(indicators["indicator"].isin(PARTY_NUMERIC_IDS).sum())
    lead = ("Party building is named more often than it is measured." if n_names > n_figures
            else "Party building is measured at least as often as it is named.")
    return Finding(
        "party_names",
        "**{lead}** The reports give {n_names} brand or 党建+X model names against {n_figures} party-building figures. "
        "{named} of {n} reports name a party-building brand or a 党建+X model ({named_regions}); {counted} of {n} state "
        "a party-building figure ({counted_regions}); {neither_text}. The first name in each report:",
        {"lead": lead, "n_names": n_names, "n_figures": n_figures, "named": len(named), "n": len(regions), "named_regions": join_words(named), "counted": len(counted),
         "counted_regions": join_words(counted), "neither_text": f"{join_words(neither)} states neither" if neither else "every report states one or the other"},
        evidence,
    )


def standards_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Which reports state per-person standards (元/人/月), the figures that compare across levels."""
    rows = indicators[indicators["unit"].isin(PER_PERSON_UNITS) & ~indicators["modality"].map(is_planned)]
    regions = [r for r in region_order(table) if r in set(rows["region"])]
    shared = rows.groupby("indicator")["region"].nunique()
    shared_ids = list(shared[shared >= 2].index)
    evidence = evidence_table(rows, per_region=2)
    if len(regions) >= 2 and shared_ids:
        verdict = f"{len(shared_ids)} of these standards are stated by two or more reports and can be set side by side (years permitting)"
    elif regions:
        verdict = "no standard is stated by two reports, so not even these can be compared here"
    else:
        verdict = "so the one kind of figure that compares across levels is missing from every report"
    return Finding(
        "per_person_standards",
        "**Per-person standards, the figures that compare across administrative levels, are rare.** {k} of {n} reports "
        "state an achieved standard per person (元/人/月): {who}; {verdict}. Evidence:",
        {"k": len(regions), "n": len(table), "who": f"{join_words(regions)}, {len(rows)} figures" if regions else "none", "verdict": verdict},
        evidence,
    )


def targets_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Reports whose figures are mostly targets rather than results, with their target sentences."""
    regions = region_order(table)
    planned = indicators["modality"].map(is_planned) if len(indicators) else pd.Series(dtype=bool)
    share = indicators.assign(planned=planned).groupby("region")["planned"].mean().reindex(regions)
    mostly = [r for r in regions if pd.notna(share.get(r)) and share[r] >= 0.5]
    all_targets = [r for r in mostly if share[r] == 1.0]
    with_targets = [r for r in regions if pd.notna(share.get(r)) and share[r] > 0]
    shown = mostly or with_targets
    evidence = evidence_table(indicators[planned], regions=shown, per_region=2) if shown else evidence_table(indicators.iloc[0:0])
    return Finding(
        "targets",
        "**Achieved and planned figures must be kept apart.** {t} of the {f} figures are targets or plans; "
        "{mostly_text}. Evidence:",
        {"t": int(planned.sum()), "f": len(indicators),
         "mostly_text": (f"in {join_words(mostly)} at least half the figures are targets"
                         + (f" ({join_words(all_targets)}: all of them)" if all_targets else "")
                         + ", so these reports say what will be done, not what was done")
         if mostly else "no report consists mostly of targets"},
        evidence,
    )


def party_vocabulary_finding(pvs: pd.DataFrame, corpus: Iterable[Any], party_terms: Sequence[str]) -> Finding:
    """Reports where party-building vocabulary outnumbers service-delivery vocabulary, with their densest party-building sentence."""
    from minzheng.textmeasures import densest_sentences

    more = list(pvs.loc[pvs["party_building_tokens"] > pvs["service_delivery_tokens"], "region"])
    dense = densest_sentences([r for r in corpus if r.region in set(more)], party_terms)
    evidence = pd.DataFrame({
        "region": dense["region"], "level": dense["level"], "year": dense["year"],
        "label_zh": [f"{n} party-building tokens" for n in dense["terms_found"]], "modality": "text",
        "quote": [quote(s, width=QUOTE_WIDTH * 2) for s in dense["sentence"]],
    }).reindex(columns=EVIDENCE_COLUMNS)
    evidence["modality"] = "text"
    top = pvs.sort_values(["party_to_service_ratio", "region"], ascending=[False, True], kind="mergesort").iloc[0] if len(pvs) else None
    return Finding(
        "party_vocabulary",
        "**In {k} of {n} reports party-building words outnumber service-delivery words** ({regions}); the ratio is "
        "highest in {top} ({ratio} party-building tokens per service-delivery token). The sentence richest in "
        "party-building vocabulary in each of them:",
        {"k": len(more), "n": len(pvs), "regions": join_words(more), "top": top["region"] if top is not None else "none",
         "ratio": top["party_to_service_ratio"] if top is not None else 0},
        evidence,
    )


def findings(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame, pvs: pd.DataFrame | None = None,
             corpus: Iterable[Any] | None = None, party_terms: Sequence[str] = ()) -> list[Finding]:
    """Every finding the synthesis states, each with its evidence; a finding with no evidence sentence to show is left out."""
    found = [
        shared_indicator_finding(indicators, codebook, table),
        party_names_finding(indicators, table),
        standards_finding(indicators, table),
        targets_finding(indicators, table),
    ]
    if pvs is not None and corpus is not None and party_terms:
        found.append(party_vocabulary_finding(pvs, corpus, party_terms))
    return [item for item in found if not item.evidence.empty]


def findings_frame(items: Sequence[Finding]) -> pd.DataFrame:
    """The findings for CSV: one row per evidence quote (or one row when a finding has none)."""
    rows = []
    for number, item in enumerate(items, start=1):
        base = {"finding": number, "key": item.key, "statement": item.plain()}
        if item.evidence.empty:
            rows.append(base)
        for _, ev in item.evidence.iterrows():
            rows.append({**base, **{k: ev.get(k) for k in ("region", "level", "year", "indicator", "raw", "modality", "quote", "document", "evidence_start", "evidence_end")}})
    columns = ["finding", "key", "statement", "region", "level", "year", "indicator", "raw", "modality", "quote", "document", "evidence_start", "evidence_end"]
    return pd.DataFrame(rows, columns=columns)


def show_finding(item: Finding) -> Any:
    """A finding and its quotes, displayable in a notebook (escaped Markdown)."""
    from IPython.display import Markdown

    return Markdown(item.markdown())


# --- caveats -------------------------------------------------------------------------------------


def caveat_lines(table: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """The limits of the comparison, each an escaped Markdown bullet built from the corpus."""
    levels = dict(zip(table["region"], table["level"]))
    counties = [r for r in region_order(table) if levels[r] == "county"]
    cities = [r for r in region_order(table) if levels[r] == "prefecture-level city"]
    years = pd.to_numeric(table["year"], errors="coerce")
    by_year = "; ".join(f"{int(y)}: {join_words(list(g['region']))}" for y, g in table.assign(y=years).dropna(subset=["y"]).groupby("y", sort=True))
    genres = "; ".join(f"{g}: {join_words(list(grp['region']))}" for g, grp in table.groupby("genre", sort=False) if g)
    planned = indicators["modality"].map(is_planned) if len(indicators) else pd.Series(dtype=bool)
    by_region = indicators.assign(p=planned).groupby("region", sort=False)["p"].sum() if len(indicators) else pd.Series(dtype=int)
    targets = "; ".join(f"{r}: {int(by_region[r])}" for r in region_order(table) if by_region.get(r, 0))
    converted = table[table["converted"].astype(bool)] if "converted" in table else table.iloc[0:0]
    conversions = []
    for row in converted.itertuples():
        corrupted = sum("corrupted" in p for p in str(row.problems or "").split("; ") if p)
        conversions.append(f"{row.region} (converted from traditional script" + (f"; {corrupted} corrupted span(s) removed, so a sentence there may be incomplete)" if corrupted else ")"))
    lines = [
        md_text("- **Administrative level.** {c} from counties 县 ({cn}) and {p} from prefecture-level cities 地级市 ({pn}). "
                "A city's totals include its counties, so counts, money and beds compare only within a level.",
                c=f"{len(counties)} report{'s' if len(counties) != 1 else ''}", cn=join_words(counties),
                p=f"{len(cities)} report{'s' if len(cities) != 1 else ''}", pn=join_words(cities)),
        md_text("- **Years.** The reports refer to {span} ({by_year}); standards rise every year and programmes change, so "
                "differences between years are not differences between regions.",
                span=f"{int(years.min())}–{int(years.max())}" if years.notna().any() else "unknown years", by_year=by_year or "none"),
        md_text("- **Genres.** {genres}. A conference report sets tasks, a news feature tells stories, an overview lists "
                "honours: what a genre leaves out says little about what the bureau did.", genres=genres or "not recorded"),
        md_text("- **Achieved vs target.** {t} of {f} figures are targets or plans ({targets}); they are marked as targets "
                "wherever they appear and never counted as results.",
                t=int(planned.sum()), f=len(indicators), targets=targets or "none"),
    ]
    if conversions:
        lines.append(md_text("- **Script.** {items}: measures on that text read the converted characters.", items="; ".join(conversions)))
    lines.append(md_text(
        "- **Not stated is not zero.** An indicator a report leaves out may exist and simply not be reported; "
        "the codebook and the word lists are this project's, and jieba's segmentation decides what counts as a word."))
    return lines


def caveats(table: pd.DataFrame, indicators: pd.DataFrame) -> Any:
    """The caveats as displayable Markdown."""
    from IPython.display import Markdown

    return Markdown("\n".join(caveat_lines(table, indicators)))


# --- facts for sentences -------------------------------------------------------------------------


def corpus_facts(table: pd.DataFrame) -> dict[str, Any]:
    """The reports in words: how many, which regions with level and year."""
    described = [f"{r.region} ({level_label(r.level)}, {_year(r.year)})" for r in table.itertuples()]
    return {"reports": f"{len(table)} report{'s' if len(table) != 1 else ''}", "described": join_words(described)}


def party_names_facts(by_region: pd.DataFrame) -> dict[str, Any]:
    """Brands and 党建+X models in numbers: reports naming any, total names, reports naming none."""
    named = by_region[(by_region["n_brands"] + by_region["n_models"]) > 0]
    silent = list(by_region.loc[(by_region["n_brands"] + by_region["n_models"]) == 0, "region"])
    most = by_region.assign(total=by_region["n_brands"] + by_region["n_models"]).sort_values(
        ["total"], ascending=False, kind="mergesort").iloc[0] if len(by_region) else None
    return {
        "named": len(named), "n": len(by_region), "brands": int(by_region["n_brands"].sum()),
        "models": int(by_region["n_models"].sum()),
        "model_regions": join_words(list(by_region.loc[by_region["n_models"] > 0, "region"])),
        "silent": join_words(silent, empty="none") if silent else "none",
        "most_region": most["region"] if most is not None else "none",
        "most_count": int(most["total"]) if most is not None else 0,
    }


def figure_note(indicators: pd.DataFrame, indicator: str, table: pd.DataFrame, codebook: pd.DataFrame) -> Any:
    """A sentence on one numeric indicator: who states it (level, year), and whether a chart follows or why not."""
    from minzheng.plotting import md

    row = codebook.set_index("id").loc[indicator]
    facts = figure_statements(indicators, indicator, table)
    if facts["comparable"]:
        tail = ("The chart sets side by side the reports of one administrative level that state it as achieved "
                "({who}); each bar is the first figure the report gives, with the report's year in the label.")
        return md("**{zh}** ({en}, {unit}) is stated by {described}. " + tail, zh=row["label_zh"], en=row["label_en"],
                  unit=row["unit"], described=facts["described"] or "no report", who=join_words(facts["comparable"]))
    return md("**{zh}** ({en}, {unit}) is stated by {described}. No chart: {reason}; the table above gives the figure with "
              "its evidence.", zh=row["label_zh"], en=row["label_en"], unit=row["unit"],
              described=facts["described"] if facts["n"] else "no report", reason=facts["reason"])


def emphasis_facts(leading: pd.DataFrame) -> dict[str, Any]:
    """How often the theme with most vocabulary is also the theme with most figures, and which theme leads most often."""
    agree = leading[(leading["theme_by_vocabulary"] != "") & (leading["theme_by_vocabulary"] == leading["theme_by_figures"])]
    counts = leading["theme_by_vocabulary"][leading["theme_by_vocabulary"] != ""].value_counts()
    top = sorted(counts.index, key=lambda t: (-counts[t], list(THEMES).index(t)))[0] if len(counts) else ""
    return {
        "n": len(leading), "agree": len(agree), "agree_regions": join_words(list(agree["region"]), empty="none"),
        "top_theme": theme_title(top) if top else "none", "top_count": int(counts.get(top, 0)) if top else 0,
    }


def similarity_facts(pairs: pd.DataFrame) -> dict[str, Any]:
    """The most and least similar pairs of reports, and mean similarity within and across administrative levels."""
    if pairs.empty:
        return {"pairs": 0, "top": "none", "top_value": 0.0, "top_same": "", "bottom": "none", "bottom_value": 0.0,
                "bottom_same": "", "same_level_mean": "no pair", "cross_level_mean": "no pair", "same_genre_pairs": "no pair"}
    top, bottom = pairs.iloc[0], pairs.iloc[-1]

    def alike(row: pd.Series) -> str:
        same = [k for k in ("level", "year", "genre") if row.get(f"same_{k}", False)]
        return "same " + join_words(same) if same else "different level, year and genre"

    def mean(mask: pd.Series) -> str:
        return f"{pairs.loc[mask, 'similarity'].mean():.2f}" if mask.any() else "no pair"

    return {
        "pairs": len(pairs), "top": f"{top['region_a']} and {top['region_b']}", "top_value": float(top["similarity"]),
        "top_same": alike(top), "bottom": f"{bottom['region_a']} and {bottom['region_b']}",
        "bottom_value": float(bottom["similarity"]), "bottom_same": alike(bottom),
        "same_level_mean": mean(pairs["same_level"]), "cross_level_mean": mean(~pairs["same_level"]),
        "same_genre_pairs": f"{int(pairs['same_genre'].sum())} pair{'s' if int(pairs['same_genre'].sum()) != 1 else ''}",
    }
