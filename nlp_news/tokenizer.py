"""jieba segmentation without global state, and its spaCy tokenizer.

:class:`Segmenter` owns one segmenter instance with jieba's dictionary and HMM.
The default backend is rjieba (jieba-rs: the same dictionary and algorithm,
about 20x faster); ``backend="jieba"`` uses a private ``jieba.Tokenizer``.
Neither touches jieba's module-level default tokenizer, so loading nlp-news never
changes what a user's own ``jieba.lcut`` does.

The two backends differ by design in one place only: jieba's HMM stage splits
unknown ASCII runs at ``.``, ``-`` and ``_`` (``it7t . com``, but ``34.6%`` whole),
jieba-rs keeps them whole. We split the rjieba tokens with jieba's own pattern, so tokens agree with jieba; ``tests/test_tokenizer.py``
checks the agreement on the shared news corpus.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from nlp_news.extensions import TEXT_KEY, WORDS_KEY
from nlp_news.lexattrs import add_complete_flag, complete, complete_lexemes, fast_getters, lean_getters

# jieba's HMM stage (finalseg.re_skip) splits unknown ASCII runs this way.
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_NEEDS_SPLIT = re.compile(r"[A-Za-z0-9][._\-]|[._\-][A-Za-z0-9]")
_SEPARATOR = re.compile(r"[._\-]")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _split_at(text: str) -> list[int]:
    """Every offset of ``text`` where a :data:`_NEEDS_SPLIT` window starts (overlapping windows
    included), in order: found from the separators, which are rare, instead of trying the
    pattern at every character (over cnews-800: 7 ms instead of 23 ms for a lookahead search).

    >>> _split_at("访问it7t.com和3.5-4"), _split_at(".a-"), _split_at("-.")
    ([5, 6, 11, 12, 13, 14], [0, 1], [])
    """
    at = []
    last = len(text) - 1
    for m in _SEPARATOR.finditer(text):
        i = m.start()
        if i and text[i - 1] in _ASCII_ALNUM:  # the window (alnum, separator)
            at.append(i - 1)
        if i < last and text[i + 1] in _ASCII_ALNUM:  # the window (separator, alnum)
            at.append(i)
    return at


@dataclass(frozen=True, slots=True)
class UserWord:
    """One line of a jieba user dictionary: ``word [freq] [tag]``."""

    word: str
    freq: int | None = None
    tag: str | None = None


class UserDictError(ValueError):
    """A user dictionary line could not be read."""


def parse_user_dict(lines: Iterable[str], *, source: str = "<user dict>") -> list[UserWord]:
    """Parse jieba user-dictionary lines.

    Blank lines and ``#`` comments are skipped. A word may contain spaces when
    the line ends in a frequency and/or a tag (``智谱 AI 10 company``).

    >>> parse_user_dict(["智谱AI 10 company", "海螺 AI product", "月之暗面", "# note"])
    [UserWord(word='智谱AI', freq=10, tag='company'), UserWord(word='海螺 AI', freq=None, tag='product'), UserWord(word='月之暗面', freq=None, tag=None)]
    """
    out: list[UserWord] = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        freq: int | None = None
        tag: str | None = None
        if len(parts) >= 2 and re.fullmatch(r"[A-Za-z_]+", parts[-1]) and not re.fullmatch(r"\d+", parts[-1]):
            if len(parts) >= 3 and parts[-2].isdigit():
                freq, tag, parts = int(parts[-2]), parts[-1], parts[:-2]
            elif len(parts) >= 2 and _is_tag_like(parts[-1], parts[:-1]):
                tag, parts = parts[-1], parts[:-1]
        elif len(parts) >= 2 and parts[-1].isdigit():
            freq, parts = int(parts[-1]), parts[:-1]
        word = " ".join(parts)
        if not word:
            raise UserDictError(f"{source}:{n}: empty word in line {raw!r}; expected 'word [freq] [tag]'")
        out.append(UserWord(word, freq, tag))
    return out


def _is_tag_like(last: str, rest: list[str]) -> bool:
    # "海螺 AI product": a lowercase tag after a word; "Open AI" keeps AI as word.
    return last.islower() or last in {"PER", "ORG", "LOC", "PRODUCT", "WORK", "TITLE"}


def read_user_dict(path: str | os.PathLike[str]) -> list[UserWord]:
    """Read a user dictionary file (UTF-8, with or without BOM)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserDictError(f"user dictionary {p} does not exist") from None
    except UnicodeDecodeError:
        raise UserDictError(f"user dictionary {p} is not UTF-8; save it as UTF-8 (jieba's format)") from None
    return parse_user_dict(text.splitlines(), source=str(p))


class Segmenter:
    """A private jieba segmenter: dictionary, HMM and the user's words.

    >>> seg = Segmenter()
    >>> seg.cut("智谱AI发布新模型")
    ['智谱', 'AI', '发布', '新', '模型']
    >>> seg = Segmenter(user_words=[UserWord("智谱AI", None, "company")])
    >>> seg.cut("智谱AI发布新模型")
    ['智谱AI', '发布', '新', '模型']
    """

    def __init__(self, user_words: Iterable[UserWord] = (), *, backend: str = "rjieba", hmm: bool = True) -> None:
        self.backend = backend
        self.hmm = hmm
        self.user_words = tuple(user_words)
        self._added: list[tuple[str, int | None, str | None]] = []
        self._signature: tuple | None = None
        self._pos = None  # jieba's POSTokenizer over _impl (backend "jieba"), made by the first tag()
        if backend == "rjieba":
            import rjieba

            self._impl = rjieba.Jieba()
        elif backend == "jieba":
            import logging

            import jieba

            jieba_logger = logging.getLogger("jieba")
            jieba_logger.setLevel(max(jieba_logger.level, logging.WARNING))
            self._impl = jieba.Tokenizer()
        else:
            raise ValueError(f"unknown segmenter backend {backend!r}; use 'rjieba' or 'jieba'")
        for w in self.user_words:
            self.add_word(w.word, w.freq, w.tag)

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        """Add a word; with no frequency it gets one high enough to be cut whole."""
        self._added.append((word, freq, tag))
        self._signature = None
        pieces = word.split()
        if self.backend == "rjieba":
            for piece in pieces if len(pieces) > 1 else [word]:
                self._impl.add_word(piece, freq, tag)
                if freq is None:
                    self._impl.suggest_freq(piece)
        else:
            for piece in pieces if len(pieces) > 1 else [word]:
                self._impl.add_word(piece, freq, tag)
                if freq is None:
                    self._impl.suggest_freq(piece, tune=True)

    @property
    def signature(self) -> tuple:
        """What decides this segmenter's words: backend, HMM and every word added.

        Two segmenters with equal signatures cut every text the same way, so a
        stage may reuse words another one cut (see :data:`nlp_news.extensions.WORDS_KEY`).
        """
        if self._signature is None:
            self._signature = (self.backend, self.hmm, tuple(self._added))
        return self._signature

    def cut_raw(self, text: str, hmm: bool | None = None) -> list[str]:
        """The backend's own words: rjieba keeps ASCII runs with ``.``, ``-``, ``_`` whole.
        ``hmm`` overrides the segmenter's HMM setting for this call.

        >>> Segmenter().cut_raw("访问it7t.com"), Segmenter().cut_raw("2个人会来", hmm=False)
        (['访问', 'it7t.com'], ['2', '个人', '会', '来'])
        """
        hmm = self.hmm if hmm is None else hmm
        if self.backend == "rjieba":
            return self._impl.cut(text, hmm)
        return list(self._impl.cut(text, HMM=hmm))

    def tag(self, text: str, hmm: bool | None = None) -> list[tuple[str, str]]:
        """The backend's words of ``text`` with jieba's part-of-speech tags (``n`` noun, ``a``
        adjective, ``v`` verb, ``d`` adverb …; a user word added with a tag carries that tag).
        ``hmm`` as in :meth:`cut_raw`. About as fast as a cut: callers tag the few short
        stretches they need, not whole articles.

        >>> Segmenter().tag("12个新客户", hmm=False)
        [('12', 'm'), ('个', 'q'), ('新', 'a'), ('客户', 'n')]
        """
        hmm = self.hmm if hmm is None else hmm
        if self.backend == "rjieba":
            return self._impl.tag(text, hmm)
        pos = self._pos
        if pos is None:
            import jieba.posseg

            pos = self._pos = jieba.posseg.POSTokenizer(self._impl)
        return [(p.word, p.flag) for p in pos.cut(text, HMM=hmm)]

    def cut(self, text: str) -> list[str]:
        """Segment ``text`` as jieba does; the tokens concatenate back to ``text``."""
        return self.split_as_jieba(self.cut_raw(text), text)

    def split_as_jieba(self, words: list[str], text: str) -> list[str]:
        """:meth:`cut` from :meth:`cut_raw`'s ``words`` of ``text``: rjieba's ASCII runs split as jieba splits them."""
        if self.backend == "rjieba":
            at = _split_at(text)
            return _split_words_at(words, at) if at else words
        return words


def _split_words_at(words: list[str], at: list[int]) -> list[str]:
    """Split the words that contain one of the two-character windows starting at text offsets
    ``at`` (as found by :func:`_split_at`) with :func:`_jieba_split`; the others stay as they are.

    The same as testing every word with ``_NEEDS_SPLIT``, but the words are located by
    bisection over their end offsets, so a long article with one ``3.5`` costs one lookup,
    not one regex call per word.

    >>> _split_words_at(["访问", "it7t.com", "和", "3.5", "-", "4"], [3, 4, 6, 11, 12])
    ['访问', 'it7t', '.', 'com', '和', '3.5', '-', '4']
    """
    ends = list(accumulate(map(len, words)))
    hit = set()
    for i in at:
        k = bisect_right(ends, i)  # the word holding text[i]
        if k < len(ends) and i + 1 < ends[k]:  # ... and text[i + 1]
            hit.add(k)
    if not hit:
        return words
    out: list[str] = []
    last = 0
    for k in sorted(hit):
        out.extend(words[last:k])
        out.extend(_jieba_split(words[k]))
        last = k + 1
    out.extend(words[last:])
    return out


def _jieba_split(word: str) -> list[str]:
    """Split an ASCII run the way jieba does (``it7t.com`` → it7t . com, ``34.6%`` whole).

    >>> _jieba_split("it7t.com"), _jieba_split("34.6%"), _jieba_split("010-6446")
    (['it7t', '.', 'com'], ['34.6%'], ['010', '-', '6446'])
    """
    return [p for p in _JIEBA_SKIP.split(word) if p]


@registry.tokenizers("nlp_news.JiebaTokenizer.v1")
def create_jieba_tokenizer(backend: str = "rjieba", hmm: bool = True, user_dict: str | None = None):
    """spaCy config entry: ``[nlp.tokenizer] @tokenizers = "nlp_news.JiebaTokenizer.v1"``.

    ``user_dict`` is a path to a jieba user dictionary (``word [freq] [tag]``).
    """
    words = read_user_dict(user_dict) if user_dict else ()

    def make(nlp):
        # spaCy's lexical attributes of new words, the same answers at half the cost
        fast = fast_getters(nlp.vocab.lex_attr_getters)
        nlp.vocab.lex_attr_getters.update(fast)
        deferred = frozenset(fast)  # the language's attributes: lean_doc leaves them for later
        add_complete_flag(nlp.vocab)
        return JiebaTokenizer(nlp.vocab, Segmenter(words, backend=backend, hmm=hmm), deferred=deferred)

    return make


class JiebaTokenizer:
    """spaCy tokenizer over a :class:`Segmenter`. ``Doc.text`` equals the input.

    ``deferred`` names lexical attributes (spaCy's ``like_num``, ``shape`` …) that
    :meth:`lean_doc` may leave out of the lexemes it makes; the vocabulary needs the flag
    of :func:`nlp_news.lexattrs.add_complete_flag` for that.
    """

    def __init__(self, vocab: Vocab, segmenter: Segmenter, *, deferred: Iterable[int] = ()) -> None:
        self.vocab = vocab
        self.segmenter = segmenter
        self.deferred = frozenset(deferred)
        self._orth: dict[str, int] = {}  # word -> its hash in _orth_strings (see _orths)
        self._orth_strings = None

    def __call__(self, text: str) -> Doc:
        """The Doc of ``text``, its lexemes with every lexical attribute (those a :meth:`lean_doc`
        made without get them now)."""
        doc = self._make(text)
        return complete_lexemes(doc) if self.deferred else doc

    def lean_doc(self, text: str) -> Doc:
        """The Doc of ``text``; the words new to the vocabulary get their lexemes without the
        ``deferred`` attributes (see :func:`nlp_news.lexattrs.lean_getters`: that saves about
        a third of tokenising news on a fresh vocabulary).

        For the Analyzer, whose stages read none of them; before a user gets the Doc,
        :func:`nlp_news.lexattrs.complete_lexemes` gives it the attributes (``Analysis.doc`` does).
        """
        vocab = self.vocab
        full = vocab.lex_attr_getters
        if not self.deferred or not any(func is complete for func in full.values()):
            return self(text)
        vocab.lex_attr_getters = lean_getters(full, self.deferred)
        try:
            return self._make(text)
        finally:
            vocab.lex_attr_getters = full

    def _make(self, text: str) -> Doc:
        raw = self.segmenter.cut_raw(text)
        cut = self.segmenter.split_as_jieba(raw, text)
        if " " not in text:
            words, spaces = cut, [False] * len(cut)
        else:
            words, spaces = [], []
            for w in cut:
                if w == " " and words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True  # a single space after a word is that word's trailing space
                else:
                    words.append(w)
                    spaces.append(False)
        doc = Doc(self.vocab, words=self._orths(words), spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[WORDS_KEY] = (self.segmenter.signature, raw)
        return doc

    def _orths(self, words: list[str]) -> list[int] | list[str]:
        """The words as their string hashes, which ``Doc`` takes instead of the words.

        Given a word, spaCy encodes it to UTF-8 and hashes it to find its lexeme, for every
        token; given the hash, it looks the lexeme up directly. A dict from word to hash,
        filled as words come, saves most of that work (callgrind: 0.65 of 2.8 G instructions
        of making the Docs of cnews-800, warm). A new word's string is added to the store
        first, as spaCy would add it. Inside a memory zone (where strings added are dropped
        at its end) the words are handed over as they are.
        """
        vocab = self.vocab
        if vocab.in_memory_zone:
            return words
        strings = vocab.strings
        if self._orth_strings is not strings:  # a new vocabulary: hashes of the old one may be gone
            self._orth, self._orth_strings = {}, strings
        orth = self._orth
        out = list(map(orth.get, words))
        if None in out:
            add = strings.add
            for i, h in enumerate(out):
                if h is None:
                    w = words[i]
                    h = orth.get(w)  # the word may have come earlier in this text
                    if h is None:
                        h = orth[w] = add(w)
                    out[i] = h
        return out

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> JiebaTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> JiebaTokenizer:
        return self
