"""The `minzheng` command: one sub-command per job, each registered by the module that owns it."""
from __future__ import annotations

import argparse
import importlib
import sys

# sub-command name -> module that defines `register(subparsers)`; each sets `func(args) -> int`.
COMMAND_MODULES = {
    "corpus": "minzheng.commands",
    "extract": "minzheng.commands",
    "evaluate": "minzheng.evaluate",
    "run": "minzheng.pipeline",
}


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="minzheng", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
