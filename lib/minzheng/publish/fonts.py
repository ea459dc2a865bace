"""The CJK font pages embed: Noto Sans CJK SC cut down to the characters a page uses, kept in the cache folder so a
page of the same characters is not cut again."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from importlib.metadata import version

from minzheng import paths
from minzheng.writers import atomic_write

CJK_FACE_INDEX = 2  # Simplified Chinese face in NotoSansCJK-Regular.ttc (JP, KR, SC, TC, HK)


def font_subset(characters: Iterable[str]) -> bytes:
    """Return the Noto Sans CJK SC face cut down to the given characters (OpenType, deterministic bytes), from the
    cache folder when a run has cut it for the same characters before (cutting takes a second or more)."""
    codes = sorted({ord(c) for c in characters if ord(c) >= 0x20})
    key = hashlib.sha256(f"{version('fonttools')} {CJK_FACE_INDEX} {codes}".encode()).hexdigest()[:32]
    cached = paths.cache_dir() / "fonts" / f"{key}.otf"
    if cached.is_file():
        return cached.read_bytes()
    data = _cut_font(codes)
    try:
        atomic_write(cached, data)
        for old in sorted(cached.parent.glob("*.otf"), key=lambda p: p.stat().st_mtime)[:-FONT_CACHE_FILES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data


# Font subsets kept in the cache folder (the newest; a run's pages need about a dozen).
FONT_CACHE_FILES = 64


def _cut_font(codes: list[int]) -> bytes:
    """The Noto Sans CJK SC face cut down to the given code points (fontTools)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from minzheng.present.style import cjk_font_path

    font = TTFont(str(cjk_font_path()), fontNumber=CJK_FACE_INDEX, lazy=True, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
