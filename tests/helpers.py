"""Helpers the test modules share: corpora written for a test, and notebooks executed like `minzheng run` does."""

from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

from minzheng import paths


def copy_seeds(folder: Path) -> Path:
    """Copy the seed reports and the manifest into a new writable folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths.SEEDS_DIR.glob("*.txt"):
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(paths.SEEDS_DIR / paths.MANIFEST_NAME, folder / paths.MANIFEST_NAME)
    return folder


def seeds_with_extra_report(folder: Path, file: str, text: str, manifest_row: dict[str, str]) -> Path:
    """A copy of the seeds with one more report and its manifest row (columns not given stay empty)."""
    copy_seeds(folder)
    (folder / file).write_text(text, encoding="utf-8")
    with open(folder / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(folder / paths.MANIFEST_NAME, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header).writerow(
            {c: manifest_row.get(c, "") for c in header} | {"file": file}
        )
    return folder


# A second report of 兰陵县, for 2022, written for the tests in the shape of the 2021 seed: higher dibao standards
# (stated with the 2021 ones they rose from), more people covered and money paid, and a 2023 target.
LANLING_2022_FILE = "901_lanling_2022.txt"
LANLING_2022_TEXT = textwrap.dedent(
    """\
    兰陵县民政局2022年工作总结
    2022年，在县委、县政府的坚强领导下，县民政局坚持以人民为中心的发展思想，聚焦基本民生保障、基层社会治理和基本社会服务，推动全县民政事业高质量发展。
    一、2022年工作开展情况
    （一）兜牢基本民生底线
    一是提高救助保障标准。城市低保标准由2021年的每人每月780元提高到每人每月845元，农村低保标准由2021年的每人每月560元提高到每人每月620元。截至12月底，纳入城乡低保33120人，累计发放城乡低保资金18920.5万元；纳入城乡特困救助供养5480人，发放特困供养资金7012.3万元；实施临时救助860人次，支出救助资金301.2万元。
    （二）完善养老服务体系
    全县建成街道综合养老服务中心4处；提升改造乡镇敬老院2处，增加护理型床位120张。发放经济困难老年人生活补贴2210.6万元。
    （三）加强未成年人保护
    全县配备乡镇儿童督导员18人，村（居）儿童主任612人；发放孤儿、困境儿童基本生活费620.5万元。
    （四）加强机关党的建设
    坚持党建引领，开展党组理论学习中心组集体学习48次。
    二、2023年工作打算
    2023年，全县民政系统将继续提高城乡低保标准，力争城市低保标准达到每人每月900元。
    """
)
LANLING_2022_ROW = {
    "region": "兰陵县",
    "level": "county",
    "province": "山东省",
    "parent_city": "临沂市",
    "published": "2023-01-10",
    "year": "2022",
    "genre": "annual summary",
    "publisher": "兰陵县民政局",
    "script": "simplified",
    "notes": "a second 兰陵县 report written by the tests (tests/helpers.py)",
}


def seeds_with_second_lanling(folder: Path) -> Path:
    """A copy of the seeds with a second 兰陵县 report, for 2022: the region then has a series of two years."""
    return seeds_with_extra_report(folder, LANLING_2022_FILE, LANLING_2022_TEXT, LANLING_2022_ROW)


def execute_project_notebook(name: str, target: str, parameters: dict) -> str:
    """Execute one project notebook as `minzheng run` does (papermill on the minzheng kernel, in notebooks/, a kernel
    that dies before starting started again), callable in a worker."""
    from minzheng.publish.kernel import run_papermill_with_retries
    from minzheng.publish.run import quiet_environment

    quiet_environment()
    source = paths.NOTEBOOKS_DIR / f"{name}.ipynb"
    run_papermill_with_retries(source, Path(target), parameters, Path(target).with_suffix(".kernel.log"))
    return target
