"""Report files as researchers receive them: saved web pages, PDFs and Word files read into the same Report as a
.txt, giving the same figures; formats not read, scans and broken files refused with what to do."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from minzheng import paths
from minzheng.corpus import load_corpus
from minzheng.errors import CorpusError, ReportError
from minzheng.extract.figures import extract_text, indicator_frame
from minzheng.read.formats.pdf_furniture import page_furniture
from minzheng.read.formats.table_rows import row_sentences
from minzheng.read.report import read_report

from .conftest import row, write_manifest
from .report_files import FOOTER, NAV, TABLE_MOVES, Seed, seeds, web_page, write_pdf, write_word

FIGURE = ["indicator", "value", "unit", "qualifier", "modality", "period"]
SEEDS = seeds()
STYLES = ("cms", "table-layout", "portal")


def read_seed_file(seed: Seed, path: Path):
    """Read a file holding a seed, with the seed's manifest row."""
    meta = {key: seed.row[key] for key in ("province", "parent_city", "published", "genre", "publisher", "script")}
    return read_report(path, seed.row["region"], int(seed.row["year"]), seed.row["level"], meta)


def figures(report) -> Counter:
    """The report's figures as (indicator, value, unit, qualifier, modality, period), counted."""
    frame = indicator_frame([report]).fillna({"value": -1.0})
    return Counter(tuple(str(v) for v in record) for record in frame[FIGURE].itertuples(index=False))


def save_as(seed: Seed, kind: str, folder: Path, number: int) -> Path:
    """The seed saved as a web page (of one of the templates), a PDF or a Word file."""
    path = folder / f"{Path(seed.file).stem}.{kind}"
    if kind == "html":
        path.write_bytes(web_page(seed, STYLES[number % 3], charset=("utf-8", "gb2312")[number % 2]))
    elif kind == "pdf":
        write_pdf(seed, path, header=f"{seed.row['region']}民政局工作报告", numbers=("dash", "of", "bare")[number % 3])
    else:
        write_word(seed, path)
    return path


@pytest.mark.parametrize("kind", ["html", "pdf", "docx"])
@pytest.mark.parametrize("number", range(len(SEEDS)), ids=[s.file[:3] for s in SEEDS])
def test_each_seed_saved_as_a_web_page_pdf_or_word_file_gives_the_figures_of_its_text(tmp_path, kind, number):
    seed = SEEDS[number]
    expected = figures(read_seed_file(seed, paths.SEEDS_DIR / seed.file))
    assert figures(read_seed_file(seed, save_as(seed, kind, tmp_path, number))) == expected


def test_the_web_page_and_word_file_hold_the_moved_figure_in_a_table_row_sentence(tmp_path):
    seed = SEEDS[1]
    for kind in ("html", "docx"):
        report = read_seed_file(seed, save_as(seed, kind, tmp_path, 1))
        assert "临时救助人次：790人次，临时救助资金：275.85万元。" in report.text.split("\n")
        assert "实施临时救助790人次" not in report.text


@pytest.mark.parametrize("style", STYLES)
def test_a_web_page_keeps_its_main_text_and_logs_navigation_footer_and_scripts(tmp_path, style):
    path = tmp_path / "page.html"
    path.write_bytes(web_page(SEEDS[3], style))
    report = read_report(path, "济宁市", 2023)
    log = report.cleaned.removals
    left_out = " ".join(r.text for r in log if r.kind == "html-boilerplate")
    for boilerplate in (NAV[1], FOOTER[0], FOOTER[2]):
        assert boilerplate in left_out
        assert boilerplate not in report.text
    assert any(r.kind == "html-script" and "_hmt" in r.text for r in log)
    assert "_hmt" not in report.text and "版权所有" not in report.text
    assert report.text.startswith(("济宁市民政工作情况", "近年来"))
    assert "\n建成养老服务设施：1499处。\n配置养老床位：6.7万张。\n" in report.text


def test_a_web_page_states_its_title_date_and_publisher_where_the_manifest_does_not(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(web_page(SEEDS[0], "cms"))
    assert read_report(path, "莒县", 2023).meta == {
        "title": "莒县民政工作情况",
        "published": "2023-12-18",
        "publisher": "莒县民政局",
    }
    stated = read_report(path, "莒县", 2023, meta={"publisher": "莒县人民政府", "published": ""}).meta
    assert stated["publisher"] == "莒县人民政府" and stated["published"] == "2023-12-18"


def test_a_web_page_in_its_declared_gb2312_charset_is_decoded(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(web_page(SEEDS[4], "portal", charset="gb2312"))
    report = read_report(path, "长沙县", 2024)
    assert report.encoding == "gb18030"
    assert "长沙县召开2024年全县民政工作会议" in report.text


def test_a_web_page_without_main_text_is_named_and_the_rest_of_the_corpus_loads(tmp_path):
    links = "".join(f'<li><a href="/n{k}.html">关于做好第{k}批民政工作的通知</a></li>' for k in range(30))
    (tmp_path / "list.html").write_text(f"<html><body><ul>{links}</ul><p>{FOOTER[0]}</p></body></html>", "utf-8")
    (tmp_path / "a.txt").write_text("全县纳入城乡低保4521人。", encoding="utf-8")
    write_manifest(tmp_path, [row("list.html", "甲县"), row("a.txt", "乙县")])
    corpus = load_corpus(tmp_path)
    assert corpus.regions == ["乙县"]
    assert any("list.html" in p and "no main text" in p for p in corpus.problems)


def test_a_data_table_in_a_web_page_is_read_row_by_row_and_a_layout_table_is_not(tmp_path):
    page = (
        '<html><body><table><tr><td><table><tr><td><a href="/">首页</a></td><td><a href="/z">政务公开</a></td></tr>'
        "</table></td></tr><tr><td><p>2023年，全县民政工作取得新进展，兜底保障水平不断提高，各项惠民政策落实到位。</p>"
        '<table border="1"><tr><th>项目</th><th>人数</th><th>资金</th></tr><tr><td>城市低保</td><td>3200人</td>'
        "<td>1200万元</td></tr></table><p>下一步，我们将继续做好困难群众基本生活保障工作，确保应保尽保。</p></td></tr>"
        "</table></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    report = read_report(tmp_path / "page.html", "某县", 2023)
    assert "城市低保人数：3200人，城市低保资金：1200万元。" in report.text.split("\n")
    found = indicator_frame([report]).set_index("indicator")["value"]
    assert found["sa.dibao_recipients_urban"] == 3200 and found["sa.dibao_funds"] == 12_000_000


@pytest.mark.parametrize(("numbers", "printed"), [("dash", "- 2 -"), ("of", "第2页 共"), ("bare", "2")])
def test_a_pdf_loses_its_running_header_and_page_numbers_and_logs_them(tmp_path, numbers, printed):
    path = tmp_path / "report.pdf"
    write_pdf(SEEDS[1], path, header="兰陵县民政局工作报告", numbers=numbers)
    report = read_report(path, "兰陵县", 2021)
    kinds = Counter(r.kind for r in report.cleaned.removals)
    pages = len(report.page_starts)
    assert pages >= 4 and kinds["pdf-header"] == pages and kinds["pdf-page-number"] == pages
    assert "工作报告" not in report.text
    assert any(r.kind == "pdf-page-number" and r.text.startswith(printed) for r in report.cleaned.removals)
    assert not re.search(r"^\s*(- \d+ -|第\d+页.*|\d+)\s*$", report.text, re.M)


def test_a_pdf_joins_a_number_split_across_lines(tmp_path):
    path = tmp_path / "report.pdf"
    write_pdf(SEEDS[1], path)
    report = read_report(path, "兰陵县", 2021, "county")
    assert "主任6\n09人" in report.original
    assert "儿童主任609人" in report.text
    assert indicator_frame([report]).set_index("indicator").loc["cp.child_directors", "value"] == 609


def test_a_figure_of_a_pdf_knows_the_page_it_stands_on(tmp_path):
    path = tmp_path / "report.pdf"
    bodies = write_pdf(SEEDS[3], path, header="济宁市民政局")
    report = read_report(path, "济宁市", 2023, "prefecture-level city")
    frame = indicator_frame([report])
    assert len(report.page_starts) == len(bodies) >= 3
    for record in frame.dropna(subset=["value"]).itertuples():
        page = report.page_at(record.source_start)
        assert record.raw.replace("，", ",") in re.sub(
            r"\s+", "", bodies[page - 1] + bodies[min(page, len(bodies) - 1)]
        )
    last = frame.dropna(subset=["value"]).iloc[-1]
    assert report.page_at(last.source_start) > 1
    assert read_report(paths.SEEDS_DIR / SEEDS[3].file, "济宁市", 2023).page_at(0) is None


def test_a_scanned_pdf_without_text_is_named_with_ocr_and_the_rest_of_the_corpus_loads(tmp_path):
    write_pdf(SEEDS[2], tmp_path / "scan.pdf", text_layer=False)
    (tmp_path / "a.txt").write_text("全县纳入城乡低保4521人。", encoding="utf-8")
    write_manifest(tmp_path, [row("scan.pdf", "甲县"), row("a.txt", "乙县")])
    with pytest.raises(ReportError, match=r"scan\.pdf: the PDF looks like a scan with no text layer.*images.*ocrmypdf"):
        read_report(tmp_path / "scan.pdf", "甲县", 2023)
    corpus = load_corpus(tmp_path)
    assert corpus.regions == ["乙县"] and any("scan.pdf" in p and "OCR" in p for p in corpus.problems)


def test_an_encrypted_pdf_is_named_with_what_to_do(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt=StandardEncryption("secret", "owner"))
    drawing.drawString(72, 720, "report")
    drawing.save()
    with pytest.raises(ReportError, match=r"locked\.pdf: the PDF is encrypted with a password.*unprotected copy"):
        read_report(tmp_path / "locked.pdf")


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("broken.pdf", b"%PDF-1.4 or other bytes", "not a PDF that can be read"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a Word .docx file that can be opened"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "an old Word (.doc) file or an encrypted"),
        ("binary.html", b"\x00\x01\x02" * 100, "the file is binary"),
    ],
)
def test_a_broken_file_gets_an_error_naming_it_and_its_problem(tmp_path, name, data, problem):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ReportError) as raised:
        read_report(tmp_path / name, "某县", 2023)
    assert str(raised.value).startswith(f"{tmp_path / name}: {problem}")


@pytest.mark.parametrize(("name", "what"), [("a.doc", "old Word"), ("a.wps", "WPS"), ("a.rtf", "RTF")])
def test_old_word_wps_and_rtf_files_are_refused_with_what_to_do(tmp_path, name, what):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0 whatever")
    with pytest.raises(
        ReportError, match=rf"{re.escape(name)}: an? {what}.*is not read \(open it and save it as \.docx"
    ):
        read_report(tmp_path / name, "某县", 2023)


def test_a_corpus_of_mixed_formats_loads_each_report_and_names_each_problem(tmp_path):
    write_pdf(SEEDS[3], tmp_path / "jining.pdf", header="济宁市民政局")
    (tmp_path / "changsha.html").write_bytes(web_page(SEEDS[4]))
    write_word(SEEDS[1], tmp_path / "lanling.docx")
    (tmp_path / "juxian.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "unlisted.pdf").write_bytes(b"%PDF-1.4")
    write_manifest(
        tmp_path,
        [
            row("jining.pdf", "济宁市"),
            row("changsha.html", "长沙县"),
            row("lanling.docx", "兰陵县"),
            row("juxian.doc", "莒县"),
        ],
    )
    corpus = load_corpus(tmp_path)
    assert corpus.regions == ["济宁市", "长沙县", "兰陵县"]
    assert [p.split(":")[0] for p in corpus.problems] == [str(tmp_path / "unlisted.pdf"), str(tmp_path / "juxian.doc")]
    assert "no manifest row names this file" in corpus.problems[0] and "old Word" in corpus.problems[1]
    assert {"pdf-header", "html-boilerplate", "docx-header"} <= set(corpus.cleaning_log()["kind"])
    with pytest.raises(CorpusError):
        load_corpus(tmp_path, strict=True)


def test_reading_a_web_page_pdf_or_word_file_twice_gives_the_same_report(tmp_path):
    for kind in ("html", "pdf", "docx"):
        path = save_as(SEEDS[0], kind, tmp_path, 0)
        first, second = read_seed_file(SEEDS[0], path), read_seed_file(SEEDS[0], path)
        assert (first.original, first.text, first.cleaned.removals) == (
            second.original,
            second.text,
            second.cleaned.removals,
        )


def test_a_word_table_row_keeps_its_column_header_and_its_figure_is_extracted(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("2023年，全县社会救助工作扎实推进。")
    table = document.add_table(rows=3, cols=2)
    for r, cells in enumerate([["项目", "标准"], ["城市低保标准", "每人每月924元"], ["农村低保标准", "每人每月745元"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(tmp_path / "table.docx")
    report = read_report(tmp_path / "table.docx", "某县", 2023, "county")
    assert report.text.split("\n")[1:] == ["城市低保标准：每人每月924元。", "农村低保标准：每人每月745元。"]
    found = indicator_frame([report]).set_index("indicator")
    assert found.loc["sa.dibao_standard_urban", "value"] == 924 and found.loc["sa.dibao_standard_rural", "value"] == 745
    assert set(found["unit"]) == {"元/人/月"}


@pytest.mark.parametrize(
    ("rows", "sentences"),
    [
        (
            [["项目", "人数", "资金"], ["城市低保", "3200人", "1200万元"]],
            ["城市低保人数：3200人，城市低保资金：1200万元。"],
        ),
        ([["序号", "指标", "单位", "数量"], ["1", "特困供养人员", "人", "5595"]], ["特困供养人员：5595人。"]),
        ([["纳入城乡低保", "32285人"]], ["纳入城乡低保：32285人。"]),
        ([["项目", "数量"], ["养老机构床位", "1740张"], ["", ""]], ["养老机构床位：1740张。"]),
    ],
)
def test_table_rows_read_as_sentences_that_the_extractor_reads(rows, sentences):
    assert row_sentences(rows) == sentences
    assert len(extract_text("\n".join(sentences), region="某县", year=2023)) == sum(s.count("：") for s in sentences)


def test_a_running_header_missing_from_the_first_page_is_still_found():
    pages = [["关于2023年工作的报告", "正文第一行"], ["某县民政局", "正文", "- 2 -"], ["某县民政局", "正文二", "- 3 -"]]
    found = page_furniture(pages)
    assert found == {
        (1, 0): ("pdf-header", "running header repeated at the top of the pages"),
        (2, 0): ("pdf-header", "running header repeated at the top of the pages"),
        (1, 2): ("pdf-page-number", "page number printed on the page"),
        (2, 2): ("pdf-page-number", "page number printed on the page"),
    }


def test_the_seeds_as_table_moves_name_sentences_their_texts_hold():
    for seed in SEEDS:
        assert TABLE_MOVES[seed.file][0] in seed.text
