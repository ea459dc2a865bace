"""The corpus reader on the real seeds: decoding, cleaning, script conversion, offsets, segmentation."""

from __future__ import annotations

import re

import pytest

from minzheng.read.chinese_script import convert_to_simplified, detect_script, traditional_share
from minzheng.read.clean import clean_text

SEED_REGIONS = ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]
RESIDUE_WORDS = ["ICP", "版权", "责任编辑", "登录", "扫一扫", "字号", "首页 >", "您可能感兴趣", "关于我们", "公网安备"]


def test_every_seed_report_loads_in_manifest_order(seed_corpus):
    assert seed_corpus.regions == SEED_REGIONS
    assert seed_corpus.problems == []


def test_juxian_clean_text_has_no_traditional_character(seed_corpus):
    text = seed_corpus["莒县"].text
    assert seed_corpus["莒县"].cleaned.converted
    assert traditional_share(text) == 0.0
    assert "县民政局" in text and "縣" not in text


def test_juxian_clean_text_has_no_html_and_no_corrupted_span(seed_corpus):
    text = seed_corpus["莒县"].text
    assert "<" not in text and "span" not in text and "/span>" not in text
    assert "?" not in text and "χ" not in text
    assert not re.search(r"[\ue000-\uf8ff]", text)
    kinds = {r.kind for r in seed_corpus["莒县"].cleaned.removals}
    assert {"corrupted", "html"} <= kinds
    assert any("corrupted" in p for p in seed_corpus["莒县"].problems)


@pytest.mark.parametrize("region", ["徐州市", "长沙县", "兰陵县"])
def test_web_page_residue_is_gone_from_clean_text(seed_corpus, region):
    text = seed_corpus[region].text
    for word in RESIDUE_WORDS:
        assert word not in text, word


@pytest.mark.parametrize("region", SEED_REGIONS)
def test_every_removed_span_is_logged_with_its_place_in_the_original(seed_corpus, region):
    report = seed_corpus[region]
    cleaned = report.cleaned
    kept = sorted(set(cleaned.starts))
    removed = set()
    for removal in cleaned.removals:
        assert removal.reason
        assert 0 <= removal.start <= removal.end <= len(report.original)
        removed.update(range(removal.start, removal.end))
    unaccounted = [
        i
        for i in range(len(report.original))
        if i not in removed and i not in set(kept) and not report.original[i].isspace()
    ]
    assert unaccounted == []


@pytest.mark.parametrize("region", SEED_REGIONS)
def test_offset_map_points_every_clean_character_back_to_its_source(seed_corpus, region):
    report = seed_corpus[region]
    cleaned = report.cleaned
    assert len(cleaned.starts) == len(cleaned.text) == len(cleaned.ends)
    for index in range(0, len(cleaned.text), 7):
        original = report.original[cleaned.starts[index] : cleaned.ends[index]]
        char = cleaned.text[index]
        if char.isspace():
            continue
        assert original, index
        assert convert_to_simplified(original)[:1] in (char, original[:1]) or original in "，,；;：:（(）)！!？?"


def test_figures_point_to_their_exact_place_in_the_original_file(seed_corpus):
    rows = seed_corpus.indicators()
    for row in rows.dropna(subset=["value"]).itertuples():
        report = seed_corpus[row.region]
        source = report.original[row.source_start : row.source_end]
        assert convert_to_simplified(source).replace(",", "，") == row.raw, (source, row.raw)


def test_detect_script_tells_traditional_from_simplified():
    assert detect_script("莒縣民政局按照全省民政系統模范機關建設") == "traditional"
    assert detect_script("莒县民政局按照全省民政系统模范机关建设") == "simplified"


@pytest.mark.parametrize(
    "traditional, simplified", [("著力加強", "着力加强"), ("隨著發展", "随着发展"), ("顯著成效", "显著成效")]
)
def test_conversion_fixes_opencc_misses_and_keeps_correct_uses(traditional, simplified):
    assert convert_to_simplified(traditional) == simplified


def test_conversion_keeps_length_so_offsets_survive():
    text = "創建模范機關 鍛造民政鐵軍\n著力加強過硬支部建設"
    assert len(convert_to_simplified(text)) == len(text)


def test_half_width_punctuation_inside_chinese_becomes_full_width_but_numbers_keep_theirs():
    cleaned = clean_text("纳入低保1,234人,发放资金;时间11:31(上午)")
    assert cleaned.text == "纳入低保1,234人，发放资金；时间11:31（上午）"


def test_a_space_inside_a_decimal_number_is_removed_and_logged_but_a_numbered_year_keeps_its_space():
    cleaned = clean_text("募集善款383. 75万元，利息收入576 .88万元。\n1. 2020年全县工作")
    assert cleaned.text == "募集善款383.75万元，利息收入576.88万元。\n1. 2020年全县工作"
    assert sum("decimal number" in r.reason for r in cleaned.removals) == 2


def test_a_space_between_a_sum_and_its_words_is_removed_but_one_between_a_label_and_its_columns_stays():
    cleaned = clean_text(
        "全镇五保标准每人每月提高 25元，由 640元 /人·月调整为 665元 /人·月。\n敬老院 36 41\n床位 1200 1350"
    )
    assert (
        cleaned.text == "全镇五保标准每人每月提高25元，由640元/人·月调整为665元/人·月。\n敬老院 36 41\n床位 1200 1350"
    )
    assert sum("between a sum and its words" in r.reason for r in cleaned.removals) == 5


def test_generic_page_residue_is_removed_by_rule_not_by_seed():
    page = (
        "当前位置：首页 > 政务公开 > 工作动态\n"
        "县民政局召开年度工作会议\n"
        "发布时间：2024-01-05 来源：某县民政局\n"
        "【字号：大 中 小】\n"
        "字号：\n"
        "会议指出，全县纳入城乡低保1200人。\n"
        "分享到：\n"
        "责任编辑：王某\n"
        "相关新闻\n"
        "某县开展冬季救助\n"
        "版权所有：某县人民政府 鲁ICP备12345678号\n"
    )
    cleaned = clean_text(page)
    assert cleaned.text.splitlines() == ["县民政局召开年度工作会议", "会议指出，全县纳入城乡低保1200人。"]
    assert "ICP" not in cleaned.text and "责任编辑" not in cleaned.text and "分享到" not in cleaned.text
    assert "某县开展冬季救助" not in cleaned.text
    kinds = {r.kind for r in cleaned.removals}
    assert {"breadcrumb", "byline", "share_prompt", "editor", "related_news", "footer"} <= kinds


def test_html_tags_and_entities_are_removed_and_logged():
    cleaned = clean_text("<p>全县建成养老机构&nbsp;10处&amp;床位</p><br/>")
    assert cleaned.text == "全县建成养老机构 10处&床位"
    assert [r.kind for r in cleaned.removals].count("html") >= 3


def test_sentences_end_at_chinese_and_half_width_punctuation(seed_corpus):
    report = seed_corpus["兰陵县"]
    for sentence in report.sentences:
        assert report.text[sentence.start : sentence.end] == sentence.text
    cleaned = clean_text("第一句话。第二句话!第三句话;第四句")
    from minzheng.read.sentences import segment

    sentences, _ = segment(cleaned.text)
    assert [s.text for s in sentences] == ["第一句话。", "第二句话！", "第三句话；", "第四句"]


def test_headings_are_found_with_their_levels(seed_corpus):
    headings = [(h.level, h.text) for h in seed_corpus["兰陵县"].headings]
    assert (1, "一、2021年工作开展情况") in headings
    assert (2, "（一）聚焦“弱有所扶”，基本民生保障坚实有力") in headings
    assert (1, "三、2022年工作打算") in headings


def test_corpus_table_describes_each_report(seed_corpus):
    table = seed_corpus.table()
    assert list(table["region"]) == SEED_REGIONS
    row = table.set_index("region").loc["莒县"]
    assert row["converted"] and row["script"] == "traditional" and row["chars_clean"] < row["chars_raw"]
    assert "corrupted:" in row["removals"]
    assert table.set_index("region").loc["徐州市", "published"] == "2023-07-21"


def test_cleaning_log_lists_every_removal_by_report(seed_corpus):
    log = seed_corpus.cleaning_log()
    assert set(log["kind"]) >= {"html", "corrupted", "copyright", "licence_number", "editor", "breadcrumb"}
    assert (log.groupby("region").size() > 0).all()


def test_a_pinyin_reading_after_a_character_is_removed_and_logged():
    from minzheng.read.clean import clean_text

    cleaned = clean_text("全县发(fā)放养（yǎng）老补贴12萬(wàn)元，GDP(gdp)不动。")
    assert "发放养老补贴" in cleaned.text and "(fā)" not in cleaned.text and "GDP(gdp" in cleaned.text
    assert sum(1 for removal in cleaned.removals if removal.kind == "pinyin") == 3


def test_line_breaks_of_a_hard_wrapped_text_are_joined_and_logged():
    from minzheng.read.clean import clean_text

    body = "全年城市低保累计保障3.5万人次发放保障金一千八百万元农村低保累计保障一万人次发放保障金一千万元特困人员累计保障六千人次发放供养金三百万元孤儿四十八名发放基本生活费12"
    lines = [body[i : i + 20] for i in range(0, len(body), 20)]
    text = "\n".join(lines[:-1] + [lines[-1] + "万元。"]) + "\n二、养老服务\n全县养老机构12家。"
    cleaned = clean_text(text)
    assert body + "万元。" in cleaned.text
    assert "\n二、养老服务\n" in cleaned.text
    assert sum(1 for removal in cleaned.removals if removal.kind == "wrap") == len(lines) - 1


def test_a_wrapped_line_ending_in_a_quoted_name_is_joined_and_one_ending_a_quoted_sentence_is_not():
    from minzheng.read.wraps import wrap_joins

    lines = [
        "全市民政系统深入开展模范机关建设，构建以市局“四心同聚·济民善政”",
        "党建品牌为引领的品牌矩阵，覆盖局属各单位和各县市区民政部门，做到一",
        "支部一品牌。会议强调：“要把民政工作做实做细，切实兜牢民生底线。”",
        "全县纳入城乡低保对象一万二千人，发放低保资金八千万元，保障水平稳步",
        "提高。",
    ]
    text = "\n".join(lines)
    breaks = [k for k, char in enumerate(text) if char == "\n"]
    assert wrap_joins(text) == {breaks[0], breaks[1], breaks[3]}


def test_a_line_opening_a_new_item_is_not_joined_to_the_wide_line_before_it():
    from minzheng.read.wraps import wrap_joins

    lines = [
        "甲一区、甲二区、甲三区：年人均由10800元（月人均900元）提高到11160元",
        "乙一县、乙二县、乙三县：年人均由8160元（月人均680元）提高到8400元。",
        "全县纳入城乡低保对象一万二千人，发放低保资金八千万元，保障水平稳步",
        "（二）特困人员救助供养标准同步提高，集中供养和分散供养标准均有提高",
        "3.孤儿基本生活费标准提高到每人每月一千六百元，按月足额发放到位了。",
    ]
    assert wrap_joins("\n".join(lines)) == set()


def test_a_text_with_lines_of_many_widths_is_not_unwrapped():
    from minzheng.read.clean import clean_text

    text = "一、社会救助\n全县低保对象1200人，发放低保金500万元\n二、养老服务\n全县养老机构12家"
    assert clean_text(text).text == text


def test_pinyin_readings_without_tone_marks_are_removed_where_a_text_has_several():
    from minzheng.read.clean import clean_text

    text = "标准提（ti)(ti）高（gao）至（zhi)1865元，孤（gu）儿（er）。"
    assert clean_text(text).text == "标准提高至1865元，孤儿。"
    assert clean_text("城市低保（a）标准提高").text == "城市低保（a）标准提高"
