"""The theme notebooks 01–03: committed clean, no figure or region typed in, and executed with papermill on the seeds,
on a corpus with a sixth report, and on two regions, their saved tables holding the figures the reports state.

The nine executions run once per module, two at a time, in worker processes (module-scoped fixture `runs`).
"""

from __future__ import annotations

import re
import textwrap
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from minzheng import paths

from .helpers import execute_project_notebook, seeds_with_extra_report

THEME_NOTEBOOKS = ("01_social_assistance", "02_elderly_care", "03_child_protection")
SIXTH_REGION = "样例县"
SIXTH_FILE = "900_themes_test.txt"
SIXTH_TEXT = textwrap.dedent(
    """\
    样例县民政局2024年工作总结
    2024年，样例县民政局坚持以人民为中心，兜牢兜实基本民生底线。
    一、社会救助
    城市低保标准提高到每人每年10800元，农村低保标准提高到每人每月700元。全年保障城乡低保对象12000人，累计发放城乡低保资金8600万元。全面推行社会救助“一窗受理、协同办理”，对急难群众24小时内先行救助。
    二、养老服务
    全县建成养老机构8处，养老床位达到2000张，其中护理型床位1100张；建成农村幸福院120处。
    三、儿童福利
    全县配备乡镇儿童督导员12人，村（居）儿童主任300人；发放孤儿基本生活费210万元。样例县获评全省未成年人保护示范县。
    """
)
TWO_REGIONS = "莒县,兰陵县"
LEFT_OUT = ("徐州市", "济宁市", "长沙县")


@dataclass
class Run:
    """One scenario: the executed notebooks and the folder their tables were saved in."""

    output_dir: Path
    notebooks: dict[str, nbformat.NotebookNode]

    def table(self, notebook: str, name: str) -> pd.DataFrame:
        """A table a notebook saved (output_dir/<notebook>/<name>.csv)."""
        return pd.read_csv(self.output_dir / notebook / f"{name}.csv", encoding="utf-8")

    def text(self, notebook: str) -> str:
        """Every markdown and HTML output of an executed notebook, as one string."""
        parts = []
        for cell in self.notebooks[notebook].cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                parts += [data.get("text/markdown", ""), data.get("text/html", ""), output.get("text", "")]
        return "\n".join(parts)


def write_six_report_corpus(folder: Path) -> Path:
    """The seeds plus a short sixth report with its manifest row."""
    return seeds_with_extra_report(
        folder,
        SIXTH_FILE,
        SIXTH_TEXT,
        {
            "region": SIXTH_REGION,
            "level": "county",
            "province": "山东省",
            "parent_city": "临沂市",
            "published": "2025-01-15",
            "year": "2024",
            "genre": "annual summary",
            "publisher": "样例县民政局",
            "script": "simplified",
            "notes": "a short report written by tests/test_notebooks_themes.py",
        },
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    """Every theme notebook executed on the seeds, on seeds plus a sixth report, and on two regions."""
    root = tmp_path_factory.mktemp("themes")
    six = write_six_report_corpus(root / "six-corpus")
    scenarios = {
        "seeds": {"corpus_dir": None, "regions": None},
        "six": {"corpus_dir": str(six), "regions": None},
        "two": {"corpus_dir": None, "regions": TWO_REGIONS},
    }
    jobs = {}
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        for scenario, params in scenarios.items():
            out = root / scenario
            (out / "executed").mkdir(parents=True)
            for notebook in THEME_NOTEBOOKS:
                target = str(out / "executed" / f"{notebook}.ipynb")
                jobs[(scenario, notebook)] = pool.submit(
                    execute_project_notebook, notebook, target, {**params, "output_dir": str(out)}
                )
        done = {key: future.result() for key, future in jobs.items()}
    return {
        scenario: Run(
            root / scenario, {nb: nbformat.read(done[(scenario, nb)], as_version=4) for nb in THEME_NOTEBOOKS}
        )
        for scenario in scenarios
    }


def value(frame: pd.DataFrame, region: str, indicator: str, column: str = "value"):
    """The value of one region × indicator row of a saved table."""
    rows = frame[(frame["region"] == region) & (frame["indicator"] == indicator)]
    assert len(rows) == 1, (region, indicator, len(rows))
    return rows.iloc[0][column]


# --- the committed notebooks (fast) --------------------------------------------------------------


def source(notebook: str) -> nbformat.NotebookNode:
    return nbformat.read(paths.NOTEBOOKS_DIR / f"{notebook}.ipynb", as_version=4)


@pytest.mark.parametrize("notebook", THEME_NOTEBOOKS)
def test_theme_notebook_types_in_no_region_name_and_no_figure_of_the_reports(notebook, seed_corpus):
    text = "\n".join(c.source for c in source(notebook).cells)
    assert not [region for region in seed_corpus.regions if region in text]
    indicators = seed_corpus.indicators()
    figures = {f"{v:g}" for v in indicators["value"].dropna() if v >= 100} | set(indicators["raw"])
    typed = [f for f in figures if re.search(rf"(?<![\d.]){re.escape(f)}(?![\d.])", text)]
    assert typed == []


@pytest.mark.parametrize("notebook", THEME_NOTEBOOKS)
def test_theme_notebook_code_cells_stay_short(notebook):
    code = [c for c in source(notebook).cells if c.cell_type == "code"]
    assert max(len(c.source.splitlines()) for c in code) <= 12


# --- executed on the seeds -----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["seeds", "six", "two"])
def test_theme_notebooks_run_without_errors_or_stderr(runs, scenario):
    for notebook, nb in runs[scenario].notebooks.items():
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"], notebook
        assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"], notebook


@pytest.mark.slow
def test_social_assistance_standards_hold_jining_dibao_924_and_745_per_month(runs):
    std = runs["seeds"].table("01_social_assistance", "standards")
    assert (
        value(std, "济宁市", "sa.dibao_standard_urban") == 924
        and value(std, "济宁市", "sa.dibao_standard_rural") == 745
    )
    assert (std["unit"] == "元/人/月").all() and set(std["region"]) == {"济宁市"}
    assert (
        value(std, "济宁市", "sa.tekun_standard_urban") == 1202
        and value(std, "济宁市", "sa.tekun_care_standard") == 702
    )
    assert value(std, "济宁市", "sa.dibao_standard_urban", "evidence").startswith(
        "其中，城乡低保标准分别达到每人每月924元"
    )


@pytest.mark.slow
def test_social_assistance_sets_the_single_standard_against_national_averages_instead_of_a_one_bar_chart(runs):
    run = runs["seeds"]
    versus = run.table("01_social_assistance", "national_comparison")
    assert value(versus, "济宁市", "sa.dibao_standard_urban", "national_value") == 752
    assert value(versus, "济宁市", "sa.dibao_standard_rural", "national_as_of") == "2023-01-31"
    text = run.text("01_social_assistance")
    assert "Only 济宁市 states these standards" in text and "Only one region has a figure for 城市低保标准" in text


@pytest.mark.slow
def test_social_assistance_tables_hold_recipients_money_and_mechanisms_with_evidence(runs):
    run = runs["seeds"]
    paid = run.table("01_social_assistance", "recipients_and_funds")
    assert (
        value(paid, "兰陵县", "sa.dibao_recipients") == 32285
        and value(paid, "徐州市", "sa.total_assistance_funds") == 2.4e9
    )
    assert paid["evidence"].notna().all()
    summary = run.table("01_social_assistance", "mechanisms").set_index("mechanism")
    assert (
        summary.loc["sa.rapid_24h", "named_by"] == "济宁市" and summary.loc["sa.tekun_insurance", "named_by"] == "莒县"
    )
    brands = run.table("01_social_assistance", "service_brands")
    assert {"莒力助", "济时救"} <= set(brands["name"])


@pytest.mark.slow
def test_elderly_care_capacity_holds_juxian_beds_1740_and_nursing_beds_1395(runs):
    run = runs["seeds"]
    capacity = run.table("02_elderly_care", "capacity")
    assert value(capacity, "莒县", "ec.beds") == 1740 and value(capacity, "莒县", "ec.nursing_beds") == 1395
    assert value(capacity, "济宁市", "ec.beds") == 67000
    share = run.table("02_elderly_care", "nursing_share").set_index("region")
    assert share.loc["莒县", "nursing_share_pct"] == pytest.approx(1395 / 1740 * 100)


@pytest.mark.slow
def test_elderly_care_per_capita_leaves_juxian_as_a_visible_gap(runs):
    run = runs["seeds"]
    per = run.table("02_elderly_care", "per_capita")
    juxian = per[per["region"] == "莒县"]
    assert len(juxian) and juxian["per_1000"].isna().all() and juxian["status"].str.startswith("gap").all()
    jining = per[
        (per["region"] == "济宁市") & (per["indicator"] == "ec.beds") & (per["denominator"] == "resident_population")
    ]
    assert jining["per_1000"].item() == pytest.approx(67000 / 8240500 * 1000) and jining["source_title"].item()
    assert "the reference file has no population for 莒县" in run.text("02_elderly_care")


@pytest.mark.slow
def test_child_protection_network_holds_lanling_609_child_directors(runs):
    run = runs["seeds"]
    network = run.table("03_child_protection", "network")
    assert (
        value(network, "兰陵县", "cp.child_directors") == 609 and value(network, "兰陵县", "cp.child_supervisors") == 17
    )
    funds = run.table("03_child_protection", "funds")
    assert (
        value(funds, "莒县", "cp.child_allowance_funds") == 8239100
        and value(funds, "兰陵县", "cp.child_allowance_funds") == 5821300
    )
    std = run.table("03_child_protection", "standards")
    assert value(std, "济宁市", "cp.orphan_standard_institutional") == 2310
    statuses = run.table("03_child_protection", "demonstrations")
    assert "awarded" in set(statuses.loc[statuses["region"] == "济宁市", "status"])
    assert "sought" in set(statuses.loc[statuses["region"] == "兰陵县", "status"])


@pytest.mark.slow
def test_executed_theme_notebooks_draw_charts_only_where_two_regions_compare(runs):
    images = {
        nb: sum("image/png" in o.get("data", {}) for c in node.cells for o in c.get("outputs", []))
        for nb, node in runs["seeds"].notebooks.items()
    }
    assert images == {"01_social_assistance": 1, "02_elderly_care": 2, "03_child_protection": 1}


# --- a sixth report ------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_sixth_report_with_a_yearly_standard_is_converted_and_makes_a_standards_chart(runs):
    run = runs["six"]
    std = run.table("01_social_assistance", "standards")
    assert value(std, SIXTH_REGION, "sa.dibao_standard_urban") == 900
    assert value(std, SIXTH_REGION, "sa.dibao_standard_urban", "conversion") == "10,800 元/人/年 ÷ 12"
    assert value(std, SIXTH_REGION, "sa.dibao_standard_rural") == 700
    assert (
        value(std, "济宁市", "sa.dibao_standard_urban") == 924
        and value(std, "济宁市", "sa.dibao_standard_rural") == 745
    )
    text = run.text("01_social_assistance")
    assert "Only 济宁市 states these standards" not in text and "2 regions state these standards" in text
    assert "2 regions have comparable figures for 城市低保标准" in text


@pytest.mark.slow
def test_a_sixth_report_flows_into_capacity_network_and_mechanisms(runs):
    run = runs["six"]
    capacity = run.table("02_elderly_care", "capacity")
    assert value(capacity, SIXTH_REGION, "ec.beds") == 2000 and value(capacity, "莒县", "ec.beds") == 1740
    share = run.table("02_elderly_care", "nursing_share").set_index("region")
    assert share.loc[SIXTH_REGION, "nursing_share_pct"] == pytest.approx(55.0)
    per = run.table("02_elderly_care", "per_capita")
    assert per.loc[per["region"] == SIXTH_REGION, "per_1000"].isna().all()  # no reference row: a gap, not filled
    network = run.table("03_child_protection", "network")
    assert (
        value(network, SIXTH_REGION, "cp.child_directors") == 300
        and value(network, "兰陵县", "cp.child_directors") == 609
    )
    mentions = run.table("01_social_assistance", "mechanism_mentions")
    assert {"sa.one_window", "sa.rapid_24h"} <= set(mentions.loc[mentions["region"] == SIXTH_REGION, "mechanism"])


# --- two regions ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_regions_keep_their_figures_and_mention_no_other_region(runs):
    run = runs["two"]
    capacity = run.table("02_elderly_care", "capacity")
    assert value(capacity, "莒县", "ec.beds") == 1740 and value(capacity, "莒县", "ec.nursing_beds") == 1395
    network = run.table("03_child_protection", "network")
    assert value(network, "兰陵县", "cp.child_directors") == 609
    for notebook in THEME_NOTEBOOKS:
        text = run.text(notebook)
        assert not [region for region in LEFT_OUT if region in text], notebook
        for path in (run.output_dir / notebook).glob("*.csv"):
            content = path.read_text(encoding="utf-8")
            assert not [region for region in LEFT_OUT if region in content], path.name


@pytest.mark.slow
def test_two_regions_without_standards_say_so_and_save_an_empty_standards_table(runs):
    run = runs["two"]
    std = run.table("01_social_assistance", "standards")
    assert std.empty and {"region", "indicator", "value", "unit", "conversion", "evidence"} <= set(std.columns)
    text = run.text("01_social_assistance")
    assert "0 of 2 reports" in text and "Not stated by any report:" in text and "城市低保标准" in text
    assert "None of the 2 selected reports states a standard" in text


@pytest.mark.slow
def test_on_the_seeds_one_sentence_says_no_region_has_a_series_and_no_change_over_time_is_shown(runs):
    for notebook in THEME_NOTEBOOKS:
        text = runs["seeds"].text(notebook)
        assert text.count("no region has a series of years") == 1 and "Change over time" not in text, notebook
        assert runs["seeds"].table(notebook, "series").empty
