"""The extraction cache: a corpus is read and extracted once; a fresh cache gives the same tables as extracting, a
report added or changed is the only one extracted again, and a changed library reads nothing an older one stored."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from minzheng import paths
from minzheng.corpus import cache, cached, load_corpus
from minzheng.corpus.cached import CachedReport
from minzheng.extract import mentions
from minzheng.extract.figures import indicator_frame
from minzheng.present.page import open_page
from minzheng.words import shares, token_cache
from minzheng.words.tokens import tokenize

from .helpers import copy_seeds


@pytest.fixture
def own_cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(paths.CACHE_ENV, str(folder))
    return folder


def add_copy(folder: Path, source: str, file: str, region: str) -> None:
    """Add a copy of one report of the folder under a new file name and region (a new manifest row)."""
    shutil.copyfile(folder / source, folder / file)
    with open(folder / paths.MANIFEST_NAME, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if r["file"] == source)
    with open(folder / paths.MANIFEST_NAME, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(row)).writerow({**row, "file": file, "region": region})


def test_a_fresh_cache_gives_the_tables_extraction_gives(own_cache, tmp_path):
    folder = copy_seeds(tmp_path / "corpus")
    extracted = load_corpus(folder, cache=False)
    first, second = load_corpus(folder), load_corpus(folder)
    assert (first.cache_stats.extracted, second.cache_stats.extracted, second.cache_stats.from_cache) == (5, 0, 5)
    assert all(isinstance(r, CachedReport) for r in second)
    for loaded in (first, second):
        pd.testing.assert_frame_equal(loaded.indicators(), extracted.indicators())
        pd.testing.assert_frame_equal(loaded.table(), extracted.table())
        for theme in (None, "social_assistance", "child_protection"):
            pd.testing.assert_frame_equal(
                mentions.find_mentions(loaded, theme=theme), mentions.find_mentions(extracted, theme=theme)
            )
        for per_region in ("latest", "all"):
            pd.testing.assert_frame_equal(
                loaded.select(per_region).indicators(), extracted.select(per_region).indicators()
            )
        assert [r.sentences for r in loaded] == [r.sentences for r in extracted]
        assert [r.headings for r in loaded] == [r.headings for r in extracted]
        assert shares.report_tokens(loaded) == shares.report_tokens(extracted)
    assert second.reports[0].original == extracted.reports[0].original  # what the store lacks is read from the file


def test_adding_one_report_extracts_that_report_only(own_cache, tmp_path, monkeypatch):
    extracted: list[str] = []

    def counting(reports):
        extracted.extend(r.file for r in reports)
        return indicator_frame(reports)

    monkeypatch.setattr(cached, "indicator_frame", counting)
    folder = copy_seeds(tmp_path / "corpus")
    assert load_corpus(folder).cache_stats.extracted == 5 and len(extracted) == 5
    add_copy(folder, "000_0c31025ab91da0ac.txt", "900_copy.txt", "日照市")
    again = load_corpus(folder)
    assert extracted[5:] == ["900_copy.txt"]
    assert (again.cache_stats.reports, again.cache_stats.extracted, again.cache_stats.from_cache) == (6, 1, 5)
    assert "日照市" in set(again.indicators()["region"])
    extracted_now = load_corpus(folder, cache=False)  # stored and fresh reports together read as extraction gives them
    pd.testing.assert_frame_equal(again.indicators(), extracted_now.indicators())
    pd.testing.assert_frame_equal(again.table(), extracted_now.table())
    pd.testing.assert_frame_equal(mentions.find_mentions(again), mentions.find_mentions(extracted_now))


def test_a_changed_file_or_manifest_row_is_extracted_again_and_the_others_are_not(own_cache, tmp_path):
    folder = copy_seeds(tmp_path / "corpus")
    load_corpus(folder)
    report = folder / "001_63dd4d515c864998.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n全年新增养老床位200张。\n", encoding="utf-8")
    assert load_corpus(folder).cache_stats.extracted == 1
    manifest = folder / paths.MANIFEST_NAME
    text = manifest.read_text(encoding="utf-8")
    assert ",2022,news feature," in text
    manifest.write_text(text.replace(",2022,news feature,", ",2021,news feature,"), encoding="utf-8")
    changed = load_corpus(folder)
    assert changed.cache_stats.extracted == 1
    assert changed["徐州市"].year == 2021


def test_a_changed_library_reads_nothing_an_older_one_stored(own_cache, tmp_path, monkeypatch):
    folder = copy_seeds(tmp_path / "corpus")
    load_corpus(folder)
    old = sorted(own_cache.glob("extraction-*"))
    for folder_of_old in old:
        os.utime(folder_of_old, (0, 0))  # unused for long: the next write of another version removes it
    monkeypatch.setattr(cache, "library_version", lambda: "0000000000000000")
    assert load_corpus(folder).cache_stats.extracted == 5
    assert [p.name for p in own_cache.glob("extraction-*")] == ["extraction-0000000000000000"]
    assert old and not any(p.exists() for p in old)


def test_the_cache_is_parquet_in_the_cache_folder_and_many_segments_are_merged(own_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "COMPACT_AT", 2)
    folder = copy_seeds(tmp_path / "corpus")
    load_corpus(folder)
    for n in range(3):
        add_copy(folder, "002_f46c84404352e486.txt", f"90{n}_copy.txt", f"复本{n}")
        assert load_corpus(folder).cache_stats.extracted == 1
    store = cache.Store.default()
    assert store.folder.parent == own_cache and len(store.segments()) <= 2
    assert {p.suffix for p in store.folder.iterdir()} == {".parquet"}
    assert set(store.read("reports")["file"]) >= {"900_copy.txt", "901_copy.txt", "902_copy.txt"}
    assert load_corpus(folder).cache_stats.extracted == 0


def test_each_text_is_segmented_once_across_loads(own_cache, tmp_path, monkeypatch):
    calls: list[str] = []

    def counting(text: str) -> list[str]:
        calls.append(text)
        return tokenize(text)

    monkeypatch.setattr(token_cache, "tokenize", counting)
    folder = copy_seeds(tmp_path / "corpus")
    add_copy(folder, "000_0c31025ab91da0ac.txt", "900_copy.txt", "日照市")  # the same text under another region
    shares.report_tokens(load_corpus(folder))
    shares.report_tokens(load_corpus(folder))
    assert len(calls) == 5


def test_a_notebook_opened_alone_builds_the_cache_and_then_uses_it(own_cache, tmp_path):
    folder = copy_seeds(tmp_path / "corpus")
    first = open_page("00_corpus_overview", folder, output_dir=tmp_path / "out")
    second = open_page("00_corpus_overview", folder, output_dir=tmp_path / "out")
    assert first.whole.cache_stats.extracted == 5 and second.whole.cache_stats.from_cache == 5
    pd.testing.assert_frame_equal(first.figures, second.figures)


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv(paths.CACHE_ENV, str(blocked))
    folder = copy_seeds(tmp_path / "corpus")
    loaded = load_corpus(folder)
    assert loaded.cache_stats.extracted == 5 and len(loaded.indicators()) == len(
        load_corpus(folder, cache=False).indicators()
    )
    assert shares.report_tokens(loaded)
