"""TF-IDF similarity of the reports' token lists."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from minzheng.words.key_terms import content_tokens, place_names
from minzheng.words.shares import _texts


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def similarity(source: Any) -> pd.DataFrame:
    """Cosine similarity of the reports' TF-IDF vectors over content tokens: a symmetric region × region frame, 1 on the diagonal.

    TF-IDF: sublinear term frequency, smoothed idf, l2-normalised; the vocabulary is every content token
    (place names and stop words left out), in sorted order, so the result does not depend on input order.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = _texts(source)
    labels = [t.label for t in texts]
    if not texts:
        return pd.DataFrame(dtype=float)
    names = place_names(texts)
    docs = [content_tokens(t, names) for t in texts]
    if not any(docs):
        matrix = np.eye(len(texts))
    else:
        vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False, sublinear_tf=True, smooth_idf=True, norm="l2")
        matrix = cosine_similarity(vectorizer.fit_transform(docs))
        matrix = np.round((matrix + matrix.T) / 2.0, 6)
        np.fill_diagonal(matrix, 1.0)
    frame = pd.DataFrame(matrix, index=pd.Index(labels, name="region"), columns=pd.Index(labels, name="region"))
    return frame


def similarity_pairs(sim: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every pair of reports once, most similar first: region_a, region_b, similarity, and whether level, year and genre match."""
    labels = np.array(list(sim.index), dtype=object)
    first, second = np.triu_indices(len(labels), k=1)
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
        return pd.DataFrame(columns=["region_a", "region_b", "similarity", "same_level", "same_year", "same_genre"])
    return frame.sort_values(
        ["similarity", "region_a", "region_b"], ascending=[False, True, True], kind="mergesort"
    ).reset_index(drop=True)
