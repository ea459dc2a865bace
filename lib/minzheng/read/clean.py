"""Clean a report's text, keeping an offset map to the original and a log of every removal."""

from __future__ import annotations

import csv
import html
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from minzheng import paths
from minzheng.read.chinese_script import convert_to_simplified, detect_script
from minzheng.read.posters import poster_joins
from minzheng.read.whitespace import SPACE_BY_NUMBER, SPACE_IN_DECIMAL, SPACED_DIGITS, space_by_number, spaced_digits
from minzheng.read.wraps import clause_joins, wrap_joins

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’"


HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>|<!--.*?-->|<![A-Za-z][^<>]{0,300}>", re.S)


TAG_NAMES = r"(?:span|div|p|br|font|strong|b|i|em|a|img|td|tr|th|table|tbody|li|ul|ol|section|article|h[1-6])"


HTML_TAG_FRAGMENT = re.compile(rf"(?<![A-Za-z<])/?{TAG_NAMES}\s*/?>|<{TAG_NAMES}(?![A-Za-z])[^<>\n]{{0,200}}$", re.M)


HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,10}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


PRIVATE_USE = re.compile(r"[\ue000-\uf8ff\ufffd]+")


QUESTION_SPAN = re.compile(r"\?[^\s?。，,；;\n]{0,24}\?")


SUSPICIOUS_INSIDE = re.compile(r"[\u0370-\u04ff\u00c0-\u024fA-Za-z!#$%^*_=|~\\\u2500-\u257f]")


QUESTION_RUN = re.compile(r"\?{2,}")


STRAY_QUESTION = re.compile(rf"(?<=[{CJK}])\?(?=[{CJK}])")


STRAY_LETTERS = re.compile(rf"(?<=[{CJK}])[\u0370-\u04ff]+(?=[{CJK}])")


TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


TONE_MARK = re.compile(f"[{TONE_MARKED}]")


# A pinyin gloss after a character (发(fā)放, 萬（wàn）元), left by pages that annotate readings; some pages write
# the readings without tone marks (提（ti)(ti）), which count only where a text has several of them.
PINYIN_GLOSS = re.compile(rf"(?<=[{CJK}])[(（]\s*(?=[a-zü]*[{TONE_MARKED}])[a-zü{TONE_MARKED}]{{1,6}}\s*[)）]")
SYLLABLE = r"(?:[bpmfdtnlgkhjqxrwyz]|zh|ch|sh|c|s)?(?:[aeiouvü]{1,3})(?:ng|n|r)?"
TONELESS_GLOSS = re.compile(rf"(?<=[{CJK}])(?:[(（]\s*{SYLLABLE}\s*[)）])+")
TONELESS_MIN = 3


# Control characters other than tab and line breaks: never text (a form feed inside a sentence is page furniture).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


HALF_WIDTH_PUNCT = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


FOOTER_LINE_MAX = 40


SENTENCE_END = "。！？!?"


@dataclass(frozen=True)
class Removal:
    """One edit of the original text: what went, where it was, and why."""

    kind: str
    text: str
    start: int
    end: int
    reason: str


@dataclass
class Buffer:
    """Text under cleaning, with each character's span in the original text."""

    text: str
    starts: list[int]
    ends: list[int]
    log: list[Removal] = field(default_factory=list)

    @classmethod
    def from_original(cls, text: str) -> Buffer:
        """Start from the original text, each character mapping to itself."""
        return cls(text, list(range(len(text))), list(range(1, len(text) + 1)))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text to its span in the original text."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def sub(
        self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None], kind: str, reason: str
    ) -> None:
        """Replace each match by replace(match) (None keeps it), logging every edit."""
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        cursor = 0
        for match in pattern.finditer(self.text):
            new = replace(match)
            if new is None or new == match.group(0):
                continue
            a, b = match.span()
            pieces.append(self.text[cursor:a])
            starts.extend(self.starts[cursor:a])
            ends.extend(self.ends[cursor:a])
            origin = self.original_span(a, b)
            if len(new) == b - a:
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
            else:
                starts.extend([origin[0]] * len(new))
                ends.extend([origin[1]] * len(new))
            pieces.append(new)
            if kind:
                self.log.append(Removal(kind, match.group(0), origin[0], origin[1], reason))
            cursor = b
        if cursor == 0 and not pieces:
            return
        pieces.append(self.text[cursor:])
        starts.extend(self.starts[cursor:])
        ends.extend(self.ends[cursor:])
        self.text, self.starts, self.ends = "".join(pieces), starts, ends

    def remove_spans(self, spans: list[tuple[int, int, str, str]]) -> None:
        """Remove the given (start, end, kind, reason) spans of the current text."""
        if not spans:
            return
        keep = [True] * len(self.text)
        for start, end, kind, reason in sorted(spans):
            origin = self.original_span(start, end)
            self.log.append(Removal(kind, self.text[start:end], origin[0], origin[1], reason))
            for index in range(start, end):
                keep[index] = False
        self.text = "".join(ch for ch, k in zip(self.text, keep) if k)
        self.starts = [s for s, k in zip(self.starts, keep) if k]
        self.ends = [e for e, k in zip(self.ends, keep) if k]


@dataclass(frozen=True)
class ResidueRule:
    """A line pattern of web-page residue, from the data file."""

    kind: str
    pattern: re.Pattern[str]
    ends_article: bool
    reason: str


@dataclass(frozen=True)
class Cleaned:
    """A cleaned report: text, offsets into the original (compact integer arrays), the log and the flags raised."""

    text: str
    starts: array
    ends: array
    removals: tuple[Removal, ...]
    script: str
    converted: bool
    problems: tuple[str, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the clean text to its span in the original text."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return position, position
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=1)
def residue_rules() -> tuple[ResidueRule, ...]:
    """Load the web-page residue rules from the library's data file."""
    with open(paths.RESIDUE_RULES_FILE, encoding="utf-8", newline="") as handle:
        return tuple(
            ResidueRule(row["kind"], re.compile(row["pattern"]), row["ends_article"] == "yes", row["reason"])
            for row in csv.DictReader(handle)
        )


def remove_html(buffer: Buffer) -> None:
    """Remove HTML tags and decode HTML entities."""
    buffer.sub(HTML_TAG, lambda m: "", "html", "HTML tag")
    buffer.sub(HTML_TAG_FRAGMENT, lambda m: "", "html", "fragment of an HTML tag")
    buffer.sub(
        HTML_ENTITY, lambda m: html.unescape(m.group(0)).replace("\xa0", " "), "html_entity", "HTML entity decoded"
    )


def remove_corrupted(buffer: Buffer) -> None:
    """Remove spans of broken encoding: private-use characters, ?-runs, stray Greek letters."""
    reason = "broken encoding: removed, never parsed"
    buffer.sub(PRIVATE_USE, lambda m: "", "corrupted", reason)
    buffer.sub(QUESTION_SPAN, lambda m: "" if SUSPICIOUS_INSIDE.search(m.group(0)[1:-1]) else None, "corrupted", reason)
    buffer.sub(QUESTION_RUN, lambda m: "", "corrupted", reason)
    buffer.sub(STRAY_QUESTION, lambda m: "", "corrupted", reason)
    buffer.sub(STRAY_LETTERS, lambda m: "", "corrupted", reason)


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) span of every line, without its newline."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


# A line this long that holds a page prompt (扫一扫, 版权所有) is article text with the prompt run on at its end (a page
# saved as one line): only the prompt's sentence and what follows it go, not the article.
RESIDUE_IN_PARAGRAPH = 200


def is_paragraph(line: str) -> bool:
    """A line of article text: long, or a full sentence."""
    return len(line) > FOOTER_LINE_MAX or (len(line) >= 10 and line[-1] in SENTENCE_END + "；;")


def residue_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Find the lines that are web-page residue, and the short footer lines after the article ends."""
    rules = residue_rules()
    found: list[tuple[int, int, str, str]] = []
    article_ended = False
    spans = line_spans(text)
    tail_from = max((s for s, e in spans if is_paragraph(text[s:e].strip())), default=len(text))
    for start, end in spans:
        line = text[start:end].strip()
        if not line:
            continue
        rule = next((r for r in rules if r.pattern.search(line)), None)
        if rule is not None and len(line) > RESIDUE_IN_PARAGRAPH:
            match = rule.pattern.search(text, start, end)
            if match is not None:
                cut = max(text.rfind(mark, start, match.start()) for mark in SENTENCE_END) + 1
                found.append((max(cut, start), end + 1, rule.kind, rule.reason))
                article_ended = article_ended or rule.ends_article
                continue
        if rule is not None:
            found.append((start, end + 1, rule.kind, rule.reason))
            article_ended = article_ended or (rule.ends_article and start > tail_from)
        elif article_ended and len(line) <= FOOTER_LINE_MAX and line[-1] not in SENTENCE_END:
            found.append((start, end + 1, "footer", "short line after the article's end (page footer)"))
    return [(s, min(e, len(text)), k, r) for s, e, k, r in found]


def normalise_punctuation(buffer: Buffer) -> None:
    """Turn half-width punctuation inside Chinese text into full-width, one character for one."""
    pattern = re.compile(r"[,;:()!?]")
    chinese = re.compile(rf"[{CJK}{CJK_PUNCT}]")

    def full_width(match: re.Match[str]) -> str | None:
        text, at = match.string, match.start()
        before = text[at - 1] if at > 0 else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            return None
        if not (chinese.match(before or " ") or chinese.match(after or " ")):
            return None
        return HALF_WIDTH_PUNCT[match.group(0)]

    buffer.sub(pattern, full_width, "", "")


def normalise_whitespace(buffer: Buffer) -> None:
    """Trim lines, collapse runs of spaces and of blank lines."""
    buffer.sub(re.compile(r"\r"), lambda m: "", "", "")
    buffer.sub(re.compile(r"[\u3000\xa0\t]"), lambda m: " ", "", "")
    buffer.sub(re.compile(r"^ +| +$", re.M), lambda m: "", "whitespace", "space at the start or end of a line")
    buffer.sub(re.compile(r" {2,}"), lambda m: " ", "whitespace", "run of spaces")
    buffer.sub(SPACED_DIGITS, spaced_digits, "whitespace", "digits of a number spaced out one by one (6 4 4元)")
    buffer.sub(SPACE_IN_DECIMAL, lambda m: "", "whitespace", "space inside a decimal number (383. 75万元)")
    buffer.sub(SPACE_BY_NUMBER, space_by_number, "whitespace", "space between a sum and its words (增加 35元 /人·月)")
    buffer.sub(re.compile(r"\n{3,}"), lambda m: "\n\n", "whitespace", "run of blank lines")
    buffer.sub(re.compile(r"^\n+|\n+$"), lambda m: "", "whitespace", "blank lines at the start or end")


def clean_text(original: str, removals: tuple[Removal, ...] = ()) -> Cleaned:
    """Clean a report's original text into simplified Chinese with an offset map and an audit log; `removals` are what
    the file's reader found outside the report's text (spans removed first, zero-width ones only logged)."""
    buffer = Buffer.from_original(original)
    buffer.log.extend(r for r in removals if r.start == r.end)
    buffer.remove_spans([(r.start, r.end, r.kind, r.reason) for r in removals if r.start < r.end])
    buffer.sub(re.compile(r"\r\n?"), lambda m: "\n", "", "")
    buffer.sub(CONTROL_CHARACTERS, lambda m: "", "control", "control character (NUL, form feed, escape…)")
    remove_html(buffer)
    if TONE_MARK.search(buffer.text):
        buffer.sub(PINYIN_GLOSS, lambda m: "", "pinyin", "pinyin reading after a character")
    if len(TONELESS_GLOSS.findall(buffer.text)) >= TONELESS_MIN:
        buffer.sub(TONELESS_GLOSS, lambda m: "", "pinyin", "pinyin reading after a character (without tone marks)")
    remove_corrupted(buffer)
    buffer.remove_spans(residue_spans(buffer.text))
    for breaks, find_joins, kind, reason in (
        (r"\n", lambda text: dict.fromkeys(wrap_joins(text), ""), "wrap", "line break inside a sentence"),
        (r"\n\s*", lambda text: dict.fromkeys(clause_joins(text), ""), "clause", "line break after a clause's comma"),
        (r"\n\s*", poster_joins, "poster", "line break between a poster's phrases"),
    ):
        if joins := find_joins(buffer.text):
            buffer.sub(re.compile(breaks), lambda m, joins=joins: joins.get(m.start()), kind, reason)
    normalise_whitespace(buffer)
    script = detect_script(buffer.text)
    if script == "traditional":
        buffer.text = convert_to_simplified(buffer.text)
    normalise_punctuation(buffer)
    problems = tuple(
        f"corrupted span removed at offset {r.start}: {r.text!r}"
        for r in sorted(buffer.log, key=lambda removal: removal.start)
        if r.kind == "corrupted"
    )
    return Cleaned(
        buffer.text,
        array("q", buffer.starts),
        array("q", buffer.ends),
        tuple(buffer.log),
        script,
        script == "traditional",
        problems,
    )
