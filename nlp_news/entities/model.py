"""The trained entity tagger: segmentation, features, two chain taggers.

:class:`NerModel` holds up to two :class:`~nlp_news.entities.crf.ChainTagger`
s that share one feature function:

- ``fine``: the eleven-way CLUENER-style types (BIO tags over name, company,
  organization, government, address, scene, position, book, movie, game);
- ``coarse``: PER/LOC/ORG as in MSRA and People's Daily news
  (types ``name``/``address``/``organization``).

Texts are cut into chunks at sentence ends (and at commas past
:data:`MAX_CHUNK` characters), all chunks of all texts are featurised in one
numpy pass and decoded together. Only numpy and rjieba are imported here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from ..tokenizer import Segmenter, UserWord
from . import features as F
from .crf import ChainTagger, SharedEmissions, tag_spans
from .lexicon import Lexicon

MAX_CHUNK = 120
_CHUNK = re.compile(r"[^。！？!?；;\n]*[。！？!?；;]+[”’」』\"]?|[^。！？!?；;\n]+")
_SOFT = re.compile(r"[，,、：:]")

MODEL_VERSION = 1


def chunk_spans(text: str, base: int = 0, max_len: int = MAX_CHUNK, cp: np.ndarray | None = None) -> list[tuple[int, int]]:
    r"""Sentence-like chunks of ``text`` as ``(start, end)``; long ones cut at commas.

    The chunks are what :data:`_CHUNK` finds (see :func:`chunk_spans_re`, the reference): each
    line (line breaks belong to no chunk) cut after every run of sentence ends, with the one
    closing quote that follows it. Found in numpy from the code points (``cp``, computed when
    not given) instead of a regex match per chunk: 33 -> 19 M instructions for the chunks of
    200 articles of cnews-800.

    >>> chunk_spans("智谱上市了。MiniMax也是！")
    [(0, 6), (6, 16)]
    >>> chunk_spans("“好。”他说。。\n\n？结尾")
    [(0, 4), (4, 8), (10, 11), (11, 13)]
    """
    cp = F.codepoints(text) if cp is None else cp
    n = len(cp)
    if n == 0:
        return []
    code = np.minimum(cp, len(_CHUNK_CLASS) - 1)
    kind = _CHUNK_CLASS[code]  # 0 other, 1 sentence end, 2 closing quote, 3 line break
    end_mark = kind == 1
    after = np.zeros(n + 1, dtype=bool)  # a run of sentence ends stops before position j
    after[1:] = end_mark
    after[:-1] &= ~end_mark
    after[0] = False
    run_end = np.flatnonzero(after)
    quote = np.append(kind == 2, False)[run_end]  # ... and a closing quote right after it joins it
    cuts = run_end + quote
    lines = np.flatnonzero(kind == 3)
    bounds = np.sort(np.concatenate(([0, n], cuts, lines, lines + 1)))
    starts, ends = bounds[:-1], bounds[1:]
    keep = ends > starts
    keep &= ~((ends - starts == 1) & (kind[np.minimum(starts, n - 1)] == 3))  # a line break alone
    starts, ends = starts[keep], ends[keep]
    chunks = list(zip((starts + base).tolist(), (ends + base).tolist()))
    long = np.flatnonzero(ends - starts > max_len).tolist()
    if not long:
        return chunks
    out: list[tuple[int, int]] = []
    done = 0
    for k in long:
        out += chunks[done:k]
        done = k + 1
        _split_long(text, chunks[k][0] - base, chunks[k][1] - base, base, max_len, out)
    out += chunks[done:]
    return out


def _split_long(text: str, s: int, e: int, base: int, max_len: int, out: list[tuple[int, int]]) -> None:
    """Append the chunk ``text[s:e]`` to ``out`` (offsets plus ``base``), cut into pieces of at most
    ``max_len`` at the last comma or colon between a third of ``max_len`` and ``max_len``, else at ``max_len``."""
    while e - s > max_len:
        cut = None
        for sm in _SOFT.finditer(text, s + max_len // 3, s + max_len):
            cut = sm.end()
        if cut is None:
            cut = s + max_len
        out.append((base + s, base + cut))
        s = cut
    out.append((base + s, base + e))


def _chunk_classes() -> np.ndarray:
    """What :func:`chunk_spans` reads of each code point: 1 a sentence end of :data:`_CHUNK`,
    2 a closing quote, 3 a line break, 0 anything else (the last entry, for all larger code points)."""
    marks = {**dict.fromkeys("。！？!?；;", 1), **dict.fromkeys("”’」』\"", 2), "\n": 3}
    table = np.zeros(max(map(ord, marks)) + 2, dtype=np.int8)
    for ch, k in marks.items():
        table[ord(ch)] = k
    return table


_CHUNK_CLASS = _chunk_classes()


def chunk_spans_re(text: str, base: int = 0, max_len: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """:func:`chunk_spans` by the regex :data:`_CHUNK`, a match at a time: the definition the
    numpy version is tested against.

    >>> chunk_spans_re("智谱上市了。MiniMax也是！")
    [(0, 6), (6, 16)]
    """
    out: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(text):
        s, e = m.span()
        if s != e:
            _split_long(text, s, e, base, max_len, out)
    return out


class NerModel:
    """Segmenter + lexicon + taggers; ``predict`` gives entity spans per text."""

    def __init__(
        self,
        taggers: dict[str, ChainTagger],
        lexicon: Lexicon,
        *,
        user_words: Iterable[UserWord] = (),
        meta: dict | None = None,
        segmenter: Segmenter | None = None,
    ) -> None:
        self.taggers = dict(taggers)
        self.lexicon = lexicon
        self.user_words = tuple(user_words)
        # A segmenter with the same user words may be shared (the pipeline's
        # tokenizer's): its dictionary is tens of MB.
        if segmenter is not None and segmenter.backend == "rjieba" and segmenter.user_words == self.user_words:
            self.segmenter = segmenter
        else:
            self.segmenter = Segmenter(user_words=self.user_words)
        self.meta = dict(meta or {})
        self.last_words: tuple[list[str], np.ndarray] = ([], np.zeros(0, np.int64))
        self.templates = tuple(self.meta.get("features", {}).get("templates") or F.TEMPLATES)
        self._needs_surnames = bool(F.SURNAME_TEMPLATES.intersection(self.templates))
        self._shared: tuple[tuple, SharedEmissions] | None = None

    @property
    def shared(self) -> SharedEmissions:
        """All taggers' emissions in one gather (built on first use, again if the taggers change)."""
        key = tuple((k, id(v)) for k, v in self.taggers.items())
        if self._shared is None or self._shared[0] != key:
            self._shared = (key, SharedEmissions(self.taggers))
        return self._shared[1]

    def prepare(self) -> NerModel:
        """Build what is otherwise built on first use: the shared emission table (about 37 MB) and,
        for the surname features, the common words' index (42k words hashed and sorted: 0.05 s of
        CPU that the first batch of the entity stage took)."""
        _ = self.shared
        if self._needs_surnames and self.lexicon.surnames is not None:
            _ = self.lexicon.common_index
        return self

    # -- features -------------------------------------------------------------
    def featurize(
        self,
        text: str,
        spans: list[tuple[int, int]],
        lexicon: Lexicon | None = None,
        words: list[str] | None = None,
        *,
        unhashed: bool = False,
        cp: np.ndarray | None = None,
    ):
        """Feature ids for chunks ``spans`` of ``text``: (ids, src).

        ``words`` is the segmenter's :meth:`~nlp_news.tokenizer.Segmenter.cut_raw` of ``text`` when the caller has it,
        ``cp`` its :func:`~.features.codepoints`.
        With ``unhashed`` the ids come as the :class:`~.features.FeatureParts` they hash, which
        :meth:`SharedEmissions.emissions <.crf.SharedEmissions.emissions>` hashes block by block.
        """
        lex = lexicon or self.lexicon
        cp = F.codepoints(text) if cp is None else cp
        if words is None:
            words = self.segmenter.cut_raw(text) if text else []
        if self._needs_surnames:
            if lex.surnames is None:
                raise ValueError("this NER model's features need a surname list (lexicon-surnames.txt in the model folder); "
                                 "rebuild it with `nlp-news train ner` (see models/ner/MODEL_CARD.md)")
            winfo = F.word_info(text, cp, words, lex.lookup, lex.gazetteer, lex.gazetteer_prefixes,
                                surnames=lex.surnames, common=lex.common_index)
        else:
            winfo = F.word_info(text, cp, words, lex.lookup, lex.gazetteer, lex.gazetteer_prefixes)
        self.last_words = (words, winfo.starts)  # the rules reuse this segmentation
        _, src = F.pad_layout(spans)
        feats = F.feature_parts(cp, winfo, src, self.templates)
        return (feats if unhashed else feats.ids()), src

    # -- prediction -----------------------------------------------------------
    def predict(self, texts: Sequence[str], which: str = "fine") -> list[list[tuple[int, int, str, float]]]:
        """Entities per text: ``(start, end_exclusive, type, score)`` sorted by start."""
        tagger = self.taggers.get(which)
        if tagger is None:
            raise KeyError(f"this NER model has no {which!r} tagger; rebuild it with `nlp-news train ner` on that data")
        batch = self._emissions(texts)
        if batch is None:
            return [[] for _ in texts]
        em, src, starts, cp = batch
        return list(self._decode(tagger, em[which], src, texts, starts, cp))

    def words_of(self, start: int, end: int) -> list[str]:
        """Words of the last featurised text between ``start`` and ``end`` (word-aligned)."""
        words, starts = self.last_words
        a, b = np.searchsorted(starts, [start, end])
        return words[int(a) : int(b)]

    def predict_many(
        self, texts: Sequence[str], words: Sequence[list[str] | None] | None = None
    ) -> dict[str, list[list[tuple[int, int, str, float]]]]:
        """All taggers on one shared featurisation.

        ``words[i]``, where given, is ``self.segmenter.cut_raw(texts[i])`` (the pipeline's
        tokenizer has already cut the text); the others are cut here.
        """
        return {k: list(v) for k, v in self.predict_spans(texts, words).items()}

    def predict_spans(
        self, texts: Sequence[str], words: Sequence[list[str] | None] | None = None, which: Iterable[str] | None = None
    ) -> dict[str, TextSpans]:
        """:meth:`predict_many` with each text's list made when it is read (a :class:`TextSpans`):
        a batch's entities are not all Python objects at once. ``which``: the taggers to decode
        (default all)."""
        names = list(self.taggers) if which is None else list(which)
        for k in names:
            if k not in self.taggers:
                raise KeyError(f"this NER model has no {k!r} tagger; rebuild it with `nlp-news train ner` on that data")
        batch = self._emissions(texts, words)
        if batch is None:
            return {k: TextSpans.empty(texts) for k in names}
        em, src, starts, cp = batch
        return {k: self._decode(self.taggers[k], em[k], src, texts, starts, cp) for k in names}

    def _joined_words(self, texts: Sequence[str], words: Sequence[list[str] | None] | None) -> list[str] | None:
        r"""``cut_raw`` of ``_join(texts)`` from each text's words (None: cut the joined text).

        The segmenter cuts each run of its word characters on its own and whitespace one
        character at a time, so the words of the joined text are each text's words between
        the separator's (one per ``\n``);
        only a text ending in ``\r`` would make ``\r\n`` one word with the separator.
        """
        if words is None or all(w is None for w in words) or any(t.endswith("\r") for t in texts):
            return None
        out = list(_SEP_WORDS)
        for t, w in zip(texts, words):
            out += self.segmenter.cut_raw(t) if w is None else w
            out += _SEP_WORDS
        return out

    def _emissions(self, texts: Sequence[str], words: Sequence[list[str] | None] | None = None):
        """Every tagger's emission scores for a batch of texts joined into one featurisation:
        ``(scores by tagger, src, starts, codepoints of the joined text)``, or None when the
        texts have no characters to tag."""
        joined, starts = _join(texts)
        # chunks never hold a line break, so those of the joined text are each text's own, shifted
        cp = F.codepoints(joined)
        spans = chunk_spans(joined, cp=cp)
        if not spans:
            return None
        feats, src = self.featurize(joined, spans, words=self._joined_words(texts, words), unhashed=True, cp=cp)
        return self.shared.emissions(feats), src, starts, cp

    def _decode(self, tagger: ChainTagger, em, src, texts, starts, cp: np.ndarray | None = None) -> TextSpans:
        """One tagger's entities of a batch (``cp``: the joined text's codepoints, for the
        spans' flags; without it they are found in Python)."""
        real = src >= 0
        tags, conf = tagger.decode(em, real)  # a view into all taggers' scores (the kernel reads it in place)
        b, e, ti = tag_spans(tags, tagger.tags)
        names = [t[2:] for t in tagger.tags]
        if len(b) == 0:
            return TextSpans(texts, names, b, b, b, b, np.zeros(0))
        # score: mean marginal probability that the entity's characters have its type
        seg = np.repeat(np.arange(len(b)), e - b)
        rows = F._ranges(b, e - b)
        score = np.bincount(seg, weights=conf[rows], minlength=len(b)) / (e - b)
        tstart, tend = src[b], src[e - 1] + 1
        starts_a = np.asarray(starts)
        which_text = np.searchsorted(starts_a, tstart, side="right") - 1
        s0 = starts_a[which_text]
        edge = ascii_ = None
        if cp is not None:
            edge, ascii_ = span_flags(cp, tstart, tend)
        return TextSpans(texts, names, which_text, tstart - s0, tend - s0, ti, score, edge=edge, ascii=ascii_)

    # -- persistence ----------------------------------------------------------
    def save(self, folder: str | os.PathLike[str], extra_meta: dict | None = None) -> Path:
        from ..modelio import save_model

        arrays: dict[str, np.ndarray] = {}
        meta = dict(self.meta)
        meta.update(extra_meta or {})
        meta["taggers"] = {}
        for name, tg in self.taggers.items():
            arrays.update(tg.arrays(f"{name}_"))
            meta["taggers"][name] = {"tags": tg.tags}
        meta["features"] = {"templates": list(self.templates), "hash_bits": F.HASH_BITS, "max_chunk": MAX_CHUNK}
        meta["model_version"] = MODEL_VERSION
        folder = save_model(folder, arrays, meta)
        self.lexicon.save(folder)
        return folder

    @classmethod
    def load(
        cls,
        name_or_path: str | os.PathLike[str] = "ner",
        *,
        user_words: Iterable[UserWord] = (),
        segmenter: Segmenter | None = None,
    ) -> NerModel:
        from ..modelio import ModelNotFoundError, load_model, model_path

        try:
            arrays, meta = load_model(name_or_path)
        except ModelNotFoundError:
            raise ModelNotFoundError(
                f"no NER model at {model_path(name_or_path)}. Rebuild it with `nlp-news train ner --data ... --out "
                f"{model_path(name_or_path)}` (the exact command is in models/ner/MODEL_CARD.md)"
            ) from None
        feats = meta.get("features", {})
        if not set(feats.get("templates") or ()) <= set(F.TEMPLATES) or feats.get("hash_bits") != F.HASH_BITS:
            raise ValueError(
                f"the NER model in {model_path(name_or_path)} was trained with other features; "
                "rebuild it with `nlp-news train ner` (see models/ner/MODEL_CARD.md)"
            )
        lexicon = Lexicon.load(model_path(name_or_path))
        if F.SURNAME_TEMPLATES.intersection(feats.get("templates") or ()) and lexicon.surnames is None:
            raise ValueError(
                f"the NER model in {model_path(name_or_path)} uses surname features but has no "
                "lexicon-surnames.txt; rebuild it with `nlp-news train ner` (see models/ner/MODEL_CARD.md)"
            )
        taggers = {
            name: ChainTagger.from_arrays(arrays, f"{name}_", info["tags"]) for name, info in meta["taggers"].items()
        }
        return cls(taggers, lexicon, user_words=user_words, meta=meta, segmenter=segmenter)


class TextSpans(Sequence):
    """One tagger's entities in a batch of texts: ``spans[i]`` is text ``i``'s list of
    ``(start, end_exclusive, type, score)``, as :meth:`NerModel.predict` gives it, made
    when it is read.

    The spans come as arrays in text order (``which_text`` does not decrease). Making
    each text's tuples only when the text is read keeps a batch's tens of thousands of
    them from living at once, which the garbage collector counts and traverses.

    A tagged space around a name is not part of it: spans are trimmed of whitespace at
    their ends, and dropped where nothing else is left. ``edge`` flags the spans with
    whitespace at an end and ``ascii`` those of ASCII characters only, as numpy found them
    (:func:`span_flags`); without them both are found here in Python. The fields stay
    readable in bulk (``starts``, ``ends``, ``types``, ``scores``: lists over the batch,
    text ``i``'s from ``bounds[i]`` to ``bounds[i + 1]``; ``type_ids`` and ``ascii``: numpy
    arrays alike), so the recognizer makes its candidates without a tuple per span.

    >>> ts = TextSpans(["甲 乙丙", " "], ["", "name"], np.array([0, 0, 1]), np.array([0, 1, 0]),
    ...                np.array([2, 4, 1]), np.array([1, 1, 1]), np.array([0.5, 0.25, 0.75]))
    >>> ts[0], ts[1], ts.bounds, ts.ascii.tolist()
    ([(0, 1, 'name', 0.5), (2, 4, 'name', 0.25)], [], [0, 2, 2], [False, False])
    """

    def __init__(self, texts: Sequence[str], names: list[str], which_text: np.ndarray, starts: np.ndarray,
                 ends: np.ndarray, types: np.ndarray, scores: np.ndarray, *, edge: np.ndarray | None = None,
                 ascii: np.ndarray | None = None) -> None:
        self.texts, self.names = texts, names
        n = len(starts)
        starts = np.array(starts, dtype=np.int64)
        ends = np.array(ends, dtype=np.int64)
        if edge is None or ascii is None:  # every span in Python
            edge, ascii = np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
        else:
            ascii = np.array(ascii, dtype=bool)
        keep = np.ones(n, dtype=bool)
        for k in np.flatnonzero(edge).tolist():
            text = texts[which_text[k]]
            a, z = int(starts[k]), int(ends[k])
            if text[a].isspace() or text[z - 1].isspace():  # z > a
                span = text[a:z]
                stripped = span.strip()
                if not stripped:
                    keep[k] = False
                    continue
                a += len(span) - len(span.lstrip())
                z = a + len(stripped)
                starts[k], ends[k] = a, z
            ascii[k] = text[a:z].isascii()
        if not keep.all():
            which_text, starts, ends, types, scores, ascii = (
                x[keep] for x in (which_text, starts, ends, types, scores, ascii)
            )
        self.bounds = np.searchsorted(which_text, np.arange(len(texts) + 1)).tolist()
        self.starts, self.ends, self.scores = starts.tolist(), ends.tolist(), round4(scores)
        self.type_ids, self.ascii = np.asarray(types, dtype=np.int64), ascii
        #: each span's type name (one gather of the name objects instead of a lookup per span)
        self.types = np.array(names, dtype=object)[types].tolist() if len(types) else []

    @classmethod
    def empty(cls, texts: Sequence[str]) -> TextSpans:
        """No spans in any of ``texts``."""
        none = np.zeros(0, dtype=np.int64)
        return cls(texts, [], none, none, none, none, np.zeros(0))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> list[tuple[int, int, str, float]]:  # type: ignore[override]
        if i < 0:
            i += len(self.texts)
        if not 0 <= i < len(self.texts):
            raise IndexError(i)
        lo, hi = self.bounds[i], self.bounds[i + 1]
        return list(zip(self.starts[lo:hi], self.ends[lo:hi], self.types[lo:hi], self.scores[lo:hi]))


def span_flags(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For spans ``cp[starts[k]:ends[k]]`` (not empty): is there whitespace at either end, and are
    all their characters ASCII? In numpy for a batch's spans (a test of two characters per span in
    Python was 2% of the entity stage).

    >>> cp = F.codepoints(" ab中c ")
    >>> [x.tolist() for x in span_flags(cp, np.array([0, 1, 1, 4]), np.array([2, 3, 4, 6]))]
    [[True, False, False, True], [True, True, False, True]]
    """
    edge = F.is_space(cp[starts]) | F.is_space(cp[ends - 1])
    wide = np.zeros(len(cp) + 1, dtype=np.int64)
    np.cumsum(cp > 127, out=wide[1:])
    return edge, wide[ends] == wide[starts]


def round4(x: np.ndarray) -> list[float]:
    """``[round(v, 4) for v in x.tolist()]``, in numpy where that is exact.

    ``round(v, 4)`` is the float nearest to ``k / 10**4`` for the integer ``k`` nearest to
    ``v * 10**4`` (ties to even). ``rint(v * 1e4) / 1e4`` gives the same float unless the
    rounding of the product ``v * 1e4`` could have moved it across a half: where it is within
    1e-6 of one (the product is off by less than 1.2e-7 for ``|v * 1e4| < 1e9``), or larger,
    or not finite, Python rounds. (34k calls of ``round`` per run of cnews-800.)

    >>> v = np.array([0.123449999, 0.12345, 0.03125, 0.99996, 1.0, 0.0, 2.5e-5, 1e12, np.nan])
    >>> r = round4(v)
    >>> r[:-1] == [round(x, 4) for x in v.tolist()][:-1], r[-1] != r[-1]
    (True, True)
    """
    with np.errstate(over="ignore", invalid="ignore"):  # infinities and NaN go to Python below
        y = x * 1e4
        out = (np.rint(y) / 1e4).tolist()
        unsure = ~((np.abs(y - np.floor(y) - 0.5) >= 1e-6) & (np.abs(y) < 1e9))  # NaN: unsure too
    for j in np.flatnonzero(unsure).tolist():
        out[j] = round(float(x[j]), 4)
    return out


#: Put around every text of a batch: wider than the feature window (±2 characters,
#: ±1 word), so a text's features never see its neighbours and the result of a
#: text does not depend on the batch it came in.
JOIN_SEP = "\n\n"


#: The segmenter's words of :data:`JOIN_SEP` (whitespace is cut one character at a time).
_SEP_WORDS = tuple(JOIN_SEP)


def _join(texts: Sequence[str]) -> tuple[str, list[int]]:
    """Join texts for one featurisation; ``starts[i]`` is where text ``i`` begins.

    >>> _join(["甲乙", "丙"])
    ('\\n\\n甲乙\\n\\n丙\\n\\n', [2, 6])
    """
    starts: list[int] = []
    pos = len(JOIN_SEP)
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(JOIN_SEP)
    return JOIN_SEP + JOIN_SEP.join(texts) + JOIN_SEP, starts
