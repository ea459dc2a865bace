"""Exports of executed notebooks and data: HTML with code, self-contained e-mail HTML, index, CSV and XLSX."""
from __future__ import annotations

import base64
import copy
import html
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import bleach
import nbformat
import pandas as pd
from jinja2 import DictLoader

REPORT_NAME = "minzheng_report"
REPORT_TITLE = "minzheng report: civil-affairs reports compared"
INDEX_TITLE = "minzheng: reports"
LANGUAGE = "zh"
FLOAT_FORMAT = "%.12g"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = datetime(2000, 1, 1, 0, 0, 0)
FIXED_DOC_STAMP = "2000-01-01T00:00:00Z"
INDICATOR_SORT = ("document", "start", "end", "indicator", "value")
DROPPED_MIMETYPES = ("application/javascript", "application/vnd.jupyter.widget-view+json", "application/vnd.jupyter.widget-state+json")

EMBEDDED_FONT = "minzheng Noto Sans CJK SC"
CJK_FACE_INDEX = 2  # Simplified Chinese face in NotoSansCJK-Regular.ttc (JP, KR, SC, TC, HK)
HOUSE_CSS = """
body, main {
  --jp-content-font-family: "minzheng Noto Sans CJK SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  --jp-ui-font-family: var(--jp-content-font-family);
  --jp-code-font-family-default: Menlo, Consolas, "DejaVu Sans Mono", "minzheng Noto Sans CJK SC", monospace;
}
body { font-family: "minzheng Noto Sans CJK SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
main { max-width: 1100px; margin: 0 auto; }
.jp-RenderedHTMLCommon table.minzheng-table { border-collapse: collapse; font-size: 0.85em; }
.jp-RenderedHTMLCommon table.minzheng-table th { background: #eef3f8; text-align: left; }
.jp-RenderedHTMLCommon table.minzheng-table td, .jp-RenderedHTMLCommon table.minzheng-table th { padding: 3px 8px; border-bottom: 1px solid #d9d9d9; }
.jp-RenderedHTMLCommon table.minzheng-table td, .jp-RenderedHTMLCommon table.minzheng-table th { text-align: left; vertical-align: top; }
.jp-RenderedHTMLCommon table.minzheng-table td:first-child { white-space: nowrap; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
.minzheng-missing-image { color: #7f7f7f; font-style: italic; }
"""

# An offline variant of nbconvert's lab template: no <script> tags (require.js, MathJax, mermaid, widgets) at all.
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_javascript -%}{%- endblock data_javascript -%}
{%- block data_widget_view -%}{%- endblock data_widget_view -%}
{% block extra_css %}<style type="text/css">{{ resources.house_css }}</style>{% endblock extra_css %}
"""
OFFLINE_TEMPLATE_NAME = "minzheng_offline.html.j2"

SAFE_TAGS = frozenset(bleach.ALLOWED_TAGS) | {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "pre", "code", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "img", "sup", "sub", "dl", "dt", "dd", "del", "ins",
    "s", "u", "small", "kbd", "figure", "figcaption", "details", "summary",
}
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
CELL_ATTRIBUTES = frozenset({"colspan", "rowspan", "align"})
SAFE_PROTOCOLS = ("http", "https", "mailto", "data")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*("([^"]*)"|'([^']*)')""", re.IGNORECASE)
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_CELL_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class ExportError(RuntimeError):
    """An export would break its promise (e.g. an e-mail page that loads something from outside)."""


@dataclass(frozen=True)
class NotebookInfo:
    """What the index says about one notebook: its name, title, one-line summary and state."""

    name: str
    title: str
    summary: str
    failed: bool = False
    has_html: bool = True


# --- files ---------------------------------------------------------------------------------------


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write a file atomically: a temporary file in the same folder, then os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


# --- notebooks -----------------------------------------------------------------------------------


def cell_id(name: str, index: int) -> str:
    """Return a stable cell id derived from the notebook name and the cell's position."""
    stem = _CELL_ID_UNSAFE.sub("-", name).strip("-") or "cell"
    suffix = f"-{index}"
    return stem[: 64 - len(suffix)] + suffix


def normalize_notebook(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Remove run-specific metadata (timings, papermill timestamps) and give cells stable ids."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, max(int(nb.get("nbformat_minor", 5)), 5)
    papermill = nb.metadata.pop("papermill", None)
    if papermill and "parameters" in papermill:
        nb.metadata["papermill"] = {"parameters": papermill["parameters"]}
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell["id"] = cell_id(name, index)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("collapsed", None)
        for output in cell.get("outputs", []):
            output.pop("transient", None)
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """Return the JSON text of a notebook in nbformat's canonical layout."""
    return nbformat.writes(nb) + "\n"


def first_markdown(nb: nbformat.NotebookNode) -> str:
    """Return the source of the notebook's first markdown cell ('' if none)."""
    return next((cell.source for cell in nb.cells if cell.cell_type == "markdown"), "")


def _plain(markdown_line: str) -> str:
    """Strip heading marks and simple emphasis from one Markdown line."""
    return re.sub(r"[*_`]+", "", markdown_line.lstrip("#").strip())


def notebook_summary(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """Return (title, one-line summary) taken from the first markdown cell."""
    lines = [line.strip() for line in first_markdown(nb).splitlines() if line.strip()]
    headings = [line for line in lines if line.startswith("#")]
    prose = [line for line in lines if not line.startswith("#")]
    title = _plain(headings[0]) if headings else fallback
    return title, (_plain(prose[0]) if prose else "")


def _keep_output(output: Mapping[str, Any], email: bool) -> bool:
    """Tell whether an output belongs in an export (no stderr in e-mail, nothing empty)."""
    if email and output.get("output_type") == "stream" and output.get("name") == "stderr":
        return False
    if output.get("output_type") in ("display_data", "execute_result"):
        return bool(output.get("data"))
    return True


def exportable(nb: nbformat.NotebookNode, email: bool) -> nbformat.NotebookNode:
    """Copy a notebook for export: drop script and widget outputs; for e-mail also stderr and output-less code."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if "remove-cell" in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "code":
            for output in cell.outputs:
                for mimetype in DROPPED_MIMETYPES:
                    output.get("data", {}).pop(mimetype, None)
            cell.outputs = [output for output in cell.outputs if _keep_output(output, email)]
            if email and not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


# --- HTML ----------------------------------------------------------------------------------------


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    """Allow an attribute: layout attributes, http(s)/mailto/#anchor links, and data:image sources only."""
    if name in GLOBAL_ATTRIBUTES:
        return True
    if tag == "a" and name == "href":
        return value.startswith("#") or re.match(r"(?i)(https?|mailto):", value.strip()) is not None
    if tag == "img":
        if name == "src":
            return value.strip().lower().startswith("data:image/")
        return name in ("alt", "width", "height")
    return tag in ("th", "td") and name in CELL_ATTRIBUTES


def clean_html(fragment: object) -> str:
    """Sanitize HTML from markdown and outputs: disallowed tags become visible text, event handlers and scripts go."""
    text = fragment.decode() if isinstance(fragment, bytes) else str(fragment)
    text = _STYLE_BLOCK.sub("", text)
    return bleach.clean(
        text, tags=SAFE_TAGS, attributes=_attribute_allowed, protocols=SAFE_PROTOCOLS,
        strip=False, strip_comments=True,
    )


def make_exporter(email: bool) -> Any:
    """Build nbconvert's HTMLExporter (lab template, sanitized, offline); e-mail hides code and prompts."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        template_file=OFFLINE_TEMPLATE_NAME,
        extra_loaders=[DictLoader({OFFLINE_TEMPLATE_NAME: OFFLINE_TEMPLATE})],
        sanitize_html=True,
        language_code=LANGUAGE,
        embed_images=True,
        exclude_input=email,
        exclude_input_prompt=email,
        exclude_output_prompt=email,
        anchor_link_text="¶",
    )
    exporter.register_filter("clean_html", clean_html)
    return exporter


def _replace_external_image(match: re.Match[str]) -> str:
    """Keep an <img> with a data: source; replace any other with its alt text."""
    attributes = {m.group(1).lower(): (m.group(3) if m.group(3) is not None else m.group(4)) for m in _ATTRIBUTE.finditer(match.group(0))}
    if attributes.get("src", "").strip().lower().startswith("data:image/"):
        return match.group(0)
    alt = attributes.get("alt") or "image"
    return f'<span class="minzheng-missing-image">[{alt}]</span>'


def make_self_contained(page: str) -> str:
    """Remove every <script> and <link> tag and every image that is not a data: URI; force lang="zh"."""
    page = _SCRIPT_BLOCK.sub("", page)
    page = _LINK_TAG.sub("", page)
    page = _IMG_TAG.sub(_replace_external_image, page)
    return _HTML_TAG.sub(f'<html lang="{LANGUAGE}">', page, count=1)


def font_subset(characters: Iterable[str]) -> bytes:
    """Return the Noto Sans CJK SC face cut down to the given characters (OpenType, deterministic bytes)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from minzheng.plotting import cjk_font_path

    font = TTFont(str(cjk_font_path()), fontNumber=CJK_FACE_INDEX, lazy=True, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in characters if ord(c) >= 0x20}))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def embed_font(page: str) -> str:
    """Add an @font-face with a data: URI holding exactly the glyphs the page uses, so Chinese renders anywhere."""
    data = base64.b64encode(font_subset(set(page))).decode("ascii")
    face = f'<style type="text/css">@font-face {{ font-family: "{EMBEDDED_FONT}"; src: url(data:font/otf;base64,{data}) format("opentype"); }}</style>\n'
    head_end = page.lower().find("</head>")
    return page[:head_end] + face + page[head_end:] if head_end >= 0 else face + page


def check_self_contained(page: str, label: str) -> str:
    """Raise ExportError if a page still holds a script or loads anything by URL; return it unchanged."""
    problems = []
    if re.search(r"<script\b", page, re.IGNORECASE):
        problems.append("a <script> tag")
    if re.search(r"""<(?:img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*+(?!["']?data:)""", page, re.IGNORECASE):
        problems.append("an element that loads a URL")
    styles = " ".join(match.group(0) for match in _STYLE_BLOCK.finditer(page))
    if re.search(r"""@import|url\(\s*+(?!["']?data:)""", styles, re.IGNORECASE):
        problems.append("a stylesheet URL")
    if problems:
        raise ExportError(f"{label}: the page holds {', '.join(problems)}")
    return page


def render_html(nb: nbformat.NotebookNode, title: str, *, email: bool, source_dir: Path | None = None) -> str:
    """Render a notebook to sanitized, script-free HTML (e-mail: no code, no prompts, images inline)."""
    nb = exportable(nb, email)
    nb.metadata["title"] = title
    resources = {"metadata": {"name": title, "path": str(source_dir or Path.cwd())}, "house_css": HOUSE_CSS}
    body, _ = make_exporter(email).from_notebook_node(nb, resources=resources)
    return check_self_contained(embed_font(make_self_contained(body)), title)


def export_notebook_pages(nb: nbformat.NotebookNode, name: str, source_dir: Path | None = None) -> dict[str, str]:
    """Render an executed notebook's pages: {"html": page with code, "email": self-contained page}."""
    title, _ = notebook_summary(nb, name)
    return {
        "html": render_html(nb, title, email=False, source_dir=source_dir),
        "email": render_html(nb, title, email=True, source_dir=source_dir),
    }


def export_notebook(nb: nbformat.NotebookNode, name: str, outputs_dir: Path, source_dir: Path | None = None) -> list[Path]:
    """Write html/NAME.html (with code) and email/NAME.html (self-contained) for an executed notebook."""
    pages = export_notebook_pages(nb, name, source_dir)
    return [atomic_write(Path(outputs_dir) / folder / f"{name}.html", page) for folder, page in pages.items()]


def combined_notebook(notebooks: Iterable[tuple[str, nbformat.NotebookNode]]) -> nbformat.NotebookNode:
    """Concatenate executed notebooks in order, after a contents cell listing their titles."""
    parts = list(notebooks)
    combined = nbformat.v4.new_notebook()
    if parts:
        combined.metadata.update({k: v for k, v in parts[0][1].metadata.items() if k in ("kernelspec", "language_info")})
    contents = "\n".join(f"{i}. {notebook_summary(nb, name)[0]}" for i, (name, nb) in enumerate(parts, 1))
    intro = nbformat.v4.new_markdown_cell(f"# {REPORT_TITLE}\n\nAll notebooks in one file, in order:\n\n{contents}")
    intro["id"] = cell_id(REPORT_NAME, 0)
    combined.cells.append(intro)
    for index, (_, nb) in enumerate(parts):
        if index:
            rule = nbformat.v4.new_markdown_cell("---")
            rule["id"] = cell_id(REPORT_NAME, index)
            combined.cells.append(rule)
        combined.cells.extend(copy.deepcopy(nb.cells))
    return combined


def export_combined_report(notebooks: Iterable[tuple[str, nbformat.NotebookNode]], outputs_dir: Path, source_dir: Path | None = None) -> Path:
    """Write email/minzheng_report.html: every notebook in one self-contained page."""
    page = render_html(combined_notebook(notebooks), REPORT_TITLE, email=True, source_dir=source_dir)
    return atomic_write(Path(outputs_dir) / "email" / f"{REPORT_NAME}.html", page)


def index_page(entries: Iterable[NotebookInfo], has_data: bool = True) -> str:
    """Return outputs/index.html: a link to every report with its one-line summary."""
    esc = html.escape
    items = []
    for entry in entries:
        if not entry.has_html:
            items.append(f"<li><strong>{esc(entry.title)}</strong> — {esc(entry.summary)} <em>(failed; no good version yet: see failed/{esc(entry.name)}.ipynb)</em></li>")
            continue
        note = f' <em>(the last run failed; this is the last good version; see failed/{esc(entry.name)}.ipynb)</em>' if entry.failed else ""
        items.append(
            f'<li><a href="email/{esc(entry.name)}.html">{esc(entry.title)}</a> — {esc(entry.summary)}'
            f' <span class="alt">(<a href="html/{esc(entry.name)}.html">with code</a>)</span>{note}</li>'
        )
    data = (
        '<li><a href="data/indicators.csv">indicators.csv</a> and <a href="data/indicators.xlsx">indicators.xlsx</a>'
        " — every extracted figure with its evidence, the data dictionary and the sources</li>"
        if has_data else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(INDEX_TITLE)}</title>
<style>
body {{ font-family: "{EMBEDDED_FONT}", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; max-width: 900px; margin: 2em auto; line-height: 1.5; padding: 0 1em; }}
li {{ margin: 0.4em 0; }} .alt {{ font-size: 0.9em; }}
</style>
</head>
<body>
<h1>{esc(INDEX_TITLE)}</h1>
<p><a href="email/{REPORT_NAME}.html">{esc(REPORT_TITLE)}</a> — all notebooks in one self-contained file, the one to attach to an e-mail.</p>
<h2>Notebooks</h2>
<ul>
{chr(10).join(items)}
</ul>
<h2>Data</h2>
<ul>
{data}
</ul>
</body>
</html>
"""


def write_index(entries: Iterable[NotebookInfo], outputs_dir: Path) -> Path:
    """Write outputs/index.html."""
    has_data = (Path(outputs_dir) / "data" / "indicators.csv").is_file()
    return atomic_write(Path(outputs_dir) / "index.html", embed_font(index_page(entries, has_data)))


# --- data ----------------------------------------------------------------------------------------


def sorted_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort extracted figures stably by document and position."""
    keys = [key for key in INDICATOR_SORT if key in frame.columns]
    if not keys:
        return frame.reset_index(drop=True)
    return frame.sort_values(keys, kind="mergesort", na_position="last").reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return a DataFrame as UTF-8 CSV with a fixed float format and \\n line ends."""
    return frame.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n").encode("utf-8")


def _fix_core_dates(xml: bytes) -> bytes:
    """Set the created and modified dates of docProps/core.xml to a fixed stamp."""
    return _CORE_DATES.sub(lambda m: m.group(1) + FIXED_DOC_STAMP.encode() + m.group(3), xml)


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed entry timestamps, permissions and document dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fix_core_dates(content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, content, compresslevel=6)
    return buffer.getvalue()


def _keep_text_as_text(book: Any) -> None:
    """Store every string cell as text, so report text starting with '=' never becomes a formula."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Return a workbook with one sheet per DataFrame, byte-identical for identical input."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet_name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=sheet_name, index=False)
        book = writer.book
        _keep_text_as_text(book)
        book.properties.creator = "minzheng"
        book.properties.lastModifiedBy = "minzheng"
        book.properties.created = FIXED_DOC_TIME
        book.properties.modified = FIXED_DOC_TIME
    return normalize_zip(buffer.getvalue())


def export_data(corpus: Any, codebook: pd.DataFrame, outputs_dir: Path) -> list[Path]:
    """Write data/indicators.csv and data/indicators.xlsx (indicators, data_dictionary, sources)."""
    indicators = sorted_indicators(corpus.indicators())
    folder = Path(outputs_dir) / "data"
    sheets = {"indicators": indicators, "data_dictionary": codebook.reset_index(drop=True), "sources": corpus.table()}
    return [
        atomic_write(folder / "indicators.csv", csv_bytes(indicators)),
        atomic_write(folder / "indicators.xlsx", xlsx_bytes(sheets)),
    ]
