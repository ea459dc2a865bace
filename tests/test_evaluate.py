"""Accuracy against the hand-annotated gold files."""

from __future__ import annotations

import pandas as pd
import pytest

from minzheng.evaluate import Scores, evaluate, format_report, load_gold, match_rows

F1_FLOOR = 0.95
ATTRIBUTE_FLOOR = 0.95


@pytest.fixture(scope="module")
def result(seed_corpus):
    gold = load_gold()
    return evaluate(seed_corpus.indicators(), gold)


def test_gold_covers_every_seed_and_uses_codebook_ids(seed_corpus):
    from minzheng.codebook import load_codebook

    gold = load_gold()
    assert set(gold["document"]) == set(seed_corpus.table()["file"])
    assert set(gold["indicator"]) <= set(load_codebook()["id"])


def test_f1_on_the_seeds_stays_above_the_floor(result):
    assert result["overall"].f1 >= F1_FLOOR, format_report(result)


@pytest.mark.parametrize("theme", ["social_assistance", "elderly_care", "child_protection", "party_building"])
def test_each_theme_keeps_f1_above_the_floor(result, theme):
    assert result["per_theme"][theme].f1 >= F1_FLOOR, format_report(result)


@pytest.mark.parametrize("attribute", ["unit", "qualifier", "modality"])
def test_attribute_accuracy_on_matched_rows_stays_above_the_floor(result, attribute):
    assert result["accuracy"][attribute] >= ATTRIBUTE_FLOOR, format_report(result)


def test_scores_are_computed_from_counts():
    scores = Scores(matched=8, predicted=10, gold=16)
    assert (scores.precision, scores.recall) == (0.8, 0.5)
    assert scores.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


def test_matching_pairs_each_gold_row_once_and_compares_names_across_scripts():
    predicted = pd.DataFrame(
        [
            {"document": "a.txt", "indicator": "ec.beds", "value": 10.0, "raw": "10张"},
            {"document": "a.txt", "indicator": "ec.beds", "value": 10.0, "raw": "10张"},
            {"document": "a.txt", "indicator": "pb.brand", "value": float("nan"), "raw": "紅心 向黨"},
        ]
    )
    gold = pd.DataFrame(
        [
            {"document": "a.txt", "indicator": "ec.beds", "value": 10.0, "raw": "10张"},
            {"document": "a.txt", "indicator": "pb.brand", "value": float("nan"), "raw": "“红心向党”"},
            {"document": "a.txt", "indicator": "ec.nursing_beds", "value": 5.0, "raw": "5张"},
        ]
    )
    pairs, spurious, missed = match_rows(predicted, gold)
    assert pairs == [(0, 0), (2, 1)] and spurious == [1] and missed == [2]


def test_evaluate_command_prints_scores_misses_and_spurious_rows():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "minzheng", "evaluate"], capture_output=True, text=True, check=True)
    assert "overall" in result.stdout and "missed (" in result.stdout and "spurious (" in result.stdout
    assert "attribute accuracy on matched rows: unit" in result.stdout


def test_a_missed_row_counts_under_its_codebook_theme_when_nothing_predicted_shares_its_id():
    predicted = pd.DataFrame(
        [
            {
                "document": "a.txt",
                "indicator": "ec.beds",
                "theme": "elderly_care",
                "value": 10.0,
                "raw": "10张",
                "unit": "张",
                "qualifier": "exact",
                "modality": "achieved",
                "period": "2024",
            }
        ]
    )
    gold = pd.DataFrame(
        [
            {
                "document": "a.txt",
                "indicator": "ec.beds",
                "value": 10.0,
                "raw": "10张",
                "unit": "张",
                "qualifier": "exact",
                "modality": "achieved",
                "period": "2024",
            },
            {
                "document": "a.txt",
                "indicator": "cp.vulnerable_child_standard",
                "value": 600.0,
                "raw": "600元",
                "unit": "元/人/月",
                "qualifier": "at_least",
                "modality": "achieved",
                "period": "2024",
            },
        ]
    )
    result = evaluate(predicted, gold)
    assert result["per_theme"]["child_protection"].gold == 1
    assert "cp" not in result["per_theme"]
