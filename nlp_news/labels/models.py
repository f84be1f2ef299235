"""Sentiment and theme models: hashed features, linear heads, numpy-only inference.

A model holds one weight matrix per *head* (``news``/``review``/``ccf`` for
sentiment, ``paragraph``/``title``/``article`` for theme), an intercept and a
temperature per head, and the :class:`~nlp_news.labels.features.Featurizer`
settings. Files are written by :mod:`nlp_news.modelio` (npz + meta.json).

Scoring a batch: every feature occurrence adds its row of the head's weight
matrix to its text's sum; the sum is scaled by ``1/sqrt(n features)`` (the
same scaling as training), the intercept added, the head's class offsets
added (a decision rule for macro-F1, see :attr:`LinearLabelModel.offsets`),
divided by the temperature and passed through a softmax.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from nlp_news.kernels import load_kernel
from nlp_news.labels.features import Featurizer
from nlp_news.modelio import load_model, save_model
from nlp_news.schema import SENTIMENTS, THEMES

#: The optional C kernel of the weight-row sums (``nlp_news/labels/_sums.c``) or ``None``: numpy then,
#: the same sums (:func:`block_sums`).
_sums, _ = load_kernel("nlp_news.labels._sums")

FORMAT = "nlp-news/linear-heads@1"  # Q_<head> int8, S_<head> scales, b_<head> intercepts


class LinearLabelModel:
    """Multinomial linear classifier with domain heads over hashed features.

    ``classes_``: the class names, in column order of :meth:`predict_proba`.
    ``heads``: names of the heads; ``default_head`` is used when none is given.
    """

    task = "labels"
    version = 1

    def __init__(
        self,
        task: str,
        classes: Sequence[str],
        featurizer: Featurizer,
        weights: dict[str, np.ndarray],
        intercepts: dict[str, np.ndarray],
        temperatures: dict[str, float],
        *,
        default_head: str,
        meta: dict | None = None,
        offsets: dict[str, Sequence[float]] | None = None,
    ) -> None:
        self.task = task
        self.classes_ = tuple(classes)
        self.featurizer = featurizer
        # weights are kept as int8 with one float scale per class column (quantize())
        self.qweights = {h: quantize(w) for h, w in weights.items()}
        self.intercepts = {h: np.asarray(b, dtype=np.float32) for h, b in intercepts.items()}
        self.temperatures = dict(temperatures)
        self.default_head = default_head
        self.meta = dict(meta or {})
        #: Per-head additive offsets on the logits, one per class (before the temperature):
        #: a prior shift toward the classes that macro-F1 rewards, tuned by cross-validation
        #: in training (``meta.json`` ``offsets``). A head without an entry has none.
        self.offsets = {h: np.asarray(o, dtype=np.float64) for h, o in (offsets or {}).items()}
        for h, o in self.offsets.items():
            if o.shape != (len(self.classes_),):
                raise ValueError(f"offsets of head {h!r} need one value per class {list(self.classes_)}, got {o.tolist()}")

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(self.qweights)

    @property
    def weights(self) -> dict[str, np.ndarray]:
        """The (dequantised) float32 weight matrix of each head, shape ``(2**bits, n_classes)``."""
        return {h: q.astype(np.float32) * sc for h, (q, sc) in self.qweights.items()}

    @property
    def source(self) -> str:
        """The ``source`` of the labels this model gives, e.g. ``model:sentiment@1``."""
        return f"model:{self.task}@{self.meta.get('version', self.version)}"

    # -- scoring ---------------------------------------------------------------
    def _head(self, head: str | None) -> str:
        head = head or self.default_head
        if head not in self.qweights:
            raise ValueError(f"{self.task} model has no head {head!r}; choose one of {list(self.qweights)}")
        return head

    def sums(self, blocks, n_docs: int, head: str | None = None) -> np.ndarray:
        """Raw per-text sums of weight rows (before scaling); ``blocks`` from
        :meth:`Featurizer.blocks`."""
        return block_sums(self.qweights[self._head(head)], blocks, n_docs)

    def logits_from_sums(self, sums: np.ndarray, counts: np.ndarray, head: str | None = None) -> np.ndarray:
        h = self._head(head)
        return sums / np.sqrt(np.maximum(counts, 1))[:, None] + self.intercepts[h]

    def proba_from_logits(self, z: np.ndarray, head: str | None = None) -> np.ndarray:
        """``softmax((z + offsets) / temperature)`` of the head: the probabilities every
        caller sees (their argmax is the label)."""
        h = self._head(head)
        if h in self.offsets:
            z = z + self.offsets[h]
        return _softmax(z / self.temperatures.get(h, 1.0))

    def logits(self, texts: Sequence[str], head: str | None = None) -> np.ndarray:
        """Uncalibrated class scores (no offsets, no temperature), shape ``(len(texts), len(classes_))``."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.classes_)))
        blocks, counts = self.featurizer.blocks(texts)
        return self.logits_from_sums(self.sums(blocks, len(texts), head), counts, head)

    def predict_proba(self, texts: Sequence[str], head: str | None = None) -> np.ndarray:
        """Calibrated probabilities, shape ``(len(texts), len(classes_))``; rows sum to 1."""
        return self.proba_from_logits(self.logits(texts, head), head)

    def predict(self, texts: Sequence[str], head: str | None = None) -> list[str]:
        return [self.classes_[i] for i in self.predict_proba(texts, head).argmax(axis=1)]

    # -- files -----------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], extra_meta: dict | None = None):
        """Write the model folder (int8 weights with per-column scales in npz, settings in meta.json)."""
        arrays = {}
        for h in self.heads:
            arrays[f"Q_{h}"], arrays[f"S_{h}"] = self.qweights[h]
            arrays[f"b_{h}"] = self.intercepts[h]
        meta = dict(self.meta)
        meta.update(extra_meta or {})
        meta.update(
            {
                "format": FORMAT,
                "task": self.task,
                "version": meta.get("version", self.version),
                "classes": list(self.classes_),
                "heads": list(self.heads),
                "default_head": self.default_head,
                "temperatures": self.temperatures,
                "offsets": {h: [float(v) for v in o] for h, o in self.offsets.items()},
                "featurizer": self.featurizer.to_meta(),
            }
        )
        folder = save_model(path, arrays, meta)
        self.meta = meta
        return folder

    #: The classes a subclass's model must have (checked by :meth:`load`); ``None``: any.
    expected_classes: tuple[str, ...] | None = None

    @classmethod
    def load(cls, name_or_path: str | os.PathLike[str] | None = None):
        """Load a model folder by name (``"sentiment"``, the subclass's task by default) or
        path; no code is executed."""
        if name_or_path is None:
            name_or_path = cls.task
        arrays, meta = load_model(name_or_path)
        if meta.get("format") != FORMAT:
            raise ValueError(f"{name_or_path}: not a {FORMAT} model (format {meta.get('format')!r})")
        if cls.expected_classes is not None and tuple(meta["classes"]) != cls.expected_classes:
            raise ValueError(
                f"{name_or_path}: classes {meta['classes']} are not {cls.expected_classes}; is this a {cls.task} model?"
            )
        heads = meta["heads"]
        return cls(
            meta["task"],
            meta["classes"],
            Featurizer.from_meta(meta["featurizer"]),
            {h: (arrays[f"Q_{h}"], arrays[f"S_{h}"]) for h in heads},
            {h: arrays[f"b_{h}"] for h in heads},
            {h: float(t) for h, t in meta["temperatures"].items()},
            default_head=meta["default_head"],
            meta=meta,
            offsets=meta.get("offsets"),
        )


class SentimentModel(LinearLabelModel):
    """positive | neutral | negative; heads ``news`` (default), ``review``, ``ccf``.

    The ``news`` head has class offsets (:attr:`offsets`) that trade a little neutral
    precision for recall of the polar classes, chosen for macro-F1 in training.

    ``SentimentModel.load("sentiment")`` loads the shipped model.
    """

    task = "sentiment"
    expected_classes = SENTIMENTS


class ThemeModel(LinearLabelModel):
    """The 12 theme ids; heads ``paragraph`` (default), ``title``, ``article``.

    ``ThemeModel.load("theme")`` loads the shipped model.
    """

    task = "theme"
    expected_classes = THEMES

    @property
    def context_weight(self) -> float:
        """Weight of the article head's probabilities as a prior on a paragraph's theme
        (:func:`with_context`); tuned by cross-validation on the training passages
        (``meta["context"]``). 0 (no context) for a model trained without passages in
        their articles."""
        return float((self.meta.get("context") or {}).get("weight", 0.0))

    @property
    def context_temperature(self) -> float:
        """Temperature of the paragraph-in-article probabilities (:func:`with_context`), tuned with the weight."""
        return float((self.meta.get("context") or {}).get("temperature", 1.0))

    def predict_proba_in_context(self, texts: Sequence[str], articles: Sequence[str]) -> np.ndarray:
        """Paragraph-head probabilities of ``texts``, each with the article head's
        probabilities of its article (``articles[i]``, the whole text it sits in) as a
        prior weighted by :attr:`context_weight`."""
        p = self.predict_proba(texts, "paragraph")
        if not self.context_weight or not len(p):
            return p
        return with_context(p, self.predict_proba(articles, "article"), self.context_weight, self.context_temperature)


def with_context(p_para: np.ndarray, p_article: np.ndarray, weight: float, temperature: float = 1.0) -> np.ndarray:
    """A paragraph's class probabilities with its article's as a prior:
    ``p ~ (p_para * p_article**weight) ** (1 / temperature)``, renormalised row by row
    (row ``i`` of ``p_article`` is the article of paragraph ``i``). ``weight`` 0 and
    ``temperature`` 1 give ``p_para``. The prior tilts the paragraph's own evidence, it
    does not replace it, so a paragraph that is clearly about something else keeps its
    own class; the temperature recalibrates the product (two calibrated distributions
    multiplied are over-confident).

    >>> with_context(np.array([[0.5, 0.5]]), np.array([[0.9, 0.1]]), 0.5).round(3).tolist()
    [[0.75, 0.25]]
    >>> with_context(np.array([[0.05, 0.95]]), np.array([[0.8, 0.2]]), 0.5).round(3).tolist()
    [[0.095, 0.905]]
    >>> with_context(np.array([[0.05, 0.95]]), np.array([[0.8, 0.2]]), 0.5, temperature=2.0).round(3).tolist()
    [[0.245, 0.755]]
    >>> with_context(np.array([[0.3, 0.7]]), np.array([[1.0, 0.0]]), 0.0).tolist()
    [[0.3, 0.7]]
    """
    p_para = np.asarray(p_para, dtype=np.float64)
    if weight == 0 and temperature == 1:
        return p_para
    tiny = np.finfo(np.float64).tiny  # a probability that underflowed to 0 stays a (huge) penalty, not -inf
    z = np.log(np.maximum(p_para, tiny)) + weight * np.log(np.maximum(np.asarray(p_article, dtype=np.float64), tiny))
    return _softmax(z / temperature)


def quantize(w) -> tuple[np.ndarray, np.ndarray]:
    """``(int8 matrix, float32 scale per column)`` with ``w ~= q * scale``; an
    already quantized pair passes through unchanged.

    >>> q, s = quantize(np.array([[0.5, -2.0], [1.0, 1.0]]))
    >>> q.tolist(), (q * s).astype(float).round(3).tolist()
    ([[64, -127], [127, 64]], [[0.504, -2.0], [1.0, 1.008]])
    """
    if isinstance(w, tuple):
        q, sc = w
        return np.ascontiguousarray(q, dtype=np.int8), np.asarray(sc, dtype=np.float32)
    w = np.asarray(w, dtype=np.float32)
    sc = (np.abs(w).max(axis=0) / 127).astype(np.float32)
    sc[sc == 0] = 1.0
    return np.ascontiguousarray(np.clip(np.round(w / sc), -127, 127).astype(np.int8)), sc


def block_sums(W: tuple[np.ndarray, np.ndarray], blocks, n_docs: int) -> np.ndarray:
    """Per-text sums of the weight rows of every feature occurrence (each block sorted by text).

    ``W`` is ``(int8 matrix, column scales)``: the int8 rows are gathered (a quarter of
    the memory traffic of float32) and summed exactly in int32.

    >>> W = (np.array([[1], [2], [4]], dtype=np.int8), np.array([1.0], dtype=np.float32))
    >>> blocks = [(np.array([0, 2, 2]), np.array([0, 1, 2]))]   # text 1 and text 3 have none
    >>> block_sums(W, blocks, 4).ravel().tolist()
    [1.0, 0.0, 6.0, 0.0]
    """
    q, sc = W
    if _sums is not None:
        # the C loop adds each occurrence's int8 row into its text's int32 sums: the same exact sums
        # without the gathered copy of every row, each row fetched ahead (cProfile of the stage on cnews-800:
        # np.take + np.add.reduceat 0.26 s -> add_rows 0.05-0.07 s of CPU)
        acc = np.zeros((n_docs, q.shape[1]), dtype=np.int32)
        for rows, idx in blocks:
            if len(rows):
                _sums.add_rows(q, np.asarray(idx, dtype=np.int64), np.asarray(rows, dtype=np.int64), acc)
        return acc * sc.astype(np.float64)
    out = np.zeros((n_docs, q.shape[1]), dtype=np.float64)
    for rows, idx in blocks:
        if len(rows):
            bounds = np.searchsorted(rows, np.arange(n_docs))
            nonempty = np.diff(np.append(bounds, len(rows))) > 0
            # segments start where a text with occurrences starts; each runs to the next start
            # np.take is ~3x faster than fancy indexing here; int32 sums of int8 are exact
            out[nonempty] += np.add.reduceat(np.take(q, idx, axis=0), bounds[nonempty], axis=0, dtype=np.int32)
    return out * sc


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
