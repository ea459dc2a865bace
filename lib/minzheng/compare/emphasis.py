"""Emphasis profiles: each report's vocabulary shares and figure counts per theme, and the facts they support."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from minzheng.codebook import THEMES
from minzheng.compare.views import nearest_neighbours
from minzheng.english import join_words, level_label, theme_title
from minzheng.words.similarity import least_similar_pair, pair_summary, similarity_pairs


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
    out = themed[
        [
            "region",
            "level",
            "year",
            "genre",
            "theme",
            "theme_label",
            "count",
            "per_10k_chars",
            "vocabulary_profile",
            "figures",
            "figures_profile",
        ]
    ]
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
    return matrix.reindex(
        index=list(dict.fromkeys(profiles["region"])), columns=list(dict.fromkeys(profiles["theme_label"]))
    )


def leading_themes(profiles: pd.DataFrame) -> pd.DataFrame:
    """Per report: the theme with most vocabulary and the theme with most figures (ties: codebook order)."""
    rows = []
    for region, group in profiles.groupby("region", sort=False):
        by_words = group.loc[group["vocabulary_profile"].idxmax()] if group["vocabulary_profile"].max() > 0 else None
        by_figures = group.loc[group["figures_profile"].idxmax()] if group["figures_profile"].max() > 0 else None
        rows.append(
            {
                "region": region,
                "level": level_label(group["level"].iloc[0]),
                "year": group["year"].iloc[0],
                "most vocabulary": f"{by_words['theme_label']} ({by_words['vocabulary_profile']:.0%})"
                if by_words is not None
                else "—",
                "most figures": f"{by_figures['theme_label']} ({by_figures['figures_profile']:.0%})"
                if by_figures is not None
                else "—",
                "theme_by_vocabulary": by_words["theme"] if by_words is not None else "",
                "theme_by_figures": by_figures["theme"] if by_figures is not None else "",
            }
        )
    return pd.DataFrame(rows)


def emphasis_facts(leading: pd.DataFrame) -> dict[str, Any]:
    """How often the theme with most vocabulary is also the theme with most figures, and which theme leads most often."""
    agree = leading[
        (leading["theme_by_vocabulary"] != "") & (leading["theme_by_vocabulary"] == leading["theme_by_figures"])
    ]
    counts = leading["theme_by_vocabulary"][leading["theme_by_vocabulary"] != ""].value_counts()
    top = sorted(counts.index, key=lambda t: (-counts[t], list(THEMES).index(t)))[0] if len(counts) else ""
    return {
        "n": len(leading),
        "agree": len(agree),
        "agree_regions": join_words(list(agree["region"]), empty="none"),
        "top_theme": theme_title(top) if top else "none",
        "top_count": int(counts.get(top, 0)) if top else 0,
    }


def similarity_facts(pairs: pd.DataFrame) -> dict[str, Any]:
    """The most and least similar pairs of reports, and mean similarity within and across administrative levels."""
    if pairs.empty:
        return {
            "pairs": 0,
            "top": "none",
            "top_value": 0.0,
            "top_same": "",
            "bottom": "none",
            "bottom_value": 0.0,
            "bottom_same": "",
            "same_level_mean": "no pair",
            "cross_level_mean": "no pair",
            "same_genre_pairs": "no pair",
        }
    top, bottom = pairs.iloc[0], pairs.iloc[-1]

    def alike(row: pd.Series) -> str:
        same = [k for k in ("level", "year", "genre") if row.get(f"same_{k}", False)]
        return "same " + join_words(same) if same else "different level, year and genre"

    def mean(mask: pd.Series) -> str:
        return f"{pairs.loc[mask, 'similarity'].mean():.2f}" if mask.any() else "no pair"

    return {
        "pairs": len(pairs),
        "top": f"{top['region_a']} and {top['region_b']}",
        "top_value": float(top["similarity"]),
        "top_same": alike(top),
        "bottom": f"{bottom['region_a']} and {bottom['region_b']}",
        "bottom_value": float(bottom["similarity"]),
        "bottom_same": alike(bottom),
        "same_level_mean": mean(pairs["same_level"]),
        "cross_level_mean": mean(~pairs["same_level"]),
        "same_genre_pairs": f"{int(pairs['same_genre'].sum())} pair{'s' if int(pairs['same_genre'].sum()) != 1 else ''}",
    }


def similarity_tables(sim: pd.DataFrame, table: pd.DataFrame | None = None) -> tuple[dict[str, pd.DataFrame], dict]:
    """The similarity tables a notebook saves and the facts its sentence states (similarity_facts, and `kept`: what the
    tables keep, '' when whole). Up to views.SIMILARITY_ALL_MAX reports: the whole matrix and every pair; beyond, each
    report's views.NEAREST nearest neighbours and the summary of every pair, the facts still computed on every pair."""
    nearest = nearest_neighbours(len(sim))
    if nearest is None:
        pairs = similarity_pairs(sim, table)
        return {"similarity": sim.reset_index(), "similarity_pairs": pairs}, similarity_facts(pairs) | {"kept": ""}
    pairs, summary = similarity_pairs(sim, table, nearest), pair_summary(sim, table)
    facts = similarity_facts(pd.concat([pairs.head(1), least_similar_pair(sim, table)], ignore_index=True))
    groups = summary.set_index("pairs_of")
    mean = {name: f"{groups.at[name, 'mean']:.2f}" if groups.at[name, "pairs"] else "no pair" for name in groups.index}
    genre = int(groups.at["same genre", "pairs"]) if "same genre" in groups.index else 0
    facts |= {
        "pairs": f"{int(groups.at['all pairs', 'pairs']):,}",
        "same_level_mean": mean.get("same level", "no pair"),
        "cross_level_mean": mean.get("different levels", "no pair"),
        "same_genre_pairs": f"{genre:,} pair{'s' if genre != 1 else ''}",
        "kept": f"With {len(sim):,} reports, similarity_pairs.csv keeps each report's {nearest} most similar others "
        f"({len(pairs):,} pairs) and similarity_summary.csv summarises all of them; the whole matrix is not saved.",
    }
    return {"similarity_pairs": pairs, "similarity_summary": summary}, facts
