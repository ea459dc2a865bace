"""Statistics tables saved as text: rows read as phrases, groups, parts and last year's column."""

from __future__ import annotations

from minzheng.extract.figures import extract_text, indicator_frame
from minzheng.extract.grids import category_values
from minzheng.read.report import report_from_text


def figures(text: str) -> set[tuple[str, float, object]]:
    """The (indicator, value, period) triples of a county text of 2024."""
    rows = extract_text(text, region="某县", year=2024)
    return {
        (r.indicator, r.value, None if r.period is None or r.period != r.period else int(r.period))
        for r in rows.itertuples()
    }


TABLE_BY_LINE = """指标名称 | 单位 | 数量 |
一、社会救助 | ||
城市最低生活保障 | ||
最低生活保障人数 | 万人 | 1.2 |
农村最低生活保障 | ||
最低生活保障人数 | 人 | 35,600 |
农村特困人员救助供养人数 | 人 | 4100 |
孤儿 | 人 | 300 |
集中养育孤儿 | 人 | 120 |
社会散居孤儿 | 人 | 180 |
养老机构床位 | 张 | 5600 |
精神疾病服务机构床位 | 张 | 400 |
"""


def test_a_table_row_is_read_with_its_group_and_unit():
    got = figures(TABLE_BY_LINE)
    assert ("sa.dibao_recipients_urban", 12000.0, 2024) in got
    assert ("sa.dibao_recipients_rural", 35600.0, 2024) in got
    assert ("ec.beds", 5600.0, 2024) in got


def test_a_row_naming_another_programme_leaves_the_group():
    got = figures(TABLE_BY_LINE)
    assert ("sa.tekun_recipients", 4100.0, 2024) in got
    assert not any(indicator == "sa.dibao_recipients_rural" and value == 4100.0 for indicator, value, _ in got)


def test_rows_that_narrow_the_row_above_are_its_parts():
    got = figures(TABLE_BY_LINE)
    assert {value for indicator, value, _ in got if indicator == "cp.orphans"} == {300.0}


def test_beds_of_other_institutions_are_not_elderly_care_beds():
    assert not any(value == 400.0 for _, value, _ in figures(TABLE_BY_LINE))


TABLE_BY_CELL = "\n".join(
    f"{cell} |"
    for cell in [
        "指标名称",
        "单位",
        "数量",
        "上年数据",
        "甲",
        "乙",
        "1",
        "2",
        "社会救助",
        "万元",
        "8,100.5",
        "7,900.0",
        "其中：(1）最低生活保障",
        "万元",
        "5,000.0",
        "4,800.0",
        "A 城市低保累计支出",
        "万元",
        "1,200.0",
        "1,100.0",
    ]
)


def test_a_table_saved_a_cell_per_line_is_cut_into_rows_by_its_header():
    got = figures(TABLE_BY_CELL)
    assert ("sa.dibao_funds", 50000000.0, 2024) in got
    assert ("sa.dibao_funds", 48000000.0, 2023) in got


def test_a_lettered_sub_item_of_the_same_programme_is_a_part():
    got = figures(TABLE_BY_CELL)
    assert not any(value in (12000000.0, 11000000.0) for _, value, _ in got)


def test_a_disclosure_table_with_a_row_per_programme_gives_each_measure_its_columns_unit():
    text = (
        "| 类别 | 当月保障户数(户) | 当月保障人数(人) | 累计支出(万元) | 保障标准(元) |\n"
        "| 城市低保 | 2100 | 3300 | 950.5 |\n"
        "城区900元/月 |\n"
        "| 农村低保 | 15000 | 24000 | 6200.8 |\n"
        "全市650元/月 |\n"
    )
    report = report_from_text(text, region="某市", year=2024, level="prefecture-level city", meta={"province": "河北"})
    rows = {(r.indicator, r.value) for r in indicator_frame([report]).itertuples()}
    assert {
        ("sa.dibao_recipients_urban", 3300.0),
        ("sa.dibao_recipients_rural", 24000.0),
        ("sa.dibao_households", 2100.0),
        ("sa.dibao_households", 15000.0),
        ("sa.dibao_funds", 9_505_000.0),
        ("sa.dibao_funds", 62_008_000.0),
        ("sa.dibao_standard_rural", 650.0),
    } <= rows


def test_a_table_with_a_unit_column_is_not_read_again_as_a_table_of_programmes_by_measures():
    text = "| 项目 | 单位 | 数量 |\n| 城市低保人数 | 人 | 5000 |\n"
    report = report_from_text(text, region="某县", year=2024, level="county", meta={"province": "河北"})
    assert category_values(report.sentences) == []
    assert [(r.indicator, r.value) for r in indicator_frame([report]).itertuples()] == [
        ("sa.dibao_recipients_urban", 5000.0)
    ]
