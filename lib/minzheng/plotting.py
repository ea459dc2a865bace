"""House style, Chinese fonts and the display helpers every notebook uses."""
from __future__ import annotations

import html
import logging
import re
import sys
import warnings
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pandas as pd

HOUSE_FONT = "Noto Sans CJK SC"
FALLBACK_FONTS = ("DejaVu Sans",)
HOUSE_DPI = 100
HOUSE_FIGSIZE = (7.0, 4.0)
HOUSE_PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5")
ACHIEVED_COLOR = HOUSE_PALETTE[0]
TARGET_HATCH = "///"
SVG_SALT = "minzheng"
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
PNG_METADATA: dict[str, str | None] = {"Software": None}
# Modalities that mean "planned, not yet done" in the extractor's `modality` column.
PLANNED_MODALITIES = frozenset({"target", "planned", "plan", "goal", "task", "expected"})
LEVEL_MARKS = {"county": "county 县", "prefecture-level city": "prefecture-level city 地级市"}
LEVEL_TICKS = {"county": "county 县", "prefecture-level city": "city 地级市"}
# Markdown/HTML characters a data value must not be able to use as markup.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")

_style_applied = False


def cjk_font_path() -> Path:
    """Return the path of the bundled NotoSansCJK-Regular.ttc from the noto-cjk-sans-otc package."""
    from importlib.resources import files

    import noto_cjk_sans_otc

    return Path(str(files(noto_cjk_sans_otc.__name__).joinpath(noto_cjk_sans_otc.FONT_FILE)))


def register_cjk_font() -> str:
    """Add the Noto Sans CJK collection to matplotlib's font manager once and return its SC family name."""
    from matplotlib import font_manager

    path = str(cjk_font_path())
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return HOUSE_FONT


def house_rc() -> dict[str, Any]:
    """Return the rcParams of the house style: fonts, sizes, fixed DPI and deterministic output."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [HOUSE_FONT, *FALLBACK_FONTS],
        "axes.unicode_minus": False,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelsize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=list(HOUSE_PALETTE)),
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "legend.frameon": False,
        "figure.figsize": HOUSE_FIGSIZE,
        "figure.dpi": HOUSE_DPI,
        "figure.facecolor": "white",
        "figure.edgecolor": "white",
        "figure.constrained_layout.use": True,
        "savefig.dpi": HOUSE_DPI,
        "savefig.facecolor": "white",
        "savefig.edgecolor": "white",
        "svg.hashsalt": SVG_SALT,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "image.cmap": "Blues",
    }


def _kernel_shell() -> Any:
    """Return the IPython shell when the code runs inside a Jupyter (ipykernel) kernel, else None."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell if shell is not None and type(shell).__name__ == "ZMQInteractiveShell" else None


def _configure_inline_backend() -> None:
    """Inside a kernel, show figures inline as PNG (even if MPLBACKEND=Agg) without the matplotlib version stamp."""
    shell = _kernel_shell()
    if shell is None:
        return
    if matplotlib.get_backend() != INLINE_BACKEND:
        shell.enable_matplotlib("inline")
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", bbox_inches="tight", metadata=dict(PNG_METADATA))


def quiet_libraries() -> None:
    """Silence progress chatter (jieba's dictionary messages) and font-manager info in notebook output."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:  # pragma: no cover - jieba is a dependency
        pass


def use_house_style() -> None:
    """Apply the house style: Noto Sans CJK SC first, fixed DPI, deterministic output (idempotent)."""
    global _style_applied
    import matplotlib.pyplot as plt  # noqa: F401 - activates the backend before rcParams are set
    import seaborn as sns

    _configure_inline_backend()
    register_cjk_font()
    quiet_libraries()
    if not _style_applied:
        sns.set_theme(context="notebook", style="whitegrid", palette=list(HOUSE_PALETTE))
        _style_applied = True
    matplotlib.rcParams.update(house_rc())


def level_label(level: str) -> str:
    """Return the short bilingual mark of an administrative level (county or prefecture-level city)."""
    return LEVEL_MARKS.get(str(level), str(level) or "level unknown")


def level_tick(level: str) -> str:
    """Return the short bilingual mark of a level for tick labels ('county 县' or 'city 地级市')."""
    return LEVEL_TICKS.get(str(level), str(level) or "?")


def region_tick(region: str, level: str) -> str:
    """Return a tick label: the region name over its administrative level."""
    return f"{region}\n{level_tick(level)}"


def is_planned(modality: object, planned: Collection[str] = PLANNED_MODALITIES) -> bool:
    """Tell whether a modality value means a target or plan rather than an achieved figure."""
    return str(modality).strip().lower() in planned


def _bar_frame(data: pd.DataFrame, value: str, region: str, level: str, modality: str, planned: Collection[str]) -> pd.DataFrame:
    """Reduce rows to one value per region and kind (achieved or target), regions in first-seen order."""
    frame = data[[region, level, modality, value]].copy()
    frame[value] = pd.to_numeric(frame[value], errors="coerce")
    frame = frame.dropna(subset=[value])
    frame["kind"] = np.where([is_planned(m, planned) for m in frame[modality]], "target", "achieved")
    return frame.drop_duplicates(subset=[region, "kind"], keep="first")


def _format_value(value: float) -> str:
    """Format a bar's value compactly (thousands separators, no trailing zeros)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def region_bar(
    data: pd.DataFrame,
    *,
    value: str = "value",
    region: str = "region",
    level: str = "level",
    modality: str = "modality",
    title: str = "",
    unit: str = "",
    planned: Collection[str] = PLANNED_MODALITIES,
    ax: Any = None,
) -> Any:
    """Bar chart per region: achieved figures filled, targets hatched and outlined, level in tick labels."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    frame = _bar_frame(data, value, region, level, modality, planned)
    regions = list(dict.fromkeys(frame[region]))
    levels = dict(zip(frame[region], frame[level]))
    if ax is None:
        _, ax = plt.subplots(figsize=(max(4.0, 1.3 * len(regions) + 1.5), 4.0))
    width = 0.38
    for x, name in enumerate(regions):
        rows = frame[frame[region] == name]
        kinds = list(rows["kind"])
        for kind, bar_value in zip(kinds, rows[value]):
            offset = 0.0 if len(kinds) == 1 else (-width / 2 if kind == "achieved" else width / 2)
            target = kind == "target"
            bar = ax.bar(
                x + offset, bar_value, width=width,
                color="white" if target else ACHIEVED_COLOR,
                edgecolor=ACHIEVED_COLOR, linewidth=1.4, hatch=TARGET_HATCH if target else None,
            )
            ax.bar_label(bar, labels=[_format_value(bar_value)], padding=2, fontsize=8)
    ax.set_xticks(range(len(regions)), [region_tick(r, levels[r]) for r in regions])
    ax.set_ylabel(unit)
    ax.set_title(title)
    ax.margins(y=0.15)
    handles = [
        Patch(facecolor=ACHIEVED_COLOR, edgecolor=ACHIEVED_COLOR, label="achieved (reported as done)"),
        Patch(facecolor="white", edgecolor=ACHIEVED_COLOR, hatch=TARGET_HATCH, label="target / planned"),
    ]
    ax.legend(handles=handles, loc="upper right")
    return ax.figure


def coverage_heatmap(matrix: pd.DataFrame, *, title: str = "", ax: Any = None) -> Any:
    """Heatmap of indicators (rows) × regions (columns): filled where a report states the figure, with counts."""
    import matplotlib.pyplot as plt
    import seaborn as sns
    from matplotlib.colors import ListedColormap

    counts = matrix.fillna(0).astype(int)
    if ax is None:
        height = max(2.5, 0.24 * len(counts) + 1.6)
        _, ax = plt.subplots(figsize=(max(5.0, 1.1 * counts.shape[1] + 4.0), height))
    stated = (counts > 0).astype(int)
    sns.heatmap(
        stated, ax=ax, cbar=False, vmin=0, vmax=1, linewidths=0.5, linecolor="#d9d9d9",
        cmap=ListedColormap(["#f2f2f2", ACHIEVED_COLOR]),
    )
    for row, column in zip(*np.nonzero(counts.to_numpy())):
        ax.text(column + 0.5, row + 0.5, str(counts.iat[row, column]), ha="center", va="center", fontsize=7, color="white")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", length=0)
    ax.set_title(title, pad=12)
    return ax.figure


def format_number(value: object) -> str:
    """Format a number for tables and sentences: integers without decimals, others with up to 4."""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return ""
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def escape_md(value: object) -> str:
    """Escape a data value for Markdown: HTML entities, Markdown punctuation and line breaks."""
    text = format_number(value) if not isinstance(value, str) else value
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def md_text(template: str, /, **values: object) -> str:
    """Fill a trusted Markdown template with data values, escaping every value."""
    return template.format(**{key: escape_md(value) for key, value in values.items()})


def md(template: str, /, **values: object) -> Any:
    """Return a displayable Markdown sentence built from data; report text in the values is escaped."""
    from IPython.display import Markdown

    return Markdown(md_text(template, **values))


def table_html(frame: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> str:
    """Render a DataFrame as escaped HTML (cell text can never become markup)."""
    formatters: Mapping[str, Any] = {
        column: format_number for column in frame.columns if pd.api.types.is_float_dtype(frame[column])
    }
    return frame.to_html(
        index=index, escape=True, border=0, classes="minzheng-table", na_rep="",
        max_rows=max_rows, formatters=dict(formatters), justify="left",
    )


def show_table(frame: pd.DataFrame, *, index: bool = False, max_rows: int | None = None) -> Any:
    """Return a displayable, escaped HTML table of a DataFrame."""
    from IPython.display import HTML

    return HTML(table_html(frame, index=index, max_rows=max_rows))


def draw_text_check(text: str = "民政 城乡低保标准 −12") -> bytes:
    """Draw text with the house style and warnings as errors; return the PNG (used to test fonts)."""
    import io

    import matplotlib.pyplot as plt

    use_house_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots(figsize=(3, 1))
        ax.text(0.05, 0.5, text)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata=dict(PNG_METADATA))
        plt.close(fig)
    return buffer.getvalue()
