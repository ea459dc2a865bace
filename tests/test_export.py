"""Exports: HTML with code, self-contained e-mail HTML, the combined report, the index, CSV and XLSX; safety."""

from __future__ import annotations

import html
import io
import re
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from minzheng import paths, writers
from minzheng.codebook import load_codebook
from minzheng.corpus import load_corpus
from minzheng.publish import data, pages, render

# The session's pipeline runs live in test_pipeline; importing its fixtures shares them (tests/ as a package or not).
try:
    from .test_pipeline import PAYLOADS, seeds_run, tiny_runs  # noqa: F401
except ImportError:
    from test_pipeline import PAYLOADS, seeds_run, tiny_runs  # noqa: F401

MAX_REPORT_BYTES = 5 * 1024 * 1024
URL_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
}


class TagCollector(HTMLParser):
    """Collect every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "script", "title"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.open:
            self.text.append(data)


def parse(page: str) -> TagCollector:
    """Parse an HTML page."""
    collector = TagCollector()
    collector.feed(page)
    return collector


def email_pages(outputs: Path) -> list[Path]:
    """Every e-mail page of a run, the combined report included."""
    return sorted((outputs / "email").glob("*.html"))


def read(path: Path) -> str:
    """Read a text file as UTF-8."""
    return path.read_text(encoding="utf-8")


# --- the exports of the seeds run ----------------------------------------------------------------


@pytest.mark.slow
def test_every_notebook_has_an_html_and_an_email_page_and_the_index_links_both(seeds_run):
    index = read(seeds_run.outputs / "index.html")
    links = {attrs.get("href") for tag, attrs in parse(index).tags if tag == "a"}
    for path in seeds_run.notebooks:
        assert {f"email/{path.stem}.html", f"html/{path.stem}.html"} <= links
    assert {"email/minzheng_report.html", "data/indicators.csv", "data/indicators.xlsx"} <= links


@pytest.mark.slow
def test_index_gives_each_report_the_line_of_its_first_markdown_cell(seeds_run):
    index = html.unescape(read(seeds_run.outputs / "index.html"))
    for path in seeds_run.notebooks:
        title, summary = pages.notebook_summary(nbformat.read(path, as_version=4), path.stem)
        assert title in index and summary and summary in index


@pytest.mark.slow
def test_email_pages_hold_no_script_and_load_nothing_by_url(seeds_run):
    for page in email_pages(seeds_run.outputs):
        tags = parse(read(page)).tags
        assert not [t for t, _ in tags if t == "script"], page.name
        for tag, attrs in tags:
            url = attrs.get(URL_ATTRIBUTES.get(tag, ""), None)
            assert url is None or not re.match(r"(?i)\s*(https?:)?//", url), (page.name, tag, url)
        images = [attrs.get("src") or "" for tag, attrs in tags if tag == "img"]
        assert images and all(src.startswith("data:image/") for src in images), page.name
        assert not re.search(r"(?i)@import|url\(\s*['\"]?(https?:)?//", read(page)), page.name


@pytest.mark.slow
def test_email_pages_are_chinese_and_show_no_code_or_prompts(seeds_run):
    for page in email_pages(seeds_run.outputs):
        text = read(page)
        parsed = parse(text)
        classes = {c for _, attrs in parsed.tags for c in (attrs.get("class") or "").split()}
        assert '<html lang="zh">' in text
        assert not classes & {"jp-InputArea-editor", "jp-InputPrompt", "jp-OutputPrompt", "highlight"}, page.name
        assert "In\xa0[" not in "".join(parsed.text) and "Out[" not in "".join(parsed.text)
        assert re.search(r"[\u4e00-\u9fff]", "".join(parsed.text)), page.name


@pytest.mark.slow
def test_html_pages_keep_the_code(seeds_run):
    page = read(seeds_run.outputs / "html" / "00_corpus_overview.html")
    assert "open_page" in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "<script" not in page


@pytest.mark.slow
def test_successful_exports_hold_no_traceback_or_error_output(seeds_run):
    for page in [*email_pages(seeds_run.outputs), *sorted((seeds_run.outputs / "html").glob("*.html"))]:
        text = read(page)
        assert "Traceback" not in text and 'data-mime-type="application/vnd.jupyter.stderr"' not in text, page.name


@pytest.mark.slow
def test_combined_report_holds_every_notebook_in_order_and_stays_under_5_mb(seeds_run):
    report = seeds_run.outputs / "email" / "minzheng_report.html"
    assert report.stat().st_size < MAX_REPORT_BYTES
    text = html.unescape(read(report))
    positions = []
    for path in seeds_run.notebooks:
        title, _ = pages.notebook_summary(nbformat.read(path, as_version=4), path.stem)
        assert title in text, path.stem
        positions.append(text.index(title, text.index("</h1>")))
    assert positions == sorted(positions)


@pytest.mark.slow
def test_data_exports_hold_every_figure_with_evidence_the_dictionary_and_the_sources(seeds_run):
    corpus = load_corpus(paths.SEEDS_DIR)
    expected = corpus.indicators()
    frame = pd.read_csv(seeds_run.outputs / "data" / "indicators.csv", keep_default_na=False)
    assert len(frame) == len(expected) and list(frame.columns) == list(expected.columns)
    assert (frame["evidence"].str.len() > 0).all()
    book = pd.read_excel(seeds_run.outputs / "data" / "indicators.xlsx", sheet_name=None)
    themes = ["social_assistance", "elderly_care", "child_protection", "party_building", "social_organisations"]
    assert list(book) == ["indicators", *themes, "data_dictionary", "sources", "reference"]
    assert len(book["indicators"]) == len(expected) == sum(len(book[theme]) for theme in themes)
    assert len(book["data_dictionary"]) == len(load_codebook()) and len(book["sources"]) == len(corpus)


def notebook_refs(outputs: Path) -> set[str]:
    """Every reference row (file:line) a table the notebooks saved names in its ref columns."""
    found = set()
    for path in outputs.glob("0*/*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in [c for c in frame.columns if c in ("ref", "refs") or c.endswith("_ref")]:
            found |= {r.strip() for cell in frame[column] for r in cell.split(";") if r.strip()}
    return found


@pytest.mark.slow
def test_the_data_export_has_a_reference_sheet_with_every_row_the_notebooks_used(seeds_run):
    sheet = pd.read_excel(seeds_run.outputs / "data" / "indicators.xlsx", sheet_name="reference", dtype=str)
    used = notebook_refs(seeds_run.outputs)
    assert {"standards.csv:2", "standards.csv:4", "population.csv:17", "national.csv:6"} <= used
    assert used <= set(sheet["ref"])
    assert sheet[["source_title", "source_url", "reliability", "used_in"]].notna().all().all()
    rows = sheet.set_index("ref")
    assert rows.loc["standards.csv:2", "value"] == "709" and rows.loc["standards.csv:2", "date"] == "2022-07-01"
    assert "standards_in_force" in rows.loc["standards.csv:2", "used_in"]


@pytest.mark.slow
def test_the_email_report_shows_the_published_standards_readably_with_their_charts_inline(seeds_run):
    page = read(seeds_run.outputs / "email" / "minzheng_report.html")
    start = page.index("Published standards in force")
    section = page[start : page.index("Recipients and money paid", start)]
    images = re.findall(r'<img[^>]*src="([^"]*)"', section)
    assert len(images) == 4 and all(src.startswith("data:image/png;base64,") for src in images)
    text = html.unescape(re.sub(r"<[^>]+>", " ", section))
    assert "are found for 4 of 5 reports" in text and "gap: the reference holds no published standard for 莒县" in text
    assert "The reports' own claims:" in text and "3.5% a year" in text
    assert "<table" in section and "reliability" in text


@pytest.mark.slow
def test_xlsx_entries_and_document_dates_are_fixed(seeds_run):
    with zipfile.ZipFile(seeds_run.outputs / "data" / "indicators.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {writers.FIXED_ZIP_TIME}
        core = book.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [writers.FIXED_DOC_STAMP] * 2


# --- safety: report text is data -------------------------------------------------------------------


@pytest.mark.slow
def test_hostile_report_text_is_shown_as_text_in_both_exports(tiny_runs):
    for folder in ("email", "html"):
        page = read(tiny_runs.first.outputs / folder / "10_hostile.html")
        tags = parse(page).tags
        assert not [t for t, _ in tags if t == "script"], folder
        assert not [a for _, a in tags if any(k.startswith("on") for k in a)], folder
        assert not [a for _, a in tags if any("javascript:" in (v or "").lower() for v in a.values())], folder
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, folder
        text = "".join(parse(page).text)
        assert "<script>alert(1)</script>" in text, folder


def test_clean_html_escapes_scripts_and_drops_handlers_and_javascript_links():
    cleaned = render.clean_html(
        " ".join(PAYLOADS) + "<style>p{}</style><h2 id='a'>标题</h2><table><tr><th>区</th></tr></table>"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cleaned
    assert "onerror" not in cleaned and "javascript:" not in cleaned and "<style" not in cleaned
    assert '<h2 id="a">标题</h2>' in cleaned and "<th>区</th>" in cleaned


def test_clean_html_keeps_only_data_image_sources_and_web_links():
    cleaned = render.clean_html(
        '<img src="data:image/png;base64,AAAA"><img src="https://x.test/a.png"><a href="https://x.test">w</a><a href="data:text/html,x">d</a>'
    )
    assert 'src="data:image/png;base64,AAAA"' in cleaned and "x.test/a.png" not in cleaned
    assert 'href="https://x.test"' in cleaned and "data:text/html" not in cleaned


def test_email_pages_replace_images_that_are_not_data_uris():
    page = render.make_self_contained(
        '<html lang="en"><head><script src="https://cdn/x.js"></script><link rel="stylesheet" href="https://cdn/x.css"></head><body><img alt="chart" src="chart.png"><img src="data:image/png;base64,AA"></body></html>'
    )
    assert '<html lang="zh">' in page and "<script" not in page and "<link" not in page
    assert "[chart]" in page and 'src="data:image/png;base64,AA"' in page
    assert render.check_self_contained(page, "test") == page


def test_check_self_contained_rejects_scripts_and_remote_images():
    for page in (
        "<script>1</script>",
        '<img src="https://x.test/a.png">',
        '<style>@import "https://x.test/a.css";</style>',
    ):
        with pytest.raises(render.ExportError):
            render.check_self_contained(page, "test")


def test_text_starting_with_equals_stays_text_in_the_xlsx():
    data = writers.xlsx_bytes({"s": pd.DataFrame({"evidence": ['=HYPERLINK("https://x.test","x")']})})
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


# --- files and determinism (no pipeline) -----------------------------------------------------------


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "a.html"
    writers.atomic_write(target, "一")
    writers.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.html"]


def test_atomic_write_that_fails_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.html"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(writers.os, "replace", broken_replace)
    with pytest.raises(OSError):
        writers.atomic_write(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.html"]


def test_normalize_notebook_removes_timings_and_gives_stable_cell_ids():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), nbformat.v4.new_code_cell("1")])
    nb.metadata["papermill"] = {"start_time": "2024-01-01T00:00:00", "duration": 1.0, "parameters": {"a": 1}}
    nb.cells[1].metadata.update(execution={"iopub.status.busy": "2024-01-01"}, papermill={"duration": 1.0}, tags=["x"])
    clean = pages.normalize_notebook(nb, "00 overview")
    assert [c.id for c in clean.cells] == ["00-overview-0", "00-overview-1"]
    assert clean.metadata.papermill == {"parameters": {"a": 1}}
    assert clean.cells[1].metadata == {"tags": ["x"]}
    nbformat.validate(clean)


def test_cell_ids_stay_valid_for_long_and_unusual_notebook_names():
    cid = pages.cell_id("报告 " + "x" * 100, 123)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cid) and cid.endswith("-123")


def test_xlsx_bytes_are_identical_across_seconds():
    frame = pd.DataFrame({"region": ["莒县", "徐州市"], "value": [1.5, 17604.19]})
    first = writers.xlsx_bytes({"indicators": frame})
    time.sleep(1.1)
    assert writers.xlsx_bytes({"indicators": frame}) == first


def test_csv_uses_a_fixed_float_format_and_unix_line_ends():
    frame = pd.DataFrame({"value": [17604.19, 32285.0, 0.1 + 0.2], "region": ["兰陵县", "莒县", "徐州市"]})
    assert writers.csv_bytes(frame).decode() == "value,region\n17604.19,兰陵县\n32285,莒县\n0.3,徐州市\n"


def test_indicator_rows_are_sorted_stably_by_document_and_position():
    frame = pd.DataFrame(
        {
            "document": ["b", "a", "a"],
            "start": [1, 9, 2],
            "end": [2, 10, 3],
            "indicator": ["x", "y", "z"],
            "value": [1, 2, 3],
        }
    )
    assert list(data.sorted_indicators(frame)["indicator"]) == ["z", "y", "x"]


def test_page_title_and_summary_come_from_the_first_markdown_cell():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("x"),
            nbformat.v4.new_markdown_cell("# **Title** 标题\n\nOne *line* summary.\n\nMore."),
        ]
    )
    assert pages.notebook_summary(nb, "fallback") == ("Title 标题", "One line summary.")
    assert pages.notebook_summary(nbformat.v4.new_notebook(), "fallback") == ("fallback", "")


def test_index_escapes_titles_and_summaries():
    page = pages.index_page([pages.NotebookInfo("n", "<b>t</b>", "<script>alert(1)</script>")])
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "<b>t</b>" not in page
