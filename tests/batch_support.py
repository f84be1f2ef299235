"""Helpers for the batch tests: the pipeline options, test articles, a crashing loader.

The batch runner runs whatever stages exist: ``pipeline_options()`` is the full
pipeline when it loads, else the full pipeline minus the stages that cannot be
loaded yet (a model not trained in this checkout), so the batch machinery is
tested either way.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

# Articles written for these tests (never text from ../shared/data).
ARTICLES = [
    {
        "id": "tech-1",
        "title": "星海科技发布新一代芯片",
        "text": "星海科技发布新一代芯片\n\n星海科技周三在深圳宣布，公司2025年前三季度营收增长23.5%，达到128亿元。"
        "\n\n公司董事长王立新表示，新芯片将于明年量产。",
        "published": "2025-10-15",
        "url": "https://example.invalid/tech-1",
        "channel": "科技",
    },
    {
        "id": "city-2",
        "text": "南湖市住房价格连续三个月下跌\n\n南湖市统计局公布，10月新建住宅价格环比下降0.8%，成交量减少约1200套。"
        "\n\n业内人士认为，市场仍在调整之中。",
        "channel": "房产",
    },
    {
        "id": "sport-3",
        "title": "联赛收官",
        "text": "东江队在最后一轮比赛中以3比1战胜北岭队，以62分获得联赛冠军。\n\n这是该队历史上第四次夺冠，约3万名球迷到场观赛。",
        "published": "2025年11月2日",
    },
    {
        "id": "fin-4",
        "text": "华东银行上半年净利润同比增长8%\n\n华东银行公告显示，上半年实现净利润56.3亿元，不良贷款率为1.12%，较年初下降0.05个百分点。",
    },
]


@functools.lru_cache(maxsize=1)
def pipeline_options() -> tuple[tuple[str, Any], ...]:
    """Options for ``nlp_news.load``: the full pipeline, minus stages that cannot load here."""
    import nlp_news
    from nlp_news.analyzer import STAGES
    from nlp_news.batch import runner

    try:
        # keep it: the runner's per-process cache then needs no second load
        runner._ANALYZERS[runner.options_key({})] = nlp_news.load()
        return ()
    except Exception:
        pass
    broken = []
    for stage in STAGES:
        try:
            nlp_news.load(disable=[s for s in STAGES if s != stage])
        except Exception:
            broken.append(stage)
    return (("disable", tuple(broken)),)


def options(**extra: Any) -> dict[str, Any]:
    """Plain-data options for the runner (lists, not tuples, so they survive JSON)."""
    out: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in pipeline_options()}
    out.update(extra)
    return out


def cli_options() -> list[str]:
    """The same options as ``nlp-news batch`` arguments."""
    args: list[str] = []
    for stage in dict(pipeline_options()).get("disable", ()):
        args += ["--disable", stage]
    return args


def write_jsonl(path: os.PathLike[str] | str, records: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def read_jsonl(path: os.PathLike[str] | str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class _Crashy:
    """Wraps the real analyzer; some marker texts raise or kill the worker process."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def analyze(self, text: str, **kw: Any) -> Any:
        if "【崩溃】" in text:
            os._exit(3)  # a worker dying mid-chunk (out of memory, a native crash)
        if "【异常】" in text:
            raise RuntimeError("a stage failed on this article")
        return self.inner.analyze(text, **kw)


def crashy_load(**kw: Any) -> _Crashy:
    """A loader for ``options["loader"] = "batch_support:crashy_load"``."""
    import nlp_news

    return _Crashy(nlp_news.load(**kw))
