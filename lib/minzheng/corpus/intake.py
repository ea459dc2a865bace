"""Adding a report to a corpus folder: the file copied byte for byte (refused when its content is already there), read,
and its manifest row proposed from its text (every value marked given or inferred, with the words it came from) and
appended to manifest.csv without touching the rows before it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from minzheng import paths, writers
from minzheng.corpus.divisions import candidates, level_conflict, place_of
from minzheng.errors import MinzhengError
from minzheng.read import stated_meta
from minzheng.read.manifest import HEADER, REQUIRED_COLUMNS, read_rows
from minzheng.read.report import REPORT_SUFFIXES, Report, read_report

GIVEN, INFERRED, NOT_FOUND = "given", "inferred", "not found"


# The columns a proposal fills, in the order it prints them.
PROPOSED = ("region", "level", "province", "parent_city", "published", "year", "genre", "publisher", "script")


@dataclass(frozen=True)
class Value:
    """One proposed manifest value: what it is, whether it was given or inferred, and the words it came from."""

    value: str
    how: str
    evidence: str


@dataclass
class Proposal:
    """A report's proposed manifest row, the file it was read from and the file name it has in the corpus."""

    source: Path
    file: str
    values: dict[str, Value] = field(default_factory=dict)
    sha256: str = ""

    def notes(self) -> str:
        """The notes column: which values were inferred, and from what."""
        inferred = [f"{name} from {v.evidence}" for name, v in self.values.items() if v.how == INFERRED and v.value]
        return "added by minzheng add; inferred: " + "; ".join(inferred) if inferred else "added by minzheng add"

    def row(self) -> dict[str, str]:
        """The manifest row: file, every proposed value, notes."""
        return {"file": self.file, **{name: v.value for name, v in self.values.items()}, "notes": self.notes()}


def sha256_of(path: Path) -> str:
    """The sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def contents(folder: Path) -> dict[str, str]:
    """sha256 → file name, for every file of a corpus folder but its manifest."""
    if not folder.is_dir():
        return {}
    return {sha256_of(p): p.name for p in sorted(folder.iterdir()) if p.is_file() and p.name != paths.MANIFEST_NAME}


def region_value(report: Report, given: str, publisher: str = "") -> Value:
    """The region: given, else the division the text (and its publisher) points to most; refused when none does, when
    two point to it equally, and when the text speaks of itself at a level no division it names has."""
    if given:
        return Value(given, GIVEN, "--region")
    found = candidates(report, publisher)
    if not found:
        raise MinzhengError(
            f"{report.path}: the text names no county, district or city of cpca's division table; give --region"
        )
    conflict = level_conflict(report, found)
    if conflict:
        raise MinzhengError(f"{report.path}: {conflict}; give --region")
    if len(found) > 1 and found[0].score == found[1].score:
        tied = [f"{c.name} ({c.evidence})" for c in found if c.score == found[0].score]
        raise MinzhengError(
            f"{report.path}: the text names several regions equally — {'; '.join(tied)}; give --region to say which "
            "region the report is about"
        )
    runner_up = f"; next: {found[1].name} ({found[1].evidence})" if len(found) > 1 else ""
    return Value(found[0].name, INFERRED, found[0].evidence + runner_up)


def place_values(region: Value, text: str) -> dict[str, Value]:
    """Level, province and parent city of the region, from cpca's division table."""
    place = place_of(region.value, text)
    if place is None:
        raise MinzhengError(
            f"cpca's division table has no {region.value!r}, so its level cannot be inferred: "
            "give the name the table uses (e.g. 某某县), or add the row to manifest.csv by hand"
        )
    if not place.code:
        why = f"several divisions are named {place.region} and the text names the province of none of them"
        return {
            "level": Value(place.level, INFERRED, f"cpca's division table: {place.region} ends in {place.region[-1]}"),
            "province": Value("", NOT_FOUND, why),
            "parent_city": Value("", NOT_FOUND, why),
        }
    table = f"cpca's division table: {place.code} {place.region}"
    return {
        "level": Value(place.level, INFERRED, f"{table} is a {place.level}"),
        "province": Value(place.province, INFERRED, f"{table} lies in {place.province}"),
        "parent_city": Value(
            place.parent_city,
            INFERRED,
            f"{table} lies in {place.parent_city}"
            if place.parent_city
            else f"{table} lies in no city below the province",
        ),
    }


def stated(found: stated_meta.Stated) -> Value:
    """A value the report states about itself, inferred or not found."""
    return Value(found.value, INFERRED if found.value else NOT_FOUND, found.evidence)


def propose(report: Report, region: str = "", year: int | None = None) -> dict[str, Value]:
    """The manifest values of a report: region and its place from the text and the division table, published date,
    year, genre, publisher and script from what the report says about itself; `region` and `year` given win."""
    byline = stated_meta.publisher(report)
    values = {"region": region_value(report, region, byline.value)}
    values |= place_values(values["region"], report.text)
    values["published"] = stated(stated_meta.published_date(report))
    values["year"] = (
        Value(str(year), GIVEN, "--year")
        if year
        else stated(stated_meta.report_year(report, values["published"].value))
    )
    if not values["year"].value:
        raise MinzhengError(f"{report.path}: {values['year'].evidence}; give --year")
    values["genre"] = stated(stated_meta.genre(report))
    values["publisher"] = stated(stated_meta.publisher(report, values["region"].value))
    values["script"] = stated(stated_meta.script(report))
    return {name: values[name] for name in PROPOSED}


def manifest_header(manifest: Path, file: str) -> list[str]:
    """The header rows are added under (the standard one for a new manifest); refuses a manifest that lacks required
    columns or already names the file."""
    if not manifest.is_file():
        return list(HEADER)
    header, rows = read_rows(manifest)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise MinzhengError(
            f"{manifest}: missing column(s) {', '.join(missing)}: mend the header before adding reports"
        )
    named = next((line for line, row in rows if row.get("file") == file), None)
    if named is not None:
        raise MinzhengError(f"{manifest} line {named} already names {file!r}: remove that row to add the file again")
    return header


def plan(path: Path, folder: Path, region: str = "", year: int | None = None) -> Proposal:
    """Check a file may be added to the folder, read it and propose its row; raises MinzhengError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise MinzhengError(f"{path}: no such file")
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise MinzhengError(f"{path}: not a report file this project reads ({', '.join(REPORT_SUFFIXES)})")
    digest, target = sha256_of(path), folder / path.name
    inside = target.exists() and target.resolve() == path.resolve()
    there = contents(folder).get(digest)
    if there and not inside:
        raise MinzhengError(
            f"{path}: its content is already in the corpus as {folder / there} (same sha256 {digest[:12]}…)"
        )
    if target.exists() and not inside:
        raise MinzhengError(f"{path}: {target} is another file of the same name: rename one of them first")
    manifest_header(folder / paths.MANIFEST_NAME, path.name)
    report = read_report(path)
    try:
        values = propose(report, region, year)
    except MinzhengError as error:
        message = str(error)
        raise MinzhengError(message if message.startswith(str(path)) else f"{path}: {message}") from None
    return Proposal(path, path.name, values, digest)


def add_report(
    path: Path, folder: Path | None = None, region: str = "", year: int | None = None, dry_run: bool = False
) -> Proposal:
    """Add one report to a corpus folder (seeds/ by default): copy it byte for byte, append its proposed row to the
    manifest, and return the proposal; with dry_run nothing is written."""
    folder = Path(folder) if folder else paths.SEEDS_DIR
    proposal = plan(path, folder, region, year)
    if dry_run:
        return proposal
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / proposal.file
    copied = not target.exists()
    if copied:
        writers.copy_file(proposal.source, target)
        if sha256_of(target) != proposal.sha256:
            target.unlink()
            raise MinzhengError(f"{path}: the copy in {folder} differs from the file; nothing was added")
    try:
        manifest = folder / paths.MANIFEST_NAME
        writers.append_csv_row(manifest, manifest_header(manifest, proposal.file), proposal.row())
    except BaseException:
        if copied:
            target.unlink(missing_ok=True)
        raise
    return proposal


def proposal_text(proposal: Proposal, folder: Path, dry_run: bool) -> str:
    """The proposal as lines: where it goes, then each value with how it was found and its evidence."""
    done = "dry run: nothing written" if dry_run else "copied byte for byte and its row appended"
    lines = [f"{proposal.source} → {folder / proposal.file} ({done}; sha256 {proposal.sha256[:12]}…)"]
    for name, value in proposal.values.items():
        lines.append(f"  {name:<12}{value.value or '—':<22} [{value.how}] {value.evidence}")
    return "\n".join(lines)
