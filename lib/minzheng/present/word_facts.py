"""Facts for sentences about text measures: party vs service words, vocabulary checks."""

from __future__ import annotations

from typing import Any

import pandas as pd

from minzheng.english import join_words


def party_vs_service_facts(pvs: pd.DataFrame) -> dict[str, Any]:
    """Party-building against service-delivery vocabulary in numbers: who uses more of which, and the ranges."""
    if pvs.empty:
        return {
            "n": 0,
            "more": 0,
            "more_regions": "none",
            "pb_min": 0,
            "pb_min_region": "none",
            "pb_max": 0,
            "pb_max_region": "none",
            "sd_min": 0,
            "sd_min_region": "none",
            "sd_max": 0,
            "sd_max_region": "none",
        }
    more = list(pvs.loc[pvs["party_building_tokens"] > pvs["service_delivery_tokens"], "region"])

    def extreme(column: str, pick: str) -> tuple[float, str]:
        ordered = pvs.sort_values([column, "region"], ascending=[pick == "min", True], kind="mergesort")
        return float(ordered[column].iloc[0]), str(ordered["region"].iloc[0])

    pb_min, pb_min_region = extreme("party_building_per_10k_chars", "min")
    pb_max, pb_max_region = extreme("party_building_per_10k_chars", "max")
    sd_min, sd_min_region = extreme("service_delivery_per_10k_chars", "min")
    sd_max, sd_max_region = extreme("service_delivery_per_10k_chars", "max")
    return {
        "n": len(pvs),
        "more": len(more),
        "more_regions": join_words(more),
        "pb_min": pb_min,
        "pb_min_region": pb_min_region,
        "pb_max": pb_max,
        "pb_max_region": pb_max_region,
        "sd_min": sd_min,
        "sd_min_region": sd_min_region,
        "sd_max": sd_max,
        "sd_max_region": sd_max_region,
    }


def vocabulary_check_facts(check: pd.DataFrame, vocab: pd.DataFrame) -> dict[str, Any]:
    """The vocabulary check in numbers: terms in the lists, terms jieba splits, terms found in no report."""
    split = check[check["problem"] == "split"]
    absent = check[check["problem"] == "absent"]
    return {
        "terms": int(vocab["term"].nunique()),
        "split": len(split),
        "split_terms": "、".join(dict.fromkeys(split["term"])) or "none",
        "absent": int(absent["term"].nunique()),
        "absent_terms": "、".join(dict.fromkeys(absent["term"])) or "none",
    }
