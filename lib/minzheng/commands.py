"""The `corpus` and `extract` sub-commands."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minzheng import paths
import pandas as pd

from minzheng.corpus import load_corpus, read_report
from minzheng.errors import MinzhengError
from minzheng.extract import indicator_frame
from minzheng.manifest import Entry, load_manifest


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the corpus and extract sub-commands."""
    corpus = subparsers.add_parser("corpus", help="one line per report: metadata, sizes, cleaning, problems")
    corpus.add_argument("folder", nargs="?", default=str(paths.SEEDS_DIR), help="folder with the reports and manifest.csv")
    corpus.add_argument("--strict", action="store_true", help="fail when any report cannot be loaded")
    corpus.set_defaults(func=corpus_command)
    extract = subparsers.add_parser("extract", help="extract the codebook's figures from any report file")
    extract.add_argument("files", nargs="+", help="report text files (UTF-8 or GB18030, traditional or simplified)")
    extract.add_argument("--region", default="", help="region name for files outside the manifest")
    extract.add_argument("--year", type=int, default=None, help="the year the figures refer to, for files outside the manifest")
    extract.add_argument("--format", choices=("csv", "json"), default="csv")
    extract.add_argument("--manifest", default=None, help="manifest to look files up in (default: the one beside each file)")
    extract.set_defaults(func=extract_command)


def describe(row: dict[str, object]) -> str:
    """Format one report's summary as a line."""
    script = "traditional→simplified" if row["converted"] else str(row["script"])
    line = (
        f"{row['region']:<6}\t{row['level']:<21}\t{row['year']}\t{row['file']}\t"
        f"raw {row['chars_raw']:>6} → clean {row['chars_clean']:>6} chars\t{row['sentences']:>4} sentences\t"
        f"{script}\tremoved {row['removals'] or '-'}"
    )
    return line + (f"\tproblems: {row['problems']}" if row["problems"] else "")


def corpus_command(args: argparse.Namespace) -> int:
    """Print one line per report, then any loading problems."""
    try:
        corpus = load_corpus(Path(args.folder), strict=args.strict)
    except MinzhengError as error:
        print(f"minzheng corpus: {error}", file=sys.stderr)
        return 2
    for row in corpus.table().to_dict("records"):
        print(describe(row))
    for problem in corpus.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"{len(corpus)} reports in {args.folder}")
    return 1 if corpus.problems else 0


def manifest_entry(path: Path, manifest: Path | None) -> Entry | None:
    """Find the manifest row of a file, in the given manifest or the one beside the file."""
    candidate = manifest or path.parent / paths.MANIFEST_NAME
    if not candidate.is_file():
        return None
    return next((e for e in load_manifest(candidate) if e.file == path.name), None)


def extract_command(args: argparse.Namespace) -> int:
    """Write the rows extracted from each file to stdout as CSV or JSON."""
    frames, status = [], 0
    for name in args.files:
        path = Path(name)
        try:
            entry = manifest_entry(path, Path(args.manifest) if args.manifest else None)
            if entry is not None:
                report = read_report(path, entry.region, entry.year, entry.level, entry.meta)
            else:
                report = read_report(path, args.region, args.year)
            frames.append(indicator_frame([report]))
        except MinzhengError as error:
            print(f"minzheng extract: {error}", file=sys.stderr)
            status = 2
    table = pd.concat(frames, ignore_index=True) if frames else indicator_frame([])
    if args.format == "json":
        sys.stdout.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return status
