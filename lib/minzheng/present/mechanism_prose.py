"""Sentences about mechanism mentions: how many regions name or plan each."""

from __future__ import annotations

import pandas as pd

from minzheng.english import capped
from minzheng.present.markdown import md_text


def _names(listed: str) -> str:
    """A summary's comma-separated region names, the first named and the rest counted when there are many."""
    return ", ".join(capped(listed.split(", "))) if listed else listed


def summary_sentence(
    table: pd.DataFrame, regions: list[str], what: str = "mechanism", plural: str | None = None
) -> str:
    """Markdown: the most widely named item(s), how many are named by one report only, how many are only planned."""
    plural = plural or what + "s"
    if table.empty or not regions:
        return md_text("The catalogue holds no {what} to look for.", what=what)
    named = table[table["regions_named"] > 0]
    if named.empty:
        text = md_text(
            "None of the {n} reports names any of the {k} {plural} of the catalogue as in place",
            n=len(regions),
            plural=plural,
            k=len(table),
        )
        planned = table[table["regions_planned"] > 0]
        if len(planned):
            text += md_text("; {p} are named only as plans", p=len(planned))
        return text + "."
    top = int(named["regions_named"].max())
    best = named[named["regions_named"] == top]
    items = [f"{r.label_en} ({r.label_zh}) — {_names(r.named_by)}" for r in best.itertuples()]
    text = md_text(
        "Of the {k} {plural} searched for, {found} {verb} named as in place by at least one of the {n} reports. "
        "The most widely named, by {top} of {n}: {items}.",
        k=len(table),
        plural=plural,
        found=len(named),
        verb="is" if len(named) == 1 else "are",
        n=len(regions),
        top=top,
        items="; ".join(items),
    )
    single = named[named["regions_named"] == 1]
    if len(single) and top > 1:
        text += md_text(
            " {s} {verb} named by one report only.", s=len(single), verb="is" if len(single) == 1 else "are"
        )
    only_planned = table[(table["regions_named"] == 0) & (table["regions_planned"] > 0)]
    if len(only_planned):
        text += md_text(
            " Named only as plans (targets of a work report or conference): {items}.",
            items="; ".join(f"{r.label_en} ({r.label_zh}) — {_names(r.planned_by)}" for r in only_planned.itertuples()),
        )
    absent = table[(table["regions_named"] == 0) & (table["regions_planned"] == 0)]
    if len(absent):
        text += md_text(
            " Not found in any report: {items}.",
            items="; ".join(f"{r.label_en} ({r.label_zh})" for r in absent.itertuples()),
        )
    return text


def status_sentence(mentions: pd.DataFrame, regions: list[str]) -> str:
    """Markdown: per report, the demonstration or pilot statuses it says were awarded, sought or planned."""
    if mentions.empty:
        return md_text(
            "None of the {n} selected reports names a demonstration or pilot status in this theme.", n=len(regions)
        )
    parts = []
    for region, rows in mentions.groupby("region", sort=False):
        statuses = list(dict.fromkeys(rows["status"]))
        parts.append(f"{region}: {', '.join(statuses)} ({len(rows)} sentence{'s' if len(rows) > 1 else ''})")
    silent = [r for r in regions if r not in set(mentions["region"])]
    text = md_text(
        "{k} of {n} reports name a demonstration or pilot status — {parts}. *Awarded* means the sentence reports a status "
        "granted (获评, 获批, 入选 …), *sought* one the region is competing for (争创, 创建 …), *planned* one in a plan.",
        k=mentions["region"].nunique(),
        n=len(regions),
        parts="; ".join(capped(parts)),
    )
    if silent:
        text += md_text(" No such status is named by {silent}.", silent=", ".join(capped(silent)))
    return text
