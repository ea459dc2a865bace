"""Every notebook executed on the seeds plus a second 兰陵县 report (2022): the cross-section takes the newest report
of each region and says which it left out, the theme notebooks show 兰陵县's change over time with the evidence of
every point, and the synthesis says which region has a series; with per_region = "all" both reports appear, each
under its year. The executions run once per module, two at a time, in worker processes."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from .helpers import LANLING_2022_FILE, execute_project_notebook, seeds_with_second_lanling

NOTEBOOKS = (
    "00_corpus_overview",
    "01_social_assistance",
    "02_elderly_care",
    "03_child_protection",
    "04_party_building",
    "05_synthesis",
)
THEMES = NOTEBOOKS[1:5]
ALL_NOTEBOOKS = ("01_social_assistance", "02_elderly_care", "05_synthesis")
LEFT_OUT = "001_63dd4d515c864998.txt"


@dataclass
class Run:
    """One notebook executed: the executed notebook and the folder of its saved tables."""

    notebook: nbformat.NotebookNode
    tables: Path

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.tables / f"{name}.csv", encoding="utf-8")

    def outputs(self) -> list:
        return [o for c in self.notebook.cells if c.cell_type == "code" for o in c.outputs]

    def text(self) -> str:
        parts = []
        for output in self.outputs():
            data = output.get("data", {})
            parts += [data.get("text/markdown", ""), data.get("text/html", ""), output.get("text", "")]
        return "\n".join(parts)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[tuple[str, str], Run]:
    """Every notebook on the two-year corpus (latest), and three of them with per_region = "all"."""
    root = tmp_path_factory.mktemp("series-notebooks")
    corpus = str(seeds_with_second_lanling(root / "corpus"))
    jobs = {}
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        for scenario, names in (("latest", NOTEBOOKS), ("all", ALL_NOTEBOOKS)):
            out = root / scenario
            out.mkdir()
            for name in names:
                params = {"corpus_dir": corpus, "output_dir": str(out), "per_region": scenario}
                jobs[(scenario, name)] = pool.submit(execute_project_notebook, name, str(out / f"{name}.ipynb"), params)
        done = {key: job.result() for key, job in jobs.items()}
    return {
        (scenario, name): Run(nbformat.read(path, as_version=4), root / scenario / name)
        for (scenario, name), path in done.items()
    }


def value(frame: pd.DataFrame, region: str, indicator: str) -> float:
    rows = frame[(frame["region"] == region) & (frame["indicator"] == indicator)]
    assert len(rows) == 1, (region, indicator, len(rows))
    return rows.iloc[0]["value"]


@pytest.mark.slow
def test_every_notebook_runs_without_errors_or_stderr(runs):
    for key, run in runs.items():
        assert not [o for o in run.outputs() if o.output_type == "error"], key
        assert not [o for o in run.outputs() if o.output_type == "stream" and o.name == "stderr"], key


@pytest.mark.slow
def test_every_notebook_says_how_the_cross_section_was_chosen_and_names_the_report_left_out(runs):
    for name in NOTEBOOKS:
        text = runs[("latest", name)].text()
        assert "newest report of each region" in text and LEFT_OUT.replace("_", "\\_") in text, name
        assert "兰陵县 \\(2021 and 2022\\)" in text, name


@pytest.mark.slow
def test_the_cross_section_holds_the_2022_report_of_lanling(runs):
    paid = runs[("latest", "01_social_assistance")].table("recipients_and_funds")
    assert value(paid, "兰陵县", "sa.dibao_recipients") == 33120
    network = runs[("latest", "03_child_protection")].table("network")
    assert value(network, "兰陵县", "cp.child_directors") == 612
    coverage = runs[("latest", "05_synthesis")].table("coverage")
    assert list(dict.fromkeys(coverage["region"])) == ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, indicator, before, after",
    [
        ("01_social_assistance", "sa.dibao_recipients", 32285, 33120),
        ("01_social_assistance", "sa.dibao_standard_urban", 780, 845),
        ("02_elderly_care", "ec.nursing_beds", 50, 120),
        ("03_child_protection", "cp.child_directors", 609, 612),
        ("04_party_building", "pb.study_sessions", 42, 48),
    ],
)
def test_each_theme_notebook_shows_the_change_over_time_with_evidence(runs, name, indicator, before, after):
    run = runs[("latest", name)]
    points = run.table("series")
    line = points[(points["indicator"] == indicator) & (points["kind"] == "achieved")].set_index("period")
    assert line.loc[2021, "value"] == before and line.loc[2022, "value"] == after
    assert line.loc[2022, "document"] == LANLING_2022_FILE and line["evidence"].str.len().min() > 0
    text = run.text()
    assert "Change over time" in text and "Evidence for every point" in text
    assert f"in 2021 → {after:,}" in text


@pytest.mark.slow
def test_the_change_over_time_is_one_chart_of_line_panels_under_its_own_heading(runs):
    for name in THEMES:
        cells = [c for c in runs[("latest", name)].notebook.cells if c.cell_type == "code"]
        section = [
            c
            for c in cells
            if any("## Change over time" in o.get("data", {}).get("text/markdown", "") for o in c.outputs)
        ]
        assert len(section) == 1, name
        assert sum("image/png" in o.get("data", {}) for o in section[0].outputs) == 1, name


@pytest.mark.slow
def test_the_synthesis_says_which_region_has_a_series(runs):
    text = runs[("latest", "05_synthesis")].text()
    assert "One region has reports of two or more years: 兰陵县 \\(2021 and 2022\\)" in text
    assert "shown in the theme notebooks \\(01–04\\)" in text


@pytest.mark.slow
def test_all_keeps_both_lanling_reports_each_under_its_year(runs):
    paid = runs[("all", "01_social_assistance")].table("recipients_and_funds")
    assert value(paid, "兰陵县 2021", "sa.dibao_recipients") == 32285
    assert value(paid, "兰陵县 2022", "sa.dibao_recipients") == 33120
    assert 'Every report is in the cross-section (per_region = "all")' in runs[("all", "01_social_assistance")].text()
    similarity = runs[("all", "05_synthesis")].table("similarity")
    assert list(similarity["region"]) == ["莒县", "兰陵县 2021", "兰陵县 2022", "徐州市", "济宁市", "长沙县"]
    points = runs[("all", "02_elderly_care")].table("series")
    assert set(points["region"]) == {"兰陵县"}
