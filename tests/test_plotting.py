"""House style, Chinese fonts, charts and the escaped display helpers."""

from __future__ import annotations

import io
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from minzheng.codebook import load_codebook  # noqa: E402
from minzheng.compare import overview
from minzheng.present import charts, markdown, style

REGIONS = pd.DataFrame({"region": ["莒县", "徐州市", "长沙县"], "level": ["county", "prefecture-level city", "county"]})


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every figure a test opens."""
    yield
    plt.close("all")


def bar_rows() -> pd.DataFrame:
    """Achieved and target rows for three regions (长沙县 only has a target)."""
    return pd.DataFrame(
        {
            "region": ["莒县", "徐州市", "徐州市", "长沙县"],
            "level": ["county", "prefecture-level city", "prefecture-level city", "county"],
            "modality": ["achieved", "achieved", "target", "target"],
            "value": [700.0, 900.0, 950.0, 800.0],
        }
    )


def png(fig: object) -> bytes:
    """Save a figure as PNG bytes without the version stamp."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata=dict(style.PNG_METADATA))
    return buffer.getvalue()


def test_house_style_puts_noto_sans_cjk_sc_first_from_the_pip_package():
    style.use_house_style()
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert style.cjk_font_path().name == "NotoSansCJK-Regular.ttc" and style.cjk_font_path().is_file()
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
    assert found == str(style.cjk_font_path())
    assert matplotlib.rcParams["figure.dpi"] == style.HOUSE_DPI == matplotlib.rcParams["savefig.dpi"]
    assert matplotlib.rcParams["svg.hashsalt"] == style.SVG_SALT


def test_use_house_style_is_idempotent():
    style.use_house_style()
    fonts = len(font_manager.fontManager.ttflist)
    settings_before = {k: matplotlib.rcParams[k] for k in style.house_rc()}
    style.use_house_style()
    assert len(font_manager.fontManager.ttflist) == fonts
    assert {k: matplotlib.rcParams[k] for k in style.house_rc()} == settings_before


def test_drawing_every_codebook_label_and_region_raises_no_glyph_warning():
    style.use_house_style()
    labels = list(load_codebook()["label_zh"]) + list(REGIONS["region"]) + ["元/人/月", "−12", "（县）", "“民政为民”"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots(figsize=(6, 12))
        for i, label in enumerate(labels):
            ax.text(0, i, label)
        ax.set_ylim(0, len(labels))
        ax.set_title("城乡低保标准 dibao standard")
        assert png(fig)
        fig.savefig(io.BytesIO(), format="svg")


def test_draw_text_check_returns_the_same_png_bytes_every_time():
    assert style.draw_text_check() == style.draw_text_check()


def test_svg_output_is_deterministic():
    style.use_house_style()

    def svg() -> bytes:
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        ax.set_title("民政")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(fig)
        return buffer.getvalue()

    assert svg() == svg()


def test_region_bar_hatches_targets_and_fills_achieved_figures():
    style.use_house_style()
    fig = charts.region_bar(bar_rows(), title="低保标准", unit="元/人/月")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert len(bars) == 4
    targets = [p for p in bars if p.get_hatch()]
    assert sorted(p.get_height() for p in targets) == [800.0, 950.0]
    assert all(p.get_facecolor()[:3] == (1.0, 1.0, 1.0) for p in targets)
    assert all(p.get_facecolor()[:3] != (1.0, 1.0, 1.0) for p in bars if not p.get_hatch())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["achieved (reported as done)", "target / planned"]


def test_region_bar_marks_county_and_prefecture_level_city_in_tick_labels():
    style.use_house_style()
    ticks = [t.get_text() for t in charts.region_bar(bar_rows()).axes[0].get_xticklabels()]
    assert ticks == ["莒县\ncounty 县", "徐州市\ncity 地级市", "长沙县\ncounty 县"]


def test_coverage_heatmap_draws_one_row_per_indicator_and_one_column_per_region():
    style.use_house_style()
    codebook = load_codebook()
    indicators = pd.DataFrame(
        {"indicator": [codebook["id"][0], codebook["id"][0], codebook["id"][3]], "region": ["莒县", "莒县", "长沙县"]}
    )
    matrix = overview.coverage_matrix(indicators, codebook, list(REGIONS["region"]))
    assert matrix.shape == (len(codebook), 3) and matrix.loc[codebook["id"][0], "莒县"] == 2
    fig = charts.coverage_heatmap(overview.labelled_coverage(matrix, codebook, REGIONS))
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len(codebook) and len(ax.get_xticklabels()) == 3
    assert sorted(t.get_text() for t in ax.texts) == ["1", "2"]


def test_show_table_escapes_report_text():
    frame = pd.DataFrame({"evidence": ["<script>alert(1)</script>"], "value": [17604.19]})
    table = markdown.show_table(frame).data
    assert "<script>" not in table and "&lt;script&gt;" in table and "17,604.19" in table


def test_md_escapes_markup_in_values_but_keeps_the_template():
    text = markdown.md_text(
        "**{n}** reports; quote: {q}", n=5, q="<img src=x onerror=alert(1)> [x](javascript:alert(1)) *a*"
    )
    assert text.startswith("**5** reports")
    assert "<img" not in text and "[x](" not in text and "*a*" not in text
    assert markdown.md("{q}", q="<b>").data == "&lt;b&gt;"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_escaped_values_render_as_plain_text_only(value):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(markdown.md_text("x {v} y", v=value))
    assert set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", rendered)) <= {"p"}


@pytest.mark.slow
def test_figures_show_inline_in_a_kernel_even_when_mplbackend_is_agg(monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    from minzheng.publish.kernel import kernel_manager_class

    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "from minzheng.present.style import use_house_style\nuse_house_style()\nimport matplotlib.pyplot as plt\n"
                "fig, ax = plt.subplots()\nax.set_title('城乡低保标准')\nax.bar(['莒县', '徐州市'], [1, 2]);"
            )
        ]
    )
    NotebookClient(nb, kernel_name="minzheng", timeout=300, kernel_manager_class=kernel_manager_class()).execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"] and "image/png" in outputs[0].data


def test_the_house_style_sets_what_seaborns_whitegrid_theme_sets_without_importing_seaborn():
    import subprocess
    import sys

    import matplotlib
    import seaborn as sns

    from minzheng.present.style import HOUSE_PALETTE, SEABORN_WHITEGRID

    with matplotlib.rc_context():
        sns.set_theme(context="notebook", style="whitegrid", palette=list(HOUSE_PALETTE))
        theirs = dict(matplotlib.rcParams)
    ours = matplotlib.RcParams(SEABORN_WHITEGRID)
    assert {key: ours[key] for key in ours} == {key: theirs[key] for key in ours}
    code = "import sys; from minzheng.present.style import use_house_style; use_house_style(); print('seaborn' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )
