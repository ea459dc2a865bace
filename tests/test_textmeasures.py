"""Text measures over jieba tokens: the theme vocabulary, shares, key terms and similarity."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from minzheng import paths
from minzheng.codebook import THEMES
from minzheng.read.report import report_from_text
from minzheng.words import key_terms, shares, similarity, token_cache, vocabulary
from minzheng.words.tokens import tokenize

SEED_REGIONS = ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]


@pytest.fixture(scope="module")
def seed_texts(seed_corpus):
    return shares.report_tokens(seed_corpus)


def small_report(text: str, region: str, level: str = "county", year: int = 2023, **meta: str):
    return report_from_text(text, Path(f"{region}.txt"), region=region, year=year, level=level, meta=meta)


def write_vocab(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "vocab.csv"
    pd.DataFrame(rows, columns=["theme", "term", "gloss"]).to_csv(path, index=False)
    return path


# --- the vocabulary file -------------------------------------------------------------------------


def test_vocabulary_has_a_list_for_every_codebook_theme_and_service_delivery():
    lists = vocabulary.vocabulary_lists()
    assert list(lists) == [*THEMES, vocabulary.SERVICE_DELIVERY]
    assert all(len(terms) >= 10 for terms in lists.values())
    vocab = vocabulary.load_vocabulary()
    assert list(vocab.columns) == ["theme", "term", "gloss"]
    assert (vocab["gloss"].str.len() > 0).all()


def test_every_vocabulary_term_is_one_jieba_token_with_the_library_dictionary():
    check = vocabulary.check_vocabulary()
    assert check[check["problem"] == "split"].empty, check.to_string()
    for term in vocabulary.load_vocabulary()["term"]:
        assert tokenize(term) == [term]


def test_codebook_themes_share_no_term_and_party_building_shares_none_with_service_delivery():
    vocab = vocabulary.load_vocabulary()
    themed = vocab[vocab["theme"].isin(THEMES)]
    assert not themed["term"].duplicated().any()
    lists = vocabulary.vocabulary_lists(vocab)
    assert not set(lists["party_building"]) & set(lists[vocabulary.SERVICE_DELIVERY])


def test_a_vocabulary_term_jieba_splits_is_reported_with_the_tokens_it_gives(tmp_path, seed_texts):
    vocab = vocabulary.load_vocabulary(
        write_vocab(
            tmp_path,
            [
                ("elderly_care", "日间照料", "day care"),
                ("elderly_care", "养老床位", "beds"),
                ("party_building", "党建", "party building"),
                ("party_building", "党纪", "party discipline"),
            ],
        )
    )
    check = vocabulary.check_vocabulary(vocab, seed_texts).set_index("term")
    assert check.loc["日间照料", "problem"] == "split"
    assert "日间 / 照料" in check.loc["日间照料", "detail"]
    assert check.loc["党纪", "problem"] == "absent"
    assert "党建" not in check.index and "养老床位" not in check.index


def test_a_split_term_is_never_counted(tmp_path):
    vocab = vocabulary.load_vocabulary(
        write_vocab(tmp_path, [("elderly_care", "日间照料", "day care"), ("party_building", "党建", "pb")])
    )
    report = small_report("新建日间照料中心3处，党建引领。", "甲县")
    theme_table = shares.theme_shares([report], vocab).set_index("theme")
    assert theme_table.loc["elderly_care", "count"] == 0


@pytest.mark.parametrize(
    "rows, message",
    [
        ([("welfare", "低保", "x")], "unknown theme 'welfare'"),
        ([("social_assistance", "低保", "x"), ("elderly_care", "低保", "y")], "in two codebook themes"),
        (
            [("party_building", "服务", "x"), ("service_delivery", "服务", "y")],
            "in both party_building and service_delivery",
        ),
        ([("party_building", "党建", "x"), ("party_building", "党建", "y")], "listed twice"),
    ],
)
def test_a_malformed_vocabulary_is_refused_naming_the_problem(tmp_path, rows, message):
    with pytest.raises(vocabulary.VocabularyError, match=message):
        vocabulary.load_vocabulary(write_vocab(tmp_path, rows))


# --- tokens and shares ---------------------------------------------------------------------------


def test_each_report_is_tokenized_once_however_many_measures_are_asked(monkeypatch, tmp_path, seed_corpus):
    calls: list[str] = []

    def counting(text: str) -> list[str]:
        calls.append(text)
        return tokenize(text)

    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))  # an empty token store: every text segmented here
    monkeypatch.setattr(shares, "tokenize", counting)
    monkeypatch.setattr(token_cache, "tokenize", counting)
    shares.cached_tokens.cache_clear()
    try:
        texts = shares.report_tokens(seed_corpus)
        shares.theme_shares(texts)
        shares.party_vs_service(texts)
        key_terms.key_terms(texts)
        similarity.similarity(texts)
        shares.theme_shares(seed_corpus)  # a corpus again: the cache answers
        assert len(calls) == len(seed_corpus)
    finally:
        shares.cached_tokens.cache_clear()


def test_theme_counts_and_other_add_up_to_the_tokens_and_shares_to_one(seed_texts):
    theme_table = shares.theme_shares(seed_texts)
    assert list(dict.fromkeys(theme_table["region"])) == SEED_REGIONS
    assert list(dict.fromkeys(theme_table["theme"])) == [*THEMES, vocabulary.OTHER]
    for _region, group in theme_table.groupby("region"):
        assert group["count"].sum() == group["tokens"].iloc[0]
        assert math.isclose(group["share_of_tokens"].sum(), 1.0)


def test_shares_are_per_10000_characters_of_clean_text_and_per_token(seed_corpus, seed_texts):
    theme_table = shares.theme_shares(seed_texts)
    row = theme_table[(theme_table["region"] == "济宁市") & (theme_table["theme"] == "party_building")].iloc[0]
    assert row["chars"] == len(seed_corpus["济宁市"].text)
    assert math.isclose(row["per_10k_chars"], row["count"] * 10_000 / row["chars"])
    assert math.isclose(row["share_of_tokens"], row["count"] / row["tokens"])


def test_theme_counts_match_the_tokens_of_a_small_report():
    report = small_report("坚持党建引领，党员干部深入开展入户走访，为老年人发放补贴，党建品牌成效明显。", "甲县")
    tokens = tokenize(report.text)
    pvs = shares.party_vs_service([report]).iloc[0]
    lists = vocabulary.vocabulary_lists()
    assert pvs["party_building_tokens"] == sum(t in lists["party_building"] for t in tokens) == 3
    assert pvs["service_delivery_tokens"] == sum(t in lists[vocabulary.SERVICE_DELIVERY] for t in tokens)
    assert pvs["party_to_service_ratio"] == round(pvs["party_building_tokens"] / pvs["service_delivery_tokens"], 2)


def test_party_vs_service_has_one_row_per_report_in_corpus_order(seed_texts):
    pvs = shares.party_vs_service(seed_texts)
    assert list(pvs["region"]) == SEED_REGIONS
    assert (pvs["party_building_tokens"] > 0).all() and (pvs["service_delivery_tokens"] > 0).all()


def test_term_counts_show_each_term_with_its_gloss_and_count_per_report(seed_texts):
    counts = shares.term_counts(seed_texts, vocabulary.PARTY_VS_SERVICE)
    assert list(counts.columns) == ["theme", "term", "gloss", *SEED_REGIONS, "total"]
    assert set(counts["theme"]) == set(vocabulary.PARTY_VS_SERVICE)
    dangjian = counts.set_index("term").loc["党建"]
    assert dangjian["total"] == sum(dangjian[r] for r in SEED_REGIONS) > 0


def test_densest_sentence_holds_the_terms_it_counts(seed_corpus):
    terms = vocabulary.vocabulary_lists()["party_building"]
    dense = shares.densest_sentences(seed_corpus, terms)
    assert list(dense["region"]) == SEED_REGIONS
    for row in dense.itertuples():
        assert row.sentence == seed_corpus[row.region].text[row.start : row.end]
        assert all(term in row.sentence for term in row.terms.split())


# --- key terms -----------------------------------------------------------------------------------


def test_key_terms_are_ranked_by_z_with_ties_by_term_and_the_same_every_time(seed_texts):
    keys = key_terms.key_terms(seed_texts, n=8)
    again = key_terms.key_terms(list(seed_texts), n=8)
    pd.testing.assert_frame_equal(keys, again)
    for _region, group in keys.groupby("region"):
        assert list(group["rank"]) == list(range(1, len(group) + 1))
        pairs = list(zip(-group["z"], group["term"]))
        assert pairs == sorted(pairs)
        assert (group["count"] >= key_terms.MIN_KEY_COUNT).all()


def test_key_terms_leave_out_place_names_and_stop_words(seed_texts):
    keys = key_terms.key_terms(seed_texts, n=30)
    names = key_terms.place_names(seed_texts)
    assert "兰陵县" in names and "山东省" in names
    assert not [t for t in keys["term"] if any(t in n for n in names)]
    assert not set(keys["term"]) & vocabulary.STOPWORDS
    assert (keys["term"].str.len() >= 2).all()


def test_a_word_only_one_report_repeats_sets_it_apart():
    a = small_report("全县推进殡葬改革，殡葬改革成效明显，殡葬改革持续深化。养老服务不断完善。", "甲县")
    b = small_report("全县养老服务不断完善，养老服务体系健全。社会救助兜底有力。", "乙县")
    keys = key_terms.key_terms([a, b], n=3)
    assert keys[keys["region"] == "甲县"].iloc[0]["term"] == "殡葬改革"
    assert keys[keys["region"] == "甲县"].iloc[0]["other_reports"] == 0


def test_key_terms_of_a_single_report_are_empty():
    assert key_terms.key_terms([small_report("养老服务不断完善。", "甲县")]).empty


# --- similarity ----------------------------------------------------------------------------------


def test_similarity_is_symmetric_with_ones_on_the_diagonal_and_covers_every_region(seed_texts):
    sim = similarity.similarity(seed_texts)
    assert list(sim.index) == list(sim.columns) == SEED_REGIONS
    values = sim.to_numpy()
    assert np.array_equal(values, values.T)
    assert (np.diag(values) == 1.0).all()
    off = values[~np.eye(len(values), dtype=bool)]
    assert ((off >= 0) & (off < 1)).all()


def test_similarity_does_not_depend_on_the_order_of_the_reports(seed_texts):
    forward = similarity.similarity(seed_texts)
    backward = similarity.similarity(list(reversed(seed_texts)))
    pd.testing.assert_frame_equal(forward, backward.loc[forward.index, forward.columns])


def test_identical_texts_are_similar_and_disjoint_texts_are_not():
    a = small_report("全县养老服务体系不断完善，养老床位持续增加。", "甲县")
    b = small_report("全县养老服务体系不断完善，养老床位持续增加。", "乙县")
    c = small_report("婚姻登记实现跨省通办。", "丙县")
    sim = similarity.similarity([a, b, c])
    assert math.isclose(sim.loc["甲县", "乙县"], 1.0)
    assert sim.loc["甲县", "丙县"] == 0.0


def test_similarity_pairs_list_every_pair_once_most_similar_first(seed_corpus, seed_texts):
    pairs = similarity.similarity_pairs(similarity.similarity(seed_texts), seed_corpus.table())
    assert len(pairs) == 10
    assert list(pairs["similarity"]) == sorted(pairs["similarity"], reverse=True)
    assert not pairs.duplicated(["region_a", "region_b"]).any()
    row = pairs[(pairs["region_a"] == "莒县") & (pairs["region_b"] == "兰陵县")].iloc[0]
    assert row["same_level"] and not row["same_year"]


def test_similarity_of_one_report_is_one():
    sim = similarity.similarity([small_report("养老服务不断完善。", "甲县")])
    assert sim.to_numpy().tolist() == [[1.0]]
    assert similarity.similarity_pairs(sim).empty
