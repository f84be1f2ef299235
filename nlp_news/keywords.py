"""Keywords (jieba's TF-IDF) and an extractive summary: the ``news_keywords`` stage.

Keywords use the IDF table that ships with jieba (``jieba/analyse/idf.txt``)
over the pipeline's own tokens, the method of ``jieba.analyse.extract_tags``
without jieba's global tokenizer; the words of boilerplate and of numeric facts
(亿元 of 1.28亿元) do not count, and each entity mention counts once by its canonical
name (深言科技, not 深言 and 科技). The summary picks the sentences that carry
most keyword weight, with a preference for the lead, in article order.

The stage reads the table as :class:`IdfTable`, keyed by spaCy's 64-bit string
hashes, so a document's words are looked up in one vectorised step straight
from its ``ORTH`` array. It ships as ``models/keywords`` (built from jieba's
file by ``nlp-news train keywords``, which also takes your own IDF file); when
that folder is missing, the table is built from the installed jieba.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from nlp_news import extensions  # noqa: F401  (registers doc._ attributes)
from nlp_news.extensions import span_offsets, tokens_touched

# two or more characters led by a Han character (智谱AI too) or by a Latin letter (one space
# between Latin words: an entity name such as Sam Altman)
_WORDLIKE = re.compile(r"^(?:[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]+|[A-Za-z](?:[A-Za-z0-9.+\-]| (?=[A-Za-z0-9]))+)$")
#: Entity labels whose mentions count as one keyword term, by canonical name.
KEYWORD_ENTITY_LABELS = frozenset(("ORG", "PER", "LOC", "PRODUCT", "WORK"))
# Function words and news filler that TF-IDF would otherwise pick.
STOP_WORDS = frozenset(
    """
    我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 这样 那样 这种 那种 一个 一些 一种 没有 不是 就是 还是 可以 可能 已经 因为 所以
    但是 而且 如果 虽然 然而 以及 或者 并且 同时 其中 之后 之前 以后 以来 目前 现在 今天 昨天 今年 去年 明年 表示 认为 指出 介绍 称 据悉
    记者 报道 日电 消息 方面 情况 问题 进行 通过 对于 关于 由于 根据 作为 成为 包括 其他 相关 主要 一定 非常 比较 更加 其实 不过 只是
    这是 那是 什么 如何 怎么 为什么 一直 开始 继续 需要 希望 能够 应该 还有 也是 都是 一样 以上 以下 左右 之一 时候 时间 方式 部分 整个
    the and for with that this from are was
    """.split()
)
_DEFAULT_IDF_FALLBACK = 11.9547675029  # median of jieba's table: jieba's own choice for unknown words


@lru_cache(maxsize=1)
def jieba_idf() -> dict[str, float]:
    """jieba's IDF table, read once from the installed jieba package."""
    return read_idf()


class IdfFileError(ValueError):
    """An IDF file could not be read."""


def read_idf(path: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """``word idf`` lines (UTF-8); by default jieba's own table."""
    if path is None:
        from importlib import resources

        text = (resources.files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
        source = "jieba/analyse/idf.txt"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise IdfFileError(f"IDF file {path} does not exist") from None
        except UnicodeDecodeError:
            raise IdfFileError(f"IDF file {path} is not UTF-8; save it as UTF-8 with 'word idf' lines") from None
        source = str(path)
    idf: dict[str, float] = {}
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        try:
            word, value = " ".join(parts[:-1]), float(parts[-1])
        except ValueError:
            raise IdfFileError(f"{source}:{n}: expected 'word idf', got {line!r}") from None
        if not word:
            raise IdfFileError(f"{source}:{n}: expected 'word idf', got {line!r}")
        idf[word] = value
    if not idf:
        raise IdfFileError(f"{source} has no 'word idf' lines")
    return idf


class IdfTable:
    """An IDF table keyed by spaCy string hashes (``vocab.strings[word]``).

    ``hashes`` is sorted; ``levels[codes[i]]`` is the IDF of ``hashes[i]``
    (jieba's table has only a few thousand distinct values, so the values
    are stored once and each word keeps a 16-bit code).

    >>> t = IdfTable.from_words({"模型": 8.0, "发布": 5.0}, default=10.0)
    >>> from spacy.strings import hash_string
    >>> t.lookup(np.array([hash_string("发布"), hash_string("智谱")], dtype=np.uint64)).tolist()
    [5.0, 10.0]
    """

    def __init__(self, hashes: np.ndarray, codes: np.ndarray, levels: np.ndarray, default: float) -> None:
        self.hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
        self.codes = np.ascontiguousarray(codes, dtype=np.uint16)
        self.levels = np.ascontiguousarray(levels, dtype=np.float64)
        self.default = float(default)
        if not (len(self.hashes) == len(self.codes)) or (len(self.hashes) > 1 and not (np.diff(self.hashes) > 0).all()):
            raise ValueError("an IdfTable needs sorted, unique hashes and one code per hash")

    @classmethod
    def from_words(cls, idf: Mapping[str, float], *, default: float | None = None) -> IdfTable:
        from spacy.strings import hash_string

        words = list(idf)
        hashes = np.fromiter((hash_string(w) for w in words), dtype=np.uint64, count=len(words))
        values = np.fromiter((idf[w] for w in words), dtype=np.float64, count=len(words))
        order = np.argsort(hashes)
        hashes, values = hashes[order], values[order]
        if len(hashes) > 1 and not (np.diff(hashes) > 0).all():
            raise ValueError("two words of the IDF table share a 64-bit hash")
        levels, codes = np.unique(values, return_inverse=True)
        if len(levels) > np.iinfo(np.uint16).max:
            raise ValueError(f"the IDF table has {len(levels):,} distinct values; at most 65,535 are supported")
        if default is None:
            default = float(np.median(values)) if len(values) else _DEFAULT_IDF_FALLBACK
        return cls(hashes, codes.astype(np.uint16), levels, default)

    @classmethod
    def load(cls, name: str = "keywords") -> IdfTable:
        """A table folder; for the shipped one (``keywords``) jieba's table if the folder is missing."""
        from nlp_news.modelio import ModelNotFoundError, load_model

        try:
            arrays, meta = load_model(name)
        except ModelNotFoundError:
            if name != "keywords":
                raise
            return cls.from_words(jieba_idf())
        return cls(arrays["hashes"], arrays["codes"], arrays["levels"], meta["default_idf"])

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"hashes": self.hashes, "codes": self.codes, "levels": self.levels}

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """IDF of each hash (``default`` for words not in the table)."""
        return self.lookup_known(hashes)[0]

    def lookup_known(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """IDF of each hash and whether the table has it."""
        if not len(self.hashes):
            return np.full(len(hashes), self.default), np.zeros(len(hashes), dtype=bool)
        pos = np.searchsorted(self.hashes, hashes)
        pos[pos == len(self.hashes)] = 0
        found = self.hashes[pos] == hashes
        return np.where(found, self.levels[self.codes[pos]], self.default), found


_NO_TERMS = np.zeros(0, dtype=np.uint64)


def _outside(starts: np.ndarray, ends: np.ndarray, n: int) -> np.ndarray:
    """Of ``n`` tokens, those in none of the ranges ``starts[i]:ends[i]``.

    >>> _outside(np.array([1, 2]), np.array([3, 4]), 6).tolist()
    [True, False, False, False, True, True]
    """
    ok = ends > starts
    depth = np.bincount(starts[ok], minlength=n + 1)[: n + 1] - np.bincount(ends[ok], minlength=n + 1)[: n + 1]
    return np.cumsum(depth[:n]) == 0


def can_be_keyword(word: str) -> bool:
    """A word TF-IDF may pick: two or more Han characters, or a Latin-led name; no stop word.

    >>> [can_be_keyword(w) for w in ["模型", "的", "我们", "OpenAI", "3050", "智谱AI", "Sam Altman", "AI 语音"]]
    [True, False, False, True, False, True, True, False]
    """
    return _WORDLIKE.match(word) is not None and word.lower() not in STOP_WORDS


def tfidf_keywords(
    words: Iterable[str], idf: dict[str, float], *, top: int = 10, default_idf: float = _DEFAULT_IDF_FALLBACK
) -> list[tuple[str, float]]:
    """The ``top`` words by TF-IDF, weights scaled as jieba does (tf × idf / total).

    >>> idf = {"模型": 8.0, "发布": 5.0, "公司": 3.0}
    >>> tfidf_keywords(["智谱", "发布", "模型", "模型", "的", "公司"], idf, top=2, default_idf=10.0)
    [('模型', 3.2), ('智谱', 2.0)]
    """
    return tfidf_counts(Counter(words), idf, top=top, default_idf=default_idf)


def tfidf_counts(
    words: Mapping[str, int],
    idf: dict[str, float],
    *,
    top: int = 10,
    default_idf: float = _DEFAULT_IDF_FALLBACK,
    min_unknown: int = 1,
    always: Iterable[str] = (),
) -> list[tuple[str, float]]:
    """:func:`tfidf_keywords` over word counts.

    A word the IDF table lacks counts only when it occurs ``min_unknown`` times or is one of
    ``always`` (jieba counts every word: ``min_unknown=1``).

    >>> tfidf_counts({"模型": 2, "内锁": 1, "智谱": 1}, {"模型": 8.0}, top=3, default_idf=10.0, min_unknown=2, always={"智谱"})
    [('模型', 5.3333), ('智谱', 3.3333)]
    """
    always = set(always)
    counts = {w: c for w, c in words.items() if can_be_keyword(w) and (c >= min_unknown or w in idf or w in always)}
    total = sum(counts.values())
    if not total:
        return []
    scored = [(w, c * idf.get(w, default_idf) / total) for w, c in counts.items()]
    scored.sort(key=lambda x: (-x[1], x[0]))
    return [(w, round(s, 4)) for w, s in scored[:top]]


def pick_summary(
    sentences: Sequence[tuple[int, int]], weights: Sequence[float], *, k: int = 3
) -> list[int]:
    """Indices of the ``k`` best sentences (keyword weight, lead bonus), in order.

    >>> pick_summary([(0, 10), (10, 20), (20, 30), (30, 40)], [1.0, 0.2, 3.0, 0.1], k=2)
    [0, 2]
    """
    if not sentences:
        return []
    scored = []
    for i, w in enumerate(weights):
        lead = 1.0 + 0.5 / (1 + i)  # the lead of a news story carries its point
        scored.append((w * lead, i))
    best = sorted(scored, reverse=True)[:k]
    return sorted(i for _, i in best)


@Language.factory("news_keywords", default_config={"top": 10, "summary_sentences": 3, "idf": "keywords", "min_unknown": 2})
def make_keywords(nlp: Language, name: str, top: int, summary_sentences: int, idf: str, min_unknown: int) -> KeywordStage:
    return KeywordStage(top=top, summary_sentences=summary_sentences, idf=IdfTable.load(idf), min_unknown=min_unknown)


class KeywordStage:
    """Sets ``doc._.keywords`` and adds ``keywords`` and ``sentences`` to ``doc._.summary``.

    The result equals :func:`tfidf_counts` (with ``min_unknown`` and the entity terms as
    ``always``) over the document's words (boilerplate and numeric facts left out, each
    entity mention one word: its canonical name); the work is vectorised over the
    document's distinct word hashes.
    """

    def __init__(self, *, top: int = 10, summary_sentences: int = 3, idf: IdfTable | None = None, min_unknown: int = 2) -> None:
        self.top = top
        self.min_unknown = min_unknown
        self.summary_sentences = summary_sentences
        self.idf = idf if idf is not None else IdfTable.load()
        self._flag: int | None = None

    def _keyword_flag(self, vocab) -> int:
        """The lexeme flag that holds :func:`can_be_keyword`, added to ``vocab`` on first use.

        spaCy computes a flag once per word type, when the word enters the
        vocabulary; a fresh vocabulary made from this one's attribute getters
        (as the Analyzer makes) keeps the flag under the same id.
        """
        flag = self._flag
        if flag is None or vocab.lex_attr_getters.get(flag) is not can_be_keyword:
            flag = self._flag = vocab.add_flag(can_be_keyword)
        return flag

    def _top(
        self, uniq: np.ndarray, counts: np.ndarray, strings, terms: np.ndarray = _NO_TERMS
    ) -> tuple[list[tuple[str, float]], list[int]]:
        """The top keywords as (word, weight) and their indices into ``uniq`` (``terms``:
        sorted hashes of entity names, which count however rare)."""
        can = np.flatnonzero(counts)
        idf, known = self.idf.lookup_known(uniq[can])
        if self.min_unknown > 1:
            # a word the IDF table lacks, said once and not an entity, is mostly a segmentation
            # slip (内锁 of 24小时内锁单), not a topic
            rare = ~known & (counts[can] < self.min_unknown)
            if rare.any() and len(terms):
                pos = np.minimum(np.searchsorted(terms, uniq[can]), len(terms) - 1)
                rare &= terms[pos] != uniq[can]
            if rare.any():
                counts = counts.copy()
                counts[can[rare]] = 0
                can, idf = can[~rare], idf[~rare]
        total = int(counts.sum())
        n = min(self.top, len(can))
        if not total or not n:
            return [], []
        # IDF only for the words that can be keywords (about half of a document's words)
        scores = np.zeros(len(uniq))
        scores[can] = counts[can] * idf / total
        # the n best by score; ties at the cut broken by the word, as tfidf_counts does
        cut = np.partition(scores, len(scores) - n)[len(scores) - n]
        cand = np.flatnonzero((scores >= cut) & (counts > 0))
        ranked = sorted((-s, strings[h], i) for s, h, i in zip(scores[cand].tolist(), uniq[cand].tolist(), cand.tolist()))[:n]
        return [(w, round(-neg, 4)) for neg, w, _ in ranked], [i for *_, i in ranked]

    def __call__(self, doc: Doc) -> Doc:
        # Token strings are counted through their hash ids, vectorised: a Python
        # loop over tokens would cost more than the rest of the stage.
        arr = doc.to_array([ORTH, self._keyword_flag(doc.vocab), IDX, LENGTH])
        orth, allowed, idx = arr[:, 0], arr[:, 1], arr[:, 2]
        strings = doc.vocab.strings
        keep = np.ones(len(orth), dtype=bool)
        for b in doc.spans.get("boilerplate", ()):
            keep[b.start : b.end] = False
        facts = doc._.facts
        n = len(keep)
        if facts:
            # the words of a numeric fact are not keywords: 亿元 of 1.28亿元, 年前 of 2025年前9个月,
            # nor a word that runs into one (低约 of 低约2万元: the token holding its first character)
            spans = np.array([(f.start, f.end) for f in facts], dtype=np.int64)
            keep &= _outside(*tokens_touched(idx, idx + arr[:, 3], spans[:, 0], spans[:, 1]), n)
        ents = [e for e in doc._.entities or () if e.label in KEYWORD_ENTITY_LABELS]
        terms = _NO_TERMS
        if ents:
            # an entity is one term, its canonical name: 深言科技, not 深言 and 科技; 智谱 and 智谱AI together
            ab = np.searchsorted(idx, np.array([(e.start, e.end) for e in ents], dtype=np.int64))
            a, b = ab[:, 0], ab[:, 1]
            ok = (b > a) & keep[np.minimum(a, n - 1)]
            if ok.any():
                orth, allowed = orth.copy(), allowed.copy()
                a, b = a[ok], b[ok]
                names = [e.canonical for e, k in zip(ents, ok.tolist()) if k]
                hashes = {name: strings.add(name) for name in set(names)}
                orth[a] = [hashes[name] for name in names]
                allowed[a] = [can_be_keyword(name) for name in names]
                terms = np.array(sorted(hashes.values()), dtype=orth.dtype)
                keep &= _outside(a + 1, b, n)  # the entity's other tokens
        uniq, first, inverse, counts = np.unique(orth, return_index=True, return_inverse=True, return_counts=True)
        if not keep.all():
            counts = np.bincount(inverse[keep], minlength=len(uniq))
        counts = np.where(allowed[first] != 0, counts, 0)
        keywords, chosen = self._top(uniq, counts, strings, terms)
        doc._.keywords = keywords
        weight = np.zeros(len(uniq))
        weight[chosen] = [w for _, w in keywords]

        token_weight = weight[inverse]
        cum = np.concatenate(([0.0], np.cumsum(token_weight)))
        # sentences by character offsets (no spaCy Span per sentence); a sentence's tokens are
        # the ones starting in it, as news_structure made its span
        title = span_offsets(doc, "title")
        body = [s for s in span_offsets(doc, "sentences") if not title or s[0] >= title[0][1]]
        weights: list[float] = []
        if body:
            bounds = np.searchsorted(arr[:, 2], np.array(body, dtype=np.int64).ravel()).reshape(-1, 2)
            sums = cum[bounds[:, 1]] - cum[bounds[:, 0]]
            weights = [w / math.sqrt(max(n, 1)) for w, n in zip(sums.tolist(), (bounds[:, 1] - bounds[:, 0]).tolist())]
        picked = pick_summary(body, weights, k=self.summary_sentences)
        summary = dict(doc._.summary or {})
        summary["keywords"] = [w for w, _ in keywords]
        summary["sentences"] = [list(body[i]) for i in picked]
        doc._.summary = summary
        return doc
