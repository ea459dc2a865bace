"""Reliability: the corpus boundary, encodings that only decode by accident, control characters, inert exports."""

from __future__ import annotations

import os

import matplotlib
import pandas as pd
import pytest

from minzheng.corpus import load_corpus
from minzheng.errors import ManifestError, MinzhengError, ReportError
from minzheng.read.clean import clean_text
from minzheng.read.decode import decode_bytes
from minzheng.writers import csv_bytes

HEADER = "file,region,level,year\n"


def corpus_with(tmp_path, row: str, files: dict[str, str] | None = None):
    """A corpus folder with one manifest row and the given files."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.csv").write_text(HEADER + row, encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/hostname"])
def test_a_manifest_row_naming_a_file_outside_the_corpus_is_refused_in_every_mode(tmp_path, name):
    (tmp_path / "secret.txt").write_text("全县低保对象100人。", encoding="utf-8")
    folder = corpus_with(tmp_path, f"{name},某县,county,2024\n")
    for strict in (False, True):
        with pytest.raises(MinzhengError, match="lies outside the corpus folder"):
            load_corpus(folder, strict=strict)


def test_a_link_in_the_corpus_pointing_outside_it_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("全县低保对象100人。", encoding="utf-8")
    folder = corpus_with(tmp_path, "link.txt,某县,county,2024\n")
    os.symlink(tmp_path / "secret.txt", folder / "link.txt")
    with pytest.raises(MinzhengError, match="line 2: file 'link.txt' lies outside the corpus folder"):
        load_corpus(folder)


def test_a_manifest_with_a_header_and_no_rows_is_a_clear_error(tmp_path):
    folder = corpus_with(tmp_path, "")
    with pytest.raises(ManifestError, match="header but no rows"):
        load_corpus(folder)


def test_a_manifest_separated_by_semicolons_gets_a_hint(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.csv").write_text("file;region;level;year\na.txt;某县;county;2024\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="separated by ';': save the manifest with commas"):
        load_corpus(folder)


def test_a_big5_report_is_an_error_that_names_big5_not_garbled_text():
    text = "最低生活保障標準由每人每月1000元調整為1100元。特困人員基本生活標準同步提高。" * 10
    with pytest.raises(ReportError, match="seems to be big5"):
        decode_bytes(text.encode("big5"), "a.txt")


@pytest.mark.parametrize("text", ["临时救助", "全县低保对象1200人，发放低保金500万元。" * 20])
def test_short_and_long_gbk_reports_still_decode(text):
    assert decode_bytes(text.encode("gbk"), "a.txt").text == text


def test_control_characters_anywhere_are_removed_and_logged():
    text = "全县低保" + "对象" * 5000 + "1200\x00人，发放低保\x0c金500万元。"
    cleaned = clean_text(text)
    assert "\x00" not in cleaned.text and "\x0c" not in cleaned.text and "低保金500万元" in cleaned.text
    assert sum(1 for removal in cleaned.removals if removal.kind == "control") == 2


def test_formula_like_text_is_inert_in_the_csv_export_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {"evidence": ['=HYPERLINK("http://x","y")', "@SUM(1)", "-1+2", "全县"], "value": [1, -2, 3, 4]}
    )
    text = csv_bytes(frame).decode("utf-8")
    assert "'=HYPERLINK" in text and "'@SUM" in text and "'-1+2" in text and ",-2\n" in text


def test_chart_text_from_reports_is_never_read_as_mathtext():
    from minzheng.present.style import house_rc

    assert house_rc()["text.parse_math"] is False
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(house_rc()):
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.text(0, 0, r"$\undefinedmacro$ region")
        figure.canvas.draw()


def test_paths_follow_the_project_of_the_working_directory_not_the_install(tmp_path):
    from minzheng.paths import project_root

    other = tmp_path / "second_checkout"
    (other / "seeds").mkdir(parents=True)
    (other / "Makefile").write_text("all:\n", encoding="utf-8")
    (other / "notebooks").mkdir()
    assert project_root(other / "notebooks") == other.resolve()
    assert project_root(tmp_path) != tmp_path.resolve()


def test_a_failed_tasks_summary_keeps_the_whole_message_of_a_manifest_error():
    from minzheng.publish.kernel import error_summary

    error = ManifestError("corpus/manifest.csv", ["line 3: column 'year' is empty", "line 5: unknown level 'town'"])
    summary = error_summary(error)
    assert "line 3: column 'year' is empty" in summary and "line 5: unknown level 'town'" in summary


def test_reports_that_could_not_be_read_are_listed_on_the_index_and_in_the_combined_report(tmp_path):
    from minzheng.publish.pages import NotebookInfo, combined_notebook, index_page
    from minzheng.publish.run import export_data_task

    folder = corpus_with(
        tmp_path, "a.txt,甲县,county,2024\nb.txt,乙县,county,2024\n", {"a.txt": "全县低保对象100人。", "b.txt": "  "}
    )
    unread = export_data_task(folder, None, False, tmp_path / "outputs").notes
    assert len(unread) == 1 and "b.txt" in unread[0] and "empty" in unread[0]
    page = index_page([NotebookInfo("01", "Social assistance", "summary")], True, unread)
    assert "1 report(s) could not be read" in page and "b.txt" in page
    intro = combined_notebook([], unread).cells[0].source
    assert "1 report(s) could not be read" in intro and "b.txt" in intro


def test_a_url_in_report_or_manifest_text_never_becomes_a_live_link():
    import mistune

    from minzheng.present.markdown import escape_md

    rendered = mistune.create_markdown(plugins=["url"])(escape_md("来源 https://example.org/x 与 www.example.cn"))
    assert "<a " not in rendered and "example.org/x" in rendered


@pytest.mark.parametrize(
    "given, message",
    [
        ({"corpus_dir": "/elsewhere"}, "set it with --corpus"),
        ({"stirct": True}, "no notebook has this parameter"),
    ],
)
def test_a_notebook_parameter_that_would_split_or_be_ignored_is_refused(given, message):
    from pathlib import Path

    from minzheng.publish.run import PipelineError, check_parameters

    notebooks = sorted(Path("notebooks").glob("*.ipynb"))
    with pytest.raises(PipelineError, match=message):
        check_parameters(given, notebooks)


def test_a_second_run_on_the_same_outputs_is_refused_while_the_first_lives(tmp_path):
    from minzheng.publish.guard import LOCK_NAME, RunLocked, outputs_lock

    (tmp_path / LOCK_NAME).write_text(f"{os.getppid()}\n", encoding="utf-8")
    with pytest.raises(RunLocked, match=f"process {os.getppid()}"):
        with outputs_lock(tmp_path):
            pass


def test_a_lock_left_by_a_dead_run_is_taken_over_and_removed_at_the_end(tmp_path):
    import psutil

    from minzheng.publish.guard import LOCK_NAME, outputs_lock

    dead = max(psutil.pids()) + 100000
    (tmp_path / LOCK_NAME).write_text(f"{dead}\n", encoding="utf-8")
    with outputs_lock(tmp_path) as lock:
        assert lock.read_text(encoding="utf-8").strip() == str(os.getpid())
    assert not (tmp_path / LOCK_NAME).exists()


def test_stopping_a_run_ends_its_workers_and_their_children():
    import subprocess
    import sys
    import time

    import psutil

    from minzheng.publish.guard import end_children

    code = "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"
    worker = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(1)
    kernels = psutil.Process(worker.pid).children(recursive=True)
    assert end_children(worker.pid) == len(kernels) >= 1
    assert not any(kernel.is_running() and kernel.status() != psutil.STATUS_ZOMBIE for kernel in kernels)
    worker.kill()
    worker.wait(timeout=10)


def test_sigterm_stops_a_run_like_ctrl_c():
    import signal

    from minzheng.publish.guard import interrupt_on_sigterm

    with pytest.raises(KeyboardInterrupt):
        with interrupt_on_sigterm():
            os.kill(os.getpid(), signal.SIGTERM)
            import time

            time.sleep(1)


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "report.rtf"])
def test_a_report_in_a_format_not_read_is_named_with_what_to_do_never_ignored(tmp_path, name):
    folder = corpus_with(tmp_path, "a.txt,甲县,county,2024\n", {"a.txt": "全县低保对象100人。"})
    (folder / name).write_bytes(b"\xd0\xcf\x11\xe0 or other bytes")
    corpus = load_corpus(folder)
    assert any(
        name in problem and "is not read (open it and save it as .docx" in problem for problem in corpus.problems
    )
    (tmp_path / "listed").mkdir()
    listed = corpus_with(tmp_path / "listed", f"{name},乙县,county,2024\n")
    (listed / name).write_bytes(b"\xd0\xcf\x11\xe0 or other bytes")
    with pytest.raises(MinzhengError, match="is not read"):
        load_corpus(listed, strict=True)


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "page.html"])
def test_a_pdf_word_file_or_web_page_no_manifest_row_names_is_reported_like_an_unlisted_text(tmp_path, name):
    folder = corpus_with(tmp_path, "a.txt,甲县,county,2024\n", {"a.txt": "全县低保对象100人。"})
    (folder / name).write_bytes(b"%PDF-1.4 or other bytes")
    corpus = load_corpus(folder)
    assert corpus.problems == [
        f"{folder / name}: no manifest row names this file (add a row to {folder / 'manifest.csv'})"
    ]
