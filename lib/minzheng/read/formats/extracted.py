"""What a report file in another format than text gives: its text, what was left out of it, and its own metadata."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from minzheng.read.clean import Removal

# How much of a left-out script or style block the cleaning log quotes.
QUOTED_CHARS = 120


@dataclass(frozen=True)
class Extracted:
    """A file's text as read, the removals to log, the metadata it states and where its pages start.

    A removal with start < end is a span of `text` (a running header, a page number) that cleaning removes; one with
    start == end was never part of `text` (a web page's navigation) and is only logged, at the place it stood."""

    text: str
    encoding: str
    removals: tuple[Removal, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    page_starts: tuple[int, ...] = ()


def page_at(page_starts: tuple[int, ...], offset: int) -> int | None:
    """The page (1-based) an offset of the text falls on, or None when the file has no pages."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


def left_out(kind: str, text: str, at: int, reason: str) -> Removal:
    """A removal logged for text the file held outside the report's text (quoted in part when long)."""
    quoted = text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS] + "…"
    return Removal(kind, quoted, at, at, reason)
