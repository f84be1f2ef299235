"""Reading article files: encodings, HTML, and clear errors."""

from __future__ import annotations

import codecs

import pytest

from nlp_news.io.read import DecodeError, ReadError, article_from_bytes, decode_bytes, read_article

from .conftest import SAMPLES

TEXT = "港交所今日公布，公司营收同比增长三成，达到12亿元。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_simplified_text_is_decoded_in_every_common_encoding(data):
    assert decode_bytes(data) == TEXT


def test_big5_traditional_text_is_detected():
    trad = "香港交易所今日公布，公司營收按年增長三成，達到十二億港元。"
    assert decode_bytes(trad.encode("big5")) == trad


def test_explicit_encoding_is_honoured_and_a_wrong_one_names_the_file_and_the_option():
    data = TEXT.encode("gbk")
    assert decode_bytes(data, encoding="gbk") == TEXT
    with pytest.raises(DecodeError, match=r"news\.txt.*--encoding"):
        decode_bytes(data, encoding="utf-8", name="news.txt")


def test_undecodable_bytes_name_the_file_and_suggest_encoding():
    junk = bytes(range(0x80, 0x100)) * 3
    with pytest.raises(DecodeError, match=r"bad\.txt.*--encoding"):
        decode_bytes(junk, name="bad.txt")


def test_binary_file_is_refused_with_a_clear_message():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="x.png")


def test_empty_file_is_an_error_not_an_empty_result(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n")
    with pytest.raises(ReadError, match="empty"):
        read_article(p)


def test_missing_file_and_directory_give_clear_errors(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="nlp-news batch"):
        read_article(tmp_path)


def test_gbk_sample_is_read_by_detection():
    art = read_article(SAMPLES / "retail-gbk.txt")
    assert art.encoding == "gb18030"
    assert "双十一" in art.text


def test_html_page_main_text_is_extracted_without_chrome():
    art = read_article(SAMPLES / "ai-products.html")
    assert art.format == "html"
    assert art.title.startswith("国产大模型价格战再升级")
    assert art.published.startswith("2025-06-12")
    assert "智谱AI宣布" in art.text
    for chrome in ("登录后才可以发布评论", "版权所有", "分享到", "首页"):
        assert chrome not in art.text


def test_html_is_sniffed_when_read_from_bytes():
    page = "<html><body><article><p>公司今年营收增长了三成，利润翻番。</p><p>董事长表示将继续扩张。</p></article></body></html>"
    art = article_from_bytes(page.encode(), name="page")
    assert art.format == "html"
    assert "<p>" not in art.text and "利润翻番" in art.text
