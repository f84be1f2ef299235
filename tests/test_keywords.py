"""The keyword stage: jieba's TF-IDF over the pipeline's tokens, from a hashed IDF table."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest
from click.testing import CliRunner
from spacy.attrs import ORTH

from nlp_news.cli import main
from nlp_news.io.read import read_article
from nlp_news.keywords import KEYWORD_ENTITY_LABELS, IdfTable, jieba_idf, pick_summaries, pick_summary, tfidf_counts
from nlp_news.text.normalize import normalize

from .conftest import SAMPLE_FILES


def test_shipped_table_is_jiebas_table():
    shipped = IdfTable.load()
    built = IdfTable.from_words(jieba_idf())
    assert len(shipped) == len(jieba_idf())
    assert np.array_equal(shipped.hashes, built.hashes)
    assert np.array_equal(shipped.levels[shipped.codes], built.levels[built.codes])
    assert shipped.default == built.default


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_stage_equals_tfidf_over_the_documents_words(analyzer, path):
    doc = analyzer.nlp(normalize(read_article(path).text).text)
    words = _reference_words(doc)
    terms = {e.canonical for e in doc._.entities or () if e.label in KEYWORD_ENTITY_LABELS}
    expected = tfidf_counts(words, jieba_idf(), top=10, default_idf=IdfTable.load().default, min_unknown=2, always=terms)
    assert doc._.keywords == expected
    assert doc._.summary["keywords"] == [w for w, _ in expected]


def test_a_batch_gives_each_document_what_it_gets_alone(analyzer):
    texts = [normalize(read_article(p).text).text for p in SAMPLE_FILES]
    texts += ["。。。 ，，", "星辰科技营收达到12.8亿元。星辰科技净利润为3.5亿元。", texts[0]]
    docs = [analyzer.nlp(t) for t in texts]  # each document through the keyword stage alone
    alone = [(d._.keywords, d._.summary["sentences"]) for d in docs]
    stage = analyzer.nlp.get_pipe("news_keywords")
    for size in (2, len(docs)):
        for d in docs:
            d._.keywords = None
        together = [(d._.keywords, d._.summary["sentences"]) for d in stage.pipe(docs, batch_size=size)]
        assert together == alone
    assert any(kw for kw, _ in alone)


@pytest.mark.parametrize("k", [0, 1, 3])
def test_summaries_of_many_documents_are_each_documents_summary(k):
    rng = np.random.default_rng(k)
    counts = rng.integers(0, 8, size=40)
    weights = rng.integers(0, 4, size=int(counts.sum())) / 2  # many ties
    got = pick_summaries(weights, counts, k=k)
    starts = np.concatenate(([0], np.cumsum(counts)))
    for d, c in enumerate(counts.tolist()):
        w = weights[starts[d] : starts[d] + c].tolist()
        assert got[d] == pick_summary([(0, 1)] * c, w, k=k)


def _in_boilerplate(doc, i: int) -> bool:
    return any(b.start <= i < b.end for b in doc.spans.get("boilerplate", ()))


def _in_fact(doc, token) -> bool:
    """The token overlaps a numeric fact."""
    return any(f.start < token.idx + len(token) and token.idx < f.end for f in doc._.facts or ())


def _reference_words(doc) -> Counter:
    """The words TF-IDF counts, one token at a time: no boilerplate or numeric facts, and each
    entity mention once, by its canonical name, at its first token."""
    left_out = {t.i for t in doc if _in_boilerplate(doc, t.i) or _in_fact(doc, t)}
    term = {}
    for e in doc._.entities or ():
        if e.label not in KEYWORD_ENTITY_LABELS:
            continue
        toks = [t.i for t in doc if e.start <= t.idx < e.end]
        if toks and toks[0] not in left_out:
            term[toks[0]] = e.canonical
            left_out.update(toks[1:])
    return Counter(term.get(t.i, t.text) for t in doc if t.i not in left_out)


def test_an_entity_is_one_keyword_by_its_canonical_name(analyzer):
    text = "深言科技今天发布新模型。深言科技表示，新模型已接入深言科技的写作助手。深言科技计划明年上市。"
    doc = analyzer.nlp(text)
    assert "深言科技" in doc._.summary["keywords"]
    assert "深言" not in doc._.summary["keywords"]


def test_the_words_of_numeric_facts_are_not_keywords(analyzer):
    text = "星辰科技营收达到12.8亿元。星辰科技净利润为3.5亿元。星辰科技研发投入4.6亿元。星辰科技市值超过800亿元。"
    doc = analyzer.nlp(text)
    assert "亿元" in {t.text for t in doc} and doc._.facts
    assert "亿元" not in doc._.summary["keywords"]
    assert "星辰" in doc._.summary["keywords"] or "星辰科技" in doc._.summary["keywords"]


def test_lookup_of_unknown_words_gives_the_default():
    table = IdfTable.from_words({"模型": 8.0}, default=3.0)
    from spacy.strings import hash_string

    got = table.lookup(np.array([hash_string("模型"), hash_string("没有"), np.uint64(2**64 - 1)], dtype=np.uint64))
    assert got.tolist() == [8.0, 3.0, 3.0]
    empty = IdfTable.from_words({}, default=2.0)
    assert empty.lookup(np.array([1, 2], dtype=np.uint64)).tolist() == [2.0, 2.0]


def test_a_document_without_words_has_no_keywords(analyzer):
    doc = analyzer.nlp("。。。 ，，")
    assert doc._.keywords == []
    assert doc.to_array(ORTH).size > 0


def test_train_keywords_builds_a_table_from_a_users_idf_file(tmp_path):
    idf = tmp_path / "idf.txt"
    idf.write_text("星河电池 9.5\n营收 2.0\n# a comment\n\n固态 电池 7.25\n", encoding="utf-8")
    out = tmp_path / "kw"
    result = CliRunner().invoke(main, ["train", "keywords", "--data", str(idf), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["entries"] == 3
    table = IdfTable.load(str(out))
    from spacy.strings import hash_string

    assert table.lookup(np.array([hash_string("星河电池"), hash_string("固态 电池")], dtype=np.uint64)).tolist() == [9.5, 7.25]
    assert table.default == 7.25  # the median of the user's table


def test_train_keywords_names_the_bad_line(tmp_path):
    idf = tmp_path / "idf.txt"
    idf.write_text("星河电池 9.5\n营收 many\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "keywords", "--data", str(idf), "--out", str(tmp_path / "kw")])
    assert result.exit_code != 0
    assert "idf.txt:2" in result.output


def test_your_own_idf_table_reaches_the_keywords(tmp_path):
    import nlp_news

    idf = tmp_path / "idf.txt"
    # 电池 is rare in this table and everything else common, so it must lead the keywords.
    idf.write_text("电池 20.0\n公司 0.1\n营收 0.1\n增长 0.1\n", encoding="utf-8")
    out = tmp_path / "kw"
    assert CliRunner().invoke(main, ["train", "keywords", "--data", str(idf), "--out", str(out)]).exit_code == 0
    text = "星河公司的电池营收增长。电池业务增长。"
    mine = nlp_news.load(disable=["entities", "facts", "labels"], keywords_idf=out).analyze(text)
    assert mine.keywords[0][0] == "电池"
    result = CliRunner().invoke(main, ["analyze", "-", "--format", "json", "--keywords-idf", str(out),
                                       "--disable", "entities", "--disable", "labels"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["keywords"][0]["word"] == "电池"
    with pytest.raises(FileNotFoundError, match="train keywords"):
        nlp_news.load(keywords_idf=tmp_path)


def test_batch_takes_your_own_idf_table(tmp_path):
    idf = tmp_path / "idf.txt"
    idf.write_text("电池 20.0\n公司 0.1\n营收 0.1\n增长 0.1\n", encoding="utf-8")
    table = tmp_path / "kw"
    assert CliRunner().invoke(main, ["train", "keywords", "--data", str(idf), "--out", str(table)]).exit_code == 0
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "星河公司的电池营收增长。电池业务增长。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(feed), "-o", str(out), "-j", "1", "--keywords-idf", str(table),
                                       "--disable", "entities", "--disable", "labels"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["keywords"][0]["word"] == "电池"
