"""The whole pipeline through the Python API: schema, offsets, stages, options."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import nlp_news
from nlp_news.analyzer import EmptyTextError, TextTooLongError
from nlp_news.io.read import read_article
from nlp_news.schema import Entity, Fact

from .conftest import SAMPLE_FILES, SAMPLES

VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((resources.files("nlp_news") / "schema.json").read_text(encoding="utf-8"))
)


@pytest.fixture(scope="module")
def sample_results(analyzer):
    out = {}
    for path in SAMPLE_FILES:
        art = read_article(path)
        out[path.name] = analyzer.analyze(art.text, title=art.title, published=art.published).to_dict()
    return out


def test_every_sample_gives_a_valid_nlp_news_1_record(sample_results):
    assert len(sample_results) >= 6
    for name, d in sample_results.items():
        errors = sorted(VALIDATOR.iter_errors(d), key=str)
        assert not errors, f"{name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_every_span_of_every_sample_round_trips_to_the_users_text(sample_results):
    for name, d in sample_results.items():
        text = d["text"]
        for rec in d["entities"] + d["facts"]:
            assert 0 <= rec["start"] < rec["end"] <= len(text), name
            assert text[rec["start"] : rec["end"]] == rec["text"], (name, rec)
        for rec in d["boilerplate"]:
            assert text[rec["start"] : rec["end"]] == rec["text"], (name, rec)
        for rec in d["paragraphs"] + d["sentences"]:
            span = text[rec["start"] : rec["end"]]
            assert span and span == span.strip(), (name, rec)


def test_full_width_digits_are_found_and_reported_as_written(sample_results):
    d = sample_results["fullwidth.txt"]
    texts = [f["text"] for f in d["facts"]]
    assert any("５０．７％" in t for t in texts)
    pct = next(f for f in d["facts"] if "５０．７％" in f["text"])
    assert pct["kind"] == "percent" and pct["value"] == pytest.approx(50.7)


def test_gbk_sample_is_analysed_like_utf8(analyzer):
    art = read_article(SAMPLES / "retail-gbk.txt")
    d = analyzer.analyze(art.text).to_dict()
    assert any(f["kind"] == "money" for f in d["facts"])
    assert d["title"] == "双十一电商大促收官：多家平台成交额创新高"


def test_traditional_article_is_flagged_and_spans_stay_in_its_script(sample_results):
    d = sample_results["hk-traditional.txt"]
    assert d["script"] == "traditional"
    money = [f for f in d["facts"] if f["kind"] == "money"]
    assert money and all(f["currency"] == "HKD" for f in money)
    assert any("億港元" in f["text"] for f in money)


def test_boilerplate_is_dropped_from_paragraphs_and_reported(sample_results):
    d = sample_results["ai-products.txt"]
    kinds = {b["kind"] for b in d["boilerplate"]}
    assert {"share-prompt", "comment-prompt"} <= kinds
    body = "".join(d["text"][p["start"] : p["end"]] for p in d["paragraphs"])
    assert "发布评论" not in body and "分享到" not in body
    ipo = sample_results["ipo-finance.txt"]
    assert "editor-line" in {b["kind"] for b in ipo["boilerplate"]}


def test_every_paragraph_has_sentiment_and_theme_with_probabilities(sample_results):
    for d in sample_results.values():
        for p in d["paragraphs"]:
            for key in ("sentiment", "theme"):
                scores = p[key]["scores"]
                assert sum(scores.values()) == pytest.approx(1.0, abs=1e-6)
                assert p[key]["label"] == max(scores, key=scores.get)


def test_convenience_function_and_loaded_analyzer_agree(analyzer):
    text = (SAMPLES / "ipo-finance.txt").read_text(encoding="utf-8")
    assert nlp_news.analyze(text).to_dict() == analyzer.analyze(text).to_dict()


def test_pipe_keeps_order_ids_and_results(analyzer):
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt") if p.name != "retail-gbk.txt"]
    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts)]
    got = list(analyzer.pipe(records))
    assert [a.id for a in got] == [r["id"] for r in records]
    assert [a.to_dict() for a in got] == [analyzer.analyze(r["text"], id=r["id"]).to_dict() for r in records]


def test_pipe_with_two_processes_gives_the_same_results(analyzer):
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt") if p.name != "retail-gbk.txt"]
    one = [a.to_dict() for a in analyzer.pipe(texts)]
    two = [a.to_dict() for a in analyzer.pipe(texts, n_process=2)]
    assert two == one


def test_analysis_round_trips_through_its_dict_and_keeps_a_doc(analyzer):
    text = (SAMPLES / "ai-products.txt").read_text(encoding="utf-8")
    a = analyzer.analyze(text, published="2025-11-01", id="x1")
    d = a.to_dict()
    again = nlp_news.Analysis.from_dict(d, analyzer=analyzer)
    assert again.to_dict() == d
    assert again.doc.text == a.doc.text
    assert len(a.doc.spans["paragraphs"]) == len(d["paragraphs"])


def test_stages_can_be_switched_off():
    a = nlp_news.load(disable=["entities", "labels"])
    d = a.analyze("深言科技今年营收增长三成，达到12亿元。").to_dict()
    assert d["stages"] == ["facts", "keywords"]
    assert d["entities"] == [] and d["sentiment"] is None
    assert d["facts"], "the facts stage still runs"
    assert "news_entities" not in a.pipe_names


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(ValueError, match="stages that can be switched off"):
        nlp_news.load(disable=["sentiment"])


def test_empty_and_oversized_texts_are_refused_with_a_reason(analyzer):
    with pytest.raises(EmptyTextError):
        analyzer.analyze(" \n\u3000")
    small = nlp_news.load(disable=["entities", "facts", "labels", "keywords"], max_chars=100)
    with pytest.raises(TextTooLongError, match="max_chars"):
        small.analyze("长" * 101)


def test_user_dictionary_reaches_segmentation_and_entities(tmp_path):
    udict = tmp_path / "user.txt"
    udict.write_text("言川写作 company\n林思远 name\n", encoding="utf-8")
    a = nlp_news.load(user_dict=udict)
    r = a.analyze("言川写作今年推出新产品，创始人林思远表示将继续投入研发。")
    assert "言川写作" in [t.text for t in r.doc]
    found = {(e.text, e.type) for e in r.entities}
    assert ("言川写作", "company") in found and ("林思远", "name") in found


def test_loading_does_not_touch_jiebas_global_tokenizer(tmp_path):
    import jieba

    udict = tmp_path / "user.txt"
    udict.write_text("言川写作 company\n", encoding="utf-8")
    nlp_news.load(user_dict=udict, disable=["entities", "facts", "labels", "keywords"]).analyze("言川写作")
    assert jieba.dt.initialized is False or "言川写作" not in jieba.dt.FREQ


def test_relative_dates_resolve_against_published(analyzer):
    text = "公司今年前三季度营收增长两成。"
    unresolved = analyzer.analyze(text).to_dict()["facts"]
    resolved = analyzer.analyze(text, published="2025-10-20").to_dict()["facts"]
    period = next(f for f in resolved if f["kind"] == "date")
    assert period["value"] == {"start": "2025-01", "end": "2025-09"}
    assert next(f for f in unresolved if f["kind"] == "date")["value"] is None


def test_the_jieba_backend_gives_the_same_entities_as_the_default():
    text = (SAMPLES / "ai-products.txt").read_text(encoding="utf-8")
    fast = nlp_news.load(disable=["facts", "labels"]).analyze(text)
    reference = nlp_news.load(segmenter="jieba", disable=["facts", "labels"]).analyze(text)
    assert [t.text for t in reference.doc] == [t.text for t in fast.doc]
    assert reference.entities == fast.entities


@pytest.mark.parametrize("record", [
    Entity("智谱AI", 0, 4, "ORG", "company", "智谱AI", 0.9, "rule:latin"),
    Fact("10-20亿元", 3, 10, "money", {"low": 1e9, "high": 2e9}, currency="CNY",
                         period={"start": "2025-01", "end": "2025-09"}, linked_by={"period": "rule"}),
])
def test_record_to_dict_is_every_field_as_json(record):
    # to_dict is written out by hand for speed; it must still be the whole dataclass.
    from dataclasses import asdict

    d = record.to_dict()
    assert d == asdict(record)
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    for key in ("value", "period", "linked_by"):
        if isinstance(getattr(record, key, None), dict):
            assert d[key] is not getattr(record, key)  # a copy, not the record's own dict


def test_vocabulary_is_bounded_and_results_do_not_depend_on_it():
    # A long batch run must not grow spaCy's string store without end.
    texts = [read_article(p).text for p in SAMPLE_FILES[:3]]
    bounded = nlp_news.load()
    bounded.max_vocab_strings = 50
    first_vocab = bounded.nlp.vocab
    got = [bounded.analyze(t).to_dict() for t in texts] + [r.to_dict() for r in bounded.analyze_batch(texts)]
    assert bounded.nlp.vocab is not first_vocab
    assert bounded.nlp.tokenizer.vocab is bounded.nlp.vocab
    assert len(bounded.nlp.vocab.strings) < 5000
    fresh = nlp_news.load()
    want = [fresh.analyze(t).to_dict() for t in texts] * 2
    assert got == want
