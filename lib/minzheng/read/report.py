"""One report read from its file: decoded, cleaned, segmented, with its manifest metadata and problems."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from minzheng import paths
from minzheng.errors import MinzhengError, OutsideCorpusError, ReportError
from minzheng.read.clean import Cleaned, Removal, clean_text
from minzheng.read.decode import read_report_bytes
from minzheng.read.formats import READERS, read_format, refusal
from minzheng.read.formats.extracted import page_at
from minzheng.read.manifest import Entry
from minzheng.read.sentences import Heading, Sentence, segment

BYLINE_DATE = re.compile(
    r"(?:发布日期|發布日期|发布时间|發布時間|时间|時間|日期)\s*[:：]\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})"
)


# Report files read: text, saved web pages, PDFs and Word files (other formats are refused with what to do).
REPORT_SUFFIXES = (".txt", *READERS)


@dataclass
class Report:
    """One report: its metadata, original and clean text, sentences and headings."""

    path: Path
    region: str
    year: int | None
    level: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    original: str = ""
    encoding: str = ""
    size_bytes: int = 0
    cleaned: Cleaned | None = None
    sentences: list[Sentence] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    page_starts: tuple[int, ...] = ()
    place: str = ""  # the region itself when `region` is a label naming one of its several reports

    @property
    def file(self) -> str:
        """The report's file name, which identifies it as `document`."""
        return self.path.name

    @property
    def text(self) -> str:
        """The clean text."""
        return self.cleaned.text if self.cleaned else ""

    def page_at(self, source_offset: int) -> int | None:
        """The page (1-based) of a PDF report an offset of the original text stands on; None for other formats."""
        return page_at(self.page_starts, source_offset)

    @cached_property
    def byline_date(self) -> str:
        """The publication date the page byline states (YYYY-MM-DD), or ''."""
        match = BYLINE_DATE.search(self.original)
        return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else ""

    def summary(self) -> dict[str, object]:
        """One row describing the report: metadata, sizes and cleaning."""
        removals = Counter(r.kind for r in self.cleaned.removals) if self.cleaned else Counter()
        return {
            "file": self.file,
            "region": self.region,
            "level": self.level,
            "province": self.meta.get("province", ""),
            "parent_city": self.meta.get("parent_city", ""),
            "published": self.meta.get("published", "") or self.byline_date,
            "year": self.year,
            "genre": self.meta.get("genre", ""),
            "publisher": self.meta.get("publisher", ""),
            "script": self.cleaned.script if self.cleaned else "",
            "encoding": self.encoding,
            "chars_raw": len(self.original),
            "chars_clean": len(self.text),
            "sentences": sum(not s.is_heading for s in self.sentences),
            "headings": len(self.headings),
            "converted": bool(self.cleaned and self.cleaned.converted),
            "removals": " ".join(f"{kind}:{n}" for kind, n in sorted(removals.items())),
            "problems": "; ".join(self.problems),
            "format": self.path.suffix.lower().lstrip(".") or "txt",
        }

    @property
    def problems(self) -> list[str]:
        """Problems found while reading: corrupted spans, and a byline date that the manifest contradicts."""
        found = list(self.cleaned.problems) if self.cleaned else []
        stated = self.meta.get("published", "")
        if stated and self.byline_date and stated != self.byline_date:
            found.append(f"manifest published {stated} but the byline says {self.byline_date}")
        return found


def read_report(
    path: Path, region: str = "", year: int | None = None, level: str = "", meta: dict[str, str] | None = None
) -> Report:
    """Read, clean and segment one report file of any format read (raises ReportError on bad input); the metadata a
    web page, PDF or Word file states fills what the manifest leaves empty."""
    path = Path(path)
    extracted = read_format(path)
    if extracted is None:
        decoded = read_report_bytes(path)
        return report_from_text(decoded.text, path, region, year, level, meta, decoded.encoding, decoded.size_bytes)
    stated = dict(meta or {})
    stated |= {key: value for key, value in extracted.meta.items() if not stated.get(key)}
    return report_from_text(
        extracted.text,
        path,
        region,
        year,
        level,
        stated,
        extracted.encoding,
        path.stat().st_size,
        extracted.removals,
        extracted.page_starts,
    )


def report_from_text(
    text: str,
    path: Path = Path("<text>"),
    region: str = "",
    year: int | None = None,
    level: str = "",
    meta: dict[str, str] | None = None,
    encoding: str = "utf-8",
    size_bytes: int | None = None,
    removals: tuple[Removal, ...] = (),
    page_starts: tuple[int, ...] = (),
) -> Report:
    """Clean and segment a report's text that is already decoded (removals: what its file held besides it)."""
    cleaned = clean_text(text, removals)
    sentences, headings = segment(cleaned.text)
    return Report(
        path=Path(path),
        region=region or Path(path).stem,
        year=year,
        level=level,
        meta=dict(meta or {}),
        original=text,
        encoding=encoding,
        size_bytes=len(text.encode("utf-8")) if size_bytes is None else size_bytes,
        cleaned=cleaned,
        sentences=sentences,
        headings=headings,
        page_starts=page_starts,
    )


def read_entry(folder: Path, entry: Entry) -> Report:
    """Read the report a manifest row names."""
    path = folder / entry.file
    where = f"{folder / paths.MANIFEST_NAME} line {entry.line}"
    if not path.resolve().is_relative_to(Path(folder).resolve()):
        raise OutsideCorpusError(
            f"{where}: file {entry.file!r} lies outside the corpus folder {folder} (after following links); "
            "copy the report into the folder and name it there"
        )
    if not path.is_file():
        raise MinzhengError(f"{where}: file {entry.file!r} does not exist in {folder} (add it, or remove the row)")
    try:
        return read_report(path, entry.region, entry.year, entry.level, entry.meta)
    except ReportError as error:
        raise ReportError(path, f"{error.problem} [{where}]", error.hint) from None


def unlisted_files(folder: Path, entries: list[Entry]) -> list[str]:
    """Return problems for report files in the folder that no manifest row names, and files of formats not read."""
    listed = {e.file for e in entries}
    problems = []
    for path in sorted(folder.iterdir()):
        refused = refusal(path)
        if path.name in listed:
            continue
        if refused is not None:
            problems.append(str(refused))
        elif path.suffix.lower() in REPORT_SUFFIXES:
            problems.append(f"{path}: no manifest row names this file (add a row to {folder / paths.MANIFEST_NAME})")
    return problems


def wanted(entries: list[Entry], regions: list[str] | None) -> list[Entry]:
    """Keep the manifest rows of the requested regions, in manifest order."""
    if not regions:
        return entries
    unknown = sorted(set(regions) - {e.region for e in entries})
    if unknown:
        known = ", ".join(dict.fromkeys(e.region for e in entries))
        raise MinzhengError(f"unknown region(s) {', '.join(unknown)}: the manifest has {known}")
    return [e for e in entries if e.region in regions]


def parse_regions(regions: str | list[str] | None) -> list[str] | None:
    """Accept regions as None, a list, or a comma-separated string."""
    if regions is None or regions == "" or regions == []:
        return None
    if isinstance(regions, str):
        return [r.strip() for r in re.split(r"[,，、]", regions) if r.strip()]
    return list(regions)
