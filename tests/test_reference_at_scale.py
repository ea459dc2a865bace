"""Published standards and reference populations at 5 and 500 reports (the seeds again and again under new region
names, each keeping its own place, so the reference still answers): every report gets the rows it gets alone, each
reference lookup is made once per key rather than once per report, and the sentences and charts of many reports name a
few and count the rest."""

from __future__ import annotations

from dataclasses import replace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from minzheng.compare import figure_tables, population, standards_coverage, standards_in_force, views  # noqa: E402
from minzheng.present import population_prose, standards_charts, standards_prose  # noqa: E402
from minzheng.read import reference  # noqa: E402

SIZES = (5, 500)
URBAN, RURAL = "sa.dibao_standard_urban", "sa.dibao_standard_rural"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def ref():
    return reference.load_standards(), reference.load_national(), reference.load_population()


def generated(seed_corpus, n: int) -> list:
    """n reports: the seeds again and again, each under a new label ('莒县#7') that keeps its region as its place, the
    years 2019–2024 in turn."""
    seeds = list(seed_corpus)
    return [
        replace(seeds[i % len(seeds)], region=f"{seeds[i % len(seeds)].region}#{i}",
                place=seeds[i % len(seeds)].region, year=2019 + i % 6)
        for i in range(n)
    ]  # fmt: skip


def corpus_table(reports: list) -> pd.DataFrame:
    """The corpus table of stand-in reports: region, year, level and parent city (for population.availability)."""
    rows = [
        {"region": r.region, "year": r.year, "level": r.level, "parent_city": (r.meta or {}).get("parent_city", "")}
        for r in reports
    ]
    return pd.DataFrame(rows)


def in_force(reports, ref, ids=(URBAN, RURAL)):
    """The standards in force of the reports, no claims."""
    standards, national, _ = ref
    return standards_in_force.standards_in_force(reports, standards, national, ids, figure_tables.empty_figures())


@pytest.mark.parametrize("n", SIZES)
def test_each_of_many_reports_gets_the_standards_it_gets_alone(seed_corpus, ref, n):
    reports = generated(seed_corpus, n)
    table = in_force(reports, ref)
    assert table["region"].nunique() == n
    for report in (reports[0], reports[3], reports[-1]):
        alone = in_force([report], ref).reset_index(drop=True)
        mine = table[table["region"] == report.region].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone)
    assert (table["status"] == standards_in_force.FOUND).any()


def test_the_step_in_force_is_chosen_once_per_place_standard_and_year_not_per_report(seed_corpus, ref, monkeypatch):
    calls = []
    chosen = standards_in_force.step_in_force
    monkeypatch.setattr(
        standards_in_force, "step_in_force", lambda rows, year: calls.append(year) or chosen(rows, year)
    )
    in_force(generated(seed_corpus, 500), ref)
    standards = ref[0]
    series = standards_in_force.timeline(standards)
    per_year = series[series["indicator"].isin([URBAN, RURAL])].groupby(["region", "indicator", "series"]).ngroups
    assert 0 < len(calls) <= per_year * 6  # six report years, whatever the number of reports


@pytest.mark.parametrize("n", SIZES)
def test_each_of_many_reports_gets_the_population_it_gets_alone(seed_corpus, ref, n):
    table = corpus_table(generated(seed_corpus, n)).assign(region=lambda t: t["region"].str.split("#").str[0])
    people = ref[2]
    available = population.availability(people, table)
    assert len(available) == 2 * n
    for k in (0, 1, 2, 3, 4, n - 1):
        alone = population.availability(people, table.iloc[[k]]).reset_index(drop=True)
        pd.testing.assert_frame_equal(available.iloc[2 * k : 2 * k + 2].reset_index(drop=True), alone)


def test_the_nearest_population_is_looked_up_once_per_region_measure_and_year(seed_corpus, ref, monkeypatch):
    calls = []
    nearest = population.nearest
    monkeypatch.setattr(population, "nearest", lambda rows, year: calls.append(year) or nearest(rows, year))
    table = corpus_table(generated(seed_corpus, 500)).assign(region=lambda t: t["region"].str.split("#").str[0])
    population.availability(ref[2], table)
    assert len(calls) <= 5 * 6 * 6  # regions × years × the measures and fallbacks asked, not × reports


@pytest.mark.parametrize("n", SIZES)
def test_the_standards_sentences_name_every_report_of_a_few_and_count_the_rest_of_many(seed_corpus, ref, n):
    table = in_force(generated(seed_corpus, n), ref)
    cover = standards_coverage.coverage(table)
    sentences = [
        standards_prose.coverage_sentence(cover),
        standards_prose.in_force_sentence(table),
        standards_prose.claims_sentence(table),
    ]
    if views.side_by_side(n):
        assert all(r.replace("#", "\\#") in sentences[0] for r in cover["region"])
        assert "more:" not in " ".join(sentences)
        return
    assert all(len(s) < 6_000 for s in sentences), [len(s) for s in sentences]
    assert "more: the notebook's table standards\\_in\\_force.csv holds every one" in sentences[1]


def test_gaps_of_many_reports_are_counted_by_reason(seed_corpus, ref):
    reports = [replace(r, place=r.region) for r in generated(seed_corpus, 500)]  # the labels: no reference row
    cover = standards_coverage.coverage(in_force(reports, ref))
    text = standards_prose.coverage_sentence(cover)
    assert "found for 0 of 500 reports: none." in text
    assert "500 — the reference holds no published standard for the report's region" in text
    assert len(text) < 1_000


@pytest.mark.parametrize("n", SIZES)
def test_the_population_sentences_of_many_reports_give_a_range_examples_and_counted_reasons(seed_corpus, ref, n):
    table = corpus_table(generated(seed_corpus, n)).assign(region=lambda t: t["region"].str.split("#").str[0] + "#")
    available = population.availability(ref[2], table)
    text = population_prose.availability_sentence(available)
    empty = figure_tables.empty_figures()
    beds = population.by_report(empty.assign(denominator=[]), available, "ec.beds", population.AGED_60)
    by_report = population_prose.by_report_sentence(beds)
    if views.side_by_side(n):
        assert text.count("#") == n * 2 and by_report.count("\n- ") == n
        return
    assert len(text) < 2_000 and len(by_report) < 2_000
    assert "population\\_availability.csv holds every one" in text
    assert f"No value for {n} — the report states no achieved figure of it" in by_report
    assert "beds\\_per\\_1000\\_aged\\_60.csv holds every one" in by_report


@pytest.mark.parametrize("n", SIZES)
def test_the_standards_chart_is_a_bar_per_report_for_a_few_and_a_distribution_per_level_for_many(seed_corpus, ref, n):
    table = in_force(generated(seed_corpus, n), ref)
    figure = standards_charts.in_force_chart(table, [URBAN, RURAL])
    panels = [ax for ax in figure.axes if ax.get_visible()]
    assert len(panels) == 2
    if views.side_by_side(n):
        assert len(panels[0].get_xticks()) == n
        return
    assert len(panels[0].patches) < 20  # no bar per report
    assert "of 500 reports have one" in panels[0].get_title()
    assert all("n = " in tick.get_text() for tick in panels[0].get_xticklabels())


def test_the_coverage_of_many_reports_groups_them_by_level_standards_found_and_gap_with_examples(seed_corpus, ref):
    cover = standards_coverage.coverage(in_force(generated(seed_corpus, 500), ref))
    groups = standards_coverage.coverage_groups(cover)
    assert groups["reports"].sum() == 500 and len(groups) <= 12
    assert list(groups["reports"]) == sorted(groups["reports"], reverse=True)
    assert all(len(examples.split("、")) <= 3 for examples in groups["for example"])
    assert set(groups["standards found"]) <= {f"{found} of 2" for found in range(3)}


def test_the_email_shows_the_grouped_coverage_of_many_reports_and_the_page_every_row(seed_corpus, ref):
    from minzheng.present.markdown import EMAIL_ALTERNATIVE, show_table

    cover = standards_coverage.coverage(in_force(generated(seed_corpus, 500), ref))
    shown = show_table(standards_coverage.coverage_view(cover), summary=standards_coverage.coverage_groups(cover))
    bundle, metadata = shown._repr_mimebundle_()
    assert bundle["text/html"].count("<tr") == 501
    email = metadata[EMAIL_ALTERNATIVE]["text/html"]
    assert "grouped, with examples" in email and email.count("<tr") < 20
    few = show_table(standards_coverage.coverage_view(standards_coverage.coverage(in_force(list(seed_corpus), ref))))
    assert "grouped" not in str(few.data)


def test_reports_the_reference_knows_nothing_of_fall_into_one_group_per_level_and_gap(seed_corpus, ref):
    # '莒县#7' is no place the reference holds
    unknown = [replace(r, place=r.region) for r in generated(seed_corpus, 500)]
    groups = standards_coverage.coverage_groups(standards_coverage.coverage(in_force(unknown, ref)))
    assert len(groups) <= 4 and groups["reports"].sum() == 500
    assert all("#" not in gap for gap in groups["gap"])
