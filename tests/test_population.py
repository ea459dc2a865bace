"""Per-capita figures use the region's own population of the right kind and a near date, and say why not."""

from __future__ import annotations

import pandas as pd
import pytest

from minzheng.compare import benchmarks, population
from minzheng.read import reference


@pytest.fixture(scope="module")
def people():
    return reference.load_population()


def figure(region, level="county", period=2023, value=1000.0):
    """A one-row figure table of elderly-care beds."""
    frame = pd.DataFrame(
        [
            {
                "region": region,
                "level": level,
                "year": period,
                "period": period,
                "indicator": "ec.beds",
                "label_zh": "养老床位",
                "label_en": "elderly-care beds",
                "value": value,
                "unit": "张",
                "modality": "achieved",
                "evidence": "",
            }
        ]
    )
    frame["period"] = pd.array(frame["period"], dtype="Int64")
    return frame


def test_a_registered_population_is_never_used_as_the_resident_population(people):
    row = benchmarks.per_thousand(figure("莒县"), people, population.RESIDENTS, parents={"莒县": "日照市"}).iloc[0]
    assert pd.isna(row["per_1000"]) and pd.isna(row["population"])
    assert row["status"] == population.STATUS_REGISTERED and "1,166,400" in row["population_note"]


def test_a_parent_citys_share_or_count_is_named_as_the_reason_and_never_used(people):
    lanling = benchmarks.per_thousand(
        figure("兰陵县", period=2021), people, population.AGED_60, parents={"兰陵县": "临沂市"}
    )
    assert pd.isna(lanling["per_1000"].item())
    assert lanling["status"].item() == (
        "gap: only the parent city's figure (临沂市 share_aged_60_plus 19.63 % as of 2020-11-01), not this region's own"
    )
    changsha = benchmarks.per_thousand(
        figure("长沙县", period=2024), people, population.AGED_60, parents={"长沙县": "长沙市"}
    )
    assert (
        pd.isna(changsha["per_1000"].item()) and "长沙市 population_aged_60_plus 1,540,300" in changsha["status"].item()
    )


def test_a_prefecture_level_citys_count_is_never_set_against_a_county_population(people):
    city = benchmarks.per_thousand(figure("临沂市", level="prefecture-level city", period=2020), people)
    assert city["population"].item() == 11018400  # its own, not 兰陵县's 1,104,391
    only_counties = people[people["region"] == "兰陵县"]
    alone = benchmarks.per_thousand(figure("临沂市", level="prefecture-level city"), only_counties)
    assert pd.isna(alone["per_1000"].item()) and alone["status"].item() == population.STATUS_GAP
    county = benchmarks.per_thousand(figure("兰陵县", period=2021), people[people["region"] == "临沂市"])
    assert pd.isna(county["per_1000"].item())


def test_the_population_nearest_the_figures_period_is_used(people):
    assert population.population_row(people, "济宁市", population.RESIDENTS, 2023)["as_of"] == "2023-12-31"
    assert population.population_row(people, "济宁市", population.RESIDENTS, 2020)["as_of"] == "2020-11-01"
    assert population.population_row(people, "徐州市", population.RESIDENTS, 2022)["value"] == 9018500
    assert population.population_row(people, "徐州市", population.RESIDENTS)["as_of"] == "2022-12-31"


def test_a_population_too_far_from_the_period_is_a_gap_with_the_distance(people):
    row = benchmarks.per_thousand(figure("兰陵县", period=2030), people).iloc[0]
    assert pd.isna(row["per_1000"]) and row["status"].startswith("gap: the nearest population (2020-11-01) is 10 years")
    kept = benchmarks.per_thousand(figure("兰陵县", period=2030), people, max_years_apart=None).iloc[0]
    assert kept["per_1000"] == pytest.approx(1000 / 1104391 * 1000) and kept["years_apart"] == 10


def test_two_copies_that_disagree_are_both_named(people):
    row = benchmarks.per_thousand(figure("日照市", level="prefecture-level city"), people).iloc[0]
    assert row["population"] == 2948200 and "2,968,300" in row["population_note"]


def test_availability_gives_every_report_its_population_or_the_reason(seed_corpus, people):
    table = population.availability(people, seed_corpus.table()).set_index(["region", "denominator"])
    assert table.loc[("徐州市", population.AGED_60), "population"] == 1772436
    assert table.loc[("兰陵县", population.AGED_60), "status"].startswith("gap: only the parent city's figure (临沂市")
    assert table.loc[("莒县", population.RESIDENTS), "status"] == population.STATUS_REGISTERED
    assert table.loc[("济宁市", population.AGED_60), "status"] == population.STATUS_GAP
    assert table.loc[("长沙县", population.RESIDENTS), "as_of"] == "2023-12-31"


def test_every_report_gets_beds_per_1000_older_residents_or_the_reason(seed_corpus, people):
    table = seed_corpus.table()
    stocks = pd.concat([figure("莒县", value=1740.0), figure("徐州市", "prefecture-level city", 2022, 5000.0)])
    per = benchmarks.per_capita(stocks, people, parents=population.parents_of(table))
    available = population.availability(people, table)
    older = population.by_report(per, available, "ec.beds", population.AGED_60).set_index("region")
    assert list(older.index) == list(table["region"])
    assert older.loc["徐州市", "per_1000"] == pytest.approx(5000 / 1772436 * 1000)
    assert older.loc["徐州市", "population_ref"] == "population.csv:3" and older.loc["徐州市", "reliability"]
    assert older.loc["莒县", "status"] == population.STATUS_GAP and pd.isna(older.loc["莒县", "per_1000"])
    assert older.loc["兰陵县", "status"].startswith(population.NO_FIGURE.format(label="elderly-care beds"))
    assert "parent city's figure (临沂市" in older.loc["兰陵县", "status"]
    view = population.availability_view(available).set_index("region")
    assert view.loc["徐州市", "aged 60+"] == "1,772,436" and view.loc["莒县", "residents"] == "gap"
