"""The published standard in force for each report: chosen by date, in 元/人/月, both tiers, the report's claim beside
it, averages of the nearest date, visible gaps, sources that travel, and the reference sheet of the export."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pandas as pd
import pytest

from minzheng import paths
from minzheng.compare import figure_tables, reference_sheet, standard_steps, standards_coverage, standards_in_force
from minzheng.corpus import load_corpus
from minzheng.read import reference

URBAN, RURAL = "sa.dibao_standard_urban", "sa.dibao_standard_rural"


@pytest.fixture(scope="module")
def standards():
    return reference.load_standards()


@pytest.fixture(scope="module")
def national():
    return reference.load_national()


@pytest.fixture(scope="module")
def seeds_in_force(seed_corpus, standards, national):
    return standards_in_force.standards_in_force(seed_corpus, standards, national)


def report(region, year, level="prefecture-level city", province="", parent_city=""):
    """A stand-in for a Report: region, year, level and manifest metadata."""
    return SimpleNamespace(
        region=region, place="", year=year, level=level, meta={"province": province, "parent_city": parent_city}
    )


def in_force(standards, national, *reports, ids=(URBAN,), stated=None):
    """The standards in force for stand-in reports (no claims unless `stated` is given)."""
    stated = figure_tables.empty_figures() if stated is None else stated
    return standards_in_force.standards_in_force(list(reports), standards, national, ids, stated)


def test_xuzhou_2022_is_709_from_2022_07_01_and_before_that_670(standards, national):
    table = in_force(standards, national, report("徐州市", 2021), report("徐州市", 2022), report("徐州市", 2024))
    y2021, y2022, y2024 = (table.iloc[i] for i in range(3))
    assert y2022["value"] == 709 and y2022["effective_from"] == "2022-07-01" and y2022["years_apart"] == 0
    assert "742" in y2022["date_note"] and "may already apply" in y2022["date_note"]
    assert y2021["value"] == 670 and y2021["effective_from"] == "" and pd.isna(y2021["years_apart"])
    assert "in force before 2022-07-01" in y2021["date_note"] and y2021["in_force_until"] == "2022-07-01"
    assert y2024["value"] == 760 and y2024["effective_from"] == "2024-07-01"
    assert y2022["standard_ref"] == "standards.csv:2" and y2022["reliability"] == "official press relay"


def test_an_undated_step_stands_before_the_earliest_dated_step_when_its_source_dates_none(tmp_path):
    rows = [
        ["测试市", "测试市", "whole city", URBAN, "500", "元/人/月", "", "old notice", "", "http://a", "", "", "r", ""],
        [
            "测试市",
            "测试市",
            "whole city",
            URBAN,
            "600",
            "元/人/月",
            "2020-07-01",
            "new",
            "",
            "http://b",
            "",
            "",
            "r",
            "",
        ],
        [
            "测试市",
            "测试市",
            "whole city",
            URBAN,
            "650",
            "元/人/月",
            "2022-01",
            "newer",
            "",
            "http://b",
            "",
            "",
            "r",
            "",
        ],
    ]
    path = tmp_path / reference.STANDARDS_FILE
    pd.DataFrame(rows, columns=reference.STANDARD_COLUMNS).to_csv(path, index=False)
    mine = reference.load_standards(tmp_path)
    table = in_force(
        mine,
        mine.iloc[:0].rename(columns={"region": "scope"}),
        *(report("测试市", y) for y in (2019, 2020, 2021, 2022)),
    )
    assert table["value"].tolist() == [500, 600, 600, 650]
    assert "before 2020-07-01" in table.loc[0, "date_note"] and table["years_apart"].tolist()[1:] == [0, 1, 0]


def test_jining_shows_both_tiers_each_with_its_value(standards, national):
    table = in_force(standards, national, report("济宁市", 2023), ids=(URBAN, RURAL))
    tiers = {(r.indicator, r.tier.split(" (")[0]): r.value for r in table.itertuples()}
    assert tiers == {
        (URBAN, "county tier"): 590,
        (URBAN, "district tier"): 630,
        (RURAL, "county tier"): 445,
        (RURAL, "district tier"): 475,
    }
    assert (table["effective_from"] == "2020-07-01").all() and (table["years_apart"] == 3).all()


def test_a_yearly_standard_is_shown_per_month_with_the_division_written_out(standards, national):
    row = in_force(standards, national, report("兰陵县", 2021, "county"), ids=(RURAL,)).iloc[0]
    assert row["value"] == 350 and row["unit"] == "元/人/月"
    assert (
        row["value_stated"] == 4200 and row["unit_stated"] == "元/人/年" and row["conversion"] == "4,200 元/人/年 ÷ 12"
    )


def stated_figure(region, value, indicator=URBAN):
    """A one-row figure table: the report's own stated standard."""
    row = {c: "" for c in figure_tables.FIGURE_COLUMNS}
    row.update(region=region, level="prefecture-level city", year=2022, period=2022, indicator=indicator, value=value)
    row.update(unit="元/人/月", modality="achieved", raw=f"{value}元", evidence=f"低保标准{value}元。", start=0, end=0)
    frame = pd.DataFrame([row])
    frame["period"] = pd.array(frame["period"], dtype="Int64")
    return frame


@pytest.mark.parametrize(("claim", "verdict"), [(709.4, "agrees"), (708.0, "agrees"), (711.0, "disagrees")])
def test_a_report_figure_beyond_rounding_of_the_published_standard_is_flagged(standards, national, claim, verdict):
    row = in_force(standards, national, report("徐州市", 2022), stated=stated_figure("徐州市", claim)).iloc[0]
    assert row["report_value"] == claim and row["report_vs_published"] == verdict
    assert row["difference"] == pytest.approx(claim - 709)


def test_the_seeds_jining_claims_disagree_with_the_2020_standards_and_others_state_none(seeds_in_force):
    jining = seeds_in_force[(seeds_in_force["region"] == "济宁市") & (seeds_in_force["indicator"] == URBAN)]
    assert jining["report_value"].tolist() == [924, 924] and (jining["report_vs_published"] == "disagrees").all()
    assert "济宁市" in set(standards_coverage.disagreements(seeds_in_force)["region"])
    lanling = seeds_in_force[(seeds_in_force["region"] == "兰陵县") & (seeds_in_force["indicator"] == URBAN)]
    assert lanling["report_vs_published"].item() == "the report states none"


def test_juxian_shows_a_gap_with_its_reason_and_no_value(seeds_in_force):
    juxian = seeds_in_force[seeds_in_force["region"] == "莒县"]
    assert len(juxian) == seeds_in_force["indicator"].nunique() and juxian["value"].isna().all()
    assert juxian["status"].str.startswith("gap: the reference holds no published standard for 莒县").all()
    assert "日照市" in juxian["status"].iloc[0] and (juxian["source_title"] == "").all()
    assert juxian.loc[juxian["indicator"] == URBAN, "national_value"].item() == 752  # the average still shows


def test_a_report_before_every_standard_or_without_a_year_gets_its_gap_reason(standards, national):
    table = in_force(standards, national, report("济宁市", 2019), report("济宁市", None), report("徐州市", 2022), ids=(
        "sa.tekun_care_standard",))  # fmt: skip
    assert table.loc[0, "status"].endswith("takes effect 2020-07-01, after the end of 2019")
    assert table.loc[1, "status"] == standards_in_force.GAP_NO_YEAR
    assert table.loc[2, "status"].startswith("gap: the reference holds no published tekun care")


def test_national_and_provincial_averages_are_those_nearest_the_report_year_with_their_dates(seeds_in_force):
    rows = seeds_in_force[seeds_in_force["indicator"] == URBAN].drop_duplicates("region").set_index("region")
    assert rows.loc["兰陵县", "national_value"] == 684.1 and rows.loc["兰陵县", "national_as_of"] == "2021-03-31"
    assert rows.loc["徐州市", "national_value"] == 722 and rows.loc["长沙县", "national_value"] == 752
    assert rows.loc["长沙县", "provincial_value"] == 703 and rows.loc["长沙县", "provincial_as_of"] == "2024-12-31"
    assert rows.loc["长沙县", "national_years_apart"] == 1 and pd.isna(rows.loc["徐州市", "provincial_value"])
    assert rows.loc["长沙县", "provincial_reliability"].startswith("official press relay")


def test_at_least_four_of_the_five_seed_regions_get_a_standard_with_source_date_and_years_apart(seeds_in_force):
    regions = standards_coverage.regions_with_standard(seeds_in_force)
    assert regions == ["兰陵县", "徐州市", "济宁市", "长沙县"]
    cover = standards_coverage.coverage(seeds_in_force).set_index("region")
    assert cover.loc["兰陵县", "years_apart_max"] == 3 and cover.loc["徐州市", "years_apart_max"] == 0
    assert cover.loc["莒县", "standards_found"] == 0 and "日照市" in cover.loc["莒县", "gap_reason"]
    found = standards_coverage.found(seeds_in_force)
    for column in ("source_title", "source_url", "reliability", "effective_from", "standard_ref", "set_by"):
        assert (found[column] != "").all(), column


def test_adding_a_reference_row_changes_the_table(copy_of_seeds):
    own = copy_of_seeds / "reference"
    shutil.copytree(paths.REFERENCE_DIR, own)
    with open(own / reference.STANDARDS_FILE, "a", encoding="utf-8") as handle:
        handle.write(
            "莒县,日照市,whole city,sa.dibao_standard_urban,800,元/人/月,2023-07-01,测试通知,,http://example.org,,,test,\n"
        )
    corpus = load_corpus(copy_of_seeds, strict=True)
    folder = reference.reference_dir(copy_of_seeds)
    table = standards_in_force.standards_in_force(
        corpus, reference.load_standards(folder), reference.load_national(folder)
    )
    juxian = table[(table["region"] == "莒县") & (table["indicator"] == URBAN)].iloc[0]
    assert juxian["value"] == 800 and juxian["set_by"] == "日照市" and juxian["years_apart"] == 0
    assert juxian["source_title"] == "测试通知" and juxian["standard_ref"] == "standards.csv:32"
    assert len(standards_coverage.regions_with_standard(table)) == 5


def test_the_reference_sheet_holds_every_row_used_with_its_source_and_where(seed_corpus, seeds_in_force):
    sheet = reference_sheet.corpus_reference_sheet(seed_corpus)
    used = set(seeds_in_force["standard_ref"]) - {""}
    assert used <= set(sheet["ref"]) and "standards.csv:2" in set(sheet["ref"])
    assert (sheet["source_title"] != "").all() and (sheet["reliability"] != "").all()
    row = sheet.set_index("ref").loc["population.csv:17"]
    assert row["region"] == "济宁市" and row["date"] == "2023-12-31"
    assert row["used_in"].split(", ") == ["per_capita", "population_availability"]
    assert "standards_in_force" in sheet.set_index("ref").loc["national.csv:14", "used_in"]  # 湖南省, for 长沙县
    # 670 was in force for no seed report; it is the first step of 徐州市's standard over time
    assert sheet.set_index("ref").loc["standards.csv:4", "used_in"] == "standard_steps"
    assert "standards.csv:5" in set(sheet["ref"])  # and of its rural one


def test_the_compact_view_gives_a_region_without_standards_one_gap_row_and_every_other_row_its_reference_row(
    seeds_in_force,
):
    view = standards_coverage.compact_view(seeds_in_force)
    juxian = view[view["region"] == "莒县"]
    assert len(juxian) == 1 and juxian["note"].item().startswith("the reference holds no published standard for 莒县")
    lanling = view[(view["region"] == "兰陵县") & (view["standard"] == "农村低保标准")].iloc[0]
    assert lanling["元/人/月"] == 350 and lanling["note"] == "4,200 元/人/年 ÷ 12" and lanling["source row"]
    jining = view[(view["region"] == "济宁市") & (view["standard"] == "城市低保标准")]
    assert list(jining["tier"]) == ["county tier", "district tier"]


def test_the_sources_view_lists_each_source_once_with_the_rows_it_gave(seeds_in_force):
    sources = reference_sheet.sources_view(seeds_in_force)
    assert not sources.duplicated(["source_title", "reliability"]).any()
    rows = dict(zip(sources["source_title"], sources["rows"]))
    lanling = next(r for t, r in rows.items() if t.startswith("临沂市提高城乡居民最低生活保障"))
    assert lanling.startswith("standards.csv: 27, 28") and any(r.startswith("national.csv:") for r in rows.values())


def test_steps_over_time_follow_only_regions_with_two_dated_steps_with_the_provincial_average(
    seeds_in_force, standards, national
):
    found = standard_steps.region_steps(standards, national, seeds_in_force, [URBAN])
    assert [f.region for f in found] == ["徐州市", "长沙县"]
    changsha = found[1]
    assert set(changsha.averages["scope"]) == {"全国", "湖南省"} and changsha.report_years == (2024,)
    table = standard_steps.steps_table(found)
    assert list(table.loc[table["region"] == "徐州市", "value"]) == [670, 709, 742, 760]
