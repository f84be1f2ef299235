"""A small fact / non-fact classifier for the candidates rules cannot decide alone.

The rules mark some facts as uncertain: a bare four-digit number read as a year,
a count whose unit is also a common word (76人 the team, 二代, 十分), a Chinese
numeral before a classifier. For those, a logistic regression over hashed
character n-grams of the value and its context says whether to keep the fact.
It is trained with scikit-learn (``nlp_news/training/facts.py``) and predicted
here with numpy only.

>>> feats = features("这位23岁的球员", 2, 5)
>>> "u=岁" in feats and "l1=位" in feats
True
"""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Sequence
from functools import reduce
from operator import add
from typing import Any

import numpy as np

from ..schema import Fact

N_FEATURES = 2**14
_MEMO_MAX = 200_000
#: Fact sources and units the classifier is asked about; everything else the rules decide.
UNCERTAIN_UNITS = frozenset("人 分 点 度 代 号 条 门 口 手 局 关 声 回 遍 盘 球 码 级 起 节 班 期 届 本 部 台 名 位 个 次 家 种".split())


def is_uncertain(f: Fact) -> bool:
    """Whether the rules leave ``f`` to the classifier.

    >>> is_uncertain(Fact("2008", 0, 4, "date", "2008", source="rule:date:bare-year"))
    True
    >>> is_uncertain(Fact("3亿元", 0, 3, "money", 300000000, currency="CNY", source="rule:money"))
    False
    """
    if f.source == "rule:date:bare-year":
        return True
    if f.kind in ("count", "number") and (f.unit in UNCERTAIN_UNITS or f.unit is None):
        return True
    return False


def features(text: str, start: int, end: int, fact: Fact | None = None) -> list[str]:
    """String features of the value ``text[start:end]`` and two to three characters around it.

    The shape reads the first six characters: d digit, c Chinese, a letter, p anything else.

    >>> features("营收3.5亿元,同比", 2, 7)[:4]
    ['bias', 'shape=dpdcc', 'len=5', 'l1=收']
    """
    span = text[start:end]
    left = text[max(0, start - 3) : start]
    right = text[end : end + 3]
    l1, r1 = left[-1:], right[:1]
    feats = [
        "bias",
        "shape=" + span[:6].translate(_SHAPES),
        _LEN_FEATURES[min(len(span), 8)],
        "l1=" + l1,
        "l2=" + left[-2:],
        "l3=" + left,
        "r1=" + r1,
        "r2=" + right[:2],
        "r3=" + right,
        "lr=" + l1 + "|" + r1,
        "first=" + span[:1],
        "last=" + span[-1:],
    ]
    if fact is not None:
        u = "u=" + str(fact.unit)
        feats += ["kind=" + fact.kind, u, "src=" + fact.source, "ku=" + fact.kind + str(fact.unit), u + "|l1=" + l1, u + "|r1=" + r1]
    else:
        feats.append("u=" + span[-1:])
    return feats


class _ShapeTable(dict):
    """A ``str.translate`` table of each character's shape letter, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        shape = self[code] = "d" if c.isdigit() else ("c" if "\u4e00" <= c <= "\u9fff" else ("a" if c.isalpha() else "p"))
        return shape


_SHAPES = _ShapeTable()
_LEN_FEATURES = tuple(f"len={n}" for n in range(9))


def hash_features(feats: Sequence[str], n: int = N_FEATURES) -> np.ndarray:
    """Indices of ``feats`` in a hashed space of size ``n`` (crc32, stable across runs)."""
    return np.array([zlib.crc32(s.encode("utf-8")) % n for s in feats], dtype=np.int64)


class _Weights(dict[str, float]):
    """Feature string -> its weight in ``coef``, each hashed as :func:`hash_features` does when
    first asked (``memo[feat]``); emptied when it grows past :data:`_MEMO_MAX` entries.

    >>> w = _Weights([0.5, -1.0], n=2)
    >>> w["bias"] == [0.5, -1.0][zlib.crc32(b"bias") % 2], len(w)
    (True, 1)
    """

    __slots__ = ("coef", "n")

    def __init__(self, coef: list[float], n: int | None = None) -> None:
        super().__init__()
        self.coef = coef
        self.n = len(coef) if n is None else n

    def __missing__(self, feat: str) -> float:
        if len(self) >= _MEMO_MAX:
            self.clear()
        w = self[feat] = float(self.coef[zlib.crc32(feat.encode("utf-8")) % self.n])
        return w


class FactClassifier:
    """Logistic regression weights over hashed features; ``keep`` if P(fact) >= threshold."""

    def __init__(self, coef: np.ndarray, intercept: float, threshold: float = 0.5, meta: dict[str, Any] | None = None):
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.threshold = threshold
        self.meta = meta or {}
        self._memo = _Weights(self.coef.tolist())
        self._seen: dict[tuple[Any, ...], float] = {}  # proba by the context the features read

    @classmethod
    def load(cls, name: str = "facts") -> FactClassifier:
        from ..modelio import load_model

        arrays, meta = load_model(name)
        return cls(arrays["coef"], float(arrays["intercept"][0]), float(meta.get("threshold", 0.5)), meta)

    @classmethod
    def load_or_none(cls, name: str | None) -> FactClassifier | None:
        """The shipped model, or None (rules alone) when it is missing, with a warning that says so."""
        if not name:
            return None
        from ..modelio import ModelNotFoundError

        try:
            return cls.load(name)
        except ModelNotFoundError as e:
            warnings.warn(f"{e} Numeric facts are decided by the rules alone.", RuntimeWarning, stacklevel=2)
            return None

    def weight(self, feat: str) -> float:
        """The weight of one feature string (hashed as :func:`hash_features` does), memoised.

        Feature strings repeat across facts (``bias``, ``kind=count``, ``u=人`` …), so each is
        hashed once; the memo is dropped when it grows past :data:`_MEMO_MAX` entries.
        """
        return self._memo[feat]

    def proba(self, text: str, fact: Fact) -> float:
        start, end = fact.start, fact.end
        # the features read the value, three characters each side and the fact's kind, unit and source
        lo = start - 3 if start > 3 else 0
        key = (text[lo : end + 3], start - lo, end - start, fact.kind, fact.unit, fact.source)
        p = self._seen.get(key)
        if p is None:
            if len(self._seen) >= _MEMO_MAX:
                self._seen.clear()
            p = self._seen[key] = self._proba(text, fact)
        return p

    def _proba(self, text: str, fact: Fact) -> float:
        # the weights added left to right from the intercept, as a loop of ``z += w`` adds them, with
        # no bytecode per feature (sum() would add them otherwise from Python 3.12: compensated)
        z = reduce(add, map(self._memo.__getitem__, features(text, fact.start, fact.end, fact)), self.intercept)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def filter(self, text: str, facts: list[Fact]) -> list[Fact]:
        """Drop the uncertain facts the model calls non-facts; the others pass untouched."""
        return [f for f in facts if not is_uncertain(f) or self.proba(text, f) >= self.threshold]
