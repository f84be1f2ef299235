"""A small fact / non-fact classifier for the candidates rules cannot decide alone.

The rules mark some facts as uncertain: a bare four-digit number read as a year,
a count whose unit is also a common word (76人 the team, 二代, 十分), a Chinese
numeral before a classifier. For those, a logistic regression over hashed
character n-grams of the value and its context says whether to keep the fact.
It is trained with scikit-learn (``nlp_news/training/facts.py``) and predicted
here with numpy only.

A second model, :class:`AmountClassifier` (``models/amounts``), decides what the rules
cannot for a bare amount, a number with 万 or 亿 and no unit or currency word (市值一天缩水31亿,
行骗400万, 观众达百万): is it a sum of money? Its features read six characters before the amount
and four after it; it is trained on reviewed labels of such amounts in unseen news
(``nlp_news/training/amounts.py``).

>>> feats = features("这位23岁的球员", 2, 5)
>>> "u=岁" in feats and "l1=位" in feats
True
"""

from __future__ import annotations

import dataclasses
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


class FactClassifier:
    """Logistic regression weights over hashed features; ``keep`` if P(fact) >= threshold."""

    def __init__(self, coef: np.ndarray, intercept: float, threshold: float = 0.5, meta: dict[str, Any] | None = None):
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.threshold = threshold
        self.meta = meta or {}
        self._coef = self.coef.tolist()  # floats indexed from Python: no numpy scalar per feature
        self._n = len(self._coef)  # the hashed space's size (N_FEATURES for a trained model)
        self._seen: dict[tuple[Any, ...], float] = {}  # proba by the context the features read

    #: The shipped model :meth:`load` reads when given no name.
    MODEL = "facts"

    @classmethod
    def load(cls, name: str | None = None) -> FactClassifier:
        from ..modelio import load_model

        arrays, meta = load_model(name or cls.MODEL)
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

    def proba(self, text: str, fact: Any) -> float:
        """P(positive) of ``fact`` in ``text``, memoised by what its features read (:meth:`_context`)."""
        key = self._context(text, fact)
        p = self._seen.get(key)
        if p is None:
            if len(self._seen) >= _MEMO_MAX:
                self._seen.clear()
            p = self._seen[key] = self._proba(text, fact)
        return p

    def _context(self, text: str, fact: Any) -> tuple[Any, ...]:
        """What :meth:`_features` reads: the value, three characters each side and the fact's kind, unit and source."""
        start, end = fact.start, fact.end
        lo = start - 3 if start > 3 else 0
        return (text[lo : end + 3], start - lo, end - start, fact.kind, fact.unit, fact.source)

    def _features(self, text: str, fact: Any) -> list[str]:
        return features(text, fact.start, fact.end, fact)

    def _proba(self, text: str, fact: Any) -> float:
        # the weights added left to right from the intercept, as a loop of ``z += w`` adds them, with
        # no bytecode per feature (sum() would add them otherwise from Python 3.12: compensated); each feature
        # hashed as hash_features hashes it, inline: a crc32 of a short string costs less than a memo of the
        # strings (most features of an unseen fact are new strings, whose memo entry cost ten times the hash)
        coef, n, crc32 = self._coef, self._n, zlib.crc32
        z = reduce(add, [coef[crc32(f.encode("utf-8")) % n] for f in self._features(text, fact)], self.intercept)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def filter(self, text: str, facts: list[Fact]) -> list[Fact]:
        """Drop the uncertain facts the model calls non-facts; the others pass untouched."""
        return [f for f in facts if not is_uncertain(f) or self.proba(text, f) >= self.threshold]


# --- bare amounts: money or not ----------------------------------------------------------------

#: Words of money near an amount (another amount in the same stretch of text names its currency).
_MONEY_WORDS = ("元", "美金", "人民币", "港币", "英镑", "镑", "欧元", "日元", "$", "¥", "￥", "€", "£")


def is_bare_amount(f: Any) -> bool:
    """Whether ``f`` (a :class:`Fact` or a FactRow) is a bare amount: a number with 万 or 亿 and no
    unit or currency, which the rules could not tie to money or to what it counts.

    >>> is_bare_amount(Fact("3400万", 0, 5, "number", 34000000))
    True
    >>> is_bare_amount(Fact("3400万元", 0, 6, "money", 34000000, currency="CNY")), is_bare_amount(Fact("3.5", 0, 3, "number", 3.5))
    (False, False)
    """
    # (two substring tests, no generator: it is asked of every fact of every article)
    return f.kind == "number" and f.unit is None and f.currency is None and ("万" in f.text or "亿" in f.text)


def amount_features(text: str, start: int, end: int) -> list[str]:
    """String features of the bare amount ``text[start:end]``: the characters before it (six, each
    with its distance, and their pairs), after it (four), the amount's form, and whether a word of
    money stands within 30 characters.

    >>> feats = amount_features("公司市值一天缩水31亿，", 8, 11)
    >>> "l1=水" in feats and "l2=缩水" in feats and "r1=，" in feats and "yi" in feats
    True
    """
    span = text[start:end]
    left = text[start - 6 if start > 6 else 0 : start]
    right = text[end : end + 4]
    feats = ["bias", "yi" if "亿" in span else "wan", "digits" if any(c.isdigit() for c in span) else "chinese"]
    n = len(left)
    for i in range(n):
        c = left[n - 1 - i]
        feats.append(f"l{i + 1}={c}")
        feats.append("lb=" + c)
    for i in range(n - 1):
        feats.append("l2=" + left[i : i + 2])
    for i, c in enumerate(right):
        feats.append(f"r{i + 1}={c}")
        feats.append("rb=" + c)
    for i in range(len(right) - 1):
        feats.append("r2=" + right[i : i + 2])
    feats.append("lr=" + left[-1:] + "|" + right[:1])
    near = text[start - 30 if start > 30 else 0 : end + 30]
    if any(w in near for w in _MONEY_WORDS):
        feats.append("money_near")
    return feats


class AmountClassifier(FactClassifier):
    """P(money) of a bare amount (:func:`is_bare_amount`), over hashed :func:`amount_features`;
    :meth:`relabel` makes the amounts at or over the threshold money, with the source ``model:amount`` (the
    output says the model decided it) and no currency yet: :func:`~nlp_news.numeric.linking.link_facts` gives
    them the article's (most of its money's; CNY when it names none), as NUMERIC-CONVENTIONS says of a price
    with no currency word."""

    MODEL = "amounts"

    def _context(self, text: str, fact: Any) -> tuple[Any, ...]:
        """What :func:`amount_features` reads: 30 characters each side of the amount (the word of money)."""
        start, end = fact.start, fact.end
        lo = start - 30 if start > 30 else 0
        return (text[lo : end + 30], start - lo, end - start)

    def _features(self, text: str, fact: Any) -> list[str]:
        return amount_features(text, fact.start, fact.end)

    def relabel(self, text: str, rows: list[Any]) -> list[Any]:
        """``rows`` (FactRows or Facts) with each bare amount the model calls money made money (its currency
        left to :func:`~nlp_news.numeric.linking.link_facts`).

        >>> always = AmountClassifier(np.zeros(4), 5.0)  # a model that calls every bare amount money
        >>> [(f.kind, f.currency, f.source) for f in always.relabel("赔偿6万，3亿用户", [
        ...     Fact("6万", 2, 4, "number", 60000, source="rule:number"), Fact("3亿用户", 5, 9, "count", 3e8, unit="用户")])]
        [('money', None, 'model:amount'), ('count', None, 'rule')]
        """
        out = rows
        for i, f in enumerate(rows):
            if is_bare_amount(f) and self.proba(text, f) >= self.threshold:
                if out is rows:
                    out = list(rows)
                money = {"kind": "money", "source": "model:amount"}
                out[i] = f._replace(**money) if isinstance(f, tuple) else dataclasses.replace(f, **money)
        return out
