"""Datasets, training and evaluation for the sentiment and theme models.

Readers turn the formats in ``../shared/data`` into :class:`Example` records
(text, label, domain, group). :func:`train_labels` fits one multinomial
logistic regression on hashed features with *domain heads*: every feature has
a shared copy and a copy per domain (Daumé's "frustratingly easy" domain
adaptation), so the reviews, the damaged CCF news and the real news passages
teach one another but each keeps its own head. A head's weights are the shared
weights plus its own; the temperature of each head is fitted on a dev split.

scikit-learn and scipy are imported here only; inference in
:mod:`nlp_news.labels.models` is numpy.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp_news.labels.features import Featurizer
from nlp_news.schema import SENTIMENTS, THEMES

SEED = 13

#: cnews / Sina channel -> theme id.
CHANNEL_THEME: dict[str, str] = {
    "财经": "finance",
    "股票": "stocks",
    "房产": "realty",
    "家居": "home",
    "教育": "education",
    "科技": "technology",
    "社会": "society",
    "时政": "politics",
    "体育": "sports",
    "游戏": "gaming",
    "娱乐": "entertainment",
    "时尚": "fashion",
}
#: THUCNews headline class names (class.txt) -> theme id.
THUC_THEME: dict[str, str] = {
    "finance": "finance",
    "realty": "realty",
    "stocks": "stocks",
    "education": "education",
    "science": "technology",
    "society": "society",
    "politics": "politics",
    "sports": "sports",
    "game": "gaming",
    "entertainment": "entertainment",
}
#: TNEWS label_desc -> theme id; classes with no theme (story, culture, car, travel,
#: agriculture) and the loose ones (world, military) are left out.
TNEWS_THEME: dict[str, str] = {
    "news_finance": "finance",
    "news_house": "realty",
    "news_edu": "education",
    "news_tech": "technology",
    "news_sports": "sports",
    "news_game": "gaming",
    "news_entertainment": "entertainment",
    "news_stock": "stocks",
}


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text. ``domain`` picks the head; ``group`` keeps splits apart
    (all pieces of one article land on the same side). ``context``: the whole
    article the text sits in, when known (the news passages), "" otherwise."""

    text: str
    label: str
    domain: str
    group: str
    weight: float = 1.0
    context: str = ""


class DataFormatError(ValueError):
    """A --data file could not be read; the message says which formats exist."""


def data_root() -> Path:
    """``$NLP_NEWS_DATA`` or ``../shared/data`` beside the checkout."""
    env = os.environ.get("NLP_NEWS_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


# ---------------------------------------------------------------- readers ---
def _t2s():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - declared dependency
        return lambda s: s
    cc = OpenCC("t2s")
    return cc.convert


def read_chnsenticorp(path: str | os.PathLike[str]) -> list[Example]:
    """ChnSentiCorp TSV (``label<TAB>text_a``, 1 positive, 0 negative), converted to simplified.

    Rows of a file named ``dev.tsv`` are marked for the dev split.
    """
    conv = _t2s()
    prefix = "dev:" if Path(path).stem in ("dev", "valid", "validation") else ""
    out = []
    li, ti = 0, 1  # label and text columns; a header (label, text_a, maybe qid) overrides them
    with open(path, encoding="utf-8") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
            if n == 0 and "label" in row:
                li = row.index("label")
                ti = row.index("text_a") if "text_a" in row else (1 if li == 0 else 0)
                continue
            if len(row) <= max(li, ti) or row[li] not in ("0", "1"):
                continue
            text = conv(("\t".join(row[ti:]) if ti > li else row[ti]).strip())  # a tab inside the text survives
            out.append(Example(text, "positive" if row[li] == "1" else "negative", "review", prefix + _h(text)))
    return out


def read_ccf(path: str | os.PathLike[str]) -> list[Example]:
    """CCF BDCI 2019 CSV (``,id,title,content,label``; 0 positive, 1 neutral, 2 negative)."""
    names = {"0": "positive", "1": "neutral", "2": "negative"}
    out = []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lab = names.get((row.get("label") or "").strip())
            if lab is None:
                continue
            out.append(
                Example(ccf_text(row.get("title") or "", row.get("content") or ""), lab, "ccf", row.get("id") or "")
            )
    return out


def ccf_text(title: str, content: str) -> str:
    """Title and content as one text, without repeating a title the content starts with.

    >>> ccf_text("标题", "标题后面的正文"), ccf_text("标题", "正文")
    ('标题后面的正文', '标题。正文')
    """
    title, content = title.strip(), content.strip()
    if not content or content.startswith(title):
        return content or title
    return f"{title}。{content}"


def read_passages(
    path: str | os.PathLike[str], corpus: str | os.PathLike[str] | None = None, *, task: str = "sentiment"
) -> list[Example]:
    """News passages (``labels.jsonl``): text from the cnews corpus by offsets.

    Confidence-1 passages get weight 0.5 for sentiment. ``group`` is the corpus line,
    so a split keeps an article's passages together; ``context`` is the whole article.
    """
    path = Path(path)
    corpus = Path(corpus) if corpus else path.parent / ".." / ".." / "corpus" / "cnews" / "cnews-800.txt"
    articles = _cnews_lines(corpus)
    out = []
    for r in _jsonl(path):
        article = articles[r["line"]][1]
        text = article[r["start"] : r["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != r["sha1"]:
            raise DataFormatError(f"{path}: passage at line {r['line']} does not match {corpus}; wrong corpus file?")
        if task == "sentiment":
            w = 0.5 if r.get("confidence") == 1 else 1.0
            out.append(Example(text, r["sentiment"], "news", f"cnews:{r['line']}", w, article))
        else:
            out.append(Example(text, r["theme"], "paragraph", f"cnews:{r['line']}", 1.0, article))
    return out


def _jsonl(path: str | os.PathLike[str]) -> Iterator[dict]:
    """The records of a JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        for ln in f:
            if ln.strip():
                yield json.loads(ln)


def _cnews_lines(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as f:
        return [tuple(ln.split("\t", 1)) for ln in f.read().split("\n") if ln]  # type: ignore[misc]


_SENT_RUN = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)\]】》〕〉\"']*")


def chunks(article: str, *, min_chars: int = 60, max_chars: int = 200) -> list[str]:
    """Cut an article into runs of whole sentences of about paragraph length.

    >>> chunks("第一句。" * 30, min_chars=20, max_chars=40)[:2]
    ['第一句。第一句。第一句。第一句。第一句。', '第一句。第一句。第一句。第一句。第一句。']
    """
    out, cur = [], ""
    for m in _SENT_RUN.finditer(article):
        s = m.group().strip()
        if not s:
            continue
        cur += s
        if len(cur) >= min_chars:
            out.append(cur[:max_chars])
            cur = ""
    if len(cur) >= min_chars // 2:
        out.append(cur[:max_chars])
    return out


def read_cnews(path: str | os.PathLike[str], *, pieces: bool = True) -> list[Example]:
    """cnews articles (``channel<TAB>article``): each article (domain ``article``) and,
    with ``pieces``, its sentence chunks (domain ``paragraph``), labelled by channel."""
    out = []
    for n, (channel, article) in enumerate(_cnews_lines(Path(path))):
        theme = CHANNEL_THEME.get(channel)
        if theme is None:
            continue
        g = f"cnews:{n}"
        out.append(Example(article, theme, "article", g))
        if pieces:
            for piece in chunks(article)[1:]:  # the first one has the title glued to it
                out.append(Example(piece, theme, "paragraph", g, 0.5))
    return out


def read_thucnews_titles(path: str | os.PathLike[str]) -> list[Example]:
    """THUCNews headlines (``title<TAB>class index``, names in ``class.txt`` beside it)."""
    path = Path(path)
    cls_file = path.parent / "class.txt"
    names = cls_file.read_text(encoding="utf-8").split() if cls_file.exists() else list(THUC_THEME)
    out = []
    with open(path, encoding="utf-8") as f:
        for ln in f:
            title, _, idx = ln.rstrip("\n").rpartition("\t")
            if not title or not idx.strip().isdigit():
                continue
            out.append(Example(title, THUC_THEME[names[int(idx)]], "title", _h(title)))
    return out


def read_tnews(path: str | os.PathLike[str]) -> list[Example]:
    """TNEWS JSONL, mapped to themes by :data:`TNEWS_THEME` (other classes dropped)."""
    out = []
    for r in _jsonl(path):
        theme = TNEWS_THEME.get(r.get("label_desc", ""))
        if theme:
            out.append(Example(r["sentence"], theme, "title", _h(r["sentence"]), 0.5))
    return out


def read_tsv(path: str | os.PathLike[str], *, domain: str) -> list[Example]:
    """Our own simple format: ``label<TAB>text`` per line (for small custom sets)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for ln in f:
            lab, _, text = ln.rstrip("\n").partition("\t")
            if text and lab != "label":
                out.append(Example(text, lab.strip(), domain, _h(text)))
    return out


def detect_format(path: str | os.PathLike[str]) -> str:
    """Guess the dataset format from the file name.

    >>> [detect_format(p) for p in ["x/chnsenticorp/dev.tsv", "ccf-bdci2019/train.csv", "news-passages/labels.jsonl",
    ...  "thucnews-titles/train.txt", "cnews/cnews-800.txt", "tnews/train.json", "mine.tsv"]]
    ['chnsenticorp', 'ccf', 'passages', 'titles', 'cnews', 'tnews', 'tsv']
    """
    p = str(path).replace("\\", "/").lower()
    name = Path(p).name
    if "chnsenticorp" in p:
        return "chnsenticorp"
    if "ccf" in p or (name.endswith(".csv") and "bdci" in p):
        return "ccf"
    if name == "labels.jsonl" or "passages" in p:
        return "passages"
    if "thucnews" in p or "titles" in p:
        return "titles"
    if "cnews" in p:
        return "cnews"
    if "tnews" in p:
        return "tnews"
    if name.endswith(".tsv"):
        return "tsv"
    raise DataFormatError(
        f"cannot tell the format of {path}; pass --format with one of "
        "chnsenticorp, ccf, passages, titles, cnews, tnews, tsv"
    )


def read_dataset(path: str | os.PathLike[str], task: str, fmt: str | None = None) -> list[Example]:
    """Read ``path`` for ``task`` ("sentiment" or "theme") in format ``fmt`` (guessed if None)."""
    fmt = fmt or detect_format(path)
    if not Path(path).exists():
        raise DataFormatError(f"{path} does not exist")
    if fmt == "chnsenticorp":
        return read_chnsenticorp(path)
    if fmt == "ccf":
        return read_ccf(path)
    if fmt == "passages":
        return read_passages(path, task=task)
    if fmt == "titles":
        return read_thucnews_titles(path)
    if fmt == "cnews":
        return read_cnews(path)
    if fmt == "tnews":
        return read_tnews(path)
    if fmt == "tsv":
        return read_tsv(path, domain="news" if task == "sentiment" else "paragraph")
    raise DataFormatError(f"unknown format {fmt!r}")


def _h(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# ----------------------------------------------------------------- splits ---
def split_dev(examples: Sequence[Example], frac: float = 0.2, seed: int = SEED) -> tuple[list[Example], list[Example]]:
    """Split by ``group`` with a seeded hash: the same group always lands on the same side.
    Groups starting with ``dev:`` (rows of a file named dev.*) always go to dev.

    >>> ex = [Example("t", "a", "d", f"g{i // 2}") for i in range(100)]
    >>> tr, dv = split_dev(ex)
    >>> len(tr) + len(dv), {e.group for e in tr} & {e.group for e in dv}
    (100, set())
    """

    def is_dev(g: str) -> bool:
        if g.startswith("dev:"):
            return True
        h = hashlib.sha1(f"{seed}:{g}".encode()).digest()
        return int.from_bytes(h[:4], "big") / 2**32 < frac

    train, dev = [], []
    for e in examples:
        (dev if is_dev(e.group) else train).append(e)
    return train, dev


def dedupe(train: Sequence[Example], dev: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """Drop duplicate texts inside each side and dev texts that also occur in train.

    Of duplicates in train, the one with the highest weight stays, in the place of the first:
    a labelled news passage (weight 1) wins over the same text cut from a cnews article
    (weight 0.5, its channel as the label), whatever order the data files came in.

    >>> a, b = Example("t", "finance", "paragraph", "g", 0.5), Example("t", "stocks", "paragraph", "g", 1.0)
    >>> [e.label for e in dedupe([a, Example("u", "home", "paragraph", "h"), b], [])[0]]
    ['stocks', 'home']
    """
    seen: set[str] = set()
    where: dict[str, int] = {}
    tr: list[Example] = []
    for e in train:
        key = f"{e.domain}\t{e.text}"
        i = where.get(key)
        if i is None:
            seen.add(key)
            where[key] = len(tr)
            tr.append(e)
        elif e.weight > tr[i].weight:
            tr[i] = e
    dv, dseen = [], set()
    for e in dev:
        key = f"{e.domain}\t{e.text}"
        if key not in seen and key not in dseen:
            dseen.add(key)
            dv.append(e)
    return tr, dv


# ---------------------------------------------------------------- training ---
def _matrix(fx: Featurizer, texts: Sequence[str], batch: int = 2000):
    import scipy.sparse as sp

    parts = []
    for i in range(0, len(texts), batch):
        r, idx, val = fx.transform(texts[i : i + batch])
        parts.append(sp.csr_matrix((val, (r, idx)), shape=(len(texts[i : i + batch]), 2**fx.bits), dtype=np.float32))
    return sp.vstack(parts).tocsr()


def _augment(X, domains: Sequence[str], heads: Sequence[str]):
    """[X | X for domain 1 | X for domain 2 | ...]: a shared copy plus one per head."""
    import scipy.sparse as sp

    blocks = [X]
    dom = np.asarray(domains)
    for h in heads:
        mask = sp.diags((dom == h).astype(np.float32))
        blocks.append(mask @ X)
    return sp.hstack(blocks).tocsr()


def fit_heads(
    examples: Sequence[Example],
    classes: Sequence[str],
    heads: Sequence[str],
    *,
    fx: Featurizer,
    C: float = 10.0,
    domain_weight: dict[str, float] | None = None,
    balance: bool = True,
    max_iter: int = 300,
):
    """Fit the augmented logistic regression; returns ``(W[head] (nf, k), b[head] (k,))``."""
    from sklearn.linear_model import LogisticRegression

    cls_index = {c: i for i, c in enumerate(classes)}
    texts = [e.text for e in examples]
    y = np.array([cls_index[e.label] for e in examples])
    w = np.array([e.weight * (domain_weight or {}).get(e.domain, 1.0) for e in examples], dtype=np.float64)
    if balance:
        # balance the classes inside each domain, keeping each domain's total weight
        dom = np.array([e.domain for e in examples])
        for d in np.unique(dom):
            m = dom == d
            total = w[m].sum()
            for k in np.unique(y[m]):
                mk = m & (y == k)
                w[mk] *= total / (len(np.unique(y[m])) * w[mk].sum())
    X = _augment(_matrix(fx, texts), [e.domain for e in examples], heads)
    present = np.unique(y)
    clf = LogisticRegression(C=C, max_iter=max_iter, solver="lbfgs", tol=1e-4)
    clf.fit(X, y, sample_weight=w * len(w) / w.sum())
    nf = 2**fx.bits
    coef = np.zeros((len(classes), X.shape[1]), dtype=np.float64)
    icpt = np.full(len(classes), -30.0)
    if len(present) == 2:  # binary: sklearn keeps one row
        coef[present[1]] = clf.coef_[0] / 2
        coef[present[0]] = -clf.coef_[0] / 2
        icpt[present[1]], icpt[present[0]] = clf.intercept_[0] / 2, -clf.intercept_[0] / 2
    else:
        coef[present] = clf.coef_
        icpt[present] = clf.intercept_
    shared = coef[:, :nf]
    W, b = {}, {}
    for i, h in enumerate(heads):
        W[h] = (shared + coef[:, nf * (i + 1) : nf * (i + 2)]).T.astype(np.float32)
        b[h] = icpt.astype(np.float32)
    return W, b


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising the dev log-loss (a 1-D grid then refinement).

    >>> z = np.array([[4.0, 0.0], [0.0, 4.0], [4.0, 0.0], [4.0, 0.0]])
    >>> fit_temperature(z, np.array([0, 1, 1, 0])) > 1
    True
    """

    def nll(t: float) -> float:
        p = _softmax(logits / t)
        return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))

    grid = np.exp(np.linspace(np.log(0.05), np.log(20), 80))
    best = min(grid, key=nll)
    for step in (1.1, 1.02):
        cand = best * np.array([1 / step**2, 1 / step, 1, step, step**2])
        best = min(cand, key=nll)
    return float(best)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


TASKS = {
    "sentiment": {
        "classes": SENTIMENTS,
        "heads": ("news", "review", "ccf"),
        "default_head": "news",
        "C": 8.0,
        "domain_weight": {"news": 3.0},
        # class offsets on this head's logits, chosen for macro-F1 by cross-validation
        "offset_head": "news",
    },
    "theme": {
        "classes": THEMES,
        "heads": ("paragraph", "title", "article"),
        "default_head": "paragraph",
        "C": 20.0,
        "domain_weight": {},
        # the article head's probabilities of a paragraph's article are a prior on its theme
        "context_head": "article",
    },
}

#: Candidate weights of the article prior (:func:`tune_context_weight`).
CONTEXT_GRID = tuple(round(0.05 * i, 2) for i in range(61))
#: A weight within this much accuracy of the best counts as the best (the smallest such wins):
#: one passage in 200 is 0.005.
CONTEXT_ACCURACY_TOLERANCE = 0.005


def tune_context_weight(
    logp_para: np.ndarray, logp_article: np.ndarray, y: np.ndarray, grid: Sequence[float] = CONTEXT_GRID
) -> tuple[float, float, list[dict]]:
    """The weight ``w`` of the article prior and the temperature ``t`` of the product
    (``p ~ (p_para * p_article**w) ** (1/t)``, :func:`~nlp_news.labels.models.with_context`):
    the smallest ``w`` of ``grid`` whose accuracy on the gold classes ``y`` is within
    :data:`CONTEXT_ACCURACY_TOLERANCE` of the best, with ``t`` fitted for it by
    :func:`fit_temperature` so the scores stay calibrated (the product of two calibrated
    distributions is over-confident). Accuracy, not log-likelihood, picks ``w``: the label
    is what a reader sees, and on the news passages the log-likelihood of the tempered
    product falls with ``w`` while the accuracy rises by 3-4 points. Also a row per
    candidate (weight, temperature, log-likelihood, accuracy).

    >>> lp = np.log(np.array([[0.6, 0.4], [0.4, 0.6], [0.6, 0.4], [0.3, 0.7]]))
    >>> la = np.log(np.array([[0.2, 0.8], [0.2, 0.8], [0.9, 0.1], [0.6, 0.4]]))
    >>> w, t, rows = tune_context_weight(lp, la, np.array([1, 1, 0, 1]), grid=(0.0, 0.5, 1.0))
    >>> w, [r["accuracy"] for r in rows]
    (0.5, [0.75, 1.0, 1.0])
    """
    rows = []
    for w in grid:
        z = logp_para + w * logp_article
        t = fit_temperature(z, y)
        p = _softmax(z / t)
        ll = float(np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12))))
        rows.append(
            {
                "weight": float(w),
                "temperature": round(t, 4),
                "loglik": round(ll, 4),
                "accuracy": round(float(np.mean(p.argmax(1) == y)), 3),
            }
        )
    top = max(r["accuracy"] for r in rows)
    best = min((r for r in rows if r["accuracy"] >= top - CONTEXT_ACCURACY_TOLERANCE), key=lambda r: r["weight"])
    return best["weight"], best["temperature"], rows


def _fold_model(task: str, rest: Sequence[Example], fx_meta: dict, C: float, temps: dict[str, float]):
    """The heads of ``task`` fitted on ``rest`` (one cross-validation fold)."""
    from nlp_news.labels.models import LinearLabelModel

    spec = TASKS[task]
    fx = Featurizer.from_meta(fx_meta)
    classes, heads = tuple(spec["classes"]), tuple(spec["heads"])
    W, b = fit_heads(rest, classes, heads, fx=fx, C=C, domain_weight=spec["domain_weight"])
    return LinearLabelModel(task, classes, fx, W, b, temps, default_head=spec["default_head"])


def _context_fold(args) -> tuple[np.ndarray, np.ndarray]:
    """One fold of :func:`fit_context`: fit the heads on ``rest``, return the paragraph
    head's probabilities of the held-out passages and the context head's of their articles."""
    task, rest, part, fx_meta, C, temps = args
    spec = TASKS[task]
    m = _fold_model(task, rest, fx_meta, C, temps)
    head = spec["default_head"]
    return m.predict_proba([e.text for e in part], head), m.predict_proba([e.context for e in part], spec["context_head"])


def _offset_fold(args) -> np.ndarray:
    """One fold of :func:`fit_offsets`: fit the heads on ``rest``, return the offset head's
    logits (no offsets, no temperature) of the held-out examples."""
    task, rest, part, fx_meta, C = args
    m = _fold_model(task, rest, fx_meta, C, {})
    return m.logits([e.text for e in part], TASKS[task]["offset_head"])


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """How :func:`fit_context` and :func:`fit_offsets` cross-validate: ``folds`` folds by
    group (a seeded hash), the heads refitted on each fold's rest with the featurizer
    ``fx`` and ``C``, ``jobs`` folds at once in worker processes (same result; each holds
    a copy of the training matrix)."""

    fx: Featurizer
    C: float
    seed: int = SEED
    folds: int = 5
    jobs: int = 1


def _article_folds(
    train: Sequence[Example], held: Sequence[Example], plan: CrossValidation
) -> list[tuple[list[Example], list[Example]]] | None:
    """Cross-validation by group: ``held`` (the examples to predict out of fold) is split
    into ``plan.folds`` by a seeded hash of the group, and each part is paired with ``train``
    minus every example of its groups (an article's passages, the article itself and its
    pieces leave together). None when ``held`` has fewer groups than folds."""
    seed, folds = plan.seed, plan.folds
    groups = sorted({e.group for e in held})
    if len(groups) < max(folds, 2):
        return None

    def fold(g: str) -> int:
        return int.from_bytes(hashlib.sha1(f"{seed}:context:{g}".encode()).digest()[:4], "big") % folds

    gset = set(groups)
    out = []
    for k in range(folds):
        part = [e for e in held if fold(e.group) == k]
        if part:
            out.append(([e for e in train if not (e.group in gset and fold(e.group) == k)], part))
    return out


def _map_folds(fn, tasks: list, jobs: int) -> list:
    """``[fn(t) for t in tasks]``, with ``jobs`` > 1 in that many forked worker processes."""
    if jobs > 1 and len(tasks) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(fn, tasks))
    return [fn(t) for t in tasks]


def fit_context(
    task: str,
    train: Sequence[Example],
    train_raw: Sequence[Example],
    dev_raw: Sequence[Example],
    model,
    plan: CrossValidation,
    *,
    log=print,
) -> dict | None:
    """Tune the weight of the article prior on a paragraph's theme by cross-validation.

    The training paragraphs that come with their article (``context``) are split into
    ``plan.folds`` by group (an article's passages, the article itself and its pieces leave
    together); for each fold the heads are fitted again on the rest of ``train`` and give
    out-of-fold paragraph-head probabilities of the held-out passages and article-head
    probabilities of their articles (``model``'s temperatures). :func:`tune_context_weight`
    picks the weight on those. The dev passages (``dev_raw`` with a context, minus texts
    seen in training) are then scored by ``model`` without and with their article.
    Returns None when there are too few passages with an article to tune on.
    """
    from nlp_news.labels.models import with_context

    spec = TASKS[task]
    classes, head, ctx_head = tuple(spec["classes"]), spec["default_head"], spec["context_head"]
    held = [e for e in train_raw if e.context and e.domain == head]  # before dedupe: every labelled passage
    splits = _article_folds(train, held, plan)
    if splits is None:
        return None
    tasks = [(task, rest, part, plan.fx.to_meta(), plan.C, dict(model.temperatures)) for rest, part in splits]
    results = _map_folds(_context_fold, tasks, plan.jobs)
    lp, la, ys = [], [], []
    for (_, rest, part, *_), (p_para, p_art) in zip(tasks, results):
        lp.append(np.log(np.maximum(p_para, 1e-300)))
        la.append(np.log(np.maximum(p_art, 1e-300)))
        ys += [classes.index(e.label) for e in part]
        log(f"  context fold: {len(part)} passages held out, heads fitted on {len(rest)} examples")
    y = np.array(ys)
    w, t, grid = tune_context_weight(np.concatenate(lp), np.concatenate(la), y)
    cv = {r["weight"]: r for r in grid}
    out = {
        "head": ctx_head,
        "weight": w,
        "temperature": t,
        "folds": plan.folds,
        "cv": {"n": len(y), "without": cv[0.0], "with": cv[w], "grid": grid},
    }
    log(
        f"  context: weight {w}, temperature {t} of the {ctx_head} head (CV on {len(y)} training passages: accuracy "
        f"{cv[0.0]['accuracy']:.3f} -> {cv[w]['accuracy']:.3f}, log-likelihood {cv[0.0]['loglik']} -> {cv[w]['loglik']})"
    )
    dev_ctx = dedupe(train_raw, [e for e in dev_raw if e.context and e.domain == head])[1]
    if dev_ctx:
        pp = model.predict_proba([e.text for e in dev_ctx], head)
        pa = model.predict_proba([e.context for e in dev_ctx], ctx_head)
        gold = [e.label for e in dev_ctx]
        out["dev"] = {}
        for name, p in (("without", pp), ("with", with_context(pp, pa, w, t))):
            pred = [classes[i] for i in p.argmax(axis=1)]
            out["dev"][name] = metrics(gold, pred, sorted(set(gold) | set(pred), key=classes.index))
        a, b = out["dev"]["without"], out["dev"]["with"]
        log(
            f"  dev passages (n={a['n']}): accuracy {a['accuracy']:.4f} -> {b['accuracy']:.4f}, "
            f"macro-F1 {a['macro_f1']:.4f} -> {b['macro_f1']:.4f} with the article"
        )
    return out


#: Candidate class offsets (:func:`tune_offsets`): -0.5 to 1.5 in steps of 0.1.
OFFSET_GRID = tuple(round(-0.5 + 0.1 * i, 1) for i in range(21))
#: Offsets within this much macro-F1 of the best count as the best (the smallest win).
OFFSET_MACRO_F1_TOLERANCE = 0.005


def tune_offsets(
    z: np.ndarray,
    y: np.ndarray,
    classes: Sequence[str],
    *,
    fixed: str = "neutral",
    grid: Sequence[float] = OFFSET_GRID,
    tol: float = OFFSET_MACRO_F1_TOLERANCE,
) -> tuple[np.ndarray, float]:
    """Additive offsets on the logits ``z`` (one per class; ``fixed``'s is 0) that
    maximise the macro-F1 of ``argmax(z + offsets)`` against the gold classes ``y``: of
    the grid points within ``tol`` of the best macro-F1, the one with the smallest sum of
    absolute offsets (then the higher macro-F1). Returns the offsets and the best
    macro-F1 on the grid. The logistic model's argmax maximises accuracy; macro-F1 also
    rewards recall of the smaller classes, which a shift of their prior buys.

    >>> z = np.array([[0.0, 0.3, -1.0], [0.0, 0.2, -1.0], [0.0, 0.5, -1.0], [-1.0, 1.0, 0.0]])
    >>> off, best = tune_offsets(z, np.array([0, 0, 1, 2]), ["positive", "neutral", "negative"], grid=(0.0, 0.4, 1.2))
    >>> off.tolist(), round(best, 3)
    ([0.4, 0.0, 1.2], 1.0)
    """
    import itertools

    free = [i for i, c in enumerate(classes) if c != fixed]
    labels = list(range(len(classes)))
    rows = []
    for vals in itertools.product(grid, repeat=len(free)):
        off = np.zeros(len(classes))
        off[free] = vals
        m = metrics(list(y), list((z + off).argmax(axis=1)), labels)
        rows.append((m["macro_f1"], off))
    top = max(r[0] for r in rows)
    _, off = min((r for r in rows if r[0] >= top - tol), key=lambda r: (round(float(np.abs(r[1]).sum()), 6), -r[0]))
    return off, top


def fit_offsets(
    task: str,
    train: Sequence[Example],
    train_raw: Sequence[Example],
    dev: Sequence[Example],
    model,
    plan: CrossValidation,
    *,
    log=print,
) -> dict | None:
    """Choose class offsets for the task's ``offset_head`` by cross-validation by group.

    The training examples of that head are split into ``plan.folds`` by group (article) as
    :func:`fit_context` does; the heads are fitted again without each fold's groups and
    give out-of-fold logits of the held-out examples, on which :func:`tune_offsets`
    picks the offsets for macro-F1. The dev examples of the head (never used to choose)
    are then scored by ``model`` (fitted on all of ``train``) without and with the
    offsets: accuracy, macro-F1 and, with a temperature fitted on dev for each, the
    mean log-likelihood. Returns None when there are too few groups.
    """
    spec = TASKS[task]
    classes, head = tuple(spec["classes"]), spec["offset_head"]
    held = [e for e in train_raw if e.domain == head]  # before dedupe: every labelled passage
    splits = _article_folds(train, held, plan)
    if splits is None:
        return None
    results = _map_folds(_offset_fold, [(task, rest, part, plan.fx.to_meta(), plan.C) for rest, part in splits], plan.jobs)
    for rest, part in splits:
        log(f"  offsets fold: {len(part)} {head} examples held out, heads fitted on {len(rest)} examples")
    z = np.concatenate(results)
    y = np.array([classes.index(e.label) for _, part in splits for e in part])
    off, best = tune_offsets(z, y, classes)

    def scores(z: np.ndarray, y: np.ndarray, o: np.ndarray, loglik: bool = False) -> dict:
        m = metrics([classes[i] for i in y], [classes[i] for i in (z + o).argmax(axis=1)], classes)
        r = {"accuracy": round(m["accuracy"], 4), "macro_f1": round(m["macro_f1"], 4), "confusion": m["confusion"]}
        if loglik:
            t = fit_temperature(z + o, y)
            p = _softmax((z + o) / t)
            r["temperature"] = round(t, 4)
            r["loglik"] = round(float(np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)))), 4)
        return r

    none = np.zeros(len(classes))
    out = {
        "head": head,
        "offsets": {c: float(v) for c, v in zip(classes, off)},
        "folds": plan.folds,
        "cv": {"n": len(y), "without": scores(z, y, none), "with": scores(z, y, off), "best_macro_f1": round(best, 4)},
    }
    cv = out["cv"]
    log(
        f"  offsets of the {head} head: {out['offsets']} (CV on {len(y)} training examples: macro-F1 "
        f"{cv['without']['macro_f1']:.4f} -> {cv['with']['macro_f1']:.4f}, accuracy "
        f"{cv['without']['accuracy']:.4f} -> {cv['with']['accuracy']:.4f})"
    )
    dh = [e for e in dev if e.domain == head]
    if len(dh) >= 10:
        zd = model.logits([e.text for e in dh], head)
        yd = np.array([classes.index(e.label) for e in dh])
        out["dev"] = {"n": len(dh), "without": scores(zd, yd, none, True), "with": scores(zd, yd, off, True)}
        a, b = out["dev"]["without"], out["dev"]["with"]
        log(
            f"  dev {head} (n={len(dh)}): macro-F1 {a['macro_f1']:.4f} -> {b['macro_f1']:.4f}, accuracy "
            f"{a['accuracy']:.4f} -> {b['accuracy']:.4f} with the offsets"
        )
    return out


def train_labels(
    task: str,
    examples: Sequence[Example],
    *,
    out: str | os.PathLike[str] | None = None,
    dev_frac: float = 0.2,
    refit: bool = True,
    bits: int = 18,
    C: float | None = None,
    seed: int = SEED,
    context_folds: int = 5,
    jobs: int = 1,
    punct: str = "keep",
    log=print,
) -> tuple[object, dict]:
    """Train a model for ``task`` and return ``(model, report)``.

    Splits a seeded dev part by group, fits, fits one temperature per head on
    its dev examples and measures dev metrics; with ``refit`` it then fits again
    on everything and keeps the temperatures. Saves to ``out`` when given.
    ``punct``: the featurizer's punctuation setting (:class:`~nlp_news.labels.features.Featurizer`),
    stored in the model's meta.json.

    For theme, when some training paragraphs come with their article (``Example.context``,
    the news passages), the weight of the article head as a prior on the paragraph
    head (:func:`~nlp_news.labels.models.with_context`) is tuned by ``context_folds``-fold
    cross-validation on those training passages (:func:`fit_context`; never on the dev
    split) and stored in the model's meta as ``context``; the report then gives the dev
    passages with and without their article.

    For sentiment, class offsets on the ``news`` head's logits (a prior shift toward the
    polar classes, for macro-F1) are chosen by ``context_folds``-fold cross-validation by
    article on the training passages (:func:`fit_offsets`, before the temperatures, which
    are then fitted on the shifted logits) and stored in the model (meta.json ``offsets``);
    the report's ``offsets`` gives the out-of-fold and dev figures without and with them.
    """
    from nlp_news.labels.models import LinearLabelModel

    spec = TASKS[task]
    classes = tuple(spec["classes"])
    unknown = Counter(e.label for e in examples if e.label not in classes)
    if unknown:
        raise DataFormatError(f"labels {sorted(unknown)} are not {task} classes {list(classes)}")
    heads = tuple(spec["heads"])
    extra = sorted({e.domain for e in examples} - set(heads))
    if extra:
        raise DataFormatError(f"domains {extra} have no head; known heads: {list(heads)}")
    C = float(C if C is not None else spec["C"])
    fx = Featurizer(bits=bits, punct=punct)
    train_raw, dev_raw = split_dev(examples, dev_frac, seed) if dev_frac > 0 else (list(examples), [])
    train, dev = dedupe(train_raw, dev_raw)
    log(f"{task}: {len(train)} train, {len(dev)} dev examples; heads {heads}")
    W, b = fit_heads(train, classes, heads, fx=fx, C=C, domain_weight=spec["domain_weight"])
    plan = CrossValidation(fx, C, seed, context_folds, jobs)
    temps = dict.fromkeys(heads, 1.0)
    model = LinearLabelModel(task, classes, fx, W, b, temps, default_head=spec["default_head"])
    report: dict = {"dev": {}, "train_size": len(train), "dev_size": len(dev), "C": C, "bits": bits, "seed": seed}
    report["punct"] = punct
    if spec.get("offset_head"):
        offsets = fit_offsets(task, train, train_raw, dev, model, plan, log=log)
        if offsets is not None:
            report["offsets"] = offsets
            model.offsets = {offsets["head"]: np.array([offsets["offsets"][c] for c in classes])}
    for h in heads:
        dh = [e for e in dev if e.domain == h]
        if len(dh) >= 10:
            # the temperature is fitted on the logits as the model scores them: offsets added
            z = model.logits([e.text for e in dh], head=h) + model.offsets.get(h, 0.0)
            y = np.array([classes.index(e.label) for e in dh])
            temps[h] = fit_temperature(z, y)
    model.temperatures = temps
    for h in heads:
        dh = [e for e in dev if e.domain == h]
        if dh:
            report["dev"][h] = evaluate(model, dh, head=h)
            m = report["dev"][h]
            log(f"  dev {h}: n={m['n']} accuracy={m['accuracy']:.4f} macro_f1={m['macro_f1']:.4f} T={temps[h]:.3f}")
    context = None
    if spec.get("context_head"):
        context = fit_context(task, train, train_raw, dev_raw, model, plan, log=log)
        if context is not None:
            report["context"] = context
    if refit and dev:
        all_ex, _ = dedupe(list(train) + list(dev), [])
        W, b = fit_heads(all_ex, classes, heads, fx=fx, C=C, domain_weight=spec["domain_weight"])
        model = LinearLabelModel(
            task, classes, fx, W, b, temps, default_head=spec["default_head"], offsets=model.offsets
        )
        report["refit_size"] = len(all_ex)
        log(f"  refit on {len(all_ex)} examples")
    if context is not None:
        model.meta["context"] = {
            "head": spec["context_head"],
            "weight": context["weight"],
            "temperature": context["temperature"],
        }
    if out is not None:
        model.save(out, extra_meta={"training": report})
    return model, report


# -------------------------------------------------------------- evaluation ---
def evaluate(model, examples: Sequence[Example], *, head: str | None = None, context: bool = False) -> dict:
    """Accuracy, macro-F1 and the confusion matrix of ``model`` on ``examples``.

    When the gold labels use only positive and negative (a binary review set),
    the prediction compares the positive and negative probabilities only. With
    ``context``, the examples that come with their article (``Example.context``) are
    scored with the article head's probabilities of it as a prior, weighted by the
    model's ``context_weight`` (as the pipeline labels paragraphs).
    """
    from nlp_news.labels.models import with_context

    classes = list(model.classes_)
    gold = [e.label for e in examples]
    P = model.predict_proba([e.text for e in examples], head=head)
    w = getattr(model, "context_weight", 0.0)
    rows = [i for i, e in enumerate(examples) if e.context] if context and w else []
    if rows:
        pa = model.predict_proba([examples[i].context for i in rows], head="article")
        P[rows] = with_context(P[rows], pa, w, model.context_temperature)
    labels_used = sorted(set(gold), key=classes.index)
    if set(gold) <= {"positive", "negative"} and "neutral" in classes:
        cols = [classes.index("positive"), classes.index("negative")]
        pred = [("positive" if p[cols[0]] >= p[cols[1]] else "negative") for p in P]
        labels_used = ["positive", "negative"]
    else:
        pred = [classes[i] for i in P.argmax(axis=1)]
        labels_used = sorted(set(gold) | set(pred), key=classes.index)
    return metrics(gold, pred, labels_used)


def metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Accuracy, macro-F1 over ``labels`` and a confusion matrix (rows gold, columns predicted).

    >>> m = metrics(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
    >>> round(m["accuracy"], 3), round(m["macro_f1"], 3), m["confusion"]
    (0.667, 0.667, [[1, 1], [0, 1]])
    """
    idx = {c: i for i, c in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in zip(gold, pred):
        if g in idx and p in idx:
            cm[idx[g], idx[p]] += 1
    n = len(gold)
    acc = float(sum(g == p for g, p in zip(gold, pred)) / n) if n else 0.0
    f1s = []
    for i in range(len(labels)):
        tp = cm[i, i]
        prec = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        rec = tp / cm[i, :].sum() if cm[i, :].sum() else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    gold_labels = [i for i, c in enumerate(labels) if c in set(gold)]
    macro = float(np.mean([f1s[i] for i in gold_labels])) if gold_labels else 0.0
    return {
        "n": n,
        "accuracy": acc,
        "macro_f1": macro,
        "labels": list(labels),
        "confusion": cm.tolist(),
        "f1": {c: float(f1s[i]) for i, c in enumerate(labels)},
    }


def format_report(m: dict, title: str = "") -> str:
    """A plain-text block: accuracy, macro-F1, per-class F1 and the confusion matrix."""
    labels = m["labels"]
    w = max(8, *(len(c) for c in labels)) + 1
    lines = [f"{title}n={m['n']}  accuracy={m['accuracy']:.4f}  macro-F1={m['macro_f1']:.4f}"]
    lines.append("gold \\ pred".ljust(w) + "".join(c[: w - 1].rjust(w) for c in labels) + "   F1")
    for c, row in zip(labels, m["confusion"]):
        lines.append(c.ljust(w) + "".join(str(v).rjust(w) for v in row) + f"   {m['f1'][c]:.3f}")
    return "\n".join(lines)


def iter_datasets(paths: Iterable[str], task: str, fmt: str | None = None) -> list[Example]:
    out: list[Example] = []
    for p in paths:
        out.extend(read_dataset(p, task, fmt))
    return out


# -------------------------------------------------------------- model card ---
_SOURCES = {
    "chnsenticorp": "ChnSentiCorp hotel/laptop/book reviews (binary), via pengming617/bert_classification; "
    "converted to simplified script with OpenCC t2s",
    "ccf": "CCF BDCI 2019 news sentiment (3 classes, text damaged upstream), via U-Help/DS2019",
    "passages": "900 cnews-800 news passages labelled for sentiment and theme (one annotator), text read by offsets",
    "titles": "THUCNews headlines, 10 classes, via 649453932/Chinese-Text-Classification-Pytorch",
    "cnews": "cnews-800 THUCNews articles (channel labels), whole articles and 60-200 character sentence runs",
    "tnews": "TNEWS (CLUE) headlines, classes mapped to themes where one fits",
    "tsv": "a label<TAB>text file supplied by the user",
}
_PUNCT_NOTES = {
    "drop": "the n-grams of punctuation only are left out.",
    "split": "n-grams break at punctuation as at a space.",
    "clause": "the n-grams made only of the clause marks ，。、； are left out (other punctuation stays).",
}
_HEADS = {
    "sentiment": "`news` (default; the pipeline uses it), `review` (ChnSentiCorp), `ccf` (CCF BDCI)",
    "theme": "`paragraph` (default; paragraphs), `title` (headlines), `article` (whole articles; the pipeline's doc._.themes)",
}


def write_model_card(
    folder: str | os.PathLike[str], task: str, paths: Sequence[str], report: dict, command: str
) -> Path:
    """Write MODEL_CARD.md beside the weights from the training report (its hand-written part kept)."""
    from nlp_news.modelio import load_model, write_card

    folder = Path(folder)
    _, meta = load_model(folder)
    lines = [
        f"# {task} model",
        "",
        f"Multinomial logistic regression (scikit-learn, lbfgs) over hashed features (2**{report['bits']} buckets:",
        "character 1-3-grams with digits folded to 0, jieba words and word bigrams, and news cues: polarity words",
        "flipped by a negator 不/未/没有/无 within two tokens, growth and decline verbs followed by a number).",
    ]
    punct = report.get("punct", "keep")
    if punct != "keep":
        lines.append(
            f"Punctuation: `{punct}` (meta.json featurizer.punct; nlp_news.labels.features): "
            + _PUNCT_NOTES.get(punct, "")
        )
    lines += [
        "Domain heads (shared weights + one copy per domain, Daumé 2007); each head has its own temperature,",
        "fitted on its dev split. Inference is numpy only (nlp_news.labels.models); weights are int8 with a float32 scale per class column in",
        "weights.npz, settings in meta.json (no pickle).",
        "",
        f"Heads: {_HEADS.get(task, '')}.",
        "",
        "## Data and licences",
        "",
    ]
    for p in paths:
        try:
            fmt = detect_format(p)
        except DataFormatError:
            fmt = "tsv"
        lines.append(f"- `{p}`: {_SOURCES.get(fmt, fmt)}.")
    lines += [
        "",
        "The corpora state no licence: they are distributed by their authors for research, no licence stated.",
        "No third-party sentiment lexicon is used; the cue word lists in nlp_news/labels/features.py are our own.",
        "",
        "## Measured on our dev splits",
        "",
        f"Dev split: seed {report['seed']}, 20% by group (article for cnews and the passages, text for titles and CCF;",
        "ChnSentiCorp's own dev.tsv), deduplicated against train. Figures are from the model fitted on the train",
        f"split only ({report['train_size']} examples, dev {report['dev_size']});"
        + (
            f" the shipped model was then refit on train + dev ({report['refit_size']} examples) with the same"
            " temperatures."
            if "refit_size" in report
            else " the shipped model is that model."
        ),
        "",
        "| head | n | accuracy | macro-F1 | temperature |",
        "|---|---|---|---|---|",
    ]
    for h, m in report["dev"].items():
        lines.append(
            f"| {h} | {m['n']} | {m['accuracy']:.4f} | {m['macro_f1']:.4f} | {meta['temperatures'].get(h, 1.0):.3f} |"
        )
    ctx = report.get("context")
    if ctx:
        cv = ctx["cv"]
        lines += [
            "",
            "### Paragraph themes in their article",
            "",
            "The pipeline gives a paragraph the theme `p ~ p_paragraph * p_article**w` (nlp_news.labels.models.with_context):",
            f"the {ctx['head']} head's probabilities of the article it sits in are a prior on the paragraph head's, weight",
            f"w = {ctx['weight']}, the product recalibrated by a temperature {ctx.get('temperature', 1.0)} (meta.json `context`).",
            f"Both were chosen by {ctx['folds']}-fold cross-validation by article on the {cv['n']} training passages (heads",
            f"refitted without the held-out articles; the smallest w of a grid {CONTEXT_GRID[0]:g}-{CONTEXT_GRID[-1]:g}"
            " whose out-of-fold accuracy is within",
            f"{CONTEXT_ACCURACY_TOLERANCE:g} of the best, the temperature fitted for it by log-likelihood): out-of-fold accuracy",
            f"{cv['without']['accuracy']:.3f} without the article, {cv['with']['accuracy']:.3f} with it.",
        ]
        if "dev" in ctx:
            a, b = ctx["dev"]["without"], ctx["dev"]["with"]
            lines += [
                "",
                "| dev passages (their article's dev split) | n | accuracy | macro-F1 |",
                "|---|---|---|---|",
                f"| paragraph head alone | {a['n']} | {a['accuracy']:.4f} | {a['macro_f1']:.4f} |",
                f"| with the article as prior (w = {ctx['weight']}) | {b['n']} | {b['accuracy']:.4f} | {b['macro_f1']:.4f} |",
            ]
    off = report.get("offsets")
    if off:
        cv, h = off["cv"], off["head"]
        d = ", ".join(f"{c} {v:+.1f}" for c, v in off["offsets"].items())
        lines += [
            "",
            f"### Class offsets of the {h} head (a decision rule for macro-F1)",
            "",
            f"The {h} head scores a text `softmax((z + d) / T)`: its logits z plus class offsets d ({d};",
            "meta.json `offsets`; the other heads have none), divided by its temperature. The logistic model's argmax",
            "maximises accuracy; the offsets shift the prior toward the classes macro-F1 rewards. They were chosen by",
            f"{off['folds']}-fold cross-validation by article on the {cv['n']} training passages (heads refitted without the",
            f"held-out articles): a grid of {OFFSET_GRID[0]:g} to {OFFSET_GRID[-1]:g} in steps of"
            f" {OFFSET_GRID[1] - OFFSET_GRID[0]:.1g} for positive and negative, neutral 0, the",
            f"smallest offsets whose out-of-fold macro-F1 is within {OFFSET_MACRO_F1_TOLERANCE:g} of the best"
            f" ({cv['best_macro_f1']:.4f}). The temperature is fitted on",
            "the shifted logits, so `scores` are calibrated as a whole (dev log-loss) and their argmax is the label; a",
            "class's odds against neutral are exp(d/T) times the fitted model's.",
            "",
            f"| {h} passages | n | accuracy | macro-F1 | log-likelihood (T) |",
            "|---|---|---|---|---|",
            f"| out of fold, without offsets | {cv['n']} | {cv['without']['accuracy']:.4f} | {cv['without']['macro_f1']:.4f} | |",
            f"| out of fold, with offsets | {cv['n']} | {cv['with']['accuracy']:.4f} | {cv['with']['macro_f1']:.4f} | |",
        ]
        for name in ("without", "with") if "dev" in off else ():
            m = off["dev"][name]
            lines.append(
                f"| dev, {name} offsets | {off['dev']['n']} | {m['accuracy']:.4f} | {m['macro_f1']:.4f} |"
                f" {m['loglik']:.4f} ({m['temperature']:.3f}) |"
            )
    lines += [
        "",
        "Binary sets (ChnSentiCorp) are scored by comparing the positive and negative probabilities.",
        "`python benchmarks/labels.py` prints these per dataset (and the stage's speed).",
        "",
        "## Versions",
        "",
        "```",
        json.dumps(meta.get("versions", {}), indent=1, sort_keys=True),
        "```",
        "",
        "## Rebuild",
        "",
        "```",
        command,
        "```",
        "",
    ]
    return write_card(folder, "\n".join(lines))

