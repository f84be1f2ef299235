"""Tie each value to what it measures (metric), whose it is (subject) and when (period).

Rules, clause by clause:

- ``metric``: the nearest lexicon word (营收, 净亏损, 毛利率 …) before the value in its clause,
  else the first one after it (``"rule"``); else the noun phrase (whole words, by jieba's
  part-of-speech tags) right before the verb that introduces the value, modals and adverbs
  skipped (集资额有望突破 → 集资额, ``"inferred"``);
- ``subject``: the canonical name of the nearest entity before the value in its clause
  (``"rule"``), else the last organisation or product earlier in the sentence, else the
  article's main entity (both ``"inferred"``);
- ``period``: the nearest date fact in the clause (``"rule"``), else the last one earlier in the
  sentence (``"inferred"``).

>>> from nlp_news.numeric.extract import extract_facts
>>> text = "2024年,MiniMax的净亏损达到了4.65亿美元。"
>>> f = link_facts(text, extract_facts(text), main_entity="MiniMax")[1]
>>> f.metric, f.subject, f.period, f.linked_by
('净亏损', 'MiniMax', '2024', {'metric': 'rule', 'subject': 'inferred', 'period': 'rule'})
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from ..schema import Entity, Fact
from .patterns import alternation

if TYPE_CHECKING:
    from ..tokenizer import Segmenter

#: Measured quantities, longest first when matched.
#: Metrics that are amounts of money: a number they measure with no currency word (价格要220万,
#: 净亏损2亿) is money in the article's currency (NUMERIC-CONVENTIONS: "a price with no currency
#: word is money"). Not trade, GDP or 规模, which news also gives in dollars or in goods.
MONEY_METRICS = frozenset(
    """营收 营业收入 营业总收入 总营收 收入 总收入 营业额 净利润 归母净利润 扣非净利润 利润 利润总额 毛利 毛利润
    净亏损 亏损 累计亏损 研发支出 研发投入 研发费用 现金 市值 估值 融资 融资额 募资 募资额 销售额 成交额 房价 均价
    成交均价 票房 负债 资产 总资产 净资产 投资 投资额 价格 售价 票价 学费 租金 成本 开支 支出 费用 预算 资金 分红
    奖金 年终奖 罚款 赔偿 经营收入 主营业务收入 净收入 存款 贷款 保费 薪酬 工资 开价 要价 标价 总价 单价 报价 成交价 底价
    起价 损失 经济损失 资产规模 基金规模 管理规模 募集规模 首募规模 发行规模 信贷规模 融资规模 市场规模 产值 总产值
    零售额 消费零售额 销售总额 非税收入 税收收入 现金红利 RevPAR 新业务价值 首付款 首付 市价 补偿 补偿款 补偿标准 补偿金 放贷量 年薪 月薪 身价 转会费 补贴 补助 总投资 投资总额 GDP
    发行价 招股价 片酬 酬劳 出场费 代言费 身家 版权费 违约金 赔偿金 罚金 房租 月租 年租金 奖励金 奖金池 净利 利息
    总价值 交易总价值 股息 派息 末期股息 中期股息 特别股息 每股收益 定价 零售价 建议零售价 余额 贷款余额 存款余额 挂牌价 挂牌均价 起投金额 捐款总额 贷款总额 研发开支 零售总额 社会消费品零售总额 存款总额 交易总额 融资总额 募资总额""".split()
)


def is_money_metric(metric: str | None) -> bool:
    """Is ``metric`` an amount of money: a word of :data:`MONEY_METRICS`, any …金额 (涉案金额, 合同金额),
    or a threshold found as the noun before the value (个人门槛为50万: an entry threshold is money; 门槛 is
    no word of the lexicon, which would give it to any value after 门槛太高).

    >>> is_money_metric("涉案金额"), is_money_metric("净亏损"), is_money_metric("机构门槛")
    (True, True, True)
    >>> is_money_metric("用户"), is_money_metric(None)
    (False, False)
    """
    return metric is not None and (metric in MONEY_METRICS or metric.endswith(("金额", "门槛")))

METRICS: tuple[str, ...] = tuple(
    sorted(
        set(
            """毛利率 净利率 现金流 现金及理财 用户 月活 月活跃用户 日活 活跃用户 付费用户 下载量 销量 出货量
            交付量 成交量 GDP 增速 增长率 涨幅 跌幅 市场份额 份额 占比 比例 税收 股价 收盘价 开盘价 净值
            收益率 回报率 利率 汇率 CPI PPI 产量 出口 进口 进出口 贸易额 人口 失业率 规模 市场规模
            订单 库存 储量 面积 产能 增幅 降幅 开户数 客流量 访问量 播放量 点击量 粉丝 会员 人数 渗透率
            市占率 占有率 市场占有率 覆盖率 普及率 使用率 利用率 转化率 留存率 点击率 入住率 出租率 空置率
            去化率 开工率 产能利用率 负债率 资产负债率 不良率 不良贷款率 准备金率 存款准备金率 贷款利率 存款利率
            税率 关税 赤字率 出生人口 就业率 升学率 录取率 通过率 合格率 达标率 完成率 投票率 支持率 出勤率 死亡率 治愈率
            发病率 感染率 增加值 工业增加值 比重 市净率 市销率 装机容量 指数 气温 最高气温 最低气温 温度 降雨量 降水量
            零售 批发 交付 产量 销量 零售量 批发量 网签量 LPR 贷款市场报价利率 房贷利率 居民消费价格 工业生产者出厂价格""".split()
        )
        | MONEY_METRICS,
        key=len,
        reverse=True,
    )
)
_METRIC_SET = frozenset(METRICS)
#: Metrics that are rates or shares: they measure percents and plain numbers, not money or counts
#: (涨幅 and 份额 can be amounts: 房价涨幅2000元, 基金份额295亿份).
_RATE_METRICS = frozenset(m for m in METRICS if m.endswith("率") or m in ("增速", "占比", "比例", "比重", "市场份额", "指数", "LPR"))
#: Prices: they measure money, percents and numbers, never a count (以每股12.5元的价格回购2000万股: the
#: shares are no price; 256GB版本售价4999元: the storage is none).
_PRICE_METRICS = frozenset(
    """价格 售价 票价 房价 均价 成交均价 单价 总价 开价 要价 标价 报价 成交价 底价 起价 市价 发行价 招股价 挂牌价 零售价 建议零售价 定价
    挂牌均价 股价 收盘价 开盘价""".split()
)


def _measures(metric: str, kind: str) -> bool:
    """Can ``metric`` measure a value of ``kind``? A rate measures no amount or count, a price no count.

    >>> _measures("不良率", "money"), _measures("售价", "count"), _measures("售价", "money"), _measures("用户", "count")
    (False, False, True, True)
    """
    if kind == "count":
        return metric not in _RATE_METRICS and metric not in _PRICE_METRICS
    return kind != "money" or metric not in _RATE_METRICS
_NOT_NOUNS = frozenset(
    "同比 环比 分别 合计 累计 共计 总计 已经 目前 当前 预计 估计 大约 其中 一共 同期 去年 今年 小幅 大幅 全国 结果 "
    "二者 两者 三者 前者 后者 双方 各方 二人 两人 去年同期 上年同期 今年同期 月份 年份 年度 日期 "
    "城市 农村 城镇 乡村 地区 东部 中部 西部 东北 一线城市 二线城市 三线城市 "
    # times (较上季末下降: 季末) and the kinds of a change (名义增长, 扣除价格因素实际增长, 按年实质增长): what is
    # measured is named before them
    "季末 月末 年末 年底 年初 月初 季初 期末 期初 名义 实际 实质".split()
)
#: Averages over a time: right before the verb an adverb (会诊年均超过80万例, 平台年均超过), else a part of a
#: metric's name (日均门诊量).
_NOT_NOUNS_ALONE = frozenset("年均 日均 月均 人均".split())
#: The metric words as a trie (:func:`~nlp_news.numeric.patterns.alternation`): the same matches as
#: their alternation longest first, without testing each of 190 words at every position.
_METRIC_RE = re.compile(alternation(METRICS))
#: A part of a sentence that opens with a metric (；净利润为…, ；而经调整净利润…): no topic of its own.
_METRIC_FIRST = re.compile(r"\s*(?:而|其中|同期|全年|经调整|调整后)?\s*(?:" + alternation(METRICS) + ")")
#: The last characters of the verbs before a value (a quick test before :func:`_noun_before_verb`).
_VERB_LAST = frozenset("为达到是过长了降至破得现约近逾高")
_CLAUSE_END = re.compile(r"[,，;；。！？!?\n]")
_SENT_END = re.compile(r"[。！？!?；;\n]")
_MEASURES = ("money", "percent", "count", "number")
#: Words before a date that make it the date of an event (founding, birth, listing), not a period
#: that the rest of the sentence reports on.
_EVENT_BEFORE = re.compile(r"(?:成立|创立|创办|创建|组建|始建|注册|诞生|出生|生)(?:于|在)\s?$")


def _founded_before(text: str, lo: int, end: int) -> bool:
    """Whether :data:`_EVENT_BEFORE` ends at ``end`` (searched from ``lo``), asked with a search only when
    于 or 在 stands there (most dates: no search).

    >>> _founded_before("公司成立于2019年", 0, 5), _founded_before("公司在2019年", 0, 3)
    (True, False)
    """
    window = text[lo:end]
    return ("于" in window or "在" in window) and _EVENT_BEFORE.search(text, lo, end) is not None
_TOPIC_WORDS = re.compile(r"^\s*(?:截至|截止|在|于|到了|而到了|而|到|自|从)|(?:以来|时|期间|来看|里|中)\s*$")
_SUBJECT_LABELS = ("ORG", "PER", "PRODUCT", "WORK")
_NOUN_STOP = set("的了在是和与及或等中也都就而并从到至这那其该各每些年月日个内")
#: The characters of :data:`_NOUN_STOP` that are function words: a word of several characters holding one
#: is no measured quantity; 中, 年, 月, 日, 个 are also parts of nouns (命中率, 年收入, 日活).
_FUNCTION_STOP = frozenset("的了在是和与及或等也都就而并从到至这那其该各每些")


def _stops_noun(word: str) -> bool:
    """Does ``word`` end a metric's noun phrase: a stop character alone, or a word with a function
    character in it that is no name of a quantity (到手价: a word and a suffix of :data:`_NOUN_SUFFIXES`)?

    >>> _stops_noun("命中率"), _stops_noun("中"), _stops_noun("的话"), _stops_noun("营收"), _stops_noun("到手价")
    (False, True, True, False, False)
    """
    if len(word) == 1:
        return word in _NOUN_STOP
    return not _FUNCTION_STOP.isdisjoint(word) and not (len(word) > 2 and word[-1] in _NOUN_SUFFIXES)


def split_spans(text: str, pattern: re.Pattern[str], within: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Split ``text`` (or each span of ``within``) after every match of ``pattern``.

    >>> split_spans("甲,乙。丙", _CLAUSE_END)
    [(0, 2), (2, 4), (4, 5)]
    """
    spans = within if within else [(0, len(text))]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        last = s
        for m in pattern.finditer(text, s, e):
            out.append((last, m.end()))
            last = m.end()
        if last < e:
            out.append((last, e))
    return out


@lru_cache(maxsize=4096)
def is_news_source(name: str) -> bool:
    """Is ``name`` a news outlet or agency, the source of an article rather than what it is about?

    Memoised: it is asked of every entity of every article with a linked fact (16k times on
    cnews-800, for a few thousand names). Asked with string methods, not the pattern it was
    (``(?:网|社|…)$|^(?:新浪|…)(?:体育|…)$``, searched from every position of the name: 7.6 M -> 0.5 M
    instructions for the 1,445 names of 200 cnews-800 articles).

    >>> [is_news_source(n) for n in ("新浪体育", "中新网", "广州日报", "美联社", "腾讯", "国家统计局", "智谱AI", "新浪微博")]
    [True, True, True, True, False, False, False, False]
    """
    return name.endswith(_NEWS_SOURCE_ENDS) or (name[:2] in _PORTALS and name[2:] in _PORTAL_CHANNELS)


#: How the names of news outlets end (中新网, 广州日报, 文汇报, 新华社, 证券时报).
_NEWS_SOURCE_ENDS = ("网", "社", "报", "周刊", "电视台", "广播电台", "通讯社", "中央社")
#: The portals whose channels' datelines open their stories (新浪体育, 雅虎体育), and those channels.
_PORTALS = frozenset(("新浪", "搜狐", "网易", "腾讯", "凤凰", "雅虎", "和讯", "中新", "人民", "新华"))
_PORTAL_CHANNELS = frozenset(("体育", "娱乐", "财经", "科技", "房产", "汽车", "教育", "时尚", "游戏", "家居", "新闻", "网"))


def main_entity_of(entities: Sequence[Entity]) -> str | None:
    """The most mentioned organisation (else any entity) of an article; not a news source
    (:func:`is_news_source`: a dateline's 新浪体育 is not what the story is about).

    >>> main_entity_of([Entity("智谱", 0, 2, "ORG", "company", "智谱AI", 1.0, "rule")] * 2)
    '智谱AI'
    """
    return _most_mentioned(_subjects(entities))


def _subjects(entities: Sequence[Entity]) -> list[Entity]:
    """The entities that may be a value's subject, in their order: organisations, people,
    products and works that are no news source."""
    return [e for e in entities if e.label in _SUBJECT_LABELS and not is_news_source(e.canonical)]


#: What stands before a journalist's name in a byline or credit (本报记者 郭少峰, 通讯员张明, 文/李华).
#: (记者：郭总 in an interview is the reporter's question to 郭总: a colon after 记者 labels a speaker.)
_BYLINE_BEFORE = re.compile(r"(?:记者|通讯员|实习生)\s*$|(?:编辑|摄影|撰稿|责编|作者)[\s：:]*$|(?:文|图)\s*[/／]\s*$")
#: The last characters of its words and marks (a word added there needs its last character here): the six
#: characters before a person hold one of them, or no byline, which a set test tells without a search
#: (5,321 people on cnews-800, few of them after a byline).
_BYLINE_LAST = frozenset("者员生辑影稿编/／")


def _in_byline(text: str, e: Entity) -> bool:
    """Whether the person ``e`` is named in a byline or credit: the writer of the story is not whose a value is
    (高校毕业生入伍最高补助2.4万元 本报讯(记者郭少峰)).

    >>> t = "入伍补助2.4万元 本报讯(记者 郭少峰)"
    >>> _in_byline(t, Entity("郭少峰", 17, 20, "PER", "name", "郭少峰", 1.0, "rule"))
    True
    >>> _in_byline("经理郭少峰表示", Entity("郭少峰", 2, 5, "PER", "name", "郭少峰", 1.0, "rule"))
    False
    """
    lo = e.start - 6 if e.start > 6 else 0
    return (
        e.label == "PER"
        and not _BYLINE_LAST.isdisjoint(text[lo : e.start])
        and _BYLINE_BEFORE.search(text, lo, e.start) is not None
    )


def _not_bylines(text: str, entities: list[Entity]) -> list[Entity]:
    """``entities`` sorted by start, without the people named in bylines (:func:`_in_byline`) and the names
    written right after one, apart by a space or 、 (记者吴鹏 李静睿: both wrote the story)."""
    out = []
    byline_end = -1
    for e in sorted(entities, key=_START):
        if e.label == "PER" and (_in_byline(text, e) or (byline_end >= 0 and not text[byline_end : e.start].strip(" 、\u3000"))):
            byline_end = e.end
            continue
        out.append(e)
    return out


def _most_mentioned(subjects: Sequence[Entity]) -> str | None:
    """:func:`main_entity_of` of the article's :func:`_subjects`."""
    for labels in (("ORG",), _SUBJECT_LABELS):
        counts: dict[str, int] = {}
        for e in subjects:
            if e.label in labels:
                counts[e.canonical] = counts.get(e.canonical, 0) + 1
        if counts:
            # as Counter.most_common(1): the first counted of the most frequent
            return max(counts.items(), key=itemgetter(1))[0]
    return None


def _locate(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return (0, 0)
    return spans[i]


def link_facts(
    text: str,
    facts: list[Fact],
    *,
    entities: Sequence[Entity] | None = (),
    clauses: list[tuple[int, int]] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    main_entity: str | None = None,
    segmenter: Segmenter | None = None,
) -> list[Fact]:
    """Fill ``metric``, ``subject``, ``period`` and ``linked_by`` of every non-date fact.

    ``facts`` are :class:`Fact` objects or :data:`~nlp_news.numeric.extract.FactRow` tuples of
    their fields; the result is Facts.

    ``sentences`` (spans into ``text``) default to a split on 。！？；; ``clauses``
    default to a split of the sentences on commas. Entities, dates and clause ends are
    looked up by bisection over indexes built once per call. ``segmenter`` tags the words
    before a verb for an inferred metric (default: :func:`~nlp_news.numeric.extract.default_segmenter`).

    >>> from nlp_news.numeric.extract import extract_facts
    >>> t = "2025年前三季度,公司研发支出达到1.8亿美元,占营收的337.4%"
    >>> [(f.text, f.metric, f.period) for f in link_facts(t, extract_facts(t))][1:]
    [('1.8亿美元', '研发支出', {'start': '2025-01', 'end': '2025-09'}), ('337.4%', '营收', {'start': '2025-01', 'end': '2025-09'})]
    """
    if not facts:
        return []
    if all(f.kind in _UNLINKED for f in facts):
        return [_as_fact(f) for f in facts]
    entities = list(entities or ())
    if sentences is None:
        sentences = split_spans(text, _SENT_END)
    sentences = sorted(sentences)
    locate_clause = _clause_locator(text, sentences, clauses)
    main: Any = main_entity or _UNSET  # the article's main entity, counted only when a fact needs it
    # list comprehensions sorted in place, not generators into sorted(): one frame per list, not a
    # generator resumed per item (11,600 facts and 16,000 entities read on cnews-800)
    dates = [f for f in facts if f.kind == "date" and not (isinstance(f.value, str) and f.value.startswith("T"))]
    dates.sort(key=_START)
    d_starts = [d.start for d in dates]
    subjects = _not_bylines(text, _subjects(entities))  # sorted by start: the article's order, for its main entity
    e_starts = [e.start for e in subjects]
    subj_orgs = [e for e in subjects if e.label != "PER"]
    o_starts = [e.start for e in subj_orgs]
    f_starts = [f.start for f in facts]
    in_order = f_starts == sorted(f_starts)  # every start at or after the one before (sorting sorted ints costs one C pass)
    currency: Any = _UNSET  # the article's currency, counted only when a fact needs it
    s_starts: list[int] | None = None  # the sentences' starts, listed only when a fact needs its sentence's end
    with_metric: list[Fact] = []  # linked measures with a metric, in the order they were linked
    # 2022年、2023年及2024年，研发开支分别为4.6亿元、8.9亿元及15.3亿元: each value's own year
    respective = respective_periods(text, facts, dates, locate_clause) if "分别" in text else None
    semi_parts: dict[int, tuple[bool, int, Any]] = {}

    def semi_part(ss: int) -> tuple[bool, int, Any]:
        """Of the part of a sentence that starts at ``ss``, after a semicolon (read once for all its
        facts): does it open with a metric, where does a time word of its own stand (its end if none),
        and the date of its whole sentence (:func:`_opening_date`)."""
        got = semi_parts.get(ss)
        if got is None:
            m = _SENT_END.search(text, ss)
            pe = m.end() if m else len(text)
            own = _OWN_TIME.search(text, ss, pe)
            got = semi_parts[ss] = (
                _METRIC_FIRST.match(text, ss) is not None,
                own.start() if own else pe,
                _opening_date(text, ss, dates, d_starts, locate_clause),
            )
        return got

    out: list[Fact] = []
    for f in facts:
        if f.kind in _UNLINKED:
            out.append(_as_fact(f))
            continue
        fs = f.start
        cs, ce, ss = locate_clause(fs)
        linked: dict[str, str] = {}
        same_currency = None  # the currency of the money a bare amount changes
        metric = _metric(text, f, cs, ce, linked, segmenter)
        if metric is None:
            # 营收…从346万美元到3050万美元,再到5340万美元,同比增长170%: the sentence goes on about the
            # quantity it named last
            last = None
            for p in reversed(with_metric):
                if ss <= p.start:
                    last = p
                    break
                if in_order:
                    break
            if last is not None and (
                (last.kind == f.kind and (f.kind != "count" or _one_measure(last.unit, f.unit)))  # 6.8级…10公里…126人: three measures
                or (f.change and (f.kind == "percent" or f.unit == "倍"))  # 增长170%, 增长近8倍: the change of it
                # 营收增长15%，达到52亿元: a clause that only goes on to the level the change reached
                or (f.kind == "money" and last.change and is_money_metric(last.metric) and _reaches(text, cs, fs))
                # 余额为129亿，同比减少9.6亿: a bare amount that changes the money named last is money of it
                or (
                    f.kind == "number" and f.change and last.kind == "money" and f.unit is None and is_money_metric(last.metric)
                    and not _HAN_AFTER.match(text, f.end)  # (50亿流量: what follows names what the amount is)
                )
            ):
                metric = last.metric
                linked["metric"] = "inferred"
                if f.kind == "number" and last.kind == "money":
                    same_currency = last.currency
        subject = None
        ent = _last_before(subjects, e_starts, cs, fs) or _first_after(subjects, e_starts, f.end, ce)
        if ent is not None:
            subject = ent.canonical
            linked["subject"] = "rule"
        else:
            # 阿里巴巴表示，天猫平台有589个品牌……，其中包括45个国产新锐品牌: the organisation or product
            # named last earlier in the sentence (a person there is mostly the speaker), else the article's
            ent = _last_before(subj_orgs, o_starts, ss, fs)
            if ent is None and text[ss - 1 : ss] in _SEMICOLONS and semi_part(ss)[0]:
                # 拼多多三季度营收1082.8亿元；净利润293.3亿元: a part that opens with a metric goes on about
                # the whole sentence's organisation (one that opens with a name of its own does not)
                ent = _last_before(subj_orgs, o_starts, whole_sentence_start(text, ss), ss)
            if ent is not None:
                subject = ent.canonical
            else:
                if main is _UNSET:
                    main = _most_mentioned(subjects)
                subject = main or None
            if subject:
                linked["subject"] = "inferred"
        period: Any = None
        if respective and fs in respective:
            period = respective[fs]
            linked["period"] = "rule"
        elif (
            (d := _last_before(dates, d_starts, cs, fs, within=ce) or _first_after(dates, d_starts, cs, ce)) is not None
            and not (text.startswith(_RATIO_FIRST, d.end) and _RATIO_AFTER.match(text, d.end) or f.change and _is_base(text, d, cs))
        ):
            period = d.value if d.value is not None else d.text
            linked["period"] = "rule"
        else:
            # (a clause's date that is the base of the change a value states, 较2024年同期增长1.23亿人次, or of
            # a ratio, 恢复至2019年同期的97.2%, is no period of it: only a date before it can be; 与5月最高成交量13180套
            # is May's level); nor is a base in an earlier clause (较9月末增加4200亿元，环比增长1.15%)
            d = _last_before(dates, d_starts, ss, d.start if d is not None else fs)
            while d is not None and (
                (d.start and text.startswith(_BASE_LAST, d.start - 1) or text.startswith(_RATIO_FIRST, d.end))  # (most dates: no call)
                and _is_base(text, d, ss) and (not _LEVEL_AFTER.match(text, d.end) or _RATIO_AFTER.match(text, d.end))
            ):
                d = _last_before(dates, d_starts, ss, d.start)  # (比2009-10赛季的29.7分，50.3%的命中率: levels of it)
            now = d is not None and _NOW.search(text, d.end, fs) is not None and _NOW.search(text, locate_clause(d.start)[1], fs) is not None
            if d is not None and (now or _founded_before(text, max(ss, d.start - 4), d.start) or _EVENT_AFTER.match(text, d.end)):
                # 成立于2019年，先后完成6轮融资: a founding date is no period for the clauses after it, nor is
                # the date figures were published (据协会11月10日发布的数据，零售224万辆), nor a date before a
                # clause said of now (法案7月签署，目前总市值已突破3000亿美元)
                d = None
            if d is not None:
                period = d.value if d.value is not None else d.text
                # a clause that is only the date (2024年, …) is the sentence's stated period
                dcs, dce, _ = locate_clause(d.start)
                rest = _TOPIC_WORDS.sub("", text[dcs:dce].replace(d.text, "", 1)).strip(" ,，;；")
                linked["period"] = "rule" if not rest else "inferred"
            elif not now and text[ss - 1 : ss] in _SEMICOLONS and semi_part(ss)[1] >= fs:
                # 小米第三季度总收入为1131亿元…；经调整净利润为113亿元: the date in the first clause of the
                # whole sentence governs the parts after its semicolons
                d = semi_part(ss)[2]
                if d is not None:
                    period = d.value if d.value is not None else d.text
                    linked["period"] = "inferred"
        kind, cur, source = f.kind, f.currency, f.source
        if kind == "number" and (f.unit is None or f.unit.startswith("/")) and _amount_like(f) and (
            is_money_metric(metric)
            or _MONEY_NOUN_AFTER.match(text, f.end) is not None  # 200多万房款, 500万赎金
            or _MONEY_VERB_BEFORE.search(text, max(cs, fs - 5), fs) is not None
            or _MONEY_WORD_BEFORE.search(text, max(cs, fs - 9), fs) is not None  # 判赔妻子10万, 涉案金额5亿
            or _MONEY_VERB_AFTER.match(text, f.end) is not None and text[max(cs, fs - 1) : fs] == "以"
            or _DEAL_AFTER.match(text, f.end) is not None  # 1.2亿收购, 6亿拿地: the price of a deal
            or text[fs - 1 : fs] in _TO_LAST and _EARNED_TO_BEFORE.search(text, max(cs, fs - 16), fs) is not None  # 多赚34.5%至11.8亿
            or _SALES_BEFORE.search(text, max(cs, fs - 4), fs) is not None and _LOTTERY.search(text, ss, fs) is not None  # 彩票…销量2079万
        ):
            kind, cur, source = "money", same_currency, "rule:money:metric"
        if kind == "money" and cur is None:
            # 价格要220万, 受贿800万, 以452万挂牌出售, and the bare amounts the amounts classifier made money (source
            # model:amount): a price with no currency word is money in the article's currency; in an article that
            # names none, the currency of the place, market or club its sentence names (美国花235亿), else CNY
            if currency is _UNSET:
                currency = _named_currency(facts)
            cur = currency
            if cur is None:
                if s_starts is None:
                    s_starts = [s for s, _ in sentences]
                se = _locate(sentences, s_starts, fs)[1]  # the end of the fact's sentence, as locate_clause finds it
                cur = place_currency(text, ss, se if fs < se else ce) or "CNY"
        if kind == "money" and cur == "CNY" and f.text.endswith("元") and "人民币" not in f.text and _HK_MARKET.search(text, ss, ce):
            cur = "HKD"  # 恒指…成交392亿元: the Hong Kong market counts in its own dollars (元 follows the meaning)
        if (
            kind == "money" and cur == "CNY" and text[f.end : f.end + 1] in _GLOSS_OPEN and f.text.endswith("元")
            and "人民币" not in f.text and isinstance(f.value, (int, float))
        ):
            cur = glossed_currency(text, f.end, f.value) or cur  # 600万元（约120万元人民币）: a 元 that is not the renminbi
        g = new_fact(f.text, f.start, f.end, kind, f.value, f.unit, cur, f.qualifier, f.change, f.relative,
                 metric, subject, period, source, linked)
        out.append(g)
        if metric and f.kind in _MEASURES:
            with_metric.append(g)
    return out


#: Verbs of paying, earning and taking that an amount of money follows (欲赚450万, 受贿800万, 斥资3亿),
#: and 价值 (价值百万的轿车: worth; not a metric, as fund names hold it: 汇添富价值精选).
_MONEY_VERB_BEFORE = re.compile(
    r"(?:赚|赚了|赚取|净赚|狂赚|挣|挣了|受贿|索贿|行贿|贪污|挪用|侵吞|诈骗|骗取|花|花了|花费|耗资|斥资|砸|砸下|豪掷|出资|"
    r"捐|捐赠|捐款|罚|罚款|赔|赔偿|索赔|悬赏|借|欠|套现|进账|入账|吸金|揽金|狂揽|拍出|卖出|卖了|卖|亏|亏了|募集|筹集|集资|投入|拿出|攒|攒了|攒下|攒钱|存了|存钱|买了|价值|支付|付出|缴纳|交纳"
    r"|获利|牟利|非法获利|骗|骗走|叫价|要价|开价|优惠|直降|立减|首募|募资|刷了|刷卡|花掉|损失|讨薪|追回|退还|返还"
    r"|勒索|索要|敲诈|捐资|自购|消费|贷款|贷了|融资|投资|买|买下|购买|自掏|掏|掏出|省|省下|盈利|出价|中了|中得|奖金"
    r"|总减|直减|最高减|最多减|减免|投|盗刷|浮盈|浮亏|判赔|获赔|逃税|偷税|漏税|逃汇|受损|成交|透支|输血|注资|认购|申购"
    r"|热销|建仓|汇入|汇出|汇款|转账|创收|派奖|加奖|坐拥|奖励|奖赏|贬值|升值|增值|减负|让利)"
    r"(?:了|到|约|近|超过|逾)?\s?$"
)
#: A payee between a verb of paying or taking and the amount (判赔妻子10万, 罚该公司50万, 骗网通公司183万; the
#: victims counted: 骗3名老人百余万), a fund a firm buys of its own (自购基金3000万), a house priced (别墅飙升至2500万),
#: or a noun of money right before it, a bound between (涉案金额5亿, 侵吞公款213万): the amount is money.
_MONEY_WORD_BEFORE = re.compile(
    r"(?:(?:判赔|赔偿|赔付|补偿|罚|借给|欠)[^\W\d的是有]{1,3}|(?:骗|骗取|诈骗|敲诈|勒索)(?:[了走]?(?:\d{1,3}|[一二两三四五六七八九十几]{1,2})[名个位户家])?[^\W\d的是有]{2,4}"
    r"|(?:自购|认购|申购)[^\W\d的是有]{0,6}?(?:基金|产品)(?:近|约|超过|逾|达)?|(?:别墅|豪宅)[^\W\d的是有]{0,4}|(?:市值|资产|存量|身家|财富|净值)缩水(?:了|高达|达|近|超过|逾|约)?|(?:金额|公款|税款|巨款|赃款)(?:高达|最高|共计|累计|总计|超过|约为|[达为共约近超逾])?)$"
)
#: The Hong Kong market or its monetary authority named in a sentence: a plain 元 there is a Hong Kong
#: dollar (港股成交额32.88亿元, 金管局增发180亿元的外汇基金票据).
#: The names of its market that also say a sum with no currency word is in Hong Kong dollars (:data:`_PLACE_CURRENCIES`).
_HK_MARKET_NAMES = ("港股", "恒指", "恒生指数", "港交所", "联交所")
_HK_MARKET = re.compile("|".join((*_HK_MARKET_NAMES, "国企指数", "红筹", "牛熊证", "认股证", "金管局")))
#: A deal right after an amount, which is then its price (1.2亿收购, 6亿拿地, 10亿杭州拿地, 6亿拿某某地块, 30亿增发,
#: 800万购入, 8800万增持, 30亿商业项目, 500万请名模: a fee; not 30万请愿书).
_DEAL_AFTER = re.compile(
    r"(?:元)?(?:收购|(?:[\u4e00-\u9fff]{1,3}?)?拿(?:地|[\u4e00-\u9fff]{1,8}?地块)|拿下|增持|减持|(?:[\u4e00-\u9fff]{1,4}?)?项目|流拍|投入|加盟(?![商店])|转手|易手|(?:经济)?刺激(?:计划|方案|政策|经济|内需)|拉动|(?:即可|就可|就能|便可)(?:买|购)|增发|买下|竞得|拍得|中标|入股|注资|控股|购房|买房|购车|购地|购买|建设|出售|售出|卖出|售"
    r"|购(?![物票])|请(?![愿求示假教柬帖辞战命])[\u4e00-\u9fffA-Za-z])"
)
#: Money nouns right after an amount that they name (200多万房款, 500万赎金, 3000万善款).
_MONEY_NOUN_AFTER = re.compile(r"(?:的)?(?:豪宅|豪车|巨资|重金|巨款|公司债|企业债|国债|债券|授信|公款|不法所得|非法所得|违法所得|代理费|慰问金|罚单|优惠|补贴|奖励|大奖|奖池|房款|赎金|货款|欠款|赃款|善款|捐款|税款|罚款|奖金|赔偿金|补偿金|违约金|保证金|押金|定金|订金|首付|彩礼|现金|资金|工资|薪水|年薪|月薪|学费|医药费|抢救费|手术费|费用|存款|贷款|投资|资产|家产|家财|遗产|保单|别墅|红包|头奖|一等奖|全款)")
#: After 以 + an amount, verbs of a sale (以452万挂牌出售, 以1.2亿元成交): the amount is a price.
_MONEY_VERB_AFTER = re.compile(r"(?:的价格|的价钱|的总价)?(?:挂牌|出售|售出|卖出|成交|拍得|拍出|买下|买入|购得|购入|收购|转让|中标|竞得|摘得)")

_UNLINKED = frozenset(("date", "duration", "ordinal"))
_GLOSS_OPEN = frozenset("（(")
#: Earnings that rose or fell to the amount (多赚34.5%至11.8亿, 盈利下滑两成到3亿): it is money.
_EARNED_TO_BEFORE = re.compile(r"(?:赚|盈利|获利|净利|纯利)[^，,。；;！？!?\s\d]{0,4}(?:\d+(?:\.\d+)?[%％]|[一二两三四五六七八九]成)?[至到]$")
_TO_LAST = frozenset("至到")
#: A lottery's sales are counted in yuan (胜负彩…本期销量2079万: money; a phone's 销量2079万 is units).
_SALES_BEFORE = re.compile(r"销量(?:为|达|约|超过|逾|近)?$")
#: (Its general names also say a sum is in yuan, whatever foreign club the sentence names: :data:`_HOME_WORDS`.)
_LOTTERY_NAMES = ("彩票", "胜负彩", "足彩", "福彩", "体彩")
_LOTTERY = re.compile("|".join((*_LOTTERY_NAMES, "双色球", "大乐透", "七乐彩", "排列三")) + r"|3D(?=开奖|彩)")
#: A gloss in renminbi right after an amount in 元 (（约120万元人民币）, (折合人民币3万元)).
_RMB_GLOSS = re.compile(r"[（(]\s?(?:约合|折合|约|合|相当于)?\s?(?:人民币)?\s?(\d+(?:\.\d+)?)\s?([万亿]?)\s?元?\s?(人民币)?")
#: The 元 of other places by how many of them a renminbi buys (2005-2011: NT$4.3-5.0, HK$0.94-1.2).
_YUAN_BY_RATE = (("TWD", 3.5, 5.5), ("HKD", 0.9, 1.3))


def glossed_currency(text: str, end: int, value: float) -> str | None:
    """The currency of an amount in 元 that ends at ``end`` and is glossed in renminbi right after it,
    from the rate the gloss implies; None when there is no such gloss or the rate fits none.

    >>> t = "作品已涨至600万元（约120万元人民币）"
    >>> glossed_currency(t, t.index("（"), 6000000), glossed_currency("门票80元（约合人民币72元）", 5, 80)
    ('TWD', 'HKD')
    >>> glossed_currency("售价80元（含税）", 4, 80), glossed_currency("8万元（人民币，下同）", 3, 80000)
    (None, None)
    """
    m = _RMB_GLOSS.match(text, end)
    if m is None or "人民币" not in m.group(0) or not m.group(1):
        return None
    rmb = float(m.group(1)) * {"": 1, "万": 1e4, "亿": 1e8}[m.group(2)]
    if rmb <= 0:
        return None
    rate = value / rmb
    return next((code for code, lo, hi in _YUAN_BY_RATE if lo <= rate <= hi), None)
#: A noun right after a bare amount (100亿流量): the amount counts it.
_HAN_AFTER = re.compile(r"[\u4e00-\u9fff](?<![的和及与])")
_START = attrgetter("start")
_MAGNITUDES = frozenset("十百千万亿兆")


def _amount_like(f: Any) -> bool:
    """A number written as an amount: with a magnitude (220万, 1个亿) or of 1,000 or more."""
    if not _MAGNITUDES.isdisjoint(f.text):
        return True
    v = f.value
    lo = v.get("low") if isinstance(v, dict) else v
    return isinstance(lo, (int, float)) and lo >= 1000


def article_currency(facts: Sequence[Any]) -> str:
    """The currency most of an article's money is in (ties: CNY if it is one of them, else the first
    met), CNY when it has none.

    >>> from types import SimpleNamespace as F
    >>> article_currency([F(kind="money", currency="USD"), F(kind="money", currency="CNY"), F(kind="money", currency="USD")])
    'USD'
    >>> article_currency([F(kind="money", currency="TWD"), F(kind="money", currency="CNY")])
    'CNY'
    >>> article_currency([F(kind="number", currency=None)])
    'CNY'
    """
    return _named_currency(facts) or "CNY"


def _named_currency(facts: Sequence[Any]) -> str | None:
    """:func:`article_currency`, None when no money of the article names its currency."""
    counts: dict[str, int] = {}
    for f in facts:
        if f.kind == "money" and f.currency:
            counts[f.currency] = counts.get(f.currency, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    return "CNY" if counts.get("CNY") == counts[best] else best


#: Places, markets, leagues and clubs named in a sentence, and the currency their money is counted in: the
#: currency of a sum with no currency word in an article that names none follows the meaning
#: (NUMERIC-CONVENTIONS: 元 in a story about Australian fees is AUD; 美国花235亿造“太阳”, 曼联1500万签下前锋).
#: Only names that say the place: teams whose names are common words (火箭, 太阳, 骑士) count with 队.
_PLACE_CURRENCIES: dict[str, tuple[str, ...]] = {
    "USD": (
        "美国", "美股", "华尔街", "纳斯达克", "纽交所", "纽约", "硅谷", "好莱坞", "美联储", "NBA", "湖人", "凯尔特人", "马刺",
        "尼克斯", "快船", "热火", "步行者", "雄鹿",
        *(team + "队" for team in ("火箭", "骑士", "勇士", "太阳", "国王", "魔术", "爵士", "公牛", "小牛", "掘金", "老鹰", "雷霆",
                                   "活塞", "森林狼", "灰熊", "篮网", "猛龙", "开拓者", "奇才", "黄蜂", "鹈鹕", "76人")),
    ),
    "HKD": ("香港", *_HK_MARKET_NAMES, "港府", "特区政府"),
    "EUR": (
        "欧元区", "欧盟", "欧洲央行", "德国", "法国", "意大利", "西班牙", "荷兰", "葡萄牙", "希腊", "爱尔兰", "比利时", "奥地利",
        "芬兰", "巴萨", "巴塞罗那", "皇马", "皇家马德里", "国米", "国际米兰", "AC米兰", "米兰", "尤文", "拜仁", "意甲", "西甲",
        "德甲", "法甲",
    ),
    "GBP": ("英国", "英超", "伦敦", "曼联", "切尔西", "阿森纳", "利物浦", "曼城", "热刺"),
    "JPY": ("日本", "东京", "日经"),
    "KRW": ("韩国", "首尔"),
    "TWD": ("台湾", "台北"),
    "AUD": ("澳大利亚", "澳洲", "悉尼"),
    "CAD": ("加拿大",),
    "SGD": ("新加坡",),
}
#: Names that say the money may be the renminbi's: a sentence with one of them is not read for a place's currency
#: (the Chinese lotteries sell tickets on foreign matches: 胜负彩…国米取胜…销量2066万 is in yuan).
_HOME_WORDS = ("中国", "国内", "我国", "内地", "大陆", "人民币", "国产", "中资", "中超", "CBA", *_LOTTERY_NAMES, "竞彩", "彩民", "奖池")
_PLACE_CURRENCY_OF = {w: code for code, words in _PLACE_CURRENCIES.items() for w in words} | dict.fromkeys(_HOME_WORDS, "")
_PLACE_RE = re.compile(alternation(_PLACE_CURRENCY_OF))


def place_currency(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The one currency the places, markets and clubs named in ``text[start:end]`` (a sentence) count in;
    None when they name none, several, or China too.

    >>> place_currency("美国花235亿造“太阳”"), place_currency("曼联1500万签下前锋"), place_currency("中美贸易额达5000亿")
    ('USD', 'GBP', None)
    >>> place_currency("中国企业在美国投资50亿"), place_currency("米兰2千万购曼联球星"), place_currency("公司营收3亿")
    (None, None, None)
    """
    codes = {_PLACE_CURRENCY_OF[m.group(0)] for m in _PLACE_RE.finditer(text, start, len(text) if end is None else end)}
    if len(codes) != 1 or "" in codes:
        return None
    return codes.pop()
_UNSET = object()


def _fact_maker() -> Any:
    """A function that makes ``Fact(*fields)`` from all of Fact's fields, given in their order,
    in ~0.3 us (10,900 facts on cnews-800): a frozen dataclass's ``__init__`` (~2.3 us) sets each
    field through ``object.__setattr__`` (a name lookup and a call), and even each slot's own
    setter (~0.8 us for the fifteen) is a call that packs its arguments in a tuple.
    This one fills an instance of a plain class with the same slots (``f.text = text`` is the
    interpreter's own slot store, no call), then makes it a Fact by setting ``__class__``, which
    Python allows between classes of the same layout: same slots, same base. Written from the
    fields of Fact as dataclasses writes ``__init__``. Same objects (tests/test_numeric_stage.py).
    """
    names = [f.name for f in dataclasses.fields(Fact)]
    # the same slots as Fact (dataclass(slots=True) makes them from the fields), without the frozen __setattr__
    open_fact = type("_OpenFact", (), {"__slots__": tuple(names), "__module__": __name__})
    env: dict[str, Any] = {"_new": object.__new__, "_Open": open_fact, "Fact": Fact}
    lines = [f"def new_fact({', '.join(names)}):", "    f = _new(_Open)"]
    lines += [f"    f.{name} = {name}" for name in names]
    lines += ["    f.__class__ = Fact", "    return f"]
    exec("\n".join(lines), env)  # the source is made above from the names of Fact's fields
    return env["new_fact"]


#: ``new_fact(*fields)`` is ``Fact(*fields)`` with every field given (see :func:`_fact_maker`).
new_fact = _fact_maker()


def _as_fact(f: Any) -> Fact:
    """``f`` as a :class:`Fact` (a FactRow holds the same fields in the same order)."""
    return f if isinstance(f, Fact) else new_fact(*f)


def _last_before(items: Sequence[Any], starts: list[int], lo: int, pos: int, within: int | None = None) -> Any:
    """The last of ``items`` (sorted by start) with ``lo <= start`` and ``end <= pos`` (and ``end <= within``)."""
    cap = pos if within is None or pos <= within else within
    i = bisect_right(starts, pos) - 1
    while i >= 0 and starts[i] >= lo:
        if items[i].end <= cap:
            return items[i]
        i -= 1
    return None


def _first_after(items: Sequence[Any], starts: list[int], pos: int, hi: int) -> Any:
    """The first of ``items`` (sorted by start) with ``pos <= start`` and ``end <= hi``."""
    i = bisect_left(starts, pos)
    n = len(items)
    while i < n and starts[i] <= hi:
        if items[i].end <= hi:
            return items[i]
        i += 1
    return None


_SEMICOLONS = frozenset("；;")
#: A part of a sentence that names its own time without a numeral (今年以来累计零售…, 全年): no period from
#: the date of another part.
_OWN_TIME = re.compile(r"今年|去年|明年|全年|以来|上半年|下半年|年初|年底|年末|本月|当月|本周")  # (同期 and 较上月 refer back)
#: After a date, what makes it the time something was published or said, not the period of the figures.
_EVENT_AFTER = re.compile(r"\s?(?:发布|公布|披露|召开|举行|表示|宣布|发表|称|消息|电)")
#: Before a date that is the base of a comparison (较2007年底, 比上年同期, 与2023年相比): no period of the values.
_BASE_BEFORE = re.compile(r"(?:较|比|与|相比|同比|对比)\s?$")
#: After a date, a multiple of its level (达到2015年的5倍): the date is the base of a ratio, no period of it
#: or of the values after it; so is a share of the same period (恢复至2019年同期的97.2%). (Not a share after
#: the date alone: 从2010年的6.9%下降到2011年的6.3% are the levels of those years.)
_RATIO_AFTER = re.compile(r"(?:同期|同期水平)?的\s?(?:[\d.]+|[一二两三四五六七八九十几数]+)\s?倍|同期(?:水平)?的\s?(?:[\d.]+\s?[%％]|百分之)")
#: After a comparison's base, a level of it (比2009-10赛季的29.7分): values listed on after it are of its date.
_LEVEL_AFTER = re.compile(r"(?:同期|赛季)?的")
#: After 从 + a date, the low or high point a change started from (从7月低点回升至7.6万元/吨).
_POINT_AFTER = re.compile(r"的?(?:低点|高点|低位|高位|峰值|谷底|最低点|最高点)")
#: Words of the present: a date named before them is no period of what follows (目前, 本月).
_NOW = re.compile(r"目前|当前|如今|眼下|本月|本周")
#: The last characters of :data:`_BASE_BEFORE` and 从, and the first of :data:`_RATIO_AFTER` (a test before a search).
_BASE_MARKS = frozenset("较比与从")
_BASE_LAST = (*_BASE_MARKS, " ")  # (the character right before a date: a mark, or the space of 较 9月末)
_RATIO_FIRST = ("同", "的")


def _is_base(text: str, d: Any, lo: int) -> bool:
    """Is the date ``d`` the base of a comparison (较9月末, 与二季度末持平, 比上年), of a ratio (2019年同期的97.2%)
    or the point a change started from (从7月低点)? ``lo``: where the search before it may start.

    >>> from types import SimpleNamespace as D
    >>> t = "较9月末增加，恢复至2019年同期的97.2%，从7月低点回升，2024年营收"
    >>> [_is_base(t, D(start=t.index(w), end=t.index(w) + len(w)), 0) for w in ("9月末", "2019年", "7月", "2024年")]
    [True, True, True, False]
    """
    before = text[max(lo, d.start - 2) : d.start]  # (most dates: no mark of a base before nor a ratio after, no search)
    return (
        not _BASE_MARKS.isdisjoint(before)
        and (
            _BASE_BEFORE.search(text, max(lo, d.start - 3), d.start) is not None
            or before[-1:] == "从" and _POINT_AFTER.match(text, d.end) is not None
        )
    ) or (text.startswith(_RATIO_FIRST, d.end) and _RATIO_AFTER.match(text, d.end) is not None)


def whole_sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts when only 。！？ and line ends close sentences (not
    semicolons).

    >>> whole_sentence_start("甲。乙；丙", 4)
    2
    """
    return max(text.rfind(c, 0, pos) for c in "。！？!?\n") + 1


def _opening_date(text: str, ss: int, dates: Sequence[Any], d_starts: list[int], locate_clause: Any) -> Any:
    """The date that states the period of the whole sentence (to 。！？) that the part starting at
    ``ss`` (after a semicolon) belongs to: the last one before ``ss`` that is in the sentence's part
    before its first semicolon (报告显示，公司前三季度实现营收…；净利润…) or is its clause alone
    (2008年，…), or None.

    >>> from nlp_news.numeric.extract import extract_facts
    >>> t = "公司第三季度营收为5亿元；净利润为1亿元。"
    >>> ds = [f for f in extract_facts(t) if f.kind == "date"]
    >>> _opening_date(t, 13, ds, [d.start for d in ds], _clause_locator(t, [(0, 13), (13, len(t))], None)).text
    '第三季度'
    >>> t = "该部6月12日公布，2008年，基金收入为5亿元；支出为4亿元。"
    >>> ds = [f for f in extract_facts(t) if f.kind == "date"]
    >>> _opening_date(t, 26, ds, [d.start for d in ds], _clause_locator(t, [(0, 26), (26, len(t))], None)).text
    '2008年'
    """
    start = whole_sentence_start(text, ss)
    first_part_end = min((i for i in (text.find(c, start, ss) for c in _SEMICOLONS) if i >= 0), default=ss)
    fallback = None
    d = _last_before(dates, d_starts, start, ss)
    while d is not None:
        if _EVENT_AFTER.match(text, d.end):
            d = _last_before(dates, d_starts, start, d.start)
            continue  # 据乘联会11月10日发布的数据: when the figures were published, not what they cover
        dcs, dce, _ = locate_clause(d.start)
        if dcs <= start or not _TOPIC_WORDS.sub("", text[dcs:dce].replace(d.text, "", 1)).strip(" ,，;；"):
            return d  # the sentence's topic: in its first clause, or a clause alone
        if (
            fallback is None and d.end <= first_part_end
            and _BASE_BEFORE.search(text, max(start, d.start - 3), d.start) is None and not text.startswith("以来", d.end)
        ):
            fallback = d  # in the part before the first semicolon, no comparison's base (较2007年底) nor a start (2008年以来)
        d = _last_before(dates, d_starts, start, d.start)
    return fallback


#: The units of a team's record: 战绩为52胜30负 measures wins and losses as one record.
_RECORD_UNITS = frozenset(("胜", "负", "平", "场", "战", "胜场", "连胜", "连败"))


def _one_measure(a: str | None, b: str | None) -> bool:
    """Do counts in units ``a`` and ``b`` measure one quantity (for a metric named once for both)?

    >>> _one_measure("人", "人"), _one_measure("胜", "负"), _one_measure("级", "公里"), _one_measure("毫米", "人")
    (True, True, False, False)
    """
    return a == b or (a in _RECORD_UNITS and b in _RECORD_UNITS)


#: A clause that opens with the level a change reached (，达到人民币52亿元; ，升至3亿元).
_REACH_START = re.compile(
    r"\s*(?:并|且|已|将|再|也|还|则|从而|进而)?(?:达到了|达到|达|升至|增至|增加到|增加至|增长到|增长至|提高到|提高至|提升至|"
    r"降至|下降到|下降至|减少到|减少至|减至|跌至|涨至|突破|超过|逾)(?:每[年月股人天])?(?:人民币|约|近)?\s*$"
)


def _reaches(text: str, cs: int, fs: int) -> bool:
    """Is the clause from ``cs`` to the value at ``fs`` only a verb of reaching (，达到人民币52亿元)?

    >>> _reaches("营收增长15%，达到人民币52亿元", 8, 13), _reaches("营收增长15%，利用外资仅25亿元", 8, 14)
    (True, False)
    """
    return _REACH_START.match(text, cs, fs) is not None


#: What may stand between the dates of a list (2022年、2023年及2024年, 2023年和2024年).
_DATE_LIST_GAP = re.compile(r"\s*(?:、|，|,|和|及|与|以及|至)?\s*")


def _years_of(value: Any) -> list[str]:
    """The years of a period of whole years ({"start": "2022", "end": "2024"}), else [].

    >>> _years_of({"start": "2022", "end": "2024"}), _years_of({"start": "2025-01", "end": "2025-09"}), _years_of("2024")
    (['2022', '2023', '2024'], [], [])
    """
    if not isinstance(value, dict):
        return []
    a, b = value.get("start"), value.get("end")
    if not (isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 4 and a.isdigit() and b.isdigit()):
        return []
    return [str(y) for y in range(int(a), int(b) + 1)] if 0 < int(b) - int(a) < 12 else []


def respective_periods(text: str, facts: Sequence[Any], dates: Sequence[Any], locate_clause: Any) -> dict[int, Any]:
    """The period each value of a 分别 list reports on, by the start of the value: a list of n dates
    before 分别 in the sentence and n values of one kind after it in its clause pair up in order, as
    do the n years of one range of years (2022年至2024年…分别).

    ``dates`` are the date facts sorted by start; ``locate_clause`` is :func:`_clause_locator`'s.

    >>> from nlp_news.numeric.extract import extract_facts
    >>> t = "2023年和2024年，公司营收分别为3亿元及5亿元，合计8亿元。"
    >>> fs = extract_facts(t)
    >>> ds = [f for f in fs if f.kind == "date"]
    >>> {t[s:s + 3]: p for s, p in respective_periods(t, fs, ds, _clause_locator(t, [(0, len(t))], None)).items()}
    {'3亿元': '2023', '5亿元': '2024'}
    """
    out: dict[int, Any] = {}
    r = text.find("分别")
    while r >= 0:
        _, ce, ss = locate_clause(r)
        values = [f for f in facts if r < f.start and f.end <= ce and f.kind in _MEASURES]
        run: list[Any] = []
        for d in dates:
            if d.start < ss or d.end > r:
                continue
            if run and _DATE_LIST_GAP.fullmatch(text, run[-1].end, d.start) is None:
                run = []
            run.append(d)
        if len(values) >= 2 and len({f.kind for f in values}) == 1:
            if len(values) == len(run):
                out.update((f.start, d.value if d.value is not None else d.text) for f, d in zip(values, run))
            elif len(run) == 1 and (years := _years_of(run[0].value)) and len(years) == len(values):
                # 2022年至2024年，公司分别亏损…: one value a year of the range
                out.update((f.start, y) for f, y in zip(values, years))
        r = text.find("分别", r + 2)
    return out


def _clause_locator(text: str, sentences: list[tuple[int, int]], clauses: list[tuple[int, int]] | None) -> Any:
    """A function ``pos -> (start, end, sentence start)`` of the clause that holds ``pos``, as
    :func:`_locate` over the clauses, and the start of its sentence, as :func:`_locate` over
    ``sentences`` (both in one call: the sentence is the one the clause is looked up in).

    Without given ``clauses`` they are the pieces of each sentence cut after every
    clause-end mark (:func:`split_spans` of the sentences), found from one scan of the text.

    >>> loc = _clause_locator("甲,乙。丙", [(0, 4), (4, 5)], None)
    >>> loc(0), loc(2), loc(4)
    ((0, 2, 0), (2, 4, 0), (4, 5, 4))
    """
    s_starts = [s for s, _ in sentences]
    if clauses is not None:
        cl = sorted(clauses)
        c_starts = [s for s, _ in cl]
        return lambda pos: (*_locate(cl, c_starts, pos), _locate(sentences, s_starts, pos)[0])
    if not sentences:
        sentences = [(0, len(text))]
        s_starts = [0]
    marks_of: dict[int, list[int]] = {}  # sentence index -> ends of its clause marks, found when first asked

    def locate(pos: int) -> tuple[int, int]:
        i = bisect_right(s_starts, pos) - 1
        if i < 0:
            return (0, 0, 0)
        ss, se = sentences[i]
        marks = marks_of.get(i)
        if marks is None:
            marks = marks_of[i] = [m.end() for m in _CLAUSE_END.finditer(text, ss, se)]
        # clause starts in the sentence: ss and every mark end before se (pos past se: its last clause)
        j = bisect_right(marks, pos) - 1
        while j >= 0 and marks[j] >= se:
            j -= 1
        cs = marks[j] if j >= 0 else ss
        k = bisect_right(marks, cs)
        ce = marks[k] if k < len(marks) else se
        return cs, ce, ss

    return locate


def _metric(text: str, f: Fact, cs: int, ce: int, linked: dict[str, str], segmenter: Any = None) -> str | None:
    if f.kind == "count" and f.unit in _METRIC_SET:
        linked["metric"] = "rule"
        return f.unit
    if f.kind in ("ordinal",):
        return None
    # a rate (不良率, 占比, 涨幅) measures a percent or a number, not an amount or a count; a price no count
    kind = f.kind
    last = None
    first = _METRIC_RE.search(text, cs, f.start)  # most clauses name no metric before the value: no iterator
    if first is not None:
        for m in _METRIC_RE.finditer(text, first.start(), f.start):  # the same matches as from cs
            if _measures(m.group(0), kind) and not (
                (text.startswith(_MAGNITUDE_CHARS, m.start() - 1) or text.startswith("因", m.end()))
                and _not_measured(text, m.start(), m.end())
            ):
                last = m
    if last is not None:
        linked["metric"] = "rule"
        m = last
        # 营收规模, 研发投入: a metric word right before another joins it
        for k in (4, 3, 2):
            if m.start() - k >= cs and text[m.start() - k : m.start()] in _METRIC_SET:
                return text[m.start() - k : m.end()]
        return m.group(0)
    if kind == "count" and f.start and text.startswith("每", f.start - 1):
        return None  # 每10股派发现金红利3.5元: the shares a dividend is paid on are no dividend
    m = _METRIC_RE.search(text, f.end, ce)
    if m and m.start() - f.end <= 4 and _measures(m.group(0), kind):
        linked["metric"] = "rule"
        return m.group(0)
    if kind == "money" and text.startswith("的", f.end):
        # 最高不超过115亿美元的开发、注册和销售里程碑付款: the payment the amount is of ends the clause
        noun = _money_noun_ending(text[f.end + 1 : ce].rstrip(" ,，;；。！？!?\n"), segmenter or _default_segmenter())
        if noun:
            linked["metric"] = "inferred"
            return noun
    lead_lo = f.start - 3
    lead = text[lead_lo if lead_lo > cs else cs : f.start].rstrip()
    if not lead:
        return None
    bound = f.text.startswith(_BOUND_FIRST)
    end = f.start
    if not bound and (last := lead[-1]) not in _VERB_LAST:
        # 收缴率从去年的92.1%下降至89.6%: the noun before 从 is what the level it starts from measures
        # (and a change to another level follows, or the value is a range: 由两片基板组成 counts parts)
        if last not in _FROM_LAST:
            return None  # (most values: no search for 从)
        p = max(text.rfind("从", cs, f.start), text.rfind("由", cs, f.start))
        if p <= cs or _FROM_LEVEL.fullmatch(text, p + 1, f.start) is None or not (
            _TO_LEVEL.match(text, f.end) or isinstance(f.value, dict) and "high" in f.value
        ):
            return None
        end = p + 1
    lo = max(cs, end - _WINDOW)
    noun = _noun_before_verb(text[lo:end].rstrip(), lo > cs, bound, segmenter or _default_segmenter())
    if noun:
        linked["metric"] = "inferred"
        return noun
    return None


#: After 从 or 由, what may stand before the level a change starts from: a time and 的 (从去年的92.1%, 由2007年的66.65%).
_FROM_LEVEL = re.compile(r"(?:[^，,。；;、从由]{1,8}的)?\s*")
#: The last character before a value that :data:`_FROM_LEVEL` can end with, after 从 or 由.
_FROM_LAST = frozenset("从由的")
#: After the level a change starts from, its verb and 到/至/为 (92.1%下降至, 800元降到, 3倍提升为, 29家扩至).
_TO_LEVEL = re.compile(r"\s*(?:下降|上升|下滑|回落|回升|提高|提升|降低|增加|减少|扩大|缩小|调整|降|升|调|扩|增|减|加|涨|跌|缩)(?:到|至|为)")


@lru_cache(maxsize=1024)
def _money_noun_ending(tail: str, segmenter: Any) -> str | None:
    """The name of a payment that ends ``tail`` (what follows an amount and its 的 in the clause): a word in
    款, 费 or 金, with the noun before it (里程碑 付款), else None.

    >>> from nlp_news.numeric.extract import default_segmenter
    >>> seg = default_segmenter()
    >>> [_money_noun_ending(t, seg) for t in ("开发和销售里程碑付款", "专项补助资金", "房子")]
    ['里程碑付款', '资金', None]
    """
    words = segmenter.tag(tail, hmm=False)
    if not words or len(words[-1][0]) < 2 or words[-1][0][-1] not in "款费金" or words[-1][1][:1] not in "nv":
        return None
    noun = words[-1][0]
    if len(words) > 1 and words[-2][1] in ("n", "nz") and not _stops_noun(words[-2][0]):
        noun = words[-2][0] + noun
    return noun


def _lone_part(word: tuple[str, str]) -> bool:
    """Is the tagged ``word`` one character that may begin a quantity's name (揽, 机), not a function word?

    >>> _lone_part(("揽", "v")), _lone_part(("机", "n")), _lone_part(("的", "uj")), _lone_part(("公司", "n"))
    (True, True, False, False)
    """
    return len(word[0]) == 1 and word[1][:1] in "nv" and word[0] not in _NOUN_STOP


_MAGNITUDE_CHARS = ("十", "百", "千", "万")
#: Before a lexicon metric, the per-so-many of a rate (每千人口, 每万人): the metric word is its denominator.
_PER_BEFORE = re.compile(r"每[十百千万]+$")


def _not_measured(text: str, start: int, end: int) -> bool:
    """Is the lexicon metric at ``text[start:end]`` no measured quantity here: a denominator (每千人口拥有…托位数)
    or a factor taken out (扣除价格因素实际增长)?

    >>> t = "每千人口床位数为7张，扣除价格因素增长5%，人口为9万"
    >>> [_not_measured(t, t.index(w), t.index(w) + len(w)) for w in ("人口", "价格", "人口为")]
    [True, True, False]
    """
    return text.startswith("因素", end) or (
        text[start - 1 : start] in "十百千万" and _PER_BEFORE.search(text, max(0, start - 4), start) is not None
    )


#: How far before a value :func:`_noun_before_verb` reads (characters, within the clause).
_WINDOW = 16
#: Verbs that introduce a value (and 了 after them): the noun phrase before them is what it
#: measures. Not 有 nor 拥有: the noun before them owns the value (公司拥有3000名员工).
_LINK_VERBS = frozenset(
    """为 达 达到 高达 约为 是 超过 增长 下降 增至 降至 升至 增 降 升 至 突破 录得 实现 约 近 逾
    仅为 只为 达至 已达 超 将近 接近 高 从 由""".split()
    # 高 达: jieba cuts 高达 after 率 or 失
)
#: Adverbs and modals between the noun and its verb that jieba does not tag ``d``.
_MODALS = frozenset(
    "有望 可望 将 将会 会 可 能 可能 预计 预期 要 已 已经 仍 仍然 也 就 更是 则 还 均 分别 首次 再次 累计 合计 共计 总计 "
    # 新业务价值同比增长, 流水据估算逾3亿元, 力争达到
    "同比 环比 据 估算 测算 估计 力争 争取".split()
)
#: A value whose span starts with its verb or bound (超过800亿元): the verb is in the fact.
_BOUND_FIRST = ("超过", "超", "逾", "约", "近", "将近", "接近", "突破", "高达", "达")
#: One-character suffixes of measured quantities (结存率, 供应量, 交易额, 参赛人数, 成交价款).
_NOUN_SUFFIXES = frozenset("率量额价数款费")
#: jieba's tags of the words a metric is made of.
_METRIC_TAGS = frozenset(("n", "nz", "ng", "vn", "an", "j"))


def _default_segmenter() -> Any:
    from .extract import default_segmenter

    return default_segmenter()


@lru_cache(maxsize=4096)
def _noun_before_verb(lead: str, cut: bool, bound: bool, segmenter: Any) -> str | None:
    """The noun phrase (one or two whole nouns) right before the verb that ``lead`` ends with,
    modals and adverbs between them skipped; None when a word of another kind stands there,
    or when ``lead`` ends with no such verb and the value does not start with one (``bound``:
    超过800亿元). ``cut``: ``lead`` starts inside the clause, so its first word may be cut and
    is not read.

    >>> from nlp_news.numeric.extract import default_segmenter
    >>> seg = default_segmenter()
    >>> [_noun_before_verb(t, False, False, seg) for t in ("预计全年集资额有望突破", "全市汽车保有量已经达到", "该公司拥有")]
    ['集资额', '汽车保有量', None]
    """
    words = segmenter.tag(lead, hmm=False)
    if cut and len(words) > 1:
        words = words[1:]
    # 结存 率: a suffix the dictionary has no word for makes a noun of the word before it, and of a lone
    # character before a lone one (揽 收 量, 机 采 率: 收量 and 采率 are no words)
    j = 1
    while j < len(words):
        if words[j][0] in _NOUN_SUFFIXES and (words[j - 1][1][:1] in "nvab" or words[j - 1][1] == "d" and len(words[j - 1][0]) > 1):
            i = j - 2 if j >= 2 and len(words[j - 1][0]) == 1 and _lone_part(words[j - 2]) else j - 1
            words[i : j + 1] = [("".join(w for w, _ in words[i : j + 1]), "n")]
            j = i + 1
        else:
            j += 1
    end = len(words) - 1
    if end >= 0 and words[end][0] == "了":
        end -= 1
    i = end
    while i >= 0 and words[i][0] in _LINK_VERBS:
        i -= 1
    if i == end and not bound:
        return None  # no verb before the value, nor one in it
    while i >= 0 and (words[i][1] in ("d", "ad") or words[i][0] in _MODALS):  # (ad: 费率普遍为)
        i -= 1
    noun = ""
    for k in range(i, max(i - 2, -1), -1):
        w, t = words[k]
        # 成交金额, 认购户数: a verb before an amount or a count is part of its name
        named = noun and t == "v" and len(w) >= 2 and (noun in _METRIC_SET or noun[-1] in _NOUN_SUFFIXES)
        if k == i - 1 and len(noun) == 2 and noun[-1] == "数" and t == "v" and len(w) == 1 and w not in _NOUN_STOP:
            return w + noun  # 托 位数, 持 基数: a count's name that jieba cut into another word (位数 is digits)
        if (
            (t not in _METRIC_TAGS and not named) or w in _NOT_NOUNS or _stops_noun(w) or len(noun) + len(w) > 8
            or not noun and w in _NOT_NOUNS_ALONE
        ):
            break
        if noun and len(w) == 1:
            break  # 这门课 出勤率, 套 机 报价: a lone character before the noun is a piece of another word
        noun = w + noun
    if len(noun) < 2 or noun in _NOT_NOUNS:
        return None
    return noun
