"""Text indicators: party-building brands, 党建+X models and social-assistance service brands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minzheng.codebook import indicator, text_kind_id
from minzheng.extract.modality import SectionContext, figure_modality
from minzheng.extract.numbers import fixed_phrases
from minzheng.extract.patterns import BOOK_TITLE
from minzheng.extract.record import Row
from minzheng.read.sentences import Sentence

QUOTE_PAIRS = (("“", "”"), ("『", "』"), ("「", "」"), ("‘", "’"), ('"', '"'))


QUOTE_CHARS = "".join(a + b for a, b in QUOTE_PAIRS)


QUOTED = tuple(re.compile(f"{re.escape(a)}([^{re.escape(a + b)}]{{1,40}}){re.escape(b)}") for a, b in QUOTE_PAIRS)


CHAIN_JOINER = re.compile(r"^[、和及与]?$")


PLUS_MODEL = re.compile(
    rf"党建\s*[+＋]\s*([\u4e00-\u9fff]{{1,8}}?(?:\s*[+＋]\s*[\u4e00-\u9fff]{{1,8}}?)*)(?=[{QUOTE_CHARS}、，。；等模式项目工程\s]|$)"
)


PARTY_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{0,4}?(党建工作品牌|党建服务品牌|党建品牌|书记项目|支部工作法|工作法|党建工作模式|党建模式|党建联盟)"
)


PARTY_PLAIN_LABEL = re.compile(r"^品牌")


SERVICE_LABEL = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4}?救助[\u4e00-\u9fff]{0,4}?|[\u4e00-\u9fff]{0,6}?)(子品牌|品牌|平台|新模式|模式|机制|小程序)"
)


ASSISTANCE = re.compile("救助")


SENTENCE_WIDE_LABELS = ("品牌", "模式", "新模式", "机制", "子品牌")


@dataclass(frozen=True)
class Name:
    """A quoted name in a sentence and the label that follows its chain of quotes."""

    text: str
    start: int
    end: int
    label: str


def clean_name(text: str) -> str:
    """A name without quote marks or surrounding spaces."""
    return re.sub(f"[{re.escape(QUOTE_CHARS)}]", "", text).strip()


def is_name(text: str) -> bool:
    """A quoted span that names something: not a quotation (no sentence punctuation), not a 党建+ model, not a policy formula."""
    if not text or re.search(r"[，。；！？,;!?]", text) or "党建+" in text.replace("＋", "+"):
        return False
    return not fixed_phrases().fullmatch(text)


def quoted_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Every quoted span of a sentence, nested ones too, outside book titles: (start, end, inner text)."""
    titles = [m.span() for m in BOOK_TITLE.finditer(sentence)]
    return sorted(
        (m.start(), m.end(), m.group(1))
        for pattern in QUOTED
        for m in pattern.finditer(sentence)
        if not any(a <= m.start() < b for a, b in titles)
    )


def quoted_names(sentence: str) -> list[Name]:
    """Quoted names, each with the words after the last quote of its chain (“A”“B”等子品牌)."""
    spans = quoted_spans(sentence)
    names = []
    for index, (start, end, inner) in enumerate(spans):
        chain_end = end
        for next_start, next_end, _ in spans[index + 1 :]:
            if next_start < chain_end:
                continue
            if not CHAIN_JOINER.match(sentence[chain_end:next_start]):
                break
            chain_end = next_end
        names.append(Name(clean_name(inner), start, end, sentence[chain_end : chain_end + 16]))
    return names


def clause_around(text: str, position: int) -> str:
    """The clause of a sentence that holds a position."""
    start = max(text.rfind(mark, 0, position) for mark in "，；。")
    ends = [i for i in (text.find(mark, position) for mark in "，；。") if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def classify(name: Name, sentence: Sentence, section_text: str, known_services: set[str]) -> str | None:
    """The text indicator a quoted name belongs to, or None."""
    if PARTY_LABEL.match(name.label) or (PARTY_PLAIN_LABEL.match(name.label) and "党建" in section_text):
        return text_kind_id("party_brand")
    label = SERVICE_LABEL.match(name.label)
    if label is None:
        return None
    if label.group(1) == "子品牌" and any(k in sentence.text for k in known_services):
        return text_kind_id("service_brand")
    scope = sentence.text if label.group(1) in SENTENCE_WIDE_LABELS else clause_around(sentence.text, name.start)
    return text_kind_id("service_brand") if ASSISTANCE.search(scope) else None


def text_rows(
    sentence: Sentence,
    context: SectionContext,
    year: int | None,
    section_text: str = "",
    known_services: set[str] | None = None,
) -> list[Row]:
    """The text-indicator rows of one sentence."""
    known = known_services if known_services is not None else set()
    rows = []
    for match in PLUS_MODEL.finditer(sentence.text):
        rows.append(
            (
                text_kind_id("party_plus_model"),
                "党建+" + re.sub(r"\s*＋\s*|\s*\+\s*", "+", match.group(1)),
                match.start(),
                match.end(),
            )
        )
    for name in quoted_names(sentence.text):
        if not is_name(name.text):
            continue
        found = classify(name, sentence, section_text, known)
        if found:
            rows.append((found, name.text, name.start, name.end))
            if found == text_kind_id("service_brand"):
                known.add(name.text)
    return [
        Row(
            indicator(kind),
            None,
            "",
            "",
            figure_modality(sentence.text, start, context),
            context.year or year,
            raw,
            sentence,
            start,
            end,
        )
        for kind, raw, start, end in rows
    ]
