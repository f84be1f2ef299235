"""Site boilerplate: the lines a news page adds around an article.

Each rule is a named pattern; :func:`boilerplate_rule` says which rule a line
matches, so the dropped spans can be reported with their reason.
"""

from __future__ import annotations

import re

# (rule id, pattern): a short line that matches is site chrome.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment-prompt", re.compile(r"^.{0,12}(?:登录|登陆|打开|下载|注册).{0,12}(?:发布|发表|参与|查看)评论")),
    ("comment-prompt", re.compile(r"^(?:发表|发布|查看|写)(?:评论|留言)|^(?:网友|全部|热门|最新)评论|^评论[（(]?\d*[)）]?$|^我要评论|^已有\d+人(?:参与|评论)")),
    ("share-prompt", re.compile(r"^(?:分享到|分享至|一键分享|点击分享|转发到)|^(?:微信|微博|QQ空间)(?:\s*[|/、]\s*(?:微信|微博|QQ空间|朋友圈))+")),
    ("app-prompt", re.compile(r"(?:下载|打开|安装).{0,10}(?:APP|App|app|客户端|小程序)|扫(?:一扫|描)?.{0,8}二维码|关注.{0,12}(?:公众号|微信号|官方微博)|长按.{0,6}识别")),
    ("editor-line", re.compile(r"^[\[【(（]?\s*(?:责任编辑|责编|编辑|编审|审核|校对|作者|记者|撰文|文\s*/|图\s*/|实习编辑)\s*[:：/]")),
    ("byline", re.compile(r"^(?:本报|本刊|本台|本网)?(?:记者|特约记者|通讯员|见习记者)\s*[\u4e00-\u9fff·]{2,4}(?:\s|$|[、，,])")),
    ("copyright", re.compile(r"版权所有|(?:©|\(c\)|Copyright)\s*\d{0,4}|未经(?:授权|许可|书面许可).{0,12}(?:转载|复制|使用)|不得转载|转载请注明|All Rights Reserved", re.I)),
    ("source-line", re.compile(r"^[\[【(（]?\s*(?:来源|稿源|信息来源|文章来源|本文来源|来源于)\s*[:：]\s*\S{1,20}$")),
    ("related-links", re.compile(r"^(?:相关阅读|相关新闻|相关链接|延伸阅读|推荐阅读|热门推荐|猜你喜欢|点击查看|阅读原文|返回首页|返回搜狐|查看更多|更多精彩)")),
    ("end-mark", re.compile(r"^[(（【\[]\s*(?:完|全文完|本文完|END)\s*[)）】\]]$", re.I)),
)
_INLINE_END = re.compile(r"[(（]\s*(?:完|全文完)\s*[)）]\s*$")
#: A trailing (完) is dropped from the last lines only.
TAIL_LINES = 4
_MAX_CHROME = 60  # a chrome line is short; a long line is article text


def boilerplate_rule(line: str) -> str | None:
    """The id of the boilerplate rule a whole line matches, or None.

    >>> boilerplate_rule("登录后才可以发布评论")
    'comment-prompt'
    >>> boilerplate_rule("打开小程序可以发布评论哦")
    'comment-prompt'
    >>> boilerplate_rule("责任编辑：王小明")
    'editor-line'
    >>> boilerplate_rule("本报记者 张三 2025年1月2日")
    'byline'
    >>> boilerplate_rule("来源：某某财经")
    'source-line'
    >>> boilerplate_rule("数据来源：国家统计局，2024年全国居民人均可支配收入41314元。") is None
    True
    >>> boilerplate_rule("公司营收同比增长30%，编辑部认为这一增长可持续。") is None
    True
    """
    s = line.strip()
    if not s or len(s) > _MAX_CHROME:
        return None
    for rule, pattern in _LINE_RULES:
        if pattern.search(s):
            return rule
    return None


def trailing_end_mark(line: str) -> int | None:
    """Where a trailing ``(完)`` starts in a line of text, or None.

    >>> trailing_end_mark("公司将继续推进上市工作。（完）")
    12
    """
    if not line.rstrip().endswith((")", "）")):  # the mark closes the line: skip the search of a long line
        return None
    m = _INLINE_END.search(line)
    return m.start() if m else None

