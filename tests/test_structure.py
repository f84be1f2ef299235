"""Title, paragraphs, sentences and boilerplate."""

from __future__ import annotations

import pytest

from nlp_news.text.boilerplate import boilerplate_rule
from nlp_news.text.structure import split_sentences, structure


def texts(t, spans):
    return [t[s.start : s.end] for s in spans]


def test_sentences_keep_closing_quotes_and_split_on_semicolons():
    t = "他说：“公司会上市。”营收增长30%；利润下降！真的吗？"
    assert texts(t, split_sentences(t)) == ["他说：“公司会上市。”", "营收增长30%；", "利润下降！", "真的吗？"]


def test_blank_lines_and_line_breaks_separate_paragraphs_and_the_first_short_line_is_the_title():
    t = "公司发布财报\n\n第一段说营收。第二句。\n第二段说利润。\n\n\n第三段说用户。"
    st = structure(t)
    assert t[st.title.start : st.title.end] == "公司发布财报"
    assert texts(t, st.paragraphs) == ["第一段说营收。第二句。", "第二段说利润。", "第三段说用户。"]


def test_ideographic_space_indents_start_paragraphs_in_one_line_copy():
    t = "公司发布财报。营收增长。  公司表示将扩张。利润翻番。"
    st = structure(t, detect_title=False)
    assert texts(t, st.paragraphs) == ["公司发布财报。营收增长。", "公司表示将扩张。利润翻番。"]


def test_a_long_one_line_article_is_cut_into_passages_of_two_to_four_sentences():
    sentence = "公司今年的营收继续保持较快增长，利润水平也有所提高，市场份额稳步扩大。"
    t = sentence * 11
    st = structure(t)
    assert len(st.paragraphs) >= 3
    for p in st.paragraphs:
        n = len(split_sentences(t, p.start, p.end))
        assert 2 <= n <= 4
    assert st.paragraphs[0].start == 0 and st.paragraphs[-1].end == len(t)


def test_a_given_title_that_opens_the_text_is_the_title_span():
    t = "营收增长三成。\n公司表示满意。"
    st = structure(t, title="营收增长三成。")
    assert st.title is not None and t[st.title.start : st.title.end] == "营收增长三成。"


@pytest.mark.parametrize(
    "line, rule",
    [
        ("登录后才可以发布评论", "comment-prompt"),
        ("打开小程序可以发布评论哦", "comment-prompt"),
        ("分享到：微信 微博", "share-prompt"),
        ("下载新闻APP，阅读更多精彩内容", "app-prompt"),
        ("扫描二维码关注我们", "app-prompt"),
        ("责任编辑：张三", "editor-line"),
        ("（编辑：李四）", "editor-line"),
        ("版权所有 © 2025 示例网", "copyright"),
        ("未经授权禁止转载", "copyright"),
        ("（完）", "end-mark"),
        ("本报记者 王五", "byline"),
    ],
)
def test_site_chrome_lines_are_recognised(line, rule):
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "公司编辑部今年完成了三本新书的出版工作，评论界反响热烈。",
        "该公司版权收入同比增长20%。",
        "用户可以在应用内发表评论。" * 2,
    ],
)
def test_article_sentences_that_mention_chrome_words_are_kept(line):
    assert boilerplate_rule(line) is None


def test_source_lines_are_boilerplate_but_a_sentence_citing_a_data_source_is_not():
    t = "标题行\n来源：某某网\n数据来源：国家统计局，今年全国居民人均收入增长5%。\n正文第二段。\n\n来源：某某网"
    st = structure(t)
    assert [b.kind for b in st.boilerplate] == ["source-line", "source-line"]
    assert texts(t, st.paragraphs)[0].startswith("数据来源")


def test_trailing_end_mark_is_dropped_from_the_last_paragraph():
    t = "标题\n正文。\n最后一段。（完）"
    st = structure(t)
    assert texts(t, st.paragraphs)[-1] == "最后一段。"
    assert texts(t, st.boilerplate) == ["（完）"]


def test_span_maker_equals_char_span_expand(analyzer):
    import random

    from nlp_news.text.component import _SpanMaker

    from .conftest import SAMPLE_FILES

    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in SAMPLE_FILES]
    texts += ["  智谱 AI 发布  GLM 模型。 \n\n 第二段  ", "Rachel Bilson 在 纽约", "营收 3050 万美元", "结尾有空格 "]
    rnd = random.Random(7)
    checked = 0
    for text in texts:
        doc = analyzer.nlp.make_doc(text)
        asked, wanted = [], []
        for _ in range(300):
            a = rnd.randrange(len(text))
            b = rnd.randrange(a + 1, len(text) + 1)
            want = doc.char_span(a, b, alignment_mode="expand")
            if want is None or len(want) == 0:  # only whitespace: structure never asks for these
                continue
            asked.append((a, b))
            wanted.append((want.start, want.end, want.start_char, want.end_char))
        got = _SpanMaker(doc).align([a for a, _ in asked], [b for _, b in asked])  # all of them in one go
        assert list(zip(*(x.tolist() for x in got))) == wanted
        checked += len(wanted)
    assert checked > 1000


def test_span_offsets_are_the_span_groups_char_offsets(analyzer):
    from nlp_news.extensions import SPAN_OFFSETS_KEY, span_offsets

    text = "标题：公司营收增长  30%\n\n　　第一段。 第二句！\n第二段 ,有 3 家 。\n\n来源：新华社"
    doc = analyzer.nlp(text)
    assert SPAN_OFFSETS_KEY in doc.user_data
    for group in ("title", "paragraphs", "sentences", "boilerplate", "nothing"):
        want = [(s.start_char, s.end_char) for s in doc.spans[group]] if group in doc.spans else []
        assert span_offsets(doc, group) == want
    doc.spans["sentences"] = list(doc.spans["sentences"])[:1]  # changed after the stage: read from the group
    assert span_offsets(doc, "sentences") == [(s.start_char, s.end_char) for s in doc.spans["sentences"]]
