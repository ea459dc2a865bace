"""Findings of the synthesis: each a sentence built from data with its evidence quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from minzheng.compare.evidence import EVIDENCE_COLUMNS, QUOTE_WIDTH, evidence_quotes, quote, region_order
from minzheng.compare.party import PARTY_NUMERIC_IDS, PARTY_TEXT_IDS
from minzheng.compare.views import side_by_side
from minzheng.english import LIST_MAX, join_words
from minzheng.extract.modality import is_planned
from minzheng.present.markdown import EmailCut, md_text, quote_lines

PER_PERSON_UNITS = ("元/人/月", "元/人/年")


@dataclass
class Finding:
    """A data-built finding: a trusted Markdown template, the data values it is filled with, and its evidence rows."""

    key: str
    template: str
    values: dict[str, Any] = field(default_factory=dict)
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EVIDENCE_COLUMNS))
    what: str = "label_zh"

    def text(self) -> str:
        """The sentence as escaped Markdown."""
        return md_text(self.template, **self.values)

    def plain(self) -> str:
        """The sentence as plain text (for CSV)."""
        return self.template.replace("**", "").format(**{k: str(v) for k, v in self.values.items()})

    def markdown(self) -> str:
        """The sentence followed by its evidence quotes, all escaped."""
        quotes = quote_lines(self.evidence, self.what)
        return self.text() + ("\n\n" + quotes if quotes else "")


def shared_indicator_finding(indicators: pd.DataFrame, codebook: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Which indicator most reports state, how many indicators two or more reports share, with one quote per report."""
    n = len(table)
    numeric = codebook[codebook["kind"] == "number"]
    stated_by = indicators.groupby("indicator")["region"].nunique().reindex(numeric["id"]).fillna(0).astype(int)
    best = stated_by.idxmax() if len(stated_by) and stated_by.max() > 0 else None
    row = codebook.set_index("id").loc[best] if best else None
    evidence = evidence_quotes(indicators, [best], per_region=1) if best else evidence_quotes(indicators.iloc[0:0])
    return Finding(
        "shared_figures",
        "**The reports share themes more than figures.** Of the {indicators} numeric codebook indicators, {two} are stated "
        "by two or more of the {n} reports and {all} by all of them; the most widely stated, {zh} ({en}), appears in {k}. "
        "Its evidence, one sentence per report:",
        {
            "indicators": len(numeric),
            "two": int((stated_by >= 2).sum()),
            "n": n,
            "all": int((stated_by == n).sum()) if n else 0,
            "zh": row["label_zh"] if row is not None else "none",
            "en": row["label_en"] if row is not None else "none",
            "k": f"{int(stated_by.max()) if best else 0} of {n} reports",
        },
        evidence,
    )


def party_names_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """How many reports name a party-building brand or 党建+X model, and how many state a party-building figure."""
    regions = region_order(table)
    named = [r for r in regions if r in set(indicators.loc[indicators["indicator"].isin(PARTY_TEXT_IDS), "region"])]
    counted = [
        r for r in regions if r in set(indicators.loc[indicators["indicator"].isin(PARTY_NUMERIC_IDS), "region"])
    ]
    neither = [r for r in regions if r not in named and r not in counted]
    evidence = evidence_quotes(indicators, PARTY_TEXT_IDS, per_region=1)
    n_names = int(indicators["indicator"].isin(PARTY_TEXT_IDS).sum())
    n_figures = int(indicators["indicator"].isin(PARTY_NUMERIC_IDS).sum())
    lead = (
        "Party building is named more often than it is measured."
        if n_names > n_figures
        else "Party building is measured at least as often as it is named."
    )
    return Finding(
        "party_names",
        "**{lead}** The reports give {n_names} brand or 党建+X model names against {n_figures} party-building figures. "
        "{named} of {n} reports name a party-building brand or a 党建+X model ({named_regions}); {counted} of {n} state "
        "a party-building figure ({counted_regions}); {neither_text}. The first name in each report:",
        {
            "lead": lead,
            "n_names": n_names,
            "n_figures": n_figures,
            "named": len(named),
            "n": len(regions),
            "named_regions": join_words(named),
            "counted": len(counted),
            "counted_regions": join_words(counted),
            "neither_text": f"{join_words(neither)} states neither"
            if neither
            else "every report states one or the other",
        },
        evidence,
    )


def standards_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Which reports state per-person standards (元/人/月), the figures that compare across levels."""
    rows = indicators[indicators["unit"].isin(PER_PERSON_UNITS) & ~indicators["modality"].map(is_planned)]
    regions = [r for r in region_order(table) if r in set(rows["region"])]
    shared = rows.groupby("indicator")["region"].nunique()
    shared_ids = list(shared[shared >= 2].index)
    evidence = evidence_quotes(rows, per_region=2)
    if len(regions) >= 2 and shared_ids:
        verdict = f"{len(shared_ids)} of these standards are stated by two or more reports and can be set side by side (years permitting)"
    elif regions:
        verdict = "no standard is stated by two reports, so not even these can be compared here"
    else:
        verdict = "so the one kind of figure that compares across levels is missing from every report"
    return Finding(
        "per_person_standards",
        "**Per-person standards, the figures that compare across administrative levels, are rare.** {k} of {n} reports "
        "state an achieved standard per person (元/人/月): {who}; {verdict}. Evidence:",
        {
            "k": len(regions),
            "n": len(table),
            "who": f"{join_words(regions)}, {len(rows)} figures" if regions else "none",
            "verdict": verdict,
        },
        evidence,
    )


def targets_finding(indicators: pd.DataFrame, table: pd.DataFrame) -> Finding:
    """Reports whose figures are mostly targets rather than results, with their target sentences."""
    regions = region_order(table)
    planned = indicators["modality"].map(is_planned) if len(indicators) else pd.Series(dtype=bool)
    share = indicators.assign(planned=planned).groupby("region")["planned"].mean().reindex(regions)
    mostly = [r for r in regions if pd.notna(share.get(r)) and share[r] >= 0.5]
    all_targets = [r for r in mostly if share[r] == 1.0]
    with_targets = [r for r in regions if pd.notna(share.get(r)) and share[r] > 0]
    shown = mostly or with_targets
    evidence = (
        evidence_quotes(indicators[planned], regions=shown, per_region=2)
        if shown
        else evidence_quotes(indicators.iloc[0:0])
    )
    return Finding(
        "targets",
        "**Achieved and planned figures must be kept apart.** {t} of the {f} figures are targets or plans; "
        "{mostly_text}. Evidence:",
        {
            "t": int(planned.sum()),
            "f": len(indicators),
            "mostly_text": (
                f"in {join_words(mostly)} at least half the figures are targets"
                + (f" ({join_words(all_targets)}: all of them)" if all_targets else "")
                + ", so these reports say what will be done, not what was done"
            )
            if mostly
            else "no report consists mostly of targets",
        },
        evidence,
    )


def party_vocabulary_finding(pvs: pd.DataFrame, corpus: Iterable[Any], party_terms: Sequence[str]) -> Finding:
    """Reports where party-building vocabulary outnumbers service-delivery vocabulary, with their densest party-building sentence."""
    from minzheng.words.shares import densest_sentences

    more = list(pvs.loc[pvs["party_building_tokens"] > pvs["service_delivery_tokens"], "region"])
    dense = densest_sentences([r for r in corpus if r.region in set(more)], party_terms)
    evidence = pd.DataFrame(
        {
            "region": dense["region"],
            "level": dense["level"],
            "year": dense["year"],
            "label_zh": [f"{n} party-building tokens" for n in dense["terms_found"]],
            "modality": "text",
            "quote": [quote(s, width=QUOTE_WIDTH * 2) for s in dense["sentence"]],
        }
    ).reindex(columns=EVIDENCE_COLUMNS)
    evidence["modality"] = "text"
    top = (
        pvs.sort_values(["party_to_service_ratio", "region"], ascending=[False, True], kind="mergesort").iloc[0]
        if len(pvs)
        else None
    )
    return Finding(
        "party_vocabulary",
        "**In {k} of {n} reports party-building words outnumber service-delivery words** ({regions}); the ratio is "
        "highest in {top} ({ratio} party-building tokens per service-delivery token). The sentence richest in "
        "party-building vocabulary in each of them:",
        {
            "k": len(more),
            "n": len(pvs),
            "regions": join_words(more),
            "top": top["region"] if top is not None else "none",
            "ratio": top["party_to_service_ratio"] if top is not None else 0,
        },
        evidence,
    )


def findings(
    indicators: pd.DataFrame,
    codebook: pd.DataFrame,
    table: pd.DataFrame,
    pvs: pd.DataFrame | None = None,
    corpus: Iterable[Any] | None = None,
    party_terms: Sequence[str] = (),
) -> list[Finding]:
    """Every finding the synthesis states, each with its evidence; a finding with no evidence sentence to show is left out."""
    found = [
        shared_indicator_finding(indicators, codebook, table),
        party_names_finding(indicators, table),
        standards_finding(indicators, table),
        targets_finding(indicators, table),
    ]
    if pvs is not None and corpus is not None and party_terms:
        found.append(party_vocabulary_finding(pvs, corpus, party_terms))
    return [item for item in found if not item.evidence.empty]


def findings_frame(items: Sequence[Finding]) -> pd.DataFrame:
    """The findings for CSV: one row per evidence quote (or one row when a finding has none)."""
    rows = []
    for number, item in enumerate(items, start=1):
        base = {"finding": number, "key": item.key, "statement": item.plain()}
        if item.evidence.empty:
            rows.append(base)
        for _, ev in item.evidence.iterrows():
            rows.append(
                {
                    **base,
                    **{
                        k: ev.get(k)
                        for k in (
                            "region",
                            "level",
                            "year",
                            "indicator",
                            "raw",
                            "modality",
                            "quote",
                            "document",
                            "evidence_start",
                            "evidence_end",
                        )
                    },
                }
            )
    columns = [
        "finding",
        "key",
        "statement",
        "region",
        "level",
        "year",
        "indicator",
        "raw",
        "modality",
        "quote",
        "document",
        "evidence_start",
        "evidence_end",
    ]
    return pd.DataFrame(rows, columns=columns)


def show_finding(item: Finding) -> Any:
    """A finding and its quotes, displayable in a notebook (escaped Markdown); quotes of many regions show whole in
    the notebook and the researcher page, and the first LIST_MAX of them in the e-mail (views.py)."""
    from IPython.display import Markdown

    regions = item.evidence["region"].nunique() if "region" in item.evidence else 0
    if side_by_side(regions) or len(item.evidence) <= LIST_MAX:
        return Markdown(item.markdown())
    shown = quote_lines(item.evidence.head(LIST_MAX), item.what)
    rest = md_text("- … and {n} more quotes (findings.csv holds every one).", n=len(item.evidence) - LIST_MAX)
    email = item.text() + "\n\n" + shown + "\n" + rest
    return EmailCut({"text/markdown": item.markdown(), "text/plain": item.plain()}, {"text/markdown": email})
