"""The comparison view of a section: chart decisions drawn as bar panels, with evidence and reasons."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from minzheng.compare.chart_choice import Decision, decisions
from minzheng.compare.figure_tables import FIGURE_COLUMNS, figure_evidence
from minzheng.compare.views import PANEL_COLUMNS, side_by_side
from minzheng.english import join_words
from minzheng.present.distributions import PANEL_SIZE
from minzheng.present.markdown import md_text

EVIDENCE_MANY = (
    "Evidence for every point (the sentence each figure comes from; with this many regions the e-mail shows the "
    "highest and lowest of each indicator):"
)


def _chart_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows for plotting.region_bar, the region label carrying the period."""
    out = rows.copy()
    out["label"] = [
        f"{r} ({int(p)})" if pd.notna(p) else f"{r} (period ?)" for r, p in zip(out["region"], out["period"])
    ]
    return out


def draw(allowed: list[Decision], ncols: int = 2) -> Any:
    """One figure with a bar panel per chartable indicator (targets hatched, level and period in tick labels)."""
    import matplotlib.pyplot as plt

    from minzheng.present.charts import region_bar

    if not allowed:
        return None
    widest = max(d.rows["region"].nunique() for d in allowed)
    many = not side_by_side(widest)  # small multiples of distributions by level, a panel per indicator (views.py)
    ncols = min(PANEL_COLUMNS if many else ncols, len(allowed))
    nrows = int(np.ceil(len(allowed) / ncols))
    width = PANEL_SIZE[0] if many else max(4.2, 1.5 * widest + 1.6)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, 3.8 * nrows), squeeze=False)
    handles = []
    for ax, decision in zip(axes.flat, allowed):
        unit = decision.rows["unit"].iloc[0]
        english = "\n".join(textwrap.wrap(decision.label_en, 40, max_lines=2, placeholder="…"))
        region_bar(
            _chart_rows(decision.rows), region="label", title=f"{decision.label_zh}\n{english}", unit=unit, ax=ax
        )
        legend = ax.get_legend()
        if legend is not None:
            handles = list(legend.legend_handles)
            legend.remove()
        ax.margins(y=0.18)
    for ax in list(axes.flat)[len(allowed) :]:
        ax.set_visible(False)
    if handles:
        fig.legend(handles=handles, loc="outside upper center", ncols=len(handles))
    return fig


@dataclass
class Comparison:
    """The chart decisions of a section, the figure (or None), the evidence under it and the sentences why not."""

    decisions: list[Decision]
    figure: Any = None
    empty_note: str = "No indicator is listed in this section, so there is nothing to chart."

    @property
    def allowed(self) -> list[Decision]:
        """Decisions that allow a chart."""
        return [d for d in self.decisions if d.allowed]

    @property
    def refused(self) -> list[Decision]:
        """Decisions that do not allow a chart but where some report states the figure."""
        return [d for d in self.decisions if not d.allowed and d.stated_by > 0]

    @property
    def unstated(self) -> list[Decision]:
        """Indicators no report states."""
        return [d for d in self.decisions if d.stated_by == 0]

    def charted(self) -> pd.DataFrame:
        """The rows drawn in the chart."""
        frames = [d.rows for d in self.allowed]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FIGURE_COLUMNS)

    def sentences(self) -> str:
        """Markdown: why each indicator has a chart or not, report text escaped."""
        if not self.decisions:
            return md_text("{note}", note=self.empty_note)
        lines = [md_text("- **Charted:** {reason}", reason=d.reason) for d in self.allowed]
        lines += [md_text("- **Table only:** {reason}", reason=d.reason) for d in self.refused]
        if self.unstated:
            lines.append(
                md_text(
                    "- **Not stated by any report:** {labels}.", labels=join_words([d.label for d in self.unstated])
                )
            )
        return "\n".join(lines)

    def show(self) -> None:
        """Display the chart (when allowed), the evidence table under it, and the sentences."""
        from IPython.display import Markdown, display

        from minzheng.present.markdown import show_table

        if self.figure is not None:
            display(self.figure)
            import matplotlib.pyplot as plt

            plt.close(self.figure)
            many = not side_by_side(max(d.rows["region"].nunique() for d in self.allowed))
            display(
                Markdown(EVIDENCE_MANY if many else "Evidence for every bar (the sentence each figure comes from):")
            )
            display(show_table(figure_evidence(self.charted())))
        display(Markdown(self.sentences()))


def comparison(
    frame: pd.DataFrame, ids: tuple[str, ...] | list[str], ncols: int = 2, empty_note: str | None = None
) -> Comparison:
    """Decide chart or table for every indicator of a section and draw the allowed ones in one figure.

    `empty_note` is the sentence shown when `ids` is empty (e.g. no per-1,000 figure could be computed).
    """
    found = decisions(frame, ids)
    view = Comparison(found, draw([d for d in found if d.allowed], ncols=ncols))
    if empty_note:
        view.empty_note = empty_note
    return view
