"""The codebook's compiled cue terms: quote marks between characters tolerated, the same spans either way."""

from __future__ import annotations

import re

import pytest

from minzheng.codebook import QUOTE_MARK, Term, indicators, term_pattern
from minzheng.extract.figures import extract_text


def span(term: Term, text: str) -> tuple[int, int] | None:
    """Where a term first matches a text."""
    match = term.search(text)
    return match.span() if match else None


def test_a_cue_term_matches_across_quote_marks_between_its_characters():
    assert span(term_pattern("低保标准"), "城乡“低保”标准提高") == (3, 8)


def test_a_cue_term_matches_its_synonyms():
    assert span(term_pattern("低保"), "最低生活保障标准") == (0, 6)


@pytest.mark.parametrize("text", ["全县低保标准提高", "最低生活保障对象", "特困人员供养标准", "没有这个词"])
def test_a_text_without_quote_marks_gets_the_same_spans_from_the_plain_and_the_tolerant_pattern(text):
    for indicator in indicators():
        for term in (t for cue in indicator.cues for t in cue.patterns):
            tolerant = re.compile(term.pattern).search(text)
            assert span(term, text) == (tolerant.span() if tolerant else None)


def test_a_union_of_terms_matches_where_any_of_them_does_quote_marks_included():
    union = Term.union([term_pattern("特困"), term_pattern("孤儿")])
    assert span(union, "事实无人抚养“孤”儿") == (7, 10)
    assert [m.span() for m in union.finditer("特困和孤儿")] == [(0, 2), (3, 5)]


def test_a_search_between_positions_keeps_to_them():
    assert term_pattern("低保").search("低保和低保", 1).span() == (3, 5)
    assert term_pattern("低保").search("低保和低保", 1, 4) is None


def test_a_standard_whose_programme_is_quoted_is_still_the_programme_standard():
    rows = extract_text("今年起，全县城市“低保”标准提高到每人每月800元。", region="某县", year=2024)
    assert ("sa.dibao_standard_urban", 800.0) in {(r.indicator, r.value) for r in rows.itertuples()}


def test_no_cue_term_names_a_quote_mark_so_heads_are_sought_in_words_without_them():
    assert not [t.pattern for i in indicators() for cue in i.cues for t in cue.patterns if t.names_a_quote]


def test_an_exclusion_of_quoted_words_still_sees_the_quote_mark():
    term = term_pattern("”")
    text = "“暖冬”救助资金"
    assert term.names_a_quote and term.stands_in(text, QUOTE_MARK.sub("", text))
    assert not term_pattern("低保").stands_in(text, QUOTE_MARK.sub("", text))
