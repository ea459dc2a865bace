"""Notebooks 04 (party building) and 05 (synthesis) executed with papermill on the seeds, on a corpus with a sixth
report, and with regions set to two; the checks read the tables each executed notebook saved as CSV.

All six executions run once per module (two at a time, in worker processes) and the tests share them.
"""

from __future__ import annotations

import re
import textwrap
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from minzheng import paths

from .helpers import execute_project_notebook, seeds_with_extra_report

NOTEBOOKS = ("04_party_building", "05_synthesis")
SEED_REGIONS = ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]
TWO_REGIONS = ["莒县", "济宁市"]
SIXTH_REGION = "样本县"
SIXTH_FILE = "900_sample_county.txt"
SIXTH_TEXT = textwrap.dedent(
    """\
    样本县民政局2023年工作总结
    2023年，样本县民政局坚持党建引领，打造“暖心为民”党建品牌，推行“党建+养老”模式，开展党组理论学习中心组集体学习12次。
    全县城市低保标准提高到每人每月800元，农村低保标准提高到每人每月650元，全年发放城乡低保资金2860万元。
    全县养老床位达到1500张，建成农村幸福院35处，为困难老人提供助餐、助浴等上门服务。
    建成镇（街道）社工站10个，持证社工120人，全县注册志愿者达到3.2万人。
    """
)
JINING_MODELS = {"党建+救助", "党建+养老", "党建+慈善", "党建+社区治理"}


@dataclass
class Execution:
    """One notebook executed on one scenario: the executed notebook and the folder of its saved tables."""

    notebook: nbformat.NotebookNode
    tables: Path
    regions: list[str]

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.tables / f"{name}.csv", encoding="utf-8")


def sixth_report_corpus(folder: Path) -> Path:
    """The seeds plus a short sixth report with its manifest row."""
    return seeds_with_extra_report(
        folder,
        SIXTH_FILE,
        SIXTH_TEXT,
        {
            "region": SIXTH_REGION,
            "level": "county",
            "province": "山东省",
            "published": "2024-01-15",
            "year": "2023",
            "genre": "annual summary",
            "publisher": "样本县民政局",
            "script": "simplified",
            "notes": "a short report written by tests/test_notebooks_synthesis.py",
        },
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Execution]:
    """Both notebooks on three scenarios: seeds, seeds plus a sixth report, and two regions of the seeds."""
    root = tmp_path_factory.mktemp("notebooks-synthesis")
    scenarios = {
        "seeds": ({"corpus_dir": None, "regions": None}, SEED_REGIONS),
        "sixth": (
            {"corpus_dir": str(sixth_report_corpus(root / "corpus6")), "regions": None},
            [*SEED_REGIONS, SIXTH_REGION],
        ),
        "two": ({"corpus_dir": None, "regions": ",".join(TWO_REGIONS)}, TWO_REGIONS),
    }
    jobs = {}
    with ProcessPoolExecutor(max_workers=2) as pool:
        for scenario, (parameters, _) in scenarios.items():
            out = root / scenario
            out.mkdir()
            for name in NOTEBOOKS:
                params = {**parameters, "output_dir": str(out)}
                jobs[(scenario, name)] = pool.submit(execute_project_notebook, name, str(out / f"{name}.ipynb"), params)
        done = {key: job.result() for key, job in jobs.items()}
    return {
        (scenario, name): Execution(
            nbformat.read(done[(scenario, name)], as_version=4), root / scenario / name, scenarios[scenario][1]
        )
        for scenario, name in done
    }


def outputs(nb: nbformat.NotebookNode) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def markdown_outputs(nb: nbformat.NotebookNode) -> str:
    return "\n".join(o.get("data", {}).get("text/markdown", "") for o in outputs(nb))


# --- the committed notebooks ---------------------------------------------------------------------


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_code_and_prose_name_no_region(name):
    nb = nbformat.read(paths.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            continue
        for region in SEED_REGIONS:
            assert region not in cell.source, (name, region)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_prose_types_no_figure_from_the_reports(name):
    nb = nbformat.read(paths.NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    allowed = {
        "10,000",
        "2008",
        "1",
        "0",
    }  # the per-10,000-characters scale, a citation year, the ends of the similarity scale
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            numbers = set(re.findall(r"\d[\d,.]*", cell.source.replace("04_", "").replace("05_", "")))
            assert numbers <= allowed, (name, numbers - allowed)


# --- executions ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["seeds", "sixth", "two"])
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_without_errors_or_stderr_and_draws_a_chart(runs, scenario, name):
    nb = runs[(scenario, name)].notebook
    found = outputs(nb)
    assert not [o for o in found if o.output_type == "error"]
    assert not [o for o in found if o.output_type == "stream" and o.name == "stderr"]
    assert [o for o in found if "image/png" in o.get("data", {})]


@pytest.mark.slow
def test_brands_table_holds_jinings_brand_and_four_plus_models_and_juxians_models(runs):
    brands = runs[("seeds", "04_party_building")].table("brands")
    jining = brands[brands["region"] == "济宁市"]
    assert "四心同聚·济民善政" in set(jining.loc[jining["indicator"] == "pb.brand", "name"])
    assert set(jining.loc[jining["indicator"] == "pb.plus_model", "name"]) == JINING_MODELS
    juxian = brands[(brands["region"] == "莒县") & (brands["indicator"] == "pb.plus_model")]
    assert set(juxian["name"]) == {"党建+公益", "党建+救助"}
    assert (brands["evidence"].str.len() > 0).all() and set(brands["modality"]) == {"achieved"}
    for row in brands.itertuples():
        assert row.name.replace(" ", "")[:2] in re.sub("[“”『』「」]", "", row.evidence).replace(" ", "")


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["seeds", "sixth", "two"])
def test_text_shares_cover_every_selected_region_per_10000_characters(runs, scenario):
    run = runs[(scenario, "04_party_building")]
    shares = run.table("text_shares")
    assert list(shares["region"]) == run.regions
    for row in shares.itertuples():
        assert math_close(row.party_building_per_10k_chars, row.party_building_tokens * 10_000 / row.chars)
        assert math_close(row.service_delivery_per_10k_chars, row.service_delivery_tokens * 10_000 / row.chars)
        assert row.party_building_tokens + row.service_delivery_tokens <= row.tokens
    word_lists = run.table("word_lists")
    assert set(word_lists["theme"]) == {"party_building", "service_delivery"}
    assert [c for c in word_lists.columns if c not in ("theme", "term", "gloss", "total")] == run.regions


def math_close(shown: float, exact: float) -> bool:
    return abs(shown - round(exact, 1)) < 1e-9


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["seeds", "sixth", "two"])
def test_similarity_matrix_covers_every_region_symmetric_with_ones_on_the_diagonal(runs, scenario):
    run = runs[(scenario, "05_synthesis")]
    sim = run.table("similarity").set_index("region")
    assert list(sim.index) == list(sim.columns) == run.regions
    values = sim.to_numpy()
    assert np.allclose(values, values.T) and (np.diag(values) == 1.0).all()
    pairs = run.table("similarity_pairs")
    assert len(pairs) == len(run.regions) * (len(run.regions) - 1) // 2


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["seeds", "sixth", "two"])
def test_coverage_has_every_region_and_theme_and_findings_have_quotes(runs, scenario):
    run = runs[(scenario, "05_synthesis")]
    coverage = run.table("coverage")
    assert list(dict.fromkeys(coverage["region"])) == run.regions
    assert len(coverage) == 5 * len(run.regions)
    findings = run.table("findings")
    assert set(findings["region"].dropna()) <= set(run.regions)
    quoted = findings.dropna(subset=["quote"])
    assert set(quoted["finding"]) == set(findings["finding"])


@pytest.mark.slow
def test_a_sixth_report_flows_into_every_table(runs):
    brands = runs[("sixth", "04_party_building")].table("brands")
    sixth = brands[brands["region"] == SIXTH_REGION]
    assert set(sixth["name"]) == {"暖心为民", "党建+养老"}
    figures = runs[("sixth", "04_party_building")].table("figures")
    assert 12 in set(figures.loc[figures["region"] == SIXTH_REGION, "value"])
    findings = runs[("sixth", "05_synthesis")].table("findings")
    standards = findings[findings["key"] == "per_person_standards"]
    assert {"济宁市", SIXTH_REGION} <= set(standards["region"])
    assert "2 of 6 reports" in standards["statement"].iloc[0]
    text = markdown_outputs(runs[("sixth", "05_synthesis")].notebook)
    assert "6 reports" in text and SIXTH_REGION in text


@pytest.mark.slow
def test_two_regions_keep_only_their_reports_in_tables_and_prose(runs):
    for name in NOTEBOOKS:
        run = runs[("two", name)]
        text = markdown_outputs(run.notebook)
        assert "**2 reports**" in text
        for region in set(SEED_REGIONS) - set(TWO_REGIONS):
            assert region not in text, (name, region)
    brands = runs[("two", "04_party_building")].table("brands")
    assert set(brands["region"]) == set(TWO_REGIONS)


@pytest.mark.slow
def test_study_session_chart_appears_only_where_two_reports_of_a_level_state_it(runs):
    seeds = markdown_outputs(runs[("seeds", "04_party_building")].notebook)
    assert "The chart sets side by side" in seeds
    two = markdown_outputs(runs[("two", "04_party_building")].notebook)
    assert "The chart sets side by side" not in two
    assert "No chart: only one report states it" in two


@pytest.mark.slow
def test_on_the_seeds_one_sentence_says_no_region_has_a_series_and_no_change_over_time_is_shown(runs):
    for name in NOTEBOOKS:
        text = markdown_outputs(runs[("seeds", name)].notebook)
        assert text.count("no region has a series of years") == 1 and "Change over time" not in text, name
