"""Notebook → safe HTML: sanitised output, offline template, images inline and the CJK font embedded."""

from __future__ import annotations

import base64
import copy
import html
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import bleach
import nbformat
from jinja2 import DictLoader

from minzheng.compare.views import email_text
from minzheng.publish.fonts import font_subset
from minzheng.publish.images import smaller_png_text

LANGUAGE = "zh"


# The output metadata key of what the e-mail page shows instead of an output (present/markdown.EmailCut).
EMAIL_ALTERNATIVE = "minzheng/email"


DROPPED_MIMETYPES = (
    "application/javascript",
    "application/vnd.jupyter.widget-view+json",
    "application/vnd.jupyter.widget-state+json",
)


EMBEDDED_FONT = "minzheng Noto Sans CJK SC"


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
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "span",
    "pre",
    "code",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
    "img",
    "sup",
    "sub",
    "dl",
    "dt",
    "dd",
    "del",
    "ins",
    "s",
    "u",
    "small",
    "kbd",
    "figure",
    "figcaption",
    "details",
    "summary",
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


# The run id closes every page: on screen at its end, and in print at the foot of every sheet (where supported).
FOOTER_CSS = """footer.minzheng-run { max-width: 1100px; margin: 2em auto 1em; padding: 0 1em; color: #666; font-size: 0.85em; }
@media print { @page { @bottom-right { content: "minzheng run RUN_ID"; font-size: 8pt; color: #666; } } }
"""


RUN_ID_GLYPHS = "0123456789abcdef"


_UNSAFE_ID = re.compile(r"[^0-9A-Za-z_-]")


_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


class ExportError(RuntimeError):
    """An export would break its promise (e.g. an e-mail page that loads something from outside)."""


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
                alternative = output.get("metadata", {}).pop(EMAIL_ALTERNATIVE, None)
                if email and alternative:  # a long table's cut, with where the rest is (views.py)
                    output["data"] = {**output.get("data", {}), **alternative}
                if email and "image/png" in output.get("data", {}):
                    output["data"]["image/png"] = smaller_png_text(output["data"]["image/png"])
                if email and "text/markdown" in output.get("data", {}):  # a very long text: cut (views.py)
                    output["data"]["text/markdown"] = email_text(output["data"]["text/markdown"])
            cell.outputs = [output for output in cell.outputs if _keep_output(output, email)]
            if email and not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


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
    return _clean(fragment.decode() if isinstance(fragment, bytes) else str(fragment))


@lru_cache(maxsize=4096)
def _clean(text: str) -> str:
    """clean_html of a text, once per text (a notebook's research and e-mail pages clean the same outputs)."""
    text = _STYLE_BLOCK.sub("", text)
    return bleach.clean(
        text,
        tags=SAFE_TAGS,
        attributes=_attribute_allowed,
        protocols=SAFE_PROTOCOLS,
        strip=False,
        strip_comments=True,
    )


@lru_cache(maxsize=2)
def make_exporter(email: bool) -> Any:
    """nbconvert's HTMLExporter (lab template, sanitized, offline); e-mail hides code and prompts. Built once per process
    and kind: its templates compile in about 0.15 s, and a worker renders several notebooks."""
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
    attributes = {
        m.group(1).lower(): (m.group(3) if m.group(3) is not None else m.group(4))
        for m in _ATTRIBUTE.finditer(match.group(0))
    }
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


def embed_font(page: str) -> str:
    """Add an @font-face with a data: URI holding the glyphs the page uses, so Chinese renders anywhere (and every
    glyph a run id can hold, so pages that differ in their run id only differ in it alone)."""
    data = base64.b64encode(font_subset(set(page) | set(RUN_ID_GLYPHS))).decode("ascii")
    face = f'<style type="text/css">@font-face {{ font-family: "{EMBEDDED_FONT}"; src: url(data:font/otf;base64,{data}) format("opentype"); }}</style>\n'
    head_end = page.lower().find("</head>")
    return page[:head_end] + face + page[head_end:] if head_end >= 0 else face + page


def check_self_contained(page: str, label: str) -> str:
    """Raise ExportError if a page still holds a script or loads anything by URL; return it unchanged."""
    problems = []
    if re.search(r"<script\b", page, re.IGNORECASE):
        problems.append("a <script> tag")
    if re.search(
        r"""<(?:img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*+(?!["']?data:)""", page, re.IGNORECASE
    ):
        problems.append("an element that loads a URL")
    styles = " ".join(match.group(0) for match in _STYLE_BLOCK.finditer(page))
    if re.search(r"""@import|url\(\s*+(?!["']?data:)""", styles, re.IGNORECASE):
        problems.append("a stylesheet URL")
    if problems:
        raise ExportError(f"{label}: the page holds {', '.join(problems)}")
    return page


def add_footer(page: str, run_id: str, note: str = "") -> str:
    """Close a page with a footer naming the run that made it (and `note`); a page without a run id is unchanged."""
    if not run_id:
        return page
    text = f"minzheng run {run_id}" + (f"; {note}" if note else "")
    style = f'<style type="text/css">{FOOTER_CSS.replace("RUN_ID", _UNSAFE_ID.sub("", run_id))}</style>\n'
    footer = f'<footer class="minzheng-run"><p>{html.escape(text)}</p></footer>\n'
    head_end = page.lower().find("</head>")
    page = page[:head_end] + style + page[head_end:] if head_end >= 0 else style + page
    ends = list(_BODY_END.finditer(page))
    return page[: ends[-1].start()] + footer + page[ends[-1].start() :] if ends else page + footer


def render_html(
    nb: nbformat.NotebookNode,
    title: str,
    *,
    email: bool,
    source_dir: Path | None = None,
    run_id: str = "",
    note: str = "",
) -> str:
    """Render a notebook to sanitized, script-free HTML (e-mail: no code or prompts) with its run's footer."""
    return finish_page(render_body(nb, title, email=email, source_dir=source_dir), title, run_id, note)


def render_body(nb: nbformat.NotebookNode, title: str, *, email: bool, source_dir: Path | None = None) -> str:
    """A notebook as sanitized, script-free HTML, before its footer and font are added."""
    nb = exportable(nb, email)
    nb.metadata["title"] = title
    resources = {"metadata": {"name": title, "path": str(source_dir or Path.cwd())}, "house_css": HOUSE_CSS}
    body, _ = make_exporter(email).from_notebook_node(nb, resources=resources)
    return make_self_contained(body)


def finish_page(body: str, title: str, run_id: str = "", note: str = "") -> str:
    """Add a rendered body's footer and embedded font, and check that it loads nothing from outside."""
    return check_self_contained(embed_font(add_footer(body, run_id, note)), title)
