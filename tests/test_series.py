"""Several reports per region: the cross-section (newest per region, or all under labels), the reports it leaves out,
the regions with a series, the series table and its changes, and the sentences that say so."""

from __future__ import annotations

import pandas as pd
import pytest

from minzheng.compare import series
from minzheng.corpus import load_corpus
from minzheng.errors import MinzhengError
from minzheng.present import series_prose

from .conftest import row, write_manifest
from .helpers import LANLING_2022_FILE, seeds_with_second_lanling

SOCIAL = series.theme_number_ids("social_assistance")


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """The seeds plus a second 兰陵县 report, for 2022."""
    return load_corpus(seeds_with_second_lanling(tmp_path_factory.mktemp("series") / "corpus"), strict=True)


def test_the_latest_cross_section_takes_the_newest_report_of_each_region_in_manifest_order(two_years):
    latest = two_years.select("latest")
    assert latest.regions == ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]
    assert latest["兰陵县"].file == LANLING_2022_FILE and latest["兰陵县"].year == 2022
    assert [r.file for r in latest.left_out] == ["001_63dd4d515c864998.txt"]
    assert set(latest.table()["file"]) == {r.file for r in latest}
    figures = latest.indicators()
    assert set(figures.loc[figures["region"] == "兰陵县", "document"]) == {LANLING_2022_FILE}


def test_the_whole_corpus_looks_a_region_up_as_its_newest_report_and_a_file_as_itself(two_years):
    assert two_years["兰陵县"].year == 2022 and two_years["001_63dd4d515c864998.txt"].year == 2021
    assert two_years.years_by_region()["兰陵县"] == [2021, 2022]
    assert two_years.series_regions() == {"兰陵县": [2021, 2022]}
    with pytest.raises(KeyError):
        two_years["某县"]


def test_all_keeps_every_report_under_a_label_naming_its_year_with_figures_extracted_as_the_region(two_years):
    every = two_years.select("all")
    assert every.regions == ["莒县", "兰陵县 2021", "兰陵县 2022", "徐州市", "济宁市", "长沙县"]
    assert every["兰陵县 2021"].place == "兰陵县" and every.left_out == []
    figures, whole = every.indicators(), two_years.indicators()
    assert len(figures) == len(whole)
    assert (figures["document"] == whole["document"]).all() and (
        figures["value"].fillna(-1) == whole["value"].fillna(-1)
    ).all()
    assert set(figures.loc[figures["document"] == LANLING_2022_FILE, "region"]) == {"兰陵县 2022"}


def test_two_reports_of_one_year_are_told_apart_by_published_date_and_labelled_with_their_file(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("全县纳入城乡低保1200人。\n", encoding="utf-8")
    write_manifest(
        tmp_path,
        [
            row("b.txt", "甲县", year="2023", published="2024-02-01"),
            row("a.txt", "甲县", year="2023", published="2023-12-30"),
        ],
    )
    corpus = load_corpus(tmp_path)
    assert corpus.select("latest")["甲县"].file == "b.txt" and corpus.series_regions() == {}
    assert corpus.select("all").regions == ["甲县 2023 (a.txt)", "甲县 2023 (b.txt)"]


def test_an_unknown_per_region_is_refused(two_years):
    with pytest.raises(MinzhengError, match="per_region 'newest' is not one of latest, all"):
        two_years.select("newest")


def test_the_series_table_has_one_point_per_year_with_its_report_and_evidence(two_years):
    points = series.series_table(two_years.indicators(), SOCIAL, two_years.series_regions())
    assert set(points["region"]) == {"兰陵县"}
    recipients = points[points["indicator"] == "sa.dibao_recipients"].set_index("period")
    assert recipients.loc[2021, "value"] == 32285 and recipients.loc[2022, "value"] == 33120
    assert recipients.loc[2021, "document"] == "001_63dd4d515c864998.txt"
    assert recipients.loc[2022, "evidence"].startswith("截至12月底，纳入城乡低保33120人")
    urban = points[points["indicator"] == "sa.dibao_standard_urban"].set_index(["period", "kind"])["value"]
    assert urban.to_dict() == {(2021, "achieved"): 780, (2022, "achieved"): 845, (2023, "target"): 900}
    assert not points.duplicated(["indicator", "period", "kind", "unit", "measure"]).any()


def test_changes_run_from_the_first_to_the_last_achieved_year_and_single_years_are_listed(two_years):
    points = series.series_table(two_years.indicators(), SOCIAL, two_years.series_regions())
    changes = series.changes(points).set_index("indicator")
    assert changes.loc["sa.dibao_standard_urban", ["first_value", "last_value"]].tolist() == [780, 845]
    assert changes.loc["sa.tekun_recipients", "change"] == 5480 - 5595
    assert changes.loc["sa.dibao_recipients", "change_pct"] == pytest.approx((33120 - 32285) / 32285 * 100)
    assert "sa.disability_subsidy_funds" in series.single_year_ids(points)
    lines = series_prose.change_lines(changes.reset_index())
    assert "- 兰陵县, 城市低保标准" in lines and "780 元/人/月 in 2021 → 845 元/人/月 in 2022 (\\+8.3%)" in lines


def test_the_seeds_alone_have_no_series_and_one_sentence_says_so(seed_corpus):
    assert seed_corpus.series_regions() == {}
    points = series.series_table(seed_corpus.indicators(), SOCIAL, seed_corpus.series_regions())
    assert points.empty and list(points.columns) == series.SERIES_COLUMNS
    sentence = series_prose.selection_sentence(seed_corpus.select("latest"))
    assert sentence.count(". ") == 0 and "no region has a series of years" in sentence


def test_the_selection_sentence_names_the_report_left_out_and_the_regions_with_a_series(two_years):
    text = series_prose.selection_sentence(two_years.select("latest"), "below")
    assert (
        "newest report of each region" in text
        and "1 report is left out of it: 兰陵县 2021 \\(001\\_63dd4d515c864998.txt" in text
    )
    assert (
        "One region has reports of two or more years: 兰陵县 \\(2021 and 2022\\); its change over time is shown below."
        in text
    )
    every = series_prose.selection_sentence(two_years.select("all"))
    assert every.startswith('Every report is in the cross-section (per_region = "all")')
    assert "兰陵县 2021 and 兰陵县 2022" in every


def test_reference_rows_follow_a_region_under_each_of_its_labels(two_years):
    population = pd.DataFrame({"region": ["兰陵县", "莒县"], "value": [1.0, 2.0]})
    every = two_years.select("all")
    from minzheng.corpus.selection import with_labels

    labelled = with_labels(population, every.reports)
    assert set(labelled["region"]) == {"兰陵县", "莒县", "兰陵县 2021", "兰陵县 2022"}
    assert with_labels(population, two_years.select("latest").reports).equals(population)
