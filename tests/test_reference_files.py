"""Reference files checked on load: a row with an unknown id, unit, date or value is refused naming file and line."""

from __future__ import annotations

import pytest

from minzheng import paths
from minzheng.errors import MinzhengError, ReferenceDataError
from minzheng.read import reference

HEADER = ",".join(reference.STANDARD_COLUMNS)


def standard_line(
    indicator: str = "sa.dibao_standard_urban",
    value: str = "700",
    unit: str = "元/人/月",
    effective_from: str = "2023-07-01",
    region: str = "测试县",
    tier: str = "whole county",
    source_title: str = "a test notice",
    source_url: str = "http://example.org/notice",
    reliability: str = "test",
) -> str:
    """One line of standards.csv."""
    cells = [region, region, tier, indicator, value, unit, effective_from, source_title, "publisher", source_url]
    return ",".join([*cells, "2023-07-02", "quote", reliability, "notes"])


def write_standards(folder, *lines: str):
    """A standards.csv with the header and the given lines."""
    path = folder / reference.STANDARDS_FILE
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def problem_of(folder, *lines: str) -> ReferenceDataError:
    """The error loading a standards file with these lines raises."""
    write_standards(folder, *lines)
    with pytest.raises(ReferenceDataError) as caught:
        reference.load_standards(folder)
    return caught.value


def test_the_project_reference_files_load_clean_with_their_sources_and_a_ref_per_row():
    for name, frame in reference.load_reference().items():
        assert len(frame), name
        assert (frame["source_title"] != "").all() and (frame["source_url"] != "").all()
        assert (frame["reliability"] != "").all() and frame["value"].notna().all()
        assert frame["ref"].str.fullmatch(rf"{name}:\d+").all()
    standards = reference.load_standards()
    assert {"set_by", "tier", "effective_from", "quote", "publisher", "published", "notes"} <= set(standards.columns)


def test_a_standard_with_an_unknown_codebook_id_names_the_file_and_line(tmp_path):
    error = problem_of(tmp_path, standard_line(), standard_line(indicator="sa.no_such_standard"))
    assert "standards.csv, line 3: indicator 'sa.no_such_standard' is not a codebook id" in str(error)
    assert isinstance(error, MinzhengError) and isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"effective_from": "2022/07/01"},
            "`effective_from` '2022/07/01' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ({"effective_from": "2022-13-01"}, "`effective_from` '2022-13-01' is not a real date"),
        ({"unit": "元/户/月"}, "unit '元/户/月' is not known"),
        ({"unit": "人"}, "unit '人' is not a standard's unit"),
        ({"value": "七百"}, "value '七百' is not a number"),
        ({"value": ""}, "`value` is empty"),
        ({"source_url": ""}, "`source_url` is empty"),
        ({"reliability": ""}, "`reliability` is empty"),
    ],
)
def test_a_bad_cell_is_refused_with_the_file_line_and_what_is_wrong(tmp_path, cells, message):
    error = problem_of(tmp_path, standard_line(), standard_line(**cells))
    assert f"standards.csv, line 3: {message}" in str(error)
    assert str(tmp_path / "standards.csv") in str(error)


def test_dates_may_be_a_year_a_month_or_a_day_and_a_yearly_unit_is_accepted(tmp_path):
    write_standards(
        tmp_path,
        standard_line(effective_from="2021"),
        standard_line(indicator="sa.dibao_standard_rural", effective_from="2021-07", unit="元/人/年", value="4200"),
        standard_line(indicator="sa.tekun_standard_urban", effective_from="2021-07-01"),
    )
    frame = reference.load_standards(tmp_path)
    assert frame["ref"].tolist() == ["standards.csv:2", "standards.csv:3", "standards.csv:4"]
    assert reference.parse_date("2021") == reference.parse_date("2021-01-01")
    assert str(reference.parse_date("2021-07").date()) == "2021-07-01"


def test_an_undated_standard_needs_a_dated_step_of_the_same_series_to_stand_before(tmp_path):
    error = problem_of(tmp_path, standard_line(effective_from=""), standard_line(tier="another tier"))
    assert "standards.csv, line 2: `effective_from` is empty and no dated row" in str(error)
    write_standards(tmp_path, standard_line(effective_from=""), standard_line(tier="whole county (glossed)"))
    assert len(reference.load_standards(tmp_path)) == 2  # the same tier, its gloss in brackets set aside


def test_every_problem_of_a_file_is_listed_each_with_its_line(tmp_path):
    error = problem_of(
        tmp_path, standard_line(unit="斤"), standard_line(), standard_line(value="x", effective_from="昨天")
    )
    assert [p.split(":")[0] for p in error.problems] == ["line 2", "line 4", "line 4"]


def test_a_reference_file_without_a_required_column_is_refused_on_line_one(tmp_path):
    (tmp_path / reference.NATIONAL_FILE).write_text("scope,indicator,value\n全国,x,1\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"national.csv, line 1: missing column\(s\) unit, as_of"):
        reference.load_national(tmp_path)


def test_a_population_row_needs_a_parseable_as_of_date(tmp_path):
    (tmp_path / reference.POPULATION_FILE).write_text(
        ",".join(reference.POPULATION_COLUMNS) + "\n测试县,resident_population,1000,人,,src,http://x,test\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError, match="population.csv, line 2: `as_of` is empty"):
        reference.load_population(tmp_path)


def test_a_corpus_with_only_a_standards_file_uses_its_own_reference_folder(tmp_path):
    own = tmp_path / "reference"
    own.mkdir()
    write_standards(own, standard_line())
    assert reference.reference_dir(tmp_path) == own
    assert reference.load_standards(own)["region"].tolist() == ["测试县"]
    assert reference.load_population(own).empty and "ref" in reference.load_population(own).columns
    assert reference.reference_dir(None) == paths.REFERENCE_DIR
