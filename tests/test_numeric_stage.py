"""The news_facts stage, the facts classifier and `nlp-news facts` (sentences written for these tests)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from click.testing import CliRunner

from nlp_news.numeric.classifier import (
    AmountClassifier,
    FactClassifier,
    amount_features,
    features,
    hash_features,
    is_bare_amount,
    is_uncertain,
)
from nlp_news.numeric.component import FactsStage
from nlp_news.schema import Fact

ARTICLE = "星河科技发布财报\n2024年,星河科技营收约92亿元人民币,同比增长23.3%。公司拥有2.12亿用户。\n今年9月,12家机构下调评级。"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("zh")


def test_stage_without_span_groups_reads_the_whole_text(blank):
    doc = blank.make_doc(ARTICLE)
    doc._.published = dt.date(2025, 11, 3)
    doc = FactsStage(model=None)(doc)
    texts = [f.text for f in doc._.facts]
    assert "约92亿元人民币" in texts and "2.12亿用户" in texts
    for f in doc._.facts:
        assert doc.text[f.start : f.end] == f.text
    sept = [f for f in doc._.facts if f.text == "今年9月"][0]
    assert sept.value == "2025-09"


def test_stage_links_metric_and_period(blank):
    doc = FactsStage(model=None)(blank.make_doc(ARTICLE))
    money = [f for f in doc._.facts if f.kind == "money"][0]
    assert money.metric == "营收" and money.period == "2024"
    assert money.linked_by["metric"] == "rule"


def test_stage_uses_paragraph_spans_and_shifts_offsets(blank):
    doc = blank.make_doc(ARTICLE)
    first_nl = ARTICLE.index("\n") + 1
    doc.spans["title"] = [doc.char_span(0, first_nl - 1, alignment_mode="expand")]
    doc.spans["paragraphs"] = [doc.char_span(first_nl, len(ARTICLE), alignment_mode="expand")]
    doc = FactsStage(model=None)(doc)
    assert doc._.facts and all(ARTICLE[f.start : f.end] == f.text for f in doc._.facts)
    assert [f.start for f in doc._.facts] == sorted(f.start for f in doc._.facts)


def test_stage_sorts_the_facts_of_overlapping_spans(blank):
    # disjoint spans give the scanner's facts in order; overlapping ones are sorted by the stage
    doc = blank.make_doc(ARTICLE)
    second_nl = ARTICLE.rindex("\n")
    doc.spans["paragraphs"] = [doc.char_span(second_nl + 1, len(ARTICLE)), doc.char_span(0, len(ARTICLE))]
    doc = FactsStage(model=None)(doc)
    keys = [(f.start, f.end) for f in doc._.facts]
    assert keys == sorted(keys) and len(keys) > len(set(keys))


def test_the_pipeline_stage_cuts_the_noun_after_ge_with_the_tokenizers_segmenter(tmp_path):
    """One dictionary in memory, and the user's words reach the unit of a count (灵晶石: a made-up word)."""
    words = tmp_path / "words.txt"
    words.write_text("灵晶石 n\n", encoding="utf-8")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1", "user_dict": str(words)}}})
    stage = nlp.add_pipe("news_facts", config={"model": None})
    assert stage.segmenter is nlp.tokenizer.segmenter
    text = "队伍新增了3个灵晶石矿。"
    assert [(f.text, f.unit) for f in nlp(text)._.facts] == [("3个", "灵晶石")]
    assert [(f.text, f.unit) for f in FactsStage(model=None)(spacy.blank("zh").make_doc(text))._.facts] == [("3个", "灵")]


def test_shipped_classifier_loads_and_keeps_certain_facts():
    clf = FactClassifier.load_or_none("facts")
    if clf is None:
        pytest.skip("models/facts not built")
    text = "公司营收3亿元,拥有12家门店。"
    money = Fact("3亿元", 4, 7, "money", 300000000, currency="CNY", source="rule:money")
    assert not is_uncertain(money)
    assert clf.filter(text, [money]) == [money]
    p = clf.proba(text, Fact("12家", 11, 14, "count", 12, unit="家", source="rule:count"))
    assert 0.0 <= p <= 1.0


@pytest.mark.parametrize(
    ("text", "amount", "kind"),
    [
        ("男子冒充军官行骗500万被判刑", "500万", "money"),  # a sum stolen
        ("这套别墅叫价800万引发热议", "800万", "money"),  # an asking price
        ("本届车展观众突破60万", "60万", "number"),  # visitors, no money
        ("网站日访问量达到500万", "500万", "number"),  # visits
    ],
)
def test_shipped_amounts_model_tells_money_from_other_bare_amounts(blank, text, amount, kind):
    stage = FactsStage()
    if stage.amounts is None:
        pytest.skip("models/amounts not built")
    got = [(f.kind, f.currency, f.source) for f in stage(blank.make_doc(text))._.facts if f.text == amount]
    want_source = "model:amount" if kind == "money" else "rule:number"
    assert got == [(kind, "CNY" if kind == "money" else None, want_source)]


def test_money_the_amounts_model_makes_is_in_the_articles_currency(blank):
    stage = FactsStage()
    if stage.amounts is None:
        pytest.skip("models/amounts not built")
    text = "火箭队与中锋续约，合同总额7000万美元，另有500万奖金条款。"
    got = [(f.text, f.kind, f.currency, f.source) for f in stage(blank.make_doc(text))._.facts]
    assert ("500万", "money", "USD", "model:amount") in got


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("湖人队以年薪2400万留住中锋", "2400万", "USD"),  # an NBA club: dollars
        ("切尔西斥资1800万签下一名后卫", "1800万", "GBP"),  # a Premier League club: pounds
        ("香港一豪宅以3亿成交", "3亿", "HKD"),
        ("国内一豪宅以3亿成交", "3亿", "CNY"),  # no place abroad: the renminbi
        ("中国企业在美国投资50亿建厂", "50亿", "CNY"),  # China named too: not read
        ("足彩本期巴萨取胜，销量达2066万", "2066万", "CNY"),  # a Chinese lottery's sales
    ],
)
def test_money_with_no_currency_word_follows_the_place_its_sentence_names(blank, text, amount, currency):
    # NUMERIC-CONVENTIONS: the currency follows the meaning; an article that names no currency gets the one
    # of the place, market or club its sentence names, when it names one and not China
    stage = FactsStage()
    if stage.amounts is None:
        pytest.skip("models/amounts not built")
    got = [(f.kind, f.currency) for f in stage(blank.make_doc(text))._.facts if f.text == amount]
    assert got == [("money", currency)]


def test_a_currency_word_elsewhere_in_the_article_decides_before_a_place(blank):
    stage = FactsStage()
    if stage.amounts is None:
        pytest.skip("models/amounts not built")
    text = "湖人队以年薪2400万留住中锋。\n球队另付经纪公司佣金100万元。"
    got = [(f.text, f.kind, f.currency) for f in stage(blank.make_doc(text))._.facts]
    assert ("100万元", "money", "CNY") in got and ("2400万", "money", "CNY") in got


def test_amounts_model_asks_about_bare_amounts_only():
    never = AmountClassifier(np.zeros(8), -50.0)  # a model that calls nothing money
    always = AmountClassifier(np.zeros(8), 50.0)
    rows = [Fact("6万", 2, 4, "number", 60000, source="rule:number"), Fact("6万元", 2, 5, "money", 60000, currency="CNY"),
            Fact("3亿用户", 5, 9, "count", 3e8, unit="用户"), Fact("2800点", 0, 5, "number", 2800, unit="点")]
    assert [is_bare_amount(f) for f in rows] == [True, False, False, False]
    assert never.relabel("赔偿6万", rows) is rows
    relabelled = always.relabel("赔偿6万", rows)
    assert [(f.kind, f.source) for f in relabelled] == [("money", "model:amount"), ("money", "rule"), ("count", "rule"), ("number", "rule")]
    assert amount_features("赔偿6万", 2, 4) == amount_features("赔偿6万", 2, 4)


def test_amount_labels_hold_offsets_and_labels_only():
    from nlp_news.training.amounts import LABELS

    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 500
    allowed = {"source", "line", "start", "end", "sha1", "label", "currency"}
    for r in rows:
        assert set(r) <= allowed and r["label"] in {"money", "count", "number", "nonfact", "unsure"}
        assert 0 <= r["start"] < r["end"] and len(r["sha1"]) == 12


def test_feature_hashing_is_stable():
    a = hash_features(features("这位23岁的球员", 2, 5))
    b = hash_features(features("这位23岁的球员", 2, 5))
    assert (a == b).all()


def test_missing_model_means_rules_alone():
    with pytest.warns(RuntimeWarning, match="rules alone"):
        assert FactClassifier.load_or_none("no-such-model") is None


def test_a_folder_named_like_a_shipped_model_in_the_working_directory_is_not_loaded(tmp_path, monkeypatch):
    from nlp_news.modelio import model_path, models_dir

    (tmp_path / "facts").mkdir()  # an unrelated folder, as in /tmp
    monkeypatch.chdir(tmp_path)
    assert model_path("facts") == models_dir() / "facts"
    assert FactClassifier.load_or_none("facts") is not None
    assert model_path("./facts") == Path("facts")


def test_cli_facts_csv_has_one_row_per_fact(tmp_path):
    from nlp_news.cli.facts import facts

    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(facts, [str(p), "--format", "csv", "--disable", "entities", "--published", "2025-11-03"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {"约92亿元人民币", "2.12亿用户", "12家"} <= {r["text"] for r in rows}
    money = [r for r in rows if r["kind"] == "money"][0]
    assert money["currency"] == "CNY" and money["value"] == "9200000000"


def test_cli_facts_jsonl_and_text(tmp_path):
    from nlp_news.cli.facts import facts

    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(facts, [str(p), "--format", "jsonl", "--disable", "entities"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert any(r["kind"] == "percent" and r["value"] == 23.3 for r in rows)
    res = CliRunner().invoke(facts, [str(p), "--disable", "entities"])
    assert "23.3%" in res.output


@pytest.mark.parametrize(
    "fields",
    [
        ("3亿元", 1, 4, "money", 300000000, None, "CNY", None, None, False, "营收", "星河科技", "2024", "rule:money", {"metric": "rule"}),
        ("今年9月", 0, 4, "date", None, None, None, None, None, True, None, None, None, "rule:date", {}),
        ("两三万", 2, 5, "number", {"low": 20000, "high": 30000}, "人", None, "about", "+", False, None, None, None, "rule", {}),
    ],
)
def test_the_fast_fact_maker_makes_the_fact_the_dataclass_makes(fields):
    from dataclasses import FrozenInstanceError

    from nlp_news.numeric.linking import new_fact

    made = new_fact(*fields)
    assert type(made) is Fact
    assert made == Fact(*fields)
    assert made.to_dict() == Fact(*fields).to_dict()
    with pytest.raises(FrozenInstanceError):
        made.value = 1  # type: ignore[misc]
