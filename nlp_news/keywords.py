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

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from nlp_news import extensions  # noqa: F401  (registers doc._ attributes)
from nlp_news.extensions import doc_text, span_offsets, tokens_touched

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
    同比 环比 同期 增长 下降 提升 增加 减少 持续 报告 显示 数据 实现 达到 发布 公布 宣布 截至 超过 分别 累计 约为 上年 本报
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
_NO_INTS = np.zeros(0, dtype=np.int64)


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

    >>> idf = {"模型": 8.0, "上线": 5.0, "公司": 3.0}
    >>> tfidf_keywords(["智谱", "上线", "模型", "模型", "的", "公司"], idf, top=2, default_idf=10.0)
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


def whole_sentences(spans: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The sentence spans with the parts a semicolon ends joined to the part after it, when nothing
    but spaces stands between them: a summary quotes whole sentences (…营收1041.86亿元；净利润185.49亿元,
    not the part after the semicolon alone, which lost its subject and its quarter).

    >>> t = "公司三季度营收10亿元；净利润1亿元。另起一句。"
    >>> [t[s:e] for s, e in whole_sentences([(0, 12), (12, 19), (19, 24)], t)]
    ['公司三季度营收10亿元；净利润1亿元。', '另起一句。']
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if pe and text[pe - 1] in "；;" and not text[pe:s].strip() and "\n" not in text[pe:s]:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


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


def pick_summaries(weights: np.ndarray, counts: np.ndarray, *, k: int = 3) -> list[list[int]]:
    """:func:`pick_summary` for many documents at once: ``weights`` of all their sentences,
    one document after another, ``counts[d]`` of them of document ``d``.

    >>> pick_summaries(np.array([1.0, 0.2, 3.0, 0.1, 0.5]), np.array([4, 0, 1]), k=2)
    [[0, 2], [], [0]]
    """
    counts = np.asarray(counts, dtype=np.int64)
    start = np.concatenate(([0], np.cumsum(counts)))
    doc = np.repeat(np.arange(len(counts)), counts)
    i = np.arange(len(doc)) - start[doc]  # each sentence's index in its document
    score = np.asarray(weights, dtype=np.float64) * (1.0 + 0.5 / (1 + i))  # the lead bonus
    order = np.lexsort((-i, -score, doc))  # per document best first; a tie to the later sentence
    best = np.sort(order[np.arange(len(order)) - start[doc[order]] < k])
    picked = i[best].tolist()
    out, a = [], 0
    for c in np.minimum(counts, k).tolist():
        out.append(picked[a : a + c])
        a += c
    return out


@Language.factory("news_keywords", default_config={"top": 10, "summary_sentences": 3, "idf": "keywords", "min_unknown": 2})
def make_keywords(nlp: Language, name: str, top: int, summary_sentences: int, idf: str, min_unknown: int) -> KeywordStage:
    return KeywordStage(top=top, summary_sentences=summary_sentences, idf=IdfTable.load(idf), min_unknown=min_unknown)


class KeywordStage:
    """Sets ``doc._.keywords`` and adds ``keywords`` and ``sentences`` to ``doc._.summary``.

    The result equals :func:`tfidf_counts` (with ``min_unknown`` and the entity terms as
    ``always``) over the document's words (boilerplate and numeric facts left out, each
    entity mention one word: its canonical name), and the summary :func:`pick_summary`.
    The work is vectorised over a batch's word hashes (:meth:`pipe`; a batch of one for
    ``__call__``): a document's result does not depend on the batch it came in.
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

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._annotate(batch)
            yield from batch

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def _annotate(self, docs: list[Doc]) -> None:
        """Keywords and summary sentences of a batch of documents, worked out together.

        The batch's tokens are laid end to end: each document's characters are shifted past
        the previous one's (so the tokens' starts keep increasing) and its tokens follow the
        previous one's; a word of a document is a pair (document, distinct hash). Every array
        step then runs once per batch instead of once per document.
        """
        if not docs:
            return
        flag = self._keyword_flag(docs[0].vocab)
        strings = docs[0].vocab.strings
        m = len(docs)
        arrays: list[np.ndarray] = []
        off_ranges: list[tuple[int, int]] = []  # boilerplate, as batch token ranges
        facts: list = []  # every document's facts, one document after another, and how many each
        ents: list = []  # the same for the entities that count as terms
        bodies: list[list[tuple[int, int]]] = []  # per doc: the body sentences (offsets in the doc)
        nfact, nent, nsent = [], [], []
        ntok = 0
        for doc in docs:
            arr = doc.to_array([ORTH, flag, IDX, LENGTH])
            arrays.append(arr)
            ext = doc._
            for b in doc.spans.get("boilerplate", ()):
                off_ranges.append((ntok + b.start, ntok + b.end))
            ntok += len(arr)
            got = ext.facts or ()
            facts += got
            nfact.append(len(got))
            got = [e for e in ext.entities or () if e.label in KEYWORD_ENTITY_LABELS]
            ents += got
            nent.append(len(got))
            # sentences by character offsets (no spaCy Span per sentence)
            title = span_offsets(doc, "title")
            body = [x for x in span_offsets(doc, "sentences") if not title or x[0] >= title[0][1]]
            body = whole_sentences(body, doc_text(doc)) if body else body
            bodies.append(body)
            nsent.append(len(body))
        lens = np.array([len(a) for a in arrays], dtype=np.int64)
        first_tok = np.concatenate(([0], np.cumsum(lens)))
        tok_doc = np.repeat(np.arange(m), lens)
        arr = np.concatenate(arrays).astype(np.int64) if ntok else np.zeros((0, 4), dtype=np.int64)
        orth, allowed = arr[:, 0].astype(np.uint64), arr[:, 1].astype(bool)
        # each document's characters start past the previous one's last token and its space
        last = np.maximum(first_tok[1:] - 1, 0)
        extent = np.where(lens > 0, arr[last, 2] + arr[last, 3] + 2, 0) if ntok else np.zeros(m, dtype=np.int64)
        shift = np.concatenate(([0], np.cumsum(extent)))[:-1]
        idx = arr[:, 2] + shift[tok_doc]

        keep = np.ones(ntok, dtype=bool)
        for a, b in off_ranges:
            keep[a:b] = False
        if facts:
            # the words of a numeric fact are not keywords: 亿元 of 1.28亿元, 年前 of 2025年前9个月,
            # nor a word that runs into one (低约 of 低约2万元: the token holding its first character)
            fshift = np.repeat(shift, nfact)
            starts = np.array([f.start for f in facts], dtype=np.int64) + fshift
            ends = np.array([f.end for f in facts], dtype=np.int64) + fshift
            keep &= _outside(*tokens_touched(idx, idx + arr[:, 3], starts, ends), ntok)
        term_doc, term_hash = _NO_INTS, _NO_TERMS
        if ents and ntok:
            # an entity is one term, its canonical name: 深言科技, not 深言 and 科技; 智谱 and 智谱AI together
            eshift = np.repeat(shift, nent)
            a = np.searchsorted(idx, np.array([e.start for e in ents], dtype=np.int64) + eshift)
            b = np.searchsorted(idx, np.array([e.end for e in ents], dtype=np.int64) + eshift)
            ok = (b > a) & keep[np.minimum(a, ntok - 1)]
            if ok.any():
                a, b = a[ok], b[ok]
                names = [e.canonical for e, k in zip(ents, ok.tolist()) if k]
                hashes = {name: strings.add(name) for name in set(names)}
                can = {name: can_be_keyword(name) for name in hashes}
                term_hash = np.array([hashes[name] for name in names], dtype=np.uint64)
                term_doc = np.repeat(np.arange(m), nent)[ok]
                orth[a] = term_hash
                allowed[a] = [can[name] for name in names]
                keep &= _outside(a + 1, b, ntok)  # the entity's other tokens

        # the batch's distinct words, then each document's (pairs document × word)
        uniq, word_of_tok = np.unique(orth, return_inverse=True)
        nu = max(len(uniq), 1)
        pairs, pair_of_tok = np.unique(tok_doc * nu + word_of_tok, return_inverse=True)
        pair_doc, pair_word = pairs // nu, pairs % nu
        counts = np.bincount(pair_of_tok[keep], minlength=len(pairs))
        word_ok = np.zeros(len(uniq), dtype=bool)
        word_ok[word_of_tok] = allowed  # the same for every token of a word
        counts[~word_ok[pair_word]] = 0
        idf, known = self.idf.lookup_known(uniq)
        idf, known = idf[pair_word], known[pair_word]
        if self.min_unknown > 1:
            # a word the IDF table lacks, said once and not an entity, is mostly a segmentation
            # slip (内锁 of 24小时内锁单), not a topic
            rare = ~known & (counts > 0) & (counts < self.min_unknown)
            if rare.any() and len(term_hash):
                w = np.minimum(np.searchsorted(uniq, term_hash), len(uniq) - 1)
                tkey = (term_doc * nu + w)[uniq[w] == term_hash]
                at = np.minimum(np.searchsorted(pairs, tkey), len(pairs) - 1)
                term = np.zeros(len(pairs), dtype=bool)
                term[at[pairs[at] == tkey]] = True
                rare &= ~term
            counts[rare] = 0
        keywords, chosen_pairs = self._top(len(docs), counts, idf, pair_doc, uniq[pair_word], strings)
        weight = np.zeros(len(pairs))
        weight[chosen_pairs] = [w for kws in keywords for _, w in kws]

        # summary: a sentence's tokens are the ones starting in it, as news_structure made its span
        cum = np.zeros(ntok + m)  # per doc: 0, then the running sum of its tokens' weights
        tok_weight = weight[pair_of_tok]
        for d in range(m):
            o, e = first_tok[d], first_tok[d + 1]
            np.cumsum(tok_weight[o:e], out=cum[o + d + 1 : e + d + 1])
        picked: list[list[int]] = [[] for _ in docs]
        if sum(nsent):
            sent_doc = np.repeat(np.arange(m), nsent)
            spans = np.array([x for body in bodies for x in body], dtype=np.int64) + shift[sent_doc, None]
            bounds = np.searchsorted(idx, spans.ravel()).reshape(-1, 2) + sent_doc[:, None]
            sums = cum[bounds[:, 1]] - cum[bounds[:, 0]]
            weights = sums / np.sqrt(np.maximum(bounds[:, 1] - bounds[:, 0], 1))
            picked = pick_summaries(weights, nsent, k=self.summary_sentences)
        for doc, kws, body, best in zip(docs, keywords, bodies, picked):
            ext = doc._
            ext.keywords = kws
            summary = dict(ext.summary or {})
            summary["keywords"] = [w for w, _ in kws]
            summary["sentences"] = [list(body[i]) for i in best]
            ext.summary = summary

    def _top(
        self, m: int, counts: np.ndarray, idf: np.ndarray, pair_doc: np.ndarray, pair_hash: np.ndarray, strings
    ) -> tuple[list[list[tuple[str, float]]], list[int]]:
        """Per document, the top keywords as (word, weight); and the pairs they are, all together.

        The same choice as :func:`tfidf_counts` makes for each document: its ``top`` words by
        score, the ties at the cut ranked by the word.
        """
        total = np.bincount(pair_doc, weights=counts, minlength=m)  # whole numbers: exact
        cand = np.flatnonzero(counts)
        cdoc = pair_doc[cand]
        ncand = np.bincount(cdoc, minlength=m)
        n = np.where(total > 0, np.minimum(self.top, ncand), 0)
        score = counts[cand] * idf[cand] / np.where(total > 0, total, 1.0)[cdoc]
        order = np.lexsort((-score, cdoc))  # by document, best first
        score, cand, cdoc = score[order], cand[order], cdoc[order]
        start = np.concatenate(([0], np.cumsum(ncand)))[:-1]
        # The cut is the n-th best of the document's scores, where each of its words that is no
        # candidate scores 0: the n-th best candidate's score, unless IDFs below 0 put it
        # behind those zeros.
        zeros = np.bincount(pair_doc, minlength=m) - ncand
        nonneg = np.bincount(cdoc, weights=score >= 0, minlength=m).astype(np.int64)
        behind = n > nonneg
        nth = start + n - 1 - np.where(behind, zeros, 0)
        cut = np.append(score, 0.0)[np.clip(nth, 0, len(score))]
        cut[behind & (n <= nonneg + zeros)] = 0.0
        # the candidates at or above the cut lead each document's run
        above = np.bincount(cdoc, weights=score >= cut[cdoc], minlength=m).astype(np.int64)
        neg, hashes, pair = (-score).tolist(), pair_hash[cand].tolist(), cand.tolist()
        keywords: list[list[tuple[str, float]]] = []
        chosen: list[int] = []
        for a, k, top in zip(start.tolist(), above.tolist(), n.tolist()):
            if not top:
                keywords.append([])
                continue
            ranked = sorted(zip(neg[a : a + k], [strings[h] for h in hashes[a : a + k]], pair[a : a + k]))[:top]
            keywords.append([(w, round(-s, 4)) for s, w, _ in ranked])
            chosen += [i for *_, i in ranked]
        return keywords, chosen
