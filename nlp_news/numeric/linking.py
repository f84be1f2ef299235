"""Tie each value to what it measures (metric), whose it is (subject) and when (period).

Rules, clause by clause:

- ``metric``: the nearest lexicon word (营收, 净亏损, 毛利率 …) before the value in its clause,
  else the first one after it (``"rule"``); else the noun phrase right before the verb that
  introduces the value (营收规模达到 → 营收规模, ``"inferred"``);
- ``subject``: the canonical name of the nearest entity before the value in its clause
  (``"rule"``), else the article's main entity (``"inferred"``);
- ``period``: the nearest date fact in the clause (``"rule"``), else the last one earlier in the
  sentence (``"inferred"``).

>>> from nlp_news.numeric.extract import extract_facts
>>> text = "2024年,MiniMax的净亏损达到了4.65亿美元。"
>>> f = link_facts(text, extract_facts(text), main_entity="MiniMax")[1]
>>> f.metric, f.subject, f.period, f.linked_by
('净亏损', 'MiniMax', '2024', {'metric': 'rule', 'subject': 'inferred', 'period': 'rule'})
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from operator import itemgetter
from typing import Any

from ..schema import Entity, Fact

#: Measured quantities, longest first when matched.
METRICS: tuple[str, ...] = tuple(
    sorted(
        set(
            """营收 营业收入 营业总收入 总营收 收入 总收入 营业额 净利润 归母净利润 扣非净利润 利润 利润总额 毛利 毛利率 净利率
            净亏损 亏损 累计亏损 研发支出 研发投入 研发费用 现金 现金流 现金及理财 市值 估值 融资 融资额 募资 募资额 用户
            月活 月活跃用户 日活 活跃用户 付费用户 下载量 销量 销售额 出货量 交付量 房价 均价 成交量 成交额 成交均价 票房
            GDP 增速 增长率 涨幅 跌幅 市场份额 份额 占比 比例 负债 资产 总资产 净资产 税收 投资 投资额 股价 收盘价 开盘价
            净值 收益率 回报率 利率 汇率 CPI PPI 产量 出口 进口 进出口 贸易额 存款 贷款 保费 薪酬 工资 人口 失业率 价格
            售价 票价 学费 租金 成本 开支 支出 费用 预算 规模 资金 基金 市场规模 订单 库存 储量 面积 产能 毛利润 分红
            奖金 罚款 赔偿 经营收入 主营业务收入 净收入 增幅 降幅 开户数 客流量 访问量 播放量 点击量 粉丝 会员 人数""".split()
        ),
        key=len,
        reverse=True,
    )
)
_METRIC_SET = frozenset(METRICS)
_NOT_NOUNS = frozenset("同比 环比 分别 合计 累计 共计 总计 已经 目前 当前 预计 估计 大约 其中 一共 同期 去年 今年".split())
_METRIC_RE = re.compile("|".join(re.escape(m) for m in METRICS))
_VERB_BEFORE = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,6}?)(?:的)?(?:已经|已|仍|也|就|更是|则)?"
    r"(?:为|达|达到|高达|约为|是|超过|增长|增长了|下降|下降了|增至|降至|升至|突破|录得|实现|约|近|逾|有)\s?$"
)
#: The last characters of the verbs :data:`_VERB_BEFORE` ends with (a quick test before the search).
_VERB_LAST = frozenset("为达到是过长了降至破得现约近逾有")
_CLAUSE_END = re.compile(r"[,，;；。！？!?\n]")
_SENT_END = re.compile(r"[。！？!?；;\n]")
_MEASURES = ("money", "percent", "count", "number")
_TOPIC_WORDS = re.compile(r"^\s*(?:截至|截止|在|于|到了|而到了|而|到|自|从)|(?:以来|时|期间|来看|里|中)\s*$")
_SUBJECT_LABELS = ("ORG", "PER", "PRODUCT", "WORK")
_NOUN_STOP = set("的了在是和与及或等中也都就而并从到至这那其该各每些年月日个")


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


def main_entity_of(entities: Sequence[Entity]) -> str | None:
    """The most mentioned organisation (else any entity) of an article.

    >>> main_entity_of([Entity("智谱", 0, 2, "ORG", "company", "智谱AI", 1.0, "rule")] * 2)
    '智谱AI'
    """
    for labels in (("ORG",), _SUBJECT_LABELS):
        counts: dict[str, int] = {}
        for e in entities:
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
) -> list[Fact]:
    """Fill ``metric``, ``subject``, ``period`` and ``linked_by`` of every non-date fact.

    ``facts`` are :class:`Fact` objects or :data:`~nlp_news.numeric.extract.FactRow` tuples of
    their fields; the result is Facts.

    ``sentences`` (spans into ``text``) default to a split on 。！？；; ``clauses``
    default to a split of the sentences on commas. Entities, dates and clause ends are
    looked up by bisection over indexes built once per call.

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
    s_starts = [s for s, _ in sentences]
    locate_clause = _clause_locator(text, sentences, clauses)
    main: Any = main_entity or _UNSET  # the article's main entity, counted only when a fact needs it
    dates = sorted(
        (f for f in facts if f.kind == "date" and not (isinstance(f.value, str) and f.value.startswith("T"))),
        key=lambda d: d.start,
    )
    d_starts = [d.start for d in dates]
    subj_ents = sorted((e for e in entities if e.label in _SUBJECT_LABELS), key=lambda e: e.start)
    e_starts = [e.start for e in subj_ents]
    in_order = all(a.start <= b.start for a, b in pairwise(facts))
    with_metric: list[Fact] = []  # linked measures with a metric, in the order they were linked
    out: list[Fact] = []
    for f in facts:
        if f.kind in _UNLINKED:
            out.append(_as_fact(f))
            continue
        fs = f.start
        cs, ce = locate_clause(fs)
        ss, _ = _locate(sentences, s_starts, fs)
        linked: dict[str, str] = {}
        metric = _metric(text, f, cs, ce, linked)
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
            if last is not None and (last.kind == f.kind or (f.kind == "percent" and f.change)):
                metric = last.metric
                linked["metric"] = "inferred"
        subject = None
        ent = _last_before(subj_ents, e_starts, cs, fs) or _first_after(subj_ents, e_starts, f.end, ce)
        if ent is not None:
            subject = ent.canonical
            linked["subject"] = "rule"
        else:
            if main is _UNSET:
                main = main_entity_of(entities)
            if main:
                subject = main
                linked["subject"] = "inferred"
        period: Any = None
        d = _last_before(dates, d_starts, cs, fs, within=ce) or _first_after(dates, d_starts, cs, ce)
        if d is not None:
            period = d.value if d.value is not None else d.text
            linked["period"] = "rule"
        else:
            d = _last_before(dates, d_starts, ss, fs)
            if d is not None:
                period = d.value if d.value is not None else d.text
                # a clause that is only the date (2024年, …) is the sentence's stated period
                dcs, dce = locate_clause(d.start)
                rest = _TOPIC_WORDS.sub("", text[dcs:dce].replace(d.text, "", 1)).strip(" ,，;；")
                linked["period"] = "rule" if not rest else "inferred"
        g = Fact(f.text, f.start, f.end, f.kind, f.value, f.unit, f.currency, f.qualifier, f.change, f.relative,
                 metric, subject, period, f.source, linked)
        out.append(g)
        if metric and f.kind in _MEASURES:
            with_metric.append(g)
    return out


_UNLINKED = frozenset(("date", "duration", "ordinal"))
_UNSET = object()


def _as_fact(f: Any) -> Fact:
    """``f`` as a :class:`Fact` (a FactRow holds the same fields in the same order)."""
    return f if isinstance(f, Fact) else Fact(*f)


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


def _clause_locator(text: str, sentences: list[tuple[int, int]], clauses: list[tuple[int, int]] | None) -> Any:
    """A function ``pos -> (start, end)`` of the clause that holds ``pos``, as :func:`_locate` over the clauses.

    Without given ``clauses`` they are the pieces of each sentence cut after every
    clause-end mark (:func:`split_spans` of the sentences), found from one scan of the text.

    >>> loc = _clause_locator("甲,乙。丙", [(0, 4), (4, 5)], None)
    >>> loc(0), loc(2), loc(4)
    ((0, 2), (2, 4), (4, 5))
    """
    if clauses is not None:
        cl = sorted(clauses)
        c_starts = [s for s, _ in cl]
        return lambda pos: _locate(cl, c_starts, pos)
    if not sentences:
        sentences = [(0, len(text))]
    s_starts = [s for s, _ in sentences]
    marks_of: dict[int, list[int]] = {}  # sentence index -> ends of its clause marks, found when first asked

    def locate(pos: int) -> tuple[int, int]:
        i = bisect_right(s_starts, pos) - 1
        if i < 0:
            return (0, 0)
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
        return cs, ce

    return locate


def _metric(text: str, f: Fact, cs: int, ce: int, linked: dict[str, str]) -> str | None:
    if f.kind == "count" and f.unit in _METRIC_SET:
        linked["metric"] = "rule"
        return f.unit
    if f.kind in ("ordinal",):
        return None
    last = None
    for last in _METRIC_RE.finditer(text, cs, f.start):  # noqa: B007 - the loop leaves the last match in `last`
        pass
    if last is not None:
        linked["metric"] = "rule"
        m = last
        # 营收规模, 研发投入: a metric word right before another joins it
        for k in (4, 3, 2):
            if m.start() - k >= cs and text[m.start() - k : m.start()] in _METRIC_SET:
                return text[m.start() - k : m.end()]
        return m.group(0)
    m = _METRIC_RE.search(text, f.end, ce)
    if m and m.start() - f.end <= 4:
        linked["metric"] = "rule"
        return m.group(0)
    lead = text[max(cs, f.start - 3) : f.start].rstrip()
    vb = _VERB_BEFORE.search(text, max(cs, f.start - 14), f.start) if lead and lead[-1] in _VERB_LAST else None
    if vb:
        noun = vb.group(1)
        while noun and noun[0] in _NOUN_STOP:
            noun = noun[1:]
        if len(noun) >= 2 and noun not in _NOT_NOUNS and _NOUN_STOP.isdisjoint(noun):
            linked["metric"] = "inferred"
            return noun
    return None
