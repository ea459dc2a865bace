"""Synthesis across reports: coverage per theme, emphasis profiles, evidence quotes, findings and caveats."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from minzheng import writers
from minzheng.codebook import THEMES, load_codebook
from minzheng.compare import emphasis, evidence, party, theme_coverage
from minzheng.present import caveats, findings, markdown
from minzheng.words import shares, similarity, vocabulary

SEED_REGIONS = ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]
JINING_MODELS = ["党建+救助", "党建+养老", "党建+慈善", "党建+社区治理"]


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    table, indicators, codebook = seed_corpus.table(), seed_corpus.indicators(), load_codebook()
    return seed_corpus, table, indicators, codebook


@pytest.fixture(scope="module")
def coverage(seeds):
    _, table, indicators, codebook = seeds
    return theme_coverage.coverage_by_theme(indicators, codebook, table)


# --- quotes --------------------------------------------------------------------------------------


def test_a_short_evidence_sentence_is_quoted_whole():
    assert evidence.quote("全县养老床位达到1740张。", "1740张") == "全县养老床位达到1740张。"


def test_a_long_evidence_sentence_is_cut_around_the_figure_with_ellipses():
    sentence = "甲" * 100 + "养老床位1740张" + "乙" * 100
    quoted = evidence.quote(sentence, "1740张", width=10)
    assert quoted == "…" + "甲" * 6 + "养老床位1740张" + "乙" * 10 + "…"


def test_every_seed_quote_holds_the_figure_it_backs(seeds):
    _, _, indicators, _ = seeds
    quotes = evidence.evidence_quotes(indicators)
    assert len(quotes) == len(indicators)
    for row in quotes.itertuples():
        unquoted = re.sub('[“”『』「」‘’"]', "", row.quote)
        assert row.raw in unquoted, (row.region, row.indicator, row.raw)
        assert row.quote.strip("…") in row.evidence


def test_evidence_rows_point_into_the_clean_text(seeds):
    corpus, _, indicators, _ = seeds
    for row in evidence.evidence_quotes(indicators, party.PARTY_TEXT_IDS).itertuples():
        text = corpus[row.region].text
        assert text[int(row.evidence_start) : int(row.evidence_end)] == row.evidence


def test_per_region_keeps_the_first_distinct_sentences(seeds):
    _, _, indicators, _ = seeds
    quotes = evidence.evidence_quotes(indicators, ["pb.plus_model"], per_region=1)
    assert list(quotes["region"]) == ["莒县", "济宁市"]
    assert list(quotes["raw"]) == ["党建+公益", "党建+救助"]


def test_quote_lines_escape_report_text():
    evidence = pd.DataFrame(
        [
            {
                "region": "甲县",
                "level": "county",
                "year": 2023,
                "modality": "achieved",
                "label_zh": "党建品牌",
                "quote": "<script>alert(1)</script> *粗体* [链接](x)",
            }
        ]
    )
    text = markdown.quote_lines(evidence)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*粗体\\*" in text and "\\[链接\\]" in text


# --- party building ------------------------------------------------------------------------------


def test_party_names_give_jinings_brand_and_its_four_plus_models(seeds):
    _, _, indicators, _ = seeds
    names = party.party_names(indicators)
    jining = names[names["region"] == "济宁市"]
    assert "四心同聚·济民善政" in set(jining.loc[jining["indicator"] == "pb.brand", "name"])
    assert list(jining.loc[jining["indicator"] == "pb.plus_model", "name"]) == JINING_MODELS
    juxian = names[(names["region"] == "莒县") & (names["indicator"] == "pb.plus_model")]
    assert list(juxian["name"]) == ["党建+公益", "党建+救助"]


def test_party_names_by_region_lists_every_report_including_those_naming_none(seeds):
    _, table, indicators, _ = seeds
    by_region = party.party_names_by_region(party.party_names(indicators), table)
    assert list(by_region["region"]) == SEED_REGIONS
    changsha = by_region.set_index("region").loc["长沙县"]
    assert changsha["brands"] == "—" and changsha["n_models"] == 0
    facts = party.party_names_facts(by_region)
    assert facts["named"] == 4 and facts["silent"] == "长沙县" and facts["models"] == 6


def test_study_sessions_compare_only_within_a_level(seeds):
    _, table, indicators, _ = seeds
    assert party.comparable_regions(indicators, "pb.study_sessions", table) == ["莒县", "兰陵县"]
    single = party.figure_statements(indicators, "pb.charter_rate", table)
    assert (
        single["regions"] == ["济宁市"]
        and single["comparable"] == []
        and single["reason"] == "only one report states it"
    )


def test_chart_rows_carry_the_year_in_the_region_label(seeds):
    _, _, indicators, _ = seeds
    rows = party.chart_rows(indicators, "pb.study_sessions", ["莒县", "兰陵县"])
    assert set(rows["region"]) == {"莒县 2023", "兰陵县 2021"}


# --- coverage ------------------------------------------------------------------------------------


def test_coverage_has_a_row_per_report_and_theme_and_partitions_the_codebook(coverage, seeds):
    _, _, _, codebook = seeds
    assert len(coverage) == len(SEED_REGIONS) * len(THEMES)
    for row in coverage.itertuples():
        ids = set(codebook.loc[codebook["theme"] == row.theme, "id"])
        stated, left = set(row.stated_ids.split()), set(row.left_out_ids.split())
        assert stated | left == ids and not stated & left
        assert row.stated + len(left) == row.indicators == len(ids)
        assert row.achieved + row.target_only == row.stated


def test_coverage_marks_what_a_report_states_only_as_targets(coverage):
    changsha = coverage[coverage["region"] == "长沙县"].set_index("theme")
    assert changsha.loc["elderly_care", "target_only"] == 2
    assert "适老化改造（target）" in changsha.loc["elderly_care", "reports"]
    assert changsha.loc["party_building", "stated"] == 0 and changsha.loc["party_building", "reports"] == "—"


def test_theme_matrix_counts_stated_indicators_per_theme_and_region(coverage):
    matrix = theme_coverage.theme_matrix(coverage)
    assert list(matrix.columns) == SEED_REGIONS
    assert len(matrix) == len(THEMES)
    assert (
        matrix.iloc[0]["兰陵县"]
        == coverage.set_index(["region", "theme"]).loc[("兰陵县", "social_assistance"), "stated"]
    )


def test_theme_facts_name_blank_themes(coverage):
    facts = theme_coverage.theme_facts(coverage)
    assert "长沙县 states nothing on party building" in facts["blanks"]
    assert facts["themes"] == len(THEMES)


# --- emphasis ------------------------------------------------------------------------------------


def test_emphasis_profiles_sum_to_one_per_report(seeds, coverage):
    corpus, _, _, _ = seeds
    profiles = emphasis.emphasis_profiles(shares.theme_shares(corpus), coverage)
    assert len(profiles) == len(SEED_REGIONS) * len(THEMES)
    for _, group in profiles.groupby("region"):
        assert math.isclose(group["vocabulary_profile"].sum(), 1.0, abs_tol=0.003)
        assert math.isclose(group["figures_profile"].sum(), 1.0, abs_tol=0.003)
    leading = emphasis.leading_themes(profiles)
    assert list(leading["region"]) == SEED_REGIONS
    assert set(leading["theme_by_vocabulary"]) <= set(THEMES)


# --- findings and caveats ------------------------------------------------------------------------


def test_every_finding_has_evidence_quotes_on_the_seeds(seeds):
    corpus, table, indicators, codebook = seeds
    items = findings.findings(
        indicators,
        codebook,
        table,
        shares.party_vs_service(corpus),
        corpus,
        vocabulary.vocabulary_lists()["party_building"],
    )
    assert [f.key for f in items] == [
        "shared_figures",
        "party_names",
        "per_person_standards",
        "targets",
        "party_vocabulary",
    ]
    for item in items:
        assert not item.evidence.empty, item.key
        assert (item.evidence["quote"].str.len() > 0).all(), item.key
    frame = findings.findings_frame(items)
    assert len(frame) == sum(len(f.evidence) for f in items)
    assert set(frame["finding"]) == set(range(1, len(items) + 1))


def test_findings_sentences_are_built_from_the_data(seeds):
    corpus, table, indicators, codebook = seeds
    names = findings.party_names_finding(indicators, table)
    assert "4 of 5 reports name" in names.plain() and "长沙县 states neither" in names.plain()
    targets = findings.targets_finding(indicators, table)
    assert set(targets.evidence["modality"]) == {"target"} and set(targets.evidence["region"]) == {"长沙县"}
    standards = findings.standards_finding(indicators, table)
    assert set(standards.evidence["region"]) == {"济宁市"} and "1 of 5 reports" in standards.plain()


def test_a_finding_without_evidence_is_left_out(seed_corpus):
    from minzheng.corpus import load_corpus

    corpus = load_corpus(seed_corpus.folder, regions="莒县,济宁市")
    table, indicators = corpus.table(), corpus.indicators()
    assert findings.targets_finding(indicators, table).evidence.empty
    keys = [f.key for f in findings.findings(indicators, load_codebook(), table)]
    assert "targets" not in keys and "party_names" in keys


def test_findings_follow_a_region_filter(seed_corpus):
    from minzheng.corpus import load_corpus

    corpus = load_corpus(seed_corpus.folder, regions="莒县,长沙县")
    table, indicators = corpus.table(), corpus.indicators()
    names = findings.party_names_finding(indicators, table)
    assert "1 of 2 reports name" in names.plain()
    assert set(names.evidence["region"]) == {"莒县"}


def test_finding_markdown_escapes_values_but_keeps_the_template():
    item = findings.Finding("x", "**Lead.** {region} says {text}.", {"region": "甲县", "text": "<b>粗</b> **x**"})
    assert item.text().startswith("**Lead.** 甲县 says &lt;b&gt;")
    assert "\\*\\*x\\*\\*" in item.text()
    assert item.plain() == "Lead. 甲县 says <b>粗</b> **x**."


def test_caveats_name_levels_years_genres_targets_and_the_converted_report(seeds):
    _, table, indicators, _ = seeds
    text = "\n".join(caveats.caveat_lines(table, indicators))
    for region in SEED_REGIONS:
        assert region in text
    assert "2021–2024" in text
    assert "莒县 \\(converted from traditional script; 2 corrupted span" in text
    assert "长沙县: 7" in text


def test_similarity_facts_name_the_most_and_least_similar_pairs(seeds):
    corpus, table, _, _ = seeds
    pairs = similarity.similarity_pairs(similarity.similarity(corpus), table)
    facts = emphasis.similarity_facts(pairs)
    assert facts["pairs"] == 10
    assert facts["top"] == f"{pairs.iloc[0]['region_a']} and {pairs.iloc[0]['region_b']}"
    assert emphasis.similarity_facts(pairs.iloc[0:0])["top"] == "none"


def test_saved_tables_are_byte_identical_across_writes(tmp_path, coverage):
    first = writers.save_tables(tmp_path / "a", {"coverage": coverage})[0].read_bytes()
    second = writers.save_tables(tmp_path / "b", {"coverage": coverage})[0].read_bytes()
    assert first == second and b"\r\n" not in first
    assert pd.read_csv(tmp_path / "a" / "coverage.csv")["region"].tolist()[:: len(THEMES)] == SEED_REGIONS
