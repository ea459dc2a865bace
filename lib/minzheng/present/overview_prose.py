"""Sentences of the corpus overview: cleaning summaries and how sparse shared figures are."""

from __future__ import annotations

from minzheng.english import noun


def sparsity_verdict(same_level_year: int) -> str:
    """Say in words how much like-for-like comparison the shared figures allow."""
    if same_level_year == 0:
        return "not possible for a single figure"
    if same_level_year <= 3:
        return f"possible for only {noun(same_level_year, 'figure')}"
    return f"possible for {noun(same_level_year, 'figure')}"
