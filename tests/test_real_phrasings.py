"""Phrasings learned from real bureau reports (tests/realtext/), each in sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from minzheng.extract.figures import extract_text, indicator_frame
from minzheng.read.report import report_from_text


def found(sentence: str) -> set[tuple[str, float, str]]:
    """The (indicator, value, unit) triples extracted from one sentence of a county report."""
    rows = extract_text(sentence, region="某县", year=2024)
    return {(r.indicator, r.value, r.unit) for r in rows.itertuples()}


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("今年7月起，我县最低生活保障标准由每人每月800元提高到每人每月850元。", 850.0, "元/人/月"),
        ("城乡低保标准统一调至每人每月760元。", 760.0, "元/人/月"),
        ("全县低保标准提高到9600元/年。", 9600.0, "元/人/年"),
    ],
)
def test_a_dibao_standard_that_names_no_area_is_both_the_urban_and_the_rural_standard(sentence, value, unit):
    assert {("sa.dibao_standard_urban", value, unit), ("sa.dibao_standard_rural", value, unit)} <= found(sentence)


def test_a_tekun_standard_that_names_no_area_is_both_the_urban_and_the_rural_standard():
    got = found("全市特困人员基本生活标准提高到1300元/月。")
    assert got == {("sa.tekun_standard_urban", 1300.0, "元/人/月"), ("sa.tekun_standard_rural", 1300.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("农村低保标准为5600元/年。", "元/人/年"),
        ("农村低保标准为470元/人·月。", "元/人/月"),
        ("农村低保标准为470元/月。", "元/人/月"),
        ("农村低保人均月标准为470元。", "元/人/月"),
    ],
)
def test_the_period_of_a_standard_may_follow_the_number_or_come_as_a_monthly_average(sentence, unit):
    assert {r[2] for r in found(sentence) if r[0] == "sa.dibao_standard_rural"} == {unit}


def test_a_standard_of_the_dibao_margin_is_not_a_dibao_standard():
    assert found("低保边缘家庭认定标准为每人每月1275元。") == set()


def test_urban_and_rural_recipients_stated_apart_get_their_own_indicators_and_no_total():
    got = found("截至年底，全县城市低保对象2100人，农村低保对象9300人。")
    assert got == {("sa.dibao_recipients_urban", 2100.0, "人"), ("sa.dibao_recipients_rural", 9300.0, "人")}


def test_a_household_and_person_pair_gives_households_and_recipients():
    got = found("目前在保低保对象4200户7100人。")
    assert got == {("sa.dibao_households", 4200.0, "户"), ("sa.dibao_recipients", 7100.0, "人")}


def test_the_two_disability_subsidies_named_apart_are_disability_money_not_elderly_money():
    got = found("全年发放困难残疾人生活补贴120万元、重度残疾人护理补贴95万元。")
    assert got == {("sa.disability_subsidy_funds", 1200000.0, "元"), ("sa.disability_subsidy_funds", 950000.0, "元")}


def test_centralised_and_dispersed_tekun_standards_get_their_own_indicators():
    got = found("特困人员集中供养标准为每人每月900元，分散供养标准为每人每月700元。")
    assert got == {
        ("sa.tekun_standard_centralized", 900.0, "元/人/月"),
        ("sa.tekun_standard_dispersed", 700.0, "元/人/月"),
    }


def test_a_standard_of_one_area_is_not_doubled():
    got = found("城市低保标准提高到每人每月900元。")
    assert got == {("sa.dibao_standard_urban", 900.0, "元/人/月")}


@pytest.mark.parametrize("verb", ["提高到", "调整为", "提高至", "上调为"])
def test_both_values_of_a_rise_keep_the_subject_whatever_the_verb(verb):
    got = found(f"城市居民最低生活保障标准由每人每月600元{verb}640元。")
    assert {("sa.dibao_standard_urban", 600.0, "元/人/月"), ("sa.dibao_standard_urban", 640.0, "元/人/月")} <= got


def test_a_rise_whose_subject_stands_in_the_clause_before_takes_it():
    got = found("农村特困人员基本生活标准，由每人每月900元提高到960元。")
    assert got == {("sa.tekun_standard_rural", 900.0, "元/人/月"), ("sa.tekun_standard_rural", 960.0, "元/人/月")}


def test_a_clause_before_lends_only_the_words_before_its_own_figure():
    got = found("全年发放资金500万元用于城市低保，由每人每月900元提高到960元。")
    assert not any(indicator.startswith("sa.dibao_standard") for indicator, _, _ in got)


def test_the_later_value_of_a_rise_after_qizhong_is_not_taken_for_a_part():
    got = found("调整全县低保标准，其中农村低保标准由每人每月500元调整为530元。")
    assert ("sa.dibao_standard_rural", 530.0, "元/人/月") in got


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("农村最低生活保障标准提高到6000元/人年。", "sa.dibao_standard_rural"),
        ("城镇最低生活保障标准提高到720元/人月。", "sa.dibao_standard_urban"),
        ("农村五保供养标准提高到每人每年7000元。", "sa.tekun_standard_rural"),
    ],
)
def test_full_and_older_names_of_the_programmes_match_like_their_short_names(sentence, indicator):
    assert indicator in {row[0] for row in found(sentence)}


def test_a_rise_written_as_zengfu_is_a_standard_increase():
    assert ("sa.standard_increase", 6.5, "%") in found("农村低保标准提高到每人每月520元，增幅6.5%。")


def test_a_household_and_person_pair_shares_the_noun_after_it():
    got = found("全镇共有860户1420人享受城乡低保。")
    assert got == {("sa.dibao_households", 860.0, "户"), ("sa.dibao_recipients", 1420.0, "人")}


def test_a_pair_after_an_urban_subject_counts_urban_recipients():
    got = found("城镇最低生活保障对象210户、330人，累计发放资金60万元。")
    assert ("sa.dibao_recipients_urban", 330.0, "人") in got
    assert not any(indicator == "sa.assisted_people" for indicator, _, _ in got)


def test_two_values_after_chengxiang_are_the_urban_then_the_rural_standard():
    got = found("城乡低保平均标准达到710元/月和6100元/年。")
    assert got == {("sa.dibao_standard_urban", 710.0, "元/人/月"), ("sa.dibao_standard_rural", 6100.0, "元/人/年")}


@pytest.mark.parametrize(
    "sentence",
    [
        "集中和散居孤儿每人每月保障1500元和1100元。",
        "机构养育、社会散居孤儿基本生活费标准每人每月分别提高到1500元、1100元。",
        "集中供养和分散供养孤儿养育标准达1500元/月和1100元/月。",
    ],
)
def test_a_list_of_orphan_groups_gives_the_institutional_then_the_dispersed_standard(sentence):
    assert found(sentence) == {
        ("cp.orphan_standard_institutional", 1500.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1100.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("全年发放五保供养金320万元。", "sa.tekun_funds"),
        ("为特困供养对象发放集中供养补贴96万元。", "sa.tekun_funds"),
        ("共发放孤儿保障金88万元。", "cp.child_allowance_funds"),
        ("发放事实无人抚养儿童生活费61万元。", "cp.child_allowance_funds"),
        ("为重度残疾人发放护理补贴240万元。", "sa.disability_subsidy_funds"),
        ("今年已发放慈善救助金300万元。", "so.charity_funds"),
        ("共发放低保金900万元、临时救助金75万元。", "sa.temp_assistance_funds"),
    ],
)
def test_money_named_by_what_it_pays_for_goes_to_that_programme(sentence, indicator):
    assert indicator in {row[0] for row in found(sentence)}


@pytest.mark.parametrize("sentence", ["特困对象2100人。", "全县五保对象980人。", "临时困难救助640人次。"])
def test_counts_named_by_the_programmes_other_words_are_found(sentence):
    assert found(sentence)


def rows_of(
    text: str, region: str, province: str, parent_city: str = "", level: str = "district"
) -> set[tuple[str, float]]:
    """The (indicator, value) pairs extracted from a text of a named region."""
    meta = {"province": province, "parent_city": parent_city}
    report = report_from_text(text, region=region, year=2024, level=level, meta=meta)
    return {(r.indicator, r.value) for r in indicator_frame([report]).itertuples()}


def test_a_neighbouring_countys_standard_is_not_the_regions_own():
    text = "我区城市低保标准提高到每人每月900元。邻近的黄岩区城市低保标准由每人每月850元提高到880元。"
    assert rows_of(text, "椒江区", "浙江", "台州市") == {("sa.dibao_standard_urban", 900.0)}


def test_the_standard_of_one_district_of_the_city_is_a_part_not_the_citys_own():
    text = "全市农村低保标准提高到每人每月560元，瓦房店市农村低保标准由每人每月500元提高到520元。"
    assert rows_of(text, "大连市", "辽宁", level="prefecture-level city") == {("sa.dibao_standard_rural", 560.0)}


def test_places_in_a_breakdown_in_parentheses_do_not_name_the_figure_after_it():
    text = "全市有农村福利院58所（甲县31所、瓦房店市18所），实有床位4500张。"
    assert ("ec.beds", 4500.0) in rows_of(text, "大连市", "辽宁", level="prefecture-level city")


@pytest.mark.parametrize(
    "sentence",
    ["2024年10月，全县发放低保金120万元。", "10月份发放临时救助金8万元。", "提标首月共发放低保资金95万元。"],
)
def test_one_months_payment_is_not_taken_for_the_regions_total(sentence):
    assert found(sentence) == set()


@pytest.mark.parametrize("sentence", ["截至2024年10月31日，累计发放低保金980万元。", "1-10月累计发放低保金980万元。"])
def test_payments_up_to_a_date_are_taken(sentence):
    assert found(sentence) == {("sa.dibao_funds", 9800000.0, "元")}


def test_a_count_on_one_months_roll_is_kept():
    assert ("sa.dibao_recipients", 1500.0, "人") in found("2024年10月，全县低保对象1500人，发放低保金60万元。")


def test_people_of_dibao_and_tekun_together_are_all_people_with_basic_living_support():
    assert found("惠及2.1万名城乡低保对象和特困供养人员。") == {("sa.assisted_people", 21000.0, "人")}


def test_two_programmes_in_one_list_keep_their_own_money():
    got = found("共发放低保金900万元、特困供养金300万元。")
    assert got == {("sa.dibao_funds", 9000000.0, "元"), ("sa.tekun_funds", 3000000.0, "元")}


@pytest.mark.parametrize("sentence", ["全县城乡低保标准每人每月提高30元。", "农村低保标准每人每月提高了35元。"])
def test_the_sum_a_standard_rose_by_is_not_the_standard(sentence):
    assert found(sentence) == set()


def test_a_clause_that_says_only_daodao_takes_the_subject_of_the_clause_before():
    got = found("农村低保标准每人每月提高了35元，达到每人每月560元。")
    assert got == {("sa.dibao_standard_rural", 560.0, "元/人/月")}


def test_a_top_up_amount_is_not_the_dibao_standard():
    assert found("城市低保标准为每人每月900元，补差标准为每月不低于400元。") == {
        ("sa.dibao_standard_urban", 900.0, "元/人/月")
    }


def test_newly_added_tekun_people_are_not_the_tekun_count():
    assert found("上半年新增特困供养人员40人。") == set()


def test_a_place_in_a_news_dateline_does_not_make_the_figure_another_places():
    text = "浙江新闻7月3日讯（记者 王五）最低生活保障标准由每人每月1000元调整为每人每月1100元。"
    assert ("sa.dibao_standard_urban", 1000.0) in rows_of(text, "杭州市", "浙江")


def test_a_province_report_that_names_its_province_states_its_own_figures():
    text = "河南再次提高农村低保标准，由每人每年4000元提高到4200元。"
    got = rows_of(text, "河南省", "河南")
    assert {("sa.dibao_standard_rural", 4000.0), ("sa.dibao_standard_rural", 4200.0)} <= got


def test_a_count_in_wan_before_a_qualified_noun_counts_it():
    assert ("sa.dibao_recipients_rural", 12000.0, "人") in found("全县共有1.2万农村低保对象。")


def test_an_area_named_after_the_standard_and_an_area_alone_in_the_next_clause():
    got = found("特困对象1.2万人，人均月供养标准城市为1300元，农村为1200元。")
    assert {("sa.tekun_standard_urban", 1300.0, "元/人/月"), ("sa.tekun_standard_rural", 1200.0, "元/人/月")} <= got


def test_areas_after_qizhong_take_the_programme_of_the_total():
    got = found("全县符合最低生活保障条件的对象有900户1600人，其中农村700户1300人，城镇200户300人。")
    assert {("sa.dibao_recipients_rural", 1300.0, "人"), ("sa.dibao_recipients_urban", 300.0, "人")} <= got


def test_one_standard_for_institutions_and_homes_is_both():
    assert found("集中和分散救助供养保障标准为900元/人·月。") == {
        ("sa.tekun_standard_centralized", 900.0, "元/人/月"),
        ("sa.tekun_standard_dispersed", 900.0, "元/人/月"),
    }


@pytest.mark.parametrize("value, unit", [(1100.0, "元/人/月"), (6200.0, "元/人/年")])
def test_a_standard_without_its_period_is_monthly_unless_the_sum_is_a_years(value, unit):
    got = found(f"今年我市低保标准提高至{value:.0f}元。")
    assert got == {("sa.dibao_standard_urban", value, unit), ("sa.dibao_standard_rural", value, unit)}


def test_a_word_before_a_number_that_counts_the_noun_after_it_qualifies_that_noun():
    assert found("新建120个家门口养老服务站。") == {("ec.new_home_care_stations", 120.0, "处")}


def test_people_paid_their_programmes_money_are_its_recipients():
    got = found("为全区300户、420名城镇低保对象发放低保资金120万元。")
    assert ("sa.dibao_recipients_urban", 420.0, "人") in got


def test_institutions_paid_a_subsidy_are_not_counted_as_the_stock():
    assert found("为6家养老机构发放运营奖补171万元。") == set()


def test_a_standard_kept_unchanged_is_still_stated():
    got = found("其中，城市低保标准暂不作调整，仍按每人每月不低于700元执行。")
    assert got == {("sa.dibao_standard_urban", 700.0, "元/人/月")}


def test_an_average_per_household_is_not_the_money_paid():
    assert found("办理临时救助23户，户均救助金额1000元。") == {("sa.temp_assistance_cases", 23.0, "户")}


def test_words_inside_a_documents_title_do_not_name_the_figure():
    sentence = "根据《某市临时救助实施办法》，全年共支出社会救助资金8600万元。"
    assert found(sentence) == {("sa.total_assistance_funds", 86000000.0, "元")}


@pytest.mark.parametrize("sentence", ["共发放孤儿保障金128.5万。", "全年累计发放孤儿保障金 128.5万"])
def test_a_sum_in_wan_after_a_money_noun_is_yuan_even_without_the_word(sentence):
    assert found(sentence) == {("cp.child_allowance_funds", 1285000.0, "元")}


def test_two_standards_merged_into_one_give_the_one_to_town_and_country():
    got = found("城乡最低生活保障标准由月人均500元、年人均3000元统一调至月人均700元。")
    assert got == {
        ("sa.dibao_standard_urban", 500.0, "元/人/月"),
        ("sa.dibao_standard_rural", 3000.0, "元/人/年"),
        ("sa.dibao_standard_urban", 700.0, "元/人/月"),
        ("sa.dibao_standard_rural", 700.0, "元/人/月"),
    }


def test_a_programme_named_by_area_with_per_person_sums_is_its_standard():
    got = found("从1月1日起，农村、城市低保分别从300元/人·月、420元/人·月提高到340元/人·月、450元/人·月。")
    assert got == {
        ("sa.dibao_standard_rural", 300.0, "元/人/月"),
        ("sa.dibao_standard_urban", 420.0, "元/人/月"),
        ("sa.dibao_standard_rural", 340.0, "元/人/月"),
        ("sa.dibao_standard_urban", 450.0, "元/人/月"),
    }


def test_a_children_in_hardship_subsidy_per_person_is_their_standard():
    got = found("低保家庭中的困境儿童生活补贴由每人每月500元调整为每人每月520元。")
    assert got == {
        ("cp.vulnerable_child_standard", 500.0, "元/人/月"),
        ("cp.vulnerable_child_standard", 520.0, "元/人/月"),
    }


def test_parts_listed_after_qizhong_across_semicolons_are_not_taken_for_the_total():
    text = "全年发放城乡低保金900万元。其中，城市低保对象300人，发放城市低保金200万元；农村低保对象1100人，发放农村低保金700万元。"
    got = found(text)
    assert ("sa.dibao_funds", 9000000.0, "元") in got
    assert ("sa.dibao_funds", 7000000.0, "元") not in got and ("sa.dibao_funds", 2000000.0, "元") not in got
    assert {("sa.dibao_recipients_urban", 300.0, "人"), ("sa.dibao_recipients_rural", 1100.0, "人")} <= got


def test_siblings_of_a_list_after_qizhong_are_each_kept_when_no_total_of_their_own_is_stated():
    got = found("其中：社会救助资金支出900万元（城市低保200万元；农村低保500万元；临时救助80万元）。")
    assert {("sa.dibao_funds", 2000000.0, "元"), ("sa.dibao_funds", 5000000.0, "元")} <= got


def test_an_average_payment_per_person_is_not_the_standard():
    assert found("提标后，城市低保对象平均救助额由每人每月590元提高到620元。") == set()


def test_a_group_inside_a_total_after_qizhong_is_not_all_people_with_support():
    got = found("全年共保障城乡低保对象2万人（其中脱贫兜底保障对象9000人）。")
    assert got == {("sa.dibao_recipients", 20000.0, "人")}


def test_seriously_ill_or_disabled_childrens_allowance_is_a_children_in_hardship_standard():
    got = found("散居孤儿基本生活费标准提高到每人每月1900元，重病重残儿童基本生活费标准提高到每人每月1000元。")
    assert got == {
        ("cp.orphan_standard_dispersed", 1900.0, "元/人/月"),
        ("cp.vulnerable_child_standard", 1000.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("全年城市低保累计保障3.5万人次，发放保障金1800万元。", "sa.dibao_funds"),
        ("特困人员900人，累计发放特困救助金600万元。", "sa.tekun_funds"),
        ("全区城乡特困供养人员累计保障3000人次，累计发放金额310万元。", "sa.tekun_funds"),
    ],
)
def test_money_words_of_a_programme_are_its_money(sentence, indicator):
    assert indicator in {row[0] for row in found(sentence)}


def test_a_care_subsidy_in_tiers_is_the_care_standard_at_its_highest_tier():
    got = found(
        "分散供养特困人员自理、半失能、失能护理补贴标准分别从150元/月、600元/月、1100元/月提高至170元/月、650元/月、1200元/月。"
    )
    assert got == {("sa.tekun_care_standard", 1100.0, "元/人/月"), ("sa.tekun_care_standard", 1200.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence", ["全市平均每千名老人拥有养老床位31.5张。", "每个中心床位不少于30张。", "每万人拥有持证社工不足2人。"]
)
def test_a_figure_per_thousand_people_or_per_centre_is_a_ratio_not_a_count(sentence):
    assert found(sentence) == set()


def test_money_after_a_clause_naming_several_programmes_is_none_of_theirs_but_all_assistance_money():
    got = found("我县为低保、特困群众、孤儿等困难群众提供帮助，一季度共发放救助金1.2亿元。")
    assert got == {("sa.total_assistance_funds", 120000000.0, "元")}


def test_an_average_after_a_sum_paid_is_not_the_standard():
    got = found("城镇最低生活保障2000人，发放最低生活保障金1000万元，年人均5000元。")
    assert not any(indicator.startswith("sa.dibao_standard") for indicator, _, _ in got)


def test_households_and_people_split_by_a_comma_are_one_pair():
    got = found("全市城乡低保对象共计5000户，8800人。")
    assert got == {("sa.dibao_households", 5000.0, "户"), ("sa.dibao_recipients", 8800.0, "人")}


def test_areas_after_a_chengxiang_standard_on_both_sides_of_a_rise():
    got = found("全市城乡低保标准从原来的城市600元/月、农村400元/月，提升至城市650元/月、农村460元/月。")
    assert got == {
        ("sa.dibao_standard_urban", 600.0, "元/人/月"),
        ("sa.dibao_standard_rural", 400.0, "元/人/月"),
        ("sa.dibao_standard_urban", 650.0, "元/人/月"),
        ("sa.dibao_standard_rural", 460.0, "元/人/月"),
    }


def test_a_mode_named_in_the_figures_own_clause_beats_one_in_the_clause_before():
    got = found("孤儿集中供养标准达到1200元/人月，孤儿散居供养标准达到700元/人月。")
    assert got == {
        ("cp.orphan_standard_institutional", 1200.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 700.0, "元/人/月"),
    }


def test_people_counted_by_a_quoted_title_are_award_winners_not_recipients():
    assert found("表彰张某等40名“全县特困供养工作先进个人”。") == set()


def test_a_count_naming_one_programme_is_that_programmes_not_all_support():
    got = found("全市现有城乡低保已保障对象5万人。")
    assert got == {("sa.dibao_recipients", 50000.0, "人")}


def test_an_orphan_allowance_naming_neither_institution_nor_family_is_both():
    got = found("全县孤儿养育标准从每人每月2500元提高到每人每月2600元。")
    assert {
        ("cp.orphan_standard_institutional", 2600.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 2600.0, "元/人/月"),
    } <= got


def test_subgroups_after_a_total_in_the_same_sentence_are_parts():
    got = found("全县特困人员1300人，集中供养700人，分散供养600人。")
    assert got == {("sa.tekun_recipients", 1300.0, "人")}


def test_one_months_money_is_known_from_the_sentence_before_in_the_paragraph():
    assert found("2024年10月，全县救助1200户1900人。其中：低保发放76万元，特困发放30万元。") >= set()
    assert not any(unit == "元" for _, _, unit in found("2024年10月，全县救助1200户1900人。其中：低保发放76万元。"))


def test_money_up_to_a_dated_day_is_cumulative():
    assert ("sa.dibao_funds", 10100000.0, "元") in found("截至2024年12月，全县共发放低保金1010万元。")


@pytest.mark.parametrize(
    "sentence",
    [
        "最低生活保障分类施保金标准从每人每月90元提高至100元。",
        "全县共有低保家庭老年人700户860人。",
        "为在读孤儿发放助学金每人一万元。",
    ],
)
def test_top_ups_subgroups_and_per_person_grants_are_not_the_programmes_figures(sentence):
    assert found(sentence) == set()


def test_a_rise_from_an_old_value_after_the_sum_it_rose_by_keeps_the_subject():
    got = found("其中城市低保标准提高50元/月，从原600元/月提高到650元/月。")
    assert got == {("sa.dibao_standard_urban", 600.0, "元/人/月"), ("sa.dibao_standard_urban", 650.0, "元/人/月")}


def test_a_province_report_naming_its_own_short_name_keeps_its_figures():
    text = "目前，宁夏农村五保供养人数为15000人。"
    assert ("sa.tekun_recipients", 15000.0) in rows_of(text, "宁夏回族自治区", "宁夏", level="province")


def test_a_per_person_period_written_with_spaces_is_still_monthly():
    got = found("城市低保标准提高到每人 650元/ 月。")
    assert got == {("sa.dibao_standard_urban", 650.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("困难残疾人生活救助累计3万人次，累计发放补贴200万元。", "sa.disability_subsidy_funds"),
        ("孤儿200人，累计发放救助金220万元。", "cp.child_allowance_funds"),
        ("截至12月，全县共发放困难群众救助资金8000万元。", "sa.total_assistance_funds"),
    ],
)
def test_more_money_words_of_real_reports(sentence, indicator):
    assert indicator in {row[0] for row in found(sentence)}


def test_a_group_named_in_its_own_clause_beats_a_longer_name_in_the_clause_before():
    got = found(
        "集中养育孤儿基本生活保障标准由1500元/月提高至1800元/月，社会散居孤儿基本生活保障标准由1100元/月提高至1400元/月。"
    )
    assert ("cp.orphan_standard_dispersed", 1400.0, "元/人/月") in got
    assert ("cp.orphan_standard_institutional", 1400.0, "元/人/月") not in got


def test_care_money_in_a_tekun_clause_is_tekun_money_not_an_old_age_subsidy():
    got = found("全市特困供养人员3万人，累计发放生活、护理补贴资金7000万元。")
    assert ("sa.tekun_funds", 70000000.0, "元") in got


def test_institutions_counted_in_total_then_by_ownership_after_qizhong_give_the_total():
    got = found("全州已有养老服务机构185家，其中公建公营养老机构42家、民办民营养老机构137家。")
    assert got == {("ec.care_institutions", 185.0, "处")}


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("全县城乡社区日间照料中心14个。", "ec.service_facilities"),
        ("今年新建社区日间照料中心5个。", "ec.new_home_care_stations"),
        ("共发放高龄补贴资金263万元。", "ec.elderly_subsidy_funds"),
        ("1-6月份供养资金887万元已全部发放。", "sa.tekun_funds"),
    ],
)
def test_elderly_care_and_tekun_words_of_real_reports(sentence, indicator):
    assert indicator in {row[0] for row in found(sentence)}


def test_what_a_counted_noun_becomes_is_not_what_the_number_counts():
    assert found("推动1处敬老院转型为区域性养老服务中心。") == set()


def test_a_report_splitting_tekun_standards_by_area_gives_area_ids_to_care_modes():
    text = "城市特困人员基本生活标准1025元/月，农村分散供养特困人员基本生活标准754元/月，农村集中供养特困人员基本生活标准为810元/月。"
    got = found(text)
    assert {("sa.tekun_standard_rural", 754.0, "元/人/月"), ("sa.tekun_standard_rural", 810.0, "元/人/月")} <= got
    assert not any(
        indicator.startswith("sa.tekun_standard_c") or indicator.endswith("dispersed") for indicator, _, _ in got
    )


def test_a_report_giving_only_rural_care_modes_keeps_the_care_mode_ids():
    got = found("农村五保集中供养标准由每月220元提高到245元，分散供养标准由每月180元提高到220元。")
    assert {
        ("sa.tekun_standard_centralized", 245.0, "元/人/月"),
        ("sa.tekun_standard_dispersed", 220.0, "元/人/月"),
    } <= got


@pytest.mark.parametrize(
    "sentence",
    [
        "目前本县城乡低保标准分别高出全市平均水平50元和100元。",
        "确保城市低保月人均补助不低于350元。",
        "提标后全县低保资金预计多支出360万元。",
    ],
)
def test_margins_averages_and_expected_extra_spending_are_not_standards_or_money_paid(sentence):
    assert found(sentence) == set()


def test_a_subgroup_named_with_zhongde_is_not_the_programmes_count():
    assert found("惠及城乡低保中的学龄前儿童和在校学生3600人。") == set()


def test_money_of_several_groups_listed_before_it_is_all_assistance_money():
    got = found("累计发放低保金、特困人员基本生活费，孤儿基本生活费，残疾人两项补贴等保障资金5.38亿元。")
    assert got == {("sa.total_assistance_funds", 538000000.0, "元")}


def test_care_tiers_in_separate_sentences_of_a_paragraph_keep_the_highest():
    got = found("失能特困人员照料护理补助标准达到每人每月1200元。半失能特困人员照料护理补助标准达到每人每月370元。")
    assert got == {("sa.tekun_care_standard", 1200.0, "元/人/月")}


def test_a_standard_made_one_for_town_and_country_in_the_clause_before_is_both():
    got = found("全市实施城乡低保标准统一，保障标准为每月795元。")
    assert got == {("sa.dibao_standard_urban", 795.0, "元/人/月"), ("sa.dibao_standard_rural", 795.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全省社区嵌入式养老服务机构建成93家。", {("ec.community_centers", 93.0, "处")}),
        ("护理型养老床位达到2.4万张。", {("ec.nursing_beds", 24000.0, "张")}),
        ("推进600张家庭养老床位建设。", {("ec.beds", 600.0, "张")}),
        ("改建认知障碍照护床位70张。", set()),
    ],
)
def test_elderly_care_facilities_and_beds_named_as_real_reports_name_them(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("1-9月，全县新增城乡低保265户362人，调出532户700人。", ("sa.dibao_exited", 700.0, "人")),
        ("农村五保供养标准为人年6200元。", ("sa.tekun_standard_rural", 6200.0, "元/人/年")),
        ("主城区增设4-5家居家养老服务场所。", ("ec.new_home_care_stations", 4.0, "处")),
    ],
)
def test_exits_written_diaochu_periods_written_rennian_and_new_home_care_places(sentence, expected):
    assert expected in found(sentence)


def test_money_paid_to_a_group_of_children_named_right_before_it_is_their_allowance_money():
    assert ("cp.child_allowance_funds", 1205600.0, "元") in found("全年发放孤儿和困境儿童120.56万元。")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("散居孤儿由每人每月1100元提高到每人每月1200元。", ("cp.orphan_standard_dispersed", 1200.0, "元/人/月")),
        ("集中供养孤儿由每人每月1500元提高到1600元。", ("cp.orphan_standard_institutional", 1600.0, "元/人/月")),
        ("困境儿童由每人每月700元调整为750元。", ("cp.vulnerable_child_standard", 750.0, "元/人/月")),
        ("事实无人抚养儿童每人每月1050元。", ("cp.orphan_standard_dispersed", 1050.0, "元/人/月")),
    ],
)
def test_a_childrens_allowance_named_only_by_the_group_is_their_standard(sentence, expected):
    assert expected in found(sentence)


def test_an_orphan_allowance_that_names_no_care_mode_is_both_orphan_standards():
    got = found("全县孤儿基本生活费由每人每月1300元提高到1400元。")
    assert {
        ("cp.orphan_standard_institutional", 1400.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1400.0, "元/人/月"),
    } <= got


def test_an_orphan_study_grant_per_person_is_not_an_orphan_standard():
    assert not {i for i, _, _ in found("孤儿助学金每人每年8000元。")} & {
        "cp.orphan_standard_institutional",
        "cp.orphan_standard_dispersed",
    }


def test_money_paid_over_a_span_of_months_written_with_both_months_is_not_one_months():
    assert ("cp.child_allowance_funds", 2108000.0, "元") in found("1月至6月，全县发放孤儿保障金210.8万元。")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全县312名事实无人抚养儿童参照孤儿纳入保障。", ("cp.de_facto_unsupported_children", 312.0, "人")),
        ("全年保障27名孤儿的基本生活。", ("cp.orphans", 27.0, "人")),
    ],
)
def test_a_counted_group_followed_by_the_terms_of_its_cover_is_counted(sentence, expected):
    assert expected in found(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("新增12个社区养老服务站。", ("ec.new_home_care_stations", 12.0, "处")),
        ("全县建成乡镇养老服务中心9个。", ("ec.community_centers", 9.0, "处")),
        ("为1200名80周岁以上高龄老人发放补贴86.4万元。", ("ec.elderly_subsidy_funds", 864000.0, "元")),
    ],
)
def test_elderly_care_stations_centres_and_old_age_money_in_real_wordings(sentence, expected):
    assert expected in found(sentence)


def test_beds_for_a_special_group_are_not_the_elderly_care_bed_total():
    assert not any(i == "ec.beds" for i, _, _ in found("新增困难重残养护床位300张。"))


@pytest.mark.parametrize(
    "sentence",
    [
        "全县低保标准和特困人员供养标准同步提高，全县1.3万名困难群众受益。",
        "此次提标将惠及全县8600余名困难群众。",
    ],
)
def test_people_in_hardship_reached_by_a_rise_of_the_standards_are_the_people_with_basic_living_support(sentence):
    assert "sa.assisted_people" in {i for i, _, _ in found(sentence)}


def test_people_who_benefit_from_a_charity_project_are_not_the_people_with_basic_living_support():
    assert "sa.assisted_people" not in {i for i, _, _ in found("开展公益服务80场次，受益困难群众1.2万人。")}


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("发放城乡低保一次性生活补贴130.5万元。", "sa.dibao_funds"),
        ("向各县区核拨城乡低保资金1200万元。", "sa.dibao_funds"),
        ("低收入家庭认定标准按低保标准的1.5倍提高到1350元。", "sa.dibao_standard_urban"),
        ("为让农村五保老人住得更好，敬老院建设标准从每张床位1万元提高到2万元。", "sa.tekun_standard_rural"),
    ],
)
def test_one_off_payments_allocations_and_derived_standards_are_not_the_programmes_figures(sentence, indicator):
    assert indicator not in {i for i, _, _ in found(sentence)}


def test_a_tier_named_only_by_its_places_takes_the_standard_of_the_rise_before_it():
    got = found("城市低保标准城区由每人每月800元提高至860元，四个乡镇由每人每月620元提高至680元。")
    assert {("sa.dibao_standard_urban", 860.0, "元/人/月"), ("sa.dibao_standard_urban", 680.0, "元/人/月")} <= got


def test_a_tier_that_names_the_countryside_is_a_rural_standard():
    got = found("城市低保标准由每人每月700元提高到750元，农村由每人每月500元提高到560元。")
    assert ("sa.dibao_standard_rural", 560.0, "元/人/月") in got
    assert ("sa.dibao_standard_urban", 560.0, "元/人/月") not in got


def test_a_rise_restated_after_ji_in_its_own_clause_is_the_standard_of_the_clause_before():
    got = found("农村低保标准月提高40元，即由现行的每人每月520元，提高到每人每月560元。")
    assert {("sa.dibao_standard_rural", 520.0, "元/人/月"), ("sa.dibao_standard_rural", 560.0, "元/人/月")} <= got


def found_in_city(sentence: str) -> set[tuple[str, float, str]]:
    """The (indicator, value, unit) triples extracted from one sentence of a report of 淮南市 (its counties known)."""
    rows = extract_text(sentence, region="淮南市", year=2020, level="prefecture-level city")
    return {(r.indicator, r.value, r.unit) for r in rows.itertuples()}


@pytest.mark.parametrize(
    "sentence",
    [
        "我市市辖区和凤台县低保标准由每人每月600元提高到650元。",
        "凤台县和市辖区低保标准由每人每月600元提高到650元。",
    ],
)
def test_a_standard_of_the_citys_parts_named_together_is_the_citys_standard(sentence):
    assert ("sa.dibao_standard_urban", 650.0, "元/人/月") in found_in_city(sentence)


def test_a_standard_of_one_county_of_the_city_is_not_the_citys():
    assert not found_in_city("凤台县低保标准由每人每月600元提高到650元。")


def test_values_given_respectively_to_parts_named_together_are_each_a_parts():
    assert not found_in_city("寿县、凤台县的农村低保标准每人每月分别为610元、630元。")


def test_counts_before_their_groups_after_a_clause_that_lists_programmes_are_each_groups():
    got = found("全县提高了城乡低保、特困供养等群体保障标准，有效保障1.2万名城乡低保对象、900名特困供养人员基本生活。")
    assert {("sa.dibao_recipients", 12000.0, "人"), ("sa.tekun_recipients", 900.0, "人")} <= got


@pytest.mark.parametrize(
    "sentence, expected, not_expected",
    [
        ("上半年新认定城市低保对象320人。", ("sa.dibao_newly_enrolled", 320.0, "人"), "sa.dibao_recipients_urban"),
        (
            "新认定农村低保对象900人，城乡低保总保障人口达到3.1万人。",
            ("sa.dibao_recipients", 31000.0, "人"),
            "sa.dibao_recipients_rural",
        ),
    ],
)
def test_newly_admitted_written_xinrending_and_a_town_and_country_total_after_a_rural_clause(
    sentence, expected, not_expected
):
    got = found(sentence)
    assert expected in got
    assert not_expected not in {i for i, v, _ in got if v == expected[1]}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("建成街道养老服务综合体3个、镇级养老服务中心8个。", ("ec.community_centers", 8.0, "处")),
        ("社区建设了12个日间照料服务站。", ("ec.service_facilities", 12.0, "处")),
        ("累计开展60场关爱儿童服务活动。", ("cp.care_activities", 60.0, "次")),
        ("将14名孤儿纳入保障体系，发放基本生活补助31.5万元。", ("cp.orphans", 14.0, "人")),
        ("将14名孤儿纳入保障体系，发放基本生活补助31.5万元。", ("cp.child_allowance_funds", 315000.0, "元")),
        ("全县城乡特困人数达到2100人。", ("sa.tekun_recipients", 2100.0, "人")),
    ],
)
def test_centres_stations_activities_and_orphans_money_in_further_real_wordings(sentence, expected):
    assert expected in found(sentence)


def test_money_in_a_section_headed_by_one_programme_is_that_programmes_money():
    rows = extract_text("一、最低生活保障\n全年累计支出资金1200万元，其中城市支出300万元。", region="某县", year=2024)
    assert ("sa.dibao_funds", 12000000.0) in {(r.indicator, r.value) for r in rows.itertuples()}


def test_a_heading_that_lists_several_topics_names_no_programme_for_the_money_below_it():
    rows = extract_text(
        "（三）临时救助、医疗救助及流浪乞讨人员救助\n全年累计支出资金50万元。", region="某县", year=2024
    )
    assert rows.empty


def test_areas_listed_after_a_colon_take_the_standard_before_it():
    got = found("全县2024年城乡低保标准为：城镇880元/人/月、农村660元/人/月；")
    assert got == {("sa.dibao_standard_urban", 880.0, "元/人/月"), ("sa.dibao_standard_rural", 660.0, "元/人/月")}


def test_care_tiers_listed_one_after_another_keep_the_highest():
    got = found("特困人员照料护理标准为全自理每人每月150元，半护理每人每月300元，全护理每人每月600元。")
    assert got == {("sa.tekun_care_standard", 600.0, "元/人/月")}


def test_an_average_rise_per_person_after_a_standard_is_not_a_tier_of_it():
    got = found("农村低保标准提高至每人每年5400元，平均每人每月提高25元。")
    assert ("sa.dibao_standard_rural", 25.0, "元/人/月") not in got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("城市低保新增30户52人，清退120户260人。", ("sa.dibao_exited", 260.0, "人")),
        ("城市低保保障增幅达到了12.5%。", ("sa.standard_increase", 12.5, "%")),
        ("全年发放社会救助补助资金3.2亿元。", ("sa.total_assistance_funds", 320000000.0, "元")),
        ("全县共建成居家社区养老服务中心46个。", ("ec.community_centers", 46.0, "处")),
        ("建成村级养老服务站88个。", ("ec.service_facilities", 88.0, "处")),
        ("为95名事实无人抚养儿童发放基本生活补贴120.4万元。", ("cp.child_allowance_funds", 1204000.0, "元")),
    ],
)
def test_exits_rises_money_centres_and_childrens_money_in_the_sixth_and_seventh_batches_wordings(sentence, expected):
    assert expected in found(sentence)


def test_back_pay_and_a_monthly_increase_are_not_the_assistance_money():
    got = {i for i, _, _ in found("月增加保障金额30.7万元，补发1-5月提标补助资金152.7万元。")}
    assert not got & {"sa.total_assistance_funds", "sa.dibao_funds"}


def test_newly_admitted_written_after_the_programme_and_a_monthly_increase_that_is_not_money():
    assert ("sa.dibao_newly_enrolled", 61.0, "人") in found("城市低保新增40户61人，清退200户390人。")
    assert "sa.dibao_funds" not in {i for i, _, _ in found("本次提标为全县城市低保对象月增加保障金额20.5万元。")}


def test_a_number_of_streets_in_which_centres_are_built_counts_the_streets_not_the_centres():
    got = found("全县12个街道已建成具备综合功能的养老服务机构9个。")
    assert ("ec.care_institutions", 12.0, "处") not in got
    assert ("ec.care_institutions", 9.0, "处") in got


def test_a_number_of_institutions_followed_by_zhong_counts_a_whole_not_new_institutions():
    assert "ec.care_institutions" not in {i for i, _, _ in found("5个医养结合养老机构中，护理型床位占比达到60%。")}


@pytest.mark.parametrize(
    "sentence",
    [
        "全县现有城乡低保对象9100人，其中城市保障对象1200人，农村保障对象7900人。",
        "全县共保障城乡低保对象5100户、9100人，其中：城市700户、1200人，农村4400户、7900人；",
    ],
)
def test_parts_by_area_after_qizhong_are_the_areas_of_the_total_they_divide(sentence):
    got = found(sentence)
    assert {("sa.dibao_recipients_urban", 1200.0, "人"), ("sa.dibao_recipients_rural", 7900.0, "人")} <= got


def test_near_dibao_families_split_by_area_are_not_dibao_recipients():
    got = {i for i, _, _ in found("全县共有低保边缘家庭300户900人，其中农村低边250户760人，城镇低边50户140人。")}
    assert not got & {"sa.dibao_recipients_urban", "sa.dibao_recipients_rural"}


def test_people_counted_before_their_standard_rises_are_counted():
    got = found("今年，全县3.2万农村低保对象年人均保障标准由去年的6000元提高到6600元。")
    assert ("sa.dibao_recipients_rural", 32000.0, "人") in got


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("全县脱贫户684户1835人，其中享受低保601户1126人。", "sa.dibao_recipients"),
        ("全县建档立卡脱贫户中享受农村特困供养对象18户18人。", "sa.tekun_recipients"),
        ("共为120名特困供养人员发放照料护理补贴资金10.8万元。", "sa.tekun_funds"),
        ("为低保家庭学生发放教育补助资金0.8万元。", "sa.dibao_funds"),
        ("提标后全家2人可享受低保救助金1272元/月。", "sa.dibao_recipients"),
        ("五保户低保标准由一年1000元提高到1200元。", "sa.dibao_standard_rural"),
        ("2家州本级公办养老机构、8家县级公办养老机构形成三级服务网络。", "ec.care_institutions"),
    ],
)
def test_parts_of_other_populations_other_payments_and_tiers_are_not_the_programmes_figures(sentence, indicator):
    assert indicator not in {i for i, _, _ in found(sentence)}


def test_care_tiers_named_only_by_the_tier_after_the_standard_keep_the_highest():
    got = found("特困人员照料护理标准分三档，均按照不能自理每人每月420元、半自理每人每月260元、自理每人每月140元执行。")
    assert got == {("sa.tekun_care_standard", 420.0, "元/人/月")}


def test_a_disclosure_list_of_money_with_person_times_in_parentheses_gives_each_programmes_money():
    got = found("累计发放低保资金5200户（次）9100人（次）512.6万元，特困人员供养资金180人（次）25.4万元。")
    assert {("sa.dibao_funds", 5126000.0, "元"), ("sa.tekun_funds", 254000.0, "元")} <= got
    assert ("sa.dibao_recipients", 9100.0, "人") not in got


def test_tekun_people_and_money_named_by_area_alone_are_tekun_figures():
    got = found("农村特困1100人1650万元；城市特困260人520万元。")
    assert {("sa.tekun_recipients", 1100.0, "人"), ("sa.tekun_funds", 16500000.0, "元")} <= got


def test_a_summary_that_announces_its_report_and_its_plans_together_does_not_make_the_report_a_plan():
    text = "现将2024年工作情况和2025年工作计划汇报如下：\n一、2024年工作情况\n全县城市低保标准为每人每月700元。"
    rows = extract_text(text, region="某县", year=2024)
    assert set(rows["modality"]) == {"achieved"}


def test_exits_and_new_admissions_written_as_numbers_of_dibao_people_are_not_recipients():
    got = found("清退低保人数1200人，增加低保人数900人。")
    assert ("sa.dibao_recipients", 1200.0, "人") not in got
    assert ("sa.dibao_newly_enrolled", 900.0, "人") in got


def test_a_per_person_unit_written_with_a_look_alike_dot_is_a_monthly_standard():
    got = found("集中供养孤儿生活标准为1500元/人•月、散居孤儿为1000元/人・月。")
    assert {
        ("cp.orphan_standard_institutional", 1500.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1000.0, "元/人/月"),
    } <= got


def test_a_standard_set_as_a_multiple_of_the_dibao_standard_is_not_the_dibao_standard():
    got = found("农村特困人员基本生活标准按不低于当地低保标准的1.3倍提高到每人每年不低于7800元。")
    assert got == {("sa.tekun_standard_rural", 7800.0, "元/人/年")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("建设乡镇（街道）养老服务中心18个。", ("ec.community_centers", 18.0, "处")),
        ("建成村级养老互助点120个。", ("ec.service_facilities", 120.0, "处")),
    ],
)
def test_centres_named_with_a_parenthesis_and_mutual_aid_points(sentence, expected):
    assert expected in found(sentence)


def test_a_headlines_rounded_figure_beside_the_exact_one_is_one_figure():
    rows = extract_text(
        "上半年全县发放低保资金641万余元\n上半年，累计发放低保资金641.81万元。", region="某县", year=2024
    )
    got = rows[rows.indicator == "sa.dibao_funds"]
    assert list(got.value) == [6418100.0]
    assert list(got.mentions) == [2]


def test_two_different_sums_are_not_folded_as_a_rounding():
    rows = extract_text("全年发放低保资金500余万元。\n上年发放低保资金612.3万元。", region="某县", year=2024)
    assert len(rows[rows.indicator == "sa.dibao_funds"]) == 2


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全县低保标准由600/人/月提高到640/人/月。", ("sa.dibao_standard_urban", 640.0, "元/人/月")),
        ("农村低保标准>=560元/人*月。", ("sa.dibao_standard_rural", 560.0, "元/人/月")),
    ],
)
def test_standards_written_without_yuan_or_with_a_greater_or_equal_sign_and_a_star(sentence, expected):
    assert expected in found(sentence)


def test_a_greater_or_equal_sign_is_a_floor():
    rows = extract_text("农村低保标准≥560元/人·月。", region="某县", year=2024)
    assert list(rows.qualifier) == ["at_least"]


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("急难型临时救助每次应当不低于1500元（每月城市低保标准的2倍）。", "sa.temp_assistance_funds"),
        ("全县医疗机构实有床位2300张。", "ec.beds"),
    ],
)
def test_amounts_per_case_and_hospital_beds_are_not_totals_of_the_codebook(sentence, indicator):
    assert indicator not in {i for i, _, _ in found(sentence)}


def test_a_list_of_values_for_the_place_after_the_standards_clause_takes_that_standard():
    got = found("全护理、半护理和全自理特困人员照料护理标准，全县为每人每月600元、300元、180元。")
    assert got == {("sa.tekun_care_standard", 600.0, "元/人/月")}


def report_rows_of(text: str, year: int = 2024):
    """The rows extracted from a short report of several lines."""
    return extract_text(text, region="某县", year=year)


def modality_of(text: str, indicator: str, value: float) -> str:
    """The modality of the one row of an indicator and value in a short report."""
    rows = report_rows_of(text)
    (modality,) = rows[(rows.indicator == indicator) & (rows.value == value)].modality
    return modality


def test_figures_under_a_heading_of_the_coming_years_key_work_are_targets_and_the_review_stays_achieved():
    text = (
        "一、2024年工作回顾\n全年新增养老床位320张。\n三、2025年重点工作\n（一）织密兜底保障网\n全年新增养老床位450张。"
    )
    assert modality_of(text, "ec.beds", 320.0) == "achieved"
    assert modality_of(text, "ec.beds", 450.0) == "target"


@pytest.mark.parametrize("heading", ["三、2025年主要任务", "2025年重点工作任务", "二、2025年工作安排"])
def test_a_heading_that_names_the_coming_years_tasks_makes_its_figures_targets(heading):
    text = f"一、2024年工作回顾\n全年新增养老床位320张。\n{heading}\n全年新增养老床位450张。"
    assert modality_of(text, "ec.beds", 450.0) == "target"


@pytest.mark.parametrize("heading", ["二、2024年重点工作完成情况", "民生实事全面完成"])
def test_a_heading_that_reviews_key_work_or_practical_projects_is_not_a_plan(heading):
    text = f"一、总体情况\n各项工作有序推进。\n{heading}\n全年新增养老床位450张。"
    assert modality_of(text, "ec.beds", 450.0) == "achieved"


def test_an_unnumbered_title_of_the_years_practical_projects_covers_the_numbered_items_after_it():
    text = (
        "附件\n2025年市十件民生实事\n坚持民生为大，办好十件民生实事。\n"
        "一、提高困难群众保障水平。\n城市低保标准从每人每月800元提高到830元。\n"
        "二、扩大养老服务供给。\n全年新增养老床位450张。"
    )
    assert modality_of(text, "sa.dibao_standard_urban", 830.0) == "target"
    assert modality_of(text, "ec.beds", 450.0) == "target"


def test_the_starting_value_of_a_planned_rise_is_where_things_stand_so_achieved():
    text = "2025年市十件民生实事\n坚持民生为大。\n一、提高保障水平。\n城市低保标准从每人每月800元提高到830元。"
    assert modality_of(text, "sa.dibao_standard_urban", 800.0) == "achieved"


def test_a_lead_sentence_ending_in_a_colon_makes_the_plain_paragraphs_after_it_targets():
    text = "今年全县新增养老床位320张。\n2025年，我们将重点做好以下工作：\n全年新增养老床位450张。"
    assert modality_of(text, "ec.beds", 320.0) == "achieved"
    assert modality_of(text, "ec.beds", 450.0) == "target"


def test_in_a_list_of_rises_the_pensions_rise_is_not_an_assistance_standards_rise():
    got = found("城乡居民基础养老金、城市低保、农村低保标准分别提高30%、12%、15%。")
    assert got == {("sa.standard_increase", 12.0, "%"), ("sa.standard_increase", 15.0, "%")}


@pytest.mark.parametrize(
    "sentence",
    [
        "健全社会救助体系，城乡居民基础养老金最低标准提高15%。",
        "城乡低保平均标准提高到720元/月，城乡居民基础养老金最低标准从110元/月提高到160元/月。",
        "发放社保待遇120亿元。",
    ],
)
def test_a_pension_or_social_insurance_figure_is_not_the_codebooks_after_a_dibao_clause(sentence):
    got = found(sentence)
    assert not any(value in (15.0, 110.0, 160.0, 12_000_000_000.0) for _, value, _ in got)


def test_a_ratio_of_two_standards_that_rises_is_not_a_rise_of_the_standards():
    assert not found("农村低保标准占城市低保标准的比例从70%提高到75%。")


def test_a_list_of_base_year_standards_takes_the_areas_of_the_list_it_is_compared_with():
    rows = report_rows_of(
        "连年提高城乡低保标准，分别达到690元/月和520元/月，较2018年的500元/月和330元/月分别增长38%、58%。"
    )
    got = {(r.indicator, r.value, r.period) for r in rows.itertuples()}
    assert {("sa.dibao_standard_urban", 500.0, 2018), ("sa.dibao_standard_rural", 330.0, 2018)} <= got
    assert {("sa.dibao_standard_urban", 690.0, 2024), ("sa.dibao_standard_rural", 520.0, 2024)} <= got


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("320万困难群众纳入城乡低保、特困人员救助供养范围。", 3_200_000.0),
        ("五年来，280万困难群众基本生活得到有效保障。", 2_800_000.0),
        ("上半年共为8200名困难群众发放最低生活保障金、残疾人两项补贴等各类保障金。", 8200.0),
    ],
)
def test_people_in_hardship_brought_under_assistance_or_paid_its_money_are_all_assisted_people(sentence, value):
    assert ("sa.assisted_people", value, "人") in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "走访慰问困难群众3000人。",
        "开展公益服务80场次，受益困难群众2000人。",
        "为受疫情影响的困难群众1500人实施了临时救助。",
        "向6万名困难群众发放价格临时补贴1200万元。",
        "将5万名困难群众纳入了低保范围。",
    ],
)
def test_people_in_hardship_visited_helped_once_or_brought_under_dibao_alone_are_not_all_assisted_people(sentence):
    assert not any(indicator == "sa.assisted_people" for indicator, _, _ in found(sentence))


def test_money_paid_at_a_per_head_rate_without_a_period_is_a_one_off_payment_not_programme_money():
    got = found(
        "按照农村低保对象150元/人、城市低保对象250元/人的补贴标准，共发放城市低保1300人325000元，农村低保2600人390000元。"
    )
    assert not any(indicator.endswith("_funds") for indicator, _, _ in got)
    assert ("sa.dibao_recipients_urban", 1300.0, "人") in got


@pytest.mark.parametrize(
    "sentence",
    ["本月新增特困供养人员4人，退出特困供养人员2人。", "截至3月底，城市特困集中供养人员16人，分散供养人员250人。"],
)
def test_a_months_exits_and_counts_by_care_mode_are_not_tekun_totals(sentence):
    got = found(sentence)
    assert not any(indicator in ("sa.tekun_recipients", "sa.dibao_exited") for indicator, _, _ in got)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "全县养老机构和设施达到812个、床位9600张。",
            {("ec.service_facilities", 812.0, "处"), ("ec.beds", 9600.0, "张")},
        ),
        ("建成乡镇（街道）养老服务机构61个。", {("ec.community_centers", 61.0, "处")}),
        ("新增家庭养老床位1200张。", {("ec.beds", 1200.0, "张")}),
        ("新建社区长者食堂45家、家门口养老服务站210个。", {("ec.new_home_care_stations", 210.0, "处")}),
    ],
)
def test_elderly_care_counts_of_facilities_township_institutions_family_beds_and_stations(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("两证齐全医养结合养老机构增至86家。", "ec.care_institutions"),
        ("筹措供应“青年人才驿站”床位2100张。", "ec.beds"),
    ],
)
def test_institutions_with_both_licences_and_housing_beds_are_not_the_codebooks(sentence, indicator):
    assert not any(i == indicator for i, _, _ in found(sentence))


def pairs_of(text: str) -> set[tuple[str, float]]:
    """The (indicator, value) pairs extracted from a short report."""
    return {(r.indicator, r.value) for r in extract_text(text, region="某县", year=2024).itertuples()}


@pytest.mark.parametrize(
    "text, parts",
    [
        ("全县城市低保对象320户、610人；农村低保对象2150户、4030人。", {320.0, 2150.0}),
        ("截至6月底，城镇居民享受低保412户；牧区最低生活保障对象95户、188人。", {412.0, 95.0}),
        ("在册城市低保家庭1.2万户，在册农村低保家庭3.4万户。", {12000.0, 34000.0}),
    ],
)
def test_dibao_households_by_area_are_each_a_row_when_the_report_states_no_total(text, parts):
    assert {value for indicator, value in pairs_of(text) if indicator == "sa.dibao_households"} == parts


def test_dibao_households_by_area_give_way_to_the_total_the_report_states():
    text = "全县共有低保对象2470户4640人。其中城市低保对象320户610人，农村低保对象2150户4030人。"
    assert {value for indicator, value in pairs_of(text) if indicator == "sa.dibao_households"} == {2470.0}


def test_money_by_area_is_kept_as_parts_without_a_total_and_dropped_beside_one():
    parts = "发放城市低保资金120万元、农村低保资金340万元。"
    assert {v for i, v in pairs_of(parts) if i == "sa.dibao_funds"} == {1200000.0, 3400000.0}
    whole = "上半年全县发放城乡低保资金460万元。" + parts
    assert {v for i, v in pairs_of(whole) if i == "sa.dibao_funds"} == {4600000.0}


def test_money_after_a_clause_naming_one_area_of_a_programme_is_that_areas_part():
    text = "全县发放低保资金900万元。其中：城镇低保对象800人，发放最低生活保障金300万元；农村低保对象2100人，发放最低生活保障金600万元。"
    assert {v for i, v in pairs_of(text) if i == "sa.dibao_funds"} == {9000000.0}


def test_tekun_people_by_area_are_parts_and_a_subgroup_unable_to_care_for_themselves_is_no_total():
    text = "城镇特困人员110人，农牧区特困人员65人。共为90名生活不能自理特困供养人员发放护理补贴8万元。"
    assert {v for i, v in pairs_of(text) if i == "sa.tekun_recipients"} == {110.0, 65.0}


def test_households_outside_dibao_are_not_dibao_households():
    text = "向低保范围外的48户支出型困难家庭发放临时救助金6万元。"
    assert not {i for i, _ in pairs_of(text)} & {"sa.dibao_households", "sa.dibao_recipients"}


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("去年全市累计发放救助资金3.45亿元。", 345000000.0),
        ("一季度共为困难群众发放救助金8600万元。", 86000000.0),
        ("全年为2.1万人次发放救助金1.2亿元，兜住了民生底线。", 120000000.0),
        ("保障城市低保1200人、农村特困300人，累计发放保障金9800万元。", 98000000.0),
        ("共计发放民生保障资金2.3亿元。", 230000000.0),
    ],
)
def test_assistance_money_named_generally_is_all_assistance_money(sentence, value):
    assert ("sa.total_assistance_funds", value) in pairs_of(sentence)


def test_money_named_generally_after_a_clause_of_one_kind_of_assistance_is_that_kinds():
    got = pairs_of("全县医疗救助3200人次，救助资金410万元；实施临时救助560人次，发放救助资金95万元。")
    assert ("sa.medical_assistance_funds", 4100000.0) in got
    assert ("sa.temp_assistance_funds", 950000.0) in got
    assert not {i for i, _ in got} & {"sa.total_assistance_funds"}


def test_money_of_a_quoted_scheme_or_money_a_rise_adds_is_not_all_assistance_money():
    got = pairs_of("累计发放“暖心行动”救助金12万元。提标惠及低保对象900名、特困人员150名，全年将新增救助资金80万元。")
    assert not {i for i, _ in got} & {"sa.total_assistance_funds", "sa.tekun_funds", "sa.dibao_funds"}


def test_the_social_assistance_spending_row_of_a_statistics_table_is_all_assistance_money_and_ratios_are_skipped():
    text = "\n".join(
        [
            "指标名称 | 单位 | 代码 | 数量 | 上期 | 环比 |",
            "2.社会救助 | 万元 | ABC011220000 | 52,300.5 | 47,100.0 | 11.04 |",
            "其中:最低生活保障 | 万元 | ABC011221000 | 30,200.0 | 27,500.0 | 9.82 |",
        ]
    )
    got = pairs_of(text)
    assert ("sa.total_assistance_funds", 523005000.0) in got
    assert ("sa.dibao_funds", 302000000.0) in got
    assert not any(value in (110400.0, 98200.0, 11.04, 9.82) for _, value in got)


def test_a_statistics_table_by_area_with_no_total_gives_households_and_tekun_people_as_parts():
    text = "\n".join(
        [
            "指标名称 | 单位 | 数量 |",
            "城市最低生活保障 | ||",
            "最低生活保障户数 | 户 | 3,120 |",
            "农村最低生活保障 | ||",
            "最低生活保障户数 | 户 | 8,450 |",
            "城市特困人员救助供养人数 | 人 | 410 |",
            "农村特困人员救助供养人数 | 人 | 2,260 |",
        ]
    )
    got = pairs_of(text)
    assert {v for i, v in got if i == "sa.tekun_recipients"} == {410.0, 2260.0}
    assert {v for i, v in got if i == "sa.dibao_households"} == {3120.0, 8450.0}


def test_a_statistics_table_with_a_total_of_households_gives_the_total_only():
    text = "\n".join(
        [
            "指标名称 | 单位 | 数量 |",
            "城乡最低生活保障户数 | 户 | 11,570 |",
            "城市最低生活保障 | ||",
            "最低生活保障户数 | 户 | 3,120 |",
            "农村最低生活保障 | ||",
            "最低生活保障户数 | 户 | 8,450 |",
        ]
    )
    assert {v for i, v in pairs_of(text) if i == "sa.dibao_households"} == {11570.0}


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("为12.5万名残疾人发放“两项补贴”资金0.9亿元。", 125000.0),
        ("为126万残疾人发放生活补贴和护理补贴。", 1260000.0),
        ("累计发放残疾人“两项补贴”1.8亿元，惠及全市3.2万名残疾人。", 32000.0),
        ("为1200户2300名残疾人发放“两残”补助180万元。", 2300.0),
    ],
)
def test_disabled_people_written_before_or_after_the_subsidies_they_receive_are_its_recipients(sentence, value):
    assert ("sa.disability_subsidy_recipients", value, "人") in found(sentence)


def test_the_money_of_the_two_disability_subsidies_may_be_written_as_liangcan():
    assert ("sa.disability_subsidy_funds", 1800000.0, "元") in found("为1200户2300名残疾人发放“两残”补助180万元。")


def test_people_before_a_quoted_title_they_were_given_are_still_not_counted():
    assert found("大会表彰了36名“最美民政人”。") == set()


def test_households_paid_the_dibao_money_of_one_area_are_each_a_part_when_no_total_is_stated():
    got = found("全年为1300户2400人发放城市低保金900万元，为3100户5500人发放农村低保金1700万元。")
    assert {("sa.dibao_households", 1300.0, "户"), ("sa.dibao_households", 3100.0, "户")} <= got


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("全年临时救助因病因灾造成生活暂时困难的群众310人次，发放临时救助资金52.6万元。", 310.0),
        ("救助临时性困难群众4200人次，支出临时救助资金390.5万元。", 4200.0),
        ("今年全县已发放临时救助金380万元，直接受益2900多人次。", 2900.0),
    ],
)
def test_temporary_assistance_cases_may_be_counted_as_the_people_helped(sentence, value):
    assert ("sa.temp_assistance_cases", value, "人次") in found(sentence)


def test_people_reached_by_a_one_off_price_subsidy_are_no_temporary_assistance_cases():
    assert not any(r[0] == "sa.temp_assistance_cases" for r in found("发放价格临时补贴30万元，惠及困难群众9000人次。"))


@pytest.mark.parametrize("sentence", ["增加普惠型养老床位3000个。", "全县养老床位达到3000个。"])
def test_elderly_care_beds_counted_with_the_measure_word_of_places_are_beds(sentence):
    assert ("ec.beds", 3000.0, "张") in found(sentence)


def test_beds_counted_in_ge_that_are_not_elderly_care_beds_stay_out():
    assert not any(r[0] == "ec.beds" for r in found("社会福利院床位2241个。"))


def test_a_list_item_that_opens_with_its_own_verb_does_not_lend_its_noun_to_the_next_number():
    got = found("新增16个社区养老服务站（日间照料中心）、提质改造5个公办养老服务机构设施。")
    assert got == {("ec.new_home_care_stations", 16.0, "处")}


def test_two_modifiers_joined_by_a_list_mark_still_name_the_noun_after_them():
    got = found("建成4处街道、社区综合养老服务中心19处。")
    assert got == {("ec.community_centers", 4.0, "处"), ("ec.community_centers", 19.0, "处")}


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("已建成5家特困人员集中供养服务机构，改造提升12家农村区域性养老服务中心。", "ec.community_centers"),
        ("今年将新建和改扩建乡镇敬老院30所。", "ec.care_institutions"),
        ("提质改造8个社区养老服务站。", "ec.new_home_care_stations"),
    ],
)
def test_elderly_care_places_being_upgraded_are_neither_the_stock_nor_new_places(sentence, indicator):
    assert not any(r[0] == indicator for r in found(sentence))


def modality_rows(sentence: str) -> list[tuple[str, float, str]]:
    """The (indicator, value, modality) rows extracted from one sentence of a county report."""
    rows = extract_text(sentence, region="某县", year=2024)
    return [(r.indicator, r.value, r.modality) for r in rows.itertuples()]


def test_people_leaving_dibao_after_new_entrants_are_exits_not_entries():
    got = found("上半年，全县新增低保310人，退出低保275人。")
    assert ("sa.dibao_exited", 275.0, "人") in got
    assert ("sa.dibao_newly_enrolled", 275.0, "人") not in got


def test_consolation_money_handed_to_tekun_elderly_is_not_tekun_money():
    got = found("春节期间走访慰问特困老人，发放慰问金12万元。")
    assert not any(indicator == "sa.tekun_funds" for indicator, _, _ in got)


def test_a_monthly_rate_carried_only_by_the_last_value_of_a_list_is_not_money_paid():
    got = found("为3000名重度残疾人发放护理补贴（一级、二级分别为90元、60元/月）。")
    assert not any(indicator == "sa.disability_subsidy_funds" for indicator, _, _ in got)


@pytest.mark.parametrize(
    "sentence, indicator, value",
    [
        ("示范打造8处村级日间照料服务站。", "ec.new_home_care_stations", 8.0),
        ("全区建成颐康服务站45个。", "ec.new_home_care_stations", 45.0),
    ],
)
def test_community_care_stations_of_local_names_built_in_the_year_are_new_stations(sentence, indicator, value):
    got = found(sentence)
    assert (indicator, value, "处") in got
    assert not any(i == "ec.service_facilities" for i, _, _ in got)


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("（1）农村低保标准不低于520元每月；", "target"),
        ("城市低保标准提高到每人每月不低于700元。", "achieved"),
    ],
)
def test_a_standard_set_as_a_bare_minimum_is_a_target_but_one_raised_to_a_minimum_is_achieved(sentence, modality):
    got = [row for row in modality_rows(sentence) if "standard" in row[0]]
    assert got and all(m == modality for _, _, m in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "本月全县共有低保边缘家庭200户520人，其中农村180户470人，城镇低保20户50人。",
        "本月全县共有低保家庭老年人300户350人，其中农村280户320人，城镇低保20户30人。",
    ],
)
def test_the_parts_of_a_group_beside_dibao_are_not_dibao_counts(sentence):
    got = found(sentence)
    assert not any(indicator.startswith("sa.dibao_recipients") for indicator, _, _ in got)


def test_a_space_a_page_leaves_between_digits_and_their_unit_keeps_the_figure():
    assert pairs_of("全县现有养老床位3200 张，其中护理型床位1500　张。") == {
        ("ec.beds", 3200.0),
        ("ec.nursing_beds", 1500.0),
    }


def test_a_digit_before_a_spaced_word_that_merely_starts_like_a_unit_gives_no_figure():
    assert pairs_of("详见附表2 人员名单，2023 年全县工作总结如下。") == set()


def test_a_rise_from_minimums_to_minimums_pairs_the_later_values_with_the_earlier_ones():
    got = found(
        "五保对象集中供养和分散供养标准，分别由每人每年不低于3600元、2700元，提高到每人每年不低于3900元和2950元。"
    )
    assert {
        ("sa.tekun_standard_centralized", 3900.0, "元/人/年"),
        ("sa.tekun_standard_dispersed", 2950.0, "元/人/年"),
    } <= got


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("上半年全区发放城乡低保等社会救助资金2.14亿元。", 214000000.0),
        ("全年发放困难群众救助补助资金4.6亿元，惠及9万人次。", 460000000.0),
        ("发放城乡低保、孤儿等特殊群体补贴2600余万元。", 26000000.0),
    ],
)
def test_money_of_one_programme_named_as_an_example_of_assistance_in_general_is_all_assistance_money(sentence, value):
    assert ("sa.total_assistance_funds", value, "元") in found(sentence)
    assert not any(indicator in ("sa.dibao_funds", "sa.tekun_funds") for indicator, _, _ in found(sentence))


def test_money_named_generally_after_a_list_of_counts_of_several_programmes_is_all_assistance_money():
    got = found("全区保障城市低保900人，农村低保1.6万人，农村特困1500人，城市特困70人，累计发放保障金1.12亿元。")
    assert ("sa.total_assistance_funds", 112000000.0, "元") in got
    assert not any(indicator == "sa.tekun_funds" for indicator, _, _ in got)


def test_money_named_generally_after_one_programmes_count_stays_that_programmes():
    assert ("sa.temp_assistance_funds", 3600000.0, "元") in found("全年实施临时救助2100人次，救助资金360万元。")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全年为全区1900名低保对象发放低保金。", {("sa.dibao_recipients", 1900.0, "人")}),
        (
            "此次提标为全县2100户5300名城市低保对象提高了补助水平。",
            {("sa.dibao_households", 2100.0, "户"), ("sa.dibao_recipients_urban", 5300.0, "人")},
        ),
        ("上半年为8200名困难群众发放最低生活保障金、残疾人两项补贴等保障金。", {("sa.assisted_people", 8200.0, "人")}),
    ],
)
def test_people_a_programmes_money_or_a_rise_is_paid_to_are_counted(sentence, expected):
    assert expected <= found(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "截至目前，农村低保新增35户52人，清退41户66人，共有1650户，2380人。",
            {("sa.dibao_households", 1650.0, "户"), ("sa.dibao_recipients_rural", 2380.0, "人")},
        ),
        (
            "全区现有城市低保8700户，共计15400人。",
            {("sa.dibao_households", 8700.0, "户"), ("sa.dibao_recipients_urban", 15400.0, "人")},
        ),
    ],
)
def test_a_clause_that_says_only_how_many_there_are_now_takes_its_group_from_the_clauses_before(sentence, expected):
    assert expected <= found(sentence)


def test_a_total_after_a_clause_without_figures_takes_no_group_from_it():
    assert found("资助困难残疾人家庭子女大学生，合计520名。") == set()


def test_a_list_item_of_another_measure_leaves_the_standard_beside_it_alone():
    got = found("某县城市低保保障标准和月人均补助水平分别由上年的420元、305元提高到455元、330元。")
    assert {("sa.dibao_standard_urban", 420.0, "元/人/月"), ("sa.dibao_standard_urban", 455.0, "元/人/月")} == got


def test_care_modes_listed_before_their_noun_each_take_the_noun_and_not_the_other_mode():
    got = found("五保对象集中和分散供养标准分别为每人每月690元、560元。")
    assert got == {
        ("sa.tekun_standard_centralized", 690.0, "元/人/月"),
        ("sa.tekun_standard_dispersed", 560.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "城市特困人员集中和分散供养标准分别为812元/人.月、790元/人.月；农村特困人员集中和分散供养标准分别为705元/人.月、668元/人.月。",
        "城市特困人员0.8万人，平均集中和分散救助供养标准分别为812元/人.月、790元/人.月；"
        "农村特困人员9.6万人，平均集中和分散救助供养标准分别为705元/人.月、668元/人.月。",
    ],
)
def test_a_report_that_splits_tekun_standards_by_area_gives_each_care_mode_its_areas_id(sentence):
    got = {row for row in found(sentence) if "standard" in row[0]}
    assert got == {
        ("sa.tekun_standard_urban", 812.0, "元/人/月"),
        ("sa.tekun_standard_urban", 790.0, "元/人/月"),
        ("sa.tekun_standard_rural", 705.0, "元/人/月"),
        ("sa.tekun_standard_rural", 668.0, "元/人/月"),
    }


@pytest.mark.parametrize("sentence", ["五年来累计发放低保、特困资金126亿元。", "全年发放低保和特困对象资金126亿元。"])
def test_money_of_dibao_and_tekun_together_is_all_assistance_money_like_their_people(sentence):
    assert found(sentence) == {("sa.total_assistance_funds", 12600000000.0, "元")}


def test_institutions_and_facilities_counted_together_are_all_facilities():
    assert found("全市建成居家社区养老服务机构和设施1320个。") == {("ec.service_facilities", 1320.0, "处")}


def test_money_named_generally_after_a_clause_about_a_one_off_payment_is_no_programmes():
    got = found("落实为城乡低保对象、特困供养人员发放一次性生活补贴政策，及时发放资金86.5万元。")
    assert not any(indicator.endswith("funds") for indicator, _, _ in got)


def test_home_care_stations_and_mutual_aid_care_centres_are_counted_as_facilities_and_happiness_homes():
    got = found("全省建成社区居家养老服务站520个，农村老年人互助照料活动中心1300个。")
    assert got == {("ec.service_facilities", 520.0, "处"), ("ec.rural_happiness_homes", 1300.0, "处")}


def test_mutual_aid_centres_only_upgraded_are_not_counted():
    assert found("全年完成9个互助照料中心提档升级。") == set()


def test_study_grants_of_an_orphans_project_are_study_grants_not_living_allowance():
    got = found("为60名学生发放“孤儿助学工程”助学金30万元。")
    assert ("cp.education_grant_funds", 300000.0, "元") in got
    assert not any(indicator == "cp.child_allowance_funds" for indicator, _, _ in got)


def test_a_rise_written_verb_first_is_a_rise_and_a_margin_over_a_floor_is_not():
    assert found("今年提高城市低保保障标准9%。") == {("sa.standard_increase", 9.0, "%")}
    assert found("全县低保标准高于省最低标准要求12%。") == set()


def test_two_earlier_standards_raised_to_one_are_earlier_values_and_the_one_is_both_areas():
    rows = extract_text("城乡低保标准由每人每月410元、230元提高到560元。", region="某县", year=2020)
    got = {(r.indicator, r.value, None if pd.isna(r.period) else int(r.period)) for r in rows.itertuples()}
    assert got == {
        ("sa.dibao_standard_urban", 410.0, None),
        ("sa.dibao_standard_rural", 230.0, None),
        ("sa.dibao_standard_urban", 560.0, 2020),
        ("sa.dibao_standard_rural", 560.0, 2020),
    }


def test_money_its_own_words_call_general_is_all_assistance_money_after_a_clause_about_dibao():
    got = found("城乡低保标准分别提高到每人每月460元和每人每年3300元，全年累计发放社会保障兜底脱贫资金6200万元。")
    assert ("sa.total_assistance_funds", 62000000.0, "元") in got
    assert not any(indicator == "sa.dibao_funds" for indicator, _, _ in got)


def test_an_amount_clause_takes_its_programme_from_the_clause_before():
    got = found(
        "累计发放困难残疾人生活补贴38000人次，金额290.5万元；累计发放重度残疾人护理补贴51000人次，金额410.2万元。"
    )
    assert {("sa.disability_subsidy_funds", 2905000.0, "元"), ("sa.disability_subsidy_funds", 4102000.0, "元")} <= got


def test_an_amount_clause_after_a_clause_naming_no_programme_takes_nothing():
    assert found("截至目前，已救助96人次，金额18.6万元。") == set()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "特困人员部分丧失生活自理能力照料护理平均标准为480元/月，完全丧失生活自理能力照料护理平均标准为1190元/月。",
            {("sa.tekun_care_standard", 1190.0, "元/人/月")},
        ),
        (
            "1月起，某县城市低保上涨2.1%，农村低保上涨1.4%。",
            {("sa.standard_increase", 2.1, "%"), ("sa.standard_increase", 1.4, "%")},
        ),
        ("发放农村困难老年人养老服务补助64万元。", {("ec.elderly_subsidy_funds", 640000.0, "元")}),
        ("农村低保将扩面2万人。", {("sa.dibao_newly_enrolled", 20000.0, "人")}),
    ],
)
def test_average_care_tiers_rises_written_without_standard_elderly_service_aid_and_expansion(sentence, expected):
    assert found(sentence) == expected


def test_a_tier_of_districts_named_and_counted_is_not_the_citys_standard():
    rows = extract_text(
        "市中区、槐荫区、天桥区、历城区四区城乡居民最低生活保障标准提高到980元/月。", region="济南市", year=2022
    )
    assert rows.empty


def test_applications_reviewed_and_cases_adjusted_are_not_dibao_counts():
    assert found("开展群众评议低保申请户2.1万户，动态调整低保户15000户24000人。") == set()


def test_local_names_of_centres_stations_and_happiness_homes():
    got = found(
        "年内计划新建镇级养老照料中心4个、社区养老服务驿站25个，建设街道综合养老服务机构12个、农村幸福家园90个。"
    )
    assert {
        ("ec.community_centers", 4.0, "处"),
        ("ec.new_home_care_stations", 25.0, "处"),
        ("ec.community_centers", 12.0, "处"),
        ("ec.rural_happiness_homes", 90.0, "处"),
    } <= got


def test_a_budget_headings_code_is_not_money():
    assert found("（3）临时救助支出（政府收支分类科目208200）") == set()


def test_orphans_at_university_and_rehabilitation_help_are_not_orphan_or_subsidy_counts():
    assert found("全省共有5200名孤儿、610名孤儿大学生。") == {("cp.orphans", 5200.0, "人")}
    assert found("为困难残疾人提供康复救助1800名。") == set()


def test_people_before_a_comma_are_those_the_next_clause_pays():
    got = found("共为2100户3900人，发放城乡低保金560万元。")
    assert {("sa.dibao_households", 2100.0, "户"), ("sa.dibao_recipients", 3900.0, "人")} <= got


def test_a_clause_naming_only_a_care_mode_takes_the_group_of_the_clause_before():
    got = found("“孤儿”分散供养标准为1050元/月，集中供养标准为1300元/月。")
    assert got == {
        ("cp.orphan_standard_dispersed", 1050.0, "元/人/月"),
        ("cp.orphan_standard_institutional", 1300.0, "元/人/月"),
    }


def test_people_by_care_mode_after_the_total_stay_parts():
    got = found("全区特困人员11000人，集中供养6000人，分散供养5000人。")
    assert got == {("sa.tekun_recipients", 11000.0, "人")}


def test_nongmu_names_the_countryside():
    assert found("农牧低保保障标准为3600元/年。") == {("sa.dibao_standard_rural", 3600.0, "元/人/年")}


def test_beds_of_all_residential_social_service_institutions_are_not_elderly_beds():
    assert found("年末全县有各类提供住宿的社会服务机构52个，床位0.7万张（其中社区日间照料床位2000张）。") == set()


def test_one_persons_money_is_not_the_regions():
    assert found("近日，社区的王女士说，今年上半年，她已领到了4000元临时救助金。") == set()


def test_centres_written_with_their_stations_are_facilities_and_their_parts_are_not_rows():
    got = found("成立了90个居家养老服务中心（站），其中城区12个居家养老服务站有6个实现了政府购买。")
    assert got == {("ec.service_facilities", 90.0, "处")}


def test_case_services_of_social_work_stations_are_not_stations():
    assert found("各乡镇社工站共开展个案服务420个。") == set()


def test_a_tiers_standard_is_no_row_beside_the_regions_own_but_is_where_only_tiers_are_given():
    tiers = "全省城市低保标准划分为两个档次：第一档省会各区保障标准为700元/月，第二档其余各市保障标准为650元/月。"
    assert found("全省城市低保平均标准达到680元/月。" + tiers) == {("sa.dibao_standard_urban", 680.0, "元/人/月")}
    assert {("sa.dibao_standard_urban", 700.0, "元/人/月"), ("sa.dibao_standard_urban", 650.0, "元/人/月")} <= found(
        tiers
    )


def test_figures_that_add_up_to_the_figure_of_their_id_before_them_are_its_parts():
    got = found("全省计划建设30个县级以上公办养老机构，3个省级养老机构，6个市级养老机构，21个县级养老机构。")
    assert got == {("ec.care_institutions", 30.0, "处")}


def test_money_handed_down_to_a_project_is_no_programmes_money():
    assert found("全区共下达五保集中供养项目资金8200万元。") == set()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("3季度城市低保对象累计增加1100户1400人。", {("sa.dibao_newly_enrolled", 1400.0, "人")}),
        (
            "全县农村低保再次扩面2800人，总人数达到3.6万人。",
            {("sa.dibao_newly_enrolled", 2800.0, "人"), ("sa.dibao_recipients_rural", 36000.0, "人")},
        ),
        (
            "分散供养五保对象年标准由原来的1500元/人提高到1850元/人。",
            {("sa.tekun_standard_dispersed", 1500.0, "元/人/年"), ("sa.tekun_standard_dispersed", 1850.0, "元/人/年")},
        ),
    ],
)
def test_additions_in_a_quarter_totals_after_an_expansion_and_a_yearly_standard_named_away_from_its_number(
    sentence, expected
):
    assert found(sentence) == expected


def test_a_tekun_standard_after_dibao_standards_written_out_in_full_is_a_tekun_standard():
    got = found(
        "城市居民最低生活保障标准由每人每月700元提高至760元，农村居民最低生活保障标准由每人每年5200元提高至5600元，"
        "农村特困人员基本生活标准由每人每年6800元提高至7300元。"
    )
    assert ("sa.tekun_standard_rural", 7300.0, "元/人/年") in got
    assert not {row for row in got if row[0].startswith("sa.dibao") and row[1] in (6800.0, 7300.0)}


def test_jiang_before_a_standards_name_and_its_rise_is_no_plan():
    rows = extract_text("同时将分散供养特困人员基本生活标准由每人每年8000元提高至8600元。", region="某县", year=2024)
    assert set(rows["modality"]) == {"achieved"}


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("会议决定，今年起全市低保标准将从每人每月600元提高到每人每月650元。", "achieved"),
        ("根据方案，全省农村低保标准将由5000元/人年提高到5400元/人年。", "achieved"),
        ("全县城市低保标准将提高到每人每月900元。", "target"),
        ("会议决定，今年将新建养老床位1000张。", "target"),
    ],
)
def test_a_standard_decided_or_dated_is_achieved_though_written_with_jiang(sentence, modality):
    rows = extract_text(sentence, region="某县", year=2024)
    assert set(rows["modality"].iloc[-1:]) == {modality}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "城市低保标准为每人每月800元（A类800元、B类640元、C类520元）。",
            {("sa.dibao_standard_urban", 800.0, "元/人/月")},
        ),
        ("城乡低保标准分别提高40元和35元。", set()),
        (
            "城乡低保分类救助标准相应调整，一级残疾人每人每年1200元，城市孤老专项生活补助标准调整为每人每月260元。",
            set(),
        ),
        ("提标后各级财政每年将新增城乡低保资金2.8亿元。", set()),
        ("全区城乡低保对象月均补助水平分别达310元和150元。", set()),
    ],
)
def test_class_payments_listed_rises_top_ups_and_money_beside_a_standard_are_not_standards(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "全年为6200个城乡低保对象发放低保金2500万元。",
            {("sa.dibao_recipients", 6200.0, "人"), ("sa.dibao_funds", 25000000.0, "元")},
        ),
        ("全年发放两残补贴720万元。", {("sa.disability_subsidy_funds", 7200000.0, "元")}),
        ("年底全省城乡低保和农村五保对象共38.6万人。", {("sa.assisted_people", 386000.0, "人")}),
    ],
)
def test_people_counted_with_ge_two_disability_subsidies_shortened_and_dibao_with_wubao_people(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("为青山镇敬老院、白水镇敬老院2所公办养老机构进行消防安全提质改造。", set()),
        ("全县现有敬老院9所，床位620张。", {("ec.care_institutions", 9.0, "处"), ("ec.beds", 620.0, "张")}),
        (
            "农村居民最低生活保障标准由每年4000元提高到4400元，分散供养标准由每人每年5000元调整为每人每年5500元。",
            {
                ("sa.dibao_standard_rural", 4000.0, "元/人/年"),
                ("sa.dibao_standard_rural", 4400.0, "元/人/年"),
                ("sa.tekun_standard_dispersed", 5000.0, "元/人/年"),
                ("sa.tekun_standard_dispersed", 5500.0, "元/人/年"),
            },
        ),
        ("城市三胞胎家庭生活补助标准调整为每户每月150元。", set()),
    ],
)
def test_places_upgraded_support_modes_after_dibao_and_family_allowances(sentence, expected):
    assert found(sentence) == expected


def test_urban_sanwu_and_rural_wubao_people_are_the_two_area_parts_of_tekun():
    got = found("全年为96人发放五保供养金88.5万元；为21名城镇三无人员发放供养金19.2万元。")
    assert got == {
        ("sa.tekun_recipients", 96.0, "人"),
        ("sa.tekun_funds", 885000.0, "元"),
        ("sa.tekun_recipients", 21.0, "人"),
        ("sa.tekun_funds", 192000.0, "元"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("为全县1500户、2800人城镇低保家庭发放取暖补贴和过节费8万元。", set()),
        ("符合农村低保季节性缺粮救助对象2100户4300人。", set()),
        (
            "现有孤儿64人，发放孤儿供养资金72万元。",
            {("cp.orphans", 64.0, "人"), ("cp.child_allowance_funds", 720000.0, "元")},
        ),
        (
            "全年支出城市医疗救助资金300万元，支出农村医疗救助资金200万元，累计支出城乡医疗救助资金500万元。",
            {("sa.medical_assistance_funds", 5000000.0, "元")},
        ),
    ],
)
def test_heating_holiday_and_seasonal_help_orphans_support_money_and_parts_before_their_total(sentence, expected):
    assert found(sentence) == expected


def test_two_values_of_a_standard_naming_no_area_listed_fenbie_are_town_then_country():
    got = found("全市特困供养基本生活平均标准分别为9800元/人/年和7000元/人/年。")
    assert got == {("sa.tekun_standard_urban", 9800.0, "元/人/年"), ("sa.tekun_standard_rural", 7000.0, "元/人/年")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("今年全县将建立12个城市社区老年日间照料中心。", {("ec.new_home_care_stations", 12.0, "处")}),
        ("到年底全县日间照料中心总数将达到60个。", {("ec.service_facilities", 60.0, "处")}),
        (
            "五保老人集中供养率由2010年的12%提高到当前的40%。",
            {("sa.tekun_centralized_care_rate", 12.0, "%"), ("sa.tekun_centralized_care_rate", 40.0, "%")},
        ),
    ],
)
def test_places_a_plan_builds_are_new_and_a_rise_to_the_current_value(sentence, expected):
    assert found(sentence) == expected


def test_dibao_people_struck_off_hejian_are_exits_not_recipients():
    got = found("一季度全区城市低保核减3户6人，农村低保核减11户15人。")
    assert got == {("sa.dibao_exited", 6.0, "人"), ("sa.dibao_exited", 15.0, "人")}


def test_a_care_mode_after_an_areas_total_stays_its_subgroup():
    got = found("农村五保老人1.9万人，集中供养4400人，分散供养14600人。")
    assert got == {("sa.tekun_recipients", 19000.0, "人")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "城区城市低保标准由现行的6000元/年（即500元/月）提高到6600元/年（即550元/月）。",
            {("sa.dibao_standard_urban", 6000.0, "元/人/年"), ("sa.dibao_standard_urban", 6600.0, "元/人/年")},
        ),
        ("对城市低保对象每人每月不低于20元的临时补贴政策继续执行。", set()),
        ("市慈善总会全年救助支出3200万元。", {("so.charity_funds", 32000000.0, "元")}),
    ],
)
def test_restatements_in_brackets_subsidy_rates_and_charity_relief_spending(sentence, expected):
    assert found(sentence) == expected


def test_a_share_prompt_run_on_at_the_end_of_a_one_line_page_takes_only_its_own_sentence():
    text = "全市共有城乡低保对象5200户、9100人。" * 12 + "如何关注：点击右上角，再点击“扫一扫”关注。"
    rows = extract_text(text, region="某市", year=2024)
    assert set(rows["indicator"]) == {"sa.dibao_households", "sa.dibao_recipients"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "今年我市城乡低保标准拟提高至760/·月。",
            {("sa.dibao_standard_urban", 760.0, "元/人/月"), ("sa.dibao_standard_rural", 760.0, "元/人/月")},
        ),
        ("全旗推行“党建+志愿+积分”养老新路径。", {("pb.plus_model", None, "")}),
    ],
)
def test_a_mirror_page_that_lost_yuan_and_ren_and_a_party_building_model_of_three_parts(sentence, expected):
    rows = extract_text(sentence, region="某县", year=2024)
    got = {(r.indicator, None if pd.isna(r.value) else r.value, r.unit) for r in rows.itertuples()}
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "将儿童福利机构养育儿童的保障标准提高到每人每月1800元。",
            {("cp.orphan_standard_institutional", 1800.0, "元/人/月")},
        ),
        ("全市建成居家社区养老服务照料中心28个。", {("ec.community_centers", 28.0, "处")}),
        ("全县新建、改建敬老院12所。", set()),
    ],
)
def test_childrens_homes_standards_care_centres_of_a_local_name_and_homes_rebuilt(sentence, expected):
    assert found(sentence) == expected


def test_a_bilingual_yearbook_table_saved_a_cell_per_line_reads_each_label_with_its_years():
    lines = [
        "项 目 |",
        "Item |",
        "2022 |",
        "2023 |",
        "|",
        "城市居民最低生活保障 (人) |",
        "Urban Residents Receiving |",
        "41000 |",
        "39500 |",
        "|",
        "Minimum Living",
        "(person) |",
        "农村居民最低生活保障 (人) |",
        "Rural Residents Receiving |",
        "210000 |",
        "204000 |",
        "|",
        "(person) |",
        "孤儿 (人) |",
        "Orphans |",
        "1900 |",
        "1750 |",
        "|",
        "(person) |",
    ]
    rows = extract_text("\n".join(lines), region="某省", year=2023)
    got = {(r.indicator, r.value, int(r.period)) for r in rows.itertuples()}
    assert got == {
        ("sa.dibao_recipients_urban", 41000.0, 2022),
        ("sa.dibao_recipients_urban", 39500.0, 2023),
        ("sa.dibao_recipients_rural", 210000.0, 2022),
        ("sa.dibao_recipients_rural", 204000.0, 2023),
        ("cp.orphans", 1900.0, 2022),
        ("cp.orphans", 1750.0, 2023),
    }


def test_beds_of_health_institutions_are_not_elderly_care_beds():
    assert found("年末全县卫生机构床位458张，其中医院病床320张。") == set()


def test_a_citys_standards_set_zone_by_zone_are_its_tiers_when_it_states_no_whole_city_figure():
    text = (
        "我市城市低保保障标准，随县、广水市由440元/人·月提高至480元/人·月，"
        "曾都区、随州高新区由510元/人·月提高至560元/人·月。"
    )
    rows = extract_text(text, region="随州市", year=2019, level="prefecture-level city")
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert got == {("sa.dibao_standard_urban", v) for v in (440.0, 480.0, 510.0, 560.0)}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "城市低保标准，东关、西关、南关、北关4区由月人均420元提高到450元。",
            (420.0, 450.0),
        ),
        (
            "全市各区城市低保标准由每人每月500元提高到530元；两县政府所在镇由460元提高到490元；"
            "两县其他乡镇由430元提高到455元。",
            (500.0, 530.0, 460.0, 490.0, 430.0, 455.0),
        ),
        (
            "城市低保标准为市内各区含新城经济开发区由500元提高到530元；县政府所在地的镇由460元提高到490元；"
            "其他乡镇由430元提高到455元。",
            (500.0, 530.0, 460.0, 490.0, 430.0, 455.0),
        ),
    ],
)
def test_zones_counted_or_described_rather_than_named_take_the_standard_before_them(text, values):
    rows = extract_text(text, region="某市", year=2019, level="prefecture-level city")
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert got == {("sa.dibao_standard_urban", v) for v in values}


def test_a_rural_zones_standard_written_as_the_income_line_takes_the_standard_before_it():
    text = "农村低保标准：甲县、乙县由年人均纯收入2100元提高到2400元；丙区、丁区年人均纯收入由2300元提高到2600元。"
    rows = extract_text(text, region="某市", year=2013, level="prefecture-level city")
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert got == {("sa.dibao_standard_rural", v) for v in (2100.0, 2400.0, 2300.0, 2600.0)}


def test_zones_named_by_districts_the_division_table_does_not_know_are_still_zones():
    # 平城区 and 云冈区 date from 2018, after the division table; the known districts listed beside them stay zones.
    text = (
        "城市低保标准是平城区为730元/月/人，云冈区为650元/月/人，新荣区、左云县、灵丘县为630元/月/人，"
        "广灵县为610元/月/人。"
    )
    report = report_from_text(
        text, region="大同市", year=2025, level="prefecture-level city", meta={"province": "山西"}
    )
    got = {(r.indicator, r.value) for r in indicator_frame([report]).itertuples()}
    assert got == {("sa.dibao_standard_urban", v) for v in (730.0, 650.0, 630.0, 610.0)}


def test_a_basic_living_subsidy_at_a_rate_is_not_dropped_as_a_one_off_subsidys_rate():
    got = found("城市特困人员供养标准提高到每人每月1100元的基本生活补助。")
    assert got == {("sa.tekun_standard_urban", 1100.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence",
    [
        "年末全县各种社会福利收养性单位共41个，床位1850张。",
        "年末全市共有收养性社会福利单位26个，拥有床位2300张。",
    ],
)
def test_residential_welfare_units_of_a_communique_are_care_institutions_and_their_beds_are_beds(sentence):
    kinds = {indicator for indicator, _, _ in found(sentence)}
    assert kinds == {"ec.care_institutions", "ec.beds"}


@pytest.mark.parametrize(
    "sentence, value",
    [("乡镇敬老院床位数达到860个。", 860.0), ("全县敬老院床位450个。", 450.0)],
)
def test_elderly_home_beds_counted_with_the_measure_word_of_places_are_still_beds(sentence, value):
    assert found(sentence) == {("ec.beds", value, "张")}


def test_kinds_listed_after_a_broad_class_of_institutions_are_not_rows_though_they_do_not_add_up():
    got = found("全县拥有各种社会福利收养性单位41个，床位1850张；敬老院18个，床位1200张；光荣院1个，床位60张。")
    assert got == {("ec.care_institutions", 41.0, "处"), ("ec.beds", 1850.0, "张")}


def test_a_care_institution_count_after_a_semicolon_without_a_broad_class_stays_a_row():
    got = found("全县建成养老服务中心3个，床位300张；敬老院18个，床位1200张。")
    assert ("ec.care_institutions", 18.0, "处") in got and ("ec.beds", 1200.0, "张") in got


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("全县五保供养标准提高到每人每年4300元。", 4300.0, "元/人/年"),
        ("今年起五保对象供养标准由3800元/年调整为4300元/年。", 4300.0, "元/人/年"),
    ],
)
def test_a_five_guarantee_standard_naming_no_area_is_the_rural_standard(sentence, value, unit):
    got = found(sentence)
    assert ("sa.tekun_standard_rural", value, unit) in got
    assert not any(indicator == "sa.tekun_standard_urban" for indicator, _, _ in got)


def test_five_guarantee_support_levels_by_care_mode_are_the_care_mode_standards():
    got = found("全县农村五保集中供养水平达到5200元，分散供养水平达到4100元。")
    assert got == {
        ("sa.tekun_standard_centralized", 5200.0, "元/人/年"),
        ("sa.tekun_standard_dispersed", 4100.0, "元/人/年"),
    }


def test_a_dibao_aid_level_stays_no_standard():
    assert not any(i.startswith("sa.dibao_standard") for i, _, _ in found("全县农村低保月人均补助水平达到320元。"))


@pytest.mark.parametrize("short_name", ["衡阳", "云阳", "洛阳"])
def test_a_short_name_followed_by_the_word_city_is_not_the_county_its_tail_spells(short_name):
    got = found(f"此次调标后，{short_name}城市居民最低生活保障标准提高到每人每月620元。")
    assert ("sa.dibao_standard_urban", 620.0, "元/人/月") in got


def test_households_counted_without_a_measure_word_are_households():
    assert ("ec.home_adaptations", 39000.0, "户") in found("全市为3.9万老年人家庭实施适老化改造。")


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("二是新建城市社区居家养老服务中心5个，覆盖率达到100%。", "achieved"),
        ("明年拟新建社区居家养老服务中心12个。", "target"),
    ],
)
def test_community_home_care_centres_newly_built_are_new_stations(sentence, modality):
    rows = extract_text(sentence, region="某县", year=2024)
    assert [(r.indicator, r.modality) for r in rows.itertuples()] == [("ec.new_home_care_stations", modality)]


@pytest.mark.parametrize(
    "sentence",
    [
        "全区新增2个街道综合养老服务中心。",
        "今年将建设8个乡镇区域养老服务中心。",
        "全县已建成社区居家养老服务中心46个。",
    ],
)
def test_township_centres_built_and_the_stock_of_community_centres_stay_centres(sentence):
    assert {indicator for indicator, _, _ in found(sentence)} == {"ec.community_centers"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "社会散居和集中养育孤儿，每人每月基本生活费标准分别达1100元、1500元。",
            {
                ("cp.orphan_standard_dispersed", 1100.0, "元/人/月"),
                ("cp.orphan_standard_institutional", 1500.0, "元/人/月"),
            },
        ),
        (
            "城市和农村低保对象，每人每月保障标准分别达到720元、610元。",
            {("sa.dibao_standard_urban", 720.0, "元/人/月"), ("sa.dibao_standard_rural", 610.0, "元/人/月")},
        ),
    ],
)
def test_kinds_listed_in_a_clause_before_a_respective_clause_take_its_values_in_turn(sentence, expected):
    assert found(sentence) == expected


def test_an_orphan_standard_after_orphans_in_centralized_care_is_no_tekun_standard():
    got = found("在福利院集中供养的孤儿9人，每人每月按1200元标准发放基本生活费。")
    assert ("cp.orphan_standard_institutional", 1200.0, "元/人/月") in got
    assert not any(indicator.startswith("sa.tekun") for indicator, _, _ in got)


def test_a_yearbook_table_with_a_column_per_place_reads_only_the_regions_own_column():
    table = "\n".join(
        [
            "全市及市区民政事业情况",
            "               衢州市 市区",
            "一、福利类收养性单位 (个) 64 15",
            "    床位数 (张) 7210 1630",
            "六、城镇低保人数 (人) 3900 1200",
            "七、农村低保人数 (人) 41200 7100",
        ]
    )
    rows = extract_text(table, region="某市", year=2008)
    assert {(r.indicator, r.value) for r in rows.itertuples()} == {
        ("ec.care_institutions", 64.0),
        ("ec.beds", 7210.0),
        ("sa.dibao_recipients_urban", 3900.0),
        ("sa.dibao_recipients_rural", 41200.0),
    }


def test_money_raised_in_a_charity_drive_is_charity_money():
    assert ("so.charity_funds", 250000.0, "元") in found("开展“邻里守望”慈善募捐活动，筹款25万元。")


def test_charity_money_paid_out_after_money_raised_of_every_kind_is_a_second_figure_not_a_part():
    got = found("县慈善总会多年来募集各类资金1.8亿元，发放善款1.2亿元。")
    assert {("so.charity_funds", 180000000.0, "元"), ("so.charity_funds", 120000000.0, "元")} <= got


def test_a_summary_titles_second_line_naming_next_years_plan_does_not_make_the_summary_a_plan():
    text = "某县民政局2023年工作总结\n和2024年工作计划\n一、2023年工作情况\n城镇低保标准从每人每月900元提高到950元。"
    rows = extract_text(text, region="某县", year=2023)
    urban = rows[(rows.indicator == "sa.dibao_standard_urban") & (rows.value == 950.0)]
    assert list(urban.modality) == ["achieved"]


def test_jiang_before_an_allowance_and_its_rise_is_ba_not_will():
    rows = extract_text("2019年1月以来，县民政局按规定将孤儿每月生活保障金提高到1000元/人。", region="某县", year=2019)
    assert set(rows.modality) == {"achieved"}


def test_town_and_country_named_in_the_clause_before_a_respective_clause_take_its_values_in_turn():
    got = found("全省城乡低保标准稳步提高，目前已分别达到每年7000元和7200元。")
    assert {("sa.dibao_standard_urban", 7000.0, "元/人/年"), ("sa.dibao_standard_rural", 7200.0, "元/人/年")} <= got


def test_money_of_serious_illness_aid_is_medical_assistance_money():
    assert ("sa.medical_assistance_funds", 1500000.0, "元") in found("全县大病救助工作有序开展，发放救助金150万元。")


def test_a_disclosure_table_whose_header_names_each_columns_unit_reads_each_value_with_its_column():
    table = "\n".join(
        [
            "保障对象 | 一季度发放 (人次) | 一季度发放资金(元) | 二季度发放 (人次) | 二季度发放资金(元) |",
            "散居孤儿 | 120 | 150600 | 118 | 148090 |",
            "事实无人抚养儿童 | 300 | 376500 | 310 | 389050 |",
        ]
    )
    rows = extract_text(table, region="某县", year=2021)
    money = {r.value for r in rows.itertuples() if r.indicator == "cp.child_allowance_funds"}
    assert money == {150600.0, 148090.0, 376500.0, 389050.0}
    assert not any(r.value in (120.0, 118.0, 300.0, 310.0) for r in rows.itertuples())


@pytest.mark.parametrize(
    "region, sentence",
    [
        ("阿坝藏族羌族自治州", "阿坝州将特困人员供养标准提高至每人每月800元。"),
        ("黔西南布依族苗族自治州", "今年黔西南州特困人员供养标准提高至每人每月800元。"),
    ],
)
def test_an_autonomous_prefecture_shortened_to_its_place_name_and_zhou_is_the_report_itself(region, sentence):
    assert ("sa.tekun_standard_urban", 800.0) in rows_of(sentence, region, "", level="prefecture-level city")


def test_the_province_named_in_a_notices_title_is_not_the_place_of_the_figure_after_it():
    sentence = "根据《云南省民政厅关于提高2025年城乡最低生活保障标准的通知》要求，滇中新区城市最低生活保障标准提高到744元/人/月。"
    assert ("sa.dibao_standard_urban", 744.0) in rows_of(sentence, "滇中新区", "云南", "昆明市")


def test_a_standard_higher_than_before_by_a_sum_is_a_rise_not_a_standard():
    assert not any(i.startswith("sa.tekun") for i, _, _ in found("分散供养标准较之前的标准高了700元。"))
    assert ("sa.dibao_standard_urban", 700.0, "元/人/月") in found("城市低保标准最高700元。")


def test_a_programme_named_in_a_preamble_does_not_take_the_respective_values_of_another():
    got = found(
        "根据城乡低保和五保供养标准自然增长机制的要求，从7月1日起，全县城乡低保标准由每人每月500元、400元分别提高到每人每月550元、450元。"
    )
    assert {("sa.dibao_standard_urban", 550.0, "元/人/月"), ("sa.dibao_standard_rural", 450.0, "元/人/月")} <= got
    assert not any(indicator.startswith("sa.tekun") for indicator, _, _ in got)


def test_a_care_mode_named_without_the_word_standard_takes_its_own_values():
    got = found(
        "五保供养标准中，集中供养标准由每人每年5000元提高到每人每年5600元，分散供养由每人每年4000元提高到每人每年4500元。"
    )
    assert ("sa.tekun_standard_dispersed", 4500.0, "元/人/年") in got


def test_a_care_modes_aid_level_is_no_standard():
    got = found("集中供养补助水平达到月人均860元，分散供养补助水平达到月人均650元。")
    assert not any(indicator.startswith("sa.tekun_standard") for indicator, _, _ in got)


def test_a_town_standard_for_sanwu_people_and_a_country_one_for_wubao_split_care_modes_by_area():
    text = (
        "新调整的农村五保供养标准为：集中供养标准每人每年不低于6000元，分散供养标准每人每年不低于4000元。"
        "新调整的城镇“三无”人员供养标准：集中供养标准每人每月为1000元。"
    )
    got = found(text)
    assert ("sa.tekun_standard_rural", 6000.0, "元/人/年") in got
    assert ("sa.tekun_standard_urban", 1000.0, "元/人/月") in got


def test_a_lead_naming_orphans_before_a_colon_makes_care_mode_standards_orphan_standards():
    got = found("孤儿基本生活保障标准：分散供养标准由700元提至800元每月每人，集中供养标准由1100元提至1300元每月每人。")
    assert got >= {
        ("cp.orphan_standard_dispersed", 800.0, "元/人/月"),
        ("cp.orphan_standard_institutional", 1300.0, "元/人/月"),
    }
    assert not any(indicator.startswith("sa.tekun") for indicator, _, _ in got)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全县城市特困人员基本生活标准调整为每人每月 990 元。", ("sa.tekun_standard_urban", 990.0, "元/人/月")),
        ("去年全县募集善款1948 万元。", ("so.charity_funds", 19480000.0, "元")),
    ],
)
def test_a_pages_space_between_digits_and_their_unit_or_multiplier_is_read_through(sentence, expected):
    assert expected in found(sentence)


def test_the_income_line_of_households_on_the_edge_of_dibao_is_no_dibao_standard():
    got = found("从1月1日起，全区城市最低生活保障边缘家庭人均收入以900元/月为基准线。")
    assert not any(indicator.startswith("sa.dibao_standard") for indicator, _, _ in got)


def test_standards_set_for_zones_a_city_names_without_places_are_its_zone_rows():
    text = "此次调整，城市低保标准市直及德城区由每人每月400元提高到420元，其他各县(市)由每人每月380元提高到400元。"
    got = rows_of(text, "德州市", "", level="prefecture-level city")
    assert {("sa.dibao_standard_urban", 420.0), ("sa.dibao_standard_urban", 380.0)} <= got


def test_money_and_goods_a_charity_hands_out_are_charity_money():
    assert ("so.charity_funds", 3200000.0, "元") in found("春节期间，县慈善总会向困难群众发放慰问款物320万元。")


def test_people_a_standard_rise_reaches_are_counted_by_the_noun_after_the_number():
    got = found("此次保障标准调整惠及全县8600名低保对象、1800名特困供养人员。")
    assert {("sa.dibao_recipients", 8600.0, "人"), ("sa.tekun_recipients", 1800.0, "人")} <= got


def test_elderly_service_institutions_of_every_kind_are_all_service_facilities_not_care_institutions():
    got = found("目前，全市有各类养老服务机构900家：养老机构80家，城乡居家养老服务中心820家。")
    assert ("ec.service_facilities", 900.0, "处") in got and ("ec.care_institutions", 80.0, "处") in got


@pytest.mark.parametrize("sentence", ["城市医疗救助最高标准由5000元提高到10000元。", "住院医疗救助封顶线为8万元。"])
def test_a_ceiling_or_standard_of_aid_per_case_is_no_programme_money(sentence):
    assert not any(indicator.endswith("_funds") for indicator, _, _ in found(sentence))


@pytest.mark.parametrize(
    "sentence", ["全县新增互助养老之家建设点40个。", "全市建成颐养之家900家。", "全省建成农村老年之家300个。"]
)
def test_rural_mutual_aid_homes_under_their_local_names_are_rural_happiness_homes(sentence):
    assert {indicator for indicator, _, _ in found(sentence)} == {"ec.rural_happiness_homes"}


def test_zones_that_go_on_after_a_semicolon_take_the_standard_named_before_it_and_are_all_zone_rows():
    text = (
        "在城市居民最低生活保障标准上，站前区、西市区由每人每月430元提高到每人每月470元；"
        "盖州市、大石桥市由每人每月370元提高到每人每月410元。"
    )
    got = rows_of(text, "营口市", "辽宁", level="prefecture-level city")
    assert {("sa.dibao_standard_urban", value) for value in (430.0, 470.0, 370.0, 410.0)} <= got


def test_a_city_level_standard_before_the_semicolon_stays_the_whole_citys_and_the_zones_after_it_go():
    text = (
        "其中，市本级特困人员以及越秀区、海珠区的城乡特困人员基本生活标准提高至每人每月1800元；"
        "白云区、黄埔区的农村特困人员基本生活标准提高至每人每月1700元。"
    )
    got = rows_of(text, "广州市", "广东", level="prefecture-level city")
    assert ("sa.tekun_standard_rural", 1800.0) in got
    assert not any(value == 1700.0 for _, value in got)


def test_a_region_the_division_table_lacks_is_still_the_report_itself_when_it_names_itself():
    text = "在去年的广东省扶贫济困日，坪山区共收到善款269万元。"
    assert ("so.charity_funds", 2690000.0) in rows_of(text, "坪山区", "广东", "深圳市")


def test_a_statistics_table_with_single_spaces_between_cells_keeps_a_row_per_line():
    table = "\n".join(
        [
            "社会服务统计月报表",
            "指标名称 单位 数量 上期 环比",
            "一、综合",
            "社会服务事业费总支出 万元 306,996.1 245,892.7 17.67",
            "1.抚恤支出 万元 61,007.2 55,238.3 24.17",
            "2.社会救助支出 万元 124,547.9 112,105.7 8.18",
            "城市低保支出 万元 12,273.8 10,297.7 15.42",
            "农村低保支出 万元 49,118.2 46,415.2 19.13",
            "特困供养支出 万元 15,643.7 19,523.9 20.73",
            "临时救助支出 万元 11,643.7 10,523.9 10.73",
            "（一）社会救助",
            "(1)城市低保人数 65,616 65,916 -0.40",
            "城市低保户数 37,396 37,596 -0.42",
        ]
    )
    rows = extract_text(table, region="某省", year=2017)
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert {("sa.dibao_funds", 122738000.0), ("sa.dibao_recipients_urban", 65616.0)} <= got


def test_a_cell_per_line_table_after_title_cells_reads_its_rows_and_leaves_numbered_parts_out():
    cells = [
        "编制单位：某市",
        "2016年度 08月份",
        "",
        "指标名称",
        "单位",
        "数量",
        "上期",
        "环比",
        "甲",
        "丙",
        "1",
        "2",
        "3",
        "城市最低生活保障",
        "万元",
        "2,100.5",
        "1,900.2",
        "10.54",
        "(1)城市最低生活保障金",
        "万元",
        "1,800.5",
        "1,600.2",
        "12.52",
    ]
    rows = extract_text("\n".join(f"{cell} |" for cell in cells), region="某市", year=2016)
    funds = rows[rows.indicator == "sa.dibao_funds"]
    assert set(funds.value) == {21005000.0, 19002000.0}
    assert set(funds.period) == {2016}


def test_the_highest_or_lowest_city_a_province_names_is_not_the_provinces_own_standard():
    text = (
        "2023年末，全省城市低保月人均标准达到810元，其中最高的是大连市，每人每月960元；"
        "农村低保年人均标准7300元，标准最低的为朝阳市，每人每年6100元。"
    )
    assert rows_of(text, "辽宁省", "辽宁", level="province") == {
        ("sa.dibao_standard_urban", 810.0),
        ("sa.dibao_standard_rural", 7300.0),
    }


def test_a_province_report_knows_its_cities_as_its_parts():
    text = "全省城市低保平均标准为每人每月780元。沈阳市城市低保标准为每人每月900元。"
    assert rows_of(text, "辽宁省", "辽宁", level="province") == {("sa.dibao_standard_urban", 780.0)}


def test_a_zone_standard_naming_no_area_takes_the_area_of_the_zone_listed_before_it():
    text = (
        "提标情况如下：市区城市低保标准每人每月由620元提高到650元；各县县城低保标准每人每月由560元提高到590元；"
        "各县其余乡镇低保标准每人每月由530元提高到555元。市区农村低保标准每人每年由5100元提高到5400元；"
        "各县低保标准每人每年由4700元提高到4980元。"
    )
    rows = rows_of(text, "丹东市", "辽宁", level="prefecture-level city")
    urban = {value for indicator, value in rows if indicator == "sa.dibao_standard_urban"}
    rural = {value for indicator, value in rows if indicator == "sa.dibao_standard_rural"}
    assert urban == {620.0, 650.0, 560.0, 590.0, 530.0, 555.0}
    assert rural == {5100.0, 5400.0, 4700.0, 4980.0}


def test_a_whole_regions_standard_naming_no_area_after_an_urban_one_is_still_both():
    assert found("城市低保标准提高到每人每月700元；全县低保标准统一为每人每月650元。") == {
        ("sa.dibao_standard_urban", 700.0, "元/人/月"),
        ("sa.dibao_standard_urban", 650.0, "元/人/月"),
        ("sa.dibao_standard_rural", 650.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "此次提标后，全县4300名低保和农村五保对象将从中受益。",
        "全区共有2100名低保、特困对象因此受益。",
    ],
)
def test_people_of_dibao_and_tekun_together_named_after_their_number_are_the_assisted_people(sentence):
    assert {row[0] for row in found(sentence)} == {"sa.assisted_people"}


def test_the_word_for_urban_after_a_verb_is_not_a_place_whose_name_ends_in_cheng():
    text = "7月份，全省新增城市低保对象420人，退出城市低保对象610人。"
    assert rows_of(text, "福建省", "福建", level="province") == {
        ("sa.dibao_newly_enrolled", 420.0),
        ("sa.dibao_exited", 610.0),
    }


def test_the_full_name_of_dibao_is_no_superlative_before_a_place():
    text = "一、最低生活保障标准城市居民最低生活保障标准由每人每月900元提高到960元。"
    assert rows_of(text, "济南市", "山东", level="prefecture-level city") == {
        ("sa.dibao_standard_urban", 900.0),
        ("sa.dibao_standard_urban", 960.0),
    }


def test_a_tables_unit_stated_once_in_its_title_lines_is_the_unit_of_its_rows():
    table = (
        "| 表5 养老服务机构数(2020-2022年) | |||\n| 单位:个 | |||\n| 项目 | 2020 | 2021 | 2022 | \n"
        "| 城市养老服务机构 | 41 | 43 | 46 | \n"
    )
    rows = extract_text(table, region="某县", year=2022)
    assert set(zip(rows["indicator"], rows["value"])) == {
        ("ec.care_institutions", 41.0),
        ("ec.care_institutions", 43.0),
        ("ec.care_institutions", 46.0),
    }


def test_the_years_a_tables_title_spans_do_not_date_its_rows():
    table = (
        "| 表2 城乡低保情况(2021-2023年) | |||\n| 单位:人 | |||\n| 项目 | 2021 | 2022 | 2023 | \n"
        "| 城市低保人数 | 5200 | 5010 | 4870 | \n"
    )
    rows = extract_text(table, region="某县", year=2023)
    assert set(zip(rows["value"], rows["period"])) == {(5200.0, 2021), (5010.0, 2022), (4870.0, 2023)}


def test_parts_numbered_under_a_column_tables_row_with_its_own_figures_are_not_rows():
    table = (
        "指标名称 单位 数量 上期\n"
        "社会救助支出 万元 9,120.4 8,870.2\n"
        "城市低保支出 万元 1,204.6 1,150.3\n"
        "(1)城市低保金 万元 1,100.1 1,060.0\n"
        "(2)城市低保临时补助 万元 104.5 90.3\n"
        "自然灾害生活救助支出 万元 310.2 280.9\n"
    )
    rows = extract_text(table, region="某县", year=2022)
    assert set(zip(rows["indicator"], rows["value"])) == {
        ("sa.total_assistance_funds", 91204000.0),
        ("sa.total_assistance_funds", 88702000.0),
        ("sa.dibao_funds", 12046000.0),
        ("sa.dibao_funds", 11503000.0),
    }


def test_a_value_restated_in_brackets_does_not_break_the_rise_it_stands_in():
    assert found("农村特困人员基本生活标准由6840元/人年(570元/人月)提高到7200元/人年(600元/人月)。") == {
        ("sa.tekun_standard_rural", 6840.0, "元/人/年"),
        ("sa.tekun_standard_rural", 7200.0, "元/人/年"),
    }


def test_a_heading_naming_a_standard_is_the_subject_of_the_line_of_values_under_it():
    text = "二、低保标准\n（一）农村低保保障标准\n由5100元/人年提高到5460元/人年；\n"
    rows = extract_text(text, region="某县", year=2024)
    assert set(zip(rows["indicator"], rows["value"])) == {
        ("sa.dibao_standard_rural", 5100.0),
        ("sa.dibao_standard_rural", 5460.0),
    }


def test_dibao_cancelled_and_newly_admitted_are_exits_and_entries_not_the_register():
    assert found("经过复查，共取消低保对象35户90人，新纳57户140人，全县低保对象现为2100户5300人。") == {
        ("sa.dibao_exited", 90.0, "人"),
        ("sa.dibao_newly_enrolled", 140.0, "人"),
        ("sa.dibao_households", 2100.0, "户"),
        ("sa.dibao_recipients", 5300.0, "人"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "各县农村低保标准最高的是甲溪520元/人月，最低的是乙山410元/人月。",
        "农村五保供养标准最低的为丙水、丁岭390元/人月；",
    ],
)
def test_the_highest_or_lowest_part_named_by_a_short_name_before_its_figure_is_not_the_regions_own(sentence):
    assert found(sentence) == set()


def test_projects_counted_are_not_places_standing():
    sentence = "今年投入260万元，资助社区居家养老服务中心建设项目4个、日间照料中心改造项目9个。"
    assert found(sentence) == set()


def test_a_one_off_price_subsidy_paid_to_dibao_people_is_not_dibao_money():
    assert found("上半年向城乡低保对象发放价格临时补贴420多万元。") == set()


def test_household_times_listed_before_person_times_are_not_the_cases():
    assert found("全年临时救助困难群众2400户次、5100人次。") == {("sa.temp_assistance_cases", 5100.0, "人次")}


@pytest.mark.parametrize(
    "sentence",
    ["全县城市低保平均发放标准由每人每月230元提高到251元。", "农村低保季平均发放标准由每人300元提高到330元。"],
)
def test_an_average_payment_is_not_the_standard(sentence):
    assert not {row for row in found(sentence) if row[0].startswith("sa.dibao_standard")}


def test_a_standard_listed_with_an_average_payment_by_fenbie_stays_the_standard():
    sentence = "城市低保保障标准和月人均补助水平分别由上年的300元、260元提高到330元、290元。"
    assert {row[1] for row in found(sentence) if row[0] == "sa.dibao_standard_urban"} == {300.0, 330.0}


def test_a_table_cell_saved_on_its_own_line_that_is_a_phrase_with_a_figure_is_read_as_a_sentence():
    text = (
        "项目 |\n任务目标 |\n完成情况 |\n|\n提高城乡低保标准 |\n"
        "城市低保标准：不低于720元/月，农村低保标准：不低于470元/月 |\n100% |\n|\n"
    )
    rows = extract_text(text, region="某县", year=2024)
    assert set(zip(rows["indicator"], rows["value"])) == {
        ("sa.dibao_standard_urban", 720.0),
        ("sa.dibao_standard_rural", 470.0),
    }


def test_the_last_of_counts_listed_number_first_takes_its_noun_whatever_the_predicate():
    sentence = "目前全区有2个公办敬老院、11个民办养老院、96个农村幸福院，基本满足群众养老需求。"
    assert ("ec.rural_happiness_homes", 96.0, "处") in found(sentence)
    sentence = "目前全区有2个公办敬老院、11个民办养老院、96个农村幸福院基本满足群众养老需求。"
    assert ("ec.rural_happiness_homes", 96.0, "处") in found(sentence)


def test_institutions_counted_as_projects_at_the_end_of_a_list_are_not_institutions():
    sentence = "开工建设的12个公办养老机构和4个社会办养老机构项目进展顺利。"
    assert ("ec.care_institutions", 4.0, "处") not in found(sentence)


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("城镇居民最低生活保障标准为760//月。", 760.0, "元/人/月"),
        ("农村低保标准为1900元/年人。", 1900.0, "元/人/年"),
        ("城市低保标准为320元/月人。", 320.0, "元/人/月"),
    ],
)
def test_standards_with_units_a_mirror_stripped_or_wrote_period_first_keep_their_period(sentence, value, unit):
    assert {(v, u) for _, v, u in found(sentence)} == {(value, unit)}


def test_standards_a_mirror_stripped_to_a_bare_slash_take_the_period_their_sum_implies():
    sentence = "城乡低保标准分别提高到880/·月和7600/·，农村居民最低生活保障标准为700//。"
    assert found(sentence) >= {
        ("sa.dibao_standard_urban", 880.0, "元/人/月"),
        ("sa.dibao_standard_rural", 7600.0, "元/人/年"),
        ("sa.dibao_standard_rural", 700.0, "元/人/月"),
    }


def test_a_note_of_what_a_name_includes_does_not_name_the_figure():
    sentence = (
        "将机构养育孤儿（含艾滋病病毒感染儿童、事实无人抚养儿童，下同）基本生活标准从每人每月1500元提高到1700元。"
    )
    assert {row[0] for row in found(sentence)} == {"cp.orphan_standard_institutional"}


def test_a_rise_dated_from_a_month_is_decided_though_the_notice_writes_jiang():
    rows = extract_text("2023年7月起，我县将城市低保标准从每人每月700元提高到每人每月730元。", region="某县", year=2023)
    assert set(rows["modality"]) == {"achieved"}


def test_aid_by_class_of_recipient_is_not_the_standard():
    assert (
        found("全县农村低保一类保障对象月补助标准由每人260元提高到280元，二类保障对象由每人220元提高到235元。") == set()
    )


def test_a_place_by_programme_table_gives_the_regions_own_row_and_leaves_the_counties():
    table = (
        "地区 | 城市低保 | 农村低保 | 临时救助 | 低保边缘家庭 | ||||\n"
        "当月低保对象人数(人) | 累计资金支出数(万元) | 当月低保对象人数(人) | 累计资金支出数(万元) | 总人数(人次) | "
        "累计资金支出数(万元) | 已认定总人数(人) | 当年累计享受临时救助人次 | |\n"
        "某某市 | 9120 | 1500.5 | 80440 | 10230.2 | 7010 | 902.4 | 20110 | 350 |\n"
        "甲县 | 1200 | 201.3 | 9100 | 1200.7 | 800 | 99.1 | 2300 | 41 |\n"
    )
    rows = extract_text(table, region="某某市", year=2023)
    assert set(zip(rows["indicator"], rows["value"])) == {
        ("sa.dibao_recipients_urban", 9120.0),
        ("sa.dibao_funds", 15005000.0),
        ("sa.dibao_recipients_rural", 80440.0),
        ("sa.dibao_funds", 102302000.0),
        ("sa.temp_assistance_cases", 7010.0),
        ("sa.temp_assistance_funds", 9024000.0),
    }


def test_aid_near_dibao_families_receive_is_not_the_programmes_count():
    assert found("全年低保边缘家庭享受临时救助320人次。") == set()


def test_a_standard_named_before_a_colon_is_the_topic_of_the_tiers_after_it():
    sentence = (
        "城乡特困人员基本生活标准从每月820元/人提高到870元/人，照料护理补贴标准不变，即集中供养特困人员照料护理补贴"
        "标准：一档（完全失能）每月800元/人，二档（半失能）每月400元/人；"
    )
    rows = found(sentence)
    assert {row[0] for row in rows if row[1] in (800.0, 400.0)} == {"sa.tekun_care_standard"}
    assert ("sa.tekun_standard_urban", 870.0, "元/人/月") in rows


def test_class_top_ups_of_dibao_listed_by_letter_are_not_standards():
    sentence = "农村A、B、C三类低保对象年补差标准从1500元、1100元、800元分别提高到1700元、1300元、950元。"
    assert found(sentence) == set()


def test_money_paid_after_the_rates_of_a_subsidy_is_that_subsidys_money():
    sentence = "1.重度残疾人护理补贴按一级残疾90元/月/人、二级60元/月/人的标准，已发放资金1320400元。"
    assert ("sa.disability_subsidy_funds", 1320400.0, "元") in found(sentence)


def test_a_margin_over_another_standard_is_not_a_standard():
    assert found("目前我县农村最低生活保障标准已超过省定低保标准低限25元。") == set()


def test_zone_lines_under_a_programmes_heading_are_that_programmes_standards_with_their_own_period():
    text = (
        "一、城市低保\n"
        "甲一区、甲二区、甲三区：年人均由10800元（月人均900元）提高到11160元（月人均930元）\n"
        "乙一县、乙二县、乙三县：年人均由8160元（月人均680元）提高到8400元（月人均700元）\n"
        "按照家庭人均收入补差发放。\n"
    )
    rows = extract_text(text, region="某市", year=2023)
    assert set(zip(rows["indicator"], rows["value"], rows["unit"])) == {
        ("sa.dibao_standard_urban", value, "元/人/年") for value in (10800.0, 11160.0, 8160.0, 8400.0)
    }


def test_town_and_country_named_together_with_one_value_are_both():
    assert found("今年上半年纳入农村、城市低保的家庭共有7300户14100人。") == {
        ("sa.dibao_households", 7300.0, "户"),
        ("sa.dibao_recipients", 14100.0, "人"),
    }


def test_people_after_households_joined_by_gong_are_the_same_registers_people():
    assert found("全区现有低保户2100户共4400人。") == {
        ("sa.dibao_households", 2100.0, "户"),
        ("sa.dibao_recipients", 4400.0, "人"),
    }


def test_another_city_named_by_its_short_name_at_a_clause_opening_is_not_the_regions_own():
    text = "我市城市低保标准提高到每人每月900元。记者了解到，无锡今年1月起将城镇低保标准由月人均850元提高到880元。"
    assert rows_of(text, "南京市", "江苏", level="prefecture-level city") == {("sa.dibao_standard_urban", 900.0)}


def test_a_provinces_tiers_of_cities_named_by_short_names_stay_tiers():
    text = (
        "全省城乡低保最低标准分三类。其中，广州、深圳等一类地区城乡低保最低标准为每人每月1200元，"
        "珠海、佛山等二类地区为每人每月1050元。"
    )
    assert {value for _, value in rows_of(text, "广东省", "广东", level="province")} == {1200.0, 1050.0}


def test_an_allowance_of_orphans_at_school_is_not_the_orphan_standard():
    assert found("孤儿大中学生：800元/月，另发每学年8000元助学资金。") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "全年发放困难职工救助金60万元。",
        "为320户失地群众发放失地农民生活保障金75万元。",
        "向180名贫困学生发放教育救助资金95万元。",
        "为4100户遭受旱灾的农户发放旱灾救助金80万元。",
        "资助12000名低保和五保对象参加新农合，资助资金300万元。",
    ],
)
def test_money_of_other_groups_and_programmes_is_not_all_assistance_money(sentence):
    assert {row[0] for row in found(sentence)} & {"sa.total_assistance_funds", "sa.dibao_funds"} == set()


def test_a_budget_increase_for_a_rise_is_not_dibao_money_paid():
    assert found("此次提标后，全年共需增加县财政预算资金260万元，用于低保提标。") == set()


def test_one_familys_dibao_money_is_not_the_regions():
    assert found("他们一家四口人，有三人享受低保，今年前三季度低保金近三千元已全部领到。") == set()


def test_an_area_named_after_chengxiang_and_nearer_the_figure_is_the_figures():
    assert found("城乡低保标准提高 城市居民为每人每月560元") == {("sa.dibao_standard_urban", 560.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence",
    ["全县城乡低保标准今年又涨80元", "农村低保标准月人均提标35元", "全县每人每月增发低保金50元"],
)
def test_a_rise_written_zhang_tibiao_or_zengfa_is_not_a_standard(sentence):
    assert not {row for row in found(sentence) if row[0].startswith("sa.dibao_standard")}


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("截至目前，全县28个乡镇仅有敬老院7所。", {7.0}),
        ("春节前，民政部门走访慰问2所救助管理站和5所农村敬老院。", set()),
        ("全市150家养老机构中，通过等级评定的132家。", {150.0}),
        ("当年全省共改、扩建农村敬老院31所。", set()),
    ],
)
def test_townships_counted_and_homes_visited_rated_or_rebuilt_are_not_the_homes_standing(sentence, kept):
    assert {value for indicator, value, _ in found(sentence) if indicator == "ec.care_institutions"} == kept


@pytest.mark.parametrize(
    "sentence",
    ["农村低保提高300元，从每人每年6000元提高至6300元。", "城镇低保提高60元，农村低保提高300元。"],
)
def test_a_rise_in_yuan_of_a_standard_is_neither_the_standard_nor_the_programmes_money(sentence):
    assert not {row for row in found(sentence) if row[1] in (300.0, 60.0)}


def test_an_average_payment_written_shuizhun_on_a_mirror_page_is_not_a_standard():
    text = "目前，全區城鄉低保補助水準分別為每人每月500元和300元。全區城市低保標準為每人每月760元。"
    assert rows_of(text, "某自治区", "广西", level="province") == {("sa.dibao_standard_urban", 760.0)}


def test_the_tekun_basic_living_allowance_paid_per_head_is_the_tekun_standard_of_both_areas():
    assert found("全县特困人员基本生活费每人每月1200元。") == {
        ("sa.tekun_standard_urban", 1200.0, "元/人/月"),
        ("sa.tekun_standard_rural", 1200.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence, tekun_money",
    [
        ("二、特困供养标准：特困人员基本生活费1500元，照料护理费另计。", set()),
        ("全年发放特困人员基本生活费1500万元。", {15_000_000.0}),
    ],
)
def test_a_sum_first_after_a_heading_naming_a_standard_is_one_persons_not_the_programmes_money(sentence, tekun_money):
    rows = found(sentence)
    assert {value for indicator, value, _ in rows if indicator == "sa.tekun_funds"} == tekun_money
    assert bool({row for row in rows if row[0] == "sa.tekun_standard_rural"}) == (not tekun_money)


def periods_of(text: str) -> dict[float, int]:
    """The period of each value extracted from a county report of 2010."""
    report = report_from_text(text, region="某县", year=2010, level="county", meta={"province": "甘肃"})
    return {r.value: int(r.period) for r in indicator_frame([report]).itertuples()}


def test_in_a_chronicle_the_year_a_sentence_opens_with_holds_for_the_sentences_after_it_and_for_shinian():
    text = (
        "2003年，全县开展低保调查摸底。全县共登记低保对象900户、2600人。\n"
        "2005年上半年，全县有低保对象1100户。是年下半年，确定临时救助对象700户、2100人次。"
    )
    assert periods_of(text) == {900.0: 2003, 2600.0: 2003, 1100.0: 2005, 2100.0: 2005}


def test_a_sentence_of_today_ends_the_chronicles_year():
    text = "2008年，县政府出台养老服务扶持办法。目前，全县共有养老机构12家。全县建成农村幸福院80个。"
    assert periods_of(text) == {12.0: 2010, 80.0: 2010}


def test_a_part_by_area_of_one_year_is_kept_beside_a_total_of_another_year():
    text = "2003年，全县登记农村低保对象900户。\n2005年，全县有低保对象1100户，其中城市低保对象300户。"
    households = {
        value
        for indicator, value in rows_of(text, "某县", "甘肃", level="county")
        if indicator == "sa.dibao_households"
    }
    assert households == {900.0, 1100.0}


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("上半年，将城乡低保标准分别提高到每人每月600元和每人每年5000元。", "achieved"),
        ("今年将城乡低保标准统一提高到每人每月600元。", "achieved"),
        ("明年城乡低保标准提高到每人每月600元。", "target"),
    ],
)
def test_jiang_before_a_standard_rising_respectively_is_ba_and_mingnian_is_a_plan(sentence, modality):
    rows = extract_text(sentence, region="某县", year=2024)
    assert set(rows.loc[rows["value"] == 600.0, "modality"]) == {modality}


def test_the_year_of_a_meeting_the_figures_were_reported_at_is_not_their_period():
    rows = extract_text("记者从2024年全市民政工作会议上获悉，目前全市共有特困人员3200人。", region="某市", year=2023)
    assert list(rows["period"]) == [2023]


def test_money_paid_to_the_end_of_a_month_of_this_year_is_not_one_months():
    assert ("sa.dibao_funds", 2.19e9, "元") in found("截至今年6月，全省共有城乡低保对象65万户，支出保障金21.9亿元。")


def test_an_exit_listed_after_a_tekun_count_is_not_a_dibao_exit():
    rows = found("上半年，全县新增城乡低保415户522人、退出441户1064人，新增特困供养人员124人、退出91人。")
    assert {value for indicator, value, _ in rows if indicator == "sa.dibao_exited"} == {1064.0}


def test_the_top_tier_of_a_care_fee_paid_monthly_is_the_tekun_care_standard():
    rows = found("轻度、中度、重度失能特困人员照料护理费分别达到每月300元、500元和800元。")
    assert rows == {("sa.tekun_care_standard", 800.0, "元/人/月")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("城市特困人员基本生活标准每人每月提高50元达到900元/月。", {("sa.tekun_standard_urban", 900.0, "元/人/月")}),
        ("农村低保标准提高40元达到每人每月520元。", {("sa.dibao_standard_rural", 520.0, "元/人/月")}),
    ],
)
def test_the_level_right_after_a_rise_in_yuan_is_the_standard_named_before_the_rise(sentence, expected):
    assert found(sentence) == expected


def test_the_tekun_support_money_paid_per_head_is_the_tekun_standard_of_both_areas():
    assert found("全县特困人员供养金为每人每月900元。") == {
        ("sa.tekun_standard_urban", 900.0, "元/人/月"),
        ("sa.tekun_standard_rural", 900.0, "元/人/月"),
    }


def test_the_standard_of_the_urban_three_withouts_is_the_urban_tekun_standard():
    assert found("城镇“三无”人员供养标准由每人每月800元提高至850元。") == {
        ("sa.tekun_standard_urban", 800.0, "元/人/月"),
        ("sa.tekun_standard_urban", 850.0, "元/人/月"),
    }


def test_nursing_beds_written_huli_chuangwei_are_nursing_beds_not_all_beds():
    assert found("全县养老机构总床位1300张，护理床位数增至820张。") == {
        ("ec.beds", 1300.0, "张"),
        ("ec.nursing_beds", 820.0, "张"),
    }


def test_the_rise_of_the_average_top_up_under_a_title_on_the_standard_is_not_a_rise_of_the_standard():
    text = (
        "某市提高农村低保标准\n\n上半年全市保障农村低保对象20万人次，人均月补差150元，保障面为2.5%；"
        "人均月补差分别比去年同期增加40元，增幅达35%，城乡低保救助水平差距缩小。"
    )
    assert ("sa.standard_increase", 35.0) not in rows_of(text, "某市", "安徽", level="prefecture-level city")


@pytest.mark.parametrize(
    "sentence", ["推进30个农村幸福院建设，全市养老服务站覆盖率超过50%。", "启动5个乡镇养老服务中心建设。"]
)
def test_places_whose_building_is_pushed_on_or_started_are_projects_not_places_standing(sentence):
    assert found(sentence) == set()


def test_a_standard_rising_from_the_base_of_last_year_gives_both_values_with_the_later_ones_period():
    rows = extract_text(
        "农村低保标准在去年提高到1000元的基础上今年再次提高到每人每年1200元。", region="某县", year=2011
    )
    assert {(r.value, r.unit, r.period) for r in rows.itertuples()} == {
        (1000.0, "元/人/年", 2010),
        (1200.0, "元/人/年", 2011),
    }


def test_a_sum_in_wan_with_no_period_is_never_a_persons_standard():
    assert not {
        row for row in found("提标后全县农村低保标准补助金预计需增加财政投入40余万元。") if "standard" in row[0]
    }


def test_a_guarantee_line_of_income_is_not_dibao_money():
    assert not {
        row for row in found("农村居民最低生活保障线从家庭年收入700元提高到900元。") if row[0] == "sa.dibao_funds"
    }


def test_de_facto_unsupported_children_written_as_orphans_are_de_facto_unsupported_children():
    assert found("全区共有孤儿30名，事实无人抚养孤儿80名。") == {
        ("cp.orphans", 30.0, "人"),
        ("cp.de_facto_unsupported_children", 80.0, "人"),
    }


def test_institutions_brought_into_an_alliance_are_not_the_institutions_standing():
    assert found("整合省内200多个养老机构和组织，成立养老服务联盟。") == set()


@pytest.mark.parametrize(
    "sentence",
    ["社会散居孤儿从不低于福利机构孤儿60%提高至80%确定。", "散居孤儿标准从机构孤儿标准的60%提高到80%。"],
)
def test_percents_of_a_rise_that_are_shares_of_another_figure_are_no_rise(sentence):
    assert not {row for row in found(sentence) if row[0] == "sa.standard_increase"}


def test_people_counted_after_the_households_of_a_year_take_the_programme_the_clause_before_named():
    rows = found("2003年全县城乡居民最低生活保障户900户，保障人数2600人，年发放保障金150万元。")
    assert ("sa.dibao_recipients", 2600.0, "人") in rows


def test_people_counted_in_bare_wan_before_their_noun_after_a_list_of_standards_are_the_people_under_dibao():
    rows = found(
        "去年全县城乡低保平均标准分别为600元/月和450元/月，12万城乡低保对象累计月人均补助分别达到300元和200元。"
    )
    assert ("sa.dibao_recipients", 120_000.0, "人") in rows


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全年农村临时救济5000人次。", ("sa.temp_assistance_cases", 5000.0, "人次")),
        ("全年直接接收捐赠款300万元。", ("so.charity_funds", 3_000_000.0, "元")),
    ],
)
def test_temporary_relief_is_temporary_assistance_and_donated_money_is_charity_money(sentence, expected):
    assert expected in found(sentence)


def test_entries_in_a_sentence_opening_with_qizhong_take_the_programme_of_the_sentence_before():
    text = "目前，全县农村低保人数为8000人。其中今年新增1000人。"
    assert ("sa.dibao_newly_enrolled", 1000.0) in rows_of(text, "某县", "安徽", level="county")


def test_day_care_centres_newly_built_or_extended_are_new_stations():
    assert found("同时，新（扩）建城市社区老年日间照料中心（室）280个。") == {
        ("ec.new_home_care_stations", 280.0, "处")
    }


def test_a_round_sum_passed_then_the_exact_sum_gives_the_exact_sum_of_what_the_clause_before_named():
    assert found("全年累计发放低保金再创新高，突破3000万元，达3125万元。") == {("sa.dibao_funds", 31_250_000.0, "元")}


def test_a_note_in_brackets_puts_no_distance_between_a_noun_and_its_number():
    rows = found("上半年全县纳入农村、城市低保的家庭（包括农村五保户）共有5200户9800人。")
    assert {("sa.dibao_households", 5200.0, "户"), ("sa.dibao_recipients", 9800.0, "人")} <= rows


def test_programmes_joined_across_a_note_in_brackets_are_not_one_programmes():
    assert found("全县低保（含生活困难补助）、特困和低收入家庭总计7500户、12000人。") == set()


def test_one_value_merging_a_towns_and_a_countrys_earlier_values_is_the_standard_of_both():
    rows = found("全市城市最低生活保障标准和农村最低生活保障标准由原来的每人每月600元和500元提高到650元。")
    assert {("sa.dibao_standard_urban", 650.0, "元/人/月"), ("sa.dibao_standard_rural", 650.0, "元/人/月")} <= rows


def test_two_lists_run_together_on_a_page_without_punctuation_keep_their_own_subjects():
    rows = found("城乡低保标准分别提高到900/·月和7800/·城乡特困人员基本生活补贴标准分别提高到1700/·月和11700/·年")
    assert {("sa.tekun_standard_urban", 1700.0, "元/人/月"), ("sa.tekun_standard_rural", 11700.0, "元/人/年")} <= rows


def test_a_rate_dated_by_its_year_is_no_share():
    assert ("sa.tekun_centralized_care_rate", 5.1, "%") in found("五保老人集中供养率由2007年的5.1%提高到当前的52%。")


def test_a_count_of_more_people_than_a_region_of_its_level_holds_is_two_numbers_run_together_and_no_row():
    # A page that lost the 户 between households and people prints 3520168210人 for 35201户68210人.
    text = "截至12月底，全县共有城乡低保对象3520168210人，其中城市低保对象120034410人。全县共有特困人员1105人。"
    rows = extract_text(text, region="某县", year=2024, level="county")
    assert {(r.indicator, r.value) for r in rows.itertuples()} == {("sa.tekun_recipients", 1105.0)}


def test_a_county_named_by_its_short_name_is_home_and_a_firm_named_after_the_province_is_no_place():
    text = (
        "甲乙集团有限公司捐赠200万元，湖北某某建筑工程有限公司捐赠150万元……2月15日，孝昌举办第八届慈善日活动，"
        "现场募集善款3000万元。"
    )
    report = report_from_text(text, region="孝昌县", year=2019, level="county", meta={"province": "湖北"})
    got = {(r.indicator, r.value) for r in indicator_frame([report]).itertuples()}
    assert ("so.charity_funds", 30000000.0) in got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年累计发放高龄低收入津贴2050.5万元。", ("ec.elderly_subsidy_funds", 20505000.0, "元")),
        ("为3200名困境儿童发放补贴1520万元。", ("cp.child_allowance_funds", 15200000.0, "元")),
        ("事实无人抚养儿童88人，累计发放补助金52.3万元。", ("cp.child_allowance_funds", 523000.0, "元")),
    ],
)
def test_allowance_money_named_by_its_group_before_the_verb_is_that_groups_money(sentence, expected):
    assert expected in found(sentence)


def test_a_price_subsidy_paid_to_orphans_among_others_is_no_child_allowance():
    sentence = "及时发放城乡低保、特困、孤儿和困境儿童等对象价格临时补贴38万元。"
    assert not any(indicator == "cp.child_allowance_funds" for indicator, _, _ in found(sentence))


@pytest.mark.parametrize("link", ["则", "也", "亦"])
def test_a_standards_rise_linked_to_its_topic_by_an_adverb_takes_the_topic(link):
    sentence = f"农村居民最低生活保障标准，{link}由现行的每人每年900元提高到1100元。"
    assert found(sentence) == {("sa.dibao_standard_rural", v, "元/人/年") for v in (900.0, 1100.0)}


@pytest.mark.parametrize(
    "sentence", ["城乡低保对象适当扩展，新增2.4万人，达到18.5万人。", "全县低保对象扩面，新增1200人，达到15600人。"]
)
def test_people_added_in_a_clause_of_their_own_after_the_programme_widens_are_newly_enrolled(sentence):
    assert any(indicator == "sa.dibao_newly_enrolled" for indicator, _, _ in found(sentence))


def test_people_paid_a_named_fee_and_the_fee_for_dibao_and_tekun_together_are_assisted_people_and_all_money():
    sentence = "县民政局向1.36万名城乡低保对象和特困供养人员发放基本生活保障费1850.6万元。"
    assert found(sentence) == {
        ("sa.assisted_people", 13600.0, "人"),
        ("sa.total_assistance_funds", 18506000.0, "元"),
    }


@pytest.mark.parametrize("verb", ["下拨", "核拨", "下达"])
def test_medical_assistance_money_allocated_downwards_is_no_money_paid_as_for_the_other_programmes(verb):
    assert found(f"{verb}城乡医疗救助资金3560万元。") == set()


@pytest.mark.parametrize("sentence", ["全市精简退职职工生活补助标准提标6%。", "重点优抚对象抚恤补助标准提高10%。"])
def test_a_rise_of_another_groups_allowance_is_no_rise_of_the_assistance_standards(sentence):
    assert found(sentence) == set()


def test_people_whose_named_medical_aid_is_their_subject_are_no_assisted_people():
    assert not any(i == "sa.assisted_people" for i, _, _ in found("调整大病医疗救助范围，为215名困难群众发放救助金。"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "享受政府最低生活保障的城镇居民、农村居民分别是950人、7410人。",
            {("sa.dibao_recipients_urban", 950.0, "人"), ("sa.dibao_recipients_rural", 7410.0, "人")},
        ),
        (
            "城镇居民、农村居民最低生活保障人数分别是950人、7410人。",
            {("sa.dibao_recipients_urban", 950.0, "人"), ("sa.dibao_recipients_rural", 7410.0, "人")},
        ),
        (
            "全县有城镇居民14200人、农村居民16300人享受最低生活保障。",
            {("sa.dibao_recipients_urban", 14200.0, "人"), ("sa.dibao_recipients_rural", 16300.0, "人")},
        ),
        (
            "年末全县640户、1250名城镇居民和9800户、30100名农村居民享受政府最低生活保障。",
            {
                ("sa.dibao_households", 640.0, "户"),
                ("sa.dibao_recipients_urban", 1250.0, "人"),
                ("sa.dibao_households", 9800.0, "户"),
                ("sa.dibao_recipients_rural", 30100.0, "人"),
            },
        ),
    ],
)
def test_a_bulletins_dibao_residents_by_area_share_the_lists_modifier_or_predicate(sentence, expected):
    assert found(sentence) == expected


def test_care_modes_of_an_upbringing_standard_after_an_orphan_topic_are_the_orphan_standards():
    sentence = "某盟孤儿养育标准连续提标，集中供养和分散供养的养育标准分别由原来的800元和600元提高至1400元和1100元。"
    assert found(sentence) == {
        ("cp.orphan_standard_institutional", 800.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 600.0, "元/人/月"),
        ("cp.orphan_standard_institutional", 1400.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1100.0, "元/人/月"),
    }


def test_people_of_five_guarantee_households_are_tekun_people_and_their_orphans_are_theirs():
    sentence = "1983年全县有五保户612户、735人，其中老人301人、孤儿28人、残疾人406人。"
    assert found(sentence) == {("sa.tekun_recipients", 735.0, "人")}


def test_money_of_a_list_of_months_is_no_single_months_payment():
    sentence = "发放全县2024年度11月份、12月份困难残疾人生活补贴5200人、936000元。"
    assert ("sa.disability_subsidy_funds", 936000.0, "元") in found(sentence)


def test_the_standards_of_people_who_lost_their_self_care_are_care_tiers_not_the_basic_living_standard():
    sentence = (
        "集中供养具备生活自理能力农村特困人员供养标准调整为900元/月；"
        "集中供养部分丧失生活自理能力农村特困人员供养标准调整为1000元/月；"
        "集中供养完全丧失生活自理能力农村特困人员供养标准调整为2000元/月。"
    )
    assert {value for _, value, _ in found(sentence)} == {900.0}


def test_back_pay_per_head_is_no_standard():
    sentence = "按照城区城市低保人员每人每月补发45元、农村低保人员每人每月补发25元的标准补发差额。"
    assert not any(indicator.endswith(("standard_urban", "standard_rural")) for indicator, _, _ in found(sentence))


def test_a_stock_clause_after_people_in_chinese_numerals_takes_their_topic_as_with_digits():
    sentence = "截至九月底，共救济农村享受最低生活保障人口十二点三万人，共计六点一万户。"
    assert found(sentence) == {
        ("sa.dibao_recipients_rural", 123000.0, "人"),
        ("sa.dibao_households", 61000.0, "户"),
    }


def test_zones_listed_after_a_colon_take_the_standard_before_it_and_the_next_zones_follow():
    sentence = "提标后城市低保标准为：市内三区和甲山、乙阳为每人每月520元，丙岛540元，四市均为460元。"
    assert found(sentence) == {("sa.dibao_standard_urban", v, "元/人/月") for v in (520.0, 540.0, 460.0)}


def test_a_target_met_after_a_figure_is_no_zone_of_a_list():
    sentence = "城市低保累计支出5895.5万元，累计月人均补差180.6元，完成148元目标任务的122%。"
    assert ("sa.dibao_funds", 148.0, "元") not in found(sentence)


def test_a_care_mode_of_people_after_a_semicolon_takes_the_standard_the_sentence_before_named():
    sentence = "孤儿基本生活养育标准：集中供养对象统一提高到每人每月1980元；散居供养对象统一提高到每人每月1540元。"
    assert found(sentence) == {
        ("cp.orphan_standard_institutional", 1980.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1540.0, "元/人/月"),
    }


@pytest.mark.parametrize("sentence", ["某省百名城市人口中近7人享低保。", "也就是百人中近7人为低保对象。"])
def test_people_per_hundred_residents_are_a_ratio_not_a_count(sentence):
    assert found(sentence) == set()


def test_rises_of_the_two_disability_subsidies_are_no_rises_of_the_assistance_standards():
    assert found("残疾人两项补贴标准相较于2019年，分别增长40%、55%。") == set()


def test_people_counted_in_bare_wan_before_a_noun_of_personnel_are_people():
    assert ("sa.tekun_recipients", 213000.0, "人") in found("全省140.2万低保对象、21.3万特困人员基本生活得到保障。")


def test_zones_named_short_after_a_colon_each_take_the_standard_even_when_many_share_a_value():
    sentence = (
        "农村低保标准为每人每年：甲林、乙义5900元，丙阳、丁城、戊水、己阳、庚口、辛山5500元，其他县5300元；"
        "城市低保标准每人每月：甲林、乙义680元，丙石640元，其他县620元。"
    )
    got = found(sentence)
    assert {v for i, v, _ in got if i == "sa.dibao_standard_rural"} == {5900.0, 5500.0, 5300.0}
    assert {v for i, v, _ in got if i == "sa.dibao_standard_urban"} == {680.0, 640.0, 620.0}


@pytest.mark.parametrize(
    "text, region, urban, rural",
    [
        pytest.param(
            "一、城乡居民最低生活保障标准\n（一）城市低保标准（每人每月）。\n甲州区640元、乙党区600元、丙子县560元。\n"
            "（二）农村低保标准（每人每年）。\n甲州区4700元、丙子县4300元。\n",
            "长治市",
            (640.0, 600.0, 560.0),
            (4700.0, 4300.0),
            id="period in brackets",
        ),
        pytest.param(
            "一、城乡低保对象保障标准\n1、城市居民最低生活保障标准（单位：元/人·月）\n甲府区650元、乙襄县590元、丙台县580元。\n"
            "2、农村居民最低生活保障标准（单位：元/人·年）\n甲府区5900元、丙台县5700元。\n",
            "忻州市",
            (650.0, 590.0, 580.0),
            (5900.0, 5700.0),
            id="unit in brackets",
        ),
    ],
)
def test_zone_values_under_a_heading_that_names_the_standard_and_its_period_or_unit_are_that_standards(
    text, region, urban, rural
):
    report = report_from_text(text, region=region, year=2019, level="prefecture-level city", meta={"province": "山西"})
    got = {(r.indicator, r.value, r.unit) for r in indicator_frame([report]).itertuples()}
    assert {("sa.dibao_standard_urban", v, "元/人/月") for v in urban} <= got
    assert {("sa.dibao_standard_rural", v, "元/人/年") for v in rural} <= got


def test_a_group_counted_before_中_is_the_whole_and_those_in_central_care_after_有_its_part():
    assert found("2006年，全市4200位五保人员中，有3900位集中供养。") == {("sa.tekun_recipients", 4200.0, "人")}


def test_money_a_charity_body_pays_or_spends_is_charity_money_whatever_the_clause_calls_it():
    sentence = "市慈善总会全年共筹集善款5200万元，发放救助资金4100万元，累计救助支出3亿元。"
    assert found(sentence) == {("so.charity_funds", v, "元") for v in (52000000.0, 41000000.0, 300000000.0)}


def test_aid_a_bureau_pays_with_a_charity_body_as_partner_stays_the_programmes():
    assert found("县民政局联合县慈善总会发放临时救助金50万元。") == {("sa.temp_assistance_funds", 500000.0, "元")}


def test_a_standard_listed_beside_its_aid_level_keeps_its_value_and_the_aid_level_is_none():
    assert found("农村低保平均保障标准、人均补差分别达到4650元/年、2980元/年。") == {
        ("sa.dibao_standard_rural", 4650.0, "元/人/年")
    }


def test_people_counted_in_bare_wan_before_a_list_of_groups_are_all_the_groups_people():
    sentence = "此次提标将惠及全市近12万城乡低保、农村五保对象。"
    assert found(sentence) == {("sa.assisted_people", 120000.0, "人")}


def test_a_count_that_opens_its_clause_with_its_own_group_takes_no_topic_from_the_standard_before():
    sentence = "自7月1日起，全市再次提高城乡低保标准，8万城乡低保对象受益。"
    assert ("sa.dibao_recipients", 80000.0, "人") in found(sentence)


def test_a_county_named_by_该县_in_a_citys_news_is_another_place_and_该市_is_the_city():
    county = "目前，该县城市低保标准由每人每月520元提高到560元。"
    city = "目前，该市城市低保标准由每人每月520元提高到560元。"
    assert rows_of(county, "梅州市", "广东", level="prefecture-level city") == set()
    assert rows_of(city, "梅州市", "广东", level="prefecture-level city") == {
        ("sa.dibao_standard_urban", 520.0),
        ("sa.dibao_standard_urban", 560.0),
    }


def test_a_tier_naming_only_its_area_and_group_takes_the_measure_of_the_rise_before_it():
    aid = "全市提高低保补助水平，城镇低保对象月人均补助水平由120元提高到250元，农村低保对象由70元提高到115元。"
    standard = "城市低保对象月人均保障标准由500元提高到560元，农村低保对象由300元提高到350元。"
    assert found(aid) == set()
    assert ("sa.dibao_standard_rural", 350.0, "元/人/月") in found(standard)


def test_care_tiers_ranked_with_brackets_after_a_colon_take_the_care_standard_and_keep_the_highest():
    text = (
        "集中供养特困人员照料护理补贴标准为：一档（完全丧失生活自理能力或一级重度残疾）900元/人·月，"
        "二档（部分丧失生活自理能力）450元/人·月，三档（其他集中供养特困人员）260元/人·月。"
    )
    assert found(text) == {("sa.tekun_care_standard", 900.0, "元/人/月")}


def test_all_social_service_beds_are_not_elderly_beds_and_their_elderly_part_is():
    assert found("年末全区社会服务床位12000张，其中，养老床位9800张。") == {("ec.beds", 9800.0, "张")}


def test_a_rise_by_an_amount_with_its_verb_before_the_standard_is_no_standard():
    sentence = "决定从2024年1月1日起，提高全市城市低保标准25元/人·月，同时提高城市特困人员基本生活标准30元/人·月。"
    assert found(sentence) == set()


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("2024年，全市慈善总会系统捐赠收入5.20亿元。", 520000000.0),
        ("全年共向市慈善总会捐献慈善基金超900万元。", 9000000.0),
        ("灾情发生后，及时动员社会力量，募集款物800多万元用于抗灾救援。", 8000000.0),
        ("2013年1月至2016年12月，市慈善会资金总收入为人民币5305.01万元。", 53050100.0),
    ],
)
def test_charity_money_written_as_donation_income_pledges_or_goods_over_a_span_of_years(sentence, value):
    assert found(sentence) == {("so.charity_funds", value, "元")}


def test_a_rise_in_per_cent_after_a_rise_in_yuan_is_the_rise_of_the_standard_named_before():
    sentence = "全市城市低保标准提高到650元/人·月，比上年620元/人·月，提高30元/人·月，增4.8%。"
    assert ("sa.standard_increase", 4.8, "%") in found(sentence)
    assert ("sa.standard_increase", 2.1, "%") not in found("全市低保对象5万人，比上年减少300人，增长2.1%。")


def test_a_verb_before_a_list_of_places_builds_every_item_whatever_the_first_items_level():
    sentence = "今年全市将建设3个社区养老服务综合体、40个城市社区老年人日间照料中心、120个农村互助幸福院。"
    got = found(sentence)
    assert ("ec.new_home_care_stations", 40.0, "处") in got
    assert ("ec.service_facilities", 40.0, "处") not in got


def test_the_yearly_or_monthly_aid_per_head_written_人均年补_is_no_standard():
    sentence = "农村低保对象2100户、4100人，保障标准每人每年1600元，人均年补970元。"
    assert ("sa.dibao_standard_rural", 970.0, "元/人/年") not in found(sentence)
    assert ("sa.dibao_standard_rural", 1600.0, "元/人/年") in found(sentence)


def test_zones_after_the_standards_rise_in_per_cent_take_that_standard():
    sentence = "从2023年1月1日起全市城市低保标准提高7%，五区从每人每月800元提高到不低于856元、三县从每人每月600元提高到不低于642元。"
    got = found(sentence)
    assert {v for i, v, _ in got if i == "sa.dibao_standard_urban"} == {800.0, 856.0, 600.0, 642.0}


def test_a_restated_分别_list_after_即_takes_the_standard_of_the_clause_before():
    sentence = (
        "全市城乡特困人员基本生活标准按照城乡低保标准的1.3倍确定，即每人每月分别从1000元、500元提高到1100元、560元。"
    )
    got = found(sentence)
    assert ("sa.tekun_standard_urban", 1100.0, "元/人/月") in got
    assert ("sa.tekun_standard_rural", 560.0, "元/人/月") in got


def test_a_growth_rate_after_a_rise_in_yuan_is_the_rise_of_the_standard_named_before():
    sentence = "2017年，农村牧区低保保障标准达到年人均4900元，比上年提高650元，增速为15.3%。"
    assert ("sa.standard_increase", 15.3, "%") in found(sentence)


def test_places_completed_in_a_year_the_sentence_names_are_new_and_places_already_built_the_stock():
    assert ("ec.new_home_care_stations", 4.0, "处") in found("去年全区建成城市社区老年人日间照料中心4个。")
    assert ("ec.community_centers", 120.0, "处") in found("目前全县已建成城乡居家养老服务照料中心120家。")


def test_five_guarantee_people_living_scattered_散居_have_the_at_home_standard():
    sentence = "按照统一标准（散居供养五保270元/人·月、集中供养五保400元/人·月）按季度发放。"
    assert ("sa.tekun_standard_dispersed", 270.0, "元/人/月") in found(sentence)


def test_standards_written_月均每人_or_年均每人_keep_their_period_on_both_sides_of_a_rise():
    sentence = "农村低保平均保障标准从3月底的年均每人1300元提高到年均每人1500元。"
    assert found(sentence) == {("sa.dibao_standard_rural", v, "元/人/年") for v in (1300.0, 1500.0)}


def test_community_elderly_care_facilities_named_养老_设施_are_service_facilities():
    sentence = "全市养老机构80家，社区养老和照料设施170家，社区互助型养老设施1020家。"
    assert found(sentence) == {
        ("ec.care_institutions", 80.0, "处"),
        ("ec.service_facilities", 170.0, "处"),
        ("ec.service_facilities", 1020.0, "处"),
    }


def test_items_listed_after_具体包括_are_parts_of_the_total_before_them():
    text = "市慈善会全年募集善款收入5000万元，利息收入300万元。具体包括扶贫济困日活动收入3000万元；其他定向捐款项目收入90万元；"
    assert found(text) == {("so.charity_funds", 50000000.0, "元")}


def test_tekun_people_of_one_care_mode_are_a_part_not_all_tekun_people():
    assert found("全县集中供养农村五保对象不足300人。") == set()
    assert found("组织照料服务人员上门为1.5万名分散供养特困人员提供服务。") == set()
    assert ("sa.tekun_recipients", 9000.0, "人") in found("全市共有特困人员9000人，其中集中供养600人。")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "具体标准为：A档由400元/人月提高到430元/人月，B档由300元/人月提高到320元/人月。",
            id="lettered payment classes",
        ),
        pytest.param("全市千名老年人口享有养老床位数达到31.6张。", id="beds per thousand old people, not whole"),
        pytest.param("市慈善总会慈善基金存量达到3.1亿元。", id="a charity fund's balance"),
        pytest.param(
            "近日，城市低保对象王某的账户上收到了800元的一次性生活补贴。", id="a one-off subsidy named after its sum"
        ),
        pytest.param("在全区随机抽取30%的低保家庭共1500户进行入户核查。", id="households sampled for checks"),
    ],
)
def test_sums_and_counts_that_are_no_codebook_figure_of_the_region_give_no_row(sentence):
    assert found(sentence) == set()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("年内共清退农村低保对象42户77人。", {("sa.dibao_exited", 77.0, "人")}),
        ("全县清退城镇低保对象15户21人，其中死亡3人。", {("sa.dibao_exited", 21.0, "人")}),
        ("清理城市低保对象中的不符合条件者8户12人。", set()),
        ("农村低保对象与建档立卡贫困户重合860人。", set()),
        ("农村特困人员与低保对象重合35人。", set()),
    ],
)
def test_people_removed_from_or_overlapping_with_an_area_register_are_not_its_recipients(sentence, expected):
    assert found(sentence) == expected


def test_a_rise_by_an_amount_with_a_space_before_it_is_not_the_standard():
    assert found("农村低保标准由4800元/人·年提高到5160元/人·年，每人每月增加 30元。") == {
        ("sa.dibao_standard_rural", 4800.0, "元/人/年"),
        ("sa.dibao_standard_rural", 5160.0, "元/人/年"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("在农村地区，低保对象共有1800人。", {("sa.dibao_recipients_rural", 1800.0, "人")}),
        ("而对于城镇地区，低保标准保持在每月720元。", {("sa.dibao_standard_urban", 720.0, "元/人/月")}),
        ("在农牧区，特困人员基本生活标准为每月930元。", {("sa.tekun_standard_rural", 930.0, "元/人/月")}),
    ],
)
def test_an_area_named_as_the_topic_of_the_clause_before_is_the_figures_area(sentence, expected):
    assert found(sentence) == expected


def test_counts_named_only_by_a_change_verb_are_changes_of_the_register_counted_before():
    assert found("年末全镇城镇低保对象620人，其中：新增58人，取消41人；城乡特困新增9人，取消6人。") == {
        ("sa.dibao_recipients_urban", 620.0, "人"),
        ("sa.dibao_newly_enrolled", 58.0, "人"),
        ("sa.dibao_exited", 41.0, "人"),
    }


def test_a_level_given_as_a_share_of_income_is_not_a_rise_of_the_standard():
    assert found("城乡低保标准分别提高8%和12%，分别达到上年居民人均收入的30%和40%。") == {
        ("sa.standard_increase", 8.0, "%"),
        ("sa.standard_increase", 12.0, "%"),
    }


def test_an_area_and_programme_before_a_colon_name_the_figures_of_a_monthly_disclosure():
    sentence = "农村低保：按家庭年人均收入低于5200元的标准实行保障，5月共救助3100户5600人，月人均救助310元。"
    assert found(sentence) == {
        ("sa.dibao_standard_rural", 5200.0, "元/人/年"),
        ("sa.dibao_households", 3100.0, "户"),
        ("sa.dibao_recipients_rural", 5600.0, "人"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "提标后全市农村低保标准达到每月420元，保障人数为5.2万人。",
            {("sa.dibao_standard_rural", 420.0, "元/人/月"), ("sa.dibao_recipients_rural", 52000.0, "人")},
        ),
        (
            "全县城镇低保标准为每月680元，保障对象960人。",
            {("sa.dibao_standard_urban", 680.0, "元/人/月"), ("sa.dibao_recipients_urban", 960.0, "人")},
        ),
        (
            "全县发放低保和特困资金共1800万元，保障对象6200人。",
            {("sa.total_assistance_funds", 18000000.0, "元"), ("sa.assisted_people", 6200.0, "人")},
        ),
    ],
)
def test_people_counted_by_a_word_of_any_programme_are_the_one_programme_named_before(sentence, expected):
    assert found(sentence) == expected


def test_a_standard_named_by_its_measure_alone_takes_the_programme_and_the_respective_areas_before_it():
    sentence = "去年全市共筹集城乡低保资金3.6亿元，保障标准分别达到了月人均520元和年人均4800元。"
    assert found(sentence) == {
        ("sa.dibao_funds", 360000000.0, "元"),
        ("sa.dibao_standard_urban", 520.0, "元/人/月"),
        ("sa.dibao_standard_rural", 4800.0, "元/人/年"),
    }


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("全年开展慈善救助320人次、支出48.6万元。", 486000.0),
        ("全区完成“慈善一日捐”218万元。", 2180000.0),
        ("全年募集“冠名基金”530万元。", 5300000.0),
    ],
)
def test_charity_relief_money_a_giving_day_and_named_funds_raised_are_charity_money(sentence, value):
    assert found(sentence) == {("so.charity_funds", value, "元")}


@pytest.mark.parametrize(
    "sentence",
    ["城市低保对象取暖补贴每人每年400元。", "农村特困人员取暖补贴标准为每人每年300元。"],
)
def test_a_heating_subsidy_of_a_programme_is_not_its_standard(sentence):
    assert found(sentence) == set()


def test_a_programmes_money_paid_with_a_heating_subsidy_is_still_its_money_but_the_subsidy_alone_is_not():
    assert found("全县共有农村五保对象210人，全年发放五保供养资金及取暖补贴132.5万元。") == {
        ("sa.tekun_recipients", 210.0, "人"),
        ("sa.tekun_funds", 1325000.0, "元"),
    }
    assert found("为全县城市低保对象发放取暖补贴46万元。") == set()


def test_money_named_by_a_word_of_any_programme_after_one_programmes_counts_is_that_programmes_money():
    sentence = "全区城镇低保人数2300人，农村低保人数6100人，保障资金投入城镇310万元、农村540万元。"
    assert {row for row in found(sentence) if row[2] == "元"} == {
        ("sa.dibao_funds", 3100000.0, "元"),
        ("sa.dibao_funds", 5400000.0, "元"),
    }
    general = found("全区低保人数2300人，全年发放社会救助保障资金900万元。")
    assert not any(indicator == "sa.dibao_funds" for indicator, _, _ in general)


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("今年共实施临时救助410户，发放救助金185万元。", 410.0, "户"),
        ("全年临时救助困难群众1260户次。", 1260.0, "户次"),
        ("全年实施临时救助410户、730人次。", 730.0, "人次"),
        ("全年实施临时救助410户730人。", 730.0, "人"),
    ],
)
def test_temporary_assistance_counted_in_households_is_its_cases_unless_the_people_follow(sentence, value, unit):
    cases = {(v, u) for i, v, u in found(sentence) if i == "sa.temp_assistance_cases"}
    assert cases == {(value, unit)}


@pytest.mark.parametrize(
    "sentence",
    [
        "全县共有县级特困供养机构9个。",
        "全市建成特困人员供养服务机构9所。",
        "目前有乡镇特困人员供养机构9家。",
    ],
)
def test_homes_for_the_destitute_named_as_tekun_institutions_are_care_institutions(sentence):
    assert ("ec.care_institutions", 9.0, "处") in found(sentence)


def test_village_elderly_service_points_are_service_facilities():
    assert ("ec.service_facilities", 212.0, "处") in found("全县已设立村级养老服务点212个。")


def test_a_count_the_clause_calls_standing_is_not_the_added_count_an_earlier_clause_names():
    got = found("年内新增农村低保860人，新增城镇低保45人，全县现有城乡低保8120户11460人。")
    assert ("sa.dibao_recipients", 11460.0, "人") in got
    assert ("sa.dibao_newly_enrolled", 11460.0, "人") not in got
    assert ("sa.dibao_newly_enrolled", 860.0, "人") in got


def test_a_sentence_a_line_break_cuts_after_a_comma_goes_on_in_the_next_line():
    text = "关于提高救助标准的通知\n\n城市特困人员集中供养标准由每人每年14000元提高到15000元，\n\n分散供养标准由每人每年9800元提高到10400元；\n农村特困人员集中供养标准由每人每年7600元提高到8400元，\n\n分散供养标准由每人每年5200元提高到5900元。"
    got = found(text)
    assert {("sa.tekun_standard_urban", 10400.0, "元/人/年"), ("sa.tekun_standard_rural", 5900.0, "元/人/年")} <= got
    assert not {i for i, _, _ in got} & {"sa.tekun_standard_centralized", "sa.tekun_standard_dispersed"}


def test_a_rise_whose_earlier_value_carries_its_period_after_the_unit_gives_the_later_value_too():
    got = found("全县农村低保标准由4200元每人每年提高到4620元每人每年。")
    assert {("sa.dibao_standard_rural", 4200.0, "元/人/年"), ("sa.dibao_standard_rural", 4620.0, "元/人/年")} <= got


def test_care_modes_listed_after_an_areas_standard_are_that_areas_where_town_and_country_are_apart():
    got = found(
        "今年起，城市特困人员基本生活标准提高至集中供养820元/人.月、分散供养720元/人.月；"
        "农村特困人员基本生活标准提高至集中供养640元/人.月、分散供养540元/人.月。"
    )
    assert got == {
        ("sa.tekun_standard_urban", 820.0, "元/人/月"),
        ("sa.tekun_standard_urban", 720.0, "元/人/月"),
        ("sa.tekun_standard_rural", 640.0, "元/人/月"),
        ("sa.tekun_standard_rural", 540.0, "元/人/月"),
    }


def test_standards_under_the_old_names_apart_are_the_country_and_the_towns():
    got = found(
        "全市五保对象集中和分散供养标准每人每年分别提高到6800元和4500元，“三无”人员集中供养和分散供养标准每人每月分别提高到1180元和930元。"
    )
    assert got == {
        ("sa.tekun_standard_rural", 6800.0, "元/人/年"),
        ("sa.tekun_standard_rural", 4500.0, "元/人/年"),
        ("sa.tekun_standard_urban", 1180.0, "元/人/月"),
        ("sa.tekun_standard_urban", 930.0, "元/人/月"),
    }


def test_the_old_names_together_or_as_a_reference_keep_the_care_mode_ids():
    got = found("“五保、三无”分散供养标准为每人每月580元，集中供养标准为每人每月790元。")
    assert got == {
        ("sa.tekun_standard_dispersed", 580.0, "元/人/月"),
        ("sa.tekun_standard_centralized", 790.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence, indicator, value, unit",
    [
        ("全年发放城乡低保资金1.6亿元，惠及困难群众2.6万人。", "sa.dibao_recipients", 26000.0, "人"),
        ("发放特困人员供养金6800万元，保障困难群众4700人。", "sa.tekun_recipients", 4700.0, "人"),
        ("发放临时救助资金2100万元，惠及困难群众1.1万人次。", "sa.temp_assistance_cases", 11000.0, "人次"),
    ],
)
def test_people_a_programmes_money_reaches_are_that_programmes_people(sentence, indicator, value, unit):
    got = found(sentence)
    assert (indicator, value, unit) in got
    assert not any(i == "sa.assisted_people" for i, _, _ in got)


def test_people_a_one_off_payment_reaches_are_not_a_programmes_people():
    got = found("为低保对象发放一次性生活补贴1.5亿元，惠及困难群众18万人。")
    assert not any(i == "sa.dibao_recipients" for i, _, _ in got)


def test_a_list_of_several_programmes_standards_gives_each_value_its_own_programme():
    got = found("全省城市低保、农村低保和特困供养标准分别达到每人每月730元、490元和1080元。")
    assert got == {
        ("sa.dibao_standard_urban", 730.0, "元/人/月"),
        ("sa.dibao_standard_rural", 490.0, "元/人/月"),
        ("sa.tekun_standard_urban", 1080.0, "元/人/月"),
        ("sa.tekun_standard_rural", 1080.0, "元/人/月"),
    }


@pytest.mark.parametrize(
    "sentence",
    ["与上年同期相比，全市低保人数减少530人。", "城乡低保人数较上年度增长1.4万人。", "全县特困人员比上年末下降120人。"],
)
def test_by_how_much_a_caseload_changed_against_an_earlier_time_is_not_the_caseload(sentence):
    assert found(sentence) == set()


def test_a_clause_that_names_a_programmes_standard_takes_no_topic_from_a_quoted_task_before_it():
    got = found(
        "省里将“提高农村特困供养省级补助标准”列为民生实事后，某市城市低保月保障标准两区由上年的432元提高到468元。"
    )
    assert got == {("sa.dibao_standard_urban", 432.0, "元/人/月"), ("sa.dibao_standard_urban", 468.0, "元/人/月")}


def test_a_zone_listed_after_a_zone_takes_the_standard_the_first_zone_named():
    got = found("某市确定城市低保月保障标准两区由上年的432元提高到468元，五县由上年的352元提高到384元。")
    assert {("sa.dibao_standard_urban", 352.0, "元/人/月"), ("sa.dibao_standard_urban", 384.0, "元/人/月")} <= got


def test_orphans_standards_listed_by_care_mode_are_the_institutional_and_the_dispersed_ones():
    got = found("孤儿集中供养和分散供养标准每人每月分别提高到1620元和1310元。")
    assert got == {
        ("cp.orphan_standard_institutional", 1620.0, "元/人/月"),
        ("cp.orphan_standard_dispersed", 1310.0, "元/人/月"),
    }


def test_orphans_standards_beside_tekun_standards_by_area_keep_their_own_ids():
    got = found(
        "全市五保对象集中和分散供养标准每人每年分别提高到6800元和4500元，“三无”人员集中供养和分散供养标准每人每月分别"
        "提高到1180元和930元，孤儿集中供养和分散供养标准每人每月分别提高到1620元和1310元。"
    )
    assert {i for i, v, _ in got if v in (1620.0, 1310.0)} == {
        "cp.orphan_standard_institutional",
        "cp.orphan_standard_dispersed",
    }


def test_standards_a_mirror_left_as_a_slash_dot_and_person_are_per_person_sums():
    got = found("全市城乡特困人员基本生活补助标准分别由1650/·人、960/·人提高至1750/·人、1080/·人。")
    assert {("sa.tekun_standard_urban", 1750.0, "元/人/月"), ("sa.tekun_standard_rural", 1080.0, "元/人/月")} <= got


def test_households_listed_beside_person_times_are_no_caseload():
    got = found("累计为城市低保7040户、15120人次发放保障金782万元。")
    assert not any(i == "sa.dibao_households" for i, _, _ in got)
    assert ("sa.dibao_households", 7040.0, "户") in found("全县有城市低保7040户15120人。")


def test_a_clause_that_only_pegs_a_standard_to_the_dibao_lends_no_dibao_to_the_next():
    got = found("按照城市低保标准的1.5倍执行，由每人每月1436元提高到1508元。")
    assert not any(i.startswith("sa.dibao_standard") for i, _, _ in got)


def test_a_bulleted_list_of_zones_under_a_colon_gives_each_zones_standard():
    text = (
        "各县（市、区）城市低保标准每人每月提高20元，提标后，我市城市低保标准调整为：\n"
        "◆ 尧都区720元/人/月\n◆ 侯马市、霍州市690元/人/月\n◆ 曲沃县、翼城县670元/人/月\n"
        "农村低保标准调整为：\n◆ 尧都区6600元/人/年\n◆ 侯马市、霍州市6480元/人/年"
    )
    rows = extract_text(text, region="临汾市", year=2024, level="prefecture-level city")
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert got == {
        ("sa.dibao_standard_urban", 720.0),
        ("sa.dibao_standard_urban", 690.0),
        ("sa.dibao_standard_urban", 670.0),
        ("sa.dibao_standard_rural", 6600.0),
        ("sa.dibao_standard_rural", 6480.0),
    }


def test_a_bracket_that_restates_the_standards_opens_their_own_clause():
    got = found("城乡低保标准、孤儿养育标准维持不变（城市低保标准为590元/月，农村低保标准为460元/月）。")
    assert got == {("sa.dibao_standard_urban", 590.0, "元/人/月"), ("sa.dibao_standard_rural", 460.0, "元/人/月")}


def test_households_and_people_of_a_programme_paid_its_money_are_its_caseload():
    got = found("累计为3720户4630名城乡低保对象发放困难群众救助资金1288万元。")
    assert {("sa.dibao_households", 3720.0, "户"), ("sa.dibao_recipients", 4630.0, "人")} <= got
    assert not any(i == "sa.assisted_people" for i, _, _ in got)


def test_insurance_bought_for_a_programmes_people_is_not_its_money():
    assert found("为城乡低保户购买补充险11.4万余元。") == set()


def test_a_standard_set_for_the_whole_region_under_its_heading_is_that_headings():
    got = found(
        "具体如下：\n一、城市低保标准\n中心城区从每人每月 760 元调整为 810 元。\n二、农村低保标准\n全市统一从每人每月 545 元调整为 605 元。"
    )
    assert {("sa.dibao_standard_rural", 545.0, "元/人/月"), ("sa.dibao_standard_rural", 605.0, "元/人/月")} <= got


def test_the_lowest_standard_all_parts_passed_and_a_poverty_line_are_not_the_regions_standards():
    assert (
        found("至此，全省各市、县（市、区）低保最低标准都已超过520元/人月，提前一年超过6100元/年的省定兜底脱贫标准。")
        == set()
    )


def test_figures_of_a_paragraph_that_opens_with_another_place_doing_the_same_are_that_places():
    text = (
        "全区今年将新建民办养老机构9所。\n"
        "同日，石嘴山市也公布了今年为民办的实事。二是提高城乡特困供养人员救助标准。"
        "将补助标准由目前的城市三无人员年人均近4800元，农村五保户年人均近6900元，统一提高为年人均9800元。"
    )
    rows = extract_text(text, region="宁夏回族自治区", year=2015, level="province")
    assert not any(r.indicator.startswith("sa.tekun_standard") for r in rows.itertuples())
    assert any(r.indicator == "ec.care_institutions" for r in rows.itertuples())


def test_a_zone_with_a_note_of_what_it_includes_takes_the_standard_of_its_heading():
    text = (
        "具体如下：\n一、城市低保标准\n"
        "中心城区（含荆州区、沙市区、荆州高新区，下同）从每人每月 760 元调整为 805 元。其他县（市）从每人每月 740 元调整为 785 元。"
    )
    rows = extract_text(text, region="荆州市", year=2023, level="prefecture-level city")
    assert {("sa.dibao_standard_urban", 760.0), ("sa.dibao_standard_urban", 805.0)} <= {
        (r.indicator, r.value) for r in rows.itertuples()
    }


def test_an_area_in_brackets_after_a_value_makes_it_that_areas_and_the_level_they_rise_to_both():
    got = found("特困人员基本生活标准从每人每月620元（城市）、380元（农村）统一提高到700元。")
    assert {
        ("sa.tekun_standard_urban", 620.0, "元/人/月"),
        ("sa.tekun_standard_rural", 380.0, "元/人/月"),
        ("sa.tekun_standard_urban", 700.0, "元/人/月"),
        ("sa.tekun_standard_rural", 700.0, "元/人/月"),
    } == got
    assert ("sa.dibao_standard_rural", 410.0, "元/人/月") in found(
        "低保标准分别为每人每月560元（城镇）和410元（乡村）。"
    )


def test_a_short_name_given_to_the_parts_named_before_does_not_count_them_as_a_tier():
    text = "市南区、市北区、崂山区（以下简称“三区”）城市和农村最低生活保障标准由每人每月640元提高到每人每月690元。"
    rows = extract_text(text, region="青岛市", year=2020, level="prefecture-level city")
    assert {("sa.dibao_standard_urban", 690.0), ("sa.dibao_standard_rural", 640.0)} <= {
        (r.indicator, r.value) for r in rows.itertuples()
    }


def test_digits_a_page_spaced_out_one_by_one_are_one_number():
    got = found("自今年1 0 月1 日起，城市低保平均保障标准提高至6 3 5元/人月；农村低保保障标准提高至4 7 1 6 元/人年。")
    assert {("sa.dibao_standard_urban", 635.0, "元/人/月"), ("sa.dibao_standard_rural", 4716.0, "元/人/年")} == got


def test_digits_spaced_out_as_the_columns_of_a_table_stay_apart():
    from minzheng.read.clean import clean_text

    assert "3 5 7" in clean_text("合计 3 5 7\n").text


def test_a_list_of_values_closed_by_its_number_of_tiers_gives_tiers_not_the_standard():
    text = "全市城市低保平均标准为每人每月830元。城市低保标准分别为每人每月860元、830元和800元三档。"
    assert found(text) == {("sa.dibao_standard_urban", 830.0, "元/人/月")}


def test_what_recipients_receive_on_average_and_the_amount_of_a_rise_are_not_standards():
    assert found("城市低保对象人月均领取512.6元，占城市低保标准的80.1%。") == set()
    assert ("sa.dibao_standard_rural", 310.0, "元/人/年") not in found(
        "农村低保标准从6100元/人年提升至6410元/人年，年度提标幅度310元/人年。"
    )


def test_a_one_off_subsidy_named_before_its_sum_and_the_people_it_reaches_are_no_programmes():
    assert found("截至8月底，发放特困供养资金1210万元，发放特困人员价格临时补贴96万元。") == {
        ("sa.tekun_funds", 12100000.0, "元")
    }
    assert found("县民政局发放“两节”一次性生活补贴，惠及城乡困难群众4200余人。") == set()


def test_the_highest_or_lowest_parts_standard_and_a_low_income_line_are_not_the_regions_standard():
    assert found("提标后，各地低保标准最高将达到760元、最低420元。") == set()
    assert found("全省人均月低保标准910元，最低低保标准为850元/月。") == {
        ("sa.dibao_standard_urban", 910.0, "元/人/月"),
        ("sa.dibao_standard_rural", 910.0, "元/人/月"),
    }
    assert found("城镇低收入家庭认定标准提高到1100元/月。") == set()
    assert ("sa.dibao_standard_urban", 1200.0, "元/人/月") in found("全省城乡低保最低标准为每人每月1200元。")


def test_a_care_subsidy_of_disabled_orphans_is_not_the_orphans_standard():
    assert found("重度残疾孤儿（事实无人抚养儿童）照料护理补贴提高200元，达到每人每月1300元。") == set()


def test_a_bracketed_note_of_what_a_standard_leaves_out_lends_it_no_area():
    assert found("农村低保（除城乡统筹试点旗区外）标准由每人每月610元提高到680元。") == {
        ("sa.dibao_standard_rural", 610.0, "元/人/月"),
        ("sa.dibao_standard_rural", 680.0, "元/人/月"),
    }


def test_people_sleeping_rough_helped_are_no_temporary_assistance_cases():
    assert found("全年实施临时救助3.2万人次，救助生活无着流浪乞讨人员6100人次。") == {
        ("sa.temp_assistance_cases", 32000.0, "人次")
    }


def test_a_standard_after_one_of_the_citys_own_counties_is_that_zones_standard():
    text = (
        "自7月起执行新的城乡低保标准。怀宁县城市居民最低生活保障标准提高到602元/月，农村居民最低生活保障标准提高到"
        "390元/月。望江县城市居民和农村居民最低生活保障标准均提高到585元/月。"
    )
    rows = extract_text(text, region="安庆市", year=2018, level="prefecture-level city")
    got = {(r.indicator, r.value) for r in rows.itertuples()}
    assert {("sa.dibao_standard_urban", 602.0), ("sa.dibao_standard_rural", 390.0)} <= got
    assert ("sa.dibao_standard_rural", 585.0) in got


def test_a_standard_of_a_neighbouring_citys_county_stays_another_places():
    text = "邻市桐城市城市居民最低生活保障标准提高到610元/月。"
    rows = extract_text(text, region="池州市", year=2018, level="prefecture-level city")
    assert rows.empty


def test_a_provinces_page_quoting_a_citys_own_words_has_that_citys_figures():
    text = "全区保障低保对象150.2万人。截至12月，我市共保障城乡低保对象7021户、12480人。"
    rows = extract_text(text, region="内蒙古自治区", year=2017, level="province")
    assert {(r.indicator, r.value) for r in rows.itertuples()} == {("sa.dibao_recipients", 1502000.0)}
    rows = extract_text(
        "截至12月，我市共保障城乡低保对象7021户、12480人。", region="北京市", year=2017, level="province"
    )
    assert ("sa.dibao_recipients", 12480.0) in {(r.indicator, r.value) for r in rows.itertuples()}


def test_a_communitys_charity_station_money_and_a_funds_overall_size_are_not_the_regions_charity_money():
    assert found("某社区慈善工作站募集的慈善资金已达86万元。") == set()
    assert found("全县慈善资金总规模（含认捐）已达8600万元。") == set()
    assert ("so.charity_funds", 4200000.0, "元") in found("全县48个社区共筹得善款420万元。")


def test_an_average_payment_listed_respectively_is_not_the_standard_unless_a_standard_stands_beside_it():
    assert found("全年累计支出低保金4.1亿元，城乡低保累计人均月补助分别达到201.5元和96.3元。") == {
        ("sa.dibao_funds", 410000000.0, "元")
    }
    assert found("城市低保对象、农村低保对象累计月人均补贴241元、121元。") == set()


def test_a_share_raised_to_a_level_is_no_rise_of_a_standard():
    got = found("已建成标准化养老机构240个，护理型床位占比提升至68.5%。")
    assert not any(indicator == "sa.standard_increase" for indicator, _, _ in got)


def test_people_a_programmes_money_is_paid_to_in_one_clause_are_its_people():
    assert found("今年共为96名困难群众发放临时救助金18万元。") == {
        ("sa.temp_assistance_cases", 96.0, "人"),
        ("sa.temp_assistance_funds", 180000.0, "元"),
    }
    assert ("sa.dibao_recipients_rural", 5210.0, "人") in found("为2300户5210名农村低保对象发放低保金980万元。")


def test_homes_closed_village_associations_and_college_entrants_grants_are_not_counted_as_such():
    assert found("关停并转12家老旧乡镇敬老院。") == set()
    assert found("全省1.2万个农村老年协会依托农村互助幸福院开展活动。") == set()
    assert found("发放特困高考新生助学金52.3万元。") == set()


def test_a_scope_word_in_a_ranking_names_where_the_region_ranks_not_whose_figures_follow():
    text = "专项行动成效居全省前列，常态化保障低保对象9.6万人、特困人员2.1万人。"
    rows = extract_text(text, region="菏泽市", year=2025, level="prefecture-level city")
    assert {("sa.dibao_recipients", 96000.0), ("sa.tekun_recipients", 21000.0)} <= {
        (r.indicator, r.value) for r in rows.itertuples()
    }


def test_a_table_row_that_puts_a_care_mode_into_the_row_above_is_its_part():
    text = (
        "指标 | 单位 | 本期 | 上年同期 |\n"
        "农村五保供养支出 | 万元 | 1,200.5 | 1,100.2 |\n"
        "农村五保集中供养支出 | 万元 | 300.1 | 280.4 |\n"
        "农村五保分散供养支出 | 万元 | 900.4 | 819.8 |\n"
    )
    values = {
        r.value for r in extract_text(text, region="某省", year=2015).itertuples() if r.indicator == "sa.tekun_funds"
    }
    assert 12005000.0 in values and not values & {3001000.0, 9004000.0}


def test_a_rise_to_this_years_values_pairs_each_with_its_earlier_one():
    assert found("城市低保、农村低保标准从2010年的每人每月210元、95元分别提高到今年的每人每月520元、410元。") == {
        ("sa.dibao_standard_urban", 210.0, "元/人/月"),
        ("sa.dibao_standard_rural", 95.0, "元/人/月"),
        ("sa.dibao_standard_urban", 520.0, "元/人/月"),
        ("sa.dibao_standard_rural", 410.0, "元/人/月"),
    }


def test_one_standard_two_programmes_share_is_a_figure_of_each():
    assert found("农村低保、五保标准提高到每人每年5120元。") == {
        ("sa.dibao_standard_rural", 5120.0, "元/人/年"),
        ("sa.tekun_standard_rural", 5120.0, "元/人/年"),
    }


def test_the_rises_of_two_classes_payments_named_by_joined_ordinals_are_no_standards_rises():
    got = found("农村低保标准由年人均3100元提高到3400元，农村低保一、二类对象月补助水平分别提高4.1%、5.2%。")
    assert not any(indicator == "sa.standard_increase" for indicator, _, _ in got)


def test_a_headline_sum_said_to_be_more_than_a_round_value_is_the_exact_one_below_its_next_step():
    rows = found("新增养老床位逾3万张。全年新增养老床位33207张。")
    assert rows == {("ec.beds", 33207.0, "张")}


def test_day_care_centres_a_city_builds_this_year_are_new_stations():
    assert ("ec.new_home_care_stations", 40.0, "处") in found(
        "今年我市将继续建设40个社区老年人日间照料，每个补助10万元。"
    )


def test_day_care_centres_for_disabled_people_are_no_elderly_home_care_stations():
    assert found("改造建设残疾人日间照料服务示范中心12个。") == set()


@pytest.mark.parametrize("built", ["新建区域性养老服务中心3个", "新建区级养老院1个"])
def test_building_a_regional_or_district_level_home_names_no_district_called_xinjian(built):
    text = f"2022年，全区{built}，新增养老床位300张。"
    assert ("ec.beds", 300.0) in rows_of(text, "未央区", "陕西", level="district")


def test_a_sentence_set_out_a_clause_to_a_line_is_read_as_one_sentence():
    text = (
        "日前，市民政局发布消息，\n\n从7月1日起，\n\n我市最低生活保障标准将再次提高，\n\n从现行的\n\n"
        "每人每月760元提高到820元，\n\n增长7.9%。\n\n市民政局相关负责人介绍\n"
    )
    got = rows_of(text, "某某市", "浙江", level="prefecture-level city")
    assert {("sa.dibao_standard_urban", 760.0), ("sa.dibao_standard_urban", 820.0)} <= got


@pytest.mark.parametrize(
    "sentence, indicator",
    [
        ("全省12.5万老年人纳入特困供养范围。", "sa.tekun_recipients"),
        ("新建敬老院3所，入住五保对象增加到2100人。", "sa.tekun_recipients"),
        ("新建敬老院3所，扩建敬老院12所。", "ec.care_institutions"),
        ("为5.2万户发放冬季取暖救助金3.1亿元。", "sa.total_assistance_funds"),
    ],
)
def test_a_part_or_a_seasonal_payment_is_not_the_programmes_total(sentence, indicator):
    values = {value for found_indicator, value, _ in found(sentence) if found_indicator == indicator}
    assert values <= {3.0}


def test_orphans_care_modes_listed_before_their_shared_noun_each_take_their_value():
    got = found("孤儿集中、分散供养保障人均标准分别达到2048元/月、1629元/月。")
    assert ("cp.orphan_standard_institutional", 2048.0, "元/人/月") in got
    assert ("cp.orphan_standard_dispersed", 1629.0, "元/人/月") in got


def test_children_raised_in_institutions_have_the_institutional_orphans_standard():
    got = found(
        "机构养育儿童基本生活费最低指导标准从每人每月1750元提高到每人每月1916元，社会散居孤儿基本生活费标准从1350元提高到1478元。"
    )
    assert ("cp.orphan_standard_institutional", 1916.0, "元/人/月") in got
    assert ("cp.orphan_standard_dispersed", 1478.0, "元/人/月") in got


def test_a_standard_named_only_by_its_care_mode_takes_the_programme_of_the_sentence_before():
    got = found(
        "全县孤儿集中供养标准提高至每人每月1700元。分散供养标准在原每人每月1200元的基础上提高至每人每月1300元。"
    )
    assert ("cp.orphan_standard_dispersed", 1300.0, "元/人/月") in got
    assert not any(indicator.startswith("sa.tekun") for indicator, _, _ in got)


def test_a_standard_after_one_areas_caseload_is_that_areas_standard():
    assert found("全县共有城市低保对象1400人，占城镇人口的3%，月人均低保标准为591元。") >= {
        ("sa.dibao_standard_urban", 591.0, "元/人/月")
    }
    assert ("sa.dibao_standard_rural", 591.0, "元/人/月") not in found(
        "全县共有城市低保对象1400人，占城镇人口的3%，月人均低保标准为591元。"
    )
    assert ("sa.dibao_standard_rural", 591.0, "元/人/月") in found(
        "全县共有城市低保对象1400人、农村低保对象3000人，低保标准为每人每月591元。"
    )


def test_people_a_sentence_takes_off_dibao_with_the_verb_after_them_are_exits():
    got = found("今年全县对已不符合条件的低保对象326户518人予以退保。")
    assert not any(indicator in ("sa.dibao_recipients", "sa.dibao_households") for indicator, _, _ in got)
    assert ("sa.dibao_exited", 518.0, "人") in found("全县将已不符合条件的低保对象518人退保。")


def test_a_subsidy_to_elderly_people_under_dibao_is_no_dibao_money():
    got = found("全年发放城乡低保金3587万元，发放低保老人补贴327万元。")
    assert ("sa.dibao_funds", 3270000.0, "元") not in got
    assert ("sa.dibao_funds", 35870000.0, "元") in got


def test_percents_of_a_standard_set_as_a_share_of_the_wage_are_no_rises():
    got = found("全县低保标准从按当地最低工资35%制定逐步调整提高至42%，比例位居全省首位。")
    assert not any(indicator == "sa.standard_increase" for indicator, _, _ in got)
    assert ("sa.standard_increase", 9.5, "%") in found("全县低保标准提高至每人每月800元，增幅9.5%。")


def test_homes_counted_as_projects_with_a_linking_verb_are_no_homes():
    got = found("今年全县已完成选址立项的新建养老机构项目有6个，预计总投资1.2亿元。")
    assert not any(indicator == "ec.care_institutions" for indicator, _, _ in got)


def test_what_groups_inside_dibao_get_on_top_is_no_dibao_standard():
    got = found("享受城乡低保的重残人员、70岁以上老人，救助标准每人每月60元，城乡低保中在校学生每人每月100元。")
    assert not any(indicator.startswith("sa.dibao_standard") for indicator, _, _ in got)
    assert ("sa.dibao_standard_urban", 700.0, "元/人/月") in found(
        "全县低保对象中老年人占60%，城乡低保标准为每人每月700元。"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "今年建成智慧公办养老院5家，完成智慧养老院建设2家。",
        "全县312个社区养老服务机构投入使用。",
    ],
)
def test_smart_upgrades_equipped_centres_and_community_services_are_no_count_of_homes(sentence):
    assert not any(indicator == "ec.care_institutions" for indicator, _, _ in found(sentence))


def test_centres_a_sentence_equips_are_no_count_of_homes():
    got = found("建成公办养老院3家，为36家乡镇（街道）居家养老中心配备智能服务终端。")
    assert ("ec.care_institutions", 3.0, "处") in got
    assert ("ec.care_institutions", 36.0, "处") not in got


def test_what_a_standards_rise_will_need_is_no_years_assistance_money():
    got = found("以上五类标准调整后，全年共需支出救助金4650万元，较调整前增加533万元。")
    assert not any(indicator == "sa.total_assistance_funds" for indicator, _, _ in got)


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("投入42万元，新建成8个居家养老服务站，完善了21个居家养老服务站基础设施。", 21.0),
        ("全县12个乡镇养老服务中心全面开工，开工率达100%。", 12.0),
    ],
)
def test_places_improved_or_whose_building_starts_are_no_count_of_places_built(sentence, value):
    assert not any(found_value == value for _, found_value, unit in found(sentence) if unit == "处")


def test_headlines_under_a_related_links_heading_are_not_the_reports_text():
    text = "全县城乡低保标准提高到每人每月700元。\n\n相关链接\n· 某省提高城市低保标准 最低地区每月104元\n· 某市城乡低保对象逾50万人\n"
    got = rows_of(text, "某县", "湖南", level="county")
    assert ("sa.dibao_standard_urban", 700.0) in got
    assert not any(value in (104.0, 500000.0) for _, value in got)


def test_households_a_sentence_visits_are_no_caseload():
    got = found("春节期间走访城市低保对象220户，发放慰问金6万元。")
    assert not any(indicator == "sa.dibao_households" for indicator, _, _ in got)


def test_later_items_of_a_list_of_changes_are_changes_too():
    got = found("今年全县新纳入城乡低保对象660户2022人、农村特困供养人员160户175人。")
    assert ("sa.dibao_newly_enrolled", 2022.0, "人") in got
    assert not any(value == 175.0 for _, value, _ in got)
