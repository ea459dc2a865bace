"""Who acts in a sentence: money a charity body raised, paid or put into its projects is charity money, whatever word
the clause uses for it (长沙慈善会…发放救助资金5870万元; 市慈善总会救助支出4683.6万元，累计救助支出4亿元)."""

from __future__ import annotations

import re
from dataclasses import replace

from minzheng.extract.figure import Figure

# A charity body named as the one that acts (市慈善总会, 该会和市慈善基金会, 全市慈善机构).
CHARITY_BODY = re.compile(r"慈善(?:总会|会|基金会|协会|机构|组织)")
# Words that make the body only a partner or a beneficiary of someone else's money (联合…慈善总会, 向…慈善会捐赠).
NOT_ACTING = re.compile(r"(?:联合|向|与|同|配合|协助|捐给|捐赠给)[^，,；;。]{0,8}$")


def lend_actor(figures: list[Figure]) -> None:
    """Name the charity body acting in a sentence in the words of its sums of money, so that they read as charity
    money and never as a programme's (the body is the subject of every clause after it)."""
    for figure in figures:
        if figure.quantity.unit_class != "money" or figure.quantity.per or figure.per_inherited:
            continue
        subject = figure.subject
        words = subject.before + subject.own
        bodies = list(CHARITY_BODY.finditer(words))
        body = bodies[-1] if bodies else None
        if body is None or NOT_ACTING.search(words, 0, body.start()) or CHARITY_BODY.search(subject.own):
            continue
        figure.subject = replace(subject, own=body.group(0) + subject.own)
