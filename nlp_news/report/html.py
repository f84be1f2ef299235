"""The HTML pages: one article (``nlp-news analyze --format html``) and a batch (``nlp-news report``).

Both pages are single self-contained files: inline CSS and SVG, no network, no
web fonts; they open from disk and show everything without JavaScript (a tiny
inline script only makes the tables sortable). The templates live in
``templates/`` beside this module and are rendered by Jinja2 with autoescaping
on, so the article's own text can never become markup: ``<script>`` in an
article is shown as ``<script>``.

The article text is marked up by one walk over each block (title, paragraph,
dropped boilerplate), split at every entity and fact boundary
(:func:`mark_pieces`). Entities and facts may overlap; the walk keeps a stack
of open marks, so the HTML always nests, and when two marks cross, the one of
lower precedence (a fact, against an entity) is split into fragments that
carry the same ``data-ent`` / ``data-fact`` number.

Colours are the Okabe–Ito palette, which stays distinguishable for the common
forms of colour blindness; every colour also has a text label (legend, chips,
margin marks), so nothing is told by colour alone.
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, NamedTuple

from nlp_news.schema import ENTITY_LABELS, SENTIMENTS, THEMES

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Okabe–Ito colours: (strong, light tint for backgrounds).
ENTITY_COLOURS: dict[str, tuple[str, str]] = {
    "PER": ("#CC79A7", "#F5DCEA"),
    "ORG": ("#0072B2", "#CCE3F0"),
    "LOC": ("#009E73", "#C7EDE2"),
    "PRODUCT": ("#E69F00", "#FBE7BE"),
    "WORK": ("#56B4E9", "#D8EEFB"),
    "TITLE": ("#8C7A00", "#F7F1B0"),
}
ENTITY_NAMES: dict[str, str] = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "PRODUCT": "product",
    "WORK": "work (book, film, game)",
    "TITLE": "title or position",
}
#: Blue for positive, grey for neutral, vermillion for negative (safe for red-green blindness).
SENTIMENT_COLOURS: dict[str, str] = {
    "positive": "#0072B2",
    "neutral": "#9A9A9A",
    "negative": "#D55E00",
}
SENTIMENT_SIGNS: dict[str, str] = {"positive": "+", "neutral": "○", "negative": "−"}
#: Twelve themes, twelve colours: Okabe–Ito first, then Paul Tol's muted set.
THEME_COLOURS: dict[str, str] = dict(
    zip(
        THEMES,
        (
            "#0072B2",
            "#E69F00",
            "#009E73",
            "#CC79A7",
            "#56B4E9",
            "#D55E00",
            "#332288",
            "#882255",
            "#117733",
            "#999933",
            "#AA4499",
            "#44AA99",
        ),
    )
)


# --------------------------------------------------------------------------- small pure helpers
def format_number(value: Any) -> str:
    """A number for people: thousands separators, no float noise.

    >>> format_number(1327000000.0), format_number(38.5), format_number(0.1 + 0.2), format_number(None)
    ('1,327,000,000', '38.5', '0.3', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.6g}"


def format_value(value: Any) -> str:
    """A fact's value (number, range, period, date or ISO duration) for people.

    >>> format_value(128000000.0), format_value({"low": 10, "high": 20}), format_value({"start": "2025-01", "end": None})
    ('128,000,000', '10 – 20', '2025-01 … ')
    >>> format_value("P3Y"), format_value(None)
    ('P3Y', '—')
    """
    if isinstance(value, Mapping):
        if "low" in value or "high" in value:
            return (
                f"{format_value(value.get('low'))} – {format_value(value.get('high'))}"
            )
        if "start" in value or "end" in value:
            return f"{value.get('start') or ''} … {value.get('end') or ''}"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    return format_number(value)


def sort_key_of(value: Any) -> float | None:
    """The number a fact's value sorts by (a range by its upper bound), or None.

    >>> sort_key_of(5), sort_key_of({"low": 1, "high": 3.5}), sort_key_of("2025-01-01"), sort_key_of(True)
    (5.0, 3.5, None, None)
    """
    if isinstance(value, Mapping) and ("low" in value or "high" in value):
        hi, lo = sort_key_of(value.get("high")), sort_key_of(value.get("low"))
        return hi if hi is not None else lo
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def unit_of(fact: Mapping[str, Any]) -> str:
    """Currency and unit of a fact, as one short string.

    >>> unit_of({"currency": "CNY", "unit": None}), unit_of({"currency": None, "unit": "%"}), unit_of({"currency": "USD", "unit": "per share"})
    ('CNY', '%', 'USD per share')
    """
    parts = [fact.get("currency"), fact.get("unit")]
    return " ".join(str(p) for p in parts if p)


def with_unit(value: str, unit: str) -> str:
    """A formatted value followed by its unit; ``%`` and ``‰`` stick to the number.

    >>> with_unit("18", "%"), with_unit("5,230,000,000", "CNY"), with_unit("3", "")
    ('18%', '5,230,000,000 CNY', '3')
    """
    if not unit:
        return value
    return f"{value}{unit}" if unit in ("%", "‰", "个百分点") else f"{value} {unit}"


def polarity(scores: Mapping[str, float] | None) -> float | None:
    """Expected sentiment with positive = +1, neutral = 0, negative = −1: p(positive) − p(negative).

    >>> polarity({"positive": 0.7, "neutral": 0.2, "negative": 0.1})
    0.6
    >>> polarity(None) is None
    True
    """
    if not scores:
        return None
    return round(
        float(scores.get("positive", 0.0)) - float(scores.get("negative", 0.0)), 10
    )


def _text_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("text")
    return None if value is None else str(value)


def clip(s: str, n: int) -> str:
    """One line of at most ``n`` characters.

    >>> clip("深言科技  冲刺\\n港股", 6), clip("短", 6)
    ('深言科技 …', '短')
    """
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + " …"


# --------------------------------------------------------------------------- marked-up text
@dataclass
class Mark:
    """An entity or a fact to mark in the text; ``rank`` orders precedence (higher wins a crossing)."""

    kind: str  # "ent" | "fact"
    index: int  # its position in d["entities"] / d["facts"]
    start: int
    end: int
    rank: int
    info: dict[str, Any] = field(default_factory=dict)
    parts: int = 0


class Piece(NamedTuple):
    """One event of the walk: open a mark, some text, or close a mark."""

    op: str  # "open" | "text" | "close"
    text: str = ""
    mark: Mark | None = None


def mark_pieces(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Piece]:
    """Walk ``text[start:end]`` once, opening and closing ``marks`` so that they nest.

    Marks are clipped to the block. Where two marks cross, the one opened inside
    is closed at the boundary and opened again after it (a fragment); a mark of
    higher ``rank`` is never opened inside one of lower rank that ends first.

    >>> def show(pieces):
    ...     return "".join(p.text if p.op == "text" else
    ...                    ("[" if p.op == "open" else "]") + p.mark.kind[0] for p in pieces)
    >>> e = Mark("ent", 0, 0, 4, 1); f = Mark("fact", 0, 2, 6, 0)
    >>> show(mark_pieces("abcdefgh", 0, 8, [e, f]))
    '[eab[fcd]f]e[fef]fgh'
    >>> e = Mark("ent", 0, 2, 6, 1); f = Mark("fact", 0, 0, 4, 0)
    >>> show(mark_pieces("abcdefgh", 0, 8, [e, f]))
    '[fab]f[e[fcd]fef]egh'
    >>> inner = Mark("fact", 1, 2, 4, 0); outer = Mark("ent", 1, 1, 5, 1)
    >>> show(mark_pieces("abcdef", 0, 6, [inner, outer]))
    'a[eb[fcd]fe]ef'
    """
    inside = []
    for m in marks:
        a, b = max(m.start, start), min(m.end, end)
        if a < b:
            inside.append((a, b, m))
    bounds = sorted(
        {start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)}
    )
    starting: dict[int, list[tuple[int, int, Mark]]] = {}
    for item in inside:
        starting.setdefault(item[0], []).append(item)

    pieces: list[Piece] = []
    stack: list[tuple[int, int, Mark]] = []

    def order(item: tuple[int, int, Mark]) -> tuple[int, int, int]:
        # Outer first: the mark that lasts longer, then the one of higher rank.
        return (-item[1], -item[2].rank, item[2].index)

    def close_from(i: int) -> list[tuple[int, int, Mark]]:
        popped = stack[i:]
        for item in reversed(popped):
            pieces.append(Piece("close", mark=item[2]))
        del stack[i:]
        return popped

    for pos, nxt in itertools.pairwise(bounds):
        pending: list[tuple[int, int, Mark]] = []
        ended = [i for i, item in enumerate(stack) if item[1] <= pos]
        if ended:
            pending = [item for item in close_from(ended[0]) if item[1] > pos]
        pending.extend(starting.get(pos, ()))
        pending.sort(key=order)
        while pending:
            item = pending[0]
            # A mark of higher rank is not put inside a lower one that would cut it:
            # close that one (and what is inside it) and open it again inside this.
            cut = [
                i
                for i, s in enumerate(stack)
                if s[1] < item[1] and s[2].rank < item[2].rank
            ]
            if cut:
                pending = [item, *sorted(pending[1:] + close_from(cut[0]), key=order)]
                continue
            pending.pop(0)
            stack.append(item)
            item[2].parts += 1
            pieces.append(Piece("open", mark=item[2]))
        pieces.append(Piece("text", text[pos:nxt]))
    close_from(0)
    return pieces


def _entity_marks(d: Mapping[str, Any], n: int) -> list[Mark]:
    out = []
    for i, e in enumerate(d.get("entities") or ()):
        s, t = _offsets(e, n)
        if s is None:
            continue
        label = e.get("label") or "?"
        tip = (
            f"{e.get('canonical') or e.get('text')} · {label} / {e.get('type') or '?'}"
        )
        if e.get("score") is not None:
            tip += f" · score {float(e['score']):.2f}"
        info = {
            "label": label,
            "type": e.get("type"),
            "canonical": e.get("canonical"),
            "tip": tip,
        }
        # Entities win crossings against facts; a longer entity wins against a shorter one.
        out.append(Mark("ent", i, s, t, 2, info))
    return out


def _fact_marks(d: Mapping[str, Any], n: int) -> list[Mark]:
    out = []
    for j, f in enumerate(d.get("facts") or ()):
        s, t = _offsets(f, n)
        if s is None:
            continue
        value = format_value(f.get("value"))
        unit = unit_of(f)
        lines = [f"{f.get('kind') or 'fact'}: {with_unit(value, unit)}"]
        for key in ("qualifier", "change", "metric", "subject"):
            if f.get(key):
                lines.append(f"{key}: {f[key]}")
        if f.get("period") is not None:
            lines.append(f"period: {format_value(f['period'])}")
        if f.get("relative"):
            lines.append("relative date")
        info = {
            "kind": f.get("kind"),
            "value": with_unit(value, unit),
            "tip": "\n".join(lines),
        }
        out.append(Mark("fact", j, s, t, 1, info))
    return out


def _offsets(rec: Mapping[str, Any], n: int) -> tuple[int | None, int | None]:
    try:
        s, t = int(rec["start"]), int(rec["end"])
    except (KeyError, TypeError, ValueError):
        return None, None
    s, t = max(0, s), min(n, t)
    return (s, t) if s < t else (None, None)


# --------------------------------------------------------------------------- the article page
def _label_view(
    lab: Mapping[str, Any] | None, order: Sequence[str]
) -> dict[str, Any] | None:
    if not lab or not isinstance(lab, Mapping):
        return None
    scores = {k: float(v) for k, v in (lab.get("scores") or {}).items()}
    keys = [k for k in order if k in scores] + [k for k in scores if k not in order]
    return {
        "label": lab.get("label"),
        "score": scores.get(lab.get("label")),
        "scores": [(k, scores[k]) for k in keys],
        "source": lab.get("source"),
    }


def _blocks(d: Mapping[str, Any], text: str) -> list[dict[str, Any]]:
    """Title, paragraphs, dropped boilerplate and any other non-blank text, in order, without overlaps."""
    n = len(text)
    cands: list[
        tuple[int, int, int, str, Any]
    ] = []  # start, end, priority, kind, payload
    ts = d.get("title_span")
    if isinstance(ts, Mapping):
        s, t = _offsets(ts, n)
        if s is not None:
            cands.append((s, t, 0, "title", None))
    for i, p in enumerate(d.get("paragraphs") or ()):
        s, t = _offsets(p, n)
        if s is not None:
            cands.append((s, t, 1, "paragraph", (i, p)))
    for b in d.get("boilerplate") or ():
        s, t = _offsets(b, n)
        if s is not None:
            cands.append((s, t, 2, "boilerplate", b))
    cands.sort(key=lambda c: (c[0], c[2]))
    blocks: list[dict[str, Any]] = []
    pos = 0
    for s, t, _, kind, payload in cands:
        if s < pos:  # overlaps a block already placed: keep the earlier one
            continue
        if text[pos:s].strip():
            blocks.append({"kind": "other", "start": pos, "end": s})
        blocks.append({"kind": kind, "start": s, "end": t, "payload": payload})
        pos = t
    if text[pos:].strip():
        blocks.append({"kind": "other", "start": pos, "end": n})
    return blocks


def article_context(d: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the article template shows, computed from one ``to_dict()`` result."""
    if d.get("text") is None:
        raise ValueError(
            "the analysis has no 'text'; write it with Analysis.to_dict(include_text=True)"
        )
    text = d["text"]
    if not isinstance(text, str):
        raise TypeError(f"the analysis 'text' must be a str, not {type(text).__name__}")
    n = len(text)
    stages = list(d.get("stages") or ())
    marks = _entity_marks(d, n) + _fact_marks(d, n)
    found = _blocks(d, text)
    # Each mark goes to the blocks it overlaps (blocks are sorted and disjoint).
    per_block: list[list[Mark]] = [[] for _ in found]
    ends = [b["end"] for b in found]
    for m in marks:
        k = bisect.bisect_right(ends, m.start)
        while k < len(found) and found[k]["start"] < m.end:
            per_block[k].append(m)
            k += 1
    blocks = []
    title_pieces = None
    for b, block_marks in zip(found, per_block):
        pieces = mark_pieces(text, b["start"], b["end"], block_marks)
        if b["kind"] == "title":
            title_pieces = pieces
            continue
        view: dict[str, Any] = {
            "kind": b["kind"],
            "pieces": pieces,
            "start": b["start"],
            "end": b["end"],
        }
        if b["kind"] == "paragraph":
            i, p = b["payload"]
            view.update(
                number=i + 1,
                heading=p.get("kind") == "heading",
                sentiment=_label_view(p.get("sentiment"), SENTIMENTS),
                theme=_label_view(p.get("theme"), THEMES),
            )
        elif b["kind"] == "boilerplate":
            view["label"] = b["payload"].get("kind") or "boilerplate"
        blocks.append(view)

    para_starts = [int(p.get("start", 0)) for p in d.get("paragraphs") or ()]
    para_ends = [int(p.get("end", 0)) for p in d.get("paragraphs") or ()]
    title_span = (
        d.get("title_span") if isinstance(d.get("title_span"), Mapping) else None
    )

    def where(offset: Any) -> tuple[str, str] | None:
        """(anchor, label) of the block holding ``offset``: a paragraph or the title."""
        if not isinstance(offset, int):
            return None
        i = bisect.bisect_right(para_starts, offset) - 1
        if i >= 0 and offset < para_ends[i]:
            return f"p{i + 1}", f"¶{i + 1}"
        if title_span and title_span.get("start", 0) <= offset < title_span.get(
            "end", 0
        ):
            return "title", "title"
        return None

    facts = []
    for j, f in enumerate(d.get("facts") or ()):
        facts.append(
            {
                "j": j,
                "text": f.get("text") or "",
                "start": f.get("start"),
                "kind": f.get("kind") or "",
                "value": format_value(f.get("value")),
                "value_key": sort_key_of(f.get("value")),
                "unit": unit_of(f),
                "qualifier": f.get("qualifier") or "",
                "metric": f.get("metric") or "",
                "subject": f.get("subject") or "",
                "period": format_value(f["period"])
                if f.get("period") is not None
                else "",
                "where": where(f.get("start")),
            }
        )
    entities = d.get("entities") or ()
    summary = [
        dict(row, where=where(row.get("first")))
        for row in d.get("entity_summary") or ()
        if isinstance(row, Mapping)
    ]
    themes = d.get("themes") if isinstance(d.get("themes"), Mapping) else None
    top_themes = [(k, float(v)) for k, v in (themes.get("top") or ())] if themes else []
    if themes and not top_themes:
        top_themes = sorted(
            ((k, float(v)) for k, v in (themes.get("scores") or {}).items()),
            key=lambda kv: -kv[1],
        )[:3]
    kinds = Counter(f.get("kind") or "?" for f in d.get("facts") or ())
    meta = d.get("meta") if isinstance(d.get("meta"), Mapping) else {}
    title = _text_of(d.get("title"))
    return {
        "title": title,
        "page_title": clip(
            title or str(d.get("id") or meta.get("source") or "Article"), 80
        ),
        "title_pieces": title_pieces,
        "id": d.get("id"),
        "published": d.get("published"),
        "source": meta.get("source"),
        "script": d.get("script"),
        "stages": stages,
        "sentiment": _label_view(d.get("sentiment"), SENTIMENTS),
        "top_themes": top_themes,
        "keywords": [
            k.get("word")
            for k in d.get("keywords") or ()
            if isinstance(k, Mapping) and k.get("word")
        ],
        "summary": (
            (d.get("summary") or {}).get("text")
            if isinstance(d.get("summary"), Mapping)
            else None
        ),
        "blocks": blocks,
        "counts": [
            ("characters", n),
            ("paragraphs", len(d.get("paragraphs") or ())),
            ("sentences", len(d.get("sentences") or ())),
            ("entity mentions", len(entities)),
            ("distinct entities", len(summary)),
            ("facts", len(d.get("facts") or ())),
        ],
        "fact_kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
        "entity_rows": summary,
        "fact_rows": facts,
        "has_entities": "entities" in stages or bool(entities),
        "has_facts": "facts" in stages or bool(d.get("facts")),
        "has_labels": "labels" in stages or d.get("sentiment") is not None,
    }


def render_article(d: dict) -> str:
    """The HTML page of one analysis (a ``to_dict()`` result that includes ``text``)."""
    return _env().get_template("article.html.j2").render(**article_context(d))


# --------------------------------------------------------------------------- the batch page
@dataclass
class _EntityAgg:
    canonical: str
    label: str
    type: str | None
    mentions: int = 0
    articles: int = 0
    polarity_sum: float = 0.0
    polarity_n: int = 0


class BatchSummary:
    """Aggregates of a stream of output records; holds no article text.

    ``add`` takes each record once; memory grows with the number of articles
    (one short index row each) and of distinct entities, not with the text.

    Average paragraph sentiment of an entity: each mention takes the sentiment
    of the paragraph it stands in, as p(positive) − p(negative) (positive = +1,
    neutral = 0, negative = −1, weighted by the model's probabilities), and the
    mentions are averaged. Mentions outside any labelled paragraph (the title,
    a byline) count as mentions but not in the average.

    >>> s = BatchSummary()
    >>> s.add({"id": "a", "text": "甲公司好。", "paragraphs": [{"start": 0, "end": 5,
    ...        "sentiment": {"label": "positive", "scores": {"positive": 0.8, "neutral": 0.2, "negative": 0.0}}}],
    ...        "entities": [{"start": 0, "end": 3, "label": "ORG", "type": "company", "canonical": "甲公司"}]})
    >>> s.add({"id": "b", "error": {"type": "EmptyText", "message": "the text is empty"}})
    >>> s.analysed, len(s.errors), s.top_entities()[0]["polarity"]
    (1, 1, 0.8)
    """

    def __init__(self, *, top_money: int = 10, max_errors: int = 1000) -> None:
        self.top_money = top_money
        self.max_errors = max_errors
        self.analysed = 0
        self.errors: list[dict[str, Any]] = []
        self.error_count = 0
        self.error_types: Counter[str] = Counter()
        self.articles: list[dict[str, Any]] = []
        self.sentiments: Counter[str] = Counter()
        self.sentiment_prob: Counter[str] = Counter()
        self.sentiment_n = 0
        self.themes: Counter[str] = Counter()
        self.by_date: dict[str, Counter[str]] = {}
        self.undated = 0
        self.entities: dict[tuple[str, str], _EntityAgg] = {}
        self.mentions = 0
        self.facts = 0
        self.fact_kinds: Counter[str] = Counter()
        self.money: dict[str, list[tuple[float, int, dict[str, Any]]]] = {}
        self.money_counts: Counter[str] = Counter()
        self._seq = 0
        self._ids: set[str] = set()

    # -- feeding
    def add(self, rec: Any) -> None:
        if not isinstance(rec, Mapping):
            self.add_error(
                None, "NotARecord", f"expected a JSON object, got {type(rec).__name__}"
            )
            return
        if rec.get("error") is not None:
            err = (
                rec["error"]
                if isinstance(rec["error"], Mapping)
                else {"type": "Error", "message": str(rec["error"])}
            )
            self.add_error(
                rec.get("id"),
                str(err.get("type") or "Error"),
                str(err.get("message") or ""),
            )
            return
        if not isinstance(rec.get("paragraphs"), list):
            self.add_error(
                rec.get("id"),
                "NotAnAnalysis",
                "the record has no 'paragraphs': is this `nlp-news batch` output?",
            )
            return
        try:
            self._add_analysis(rec)
        except (
            TypeError,
            ValueError,
            KeyError,
            AttributeError,
        ) as e:  # a malformed record never stops the page
            self.add_error(rec.get("id"), "BadRecord", f"{type(e).__name__}: {e}")

    def add_error(self, rec_id: Any, etype: str, message: str) -> None:
        self.error_count += 1
        self.error_types[etype] += 1
        if len(self.errors) < self.max_errors:
            self.errors.append(
                {
                    "id": "" if rec_id is None else str(rec_id),
                    "type": etype,
                    "message": clip(message, 300),
                }
            )

    def _anchor(self, rec_id: Any) -> str:
        self._seq += 1
        return f"a{self._seq}"

    def _add_analysis(self, rec: Mapping[str, Any]) -> None:
        self.analysed += 1
        anchor = self._anchor(rec.get("id"))
        title = _text_of(rec.get("title"))
        published = (
            rec.get("published") if isinstance(rec.get("published"), str) else None
        )
        sent = (
            rec.get("sentiment") if isinstance(rec.get("sentiment"), Mapping) else None
        )
        themes = rec.get("themes") if isinstance(rec.get("themes"), Mapping) else None
        entities = [e for e in rec.get("entities") or () if isinstance(e, Mapping)]
        facts = [f for f in rec.get("facts") or () if isinstance(f, Mapping)]
        row = {
            "anchor": anchor,
            "id": "" if rec.get("id") is None else str(rec.get("id")),
            "title": clip(title, 60) if title else "",
            "published": published or "",
            "sentiment": sent.get("label") if sent else None,
            "polarity": polarity(sent.get("scores")) if sent else None,
            "theme": themes.get("label") if themes else None,
            "entities": len(entities),
            "facts": len(facts),
            "paragraphs": len(rec["paragraphs"]),
        }
        self.articles.append(row)
        if sent and sent.get("label"):
            self.sentiments[sent["label"]] += 1
            for k, v in (sent.get("scores") or {}).items():
                self.sentiment_prob[k] += float(v)
            self.sentiment_n += 1
            if published:
                self.by_date.setdefault(published[:10], Counter())[sent["label"]] += 1
            else:
                self.undated += 1
        if themes and themes.get("label"):
            self.themes[themes["label"]] += 1

        # Entities: mentions, articles, and the sentiment of the paragraph each mention stands in.
        paras = [p for p in rec["paragraphs"] if isinstance(p, Mapping)]
        starts = [int(p.get("start", 0)) for p in paras]
        pol = [
            polarity((p.get("sentiment") or {}).get("scores"))
            if isinstance(p.get("sentiment"), Mapping)
            else None
            for p in paras
        ]
        seen: set[tuple[str, str]] = set()
        for e in entities:
            key = (
                str(e.get("canonical") or e.get("text") or "?"),
                str(e.get("label") or "?"),
            )
            agg = self.entities.get(key)
            if agg is None:
                agg = self.entities[key] = _EntityAgg(key[0], key[1], e.get("type"))
            agg.mentions += 1
            self.mentions += 1
            if key not in seen:
                seen.add(key)
                agg.articles += 1
            try:
                s = int(e.get("start"))
            except (TypeError, ValueError):
                continue
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and s < int(paras[i].get("end", 0)) and pol[i] is not None:
                agg.polarity_sum += pol[i]
                agg.polarity_n += 1

        # Facts: kinds, and the largest money facts per currency (an amount repeated
        # in one article is listed once).
        said: set[tuple[Any, ...]] = set()
        for f in facts:
            self.facts += 1
            self.fact_kinds[str(f.get("kind") or "?")] += 1
            if f.get("kind") != "money":
                continue
            key = sort_key_of(f.get("value"))
            if key is None:
                continue
            currency = f.get("currency") or "unstated"
            self.money_counts[currency] += 1
            once = (currency, key, f.get("unit"), f.get("qualifier"))
            if once in said:
                continue
            said.add(once)
            heap = self.money.setdefault(currency, [])
            self._seq += 1
            item = (
                key,
                -self._seq,
                {
                    "anchor": anchor,
                    "id": row["id"],
                    "title": row["title"],
                    "text": clip(str(f.get("text") or ""), 40),
                    "value": format_value(f.get("value")),
                    "unit": f.get("unit") or "",
                    "qualifier": f.get("qualifier") or "",
                    "metric": f.get("metric") or "",
                    "subject": f.get("subject") or "",
                },
            )
            if len(heap) < self.top_money:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)

    # -- reading out
    def top_entities(self, n: int = 30) -> list[dict[str, Any]]:
        ranked = sorted(
            self.entities.values(),
            key=lambda a: (-a.mentions, -a.articles, a.canonical),
        )[:n]
        return [
            {
                "canonical": a.canonical,
                "label": a.label,
                "type": a.type,
                "mentions": a.mentions,
                "articles": a.articles,
                "polarity": round(a.polarity_sum / a.polarity_n, 3)
                if a.polarity_n
                else None,
                "polarity_n": a.polarity_n,
            }
            for a in ranked
        ]

    def money_by_currency(self) -> list[tuple[str, int, list[dict[str, Any]]]]:
        """(currency, number of money facts, the largest ones), the most used currency first, "unstated" last."""
        groups = [
            (c, self.money_counts[c], [item[2] for item in sorted(heap, reverse=True)])
            for c, heap in self.money.items()
        ]
        groups.sort(key=lambda g: (g[0] == "unstated", -g[1], g[0]))
        return groups


def _bar_rows(
    items: Sequence[tuple[str, float, str, str]],
    *,
    width: int = 560,
    bar_h: int = 22,
    label_w: int = 130,
) -> dict[str, Any]:
    """Geometry of a horizontal bar chart: ``items`` are (label, value, colour, tooltip)."""
    top = max((v for _, v, _, _ in items), default=0) or 1
    plot_w = width - label_w - 60
    rows = []
    for i, (label, value, colour, tip) in enumerate(items):
        w = plot_w * value / top
        rows.append(
            {
                "label": label,
                "value": value,
                "colour": colour,
                "tip": tip,
                "y": i * (bar_h + 6),
                "w": round(w, 1),
            }
        )
    return {
        "width": width,
        "height": max(len(rows) * (bar_h + 6), bar_h),
        "bar_h": bar_h,
        "label_w": label_w,
        "rows": rows,
    }


def _time_buckets(
    by_date: Mapping[str, Counter[str]], max_bars: int = 60
) -> list[tuple[str, Counter[str]]]:
    """Counts per day, or per month / year when there are too many days for one chart.

    >>> c = Counter(positive=1)
    >>> [k for k, _ in _time_buckets({"2025-01-02": c, "2025-02-03": c}, max_bars=1)]
    ['2025']
    >>> [k for k, _ in _time_buckets({"2025-01-02": c, "2025-02-03": c})]
    ['2025-01-02', '2025-02-03']
    """
    for width in (10, 7, 4):
        buckets: dict[str, Counter[str]] = {}
        for day, counts in by_date.items():
            buckets.setdefault(day[:width], Counter()).update(counts)
        if len(buckets) <= max_bars or width == 4:
            return sorted(buckets.items())
    return []  # pragma: no cover


def _time_chart(
    by_date: Mapping[str, Counter[str]], *, width: int = 720, height: int = 220
) -> dict[str, Any] | None:
    buckets = _time_buckets(by_date)
    if not buckets:
        return None
    left, bottom, top_pad = 70, 70, 10
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    top = max(sum(c.values()) for _, c in buckets) or 1
    step = plot_w / len(buckets)
    bar_w = max(min(step * 0.8, 40), 1)
    label_every = max(1, math.ceil(len(buckets) / 12))
    bars = []
    for i, (key, counts) in enumerate(buckets):
        x = left + i * step + (step - bar_w) / 2
        y = top_pad + plot_h
        segs = []
        for s in SENTIMENTS:
            v = counts.get(s, 0)
            h = plot_h * v / top
            y -= h
            if v:
                segs.append(
                    {
                        "y": round(y, 1),
                        "h": round(h, 1),
                        "colour": SENTIMENT_COLOURS[s],
                        "sentiment": s,
                        "n": v,
                    }
                )
        tip = f"{key}: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in SENTIMENTS)
        bars.append(
            {
                "x": round(x, 1),
                "w": round(bar_w, 1),
                "segs": segs,
                "key": key,
                "tip": tip,
                "label": i % label_every == 0,
                "cx": round(x + bar_w / 2, 1),
            }
        )
    ticks = sorted({0, top, *(round(top * f) for f in (0.25, 0.5, 0.75))})
    return {
        "width": width,
        "height": height,
        "left": left,
        "base": top_pad + plot_h,
        "right": width - 10,
        "bars": bars,
        "ticks": [
            {"v": t, "y": round(top_pad + plot_h - plot_h * t / top, 1)} for t in ticks
        ],
        "unit": {10: "day", 7: "month", 4: "year"}[len(buckets[0][0])],
    }


def batch_context(summary: BatchSummary, *, title: str | None = None) -> dict[str, Any]:
    s = summary
    sent_items = [
        (
            k,
            float(s.sentiments.get(k, 0)),
            SENTIMENT_COLOURS[k],
            f"{s.sentiments.get(k, 0)} articles {k}",
        )
        for k in SENTIMENTS
    ]
    theme_items = [
        (
            k,
            float(v),
            THEME_COLOURS.get(k, "#777777"),
            f"{v} articles with {k} as their top theme",
        )
        for k, v in sorted(s.themes.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    mean_prob = (
        [(k, s.sentiment_prob.get(k, 0.0) / s.sentiment_n) for k in SENTIMENTS]
        if s.sentiment_n
        else []
    )
    dates = sorted(s.by_date)
    return {
        "page_title": title or "nlp-news batch report",
        "analysed": s.analysed,
        "error_count": s.error_count,
        "errors": s.errors,
        "errors_shown": len(s.errors),
        "error_types": s.error_types.most_common(),
        "mentions": s.mentions,
        "distinct_entities": len(s.entities),
        "facts": s.facts,
        "fact_kinds": s.fact_kinds.most_common(),
        "sentiment_n": s.sentiment_n,
        "sentiment_chart": _bar_rows(sent_items) if s.sentiment_n else None,
        "mean_prob": mean_prob,
        "time_chart": _time_chart(s.by_date),
        "date_range": (dates[0], dates[-1]) if dates else None,
        "undated": s.undated,
        "theme_chart": _bar_rows(theme_items) if theme_items else None,
        "top_entities": s.top_entities(),
        "money": s.money_by_currency(),
        "articles": s.articles,
    }


def render_batch(records: Iterable[dict], *, title: str | None = None) -> str:
    """The HTML page of a batch: ``records`` are the lines ``nlp-news batch`` writes (analyses and error records).

    The records are read once, as a stream; only aggregates are kept.
    """
    summary = BatchSummary()
    for rec in records:
        summary.add(rec)
    return (
        _env()
        .get_template("batch.html.j2")
        .render(**batch_context(summary, title=title))
    )


def read_output(source: str | Path | IO[bytes]) -> Iterator[dict[str, Any]]:
    """The records of an ``nlp-news batch`` JSONL file (``.gz`` too), one at a time.

    A line that is not a JSON object becomes an error record, so one bad line
    costs one error in the report, not the report.

    >>> import io
    >>> [r["error"]["type"] if "error" in r else r["id"] for r in read_output(io.BytesIO(b'{"id": "a"}\\n\\nnot json\\n[1]\\n'))]
    ['a', 'InvalidJSON', 'NotAnObject']
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            yield from read_output(fh)
        return
    for n, raw in enumerate(source, 1):
        line = raw.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            yield {
                "id": f"line:{n}",
                "error": {"type": "InvalidJSON", "message": f"line {n}: {e}"},
            }
            continue
        if not isinstance(rec, dict):
            yield {
                "id": f"line:{n}",
                "error": {
                    "type": "NotAnObject",
                    "message": f"line {n} is a JSON {type(rec).__name__}, not an object",
                },
            }
            continue
        yield rec


# --------------------------------------------------------------------------- templates
def _palette() -> dict[str, Any]:
    return {
        "entity_colours": ENTITY_COLOURS,
        "entity_names": ENTITY_NAMES,
        "entity_labels": ENTITY_LABELS,
        "sentiment_colours": SENTIMENT_COLOURS,
        "sentiment_signs": SENTIMENT_SIGNS,
        "sentiments": SENTIMENTS,
        "theme_colours": THEME_COLOURS,
    }


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(_palette())
    env.filters["num"] = format_number
    env.filters["pct"] = lambda v: "—" if v is None else f"{100 * float(v):.0f}%"
    env.filters["signed"] = lambda v: "—" if v is None else f"{float(v):+.2f}"
    return env
