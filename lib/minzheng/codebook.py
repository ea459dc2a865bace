"""The indicator codebook: one data file that extraction, notebooks and the data dictionary all read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from minzheng import paths

QUOTES = "“”‘’「」『』\""
TERM_SEPARATOR = "…"
THEMES = {
    "social_assistance": ("社会救助", "Social assistance"),
    "elderly_care": ("养老服务", "Elderly care"),
    "child_protection": ("儿童福利与未成年人保护", "Child welfare and protection"),
    "party_building": ("党建", "Party building"),
    "social_organisations_and_governance": ("社会组织、慈善、社工与基层治理", "Social organisations, charity and governance"),
}


@dataclass(frozen=True)
class Cue:
    """One way reports phrase an indicator: modifier terms, then the head term, in order."""

    terms: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    @property
    def head(self) -> re.Pattern[str]:
        """The term that must stand in the figure's own subject."""
        return self.patterns[-1]

    @property
    def modifiers(self) -> tuple[re.Pattern[str], ...]:
        """The terms that may stand earlier in the sentence."""
        return self.patterns[:-1]

    @property
    def weight(self) -> int:
        """How specific the cue is: the characters it names."""
        return sum(len(t) for t in self.terms)


@dataclass(frozen=True)
class Indicator:
    """A codebook indicator with its cues and exclusions compiled."""

    id: str
    theme: str
    label_zh: str
    label_en: str
    unit: str
    kind: str
    cues: tuple[Cue, ...]
    excludes: tuple[re.Pattern[str], ...]
    keep: str = ""


def term_pattern(term: str) -> re.Pattern[str]:
    """Compile a cue term that tolerates quote marks between its characters."""
    gap = f"[{re.escape(QUOTES)}]*"
    return re.compile(gap.join(re.escape(ch) for ch in term))


def parse_cues(text: str) -> tuple[Cue, ...]:
    """Parse the codebook's cue cell: alternatives separated by |, terms by …."""
    cues = []
    for alternative in filter(None, (a.strip() for a in text.split("|"))):
        terms = tuple(t for t in alternative.split(TERM_SEPARATOR) if t)
        cues.append(Cue(terms, tuple(term_pattern(t) for t in terms)))
    return tuple(cues)


@lru_cache(maxsize=1)
def _codebook_frame() -> pd.DataFrame:
    return pd.read_csv(paths.CODEBOOK_FILE, dtype=str, keep_default_na=False)


def load_codebook() -> pd.DataFrame:
    """The codebook as a DataFrame: id, theme, label_zh, label_en, unit, kind, cues, exclude, keep, notes."""
    return _codebook_frame().copy()


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """Every codebook indicator, compiled for extraction."""
    return tuple(
        Indicator(
            id=row.id,
            theme=row.theme,
            label_zh=row.label_zh,
            label_en=row.label_en,
            unit=row.unit,
            kind=row.kind,
            cues=parse_cues(row.cues),
            excludes=tuple(term_pattern(t) for t in row.exclude.split("|") if t),
            keep=row.keep,
        )
        for row in _codebook_frame().itertuples()
    )


def indicator(indicator_id: str) -> Indicator:
    """Look up one indicator by id."""
    for item in indicators():
        if item.id == indicator_id:
            return item
    raise KeyError(f"unknown indicator id {indicator_id!r}: see {paths.CODEBOOK_FILE}")


def theme_label(theme: str) -> str:
    """The English label of a theme id."""
    return THEMES.get(theme, ("", theme))[1]
