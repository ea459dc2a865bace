"""Markdown and HTML for notebooks: escaping report text, tables and quote lists."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from minzheng.english import format_number, level_label, year_text

# Markdown/HTML characters a data value must not be able to use as markup.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


# Text a Markdown renderer would turn into a live link (https://…, www.…) gets an invisible word joiner before its
# last mark, so it reads the same and never links.
_LINK_LIKE = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)")
WORD_JOINER = "\u2060"


def escape_md(value: object) -> str:
    """Escape a data value for Markdown: HTML entities, Markdown punctuation and line breaks."""
    text = format_number(value) if not isinstance(value, str) else value
    text = " ".join(text.split())
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))
    return _LINK_LIKE.sub(lambda m: m.group(0)[:-1] + WORD_JOINER + m.group(0)[-1], text)


def md_text(template: str, /, **values: object) -> str:
    """Fill a trusted Markdown template with data values, escaping every value."""
    return template.format(**{key: escape_md(value) for key, value in values.items()})


def md(template: str, /, **values: object) -> Any:
    """Return a displayable Markdown sentence built from data; report text in the values is escaped."""
    from IPython.display import Markdown

    return Markdown(md_text(template, **values))


def table_html(frame: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    """Render a DataFrame as escaped HTML (cell text can never become markup)."""
    formatters: Mapping[str, Any] = {
        column: format_number for column in frame.columns if pd.api.types.is_float_dtype(frame[column])
    }
    return frame.to_html(
        index=index,
        escape=True,
        border=0,
        classes="minzheng-table",
        na_rep="",
        max_rows=max_rows,
        formatters=dict(formatters),
        justify="left",
    )


# The output metadata key under which a display keeps what the e-mail page shows instead of it (mimetype → content).
EMAIL_ALTERNATIVE = "minzheng/email"


class EmailCut:
    """A display shown whole in the notebook and the researcher page, and cut in the e-mail page (render.py swaps it)."""

    def __init__(self, whole: dict[str, str], email: dict[str, str]) -> None:
        self.whole, self.email = whole, email

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, str], dict[str, Any]]:
        return dict(self.whole), {EMAIL_ALTERNATIVE: dict(self.email)}


def show_table(
    frame: pd.DataFrame, *, index: bool = False, max_rows: int | None = None, summary: pd.DataFrame | None = None
) -> Any:
    """Return a displayable, escaped HTML table of a DataFrame; a long table of many regions shows whole in the
    notebook and the researcher page and cut in the e-mail, with a sentence saying where the rest is (views.py); when
    given, the e-mail shows `summary` (the rows grouped) instead of the cut."""
    from IPython.display import HTML

    from minzheng.compare.views import WHERE_WHOLE, email_cut

    whole = table_html(frame, index=index, max_rows=max_rows)
    cut = email_cut(frame) if max_rows is None else None
    if cut is None:
        return HTML(whole)
    shown, note = cut
    if summary is not None:
        shown, note = summary, f"This e-mail shows the {len(frame):,} rows grouped, with examples; {WHERE_WHOLE}."
    email = table_html(shown, index=index) + f"<p><em>{html.escape(note)}</em></p>"
    return EmailCut({"text/html": whole, "text/plain": f"<table of {len(frame):,} rows>"}, {"text/html": email})


def quote_lines(evidence: pd.DataFrame, what: str = "label_zh") -> str:
    """Evidence rows as an escaped Markdown bullet list: region (level, year, achieved/target), what, and the quote."""
    lines = []
    for _, row in evidence.iterrows():
        label = row.get(what, "")
        lines.append(
            md_text(
                "- **{region}** ({level}, {year}, {modality}) — {label}: “{quote}”"
                if isinstance(label, str) and label
                else "- **{region}** ({level}, {year}, {modality}): “{quote}”",
                region=row["region"],
                level=level_label(row["level"]),
                year=year_text(row["year"]),
                modality=row.get("modality", "") or "text",
                quote=row["quote"],
                label=label,
            )
        )
    return "\n".join(lines)
