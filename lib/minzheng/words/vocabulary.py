"""Theme vocabularies: the word lists per theme, read from data and checked."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.codebook import THEMES
from minzheng.errors import MinzhengError
from minzheng.words.tokens import ReportTokens

VOCAB_COLUMNS = ("theme", "term", "gloss")


SERVICE_DELIVERY = "service_delivery"


# Word lists beside the codebook themes: they may repeat terms of the service themes, never of party building.
EXTRA_LISTS = {SERVICE_DELIVERY: ("服务供给", "Service delivery")}


PARTY_VS_SERVICE = ("party_building", SERVICE_DELIVERY)


OTHER = "other"


OTHER_LABEL = "Other words (no theme)"


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
        raise VocabularyError(
            f"{path}: missing column(s) {', '.join(missing)} (the header must be {','.join(VOCAB_COLUMNS)})"
        )
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
        problems.append(
            f"term {term!r} is in two codebook themes ({', '.join(rows['theme'])}); a term may count for one theme only"
        )
    party = set(frame.loc[frame["theme"] == "party_building", "term"])
    clash = sorted(party & set(frame.loc[frame["theme"] == SERVICE_DELIVERY, "term"]))
    if clash:
        problems.append(
            f"term(s) {', '.join(clash)} in both party_building and {SERVICE_DELIVERY}; the two lists are compared, keep them apart"
        )
    if problems:
        raise VocabularyError(f"{path}:\n  " + "\n  ".join(problems))
    return frame.reset_index(drop=True)


def load_vocabulary(path: str | Path | None = None) -> pd.DataFrame:
    """The theme vocabulary (theme, term, gloss), validated; raises VocabularyError naming every problem."""
    return _read_vocabulary(str(path or paths.THEME_VOCAB_FILE)).copy()


def vocabulary_lists(vocab: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """Terms per list, lists in label order (codebook themes, then extra lists), terms in file order."""
    vocab = load_vocabulary() if vocab is None else vocab
    return {
        name: list(vocab.loc[vocab["theme"] == name, "term"])
        for name in list_labels()
        if (vocab["theme"] == name).any()
    }


def check_vocabulary(vocab: pd.DataFrame | None = None, texts: Sequence[ReportTokens] | None = None) -> pd.DataFrame:
    """Report terms the measures cannot count: those jieba does not keep as one token, and (given texts) those in no report.

    Columns: theme, term, problem ('split' or 'absent'), detail. An empty frame means every term is countable
    and, with texts, found somewhere. A 'split' term never matches and needs a line in the jieba user dictionary.
    """
    vocab = load_vocabulary() if vocab is None else vocab
    seen: set[str] = set()
    for text in texts or ():
        seen.update(text.tokens)
    from minzheng.words.token_cache import text_tokens

    segmented = text_tokens(vocab["term"])  # through the token store: a warm run starts no jieba for this
    rows = []
    for row in vocab.itertuples():
        pieces = list(segmented[row.term])
        if pieces != [row.term]:
            rows.append(
                {
                    "theme": row.theme,
                    "term": row.term,
                    "problem": "split",
                    "detail": "jieba gives " + " / ".join(pieces or ["nothing"]),
                }
            )
        elif texts is not None and row.term not in seen:
            rows.append(
                {
                    "theme": row.theme,
                    "term": row.term,
                    "problem": "absent",
                    "detail": f"in none of the {len(texts)} reports",
                }
            )
    return pd.DataFrame(rows, columns=["theme", "term", "problem", "detail"])


def word_list_text(vocab: pd.DataFrame, name: str) -> str:
    """A list's terms as 'term (gloss)', separated by semicolons, for display."""
    rows = vocab[vocab["theme"] == name]
    return "; ".join(f"{r.term} ({r.gloss})" for r in rows.itertuples())
