"""Sentiment and theme models: hashed features, linear heads, numpy-only inference.

A model holds one weight matrix per *head* (``news``/``review``/``ccf`` for
sentiment, ``paragraph``/``title``/``article`` for theme), an intercept and a
temperature per head, and the :class:`~nlp_news.labels.features.Featurizer`
settings. Files are written by :mod:`nlp_news.modelio` (npz + meta.json).

Scoring a batch: every feature occurrence adds its row of the head's weight
matrix to its text's sum; the sum is scaled by ``1/sqrt(n features)`` (the
same scaling as training), the intercept added, divided by the temperature
and passed through a softmax.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from nlp_news.labels.features import Featurizer
from nlp_news.modelio import load_model, save_model
from nlp_news.schema import SENTIMENTS, THEMES

FORMAT = "nlp-news/linear-heads@1"


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
    ) -> None:
        self.task = task
        self.classes_ = tuple(classes)
        self.featurizer = featurizer
        self.weights = {h: np.ascontiguousarray(w, dtype=np.float32) for h, w in weights.items()}
        self.intercepts = {h: np.asarray(b, dtype=np.float32) for h, b in intercepts.items()}
        self.temperatures = dict(temperatures)
        self.default_head = default_head
        self.meta = dict(meta or {})

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(self.weights)

    @property
    def source(self) -> str:
        """The ``source`` of the labels this model gives, e.g. ``model:sentiment@1``."""
        return f"model:{self.task}@{self.meta.get('version', self.version)}"

    # -- scoring ---------------------------------------------------------------
    def _head(self, head: str | None) -> str:
        head = head or self.default_head
        if head not in self.weights:
            raise ValueError(f"{self.task} model has no head {head!r}; choose one of {list(self.weights)}")
        return head

    def sums(self, blocks, n_docs: int, head: str | None = None) -> np.ndarray:
        """Raw per-text sums of weight rows (before scaling); ``blocks`` from
        :meth:`Featurizer.blocks`."""
        return block_sums(self.weights[self._head(head)], blocks, n_docs)

    def logits_from_sums(self, sums: np.ndarray, counts: np.ndarray, head: str | None = None) -> np.ndarray:
        h = self._head(head)
        return sums / np.sqrt(np.maximum(counts, 1))[:, None] + self.intercepts[h]

    def proba_from_logits(self, z: np.ndarray, head: str | None = None) -> np.ndarray:
        return _softmax(z / self.temperatures.get(self._head(head), 1.0))

    def logits(self, texts: Sequence[str], head: str | None = None) -> np.ndarray:
        """Uncalibrated class scores, shape ``(len(texts), len(classes_))``."""
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
        """Write the model folder (weights as float16 npz, settings in meta.json)."""
        arrays = {}
        for h in self.heads:
            arrays[f"W_{h}"] = self.weights[h].astype(np.float16)
            arrays[f"b_{h}"] = self.intercepts[h]
        meta = dict(self.meta)
        meta.update(extra_meta or {})
        meta.update({
            "format": FORMAT, "task": self.task, "version": meta.get("version", self.version),
            "classes": list(self.classes_), "heads": list(self.heads), "default_head": self.default_head,
            "temperatures": self.temperatures, "featurizer": self.featurizer.to_meta(),
        })
        folder = save_model(path, arrays, meta)
        # keep the in-memory model identical to what a load gives back
        self.weights = {h: arrays[f"W_{h}"].astype(np.float32) for h in self.heads}
        self.meta = meta
        return folder

    @classmethod
    def load(cls, name_or_path: str | os.PathLike[str]):
        """Load a model folder by name (``"sentiment"``) or path; no code is executed."""
        arrays, meta = load_model(name_or_path)
        if meta.get("format") != FORMAT:
            raise ValueError(f"{name_or_path}: not a {FORMAT} model (format {meta.get('format')!r})")
        heads = meta["heads"]
        return cls(
            meta["task"], meta["classes"], Featurizer.from_meta(meta["featurizer"]),
            {h: arrays[f"W_{h}"].astype(np.float32) for h in heads},
            {h: arrays[f"b_{h}"] for h in heads},
            {h: float(t) for h, t in meta["temperatures"].items()},
            default_head=meta["default_head"], meta=meta,
        )


class SentimentModel(LinearLabelModel):
    """positive | neutral | negative; heads ``news`` (default), ``review``, ``ccf``.

    ``SentimentModel.load("sentiment")`` loads the shipped model.
    """

    task = "sentiment"

    @classmethod
    def load(cls, name_or_path: str | os.PathLike[str] = "sentiment") -> SentimentModel:
        m = super().load(name_or_path)
        if tuple(m.classes_) != SENTIMENTS:
            raise ValueError(f"{name_or_path}: classes {m.classes_} are not {SENTIMENTS}; is this a sentiment model?")
        return m


class ThemeModel(LinearLabelModel):
    """The 12 theme ids; heads ``paragraph`` (default), ``title``, ``article``.

    ``ThemeModel.load("theme")`` loads the shipped model.
    """

    task = "theme"

    @classmethod
    def load(cls, name_or_path: str | os.PathLike[str] = "theme") -> ThemeModel:
        m = super().load(name_or_path)
        if tuple(m.classes_) != THEMES:
            raise ValueError(f"{name_or_path}: classes {m.classes_} are not {THEMES}; is this a theme model?")
        return m


def block_sums(W: np.ndarray, blocks, n_docs: int) -> np.ndarray:
    """Per-text sums of the weight rows of every feature occurrence (each block sorted by text)."""
    out = np.zeros((n_docs, W.shape[1]), dtype=np.float64)
    for rows, idx in blocks:
        if len(rows):
            bounds = np.searchsorted(rows, np.arange(n_docs))
            sums = np.add.reduceat(W[idx], np.minimum(bounds, len(rows) - 1), axis=0)
            nonempty = np.diff(np.append(bounds, len(rows))) > 0
            out[nonempty] += sums[nonempty]
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
