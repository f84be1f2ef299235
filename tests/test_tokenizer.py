"""The jieba segmenter: same tokens as jieba, user words honoured, no global state."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_news.tokenizer import Segmenter, UserDictError, UserWord, parse_user_dict, read_user_dict


def test_tokens_concatenate_back_to_the_text():
    text = "MiniMax 的海螺AI在 2025 年前9个月营收3,050万美元，同比增长170%！\n下一段"
    assert "".join(Segmenter().cut(text)) == text


def test_user_words_change_segmentation():
    assert "深言科技" not in Segmenter().cut("深言科技发布言川大模型")
    seg = Segmenter(user_words=[UserWord("深言科技", None, "company"), UserWord("言川", None, "product")])
    assert seg.cut("深言科技发布言川大模型")[:3] == ["深言科技", "发布", "言川"]


def test_user_dictionary_file_is_read_with_freq_and_tag(tmp_path):
    p = tmp_path / "user.txt"
    p.write_text("\ufeff# 公司\n深言科技 20 company\n言川 product\n林思远\n", encoding="utf-8")
    assert read_user_dict(p) == [
        UserWord("深言科技", 20, "company"),
        UserWord("言川", None, "product"),
        UserWord("林思远", None, None),
    ]


def test_user_dictionary_errors_name_the_file(tmp_path):
    with pytest.raises(UserDictError, match="does not exist"):
        read_user_dict(tmp_path / "missing.txt")
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("深言科技".encode("gbk"))
    with pytest.raises(UserDictError, match="UTF-8"):
        read_user_dict(bad)


def test_a_private_segmenter_leaves_jiebas_global_tokenizer_alone():
    import jieba

    Segmenter(user_words=[UserWord("言川大模型", 1000, "product")])
    Segmenter(user_words=[UserWord("言川大模型", 1000, "product")], backend="jieba").cut("言川大模型")
    assert "言川大模型" not in jieba.lcut("言川大模型")
    assert not jieba.dt.user_word_tag_tab


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_both_backends_honour_user_words(backend):
    seg = Segmenter(user_words=parse_user_dict(["深言科技 company"]), backend=backend)
    assert seg.cut("深言科技上市")[0] == "深言科技"


def test_rjieba_tokens_equal_jieba_tokens_on_the_news_corpus(shared_data):
    import jieba

    path = shared_data / "corpus" / "cnews" / "cnews-800.txt"
    seg = Segmenter()
    reference = jieba.Tokenizer()
    lines = [line.split("\t", 1)[1] for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]
    differ = [i for i, text in enumerate(lines) if seg.cut(text) != list(reference.cut(text))]
    assert len(lines) == 800
    assert differ == []


def test_fast_like_num_agrees_with_spacys_chinese_like_num():
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from spacy.lang.zh.lex_attrs import like_num as spacy_like_num

    from nlp_news.lexattrs import like_num

    alphabet = "0123456789,./，。+-±~一二三四五六七八九十百千万亿兆〇零两壹贰叁肆伍陆柒捌玖拾佰仟廿卅卌皕营收年"
    words = ["3,050", "1/2", "1/2/3", "-3.5", "十二", "十三万", "三千零五十", "三千五", "拾玖", "两万", "营收", "", "一十"]
    for w in words:
        assert like_num(w) == spacy_like_num(w), w

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=6))
    def agree(w):
        assert like_num(w) == spacy_like_num(w)

    agree()


def test_pipeline_vocab_uses_the_fast_lexical_attributes(analyzer):
    from spacy.attrs import LIKE_NUM, SHAPE

    from nlp_news.lexattrs import like_num, word_shape

    assert analyzer.nlp.vocab.lex_attr_getters[LIKE_NUM] is like_num
    assert analyzer.nlp.vocab.lex_attr_getters[SHAPE] is word_shape
    doc = analyzer.nlp("营收三千五百万")
    assert {t.text: t.like_num for t in doc} == {"营收": False, "三千五百": True, "万": False}


def test_fast_lexical_attributes_give_spacys_answers():
    """Every replaced function against spaCy's own: each BMP character, and random words (spaCy never
    computes attributes of the empty string: its own like_url raises on it)."""
    import spacy
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from nlp_news.lexattrs import REPLACED, fast_getters

    spacy_getters = spacy.blank("zh").vocab.lex_attr_getters
    fast = fast_getters(spacy_getters)
    assert {a for a in fast if fast[a] is not spacy_getters[a]} == set(REPLACED)
    pairs = [(a, fast[a], spacy_getters[a]) for a in REPLACED]
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    words = chars + ["营收", "人工智能公司", "三千五百", "十二", "www.example.com", "http://a", "a@b.cn", "MiniMax",
                     "3,050", "1/2", "-3.5", "iPhone", "$", "¥¥", "《》", "''", "``", "国" * 120, "中国.com"]
    for w in words:
        for attr, mine, theirs in pairs:
            assert mine(w) == theirs(w), (attr, w)

    @settings(max_examples=2000, deadline=None)
    @given(st.text(alphabet=st.sampled_from("营收三千五百万十二亿一〇零.,/@:-+wh tpcomMAX$¥“”（）。%0123456789\u9fff\u4e00\u3400"), min_size=1, max_size=12))
    def agree(w):
        for attr, mine, theirs in pairs:
            assert mine(w) == theirs(w), (attr, w)

    agree()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1.-_中文 3%xY", max_size=24))
def test_ascii_runs_are_split_like_testing_every_word(text):
    from nlp_news.tokenizer import _NEEDS_SPLIT, _jieba_split

    seg = _rjieba_segmenter()
    words = seg._impl.cut(text, seg.hmm)
    expected = [p for w in words for p in (_jieba_split(w) if _NEEDS_SPLIT.search(w) else (w,))]
    assert seg.cut(text) == expected


@functools.lru_cache(maxsize=1)
def _rjieba_segmenter():
    return Segmenter()


def test_docs_made_from_word_hashes_equal_docs_made_from_words():
    """The tokenizer hands spaCy each word's hash; the Doc is the one the words give, in a
    fresh vocabulary too (the hashes it remembers belong to the old one) and in a memory zone."""
    import spacy
    from spacy.tokens import Doc

    from nlp_news.tokenizer import JiebaTokenizer

    text = "智谱AI发布新模型 GLM，营收三千五百万元；it7t.com 报道。智谱AI再发布"

    def tokens(doc):
        return [(t.text, t.whitespace_, t.like_num, t.shape_, t.norm_, t.is_punct) for t in doc]

    def same_as_from_words(doc):
        words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        return doc.text == "".join(t.text_with_ws for t in doc) and tokens(doc) == tokens(
            Doc(spacy.blank("zh").vocab, words=words, spaces=spaces)
        )

    tok = JiebaTokenizer(spacy.blank("zh").vocab, _rjieba_segmenter())
    first = tok(text)
    assert first.text == text and [t.text for t in first][:4] == ["智谱", "AI", "发布", "新"]
    assert same_as_from_words(first)
    assert tokens(tok(text)) == tokens(first)  # the words are known now
    tok.vocab = spacy.blank("zh").vocab
    assert tokens(tok(text)) == tokens(first)
    with tok.vocab.memory_zone():
        assert same_as_from_words(tok(text + "新词汇"))
    assert tokens(tok(text + "新词汇")) == tokens(first) + [("新词汇", "", False, "xxx", "新词汇", False)]


#: spaCy's lexical attributes of a token, as a user reads them.
LEXICAL = ("lower_", "norm_", "shape_", "prefix_", "suffix_", "lang_", "is_alpha", "is_ascii", "is_digit", "is_lower",
           "is_upper", "is_title", "is_punct", "is_space", "is_stop", "is_bracket", "is_quote", "is_left_punct",
           "is_right_punct", "is_currency", "like_url", "like_num", "like_email")


def _lexical(doc):
    return [(t.text, *(getattr(t, a) for a in LEXICAL)) for t in doc]


def _spacys_own(doc):
    """``doc``'s tokens as a blank spaCy Chinese pipeline's vocabulary gives them."""
    import spacy
    from spacy.tokens import Doc

    return _lexical(Doc(spacy.blank("zh").vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]))


def test_an_analysis_doc_has_spacys_lexical_attributes_for_words_first_seen_by_the_analyzer():
    import nlp_news

    a = nlp_news.load(disable=["entities", "labels"])
    text = "鄱阳湖畔的旸谷公司营收三千五百万元，同比增长12.5%！联系 info@example.com 或 www.example.com 。"
    result = a.analyze(text)
    assert _lexical(result.doc) == _spacys_own(result.doc)
    assert any(t.like_num for t in result.doc) and any(t.is_punct for t in result.doc)


def test_the_analyzers_tokenizer_leaves_unread_attributes_for_later_and_nlp_completes_them():
    import nlp_news

    a = nlp_news.load(disable=["entities", "labels"])
    lean = a.nlp.tokenizer.lean_doc("湓浦口营收三千五百万元。")
    assert {t.text: t.like_num for t in lean}["三千五百"] is False  # left for later
    doc = a.nlp("湓浦口营收三千五百万元。")  # the same lexemes, now complete
    assert _lexical(doc) == _spacys_own(doc) and _lexical(lean) == _lexical(doc)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1.-_中文 3%xY\n", max_size=30))
def test_split_offsets_are_where_the_pattern_matches(text):
    import re

    from nlp_news.tokenizer import _NEEDS_SPLIT, _split_at

    assert _split_at(text) == [m.start() for m in re.finditer(f"(?={_NEEDS_SPLIT.pattern})", text)]
