"""Score extraction on every real-text set whose texts are present: `make realtext` (tests/realtext/README.md).

The texts are other people's words and are not committed; after they are gathered again into `realtext/`, this prints,
per set, how many of its texts are present, how many gold `raw` figures are found in them (a check that each saved page
is the annotated one), and precision, recall and F1 over the texts present, then the totals per theme.
`python -m tests.realtext_scores --misses blind59` prints one set's missed and spurious rows too.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.corpus import load_corpus
from minzheng.evaluate import Scores, evaluate, load_gold

HERE = Path(__file__).parent / "realtext"
TEXTS = paths.PROJECT_ROOT / "realtext"


@dataclass(frozen=True)
class RealSet:
    """One set of real texts: the development set or a blind batch, with its folder, manifest and gold."""

    name: str
    folder: Path
    sources: Path
    gold: Path


def real_sets() -> list[RealSet]:
    """The development set, then every blind batch in the order of its number."""
    batches = sorted(
        (path.name.removesuffix("_sources.csv") for path in HERE.glob("blind*_sources.csv")),
        key=lambda name: int(name.removeprefix("blind") or 1),
    )
    return [RealSet("development", TEXTS, HERE / "sources.csv", HERE / "gold.csv")] + [
        RealSet(batch, TEXTS / batch, HERE / f"{batch}_sources.csv", HERE / f"{batch}_gold.csv") for batch in batches
    ]


def present_sources(real: RealSet) -> tuple[pd.DataFrame, int]:
    """The manifest rows whose text is in the set's folder, and the number of rows in all."""
    sources = pd.read_csv(real.sources, dtype=str, keep_default_na=False)
    present = sources[sources["file"].map(lambda name: (real.folder / name).is_file())]
    return present.reset_index(drop=True), len(sources)


def score_present(real: RealSet, present: pd.DataFrame) -> dict[str, object]:
    """Extraction scored against the gold rows of the texts present (`evaluate`'s result)."""
    with tempfile.TemporaryDirectory() as scratch:
        manifest = Path(scratch) / "sources.csv"
        present.to_csv(manifest, index=False)
        gold = load_gold(real.gold)
        gold = gold[gold["document"].isin(set(present["file"]))].reset_index(drop=True)
        predicted = load_corpus(real.folder, manifest=manifest).indicators()
    return evaluate(predicted[predicted["document"].isin(set(gold["document"]))].reset_index(drop=True), gold)


def raws_found(real: RealSet, present: pd.DataFrame) -> tuple[int, int]:
    """How many gold `raw` figures of the texts present occur in them (spaces ignored), and how many there are."""
    gold = pd.read_csv(real.gold, dtype=str, keep_default_na=False)
    found = total = 0
    for name in present["file"]:
        text = re.sub(r"\s", "", (real.folder / name).read_text(encoding="utf-8", errors="replace"))
        raws = [re.sub(r"\s", "", raw) for raw in gold.loc[gold["file"] == name, "raw"] if raw]
        found += sum(raw in text for raw in raws)
        total += len(raws)
    return found, total


def line(name: str, s: Scores) -> str:
    """One printed line of scores."""
    return f"{name:<58}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   {s.matched}/{s.predicted}/{s.gold}"


def main(argv: list[str]) -> int:
    """Print the scores of every set present; with --misses NAME, that set's missed and spurious rows."""
    misses = argv[argv.index("--misses") + 1] if "--misses" in argv else ""
    print(f"{'set':<14}{'texts':>9}{'raws found':>13}      P      R     F1   matched/predicted/gold")
    totals: dict[str, list[int]] = {}
    absent = []
    for real in real_sets():
        present, total = present_sources(real)
        if present.empty:
            absent.append(real.name)
            continue
        result = score_present(real, present)
        found, raws = raws_found(real, present)
        overall = result["overall"]
        print(f"{real.name:<14}{len(present):>4}/{total:<4}{found:>7}/{raws:<5}" + line("", overall)[58:])
        for theme, scores in {"overall": overall, **result["per_theme"]}.items():
            kept = totals.setdefault(theme, [0, 0, 0])
            kept[:] = [kept[0] + scores.matched, kept[1] + scores.predicted, kept[2] + scores.gold]
        if real.name == misses:
            for _, row in result["missed"].iterrows():
                print(f"    missed   {row['document']} {row['indicator']} {row['raw']}")
            for _, row in result["spurious"].iterrows():
                print(f"    spurious {row['document']} {row['indicator']} {row['value']}")
    if absent:
        print(f"absent (no text in realtext/): {', '.join(absent)}")
    if not totals:
        print("realtext/ holds no text of any set: gather them again first (tests/realtext/README.md)")
        return 1
    print()
    for theme, (matched, predicted, gold) in totals.items():
        print(line(f"all sets present: {theme}", Scores(matched, predicted, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
