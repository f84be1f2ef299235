"""Hashed text features for the label models, vectorised with numpy.

A batch of texts becomes one array of code points. Every feature is a hash of a
stretch of it, so character n-grams, jieba words and word bigrams all come out
of the same prefix-sum trick without a per-character Python loop::

    S[k] = sum(c[i] * R**i for i < k)          (mod 2**64, numpy wraps)
    hash(text[s:e]) = (S[e] - S[s]) * R**-s    (the polynomial of the stretch)

The hash is then salted by the feature kind, mixed and reduced to ``2**bits``
buckets. On top of the n-grams come the cues a news reader uses: a polarity
word (``增长``, ``亏损``) counts for the opposite side after a negator
(``不``/``未``/``没有``/``无``), and a growth or decline verb with a number after
it (``增长 170%``, ``亏损 5.12 亿``) is a feature of its own.

Punctuation (``punct``, a setting stored with the model): ``"keep"`` hashes every
n-gram as the first models did; ``"drop"`` leaves out the character n-grams and
the word unigrams and bigrams made of punctuation only (``，``, ``。“``); ``"split"``
treats punctuation as a break, like a space: no character n-gram and no word
bigram contains it; ``"clause"`` is ``"drop"`` for the clause marks ``，。、；``
only (headlines keep ``：《》“”()``). Punctuation is a Unicode ``P*`` character
other than ``%`` and ``‰`` (which belong to a number). The punctuation habits of
the training sites (2005-2011) otherwise read as a topic cue.

>>> fx = Featurizer(bits=16)
>>> rows, idx, val = fx.transform(["营收同比增长170%", "净亏损扩大"])
>>> int(rows.max()), bool(idx.max() < 2**16)
(1, True)
>>> fx.cues("公司没有亏损")
['neg->pos']
>>> fx.cues("营收同比增长170%")
['pos', 'up+num']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

_R = np.uint64(0x9E3779B97F4A7C15 | 1)
_RINV = np.uint64(pow(int(_R), -1, 2**64))
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_SEP = "\x00"

# Salts for the feature kinds (any distinct 64-bit odd numbers).
_SALT = {
    "c1": 0x1F2E3D4C5B6A7989,
    "c2": 0x2A3B4C5D6E7F8091,
    "c3": 0x3C4D5E6F708192A3,
    "w1": 0x4E5F60718293A4B5,
    "w2": 0x5061728394A5B6C7,
    "cue": 0x62738495A6B7C8D9,
    "not": 0x7485960718293A4B,
    "bias": 0x8697A8B9CADBECFD,
}

#: Negators: the next polarity word within two tokens counts for the other side.
NEGATORS: tuple[str, ...] = (
    "不",
    "未",
    "没有",
    "没",
    "无",
    "非",
    "并非",
    "不再",
    "未能",
    "不会",
    "难以",
    "无法",
    "毫无",
)

# Hand-written cue lists (our own wording) for the news features; the model
# learns how much each cue weighs. Growth and decline verbs get a second cue
# when a number follows them.
UP_VERBS: tuple[str, ...] = (
    "增长",
    "上涨",
    "上升",
    "提升",
    "提高",
    "增加",
    "攀升",
    "回升",
    "反弹",
    "走高",
    "大涨",
    "暴涨",
    "飙升",
    "扭亏",
    "盈利",
    "增至",
    "升至",
    "涨至",
    "翻番",
    "大增",
    "激增",
    "劲增",
    "创新高",
)
DOWN_VERBS: tuple[str, ...] = (
    "下降",
    "下跌",
    "下滑",
    "减少",
    "回落",
    "走低",
    "大跌",
    "暴跌",
    "跳水",
    "缩水",
    "降至",
    "跌至",
    "跌破",
    "萎缩",
    "亏损",
    "净亏损",
    "亏",
    "减亏",
    "流失",
    "重挫",
    "下挫",
    "收窄",
    "跌幅",
    "降幅",
)
POSITIVE: tuple[str, ...] = (
    "好",
    "成功",
    "优秀",
    "冠军",
    "夺冠",
    "获胜",
    "胜",
    "击败",
    "领先",
    "突破",
    "纪录",
    "创纪录",
    "好评",
    "热销",
    "畅销",
    "获奖",
    "荣获",
    "大奖",
    "优势",
    "乐观",
    "看好",
    "利好",
    "稳健",
    "强劲",
    "繁荣",
    "受益",
    "受欢迎",
    "欢迎",
    "满意",
    "喜欢",
    "精彩",
    "出色",
    "卓越",
    "领先",
    "赞扬",
    "称赞",
    "肯定",
    "友好",
    "合作",
    "支持",
    "信心",
    "机遇",
    "收获",
    "回报",
    "丰厚",
    "高效",
    "优质",
    "完美",
    "惊艳",
    "亮眼",
    "火爆",
    "佳绩",
    "喜人",
    "振奋",
    "荣誉",
    "实现",
    "顺利",
)
NEGATIVE: tuple[str, ...] = (
    "坏",
    "差",
    "失败",
    "亏损",
    "损失",
    "危机",
    "风险",
    "担忧",
    "担心",
    "困难",
    "困境",
    "问题",
    "事故",
    "死亡",
    "遇难",
    "伤亡",
    "受伤",
    "伤病",
    "犯罪",
    "涉嫌",
    "被捕",
    "逮捕",
    "起诉",
    "诉讼",
    "指控",
    "判处",
    "受贿",
    "腐败",
    "违规",
    "违法",
    "欺诈",
    "造假",
    "批评",
    "不满",
    "抗议",
    "投诉",
    "纠纷",
    "冲突",
    "争议",
    "负担",
    "压力",
    "裁员",
    "破产",
    "倒闭",
    "停产",
    "拖欠",
    "打击",
    "毁灭性",
    "重创",
    "惨败",
    "不敌",
    "输",
    "负于",
    "告负",
    "失利",
    "丢",
    "疫情",
    "感染",
    "灾害",
    "地震",
    "暴雨",
    "污染",
    "下滑",
    "低迷",
    "疲软",
    "恶化",
    "严峻",
    "悲观",
    "警告",
    "处罚",
    "罚款",
    "质疑",
    "缺陷",
    "召回",
    "崩盘",
    "套牢",
    "割肉",
    "暴跌",
    "停牌",
    "退市",
)


#: The punctuation settings of :class:`Featurizer` (see the module docstring).
PUNCT_SETTINGS: tuple[str, ...] = ("keep", "drop", "split", "clause")
_NOT_PUNCT = "%\u2030"  # % and ‰ read as part of a number (0%), not as punctuation
_PUNCT_TABLE: np.ndarray | None = None
# the clause marks of "clause", canonicalised (full-width ，； are , ; by then)
_CLAUSE_CODES = np.array(sorted(map(ord, ",;\u3002\u3001")), dtype=np.uint64)


def _punct_table() -> np.ndarray:
    """Boolean table over the Basic Multilingual Plane: is the code point punctuation."""
    global _PUNCT_TABLE
    if _PUNCT_TABLE is None:
        import unicodedata

        table = np.zeros(0x10000, dtype=bool)
        for i in range(0x10000):
            if unicodedata.category(chr(i))[0] == "P":
                table[i] = True
        for ch in _NOT_PUNCT:
            table[ord(ch)] = False
        table.flags.writeable = False
        _PUNCT_TABLE = table
    return _PUNCT_TABLE


def punct_mask(c: np.ndarray, clause_only: bool = False) -> np.ndarray:
    """Which of the (canonicalised) code points ``c`` are punctuation (``clause_only``:
    the clause marks ，。、； only).

    >>> punct_mask(_codes("增长，“好”%")).tolist()
    [False, False, True, True, False, True, False]
    >>> punct_mask(_codes("增长，“好”。"), clause_only=True).tolist()
    [False, False, True, False, False, False, True]
    """
    if clause_only:
        return np.isin(c, _CLAUSE_CODES)
    table = _punct_table()
    bmp = c < 0x10000
    return np.where(bmp, table[np.where(bmp, c, 0).astype(np.intp)], False)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, elementwise on uint64."""
    h = h ^ (h >> np.uint64(30))
    h = h * _M1
    h = h ^ (h >> np.uint64(27))
    h = h * _M2
    return h ^ (h >> np.uint64(31))


def string_hash(s: str) -> int:
    """The polynomial hash the featurizer gives ``s`` before salting.

    >>> string_hash("增长") == string_hash("增长")
    True
    """
    c = _codes(s)
    pw = _powers(len(c), _R)
    return int(np.sum(c * pw, dtype=np.uint64))


def _codes(text: str) -> np.ndarray:
    """Code points as uint64, canonicalised: full-width forms to ASCII, digits to 0."""
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    full = (c >= 0xFF01) & (c <= 0xFF5E)
    c[full] -= np.uint64(0xFEE0)
    c[c == 0x3000] = 0x20
    c[(c >= 0x30) & (c <= 0x39)] = 0x30
    return c


def _powers(n: int, base: np.uint64) -> np.ndarray:
    out = np.empty(n, dtype=np.uint64)
    if n:
        out[0] = 1
        if n > 1:
            out[1:] = np.cumprod(np.full(n - 1, base, dtype=np.uint64), dtype=np.uint64)
    return out


_POWER_CACHE: dict[int, np.ndarray] = {}
_POWER_CACHE_MAX = 1 << 20  # entries kept per base (8 MB); longer batches compute their own


def _power_table(n: int, base: np.uint64) -> np.ndarray:
    """``_powers(n, base)``, sliced from a read-only table kept per base (the first ``n``
    powers do not depend on how many were computed).

    >>> bool((_power_table(5, _R) == _powers(5, _R)).all())
    True
    """
    if n > _POWER_CACHE_MAX:
        return _powers(n, base)
    table = _POWER_CACHE.get(int(base))
    if table is None or len(table) < n:
        table = _powers(min(max(n, 2 * len(table) if table is not None else 1 << 16), _POWER_CACHE_MAX), base)
        table.flags.writeable = False
        _POWER_CACHE[int(base)] = table
    return table[:n]


def _lexicon_hashes(words: Sequence[str]) -> np.ndarray:
    return np.unique(np.array([string_hash(w) for w in words], dtype=np.uint64))


@dataclass
class Featurizer:
    """Turn texts into hashed sparse rows ``(row, index, value)``.

    ``bits``: the hash space is ``2**bits``. ``char_ngrams``: n-gram orders on
    characters. Word unigrams, word bigrams and the news cues use the jieba
    tokens from :class:`nlp_news.tokenizer.Segmenter` (or token offsets given
    by the caller, as the spaCy component does with the Doc's tokens).
    ``punct``: what becomes of punctuation, one of :data:`PUNCT_SETTINGS` (module
    docstring); ``"keep"`` for models saved without the setting.
    Each row is scaled by ``1/sqrt(number of features)``.
    """

    bits: int = 18
    char_ngrams: tuple[int, ...] = (1, 2, 3)
    words: bool = True
    cues_on: bool = True
    punct: str = "keep"
    _segmenter: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.punct not in PUNCT_SETTINGS:
            raise ValueError(f"punct must be one of {list(PUNCT_SETTINGS)}, not {self.punct!r}")
        self._neg = _lexicon_hashes(NEGATORS)
        self._up = _lexicon_hashes(UP_VERBS)
        self._down = _lexicon_hashes(DOWN_VERBS)
        self._pos = _lexicon_hashes(POSITIVE + UP_VERBS)
        self._negw = _lexicon_hashes(NEGATIVE + tuple(w for w in DOWN_VERBS if w not in ("减亏", "收窄")))
        # one sorted table of every cue word with bit flags: a single searchsorted finds them all
        flags: dict[int, int] = {}
        for bit, table in enumerate((self._neg, self._up, self._down, self._pos, self._negw)):
            for h in table.tolist():
                flags[h] = flags.get(h, 0) | (1 << bit)
        keys = sorted(flags)
        self._cue_keys = np.array(keys, dtype=np.uint64)
        self._cue_flags = np.array([flags[k] for k in keys], dtype=np.uint8)
        self._cue_names = ["pos", "neg", "neg->pos", "pos->neg", "up+num", "down+num", "not+up+num", "not+down+num"]

    def to_meta(self) -> dict:
        return {
            "bits": self.bits,
            "char_ngrams": list(self.char_ngrams),
            "words": self.words,
            "cues": self.cues_on,
            "punct": self.punct,
        }

    @classmethod
    def from_meta(cls, meta: dict) -> Featurizer:
        """The featurizer of a model's meta.json; models saved before ``punct`` existed keep it."""
        return cls(
            bits=int(meta["bits"]),
            char_ngrams=tuple(meta["char_ngrams"]),
            words=bool(meta["words"]),
            cues_on=bool(meta["cues"]),
            punct=str(meta.get("punct", "keep")),
        )

    @property
    def segmenter(self):
        if self._segmenter is None:
            from nlp_news.tokenizer import Segmenter

            self._segmenter = Segmenter()
        return self._segmenter

    # -- tokens ---------------------------------------------------------------
    def token_bounds(self, joined: str) -> tuple[np.ndarray, np.ndarray]:
        """Start and end offsets of the jieba tokens of ``joined``."""
        words = self.segmenter.cut(joined)
        lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        ends = np.cumsum(lens)
        return ends - lens, ends

    # -- main entry -----------------------------------------------------------
    def transform(
        self,
        texts: Sequence[str],
        *,
        tokens: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Hash ``texts``; returns ``(row, index, value)`` arrays of one sparse matrix.

        ``tokens``: optional ``(starts, ends)`` of word tokens in
        ``"\\x00".join(texts)``; when missing, the texts are segmented with jieba.
        """
        blocks, counts = self.blocks(texts, tokens=tokens)
        r = np.concatenate([b[0] for b in blocks])
        idx = np.concatenate([b[1] for b in blocks])
        val = (1.0 / np.sqrt(np.maximum(counts, 1))).astype(np.float32)[r]
        return r, idx, val

    def blocks(
        self,
        texts: Sequence[str],
        *,
        tokens: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Feature blocks ``[(rows, index), ...]``, each sorted by row, and the
        number of feature occurrences per text."""
        texts = [t.replace(_SEP, " ") for t in texts]
        joined = _SEP.join(texts)
        n_docs = len(texts)
        c = _codes(joined)
        n = len(c)
        is_sep = c == 0
        doc_of = np.cumsum(is_sep, dtype=np.int64)  # doc id of each char (a separator counts for the next doc)
        pw = _power_table(n + 1, _R)
        ipw = _power_table(n + 1, _RINV)
        S = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(c * pw[:n], out=S[1:], dtype=np.uint64)
        sep_cum = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(is_sep, out=sep_cum[1:])
        space = (c == 0x20) | (c == 0x0A) | (c == 0x09) | (c == 0x0D)
        space_cum = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(space, out=space_cum[1:])

        out: list[tuple[np.ndarray, np.ndarray]] = []
        shift = np.uint64(64 - self.bits)

        def add(rows: np.ndarray, h: np.ndarray) -> None:
            out.append((rows, (_mix(h) >> shift).astype(np.intp)))

        def span_hash(s: np.ndarray, e: np.ndarray) -> np.ndarray:
            return (S[e] - S[s]) * ipw[s]

        # an n-gram never spans a separator or a space: both counts are equal at its two ends
        # (the kinds are disjoint and both counts only grow, so one count of either does)
        brk_cum = sep_cum + space_cum
        punct_cum = None
        if self.punct != "keep":
            punct_cum = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(punct_mask(c, clause_only=self.punct == "clause"), out=punct_cum[1:])
            if self.punct == "split":  # punctuation breaks n-grams as a space does (disjoint kinds again)
                brk_cum = brk_cum + punct_cum
        for k in self.char_ngrams:
            if n < k:
                continue
            m = n - k + 1  # n-grams start at 0..m-1; contiguous slices instead of index gathers
            ok = brk_cum[k:] == brk_cum[:m]
            if self.punct in ("drop", "clause"):  # not k punctuation characters (spaces never sit inside an n-gram)
                ok &= (punct_cum[k:] - punct_cum[:m]) < k
            add(doc_of[:m][ok], (((S[k:] - S[:m]) * ipw[:m])[ok]) ^ np.uint64(_SALT[f"c{k}"]))

        if self.words or self.cues_on:
            ts, te = tokens if tokens is not None else self.token_bounds(joined)
            ts = np.asarray(ts, dtype=np.int64)
            te = np.asarray(te, dtype=np.int64)
            keep = (te > ts) & (te <= n)
            ts, te = ts[keep], te[keep]
            if len(ts) > 1 and (np.diff(ts) < 0).any():  # callers may give tokens out of order
                order = np.argsort(ts, kind="stable")
                ts, te = ts[order], te[order]
            first = c[ts]
            keep = (first != 0) & ~((te - ts == 1) & space[ts])
            ts, te = ts[keep], te[keep]
            wh = span_hash(ts, te)
            wdoc = doc_of[ts]
            if self.words:
                same = wdoc[1:] == wdoc[:-1]
                if punct_cum is None:
                    add(wdoc, wh ^ np.uint64(_SALT["w1"]))
                else:  # tokens of punctuation only: no unigram; no bigram of two ("drop") or with one ("split")
                    pt = (punct_cum[te] - punct_cum[ts]) == (te - ts)
                    add(wdoc[~pt], wh[~pt] ^ np.uint64(_SALT["w1"]))
                    same &= ~(pt[:-1] | pt[1:]) if self.punct == "split" else ~(pt[:-1] & pt[1:])
                add(wdoc[1:][same], (wh[:-1] * _R + wh[1:])[same] ^ np.uint64(_SALT["w2"]))
            if self.cues_on and len(wh):
                cue_rows, cue_ids, not_h, not_rows = self._cue_features(wh, wdoc, c[ts])
                order = np.argsort(cue_rows, kind="stable")
                add(cue_rows[order], _cue_hash(cue_ids[order]))
                add(not_rows, not_h ^ np.uint64(_SALT["not"]))

        # one bias-like feature per text keeps empty texts well defined
        add(np.arange(n_docs, dtype=np.int64), np.full(n_docs, _SALT["bias"], dtype=np.uint64))
        counts = np.zeros(n_docs, dtype=np.int64)
        for rows, _ in out:
            counts += np.bincount(rows, minlength=n_docs)
        return out, counts

    def _cue_features(self, wh, wdoc, first_char):
        """Polarity with negation, and growth/decline verbs followed by a number."""
        m = len(wh)
        at = np.minimum(np.searchsorted(self._cue_keys, wh), len(self._cue_keys) - 1)
        f = np.where(self._cue_keys[at] == wh, self._cue_flags[at], 0)
        is_neg = (f & 1) > 0
        up = (f & 2) > 0
        down = (f & 4) > 0
        pol = ((f & 8) > 0).astype(np.int8) - ((f & 16) > 0).astype(np.int8)
        negated = np.zeros(m, dtype=bool)
        for lag in (1, 2):
            if m > lag:
                negated[lag:] |= is_neg[:-lag] & (wdoc[lag:] == wdoc[:-lag])
        is_num = first_char == 0x30  # digits are canonicalised to "0"
        num_after = np.zeros(m, dtype=bool)
        for lag in (1, 2, 3):
            if m > lag:
                num_after[:-lag] |= is_num[lag:] & (wdoc[lag:] == wdoc[:-lag])
        ids: list[np.ndarray] = []
        rows: list[np.ndarray] = []
        for cid, mask in (
            (0, (pol > 0) & ~negated),
            (1, (pol < 0) & ~negated),
            (2, (pol < 0) & negated),
            (3, (pol > 0) & negated),
            (4, up & num_after & ~negated),
            (5, down & num_after & ~negated),
            (6, up & num_after & negated),
            (7, down & num_after & negated),
        ):
            rows.append(wdoc[mask])
            ids.append(np.full(int(mask.sum()), cid, dtype=np.uint64))
        not_mask = negated & ~is_neg
        return np.concatenate(rows), np.concatenate(ids), wh[not_mask], wdoc[not_mask]

    def cues(self, text: str) -> list[str]:
        """The news cues found in ``text``, in cue order (for inspection and tests)."""
        ts, te = self.token_bounds(text)
        c = _codes(text)
        pw = _powers(len(c) + 1, _R)
        ipw = _powers(len(c) + 1, _RINV)
        S = np.zeros(len(c) + 1, dtype=np.uint64)
        np.cumsum(c * pw[: len(c)], out=S[1:], dtype=np.uint64)
        wh = (S[te] - S[ts]) * ipw[ts]
        _, ids, _, _ = self._cue_features(wh, np.zeros(len(wh), np.int64), c[ts])
        return [self._cue_names[i] for i in sorted(set(ids.tolist()))]


def _cue_hash(ids: np.ndarray) -> np.ndarray:
    return (ids * _R) ^ np.uint64(_SALT["cue"])
