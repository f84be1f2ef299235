"""The ``news_labels`` spaCy stage: sentiment and theme per paragraph and for the article.

For every span of ``doc.spans["paragraphs"]`` (or the whole text when there are
none) it sets ``span._.sentiment`` and ``span._.theme``; on the Doc it sets
``doc._.sentiment`` (paragraph sentiments weighted by paragraph length),
``doc._.themes`` (the article head of the theme model over title and
paragraphs) and ``doc._.summary``.

All paragraphs of a Doc are scored in one batch. The features come from the
Doc's own jieba tokens, so the text is not segmented a second time; the
article's theme reuses the paragraph sums (the features of a text are the
sum of the features of its parts).
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from nlp_news import extensions  # noqa: F401  (registers the attributes)
from nlp_news.labels.models import SentimentModel, ThemeModel
from nlp_news.schema import Label

TOP_THEMES = 3


@Language.factory("news_labels", default_config={"sentiment_model": "sentiment", "theme_model": "theme"})
def make_news_labels(nlp: Language, name: str, sentiment_model: str, theme_model: str) -> NewsLabels:
    return NewsLabels(SentimentModel.load(sentiment_model), ThemeModel.load(theme_model), name=name)


class NewsLabels:
    """Callable pipeline stage; see the module docstring."""

    def __init__(self, sentiment: SentimentModel, theme: ThemeModel, *, name: str = "news_labels") -> None:
        self.name = name
        self.sentiment = sentiment
        self.theme = theme
        self._shared = sentiment.featurizer.to_meta() == theme.featurizer.to_meta()

    def __call__(self, doc: Doc) -> Doc:
        paras = list(doc.spans["paragraphs"]) if "paragraphs" in doc.spans else []
        titles = list(doc.spans["title"]) if "title" in doc.spans else []
        whole = not paras
        bounds = [(0, len(doc.text))] if whole else [(s.start_char, s.end_char) for s in paras]
        title_bounds = [(s.start_char, s.end_char) for s in titles]
        pieces = bounds + title_bounds
        texts = [doc.text[a:b] for a, b in pieces]
        tokens = _token_bounds(doc, pieces)
        n = len(pieces)

        sfx = self.sentiment.featurizer
        blocks, counts = sfx.blocks(texts, tokens=tokens)
        s_sums = self.sentiment.sums(blocks, n)
        if not self._shared:
            blocks, counts = self.theme.featurizer.blocks(texts, tokens=tokens)
        t_sums = self.theme.sums(blocks, n, head="paragraph")
        a_sums = self.theme.sums(blocks, n, head="article")

        k = len(bounds)
        s_p = self.sentiment.proba_from_logits(self.sentiment.logits_from_sums(s_sums[:k], counts[:k]))
        t_p = self.theme.proba_from_logits(self.theme.logits_from_sums(t_sums[:k], counts[:k], "paragraph"), "paragraph")
        s_src, t_src = self.sentiment.source, self.theme.source
        s_labels = [_label(self.sentiment.classes_, row, s_src) for row in s_p]
        if not whole:
            for span, sl, tp in zip(paras, s_labels, t_p):
                span._.sentiment = sl
                span._.theme = _label(self.theme.classes_, tp, t_src)

        lengths = np.array([max(b - a, 1) for a, b in bounds], dtype=np.float64)
        doc_sent = article_sentiment(s_p, lengths)
        doc._.sentiment = _label(self.sentiment.classes_, doc_sent, s_src)
        art = self.theme.logits_from_sums(a_sums.sum(axis=0, keepdims=True), counts.sum(keepdims=True), "article")
        theme_p = self.theme.proba_from_logits(art, "article")[0]
        doc._.themes = _label(self.theme.classes_, theme_p, t_src)

        summary = dict(doc._.summary or {})
        most_pos, most_neg = extremes(s_p, self.sentiment.classes_)
        order = np.argsort(-theme_p)[:TOP_THEMES]
        summary.update({
            "sentiment": doc._.sentiment.label,
            "most_positive": most_pos,
            "most_negative": most_neg,
            "themes": [(self.theme.classes_[i], float(theme_p[i])) for i in order],
        })
        doc._.summary = summary
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _token_bounds(doc: Doc, pieces: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Token offsets of the Doc, re-based into ``"\\x00".join(pieces)``; tokens
    that cross a piece's edge are dropped."""
    from spacy.attrs import IDX, LENGTH

    arr = doc.to_array([IDX, LENGTH]).astype(np.int64)
    ts, te = arr[:, 0], arr[:, 0] + arr[:, 1]
    out_s, out_e = [], []
    offset = 0
    for a, b in pieces:
        lo, hi = np.searchsorted(ts, a), np.searchsorted(ts, b)
        s, e = ts[lo:hi], te[lo:hi]
        keep = e <= b
        out_s.append(s[keep] - a + offset)
        out_e.append(e[keep] - a + offset)
        offset += (b - a) + 1
    return np.concatenate(out_s), np.concatenate(out_e)


def _label(classes, probs: np.ndarray, source: str) -> Label:
    p = np.asarray(probs, dtype=np.float64)
    p = p / p.sum()
    scores = {c: float(v) for c, v in zip(classes, p)}
    return Label(classes[int(p.argmax())], scores, source)


def article_sentiment(probs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Length-weighted mean of paragraph probabilities; sums to 1.

    >>> article_sentiment(np.array([[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]), np.array([3.0, 1.0])).round(3).tolist()
    [0.625, 0.1, 0.275]
    """
    w = lengths / lengths.sum()
    out = (probs * w[:, None]).sum(axis=0)
    return out / out.sum()


def extremes(probs: np.ndarray, classes) -> tuple[int | None, int | None]:
    """Index of the most positive and of the most negative paragraph, or None when
    no paragraph leans that way (its class is not the predicted one).

    >>> extremes(np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.7, 0.1]]), ("positive", "neutral", "negative"))
    (0, 1)
    >>> extremes(np.array([[0.1, 0.8, 0.1]]), ("positive", "neutral", "negative"))
    (None, None)
    """
    pos, neg = list(classes).index("positive"), list(classes).index("negative")
    pred = probs.argmax(axis=1)
    out = []
    for c in (pos, neg):
        cand = np.flatnonzero(pred == c)
        out.append(int(cand[np.argmax(probs[cand, c])]) if len(cand) else None)
    return out[0], out[1]
