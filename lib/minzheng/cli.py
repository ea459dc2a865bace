"""The `minzheng` command line: every sub-command's arguments and printing; the work is done in the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from minzheng import paths
from minzheng.corpus import load_corpus
from minzheng.corpus.intake import add_report, proposal_text
from minzheng.errors import MinzhengError
from minzheng.evaluate import evaluate, format_report, load_gold
from minzheng.extract.figures import indicator_frame
from minzheng.publish.budget import EMAIL_BUDGET_BYTES
from minzheng.publish.guard import RunLocked
from minzheng.publish.run import PipelineError, RunOptions, run
from minzheng.read.manifest import Entry, load_manifest
from minzheng.read.report import read_report


def register_evaluate(subparsers: argparse._SubParsersAction) -> None:
    """Add the evaluate sub-command."""
    parser = subparsers.add_parser("evaluate", help="score extraction against the gold files")
    parser.add_argument(
        "--docs", "--corpus", dest="corpus", default=str(paths.SEEDS_DIR), help="folder with the reports"
    )
    parser.add_argument(
        "--gold", default=str(paths.GOLD_DIR), help="folder with one gold CSV per report, or one CSV with a file column"
    )
    parser.add_argument(
        "--manifest",
        default=None,
        help="manifest of the reports (default: the folder's manifest.csv, else sources.csv beside the gold file)",
    )
    parser.set_defaults(func=evaluate_command)


def evaluate_manifest(corpus: Path, gold: Path, manifest: str | None) -> Path:
    """The manifest evaluation reads: the one given, the folder's own, or sources.csv beside a gold file."""
    if manifest:
        return Path(manifest)
    if (corpus / paths.MANIFEST_NAME).is_file() or not gold.is_file():
        return corpus / paths.MANIFEST_NAME
    return gold.parent / "sources.csv"


def evaluate_command(args: argparse.Namespace) -> int:
    """Print the evaluation of the corpus against the gold files."""
    corpus_dir, gold_path = Path(args.corpus), Path(args.gold)
    if not corpus_dir.is_dir():
        print(f"minzheng evaluate: no folder {corpus_dir} (real texts are not committed: see tests/realtext/README.md)")
        return 2
    gold = load_gold(gold_path)
    corpus = load_corpus(corpus_dir, manifest=evaluate_manifest(corpus_dir, gold_path, args.manifest))
    predicted = corpus.indicators()
    predicted = predicted[predicted["document"].isin(set(gold["document"]))].reset_index(drop=True)
    print(format_report(evaluate(predicted, gold)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="minzheng", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for register in (register_corpus, register_add, register_evaluate, register_run):
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


def register_corpus(subparsers: argparse._SubParsersAction) -> None:
    """Add the corpus and extract sub-commands."""
    corpus = subparsers.add_parser("corpus", help="one line per report: metadata, sizes, cleaning, problems")
    corpus.add_argument(
        "folder", nargs="?", default=str(paths.SEEDS_DIR), help="folder with the reports and manifest.csv"
    )
    corpus.add_argument("--strict", action="store_true", help="fail when any report cannot be loaded")
    corpus.set_defaults(func=corpus_command)
    extract = subparsers.add_parser("extract", help="extract the codebook's figures from any report file")
    extract.add_argument("files", nargs="+", help="report text files (UTF-8 or GB18030, traditional or simplified)")
    extract.add_argument("--region", default="", help="region name for files outside the manifest")
    extract.add_argument(
        "--year", type=int, default=None, help="the year the figures refer to, for files outside the manifest"
    )
    extract.add_argument("--format", choices=("csv", "json"), default="csv")
    extract.add_argument(
        "--manifest", default=None, help="manifest to look files up in (default: the one beside each file)"
    )
    extract.set_defaults(func=extract_command)


def describe(row: dict[str, object]) -> str:
    """Format one report's summary as a line."""
    script = "traditional→simplified" if row["converted"] else str(row["script"])
    line = (
        f"{row['region']:<6}\t{row['level']:<21}\t{row['year']}\t{row['file']}\t{row['format']:<4}\t"
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
    years = corpus.years_by_region()
    print("years per region: " + "; ".join(f"{r} {', '.join(map(str, ys)) or '?'}" for r, ys in years.items()))
    print(f"{len(corpus)} reports in {args.folder}")
    return 1 if corpus.problems else 0


def register_add(subparsers: argparse._SubParsersAction) -> None:
    """Add the `add` sub-command."""
    parser = subparsers.add_parser(
        "add", help="copy report files into the corpus folder and append the manifest rows inferred from their text"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .html/.htm, .pdf, .docx)")
    parser.add_argument("--region", default="", help="the region, where the text names several equally")
    parser.add_argument(
        "--year", type=int, default=None, help="the year the figures refer to, where the text is unclear"
    )
    parser.add_argument(
        "--corpus", type=Path, default=paths.SEEDS_DIR, metavar="DIR", help="corpus folder (default: seeds/)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print the proposed rows; copy and write nothing")
    parser.set_defaults(func=add_command)


def add_command(args: argparse.Namespace) -> int:
    """Add each file, printing its proposed row with every value's evidence; 1 when any file was refused."""
    status = 0
    for name in args.paths:
        try:
            proposal = add_report(Path(name), args.corpus, args.region, args.year, args.dry_run)
        except MinzhengError as error:
            print(f"minzheng add: {error}", file=sys.stderr)
            status = 1
            continue
        print(proposal_text(proposal, args.corpus, args.dry_run))
    return status


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


def parse_parameter(text: str) -> tuple[str, Any]:
    """Parse `-p key=value`: the value is read as JSON when it is JSON (numbers, true, null), else kept as text."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip().isidentifier():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE with KEY a Python name, got {text!r}")
    try:
        return key.strip(), json.loads(value)
    except ValueError:
        return key.strip(), value


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of `minzheng run` to a parser."""
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=paths.NOTEBOOKS_DIR,
        metavar="DIR",
        help="folder of the notebooks to run (default: notebooks/)",
    )
    parser.add_argument(
        "--outputs",
        type=Path,
        default=paths.OUTPUTS_DIR,
        metavar="DIR",
        help="folder for executed notebooks and exports (default: outputs/)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=paths.SEEDS_DIR,
        metavar="DIR",
        help="corpus folder passed to every notebook as corpus_dir (default: seeds/)",
    )
    parser.add_argument(
        "--regions", default=None, metavar="A,B", help="only these regions (comma-separated; default: all)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="notebooks run in parallel (default: CPU count)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this notebook (name with or without .ipynb; repeatable)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="pass strict=True to every notebook and to the data export"
    )
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="exit 0 even when some reports could not be read (they are still listed in the summary and pages)",
    )
    parser.add_argument(
        "-p",
        dest="parameters",
        action="append",
        default=[],
        type=parse_parameter,
        metavar="KEY=VALUE",
        help="extra notebook parameter (repeatable)",
    )
    parser.add_argument(
        "--email-budget",
        type=float,
        default=EMAIL_BUDGET_BYTES / 1_000_000,
        metavar="MB",
        help="largest e-mail page the run may write, in MB; over it the run fails (default: %(default)g)",
    )


def register_run(subparsers: argparse._SubParsersAction) -> None:
    """Add the `run` sub-command."""
    parser = subparsers.add_parser(
        "run", help="execute every notebook and export HTML, e-mail HTML and data into outputs/"
    )
    add_run_arguments(parser)
    parser.set_defaults(func=run_command)


def options_from_args(args: argparse.Namespace) -> RunOptions:
    """Turn parsed arguments into RunOptions."""
    return RunOptions(
        notebooks_dir=Path(args.notebooks),
        outputs_dir=Path(args.outputs),
        corpus_dir=Path(args.corpus),
        regions=args.regions or None,
        workers=max(1, int(args.workers)),
        only=list(args.only),
        strict=bool(args.strict),
        parameters=dict(args.parameters),
        allow_missing=bool(getattr(args, "allow_missing", False)),
        email_budget=round(float(getattr(args, "email_budget", EMAIL_BUDGET_BYTES / 1e6)) * 1_000_000),
    )


def run_command(args: argparse.Namespace) -> int:
    """Run the pipeline from parsed arguments and return the exit code (0 ok, 1 a task failed, 2 cannot start)."""
    try:
        return run(options_from_args(args))
    except (PipelineError, RunLocked) as error:
        print(f"minzheng run: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("minzheng run: stopped by the user", file=sys.stderr)
        return 130
