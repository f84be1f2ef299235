"""Numerals: Arabic, Chinese, financial capitals and the mixed forms of news copy.

Everything here is a pure function. :func:`fold` maps full-width digits and
punctuation and the traditional forms of numeral characters to their plain
forms one character for one character, so offsets found in the folded text are
offsets into the original. :func:`parse_number` turns a numeral string into a
float (or ``None`` when it is not a number).

>>> parse_number("三千零五十")
3050.0
>>> parse_number("1,100万")
11000000.0
>>> parse_number("3.5万")
35000.0
>>> parse_number("两千四百五")
2450.0
>>> parse_number("壹佰伍拾")
150.0
>>> parse_number("二零二五"), parse_number("二0一五"), parse_number("六6万")
(2025.0, 2015.0, None)
>>> parse_number("万一") is None
True
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# --- character folding (length preserving) ---------------------------------

# As the pipeline's normaliser does, the full-width comma becomes ","; between digits it is then read
# as a thousands mark (４，５６５ = 4565), which costs the rare list written 20，300.
_FULL = "０１２３４５６７８９．，％＋－：／～　（）＄￥"
_HALF = "0123456789.,%+-:/~ ()$¥"
# 拾/佰/仟 stay as they are: 收拾 must not become 收十. The parser knows them.
_TRAD = "萬億兩倆貳陸點個負幾億參叄對週禮號時後鐘"
_SIMP = "万亿两两贰陆点个负几亿叁叁对周礼号时后钟"
_OTHER_FROM = "﹪—–−〜～﹣‚∶·"
_OTHER_TO = "%---~~-,:."  # ‚ (a low quotation mark) typed as a thousands mark: ￥19‚950; ∶ the ratio sign (2∶1)
# · is a decimal point in some papers' typesetting (1·5万人, 16·73点, １３·１％, 13·16美元, 1·2公斤), read so before the digits of
# an amount with its magnitude, currency or unit, after a lone 0 (０·５人), or after a whole part no month can be
# (132·75, 1903·87): 9·11事件 and 3·15晚会 are names.
_FULL += "".join(chr(0xFF21 + i) for i in range(26)) + "".join(chr(0xFF41 + i) for i in range(26))
_HALF += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#: Translation table used by :func:`fold`.
FOLD = str.maketrans(_FULL + _TRAD + _OTHER_FROM, _HALF + _SIMP + _OTHER_TO)


def fold(text: str) -> str:
    """Fold full-width and traditional numeral characters, keeping every offset.

    >>> fold("３０５０萬元，增長２０％")
    '3050万元，增長20%'
    >>> len(fold("１２３")) == len("１２３")
    True
    """
    m = _MAY_FOLD.search(text)
    if m is None or not _NEEDS_FOLD.search(text, m.start()):
        return text  # (_NEEDS_FOLD finds nothing before what _MAY_FOLD finds first)
    return _NEEDS_FOLD.sub(_fold_one, text)


_FOLD_MAP = {chr(k): chr(v) for k, v in FOLD.items()}
# the full-width comma only matters between digits; elsewhere it is left alone (and costs nothing)
# Full-width brackets and spaces and the full-width comma and colon outside numbers carry nothing the
# scanner reads, and folding them one by one costs time: they are left alone.
_LAZY = "，：（）　‚·"
# The pattern starts with one character class (every character it may fold), so the regex engine
# skips other text with its fast first-character scan (a pattern that starts with alternatives is
# tried at every position); what decides the lazy characters is checked after them.
_EAGER = re.escape("".join(c for c in _FOLD_MAP if c not in _LAZY))
_NEEDS_FOLD = re.compile(
    f"[{_EAGER}，：　‚·]"
    f"(?:(?<=[{_EAGER}])|(?<=[0-9０-９][，：‚])(?=[0-9０-９])|(?<=[0-9０-９]　)(?=[万亿千百])"
    f"|(?<=[0-9０-９]·)(?=[0-9０-９]+(?:[万亿%％点千百元美港欧英日摄度℃米吨斤克升个人倍]|公[斤里顷尺]|平方|毫[米克升]))|(?<=(?<![0-9０-９])[0０]·)(?=[0-9０-９])"
    f"|(?<=[0-9０-９]{{3}}·)(?=[0-9０-９])|(?<=(?<![0-9０-９])(?:[1１][3-9３-９]|[2-9２-９][0-9０-９])·)(?=[0-9０-９]))"
)

#: The test before :data:`_NEEDS_FOLD`'s ``sub``: a character folded wherever it stands, or a digit
#: with a lazy character after it (which the ``sub`` then reads in its context). Its class holds the
#: digits in place of the full-width commas, colons and spaces that start _NEEDS_FOLD: those stand in
#: every sentence, and at each the engine tried _NEEDS_FOLD's lookarounds (200 cnews-800 articles:
#: 17.1 M -> 13.4 M instructions). A text it passes may have nothing to fold (3，但): _NEEDS_FOLD is
#: searched for from there before the ``sub``.
_MAY_FOLD = re.compile(f"[{_EAGER}0-9](?:(?<![0-9])|[，：　‚·])")


def _fold_one(m: re.Match[str]) -> str:
    return _FOLD_MAP[m.group()]


# --- Chinese numeral values --------------------------------------------------

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8, "兆": 10**12}
LATIN_SCALES: dict[str, float] = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}

CN_DIGIT_CHARS = "".join(DIGITS)
CN_NUM_CHARS = CN_DIGIT_CHARS + "十拾百佰千仟万亿兆"

_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.S)
_CLEAN = re.compile(r"[\s,]")
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _section(s: str) -> float | None:
    """Value of a numeral below 万 (may contain Arabic digit runs).

    >>> _section("两千四百五"), _section("一千零二十"), _section("十五"), _section("1千零20")
    (2450.0, 1020.0, 15.0, 1020.0)
    """
    if not s:
        return 0.0
    toks = _TOKEN.findall(s)
    if not any(t in SMALL_UNITS for t in toks):
        # a plain digit run: 二零二五, 九九, 45; not a run that mixes Chinese and Arabic digits (六6, a
        # typo or two numbers) or holds a decimal among other tokens (2.7三36.8). An Arabic run is one
        # token, so more than one token here mixes the two; Arabic zeros among Chinese digits are 〇
        # written with the wrong key (二0一五, 二00八)
        if len(toks) > 1 and any(t[0].isdecimal() and t.strip("0") for t in toks):
            return None
        out = ""
        for t in toks:
            if t in DIGITS:
                out += str(DIGITS[t])
            elif t[0].isdecimal():  # not isdigit(): ² is a digit that float() refuses
                out += t
            else:
                return None
        if not out:
            return None
        return float(out)
    total = 0.0
    cur: float | None = None
    last_unit = 0
    zero = False
    multi = False  # the pending number is a multi-digit run
    for t in toks:
        if t in DIGITS:
            d = DIGITS[t]
            if d == 0:
                zero = True
                cur = None
                continue
            if cur is not None:
                return None  # 三四 inside a structured numeral: not a number
            cur = float(d)
            multi = False
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            if last_unit and u >= last_unit:
                return None
            total += (cur if cur is not None else 1.0) * u
            cur = None
            last_unit = u
            zero = False
        elif t[0].isdecimal():
            if cur is not None:
                return None
            cur = float(t)
            multi = len(t) > 1
        else:
            return None
    if cur is not None:
        if last_unit >= 100 and not zero and not multi and cur < 10:
            total += cur * last_unit / 10  # elided unit: 两千四百五 -> 2450
        else:
            total += cur
    return total


def _integer(s: str) -> float | None:
    """Value of a numeral that may hold 万/亿/兆 (no decimal point).

    >>> _integer("四亿五千六百四十二万零一十五")
    456420015.0
    >>> _integer("10万万"), _integer("一万三"), _integer("2万1"), _integer("五兆六十二亿四万五千二")
    (1000000000.0, 13000.0, 21000.0, 5006200045200.0)
    """
    if not s:
        return None
    big = [(BIG_UNITS[c], i) for i, c in enumerate(s) if c in BIG_UNITS]
    if not big:
        return _section(s)
    top = max(u for u, _ in big)
    pos = max(i for u, i in big if u == top)
    left, right = s[:pos], s[pos + 1 :]
    if left == "":
        return None  # 万一, 亿万: not a number
    lv = _integer(left) if any(c in BIG_UNITS for c in left) else _section(left)
    if lv is None:
        return None
    value = lv * top
    if right:
        if right[0] in "零〇":
            rv = _integer(right.lstrip("零〇"))
        elif len(right) == 1 and (right in DIGITS or "1" <= right <= "9"):
            rv = (DIGITS[right] if right in DIGITS else int(right)) * top / 10  # 一万三, 2万1 (said aloud) -> 13000, 21000
        else:
            rv = _integer(right)
        if rv is None:
            return None
        value += rv
    return value


def parse_number(s: str) -> float | None:
    """Parse a numeral: Arabic, Chinese, capitals or mixed, with 点 decimals and k/M/B.

    Returns ``None`` for strings that are not a number. 多/余/几 are dropped
    (the caller records them as the qualifier "over").

    >>> parse_number("八千三百八十五万二千三百二十六点三三")
    83852326.33
    >>> parse_number("4.78万亿")
    4780000000000.0
    >>> parse_number("两千万点五五四四")
    20000000.5544
    >>> parse_number("十几万"), parse_number("500余万"), parse_number("40k")
    (100000.0, 5000000.0, 40000.0)
    >>> parse_number("负三十二"), parse_number("-2.5M")
    (-32.0, -2500000.0)
    >>> parse_number("半"), parse_number("百三"), parse_number("一百零几万")
    (0.5, 130.0, 1000000.0)
    """
    if not s:
        return None
    return parse_folded(fold(s))


@lru_cache(maxsize=8192)
def parse_folded(s: str) -> float | None:
    """:func:`parse_number` for text already folded (cached; the scanner's hot path).

    A numeral beyond a float's range has no value (None), as one that does not read.

    >>> parse_folded("3050万"), parse_folded("9" * 400), parse_folded("一" + "兆" * 30)
    (30500000.0, None, None)
    """
    v = _parse_folded(s)
    return v if v is None or math.isfinite(v) else None


#: An Arabic decimal followed by magnitudes (3.5万, 4.78万亿).
_DECIMAL_MAGNITUDE = re.compile(r"(\d+\.\d+)([万亿兆千百十]+)")


def _parse_folded(s: str) -> float | None:
    if _PLAIN.fullmatch(s):
        return float(s)  # most numerals are plain digits: the value the steps below would give
    s = _CLEAN.sub("", s)
    if s[:1] == "." or s[:2] in ("-.", "负."):
        s = s.replace(".", "0.", 1)
    sign = 1.0
    if s[:1] in "-负":
        sign, s = -1.0, s[1:]
    elif s[:1] == "+":
        s = s[1:]
    if not s:
        return None
    s = s.replace("廿", "二十").replace("卅", "三十")
    s = s.replace("零几", "").replace("几", "").replace("多", "").replace("余", "")
    if not s:
        return None
    if s == "半":
        return 0.5 * sign
    if s[0] == "半" and s[1:] in SMALL_UNITS:  # 半百
        return sign * SMALL_UNITS[s[1:]] / 2
    scale = 1.0
    if s[-1] in LATIN_SCALES:
        scale, s = LATIN_SCALES[s[-1]], s[:-1]
        if not s:
            return None
    if s[0] in SMALL_UNITS and s[0] not in "十拾":
        s = "一" + s  # 百三 -> 一百三, 千三
    if "点" in s:
        head, _, tail = s.partition("点")
        digits = ""
        i = 0
        while i < len(tail) and (tail[i] in DIGITS or tail[i].isdecimal()):
            digits += str(DIGITS[tail[i]]) if tail[i] in DIGITS else tail[i]
            i += 1
        rest = tail[i:]
        if not digits or any(c not in BIG_UNITS for c in rest):
            return None
        iv = _integer(head) if head else 0.0
        if iv is None:
            return None
        if rest:
            mult = _integer("一" + rest)
            if mult is None:
                return None
            return sign * scale * float(f"{int(iv)}.{digits}") * mult
        return sign * scale * (iv + float("0." + digits))
    # Arabic decimal followed by a magnitude: 3.5万, 4.78万亿
    m = _DECIMAL_MAGNITUDE.fullmatch(s)
    if m:
        mult = _integer("一" + m.group(2))
        if mult is None:
            return None
        return sign * scale * float(m.group(1)) * mult
    v = _integer(s)
    if v is None:
        return None
    return sign * scale * v


def to_digits(s: str) -> str | None:
    """Read a numeral digit by digit, keeping leading zeros (codes, cn2an's "direct" mode).

    >>> to_digits("零零三"), to_digits("二〇〇二"), to_digits("负零一"), to_digits("一二点三零")
    ('003', '2002', '-01', '12.30')
    """
    s = fold(s)
    sign = ""
    if s[:1] in "-负":
        sign, s = "-", s[1:]
    out = []
    for c in s:
        if c in DIGITS:
            out.append(str(DIGITS[c]))
        elif c.isdecimal() or c == ".":
            out.append(c)
        elif c == "点":
            out.append(".")
        else:
            return None
    return sign + "".join(out) if out else None


def format_value(v: float) -> int | float:
    """An int when the value is whole, else a float rounded to 6 places, after the last digits that
    binary floats add to a scaled decimal (8.2 * 1e12 is 8199999999999.999) are rounded off.

    >>> format_value(35000.0), format_value(23.3), format_value(1/3*100), format_value(float("inf"))
    (35000, 23.3, 33.333333, inf)
    >>> format_value(8.2 * 1e12), format_value(1234567.89)
    (8200000000000, 1234567.89)
    """
    if not math.isfinite(v):
        return v  # nothing to round (int() refuses it); the scanner drops such values
    if v == int(v) and -1e18 < v < 1e18:
        return int(v)  # whole already: round() (slow, it formats the float) would change nothing
    r = round(float(f"{v:.15g}"), 6)
    if r == int(r) and abs(r) < 1e18:
        return int(r)
    return r
