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
    from minzheng.publish.combined import framing_cells
    from minzheng.publish.pages import NotebookInfo, index_page
    from minzheng.publish.run import export_data_task

    folder = corpus_with(
        tmp_path, "a.txt,甲县,county,2024\nb.txt,乙县,county,2024\n", {"a.txt": "全县低保对象100人。", "b.txt": "  "}
    )
    unread = export_data_task(folder, None, False, tmp_path / "outputs").notes
    assert len(unread) == 1 and "b.txt" in unread[0] and "empty" in unread[0]
    page = index_page([NotebookInfo("01", "Social assistance", "summary")], True, unread)
    assert "1 report(s) could not be read" in page and "b.txt" in page
    intro = framing_cells([], unread)[0].source
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


# --- a run is a transaction -------------------------------------------------------------------------


def files_under(folder) -> dict[str, bytes]:
    """Every file under a folder (hidden ones too), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sealed_set(outputs, run_id: str, files: dict[str, str], failed: tuple[str, ...] = ()):
    """A run's set built in its staging folder and sealed, as a run leaves it before putting it in place."""
    from minzheng.publish import staging

    run_set = staging.begin(outputs, run_id, [])
    for name, text in files.items():
        (run_set.stage / name).parent.mkdir(parents=True, exist_ok=True)
        (run_set.stage / name).write_text(text, encoding="utf-8")
    run_set.failed = list(failed)
    staging.seal(run_set)
    return run_set


OLD_SET = {"index.html": "old", "email/a.html": "old", "notebooks/a.ipynb": "old", "01_old/t.csv": "old"}
NEW_SET = {"index.html": "new", "email/b.html": "new", "notebooks/b.ipynb": "new", "02_new/t.csv": "new"}
USER_FILES = {"README.md": "mine", "screens/x.png": "mine", "notes.txt": "mine"}


def outputs_with_old_set(folder):
    """An outputs folder holding a complete set from an earlier run, and files a user put there."""
    from minzheng.publish import staging

    folder.mkdir(parents=True)
    staging.finish(sealed_set(folder, "oldrun", OLD_SET))
    for name, text in USER_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def visible(files: dict[str, bytes]) -> dict[str, str]:
    """The files of a set without its set file, as text."""
    return {name: data.decode() for name, data in files.items() if name != ".minzheng-set.json"}


def test_a_complete_run_swaps_in_its_whole_set_and_keeps_what_the_pipeline_does_not_own(tmp_path):
    from minzheng.publish import staging

    outputs = outputs_with_old_set(tmp_path / "outputs")
    (outputs / "failed-run").mkdir()
    (outputs / "failed-run" / "index.html").write_text("stale", encoding="utf-8")
    assert staging.finish(sealed_set(outputs, "newrun", NEW_SET)) == outputs
    assert visible(files_under(outputs)) == {**NEW_SET, **USER_FILES}
    assert staging.read_set(outputs)["run"] == "newrun"
    assert sorted(p.name for p in outputs.iterdir() if p.name.startswith(".")) == [".minzheng-set.json"]


def test_a_failed_run_keeps_the_last_good_set_whole_and_replaces_an_earlier_failed_run(tmp_path):
    from minzheng.publish import staging

    outputs = outputs_with_old_set(tmp_path / "outputs")
    staging.finish(sealed_set(outputs, "failed1", {"index.html": "first failure"}, failed=("a",)))
    before = {k: v for k, v in files_under(outputs).items() if not k.startswith("failed-run/")}
    placed = staging.finish(sealed_set(outputs, "failed2", {"email/b.html": "second failure"}, failed=("b",)))
    assert placed == outputs / "failed-run"
    assert {k: v for k, v in files_under(outputs).items() if not k.startswith("failed-run/")} == before
    assert visible(files_under(placed)) == {"email/b.html": "second failure"}
    assert staging.read_set(placed)["failed"] == ["b"]
    assert not list(outputs.glob(".staging-*")) and not list(outputs.glob(".previous-*"))


def count_renames(tmp_path, monkeypatch) -> int:
    """How many renames a swap of NEW_SET over OLD_SET makes."""
    from minzheng.publish import staging

    calls, real = [], os.rename
    run_set = sealed_set(outputs_with_old_set(tmp_path / "count"), "newrun", NEW_SET)
    monkeypatch.setattr(os, "rename", lambda a, b: calls.append(a) or real(a, b))
    staging.finish(run_set)
    monkeypatch.setattr(os, "rename", real)
    assert len(calls) >= 8
    return len(calls)


def test_a_swap_that_fails_part_way_is_undone_and_leaves_the_old_set_whole(tmp_path, monkeypatch):
    from minzheng.publish import staging

    real = os.rename
    for failing in range(count_renames(tmp_path, monkeypatch)):
        outputs = outputs_with_old_set(tmp_path / f"outputs{failing}")
        before, calls = files_under(outputs), []
        run_set = sealed_set(outputs, "newrun", NEW_SET)

        def rename(a, b, failing=failing, calls=calls):
            calls.append(a)
            if len(calls) == failing + 1:
                raise PermissionError(13, "Permission denied", str(a))
            return real(a, b)

        monkeypatch.setattr(os, "rename", rename)
        with pytest.raises(staging.SwapError, match="is left as it was"):
            staging.finish(run_set)
        monkeypatch.setattr(os, "rename", real)
        assert staging.discard(run_set)
        assert files_under(outputs) == before, failing
        assert not list(outputs.glob(".staging-*")) and not list(outputs.glob(".previous-*"))


class Killed(BaseException):
    """The process died here: nothing after it runs, not even an undo."""


def test_a_swap_cut_short_by_a_killed_run_is_finished_by_the_next_run(tmp_path, monkeypatch):
    from minzheng.publish import staging

    real = os.rename
    for dying in range(count_renames(tmp_path, monkeypatch)):
        outputs = outputs_with_old_set(tmp_path / f"outputs{dying}")
        calls = []

        def rename(a, b, dying=dying, calls=calls):
            calls.append(a)
            if len(calls) == dying + 1:
                raise Killed
            return real(a, b)

        monkeypatch.setattr(os, "rename", rename)
        with pytest.raises(Killed):
            staging.finish(sealed_set(outputs, "newrun", NEW_SET))
        monkeypatch.setattr(os, "rename", real)
        assert staging.recover(outputs) == ["finished the swap of run newrun that was cut short"]
        assert visible(files_under(outputs)) == {**NEW_SET, **USER_FILES}, dying
        assert not list(outputs.glob(".staging-*")) and not list(outputs.glob(".previous-*"))


def test_a_run_killed_before_its_swap_leaves_the_old_set_and_its_staging_folder_is_removed(tmp_path):
    from minzheng.publish import staging

    outputs = outputs_with_old_set(tmp_path / "outputs")
    before = files_under(outputs)
    sealed_set(outputs, "sealed", NEW_SET)
    staging.begin(outputs, "halfway", [])
    assert len(staging.recover(outputs)) == 2
    assert files_under(outputs) == before


def tiny_notebooks(folder):
    """A notebooks folder with one small notebook on the project's kernel."""
    import nbformat

    folder.mkdir()
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "minzheng", "display_name": "minzheng"}})
    params = nbformat.v4.new_code_cell("corpus_dir = None\nregions = None\noutput_dir = None\nstrict = False")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny\n\nOne cell."), params, nbformat.v4.new_code_cell("1")]
    nbformat.write(nb, folder / "10_tiny.ipynb")
    return folder


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_run_leaves_the_previous_set_untouched_and_no_staging_folder(tmp_path, monkeypatch, how):
    import io
    import signal
    import time

    from minzheng.publish import run

    outputs = outputs_with_old_set(tmp_path / "outputs")
    before = files_under(outputs)

    def interrupted(notebooks, options, out, run_set):
        (run_set.stage / "email" / "10_tiny.html").write_text("half a set", encoding="utf-8")
        if how == "sigterm":
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "execute_all", interrupted)
    out = io.StringIO()
    options = run.RunOptions(notebooks_dir=tiny_notebooks(tmp_path / "notebooks"), outputs_dir=outputs)
    with pytest.raises(KeyboardInterrupt):
        run.run(options, out)
    assert files_under(outputs) == before
    assert f"stopped; {outputs} is left as it was before the run" in out.getvalue()


def test_signals_while_a_set_is_put_in_place_wait_for_it():
    import signal
    import time

    from minzheng.publish.guard import signals_deferred

    handler = signal.getsignal(signal.SIGTERM)
    with signals_deferred() as received:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)
    assert received == [signal.SIGTERM]
    assert signal.getsignal(signal.SIGTERM) == handler


def test_the_run_id_is_the_same_for_the_same_inputs_and_changes_with_any_of_them(tmp_path):
    from minzheng.publish.staging import run_id

    notebooks = sorted(tiny_notebooks(tmp_path / "notebooks").glob("*.ipynb"))
    corpus = corpus_with(tmp_path, "a.txt,甲县,county,2024\n", {"a.txt": "全县低保对象100人。"})
    first = run_id(notebooks, corpus, {"regions": None})
    assert first == run_id(notebooks, corpus, {"regions": None}) and len(first) == 12
    assert run_id(notebooks, corpus, {"regions": "甲县"}) != first
    (corpus / "a.txt").write_text("全县低保对象101人。", encoding="utf-8")
    assert run_id(notebooks, corpus, {"regions": None}) != first


def test_an_only_run_carries_the_other_notebooks_pages_over_with_the_run_that_made_them(tmp_path):
    import json

    from minzheng.publish import pages, staging

    outputs = tmp_path / "outputs"
    outputs.mkdir()
    made = {"notebooks/a.ipynb": "{}", "html/a.html": "a", "email/a.html": "a", "a/t.csv": "x\n1\n"}
    staging.finish(sealed_set(outputs, "oldrun", made))
    info = staging.read_set(outputs)
    (outputs / ".minzheng-set.json").write_text(json.dumps({**info, "notebooks": {"a": "oldrun"}}), encoding="utf-8")
    run_set = staging.begin(outputs, "newrun", ["a", "never_run"])
    assert visible(files_under(run_set.stage)) == made
    assert run_set.carried() == {"a": "oldrun"}
    stamp = pages.Stamp("newrun", tuple(run_set.carried().items()))
    assert stamp.note() == "carried over from earlier runs: a (run oldrun)"


def test_executed_notebooks_name_the_outputs_folder_not_the_staging_folder(tmp_path):
    import nbformat

    from minzheng.publish.staging import record_destination

    stage, outputs = tmp_path / "outputs" / ".staging-abc", tmp_path / "outputs"
    injected = nbformat.v4.new_code_cell(f'output_dir = "{stage}"\n')
    injected.metadata["tags"] = ["injected-parameters"]
    nb = nbformat.v4.new_notebook(cells=[injected])
    nb.metadata["papermill"] = {"parameters": {"output_dir": str(stage), "corpus_dir": "/c"}}
    nb = record_destination(nb, stage, outputs)
    assert nb.metadata.papermill.parameters == {"output_dir": str(outputs), "corpus_dir": "/c"}
    assert nb.cells[0].source == f'output_dir = "{outputs}"\n'


def test_every_page_closes_with_the_run_id_on_screen_and_in_print():
    import nbformat

    from minzheng.publish.combined import framing_cells
    from minzheng.publish.pages import NotebookInfo, Stamp, index_page
    from minzheng.publish.render import render_html

    stamp = Stamp("0123456789ab", failed=("20_flaky",), previous=True)
    index = index_page([NotebookInfo("20_flaky", "Flaky", "s", failed=True, has_html=False)], True, None, stamp)
    page = render_html(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")]), "T", email=True, run_id="0123456789ab"
    )
    for html in (index, page):
        assert '<footer class="minzheng-run"><p>minzheng run 0123456789ab</p></footer>' in html
        assert 'content: "minzheng run 0123456789ab"' in html
    assert 'href="failed/20_flaky.ipynb"' in index and 'href="../index.html"' in index
    assert "**This run failed** (20_flaky)" in framing_cells([], None, stamp)[0].source
