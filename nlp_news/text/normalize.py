"""Normalising text with a map back to the original.

The pipeline reads a *normalised view* of the user's text: full-width Latin
letters, digits and symbols become ASCII (``３０５０`` → ``3050``), U+3000 and
other odd spaces become plain spaces, zero-width characters go, ``\\r\\n`` and
other line separators become ``\\n``, and Traditional Chinese is read through a
Simplified view (OpenCC's tables). :class:`Normalized` remembers, for every
character of the view, which character of the original it came from, so every
offset nlp-news reports points into the text the user gave.

The standard Chinese punctuation marks ``，：；！？（）`` are full-width forms too,
but they are the normal form in Chinese copy, the training corpora use them, and
the stages rely on them; they are kept as they are.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

#: Full-width forms that are the normal form in Chinese text; kept.
KEEP_FULLWIDTH = frozenset("，：；！？（）")

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_LINE_BREAKS = "\x85\u2028\u2029"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch not in KEEP_FULLWIDTH:
            table[cp] = chr(cp - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _LINE_BREAKS:
        table[ord(ch)] = "\n"
    table[0xFFE5] = "¥"  # full-width yen/yuan sign
    table[0xFFE0] = "¢"
    table[0xFFE1] = "£"
    table[0xFFE6] = "₩"
    return table


_TABLE = _build_table()
_NEEDS_WIDTH = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]+")


def _narrow(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)

# (a class alone is searched for faster than an alternation: 5 instead of 9 ms over cnews-800)
_DROP_CHAR = re.compile("[" + _DROP + "]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised view of ``original``.

    ``offsets[i]`` is the index in ``original`` of view character ``i``;
    ``offsets`` is None when the view has the same length as the original and
    maps one to one.
    """

    text: str
    original: str
    offsets: array | None = None
    script: str = "simplified"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view to the original text.

        >>> n = normalize("营收\\r\\n３０５０万")
        >>> n.text
        '营收\\n3050万'
        >>> s, e = n.to_original(3, 8); n.original[s:e]
        '３０５０万'
        """
        if self.offsets is None:
            return start, end
        if end <= start:
            o = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str, *, script: str | None = None) -> Normalized:
    """Normalise ``text`` for analysis; see the module docstring.

    ``script`` forces ``"simplified"`` or ``"traditional"``; by default it is
    detected (:func:`detect_script`).

    >>> normalize("ＡＩ公司　营收增长２３．３％").text
    'AI公司 营收增长23.3%'
    >>> n = normalize("公司營收達到３億港元")
    >>> n.script, n.text
    ('traditional', '公司营收达到3亿港元')
    """
    view = text
    offsets: array | None = None
    if "\r\n" in view or _DROP_CHAR.search(view):
        chars: list[str] = []
        offs = array("l")
        i, n = 0, len(view)
        while i < n:
            ch = view[i]
            if ch == "\r" and i + 1 < n and view[i + 1] == "\n":
                i += 1  # keep the \n, mapped to itself
                continue
            if ch in _DROP:
                i += 1
                continue
            chars.append(ch)
            offs.append(i)
            i += 1
        view = "".join(chars)
        offsets = offs
    if "\r" in view:
        view = view.replace("\r", "\n")  # a lone CR is a line break; same length
    if _NEEDS_WIDTH.search(view):
        # only the runs to change go through the table: str.translate looks every character up
        view = _NEEDS_WIDTH.sub(_narrow, view)
    detected = script or detect_script(view)
    if detected == "traditional":
        view = to_simplified(view)
    return Normalized(view, text, offsets, detected)


@lru_cache(maxsize=1)
def _ts_tables() -> tuple[dict[int, str], frozenset[str]]:
    """OpenCC's Traditional→Simplified character table (one to one)."""
    from importlib import resources

    path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    trad_only: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1:
            continue
        src, targets = parts[0], parts[1].split()
        if not targets or len(targets[0]) != 1 or targets[0] == src:
            continue
        table[ord(src)] = targets[0]
        if src not in targets:
            trad_only.add(src)
    return table, frozenset(trad_only)


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _trad_only_mask() -> np.ndarray:
    """Per code point, whether it is a Traditional-only character; one False past the last."""
    _, trad_only = _ts_tables()
    mask = np.zeros(max(map(ord, trad_only), default=0) + 2, dtype=bool)
    mask[[ord(c) for c in trad_only]] = True
    return mask


def _count_trad_only(text: str) -> int:
    """How many characters of ``text`` are Traditional-only (one array look-up, not one set
    look-up per character).

    >>> _count_trad_only("公司營收按年增長"), _count_trad_only("公司营收同比增长")
    (2, 0)
    """
    mask = _trad_only_mask()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return int(np.count_nonzero(mask[np.minimum(codes, len(mask) - 1)]))


def detect_script(text: str) -> str:
    """``"traditional"`` when the Han characters are mostly in traditional forms.

    >>> detect_script("香港交易所今日公布，公司營收按年增長三成。")
    'traditional'
    >>> detect_script("香港交易所今日公布，公司营收同比增长三成。")
    'simplified'
    """
    sample = text[:5000]
    # traditional-only characters are rare in simplified text: count them first, and count
    # the Han characters only when there are some
    trad = _count_trad_only(sample)
    if trad < 2:
        return "simplified"
    han = len(_HAN.findall(sample))
    return "traditional" if han and trad / han >= 0.04 else "simplified"


@lru_cache(maxsize=1)
def _opencc():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with the same length (phrases where lengths agree).

    >>> to_simplified("營收達到三億港元")
    '营收达到三亿港元'
    """
    converted = _opencc().convert(text)
    if len(converted) == len(text):
        return converted
    table, _ = _ts_tables()
    return text.translate(table)
