"""The command line: `minzheng corpus`, `minzheng extract` (a contract outside checks rely on) and `evaluate`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from minzheng import paths

CONTRACT_COLUMNS = [
    "document",
    "region",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "modality",
    "period",
    "raw",
    "evidence",
    "start",
    "end",
]
NEW_REPORT = (
    "首页 > 工作动态\n"
    "某县民政局2023年工作总结\n"
    "一、兜牢民生底线\n"
    "全县纳入城乡低保5210人，城乡低保标准分别达到每人每月880元、700元；实施临时救助1350人次。\n"
    "二、完善养老服务\n"
    "全县养老床位2600张，其中护理型床位1500张；建成农村幸福院120处。\n"
    "三、2024年工作打算\n"
    "计划新建儿童之家12个。\n"
    "责任编辑：张三\n"
)
EXPECTED = {
    "sa.dibao_recipients": 5210,
    "sa.dibao_standard_urban": 880,
    "sa.dibao_standard_rural": 700,
    "sa.temp_assistance_cases": 1350,
    "ec.beds": 2600,
    "ec.nursing_beds": 1500,
    "ec.rural_happiness_homes": 120,
    "cp.children_homes": 12,
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "minzheng", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def traditional(text: str) -> str:
    """The text in traditional characters (s2t)."""
    import opencc

    return opencc.OpenCC("s2t").convert(text)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_extract_reads_a_report_outside_the_manifest_in_any_script_and_encoding(tmp_path, script, encoding):
    text = NEW_REPORT if script == "simplified" else traditional(NEW_REPORT)
    path = tmp_path / "new_report.txt"
    path.write_bytes(text.encode(encoding))
    result = run("extract", str(path), "--region", "某县", "--year", "2023")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert CONTRACT_COLUMNS == [c for c in frame.columns if c in CONTRACT_COLUMNS]
    assert set(frame["document"]) == {"new_report.txt"} and set(frame["region"]) == {"某县"}
    assert frame.set_index("indicator")["value"].to_dict() == EXPECTED
    assert frame.set_index("indicator").loc["cp.children_homes", "modality"] == "target"
    assert frame.set_index("indicator").loc["cp.children_homes", "period"] == 2024


def test_extract_takes_region_and_year_from_the_manifest_for_a_seed():
    result = run("extract", str(paths.SEEDS_DIR / "003_d11985906deae70a.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert {r["region"] for r in records} == {"济宁市"}
    assert {r["period"] for r in records} >= {2023}
    urban = next(r for r in records if r["indicator"] == "sa.dibao_standard_urban")
    assert (urban["value"], urban["unit"], urban["raw"]) == (924, "元/人/月", "每人每月924元")
    assert set(CONTRACT_COLUMNS) <= set(urban)


def test_extract_offsets_point_into_the_clean_text_and_evidence():
    result = run("extract", str(paths.SEEDS_DIR / "000_0c31025ab91da0ac.txt"))
    frame = pd.read_csv(io.StringIO(result.stdout))
    for row in frame.dropna(subset=["value"]).itertuples():
        assert row.raw in row.evidence
        assert row.end - row.start == len(row.raw)


def test_extract_of_a_bad_file_names_it_and_exits_nonzero(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("extract", str(path))
    assert result.returncode == 2
    assert "empty.txt: the file is empty" in result.stderr


def test_corpus_lists_every_seed_report():
    result = run("corpus", str(paths.SEEDS_DIR), "--strict")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for region in ["莒县", "兰陵县", "徐州市", "济宁市", "长沙县"]:
        assert any(line.startswith(region) for line in lines)
    juxian = next(line for line in lines if line.startswith("莒县"))
    assert "traditional→simplified" in juxian and "corrupted:" in juxian and "sentences" in juxian
    assert lines[-1] == f"5 reports in {paths.SEEDS_DIR}"


def test_corpus_in_strict_mode_fails_with_the_problem_named(copy_of_seeds):
    (copy_of_seeds / "extra.txt").write_text("全县纳入低保100人。", encoding="utf-8")
    result = run("corpus", str(copy_of_seeds), "--strict")
    assert result.returncode == 2
    assert "extra.txt: no manifest row names this file" in result.stderr


def test_corpus_without_strict_lists_the_good_reports_and_the_problems(copy_of_seeds):
    (copy_of_seeds / "extra.txt").write_text("全县纳入低保100人。", encoding="utf-8")
    result = run("corpus", str(copy_of_seeds))
    assert result.returncode == 1
    assert "5 reports in" in result.stdout and "extra.txt" in result.stderr


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("minzheng")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "extract" in result.stdout
