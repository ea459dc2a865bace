"""What a notebook opens with: the cross-section and every report, their figures, the codebook, levels and the output
folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from minzheng import paths, writers
from minzheng.codebook import load_codebook
from minzheng.compare.figure_tables import levels_of
from minzheng.corpus import Corpus, load_corpus
from minzheng.corpus.selection import with_labels
from minzheng.present.style import use_house_style
from minzheng.words.shares import report_tokens
from minzheng.words.tokens import ReportTokens
from minzheng.words.vocabulary import load_vocabulary


@dataclass
class Page:
    """One notebook's inputs, read once: `reports` (one row per report of the cross-section), `figures` (one row per
    figure), `out`; `whole` and `all_figures` hold every report of the selected regions and its figures, for series."""

    name: str
    corpus: Corpus
    output_dir: str | Path | None = None
    codebook: pd.DataFrame = field(default_factory=load_codebook)

    @cached_property
    def out(self) -> Path:
        """The folder this notebook saves its tables in (output_dir/<name>/), created when first asked for."""
        return writers.output_folder(self.output_dir, self.name)

    @cached_property
    def reports(self) -> pd.DataFrame:
        """One row per report: metadata, sizes, cleaning summary, problems."""
        return self.corpus.table()

    @cached_property
    def figures(self) -> pd.DataFrame:
        """Every extracted figure with its evidence."""
        return self.corpus.indicators()

    @property
    def whole(self) -> Corpus:
        """Every report of the selected regions, the cross-section's source."""
        return self.corpus.source or self.corpus

    @cached_property
    def all_figures(self) -> pd.DataFrame:
        """Every figure of every report of the selected regions."""
        return self.whole.indicators()

    def for_reports(self, reference: pd.DataFrame) -> pd.DataFrame:
        """Reference rows keyed by region, repeated under the label of each report a region has in the cross-section."""
        return with_labels(reference, self.corpus.reports)

    @cached_property
    def levels(self) -> dict[str, str]:
        """Region → administrative level."""
        return levels_of(self.reports)

    @cached_property
    def vocabulary(self) -> pd.DataFrame:
        """The theme vocabularies."""
        return load_vocabulary()

    @cached_property
    def texts(self) -> list[ReportTokens]:
        """Each report's jieba tokens."""
        return report_tokens(self.corpus)


def open_page(
    name: str,
    corpus_dir: str | Path | None = None,
    regions: str | None = None,
    output_dir: str | Path | None = None,
    strict: bool = False,
    per_region: str = "latest",
) -> Page:
    """Set the house style, load the corpus (the project's seeds/ by default), take its cross-section (`latest`: the
    newest report of each region; `all`: every report) and create `output_dir/<name>/`."""
    use_house_style()
    corpus = load_corpus(paths.resolve_corpus_dir(corpus_dir), regions=regions, strict=strict)
    return Page(name, corpus.select(per_region), output_dir)
