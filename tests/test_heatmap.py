"""The labelled heatmap drawn with matplotlib alone (present/heatmap.py)."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from minzheng.present.heatmap import cell_texts, heatmap, relative_luminance  # noqa: E402


def drawn(values, **options):
    """Draw a heatmap on a new axes; return the axes."""
    _, ax = plt.subplots()
    heatmap(np.array(values, dtype=float), ax, cmap="Blues", vmin=0, vmax=1, xticklabels=["甲", "乙"],
            yticklabels=["一", "二"], **options)  # fmt: skip
    return ax


def test_cells_hold_their_values_with_dark_text_on_light_cells_and_white_text_on_dark_ones():
    ax = drawn([[0.05, 0.95], [0.3, 0.0]], annot=True, fmt=".2f")
    colours = {text.get_text(): text.get_color() for text in ax.texts}
    assert colours == {"0.05": "#262626", "0.95": "white", "0.30": "#262626", "0.00": "#262626"}
    plt.close("all")


def test_rows_run_top_to_bottom_with_labels_at_cell_centres():
    ax = drawn([[0.1, 0.2], [0.3, 0.4]])
    assert ax.get_ylim() == (2.0, 0.0)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["一", "二"]
    assert list(ax.get_xticks()) == [0.5, 1.5]
    plt.close("all")


def test_a_missing_value_leaves_its_cell_blank_and_without_text():
    ax = drawn([[np.nan, 0.2], [0.3, 0.4]], annot=True, fmt=".1f")
    assert sorted(text.get_text() for text in ax.texts) == ["0.2", "0.3", "0.4"]
    plt.close("all")


def test_cell_texts_must_match_the_cells_in_shape():
    with pytest.raises(ValueError, match=r"\(1, 2\) cell texts for \(2, 2\) cells"):
        cell_texts(np.zeros((2, 2)), np.array([["a", "b"]], dtype=object), "")
    assert cell_texts(np.zeros((2, 2)), None, "") is None


def test_a_colour_bar_is_drawn_only_when_labelled():
    assert len(drawn([[0.1, 0.2], [0.3, 0.4]]).figure.axes) == 1
    assert len(drawn([[0.1, 0.2], [0.3, 0.4]], colorbar_label="share").figure.axes) == 2
    plt.close("all")


def test_relative_luminance_is_zero_for_black_and_one_for_white():
    assert relative_luminance((0, 0, 0)) == 0.0
    assert relative_luminance((1, 1, 1, 1)) == pytest.approx(1.0)


def test_the_pages_heatmaps_draw_without_importing_seaborn_or_scipy():
    code = """
import sys
import matplotlib; matplotlib.use("Agg")
import pandas as pd
from minzheng.present import charts, synthesis_charts, word_charts
regions = ["甲县", "乙县", "丙市"]
table = pd.DataFrame({"region": regions, "level": ["county", "county", "prefecture-level city"]})
charts.coverage_heatmap(pd.DataFrame([[1, 0, 2], [0, 1, 1]], index=["低保", "特困"], columns=regions))
sim = pd.DataFrame([[1, .3, .2], [.3, 1, .25], [.2, .25, 1]], index=regions, columns=regions)
word_charts.similarity_heatmap(sim, table)
synthesis_charts.profile_heatmap(pd.DataFrame([[.5, .5], [.4, .6], [.7, .3]], index=regions,
                                              columns=["社会救助 Social assistance", "养老服务 Elderly care"]), table)
print(sorted(name for name in ("seaborn", "scipy") if name in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
