"""The ``news_labels`` spaCy stage: sentiment and theme per paragraph and for the article.

For every span of ``doc.spans["paragraphs"]`` (or the whole text when there are
none) it sets ``span._.sentiment`` and ``span._.theme``; on the Doc it sets
``doc._.sentiment`` (paragraph sentiments weighted by paragraph length),
``doc._.themes`` (the article head of the theme model over title and
paragraphs) and ``doc._.summary``. A paragraph's theme is the paragraph head's
with the article's themes as a prior (:func:`~nlp_news.labels.models.with_context`,
weighted by the theme model's ``context_weight``, tuned in training).

All paragraphs (and the title) of a batch of Docs are scored with one feature
pass and one gather of weight rows (``pipe``; ``__call__`` is a batch of one);
two passes when the two models hash texts differently (their featurizer settings
in meta.json differ, e.g. ``punct``).
The features come from the Doc's own jieba tokens, so the text is not segmented
a second time; the article's theme reuses the paragraph sums (the features of
a text are, up to n-grams across a paragraph break, the sum of the features of
its parts).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore
from spacy.util import minibatch

from nlp_news.extensions import doc_text, stored_token_bounds  # importing registers the attributes
from nlp_news.labels.models import SentimentModel, ThemeModel, block_sums, with_context
from nlp_news.schema import Label

TOP_THEMES = 3


@Language.factory("news_labels", default_config={"sentiment_model": "sentiment", "theme_model": "theme"})
def make_news_labels(nlp: Language, name: str, sentiment_model: str, theme_model: str) -> NewsLabels:
    return NewsLabels(SentimentModel.load(sentiment_model), ThemeModel.load(theme_model), name=name)


class NewsLabels:
    """Callable pipeline stage; see the module docstring.

    ``pipe`` scores a whole batch of Docs with one feature pass and one gather
    of the weight rows, which is where the stage gets its speed.
    """

    def __init__(self, sentiment: SentimentModel, theme: ThemeModel, *, name: str = "news_labels") -> None:
        self.name = name
        self.sentiment = sentiment
        self.theme = theme
        # one weight matrix: sentiment (news head) | theme paragraph head | theme article head, gathered
        # by one feature pass when both models hash texts alike; otherwise each model's own pass
        self._k = (len(sentiment.classes_), len(theme.classes_))
        heads = [sentiment.qweights[sentiment.default_head], theme.qweights["paragraph"], theme.qweights["article"]]
        self._shared = sentiment.featurizer.to_meta() == theme.featurizer.to_meta()
        groups = [heads] if self._shared else [heads[:1], heads[1:]]
        self._W = [(np.ascontiguousarray(np.hstack([q for q, _ in g])), np.concatenate([sc for _, sc in g])) for g in groups]
        self._context = (theme.context_weight, theme.context_temperature)  # weight 0: themes without the article

    def __call__(self, doc: Doc) -> Doc:
        self._label_batch([doc])
        return doc

    def pipe(self, docs, batch_size: int = 64):
        for batch in minibatch(docs, size=batch_size):
            self._label_batch(batch)
            yield from batch

    def _label_batch(self, docs: list[Doc]) -> None:
        texts: list[str] = []
        tok_starts: list[np.ndarray] = []  # per doc: its tokens' starts
        tok_ends: list[np.ndarray] = []  # per doc: its tokens' ends (before a trailing space)
        tok_shift: list[int] = []  # per doc: where its characters start in the batch's coordinates
        pieces: list[tuple[int, int]] = []  # every piece, in batch coordinates
        layout = []  # per doc: (paragraph spans, first piece, n paragraphs, n pieces, lengths)
        para_bounds = []  # per doc: (start_char, end_char) of each paragraph span
        goff = 0
        for doc in docs:
            paras = list(doc.spans["paragraphs"]) if "paragraphs" in doc.spans else []
            titles = list(doc.spans["title"]) if "title" in doc.spans else []
            text = doc_text(doc)
            bounds = [(s.start_char, s.end_char) for s in paras] or [(0, len(text))]
            doc_pieces = bounds + [(s.start_char, s.end_char) for s in titles]
            stored = stored_token_bounds(doc, len(text))  # news_structure's, when it ran: no second to_array
            if stored is None:
                arr = doc.to_array([IDX, LENGTH]).reshape(-1, 2).astype(np.int64)
                stored = arr[:, 0], arr[:, 0] + arr[:, 1]
            tok_starts.append(stored[0])
            tok_ends.append(stored[1])
            tok_shift.append(goff)
            layout.append((paras, len(texts), len(bounds), len(doc_pieces), [max(b - a, 1) for a, b in bounds]))
            para_bounds.append(bounds if paras else [])
            for a, b in doc_pieces:
                texts.append(text[a:b])
                pieces.append((a + goff, b + goff))
            goff += len(text) + 1  # docs never share a character, so no token crosses into another doc's pieces
        n_tok = np.fromiter((len(a) for a in tok_starts), dtype=np.int64, count=len(tok_starts))
        shift = np.repeat(np.array(tok_shift, dtype=np.int64), n_tok)
        ts = np.concatenate(tok_starts).astype(np.int64) + shift
        te = np.concatenate(tok_ends).astype(np.int64) + shift
        tokens = _token_bounds(ts, te, pieces)
        sm, tm = self.sentiment, self.theme
        ks, kt = self._k
        blocks, counts = sm.featurizer.blocks(texts, tokens=tokens)
        sums = block_sums(self._W[0], blocks, len(texts))
        s_sums, s_counts = sums[:, :ks], counts
        if self._shared:
            t_sums, t_counts = sums[:, ks:], counts
        else:
            blocks, t_counts = tm.featurizer.blocks(texts, tokens=tokens)
            t_sums = block_sums(self._W[1], blocks, len(texts))
        # every piece at once: paragraph sentiment and theme
        s_all = sm.proba_from_logits(sm.logits_from_sums(s_sums, s_counts))
        t_all = tm.proba_from_logits(tm.logits_from_sums(t_sums[:, :kt], t_counts, "paragraph"), "paragraph")
        # every article at once: the sums of its pieces (title included) through the article head
        firsts = np.array([lay[1] for lay in layout])
        a_sums = np.add.reduceat(t_sums[:, kt:], firsts, axis=0)
        a_counts = np.add.reduceat(t_counts, firsts)
        a_p = tm.proba_from_logits(tm.logits_from_sums(a_sums, a_counts, "article"), "article")
        s_src, t_src = sm.source, tm.source
        a_labels = _labels(tm.classes_, a_p, t_src)
        # plain extensions (no getter/setter) are written straight into user_data, under the key
        # spaCy's ``span._``/``doc._`` would use, without building an Underscore object per write
        direct = _plain(Underscore.span_extensions, ("sentiment", "theme")) and _plain(
            Underscore.doc_extensions, ("sentiment", "themes", "summary")
        )
        # every article's sentiment (length-weighted paragraph mean), extremes and top themes at once
        para_rows = np.concatenate([np.arange(first, first + k) for _, first, k, _, _ in layout])
        ks_doc = np.array([k for _, _, k, _, _ in layout])
        doc_first = np.concatenate([[0], np.cumsum(ks_doc)[:-1]])  # every article has >= 1 paragraph row
        s_p = s_all[para_rows]
        # Labels for the paragraphs only (the title's are not kept), paragraph j of article i at doc_first[i] + j
        s_labels = _labels(sm.classes_, s_p, s_src)
        t_p = t_all[para_rows]
        if self._context[0]:  # the article's themes (a_p, one row per doc) as a prior on its paragraphs'
            t_p = with_context(t_p, np.repeat(a_p, ks_doc, axis=0), *self._context)
        t_labels = _labels(tm.classes_, t_p, t_src)
        label_first = doc_first.tolist()
        a_s = _label_probs(article_sentiments(s_p, np.concatenate([lay[4] for lay in layout]), doc_first))
        doc_sentiments = _labels(sm.classes_, a_s, s_src)
        most = [batch_extremes(s_p, doc_first, sm.classes_.index(c)) for c in ("positive", "negative")]
        tops = np.argsort(-a_p, axis=1)[:, :TOP_THEMES].tolist()
        a_rows = a_p.tolist()
        for j, (doc, (paras, _, k, _, _)) in enumerate(zip(docs, layout)):
            doc_sentiment, theme_label = doc_sentiments[j], a_labels[j]
            first = label_first[j]
            if direct:
                ud = doc.user_data
                for (a, b), sl, tl in zip(para_bounds[j], s_labels[first : first + k], t_labels[first : first + k]):
                    ud[("._.", "sentiment", a, b)] = sl
                    ud[("._.", "theme", a, b)] = tl
                ud[_DOC_SENTIMENT] = doc_sentiment
                ud[_DOC_THEMES] = theme_label
                summary = dict(ud.get(_DOC_SUMMARY) or {})
            else:
                for span, sl, tl in zip(paras, s_labels[first : first + k], t_labels[first : first + k]):
                    span._.sentiment = sl
                    span._.theme = tl
                doc._.sentiment = doc_sentiment
                doc._.themes = theme_label
                summary = dict(doc._.summary or {})
            row = a_rows[j]
            summary.update(
                {
                    "sentiment": doc_sentiment.label,
                    "most_positive": most[0][j],
                    "most_negative": most[1][j],
                    "themes": [(tm.classes_[i], row[i]) for i in tops[j]],
                }
            )
            if direct:
                ud[_DOC_SUMMARY] = summary
            else:
                doc._.summary = summary


_DOC_SENTIMENT = ("._.", "sentiment", None, None)
_DOC_THEMES = ("._.", "themes", None, None)
_DOC_SUMMARY = ("._.", "summary", None, None)


def _plain(extensions: dict, names: tuple[str, ...]) -> bool:
    """Whether every one of ``names`` is a plain extension (immutable default, no getter,
    setter or method), whose value spaCy keeps in ``doc.user_data`` under ``("._.", name, start, end)``."""
    for name in names:
        ext = extensions.get(name)
        if ext is None:
            return False
        default, method, getter, setter = ext
        if (method, getter, setter) != (None, None, None) or isinstance(default, Underscore.mutable_types):
            return False
    return True


def _token_bounds(ts: np.ndarray, te: np.ndarray, pieces: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Token offsets ``[ts, te)`` re-based into ``"\\x00".join`` of the ``pieces`` (all in
    one coordinate system); tokens outside every piece or crossing a piece's edge are
    dropped (pieces must not overlap).

    >>> s, e = _token_bounds(np.array([0, 2, 5, 9]), np.array([2, 5, 9, 10]), [(5, 10), (0, 4)])
    >>> s.tolist(), e.tolist()
    ([6, 0, 4], [8, 4, 5])
    """
    p = np.array(pieces, dtype=np.int64).reshape(-1, 2)
    order = np.argsort(p[:, 0], kind="stable")
    ps, pe = p[order, 0], p[order, 1]
    lens = p[:, 1] - p[:, 0]
    base = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])[order]  # where each piece starts in the joined text
    pid = np.searchsorted(ps, ts, side="right") - 1
    pid_c = np.maximum(pid, 0)
    ok = (pid >= 0) & (ts >= ps[pid_c]) & (te <= pe[pid_c])
    shift = base[pid_c] - ps[pid_c]
    return (ts + shift)[ok], (te + shift)[ok]


def _labels(classes, probs: np.ndarray, source: str) -> list[Label]:
    """One Label per row of ``probs`` (rows already sum to 1)."""
    names = [classes[b] for b in probs.argmax(axis=1).tolist()]
    return list(map(Label, names, [dict(zip(classes, row)) for row in probs.tolist()], [source] * len(names)))


def article_sentiment(probs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Length-weighted mean of paragraph probabilities; sums to 1.

    >>> article_sentiment(np.array([[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]), np.array([3.0, 1.0])).round(3).tolist()
    [0.625, 0.1, 0.275]
    """
    return article_sentiments(probs, lengths, np.zeros(1, dtype=np.int64))[0]


def article_sentiments(probs: np.ndarray, lengths, firsts: np.ndarray) -> np.ndarray:
    """:func:`article_sentiment` of many articles at once: ``probs`` and ``lengths`` hold
    the paragraphs of every article in turn, article ``i`` starting at row ``firsts[i]``
    (every article has at least one paragraph).

    >>> p = np.array([[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3]])
    >>> article_sentiments(p, [3, 1, 5], np.array([0, 2])).round(3).tolist()
    [[0.625, 0.1, 0.275], [0.2, 0.5, 0.3]]
    """
    lengths = np.asarray(lengths, dtype=float)
    n = np.diff(np.append(firsts, len(lengths)))
    w = lengths / np.repeat(np.add.reduceat(lengths, firsts), n)
    weighted = probs * w[:, None]
    # paragraph by paragraph, in order: the same additions (and roundings) as ``.sum(axis=0)``
    out = np.zeros((len(firsts), probs.shape[1]))
    for j in range(int(n.max(initial=0))):
        live = n > j
        out[live] += weighted[firsts[live] + j]
    return out / out.sum(axis=1, keepdims=True)


def _label_probs(probs: np.ndarray) -> np.ndarray:
    """Rows renormalised to sum to 1 (the article sentiment's scores)."""
    p = np.asarray(probs, dtype=np.float64)
    return p / p.sum(axis=1, keepdims=True)


def extremes(probs: np.ndarray, classes) -> tuple[int | None, int | None]:
    """Index of the most positive and of the most negative paragraph, or None when
    no paragraph leans that way (its class is not the predicted one).

    >>> extremes(np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.7, 0.1]]), ("positive", "neutral", "negative"))
    (0, 1)
    >>> extremes(np.array([[0.1, 0.8, 0.1]]), ("positive", "neutral", "negative"))
    (None, None)
    """
    one = np.zeros(1, dtype=np.int64)
    pos, neg = (batch_extremes(probs, one, list(classes).index(c))[0] for c in ("positive", "negative"))
    return pos, neg


def batch_extremes(probs: np.ndarray, firsts: np.ndarray, c: int) -> list[int | None]:
    """Per article (rows from ``firsts[i]``, as in :func:`article_sentiments`): the index,
    within the article, of its paragraph predicted as class ``c`` with the highest
    probability of ``c`` (the first on ties), or None; :func:`extremes` for many articles.

    >>> p = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.6, 0.3, 0.1]])
    >>> batch_extremes(p, np.array([0, 3]), 0), batch_extremes(p, np.array([0, 3]), 2)
    ([0, 1], [1, None])
    """
    n = np.diff(np.append(firsts, len(probs)))
    doc = np.repeat(np.arange(len(firsts)), n)
    hit = probs.argmax(axis=1) == c
    key = np.where(hit, probs[:, c], -1.0)  # probabilities are >= 0
    best = np.maximum.reduceat(key, firsts)
    rows = np.flatnonzero(hit & (key == best[doc]))
    docs_hit, first_hit = np.unique(doc[rows], return_index=True)
    out: list[int | None] = [None] * len(firsts)
    for d, r in zip(docs_hit.tolist(), (rows[first_hit] - firsts[docs_hit]).tolist()):
        out[d] = r
    return out
