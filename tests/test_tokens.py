"""Word segmentation keeps domain terms whole and stays silent."""

from __future__ import annotations

import subprocess
import sys

import pytest

from minzheng.words.tokens import tokenize


@pytest.mark.parametrize(
    "term",
    [
        "低保",
        "特困人员",
        "护理型床位",
        "养老床位",
        "儿童主任",
        "儿童督导员",
        "未成年人保护",
        "农村幸福院",
        "社会救助",
        "临时救助",
        "适老化改造",
        "事实无人抚养儿童",
        "党建",
    ],
)
def test_domain_terms_stay_single_tokens(term):
    assert term in tokenize(f"全县推进{term}工作取得成效")


def test_tokens_hold_chinese_only():
    assert tokenize("纳入低保1,200人（2023年）") == ["纳入", "低保", "人", "年"]


def test_loading_the_dictionary_prints_nothing():
    code = "from minzheng.words.tokens import tokenize; tokenize('城乡低保标准')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "" and result.stderr == ""
