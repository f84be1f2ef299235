"""Currencies and the 元/角/分 arithmetic of money amounts.

>>> currency_code("亿美元".removeprefix("亿"))
'USD'
>>> currency_code("港币"), currency_code("元人民币"), currency_code("块钱")
('HKD', 'CNY', 'CNY')
>>> yuan_jiao_fen(5, "三", "毛", None)
5.3
"""

from __future__ import annotations

from .numerals import parse_number

#: Currency words after a number, longest first in the regex; value: ISO code and factor.
CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "元人民币": ("CNY", 1.0),
    "人民币": ("CNY", 1.0),
    "人民币元": ("CNY", 1.0),
    "元新台币": ("TWD", 1.0),
    "元台币": ("TWD", 1.0),
    "元港币": ("HKD", 1.0),
    "元美金": ("USD", 1.0),
    "元": ("CNY", 1.0),
    "圆": ("CNY", 1.0),
    "块钱": ("CNY", 1.0),
    "块": ("CNY", 1.0),
    "毛钱": ("CNY", 0.1),
    "分钱": ("CNY", 0.01),
    "毛": ("CNY", 0.1),
    "角": ("CNY", 0.1),
    "美元": ("USD", 1.0),
    "美圆": ("USD", 1.0),
    "美金": ("USD", 1.0),
    "美分": ("USD", 0.01),
    "美仙": ("USD", 0.01),
    "港仙": ("HKD", 0.01),
    "港元": ("HKD", 1.0),
    "港币": ("HKD", 1.0),
    "港圆": ("HKD", 1.0),
    "欧元": ("EUR", 1.0),
    "日元": ("JPY", 1.0),
    "日圆": ("JPY", 1.0),
    "英镑": ("GBP", 1.0),
    "镑": ("GBP", 1.0),  # 4000万镑
    "$": ("USD", 1.0),  # 3亿＄, as some Chinese sites write dollars after the amount
    "新台币": ("TWD", 1.0),
    "台币": ("TWD", 1.0),
    "韩元": ("KRW", 1.0),
    "韩圆": ("KRW", 1.0),
    "澳元": ("AUD", 1.0),
    "澳币": ("AUD", 1.0),
    "加元": ("CAD", 1.0),
    "加币": ("CAD", 1.0),
    "新加坡元": ("SGD", 1.0),
    "新元": ("SGD", 1.0),
    "新加坡币": ("SGD", 1.0),
    "新币": ("SGD", 1.0),  # 5亿新币, as Singapore's papers write it
    "瑞士法郎": ("CHF", 1.0),
    "瑞郎": ("CHF", 1.0),
    "法郎": ("CHF", 1.0),
    "卢布": ("RUB", 1.0),
    "印度卢比": ("INR", 1.0),
    "卢比": ("INR", 1.0),
    "泰铢": ("THB", 1.0),
    "铢": ("THB", 1.0),
    "奈拉": ("NGN", 1.0),
    "澳门币": ("MOP", 1.0),
    "澳门元": ("MOP", 1.0),
    "林吉特": ("MYR", 1.0),
    "令吉": ("MYR", 1.0),  # ringgit, as Malaysia's Chinese papers write it
    "马币": ("MYR", 1.0),
    "越南盾": ("VND", 1.0),
    "比索": ("MXN", 1.0),
    "雷亚尔": ("BRL", 1.0),
    "兰特": ("ZAR", 1.0),
    "里拉": ("TRY", 1.0),
    "迪拉姆": ("AED", 1.0),
    "新西兰元": ("NZD", 1.0),
    "纽元": ("NZD", 1.0),
    "沙特里亚尔": ("SAR", 1.0),
    "里亚尔": ("SAR", 1.0),
    "印尼盾": ("IDR", 1.0),
    "菲律宾比索": ("PHP", 1.0),
    "瑞典克朗": ("SEK", 1.0),
    "挪威克朗": ("NOK", 1.0),
    "丹麦克朗": ("DKK", 1.0),
    "捷克克朗": ("CZK", 1.0),
    "冰岛克朗": ("ISK", 1.0),
    "克朗": ("SEK", 1.0),  # alone: the krone or koruna of the country named before it (:func:`code_by_country`), else SEK
    "韩币": ("KRW", 1.0),
    "日币": ("JPY", 1.0),
    "埃及镑": ("EGP", 1.0),
    "巴基斯坦卢比": ("PKR", 1.0),
    "坚戈": ("KZT", 1.0),
    "图格里克": ("MNT", 1.0),
    "缅元": ("MMK", 1.0),
    "兹罗提": ("PLN", 1.0),
    "福林": ("HUF", 1.0),
    "阿根廷比索": ("ARS", 1.0),
    "墨西哥比索": ("MXN", 1.0),
    "智利比索": ("CLP", 1.0),
    "新谢克尔": ("ILS", 1.0),
    "谢克尔": ("ILS", 1.0),
    "格里夫纳": ("UAH", 1.0),
    "马克": ("DEM", 1.0),
    "比特币": ("BTC", 1.0),
    # ISO codes written after an amount (5000万 RMB, 300 USD)
    "RMB": ("CNY", 1.0),
    "CNY": ("CNY", 1.0),
    "USD": ("USD", 1.0),
    "HKD": ("HKD", 1.0),
    "EUR": ("EUR", 1.0),
    "JPY": ("JPY", 1.0),
    "GBP": ("GBP", 1.0),
}
#: Currency words written before a number (人民币45亿元, 新台币3674.7亿元), with the codes of :data:`CURRENCY_WORDS`.
_WORDS_BEFORE = (
    "人民币", "RMB", "美元", "美金", "港币", "港元", "欧元", "英镑", "日元", "新台币", "台币", "澳门币", "澳门元", "韩元", "澳元", "加元",
    "新加坡元", "瑞士法郎", "卢布", "泰铢",
)
#: Currency words or symbols before a number.
CURRENCY_PREFIXES: dict[str, str] = {
    "¥": "CNY",
    "￥": "CNY",
    "US$": "USD",
    "$": "USD",
    "HK$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "NT$": "TWD",
    **{w: CURRENCY_WORDS[w][0] for w in _WORDS_BEFORE},
}


def currency_code(word: str) -> str | None:
    """ISO 4217 code of a currency word or symbol, or None.

    >>> currency_code("美金"), currency_code("HK$"), currency_code("金币") is None
    ('USD', 'HKD', True)
    """
    if word in CURRENCY_WORDS:
        return CURRENCY_WORDS[word][0]
    return CURRENCY_PREFIXES.get(word)


def yuan_jiao_fen(yuan: float, jiao: str | None, jiao_word: str | None, fen: str | None) -> float | None:
    """Add 角 (毛) and 分 numerals to a 元 amount: 50元6角三分 -> 50.63.

    >>> yuan_jiao_fen(50, "6", "角", "三")
    50.63
    >>> yuan_jiao_fen(11, None, None, None)
    11
    """
    total = yuan
    if jiao:
        j = parse_number(jiao)
        if j is None:
            return None
        total = round(total + j / 10, 6)
    if fen:
        f = parse_number(fen)
        if f is None:
            return None
        total = round(total + f / 100, 6)
    return total


#: Currency names that several countries use, with each country's code: written alone (18.8克朗, 1336亿比索),
#: the name is the currency of the country named last before it (:func:`code_by_country`), else its code in
#: :data:`CURRENCY_WORDS`.
_NAMES_BY_COUNTRY: dict[str, dict[str, str]] = {
    "克朗": {"瑞典": "SEK", "挪威": "NOK", "丹麦": "DKK", "捷克": "CZK", "冰岛": "ISK"},
    "比索": {"菲律宾": "PHP", "墨西哥": "MXN", "阿根廷": "ARS", "智利": "CLP", "哥伦比亚": "COP", "古巴": "CUP", "乌拉圭": "UYU"},
    "卢比": {"印度": "INR", "巴基斯坦": "PKR", "斯里兰卡": "LKR", "尼泊尔": "NPR", "毛里求斯": "MUR"},
    "里亚尔": {"沙特": "SAR", "伊朗": "IRR", "卡塔尔": "QAR", "阿曼": "OMR", "也门": "YER"},
}
#: The names :func:`code_by_country` reads.
NAMES_BY_COUNTRY = frozenset(_NAMES_BY_COUNTRY)


def code_by_country(name: str, text: str, at: int) -> str:
    """The code of the currency ``name`` written alone at ``at``: that of the country named last before it
    (:data:`_NAMES_BY_COUNTRY`), else its code in :data:`CURRENCY_WORDS`.

    >>> code_by_country("克朗", "捷克克朗同马克比价跌至18.8克朗", 12), code_by_country("克朗", "门票要200克朗", 6)
    ('CZK', 'SEK')
    >>> code_by_country("比索", "墨西哥人说，菲律宾今年吸引投资1336亿比索", 15)
    'PHP'
    """
    best, code = -1, CURRENCY_WORDS[name][0]
    for country, c in _NAMES_BY_COUNTRY[name].items():
        i = text.rfind(country, 0, at)
        if i > best:
            best, code = i, c
    return code
