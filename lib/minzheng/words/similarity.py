"""TF-IDF similarity of the reports' token lists."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from minzheng.words.key_terms import content_tokens, place_names
from minzheng.words.shares import _texts


def tfidf_rows(docs: list[list[str]]) -> Any:
    """The documents' TF-IDF vectors as a sparse matrix, rows l2-normalised: sublinear term frequency (1 + ln tf),
    smoothed idf (ln((1 + n) / (1 + df)) + 1), terms in sorted order. These are scikit-learn's TfidfVectorizer(
    sublinear_tf=True, smooth_idf=True, norm="l2") numbers (tests/test_similarity_tables.py checks them against it);
    written here because importing scikit-learn pulls in most of scipy, 0.7 s of every synthesis run."""
    from scipy.sparse import csr_matrix

    vocabulary = {term: column for column, term in enumerate(sorted({t for doc in docs for t in doc}))}
    rows, columns, counts = [], [], []
    for row, doc in enumerate(docs):
        terms, tally = np.unique(np.array([vocabulary[t] for t in doc], dtype=np.int64), return_counts=True)
        rows += [row] * len(terms)
        columns += terms.tolist()
        counts += tally.tolist()
    matrix = csr_matrix((np.asarray(counts, dtype=float), (rows, columns)), shape=(len(docs), len(vocabulary)))
    matrix.data = 1.0 + np.log(matrix.data)
    document_frequency = np.bincount(np.asarray(columns, dtype=np.int64), minlength=len(vocabulary))
    matrix = matrix.multiply(np.log((1.0 + len(docs)) / (1.0 + document_frequency)) + 1.0).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def similarity(source: Any) -> pd.DataFrame:
    """Cosine similarity of the reports' TF-IDF vectors over content tokens: a symmetric region × region frame, 1 on the diagonal.

    TF-IDF: sublinear term frequency, smoothed idf, l2-normalised (tfidf_rows); the vocabulary is every content token
    (place names and stop words left out), in sorted order, so the result does not depend on input order.
    """
    texts = _texts(source)
    labels = [t.label for t in texts]
    if not texts:
        return pd.DataFrame(dtype=float)
    names = place_names(texts)
    docs = [content_tokens(t, names) for t in texts]
    if not any(docs):
        matrix = np.eye(len(texts))
    else:
        vectors = tfidf_rows(docs)
        matrix = np.asarray((vectors @ vectors.T).todense())
        matrix = np.round((matrix + matrix.T) / 2.0, 6)
        np.fill_diagonal(matrix, 1.0)
    frame = pd.DataFrame(matrix, index=pd.Index(labels, name="region"), columns=pd.Index(labels, name="region"))
    return frame


PAIR_COLUMNS = ["region_a", "region_b", "similarity", "same_level", "same_year", "same_genre"]


def _pair_frame(sim: pd.DataFrame, first: np.ndarray, second: np.ndarray, table: pd.DataFrame | None) -> pd.DataFrame:
    """The pairs (first[i], second[i]) of the matrix's reports, most similar first, with whether level, year and genre
    match."""
    labels = np.array(list(sim.index), dtype=object)
    frame = pd.DataFrame(
        {
            "region_a": labels[first],
            "region_b": labels[second],
            "similarity": [round(float(v), 3) for v in sim.to_numpy(dtype=float)[first, second]],
        }
    )
    if table is not None:
        meta = table.drop_duplicates("region").set_index("region")
        for key in ("level", "year", "genre"):
            values = meta[key].reindex(labels).to_numpy(dtype=object)
            frame[f"same_{key}"] = [bool(a == b) for a, b in zip(values[first], values[second])]
    if frame.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return frame.sort_values(
        ["similarity", "region_a", "region_b"], ascending=[False, True, True], kind="mergesort"
    ).reset_index(drop=True)


def similarity_pairs(sim: pd.DataFrame, table: pd.DataFrame | None = None, nearest: int | None = None) -> pd.DataFrame:
    """Every pair of reports once, most similar first: region_a, region_b, similarity, and whether level, year and genre
    match; with `nearest`, only the pairs that are among one of their reports' `nearest` most similar others (each
    pair once), for a corpus too large to keep every pair (compare.views.nearest_neighbours)."""
    if nearest is None:
        return _pair_frame(sim, *np.triu_indices(len(sim), k=1), table)
    return _pair_frame(sim, *_nearest_indices(sim, nearest), table)


def _nearest_indices(sim: pd.DataFrame, nearest: int) -> tuple[np.ndarray, np.ndarray]:
    """The matrix positions (first < second) of each report's `nearest` most similar other reports (ties: the earlier
    report), every pair once, in position order."""
    values = sim.to_numpy(dtype=float).copy()
    n, k = len(values), max(0, min(int(nearest), len(values) - 1))
    if not k:
        return np.array([], dtype=int), np.array([], dtype=int)
    np.fill_diagonal(values, -np.inf)
    order = np.argsort(-values, axis=1, kind="stable")[:, :k]
    rows, cols = np.repeat(np.arange(n), k), order.ravel()
    keys = np.unique(np.minimum(rows, cols) * n + np.maximum(rows, cols))
    return keys // n, keys % n


SUMMARY_COLUMNS = ["pairs_of", "pairs", "mean", "min", "q1", "median", "q3", "max", "most_similar", "least_similar"]


def _masks(sim: pd.DataFrame, table: pd.DataFrame | None, first: np.ndarray, second: np.ndarray) -> dict[str, Any]:
    """The groups of pairs summarised: all, and (with the corpus table) same and different level, same genre."""
    masks: dict[str, Any] = {"all pairs": np.ones(len(first), dtype=bool)}
    if table is None:
        return masks
    meta = table.drop_duplicates("region").set_index("region")
    level, genre = (meta[key].reindex(list(sim.index)).to_numpy(dtype=object) for key in ("level", "genre"))
    same_level = level[first] == level[second]
    masks |= {"same level": same_level, "different levels": ~same_level, "same genre": genre[first] == genre[second]}
    return masks


def pair_summary(sim: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The similarity of every pair of different reports summarised, computed on the whole matrix (no pair table): for
    all pairs and (with the corpus table) pairs of the same level, of different levels and of the same genre, the
    number of pairs, the mean, quartiles and ends (similarities rounded to 3 decimals as in the pair table), and the
    most and least similar pair ('a and b')."""
    labels = np.array(list(sim.index), dtype=object)
    first, second = np.triu_indices(len(sim), k=1)
    values = np.round(sim.to_numpy(dtype=float)[first, second], 3)
    rows = []
    for name, mask in _masks(sim, table, first, second).items():
        picked = values[mask]
        row: dict[str, Any] = {"pairs_of": name, "pairs": int(mask.sum())}
        if len(picked):
            where = np.flatnonzero(mask)
            high, low = where[np.argmax(picked)], where[np.argmin(picked)]
            row |= {"mean": picked.mean(), "min": picked.min(), "q1": np.quantile(picked, 0.25)}
            row |= {"median": np.median(picked), "q3": np.quantile(picked, 0.75), "max": picked.max()}
            row |= {"most_similar": f"{labels[first[high]]} and {labels[second[high]]}"}
            row |= {"least_similar": f"{labels[first[low]]} and {labels[second[low]]}"}
        rows.append(row)
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def least_similar_pair(sim: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The least similar pair of different reports (the earlier pair on a tie), as a row of similarity_pairs."""
    first, second = np.triu_indices(len(sim), k=1)
    if not len(first):
        return _pair_frame(sim, first, second, table)
    low = int(np.argmin(np.round(sim.to_numpy(dtype=float)[first, second], 3)))
    return _pair_frame(sim, first[low : low + 1], second[low : low + 1], table)
