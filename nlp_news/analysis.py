"""The result of analysing one article, and its dict form (schema ``nlp-news/1``).

Every offset in an :class:`Analysis` points into the text the user gave
(``analysis.text[start:end]`` is the span), whatever the normalisation did.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from nlp_news.entities.aliases import entity_summary
from nlp_news.extensions import span_offsets
from nlp_news.lexattrs import complete_lexemes
from nlp_news.schema import SCHEMA, Entity, Fact, Label, Paragraph, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from nlp_news.analyzer import Analyzer
    from nlp_news.text.normalize import Normalized


class Analysis:
    """Entities, facts, labels and structure of one article.

    ``to_dict()`` gives the schema ``nlp-news/1`` form (``schema.json`` beside this
    module). ``doc`` is the spaCy ``Doc`` the pipeline annotated; it is built on
    the normalised view of the text, so its offsets are the view's.
    """

    def __init__(
        self,
        *,
        text: str,
        id: str | None = None,
        title: str | None = None,
        title_span: Span | None = None,
        published: _dt.date | None = None,
        script: str = "simplified",
        paragraphs: Sequence[Paragraph] = (),
        sentences: Sequence[Span] = (),
        entities: Sequence[Entity] = (),
        facts: Sequence[Fact] = (),
        sentiment: Label | None = None,
        sentiment_extremes: Mapping[str, int | None] | None = None,
        themes: Label | None = None,
        keywords: Sequence[tuple[str, float]] = (),
        summary_sentences: Sequence[Span] = (),
        boilerplate: Sequence[Span] = (),
        stages: Sequence[str] = (),
        meta: Mapping[str, Any] | None = None,
        doc: Doc | None = None,
        analyzer: Analyzer | None = None,
    ) -> None:
        self.text = text
        self.id = id
        self.title = title
        self.title_span = title_span
        self.published = published
        self.script = script
        self.paragraphs = list(paragraphs)
        self.sentences = list(sentences)
        self.entities = list(entities)
        self.facts = list(facts)
        self.sentiment = sentiment
        self.sentiment_extremes = dict(sentiment_extremes or {})
        self.themes = themes
        self.keywords = list(keywords)
        self.summary_sentences = list(summary_sentences)
        self.boilerplate = list(boilerplate)
        self.stages = list(stages)
        self.meta = dict(meta or {})
        self._doc = doc
        self._doc_complete = False
        self._analyzer = analyzer

    def __repr__(self) -> str:
        return (
            f"<Analysis id={self.id!r} chars={len(self.text)} paragraphs={len(self.paragraphs)} "
            f"entities={len(self.entities)} facts={len(self.facts)} "
            f"sentiment={self.sentiment.label if self.sentiment else None}>"
        )

    @property
    def doc(self) -> Doc:
        """The annotated spaCy Doc.

        Results that came back from worker processes carry no Doc; it is made
        again here, on first use, by running the same pipeline on the same text.
        """
        if self._doc is None:
            if self._analyzer is None:
                raise AttributeError("this Analysis was built from a dict without an Analyzer; it has no Doc")
            again = self._analyzer.analyze(self.text, title=self.title, published=self.published, id=self.id)
            self._doc = again._doc
        if not self._doc_complete:
            # the Analyzer's tokenizer left lexical attributes the stages don't read for later
            complete_lexemes(self._doc)
            self._doc_complete = True
        return self._doc

    @classmethod
    def from_doc(
        cls,
        doc: Doc,
        norm: Normalized,
        *,
        id: str | None = None,
        title: str | None = None,
        published: _dt.date | None = None,
        meta: Mapping[str, Any] | None = None,
        stages: Sequence[str] = (),
    ) -> Analysis:
        """Collect the pipeline's annotations, mapping offsets back to ``norm.original``."""
        original = norm.original
        ext = doc._
        same_offsets = norm.offsets is None  # the view maps one to one (its characters may differ)
        if same_offsets:
            span = Span
        else:

            def span(s: int, e: int, kind: str) -> Span:
                a, b = norm.to_original(s, e)
                return Span(a, b, kind)

        title_span = None
        if "title" in doc.spans and len(doc.spans["title"]):
            t = doc.spans["title"][0]
            title_span = span(t.start_char, t.end_char, "title")
            if title is None:
                title = original[title_span.start : title_span.end]
        paragraphs = []
        for p in doc.spans.get("paragraphs", ()):
            s = span(p.start_char, p.end_char, p.label_ or "paragraph")
            labels = p._
            paragraphs.append(Paragraph(s.start, s.end, s.kind, labels.sentiment, labels.theme))
        sentences = [span(s, e, "sentence") for s, e in span_offsets(doc, "sentences")]  # no Span per sentence
        boiler = [span(b.start_char, b.end_char, b.label_) for b in doc.spans.get("boilerplate", ())]

        def remap(rec):
            a, b = norm.to_original(rec.start, rec.end)
            text = original[a:b]
            if a == rec.start and b == rec.end and text == rec.text:
                return rec  # records are frozen: nothing to copy
            return replace(rec, start=a, end=b, text=text)

        if same_offsets:  # remap, with the offsets kept
            entities = [e if original[e.start : e.end] == e.text else remap(e) for e in ext.entities or ()]
            facts = [f if original[f.start : f.end] == f.text else remap(f) for f in ext.facts or ()]
        else:
            entities = [remap(e) for e in ext.entities or ()]
            facts = [remap(f) for f in ext.facts or ()]
        keywords = _original_keywords(doc, norm) if norm.script != "simplified" else list(ext.keywords or ())
        summary = ext.summary or {}
        extremes = {k: summary.get(k) for k in ("most_positive", "most_negative") if k in summary}
        summary_sents = [span(s, e, "sentence") for s, e in summary.get("sentences", ())]
        return cls(
            text=original,
            id=id,
            title=title,
            title_span=title_span,
            published=published,
            script=norm.script,
            paragraphs=paragraphs,
            sentences=sentences,
            entities=entities,
            facts=facts,
            sentiment=ext.sentiment,
            sentiment_extremes=extremes,
            themes=ext.themes,
            keywords=keywords,
            summary_sentences=summary_sents,
            boilerplate=boiler,
            stages=stages,
            meta=meta,
            doc=doc,
        )

    # ------------------------------------------------------------------ dict form
    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The schema ``nlp-news/1`` form of this analysis."""
        out: dict[str, Any] = {"schema": SCHEMA}
        if self.id is not None:
            out["id"] = self.id
        out["title"] = self.title
        out["title_span"] = _se(self.title_span) if self.title_span else None
        out["published"] = self.published.isoformat() if self.published else None
        out["script"] = self.script
        out["stages"] = list(self.stages)
        if include_text:
            out["text"] = self.text
        out["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        out["sentences"] = [{"start": s.start, "end": s.end} for s in self.sentences]
        out["entities"] = [e.to_dict() for e in self.entities]
        out["entity_summary"] = entity_summary(self.entities)
        out["facts"] = [f.to_dict() for f in self.facts]
        out["sentiment"] = self._sentiment_dict()
        out["themes"] = self._themes_dict()
        out["keywords"] = [{"word": w, "weight": s} for w, s in self.keywords]
        out["summary"] = {
            "text": "".join(self.text[s.start : s.end] for s in self.summary_sentences) or None,
            "sentences": [_se(s) for s in self.summary_sentences],
        }
        out["boilerplate"] = [
            {"start": b.start, "end": b.end, "kind": b.kind, "text": self.text[b.start : b.end]}
            for b in self.boilerplate
        ]
        if self.meta:
            out["meta"] = dict(self.meta)
        return out

    def _sentiment_dict(self) -> dict[str, Any] | None:
        if self.sentiment is None:
            return None
        d = self.sentiment.to_dict()
        for key in ("most_positive", "most_negative"):
            i = self.sentiment_extremes.get(key)
            if i is not None and 0 <= i < len(self.paragraphs):
                p = self.paragraphs[i]
                d[key] = {"paragraph": i, "start": p.start, "end": p.end}
            else:
                d[key] = None
        return d

    def _themes_dict(self) -> dict[str, Any] | None:
        if self.themes is None:
            return None
        d = self.themes.to_dict()
        d["top"] = [[k, v] for k, v in sorted(self.themes.scores.items(), key=lambda kv: -kv[1])[:3]]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, analyzer: Analyzer | None = None) -> Analysis:
        """Rebuild an Analysis from :meth:`to_dict` output (which must include ``text``)."""
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not an {SCHEMA} record (schema={d.get('schema')!r})")
        if "text" not in d:
            raise ValueError("the record has no 'text'; write it with to_dict(include_text=True)")

        def lab(x: Mapping[str, Any] | None) -> Label | None:
            return Label(x["label"], dict(x["scores"]), x.get("source", "")) if x else None

        sent = d.get("sentiment")
        extremes = {}
        if sent:
            for key in ("most_positive", "most_negative"):
                extremes[key] = sent[key]["paragraph"] if sent.get(key) else None
        published = _dt.date.fromisoformat(d["published"]) if d.get("published") else None
        ts = d.get("title_span")
        return cls(
            text=d["text"],
            id=d.get("id"),
            title=d.get("title"),
            title_span=Span(ts["start"], ts["end"], "title") if ts else None,
            published=published,
            script=d.get("script", "simplified"),
            paragraphs=[
                Paragraph(p["start"], p["end"], p.get("kind", "paragraph"), lab(p.get("sentiment")), lab(p.get("theme")))
                for p in d.get("paragraphs", ())
            ],
            sentences=[Span(s["start"], s["end"], "sentence") for s in d.get("sentences", ())],
            entities=[Entity(**e) for e in d.get("entities", ())],
            facts=[Fact(**f) for f in d.get("facts", ())],
            sentiment=lab(sent),
            sentiment_extremes=extremes,
            themes=lab(d.get("themes")),
            keywords=[(k["word"], k["weight"]) for k in d.get("keywords", ())],
            summary_sentences=[Span(s["start"], s["end"], "sentence") for s in d.get("summary", {}).get("sentences", ())],
            boilerplate=[Span(b["start"], b["end"], b["kind"]) for b in d.get("boilerplate", ())],
            stages=d.get("stages", ()),
            meta=d.get("meta"),
            analyzer=analyzer,
        )


def _original_keywords(doc: Doc, norm: Normalized) -> list[tuple[str, float]]:
    """Keywords as the article writes them (Traditional articles are read in Simplified)."""
    first: dict[str, tuple[int, int]] = {}
    for t in doc:
        first.setdefault(t.text, (t.idx, t.idx + len(t.text)))
    # an entity keyword (its canonical name) as its first mention written that way: 寧德時代
    for e in doc._.entities or ():
        if e.text.replace(" ", "") == e.canonical.replace(" ", ""):
            first.setdefault(e.canonical, (e.start, e.end))
    out = []
    for word, weight in doc._.keywords or ():
        if word in first:
            a, b = norm.to_original(*first[word])
            word = norm.original[a:b]
        out.append((word, weight))
    return out


def _se(s: Span) -> dict[str, int]:
    return {"start": s.start, "end": s.end}
