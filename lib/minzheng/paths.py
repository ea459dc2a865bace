"""Every path the project uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

from minzheng import paths  # the module itself: resolved at call time, so tests may point it elsewhere

PACKAGE_DIR = Path(__file__).resolve().parent


DATA_DIR = PACKAGE_DIR / "data"


CODEBOOK_FILE = DATA_DIR / "codebook.csv"


SYNONYMS_FILE = DATA_DIR / "synonyms.csv"


USER_DICT_FILE = DATA_DIR / "userdict.txt"


THEME_VOCAB_FILE = DATA_DIR / "theme_vocabulary.csv"


OPENCC_FIXES_FILE = DATA_DIR / "opencc_fixes.csv"


RESIDUE_RULES_FILE = DATA_DIR / "residue_rules.csv"


def project_root(start: Path | None = None) -> Path:
    """The project being worked in: the nearest folder at or above the working directory that holds a Makefile and
    seeds/ (a second checkout sharing one environment uses its own files), else the checkout of the installed code."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "Makefile").is_file() and (folder / "seeds").is_dir():
            return folder
    return PACKAGE_DIR.parent.parent


PROJECT_ROOT = project_root()


SEEDS_DIR = PROJECT_ROOT / "seeds"


MANIFEST_NAME = "manifest.csv"


REFERENCE_DIR = SEEDS_DIR / "reference"


NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


OUTPUTS_DIR = PROJECT_ROOT / "outputs"


GOLD_DIR = PROJECT_ROOT / "tests" / "gold"


def outputs_subdir(name: str, root: Path | None = None) -> Path:
    """Return (and create) a folder under the outputs root."""
    path = (root or OUTPUTS_DIR) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_corpus_dir(corpus_dir: str | Path | None) -> Path:
    """Return the corpus folder a notebook should read: the parameter, or the project's seeds/ when None."""
    return Path(corpus_dir) if corpus_dir else paths.SEEDS_DIR


def resolve_output_dir(output_dir: str | Path | None) -> Path:
    """Return the folder a notebook may write files to: the parameter, or the project's outputs/ when None."""
    return Path(output_dir) if output_dir else paths.OUTPUTS_DIR


CACHE_ENV = "MINZHENG_CACHE_DIR"


def cache_dir() -> Path:
    """The folder of the extraction and font caches: $MINZHENG_CACHE_DIR, else outputs/.cache (git-ignored)."""
    return Path(os.environ.get(CACHE_ENV) or paths.OUTPUTS_DIR / ".cache")
