"""Normalisation keeps a map back to the user's text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp_news.text.normalize import detect_script, normalize


@pytest.mark.parametrize(
    "raw, view",
    [
        ("３０５０万美元", "3050万美元"),
        ("ＯｐｅｎＡＩ", "OpenAI"),
        ("增长２３．３％", "增长23.3%"),
        ("　　公司公告", "  公司公告"),
        ("甲\r\n乙", "甲\n乙"),
        ("甲\r乙", "甲\n乙"),
        ("智\u200b谱", "智谱"),
        ("营收，利润；增长！（注）", "营收，利润；增长！（注）"),
        ("￥１００", "¥100"),
    ],
)
def test_view_is_normalised(raw, view):
    assert normalize(raw).text == view


def test_traditional_text_is_read_in_simplified_with_the_same_offsets():
    raw = "香港交易所公布，公司營收按年增長逾五倍，集資約1,067億港元。"
    n = normalize(raw)
    assert n.script == "traditional"
    assert "营收" in n.text and "亿港元" in n.text
    i = n.text.index("亿港元")
    a, b = n.to_original(i, i + 3)
    assert raw[a:b] == "億港元"


def test_simplified_news_is_not_mistaken_for_traditional():
    assert detect_script("乾隆年间的著名园林今年接待游客超过100万人次，门票收入增长两成。") == "simplified"


@given(st.text(max_size=80))
def test_every_view_span_maps_inside_the_original(raw):
    n = normalize(raw)
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert 0 <= a < b <= len(raw)
    a, b = n.to_original(0, len(n.text))
    assert 0 <= a <= b <= len(raw)
