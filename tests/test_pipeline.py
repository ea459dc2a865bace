"""`minzheng run`: notebooks executed with papermill in workers, failures isolated, a run swapped in whole, re-runs
byte-identical.

The pipeline runs few times per session: the fixtures below cache their runs at module level, and the other
test modules import them (`from .test_pipeline import seeds_run, tiny_runs`).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

from minzheng import cli, paths
from minzheng.publish import kernel, run

from .helpers import seeds_with_extra_report

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>')
SIXTH_REGION = "示例县"
SIXTH_FILE = "900_pipeline_test.txt"
SIXTH_TEXT = textwrap.dedent(
    """\
    示例县民政局2023年工作总结
    2023年，示例县民政局坚持以人民为中心，兜牢兜实基本民生底线。
    一、社会救助
    城市低保标准提高到每人每月850元，农村低保标准提高到每人每月650元。全年累计发放城乡低保资金3560.5万元。
    二、养老服务
    新建农村幸福院12处，全县养老床位达到2100张。
    三、社会工作
    建成镇（街道）社工站15个，实现全覆盖。
    """
)
_RUNS: dict[str, Any] = {}


@dataclass
class Run:
    """One `minzheng run` in a subprocess: its outputs folder, exit code, stdout, stderr and wall time."""

    outputs: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    notebooks: list[Path]


@dataclass
class TinyRuns:
    """Two runs over small test notebooks: both succeed first, then `20_flaky` raises (`before`: the first set)."""

    notebooks: Path
    first: Run
    second: Run
    before: dict[str, bytes]


def run_pipeline(*args: str) -> Run:
    """Run `python -m minzheng run ARGS` as `make` would (MPLBACKEND=Agg exported) and capture it."""
    outputs = Path(args[args.index("--outputs") + 1])
    folder = Path(args[args.index("--notebooks") + 1]) if "--notebooks" in args else paths.NOTEBOOKS_DIR
    notebooks = sorted(folder.glob("*.ipynb"))
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "minzheng", "run", *args],
        cwd=paths.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return Run(outputs, done.returncode, done.stdout, done.stderr, time.perf_counter() - start, notebooks)


def cached(key: str, make: Callable[[], Any]) -> Any:
    """Return the cached result of `make`, computing it once per session."""
    if key not in _RUNS:
        _RUNS[key] = make()
    return _RUNS[key]


def project_notebooks() -> list[Path]:
    """The notebooks in notebooks/ now, sorted (tests of a run use the run's own list, `Run.notebooks`)."""
    return sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


def output_bytes(outputs: Path) -> dict[str, bytes]:
    """Every generated file under an outputs folder (except screenshots), by relative path."""
    return {
        str(p.relative_to(outputs)): p.read_bytes()
        for p in sorted(outputs.rglob("*"))
        if p.is_file() and p.relative_to(outputs).parts[0] != "screens"
    }


def new_notebook(title: str, summary: str, code: list[str], parameters: str) -> nbformat.NotebookNode:
    """A notebook with a title cell, a parameters cell and code cells, on the project's kernel."""
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "minzheng", "display_name": "Python (minzheng)", "language": "python"}}
    )
    params = nbformat.v4.new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{summary}"), params] + [
        nbformat.v4.new_code_cell(c) for c in code
    ]
    return nb


def hostile_notebook() -> nbformat.NotebookNode:
    """A notebook whose markdown and outputs hold script, onerror and javascript: payloads as report text would."""
    payload = " ".join(PAYLOADS)
    nb = new_notebook(
        "Hostile report text 恶意文本",
        "Report text that looks like HTML must stay text.",
        [
            "from IPython.display import HTML, display\nimport pandas as pd\nfrom minzheng.present.markdown import md, show_table\nfrom minzheng.present.style import use_house_style\nuse_house_style()",
            f"payload = {payload!r}\ndisplay(HTML(payload))",
            "md('The report says: {text}', text=payload)",
            "print(payload)",
            "show_table(pd.DataFrame({'region': ['莒县'], 'evidence': [payload]}))",
            "pd.DataFrame({'evidence': [payload]})",
            "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\nax.bar(['莒县', '徐州市'], [1, 2])\nax.set_title('民政');",
        ],
        "corpus_dir = None\nregions = None\noutput_dir = None\nfail = False",
    )
    nb.cells[0].source += "\n\n" + "\n\n".join(PAYLOADS)
    return nb


def flaky_notebook() -> nbformat.NotebookNode:
    """A notebook that raises when its parameter `fail` is true."""
    return new_notebook(
        "Flaky 不稳定",
        "Raises when fail is true.",
        ["if fail:\n    raise RuntimeError('flaky notebook failed on purpose')", "print('flaky notebook finished')"],
        "corpus_dir = None\nregions = None\noutput_dir = None\nfail = False",
    )


def make_tiny_runs(root: Path) -> TinyRuns:
    """Run the two small notebooks twice: `-p fail=false`, then `-p fail=true`."""
    notebooks, outputs = root / "notebooks", root / "outputs"
    notebooks.mkdir()
    nbformat.write(hostile_notebook(), notebooks / "10_hostile.ipynb")
    nbformat.write(flaky_notebook(), notebooks / "20_flaky.ipynb")
    common = ("--notebooks", str(notebooks), "--outputs", str(outputs))
    first = run_pipeline(*common, "-p", "fail=false")
    before = output_bytes(outputs)
    second = run_pipeline(*common, "-p", "fail=true")
    return TinyRuns(notebooks, first, second, before)


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """`minzheng run` of every project notebook on seeds/, once per session."""
    return cached("seeds", lambda: run_pipeline("--outputs", str(tmp_path_factory.mktemp("seeds-run") / "outputs")))


@pytest.fixture(scope="session")
def tiny_runs(tmp_path_factory: pytest.TempPathFactory) -> TinyRuns:
    """The two runs of the small hostile and flaky notebooks, once per session."""
    return cached("tiny", lambda: make_tiny_runs(tmp_path_factory.mktemp("tiny-runs")))


def write_sixth_report(corpus: Path) -> None:
    """Copy seeds/ to `corpus` and add a sixth report with its manifest row."""
    seeds_with_extra_report(
        corpus,
        SIXTH_FILE,
        SIXTH_TEXT,
        {
            "region": SIXTH_REGION,
            "level": "county",
            "province": "山东省",
            "parent_city": "临沂市",
            "published": "2024-01-10",
            "year": "2023",
            "genre": "annual summary",
            "publisher": "示例县民政局",
            "script": "simplified",
            "notes": "a short report written by tests/test_pipeline.py",
        },
    )


def executed(outputs: Path, name: str) -> nbformat.NotebookNode:
    """Read an executed notebook from outputs/notebooks/."""
    return nbformat.read(outputs / "notebooks" / f"{name}.ipynb", as_version=4)


# --- command line (no notebook runs) --------------------------------------------------------------


def test_register_adds_run_with_every_option_and_run_command():
    parser = argparse.ArgumentParser()
    cli.register_run(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["run"])
    assert args.func is cli.run_command
    assert (args.notebooks, args.outputs, args.corpus) == (paths.NOTEBOOKS_DIR, paths.OUTPUTS_DIR, paths.SEEDS_DIR)
    assert args.regions is None and args.workers == (os.cpu_count() or 1) and args.only == [] and not args.strict
    args = parser.parse_args(
        [
            "run",
            "--regions",
            "莒县,徐州市",
            "--workers",
            "3",
            "--only",
            "00_corpus_overview",
            "--only",
            "b.ipynb",
            "--strict",
            "-p",
            "n=5",
            "-p",
            "label=县",
        ]
    )
    options = cli.options_from_args(args)
    assert (
        options.regions == "莒县,徐州市" and options.workers == 3 and options.only == ["00_corpus_overview", "b.ipynb"]
    )
    assert options.strict and options.parameters == {"n": 5, "label": "县"}


def test_cli_maps_run_to_the_pipeline():
    from minzheng import cli

    assert cli.build_parser().parse_args(["run", "--workers", "1"]).func is cli.run_command


@pytest.mark.parametrize(
    "text, expected",
    [
        ("n=5", ("n", 5)),
        ("flag=true", ("flag", True)),
        ("x=null", ("x", None)),
        ("region=莒县", ("region", "莒县")),
        ("path=/a=b", ("path", "/a=b")),
    ],
)
def test_parameters_are_read_as_json_or_kept_as_text(text, expected):
    assert cli.parse_parameter(text) == expected


@pytest.mark.parametrize("text", ["novalue", "1x=2", "=3"])
def test_malformed_parameters_are_rejected(text):
    with pytest.raises(argparse.ArgumentTypeError):
        cli.parse_parameter(text)


def test_every_notebook_gets_corpus_dir_regions_output_dir_and_strict(tmp_path):
    options = run.RunOptions(
        corpus_dir=tmp_path / "c", outputs_dir=tmp_path / "o", regions="莒县", strict=True, parameters={"extra": 1}
    )
    params = run.notebook_parameters(options)
    assert params == {
        "corpus_dir": str(tmp_path / "c"),
        "regions": "莒县",
        "output_dir": str(tmp_path / "o"),
        "strict": True,
        "extra": 1,
    }
    assert all(isinstance(params[k], str) for k in ("corpus_dir", "output_dir"))


def test_only_selects_notebooks_by_name_and_rejects_unknown_names(tmp_path):
    for name in ("b", "a", "c"):
        nbformat.write(nbformat.v4.new_notebook(), tmp_path / f"{name}.ipynb")
    assert [p.stem for p in run.select_notebooks(tmp_path, [])] == ["a", "b", "c"]
    assert [p.stem for p in run.select_notebooks(tmp_path, ["c.ipynb", "a"])] == ["a", "c"]
    with pytest.raises(run.PipelineError, match="unknown notebook"):
        run.select_notebooks(tmp_path, ["zzz"])
    with pytest.raises(run.PipelineError, match="no notebooks"):
        run.select_notebooks(tmp_path / "empty", [])


def test_run_refuses_an_unknown_notebook_with_exit_code_2(tmp_path):
    done = run_pipeline("--outputs", str(tmp_path / "out"), "--only", "no_such_notebook")
    assert done.returncode == 2
    assert "unknown notebook(s) no_such_notebook" in done.stderr
    assert not (tmp_path / "out").exists()


def test_missing_kernelspec_is_installed_for_the_given_prefix(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    name = "minzheng-test-kernel"
    folder = kernel.ensure_kernel(name, prefix=str(tmp_path))
    spec = json.loads((folder / "kernel.json").read_text())
    assert folder == tmp_path / "share" / "jupyter" / "kernels" / name
    assert spec["argv"][0] == sys.executable
    assert kernel.ensure_kernel(name, prefix=str(tmp_path)) == folder


def test_the_project_kernel_exists():
    assert (kernel.ensure_kernel() / "kernel.json").is_file()


def test_notebooks_are_committed_clean_on_the_minzheng_kernel_with_a_parameters_cell_defaulting_to_the_project():
    assert project_notebooks(), "notebooks/ holds no notebook"
    for path in project_notebooks():
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert nb.metadata.kernelspec.name == "minzheng", path.name
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), path.name
        tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        namespace: dict = {}
        exec(tagged[0].source, namespace)  # noqa: S102 - the notebook's own parameters cell
        assert {k: namespace.get(k, "missing") for k in ("corpus_dir", "regions", "output_dir")} == dict.fromkeys(
            ("corpus_dir", "regions", "output_dir")
        ), path.name


def test_overview_notebook_defaults_resolve_to_the_project_folders():

    nb = nbformat.read(paths.NOTEBOOKS_DIR / "00_corpus_overview.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    namespace: dict[str, Any] = {}
    exec(params.source, namespace)  # noqa: S102 - the notebook's own parameters cell
    assert namespace["corpus_dir"] is None and namespace["regions"] is None
    assert paths.resolve_corpus_dir(namespace["corpus_dir"]) == paths.SEEDS_DIR
    assert paths.resolve_output_dir(namespace["output_dir"]) == paths.OUTPUTS_DIR


# --- the run on seeds/ ----------------------------------------------------------------------------


@pytest.mark.slow
def test_run_on_seeds_executes_every_notebook_and_exits_zero(seeds_run):
    assert seeds_run.returncode == 0, seeds_run.stdout + seeds_run.stderr
    for path in seeds_run.notebooks:
        for folder, suffix in (("notebooks", ".ipynb"), ("html", ".html"), ("email", ".html")):
            assert (seeds_run.outputs / folder / f"{path.stem}{suffix}").is_file(), (folder, path.stem)
    assert not (seeds_run.outputs / "failed").exists() and not (seeds_run.outputs / "failed-run").exists()
    assert not [p.name for p in seeds_run.outputs.iterdir() if p.name.startswith((".staging-", ".previous-"))]


def run_ids(outputs: Path) -> dict[str, set[str]]:
    """The run ids in the footer of every page of a set: index.html, html/*.html and email/*.html."""
    found = {}
    for page in [outputs / "index.html", *sorted(outputs.glob("html/*.html")), *sorted(outputs.glob("email/*.html"))]:
        text = page.read_text(encoding="utf-8")
        found[str(page.relative_to(outputs))] = set(
            re.findall(r'<footer class="minzheng-run"><p>minzheng run (\w+)', text)
        )
    return found


@pytest.mark.slow
def test_every_page_of_a_run_carries_the_same_run_id_in_its_footer(seeds_run):
    run_id = json.loads((seeds_run.outputs / ".minzheng-set.json").read_text(encoding="utf-8"))["run"]
    found = run_ids(seeds_run.outputs)
    assert len(found) == 2 * len(seeds_run.notebooks) + 2 and "email/minzheng_report.html" in found
    assert all(ids == {run_id} for ids in found.values()), found
    assert f"minzheng run {run_id}:" in seeds_run.stdout and f"(run {run_id})" in seeds_run.stdout


@pytest.mark.slow
def test_run_prints_one_progress_line_per_task_a_summary_and_nothing_on_stderr(seeds_run):
    assert seeds_run.stderr == ""
    total = len(seeds_run.notebooks) + 1
    lines = [line for line in seeds_run.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == total
    assert {line.split()[2] for line in lines if line.split()[2] != "data"} == {p.stem for p in seeds_run.notebooks}
    assert all(f"/{total}] ok" in line for line in lines)
    assert "task" in seeds_run.stdout and "total" in seeds_run.stdout


@pytest.mark.slow
def test_executed_notebooks_hold_no_error_no_stderr_and_no_run_metadata(seeds_run):
    for path in seeds_run.notebooks:
        nb = executed(seeds_run.outputs, path.stem)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"], path.stem
        assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"], path.stem
        assert [c.id for c in nb.cells] == [f"{path.stem}-{i}" for i in range(len(nb.cells))]
        assert all("execution" not in c.metadata and "papermill" not in c.metadata for c in nb.cells)
        assert set(nb.metadata.get("papermill", {})) <= {"parameters"}
        text = (seeds_run.outputs / "notebooks" / path.name).read_text(encoding="utf-8")
        assert "start_time" not in text and "end_time" not in text and "duration" not in text


@pytest.mark.slow
def test_notebooks_receive_the_corpus_regions_and_output_parameters(seeds_run):
    for path in seeds_run.notebooks:
        params = executed(seeds_run.outputs, path.stem).metadata.papermill.parameters
        assert params["corpus_dir"] == str(paths.SEEDS_DIR)
        assert params["output_dir"] == str(seeds_run.outputs.resolve())
        assert params["regions"] is None and params["strict"] is False


@pytest.mark.slow
def test_figures_are_inline_png_even_when_make_exports_mplbackend_agg(seeds_run):
    nb = executed(seeds_run.outputs, "00_corpus_overview")
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2


@pytest.mark.slow
def test_rerun_on_the_same_inputs_is_byte_identical(seeds_run):
    # The run id hashes the inputs, the library's code among them, so it is the same too unless the code was edited
    # between the runs (as in a shared checkout): compare with it masked, so only what it names must be equal.
    before = masked_run_id(output_bytes(seeds_run.outputs))
    again = run_pipeline("--outputs", str(seeds_run.outputs))
    assert again.returncode == 0, again.stdout + again.stderr
    after = masked_run_id(output_bytes(seeds_run.outputs))
    assert sorted(after) == sorted(before)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == []
    assert not [p for p in seeds_run.outputs.rglob("*.tmp")]


def masked_run_id(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files of a set with its run id (named in its set file) replaced by a placeholder."""
    run_id = json.loads(files[".minzheng-set.json"])["run"].encode()
    return {name: data.replace(run_id, b"<run id>") for name, data in files.items()}


@pytest.mark.slow
def test_a_sixth_report_flows_through_every_notebook_and_the_data(tmp_path):
    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    write_sixth_report(corpus)
    done = run_pipeline("--corpus", str(corpus), "--outputs", str(outputs))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    rows = list(csv.DictReader((outputs / "data" / "indicators.csv").open(encoding="utf-8")))
    assert any(r["region"] == SIXTH_REGION for r in rows)
    page = (outputs / "email" / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert SIXTH_REGION in page and "6 reports" in page


# --- failures ------------------------------------------------------------------------------------


def links_of(page: Path) -> list[str]:
    """The relative links of a page (not #anchors, not http)."""
    return [h for h in re.findall(r'href="([^"#:]+)"', page.read_text(encoding="utf-8"))]


@pytest.mark.slow
def test_a_failing_notebook_leaves_the_previous_set_untouched_and_writes_failed_run(tiny_runs):
    assert tiny_runs.first.returncode == 0, tiny_runs.first.stdout + tiny_runs.first.stderr
    second, outputs = tiny_runs.second, tiny_runs.second.outputs
    assert second.returncode == 1 and second.stderr == ""
    kept = {name: data for name, data in output_bytes(outputs).items() if not name.startswith("failed-run/")}
    assert kept == tiny_runs.before
    failed_run = outputs / "failed-run"
    failed = nbformat.read(failed_run / "failed" / "20_flaky.ipynb", as_version=4)
    errors = [o for c in failed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].evalue == "flaky notebook failed on purpose"
    assert "FAILED" in second.stdout and "RuntimeError: flaky notebook failed on purpose" in second.stdout
    assert f"this run's partial set is in {failed_run}" in second.stdout
    assert any("10_hostile" in line and " ok " in line for line in second.stdout.splitlines())


@pytest.mark.slow
def test_a_failed_runs_partial_set_is_whole_in_itself_and_says_it_failed(tiny_runs):
    failed_run = tiny_runs.second.outputs / "failed-run"
    assert (failed_run / "email" / "10_hostile.html").is_file() and not (
        failed_run / "email" / "20_flaky.html"
    ).exists()
    index = (failed_run / "index.html").read_text(encoding="utf-8")
    assert "This run failed" in index and 'href="failed/20_flaky.ipynb"' in index
    for page in (failed_run / "index.html", tiny_runs.second.outputs / "index.html"):
        for link in links_of(page):
            assert (page.parent / link).resolve().is_file(), (page, link)
    report = (failed_run / "email" / "minzheng_report.html").read_text(encoding="utf-8")
    assert "This run failed" in report and "Flaky 不稳定" not in report
    ids = run_ids(failed_run)
    assert len({i for found in ids.values() for i in found}) == 1
    assert ids["index.html"] != run_ids(tiny_runs.second.outputs)["index.html"]


@pytest.mark.slow
def test_a_run_that_succeeds_again_removes_the_stale_failed_run(tiny_runs, tmp_path):
    outputs = tmp_path / "outputs"
    shutil.copytree(tiny_runs.second.outputs, outputs)
    done = run_pipeline(
        "--notebooks", str(tiny_runs.notebooks), "--outputs", str(outputs), "--only", "20_flaky", "-p", "fail=false"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (outputs / "failed-run").exists() and not (outputs / "failed").exists()
    index = (outputs / "index.html").read_text(encoding="utf-8")
    assert "This run failed" not in index and "failed/" not in index
    assert (outputs / "email" / "10_hostile.html").read_bytes() == tiny_runs.before["email/10_hostile.html"]


SLEEPING_CODE = "import pathlib, time\npathlib.Path(output_dir, 'started').write_text('')\ntime.sleep(600)"


@pytest.mark.slow
def test_a_run_stopped_by_sigterm_ends_its_processes_and_leaves_the_previous_set_untouched(tiny_runs, tmp_path):
    import psutil

    notebooks, outputs = tmp_path / "notebooks", tmp_path / "outputs"
    notebooks.mkdir()
    nbformat.write(new_notebook("Sleeps", "Sleeps.", [SLEEPING_CODE], "output_dir = None"), notebooks / "sleeps.ipynb")
    shutil.copytree(tiny_runs.second.outputs, outputs)
    before = output_bytes(outputs)
    command = [sys.executable, "-m", "minzheng", "run", "--notebooks", str(notebooks), "--outputs", str(outputs)]
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    runner = subprocess.Popen(command, cwd=paths.PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while not list(outputs.glob(".staging-*/started")) and time.monotonic() < deadline and runner.poll() is None:
        time.sleep(0.2)
    assert list(outputs.glob(".staging-*/started")), "the sleeping notebook never started"
    started = psutil.Process(runner.pid).children(recursive=True)
    stopping = time.monotonic()
    runner.terminate()
    stdout, stderr = runner.communicate(timeout=60)
    assert time.monotonic() - stopping < 15
    assert runner.returncode == 130, stdout.decode() + stderr.decode()
    assert output_bytes(outputs) == before
    assert not [p.name for p in outputs.iterdir() if p.name.startswith(".") and p.name != ".minzheng-set.json"]
    assert "is left as it was before the run" in stdout.decode()
    time.sleep(1)
    assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def test_failed_copy_explains_errors_that_happen_outside_a_cell(tmp_path):
    source = tmp_path / "n.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), source)
    nb = kernel.failed_notebook(source, tmp_path / "never-written.ipynb", RuntimeError("kernel died"))
    assert nb.cells[0].cell_type == "markdown" and "RuntimeError: kernel died" in nb.cells[0].source
    assert nb.cells[1].source == "1"


@pytest.mark.slow
def test_a_notebook_whose_kernel_dies_is_reported_failed_without_stopping_the_run(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(
        new_notebook("Dies", "Kills its kernel.", ["import os\nos._exit(3)"], "corpus_dir = None"),
        notebooks / "dies.ipynb",
    )
    nbformat.write(
        new_notebook("Lives", "Finishes.", ["print('fine')"], "corpus_dir = None"), notebooks / "lives.ipynb"
    )
    done = run_pipeline("--notebooks", str(notebooks), "--outputs", str(tmp_path / "outputs"))
    assert done.returncode == 1
    failed_run = tmp_path / "outputs" / "failed-run"
    assert (failed_run / "failed" / "dies.ipynb").is_file()
    assert (failed_run / "email" / "lives.html").is_file()
    assert not (failed_run / "email" / "dies.html").exists()
    assert all((failed_run / link).is_file() for link in links_of(failed_run / "index.html"))
    assert not (tmp_path / "outputs" / "index.html").exists() and "has no complete set yet" in done.stdout


def test_a_kernel_that_dies_before_starting_is_started_again(tmp_path, monkeypatch):
    calls = []

    def flaky(source, target, parameters, kernel_log):
        calls.append(source)
        if len(calls) < kernel.KERNEL_START_ATTEMPTS:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(kernel, "_run_papermill", flaky)
    kernel.run_papermill_with_retries(tmp_path / "a.ipynb", tmp_path / "b.ipynb", {}, tmp_path / "log")
    assert len(calls) == kernel.KERNEL_START_ATTEMPTS


def test_a_notebook_error_is_not_retried(tmp_path, monkeypatch):
    calls = []

    def failing(source, target, parameters, kernel_log):
        calls.append(source)
        raise RuntimeError("a cell raised")

    monkeypatch.setattr(kernel, "_run_papermill", failing)
    with pytest.raises(RuntimeError, match="a cell raised"):
        kernel.run_papermill_with_retries(tmp_path / "a.ipynb", tmp_path / "b.ipynb", {}, tmp_path / "log")
    assert len(calls) == 1
