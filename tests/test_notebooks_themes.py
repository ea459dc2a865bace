"""The theme notebooks 01–03: committed clean, no figure or region typed in, and executed with papermill on the seeds,
on a corpus with a sixth report (and its own reference folder: the seeds' plus a standard and a population of the sixth
region), and on two regions, their saved tables holding the figures the reports state and the published standards and
populations of the reference files, each with its source and reliability.

The nine executions run once per module, two at a time, in worker processes (module-scoped fixture `runs`).
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from minzheng import paths
from minzheng.read import reference

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
# Rows a researcher adds to the sixth corpus's own reference files: its published urban dibao standard (the report's
# 10,800 元/人/年 is 900 元/人/月) and its count of residents aged 60+.
SIXTH_STANDARD_ROW = (
    "样例县,临沂市,county tier,sa.dibao_standard_urban,900,元/人/月,2024-01-01,样例县调整城乡低保标准的通知 (test),"
    "样例县民政局,http://example.org/test-standard,2024-01-05,城市低保标准每人每月900元,test row,\n"
)
SIXTH_POPULATION_ROW = "样例县,population_aged_60_plus,400000,人,2023-12-31,样例县老年人口 (test),http://example.org/test-population,test row\n"
SEED_REGIONS = ("莒县", "兰陵县", "徐州市", "济宁市", "长沙县")
FOUND = "published standard in force"
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
    """The seeds plus a short sixth report with its manifest row, and a reference folder of its own: the seeds' files
    plus a published standard and a population of the sixth region."""
    shutil.copytree(paths.REFERENCE_DIR, folder / "reference")
    for name, row in (
        (reference.STANDARDS_FILE, SIXTH_STANDARD_ROW),
        (reference.POPULATION_FILE, SIXTH_POPULATION_ROW),
    ):
        with open(folder / "reference" / name, "a", encoding="utf-8") as handle:
            handle.write(row)
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
    # 01: the stated standards; the published urban and rural dibao standards in force (four regions each); the steps
    # over time of 徐州市 and 长沙县. 03: the orphan standards are published for 徐州市 alone, so no chart.
    assert images == {"01_social_assistance": 5, "02_elderly_care": 2, "03_child_protection": 1}


def html_tables(nb: nbformat.NotebookNode) -> list[pd.DataFrame]:
    """Every HTML table an executed notebook shows, as a DataFrame of text."""
    tables = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            page = output.get("data", {}).get("text/html", "")
            if "<table" in page:
                tables += pd.read_html(io.StringIO(page), keep_default_na=False, converters={0: str})
    return tables


# Columns that name a reference row (file:line) in a table a page shows, and those that name several.
ROW_COLUMNS = ("ref", "refs", "source row", "standard_ref", "population_ref")


def row_columns(table: pd.DataFrame) -> list[str]:
    """The columns of a shown table that name reference rows."""
    return [str(c) for c in table.columns if str(c) in ROW_COLUMNS or str(c).endswith(" row")]


def listed_rows(tables: list[pd.DataFrame]) -> set[str]:
    """Every reference row (file:line) the sources tables of a page list ('standards.csv: 2, 3' → two rows)."""
    found = set()
    for table in tables:
        if {"rows", "reliability", "source_title"} <= set(map(str, table.columns)):
            for cell in table["rows"]:
                for part in str(cell).split(";"):
                    file, _, lines = part.strip().partition(": ")
                    found |= {f"{file}:{line.strip()}" for line in lines.split(",")}
    return found


@pytest.mark.slow
def test_social_assistance_compares_a_published_standard_for_four_of_five_regions_with_source_date_and_years_apart(
    runs,
):
    run = runs["seeds"]
    in_force = run.table("01_social_assistance", "standards_in_force")
    found = in_force[in_force["status"] == FOUND]
    assert found[["source_title", "source_url", "effective_from", "reliability"]].notna().all().all()
    assert found["years_apart"].notna().all() and set(found["region"]) == set(SEED_REGIONS) - {"莒县"}
    urban = found[found["indicator"] == "sa.dibao_standard_urban"].set_index("region")
    assert urban.loc["徐州市", "value"] == 709 and urban.loc["徐州市", "effective_from"] == "2022-07-01"
    assert urban.loc["徐州市", "years_apart"] == 0 and urban.loc["兰陵县", "years_apart"] == 3
    assert sorted(urban.loc["济宁市", "value"]) == [590, 630]  # the county and the district tier
    assert sorted(urban.loc["济宁市", "tier"].str.split(" ").str[0]) == ["county", "district"]
    juxian = in_force[in_force["region"] == "莒县"]
    assert juxian["value"].isna().all() and juxian["status"].str.startswith("gap: the reference holds no").all()
    text = run.text("01_social_assistance")
    assert (
        "are found for 4 of 5 reports" in text and "— gap: the reference holds no published standard for 莒县" in text
    )
    assert (
        "徐州市 (report of 2022: 4 of 5 standards, set by 徐州市, dated 2022\\-07\\-01, the same year as the report)"
        in text
    )


@pytest.mark.slow
def test_social_assistance_says_which_figures_are_published_standards_and_which_are_the_reports_claims(runs):
    run = runs["seeds"]
    text = run.text("01_social_assistance")
    assert "**Published standards** (from the reference file, not from the reports)" in text
    assert (
        "Published standards in force at the end of each report's year (reference file, not the reports' claims)"
        in text
    )
    assert "**The reports' own claims:** 济宁市's report (of 2023) states the urban" in text
    assert "**924 元/人/月** (achieved), which differs from the published standard 590 (county tier" in text
    assert "The reports of 莒县, 兰陵县, 徐州市 and 长沙县 state none of these standards" in text
    in_force = run.table("01_social_assistance", "standards_in_force")
    jining = in_force[(in_force["region"] == "济宁市") & (in_force["indicator"] == "sa.dibao_standard_urban")]
    assert set(jining["report_vs_published"]) == {"disagrees"} and set(jining["report_value"]) == {924}
    assert set(in_force.loc[in_force["region"] == "徐州市", "report_vs_published"]) <= {
        "the report states none",
        "no published standard",
    }


@pytest.mark.slow
def test_social_assistance_charts_the_standards_in_force_with_averages_and_a_gap_and_xuzhou_over_time(runs):
    run = runs["seeds"]
    nb = run.notebooks["01_social_assistance"]
    chart = next(c for c in nb.cells if c.cell_type == "code" and "standards_view.show_in_force" in c.source)
    assert sum("image/png" in o.get("data", {}) for o in chart.outputs) == 2  # urban and rural
    over_time = next(c for c in nb.cells if c.cell_type == "code" and "standards_view.show_steps" in c.source)
    assert sum("image/png" in o.get("data", {}) for o in over_time.outputs) == 2  # 徐州市 and 长沙县
    steps = run.table("01_social_assistance", "standard_steps")
    xuzhou = steps[(steps["region"] == "徐州市") & (steps["indicator"] == "sa.dibao_standard_urban")]
    assert list(xuzhou["value"]) == [670, 709, 742, 760]
    assert xuzhou["source_title"].notna().all() and xuzhou["reliability"].notna().all()
    text = run.text("01_social_assistance")
    assert (
        "徐州市's published urban minimum\\-living\\-guarantee \\(dibao\\) standard (set by 徐州市) in 4 steps: 670"
        in text
    )
    assert "from 709 (2022\\-07\\-01) to 760 (2024\\-07\\-01), 2 years, **3.5% a year**" in text
    assert "national average: from 684.1 (2021\\-03\\-31) to 752 (2023\\-01\\-31)" in text


@pytest.mark.slow
def test_elderly_care_gives_beds_per_1000_older_residents_or_the_reason_for_every_report(runs):
    run = runs["seeds"]
    for name in ("beds_per_1000_aged_60", "beds_per_1000_residents"):
        beds = run.table("02_elderly_care", name)
        assert list(beds["region"]) == list(SEED_REGIONS), name
        computed = beds["per_1000"].notna()
        assert (computed == (beds["status"] == "computed")).all() and beds.loc[~computed, "status"].str.startswith(
            "gap"
        ).all()
        assert beds.loc[computed, "source_title"].notna().all() and beds.loc[computed, "reliability"].notna().all()
    older = run.table("02_elderly_care", "beds_per_1000_aged_60").set_index("region")
    assert older.loc["徐州市", "status"].startswith("gap: the report states no achieved figure for elderly-care beds")
    assert older.loc["徐州市", "population"] == 1772436  # the population exists; the report's beds do not
    assert "parent city's figure (长沙市" in older.loc["长沙县", "status"]
    residents = run.table("02_elderly_care", "beds_per_1000_residents").set_index("region")
    assert residents.loc["济宁市", "per_1000"] == pytest.approx(67000 / 8240500 * 1000)
    assert residents.loc["莒县", "status"].startswith("gap: only a registered (户籍) population")
    text = run.text("02_elderly_care")
    assert "**Elderly\\-care beds per 1,000 residents aged 60\\+** can be computed for 0 of 5 reports" in text
    assert (
        "- **济宁市** (report of 2023): **8.1** (67,000 张 in 2023 ÷ 8,240,500 residents as of 2023\\-12\\-31" in text
    )


@pytest.mark.slow
def test_every_table_built_on_reference_data_shows_its_source_and_reliability(runs):
    run = runs["seeds"]
    for notebook in THEME_NOTEBOOKS:
        for path in (run.output_dir / notebook).glob("*.csv"):
            columns = set(pd.read_csv(path, nrows=0).columns)
            if {"ref", "refs"} & columns or any(c.endswith("_ref") for c in columns):
                assert {"source_title", "sources"} & columns and "reliability" in columns, (notebook, path.name)
        tables = html_tables(run.notebooks[notebook])
        listed = listed_rows(tables)
        for table in tables:
            names = row_columns(table)
            if not names and "sources" not in table.columns:
                continue
            assert any("reliability" in str(c) for c in table.columns), (notebook, list(table.columns))
            if "source_title" in table.columns or "sources" in table.columns:
                continue
            shown = {r.strip() for c in names for cell in table[c] for r in str(cell).split(";") if r.strip()}
            assert shown and shown <= listed, (notebook, sorted(shown - listed))  # each row's title is shown
    shown_tables = {nb: len([t for t in html_tables(node) if row_columns(t)]) for nb, node in run.notebooks.items()}
    assert shown_tables["01_social_assistance"] >= 3 and shown_tables["02_elderly_care"] >= 2, shown_tables
    assert shown_tables["03_child_protection"] >= 1


def added_line(name: str) -> str:
    """'standards.csv:32': the file and line of the row the sixth corpus adds after the seeds' rows."""
    return f"{name}:{len((paths.REFERENCE_DIR / name).read_text(encoding='utf-8').splitlines()) + 1}"


@pytest.mark.slow
def test_a_row_added_to_the_corpus_reference_changes_the_standards_and_per_older_resident_tables(runs):
    run = runs["six"]
    in_force = run.table("01_social_assistance", "standards_in_force")
    row = in_force[(in_force["region"] == SIXTH_REGION) & (in_force["indicator"] == "sa.dibao_standard_urban")]
    assert row["value"].item() == 900 and row["effective_from"].item() == "2024-01-01"
    assert row["report_vs_published"].item() == "agrees" and row["standard_ref"].item() == added_line(
        reference.STANDARDS_FILE
    )
    assert "样例县调整城乡低保标准的通知 \\(test\\)" in run.text("01_social_assistance")
    assert "are found for 5 of 6 reports" in run.text("01_social_assistance")
    older = run.table("02_elderly_care", "beds_per_1000_aged_60").set_index("region")
    assert older.loc[SIXTH_REGION, "per_1000"] == pytest.approx(2000 / 400000 * 1000)
    assert older.loc[SIXTH_REGION, "population_ref"] == added_line(reference.POPULATION_FILE)
    assert "can be computed for 1 of 6 reports" in run.text("02_elderly_care")
    seeds = runs["seeds"].table("01_social_assistance", "standards_in_force")
    assert SIXTH_REGION not in set(seeds["region"]) and len(in_force) == len(seeds) + 5


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
