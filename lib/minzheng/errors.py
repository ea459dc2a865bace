"""Errors that name the file (and manifest line) and say what to do."""

from __future__ import annotations


class MinzhengError(Exception):
    """Base class for every error the library raises on bad input."""


class ReportError(MinzhengError):
    """A report file cannot be read: empty, binary or undecodable."""

    def __init__(self, path: object, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        message = f"{self.path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ManifestError(MinzhengError):
    """The manifest is malformed or disagrees with the files in the folder."""

    def __init__(self, path: object, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{self.path}:\n  " + "\n  ".join(problems))


class CorpusError(MinzhengError):
    """Strict loading found problems; each names its file."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("the corpus has problems:\n  " + "\n  ".join(problems))


class OutsideCorpusError(MinzhengError):
    """A manifest row names a file outside the corpus folder: refused in every mode, never read."""


class ReferenceDataError(MinzhengError, ValueError):
    """A reference file (standards, populations, averages) has problems; each names the file and its line."""

    def __init__(self, path: object, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{self.path}:\n  " + "\n  ".join(f"{self.path}, {p}" for p in problems))
