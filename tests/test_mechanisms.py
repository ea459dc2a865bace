"""The mechanisms catalogue and the search that finds which reports name which mechanism, with evidence."""

from __future__ import annotations

import re

import pytest

from minzheng.compare import mechanisms
from minzheng.extract import mentions
from minzheng.present import mechanism_prose
from minzheng.read.report import report_from_text

REQUIRED = {
    "sa.one_window": "一窗受理",
    "sa.credit_based": "诚信救助",
    "sa.rapid_24h": "24小时",
    "sa.tekun_insurance": "医护险",
    "sa.dynamic_monitoring": "动态监测",
    "sa.dibao_expansion": "扩围",
}


def report(text: str, region: str = "测试县", year: int = 2023):
    return report_from_text(text, region=region, year=year, level="county")


@pytest.fixture(scope="module")
def social(seed_corpus):
    return mentions.find_mentions(seed_corpus, theme="social_assistance")


def test_catalogue_rows_have_a_theme_category_gloss_and_valid_patterns():
    frame = mentions.catalogue()
    assert list(frame.columns) == mentions.CATALOGUE_COLUMNS
    assert not frame["id"].duplicated().any()
    assert (frame["label_en"].str.len() > 10).all() and (frame["label_zh"] != "").all()
    assert set(frame["theme"]) == {"social_assistance", "elderly_care", "child_protection"}
    for row in frame.itertuples():
        re.compile(row.patterns)


@pytest.mark.parametrize("mechanism, phrase", sorted(REQUIRED.items()))
def test_catalogue_holds_the_core_social_assistance_mechanisms(mechanism, phrase):
    frame = mentions.catalogue("social_assistance").set_index("id")
    assert re.search(frame.loc[mechanism, "patterns"], phrase)


def test_mentions_carry_the_report_sentence_as_evidence(seed_corpus, social):
    assert set(mentions.MENTION_COLUMNS) == set(social.columns)
    texts = {(r.region, s.text) for r in seed_corpus for s in r.sentences}
    for row in social.itertuples():
        assert (row.region, row.evidence) in texts
        assert row.matched.split("、")[0] in row.evidence
        assert seed_corpus[row.region].text[row.start : row.end] == row.matched.split("、")[0]


def test_seed_reports_name_the_mechanisms_their_text_describes(social):
    named = set(zip(social["region"], social["mechanism"]))
    assert {
        ("济宁市", "sa.one_window"),
        ("兰陵县", "sa.one_window"),
        ("济宁市", "sa.rapid_24h"),
        ("徐州市", "sa.credit_based"),
        ("莒县", "sa.tekun_insurance"),
        ("莒县", "sa.dynamic_monitoring"),
    } <= named


def test_a_plan_is_marked_planned_and_the_matrix_says_so(seed_corpus, social):
    changsha = social[(social["region"] == "长沙县") & (social["mechanism"] == "sa.dynamic_monitoring")]
    assert len(changsha) and (changsha["modality"] == "target").all()
    matrix = mechanisms.matrix(social, seed_corpus.regions, mentions.catalogue("social_assistance")).set_index(
        "mechanism"
    )
    row = next(label for label in matrix.index if label.startswith("低收入人口动态监测"))
    assert (
        matrix.loc[row, "长沙县"] == "planned"
        and matrix.loc[row, "莒县"] == "named"
        and matrix.loc[row, "济宁市"] == ""
    )


def test_exclude_drops_one_window_halls_of_community_services():
    found = mentions.find_mentions(
        [report("全县21个城市社区均已实现“一窗受理、全科服务”。")], theme="social_assistance"
    )
    assert "sa.one_window" not in set(found["mechanism"])
    found = mentions.find_mentions([report("全面建立社会救助“一窗受理、协同办理”机制。")], theme="social_assistance")
    assert "sa.one_window" in set(found["mechanism"])


def test_requires_keeps_insurance_only_in_sentences_about_tekun_people():
    found = mentions.find_mentions([report("为企业职工办理保险业务。")], theme="social_assistance")
    assert "sa.tekun_insurance" not in set(found["mechanism"])
    found = mentions.find_mentions([report("为分散供养特困人员购买“医护险”。")], theme="social_assistance")
    assert found.loc[found["mechanism"] == "sa.tekun_insurance", "matched"].item() == "医护险"


def test_claim_status_tells_awarded_sought_and_planned_statuses_apart():
    assert mentions.claim_status("泗水县获评全国首批未成年人保护示范县", "achieved") == "awarded"
    assert mentions.claim_status("兰陵县积极争创全国未成年人保护示范县", "achieved") == "sought"
    assert mentions.claim_status("全力争创全省未成年人保护试点县", "target") == "planned"
    assert mentions.claim_status("未成年人保护工作扎实推进", "achieved") == "mentioned"


def test_child_protection_statuses_in_the_seeds_are_awarded_in_jining_and_sought_in_lanling(seed_corpus):
    statuses = mentions.of_category(mentions.find_mentions(seed_corpus, theme="child_protection"), "demonstration")
    by_region = statuses.groupby("region")["status"].agg(set)
    assert "awarded" in by_region["济宁市"] and "sought" in by_region["兰陵县"] and "awarded" not in by_region["兰陵县"]
    text = mechanism_prose.status_sentence(statuses, seed_corpus.regions)
    assert text.startswith("2 of 5 reports name a demonstration or pilot status")


def test_summary_counts_regions_naming_or_planning_each_mechanism(seed_corpus, social):
    catalogue = mentions.catalogue("social_assistance")
    summary = mechanisms.summary(social, seed_corpus.regions, catalogue).set_index("mechanism")
    assert (
        summary.loc["sa.dynamic_monitoring", "regions_named"] == 3
        and summary.loc["sa.dynamic_monitoring", "planned_by"] == "长沙县"
    )
    assert summary.loc["sa.rapid_24h", "named_by"] == "济宁市"
    sentence = mechanism_prose.summary_sentence(summary.reset_index(), seed_corpus.regions)
    assert "The most widely named, by 3 of 5" in sentence and "低收入人口动态监测" in sentence


def test_summary_sentence_of_a_selection_without_mentions_says_none_is_named():
    catalogue = mentions.catalogue("social_assistance")
    found = mentions.find_mentions([report("今年天气晴好。")], theme="social_assistance")
    sentence = mechanism_prose.summary_sentence(mechanisms.summary(found, ["测试县"], catalogue), ["测试县"])
    assert sentence.startswith("None of the 1 reports names any of the 15 mechanisms")


def test_first_evidence_keeps_one_sentence_per_region_and_mechanism(social):
    first = mechanisms.first_evidence(social)
    assert not first.duplicated(["region", "mechanism"]).any()
    assert len(first) == social[["region", "mechanism"]].drop_duplicates().shape[0]


def test_quoted_names_are_taken_from_clauses_about_children(seed_corpus):
    names = mentions.quoted_names(seed_corpus, mentions.CHILD_CONTEXT, mentions.NOT_A_PROGRAMME)
    assert {"情暖兰陵 爱心救助", "情暖童心 相伴成长", "微爱童行 女童保护", "护童成长"} <= set(names["name"])
    assert not {"一老一小", "莒力助", "十连增", "大走访、大调研、大解决、大落实"} & set(names["name"])


def test_a_catalogue_with_a_bad_pattern_or_duplicate_id_is_refused(tmp_path):
    header = ",".join(mentions.CATALOGUE_COLUMNS) + "\n"
    bad = tmp_path / "bad.csv"
    bad.write_text(header + "x,social_assistance,mechanism,甲,gloss,(unclosed,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad patterns pattern"):
        mentions.load_catalogue(bad)
    bad.write_text(header + "x,t,c,甲,gloss,a,,,\nx,t,c,乙,gloss,b,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate id"):
        mentions.load_catalogue(bad)
    bad.write_text(header + "x,t,c,甲,,a,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without patterns or English gloss"):
        mentions.load_catalogue(bad)


def test_a_custom_catalogue_frame_can_be_searched(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        ",".join(mentions.CATALOGUE_COLUMNS) + "\nx.test,custom,mechanism,试验,a test mechanism,试验机制,,,\n",
        encoding="utf-8",
    )
    found = mentions.find_mentions([report("建立试验机制。")], frame=mentions.load_catalogue(path))
    assert found["mechanism"].tolist() == ["x.test"] and found["label_en"].item() == "a test mechanism"
