"""Hand-written analyses for the report tests (the text is ours, not from any dataset).

``build(text, entities=..., facts=...)`` finds each surface in the text (the
n-th occurrence when asked) and writes a schema nlp-news/1 dict, so the
offsets are right by construction and the tests can check the page against them.
"""

from __future__ import annotations

from typing import Any

from nlp_news.analysis import entity_summary
from nlp_news.schema import Entity

ARTICLE = (
    "星河电池三季度营收增长 海外订单创新高\n"
    "\n"
    "本报讯 2025年10月28日\n"
    "\n"
    "星河电池股份有限公司周二公布，第三季度营收达到52.3亿元，同比增长18%。董事长陈立新表示，欧洲市场订单已超过120万套。\n"
    "\n"
    "不过，受原材料价格上涨影响，公司毛利率下降至21.5%，净利润约为3.2亿元。分析师认为短期压力仍在。\n"
    "\n"
    "公司计划在匈牙利德布勒森建设新工厂，总投资逾8亿欧元，星河电池预计2027年投产。\n"
)


def _find(text: str, surface: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i


def _label(name: str, scores: dict[str, float], source: str = "test") -> dict[str, Any]:
    return {"label": name, "scores": scores, "source": source}


def sentiment(name: str, p: float = 0.8) -> dict[str, Any]:
    rest = (1 - p) / 2
    return _label(
        name,
        {k: (p if k == name else rest) for k in ("positive", "neutral", "negative")},
    )


def theme(name: str, p: float = 0.7) -> dict[str, Any]:
    return _label(
        name,
        {name: p, "technology": 1 - p}
        if name != "technology"
        else {name: p, "finance": 1 - p},
    )


def build(
    text: str,
    *,
    entities: list[tuple] = (),
    facts: list[dict[str, Any]] = (),
    paragraph_labels: list[tuple[str | None, str | None]] | None = None,
    title_line: bool = True,
    boilerplate: list[tuple[str, str]] = (),
    **extra: Any,
) -> dict[str, Any]:
    """A to_dict()-shaped analysis of ``text``: blocks are separated by blank lines.

    ``entities``: (surface, label, type, canonical[, nth]); ``facts``: dicts with
    ``surface`` (and optional ``nth``) plus any fact fields.
    """
    blocks = []
    pos = 0
    for chunk in text.split("\n\n"):
        s = text.index(chunk, pos) if chunk else pos
        e = s + len(chunk.rstrip("\n"))
        pos = e
        if chunk.strip():
            blocks.append((s, e))
    title_span = None
    if title_line and blocks:
        title_span = {"start": blocks[0][0], "end": blocks[0][1]}
        blocks = blocks[1:]
    bp = []
    bp_surfaces = {surface for surface, _ in boilerplate}
    paragraphs = []
    for s, e in blocks:
        chunk = text[s:e]
        kinds = [k for surface, k in boilerplate if surface == chunk]
        if chunk in bp_surfaces:
            bp.append({"start": s, "end": e, "kind": kinds[0], "text": chunk})
        else:
            paragraphs.append(
                {
                    "start": s,
                    "end": e,
                    "kind": "paragraph",
                    "sentiment": None,
                    "theme": None,
                }
            )
    for i, (sent, th) in enumerate(paragraph_labels or ()):
        if i < len(paragraphs):
            paragraphs[i]["sentiment"] = sentiment(sent) if sent else None
            paragraphs[i]["theme"] = theme(th) if th else None
    ents = []
    for spec in entities:
        surface, label, etype, canonical = spec[:4]
        nth = spec[4] if len(spec) > 4 else 0
        s = _find(text, surface, nth)
        ents.append(
            Entity(surface, s, s + len(surface), label, etype, canonical, 0.9, "test")
        )
    fact_dicts = []
    for f in facts:
        f = dict(f)
        surface = f.pop("surface")
        s = _find(text, surface, f.pop("nth", 0))
        rec = {
            "text": surface,
            "start": s,
            "end": s + len(surface),
            "kind": "number",
            "value": None,
            "unit": None,
            "currency": None,
            "qualifier": None,
            "change": None,
            "relative": False,
            "metric": None,
            "subject": None,
            "period": None,
            "source": "test",
            "linked_by": {},
        }
        rec.update(f)
        fact_dicts.append(rec)
    d = {
        "schema": "nlp-news/1",
        "title": text[title_span["start"] : title_span["end"]] if title_span else None,
        "title_span": title_span,
        "published": None,
        "script": "simplified",
        "stages": ["entities", "facts", "labels", "keywords"],
        "text": text,
        "paragraphs": paragraphs,
        "sentences": [{"start": p["start"], "end": p["end"]} for p in paragraphs],
        "entities": [e.to_dict() for e in ents],
        "entity_summary": entity_summary(ents),
        "facts": fact_dicts,
        "sentiment": None,
        "themes": None,
        "keywords": [],
        "summary": {"text": None, "sentences": []},
        "boilerplate": bp,
    }
    d.update(extra)
    return d


def battery_article(**extra: Any) -> dict[str, Any]:
    """A fully labelled analysis of :data:`ARTICLE`."""
    return build(
        ARTICLE,
        entities=[
            ("星河电池", "ORG", "company", "星河电池股份有限公司"),
            ("星河电池股份有限公司", "ORG", "company", "星河电池股份有限公司"),
            ("董事长", "TITLE", "position", "董事长"),
            ("陈立新", "PER", "name", "陈立新"),
            ("欧洲", "LOC", "address", "欧洲"),
            ("匈牙利德布勒森", "LOC", "address", "匈牙利德布勒森"),
            ("星河电池", "ORG", "company", "星河电池股份有限公司", 2),
        ],
        facts=[
            {"surface": "2025年10月28日", "kind": "date", "value": "2025-10-28"},
            {
                "surface": "第三季度",
                "kind": "date",
                "value": {"start": "2025-07-01", "end": "2025-09-30"},
            },
            {
                "surface": "52.3亿元",
                "kind": "money",
                "value": 5230000000.0,
                "currency": "CNY",
                "metric": "revenue",
                "subject": "星河电池股份有限公司",
                "period": {"start": "2025-07-01", "end": "2025-09-30"},
            },
            {
                "surface": "18%",
                "kind": "percent",
                "value": 18.0,
                "unit": "%",
                "change": "increase",
                "metric": "revenue",
            },
            {
                "surface": "超过120万套",
                "kind": "count",
                "value": 1200000.0,
                "unit": "套",
                "qualifier": "over",
            },
            {
                "surface": "21.5%",
                "kind": "percent",
                "value": 21.5,
                "unit": "%",
                "metric": "gross margin",
            },
            {
                "surface": "约为3.2亿元",
                "kind": "money",
                "value": 320000000.0,
                "currency": "CNY",
                "qualifier": "about",
                "metric": "net profit",
            },
            {
                "surface": "逾8亿欧元",
                "kind": "money",
                "value": 800000000.0,
                "currency": "EUR",
                "qualifier": "over",
                "metric": "investment",
            },
            {"surface": "2027年", "kind": "date", "value": "2027"},
        ],
        paragraph_labels=[
            ("positive", "finance"),
            ("negative", "stocks"),
            ("neutral", "technology"),
        ],
        boilerplate=[("本报讯 2025年10月28日", "byline")],
        sentiment=dict(
            sentiment("positive", 0.55), most_positive=None, most_negative=None
        ),
        themes=dict(
            theme("finance", 0.62), top=[["finance", 0.62], ["technology", 0.38]]
        ),
        keywords=[{"word": "星河电池", "weight": 0.5}, {"word": "营收", "weight": 0.3}],
        **extra,
    )
