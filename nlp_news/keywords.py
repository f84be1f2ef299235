"""Keywords (jieba's TF-IDF) and an extractive summary: the ``news_keywords`` stage.

Keywords use the IDF table that ships with jieba (``jieba/analyse/idf.txt``)
over the pipeline's own tokens, the method of ``jieba.analyse.extract_tags``
without jieba's global tokenizer. The summary picks the sentences that carry
most keyword weight, with a preference for the lead, in article order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from nlp_news import extensions  # noqa: F401  (registers doc._ attributes)

_WORDLIKE = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9.+\-]{1,})$")
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
_DEFAULT_IDF_FALLBACK = 11.95  # median of jieba's table, jieba's own choice


@lru_cache(maxsize=1)
def jieba_idf() -> dict[str, float]:
    """jieba's IDF table, read once from the installed jieba package."""
    from importlib import resources

    raw = (resources.files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8").split()
    return dict(zip(raw[0::2], map(float, raw[1::2])))


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
    words: Mapping[str, int], idf: dict[str, float], *, top: int = 10, default_idf: float = _DEFAULT_IDF_FALLBACK
) -> list[tuple[str, float]]:
    """:func:`tfidf_keywords` over word counts."""
    counts = {w: c for w, c in words.items() if _WORDLIKE.match(w) and w.lower() not in STOP_WORDS}
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


@Language.factory("news_keywords", default_config={"top": 10, "summary_sentences": 3})
def make_keywords(nlp: Language, name: str, top: int, summary_sentences: int) -> KeywordStage:
    return KeywordStage(top=top, summary_sentences=summary_sentences)


class KeywordStage:
    """Sets ``doc._.keywords`` and adds ``keywords`` and ``sentences`` to ``doc._.summary``."""

    def __init__(self, *, top: int = 10, summary_sentences: int = 3) -> None:
        self.top = top
        self.summary_sentences = summary_sentences

    def __call__(self, doc: Doc) -> Doc:
        # Token strings are counted through their hash ids, vectorised: a Python
        # loop over tokens would cost more than the rest of the stage.
        orth = doc.to_array(ORTH)
        keep = np.ones(len(orth), dtype=bool)
        for b in doc.spans["boilerplate"] if "boilerplate" in doc.spans else ():
            keep[b.start : b.end] = False
        uniq, inverse, counts = np.unique(orth, return_inverse=True, return_counts=True)
        if not keep.all():
            counts = np.bincount(inverse[keep], minlength=len(uniq))
        strings = doc.vocab.strings
        words = {strings[int(h)]: int(c) for h, c in zip(uniq, counts) if c}
        keywords = tfidf_counts(words, jieba_idf(), top=self.top)
        doc._.keywords = keywords
        kw = dict(keywords)

        token_weight = np.array([kw.get(strings[int(h)], 0.0) for h in uniq])[inverse]
        cum = np.concatenate(([0.0], np.cumsum(token_weight)))
        sents = list(doc.spans["sentences"]) if "sentences" in doc.spans else []
        title = doc.spans["title"][0] if "title" in doc.spans and len(doc.spans["title"]) else None
        body = [s for s in sents if title is None or s.start_char >= title.end_char]
        weights = [(cum[s.end] - cum[s.start]) / math.sqrt(max(len(s), 1)) for s in body]
        picked = pick_summary([(s.start_char, s.end_char) for s in body], weights, k=self.summary_sentences)
        summary = dict(doc._.summary or {})
        summary["keywords"] = [w for w, _ in keywords]
        summary["sentences"] = [[body[i].start_char, body[i].end_char] for i in picked]
        doc._.summary = summary
        return doc
