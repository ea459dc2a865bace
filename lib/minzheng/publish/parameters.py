"""Notebook parameters of a run: those the notebooks declare, checked by name and type before anything runs."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any


class PipelineError(RuntimeError):
    """The run cannot start: no notebooks, an unknown --only name, a bad parameter."""


# Parameters `minzheng run` sets itself, so that the notebooks and the data export read the same corpus.
RUN_PARAMETERS = {"corpus_dir": "--corpus", "regions": "--regions", "output_dir": "--outputs", "strict": "--strict"}


def declared_parameters(notebooks: list[Path]) -> dict[str, object]:
    """The parameters the notebooks declare in their cells tagged `parameters`, with their defaults."""
    import nbformat

    declared: dict[str, object] = {}
    for source in notebooks:
        nb = nbformat.read(source, as_version=4)
        for cell in nb.cells:
            if "parameters" not in cell.get("metadata", {}).get("tags", []):
                continue
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    try:
                        declared[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        declared[node.targets[0].id] = None
    return declared


def check_parameters(given: dict[str, Any], notebooks: list[Path]) -> None:
    """Refuse a -p the notebooks do not declare, one `run` sets itself, or one of the wrong type."""
    declared = declared_parameters(notebooks)
    for name, value in given.items():
        if name in RUN_PARAMETERS:
            raise PipelineError(f"-p {name}: set it with {RUN_PARAMETERS[name]}, so notebooks and data export agree")
        if name not in declared:
            known = ", ".join(sorted(n for n in declared if n not in RUN_PARAMETERS)) or "none"
            raise PipelineError(f"-p {name}: no notebook has this parameter (parameters besides the run's: {known})")
        default = declared[name]
        if default is not None and type(value) is not type(default):
            raise PipelineError(
                f"-p {name}={value!r}: expected a {type(default).__name__} like the default {default!r}"
            )
