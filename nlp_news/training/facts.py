"""Train the fact / non-fact classifier for the candidates the rules leave uncertain.

Labels come from a slower *teacher* that the fast stage cannot afford: jieba's word
segmentation of the whole article. A candidate is a non-fact when a dictionary word
straddles its edges: the numeral starts inside a word (马英九回任 -> 九回; 五花八门 -> 八门;
一一回复) or the unit is the head of a longer word (十一期间 -> 期 of 期间; 两部分 -> 部 of
部分; 5.1声道 -> 声 of 声道; 2245关口). A short list of reviewed corrections (team names
such as 76人, standards such as ISO 2000) is applied on top; they were found by reading
the teacher's decisions on the training articles, not the held-out ones. The student is
a logistic regression over hashed character features of the value and its context
(:mod:`nlp_news.numeric.classifier`), exported as plain arrays and run with numpy.

    python -m nlp_news.training.facts --data ../shared/data/corpus/cnews/cnews-800.txt

Articles 0-599 train, 600-799 are the dev split the reported metrics come from.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from nlp_news.numeric.classifier import N_FEATURES, features, hash_features, is_uncertain
from nlp_news.numeric.extract import extract_facts
from nlp_news.schema import Fact

ROOT = Path(__file__).resolve().parents[2]
DEV_FROM = 600
#: Reviewed corrections of the teacher: contexts that make a value a name, not a quantity.
NAME_CONTEXTS = re.compile(r"^\d+人(?=队|的总经理|小前锋|能有|会设法|已经给|主场|客场|队史)|^ISO\s?\d+|^\d+台(?=关注)")


CN_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
#: Characters that jieba glues to a following numeral (这三, 当两) without making it a word (reviewed).
TEACHER_PREV_OK = frozenset("第约近超逾多余达至到为是有了在共计仅合和及与、这那可后当此该每各其快拉上前的")
#: Words that begin with a measure-word character but are no unit (reviewed on the training articles).
UNIT_HEAD_WORDS = frozenset(
    "期间 部分 声道 关口 关税 门类 口子 分辨率 点击 回合 回复 条例 条款 项目 次数 名单 名额 人士 度假 级别 台阶 本科 代表".split()
)


def read_articles(path: str | Path, limit: int | None = None) -> list[str]:
    """The article texts of a cnews-style file (``channel<TAB>text`` per line)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            line = line.split("\t", 1)[1]
        out.append(line)
        if limit and len(out) >= limit:
            break
    return out


def _token_bounds(text: str, seg: Any) -> tuple[set[int], dict[int, int]]:
    """Token start offsets, and for every offset the end of the token that covers it."""
    starts: set[int] = set()
    cover: dict[int, int] = {}
    pos = 0
    for tok in seg.cut(text):
        starts.add(pos)
        for i in range(pos, pos + len(tok)):
            cover[i] = pos + len(tok)
        pos += len(tok)
    return starts, cover


def teacher_label(text: str, f: Fact, starts: set[int], cover: dict[int, int]) -> int:
    """1 if ``f`` is a fact, 0 if a dictionary word straddles its edges (see the module doc)."""
    if NAME_CONTEXTS.match(text[f.start : f.end + 6]):
        return 0
    s = f.start
    # the numeral begins inside a word that started before it (马英九, 五花八门)
    while s < f.end and not (text[s].isdigit() or text[s] in CN_NUMERALS):
        s += 1
    span = text[s : f.end]
    if s not in starts and s > 0 and not text[s - 1].isspace() and not any(c in span for c in "万亿"):
        prev = text[s - 1]
        if "\u4e00" <= prev <= "\u9fff" and prev not in TEACHER_PREV_OK:
            return 0
    # the span's last character is the head of a longer word (期间, 部分, 声道, 关口); jieba's
    # longer tokens are kept only when they are one of the reviewed unit-head words
    last = f.end - 1
    if f.unit and last in starts and cover.get(last, 0) > f.end:
        if text[last : cover[last]] in UNIT_HEAD_WORDS:
            return 0
    return 1


def build(articles: list[str], seg: Any) -> tuple[list[list[str]], list[int], list[tuple[int, Fact]]]:
    X: list[list[str]] = []
    y: list[int] = []
    meta: list[tuple[int, Fact]] = []
    for i, text in enumerate(articles):
        facts = [f for f in extract_facts(text) if is_uncertain(f)]
        if not facts:
            continue
        starts, cover = _token_bounds(text, seg)
        for f in facts:
            X.append(features(text, f.start, f.end, f))
            y.append(teacher_label(text, f, starts, cover))
            meta.append((i, f))
    return X, y, meta


def hashed_matrix(X: list[list[str]]):
    """The sparse 0/1 matrix of feature strings hashed as the stage hashes them (:func:`hash_features`);
    the facts and amounts classifiers are both fit on it."""
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, feats in enumerate(X):
        idx = np.unique(hash_features(feats, N_FEATURES))
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(X), N_FEATURES))


def _scores(y_true: list[int], y_pred: list[int]) -> dict[str, float]:
    yt, yp = np.array(y_true), np.array(y_pred)
    acc = float((yt == yp).mean()) if len(yt) else 0.0
    # non-fact detection (class 0) is what the classifier adds
    tp = int(((yt == 0) & (yp == 0)).sum())
    fp = int(((yt == 1) & (yp == 0)).sum())
    fn = int(((yt == 0) & (yp == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    # fact precision of what is kept (the number the stage reports)
    kept = yp == 1
    keep_prec = float((yt[kept] == 1).mean()) if kept.any() else 0.0
    keep_rec = float(((yt == 1) & kept).sum() / max(1, (yt == 1).sum()))
    f1 = 2 * keep_prec * keep_rec / (keep_prec + keep_rec) if keep_prec + keep_rec else 0.0
    return {"accuracy": round(acc, 4), "nonfact_precision": round(p, 4), "nonfact_recall": round(r, 4),
            "kept_precision": round(keep_prec, 4), "kept_recall": round(keep_rec, 4), "kept_f1": round(f1, 4),
            "n": len(yt), "nonfacts": int((yt == 0).sum())}


def train(data: str | Path, out: str | Path | None = None, limit: int | None = None, C: float = 1.0) -> dict[str, Any]:
    """Train on articles [0, 600), measure on [600, 800), save to ``out`` (default models/facts)."""
    from sklearn.linear_model import LogisticRegression

    from nlp_news.modelio import save_model, write_card
    from nlp_news.tokenizer import Segmenter

    articles = read_articles(data, limit)
    seg = Segmenter()
    train_a, dev_a = articles[:DEV_FROM], articles[DEV_FROM:]
    Xtr, ytr, _ = build(train_a, seg)
    Xdv, ydv, _ = build(dev_a, seg)
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    clf.fit(hashed_matrix(Xtr), ytr)
    coef = clf.coef_[0].astype(np.float32)
    intercept = np.array([clf.intercept_[0]], dtype=np.float32)
    # numpy prediction, exactly as the stage runs it
    def predict(X: list[list[str]]) -> list[int]:
        return [int(1 / (1 + np.exp(-(intercept[0] + coef[hash_features(x, N_FEATURES)].sum()))) >= 0.5) for x in X]

    rules = _scores(ydv, [1] * len(ydv))  # rules alone keep every candidate
    model = _scores(ydv, predict(Xdv))
    report = {"train_candidates": len(ytr), "train_nonfacts": int(len(ytr) - sum(ytr)), "dev_rules_alone": rules, "dev_classifier": model}
    folder = Path(out) if out else ROOT / "models" / "facts"
    save_model(
        folder,
        {"coef": coef, "intercept": intercept},
        {"name": "facts", "version": 1, "n_features": N_FEATURES, "threshold": 0.5, "hashing": "crc32(utf-8) % n_features",
         "data": "cnews-800 articles 0-599 (train), 600-799 (dev)", "metrics": report, "C": C},
    )
    write_card(folder, _card(report))  # the card's hand-written part (the stage's speed) is kept
    return report


def _card(r: dict[str, Any]) -> str:
    from nlp_news.modelio import _versions

    v = _versions()
    d, m = r["dev_rules_alone"], r["dev_classifier"]
    return f"""# facts: fact / non-fact classifier for uncertain numeric candidates

**What it decides.** The rules of `nlp_news.numeric` mark some candidates as uncertain (a bare
four-digit year, a count whose unit is also a common word: 人 分 点 度 代 号 条 门 口 次 名 …, a number
with no unit). For those, this logistic regression over hashed character features of the value
and three characters on each side says whether to keep the fact. Everything else is decided by
rules. Prediction is numpy only (`nlp_news/numeric/classifier.py`).

**Data.** THUCNews articles in `../shared/data/corpus/cnews/cnews-800.txt` (corpora distributed by
their authors for research, no licence stated). Nothing of their text ships: only the weight
vector ({r['train_candidates']} training candidates, 2^14 hashed features, float32).
Labels: a jieba-segmentation teacher (a dictionary word straddling the candidate's edges makes
it a non-fact) plus reviewed corrections, see `nlp_news/training/facts.py`. Articles 0-599 train,
600-799 are the dev split below. These labels are silver, not hand-annotated gold: the dev
numbers say how well the fast student reproduces the slow teacher.

**Metrics (dev, {d['n']} uncertain candidates, {d['nonfacts']} non-facts by the teacher).**

| | kept precision | kept recall | kept F1 | accuracy | non-fact recall |
|---|---|---|---|---|---|
| rules alone (keep all) | {d['kept_precision']:.3f} | {d['kept_recall']:.3f} | {d['kept_f1']:.3f} | {d['accuracy']:.3f} | 0 |
| rules + classifier | {m['kept_precision']:.3f} | {m['kept_recall']:.3f} | {m['kept_f1']:.3f} | {m['accuracy']:.3f} | {m['nonfact_recall']:.3f} |

**Versions.** {", ".join(f"{k} {val}" for k, val in sorted(v.items()))}.

**Rebuild.**

    python -m nlp_news.training.facts --data ../shared/data/corpus/cnews/cnews-800.txt
"""



def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Train the facts classifier (models/facts).")
    ap.add_argument("--data", default=str(ROOT / ".." / "shared" / "data" / "corpus" / "cnews" / "cnews-800.txt"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(train(args.data, args.out, args.limit), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
