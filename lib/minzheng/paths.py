"""Every path the project uses, in one place."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
CODEBOOK_FILE = DATA_DIR / "codebook.csv"
USER_DICT_FILE = DATA_DIR / "userdict.txt"
THEME_VOCAB_FILE = DATA_DIR / "theme_vocabulary.csv"
OPENCC_FIXES_FILE = DATA_DIR / "opencc_fixes.csv"
RESIDUE_RULES_FILE = DATA_DIR / "residue_rules.csv"

PROJECT_ROOT = PACKAGE_DIR.parent.parent
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
