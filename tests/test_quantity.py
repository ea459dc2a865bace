"""The quantity parser: numbers, multipliers, units, qualifiers, ranges, and what is not a quantity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.extract.numbers import find_quantities
from minzheng.extract.numerals import chinese_to_number


def only(sentence: str):
    """The single quantity of a sentence."""
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("全区共有养老床位3,250张", 3250, "张"),
        ("发放资金１２３４．５元", 1234.5, "元"),
        ("投入资金2.75亿元", 275_000_000, "元"),
        ("惠及群众1.8万人", 18_000, "人"),
        ("服务老人5.6万人次", 56_000, "人次"),
        ("新建床位一千二百张", 1200, "张"),
        ("新建两处", 2, "处"),
        ("建成三十个", 30, "个"),
        ("配备督导员12名", 12, "人"),
        ("共有15户", 15, "户"),
        ("开展活动8场", 8, "次"),
        ("组织培训6期", 6, "次"),
        ("实施项目9项", 9, "项"),
        ("建成服务站7家", 7, "家"),
        ("覆盖率达到96.5%", 96.5, "%"),
        ("保障困难群众12万余人", 120_000, "人"),
    ],
)
def test_numbers_multipliers_and_units_are_read_in_base_units(sentence, value, unit):
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("农村低保标准为每人每月650元", "元/人/月"),
        ("月人均补助520元", "元/人/月"),
        ("补贴标准提高到每人每年7800元", "元/人/年"),
        ("年人均救助3600元", "元/人/年"),
        ("基本生活费1300元/人/月", "元/人/月"),
    ],
)
def test_per_person_standards_keep_their_period(sentence, unit):
    assert only(sentence).standard_unit == unit


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("救助困难群众3000余人", "more_than"),
        ("走访老人800多户", "more_than"),
        ("新增床位近500张", "approx"),
        ("受益约2万人", "approx"),
        ("服务300人左右", "approx"),
        ("募集善款超过100万元", "more_than"),
        ("资助逾200人", "more_than"),
        ("培训1000人以上", "more_than"),
        ("开展培训不少于4次", "at_least"),
        ("覆盖率不低于90%", "at_least"),
        ("开支不超过50万元", "at_most"),
        ("建成养老院12处", "exact"),
        ("集中供养率达到60%", "exact"),
    ],
)
def test_qualifiers_are_read_from_the_words_around_the_number(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    "sentence, low, high", [("每村配备2至3名协理员", 2, 3), ("安排5-8个项目", 5, 8), ("选派三至五名社工", 3, 5)]
)
def test_a_range_is_one_quantity_with_its_lower_bound_at_least(sentence, low, high):
    quantity = only(sentence)
    assert (quantity.value, quantity.upper, quantity.qualifier) == (low, high, "at_least")


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年12月18日召开会议",
        "会议于上午9:30开始",
        "截至2022年底",
        "依据临政发〔2023〕12号文件",
        "拨打12349养老服务热线或96345求助热线",
        "位列全省第3名",
        "获评第一批示范县",
        "坚定拥护“两个确立”，坚决做到“两个维护”",
        "落实“三会一课”制度和“第一议题”制度",
        "聚焦“一老一小”",
        "构建“1+3+N”服务体系",
        "实现低保标准“十连增”",
        "推进“九联九促”，实施“1261”行动",
        "鲁ICP备12345678号",
        "开展“万人签名”活动",
        "一次告知、一窗受理",
        "落实残疾人两项补贴",
        "打造一支部一品牌",
    ],
)
def test_dates_years_documents_hotlines_ordinals_and_fixed_phrases_are_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_raw_keeps_the_figure_as_written_and_offsets_point_to_it():
    sentence = "全县新纳入低保1100余人，退出2699人"
    found = find_quantities(sentence)
    assert [q.raw for q in found] == ["1100余人", "2699人"]
    assert [sentence[q.start : q.end] for q in found] == ["1100余人", "2699人"]


@given(st.integers(min_value=1, max_value=99_999_999))
def test_any_arabic_count_round_trips(number):
    sentence = f"全县共有养老床位{number}张。"
    quantity = only(sentence)
    assert quantity.value == number and quantity.unit == "张" and quantity.raw == f"{number}张"


@given(st.integers(min_value=1, max_value=9_999_999), st.sampled_from(["", ","]))
def test_thousands_separators_do_not_change_the_value(number, separator):
    written = f"{number:,}".replace(",", separator)
    assert only(f"发放资金{written}元").value == number


@given(
    st.decimals(min_value="0.01", max_value="9999.99", places=2), st.sampled_from([("万", 10_000), ("亿", 100_000_000)])
)
def test_multipliers_scale_decimal_amounts(amount, multiplier):
    word, factor = multiplier
    quantity = only(f"累计发放资金{amount}{word}元")
    assert quantity.value == pytest.approx(float(amount) * factor)


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_read_like_arabic_ones(number):
    digits = "零一二三四五六七八九"
    units = ["", "十", "百", "千"]
    text = "".join(digits[int(d)] + units[len(str(number)) - 1 - i] for i, d in enumerate(str(number)) if d != "0")
    assert chinese_to_number(text) == number


@pytest.mark.parametrize(
    "text, number",
    [
        ("三十七点五", 37.5),
        ("九点八四", 9.84),
        ("八万五千零一十一", 85011),
        ("二十万零六百二十五", 200625),
        ("一千零五", 1005),
    ],
)
def test_chinese_numerals_read_decimals_after_dian_and_skip_the_zero_that_holds_a_place(text, number):
    assert chinese_to_number(text) == pytest.approx(number)


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("全省共发放低保金四点二七亿元。", 427_000_000, "元"),
        ("全市城市低保对象八万五千零一十一户。", 85_011, "户"),
        ("农村低保对象达七十七点六三万人。", 776_300, "人"),
    ],
)
def test_a_figure_written_wholly_in_chinese_numerals_is_one_quantity(sentence, value, unit):
    quantity = only(sentence)
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


@given(
    st.integers(min_value=1900, max_value=2099),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=28),
)
def test_no_date_is_ever_a_quantity(year, month, day):
    assert find_quantities(f"{year}年{month}月{day}日，{year}-{month:02d}-{day:02d}") == []
