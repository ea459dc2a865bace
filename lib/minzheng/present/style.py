"""The house style of every chart: CJK font, sizes, palette, deterministic PNG/SVG, quiet libraries."""

from __future__ import annotations

import logging
import sys
import warnings
from pathlib import Path
from typing import Any

import matplotlib

HOUSE_FONT = "Noto Sans CJK SC"


FALLBACK_FONTS = ("DejaVu Sans",)


HOUSE_DPI = 100


HOUSE_FIGSIZE = (7.0, 4.0)


HOUSE_PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5")


# What seaborn's set_theme(context="notebook", style="whitegrid") sets (less its colormap, which house_rc replaces),
# written out so a page imports seaborn, and the scipy it pulls in (over a second per kernel), only to draw a heatmap;
# tests/test_plotting.py checks it against seaborn.
SEABORN_WHITEGRID: dict[str, Any] = {
    "axes.axisbelow": True,
    "axes.edgecolor": ".8",
    "axes.facecolor": "white",
    "axes.grid": True,
    "axes.labelcolor": ".15",
    "axes.labelsize": 12,
    "axes.linewidth": 1.25,
    "axes.spines.bottom": True,
    "axes.spines.left": True,
    "axes.spines.right": True,
    "axes.spines.top": True,
    "axes.titlesize": 12,
    "figure.facecolor": "white",
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans", "sans-serif"],
    "font.size": 12,
    "grid.color": ".8",
    "grid.linestyle": "-",
    "grid.linewidth": 1,
    "legend.fontsize": 11,
    "legend.title_fontsize": 12,
    "lines.linewidth": 1.5,
    "lines.markersize": 6,
    "lines.solid_capstyle": "round",
    "patch.edgecolor": "w",
    "patch.force_edgecolor": True,
    "patch.linewidth": 1,
    "text.color": ".15",
    "xtick.bottom": False,
    "xtick.color": ".15",
    "xtick.direction": "out",
    "xtick.labelsize": 11,
    "xtick.major.size": 6,
    "xtick.major.width": 1.25,
    "xtick.minor.size": 4,
    "xtick.minor.width": 1,
    "xtick.top": False,
    "ytick.color": ".15",
    "ytick.direction": "out",
    "ytick.labelsize": 11,
    "ytick.left": False,
    "ytick.major.size": 6,
    "ytick.major.width": 1.25,
    "ytick.minor.size": 4,
    "ytick.minor.width": 1,
    "ytick.right": False,
}


SVG_SALT = "minzheng"


INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


PNG_METADATA: dict[str, str | None] = {"Software": None}


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
        "text.parse_math": False,
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


def use_house_style() -> None:
    """Apply the house style: Noto Sans CJK SC first, fixed DPI, deterministic output (idempotent)."""
    global _style_applied
    import matplotlib.pyplot as plt  # noqa: F401 - activates the backend before rcParams are set

    _configure_inline_backend()
    register_cjk_font()
    quiet_libraries()
    if not _style_applied:
        matplotlib.rcParams.update(SEABORN_WHITEGRID)
        _style_applied = True
    matplotlib.rcParams.update(house_rc())


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


_style_applied = False
