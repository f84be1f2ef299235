"""spaCy's lexical attributes for Chinese, with the same answers, cheaper on new words.

spaCy computes about twenty attributes (``lower``, ``shape``, ``like_url``,
``is_punct`` …) for every word type it has not seen before, by calling one
Python function per attribute. Cold news text is mostly new types: 800 articles
bring about 39,000.

:func:`fast_getters` replaces some of spaCy's functions (found by identity) with
equivalents, and keeps the others (they return at the first character already):

- the ones that only call a ``str`` method become that method (``str.isalpha``
  instead of ``lambda s: s.isalpha()``), the tuple lookups a frozenset lookup;
- ``shape``, ``like_url`` and ``like_num`` answer words of letters, or without a
  dot, before their character loops (most new words are CJK ideographs).

``tests/test_tokenizer.py`` checks every replacement against spaCy's function on
every character of the Basic Multilingual Plane and on random words.

The Analyzer's stages read none of these attributes, so its tokenizer makes new
lexemes without them (:func:`lean_getters`) and :func:`complete_lexemes` adds them
to a Doc before a user gets it (``Analysis.doc``, ``nlp(text)``): a flag
(:func:`complete`) tells the lexemes that have them from the ones that don't.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from spacy import attrs
from spacy.lang import lex_attrs as spacy_attrs
from spacy.lang.zh import lex_attrs as spacy_zh_attrs

#: Runs of CJK ideographs (U+4E00..U+9FFF): letters without case, so their shape is x's.
_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]+")


_ZH_DIGITS = "一二三四五六七八九壹贰叁肆伍陆柒捌玖"
_ZH_NUMBER = re.compile(f"^(?:[{_ZH_DIGITS}][十百千万亿兆拾佰仟])+[{_ZH_DIGITS}]?$")
_ZH_SINGLE = frozenset(
    "〇 一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 廿 卅 卌 皕 零 "
    "壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 拾壹 拾贰 拾叁 拾肆 拾伍 拾陆 拾柒 拾捌 拾玖".split()
)


def like_num(text: str) -> bool:
    """spaCy's Chinese ``like_num``, with its pattern compiled once instead of on every call.

    >>> like_num("3,050"), like_num("三千零五十"), like_num("三千五"), like_num("十二"), like_num("营收")
    (True, False, True, True, False)
    """
    if text.isalpha():  # letters only: no sign, separator, digit or slash to look at
        return text in _ZH_SINGLE or _ZH_NUMBER.match(text) is not None
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "").replace("，", "").replace("。", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text in _ZH_SINGLE or _ZH_NUMBER.match(text) is not None


def word_shape(text: str) -> str:
    """spaCy's ``word_shape``; ideographs are lower-case letters to it.

    >>> word_shape("人工智能公司"), word_shape("MiniMax"), word_shape("3050")
    ('xxxx', 'XxxxXxx', 'dddd')
    """
    if len(text) < 100 and _IDEOGRAPHS.fullmatch(text):
        return "xxxx"[: len(text)]
    return spacy_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """spaCy's ``like_url``; without a dot only ``http://`` and ``https://`` can make a URL.

    >>> like_url("营收"), like_url("http://x"), like_url("example.com"), like_url("www.")
    (False, True, True, False)
    """
    if "." not in text:
        return text.startswith(("http://", "https://"))
    return spacy_attrs.like_url(text)


def fast_getters(getters: Mapping[int, Callable]) -> dict[int, Callable]:
    """``getters`` (a vocabulary's ``lex_attr_getters``) with spaCy's functions swapped
    for the equivalents of this module; every other function is kept.

    >>> import spacy
    >>> fast = fast_getters(spacy.blank("zh").vocab.lex_attr_getters)
    >>> fast[attrs.SHAPE] is word_shape, fast[attrs.IS_ALPHA] is str.isalpha
    (True, True)
    """
    plain = {
        spacy_attrs.lower: str.lower,
        spacy_attrs.is_alpha: str.isalpha,
        spacy_attrs.is_digit: str.isdigit,
        spacy_attrs.is_lower: str.islower,
        spacy_attrs.is_space: str.isspace,
        spacy_attrs.is_title: str.istitle,
        spacy_attrs.is_upper: str.isupper,
        spacy_attrs.is_ascii: str.isascii,
        spacy_attrs.word_shape: word_shape,
        spacy_zh_attrs.like_num: like_num,
        spacy_attrs.like_url: like_url,
        spacy_attrs.is_bracket: frozenset(("(", ")", "[", "]", "{", "}", "<", ">")).__contains__,
        spacy_attrs.is_quote: frozenset(
            ('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``")
        ).__contains__,
        spacy_attrs.is_left_punct: frozenset(
            ("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``")
        ).__contains__,
        spacy_attrs.is_right_punct: frozenset(
            (")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''")
        ).__contains__,
    }
    out: dict[int, Callable] = {}
    for attr, func in getters.items():
        fast = plain.get(func) if _hashable(func) else None
        out[attr] = func if fast is None else fast
    return out


def _hashable(func: object) -> bool:
    try:
        hash(func)
    except TypeError:
        return False
    return True


#: The attributes whose functions :func:`fast_getters` may replace (for the tests).
REPLACED = (
    attrs.LOWER, attrs.IS_ALPHA, attrs.IS_DIGIT, attrs.IS_LOWER, attrs.IS_SPACE, attrs.IS_TITLE, attrs.IS_UPPER,
    attrs.IS_ASCII, attrs.SHAPE, attrs.LIKE_NUM, attrs.LIKE_URL, attrs.IS_BRACKET, attrs.IS_QUOTE, attrs.IS_LEFT_PUNCT, attrs.IS_RIGHT_PUNCT,
)


# --------------------------------------------------------------------------- attributes on demand


def complete(word: str) -> bool:
    """The getter of the flag that says a lexeme has all its lexical attributes (always true:
    spaCy calls it when it makes a lexeme with every getter; :func:`lean_getters` leaves it out)."""
    return True


def add_complete_flag(vocab) -> int:
    """The id of ``vocab``'s :func:`complete` flag, added if it has none."""
    for attr, func in vocab.lex_attr_getters.items():
        if func is complete:
            return attr
    return vocab.add_flag(complete)


def lean_getters(getters: Mapping[int, Callable], deferred: Collection[int]) -> dict[int, Callable]:
    """``getters`` without the ``deferred`` attributes (and without the :func:`complete` flag):
    the getters of lexemes that get the deferred attributes later, from :func:`complete_lexemes`.

    Most of the cost of a word type spaCy has not seen is its twenty-odd attribute getters
    (``shape``, ``like_num``, ``is_stop`` …), and the pipeline's stages read none of them
    (they read the words' hashes, offsets and their own flags). Leaving them out of the
    lexemes the Analyzer makes saved 1,735 of 4,574 M instructions of normalising and
    tokenising cnews-800 on a fresh vocabulary (callgrind).

    >>> from spacy import attrs
    >>> sorted(lean_getters({attrs.SHAPE: word_shape, 62: complete, 63: str.isalpha}, {attrs.SHAPE}))
    [63]
    """
    return {attr: func for attr, func in getters.items() if attr not in deferred and func is not complete}


def complete_lexemes(doc):
    """Give every lexeme of ``doc`` that was made with :func:`lean_getters` the attributes it
    was made without, so its tokens answer ``like_num``, ``shape_``, ``is_stop`` … as spaCy
    would have. Lexemes are shared: every Doc holding them gets the answers. Returns ``doc``."""
    vocab = doc.vocab
    getters = vocab.lex_attr_getters
    flag = next((attr for attr, func in getters.items() if func is complete), None)
    if flag is None or not len(doc):
        return doc
    arr = doc.to_array([flag, attrs.ORTH])
    for orth in set(arr[arr[:, 0] == 0, 1].tolist()):
        _fill(vocab[orth], getters)
    return doc


_ATTR_NAMES = {i: name for name, i in attrs.IDS.items()}  # (attrs.NAMES is not indexed by id past 63)


def _fill(lex, getters: Mapping[int, Callable]) -> None:
    """Set every attribute of ``getters`` on ``lex`` as spaCy sets them on a new lexeme."""
    word = lex.orth_
    for attr, func in getters.items():
        value = func(word)
        if value is None:
            continue
        if attr < 64:  # a flag (spaCy's boolean attributes are flags too)
            lex.set_flag(attr, bool(value))
        else:
            lex.set_attrs(**{_ATTR_NAMES[attr]: value})
