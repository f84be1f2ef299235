"""Dates, periods, relative dates, weekdays and times of day.

:data:`DATE_RE` finds one date expression in *folded* text (see
:func:`nlp_news.numeric.numerals.fold`); :func:`date_value` turns its match
into the ``nlp-news/1`` value: ``"2025"``, ``"2025-09"``, ``"2025-09-05"``,
``"2025-Q3"``, ``"2025-H1"``, ``{"start", "end"}`` periods, ``"--09"`` /
``"--06-16"`` / ``"---09"`` when the year is not written, ``"T15:30"`` for a
time of day, or ``None`` for a relative date that cannot be resolved.

>>> import datetime as dt
>>> def v(s, pub=None):
...     m = DATE_RE.match(s)
...     return date_value(m, pub)
>>> v("2025年9月5日"), v("2024年第三季度"), v("2025年前9个月")
(('2025-09-05', False), ('2024-Q3', False), ({'start': '2025-01', 'end': '2025-09'}, False))
>>> v("今年9月"), v("今年9月", dt.date(2025, 11, 3))
(('--09', True), ('2025-09', True))
>>> v("27-7-3"), v("12/1/2020"), v("9.14-9.20")
(('2027-07-03', False), ('2020-12-01', False), ({'start': '--09-14', 'end': '--09-20'}, True))
>>> v("上半年"), v("上半年", dt.date(2024, 8, 1)), v("下午3时"), v("19时50分")
((None, True), ('2024-H1', True), ('T15', True), ('T19:50', True))
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import namedtuple
from collections.abc import Callable
from typing import Any

from .numerals import parse_folded as parse_number
from .patterns import optional_groups_as_branches

_CN = "〇零一二三四五六七八九"
# a year in Chinese digits may have 〇 typed as 0 (二0一五年)
# a year in three Chinese digits (三六七年一月一日) only before a month; two only at the start of a
# digit run (马英九一年 is no year '91 read from 九一)
YEAR = (
    rf"(?:\d{{4}}|\d{{2}}|(?=[{_CN}])[{_CN}0]{{4}}|(?<![{_CN}])[{_CN}]{{3}}(?=\s?年\s?[一二三四五六七八九十正腊冬\d])"
    rf"|(?<![{_CN}])[{_CN}]{{2}}|[两二一]千零?[{_CN}十]{{0,3}})"
)
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九正腊冬])"
#: Reign and era names with the Gregorian year of their first year (元年).
ERAS: dict[str, int] = {
    "民国": 1912, "顺治": 1644, "康熙": 1662, "雍正": 1723, "乾隆": 1736, "嘉庆": 1796, "道光": 1821, "咸丰": 1851,
    "同治": 1862, "光绪": 1875, "宣统": 1909, "洪武": 1368, "永乐": 1403, "万历": 1573, "崇祯": 1628, "贞观": 627,
    "开元": 713, "天宝": 742, "神龙": 705, "昭和": 1926, "平成": 1989, "令和": 2019,
}
_ERA = "|".join(ERAS)
_ERA_FIRST = "".join(sorted({e[0] for e in ERAS}))
#: What a day of the month written without 日 stands before in a dateline or a schedule (8月21消息, 5月27公测, 7月8终极内测).
_DAY_WITHOUT_RI_BEFORE = "(?:消息|电|讯|公测|内测|开服|开幕|开盘|开售|上映|上市|发布|发售|举行|召开|晚|凌晨|起|正式|截止|再|将|迎|开放|开通|开业|开始|开学|开赛|开战|登场|亮相|生效|实施|启动|揭晓|公布|推出|终极|封测|首测|盛大|隆重|全面|火爆)"
DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
#: 游 after N日 when it makes a tour (港澳五日游: a length, P5D), not a word of its own (5日游客, 5日游行: the 5th).
DAY_TOUR = "游(?![客览行戏泳玩击资船艇人乐园])"
REL_YEAR: dict[str, int | None] = {
    "今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2,
    "明年": 1, "次年": 1, "来年": 1, "后年": 2, "同年": None,
}
REL_MONTH: dict[str, int | None] = {
    "本月": 0, "当月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1, "次月": 1, "同月": None,
}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_REL_Y = "|".join(sorted(REL_YEAR, key=len, reverse=True))
_REL_M = "|".join(sorted(REL_MONTH, key=len, reverse=True))
HOUR = r"(?:2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[一二三四五六七八九两零])"
MINUTE = r"(?:[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九](?=\s?分))"  # (12时一过, 8时一坐: no minute; 8时5分 is one)
_TIME_PREFIX = "凌晨|清晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜|午夜|晚|早"

#: Before N日 (or after 过去) when it counts days (近3日, 前四日), not a day of the month.
DAYS_COUNTED_AFTER = "近这前后"
#: Words before N日 that make it a number of days (连续5日上涨, 历时7日; a market's 连跌四日, 连涨3日; a resale's
#: 转手3日), not a day of the month.
DAYS_COUNTED_AFTER_WORDS = frozenset(("连续", "持续", "历时", "为期", "长达", "累计", "一连", "接连", "连跌", "连涨", "连升", "连降", "连挫", "倒卖", "转手"))
#: Those words as one look-behind of :data:`DATE_RE` (all two characters: one fixed width).
_DAYS_COUNTED_AFTER_ALT = "|".join(sorted(DAYS_COUNTED_AFTER_WORDS))


def previous_or_next(text: str, one: int, cut: Callable[[str], list[str]]) -> bool:
    """Whether the 一 at ``one`` is the "one" of 上一 / 下一 ("the previous", "the next"), not a count:
    比上一年增长 and 预计下一季度 name the year and quarter before or after, as 上年 and 下季度 do. The
    上 or 下 must be a word of its own, or start one, in ``cut``'s segmentation of the stretch around it
    (jieba's dictionary): in 加上一季度的收入 and 只剩下一天, 加上 and 剩下 are words and the 一 counts.

    >>> words = {"上一年", "增长", "预计", "一季度", "剩下", "一天"}
    >>> def cut(s):  # the longest dictionary word first, as jieba cuts these
    ...     out, i = [], 0
    ...     while i < len(s):
    ...         out.append(next((s[i:j] for j in range(len(s), i, -1) if s[i:j] in words), s[i]))
    ...         i += len(out[-1])
    ...     return out
    >>> previous_or_next("比上一年增长", 2, cut), previous_or_next("预计下一季度", 3, cut)
    (True, True)
    >>> previous_or_next("只剩下一天", 3, cut), previous_or_next("一年", 0, cut)
    (False, False)
    """
    if one < 1 or text[one - 1] not in "上下":
        return False
    lo = one - 3 if one > 3 else 0
    at = lo
    for w in cut(text[lo : one + 3]):
        if at <= one - 1 < at + len(w):
            return at == one - 1
        at += len(w)
    return False


#: After N点 (N at most 24, in digits), words that make it a time of day: 2点才结束, 8点开始, 10点前.
_CLOCK_AFTER = frozenset("才就整准起开结前许")
#: Day words right before N点 that make it a time of day (昨天18点, 周五8点), as 日 and 号 do (12月16日18点).
_DAY_BEFORE_CLOCK = frozenset(
    ("今天", "昨天", "明天", "前天", "后天", "当天", "每天", "次日", "当日", "今晚", "当晚", "昨晚", "明晚", "时间", "截至", "截止")  # 北京时间22点, 截至11点
    + tuple(p + d for p in ("周", "期") for d in "一二三四五六日天")
)

#: The source of :data:`DATE_RE`, as written. (A day N号 is none before 和 or 、 and another N号 that labels a
#: thing, 3号和4号机组, 5号、6号楼: the first is a label too. Before 推 it is a day, 30号推新房, and before a
#: closing bracket too, 今天（30号）, where the scanner checks that the bracket opens right before it.)
DATE_SOURCE = rf"""
    (?<![\d.])
    (?=[\d〇零一二两三四五六七八九十正上下本这今去前明次来后同当周星礼凌清早中午傍晚夜深半Qq农大最腊冬第{_ERA_FIRST}])
    (?=[\d〇零一二两三四五六七八九十正Qq]|第\s?[一二三四1-4]\s?季|农历|大年|最后|腊月|冬月|上一|下一|[上下][\d两三四五六七八九十]|{_ERA}|今年|去年|前年|明年|本年|当年|同年|次年|来年|后年|上年|本月|当月|上月|上个
      |下月|下个|次月|同月|上上|下下|这个|[上下本这](?:周|星期|礼拜)|周[一二三四五六日天]|星期|礼拜|上半|下半|前[一二三四五六七八九十1-9]
      |上世|本世|凌晨|清晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜|午夜|晚[\d一二三四五六七八九十]|早[\d一二三四五六七八九十])
    (?:
      (?P<ny>\d{{4}})(?P<sep>[-/.])(?P<nm>1[0-2]|0?[1-9])(?P=sep)(?P<nd>3[01]|[12]\d|0?[1-9])(?![\d.])
     |(?P<um>1[0-2]|0?[1-9])/(?P<ud>3[01]|[12]\d|0?[1-9])/(?P<uy>\d{{4}})(?!\d)
     |(?P<pm1>1[0-2]|0?[1-9])\.(?P<pd1>3[01]|[12]\d|0[1-9])\s?[-~—至到]\s?(?P<pm2>1[0-2]|0?[1-9])\.(?P<pd2>3[01]|[12]\d|0[1-9])
        (?![\d.%])(?!\s?[万亿千百元倍米克个分美港欧英日韩])
     |(?P<pm3>1[0-2])\.(?P<pd3>3[01]|[12]\d|0?[1-9])\s?[-~—至到]\s?(?P<pm4>1[0-2]|0?[1-9])\.(?P<pd4>3[01]|[12]\d|0?[1-9])
        (?![\d.%])(?!\s?[万亿千百元倍米克个分美港欧英日韩])
     |(?<!-)(?P<hy>\d{{2}})-(?P<hm>1[0-2]|0?[1-9])-(?P<hd>3[01]|[12]\d|0?[1-9])(?![\d.-])
     |(?P<s1>(?:19|20)\d\d)\s?[-/~至到]\s?(?:(?P<s2>\d\d(?=\s?(?:赛季|年度|财年|学年|财政年度))|(?:19|20)\d\d(?=\s?(?:赛季|财年|学年|财政年度)))|(?P<s2y>\d\d)\s?年(?!度|代|级|期))
     |(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])(?![\d.-]|\s?年)
     |(?:(?P<cent>\d{{2}}|[一二]?十[一二三四五六七八九]?)世纪|(?P<rcent>上世纪|本世纪))?
        (?P<dec>[1-9]0|[一二三四五六七八九]十)\s?年代(?P<decsub>初|中期|末|中)?
     |(?<!\d)(?P<dec4>1[5-9]\d0|20[0-9]0)\s?年代(?:初|中期|末|中)?
     |(?P<tp>{_TIME_PREFIX})?(?P<hh>{HOUR})\s?(?P<hunit>[时点](?![差代期装尚速候节光局事政评效]))(?:钟)?
        (?:(?:零\s?(?=[\d一二三四五六七八九]\s?分))?(?P<mi>{MINUTE}|半)\s?(?P<fen>分)?)?
     |(?P<ed>3[01]|[12]\d|0?[1-9])\.(?P<em>1[0-2]|0?[1-9])\.(?P<ey4>\d{{4}})(?![\d.])
     |(?!前\s?(?:1[01]|[1-9]|十一?|[一二三四五六七八九])\s?个?\s?月)(?P<rp>上(?!一)|下(?!一)|前)(?P<rn>\d{{1,2}}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])\s?个?(?P<ru>周|星期|月|年|天)(?![\u4e00-\u9fff])
     |(?P<sy>\d{{4}})\s(?P<sm>0[1-9]|1[0-2])\s(?P<sd>3[01]|[12]\d|0[1-9])(?!\d)
     |(?P<wpre>上上个|上上|下下个|下下|上个|下个|这个|上一个|下一个|最后一个的?|上|下|本|这)?(?:周|星期|礼拜)(?P<wd>一(?![致直般切些共律再举])|[二三四五六日天])(?![年度期个])
     |(?P<rm>{_REL_M})\s?(?P<rd>{DAY})\s?[日号]
     |(?P<lunar>农历)?(?:(?P<era>{_ERA})(?P<ey>元|[{_CN}十]{{1,3}}|\d{{1,3}})年|(?P<y>{YEAR})\s?(?:年度?(?!代|级|期(?![待望盼]))|财年|(?:(?<=(?<![A-Za-z\d])\d\d)|(?<=(?<![A-Za-z\d])\d{{4}})|(?<=(?<![A-Za-z\d])\d{{4}}\s))(?=[Qq][1-4](?!\d)|[Hh][12](?![\dA-Za-z])))|(?P<ry>{_REL_Y}))?
      \s?(?P<lunar2>农历)?
      (?:
         (?P<m>{MONTH})\s?(?:月份|月(?!期(?![间市货指])|历(?![时经史来程届年任次]))(?:\s?(?:(?P<d>初[一二三四五六七八九十]|二十[一二三四五六七八九]?|三十一?|十[一二三四五六七八九])(?:\s?[日号])?
           |(?P<d1>{DAY})(?:\s?[日号]|(?!\d)(?:(?=[到至~,，。、\s-]|$)|(?![\u4e00-\u9fffA-Za-z])|(?={_DAY_WITHOUT_RI_BEFORE})))))?)(?P<msub>上中旬|中下旬|上旬|中旬|下旬|初|底|末)?
        |(?P<bigyear>大年(?:初[一二三四五六七八九十]|三十))
        |(?:(?<=年)的)?(?<!每)(?:第\s?)?(?P<q>[一二三四1-4])\s?(?:季度|(?<=第[一二三四1-4])季(?=[营财业净收利毛销出交单同环末初亏盈]|(?<=年第[一二三四1-4]季)))(?P<qsub>末|初)?
        |[Qq](?P<q2>[1-4])(?![\d])
        |(?:(?<=年)(?:仅|的|\s)?)?前\s?(?P<qn>[一二三1-3])\s?个?季度
        |(?:(?<=年)的)?(?P<h>上|下)半年
        |(?<=[\d年])[Hh](?P<h2>[12])(?![\dA-Za-z])
        |(?:(?<=年)(?:仅|的|\s)?)?(?<![目之以提事从面眼当跟空生战较比考赛节会饭睡婚产市发映演])前\s?(?P<mn>1[01]|[1-9]|十一?|[一二三四五六七八九])\s?个?\s?月
        |(?<=年)年?(?P<ysub>底|初|末|中(?=[,.;，。；、]))
        |(?<=年)的?最后一\s?个?(?P<last>月|季度)
      )?
      (?(y)|(?(era)|(?(m)|(?(q)|(?(q2)|(?(qn)|(?(h)|(?(mn)|(?(bigyear)|(?(last)|(?!)))))))))))
     |(?<!过去)(?<![{DAYS_COUNTED_AFTER}第])(?<!{_DAYS_COUNTED_AFTER_ALT})(?!一\s?日)(?P<bd>{DAY})\s?(?:日(?!均|线|元|圆|本|币|{DAY_TOUR}|之内|以内|内(?!测|容|部|地|外))|号(?=[的晚早上下中凌午前后起到至开举召为是和,，。;；、\s）)]|推(?![荐进手广动])|$)(?![和、及与至到]\s?{DAY}\s?号[机楼线院车船舱门厅室馆库站位井桩墩口房床]))
    )
    """
#: One date expression. Its optional groups run as branches with an empty alternative, the
#: same matches (:func:`~nlp_news.numeric.patterns.optional_groups_as_branches`): a repeat
#: saves the groups matched so far on every try, and there are sixty (the 6,549 tries on
#: cnews-800, replayed: 27.3 -> 17.1 ms).
DATE_RE = re.compile(optional_groups_as_branches(DATE_SOURCE), re.X)

#: The groups of a :data:`DATE_RE` match by name (every group of it is named).
_DateGroups = namedtuple("_DateGroups", sorted(DATE_RE.groupindex, key=DATE_RE.groupindex.__getitem__))
assert len(_DateGroups._fields) == DATE_RE.groups

_YEAR_AFTER = set("的是以初底末开起春夏秋冬全时营净业销施")  # 24年营收, 24年净利润, 24年业绩, 19年施工40户
_DURATION_BEFORE = set("近去了多这每前后再用花经过历整达期有约超逾余第至到-~几数立通营线产业办市航放")  # 开通11年以来, 运营12年, 改革开放20年
#: After N年的, nouns that make the N years a length (20年的发展, 30年的使用权), not the year '20.
_SPAN_AFTER_DE = (
    "时间", "时光", "岁月", "历史", "发展", "经验", "努力", "奋斗", "积累", "探索", "实践", "经营", "运营", "使用权",
    "产权", "期限", "工龄", "教龄", "刑期", "有效期", "寿命", "保修", "质保", "等待", "坚持", "打拼", "沉淀", "合作",
)
#: Before N年, what makes it a span of years (成立以来的88年), not the year '88.
_SINCE = ("以来的", "以来")
#: After N年, what makes it a span of years (88年来, 90年间), not the year '88.
_DURATION_AFTER = frozenset("来间里中内")
#: Verbs that take a length of years after them (入狱15年的球迷, 有期徒刑12年的男子, 坚持13年的志愿者, 历时10年的修复):
#: a two-digit N年 after one is no year '15, whatever follows it.
_DURATION_VERBS = ("入狱", "徒刑", "判刑", "服刑", "获刑", "坐牢", "监禁", "被判", "坚持", "历时", "耗时", "用时", "费时", "连续", "持续")
#: A bound after N年 (10年以上, 15年以下, 20年以内), or words of "not in N years" (90年未见如此大旱, 80年一遇): a length
#: of years, no year '10 or '90.
#: After N年, a trade's experience or craft (20年施工经验, 30年施工管理): a length of years, no year '20 (19年施工40户 is one).
_SPAN_OF_WORK = ("施工经验", "施工管理", "施工技术", "施工生涯")
_YEARS_BOUND_AFTER = ("以上", "以下", "以内", "未见", "未遇", "未有", "未曾", "不遇", "一遇", "难遇")


def _year(s: str) -> int | None:
    v = parse_number(s)
    if v is None:
        return None
    y = int(v)
    if len(s) == 2 and all(c.isdigit() or c in "〇零一二三四五六七八九" for c in s):
        y += 2000 if y <= 40 else 1900
    return y


def _month_num(s: str) -> int:
    return {"正": 1, "冬": 11, "腊": 12}.get(s) or int(parse_number(s) or 0)


def _day_num(s: str) -> int:
    if s.startswith("初"):
        return int(parse_number(s[1:]) or 0)
    return int(parse_number(s) or 0)


def _ok(y: int | None, m: int | None = None, d: int | None = None) -> bool:
    if y is not None and not 1000 <= y <= 2200:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None and not 1 <= d <= 31:
        return False
    return True


#: A time-of-day word before a clock time, as :data:`DATE_RE` reads it (下午3时, 晚上8:30).
TIME_PREFIX_RE = re.compile(f"(?:{_TIME_PREFIX})$")


#: Words of the night: 12 after one is midnight (晚上12点, 半夜12点: T00, no noon).
_NIGHT = frozenset(("晚上", "晚间", "晚", "夜间", "夜里", "深夜", "半夜", "午夜"))
#: Words of the small hours as well as the late evening: an hour under 6 after one is after midnight (深夜2点, 半夜3点).
_SMALL_HOURS = frozenset(("夜间", "夜里", "深夜", "半夜", "午夜"))


def clock_hour(prefix: str | None, hour: int) -> int:
    """The hour on the 24-hour clock of ``hour`` said after a time-of-day word.

    >>> clock_hour("下午", 3), clock_hour("晚上", 8), clock_hour("中午", 12), clock_hour("上午", 9), clock_hour(None, 20)
    (15, 20, 12, 9, 20)
    >>> clock_hour("晚上", 12), clock_hour("半夜", 12), clock_hour("深夜", 2), clock_hour("深夜", 11), clock_hour("半夜", 3)
    (0, 0, 2, 23, 3)
    """
    if prefix in _NIGHT and (hour == 12 or hour < 6 and prefix in _SMALL_HOURS):
        return 0 if hour == 12 else hour
    if prefix in ("下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "深夜", "晚") and hour < 12:
        return hour + 12
    if prefix == "中午" and hour < 11:
        return hour + 12
    return hour


def date_value(m: re.Match[str], published: _dt.date | None = None) -> tuple[Any, bool] | None:
    """The value and ``relative`` flag of a :data:`DATE_RE` match, or None if it is no date.

    >>> import datetime as dt
    >>> date_value(DATE_RE.match("6月16日"), dt.date(2025, 7, 1))
    ('2025-06-16', True)
    >>> date_value(DATE_RE.match("2024年底")), DATE_RE.match("去年") is None
    (('2024', False), True)
    >>> date_value(DATE_RE.match("周五"), dt.date(2025, 9, 3))
    ('2025-09-05', True)
    >>> date_value(DATE_RE.match("2024年最后一个月")), date_value(DATE_RE.match("去年最后一个季度"), dt.date(2025, 3, 1))
    (('2024-12', False), ('2024-Q4', True))
    """
    g = tuple.__new__(_DateGroups, m.groups())  # _make without its Python frame; far cheaper than groupdict()
    pub = published
    if g.ny:
        y, mo, d = int(g.ny), int(g.nm), int(g.nd)
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if _ok(y, mo, d) else None
    if g.ed:
        y, mo, d = int(g.ey4), int(g.em), int(g.ed)
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if _ok(y, mo, d) else None
    if g.pm1 or g.pm3:
        # 9.14-9.20, 10.1-10.7: a dotted month.day range (days in two digits, or a two-digit month)
        m1, d1 = (g.pm1, g.pd1) if g.pm1 else (g.pm3, g.pd3)
        m2, d2 = (g.pm2, g.pd2) if g.pm1 else (g.pm4, g.pd4)
        ends = []
        for mo, d in ((int(m1), int(d1)), (int(m2), int(d2))):
            if not _ok(None, mo, d):
                return None
            ends.append(f"{pub.year:04d}-{mo:02d}-{d:02d}" if pub else f"--{mo:02d}-{d:02d}")
        return {"start": ends[0], "end": ends[1]}, True
    if g.hy:
        # 27-7-3: a year in two digits, month and day (as 24年 is 2024)
        y, mo, d = _year(g.hy), int(g.hm), int(g.hd)
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if y is not None and _ok(y, mo, d) else None
    if g.rp:
        return None, True  # 上1月, 前两周: a relative period; the span is kept, the ends are not resolved
    if g.sy:
        y, mo, d = int(g.sy), int(g.sm), int(g.sd)
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if _ok(y, mo, d) else None
    if g.bd:
        d = _day_num(g.bd)
        if not _ok(None, None, d):
            return None
        if pub is None:
            return f"---{d:02d}", True
        return f"{pub.year:04d}-{pub.month:02d}-{d:02d}", True
    if g.s1:
        y1 = int(g.s1)
        if g.s2y:
            y2 = y1 // 100 * 100 + int(g.s2y)  # 2004-08年: years from 2004 to 2008
            return ({"start": f"{y1:04d}", "end": f"{y2:04d}"}, False) if y1 < y2 <= y1 + 30 else None
        y2 = int(g.s2) if len(g.s2) == 4 else y1 // 100 * 100 + int(g.s2)  # 2011-2012学年, 2009-10赛季
        return ({"start": f"{y1:04d}", "end": f"{y2:04d}"}, False) if y2 == y1 + 1 else None
    if g.uy:
        y, mo, d = int(g.uy), int(g.um), int(g.ud)
        return (f"{y:04d}-{mo:02d}-{d:02d}", False) if _ok(y, mo, d) else None
    if g.iy:
        return f"{g.iy}-{g.im}", False
    if g.dec4:
        start = int(g.dec4)  # 1970年代: the decade written with its century
        return {"start": f"{start:04d}", "end": f"{start + 9:04d}"}, False
    if g.dec:
        dec = int(parse_number(g.dec) or 0)
        if g.cent:
            base = (int(parse_number(g.cent) or 0) - 1) * 100
            rel = False
        elif g.rcent == "本世纪":
            base, rel = 2000, True
        else:
            base, rel = 1900, True
        start = base + dec
        return {"start": f"{start:04d}", "end": f"{start + 9:04d}"}, rel
    if g.hh:
        hour = int(parse_number(g.hh) or 0)
        tp, mi = g.tp, g.mi
        if tp in ("早", "晚") and g.hh == "一" and g.hunit == "点" and not mi:
            return None  # 早一点, 晚一点: "a bit earlier", no one o'clock
        if not tp and m.string[m.start() - 1 : m.start()] == "加":
            return None  # 打成2加1时: a basket and the foul shot after it (2+1), no one o'clock
        if not tp and m.string[m.start() - 1 : m.start()].isascii() and m.string[m.start() - 1 : m.start()].isalpha():
            return None  # 玩war3时: a name's number (Warcraft 3), no three o'clock
        if not tp and g.hunit == "点" and not mi and not (
            m.string[m.start() - 1 : m.start()] in ("日", "号") or m.string[m.start() - 2 : m.start()] in _DAY_BEFORE_CLOCK
            or m.group(0).endswith("钟")
            or (g.hh[0].isdigit() and "时间" in m.string[max(0, m.start() - 6) : m.start()])  # 当时的时间大概是7点
            or (g.hh[0].isdigit() and m.string[m.end() : m.end() + 1] in _CLOCK_AFTER)
        ):
            return None  # 3100点 is index points, 3点 alone is not a time (12月16日18点, 昨天18点, 3点钟, 2点才结束 are)
        if not tp and not g.hh[0].isdigit() and (not mi or g.hunit == "点") and m.string[m.start() - 1 : m.start()] not in ("日", "号") and not (
            g.hunit == "时" and g.hh != "一" and g.hh != "两" and not mi
            and (m.string[m.end() : m.end() + 1] in _CLOCK_AFTER or m.string[m.start() - 2 : m.start()] in _DAY_BEFORE_CLOCK)
        ):
            return None  # 一时 (这一时期, 煊赫一时), 一点一点: words (1月1日零时, 5日八时, 九时开始, 十时许, 昨天九时 are times)
        if not tp and g.hunit == "点" and mi and mi != "半" and not g.fen:
            return None  # 3点5 is a number
        if hour > 24:
            return None
        hour = clock_hour(tp, hour)
        if mi:
            minute = 30 if mi == "半" else int(parse_number(mi) or 0)
            if minute > 59:
                return None
            return f"T{hour:02d}:{minute:02d}", True
        return f"T{hour:02d}", True
    if g.wd:
        if pub is None:
            return None, True
        shift = {"上": -7, "上个": -7, "上上": -14, "下": 7, "下个": 7, "下下": 14}.get(g.wpre or "", 0)
        monday = pub - _dt.timedelta(days=pub.weekday())
        day = monday + _dt.timedelta(days=WEEKDAYS[g.wd] + shift)
        return day.isoformat(), True
    if g.rm:
        d = _day_num(g.rd)
        delta = REL_MONTH[g.rm]
        if not _ok(None, None, d):
            return None
        if pub is None or delta is None:
            return f"---{d:02d}", True
        mi = pub.year * 12 + pub.month - 1 + delta
        return f"{mi // 12:04d}-{mi % 12 + 1:02d}-{d:02d}", True
    # year / month / day / quarter / half / leading months
    day_s = g.d1 or g.d  # the two day-of-month groups sit in alternatives
    if g.lunar or g.lunar2 or g.bigyear or (g.m and g.m in "正腊冬") or (day_s or "").startswith("初"):
        # a lunar date: converting it needs a lunar calendar, so the value stays null
        return None, not (g.y or g.era)
    year: int | None = None
    relative = False
    if g.era:
        n = 1 if g.ey == "元" else int(parse_number(g.ey) or 0)
        year = ERAS[g.era] + n - 1
        if g.m:
            mo = _month_num(g.m)
            d = _day_num(day_s) if day_s else None
            if not (1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
                return None
            return (f"{year:04d}-{mo:02d}-{d:02d}" if d else f"{year:04d}-{mo:02d}"), False
        return f"{year:04d}", False
    if g.y:
        year = _year(g.y)
        if year is None or not (_ok(year) or (len(g.y) == 3 and year >= 100)):  # 三六七年: the year 367
            return None
        if len(g.y) == 2 and not (g.m or g.q or g.q2 or g.h or g.h2 or g.qn or g.mn):
            s, e = m.start(), m.end()
            before = m.string[s - 1 : s] if s else ""
            # a space the match took after 年 ends a headline's phrase (漏报13年 开20余次证明: 开 starts the next one)
            after = " " if m.string[e - 1 : e].isspace() else m.string[e : e + 1]
            # 96年回国: nobody writes 96 years so; but 成立88年来 is "in the 88 years since"
            late = int(g.y) >= 80 and after not in _DURATION_AFTER if g.y.isdigit() else False
            year_like = (
                (after in _YEAR_AFTER or late)
                and (before == "" or before not in _DURATION_BEFORE)
                and not (after == "的" and m.string.startswith(_SPAN_AFTER_DE, e + 1))
                and not m.string.endswith(_SINCE, 0, s)  # 成立以来的88年: the years since, no '88
                and not m.string.endswith(_DURATION_VERBS, 0, s)
                and not m.string.startswith(_YEARS_BOUND_AFTER, e)
                and not (after == "施" and m.string.startswith(_SPAN_OF_WORK, e))
            )
            if not g.y.startswith(("0", "零", "〇")) and not year_like and not g.ysub:
                return None  # 20年 alone: a duration more often than 2020
    elif g.ry:
        relative = True
        delta = REL_YEAR[g.ry]
        if pub is not None and delta is not None:
            year = pub.year + delta
    if g.ysub and not (g.y or g.ry):
        return None  # 年底 alone
    has_part = bool(g.m or g.q or g.q2 or g.qn or g.h or g.h2 or g.mn or g.ysub or g.last)
    if not g.y and not has_part:
        return None  # 今年 alone is not a fact
    if g.ry and not has_part:
        return None
    if not g.y and not g.ry:
        relative = True
        if pub is not None:
            year = pub.year
    if g.m:
        mo = _month_num(g.m)
        d = _day_num(day_s) if day_s else None
        if not _ok(None, mo, d):
            return None
        if year is None:
            return (f"--{mo:02d}-{d:02d}" if d else f"--{mo:02d}"), True
        return (f"{year:04d}-{mo:02d}-{d:02d}" if d else f"{year:04d}-{mo:02d}"), relative
    if g.q or g.q2:
        q = int(parse_number(g.q or g.q2) or 0)
        return (f"{year:04d}-Q{q}" if year is not None else None), relative
    if g.last:  # 2024年最后一个月: December; 最后一个季度: the fourth quarter
        if year is None:
            return None, True
        return (f"{year:04d}-12" if g.last == "月" else f"{year:04d}-Q4"), relative
    if g.h or g.h2:
        h = 1 if g.h == "上" or g.h2 == "1" else 2
        return (f"{year:04d}-H{h}" if year is not None else None), relative
    if g.qn or g.mn:
        end = int(parse_number(g.qn) or 0) * 3 if g.qn else int(parse_number(g.mn) or 0)
        if not 1 <= end <= 12:
            return None
        if year is None:
            return None, True
        return {"start": f"{year:04d}-01", "end": f"{year:04d}-{end:02d}"}, relative
    if year is None:
        return None, True
    return f"{year:04d}", relative


def weekday_after(start: str, first: str, second: str) -> str:
    """The ISO date of weekday ``second`` in a range that starts on ``start``, weekday ``first``
    (上周一至周五: the second weekday is in the first one's week, or the next).

    >>> weekday_after("2025-06-02", "一", "五"), weekday_after("2025-06-06", "五", "一")
    ('2025-06-06', '2025-06-09')
    """
    delta = WEEKDAYS[second] - WEEKDAYS[first]
    day = _dt.date.fromisoformat(start) + _dt.timedelta(days=delta if delta > 0 else delta + 7)
    return day.isoformat()


def range_end(start: Any, end: Any) -> Any:
    """Fill what the second end of a date range leaves out from the first.

    >>> range_end("2024-03-01", "--04-30"), range_end("2024-03-01", "---05"), range_end("2009", "2010")
    ('2024-04-30', '2024-03-05', '2010')
    >>> range_end("--05-18", "---30")
    '--05-30'
    """
    if not isinstance(start, str) or not isinstance(end, str):
        return end
    if end.startswith("---") and len(start) >= 7 and start[:1].isdigit():
        return start[:7] + "-" + end[3:]
    if end.startswith("---") and len(start) >= 7 and start.startswith("--") and not start.startswith("---"):
        return start[:4] + "-" + end[3:]  # --05-18 to ---30: --05-30
    if end.startswith("--") and start[:1].isdigit():
        return start[:4] + "-" + end[2:]
    return end


#: After a date, the period it closes: 截至2024年12月31日止年度 (a year), 截至2025年6月30日止六个月.
PERIOD_ENDED_RE = re.compile(r"\s?止\s?(?:的)?(?:(?P<n>\d{1,2}|[一二两三四五六七八九]|十[一二]?)\s?个月|(?P<year>(?:财政)?年度|财年))")


def period_ending(date: str, months: int) -> Any:
    """The period of ``months`` whole months that ends on the ISO ``date`` (a month's last day):
    a calendar year as its year, else {"start", "end"} in months.

    >>> period_ending("2024-12-31", 12), period_ending("2024-06-30", 12), period_ending("2025-06-30", 6)
    ('2024', {'start': '2023-07', 'end': '2024-06'}, {'start': '2025-01', 'end': '2025-06'})
    """
    y, m = int(date[:4]), int(date[5:7])
    if months == 12 and m == 12:
        return date[:4]
    first = y * 12 + (m - 1) - (months - 1)
    return {"start": f"{first // 12:04d}-{first % 12 + 1:02d}", "end": date[:7]}


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")


def parse_published(value: str | _dt.date | None) -> _dt.date | None:
    """Read a publication date.

    >>> parse_published("2025-09-05T08:00:00+08:00"), parse_published("2025年9月5日")
    (datetime.date(2025, 9, 5), datetime.date(2025, 9, 5))
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(s[:10], fmt).date()
        except ValueError:
            continue
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"cannot read the date {value!r}; use YYYY-MM-DD, for example --published 2025-09-05")
