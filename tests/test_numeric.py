"""Numeric facts: a table of sentences written for these tests (none copied from any corpus).

Each FOUND case names a sentence, the span of one fact in it and what that fact must be;
each IGNORED case names a sentence and a stretch of it that must hold no fact.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_news.numeric.dates import DATE_RE, DATE_SOURCE
from nlp_news.numeric.extract import (
    _CHANGE_RE,
    _DATE_HEAD_RE,
    _DEAD_HURT_RE,
    _HALF_SHARE_RE,
    _LEFT_FIRST,
    _LEFT_RE,
    _LEFT_SOURCE,
    _NUMBER_RE,
    _NUMERAL_HEADS,
    _SHOTS_RE,
    _TAIL_RE,
    _TAIL_SOURCE,
    _URL_RE,
    NUMBER,
    _half_shares,
    _Scanner,
    extract_facts,
)
from nlp_news.numeric.linking import link_facts, main_entity_of
from nlp_news.numeric.numbers import find_numbers
from nlp_news.numeric.numerals import _MAY_FOLD, _NEEDS_FOLD, fold, format_value, parse_folded, parse_number, to_digits
from nlp_news.numeric.ranges import find_ranges
from nlp_news.schema import Entity

PUB = dt.date(2025, 11, 3)

# (sentence, span, kind, value, other fields that must match)
FOUND = [
    # money: scales, currencies, bounds
    ("公司去年营收3050万美元。", "3050万美元", "money", 30500000, {"currency": "USD"}),
    ("公司去年营收3050 万美元。", "3050 万美元", "money", 30500000, {"currency": "USD"}),
    ("净利润为13.5亿元。", "13.5亿元", "money", 1350000000, {"currency": "CNY"}),
    ("账上现金 11.02 亿美元。", "11.02 亿美元", "money", 1102000000, {"currency": "USD"}),
    ("亏损超过13.27亿美元(约92亿元人民币)。", "超过13.27亿美元", "money", 1327000000, {"qualifier": "over"}),
    ("亏损超过13.27亿美元(约92亿元人民币)。", "约92亿元人民币", "money", 9200000000, {"currency": "CNY", "qualifier": "about"}),
    ("估值约为5亿港元。", "约为5亿港元", "money", 500000000, {"currency": "HKD", "qualifier": "about"}),
    ("每股作价1.95港币。", "1.95港币", "money", 1.95, {"currency": "HKD", "unit": "/股"}),
    ("门票售价80欧元。", "80欧元", "money", 80, {"currency": "EUR"}),
    ("收购金额为1万亿日元。", "1万亿日元", "money", 1000000000000, {"currency": "JPY"}),
    ("转会费为6000万英镑。", "6000万英镑", "money", 60000000, {"currency": "GBP"}),
    ("台积电投入500亿新台币。", "500亿新台币", "money", 50000000000, {"currency": "TWD"}),
    ("合同价值30亿韩元。", "30亿韩元", "money", 3000000000, {"currency": "KRW"}),
    ("学费为每年4万澳元。", "4万澳元", "money", 40000, {"currency": "AUD"}),
    ("他捐出了100美金。", "100美金", "money", 100, {"currency": "USD"}),
    ("这件衬衫卖三百块钱。", "三百块钱", "money", 300, {"currency": "CNY"}),
    # 块 is the yuan before a pause, 钱, a verb or particle; a classifier before a noun
    ("他跟朋友借了一万块来应急。", "一万块", "money", 10000, {"currency": "CNY"}),
    ("她花了两千块买了手机。", "两千块", "money", 2000, {"currency": "CNY"}),
    ("这台电脑有3块屏幕。", "3块", "count", 3, {"unit": "块"}),
    ("签合约时每度电3块5的收费不合理。", "3块5", "money", 3.5, {"currency": "CNY"}),  # 合约 is no bound
    ("一瓶水卖三块五。", "三块五", "money", 3.5, {"currency": "CNY"}),
    # a range that writes its currency twice is one fact; no minus sign right after an amount
    ("整体成交价达到2.3万元-2.4万元/平方米。", "2.3万元-2.4万元/平方米", "money", {"low": 23000, "high": 24000},
     {"currency": "CNY", "unit": "/平方米"}),
    ("学生票价由100元-80元不等。", "80元", "money", 80, {"currency": "CNY"}),
    # heights and lengths as said: 2米15 is 2.15 m
    ("身高2米15的中锋入选了国家队。", "2米15", "count", 2.15, {"unit": "米"}),
    ("她有1米8的个子。", "1米8", "count", 1.8, {"unit": "米"}),
    # copy damaged upstream: a space before the decimal point
    ("机身背面是一块3 .0英寸的屏幕。", "3 .0英寸", "count", 3, {"unit": "英寸"}),
    # a full-width comma before a year is no thousands separator
    ("他的球队排名第21，2008年回到了前十。", "第21", "ordinal", 21, {}),
    ("小将爆冷击败世界NO.7晋级", "NO.7", "ordinal", 7, {}),  # a rank written in English
    # NUMERIC-CONVENTIONS: 上亿 alone is 1e8 over; 一 contrasted with another count is a count;
    # a term or session without 第 is an ordinal
    ("这个项目投入了上亿资金。", "上亿", "number", 100000000, {"qualifier": "over"}),
    ("今年的专项债发行规模超万亿，市场关注", "超万亿", "number", 1000000000000, {"qualifier": "over"}),  # a bound before bare 万亿
    ("这部电影的宣传花了上千万元。", "上千万元", "money", 10000000, {"qualifier": "over", "currency": "CNY"}),
    ("他家有一套房子和两套商铺。", "一套", "count", 1, {"unit": "套"}),
    ("十一届全国人大常委会今天开幕。", "十一届", "ordinal", 11, {"unit": "届"}),
    ("大会的二次会议将在明年召开。", "二次", "ordinal", 2, {"unit": "次"}),
    # the session of a numbered term is its rank, as the term is (召开了三次会议 counts meetings)
    ("十四届全国人大三次会议在京开幕。", "三次", "ordinal", 3, {"unit": "次"}),
    ("市政协十二届二次会议闭幕。", "十二届", "ordinal", 12, {"unit": "届"}),
    ("本届大会共召开了三次会议。", "三次", "count", 3, {"unit": "次"}),
    # an accident's toll N死M伤: two counts
    ("车祸造成2死3伤。", "2死", "count", 2, {"unit": "死"}),
    ("车祸造成2死3伤。", "3伤", "count", 3, {"unit": "伤"}),
    # 来 after a round number and before its unit is "about" (一千来自各地 is 1000 and 来自)
    ("他迟到了十来分钟。", "十来分钟", "duration", "PT10M", {"qualifier": "about"}),
    ("现场来了100来人。", "100来人", "count", 100, {"unit": "人", "qualifier": "about"}),
    ("他采访了一千来自各行各业的人。", "一千", "number", 1000, {"qualifier": None}),
    # years and months of one time
    ("他被判处有期徒刑3年6个月。", "3年6个月", "duration", "P3Y6M", {}),
    ("工程历时1年零3个月。", "1年零3个月", "duration", "P1Y3M", {}),
    # a year-like price after a currency sign is money; more currencies
    ("新机售价¥1999。", "¥1999", "money", 1999, {"currency": "CNY"}),
    ("项目投资200万新西兰元。", "200万新西兰元", "money", 2000000, {"currency": "NZD"}),
    ("合同金额为5000万沙特里亚尔。", "5000万沙特里亚尔", "money", 50000000, {"currency": "SAR"}),
    ("门票售价300丹麦克朗。", "300丹麦克朗", "money", 300, {"currency": "DKK"}),
    # a promotion's threshold and reward are prices, 2000 no year
    ("商场推出满2000送260活动。", "2000", "money", 2000, {"currency": "CNY"}),
    ("商场推出满2000送260活动。", "260", "money", 260, {"currency": "CNY"}),
    ("每满300减40，上不封顶。", "300", "money", 300, {"currency": "CNY"}),
    # a bare year at the very end of a text is a year too
    ("告别2024，迎来2025", "2025", "date", "2025", {}),
    # a time range that writes its unit twice; a span of decades
    ("本科学制为3年至4年。", "3年至4年", "duration", {"low": "P3Y", "high": "P4Y"}, {}),
    ("这种官司一拖就是十年八年", "十年八年", "duration", {"low": "P8Y", "high": "P10Y"}, {}),  # side by side: one range
    ("这笔钱再等三年五年也值得", "三年五年", "duration", {"low": "P3Y", "high": "P5Y"}, {}),
    ("计划3年-5年内完成重组。", "3年-5年内", "duration", {"low": "P3Y", "high": "P5Y"}, {"qualifier": "under"}),
    ("影片贴近70至90年代出生的观众。", "70至90年代", "date", {"start": "1970", "end": "1999"}, {"qualifier": None}),
    ("上世纪60年代至70年代的老歌", "上世纪60年代至70年代", "date", {"start": "1960", "end": "1979"}, {"relative": True}),
    ("展会在周四到周六的三天里举行", "周四到周六", "date", None, {"relative": True}),  # weekdays with no published date: one period
    ("该厂在70年代末到80年代初停产", "70年代末到80年代初", "date", {"start": "1970", "end": "1989"}, {}),
    ("1980年代至1990年代的移民潮", "1980年代至1990年代", "date", {"start": "1980", "end": "1999"}, {"relative": False}),
    # a half or quarter after 年的 is that year's, as 2024年的前三季度 is
    ("整个09年的上半年，行业表现平稳。", "09年的上半年", "date", "2009-H1", {}),
    ("2024年的第三季度营收回升。", "2024年的第三季度", "date", "2024-Q3", {}),
    ("玩家可获得奖励点数1000点。", "1000点", "number", 1000, {"unit": "点"}),
    # half of a whole: 一半 and 半数 with the bound words around them (50, as NUMERIC-CONVENTIONS reads 一半)
    ("调查中，超过半数的受访者表示满意，涨幅超过100%。", "超过半数", "percent", 50, {"qualifier": "over"}),
    ("全球有近一半的人口居住在城市。", "近一半", "percent", 50, {"qualifier": "under"}),
    ("武打戏份占到一半以上。", "一半以上", "percent", 50, {"qualifier": "over"}),
    ("过半受访者自认压力大。", "过半", "percent", 50, {"qualifier": "over"}),
    # a bound word before 半小时 read after the main pass is kept although an amount follows
    ("经近半小时努力，救出3人。", "近半小时", "duration", "PT30M", {"qualifier": "under"}),
    ("缴存公积金在半年以上。", "半年以上", "duration", "P6M", {"qualifier": "over"}),
    ("房价三五年内难以回落。", "三五年内", "duration", {"low": "P3Y", "high": "P5Y"}, {"qualifier": "under"}),
    # a shooting score in rings (a ring road written with a Chinese numeral is a name)
    ("她在决赛中打出252.8环。", "252.8环", "count", 252.8, {"unit": "环"}),
    # a range of hours written N点到M点 is a time of day, not index points
    ("展会每天9点到17点开放。", "9点到17点", "date", {"start": "T09", "end": "T17"}, {}),
    ("每晚21点-23点开放副本。", "晚21点-23点", "date", {"start": "T21", "end": "T23"}, {}),
    ("活动于晚上8点到10点举行。", "晚上8点到10点", "date", {"start": "T20", "end": "T22"}, {}),
    ("会议在下午三点到五点举行。", "下午三点到五点", "date", {"start": "T15", "end": "T17"}, {}),
    ("他于凌晨1点左右离开。", "凌晨1点左右", "date", "T01", {"qualifier": "about"}),
    ("比赛还剩1分半钟时他投进绝杀。", "1分半钟", "duration", "PT1M30S", {}),
    ("从台北到长沙花了六个多小时。", "六个多小时", "duration", "PT6H", {"qualifier": "over"}),
    ("工程又拖了3个多月。", "3个多月", "duration", "P3M", {"qualifier": "over"}),
    ("记者下午1时多抵达现场。", "下午1时多", "date", "T13", {"qualifier": "over"}),
    ("该复式单位面积5131方尺。", "5131方尺", "count", 5131, {"unit": "方尺"}),
    ("这场事故共有76人遇难。", "76人", "count", 76, {"unit": "人"}),
    ("学费每学年5000元。", "5000元", "money", 5000, {"unit": "/学年"}),
    ("南北2段桥面在空中合龙。", "2段", "count", 2, {"unit": "段"}),
    ("这也拉近了两人距离，拉近两人距离。", "两人", "count", 2, {"qualifier": None}),
    # the spoken 个亿: 1个亿 is 100 million
    ("他一个人管理着10个亿的资产。", "10个亿", "number", 1000000000, {}),
    ("公司去年亏了两个多亿元。", "两个多亿元", "money", 200000000, {"currency": "CNY", "qualifier": "over"}),
    ("这家私募管理六七个亿的资金。", "六七个亿", "number", {"low": 600000000, "high": 700000000}, {}),
    # a range whose first end is spoken 个亿 is one fact, its second end with its own magnitude
    ("新项目要投入4个亿到6个亿", "4个亿到6个亿", "number", {"low": 400000000, "high": 600000000}, {}),
    ("年产值约2千个亿至2.5千亿", "约2千个亿至2.5千亿", "number", {"low": 200000000000, "high": 250000000000}, {"qualifier": "about"}),
    ("预计亏损8个亿至10亿元", "8个亿至10亿元", "money", {"low": 800000000, "high": 1000000000}, {"currency": "CNY"}),
    ("店里摆着三个万能充电器。", "三个", "count", 3, {"unit": "充电器"}),
    ("一瓶水卖2元5角。", "2元5角", "money", 2.5, {"currency": "CNY"}),
    ("邮票面值8角。", "8角", "money", 0.8, {"currency": "CNY"}),
    ("账单合计50元6角3分。", "50元6角3分", "money", 50.63, {"currency": "CNY"}),
    ("融资人民币约5亿元。", "人民币约5亿元", "money", 500000000, {"currency": "CNY", "qualifier": "about"}),
    ("公司募集3亿元人民币。", "3亿元人民币", "money", 300000000, {"currency": "CNY"}),
    ("现价$20一件。", "$20", "money", 20, {"currency": "USD"}),
    ("奖金高达¥300。", "¥300", "money", 300, {"currency": "CNY"}),
    ("白菜2元/斤。", "2元/斤", "money", 2, {"unit": "/斤"}),
    ("土地每亩12万元。", "12万元", "money", 120000, {"unit": "/亩"}),
    ("投资额为1,100万元。", "1,100万元", "money", 11000000, {}),
    ("预算达到３０５０万元。", "３０５０万元", "money", 30500000, {}),
    ("营收达1.8 亿美元。", "1.8 亿美元", "money", 180000000, {}),
    ("他们筹集了三千零五十万元。", "三千零五十万元", "money", 30500000, {}),
    ("每份合同两三万元。", "两三万元", "money", {"low": 20000, "high": 30000}, {}),
    ("项目投资10-20亿元。", "10-20亿元", "money", {"low": 1000000000, "high": 2000000000}, {}),
    ("市场规模八到九百亿元。", "八到九百亿元", "money", {"low": 80000000000, "high": 90000000000}, {}),
    ("他借了十几万元。", "十几万元", "money", 100000, {"qualifier": "over"}),
    ("工程耗资逾50亿元左右。", "逾50亿元左右", "money", 5000000000, {"qualifier": "over"}),
    ("成本不到500万元。", "不到500万元", "money", 5000000, {"qualifier": "under"}),
    ("损失近千万元。", "近千万元", "money", 10000000, {"qualifier": "under"}),
    ("营收5000万元以上。", "5000万元以上", "money", 50000000, {"qualifier": "over"}),
    ("售价在100元上下。", "100元上下", "money", 100, {"qualifier": "about"}),
    ("奖金超过了30万元。", "超过了30万元", "money", 300000, {"qualifier": "over"}),
    ("押金至少在5万元。", "至少在5万元", "money", 50000, {"qualifier": "over"}),
    ("收入同比增长至1200万元。", "1200万元", "money", 12000000, {"change": "+"}),
    ("费用下降到300万元。", "300万元", "money", 3000000, {"change": "-"}),
    ("员工每月工资500余元。", "500余元", "money", 500, {"qualifier": "over"}),
    ("合同价值2.5亿元。", "2.5亿元", "money", 250000000, {}),
    ("贷款规模4.78万亿元。", "4.78万亿元", "money", 4780000000000, {}),
    ("总价壹佰伍拾元。", "壹佰伍拾元", "money", 150, {}),
    # percent
    ("毛利率为23.3%。", "23.3%", "percent", 23.3, {}),
    ("占比２０％。", "２０％", "percent", 20, {}),
    ("营收同比增长超过170%。", "超过170%", "percent", 170, {"qualifier": "over", "change": "+"}),
    ("利润下降了12.5%。", "12.5%", "percent", 12.5, {"change": "-"}),
    ("完成率达百分之二十三点五。", "百分之二十三点五", "percent", 23.5, {}),
    ("税率为百分之5。", "百分之5", "percent", 5, {}),
    ("市场份额约三成。", "约三成", "percent", 30, {"qualifier": "about"}),
    ("销量增长了两成。", "两成", "percent", 20, {"change": "+"}),
    ("亏损企业占六成有余。", "六成有余", "percent", 60, {"qualifier": "over"}),
    ("商品打8折出售。", "8折", "percent", 80, {"unit": "折"}),
    ("失业率上升0.3个百分点。", "0.3个百分点", "percent", 0.3, {"unit": "百分点", "change": "+"}),
    ("增速回落两个百分点。", "两个百分点", "percent", 2, {"unit": "百分点"}),
    # Hong Kong copy's 厘 after an interest word is a point of interest (派息5厘 is none: a dividend)
    ("分析师预期央行年内再加息0.75厘", "0.75厘", "percent", 0.75, {"unit": "厘", "change": "+"}),
    ("按揭利率下调0.25厘", "0.25厘", "percent", 0.25, {"unit": "厘"}),
    ("四分之三的居民支持。", "四分之三", "percent", 75, {}),
    ("三分之一的员工离职。", "三分之一", "percent", 33.3333, {}),
    # a range of shares is one fact, its ends fractions (or 一半)
    ("出口占其营收的1/4到1/3", "1/4到1/3", "percent", {"low": 25, "high": 33.3333}, {}),
    ("外资持股约在五分之一至三分之一之间", "约在五分之一至三分之一", "percent", {"low": 20, "high": 33.3333}, {"qualifier": "about"}),
    ("该费用占成本的三分之一至一半", "三分之一至一半", "percent", {"low": 33.3333, "high": 50}, {}),
    ("一半的订单来自海外。", "一半", "percent", 50, {}),
    ("涨幅在60-95%之间。", "60-95%", "percent", {"low": 60, "high": 95}, {}),
    ("海外用户占比超过80%。", "超过80%", "percent", 80, {"qualifier": "over"}),
    ("收益率为-3.5%。", "-3.5%", "percent", -3.5, {}),
    ("通胀率约为2%左右。", "约为2%左右", "percent", 2, {"qualifier": "about"}),
    # counts
    ("平台拥有2.12亿用户。", "2.12亿用户", "count", 212000000, {"unit": "用户"}),
    ("产品已覆盖200多个国家。", "200多个", "count", 200, {"unit": "国家", "qualifier": "over"}),
    ("起诉方共有12家公司。", "12家", "count", 12, {"unit": "家"}),
    ("累计生成5.9亿个视频。", "5.9亿个", "count", 590000000, {"unit": "视频"}),
    ("新建住宅6万平米。", "6万平米", "count", 60000, {"unit": "平米"}),
    ("支持40+种语言。", "40+种", "count", 40, {"qualifier": "over", "unit": "种"}),
    ("他今年23岁。", "23岁", "count", 23, {"unit": "岁"}),
    ("园区有六七家工厂。", "六七家", "count", {"low": 6, "high": 7}, {"unit": "家"}),
    ("这两家公司都在上海。", "两家", "count", 2, {"unit": "家"}),
    ("仓库里有三千只鸭子。", "三千只", "count", 3000, {"unit": "只"}),
    ("屏幕尺寸为6.1英寸。", "6.1英寸", "count", 6.1, {"unit": "英寸"}),
    ("手机内存256GB。", "256GB", "count", 256, {"unit": "GB"}),
    ("这台摄像机的最低照度为0.5lux。", "0.5lux", "count", 0.5, {"unit": "lux"}),
    ("全国CPI10月同比上涨0.2%。", "10月", "date", "--10", {"relative": True}),  # an abbreviation before the month
    ("人民币对美元汇率为7.12。", "7.12", "number", 7.12, {}),  # an exchange rate, an index without 点
    # the period a date closes, as prospectuses write it
    ("这款摄像机售价不足2K。", "不足2K", "money", 2000, {"currency": "CNY", "qualifier": "under"}),  # a price in thousands (售价: money, as 售价不足2000)
    ("两市成交额连续5日突破万亿元。", "5日", "duration", "P5D", {}),  # days counted, not the 5th
    ("国际油价连续三日下跌。", "三日", "duration", "P3D", {}),
    ("这次展会历时7日。", "7日", "duration", "P7D", {}),
    ("他获得男单第3/4名", "第3", "ordinal", 3, {}),  # ranks around a slash (第20/2008号 is a code)
    ("两队一年里交手过3次", "3次", "count", 3, {"unit": "次"}),
    ("他这一年里增长了30%的收入", "30%", "percent", 30, {}),
    ("全队1次也没赢过", "1次", "count", 1, {"unit": "次"}),
    ("正赛中他将从12位发车", "12位", "ordinal", 12, {"unit": "位"}),  # a grid position, no count of people
    ("他因违规被罚后退5位发车", "5位", "count", 5, {"unit": "位"}),  # places moved back, counted
    ("创业板指数连跌五日 成交萎缩", "五日", "duration", "P5D", {}),  # a market's run of days, no 5th of the month
    ("恒指连涨4日后高位震荡", "4日", "duration", "P4D", {}),
    ("中国代表团共获得40金27银24铜。", "27银", "count", 27, {"unit": "银"}),  # a medal tally
    ("公司FY2024全年营收为210亿美元。", "FY2024", "date", "2024", {}),  # a fiscal year, as 2024财年
    ("该岗位的月薪20K起。", "20K", "money", 20000, {"currency": "CNY"}),  # pay "from 20,000": 起 is no count of cases
    ("苹果以5800万部位列第二。", "5800万部", "count", 58000000, {"unit": "部"}),  # 部 | 位列, no 部位
    ("明天白天晴，北风三四级。", "三四级", "count", {"low": 3, "high": 4}, {"unit": "级"}),  # wind force
    ("这支球队本赛季2胜5平3负。", "5平", "count", 5, {"unit": "平"}),  # the draws of a record
    ("两队近10次交手，主队保持6胜4平。", "4平", "count", 4, {"unit": "平"}),
    ("上周美国商业原油库存增加310万桶。", "310万桶", "count", 3100000, {"unit": "桶"}),
    ("救援队搭起了三顶帐篷。", "三顶", "count", 3, {"unit": "顶"}),
    ("他已经接种了3剂疫苗。", "3剂", "count", 3, {"unit": "剂"}),
    ("比赛分成8组进行。", "8组", "count", 8, {"unit": "组"}),
    ("这条线路全长12站。", "12站", "count", 12, {"unit": "站"}),
    ("他们在桥下找到4具遗体。", "4具", "count", 4, {"unit": "具"}),
    ("展会于2024年8月21日、22日举行。", "22日", "date", "2024-08-22", {"relative": True}),  # a day listed after a date
    ("发布会定在9月3日和4日。", "4日", "date", "--09-04", {"relative": True}),
    ("这个楼盘本月开盘均价32000。", "32000", "money", 32000, {"currency": "CNY"}),  # a headline's price
    ("新盘推出90平两居，首付30万。", "90平", "count", 90, {"unit": "平"}),  # a flat's square metres
    ("该盘加推120平三居28000起。", "28000", "money", 28000, {"currency": "CNY"}),  # a price "from 28,000": no count of 起
    ("全年全市共发生1200起事故。", "1200起", "count", 1200, {"unit": "起"}),
    ("该公司上月营收为新台币2500亿元。", "新台币2500亿元", "money", 250000000000, {"currency": "TWD"}),  # a currency word before
    ("门票为澳门币100元。", "澳门币100元", "money", 100, {"currency": "MOP"}),
    ("最低工资调整为26.8元/小时。", "26.8元/小时", "money", 26.8, {"unit": "/小时"}),
    ("居民电价为每千瓦时0.6元。", "0.6元", "money", 0.6, {"unit": "/千瓦时"}),
    ("油价较年初下降了约8分钱。", "约8分钱", "money", 0.08, {"qualifier": "about", "currency": "CNY"}),
    ("台风中心最低气压为960百帕。", "960百帕", "count", 960, {"unit": "百帕"}),  # hPa, as written
    ("8至16周岁的用户每月充值有上限。", "8至16周岁", "count", {"low": 8, "high": 16}, {"unit": "周岁"}),  # ages, no weeks
    ("60周岁以上老人免票。", "60周岁以上", "count", 60, {"qualifier": "over"}),
    ("这条地铁开通11年以来客流翻番。", "11年", "duration", "P11Y", {}),  # the years since, no 2011
    ("港口全年完成吞吐量3100万标箱。", "3100万标箱", "count", 31000000, {"unit": "标箱"}),
    ("代表团以52金、40银、37铜收官。", "40银", "count", 40, {"unit": "银"}),
    ("土地收入下滑了三四成。", "三四成", "percent", {"low": 30, "high": 40}, {}),
    ("数据中心新增算力200PFlops。", "200PFlops", "count", 200, {"unit": "PFlops"}),
    ("开售后5分钟内销售额破亿。", "5分钟内", "duration", "PT5M", {"qualifier": "under"}),  # 内 | 销售额
    ("每周工时比法定的40小时多出3小时。", "40小时", "duration", "PT40H", {"qualifier": None}),  # 多出 "more by"
    ("第一档电价保持不变。", "第一档", "ordinal", 1, {"unit": "档"}),
    ("这套房子位于翠湖村三期。", "三期", "ordinal", 3, {"unit": "期"}),  # a phase, as 二期项目 (no count of 期)
    ("地铁一期工程年底完工。", "一期", "ordinal", 1, {"unit": "期"}),
    ("物流园区三期工厂已经投产。", "三期", "ordinal", 3, {"unit": "期"}),
    ("这套两居的均价2万1。", "2万1", "money", 21000, {}),  # said aloud: 2.1万, as 一万三 is 13000
    ("她留下1亿家产。", "1亿", "number", 100000000, {}),  # an estate (家产), no count of firms
    ("全市共有1·5万人参加演练。", "1·5万人", "count", 15000, {"unit": "人"}),  # · typeset as a decimal point
    ("指数当天上升16·73点。", "16·73点", "number", 16.73, {"unit": "点"}),
    ("股东按3∶1的比例获配新股。", "3∶1", "number", 3, {"unit": "ratio"}),  # the ratio sign
    ("新屏幕的长宽比为16:9。", "16:9", "number", 1.7778, {"unit": "ratio"}),
    ("楼盘最高优惠33万年底交房。", "33万", "number", 330000, {}),  # 33万 | 年底, no 330,000 years
    ("新盘在售均价9000现可享96折。", "9000", "money", 9000, {"currency": "CNY"}),  # a price noun, words after
    ("这款相机促销价4500(图)", "4500", "money", 4500, {"currency": "CNY"}),
    ("这台电视直降3000", "3000", "money", 3000, {"currency": "CNY"}),
    ("公司中期派息12港仙。", "12港仙", "money", 0.12, {"currency": "HKD"}),  # Hong Kong cents
    ("推荐几款998元内的手机。", "998元内", "money", 998, {"qualifier": "under"}),
    ("改革开放20年来变化巨大。", "20年", "duration", "P20Y", {}),
    ("比赛每周三次直播。", "三次", "count", 3, {"unit": "次"}),  # three times a week, no Wednesday
    ("联赛第一赛季的决赛在上海举行。", "第一赛季", "ordinal", 1, {"unit": "赛季"}),
    ("他笔耕三十载。", "三十载", "duration", "P30Y", {}),
    ("他的世界排名为259位。", "259位", "ordinal", 259, {"unit": "位"}),  # a rank without 第
    ("新盘推出230平大四居。", "230平", "count", 230, {"unit": "平"}),
    ("新盘推出35-105平1-3居。", "35-105平", "count", {"low": 35, "high": 105}, {"unit": "平"}),
    ("这家俱乐部卖出球员套现4000万镑。", "4000万镑", "money", 40000000, {"currency": "GBP"}),
    ("影片全球票房已达3亿＄。", "3亿＄", "money", 300000000, {"currency": "USD"}),  # dollars after the amount
    ("北约两架战机起飞拦截。", "两架", "count", 2, {"qualifier": None}),  # 北约 is NATO, no "about"
    ("球队在中超12轮只积了9分。", "12轮", "count", 12, {"qualifier": None}),  # 中超, a league
    ("小镇五期新品下月面世。", "五期", "ordinal", 5, {"unit": "期"}),
    ("他的排名升至14位。", "14位", "ordinal", 14, {"unit": "位"}),
    ("歹徒被连捅3刀。", "3刀", "count", 3, {"unit": "刀"}),
    ("民警当场开了2枪。", "2枪", "count", 2, {"unit": "枪"}),
    ("这支球队实现了三连冠。", "三连冠", "count", 3, {"unit": "连冠"}),
    ("这部电影取材于1970年代的一桩旧案。", "1970年代", "date", {"start": "1970", "end": "1979"}, {}),
    ("诗人（1803-1882）一生著述颇丰。", "1803-1882", "date", {"start": "1803", "end": "1882"}, {}),  # a life's span
    ("这块化石距今2.2亿年。", "2.2亿年", "duration", "P220000000Y", {}),  # whole years, not 2.64e9 months
    ("二手房标价30余万(图)", "30余万", "money", 300000, {"qualifier": "over"}),
    ("球队本赛季客场负3场。", "3场", "count", 3, {"unit": "场"}),  # 负 "lost", no minus
    ("他仅用4分多钟便取胜。", "4分多钟", "duration", "PT4M", {"qualifier": "over"}),
    ("这款相机报1980", "1980", "money", 1980, {"currency": "CNY"}),  # a quoted price, no year
    ("这款相机仅1450", "1450", "money", 1450, {"currency": "CNY"}),
    ("套餐包含3晚住宿。", "3晚", "count", 3, {"unit": "晚"}),
    ("他收到锦旗二十六面。", "二十六面", "count", 26, {"unit": "面"}),
    ("1998—1999财政年度的预算公布。", "1998—1999", "date", {"start": "1998", "end": "1999"}, {}),
    ("兑换礼品需要480000积分。", "480000积分", "count", 480000, {"unit": "积分"}),
    ("三部漫画合计连载1400多话。", "1400多话", "count", 1400, {"unit": "话", "qualifier": "over"}),
    ("经适房面积在70m2以内。", "70m2以内", "count", 70, {"unit": "m2", "qualifier": "under"}),
    ("这组文章——2008年5月在德国发表。", "2008年5月", "date", "2008-05", {}),  # a dash is no minus
    ("钟声敲响，12时一过，灯就灭了。", "12时", "date", "T12", {}),  # 一过 "as soon as", no minute
    ("截至北京时间22点，期货市场收盘。", "22点", "date", "T22", {}),  # a clock time, no index points
    ("上次客场不败还是4年零1天之前。", "4年零1天", "duration", "P4Y1D", {}),
    ("他打算在草原留上三五天。", "三五天", "duration", {"low": "P3D", "high": "P5D"}, {}),  # no 上 N 天 "the last days"
    ("两市成交额较前一日缩量1386亿元。", "1386亿元", "money", 138600000000, {"change": "-"}),  # turnover shrank
    ("沪市午后放量200亿元。", "200亿元", "money", 20000000000, {"change": "+"}),
    ("游戏将于5月27公测。", "5月27", "date", "--05-27", {}),  # a day without 日 before a schedule word
    ("新华社北京8月21电", "8月21", "date", "--08-21", {}),
    ("他在06/07赛季表现出色。", "06/07", "date", {"start": "2006", "end": "2007"}, {}),  # a season written short
    ("国际油价每桶上涨13·16美元。", "13·16美元", "money", 13.16, {"currency": "USD"}),  # · as a decimal point
    ("截至11点，沪指小幅上涨。", "11点", "date", "T11", {}),  # a clock time
    ("沪指盘中失守1900。", "1900", "number", 1900, {}),  # an index level, no year
    ("2011国家公务员考试报名开始。", "2011", "date", "2011", {}),  # a year before its topic
    ("球队近5场3负1胜1平。", "1胜", "count", 1, {"unit": "胜"}),  # 负 "lost", no minus before 1
    ("他的小说共1402章。", "1402章", "count", 1402, {"unit": "章"}),
    ("该党在议会获得95席。", "95席", "count", 95, {"unit": "席"}),
    ("十七届四中全会审议通过了决定。", "四中全会", "ordinal", 4, {"unit": "中全会"}),  # a plenum's rank
    ("九届人大一次会议在北京开幕。", "一次", "ordinal", 1, {"unit": "次"}),  # a session's rank, as 二次会议
    ("上周五个交易日里指数上涨。", "五个", "count", 5, {"unit": "交易日"}),  # five trading days, no Friday
    ("他8时一坐下就开始工作。", "8时", "date", "T08", {}),  # 一坐 "as soon as he sat", no minute
    ("蒙古国获得四亿图格里克援助。", "四亿图格里克", "money", 400000000, {"currency": "MNT"}),
    ("新盘总价180万起均价1.5万。", "180万", "money", 1800000, {}),  # "from": another price follows
    ("国际金价每盎司报1200美元。", "1200美元", "money", 1200, {"unit": "/盎司"}),
    ("公司第三季亏损扩大。", "第三季", "date", None, {"relative": True}),  # a quarter, as 第三季净利
    ("考前6个月是冲刺阶段。", "6个月", "duration", "P6M", {}),  # before the exam, no January-June
    ("新盘公寓35万起。", "35万", "money", 350000, {"currency": "CNY"}),  # a price "from"
    ("机构预计二三季度债市将重获支撑。", "二三季度", "date", None, {"relative": True}),  # two quarters, no months
    ("他在2004-08年执教这支球队。", "2004-08年", "date", {"start": "2004", "end": "2008"}, {}),  # no August 2004
    ("他本赛季总场数82胜率54%。", "54%", "percent", 54, {}),
    ("球队携7新援出征。", "7新援", "count", 7, {"unit": "新援"}),  # a headline's bare number + noun
    ("6高管被交易所警示。", "6高管", "count", 6, {"unit": "高管"}),
    ("机构预计港股年底上望25000。", "25000", "number", 25000, {}),  # an index level
    ("该股创下12板的纪录。", "12板", "count", 12, {"unit": "板"}),
    ("该片上映以来共520场次。", "520场次", "count", 520, {"unit": "场次"}),
    ("公司股价跌去87%。", "87%", "percent", 87, {"change": "-"}),
    ("他收取千万代理费。", "千万", "number", 10000000, {}),  # 代理费, no generations
    ("新盘三居直降5万起。", "5万", "money", 50000, {"change": "-"}),  # a cut "from 50,000"
    ("本周恒指目标位在20600。", "20600", "number", 20600, {}),  # a target level
    ("他每月能有8000铢的收入。", "8000铢", "money", 8000, {"currency": "THB"}),
    ("这家星企以3亿新币购入写字楼。", "3亿新币", "money", 300000000, {"currency": "SGD"}),
    ("该集团去年盈利12亿令吉。", "12亿令吉", "money", 1200000000, {"currency": "MYR"}),
    ("他能答对一百题以上。", "一百题以上", "count", 100, {"unit": "题", "qualifier": "over"}),
    ("通州新盘40平均价13000元。", "40平", "count", 40, {"unit": "平"}),  # 40平 | 均价, no 平均
    ("6男1女酒后寻衅滋事。", "1女", "count", 1, {"unit": "女"}),  # the men and the women of a group
    ("招行预计从2011起发卡2000万张。", "2011", "date", "2011", {}),  # from the year, no count of 起
    ("期指收报23668 升114点。", "23668", "number", 23668, {}),  # a quoted level; 升 "rose" after a space
    ("7月期市环比增仓17%。", "7月", "date", "--07", {}),  # 期市 "the futures market", no 7-month term
    ("6月期指多头继续减仓", "6月", "date", "--06", {}),  # 期指 "index futures": the June contract, no 6-month term
    ("炒房客购房后转手4日获利15万", "4日", "duration", "P4D", {}),  # resold after four days, no 4th of the month
    ("伦敦9℃，纽约15℃。", "15℃", "count", 15, {"qualifier": None}),  # 纽约 is New York, no "about"
    ("游戏日本首周贩售255万。", "255万", "number", 2550000, {}),  # copies sold, no price
    ("卡车被拖行了3公里多。", "3公里多", "count", 3, {"qualifier": "over"}),  # 多 after a unit
    ("有的银行只给5成到6成。", "5成到6成", "percent", {"low": 50, "high": 60}, {}),  # one range
    ("新盘推出220平联排别墅。", "220平", "count", 220, {"unit": "平"}),
    ("楼盘10月底推2期88平起。", "2期", "ordinal", 2, {"unit": "期"}),  # a phase
    ("这条线路一年运送旅客4000万人次。", "4000万人次", "count", 40000000, {"unit": "人次"}),
    ("历时一年建成3座桥。", "一年", "duration", "P1Y", {}),  # a length: 历时
    ("准现房30万起购二居。", "30万", "money", 300000, {}),  # 起购 "buy from"
    ("水郡3期均价5600元。", "3期", "ordinal", 3, {"unit": "期"}),  # a phase before its price
    ("房企募资或超500亿 本月迎来高峰。", "超500亿", "number", 50000000000, {"qualifier": "over"}),  # 本 | 本月
    ("截至2月底，近三月共有62只基金分红。", "近三月", "duration", "P3M", {"qualifier": "under"}),  # the past three months
    ("今年1-8月动力电池装机量为221.8GWh。", "221.8GWh", "count", 221.8, {"unit": "GWh"}),
    ("10月新增贷款5000亿元，同比少增800亿元。", "800亿元", "money", 80000000000, {"change": "-"}),  # grew less
    ("10月新增贷款5000亿元，同比多增600亿元。", "600亿元", "money", 60000000000, {"change": "+"}),
    ("该车0-100km/h加速时间为3.9秒。", "3.9秒", "duration", "PT3.9S", {}),
    ("截至2024年12月31日止年度，公司收入为3亿元。", "2024年12月31日止年度", "date", "2024", {}),
    ("截至2025年6月30日止六个月，公司亏损2亿元。", "2025年6月30日止六个月", "date", {"start": "2025-01", "end": "2025-06"}, {}),
    ("截至2024年3月31日止财政年度的收入为5亿元。", "2024年3月31日止财政年度", "date", {"start": "2023-04", "end": "2024-03"}, {}),
    ("美元指数跌至98.6。", "98.6", "number", 98.6, {}),
    ("该股市净率为0.9。", "0.9", "number", 0.9, {}),
    ("这部剧首播当晚收视率破2。", "2", "number", 2, {}),  # a TV rating
    ("演唱会上她一口气唱了12首歌。", "12首", "count", 12, {"unit": "首"}),
    ("景区内有5处景点。", "5处", "count", 5, {"unit": "处"}),
    ("显示器的响应时间只有4ms。", "4ms", "count", 4, {"unit": "ms"}),
    ("硬盘转速为5400rpm。", "5400rpm", "count", 5400, {"unit": "rpm"}),
    ("共接待游客120万人次。", "120万人次", "count", 1200000, {"unit": "人次"}),
    ("小麦亩产2斤半。", "2斤半", "count", 2.5, {"unit": "斤"}),
    ("全市新增确诊1,234例。", "1,234例", "count", 1234, {"unit": "例"}),
    ("赛季他出场54场比赛。", "54场", "count", 54, {"unit": "场"}),
    ("其中一个方案被否决。", "一个", "count", 1, {"unit": "方案"}),
    ("网站月访客近3000万人。", "近3000万人", "count", 30000000, {"qualifier": "under", "unit": "人"}),
    # numbers
    ("沪指收于3100点。", "3100点", "number", 3100, {"unit": "点"}),
    ("价格是去年的3倍。", "3倍", "number", 3, {"unit": "倍"}),
    ("两种原料按1:1混合。", "1:1", "number", 1, {"unit": "ratio"}),
    ("容积率为1.5:1。", "1.5:1", "number", 1.5, {"unit": "ratio"}),
    ("全国四万亿投资计划公布。", "四万亿", "number", 4000000000000, {}),
    # ordinals
    ("他在比赛中获得第六名。", "第六名", "ordinal", 6, {"unit": "名"}),
    ("这是第2款产品。", "第2款", "ordinal", 2, {"unit": "款"}),
    ("上半场第23分钟，他头球破门。", "第23分钟", "ordinal", 23, {"unit": "分钟"}),  # not 第23分 + 钟
    ("试运行的第5个月，订单翻了一番。", "第5个月", "ordinal", 5, {"unit": "个月"}),
    ("上市第2天，股价回落。", "第2天", "ordinal", 2, {"unit": "天"}),
    ("两队争夺第三四名。", "第三四名", "ordinal", {"low": 3, "high": 4}, {"unit": "名"}),  # not 34th
    ("该公司位列全球第二。", "第二", "ordinal", 2, {}),
    ("公司跻身行业前十。", "前十", "ordinal", 10, {"qualifier": "under"}),
    ("排名前50的企业名单公布。", "前50", "ordinal", 50, {"qualifier": "under"}),
    # dates
    ("2023年公司成立。", "2023年", "date", "2023", {"relative": False}),
    ("截至2025年9月,现金充足。", "2025年9月", "date", "2025-09", {}),
    ("会议定于2024年1月5日召开。", "2024年1月5日", "date", "2024-01-05", {}),
    ("会议定于2024 年 1 月 5 日召开。", "2024 年 1 月 5 日", "date", "2024-01-05", {}),
    ("2024年第三季度营收增长。", "2024年第三季度", "date", "2024-Q3", {}),
    ("2025年上半年利润翻番。", "2025年上半年", "date", "2025-H1", {}),
    ("2025年前9个月营收5340万美元。", "2025年前9个月", "date", {"start": "2025-01", "end": "2025-09"}, {}),
    ("2025年前三季度研发支出1.8亿美元。", "2025年前三季度", "date", {"start": "2025-01", "end": "2025-09"}, {}),
    ("24年的销量创新高。", "24年", "date", "2024", {}),
    ("二〇二五年是关键一年。", "二〇二五年", "date", "2025", {}),
    ("2024年底完成交付。", "2024年底", "date", "2024", {}),
    ("3月中旬天气转暖。", "3月中旬", "date", "--03", {"relative": True}),
    ("6月16日发布新品。", "6月16日", "date", "--06-16", {"relative": True}),
    ("2020年以来累计投资巨大。", "2020年", "date", "2020", {}),
    ("2023-05-06发布的公告。", "2023-05-06", "date", "2023-05-06", {}),
    ("活动时间为2024年3月1日至4月30日。", "2024年3月1日至4月30日", "date", {"start": "2024-03-01", "end": "2024-04-30"}, {}),
    # a part of the day between the first end and 至 is dropped: one range (sub-day words are dropped)
    ("2024年7月14日夜间到16日，江南有大雨。", "2024年7月14日夜间到16日", "date", {"start": "2024-07-14", "end": "2024-07-16"}, {}),
    ("2009年到2010年小麦增产。", "2009年到2010年", "date", {"start": "2009", "end": "2010"}, {}),
    ("上世纪90年代经济起飞。", "上世纪90年代", "date", {"start": "1990", "end": "1999"}, {}),
    ("他于下午3时抵达。", "下午3时", "date", "T15", {}),
    ("比赛在19时50分开始。", "19时50分", "date", "T19:50", {}),
    ("晚上8点半开始直播。", "晚上8点半", "date", "T20:30", {}),
    # relative dates, without and with the published date
    ("今年9月,公司被起诉。", "今年9月", "date", "--09", {"relative": True}),
    ("去年10月份财政部发文。", "去年10月份", "date", "--10", {"relative": True}),
    ("上半年营收增长。", "上半年", "date", None, {"relative": True}),
    ("三季度末仓位下降。", "三季度末", "date", None, {"relative": True}),
    ("周五收盘时指数上涨。", "周五", "date", None, {"relative": True}),
    ("本月9日召开会议。", "本月9日", "date", "---09", {"relative": True}),
    ("发言人30日表示。", "30日", "date", "---30", {"relative": True}),
    # durations
    ("项目周期为3年。", "3年", "duration", "P3Y", {}),
    ("过去9个月亏损严重。", "9个月", "duration", "P9M", {}),
    ("他休息了两周。", "两周", "duration", "P2W", {}),
    ("工程延期3天。", "3天", "duration", "P3D", {}),
    ("会议持续了两小时。", "两小时", "duration", "PT2H", {}),
    ("等待了20多分钟。", "20多分钟", "duration", "PT20M", {"qualifier": "over"}),
    ("合同为期半年。", "半年", "duration", "P6M", {}),
    ("贷款期限3至5年。", "3至5年", "duration", {"low": "P3Y", "high": "P5Y"}, {}),
    ("发行10年期国债。", "10年期", "duration", "P10Y", {}),
    ("近三年犯罪率下降。", "近三年", "duration", "P3Y", {"qualifier": "under"}),
    ("最后3分28秒他投中绝杀。", "3分28秒", "duration", "PT3M28S", {}),
    ("2006-07赛季他场均得分最高。", "2006-07", "date", {"start": "2006", "end": "2007"}, {}),
    ("他在七八月份休假。", "七八月份", "date", {"start": "--07", "end": "--08"}, {}),
    ("股票仓位占30%-80%。", "30%-80%", "percent", {"low": 30, "high": 80}, {}),
    # a rise of a fraction of a point, then the level it reached (升0.3%至6.5%): two facts; a range of changes stays one
    ("该行不良率升0.3%至6.5%", "0.3%", "percent", 0.3, {"change": "+"}),
    ("该行不良率升0.3%至6.5%", "6.5%", "percent", 6.5, {}),
    ("预计全年利润增长20%至50%", "20%至50%", "percent", {"low": 20, "high": 50}, {"change": "+"}),
    ("雍正四年大旱。", "雍正四年", "date", "1726", {}),
    ("他96年回国创业。", "96年", "date", "1996", {}),
    ("公司24年营收增长了三成。", "24年", "date", "2024", {}),
    ("这个乡21年施工28户，22年施工46户", "22年", "date", "2022", {}),  # a year's building work, no 22 years
    ("老王有25年施工经验", "25年", "duration", "P25Y", {}),  # a trade's experience is a length
    ("新线耗时12年施工才通车", "12年", "duration", "P12Y", {}),  # 耗时 takes a length
    ("沪指一度重回2245点心理关口。", "2245点", "number", 2245, {"unit": "点"}),
    ("他们约在3点钟碰头。", "3点钟", "date", "T03", {}),
    ("他想考九十多分。", "九十多分", "count", 90, {"unit": "分", "qualifier": "over"}),
    ("现场来了两对夫妇。", "两对", "count", 2, {"unit": "对"}),
    ("他有24年营销经验。", "24年", "duration", "P24Y", {}),
    ("活动9点30分开始。", "9点30分", "date", "T09:30", {}),
    ("民国三年建校。", "民国三年", "date", "1914", {}),
    ("营收超过4.65亿美元左右。", "超过4.65亿美元左右", "money", 465000000, {"qualifier": "over"}),
    # a web or e-mail address later in the text does not hide the facts before it
    ("营收增长30%,详见 http://example.com/r2 。", "30%", "percent", 30, {}),
    ("公司回购200万股,联系邮箱 ir@example.com。", "200万股", "count", 2000000, {"unit": "股"}),
    ("他花了15元,网址 www.example.cn/9 。", "15元", "money", 15, {"currency": "CNY"}),
    # a/b in Arabic digits: a fraction with a usual denominator, else a month and day
    ("调查显示超过1/3的受访者支持。", "超过1/3", "percent", 33.3333, {"qualifier": "over"}),
    ("改用新系统后节省了1/4的费用。", "1/4", "percent", 25, {}),
    ("约2/3的门店已经改造。", "约2/3", "percent", 66.6667, {"qualifier": "about"}),
    ("新品定于12/1上市。", "12/1", "date", "--12-01", {"relative": True}),
    ("促销活动(8/14)延期举行。", "8/14", "date", "--08-14", {"relative": True}),
    # a two-digit year, month and day with hyphens
    ("报名截止日期是27-7-3。", "27-7-3", "date", "2027-07-03", {"relative": False}),
    # tenths: 多 after 成 is a bound; only 一成 to 十成 are tenths
    ("今年销量增长了两成多。", "两成多", "percent", 20, {"qualifier": "over", "change": "+"}),
    ("受访者中有七成为女性。", "七成", "percent", 70, {}),
    # a counted noun that starts a longer word: 套 + 房子, 件 + 事情
    ("小区共有860套房子待售。", "860套", "count", 860, {"unit": "套"}),
    ("他只做了两件事情。", "两件", "count", 2, {"unit": "件"}),
    # 不小于 is a lower bound, 不大于 an upper one
    ("单店面积不小于3万平方米。", "不小于3万平方米", "count", 30000, {"qualifier": "over"}),
    ("负债率不大于60%。", "不大于60%", "percent", 60, {"qualifier": "under"}),
    # 方面 is counted as a noun, not 方 (a cubic metre) and 面
    ("这款相机在动静两方面都表现不错。", "两方面", "count", 2, {"unit": "方面"}),
    # 两 counts days, it names none; an Arabic magnitude with 级 is a measure
    ("会议为期两日。", "两日", "duration", "P2D", {}),
    ("当地发生5.3级地震。", "5.3级", "count", 5.3, {"unit": "级"}),
    # 双倍 and 翻番 are 2 times (翻两番 four), a growth; 一倍多 is over one time
    ("周末玩家可领取双倍经验。", "双倍", "number", 2, {"unit": "倍"}),
    ("三年内营收要翻番。", "翻番", "number", 2, {"unit": "倍", "change": "+"}),
    ("十年间产值翻了两番。", "翻了两番", "number", 4, {"unit": "倍", "change": "+"}),
    ("今年利润增长了一倍多。", "一倍多", "number", 1, {"unit": "倍", "qualifier": "over", "change": "+"}),
    ("门票收入翻了一倍。", "一倍", "number", 1, {"unit": "倍", "change": "+"}),
    ("新证据推翻了3个结论。", "3个", "count", 3, {"change": None}),
    # a price with no currency word; 上万/上亿 are over 1e4/1e8; a plot ratio is a plain number
    ("这款耳机仅售299,性价比很高。", "299", "money", 299, {"currency": "CNY"}),
    ("目前的市场售价为1650。", "1650", "money", 1650, {"currency": "CNY"}),
    ("一次装修动辄花费上万元。", "上万元", "money", 10000, {"qualifier": "over"}),
    ("该项目投资上亿元。", "上亿元", "money", 100000000, {"qualifier": "over"}),
    ("地块容积率不超过2.5。", "不超过2.5", "number", 2.5, {"qualifier": "under"}),
    # a dotted month.day range
    ("优惠券有效期(9.15-10.08),过期作废。", "9.15-10.08", "date", {"start": "--09-15", "end": "--10-08"}, {}),
    # a school year is a rank, not a duration
    ("她今年读大学三年级。", "三年级", "ordinal", 3, {"unit": "年级"}),
    # Taiwanese units of length and area
    ("这块地约2万平方公尺。", "约2万平方公尺", "count", 20000, {"unit": "平方公尺", "qualifier": "about"}),
    ("这名中锋身高198公分。", "198公分", "count", 198, {"unit": "公分"}),
    ("套房面积为35坪。", "35坪", "count", 35, {"unit": "坪"}),
    # a date word with no numeral is found even when a fact follows it
    ("今年上半年,公司营收增长了三成。", "今年上半年", "date", None, {"relative": True}),
    ("上周日公司发布新品,售价3999元。", "上周日", "date", None, {"relative": True}),
    ("下半年门店增至120家。", "下半年", "date", None, {"relative": True}),
    # the noun counted after 个 is a whole word (not two characters cut mid-word)
    ("股价在过去20个交易日内上涨了15%。", "20个", "count", 20, {"unit": "交易日"}),
    ("这次活动只有2个人会参加。", "2个", "count", 2, {"unit": "人"}),
    ("公司旗下有3个App上线。", "3个", "count", 3, {"unit": "App"}),
    ("平台上共有5.9亿个视频。", "5.9亿个", "count", 590000000, {"unit": "视频"}),
    # ... and the head noun of the phrase after 个: modifiers (a/b words, adverbs, 的) are skipped,
    # a noun before the head joins nothing, a metric word after the counted noun is not counted
    ("市场上冒出了45个国产新锐品牌。", "45个", "count", 45, {"unit": "品牌"}),
    ("门店本周吸引了12个新客户。", "12个", "count", 12, {"unit": "客户"}),
    ("会议讨论了两个非常重要的问题。", "两个", "count", 2, {"unit": "问题"}),
    ("他在下半场抢下了5个进攻篮板。", "5个", "count", 5, {"unit": "篮板"}),
    ("球队目前领先对手4个胜场。", "4个", "count", 4, {"unit": "胜场"}),
    ("全国有5个城市房价上涨。", "5个", "count", 5, {"unit": "城市"}),
    ("他全场投进了6个三分球。", "6个", "count", 6, {"unit": "三分球"}),
    ("公司新开了两个服务器供玩家使用。", "两个", "count", 2, {"unit": "服务器"}),
    ("今年共有3个大型项目开工。", "3个", "count", 3, {"unit": "大型项目"}),
    ("展会吸引了30多个国家和地区的厂商。", "30多个", "count", 30, {"unit": "国家", "qualifier": "over"}),
    # a Chinese digit right before an Arabic one is not one number; after a magnitude or 零 it is
    ("每吨人民币六6万人民币左右。", "6万人民币左右", "money", 60000, {"currency": "CNY", "qualifier": "about"}),
    ("合同金额为一千零20元。", "一千零20元", "money", 1020, {"currency": "CNY"}),
    ("报价为每吨三千5百元。", "三千5百元", "money", 3500, {"unit": "/吨"}),
    # a year in Chinese digits with 〇 typed as 0
    ("据统计，二00八年全国发生了这类案件。", "二00八年", "date", "2008", {}),
    # dotted dates with one-digit month and day
    ("发布会定于2024.3.5举行。", "2024.3.5", "date", "2024-03-05", {"relative": False}),
    # a period before a price makes it a rate; 一年 there is no duration (see IGNORED)
    ("这所学校一年学费4万元。", "4万元", "money", 40000, {"unit": "/年", "currency": "CNY"}),
    ("在伦敦读书，一年全部费用约合人民币20万元。", "约合人民币20万元", "money", 200000,
     {"unit": "/年", "qualifier": "about", "currency": "CNY"}),
    ("每个月房租约为2000元。", "约为2000元", "money", 2000, {"unit": "/月", "qualifier": "about"}),
    ("商科每年学费为1万澳元至1.4万澳元。", "1万澳元至1.4万澳元", "money", {"low": 10000, "high": 14000},
     {"unit": "/年", "currency": "AUD"}),
    # a bound before the currency word: 超过人民币5亿元
    ("这笔收购的对价超过人民币5亿元。", "超过人民币5亿元", "money", 500000000, {"qualifier": "over", "currency": "CNY"}),
    ("公司账上有约人民币3亿元现金。", "约人民币3亿元", "money", 300000000, {"qualifier": "about"}),
    # clock times: on the hour too, after a time-of-day word, and as a range
    ("发布会定在20:00举行。", "20:00", "date", "T20:00", {"relative": True}),
    ("比赛于晚上8:30开始。", "晚上8:30", "date", "T20:30", {}),
    ("展览每天9:00－16:00开放。", "9:00－16:00", "date", {"start": "T09:00", "end": "T16:00"}, {}),
    ("讲座安排在下午2:00-5:30。", "下午2:00-5:30", "date", {"start": "T14:00", "end": "T17:30"}, {}),
    ("两种配方按2:60的比例混合。", "2:60", "number", 0.0333, {"unit": "ratio"}),  # no minute 60
    # a span of years is a period, not a duration; a dash of two em-dashes (—— folds to --) joins a range
    ("据统计，2005-2007年全国销量逐年上升。", "2005-2007年", "date", {"start": "2005", "end": "2007"}, {}),
    ("门店有望发展到100——150家。", "100——150家", "count", {"low": 100, "high": 150}, {"unit": "家"}),
    ("活动从2010年1月1日---1月3日举行。", "2010年1月1日---1月3日", "date",
     {"start": "2010-01-01", "end": "2010-01-03"}, {}),
    ("当天最高气温35℃。", "35℃", "count", 35, {"unit": "℃"}),
    # a season or school year written with both years in full
    ("预计2011-2012学年的人数将增长。", "2011-2012", "date", {"start": "2011", "end": "2012"}, {}),
    # 类 counts kinds (分为3类), 第一类 is an ordinal with its unit
    ("这些物资分为3类。", "3类", "count", 3, {"unit": "类"}),
    # an anniversary counts years, not weeks
    ("今年是公司成立10周年。", "10周年", "count", 10, {"unit": "周年"}),
    # a team's record: wins, losses, streaks and games
    ("这支球队本赛季22胜54负。", "22胜", "count", 22, {"unit": "胜"}),
    ("这支球队本赛季22胜54负。", "54负", "count", 54, {"unit": "负"}),
    ("主队取得了3连胜。", "3连胜", "count", 3, {"unit": "连胜"}),
    ("最后9战他们要拿下几场?", "9战", "count", 9, {"unit": "战"}),
    ("季后赛第二战将在主场进行。", "第二战", "ordinal", 2, {"unit": "战"}),
    ("公司开辟第二战场。", "第二", "ordinal", 2, {"unit": None}),  # 战场 is a word
    # a player's line: points, rebounds, assists counted without a measure word
    ("他拿下32分5篮板2助攻。", "5篮板", "count", 5, {"unit": "篮板"}),
    ("他拿下32分5篮板2助攻。", "2助攻", "count", 2, {"unit": "助攻"}),
    # a bare 百/千/万 after a bound word, and 过百 like 上百
    ("他与近百名学生座谈。", "近百名", "count", 100, {"unit": "名", "qualifier": "under"}),
    ("剧组有一个过百人的武术组。", "过百人", "count", 100, {"unit": "人", "qualifier": "over"}),
    # 两月 is two months (February is 二月); 九十月份 is September and October of the year before it
    ("我们统计了近两月的新盘。", "近两月", "duration", "P2M", {"qualifier": "under"}),
    ("2009年九十月份，成交回升。", "2009年九十月份", "date", {"start": "2009-09", "end": "2009-10"}, {"relative": False}),
    # a "per one" denominator after an amount is its unit, and "/亩" after a bare amount too
    ("酒店今天的价格为1888元一晚。", "1888元", "money", 1888, {"unit": "/晚"}),
    ("高层一手房价只有6000多元一平方米。", "6000多元", "money", 6000, {"unit": "/平方米", "qualifier": "over"}),
    ("鱼塘的补偿标准为约12万/亩。", "约12万/亩", "number", 120000, {"unit": "/亩", "qualifier": "about"}),
    # 多 after a time unit: over (三年多), not in 多少 or 多次
    ("他在这家公司干了三年多。", "三年多", "duration", "P3Y", {"qualifier": "over"}),
    ("一年多次体检没有必要。", "一年", "duration", "P1Y", {"qualifier": None}),
    # clicks and views are counted nouns (20多万点击 is no index level of 200000 points)
    ("帖子有20多万点击。", "20多万点击", "count", 200000, {"unit": "点击", "qualifier": "over"}),
    ("案例库突破一千万点击量。", "一千万点击量", "count", 10000000, {"unit": "点击量"}),
    # 数 ending a word (人数) is not the vague 数 of 数百
    ("游戏注册人数七百万，同时在线用户数万人。", "七百万", "number", 7000000, {}),
    ("相机配备1200万有效像素的传感器。", "1200万有效像素", "count", 12000000, {"unit": "有效像素"}),
    # a range that writes its unit twice; not after a change verb, where 至 is "to"
    ("指数以2200点至2300点为上限。", "2200点至2300点", "number", {"low": 2200, "high": 2300}, {"unit": "点"}),
    ("该基金增持77.1万股至344.45万股。", "77.1万股", "count", 771000, {"unit": "股"}),
    ("公司营收增加3亿元至5亿元。", "3亿元", "money", 300000000, {"currency": "CNY"}),
    # shots taken and made
    ("他全场16投仅4中。", "16投", "count", 16, {"unit": "投"}),
    ("他全场16投仅4中。", "4中", "count", 4, {"unit": "中"}),
    # 毛 after an Arabic numeral is a tenth of a yuan (not in 毛利率); 五毛钱 too
    ("这只基金净值在4毛以下。", "4毛以下", "money", 0.4, {"currency": "CNY", "qualifier": "under"}),
    ("当年电影票五毛钱一张。", "五毛钱", "money", 0.5, {"currency": "CNY"}),
    # the last month or quarter of a year
    ("2024年最后一个月，销量开始回升。", "2024年最后一个月", "date", "2024-12", {"relative": False}),
    ("2023年的最后一个季度，公司扭亏。", "2023年的最后一个季度", "date", "2023-Q4", {}),
    # fiscal and annual years; Latin nouns and ISO codes after an amount
    ("公司2024财年收入为4.2亿美元。", "2024财年", "date", "2024", {}),
    ("公司2024财年第三季度扭亏。", "2024财年第三季度", "date", "2024-Q3", {}),
    ("2024年度净利润下降。", "2024年度", "date", "2024", {}),
    ("平台单日调用量突破3000亿tokens。", "3000亿tokens", "count", 300000000000, {"unit": "tokens"}),
    ("基金规模约5000万 RMB。", "约5000万 RMB", "money", 50000000, {"currency": "CNY", "qualifier": "about"}),
    ("公司采购了1万块H100芯片。", "1万块", "count", 10000, {"unit": "块"}),
    ("霍家资产约900亿元台币。", "约900亿元台币", "money", 90000000000, {"currency": "TWD", "qualifier": "about"}),
    ("他一口气买了三双鞋。", "三双", "count", 3, {"unit": "双"}),
    ("孩子刚满三周岁。", "三周岁", "count", 3, {"unit": "周岁"}),
    ("该党成立88年来，走过了不平凡的历程。", "88年", "duration", "P88Y", {}),
    ("把蛋糕切成8块，每人一块。", "8块", "count", 8, {"unit": "块"}),
    ("目前3月期银行定期存款利率下调。", "3月期", "duration", "P3M", {"unit": "月期"}),
    # a bound word with 有, 是 or 为 between it and the number stays out of the span (NUMERIC-CONVENTIONS)
    ("学院里约有700名资深学者。", "700名", "count", 700, {"qualifier": "about"}),
    ("每月放贷量大概是1万亿左右。", "1万亿左右", "number", 1000000000000, {"qualifier": "about"}),
    ("至少有30家房企准备上市。", "30家", "count", 30, {"qualifier": "over"}),
    ("成本约为3万元。", "约为3万元", "money", 30000, {"qualifier": "about"}),
    # 一 + a classifier after the noun it counts, in a list of what is given (NUMERIC-CONVENTIONS)
    ("完成任务可获得奖励金币一枚。", "一枚", "count", 1, {"unit": "枚"}),
    ("充值即赠送靓号卡一张！", "一张", "count", 1, {"unit": "张"}),
    # 上百, 上千 alone and with 册
    ("报名人数上百。", "上百", "number", 100, {"qualifier": "over"}),
    ("书城有上千册书籍。", "上千册", "count", 1000, {"qualifier": "over", "unit": "册"}),
    # N个半 + a time unit: N and a half
    ("比赛还有一个半小时才开始。", "一个半小时", "duration", "PT90M", {}),
    ("周期长达两个半月。", "两个半月", "duration", "P2.5M", {}),
    ("这只6个月期的国债卖得很好。", "6个月期", "duration", "P6M", {"unit": "个月期"}),
    ("股价涨到3块，又跌了回来。", "3块", "money", 3, {"currency": "CNY"}),
    ("他96年回国创业。", "96年", "date", "1996", {}),
    ("公司24年营收增长了三成。", "24年", "date", "2024", {}),
    ("沪指一度重回2245点心理关口。", "2245点", "number", 2245, {"unit": "点"}),
    ("他们约在3点钟碰头。", "3点钟", "date", "T03", {}),
    ("他想考九十多分。", "九十多分", "count", 90, {"unit": "分", "qualifier": "over"}),
    ("现场来了两对夫妇。", "两对", "count", 2, {"unit": "对"}),
    ("他有24年营销经验。", "24年", "duration", "P24Y", {}),
    ("这只基金的收益排名第二，仅次于冠军。", "第二", "ordinal", 2, {}),
    ("恭喜第五、六期的获奖者。", "第五", "ordinal", 5, {}),
    ("他的身家超过30万元港币。", "超过30万元港币", "money", 300000, {"currency": "HKD"}),
    ("在这一年的锁定期内，股价上涨。", "一年", "duration", "P1Y", {}),
    # 成 that starts a word after an amount (成交, 成为) is no tenth: the amount is read alone
    ("全年近9万成交。", "近9万", "number", 90000, {"qualifier": "under"}),
    # 过, 破 before 万 or 亿 alone bound it as 上 does; 跌破 "falls below"
    ("这部电影的票房破亿。", "破亿", "number", 100000000, {"qualifier": "over"}),
    ("这款车的月销量破万辆。", "破万辆", "count", 10000, {"qualifier": "over", "unit": "辆"}),
    ("这台相机的售价跌破万元。", "破万元", "money", 10000, {"qualifier": "under", "currency": "CNY"}),
    # a quarter written Q1-Q4 without its year, before results or on its own
    ("Q3营收同比增长12%。", "Q3", "date", None, {"relative": True}),
    ("2025年Q2，公司扭亏为盈。", "2025年Q2", "date", "2025-Q2", {}),
    # electrical and compute units
    ("这款电源的额定功率为650W。", "650W", "count", 650, {"unit": "W"}),
    ("电池电压为3.7V。", "3.7V", "count", 3.7, {"unit": "V"}),
    ("集群算力达到10EFLOPS。", "10EFLOPS", "count", 10, {"unit": "EFLOPS"}),
    # sizes with a times sign: each side a count in the unit written after the last
    ("这台相机能录制1920×1080像素的视频。", "1920", "count", 1920, {"unit": "像素"}),
    ("这台相机能录制1920×1080像素的视频。", "1080像素", "count", 1080, {"unit": "像素"}),
    ("机身尺寸为95.5×60.2×21.5mm。", "60.2", "count", 60.2, {"unit": "mm"}),
    ("商场推出“9.5×9.8折”的双重优惠。", "9.5", "percent", 95, {"unit": "折"}),
    # 千 and 兆 that start a unit after a magnitude multiply nothing (千瓦时, 兆瓦), and more units
    ("这座电站年发电约38亿千瓦时。", "约38亿千瓦时", "count", 3800000000, {"unit": "千瓦时", "qualifier": "about"}),
    ("园区光伏装机已达15万千瓦。", "15万千瓦", "count", 150000, {"unit": "千瓦"}),
    ("一段1万2千米的山路。", "1万2千米", "count", 12000, {"unit": "米"}),
    ("储能电站的规模为200兆瓦。", "200兆瓦", "count", 200, {"unit": "兆瓦"}),
    ("新款手表内置一块520毫安时的电池。", "520毫安时", "count", 520, {"unit": "毫安时"}),
    ("这台发动机最大功率为190马力。", "190马力", "count", 190, {"unit": "马力"}),
    ("车内噪音低于38分贝。", "低于38分贝", "count", 38, {"unit": "分贝", "qualifier": "under"}),
    ("全球债务规模超过300兆日元。", "超过300兆日元", "money", 300000000000000, {"currency": "JPY", "qualifier": "over"}),
    # 内 after a time or distance unit is a bound (within), not the first character of a word
    ("新规要求平台在15日内完成整改。", "15日内", "duration", "P15D", {"qualifier": "under"}),
    ("公司计划三年内建成两座工厂。", "三年内", "duration", "P3Y", {"qualifier": "under"}),
    ("配送范围覆盖5公里内的小区。", "5公里内", "count", 5, {"unit": "公里", "qualifier": "under"}),
    ("新游戏将于7月18日内测。", "7月18日", "date", "--07-18", {"relative": True}),
    ("他是10个内地城市中唯一入选的。", "10个", "count", 10, {"qualifier": None}),
    # a level with its unit left out (关口), and a quote after 收报 or 报
    ("沪指盘中失守3100关口。", "3100", "number", 3100, {}),
    ("多空双方激战两千关口", "两千", "number", 2000, {}),  # in Chinese numerals too
    ("午后深证成指狂泻千点", "千点", "number", 1000, {"unit": "点"}),  # a thousand index points, bare 千
    ("人民币兑美元中间价报7.0856。", "7.0856", "number", 7.0856, {}),
    # an aperture's F-number is a plain number (NUMERIC-CONVENTIONS), F in its span; F1 and F-16 are names
    ("这支镜头的最大光圈为F2.8。", "F2.8", "number", 2.8, {"unit": None}),
    ("套机镜头为18-135mm f/3.5-5.6。", "f/3.5-5.6", "number", {"low": 3.5, "high": 5.6}, {}),
    ("把光圈收缩到F8，画质最好。", "F8", "number", 8, {}),
    ("镜头光圈为F/3.5-5.6。", "F/3.5-5.6", "number", {"low": 3.5, "high": 5.6}, {}),  # no dates 3.5-5.6
    # 任 counts terms of office (13任主教练), and is the unit of an ordinal (第三任)
    ("球队32年里换过13任主教练。", "13任", "count", 13, {"unit": "任"}),
    ("他当选为该校第三任校长。", "第三任", "ordinal", 3, {"unit": "任"}),
    # 第N季 before results words or after a year is a quarter (HK and Taiwan copy); else a season
    ("公司第一季营收增长两成。", "第一季", "date", None, {"relative": True}),
    ("2024年第三季净利润下滑。", "2024年第三季", "date", "2024-Q3", {}),
    ("这部剧的第二季将在明年播出。", "第二季", "ordinal", 2, {"unit": "季"}),
    # a number with 多 or 余 and nothing after it is over that number (no year: 2000多 is a price)
    ("他的月薪3000多，不够买房。", "3000多", "number", 3000, {"qualifier": "over"}),
    ("这件外套标价2000多。", "2000多", "number", 2000, {"qualifier": "over"}),
    ("故事发生在2000多年前。", "2000多年", "duration", "P2000Y", {"qualifier": "over"}),
    # numbers listed with 、 before a fact are facts of their own, with its unit (NUMERIC-CONVENTIONS:
    # coordinated items are separate facts); a list's enumerators are not
    ("装修大概需要3、4个月。", "3", "duration", "P3M", {}),
    ("市场上只有3、5家公司能做。", "3", "count", 3, {"unit": "家"}),
    ("一杯奶茶卖10、20元。", "10", "money", 10, {"currency": "CNY"}),
    ("。2、3家银行提高了利率。", "3家", "count", 3, {}),
    ("公司2024年三、四季度连续亏损。", "2024年三", "date", "2024-Q3", {}),
    ("公司2024年三、四季度连续亏损。", "四季度", "date", "2024-Q4", {}),
    ("一、二季度的销量都在下滑。", "一", "date", None, {"relative": True}),
    ("利润率在百分之十到二十之间。", "百分之十到二十", "percent", {"low": 10, "high": 20}, {}),
    ("新规自2026年1月1日零时起施行。", "零时", "date", "T00", {}),
    ("楼盘本周推出200余套房源。", "200余套", "count", 200, {"unit": "套", "qualifier": "over"}),
    ("早在2010到2011赛季开始之前就有传闻。", "2010到2011", "date", {"start": "2010", "end": "2011"}, {}),
    ("死亡率低于千份之三。", "低于千份之三", "percent", 0.3, {"qualifier": "under"}),  # HK copy writes 份之
    ("该市居民恩格尔系数为28.5。", "28.5", "number", 28.5, {}),  # a coefficient, as a plot ratio
    # N日 after 过去, 近, 前: days counted, no day of the month
    ("香港过去一日新增八十五宗个案。", "一日", "duration", "P1D", {}),
    ("本周前四日的成交额为30亿元。", "四日", "duration", "P4D", {}),
    # a bound (多) and an about-word (约, 大概) together: the bound wins (NUMERIC-CONVENTIONS)
    ("全国用户约200多万户。", "约200多万户", "count", 2000000, {"qualifier": "over"}),
    # heights said with Chinese numerals; 反超 is a verb, no bound
    ("他身高一米七五。", "一米七五", "count", 1.75, {"unit": "米"}),
    ("主队在终场前反超3分。", "3分", "count", 3, {"qualifier": None}),
    # spaces around numbers, as real copy has them
    ("亏损约 92 亿元 人民币。", "约 92 亿元 人民币", "money", 9200000000, {"currency": "CNY", "qualifier": "about"}),
    ("公司第 3 季度营收增长。", "第 3 季度", "date", None, {"relative": True}),
    # N点 before 才, 开始, 前, 整 is a time of day; N点 after a move is index points
    ("会议一直开到2点才结束。", "2点", "date", "T02", {}),
    ("沪指下跌10点后反弹。", "10点", "number", 10, {"unit": "点"}),
    # 较前一个月: "the month before", no first month of the year
    ("产值较前一个月明显增长。", "一个月", "duration", "P1M", {}),
    # a low quotation mark typed as the thousands mark
    ("这款手袋售价￥19‚950。", "￥19‚950", "money", 19950, {"currency": "CNY"}),
    # imperial and trade weights and measures
    ("这名中锋体重达到260磅。", "260磅", "count", 260, {"unit": "磅"}),
    ("国际金价升至每盎司2400美元。", "2400美元", "money", 2400, {"unit": "/盎司", "currency": "USD"}),
    ("他送出一枚5克拉的钻戒。", "5克拉", "count", 5, {"unit": "克拉"}),
    # units of study and Hong Kong's 伙 (flats); after 售 a count is no price
    ("留学需要500学时的语言课程。", "500学时", "count", 500, {"unit": "学时"}),
    ("楼盘首批只售36伙。", "36伙", "count", 36, {"unit": "伙"}),
    # tens and two neighbouring units: a range
    ("不少十七八岁的孩子选择出国。", "十七八岁", "count", {"low": 17, "high": 18}, {"unit": "岁"}),
    ("这套房子要二十五六万元。", "二十五六万元", "money", {"low": 250000, "high": 260000}, {}),
    # per mille is a tenth of a percent
    ("证券交易印花税为1‰。", "1‰", "percent", 0.1, {}),
    ("人口自然增长率在3‰-5‰之间。", "3‰-5‰", "percent", {"low": 0.3, "high": 0.5}, {}),
    # 零下 makes a temperature negative and is in its span; a range of temperatures with the unit twice
    ("明天最低气温零下12度。", "零下12度", "count", -12, {"unit": "度"}),
    ("夜间气温在零下5℃至3℃之间。", "零下5℃至3℃", "count", {"low": -5, "high": 3}, {"unit": "℃"}),
    ("今年第13号台风将登陆。", "第13号", "ordinal", 13, {"unit": "号"}),
    # a per-share figure after 每股 and its word (发行价, 收益, 净资产) is per share
    ("公司每股发行价为165港元。", "165港元", "money", 165, {"unit": "/股", "currency": "HKD"}),
    ("每股收益为0.85元。", "0.85元", "money", 0.85, {"unit": "/股"}),
    ("公司每股发行价 88 港元。", "88 港元", "money", 88, {"unit": "/股", "currency": "HKD"}),
    ("当时1欧元约合7.8元人民币。", "约合7.8元人民币", "money", 7.8, {"currency": "CNY", "qualifier": "about"}),
    # a currency word before the amount decides it over the 元 after (港币8.6亿元 is HKD)
    ("公司募资净额约为港币8.6亿元。", "约为港币8.6亿元", "money", 860000000, {"currency": "HKD", "qualifier": "about"}),
    ("他还持有美元300万元的存款。", "美元300万元", "money", 3000000, {"currency": "USD"}),
    ("公司以每股HK$12.5的价格配售新股。", "HK$12.5", "money", 12.5, {"currency": "HKD", "unit": "/股"}),
    ("降温将在11月中下旬到来。", "11月中下旬", "date", "--11", {"relative": True}),
    # times as races and clocks write them: one duration
    ("她以2小时21分08秒打破赛会纪录。", "2小时21分08秒", "duration", "PT2H21M8S", {}),
    ("他在决赛中跑出了9秒87。", "9秒87", "duration", "PT9.87S", {}),
    ("冠军成绩为3分31秒05。", "3分31秒05", "duration", "PT3M31.05S", {}),
    ("每隔30秒12次心跳。", "30秒", "duration", "PT30S", {}),
    # a list enumerator and a colon before a count: no ratio
    ("新版本有三大亮点。2：30个新地图上线。", "30个", "count", 30, {"unit": "地图"}),
    # a decimal times a scale keeps its decimal value (8.2 * 1e12 is 8199999999999.999 in floats)
    ("全国房地产开发投资8.2万亿元。", "8.2万亿元", "money", 8200000000000, {}),
    ("边境贸易额达到568.3亿美元。", "568.3亿美元", "money", 56830000000, {}),
    # 万亿 alone after a bound is one 万亿; 突破 is a verb, no bound (as for 突破4.5亿元)
    ("行业规模已达上万亿元。", "上万亿元", "money", 1000000000000, {"qualifier": "over"}),
    ("公司市值一度突破万亿港元。", "万亿港元", "money", 1000000000000, {"currency": "HKD", "qualifier": None}),
    # basis points are points as 百分点 are, with or without 个
    ("美联储宣布降息25个基点。", "25个基点", "percent", 25, {"unit": "基点"}),
    ("一年期LPR下调10基点至3.35%。", "10基点", "percent", 10, {"unit": "基点"}),
    ("平均仓位较上周增加220BP。", "220BP", "percent", 220, {"unit": "BP"}),
    ("信用利差收窄了15bps。", "15bps", "percent", 15, {"unit": "bps"}),
    # 多/余 between a Chinese numeral and its magnitude; 百/千/万 alone with 余 or 多
    ("公司一年就赚了二十多亿元。", "二十多亿元", "money", 2000000000, {"qualifier": "over"}),
    ("全市常住人口三百余万人。", "三百余万人", "count", 3000000, {"unit": "人", "qualifier": "over"}),
    ("这套地板卖到一百多万元。", "一百多万元", "money", 1000000, {"qualifier": "over"}),
    ("展会吸引了百余家企业参展。", "百余家", "count", 100, {"unit": "家", "qualifier": "over"}),
    ("活动吸引千余名观众。", "千余名", "count", 1000, {"unit": "名", "qualifier": "over"}),
    ("游戏有万余种道具。", "万余种", "count", 10000, {"unit": "种", "qualifier": "over"}),
    # quarters and halves written after a year (analysts' shorthand)
    ("公司2025Q3营收环比增长8%。", "2025Q3", "date", "2025-Q3", {}),
    ("券商预计其25H1净利润翻倍。", "25H1", "date", "2025-H1", {}),
    ("2025年H2出货量有望回升。", "2025年H2", "date", "2025-H2", {}),
    # a rate's unit written with a slash after a count's unit is the unit as written
    ("该路段限速120公里/小时。", "120公里/小时", "count", 120, {"unit": "公里/小时"}),
    ("列车最高时速达350km/h。", "350km/h", "count", 350, {"unit": "km/h"}),
    ("相机支持约8张/秒连拍。", "约8张/秒", "count", 8, {"unit": "张/秒", "qualifier": "about"}),
    # 上下 that starts 上下文 or 上下游 is no about-word; 参数 is a counted noun
    ("新模型支持128K上下文。", "128K", "number", 128000, {"qualifier": None}),
    ("产业链上下游企业300多家，用户3亿。", "300多家", "count", 300, {"qualifier": "over"}),
    ("该模型拥有700亿参数。", "700亿参数", "count", 70000000000, {"unit": "参数"}),
    # game currencies are counts, 元宝 too (元 is no currency there) but not 宝贵
    ("登录游戏即送500元宝。", "500元宝", "count", 500, {"unit": "元宝"}),
    ("冠军奖励10000金元宝。", "10000金元宝", "count", 10000, {"unit": "金元宝"}),
    ("节省了5亿元宝贵资金。", "5亿元", "money", 500000000, {"currency": "CNY"}),
    ("这次假期只有一天。", "一天", "duration", "P1D", {}),
    # 第N日 is an ordinal day, not the Nth of the month; a lone 一日 is a day's length only before 后/内
    ("展会第二日，人流依旧密集。", "第二日", "ordinal", 2, {"unit": "日"}),
    ("论坛第3日将发布报告。", "第3日", "ordinal", 3, {"unit": "日"}),
    ("包裹一日后即可送达。", "一日", "duration", "P1D", {}),
    ("本月一日起，新规正式施行。", "本月一日", "date", "---01", {"relative": True}),
    # the noun after 个 behind a place word; no preposition as the counted noun
    ("会议还听取了3个国务院的报告。", "3个", "count", 3, {"unit": "报告"}),
    ("门口站着三个当地居民。", "三个", "count", 3, {"unit": "居民"}),
    ("两人中的其中一个向记者讲述了经过。", "一个", "count", 1, {"unit": "个"}),
    ("拳王在第8回合击倒了对手。", "第8回合", "ordinal", 8, {"unit": "回合"}),
    ("技能生效后，目标3回合内无法行动。", "3回合", "count", 3, {"unit": "回合"}),
    # N点 after a day word is a time of day (3100点 stays index points)
    ("截至昨天18点，网签量回升。", "18点", "date", "T18", {"relative": True}),
    ("发布会定于周五10点举行。", "10点", "date", "T10", {}),
    ("新产能预计在两个季度内投产。", "两个季度内", "duration", "P6M", {"qualifier": "under"}),
    # the change a rate noun says (涨幅, 跌幅, 增速, 增长率), shared by the values listed after it
    ("两只基金的跌幅分别为0.3%和0.5%。", "0.5%", "percent", 0.5, {"change": "-"}),
    ("沪指涨幅为1.2%，成交放量。", "1.2%", "percent", 1.2, {"change": "+"}),
    ("二套房贷利率上浮10%。", "10%", "percent", 10, {"change": "+"}),
    ("全年GDP增长率为5.1%。", "5.1%", "percent", 5.1, {"change": "+"}),
    ("该基金的净值增长率为-3.5%。", "-3.5%", "percent", -3.5, {"change": None}),
    ("个股涨跌幅为-2.1%。", "-2.1%", "percent", -2.1, {"change": None}),
    # milligrams and other small units; ≥ and ≤ as bounds
    ("境外人员不得多于三分之一。", "不得多于三分之一", "percent", 33.3333, {"qualifier": "under"}),
    ("首付比例不得低于30%。", "不得低于30%", "percent", 30, {"qualifier": "over"}),
    ("单价不宜超过5000元。", "不宜超过5000元", "money", 5000, {"qualifier": "under"}),
    ("新标准要求甲醛含量≤0.5毫克/升。", "≤0.5毫克/升", "count", 0.5, {"unit": "毫克/升", "qualifier": "under"}),
    ("每粒胶囊含维生素D 400微克。", "400微克", "count", 400, {"unit": "微克"}),
    ("考核要求年化收益≥6%。", "≥6%", "percent", 6, {"qualifier": "over"}),
    ("新芯片采用3纳米工艺。", "3纳米", "count", 3, {"unit": "纳米"}),
    ("活动期间满1000直降100，2000直降300。", "300", "money", 300, {"currency": "CNY"}),
    ("完成任务可获得3000经验和一件装备。", "3000经验", "count", 3000, {"unit": "经验"}),
    ("这批豪宅售价9000万至近1.5亿元。", "9000万至近1.5亿元", "money", {"low": 90000000, "high": 150000000}, {"qualifier": "under"}),
    ("第三方面，要加强监管。", "第三方面", "ordinal", 3, {"unit": "方面"}),
    ("这家老字号成立以来的88年，见证了城市的变迁。", "88年", "duration", "P88Y", {}),
    ("机构预计未来三月利率仍将维持低位。", "三月", "duration", "P3M", {}),
    ("他准备用60万首付买下这套房子。", "60万", "number", 600000, {"unit": None}),
    ("国家五部委联合发布了通知。", "五部委", "count", 5, {"unit": "部委"}),
    ("在过去的一年中，公司扩张迅速。", "一年", "duration", "P1Y", {}),
    # degrees of angle written with °
    ("屏幕的可视角度达到160°。", "160°", "count", 160, {"unit": "°"}),
    ("夜间最低气温零下8°。", "零下8°", "count", -8, {"unit": "°"}),
    ("体温升到了100.4°F。", "100.4°F", "count", 100.4, {"unit": "°F"}),
    # 上 and 下 ending another word before 一 (加上, 留下): 一 counts
    ("加上一季度的收入，全年营收翻番。", "一季度", "date", None, {"relative": True}),
    ("排练只剩下一天，大家都很紧张。", "一天", "duration", "P1D", {}),
    # N年的 + a noun of length is years, not the year '20 (08年的金融危机 stays 2008)
    ("经过20年的发展，企业已上市。", "20年", "duration", "P20Y", {}),
    ("特等奖是一辆车20年的使用权。", "20年", "duration", "P20Y", {}),
    ("那场08年的金融危机影响深远。", "08年", "date", "2008", {}),
    ("历经20年，大桥终于建成。", "20年", "duration", "P20Y", {}),
    # 年 is an ordinal's classifier as 天 is
    ("今年是项目落地的第五年。", "第五年", "ordinal", 5, {"unit": "年"}),
    # a range of ranks is one ordinal (the second 第 and the first unit may be left out)
    ("第2至5名可获得奖品。", "第2至5名", "ordinal", {"low": 2, "high": 5}, {"unit": "名"}),
    ("第四名-第十名均有奖励。", "第四名-第十名", "ordinal", {"low": 4, "high": 10}, {"unit": "名"}),
    ("方案已修改形成第二稿。", "第二稿", "ordinal", 2, {"unit": "稿"}),
    ("他以第九顺位被选中。", "第九顺位", "ordinal", 9, {"unit": "顺位"}),
    ("内容从第二部分移到了第一部分。", "第二部分", "ordinal", 2, {"unit": "部分"}),
    ("报告分为三部分。", "三部分", "count", 3, {"unit": "部分"}),
    # N月 counted by 持续/连续/为期: a number of months, not a month of the year
    ("出口已连续3月下滑。", "3月", "duration", "P3M", {}),
    ("整治行动为期2月。", "2月", "duration", "P2M", {}),
    ("降温将持续到4月。", "4月", "date", "--04", {"relative": True}),
    # numbers listed with 、 or a conjunction before a fact: each is a fact with the last one's
    # magnitude and unit; ranks listed after 第N、 are ordinals with the unit written after the last
    ("售价为3、4万元。", "3", "money", 30000, {"currency": "CNY"}),
    ("三家公司分别亏损3、5和8亿元。", "5", "money", 500000000, {"currency": "CNY"}),
    ("两地分别为6000、7500和8800万平方米。", "7500", "count", 75000000, {"unit": "平方米"}),
    ("利润率分别提高2.8和18个百分点。", "2.8", "percent", 2.8, {"unit": "百分点"}),
    ("预计需要2或3年。", "2", "duration", "P2Y", {}),
    ("他们排在第一、二名。", "第一", "ordinal", 1, {"unit": "名"}),
    ("他们排在第一、二名。", "二名", "ordinal", 2, {"unit": "名"}),
    ("第五、六、七期名单公布。", "六", "ordinal", 6, {"unit": "期"}),
    ("他在大学一、二年级学习基础课。", "一", "ordinal", 1, {"unit": "年级"}),
    # price and rate moves: 降价/上调/下调/收窄 … say which way the value moved
    ("特斯拉宣布降价1万元。", "1万元", "money", 10000, {"change": "-"}),
    ("成品油价格每吨上调200元。", "200元", "money", 200, {"change": "+"}),
    ("亏损收窄至2亿元。", "2亿元", "money", 200000000, {"change": "-"}),
    ("央行宣布加息25个基点。", "25个基点", "percent", 25, {"change": "+"}),
    # spaces in headlines end a phrase: no unit or magnitude of the next word joins an amount
    ("这台电脑贵了近一万 百货商场的店员说", "近一万", "number", 10000, {"qualifier": "under"}),
    ("球星狂揽1亿 天价合同惹争议", "1亿", "number", 100000000, {}),
    ("三百 万元的奖金", "三百 万元", "money", 3000000, {"currency": "CNY"}),  # a spaced number is still one
    # counts and durations
    ("总理会见了6国新任驻华大使。", "6国", "count", 6, {"unit": "国"}),
    ("百名专家聚首北京", "百名", "count", 100, {"unit": "名"}),  # a hundred, no vague number
    ("学校组织千名学生献血。", "千名", "count", 1000, {"unit": "名"}),
    ("以前去银行办事要排2个钟。", "2个钟", "duration", "PT2H", {}),  # 个钟 "hours" (Cantonese-style)
    ("考察团走访了西部六省。", "六省", "count", 6, {"unit": "省"}),  # provinces
    ("罢工波及8万纺织工人", "8万纺织工人", "count", 80000, {"unit": "纺织工人"}),  # people counted by a bare amount
    ("今年有500多万高校毕业生。", "500多万高校毕业生", "count", 5000000, {"unit": "毕业生", "qualifier": "over"}),
    ("学校今年多招了300余新生", "300余新生", "count", 300, {"unit": "新生", "qualifier": "over"}),
    ("他买下一套百万豪宅。", "百万", "number", 1000000, {}),  # no people: the amount stays (money by its metric, linking)
    ("全市有300万北京市民参与。", "300万", "number", 3000000, {}),  # a place first: not read
    ("男队收获3金1铜。", "1铜", "count", 1, {"unit": "铜"}),  # a medal tally without one colour
    ("各组前两名的球队晋级。", "前两名", "ordinal", 2, {"unit": "名", "qualifier": "under"}),  # top-2 with 两
    ("他以2小时11分05秒271的成绩夺冠。", "2小时11分05秒271", "duration", "PT2H11M5.271S", {}),  # thousandths
    ("店员包好了99枝玫瑰。", "99枝", "count", 99, {"unit": "枝"}),
    ("她在本届比赛摘得两金一银。", "两金", "count", 2, {"unit": "金"}),
    ("球队本赛季一胜五平八负。", "一胜", "count", 1, {"unit": "胜"}),  # a record's first count, no indefinite 一
    # a rate: 每 + a unit, then a verb of change, or a short period
    ("这场战争每分钟耗资2万美元。", "2万美元", "money", 20000, {"unit": "/分钟", "currency": "USD"}),
    ("白银每盎司上涨1.2美元。", "1.2美元", "money", 1.2, {"unit": "/盎司", "change": "+"}),
    # headline prices and phases
    ("这款相机售价不足千元。", "不足千元", "money", 1000, {"qualifier": "under", "currency": "CNY"}),  # a bound before 千
    # 不满 / 未满 "not yet" are under, as 不足 is (满18岁 alone is no bound)
    ("这类卡片不满16岁的学生不能办理", "不满16岁", "count", 16, {"unit": "岁", "qualifier": "under"}),
    ("单笔消费未满50元的不计积分", "未满50元", "money", 50, {"currency": "CNY", "qualifier": "under"}),
    ("入职不满两年的员工没有年假", "不满两年", "duration", "P2Y", {"qualifier": "under"}),
    ("年满18岁即可报名参加", "18岁", "count", 18, {"unit": "岁", "qualifier": None}),
    ("楼盘推出优惠 办卡每日减800", "800", "money", 800, {}),  # a price cut a day
    ("金色家园3期5月开盘", "3期", "ordinal", 3, {"unit": "期"}),  # a phase on sale
    ("这个楼盘分3期开盘。", "3期", "count", 3, {"unit": "期"}),  # in three phases
    ("新盘开盘优惠 3万抵8万", "3万", "money", 30000, {"currency": "CNY"}),  # a deposit and what it counts for
    ("南四环花园两居85-95平10月开盘", "85-95平", "count", {"low": 85, "high": 95}, {"unit": "平"}),  # before a month
    ("小学三四年级开设英语课。", "三四年级", "ordinal", {"low": 3, "high": 4}, {"unit": "年级"}),  # school years, no years
    ("爆炸造成千人受伤", "千人", "count", 1000, {"unit": "人"}),
    ("期铜上方测试72000压力", "72000", "number", 72000, {}),  # a market level
    ("新盘开盘优惠 3万抵8万", "8万", "money", 80000, {"currency": "CNY"}),
    ("开发商办卡5000抵2万", "5000", "money", 5000, {"currency": "CNY"}),
    ("西山新盘两居最低86万起", "86万", "money", 860000, {"currency": "CNY"}),  # a price from
    ("这片老房拆迁一平米8600，不含装修补偿。", "8600", "money", 8600, {"unit": "/平米"}),  # a price per square metre
    ("新房均价每平米2.3万", "2.3万", "money", 23000, {"unit": "/平米"}),
    ("楼盘开盘当天每日优惠500", "500", "money", 500, {}),  # a price cut
    ("银价震荡 1350是短期支撑", "1350", "number", 1350, {}),  # a market level
    ("沪指3150为重要阻力", "3150", "number", 3150, {}),
    ("沪指重上2000，券商股领涨", "2000", "number", 2000, {}),  # a market level, no year 2000
    ("沪指重上3000 券商股领涨", "3000", "number", 3000, {}),  # a headline's space: no count of 券商
    ("公司目前有 2000 员工", "2000 员工", "count", 2000, {"unit": "员工"}),  # copy that spaces its numbers
    ("金价上方阻力位1250", "1250", "number", 1250, {}),
    ("恒指午盘跌60点报20135 成交210亿元", "20135", "number", 20135, {}),  # a quoted level; 成交 is no 成
    ("这款相机套机降至3680", "3680", "money", 3680, {}),  # a price after a price word and 降至
    ("这里三月历来多雨。", "三月", "date", "--03", {}),  # 历来 "always", no calendar
    # a digit after 万 that starts the next word is no last figure said aloud (一万三 is 13000)
    ("他因贪污243万一审被判无期。", "243万", "number", 2430000, {}),
    ("她年薪20万一年后辞职。", "一年", "duration", "P1Y", {}),
    ("2012研究生招生简章发布", "2012", "date", "2012", {}),  # a year before its topic, no 2,012 students
    ("2016奥运火炬开始传递", "2016", "date", "2016", {}),
    ("这份工作月薪一万三，他很满意。", "一万三", "number", 13000, {}),
    ("这款电视一万五即可买到。", "一万五", "number", 15000, {}),  # 五 makes no word with 即
    ("他年薪20万三年后翻番。", "三年", "duration", "P3Y", {}),
    ("煤矿透水事故致7死", "7死", "count", 7, {"unit": "死"}),  # a death toll alone, at a headline's end
    ("园区10月9再迎游客", "10月9", "date", "--10-09", {}),  # a day without 日 before a verb
    ("望京某盘三期热销", "三期", "ordinal", 3, {"unit": "期"}),  # a phase of building that sells
    ("专家给考生的8点建议", "8点", "count", 8, {"unit": "点"}),  # points of advice, no index points
    ("他全场命中7记三分。", "7记", "count", 7, {"unit": "记"}),  # shots
    ("球队距前六2分", "前六", "ordinal", 6, {"qualifier": "under"}),  # top-N before the points to it
    ("中锋第四节6犯离场。", "6犯", "count", 6, {"unit": "犯"}),  # fouls
    ("全市今年招录560职位。", "560职位", "count", 560, {"unit": "职位"}),
    ("会议提出三点要求。", "三点", "count", 3, {"unit": "点"}),
    ("恒指短线阻力21300", "21300", "number", 21300, {}),  # a market level after 阻力
    ("这款卡片机仅2680送内存卡", "2680", "money", 2680, {}),  # a headline price, then the next words
    ("小户型均价8000总价26万起", "8000", "money", 8000, {}),  # 总 starts no unit after a price
    ("海南五日游报价出炉", "五日", "duration", "P5D", {}),  # a tour's length, no 5th of the month
    ("新盘首付8万起", "8万", "money", 80000, {}),  # a down payment "from", no count of cases
    ("这座古城有800年底蕴。", "800年", "duration", "P800Y", {}),  # 底蕴 "heritage", no year's end
    ("厦门三日游168起", "168", "money", 168, {}),  # a fare "from"
    ("该盘均价1万3起", "1万3", "money", 13000, {}),  # said aloud, then 起 "from"
    ("桂林3日游火爆", "3日", "duration", "P3D", {}),
    ("本月8日游客爆满", "本月8日", "date", "---08", {}),  # 游客 is a word: the 8th
    ("某品牌单反大促销5480", "5480", "money", 5480, {}),
    ("该项目二期90平起", "二期", "ordinal", 2, {"unit": "期"}),
    ("展会迎来第10000名观众。", "第10000名", "ordinal", 10000, {"unit": "名"}),
    # helper-47
    # · as a decimal point before a metric unit (公斤, 公里, 平方米, 毫米), as before 米 or 吨
    ("三只小熊猫的体重都在1·8公斤以上。", "1·8公斤以上", "count", 1.8, {"unit": "公斤", "qualifier": "over"}),
    ("新修的山路全长6·4公里。", "6·4公里", "count", 6.4, {"unit": "公里"}),
    ("保护区扩大了3·7平方公里。", "3·7平方公里", "count", 3.7, {"unit": "平方公里"}),
    # two years written digit by digit in Chinese: a span of years, not 1996 to 1997 years
    ("一九九六至一九九七年全省粮食丰收。", "一九九六至一九九七年", "date", {"start": "1996", "end": "1997"}, {}),
    ("二〇〇六—二〇一〇年的规划已经公布。", "二〇〇六—二〇一〇年", "date", {"start": "2006", "end": "2010"}, {}),
    ("他在一九九九至二〇〇〇赛季效力于米兰。", "一九九九至二〇〇〇", "date", {"start": "1999", "end": "2000"}, {}),
    ("这片森林已生长了一千至两千年。", "一千至两千年", "duration", {"low": "P1000Y", "high": "P2000Y"}, {}),
    # a decimal before the mark it is (9.475的最高分): a number, as a judges' mark
    ("她在平衡木上得到了9.475的最高分。", "9.475", "number", 9.475, {}),
    # N多米: over N metres (多米 starts no word here, as in 多米尼加 or 多米诺)
    ("新挖的水渠长2000多米。", "2000多米", "count", 2000, {"unit": "米", "qualifier": "over"}),
    ("村里铺了3万多米电缆。", "3万多米", "count", 30000, {"unit": "米", "qualifier": "over"}),
    # seven digits or more before a measure word: a count written in full, no code
    ("调查共收回2045318份问卷中的1382205个有效答案。", "1382205个", "count", 1382205, {"unit": "个"}),
    ("该省去年产粮4600000吨。", "4600000吨", "count", 4600000, {"unit": "吨"}),
    # 克朗, 比索, 卢比 alone: the currency of the country named before it
    ("捷克克朗连跌三天，昨天收在每马克19.2克朗。", "19.2克朗", "money", 19.2, {"currency": "CZK"}),
    ("在挪威吃一顿午饭要120克朗。", "120克朗", "money", 120, {"currency": "NOK"}),
    ("智利央行说，一季度出口收入为2300亿比索。", "2300亿比索", "money", 230000000000, {"currency": "CLP"}),
    ("巴基斯坦今年的教育预算是800亿卢比。", "800亿卢比", "money", 80000000000, {"currency": "PKR"}),
    # 一 in a record beside other wins, draws or losses counts one of them (no indefinite "a")
    ("主队本周取得三胜一负。", "一负", "count", 1, {"unit": "负"}),
    ("这支球队打出一胜两平的战绩。", "一胜", "count", 1, {"unit": "胜"}),
    # a range of days with 日 is days of the month, as 3日 is, unless a verb of lasting or needing or a bound says a time
    ("18—20日，华南将有一次降温过程。", "18—20日", "date", {"start": "---18", "end": "---20"}, {"relative": True}),
    ("书市于11至16日在省城举办。", "11至16日", "date", {"start": "---11", "end": "---16"}, {"relative": True}),
    ("这批货物需要7至10日才能运到。", "7至10日", "duration", {"low": "P7D", "high": "P10D"}, {}),
    ("此次巡演为期8至12日。", "8至12日", "duration", {"low": "P8D", "high": "P12D"}, {}),
    # the session of a numbered term's standing committee (十届二次中常会): ordinals, as 九届人大一次会议
    ("该党十届二次中常会昨天闭幕。", "十届", "ordinal", 10, {"unit": "届"}),
    ("该党十届二次中常会昨天闭幕。", "二次", "ordinal", 2, {"unit": "次"}),
    ("他花了一天的时间整理资料。", "一天", "duration", "P1D", {}),
    ("实验舱内达到了120万大气压。", "120万大气压", "count", 1200000, {"unit": "大气压"}),
    ("全省还有三亿多文盲需要扫盲。", "三亿多文盲", "count", 300000000, {"unit": "文盲", "qualifier": "over"}),  # people, as 青年
    # helper-50
    # a laptop's headline price after its model and 本 ("notebook") or 本报 (quoted at)
    ("华硕K42独显本4399", "4399", "money", 4399, {"currency": "CNY"}),
    ("惠普CQ45本报5200", "5200", "money", 5200, {"currency": "CNY"}),
    ("佳能A2000送原包原电1680", "1680", "money", 1680, {"currency": "CNY"}),  # a camera's price after its gifts
    ("政府拨出3亿元新币扶持本地媒体。", "3亿元新币", "money", 300000000, {"currency": "SGD"}),  # 元 then the currency's name
    # a bare price per person: 一位 / 一人 after it is no count
    ("海鲜自助周末128一位，平日98一位", "98", "money", 98, {"currency": "CNY", "unit": "/位"}),
    ("景区门票打折后45一人。", "45", "money", 45, {"currency": "CNY", "unit": "/人"}),
    ("本报3000字以内的来稿优先刊用。", "3000字以内", "count", 3000, {"unit": "字", "qualifier": "under"}),  # 本报 "this paper"
    # phases of an estate: after 推, before 售完, before a sale with its year or part of a month
    ("该楼盘明年春天推三期", "三期", "ordinal", 3, {"unit": "期"}),
    ("开发商年底加推二期", "二期", "ordinal", 2, {"unit": "期"}),
    ("绿洲花园一期售完 二期下月开盘", "一期", "ordinal", 1, {"unit": "期"}),
    ("湖畔新城二期5月上旬开盘", "二期", "ordinal", 2, {"unit": "期"}),
    ("某别墅3期2011年3月中旬开盘", "3期", "ordinal", 3, {"unit": "期"}),
    ("这笔贷款分12期还清。", "12期", "count", 12, {"unit": "期"}),  # installments stay a count
    ("她给孩子买了2双运动鞋。", "2双", "count", 2, {"unit": "双"}),  # pairs (酷睿2双核 is none: see IGNORED)
    ("这套老房子有3间卧室。", "3间", "count", 3, {"unit": "间"}),
    ("尾房特惠每平减1500", "1500", "money", 1500, {"currency": "CNY", "unit": "/平"}),  # a cut per square metre
    ("他们一直聊到11点多才散。", "11点多", "date", "T11", {"qualifier": "over", "relative": True}),  # an hour and more
    ("恒指午后回落6点多。", "6点", "number", 6, {"unit": "点"}),  # a market's points
    ("这款网游8月16终极封测", "8月16", "date", "--08-16", {"relative": True}),  # a day without 日 before a schedule's word
    ("欧元区3月制造业PMI终值为47.2", "47.2", "number", 47.2, {}),  # an indicator's reading
    ("团购：明日可用158起海滨温泉一日游", "158", "money", 158, {"currency": "CNY"}),  # a listing's price "from"
    ("联赛每季要打一百二三十场。", "一百二三十场", "count", {"low": 120, "high": 130}, {"unit": "场"}),  # a round head, then a pair
    ("这台旧电脑只卖一千七八百元。", "一千七八百元", "money", {"low": 1700, "high": 1800}, {"currency": "CNY"}),
    ("他捧着520朵玫瑰站在楼下。", "520朵", "count", 520, {"unit": "朵"}),  # 朵 counts flowers
    ("老汉当年欠下地主三百吊钱。", "三百吊钱", "count", 300, {"unit": "吊钱"}),  # strings of old cash, no yuan
    ("主力资金今日流出7板块", "7板块", "count", 7, {"unit": "板块"}),  # sectors counted, no limit-up boards (板)
    ("今年有3板块领涨。", "3板块", "count", 3, {"unit": "板块"}),
    ("大雾中国道上6车连环相撞", "6车", "count", 6, {"unit": "车"}),  # cars in a crash (3车道 counts nothing: see IGNORED)
    ("路口一行人被3车碾压", "3车", "count", 3, {"unit": "车"}),
    ("俱乐部开出3千万双薪挽留队长。", "3千万", "number", 30000000, {}),  # 双薪 "double pay": no pairs
    ("今年全省有30万应届生参加招聘会。", "30万应届生", "count", 300000, {"unit": "应届生"}),  # graduates counted
    ("隧道塌方造成76人被困。", "76人", "count", 76, {"unit": "人"}),  # people, no team
    ("本市3校入选全国百强。", "3校", "count", 3, {"unit": "校"}),  # schools counted (3校区 counts nothing: see IGNORED)
    ("这家民宿每周3晚有演出。", "3晚", "count", 3, {"unit": "晚"}),  # nights in a week
    ("港口新建了一座万吨以上的泊位。", "万吨以上", "count", 10000, {"unit": "吨", "qualifier": "over"}),  # a bare 万 counts
    ("农场去年引进了万只蛋鸡。", "万只", "count", 10000, {"unit": "只"}),
    # rooms of a flat in property copy: 1-3居, 两居, 三居室 (居民, 位居 are words)
    ("新盘推出1-3居精装房源", "1-3居", "count", {"low": 1, "high": 3}, {"unit": "居"}),
    ("小区在售两居总价90万起", "两居", "count", 2, {"unit": "居"}),
    ("南向三居室已经售罄。", "三居室", "count", 3, {"unit": "居室"}),
    ("东坝新盘88平米二居本周加推", "二居", "count", 2, {"unit": "居"}),  # 二 counts rooms as 两 does (二居 "two-room flat")
    ("朝南二居室只剩三套", "二居室", "count", 2, {"unit": "居室"}),
    ("这次事故造成3居民受伤。", "3居民", "count", 3, {"unit": "居民"}),
    # a bare number + noun or counting word in a headline (十连阳 "ten rising days in a row", 八贴 doses of medicine)
    ("150艺人登台献唱 晚会筹款过亿", "150艺人", "count", 150, {"unit": "艺人"}),
    ("分析师列举5因素看好后市", "5因素", "count", 5, {"unit": "因素"}),
    ("运营商年内建成600站点", "600站点", "count", 600, {"unit": "站点"}),
    ("创业板指数收出7连阳", "7连阳", "count", 7, {"unit": "连阳"}),
    ("中医给失眠者开出六贴药方", "六贴", "count", 6, {"unit": "贴"}),
    ("他只背下了古诗的前面三句", "三句", "count", 3, {"unit": "句"}),
    # a two-digit N年 after a verb that takes a length of years, before a bound, or before a headline's space: no year '1x
    ("他因抢劫被判入狱14年的消息传开。", "14年", "duration", "P14Y", {}),
    ("被判处有期徒刑11年的被告提出上诉。", "11年", "duration", "P11Y", {}),
    ("坚持12年的义务支教感动了很多人。", "12年", "duration", "P12Y", {}),
    ("这些教师的教龄都在16年以上。", "16年以上", "duration", "P16Y", {"qualifier": "over"}),
    ("老人被错登记17年 跑了30多趟才改正", "17年", "duration", "P17Y", {}),
    ("10年开局良好，销量稳步上升。", "10年", "date", "2010", {}),
    # counts of lottery bets, defeats, tips, litters and meals; a hundred of 只; a record against the handicap
    ("本期双色球全国中出7注一等奖。", "7注", "count", 7, {"unit": "注"}),
    ("公司获得3亿注资。", "3亿", "number", 300000000, {}),
    ("主队本季5胜6败排名第九。", "6败", "count", 6, {"unit": "败"}),
    ("学会8招轻松挑选西瓜", "8招", "count", 8, {"unit": "招"}),
    ("学校公布2011招生计划", "2011", "date", "2011", {}),
    ("这只大熊猫先后产仔4胎。", "4胎", "count", 4, {"unit": "胎"}),
    ("他每天要吃6顿饭。", "6顿", "count", 6, {"unit": "顿"}),
    ("今年百只新基金密集发行", "百只", "count", 100, {"unit": "只"}),
    ("该队近期8场4赢1走3输。", "4赢", "count", 4, {"unit": "赢"}),
    ("该队近期8场4赢1走3输。", "1走", "count", 1, {"unit": "走"}),
    ("该队近期8场4赢1走3输。", "3输", "count", 3, {"unit": "输"}),
    # 不超 is 不超过 (under, 不 in the span); 内 after an amount before 行货 is "within"
    ("新规要求单笔转账不超2万元。", "不超2万元", "money", 20000, {"currency": "CNY", "qualifier": "under"}),
    ("报名者年龄不超35岁", "不超35岁", "count", 35, {"unit": "岁", "qualifier": "under"}),
    ("1500元内行货相机推荐", "1500元内", "money", 1500, {"currency": "CNY", "qualifier": "under"}),
    # 12 at night is midnight; the small hours after 深夜, 夜里, 半夜 are after midnight
    ("商场晚上12点才关门。", "晚上12点", "date", "T00", {"relative": True}),
    ("他每天半夜12点还在加班。", "半夜12点", "date", "T00", {}),
    ("小区半夜3点突然停电。", "半夜3点", "date", "T03", {}),
    ("直到深夜2点会议才结束。", "深夜2点", "date", "T02", {}),
    ("深夜11点，街上已没有行人。", "深夜11点", "date", "T23", {}),
    ("审批最快1天最长10天办结。", "最快1天", "duration", "P1D", {"qualifier": "under"}),  # bounded: a length
    # headline prices and levels with their unit left out; the first item of a long list that shares a unit
    ("主流相机再降200 入门单反更便宜", "200", "money", 200, {"currency": "CNY"}),
    ("最低不足900 三款平板推荐", "不足900", "money", 900, {"currency": "CNY", "qualifier": "under"}),
    ("节前惊喜 九阳豆浆机399促销", "399", "money", 399, {"currency": "CNY"}),  # a headline's price before 促销
    ("棉价冲破9000大关", "9000", "number", 9000, {}),
    ("金价失守“1200防线”", "1200", "number", 1200, {}),
    ("三地房价分别突破9000、7000、6000和4000元关口", "9000", "money", 9000, {"currency": "CNY"}),
    # a share count before a name that starts with 东 (东亚银行, 东方航空); 第 + a numeral, then a word that starts with one
    ("基金减持了20万股东方航空。", "20万股", "count", 200000, {"unit": "股"}),
    ("这是第一三维动画大片。", "第一", "ordinal", 1, {}),
    # 二等 after N万 is a prize's rank (二等奖), no last figure of the amount; a foreign name after a counted noun
    ("他上周中了5万二等奖。", "5万", "number", 50000, {}),
    ("最近三个赛季罗伯茨都在队中效力。", "三个", "count", 3, {"unit": "赛季"}),
    ("他买了一款人民币一年期的理财产品。", "一年期", "duration", "P1Y", {"unit": "年期"}),  # 人民币 stays out of a time's span
    ("钢价3800整数关口失守", "3800", "number", 3800, {}),
    # a bare amount before a noun of households counts them (用户, 农户: 户 ends nouns of people as 人 does)
    ("这家运营商新增了20万移动用户。", "20万移动用户", "count", 200000, {"unit": "移动用户"}),
    ("这所学校开了12门选修课。", "12门", "count", 12, {"unit": "门"}),
    # a painting's price per square chi (平方尺, 平尺); football clubs named with a number
    ("这位画家的作品均价为8500元/平方尺。", "8500元/平方尺", "money", 8500, {"unit": "/平方尺"}),
    ("他的山水画每平尺2万元。", "2万元", "money", 20000, {"unit": "/平尺"}),
    ("汉诺威96队主场3胜1平。", "3胜", "count", 3, {"unit": "胜"}),
    ("分析师预计盈利于Q2见底", "Q2", "date", None, {"relative": True}),  # Q2 after 于: a quarter
    ("这幅画的价格三年翻了近一番。", "翻了近一番", "number", 2, {"unit": "倍", "qualifier": "under"}),
    # a season of two years written short with a hyphen, as 06/07赛季
    ("他在08-09赛季场均得到20分。", "08-09", "date", {"start": "2008", "end": "2009"}, {}),
    ("球队在10-11赛季夺冠。", "10-11", "date", {"start": "2010", "end": "2011"}, {}),
    # 八成 after a share word stays a percent; 一月 before a noun stays January
    ("受访者中八成是上班族。", "八成", "percent", 80, {}),
    ("一月能源价格有所回落。", "一月", "date", "--01", {}),
    # a character after the number that starts a word is no classifier: 名车 (a luxury car), 处方, 周薪
    ("明星开着百万名车出席活动", "百万", "money", 1000000, {"currency": "CNY"}),
    ("赛事吸引了十万名车迷到场。", "十万名", "count", 100000, {"unit": "名"}),
    ("药房丢失了价值百万的处方药", "百万", "money", 1000000, {"currency": "CNY"}),
    ("诊所丢失价值百万处方", "百万", "money", 1000000, {"currency": "CNY"}),
    ("他凭什么拿12万周薪", "12万", "number", 120000, {}),
    ("工人已经3周薪水没有着落", "3周", "duration", "P3W", {}),
    # index levels and hours in Chinese numerals, as in digits
    ("沪指昨日再度失守两千点", "两千点", "number", 2000, {"unit": "点"}),
    ("股指在二千六百点附近徘徊", "二千六百点", "number", 2600, {"unit": "点"}),
    ("大盘午后跌了一百多点", "一百多点", "number", 100, {"unit": "点", "qualifier": "over"}),
    ("展览馆每天八时开门迎客", "八时", "date", "T08", {}),
    ("十一时许，消防车赶到现场", "十一时", "date", "T11", {}),
    ("比赛今天七时开打", "七时", "date", "T07", {}),
    # a price word after a rate's word: a plot ratio stays a plain number
    ("该地块容积率仅为1.2", "1.2", "number", 1.2, {}),
    # betting odds are plain numbers, no money (低至 is no price word after 赔)
    ("机构开出的主胜赔低至1.25，看好主队", "1.25", "number", 1.25, {}),
    ("平赔已降至3.10", "3.10", "number", 3.1, {}),
    ("客胜赔4.50，冷门可能不大", "4.50", "number", 4.5, {}),
    ("主胜赔一度低至1.30", "1.30", "number", 1.3, {}),
    ("主胜赔1.85明显偏高", "1.85", "number", 1.85, {}),  # odds before a word
    ("多家公司的平赔在3.30左右", "3.30左右", "number", 3.3, {"qualifier": "about"}),
    ("清仓赔本价仅售99，欲购从速", "99", "money", 99, {"currency": "CNY"}),
    ("保险公司已赔付1.2亿元", "1.2亿元", "money", 120000000, {"currency": "CNY"}),
    # counts: golf holes, 二招, a flat's area before its facing, users and households
    ("他在最后一轮连赢4洞逆转", "4洞", "count", 4, {"unit": "洞"}),
    ("老师傅传授二招省电妙法", "二招", "count", 2, {"unit": "招"}),
    ("小区推出60平朝南一居", "60平", "count", 60, {"unit": "平"}),
    ("平台新增30万宽带用户", "30万宽带用户", "count", 300000, {"unit": "宽带用户"}),
    # a party congress's rank without 第 is an ordinal, as 十一届 is
    ("全面贯彻党的十六大精神", "十六大", "ordinal", 16, {"unit": "大"}),
    ("十七大以来各地加快了改革步伐", "十七大", "ordinal", 17, {"unit": "大"}),
    # headline prices after 特惠 and 最新价
    ("两居精装房特惠9800", "9800", "money", 9800, {"currency": "CNY"}),
    ("索尼新款摄像机最新价5600", "5600", "money", 5600, {"currency": "CNY"}),
    ("当地遭遇85年未遇的洪水", "85年", "duration", "P85Y", {}),  # "not in 85 years", no year '85
    # 块 before a word of pay or fees is the yuan (a noun after 块 is else counted: 3块奖牌)
    ("比赛结束后每人发了200块奖金。", "200块", "money", 200, {"currency": "CNY"}),
    ("他一共拿了3块奖牌。", "3块", "count", 3, {"unit": "块"}),
    # 重上 / 站上 before 百 or 千 is a verb, "climb back above", no bound (上千亿 alone is over)
    ("两市成交重上千亿", "千亿", "number", 100000000000, {}),
    ("上千亿资金涌入债市", "上千亿", "number", 100000000000, {"qualifier": "over"}),
    ("三名新秀跻身前三甲", "前三甲", "ordinal", 3, {"qualifier": "under"}),  # the top three
    ("期铜午后冲击52000关", "52000", "number", 52000, {}),  # a level, 关口 short
    ("他一口气闯过了5关。", "5关", "count", 5, {"unit": "关"}),
    ("某花园3期洋房即将开盘", "3期", "ordinal", 3, {"unit": "期"}),  # a phase of an estate
    # a month before 3G is no day; a level after 站上 before 关; a price cut of 百元
    ("九月3G上网卡销量大增", "九月", "date", "--09", {}),
    ("原油期货站上90关", "90", "number", 90, {}),
    ("这款投影仪本周直降千元", "千元", "money", 1000, {"currency": "CNY", "change": "-"}),
    ("他一口气闯过30关", "30关", "count", 30, {"unit": "关"}),
    # gigabytes written G (8G卡, 16G版); 3G, 4G, 5G are networks
    ("这款播放器内置32G闪存", "32G", "count", 32, {"unit": "G"}),
    # a headline's dash before a count is no minus; a model's name ends at a space before an amount
    ("英超-9人利物浦顽强守平", "9人", "count", 9, {"unit": "人"}),
    ("开宝马X5 千万身家引关注", "千万", "number", 10000000, {}),
    ("球队3年换了4队长", "4队长", "count", 4, {"unit": "队长"}),
    ("该帖一天获5万顶帖", "5万", "number", 50000, {}),
    # Hong Kong cents written 仙 after a digit (八仙, 3仙女 are none)
    ("公司全年盈利增长 末期息12.5仙", "12.5仙", "money", 0.125, {"currency": "HKD"}),
    ("她已怀孕7月仍坚持上班", "7月", "duration", "P7M", {}),  # months of a pregnancy, no July
    ("小将杀入世界排名前20 创造历史", "前20", "ordinal", 20, {"qualifier": "under"}),  # a top-N before a headline's space
    ("案发的时间约是9点", "9点", "date", "T09", {}),  # a clock time after 时间, no index points
    ("这只基金24月亏掉一半", "24月", "duration", "P24M", {}),  # no month of the year: months counted
    # a headline's dash before a day or a year is no minus: the date starts after it, and the hour after the day is its own
    ("访谈预告-22日15时 名帅做客聊天室", "22日", "date", "---22", {"relative": True}),
    ("访谈预告-22日15时 名帅做客聊天室", "15时", "date", "T15", {}),
    ("央视专题-2012年春晚节目单出炉", "2012年", "date", "2012", {}),
    # N号 is a day before 推 (launches) and in brackets after a day word
    ("城东新盘18号推85平两居", "18号", "date", "---18", {"relative": True}),
    ("座谈会昨天（27号）在京举行", "27号", "date", "---27", {"relative": True}),
    # a date written as eight digits after a column's name (YYYYMMDD)
    ("看图说话沪铜20100315", "20100315", "date", "2010-03-15", {}),
    ("期市早评20091130 豆粕震荡", "20091130", "date", "2009-11-30", {}),
    # a span of years written without 年 before a noun
    ("机构发布2009-2010中国手机市场白皮书", "2009-2010", "date", {"start": "2009", "end": "2010"}, {}),
    # bunches (束), school subjects (科) and layers (重) counted
    ("实验用48束激光同时照射靶丸", "48束", "count", 48, {"unit": "束"}),
    ("新娘手捧两束百合", "两束", "count", 2, {"unit": "束"}),
    ("高考将在2-3科试行等级评价", "2-3科", "count", {"low": 2, "high": 3}, {"unit": "科"}),
    ("他语数外三科总分过了六百", "三科", "count", 3, {"unit": "科"}),
    ("开盘当日购房可享3重优惠", "3重", "count", 3, {"unit": "重"}),
    ("网上开户送出三重好礼", "三重", "count", 3, {"unit": "重"}),
    ("稳增长是第二重要的任务", "第二", "ordinal", 2, {"unit": None}),  # 重要 "important": no layer
    ("活动第三重：幸运抽奖", "第三重", "ordinal", 3, {"unit": "重"}),
    # events, units (bodies or doses), majors and first-team players counted without a measure word
    ("她获得3单项冠军。", "3单项", "count", 3, {"unit": "单项"}),  # single events, no orders
    ("4单位联合发出通知", "4单位", "count", 4, {"unit": "单位"}),
    ("该校今年停招七专业", "七专业", "count", 7, {"unit": "专业"}),
    ("球队轮休5主力迎战弱旅", "5主力", "count", 5, {"unit": "主力"}),
    ("尾盘2亿主力资金流出", "2亿", "number", 200000000, {}),  # money of the main players, no count of them
    # a death toll after a bound word, in the span
    ("南部暴雨引发泥石流至少35死", "至少35死", "count", 35, {"unit": "死", "qualifier": "over"}),
    ("客车坠崖近20死", "近20死", "count", 20, {"unit": "死", "qualifier": "under"}),
    # 多 after half a year or half a month is "over", in the span (半年多赚 "earned more in the half-year" keeps it out)
    ("新馆开放半年多以来客流不断", "半年多", "duration", "P6M", {"qualifier": "over"}),
    ("工程拖了半个多月才完工", "半个多月", "duration", "P15D", {"qualifier": "over"}),
    ("某公司半年多赚15%", "半年", "duration", "P6M", {"qualifier": None}),
    # a price per person, night or month with no currency word after a bare number
    ("这条线路的团费是4500/人，含往返机票", "4500/人", "money", 4500, {"currency": "CNY", "unit": "/人"}),
    ("市区一居室的租金约2200/月", "约2200/月", "money", 2200, {"unit": "/月", "qualifier": "about"}),
    ("导游服务收费€15/人/天", "€15/人/天", "money", 15, {"currency": "EUR", "unit": "/人/天"}),
    ("新盘三五八一9600元起售", "9600元", "money", 9600, {"currency": "CNY"}),  # an estate named in Chinese digits before the price
    ("城中新建一栋30层楼的酒店", "30层楼", "count", 30, {"unit": "层楼"}),  # storeys counted
    # people after a place or a state are counted by a bare amount (a bank after a place is no people)
    ("这关系到14亿中国人的饭碗", "14亿中国人", "count", 1400000000, {"unit": "中国人"}),
    ("全市约9万在校大学生参加了活动", "约9万在校大学生", "count", 90000, {"unit": "大学生", "qualifier": "about"}),
    ("今年有逾六万成都考生报名", "逾六万成都考生", "count", 60000, {"unit": "考生", "qualifier": "over"}),
    ("公司获得50亿北京银行授信", "50亿", "number", 5000000000, {}),
    ("张某与李某二人当晚被抓获", "二人", "count", 2, {"unit": "人"}),  # two people, as 两人
    ("省里派出12巡视组分赴各地", "12巡视组", "count", 12, {"unit": "巡视组"}),
    ("球队夏天要引进3巨星", "3巨星", "count", 3, {"unit": "巨星"}),
    ("东五环新盘75平板楼两居开盘", "75平", "count", 75, {"unit": "平"}),  # a flat's square metres before 板楼 (a slab building)
    ("飞机于凌晨4时零7分降落", "凌晨4时零7分", "date", "T04:07", {}),  # 零 before the minutes
    ("他用2小时零15分钟跑完全程", "2小时零15分钟", "duration", "PT2H15M", {}),  # 零 between the hours and the minutes
    # a flat's layout: each kind of room counted, as 三居 is
    ("他们租了一套两室一厅", "两室", "count", 2, {"unit": "室"}),
    ("他们租了一套两室一厅", "一厅", "count", 1, {"unit": "厅"}),
    ("样板间为四房两厅两卫", "两卫", "count", 2, {"unit": "卫"}),
    ("新推洋房南北通透 3厅朝南", "3厅", "count", 3, {"unit": "厅"}),
    ("村里一八岁少年考上了大学", "八岁", "count", 8, {"unit": "岁"}),  # 一 "a", then the age (no 18)
]

RESOLVED = [
    ("今年9月,公司被起诉。", "今年9月", "2025-09"),
    ("去年10月份财政部发文。", "去年10月份", "2024-10"),
    ("上半年营收增长。", "上半年", "2025-H1"),
    ("三季度末仓位下降。", "三季度末", "2025-Q3"),
    ("6月16日发布新品。", "6月16日", "2025-06-16"),
    ("本月9日召开会议。", "本月9日", "2025-11-09"),
    ("上月9日召开会议。", "上月9日", "2025-10-09"),
    ("周五收盘时指数上涨。", "周五", "2025-11-07"),
    ("上周一市场大跌。", "上周一", "2025-10-27"),
    ("明年3月将投产。", "明年3月", "2026-03"),
    ("前年第四季度开始亏损。", "前年第四季度", "2023-Q4"),
    ("发言人30日表示。", "30日", "2025-11-30"),
    ("今年上半年,公司营收增长了三成。", "今年上半年", "2025-H1"),
    ("上周日公司发布新品,售价3999元。", "上周日", "2025-11-02"),  # weeks run Monday to Sunday
    ("去年最后一个月，出口增长。", "去年最后一个月", "2024-12"),
    # the second end of a range takes the first's month before the published date's
    ("促销在5月18日--30日举行。", "5月18日--30日", {"start": "2025-05-18", "end": "2025-05-30"}),
    ("去年11月至今年9月，销量翻番。", "去年11月至今年9月", {"start": "2024-11", "end": "2025-09"}),
    ("从二季度末到三季度，股价回落。", "二季度末到三季度", {"start": "2025-Q2", "end": "2025-Q3"}),
    # a range without a year whose start would come after its end starts the year before
    ("开户数从12月份到今年1月份持续减少。", "12月份到今年1月份", {"start": "2024-12", "end": "2025-01"}),
    # the first N months without a year: this year's, as 今年前8个月 (not "8 months ago")
    ("前8个月，全国销量增长。", "前8个月", {"start": "2025-01", "end": "2025-08"}),
    ("公司在前九个月大举拿地。", "前九个月", {"start": "2025-01", "end": "2025-09"}),
    ("Q3营收同比增长12%。", "Q3", "2025-Q3"),
    # N点 right after a day, or with 钟, is a time of day (an index level stays points)
    ("活动于12月16日18点开始。", "18点", "T18"),
    ("前7月全省出口增长。", "前7月", {"start": "2025-01", "end": "2025-07"}),
    # 第 belongs to a quarter written without its year, as it does with one
    ("基金在第四季度大幅增仓。", "第四季度", "2025-Q4"),
    # a day written with 号 beside another one
    ("总理7号和9号召开了两次会议。", "7号", "2025-11-07"),
    # a weekday range: the second weekday is in the first one's week (PUB is a Monday)
    ("会议定于下周一至周三举行。", "下周一至周三", {"start": "2025-11-10", "end": "2025-11-12"}),
    ("上周二到周四连续降温。", "上周二到周四", {"start": "2025-10-28", "end": "2025-10-30"}),
]

# (sentence, stretch that must hold no fact)
IGNORED = [
    ("老张八成会把这件事忘了。", "八成"),  # the adverb "most likely", no share
    ("这笔钱八成是被他拿走的。", "八成"),
    ("这款游戏默认使用第一视角。", "第一"),  # a camera term, no rank
    ("玩家也可以切换到第三视角。", "第三"),
    ("新补丁的版本6.52B修复了错误。", "6.52B"),  # a version's label, no billions
    ("那时他一月能挣两千元。", "一月"),  # "in a month", no January
    ("画家一月用掉三十刀纸。", "一月"),
    ("差一点就赶不上末班车了。", "一点"),
    ("园中四时花开不断。", "四时"),
    ("他一时冲动说错了话。", "一时"),
    ("专家有3洞察值得一听", "3洞"),
    ("东北四方桥一带新盘扎堆", "四方"),  # a place's name, and the idiom 四方来客 "guests from all around"
    ("小镇每逢集市四方来客云集", "四方"),
    ("新帅的三板斧已经用完", "三板"),  # the idiom 三板斧 "one's few tricks"
    ("晚会上还有一段三句半", "三句半"),  # a folk act's name
    ("动作片斯巴达三百勇士重映", "三百勇士"),  # a film's title
    ("银行将提供3贴息贷款", "3贴"),  # 贴息 an interest subsidy, no doses
    ("获奖的是七年级四班的同学", "四班"),  # a class's label after its grade, no four classes
    ("这套合集收录了《某赛车》1/2代", "1/2"),  # the parts of a series, no half
    ("他通关了《某射击》1/2/3代", "1/2"),
    ("这款游戏一共有十关口令", "十"),  # 关 starts a word, no level
    ("这件球衣印着No.23", "23"),  # a label, no rank
    ("仅2004年一年的投诉就有上千件", "一年"),  # "in 2004 alone": the year is the fact, no length
    ("老人一辈子没有上过一天学", "一天"),  # "never went to school for a single day"
    ("这条帖子有百点击也不错了", "百"),  # 点击 "clicks" starts a word, no index points
    ("老会计三句话不离账本", "三句"),  # the idiom 三句话不离… "always talks shop"
    ("榜单评出了全国十六大城市", "十六大"),  # sixteen big cities, no congress
    ("银行开始回收旧版百元大钞", "百元"),  # a note's kind
    ("运营商今年将力推4G网络", "4G"),  # a network's generation
    ("庙会上演了八仙过海", "八仙"),
    ("开发商推出三零八零板楼", "三零八零板"),  # a project's name, then 板楼 (a slab building)
    ("基金公司上周一致选择了加仓。", "上周一致"),
    ("这些股票的涨幅是大盘的一倍至数倍。", "一倍"),  # a range to a vague end is vague
    ("双十一期间平台的销量大增。", "十一期"),  # shopping festivals named by their date
    ("双12当天的订单创下新高。", "12"),
    ("理想L9月销超过5000辆。", "9月"),  # a model's name before 月销 (monthly sales), no September
    ("这款手机搭载骁龙8 Gen 5处理器。", "5处"),  # 处理器 is no count of places
    ("歼-35首次公开亮相。", "35首"),  # 首次 "the first time", no songs
    ("这款新药已进入三期临床试验。", "三期"),  # a trial's phase, no count of 期
    ("购买2级及以上能效的家电产品可获补贴。", "2级"),  # an efficiency grade, a label
    ("新机支持4K视频录制。", "4K"),  # a display format, no 4,000
    ("这台电视是8K超高清屏。", "8K"),
    ("该车0-100km/h加速时间为3.9秒。", "0-100km/h"),  # the name of a car's acceleration
    ("单笔投资从10亿元到数十亿元不等。", "10亿元"),
    ("本周一直在下雨。", "本周一直"),
    ("相机采用了1/2.5、1010万像素的传感器。", "1/2.5"),
    ("股价早前一度大跌。", "一度"),
    ("新品延续了前一代的设计。", "一代"),
    ("这家小店一日成名，门口排起长队。", "一日"),
    ("学校鼓励大三学生参加实习。", "大三学生"),
    ("小店的生意一天一天好起来。", "一天一天"),
    ("开发商都盼着金九银十期间多卖几套房。", "金九银十期间"),
    ("他在上半场完成了一次技惊四座的扣篮。", "技惊四座"),
    ("基础设施是政府最支持的一块，增长很快。", "一块"),
    ("他在终场前命中了一记3分球。", "3分球"),
    ("他的分数只够上三本院校。", "三本院校"),
    ("他突破上篮打成2加1时，全场沸腾。", "2加1时"),
    ("新秀拿下生涯首个三双 球队三连胜", "首个三双"),
    ("对公司来说，去年是最困难的一年。", "一年"),
    ("这一年，公司完成了上市。", "这一年"),
    ("新秀20+10+11首三双 带队取胜", "11首三双"),
    ("高三学生正在备战高考。", "高三学生"),
    ("一日，他像往常一样去上班。", "一日"),
    # 上一 / 下一 / 每一 + a time unit: "the previous", "the next", "every" (as 上年, 下季度, 每年)
    ("本季度营收较上一季度增长了12%。", "上一季度"),
    ("单位能耗比上一年下降了3.5%。", "上一年"),
    ("公司预计下一季度的订单会回暖。", "下一季度"),
    ("这家银行每一季度都实现了盈利。", "每一季度"),
    ("上一年度的亏损已经收窄。", "上一年度"),
    ("上一周，市场成交清淡。", "上一周"),
    ("服务器每周四例行维护。", "周四"),
    ("门店每周一至周五营业。", "周一至周五"),
    ("要求如下。2、3家银行提高了利率。", "2、"),
    ("按照国发〔2025〕12号文件的要求执行。", "〔2025〕12号"),
    ("根据京政办发(2024)7号通知精神。", "(2024)7号"),
    ("参照国土资发（2023）34号文件办理。", "（2023）34号"),
    ("依据工信部[2022]15号通知执行。", "[2022]15号"),
    ("他砍下22+6+5的数据。", "22+6+5"),
    ("比赛在五棵松体育馆举行。", "五棵"),
    ("他出差去了六盘水。", "六盘"),
    ("三元桥附近新开了一家店。", "三元"),
    ("他穿着一双361度跑鞋。", "361度"),
    ("他从小就梦想驾驶F1赛车。", "F1"),
    ("这批F-16战机已经退役。", "F-16"),
    ("据第三方机构统计，销量回升。", "第三方"),
    ("对方号码尾号为3370关于退款的短信。", "3370关"),
    ("公司第一时间发布声明。", "第一时间"),
    ("他买了一台iPhone 4。", "iPhone 4"),
    ("他去了4S店保养。", "4S店"),
    ("5G网络覆盖全国。", "5G"),
    ("招商银行(600036)股价上涨。", "600036"),
    ("股票代码600036.SH。", "600036.SH"),
    ("咨询电话010-12345678。", "010-12345678"),
    ("请拨打13812345678。", "13812345678"),
    ("详见https://example.com/a/2025/3.html页面。", "https://example.com/a/2025/3.html"),
    ("软件升级到2.0.1版本。", "2.0.1"),
    ("沪深300指数收涨。", "沪深300"),
    ("他买了MP3播放器。", "MP3"),
    ("新款X200手机发布。", "X200"),
    ("G20峰会在杭州举行。", "G20"),
    ("1080P高清视频。", "1080P"),
    ("新片采用3D技术。", "3D"),
    ("一些公司表示观望。", "一些"),
    ("他一直在努力。", "一直"),
    ("统一思想很重要。", "统一"),
    ("万一失败怎么办。", "万一"),
    ("这部电影十分好看。", "十分"),
    ("一家公司宣布破产。", "一家"),
    ("一是加强监管,二是扩大开放。", "一是加强监管,二是"),
    ("这是一定的。", "一定"),
    ("数百亿美元的投入。", "数百亿美元"),
    ("成千上万的人涌入。", "成千上万"),
    ("他一分钱也没拿。", "一分钱"),
    ("5日均线上穿10日均线。", "5日均线"),
    ("今年市场很好。", "今年"),
    ("去年公司亏损。", "去年"),
    ("近期价格波动。", "近期"),
    ("他富二代出身。", "二代"),
    ("这个四川人很能干。", "四川"),
    ("三星电子发布财报。", "三星"),
    ("年底前完成。", "年底"),
    ("几十万人参加。", "几十万人"),
    ("双十一促销开始。", "十一"),
    ("球队在一点一点进步。", "一点一点"),
    ("他重拾多年的爱好。", "拾多年"),
    ("这一时期经济繁荣。", "一时"),
    ("他从4月份一直忙到现在。", "一直"),
    ("传感器为1/2.3英寸。", "2.3英寸"),
    ("不能一一回复。", "一一"),
    ("他是唯一一个留下的人。", "一一"),
    # a number that ends a Latin name, before a full-width pause too
    ("感光度可以设到 ISO 3200，画质依旧干净。", "3200"),
    ("新系统叫 Windows 2000，很快普及。", "2000"),
    ("一方面要稳增长,另一方面要防风险。", "一方面"),
    # a Chinese numeral with 级 is a rank or an exam's name; 四处 is "everywhere"
    ("他下个月要考英语四级。", "四级"),
    ("这家医院是三级甲等医院。", "三级"),
    ("他四处打听消息。", "四处"),
    ("他三番五次来访。", "三番五次"),
    ("各路人马血战八方。", "八方"),
    ("他调来十万天兵天将。", "十万天兵"),
    # after 售 a number with a unit or a decimal is no bare price
    ("全场特价8.N折。", "8"),
    # 成 after a number that is no tenth: 成为, 成交, 成本
    ("项目名叫天街2046成为地标。", "2046成"),
    ("这是零成本的方案。", "零成"),
    # optical formats, alternatives and phone numbers written with / and -
    ("相机用的是1/3英寸传感器。", "1/3"),
    ("支持每秒60/50帧拍摄。", "60/50"),
    ("客服热线400-650-6628全天开通。", "400-650-6628"),
    # settlement rules are names: T+1 is no date
    ("卖出后资金T+1日到账,申购T＋0确认。", "T+1日到账,申购T＋0"),
    # 一年 in 一年学费 says "per year": the amount is the rate, 一年 no duration
    ("这所学校一年学费4万元。", "一年"),
    # 胜, 负 and 战 starting a word: no record (a score, 战胜 "beat", 负于 "lost to", a name)
    ("主队以115-107战胜了对手。", "107战"),
    ("客队以89-97负于主队。", "97负"),
    ("他说马英九胜过对手。", "九胜"),
    ("八一战吉林的比赛明晚进行。", "八一战"),
    ("这件事八字还没一撇。", "八字"),
    ("指数突破了120天均线。", "120天均线"),
    ("他连一毛钱都不肯出。", "一毛钱"),
    # a policy named by its issuer and its number of articles
    ("“国11条”出台后，二套房贷收紧。", "国11条"),
    ("酒店今天的价格为1888元一晚。", "一晚"),
    ("她读完了三毛的散文。", "三毛"),
    ("他申请了EB-5项目移民。", "EB-5项目"),
    ("他买了一辆奥迪Q5的新车。", "Q5"),
    ("他们打破万年不变的格局。", "万年"),
    ("这门婚事一波三折。", "三折"),
    ("每年有数以百万计的考生进入考场。", "百万"),
    # 第一，… 第二，…: a list's enumerators, no ranks
    ("他提出三点要求。第一，坚持学习；第二，勤奋工作。", "第一"),
    ("三个人最终走到一块，合伙创业。", "一块"),
    ("他毕业于第二炮兵工程学院。", "第二"),
    ("这只是一种半成品。", "半成"),
    ("他们是整个青年一代；", "一代"),
    ("你可以马上百度一下。", "百度"),
    ("楼市开始呈现二八分化。", "二八分"),
    ("中方积极参与8+5对话会。", "5对"),
    ("决赛是三对三的比赛。", "三对"),
    ("这件事十分重要。", "十分"),
    ("他提出三点要求。第一，坚持学习；第二，勤奋工作。", "第二"),
    # idioms of repetition: 一天不如一天 "worse by the day", 一天到晚 "all day long", 一秒一秒
    ("店里的生意一天不如一天。", "一天不如一天"),
    ("他一天到晚混在网上。", "一天到晚"),
    ("时间一秒一秒地流逝。", "一秒一秒"),
    # a term, a basketball triple-double and a number's digits
    ("峰会将探讨打击“三股势力”。", "三股"),
    ("他拿下了生涯首个三双。", "三双"),
    ("出口保持两位数增长。", "两位数"),
    ("其他球员得分均不足两位数。", "不足两位数"),
    ("如果不买房，您还是个百万富翁。", "百万"),
    # brands and a city named with a numeral and a classifier
    ("七匹狼和三只松鼠都发布了财报。", "七匹狼和三只松鼠"),
    ("这家涂料企业叫三棵树。", "三棵树"),
    ("他出生在黑龙江七台河。", "七台河"),
    # 那一年, 这一天, 同一天 name a time, they last nothing
    ("那一年我们都还年轻。", "一年"),
    ("这一天终于来了。", "一天"),
    ("两家公司在同一天发布新品。", "一天"),
    ("涉事的基金公司中无一家回应。", "一家"),
    ("诗中写道轻舟已过万重山。", "万重山"),
    ("阿里开源了Qwen2.5-72B模型。", "72B"),
    ("他开着奥迪Q3上班。", "Q3"),
    ("决赛是一场3V3对决。", "3V3"),
    ("游戏由2K Games发行。", "2K Games"),
    # sizes without a unit name a format; 7×24小时 is "round the clock"
    ("手机配有一块800×480的触摸屏。", "800×480"),
    ("客服中心提供7×24小时服务。", "7×24小时"),
    ("照片达到4000×3000分辨率。", "3000分"),
    # a number + 号 that is a shirt, a house or a role, no day of the month
    ("球队决定退役他的12号。", "12号"),
    ("他买下了阳光花园8号的一套房。", "8号"),
    ("他在片中演男一号。", "一号"),
    # K after a number is 1000 for a salary (月薪40k), a purity before 金 (24K纯金), B a flat's letter (66B复式)
    ("她戴着一条18K金项链。", "18K"),
    ("他买下了66B复式单位。", "66B"),
    # 一二手 is the new-home and resale market
    ("开发商与中介开展一二手联动。", "一二手"),
    # 第N是 at a clause's start enumerates as 一是/二是 do; 有一天 is "one day", no length
    ("原因有二：第一是成本，第二是效率。", "第一"),
    ("原因有二：第一是成本，第二是效率。", "第二"),
    ("总有一天我们会再见。", "一天"),
    # a year with 级 or 届 names a cohort; it counts nothing
    ("2025届高校毕业生将于明年离校。", "2025届"),
    ("学院的2023级新生已报到。", "2023级"),
    # 零部件 is parts, 一部分 "some" (其中一部分资金)
    ("汽车零部件出口增长。", "零部"),
    ("其中一部分资金用于研发。", "一部分"),
    # after a Latin letter it is a model name; H1N1 is a virus
    ("新款芯片A15Q3已量产。", "15Q3"),
    ("甲型H1N1流感疫情趋缓。", "1N1"),
    ("新车零百加速仅需2.8秒。", "零百"),
    # a spacecraft's or satellite's serial number is its name, no day
    ("神舟二十号载人飞船发射成功。", "二十号"),
    ("北斗3号卫星顺利入轨。", "3号"),
    # a shop's or room's number is no year
    ("请到电子城二层2076#购买。", "2076"),
    ("小两口子结婚三年了。", "两口"),
    # 数 + a power of ten in digits is vague as 数十亿 is
    ("此举盘活了数10亿元的国有资产。", "10亿元"),
    # a time half gone is no share
    ("赛季过半，球队仍排名第三。", "过半"),
    # institutions and streets named with a rank
    ("他被送往市第一人民医院救治。", "第一"),
    ("她毕业于北京市第二中学。", "第二"),
    ("商店位于纽约第五大道。", "第五"),
    ("公司总部位于北京五环外。", "五环"),
    ("投资组合不是一成不变的。", "一成"),
    ("商品种类五花八门。", "八门"),
    ("坚持“两个毫不动摇”。", "两个"),
    ("消费者通常会货比三家。", "三家"),
    ("他希望有朝一日成为冠军。", "一日"),
    ("嘘声四起，球迷不满。", "四起"),
    ("第二次世界大战期间，城市遭到轰炸。", "第二次"),
    ("三门峡水库开始泄洪。", "三门"),
    # the 76ers in a basketball story
    ("热火在季后赛首战击败76人。", "76人"),
    # the last group of a code or a score that no range took
    ("咨询热线：400-0052-500项目网址见下。", "500项目"),
    ("比分92-92两队进入加时。", "92-92"),
    ("【ZOL-七天在线】报道", "七天"),
    ("前一段时间市场波动较大。", "一段"),
    ("镜头采用两段式设计。", "两段"),
    ("系统随机生成全身10部位装备。", "10部"),
    ("基金的半年报显示仓位下降。", "半年"),
    ("阳光照耀世界另一半的人们。", "一半"),
    ("这款游戏的2.03升级补丁今天推送。", "2.03升"),  # a version before 升级, no litres
    ("公司新任命了2副总经理。", "2副"),  # deputies, no pairs
    ("他骑车环湖一周用了半天。", "一周"),  # a lap, no week
    ("运动员们绕场一周向观众致意。", "一周"),
    ("这款游戏的二周目难度更高。", "二周"),  # a game's second playthrough
    ("今年五一期间商场客流大增。", "五一期"),  # holidays named by their date
    ("十一期间景区人满为患。", "十一期"),
    ("六一儿童节当天公园很热闹。", "六一儿童"),
    ("公司搬到了大厦1906、1907室。", "1906、1907"),  # rooms, no years
    ("他住在酒店2011号房。", "2011"),
    ("两队最终战成23平。", "23平"),  # a tie
    ("模型每百万输入tokens收费2元。", "百万"),  # a denominator
    ("日元汇率跌至1美元兑150日元。", "1美元"),
    ("电商平台推出百亿补贴活动。", "百亿"),  # a programme's name
    ("其中一类创新药40种。", "一类"),  # a regulatory class
    ("干部要做到三个区分开来。", "三个"),  # a watchword
    ("以2:0胜对手后他们晋级。", "0胜"),  # a score and a verb, no count of wins
    ("新盘位于东2环边上。", "2环"),  # a ring road
    ("这一年他瞄准了海外市场。", "一年"),  # "that year", no length
    ("那是他无法忘记的一天。", "一天"),
    ("场地四周都拉起了铁丝网。", "四周"),  # "all around"
    ("影片在万圣节前一周末上映。", "一周"),  # a weekend
    ("两队都以433对攻。", "433对"),  # a formation
    ("农户经商、务农两头不景气。", "两头"),
    ("新机型9780多图曝光。", "9780"),  # a model, and 多图 "many pictures"
    ("主场1比0取胜，客场2比0本菲卡。", "0本"),  # a score, then a name
    ("他在半决赛中3-4负于对手。", "3-4负"),  # a score, then a verb
    ("赔率从最初的1.60升至1.75。", "1.60升"),  # odds that rose, no litres
    ("每年6月的最后一个星期举办音乐节。", "一个星期"),  # a time, no length
    ("这款游戏融合了第三人称射击。", "第三人"),  # a term
    ("港股年底上望25000 本季关注三主题。", "本季"),  # 本季 "this quarter", no books
    ("球迷中有32支持主队。", "32支"),  # 支持 "support"
    ("她住在小区10幢1单元。", "1单"),  # an address
    ("两队的1/8决赛在周末进行。", "1/8"),  # a knockout stage
    ("香港4天王同台演出。", "4天"),  # a name
    ("萨哈林-1天然气项目投产。", "-1天"),
    ("上海三年展今天开幕。", "三年"),  # a triennial
    ("两地没有0时差。", "0时"),  # 时差 "time difference"
    ("他持有阳光100股权。", "100股"),  # a stake, no shares
    ("他一口气买了两手机。", "两手"),  # phones, no hands
    ("他本赛季总场数82胜率54%。", "82胜"),  # 胜率 "win rate"
    ("运输机运来了米格－29k的部件。", "－29k"),  # a model's name, no minus 29,000
    ("主队客场0-2多特蒙德。", "0-2多"),  # 多特蒙德 is a club, no "over"
    ("“1+1圆梦”助学活动启动。", "1圆"),  # 圆梦, no yuan
    ("平台11对战模式上线。", "11对"),  # 对战 "versus play"
    ("要坚持三个有利于。", "三个"),  # a watchword
    ("他主场打出两双。", "两双"),  # a double-double (两双鞋 counts shoes)
    ("勒夫两双森林狼不敌掘金。", "两双"),
    ("他在建设银行东四支行工作。", "四支"),  # a sub-branch in 东四
    ("京东方8代线有望投产。", "8代"),  # a fab line's generation
    ("两队三元大将同时停赛。", "三元"),  # three key players, no yuan
    ("比赛安排在早一点的轮次。", "早一点"),  # "a bit earlier", no one o'clock
    ("他住在北七家镇。", "七家"),  # a town
    ("足球彩票推荐：1/3", "1/3"),  # a betting pick
    ("这条线路一年运送旅客4000万人次。", "一年"),  # "per year" for the amount, no length
    ("康复站位于船板胡同二十五号。", "二十五号"),  # a house number
    # a match's score is no ratio (101比104 would be 0.9712), by the words after or before it
    ("两队以3∶1的比分结束比赛。", "3∶1"),
    ("两队最终以1:1战平。", "1:1"),
    ("第三极书局今天开业。", "第三"),  # a shop's name
    ("事发后3记者赶到现场。", "3记"),  # reporters, no shots
    ("新官上任三把火，他先抓作风。", "三把"),  # an idiom
    ("要破除城乡二元结构。", "二元"),  # "dual", no two yuan
    ("105省道拓宽工程开工", "105省"),  # a provincial road's number
    ("移动139年底将推出新套餐", "139年"),  # a phone prefix, then 年底 "the year's end"
    ("三元国际公寓今日开盘", "三元"),  # a name
    ("警方抓获2犯罪嫌疑人。", "2犯"),  # suspects, no fouls
    ("第41080123号投注站售出大奖。", "第41080123号"),  # a station's serial number, no rank
    ("第2012035期双色球开奖。", "第2012035期"),  # a lottery draw's number
    ("足彩第09043期推荐", "第09043期"),  # a draw's number with its leading zero
    ("主队在主场以98比93逆转战胜对手。", "98比93"),
    ("客队以79比85告负。", "79比85"),
    ("比赛第三节，主队52比47领先。", "52比47"),
    ("第四局他们把总比分扳成2比2。", "2比2"),
    ("开场主队就打了个8比0。", "8比0"),
    ("星际争霸2项目的比赛明天开始。", "2项目"),  # games named with their sequel's number
    ("魔兽3项目决赛今晚打响。", "3项目"),
    ("2K游戏公司公布了新作。", "2K"),  # the games publisher, no 2,000
    ("索尼α290套机开卖。", "290套"),  # a camera's model
    ("八国联军和7国集团都是名字。", "7国"),  # a group's name, no count of countries
    ("游客走近万里长城的起点", "万里"),  # 走近 "walk up to", no ten thousand
    ("数码相机DC500促销进行中", "500"),  # a model's name before 促销
    ("平均赔率1.503.406.00看好主队", "1.503"),  # odds glued in a table's row: no value reads
    ("本场平赔3.", "3."),  # odds cut off
    ("商场双11促销人气爆棚", "11"),  # a sale's day
    ("游戏《刺客2国王》今日公布新截图", "2国王"),  # a sequel number before 国王 "king", no count of countries
    ("依据第12/2009号行政法规执行", "第12/2009号"),  # a regulation's number and year, a code
    ("中美两国领导人会面。", "两国"),
    ("这家厂商推出3国产芯片手机。", "3国"),
    ("他买了3个钟表。", "3个钟"),  # clocks, no hours
    ("这支弱旅一胜难求。", "一胜"),  # "a single win", no record
    ("明星推出09月历。", "09月"),  # a calendar (月历), no September
    ("杨百万谈股市。", "百万"),  # a nickname
    ("吾日三省吾身。", "三省"),  # an idiom
    ("五金一条街的铜价上涨。", "五金"),  # hardware, no medals
    ("游戏六一节送好礼。", "六一节"),  # Children's Day
    ("老将18+9岁月不饶人", "9岁"),  # 岁月 "the years", no age
    ("他入选了百人计划。", "百人"),  # a programme's name
    ("成百名群众围观。", "百名"),  # 成百 "hundreds", vague
    ("失业率降至5.5", "5.5"),  # no price without a price word
    ("这是3省级单位的名单。", "3"),  # 省级 "provincial", no provinces counted
    ("这台电脑贵了近一万 百货商场的店员说。", "百货"),  # a magnitude after a space starts the next word
    # helper-47
    ("她在冬季两项比赛中夺冠。", "两项"),  # the biathlon
    ("他报名参加现代五项。", "五项"),  # the modern pentathlon
    ("十项全能是田径的难点。", "十项"),  # the decathlon
    ("她练了三年七项全能。", "七项"),  # the heptathlon
    ("她考上了北京第二外国语大学。", "第二"),  # a university's name
    ("她是老三届的下乡知青。", "三届"),  # the classes of 1966-68
    ("工人们检修了1号和2号机组。", "1号"),  # units of a power plant, no days
    ("7号、8号楼明年交房。", "7号"),  # buildings
    ("小店一天只能卖出二十几碗面。", "一天"),  # "per day" for the amount after it
    ("她逛街时1次能买10件衣服", "1次"),  # "at a time" for the count after it, no count of one
    ("这种病一年里总会犯那么两三次", "一年"),  # "in a year": how often, no length
    ("那是他一生中最难熬的一天。", "一天"),  # "a day", no length
    ("文件重申“一个中心、两个基本点”的路线。", "一个中心、两个基本点"),  # a watchword
    ("省里先后拨款数千万元修缮古寺。", "数千万元"),  # vague: 款数 is no word before a numeral
    ("各界向灾区捐款数百万元。", "数百万元"),
    ("这个版本2.0的分支已经合并。", "2.0"),  # a version before 分支, no mark
    ("大桥由中铁十二局承建。", "十二局"),  # a railway engineering bureau
    ("他在铁道部十五局二处当司机。", "十五局二处"),
    ("中建二局中标了新机场。", "二局"),  # a construction company
    ("一名大三女生获得了奖学金。", "三女生"),  # 大三 "third-year": a label, no three students
    ("学校为大四毕业生举办招聘会。", "四毕业生"),
    ("这款酷睿2双核笔记本降价了。", "2双"),  # Core 2 and 双核 "dual-core": no pairs
    ("论坛签名写着“15间歇性失眠”。", "15间"),  # 间歇性 "intermittent": no rooms
    ("新球队才成立8个月，还像一个新生儿。", "一个"),  # 8个月 is a length, no count 一个 contrasts with
    ("这条路拓宽为双向6车道。", "6车"),  # lanes: 车 starts a word
    ("江面上驶过一艘万吨级货轮。", "万吨级"),  # a class of ship
    ("成千上万只候鸟飞来过冬。", "成千上万只"),  # vague
    ("该县平均万亩耕地只有3名农技员。", "万亩"),  # per ten thousand mu: a denominator, no count
    ("这所大学新建了2校区。", "2校"),  # 校区 "campus": 校 starts a word
    ("本期足彩周3晚开售。", "3晚"),  # Wednesday evening, no three nights
    ("这款网游2双端版本同步上线。", "2双"),  # 双端 "dual client": no pairs
    ("93国青主帅昨日到任。", "93国"),  # 国青 "national youth team" (born 1993): no countries
    ("这支球队本季客场得失球7：11。", "7：11"),  # goals for and against, no time of day
    ("他怀念当年玩war3时的日子。", "3时"),  # Warcraft 3, no three o'clock
    ("主队最终以5：3败下阵来。", "5：3"),  # a score, no ratio
    ("他在六枝特区工作多年。", "六枝"),  # a place (Liuzhi), no six sprigs
    ("76人主场险胜凯尔特人。", "76人"),  # the Philadelphia 76ers
    ("费城76人今夏引进两名新秀。", "76人"),
    ("他每月往401k计划里存钱。", "401k"),  # a pension plan's name, no 401,000
    ("戴尔灵越14本周末促销", "14本"),  # a laptop series and its size, no 14 books
    ("他不甘心3输给对手。", "3输"),  # 输给 "lost to", no record
    ("卡片写着：水晶*1注1：首充奖励。", "1注"),  # a footnote's mark
    ("数百只股票跌停。", "数百只"),  # vague
    ("本场双选3/1较为稳妥。", "3/1"),  # a betting pick: home win or draw, no 1 March
    ("主队只让客队半/1盘。", "半/1盘"),  # an Asian handicap, no count of 盘
    ("这位大夫有时一天要看30多个病人。", "一天"),  # per day: the count after it carries it
    ("减肥达人1天6顿 照样瘦身", "1天"),
    ("这种药1年2次即可", "1年"),
    ("恒指高开0.5%报21300 银行股反弹", "21300"),  # an index level after 报, no price
    ("这位名嘴的出场费高达6位数。", "6位数"),  # a number's digits, no count of 位
    ("房源位于花园小区3号4单2室。", "4单"),  # an address: building 3, entrance 4
    ("车手赛后说 Q3我只跑了一圈", "Q3"),  # a qualifying session, no quarter
    ("菜价一天一变，市民叫苦。", "一天"),  # an idiom: "changes daily"
    ("主队两回合都以0比2告负后出局。", "0比2"),  # a score: no ratio is 0 to N
    ("他说：30起床就来不及了。", "30起"),  # 起床: getting up, no count of cases
    ("赔率从1赔3升到1赔4。", "3升"),  # 升到 "rose to", no litres
    ("07门兴vs沙尔克", "07门"),  # a list's number, then a team's name
    ("今晚排列3开奖号码公布", "排列3"),  # a lottery game's name
    ("汉诺威96队主场3胜1平。", "96队"),  # a club's name (Hannover 96)
    ("客队最终以4比1痛击对手。", "4比1"),  # a score
    ("某楼盘三单月成交居首", "三单"),  # 单月 "a single month", no orders
    ("详见《实施办法》(市发〔2010〕3号)附件", "3号"),  # a document's number in brackets, no day
    ("名单见附件(2号)说明", "2号"),  # a label in brackets, no day
    ("他入选了1号推荐位", "1号"),  # a label before 推荐, no day
    ("请加QQ20100315咨询", "20100315"),  # an account, no date
    ("楼市冰火两重天的局面仍在延续", "两重"),  # an idiom, no layers
    ("他的小说三重门一度畅销", "三重"),  # a title, no layers
    ("拜仁5-1重现当年神勇", "1重"),  # 重现 "recur", no layers
    ("患者被转入外二科病房", "二科"),  # a hospital's department, a label
    ("影城本月推出5科幻专场", "5科"),  # 科幻 "science fiction", no subjects
    ("他的3束缚手段很有效", "3束"),  # 束缚 "bonds", no bunches
    ("轻舟已过万重山", "过万"),  # 万重山 "ten thousand hills", an idiom
    ("最近3死囚获减刑", "3死"),  # 最近 "recently", no bound; 死囚 "death-row prisoners"
    ("门户网站中酷6只排第四", "6只"),  # Ku6, a web company; 只 "only"
    ("很多人买房作为第二居所", "第二"),  # "a second home", a term
    ("经理：第一最要紧的是安全", "第一"),  # "first and foremost", a list's enumerator
    ("报考岗位为科员三一职位", "三一"),  # a post's code read digit by digit, no 31
    ("他转入初二一班就读", "二一"),  # a class's label
    ("孩子才1岁零4个月大", "零4"),  # 零 joins the parts of one age: no time read from 4个月 alone
    ("会上2厅长作了发言", "2厅"),  # 厅长 "a department's director", no living rooms
    ("消防员冲上16层楼顶救人", "16层"),  # a floor's label (楼顶 "the roof"), no storeys counted
    ("他在9层楼梯口等候", "9层"),  # a floor's label (楼梯 "the stairs")
    ("她以21∶16、21∶13战胜对手", "21∶16、21∶13"),  # two games' scores in a list before 战胜: no ratio, no time of day
    ("他是这个岗位的不二人选", "二人"),  # 不二 "the only one"
    ("她从小爱看二人转", "二人"),  # a folk art
    ("他的工号20100315已注销", "20100315"),  # a label after 号
    ("代码20101332不是日期", "20101332"),  # no month 13
    ("主队下半场2比3被反超。", "2比3"),  # a score
    ("手机尾号5821用户留言称", "5821"),  # a phone's last digits, a label
    ("球队3：1客场击败对手。", "3：1"),  # a score before 客场击败
    ("警方查获300多笔记本电脑", "300多笔"),  # 笔记本 "notebooks", no count of 笔
]


def _find(text: str, span: str, published=None):
    facts = extract_facts(text, published=published)
    hits = [f for f in facts if f.text == span]
    assert hits, f"no fact {span!r} in {text!r}; found {[(f.text, f.kind, f.value) for f in facts]}"
    return hits[0]


@pytest.mark.parametrize(("text", "span", "kind", "value", "extra"), FOUND, ids=[c[1] + "|" + c[0][:12] for c in FOUND])
def test_fact_is_found_with_its_value(text, span, kind, value, extra):
    f = _find(text, span)
    assert f.kind == kind
    assert text[f.start : f.end] == span
    if not extra.get("skip_value"):
        assert f.value == value
    for k, v in extra.items():
        if k != "skip_value":
            assert getattr(f, k) == v, (k, getattr(f, k))


@pytest.mark.parametrize(("text", "span", "value"), RESOLVED, ids=[c[1] for c in RESOLVED])
def test_relative_date_is_resolved_against_published(text, span, value):
    f = _find(text, span, published=PUB)
    assert f.value == value
    assert f.relative is True


@pytest.mark.parametrize(("text", "stretch"), IGNORED, ids=[c[1] for c in IGNORED])
def test_names_codes_and_idioms_are_not_facts(text, stretch):
    s = text.index(stretch)
    e = s + len(stretch)
    inside = [f for f in extract_facts(text) if f.start < e and f.end > s]
    assert inside == [], [(f.text, f.kind, f.value) for f in inside]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [("公司裁员500人", "500人", 500, "人"), ("排名升至第5名", "第5名", 5, "名"), ("营收增长了5倍", "5倍", 5, "倍"),
     ("屏幕为3.5英寸", "3.5英寸", 3.5, "英寸"), ("本赛季22胜54负", "54负", 54, "负")],
)
def test_a_unit_at_the_very_end_of_the_text_is_read(text, span, value, unit):
    f = _find(text, span)  # a headline or a paragraph ends right after the unit
    assert (f.value, f.unit) == (value, unit)


def test_a_dash_after_a_unit_is_no_minus_sign():
    facts = [(f.text, f.value) for f in extract_facts("短期项目(2周-6个月)和3年-5年的计划,利率的4倍-5倍。")]
    assert ("6个月", "P6M") in facts and ("3年-5年", {"low": "P3Y", "high": "P5Y"}) in facts and ("4倍-5倍", {"low": 4, "high": 5}) in facts
    assert all(not isinstance(v, (int, float)) or v >= 0 for _, v in facts)


def test_a_digit_by_digit_numeral_is_no_duration():
    assert [f.text for f in extract_facts("民调显示,他们对于马英九一年执政的评价不一。")] == []


def test_coordinated_months_are_separate_dates():
    facts = [(f.text, f.value) for f in extract_facts("今年7、8月的销量都创了新高。", published="2025-10-01") if f.kind == "date"]
    assert ("7", "2025-07") in facts and ("8月", "2025-08") in facts


def test_coordinated_months_take_the_year_written_before_them():
    facts = [(f.text, f.value, f.relative) for f in extract_facts("信贷从2008年11、12月开始放松。", published="2025-10-01")]
    assert facts == [("2008年11", "2008-11", False), ("12月", "2008-12", False)]


def test_months_listed_before_he_and_a_list_of_months_are_dates_too():
    facts = [(f.text, f.value) for f in extract_facts("景区每年3、4和10、11月游客最多。") if f.kind == "date"]
    assert facts == [("3", "--03"), ("4", "--04"), ("10", "--10"), ("11月", "--11")]
    facts = [(f.text, f.value) for f in extract_facts("2009年2和6、7月出口回落。") if f.kind == "date"]
    assert facts == [("2009年2", "2009-02"), ("6", "2009-06"), ("7月", "2009-07")]


def test_coordinated_two_digit_years_are_years_apart():
    facts = [(f.text, f.value) for f in extract_facts("比起03、04年的情况，今年好得多。")]
    assert ("03", "2003") in facts and ("04年", "2004") in facts


@pytest.mark.parametrize(("text", "span", "value"), [("今年4、5两个月销量回升。", "两个月", "P2M"), ("2008、2009两年亏损。", "两年", "P2Y")])
def test_liang_after_listed_items_counts_them_and_weighs_nothing(text, span, value):
    facts = [(f.text, f.value, f.unit) for f in extract_facts(text)]
    assert (span, value, None) in facts
    assert not [f for f in facts if f[2] == "两"]


def test_months_listed_before_their_count_are_dates():
    facts = [(f.text, f.kind, f.value) for f in extract_facts("今年4、5两个月出口回升。", published="2025-10-01")]
    assert ("4", "date", "2025-04") in facts and ("5", "date", "2025-05") in facts and ("两个月", "duration", "P2M") in facts


def test_every_two_months_once_is_a_duration_and_a_count():
    facts = [(f.text, f.kind, f.value) for f in extract_facts("这种检查每2月一次。", published="2025-10-01")]
    assert facts == [("2月", "duration", "P2M"), ("一次", "count", 1)]


@pytest.mark.parametrize(
    "text",
    ["今晚对阵八一队的比赛很关键。", "它用十字型对焦感应器。", "他数年如一日地坚持训练。", "在设计师这一块，我们投入很多。", "前一日他已到达。",
     "电影《八佰》和《72家租客》都上映了。", "五月天的演唱会门票售罄。", "他入住了七天酒店。", "360公司发布了新浏览器。", "据第一财经报道。",
     "我们用双十字架固定。", "他每一日都在训练。", "同一日发布。"],
)
def test_names_and_idioms_made_with_a_numeral_are_no_facts(text):
    assert extract_facts(text, published="2025-10-01") == []


def test_words_with_wan_and_the_indefinite_one_are_no_facts():
    assert extract_facts("比赛马上万事俱备。") == []
    assert extract_facts("你千万不要去，他万万没想到。") == []
    assert extract_facts("他买了一套房子。") == []


def test_two_amounts_in_one_parenthesis_are_two_facts():
    facts = extract_facts("累计亏损已超过13.27亿美元(约92亿元人民币)。")
    assert [(f.currency, f.value) for f in facts] == [("USD", 1327000000), ("CNY", 9200000000)]


def test_coordinated_amounts_are_separate_facts():
    facts = extract_facts("票价为50元或100元。")
    assert [f.value for f in facts] == [50, 100]


def test_year_alone_is_not_relative_but_month_alone_is():
    y = _find("2023年公司成立。", "2023年")
    m = _find("9月公司成立。", "9月")
    assert y.relative is False and m.relative is True


def test_facts_are_sorted_and_do_not_overlap():
    text = "2024年,公司营收3050万美元,同比增长170%,拥有2.12亿用户和12家门店。"
    facts = extract_facts(text)
    assert len(facts) == 5
    for a, b in zip(facts, facts[1:]):
        assert a.end <= b.start


def test_offsets_point_into_the_text_given_even_with_full_width_digits():
    text = "营收达到３０５０万元,增长２０％。"
    for f in extract_facts(text):
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三千零五十", 3050), ("两千四百五", 2450), ("一万三", 13000), ("十二", 12), ("〇", 0),
        ("壹贰叁", 123), ("肆佰陆拾", 460), ("3.5万", 35000), ("1.8亿", 180000000), ("十几万", 100000),
        ("四亿五千六百四十二万零一十五", 456420015), ("10万万", 1000000000), ("40k", 40000), ("负三十二", -32),
        ("一百零几万", 1000000), ("两千万点五五四四", 20000000.5544), ("二0一五", 2015), ("一千零20", 1020),
    ],
)
def test_numerals_parse_to_their_value(numeral, value):
    assert parse_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize(
    "numeral",
    [
        "2.7三36.8",  # a decimal inside a digit run
        "1.5三", "三2.5",
        "六6万", "二5二五",  # Chinese and Arabic digits in one run (Arabic zeros are 〇: 二0一五 reads)
        "²", "3²",  # digits that float() refuses
        "9" * 400, "一" + "兆" * 30,  # beyond a float
    ],
)
def test_strings_that_are_no_number_parse_to_none(numeral):
    assert parse_number(numeral) is None


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("1" * 400 + "元", None),  # each of these raised inside the scanner (OverflowError)
        ("合同金额为一" + "兆" * 30 + "元。", None),
        ("0.0001分之" + "9" * 305, None),
        ("9" * 305 + ":0.0001", None),
        ("9" * 306 + "至" + "9" * 308 + "亿元", None),
        ("周一之后下周五之前", dt.date.max),
    ],
)
def test_values_past_a_float_or_the_calendar_are_dropped_not_raised(text, published):
    for f in extract_facts(text, published=published):
        assert text[f.start : f.end] == f.text
        assert f.value is None or isinstance(f.value, (str, dict)) or math.isfinite(f.value)


def test_a_byline_names_no_subject():
    from nlp_news.schema import Entity

    t = "高校毕业生入伍最高补助2.4万元 本报讯(记者王小明 李华) 鼓励高校毕业生应征入伍。"
    ents = [
        Entity("王小明", t.index("王小明"), t.index("王小明") + 3, "PER", "name", "王小明", 1.0, "model"),
        Entity("李华", t.index("李华"), t.index("李华") + 2, "PER", "name", "李华", 1.0, "model"),
    ]
    f = next(f for f in link_facts(t, extract_facts(t), entities=ents) if f.text == "2.4万元")
    assert f.subject is None  # both reporters wrote the story; neither is whose the allowance is
    q = "记者：李华，你们的营收增长了多少？李华：增长了12%。"
    ents = [Entity("李华", m.start(), m.end(), "PER", "name", "李华", 1.0, "model") for m in re.finditer("李华", q)]
    assert next(f for f in link_facts(q, extract_facts(q), entities=ents) if f.text == "12%").subject == "李华"  # 记者： asks


def test_metric_subject_and_period_are_linked_by_rule_within_a_clause():
    text = "2024年,MiniMax的净亏损达到了4.65亿美元。"
    ents = [Entity("MiniMax", 6, 13, "ORG", "company", "MiniMax", 0.9, "rule")]
    money = [f for f in link_facts(text, extract_facts(text), entities=ents) if f.kind == "money"][0]
    assert (money.metric, money.subject, money.period) == ("净亏损", "MiniMax", "2024")
    assert money.linked_by == {"metric": "rule", "subject": "rule", "period": "rule"}


def test_a_part_after_a_semicolon_that_opens_with_a_metric_keeps_the_sentence_organisation():
    text = "甲公司营收为9亿元；乙公司营收为5亿元；净利润为1亿元。"
    ents = [Entity("甲公司", 0, 3, "ORG", "company", "甲公司", 0.9, "rule"), Entity("乙公司", 10, 13, "ORG", "company", "乙公司", 0.9, "rule")]
    subjects = {f.text: f.subject for f in link_facts(text, extract_facts(text), entities=ents)}
    assert subjects == {"9亿元": "甲公司", "5亿元": "乙公司", "1亿元": "乙公司"}
    # a part that opens with a name of its own (丙基金, which no entity covers) is not 甲公司's: the article's
    listed = "丁公司发布报告。丁公司称甲公司营收为9亿元；丙基金净值为1.2元。"
    ents = [Entity("丁公司", s, s + 3, "ORG", "company", "丁公司", 0.9, "rule") for s in (0, 8)]
    ents.append(Entity("甲公司", 13, 16, "ORG", "company", "甲公司", 0.9, "rule"))
    assert {f.text: f.subject for f in link_facts(listed, extract_facts(listed), entities=ents)}["1.2元"] == "丁公司"


# (sentence, the fact's span, its metric, how the metric was linked): the metric is made of
# whole words, the noun phrase before the verb (modals and adverbs between them skipped)
METRIC_CASES = [
    ("业内人士预计明年集资额有望突破3,000亿港元。", "3,000亿港元", "集资额", "inferred"),
    ("全市汽车保有量有望达到600万辆。", "600万辆", "汽车保有量", "inferred"),
    ("全市汽车保有量已经突破600万辆。", "600万辆", "汽车保有量", "inferred"),
    ("这家酒店的入住率仅为45%。", "45%", "入住率", "rule"),  # a lexicon word since the rates were added
    ("今年前三季度平台交易额将超过800亿元。", "超过800亿元", "平台交易额", "inferred"),
    # no noun right before the verb: no metric (was 公司拥, 们今天可能只, 次活动只)
    ("该公司拥有3000名员工。", "3000名", None, None),
    ("他们今天可能只有3名球员。", "3名", None, None),
    ("这次活动只有2个人会参加。", "2个", None, None),
    # lexicon metrics as before
    ("公司营收规模达到30亿元。", "30亿元", "营收规模", "rule"),
    ("我认为房价还会上涨10%。", "10%", "房价", "rule"),
    ("MiniMax的净亏损达到了4.65亿美元。", "4.65亿美元", "净亏损", "rule"),
    ("平台月活跃用户将超过2亿。", "超过2亿", "月活跃用户", "rule"),
    ("门店共接待了1200万名用户。", "1200万名", "用户", "rule"),
    # rates: a lexicon metric for percents, never for an amount or a count
    ("新能源车渗透率首次突破50%。", "50%", "渗透率", "rule"),
    ("受不良率上升影响银行全年核销约3000亿元。", "约3000亿元", "核销", "inferred"),  # not 不良率
    ("高校毕业生就业率达到92%。", "92%", "就业率", "rule"),
    # a kind of thing counted or named before the value is no metric (基金 is what has the size, not the size)
    ("今年以来共有52只债券基金进行分红。", "52只", None, None),
    ("去年银行系基金的募集规模是其他基金的3倍。", "3倍", "募集规模", "rule"),
    ("上半年规模以上工业增加值同比增长5.9%。", "5.9%", "工业增加值", "rule"),  # not 规模 (规模以上 is a class of firms)
    ("全年社会消费品零售总额为48万亿元。", "48万亿元", "社会消费品零售总额", "rule"),
    ("服务业增加值占GDP比重为54%。", "54%", "GDP比重", "rule"),
    ("月末人民币贷款余额为250万亿元。", "250万亿元", "贷款余额", "rule"),
    ("当日恒生指数收涨1.5%。", "1.5%", "指数", "rule"),
    ("10月全国乘用车零售224.6万辆。", "224.6万辆", "零售", "rule"),
    ("本月5年期以上LPR为3.5%。", "3.5%", "LPR", "rule"),
    ("北京二手房网签量达到1.5万套。", "1.5万套", "网签量", "rule"),
    ("该机建议零售价为3999元。", "3999元", "建议零售价", "rule"),
    ("该药在国内的定价为每支2980元。", "2980元", "定价", "rule"),
    ("董事会建议派发末期股息每股0.35港元。", "0.35港元", "末期股息", "rule"),
    ("10月全国居民消费价格同比下降0.3%，其中城市下降0.2%，农村下降0.5%。", "0.5%", "居民消费价格", "inferred"),  # 农村 is where, not what
    ("他本赛季的三分球命中率达到41.2%。", "41.2%", "三分球命中率", "inferred"),  # 中 inside a noun
    ("薪金的中位数是12万美元。", "12万美元", "中位数", "inferred"),
    ("明天最高气温8℃，最低气温零下3℃。", "8℃", "最高气温", "rule"),
    ("他的受贿金额累计超过1.2亿元。", "超过1.2亿元", "受贿金额", "inferred"),  # 累计 between the noun and its verb
    ("两只基金分红1元和1.2元，二者合计为2.2元。", "2.2元", "分红", "inferred"),  # a pronoun is no metric: the one named last
    ("这套房子的挂牌价为520万元。", "520万元", "挂牌价", "rule"),
    # a price measures no count (the shares bought back, the storage of a model)
    ("公司拟以每股8.8元的价格回购不超过500万股。", "不超过500万股", None, None),
    ("这款手机256GB版本的售价为5999元。", "256GB", None, None),
    # a multiple of growth is the change of the quantity named last
    ("公司2024年营收为12亿元，较上年增长近3倍。", "近3倍", "营收", "inferred"),
    # a metric of the lexicon inside a longer name is not the metric (非税收入 is no 税收, 出生人口 no 人口)
    ("前十个月全省非税收入为860亿元。", "860亿元", "非税收入", "rule"),
    ("该县去年出生人口为1.2万人。", "1.2万人", "出生人口", "rule"),
    ("基金每10份派发现金红利0.25元。", "0.25元", "现金红利", "rule"),
    ("今年的赤字率定为3.5%。", "3.5%", "赤字率", "rule"),
    ("该酒店RevPAR达到320元。", "320元", "RevPAR", "rule"),
    ("该险企新业务价值同比增长22.6%。", "22.6%", "新业务价值", "rule"),  # an insurer's; was none
    # a lone character before a lone one and a suffix: one name (揽 收 量, 机 采 率; 收量 and 采率 are no words)
    ("上周全国快递揽收量约为3亿件。", "约为3亿件", "快递揽收量", "inferred"),
    ("全县甘蔗机采率达到65%。", "65%", "甘蔗机采率", "inferred"),
    # times, averages over a time and the kinds of a change are no metrics; nor is a rate's denominator
    ("该行不良贷款率为1.6%，较上季末上升0.03个百分点。", "0.03个百分点", "不良贷款率", "inferred"),  # was 季末
    ("全城24小时内超过8万人报名。", "超过8万人", None, None),  # was 小时内
    ("该平台年均超过50万单。", "超过50万单", None, None),  # was 年均
    ("该院儿科日均门诊量超过2500人次。", "超过2500人次", "日均门诊量", "inferred"),  # an average in a name
    ("全年职工平均工资为9.8万元，比上年名义增长4.2%。", "4.2%", "工资", "inferred"),  # was 名义
    ("城镇居民人均可支配收入扣除价格因素实际增长4.6%。", "4.6%", "收入", "rule"),  # was 价格
    ("该地区生产总值按年实质增长3.1%。", "3.1%", None, None),  # was 实质
    ("全市每千人口医院床位数为6.8张。", "6.8张", "医院床位数", "inferred"),  # was 人口
    ("公司拟每10股派发现金2元。", "10股", None, None),  # the shares a dividend is paid on (was 现金)
    # the metric named right before the value, past 同比/环比, 据测算, an adverb; a name with 到 in it
    ("该集团客房收益同比下降3.1%。", "3.1%", "客房收益", "inferred"),
    ("该市港口吞吐量环比增长2.4%。", "2.4%", "港口吞吐量", "inferred"),
    ("该剧上线首周流水据测算超过5亿元。", "超过5亿元", "流水", "inferred"),
    ("相关产品托管费率普遍为0.1%。", "0.1%", "托管费率", "inferred"),
    ("这款平板的到手价为2599元。", "2599元", "到手价", "inferred"),
    # 从/由 the level a change starts from (to another, or a range): the noun before 从 is what it measures
    ("小区停车费收缴率从去年的95.2%下降至90.4%。", "95.2%", "停车费收缴率", "inferred"),
    ("小区停车费收缴率从去年的95.2%下降至90.4%。", "90.4%", "停车费收缴率", "inferred"),
    ("公司计划将门店数从目前的120家扩至200家。", "120家", "门店数", "inferred"),
    ("这种板材的厚度由0.5毫米至18毫米不等。", "0.5毫米至18毫米", "厚度", "inferred"),
    ("这台设备由三个模块组成。", "三个", None, None),  # parts it is made of: no level
    # the payment an amount and its 的 are of, ending the clause (not the money named in the clause before)
    ("公司先收到2亿美元预付款，以及最多40亿美元的研发和商业化里程碑付款。", "最多40亿美元", "里程碑付款", "inferred"),
    ("学校要扣除300元的报名费。", "300元", "报名费", "inferred"),
    ("全省每千人口拥有婴幼儿托位数达到4.5个。", "4.5个", "托位数", "inferred"),  # 托 位数: 位数 is digits
]


@pytest.mark.parametrize(("text", "span", "metric", "how"), METRIC_CASES)
def test_metric_is_whole_words(text, span, metric, how):
    f = next(f for f in link_facts(text, extract_facts(text)) if f.text == span)
    assert (f.metric, (f.linked_by or {}).get("metric")) == (metric, how)


# a number with no currency word that a money metric measures is money in the article's currency
MONEY_BY_METRIC = [
    ("这套房子的价格要220万。", "220万", "money", "CNY"),
    ("房东开价106万。", "106万", "money", "CNY"),
    ("公司去年净亏损2亿。", "2亿", "money", "CNY"),
    ("这家美国公司营收3亿美元，净亏损5000万。", "5000万", "money", "USD"),  # the article's currency
    ("平台月活跃用户超过3200万。", "超过3200万", "number", None),  # users are no money
    ("公司营收增长了2倍。", "2倍", "number", None),  # a multiple
    # verbs of earning, paying and taking, and a sale at a price
    ("这位局长受贿800万。", "800万", "money", "CNY"),
    ("公司斥资3亿收购对手。", "3亿", "money", "CNY"),
    ("她以452万挂牌出售这套房子。", "452万", "money", "CNY"),
    ("该地块最终以1.2亿成交。", "1.2亿", "money", "CNY"),
    ("他炒股亏了1600万。", "1600万", "money", "CNY"),
    ("基金今年再亏37亿    QDII翻身无望", "37亿", "money", "CNY"),  # headlines run on after spaces
    ("公司计划年底再投入30亿用于土地储备。", "30亿", "money", "CNY"),
    ("他以450万票当选。", "450万票", "count", None),  # votes
    ("他的粉丝超过1000万。", "超过1000万", "number", None),
    ("这部剧的主演单集片酬达到150万。", "150万", "money", "CNY"),
    ("合同约定的违约金为80万。", "80万", "money", "CNY"),
    ("这家公司去年获净利2.4亿。", "2.4亿", "money", "CNY"),
    ("买车即送价值百万的装修大礼包。", "百万", "money", "CNY"),
    ("他攒了两万去旅行。", "两万", "money", "CNY"),
    ("她攒钱三万去留学。", "三万", "money", "CNY"),
    ("签约时需要先支付20万。", "20万", "money", "CNY"),
    ("这起案件的涉案金额达到80万。", "80万", "money", "CNY"),  # any …金额
    ("这类产品的个人认购门槛为30万。", "30万", "money", "CNY"),  # an entry threshold
    ("该岗位的月薪20K起。", "20K", "money", "CNY"),
    ("公司去年研发开支为9000万。", "9000万", "money", "CNY"),
    ("报考的分数门槛为550分。", "550分", "count", None),
    ("该行人民币贷款余额为860亿，同比减少12亿。", "12亿", "money", "CNY"),  # the change of the money named before
    ("这家公司美元存款为20亿美元，比年初增加3亿。", "3亿", "money", "USD"),  # in that money's currency
    ("全年销量为129万辆，同比增加9.6万。", "9.6万", "number", None),  # a count's change stays a number
    ("团伙两年行骗获利5000万。", "5000万", "money", "CNY"),  # verbs of gain and price cuts
    ("这套房子叫价百万。", "百万", "money", "CNY"),
    ("新基金首募44亿。", "44亿", "money", "CNY"),
    ("这套房优惠7万。", "7万", "money", "CNY"),
    ("男子勒索50万被抓。", "50万", "money", "CNY"),
    ("绑匪索要500万赎金。", "500万", "money", "CNY"),  # a money noun right after
    ("会计卷走200多万房款。", "200多万", "money", "CNY"),
    ("彩民中了500万大奖。", "500万", "money", "CNY"),
    ("公司1.2亿收购对手。", "1.2亿", "money", "CNY"),  # the price of a deal
    ("他自掏400万。", "400万", "money", "CNY"),
    ("凭卡购房总减1万。", "1万", "money", "CNY"),
    ("今年高考人数将再减1万。", "1万", "number", None),  # people, no money
    ("公司被指花20亿购房。", "20亿", "money", "CNY"),
    ("家属获得2万慰问金。", "2万", "money", "CNY"),  # money nouns after the amount
    ("欧盟开出6.22亿罚单。", "6.22亿", "money", "EUR"),  # the EU fines in euros: the currency follows the meaning
    ("他的卡被盗刷近20万。", "近20万", "money", "CNY"),
    ("恒指大涨575点，成交392亿元。", "392亿元", "money", "HKD"),  # the Hong Kong market's dollars
    ("俱乐部3.5亿售一半股份。", "3.5亿", "money", "CNY"),  # the price of a sale
    ("法院判赔原告12万。", "12万", "money", "CNY"),  # a payee between the verb and the amount
    ("交警罚该车主两万。", "两万", "money", "CNY"),
    ("这名老板三年逃税3.4亿。", "3.4亿", "money", "CNY"),  # more verbs of money
    ("暴雨中沿街商户受损近80万。", "近80万", "money", "CNY"),
    ("车展期间意向成交12.5亿。", "12.5亿", "money", "CNY"),
    ("新片上映首周狂揽2亿 影迷热议", "2亿", "money", "CNY"),
    ("团伙非法集资 涉案金额7亿", "7亿", "money", "CNY"),  # nouns of money right before it
    ("出纳挪用公款86万。", "86万", "money", "CNY"),
    ("该行高管年终奖最高50万。", "50万", "money", "CNY"),  # a money metric
    ("公司获银行百亿授信。", "百亿", "money", "CNY"),  # a credit line
    ("金管局本周增发90亿元票据。", "90亿元", "money", "HKD"),  # Hong Kong's monetary authority
    ("这名官员至少还有三亿不法所得。", "三亿", "money", "CNY"),  # illegal gains
    ("样板间别墅最高减80万", "80万", "money", "CNY"),  # a price cut
    ("这部影片上映首周取得近4000万票房。", "近4000万", "money", "CNY"),  # box office, no votes
    ("开发商今年投近50亿拿地。", "近50亿", "money", "CNY"),  # 投 "invest"
    ("两人联手骗某公司86万。", "86万", "money", "CNY"),  # a victim between the verb and the amount
    ("会计挪用百万公款炒股。", "百万", "money", "CNY"),
    ("这家公司判赔的用户超过1000万。", "超过1000万", "number", None),  # no payee right before it: users
    ("球队开出百万重金挽留主力。", "百万", "money", "CNY"),  # a money noun after the amount
    ("这家企业发行了12亿公司债。", "12亿", "money", "CNY"),  # bonds, no count of companies
    ("他的信用卡透支了2.8万。", "2.8万", "money", "CNY"),  # a verb of money before it
    ("央行向市场输血近百亿。", "近百亿", "money", "CNY"),
    ("这位歌手刚买下千万豪宅。", "千万", "money", "CNY"),  # a luxury good named by its price
    ("这位球星的千万别墅对外出租。", "千万", "money", "CNY"),  # 千万别墅: a villa, no "by all means don't"
    ("一场大病耗尽他百万家财。", "百万", "money", "CNY"),  # a family fortune, no count of firms
    ("那家房企去年斥巨资后又8亿苏州拿地。", "8亿", "money", "CNY"),  # a city between the amount and 拿地
    ("球队600万购入一名中卫。", "600万", "money", "CNY"),  # 购 "buy"
    ("品牌方200万请影星拍广告。", "200万", "money", "CNY"),  # a fee
    ("小区20万请愿签名已送达。", "20万", "number", None),  # 请愿 "petition": no fee
    ("他给父母各买了30万保单。", "30万", "money", "CNY"),  # an insured sum
    ("团伙骗走4名老人80余万。", "80余万", "money", "CNY"),  # the victims counted between verb and amount
    ("这家基金公司自购旗下基金5000万。", "5000万", "money", "CNY"),  # a firm buys its own fund
    ("新盘开盘当天热销3亿。", "3亿", "money", "CNY"),  # more verbs of money: sales, funds, transfers, prizes
    ("多只新基金入市建仓 300亿资金待命", "300亿", "money", "CNY"),  # after a headline's space
    ("银行误将60万汇入他的账户。", "60万", "number", None),  # the amount before 汇入: nothing says money here
    ("银行向他的账户误汇入60万。", "60万", "money", "CNY"),
    ("这个停车场一年创收80万。", "80万", "money", "CNY"),
    ("彩票中心本月起派奖2亿。", "2亿", "money", "CNY"),
    ("那位藏家坐拥两亿多。", "两亿多", "money", "CNY"),
    ("这位网红坐拥500万粉丝。", "500万粉丝", "count", None),  # fans are counted
    ("失主拿出1万红包答谢。", "1万", "money", "CNY"),  # a red envelope
    ("一彩民独中1000万头奖。", "1000万", "money", "CNY"),  # the top prize, no head of cattle
    ("某外资行9000万增持A股。", "9000万", "money", "CNY"),  # a stake bought for it
    ("开发商25亿商业项目落地。", "25亿", "money", "CNY"),  # a project's cost
    ("房企7亿拿下老城区地块。", "7亿", "money", "CNY"),
    ("某开发商4亿郑州拿东区商业地块。", "4亿", "money", "CNY"),
    ("明星豪宅身价涨到9000万。", "9000万", "money", "CNY"),  # a house's price
    ("这栋别墅已涨至3000万。", "3000万", "money", "CNY"),
    ("富豪家中豪宅5亿列榜首。", "5亿", "money", "CNY"),  # 列 "ranks", no trains
    ("他挪用公款后花30万包养情人。", "30万", "money", "CNY"),  # 包养 "keep", no packs
    ("老客户带新客3千抵6千。", "3千", "money", "CNY"),  # a deposit and what it counts for, in thousands
    ("市民举报制假窝点最高可奖励20万。", "20万", "money", "CNY"),  # a reward
    ("该盘两居45万全款可享95折", "45万", "money", "CNY"),  # a full payment
    ("那幅古画估价2个亿流拍。", "2个亿", "money", "CNY"),  # an auction's lot
    ("这支升班马仅500万投入便站稳脚跟。", "500万", "money", "CNY"),  # an outlay
    ("这位主持人150万加盟某台跨年晚会。", "150万", "money", "CNY"),  # a fee
    ("品牌计划发展300万加盟商。", "300万", "number", None),  # franchisees, no fee
    ("球星一走球队就贬值3千万。", "3千万", "money", "CNY"),  # value lost or gained
    ("这只基金的存量缩水高达900亿。", "900亿", "money", "CNY"),  # a fund's assets that shrank
    ("论坛的活跃用户缩水了200万。", "200万", "number", None),  # users that shrank
    ("这套老洋房上月以380万转手。", "380万", "money", "CNY"),  # a resale
    ("各地争相配套4万亿刺激计划。", "4万亿", "money", "CNY"),  # a stimulus
    ("新政将为小微企业减负近30亿。", "近30亿", "money", "CNY"),  # fees cut
    ("这种假证八千即可买到。", "八千", "money", "CNY"),  # a price: 即可买
    ("多家险企认购首只公募基金近6亿。", "近6亿", "money", "CNY"),  # a fund subscribed
    ("足彩第10035期销量2500万。", "2500万", "money", "CNY"),  # a lottery's sales are yuan
    ("这款手机上市一年销量2500万。", "2500万", "number", None),  # a phone's are units
    ("这幅画拍出900万元（约190万元人民币）。", "900万元", "money", "TWD"),  # 元 glossed in renminbi at ~4.7: NT$
    ("这家茶餐厅的套餐要60元（约合人民币52元）。", "60元", "money", "HKD"),  # at ~1.15: HK$
    ("这台电脑卖5000元（含税）。", "5000元", "money", "CNY"),  # no gloss
    ("这家车企全年多赚两成至8.6亿。", "8.6亿", "money", "CNY"),  # earnings that rose to the amount
    ("网站注册用户增长30%至1.5亿。", "1.5亿", "number", None),  # users, no earnings
]


@pytest.mark.parametrize(("text", "span", "kind", "currency"), MONEY_BY_METRIC)
def test_an_amount_a_money_metric_measures_is_money(text, span, kind, currency):
    f = next(f for f in link_facts(text, extract_facts(text)) if f.text == span)
    assert (f.kind, f.currency) == (kind, currency)


def test_a_news_source_is_neither_subject_nor_main_entity():
    text = "新浪体育讯 火箭队今天以105比98获胜，全队命中率为48%。"
    ents = [
        Entity("新浪体育", 0, 4, "ORG", "company", "新浪体育", 0.9, "model"),
        Entity("火箭队", 6, 9, "ORG", "organization", "休斯顿火箭队", 1.0, "known"),
    ]
    pct = next(f for f in link_facts(text, extract_facts(text), entities=ents) if f.kind == "percent")
    assert pct.subject == "休斯顿火箭队"
    assert main_entity_of(ents[:1] * 3 + ents[1:]) == "休斯顿火箭队"


def test_subject_falls_back_to_main_entity_as_inferred():
    text = "净利润为3亿元。"
    f = link_facts(text, extract_facts(text), main_entity="智谱AI")[0]
    assert f.subject == "智谱AI" and f.linked_by["subject"] == "inferred"


def _ent(text: str, name: str, label: str = "ORG") -> Entity:
    start = text.index(name)
    return Entity(name, start, start + len(name), label, "company" if label == "ORG" else "name", name, 0.9, "test")


def test_subject_from_an_organisation_earlier_in_the_sentence_before_the_main_entity():
    text = "蓝海集团表示，旗下平台有58个品牌销售额过亿，其中包括12个新品牌。"
    ents = [_ent(text, "蓝海集团")]
    f = next(f for f in link_facts(text, extract_facts(text), entities=ents, main_entity="星辰科技") if f.text == "12个")
    assert f.subject == "蓝海集团" and f.linked_by["subject"] == "inferred"


def test_a_person_earlier_in_the_sentence_is_the_speaker_not_the_subject():
    text = "林远表示，未来3年研发投入将保持在营收的50%以上。"
    ents = [_ent(text, "林远", "PER")]
    f = next(f for f in link_facts(text, extract_facts(text), entities=ents, main_entity="星辰科技") if f.kind == "percent")
    assert f.subject == "星辰科技" and f.linked_by["subject"] == "inferred"


def test_period_from_an_earlier_clause_of_the_sentence():
    text = "2025年前三季度,研发支出达到1.8亿美元,达到同期营收的337.4%。"
    facts = link_facts(text, extract_facts(text))
    pct = [f for f in facts if f.kind == "percent"][0]
    assert pct.period == {"start": "2025-01", "end": "2025-09"}
    assert pct.metric == "营收"


def test_values_listed_with_fenbie_take_the_dates_listed_before_in_order():
    text = "2022年、2023年及2024年，研发开支分别为1.2亿元、2.5亿元及4.1亿元，三年累计近8亿元。"
    money = [(f.text, f.period, f.metric) for f in link_facts(text, extract_facts(text)) if f.kind == "money"]
    assert money[:3] == [("1.2亿元", "2022", "研发开支"), ("2.5亿元", "2023", "研发开支"), ("4.1亿元", "2024", "研发开支")]
    assert money[3][1] == "2024"  # not in the list: the date named last, as before


def test_the_level_a_change_reached_keeps_the_metric_of_the_change():
    text = "第二季度营收同比增长18%，达到人民币36亿元，高于市场预期的33亿元；公司另外拿出5亿元用于回购。"
    facts = {f.text: f.metric for f in link_facts(text, extract_facts(text))}
    assert facts["人民币36亿元"] == "营收" and facts["33亿元"] == "营收"
    assert facts["5亿元"] is None  # a clause with its own words before the amount does not continue the metric


def test_values_listed_with_fenbie_take_the_years_of_a_range_in_order():
    text = "2022年至2024年，公司分别亏损3.2亿元、4.4亿元和2.6亿元。"
    periods = [f.period for f in link_facts(text, extract_facts(text)) if f.kind == "money"]
    assert periods == ["2022", "2023", "2024"]


def test_the_period_of_a_sentence_reaches_past_its_semicolons():
    text = "截至发稿，该部门公布，2024年，公司营收为8亿元；净利润为1.5亿元，同比增长20%。"
    facts = {f.text: (f.period, (f.linked_by or {}).get("period")) for f in link_facts(text, extract_facts(text))}
    assert facts["1.5亿元"] == ("2024", "inferred") and facts["20%"] == ("2024", "inferred")
    main_clause = "报告显示，公司前三季度营收为8亿元，同比增长5%；归母净利润为1.5亿元，较2024年底增加0.2亿元；员工300人。"
    periods = {f.text: f.period for f in link_facts(main_clause, extract_facts(main_clause))}
    assert periods["1.5亿元"] == "前三季度"  # the date of the part before the first semicolon (no published date)
    assert periods["300人"] == "前三季度"  # not 2024: 较2024年底 is a comparison's base
    other = "公司营收为8亿元；2024年净利润为1.5亿元。"  # no date opens the sentence: none after the semicolon either
    assert {f.text: f.period for f in link_facts(other, extract_facts(other))}["8亿元"] is None


def test_a_part_with_a_time_of_its_own_or_a_publication_date_gives_no_period_past_a_semicolon():
    text = "据协会11月10日发布的数据，10月零售224万辆，同比下降0.8%；今年以来累计零售1927万辆。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-11-11"))}
    assert periods["224万辆"] == "2025-10"
    assert periods["1927万辆"] is None  # 今年以来: its own time, which no date fact holds
    text = "据协会11月10日发布的数据，零售224万辆；出口57万辆。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-11-11"))}
    assert periods["57万辆"] is None  # 11月10日 is when the figures came out


def test_the_base_of_a_change_is_no_period_of_it():
    text = "10月，全国出游8.8亿人次，较2024年同期增长1.2亿人次，与5月最高的9.1亿人次相比仍有差距。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-11-01"))}
    assert periods["1.2亿人次"] == "2025-10"  # a change against 2024: its period is the sentence's
    assert periods["9.1亿人次"] == "2025-05"  # a level of May, the base named with it


def test_a_comparison_base_in_an_earlier_clause_or_of_a_ratio_is_no_period():
    text = "11月末，全市存款余额为5.2万亿元，较10月末增加800亿元，环比增长1.6%。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-12-05"))}
    assert periods["800亿元"] == "2025-11" and periods["1.6%"] == "2025-11"  # not 10月末, the base named before
    text = "11月，该港集装箱吞吐量恢复至2019年同期的96.4%，船舶准班率为88.3%。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-12-05"))}
    assert periods["96.4%"] == "2025-11" and periods["88.3%"] == "2025-11"  # a share of 2019's level
    text = "到2030年，光伏装机要达到2020年的4倍以上、力争达到25亿千瓦。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text))}
    assert periods["4倍以上"] == "2030" and periods["25亿千瓦"] == "2030"
    text = "该行净息差为1.6%，与二季度末持平，较上年末收窄8个基点。"
    assert {f.text: f.period for f in link_facts(text, extract_facts(text))}["8个基点"] is None
    text = "铜价从4月低点持续反弹，回升至8.1万元/吨。"
    assert {f.text: f.period for f in link_facts(text, extract_facts(text))}["8.1万元/吨"] is None
    # a level of the base named with it is of its date, and so are the values listed on after it
    text = "他的数据比2018-19赛季的25.1分6.2个篮板，48.5%的命中率还要好。"
    assert {f.text: f.period for f in link_facts(text, extract_facts(text))}["48.5%"] == {"start": "2018", "end": "2019"}
    text = "其仓位从一季度的61.2%加至二季度的66.5%。"
    assert {f.text: f.period for f in link_facts(text, extract_facts(text))}["61.2%"] == "一季度"


def test_a_date_before_a_clause_said_of_now_is_no_period_of_it():
    text = "该条例今年5月正式施行，目前全市充电桩总数已突破12万个，其中公共充电桩约4万个。"
    periods = {f.text: f.period for f in link_facts(text, extract_facts(text, published="2025-11-20"))}
    assert periods["12万个"] is None and periods["约4万个"] is None
    text = "2019年医保基金的当前结存为500亿元，结存率为30%。"  # 当前 in the date's own clause: of that year
    assert {f.text: f.period for f in link_facts(text, extract_facts(text))}["30%"] == "2019"


def test_a_count_in_another_unit_does_not_continue_the_metric_named_before():
    text = "这次地震震级为6.5级，震源深度12公里，造成30人受伤；球队本赛季战绩为40胜12负。"
    facts = {f.text: f.metric for f in link_facts(text, extract_facts(text))}
    assert facts["6.5级"] == "地震震级"
    assert facts["12公里"] is None and facts["30人"] is None
    assert facts["40胜"] == "战绩" and facts["12负"] == "战绩"  # wins and losses are one record


def test_an_amount_per_unit_without_a_currency_is_money_by_its_metric():
    text = "鱼塘的补偿标准为约12万/亩。"
    f = link_facts(text, extract_facts(text))[0]
    assert (f.kind, f.currency, f.unit, f.metric) == ("money", "CNY", "/亩", "补偿标准")


def test_a_founding_date_is_no_period_for_the_clauses_after_it():
    text = "星辰科技成立于2019年,先后完成6轮融资,累计融资金额逾6亿美元。"
    money = next(f for f in link_facts(text, extract_facts(text)) if f.kind == "money")
    assert money.period is None and "period" not in money.linked_by


@pytest.mark.parametrize("junk", ["", "\x00\x00", "第", "分之", "百分之", "年年年", "1" * 5000, "前" * 30, "一" * 2000, "-" * 50])
def test_degenerate_inputs_do_not_raise(junk):
    for f in (_Scanner(junk, None).run() if junk else []):
        assert junk[f.start : f.end] == f.text


def test_a_str_subclass_reads_as_its_text():
    # the compiled scanner keeps exactly a str: a subclass (a marked-up string, say) is read as its plain text
    class Marked(str):
        pass

    text = "营收增长12%，达到3.5亿元"
    want = [(f.text, f.kind, f.value) for f in extract_facts(text)]
    assert [(f.text, f.kind, f.value) for f in extract_facts(Marked(text))] == want
    assert [(f.text, f.kind) for f in link_facts(Marked(text), extract_facts(Marked(text)))] == [(t, k) for t, k, _ in want]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=80) | st.text(alphabet="0123456789一二两三十百千万亿年月日号%元美个家第前约超过多余.,-至到 ", max_size=60))
def test_any_unicode_gives_valid_offsets_and_never_raises(text):
    # the scanner itself: extract_facts has no guard either, a crash must show here
    facts = _Scanner(text, dt.date(2024, 2, 29)).run() if text else []
    last = 0
    for f in facts:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last
        last = f.end
    for s, e, t, _ in find_numbers(text):
        assert text[s:e] == t
    for s, e, _, _ in find_ranges(text):
        assert 0 <= s < e <= len(text)


_NUMERAL_TEXT = st.text(alphabet="0123456789.,²٣一二两三十百千万亿兆零〇点几多余负-壹拾佰kKMB ", max_size=30)


@settings(max_examples=500, deadline=None)
@given(_NUMERAL_TEXT | st.text(alphabet=st.characters(), max_size=30))
def test_numeral_functions_never_raise(text):
    v = parse_number(text)
    assert v is None or math.isfinite(v)
    assert parse_folded(fold(text)) == v
    if v is not None:
        assert format_value(v) == pytest.approx(v, rel=1e-6, abs=1e-6)
    d = to_digits(text)
    assert d is None or isinstance(d, str)


# The scanner's quick tests before a costly regex may only skip what that regex cannot read.
_DATE_TEXT = st.text(alphabet="0123456789〇零一二两三四五六七八九十千百年月日号季度时点世纪代 -/.\t上下半前个周星期第QH初旬底末农历分秒钟，的至到", max_size=16)


@settings(max_examples=1000, deadline=None)
@given(_DATE_TEXT)
def test_no_date_that_starts_with_a_numeral_is_skipped_by_the_quick_head_test(text):
    for i, c in enumerate(text):
        if c in _NUMERAL_HEADS:
            m = DATE_RE.match(text, i)
            if m and m.end() > i:
                assert _DATE_HEAD_RE.match(text, i), text[i:]


def _same_matches(fast: re.Pattern[str], written: re.Pattern[str], text: str) -> None:
    for i in range(len(text) + 1):
        a, b = fast.match(text, i), written.match(text, i)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text[i:]


def _spans(matches: Any, *groups: int | str) -> list[tuple[tuple[int, int], ...]]:
    """The spans of these groups (0: the whole match) of each match."""
    return [tuple(m.span(g) for g in groups) for m in matches]


def _tokens(words: str) -> st.SearchStrategy[str]:
    """Texts made of these words and spaces (a pattern's words meet far more often than in random characters)."""
    return st.lists(st.sampled_from(words.split() + [" "]), max_size=8).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_tokens("1 23 ４ ５６ ， ： 　 ‚ 万 百 x 萬 ．"))
def test_the_quick_fold_test_passes_every_text_with_something_to_fold(text):
    assert _MAY_FOLD.search(text) or not _NEEDS_FOLD.search(text)


_DATE_AS_WRITTEN = re.compile(DATE_SOURCE, re.X)
_TAIL_AS_WRITTEN = re.compile(_TAIL_SOURCE, re.X)
_NUMBER_AS_WRITTEN = re.compile(NUMBER)


@settings(max_examples=1000, deadline=None)
@given(_DATE_TEXT | _tokens(
    "2024 1998 27 3 12 05 0 二〇二四 一 二 三 十 十二 两 年 月 月份 日 号 初 中旬 底 末 上 下 半年 季度 第 前 个 今年 去年 本月 "
    "周 星期 礼拜 时 点 分 半 凌晨 下午 农历 民国 光绪 元 世纪 年代 赛季 - / . : 至 到 ~ 的 Q 大年 之后 以前"
))
def test_the_date_pattern_with_optional_groups_as_branches_matches_as_written(text):
    _same_matches(DATE_RE, _DATE_AS_WRITTEN, text)


@settings(max_examples=1000, deadline=None)
@given(_tokens(
    "3 25 一 五 十 有余 多 余 + % 个 百分点 元 人民币 美元 美分 日元 块 钱 角 毛 分 又 / 每 平方米 吨 年 年期 个月 月 天 "
    "小时 半 成 折 家 套 公里 倍 点 人 用户 万人 亿 GB mAh mL m x 左右 以上 以内 之内 的"
))
def test_the_tail_pattern_with_optional_groups_as_branches_matches_as_written(text):
    _same_matches(_TAIL_RE, _TAIL_AS_WRITTEN, text)


@settings(max_examples=1000, deadline=None)
@given(_NUMERAL_TEXT | _tokens("3 05 1,000 2.5 .4 一 二 十 百 千 万 亿 零 〇 点 几 多 余 负 - − k M B 室 米 元 % 年 x ,"))
def test_the_number_pattern_with_optional_groups_as_branches_matches_as_written(text):
    _same_matches(_NUMBER_RE, _NUMBER_AS_WRITTEN, text)
    assert [m.span() for m in _NUMBER_RE.finditer(text)] == [m.span() for m in _NUMBER_AS_WRITTEN.finditer(text)]


_SHOTS_AS_WRITTEN = re.compile(
    r"(?<![\d.])(\d{1,3}|[一二两三四五六七八九十]{1,3})(投|罚)(?:仅|只|共)?(\d{1,3}|[一二两三四五六七八九十]{1,3})中(?![国心间学华央部期旬文级])"
)


@settings(max_examples=1000, deadline=None)
@given(_tokens("1 12 123 1234 . 一 两 十 三十 投 罚 仅 只 中 国 x 12投 123投 9中 两罚 两中"))
def test_the_shots_pattern_read_from_its_first_character_finds_what_it_says(text):
    assert _spans(_SHOTS_RE.finditer(text), 0, 1, 2, 3) == _spans(_SHOTS_AS_WRITTEN.finditer(text), 0, 1, 2, 3)


_HALF_SHARE_AS_WRITTEN = re.compile(
    r"(?<!超)(?P<b>[过逾超])半(?:数|(?=[\u4e00-\u9fff])(?![年月天日小个世导决岛径价场边山职成程身夜拍处时后就了之的]))"
    r"|(?<![一大多少逾超])(?<!(?<!超)过)半数"
)


@settings(max_examples=1000, deadline=None)
@given(_tokens("过 逾 超 半 数 半数 过半 超过 一 大 多 少 年 的 人 口"))
def test_the_half_share_pattern_read_from_its_first_character_finds_what_it_says(text):
    written = _spans(_HALF_SHARE_AS_WRITTEN.finditer(text), 0, "b")
    assert _spans(_HALF_SHARE_RE.finditer(text), 0, "b") == written
    assert _spans(_half_shares(text), 0, "b") == written


_DEAD_HURT_AS_WRITTEN = re.compile(
    r"(?<![\d一二两三四五六七八九十])(\d{1,4}|[一二两三四五六七八九十]{1,3})死(\d{1,4}|[一二两三四五六七八九十]{1,3})伤"
)


@settings(max_examples=1000, deadline=None)
@given(_tokens("1 12 12345 . 一 两 十 三十 死 伤 x 3死 5伤"))
def test_the_dead_and_hurt_pattern_read_from_its_first_character_finds_what_it_says(text):
    assert _spans(_DEAD_HURT_RE.finditer(text), 1, 2) == _spans(_DEAD_HURT_AS_WRITTEN.finditer(text), 1, 2)


_URL_AS_WRITTEN = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+")


@settings(max_examples=1000, deadline=None)
@given(_tokens("h http https :// www ww . w a1 @ - % + _ com 中 ， x/y"))
def test_the_address_pattern_read_from_its_first_character_finds_what_it_says(text):
    assert _spans(_URL_RE.finditer(text), 0) == _spans(_URL_AS_WRITTEN.finditer(text), 0)


@settings(max_examples=1000, deadline=None)
@given(_tokens("约 约为 超 超过 不足 不到 近 近似 人民币 美元 港元 HK$ $ ¥ 了 为 在 是 有 1 元 的"))
def test_the_left_pattern_with_optional_groups_as_branches_matches_as_written(text):
    _same_matches(_LEFT_RE, re.compile(_LEFT_SOURCE), text)
    assert [(m.span(), m.groups()) for m in [_LEFT_RE.search(text)]] == [
        (m.span(), m.groups()) for m in [re.compile(_LEFT_SOURCE).search(text)]
    ]


#: _CHANGE_RE with its words in turn, as first written.
_CHANGE_AS_WRITTEN = re.compile(
    "(?P<yoy>同比|环比)?(?:(?P<up>增长|增加|上涨|上升|提高|提升|增至|增|涨价|涨|升|扩大|飙升|攀升|大涨|猛增|暴涨|(?<!推)翻|提价|加价|上调|调高|调升"
    "|上扬|走高|加息|增持|上浮)|(?<!涨)(?P<down>下降|下跌|减少|下滑|降低|缩减|萎缩|跌|降价|降息|降|减价|减持|减|回落|暴跌|大跌|缩水|下调|调低|调降"
    "|收窄|缩小|下挫|走低|下浮))?(?:幅度?|速度?|率)?(?:了|约|超过|逾|近|达|至|到|为|分别)*\\s?$"
)


@settings(max_examples=1000, deadline=None)
@given(_tokens("增 增长 增至 涨 涨价 升 翻 推翻 降 降价 减 减持 跌 上浮 下浮 同比 环比 幅 度 速 率 分别 了 约 超过 逾 至 到 为 长 价 x"))
def test_the_change_pattern_as_tries_reads_the_words_as_written(text):
    """The same start and the same one of yoy/up/down as with the words in turn (the spans of up and down
    may differ: 增至 is one word or 增 and 至, the same growth)."""
    a, b = _CHANGE_RE.search(text), _CHANGE_AS_WRITTEN.search(text)
    assert a.span() == b.span()
    assert [a.group(g) is None for g in ("yoy", "up", "down")] == [b.group(g) is None for g in ("yoy", "up", "down")]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="约为合概超过出逾不到足低于少多高大近将接最长快小至起码人民币RMBUSHKNT$¥€£ 了在是有", max_size=8))
def test_a_window_with_no_bound_or_currency_start_reads_no_bound_nor_currency(window):
    m = _LEFT_RE.search(window)
    if _LEFT_FIRST.isdisjoint(window):
        assert not (m.group("bound") or m.group("curp") or m.group("curs"))


def test_every_measure_word_a_rule_of_number_names_is_one_with_rules():
    """The measure-word rules of ``_Scanner.number`` run only for the units of ``_MW_WITH_RULES``: each unit
    they name (``unit == "米"``, ``unit in ("倍",)``, ``unit in _DEGREES``) must be one of them."""
    import ast

    from nlp_news.numeric import extract

    # read from the .py: the module in use may be the compiled one, whose functions have no source
    source = Path(extract.__file__).with_name("extract.py").read_text(encoding="utf-8")
    scanner = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "_Scanner")
    src = ast.get_source_segment(source, next(n for n in scanner.body if getattr(n, "name", "") == "number"))
    block = src[src.index("if unit in _MW_WITH_RULES:") : src.index("if g.mhalf and value is not None:")]
    named = set(re.findall(r'unit == "([^"]+)"', block))
    for group in re.findall(r"unit in \(([^)]*)\)", block):
        named |= set(re.findall(r'"([^"]+)"', group))
    sets = set(re.findall(r"unit in (_[A-Z_]+)", block)) - {"_MW_WITH_RULES"}
    assert named and sets
    assert named <= extract._MW_WITH_RULES
    for name in sets:
        assert getattr(extract, name) <= extract._MW_WITH_RULES, name


@pytest.mark.parametrize("unit", ["٣٤٥", "1234567890", "一 ", "1,", "万", "一1", "百 分 之 "])
def test_long_runs_do_not_backtrack_forever(unit):
    text = unit * 40 + "x"
    _Scanner(text, None).run()
    find_numbers(text)
    find_ranges(text)


def test_every_growth_word_has_a_character_of_the_quick_test():
    from nlp_news.numeric.extract import _GROWTH_CHARS, _GROWTH_DOWN_WORDS, _GROWTH_UP_WORDS

    words = [*_GROWTH_UP_WORDS, "翻", *_GROWTH_DOWN_WORDS, "同比", "环比"]
    assert [w for w in words if _GROWTH_CHARS.isdisjoint(w)] == []
