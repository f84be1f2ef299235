"""Sentiment and theme: accuracy and macro-F1 on our dev splits, and the label stage's speed.

    python benchmarks/labels.py            # retrain on the train splits (no refit), measure on dev, then speed
    python benchmarks/labels.py --shipped  # measure the shipped models on the dev splits (optimistic
                                           # for a model refit on train + dev; it says so)
    python benchmarks/labels.py --speed-only

Dev splits (seed 13, see nlp_news.training.labels.split_dev): ChnSentiCorp dev.tsv
(deduplicated, minus rows also in train.tsv); 20% of CCF BDCI 2019 by id; 20% of the
cnews-800 articles, with the news passages of those articles; 20% of THUCNews headlines.
The news passages' themes are printed twice: the paragraph head alone, and with the
article head's probabilities of the passage's article as a prior (as the pipeline
labels paragraphs; the weight is tuned in training by cross-validation on the training
passages, which makes retraining the theme model about six fits long). The sentiment
model's news-head class offsets are chosen the same way (five more fits, about 10 minutes).
Reads ../shared/data (or $NLP_NEWS_DATA).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp_news.training import labels as T


def sentiment_sets(root: Path):
    s = root / "sentiment"
    return {
        "chnsenticorp": T.read_chnsenticorp(s / "chnsenticorp/train.tsv")
        + T.read_chnsenticorp(s / "chnsenticorp/dev.tsv"),
        "ccf-bdci2019": T.read_ccf(s / "ccf-bdci2019/train.csv"),
        "news-passages": T.read_passages(s / "news-passages/labels.jsonl"),
    }


def theme_sets(root: Path):
    cnews = T.read_cnews(root / "corpus/cnews/cnews-800.txt")
    return {
        "thucnews-titles": T.read_thucnews_titles(root / "topic/thucnews-titles/train.txt"),
        "tnews (mapped)": T.read_tnews(root / "topic/tnews/train.json"),
        "cnews articles": [e for e in cnews if e.domain == "article"],
        "cnews pieces": [e for e in cnews if e.domain == "paragraph"],
        "news-passages": T.read_passages(root / "sentiment/news-passages/labels.jsonl", task="theme"),
    }


def measure(task: str, sets: dict, shipped: bool, skip_eval: set[str]) -> None:
    from nlp_news.labels.models import SentimentModel, ThemeModel

    all_ex = [e for v in sets.values() for e in v]
    if shipped:
        model = (SentimentModel if task == "sentiment" else ThemeModel).load(task)
        refit = "refit_size" in model.meta.get("training", {})
        print(
            f"[{task}] shipped model"
            + (
                " (refit on train + dev: these figures are optimistic)"
                if refit
                else " (fitted on the train splits only)"
            )
        )
    else:
        t0 = time.perf_counter()
        # the shipped model's featurizer settings (punct), so the retrained model is the shipped design
        punct = (SentimentModel if task == "sentiment" else ThemeModel).load(task).featurizer.punct
        with tempfile.TemporaryDirectory() as tmp:
            model, report = T.train_labels(task, all_ex, out=tmp, refit=False, punct=punct, log=lambda m: None)
        print(f"[{task}] retrained on the train splits (punct {punct}) in {time.perf_counter() - t0:.0f} s")
        if "context" in report:
            c = report["context"]
            print(
                f"  article prior: weight {c['weight']} by {c['folds']}-fold CV on {c['cv']['n']} training passages"
                f" (out-of-fold accuracy {c['cv']['without']['accuracy']:.3f} -> {c['cv']['with']['accuracy']:.3f})"
            )
        if "offsets" in report:
            o = report["offsets"]
            print(
                f"  {o['head']} class offsets {o['offsets']} by {o['folds']}-fold CV on {o['cv']['n']} training passages"
                f" (out-of-fold macro-F1 {o['cv']['without']['macro_f1']:.4f} -> {o['cv']['with']['macro_f1']:.4f})"
            )
    for name, ex in sets.items():
        if name in skip_eval:
            continue
        _, dev = T.dedupe(*T.split_dev(ex))
        head = dev[0].domain if dev else None
        m = T.evaluate(model, dev, head=head)
        print(f"  {name:18s} head={head:9s} n={m['n']:5d}  accuracy={m['accuracy']:.4f}  macro-F1={m['macro_f1']:.4f}")
        w = getattr(model, "context_weight", 0.0)
        if w and any(e.context for e in dev):
            # as the pipeline labels a paragraph: the article head on its article as a prior
            m = T.evaluate(model, dev, head=head, context=True)
            print(
                f"  {name + ' +article':18s} head={head:9s} n={m['n']:5d}  accuracy={m['accuracy']:.4f}"
                f"  macro-F1={m['macro_f1']:.4f}  (article prior, weight {w})"
            )


def speed(repeat: int = 3) -> None:
    import spacy

    import nlp_news.labels.component
    import nlp_news.tokenizer  # noqa: F401  (registers the jieba tokenizer)
    from nlp_news.tokenizer import Segmenter

    path = T.data_root() / "corpus/cnews/cnews-800.txt"
    articles = [ln.split("\t", 1)[1] for ln in path.read_text(encoding="utf-8").split("\n") if ln]
    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1"}}})
    labels = nlp.add_pipe("news_labels")
    t0 = time.process_time()
    docs = [nlp.make_doc(a) for a in articles]
    t_tok = time.process_time() - t0
    for d in docs:  # paragraphs of 2-4 sentences, as the structure stage would give them
        spans, pos = [], 0
        for piece in T.chunks(d.text, min_chars=120, max_chars=10_000):
            start = d.text.find(piece[:5], pos)
            if start < 0:
                continue
            span = d.char_span(start, start + len(piece), alignment_mode="expand")
            if span is not None:
                spans.append(span)
            pos = start + len(piece)
        d.spans["paragraphs"] = spans
    n_par = sum(len(d.spans["paragraphs"]) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time: robust to other jobs on a shared machine
        for _ in labels.pipe(docs, batch_size=64):
            pass
        best = min(best, time.process_time() - t0)
    print(f"[speed] cnews-800: {len(docs)} articles, {n_par} paragraphs, {mb:.2f} MB (UTF-8)")
    print(
        f"  news_labels stage on tokenised Docs (pipe, 64 Docs a batch): {best:.3f} s CPU = {mb / best:.2f} MB/s"
        f" (best of {repeat})"
    )
    print(f"  jieba tokenizer (for comparison):    {t_tok:.3f} s CPU = {mb / t_tok:.2f} MB/s")
    from nlp_news.labels.models import SentimentModel, ThemeModel

    sm, tm = SentimentModel.load("sentiment"), ThemeModel.load("theme")
    Segmenter().cut("预热")
    t0 = time.process_time()
    sm.predict_proba(articles)
    tm.predict_proba(articles)
    t = time.process_time() - t0
    print(f"  predict_proba on raw texts (segments them itself), both models: {t:.3f} s CPU = {mb / t:.2f} MB/s")
    d = docs[0]
    p = [s._.sentiment.scores for s in d.spans["paragraphs"]]
    assert all(abs(sum(x.values()) - 1) < 1e-6 for x in p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shipped", action="store_true", help="measure the shipped models instead of retraining")
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--task", choices=["sentiment", "theme"], default=None)
    args = ap.parse_args()
    root = T.data_root()
    if not (root / "sentiment").exists():
        sys.exit(f"no data at {root}; set NLP_NEWS_DATA to the shared data folder")
    if not args.speed_only:
        if args.task in (None, "sentiment"):
            measure("sentiment", sentiment_sets(root), args.shipped, set())
        if args.task in (None, "theme"):
            measure("theme", theme_sets(root), args.shipped, {"cnews pieces"})
    speed()
    np.random.seed(0)


if __name__ == "__main__":
    main()
