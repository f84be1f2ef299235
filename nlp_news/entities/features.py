"""Hashed character and word features for the entity tagger, computed in numpy.

Every character of a chunk gets :data:`N_TEMPLATES` feature ids: character
uni-, bi- and trigrams around it, its position in its jieba word (B/M/E/S),
the identity of its word and of the words before and after, the lexicon class
of its word (types learned from training mentions, jieba's ``nr/ns/nt/nz``
tags), a character-class window and surname flags (the character is a
surname; its word starts with one, how long the rest is and whether the word
is known: see :class:`Surnames`). A feature is a 64-bit hash of the
template number and its values, folded to ``2**HASH_BITS`` buckets. Training
and inference use the very same function, so nothing has to be stored per
feature name.

Nothing here loops over characters in Python: codepoints come from
``np.frombuffer(text.encode("utf-32-le"))``, n-grams are shifted arrays and the
hash is uint64 arithmetic (it wraps, which is what we want). Where the entity
kernel (``_chain.c``, see :mod:`.crf`) is built, the word spans and hashes, the
lexicon and gazetteer lookups and the feature parts run there in one pass each
(the numpy code here is their reference and fallback, same integers): on the
analyzer's batches of cnews-800 that took the featurisation from 0.23 to 0.09 s
of CPU (best of 6, alternating with the numpy path in one process).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

HASH_BITS = 22
N_BUCKETS = 1 << HASH_BITS
PAD = 1  # codepoint used for the two characters of padding around each chunk
_MUL = np.uint64(0x9E3779B97F4A7C15)
_MUL2 = np.uint64(0xC2B2AE3D27D4EB4F)
_WORD_P = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_WORD_PINV = pow(_WORD_P, -1, 1 << 64)
_SHIFT = np.uint64(64 - HASH_BITS)

BMES = {"B": 1, "M": 2, "E": 3, "S": 4}

TEMPLATES: tuple[str, ...] = (
    "c-2",
    "c-1",
    "c0",
    "c+1",
    "c+2",
    "c-1c0",
    "c0c+1",
    "c-1c0c+1",
    "bmes|c0",
    "bmes|lex|jtag",
    "bmes|word",
    "bmes|prevword",
    "bmes|nextword",
    "bmes|nextlex|nextjtag",
    "cls-1cls0cls+1",
    "gaz|pos|class",
    "gazstart|len|class",
    "c-2c-1",
    "c+1c+2",
    "sur0|bmes|wsur",
    "sur-1sur0sur+1",
    "bmes|prevwsur",
)
#: Templates that read the surname list (:class:`Surnames`); a model without them needs no list.
SURNAME_TEMPLATES = frozenset({"sur0|bmes|wsur", "sur-1sur0sur+1", "bmes|prevwsur"})
GAZ_MAX = 10  # longest lexicon entry matched inside the text
N_TEMPLATES = len(TEMPLATES)


def codepoints(text: str) -> np.ndarray:
    """Unicode code points of ``text`` as int64 (one per Python ``str`` index).

    >>> codepoints("A中").tolist()
    [65, 20013]
    """
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


#: ``_IS_SPACE[c]``: is ``chr(c).isspace()`` (what ``\s`` matches in a ``str`` regex); no code
#: point past U+3000 is whitespace, so larger ones read the last entry (U+3001, no space).
_IS_SPACE = np.array([chr(c).isspace() for c in range(0x3002)], dtype=bool)


def is_space(cp: np.ndarray) -> np.ndarray:
    r"""``chr(c).isspace()`` for each code point ``c`` of ``cp``, in numpy.

    >>> is_space(codepoints("a \u3000中\n")).tolist()
    [False, True, True, False, True]
    """
    return _IS_SPACE[np.minimum(cp, len(_IS_SPACE) - 1)]


def char_classes(cp: np.ndarray) -> np.ndarray:
    """0 padding, 1 Han, 2 digit, 3 upper Latin, 4 lower Latin, 5 punctuation/space, 6 other.

    >>> char_classes(codepoints("中3Ab，")).tolist()
    [1, 2, 3, 4, 5]
    """
    cls = np.full(cp.shape, 6, dtype=np.int64)
    cls[(cp >= 0x4E00) & (cp <= 0x9FFF)] = 1
    cls[(cp >= 0x3400) & (cp < 0x4DC0)] = 1
    cls[(cp >= 48) & (cp <= 57)] = 2
    cls[(cp >= 65) & (cp <= 90)] = 3
    cls[(cp >= 97) & (cp <= 122)] = 4
    punct = (cp < 48) | ((cp > 57) & (cp < 65)) | ((cp > 90) & (cp < 97)) | ((cp > 122) & (cp < 128))
    punct |= (cp >= 0x3000) & (cp < 0x3040)
    punct |= (cp >= 0xFF00) & (cp < 0xFF10)
    punct |= (cp >= 0x2000) & (cp < 0x2070)
    cls[punct] = 5
    cls[cp == PAD] = 0
    return cls


def word_hashes(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Position-independent uint64 hashes of the words ``cp[starts[i]:ends[i]]``.

    The same string gives the same hash wherever it occurs:

    >>> cp = codepoints("银行和银行")
    >>> h = word_hashes(cp, np.array([0, 2, 3]), np.array([2, 3, 5]))
    >>> bool(h[0] == h[2]), bool(h[0] == h[1])
    (True, False)
    """
    n = len(cp)
    pw = np.full(n + 1, _WORD_P, dtype=np.uint64)
    pw[0] = 1
    pw = np.cumprod(pw, dtype=np.uint64)
    ipw = np.full(n + 1, _WORD_PINV, dtype=np.uint64)
    ipw[0] = 1
    ipw = np.cumprod(ipw, dtype=np.uint64)
    pref = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum((cp.astype(np.uint64) + np.uint64(7)) * pw[:n], dtype=np.uint64, out=pref[1:])
    return (pref[ends] - pref[starts]) * ipw[starts]


def string_hashes(words: list[str]) -> np.ndarray:
    """:func:`word_hashes` of a list of strings (used to index lexicons).

    >>> cp = codepoints("银行和")
    >>> bool(string_hashes(["银行"])[0] == word_hashes(cp, np.array([0]), np.array([2]))[0])
    True
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    ends = np.cumsum(lens)
    return word_hashes(codepoints("".join(words)), ends - lens, ends)


def _kernel():
    """The compiled kernel as :mod:`.crf` holds it (None: numpy); looked up on each use, so
    switching it off there (``NLP_NEWS_NO_KERNEL``, tests) switches it off here too."""
    from . import crf

    return crf.kernel


def _mix(h: np.ndarray, v: np.ndarray) -> np.ndarray:
    return (h ^ v.astype(np.uint64)) * _MUL


@dataclass(frozen=True)
class Layout:
    """Where each chunk sits in the padded feature array.

    ``offsets[k]`` is the row of the chunk's first character, ``lengths[k]`` its
    length, ``text_starts[k]`` its offset in the text; ``index`` maps each real
    row to its text offset.
    """

    offsets: np.ndarray
    lengths: np.ndarray
    text_starts: np.ndarray


def pad_layout(spans: list[tuple[int, int]]) -> tuple[Layout, np.ndarray]:
    """Place chunks ``[(start, end), ...]`` with two padding rows around each.

    Returns the layout and ``src``: for every padded row the text offset it
    copies, or -1 for padding.

    >>> lay, src = pad_layout([(0, 2), (5, 6)])
    >>> src.tolist(), lay.offsets.tolist()
    ([-1, -1, 0, 1, -1, -1, 5, -1, -1], [2, 6])
    """
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    lengths = np.array([e - s for s, e in spans], dtype=np.int64)
    offsets = 2 + np.concatenate([[0], np.cumsum(lengths + 2)[:-1]]) if len(spans) else np.zeros(0, np.int64)
    total = int(lengths.sum() + 2 * len(spans) + 2)
    src = np.full(total, -1, dtype=np.int64)
    if len(spans):
        rows = np.repeat(offsets - starts, lengths) + _ranges(starts, lengths)
        src[rows] = _ranges(starts, lengths)
    return Layout(offsets, lengths, starts), src


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of ``range(s, s + n)`` for each pair, vectorised."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    rep = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return rep + np.arange(total, dtype=np.int64)


@dataclass(frozen=True)
class WordInfo:
    """Per-character word facts for a text: word bounds and the word index."""

    starts: np.ndarray  # per word
    ends: np.ndarray
    hashes: np.ndarray
    lex: np.ndarray  # per word lexicon class (0 none)
    jtag: np.ndarray  # per word jieba tag class (0 none)
    char_word: np.ndarray  # per char: index of its word
    gaz_cover: np.ndarray | None = None  # per char: code of the longest lexicon match covering it
    gaz_start: np.ndarray | None = None  # per char: code of the longest lexicon match starting at it
    sur: np.ndarray | None = None  # per char: surname flag (Surnames.flags)
    wsur: np.ndarray | None = None  # per word: surname code (surname_word_codes)


class Surnames:
    """Single-character and compound surnames, as per-character flags.

    :meth:`flags` gives 1 for a single-character surname, 2 and 3 for the two
    characters of a compound one (a compound wins over a single one), 0 otherwise:

    >>> sn = Surnames(["王", "武", "欧", "欧阳"])
    >>> sn.flags(codepoints("武磊和欧阳娜娜")).tolist()
    [1, 0, 0, 2, 3, 0, 0]
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(sorted({n for n in names if 1 <= len(n) <= 2}))
        single = np.array([ord(n) for n in self.names if len(n) == 1], dtype=np.int64)
        compound = [n for n in self.names if len(n) == 2]
        size = 1 + max([0, *single.tolist(), *(ord(c) for n in compound for c in n)])
        self.single = np.zeros(size, dtype=bool)
        self.single[single] = True
        self.first = np.zeros(size, dtype=bool)
        self.first[[ord(n[0]) for n in compound]] = True
        self.pairs = np.array(sorted((ord(n[0]) << 21) | ord(n[1]) for n in compound), dtype=np.int64)

    def flags(self, cp: np.ndarray) -> np.ndarray:
        out = np.zeros(len(cp), dtype=np.int64)
        if not len(cp):
            return out
        inside = np.where(cp < len(self.single), cp, 0)
        out[self.single[inside]] = 1
        cand = np.flatnonzero(self.first[inside[:-1]])
        if len(cand):
            hit = cand[np.isin((cp[cand] << 21) | cp[cand + 1], self.pairs)]
            out[hit] = 2
            out[hit + 1] = 3
        return out


def surname_word_codes(flags: np.ndarray, starts: np.ndarray, ends: np.ndarray, jtag: np.ndarray, common: np.ndarray) -> np.ndarray:
    """Per word: 0 unless it starts with a surname, else ``1 + kind * 16 + rest * 4 + known``.

    ``kind`` is 1 for a single-character surname, 2 for a compound one; ``rest`` the
    number of characters after the surname (capped at 3); ``known`` 0 for a word
    neither jieba's dictionary tags (``jtag``) nor counts as common (``common``),
    1 for jieba's ``nr``, 2 for its other proper-noun tags, 3 for a common word.
    So 武磊 (unknown, a surname and one more character) is told from 武器
    (a common word) and from 王磊 (jieba's ``nr``):

    >>> fl = np.array([1, 0, 1, 0, 1, 0, 0])
    >>> surname_word_codes(fl, np.array([0, 2, 4, 5]), np.array([2, 4, 5, 7]),
    ...                    np.array([0, 1, 0, 0]), np.array([0, 0, 0, 1])).tolist()
    [21, 22, 17, 0]
    """
    out = np.zeros(len(starts), dtype=np.int64)
    if not len(starts):
        return out
    f0 = np.append(flags, 0)[starts]
    kind = np.where(f0 == 2, 2, np.where(f0 == 1, 1, 0))
    rest = np.minimum(ends - starts - kind, 3)
    known = np.where(common > 0, 3, np.where(jtag == 1, 1, np.where(jtag > 0, 2, 0)))
    return np.where(kind > 0, 1 + kind * 16 + np.maximum(rest, 0) * 4 + known, 0)


def substring_hashes(cp: np.ndarray, length: int) -> np.ndarray:
    """Hashes of every substring of ``length`` (``len(cp) - length + 1`` of them).

    >>> cp = codepoints("银行和银行")
    >>> h = substring_hashes(cp, 2)
    >>> bool(h[0] == h[3]), bool(h[0] == string_hashes(["银行"])[0])
    (True, True)
    """
    n = len(cp)
    if n < length:
        return np.zeros(0, dtype=np.uint64)
    starts = np.arange(n - length + 1, dtype=np.int64)
    return word_hashes(cp, starts, starts + length)


class HashIndex:
    """A vectorised open-addressing hash table: uint64 word hash → int class (0 = absent).

    >>> idx = HashIndex(string_hashes(["银行", "智谱"]), np.array([3, 4]))
    >>> idx.get(string_hashes(["智谱", "腾讯", "银行"])).tolist()
    [4, 0, 3]
    """

    def __init__(self, keys: np.ndarray, vals: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.uint64)
        vals = np.asarray(vals, dtype=np.int64)
        # classes are small: the smallest integer type that holds them (the table has 4 slots per key)
        vtype = np.int16 if not len(vals) or (vals.min() >= -(1 << 15) and vals.max() < (1 << 15)) else np.int64
        self.n = len(keys)
        bits = max(4, int(np.ceil(np.log2(max(1, self.n) * 4))))
        self.mask = (1 << bits) - 1
        self.shift = np.uint64(64 - bits)
        self.keys = np.zeros(self.mask + 1, dtype=np.uint64)
        self.vals = np.zeros(self.mask + 1, dtype=vtype)
        self.used = np.zeros(self.mask + 1, dtype=bool)
        slot = ((keys * _MUL) >> self.shift).astype(np.int64)
        todo = np.arange(self.n)
        while len(todo):
            free = ~self.used[slot]
            # among keys aiming at the same free slot the first wins
            cand = todo[free]
            cs = slot[free]
            _, first = np.unique(cs, return_index=True)
            win = cand[first]
            ws = cs[first]
            self.keys[ws] = keys[win]
            self.vals[ws] = vals[win]
            self.used[ws] = True
            placed = np.zeros(self.n, dtype=bool)
            placed[win] = True
            keep = ~placed[todo]
            todo = todo[keep]
            slot = (slot[keep] + 1) & self.mask
        # a one-bit-per-slot filter small enough for the cache answers most misses
        self.fbits = max(10, min(23, bits + 3))
        self.fshift = np.uint64(64 - self.fbits)
        fslot = ((keys * _MUL2) >> self.fshift).astype(np.int64)
        self.filter = np.zeros(1 << self.fbits, dtype=bool)
        self.filter[fslot] = True

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The table as plain arrays (see :meth:`from_arrays`): loading them skips the build."""
        sizes = np.array([self.n, self.mask, int(self.shift), self.fbits, int(self.fshift)], dtype=np.int64)
        return {f"{prefix}sizes": sizes, f"{prefix}keys": self.keys, f"{prefix}vals": self.vals,
                f"{prefix}used": self.used, f"{prefix}filter": self.filter}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> HashIndex:
        """The table saved by :meth:`to_arrays`.

        >>> idx = HashIndex(string_hashes(["银行", "智谱"]), np.array([3, 4]))
        >>> HashIndex.from_arrays(idx.to_arrays("x_"), "x_").get(string_hashes(["智谱", "腾讯"])).tolist()
        [4, 0]
        """
        self = cls.__new__(cls)
        n, mask, shift, fbits, fshift = (int(v) for v in arrays[f"{prefix}sizes"])
        self.n, self.mask, self.shift, self.fbits, self.fshift = n, mask, np.uint64(shift), fbits, np.uint64(fshift)
        self.keys, self.vals = arrays[f"{prefix}keys"], arrays[f"{prefix}vals"]
        self.used, self.filter = arrays[f"{prefix}used"], arrays[f"{prefix}filter"]
        return self

    def get(self, hashes: np.ndarray) -> np.ndarray:
        """The class of each hash (int64, 0 where absent): in the compiled kernel when there
        is one (one probe sequence per hash), else a numpy round of probes over all hashes."""
        out = np.zeros(len(hashes), dtype=np.int64)
        if self.n == 0 or len(hashes) == 0:
            return out
        args = self._kernel_args()
        if args is not None:
            args[0].index_get(*args[1:], np.ascontiguousarray(hashes, dtype=np.uint64), out)
            return out
        return self._get_numpy(hashes, out)

    def _kernel_args(self) -> tuple | None:
        """``(kernel, keys, vals, used, filter, shift, fshift, mul, mul2)`` for the compiled
        lookups, or None when there is no kernel or the table is not in the form it reads."""
        k = _kernel()
        if k is None or self.vals.dtype != np.int16 or not hasattr(k, "index_get"):
            return None
        bits = getattr(self, "_filter_bits", None)
        if bits is None:  # the filter one bit per slot: 8 times smaller, it stays in the cache (-40% lookup time)
            bits = self._filter_bits = np.packbits(self.filter, bitorder="little")
        return (k, self.keys, self.vals, self.used, bits, int(self.shift), int(self.fshift), int(_MUL), int(_MUL2))

    def _get_numpy(self, hashes: np.ndarray, out: np.ndarray) -> np.ndarray:
        """What :meth:`get` gives, in numpy (the reference for the kernel)."""
        maybe = np.flatnonzero(self.filter[((hashes * _MUL2) >> self.fshift).astype(np.int64)])
        h = hashes[maybe]
        slot = ((h * _MUL) >> self.shift).astype(np.int64)
        todo = maybe
        while len(todo):
            k = self.keys[slot]
            u = self.used[slot]
            hit = u & (k == h)
            out[todo[hit]] = self.vals[slot[hit]]
            cont = u & ~hit
            todo, slot, h = todo[cont], (slot[cont] + 1) & self.mask, h[cont]
        return out


def gazetteer_codes(
    cp: np.ndarray, index: HashIndex, max_len: int = GAZ_MAX, prefixes: HashFilter | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Dictionary matches anywhere in the text, independent of segmentation.

    ``index`` maps word hashes to classes (1..). ``prefixes``, when given,
    holds the first two characters of every entry (:func:`prefix_index`):
    only the places where one may start are looked up (same result, less work). Returns per
    character the code ``class * 4 + position`` (1 B, 2 I, 3 E; single
    characters are not matched) of the longest match covering it, and
    ``class * 16 + min(length, 15)`` of the longest match starting at it
    (0 = none).

    >>> idx = HashIndex(string_hashes(["银行", "浙商银行"]), np.array([5, 6]))
    >>> cov, st = gazetteer_codes(codepoints("浙商银行好"), idx)
    >>> cov.tolist(), st.tolist()
    ([25, 26, 26, 27, 0], [100, 0, 82, 0, 0])
    >>> [a.tolist() for a in gazetteer_codes(codepoints("浙商银行好"), idx, prefixes=prefix_index(["银行", "浙商银行"]))]
    [[25, 26, 26, 27, 0], [100, 0, 82, 0, 0]]
    """
    n = len(cp)
    cover = np.zeros(n, dtype=np.int64)
    start = np.zeros(n, dtype=np.int64)
    if index.n == 0 or n < 2:
        return cover, start
    args = index._kernel_args() if prefixes is not None else None
    if args is not None and 2 <= max_len <= 64:
        # the same lookups in C, one place at a time (-0.07 s of 0.08 s on cnews-800)
        args[0].gazetteer(np.ascontiguousarray(cp, dtype=np.int64), *args[1:], prefixes.packed_slots(),
                          int(prefixes.shift), _WORD_P, max_len, cover, start)
        return cover, start
    return _gazetteer_codes_numpy(cp, index, max_len, prefixes, cover, start)


def _gazetteer_codes_numpy(
    cp: np.ndarray, index: HashIndex, max_len: int, prefixes: HashFilter | None, cover: np.ndarray, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`gazetteer_codes` in numpy (the reference for the kernel), into zeroed ``cover`` and ``start``."""
    n = len(cp)
    n1 = n + 1
    pw = np.full(n1, _WORD_P, dtype=np.uint64)
    pw[0] = 1
    pw = np.cumprod(pw, dtype=np.uint64)
    ipw = np.full(n1, _WORD_PINV, dtype=np.uint64)
    ipw[0] = 1
    ipw = np.cumprod(ipw, dtype=np.uint64)
    pref = np.zeros(n1, dtype=np.uint64)
    np.cumsum((cp.astype(np.uint64) + np.uint64(7)) * pw[:n], dtype=np.uint64, out=pref[1:])
    places = np.arange(n - 1, dtype=np.int64)
    if prefixes is not None:
        places = places[prefixes.maybe((pref[places + 2] - pref[places]) * ipw[places])]
    for length in range(2, min(max_len, n) + 1):
        st = places[: np.searchsorted(places, n - length, side="right")]
        h = (pref[st + length] - pref[st]) * ipw[st]
        found = index.get(h)
        hit = found > 0
        if not hit.any():
            continue
        ms = st[hit]
        mc = found[hit]
        start[ms] = mc * 16 + min(length, 15)
        rows = np.repeat(ms, length) + np.tile(np.arange(length), len(ms))
        code = np.tile(np.concatenate([[1], np.full(length - 2, 2), [3]]), len(ms)) + np.repeat(mc * 4, length)
        cover[rows] = code
    return cover, start


class HashFilter:
    """A one-bit-per-slot set of uint64 hashes: ``maybe`` never misses a member, and rarely says yes to others.

    >>> f = HashFilter(string_hashes(["银行", "浙商"]))
    >>> f.maybe(string_hashes(["银行", "浙商"])).tolist()
    [True, True]
    """

    def __init__(self, keys: np.ndarray, bits: int | None = None) -> None:
        keys = np.asarray(keys, dtype=np.uint64)
        self.bits = bits or max(10, min(24, int(np.ceil(np.log2(max(1, len(keys)) * 16)))))
        self.shift = np.uint64(64 - self.bits)
        self.slots = np.zeros(1 << self.bits, dtype=bool)
        self.slots[((keys * _MUL2) >> self.shift).astype(np.int64)] = True

    def maybe(self, hashes: np.ndarray) -> np.ndarray:
        return self.slots[((hashes * _MUL2) >> self.shift).astype(np.int64)]

    def packed_slots(self) -> np.ndarray:
        """The slots one bit each (``np.packbits(..., bitorder="little")``), as the compiled kernel reads them."""
        bits = getattr(self, "_packed", None)
        if bits is None:
            bits = self._packed = np.packbits(self.slots, bitorder="little")
        return bits

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}slots": self.slots}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> HashFilter:
        self = cls.__new__(cls)
        self.slots = arrays[f"{prefix}slots"]
        self.bits = int(self.slots.size).bit_length() - 1
        self.shift = np.uint64(64 - self.bits)
        return self


def prefix_index(words: list[str]) -> HashFilter:
    """The first two characters of each word (two or more characters long), for :func:`gazetteer_codes`.

    >>> prefix_index(["银行", "浙商银行", "x"]).maybe(string_hashes(["银行", "浙商"])).tolist()
    [True, True]
    """
    heads = sorted({w[:2] for w in words if len(w) >= 2})
    return HashFilter(string_hashes(heads))


def _word_spans(text: str, cp: np.ndarray, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each word's start and end in ``text`` (the words laid end to end) and its :func:`word_hashes`:
    in the compiled kernel when there is one (one pass over the list: 2% of the entity stage in
    numpy), else in numpy. ValueError when the words do not cover the text."""
    k = _kernel()
    if k is not None and hasattr(k, "word_spans") and isinstance(words, list) and len(cp) == len(text):
        n = len(words)
        starts, ends, hashes = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.uint64)
        k.word_spans(words, np.ascontiguousarray(cp, dtype=np.int64), _WORD_P, starts, ends, hashes)
        return starts, ends, hashes
    lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    ends = np.cumsum(lens)
    starts = ends - lens
    if len(words) and int(ends[-1]) != len(text):
        raise ValueError("segmentation does not cover the text")
    return starts, ends, word_hashes(cp, starts, ends)


def word_info(
    text: str, cp: np.ndarray, words: list[str], lexicon_lookup, gazetteer=None, prefixes=None,
    surnames: Surnames | None = None, common: HashIndex | None = None,
) -> WordInfo:
    """Word boundaries from segmentation ``words`` (they concatenate to ``text``).

    ``gazetteer`` is a :class:`HashIndex` for :func:`gazetteer_codes`, ``prefixes`` its entries' first two characters.
    ``surnames`` (with ``common``, jieba's common words) gives the surname flags and word codes.
    """
    starts, ends, hashes = _word_spans(text, cp, words)
    lens = ends - starts
    lex, jtag = lexicon_lookup(hashes)
    char_word = np.repeat(np.arange(len(words), dtype=np.int64), lens)
    cover, gstart = gazetteer_codes(cp, gazetteer, prefixes=prefixes) if gazetteer is not None else (None, None)
    sur = wsur = None
    if surnames is not None:
        sur = surnames.flags(cp)
        wsur = np.zeros(len(words), dtype=np.int64)
        first = np.flatnonzero(np.append(sur, 0)[starts] > 0) if len(words) else np.zeros(0, np.int64)
        com = common.get(hashes[first]) if common is not None else np.zeros(len(first), np.int64)
        wsur[first] = surname_word_codes(sur, starts[first], ends[first], jtag[first], com)
    return WordInfo(starts, ends, hashes, lex, jtag, char_word, cover, gstart, sur, wsur)


@dataclass(frozen=True)
class FeatureParts:
    """The feature ids of a featurisation before hashing.

    Template ``f`` of row ``r`` hashes the values ``parts[k][r]`` for the part
    indices ``k`` in ``spec[f]`` (up to three, -1 for none), seeded by
    ``seeds[f]``: :meth:`ids` does it in numpy, the entity kernel's
    ``emissions_hashed`` the same uint64 arithmetic row block by row block, so
    the ids (8 bytes per template and row) are never stored whole.
    """

    parts: tuple[np.ndarray, ...]  # int64 (n,) each
    spec: np.ndarray  # (F, 3) int64
    seeds: np.ndarray  # (F,) uint64

    @property
    def n(self) -> int:
        return len(self.parts[0]) if self.parts else 0

    def ids(self) -> np.ndarray:
        """Feature bucket ids, shape ``(F, n)`` (int64): each template's parts mixed into
        its seed (xor, then multiply by an odd constant), the top :data:`HASH_BITS` bits kept."""
        n = self.n
        out = np.empty((len(self.spec), n), dtype=np.int64)
        h = np.empty(n, dtype=np.uint64)
        for row, (ks, seed) in enumerate(zip(self.spec.tolist(), self.seeds)):
            for j, k in enumerate(x for x in ks if x >= 0):
                if j == 0:
                    np.bitwise_xor(self.parts[k].view(np.uint64), seed, out=h)
                else:
                    np.bitwise_xor(h, self.parts[k].view(np.uint64), out=h)
                np.multiply(h, _MUL, out=h)
            np.right_shift(h, _SHIFT, out=out[row].view(np.uint64))
        return out


def template_seed(template: str) -> np.uint64:
    """The hash seed of a template: from its position in :data:`TEMPLATES`, so a
    subset of templates gives the same ids for the templates it keeps."""
    return np.uint64((TEMPLATES.index(template) + 1) * 0x2545F4914F6CDD1D & 0xFFFFFFFFFFFFFFFF)


def feature_ids(cp: np.ndarray, winfo: WordInfo, src: np.ndarray, templates: tuple[str, ...] = TEMPLATES) -> np.ndarray:
    """Feature bucket ids, shape ``(len(templates), len(src))`` (int64): :func:`feature_parts`, hashed.

    Each template's hash is seeded by its position in :data:`TEMPLATES`, so a
    subset gives the same ids for the templates it keeps.

    ``cp`` and ``winfo`` describe the whole text; ``src`` is the padded layout
    from :func:`pad_layout` (-1 rows are padding).
    """
    return feature_parts(cp, winfo, src, templates).ids()


#: The parts each template hashes, by name (see :func:`feature_parts`); the kernel's
#: ``feature_parts`` computes them in this order.
PART_NAMES: tuple[str, ...] = (
    "c-2", "c-1", "c0", "c+1", "c+2", "bmes", "lexjt", "word", "prevword", "nextword", "nextlexjt", "cls3",
    "gazcover", "gazstart", "sur", "wsur", "sur3", "prevwsur",
)
TEMPLATE_PARTS: dict[str, tuple[str, ...]] = {
    "c-2": ("c-2",),
    "c-1": ("c-1",),
    "c0": ("c0",),
    "c+1": ("c+1",),
    "c+2": ("c+2",),
    "c-1c0": ("c-1", "c0"),
    "c0c+1": ("c0", "c+1"),
    "c-1c0c+1": ("c-1", "c0", "c+1"),
    "bmes|c0": ("bmes", "c0"),
    "bmes|lex|jtag": ("bmes", "lexjt"),
    "bmes|word": ("bmes", "word"),
    "bmes|prevword": ("bmes", "prevword"),
    "bmes|nextword": ("bmes", "nextword"),
    "bmes|nextlex|nextjtag": ("bmes", "nextlexjt"),
    "cls-1cls0cls+1": ("cls3",),
    "gaz|pos|class": ("gazcover",),
    "gazstart|len|class": ("gazstart",),
    "c-2c-1": ("c-2", "c-1"),
    "c+1c+2": ("c+1", "c+2"),
    "sur0|bmes|wsur": ("sur", "bmes", "wsur"),
    "sur-1sur0sur+1": ("sur3",),
    "bmes|prevwsur": ("bmes", "prevwsur"),
}


def feature_parts(cp: np.ndarray, winfo: WordInfo, src: np.ndarray, templates: tuple[str, ...] = TEMPLATES) -> FeatureParts:
    """What :func:`feature_ids` hashes, unhashed (see :class:`FeatureParts`): in the compiled
    kernel when there is one (one pass over the rows instead of some sixty numpy gathers:
    0.05 -> 0.01 s of CPU on the analyzer's batches of cnews-800), else :func:`_feature_parts_numpy`."""
    needs_surnames = bool(SURNAME_TEMPLATES.intersection(templates))
    if needs_surnames and (winfo.sur is None or winfo.wsur is None):
        raise ValueError("the surname templates need the surname list: word_info(..., surnames=...)")
    k = _kernel()
    if k is None or not hasattr(k, "feature_parts"):
        return _feature_parts_numpy(cp, winfo, src, templates)
    none = np.zeros(0, np.int64)

    def i64(a: np.ndarray | None) -> np.ndarray:
        return none if a is None else np.ascontiguousarray(a.view(np.int64) if a.dtype == np.uint64 else a, dtype=np.int64)

    out = np.empty((len(PART_NAMES), len(src)), dtype=np.int64)
    k.feature_parts(
        i64(cp), i64(winfo.char_word), i64(winfo.starts), i64(winfo.ends), i64(winfo.hashes),
        i64(winfo.lex * 16 + winfo.jtag), i64(winfo.gaz_cover), i64(winfo.gaz_start),
        i64(winfo.sur if needs_surnames else None), i64(winfo.wsur if needs_surnames else None), i64(src), out,
    )
    rows = dict(zip(PART_NAMES, out))
    return _assemble(templates, {name: tuple(rows[p] for p in TEMPLATE_PARTS[name]) for name in templates})


def _feature_parts_numpy(cp: np.ndarray, winfo: WordInfo, src: np.ndarray, templates: tuple[str, ...] = TEMPLATES) -> FeatureParts:
    """:func:`feature_parts` in numpy (the reference for the kernel)."""
    n = len(src)
    real = src >= 0
    # padding rows read a sentinel appended to every per-character and per-word array
    s = np.where(real, src, len(cp))
    raw = np.append(cp, PAD)[s]
    c = np.where((raw >= 48) & (raw <= 57), 48, raw)  # all digits alike
    cls = char_classes(raw)
    nw = len(winfo.starts)
    w = np.append(winfo.char_word, nw)[s]
    ws = np.append(winfo.starts, 0)[w]
    we = np.append(winfo.ends, 0)[w]
    bm = np.where(we - ws == 1, 4, np.where(s == ws, 1, np.where(s == we - 1, 3, 2)))
    bm[~real] = 0
    one = np.ones(1, dtype=np.uint64)
    hz = winfo.hashes
    wh = np.append(hz, np.uint64(0))[w]
    prevw = np.concatenate([one, hz[:-1], one])[w] if nw else np.ones(n, np.uint64)
    nextw = np.concatenate([hz[1:], one, one])[w] if nw else np.ones(n, np.uint64)
    lj = winfo.lex * 16 + winfo.jtag
    lexjt = np.append(lj, 0)[w]
    nlexjt = np.concatenate([lj[1:], [0, 0]])[w] if nw else np.zeros(n, np.int64)
    zero = np.zeros(n, np.int64)
    gc = np.append(winfo.gaz_cover, 0)[s] if winfo.gaz_cover is not None else zero
    gs = np.append(winfo.gaz_start, 0)[s] if winfo.gaz_start is not None else zero
    if SURNAME_TEMPLATES.intersection(templates):
        if winfo.sur is None or winfo.wsur is None:
            raise ValueError("the surname templates need the surname list: word_info(..., surnames=...)")
        sf = np.append(winfo.sur, 0)[s]
        wsf = np.append(winfo.wsur, 0)[w]
        prevwsf = np.concatenate([[0], winfo.wsur[:-1], [0]])[w] if nw else zero
    else:
        sf = wsf = prevwsf = zero

    def sh(a: np.ndarray, k: int, fill: int = PAD) -> np.ndarray:
        out = np.empty_like(a)
        if k > 0:
            out[:-k] = a[k:]
            out[-k:] = fill
        else:
            out[-k:] = a[:k]
            out[:-k] = fill
        return out

    cm2, cm1, cp1, cp2 = sh(c, -2), sh(c, -1), sh(c, 1), sh(c, 2)
    cls3 = sh(cls, -1, 0) * 64 + cls * 8 + sh(cls, 1, 0)
    sf3 = sh(sf, -1, 0) * 16 + sf * 4 + sh(sf, 1, 0) if sf is not zero else zero
    parts_of = {
        "c-2": (cm2,),
        "c-1": (cm1,),
        "c0": (c,),
        "c+1": (cp1,),
        "c+2": (cp2,),
        "c-1c0": (cm1, c),
        "c0c+1": (c, cp1),
        "c-1c0c+1": (cm1, c, cp1),
        "bmes|c0": (bm, c),
        "bmes|lex|jtag": (bm, lexjt),
        "bmes|word": (bm, wh),
        "bmes|prevword": (bm, prevw),
        "bmes|nextword": (bm, nextw),
        "bmes|nextlex|nextjtag": (bm, nlexjt),
        "cls-1cls0cls+1": (cls3,),
        "gaz|pos|class": (gc,),
        "gazstart|len|class": (gs,),
        "c-2c-1": (cm2, cm1),
        "c+1c+2": (cp1, cp2),
        "sur0|bmes|wsur": (sf, bm, wsf),
        "sur-1sur0sur+1": (sf3,),
        "bmes|prevwsur": (bm, prevwsf),
    }
    return _assemble(templates, parts_of)


def _assemble(templates: tuple[str, ...], parts_of: dict[str, tuple[np.ndarray, ...]]) -> FeatureParts:
    """The :class:`FeatureParts` of ``templates``, each hashing the arrays ``parts_of[template]``
    (an array used by several templates is stored once)."""
    arrays: list[np.ndarray] = []
    where: dict[int, int] = {}  # id(array) -> its index in arrays
    spec = np.full((len(templates), 3), -1, dtype=np.int64)
    for row, name in enumerate(templates):
        for j, p in enumerate(parts_of[name]):
            k = where.get(id(p))
            if k is None:
                k = where[id(p)] = len(arrays)
                arrays.append(np.ascontiguousarray(p.view(np.int64) if p.dtype == np.uint64 else p.astype(np.int64, copy=False)))
            spec[row, j] = k
    seeds = np.array([template_seed(name) for name in templates], dtype=np.uint64)
    return FeatureParts(tuple(arrays), spec, seeds)
