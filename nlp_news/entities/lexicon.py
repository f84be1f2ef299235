"""Lexicons for the entity stage: what training and jieba's dictionary tell us.

Two shipped lists live in the model folder (``models/ner``):

- ``lexicon-jieba.tsv``: words jieba's own ``dict.txt`` tags ``nr`` (person),
  ``ns`` (place), ``nt`` (organisation) or ``nz`` (other proper noun), read from
  the installed jieba at training time and filtered (two characters or more).
  The tags are noisy (``nr`` holds many non-names), so they are *features* of
  the tagger, never entities on their own.
- ``lexicon-train.tsv``: every mention seen in the training sets with its most
  frequent fine type and count. It feeds a tagger feature (computed across two
  folds at training time so the model cannot learn to trust it blindly) and
  the alias stage.
- ``lexicon-common.txt``: jieba's frequent common words (not proper nouns), so
  the rules can tell a descriptor (人工智能公司) from a name (深言科技); the
  surname features use them too (武器 is a word, 武磊 may be a name).
- ``lexicon-surnames.txt``: Chinese surnames, single and compound, for the
  surname features: a hand-written list (``nlp_news/data/surnames.txt``)
  copied into the model at training, so a model keeps the list it learned
  with. A model trained without surname features has none.

Both also feed the gazetteer feature: every substring of up to ``GAZ_MAX``
characters that is an entry, found whatever the segmentation (training type
classes take precedence over jieba's tags).

Lookups are by the position-independent word hash of
:func:`nlp_news.entities.features.word_hashes`, so a whole article's words are
classified with one ``np.searchsorted``.

The hash tables built from the lists are saved beside them
(``lexicon-index.npz``, with the SHA-1 of the lists they were built from), so
loading reads arrays instead of rebuilding the tables at every start-up; when
the lists change and the index does not match, the tables are rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter
from pathlib import Path

import numpy as np

from ..schema import ENTITY_TYPES
from .features import GAZ_MAX, HashFilter, HashIndex, Surnames, prefix_index, string_hashes

LIST_FILES = ("lexicon-jieba.tsv", "lexicon-train.tsv", "lexicon-common.txt")
INDEX_FILE = "lexicon-index.npz"
SURNAME_FILE = "lexicon-surnames.txt"


def read_surnames(path: str | os.PathLike[str] | None = None) -> list[str]:
    """Surnames from a list file (default: the hand-written ``nlp_news/data/surnames.txt``).

    Surnames are separated by whitespace; ``#`` starts a comment line.

    >>> names = read_surnames()
    >>> "王" in names, "欧阳" in names, len(names) > 300
    (True, True, True)
    """
    if path is None:
        path = Path(__file__).resolve().parents[1] / "data" / "surnames.txt"
    text = Path(path).read_text(encoding="utf-8")
    return [w for line in text.split("\n") if not line.lstrip().startswith("#") for w in line.split()]

#: jieba POS tags we read, and the feature class each becomes.
JIEBA_TAGS: dict[str, int] = {"nr": 1, "nrt": 1, "nrfg": 1, "ns": 2, "nt": 3, "nz": 4}
#: Fine types in a fixed order; lexicon class = 1 + index.
TYPES: tuple[str, ...] = tuple(ENTITY_TYPES)

#: What a user-dictionary tag means as an entity type (None: a plain word).
TAG_TO_TYPE: dict[str, str] = {
    **{t: t for t in ENTITY_TYPES},
    "PER": "name",
    "ORG": "organization",
    "LOC": "address",
    "PRODUCT": "product",
    "WORK": "book",
    "TITLE": "position",
    "nr": "name",
    "nrt": "name",
    "nrfg": "name",
    "ns": "address",
    "nt": "organization",
    "nz": "product",
}


def user_tag_type(tag: str | None) -> str | None:
    """The entity type a user-dictionary tag stands for, or None.

    >>> user_tag_type("company"), user_tag_type("ORG"), user_tag_type("nr"), user_tag_type("n"), user_tag_type(None)
    ('company', 'organization', 'name', None, None)
    """
    if tag is None:
        return None
    return TAG_TO_TYPE.get(tag, TAG_TO_TYPE.get(tag.lower()) if tag.lower() in ENTITY_TYPES else None)


def read_jieba_dict(path: str | os.PathLike[str] | None = None, *, min_len: int = 2) -> dict[str, str]:
    """Proper nouns from jieba's ``dict.txt`` (``word freq tag`` lines): word → tag."""
    if path is None:
        import jieba  # training time only

        path = Path(jieba.__file__).parent / "dict.txt"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] in JIEBA_TAGS and len(parts[0]) >= min_len:
                out[parts[0]] = parts[2]
    return out


def read_common_words(path: str | os.PathLike[str] | None = None, *, min_freq: int = 50, max_len: int = 4) -> list[str]:
    """Common words of jieba's ``dict.txt``: frequent (``min_freq``), short, not proper nouns.

    They tell a descriptor (人工智能公司, 监管部门) from a name (深言科技, 中金公司).
    """
    if path is None:
        import jieba  # training time only

        path = Path(jieba.__file__).parent / "dict.txt"
    out: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if (
                len(parts) == 3
                and len(parts[0]) <= max_len
                and parts[1].isdigit()
                and int(parts[1]) >= min_freq
                and parts[2] not in JIEBA_TAGS
                and parts[2] != "eng"
            ):
                out.append(parts[0])
    return sorted(set(out))


class Lexicon:
    """Word → (training type class, jieba tag class) by word hash; plus jieba's common words."""

    def __init__(
        self,
        jieba_words: dict[str, str] | None = None,
        train_words: dict[str, tuple[str, int]] | None = None,
        common_words: Iterable[str] = (),
        surnames: Surnames | None = None,
    ):
        self.surnames = surnames
        self._common_index: HashIndex | None = None
        self._jieba_words: dict[str, str] | None = dict(jieba_words or {})
        self._train_words: dict[str, tuple[str, int]] | None = dict(train_words or {})
        self._folder: Path | None = None
        self.common_words = frozenset(common_words)
        # Built with C-level loops (map, zip, dict): this runs at every start-up.
        jwords = list(self.jieba_words)
        jcls = np.fromiter(map(JIEBA_TAGS.__getitem__, self.jieba_words.values()), dtype=np.int64, count=len(jwords))
        type_class = {t: 1 + i for i, t in enumerate(TYPES)}
        twords = list(self.train_words)
        tcls = np.fromiter(
            map(type_class.__getitem__, map(itemgetter(0), self.train_words.values())), dtype=np.int64, count=len(twords)
        )
        self._j = HashIndex(string_hashes(jwords), jcls)
        self._t = HashIndex(string_hashes(twords), tcls)
        jshort = np.fromiter(map(len, jwords), dtype=np.int64, count=len(jwords)) <= GAZ_MAX
        tshort = np.fromiter(map(len, twords), dtype=np.int64, count=len(twords)) <= GAZ_MAX
        gaz = dict(zip(compress(jwords, jshort), (len(TYPES) + jcls[jshort]).tolist()))
        gaz.update(zip(compress(twords, tshort), tcls[tshort].tolist()))  # training types win
        self.gazetteer = _index(gaz)
        self.gazetteer_prefixes = prefix_index(list(gaz))

    @property
    def common_index(self) -> HashIndex:
        """The common words by word hash (class 1), for the surname features (built on first use)."""
        if self._common_index is None:
            words = sorted(self.common_words)
            self._common_index = HashIndex(string_hashes(words), np.ones(len(words), dtype=np.int64))
        return self._common_index

    @property
    def jieba_words(self) -> dict[str, str]:
        if self._jieba_words is None:  # loaded from the index: read the list only when asked
            self._jieba_words, self._train_words = _read_lists(self._folder)
        return self._jieba_words

    @property
    def train_words(self) -> dict[str, tuple[str, int]]:
        if self._train_words is None:
            self._jieba_words, self._train_words = _read_lists(self._folder)
        return self._train_words

    def index_arrays(self) -> dict[str, np.ndarray]:
        return {**self._j.to_arrays("j_"), **self._t.to_arrays("t_"), **self.gazetteer.to_arrays("g_"),
                **self.gazetteer_prefixes.to_arrays("p_")}

    @classmethod
    def _from_index(cls, arrays: dict[str, np.ndarray], common_words: Iterable[str], folder: Path) -> Lexicon:
        self = cls.__new__(cls)
        self._jieba_words = self._train_words = None
        self._common_index = None
        self.surnames = None
        self._folder = folder
        self.common_words = frozenset(common_words)
        self._j = HashIndex.from_arrays(arrays, "j_")
        self._t = HashIndex.from_arrays(arrays, "t_")
        self.gazetteer = HashIndex.from_arrays(arrays, "g_")
        self.gazetteer_prefixes = HashFilter.from_arrays(arrays, "p_")
        return self

    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Class ids for word hashes: (training type class, jieba tag class), 0 = none."""
        return self._t.get(hashes), self._j.get(hashes)

    def with_train_words(self, train_words: dict[str, tuple[str, int]]) -> Lexicon:
        return Lexicon(self.jieba_words, train_words, self.common_words, self.surnames)

    def save(self, folder: str | os.PathLike[str]) -> None:
        folder = Path(folder)
        jieba_words, train_words = self.jieba_words, self.train_words  # read before any file is rewritten
        with open(folder / "lexicon-jieba.tsv", "w", encoding="utf-8") as f:
            f.writelines(f"{w}\t{jieba_words[w]}\n" for w in sorted(jieba_words))
        with open(folder / "lexicon-train.tsv", "w", encoding="utf-8") as f:
            for w in sorted(train_words):
                t, n = train_words[w]
                f.write(f"{w}\t{t}\t{n}\n")
        with open(folder / "lexicon-common.txt", "w", encoding="utf-8") as f:
            f.writelines(w + "\n" for w in sorted(self.common_words))
        if self.surnames is not None:
            (folder / SURNAME_FILE).write_text(
                "# Chinese surnames (hand-written: nlp_news/data/surnames.txt), as this model was trained with\n"
                + "".join(w + "\n" for w in self.surnames.names),
                encoding="utf-8",
            )
        elif (folder / SURNAME_FILE).exists():
            (folder / SURNAME_FILE).unlink()
        np.savez_compressed(folder / INDEX_FILE, lists_sha1=np.frombuffer(_lists_sha1(folder), dtype=np.uint8), **self.index_arrays())

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> Lexicon:
        """The lexicon in ``folder``: its saved index when it matches the lists, else built from them."""
        folder = Path(folder)
        pc = folder / "lexicon-common.txt"
        common = [w for w in pc.read_text(encoding="utf-8").split("\n") if w] if pc.exists() else []
        ps = folder / SURNAME_FILE
        surnames = Surnames(read_surnames(ps)) if ps.exists() else None
        index = folder / INDEX_FILE
        if index.exists():
            with np.load(index, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
            if arrays.pop("lists_sha1").tobytes() == _lists_sha1(folder):
                self = cls._from_index(arrays, common, folder)
                self.surnames = surnames
                return self
        jw, tw = _read_lists(folder)
        return cls(jw, tw, common, surnames)


def mention_lexicon(examples: Iterable[tuple[str, list[tuple[int, int, str]]]], *, min_len: int = 2) -> dict[str, tuple[str, int]]:
    """Mentions in training examples → (most frequent type, count).

    >>> mention_lexicon([("智谱AI和腾讯", [(0, 4, "company"), (5, 7, "company")]), ("腾讯", [(0, 2, "company")])])
    {'智谱AI': ('company', 1), '腾讯': ('company', 2)}
    """
    counts: dict[str, dict[str, int]] = {}
    for text, ents in examples:
        for s, e, t in ents:
            w = text[s:e]
            if len(w) >= min_len and "\t" not in w and "\n" not in w:
                counts.setdefault(w, {}).setdefault(t, 0)
                counts[w][t] += 1
    out: dict[str, tuple[str, int]] = {}
    for w, c in counts.items():
        t = max(sorted(c), key=c.__getitem__)
        out[w] = (t, sum(c.values()))
    return out


def _read_lists(folder: Path | None) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    jw: dict[str, str] = {}
    tw: dict[str, tuple[str, int]] = {}
    if folder is None:
        return jw, tw
    pj, pt = folder / "lexicon-jieba.tsv", folder / "lexicon-train.tsv"
    if pj.exists():
        cells = _cells(pj, 2)
        jw = dict(zip(cells[0::2], cells[1::2]))
    if pt.exists():
        cells = _cells(pt, 3)
        tw = dict(zip(cells[0::3], zip(cells[1::3], map(int, cells[2::3]))))
    return jw, tw


def _lists_sha1(folder: Path) -> bytes:
    """SHA-1 over the list files (a missing one counts as empty): what an index was built from."""
    h = hashlib.sha1()
    for name in LIST_FILES:
        p = folder / name
        h.update(name.encode() + b"\0" + (p.read_bytes() if p.exists() else b"") + b"\0")
    return h.digest()


def _index(d: dict[str, int]) -> HashIndex:
    return HashIndex(string_hashes(list(d)), np.fromiter(d.values(), dtype=np.int64, count=len(d)))


def _cells(path: Path, columns: int) -> list[str]:
    """The cells of a TSV file, row after row (every row has ``columns`` cells)."""
    rows = path.read_text(encoding="utf-8").split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    cells = "\t".join(rows).split("\t")
    if len(cells) != columns * len(rows):
        raise ValueError(f"{path}: every line must have {columns} tab-separated cells; rebuild it with `nlp-news train ner`")
    return cells
