"""Posters and phone layouts: notices set out as short phrases or clauses, one to a line, read as the sentences they cut."""

from __future__ import annotations

from minzheng.extract.figures import indicator_frame
from minzheng.read.clean import clean_text
from minzheng.read.posters import poster_joins
from minzheng.read.report import report_from_text
from minzheng.read.wraps import clause_joins

POSTER = """某省民政厅消息

全省孤儿

基本生活保障标准

一类区

由1200元/人/月提高到1300元/人/月

二类区

由1100元/人/月提高到1180元/人/月

散居孤儿

一类区

由800元/人/月提高到860元/人/月

二类区

由700元/人/月提高到760元/人/月

2025年全省共保障孤儿3000名，资金来自省级财政。
"""


def test_a_posters_phrases_join_the_figure_line_after_them_and_a_zone_label_goes_on_its_list():
    text = clean_text(POSTER).text
    assert "全省孤儿基本生活保障标准一类区由1200元/人/月提高到1300元/人/月；二类区由1100元" in text
    assert "散居孤儿一类区由800元/人/月提高到860元/人/月；二类区由700元" in text
    assert "\n2025年全省共保障孤儿3000名" in text  # a sentence after the poster stays its own line


def test_the_zones_of_a_poster_give_a_row_each_under_the_group_they_follow():
    report = report_from_text(POSTER, region="某省", year=2025, level="province")
    got = {(r.indicator, r.value) for r in indicator_frame([report]).itertuples()}
    dispersed = {("cp.orphan_standard_dispersed", v) for v in (800.0, 860.0, 700.0, 760.0)}
    assert dispersed <= got
    assert ("cp.orphans", 3000.0) in got


def test_lines_that_are_not_a_poster_keep_their_breaks():
    # A title over a numbered item, and one label over one figure, are no poster.
    assert poster_joins("某市2024年度社会救助标准\n一、城乡低保标准\n（一）城市低保标准为780元/月。\n") == {}
    assert poster_joins("城市低保人数\n75616人\n") == {}


def test_a_figure_line_followed_by_a_long_run_of_phrases_ends_its_sentence():
    text = "走访慰问困难群众\n共走访慰问\n6.86万户\n发放去年12月份低保金\n和特困供养金\n共计8614.2万元\n"
    joins = poster_joins(text)
    after_first_figure = text.index("6.86万户") + len("6.86万户")
    assert after_first_figure not in joins
    assert sorted(joins.values()) == ["", "", "", ""]


def test_lines_that_each_close_their_sentence_stay_apart():
    assert clause_joins("全县低保对象1200人。\n\n全县特困人员300人。\n") == set()
    assert clause_joins("标准提高，\n\n从760元\n\n提高到820元。\n\n下一条\n") == {5, 12}
