"""Does the facts classifier beat the rules alone? Measured on the dev articles (600-799 of cnews-800).

    python benchmarks/facts_classifier.py

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


if __name__ == "__main__":
    main()
