"""Linear-chain tagger inference in numpy: gathered emissions, batched Viterbi.

The weights are learned by CRFsuite at training time (``nlp_news.training.ner``)
and exported as plain arrays: ``rows`` (the hashed feature buckets that kept a
weight, sorted), ``W`` (one row of tag weights per kept bucket) and ``trans``
(tag → tag). At load the buckets are spread into a dense ``int32`` table so an
emission score is two gathers and a sum; Viterbi runs over all chunks of a
batch at once (a loop over positions, numpy over chunks × tags × tags).
"""

from __future__ import annotations

import numpy as np

from .features import N_BUCKETS

_BLOCK = 1 << 15


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
        self.W = np.vstack([np.zeros((1, len(tags)), np.float32), np.asarray(W, dtype=np.float32)])
        self.trans = np.asarray(trans, dtype=np.float32)
        self.table = np.zeros(N_BUCKETS, dtype=np.int32)
        self.table[self.rows] = np.arange(1, len(self.rows) + 1, dtype=np.int32)
        # BIO: I-x may only follow B-x or I-x.
        allowed = np.ones((len(tags), len(tags)), dtype=bool)
        first = np.ones(len(tags), dtype=bool)
        for j, t in enumerate(tags):
            if t.startswith("I-"):
                first[j] = False
                for i, s in enumerate(tags):
                    allowed[i, j] = s[2:] == t[2:] and s[:2] in ("B-", "I-")
        self.trans_c = np.where(allowed, self.trans, -1e4).astype(np.float32)
        self.start_c = np.where(first, 0, -1e4).astype(np.float32)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}rows": self.rows.astype(np.int32),
            f"{prefix}W": self.W[1:].astype(np.float16),
            f"{prefix}trans": self.trans.astype(np.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str, tags: list[str]) -> ChainTagger:
        return cls(tags, arrays[f"{prefix}rows"], arrays[f"{prefix}W"], arrays[f"{prefix}trans"])

    def emissions(self, ids: np.ndarray) -> np.ndarray:
        """Emission scores ``(n, n_tags)`` for feature ids of shape ``(n_templates, n)``."""
        out = np.zeros((ids.shape[1], len(self.tags)), dtype=np.float32)
        for f in range(ids.shape[0]):
            np.add(out, self.W.take(self.table.take(ids[f]), axis=0), out=out)
        return out

    def decode(self, em: np.ndarray, real: np.ndarray, *, margin: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Best tag index for every row of ``em`` (padding rows, ``~real``, get O), and its confidence.

        The confidence of a row is the marginal probability (forward-backward)
        that the row has the chosen tag's entity type (B- or I-), or O.

        Rows whose O score beats every other tag by more than ``margin`` (by
        default the spread of the transition weights, so the choice cannot
        change) are fixed to O; Viterbi then runs only over the short runs of
        undecided rows, all runs of a batch at once.
        """
        n, T = em.shape
        tags = np.zeros(n, dtype=np.int64)
        conf = np.ones(n, dtype=np.float32)
        if margin is None:
            finite = self.trans
            margin = float(2 * (finite.max() - finite.min()))
        others = em[:, 1:].max(axis=1) if T > 1 else np.full(n, -np.inf)
        open_ = real & (em[:, 0] - others <= margin)
        if not open_.any():
            return tags, conf
        partner = np.arange(T)  # B-x <-> I-x
        for j, t in enumerate(self.tags):
            if t.startswith("B-") and j + 1 < T and self.tags[j + 1] == "I-" + t[2:]:
                partner[j], partner[j + 1] = j + 1, j
        prev = np.concatenate([[False], open_[:-1]])
        nxt = np.concatenate([open_[1:], [False]])
        starts = np.flatnonzero(open_ & ~prev)
        ends = np.flatnonzero(open_ & ~nxt) + 1
        before_pad = np.concatenate([[True], ~real])[starts]  # row before the run is padding
        after_pad = np.concatenate([~real, [True]])[ends]
        lengths = ends - starts
        order = np.argsort(lengths, kind="stable")
        to_o = self.trans_c[:, 0]
        from_o = self.trans_c[0, :]
        for a in range(0, len(order), 2048):
            idx = order[a : a + 2048]
            L = int(lengths[idx].max())
            S = len(idx)
            pos = starts[idx][:, None] + np.arange(L)[None, :]
            valid = np.arange(L)[None, :] < lengths[idx][:, None]
            E = em[np.where(valid, pos, 0)]
            delta = E[:, 0, :] + np.where(before_pad[idx][:, None], self.start_c[None, :], from_o[None, :])
            back = np.zeros((L, S, T), dtype=np.int16)
            ident = np.arange(T)[None, :]
            for t in range(1, L):
                cand = delta[:, :, None] + self.trans_c[None, :, :]
                bp = cand.argmax(axis=1)
                new = np.take_along_axis(cand, bp[:, None, :], axis=1)[:, 0, :] + E[:, t, :]
                v = valid[:, t]
                delta = np.where(v[:, None], new, delta)
                back[t] = np.where(v[:, None], bp, ident)
            delta = delta + np.where(after_pad[idx][:, None], 0.0, to_o[None, :])
            best = delta.argmax(axis=1)
            path = np.zeros((S, L), dtype=np.int64)
            rows = np.arange(S)
            for t in range(L - 1, -1, -1):
                path[:, t] = best
                best = back[t][rows, best]
            tags[pos[valid]] = path[valid]
            marg = self._marginals(E, valid, before_pad[idx], after_pad[idx])  # (S, L, T)
            ch = np.take_along_axis(marg, path[:, :, None], axis=2)[:, :, 0]
            pa = np.take_along_axis(marg, partner[path][:, :, None], axis=2)[:, :, 0]
            c = np.where(path == 0, ch, ch + pa)
            conf[pos[valid]] = c[valid]
        return tags, conf

    def _marginals(self, E: np.ndarray, valid: np.ndarray, before_pad: np.ndarray, after_pad: np.ndarray) -> np.ndarray:
        """Forward-backward tag marginals for a batch of runs (same boundary scores as decode)."""
        S, L, T = E.shape
        tr = self.trans_c[None, :, :]
        first = np.where(before_pad[:, None], self.start_c[None, :], self.trans_c[0][None, :])
        last = np.where(after_pad[:, None], 0.0, self.trans_c[:, 0][None, :]).astype(np.float32)
        alpha = np.empty((S, L, T), dtype=np.float32)
        alpha[:, 0] = E[:, 0] + first
        for t in range(1, L):
            cand = alpha[:, t - 1, :, None] + tr
            m = cand.max(axis=1)
            new = m + np.log(np.exp(cand - m[:, None, :]).sum(axis=1)) + E[:, t]
            alpha[:, t] = np.where(valid[:, t, None], new, alpha[:, t - 1])
        beta = np.empty((S, L, T), dtype=np.float32)
        beta[:, L - 1] = last
        for t in range(L - 2, -1, -1):
            nxt = beta[:, t + 1] + E[:, t + 1]
            cand = tr + nxt[:, None, :]
            m = cand.max(axis=2)
            new = m + np.log(np.exp(cand - m[:, :, None]).sum(axis=2))
            beta[:, t] = np.where(valid[:, t + 1, None], new, beta[:, t + 1])
        score = alpha + beta
        z = score.max(axis=2, keepdims=True)
        p = np.exp(score - z)
        return p / p.sum(axis=2, keepdims=True)


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
