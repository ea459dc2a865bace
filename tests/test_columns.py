"""Statistics tables laid out in columns: year and period heads, units in the header or glued, run-together cells."""

from __future__ import annotations

from minzheng.extract.figures import extract_text


def figures(text: str, year: int = 2024) -> set[tuple[str, float, object]]:
    """The (indicator, value, period) triples of a city text whose table rows stand a paragraph each."""
    rows = extract_text(text.replace("\n", "\n\n"), region="某市", year=year)
    return {(r.indicator, r.value, None if r.period != r.period else int(r.period)) for r in rows.itertuples()}


YEAR_COLUMNS = """项目 2019 2020 2021
社会救助
城市最低生活保障人数(人) 5100 4800 4500
#女性 2000 1900 1800
农村低保资金全年支出(万元)
31200 33400 35600
城市特困人员供养人数(人) 610 640
"""


def test_a_column_per_year_gives_one_row_per_year_with_its_period():
    got = figures(YEAR_COLUMNS, 2021)
    assert {("sa.dibao_recipients_urban", v, y) for v, y in [(5100.0, 2019), (4800.0, 2020), (4500.0, 2021)]} <= got


def test_numbers_wrapped_under_their_label_and_a_unit_in_brackets_are_scaled():
    assert ("sa.dibao_funds", 356000000.0, 2021) in figures(YEAR_COLUMNS, 2021)


def test_a_row_with_fewer_numbers_fills_the_latest_years():
    got = figures(YEAR_COLUMNS, 2021)
    assert ("sa.tekun_recipients", 610.0, 2020) in got and ("sa.tekun_recipients", 640.0, 2021) in got


def test_marked_parts_of_a_row_give_no_figures():
    assert not any(value in (2000.0, 1900.0) for _, value, _ in figures(YEAR_COLUMNS, 2021))


GLUED = """指标名称单位数量
一、社会救助
      城市最低生活保障
         最低生活保障人数万人2.4
         最低生活保障平均标准元/人·月980.0
      农村特困人员救助供养人数万人0.3
二、养老服务
        养老机构42
        养老机构床位万张0.6
"""


def test_label_unit_and_number_run_together_are_read_with_the_unit_scaled():
    got = figures(GLUED)
    assert ("sa.dibao_recipients_urban", 24000.0, 2024) in got
    assert ("ec.beds", 6000.0, 2024) in got


def test_a_group_row_gives_its_area_to_the_rows_under_it_until_a_row_names_another_programme():
    got = figures(GLUED)
    assert ("sa.dibao_standard_urban", 980.0, 2024) in got
    assert ("sa.tekun_recipients", 3000.0, 2024) in got
    assert not any(indicator.startswith("sa.dibao") and value == 3000.0 for indicator, value, _ in got)


def test_a_count_without_a_unit_takes_the_unit_its_label_implies():
    assert ("ec.care_institutions", 42.0, 2024) in figures(GLUED)


PERIOD_COLUMNS = """指标名称 单位 代码 数量 上月 环比
（一）社会救助 万元 ABC011212000 8,400.5 7,600.2 10.53
(1）最低生活保障 万元 ABC0112121003,300.12,900.413.79
A 城市低保累计支出 万元 ABC011212110 1,100.0 1,000.0 10.00
"""


def test_numbers_run_together_are_split_by_their_decimals_and_ratio_columns_are_skipped():
    got = figures(PERIOD_COLUMNS)
    assert ("sa.dibao_funds", 33001000.0, 2024) in got and ("sa.dibao_funds", 29004000.0, 2024) in got
    assert not any(value == 137900.0 for _, value, _ in got)


def test_a_lettered_row_under_a_total_of_its_indicator_is_a_part():
    assert not any(value == 11000000.0 for _, value, _ in figures(PERIOD_COLUMNS))


SIDE_BY_SIDE = """指标名称 单位 2023 年 2022 年 指标名称 单位 2023 年 2022 年
一、社会救助 三、婚姻
农村最低生活保障人数 人 7200 7600 结婚登记 件 3100 3300
二、养老机构 四、福利院
机构数 个 35 33 床 位 个 900 880
"""


def test_two_tables_side_by_side_keep_their_own_groups_and_years():
    got = figures(SIDE_BY_SIDE, 2023)
    assert ("sa.dibao_recipients_rural", 7600.0, 2022) in got
    assert ("ec.care_institutions", 35.0, 2023) in got
    assert not any(value in (900.0, 3100.0) for _, value, _ in got)


WITH_TOTAL = """类 别 项 目 数 量 补贴标准
农村特困人员 1.2万 8000元/年
城市特困人员 300 1000元/月
特困人员
合计人数 12300 ——
公办养老机构 20 ——
养老机构 民办养老机构 8 ——
合 计 28 ——
"""


def test_a_total_row_makes_the_rows_of_its_indicator_above_it_parts():
    got = figures(WITH_TOTAL)
    assert ("sa.tekun_recipients", 12300.0, 2024) in got and ("ec.care_institutions", 28.0, 2024) in got
    assert not any(value in (12000.0, 300.0, 20.0, 8.0) for _, value, _ in got)


def test_a_prose_text_gains_no_table_figures():
    text = "全市共有城市低保对象4500人，发放低保金1200万元。\n项目进展顺利，2023年完成12个。"
    assert figures(text) == figures(text.replace("项目", "工作"))


def test_a_page_of_table_lines_after_a_print_prompt_is_not_taken_for_its_footer():
    page = "统计信息\n2024年社会服务统计报表\n【打印本页】\n" + GLUED
    assert ("sa.dibao_recipients_urban", 24000.0, 2024) in figures(page)


def rows_of(text: str, year: int = 2024) -> set[tuple[str, float, object, str]]:
    """The (indicator, value, period, modality) rows of a city text read as it stands (its lines, its gaps)."""
    rows = extract_text(text, region="某市", year=year)
    return {
        (r.indicator, r.value, None if r.period != r.period else int(r.period), r.modality) for r in rows.itertuples()
    }


PIPE_YEARS = """表3 救助情况 | |
项 目 | 2018年 | 2019年 | 2020年 | |
社会救助 | |
城镇居民最低生活保障人数(人) | 3300 | 3100 | 2900 | |
#老年人 | 800 | 760 | 700 | |
农村居民最低生活保障人数(人) | 9100 | 8800 | 8600 | |
"""


def test_a_pipe_table_with_a_column_per_year_gives_each_value_its_year():
    got = figures(PIPE_YEARS, 2020)
    assert {("sa.dibao_recipients_urban", v, y) for v, y in [(3300.0, 2018), (3100.0, 2019), (2900.0, 2020)]} <= got
    assert ("sa.dibao_recipients_rural", 8800.0, 2019) in got
    assert not any(value in (800.0, 760.0, 700.0) for _, value, _ in got)


COUNTED_COLUMNS = """福利机构情况(2010年) |
指 标 |
院 数 |
职 工 |
床 位 |
年末在院 |
社会福利院 | 12 | 300 | 2100 | 1800 |
城镇收养性老年福利机构 | 140 | 900 | 7300 | 6100 |
农村收养性老年福利机构 | 260 | 800 | 9900 | 8200 |
"""


def test_a_header_naming_what_columns_count_reads_each_value_with_its_column():
    got = figures(COUNTED_COLUMNS, 2010)
    assert {("ec.care_institutions", 140.0, 2010), ("ec.beds", 7300.0, 2010)} <= got
    assert {("ec.care_institutions", 260.0, 2010), ("ec.beds", 9900.0, 2010)} <= got
    assert not any(value in (900.0, 6100.0, 2100.0, 12.0) for _, value, _ in got)


BILINGUAL_ONE_YEAR = """表9 社会救济情况(2005年)
      item 2005
   (一)城镇居民最低生活保障人数 (人)   persons receiving urban relief 45120
      #在职人员     employed persons 3100
   (二)农村居民最低生活保障人数 (人)   persons receiving rural relief 61230
      农村居民最低生活保障家庭数 (户)     households receiving rural relief 30450
"""


def test_a_bilingual_yearbook_table_with_one_year_column_and_bracketed_units_is_read():
    got = figures(BILINGUAL_ONE_YEAR, 2005)
    assert {("sa.dibao_recipients_urban", 45120.0, 2005), ("sa.dibao_recipients_rural", 61230.0, 2005)} <= got
    assert ("sa.dibao_households", 30450.0, 2005) in got
    assert not any(value == 3100.0 for _, value, _ in got)


FIRST_MONTH = """| 民政统计月报 | ||
| 2021年度 1月 | ||
| 指标名称 | 单位 | 数量 |
| 1.社会救助 | 万元 | 5,200.4 |
| (1)最低生活保障 | 万元 | 4,100.2 |
| (一)社会救助对象 | ||
| 1.城市低保 | ||
| A 城市低保人数 | 人 | 12,300 |
| B 城市低保户数 | 户 | 7,450 |
| 2.农村低保 | ||
| A 农村低保人数 | 人 | 56,780 |
| B 农村低保户数 | 户 | 30,120 |
"""


def test_the_money_of_a_table_of_the_years_first_month_is_one_months_and_gives_nothing():
    got = figures(FIRST_MONTH, 2021)
    assert not any(indicator.endswith("funds") for indicator, _, _ in got)
    assert ("sa.dibao_recipients_urban", 12300.0, 2021) in figures(FIRST_MONTH, 2021)


def test_a_later_months_table_keeps_its_money():
    assert ("sa.dibao_funds", 41002000.0, 2021) in figures(FIRST_MONTH.replace("1月", "6月"), 2021)


def test_lettered_rows_under_a_group_row_without_numbers_are_not_parts_of_each_other():
    got = figures(FIRST_MONTH, 2021)
    assert {("sa.dibao_households", 7450.0, 2021), ("sa.dibao_households", 30120.0, 2021)} <= got
    assert ("sa.dibao_recipients_rural", 56780.0, 2021) in got


BEDS_BY_KIND = """| 指标名称 | 单位 | 数量 |
| (一)提供住宿的社会服务 | ||
| 1.床位数 | 张 | 20,400 |
| (1)养老机构床位数 | 张 | 17,800 |
| (2)精神疾病服务机构床位数 | 张 | 900 |
| 2.孤儿 | 人 | 2,300 |
| (1)集中养育孤儿 | 人 | 800 |
"""


def test_a_row_ending_in_the_label_above_is_its_part_only_when_read_as_the_same_figure():
    got = figures(BEDS_BY_KIND)
    assert ("ec.beds", 17800.0, 2024) in got and ("cp.orphans", 2300.0, 2024) in got
    assert not any(value in (20400.0, 900.0, 800.0) for _, value, _ in got)


PROGRESS = """实事内容工作任务责任单位进展情况
一季度二季度三季度四季度
新增24家居家养老服务照料中心。区民政局目前已完成6家建设任务。目前已完成13家建设任务。累计完成24家。
完成300户困难家庭适老化改造。区民政局已启动摸底。

下一段文字与表格无关，完成8家。
"""


def test_counts_done_in_a_progress_table_are_read_as_the_tasks_achieved_count():
    got = rows_of(PROGRESS, 2022)
    assert {("ec.new_home_care_stations", v, 2022, "achieved") for v in (6.0, 13.0)} <= got
    assert not any(value == 8.0 for _, value, _, _ in got)


SIBLINGS = """指标名称 单位 本年累计 上年同期
最低生活保障支出 万元 4120.5 3980.2
其中：A 城市低保支出 万元 1200.1 1100.4
B 农村低保支出 万元 2920.4 2879.8
儿童福利支出 万元 880.0 850.0
其中：A 孤儿基本生活保障支出 万元 160.2 150.6
B 事实无人抚养儿童基本生活保障支出 万元 420.3 390.1
"""


def test_a_sub_item_of_the_same_id_as_the_kept_sub_item_before_it_is_its_sibling_not_its_part():
    got = figures(SIBLINGS)
    assert {("cp.child_allowance_funds", v, 2024) for v in (1602000.0, 4203000.0)} <= got


def test_siblings_under_a_total_of_their_own_id_stay_parts():
    got = figures(SIBLINGS)
    assert ("sa.dibao_funds", 41205000.0, 2024) in got
    assert not any(value in (12001000.0, 29204000.0) for _, value, _ in got)
