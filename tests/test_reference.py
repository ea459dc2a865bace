"""Reference data: populations and national averages with their sources; per-capita figures that never fill a gap."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from minzheng import paths
from minzheng.codebook import section_ids
from minzheng.compare import benchmarks, figure_tables
from minzheng.present import reference_prose
from minzheng.read import reference


@pytest.fixture(scope="module")
def population():
    return reference.load_population()


@pytest.fixture(scope="module")
def national():
    return reference.load_national()


@pytest.fixture(scope="module")
def capacity(seed_corpus):
    return figure_tables.figure_table(
        seed_corpus.indicators(), section_ids("elderly_care", "capacity"), seed_corpus.table()
    )


def test_population_and_national_load_with_numeric_values_and_source_columns(population, national):
    for frame in (population, national):
        assert {"value", "unit", "as_of", "source_title", "source_url", "reliability"} <= set(frame.columns)
        assert frame["value"].dtype == "float64" and frame["value"].notna().all()
        assert (frame["source_title"] != "").all() and (frame["reliability"] != "").all()
    assert set(population["region"]) >= {"徐州市", "济宁市", "兰陵县", "长沙县"}
    # 莒县 has only a registered (户籍) population, which is never used as a resident population
    assert set(population.loc[population["region"] == "莒县", "indicator"]) == {"registered_population"}


def test_per_capita_divides_by_the_reference_population_and_carries_its_source(capacity, population):
    beds = figure_tables.subset(capacity, ["ec.beds"])
    result = benchmarks.per_thousand(beds, population, benchmarks.RESIDENTS).set_index("region")
    jining = result.loc["济宁市"]  # the year-end estimate of the figure's own year, not the 2020 census
    assert jining["per_1000"] == pytest.approx(67000 / 8240500 * 1000)
    assert jining["population"] == 8240500 and jining["population_as_of"] == "2023-12-31"
    assert (
        "2023年济宁市国民经济和社会发展统计公报" in jining["source_title"]
        and jining["reliability"] == "third-party copy"
    )
    assert jining["status"] == benchmarks.STATUS_COMPUTED and jining["years_apart"] == 0
    assert jining["population_ref"] == "population.csv:17"
    assert jining["per_1000_unit"] == "张 per 1,000 residents"


def test_a_region_without_a_reference_row_gets_nan_and_is_listed_as_a_gap(capacity, population):
    result = benchmarks.per_capita(figure_tables.subset(capacity, ["ec.beds"]), population)
    juxian = result[result["region"] == "莒县"]
    assert len(juxian) == 2 and juxian["per_1000"].isna().all() and juxian["population"].isna().all()
    assert juxian["status"].str.startswith("gap").all() and (juxian["source_title"] == "").all()
    assert "莒县" in benchmarks.gap_regions(result)
    # 济宁市 has residents but no count of residents aged 60+: a gap for that denominator only
    assert benchmarks.gap_regions(result, benchmarks.AGED_60) == ["莒县", "济宁市"]
    assert benchmarks.gap_regions(result, benchmarks.RESIDENTS) == ["莒县"]


def test_a_gap_is_never_filled_from_another_region_or_the_nation(capacity, population):
    one_region = population[population["region"] == "徐州市"]
    result = benchmarks.per_capita(figure_tables.subset(capacity, ["ec.beds"]), one_region)
    assert result["per_1000"].isna().all()
    assert set(benchmarks.gaps(result)["region"]) == {"莒县", "济宁市"}


def test_gap_sentence_names_each_region_and_missing_population(capacity, population):
    result = benchmarks.per_capita(figure_tables.subset(capacity, ["ec.beds"]), population)
    sentence = reference_prose.gap_sentence(result, ["莒县", "济宁市"])
    assert "no population for 莒县 \\(residents aged 60\\+\\); 济宁市 \\(residents aged 60\\+\\)" in sentence
    assert "莒县 \\(residents\\): only a registered \\(户籍\\) population" in sentence
    assert "NaN" in sentence and "not filled" in sentence.lower()


def test_closest_national_row_is_the_nearest_date_and_the_later_on_ties(national):
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", 2023)["value"] == 752
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", 2022)["value"] == 722
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", 2021)["value"] == 684.1
    # 湖南省's 2024 average is a province's, never taken for the national one
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", 2024)["value"] == 752
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", 2024, "湖南省")["value"] == 703
    assert benchmarks.closest_national(national, "dibao_standard_urban_average", None)["as_of"] == "2023-01-31"
    assert benchmarks.closest_national(national, "no_such_indicator", 2023) is None


def test_national_comparison_sets_dibao_standards_against_the_average_with_its_source(seed_corpus, national):
    std = figure_tables.figure_table(
        seed_corpus.indicators(), section_ids("social_assistance", "standards"), seed_corpus.table()
    )
    versus = benchmarks.national_comparison(std, national).set_index("indicator")
    urban = versus.loc["sa.dibao_standard_urban"]
    assert urban["value"] == 924 and urban["national_value"] == 752 and urban["national_as_of"] == "2023-01-31"
    assert urban["ratio_to_national"] == pytest.approx(924 / 752)
    assert "民政部2023年一季度新闻发布会" in urban["source_title"] and urban["reliability"]
    assert versus.loc["sa.dibao_standard_rural", "national_value"] == 582
    # tekun standards have no national counterpart in the reference file
    assert set(versus.index) == {"sa.dibao_standard_urban", "sa.dibao_standard_rural"}


def test_national_sentence_says_plainly_when_only_one_region_states_the_standard(seed_corpus, national):
    std = figure_tables.figure_table(
        seed_corpus.indicators(), section_ids("social_assistance", "standards"), seed_corpus.table()
    )
    sentence = reference_prose.national_sentence(benchmarks.national_comparison(std, national), seed_corpus.regions)
    assert sentence.startswith("Only 济宁市 states these standards")
    assert "**924 元/人/月**" in sentence and "1.23 times" in sentence and "2023\\-01\\-31" in sentence
    assert "news relay of official press conference" in sentence


def test_national_sentence_says_when_the_reference_holds_no_average_for_the_standards(seed_corpus, national):
    std = figure_tables.figure_table(
        seed_corpus.indicators(), section_ids("social_assistance", "standards"), seed_corpus.table()
    )
    tekun = figure_tables.subset(std, ["sa.tekun_standard_urban"])
    sentence = reference_prose.national_sentence(
        benchmarks.national_comparison(tekun, national), seed_corpus.regions, tekun
    )
    assert "holds no average" in sentence and "济宁市" in sentence


def test_orphan_allowances_are_set_against_the_national_averages_of_the_codebook_counterpart(seed_corpus, national):
    std = figure_tables.figure_table(
        seed_corpus.indicators(), section_ids("child_protection", "standards"), seed_corpus.table()
    )
    versus = benchmarks.national_comparison(std, national).set_index("indicator")
    assert versus.loc["cp.orphan_standard_institutional", "national_value"] == 1792.8
    assert versus.loc["cp.orphan_standard_dispersed", "national_as_of"] == "2023-03-31"
    assert versus.loc["cp.orphan_standard_dispersed", "national_ref"] == "national.csv:13"


def test_national_ratio_pairs_measures_of_the_same_date_and_names_both_sources(national):
    ratio = benchmarks.national_ratio(national, "elderly_care_beds", benchmarks.AGED_60)
    assert list(ratio["as_of"]) == ["2022-12-31", "2023-12-31"]
    assert ratio["per_1000"].tolist() == pytest.approx([8294000 / 280040000 * 1000, 8230000 / 296970000 * 1000])
    assert ";" in ratio.loc[0, "sources"]  # two different sources for 2022
    assert benchmarks.national_ratio(national, "elderly_care_beds", "no_such_population").empty


def test_national_ratio_sentence_says_no_region_can_be_set_against_it_without_a_60_plus_population(
    capacity, population, national
):
    per = benchmarks.per_capita(figure_tables.subset(capacity, ["ec.beds"]), population)
    sentence = reference_prose.national_ratio_sentence(
        benchmarks.national_ratio(national, "elderly_care_beds", benchmarks.AGED_60), per, "ec.beds", benchmarks.AGED_60
    )
    assert "29.6 as of 2022\\-12\\-31" in sentence and "No region in this selection" in sentence


def test_reference_dir_prefers_the_corpus_own_reference_folder(tmp_path):
    assert reference.reference_dir(None) == paths.REFERENCE_DIR
    assert reference.reference_dir(tmp_path) == paths.REFERENCE_DIR
    own = tmp_path / "reference"
    own.mkdir()
    (own / reference.POPULATION_FILE).write_text(
        "region,indicator,value,unit,as_of,source_title,source_url,reliability\n"
        "测试县,resident_population,1000,人,2020-11-01,test source,http://example.org,test\n",
        encoding="utf-8",
    )
    assert reference.reference_dir(tmp_path) == own
    assert reference.load_population(own)["region"].tolist() == ["测试县"]
    assert reference.load_national(own).empty


def test_a_reference_file_without_its_columns_is_refused(tmp_path):
    (tmp_path / reference.POPULATION_FILE).write_text("region,value\n莒县,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        reference.load_population(tmp_path)


def test_non_numeric_or_zero_populations_are_not_used(capacity):
    bad = pd.DataFrame(
        [
            {
                "region": "济宁市",
                "indicator": benchmarks.RESIDENTS,
                "value": 0.0,
                "unit": "人",
                "as_of": "2020-11-01",
                "source_title": "s",
                "source_url": "",
                "reliability": "r",
            },
            {
                "region": "莒县",
                "indicator": benchmarks.RESIDENTS,
                "value": math.nan,
                "unit": "人",
                "as_of": "2020-11-01",
                "source_title": "s",
                "source_url": "",
                "reliability": "r",
            },
        ]
    )
    result = benchmarks.per_thousand(figure_tables.subset(capacity, ["ec.beds"]), bad)
    assert result["per_1000"].isna().all() and (result["status"] == benchmarks.STATUS_GAP).all()


def test_reference_files_live_under_the_seeds_reference_folder():
    assert Path(paths.REFERENCE_DIR, reference.POPULATION_FILE).is_file()
    assert Path(paths.REFERENCE_DIR, reference.NATIONAL_FILE).is_file()
