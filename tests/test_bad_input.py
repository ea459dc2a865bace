"""Bad input gets a clear error naming the file (and manifest line) and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from minzheng import paths
from minzheng.corpus import load_corpus
from minzheng.errors import CorpusError, ManifestError, ReportError
from minzheng.read.decode import decode_bytes
from minzheng.read.report import read_report
from tests.conftest import row, write_manifest

GOOD_TEXT = "一、基本情况\n全县纳入城乡低保1200人，发放低保资金800万元。\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    """Write a report file as bytes or UTF-8 text."""
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(ReportError, match=r"empty\.txt: the file is empty"):
        read_report(path)


def test_whitespace_only_file_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "blank.txt", "  \n\u3000\n\t")
    with pytest.raises(ReportError, match=r"blank\.txt: the file is empty or holds only whitespace"):
        read_report(path)


def test_binary_file_is_an_error_saying_to_save_as_text(tmp_path):
    path = write(tmp_path, "scan.txt", b"%PDF-1.7\x00\x01\x02\x03binary")
    with pytest.raises(
        ReportError,
        match=r"scan\.txt: the file is binary, not text \(save the report as a UTF-8 or GB18030 text file\)",
    ):
        read_report(path)


def test_undecodable_file_names_the_byte_offset():
    data = "民政".encode() + b"\x80\xff\xfe\x80\x81"
    with pytest.raises(ReportError, match=r"bad\.txt: cannot decode as UTF-8 \(byte offset 6\)"):
        decode_bytes(data, "bad.txt")


@pytest.mark.parametrize("name", sorted(p.name for p in paths.SEEDS_DIR.glob("*.txt")))
def test_gb18030_copy_of_a_seed_gives_the_same_clean_text(tmp_path, name):
    original = read_report(paths.SEEDS_DIR / name)
    text = original.original
    copy = write(tmp_path, name, text.encode("gb18030"))
    decoded = read_report(copy)
    assert decoded.encoding == "gb18030"
    assert decoded.text == original.text


def test_utf8_with_bom_reads_like_without(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"))
    assert read_report(path).text == read_report(write(tmp_path, "plain.txt", GOOD_TEXT)).text


def test_manifest_row_whose_file_is_missing_names_the_manifest_line(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县"), row("gone.txt", "乙县")])
    corpus = load_corpus(tmp_path)
    assert corpus.regions == ["甲县"]
    assert len(corpus.problems) == 1
    assert "manifest.csv line 3: file 'gone.txt' does not exist" in corpus.problems[0]


def test_txt_file_without_a_manifest_row_is_reported(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write(tmp_path, "stray.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县")])
    corpus = load_corpus(tmp_path)
    assert corpus.regions == ["甲县"]
    assert any("stray.txt: no manifest row names this file" in p for p in corpus.problems)


def test_duplicate_file_rows_are_refused_with_both_lines(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县"), row("a.txt", "乙县")])
    with pytest.raises(ManifestError, match=r"line 3: duplicate file 'a\.txt' \(first on line 2\)"):
        load_corpus(tmp_path)


def test_a_region_may_have_several_reports_the_file_is_the_key(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write(tmp_path, "b.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县", year="2022"), row("b.txt", "甲县", year="2023")])
    corpus = load_corpus(tmp_path, strict=True)
    assert len(corpus) == 2 and corpus.regions == ["甲县"] and corpus["甲县"].file == "b.txt"


def test_missing_required_column_is_named(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县")], header=["file", "region", "year"])
    with pytest.raises(ManifestError, match=r"missing required column\(s\): level"):
        load_corpus(tmp_path)


def test_unknown_level_is_refused_with_the_allowed_levels(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县", level="township")])
    with pytest.raises(ManifestError, match=r"line 2: unknown level 'township' \(use one of: county, "):
        load_corpus(tmp_path)


def test_year_that_is_not_a_year_is_refused(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县", year="去年")])
    with pytest.raises(ManifestError, match=r"line 2: year '去年' is not a year between 1949 and 2100"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("year", ["二〇二三", "20233", "١٢٣٤"])
def test_a_year_in_other_numerals_or_of_five_digits_is_refused_with_the_way_to_write_it(tmp_path, year):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县", year=year)])
    with pytest.raises(ManifestError, match=r"is not a year between 1949 and 2100 \(write it as 2023\)"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("year", ["²⁰²³", "２０２３"])
def test_a_year_in_superscript_or_full_width_digits_is_read_as_that_year(tmp_path, year):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write_manifest(tmp_path, [row("a.txt", "甲县", year=year)])
    assert load_corpus(tmp_path).reports[0].year == 2023


def test_missing_manifest_says_what_to_add(tmp_path):
    with pytest.raises(ManifestError, match="the manifest is missing: add manifest.csv"):
        load_corpus(tmp_path)


def test_one_bad_report_does_not_stop_the_others(copy_of_seeds):
    write(copy_of_seeds, "000_0c31025ab91da0ac.txt", b"")
    corpus = load_corpus(copy_of_seeds)
    assert corpus.regions == ["兰陵县", "徐州市", "济宁市", "长沙县"]
    assert any("000_0c31025ab91da0ac.txt: the file is empty" in p and "line 2" in p for p in corpus.problems)


def test_strict_mode_raises_on_any_problem_and_lists_them_all(copy_of_seeds):
    write(copy_of_seeds, "000_0c31025ab91da0ac.txt", b"\x00\x01\x02")
    write(copy_of_seeds, "zzz.txt", GOOD_TEXT)
    with pytest.raises(CorpusError) as raised:
        load_corpus(copy_of_seeds, strict=True)
    assert len(raised.value.problems) == 2
    assert "binary" in str(raised.value) and "zzz.txt" in str(raised.value)


def test_unknown_region_filter_names_the_known_regions(copy_of_seeds):
    from minzheng.errors import MinzhengError

    with pytest.raises(MinzhengError, match="unknown region\\(s\\) 上海市: the manifest has 莒县"):
        load_corpus(copy_of_seeds, regions="上海市")


def test_region_filter_keeps_manifest_order(copy_of_seeds):
    assert load_corpus(copy_of_seeds, regions="长沙县,莒县").regions == ["莒县", "长沙县"]
