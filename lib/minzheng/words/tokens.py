"""Word segmentation with jieba and the library's domain dictionary, loaded once and silently."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from minzheng import paths

if TYPE_CHECKING:
    import jieba

WORD = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain user dictionary, initialised once without log lines (jieba is imported here,
    not with the module: it costs 0.15 s, and a warm run reads its tokens from the cache)."""
    import jieba

    jieba.setLogLevel(logging.ERROR)
    instance = jieba.Tokenizer()
    instance.initialize()
    instance.load_userdict(str(paths.USER_DICT_FILE))
    return instance


def tokenize(text: str) -> list[str]:
    """Segment text into words, keeping only tokens that hold a Chinese character."""
    return [token for token in tokenizer().lcut(text) if WORD.search(token)]


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
        """The region, which names the report in tables (a label naming its year where a region has several)."""
        return self.region
