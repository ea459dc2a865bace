"""English words of the pages (english.py)."""

from __future__ import annotations

from minzheng import english


def test_a_count_of_nouns_is_singular_for_one_and_separates_thousands():
    assert english.noun(1, "report") == "1 report"
    assert english.noun(3, "report") == "3 reports"
    assert english.noun(9100, "figure") == "9,100 figures"
    assert english.noun(2, "city", "cities") == "2 cities"
