"""Key terms: words a report uses more than the others, by a smoothed log-odds ratio."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from minzheng.words.shares import _texts, per_chars
from minzheng.words.tokens import ReportTokens
from minzheng.words.vocabulary import MIN_TERM_CHARS, STOPWORDS

PRIOR_SIZE = 1000.0


MIN_KEY_COUNT = 2


def place_names(texts: Sequence[ReportTokens]) -> tuple[str, ...]:
    """Every place name in the manifest rows of the texts (region, province, parent city)."""
    return tuple(sorted({name for text in texts for name in (text.names or (text.region,))}))


@lru_cache(maxsize=8)
def name_parts(names: tuple[str, ...]) -> frozenset[str]:
    """Every piece of every place name (a token is part of a name when it is one of them): one set lookup per token
    however many regions there are."""
    return frozenset(name[i:j] for name in names for i in range(len(name)) for j in range(i + 1, len(name) + 1))


def content_tokens(text: ReportTokens, names: Sequence[str] = ()) -> list[str]:
    """Tokens of two or more characters that are not stop words and not part of a manifest place name."""
    parts = name_parts(tuple(names))
    return [t for t in text.tokens if len(t) >= MIN_TERM_CHARS and t not in STOPWORDS and t not in parts]


def key_terms(source: Any, n: int = 10, min_count: int = MIN_KEY_COUNT, prior_size: float = PRIOR_SIZE) -> pd.DataFrame:
    """The n terms that most set each report apart from the others, by weighted log-odds (z-score).

    For term w, report i and the other reports j pooled, with prior a_w = prior_size × (share of w in all reports):
    delta = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w)),
    z = delta / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w)). Only terms used at least `min_count` times in the
    report count; the manifest's place names (region, province, parent city) are left out (they set every report apart
    trivially). Ties are broken by term. With a single report there is nothing to compare and the frame is empty.
    """
    texts = _texts(source)
    columns = ["region", "level", "year", "rank", "term", "z", "count", "per_10k_chars", "other_reports"]
    if len(texts) < 2:
        return pd.DataFrame(columns=columns)
    names = place_names(texts)
    docs = [Counter(content_tokens(t, names)) for t in texts]
    total = Counter()
    for doc in docs:
        total.update(doc)
    grand = sum(total.values())
    reports_with = Counter(term for doc in docs for term in doc)
    rows = []
    for text, doc in zip(texts, docs):
        n_i = sum(doc.values())
        n_j = grand - n_i
        scored = []
        for term, y_i in doc.items():
            if y_i < min_count:
                continue
            alpha = prior_size * total[term] / grand
            y_j = total[term] - y_i
            delta = np.log((y_i + alpha) / (n_i + prior_size - y_i - alpha)) - np.log(
                (y_j + alpha) / (n_j + prior_size - y_j - alpha)
            )
            z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
            scored.append((round(float(z), 6), term, y_i))
        scored.sort(key=lambda s: (-s[0], s[1]))
        for rank, (z, term, y_i) in enumerate(scored[:n], start=1):
            rows.append(
                {
                    "region": text.region,
                    "level": text.level,
                    "year": text.year,
                    "rank": rank,
                    "term": term,
                    "z": round(z, 2),
                    "count": y_i,
                    "per_10k_chars": round(per_chars(y_i, text.chars), 1),
                    "other_reports": reports_with[term] - 1,
                }
            )
    return pd.DataFrame(rows, columns=columns)


def key_terms_wide(keys: pd.DataFrame) -> pd.DataFrame:
    """One row per report: its key terms in rank order as 'term (count)'."""
    rows = [
        {
            "region": region,
            "level": g["level"].iloc[0],
            "year": g["year"].iloc[0],
            "key terms (count in the report)": "、".join(f"{r.term} ({r.count})" for r in g.itertuples()),
        }
        for region, g in keys.groupby("region", sort=False)
    ]
    return pd.DataFrame(rows, columns=["region", "level", "year", "key terms (count in the report)"])
