"""Number ranges and comparisons: 大于10小于20, 位于20和30之间, 五百多, 1000以上.

:func:`find_ranges` gives ``(start, end, low, high)`` with ``None`` for an open side;
the schema has no open/closed ends (大于 and 大于等于 give the same end point). The
facts scanner expresses the same bounds as ``qualifier`` (over / under) and ranges as
``{"low", "high"}``; this function reads the comparison phrasing that questions and
reports use.

>>> find_ranges("x大于10小于20,y不大于50不小于20")
[(1, 9, 10.0, 20.0), (11, 21, 20.0, 50.0)]
>>> find_ranges("这一批产品大概有五百多个"), find_ranges("数字在1000以上, 1500以下")
([(8, 11, 500.0, None)], [(3, 17, 1000.0, 1500.0)])
"""

from __future__ import annotations

import re

from .numbers import _NUM, find_numbers
from .numerals import fold

_GT = r"大于\s*(?:或者|或)?\s*等于|不小于|不少于|不低于|至少是|至少有|至少为|至少|最少|超过了|超过|高于|多于|大于|过|≥|>\s?=|>"
_LT = r"小于\s*(?:或者|或)?\s*等于|不大于|不多于|不超过|不高于|最多为|最多是|最多有|最多|低于|少于|小于|≤|<\s?=|<"
_V = rf"(?:百\s*分\s*之\s*{_NUM}|{_NUM}\s*分\s*之\s*{_NUM}|-?\d+/\d+|{_NUM})"
_JOIN = r"\s*(?:并且|而且|的同时|同时|且|并|,)?\s*"
_RANGE_RE = re.compile(
    rf"""
     (?P<b1>{_GT}|{_LT})\s*(?P<v1>{_V})(?:{_JOIN}(?P<b2>{_GT}|{_LT})\s*(?P<v2>{_V}))?
    |比\s*(?P<cv>{_V})\s*(?P<cw>大|小|低|高)
    |(?:位于|在)?\s*第?(?P<a>{_V})\s*(?:和|与)\s*第?(?P<b>{_V})\s*之?间
    |(?P<f>{_V})\s*(?:到|至|~|-|–|—)\s*(?P<t>{_V})
    |(?P<lo>{_V})\s*(?:次|个|人|岁|元|名|件|家)?\s*(?:或者以上|或以上|以上|或者更多|或更多)
    |(?P<up>{_V})\s*(?:或者以下|以下|之下)
    |等于\s*(?P<eq>{_V})
    |(?P<more>{_NUM})(?P<moresuf>\s*[多余几])?
    """,
    re.X,
)


def _value(s: str) -> float | None:
    nums = find_numbers(s)
    if len(nums) != 1:
        return None
    return nums[0][3]


def _side(word: str) -> str:
    return "gt" if re.fullmatch(_GT, word) else "lt"


def find_ranges(text: str) -> list[tuple[int, int, float | None, float | None]]:
    """Ranges and one-sided bounds in ``text``: ``(start, end, low, high)``."""
    f = fold(text)
    out: list[tuple[int, int, float | None, float | None]] = []
    pos = 0
    while True:
        m = _RANGE_RE.search(f, pos)
        if not m:
            break
        pos = m.end() if m.end() > m.start() else m.start() + 1
        g = m.groupdict()
        s, e = m.start(), m.end()
        if g["b1"]:
            v1 = _value(g["v1"])
            if v1 is None:
                continue
            k1 = _side(g["b1"])
            if g["b2"]:
                v2 = _value(g["v2"])
                k2 = _side(g["b2"])
                if v2 is not None and k1 != k2:
                    lo, hi = (v1, v2) if k1 == "gt" else (v2, v1)
                    if lo <= hi:
                        out.append((s, e, lo, hi))
                        continue
                # incompatible: the first bound alone, read the second next time
                e = m.end("v1")
                pos = m.start("b2")
            out.append((s, e, v1, None) if k1 == "gt" else (s, e, None, v1))
        elif g["cv"]:
            v = _value(g["cv"])
            if v is not None:
                out.append((s, e, v, None) if g["cw"] in "大高" else (s, e, None, v))
        elif g["a"]:
            a, b = _value(g["a"]), _value(g["b"])
            if a is not None and b is not None:
                out.append((s, e, a, b))
        elif g["f"]:
            a, b = _value(g["f"]), _value(g["t"])
            if a is not None and b is not None and a < b:
                out.append((s, e, a, b))
        elif g["lo"]:
            a = _value(g["lo"])
            if a is not None:
                out.append((s, e, a, None))
        elif g["up"]:
            b = _value(g["up"])
            if b is not None:
                out.append((s, e, None, b))
        elif g["eq"]:
            v = _value(g["eq"])
            if v is not None:
                out.append((s, e, v, v))
        elif g["more"]:
            core = g["more"].rstrip()
            if not (g["moresuf"] or any(c in core for c in "多余几")):
                continue
            v = _value(core.rstrip("多余几 ") or core)
            if v is not None:
                out.append((s, e, v, None))
    return _join(f, out)


def _join(f: str, items: list[tuple[int, int, float | None, float | None]]) -> list[tuple[int, int, float | None, float | None]]:
    """A lower bound and an upper bound separated only by a comma are one range (比1/4大, 比1/2小)."""
    out: list[tuple[int, int, float | None, float | None]] = []
    for it in items:
        if out:
            ps, pe, plo, phi = out[-1]
            s, e, lo, hi = it
            gap = f[pe:s]
            if gap.strip(" ,，") == "" and "," in gap.replace("，", ","):
                if phi is None and plo is not None and lo is None and hi is not None and plo <= hi:
                    out[-1] = (ps, e, plo, hi)
                    continue
                if plo is None and phi is not None and hi is None and lo is not None and lo <= phi:
                    out[-1] = (ps, e, lo, phi)
                    continue
        out.append(it)
    return out
