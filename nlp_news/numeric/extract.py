"""The numeric-fact scanner: ``str -> list[Fact]``.

One pass of compiled regular expressions over a length-preserving folded copy
of the text finds candidates (non-fact zones such as URLs and codes, dates,
fractions and 百分之 percentages, and numbers with whatever follows them); a
small handler per candidate reads the words around it (bound words, currency,
unit, growth words) and builds a :class:`~nlp_news.schema.Fact`. Overlaps are
resolved leftmost-longest. Offsets are into the text given.

>>> [(f.text, f.kind, f.value, f.currency, f.qualifier) for f in extract_facts("累计亏损已超过13.27亿美元(约92亿元人民币)")]
[('超过13.27亿美元', 'money', 1327000000, 'USD', 'over'), ('约92亿元人民币', 'money', 9200000000, 'CNY', 'about')]
>>> [(f.text, f.kind, f.value, f.unit) for f in extract_facts("覆盖200多个国家,拥有2.12亿用户")]
[('200多个', 'count', 200, '国家'), ('2.12亿用户', 'count', 212000000, '用户')]
>>> [(f.text, f.value) for f in extract_facts("2025年前9个月毛利率为23.3%")]
[('2025年前9个月', {'start': '2025-01', 'end': '2025-09'}), ('23.3%', 23.3)]
>>> extract_facts("统一思想,一些公司万一十分一直")
[]
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections import namedtuple
from collections.abc import Sequence
from functools import lru_cache, partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..schema import Fact
from .dates import (
    _ERA_FIRST,
    _TIME_PREFIX,
    DATE_RE,
    DAY_TOUR,
    DAYS_COUNTED_AFTER,
    DAYS_COUNTED_AFTER_WORDS,
    HOUR,
    PERIOD_ENDED_RE,
    REL_YEAR,
    TIME_PREFIX_RE,
    clock_hour,
    date_value,
    parse_published,
    period_ending,
    previous_or_next,
    range_end,
    weekday_after,
)
from .linking import _METRIC_SET, _MONEY_NOUN_AFTER, new_fact
from .money import CURRENCY_PREFIXES, CURRENCY_WORDS, NAMES_BY_COUNTRY, code_by_country, yuan_jiao_fen
from .numerals import CN_DIGIT_CHARS, DIGITS, fold, format_value
from .numerals import parse_folded as parse_number
from .patterns import alternation, first_digit_class, optional_groups_as_branches

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..tokenizer import Segmenter

#: A fact as a tuple of :class:`Fact`'s fields, in their order. The ``news_facts`` stage passes these
#: from the scanner through the classifier to :func:`~nlp_news.numeric.linking.link_facts`, which
#: makes one Fact of each: a frozen dataclass costs a call per field to build, a tuple one call.
FactRow = namedtuple("FactRow", [f.name for f in dataclasses.fields(Fact)])
#: A FactRow of a tuple of the fields: ``tuple.__new__`` called from C, where ``FactRow(*fields)``
#: runs the namedtuple's ``__new__``, a Python function (once per fact).
_row_of = partial(tuple.__new__, FactRow)


def _fact_of(fields: tuple[Any, ...]) -> Fact:
    """A :class:`Fact` of a tuple of its fields (see :func:`~nlp_news.numeric.linking.new_fact`)."""
    return new_fact(*fields)


# --- lexicons -----------------------------------------------------------------

#: Measure words and physical units: a number followed by one is a count.
MEASURE_WORDS = sorted(
    """家 只 套 亩 公顷 平方米 平方公里 平方千米 平方公尺 公尺 公分 坪 平米 立方米 方 人次 岁 名 位 辆 台 部 件 条 张 所 座 栋 幢 间 户
    次 场 项 款 种 股 手 吨 万吨 公斤 千克 克 斤 两 公里 千米 米 厘米 毫米 英寸 英尺 英里 寸 升 毫升 枚 颗 粒 批 届
    期 轮 页 本 册 篇 首 集 份 头 匹 架 艘 处 例 起 宗 笔 单 支 队 双 对 瓶 箱 盒 包 袋 杯 碗 列 趟 班 节 门 所 级
    毫克 微克 纳米 微米 立方厘米 平方厘米 公升 加仑 光年 吉瓦 千伏
    摄氏度 ℃ °C °F ℉ ° 度 千瓦时 千瓦 兆瓦 瓦 伏 赫兹 帧 像素 字 分 票 球 码 关 局 盘 回 声 遍 倍 点 人 口 只 斤 根 片 块地 座 颗
    棵 株 枝 条 把 台套 辆次 架次 人民 元宝 金元宝 金币 代 部分 段 环 方尺 平方尺 呎 平方呎 层楼 连胜 连败 胜场 胜 负 战 幅 类
    桶 罐 尾 盏 顶 副 扇 串 捆 卷 桩 具 剂 针 剂次 人份 标箱 组 站 刀 枪 连冠 晚 面 封 话 席 章 冠 连平 场次 板 题 车次 艘次 台次 户次 轮次 批次 尊 记 犯 杆 堂 平方 立方 平方英寸 平方英尺 平方英里 平 朵 吊钱
    任 伙 注 败 招 胎 顿 洞 居室 居 束 科 重 厅 回合 学时 课时 学分 磅 盎司 克拉 海里 英亩 毫安时 毫安 安时 瓦时 马力 牛米 牛·米 分贝 千卡 大卡 卡路里 焦耳 千焦 兆帕 千帕 百帕 帕 大气压 兆赫 兆字节 兆比特 兆焦 兆
    连阳 连阴 句 贴""".split(),
    key=len,
    reverse=True,
)
#: Units that start a word with the character after them, and those characters: the number before
#: counts no games (负责, 胜出, 战略 against 22胜54负, 9战), no tenths of a yuan (毛利率, 毛巾), no years
#: (年薪, 年化), no points (点击, 点评), no scores (分辨率, 分析), no game levels (关口) and no pairs (对话). Each caller decides what the number is then.
_WORD_NEXT: dict[str, frozenset[str]] = {
    "负": frozenset("责债担面数值荷重增于"),
    "胜": frozenset("出过于利任诉算地者负率"),
    "战": frozenset("略术场役争士斗机舰区友线神车绩国队胜败平至"),
    "毛": frozenset("利巾衣病泽笔发坯细重料织绒皮囊孔毯线额收"),
    "年": frozenset("薪费息化"),
    "周": frozenset("薪"),  # 8万周薪: a weekly wage, no 80,000 weeks
    "点": frozenset("击评名赞映燃亮头子菜播读"),
    "分": frozenset("辨析化配享别红手开散裂割布担摊批路"),
    "关": frozenset("口键注系于联心税门闭停"),
    "任": frozenset("务命职何意性教用免课天"),
    "伙": frozenset("伴计食同房人"),
    "对": frozenset("话于手外比抗接待象策应照称决冲峙付方攻战一二三四五六七八九十0123456789"),  # 三对三: "versus", 433对攻, 11对战平台
    "环": frozenset("比境节保球路线岛形绕顾卫评内外"),  # 3%环比, 4环路: no shooting score
    "段": frozenset("式落位子"),  # 两段式设计: a kind, no count of sections
    "部": frozenset("位署"),  # 10部位装备: body parts, no count of 部
    "首": frozenset("付府都席位批轮一二三四五六七八九十次先发创届个款家日周月年季映秀战胜选要长脑"),  # 50万首付: a down payment, 11首三双: a first triple-double, 歼-35首次: a first, no songs
    "处": frozenset("理于在罚分置境长级事方"),  # 骁龙8 Gen 5处理器: a processor, 千万处方: a prescription, no places
    "升": frozenset("级值温息幅降高格空势华旗学职任至到0123456789"),  # 1.01升级补丁: a version; 1.60升至1.75, 23668 升114点: rose, no litres
    "副": frozenset("总主部局处市省县区院校教秘书董行团队科所厂经司会长作业委官将帅州国庭署审检巡研"),  # 2副总裁: deputies, no pairs
    "顶": frozenset("级尖端层部峰楼替住撞流帖"),  # 1顶级: top, no hats
    "组": frozenset("合织建成委长团件图装"),  # 社保基金106组合: a portfolio's name, no groups
    "家": frozenset("产务眷境底财"),  # 1亿家产, 百万家财: an estate, no count of firms (3家当地企业, 5家电企业 are)
    "刀": frozenset("具片法锋口刃伤工"),  # 3刀片: blades, no stabs
    "枪": frozenset("击手支械杀战声伤口弹法"),  # 2枪击案: shootings, no shots
    "本": frozenset("季月年周届次报市地科土轮场期赛"),  # 25000 本季: this quarter, no books
    "支": frozenset("持付援出撑票柱配行"),  # 32支持: "support", 东四支行: a sub-branch, no teams
    "晚": frozenset("会餐宴报间上饭年辈期节霞"),  # 3晚会: galas, no nights
    "面": frozenset("积临对向前貌部试值额料条子膜板包粉目"),  # 3面临: faces, no flags
    "封": frozenset("顶闭锁杀面存装号底"),  # 5封顶: a cap, no letters
    "话": frozenset("题说语费筒务剧音"),  # 3话题: topics, no chapters
    "股": frozenset("权票价市息指评民灾"),  # 阳光100股权: a stake, no count of shares
    "席": frozenset("位卷次地"),  # 5席位: seats as a word
    "章": frozenset("程法节"),  # 3章程: a charter
    "冠": frozenset("军名状心亚"),  # 3冠军: champions, no titles
    "手": frozenset("机续段术下法指表艺臂腕脚中里上握牌枪"),  # 两手机: phones, no hands
    "单": frozenset("项位身价独纯据打曲月日周"),  # 3单项: single events, no orders
    "代": frozenset("理表言价工替购销码办线"),  # 千万代理费: an agent's fee, 8代线: a fab line, no generations
    "板": frozenset("块材书报凳球门栗楼"),  # 3板块: sectors, 七零九零板楼: a slab building, no limit-up boards
    "题": frozenset("目材型库海记字词"),  # 3题目: questions as a word
    "票": frozenset("房价据证面额务根"),  # 5000万票房: box office, no votes
    "记": frozenset("者录忆得住载号账性事挂"),  # 3记者: reporters, no shots (18记三分, 3记重扣 are)
    "犯": frozenset("罪规人错法下案难愁忌傻晕困浑病嫌险"),  # 2犯罪: crimes, no fouls (6犯离场 are)
    "岁": frozenset("月"),  # 姚明20+10岁月: "years" (岁月), no age
    "双": frozenset("核显卡屏频通模向重语方边赢休端薪"),  # 酷睿2双核, 圣斗士2双端: Core 2, dual-core, no pairs (2双鞋 are)
    "间": frozenset("歇隔接谍断距奏"),  # 15间歇性: "intermittent", no rooms
    "列": frozenset("第入为居于席举出榜"),  # 7亿列第一: "ranks", no trains
    "包": frozenset("养括含围揽庇办赔销邮涵"),  # 20万包养, 300万包括: verbs, no packs (3包烟 are)
    "头": frozenset("奖号条版牌等衔彩"),  # 500万头奖: the top prize, no head of cattle (5万头猪 are)
    "注": frozenset("意册重资入销明射解释视目定满水塑：:"),  # 10亿注资: a capital injection, no lottery bets (中出5注 are)
    "败": frozenset("北给下局仗绩诉露坏笔退阵将落兴类象于走亡"),  # 3败北: lost, no count of defeats (3胜4败 is)
    "招": frozenset("聘商生标募收待呼手牌股致惹架行揽引考工录安供认"),  # 3招聘会, 1招行: words, no tricks (10招拍好照片)
    "胎": frozenset("儿盘动压记教毛位"),  # 3胎儿: foetuses, no births (产仔5胎)
    "顿": frozenset("时悟觉感挫号首足"),  # 3顿时: "at once", no meals (一天5顿)
    "起": frozenset("床"),  # 7:30起床: getting up, no count of cases (3起事故)
    "门": frozenset("兴将槛户诊卫派徒"),  # 11门兴vs勒沃库森: a team's name (Mönchengladbach), 2门将: goalkeepers, no count of 门
    "洞": frozenset("察悉见穿开口房天庭装"),
    "居": frozenset("民住然多首第中家委所留功心高士易奇于次前后间"),  # 3居民, 位居第3: words, no rooms (1-3居, 两居总价80万 are)  # 3洞察: "insight", 18洞装备: a game item's label, no golf holes (赢6洞, 18洞球场)
    "笔": frozenset("记试画直者芯"),  # 400多笔记本: notebooks, no count of 笔 (transactions: 3笔交易 are)
    "束": frozenset("缚手腰装身发河"),  # 3束缚: "bonds", no bunches (192束激光, 一束花 are)
    "科": frozenset("技学研长室普员比幻目举班系特威级"),  # 3科技, 09科特布斯, 周3科幻夜: words, no school subjects (1-2科, 三科总分 are)
    # 5重要, 2重庆, 3重新, 第一重要: words, no layers (2重优惠, 三重惊喜 are; a count needs one of _LAYERS_NEXT after it)
    "厅": frozenset("长级局堂内外"),  # 3厅长, 2厅级: words, no living rooms (2厅连通, 三居两厅 count them)
    "句": frozenset("号子式型法读译"),  # 3句号: full stops, 3-8句译文: a translation's lines by label, no count of lines (两句诗 are)
    "贴": frozenset("息现吧子士近心身金牌补纸膜图片上在"),  # 3贴息: an interest subsidy, no plasters or doses (八贴药 are)
    "层楼": frozenset("梯顶道"),  # 25层楼梯间, 18层楼顶: a floor's label (楼梯, 楼顶), no storeys counted (一栋25层楼的大厦 are)
    "重": frozenset("要大点庆量新复视组建伤创现天奏门型症病磅拳心金兵任审申返回上启开振塑演写读访逢阳围地镇头工仓卡油载估挫灾罪判力商情犯案度"),
}
#: Verbs that a unit's next character starts (5800万部位列第二: 部 | 位列, no 部位).
_VERBS_AFTER_UNIT = frozenset(("位列", "位居", "位于"))
#: The units of a team's record, which count nothing when they start a word.
_GAME_UNITS = frozenset(("负", "胜", "战", "败"))
#: Units after which a count is dropped when the unit starts a word (3任务, 2伙人, 1负责人).
_WORDLIKE_UNITS = _GAME_UNITS | {"任", "伙", "环", "段", "部", "处", "升", "副", "顶", "组", "家", "刀", "枪", "本", "支", "晚", "面", "封", "话", "股", "席", "章", "冠", "手", "单", "代", "板", "题", "票", "岁", "记", "犯", "双", "间", "列", "包", "头", "注", "招", "胎", "顿", "起", "门", "洞", "笔", "居", "束", "科", "重", "层楼", "厅", "句", "贴"}


def _starts_word(f: str, end: int, unit: str) -> bool:
    """Whether ``unit``, ending at ``end`` in ``f``, starts a word with the next character (:data:`_WORD_NEXT`).

    >>> _starts_word("负责人", 1, "负"), _starts_word("22胜54负", 3, "胜"), _starts_word("3负", 2, "负"), _starts_word("3毛利", 2, "毛")
    (True, False, False, True)
    >>> _starts_word("10部位装备", 3, "部"), _starts_word("5800万部位列第二", 6, "部")
    (True, False)
    """
    return f[end : end + 1] in _WORD_NEXT.get(unit, ()) and f[end : end + 2] not in _VERBS_AFTER_UNIT
#: Nouns counted without a measure word (3亿用户): the noun is the unit.
COUNT_NOUNS = sorted(
    """方面 用户 人口 员工 网民 游客 观众 玩家 会员 粉丝 居民 学生 球迷 患者 股东 投资者 客户 门店 订单 消费者 家庭 农户 职工
    教师 老师 考生 毕业生 志愿者 旅客 乘客 读者 访客 车主 司机 选手 球员 运动员 企业 公司 城市 国家 地区 项目 作品 产品
    台车 新车 辆车 套房 件事 部手机 万人
    篮板球 篮板 助攻 抢断 封盖 盖帽 失误 犯规 三分球 罚球 进球 射门 角球 扑救
    点击量 点击 浏览量 阅读量 播放量 转发量 转发 回复 评论 经验值 经验 积分
    农民 农民工 工人 市民 网友 民众 群众 儿童 老人 青少年 大学生 研究生 留学生 医生 护士 律师 官兵 士兵 部委
    有效像素 总像素 参数
    高管 新援 外援 嫌犯 家长 孩子 子女 兄弟姐妹 姐妹 明星 男生 女生 院校 死者 伤者 遇难者 矿工 村民 业主 股民 基民 彩民 银行 券商
    队长 队员 房企 车企 险企 县 省份 省区 省市 省 国 职位 岗位 学校 卡车 板块 车 应届生 应届毕业生 校 单项 单位 专业 主力 巨星 巡视组
    艺人 因素 站点""".split(),
    key=len,
    reverse=True,
)
LATIN_UNITS = sorted(
    "GB MB TB KB kg km mm cm mg ml mAh mA GHz MHz Hz kWh kW MW Wh W V nm dB fps ppi Mbps Gbps cc CC m mL L TOPS TFLOPS PFLOPS EFLOPS TFlops PFlops EFlops Tflops Pflops Eflops lux Lux lx lm ms rpm dpi kbps Kbps GWh TWh MWh GW TW m2 m² ㎡".split(),
    key=len,
    reverse=True,
)
TIME_UNITS = {
    "年": "Y", "个年头": "Y", "年期": "Y", "个月期": "M", "月期": "M", "个半月": "M", "个半小时": "H", "个半钟头": "H", "个月": "M", "个多月": "M", "个多小时": "H", "个多钟头": "H", "个多星期": "W", "月": "M", "周": "W", "个星期": "W", "星期": "W",
    "天": "D", "日": "D", "个工作日": "D", "工作日": "D", "小时": "H", "个小时": "H", "个钟头": "H", "个钟": "H", "钟头": "H",
    "分钟": "MIN", "分多钟": "MIN", "秒钟": "S", "秒": "S", "季度": "Q", "个季度": "Q",
    "载": "Y",  # 三十载 "thirty years", a literary year
}
ABOUT_LEFT = ("约为", "约合", "大约", "大概", "近似", "约")
OVER_LEFT = ("超过", "超出", "逾", "至少", "不低于", "不少于", "不小于", "起码", "多于", "高于", "大于", "超", "≥")
UNDER_LEFT = ("将近", "接近", "不到", "不足", "不满", "未满", "低于", "少于", "不超过", "不超", "不高于", "不多于", "不大于", "最多", "最长", "最快",
              "小于", "近", "≤")
#: Comparisons that a modal with 不 before them turns round (不得超过30年 is under, 不应低于20% over), as
#: 不超过 and 不低于 do: :meth:`_Scanner.left`.
_COMPARATIVES = frozenset(("超过", "超出", "多于", "高于", "大于", "超", "低于", "少于", "小于"))
_NOT_MODALS = frozenset(("不得", "不能", "不应", "不宜", "不可", "不会", "不要", "不准", "不许", "不该"))
_OPPOSITE = {"over": "under", "under": "over"}
_BOUND_LEFT = dict.fromkeys(ABOUT_LEFT, "about") | dict.fromkeys(OVER_LEFT, "over") | dict.fromkeys(UNDER_LEFT, "under")
_BOUND_RIGHT = {
    "左右": "about", "上下": "about", "以上": "over", "多": "over", "余": "over", "有余": "over",
    "以下": "under", "以内": "under", "之内": "under", "内": "under", "+": "over",
}
#: 上下 as an about-word, not the start of 上下文 (context), 上下游 (up- and downstream) or 上下班 (commuting).
_UPDOWN = "上下(?![文游班])"
#: The denominator of a rate written after a count's unit with a slash (公里/小时, km/h, 人/平方公里).
_PER_UNIT_RE = re.compile(
    r"/(小时|秒钟|秒|分钟|天|日|周|月|年|亩|公顷|平方公里|平方米|立方米|立方厘米|升|千克|公斤|吨|min|h|s|L|kg|m³|m3)(?![A-Za-z\d])"
)
#: A bound word after a number (3年以上, 5%左右).
_RIGHT_BOUND_RE = re.compile(rf"\s?(左右|{_UPDOWN}|以上|以下|以内|之内)")
#: Words of growth and decline before a value, as tries (:func:`~nlp_news.numeric.patterns.alternation`):
#: :data:`_CHANGE_RE` is searched in the ten characters before every value, and with the words in turn
#: the engine tried each of fifty at every one of them. 翻 is growth except in 推翻 "overthrow".
_GROWTH_UP_WORDS = (
    "增长", "增加", "上涨", "上升", "提高", "提升", "增至", "增", "涨价", "涨", "升", "扩大", "飙升", "攀升", "大涨", "猛增",
    "暴涨", "提价", "加价", "上调", "调高", "调升", "上扬", "走高", "加息", "增持", "上浮", "多增", "放量",  # 放量2000亿元: turnover grew
)
_GROWTH_UP = alternation(_GROWTH_UP_WORDS) + "|(?<!推)翻"
_GROWTH_DOWN_WORDS = (
    "下降", "下跌", "减少", "下滑", "降低", "缩减", "萎缩", "跌", "降价", "降息", "降", "减价", "减持", "减", "回落", "暴跌",
    "大跌", "缩水", "下调", "调低", "调降", "收窄", "缩小", "下挫", "走低", "下浮", "少增",  # 同比少增: grew less
    "缩量",  # 缩量1386亿元: turnover shrank
    "跌去", "跌掉",
)
_GROWTH_DOWN = alternation(_GROWTH_DOWN_WORDS)


def _esc(words: Any) -> str:
    """An alternation of ``words`` that matches the longest first, written as a trie
    (:func:`~nlp_news.numeric.patterns.alternation`): the regex engine tests one alternative per
    first character, not each of a hundred measure words in turn.

    >>> _esc(["年", "个月", "月"])
    '个月|[年月]'
    """
    return alternation(words)


_CN_CHARS = "零〇一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟廿卅几"
# Arabic and Chinese numerals written as their first character and the rest (_AR is \d + _AR_REST),
# so that NUMBER can start with one character class (see there)
# thousands groups of exactly three digits (第21，2008年 is 21 and a year); a space may stand
# before the decimal point (3 .0英寸, 82 .4平方米: copy damaged upstream)
_AR_REST = r"(?:\d{0,2}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d*(?: ?\.\d+)?)"
_AR = rf"(?:\d{_AR_REST})"
# 多 or 余 between a Chinese numeral and its magnitude belong to the number (二十多亿, 三百余万), as in 1000多万
_CN_REST = rf"(?:[{_CN_CHARS}]*(?:\s+[{_CN_CHARS}]+)*(?:[多余][万亿]+)?(?:\s*点\s*[{CN_DIGIT_CHARS}]+(?:\s+[{CN_DIGIT_CHARS}]+)*(?:[万亿]+)?)?)"
_CN = rf"(?:[{_CN_CHARS}]{_CN_REST})"
#: 千 and 百 before these start a unit (千米, 千瓦时, 百米, 百帕), they multiply nothing
_UNIT_PREFIXED = "米克瓦卡兆赫焦帕"
#: 兆 before these is mega- (30兆瓦, 2兆赫, 100兆宽带), not 10**12 (1兆元)
_MEGA_UNITS = "瓦赫帕字焦比宽带"
_MAGN = rf"(?:[多余几]?[十百千]?(?:[万亿]|兆(?![{_MEGA_UNITS}]))+|[多余几]?[十百千](?=[万亿兆])|[百千](?![{_UNIT_PREFIXED}分之]))"
# what may follow an Arabic / a Chinese numeral in a number: magnitudes and k/M/B (3050 万, 3.5万亿, 40k), digits
# after a magnitude or 零 (三千5百, 一千零20; 六6万 is a typo or two numbers, not one), and zeros: 〇 typed as 0 (二0一五)
_AFTER_MAGN = "(?<=[十百千万亿兆拾佰仟零〇])"
# k/M/B scale an amount (40k, 2.5B), not a room or a code: 1703B室, 2B056号
_LATIN_SCALE = r"[kKMB](?![A-Za-z\d室号座栋楼层区金纯复户套型计])"  # 24K纯金 is 24 carats, 66B复式 a flat, 401k计划 a pension plan
#: What follows a display format written 2K, 4K, 8K (4K视频, 8K电视), or the games publisher 2K (2K游戏):
#: no thousands (不足2K is a price).
_FORMAT_K_AFTER = re.compile(r"\s?(?:游戏|公司|Games|Sports|视频|屏|电视|显示|分辨率|超高清|高清|画质|录制|拍摄|投影|内容|蓝光|影像|摄像|HDR|@|/\d|\s?\d+(?:Hz|fps|帧))")
# (1200万千瓦 is 12 million kW: the 千 of a unit right after a magnitude is no numeral; 1万2千米 is 12000 米)
_AR_TAIL = rf"(?:\s?{_MAGN}(?:\d+(?:[百千](?=[{_UNIT_PREFIXED}]))?|(?![百千][{_UNIT_PREFIXED}])[{_CN_CHARS}]+)?)*(?:\s?{_LATIN_SCALE})?"
_CN_DIGITS_AFTER = rf"(?:{_AFTER_MAGN}\d+|0+)"
_CN_TAIL = rf"(?:{_CN_DIGITS_AFTER}(?:[{_CN_CHARS}]+{_CN_DIGITS_AFTER}?)*)?"
#: The last characters of units, currencies and magnitudes: a dash after one of them starts the second
#: end of a range (100元-80元, 2周-6个月, 4倍-5倍, 21点-23点), it is no minus sign.
_UNIT_LAST = re.escape(
    "".join(sorted({w[-1] for w in (*MEASURE_WORDS, *TIME_UNITS, *CURRENCY_WORDS) if not w.isascii()} | set("万亿倍点")))
)  # not the ISO codes' letters: EB-5 is a name
#: A number: Arabic or Chinese, with a sign (-, −, 负), magnitudes, spaces before a magnitude (3050 万).
#: It starts with one character class, its first character, and then reads the rest by what that
#: was: the regex engine then skips the text between numbers with its fast first-character scan
#: (a pattern that starts with a lookahead or an optional group is tried at every position).
NUMBER = (
    rf"[{first_digit_class()}{_CN_CHARS}负−-]"  # \d without its per-character lookup: each branch checks what it starts with
    rf"(?:(?<=\d){_AR_REST}{_AR_TAIL}"
    rf"|(?<=[{_CN_CHARS}]){_CN_REST}{_CN_TAIL}"
    rf"|(?<=负)(?!(?:\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})[场局轮盘胜平])(?:{_AR}{_AR_TAIL}|{_CN}{_CN_TAIL})"  # 负3场, 3负1胜: lost, no minus
    rf"|(?<![\d.%‰{_UNIT_LAST}\-−][-−])(?<=[-−])(?=\d){_AR}{_AR_TAIL})"  # 100元-80元, 2周-6个月, ——2008年: no minus after an amount or a dash
)
#: Its optional groups run as branches, the same matches
#: (:func:`~nlp_news.numeric.patterns.optional_groups_as_branches`; every number of 200 cnews
#: articles, callgrind: 53.6M -> 51.1M instructions).
_NUMBER_RE = re.compile(optional_groups_as_branches(NUMBER))

#: A currency word after a number; 元 is none before 宝 (500元宝 counts a game's currency, as 金币 do),
#: except in 宝贵 (5亿元宝贵资金).
_CUR_AFTER = rf"(?:{_esc(CURRENCY_WORDS)})(?!宝(?!贵)|(?<=圆)[梦满形桌心明珠规]|(?<=元)(?:大将|结构|论|对立|方程|函数|国际))"  # (1+1圆梦, 三元大将: no yuan)
_CUR_AFTER_RE = re.compile(rf"\s?(?:{_CUR_AFTER})")
#: 内 "within" after a time or distance unit (三年内, 15天内, 两个季度内, 10公里内), not the first character of a
#: word (9月10日内测, 10个内地城市, 3个内存条)
_WITHIN = (
    r"(?<=[年月周天日时钟秒米里度元])内"
    r"(?![地资容部测存需蒙外线科阁置网衣幕涵政战乱侧饰燃河陆环场马江核胆心训卷耗讧向径功伤脏膜服收省务屏页含嵌敛情]"
    # a word that starts with 内 unless the characters after it make another word (5分钟内销售额, 30天内推出)
    r"|销(?!售|毁)|购(?!买|入|得|置)|推(?!出|进|动|广)|招(?!聘|募|收|标)|生(?!产|效|成)|控(?!制)|审(?!结|查|批|理|核)"
    r"|参(?!加|与|观|赛)|分(?!别|批|期|配|享|红)|行(?!驶|程|走|动|使|货))"  # (2000元内行货手机: within, then 行货)
)
#: What may follow a number: a bound, a unit, a bound again (the source of :data:`_TAIL_RE`).
_TAIL_SOURCE = rf"""
    (?P<more>\s?(?:有余|多(?![出于图特哥伦瑙明]|米[尼诺])|余|\+|来))?
    \s*
    (?P<u>
       (?P<pct>%|‰|个?\s*百\s*分\s*点|个?\s*基\s*点|(?:BPS|BP|bps|bp)(?![A-Za-z]))
      |(?P<cur>{_CUR_AFTER})(?:\s?(?P<cur2>人民币))?
         (?:(?P<jiao>\d|[{CN_DIGIT_CHARS}])(?P<jw>角|毛)(?:(?P<fen>\d|[{CN_DIGIT_CHARS}])分)?
           |又?(?P<cent>\d{{1,2}}|[{CN_DIGIT_CHARS}十]{{1,3}})(?:美分|日本[銭钱]|[銭]))?
         (?:(?:/|每)(?P<per>平方米|平米|平方英尺|平方尺|平尺|千瓦时|小时|分钟|间夜|人次|季度|学期|学年|公里|吨|股|斤|公斤|千克|亩|人|月|年|天|次|件|台|桶|盎司
                            |[\u4e00-\u9fff]|(?:kWh|MWh|TEU|FEU|GB|MB|kg|km)(?![A-Za-z])))?
      |(?P<time>{_esc(TIME_UNITS)})(?P<half>半)?
      |(?P<ge>个)(?!月|星期|小时|工作日|钟头|年头|季度|百分点|基点)
      |(?P<latin>{_esc(LATIN_UNITS)})(?![A-Za-z\d])
      |(?P<cheng>成)(?:(?P<chalf>半)|\s?(?P<cdig>[一二三四五六七八九1-9])(?![\d{_CN_CHARS}成折%]))?
      |(?P<zhe>折)
      |(?P<noun>{_esc(COUNT_NOUNS)})
      |(?P<mw>{_esc(MEASURE_WORDS)})(?P<mhalf>半)?
    )?
    (?P<post>\s?(?:左右|{_UPDOWN}|以上|以下|以内|之内|有余|{_WITHIN}))?
    """
#: Its optional groups run as branches, the same matches
#: (:func:`~nlp_news.numeric.patterns.optional_groups_as_branches`): the 10,339 tails read on
#: cnews-800, replayed, 17.2 -> 15.0 ms.
_TAIL_RE = re.compile(optional_groups_as_branches(_TAIL_SOURCE), re.X)
#: A bound word before a range's second end (9800万至近1.4亿元, 3至超过5年): the range's qualifier.
_RANGE_END_BOUND_RE = re.compile(r"将近|接近|大约|超过|不到|不足|近|约|逾")
_RANGE_SEP = re.compile(r"\s?(?:-{1,3}|~|至|到|—|－|～)\s?")  # folded text: —— is --
_VAGUE_SECOND_END = re.compile(r"\s?(?:-{1,3}|~|至|到|—|－|～)\s?[数几][十百千万亿]*")


def vague_second_end(text: str, end: int, tend: int) -> bool:
    """Does the number whose unit is ``text[end:tend]`` open a range to a vague end (数倍, 几十万元)?

    >>> vague_second_end("一倍至数倍以上", 1, 2)
    True
    >>> vague_second_end("10亿元至数十亿元", 3, 4)
    True
    >>> vague_second_end("3倍至5倍", 1, 2)
    False
    >>> vague_second_end("两倍至数百人", 1, 2)
    False
    """
    m = _VAGUE_SECOND_END.match(text, tend)
    return m is not None and text.startswith(text[end:tend].strip(), m.end())
#: Currency words and symbols written before an amount (人民币45亿元, 港币8.6亿元, HK$12.5).
_CUR_BEFORE = alternation(CURRENCY_PREFIXES)
_LEFT_SOURCE = (
    rf"(?:(?P<bound0>{_esc(_BOUND_LEFT)})(?:了|为)?\s?(?={_CUR_BEFORE}))?"  # 约合人民币20万元
    rf"(?:(?P<curp>{_CUR_BEFORE})\s?)?"
    rf"(?P<bound>{_esc(_BOUND_LEFT)})?(?P<join>了|在|是|有|为)?\s?(?P<curs>US\$|HK\$|NT\$|\$|¥|€|£)?\s?$"
)
#: Its optional groups run as branches, as :data:`_TAIL_RE`'s, the same matches (searched in the eight
#: characters before a number: 10.5 M -> 7.8 M instructions on 200 cnews-800 articles).
_LEFT_RE = re.compile(optional_groups_as_branches(_LEFT_SOURCE))
#: The change word before a value: a growth verb (同比增长, 下跌了), or the noun made of one that the value
#: measures (涨幅为, 跌幅达, 增速为, 降幅度为, 增长率为; not 涨跌幅, a change either way). An up word and a
#: down word never both end a match from the same start, so the tries read as the word lists in turn did;
#: optional groups run as branches (as :data:`_TAIL_RE`'s).
_CHANGE_RE = re.compile(optional_groups_as_branches(
    rf"(?P<yoy>同比|环比)?(?:(?P<up>{_GROWTH_UP})|(?<!涨)(?P<down>{_GROWTH_DOWN}))?(?:幅度?|速度?|率)?"
    rf"(?:{alternation(('了', '约', '超过', '逾', '近', '达', '至', '到', '为', '分别'))})*\s?$"
))
_PER_LEFT = re.compile(
    r"每(?:一)?(?P<per>平方米|平米|平方英尺|平方尺|平尺|千瓦时|间夜|人次|盎司|学年|学期|季度|小时|公里|晚|亩|股|吨|斤|公斤|人|户|月|年|天|次|台|辆"
    r"|[\u4e00-\u9fff]|kWh|MWh|TEU|FEU)"
    r"(?:作价|售价|价格|收费|成本|发行价|招股价|定价|收益|净资产|派息|盈利|亏损|净利润)?"
    r"(?:为|约|达|报|涨至|跌至|升至|降至|达到|上涨|下跌|上调|下调|加价|降价|涨|跌)?\s?$"
)
#: A period before an amount that makes it a rate (NUMERIC-CONVENTIONS: 一年学费4万元 → "/年"):
#: 每 + period, then a few words (每年也仅需要4万元, 每月给1000元); or 一 + period + a price word
#: (一年学费, 一个月工资, 一天价格), since 一天就涨到50美元 says "in one day", not "per day".
_PER_PERIOD_LEFT = re.compile(
    r"(?:每个?|(?<![\d一二三四五六七八九十两几数多第前后上下这那])(?P<one>[一1])\s?个?)"
    r"(?P<per>年|月|天|晚|周|星期|学期|季度|小时|分钟|秒钟)"
    r"(?(one)的?(?:全部|平均|总)?(?:学杂费|学费|租金|房租|费用|花费|开销|生活费|工资|薪水|薪酬|住宿费|保费|会费|收费|价格|房价))"
    r"[^\d\s,，。;；:：!！?？、()（）《》“”\"一二三四五六七八九十两百千万亿]{0,6}$"
)
#: The letters after 个 that :func:`_counted_noun` segments (a word or two of them).
_NOUN_AFTER_GE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,12}")
_NOUN_AFTER_MAX = 12
_NOUN_STOP = set("的了在是和与及或等中上下里内以有为将被把对也都就而并从到至左右多余这那其该各每些月小星工年天来前后已之还需剩")

# Zones that are never facts and hold no number of their own: URLs and e-mail addresses, as
# ``(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+`` reads them,
# written with their first character read first (h and w of http and www are among the address's):
# with alternatives first the engine tried the pattern at every position of the text, with a class
# only at its characters (the 16 texts of 200 cnews-800 articles searched, 7.8 M -> 2.3 M instructions;
# tests/test_numeric.py checks the two forms agree).
_URL_RE = re.compile(
    r"[A-Za-z0-9._%+-](?:(?<=h)ttps?://[^\s\u4e00-\u9fff，。]+|(?<=w)ww\.[^\s\u4e00-\u9fff，。]+"
    r"|[A-Za-z0-9._%+-]*@[A-Za-z0-9-]+\.[A-Za-z0-9.]+)"
)
_SPACED_CN = rf"[{_CN_CHARS}]+(?:\s+[{_CN_CHARS}]+)*(?:\s*点\s*[{CN_DIGIT_CHARS}]+(?:\s+[{CN_DIGIT_CHARS}]+)*)?"
_FRACTION_RE = re.compile(
    rf"(?=[\d{_CN_CHARS}])(?P<den>{_AR}|[{_CN_CHARS}]+)\s*[分份]\s*之\s*(?P<num>{_AR}\s*[kK]?|{_SPACED_CN})"  # 千份之三: HK copy
)
# 第N + classifier; a time unit after it is the classifier (第23分钟 → 分钟, not 分; 第5个月 → 个月; 第五年)
_ORDINAL_TIME_UNITS = ("分钟", "秒钟", "小时", "个小时", "个月", "天", "日", "周", "秒", "年")
#: Classifiers that follow 第N only (第二稿, 第一招, 第三阶段, 第九顺位): no count is written so.
_ORDINAL_ONLY_UNITS = ("稿", "招", "层", "波", "步", "阶段", "顺位", "题", "章", "封", "版", "站", "洞", "棒", "方面", "档", "财季", "话", "赛季")
_ORDINAL_RE = re.compile(
    rf"第\s?(?P<n>{_AR}|[{_CN_CHARS}]+)"
    rf"(?:\s?(?P<u>{_esc([*MEASURE_WORDS, *_ORDINAL_TIME_UNITS, *_ORDINAL_ONLY_UNITS])}|个|季|大|位|号))?"
)
_TOP_RE = re.compile(r"前(?P<n>[1-9]\d{0,2}|[一二两三四五六七八九十]{1,3})(?=名|强|位|大|甲|$|[,，。、的]|(?<=[一二三四五六七八九十])\d|\s(?![个年月天日周季小分秒\d]))(?P<u>名|强|位|甲)?")  # (前三甲: the top three; 前30 DDM: a headline's space)
_SLASH_PREV_BAD = frozenset("/.")
#: After 第N: a slash and a year that make a regulation's number (第20/2008号), a code.
_SLASH_YEAR_RE = re.compile(r"/(?:19|20)\d\d(?!\d)号?")
_BIG_ALONE = frozenset(("万", "亿", "兆"))
#: Words before a price written without a currency (仅售1999, 售价为160, 报价2200), as property and shop
#: headlines write them (均价20000, 1月开盘13800, 租金3500), and a laptop's (本 "notebook") after its model
#: (T400本报19600, 独显本4742; 本报 alone is "this paper"), and a camera's after the gift that comes with it
#: (送原包原电7700, 送原电2580).
_PRICE_BEFORE = re.compile(
    r"(?:(?P<noun>(?:售|报|特|均|单|总|起|开|标|促销|团购|到手|优惠|会员|零售|市场|建议|参考|挂牌|成交|开盘|秒杀|首发|预售|最新)价|价格|租金|月租|开盘|特惠)"
    r"|售|卖|低至|直降|立减|狂降|降价|[再又竟]降|[每日天]减|优惠|促销|跌破|仅需|只需|套装|套机|仅|(?<![收盘指价率数股本点%])报|(?<=[A-Za-z\d显记网]本)报|[送赠](?:原电|原包|原装电池|大礼包|礼包)+|(?<=[A-Za-z\d显记网])(?<![^A-Za-z\d]\d)(?<![^A-Za-z\d]\d\d)本|[每一](?P<per>平方米|平米|(?<=每)平)减?"
    r"|最低)"  # (再降300, 十天竟降300, 最低3688: a headline's price and its cut)
    r"(?:仅为|为|是|仅|只要|只|约为|约|降至|跌至|不足|不到)?$"  # (最低不足1300: under)
)
_PRICE_LAST = frozenset("价售卖为是仅只要约金租至盘降减破需装机报米惠销本低足到电池包")
#: Price words after which the next words may follow a bare price directly (仅3750送礼, 促销2250送包), as after a price noun.
_PRICE_THEN_WORDS = ("仅", "促销")
#: Before N厘, words of an interest rate that make it points of interest (加息0.5厘, 利率上调0.25厘), no money.
_RATE_POINT_BEFORE = re.compile(r"(?:[加减降升]息|利率|息率|息口)[^，。；,;：:]{0,6}$")
#: Sales named by their day (618促销, 315促销), no prices.
_SALE_DAYS = frozenset(("315", "618", "1111", "1212"))
_PRICE_END = frozenset("，,。；;！!？?）)】]、的（(") | {""}
#: A person a price is per after 一 (119一位, 99一人).
_PER_HEAD = frozenset("位人")
#: A plot ratio (容积率2.5) is a plain number.
#: A coefficient (基尼系数0.47, 恩格尔系数为28.5) is one as well, and so are an exchange rate, a rate's
#: fixing, an index written without 点 and a TV rating (汇率为7.2, 中间价7.1856, 美元指数跌至98.5, 市净率为0.8,
#: 收视率破2), and an indicator's reading (信心指数终值为65.7, 前值为50.2); so are betting odds (主胜赔低至1.14,
#: 平赔3.20, 赔率为2.5: no money).
_RATIO_BEFORE = re.compile(
    r"(?:容积率|系数|汇率|中间价|指数|市盈率|市净率|收视率|终值|初值|前值|预期值|预测值)"
    r"(?:仅为|为|是|仅|约为|约|达|达到|高达|低于|超过|不超过|不到|跌至|降至|升至|涨至|回落至|回升至|报|破|突破)?$"
)
#: Odds' words and the verbs between them and the odds (searched only where 赔 is in the window: most are not).
_ODDS_WORDS = "[胜平负]赔|赔率"  # (胜赔, 平赔, 负赔: the odds on a win, a draw, a loss)
_ODDS_BEFORE = re.compile(rf"(?:{_ODDS_WORDS})(?:一度|已|又|再)?(?:仅为|为|是|仅|只有|约为|约|在|达|达到|高达|跌至|降至|升至|涨至|低至|高至|报)?$")
_RATIO_LAST = frozenset("率数为是仅约达到于过价至报破赔")
#: A rate's or a count's word before a price word (容积率仅为0.4, 利率仅为4.5, 人数仅为300): what follows is no
#: price.
_RATE_LAST = frozenset("率数")
#: Betting odds' words (主胜赔, 平赔, 赔率), read before a price word that follows them (胜赔一度低至1.14).
_ODDS_RE = re.compile(_ODDS_WORDS)
#: Odds as written: at most two decimals (1.14, 3.30, 12.5).
_ODDS_VALUE_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
#: What :meth:`_Scanner.led` needs before or after a number (第, 前; 分之, 半, 3:1, 1/3; a space before 第
#: or 分), or before a bare Arabic one (the end of a price or plot-ratio word, and after the number
#: nothing :data:`_TAIL_FIRST` or :data:`_RANGE_FIRST` holds): numbers with none skip it in one test
#: (1,860 of the 4,633 calls on cnews-800 were numbers with a unit after 为, 是, 到…).
_LED_PREV = frozenset("第前 ")
_LED_NEXT = frozenset("分份半:比/ ")
_LED_BARE_PREV = _PRICE_LAST | _RATIO_LAST
_MORE_AFTER_CHENG = frozenset("多余")
#: After N仙, what makes 仙 start a word (3仙女, 八仙人): no Hong Kong cents.
_IMMORTAL_NEXT = frozenset("女人境子鹤姑")
#: Measure words of people and things after -N that make the dash a separator, no minus sign (西甲-10人).
_SIGNLESS_NEXT = frozenset("人名位个家只辆")
#: After 周薪, what makes 薪 start a noun of its own (3周薪水: three weeks' pay, 3周 a duration).
_WAGE_NOUN_NEXT = frozenset("水资酬金")
#: After N名车, what makes 车 start a word of people (车手, 车主, 车迷): 名 then counts them.
_CAR_PEOPLE_NEXT = frozenset("手主迷友队工辆")
#: After 八成, the verbs of the adverb "most likely" (八成会, 八成是); before it, the words of a share
#: (其中八成是, 有八成会, 近八成要), which keep it a percent.
_GUESS_NEXT = frozenset("会是要能")
_SHARE_BEFORE = frozenset("中里有近超逾约占达了过将余的和及至到")
#: Words a counted noun's tail starts (套房 + 子 is 套 + 房子).
_SPLIT_NOUNS = frozenset(("房子", "事情", "房源", "房型", "房产", "东亚", "东方", "东风"))  # (增持40万股东亚银行: 股, then 东亚银行)
#: Denominators above 10 that fractions are written with (else 8/14 is a day: August 14).
_DENOMINATORS = frozenset((12, 16, 20, 25, 32, 50, 64, 100, 1000))
_SLASH_RE = re.compile(r"(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\d.,/:])")
#: The second end of a clock-time range (13:00-17:00): hours and minutes under 60.
_CLOCK_RE = re.compile(r"(\d{1,2})\s?[:：]\s?([0-5]\d)(?![\d:.])")
#: What stands before a number + 号 that makes it a number (a shirt, a house, a role), not a day.
_NOT_DAY_BEFORE = frozenset("的男女园楼路街区巷院室栋座门场馆厅第编-同弄")  # (胡同二十五号: a house number)
_DAY_AFTER_DE = frozenset(("月的", "次的", "周的", "期的"))
#: Brackets around a day N号 said after a day word (今天（30号）上午): the closing one ends a date only after
#: the opening one and one of these words (附件(2号) is a label).
_CLOSING_BRACKETS = frozenset("）)")
_OPENING_BRACKETS = frozenset("（(")
_DAY_WORDS = frozenset(("今天", "昨天", "明天", "前天", "后天", "今日", "昨日", "明日", "当天", "当日", "次日",
                        *("周" + d for d in "一二三四五六日天")))
#: A Latin word counted by 万 or 亿 (3000亿tokens, 1.2亿 DAU): its unit.
_LATIN_NOUN_RE = re.compile(r"\s?([A-Za-z]{2,}s?)(?![A-Za-z\d])")
#: A Latin name with a digit or a letter just before a hyphen (Qwen2.5-, DM-, V3-); not 2024- alone.
_LATIN_NAME_BEFORE_RE = re.compile(r"[A-Za-z][A-Za-z\d.]*$")
#: Before 百, 千, 万 or 亿 alone, words that make it a bound amount (上百, 过亿, 破万).
_OVER_BIG = frozenset("上过破")
#: 那一年, 同一天, 这一天: 一 + a time unit after these names a time, no duration (这 only before a day:
#: 这一年 can last a year).
_DEMONSTRATIVES = frozenset("这那哪同")
_ONE_TIME_AFTER = re.compile("年|天|日|周|星期|个?月|个?季度|刻|晚|夜")
_ONE_DAY_AFTER = re.compile("天|日|刻|晚|夜")
#: Before 有一天, what makes it a day's length (只有一天, 还有一天) rather than "one day" (有一天他来了).
_ONLY_BEFORE_YOU = frozenset("只仅还才就都没也")
#: Around 第N alone, what makes it a list's enumerator (。第一，…; 原因有二：第一是…, as 一是/二是)
#: rather than a rank (排名第二，).
_FIRST_DIGIT_RE = re.compile(r"\d")
#: After Chinese digits read one by one, what makes them a discount (九五折), a year or a range of years (一九九六至一九九七年).
_DIGIT_RUN_NEXT = frozenset("折成年月日号至到-~—－～")
_ENUM_AFTER = frozenset("，,：:、是最")  # (：第一最主要的是: "first and foremost", no rank)
_ENUM_BEFORE = frozenset("。！？；;：:，,\n\t “\"（(") | {""}
_COORD_NEXT = frozenset("第0123456789一二三四五六七八九十")
#: Before N块, verbs that make 块 pieces (切成100块, 分成两块); before 一块, words that make it
#: "together" or "a piece" (走到一块, 在一块, 持有一块, 最重要的一块: "the most important part").
_PIECES_BEFORE = frozenset("成割切")
_TOGETHER_BEFORE = frozenset("到在凑有的")
#: Between a bound word and its number, the words that leave the bound out of the span (约有700名).
_LOOSE_JOINS = frozenset("是有为")
#: Words that start with 半, which is then no half after a measure word or time unit (一种半成品).
_HALF_WORDS = frozenset(("半成品", "半导体", "半自动", "半决赛", "半岛", "半径", "半价", "半场", "半边", "半山", "半职"))
#: After 上百 or 过百, a character that makes 百 part of a word (马上百度, 百姓, 百货), no bound amount.
_BAI_WORD_NEXT = frozenset("度姓货合科般")
#: Verbs of a price's change before 百元/千元 (降百元, 省千元, 涨百元).
_PRICE_CUT_LAST = frozenset("降减省涨跌")
#: Before 奖励金币一枚: the verb of giving that makes 一 + classifier after its noun a count
#: (:func:`_after_its_noun`), and the particles that are no noun before it.
_GIFT_BEFORE = re.compile("奖励|赠送|附赠|赠|送|获得|领取|得到|奖品|礼包")
_VERB_PARTICLES = frozenset("了是有为在着过")
#: Sizes with a times sign, two or three sides (1920×1080, 98.2×54.9×20.5): see :meth:`_Scanner.dimensions`.
_DIM_SIGNS = frozenset("×xX*＊")
_DIMS_RE = re.compile(r"\d+(?:\.\d+)?(?:\s?[×xX*＊]\s?\d+(?:\.\d+)?)?\s?[×xX*＊]\s?(?P<last>\d+(?:\.\d+)?)(?![\d.])")
_DIM_KINDS = frozenset(("count", "percent", "number"))
_DIM_SIDE_RE = re.compile(r"\d+(?:\.\d+)?")
#: A single digit after 万 or 亿 is the number's last figure, said aloud (一万三 = 13000, 2万1 = 21000), only before
#: what ends a number: no Han character but these (一万三的工资, 两万三左右); before any other it starts a word (243万一审).
_ABBREVIATED_TAIL_NEXT = frozenset("的了吧啊呢呀哦左上多余起")
_ONE_DIGIT = frozenset("一二三四五六七八九123456789")
_RATIO_RE = re.compile(r"(?<![\d:.])(?P<a>\d+(?:\.\d+)?)\s?[:比]\s?(?P<b>\d+(?:\.\d+)?)(?![\d:.])")
#: A match's score, by the words after it (97比89击败, 以88比96告负, 44比41取得领先) or right before it (总比分扳成2比2,
#: 主场97比81, 打了个10比2): no ratio, no fact (a ratio's value, 0.9712 for 101比104, says nothing; 3比0 had none).
_SCORE_AFTER_RE = re.compile(
    r"(?:的(?:总)?比分)?(?:逆转|爆冷|再次|最终|轻松|艰难|顺利|被|主场|客场)?"
    r"(?:战胜|击败|击溃|取胜|获胜|胜出|险胜|大胜|小胜|完胜|力克|轻取|横扫|战平|打平|逼平|踢平|握手言和|告负|落败|负于|输给|不敌"
    r"|惜败|惨败|痛击|力挫|狂胜|大败|领先|落后|赢下|拿下|淘汰|反超|扳平|绝杀|翻盘|胜|负|赢|输|败|取得领先|结束(?:比赛|了比赛|全场|上半场|半场))"
)
#: Goals scored and let in before a:b (主场得失球8：12): a tally, no time of day.
_GOALS_BEFORE = ("得失球", "进失球", "失球比", "得失分")
_SCORE_BEFORE = ("比分", "比分为", "比分是", "战成", "打成", "踢成", "扳成", "追成", "打了个", "打出", "打出了", "主场", "客场", "最终", *_GOALS_BEFORE)


def _no_unit_after(f: str, end: int, nxt: str, prev: str) -> bool:
    """Whether no unit follows the number that ends at ``end``: ``nxt`` starts none, or, right after 价 (a
    headline price) or before a space (再降300 索尼液晶: a headline's phrases), the characters it starts make
    none (均价6000总价18万: 总 starts 总像素, not here). The tail is matched only after 价 or before a space,
    so no other number pays for it."""
    return nxt not in _TAIL_FIRST or (prev == "价" or nxt == " ") and not _TAIL_RE.match(f, end).group(0).strip()


def is_score(text: str, start: int, end: int) -> bool:
    """Whether the ratio ``text[start:end]`` is a match's score, by the words around it.

    >>> is_score("热火主场97比89击败对手", 4, 9), is_score("两队以3∶1的比分结束比赛", 3, 6), is_score("按3:1的比例配售", 1, 4)
    (True, True, False)
    """
    return _SCORE_AFTER_RE.match(text, end) is not None or text[max(0, start - 3) : start].endswith(_SCORE_BEFORE)
_VAGUE_BEFORE = set("数几")
#: After 千万 or 万万 as an adverb: 千万不要, 千万别, 千万要小心, 万万没想到.
_QIANWAN_ADVERB_NEXT = frozenset("不别要记莫勿没小注得可")
#: What makes a word with 万 or 亿 (万事, 万一, 万岁, 亿万): no 上万 / 上亿 amount before it.
#: Measure words a bare 万 counts with (万只, 万吨以上): ten thousand of them.
_WAN_COUNTED = frozenset("只吨株棵头件套台辆亩册")
_WAN_WORD_NEXT = frozenset("事一物众分岁能象般千里古全亿万重")


def extract_facts(
    text: str, *, published: _dt.date | str | None = None, segmenter: Segmenter | None = None
) -> list[Fact]:
    """All numeric facts in ``text``, sorted and non-overlapping; never raises.

    ``published`` (a date, or a string :func:`~nlp_news.numeric.dates.parse_published` reads,
    such as ``"2025-10-01"``; one it cannot read counts as unknown) resolves relative dates. ``segmenter`` cuts the noun a count with
    个 counts (default: jieba's dictionary alone; the pipeline passes its own, user words included).

    >>> [(f.text, f.kind, f.value) for f in extract_facts("MiniMax 推出第2款产品,增长了三成")]
    [('第2款', 'ordinal', 2), ('三成', 'percent', 30)]
    >>> [(f.text, f.value, f.change) for f in extract_facts("营收同比增长超过170%")]
    [('超过170%', 170, '+')]
    >>> [f.text for f in extract_facts("iPhone 4 与 4S店, 5G, 600036.SH, www.a.com/3")]
    []
    """
    if not isinstance(text, str):
        return []
    if isinstance(published, str):
        try:
            published = parse_published(published)
        except ValueError:
            published = None
    return extract_facts_in(text, [(0, len(text))], published=published, segmenter=segmenter)


def extract_facts_in(
    text: str, spans: list[tuple[int, int]], *, published: _dt.date | None = None, segmenter: Segmenter | None = None
) -> list[Fact]:
    """:func:`extract_facts` of each ``text[start:end]``, with offsets into ``text``; never raises.

    Each span is scanned on its own (a fact never crosses a paragraph), and the facts are
    made with their final offsets, so a Doc's paragraphs cost no copy per fact.

    >>> t = "标题:增长30%\\n营收3亿元"
    >>> [(f.text, f.start, t[f.start:f.end]) for f in extract_facts_in(t, [(0, 8), (9, 14)])]
    [('30%', 5, '30%'), ('3亿元', 11, '3亿元')]
    """
    return _extract_in(text, spans, published, _fact_of, segmenter)


def extract_rows_in(
    text: str, spans: list[tuple[int, int]], *, published: _dt.date | None = None, segmenter: Segmenter | None = None
) -> list[FactRow]:
    """:func:`extract_facts_in` as :data:`FactRow` tuples (for the ``news_facts`` stage).

    >>> extract_rows_in("营收3亿元", [(0, 5)])[0][:5]
    ('3亿元', 2, 5, 'money', 300000000)
    """
    return _extract_in(text, spans, published, _row_of, segmenter)


def _extract_in(
    text: str, spans: list[tuple[int, int]], published: _dt.date | None, make: Any, segmenter: Segmenter | None
) -> list[Any]:
    if not isinstance(text, str):
        return []
    out: list[Any] = []
    for start, end in spans:
        if end <= start:
            continue
        out.extend(_Scanner(text[start:end], published, segmenter).run(start, make))
    return out


class _Scanner:
    __slots__ = ("text", "f", "pub", "cands", "reach", "date_tried", "segmenter")

    def __init__(self, text: str, published: _dt.date | None, segmenter: Segmenter | None = None) -> None:
        if type(text) is not str:
            text = str(text)  # a str subclass as a plain str (the compiled scanner keeps exactly a str)
        self.text = text
        self.segmenter = segmenter
        self.f = fold(text)
        self.pub = published if isinstance(published, _dt.date) else None
        self.cands: list[tuple[int, int, int, str | None, Any, dict[str, Any] | None]] = []
        self.reach = 0  # end of the furthest candidate so far
        self.date_tried = 0  # positions below this were tried as date starts

    # -- candidates --------------------------------------------------------------
    def add(self, made: tuple[str, Any, tuple[Any, ...]] | None, start: int, end: int, prio: int) -> None:
        """Record a candidate made by :meth:`make`; ``None`` marks a zone that is never a fact.

        A value past a float's range (a 400-digit amount, a fraction over a tiny denominator) is
        no value: the candidate is dropped.
        """
        if end > start:
            kind, value, rest = made if made is not None else (None, None, None)
            if (type(value) is float or type(value) is dict) and not _finite(value):
                return
            self.cands.append((start, -(end - start), prio, kind, value, rest))
            if end > self.reach:
                self.reach = end

    @staticmethod
    def make(start: int, end: int, kind: str, value: Any, source: str, *, unit: str | None = None,
             currency: str | None = None, qualifier: str | None = None, change: str | None = None,
             relative: bool = False) -> tuple[str, Any, tuple[Any, ...]]:
        """A candidate's kind, value and the rest of its :class:`Fact` fields, in their order."""
        return kind, value, (unit, currency, qualifier, change, relative, source)

    def run(self, offset: int = 0, make: Any = None) -> list[Any]:
        """The facts of the text, as ``make(fields)`` of a tuple of a :class:`Fact`'s fields
        (:func:`_row_of` makes a :data:`FactRow`; the default, :func:`_fact_of`, a Fact)."""
        make = make or _fact_of
        f = self.f
        urls: list[tuple[int, int]] = []
        if "http" in f or "www." in f or "@" in f:
            # zones for the final overlap resolution; they must not move ``reach``, which would
            # skip every number before the address
            urls = [m.span() for m in _URL_RE.finditer(f) if m.end() > m.start()]
            self.cands.extend([(a, a - b, 0, None, None, None) for a, b in urls])
        if "《" in f:
            # titles of works (《八佰》, 《72家租客》): zones, as URLs are
            self.cands.extend([(m.start(), m.start() - m.end(), 0, None, None, None) for m in _TITLE_RE.finditer(f)])
        if _NAME_ZONE_HEAD_RE.search(f):
            # names and idioms made with a numeral (八一队, 日复一日): zones too (one inside a title is
            # passed over where the title's zone is, as the longer candidate that starts first)
            self.cands.extend([(m.start(), m.start() - m.end(), 0, None, None, None) for m in _NAME_ZONES_RE.finditer(f)])
        u = 0
        # the loop runs once per numeral in the text: module constants are bound to locals
        date_next, date_prev, keep_next, cn_set = _DATE_NEXT, _DATE_PREV, _CN_KEEP_NEXT, _CN_SET
        for m in _NUMBER_RE.finditer(f):
            s, e = m.span()
            if s < self.reach:
                continue
            if urls:
                while u < len(urls) and urls[u][1] <= s:
                    u += 1
                if u < len(urls) and urls[u][0] <= s:
                    continue  # a number inside a URL or an e-mail address
            nxt = f[e : e + 1]
            prev = f[s - 1 : s]
            if (f[s] == "-" or f[s] == "−") and "\u4e00" <= prev <= "\u9fff" and f[e - 1] in "kKMB":
                self.add(None, s, e, 0)  # 米格-29K: a model's name, no minus 29,000
                continue
            if prev == "+" and f[s - 2 : s - 1] in _SETTLEMENT:
                self.add(None, s - 2, e, 0)  # T+1, T+0: a settlement rule's name, not a day
                continue
            if nxt in date_next or prev in date_prev or (prev == "后" and f[s - 2 : s - 1] == "最") or (
                (prev == "Q" or prev == "q") and _bare_quarter(f, s, e)
            ) or (nxt in "至到" and e - s == 4 and f[s : s + 2] in ("19", "20")):  # 2010到2011赛季
                # (今年)最后一个月: a date that starts before 最后; 预告-18日14时, 新浪-2011年: a headline's dash before
                # a day or a year is no minus, the date starts after it (and 14时 after the day is tried on its own)
                self.dates_at(s + 1 if (f[s] == "-" or f[s] == "−") and (nxt == "日" or nxt == "号" or nxt == "年") else s)
                if s < self.reach:
                    continue
            if (
                nxt not in keep_next
                and prev not in "第前上过破 "
                and f[s] in cn_set
                and (e - s == 1 or not _has_magnitude(f[s:e]))
            ):
                continue  # a Chinese numeral with nothing after it that makes it a fact (一些, 统一): number() would drop it
            self.number(m, nxt, prev)
        if "（1" in f or "（2" in f or "(1" in f or "(2" in f:  # (four substring tests cost less than a scan of the text)
            for m in _LIFESPAN_RE.finditer(f):
                # 爱默生（1803-1882）: a life's span of years in brackets, one date range
                y1, y2 = int(m.group(1)), int(m.group(2))
                if y1 < y2 <= y1 + 120:
                    self.add(self.make(m.start(1), m.end(2), "date", {"start": m.group(1), "end": m.group(2)}, "rule:date"),
                             m.start(1), m.end(2), 2)
        if "全会" in f or "次会议" in f:
            for m in _SESSION_RE.finditer(f):
                # 十七届四中全会, 九届人大一次会议: a plenum's or a session's rank, an ordinal as 二次会议 is
                n, u = ("n", "u") if m.group("n") else ("n2", "u2")
                v = parse_number(m.group(n))
                if v is not None and not self.covered(m.start()):
                    self.add(self.make(m.start(), m.end(u), "ordinal", int(v), "rule:ordinal", unit=m.group(u)), m.start(), m.end(u), 2)
        for head, pattern in _PER_DENOMINATORS:
            if head in f:
                # 每百万tokens, 每万人口, 1美元兑155日元: a denominator says "per", it is no amount of its own
                for m in pattern.finditer(f):
                    self.add(None, m.start(), m.end(), 0)
        if "半成" in f or "半折" in f or "打对折" in f:  # what _HALF_PCT_RE matches (折 alone: 打折, 转折)
            for m in _HALF_PCT_RE.finditer(f):
                v = 5 if m.group(0).endswith("成") else 50
                self.add(self.make(m.start(), m.end(), "percent", v, "rule:percent", unit="折" if v == 50 else None), m.start(), m.end(), 2)
        if "76人" in f and _BASKETBALL_RE.search(f):
            # the Philadelphia 76ers in a basketball story (战胜76人, 76人的伊戈达拉): a team, no count of 76
            for m in _TEAM_76_RE.finditer(f):
                if f[m.start() - 1 : m.start()] not in _TEAM_NOT_BEFORE:
                    self.add(None, m.start(), m.end(), 0)
        if "厅" in f:
            i = f.find("厅")
            while i > 1:
                m = _LAYOUT_RE.search(f, max(0, i - 6), i + 6)
                if m is not None and m.end(4) == i + 1 and not self.covered(m.start()):
                    # 三室两厅, 两室一厅一卫, 五房四厅: a flat's layout, a count of each kind of room (as 三居 is)
                    for g in (1, 3, 5):
                        if m.group(g):
                            self.group_value(m, g, "count", m.end(g + 1), unit=m.group(g + 1))
                i = f.find("厅", i + 1)
        if "男" in f and "女" in f:
            for m in _numerals_before(f, "男", _MEN_WOMEN_RE, 8):
                # 6男1女: the men and the women of a group, each a count (as 2死3伤)
                self.group_value(m, 1, "count", m.end(1) + 1, unit="男")
                self.group_value(m, 2, "count", m.end(2) + 1, unit="女")
        if "死" in f and "伤" in f:
            for m in _DEAD_HURT_RE.finditer(f):
                # 2死3伤: the dead and the injured of an accident, each a count (not read alone: 一死了之)
                self.group_value(m, 1, "count", m.end(1) + 1, unit="死")
                self.group_value(m, 2, "count", m.end(2) + 1, unit="伤")
        if "死" in f and ("致" in f or "造成" in f):
            for m in _DEATH_TOLL_RE.finditer(f):
                # 矿难致9死, 车祸造成3死: a death toll without the injured after it, a count of the dead
                self.group_value(m, 1, "count", m.end(1) + 1, unit="死")
        if "死" in f:
            for m in _numerals_before(f, "死", _BOUNDED_TOLL_RE, 2, before=7):
                # 爆炸至少120死: a death toll after a bound word, in the span (over; under after 近)
                v = parse_number(m.group(1))
                if v is not None:
                    q = _BOUND_LEFT[f[m.start() : m.start(1)]]
                    self.add(self.make(m.start(), m.end(), "count", format_value(v), "rule:count", unit="死", qualifier=q), m.start(), m.end(), 2)
        if "FY" in f:
            for m in _FISCAL_YEAR_RE.finditer(f):
                # FY2024, FY25: a fiscal year, read as 2024财年 is (its year)
                y = m.group(1)
                self.add(self.make(m.start(), m.end(), "date", y if len(y) == 4 else "20" + y, "rule:date"), m.start(), m.end(), 2)
        if "金" in f and ("银" in f or "铜" in f):
            for m in _numerals_before(f, "金", _MEDALS_RE, 12, _MEDAL_NEXT):
                # 40金27银24铜, 2金1铜, 两金一银: a medal tally, a count of each (golds, silvers, bronzes)
                for g, unit in ((1, "金"), (2, "银"), (3, "铜")):
                    if m.group(g):
                        self.group_value(m, g, "count", m.end(g) + 1, unit=unit)
        if "抵" in f:
            for m in _numerals_before(f, "抵", _OFFSET_RE, 10, before=9):
                # 2万抵4万: a deposit that counts for more off the price, two amounts of money (no plain numbers)
                for g in (1, 2):
                    v = parse_number(m.group(g))
                    if v is not None:
                        self.add(self.make(m.start(g), m.end(g), "money", format_value(v), "rule:money", currency="CNY"),
                                 m.start(g), m.end(g), 1)
        if "平" in f and ("胜" in f or "负" in f):
            for m in _numerals_before(f, "平", _DRAWS_RE, 2):
                if _is_draws(f, m):
                    # 1胜3平4负: the draws of a record, a count as its wins and losses are
                    self.group_value(m, 1, "count", m.end(1) + 1, unit="平")
        if ("赢" in f or "输" in f) and ("赢" in f) + ("走" in f) + ("输" in f) >= 2:
            # (a record has two of the three marks: a text with one of them holds none)
            for m in _HANDICAP_RE.finditer(f):
                # 8赢2走2输, 1走1赢: a team's record against the handicap, a count of each (走: a push)
                items = list(_HANDICAP_ITEM_RE.finditer(f, m.start(), m.end()))
                if len({f[n.end() - 1] for n in items}) > 1 and f[m.start() - 1 : m.start()] not in _CN_SET and not f[m.start() - 1 : m.start()].isdigit():
                    for n in items:
                        self.group_value(n, 1, "count", n.end(), unit=f[n.end() - 1])
        if "满" in f:
            for m in _SPEND_RE.finditer(f):
                # 满2000送260, 每满300减40: a promotion's threshold and reward are prices in the
                # article's currency (2000 is no year; small numbers alone are no facts); its next
                # tiers may follow without 满 (满1000直降100，2000直降300)
                while m:
                    for g in (1, 2):
                        self.group_value(m, g, "money", m.end(g) + (f[m.end(g) : m.end(g) + 1] == "元"), currency="CNY")
                    m = _SPEND_TIER_RE.match(f, m.end())
        if "个月" in f and "、" in f and _MONTH_LIST_END_RE.search(f):
            # 4、5两个月, 6、7、8三个月: the months named, each a date (the total is read as a duration)
            for m in _MONTH_LIST_RE.finditer(f):
                ym = _YEAR_BEFORE.search(f, max(0, m.start() - 6), m.start())
                for n in _MONTH_NUM_RE.finditer(f, m.start(1), m.end(1)):
                    v, rel = self.month_value(int(n.group(0)), ym)
                    self.add(("date", v, (None, None, None, None, rel, "rule:date")), n.start(), n.end(), 1)
        if "中" in f and _searched(_SHOTS_HEADS, f):
            # 12投9中, 两罚两中: shots taken and made, two counts
            for m in _SHOTS_RE.finditer(f):
                if self.covered(m.start()):
                    continue
                for g in (1, 3):
                    v = parse_number(m.group(g))
                    unit = m.group(2) if g == 1 else "中"
                    if v is not None:
                        self.add(self.make(m.start(g), m.end(g) + 1, "count", format_value(v), "rule:count", unit=unit),
                                 m.start(g), m.end(g) + 1, 2)
        if "双倍" in f or ("番" in f and "翻" in f):  # what _DOUBLE_RE matches (番 alone: 番茄, 三番五次)
            for m in _DOUBLE_RE.finditer(f):
                if self.covered(m.start()):
                    continue
                n = m.group("n")
                v = 2 if n is None else 2 ** int(parse_number(n) or 1)  # 翻两番: two doublings, 4 times
                up = "+" if m.group(0)[0] == "翻" else None
                q = "under" if m.group("near") else None
                self.add(self.make(m.start(), m.end(), "number", v, "rule:number", unit="倍", change=up, qualifier=q), m.start(), m.end(), 2)
        if "半" in f:
            for m in _half_shares(f):
                if not self.covered(m.start()):
                    self.half_share(m.start(), m.end(), "over" if m.group("b") else None)  # 半数, 超过半数, 过半
            for m in _HALF_RE.finditer(f):
                if m.start() >= 1 and f[m.start() - 1] in "上下一" or self.covered(m.start()):
                    continue
                s2, e2, q = self.bounded(m.start(), m.end())  # 近半年, 半年以上, 半小时左右
                if "多" in m.group(1):
                    q = "over" if q in (None, "about") else q  # 半个多月: over half a month
                elif e2 == m.end() and f[e2 : e2 + 1] == "多" and f[e2 + 1 : e2 + 2] in _HALF_MORE_NEXT:
                    e2 += 1  # 半年多时间: over half a year, 多 in the span (as 三年多)
                    q = "over" if q in (None, "about") else q
                self.add(self.make(s2, e2, "duration", _HALF_VALUES[m.group(1)], "rule:duration", qualifier=q), s2, e2, 2)
        for kw in _DATE_KEYWORDS:
            if kw[0] not in f:
                continue  # a search for one character costs a third of one for a word (cnews-800)
            i = f.find(kw)
            while i >= 0:
                if not self.covered(i):  # 2024年上半年 was read with its year
                    self.dates_at(i, force=True)
                i = f.find(kw, i + 1)
        self.cands.sort(key=_CAND_ORDER)
        out: list[Any] = []
        last_end = 0
        text = self.text
        for start, neg_len, _prio, kind, value, rest in self.cands:
            if start < last_end:
                continue
            end = start - neg_len
            last_end = end
            if kind is None:
                continue
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            unit, currency, qualifier, change, relative, source = rest
            out.append(make((text[start:end], start + offset, end + offset, kind, value, unit, currency, qualifier, change,
                             relative, None, None, None, source, {})))
        return out

    def month_value(self, month: int, year: re.Match[str] | None) -> tuple[str, bool]:
        """A month's date and ``relative`` flag: in the year written before it (``year``, a
        :data:`_YEAR_BEFORE` match), else in the published year, else ``--MM``."""
        if year is not None:
            return f"{year.group(1)}-{month:02d}", False
        if self.pub:
            return f"{self.pub.year:04d}-{month:02d}", True
        return f"--{month:02d}", True

    def year_before(self, pos: int) -> tuple[str | None, int | None]:
        """The year written right before ``pos`` (2024年, or 今年 / 去年 / 明年 with a published
        date) and where it starts: ("2024", start), else (None, None)."""
        ym = _YEAR_BEFORE.search(self.f, max(0, pos - 6), pos)
        if ym:
            return ym.group(1), ym.start()
        rm = _REL_YEAR_BEFORE.search(self.f, max(0, pos - 3), pos)
        if rm and self.pub:
            return f"{self.pub.year + REL_YEAR[rm.group(1)]:04d}", rm.start()
        return None, None

    def covered(self, pos: int) -> bool:
        """Whether a candidate found so far covers ``pos``."""
        for c in self.cands:  # noqa: SIM110 - any() over a generator resumes the generator once per candidate
            if c[0] <= pos < c[0] - c[1]:
                return True
        return False

    def dates_at(self, s: int, force: bool = False) -> None:
        """Try a date expression starting at ``s`` or up to six characters before it.

        A numeral that no date word or separator follows is passed over without trying
        :data:`~nlp_news.numeric.dates.DATE_RE` (:data:`_DATE_HEAD_RE`):

        >>> [bool(_DATE_HEAD_RE.match(s)) for s in ("2024年", "3 月", "12.5", "二〇二四年", "300家", "一个", "2024")]
        [True, True, True, True, False, False, False]
        >>> [bool(_DATE_HEAD_RE.match(s)) for s in ("一年", "5年", "3. 活动", "5-8", "24 财年", "2010到2011")]
        [False, False, False, False, True, True]
        """
        f = self.f
        if force:
            # after the main pass: a date word with no numeral (上半年, 周日) anywhere in the text,
            # not starting inside a candidate found before it
            lo = max([s - 6, 0] + [c[0] - c[1] for c in self.cands if c[0] - c[1] <= s])
        else:
            # conditional expressions, not max(): a builtin call costs more (this runs once per numeral)
            lo = s - 6 if s > 6 else 0
            if self.date_tried > lo:
                lo = self.date_tried
            if self.reach > lo:
                lo = self.reach
        if lo < s and _DATE_START.isdisjoint(f[lo:s]):
            lo = s  # no date can start before s (most windows: 营收增长了30%): one test, not one per character
        for st, c in enumerate(f[lo : s + 1], lo):  # at most seven characters: a loop costs less than a regex scan
            if c not in _DATE_START or (c in _NUMERAL_HEADS and not _DATE_HEAD_RE.match(f, st)) or (
                c == "第" and f[st + 2 : st + 3] != "季" and f[st : st + 5].replace(" ", "")[2:3] != "季"
                # 第 starts a date only in 第N季度 (第N季营收, 第 3 季度)
            ):
                continue
            m = DATE_RE.match(f, st)
            if m and m.end() > st:
                if s >= self.date_tried:
                    self.date_tried = s + 1
                if self.date(m):
                    return
        if s >= self.date_tried:
            self.date_tried = s + 1

    # -- context -----------------------------------------------------------------
    def left(self, start: int, after_pass: bool = False) -> tuple[int, str | None, str | None]:
        """Bound word and currency before ``start``: (new start, qualifier, currency).

        The main pass reads numbers left to right, so a bound word before ``reach`` belongs to the
        amount before; a pass after it (``after_pass``: 半年, 半数) checks the candidates that start
        before ``start`` instead, as ``reach`` already lies past amounts further on."""
        f = self.f
        if start == 0 or f[start - 1] not in _LEFT_LAST:
            return start, None, None
        lo = start - 8 if start > 8 else 0
        if _LEFT_FIRST.isdisjoint(f[lo:start]):
            return start, None, None  # no bound word nor currency can start in the window (为, 了, 在 alone)
        m = _LEFT_RE.search(f, lo, start)
        if not m or m.start() == m.end():
            return start, None, None
        bound = m.group("bound") or m.group("bound0")
        q = _BOUND_LEFT.get(bound or "")
        cur = m.group("curp") or m.group("curs")
        code = CURRENCY_PREFIXES.get(cur) if cur else None
        if not q and not code:
            return start, None, None
        b_at = m.start("bound") if m.group("bound") else m.start("bound0")
        if q and bound in ("近", "超", "约") and b_at > 0 and f[b_at - 1] in _BOUND_IN_WORD[bound]:
            if not code:
                return start, None, None  # 最近, 附近, 合约, 签约: no bound word
            bound = q = None
        if bound and m.group("bound0"):
            new = m.start("bound0")  # the bound before the currency word: 超过人民币5亿元
        elif m.group("curp"):
            new = m.start("curp")
        elif bound and m.group("join") in _LOOSE_JOINS:
            # 约有700名, 大概是1万亿: the bound word is not attached (NUMERIC-CONVENTIONS lets only 了
            # and 在 stand between), so it stays out of the span; the value is still bounded
            new = m.start("curs") if m.group("curs") else start
        else:
            new = m.start("bound") if bound else m.start("curs")
        if q and new == b_at and bound in _COMPARATIVES and f[b_at - 2 : b_at] in _NOT_MODALS:
            q, new = _OPPOSITE[q], b_at - 2  # 不得超过30年: under; 不应低于20%: over
        reach = max([c[0] - c[1] for c in self.cands if c[0] < start], default=0) if after_pass else self.reach
        if new < reach:
            if q and m.group("curp") and m.group("bound") and m.start("bound") >= reach:
                return m.start("bound"), q, None  # 1欧元约合7.8元: 欧元 is the amount before's, 约合 this one's
            return start, None, None  # 4人民币 5美元: 人民币 belongs to the amount before
        return new, q, code

    def change(self, start: int) -> str | None:
        seg = self.f[start - 10 if start > 10 else 0 : start]
        if _GROWTH_CHARS.isdisjoint(seg):
            return self.listed_change(start)
        # no word of _CHANGE_RE holds a comma, stop or bracket: its match, anchored at the end, lies in
        # the clause of the value without cutting seg there (14 rfinds a value saved)
        m = _CHANGE_RE.search(seg)
        if not m or m.start() == m.end():
            return self.listed_change(start)
        if self.f[start : start + 1] in _MINUS_SIGNS and (m.group("up") or m.group("down")):
            return None  # 增长率为-1.9%: a signed rate, its sign says the direction
        if m.group("up"):
            return "+"
        if m.group("down"):
            return "-"
        if m.group("yoy"):
            return "yoy"
        return None

    def listed_change(self, start: int) -> str | None:
        """The change of the value listed right before ``start`` with 、 or a conjunction (跌幅分别为0.14%和0.36%,
        分别上涨31.2%、30.9%: both fell, both rose); None when there is none."""
        if start < 2 or self.f[start - 1] not in _COORD_SEPARATORS or not self.cands:
            return None
        c = self.cands[-1]
        if c[0] - c[1] != start - 1 or c[5] is None:
            return None
        return c[5][3]

    # -- handlers ----------------------------------------------------------------
    def date_value(self, m: re.Match[str], resolve: bool = True) -> tuple[Any, bool] | None:
        """:func:`~nlp_news.numeric.dates.date_value` of ``m`` (against the published date unless
        ``resolve`` is false); None for a date past the calendar (下周五 published 9999-12-31: the
        weekday arithmetic overflows)."""
        try:
            return date_value(m, self.pub if resolve else None)
        except (ValueError, OverflowError):
            return None

    def listed_day(self, start: int, day: int) -> str | None:
        """The date of a day of the month listed after a month's date (8月21日、22日: 22日 is in August,
        and in the year written before it), or None where no such date stands before ``start``."""
        if self.f[start - 1 : start] not in _DAY_LIST_SEPARATORS and self.f[start - 2 : start - 1] not in _DAY_LIST_SEPARATORS:
            return None
        lm = _LISTED_DAYS_BEFORE.search(self.f, max(0, start - 24), start)
        if lm is None:
            return None
        month = int(parse_number(lm.group("m")) or 0)
        year = _YEAR_BEFORE.search(self.f, max(0, lm.start() - 6), lm.start())
        return f"{self.month_value(month, year)[0]}-{day:02d}" if 1 <= month <= 12 else None

    def previous_or_next(self, one: int) -> bool:
        """:func:`~nlp_news.numeric.dates.previous_or_next` with this text's segmenter (jieba's dictionary, no
        HMM), which is asked only where 上 or 下 stands before ``one``."""
        if self.f[one - 1 : one] not in ("上", "下"):
            return False
        seg = self.segmenter or default_segmenter()
        return previous_or_next(self.f, one, partial(seg.cut_raw, hmm=False))

    def date(self, m: re.Match[str]) -> bool:
        if m.start() > 0 and self.f[m.start() - 1].isascii() and self.f[m.start() - 1].isalpha() and not (
            m.start() > 1 and self.f[m.start() - 2].isascii() and self.f[m.start() - 2].isalpha()
        ):
            self.add(None, m.start(), m.end(), 0)
            return True  # 理想L9月销: a model's name (one Latin letter and digits), no September (CPI10月 is a date)
        if m.group("q") == "一" and self.previous_or_next(m.start("q")):
            self.add(None, m.start(), m.end(), 0)
            return True  # 较上一季度, 预计下一季度: the quarter before or after (as 上季度), no first quarter
        if self.f[m.start() - 1 : m.start()] in _EVERY_LAST and _months_counted(self.f, m.start()) and _MONTHS_ONLY.match(self.f, m.start()):
            return False  # 每2月一次, 连续3月: two or three months (the number pass reads a duration), not February or March
        if self.f[m.end() : m.end() + 1] in _A_MONTH_FIRST and self.f[m.start() : m.end()] == "一月" and (
            self.f[m.end() : m.end() + 1] in _A_MONTH_VERBS or self.f[m.end() : m.end() + 2] in _A_MONTH_VERBS
        ):
            return False  # 他一月能赚3000元, 一月用去24刀: "in a month", what is earned or spent per month, no January
        if self.f[m.start() - 1 : m.start()] == "每":
            if m.group("wd") and not m.group("wpre") and self.f[m.end() : m.end() + 1] in _TIMES_AFTER_WEEKDAY:
                return False  # 每周三次: three times a week (the number pass reads 三次), no Wednesday
            if m.group("wd") and not m.group("wpre"):
                end = m.end()
                r = _RANGE_SEP.match(self.f, end)
                m2 = DATE_RE.match(self.f, r.end()) if r else None
                if m2 and m2.group("wd"):
                    end = m2.end()  # 每周一至周五
                self.add(None, m.start(), end, 0)
                return True  # 每周一: every Monday, no date
        if (
            m.group("bd")
            and self.f[m.end() - 1] == "号"
            and self.f[m.start() - 1 : m.start()] in _NOT_DAY_BEFORE
            and self.f[m.start() - 2 : m.start()] not in _DAY_AFTER_DE  # 本月的16号, 下次的12号
        ):
            self.add(None, m.start(), m.end(), 0)
            return True  # 他的23号 (a shirt), 公园5号, 1楼31号, 男一号: a number, no day of the month
        if m.group("bd") and self.f[m.end() : m.end() + 1] in _CLOSING_BRACKETS and self.f[m.end() - 1] == "号" and (
            self.f[m.start() - 1 : m.start()] not in _OPENING_BRACKETS or self.f[max(0, m.start() - 3) : m.start() - 1] not in _DAY_WORDS
        ):
            self.add(None, m.start(), m.end(), 0)
            return True  # 〔2009〕1号), 附件(2号): a document's or a label's number that a bracket closes; 今天（30号） is a day
        res = self.date_value(m)
        if res is None:
            return False
        value, rel = res
        start, end = m.start(), m.end()
        if m.group("bd") and (listed := self.listed_day(start, int(value[-2:]))) is not None:
            value = listed  # 8月21日、22日
        # the patterns below read from the character after the date or the one before it: they are
        # tried only when that character can start them (once per date; no rule changes, none reads less)
        after = self.f[end : end + 1]
        # a range: 2024年3月1日至4月30日, 2009年到2010年
        r = _RANGE_SEP.match(self.f, end) if after in _RANGE_FIRST or after.isspace() else None
        if after in _SUB_DAY_FIRST and self.f[end - 1] in "日号" and (sd := _SUB_DAY_TO_RE.match(self.f, end)) is not None:
            r = _RANGE_SEP.match(self.f, sd.end())  # 22日晚上至23日, 5日夜间到6日白天: the sub-day word is dropped, one range
        if r and not isinstance(value, dict) and not (isinstance(value, str) and value.startswith("T")):
            m2 = DATE_RE.match(self.f, r.end())
            if m2 and m2.end() > m2.start():
                # the second end takes what it leaves out from the first (2010年1月1日---1月3日 ends
                # 2010-01-03, 5月18日--30日 in May), and only then from the published date
                res2 = self.date_value(m2, resolve=m2.group("ry") is not None)  # 今年9月 has its own year
                if res2 is not None and res2[0] is None:
                    res2 = self.date_value(m2)  # 三季度, 本周二: nothing to take from the first end
                if m.group("wd") and m2.group("wd") and not m2.group("wpre") and isinstance(value, str) and len(value) == 10:
                    value = {"start": value, "end": weekday_after(value, m.group("wd"), m2.group("wd"))}
                    end = m2.end()  # 下周一至周三: the second weekday is in the first one's week
                elif m.group("wd") and m2.group("wd") and value is None:
                    end = m2.end()  # 周五到周日, 本周二到下周四 with no published date: one period, no value (as 周五 alone)
                elif res2 is not None and res2[0] is not None and value is not None:
                    v2 = range_end(value, res2[0])
                    if isinstance(v2, str) and v2.startswith("-") and self.pub:
                        v2 = (self.date_value(m2) or (v2,))[0]
                    if (
                        isinstance(value, str) and isinstance(v2, str) and value[:1].isdigit() and v2[:1].isdigit()
                        and value > v2 and m.group("y") is None and m.group("ry") is None
                    ):
                        value = f"{int(value[:4]) - 1:04d}{value[4:]}"  # 12月到今年1月: December of the year before
                    if not isinstance(v2, dict):  # (2005年至80年代: no range ends on a decade's span)
                        value = {"start": value, "end": v2}
                        end = m2.end()
        elif r and isinstance(value, dict) and (m.group("dec") or m.group("dec4")):
            # 50年代末至60年代初, 80年代到90年代: a span of decades, one range from the first's start to the
            # second's end (the sub-decade words 初 / 末 are dropped, as a decade's are)
            m2 = DATE_RE.match(self.f, r.end())
            if m2 is not None and (m2.group("dec") or m2.group("dec4")) and (res2 := self.date_value(m2)) is not None:
                v2 = res2[0]
                if isinstance(v2, dict) and v2["end"] > value["end"]:
                    value = {"start": value["start"], "end": v2["end"]}
                    end = m2.end()
        # 截至2024年12月31日止年度, 截至2025年6月30日止六个月: the period that the date closes
        if after in _PERIOD_ENDED_FIRST and isinstance(value, str) and len(value) == 10 and value[:1].isdigit() and (
            pe := PERIOD_ENDED_RE.match(self.f, end)
        ):
            months = 12 if pe.group("year") else parse_number(pe.group("n"))
            if months and 1 <= months <= 12:
                value, end = period_ending(value, int(months)), pe.end()
        # 2010年之后2018年之前: one period
        if not isinstance(value, dict) and value is not None and (after in _AFTER_FIRST or after.isspace()):
            a = _AFTER_BEFORE_RE.match(self.f, end)
            if a:
                m3 = DATE_RE.match(self.f, a.end())
                if m3 and m3.end() > m3.start() and _BEFORE_RE.match(self.f, m3.end()):
                    res3 = self.date_value(m3)
                    if res3 is not None and isinstance(res3[0], str):
                        value = {"start": value, "end": res3[0]}
                        end = _BEFORE_RE.match(self.f, m3.end()).end()  # type: ignore[union-attr]
        # 03、04年: each two-digit year named before the last is a year of its own
        if isinstance(value, str) and len(value) == 4 and start > 2 and self.f[start - 1] == "、":
            for n in _COORD_YEARS.finditer(self.f, max(0, start - 12), end):
                yy = int(n.group(1))
                y = 2000 + yy if yy <= 40 else 1900 + yy
                if abs(y - int(value)) <= 10:
                    self.add(("date", f"{y:04d}", (None, None, None, None, False, "rule:date")), n.start(1), n.end(1), 1)
        # 7、8月: each month named before the last is a date of its own
        if isinstance(value, str) and start > 1 and self.f[start - 1] == "、" and _MONTH_VALUE.match(value):
            cm = _COORD_MONTHS.search(self.f, max(0, start - 16), start)
            if cm:
                first_at = cm.start()
                if self.f[first_at - 1 : first_at] in _AND_WORDS and (am := _AND_MONTHS.search(self.f, max(0, first_at - 12), first_at - 1)):
                    first_at = am.start()  # 4、5和9、10月: the months listed before 和 are dates too
                # 2008年11、12月: the year written before the first month is every month's
                ym = _YEAR_BEFORE.search(self.f, max(0, first_at - 6), first_at)
                if ym:
                    value, rel = f"{ym.group(1)}-{value[-2:]}", False
                first = True
                for n in _COORD_NUM.finditer(self.f, first_at, cm.end()):
                    mv = parse_number(n.group(0))
                    if mv is not None and 1 <= mv <= 12 and mv == int(mv):
                        v = value[: len(value) - 2] + f"{int(mv):02d}"
                        s0 = ym.start() if ym and first else n.start()  # the first month's span takes in the year
                        self.add(("date", v, (None, None, None, None, rel, "rule:date")), s0, n.end(), 1)
                        first = False
        # 一、二季度, 2024年三、四季度: each quarter named before the last is a date of its own, in
        # the year written before the first (which its span takes in, as 2008年11、12月's first month)
        q_last = m.group("q") if (value is None or isinstance(value, str)) and start > 1 and self.f[start - 1] == "、" else None
        if q_last is not None:
            cq = _COORD_QUARTERS.search(self.f, max(0, start - 10), start)
            yv, y0 = self.year_before(cq.start()) if cq else (None, None)
            if yv is not None:
                value, rel = f"{yv}-Q{int(parse_number(q_last) or 0)}", not self.f[y0].isdigit()
            if cq:
                first = True
                for n in _COORD_ITEM.finditer(self.f, cq.start(), cq.end()):
                    qv = parse_number(n.group(0))
                    if qv is not None and qv in (1, 2, 3, 4):
                        s0 = y0 if (y0 is not None and first) else n.start() - (self.f[n.start() - 1] == "第")
                        qd = f"{value[:-1]}{int(qv)}" if value is not None else None  # (no year known: relative, no value)
                        self.add(("date", qd, (None, None, None, None, rel, "rule:date")), s0, n.end(), 1)
                        first = False
        qual = None
        if isinstance(value, str) and value[:1] == "T" and m.group("hh"):
            # a time of day: 晚21点-23点 ends at a second hour (its word left out), 凌晨1点左右 is about,
            # 下午两点多 over (NUMERIC-CONVENTIONS: a bound after the number is in the span)
            if after in _RANGE_FIRST and (h2 := _HOUR_TO_RE.match(self.f, _RANGE_SEP.match(self.f, end).end())):  # type: ignore[union-attr]
                hour = int(value[1:3])
                h = int(parse_number(h2.group("h")) or 0)
                h = clock_hour(h2.group("tp"), h) if h2.group("tp") else h + 12 if hour >= 12 > h and h + 12 > hour else h
                if h <= 24 and h > hour:
                    mins = ":30" if h2.group("half") else f":{h2.group('mi')}" if h2.group("mi") else ""
                    value, end = {"start": value, "end": f"T{h:02d}{mins}"}, h2.end()
            elif (rb := _TIME_BOUND_RE.match(self.f, end)) is not None:
                qual, end = _BOUND_RIGHT[rb.group(0)], rb.end()
        # 2020年以来: only 2020年 is the fact, 以来 is not in the span; what make() would return, without
        # its keyword call (once per date)
        self.add(("date", value, (None, None, qual, None, rel, "rule:date")), start, end, 1)
        return True

    def fraction(self, m: re.Match[str]) -> None:
        start, end = m.start(), m.end()
        den_s = m.group("den")
        den = parse_number("一" + den_s if den_s[0] in "十百千万亿" else den_s)
        num_s = m.group("num").rstrip()
        num = parse_number(num_s)
        while num is None and len(num_s) > 1:  # 百分之七十百分位: the longest numeral that reads
            num_s = num_s[:-1].rstrip()
            num = parse_number(num_s)
        if den is None or num is None or den == 0:
            return
        end = m.start("num") + len(num_s)
        value: Any = _sig6(num / den * 100)
        if den == 100 and self.f[end : end + 1] in _RANGE_FIRST and (r := _PCT_WORD_TO_RE.match(self.f, end)) is not None:
            # 百分之十到二十, 百分之五至百分之八: one range
            hi = parse_number(r.group(1))
            if hi is not None and hi > num:
                value, end = {"low": value, "high": _sig6(hi)}, r.end()
        elif (hi2 := self.share_to(end, value)) is not None:
            value, end = {"low": value, "high": hi2[0]}, hi2[1]  # 三分之一到二分之一: one range
        s2, q, _ = self.left(start)
        q2 = self.right_bound(end)
        if q2:
            q, end = q2[0] if q is None or q == "about" else q, q2[1]
        self.add(
            self.make(s2, end, "percent", value, "rule:percent", qualifier=q, change=self.change(s2)),
            s2, end, 2,
        )

    def slash(self, m: re.Match[str]) -> None:
        """``a/b`` in Arabic digits: a fraction when a < b and b is a usual denominator (1/3 -> percent
        33.3333, as 三分之一), else a month and day when it can be one (12/1, 8/14 -> "--08-14");
        an optical format (1/3英寸) is no fact."""
        f = self.f
        start, end = m.start(), m.end()
        a, b = int(m.group("a")), int(m.group("b"))
        if f.startswith("英寸", end) or f.startswith('"', end) or (a == 1 and _STAGE_AFTER_RE.match(f, end)) or _PICK_BEFORE_RE.search(
            f, max(0, start - 4), start
        ):
            self.add(None, start, end, 0)
            return  # 1/3英寸: an optical format; 1/8决赛: a knockout stage's name
        if (se := _SERIES_AFTER_RE.match(f, end)) is not None:
            self.add(None, start, se.end(), 0)
            return  # 《某游戏》1/2代, 1/2/3代: the parts of a series, labels, no half
        if _SEASON_AFTER_RE.match(f, end) and b == (a + 1) % 100:
            # 06/07赛季: a season of two years written short, as 2006-07赛季 is
            y = 2000 + a if a < 50 else 1900 + a
            self.add(self.make(start, end, "date", {"start": f"{y:04d}", "end": f"{y + 1:04d}"}, "rule:date"), start, end, 2)
            return
        if 0 < a < b and (b <= 10 or b in _DENOMINATORS):
            s2, q, _ = self.left(start)
            value: Any = _sig6(a / b * 100)
            if (hi := self.share_to(end, value)) is not None:
                value, end = {"low": value, "high": hi[0]}, hi[1]  # 1/3到1/2: one range
            q2 = self.right_bound(end)
            if q2:
                q, end = q2[0] if q is None or q == "about" else q, q2[1]
            self.add(self.make(s2, end, "percent", value, "rule:percent", qualifier=q, change=self.change(s2)), s2, end, 2)
        elif 1 <= a <= 12 and 1 <= b <= 31:
            v = f"--{a:02d}-{b:02d}"
            if self.pub:
                v = f"{self.pub.year:04d}-{a:02d}-{b:02d}"
            self.add(self.make(start, end, "date", v, "rule:date", relative=True), start, end, 2)
        else:
            self.add(None, start, end, 0)  # 60/50帧, 90/70: alternatives and names

    def big_to(self, end: int, low: float) -> tuple[float, int, str | None] | None:
        """The second end of a range whose first is a spoken amount (3个亿到5个亿, 1千个亿至1.5千亿), read
        from ``end``: (its value, where it ends, its currency code or None) when it carries a magnitude and
        is larger than ``low``, else None."""
        f = self.f
        if f[end : end + 1] not in _RANGE_FIRST or (r := _RANGE_SEP.match(f, end)) is None:
            return None
        m2 = _NUMBER_RE.match(f, r.end())
        if m2 is None or m2.end() == m2.start() or (v2 := parse_number(m2.group(0))) is None:
            return None
        e2, cur = m2.end(), None
        if f[e2 : e2 + 1] == "个" and (gm := _GE_MAGN_RE.match(f, e2 + 1)) is not None and not gm.group("more") and not gm.group("post"):
            v2, e2 = v2 * (1e8 if gm.group("m") else 1e4), gm.end()  # 5个亿
            cur = gm.group("cur")
        elif not _has_magnitude(m2.group(0)):
            return None
        elif (t2 := _TAIL_RE.match(f, e2)) is not None and t2.group("cur") in _GE_CURRENCIES:
            cur, e2 = t2.group("cur"), t2.end()  # 至5亿元
        return (v2, e2, CURRENCY_WORDS[cur][0] if cur else None) if v2 > low else None

    def share_to(self, end: int, low: float) -> tuple[float, int] | None:
        """The second end of a range of shares that starts with a fraction ending at ``end`` (1/3到1/2,
        三分之一至二分之一, 1/4-一半): (its percent, where it ends) when it is larger than ``low``, else None."""
        f = self.f
        if f[end : end + 1] not in _RANGE_FIRST or (r := _RANGE_SEP.match(f, end)) is None:
            return None
        e = r.end()
        hi: float | None = None
        if (sm := _SLASH_RE.match(f, e)) is not None:
            a, b = int(sm.group("a")), int(sm.group("b"))
            if 0 < a < b and (b <= 10 or b in _DENOMINATORS):
                hi, e = _sig6(a / b * 100), sm.end()
        elif f.startswith("一半", e):
            hi, e = 50, e + 2
        elif (fm := _FRACTION_RE.match(f, e)) is not None:
            den, num = parse_number(fm.group("den")), parse_number(fm.group("num").rstrip())
            if den and num is not None and 0 < num < den:
                hi, e = _sig6(num / den * 100), fm.end()
        return (hi, e) if hi is not None and hi > low else None

    def half_share(self, start: int, end: int, qual: str | None = None) -> None:
        """Half of a whole (一半, 半数, 过半): percent 50 (NUMERIC-CONVENTIONS: 一半 → 50), with the
        bound words around it (近一半, 超过半数, 半数以上)."""
        s2, end, q = self.bounded(start, end)
        self.add(self.make(s2, end, "percent", 50, "rule:percent", qualifier=qual or q), s2, end, 2)

    def bounded(self, start: int, end: int) -> tuple[int, int, str | None]:
        """The span and qualifier of a word read after the main pass (半年, 半数) with the bound words
        before and after it: (start, end, qualifier), the word before winning."""
        s2, q, _ = self.left(start, after_pass=True)
        rb = self.right_bound(end)
        if rb is not None:
            q = q or rb[0]
            end = rb[1]
        return s2, end, q

    def group_value(self, m: re.Match[str], g: int, kind: str, end: int, **fields: Any) -> None:
        """A fact of ``kind`` whose value is group ``g`` of ``m``, its span from the group to ``end``
        (3死 with its unit, 2000元 with its currency word)."""
        v = parse_number(m.group(g))
        if v is not None:
            self.add(self.make(m.start(g), end, kind, format_value(v), "rule:" + kind, **fields), m.start(g), end, 2)

    def right_bound(self, end: int) -> tuple[str, int] | None:
        m = _RIGHT_BOUND_RE.match(self.f, end)
        if m:
            return _BOUND_RIGHT[m.group(1)], m.end()
        return None

    def ordinal(self, m: re.Match[str]) -> None:
        if _ORDINAL_WORDS.match(self.f, m.start()):
            self.add(None, m.start(), m.end(), 0)  # 第三方 "third party", 第一时间 "at once": words
            return
        unit = m.group("u")
        end = m.end()
        n = m.group("n")
        if n.isdigit() and (len(n) >= 6 or len(n) >= 4 and n[0] == "0"):
            self.add(None, m.start(), end, 0)  # 第33010122号站点, 第08091期: a serial number or a code, no rank
            return
        if unit is None and self.f[end : end + 1] == "/" and (sy := _SLASH_YEAR_RE.match(self.f, end)) is not None:
            self.add(None, m.start(), sy.end(), 0)  # 第20/2008号: a law's number and its year, a code (第3/4名 are ranks)
            return
        if (
            unit is None
            and self.f[end : end + 1] in _ENUM_AFTER
            and self.f[m.start() - 1 : m.start()] in _ENUM_BEFORE
            and self.f[end + 1 : end + 2] not in _COORD_NEXT  # 第五、六期: two ranks
        ):
            self.add(None, m.start(), end, 0)  # 。第一，…；第二，… and ：第一是…: a list's enumerator, no rank
            return
        if (unit == "季" and self.f[end : end + 1] == "度") or unit == "大" or (
            unit in _WORDLIKE_UNITS and _starts_word(self.f, end, unit)
        ):
            end -= len(unit)  # 第三季度, 第二大; 第二战场, 第三战绩, 第一任务, 第一副委员长: the unit starts a word (第二季 is a season)
            unit = None
        pair = _adjacent_range(m.group("n"))  # 第三四名: third or fourth, not 34th
        if pair is not None:
            value: Any = {"low": int(pair[0]), "high": int(pair[1])}
        elif len(n) > 1 and _CN_DIGITS_ONLY.fullmatch(n):
            # 第一三国志: 第一, then a word that starts with a numeral (13th is 第十三, never read digit by digit)
            value, end, unit = int(DIGITS[n[0]]), m.start("n") + 1, None
        else:
            v = parse_number(m.group("n"))
            if v is None or v != int(v):
                return
            value = int(v)
            if self.f[end : end + 1] in _RANGE_FIRST and (r := _RANGE_SEP.match(self.f, end)) is not None:
                # 第2至5名, 第四名-第十名, 第1-3集: one range of ranks (the second 第 and unit may be left out)
                rest = self.f[r.end() : r.end() + 12]
                m2 = _ORDINAL_RE.match(rest if rest[:1] == "第" else "第" + rest)
                v2 = parse_number(m2.group("n")) if m2 is not None else None
                u2 = m2.group("u") if m2 is not None else None
                if v2 is not None and v2 == int(v2) and v2 > value and (unit is None or u2 == unit) and u2 not in ("季", "大"):
                    value, unit = {"low": value, "high": int(v2)}, u2
                    end = r.end() + m2.end() - (rest[:1] != "第")  # type: ignore[union-attr]
            elif unit is None and self.f[end : end + 1] == "、":
                unit = self.listed_ranks(end)
        self.add(self.make(m.start(), end, "ordinal", value, "rule:ordinal", unit=unit), m.start(), end, 2)

    def listed_ranks(self, end: int) -> str | None:
        """第一、二名, 第五、六、七期: the ranks listed after 第N、 without their own 第 are ordinals
        too, each with the unit written after the last (NUMERIC-CONVENTIONS: coordinated items are
        separate facts); that unit is returned for the first rank. None (nothing added) when the
        list does not end in a unit (第一、第二: each is read on its own)."""
        f, items, unit = self.f, [], None
        while f[end : end + 1] == "、" and f[end + 1 : end + 2] != "第":
            m2 = _ORDINAL_RE.match("第" + f[end + 1 : end + 13])
            v2 = parse_number(m2.group("n")) if m2 is not None else None
            if v2 is None or v2 != int(v2) or m2.group("u") in ("季", "大"):  # type: ignore[union-attr]
                return None
            items.append((end + 1, end + m2.end("n"), int(v2)))  # type: ignore[union-attr]
            end += m2.end()  # type: ignore[union-attr]
            unit = m2.group("u")  # type: ignore[union-attr]
            if unit is not None:
                break
        if unit is None:
            return None
        for i, (a, b, v) in enumerate(items):
            b = end if i == len(items) - 1 else b
            self.add(self.make(a, b, "ordinal", v, "rule:ordinal", unit=unit), a, b, 1)
        return unit

    def top(self, m: re.Match[str]) -> None:
        v = parse_number(m.group("n"))
        if v is None:
            return
        self.add(
            self.make(m.start(), m.end(), "ordinal", int(v), "rule:ordinal", unit=m.group("u"), qualifier="under"),
            m.start(), m.end(), 3,
        )

    def coordinated(self, start: int, kind: str, value_of: Any, rest: tuple[Any, ...]) -> None:
        """Numbers listed with 、 right before a fact that starts at ``start`` (3、4天, 10、20元):
        each is a fact of the same kind and unit, its span the number alone, as 7、8月 gives
        two months (NUMERIC-CONVENTIONS: coordinated items are separate facts). Not a list's
        enumerators: the first number must not start a sentence or clause (。2、3家银行…)."""
        f = self.f
        lo = start - 12 if start > 12 else 0
        m = _COORD_BEFORE.search(f, lo, start)
        if m is not None and lo > 0 and m.start() < lo + 6:
            # the list may start before the twelve characters read (突破8000、5000、6000和3000点): read on
            m = _COORD_BEFORE.search(f, start - 40 if start > 40 else 0, start)
        if m is None or f[m.start() - 1 : m.start()] in _ENUM_BEFORE:
            return
        for n in _COORD_ITEM.finditer(f, m.start(), m.end()):
            v = parse_number(n.group(0))
            val = value_of(v) if v is not None else None
            if val is not None:
                self.add((kind, val, rest), n.start(), n.end(), 1)

    def f_number(self, start: int, prev: str) -> bool:
        """An aperture's F-number (F2.8, f/1.8, F3.5-5.6) is a plain number (NUMERIC-CONVENTIONS), with
        F in its span as a currency symbol is; F1, F4, F-16 are names: an F-number has a decimal, a
        slash or 光圈 before it."""
        f = self.f
        at = start - 2 if prev == "/" else start - 1
        m = _F_NUMBER_RE.match(f, at)
        if m is None or not ("." in m.group("a") or "/" in m.group(0) or "光圈" in f[max(0, at - 8) : at]):
            return False
        a = float(m.group("a"))
        if m.group("b"):
            b = float(m.group("b"))
            if b <= a:
                return False
            value: Any = {"low": format_value(a), "high": format_value(b)}
        else:
            value = format_value(a)
        self.add(self.make(at, m.end(), "number", value, "rule:number"), at, m.end(), 2)
        return True

    def ratio(self, m: re.Match[str]) -> None:
        a, b = float(m.group("a")), float(m.group("b"))
        score = is_score(self.f, m.start(), m.end()) or self.listed_score(m.end())
        if m.group(0).count(":") and len(m.group("b")) == 2 and int(a) <= 24 and b < 60 and "." not in m.group(0) and not (
            self.f[max(0, m.start() - 3) : m.start()].endswith(_GOALS_BEFORE)
        ) and not score:  # (以15∶7、15∶11轻取: games' scores, no time of day)
            # 20:30 is a time of day; 晚上8:30 is 20:30, and the word is in the span as in 下午3时
            start = m.start()
            tp = TIME_PREFIX_RE.search(self.f, max(0, start - 2), start)
            hour = clock_hour(tp.group(0) if tp else None, int(a))
            if tp:
                start = tp.start()
            value: Any = f"T{hour:02d}:{m.group('b')}"
            end = m.end()
            r = _RANGE_SEP.match(self.f, end)
            m2 = _CLOCK_RE.match(self.f, r.end()) if r else None
            if m2 and int(m2.group(1)) <= 24:
                # 13:00-17:00: one period, as date ranges are (the second end keeps the first's afternoon)
                h2 = int(m2.group(1))
                h2 = h2 + 12 if hour >= 12 and h2 < 12 and h2 + 12 > hour else h2
                value, end = {"start": value, "end": f"T{h2:02d}:{m2.group(2)}"}, m2.end()
            self.add(self.make(start, end, "date", value, "rule:date", relative=True), start, end, 2)
            return
        if score or a == 0 and "." not in m.group("a"):
            self.add(None, m.start(), m.end(), 2)  # 97比89击败, 5个0比3: a score, neither number is a fact (no ratio is 0 to N)
            return
        if b == 0:
            return
        self.add(self.make(m.start(), m.end(), "number", format_value(round(a / b, 4)), "rule:number", unit="ratio"), m.start(), m.end(), 2)

    def listed_score(self, end: int) -> bool:
        """Whether the ratio that ends at ``end`` is listed with 、 before others, the last of which is a score
        (以15∶7、15∶11轻取对手: two games' scores, no ratios and no time of day)."""
        f = self.f
        while f[end : end + 1] == "、" and (m2 := _RATIO_RE.match(f, end + 1)) is not None:
            if is_score(f, m2.start(), m2.end()):
                return True
            end = m2.end()
        return False

    def dimensions(self, start: int) -> bool:
        """Sizes written with a times sign (1920×1080像素, 98.2×54.9×20.5mm): each side is a count
        in the unit written after the last, so the first sides are no year or code (and discounts
        multiplied, 9.8×9.9折, are each a discount). Without a unit
        (800×480的屏幕) or with one of time (7×24小时, "round the clock") the numbers name a format
        and are no facts. False when the numbers are no sizes, for :meth:`number` to read them."""
        f = self.f
        m = _DIMS_RE.match(f, start)
        if m is None:
            return False
        last = _NUMBER_RE.match(f, m.start("last"))
        if last is None:
            return False
        n, reach = len(self.cands), self.reach
        self.number(last, f[last.end() : last.end() + 1], f[last.start() - 1])
        made = [c for c in self.cands[n:] if c[0] == last.start() and c[3] in _DIM_KINDS and c[5] is not None and c[5][0]]
        del self.cands[n:]
        self.reach = reach
        read = parse_number(last.group(0))
        if not made or not read or type(made[0][4]) not in (int, float):
            self.add(None, start, m.end(), 0)
            return True
        kind, scale, rest = made[0][3], made[0][4] / read, made[0][5]  # 9.8×9.9折: each side a discount of its own
        for side in _DIM_SIDE_RE.finditer(f, start, last.start()):
            v = parse_number(side.group(0))
            if v is not None:
                made_side = self.make(side.start(), side.end(), kind, format_value(v * scale), rest[5], unit=rest[0])
                self.add(made_side, side.start(), side.end(), 2)
        self.cands.append(made[0])
        self.reach = max(self.reach, made[0][0] - made[0][1])
        return True

    def led(self, m: re.Match[str], core: str, arabic: bool, nxt: str, prev: str) -> bool:
        """The forms led by a word before the number (第, 前, 售价, 容积率) or told by what follows it
        (分之, 一半, 3:1, 1/3); True when one of them read the number. Only called when ``prev`` is in
        :data:`_LED_PREV` or ``nxt`` in :data:`_LED_NEXT`, or for a price or plot ratio (see there):
        every form here needs one of them."""
        f = self.f
        start, end = m.start(), m.end()
        if prev == "第" or (prev == " " and f[start - 2 : start - 1] == "第"):
            om = _ORDINAL_RE.match(f, start - (1 if prev == "第" else 2))
            if om:
                self.ordinal(om)
                return True
        if nxt == "分" or (nxt == "份" and f[end + 1 : end + 2] == "之") or (nxt == " " and f[end : end + 4].lstrip().startswith("分")):
            fm = _FRACTION_RE.match(f, start)
            if fm:
                self.fraction(fm)
                return True
        if nxt == "半" and core == "一" and f[end + 1 : end + 2] not in _HALF_UNIT:
            if prev == "另":
                self.add(None, start - 1, end + 1, 0)  # 另一半: "the other half" (or one's partner), no share
            else:
                self.half_share(start, end + 1)  # 一半, 近一半, 一半以上
            return True
        if prev == "前":
            tm = _TOP_RE.match(f, start - 1)
            if tm:
                self.top(tm)
                return True
        if nxt in ":比" and arabic:
            rm = _RATIO_RE.match(f, start)
            if rm and not (
                # 。2：60个英雄: a list's enumerator and a count after it, no ratio 2:60
                nxt == ":" and prev in _ENUM_BEFORE and "." not in rm.group("a")
                and (t := _TAIL_RE.match(f, rm.end())) is not None and (t.group("ge") or t.group("mw") or t.group("noun"))
            ):
                self.ratio(rm)
                return True
        if nxt == "/" and arabic:
            sm = _SLASH_RE.match(f, start)
            if sm and not (prev.isascii() and prev.isalnum()) and prev not in _SLASH_PREV_BAD:
                self.slash(sm)
                return True
        if arabic and prev in _PRICE_LAST and nxt not in _RANGE_FIRST and _no_unit_after(f, end, nxt, prev) and (
            pw := _PRICE_BEFORE.search(f, max(0, start - 6), start)
        ) and f[pw.start() - 1 : pw.start()] not in _RATE_LAST and not _ODDS_RE.search(f, max(0, pw.start() - 5), pw.start()):
            # 仅售1999, 售价为160, 均价9000现可享96折: a price without a currency word is money in the article's currency
            v = parse_number(core)
            per = pw.group("per")  # 一平米9500, 每平米3万: a price per square metre
            if v is not None and v > 0 and (pw.group("noun") or per or not _has_magnitude(core)) and (nxt.isspace() or nxt in _PRICE_END or (  # not 只售26伙, 售价为8GB, 特价8.5折, 贩售255万 (copies)
                (pw.group("noun") or pw.group(0).startswith(_PRICE_THEN_WORDS)) and "\u4e00" <= nxt <= "\u9fff"  # 现可享96折, 仅3750送礼
            )):
                s2, q, _ = self.left(start)  # 最低不足1300: under, 不足 in the span
                more = "over" if "余" in core or "多" in core else q  # 标价30余万
                self.add(self.make(s2, end, "money", format_value(v), "rule:money", currency="CNY", qualifier=more,
                                   unit="/" + per if per else None), s2, end, 2)
                return True
        if arabic and prev in _RATIO_LAST and nxt not in _TAIL_FIRST and nxt not in _RANGE_FIRST and (
            (_ODDS_BEFORE.search(f, max(0, start - 6), start) is not None and nxt != "." and _ODDS_VALUE_RE.fullmatch(core))
            if "赔" in f[start - 6 if start > 6 else 0 : start] else _RATIO_BEFORE.search(f, max(0, start - 6), start)
        ):  # (odds glued into a row of a table, 赔率1.603.353.33, or cut off, 平赔3.: no odds are read)
            v = parse_number(core)  # 容积率2.5, 基尼系数0.47: a plot ratio or a coefficient is a plain number
            if v is not None:
                s2, q, _ = self.left(start)
                self.add(self.make(s2, end, "number", format_value(v), "rule:number", qualifier=q), s2, end, 2)
            return True
        return False

    def number(self, m: re.Match[str], nxt: str, prev: str) -> None:  # noqa: C901 - reads a number's surroundings
        f = self.f
        start, end = m.span()
        core = m.group(0)
        c0 = core[0]
        arabic = c0.isdigit() or c0 in "-−" or (c0 == "负" and len(core) > 1 and core[1].isdigit())
        if nxt == "仙" and core.replace(".", "", 1).isdigit() and f[end + 1 : end + 2] not in _IMMORTAL_NEXT and (v := parse_number(core)) is not None:
            # 末期息15.1仙: Hong Kong cents written 仙 after a digit (as 港仙; 八仙, 3仙女 are none)
            s2, q, _ = self.left(start)
            self.add(self.make(s2, end + 1, "money", format_value(v * 0.01), "rule:money", currency="HKD", qualifier=q), s2, end + 1, 2)
            return
        if prev == "." and core.isdigit() and f[start - 3 : start - 1] in _NO_RANK and f[start - 5 : start - 3] in _NO_RANK_BEFORE:
            # 世界NO.1, 排名No.12: a rank written in English (as 第12), its span from NO (型号no.3, 球衣No.9 are labels)
            self.add(self.make(start - 3, end, "ordinal", int(core), "rule:ordinal"), start - 3, end, 2)
            return
        if nxt == "厘" and arabic and f[end + 1 : end + 2] != "米" and _RATE_POINT_BEFORE.search(f, max(0, start - 10), start) is not None and (
            v := parse_number(core)
        ) is not None:
            # 加息0.5厘, 利率下调0.25厘: Hong Kong copy's 厘 is a point of interest, a percent with unit 厘 (as 个百分点;
            # 派息5厘 is a dividend's money)
            s2, q, _ = self.left(start)
            self.add(self.make(s2, end + 1, "percent", format_value(v), "rule:percent", unit="厘", qualifier=q, change=self.change(s2)),
                     s2, end + 1, 2)
            return
        if c0 == "-" and nxt in _SIGNLESS_NEXT and "\u4e00" <= prev <= "\u9fff" and (m2 := _NUMBER_RE.match(f, start + 1)) is not None:
            self.number(m2, nxt, "-")  # 西甲-10人塞维利亚: a headline's dash, no minus (a count of people is never negative)
            return
        if not arabic and (" " in core or "\u3000" in core) and (cut := _SPACED_MAGNITUDE_RE.search(core)) is not None:
            # 贵了近一万 百脑汇: a magnitude after a space that follows one is the next word's (一万 then 百脑汇),
            # no 10,100 (三百 万 is one number, spaced)
            m2 = _NUMBER_RE.match(f, start, start + cut.start())
            if m2 is not None:
                self.number(m2, f[m2.end() : m2.end() + 1], prev)
            return
        if (
            "\u4e00" <= nxt <= "\u9fff" and nxt not in _ABBREVIATED_TAIL_NEXT and len(core) > 2
            and core[-2] in "万亿" and core[-1] in _ONE_DIGIT and not core[-3].isspace()
            and (core[-1] == "一" or nxt in _TAIL_FIRST or nxt == "等")
        ):
            # 贪污243万一审, 20万一年后, 罚款10万一次, 20万三年: the digit after 万 starts the next word (一审, 一年)
            # or counts the unit after it, or makes a rank with 等 (命中6万二等: 二等奖), no 2,431,000 (一万三的工资, 月薪2万1, 两万三左右, 一万五即可 keep theirs:
            # 13000, 21000, 23000, 15000; 一 makes a word with almost any character, the other digits with a unit)
            m2 = _NUMBER_RE.match(f, start, end - 1)
            if m2 is not None:
                self.number(m2, core[-1], prev)
            m3 = _NUMBER_RE.match(f, end - 1)  # 一年, 一次 read on their own
            if m3 is not None and end - 1 >= self.reach:
                self.number(m3, f[m3.end() : m3.end() + 1], f[end - 2])
            return
        if arabic and (nxt in _DIM_SIGNS or nxt == " " and f[end + 1 : end + 2] in _DIM_SIGNS) and self.dimensions(start):
            return
        if arabic and len(core) == 2 and core[1] == "K" and core[0] in "24568" and _FORMAT_K_AFTER.match(f, end) and not prev.isdigit():
            self.add(None, start, end, 0)
            return  # 4K视频, 8K电视: a display format
        if prev == "数" and arabic and _VAGUE_TENS_RE.fullmatch(core) and f[start - 2 : start - 1] not in _SHU_WORD_HEADS:
            self.add(None, start, end, 0)
            return  # 数10亿元, 数100万人: "several billion", vague as 数十亿 is (人数100人 is a count)
        if (
            prev in _LED_PREV or nxt in _LED_NEXT
            or (prev in _LED_BARE_PREV and arabic and nxt not in _RANGE_FIRST and _no_unit_after(f, end, nxt, prev))
        ) and self.led(m, core, arabic, nxt, prev):
            return
        if prev in _F_NUMBER_PREV and arabic and self.f_number(start, prev):
            return
        if arabic and nxt in _SUPPORT_FIRST and len(core) > 1 and _SUPPORT_AFTER.match(f, end) is not None:
            v = parse_number(core)  # 1180是第一支撑, 3202是短期阻力位: a price or index level, a plain number (1是 is a list's)
            if v is not None:
                self.add(self.make(start, end, "number", format_value(v), "rule:number"), start, end, 2)
            return
        if nxt not in _TAIL_FIRST and nxt not in _RANGE_FIRST:
            # cheap rejection: nothing after the number says what it counts
            if not arabic:
                if (len(core) == 1 and not (prev in _OVER_BIG and (core in _BIG_ALONE or core in "百千") and nxt not in _WAN_WORD_NEXT)) or not _has_magnitude(core):
                    return  # 上亿, 破亿 alone are numbers (马上万事俱备 is not)
            elif not (nxt.isascii() and nxt.isalpha()) and not _has_magnitude(core) and not (
                len(core) == 4 and core[:2] in ("19", "20")
            ) and (prev == "" or prev not in "$¥€£") and not (prev in _QUOTE_LAST and _QUOTE_BEFORE.search(f, max(0, start - 4), start)) and not (
                nxt == "的" and "." in core and _MARK_AFTER_RE.match(f, end)  # 9.575的最高分: a judges' mark
            ) and not ((nxt == "防" or nxt == "整") and f.startswith(_LEVEL_AFTER, end)):  # (“140防线”, 4300整数关: a level, read in bare())
                if nxt == "." and f[end + 1 : end + 2].isdigit():
                    self.add(None, start, end + 2, 0)  # 2.0.1: a version
                elif nxt == "促" and f.startswith("促销", end) and "\u4e00" <= prev <= "\u9fff" and core.isdigit() and 3 <= len(core) <= 5 and not (
                    len(core) == 4 and core[:2] in ("19", "20")
                ) and core not in _SALE_DAYS:
                    # 电烤箱500促销: a headline's price before 促销, money in the article's currency (TM200促销 is a model's
                    # name, 双11促销 and 618促销 are sales' days)
                    self.add(self.make(start, end, "money", int(core), "rule:money", currency="CNY"), start, end, 2)
                elif len(core) == 8 and (cd := compact_date(core, prev, nxt)) is not None:
                    self.add(self.make(start, end, "date", cd, "rule:date"), start, end, 2)  # 图说PTA20110906 (at the end of a headline)
                elif nxt == "/" and (pp := _PER_PRICE_RE.match(f, end)) is not None and (v := parse_number(core)) is not None and v >= 10:
                    # 机票往返7000/人, 房租2500/月, 120/人/天: a price per person, night or month with no currency word is
                    # money in the article's currency (as 119一位)
                    s2, q, _ = self.left(start)
                    per = "/" + pp.group(1) + ("/" + pp.group(2) if pp.group(2) else "")
                    self.add(self.make(s2, pp.end(), "money", format_value(v), "rule:money", currency="CNY", unit=per, qualifier=q), s2, pp.end(), 2)
                elif nxt == "一" and f[end + 1 : end + 2] in _PER_HEAD and f[end + 2 : end + 3] in _PRICE_END and len(core) > 1:
                    # 周五119一位，周六99一位: a price per person with no currency word (一位 is no count)
                    v = parse_number(core)
                    if v is not None:
                        self.add(self.make(start, end, "money", format_value(v), "rule:money", currency="CNY", unit="/" + f[end + 1]), start, end, 2)
                        self.add(None, end, end + 2, 0)
                return
        if not arabic:
            if len(core) >= 2 and core[0] == core[1] and core[0] in "一三" and nxt != "折":
                return  # 一一回复, 唯一一个, 三三两两
            if len(core) == 1 and c0 in _CAPITALS:
                return  # 收拾, 队伍: a capital numeral alone is a word
            if nxt == "大" and _is_congress(f, start, end):
                # 党的十五大, 十七大以来, 十六大报告: a party congress's rank, an ordinal as 十一届 is (十六大城市 stays none)
                self.add(self.make(start, end + 1, "ordinal", int(parse_number(core) or 0), "rule:ordinal", unit="大"), start, end + 1, 2)
                return
            if core == "一" and (
                prev == "无" or (prev in _DEMONSTRATIVES and (_ONE_DAY_AFTER if prev == "这" else _ONE_TIME_AFTER).match(f, end))
            ):
                self.add(None, start, end, 0)
                return  # 无一家 "not a single one"; 那一年, 这一天, 同一天: that year, this day (这一年 can last one)
            if c0 in "几" or (prev in _VAGUE_BEFORE and f[start - 2 : start - 1] not in _SHU_WORD_HEADS) or (
                prev == "以" and f[start - 2 : start - 1] == "数"  # 数以百万计: vague
            ):
                self.add(None, start, end, 0)
                return
            if _in_idiom(f, start, end):
                self.add(None, start, end, 0)
                return
            if f.startswith("位数", end):
                self.add(None, self.left(start)[0], end + 2, 0)
                return  # 两位数增长, 不足两位数: a number's digits, no count of 位 (with its bound word)
            # the tail is a classifier, so the value is a count: 二 before one is a name or an
            # ordinal (二手), and the indefinite 一 is "a" (一次, 一个人) unless bounded or contrasted
            # (read below, as for any count)
            if (
                (core == "二" and nxt not in "招居" and not (nxt == "人" and _two_people(f, start, end)) or core == "一")
                and nxt in _INDEF_CLASSIFIERS
                and (nxt != "个" or _ge_is_count(f[end + 1 : end + 2]))
                and (
                    core == "二"
                    or (prev not in _LEFT_LAST and prev not in "第前" and f[start - 2 : start] not in _ONE_CONTRAST
                        and not _contrasted(f, start, end, nxt) and not _after_every(f, start)
                        and not _after_its_noun(f, start, end + 1))
                )
            ):
                if core == "二" and _TERM_AFTER.match(f, end) or nxt == "期" and (
                    prev in _PHASE_BEFORE and prev != "" or _PHASE_NEXT_RE.match(f, end + 1)
                ):
                    # 二次会议, 二期项目, 二轮, 一期工程: a session, phase or round is an ordinal
                    v = 2 if core == "二" else 1
                    self.add(self.make(start, end + 1, "ordinal", v, "rule:ordinal", unit=nxt), start, end + 1, 2)
                return
        elif prev in _CODE_PREV or nxt in _CODE_NEXT or c0 == "0" or len(core) >= 7:
            # an Arabic number with a neighbour or a form that one of these checks reads (most have none;
            # a check added here needs its trigger in _CODE_PREV or _CODE_NEXT)
            if len(core) == 8 and (cd := compact_date(core, prev, nxt)) is not None:
                self.add(self.make(start, end, "date", cd, "rule:date"), start, end, 2)
                return  # 图说PTA20110906, 收评20110826: a date written as eight digits after a column's name
            if (prev.isascii() and prev.isalpha()) or prev == "α":
                sp = core.find(" ")
                if sp > 0 and core[sp + 1 : sp + 2] in _CN_SET and (m2 := _NUMBER_RE.match(f, start + sp + 1)) is not None:
                    self.add(None, start, start + sp, 0)  # 奥迪A6 百万年薪: the name ends at the space, the amount is the next word's
                    self.number(m2, f[m2.end() : m2.end() + 1], " ")
                    return
                self.add(None, start, end, 0)
                return  # X200, MP3, G20, α290 (Sony's cameras)
            if nxt == "-" and len(core) == 2 and (sm := _SHORT_SEASON_RE.match(f, start)) is not None and int(sm.group(1)) == (int(core) + 1) % 100:
                # 09-10赛季, 71-72赛季: a season of two years written short, as 06/07赛季 is (no code 09-10)
                y = 2000 + int(core) if int(core) < 50 else 1900 + int(core)
                self.add(self.make(start, sm.end(1), "date", {"start": f"{y:04d}", "end": f"{y + 1:04d}"}, "rule:date"), start, sm.end(1), 2)
                return
            if prev == "本" and f[start - 2 : start - 1] == "版":
                self.add(None, start, end, 0)
                return  # 版本6.71B: a version's label, no 6.71 billion
            if prev == "号" and f[start - 2 : start] in _NUMBER_LABELS:
                self.add(None, start, end, 0)
                return  # 手机尾号6840网友: a phone's last digits, a label, no count of 网友
            if prev == "-" and _LATIN_NAME_BEFORE_RE.search(f, max(0, start - 12), start - 1):
                self.add(None, start, end, 0)
                return  # Qwen2.5-72B, Mate-60: a number after a hyphen that ends a Latin name
            if prev == "-" and f[start - 2 : start - 1].isdigit():
                self.add(None, start, end, 0)
                return  # 400-0052-500, 92-92: a code's or a score's last group that no range took, no amount
            if prev == "/" and f[start - 2 : start - 1].isdigit():
                self.add(None, start, end, 0)
                return  # 1/2.3英寸: a sensor format, a label
            if prev == "/" and f[start - 2 : start - 1] in _HANDICAP_FIRST:
                self.add(None, start - 2, end, 0)
                return  # 让半/1盘, 平/半: an Asian handicap (three quarters of a goal), no count of 盘
            if nxt in _CLOCK_TIME_NEXT and (ct := _CLOCK_TIME_RE.match(f, start)) is not None:
                # 3分45秒, 2小时06分15秒, 9秒58: a time as races and clocks write it, one duration
                self.add(self.make(start, ct.end(), "duration", _clock_duration(ct), "rule:duration"), start, ct.end(), 2)
                return
            if prev in _CUR_SYMBOLS and "," in core and _CUR_AFTER_RE.match(f, end):
                # $20,300美圆: a symbol before and a currency word after cannot be one amount;
                # the comma separates two prices
                cut = start + core.index(",")
                v1 = parse_number(f[start:cut])
                if v1 is not None:
                    code = CURRENCY_PREFIXES.get(prev)
                    self.add(self.make(start - 1, cut, "money", format_value(v1), "rule:money", currency=code), start - 1, cut, 2)
                    m2 = _NUMBER_RE.match(f, cut + 1)
                    if m2:
                        self.number(m2, f[m2.end() : m2.end() + 1], ",")
                    return
            if prev == " " and start >= 2 and f[start - 2].isascii() and f[start - 2].isalpha() and nxt in _NAME_NUMBER_END:
                return  # iPhone 4, ISO 2000, Windows 2000: a number that ends a Latin name
            digits = core.replace(",", "")
            if len(digits) >= 7 and digits.isdigit() and "," not in core and not _CUR_AFTER_RE.match(f, end) and not (
                nxt in _LONG_COUNT_NEXT and not (prev.isascii() and prev.isalnum())
            ):
                self.add(None, start, end, 0)
                return  # phone numbers and codes (not a count written in full: 3007142个, 1250000吨)
            if digits[:1] == "0" and len(digits) > 1 and digits[1:2] != ".":
                self.add(None, start, end, 0)
                return  # 010-..., 000001: codes
            if nxt in "-" and _PHONE_TAIL.match(f, end):
                self.add(None, start, end + 9, 0)
                return
            if prev in _INDEX_LAST and (
                f[max(0, start - 3) : start] in _INDEX_NAMES or f[max(0, start - 2) : start] in _INDEX_NAMES
            ):
                self.add(None, start, end, 0)
                return  # 沪深300
            if nxt in "日天周月" and _MOVING_AVERAGE_RE.match(f, end):
                self.add(None, start, end + 2, 0)
                return  # 5日均线, 120天均线, 20周线: a chart's name
        over = None
        if core in ("千万", "万万") and nxt in _QIANWAN_ADVERB_NEXT and not (nxt == "别" and f[end + 1 : end + 2] == "墅"):
            return  # 千万不要, 万万没想到: "by all means", "never" (千万别墅 is a villa's price)
        if not arabic and c0 in "百千万亿兆" and len(core) >= 1:
            if (prev == "破" and f[start - 2 : start - 1] == "突" and core[0] in "百千万亿") or (prev == "上" and start >= 2 and f[start - 2] in "重站" and core[0] in "百千"):
                pass  # 突破万亿元, 重上千亿: "break through", "climb back above", verbs as 突破4.5亿元 reads (no bound, as 达 is none)
            elif prev in _OVER_BIG and (len(core) == 1 or (core[1] in "万亿" and len(core) == 2)) and nxt not in _BAI_WORD_NEXT and (
                prev != "破" or f[start - 2 : start - 1] != "打"  # 打破万年: "break"
            ):
                start -= 1  # 上百, 上亿, 上千万, 过百, 破万: over; 跌破万元: under
                over = "under" if prev == "破" and f[start - 1 : start] == "跌" else "over"
            elif (len(core) == 1 or (core[1] in "万亿" and len(core) == 2)) and (
                prev in _BOUND_BEFORE_BIG or f[start - 2 : start] in _BOUND_LEFT
            ):
                pass  # 近百名, 逾千人, 不足千元: the bound word is read with the amount, as before 100名
            elif c0 in "百千万" and (nxt if len(core) == 1 else core[1]) in _MORE_AFTER_CHENG and prev not in _VAGUE_BEFORE:
                pass  # 百余家, 千多人, 万余名, 千多万元: over a hundred, a thousand… (数百余 stays vague)
            elif len(core) == 1 and c0 in "百千" and (nxt == "名" or nxt == "只" or nxt == "人" and f[end + 1 : end + 2] not in _HUNDRED_NAME_NEXT) and (
                prev == "" or prev not in "数几成" or prev == "成" and start >= 2 and f[start - 2] in "造达变完"
            ):
                # 百名考生, 千名志愿者, 造成千人受伤, 百只基金: a hundred, a thousand people or things (数百名, 成百名 are
                # vague; 百人计划 a name)
                pass
            elif len(core) == 1 and c0 in "百千" and nxt == "元" and prev != "" and prev in _PRICE_CUT_LAST:
                pass  # 降百元, 直降千元, 省千元: a price cut of a hundred or a thousand yuan (百元大钞, 千元机 are kinds)
            elif len(core) == 1 and c0 in "百千" and nxt == "点" and prev not in _VAGUE_BEFORE and not _starts_word(f, end + 1, "点"):
                pass  # 大跌百点, 百点长阴, 跌去千点: a hundred or a thousand index points (数百点 vague; 百点击 a word)
            elif core == "万" and nxt in _WAN_COUNTED and f[end + 1 : end + 2] != "级" and prev not in _VAGUE_BEFORE and prev not in "成上均每":
                pass  # 买下万只石磨, 万吨以上的平台: ten thousand of them (万吨级 is a class, 成千上万只 vague, 平均万亩 a denominator)
            elif len(core) == 1 or core[1] not in "万亿":
                return
        # ranges written as adjacent digits: 六七家, 两三万元, 二三十
        low_high = None
        if not arabic:
            low_high = _adjacent_range(core)
            if low_high is None and len(core) > 1 and nxt not in _DIGIT_RUN_NEXT and _CN_DIGITS_ONLY.fullmatch(core):
                if len(core) == 2 and c0 == "一" and core[1] != "一" and (m2 := _NUMBER_RE.match(f, start + 1)) is not None:
                    self.number(m2, nxt, "一")  # 一六岁小儿: "a six-year-old", 一 is the indefinite "a" and 六岁 the count
                    return
                self.add(None, start, end, 0)
                return  # 科员四一职位, 二一班: digits read one by one (no range: 三五个, 七八个) make a code or a label, no count of 41
        # 上万, 逾万亿, 突破万亿: one 万 (1e4), one 万亿
        one = core[0] in "万亿兆" and (
            over or prev in _BOUND_BEFORE_BIG or prev == "破" or nxt in _MORE_AFTER_CHENG or core == "万" and nxt in _WAN_COUNTED
        ) and (core in _BIG_ALONE or core in ("万亿", "亿万"))
        value = None if low_high else parse_number("一" + core if one else core)
        if value is None and low_high is None:
            if not arabic and (cut := _FIRST_DIGIT_RE.search(core)) is not None and cut.start() > 1 and (
                m2 := _NUMBER_RE.match(f, start + cut.start())
            ) is not None:
                # 金隅七零九零8500元: a name in Chinese digits runs into the amount in Arabic ones; the amount is read on its
                # own (5时零3分, 1岁零3个月: 零 alone joins the parts of one time, which stay unread)
                self.add(None, start, start + cut.start(), 0)
                self.number(m2, f[m2.end() : m2.end() + 1], f[m2.start() - 1])
            return
        if "几" in core or "多" in core or "余" in core:
            over = "over"
        # a range with a connector: 10-20亿元, 3至5年, 八到九百亿
        r = _RANGE_SEP.match(f, end) if (nxt in _RANGE_FIRST or (nxt == " " and f[end + 1 : end + 2] in _RANGE_FIRST)) else None
        if r and low_high is None:
            b2 = _RANGE_END_BOUND_RE.match(f, r.end())  # 9800万至近1.4亿元: the second end's bound is the range's
            m2 = _NUMBER_RE.match(f, b2.end() if b2 else r.end())
            if m2 and m2.end() > m2.start():
                v2 = parse_number(m2.group(0))
                if v2 is not None and value is not None:
                    tail2 = _TAIL_RE.match(f, m2.end())
                    if arabic and tail2.end() == m2.end() and _is_years_span(f, start, m2.end(), value, v2):
                        # 2011-2012中国互联网报告: a span of years written without 年, as 2011-2012赛季 and 2005-2007年 are
                        years = {"start": f"{int(value):04d}", "end": f"{int(v2):04d}"}
                        self.add(self.make(start, m2.end(), "date", years, "rule:date"), start, m2.end(), 2)
                        return
                    if tail2 and (tail2.end() > tail2.start() or _has_magnitude(m2.group(0))):
                        lo = value
                        if not _has_magnitude(core) and _has_magnitude(m2.group(0)):
                            mult = _magnitude(m2.group(0))
                            lo = value * mult if value * mult <= v2 else value
                        if lo < v2:
                            low_high = (lo, v2)
                            end = m2.end()
                            core = f[start:end]
                            if b2 and over is None:
                                over = _BOUND_LEFT[b2.group(0)]
        t = _TAIL_RE.match(f, end)  # always a match: every part of the tail is optional
        tend = t.end()  # type: ignore[union-attr]
        # an empty tail has no groups; tuple.__new__ is _TailGroups._make without its Python frame
        g = _NO_TAIL if tend == end else tuple.__new__(_TailGroups, t.groups())  # type: ignore[union-attr]
        has_unit = g.u is not None
        if has_unit and (core[-1] == "万" or core[-1] == "亿") and f[end : end + 1].isspace() and g.more is None and not (g.cur or g.pct):
            # 狂揽1亿 天后: a word after a headline's space, no unit of the amount (no 100 million days)
            self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
            return
        if (g.mhalf or g.half) and f[tend - 1 : tend + 2] in _HALF_WORDS:
            # 一种半成品, 三年半导体: 半 starts a word, it is no half
            tend -= 1 + (len(g.post) if g.post else 0)
            g = g._replace(mhalf=None, half=None, post=None)
        if tend > end and f[tend : tend + 1] in _RANGE_FIRST and vague_second_end(f, end, tend):
            self.add(None, start, tend, 0)
            return  # 一倍至数倍, 10亿元至数十亿元: a range to a vague end is vague (NUMERIC-CONVENTIONS, non-facts)
        if g.more:
            if g.more == "来":
                # 十来分钟, 二十来岁, 100来人: about a round number and its unit; else 来 is a word's
                # (一千来自各地的人, 从3来看): the number is read without it
                if not has_unit or value is None or value % 10 or value == 0:
                    self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                    return
                over = "about"
            else:
                over = "over"
        # plain number followed by a Latin letter that is not a unit: 5G, 4S, 1080P
        after = f[tend : tend + 1]
        # 3000亿tokens: a Latin noun after 万 or 亿 (and at most a space) is what is counted, no code
        latin_noun = not has_unit and _latin_noun(f, core, end, tend) is not None
        if arabic and not g.latin and not has_unit and after.isascii() and after.isalpha() and not latin_noun and tend - end <= 1:
            if after == "G" and tend == end and low_high is None and value is not None and _is_gigabytes(f, end, value):
                # 8G卡, 高达20G, 16G版: gigabytes as headlines write them (3G, 4G, 5G are networks' generations, 3GS a name)
                self.add(self.make(start, end + 1, "count", format_value(value), "rule:count", unit="G", qualifier=over), start, end + 1, 2)
                return
            self.add(None, start, tend + 1, 0)  # (a run of spaces before the letter ends a headline: 再亏37亿    QDII…)
            return
        if arabic and f[end : end + 1].isascii() and f[end : end + 1].isalpha() and not (g.latin or g.pct or g.ge or g.cur or latin_noun):
            if not _LATIN_SCALE_RE.match(f, end):
                self.add(None, start, end + 1, 0)
                return
        if not has_unit:
            self.bare(start, end, core, value, low_high, over, arabic, g, tend)
            return
        s2, q_left, cur_left = self.left(start)
        if cur_left and q_left is None and not g.cur:
            s2 = start  # 美元兑人民币一年期: the currency word names no amount of this time or count, it stays out of the span
        qual = over if q_left == "about" and over else (q_left or over)  # 大概有200多万户: the bound wins over an about-word
        post = g.post
        if post:
            pq = _BOUND_RIGHT[post.strip()]
            if qual is None or (qual == "about" and pq != "about"):
                qual = pq
        kind = "count"
        said = False
        unit: str | None = None
        currency = None
        val: Any = value
        scale = 1.0
        source = "rule:count"
        if g.pct:
            kind, source = "percent", "rule:percent"
            unit = "百分点" if "百分点" in g.pct else "基点" if "基点" in g.pct else g.pct if g.pct[0] in "Bb" else None
            if g.pct == "‰":
                scale = 0.1  # 0.5‰ is 0.05 percent, as 千分之五 is 0.5
            if low_high is None and g.pct in ("%", "‰") and f[tend : tend + 1] in _RANGE_FIRST:
                m2 = _PCT_TO_RE.match(f, tend)  # 30%-80%, 3‰-5‰
                if m2 and value is not None and m2.group(2) == g.pct:
                    v2 = parse_number(m2.group(1))
                    if v2 is not None and v2 > value and not (
                        value < 1 and v2 > 5 * value and f[tend] in "至到" and _CHANGE_VERB_BEFORE.search(f, max(0, s2 - 4), s2) is not None
                    ):  # (升0.4%至9.8%: a rise of a fraction of a point, then the level it reached, two facts; 上升20%到70%,
                        # 增长10%至60% stay ranges)
                        low_high, tend = (value, v2), m2.end()
        elif g.cur:
            kind, source = "money", "rule:money"
            after_kuai = f[tend : tend + 1]
            # 块 is yuan before a pause, 钱, a verb or particle (借了一万块来, 两千块买了, 200块的东西),
            # a classifier before a noun (一万块砖, 3块屏幕)
            kuai_jiao = _KUAI_JIAO_RE.match(f, tend) if g.cur == "块" and not g.jiao and not g.cent else None
            pieces = g.cur == "块" and not g.jiao and (
                prev in _PIECES_BEFORE or (core == "一" and prev in _TOGETHER_BEFORE)
            )  # 切成100块; 走到一块, 持有一块 (but 涨到3块 is a price)
            kuai_money = g.cur == "块" and not pieces and (
                after_kuai in _CLAUSE_END_CHARS or g.jiao or kuai_jiao is not None
                or (after_kuai in _KUAI_MONEY_NEXT and core != "一") or f.startswith(_KUAI_MONEY_WORDS, tend)
            )  # 一块来 is "together"; 每人300块奖励: money before a word of pay (3块奖牌 are medals)
            kuai_count = g.cur == "块" and not kuai_money and (
                pieces or not arabic or "\u4e00" <= after_kuai <= "\u9fff" or (after_kuai.isascii() and after_kuai.isalpha())
            )  # 1万块H100: cards
            mao_word = g.cur == "毛" and (not arabic or _starts_word(f, tend, "毛"))  # 三毛 (a name), 3毛利率
            if (not arabic and (g.cur == "角" or (g.cur == "毛钱" and core == "一"))) or kuai_count or mao_word:
                if g.cur == "块" and core not in ("一", "二"):
                    kind, source, unit = "count", "rule:count", "块"
                    self.add(self.make(s2, tend, kind, format_value(value) if value is not None else None, source, unit=unit,
                                       qualifier=qual), s2, tend, 2)
                return
            code, scale = CURRENCY_WORDS[g.cur]
            currency = code_by_country(g.cur, f, s2) if g.cur in NAMES_BY_COUNTRY else code  # 1336亿比索 in a story on the Philippines
            if cur_left and g.cur in ("元", "块", "圆"):
                currency = cur_left
            if g.jiao and value is not None:
                val = yuan_jiao_fen(value, g.jiao, g.jw, g.fen)
            elif kuai_jiao is not None and value is not None and low_high is None:
                val = yuan_jiao_fen(value, kuai_jiao.group(1), "角", None)  # 3块5: 3.5 yuan, said aloud
                tend = kuai_jiao.end()
            elif g.cent and value is not None:
                val = yuan_jiao_fen(value, None, None, g.cent)
            if g.per:
                unit = "/" + g.per
            elif (po := _PER_ONE_AFTER_RE.match(f, tend)) is not None:
                unit = "/" + po.group(1)  # 6000多元一平方米: the amount per square metre; 一平方米 is no fact
                self.add(None, tend, po.end(), 0)
            else:
                before = f[s2 - 12 if s2 > 12 else 0 : s2]
                # each pattern needs 每, 一 or 1 before the amount (most amounts have none: no search)
                pm = ("每" in before or "一" in before or "1" in before) and (
                    _PER_LEFT.search(f, max(0, s2 - 6), s2) or _PER_PERIOD_LEFT.search(f, max(0, s2 - 12), s2)
                )
                if pm:
                    unit = "/" + pm.group("per")
                    if pm.re is _PER_PERIOD_LEFT and pm.group("one"):
                        # 一年学费4万元: 一年 says "per year" (the amount's unit), it is no duration
                        self.add(None, pm.start("one"), pm.end("per"), 0)
        elif g.time:
            tu = g.time
            if tu[-1] == "期" and (f[tend : tend + 1] in _TERM_WORD_NEXT or tu == "月期" and f[tend : tend + 1] == "指"):
                return  # 11年期待, 7月期市, 6月期指 (index futures for June): 期 starts a word, no term (the date pass reads 11年, 7月)
            if not arabic and core == "一" and (prev == "每" or self.previous_or_next(start)):
                self.add(None, start, tend, 0)
                return  # 每一年 "every year"; 比上一年增长, 下一季度: the one before or after (as 上年), no length
            if not arabic and core == "一" and tu == "年" and prev == "年" and f[start - 2 : start - 1].isdigit():
                self.add(None, start, tend, 0)
                return  # 2003年一年的销量: "in the year 2003 alone", the year is the fact, no length
            if not arabic and core == "一" and tu in ("年", "天") and prev and prev in "的这那" and (
                tend == len(f) or f[tend] in _CLAUSE_END_CHARS or f[tend] in "”\"’" or (prev != "的" and f[tend] in _THIS_YEAR_NEXT)
            ):
                self.add(None, start, tend, 0)
                return  # 是难忘的一年。, 这一年他, 无法忘记的一天: "a year that was …", "this year", no length (过去的一年中, 这一年来 are one)
            if tu == "个钟" and f[tend : tend + 1] in _CLOCK_WORD_NEXT:
                return  # 3个钟表, 两个钟楼: clocks, no hours (排队要1个钟 is an hour)
            if tu == "周" and core == "四" and not arabic and prev not in _FOUR_WEEKS_BEFORE and f[tend : tend + 1] in _AROUND_AFTER:
                self.add(None, start, tend, 0)
                return  # 场地四周, 四周的: "all around", no four weeks (持续四周, 四周后 are)
            if low_high is None and tu in _TIME_UNIT_WORDS and f.startswith(_TIME_UNIT_WORDS[tu], tend):
                self.add(None, start, tend, 0)
                return  # 香港4天王, 萨哈林-1天然气, 上海三年展: the unit starts a word, no length
            if core == "一" and tu == "天" and prev == "有" and f[start - 2 : start - 1] not in _ONLY_BEFORE_YOU:
                self.add(None, start, tend, 0)
                return  # 有一天, 总有一天: "one day", no duration (只有一天, 还有一天 last a day)
            if tu == "周" and f[tend : tend + 1] in ("年", "岁") and (low_high is not None or value is not None):
                # 60周年: an anniversary, the years counted (not 60 weeks); 三周岁, 8至16周岁: an age
                unit = "周" + f[tend]
                v = format_value(value) if low_high is None else {"low": format_value(low_high[0]), "high": format_value(low_high[1])}
                e2, q2 = tend + 1, qual
                if (rb := self.right_bound(e2)) is not None:
                    q2, e2 = rb  # 60周岁以上, 6周岁以下
                self.add(self.make(s2, e2, "count", v, "rule:count", unit=unit, qualifier=q2), s2, e2, 2)
                return
            if tu == "周" and low_high is None and (
                f[tend : tend + 1] in ("目", "末") or core == "一" and _LAP_BEFORE.search(f, max(0, start - 6), start)
            ):
                self.add(None, start, tend + (f[tend : tend + 1] == "目"), 0)
                return  # 环湖一周, 绕场一周: a lap, no week; 二周目: a game's second playthrough; 前一周末: a weekend
            kind, source = "duration", "rule:duration"
            code = TIME_UNITS[tu]
            if "多" in tu:
                qual = "over" if qual in (None, "about") else qual  # 3个多月, 六个多小时: over
            if tu == "日" and core == "一" and not arabic and low_high is None:
                if not g.post and f[tend : tend + 1] not in _ONE_DAY_SPAN_AFTER and prev not in _SPAN_OF_DAYS_PREV:
                    self.add(None, start, tend, 0)
                    return  # 一日成名, 一日，他来到: "one day", neither a length nor the 1st (6月1日, 本月一日 are dates)
            elif tu == "日" and low_high is None and core != "两" and not (g.post and g.post.strip() in ("内", "之内", "以内")) and not (
                prev in _SPAN_OF_DAYS_PREV and (prev != "去" or f[start - 2 : start] == "过去")
            ) and f[start - 2 : start] not in DAYS_COUNTED_AFTER_WORDS and not _DAY_TOUR_RE.match(f, tend):
                # 3日 is the 3rd of the month in news copy (not before 游: 四日游 is a four-day tour, a length) (两日 is two days: 两 counts, it names no day;
                # 30日内 "within 30 days" and 过去一日, 近3日 "the past day(s)" are times)
                if value is None or value != int(value) or not 1 <= value <= 31 or s2 != start:
                    return
                d = int(value)
                dv: Any = f"---{d:02d}"
                if (listed := self.listed_day(start, d)) is not None:
                    dv = listed
                elif self.pub:
                    dv = f"{self.pub.year:04d}-{self.pub.month:02d}-{d:02d}"
                self.add(self.make(start, tend, "date", dv, "rule:date", relative=True), start, tend, 2)
                return
            if (
                tu == "日" and low_high is not None and s2 == start and not g.post and prev not in _SPAN_OF_DAYS_PREV
                and prev not in _NEED_BEFORE_DAYS and f[start - 2 : start] not in DAYS_COUNTED_AFTER_WORDS
                and _whole_in(low_high, 1, 31) and low_high[0] < low_high[1]
            ):
                # 12—15日，新疆多雨; 展览于20至25日举行: days of the month, as 3日 is (历时3至5日, 需3—5日, 约3—5日 and
                # 5至7日内 are times)
                ends = [f"---{int(v):02d}" if not self.pub else f"{self.pub.year:04d}-{self.pub.month:02d}-{int(v):02d}" for v in low_high]
                self.add(self.make(start, tend, "date", {"start": ends[0], "end": ends[1]}, "rule:date", relative=True), start, tend, 2)
                return
            if tu == "季度" and low_high is not None and not arabic and 1 <= low_high[0] < low_high[1] <= 4 and s2 == start:
                # 二三季度: the second and third quarters, a period (a year's quarters unless published says which)
                qv: Any = None
                if self.pub:
                    qv = {"start": f"{self.pub.year:04d}-Q{int(low_high[0])}", "end": f"{self.pub.year:04d}-Q{int(low_high[1])}"}
                self.add(self.make(start, tend, "date", qv, "rule:date", relative=True), start, tend, 2)
                return
            if core == "九十" and tu == "月" and low_high is None:
                low_high = (9, 10)  # 九十月份: September and October, not month 90
            if tu == "月" and core != "两" and not _months_counted(f, start) and not (
                low_high is None and value is not None and 13 <= value <= 60 and value == int(value) and not g.more
            ):
                # (两月 is two months: February is 二月; 18月 is no month of the year, it counts months)
                if low_high is not None and low_high[1] <= 12 and low_high[0] >= 1:
                    # 七八月: July and August
                    if f[tend : tend + 1] == "份":
                        tend += 1  # 七八月份
                    ym = _YEAR_BEFORE.search(f, max(0, start - 6), start)  # 2009年九十月份: one period of that year
                    lo_v, rel = self.month_value(int(low_high[0]), ym)
                    val = {"start": lo_v, "end": self.month_value(int(low_high[1]), ym)[0]}
                    m0 = ym.start() if ym else start
                    self.add(self.make(m0, tend, "date", val, "rule:date", relative=rel), m0, tend, 2)
                return  # 9月 is a month (the date pass), not nine months
            if tu == "年" and value is not None and 1000 <= value <= 2200 and low_high is None and not g.more:
                return  # a year: the date pass handles it (2000多年 is a time: over 2000 years)
            if tu == "年" and f[tend : tend + 1] == "代":
                if low_high is not None and _whole_in(low_high, 10, 90, 10):
                    # 80至90年代, 上世纪70到90年代: a span of decades (one decade is the date pass's: 80年代)
                    cm = _CENTURY_BEFORE.search(f, max(0, start - 6), start)
                    base = 2000 if cm and cm.group(0) in ("本世纪", "21世纪", "二十一世纪") else 1900
                    a = cm.start() if cm else start
                    val = {"start": f"{base + int(low_high[0]):04d}", "end": f"{base + int(low_high[1]) + 9:04d}"}
                    self.add(self.make(a, tend + 1, "date", val, "rule:date", relative=not cm or cm.group(0) in ("上世纪", "本世纪")), a, tend + 1, 2)
                return
            if tu == "年" and f[tend : tend + 1] in _YEAR_PART_AFTER and low_high is None and (
                "万" in core or "亿" in core or arabic and len(core) == 3 and f[tend : tend + 2] != "底蕴"
            ):
                # 优惠33万年底入住: an amount, then 年底 "the year's end" (no 330,000 years); 联通156年底: a code (a
                # number of three digits before 年底 is no year, 2011年底 and 10年底 are)
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return
            if (tu == "年" or tu == "周" and f[tend + 1 : tend + 2] not in _WAGE_NOUN_NEXT) and _starts_word(f, tend, tu):
                # 千万年薪, 百万年费, 8万周薪: 年 or 周 starts the word (annual or weekly pay), the number is an amount
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return
            if not arabic and len(core) >= 2 and low_high is None and _CN_DIGITS_ONLY.fullmatch(core):
                return  # 九一年 is read digit by digit, a year ('91) and never 91 years (马英九一年执政)
            if tu == "年" and low_high is not None and _years_range(f, start, end, low_high, arabic):
                # 2005-2007年, 一九九七至一九九八年: a span of years, not 2005 to 2007 years
                years = {"start": f"{int(low_high[0]):04d}", "end": f"{int(low_high[1]):04d}"}
                self.add(self.make(start, tend, "date", years, "rule:date"), start, tend, 2)
                return
            if tu == "年" and f[tend : tend + 1] == "级" and low_high is None and value is not None and value == int(value):
                # 三年级: a school year, a rank
                self.add(self.make(start, tend + 1, "ordinal", int(value), "rule:ordinal", unit="年级"), start, tend + 1, 2)
                if prev in _COORD_SEPARATORS and s2 == start:
                    # 一、二年级: each school year listed before is one of its own
                    self.coordinated(start, "ordinal", _whole, ("年级", None, None, None, False, "rule:ordinal"))
                return
            if tu == "年" and f[tend : tend + 1] == "级" and low_high is not None and not arabic and 1 <= low_high[0] < low_high[1] <= 9:
                # 一二年级: the first and second school years, a range of ranks (no one to two years)
                yv = {"low": int(low_high[0]), "high": int(low_high[1])}
                self.add(self.make(start, tend + 1, "ordinal", yv, "rule:ordinal", unit="年级"), start, tend + 1, 2)
                return
            if tu in ("年期", "月期", "个月期"):
                unit = tu  # a term (一年期存款, 3月期): the duration says how long it runs
            if f[tend : tend + 1] == "多" and not g.half and f[tend + 1 : tend + 2] not in _DUO_WORD_NEXT:
                tend += 1  # 三年多, 一个月多: over (多少, 多次, 多个 are words)
                qual = "over" if qual in (None, "about") else qual
            if tu == "年" and low_high is None and not g.half and not g.post and value is not None and value == int(value) and (
                ym := _AND_MONTHS_RE.match(f, tend)
            ):
                n = parse_number(ym.group(1))
                more_code = "M" if ym.group(2) == "个月" else "D"
                if n is not None and n == int(n) and 0 < n < (12 if more_code == "M" else 366):
                    # 3年6个月, 1年零3个月, 4年零1天: one time in years and months or days (a sentence, a wait)
                    tend = ym.end()
                    self.add(self.make(s2, tend, kind, f"P{int(value)}Y{int(n)}{more_code}", source, qualifier=qual), s2, tend, 2)
                    return
            if (
                (core == "一" or core == "1") and tu in ("年", "天") and not g.post and s2 == start  # (最快1天, 近一年: lengths)
                and (prev not in _ONE_YEAR_SPAN_PREV or f[start - 2 : start] in _SOMETIMES)
                and (f[tend : tend + 1] not in _ONE_YEAR_SPAN_NEXT and (_PER_YEAR_AMOUNT_RE.match(f, tend) or _PER_ONE_COUNT_RE.match(f, tend))
                     or f[tend : tend + 1] in _IN_A_SPAN and _TIMES_IN_CLAUSE_RE.match(f, tend + 1))  # 一年里有一两次: "a year", how often
            ):
                self.add(None, start, tend, 0)
                return  # 一年运送旅客4000万人次, 一天只能卖出十几盒, 有时一天要为20多个患者, 1天5顿: "per year" or "per day" for the amount after it, no length
            if core == "一" and tu == "天" and prev == "的" and not g.post and f[tend : tend + 1] not in _ONE_DAY_OF_NEXT:
                self.add(None, start, tend, 0)
                return  # 最差的一天, 难忘的一天: "a day", no length (一天的时间 is one)
            if low_high is None and value is not None and not g.half and not g.post and f[tend : tend + 1] in _RANGE_FIRST and (
                r2 := _RANGE_SEP.match(f, tend)
            ) and (m2 := _NUMBER_RE.match(f, r2.end())) and m2.end() > m2.start():
                # 3年至4年, 3天-5天: a range that writes its unit twice
                t2 = _TAIL_RE.match(f, m2.end())
                v2 = parse_number(m2.group(0))
                if (t2 is not None and t2.group("time") == tu and not t2.group("half") and v2 is not None and v2 > value
                        and f[t2.end("time") : t2.end("time") + 1] != "级"):  # (3年级 is a school year)
                    low_high, tend = (value, v2), t2.end()
                    if t2.group("post"):
                        qual = qual or _BOUND_RIGHT[t2.group("post").strip()]  # 3年-5年内: under, as 3-5年内
            elif low_high is None and value is not None and not arabic and not g.half and not g.post and f[tend : tend + 1] in _CN_SET and (
                m2 := _NUMBER_RE.match(f, tend)
            ) and (t2 := _TAIL_RE.match(f, m2.end())) is not None and t2.group("time") == tu and not t2.group("half") and not t2.group("post"):
                # 十年八年, 三年五年: two lengths side by side say "eight to ten years", one range (as 六七家)
                v2 = parse_number(m2.group(0))
                if v2 is not None and v2 != value and v2 >= 2 and value >= 2:  # (三年一年年地: 一 starts a word)
                    low_high, tend = (min(value, v2), max(value, v2)), t2.end()
            half = 0.5 if g.half or "半" in tu else 0.0  # 三年半, 三个半小时
            val = _duration(value, code, half) if low_high is None else {
                "low": _duration(low_high[0], code, 0.0), "high": _duration(low_high[1], code, half)}
            if val is None:
                return
            self.add(
                self.make(s2, tend, kind, val, source, unit=unit, qualifier=qual, change=None),
                s2, tend, 2,
            )
            if prev in _COORD_SEPARATORS and low_high is None and s2 == start and not half:
                # 3、4天, 2、3年: each number listed before is a time of its own
                self.coordinated(start, kind, partial(_duration_of, code), (unit, None, None, None, False, source))
            return
        elif g.cheng:
            if (low_high is None or not 0 < low_high[0] < low_high[1] <= 10) and (value is None or value <= 0 or value > 10):
                # tenths run from 一成 to 十成: 公园1872成为…, 7万成交, 零成本 hold words (成为, 成交, 成本),
                # and an amount or a quoted level is read without them (以1.2亿成交, 恒指报19859 成交230亿元)
                if _has_magnitude(core) or (prev in _QUOTE_LAST and _QUOTE_BEFORE.search(f, max(0, start - 5), start)):
                    self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return
            if core == "八" and low_high is None and not g.post and f[tend : tend + 1] in _GUESS_NEXT and (
                "\u4e00" <= prev <= "\u9fff" and prev not in _SHARE_BEFORE
            ):
                return  # 他八成会来, 这事八成是他干的: the adverb "most likely", no share (其中八成是, 近八成会 are)
            kind, source = "percent", "rule:percent"
            scale = 10.0
            if low_high is None and value is not None and not g.post and f[tend : tend + 1] in _RANGE_FIRST and (
                r2 := _RANGE_SEP.match(f, tend)
            ) and (m2 := _CHENG_END_RE.match(f, r2.end())):
                v2 = parse_number(m2.group(1))
                if v2 is not None and value < v2 <= 10:
                    low_high, tend = (value, v2), m2.end()  # 5成到6成: one range, its unit written twice
            if not g.post and f[tend : tend + 1] in _MORE_AFTER_CHENG:
                tend += 1  # 两成多: over two tenths
                qual = "over" if qual in (None, "about") else qual
            if g.chalf and value is not None:
                val = value + 0.5
            elif g.cdig and value is not None and value == int(value) and value < 10:
                val = value + (parse_number(g.cdig) or 0) / 10
        elif g.zhe:
            kind, source, unit = "percent", "rule:percent", "折"
            if value is None or value <= 0 or value >= 100 or value == 10:
                return  # 十折 is no discount at all
            scale = 10.0 if value < 10 else 1.0
        elif g.ge and (gm := _GE_MAGN_RE.match(f, tend)) is not None and not g.post:
            # 1个亿, 六七个亿, 两个多亿: the spoken way of writing 亿 (and 万) amounts
            kind, source = "number", "rule:number"
            scale = 1e8 if gm.group("m") else 1e4
            if gm.group("more"):
                qual = "over" if qual in (None, "about") else qual
            if gm.group("cur"):
                kind, source = "money", "rule:money"
                currency = CURRENCY_WORDS[gm.group("cur")][0]
            if gm.group("post"):
                pq = _BOUND_RIGHT[gm.group("post")]
                if qual is None or (qual == "about" and pq != "about"):
                    qual = pq
            tend = gm.end()
            if low_high is None and value is not None and not gm.group("post") and (hi := self.big_to(tend, value * scale)) is not None:
                # 3个亿到5个亿, 1千个亿至1.5千亿: one range, its second end written with its own magnitude
                low_high, scale, tend = (value * scale, hi[0]), 1.0, hi[1]
                if hi[2]:
                    kind, source, currency = "money", "rule:money", hi[2]
        elif g.ge:
            nm = _NOUN_AFTER_GE.match(f, tend)
            unit = (_counted_noun(nm.group(0), self.segmenter or default_segmenter()) if nm else None) or "个"
        elif g.noun:
            unit = g.noun
            if f[end : end + 1].isspace() and not f[start - 1 : start].isspace():
                # 沪指重上2000 券商股领涨: a space after a number that has none before it separates a headline's
                # phrases, no count of 券商 (copy that spaces its numbers, 有 2000 员工, keeps the noun)
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return
            if unit == "省" and f[tend : tend + 1] in _SHENG_WORD_NEXT:
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return  # 省钱, 省级, 省委: 省 starts a word (八省十四个地区, 五省之旅 count provinces)
            if unit == "校" and f[tend : tend + 1] in _XIAO_WORD_NEXT:
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return  # 3校区, 1校长: 校 starts a word (北京2校入选, 两校合并 count schools)
            if unit == "车" and not _CRASH_AFTER.match(f, tend):
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return  # 3车道, 2车间: 车 starts a word; only cars in a crash are counted so (7车相撞, 5车追尾)
            if unit == "项目" and core[-1] == "亿" or (unit == "板块" or unit == "主力") and _has_magnitude(core):
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return  # 30亿项目: a project's cost (money by the noun after), no 3e9 projects; 1.2亿板块资金, 3亿主力资金 (5板块, 6主力 count)
            if f[tend : tend + 1] == "债" and unit in _BOND_ISSUERS:
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return  # 18亿公司债, 50亿企业债: bonds (money by the noun after), no count of companies
            if unit == "国" and (not arabic or f[tend : tend + 1] in _GUO_WORD_NEXT):
                # 两国, 三国, 八国联军, 7国集团, 3国产, 2011国际: names and words (5国大使 counts countries)
                self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                return
            if arabic and low_high is None and not g.more and len(core) == 4 and "1950" <= core <= "2030" and s2 == start and unit in _YEAR_TOPICS:
                # 2011国家公务员考试, 2009城市规划: a year written before a noun, no count of 2011
                self.add(self.make(start, end, "date", core, "rule:date:bare-year"), start, end, 3)
                return
            if unit[1:] + f[tend : tend + 1] in _SPLIT_NOUNS:
                # 4872套房子, 两件事情: the measure word, then a noun that starts with the rest
                tend -= len(unit) - 1
                unit = unit[0]
        elif g.latin:
            unit = g.latin
        elif g.mw:
            unit = g.mw
            if unit in _MORE_AFTER_UNITS and not g.post and f[tend : tend + 1] == "多" and f[tend + 1 : tend + 2] not in _DUO_WORD_NEXT:
                tend += 1  # 3公里多, 9米多高, 8吨多: over (as 三年多)
                qual = "over" if qual in (None, "about") else qual
            if prev and prev in ":比" and f[start - 2 : start - 1].isdigit() and low_high is None:
                return  # 客场2比0本菲卡, 以2:0胜: a score's second number; what follows starts a name or a verb
            if unit == "名" and f[tend : tend + 1] == "车" and f[tend + 1 : tend + 2] not in _CAR_PEOPLE_NEXT and _has_magnitude(core) and low_high is None:
                # 百万名车: a luxury car worth a million, money in the article's currency (百万名车主, 两名车手 are people)
                self.add(self.make(s2, end, "money", format_value(value), "rule:money", currency="CNY", qualifier=qual), s2, end, 2)
                return
            if unit in _MW_WITH_RULES:  # most measure words (家, 人, 次, 只…) have no rule of their own
                if unit == "科" and prev and prev in _DEPARTMENT_HEADS and f[start - 2 : start] != "数外":
                    return  # 外三科, 内二科: a hospital's department, a label (1-2科, 语数外三科 count subjects)
                if unit == "局" and (f[start - 2 : start] in _BUREAU_OWNERS or f[start - 3 : start] == "铁道部"):
                    # 中铁十四局, 中建三局, 铁道部十四局三处: an engineering bureau (and its division), a company, no games
                    dm = _BUREAU_DIVISION_RE.match(f, tend)
                    self.add(None, start, dm.end() if dm else tend, 0)
                    return
                if unit == "两" and f[tend : tend + 1] in _LIANG_COUNTS_NEXT:
                    # 4、5两个月, 2008、2009两年: 两 counts the items named before it, it is no weight
                    self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                    return
                if unit == "起" and arabic and low_high is None and len(core) == 4 and "1950" <= core <= "2030" and prev in _SINCE_PREV:
                    self.add(self.make(start, end, "date", core, "rule:date:bare-year"), start, end, 3)
                    return  # 从2011起: from the year 2011, no count of cases
                if unit == "起" and low_high is None and value is not None and value >= 10 and s2 == start and f[start - 2 : start] in _DEAL_LISTING_BEFORE:
                    # 明日可用218起温泉一日游, 3人起订238起: a group-buy listing's price "from", no count of cases
                    self.add(self.make(start, end, "money", format_value(value), "rule:money", currency="CNY"), start, end, 2)
                    return
                if unit == "起" and (core[-1:] in "kKMB" or (
                    low_high is None and value is not None and s2 == start and not _HAN_NOUN_START.match(f, tend)
                    and (value >= 1000 and prev in _FROM_PRICE_PREV or value >= 10 and prev in _FROM_FARE_PREV)
                )):
                    # 月薪20K起, 三居17000起, 公寓35万起: a price or pay "from", money in the article's currency, no count
                    # of cases (3起事故, 发生1200起事故)
                    if prev in _FROM_PRICE_PREV or prev in _FROM_FARE_PREV:
                        self.add(self.make(start, end, "money", format_value(value), "rule:money", currency="CNY", change=self.change(start)),
                                 start, end, 2)
                    else:
                        self.add(self.make(start, end, "number", format_value(value), "rule:number"), start, end, 2)
                    return
                if unit in ("级", "届") and arabic and len(core) == 4 and core[:2] in ("19", "20") and s2 == start:
                    self.add(None, start, tend, 0)  # 2023级新生, 2025届毕业生: a cohort's name, no count of 2025
                    return
                if unit == "平" and not (
                    (low_high is None or low_high[0] < low_high[1]) and _AREA_PING_NEXT_RE.match(f, tend)
                ):
                    return  # 战成23平, 2-2平: a tie (the draws of a record are read apart); 160平三居 is a flat's square metres
                if unit == "环" and (not arabic or (
                    value is not None and low_high is None and value in (2, 3, 4, 5, 6, 7)
                    and (prev in _COMPASS or f[tend : tend + 1] in _RING_ROAD_AFTER)
                )):
                    return  # 二环, 五环, 东2环, 3环以内: a ring road's name (a shooting score: 252.8环, 10环)
                if unit == "期" and low_high is None and s2 == start and value is not None and (
                    prev in _PHASE_BEFORE or (prev == "" or prev not in "分共连") and _PHASE_NEXT_RE.match(f, tend)
                ):
                    # 松坪村三期, 三期工程, 3期3月开盘: a phase of an estate or a project, an ordinal as 二期项目 is
                    # (连续三期 counts issues, 分3期建设 the phases)
                    self.add(self.make(start, tend, "ordinal", format_value(value), "rule:ordinal", unit="期"), start, tend, 2)
                    return
                if unit == "位" and low_high is None and s2 == start and value is not None and f.startswith("发车", tend) and prev != "后" and prev != "退":
                    # 韦伯18位发车: a grid position, an ordinal as 第18位 is (no count of 18 people; 退后3位发车 counts places)
                    self.add(self.make(start, tend, "ordinal", format_value(value), "rule:ordinal", unit="位"), start, tend, 2)
                    return
                if unit == "晚" and prev == "周" and len(core) == 1 and core in "1234567" and f[start - 2 : start - 1] not in _WEEK_COUNTED_BEFORE:
                    self.add(None, start, tend, 0)  # 周3晚开售: Wednesday evening, no three nights (每周3晚 counts them)
                    return
                if unit == "条" and prev in _POLICY_HEADS and f[start - 2 : start - 1] not in _POLICY_NOT_AFTER:
                    self.add(None, start - 1, tend, 0)  # 国11条, 粤15条: a policy's name
                    return
                if unit in _DEGREES and f[start - 2 : start] == "零下" and val is not None and low_high is None and s2 == start:
                    val, s2 = -val, start - 2  # 零下5℃: below zero, 零下 in the span as a minus sign is
                if unit in _GAME_UNITS and low_high is not None and f[end - 1 : end].isdigit() and "-" in core:
                    return  # 3-4负: a score and a verb, no range of losses
                if unit == "位" and low_high is None and value is not None and s2 == start and prev in _RANK_LAST and _RANK_BEFORE.search(
                    f, max(0, start - 6), start
                ):
                    # 国际排名为259位, 排在12位: a rank without 第 is an ordinal (NUMERIC-CONVENTIONS), no count of people
                    self.add(self.make(start, tend, "ordinal", format_value(value), "rule:ordinal", unit="位"), start, tend, 2)
                    return
                if unit == "单" and (f[tend : tend + 1] == "元" or prev == "号") or unit in ("幢", "栋") and _ADDRESS_NEXT_RE.match(f, tend):
                    self.add(None, start, tend + (f[tend : tend + 1] == "元"), 0)
                    return  # 蓝桥名苑10幢1单元, 南园8号2单1东: an address's building and entrance, labels
                if unit == "班" and prev == "级":
                    self.add(None, start, tend, 0)
                    return  # 八年级三班, 09级2班: a class's label after its grade, no count of classes
                if unit == "位" and f[tend : tend + 1] == "数":
                    self.add(None, s2, tend + 1, 0)
                    return  # 6位数的年薪, 高达7位数: a number's digits, no count of 位 (as 两位数)
                if unit == "注" and f[tend : tend + 1].isdigit() and f[tend + 1 : tend + 2] in ("：", ":"):
                    return  # 水晶*1注1：…: a footnote's mark after the number, no lottery bets
                if unit in _WORDLIKE_UNITS and _starts_word(f, tend, unit):
                    if low_high is None and (
                        _has_magnitude(core) or _QUOTE_BEFORE.search(f, max(0, start - 5), start) or len(core) == 4 and core[:2] in ("19", "20")
                    ):
                        # 募资或超500亿 本月, 期指收报23668 升114点: the amount or the quoted level stays; 2012招收: the year
                        self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                    return  # 3任务, 2伙人, 1负责人, 89-97负于, 28-13胜出, 马英九胜过, 二战略: the unit starts a word, no games are counted
                if unit == "重" and f[tend : tend + 1] not in _LAYERS_NEXT:
                    return  # 三重门, 八重山, 四重奏: names; layers are counted before what they are (2重优惠, 三重惊喜, 三重境界)
                if unit == "米" and not g.mhalf and low_high is None and value is not None and value == int(value) and (
                    cm := (_METRE_REST_RE if arabic else _METRE_REST_CN_RE).match(f, tend)
                ):
                    rest = "".join([str(DIGITS[c]) for c in cm.group(1)]) if not arabic else cm.group(1)
                    val = value + int(rest) / 10 ** len(rest)  # 2米15, 1米8, 一米七五: heights as said
                    tend = cm.end()
                    said = True  # (一米七五 is no indefinite "a metre")
                if unit in ("倍",):
                    kind, source = "number", "rule:number"
                    if not g.post and f[tend : tend + 1] in _MORE_AFTER_CHENG:
                        tend += 1  # 一倍多: over one time
                        qual = "over" if qual in (None, "about") else qual
                elif unit == "点":
                    if f[tend : tend + 2] in _POINTS_COUNTED and core != "一":
                        kind, source = "count", "rule:count"  # 10点建议, 三点意见: the points a text makes, counted
                    else:
                        if _starts_word(f, tend, "点") and _has_magnitude(core):
                            self.bare(start, end, core, value, low_high, over, arabic, _NO_TAIL, end)
                            return  # 一千万点击量: 点 starts the word after an amount
                        if _starts_word(f, tend, "点") or not arabic and (len(core) < 2 and core != "百" and core != "千" or value is None or value < 100):
                            return  # 一点 = a little; 点击, 点评: words (三千点, 二千八百点, 百点 are index levels, as 3000点)
                        kind, source = "number", "rule:number"
                elif unit == "分" and g.mhalf and f[tend : tend + 1] == "钟" and value is not None and low_high is None:
                    # 1分半钟: a minute and a half, a time (3分钟 is read as one; 1分半 alone stays a score)
                    tend += 1
                    self.add(self.make(s2, tend, "duration", f"PT{format_value(value)}M30S", "rule:duration", qualifier=qual), s2, tend, 2)
                    return
                elif unit == "分" and ((not arabic and len(core) < 2 and not over) or _starts_word(f, tend, "分")):
                    return  # 十分 = very (九十多分, 六十分 are scores); 3000分辨率 counts no points
                elif unit == "关" and arabic and prev in _LEVEL_VERB_LAST and _LEVEL_VERB_BEFORE.search(f, max(0, start - 3), start):
                    # 黄金站上200关, 失守1900关: a market level with its unit left out (as 关口, 大关), no levels of a game
                    kind, source, unit, tend = "number", "rule:number", None, end
                elif unit == "关" and _starts_word(f, tend, "关"):
                    if f[tend : tend + 1] != "口" or not arabic and (value is None or value < 1000):
                        return  # 3关注, 十关键: 关 starts a word, no levels of a game are counted (三千关口 is a level)
                    # 2245关口, 7.2关口: a level (index points or a rate with its unit left out), 关口 not in the span
                    kind, source, unit, tend = "number", "rule:number", None, end
                elif unit == "关" and arabic and value is not None and value >= 1000 and low_high is None:
                    # 沪铜冲击49000关: a price level with 关 (关口) short, no 49,000 levels of a game (闯过3关 are)
                    kind, source, unit, tend = "number", "rule:number", None, end
                elif unit == "对" and _starts_word(f, tend, "对"):
                    return  # 8+5对话会: 对话 "dialogue", no pairs
                elif unit == "首" and _starts_word(f, tend, "首"):
                    if f[tend : tend + 1] != "付":
                        return  # 11首三双 (a first triple-double), 3首都: no songs, and no amount
                    kind, source, unit, tend = "number", "rule:number", None, end  # 50万首付: an amount, no songs
                elif unit == "级" and _GRADE_LABEL_AFTER.match(f, tend):
                    self.add(None, start, tend, 0)
                    return  # 2级及以上能效: an efficiency grade, a label
                elif unit == "级" and not arabic and not (prev == "风" or f[start - 2 : start] == "风力"):
                    return  # 四级 (the exam), 三级甲等: a rank or a name; magnitudes are written 5.3级 (wind force: 北风三四级)
                elif unit in ("两",) and not arabic:
                    return
            if g.mhalf and value is not None:
                val = value + 0.5
        # 二 before a classifier is an ordinal or a name (富二代, 二套房), counts use 两 (二招 "two tricks" is one, as is 二居 "a two-room flat")
        if not arabic and core == "二" and kind == "count" and unit not in ("招", "居", "居室") and not (unit == "人" and _two_people(f, start, end)):
            return
        if not arabic and core == "一" and unit in ("度", "代") and q_left is None and not (unit == "度" and prev in _DEGREE_CHANGE_BEFORE):
            self.add(None, start, tend, 0)
            return  # 一度 "at one time" (早前一度严重), 前一代 / 上一代 "the generation before": no count of one
        # the indefinite 一 before a classifier: 一家公司 "a company"
        if (not arabic and core == "一" and kind == "count" and q_left is None and not said and f[start - 2 : start] not in _ONE_CONTRAST
                and prev not in ("第", "前") and not (unit and _contrasted(f, start, end, unit[0]))
                and not _after_every(f, start) and not _after_its_noun(f, start, tend)):
            return
        if core == "1" and unit == "次" and kind == "count" and s2 == start and low_high is None and _PER_TIME_COUNT_RE.match(f, tend):
            self.add(None, start, tend, 0)
            return  # 1次买20双: "at a time" for the count after it, no count of one (as 一次买20双)
        # 十一届全国人大: a term counted without 第 is an ordinal (做了六届 counts them)
        if kind == "count" and unit == "届" and core != "两" and low_high is None and val is not None and _TERM_BODY.match(f, tend):
            kind, source = "ordinal", "rule:ordinal"
        # 十四届全国人大三次会议: the session of a numbered term is an ordinal (召开了三次会议 counts them)
        if kind == "count" and unit == "次" and low_high is None and _SESSION_AFTER.match(f, tend) and _NUMBERED_TERM_BEFORE.search(f, max(0, s2 - 12), s2):
            kind, source = "ordinal", "rule:ordinal"
        if (
            kind == "money" and low_high is None and val is not None and g.cur
            and f[tend : tend + 1] in _RANGE_FIRST and not g.per and not _CHANGE_VERB_BEFORE.search(f, max(0, s2 - 4), s2)
        ):  # (a rate read from the left, 每年学费为1万澳元至1.4万澳元, stays the range's unit)
            # 2.3万元-2.4万元/平方米: a range that writes its currency twice
            r2 = _RANGE_SEP.match(f, tend)
            m2 = _NUMBER_RE.match(f, r2.end()) if r2 else None
            t2 = _TAIL_RE.match(f, m2.end()) if m2 and m2.end() > m2.start() else None
            v2 = parse_number(m2.group(0)) if t2 is not None and t2.group("cur") == g.cur else None
            if v2 is not None and v2 * scale > val * scale:
                val, low_high, scale = None, (val * scale, v2 * scale), 1.0
                if t2.group("per"):  # type: ignore[union-attr]
                    unit = "/" + t2.group("per")  # type: ignore[union-attr]
                tend = t2.end()  # type: ignore[union-attr]
        elif (
            kind in ("count", "number") and low_high is None and val is not None and g.mw and unit == g.mw
            and scale == 1.0 and not g.post and f[tend : tend + 1] in _RANGE_FIRST and not _CHANGE_VERB_BEFORE.search(f, max(0, s2 - 4), s2)
        ):
            # 2200点至2300点, 3万辆-5万辆: a range that writes its unit twice (after 增持 the 至 is "to")
            r2 = _RANGE_SEP.match(f, tend)
            m2 = _NUMBER_RE.match(f, r2.end()) if r2 else None
            t2 = _TAIL_RE.match(f, m2.end()) if m2 and m2.end() > m2.start() else None
            v2 = parse_number(m2.group(0)) if t2 is not None and t2.group("mw") == g.mw else None
            if v2 is not None and v2 > val:
                val, low_high = None, (val, v2)
                tend = t2.end()  # type: ignore[union-attr]
        if unit == "点" and low_high is not None and _whole_in(low_high, 0, 24) and low_high[0] < low_high[1]:
            # 9点到11点, 8点-10点: hours of the day, no index points (those run in the hundreds and thousands)
            hours = {"start": f"T{int(low_high[0]):02d}", "end": f"T{int(low_high[1]):02d}"}
            self.add(self.make(s2, tend, "date", hours, "rule:date", relative=True), s2, tend, 2)
            return
        if (
            unit == "点" and f[tend : tend + 1] == "多" and arabic and low_high is None and val is not None and val == int(val)
            and 1 <= val <= 24 and s2 == start and prev not in _DEGREE_CHANGE_BEFORE and not _CHANGE_VERB_BEFORE.search(f, max(0, start - 4), start)
            and _MARKET_WORD.search(f, max(0, start - 12), start) is None
        ):
            # 睡到4点多, 忙到晚上10点多 without 晚上: an hour of the day and more, no index points (those run in the
            # tens and more after a market's words: 沪指涨4点多, 大盘跌了40点多)
            self.add(self.make(start, tend + 1, "date", f"T{int(val):02d}", "rule:date", qualifier="over", relative=True), start, tend + 1, 2)
            return
        if kind == "count" and f[tend : tend + 1] == "/" and (g.mw or g.latin) and (pu := _PER_UNIT_RE.match(f, tend)):
            unit, tend = f"{unit}/{pu.group(1)}", pu.end()  # 120公里/小时, 350km/h, 10张/秒: a rate's unit as written
        if low_high is not None:
            lo_v, hi_v = low_high
            val = {"low": format_value(lo_v * scale), "high": format_value(hi_v * scale)}
        elif val is not None:
            val = format_value(val * scale)
        if val is None:
            return
        # what make() would return, without its keyword call (once per count, amount or percent)
        self.add((kind, val, (unit, currency, qual, self.change(s2), False, source)), s2, tend, 2)
        if prev in _COORD_SEPARATORS and low_high is None and s2 == start and core[-1:] not in _LATIN_MAGNITUDES:
            # 10、20元, 3、5和8家: each number listed before is an amount or count of its own, with
            # the magnitude written after the last (3、4万元: 30000 and 40000)
            mag = _magnitude(core) * scale
            self.coordinated(start, kind, partial(_scaled, mag), (unit, currency, None, None, False, source))

    def bare(self, start: int, end: int, core: str, value: float | None, low_high: Any, over: str | None,
             arabic: bool, g: _TailGroups, tend: int) -> None:
        """A number with nothing after it that says what it counts."""
        f = self.f
        if not arabic and value is not None and 1000 <= value <= 2200 and (sm := _CN_YEARS_SEASON_RE.match(f, start)):
            # 一九九七至一九九八赛季: a span of years (as 1997至1998赛季, which the date pass reads)
            high = parse_number(sm.group(1))
            if high is not None and value < high <= value + 30:
                years = {"start": f"{int(value):04d}", "end": f"{int(high):04d}"}
                self.add(self.make(start, sm.end(), "date", years, "rule:date"), start, sm.end(), 2)
                return
        if not arabic:
            # Chinese numerals alone are words (一定, 十一 the holiday) unless they carry a magnitude: 三千万
            if _BIG_CHARS.isdisjoint(core) or (core[0] in "万亿" and not (over and f[start : start + 1] in _OVER_BIG) and not (
                core == "万亿" and start > 0 and f[start - 1] in _BOUND_BEFORE_BIG
            )):
                return  # 十一 (双十一, the holiday), 二十: words; 三千万, 上亿 and 超万亿 are numbers (走近万里 is none)
        if value is None and low_high is None:
            return
        # a year written without 年: 2018 looks like a year
        # 3000多, 6000余 say "over" and count something (22+6+5 is a line of statistics, 8+5 a name)
        more = g.more is not None and g.more.strip() in ("多", "余", "有余")
        if arabic and value is not None and _YEAR_LIKE_RE.fullmatch(core) and not more and (
            f[start - 1 : start] not in _CUR_SYMBOLS and f[start - 2 : start].rstrip() not in _CUR_SYMBOLS  # ¥1999 is a price
        ):
            nxt = f[end : end + 1]
            if f[start - 1 : start] in _ROOM_BEFORE or nxt in _ROOM_AFTER or (nxt == "、" and _ROOM_LIST_AFTER_RE.match(f, end)):
                self.add(None, start, end, 0)  # 二层2076#, 东厅2002, 1908室, 1901、1908室: a room or a shop's number
            elif f[start - 1 : start] in _LEVEL_VERB_LAST and _LEVEL_VERB_BEFORE.search(f, max(0, start - 3), start) or f.startswith(_LEVEL_AFTER, end):
                self.add(self.make(start, end, "number", format_value(value), "rule:number"), start, end, 2)  # 失守1900: an index level
            elif nxt not in _YEAR_NOT_NEXT and not nxt.isdigit():  # (a set: "" in ".%,-" would hold at the end)
                self.add(self.make(start, end, "date", core, "rule:date:bare-year"), start, end, 3)
            return
        s2, q_left, cur_left = self.left(start)
        if arabic and not _has_magnitude(core) and not cur_left and not more and not _QUOTE_BEFORE.search(f, max(0, s2 - 4), s2) and not (
            "." in core and _MARK_AFTER_RE.match(f, end)
        ) and not f.startswith(_LEVEL_AFTER, end) and not (  # 破7000大关, “140防线”: a level, its unit left out
            "赔" in f[start - 6 if start > 6 else 0 : start] and _ODDS_BEFORE.search(f, max(0, start - 6), start) is not None
            and f[end : end + 1] != "." and _ODDS_VALUE_RE.fullmatch(core) is not None
        ):  # (主胜赔1.70明显偏高, 主胜赔率在1.53左右: odds, a plain number)
            return  # a bare small number: a list enumerator, a score, a code (not 3000多, nor a quote: 汇率中间价报7.1025)
        unit = None
        if not cur_left and (lw := _latin_noun(f, core, end, tend)):
            # 3000亿tokens, 1.2亿DAU: a Latin noun counted by an amount is its unit, as 3亿用户 is
            kind, unit, tend = "count", lw.group(1), lw.end()
            v: Any = format_value(value) if low_high is None else {"low": format_value(low_high[0]), "high": format_value(low_high[1])}
            self.add(self.make(s2, tend, kind, v, "rule:count", unit=unit, qualifier=q_left or over), s2, tend, 2)
            return
        if (
            not cur_left and not g.post and (more or _has_magnitude(core)) and "\u4e00" <= f[tend : tend + 1] <= "\u9fff"
            and not f[tend - 1].isspace() and (f[tend] not in _NOUN_STOP or f.startswith(_STOP_BEFORE_PEOPLE, tend))
            and (nm := _NOUN_AFTER_GE.match(f, tend)) is not None
            and _MONEY_NOUN_AFTER.match(f, tend) is None
            and (head := _noun_counted(nm.group(0)[:8], self.segmenter or default_segmenter())) is not None
        ):
            # 15万渡船工人, 200余新生, 611万高校毕业生, 13亿中国人, 17万在校中学生: the people a bare amount counts are its
            # unit, in the span as 3亿用户's (not past a space, nor a name, a time or anything but people: 百万豪宅, 4万亿政府投资)
            v = format_value(value) if low_high is None else {"low": format_value(low_high[0]), "high": format_value(low_high[1])}
            e2 = tend + nm.group(0).find(head) + len(head)
            self.add(self.make(s2, e2, "count", v, "rule:count", unit=head, qualifier=q_left or over), s2, e2, 2)
            return
        per = _PER_AFTER_RE.match(f, tend)
        if per and (_has_magnitude(core) or cur_left):
            unit, tend = "/" + per.group(1), per.end()  # 约12万/亩: an amount per mu (the currency is the article's)
            if f[tend : tend + 1] == "/" and (per2 := _PER_AFTER_RE.match(f, tend)) is not None:
                unit, tend = unit + "/" + per2.group(1), per2.end()  # $7/人/天: per person and day
        elif cur_left and (pl := _PER_LEFT.search(f, max(0, s2 - 6), s2)):
            unit = "/" + pl.group("per")  # 每股HK$12.5: a price per share, as 每股12.5港元
        qual = over if q_left == "about" and over else (q_left or over)  # 大概有200多万户: the bound wins over an about-word
        if g.post:
            qual = qual or _BOUND_RIGHT[g.post.strip()]
        if low_high is not None:
            val: Any = {"low": format_value(low_high[0]), "high": format_value(low_high[1])}
        else:
            val = format_value(value)  # type: ignore[arg-type]
        kind = "money" if cur_left else "number"
        if not cur_left and f[s2 - 2 : s2] == "价值" and _has_magnitude(core):
            kind, cur_left = "money", "CNY"  # 价值千万的处方: worth ten million, money in the article's currency
        self.add(
            self.make(s2, tend, kind, val, "rule:" + kind, unit=unit, currency=cur_left, qualifier=qual, change=self.change(s2)),
            s2, tend, 2,
        )


_RANGE_FIRST = set("-~至到—－～")
#: A part of a day after a day's date and before a range's separator (22日晚上至23日, 5日夜间到6日白天).
_SUB_DAY_TO_RE = re.compile(rf"(?:{_TIME_PREFIX}|白天|夜)(?=\s?(?:至|到|-|~|—|－|～))")
_SUB_DAY_FIRST = frozenset(w[0] for w in (*_TIME_PREFIX.split("|"), "白天", "夜"))
#: After a level of a price or an index: what it is to the market (1180是第一支撑, 3202是短期阻力位, 2800点支撑).
_SUPPORT_AFTER = re.compile(r"(?:是|为)?(?:第[一二三]|短期|中期|长期|强|重要|关键|技术)?(?:支撑|阻力|压力)")
_SUPPORT_FIRST = frozenset("是为支阻压")
#: After 百人, 千人: names (百人计划, 百人会, 千人团), no hundred people.
_HUNDRED_NAME_NEXT = frozenset("会计团")
#: After 个钟 "hours" (Cantonese-style, 排队要1个钟): words with 钟 (钟表, 钟楼), no hours.
_CLOCK_WORD_NEXT = frozenset("表楼声摆点")
#: After 省: words that start with it (省钱, 省级, 省委), no provinces counted.
_SHENG_WORD_NEXT = frozenset("道钱心事力时级会委长内外直属略油电下去了得城政府部厅")
#: After 国 counted by digits: a group's name or a word that starts with 国 (7国集团, 8国联军, 3国产手机).
_GUO_WORD_NEXT = frozenset("集联企产内际外有庆债资民籍土务道旗歌宝足脚奥字号标货营航青王")
#: A space between a magnitude and a smaller one with no digit (一万 百脑汇, 三千 百): two words, no number.
_SPACED_MAGNITUDE_RE = re.compile(r"(?<=[十百千万亿兆])\s+(?=[十百千])")
_PERIOD_ENDED_FIRST = frozenset("止 ")
#: The quarters named before a quarter's date, each followed by 、 (一、二季度; 1、2、3季度; 第一、二季度).
_COORD_QUARTERS = re.compile(r"(?<![\d一二三四五六七八九十])(?:第?[1-4一二三四]、)+$")
#: A year word right before a list of quarters (今年一、二季度).
_REL_YEAR_BEFORE = re.compile(r"(今年|去年|明年|前年|本年|上年)$")
#: The second end of a range of 百分之 (百分之十到二十, 百分之五至百分之八).
_PCT_WORD_TO_RE = re.compile(rf"\s?(?:到|至|-|~)\s?(?:百分之)?([{CN_DIGIT_CHARS}十百]+(?:点[{CN_DIGIT_CHARS}]+)?)")
#: Numbers listed with 、 before a fact (3、4天, 十、二十元), and each of them.
#: What joins the numbers of such a list: 、 and the conjunctions (3、5和8亿元, 5或6家).
_COORD_SEPARATORS = frozenset("、和及或与")
_MINUS_SIGNS = frozenset("-−负")
_COORD_BEFORE = re.compile(
    r"(?<![\d./一二两三四五六七八九十百千万第A-Za-z])(?:(?:\d{1,4}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})[、和及或与])+$"
)
_COORD_ITEM = re.compile(r"\d{1,4}(?:\.\d+)?|[一二两三四五六七八九十]{1,3}")
#: Units of temperature, which 零下 makes negative.
_DEGREES = frozenset(("℃", "°C", "°", "度", "摄氏度", "°F", "℉"))
#: The measure words :meth:`_Scanner.number` reads a rule of their own for (三两, 2023级, 二环, 国11条, 零下5℃, 3任务,
#: 1米8, 一倍多, 点击, 十分, 关口, 对话, 首付 …); the others (家, 人, 次, 只 …) skip those rules. A rule added
#: there for another measure word needs it here (tests/test_numeric.py checks the units the rules name).
_MW_WITH_RULES = frozenset(("两", "级", "届", "环", "条", "米", "倍", "点", "分", "关", "对", "首", "起", "期", "平", "位", "单", "幢", "栋", "局", "班")) | _DEGREES | _WORDLIKE_UNITS
#: The groups whose numbered engineering bureaus are companies (中铁十四局, 中建三局; 铁道部十四局 too), and a
#: bureau's numbered division after it (十四局三处).
_BUREAU_OWNERS = frozenset(("中铁", "中建"))
_BUREAU_DIVISION_RE = re.compile(r"[一二三四五六七八九十\d]{1,2}处")
#: An aperture (F2.8, f/1.8, F3.5-5.6): F or f, a slash, one or two digits and a decimal; a second end.
_F_NUMBER_RE = re.compile(
    r"(?<![A-Za-z0-9])[Ff]/?(?P<a>\d{1,2}(?:\.\d{1,2})?)(?:\s?[-~]\s?[Ff]?/?(?P<b>\d{1,2}(?:\.\d{1,2})?)(?![\d.])|(?![\d.A-Za-z]))"
)
_F_NUMBER_PREV = frozenset("Ff/")
#: A market quote right before a number whose unit is left out (恒指收报19864, 汇率中间价报7.1025,
#: 收于3.2): a number, where other bare small numbers are enumerators, scores or codes.
#: Verbs of a market's level (失守1900, 跌破2000, 上望25000): a quote (:data:`_QUOTE_BEFORE`) and no year
#: (:data:`_LEVEL_VERB_BEFORE`).
_MARKET_LEVEL_VERBS = ("上望", "失守", "跌破", "站稳", "守住", "收复", "重返", "重上", "重回", "下探")
_QUOTE_WORDS = (
    "收报", "报收", "收于", "收在", "开盘报", *(c + "报" for c in "指价率数盘股点"), *_MARKET_LEVEL_VERBS, "目标位在", "目标位",
    "阻力位", "支撑位", "支持位", "阻力位在", "支撑位在", "支持位在", "阻力", "支撑", "围绕",
)
_QUOTE_BEFORE = re.compile(rf"(?:{alternation(_QUOTE_WORDS)})$")
#: After a decimal, the judges' mark it is (获得了9.575的最高分, 以9.8的高分夺冠): a number, no code.
_MARK_AFTER_RE = re.compile(r"的(?:(?:最高|最低|平均|高|低|总|好)分|得分|成绩|分(?![支数析钟布配享别红线子]))")
#: Their last characters: a test before the search (not 为 nor 上, which stand before numbers everywhere).
_QUOTE_LAST = frozenset(w[-1] for w in _QUOTE_WORDS)
#: What follows 平 when it is a flat's square metres (160平三居, 61平起, 90平的房子, 85平2居, 120平左右).
_AREA_PING_NEXT_RE = re.compile(
    r"起|左右|以上|以下|以内|户型|大户|小户|精装|公寓|别墅|复式|跃层|现房|住宅|户|房|均价|联排|独栋|叠拼|洋房|板楼|塔楼|商铺|在售|待售|开盘|入市|"
    r"(?:1[0-2]|0?[1-9])月|"  # (三居140-150平12月开盘)
    r"朝[东南西北]|[东南西北]{1,2}向|南北通透|"  # (45平朝南一居, 90平南北通透: a flat's facing)
    r"大?[一二三四五两1-5](?:[-~至到][一二三四五两1-5])?[居室房]|"
    r"的[\u4e00-\u9fff]{0,4}?(?:房|户|居|公寓|别墅|面积|住宅|空间)"
)
#: What a price "from" follows in a headline (三居17000起, 别墅20000起, 月薪2万起) and what stands after its
#: 起 then (no noun: 1200起事故 counts accidents).
_FROM_PRICE_PREV = frozenset("居平价薪租售墅房寓铺型降减低付")  # (最低56万起, 首付10万起)
#: Fares "from", which may be under 1,000 (三亚游138起, 机票70起).
_FROM_FARE_PREV = frozenset("游票")
#: A group-buy listing's words before its price "from" (明日可用218起, 3人起订238起).
_DEAL_LISTING_BEFORE = frozenset(("可用", "起订"))
_HAN_NOUN_START = re.compile(r"[\u4e00-\u9fff](?<![全的步售均单总首现购])")  # (180万起均价…: another price follows; 30万起购)
#: A month count written like a month: 2月, 十二月 (not 2月5日).
#: Words right before N月 that make it a number of months (连续3月下滑, 未来三月), not a month of the year.
_MONTHS_COUNTED_AFTER = frozenset({"持续", "连续", "长达", "历时", "为期", "未来", "过去", "最近", "怀孕"})  # (怀孕8月: eight months pregnant)
#: 每 and the last characters of those words: what stands right before N月 that :func:`_months_counted` accepts
#: (the date pass reads 每 2月, with a space, as before: a month).
_EVERY_LAST = frozenset(w[-1] for w in _MONTHS_COUNTED_AFTER) | {"每", "近"}
#: Before 近 + N月 when it is "close to month N" (接近3月底, 临近9月), not "the past N months" (近3月).
_NEAR_TIME_HEADS = frozenset("接将临靠逼贴附")
#: Verbs after 一月 that make it "(in) one month" (一月能赚, 一月用去), no January (一月能源, 一月用电量 keep it).
_A_MONTH_VERBS = frozenset(("赚", "挣", "花", "能赚", "能挣", "能拿", "能领", "可赚", "可拿", "可领", "用去", "用掉", "花去", "要花"))
_A_MONTH_FIRST = frozenset(w[0] for w in _A_MONTH_VERBS)
_MONTHS_ONLY = re.compile(r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})月(?![\d一二三四五六七八九十]+[日号])")
#: "Every N units" right before a number: 每2月一次 counts one time in it.
_EVERY_BEFORE = re.compile(r"每(?:\d+|[一二两三四五六七八九十]+)?个?(?:年|月|周|星期|天|日|小时|季度)$")
#: A month and nothing more ("--08", "2025-08").
_MONTH_VALUE = re.compile(r"^(?:--|\d{4}-)\d\d$")
#: A "per one" denominator right after an amount (6000多元一平方米, 3万元一年): the amount's unit.
_PER_ONE_AFTER_RE = re.compile(r"\s?[一1]\s?个?(平方米|平米|斤|公斤|千克|吨|亩|晚|天|年|月|人|张|件|台|辆|次|小时)(?![\u4e00-\u9fff]*[0-9一二两三四五六七八九十百千万亿]+\s?[元块])")
#: "/ unit" right after a bare amount (约12万/亩).
#: A price's unit after a bare number with no currency word (7000/人, 2500/月, 120/人/天; /人民币, /人次 are none).
_PER_PRICE_RE = re.compile(r"/\s?(人|位|晚|天|月|平米|平方米)(?:/\s?(天|晚|月|次))?(?![民次口均])")
_PER_AFTER_RE = re.compile(r"\s?/\s?(平方米|平米|亩|吨|斤|公斤|千克|人|月|年|天|股|台|辆|件|次)")
#: After a trailing 多 that makes it a word (多少, 多次, 多个, 多名): 三年多少 is no "over three years".
_DUO_WORD_NEXT = frozenset("出于少次个名家位种项人年月天万亿倍元条只件部")
#: After 两 when it counts (两个月, 两年, 两家) rather than weighs (5两酒): a classifier or a time unit.
_LIANG_COUNTS_NEXT = frozenset("个年月天周日次位名家人条种项所只件部场届季")
#: A policy named by the issuer's one-character short name and its number of articles: 国11条, 新国十条,
#: 粤15条 (not 全国11条, 中国3条: a country's roads or rules counted).
_POLICY_HEADS = frozenset("国粤沪京深穗苏浙")
_POLICY_NOT_AFTER = frozenset("全中各美英法德韩外本出回该两多等")
#: Shots taken and made in a game report: 12投9中, 16投仅4中, 两罚两中.
#: Written as ``(?<![\d.])(\d{1,3}|[一…十]{1,3})(投|罚)…``, with the first numeral's first character
#: read first and the lookbehind after it: a pattern that starts with a lookbehind is tried at every
#: position of the text, one that starts with a class only at the characters of the class (the
#: texts of cnews-800 searched for shots, replayed: 22 -> 6 ms; tests/test_numeric.py checks the two
#: forms agree).
_SHOTS_RE = re.compile(
    r"([\d一二两三四五六七八九十](?<![\d.].)(?:(?<=\d)\d{0,2}|(?<=[一二两三四五六七八九十])[一二两三四五六七八九十]{0,2}))"
    r"(投|罚)(?:仅|只|共)?(\d{1,3}|[一二两三四五六七八九十]{1,3})中(?![国心间学华央部期旬文级])"
)
#: What every match of :data:`_SHOTS_RE` holds, 投 or 罚 after a numeral, found from the rare first
#: character: texts without it are not searched for shots (259 texts of cnews-800 searched, 6.0 -> 2.5 ms).
#: One search per character, each found from the character itself (a class of the two was tested at
#: every character of the text: 5.4 M -> 1.2 M instructions on 200 articles).
_SHOTS_HEADS = tuple(re.compile(rf"{c}(?<=[\d一二两三四五六七八九十]{c})") for c in "投罚")
#: Before 数 when it ends a word (人数, 总数, 次数): the numeral after it is no vague 数百, 数千.
_SHU_WORD_HEADS = frozenset("人总次户基指系件台票分岁股倍项位名家条场本册页辆套字个点天年周月期局回参函")
#: Bound words that may stand right before a bare 百, 千 or 万 (近百名, 逾千人, 超万人): a number.
_BOUND_BEFORE_BIG = frozenset("近逾超")
#: A Chinese numeral written digit by digit (九一, 二〇〇八): a year or a code, never an amount of time.
_CN_DIGITS_ONLY = re.compile("[〇零一二两三四五六七八九]+")
#: Two years written digit by digit in Chinese, a range (一九九七至一九九八, 二〇〇一—二〇〇五: folded, — is -).
_CN_YEARS_RANGE_RE = re.compile(r"[〇零○0一二三四五六七八九]{4}\s?(?:-{1,3}|~|至|到)\s?[〇零○0一二三四五六七八九]{4}")
#: The same before a season's word, without 年 (一九九七至一九九八赛季): the second year, group 1.
_CN_YEARS_SEASON_RE = re.compile(
    r"[〇零○0一二三四五六七八九]{4}\s?(?:-{1,3}|~|至|到)\s?([〇零○0一二三四五六七八九]{4})(?=\s?(?:赛季|年度|财年|学年))"
)


def _years_range(f: str, start: int, end: int, low_high: tuple[float, float], arabic: bool) -> bool:
    """Whether the range ``f[start:end]`` (values ``low_high``) is one of years: both ends whole, from 1000 to 2200,
    and in Chinese numerals written digit by digit (一九九七, not 一千九百九十七, which is a number of years).

    >>> _years_range("2005-2007年", 0, 9, (2005, 2007), True), _years_range("一九九七至一九九八年", 0, 9, (1997, 1998), False)
    (True, True)
    >>> _years_range("一千至两千年", 0, 5, (1000, 2000), False), _years_range("3至5年", 0, 3, (3, 5), True)
    (False, False)
    """
    if not all(1000 <= v <= 2200 and v == int(v) for v in low_high):
        return False
    return arabic or _CN_YEARS_RANGE_RE.fullmatch(f, start, end) is not None
#: Two years joined as a range, no 年 after them (2011-2012): see :func:`_is_years_span`.
_BARE_YEARS_RE = re.compile(r"(?:19[5-9]\d|20[0-3]\d)\s?(?:-{1,3}|~|至|到|—|－|～)\s?(?:19[5-9]\d|20[0-3]\d)")


def _is_years_span(f: str, start: int, end: int, low: float, high: float) -> bool:
    """Whether ``f[start:end]``, two numbers joined as a range with no unit after them, is a span of years:
    two four-digit years at most ten apart, with no digit, sign or code around them (a range of amounts runs
    wider, 2000-3000, or writes its unit).

    >>> _is_years_span("发布2011-2012中国互联网报告", 2, 11, 2011, 2012), _is_years_span("2008至2010全国统计", 0, 9, 2008, 2010)
    (True, True)
    >>> _is_years_span("月薪2000-3000", 2, 11, 2000, 3000), _is_years_span("编号1999-2005-3", 2, 11, 1999, 2005)
    (False, False)
    """
    return (
        0 < high - low <= 10
        and _BARE_YEARS_RE.fullmatch(f, start, end) is not None
        and f[end : end + 1] not in _YEAR_NOT_NEXT
        and not f[end : end + 1].isdigit()
        and f[start - 1 : start] not in _YEAR_NOT_NEXT
        and not (f[start - 1 : start].isascii() and f[start - 1 : start].isalnum())
    )
#: A verb of change right before an amount (增持77.1万股至344.45万股): its 至 says "to", no range.
_CHANGE_VERB_BEFORE = re.compile(rf"(?:{_GROWTH_UP}|{_GROWTH_DOWN})了?$")
#: A moving average or chart named by its span (5日均线, 120天均线, 20周线, 60月线).
_MOVING_AVERAGE_RE = re.compile(r"[日天周月](?:均线|线)")
#: Months listed before the count of them (4、5两个月, 6、7、8三个月).
_MONTH_LIST_RE = re.compile(r"(?<![\d.、第])((?:(?:1[0-2]|0?[1-9])、)+(?:1[0-2]|0?[1-9]))(?=[两二三四五六]个月)")
#: How every match of :data:`_MONTH_LIST_RE` ends: a text without it is not searched for the list, whose
#: pattern (a lookbehind first) is tried at every position (78 texts of cnews-800: 9.9 -> 1.3 ms). It is
#: searched from 个月, a word the engine finds at once, and then looks behind it (from \d, a class read at
#: every character: 3.5 M -> 0.25 M instructions on 200 articles).
_MONTH_LIST_END_RE = re.compile(r"个月(?<=\d[两二三四五六]个月)")
_MONTH_NUM_RE = re.compile(r"1[0-2]|0?[1-9]")
#: Two-digit years listed before a year (03、04年): each one and the 、 after it.
_COORD_YEARS = re.compile(r"(?<![\d.])(\d{2})、(?=(?:\d{2}、)*\d{2}\s?年)")
#: A year written right before a list of months (2008年11、12月).
_YEAR_BEFORE = re.compile(r"((?:1[5-9]|20|21)\d\d)\s?年\s?$")
#: After N幢 or N栋, the entrance or flat of an address (10幢1单元, 3栋502室).
_ADDRESS_NEXT_RE = re.compile(r"\d{1,2}单元|\d{3,4}室|\d{1,2}号楼")
#: Words of ranking right before N位 (排名为259位, 排在12位, 名列3位): a rank.
_RANK_WORDS = ("排名", "排行", "排位", "排在", "排", "名列", "位列", "位居", "列", "升至", "跌至", "降至", "滑落至", "升到", "跌到", "降到")
_RANK_JOINS = ("为", "在", "第")
_RANK_BEFORE = re.compile(rf"(?:{alternation(_RANK_WORDS)})(?:{alternation(_RANK_JOINS)})?$")
_RANK_LAST = frozenset(w[-1] for w in (*_RANK_WORDS, *_RANK_JOINS))
#: After 每周N, what makes N a count (每周三次, 每周两场, 每周五天): no weekday.
_TIMES_AFTER_WEEKDAY = frozenset("次场回趟天节个期")
#: Ring roads: a compass point before (东2环) or what follows their name (3环以内, 2环路, 4环外).
_COMPASS = frozenset("东西南北")
_RING_ROAD_AFTER = frozenset("内外路边沿以附线")
#: After 这一年, 那一天, the start of a clause that says what happened then (这一年他, 那一天也): a time, no length
#: (这一年锁定期内, 这一年的交流经历 are lengths).
_THIS_YEAR_NEXT = frozenset("他她它我你咱大全又也就都还却是才正便仍已")
#: 四周 "all around": after a place, before these (四周的, 四周都, 四周围, 场地四周，); not after a verb of time.
_AROUND_AFTER = frozenset("的都围环是有，,。")
_FOUR_WEEKS_BEFORE = frozenset("了续期近过前后这达用花第每隔满")
#: After 年, what makes it part of a time word (年底, 年初, 年末): an amount in 万 or 亿 before it counts no years.
_YEAR_PART_AFTER = frozenset("底初末")
#: Nouns a year written without 年 names the topic of (2011国家公务员考试, 2009城市规划, 2011研究生招生, 2008奥运; 2000经验
#: counts points, 2000考生 examinees).
#: 游 that makes N日 a tour's length (:data:`~nlp_news.numeric.dates.DAY_TOUR`, as the date pattern reads it).
_DAY_TOUR_RE = re.compile(DAY_TOUR)
#: What N点 counts when these follow it (10点建议, 三点意见): points made, no index points.
_POINTS_COUNTED = frozenset(("建议", "意见", "看法", "体会", "要求", "感想", "措施", "启示", "理由", "原因", "共识", "希望", "提示", "忠告", "疑问"))
#: Issuers whose name before 债 makes a kind of bond (公司债, 企业债), no count of them.
_BOND_ISSUERS = frozenset(("公司", "企业"))
_YEAR_TOPICS = frozenset((
    "国家", "城市", "研究生", "考研", "高考", "中考", "公务员", "国考", "司法", "奥运", "世博", "春晚", "两会", "世界杯",
    "亚运", "全运会", "高校",
))
#: After a time unit, the characters that make it a word (天王, 天然气, 年展): the number measures no time.
_TIME_UNIT_WORDS = {"天": ("王", "然气"), "年": ("展",)}
#: What a phase of building is named after (松坪村三期, 花园二期, 港区四期) and what it names (三期工程, 二期项目).
_PHASE_OF = frozenset("村园城苑湾府庭居区港厂站场坊镇")
#: Before a phase: what it is named after, or 推 "launch" (2013年推二期).
_PHASE_BEFORE = _PHASE_OF | {"推"}
_PHASE_NEXT_RE = re.compile(
    r"(?:工程|项目|扩建|建设|用地|住宅|楼盘|地块|工厂|厂房|均价|\d{2,3}(?:-\d{2,3})?平"  # (推2期88平起)
    r"|独栋|别墅|洋房|公寓|小?高层|板楼|叠拼|联排|双拼|精装|准?现房|尾房|房源"  # (2期独栋在售, 三期洋房)
    r"|(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|[上中下]旬|中下旬|上中旬|[初中底])?|[本下]?[周月]|年底|年内)?"
    r"(?:开盘|入市|加推|推(?![荐广动进])|交房|认筹|热销|热卖|在售|售罄|售完|售空|卖完|告罄|清盘|封顶|动工|开工))"  # (3期3月开盘, 2期11月13日推: a phase's sale)
)
#: The second end of a range of tenths (5成到6成).
_CHENG_END_RE = re.compile(r"(\d{1,2}|[一二三四五六七八九十])成(?![为交本功立长员绩果就熟])")
#: 一年 "per year" (一天 "per day") before the amount it is the period of (一年运送旅客4000万人次, 一天只能卖出十几盒): a verb
#: or noun, then an amount within four characters; not after words that make it a length (这一年, 用了一年, 近一年) nor before 后, 内, 来 ….
_ONE_YEAR_SPAN_PREV = frozenset("这那每的前后近过去了第用花达满整长有为时期续经耗定")
_ONE_YEAR_SPAN_NEXT = frozenset("后内里来多半的中以之前间零，,。；;、")
_PER_YEAR_AMOUNT_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:\d|[一二两三四五六七八九十几百千万亿](?:[十百千万亿几]|[多余]?[万亿]))")
#: A count right after 一天 or 一年 (一天两顿, 1天5顿, 一年3次): the per-day or per-year amount, which makes 一天 no length.
#: After 一年 or 一天: 里 / 中, then the times something happens in the clause (一年里有那么一两次: how often, no length).
_IN_A_SPAN = frozenset("里中")
_TIMES_IN_CLAUSE_RE = re.compile(r"[^，。；,;！？!?]{0,6}?(?:\d{1,2}|[一两二三四五六七八九十几]{1,3})\s?次(?![数序元])")
_PER_ONE_COUNT_RE = re.compile(rf"(?:\d+|[两二三四五六七八九十几]{{1,3}})(?:{_esc(MEASURE_WORDS)})")
#: After 1次: a verb, then a count or an amount it says "at a time" for (1次买20双, 1次吃3碗).
_PER_TIME_COUNT_RE = re.compile(rf"[\u4e00-\u9fff]{{1,2}}?(?:\d|[两二三四五六七八九十几]{{1,3}}(?:{_esc(MEASURE_WORDS)}))")
#: 有时 "sometimes" and 平时 "usually" before 一天 or 一年 (有时一天要为20多个患者): 时 there ends no length before it (历时一年).
_SOMETIMES = frozenset(("有时", "平时"))
#: After 的一天, what makes it a length of one day (一天的时间, 一天之内, 一天多).
_ONE_DAY_OF_NEXT = frozenset("的时之内以多半里后前中")
#: Physical units a trailing 多 "and more" follows (3公里多, 9米多, 8吨多).
_MORE_AFTER_UNITS = frozenset(("米", "公里", "千米", "吨", "公斤", "千克", "斤", "亩", "平方米", "平米", "公顷", "平方公里", "厘米", "毫米"))
#: Before a year written without 年 and 起 "from" (从2011起, 自2009起).
_SINCE_PREV = frozenset("从自由于")
#: After N年期 or N月期, what makes 期 start a word (期待, 期市, 期货): no term.
_TERM_WORD_NEXT = frozenset("待望盼市货刊")
#: What stands between listed days (8月21日、22日, 9月3日和4日).
#: After N重, what makes it a count of layers (2重优惠, 三重惊喜, 三重境界, 两重身份), or a pause.
_LAYERS_NEXT = frozenset("优惠礼好境保防身含意压困障福豪奖惊挑考,，。;；!！?？、)） ") | {""}
#: Before a Chinese numeral and 科: a hospital's departments named by number (外三科, 内二科).
_DEPARTMENT_HEADS = frozenset("内外骨妇儿眼")
_DAY_LIST_SEPARATORS = frozenset("、和及与")
#: A month's date and the days listed after it, right before a day (8月21日、 or 8月21日、22日、 before 23日).
_LISTED_DAYS_BEFORE = re.compile(
    r"(?<![\d一二三四五六七八九十])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    rf"(?:(?:[0-3]?\d|[一二三四五六七八九十廿卅]{{1,3}})[日号][{''.join(sorted(_DAY_LIST_SEPARATORS))}]\s?)+$"
)
_COORD_NUM = re.compile(r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]")
#: The months named before a month's date, each followed by 、 (7、8月; 三、四、五月).
_COORD_MONTHS = re.compile(r"(?<![\d一二三四五六七八九十])(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])、)+$")
#: Months listed before 和 (or 及, 与, 或) and a 、-list of months (4、5和9、10月, 5和9、10月): searched up to the 和.
_AND_MONTHS = re.compile(r"(?<![\d一二三四五六七八九十、.])(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])、)*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])$")
_AND_WORDS = frozenset("和及与或")
_GE_CURRENCIES = ("元", "人民币", "美元", "港元", "港币", "欧元", "日元", "英镑", "块")
#: 亿 or 万 after 个 (1个亿, 两个多亿元, 十几个亿左右): a magnitude, with what may follow it. 万 only
#: before a currency, a bound or a pause (三个万能充电器 counts chargers).
_GE_MAGN_RE = re.compile(
    rf"(?P<more>多)?(?:(?P<m>亿)(?![万亿])|(?P<m2>万)(?=[的，,。；;、）)\s]|$|{_esc(_GE_CURRENCIES)}|左右|{_UPDOWN}|以上|以下))"
    rf"\s?(?P<cur>{_esc(_GE_CURRENCIES)})?(?P<post>左右|{_UPDOWN}|以上|以下)?"
)
_SETTLEMENT = frozenset("TtD")
#: What may follow a number that ends a Latin name (iPhone 4, ISO 2000): a pause or the end.
_NAME_NUMBER_END = frozenset(" ,.;:)，、。；：）!?！？") | {""}
_CN_SET = frozenset(_CN_CHARS)
#: The groups of a :data:`_TAIL_RE` match by name (a tuple: cheaper to make than a groupdict()).
_TailGroups = namedtuple("_TailGroups", sorted(_TAIL_RE.groupindex, key=_TAIL_RE.groupindex.__getitem__))
_NO_TAIL = _TailGroups._make([None] * _TAIL_RE.groups)
#: A time as races and clocks write it: hours, minutes and seconds together (2小时06分15秒, 1小时5分),
#: minutes and seconds (3分45秒), seconds and their hundredths (9秒58, 1分59秒40); a number alone
#: before 小时 or 分 is no match (the number pass reads 2小时, 30分钟).
_CLOCK_TIME_RE = re.compile(
    r"(?:(?P<h>\d{1,3})\s?(?:个)?小时\s?零?(?P<hm>\d{1,2})\s?分(?:钟)?"
    r"(?:\s?(?P<hs>\d{1,2})\s?秒(?P<hfrac>\d{1,3}(?![\d.%万亿次个名人位家件场分秒米岁只张条]))?)?"
    r"|(?:(?P<m>\d{1,3})\s?分\s?)?(?P<s>\d{1,2})秒(?:钟)?(?P<frac>\d{2}(?![\d.%万亿次个名人位家件场分秒米岁只张条]))"
    r"|(?P<m2>\d{1,3})\s?分\s?(?P<s2>\d{1,2})\s?秒(?:钟)?(?P<frac2>\d{1,3}(?![\d.%万亿次个名人位家件场分秒米岁只张条]))?)"
    r"(?!\d)"
)
_CLOCK_TIME_NEXT = frozenset("小个分秒 ")


def _clock_duration(m: re.Match[str]) -> str:
    """ISO 8601 of a :data:`_CLOCK_TIME_RE` match.

    >>> [_clock_duration(_CLOCK_TIME_RE.match(t)) for t in ("2小时06分15秒", "1小时5分", "3分45秒", "9秒58", "1分59秒40")]
    ['PT2H6M15S', 'PT1H5M', 'PT3M45S', 'PT9.58S', 'PT1M59.4S']
    >>> _clock_duration(_CLOCK_TIME_RE.match("1小时43分18秒345"))
    'PT1H43M18.345S'

    """
    g = m.groupdict()
    if g["h"] is not None:
        h, mi, sec, frac = g["h"], g["hm"], g["hs"], g["hfrac"]
    elif g["s"] is not None:
        h, mi, sec, frac = None, g["m"], g["s"], g["frac"]
    else:
        h, mi, sec, frac = None, g["m2"], g["s2"], g["frac2"]
    out = "PT"
    if h is not None:
        out += f"{int(h)}H"
    if mi is not None:
        out += f"{int(mi)}M"
    if sec is not None:
        out += f"{format_value(float(f'{int(sec)}.{frac}')) if frac else int(sec)}S"
    return out
_CUR_SYMBOLS = set("$¥€£")
_AFTER_BEFORE_RE = re.compile(r"\s?(?:之后|以后)\s?(?:到|至)?\s?")
#: What :data:`_AFTER_BEFORE_RE` starts with after its optional space.
_AFTER_FIRST = frozenset("之以")
_BEFORE_RE = re.compile(r"\s?(?:之前|以前)")
_PCT_TO_RE = re.compile(r"(?:-|~|至|到)\s?(\d+(?:\.\d+)?)\s?([%‰])")
_CAPITALS = set("拾佰仟壹贰叁肆伍陆柒捌玖")
_LATIN_SCALE_RE = re.compile(_LATIN_SCALE)
_CLAUSE_END_CHARS = set(",，。;；!！?？、)） ") | {""}
#: One digit after 块 that is its 角 (3块5, 三块五), not the start of another number.
#: Characters that make a word with a bound character after them: 最近, 附近, 合约 (a contract), 预约.
_BOUND_IN_WORD = {
    "近": "最接将逼附贴拉靠走临亲就凑挨",
    "超": "最接将逼附反赶高中英意德法西葡荷俄韩日土苏澳美",  # 中超12轮, 英超: leagues
    "约": "合签预节契条公违履特邀相制婚缔毁赴誓盟北纽",  # 北约: NATO, 纽约: New York
}  # not 失: 损失约6亿
_KUAI_JIAO_RE = re.compile(r"([1-9一二三四五六七八九])(?! ?[\d./:%]|[一二三四五六七八九十百千万亿块元角毛分英寸米])")
#: Before N日 when it counts days back or forth (过去一日, 近3日, 这两日, 前3日, 后5日), not a day of the month
#: (the date pattern leaves these out the same way: dates.DAYS_COUNTED_AFTER).
_SPAN_OF_DAYS_PREV = frozenset(DAYS_COUNTED_AFTER + "去")
#: Verbs of needing or taking, and 每隔, before a range of days (需3—5日, 用10至15日, 每隔3至5日): a time, no days of the month.
_NEED_BEFORE_DAYS = frozenset("需要用花耗费等隔每")
#: After a lone 一日 (no month before it), what makes it a length of one day: 一日后, 一日内, 一日之间, 一日以来.
_ONE_DAY_SPAN_AFTER = frozenset("后内间里之以")
#: Before 一度 when it is one degree more or less (气温下降了一度), not the adverb "at one time".
_DEGREE_CHANGE_BEFORE = frozenset("降升高低了差")
#: What 校 starts a word with after a number (校区, 校长, 校园…): no count of schools.
_XIAO_WORD_NEXT = frozenset("长区园友方内外服车庆队花训门规医对准验正企史徽歌风刊级际务舍")
#: Before 周 + N晚 when it counts nights in a week (每周3晚), not a weekday's evening (周3晚开售).
_WEEK_COUNTED_BEFORE = frozenset("每一两几")
#: A crash after N车 (7车相撞, 5车连环追尾, 被2车碾压): the cars are counted.
_CRASH_AFTER = re.compile(r"(?:连环|先后)?(?:相撞|追尾|连撞|碰撞|剐蹭|受损|碾压|碾轧|撞(?!击))")
#: A market named before N点多 (沪指, 大盘, 恒指…): index points, no hour of the day.
_MARKET_WORD = re.compile(r"指|盘|股|市|期货|点位")
#: The centimetres or tenths after 米 in a height or length as said: 2米15, 1米8 (not 2米15厘米, 3米2个).
_METRE_REST_RE = re.compile(r"(\d{1,2})(?![\d.%万亿米个厘公毫])")
_METRE_REST_CN_RE = re.compile(r"([一二三四五六七八九零〇]{1,2})(?![一二三四五六七八九十百千万亿米个厘公毫])")
#: What follows 块 when it is the yuan (see :meth:`_Scanner.number`'s currency branch).
_KUAI_MONEY_NEXT = frozenset("钱来去了就都也给买还借呢吧啊的一多左上以")
#: Words of pay and fees after 块 that make it the yuan (300块奖励, 50块押金), where a noun after 块 is else counted.
_KUAI_MONEY_WORDS = ("奖励", "奖金", "工资", "红包", "押金", "罚款", "补贴", "车费", "路费", "小费", "现金", "报酬", "学费", "房租")
_HALF_UNIT = set("年个小天月周星")
_HALF_PCT_RE = re.compile(r"半成(?!品|本|功|熟|年|交)|半折|对(?<=打对)折")  # (?<=打)对折, starting with a character: see _SHOTS_RE
#: Before a bare four-digit number, what makes it a room's or a shop's number, not a year (二层2076, 东厅2002).
_ROOM_BEFORE = frozenset("层厅室楼座栋铺")
_ROOM_AFTER = frozenset("#室号")
#: Verbs of a market level right before a bare four-digit number (失守1900, 跌破2000, 站上3000): a level, no year.
_LEVEL_VERBS = (*_MARKET_LEVEL_VERBS, "站上", "逼近", "考验", "冲击", "回落至", "跌至", "升至", "涨至", "收于", "报收")
_LEVEL_VERB_BEFORE = re.compile(rf"(?:{alternation(_LEVEL_VERBS)})$")
_LEVEL_VERB_LAST = frozenset(w[-1] for w in _LEVEL_VERBS)
#: After a bare number, the words of a market level (破7000大关, “140防线”): a level (a price, an index, a rate) whose unit is left out.
_LEVEL_AFTER = ("大关", "防线", "整数关")
#: The rest of a list of rooms after its first number (1901、1908室, 2001、2002、2005号房).
_ROOM_LIST_AFTER_RE = re.compile(r"(?:、[A-Za-z]?\d{3,4})+\s?(?:室|号房|房间|号)")
#: After a bare four-digit number, what makes it no year: a decimal, a percent, thousands, a range or code.
_YEAR_NOT_NEXT = frozenset(".%,-")
#: A power of ten in Arabic digits, with its magnitude (10, 100, 10亿, 100万): after 数, a vague amount.
_VAGUE_TENS_RE = re.compile(r"10{1,3}\s?[万亿]*")
#: The second end of a range of hours, its time-of-day word left out or not (晚21点-23点, 9时至11时30分, 下午三点到五点).
_HOUR_TO_RE = re.compile(
    rf"(?P<tp>{_TIME_PREFIX})?(?P<h>{HOUR})\s?[点时](?:(?P<mi>[0-5]\d)\s?分?|(?P<half>半))?(?![\d分秒钟])"
)
#: A bound right after a time of day: 凌晨1点左右 (about), 下午两点多 (over).
_TIME_BOUND_RE = re.compile(r"左右|多(?![少种元万亿个名人])")
#: A promotion: spend N, get M back or off (满2000送260, 满1000直降100, 每满300减40, 满199元减20元).
_SPEND_REWARD = r"(\d{1,6}(?:\.\d{1,2})?)元?(?:送|减|返|赠|立减|直降|再减|即减|可减)(\d{1,6}(?:\.\d{1,2})?)(?![\d.])"
_SPEND_RE = re.compile("满" + _SPEND_REWARD)
#: The next tier of a promotion, written without 满 after the first (满1000直降100，2000直降300).
_SPEND_TIER_RE = re.compile(r"[,，、;；]\s?" + _SPEND_REWARD)
#: Words of a basketball story, where 76人 is a team; and what before 76人 makes it a count (共有76人).
_BASKETBALL_RE = re.compile(r"NBA|篮板|季后赛|常规赛|助攻|球队|篮球|东部|西部")
_TEAM_NOT_BEFORE = frozenset("有共约近超逾达计了为第0123456789.")
_TEAM_76_RE = re.compile("76人")
#: An accident's toll written N死M伤 (3死5伤, 一死两伤): ``(?<![\d一…十])(\d{1,4}|[一…十]{1,3})死(…)伤`` with
#: the first numeral's first character read before the lookbehind, as :data:`_SHOTS_RE` is (4 texts of 200
#: cnews-800 articles searched: 6.0 M -> 1.2 M instructions; tests/test_numeric.py checks the two forms agree).
_MEN_WOMEN_RE = re.compile(r"([\d一二两三四五六七八九十]{1,3})男([\d一二两三四五六七八九十]{1,3})女(?!士|性|子|装|生|孩|足|排|篮|单|双)")
_DEAD_HURT_RE = re.compile(
    r"([\d一二两三四五六七八九十](?<![\d一二两三四五六七八九十].)(?:(?<=\d)\d{0,3}|(?<=[一二两三四五六七八九十])[一二两三四五六七八九十]{0,2}))"
    r"死(\d{1,4}|[一二两三四五六七八九十]{1,3})伤"
)
#: A death toll after 致 or 造成 with nothing after 死 that makes a word or counts the injured (致9死; not 致1死亡者,
#: 致3死5伤, read by :data:`_DEAD_HURT_RE`).
_DEATH_TOLL_RE = re.compile(r"(?:致|造成)(\d{1,4}|[一二两三四五六七八九十]{1,3})死(?![亡去者了刑因\d一二两三四五六七八九十])")
#: The same after a bound word (爆炸至少120死, 致逾20死, 火灾近10死): over, or under after 近 (最近, 附近 are no bound).
_BOUNDED_TOLL_RE = re.compile(r"(?:至少|超过|逾|(?<![最附])近)(\d{1,4}|[一二两三四五六七八九十]{1,3})死(?![亡去者了刑因\d一二两三四五六七八九十])")
#: A fiscal year written FY2024 or FY25 (as 2024财年).
_FISCAL_YEAR_RE = re.compile(r"(?<![A-Za-z])FY\s?((?:19|20)\d\d|\d\d)(?![\d.%])")
#: A medal tally written N金N银N铜 (40金27银24铜).
#: A deposit and what it counts for off a price (2万抵4万, 5000抵2万, 5千抵1万), each written without 元.
_OFFSET_RE = re.compile(r"(\d{1,5}(?:\.\d{1,2})?[千万]?)抵(\d{1,5}(?:\.\d{1,2})?[千万]?)(?![\d.千万亿元%])")
#: What follows 金 in a medal tally: the count of silvers or bronzes, or a separator.
_MEDAL_NEXT = frozenset("0123456789一二两三四五六七八九十、，,")
_MEDALS_RE = re.compile(
    r"(?<![\d.一二两三四五六七八九十])([\d一二两三四五六七八九十]{1,3})金[、，,]?(?:([\d一二两三四五六七八九十]{1,3})银[、，,]?)?"
    r"(?:([\d一二两三四五六七八九十]{1,3})铜)?(?<=[银铜])"
)
#: A plenum's rank (四中全会) or a numbered term's session (九届人大一次会议; 二次会议 alone is read by number()).
_SESSION_RE = re.compile(r"(?P<n>[一二三四五六七八九]|十[一二三四五六七八九]?)(?P<u>中全会)|(?<=[届大])(?P<n2>一)(?P<u2>次)(?=会议|全会|大会|全体会议)")
#: A betting pick right before a/b (推荐：1/3, 建议3/1): the results picked, no fraction nor date.
_PICK_BEFORE_RE = re.compile(r"(?:推荐|建议|[首复双单三]选|走)[：:]?\s?$")
#: What stands before / in an Asian handicap written with a digit after it (半/1, 球/1.5): no count of 盘 nor a fraction.
_HANDICAP_FIRST = frozenset("半平球")
#: After 1/N, the knockout stage it names (1/8决赛, 1/4决赛): no fraction.
#: Before a dot and a number, the English abbreviation of "number" that makes it a rank (世界NO.3).
_NO_RANK = frozenset(("NO", "No", "no"))
#: What a rank written NO.N follows (世界NO.1, 排名No.5).
_NO_RANK_BEFORE = frozenset(("世界", "排名", "全球", "亚洲", "欧洲", "全美", "全国", "联盟", "榜单", "排行"))
#: After a/b: more slashed numbers and 代, the parts of a series (1/2代, 1/2/3代), labels.
_SERIES_AFTER_RE = re.compile(r"(?:/\d{1,2})*代(?![理表言价工替购销码办线])")  # (1/3代表: a third of the delegates)
_STAGE_AFTER_RE = re.compile(r"\s?(?:决赛|区决赛|淘汰赛)")
#: After two short years split by /, a season (06/07赛季).
_SEASON_AFTER_RE = re.compile(r"\s?(?:赛季|年度|财年|学年)")
#: Two short years split by a hyphen before a season's word (09-10赛季).
_SHORT_SEASON_RE = re.compile(r"\d\d-(\d\d)\s?(?:赛季|年度|财年|学年)")
#: Two years in brackets, a life's span (（1803-1882）, (1777—1851)).
_LIFESPAN_RE = re.compile(r"[（(]\s?(1[0-9]\d\d|20[0-2]\d)\s?[-—–~～至]\s?(1[0-9]\d\d|20[0-2]\d)\s?[）)]")
#: A denominator: 每 and a magnitude before what it counts (每百万输入tokens, 每万人口, 每千人), and one unit of a
#: currency an exchange rate is quoted against (1美元兑155.3日元, 约7.1元人民币兑1美元).
_QUOTED_CURRENCY = "(?:美元|欧元|英镑|日元|港元|港币|元人民币|人民币|澳元|加元|卢布|韩元)"
#: Each pattern with a character every match holds, searched only in a text that has it (the
#: exchange pattern starts with 1 or 一, which stand everywhere: 兑 is rare).
_PER_DENOMINATORS = (
    ("每", re.compile(r"每(?:百万|千万|十万|万|千|百|亿)(?=[\u4e00-\u9fffA-Za-z])")),
    ("兑", re.compile(rf"[1一]{_QUOTED_CURRENCY}(?=兑)|(?<=兑)[1一]{_QUOTED_CURRENCY}")),
)
#: Going around a place right before 一周 (环湖一周, 绕场一周, 绕地球一周): one lap, no week.
_LAP_BEFORE = re.compile(r"[环绕][\u4e00-\u9fff]{0,4}$")
#: The draws of a team's record, between its wins and its losses (1胜3平4负, 5胜1平, 3平4负, 胜2平1): 平 is
#: no unit elsewhere (90平 is a flat's square metres).
#: Searched from each 平 (:func:`_numerals_before`; its context is read after a match: :func:`_is_draws`).
_DRAWS_RE = re.compile(r"([\d一二两三四五六七八九十]{1,3})平(?![方米均])")
#: A team's record against the handicap, two or three counts of wins, pushes and losses (8赢2走2输, 1走1赢; not
#: 3输给, 1走了之: verbs); searched only in a text with 赢 or 输.
_HANDICAP_ITEM = r"([\d一二两三四五六七八九十]{1,2})[赢走输](?![给掉入出送得势向进过了球])"
_HANDICAP_ITEM_RE = re.compile(_HANDICAP_ITEM)
_HANDICAP_RE = re.compile(rf"(?:{_HANDICAP_ITEM}){{2,3}}")
_LOSSES_AFTER_RE = re.compile(r"\s?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})负")


def _numerals_before(
    f: str, mark: str, pattern: re.Pattern[str], after: int, next_chars: frozenset[str] | None = None, before: int = 3
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` whose first group, a numeral, ends right before each ``mark`` in ``f``
    and is no tail of a longer number (12.3平), searched in the ``before`` characters before the mark and
    ``after`` characters from it: the numerals that start these patterns stand everywhere, the mark seldom.
    With ``next_chars``, only a mark followed by one of them is searched from (a common mark: 金).

    >>> [m.group(0) for m in _numerals_before("以1胜3平4负，12.3平", "平", _DRAWS_RE, 2)]
    ['3平']
    """
    i = f.find(mark)
    while i > 0:
        if next_chars is not None and f[i + 1 : i + 2] not in next_chars:
            i = f.find(mark, i + 1)
            continue
        m = pattern.search(f, max(0, i - before), i + after)
        if m is not None and m.end(1) == i and not (f[m.start() - 1 : m.start()].isdigit() or f[m.start() - 1 : m.start()] == "."):
            yield m
        i = f.find(mark, i + 1)


def _two_people(f: str, start: int, end: int) -> bool:
    """Whether 二 at ``f[start:end]``, before 人, counts two people (王某、李某二人, 夫妻二人), as 两人 does: not a
    grade's or a day's 二 (初二, 大二, 周二), nor 不二 "the only", nor the folk art 二人转 or 二人世界 "a couple's world".

    >>> _two_people("张某、李某二人于当晚", 5, 6), _two_people("他是不二人选", 3, 4), _two_people("东北二人转", 2, 3)
    (True, False, False)
    """
    return f[start - 1 : start] not in _TWO_NOT_PREV and f[end + 1 : end + 2] not in _TWO_PEOPLE_NOT_NEXT


def compact_date(core: str, prev: str, nxt: str) -> str | None:
    """The date of eight digits written as one number (YYYYMMDD) after a word, a column's or a
    series' name (图说PTA20110906), else None: a code, an account or a phone number is no date
    (after 号, 码, QQ or a separator), nor is an amount (before a unit or a currency).

    >>> compact_date("20110906", "A", ""), compact_date("20110826", "胶", " ")
    ('2011-09-06', '2011-08-26')
    >>> compact_date("20111306", "A", ""), compact_date("20110231", "说", ""), compact_date("20110906", "号", "")
    (None, None, None)
    >>> compact_date("20110906", "Q", ""), compact_date("20110906", "-", ""), compact_date("20110906", "说", "元")
    (None, None, None)
    """
    if not core.isdigit() or not ("1980" <= core[:4] <= "2039") or prev in _COMPACT_DATE_NOT_AFTER or nxt in _COMPACT_DATE_NOT_BEFORE:
        return None
    if not (prev == "" or prev.isspace() or "\u4e00" <= prev <= "\u9fff" or (prev.isascii() and prev.isalpha())):
        return None
    try:
        return _dt.date(int(core[:4]), int(core[4:6]), int(core[6:])).isoformat()
    except ValueError:
        return None


def _is_draws(f: str, m: re.Match[str]) -> bool:
    """Whether a :data:`_DRAWS_RE` match stands in a record: after its wins or before its losses.

    >>> [_is_draws(t, _DRAWS_RE.search(t)) for t in ("1胜3平4负", "5胜 1平", "3平4负", "战成23平")]
    [True, True, True, False]
    """
    s = m.start()
    return f[s - 1 : s] == "胜" or f[s - 2 : s] in ("胜 ", "胜\u3000") or _LOSSES_AFTER_RE.match(f, m.end()) is not None
#: A century named right before a span of decades (上世纪80到90年代).
_CENTURY_BEFORE = re.compile(r"(?:上世纪|本世纪|二十一世纪|二十世纪|21世纪|20世纪)$")
#: The months or days after N年 in one time (3年6个月, 1年零3个月, 4年零1天).
_AND_MONTHS_RE = re.compile(r"零?(\d{1,3}|[一二三四五六七八九十两百]{1,4})(个月|天)")
#: 双倍 and 翻番 are 2 times; 翻两番 is two doublings (4 times).
_DOUBLE_RE = re.compile(r"双倍|翻了?(?P<near>近|将近|接近)?(?P<n>[一两二三四])?番")  # (翻了近一番: nearly doubled, under)
_HALF_RE = re.compile(r"半(年(?!报|度报)|个多?月|小时|个多?小时|天|个世纪)")  # (半年报: a semi-annual report; 半个多月: over)
#: Half of a whole without 一: 半数 (with a bound word read around it), 过半数 / 逾半 / 超半 "over half"
#: (过半 before a noun or verb: 过半自认…, 囊括过半五星基金; not a time half gone: 赛季过半，影片过半处).
#: Written as ``(?<!超)(?P<b>[过逾超])半(?:数|…)|(?<![一大多少逾超])(?<!(?<!超)过)半数`` with its first
#: character read first and the lookbehinds after it (b captured in a lookbehind): a pattern that starts
#: with a lookbehind is tried at every position of the text, one that starts with a class only at the
#: characters of the class (the 184 texts of cnews-800 with 半, replayed: 26 -> 2.5 ms; tests/test_numeric.py
#: checks the two forms agree).
_HALF_SHARE_RE = re.compile(
    r"[过逾超半]"
    r"(?:(?<=(?P<b>[过逾超]))(?<!超[过逾超])半(?:数|(?=[\u4e00-\u9fff])(?![年月天日小个世导决岛径价场边山职成程身夜拍处时后就了之的]))"
    r"|(?<=半)(?<![一大多少逾超]半)(?<!(?<!超)过半)数)"
)
_HALF_VALUES = {"年": "P6M", "个月": "P15D", "个多月": "P15D", "小时": "PT30M", "个小时": "PT30M", "个多小时": "PT30M", "天": "PT12H", "个世纪": "P50Y"}
#: After 半年 and 多, what makes 多 "over" (半年多时间, 半年多以来, 半年多的, 半年多。), no word of its own (半年多赚12%: earned more).
_HALF_MORE_NEXT = frozenset("的时来以之后前了，,。；;、）) ") | {""}
_DATE_NEXT = set("年月日号季时点周星半代世财-/.: QqHh")  # 2025Q3, 25H1
_DATE_PREV = set("年月初周期拜第前今去本上下明次同当午晨晚早上历熙正隆庆光丰治绪统武乐历祯观元宝龙国和成")
_DATE_START = set("0123456789〇零一二两三四五六七八九十正上下本这今去前明次来后同当周星礼凌清早中午傍晚夜深半Qq农大最腊冬第") | set(
    _ERA_FIRST
)
#: A date that starts with a numeral reads the whole run of it (no digit nor . before it) and then a date
#: word (年 after two or four digits or two to six Chinese numerals: 一年, 5年 are no year; 月, 日, 号, 季度, 时,
#: 点, 世纪), a separator or a quarter or half as :data:`~nlp_news.numeric.dates.DATE_RE` writes them:
#: a numeral that nothing of this follows is tried with this short pattern, not with DATE_RE (a few
#: microseconds a try; 2024年3月, 2024-03-05, 3.1-3.7, 12/1/2020, 27-7-3, 2010到2011赛季, 2025Q3, 25H1).
_DATE_HEAD_RE = re.compile(
    r"""(?<![\d.])(?:
        (?:\d{4}|\d\d|[〇零一二两三四五六七八九十千0]{2,6})\s?年
       |(?:\d{4}|\d\d?|[〇零一二两三四五六七八九十千0]{1,6})\s?[月日号季时点世]
       |(?:\d\d|[〇零一二两三四五六七八九十千0]{2,6})\s财年
       |\d{4}(?:[-/.\s]|财年|[至到])
       |\d\d?[./]\d
       |\d\d-\d
       |(?<![A-Za-z])(?:\d\d){1,2}[QqHh]
    )""",
    re.X,
)
_NUMERAL_HEADS = frozenset("0123456789〇零一二两三四五六七八九十")
_CAND_ORDER = itemgetter(0, 1, 2)  # start, longest first, priority
_DATE_KEYWORDS = ("半年", "周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天")
#: The first characters of what :data:`_LEFT_RE` reads before a number (a currency, a bound word).
_LEFT_FIRST = frozenset(w[0] for w in CURRENCY_PREFIXES) | {w[0] for w in _BOUND_LEFT}
_LEFT_LAST = set("约为合概似超过出逾少低于起码多高大近到足满最长快小了在是有$¥€£ B≥≤") | {w[-1] for w in CURRENCY_PREFIXES}
#: A character of each growth word and of 同比/环比 (tests/test_numeric.py checks that each has
#: one): a stretch with none of them holds no change word. Few and rare, so the test is a quick no.
_GROWTH_CHARS = set("增涨升提扩飙攀猛暴降跌减滑缩萎落比翻调价息窄挫扬走浮放")
_INDEX_NAMES = {"沪深", "上证", "中证", "深证", "深成", "创业板", "中小板", "科创", "恒生", "国企", "标普", "富时", "道琼斯", "日经"}
_INDEX_LAST = frozenset(n[-1] for n in _INDEX_NAMES)
#: The characters before and after an Arabic number that the checks of :meth:`_Scanner.number` for
#: codes, names and times read (X200, Mate-60, 1/2.3英寸, $20,300美圆, iPhone 4, 沪深300; 2小时06分15秒,
#: 010-8888…, 5日均线): a number with neither, no leading 0 and under 7 characters skips them in one
#: test (cnews-800: 6,809 Arabic numbers reach them, with 13 tests each). A check added there needs
#: what triggers it here.
_CODE_PREV = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzα-/ 本号") | _CUR_SYMBOLS | _INDEX_LAST
#: Words ending in 号 before a number that make it a label: a phone's last digits, a serial or an account.
_NUMBER_LABELS = frozenset(("尾号", "编号", "账号", "帐号", "型号", "代号", "学号", "工号", "单号", "卡号", "序号", "批号", "车号", "牌号"))
_CODE_NEXT = frozenset("-日天周月") | _CLOCK_TIME_NEXT
#: A flat's layout (三室两厅, 两室一厅一卫, 三房两厅, 三居两厅): searched from 厅, a count of each kind of room.
_LAYOUT_RE = re.compile(
    r"(?<![\d一二两三四五六七八九十])([\d一二两三四五六七八九])\s?([室房居])\s?([\d一二两三四五六七八九])\s?(厅)(?:\s?([\d一二两三四五六七八九])\s?(卫))?"
)
#: Before 二人 and after it: what makes 二 no count of two people (不二人选, 初二人数, 周二人流; 二人转, 二人传, 二人世界, 二人组).
_TWO_NOT_PREV = frozenset("不第初高大周期之一十零")
_TWO_PEOPLE_NOT_NEXT = frozenset("转传世组")
#: Around eight digits, what makes them a code or an amount, no date written YYYYMMDD (尾号, QQ, 工号20110906元).
_COMPACT_DATE_NOT_AFTER = frozenset("号码话群QqDd")
_COMPACT_DATE_NOT_BEFORE = frozenset("元万亿个人次%号位小分秒")
_PHONE_TAIL = re.compile(r"-\d{3,4}-?\d{4}")
#: Measure words after seven digits or more that make them a count written in full, no code (3007142个, 1250000吨).
_LONG_COUNT_NEXT = frozenset("个人吨户辆件册张台头只名次位家亩份套株棵枚本条")
#: Idioms and names with a numeral, around a Chinese numeral (only whether one is there is read,
#: so a trie, :func:`~nlp_news.numeric.patterns.alternation`, finds the same: the 6,150 searches of
#: cnews-800 test one alternative per first character instead of the 48 idioms in turn).
_IDIOMS = tuple(
        """零部件 一部分 零百加速 两口子 三五成群 一成不变 五花八门 十万火急 一年到头 三天两头 三八节 三八妇女节
        四个全面 四个意识 四个自信 两个维护 两个确立 两个毫不动摇 五位一体 两个凡是 五个一工程 八项注意 两手抓
        天下第一 第一流 有朝一日 一日游 一日之功 一日之长 日甚一日 日慎一日 非一日之寒 十几年如一日 一时半会儿 一时半会 一时半刻
        二万五千里长征 两万五千里长征 三位一体 四位一体 十年寒窗 十年浩劫 十年动乱 十年磨一剑 十年怕井绳 十年九旱 一天一变 一日一变 一年一变 三头六臂 七手八脚
        百万雄师 百万雄兵 雄师百万 成百上千 成千上百 判若两人 迥若两人 两回事 三字经 二十四节气 年过半百 三寸不烂之舌 此地无银三百两
        货比三家 三班倒 六根清净 脚踏两只船 三天打鱼 两天晒网 三只手 过五关斩六将 新官上任三把火 飞流直下三千尺 一百单八将 志在四方
        三个臭皮匠 五方杂处 一元复始 四时八节 门前三包 说一千道一万 语惊四座 技惊四座 艳惊四座 惊艳四座 震惊四座 退一万步 狼烟四起 烽烟四起 烽火四起 枪声四起 嘘声四起
        喧声四起 怨声四起 怨言四起 轰声四起 议论四起 谣言四起 危机四伏 三轮车 老两口 小两口 两口儿 两手空空 党八股 四部丛刊
        二倍体 两码事 五倍子 一元论 一年生 前一段 近一段 这一段 那一段 上一段 成千上万 千千万万 万无一失 一五一十 三三两两 七上八下 乱七八糟 五颜六色 四面八方 九牛一毛 千方百计 一模一样 十全十美
        金九银十 金三银四 一心一意 独一无二 三心二意 千军万马 万众一心 一举两得 一石二鸟 一分钱 一毛钱 一毛不拔 五湖四海 三番五次 七嘴八舌
        四处 八方 一二手 生辰八字 八字 天兵天将 一年一度 一日三餐 一分为二 九九归一 十有八九 三通一平 一级 二级 三级 一线 二线 三线 四线 三个代表 一国两制 两会
        十万天兵 一天不如一天 一年不如一年 一天比一天 一年比一年 一天到晚 一秒一秒 一天一天 一年一年 一天天 一年年 一月月
        冬季两项 现代五项 老三届 四方桥 名扬四方 四方来客 三板斧 三句半 斯巴达三百勇士 上过一天学 上一天学 三句话不离 三句不离
        三省吾身 吾日三省 百万富翁 千万富翁 亿万富翁 百万富豪 千万富豪 一波三折 三令五申 三长两短 一干二净 一清二楚 接二连三 丢三落四 低三下四 不三不四 一穷二白""".split()
)
_IDIOM_RE = re.compile(alternation(_IDIOMS))
#: The pairs of neighbouring characters in the idioms: an idiom that reaches past a numeral holds the
#: numeral's first character and the one before it, or its last and the one after it, as such a pair;
#: with neither, the numeral is inside an idiom only when it is one (5,983 of the 6,466 numerals of
#: cnews-800 tested are then not searched for idioms).
_IDIOM_PAIRS = frozenset(w[i : i + 2] for w in _IDIOMS for i in range(len(w) - 1))
#: The idioms as a set, for the test whether a numeral is one (a tuple is scanned word by word: with
#: 167 idioms, 3.9 against 0.08 us a test; 5,983 tests on cnews-800).
_IDIOM_SET = frozenset(_IDIOMS)
#: Where no fact is read (besides a work's title, :data:`_TITLE_RE`): names and
#: idioms made with a numeral that no rule reads as a fact on its own: the team and day 八一
#: (八一队, 八一建军节), 十字 (a cross: 十字型, 十字路口), 一日 in idioms and as "a day" (数年如一日,
#: 日复一日, 前一日), 一块 after a demonstrative (这一块: "this part"), the band 五月天, the hotel
#: chain 七天, the company 360, brands and a city read as counts (七匹狼, 三只松鼠, 六个核桃, 七台河), the
#: term 三股势力 and a basketball triple-double (三双数据). Every alternative starts with a plain character (no optional
#: one, no class), so the regex engine skips to the next of these first characters at once; with
#: 双?十字 or [这那哪每]一块 it tried every alternative at every position (33 -> 3 ms a pass over
#: every paragraph of cnews-800).
_NAMES_WITH_NUMERALS = (
    "七匹狼", "三只松鼠", "六个核桃", "七台河", "三棵树", "九头鸟", "三股势力", "第三极", "三把火",
    "五棵松", "三元桥", "六盘水", "五台山", "三九集团", "361度", "七天在线",
    # from jieba's dictionary: place, work and organisation names that the rules read a number in
    "三门峡", "六盘山", "三家村", "五台县", "十万大山", "三座门", "三座大山", "东四十条", "八佰伴", "九节鞭", "三节棍",
    "第一次世界大战", "第二次世界大战", "第三世界", "第一夫人", "第五纵队", "十月革命", "五月花", "铁人三项", "八股文",
    "四方面军", "黑五类", "四人帮", "第二外国语学院", "第二医科大学", "第一历史档案馆", "正经八百", "三十年河东", "十日谈",
    # web companies named with a digit (酷6只在争第二: Ku6, then the adverb 只 "only"), and terms with a rank
    # (第一居所 "primary residence", 第二居所 "a second home": no rank)
    "酷6", "第一居所", "第二居所",
    # basketball's three-point shot and line in digits, as 三分球 (a term, not 3 points)
    "3分球", "3分线", "3分远投", "3分出手",
    # the phases of a clinical trial (三期临床试验: phase III, no count of 期)
    *(n + "期临床" for n in ("一", "二", "三", "四", "1", "2", "3", "4", "I", "II", "III", "IV")),
    # a car's acceleration, named by the speeds it runs between (0-100km/h加速时间为3.9秒: the 3.9秒 is the fact)
    "0-100km/h", "0-100公里/小时", "0-100km", "百公里加速",
    # shopping festivals named by their date (双十一期间 is no count of 期; 618大促)
    "双十一", "双11", "双十二", "双12", "618大促", "618购物节", "618期间", "618当天", "618年中大促",
    # the last week or day of a time (每年6月的最后一个星期): a time, no length
    "最后一个星期", "最后一星期", "最后一周", "最后一天",
    # 两头 "both ends" (两头不景气, 两头跑), no two head of cattle
    "两头不", "两头都", "两头跑", "两头受", "两头落空", "两头兼顾", "两头为难", "两头忙", "两头堵",
    # political watchwords and programmes named with a numeral (三个区分开来, 中央八项规定, 百亿补贴)
    "三个区分开来", "八项规定", "三个务必", "四个现代化", "两个一百年", "百亿补贴", "千亿补贴", "万人计划", "三个有利于",
    "三面光", "三斤钉", "五笔七墨", "手三针", "足三针", "颞三针", "北七家", "六枝特区",
    # the party's basic line (一个中心、两个基本点), and the decathlon and heptathlon (十项全能, 七项全能): names
    # here, not idioms, whose test at every numeral's neighbouring pair would then run at each 一个
    "一个中心、两个基本点", "一个中心，两个基本点", "两个基本点", "十项全能", "七项全能",
    # games named with their sequel's number (星际争霸2项目: the StarCraft II event, no two projects)
    "星际争霸2", "星际2", "魔兽争霸3", "魔兽3", "暗黑破坏神3", "暗黑3",
    # a famous investor's nickname (杨百万: no million); lottery games named by their digits (排列3, 排列五)
    "杨百万", "排列3", "排列5", "排列三", "排列五",
    # football clubs named with a number (Hannover 96, 1860 Munich): no count of 队 (Mainz 05 and Schalke 04 start with 0: codes)
    "汉诺威96", "慕尼黑1860",
    # regulatory classes (一类创新药, 三类医疗器械): labels, no count of one
    *(n + "类" + w for n in "一二三" for w in ("创新药", "新药", "疫苗", "医疗器械", "器械")),
    # holidays named by their date (十一期间 is National Day's holiday, no count of 11 期; 六一儿童节)
    *(h + "期间" for h in ("五一", "十一", "六一", "七一", "八一", "五四", "三八")), "六一儿童节", "六一节", "五一节", "七一节",
    # the tiers of China's university admissions (三本院校, 二本线): labels, not counts of books
    *(tier + "本" + what for tier in "一二三" for what in ("院校", "大学", "学校", "线", "批次")),
    # school years as labels before the students of that year (大三学生, 高三学生: juniors, not three students)
    *(grade + n + who for grade in "大高初研" for n in "一二三四" for who in ("学生", "新生", "女生", "男生", "毕业生")),
)
#: Spacecraft, rockets and satellites named with a serial number (神舟二十号, 长征五号, 嫦娥六号, 北斗3号).
#: (Not the series whose name is an everyday word, 实践 or 高分: each is a head of the name zones' search, and
#: made 377 of the 1,020 texts of cnews-800 searched.)
_SPACE_NAMES = ("神舟", "天舟", "嫦娥", "长征", "天问", "北斗", "天宫", "鹊桥", "天链", "快舟", "朱雀")
#: Laptop series named in Chinese with a number after them (思跃14, 灵越15, 昭阳K43, 扬天V460).
_LAPTOP_SERIES = ("思跃", "灵越", "昭阳", "扬天")
#: The brackets a document's number opens its year with (国发〔2009〕3号, 京政发(2024)7号).
_DOC_OPEN = "〔[(（"
#: A work's title: a zone of its own, searched for from its first character, 《, which a text holds or
#: not at the cost of a character search (a third of the texts of cnews-800 name a work: with the
#: title as an alternative of :data:`_NAME_ZONES_RE` they were all searched for every zone).
_TITLE_RE = re.compile(r"《[^《》\n]{1,40}》")
#: The zones that are plain words (every name and idiom above, with the tails 八一, 十字, 七天 and 360 take).
_NAME_ZONE_WORDS = (
    *("八一" + w for w in ("队", "战", "男篮", "女篮", "女排", "男排", "建军节", "南昌起义", "电影制片厂", "厂", "体工大队", "火箭", "富邦", "双鹿")),
    *(cross + w for cross in ("双十字", "十字") for w in ("型", "形", "架", "路口", "路", "街头", "街", "绣", "军", "花", "星", "准星", "")),
    "如一日", "复一日", "一日不", "一日之计", "一日千里", "一日为师", "一日三餐", "前一日", "后一日", "这一日", "那一日", "同一日",
    "某一日", "每一日", "整一日", "有一日", "有朝一日", "一日游", "一时半会", "一时半刻", "天下第一", "年过半百",
    "这一块", "那一块", "哪一块", "每一块",
    "五月天", *("七天" + w for w in ("酒店", "连锁", "快捷")),
    *("360" + w for w in ("公司", "安全卫士", "安全", "浏览器", "杀毒", "搜索", "集团", "手机")),
    # the Philadelphia 76ers (费城76人, 76人绝杀…: no 76 people; 事故造成76人死亡 counts them)
    "费城76人", *("76人" + w for w in ("队", "绝杀", "主场", "客场", "击败", "战胜", "不敌", "惜败", "大胜", "完胜", "球员",
                                      "后卫", "前锋", "中锋", "主帅", "主教练", "老板", "总经理", "vs", "VS")),
    *_NAMES_WITH_NUMERALS,
)
#: The words as a trie (:func:`~nlp_news.numeric.patterns.alternation`: one alternative per first character, so
#: the engine tries a few dozen at a zone's first character rather than every word; no word of the list is a
#: prefix of a later one, so the longest-first trie matches what the list in its order did), then the zones
#: that are patterns.
_NAME_ZONES_RE = re.compile(
    alternation(_NAME_ZONE_WORDS)
    + r"|三双(?=数据|[，。！、,!的\s]|$)|两双(?![鞋袜手筷眼脚套靴拖])"
    + "".join(rf"|{n}(?:\d+|[一二三四五六七八九十〇零两]+)号[甲乙丙丁]?" for n in _SPACE_NAMES)
    # laptop series named with their screen size (戴尔思跃15本: the Inspiron 15 notebook, no 15 books)
    + "".join(rf"|{n}\d{{2,4}}[A-Za-z]{{0,3}}本?" for n in _LAPTOP_SERIES)
    # 国发〔2009〕3号: a document's number, no year and no day; one alternative per opening bracket, not a
    # class [〔[(（]: an alternative that starts with a class makes the engine try the pattern at every
    # position (the 355 texts of cnews-800 searched for zones, replayed: 27.7 -> 6 ms)
    + "".join(rf"|{re.escape(b)}(?:19|20)\d\d[〕\])）]\s?第?\d{{1,4}}\s?号" for b in _DOC_OPEN)
)
#: What every match of :data:`_NAME_ZONES_RE` contains: a text with none of them is not searched.
_NAME_ZONE_HEADS = (
    "八一", "十字", "一日", "一块", "五月天", "七天", "360", "三双", "两双", "一时半", "天下第一", "年过半百", "76人",
    *_NAMES_WITH_NUMERALS, *_SPACE_NAMES, *_LAPTOP_SERIES,
    *(b + century for b in _DOC_OPEN for century in ("19", "20")),
)
#: Whether a text holds one of them, in one search (a trie) rather than one substring test each
#: (cnews-800: 7.7 -> 3.4 ms with the 16 heads there were).
_NAME_ZONE_HEAD_RE = re.compile(alternation(_NAME_ZONE_HEADS))
#: Four digits that look like a year of the last two centuries (2018 written without 年).
_YEAR_LIKE_RE = re.compile(r"(?:19|20)\d\d")
_ORDINAL_WORDS = re.compile(
    r"第(?:[一二三]人称|[一三]视角|二炮兵|三方(?!面)|三者|一时间|一手|一线|二线|三线|[一二三]产业|一性|一把手|一桶金|六感|一财经|一太平"
    # institutions and streets named with a rank (市第一人民医院, 第二中学, 第五大道): names, no ranks
    r"|[一二三四五六七八九十\d]{1,3}(?:人民医院|中心医院|附属医院|医院|高级中学|中学|小学|幼儿园|中级人民法院|人民法院|检察院"
    r"|军医大学|师范|监狱|看守所|派出所|研究所|设计院|工程局|汽车制造厂|机床厂|外国语|大道|大街|街))"
)
#: The first characters of what may follow a number that makes it a fact: a percent sign or word, a bound
#: (多余来, 左右, 上下, 以上, 之内), 成/折, a time unit, and every measure word, counted noun and currency.
_TAIL_FIRST = (
    set("%‰+个百基多余左上以之成折年月周星天小秒季来")
    | {w[0] for w in MEASURE_WORDS} | {w[0] for w in COUNT_NOUNS} | {w[0] for w in CURRENCY_WORDS} | set(" 万亿千")
)


#: Single-character classifiers whose tail is always a count (no currency, time unit, percent,
#: 成/折, 倍 or 点 starts with them); 个 too, unless a time unit or 百分点 follows it.
_INDEF_CLASSIFIERS = (
    frozenset(w for w in MEASURE_WORDS if len(w) == 1)
    - {"倍", "点", "分", "两", "成", "折"}
    - {w[0] for w in TIME_UNITS}
    - {w[0] for w in CURRENCY_WORDS}
) | {"个"}
_GE_TIME_NEXT = frozenset("月星小工钟年季百") | {w[1] for w in TIME_UNITS if w[0] == "个"}


#: What follows Q1-Q4 when it is a quarter and no model name (Q3营收 against 奥迪Q3的).
_QUARTER_NEXT = frozenset("营财业净收利毛销出交季单度同环,，、。；;：:（(至到-—和及与")
#: Prepositions of time before Q1-Q4 (盈利于Q1触底, 在Q3发布): a quarter, whatever follows it.
_TIME_PREPOSITIONS = frozenset("于在至到从")


def _latin_noun(f: str, core: str, end: int, tend: int) -> re.Match[str] | None:
    """The Latin noun an amount of 万 or 亿 counts (3000亿tokens, 1.2亿 DAU: at most a space between),
    whose word is then its unit, not a code's letters; ``end`` ends the number, ``tend`` its tail.

    >>> _latin_noun("3000亿tokens", "3000亿", 5, 5).group(1), _latin_noun("5G网络", "5", 1, 1)
    ('tokens', None)
    """
    return _LATIN_NOUN_RE.match(f, tend) if core[-1] in "万亿" and tend - end <= 1 else None


def _after_its_noun(f: str, start: int, end: int) -> bool:
    """Whether 一 + a classifier at ``start:end`` follows the noun it counts and ends the clause,
    in a list of what is given (奖励金币一枚, 赠送手机一部): a count, where before a noun (一本书) 一
    is "a". Only after a verb of giving: elsewhere a clause that ends in 一 + classifier is mostly an
    idiom or a pronoun (青年一代, 更上一层楼, 最好的一次).

    >>> _after_its_noun("奖励金币一枚。", 4, 6), _after_its_noun("送他一本书", 2, 4), _after_its_noun("买了一个", 2, 4)
    (True, False, False)
    """
    prev = f[start - 1 : start]
    return (
        f[end : end + 1] in _CLAUSE_END_CHARS
        and "\u4e00" <= prev <= "\u9fff"
        and prev not in _VERB_PARTICLES
        and _GIFT_BEFORE.search(f, start - 12 if start > 12 else 0, start - 1) is not None
    )


def _in_idiom(f: str, start: int, end: int) -> bool:
    """Whether the numeral at ``start:end`` is inside an idiom of :data:`_IDIOM_RE` (read in a
    window of five characters each side, the longest idiom's reach).

    >>> _in_idiom("生意一天不如一天", 6, 7), _in_idiom("一心一意地做了3家", 7, 8)
    (True, False)
    """
    if f[start - 1 : start + 1] not in _IDIOM_PAIRS and f[end - 1 : end + 1] not in _IDIOM_PAIRS:
        return f[start:end] in _IDIOM_SET  # no idiom reaches past the numeral: it can only be one itself
    window = _IDIOM_RE.finditer(f, start - 5 if start > 5 else 0, end + 5)
    return any(m.start() <= start and end <= m.end() for m in window)


def _half_shares(f: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_HALF_SHARE_RE` in ``f``, as ``finditer`` finds them, tried only at each 半
    and the character before it: each holds 半 first or second. ``finditer`` tried the pattern at every
    过, 逾 and 超 of the text, a few in each paragraph (200 cnews-800 articles: 5.9 M -> 0.2 M instructions).

    >>> [m.group() for m in _half_shares("囊括过半五星基金,超过半数,半年,逾半数")]
    ['过半', '半数', '逾半数']
    """
    end = 0
    i = f.find("半")
    while i >= 0:
        for p in (i - 1, i):
            if p >= end and p >= 0 and (m := _HALF_SHARE_RE.match(f, p)) is not None:
                yield m
                end = m.end()
        i = f.find("半", i + 1)


def _after_every(f: str, start: int) -> bool:
    """Whether the numeral at ``start`` follows 每 and a period (每年一次, 每3个月一次: "once every …"),
    read in the six characters before it, and only when 每 is there (a test of one character).

    >>> _after_every("每年一次", 2), _after_every("每3个月一次", 4), _after_every("一年一次", 2)
    (True, True, False)
    """
    lo = start - 6 if start > 6 else 0
    return "每" in f[lo:start] and _EVERY_BEFORE.search(f, lo, start) is not None


def _bare_quarter(f: str, s: int, e: int) -> bool:
    """Whether ``Q`` + the digit at ``s:e`` is a quarter: Q1-Q4 after no letter, at the start of a
    clause or before a word of results (Q3营收, Q2财报, "Q4," ), not a model (奥迪Q5, QQ3).

    >>> [_bare_quarter(t, 1, 2) for t in ("Q3营收", "Q4，", "Q5营收")], _bare_quarter("奥迪Q3的", 3, 4), _bare_quarter("公司Q2净利", 3, 4)
    ([True, True, False], False, True)
    >>> _bare_quarter("盈利于Q1触底", 4, 5), _bare_quarter("车手称 Q2我只跑一次", 5, 6)
    (True, False)
    """
    if e - s != 1 or f[s] not in "1234":
        return False
    before = f[s - 2 : s - 1]
    if before.isascii() and before.isalpha() or before == " " and f[e : e + 1] not in _QUARTER_NEXT:
        return False  # (F1 … Q2我只跑一次: a qualifying session after a headline's space, no quarter)
    return f[e : e + 1] in _QUARTER_NEXT or not before or not ("\u4e00" <= before <= "\u9fff") or before in _TIME_PREPOSITIONS


def _ge_is_count(after: str) -> bool:
    """Whether 个 followed by ``after`` is a classifier (not 个月, 个 百分点, …).

    >>> _ge_is_count("人"), _ge_is_count("月"), _ge_is_count(" "), _ge_is_count("")
    (True, False, False, False)
    """
    return after != "" and after not in _GE_TIME_NEXT and not after.isspace()

_ONE_CONTRAST = ("其中", "只有", "仅有")
#: 二 + a session, phase or round: an ordinal (二次会议, 二期项目, 二轮; not 二次装修).
_TERM_AFTER = re.compile(r"次(?:会议|全会|大会|全体会议|中常会|常委会)|[期届轮][\u4e00-\u9fff]")
#: What a 届 ordinal numbers: a congress, its plenum, a board (十一届全国人大, 十七届四中全会; not 三届论坛).
_TERM_BODY = re.compile(r"(?:全国|人大|政协|中央|中共|党代会|[一二三四五六七八九]中全会|董事会|监事会|委员会|[一二三四五六七八九十\d]{1,3}次(?:会议|全会|大会|全体会议|中常会|常委会))")
#: After N次, a meeting: with a numbered term before it (十二届二次会议), the session's rank.
_SESSION_AFTER = re.compile(r"(?:会议|全会|大会|全体会议|中常会|常委会)")  # (中常会: a party's central standing committee)
_NUMBERED_TERM_BEFORE = re.compile(r"[一二三四五六七八九十\d]届[^，。；！？,;]{0,8}$")
_CONTRAST_COUNT = re.compile(r"[两三四五六七八九十几\d]")


def _contrasted(f: str, start: int, end: int, classifier: str) -> bool:
    """Is 一 + ``classifier`` at ``start`` contrasted with another count of it in its sentence
    (一套房子和两套房子, 两个孩子一个上学)? Then it is a count, not the indefinite "a".

    >>> _contrasted("一套房子和两套房子", 0, 1, "套"), _contrasted("他买了一套房子。", 3, 4, "套")
    (True, False)
    >>> _contrasted("取得五胜一负", 4, 5, "负"), _contrasted("一胜七平", 0, 1, "胜"), _contrasted("一胜难求", 0, 1, "胜")
    (True, True, False)
    >>> _contrasted("才过了6个月，像一个孩子", 8, 9, "个"), _contrasted("两个孩子一个上学", 4, 5, "个")
    (False, True)
    """
    if classifier == "度" or f[start - 1 : start] == "每":
        return False  # 一度 is "once", 每一位 "each"
    if (classifier == "胜" or classifier == "负") and (
        _RECORD_NEXT.match(f, end + 1) or (start >= 2 and _RECORD_PREV.fullmatch(f, start - 2, start))
    ):
        return True  # 一胜七平九负, 一胜两负, 五胜一负: a team's record, counts
    lo, hi = start - 12 if start > 12 else 0, min(len(f), end + 12)
    i = f.find(classifier, lo, hi)
    if i == end:
        i = f.find(classifier, end + 1, hi)
    if i < 0:
        return False  # no other one near: the sentence's bounds are not read (2,102 of 2,891 calls on cnews-800)
    for m in _SENT_STOP.finditer(f, lo, start):
        lo = m.end()
    stop = _SENT_STOP.search(f, end, hi)
    hi = stop.start() if stop else hi
    i = f.find(classifier, lo, hi)
    while i >= 0:
        if i != end and i > lo and _CONTRAST_COUNT.match(f, i - 1) and not (classifier == "个" and _GE_TIME_AFTER.match(f, i + 1)):
            return True  # (6个月…一个早产儿: a length of time, no other count of 个)
        i = f.find(classifier, i + 1, hi)
    return False


_SENT_STOP = re.compile(r"[。！？!?；;\n]")
#: A time unit after 个 (6个月, 两个多小时): a duration, no count that 一个 contrasts with.
_GE_TIME_AFTER = re.compile(r"多?(?:月|小时|星期|钟头|季度|工作日|年头)|半(?:月|小时)")
#: The rest of a team's record after its first count (一胜 then 七平, 两负).
_RECORD_NEXT = re.compile(r"[\d一二两三四五六七八九十]{1,3}[胜平负]")
#: The part of a record right before 一 + 胜 or 负 (五胜一负).
_RECORD_PREV = re.compile(r"[\d一二两三四五六七八九十][胜平负]")
#: What may follow a Chinese numeral for :meth:`_Scanner.number` to read it (else it is skipped unread).
_CN_KEEP_NEXT = frozenset(_TAIL_FIRST | _RANGE_FIRST | {"半"})


@lru_cache(maxsize=4096)
def _counted_noun(after: str, segmenter: Segmenter) -> str | None:
    """The noun a count with 个 counts: the head noun of the phrase after 个, read from the
    words and part-of-speech tags of ``after`` (jieba's dictionary, no HMM, which would glue
    人会 or 人会来). Modifiers before the head are skipped: adjectives and distinguishing words
    (新客户, 主要城市), adverbs (非常重要的问题), a modifier's 的, a verb right before a noun
    (进攻篮板); the head is the last noun of the phrase (国产新锐品牌 -> 品牌), which ends at
    anything else (a verb, locative, numeral, function word) and before a metric word (5个城市
    房价: cities are counted). Two one-character pieces of an unknown word join (胜 场 -> 胜场).
    With no noun in the phrase, the first word, cut before a function character; None when
    ``after`` starts with one (2个以上, 3个都).

    >>> seg = default_segmenter()
    >>> [_counted_noun(a, seg) for a in ("交易日内完成", "人会来参加", "国家和地区", "以上", "国产新锐品牌")]
    ['交易日', '人', '国家', None, '品牌']
    >>> [_counted_noun(a, seg) for a in ("新客户", "城市房价上涨", "胜场", "亿")]
    ['客户', '城市', '胜场', '亿']
    >>> [_counted_noun(a, seg) for a in ("当地白人走过", "向他借钱", "国际组织签署", "国家组织了")]
    ['白人', None, '组织', '国家']
    >>> _counted_noun("赛季中共交战", seg)
    '赛季'
    """
    if after[0] in _NOUN_STOP:
        return None
    words = segmenter.tag(after, hmm=False)
    if len(after) == _NOUN_AFTER_MAX and len(words) > 1:
        words = words[:-1]  # the letters may go on past the window: the last word may be cut
    head = _head_noun(words)
    if head == "中共" and (i := after.find(head)) > 0:
        head = _head_noun(segmenter.tag(after[:i], hmm=False)) or head  # 18个赛季中共交战: 中 "in", 共 "in all"
    if head:
        return head
    word, tag = words[0]
    if len(word) == 1 and tag in _FUNCTION_TAGS:
        return None  # 其中一个向他借钱: a preposition, conjunction or particle is not what 个 counts
    for i in range(1, len(word)):
        if word[i] in _NOUN_STOP:
            return word[:i]
    return word


#: jieba's tags of the words that may modify the noun after 个 (adjective, distinguishing
#: word, state word, adverb, place word: 三个当地白人, 三个国内厂商); ``uj`` is 的.
_MODIFIER_TAGS = frozenset(("a", "ad", "an", "b", "z", "d", "s"))
_OTHER_NOUN_TAGS = frozenset(("vn", "eng", "j", "l", "t", "nz"))
#: jieba's tags of function words (preposition, conjunction, particles, modal and interjection); only
#: one-character words are read by them (jieba tags 加时 a conjunction).
_FUNCTION_TAGS = frozenset(("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o"))
#: Tags of organisation names: before 的 after 个 they name the owner of what is counted (3个国务院的报告).
_POSSESSOR_TAGS = frozenset(("nt",))  # not ns or nr: jieba tags 城市 ns and 元宝 nr
#: Noun-like tags that end the phrase after a noun (its predicate: 客户参与竞争, 两个MM热情高涨).
_NOT_AFTER_NOUN = frozenset(("vn", "l"))
#: jieba's tag of a foreign name: after a noun it starts the next phrase (两个赛季亚当斯作为助理教练: 赛季 is counted).
_FOREIGN_NAME_TAGS = frozenset(("nrt",))  # (not nr: jieba tags 卫生镇, 牛羊, 世锦赛 nr)
#: Tags of a head noun that no noun right after it extends: a Latin name, a place noun (大中城市房屋).
_PHRASE_END_TAGS = frozenset(("eng", "ns"))
#: Words jieba tags as nouns that, after a noun, say what it does or how many of it (30个新地图上线,
#: 5个项目全部完工): the phrase ends before them.
_PREDICATE_NOUNS = frozenset(("上线", "全部", "上市", "之间", "期间", "以来", "当中", "之中", "其中", "一起", "同时", "以后", "以前", "之后", "之前"))
#: After N级, what makes it a grade of a standard (2级及以上能效, 一级能效): a label, no count.
_GRADE_LABEL_AFTER = re.compile(r"(?:及以上|以上|及以下|以下)?(?:的)?(?:能效|水效|能耗|标准|资质)")
#: Nouns jieba tags as verbs that head a phrase after a noun (国际组织, 行业组织).
_NOUNS_TAGGED_VERB = frozenset(("组织",))
#: How measured quantities end (产量, 单价, 汇率, 协议金额): not what 个 counts.
_METRIC_ENDS = ("率", "量", "价", "金额", "总额")


@lru_cache(maxsize=1024)
def _noun_counted(after: str, segmenter: Segmenter) -> str | None:
    """The people, named by a common noun of two or more characters, that a bare amount right before
    ``after`` counts (15万渡船工人 -> 工人, 200余新生 -> 新生), read as :func:`_head_noun` reads the noun
    after 个; None when the words start with a verb, or the head is a name, a time or no people.

    A place or a state before the people (13亿中国人, 300万上海市民, 17万在校中学生) is a modifier: the
    people after it are counted (中国人 whole, as 人 alone names none), not the place (北京银行 counts no people;
    jieba reads 北京市民 as one place name, which stays no people).

    >>> seg = default_segmenter()
    >>> [_noun_counted(a, seg) for a in ("渡船工人罢工", "高校毕业生", "投入建设", "豪宅", "北京市民", "年前")]
    ['工人', '毕业生', None, None, None, None]
    >>> [_noun_counted(a, seg) for a in ("中国人相比", "在校中学生", "兰州考生", "北京银行", "中国人寿股份")]
    ['中国人', '中学生', '考生', None, None]
    """
    words = segmenter.tag(after, hmm=False)
    if len(after) == 8 and len(words) > 1:
        words = words[:-1]  # the letters may go on past the window: the last word may be cut
    if len(words) > 1 and (words[0][1] == "ns" or words[0][0] in _STATE_BEFORE_PEOPLE):
        if words[1][0] == "人":
            return words[0][0] + "人"  # 13亿中国人, 300万上海人: the people of a place
        words = words[1:]  # 300万北京市民, 17万在校中学生: the place or state modifies the people counted
    words = [(w, "n") if w in _PEOPLE_TAGGED_VERB else (w, t) for w, t in words]  # (jieba tags 考生 a verb)
    if not words or words[0][1][:1] == "v":
        return None
    head = _head_noun(words)
    if head is None or len(head) < 2 or not (head[-1] in _PEOPLE_LAST or head in _PEOPLE_WORDS):
        return None
    tag = next(t for w, t in words if w == head) if any(w == head for w, _ in words) else "n"
    return None if tag in _NAME_TAGS and head not in _PEOPLE_WORDS else head  # (jieba tags 青年 a time)


#: How nouns of people end (工人, 学生, 选民, 敌军, 同胞, 游客 …), and some that end otherwise.
_PEOPLE_LAST = frozenset("人者员生民工兵军众胞友迷客童女男徒士师属族匠户")  # (户: 用户, 农户, 散户 — households and users)
_PEOPLE_WORDS = frozenset(("青年", "少年", "妇女", "儿童", "队伍", "大军", "人口", "文盲"))
#: States before the people a bare amount counts (17万在校中学生, 3万在职职工): modifiers, as a place is.
_STATE_BEFORE_PEOPLE = frozenset(("在校", "在读", "在职", "在岗", "在押", "在册", "在编", "在华", "在京", "在沪"))
#: People nouns jieba tags as verbs.
_PEOPLE_TAGGED_VERB = frozenset(("考生",))
#: Those states and 中国, which start with a character of _NOUN_STOP (中 "in", 在 "at"), after a bare amount.
_STOP_BEFORE_PEOPLE = ("中国", *_STATE_BEFORE_PEOPLE)
#: jieba's tags of names and times: a bare amount counts none of them (300万北京市民, 30万年前).
_NAME_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nt", "nz", "t", "tg"))


def _is_noun_tag(tag: str) -> bool:
    return tag[:1] == "n" or tag in _OTHER_NOUN_TAGS


def _head_noun(words: list[tuple[str, str]]) -> str | None:
    """The last noun of the modifier-and-noun phrase that ``words`` (word, tag) start with.

    >>> _head_noun([("非常", "d"), ("重要", "a"), ("的", "uj"), ("问题", "n"), ("，", "x")])
    '问题'
    >>> _head_noun([("人", "n"), ("会", "v"), ("参加", "v")]), _head_noun([("独立", "v"), ("的", "uj"), ("摊位", "n")])
    ('人', None)
    """
    n = len(words)
    head = None
    head_tag = ""
    modified = False  # a modifier since the last noun (的 may follow it)
    i = 0
    while i < n:
        w, t = words[i]
        if (
            i + 1 < n and len(w) == 1 and w not in _NOUN_STOP and words[i + 1][1] == "q"
            and len(words[i + 1][0]) == 1 and words[i + 1][0] not in _NOUN_STOP
        ):
            w, t = w + words[i + 1][0], "n"  # 胜 场, 金 圈: one word the dictionary lacks
            i += 1
        if len(w) == 1 and w in _NOUN_STOP and t != "uj":
            break
        if t == "v" and w in _NOUNS_TAGGED_VERB and head is not None and (
            i + 1 == n or (words[i + 1][1] not in ("ul", "uz", "ug") and not _is_noun_tag(words[i + 1][1]))
        ):
            t = "n"  # 30多个国际组织签署: jieba tags 组织 a verb; after a noun, with no 了 or object after it, the head
        if t == "l" and i + 1 < n and words[i + 1][1] == "uj":
            modified = True  # 大小不等的区域: an idiom before 的 is a modifier
        elif _is_noun_tag(t):
            if head is not None and (
                t in _NOT_AFTER_NOUN or t in _FOREIGN_NAME_TAGS or len(w) == 1 or len(head) == 1 or (head_tag in _PHRASE_END_TAGS and not modified)
                or w in _METRIC_SET or w[-2:] in _METRIC_SET or w.endswith(_METRIC_ENDS) or w in _PREDICATE_NOUNS
            ):
                # 3个App上线, 两个人出面, 两个字形容, 16个城市套型面积: a Latin name, a place
                # noun or a one-character noun ends the phrase, a verbal noun or an idiom after the noun is its predicate; 5个城市
                # 房价上涨: cities are counted, their prices are the topic
                break
            head_tag = t
            head, modified = w, False
        elif t in _MODIFIER_TAGS:
            modified = True
        elif t == "uj":
            if head is not None and head_tag in _POSSESSOR_TAGS:
                head, modified = None, True  # 3个国务院的报告: a name before 的 owns what is counted
            elif head is not None or not modified:
                break  # 三个方面的结合: the noun is already there
        elif t[:1] == "v" and i == 0 and i + 1 < n and _is_noun_tag(words[i + 1][1]):
            modified = True  # 进攻篮板, 增发项目 (right after 个 only: 1个批次检出微量 counts 批次)
        else:
            break
        i += 1
    return head


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The segmenter :func:`_counted_noun` reads with when the caller gives none (jieba's
    dictionary alone), made on first use: loading it takes about 0.1 s and 25 MB, so the
    ``news_facts`` stage passes the pipeline tokenizer's instead."""
    from ..tokenizer import Segmenter

    return Segmenter()


def _sig6(v: float) -> int | float:
    """Six significant digits: 1/3 -> 33.3333, 6e-05 stays 6e-05 (inf stays inf).

    >>> _sig6(100 / 3), _sig6(6e-05), _sig6(75.0), _sig6(1e308 * 10)
    (33.3333, 6e-05, 75, inf)
    """
    r = float(f"{v:.6g}")
    return int(r) if abs(r) < 1e15 and r == int(r) else r


def _finite(value: Any) -> bool:
    """Whether a candidate's value holds no infinite or NaN float (plain, or in a low/high range).

    >>> _finite(3.5), _finite("2024"), _finite({"low": 1, "high": float("inf")}), _finite(None)
    (True, True, False, True)
    """
    if type(value) is float:
        return value - value == 0.0  # inf - inf and nan - nan are nan
    if type(value) is dict:
        return all(_finite(v) for v in value.values())
    return True


_BIG_CHARS = frozenset("百千万亿兆佰仟")
_MAG_CHARS = frozenset("万亿兆十百千佰仟拾")


def _months_counted(f: str, start: int) -> bool:
    """Whether N月 at ``start`` counts months by what stands before it: 每 (每2月一次, 每 2月) or a
    word of duration (:data:`_MONTHS_COUNTED_AFTER`: 连续3月下滑), not a month of the year.

    >>> [_months_counted(t, t.index("3")) for t in ("每3月一次", "连续3月下滑", "持续到3月", "今年3月", "近3月共有", "接近3月底")]
    [True, True, False, False, True, False]
    """
    before = f[max(0, start - 2) : start]
    return before.endswith("每") or before in _MONTHS_COUNTED_AFTER or (before.endswith("近") and before[:-1] not in _NEAR_TIME_HEADS)


def _whole(v: float) -> int | None:
    """``v`` as an int when it is a whole number (a rank), else None."""
    return int(v) if v == int(v) else None


#: The Latin letters that end an amount as its magnitude (3.5k, 20M, 1.2B).
_LATIN_MAGNITUDES = ("k", "K", "M", "B")


def _has_magnitude(core: str) -> bool:
    return not _MAG_CHARS.isdisjoint(core) or core[-1:] in _LATIN_MAGNITUDES


def _magnitude(core: str) -> float:
    """The magnitude that ends a numeral: 九百亿 -> 1e10 (for 八到九百亿).

    >>> _magnitude("九百亿"), _magnitude("20亿"), _magnitude("5")
    (10000000000.0, 100000000.0, 1.0)
    """
    i = len(core)
    while i > 0 and core[i - 1] in "十百千万亿兆":
        i -= 1
    tail = core[i:]
    if not tail:
        return 1.0
    return parse_number("一" + tail) or 1.0


_TENS_PAIR_RE = re.compile("([一二三四五六七八九]?十)([一二三四五六七八九])([一二三四五六七八九])(.*)")
#: A round head, then two neighbouring digits of the next place (一百四五十, 三千五六百, 两万三四千).
_HEAD_PAIR_RE = re.compile("([一二两三四五六七八九][百千万])([一二三四五六七八九])([一二三四五六七八九])([十百千])([万亿]?)")
_PLACE = {"十": 10, "百": 100, "千": 1000, "万": 10000}


#: Around N大 (N from 11 to 20), the words of a party congress: its owner before (中共, 党的) or what is said of it after.
_CONGRESS_BEFORE = frozenset(("中共", "党的", "团的", "共青团"))
_CONGRESS_AFTER = frozenset((
    "精神", "报告", "以来", "代表", "召开", "期间", "提出", "胜利", "闭幕", "开幕", "确定", "通过", "之后", "以后", "前夕", "部署", "决定",
    "上", "后", "前", "和", "、",
))
_CONGRESS_RE = re.compile("(?:十[一二三四五六七八九]|二十)大")


def _is_congress(f: str, start: int, end: int) -> bool:
    """Whether the numeral at ``f[start:end]``, before 大, ranks a party congress (党的十五大, 十七大以来).

    >>> [_is_congress(t, 2, 4) for t in ("党的十五大报告", "我国十六大城市", "中共十七大", "这是十七大上")]
    [True, False, True, True]
    >>> _is_congress("中国十大新闻", 2, 3)
    False
    """
    m = _CONGRESS_RE.match(f, start)
    if m is None or m.end() != end + 1:
        return False
    return f[start - 2 : start] in _CONGRESS_BEFORE or f[start - 3 : start] in _CONGRESS_BEFORE or (
        f[end + 1 : end + 3] in _CONGRESS_AFTER or f[end + 1 : end + 2] in _CONGRESS_AFTER
    )


def _is_gigabytes(f: str, end: int, value: float) -> bool:
    """Whether the number before ``G`` at ``f[end]`` is a size in gigabytes (8G卡, 16G版), not a network's
    generation (3G, 5G) or a name (3GS, 8G20).

    >>> [_is_gigabytes(t, 1, 8) for t in ("8G卡", "8GS")], _is_gigabytes("5G网络", 1, 5)
    ([True, False], False)
    """
    return value >= 8 and value == int(value) and not (f[end + 1 : end + 2].isascii() and f[end + 1 : end + 2].isalnum())


def _adjacent_range(core: str) -> tuple[float, float] | None:
    """六七 -> (6, 7); 两三万 -> (20000, 30000); 二三十 -> (20, 30); None otherwise.

    >>> _adjacent_range("两三万"), _adjacent_range("二三十"), _adjacent_range("九九"), _adjacent_range("二零二五")
    ((20000.0, 30000.0), (20.0, 30.0), None, None)
    >>> _adjacent_range("十七八"), _adjacent_range("二十五六"), _adjacent_range("十七八万"), _adjacent_range("三五")
    ((17.0, 18.0), (25.0, 26.0), (170000.0, 180000.0), (3.0, 5.0))
    >>> _adjacent_range("一百四五十"), _adjacent_range("三千五六百万"), _adjacent_range("一百四十五")
    ((140.0, 150.0), (35000000.0, 36000000.0), None)
    """
    if len(core) < 2:
        return None
    if len(core) >= 5 and (m := _HEAD_PAIR_RE.fullmatch(core)) is not None:
        # 一百四五十场, 三千五六百元: a round head and two neighbouring digits of the place below it
        head, a, b, place = parse_number(m.group(1)), DIGITS[m.group(2)], DIGITS[m.group(3)], _PLACE[m.group(4)]
        big = {"": 1, "万": 1e4, "亿": 1e8}[m.group(5)]
        if head is None or b != a + 1 or place * 10 != _PLACE[m.group(1)[-1]]:
            return None
        return (head + a * place) * big, (head + b * place) * big
    if (m := _TENS_PAIR_RE.match(core)) is not None:
        # 十七八岁, 二十五六: tens, then two neighbouring units
        a, b = DIGITS[m.group(2)], DIGITS[m.group(3)]
        tens = parse_number(m.group(1))
        rest = m.group(4)
        mult = parse_number("一" + rest) if rest else 1.0
        if b != a + 1 or tens is None or mult is None or any(c in DIGITS for c in rest):
            return None
        return (tens + a) * mult, (tens + b) * mult
    if core[0] not in DIGITS or core[1] not in DIGITS:
        return None
    a, b = DIGITS[core[0]], DIGITS[core[1]]
    if (b != a + 1 and (a, b) != (3, 5)) or a == 0:  # 三五年 "three to five years", as 三四年 is
        return None
    rest = core[2:]
    if any(c in DIGITS for c in rest):
        return None
    mult = parse_number("一" + rest) if rest else 1.0
    if mult is None:
        return None
    return a * mult, b * mult


def _searched(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    """Whether any of ``patterns`` is found in ``text`` (a function, so the scanner's compiled methods hold no
    generator: Cython compiles none inside them).

    >>> _searched([re.compile("a"), re.compile("b")], "xbx"), _searched([re.compile("a")], "xyz")
    (True, False)
    """
    return any(p.search(text) for p in patterns)


def _whole_in(pair: tuple[float, float], lo: float, hi: float, step: int = 1) -> bool:
    """Whether both values of ``pair`` are whole numbers from ``lo`` to ``hi``, multiples of ``step``.

    >>> _whole_in((20, 30), 10, 90, 10), _whole_in((2.5, 3), 0, 24), _whole_in((3, 40), 1, 31)
    (True, False, False)
    """
    return all(v == int(v) and lo <= v <= hi and v % step == 0 for v in pair)


def _duration_of(code: str, v: float | None) -> str | None:
    """:func:`_duration` of ``v`` whole units of ``code`` (a value maker for :meth:`_Scanner.coordinated`).

    >>> _duration_of("M", 3)
    'P3M'
    """
    return _duration(v, code, 0.0)


def _scaled(mag: float, v: float) -> Any:
    """``v`` times the magnitude ``mag``, as a fact's value (a value maker for :meth:`_Scanner.coordinated`).

    >>> _scaled(10000, 3.5)
    35000
    """
    return format_value(v * mag)


def _duration(v: float | None, code: str, half: float) -> str | None:
    """ISO 8601 duration of ``v`` units.

    >>> _duration(3, "Y", 0), _duration(0.5, "Y", 0), _duration(2, "H", 0), _duration(1, "Y", 0.5), _duration(2.2 * 1e8, "Y", 0)
    ('P3Y', 'P6M', 'PT2H', 'P18M', 'P220000000Y')
    """
    if v is None:
        return None
    v = round(v + half, 6)  # 2.2亿年: 2.2 * 1e8 is 220000000.00000003 in floating point, a whole number of years
    if code == "Q":
        code, v = "M", v * 3
    if code in ("Y",) and v != int(v):
        code, v = "M", v * 12
    if code == "W" and v != int(v):
        code, v = "D", v * 7
    if code == "D" and v != int(v):
        code, v = "H", v * 24
    if code == "H" and v != int(v):
        code, v = "MIN", v * 60
    n = format_value(v)
    if code in ("H", "MIN", "S"):
        return f"PT{n}{'M' if code == 'MIN' else code}"
    return f"P{n}{code}"
