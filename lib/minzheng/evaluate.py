"""Score extraction against the hand-annotated gold files: precision, recall, F1 and attribute accuracy."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.codebook import load_codebook
from minzheng.read.chinese_script import convert_to_simplified

GOLD_COLUMNS = ["indicator", "value", "unit", "qualifier", "modality", "period", "raw", "note"]


ATTRIBUTES = ("unit", "qualifier", "modality", "period")


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 over matched, predicted and gold counts."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(gold: Path = paths.GOLD_DIR) -> pd.DataFrame:
    """All gold rows with their document: a folder of `<stem>.csv` per report, or one CSV with a `file` column."""
    gold = Path(gold)
    dtypes = {"raw": str, "unit": str, "qualifier": str, "modality": str, "note": str, "file": str}
    if gold.is_file():
        frame = pd.read_csv(gold, dtype=dtypes).rename(columns={"file": "document"})
        frames = [frame[["document", *GOLD_COLUMNS]]]
    else:
        frames = []
        for path in sorted(gold.glob("*.csv")):
            frame = pd.read_csv(path, dtype=dtypes)
            frame.insert(0, "document", path.stem + ".txt")
            frames.append(frame)
    gold_rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["document", *GOLD_COLUMNS])
    gold_rows["period"] = pd.array(gold_rows["period"], dtype="Int64")
    return gold_rows.fillna({"unit": "", "qualifier": "", "raw": "", "modality": "", "note": ""})


def name_key(text: object) -> str:
    """A text row's name in comparable form: simplified, without spaces or quote marks."""
    return re.sub(r"[\s“”‘’「」『』\"]", "", convert_to_simplified(str(text)))


def row_key(row: pd.Series) -> tuple[object, ...]:
    """What identifies a row for matching: document, indicator, and value or name."""
    value = row["value"]
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return (row["document"], row["indicator"], name_key(row["raw"]))
    return (row["document"], row["indicator"], round(float(value), 4))


def match_rows(predicted: pd.DataFrame, gold: pd.DataFrame) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair predicted and gold rows by key; return pairs, unmatched predicted and unmatched gold indexes."""
    open_gold: dict[tuple[object, ...], list[int]] = {}
    for index, row in gold.iterrows():
        open_gold.setdefault(row_key(row), []).append(index)
    pairs, spurious = [], []
    for index, row in predicted.iterrows():
        candidates = open_gold.get(row_key(row))
        if candidates:
            pairs.append((index, candidates.pop(0)))
        else:
            spurious.append(index)
    missed = sorted(i for rest in open_gold.values() for i in rest)
    return pairs, spurious, missed


def same(a: object, b: object) -> bool:
    """Equality that treats missing values alike."""
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return str(a) == str(b)


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, object]:
    """Scores overall and per theme, attribute accuracy on matched rows, and the misses and spurious rows."""
    pairs, spurious, missed = match_rows(predicted, gold)
    themes = load_codebook().set_index("id")["theme"].to_dict()
    gold = gold.assign(theme=gold["indicator"].map(lambda i: themes.get(i, "not in codebook")))
    overall = Scores(len(pairs), len(predicted), len(gold))
    per_theme = {}
    for theme in sorted(set(predicted["theme"]) | set(gold["theme"])):
        matched = sum(predicted.loc[p, "theme"] == theme for p, _ in pairs)
        per_theme[theme] = Scores(
            matched, int((predicted["theme"] == theme).sum()), int((gold["theme"] == theme).sum())
        )
    accuracy = {}
    for attribute in ATTRIBUTES:
        relevant = [
            (p, g) for p, g in pairs if attribute not in ("unit", "qualifier") or not pd.isna(gold.loc[g, "value"])
        ]
        agree = sum(same(predicted.loc[p, attribute], gold.loc[g, attribute]) for p, g in relevant)
        accuracy[attribute] = agree / len(relevant) if relevant else 1.0
    disagreements = [
        (attribute, predicted.loc[p], gold.loc[g])
        for attribute in ATTRIBUTES
        for p, g in pairs
        if (attribute not in ("unit", "qualifier") or not pd.isna(gold.loc[g, "value"]))
        and not same(predicted.loc[p, attribute], gold.loc[g, attribute])
    ]
    return {
        "overall": overall,
        "per_theme": per_theme,
        "accuracy": accuracy,
        "missed": gold.loc[missed],
        "spurious": predicted.loc[spurious],
        "disagreements": disagreements,
    }


def format_report(result: dict[str, object]) -> str:
    """The evaluation as readable text."""
    lines = ["theme                                   precision  recall     F1   matched/predicted/gold"]

    def line(name: str, s: Scores) -> str:
        return f"{name:<40}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}   {s.matched}/{s.predicted}/{s.gold}"

    lines += [line(theme, scores) for theme, scores in result["per_theme"].items()]
    lines.append(line("overall", result["overall"]))
    lines.append("")
    lines.append(
        "attribute accuracy on matched rows: " + ", ".join(f"{k} {v:.3f}" for k, v in result["accuracy"].items())
    )
    lines.append("")
    lines.append(f"missed ({len(result['missed'])}):")
    lines += [f"  {r.document}  {r.indicator}  {r.value}  {r.raw}" for r in result["missed"].itertuples()]
    lines.append(f"spurious ({len(result['spurious'])}):")
    lines += [
        f"  {r.document}  {r.indicator}  {r.value}  {r.raw}  | {r.evidence[:60]}"
        for r in result["spurious"].itertuples()
    ]
    lines.append(f"attribute disagreements ({len(result['disagreements'])}):")
    lines += [
        f"  {attribute}: {p['document']} {p['indicator']} {p['raw']}: extracted {p[attribute]!s}, gold {g[attribute]!s}"
        for attribute, p, g in result["disagreements"]
    ]
    return "\n".join(lines)
