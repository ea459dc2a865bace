"""A standard over time: 徐州's steps 670 → 709 → 742 → 760 in order, undated steps shown but not dated, and growth per
year computed between dated steps only, the national average beside it."""

from __future__ import annotations

import pandas as pd
import pytest

from minzheng.compare import standard_steps
from minzheng.read import reference

URBAN = "sa.dibao_standard_urban"


@pytest.fixture(scope="module")
def xuzhou():
    return standard_steps.steps(reference.load_standards(), "徐州市", URBAN)


@pytest.fixture(scope="module")
def national_urban():
    return standard_steps.averages(reference.load_national(), URBAN, ("全国", "江苏省"))


def test_xuzhou_steps_run_670_709_742_760_with_undated_steps_before_the_step_that_replaced_them(xuzhou):
    assert xuzhou["value"].tolist() == [670, 709, 742, 760]
    assert xuzhou["effective_from"].tolist() == ["", "2022-07-01", "", "2024-07-01"]
    assert xuzhou["known_in_force_before"].tolist() == ["2022-07-01", "", "2024-07-01", ""]
    assert xuzhou["change"].tolist()[1:] == [39, 33, 18]
    assert xuzhou["change_pct"].iloc[1] == pytest.approx(39 / 670 * 100)
    assert xuzhou["growth_per_year_pct"].isna().all()  # each pair has an undated step: no span to divide by
    assert (xuzhou["source_url"] != "").all() and (xuzhou["reliability"] != "").all()


def test_growth_per_year_is_compound_between_the_first_and_last_dated_steps(xuzhou, national_urban):
    growth = standard_steps.growth(xuzhou, national_urban).set_index("series")
    mine = growth.loc["徐州市 published standard (set by 徐州市, whole city)"]
    assert (mine["first_value"], mine["first_date"], mine["last_value"], mine["last_date"]) == (
        709,
        "2022-07-01",
        760,
        "2024-07-01",
    )
    assert mine["years"] == 2 and mine["growth_per_year_pct"] == pytest.approx(((760 / 709) ** 0.5 - 1) * 100)
    assert mine["rise_per_year"] == 25.5 and "(last ÷ first)^(1 ÷ years) − 1" in mine["method"]
    nation = growth.loc["national average"]
    assert (nation["first_value"], nation["last_value"]) == (684.1, 752)
    assert nation["years"] == pytest.approx(22 / 12)
    assert "江苏省 average" not in growth.index  # the reference holds no 江苏 average: no row is invented


def test_the_averages_beside_a_standard_are_its_codebook_counterpart_over_time(national_urban):
    assert national_urban["as_of"].tolist() == ["2021-03-31", "2022-03-31", "2023-01-31"]
    assert (national_urban["scope"] == "全国").all() and national_urban["ref"].str.startswith("national.csv:").all()
    assert standard_steps.averages(reference.load_national(), "sa.tekun_standard_urban").empty


def test_years_between_counts_whole_months_and_growth_needs_a_span():
    assert standard_steps.years_between(pd.Timestamp("2022-07-01"), pd.Timestamp("2024-07-01")) == 2
    assert standard_steps.years_between(pd.Timestamp("2021-03-31"), pd.Timestamp("2021-09-30")) == 0.5
    assert pd.isna(standard_steps.growth_per_year(700, 760, 0))


def test_regions_with_a_series_are_those_with_two_dated_steps():
    assert standard_steps.series_regions(reference.load_standards(), URBAN) == ["徐州市", "长沙县"]
