"""Standards in 元/人/月, the notebooks' region × indicator tables, and the rule that decides whether a chart is allowed."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest

from minzheng import writers
from minzheng.codebook import section_ids
from minzheng.compare import chart_choice, figure_tables, ratios
from minzheng.extract.figures import extract_text
from minzheng.present import figure_charts, figure_prose

matplotlib.use("Agg")

YEARLY_TEXT = "城市低保标准提高到每人每年10800元，农村低保标准提高到每人每月700元。"


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    return seed_corpus.indicators(), seed_corpus.table()


def figure(
    region,
    indicator="ec.beds",
    value=100.0,
    unit="张",
    level="county",
    period=2023,
    modality="achieved",
    measure=figure_tables.STOCK,
    **extra,
):
    """One row of a figure table."""
    row = {
        "region": region,
        "level": level,
        "year": period,
        "period": period,
        "indicator": indicator,
        "label_zh": "养老床位",
        "label_en": "elderly-care beds",
        "value": value,
        "unit": unit,
        "qualifier": "exact",
        "modality": modality,
        "measure": measure,
        "raw": f"{value:g}{unit}",
        "evidence": f"{region}养老床位{value:g}{unit}。",
    }
    row.update(extra)
    return row


def frame(*rows):
    out = pd.DataFrame(list(rows))
    out["period"] = pd.array(out["period"], dtype="Int64")
    return out


# --- units ---------------------------------------------------------------------------------------


def test_a_yearly_standard_is_divided_by_twelve_and_the_conversion_is_written_out():
    assert figure_tables.to_monthly(10800.0, "元/人/年") == (900.0, "元/人/月", "10,800 元/人/年 ÷ 12")


def test_a_monthly_standard_is_kept_and_marked_as_stated():
    assert figure_tables.to_monthly(924.0, "元/人/月") == (924.0, "元/人/月", "as stated (元/人/月)")


def test_other_units_pass_unchanged_without_a_conversion():
    assert figure_tables.to_monthly(1740.0, "张") == (1740.0, "张", "")


def test_figure_table_converts_yearly_standards_and_keeps_the_stated_value():
    rows = extract_text(YEARLY_TEXT, region="样例县", year=2024, level="county")
    table = figure_tables.figure_table(rows, section_ids("social_assistance", "standards")).set_index("indicator")
    urban, rural = table.loc["sa.dibao_standard_urban"], table.loc["sa.dibao_standard_rural"]
    assert (urban["value"], urban["unit"], urban["value_stated"], urban["unit_stated"]) == (
        900.0,
        "元/人/月",
        10800.0,
        "元/人/年",
    )
    assert urban["conversion"] == "10,800 元/人/年 ÷ 12"
    assert (rural["value"], rural["conversion"]) == (700.0, "as stated (元/人/月)")


# --- tables --------------------------------------------------------------------------------------


def test_figure_table_has_one_row_per_region_and_indicator_with_comparability_columns(seeds):
    indicators, table = seeds
    std = figure_tables.figure_table(indicators, section_ids("social_assistance", "standards"), table)
    required = {"value", "unit", "qualifier", "modality", "period", "level", "year", "raw", "evidence"}
    assert required <= set(std.columns)
    assert not std.duplicated(["region", "indicator"]).any()
    values = std.set_index(["region", "indicator"])["value"]
    assert values[("济宁市", "sa.dibao_standard_urban")] == 924 and values[("济宁市", "sa.dibao_standard_rural")] == 745
    assert (std["unit"] == "元/人/月").all() and (std["level"] == "prefecture-level city").all()


def test_a_report_stating_an_indicator_twice_shows_one_figure_and_lists_the_other(seeds):
    indicators, table = seeds
    paid = figure_tables.figure_table(indicators, section_ids("social_assistance", "people"), table).set_index(
        ["region", "indicator"]
    )
    row = paid.loc[("莒县", "sa.dibao_newly_enrolled")]
    assert row["value"] == 2400 and row["figures_stated"] == 2 and "1100余人" in row["other_figures"]


def test_an_achieved_figure_of_the_report_year_is_preferred_to_an_older_one(seeds):
    indicators, table = seeds
    charity = figure_tables.figure_table(indicators, ["so.charity_funds"], table).set_index("region")
    assert charity.loc["济宁市", "value"] == 4.5e8 and "4500万元" in charity.loc["济宁市", "other_figures"]


def test_a_figure_after_xinzeng_or_zengjia_is_an_amount_added_not_a_stock():
    assert (
        figure_tables.measure_of("提升改造乡镇敬老院1处，增加护理型床位50张，发放补助资金16.5万元。", 17)
        == figure_tables.ADDED
    )
    assert (
        figure_tables.measure_of("目前，莒县共建成养老机构10处，养老床位达到1740张，其中护理型床位1395张；", 20)
        == figure_tables.STOCK
    )


def test_figure_table_marks_nursing_beds_added_in_lanling_and_stock_in_juxian(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table).set_index(
        ["region", "indicator"]
    )
    assert capacity.loc[("兰陵县", "ec.nursing_beds"), "measure"] == figure_tables.ADDED
    assert capacity.loc[("莒县", "ec.nursing_beds"), "measure"] == figure_tables.STOCK


def test_figure_table_on_indicators_nobody_states_is_empty_with_its_columns(seeds):
    indicators, table = seeds
    empty = figure_tables.figure_table(indicators, ["sa.no_such_indicator"], table)
    assert empty.empty and list(empty.columns) == figure_tables.FIGURE_COLUMNS
    assert figure_tables.figure_table(indicators.iloc[:0], section_ids("social_assistance", "standards")).empty


def test_wide_table_shows_the_figure_with_period_and_marks_and_a_dash_where_not_stated(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    wide = figure_tables.wide_table(
        capacity,
        list(table["region"]),
        ["ec.beds", "ec.nursing_beds", "ec.home_adaptations"],
        figure_tables.levels_of(table),
    )
    beds = wide.iloc[0]
    assert beds["莒县 (county 县)"] == "1,740 张 (2023)" and beds["徐州市 (prefecture-level city 地级市)"] == "—"
    assert wide.iloc[1]["兰陵县 (county 县)"] == "50 张 (2021, added)"
    assert wide.iloc[2]["长沙县 (county 县)"] == "485 户 (2024, target)"


def test_text_table_lists_the_named_service_brands_with_evidence(seeds):
    indicators, _ = seeds
    brands = figure_tables.text_table(indicators, section_ids("social_assistance", "brands"))
    assert {"莒力助", "济时救", "救助通"} <= set(brands["name"])
    assert (brands["evidence"] != "").all()
    assert brands.loc[brands["name"] == "救助通", "modality"].item() == "target"


def test_theme_sections_add_numeric_codebook_ids_no_section_lists():
    sections = figure_tables.theme_sections("social_assistance")
    listed = {i for name, ids in sections.items() if name != "other" for i in ids}
    assert "sa.dibao_standard_urban" in sections["standards"] and not set(sections["other"]) & listed
    assert "sa.service_brand" not in sections["other"]  # text rows are not figures


# --- chart decisions -----------------------------------------------------------------------------


def test_no_chart_when_only_one_region_states_the_figure_and_the_sentence_says_who(seeds):
    indicators, table = seeds
    std = figure_tables.figure_table(indicators, section_ids("social_assistance", "standards"), table)
    decision = chart_choice.chart_decision(std, "sa.dibao_standard_urban")
    assert not decision.allowed and decision.stated_by == 1
    assert decision.reason.startswith("Only one region has a figure for 城市低保标准")
    assert "济宁市 (prefecture-level city 地级市, 2023, achieved): 924 元/人/月" in decision.reason


def test_a_chart_is_allowed_when_two_regions_state_the_same_indicator_in_the_same_unit(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    decision = chart_choice.chart_decision(capacity, "ec.beds")
    assert decision.allowed and set(decision.rows["region"]) == {"莒县", "济宁市"}
    assert "differ in administrative level" in decision.reason


def test_no_chart_when_the_figures_are_a_stock_and_an_amount_added(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    decision = chart_choice.chart_decision(capacity, "ec.nursing_beds")
    assert not decision.allowed and decision.stated_by == 2 and "not comparable" in decision.reason


def test_no_chart_when_two_regions_state_the_indicator_in_different_units():
    rows = frame(figure("甲县", unit="%"), figure("乙县", unit="张"))
    decision = chart_choice.chart_decision(rows, "ec.beds")
    assert not decision.allowed and "same unit" in decision.reason


def test_yearly_and_monthly_standards_are_comparable_after_conversion():
    rows = pd.concat(
        [
            extract_text(YEARLY_TEXT, region="样例县", year=2024, level="county"),
            extract_text("城市低保标准为每人每月924元。", region="对照市", year=2024, level="prefecture-level city"),
        ],
        ignore_index=True,
    )
    std = figure_tables.figure_table(rows, section_ids("social_assistance", "standards"))
    decision = chart_choice.chart_decision(std, "sa.dibao_standard_urban")
    assert decision.allowed and sorted(decision.rows["value"]) == [900.0, 924.0]


def test_a_chart_draws_the_largest_comparable_group_and_names_what_it_leaves_out():
    rows = frame(figure("甲县"), figure("乙县", value=200.0), figure("丙县", value=5.0, measure=figure_tables.ADDED))
    decision = chart_choice.chart_decision(rows, "ec.beds")
    assert decision.allowed and list(decision.rows["region"]) == ["甲县", "乙县"]
    assert "Left out of the chart as not comparable: 丙县" in decision.reason


def test_targets_may_be_charted_and_the_sentence_says_they_are_hatched():
    rows = frame(figure("甲县"), figure("乙县", modality="target", period=2024))
    decision = chart_choice.chart_decision(rows, "ec.beds")
    assert decision.allowed and "Targets are drawn hatched" in decision.reason and "different years" in decision.reason


def test_an_indicator_nobody_states_has_no_chart_and_a_sentence():
    decision = chart_choice.chart_decision(figure_tables.empty_figures(), "ec.beds")
    assert (
        not decision.allowed
        and decision.stated_by == 0
        and decision.reason.startswith("No report in this selection states 养老床位")
    )


def test_comparison_draws_one_figure_for_the_allowed_indicators_only(seeds):
    import matplotlib.pyplot as plt

    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    view = figure_charts.comparison(capacity, section_ids("elderly_care", "capacity"))
    assert [d.indicator for d in view.allowed] == ["ec.beds", "ec.service_facilities", "ec.community_centers"]
    assert len([ax for ax in view.figure.axes if ax.get_visible()]) == 3
    assert set(view.charted()["indicator"]) == {"ec.beds", "ec.service_facilities", "ec.community_centers"}
    plt.close(view.figure)
    nothing = figure_charts.comparison(
        figure_tables.figure_table(indicators, section_ids("social_assistance", "standards"), table),
        section_ids("social_assistance", "standards"),
    )
    assert nothing.figure is None and not nothing.allowed and len(nothing.refused) == 5


def test_sentences_escape_report_text_so_it_cannot_become_markup():
    rows = frame(figure("<script>alert(1)</script>"))
    text = figure_charts.comparison(rows, ["ec.beds", "ec.nursing_beds"]).sentences()
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "**Not stated by any report:**" in text


def test_chartable_sentence_counts_comparable_single_and_unstated_indicators(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    text = figure_prose.chartable_sentence(
        figure_charts.comparison(capacity, section_ids("elderly_care", "capacity")), "capacity"
    )
    assert text.startswith("Of the 8 capacity indicators, 3 can be compared")
    assert "4 are stated by one region only" in text and "1 by several regions in ways that cannot be compared" in text


# --- derived tables and prose --------------------------------------------------------------------


def test_nursing_share_is_computed_only_where_one_report_states_both_stocks(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    share = ratios.nursing_share(capacity, list(table["region"])).set_index("region")
    assert share.loc["莒县", "nursing_share_pct"] == pytest.approx(1395 / 1740 * 100)
    assert math.isnan(share.loc["兰陵县", "nursing_share_pct"]) and "not all beds" in share.loc["兰陵县", "status"]
    assert math.isnan(share.loc["济宁市", "nursing_share_pct"])
    assert "徐州市" not in share.index  # states neither
    assert "1,395 of 1,740 beds are nursing-type, **80.2%**" in figure_prose.nursing_share_sentence(share.reset_index())


def test_within_report_ratio_sets_child_directors_against_villages_of_the_same_report(seeds):
    indicators, table = seeds
    ratio = ratios.within_report_ratio(indicators, "cp.child_directors", "gov.villages", table)
    assert ratio.set_index("region").loc["兰陵县", "ratio"] == 1.0


def test_achieved_stocks_leave_out_targets_and_amounts_added(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    stocks = figure_tables.achieved_stocks(capacity)
    assert "长沙县" not in set(stocks["region"]) and ("兰陵县", "ec.nursing_beds") not in set(
        zip(stocks["region"], stocks["indicator"])
    )


def test_coverage_sentence_names_who_states_and_who_does_not(seeds):
    indicators, table = seeds
    std = figure_tables.figure_table(indicators, section_ids("social_assistance", "standards"), table)
    text = figure_prose.coverage_sentence(
        std, section_ids("social_assistance", "standards"), list(table["region"]), "an assistance standard"
    )
    assert text.startswith("**1 of 5 reports** states an assistance standard: 济宁市;")
    assert "not the same as zero" in text


def test_caveats_count_targets_and_amounts_added_from_the_tables(seeds):
    indicators, table = seeds
    capacity = figure_tables.figure_table(indicators, section_ids("elderly_care", "capacity"), table)
    text = figure_prose.figure_caveats(table, capacity)
    assert "3 counties" in text and "2 prefecture\\-level cities" in text
    assert "2 of the 12 figures in these tables are targets" in text


def test_save_table_writes_the_same_bytes_for_the_same_data(seeds, tmp_path):
    indicators, table = seeds
    std = figure_tables.figure_table(indicators, section_ids("social_assistance", "standards"), table)
    first = writers.save_table(std, tmp_path, "standards").read_bytes()
    second = writers.save_table(std, tmp_path, "standards").read_bytes()
    assert first == second and b"\r\n" not in first and not list(tmp_path.glob("*.tmp"))
    again = pd.read_csv(tmp_path / "standards.csv")
    assert again.loc[again["indicator"] == "sa.dibao_standard_urban", "value"].item() == 924


def test_notebook_output_dir_is_created_under_output_dir(tmp_path):
    folder = writers.notebook_output_dir(tmp_path, "01_social_assistance")
    assert folder == tmp_path / "01_social_assistance" and folder.is_dir()
