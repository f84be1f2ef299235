"""Sentiment and theme: behaviour of the shipped models, the features, the
spaCy stage, save/load, and training end to end on a tiny set we write here.

Every sentence below was written for these tests in the style of Chinese
financial and tech news; none comes from the shared data.
"""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from click.testing import CliRunner

from nlp_news.cli.labels import (
    evaluate_sentiment,
    evaluate_theme,
    train_sentiment,
    train_theme,
)
from nlp_news.labels.features import Featurizer
from nlp_news.labels.models import SentimentModel, ThemeModel, with_context
from nlp_news.schema import SENTIMENTS, THEMES, Label
from nlp_news.training.labels import Example, detect_format, evaluate, train_labels

POSITIVE = [
    "受益于新产品热销，公司今年前三季度业绩大增，营收同比增长170%，净利润创下历史新高。",
    "该公司新一代芯片获得市场一致好评，订单大幅增长，分析师纷纷上调其目标价。",
    "凭借出色的表现，这支球队在决赛中以3比0击败对手，夺得本赛季联赛冠军。",
]
NEGATIVE = [
    "财报显示，公司上半年净亏损扩大至5.12亿元，营收同比下滑30%，现金流持续恶化。",
    "这家公司近日遭多家影视公司起诉，被指控侵犯版权，或将面临巨额赔偿。",
    "价格战对中小厂商造成了毁灭性打击，多家企业被迫裁员，部分工厂已经停产倒闭。",
]
NEUTRAL = [
    "公司将于下周三召开年度股东大会，会议地点设在北京总部。",
    "根据通知，报名时间为3月1日至3月15日，考生需携带身份证到指定地点确认信息。",
]
THEME_CASES = [
    ("sports", "主队在下半场连进两球，最终以2比1逆转取胜，球队主教练赛后接受了记者采访。"),
    ("realty", "今年一季度该市新建商品住宅成交均价环比上涨，开发商推盘量明显增加，购房者观望情绪浓厚。"),
    ("education", "今年高考报名人数再创新高，教育部要求各地做好考务组织工作，确保考生顺利参加考试。"),
    # stocks: cnews has no stocks channel; the labelled news passages teach it (since the training
    # set keeps their labels over the cnews chunks with the same text)
    ("stocks", "沪深两市今日小幅高开，上证指数午后震荡回落，收盘下跌0.5%，两市成交额不足五千亿元。"),
    ("gaming", "这款网络游戏新版本开放了全新副本，玩家可以组队挑战首领，完成任务获得稀有装备。"),
]


@pytest.fixture(scope="module")
def sentiment():
    return SentimentModel.load("sentiment")


@pytest.fixture(scope="module")
def theme():
    return ThemeModel.load("theme")


@pytest.fixture(scope="module")
def nlp():
    import nlp_news.labels.component
    import nlp_news.tokenizer  # noqa: F401

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1"}}})
    nlp.add_pipe("news_labels")
    return nlp


def _p(model, text, cls):
    return float(model.predict_proba([text])[0][model.classes_.index(cls)])


@pytest.mark.parametrize(
    "text",
    [
        POSITIVE[0],
        POSITIVE[1],  # read neutral before punct "clause" (now positive 0.49 against neutral 0.49: narrowly)
        POSITIVE[2],
    ],
)
def test_clearly_positive_news_is_positive(sentiment, text):
    assert sentiment.predict([text]) == ["positive"]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clearly_negative_news_is_negative(sentiment, text):
    assert sentiment.predict([text]) == ["negative"]


@pytest.mark.parametrize("text", NEUTRAL)
def test_factual_announcement_is_neutral(sentiment, text):
    assert sentiment.predict([text]) == ["neutral"]


@pytest.mark.parametrize(
    ("plain", "negated", "cls"),
    [
        ("多数分析师看好这家公司明年的盈利前景。", "多数分析师不看好这家公司明年的盈利前景。", "positive"),
        ("公司去年出现亏损，经营压力较大。", "公司去年没有亏损，经营压力不大。", "negative"),
    ],
)
def test_negation_moves_probability_away_from_the_plain_class(sentiment, plain, negated, cls):
    assert _p(sentiment, plain, cls) > _p(sentiment, negated, cls)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("分析师不看好该股", "pos->neg"),
        ("公司没有亏损", "neg->pos"),
        ("营收增长170%", "up+num"),
        ("净亏损5.12亿元", "down+num"),
        ("分析师看好该股", "pos"),
    ],
)
def test_news_cues_see_negation_and_numbers(text, cue):
    assert cue in Featurizer(bits=16).cues(text)


def test_negator_does_not_reach_past_two_tokens():
    assert "pos->neg" not in Featurizer(bits=16).cues("并不是因为今年市场的表现而看好")


# -- punctuation in the features (meta.json "punct") ----------------------------------
PUNCT_TEXT = "“利润，增长。”营收增长170%，净亏损5.12亿元！"
PUNCT_TOKENS = ["“", "利润", "，", "增长", "。", "”", "营收", "增长", "170", "%", "，", "净亏损", "5.12", "亿元", "！"]


def _bounds(tokens):
    lens = np.array([len(t) for t in tokens])
    ends = np.cumsum(lens)
    return ends - lens, ends


def _features(fx, texts, tokens=None):
    """The multiset of (text, bucket) pairs of ``texts``."""
    r, idx, _ = fx.transform(texts, tokens=tokens)
    return sorted(zip(r.tolist(), idx.tolist()))


def test_punct_keep_hashes_as_the_first_models_did():
    # pinned with the featurizer of the shipped models before the setting existed: a model whose
    # meta.json has no "punct" must see exactly these features
    import hashlib

    fx = Featurizer.from_meta({"bits": 16, "char_ngrams": [1, 2, 3], "words": True, "cues": True})
    assert fx.punct == "keep" and fx == Featurizer(bits=16)
    r, idx, _ = fx.transform([PUNCT_TEXT, "楼市回暖"], tokens=_bounds(PUNCT_TOKENS))
    assert len(r) == 123
    digest = hashlib.sha1(np.stack([r, idx]).astype("<i8").tobytes()).hexdigest()
    assert digest == "c165df0fd82ae6771f21dcd65cc982c167f1b861"


def test_punct_setting_is_saved_and_old_meta_reads_as_keep():
    old = {"bits": 18, "char_ngrams": [1, 2, 3], "words": True, "cues": True}
    assert Featurizer.from_meta(old).to_meta() == {**old, "punct": "keep"}
    for punct in ("drop", "split", "clause"):
        assert Featurizer.from_meta(Featurizer(punct=punct).to_meta()).punct == punct
    with pytest.raises(ValueError, match="punct"):
        Featurizer(punct="strip")


def test_punct_drop_leaves_out_the_character_ngrams_of_punctuation_only():
    chars = {"char_ngrams": (1, 2, 3), "words": False, "cues_on": False, "bits": 16}
    keep = _features(Featurizer(**chars), ["利润，。增长"])
    drop = _features(Featurizer(**chars, punct="drop"), ["利润，。增长"])
    # what drop leaves out is exactly the n-grams of "，。" (，, 。, ，。) and nothing else
    only_punct = [f for f in _features(Featurizer(**chars), ["，。"]) if f in keep]
    bias = _features(Featurizer(**chars), [""])
    gone = list(keep)
    for f in drop:
        gone.remove(f)
    assert sorted(gone) == sorted(f for f in only_punct if f not in bias)
    assert len(gone) == 3
    # n-grams that mix punctuation and text stay (润，, ，。增 ...); so does % after a number
    assert len(drop) == len(keep) - 3
    pct = _features(Featurizer(**chars, punct="drop"), ["增长5%"])
    assert pct == _features(Featurizer(**chars), ["增长5%"])


def test_punct_split_breaks_ngrams_at_punctuation_as_at_a_space():
    chars = {"char_ngrams": (1, 2, 3), "words": False, "cues_on": False, "bits": 16}
    split = _features(Featurizer(**chars, punct="split"), ["利润，增长。“好”"])
    assert split == _features(Featurizer(**chars), ["利润 增长  好 "])
    assert _features(Featurizer(**chars, punct="split"), ["，。！"]) == _features(Featurizer(**chars), [""])


def test_punct_clause_drops_the_clause_marks_only():
    chars = {"char_ngrams": (1, 2, 3), "words": False, "cues_on": False, "bits": 16}
    clause = Featurizer(**chars, punct="clause")
    # ，。、； and their pairs go; the title marks stay
    assert _features(clause, ["，。、；"]) == _features(Featurizer(**chars), [""])
    assert _features(clause, ["《游戏》：“好”"]) == _features(Featurizer(**chars), ["《游戏》：“好”"])
    keep = _features(Featurizer(**chars), ["利润，增长"])
    assert len(_features(clause, ["利润，增长"])) == len(keep) - 1


@pytest.mark.parametrize(("punct", "n_words"), [("keep", 3 + 2), ("drop", 2 + 2), ("split", 2 + 0), ("clause", 2 + 2)])
def test_punct_setting_applies_to_words_too(punct, n_words):
    # 利润 ， 增长: unigrams 利润, ，, 增长 and bigrams 利润+， and ，+增长; "drop" leaves out the
    # unigram ，, "split" also every bigram with it
    fx = Featurizer(bits=16, char_ngrams=(), cues_on=False, punct=punct)
    r, _, _ = fx.transform(["利润，增长"], tokens=_bounds(["利润", "，", "增长"]))
    assert len(r) == n_words + 1  # + the bias feature


def test_punct_setting_keeps_the_news_cues():
    text = "公司没有亏损，营收增长170%。"
    for punct in ("drop", "split", "clause"):
        assert Featurizer(bits=16, punct=punct).cues(text) == Featurizer(bits=16).cues(text)


@pytest.mark.parametrize("text", [*POSITIVE, *NEGATIVE, *NEUTRAL, "", "  ", "ABC 123"])
def test_probabilities_sum_to_one(sentiment, theme, text):
    for model in (sentiment, theme):
        p = model.predict_proba([text])
        assert p.shape == (1, len(model.classes_))
        assert abs(p.sum() - 1) < 1e-9 and (p >= 0).all()


@pytest.mark.parametrize(("want", "text"), THEME_CASES)
def test_paragraph_theme(theme, want, text):
    assert theme.predict([text]) == [want]


def test_classes_are_the_schema_ids(sentiment, theme):
    assert tuple(sentiment.classes_) == SENTIMENTS
    assert tuple(theme.classes_) == THEMES


def test_batch_scores_equal_one_by_one(sentiment):
    texts = POSITIVE + NEGATIVE
    batch = sentiment.predict_proba(texts)
    single = np.vstack([sentiment.predict_proba([t]) for t in texts])
    np.testing.assert_allclose(batch, single, rtol=1e-6, atol=1e-9)


def test_save_load_round_trip_gives_identical_scores(sentiment, theme, tmp_path):
    texts = POSITIVE + NEGATIVE + NEUTRAL
    for model, cls in ((sentiment, SentimentModel), (theme, ThemeModel)):
        model.save(tmp_path / model.task)
        again = cls.load(tmp_path / model.task)
        assert np.array_equal(model.predict_proba(texts), again.predict_proba(texts))
        for head in model.heads:
            assert np.array_equal(model.predict_proba(texts, head=head), again.predict_proba(texts, head=head))


def _with_news_offsets(model, offsets):
    """A copy of ``model`` (same weights) whose news head has ``offsets``."""
    return SentimentModel(
        model.task,
        model.classes_,
        model.featurizer,
        model.qweights,
        model.intercepts,
        model.temperatures,
        default_head=model.default_head,
        meta=model.meta,
        offsets={"news": offsets},
    )


def test_news_offsets_survive_save_and_load_with_identical_scores(sentiment, tmp_path):
    texts = POSITIVE + NEGATIVE + NEUTRAL
    model = _with_news_offsets(sentiment, [0.7, 0.0, -0.3])
    model.save(tmp_path / "s")
    again = SentimentModel.load(tmp_path / "s")
    assert list(again.offsets) == ["news"] and again.offsets["news"].tolist() == [0.7, 0.0, -0.3]
    for head in model.heads:
        assert np.array_equal(model.predict_proba(texts, head=head), again.predict_proba(texts, head=head))


def test_news_offsets_shift_the_news_scores_only(sentiment):
    texts = POSITIVE + NEGATIVE + NEUTRAL + [""]
    model = _with_news_offsets(sentiment, [0.7, 0.0, -0.3])
    base = _with_news_offsets(sentiment, [0.0, 0.0, 0.0])
    z, t = base.logits(texts), base.temperatures["news"]
    want = np.exp((z + [0.7, 0.0, -0.3]) / t)
    np.testing.assert_allclose(model.predict_proba(texts), want / want.sum(axis=1, keepdims=True), rtol=1e-9)
    for p in (model.predict_proba(texts), _with_news_offsets(sentiment, [40.0, 0.0, -40.0]).predict_proba(texts)):
        assert np.allclose(p.sum(axis=1), 1, atol=1e-9) and (p >= 0).all()
    # the positive class gains against neutral by exp(0.7 / T) in odds, whatever the text
    pos, neu = SENTIMENTS.index("positive"), SENTIMENTS.index("neutral")
    ratio = (model.predict_proba(texts)[:, pos] / model.predict_proba(texts)[:, neu]) / (
        base.predict_proba(texts)[:, pos] / base.predict_proba(texts)[:, neu]
    )
    np.testing.assert_allclose(ratio, np.exp(0.7 / t), rtol=1e-6)
    for head in ("review", "ccf"):
        assert np.array_equal(model.predict_proba(texts, head=head), base.predict_proba(texts, head=head))


def test_offsets_need_one_value_per_class(sentiment):
    with pytest.raises(ValueError, match="one value per class"):
        _with_news_offsets(sentiment, [0.5, 0.0])


def test_loading_a_theme_model_as_sentiment_is_refused(tmp_path, theme):
    theme.save(tmp_path / "t")
    with pytest.raises(ValueError, match="sentiment"):
        SentimentModel.load(tmp_path / "t")


def test_unknown_head_says_which_exist(sentiment):
    with pytest.raises(ValueError, match="news"):
        sentiment.predict_proba(["x"], head="tweets")


# -- the spaCy stage -------------------------------------------------------------
ARTICLE_TITLE = "某科技公司赴港上市"
ARTICLE_PARAS = [POSITIVE[0], NEUTRAL[0], NEGATIVE[0]]


def _doc(nlp, with_paragraphs=True, title=ARTICLE_TITLE, paragraphs=ARTICLE_PARAS):
    """A Doc of ``title`` and ``paragraphs`` (one per line), with their span groups."""
    text = title + "\n" + "\n".join(paragraphs)
    doc = nlp.make_doc(text)
    if with_paragraphs:
        spans, pos = [], len(title) + 1
        for p in paragraphs:
            spans.append(doc.char_span(pos, pos + len(p), alignment_mode="expand"))
            pos += len(p) + 1
        doc.spans["paragraphs"] = spans
        doc.spans["title"] = [doc.char_span(0, len(title), alignment_mode="expand")]
    return doc


def test_component_labels_every_paragraph_and_the_article(nlp):
    doc = nlp.get_pipe("news_labels")(_doc(nlp))
    paras = list(doc.spans["paragraphs"])
    assert [s._.sentiment.label for s in paras] == ["positive", "neutral", "negative"]
    for s in paras:
        assert isinstance(s._.theme, Label) and s._.theme.label in THEMES
        assert abs(sum(s._.sentiment.scores.values()) - 1) < 1e-9
        assert s._.sentiment.source == "model:sentiment@1"
    assert isinstance(doc._.sentiment, Label) and abs(sum(doc._.sentiment.scores.values()) - 1) < 1e-9
    assert isinstance(doc._.themes, Label) and abs(sum(doc._.themes.scores.values()) - 1) < 1e-9
    s = doc._.summary
    assert s["most_positive"] == 0 and s["most_negative"] == 2
    assert s["sentiment"] == doc._.sentiment.label
    assert len(s["themes"]) == 3 and s["themes"][0][0] == doc._.themes.label


def test_component_scores_equal_the_model_on_the_paragraph_text(nlp, sentiment):
    doc = nlp.get_pipe("news_labels")(_doc(nlp))
    for span in doc.spans["paragraphs"]:
        want = sentiment.predict_proba([span.text])[0]
        got = np.array([span._.sentiment.scores[c] for c in sentiment.classes_])
        np.testing.assert_allclose(got, want, atol=1e-6)


def test_component_gives_the_same_labels_with_the_structure_stages_token_bounds_and_without():
    import nlp_news.labels.component
    import nlp_news.text.component
    import nlp_news.tokenizer  # noqa: F401
    from nlp_news.extensions import TOKEN_BOUNDS_KEY

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1"}}})
    nlp.add_pipe("news_structure")
    nlp.add_pipe("news_labels")
    text = ARTICLE_TITLE + "\n" + "\n".join(ARTICLE_PARAS)
    with_bounds = nlp(text)  # news_structure stored the tokens' bounds; the label stage used them
    assert TOKEN_BOUNDS_KEY in with_bounds.user_data
    doc = nlp.get_pipe("news_structure")(nlp.make_doc(text))
    del doc.user_data[TOKEN_BOUNDS_KEY]  # the label stage reads the tokens themselves
    doc = nlp.get_pipe("news_labels")(doc)
    for a, b in zip(with_bounds.spans["paragraphs"], doc.spans["paragraphs"]):
        assert a._.sentiment == b._.sentiment and a._.theme == b._.theme
    assert with_bounds._.sentiment == doc._.sentiment and with_bounds._.themes == doc._.themes


def test_component_without_paragraphs_labels_the_whole_text(nlp):
    doc = nlp(ARTICLE_PARAS[2])
    assert doc._.sentiment.label == "negative"
    assert doc._.summary["most_negative"] == 0


def test_component_on_an_empty_doc_gives_labels_that_sum_to_one(nlp):
    doc = nlp("")
    assert abs(sum(doc._.sentiment.scores.values()) - 1) < 1e-9
    assert doc._.summary["themes"] and abs(sum(doc._.themes.scores.values()) - 1) < 1e-9


def test_pipe_gives_the_same_labels_as_one_doc_at_a_time(nlp):
    stage = nlp.get_pipe("news_labels")
    one = [stage(_doc(nlp)) for _ in range(3)]
    many = list(stage.pipe([_doc(nlp), nlp.make_doc(NEGATIVE[1]), _doc(nlp)], batch_size=2))
    for a, b in ((one[0], many[0]), (one[2], many[2])):
        assert a._.summary == b._.summary
        assert [s._.sentiment for s in a.spans["paragraphs"]] == [s._.sentiment for s in b.spans["paragraphs"]]


def test_component_paragraph_theme_has_its_article_as_prior(nlp, theme):
    doc = nlp.get_pipe("news_labels")(_doc(nlp))
    article = np.array([[doc._.themes.scores[c] for c in theme.classes_]])
    for span in doc.spans["paragraphs"]:
        want = with_context(theme.predict_proba([span.text]), article, theme.context_weight, theme.context_temperature)[0]
        got = np.array([span._.theme.scores[c] for c in theme.classes_])
        np.testing.assert_allclose(got, want, atol=1e-6)
        assert span._.theme.label == theme.classes_[int(want.argmax())]


def _with_punct(model, cls, punct):
    """A copy of ``model`` (same weights) that hashes texts with another punct setting."""
    return cls(
        model.task,
        model.classes_,
        Featurizer.from_meta({**model.featurizer.to_meta(), "punct": punct}),
        model.qweights,
        model.intercepts,
        model.temperatures,
        default_head=model.default_head,
        meta=model.meta,
        offsets=model.offsets,
    )


def test_component_scores_each_model_with_its_own_punct_setting(nlp, sentiment, theme):
    from nlp_news.labels.component import NewsLabels

    other = "drop" if sentiment.featurizer.punct != "drop" else "keep"
    themes_other = _with_punct(theme, ThemeModel, other)
    two = NewsLabels(sentiment, themes_other)(_doc(nlp))  # the two models hash differently: two passes
    one = NewsLabels(_with_punct(sentiment, SentimentModel, other), themes_other)(_doc(nlp))  # one shared pass
    shipped = nlp.get_pipe("news_labels")(_doc(nlp))
    # themes as the stage gives them when both models use the other setting; sentiment as shipped
    np.testing.assert_allclose(
        [two._.themes.scores[c] for c in THEMES], [one._.themes.scores[c] for c in THEMES], atol=1e-9
    )
    assert [s._.theme for s in two.spans["paragraphs"]] == [s._.theme for s in one.spans["paragraphs"]]
    assert [s._.sentiment for s in two.spans["paragraphs"]] == [s._.sentiment for s in shipped.spans["paragraphs"]]
    assert two._.sentiment == shipped._.sentiment
    article = np.array([[two._.themes.scores[c] for c in THEMES]])
    for span in two.spans["paragraphs"]:
        want = with_context(themes_other.predict_proba([span.text]), article, theme.context_weight, theme.context_temperature)
        np.testing.assert_allclose([span._.theme.scores[c] for c in THEMES], want[0], atol=1e-6)
    assert two._.themes.scores != shipped._.themes.scores


SPORTS_TITLE = "主队主场逆转取胜"
SPORTS_PARAS = [
    THEME_CASES[0][1],
    POSITIVE[2],
    THEME_CASES[2][1],  # education, in a sports article
    "本赛季联赛第二十轮，客队凭借下半场的两粒进球锁定胜局，积分榜上继续领跑。",
]


def test_a_paragraph_clearly_about_something_else_keeps_its_own_theme(nlp):
    doc = nlp.get_pipe("news_labels")(_doc(nlp, title=SPORTS_TITLE, paragraphs=SPORTS_PARAS))
    assert doc._.themes.label == "sports"
    assert [s._.theme.label for s in doc.spans["paragraphs"]] == ["sports", "sports", "education", "sports"]


def test_article_sentiment_weights_paragraphs_by_length(nlp):
    doc = nlp.get_pipe("news_labels")(_doc(nlp))
    probs = np.array([[s._.sentiment.scores[c] for c in SENTIMENTS] for s in doc.spans["paragraphs"]])
    w = np.array([len(s.text) for s in doc.spans["paragraphs"]], dtype=float)
    want = (probs * (w / w.sum())[:, None]).sum(axis=0)
    got = np.array([doc._.sentiment.scores[c] for c in SENTIMENTS])
    np.testing.assert_allclose(got, want / want.sum(), atol=1e-6)


# -- training end to end on a tiny set ------------------------------------------
TINY_SENTIMENT = [
    ("positive", "公司业绩大增，利润创新高"),
    ("positive", "销量增长强劲，市场好评如潮"),
    ("positive", "球队夺冠，球迷欢呼庆祝"),
    ("positive", "新品热销，订单大幅增长"),
    ("negative", "公司亏损扩大，股价暴跌"),
    ("negative", "工厂发生事故，多人受伤"),
    ("negative", "企业遭到起诉，面临巨额罚款"),
    ("negative", "营收下滑，被迫裁员"),
    ("neutral", "会议将于周一上午举行"),
    ("neutral", "报名时间为三月一日至十日"),
    ("neutral", "新产品配备六英寸屏幕"),
    ("neutral", "该公司总部位于上海"),
] * 3
TINY_THEME = [
    ("sports", "球队在主场赢得比赛"),
    ("sports", "运动员打破世界纪录"),
    ("sports", "足球联赛第十轮战罢"),
    ("education", "高考报名今日开始"),
    ("education", "学校公布招生计划"),
    ("education", "留学签证申请材料"),
    ("realty", "楼市成交量回升"),
    ("realty", "开发商推出新楼盘"),
    ("realty", "房价环比小幅上涨"),
] * 3


def _write(path, rows):
    path.write_text("".join(f"{lab}\t{text}\n" for lab, text in rows), encoding="utf-8")
    return path


def test_training_on_a_tiny_set_with_functions(tmp_path):
    ex = [Example(t, lab, "news", f"g{i}") for i, (lab, t) in enumerate(TINY_SENTIMENT)]
    _, report = train_labels("sentiment", ex, out=tmp_path / "s", bits=14, log=lambda m: None)
    assert report["train_size"] > 0
    off = report["offsets"]
    assert off["head"] == "news" and off["offsets"]["neutral"] == 0.0 and 0 < off["cv"]["n"] <= len(TINY_SENTIMENT)
    assert off["cv"]["with"]["macro_f1"] >= off["cv"]["without"]["macro_f1"]
    again = SentimentModel.load(tmp_path / "s")
    assert again.offsets["news"].tolist() == [off["offsets"][c] for c in SENTIMENTS]
    assert again.predict(["公司业绩大增，利润创新高"]) == ["positive"]
    assert again.predict(["公司亏损扩大，股价暴跌"]) == ["negative"]
    m = evaluate(again, [Example(t, lab, "news", "x") for lab, t in TINY_SENTIMENT[:12]])
    assert m["accuracy"] > 0.9 and len(m["confusion"]) == 3


def test_training_and_evaluating_through_the_cli(tmp_path):
    runner = CliRunner()
    s_data = _write(tmp_path / "sent.tsv", TINY_SENTIMENT)
    t_data = _write(tmp_path / "theme.tsv", TINY_THEME)
    for cmd, data, out in ((train_sentiment, s_data, "s"), (train_theme, t_data, "t")):
        res = runner.invoke(cmd, ["--data", str(data), "--out", str(tmp_path / out), "--bits", "14"])
        assert res.exit_code == 0, res.output
        assert (tmp_path / out / "meta.json").exists()
    res = runner.invoke(evaluate_sentiment, ["--data", str(s_data), "--model", str(tmp_path / "s")])
    assert res.exit_code == 0, res.output
    assert "accuracy=" in res.output and "macro-F1=" in res.output and "negative" in res.output
    res = runner.invoke(evaluate_theme, ["--data", str(t_data), "--model", str(tmp_path / "t"), "--json"])
    assert res.exit_code == 0, res.output
    assert '"accuracy"' in res.output


def test_training_with_a_punct_setting_stores_it_and_names_it_in_the_card(tmp_path):
    data = _write(tmp_path / "theme.tsv", TINY_THEME)
    args = ["--data", str(data), "--out", str(tmp_path / "t"), "--bits", "14", "--punct", "split"]
    res = CliRunner().invoke(train_theme, args)
    assert res.exit_code == 0, res.output
    model = ThemeModel.load(tmp_path / "t")
    assert model.featurizer.punct == "split" and model.meta["featurizer"]["punct"] == "split"
    assert "--bits 14 --punct split" in (tmp_path / "t" / "MODEL_CARD.md").read_text(encoding="utf-8")
    model.save(tmp_path / "again")
    again = ThemeModel.load(tmp_path / "again")
    texts = [t for _, t in TINY_THEME[:9]]
    assert again.featurizer.punct == "split" and np.array_equal(again.predict_proba(texts), model.predict_proba(texts))


def test_the_cli_offers_the_featurizer_punct_settings():
    from nlp_news.cli.labels import PUNCT_SETTINGS as CLI_SETTINGS
    from nlp_news.labels.features import PUNCT_SETTINGS

    assert CLI_SETTINGS == PUNCT_SETTINGS


def test_retraining_keeps_the_hand_written_part_of_the_model_card(tmp_path):
    from nlp_news.modelio import KEPT_MARKER

    runner = CliRunner()
    data = _write(tmp_path / "sent.tsv", TINY_SENTIMENT)
    args = ["--data", str(data), "--out", str(tmp_path / "s"), "--bits", "14"]
    assert runner.invoke(train_sentiment, args).exit_code == 0
    card = tmp_path / "s" / "MODEL_CARD.md"
    notes = f"{KEPT_MARKER}\n\n## Notes and experiments\n\nC 3 was tried and not adopted.\n"
    card.write_text(card.read_text(encoding="utf-8").replace("## Rebuild", "## Rebuild\n\nstale line") + "\n" + notes, encoding="utf-8")
    assert runner.invoke(train_sentiment, args).exit_code == 0
    again = card.read_text(encoding="utf-8")
    assert again.endswith(notes) and again.count(KEPT_MARKER) == 1
    assert "stale line" not in again and again.startswith("# sentiment model")


def test_training_rejects_labels_of_the_other_task(tmp_path):
    data = _write(tmp_path / "theme.tsv", TINY_THEME)
    res = CliRunner().invoke(train_sentiment, ["--data", str(data), "--out", str(tmp_path / "x"), "--bits", "14"])
    assert res.exit_code != 0 and "not sentiment classes" in res.output


def test_unknown_file_format_asks_for_format_option(tmp_path):
    p = tmp_path / "data.xyz"
    p.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(train_sentiment, ["--data", str(p)])
    assert res.exit_code != 0 and "--format" in res.output


@pytest.mark.parametrize(
    ("path", "fmt"), [("a/chnsenticorp/test.tsv", "chnsenticorp"), ("thucnews-titles/test.txt", "titles")]
)
def test_format_is_told_by_file_name(path, fmt):
    assert detect_format(path) == fmt


def _tiny_theme_in_articles():
    """TINY_THEME as paragraphs of nine articles (three per theme), each paragraph with its article."""
    by_theme: dict[str, list[str]] = {}
    for lab, text in TINY_THEME[:9]:
        by_theme.setdefault(lab, []).append(text)
    ex = []
    for lab, texts in by_theme.items():
        for i in range(3):
            group = f"{lab}:{i}"
            article = "。".join(texts[i:] + texts[:i]) + "。"
            ex.append(Example(article, lab, "article", group))
            ex += [Example(t, lab, "paragraph", group, 1.0, article) for t in texts]
    return ex


def test_training_tunes_the_article_prior_of_paragraph_themes(tmp_path):
    ex = _tiny_theme_in_articles()
    _, report = train_labels("theme", ex, out=tmp_path / "t", bits=14, dev_frac=0, context_folds=3, log=lambda m: None)
    ctx = report["context"]
    assert ctx["cv"]["n"] == 27 and ctx["folds"] == 3 and ctx["head"] == "article"
    assert ctx["weight"] in [r["weight"] for r in ctx["cv"]["grid"]]
    again = ThemeModel.load(tmp_path / "t")
    assert again.context_weight == ctx["weight"] and again.meta["context"]["head"] == "article"
    assert again.context_temperature == ctx["temperature"] > 0
    p = again.predict_proba_in_context([TINY_THEME[0][1]], [ex[0].text])
    assert p.shape == (1, len(THEMES)) and abs(p.sum() - 1) < 1e-9
    m = evaluate(again, [e for e in ex if e.domain == "paragraph"], head="paragraph", context=True)
    assert m["n"] == 27


def test_training_without_articles_stores_no_context(tmp_path):
    ex = [Example(t, lab, "paragraph", f"g{i}") for i, (lab, t) in enumerate(TINY_THEME)]
    _, report = train_labels("theme", ex, out=tmp_path / "t", bits=14, log=lambda m: None)
    assert "context" not in report
    assert ThemeModel.load(tmp_path / "t").context_weight == 0.0
