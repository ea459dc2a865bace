"""The indicator codebook: one data file that extraction, notebooks and the data dictionary all read."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from minzheng import paths

QUOTES = '“”‘’「」『』"'


TERM_SEPARATOR = "…"


THEMES = {
    "social_assistance": ("社会救助", "Social assistance"),
    "elderly_care": ("养老服务", "Elderly care"),
    "child_protection": ("儿童福利与未成年人保护", "Child welfare and protection"),
    "party_building": ("党建", "Party building"),
    "social_organisations_and_governance": (
        "社会组织、慈善、社工与基层治理",
        "Social organisations, charity and governance",
    ),
}


# Any quote mark: a text holding none is matched by a term's plain pattern, the same as by its quote-tolerant one.
QUOTE_MARK = re.compile(f"[{re.escape(QUOTES)}]")


class Term:
    """A cue term compiled twice: plainly, and tolerating quote marks between its characters (“低保”标准). Texts
    without a quote mark, nearly all, are searched with the plain pattern, which compiles twenty times faster and
    matches the same spans there; the tolerant one is compiled when a span in quoted words is first needed."""

    __slots__ = ("plain", "pattern", "_tolerant", "names_a_quote")

    def __init__(self, plain: str, tolerant: str) -> None:
        self.plain = re.compile(plain)
        self.pattern = tolerant
        self._tolerant: re.Pattern[str] | None = None
        self.names_a_quote = QUOTE_MARK.search(plain) is not None  # an exclusion of quoted words (”)

    def stands_in(self, text: str, bare: str) -> bool:
        """Whether the term stands in a text, given the text without its quote marks (`bare`, made once per text): the
        plain pattern on the bare text says the same as the tolerant one on the text, at a fraction of its compiling."""
        return (self.search(text) if self.names_a_quote else self.plain.search(bare)) is not None

    def _for(self, text: str) -> re.Pattern[str]:
        """The pattern that matches this text as the tolerant one would: the plain one when it holds no quote mark."""
        if QUOTE_MARK.search(text) is None:
            return self.plain
        if self._tolerant is None:
            self._tolerant = re.compile(self.pattern)
        return self._tolerant

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in the text (between pos and endpos), quote marks between characters tolerated."""
        return self._for(text).search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in the text, quote marks between characters tolerated."""
        return self._for(text).finditer(text)

    @classmethod
    def union(cls, terms: Iterable[Term]) -> Term:
        """One term matching wherever any of these does."""
        terms = list(terms)
        return cls("|".join(f"(?:{t.plain.pattern})" for t in terms), "|".join(f"(?:{t.pattern})" for t in terms))


@dataclass(frozen=True)
class Cue:
    """One way reports phrase an indicator: a head term, and modifier terms that stand anywhere before it."""

    terms: tuple[str, ...]
    patterns: tuple[Term, ...]

    @property
    def head(self) -> Term:
        """The term that must stand in the figure's own subject."""
        return self.patterns[-1]

    @property
    def modifiers(self) -> tuple[Term, ...]:
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
    excludes: tuple[Term, ...]
    keep: str = ""


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Words a cue term also matches (低保: 最低生活保障), from the library's synonyms file."""
    frame = pd.read_csv(paths.SYNONYMS_FILE, dtype=str, keep_default_na=False)
    table: dict[str, tuple[str, ...]] = {}
    for row in frame.itertuples():
        table[row.term] = (*table.get(row.term, ()), row.synonym)
    return table


def spelled(word: str, gap: str) -> str:
    """A word as a pattern with `gap` between its characters."""
    return gap.join(re.escape(ch) for ch in word)


def term_pattern(term: str) -> Term:
    """Compile a cue term: the term or any synonym of a word in it, quote marks tolerated between characters."""
    table = synonyms()
    words = sorted(table, key=len, reverse=True)

    def joined(gap: str) -> str:
        parts, position = [], 0
        while position < len(term):
            word = next((w for w in words if term.startswith(w, position)), None)
            if word is None:
                parts.append(spelled(term[position], gap))
                position += 1
                continue
            parts.append("(?:" + "|".join(spelled(w, gap) for w in (word, *table[word])) + ")")
            position += len(word)
        return gap.join(parts)

    return Term(joined(""), joined(f"[{re.escape(QUOTES)}]*"))


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


def section_ids(theme: str, section: str) -> tuple[str, ...]:
    """The ids a theme notebook shows in one section (codebook `section`), in the codebook's `section_rank` order."""
    book = _codebook_frame()
    rows = book[(book["theme"] == theme) & (book["section"] == section)]
    return tuple(rows.sort_values("section_rank", key=lambda s: s.astype(int), kind="stable")["id"])


def sections_of(theme: str) -> dict[str, tuple[str, ...]]:
    """Every section of a theme notebook with its ids, sections in the order they first appear in the codebook."""
    book = _codebook_frame()
    names = dict.fromkeys(book.loc[(book["theme"] == theme) & (book["section"] != ""), "section"])
    return {name: section_ids(theme, name) for name in names}


def ids_where(column: str, value: str | None = None) -> tuple[str, ...]:
    """Ids whose codebook `column` equals `value` (or is filled at all when value is None), in codebook order."""
    book = _codebook_frame()
    chosen = book[column] != "" if value is None else book[column] == value
    return tuple(book.loc[chosen, "id"])


@cache
def _column_map(column: str) -> tuple[tuple[str, str], ...]:
    book = _codebook_frame()
    filled = book[book[column] != ""]
    return tuple(zip(filled["id"], filled[column]))


def column_map(column: str) -> dict[str, str]:
    """Id → value of a codebook column, for the ids where it is filled."""
    return dict(_column_map(column))


@cache
def text_kind_id(kind: str) -> str:
    """The id of a text indicator by its codebook `text_kind` (party_brand, party_plus_model, service_brand)."""
    found = ids_where("text_kind", kind)
    if len(found) != 1:
        raise KeyError(f"codebook: expected one indicator of text_kind {kind!r}, found {len(found)}")
    return found[0]


def theme_ids_of_kind(theme: str, kind: str) -> tuple[str, ...]:
    """Ids of one theme and kind (number or text), in codebook order."""
    book = _codebook_frame()
    return tuple(book.loc[(book["theme"] == theme) & (book["kind"] == kind), "id"])
