"""Text measures per report over jieba tokens: theme vocabulary counts and shares, key terms, similarity.

Every measure reads the clean (simplified) text of each report, segmented by `minzheng.tokens.tokenize`
(jieba with the domain dictionary). Tokenization is cached per text, so a report is segmented once however
many measures a notebook asks for. All outputs are deterministic: rows follow the corpus (manifest) order,
ties are broken by term, and nothing depends on hash order.

Measures
- theme vocabulary: the terms of `data/theme_vocabulary.csv` (one list per codebook theme, plus the
  cross-cutting `service_delivery` list) counted as tokens, per 10,000 characters of clean text and as a
  share of the report's tokens;
- key terms: the tokens that set a report apart from the other reports, by the weighted log-odds ratio with
  an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), reported as a z-score;
- similarity: cosine similarity of TF-IDF vectors of the reports' content tokens.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from minzheng import paths
from minzheng.codebook import THEMES
from minzheng.errors import MinzhengError
from minzheng.tokens import tokenize

VOCAB_COLUMNS = ("theme", "term", "gloss")
SERVICE_DELIVERY = "service_delivery"
# Word lists beside the codebook themes: they may repeat terms of the service themes, never of party building.
EXTRA_LISTS = {SERVICE_DELIVERY: ("服务供给", "Service delivery")}
PARTY_VS_SERVICE = ("party_building", SERVICE_DELIVERY)
OTHER = "other"
OTHER_LABEL = "Other words (no theme)"
PER_CHARS = 10_000
PRIOR_SIZE = 1000.0
MIN_KEY_COUNT = 2
MIN_TERM_CHARS = 2
# Tokens that carry no topic: ordinals, connectives, time words, units left after numbers, 工作 (work) and the
# bureau's own name 民政 (civil affairs), which every report repeats.
STOPWORDS = frozenset(
    """
    一是 二是 三是 四是 五是 六是 进一步 以及 通过 其中 我们 他们 这些 这个 一个 一些 没有 可以 已经 还是 就是 不仅
    而且 并且 同时 之一 以来 目前 今年 去年 全年 今年以来 近年来 年度 以上 以下 左右 万元 亿元 万人 万名 余人 余名 余次
    余个 余家 余户 余场 余项 余人次 万人次 人次 工作 民政 民政局 民政部门
    """.split()
)


class VocabularyError(MinzhengError):
    """The theme vocabulary file is malformed: names the file, the line and what to fix."""


@dataclass(frozen=True)
class ReportTokens:
    """One report's tokens with what the measures need to label and scale them."""

    document: str
    region: str
    level: str
    year: int | None
    genre: str
    chars: int
    tokens: tuple[str, ...]
    names: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The region, which names the report in tables (the manifest allows one report per region)."""
        return self.region


# --- vocabulary ----------------------------------------------------------------------------------


def list_labels() -> dict[str, tuple[str, str]]:
    """Chinese and English labels of every word list: the codebook themes, then the extra lists."""
    return {**THEMES, **EXTRA_LISTS}


def list_label(name: str) -> str:
    """The English label of a word list (a codebook theme, service_delivery or other)."""
    if name == OTHER:
        return OTHER_LABEL
    return list_labels().get(name, ("", name))[1]


@lru_cache(maxsize=8)
def _read_vocabulary(path: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = []
    missing = [c for c in VOCAB_COLUMNS if c not in frame.columns]
    if missing:
        raise VocabularyError(f"{path}: missing column(s) {', '.join(missing)} (the header must be {','.join(VOCAB_COLUMNS)})")
    frame = frame[list(VOCAB_COLUMNS)].apply(lambda column: column.str.strip())
    known = list_labels()
    for line, row in zip(range(2, len(frame) + 2), frame.itertuples()):
        if row.theme not in known:
            problems.append(f"line {line}: unknown theme {row.theme!r} (use one of {', '.join(known)})")
        if not row.term:
            problems.append(f"line {line}: empty term")
    duplicated = frame[frame.duplicated(["theme", "term"], keep="first")]
    problems += [f"term {row.term!r} listed twice under {row.theme}" for row in duplicated.itertuples()]
    themed = frame[frame["theme"].isin(THEMES)]
    shared = themed[themed.duplicated("term", keep=False)]
    for term, rows in shared.groupby("term", sort=True):
        problems.append(f"term {term!r} is in two codebook themes ({', '.join(rows['theme'])}); a term may count for one theme only")
    party = set(frame.loc[frame["theme"] == "party_building", "term"])
    clash = sorted(party & set(frame.loc[frame["theme"] == SERVICE_DELIVERY, "term"]))
    if clash:
        problems.append(f"term(s) {', '.join(clash)} in both party_building and {SERVICE_DELIVERY}; the two lists are compared, keep them apart")
    if problems:
        raise VocabularyError(f"{path}:\n  " + "\n  ".join(problems))
    return frame.reset_index(drop=True)


def load_vocabulary(path: str | Path | None = None) -> pd.DataFrame:
    """The theme vocabulary (theme, term, gloss), validated; raises VocabularyError naming every problem."""
    return _read_vocabulary(str(path or paths.THEME_VOCAB_FILE)).copy()


def vocabulary_lists(vocab: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """Terms per list, lists in label order (codebook themes, then extra lists), terms in file order."""
    vocab = load_vocabulary() if vocab is None else vocab
    return {name: list(vocab.loc[vocab["theme"] == name, "term"]) for name in list_labels() if (vocab["theme"] == name).any()}


def check_vocabulary(vocab: pd.DataFrame | None = None, texts: Sequence[ReportTokens] | None = None) -> pd.DataFrame:
    """Report terms the measures cannot count: those jieba does not keep as one token, and (given texts) those in no report.

    Columns: theme, term, problem ('split' or 'absent'), detail. An empty frame means every term is countable
    and, with texts, found somewhere. A 'split' term never matches and needs a line in the jieba user dictionary.
    """
    vocab = load_vocabulary() if vocab is None else vocab
    seen: set[str] = set()
    for text in texts or ():
        seen.update(text.tokens)
    rows = []
    for row in vocab.itertuples():
        pieces = tokenize(row.term)
        if pieces != [row.term]:
            rows.append({"theme": row.theme, "term": row.term, "problem": "split", "detail": "jieba gives " + " / ".join(pieces or ["nothing"])})
        elif texts is not None and row.term not in seen:
            rows.append({"theme": row.theme, "term": row.term, "problem": "absent", "detail": f"in none of the {len(texts)} reports"})
    return pd.DataFrame(rows, columns=["theme", "term", "problem", "detail"])


# --- tokens --------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def cached_tokens(text: str) -> tuple[str, ...]:
    """The jieba tokens of a text, computed once per distinct text."""
    return tuple(tokenize(text))


def _report_names(report: Any) -> tuple[str, ...]:
    meta = getattr(report, "meta", {}) or {}
    names = [report.region, meta.get("province", ""), meta.get("parent_city", "")]
    return tuple(n for n in names if n)


def report_tokens(reports: Iterable[Any]) -> list[ReportTokens]:
    """Tokenize every report of a corpus (or an iterable of reports) once; ReportTokens pass through unchanged."""
    texts = []
    for report in reports:
        if isinstance(report, ReportTokens):
            texts.append(report)
            continue
        meta = getattr(report, "meta", {}) or {}
        texts.append(ReportTokens(
            document=report.file, region=report.region, level=report.level, year=report.year,
            genre=meta.get("genre", ""), chars=len(report.text), tokens=cached_tokens(report.text),
            names=_report_names(report),
        ))
    return texts


def _texts(source: Any) -> list[ReportTokens]:
    return source if isinstance(source, list) and all(isinstance(t, ReportTokens) for t in source) else report_tokens(source)


def per_chars(count: float, chars: int) -> float:
    """A count per 10,000 characters of clean text (0 for an empty text)."""
    return float(count) * PER_CHARS / chars if chars else 0.0


# --- theme vocabulary ----------------------------------------------------------------------------


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
    frame = pd.DataFrame([
        {
            "document": t.document, "region": t.region, "level": t.level, "year": t.year, "genre": t.genre,
            "theme": name, "theme_label": list_label(name), "terms": n_terms, "count": count,
            "tokens": len(t.tokens), "chars": t.chars, "per_10k_chars": per_chars(count, t.chars),
            "share_of_tokens": count / len(t.tokens) if t.tokens else 0.0,
        }
        for t, name, n_terms, count in rows
    ], columns=["document", "region", "level", "year", "genre", "theme", "theme_label", "terms", "count", "tokens", "chars", "per_10k_chars", "share_of_tokens"])
    return frame


def theme_shares(source: Any, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tokens of each codebook theme's vocabulary per report, plus `other`: counts, per 10,000 chars, share of tokens.

    The codebook themes' lists share no term, so per report the counts of the five themes and `other` add up to
    the report's tokens and the shares of tokens add up to 1. One row per report and theme, reports in corpus order.
    """
    lists = {k: v for k, v in vocabulary_lists(vocab).items() if k in THEMES}
    return _counts_frame(_texts(source), lists, other=True)


def list_shares(source: Any, names: Sequence[str] = PARTY_VS_SERVICE, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tokens of the named word lists per report (default party building vs service delivery); same columns as theme_shares."""
    lists = vocabulary_lists(vocab)
    unknown = [n for n in names if n not in lists]
    if unknown:
        raise VocabularyError(f"{paths.THEME_VOCAB_FILE}: no word list named {', '.join(unknown)} (lists: {', '.join(lists)})")
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
        rows.append({
            "region": region, "level": pb["level"], "year": pb["year"], "genre": pb["genre"],
            "chars": int(pb["chars"]), "tokens": int(pb["tokens"]),
            "party_building_tokens": int(pb["count"]), "service_delivery_tokens": int(sd["count"]),
            "party_building_per_10k_chars": round(float(pb["per_10k_chars"]), 1),
            "service_delivery_per_10k_chars": round(float(sd["per_10k_chars"]), 1),
            "party_building_share_of_tokens": round(float(pb["share_of_tokens"]), 4),
            "service_delivery_share_of_tokens": round(float(sd["share_of_tokens"]), 4),
            "party_to_service_ratio": round(float(pb["count"]) / float(sd["count"]), 2) if sd["count"] else float("nan"),
        })
    return pd.DataFrame(rows)


def party_vs_service_table(pvs: pd.DataFrame) -> pd.DataFrame:
    """party_vs_service for display: tokens and tokens per 10,000 characters of each list, and their ratio."""
    from minzheng.plotting import level_label

    return pd.DataFrame({
        "region": pvs["region"], "level": pvs["level"].map(level_label), "year": pvs["year"], "genre": pvs["genre"],
        "characters": pvs["chars"], "word tokens": pvs["tokens"],
        "party-building tokens": pvs["party_building_tokens"], "service-delivery tokens": pvs["service_delivery_tokens"],
        "party-building per 10k chars": pvs["party_building_per_10k_chars"],
        "service-delivery per 10k chars": pvs["service_delivery_per_10k_chars"],
        "party ÷ service": pvs["party_to_service_ratio"],
    })


def term_counts(source: Any, names: Sequence[str] | None = None, vocab: pd.DataFrame | None = None) -> pd.DataFrame:
    """The word lists with each term's count per report: theme, term, gloss, one column per region, total."""
    vocab = load_vocabulary() if vocab is None else vocab
    texts = _texts(source)
    names = list(names or vocabulary_lists(vocab))
    frame = vocab[vocab["theme"].isin(names)].copy()
    frame["order"] = frame["theme"].map({n: i for i, n in enumerate(names)})
    frame = frame.sort_values(["order"], kind="mergesort").drop(columns="order")
    for text in texts:
        counts = Counter(text.tokens)
        frame[text.label] = [counts[t] for t in frame["term"]]
    frame["total"] = frame[[t.label for t in texts]].sum(axis=1) if texts else 0
    return frame.reset_index(drop=True)


def top_terms(counts: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n most frequent terms of each list in a term_counts frame (terms no report uses left out; ties in file order)."""
    used = counts[counts["total"] > 0]
    order = list(dict.fromkeys(used["theme"]))
    parts = [used[used["theme"] == name].sort_values("total", ascending=False, kind="mergesort").head(n) for name in order]
    return pd.concat(parts).reset_index(drop=True) if parts else used


def word_list_text(vocab: pd.DataFrame, name: str) -> str:
    """A list's terms as 'term (gloss)', separated by semicolons, for display."""
    rows = vocab[vocab["theme"] == name]
    return "; ".join(f"{r.term} ({r.gloss})" for r in rows.itertuples())


def densest_sentences(corpus: Iterable[Any], terms: Sequence[str], n: int = 1) -> pd.DataFrame:
    """Per report, the n sentences holding most tokens of the terms (ties: earlier sentence): the evidence of a share."""
    wanted = set(terms)
    rows = []
    for report in corpus:
        scored = []
        for sentence in report.sentences:
            if sentence.is_heading:
                continue
            hits = [t for t in cached_tokens(sentence.text) if t in wanted]
            if hits:
                scored.append((-len(hits), sentence.start, sentence, hits))
        for count, _, sentence, hits in sorted(scored, key=lambda s: (s[0], s[1]))[:n]:
            rows.append({
                "region": report.region, "level": report.level, "year": report.year, "terms_found": -count,
                "terms": " ".join(dict.fromkeys(hits)), "sentence": sentence.text,
                "start": sentence.start, "end": sentence.end,
            })
    return pd.DataFrame(rows, columns=["region", "level", "year", "terms_found", "terms", "sentence", "start", "end"])


# --- key terms -----------------------------------------------------------------------------------


def place_names(texts: Sequence[ReportTokens]) -> tuple[str, ...]:
    """Every place name in the manifest rows of the texts (region, province, parent city)."""
    return tuple(sorted({name for text in texts for name in (text.names or (text.region,))}))


def content_tokens(text: ReportTokens, names: Sequence[str] = ()) -> list[str]:
    """Tokens of two or more characters that are not stop words and not part of a manifest place name."""
    return [
        t for t in text.tokens
        if len(t) >= MIN_TERM_CHARS and t not in STOPWORDS and not any(t in name for name in names)
    ]


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
            delta = np.log((y_i + alpha) / (n_i + prior_size - y_i - alpha)) - np.log((y_j + alpha) / (n_j + prior_size - y_j - alpha))
            z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
            scored.append((round(float(z), 6), term, y_i))
        scored.sort(key=lambda s: (-s[0], s[1]))
        for rank, (z, term, y_i) in enumerate(scored[:n], start=1):
            rows.append({
                "region": text.region, "level": text.level, "year": text.year, "rank": rank, "term": term,
                "z": round(z, 2), "count": y_i, "per_10k_chars": round(per_chars(y_i, text.chars), 1),
                "other_reports": sum(1 for other in docs if other is not doc and other[term] > 0),
            })
    return pd.DataFrame(rows, columns=columns)


def key_terms_wide(keys: pd.DataFrame) -> pd.DataFrame:
    """One row per report: its key terms in rank order as 'term (count)'."""
    rows = [
        {"region": region, "level": g["level"].iloc[0], "year": g["year"].iloc[0],
         "key terms (count in the report)": "、".join(f"{r.term} ({r.count})" for r in g.itertuples())}
        for region, g in keys.groupby("region", sort=False)
    ]
    return pd.DataFrame(rows, columns=["region", "level", "year", "key terms (count in the report)"])


# --- similarity ----------------------------------------------------------------------------------


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
    meta = table.set_index("region") if table is not None else None
    rows = []
    labels = list(sim.index)
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            row = {"region_a": a, "region_b": b, "similarity": round(float(sim.loc[a, b]), 3)}
            if meta is not None:
                for key in ("level", "year", "genre"):
                    row[f"same_{key}"] = bool(meta.loc[a, key] == meta.loc[b, key])
            rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=["region_a", "region_b", "similarity", "same_level", "same_year", "same_genre"])
    return frame.sort_values(["similarity", "region_a", "region_b"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)


# --- charts --------------------------------------------------------------------------------------


def _tick(region: str, level: str, year: object) -> str:
    from minzheng.plotting import level_tick

    return f"{region} {year}\n{level_tick(level)}" if year is not None and str(year) not in ("", "nan", "None") else f"{region}\n{level_tick(level)}"


def list_bars(shares: pd.DataFrame, *, value: str = "per_10k_chars", title: str = "", unit: str = "tokens per 10,000 characters", ax: Any = None) -> Any:
    """Grouped bars: per report, one bar per word list (e.g. party building vs service delivery); year and level in the ticks."""
    import matplotlib.pyplot as plt

    from minzheng.plotting import HOUSE_PALETTE, format_number

    regions = list(dict.fromkeys(shares["region"]))
    lists = list(dict.fromkeys(shares["theme"]))
    meta = shares.drop_duplicates("region").set_index("region")
    if ax is None:
        _, ax = plt.subplots(figsize=(max(5.0, 1.2 * len(regions) * max(1, len(lists)) / 2 + 2.0), 4.0))
    width = 0.8 / max(1, len(lists))
    for k, name in enumerate(lists):
        values = [float(shares[(shares["region"] == r) & (shares["theme"] == name)][value].iloc[0]) for r in regions]
        xs = [x - 0.4 + width * (k + 0.5) for x in range(len(regions))]
        bars = ax.bar(xs, values, width=width, color=HOUSE_PALETTE[k % len(HOUSE_PALETTE)], label=list_label(name))
        ax.bar_label(bars, labels=[format_number(round(v, 1)) for v in values], padding=2, fontsize=7)
    ax.set_xticks(range(len(regions)), [_tick(r, meta.loc[r, "level"], meta.loc[r, "year"]) for r in regions])
    ax.set_ylabel(unit)
    ax.set_title(title)
    ax.margins(y=0.15)
    ax.legend(loc="upper right")
    return ax.figure


def similarity_heatmap(sim: pd.DataFrame, table: pd.DataFrame | None = None, *, title: str = "", ax: Any = None) -> Any:
    """Heatmap of the similarity matrix, values in the cells, region and level in the labels; the colour scale ends at the
    largest similarity between two different reports, so the diagonal (1) shows at full colour."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from minzheng.plotting import region_tick

    levels = dict(zip(table["region"], table["level"])) if table is not None else {}
    labels = [region_tick(r, levels.get(r, "")) for r in sim.index]
    if ax is None:
        size = max(3.5, 0.9 * len(sim) + 2.0)
        _, ax = plt.subplots(figsize=(size + 1.0, size))
    values = sim.to_numpy(dtype=float)
    off = values[~np.eye(len(values), dtype=bool)]
    top = float(np.ceil(off.max() * 10) / 10) if off.size and off.max() > 0 else 1.0
    sns.heatmap(
        values, ax=ax, vmin=0, vmax=top, cmap="Blues", annot=True, fmt=".2f", square=True,
        linewidths=0.5, linecolor="#d9d9d9", cbar_kws={"label": "cosine similarity (TF-IDF); the diagonal is 1", "shrink": 0.8},
        xticklabels=labels, yticklabels=labels, annot_kws={"fontsize": 8},
    )
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", labelrotation=0, length=0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title)
    return ax.figure


# --- facts for sentences -------------------------------------------------------------------------


def _join(items: Sequence[str]) -> str:
    """Join words as English prose ('none' when empty)."""
    items = [str(i) for i in items]
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def party_vs_service_facts(pvs: pd.DataFrame) -> dict[str, Any]:
    """Party-building against service-delivery vocabulary in numbers: who uses more of which, and the ranges."""
    if pvs.empty:
        return {"n": 0, "more": 0, "more_regions": "none", "pb_min": 0, "pb_min_region": "none", "pb_max": 0,
                "pb_max_region": "none", "sd_min": 0, "sd_min_region": "none", "sd_max": 0, "sd_max_region": "none"}
    more = list(pvs.loc[pvs["party_building_tokens"] > pvs["service_delivery_tokens"], "region"])

    def extreme(column: str, pick: str) -> tuple[float, str]:
        ordered = pvs.sort_values([column, "region"], ascending=[pick == "min", True], kind="mergesort")
        return float(ordered[column].iloc[0]), str(ordered["region"].iloc[0])

    pb_min, pb_min_region = extreme("party_building_per_10k_chars", "min")
    pb_max, pb_max_region = extreme("party_building_per_10k_chars", "max")
    sd_min, sd_min_region = extreme("service_delivery_per_10k_chars", "min")
    sd_max, sd_max_region = extreme("service_delivery_per_10k_chars", "max")
    return {
        "n": len(pvs), "more": len(more), "more_regions": _join(more),
        "pb_min": pb_min, "pb_min_region": pb_min_region, "pb_max": pb_max, "pb_max_region": pb_max_region,
        "sd_min": sd_min, "sd_min_region": sd_min_region, "sd_max": sd_max, "sd_max_region": sd_max_region,
    }


def vocabulary_check_facts(check: pd.DataFrame, vocab: pd.DataFrame) -> dict[str, Any]:
    """The vocabulary check in numbers: terms in the lists, terms jieba splits, terms found in no report."""
    split = check[check["problem"] == "split"]
    absent = check[check["problem"] == "absent"]
    return {
        "terms": int(vocab["term"].nunique()),
        "split": len(split), "split_terms": "、".join(dict.fromkeys(split["term"])) or "none",
        "absent": int(absent["term"].nunique()), "absent_terms": "、".join(dict.fromkeys(absent["term"])) or "none",
    }
