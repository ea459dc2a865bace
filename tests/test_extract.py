"""Extraction on sentences that are not from the seeds: each hard case of civil-affairs reporting."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from minzheng.extract.figures import COLUMNS, extract_text


def rows(text: str, year: int = 2023) -> pd.DataFrame:
    """Extract from a text, indexed by indicator."""
    return extract_text(text, region="测试县", year=year)


def values(text: str, year: int = 2023) -> dict[str, list[float]]:
    """Indicator -> values extracted from a text."""
    found: dict[str, list[float]] = {}
    for row in rows(text, year).itertuples():
        found.setdefault(row.indicator, []).append(row.value)
    return found


def test_rows_have_the_codebook_record_shape():
    frame = rows("全县纳入城乡低保4521人。")
    assert list(frame.columns) == COLUMNS
    row = frame.iloc[0]
    assert (row.indicator, row.value, row.unit, row.qualifier, row.modality, row.period, row.raw) == (
        "sa.dibao_recipients",
        4521.0,
        "人",
        "exact",
        "achieved",
        2023,
        "4521人",
    )
    assert row.evidence == "全县纳入城乡低保4521人。"


def test_respectively_maps_listed_subjects_to_listed_values_in_order():
    found = rows("城乡低保标准分别提高到每月每人860元、690元。")
    assert found.set_index("indicator")["value"].to_dict() == {
        "sa.dibao_standard_urban": 860,
        "sa.dibao_standard_rural": 690,
    }
    assert set(found["unit"]) == {"元/人/月"}


def test_respectively_with_a_list_of_named_subjects():
    text = "集中养育孤儿、散居孤儿、困境儿童基本生活费标准分别为每人每月1900元、1500元、1100元。"
    assert values(text) == {
        "cp.orphan_standard_institutional": [1900],
        "cp.orphan_standard_dispersed": [1500],
        "cp.vulnerable_child_standard": [1100],
    }


def test_from_x_raised_to_y_gives_both_figures_with_the_earlier_period():
    found = rows("农村低保标准由2022年的每人每月600元提高到2023年的每人每月680元。")
    assert list(found["value"]) == [600, 680]
    assert list(found["period"]) == [2022, 2023]
    assert set(found["indicator"]) == {"sa.dibao_standard_rural"}


def test_from_x_to_y_without_years_leaves_the_earlier_period_empty():
    found = rows("全年募集善款从800万元增长到1200万元。")
    assert list(found["value"]) == [8_000_000, 12_000_000]
    assert pd.isna(found["period"].iloc[0]) and found["period"].iloc[1] == 2023


def test_qizhong_marks_a_part_with_its_own_id_never_a_second_total():
    assert values("全县养老床位4200张，其中护理型床位2600张。") == {"ec.beds": [4200], "ec.nursing_beds": [2600]}
    assert values("全县纳入低保6000人，其中城市低保对象1500人。") == {
        "sa.dibao_recipients": [6000],
        "sa.dibao_recipients_urban": [1500],
    }


def test_a_range_is_one_row_with_the_lower_bound_at_least():
    found = rows("每个乡镇配备儿童督导员2至3名。")
    assert len(found) == 1
    row = found.iloc[0]
    assert (row.indicator, row.value, row.qualifier, row.raw) == ("cp.child_supervisors", 2, "at_least", "2至3名")


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("全县注册志愿者逾3万人。", "more_than"),
        ("全年实施临时救助近900人次。", "approx"),
        ("持证社工约450人。", "approx"),
        ("全市社工站超过120个。", "more_than"),
    ],
)
def test_qualifiers_travel_into_rows(text, qualifier):
    assert rows(text)["qualifier"].tolist() == [qualifier]


def test_fixed_phrases_dates_and_document_numbers_yield_no_rows():
    text = (
        "2023年3月15日，县民政局召开党组会，落实“第一议题”和“三会一课”制度，坚决做到“两个维护”。"
        "根据县政发〔2023〕8号文件，开通12349养老服务热线，聚焦“一老一小”，低保标准实现“十连增”，"
        "构建“1+5+N”工作体系，工作位列全市第2名。"
    )
    assert rows(text).empty


def test_the_indicator_comes_from_the_figures_own_subject_not_a_nearby_cue():
    found = values("为8家养老机构发放运营补贴56万元，全县养老机构共21处。")
    assert found == {"ec.care_institutions": [21]}


def test_topic_from_an_earlier_clause_names_a_generic_money_figure():
    assert values("全年实施临时救助1200人次，支出救助资金380万元。") == {
        "sa.temp_assistance_cases": [1200],
        "sa.temp_assistance_funds": [3_800_000],
    }


def test_a_number_before_its_noun_counts_that_noun():
    assert values("今年组织12次中心组学习、30场党员活动。") == {"pb.study_sessions": [12]}
    assert values("全镇45个村(社区)完成换届。") == {"gov.villages": [45]}
    assert values("有力保障12.6万困难群众基本生活。") == {"sa.assisted_people": [126_000]}


def test_a_subset_that_does_something_else_is_not_counted_as_the_noun():
    assert rows("已有210名特困人员享受护理保险。").empty


@pytest.mark.parametrize(
    "text",
    [
        "2024年，计划新建农村幸福院30处。",
        "力争全年新增养老床位500张以上。",
        "明年将新建儿童之家10个。",
        "拟新增注册志愿者2000人。",
        "目标：社工站达到40个。",
    ],
)
def test_plans_in_the_sentence_are_targets(text):
    assert rows(text)["modality"].tolist() == ["target"]


def test_at_least_follows_lizheng_with_yishang():
    assert rows("力争全年新增养老床位500张以上。")["qualifier"].tolist() == ["at_least"]


def test_a_plan_section_makes_its_figures_targets_for_its_year():
    text = "一、2023年工作开展情况\n全县纳入城乡低保5000人。\n二、2024年工作打算\n（一）完善养老服务\n新建农村幸福院20处。\n"
    found = rows(text).set_index("indicator")
    assert found.loc["sa.dibao_recipients", "modality"] == "achieved"
    assert found.loc["ec.rural_happiness_homes", "modality"] == "target"
    assert found.loc["ec.rural_happiness_homes", "period"] == 2024


def test_a_paragraph_announcing_plans_makes_the_following_sections_targets():
    text = (
        "会议总结了去年工作。\n局长作工作报告，提出2025年县民政局将构建三大工作体系。\n"
        "突出构建大养老体系\n新建社区养老服务站8家，适老化改造300户。\n"
    )
    found = rows(text, year=2025)
    assert set(found["modality"]) == {"target"}
    assert set(found["period"]) == {2025}


def test_jiang_meaning_ba_is_not_a_plan():
    assert rows("今年将300名困难群众纳入低保。")["modality"].tolist() in (["achieved"], [])


def test_period_comes_from_the_sentence_then_the_section_then_the_document():
    text = "一、2022年工作情况\n全县建成养老机构14处。\n去年新增护理型床位120张。\n"
    found = rows(text, year=2023).set_index("indicator")
    assert found.loc["ec.care_institutions", "period"] == 2022
    assert found.loc["ec.nursing_beds", "period"] == 2022


def test_a_figure_stated_twice_is_one_row_with_two_mentions():
    found = rows("全县儿童主任326人。年内为全县儿童主任326人开展培训。")
    assert len(found) == 1 and found["mentions"].iloc[0] == 2


def test_party_brands_and_plus_models_are_text_rows_without_quote_marks():
    text = "打造“红心暖夕阳”党建品牌，推行「党建+养老」模式和“党建+慈善”项目，形成『三心服务』工作法。"
    found = rows(text)
    brands = found[found["indicator"] == "pb.brand"]["raw"].tolist()
    models = found[found["indicator"] == "pb.plus_model"]["raw"].tolist()
    assert brands == ["红心暖夕阳", "三心服务"]
    assert models == ["党建+养老", "党建+慈善"]
    assert found["value"].isna().all()


def test_a_brand_in_nested_quotes_points_at_its_whole_quoted_span():
    text = "全局打造『「银龄红」先锋』党建品牌。"
    found = rows(text).query("indicator == 'pb.brand'")
    assert found["raw"].tolist() == ["银龄红先锋"]
    start, end = int(found["start"].iloc[0]), int(found["end"].iloc[0])
    assert text[start:end] == "『「银龄红」先锋』"


def test_service_brands_are_named_social_assistance_brands_only():
    text = "打造“暖心救”社会救助服务品牌，推出“一键救”救助小程序，开展“夕阳红”文艺活动。"
    assert rows(text).query("indicator == 'sa.service_brand'")["raw"].tolist() == ["暖心救", "一键救"]


def test_traditional_text_gives_the_same_rows_as_simplified():
    simplified = rows("全縣養老床位達到1,860張，其中護理型床位1,120張。")
    assert simplified.set_index("indicator")["value"].to_dict() == {"ec.beds": 1860, "ec.nursing_beds": 1120}


def test_values_are_numbers_in_base_units():
    found = rows("累计发放城乡低保资金1.25亿元，残疾人两项补贴2860.5万元。")
    assert found.set_index("indicator")["value"].to_dict() == {
        "sa.dibao_funds": 125_000_000,
        "sa.disability_subsidy_funds": 28_605_000,
    }
    assert all(isinstance(v, float) and not math.isnan(v) for v in found["value"])


def test_figures_about_a_higher_level_place_are_not_the_regions():
    text = "全县纳入低保5200人。目前，全市共有3.1万名困难群众纳入低保保障范围。"
    assert extract_text(text, region="某县", year=2023, level="county")["value"].tolist() == [5200]
    assert len(extract_text(text, region="某市", year=2023, level="prefecture-level city")) == 2


def test_a_count_in_households_and_people_shares_one_subject():
    found = values("全县在保城乡低保对象8200户13500人，其中城市低保对象2100人。")
    assert found == {
        "sa.dibao_households": [8200],
        "sa.dibao_recipients": [13500],
        "sa.dibao_recipients_urban": [2100],
    }


def test_a_respectively_list_takes_its_topic_from_the_clause_before():
    text = "特困人员基本生活标准按不低于低保标准1.3倍确定，城市、农村分别达到每月每人1150元、920元。"
    assert values(text) == {"sa.tekun_standard_urban": [1150], "sa.tekun_standard_rural": [920]}


def test_a_respectively_list_shares_its_qualifier():
    found = rows("城乡低保标准分别不低于每人每月760元、620元。")
    assert found["qualifier"].tolist() == ["at_least", "at_least"]


def test_a_document_titled_as_a_plan_makes_every_figure_a_target():
    text = "某市民政局2025年工作要点\n一、兜牢民生底线\n1.提高标准。城市低保标准不低于每人每月800元。\n二、养老服务\n新建综合养老服务中心6个。\n"
    found = rows(text, year=2025)
    assert set(found["modality"]) == {"target"} and set(found["period"]) == {2025}


def test_a_title_naming_summary_and_plans_does_not_make_the_summary_a_target():
    text = "某县民政局2023年工作总结和2024年工作思路\n现将有关情况总结如下。\n一、2023年工作开展情况\n全县养老床位3000张。\n二、2024年工作思路\n新建儿童之家8个。\n"
    found = rows(text).set_index("indicator")
    assert found.loc["ec.beds", "modality"] == "achieved"
    assert found.loc["cp.children_homes", "modality"] == "target"


def test_an_ellipsis_line_does_not_end_the_section_it_stands_in():
    text = "二、2024年工作安排\n……\n（一）民生保障\n新建儿童之家12个。\n"
    found = rows(text)
    assert found["modality"].tolist() == ["target"] and found["period"].tolist() == [2024]


def test_coverage_counts_the_facility_that_covers_every_township():
    assert values("全县23个乡镇(街道)综合养老服务中心已实现全覆盖。") == {"ec.community_centers": [23]}


def test_a_beneficiary_count_is_the_thing_done_when_the_clause_ends_with_it():
    assert values("今年以来，全县共为860户特殊困难老年人家庭完成适老化改造。") == {"ec.home_adaptations": [860]}


def test_one_standard_stated_for_town_and_country_holds_for_both():
    assert values("今年起，城乡低保标准统一提高到每人每月980元。") == {
        "sa.dibao_standard_urban": [980],
        "sa.dibao_standard_rural": [980],
    }


def test_listed_rises_pair_each_later_value_with_its_earlier_one():
    text = "城乡低保标准分别由每人每月900元、每人每年7200元提高到每人每月950元、每人每年7800元。"
    found = rows(text)
    urban = found[found["indicator"] == "sa.dibao_standard_urban"]
    rural = found[found["indicator"] == "sa.dibao_standard_rural"]
    assert urban["value"].tolist() == [900, 950] and urban["unit"].tolist() == ["元/人/月"] * 2
    assert rural["value"].tolist() == [7200, 7800] and rural["unit"].tolist() == ["元/人/年"] * 2


def test_a_comparison_with_last_year_gives_last_years_figure():
    found = rows("今年以来，县慈善总会募集善款1200万元，比去年的980万元增长22%。", year=2024)
    assert found[["value", "period"]].values.tolist() == [[12_000_000, 2024], [9_800_000, 2023]]


def test_growth_over_last_year_does_not_move_the_period():
    found = rows("年末全县养老床位由上年末3200张增加到3600张，比上年增长12.5%。", year=2023)
    assert found[["value", "period"]].values.tolist() == [[3200, 2022], [3600, 2023]]


def test_a_partitive_opening_marks_parts_of_the_total_before_it():
    text = "年末全市共有养老机构210家，床位1.2万张。养老机构中，公办养老机构130家、民办养老机构80家。"
    assert values(text) == {"ec.care_institutions": [210], "ec.beds": [12_000]}


def test_care_standard_tiers_keep_the_highest():
    text = "特困人员照料护理标准按全自理、半护理、全护理三档，分别为每人每月200元、600元、1100元。"
    assert values(text) == {"sa.tekun_care_standard": [1100]}


def test_figures_for_the_parent_city_named_before_them_are_left_out():
    from minzheng.extract.figures import indicator_frame
    from minzheng.read.report import report_from_text

    text = "全市在保低保对象1.1万人。从南通全市看，今年共有低保对象5.8万人。南通全市养老床位超过5.6万张。"
    report = report_from_text(
        text,
        region="海安市",
        year=2024,
        level="county-level city",
        meta={"parent_city": "南通市", "province": "江苏省"},
    )
    assert indicator_frame([report])["value"].tolist() == [11_000]


def test_a_brand_quoted_inside_a_quotation_is_found_and_the_quotation_is_not_a_name():
    text = "“我们打造的‘暖心红管家’党建品牌，就是把支部建在服务链上。”局长介绍。"
    assert rows(text)["raw"].tolist() == ["暖心红管家"]


def test_a_charity_campaign_called_a_platform_is_not_a_social_assistance_brand():
    text = "借助“99公益日”“慈心一日捐”等平台和活动，引导社会力量参与救助帮扶。"
    assert rows(text).query("indicator == 'sa.service_brand'").empty


def test_plan_words_inside_a_quoted_name_do_not_make_a_target():
    assert rows("实施“关爱成长计划”项目，全县儿童主任300人。")["modality"].tolist() == ["achieved"]
