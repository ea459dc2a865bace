"""A labelled heatmap drawn with matplotlib alone: cells with grid lines, optional values in them, optional colour bar.

It draws what the pages used seaborn's heatmap for. seaborn imports scipy, which costs a kernel 0.7 s for three small
charts; this module keeps the look (rows top to bottom, ticks at cell centres, no spines, text dark on light cells and
light on dark ones) without it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

# seaborn's threshold: cells whose relative luminance is above it get dark text, the others white text.
LIGHT_CELL = 0.408


def relative_luminance(rgba: Sequence[float]) -> float:
    """The relative luminance (WCAG) of an RGB(A) colour with channels in 0..1."""
    channels = np.asarray(rgba[:3], dtype=float)
    linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


def cell_texts(values: np.ndarray, annot: Any, fmt: str) -> np.ndarray | None:
    """The text of each cell: `annot` itself when it is an array of strings, the values formatted with `fmt` when it is
    True, none when it is None or False."""
    if annot is None or annot is False:
        return None
    if annot is True:
        return np.array([["" if np.isnan(v) else format(v, fmt) for v in row] for row in values], dtype=object)
    texts = np.asarray(annot, dtype=object)
    if texts.shape != values.shape:
        raise ValueError(f"heatmap: {texts.shape} cell texts for {values.shape} cells")
    return texts


def heatmap(
    values: Any,
    ax: Any,
    *,
    cmap: Any,
    vmin: float,
    vmax: float,
    xticklabels: Sequence[str],
    yticklabels: Sequence[str],
    annot: Any = None,
    fmt: str = "",
    fontsize: float = 8,
    linewidths: float = 0.5,
    linecolor: str = "#d9d9d9",
    square: bool = False,
    colorbar_label: str | None = None,
    colorbar_shrink: float = 1.0,
) -> Any:
    """Draw `values` (rows × columns, NaN left blank) on `ax` with the row labels down the left and the column labels
    along the bottom; return the QuadMesh."""
    data = np.ma.masked_invalid(np.asarray(values, dtype=float))
    rows, columns = data.shape
    mesh = ax.pcolormesh(data, cmap=cmap, vmin=vmin, vmax=vmax, edgecolors=linecolor, linewidth=linewidths)
    ax.set(xlim=(0, columns), ylim=(0, rows))
    ax.invert_yaxis()
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(columns) + 0.5, list(xticklabels))
    ax.set_yticks(np.arange(rows) + 0.5, list(yticklabels), va="center")
    if square:
        ax.set_aspect("equal")
    texts = cell_texts(data.filled(np.nan), annot, fmt)
    if texts is not None:
        colours = mesh.cmap(mesh.norm(data))
        for row, column in zip(*np.nonzero(~np.ma.getmaskarray(data))):
            dark = relative_luminance(colours[row, column]) > LIGHT_CELL
            ax.text(column + 0.5, row + 0.5, str(texts[row, column]), ha="center", va="center", fontsize=fontsize,
                    color="#262626" if dark else "white")  # fmt: skip
    if colorbar_label is not None:
        bar = ax.figure.colorbar(mesh, ax=ax, shrink=colorbar_shrink, label=colorbar_label)
        bar.outline.set_visible(False)
    return mesh
