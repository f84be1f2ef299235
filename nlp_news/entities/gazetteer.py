"""Dictionary matching: the user's typed entries and the shipped known entities.

Both find their names in a text with one regex, tolerant of spacing between Chinese and
Latin script (``智谱AI`` matches ``智谱 AI``), and give candidates (:class:`~.patterns.Candidate`):

- :class:`UserDictionary`: the user's entries with an entity type, any Latin case,
  score 1.0, source ``user_dict``; they win over everything (see :mod:`.recognizer`).
- :class:`KnownEntities`: ``nlp_news/data/known-entities.tsv``, a hand-written list of
  names that news uses every day and that the shipped lexicons miss or mistype (they
  predate 字节跳动 and 宁德时代; jieba tags 比亚迪 as a person). Latin case as written,
  source ``known``. Each entry has a canonical name and other names (港交所 → 香港交易所),
  which alias merging uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..schema import ENTITY_TYPES
from ..tokenizer import UserWord
from .aliases import alias_key, fold_name
from .features import codepoints, is_space
from .lexicon import user_tag_type
from .patterns import Candidate

KNOWN_SOURCE = "known"
KNOWN_PATH = Path(__file__).resolve().parents[1] / "data" / "known-entities.tsv"


def _word_atoms(word: str) -> list[str]:
    r"""A dictionary word as regex pieces, one per character, tolerant of spacing between scripts.

    A Latin letter or digit that starts the word must not follow another (checked after it, so
    that the regex can still skip ahead by its first character); one that ends it must not be
    followed by another.

    >>> _word_atoms("智谱AI")
    ['智', '谱', '\\s?A', 'I(?![A-Za-z0-9])']
    """
    compact = [ch for ch in word if not ch.isspace()]
    out = []
    for i, ch in enumerate(compact):
        atom = re.escape(ch)
        if i:
            prev = compact[i - 1]
            if (prev.isascii() != ch.isascii()) or (prev.isascii() and ch.isascii() and prev.isalnum() and ch.isalnum() and _had_space(word, i)):
                atom = r"\s?" + atom
        out.append(atom)
    if compact and compact[0].isascii() and compact[0].isalnum():
        out[0] += rf"(?<![A-Za-z0-9]{out[0]})"
    if compact and compact[-1].isascii() and compact[-1].isalnum():
        out[-1] += r"(?![A-Za-z0-9])"
    return out


def _word_pattern(word: str) -> str:
    """A regex for a dictionary word tolerant of spacing between scripts (and, with ``re.I``, Latin case).

    >>> bool(re.fullmatch(_word_pattern("智谱AI"), "智谱 ai", re.I)), bool(re.fullmatch(_word_pattern("Open AI"), "OpenAI", re.I))
    (True, True)
    >>> [m.group() for m in re.finditer(_word_pattern("Open AI"), "OpenAI, reopenai, OpenAIs")]
    ['OpenAI']
    """
    return "".join(_word_atoms(word))


def _had_space(word: str, i: int) -> bool:
    # was there a space before the i-th non-space character of word?
    k = -1
    for j, ch in enumerate(word):
        if not ch.isspace():
            k += 1
            if k == i:
                return j > 0 and word[j - 1].isspace()
    return False


class _Gazetteer:
    """Surface forms with an entity type as one trie regex; :meth:`find` gives their candidates."""

    source = ""

    def __init__(self, types: dict[str, str], flags: int = 0) -> None:
        self._types = {_fold(form): t for form, t in types.items()}  # folded form -> type
        self._re = _forms_regex(types, flags)
        self._pairs = _pair_codes(types) if self._re is not None and not flags else None
        if self._pairs is not None:  # the forms' first characters, as a table by code point (its last entry False)
            first = self._pairs >> 21
            self._firsts = np.zeros(int(first.max()) + 2, dtype=bool)
            self._firsts[first] = True

    def find(self, text: str) -> list[Candidate]:
        """Every match in ``text``, scored 1.0 with the class's source (the longest form where forms overlap)."""
        if self._re is None:
            return []
        get, source = self._types.get, self.source
        out = []
        for m in self._re.finditer(text):
            t = get(_fold(m.group()))
            if t:
                out.append(Candidate(m.start(), m.end(), t, 1.0, source))
        return out

    def find_many(self, texts: Sequence[str]) -> list[list[Candidate]]:
        """``[self.find(text) for text in texts]``, trying the regex only where a form can start.

        A form starts with its first two characters, or with its first character and
        whitespace where the regex lets a space come between them (:func:`_pair_codes`);
        the places of those pairs are found for all texts at once in numpy, and the regex is
        matched there only, leftmost first and each match's end onwards, as ``finditer``
        would find them. Searching every place of the text was the regex engine's largest
        cost in the entity stage (104 M instructions of 1,830 M for 200 articles of cnews-800);
        about one place in 200 holds such a pair.
        """
        if self._pairs is None or not texts:
            return [self.find(text) for text in texts]
        joined = "\x00".join(texts)  # U+0000 is no form's character nor whitespace
        cp = codepoints(joined)
        firsts = self._firsts
        at = np.flatnonzero(firsts[np.minimum(cp[:-1], len(firsts) - 1)])  # a form's first character
        nxt = cp[at + 1]
        pairs = (cp[at] << 21) | np.where(is_space(nxt), _ANY_SPACE, nxt)
        k = np.minimum(np.searchsorted(self._pairs, pairs), len(self._pairs) - 1)
        hit = at[self._pairs[k] == pairs]
        starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        cut = np.searchsorted(hit, starts).tolist() + [len(hit)]
        rel = (hit - np.repeat(starts, np.diff(cut))).tolist()
        return [self._find_at(text, rel[cut[i] : cut[i + 1]]) for i, text in enumerate(texts)]

    def shorter(self, text: str, start: int, end: int) -> list[Candidate]:
        r"""The forms that start at ``start`` and end before ``end``, longest first: what the
        regex's longest match at ``start`` hides (零跑 inside 零跑汽车 of 零跑汽车销量, where the
        dictionary cuts 零跑 | 汽车销量 and the longest name ends inside a word).

        >>> ke = KnownEntities(parse_known(["零跑汽车\tcompany\t零跑"]))
        >>> [(c.start, c.end) for c in ke.shorter("零跑汽车销量", 0, 4)]
        [(0, 2)]
        """
        get, source = self._types.get, self.source
        out = []
        for e in range(end - 1, start + 1, -1):
            t = get(_fold(text[start:e]))
            if t:
                out.append(Candidate(start, e, t, 1.0, source))
        return out

    def _find_at(self, text: str, places: list[int]) -> list[Candidate]:
        """:meth:`find`, the regex tried at ``places`` (increasing) only: the only places where it can match."""
        get, source, match = self._types.get, self.source, self._re.match
        out = []
        pos = 0  # where finditer would search next
        for p in places:
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                t = get(_fold(m.group()))
                if t:
                    out.append(Candidate(m.start(), m.end(), t, 1.0, source))
                pos = m.end()
        return out


class UserDictionary(_Gazetteer):
    """Typed user-dictionary entries, any Latin case; ``find(text)`` gives candidates.

    >>> ud = UserDictionary([UserWord("智谱AI", None, "company"), UserWord("海螺 AI", None, "product"), UserWord("大模型", None, "n")])
    >>> [(c.start, c.end, c.type) for c in ud.find("智谱 AI 推出海螺AI")]
    [(0, 5, 'company'), (8, 12, 'product')]
    """

    source = "user_dict"

    def __init__(self, words: Iterable[UserWord]) -> None:
        forms: dict[str, tuple[str, str]] = {}  # folded form -> (form, type); a later entry wins
        for w in words:
            t = user_tag_type(w.tag)
            if t is not None:
                forms[_fold(w.word)] = (w.word, t)
        super().__init__(dict(forms.values()), re.IGNORECASE)


def _fold(s: str) -> str:
    return "".join(s.split()).casefold()


def _forms_regex(forms: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """One regex for all ``forms``: a trie, so it tries only the forms that start with the
    character at hand, and the longest form first (美国商务部 before 商务部).

    >>> rx = _forms_regex(["商务部", "美国商务部", "美国", "OpenAI"])
    >>> [m.group() for m in rx.finditer("美国商务部与商务部、美国和OpenAI")]
    ['美国商务部', '商务部', '美国', 'OpenAI']
    """
    forms = set(forms)
    compact = ["".join(f.split()) for f in forms]
    compact += [c.casefold() for c in compact]
    trie: dict = {}
    for form in forms:
        node = trie
        for atom in _word_atoms(form):
            node = node.setdefault(atom, {})
        node[""] = {}  # a form ends here
    if not trie:
        return None
    pattern = _trie_pattern(trie)
    if all(len(c) >= 2 for c in compact):
        # most places where a form's first character stands are not followed by a second one
        # (中, 国, 美 are everywhere): one look at both characters skips them (-40% time)
        firsts = {c[0] for c in compact}
        seconds = {c[1] for c in compact}
        pattern = f"(?=[{_class(firsts)}][\\s{_class(seconds)}])" + pattern
    return re.compile(pattern, flags)


#: The code of "any whitespace" as the second character of a pair (past every code point).
_ANY_SPACE = 0x110000


def _pair_codes(forms: Iterable[str]) -> np.ndarray | None:
    """The sorted codes ``first << 21 | second`` of how the forms can start in a text: their first
    two characters (spaces removed), and their first with :data:`_ANY_SPACE` where their regex
    (:func:`_word_atoms`) lets whitespace come before the second; None when a form has fewer
    than two characters (it can start anywhere its first character stands).

    >>> [(c >> 21, c & 0x1FFFFF) for c in _pair_codes(["智谱AI", "A股"]).tolist()]
    [(65, 32929), (65, 1114112), (26234, 35889)]
    """
    codes = set()
    for form in forms:
        compact = [ch for ch in form if not ch.isspace()]
        if len(compact) < 2:
            return None
        first = ord(compact[0]) << 21
        codes.add(first | ord(compact[1]))
        if _word_atoms(form)[1].startswith("\\s?"):
            codes.add(first | _ANY_SPACE)
    return np.array(sorted(codes), dtype=np.int64)


def _class(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [atom + _trie_pattern(child) for atom, child in sorted(node.items(), key=lambda kv: kv[0]) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a shorter form ends here: the longer ones are tried first
        return "(?:" + body + ")?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


@dataclass(frozen=True)
class KnownEntry:
    """One line of the known-entities list: a canonical name, its type, its other names."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()


def parse_known(lines: Iterable[str], *, source: str = "<known entities>") -> list[KnownEntry]:
    r"""Entries of a known-entities list (``name<TAB>type[<TAB>alias|alias…]``, ``#`` comments).

    >>> parse_known(["# a comment", "", "香港交易所\tcompany\t港交所|联交所", "国务院\tgovernment"])
    [KnownEntry(name='香港交易所', type='company', aliases=('港交所', '联交所')), KnownEntry(name='国务院', type='government', aliases=())]
    >>> parse_known(["港交所\tbourse"])
    Traceback (most recent call last):
    ...
    ValueError: <known entities> line 1: unknown type 'bourse' (one of name, company, organization, ...)
    """
    out = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or not fields[0].strip():
            raise ValueError(f"{source} line {n}: expected name<TAB>type[<TAB>aliases], got {line!r}")
        if fields[1] not in ENTITY_TYPES:
            raise ValueError(f"{source} line {n}: unknown type {fields[1]!r} (one of {', '.join(list(ENTITY_TYPES)[:3])}, ...)")
        aliases = tuple(a.strip() for a in fields[2].split("|") if a.strip()) if len(fields) == 3 else ()
        out.append(KnownEntry(fields[0].strip(), fields[1], aliases))
    return out


class KnownEntities(_Gazetteer):
    r"""Find known names in texts (Latin case as written, word boundaries unchecked);
    ``by_key`` maps the alias key of every name to its entry.

    A key that is a name without a generic word (港交所) is ``strong``; one left when a generic
    word is cut off (火箭 of 火箭队, 美的 of 美的集团) is weak: a mention with that key is
    the entry's only in an article that names the entry as listed (see
    :func:`~.aliases.merge_aliases`), for 火箭 and 美的 are also common words. ``by_form``
    maps each name as listed (spaces removed, case folded) to its entry.

    >>> known = KnownEntities(parse_known(["香港交易所\tcompany\t港交所", "商务部\tgovernment", "美国商务部\tgovernment",
    ...                                    "休斯顿火箭队\torganization\t火箭队"]))
    >>> [(c.start, c.end, c.type) for c in known.find("港交所和美国商务部")]
    [(0, 3, 'company'), (4, 9, 'government')]
    >>> known.by_key["港交所"].name, "港交所" in known.strong_keys, known.by_key["火箭"].name, "火箭" in known.strong_keys
    ('香港交易所', True, '休斯顿火箭队', False)
    """

    source = KNOWN_SOURCE

    def __init__(self, entries: Iterable[KnownEntry]) -> None:
        self.entries = tuple(entries)
        self.by_key: dict[str, KnownEntry] = {}
        self.by_form: dict[str, KnownEntry] = {}
        self.strong_keys: set[str] = set()
        types: dict[str, str] = {}
        for e in self.entries:
            for form in (e.name, *e.aliases):
                key = alias_key(form)
                self.by_key.setdefault(key, e)
                folded = fold_name(form)
                self.by_form.setdefault(folded, e)
                if key == folded:
                    self.strong_keys.add(key)
                types.setdefault(form, e.type)
        super().__init__(types)

    def __len__(self) -> int:
        return len(self.entries)


@lru_cache(maxsize=4)
def load_known(path: str | None = None) -> KnownEntities:
    """The known entities of ``path`` (default: the list shipped with nlp-news), cached."""
    p = Path(path) if path else KNOWN_PATH
    with open(p, encoding="utf-8") as f:
        return KnownEntities(parse_known(f, source=str(p)))
