"""Linear-chain tagger inference in numpy: gathered emissions, batched Viterbi.

The weights are learned by CRFsuite at training time (``nlp_news.training.ner``)
and exported as plain arrays: ``rows`` (the hashed feature buckets that kept a
weight, sorted), ``W`` (one row of tag weights per kept bucket) and ``trans``
(tag → tag). At load the buckets are spread into a dense ``int32`` table so an
emission score is two gathers and a sum; Viterbi runs over all chunks of a
batch at once (a loop over positions, numpy over chunks × tags × tags).

The emission gather-sum and the Viterbi search have a compiled kernel,
``nlp_news.entities._chain`` (``_chain.c``, built by ``setup.py`` when nlp-news
is installed): the same float32 sums in the same order, so the same scores and
tags. The kernel also hashes the feature ids itself, a block of rows at a time
(:class:`~.features.FeatureParts`), and on CPUs with F16C gathers the shipped
float16 weights as they are (:func:`half_weights`): half the memory to read, the
same float32 sums. The numpy code here is the reference and the fallback: it runs when the
kernel was not built, or when the environment variable ``NLP_NEWS_NO_KERNEL=1``
is set before import (tests also set :data:`kernel` to ``None``).
:data:`KERNEL_ERROR` says why the kernel is not used.
"""

from __future__ import annotations

import numpy as np

from nlp_news.kernels import load_kernel

from .features import _MUL, _SHIFT, N_BUCKETS, FeatureParts

#: The compiled kernel (``nlp_news.entities._chain``) or ``None``: numpy then.
kernel, KERNEL_ERROR = load_kernel("nlp_news.entities._chain")

_BLOCK = 1 << 13
_FEW_RUNS = 1024  # Viterbi steps over at most this many runs take the max in one broadcast


class ChainTagger:
    """A linear-chain tagger over hashed features (BIO tags).

    >>> import numpy as np
    >>> t = ChainTagger(["O", "B-x", "I-x"], np.array([5, 9]), np.array([[0, 2, 0], [0, 0, 2]], np.float32),
    ...                 np.zeros((3, 3), np.float32))
    >>> ids = np.array([[5, 9, 7]])
    >>> em = t.emissions(ids)
    >>> tags, conf = t.decode(em, np.array([True, True, True]))
    >>> tags.tolist(), bool(conf[0] > 0.5)
    ([1, 2, 0], True)
    """

    def __init__(self, tags: list[str], rows: np.ndarray, W: np.ndarray, trans: np.ndarray) -> None:
        self.tags = list(tags)
        self.rows = np.asarray(rows, dtype=np.int64)
        self.weights = np.asarray(W)  # one row per kept bucket, as given (float16 when loaded from disk)
        self._W: np.ndarray | None = None
        self.trans = np.asarray(trans, dtype=np.float32)
        self._table: np.ndarray | None = None  # built on first use (16 MB): a model shares one instead
        # BIO: I-x may only follow B-x or I-x.
        allowed = np.ones((len(tags), len(tags)), dtype=bool)
        first = np.ones(len(tags), dtype=bool)
        for j, t in enumerate(tags):
            if t.startswith("I-"):
                first[j] = False
                for i, s in enumerate(tags):
                    allowed[i, j] = s[2:] == t[2:] and s[:2] in ("B-", "I-")
        self.trans_c = np.where(allowed, self.trans, -1e4).astype(np.float32)
        self._trans_into = np.ascontiguousarray(self.trans_c.T)  # [to, from]: rows gathered by confidence()
        self.start_c = np.where(first, 0, -1e4).astype(np.float32)
        self._setup_targets()
        self._partner = np.arange(len(tags))  # B-x <-> I-x
        for j, t in enumerate(tags):
            if t.startswith("B-") and j + 1 < len(tags) and tags[j + 1] == "I-" + t[2:]:
                self._partner[j], self._partner[j + 1] = j + 1, j

    def _setup_targets(self) -> None:
        """Index the tags for the BIO-structured Viterbi step (tags O, B-x, I-x, ...).

        ``_tgt`` are the tags any tag may precede (O and B-x: a max over all
        tags), ``_bi``/``_ii`` the B-x/I-x pairs (I-x follows only B-x or I-x).
        Without that structure every tag is a ``_tgt``.
        """
        tags = self.tags
        T = len(tags)
        bi = [j for j, t in enumerate(tags) if t.startswith("B-") and j + 1 < T and tags[j + 1] == "I-" + t[2:]]
        if bi and tags[0] == "O" and len(bi) * 2 + 1 == T:
            self._bi = np.array(bi)
            self._ii = self._bi + 1
            self._tgt = np.concatenate([[0], self._bi])
        else:
            self._bi = self._ii = np.zeros(0, dtype=np.int64)
            self._tgt = np.arange(T)
        tr = self.trans_c
        self._k_tgt = np.ascontiguousarray(self._tgt, dtype=np.int64)  # the kernel's targets and B-x of pairs
        self._k_pairs = np.ascontiguousarray(self._bi, dtype=np.int64)
        self._b2i = tr[self._bi, self._ii].astype(np.float32)[:, None]
        self._i2i = tr[self._ii, self._ii].astype(np.float32)[:, None]
        # per "from" tag: its transition scores to the _tgt tags, as a column
        self._to_tgt = [np.ascontiguousarray(tr[j, self._tgt][:, None]) for j in range(T)]
        self._to_tgt3 = np.ascontiguousarray(tr[:, self._tgt][:, :, None])  # [from, O/B target, 1]

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}rows": self.rows.astype(np.int32),
            f"{prefix}W": self.weights.astype(np.float16),
            f"{prefix}trans": self.trans.astype(np.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str, tags: list[str]) -> ChainTagger:
        return cls(tags, arrays[f"{prefix}rows"], arrays[f"{prefix}W"], arrays[f"{prefix}trans"])

    @property
    def W(self) -> np.ndarray:
        """float32 weights with a zero row 0 for absent buckets (built on first use: a model shares one)."""
        if self._W is None:
            self._W = np.vstack([np.zeros((1, len(self.tags)), np.float32), self.weights.astype(np.float32)])
        return self._W

    @property
    def table(self) -> np.ndarray:
        """Dense bucket → row of ``W`` table (0: no weight)."""
        if self._table is None:
            self._table = np.zeros(N_BUCKETS, dtype=np.int32)
            self._table[self.rows] = np.arange(1, len(self.rows) + 1, dtype=np.int32)
        return self._table

    def emissions(self, ids: np.ndarray) -> np.ndarray:
        """Emission scores ``(n, n_tags)`` for feature ids of shape ``(n_templates, n)``."""
        return table_sum(self.W, self.table, ids)

    def decode(self, em: np.ndarray, real: np.ndarray, *, margin: float = 12.0) -> tuple[np.ndarray, np.ndarray]:
        """Best tag index for every row of ``em`` (padding rows, ``~real``, get O), and its confidence.

        The tags come from the compiled kernel when there is one (float32
        scores, bool ``real``), else from :meth:`viterbi`; both give the same
        tags. The confidences are :meth:`confidence` (numpy) either way.
        """
        if kernel is not None and em.dtype == np.float32 and real.dtype == np.bool_ and em.ndim == 2:
            tags = self._kernel_viterbi(em, real, margin)
        else:
            tags = self.viterbi(np.ascontiguousarray(em), real, margin=margin)  # Viterbi gathers rows: copied
        return tags, self.confidence(em, tags)

    def _kernel_viterbi(self, em: np.ndarray, real: np.ndarray, margin: float) -> np.ndarray:
        """:meth:`viterbi` in the compiled kernel (its arguments validated here and again in C)."""
        n, T = em.shape
        if len(self.tags) != T or real.shape != (n,):
            raise ValueError(f"emissions of shape {em.shape} and real of shape {real.shape} for {len(self.tags)} tags")
        tags = np.zeros(n, dtype=np.int64)
        whole, col0 = _column_slice(em)
        kernel.viterbi(
            whole,
            np.ascontiguousarray(real),
            self.trans_c,
            self.start_c,
            self._k_tgt,
            self._k_pairs,
            float(margin),
            tags,
            col0,
        )
        return tags

    def viterbi(self, em: np.ndarray, real: np.ndarray, *, margin: float = 12.0) -> np.ndarray:
        """Best tag index for every row of ``em`` (padding rows, ``~real``, get O): the numpy reference.

        Rows whose O score beats every other tag by more than ``margin`` are
        fixed to O (with the shipped model no decision changes at 12); Viterbi
        runs over the runs of undecided rows, all runs at once: runs are sorted
        by length and step ``t`` only touches the runs longer than ``t``.

        Each step is exact and uses the BIO structure: an O or B- tag may follow
        any tag (a max over the tags), an I-x tag only B-x or I-x (two
        candidates). The scores are kept tags × runs, so the max over the
        previous tag is an elementwise maximum of contiguous rows (no argmax
        over a short axis); the forward pass keeps only the scores, and the
        backward pass recomputes the one back-pointer it follows per run (the
        same float32 sums, so the same choice, ties to the lower tag index).
        (An additive approximation of the O/B transitions was 10% faster but
        lost 0.25 F1 on the CLUENER dev split; see models/ner/MODEL_CARD.md.)

        The compiled kernel (``_chain.c``) does the same per run, with the
        same float32 sums.
        """
        n, T = em.shape
        tags = np.zeros(n, dtype=np.int64)
        others = em[:, 1:].max(axis=1) if T > 1 else np.full(n, -np.inf, dtype=em.dtype)
        open_ = real & (em[:, 0] - others <= margin)
        if not open_.any():
            return tags
        prev = np.concatenate([[False], open_[:-1]])
        nxt = np.concatenate([open_[1:], [False]])
        starts = np.flatnonzero(open_ & ~prev)
        ends = np.flatnonzero(open_ & ~nxt) + 1
        before_pad = np.concatenate([[True], ~real])[starts]
        after_pad = np.concatenate([~real, [True]])[ends]
        order = np.argsort(ends - starts, kind="stable")
        starts, ends, before_pad, after_pad = starts[order], ends[order], before_pad[order], after_pad[order]
        lengths = ends - starts
        S, L = len(starts), int(lengths.max())
        # runs are sorted by length: those longer than t are first[t]:
        first = np.searchsorted(lengths, np.arange(L + 1), side="right")
        tr = self.trans_c
        tgt, bi, ii, to_tgt = self._tgt, self._bi, self._ii, self._to_tgt
        # D[tag, run]: best score of a path ending in tag at the run's current row
        D = np.ascontiguousarray((em[starts] + np.where(before_pad[:, None], self.start_c[None, :], tr[0][None, :])).T)
        hist = [D.copy()]  # D after each step, for the runs still going
        acc = np.empty((len(tgt), S), np.float32)
        tmp = np.empty((len(tgt), S), np.float32)
        for t in range(1, L):
            k = first[t]
            Dk = D[:, k:]
            a = acc[:, : S - k]
            if S - k <= _FEW_RUNS:  # one broadcast max: fewer numpy calls
                np.max(Dk[:, None, :] + self._to_tgt3, axis=0, out=a)
            else:  # a running max over the previous tag: the temporary stays small
                b = tmp[:, : S - k]
                np.add(Dk[0][None, :], to_tgt[0], out=a)
                for j in range(1, T):
                    np.add(Dk[j][None, :], to_tgt[j], out=b)
                    np.maximum(a, b, out=a)
            newI = np.maximum(Dk[bi] + self._b2i, Dk[ii] + self._i2i) if len(bi) else None
            e = em[starts[k:] + t].T
            Dk[tgt] = a + e[tgt]
            if newI is not None:
                Dk[ii] = newI + e[ii]
            hist.append(Dk.copy())
        final = D.T + np.where(after_pad[:, None], 0.0, tr[:, 0][None, :])
        cur = np.zeros(S, dtype=np.int64)
        for t in range(L - 1, -1, -1):
            k = first[t]
            fin = slice(k, first[t + 1])  # runs whose last row is t
            cur[fin] = final[fin].argmax(axis=1)
            tags[starts[k:] + t] = cur[k:]
            if t > 0:
                H = hist[t - 1][:, k - first[t - 1] :]  # (T, runs longer than t)
                c = cur[k:]
                cur[k:] = (H + tr[:, c]).argmax(axis=0)
        return tags

    def confidence(self, em: np.ndarray, tags: np.ndarray) -> np.ndarray:
        """Per row: 1 for O rows, else the CRF's conditional probability of its tag's type.

        The type is B- and I- together; the probability is given the chosen
        tags of the neighbouring rows.
        """
        n = len(tags)
        tr = self.trans_c
        conf = np.ones(n, dtype=np.float32)
        ent = np.flatnonzero(tags != 0)
        if len(ent):
            prev_tag = np.where(ent > 0, tags[np.maximum(ent - 1, 0)], 0)
            next_tag = tags[np.minimum(ent + 1, n - 1)]
            sc = em[ent] + tr[prev_tag] + self._trans_into[next_tag]  # tr[:, next_tag].T, gathered as rows
            # each row's maximum column by column: the same maxima as sc.max(axis=1) (a maximum
            # does not depend on the order, NaN wins either way) without a reduction call per row
            top = sc[:, 0].copy()
            for j in range(1, sc.shape[1]):
                np.maximum(top, sc[:, j], out=top)
            sc = np.exp(sc - top[:, None])
            chosen = tags[ent]
            partner = self._partner[chosen]
            rows = np.arange(len(ent))
            conf[ent] = (sc[rows, chosen] + np.where(partner != chosen, sc[rows, partner], 0)) / sc.sum(axis=1)
        return conf


def _column_slice(em: np.ndarray) -> tuple[np.ndarray, int]:
    """``(em, -1)`` for a C-contiguous ``em``; for a slice of columns of a C-contiguous float32
    array (one tagger's view into :class:`SharedEmissions`' scores) that array and the first
    column, which the kernel reads in place (copying every tagger's columns cost 0.02 s of CPU
    on cnews-800); else a C-contiguous copy.

    >>> a = np.zeros((3, 5), np.float32)
    >>> _column_slice(a)[1], _column_slice(a[:, 2:4])[1], _column_slice(a[::2])[1]
    (-1, 2, -1)
    """
    if em.flags.c_contiguous:
        return em, -1
    base = em.base
    if (
        isinstance(base, np.ndarray)
        and base.ndim == 2
        and base.dtype == em.dtype
        and base.flags.c_contiguous
        and em.shape[0] == base.shape[0]
        and em.strides == base.strides
    ):
        offset = em.__array_interface__["data"][0] - base.__array_interface__["data"][0]
        if offset >= 0 and offset % em.itemsize == 0 and offset // em.itemsize + em.shape[1] <= base.shape[1]:
            return base, offset // em.itemsize
    return np.ascontiguousarray(em), -1


def table_sum(W: np.ndarray, table: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``W[table[ids]].sum(axis=0)``: emission scores ``(n, W.shape[1])`` for ``ids`` ``(n_templates, n)``.

    In the compiled kernel for float32 ``W`` (or float16, see :func:`half_weights`),
    int32 ``table`` and integer ids (which must lie in ``[0, len(table))``:
    ValueError otherwise), else :func:`gather_sum` of ``table.take(ids)``; the same float32 sums.

    >>> W = np.array([[0.0], [1.0], [2.0]], np.float32)
    >>> table_sum(W, np.array([0, 2, 1], np.int32), np.array([[2, 1], [1, 0]])).tolist()
    [[3.0], [2.0]]
    """
    ids = np.asarray(ids)
    if (
        not _kernel_takes(W)
        or table.dtype != np.int32
        or table.ndim != 1
        or ids.ndim != 2
        or ids.shape[0] == 0
        or ids.dtype.kind not in "iu"
    ):
        return gather_sum(W.astype(np.float32, copy=False), table.take(ids))  # float32 sums, whatever the storage
    out = np.empty((ids.shape[1], W.shape[1]), dtype=np.float32)
    ids64 = np.ascontiguousarray(ids, dtype=np.int64) if ids.dtype.kind == "i" else _ids_int64(ids)
    kernel.emissions(np.ascontiguousarray(W), np.ascontiguousarray(table), ids64, out)
    return out


def table_sum_hashed(W: np.ndarray, table: np.ndarray, feats: FeatureParts) -> np.ndarray:
    """:func:`table_sum` of ``feats.ids()``, with the ids hashed a block of rows at a
    time in the compiled kernel (never stored whole); numpy hashes them all first.

    >>> from nlp_news.entities.features import FeatureParts
    >>> feats = FeatureParts((np.array([3, 4]), np.array([5, 5])), np.array([[0, 1, -1], [1, -1, -1]]),
    ...                      np.array([11, 12], np.uint64))
    >>> W = np.arange(6, dtype=np.float32).reshape(3, 2)
    >>> table = np.arange(N_BUCKETS, dtype=np.int32) % 3
    >>> bool((table_sum_hashed(W, table, feats) == table_sum(W, table, feats.ids())).all())
    True
    """
    if (
        not _kernel_takes(W)
        or table.dtype != np.int32
        or len(table) != N_BUCKETS
        or not feats.parts
        or len(feats.parts) > 64
    ):
        return table_sum(W, table, feats.ids())
    out = np.empty((feats.n, W.shape[1]), dtype=np.float32)
    kernel.emissions_hashed(
        np.ascontiguousarray(W),
        np.ascontiguousarray(table),
        [np.ascontiguousarray(p, dtype=np.int64) for p in feats.parts],
        np.ascontiguousarray(feats.spec, dtype=np.int64),
        np.ascontiguousarray(feats.seeds, dtype=np.uint64).view(np.int64),
        int(_MUL),
        int(_SHIFT),
        out,
    )
    return out


def _kernel_takes(W: np.ndarray) -> bool:
    """Is there a kernel, and does it gather these weights as they are? 2D float32, or
    float16 where the CPU converts it (F16C) and the rows are whole 8-lane vectors."""
    if kernel is None or W.ndim != 2:
        return False
    if W.dtype == np.float16:
        return bool(getattr(kernel, "F16C", 0)) and W.shape[1] % 8 == 0
    return W.dtype == np.float32


def half_weights(W: np.ndarray) -> np.ndarray | None:
    """``W`` as float16 with its columns padded with zeros to a multiple of 8, or None when
    a weight is not exactly a float16 (the shipped models store float16 weights).

    Gathering half the bytes is faster, and the sums are the same: each float16
    converts to float32 exactly and the float32 additions are unchanged.

    >>> half_weights(np.array([[0.5, -2.0]], np.float32)).shape, half_weights(np.array([[0.1]], np.float32))
    ((1, 8), None)
    """
    H = np.zeros((W.shape[0], -(-W.shape[1] // 8) * 8), dtype=np.float16)
    H[:, : W.shape[1]] = W
    return H if np.array_equal(H[:, : W.shape[1]].astype(np.float32), W) else None


def _ids_int64(ids: np.ndarray) -> np.ndarray:
    """Unsigned ids as int64, refusing those that do not fit (they are outside any table)."""
    if ids.size and int(ids.max()) > np.iinfo(np.int64).max:
        raise ValueError(f"feature id {int(ids.max())} is outside the table")
    return np.ascontiguousarray(ids, dtype=np.int64)


def gather_sum(W: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``W[rows].sum(axis=0)`` for ``rows`` of shape ``(n_templates, n)``, in cache-sized blocks.

    >>> gather_sum(np.array([[0.0], [1.0], [2.0]], np.float32), np.array([[1, 2], [2, 0]])).tolist()
    [[3.0], [2.0]]
    """
    n = rows.shape[1]
    out = np.empty((n, W.shape[1]), dtype=W.dtype)
    # blocks small enough for the cache: the running sum never leaves it
    for a in range(0, n, _BLOCK):
        o = out[a : a + _BLOCK]
        W.take(rows[0, a : a + _BLOCK], axis=0, out=o)
        for f in range(1, rows.shape[0]):
            o += W.take(rows[f, a : a + _BLOCK], axis=0)
    return out


class SharedEmissions:
    """Emission scores of several taggers over the same feature ids in one pass.

    One bucket table for the union of their kept buckets and their weights side
    by side: one gather per template instead of one per template and tagger,
    and one 16 MB table instead of one each. Sums are the same float32 sums as
    :meth:`ChainTagger.emissions` (absent buckets add an exact 0).

    >>> a = ChainTagger(["O", "B-x", "I-x"], np.array([5]), np.array([[0, 2, 0]], np.float32), np.zeros((3, 3), np.float32))
    >>> b = ChainTagger(["O", "B-y", "I-y"], np.array([9]), np.array([[1, 0, 3]], np.float32), np.zeros((3, 3), np.float32))
    >>> ids = np.array([[5, 9, 7]])
    >>> em = SharedEmissions({"a": a, "b": b}).emissions(ids)
    >>> bool((em["a"] == a.emissions(ids)).all() and (em["b"] == b.emissions(ids)).all())
    True

    With the compiled kernel on a CPU with F16C, float16 weights (the shipped
    models') are gathered as float16 (:func:`half_weights`).
    """

    def __init__(self, taggers: dict[str, ChainTagger]) -> None:
        union = _sorted_union([tg.rows for tg in taggers.values()])
        self.table = np.zeros(N_BUCKETS, dtype=np.int32)
        self.table[union] = np.arange(1, len(union) + 1, dtype=np.int32)
        width = sum(len(tg.tags) for tg in taggers.values())
        W = np.zeros((len(union) + 1, width), dtype=np.float32)
        self.cols: dict[str, slice] = {}
        a = 0
        for name, tg in taggers.items():
            b = a + len(tg.tags)
            W[np.searchsorted(union, tg.rows) + 1, a:b] = tg.weights
            self.cols[name] = slice(a, b)
            a = b
        #: what the gather reads: float16 (half the memory) where the kernel takes it
        #: and the weights are float16 values, else float32
        H = half_weights(W) if kernel is not None and getattr(kernel, "F16C", 0) else None
        self.W = cache_aligned(W if H is None else H)

    def emissions(self, ids: np.ndarray | FeatureParts) -> dict[str, np.ndarray]:
        """Per tagger name, its ``(n, n_tags)`` emission scores (views into one array),
        from feature ids or from the :class:`~.features.FeatureParts` they hash."""
        if isinstance(ids, FeatureParts):
            out = table_sum_hashed(self.W, self.table, ids)
        else:
            out = table_sum(self.W, self.table, ids)
        return {name: out[:, sl] for name, sl in self.cols.items()}


def cache_aligned(a: np.ndarray, line: int = 64) -> np.ndarray:
    """A C-contiguous copy of ``a`` whose data starts on a ``line``-byte boundary.

    numpy aligns its buffers to 16 bytes only: a 64-byte row of float16 weights (32 columns)
    then spans two cache lines, and the gather of each row misses twice (one line is not even
    prefetched). Aligned, each row is one line: the emission sums of cnews-800 (batches of 64
    articles) took 0.228 -> 0.215 s of CPU (best of 5; medians 0.29 -> 0.25 s), alternating
    the two in one process.

    >>> w = cache_aligned(np.arange(6, dtype=np.float16).reshape(3, 2))
    >>> w.ctypes.data % 64, w.tolist()
    (0, [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])
    """
    buf = np.empty(a.nbytes + line, dtype=np.uint8)
    skip = -buf.ctypes.data % line
    out = buf[skip : skip + a.nbytes].view(a.dtype).reshape(a.shape)
    out[...] = a
    return out


def _sorted_union(arrays: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of ``arrays`` (as ``np.unique`` of their concatenation).

    A sort and a neighbour comparison: numpy 2's hash-based ``np.unique`` took 0.15 s
    on the taggers' 200k rows, a tenth of the pipeline's load time.

    >>> _sorted_union([np.array([5, 1, 9]), np.array([9, 2])]).tolist()
    [1, 2, 5, 9]
    """
    if not arrays:
        return np.zeros(0, np.int64)
    s = np.sort(np.concatenate(arrays))
    return s[np.concatenate(([True], s[1:] != s[:-1]))] if len(s) else s


def tag_spans(tags: np.ndarray, names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entity runs in a BIO tag index array: (start rows, end rows exclusive, type index).

    The type index points into ``names`` (the B- tag's index).

    >>> names = ["O", "B-x", "I-x", "B-y", "I-y"]
    >>> [a.tolist() for a in tag_spans(np.array([1, 2, 0, 3, 1, 2]), names)]
    [[0, 3, 4], [2, 4, 6], [1, 3, 1]]
    """
    is_b = np.array([t.startswith("B-") for t in names])
    is_i = np.array([t.startswith("I-") for t in names])
    b_rows = np.flatnonzero(is_b[tags])
    stop = np.append(np.flatnonzero(~is_i[tags]), len(tags))  # rows that do not continue an entity
    ends = stop[np.searchsorted(stop, b_rows, side="right")] if len(b_rows) else b_rows
    return b_rows, ends, tags[b_rows]
