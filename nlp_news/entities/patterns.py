"""Entity rules: pure ``str -> list[Candidate]`` functions with doctests.

Each rule proposes candidates with a score; :mod:`nlp_news.entities.recognizer`
weighs them against the tagger (see its docstring for the policy). Rules never
look at training data; their word lists are general Chinese news vocabulary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from itertools import compress
from typing import NamedTuple


class Candidate(NamedTuple):
    """A proposed entity: ``text[start:end]`` of ``type`` with ``score`` from ``source``."""

    start: int
    end: int
    type: str
    score: float
    source: str


# -- 《》 titles -----------------------------------------------------------------
_TITLE = re.compile(r"《([^《》\n]{1,40})》")
_MOVIE_CUES = re.compile(r"电影|影片|票房|导演|上映|主演|剧集|电视剧|综艺|动画")
_GAME_CUES = re.compile(r"游戏|玩家|手游|网游|端游|关卡|公测|内测")


def find_titles(text: str) -> list[Candidate]:
    """Works in 《》, brackets included (as CLUENER marks them); movie or game
    when the clause says so, else book.

    >>> find_titles("他读了《三体》，又去看电影《流浪地球》。")
    [Candidate(start=3, end=7, type='book', score=0.9, source='rule:title'), Candidate(start=13, end=19, type='movie', score=0.9, source='rule:title')]
    """
    out: list[Candidate] = []
    for m in _TITLE.finditer(text):
        s, e = m.span()
        left = re.split(r"[，。！？；,;!?\n]", text[max(0, s - 12) : s])[-1]
        right = re.split(r"[，。！？；,;!?\n]", text[e : e + 8])[0]
        ctx = left + right
        if _GAME_CUES.search(ctx):
            typ = "game"
        elif _MOVIE_CUES.search(ctx):
            typ = "movie"
        else:
            typ = "book"
        out.append(Candidate(s, e, typ, 0.9, "rule:title"))
    return out


# -- Latin-script names inside Chinese text ---------------------------------------
_L = "A-Za-z\u00c0-\u024f"
# The first letter comes first and the look-behind after it ("not preceded by
# a letter, digit, _ . @ / -", checked on the character before that letter), so
# the regex engine can scan for a letter instead of trying the look-behind at
# every position.
_LATIN = re.compile(
    rf"[{_L}](?<![{_L}0-9_.@/\-].)[{_L}0-9]*(?:[&.\-][{_L}0-9]+)*(?: [A-Z][{_L}0-9]*(?:[&.\-][{_L}0-9]+)*)*(?![{_L}0-9_@/])"
)
_POS_BEFORE = re.compile(
    r"(?:CEO|CTO|CFO|首席执行官|创始人|董事长|总裁|经理|总监|主席|教授|分析师|负责人|飞行员|作家|小说家|记者|导演|设计师|制作人|选手)[ :：]?$"
)
_URLISH = re.compile(r"www|\.(?:com|cn|net|org)", re.IGNORECASE)
#: URLs and e-mail addresses in a text: no entity lies in one (a URL's path and query are no names).
URL_ZONE = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)(?![A-Za-z])(?:/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*)?",
    re.IGNORECASE,
)
#: What every :data:`URL_ZONE` match holds (its three alternatives: ``://`` or ``www.``, ``@``, a
#: ``.com``-like ending): the cheap search before it, which tries a match at every letter and digit.
#: Of the 5,217 title and paragraph texts of cnews-800, 340 pass the recognizer's other tests for
#: URL_ZONE and 79 of those hold a hint: 13.8 -> 1.6 ms of CPU for the searches.
URL_HINT = re.compile(r"://|www\.|@|\.(?:com|cn|net|org)", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Any Latin letter (accented ones too): the cheap test before a Latin-script rule runs.
ANY_LATIN = re.compile(rf"[{_L}]")
#: Common Latin abbreviations in Chinese news that are not names.
LATIN_STOP = frozenset(
    [
        "AI", "API", "APP", "App", "CEO", "CFO", "CTO", "COO", "CMO", "IPO", "GDP", "CPI", "PPI", "PMI", "GPU",
        "CPU", "PC", "TV", "VR", "AR", "XR", "IT", "ETF", "PE", "VC", "OK", "KOL", "UGC", "PGC", "AIGC", "AGI",
        "LLM", "SaaS", "B2B", "B2C", "O2O", "IP", "ID", "USB", "WiFi", "HD", "PK", "MVP", "VIP", "QQ", "DAU", "MAU",
        "ARR", "ROI", "M&A", "IT", "CBD", "SUV", "PS", "ID", "EPS", "ESG", "RMB", "USD", "HKD", "US", "UK", "EU",
        "QA", "FAQ", "PDF", "URL", "WWW", "HTTP", "HTTPS", "COM", "CN", "The", "A", "An", "Inc", "Ltd", "Co", "Mr",
        "Ms", "Dr", "No", "QDII", "QFII", "RQFII", "LOF", "FOF", "MOM", "HND", "GMAT", "GRE", "SAT", "TOEFL", "IELTS",
        "MBA", "EMBA", "DIY", "ST", "NPC", "BOSS", "PVP", "PVE", "EXP", "HP", "MP", "DV", "DC", "LCD", "CCD", "ISO",
        "TFT", "LED", "OLED", "CMOS", "HDMI", "GPS", "NFC", "SIM", "SD", "DVD", "MP3", "MP4", "BUG", "Bug", "Sale", "SALE",
        "CMNET", "CMWAP", "UNINET", "Beta", "BETA", "Demo", "DEMO", "Online", "OL", "blog", "Blog", "BLOG",
        "CKD", "SKD", "OEM", "ODM", "EV", "PHEV", "BEV", "HEV", "EREV", "NEV", "ADAS", "OTA", "GWh", "MLF", "SLF", "LPR",
        "RRR", "M2", "M1", "M0", "TMT", "GMV", "SKU", "CAGR", "YoY", "QoQ",
    ]
)
_LATIN_STOP_FOLDED = frozenset(w.casefold() for w in LATIN_STOP)


def is_latin_term(word: str) -> bool:
    """Whether ``word`` is one of :data:`LATIN_STOP` in any case (Wifi and wifi as WiFi, online as Online).

    >>> is_latin_term("Wifi"), is_latin_term("online"), is_latin_term("QDII"), is_latin_term("OpenAI")
    (True, True, True, False)
    """
    return word in LATIN_STOP or word.casefold() in _LATIN_STOP_FOLDED


_COMPANY_AFTER = re.compile(r"^ ?(?:公司|集团|科技|有限|股份|控股|Inc\b|Ltd\b|Corp\b)")
_PRODUCT_BEFORE = re.compile(r"(?:推出|发布|上线|旗下|产品|应用|模型|平台|软件|大模型|App|APP)(?:的|了|有|包括)? ?$")
#: A number after a name (Galaxy 5, Power 550): the name is a model's designation.
_NUMBER_AFTER = re.compile(r" ?[0-9]")
#: A number before a name (iPhone 17 Pro Max, Mate 70 Pro): the words go on a model's designation.
_NUMBER_BEFORE = re.compile(r"[0-9] ?$")
#: A word and one capital letter (Model Y, Model S): a model's name.
_MODEL_LETTER = re.compile(r"[A-Z][a-z]+ [A-Z]")
#: What names a capitalised word alone as a brand or a source: X品牌, X统计 / X数据 (据Choice数据显示).
_BRAND_AFTER = re.compile(r" ?(?:品牌|统计|数据)")
#: A company word right before a capitalised word (服装公司Zalando, 连锁店Xyz): its name.
_COMPANY_BEFORE = re.compile(r"(?:公司|集团|品牌|店) ?$")
#: A kind of software after a capitalised word (Harmony系统): a product.
_SYSTEM_AFTER = re.compile(r" ?(?:系统|软件|操作系统|浏览器)")
#: Two capitalised words of letters alone (Jane Doe): a person's given name and family name.
_GIVEN_AND_FAMILY = re.compile(r"[A-Z][a-z]+ (?:Mc|Mac)?[A-Z][a-z]+")
#: A source before a name (据 Artificial Analysis 的榜单): an organisation more often than a person.
_SOURCE_BEFORE = re.compile(r"据 ?$")
_COMPANY_NAME = re.compile(r"(?:AI|Labs?|Tech|Inc|Group|Capital|Bank|Motors)$")


def _inner_capital(word: str) -> bool:
    """Whether a capital letter follows the first one in ``word`` as in brands (DMatrix, GoPro), but
    not as in an acronym's plural (ETFs).

    >>> _inner_capital("DMatrix"), _inner_capital("ETFs"), _inner_capital("Power"), _inner_capital("X-ray")
    (True, False, False, False)
    """
    return any(ch.isupper() for ch in word[1:]) and not (word[-1] == "s" and word[:-1].isupper())


def find_latin_names(text: str) -> list[Candidate]:
    """Latin-script names inside Chinese text (MiniMax, OpenAI, Talkie).

    A name has upper and lower case letters, no digits and four letters or more,
    unless a company word follows (``NBA 公司``). Company when a company word
    follows or the name ends like one (…AI, …Labs), product after
    推出/发布/旗下/产品…, a person right after a job title (首席执行官 Sam Altman,
    项目经理Erik), otherwise company (0.7 for CamelCase, 0.55 for a run of
    capitalised words; two capitalised words of letters alone, Jane Porter, are a
    person's given name and family name: name 0.55, unless after 据, a source). One capitalised word alone may be an English word (Power,
    Smart, Sport): it needs evidence of a name, a brand or source word after it
    (X品牌, X统计, X数据: company 0.7), a company word before it (服装公司X,
    连锁店X: company 0.7), a kind of software after it (X系统: product), a capital
    inside it (DMatrix) or an accented letter (Hermès: company 0.55); followed by a
    number, or after one, it is a model's designation (Galaxy 5, Power 550, iPhone 17
    Pro Max); a word and one capital letter is a model (Model Y: product 0.55). Acronyms (QDII, CEO),
    the terms of :data:`LATIN_STOP` in any case (Wifi), model numbers (D90) and runs
    in English sentences are left to the tagger.

    >>> [(text[c.start:c.end], c.type) for text in ["MiniMax 公司旗下的 Talkie 与 OpenAI 竞争"] for c in find_latin_names(text)]
    [('MiniMax', 'company'), ('Talkie', 'product'), ('OpenAI', 'company')]
    >>> find_latin_names("这家公司的 CEO 在 IPO 前接受采访，D90 和 QDII 也不是")
    []
    >>> [(c.type, c.score) for c in find_latin_names("派对上，Jane Porter穿着白色长裙亮相")]
    [('name', 0.55)]
    >>> find_latin_names("大家一起Smart一下，这个Sport模式支持Wifi，这款Galaxy 5也不是")
    []
    >>> [(text[c.start:c.end], c.type) for text in ["苹果iPhone 17 Pro Max和特斯拉Model Y"] for c in find_latin_names(text)]
    [('iPhone', 'company'), ('Model Y', 'product')]
    >>> text = "据Choice数据显示，服装公司Zalando与DMatrix合作，搭载Harmony系统的Hermès手袋"
    >>> [(text[c.start:c.end], c.type) for c in find_latin_names(text)]
    [('Choice', 'company'), ('Zalando', 'company'), ('DMatrix', 'company'), ('Harmony', 'product'), ('Hermès', 'company')]
    """
    return _latin_names(text) if ANY_LATIN.search(text) else []


def _latin_names(text: str) -> list[Candidate]:
    """:func:`find_latin_names` of a text known to hold a Latin letter (:data:`ANY_LATIN`)."""
    out: list[Candidate] = []
    han = _HAN.search
    for m in _LATIN.finditer(text):
        s, e = m.span()
        word = m.group()
        # a Chinese character within 6 characters before or after
        if not (han(text, max(0, s - 6), s) or han(text, e, e + 6)):
            continue
        if " " in word:
            # drop a trailing stop word of a multi-word run ("Talkie App")
            parts = word.split(" ")
            while len(parts) > 1 and is_latin_term(parts[-1]):
                parts.pop()
            word = " ".join(parts)
            e = s + len(word)
        if is_latin_term(word) or _URLISH.search(word):
            continue
        company_cue = _COMPANY_AFTER.match(text[e : e + 4]) is not None
        if len(word) < 4 and not company_cue:
            continue  # too short for a name without a company word after it
        has_upper = any(ch.isupper() for ch in word)
        if company_cue and has_upper and len(word) >= 2:
            typ, score = "company", 0.8
        elif not has_upper or len(word) < 4 or not any(ch.islower() for ch in word) or any(ch.isdigit() for ch in word):
            # acronyms (QDII, NBA) and model numbers (D90, EB-5): left to the tagger
            continue
        elif _COMPANY_NAME.search(word):
            typ, score = "company", 0.8
        elif _POS_BEFORE.search(text[max(0, s - 8) : s]):
            typ, score = "name", 0.8  # 首席执行官 Sam Altman, 项目经理Erik
        elif _PRODUCT_BEFORE.search(text[max(0, s - 6) : s]):
            typ, score = "product", 0.75
        else:
            camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
            if not camel and (_NUMBER_AFTER.match(text, e) or _NUMBER_BEFORE.search(text, max(0, s - 2), s)):
                continue  # a model's designation (Galaxy 5, Power 550, iPhone 17 Pro Max): left to the tagger
            if _MODEL_LETTER.fullmatch(word):
                typ, score = "product", 0.55  # Model Y
            elif camel:
                typ, score = "company", 0.7
            elif " " in word:
                person = _GIVEN_AND_FAMILY.fullmatch(word) and not _SOURCE_BEFORE.search(text, max(0, s - 3), s)
                typ, score = ("name" if person else "company"), 0.55
            elif _BRAND_AFTER.match(text, e) or _COMPANY_BEFORE.search(text, max(0, s - 3), s):
                typ, score = "company", 0.7  # Coach品牌, 据Choice数据, 服装公司Zalando
            elif _SYSTEM_AFTER.match(text, e):
                typ, score = "product", 0.75  # Harmony系统
            elif _inner_capital(word) or not word.isascii():
                typ, score = "company", 0.55  # DMatrix; an accented spelling (Hermès) is no English word
            else:
                continue  # one capitalised word and nothing more may be English (Power, Smart): left to the tagger
        out.append(Candidate(s, e, typ, score, "rule:latin"))
    return out


#: Function words after which a name may start (和海螺 AI, 由智谱 AI); a name before AI that was read
#: with one of them at its head loses it (see :data:`_LEAD_WORDS_BEFORE_AI`).
_FUNCTION_BEFORE_AI = "和与及跟同的在是由被将把对向从比"
_HAN_AI = re.compile(
    rf"(?:(?<=^)|(?<=[，。、；：“”\"（）()《》\s{_FUNCTION_BEFORE_AI}])|(?<=推出)|(?<=发布)|(?<=上线)|(?<=旗下))"
    r"([\u4e00-\u9fff]{2,4}) ?AI(?![A-Za-z0-9])"
)


def _han_ai_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_HAN_AI.finditer(text)`` gives, trying the pattern only just before an ``AI``.

    A match starting at ``s`` has its ``AI`` at ``s + 2`` to ``s + 5`` (2–4
    characters and an optional space before it), so only those starts are
    tried, in order, with ``match`` (which sees the characters before ``s``
    for the look-behind, as ``finditer`` does).

    >>> t = "和智谱 AI、的海螺AI与推动AI及AIGC"
    >>> [m.span() for m in _han_ai_matches(t)] == [m.span() for m in _HAN_AI.finditer(t)]
    True
    """
    pos = 0
    i = text.find("AI", 2)
    while i != -1:
        nxt = i + 1
        for s in range(max(pos, i - 5), i - 1):
            m = _HAN_AI.match(text, s)
            if m is not None:
                yield m
                pos = m.end()
                nxt = max(nxt, pos + 2)
                break
        i = text.find("AI", nxt)


#: Words that often stand before "AI" without naming anything.
_NOT_NAMES_BEFORE_AI = frozenset(
    [
        "发展", "推动", "布局", "拥抱", "使用", "应用", "投资", "生成式", "加速", "赋能", "助力", "押注", "通用", "开源", "利用", "关于", "全球", "中国",
        "国内", "国产", "企业", "行业", "人工智能", "相关", "学习", "研究", "部署", "接入", "结合", "需要", "通过", "依靠", "采用", "打造", "聚焦",
        "专注", "强化", "做", "搞", "玩", "用", "懂", "为", "以及", "包括", "还有", "前沿", "新一代", "下一代",
        "投入", "加大", "押宝", "落地", "探索", "引入", "引领", "普及", "监管", "治理", "创新", "竞争", "转型", "升级",
        "驱动", "支持", "发力", "入局", "进军", "涉足", "基础设施", "算力",
    ]
)
#: Function words and verbs the 2–4 characters before "AI" may start with (Talkie 和海螺 AI, 推出海螺 AI):
#: they are cut off, and the name is what remains (two characters at least).
_LEAD_WORDS_BEFORE_AI = ("推出了", "推出", "发布了", "发布", "上线了", "上线", *_FUNCTION_BEFORE_AI, "这", "那", "其")


def find_han_ai(text: str) -> list[Candidate]:
    """Chinese names with an ``AI`` tail (智谱AI, 海螺 AI) after a clause edge or a function word.

    Product after 旗下/推出/产品…, otherwise company.

    >>> [(c.start, c.end, c.type) for c in find_han_ai("智谱 AI 与 MiniMax 旗下的海螺AI")]
    [(0, 5, 'company'), (19, 23, 'product')]
    >>> find_han_ai("推动AI产业"), find_han_ai("这开启了 AI 时代")
    ([], [])
    >>> [(c.start, c.end, c.type) for c in find_han_ai("Talkie 和海螺 AI，推出星野AI")]
    [(8, 13, 'company'), (16, 20, 'product')]
    """
    out = []
    for m in _han_ai_matches(text):
        s, e = m.start(1), m.end()
        name = m.group(1)
        lead = next((w for w in _LEAD_WORDS_BEFORE_AI if name.startswith(w) and len(name) - len(w) >= 2), "")
        if lead:
            name, s = name[len(lead) :], s + len(lead)  # 和海螺 AI → 海螺 AI
        if "了" in name or name in _NOT_NAMES_BEFORE_AI or name[-2:] in _NOT_NAMES_BEFORE_AI:
            continue  # 这开启了 AI, 前沿 AI: no name
        if _PRODUCT_BEFORE.search(text[max(0, s - 6) : s]):
            out.append(Candidate(s, e, "product", 0.7, "rule:han-ai"))
        else:
            out.append(Candidate(s, e, "company", 0.7, "rule:han-ai"))
    return out


# -- organisation suffixes ---------------------------------------------------------
#: Suffix → type it gives the whole name (CLUENER conventions: banks, listed
#: firms and exchanges are companies; ministries, bureaus, courts government).
ORG_SUFFIXES: dict[str, str] = {
    "股份有限公司": "company",
    "有限责任公司": "company",
    "有限公司": "company",
    "公司": "company",
    "集团": "company",
    "控股": "company",
    "银行": "company",
    "证券": "company",
    "基金": "company",
    "保险": "company",
    "交易所": "company",
    "交所": "company",
    "影业": "company",
    "科技": "company",
    "大学": "organization",
    "学院": "organization",
    "研究院": "organization",
    "研究所": "organization",
    "协会": "organization",
    "基金会": "organization",
    "俱乐部": "organization",
    "医院": "organization",
    "委员会": "government",
    "法院": "government",
    "检察院": "government",
    "部": "government",
    "局": "government",
    "厅": "government",
    "署": "government",
}
_SUFFIX_RE = re.compile(r" ?(" + "|".join(sorted(map(re.escape, ORG_SUFFIXES), key=len, reverse=True)) + r")")
_SUFFIX_FIRST = frozenset(" " + "".join(suf[0] for suf in ORG_SUFFIXES))  # what a _SUFFIX_RE match starts with
#: Suffixes that make a name of any entity before them (部/局 only after a place or org).
_WEAK_SUFFIXES = frozenset({"部", "局", "厅", "署", "科技", "基金", "保险", "证券", "控股"})


def extend_with_suffix(text: str, start: int, end: int, type_: str) -> tuple[int, str] | None:
    """If an organisation suffix follows ``text[start:end]``, the new end and type.

    >>> extend_with_suffix("MiniMax 公司表示", 0, 7, "company")
    (10, 'company')
    >>> extend_with_suffix("环球影业出品", 0, 2, "company")
    (4, 'company')
    >>> extend_with_suffix("北京市公安局通报", 0, 5, "address") is None
    True
    """
    if text[end : end + 1] not in _SUFFIX_FIRST:
        return None
    m = _SUFFIX_RE.match(text, end)
    if not m:
        return None
    suf = m.group(1)
    if suf in _WEAK_SUFFIXES and type_ not in ("organization", "government", "company"):
        return None  # "北京市公安局", "台湾基金": a place plus 局/基金 is not a name
    # do not eat the first character of a longer word (公司法, 银行业)
    nxt = text[m.end() : m.end() + 1]
    if suf in ("公司", "银行", "集团") and nxt in ("法", "业", "债", "股", "间", "内"):
        return None
    return m.end(), ORG_SUFFIXES[suf]


# -- positions ------------------------------------------------------------------------
POSITIONS: tuple[str, ...] = (
    "董事长", "副董事长", "董事", "独立董事", "总裁", "副总裁", "总经理", "副总经理", "首席执行官",
    "首席财务官", "首席技术官", "首席运营官", "首席科学家", "首席经济学家", "首席分析师", "创始人",
    "联合创始人", "创办人", "合伙人", "执行董事", "监事长", "秘书长", "董事会秘书", "主席", "副主席",
    "总监", "经理", "分析师", "研究员", "教授", "副教授", "院士", "院长", "校长", "部长", "副部长",
    "局长", "副局长", "市长", "副市长", "省长", "副省长", "总统", "副总统", "总理", "副总理", "主任",
    "副主任", "书记", "记者", "主编", "总编辑", "发言人", "律师", "法官", "教练", "主教练", "导演",
    "制片人", "CEO", "CFO", "CTO", "COO", "总裁兼CEO",
)
_POS_RE = re.compile("|".join(sorted(map(re.escape, POSITIONS), key=len, reverse=True)))


def find_positions(text: str) -> list[Candidate]:
    """Job titles (董事长, CEO, 创始人); the longest listed title wins.

    >>> [(c.start, c.end) for c in find_positions("公司创始人兼CEO闫俊杰")]
    [(2, 5), (6, 9)]
    """
    out = []
    for m in _POS_RE.finditer(text):
        s, e = m.span()
        if text[s:e].isascii() and ((s and text[s - 1].isalnum() and text[s - 1].isascii()) or (e < len(text) and text[e].isascii() and text[e].isalnum())):
            continue
        out.append(Candidate(s, e, "position", 0.6, "rule:position"))
    return out


#: Words that end company names often enough to find an unknown name before them.
NAME_SUFFIXES: dict[str, str] = {
    "科技": "company", "集团": "company", "控股": "company", "银行": "company", "证券": "company",
    "资本": "company", "影业": "company", "传媒": "company", "公司": "company", "股份": "company",
    "智能": "company", "网络": "company", "汽车": "company", "医药": "company", "基金会": "organization",
    "研究院": "organization", "大学": "organization", "协会": "organization",
}
#: Words that make an entity a description rather than a name when all else is common words.
GENERIC_HEADS = frozenset(
    [
        "公司", "企业", "机构", "部门", "总部", "集团", "平台", "厂商", "巨头", "团队", "行业", "市场", "方面", "官方", "媒体", "政府", "国家", "地区",
    ]
)
#: Kinds of institution or place, as one word: what a news text names with a name before them
#: (合肥市第一中学, 国家大剧院), not a name alone. General news vocabulary.
DESCRIPTION_NOUNS = frozenset(
    [
        "中心", "学院", "大学", "学校", "中学", "小学", "医院", "协会", "学会", "研究所", "研究院", "研究生院",
        "委员会", "议会", "代表团", "乐团", "剧团", "球队", "俱乐部", "银行", "支行", "分行", "酒店", "宾馆",
        "饭店", "广场", "公园", "机场", "车站", "法院", "法庭", "检察院", "部队", "军队", "警方", "派出所",
        "博物馆", "图书馆", "体育馆", "体育场", "剧院", "商场", "工厂", "联盟", "新闻", "基金会", "交易所",
        "组委会", "两岸", "办公厅", "办公室", "市场部", "商会", "警察局", "公安局", "招待所", "使馆", "大使馆",
        "领事馆",
    ]
)
_CLAUSE_EDGE = re.compile(r"[，。！？；：、,.!?;:（）()“”\"《》\s]")


#: Words of newer technical fields that jieba does not know (具身 of 具身智能 "embodied AI", 端侧, 多模态):
#: before 智能 or 科技 they name a field, not a company (具身智能企业星海图: the company is 星海图).
FIELD_PREFIXES = frozenset(("具身", "端侧", "多模态", "生成式", "类脑", "群体", "认知", "感知", "决策", "空间", "边缘", "情感", "量子"))


def find_suffixed_names(words: list[str], common: frozenset[str] | set[str]) -> list[Candidate]:
    """Unknown names before a company word: 深言科技, 中金公司 (not 人工智能公司).

    ``words`` is the segmentation of the text; a name is the word before one of
    :data:`NAME_SUFFIXES` when that word is 2–4 Chinese characters and not one
    of jieba's frequent common words ``common``.

    >>> find_suffixed_names(["人工智能", "公司", "深言", "科技", "上市"], {"人工智能", "公司", "科技", "上市"})
    [Candidate(start=6, end=10, type='company', score=0.75, source='rule:org-name')]
    >>> find_suffixed_names(["具身", "智能", "企业"], set())
    []
    """
    out: list[Candidate] = []
    # the company words among the words, found without a Python step per word (a loop over
    # every word was 2% of the entity stage)
    hits = list(compress(range(len(words)), map(NAME_SUFFIXES.__contains__, words)))
    # where each name starts: the lengths of the words before it, joined from the last one
    # (a running sum over every word was 3% of the entity stage's instructions)
    pos = done = 0  # words[done] starts at pos
    for i in hits:
        pw = words[i - 1] if i else None  # the previous word
        if pw is not None and _HAN_2_4(pw) and pw not in common and pw not in NAME_SUFFIXES and pw not in FIELD_PREFIXES:
            pos += len("".join(words[done : i - 1]))
            done = i - 1
            out.append(Candidate(pos, pos + len(pw) + len(words[i]), NAME_SUFFIXES[words[i]], 0.75, "rule:org-name"))
    return out


_HAN_2_4 = re.compile("[\u4e00-\u9fff]{2,4}").fullmatch  # 2-4 characters, all in U+4E00..U+9FFF


#: Brackets a name keeps only in pairs (:func:`balanced_span`).
OPENERS = "(（[【《〈「『"
CLOSERS = ")）]】》〉」』"
_PAIR = dict(zip(CLOSERS, OPENERS))


def balanced_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` cut at the brackets it does not close or open: a name does not
    take half a parenthesis (王浩) → 王浩, (凌枫 → 凌枫, 巴尔的摩(Baltimore → 巴尔的摩).

    At an unmatched opening bracket the part before it stays (a gloss the tagger did not
    finish), or the part after it when nothing is before; at an unmatched closing bracket the
    part after it stays, or the part before it when nothing is after. Spaces at the new
    ends are trimmed; an empty result is ``(start, start)``.

    >>> t = "记者王浩)报道，(凌枫说巴尔的摩(Baltimore是"
    >>> [t[a:b] for a, b in (balanced_span(t, 2, 5), balanced_span(t, 8, 11), balanced_span(t, 12, 26))]
    ['王浩', '凌枫', '巴尔的摩']
    >>> t2 = "《家有儿女》(blog"
    >>> t2[slice(*balanced_span(t2, 0, len(t2)))], balanced_span("ab)", 2, 3)
    ('《家有儿女》', (2, 2))
    """
    while True:
        stack: list[int] = []
        bad = -1
        for i in range(start, end):
            ch = text[i]
            if ch in OPENERS:
                stack.append(i)
            elif ch in CLOSERS:
                if stack and text[stack[-1]] == _PAIR[ch]:
                    stack.pop()
                else:
                    bad = i
                    break
        if bad < 0 and stack:
            bad = stack[-1]  # the last opening bracket left open
        if bad < 0:
            break
        if text[bad] in OPENERS:
            start, end = (start, bad) if text[start:bad].strip() else (bad + 1, end)
        else:
            start, end = (bad + 1, end) if text[bad + 1 : end].strip() else (start, bad)
        if start >= end:
            return start, start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_chinese_names(span: str, surnames: frozenset[str] | set[str]) -> list[tuple[int, int]] | None:
    """Where a person span is several Chinese names written apart (a byline's 李良 王妮娜),
    the offsets of each within ``span``; None when it is one name (妮可 基德曼, written
    with a space, is one person: 妮 is no surname).

    Each part must be two or three Han characters that start with a single-character
    surname, or three or four that start with a compound one.

    >>> sn = {"李", "王", "欧阳"}
    >>> split_chinese_names("李良 王妮娜", sn), split_chinese_names("妮可 基德曼", sn), split_chinese_names("李良", sn)
    ([(0, 2), (3, 6)], None, None)
    >>> split_chinese_names("欧阳娜娜  李良", sn)
    [(0, 4), (6, 8)]
    """
    parts = [(m.start(), m.end()) for m in re.finditer(r"\S+", span)]
    if len(parts) < 2:
        return None
    for a, b in parts:
        name = span[a:b]
        if not _HAN_2_4(name):
            return None
        if not ((name[0] in surnames and len(name) <= 3) or (name[:2] in surnames and len(name) >= 3)):
            return None
    return parts


def is_generic(words: list[str], common: frozenset[str] | set[str]) -> bool:
    """True for a description, not a name: common words only, one word or a generic head.

    >>> c = {"人工智能", "公司", "监管部门", "国家", "发展", "和", "改革", "委员会", "港"}
    >>> [is_generic(w, c) for w in (["人工智能", "公司"], ["监管部门"], ["港"], ["深言", "科技"],
    ...                             ["国家", "发展", "和", "改革", "委员会"])]
    [True, True, True, False, False]
    """
    if not words or not all(w in common for w in words):
        return False
    return len(words) == 1 or words[-1] in GENERIC_HEADS


# A byline names the writer right after the role word: ``（记者 周明远）``, ``本报记者李良\n``,
# ``编辑：王晓``. The name must end the byline (space, closing bracket, 、, a date's digits or
# the end of the line; 、 and digits only after a space): in running text the role word is followed by a verb or a clause
# (据记者了解，…; 向记者表示，…; 创作者使用。), which is not a name. After a colon a digit
# does not end a name (记者：像在08… is an interview question).
_BYLINE = re.compile(
    r"(?:记者|通讯员|特约撰稿人|撰稿|作者|编辑)"
    r"(?:[:：]\s*([\u4e00-\u9fff]{2,3})(?=[\s)）、]|$)"
    r"|\s+([\u4e00-\u9fff]{2,3})(?=[\s)）、]|$|\d)"
    r"|([\u4e00-\u9fff]{2,3})(?=[\s)）]|$))"
)


def find_bylines(text: str) -> list[Candidate]:
    """The person in a byline: 本报记者 周明远, 编辑：王晓; not 据记者了解，… nor 创作者使用。

    >>> def names(text):
    ...     return [text[c.start:c.end] for c in find_bylines(text)]
    >>> names("本报记者 周明远 2025年11月20日"), names("（记者李良）"), names("编辑：王晓")
    (['周明远'], ['李良'], ['王晓'])
    >>> names("据记者了解，该公司"), names("他向本报记者表示，"), names("工具被数百万名创作者使用。")
    ([], [], [])
    >>> names("记者：像在08年那样吗？"), names("记者看到8月的数据"), names("打开编辑菜单、工具栏")
    ([], [], [])
    """
    out = []
    for m in _BYLINE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.start(i) >= 0)
        out.append(Candidate(m.start(g), m.end(g), "name", 0.7, "rule:byline"))
    return out


def find_all(text: str, *, latin: bool | None = None) -> list[Candidate]:
    """All rule candidates of ``text`` (titles, Latin names, ``…AI`` names, positions, bylines).
    ``latin``: whether ``text`` holds a Latin letter (:data:`ANY_LATIN`), where the caller has
    looked already (None: look here)."""
    if latin is None:
        latin = ANY_LATIN.search(text) is not None
    latin_names = _latin_names(text) if latin else []
    return find_titles(text) + latin_names + find_han_ai(text) + find_positions(text) + find_bylines(text)


# -- weather tables ------------------------------------------------------------------
_SKY = "(?:晴|阴|多云|少云|小雨|中雨|大雨|暴雨|大暴雨|阵雨|雷阵雨|雷雨|小雪|中雪|大雪|暴雪|阵雪|雨夹雪|雾|霾|扬沙|浮尘|沙尘暴)"
#: A forecast after a place in a weather table: 小雨16℃／24℃, 雷阵雨转多云27℃, 晴转多云10℃.
_FORECAST = re.compile(rf"{_SKY}(?:转{_SKY})*[,，]?\s*-?\d+(?:\.\d+)?\s*℃")


def weather_place(text: str, start: int, end: int) -> int | None:
    """Where a place in a weather table ends when the span ``text[start:end]`` runs into the forecast
    after it (沈阳小雨16℃／24℃: the tagger's 沈阳小雨 is the place 沈阳), or ``end`` when the forecast
    follows the span; None when no forecast follows the span or starts inside it. (A text without
    ℃ has none.)

    >>> t = "沈阳小雨16℃／24℃成都雷阵雨转多云22℃／30℃"
    >>> weather_place(t, 0, 4), weather_place(t, 0, 2), weather_place(t, 11, 16), weather_place(t, 11, 13)
    (2, 2, 13, 13)
    >>> weather_place("沈阳小雨后转晴", 0, 4), weather_place(t, 2, 4)
    (None, None)
    """
    for k in range(start + 1, end + 1):
        if _FORECAST.match(text, k):
            return k
    return None
