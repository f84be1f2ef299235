"""Do the facts stage's two classifiers beat the rules alone?

    python benchmarks/facts_classifier.py

1. ``models/facts`` (fact or non-fact, for the candidates the rules leave uncertain), on the dev
   articles (600-799 of cnews-800).
2. ``models/amounts`` (is a bare amount money?), on the held-out test part of the reviewed labels of
   ``nlp_news/training/amount_labels.jsonl`` (unseen headlines and sentences of five sources): the
   stage's decision (rules and linking) alone, and with the model's relabelling first.

Gold labels are the reviewed teacher labels of ``nlp_news/training/facts.py`` (jieba-segmentation
teacher plus reviewed corrections); the model is the shipped ``models/facts``, run with numpy as
the ``news_facts`` stage runs it. "Rules alone" keeps every uncertain candidate.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp_news.numeric.classifier import FactClassifier  # noqa: E402
from nlp_news.tokenizer import Segmenter  # noqa: E402
from nlp_news.training.facts import DEV_FROM, _scores, build, read_articles  # noqa: E402


def main() -> None:
    data = Path(os.environ.get("NLP_NEWS_DATA", ROOT / ".." / "shared" / "data")) / "corpus" / "cnews" / "cnews-800.txt"
    if not data.exists():
        sys.exit(f"no corpus at {data}; set NLP_NEWS_DATA")
    articles = read_articles(data)[DEV_FROM:]
    _, y, meta = build(articles, Segmenter())
    clf = FactClassifier.load("facts")
    pred = [int(clf.proba(articles[i], f) >= clf.threshold) for i, f in meta]
    for name, p in (("rules alone", [1] * len(y)), ("rules + classifier", pred)):
        s = _scores(y, p)
        print(f"{name:20s} kept P {s['kept_precision']:.4f}  R {s['kept_recall']:.4f}  F1 {s['kept_f1']:.4f}  "
              f"acc {s['accuracy']:.4f}  non-facts caught {s['nonfact_recall']:.2f} of {s['nonfacts']} (n={s['n']})")

    from nlp_news.numeric.classifier import AmountClassifier
    from nlp_news.training.amounts import evaluate, load_examples

    test = [e for e in load_examples(data.parents[2]) if e["test"]]
    amounts = AmountClassifier.load("amounts")
    print(f"\nbare amounts, money or not (models/amounts, threshold {amounts.threshold}): held-out test part, {len(test)} amounts")
    for source in [None, *sorted({e["source"] for e in test})]:
        part = [e for e in test if source is None or e["source"] == source]
        r = evaluate(part, amounts)
        for name, s in (("rules alone", r["rules_alone"]), ("rules + model", r["rules_and_model"])):
            print(f"  {source or 'all':8s} {name:14s} money P {s['money_precision']:.3f}  R {s['money_recall']:.3f}  "
                  f"F1 {s['money_f1']:.3f}  acc {s['accuracy']:.3f}  (n={s['n']}, {s['money']} money)")


if __name__ == "__main__":
    main()
