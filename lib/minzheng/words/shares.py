"""Theme vocabulary counts and shares per report over jieba tokens, and the densest sentences.

Every measure reads the clean (simplified) text of each report, segmented by `minzheng.words.tokens.tokenize`
(jieba with the domain dictionary). Tokenization is cached per text, so a report is segmented once however
many measures a notebook asks for. All outputs are deterministic: rows follow the corpus (manifest) order,
ties are broken by term, and nothing depends on hash order.

Measures
- theme vocabulary: the terms of `data/theme_vocabulary.csv` (one list per codebook theme, plus the
  cross-cutting `service_delivery` list) counted as tokens, per 10,000 characters of clean text and as a
  share of the report's tokens;
- key terms: the tokens that set a report apart from the other reports, by the weighted log-odds ratio with
  an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), reported as a z-score;
- similarity: cosine similarity of TF-IDF vectors of the reports' content tokens."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from minzheng import paths
from minzheng.codebook import THEMES
from minzheng.words.tokens import ReportTokens, tokenize
from minzheng.words.vocabulary import (
    OTHER,
    PARTY_VS_SERVICE,
    SERVICE_DELIVERY,
    VocabularyError,
    list_label,
    load_vocabulary,
    vocabulary_lists,
)

PER_CHARS = 10_000


@lru_cache(maxsize=1024)
def cached_tokens(text: str) -> tuple[str, ...]:
    """The jieba tokens of a text, computed once per distinct text."""
    return tuple(tokenize(text))


def _report_names(report: Any) -> tuple[str, ...]:
    meta = getattr(report, "meta", {}) or {}
    names = [getattr(report, "place", "") or report.region, meta.get("province", ""), meta.get("parent_city", "")]
    return tuple(n for n in names if n)


def report_tokens(reports: Iterable[Any]) -> list[ReportTokens]:
    """Tokenize every report of a corpus (or an iterable of reports) once; ReportTokens pass through unchanged."""
    from minzheng.words.token_cache import stored_tokens

    reports = list(reports)
    stored = stored_tokens(r for r in reports if not isinstance(r, ReportTokens))
    texts = []
    for report in reports:
        if isinstance(report, ReportTokens):
            texts.append(report)
            continue
        meta = getattr(report, "meta", {}) or {}
        key = getattr(report, "text_key", "")
        texts.append(
            ReportTokens(
                document=report.file,
                region=report.region,
                level=report.level,
                year=report.year,
                genre=meta.get("genre", ""),
                chars=len(report.text),
                tokens=stored[key] if key in stored else cached_tokens(report.text),
                names=_report_names(report),
            )
        )
    return texts


def _texts(source: Any) -> list[ReportTokens]:
    return (
        source
        if isinstance(source, list) and all(isinstance(t, ReportTokens) for t in source)
        else report_tokens(source)
    )


def per_chars(count: float, chars: int) -> float:
    """A count per 10,000 characters of clean text (0 for an empty text)."""
    return float(count) * PER_CHARS / chars if chars else 0.0


def _counts_frame(texts: list[ReportTokens], lists: dict[str, list[str]], other: bool) -> pd.DataFrame:
    rows = []
    for text in texts:
        counts = Counter(text.tokens)
        total = len(text.tokens)
        used = 0
        for name, terms in lists.items():
            count = sum(counts[t] for t in dict.fromkeys(terms))
            used += count
            rows.append((text, name, len(terms), count))
        if other:
            rows.append((text, OTHER, 0, total - used))
    frame = pd.DataFrame(
        [
            {
                "document": t.document,
                "region": t.region,
                "level": t.level,
                "year": t.year,
                "genre": t.genre,
                "theme": name,
                "theme_label": list_label(name),
                "terms": n_terms,
                "count": count,
                "tokens": len(t.tokens),
                "chars": t.chars,
                "per_10k_chars": per_chars(count, t.chars),
                "share_of_tokens": count / len(t.tokens) if t.tokens else 0.0,
            }
            for t, name, n_terms, count in rows
        ],
        columns=[
            "document",
            "region",
            "level",
            "year",
            "genre",
            "theme",
            "theme_label",
            "terms",
            "count",
            "tokens",
            "chars",
            "per_10k_chars",
            "share_of_tokens",
        ],
    )
    return frame


def theme_shares(source: Any, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tokens of each codebook theme's vocabulary per report, plus `other`: counts, per 10,000 chars, share of tokens.

    The codebook themes' lists share no term, so per report the counts of the five themes and `other` add up to
    the report's tokens and the shares of tokens add up to 1. One row per report and theme, reports in corpus order.
    """
    lists = {k: v for k, v in vocabulary_lists(vocab).items() if k in THEMES}
    return _counts_frame(_texts(source), lists, other=True)


def list_shares(
    source: Any, names: Sequence[str] = PARTY_VS_SERVICE, vocab: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Tokens of the named word lists per report (default party building vs service delivery); same columns as theme_shares."""
    lists = vocabulary_lists(vocab)
    unknown = [n for n in names if n not in lists]
    if unknown:
        raise VocabularyError(
            f"{paths.THEME_VOCAB_FILE}: no word list named {', '.join(unknown)} (lists: {', '.join(lists)})"
        )
    return _counts_frame(_texts(source), {n: lists[n] for n in names}, other=False)


def shares_wide(shares: pd.DataFrame, value: str = "per_10k_chars") -> pd.DataFrame:
    """One row per report (region, level, year, genre), one column per list holding `value`."""
    wide = shares.pivot_table(index="region", columns="theme", values=value, sort=False, aggfunc="first")
    meta = shares.drop_duplicates("region").set_index("region")[["level", "year", "genre"]]
    order = list(dict.fromkeys(shares["theme"]))
    out = meta.join(wide[order]).reset_index()
    out.columns.name = None
    return out


def party_vs_service(source: Any, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per report: party-building and service-delivery tokens, per 10,000 chars, share of tokens, and their ratio."""
    shares = list_shares(source, PARTY_VS_SERVICE, vocab)
    rows = []
    for region, group in shares.groupby("region", sort=False):
        by = group.set_index("theme")
        pb, sd = by.loc["party_building"], by.loc[SERVICE_DELIVERY]
        rows.append(
            {
                "region": region,
                "level": pb["level"],
                "year": pb["year"],
                "genre": pb["genre"],
                "chars": int(pb["chars"]),
                "tokens": int(pb["tokens"]),
                "party_building_tokens": int(pb["count"]),
                "service_delivery_tokens": int(sd["count"]),
                "party_building_per_10k_chars": round(float(pb["per_10k_chars"]), 1),
                "service_delivery_per_10k_chars": round(float(sd["per_10k_chars"]), 1),
                "party_building_share_of_tokens": round(float(pb["share_of_tokens"]), 4),
                "service_delivery_share_of_tokens": round(float(sd["share_of_tokens"]), 4),
                "party_to_service_ratio": round(float(pb["count"]) / float(sd["count"]), 2)
                if sd["count"]
                else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def party_vs_service_table(pvs: pd.DataFrame) -> pd.DataFrame:
    """party_vs_service for display: tokens and tokens per 10,000 characters of each list, and their ratio."""
    from minzheng.english import level_label

    return pd.DataFrame(
        {
            "region": pvs["region"],
            "level": pvs["level"].map(level_label),
            "year": pvs["year"],
            "genre": pvs["genre"],
            "characters": pvs["chars"],
            "word tokens": pvs["tokens"],
            "party-building tokens": pvs["party_building_tokens"],
            "service-delivery tokens": pvs["service_delivery_tokens"],
            "party-building per 10k chars": pvs["party_building_per_10k_chars"],
            "service-delivery per 10k chars": pvs["service_delivery_per_10k_chars"],
            "party ÷ service": pvs["party_to_service_ratio"],
        }
    )


def term_counts(source: Any, names: Sequence[str] | None = None, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """The word lists with each term's count per report: theme, term, gloss, one column per region, total."""
    vocab = load_vocabulary() if vocab is None else vocab
    texts = _texts(source)
    names = list(names or vocabulary_lists(vocab))
    frame = vocab[vocab["theme"].isin(names)].copy()
    frame["order"] = frame["theme"].map({n: i for i, n in enumerate(names)})
    frame = frame.sort_values(["order"], kind="mergesort").drop(columns="order")
    columns = {}
    for text in texts:
        counts = Counter(text.tokens)
        columns[text.label] = [counts[t] for t in frame["term"]]
    frame = pd.concat([frame.reset_index(drop=True), pd.DataFrame(columns, index=range(len(frame)))], axis=1)
    frame["total"] = frame[[t.label for t in texts]].sum(axis=1) if texts else 0
    return frame.reset_index(drop=True)


def top_terms(counts: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n most frequent terms of each list in a term_counts frame (terms no report uses left out; ties in file order)."""
    used = counts[counts["total"] > 0]
    order = list(dict.fromkeys(used["theme"]))
    parts = [
        used[used["theme"] == name].sort_values("total", ascending=False, kind="mergesort").head(n) for name in order
    ]
    return pd.concat(parts).reset_index(drop=True) if parts else used


def densest_sentences(corpus: Iterable[Any], terms: Sequence[str], n: int = 1) -> pd.DataFrame:
    """Per report, the n sentences holding most tokens of the terms (ties: earlier sentence): the evidence of a share.
    Only sentences holding a term's characters are segmented, through the token store (token_cache.py)."""
    from minzheng.words.token_cache import text_tokens

    wanted = set(terms)
    holds = re.compile("|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))) if wanted else None
    reports = list(corpus)
    candidates = {
        id(report): [s for s in report.sentences if not s.is_heading and holds is not None and holds.search(s.text)]
        for report in reports
    }  # a sentence without a term's characters holds no token of it
    tokens = text_tokens(s.text for found in candidates.values() for s in found)
    rows = []
    for report in reports:
        scored = []
        for sentence in candidates[id(report)]:
            hits = [t for t in tokens[sentence.text] if t in wanted]
            if hits:
                scored.append((-len(hits), sentence.start, sentence, hits))
        for count, _, sentence, hits in sorted(scored, key=lambda s: (s[0], s[1]))[:n]:
            rows.append(
                {
                    "region": report.region,
                    "level": report.level,
                    "year": report.year,
                    "terms_found": -count,
                    "terms": " ".join(dict.fromkeys(hits)),
                    "sentence": sentence.text,
                    "start": sentence.start,
                    "end": sentence.end,
                }
            )
    return pd.DataFrame(rows, columns=["region", "level", "year", "terms_found", "terms", "sentence", "start", "end"])
