"""Views that fit the corpus size, checked at 5, 50 and 500 regions: a handful side by side as the notebooks always
showed them, many as distributions and summaries, the e-mail cut of long tables, and charts that do not grow."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from minzheng.compare import figure_tables, mechanisms, views
from minzheng.english import join_words
from minzheng.extract import mentions
from minzheng.present import charts, figure_charts, findings, synthesis_charts, word_charts
from minzheng.present.markdown import EMAIL_ALTERNATIVE, EmailCut, show_table
from minzheng.publish.images import IMAGE_BYTES, smaller_png
from minzheng.publish.render import exportable

matplotlib.use("Agg")

SIZES = (5, 50, 500)
IDS = ("sa.dibao_standard_urban", "sa.dibao_standard_rural")


def regions(n: int) -> list[str]:
    """n region names."""
    return [f"县{i:03d}" for i in range(n)]


def figure_rows(n: int) -> pd.DataFrame:
    """A figure table of n regions stating two standards, levels alternating, every fifth a target."""
    rows = []
    for i, region in enumerate(regions(n)):
        for k, indicator in enumerate(IDS):
            zh, en = figure_tables.label_of(indicator)
            rows.append(
                {
                    "region": region,
                    "level": "county" if i % 3 else "prefecture-level city",
                    "year": 2023,
                    "period": 2023,
                    "indicator": indicator,
                    "label_zh": zh,
                    "label_en": en,
                    "value": 600.0 + 3 * i + 100 * k,
                    "unit": "元/人/月",
                    "qualifier": "exact",
                    "modality": "target" if i % 5 == 4 else "achieved",
                    "measure": figure_tables.STOCK,
                    "raw": f"{600 + 3 * i}元",
                    "evidence": f"{region}低保标准提高到每人每月{600 + 3 * i}元。",
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("n, side_by_side", [(5, True), (50, False), (500, False)])
def test_a_handful_of_regions_is_shown_side_by_side_and_many_as_distributions(n, side_by_side):
    assert views.view_for(n).side_by_side is side_by_side
    assert views.view_for(n).heatmap is (n <= views.HEATMAP_MAX)


@pytest.mark.parametrize("n", SIZES)
def test_the_wide_table_has_a_column_per_region_for_a_handful_and_the_spread_by_level_for_many(n):
    frame = figure_rows(n)
    table = figure_tables.wide_table(frame, regions(n), IDS, dict(zip(frame["region"], frame["level"])))
    if n <= views.SIDE_BY_SIDE_MAX:
        assert table.shape == (2, n + 1)
        return
    assert list(table.columns) == views.SPREAD_COLUMNS
    assert set(table["level"]) == {"county 县", "prefecture-level city 地级市"} and len(table) == 4
    counties = table[(table["level"] == "county 县") & (table["indicator"].str.startswith("城市低保标准"))].iloc[0]
    stated = frame[(frame["indicator"] == IDS[0]) & (frame["level"] == "county")]
    assert counties["regions"] + counties["targets"] == len(stated)
    assert counties["min"] <= counties["median"] <= counties["max"]


@pytest.mark.parametrize("n", SIZES)
def test_the_mechanism_matrix_has_a_column_per_region_for_a_handful_and_counts_for_many(n):
    catalogue = mentions.catalogue("social_assistance").head(3)
    mechanism = catalogue["id"].iloc[0]
    found = pd.DataFrame(
        [{"region": r, "mechanism": mechanism, "modality": "planned" if i % 2 else "achieved"} for i, r in
         enumerate(regions(n)) if i % 4 == 0]
    )  # fmt: skip
    table = mechanisms.matrix(found, regions(n), catalogue)
    if n <= views.SIDE_BY_SIDE_MAX:
        assert list(table.columns) == ["mechanism", *regions(n)]
        assert table.iloc[0, 1] == mentions.NAMED
        return
    assert list(table.columns) == mechanisms.MANY_COLUMNS
    first = table.iloc[0]
    assert (first["named"], first["not found"]) == (len(found), n - len(found))


@pytest.mark.parametrize("n", SIZES)
def test_a_region_chart_is_a_bar_per_region_for_a_handful_and_boxes_by_level_for_many(n):
    import matplotlib.pyplot as plt

    figure = charts.region_bar(figure_rows(n)[lambda f: f["indicator"] == IDS[0]], title="t", unit="元/人/月")
    ax = figure.axes[0]
    if n <= views.SIDE_BY_SIDE_MAX:
        assert len(ax.get_xticks()) == n
    else:
        assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == ["county 县", "city 地级市"]
        assert figure.get_size_inches()[0] < 6
    plt.close(figure)


def test_small_multiples_keep_their_size_from_50_to_500_regions():
    import matplotlib.pyplot as plt

    sizes = []
    for n in (50, 500):
        comparison = figure_charts.comparison(figure_rows(n), IDS)
        sizes.append(tuple(comparison.figure.get_size_inches()))
        plt.close(comparison.figure)
    assert sizes[0] == sizes[1]


def test_heatmaps_of_many_reports_become_summaries():
    import matplotlib.pyplot as plt

    names = regions(50)
    matrix = pd.DataFrame([[i % 2, i % 3] for i in range(50)], index=names, columns=["a", "b"]).T
    figure = charts.coverage_heatmap(matrix, levels=["county"] * 25 + ["prefecture-level city"] * 25)
    assert len(figure.axes[0].patches) == 4  # two rows, a bar per level
    sim = pd.DataFrame(0.5, index=names, columns=names)
    histogram = word_charts.similarity_heatmap(sim, pd.DataFrame({"region": names, "level": "county"}))
    assert histogram.axes[0].get_xlabel().startswith("cosine similarity")
    profiles = pd.DataFrame(0.2, index=names, columns=["社会救助 Social assistance", "党建 Party building"])
    boxes = synthesis_charts.profile_heatmap(profiles, pd.DataFrame({"region": names, "level": "county"}))
    assert [t.get_text() for t in boxes.axes[0].get_xticklabels()] == [
        "社会救助\nSocial assistance",
        "党建\nParty building",
    ]
    plt.close("all")


@pytest.mark.parametrize("n", SIZES)
def test_the_email_shows_a_long_table_of_many_regions_cut_and_says_where_the_rest_is(n):
    frame = figure_rows(n)
    shown = show_table(frame)
    if n <= views.SIDE_BY_SIDE_MAX:
        assert not isinstance(shown, EmailCut)
        return
    data, metadata = shown._repr_mimebundle_()
    whole, email = data["text/html"], metadata[EMAIL_ALTERNATIVE]["text/html"]
    assert whole.count("<tr") == len(frame) + 1
    assert email.count("<tr") == 2 * 2 * views.ENDS + 1  # the highest and lowest of each of the two standards
    assert "researcher page" in email and "data export" in email
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "source": "", "outputs": [
        {"output_type": "display_data", "data": data, "metadata": metadata}]}], "metadata": {}}  # fmt: skip
    import nbformat

    notebook = nbformat.from_dict({**nb, "nbformat": 4, "nbformat_minor": 5})
    assert exportable(notebook, email=True).cells[0].outputs[0]["data"]["text/html"] == email
    assert exportable(notebook, email=False).cells[0].outputs[0]["data"]["text/html"] == whole


def test_a_sentence_names_a_handful_of_regions_and_counts_the_rest():
    assert join_words(regions(5)) == "县000, 县001, 县002, 县003 and 县004"
    assert join_words(regions(500)).endswith("县011 and 488 more")


def test_findings_quote_every_region_in_the_notebook_and_a_dozen_in_the_email():
    evidence = pd.DataFrame(
        {"region": regions(50), "level": "county", "year": 2023, "modality": "achieved", "label_zh": "x", "quote": "q"}
    )
    shown = findings.show_finding(findings.Finding("k", "**A finding.**", {}, evidence))
    data, metadata = shown._repr_mimebundle_()
    assert data["text/markdown"].count("\n- ") == 50
    assert metadata[EMAIL_ALTERNATIVE]["text/markdown"].count("\n- ") == 13  # 12 quotes and the line saying more


def test_a_very_long_text_is_cut_for_the_email_at_a_clause():
    text = "；".join(f"县{i:04d}: 低保标准每人每月{600 + i}元" for i in range(2000)) + "。"
    cut = views.email_text(text.replace("；", "; "))
    assert len(cut) < views.EMAIL_TEXT_CHARS + 300 and "cut for the e-mail" in cut
    assert views.email_text("short") == "short"


def test_large_email_images_are_reencoded_smaller_and_small_ones_kept():
    import io

    import matplotlib.pyplot as plt
    import numpy as np

    figure, ax = plt.subplots(figsize=(12, 8), dpi=100)
    ax.imshow(np.sin(np.add.outer(np.arange(300) / 7.0, np.arange(450) / 11.0)), cmap="viridis")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    big = buffer.getvalue()
    assert len(big) > IMAGE_BYTES
    assert len(smaller_png(big)) < len(big)
    assert smaller_png(big[:100]) == big[:100]


def test_the_data_export_can_hold_a_sheet_per_theme_with_every_figure(seed_corpus):
    from minzheng.codebook import THEMES
    from minzheng.compare.theme_sheets import SHEET_NAME_MAX, theme_sheets

    figures = seed_corpus.indicators()
    sheets = theme_sheets(figures)
    assert len(sheets) == len(THEMES) and all(len(name) <= SHEET_NAME_MAX for name in sheets)
    assert sum(len(sheet) for sheet in sheets.values()) == len(figures)


@pytest.mark.parametrize("n", SIZES)
def test_the_theme_coverage_summary_has_a_row_per_report_for_a_handful_and_per_level_for_many(n):
    from minzheng.compare import theme_coverage

    coverage = pd.DataFrame(
        [
            {"region": r, "level": "county" if i % 2 else "prefecture-level city", "year": 2023, "theme": t,
             "theme_label": t, "indicators": 5, "stated": i % 3, "target_only": 0}
            for i, r in enumerate(regions(n)) for t in ("社会救助", "党建")
        ]
    )  # fmt: skip
    summary = theme_coverage.coverage_summary(coverage)
    if n <= views.SIDE_BY_SIDE_MAX:
        assert list(summary["region"]) == regions(n)
    else:
        assert list(summary["level"]) == ["prefecture-level city 地级市", "county 县"]
        assert summary["reports"].sum() == n and summary["社会救助"].str.startswith("median").all()
