"""The similarity tables the synthesis saves, at 5 and 500 reports: a handful keep the whole matrix and every pair; many
keep each report's nearest neighbours and a summary of every pair, and the sentence's facts still come from every pair."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from minzheng.compare import emphasis, views
from minzheng.words import similarity

SIZES = (5, 500)


def matrix(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A symmetric similarity matrix of n reports (1 on the diagonal) and their corpus table, levels and genres mixed."""
    rng = np.random.default_rng(n)
    values = rng.random((n, n))
    values = np.round((values + values.T) / 2, 6)
    np.fill_diagonal(values, 1.0)
    labels = [f"县{i:03d}" for i in range(n)]
    index = pd.Index(labels, name="region")
    table = pd.DataFrame(
        {
            "region": labels,
            "level": ["county" if i % 3 else "prefecture-level city" for i in range(n)],
            "year": [2023] * n,
            "genre": ["annual summary" if i % 2 else "news feature" for i in range(n)],
        }
    )
    return pd.DataFrame(values, index=index, columns=index), table


@pytest.mark.parametrize("n", SIZES)
def test_a_handful_of_reports_keep_the_matrix_and_every_pair_and_many_their_nearest_neighbours(n):
    sim, table = matrix(n)
    saved, facts = emphasis.similarity_tables(sim, table)
    if views.nearest_neighbours(n) is None:
        assert list(saved) == ["similarity", "similarity_pairs"]
        assert len(saved["similarity_pairs"]) == n * (n - 1) // 2 and saved["similarity"].shape == (n, n + 1)
        assert facts == emphasis.similarity_facts(saved["similarity_pairs"]) | {"kept": ""}
        return
    assert list(saved) == ["similarity_pairs", "similarity_summary"]
    pairs = saved["similarity_pairs"]
    assert len(pairs) <= n * views.NEAREST
    values = sim.to_numpy().copy()
    np.fill_diagonal(values, -1)
    for k in (0, 17, n - 1):  # each report's nearest neighbour is kept
        region, other = sim.index[k], sim.index[int(values[k].argmax())]
        assert ((pairs["region_a"] == min(region, other)) & (pairs["region_b"] == max(region, other))).any()
    assert list(pairs["similarity"]) == sorted(pairs["similarity"], reverse=True)


def test_the_facts_of_many_reports_come_from_every_pair_not_the_pairs_kept():
    sim, table = matrix(500)
    saved, facts = emphasis.similarity_tables(sim, table)
    every = similarity.similarity_pairs(sim, table)
    whole = emphasis.similarity_facts(every)
    assert facts["pairs"] == f"{len(every):,}"
    assert facts["top_value"] == whole["top_value"] and facts["bottom_value"] == whole["bottom_value"]
    assert facts["same_level_mean"] == whole["same_level_mean"]
    assert facts["cross_level_mean"] == whole["cross_level_mean"]
    assert facts["same_genre_pairs"] == f"{int(every['same_genre'].sum()):,} pairs"
    assert "keeps each report's 10 most similar others" in facts["kept"]
    summary = saved["similarity_summary"].set_index("pairs_of")
    assert summary.at["all pairs", "pairs"] == len(every)
    assert summary.at["same level", "pairs"] + summary.at["different levels", "pairs"] == len(every)
    assert summary.at["all pairs", "min"] == every["similarity"].min()
    assert summary.at["all pairs", "max"] == every["similarity"].max()
    assert summary.at["all pairs", "median"] == pytest.approx(every["similarity"].median())


def test_nearest_pairs_of_two_reports_are_their_one_pair_and_of_one_report_none():
    sim, table = matrix(2)
    assert len(similarity.similarity_pairs(sim, table, nearest=10)) == 1
    one, one_table = matrix(1)
    assert similarity.similarity_pairs(one, one_table, nearest=10).empty
    assert similarity.least_similar_pair(one, one_table).empty


def test_tfidf_rows_are_scikit_learns_tfidf_vectors():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [["低保", "低保", "特困", "养老"], ["养老", "床位", "床位", "床位"], [], ["儿童", "低保"], ["低保"]]
    theirs = TfidfVectorizer(analyzer=lambda d: d, lowercase=False, sublinear_tf=True, smooth_idf=True, norm="l2")
    expected = theirs.fit_transform(docs).toarray()
    assert np.allclose(similarity.tfidf_rows(docs).toarray(), expected, rtol=0, atol=1e-15)


def test_the_seeds_similarity_is_scikit_learns_cosine_of_tfidf_and_needs_no_scikit_learn(seed_corpus):
    import subprocess
    import sys

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from minzheng.words.key_terms import content_tokens, place_names
    from minzheng.words.shares import report_tokens

    texts = report_tokens(seed_corpus)
    names = place_names(texts)
    docs = [content_tokens(t, names) for t in texts]
    theirs = cosine_similarity(
        TfidfVectorizer(analyzer=lambda d: d, lowercase=False, sublinear_tf=True, smooth_idf=True).fit_transform(docs)
    )
    theirs = np.round((theirs + theirs.T) / 2.0, 6)
    np.fill_diagonal(theirs, 1.0)
    assert np.array_equal(similarity.similarity(texts).to_numpy(), theirs)
    code = (
        "import sys; from minzheng.words import similarity; from minzheng.words.shares import ReportTokens\n"
        "t = [ReportTokens(str(i), f'县{i}', 'county', 2023, 'summary', 9, ('低保', '养老', '儿童')[: i + 1]) for i in range(3)]\n"
        "similarity.similarity(t); print('sklearn' in sys.modules)"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )
