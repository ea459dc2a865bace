"""Which reports name which mechanisms, service models, network parts and demonstration statuses, with evidence.

The catalogue is a data file (data/mechanisms.csv): one row per mechanism with its theme, category, Chinese label,
English gloss and the regular-expression patterns that name it; `requires` must also occur in the sentence, and
`exclude` must not occur next to the match (within EXCLUDE_WINDOW characters). A mention is one sentence of one
report; whether it is achieved or planned follows the extractor's rules (plan sections, plan words before the match)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from minzheng import paths
from minzheng.extract.modality import figure_modality, is_planned, section_contexts

MECHANISMS_FILE = paths.DATA_DIR / "mechanisms.csv"


CATALOGUE_COLUMNS = ["id", "theme", "category", "label_zh", "label_en", "patterns", "requires", "exclude", "notes"]


EXCLUDE_WINDOW = 8


MENTION_COLUMNS = [
    "region",
    "level",
    "year",
    "document",
    "theme",
    "category",
    "mechanism",
    "label_zh",
    "label_en",
    "matched",
    "modality",
    "status",
    "evidence",
    "sentence",
    "start",
    "end",
]


# How a sentence speaks of a demonstration or pilot status.
AWARDED = re.compile(r"获评|获批|获得|入选|被确定为|确定为|荣获|评为|被评为|列为|列入|成功获批|表扬")


SOUGHT = re.compile(r"争创|创建|申报|力争|争取|积极创建")


NAMED = "named"


PLANNED = "planned"


@dataclass(frozen=True)
class Mechanism:
    """One catalogue row with its patterns compiled."""

    id: str
    theme: str
    category: str
    label_zh: str
    label_en: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    exclude: re.Pattern[str] | None

    def matches(self, text: str) -> list[re.Match[str]]:
        """Every match in a sentence that passes `requires` (in the sentence) and `exclude` (next to the match)."""
        if self.requires is not None and not self.requires.search(text):
            return []
        found = []
        for match in self.pattern.finditer(text):
            window = text[max(0, match.start() - EXCLUDE_WINDOW) : match.end() + EXCLUDE_WINDOW]
            if self.exclude is None or not self.exclude.search(window):
                found.append(match)
        return found


def load_catalogue(path: str | Path | None = None) -> pd.DataFrame:
    """Read the mechanisms catalogue (every column text); raises ValueError on a bad file."""
    path = Path(path or MECHANISMS_FILE)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in CATALOGUE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    if frame["id"].duplicated().any():
        raise ValueError(f"{path}: duplicate id(s) {', '.join(sorted(set(frame.loc[frame['id'].duplicated(), 'id'])))}")
    empty = frame.loc[(frame["patterns"].str.strip() == "") | (frame["label_en"].str.strip() == ""), "id"]
    if len(empty):
        raise ValueError(f"{path}: row(s) without patterns or English gloss: {', '.join(empty)}")
    for column in ("patterns", "requires", "exclude"):
        for row_id, text in zip(frame["id"], frame[column]):
            try:
                re.compile(text)
            except re.error as error:
                raise ValueError(f"{path}: {row_id}: bad {column} pattern {text!r}: {error}") from None
    return frame[CATALOGUE_COLUMNS].reset_index(drop=True)


@lru_cache(maxsize=4)
def _default_catalogue() -> pd.DataFrame:
    return load_catalogue()


def catalogue(theme: str | None = None, category: str | None = None, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The catalogue rows of a theme and/or category (all rows when both are None)."""
    frame = _default_catalogue().copy() if frame is None else frame
    if theme:
        frame = frame[frame["theme"] == theme]
    if category:
        frame = frame[frame["category"] == category]
    return frame.reset_index(drop=True)


def compile_rows(frame: pd.DataFrame) -> list[Mechanism]:
    """Compile catalogue rows."""
    return [
        Mechanism(
            row.id,
            row.theme,
            row.category,
            row.label_zh,
            row.label_en,
            re.compile(row.patterns),
            re.compile(row.requires) if row.requires else None,
            re.compile(row.exclude) if row.exclude else None,
        )
        for row in frame.itertuples(index=False)
    ]


def claim_status(sentence: str, modality: str) -> str:
    """How a sentence claims a status: 'awarded' (获评, 获批 …), 'sought' (争创, 申报 …), 'planned', or 'mentioned'."""
    if is_planned(modality):
        return "planned"
    if AWARDED.search(sentence):
        return "awarded"
    if SOUGHT.search(sentence):
        return "sought"
    return "mentioned"


def modality_at(text: str, start: int, end: int, context) -> str:
    """Achieved or target by the extractor's rules, with the matched words masked (a name such as “…成长计划” is not a plan)."""
    masked = text[:start] + "□" * (end - start) + text[end:]
    return figure_modality(masked, start, context)


def report_mentions(report, mechanisms: list[Mechanism]) -> list[dict[str, object]]:
    """Every (mechanism, sentence) mention in one report, in reading order."""
    contexts = section_contexts(report.sentences, report.headings, report.year)
    rows = []
    for sentence in report.sentences:
        for mechanism in mechanisms:
            found = mechanism.matches(sentence.text)
            if not found:
                continue
            match = found[0]
            modality = modality_at(sentence.text, match.start(), match.end(), contexts[sentence.index])
            rows.append(
                {
                    "region": report.region,
                    "level": report.level,
                    "year": report.year,
                    "document": report.file,
                    "theme": mechanism.theme,
                    "category": mechanism.category,
                    "mechanism": mechanism.id,
                    "label_zh": mechanism.label_zh,
                    "label_en": mechanism.label_en,
                    "matched": "、".join(dict.fromkeys(m.group(0) for m in found)),
                    "modality": modality,
                    "status": claim_status(sentence.text, modality),
                    "evidence": sentence.text,
                    "sentence": sentence.index,
                    "start": sentence.start + match.start(),
                    "end": sentence.start + match.end(),
                }
            )
    return rows


def find_mentions(
    reports: Iterable, theme: str | None = None, category: str | None = None, frame: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Which reports name which mechanisms: one row per report × mechanism × sentence, with the evidence sentence.

    `reports` is a Corpus (or any iterable of Reports); theme/category filter the catalogue.
    """
    rows_of = catalogue(theme, category, frame)
    order = {mechanism: i for i, mechanism in enumerate(rows_of["id"])}
    stored = getattr(reports, "stored_mentions", lambda: None)() if frame is None else None
    if stored is not None:  # searched once when the corpus was loaded (the extraction cache): keep this catalogue's
        out = stored[stored["mechanism"].isin(order)].reset_index(drop=True)
    else:
        mechanisms = compile_rows(rows_of)
        out = pd.DataFrame(
            [row for report in reports for row in report_mentions(report, mechanisms)], columns=MENTION_COLUMNS
        )
    out["year"] = pd.array(out["year"], dtype="Int64")
    if len(out):
        regions = {r: i for i, r in enumerate(dict.fromkeys(out["region"]))}
        out = out.assign(_r=out["region"].map(regions), _m=out["mechanism"].map(order))
        out = out.sort_values(["_m", "_r", "start"], kind="stable").drop(columns=["_r", "_m"]).reset_index(drop=True)
    return out


NEAR_BEFORE, NEAR_AFTER = 6, 8


CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")


def near(text: str, start: int, end: int) -> str:
    """text[start:end] with the few characters around it in the same clause (“…”困难儿童救助)."""
    left = text[max(0, start - NEAR_BEFORE) : start]
    right = text[end : end + NEAR_AFTER]
    left = CLAUSE_BREAK.split(left)[-1]
    right = CLAUSE_BREAK.split(right)[0]
    return left + text[start:end] + right


def quoted_names(reports: Iterable, requires: str, exclude: str = "") -> pd.DataFrame:
    """Names in quotation marks (programmes, brands, campaigns) that match `requires` in or right around the name."""
    from minzheng.extract.names import quoted_spans

    need = re.compile(requires)
    drop = re.compile(exclude) if exclude else None
    rows = []
    for report in reports:
        contexts = section_contexts(report.sentences, report.headings, report.year)
        for sentence in report.sentences:
            if not need.search(sentence.text):
                continue
            for start, end, inner in quoted_spans(sentence.text):
                name = inner.strip()
                if not name or (drop is not None and drop.search(name)) or not re.search(r"[\u4e00-\u9fff]", name):
                    continue
                if not need.search(near(sentence.text, start, end)):
                    continue
                modality = modality_at(sentence.text, start, end, contexts[sentence.index])
                rows.append(
                    {
                        "region": report.region,
                        "level": report.level,
                        "year": report.year,
                        "name": name,
                        "modality": modality,
                        "evidence": sentence.text,
                    }
                )
    out = pd.DataFrame(rows, columns=["region", "level", "year", "name", "modality", "evidence"])
    out["year"] = pd.array(out["year"], dtype="Int64")
    return out.drop_duplicates(["region", "name"]).reset_index(drop=True)


# Sentences about children: where quoted programme names are looked for.
CHILD_CONTEXT = r"儿童|未成年|孤儿|未保|童"


# Quoted names that are slogans or documents rather than programmes.
NOT_A_PROGRAMME = r"^(?:一老一小|一老一小一困)$"


def of_category(mentions: pd.DataFrame, category: str) -> pd.DataFrame:
    """The mentions of one catalogue category (network, programme, demonstration, mechanism, service_model)."""
    return mentions[mentions["category"] == category].reset_index(drop=True)
