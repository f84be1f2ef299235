"""Every numeral in a text with its value: the layer beneath facts.

:func:`find_numbers` answers "where are the numbers and what are they worth",
whether or not they make a fact (a bare 五 in 这是五 is a number, never a fact).
It reads spaced numerals (一百 五 十 二), fractions (五分之一, 3又1/3, 1 3/5),
dozens (十打), exponents (2e5, 2^5) and skips words that only contain a numeral
character (一看, 四川, 队伍, 收拾).

>>> [(t, v) for _, _, t, v in find_numbers("一百 五 十 二, 二分之一, 十打苹果, 我家在四川")]
[('一百 五 十 二', 152.0), ('二分之一', 0.5), ('十打', 120.0)]
>>> [(t, v) for _, _, t, v in find_numbers("1, 234, 567.3 和 2.5M")]
[('1', 1.0), ('234', 234.0), ('567.3', 567.3), ('2.5M', 2500000.0)]
"""

from __future__ import annotations

import re

from .money import CURRENCY_WORDS
from .numerals import fold, parse_folded

_CN = "零〇一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟廿卅"
_AR = r"(?:\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![.\d])\.\d+)"
_ATOM = rf"(?:{_AR}|[{_CN}])"
# a numeral: atoms joined by optional spaces, 点 decimals, 多/余/几 inside, k/M after digits
_JOIN = rf"(?:(?<=[{_CN}点多余几])\s+|(?<=\d)\s+(?=[十百千万亿兆])|(?<=[十百千万亿兆])\s+(?=\d))?"
_NUM = (
    rf"(?:(?<![-\d])-|负)?{_ATOM}"
    # (?<!\d) before a digit atom: a digit run is one atom, never split (no exponential backtracking)
    rf"(?:{_JOIN}(?:(?<!\d){_AR}|[{_CN}]|点\s*(?=[{_CN}\d])|[多余几]\s*(?=[万亿{_CN}])|零?几(?=[万亿])))*"
    rf"(?:\s?[kKM](?![A-Za-z]))?"
)
_NUMBER_RE = re.compile(
    rf"(?P<frac>(?P<whole>{_NUM})\s*又\s*(?P<den1>{_NUM})\s*分\s*之\s*(?P<num1>{_NUM})"
    rf"|(?P<den>{_NUM})\s*分\s*之\s*(?P<num>{_NUM})"
    rf"|(?P<aw>\d+)\s(?P<an>\d+)/(?P<ad>\d+)|(?P<sn>-?\d+(?:\.\d+)?)/(?P<sd>\d+)(?![\d/])"
    rf"|(?P<eb>-?\d+(?:\.\d+)?)[eE](?P<ee>[-+]?\d+)|(?P<pb>-?\d+(?:\.\d+)?)\^(?P<pe>[-+]?\d+))"
    rf"|(?P<half>半百)"
    rf"|(?P<plain>{_NUM})(?P<dozen>\s*打)?"
)
#: Words that hold a numeral character but no number.
NOT_NUMBERS = (
    "一看 一切 一些 一直 一定 一般 一起 一样 一旦 一致 统一 唯一 万一 四川 陆地 大陆 登陆 海陆 陆军 队伍 入伍 退伍 伍仁 收拾 拾起"
    " 拾取 拾到 夕拾 放肆 肆意 肆无 十足 九九 两两 一下 壹切"
).split()
_NOT_RE = re.compile("|".join(sorted(NOT_NUMBERS, key=len, reverse=True)))
_CUR_AFTER = re.compile("|".join(sorted((re.escape(w) for w in CURRENCY_WORDS if w not in ("元", "块", "角")), key=len, reverse=True)) + "|美刀")


def _val(s: str) -> float | None:
    s = re.sub(r"\s+", "", s)
    v = parse_folded(s)
    while v is None and len(s) > 1:  # 五十千: the longest prefix that reads
        s = s[:-1]
        v = parse_folded(s)
    return v


def find_numbers(text: str) -> list[tuple[int, int, str, float]]:
    """``(start, end, text, value)`` of every numeral in ``text``."""
    f = fold(text)
    out: list[tuple[int, int, str, float]] = []
    blocked = [(m.start(), m.end()) for m in _NOT_RE.finditer(text)] + [(m.start(), m.end()) for m in _NOT_RE.finditer(f)]
    for m in _NUMBER_RE.finditer(f):
        s, e = m.start(), m.end()
        g = m.groupdict()
        v: float | None
        if g["frac"] is not None:
            if g["whole"] is not None:
                w, d, n = _val(g["whole"]), _val(g["den1"]), _val(g["num1"])
                v = None if None in (w, d, n) or d == 0 else w + (n / d if w >= 0 else -n / d)  # type: ignore[operator]
            elif g["den"] is not None:
                den = g["den"].strip()
                d = _val("一" + den if den[:1] in "十百千万亿" else den)
                n = _val(g["num"])
                if d is None or n is None or d == 0:
                    continue
                if den == "百":  # 百分之X is a percentage: the number is X
                    s = m.start("num")
                    v = n
                else:
                    v = abs(n / d) if (n < 0 and d < 0) else n / d
            elif g["aw"] is not None:
                v = int(g["aw"]) + int(g["an"]) / int(g["ad"]) if int(g["ad"]) else None
            elif g["sn"] is not None:
                v = float(g["sn"]) / int(g["sd"]) if int(g["sd"]) else None
            elif g["eb"] is not None:
                try:
                    v = float(g["eb"]) * 10 ** int(g["ee"])
                except OverflowError:
                    v = None
            else:
                try:
                    v = float(g["pb"]) ** int(g["pe"])
                except (OverflowError, ZeroDivisionError):
                    v = None
        elif g["half"] is not None:
            v = 50.0
        else:
            core = g["plain"].rstrip()
            while core and core[-1] in "多余几 ":
                core = core[:-1]
            e = s + len(core)
            if not core or any(bs <= s < be or bs < e <= be for bs, be in blocked):
                continue
            if _CUR_AFTER.match(f, e) or (len(core) == 2 and core[0] == core[1] and core[0] in "两九"):
                continue
            if len(core) == 1 and core in "百千万亿兆":
                continue  # a magnitude alone (个百分点, 万) is no number
            if f[e : e + 1] in ("折", "%") or f.startswith("成", e):
                continue  # a discount or percentage: the percent facts read it
            v = _val(core)
            if v is None:
                continue
            short = re.sub(r"\s+", "", core)
            if parse_folded(short) is None:  # 五十千 reads as 五十: shorten the span too
                while len(short) > 1 and parse_folded(short) is None:
                    short = short[:-1]
                    core = core[: core.rfind(short[-1]) + 1] if short else core
                e = s + len(core)
            if g["dozen"]:
                v *= 12
                e = m.end()
            if f[e : e + 1] == "." and f[e + 1 : e + 2].isdigit():
                # 2222.2222.22222: dotted runs are separate integers
                pass
        if v is None:
            continue
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e, text[s:e], float(v)))
    return _split_dotted(text, f, out)


def _split_dotted(text: str, f: str, items: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """A run like 2222.2222.22222 (two or more dots) is a list of integers, not decimals."""
    out: list[tuple[int, int, str, float]] = []
    for s, e, t, v in items:
        run = re.match(r"\d+(?:\.\d+){2,}", f[s:])
        if run and s + run.end() >= e:
            pos = s
            for part in run.group(0).split("."):
                out.append((pos, pos + len(part), text[pos : pos + len(part)], float(part)))
                pos += len(part) + 1
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e, t, v))
    return out
