"""Train and evaluate the entity tagger (``nlp-news train ner`` / ``evaluate ner``).

Readers yield ``(text, [(start, end_exclusive, type), ...])`` with our fine
types (``name``, ``company``, ... ; BIO ``PER``/``LOC``/``ORG`` become
``name``/``address``/``organization``).

Training (CRFsuite L-BFGS, imported here only) learns one linear-chain tagger
per kind of data: ``fine`` from CLUENER-format files, ``coarse`` from BIO files.
Both use the hashed features of :mod:`nlp_news.entities.features`; the
training-mention lexicon feature is computed across two folds (each half of the
data sees the lexicon of the other half), so the tagger learns how far a
lexicon hit can be trusted on unseen text. The learned weights are exported to
plain arrays (:meth:`NerModel.save`); inference never imports CRFsuite.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from ..entities.crf import ChainTagger
from ..entities.features import SURNAME_TEMPLATES, TEMPLATES, Surnames
from ..entities.lexicon import (
    Lexicon,
    mention_lexicon,
    read_common_words,
    read_jieba_dict,
    read_surnames,
)
from ..entities.model import NerModel, chunk_spans
from ..schema import ENTITY_TYPES

Example = tuple[str, list[tuple[int, int, str]]]

FINE_TYPES: tuple[str, ...] = (
    "name",
    "company",
    "organization",
    "government",
    "address",
    "scene",
    "position",
    "book",
    "movie",
    "game",
)
COARSE_TYPES: tuple[str, ...] = ("name", "address", "organization")
BIO_TYPE = {"PER": "name", "LOC": "address", "GPE": "address", "ORG": "organization", "NR": "name", "NS": "address", "NT": "organization"}
COARSE_LABEL = {"name": "PER", "address": "LOC", "organization": "ORG"}


def read_cluener(path: str | os.PathLike[str]) -> Iterator[Example]:
    """CLUENER2020 JSON lines; the dataset's END offsets are inclusive, ours are not."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            ents: list[tuple[int, int, str]] = []
            for typ, mentions in (rec.get("label") or {}).items():
                for mention, offsets in mentions.items():
                    for s, e in offsets:
                        if text[s : e + 1] != mention:
                            raise ValueError(f"{path}:{n}: {mention!r} is not at [{s}, {e}] (END is inclusive)")
                        ents.append((s, e + 1, typ))
            yield text, sorted(ents)


def read_bio(path: str | os.PathLike[str]) -> Iterator[Example]:
    """``char<TAB or SPACE>tag`` lines, blank line between sentences (BIO or BIOES).

    Weibo-style tokens (``现0``: a character and a position digit) keep their
    first character; ``PER.NAM`` / ``PER.NOM`` keep the part before the dot.
    Tags outside PER/LOC/GPE/ORG (``TIME``) are ignored.
    """
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if chars:
                    yield _bio_example(chars, tags)
                    chars, tags = [], []
                continue
            if "\t" in line:
                tok, tag = line.split("\t")[:2]
            else:
                tok, _, tag = line.rpartition(" ")
            chars.append(tok[0] if tok else " ")
            tags.append(tag.strip() or "O")
    if chars:
        yield _bio_example(chars, tags)


def _bio_example(chars: list[str], tags: list[str]) -> Example:
    ents: list[tuple[int, int, str]] = []
    cur: tuple[int, str] | None = None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        kind = BIO_TYPE.get(kind.split(".")[0].upper(), "") if kind else ""
        inside = prefix in ("I", "M", "E") and cur is not None and cur[1] == kind
        if cur is not None and not inside:
            ents.append((cur[0], i, cur[1]))
            cur = None
        if prefix in ("B", "S") and kind or (prefix in ("I", "M", "E") and kind and cur is None):
            cur = (i, kind)
        if prefix in ("E", "S") and cur is not None:
            ents.append((cur[0], i + 1, cur[1]))
            cur = None
    return "".join(chars), ents


def read_examples(path: str | os.PathLike[str], fmt: str) -> list[Example]:
    if fmt == "cluener":
        return list(read_cluener(path))
    if fmt == "bio":
        return list(read_bio(path))
    raise ValueError(f"unknown NER data format {fmt!r}; use 'cluener' or 'bio'")


def guess_format(path: str | os.PathLike[str]) -> str:
    """``cluener`` for ``.json``/``.jsonl`` files, ``bio`` otherwise.

    >>> guess_format("train.json"), guess_format("dev.bio")
    ('cluener', 'bio')
    """
    return "cluener" if str(path).endswith((".json", ".jsonl")) else "bio"


def split_dev(examples: Sequence[Example], fraction: float = 0.1, seed: int = 13) -> tuple[list[Example], list[Example]]:
    """Shuffle with a fixed seed and hold back the last ``fraction`` as dev."""
    idx = list(range(len(examples)))
    random.Random(seed).shuffle(idx)
    n_dev = round(len(idx) * fraction)
    cut = len(idx) - n_dev
    return [examples[i] for i in idx[:cut]], [examples[i] for i in idx[cut:]]


def bio_tags(types: Sequence[str]) -> list[str]:
    return ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]


def _gold_rows(text: str, ents, src: np.ndarray) -> list[str]:
    lab = np.array(["O"] * (len(text) + 1), dtype=object)
    for s, e, t in ents:
        lab[s] = "B-" + t
        lab[s + 1 : e] = "I-" + t
    return lab[np.where(src >= 0, src, len(text))].tolist()


def _chunked(examples: Sequence[Example]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    texts = [t for t, _ in examples]
    joined = "\n".join(texts)
    spans: list[tuple[int, int]] = []
    ents: list[tuple[int, int, str]] = []
    pos = 0
    for t, es in examples:
        spans.extend(chunk_spans(t, pos))
        ents.extend((s + pos, e + pos, ty) for s, e, ty in es)
        pos += len(t) + 1
    return joined, spans, ents


def train_tagger(
    model: NerModel,
    parts: Sequence[tuple[list[Example], Lexicon]],
    types: Sequence[str],
    *,
    c1: float = 0.1,
    c2: float = 0.1,
    max_iterations: int = 100,
    verbose: bool = False,
) -> ChainTagger:
    """Fit one chain tagger with CRFsuite and export it to numpy arrays."""
    import pycrfsuite

    tags = bio_tags(types)
    trainer = pycrfsuite.Trainer(verbose=False)
    n_items = 0
    for examples, lex in parts:
        joined, spans, ents = _chunked(examples)
        ids, src = model.featurize(joined, spans, lex)
        gold = _gold_rows(joined, ents, src)
        sid = ids.T.astype("U7")
        from ..entities.features import pad_layout

        lay, _ = pad_layout(spans)
        for off, ln in zip(lay.offsets.tolist(), lay.lengths.tolist()):
            if ln == 0:
                continue
            trainer.append(sid[off : off + ln].tolist(), gold[off : off + ln])
            n_items += ln
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.crfsuite")
        t0 = time.time()
        trainer.train(path)
        if verbose:
            print(f"  crfsuite: {n_items} characters, {time.time() - t0:.0f} s")
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = {t: i for i, t in enumerate(tags)}
    attrs = sorted({int(a) for (a, _), w in info.state_features.items() if w != 0})
    row = {a: i for i, a in enumerate(attrs)}
    W = np.zeros((len(attrs), len(tags)), dtype=np.float32)
    for (a, lab), w in info.state_features.items():
        if w != 0 and lab in labels:
            W[row[int(a)], labels[lab]] = w
    trans = np.zeros((len(tags), len(tags)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        if a in labels and b in labels:
            trans[labels[a], labels[b]] = w
    return ChainTagger(tags, np.array(attrs, dtype=np.int64), W, trans)


def train(
    datasets: Sequence[tuple[str | os.PathLike[str], str]],
    out: str | os.PathLike[str] | None = None,
    *,
    dev_fraction: float = 0.1,
    seed: int = 13,
    jieba_dict: str | os.PathLike[str] | None = None,
    max_iterations: int = 100,
    c1: float = 0.1,
    c2: float = 0.1,
    verbose: bool = False,
    templates: Sequence[str] | None = None,
    taggers: Sequence[str] = ("fine", "coarse"),
) -> NerModel:
    """Train from ``[(path, format), ...]``; CLUENER files train ``fine``, BIO files ``coarse``.

    The last ``dev_fraction`` of each CLUENER file (shuffled with ``seed``) is
    held back as the dev split and its score stored in the model's metadata.

    ``taggers`` names the taggers to fit (``fine``, ``coarse``). Every file
    still feeds the mention lexicon and its two folds, so a tagger fitted
    alone is the one a full run fits (same data, same lexicon features); the
    model returned (and written) holds only the taggers fitted.
    """
    unknown = set(taggers) - {"fine", "coarse"}
    if unknown or not taggers:
        raise ValueError(f"taggers must be 'fine' and/or 'coarse', not {sorted(unknown) or 'none'}")
    fine: list[Example] = []
    coarse: list[Example] = []
    dev: list[Example] = []
    sources = []
    for path, fmt in datasets:
        ex = read_examples(path, fmt)
        sources.append({"path": os.path.basename(str(path)), "format": fmt, "examples": len(ex)})
        if fmt == "cluener":
            tr, dv = split_dev(ex, dev_fraction, seed) if dev_fraction > 0 and len(ex) >= 20 else (ex, [])
            fine.extend(tr)
            dev.extend(dv)
        else:
            coarse.extend(ex)
    if not fine and not coarse:
        raise ValueError("no training examples; pass --data with CLUENER JSON or BIO files")
    jw = read_jieba_dict(jieba_dict)
    everything = fine + coarse
    templates = tuple(templates or TEMPLATES)
    surnames = Surnames(read_surnames()) if SURNAME_TEMPLATES.intersection(templates) else None
    base = Lexicon(jw, {}, read_common_words(jieba_dict), surnames)
    full = base.with_train_words(mention_lexicon(everything))
    # two folds: each half's lexicon feature comes from the other half
    halves = [everything[0::2], everything[1::2]]
    fold_lex = [base.with_train_words(mention_lexicon(halves[1 - k])) for k in range(2)]
    meta = {"features": {"templates": list(templates)}}
    model = NerModel({}, full, meta=meta)
    meta = {"features": meta["features"], "sources": sources, "dev_fraction": dev_fraction, "seed": seed, "params": {"c1": c1, "c2": c2, "max_iterations": max_iterations}}
    for name, exs, types in (("fine", fine, FINE_TYPES), ("coarse", coarse, COARSE_TYPES)):
        if not exs or name not in taggers:
            continue
        ids = {id(e) for e in halves[0]}
        parts = [([e for e in exs if id(e) in ids], fold_lex[0]), ([e for e in exs if id(e) not in ids], fold_lex[1])]
        if verbose:
            print(f"training {name} tagger on {len(exs)} examples")
        model.taggers[name] = train_tagger(model, parts, types, c1=c1, c2=c2, max_iterations=max_iterations, verbose=verbose)
    if not model.taggers:
        raise ValueError(f"no training examples for the {' and '.join(taggers)} tagger (CLUENER files train fine, BIO files coarse)")
    model.meta = meta
    if dev and "fine" in model.taggers:
        meta["dev"] = evaluate_model(model, dev, coarse=False)
    if out is not None:
        model.save(out)
    return model


def prf(gold: Iterable[set], pred: Iterable[set]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and micro-averaged over exact spans.

    >>> r = prf([{(0, 2, "a"), (3, 4, "b")}], [{(0, 2, "a"), (3, 5, "b")}])
    >>> r["micro"]["f1"], r["a"]["f1"], r["b"]["f1"]
    (0.5, 1.0, 0.0)
    """
    tp: dict[str, int] = {}
    np_: dict[str, int] = {}
    ng: dict[str, int] = {}
    for g, p in zip(gold, pred):
        for x in g:
            ng[x[2]] = ng.get(x[2], 0) + 1
        for x in p:
            np_[x[2]] = np_.get(x[2], 0) + 1
        for x in g & p:
            tp[x[2]] = tp.get(x[2], 0) + 1

    def score(t: int, p: int, g: int) -> dict[str, float]:
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f, 4), "support": g}

    out = {k: score(tp.get(k, 0), np_.get(k, 0), ng.get(k, 0)) for k in sorted(set(ng) | set(np_))}
    out["micro"] = score(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return out


def evaluate_model(model: NerModel, examples: Sequence[Example], *, coarse: bool, batch: int = 2000) -> dict[str, dict[str, float]]:
    """Score the tagger on examples; ``coarse`` compares PER/LOC/ORG labels only.

    For coarse data the ``coarse`` tagger is used when the model has one,
    otherwise the fine tagger's types are mapped to their labels.
    """
    which = "coarse" if coarse and "coarse" in model.taggers else "fine"
    if which not in model.taggers:
        which = next(iter(model.taggers))
    texts = [t for t, _ in examples]
    preds: list[list[tuple[int, int, str, float]]] = []
    for a in range(0, len(texts), batch):
        preds.extend(model.predict(texts[a : a + batch], which))

    def norm(spans) -> set:
        if coarse:
            return {(s, e, ENTITY_TYPES.get(t, t)) for s, e, t, *_ in spans if ENTITY_TYPES.get(t) in ("PER", "LOC", "ORG")}
        return {(s, e, t) for s, e, t, *_ in spans}

    gold = [norm(es) for _, es in examples]
    pred = [norm(p) for p in preds]
    return prf(gold, pred)


def format_report(result: dict[str, dict[str, float]]) -> str:
    """A fixed-width table of P/R/F1 per type and micro."""
    lines = [f"{'type':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for k, v in result.items():
        if k == "micro":
            continue
        lines.append(f"{k:<14}{v['precision']:>10.4f}{v['recall']:>10.4f}{v['f1']:>10.4f}{v['support']:>10}")
    v = result["micro"]
    lines.append(f"{'micro':<14}{v['precision']:>10.4f}{v['recall']:>10.4f}{v['f1']:>10.4f}{v['support']:>10}")
    return "\n".join(lines)
