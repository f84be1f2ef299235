"""The spaCy stage ``news_entities``: offsets into doc.text, regions, doc.ents, the tokenizer's words."""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

import nlp_news.entities.component  # noqa: F401  (registers the factory)
import nlp_news.text.component  # noqa: F401  (registers news_structure)
from nlp_news.entities.component import regions, regions_words, set_docs_ents, words_between
from nlp_news.entities.lexicon import Lexicon
from nlp_news.entities.model import NerModel, _join, chunk_spans, chunk_spans_re, round4
from nlp_news.extensions import WORDS_KEY, segmenter_words
from nlp_news.schema import Entity
from nlp_news.tokenizer import Segmenter, UserWord


def blank():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1"}}})


@pytest.fixture(scope="module")
def nlp():
    nlp = blank()
    nlp.add_pipe("news_entities")
    return nlp


TITLE = "MiniMax与智谱AI冲刺港股"
BODY = "MiniMax公司旗下产品Talkie在美国很受欢迎。智谱 AI 的创始人在北京接受了采访。"
CHROME = "分享到：微信 | 微博 | 腾讯QQ空间"


def structured(nlp):
    text = f"{TITLE}\n\n{BODY}\n\n{CHROME}"
    doc = nlp.make_doc(text)
    t_end = len(TITLE)
    b_start = text.index(BODY)
    doc.spans["title"] = [doc.char_span(0, t_end, alignment_mode="expand")]
    doc.spans["paragraphs"] = [doc.char_span(b_start, b_start + len(BODY), alignment_mode="expand")]
    return doc


def test_entities_point_into_doc_text_and_come_from_title_and_paragraphs_only(nlp):
    doc = structured(nlp)
    doc = nlp.get_pipe("news_entities")(doc)
    ents = doc._.entities
    assert ents and ents == sorted(ents, key=lambda e: (e.start, e.end))
    chrome_start = doc.text.index(CHROME)
    for e in ents:
        assert doc.text[e.start : e.end] == e.text
        assert e.end <= chrome_start, f"{e.text} comes from boilerplate"
    names = {e.text for e in ents}
    assert {"MiniMax", "MiniMax公司", "Talkie", "美国", "北京"} <= names


def test_aliases_are_merged_across_title_and_body(nlp):
    doc = nlp.get_pipe("news_entities")(structured(nlp))
    canon = {e.text: e.canonical for e in doc._.entities}
    assert canon["MiniMax"] == canon["MiniMax公司"] == "MiniMax"
    assert canon["智谱AI"] == canon["智谱 AI"] == "智谱AI"


def test_doc_ents_hold_the_aligned_entities_without_overlap(nlp):
    doc = nlp("OpenAI首席执行官奥特曼在旧金山宣布了新产品。")
    labels = {(sp.text, sp.label_) for sp in doc.ents}
    assert ("OpenAI", "ORG") in labels and ("旧金山", "LOC") in labels
    tokens = [i for sp in doc.ents for i in range(sp.start, sp.end)]
    assert len(tokens) == len(set(tokens))


def test_whole_text_is_read_when_there_is_no_structure(nlp):
    doc = nlp.make_doc("迪士尼起诉了MiniMax。")
    assert regions(doc) == [(0, len(doc.text))]
    doc = nlp.get_pipe("news_entities")(doc)
    assert {e.text for e in doc._.entities} >= {"迪士尼", "MiniMax"}


def test_pipe_gives_the_same_result_as_calling_one_by_one(nlp):
    texts = ["智谱AI在北京发布新模型。", "环球影业起诉了MiniMax。", "", "腾讯控股的股价上涨。"]
    stage = nlp.get_pipe("news_entities")
    one = [stage(nlp.make_doc(t))._.entities for t in texts]
    many = [d._.entities for d in stage.pipe([nlp.make_doc(t) for t in texts], batch_size=3)]
    assert one == many


def test_user_dict_config_reaches_the_stage(tmp_path):
    d = tmp_path / "words.txt"
    d.write_text("星辰大海 company\n", encoding="utf-8")
    nlp = blank()
    nlp.add_pipe("news_entities", config={"user_dict": str(d)})
    doc = nlp("星辰大海发布了年度报告。")
    assert [(e.text, e.type, e.source) for e in doc._.entities if e.text == "星辰大海"] == [("星辰大海", "company", "user_dict")]
    assert isinstance(doc.ents[0], Span) and doc.ents[0].label_ == "ORG"


# --- the tokenizer's words reach the tagger (no second cut of the text) -------------

@lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    return Segmenter()  # one dictionary for all the generated examples


@lru_cache(maxsize=1)
def _model() -> NerModel:
    return NerModel({}, Lexicon(), segmenter=_segmenter())


_ALPHABET = "智谱上市了公司北京新模型。，、“”：AIxM0123.-_%#&+² \n\r\t\u3000\x1c"


# scores as the tagger makes them (float32 means), exact halves of the 4th decimal and their neighbours
_SCORES = st.one_of(
    st.floats(0, 1),
    st.floats(0, 1, width=32),
    st.integers(0, 20000).map(lambda k: (k + 0.5) / 1e4),
    st.integers(0, 20000).map(lambda k: float(np.nextafter((k + 0.5) / 1e4, 2))),
    st.integers(0, 20000).map(lambda k: float(np.nextafter((k + 0.5) / 1e4, -1))),
    st.floats(allow_nan=False),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SCORES, max_size=30))
def test_scores_are_rounded_as_python_rounds_them(scores):
    got = round4(np.array(scores, dtype=np.float64))
    assert got == [round(v, 4) for v in scores]
    assert [str(v) for v in got] == [str(round(v, 4)) for v in scores]  # the sign of a zero too


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.data())
def test_words_taken_from_the_whole_text_are_the_words_of_the_slice(text, data):
    seg = _segmenter()
    words = seg.cut_raw(text)
    ends = list(accumulate(map(len, words)))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = words_between(words, ends, text, start, end)
    if got is not None:
        assert got == seg.cut_raw(text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.data())
def test_the_words_of_many_regions_are_each_regions_words_between(text, data):
    words = Segmenter().cut_raw(text)
    ends = list(accumulate(map(len, words)))
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        start = data.draw(st.integers(0, len(text)))
        spans.append((start, data.draw(st.integers(start, len(text)))))
    assert regions_words(words, text, spans) == [words_between(words, ends, text, s, e) for s, e in spans]


def test_paragraph_slices_are_taken_from_the_whole_text():
    text = "标题：智谱上市\n\n　　MiniMax公司在北京发布了新模型。\r\n第二段 ok。\n"
    words = Segmenter().cut_raw(text)
    ends = list(accumulate(map(len, words)))
    a = text.index("MiniMax")
    assert words_between(words, ends, text, a, text.index("\r")) == ["MiniMax", "公司", "在", "北京", "发布", "了", "新", "模型", "。"]
    assert words_between(words, ends, text, a, a + 3) is None  # not a word boundary
    assert words_between(words, ends, text, a + 7, text.index("\r")) is None  # MiniMax公司在北京…: one run of letters
    assert words_between(words, ends, text, text.index("智谱"), text.index("\n")) == ["智谱", "上市"]  # after punctuation
    assert words_between(words, ends, text, a, text.index("\n", a) + 0) is None  # ends inside \r\n


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=20), max_size=4), st.data())
def test_joined_words_are_the_cut_of_the_joined_text(texts, data):
    model = _model()
    given_words = [data.draw(st.sampled_from([None, "cut"])) for _ in texts]
    words = [None if g is None else model.segmenter.cut_raw(t) for g, t in zip(given_words, texts)]
    joined = model._joined_words(texts, words)
    if joined is not None:
        assert joined == model.segmenter.cut_raw(_join(texts)[0])


_CHUNK_ALPHABET = "智谱上市了公司。！？!?；;，,、：:”’」』\"AI \n\r"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_CHUNK_ALPHABET, max_size=300), max_size=5))
def test_chunks_of_the_joined_texts_are_each_texts_chunks(texts):
    joined, starts = _join(texts)
    assert chunk_spans(joined) == [span for t, s0 in zip(texts, starts) for span in chunk_spans(t, s0)]


def test_the_stage_gives_the_same_entities_without_the_tokenizers_words(nlp):
    stage = nlp.get_pipe("news_entities")
    with_words = structured(nlp)
    assert segmenter_words(with_words, stage.recognizer.model.segmenter.signature) is not None
    without = structured(nlp)
    del without.user_data[WORDS_KEY]
    assert stage(with_words)._.entities == stage(without)._.entities != []


def test_words_cut_by_another_segmenter_are_not_reused():
    doc = blank()("智谱AI发布新模型")
    other = Segmenter(user_words=[UserWord("智谱AI", None, "company")])
    assert segmenter_words(doc, Segmenter().signature) is not None
    assert segmenter_words(doc, other.signature) is None


def _spacy_ents(doc, ents):
    """What set_docs_ents should write: spaCy's own expand alignment, overlaps after the first left out."""
    spans, last = [], -1
    for e in ents:
        sp = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if sp is not None and len(sp) and sp.start >= last:
            spans.append(sp)
            last = sp.end
    doc.set_ents(spans, default="outside")


@st.composite
def _docs_with_entities(draw):
    words = st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=6)
    out = []
    for text in draw(st.lists(words.map(" ".join), min_size=1, max_size=4)):
        spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 3)), max_size=4))
        ents = sorted(
            (Entity(text[a : a + n], a, a + n, draw(st.sampled_from(["PER", "ORG"])), "name", "x", 1.0, "t")
             for a, n in spans if a + n <= len(text)),
            key=lambda e: (e.start, e.end),
        )
        kb = draw(st.lists(st.integers(0, 5), max_size=3))  # tokens given a knowledge-base id beforehand
        out.append((text, ents, kb))
    return out


@settings(max_examples=200, deadline=None)
@given(_docs_with_entities())
def test_entities_of_many_docs_are_set_as_spacy_sets_them_doc_by_doc(docs_ents):
    from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

    nlp = _english()
    got = [nlp(text) for text, _, _ in docs_ents]
    want = [nlp(text) for text, _, _ in docs_ents]
    for docs in (got, want):  # spaCy keeps the ids outside entities and clears them inside
        for doc, (_, _, kb) in zip(docs, docs_ents):
            for i in kb:
                if i < len(doc):
                    doc[i].ent_kb_id_ = f"Q{i}"
    set_docs_ents(got, [ents for _, ents, _ in docs_ents])
    for doc, (_, ents, _) in zip(want, docs_ents):
        _spacy_ents(doc, ents)
    attrs = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
    assert [d.to_array(attrs).tolist() for d in got] == [d.to_array(attrs).tolist() for d in want]


@lru_cache(maxsize=1)
def _english():
    return spacy.blank("en")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="甲乙a 。！？!?；;”’」』\"\n\r，,、：:", max_size=60), st.integers(0, 3), st.sampled_from([3, 7, 120]))
def test_chunks_found_in_numpy_are_the_chunks_the_regex_finds(text, base, max_len):
    assert chunk_spans(text, base, max_len) == chunk_spans_re(text, base, max_len)


def test_entities_go_on_the_same_tokens_whether_or_not_news_structure_left_its_token_bounds():
    from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

    from nlp_news.extensions import TOKEN_BOUNDS_KEY, stored_token_bounds

    nlp = blank()
    nlp.add_pipe("news_structure")
    nlp.add_pipe("news_entities")
    text = f"{TITLE}\n\n{BODY} 结尾有空格 \n\n智谱 AI 发布 GLM 模型 "
    with_bounds = nlp(text)
    assert stored_token_bounds(with_bounds, len(text)) is not None
    without = nlp.make_doc(text)
    without = nlp.get_pipe("news_structure")(without)
    del without.user_data[TOKEN_BOUNDS_KEY]
    without = nlp.get_pipe("news_entities")(without)
    attrs = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
    assert len(with_bounds.ents) > 3
    assert with_bounds.to_array(attrs).tolist() == without.to_array(attrs).tolist()
    # bounds of another tokenisation (or of another text) are not used
    assert stored_token_bounds(with_bounds, len(text) + 1) is None
    with with_bounds.retokenize() as retok:
        retok.merge(with_bounds[0:2])
    assert stored_token_bounds(with_bounds, len(text)) is None


@pytest.mark.parametrize("enabled", [True, False])
def test_a_batch_runs_with_the_garbage_collector_paused_and_leaves_it_as_it_was(nlp, monkeypatch, enabled):
    import gc

    from nlp_news.entities import component

    seen = []
    process = component.NewsEntities._process
    monkeypatch.setattr(component.NewsEntities, "_process", lambda self, docs: seen.append(gc.isenabled()) or process(self, docs))
    (gc.enable if enabled else gc.disable)()
    try:
        docs = list(nlp.pipe([TITLE, BODY]))
        assert seen == [False] and gc.isenabled() is enabled
        assert [e.text for e in docs[0]._.entities] == ["MiniMax", "智谱AI"]
    finally:
        gc.enable()


def test_the_garbage_collector_comes_back_after_an_error_in_a_batch():
    import gc

    from nlp_news.entities.component import collector_paused

    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        assert not gc.isenabled()
        raise KeyError("x")
    assert gc.isenabled()
