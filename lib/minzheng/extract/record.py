"""The record every extractor produces: one figure or name, where it stands, and how it was stated."""

from __future__ import annotations

from dataclasses import dataclass

from minzheng.codebook import Indicator
from minzheng.read.sentences import Sentence


@dataclass
class Row:
    """One extracted figure, in the codebook's record shape."""

    indicator: Indicator
    value: float | None
    unit: str
    qualifier: str
    modality: str
    period: int | None
    raw: str
    sentence: Sentence
    start: int
    end: int
    mentions: int = 1
    part: bool = False
    tier: bool = False
    division: bool = False
