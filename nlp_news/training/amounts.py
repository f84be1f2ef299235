"""Train the money-or-not classifier of bare amounts (``models/amounts``).

A bare amount is a number with 万 or 亿 and no unit or currency word (市值一天缩水31亿, 行骗400万,
观众达百万): Chinese headlines and sports and business copy leave the 元 out, and whether the amount
is money is told by the words around it, which the rules read only as far as their word lists go.
:class:`~nlp_news.numeric.classifier.AmountClassifier` decides the ones the rules leave a plain number.

The labels (``amount_labels.jsonl`` beside this module) are a reviewed reading of every bare amount
the rules found in news text of ``../shared/data``: THUCNews headlines, CLUENER2020 Sina clauses,
TNEWS headlines, MSRA and People's Daily sentences (unseen by the rules' tuning), and the full articles
of cnews-800 (articles 600-799 are held out, as for the facts classifier).
Each line gives the source, the sentence's index in it, the amount's offsets, a hash of the sentence
and the label (``money``, ``count``, ``number``, ``nonfact``; ``unsure`` ones are left out); the text is
read from the shared data, never stored here. Sentences are split into train and test by a hash of
(source, index), cnews-800 by article: the test part is never trained on, and the reported metrics come from it.

    nlp-news train amounts --data ../shared/data
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from nlp_news.numeric.classifier import N_FEATURES, AmountClassifier, amount_features
from nlp_news.training.facts import hashed_matrix

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).with_name("amount_labels.jsonl")
#: The share of sentences (by a hash of source and index) held out for the reported metrics.
TEST_SHARE = 0.3
#: Where each source's sentences are, under the shared data folder, and how they are stored.
SOURCES = {
    "titles": ("topic/thucnews-titles/train.txt", "tsv"),
    "cluener": ("ner/cluener2020/train.json", "cluener"),
    "tnews": ("topic/tnews/train.json", "tnews"),
    "msra": ("ner/msra/train.bio", "bio"),
    "pd": ("ner/peoples-daily/dev.bio", "bio"),
    "cnews": ("corpus/cnews/cnews-800.txt", "cnews"),
}
#: cnews-800's articles from here on are its test part, as for the facts classifier (``training.facts.DEV_FROM``).
CNEWS_TEST_FROM = 600


def read_source(data: str | Path, source: str) -> list[str]:
    """The sentences of one source, in their order (the index the labels give), read by the readers the other
    trainers use (:func:`~nlp_news.training.ner.read_cluener`, :func:`~nlp_news.training.ner.read_bio`,
    :func:`~nlp_news.training.facts.read_articles`); every line of the headline files, malformed or not."""
    from nlp_news.training.facts import read_articles
    from nlp_news.training.ner import read_bio, read_cluener

    rel, fmt = SOURCES[source]
    path = Path(data) / rel
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: pass --data the shared data folder (../shared/data)")
    if fmt == "cluener":
        return [text for text, _ in read_cluener(path)]
    if fmt == "bio":
        return [text for text, _ in read_bio(path)]
    if fmt == "cnews":
        return read_articles(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    if fmt == "tsv":
        return [line.split("\t")[0] for line in lines]
    return [json.loads(line)["sentence"] for line in lines if line.strip()]  # tnews


def sentence_hash(text: str) -> str:
    """The first 12 hex digits of the sentence's sha1 (checks that the shared data is the one labelled)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def is_test(source: str, line: int) -> bool:
    """Whether sentence ``line`` of ``source`` is in the held-out test part (about :data:`TEST_SHARE`; for
    cnews-800, the articles from :data:`CNEWS_TEST_FROM` on)."""
    if source == "cnews":
        return line >= CNEWS_TEST_FROM
    h = int(hashlib.sha1(f"{source}:{line}".encode()).hexdigest()[:8], 16)
    return h % 1000 < TEST_SHARE * 1000


def load_examples(data: str | Path, labels: str | Path = LABELS) -> list[dict[str, Any]]:
    """The labelled amounts with their sentence (``text``), ``y`` (1 money, 0 not) and ``test``."""
    rows = [json.loads(line) for line in Path(labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {src: read_source(data, src) for src in sorted({r["source"] for r in rows})}
    out = []
    for r in rows:
        if r["label"] == "unsure":
            continue
        text = texts[r["source"]][r["line"]]
        if sentence_hash(text) != r["sha1"]:
            raise ValueError(f"{r['source']} sentence {r['line']} is not the one labelled: is --data the shared data folder?")
        out.append({**r, "text": text, "y": int(r["label"] == "money"), "test": is_test(r["source"], r["line"])})
    return out


def pipeline_kind(text: str, start: int, end: int, model: AmountClassifier | None = None) -> str | None:
    """The kind the facts stage gives the amount at ``start:end`` (rules and linking; with ``model``,
    its relabelling first, as the stage runs it), or None when it outputs no fact there."""
    from nlp_news.numeric.extract import extract_facts
    from nlp_news.numeric.linking import link_facts

    facts = extract_facts(text)
    if model is not None:
        facts = model.relabel(text, facts)
    for f in link_facts(text, facts):
        if f.start == start and f.end == end:
            return f.kind
    return None


def _scores(y: list[int], pred: list[int]) -> dict[str, float]:
    yt, yp = np.array(y), np.array(pred)
    tp = int(((yt == 1) & (yp == 1)).sum())
    p = tp / max(1, int((yp == 1).sum()))
    r = tp / max(1, int((yt == 1).sum()))
    return {"n": len(yt), "money": int((yt == 1).sum()), "accuracy": round(float((yt == yp).mean()) if len(yt) else 0.0, 4),
            "money_precision": round(p, 4), "money_recall": round(r, 4), "money_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def evaluate(examples: list[dict[str, Any]], model: AmountClassifier) -> dict[str, Any]:
    """Money or not on ``examples``, as the stage decides it with the rules alone and with ``model``."""
    y = [e["y"] for e in examples]
    rules = [int(pipeline_kind(e["text"], e["start"], e["end"]) == "money") for e in examples]
    both = [int(pipeline_kind(e["text"], e["start"], e["end"], model) == "money") for e in examples]
    return {"rules_alone": _scores(y, rules), "rules_and_model": _scores(y, both)}


#: The settings cross-validation chooses from (on the train part only): regularisation and threshold.
GRID_C = (0.1, 0.3, 1.0, 3.0)
GRID_THRESHOLD = (0.5, 0.6, 0.7, 0.8)
FOLDS = 5


def _prepare(examples: list[dict[str, Any]]) -> None:
    """Add to each example its features, the stage's kind without the model (``rules``) and whether the
    extractor leaves it a bare amount (``bare``: what the model is asked about)."""
    from nlp_news.numeric.classifier import is_bare_amount
    from nlp_news.numeric.extract import extract_facts

    for e in examples:
        e["features"] = amount_features(e["text"], e["start"], e["end"])
        e["rules"] = pipeline_kind(e["text"], e["start"], e["end"])
        e["bare"] = any(f.start == e["start"] and f.end == e["end"] and is_bare_amount(f) for f in extract_facts(e["text"]))


def _fit(examples: list[dict[str, Any]], C: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    # the model is asked about bare amounts only, and most of them are money: classes weighted so the
    # few counts and numbers among them are learnt as well
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    clf.fit(hashed_matrix([e["features"] for e in examples]), [e["y"] for e in examples])
    return clf.coef_[0].astype(np.float32), np.array([clf.intercept_[0]], dtype=np.float32)


def cross_validate(examples: list[dict[str, Any]]) -> tuple[float, float, dict[str, float]]:
    """C and threshold with the best accuracy of the stage's decision (money where the rules say so, or
    where the model does on a bare amount) over :data:`FOLDS` folds of ``examples`` (by sentence)."""
    fold = [int(hashlib.sha1(f"{e['source']}:{e['line']}:fold".encode()).hexdigest()[:8], 16) % FOLDS for e in examples]
    scores: dict[tuple[float, float], int] = {}
    for C in GRID_C:
        probas: list[float] = [0.0] * len(examples)
        for k in range(FOLDS):
            fit_on = [e for e, f in zip(examples, fold) if f != k and e["bare"]]
            coef, intercept = _fit(fit_on, C)
            model = AmountClassifier(coef, float(intercept[0]))
            for i, e in enumerate(examples):
                if fold[i] == k and e["bare"]:
                    probas[i] = model.proba(e["text"], _Span(e["start"], e["end"]))
        for th in GRID_THRESHOLD:
            right = sum(int(e["rules"] == "money" or (e["bare"] and p >= th)) == e["y"] for e, p in zip(examples, probas))
            scores[(C, th)] = right
    (C, th), right = max(scores.items(), key=lambda kv: (kv[1], kv[0][1]))  # ties: the higher threshold
    return C, th, {f"C={c} threshold={t}": round(v / len(examples), 4) for (c, t), v in sorted(scores.items())}


class _Span:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def train(data: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Choose C and threshold by cross-validation on the train part of the labels, fit on it, measure on
    the test part, and save to ``out`` (default models/amounts)."""
    from nlp_news.modelio import save_model, write_card

    examples = load_examples(data)
    _prepare(examples)
    train_x = [e for e in examples if not e["test"]]
    test_x = [e for e in examples if e["test"]]
    C, threshold, cv = cross_validate(train_x)
    coef, intercept = _fit([e for e in train_x if e["bare"]], C)
    model = AmountClassifier(coef, float(intercept[0]), threshold)
    report = {
        "labelled": len(examples), "train": len(train_x), "train_bare": sum(e["bare"] for e in train_x),
        "train_bare_money": sum(e["y"] for e in train_x if e["bare"]), "C": C, "threshold": threshold,
        "cv_accuracy": cv,
        "test": evaluate(test_x, model),
        "test_by_source": {src: evaluate([e for e in test_x if e["source"] == src], model)
                           for src in sorted({e["source"] for e in test_x})},
    }
    folder = Path(out) if out else ROOT / "models" / "amounts"
    save_model(folder, {"coef": coef, "intercept": intercept},
               {"name": "amounts", "version": 1, "n_features": N_FEATURES, "threshold": threshold,
                "hashing": "crc32(utf-8) % n_features", "features": "nlp_news.numeric.classifier.amount_features",
                "data": f"{LABELS.name}: reviewed bare amounts of unseen news; test = sentences with is_test()",
                "metrics": report, "C": C})
    write_card(folder, _card(report))
    return report


def _card(r: dict[str, Any]) -> str:
    from nlp_news.modelio import _versions

    v = _versions()
    t = r["test"]

    def row(name: str, s: dict[str, float]) -> str:
        return f"| {name} | {s['money_precision']:.3f} | {s['money_recall']:.3f} | {s['money_f1']:.3f} | {s['accuracy']:.3f} |"

    by_source = "\n".join(
        f"| {src} ({s['rules_alone']['n']}, {s['rules_alone']['money']} money) | {s['rules_alone']['accuracy']:.3f} | {s['rules_and_model']['accuracy']:.3f} |"
        for src, s in r["test_by_source"].items()
    )
    return f"""# amounts: is a bare amount money?

**What it decides.** A bare amount is a number with 万 or 亿 and no unit or currency word (市值一天缩水31亿,
行骗400万, 观众达百万). The rules make it money when a word of money is near it (metrics, verbs and nouns
they list) and leave the others a plain number; for those, this logistic regression over hashed
character features (six characters before the amount, four after, their pairs, the amount's form, a
word of money within 30 characters) says whether it is money, made then money in the article's
currency (the one most of its money is in; CNY when it names none), source `model:amount`. Prediction is numpy only (`nlp_news/numeric/classifier.py`).

**Data.** Every amount with 万 or 亿 and no unit or currency word that the rules found in six sources of
`../shared/data`: five the rules were not tuned on (THUCNews headlines, CLUENER2020 clauses of Sina news,
TNEWS headlines of Toutiao, MSRA and People's Daily sentences) and the full THUCNews articles of cnews-800
(corpora distributed by their authors for research, no licence stated). One reader of the
team (a helper session) labelled each from its sentence alone, following NUMERIC-CONVENTIONS (money, count,
number, non-fact, and the currency of money by meaning; unsure ones dropped): {r['labelled']} amounts; no
second reader. The labels are offsets and a hash of the sentence
(`nlp_news/training/amount_labels.jsonl`); no text of the corpora ships. Sentences are split by a hash of
source and index, cnews-800 by article (600-799 are test): {r['train']} amounts train (the model is fit on the {r['train_bare']} the extractor leaves bare,
{r['train_bare_money']} of them money; C={r['C']} and threshold {r['threshold']} chosen by 5-fold cross-validation on
them), the rest are the test part below, never trained on nor used to choose a setting.

**Metrics (test part, {t['rules_alone']['n']} bare amounts, {t['rules_alone']['money']} of them money), as the
facts stage decides them (rules and linking; with the model, its relabelling before linking).**

| | money precision | money recall | money F1 | accuracy |
|---|---|---|---|---|
{row("rules alone", t["rules_alone"])}
{row("rules + model", t["rules_and_model"])}

Accuracy by source (test amounts, money among them), rules alone and with the model:

| source | rules alone | rules + model |
|---|---|---|
{by_source}

**Versions.** {", ".join(f"{k} {val}" for k, val in sorted(v.items()))}.

**Rebuild.**

    nlp-news train amounts --data ../shared/data
"""
