"""Regular expressions written the way Python's regex engine runs them quickly, with the same matches.

Word lists as tries (:func:`alternation`). An alternation of words (``营收|营业收入|…``)
makes the engine test every word in turn at each position it tries, a hundred and more for
the lexicons of this package. Written as a trie (``营(?:业(?:收入|总收入|额)|收)``) it tests
one alternative per first character, then only the words that share it. The matches are the
same as those of the alternation sorted longest first: the words that can match at a position
are prefixes of one another along the text, and the trie tries the longer one first (a word
that ends where others go on is followed by an empty alternative), also when what follows in
the pattern fails and the engine backtracks to a shorter word.

Optional groups as alternatives with an empty one (:func:`optional_groups_as_branches`):
``(?:X)?`` and ``(?P<n>X)?`` run as a repeat, which allocates a counter and saves the groups
matched so far (~0.1 us each, most of a match of :data:`~nlp_news.numeric.dates.DATE_RE`
with its sixty groups); ``(?:X|)`` tries ``X`` and then nothing, as a greedy ``?`` does, and
costs a branch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # the key that marks the end of a word in a node


def alternation(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, the longest first, as a trie.

    >>> alternation(["年", "个月", "月"])
    '个月|[年月]'
    >>> alternation(["平方米", "平方公里", "平米", "米", "方"])
    '平(?:方(?:公里|米)|米)|[方米]'
    >>> alternation(["营收", "营业收入", "营业额", "营业"])
    '营(?:业(?:收入|额|)|收)'
    >>> re.match(alternation(["m", "mAh", "mL"]) + "(?![A-Za-z])", "mLx") is None
    True
    """
    root: _Node = {}
    for w in words:
        if not w:
            continue
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[_END] = {}
    return _branches(root)


def _branches(node: _Node) -> str:
    """The alternatives below ``node``: one per next character; the one-character ends are one class."""
    longer: list[str] = []
    ends: list[str] = []
    for c in sorted(k for k in node if k != _END):
        child = node[c]
        if list(child) == [_END]:
            ends.append(re.escape(c))
            continue
        rest = _branches(child)
        if _END in child:
            longer.append(f"{re.escape(c)}(?:{rest}|)")  # the longer words first, then the word that ends here
        elif "|" in rest:
            longer.append(f"{re.escape(c)}(?:{rest})")
        else:
            longer.append(re.escape(c) + rest)
    if len(ends) > 1:
        longer.append("[" + "".join(ends) + "]")
    elif ends:
        longer.append(ends[0])
    return "|".join(longer)


def optional_groups_as_branches(pattern: str) -> str:
    """``pattern`` with each greedy optional group ``(...)?`` written as a branch with an empty
    alternative (see the module doc): ``(?:X)?`` becomes ``(?:X|)``, ``(?P<n>X)?`` becomes
    ``(?:(?P<n>X)|)``. Lazy (``??``) and possessive (``?+``) ones, lookarounds, and a ``?``
    after a character or a class stay as they are. The pattern must hold no verbose-mode
    comment (``#``): the text of one is not read as a comment here.

    >>> optional_groups_as_branches(r"(?P<y>\\d{4})?年(?:(?P<m>\\d+)月)?[(?]?(?:x)??")
    '(?:(?P<y>\\\\d{4})|)年(?:(?P<m>\\\\d+)月|)[(?]?(?:x)??'
    >>> optional_groups_as_branches(r"\\(a\\)?(b|c)?(?=d)?")
    '\\\\(a\\\\)?(?:(b|c)|)(?=d)?'
    """
    opens: dict[int, int] = {}  # the index of a group's ")" -> the index of its "("
    stack: list[int] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: the parentheses in it are characters
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            stack.append(i)
        elif c == ")":
            opens[i] = stack.pop()
        i += 1
    insert: dict[int, str] = {}
    replace: dict[int, str] = {}
    for close, open_ in opens.items():
        if pattern[close + 1 : close + 2] != "?" or pattern[close + 2 : close + 3] in ("?", "+"):
            continue
        head = pattern[open_ : open_ + 3]
        if head == "(?:":
            replace[close] = "|)"
            replace[close + 1] = ""
        elif head[:2] != "(?" or head == "(?P":
            insert[open_] = "(?:"
            replace[close + 1] = "|)"
        # lookarounds, conditionals and inline flags stay as they are
    return "".join(insert.get(k, "") + replace.get(k, c) for k, c in enumerate(pattern))


def first_digit_class() -> str:
    r"""The body of a class for the *first* character of a pattern that starts with ``\d``, to
    be checked again by a lookbehind ``(?<=\d)`` after it: every decimal digit of the Basic
    Multilingual Plane as ranges, and every character past it.

    The regex engine's fast scan for a pattern's first character tests each character of the
    text against the class; ``\d`` there is a Unicode category looked up per character (two
    thirds of the scan, which runs over the whole text), ranges cost a table lookup. The astral
    characters in the class (which UCS-2 text has none of) let the lookbehind decide them, so
    the pattern matches exactly where it did with ``\d``.

    >>> cls = re.compile(f"[{first_digit_class()}]")
    >>> all(bool(cls.match(c)) == c.isdecimal() for c in map(chr, range(0x10000)))
    True
    >>> bool(cls.match("\U0001d7ce")), bool(cls.match("\U00020000"))  # 𝟎 (a digit) and 𠀀 (none): the lookbehind decides
    (True, True)
    """
    return _FIRST_DIGIT_CLASS


def _ranges(codes: list[int]) -> str:
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = chr(codes[i]), chr(codes[j])
        out.append(re.escape(a) if i == j else f"{re.escape(a)}-{re.escape(b)}")
        i = j + 1
    return "".join(out)


_FIRST_DIGIT_CLASS = _ranges([i for i in range(0x10000) if chr(i).isdecimal()]) + "\U00010000-\U0010ffff"
