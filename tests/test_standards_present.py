"""Charts and sentences of published standards: a gap drawn, years marked, and every number of a sentence found in
the table it is built from; published standards and the reports' claims told apart."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from minzheng.compare import standard_steps, standards_coverage, standards_in_force  # noqa: E402
from minzheng.present import standards_charts, standards_prose  # noqa: E402
from minzheng.read import reference  # noqa: E402

URBAN, RURAL = "sa.dibao_standard_urban", "sa.dibao_standard_rural"
NUMBER = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def table(seed_corpus):
    standards, national = reference.load_standards(), reference.load_national()
    ids = standards_in_force.standard_ids(standards, "social_assistance")
    return standards_in_force.standards_in_force(seed_corpus, standards, national, ids)


@pytest.fixture(scope="module")
def xuzhou():
    steps = standard_steps.steps(reference.load_standards(), "徐州市", URBAN)
    averages = standard_steps.averages(reference.load_national(), URBAN)
    return steps, averages, standard_steps.growth(steps, averages)


def numbers(text: str) -> set[float]:
    """Every number written in a sentence (Markdown escapes removed, thousands separators dropped)."""
    return {float(n.replace(",", "")) for n in NUMBER.findall(text.replace("\\", ""))}


def test_the_region_by_standard_chart_draws_urban_and_rural_with_a_gap_and_the_years(table):
    fig = standards_charts.in_force_chart(table)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert len(axes) == 2 and "城市低保标准" in axes[0].get_title() and "农村低保标准" in axes[1].get_title()
    ticks = [t.get_text() for t in axes[0].get_xticklabels()]
    assert ticks[0] == "莒县\ncounty 县\nreport 2023" and ticks[2].endswith("report 2022")
    texts = [t.get_text() for t in axes[0].texts]
    assert standards_charts.GAP_TEXT in texts  # 莒县: a visible gap, no bar
    bar_labels = [t.get_text() for t in axes[0].texts if "2022-07-01" in t.get_text()]
    assert bar_labels == ["709\n2022-07-01"]
    tiers = [t.get_text() for t in axes[0].texts if "tier" in t.get_text()]
    assert tiers == ["590\n2020-07-01\ncounty tier", "630\n2020-07-01\ndistrict tier"]
    lines = [c for c in axes[0].collections if len(getattr(c, "get_segments", list)()) == 1]
    assert len(lines) == 6  # the national average across each of the 5 slots, and 湖南省's for 长沙县
    assert standards_charts.in_force_chart(table.iloc[:0]) is None


def test_the_step_chart_draws_dated_steps_undated_spans_the_average_and_the_report_year(xuzhou):
    steps, averages, _ = xuzhou
    fig = standards_charts.steps_chart(steps, averages, report_years=[2022])
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "709 (from 2022-07-01)" in texts and "760 (from 2024-07-01)" in texts
    assert "742 (before 2024-07-01; start date not in the source)" in texts
    assert "752 (2023-01-31)" in texts and "end of 2022 (report)" in texts
    assert standards_charts.steps_chart(steps.iloc[:0]) is None


def test_the_coverage_sentence_counts_regions_and_gives_the_gap_reason(table):
    sentence = standards_prose.coverage_sentence(standards_coverage.coverage(table))
    assert "found for 4 of 5 reports" in sentence and "not from the reports" in sentence
    assert "徐州市 (report of 2022: 4 of 5 standards, set by 徐州市, dated 2022\\-07\\-01, the same year" in sentence
    assert "莒县 (report of 2023) — gap: the reference holds no published standard for 莒县" in sentence


def test_every_number_of_the_in_force_sentence_is_in_the_table(table):
    sentence = standards_prose.in_force_sentence(table)
    rows = table[table["indicator"].isin([URBAN, RURAL])]
    allowed = set()
    for column in ("value", "value_stated", "national_value", "provincial_value", "years_apart", "year"):
        allowed |= {round(float(v), 1) for v in rows[column].dropna()}
    for column in ("effective_from", "national_as_of", "provincial_as_of", "source_title", "reliability"):
        allowed |= {n for text in rows[column] for n in numbers(str(text))}
    allowed |= {12.0}  # the divisor written out in a yearly standard's conversion
    assert numbers(sentence) <= allowed
    assert (
        "**709 元/人/月** (from 2022\\-07\\-01)" in sentence
        and "**350 元/人/月** (from 2018\\-09\\-01; 4,200" in sentence
    )
    assert "**590 元/人/月** (county tier, from 2020\\-07\\-01) and **630 元/人/月** (district tier" in sentence
    assert "湖南省 average 703 as of 2024\\-12\\-31" in sentence and "not the reports' claims" in sentence
    assert "No published standard for 莒县" in sentence


def test_the_claims_sentence_tells_the_reports_claim_from_the_published_standard_and_the_years_apart(table):
    sentence = standards_prose.claims_sentence(table)
    assert "**The reports' own claims:** 济宁市's report (of 2023) states the urban" in sentence
    assert (
        "**924 元/人/月** (achieved), which differs from the published standard 590 (county tier, from 2020" in sentence
    )
    assert "dated 3 years before the report's year (the reference holds no later step of 济宁市)" in sentence
    assert (
        "more than 1 元/人/月" in sentence and "The reports of 莒县, 兰陵县, 徐州市 and 长沙县 state none" in sentence
    )
    rows = table[table["indicator"].isin([URBAN, RURAL])]
    allowed = {round(float(v), 1) for c in ("value", "report_value", "year", "years_apart") for v in rows[c].dropna()}
    allowed |= {n for text in rows["effective_from"] for n in numbers(text)} | {1.0}
    assert numbers(sentence) <= allowed


def test_the_steps_sentence_gives_the_steps_and_the_growth_of_the_table(xuzhou):
    steps, _, growth = xuzhou
    sentence = standards_prose.steps_sentence(steps, growth)
    assert sentence.startswith("徐州市's published urban")
    assert "in 4 steps: 670 (in force before 2022\\-07\\-01, start date not in the source) → 709 (from 2022" in sentence
    mine = growth.iloc[0]
    assert f"**{round(mine['growth_per_year_pct'], 1)}% a year** (25.5 元/人/月 a year)" in sentence
    assert "national average: from 684.1 (2021\\-03\\-31) to 752 (2023\\-01\\-31)" in sentence
    assert "whole months between the two dates ÷ 12" in sentence
