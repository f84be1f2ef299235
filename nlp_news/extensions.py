"""Every spaCy extension attribute nlp-news sets, registered in one place.

The pipeline's Doc is built on the *normalised* text (half-width digits and
punctuation, plain spaces, simplified script). Offsets held by the records on
the Doc are into ``doc.text``; :class:`nlp_news.analysis.Analysis` maps them back
to the text the user gave.

Doc structure, set by the ``news_structure`` stage, uses spaCy span groups:

- ``doc.spans["title"]``: zero or one span, the title line;
- ``doc.spans["paragraphs"]``: the body paragraphs, in order (boilerplate excluded);
- ``doc.spans["sentences"]``: sentences of title and paragraphs, in order;
- ``doc.spans["boilerplate"]``: dropped site chrome; its label says which rule.

Extension attributes:

==========================  =====================================================
``doc._.title``             ``str`` or None: the title (given by the caller, or the title line)
``doc._.published``         ``datetime.date`` or None: the article's date
``doc._.script``            ``"simplified"`` or ``"traditional"``
``doc._.entities``          ``list[Entity]`` (news_entities), sorted by start
``doc._.facts``             ``list[Fact]`` (news_facts), sorted by start
``doc._.sentiment``         ``Label`` for the article, or None (news_labels)
``doc._.themes``            ``Label`` for the article, or None (news_labels)
``doc._.summary``           ``dict`` article summary (news_labels / news_keywords)
``doc._.keywords``          ``list[tuple[str, float]]`` (news_keywords)
``span._.sentiment``        ``Label`` on a paragraph span (news_labels)
``span._.theme``            ``Label`` on a paragraph span (news_labels)
==========================  =====================================================
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

_DOC_ATTRS = {
    "title": None,
    "published": None,
    "script": "simplified",
    "entities": None,
    "facts": None,
    "sentiment": None,
    "themes": None,
    "summary": None,
    "keywords": None,
    "stage_times": None,
}
_SPAN_ATTRS = {"sentiment": None, "theme": None}


#: ``doc.user_data`` key where the tokenizer keeps the Doc's text: spaCy rebuilds
#: ``doc.text`` from the tokens on every read, which is slow on a hot path.
TEXT_KEY = "nlp_news.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, without rebuilding it from the tokens."""
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


#: ``doc.user_data`` key where the tokenizer keeps the segmenter's own words of the text,
#: ``(Segmenter.signature, words)``: before the split that makes the tokens agree with
#: jieba, so the entity tagger featurises them without cutting the text again.
WORDS_KEY = "nlp_news.words"


def segmenter_words(doc: Doc, signature: tuple) -> list[str] | None:
    """The words the tokenizer cut ``doc``'s text into, if a segmenter with ``signature`` cut them."""
    got = doc.user_data.get(WORDS_KEY)
    if isinstance(got, tuple) and len(got) == 2 and got[0] == signature:
        return got[1]
    return None


#: ``doc.user_data`` key where ``news_structure`` keeps the character offsets of its span groups
#: (``{group: [(start_char, end_char), ...]}``): reading them from ``doc.spans`` makes a spaCy
#: Span object per span, which costs more than the stages that read them need to spend.
SPAN_OFFSETS_KEY = "nlp_news.span_offsets"


def span_offsets(doc: Doc, group: str) -> list[tuple[int, int]]:
    """``[(s.start_char, s.end_char) for s in doc.spans[group]]`` (``[]`` without the group).

    Read from :data:`SPAN_OFFSETS_KEY` when ``news_structure`` left them there and the group
    still has as many spans; else from the span group itself.
    """
    if group not in doc.spans:
        return []
    spans = doc.spans[group]
    offsets = doc.user_data.get(SPAN_OFFSETS_KEY)
    if offsets is not None:
        offs = offsets.get(group) if isinstance(offsets, dict) else None
        if isinstance(offs, list) and len(offs) == len(spans) and (not offs or isinstance(offs[0], tuple)):
            return list(offs)
    return [(s.start_char, s.end_char) for s in spans]


#: ``doc.user_data`` key where ``news_structure`` keeps its tokens' character bounds,
#: ``(len(doc), len(text), starts, ends)``: each token's start and the end of its text before
#: its trailing space (int64 arrays). The entity stage puts its entities on tokens with them
#: instead of reading the tokens' offsets again (``doc.to_array``: 44 M of the stage's 1,608 M
#: instructions over 200 articles of cnews-800).
TOKEN_BOUNDS_KEY = "nlp_news.token_bounds"


def stored_token_bounds(doc: Doc, length: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The tokens' ``(starts, ends)`` left by ``news_structure`` (see :data:`TOKEN_BOUNDS_KEY`),
    or None when there are none or they do not fit the Doc (its token count or its text's
    ``length`` differ: the stage did not run on this tokenisation)."""
    got = doc.user_data.get(TOKEN_BOUNDS_KEY)
    if isinstance(got, tuple) and len(got) == 4 and got[0] == len(doc) and got[1] == length:
        return got[2], got[3]
    return None


def tokens_touched(idx: np.ndarray, tok_end: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For character spans ``[starts, ends)``: the first token each touches and the token after
    the last, as ``doc.char_span(..., alignment_mode="expand")`` would give, for all at once.

    ``idx`` is each token's start (``doc.to_array(IDX)``), ``tok_end`` the end of its text
    before its trailing space; a span that starts in a token's trailing space starts at the
    next token.

    >>> idx, end = np.array([0, 3, 6]), np.array([2, 5, 8])   # "ab cd ef"
    >>> [a.tolist() for a in tokens_touched(idx, end, np.array([1, 2, 4]), np.array([4, 4, 8]))]
    [[0, 1, 1], [2, 2, 3]]
    """
    first = np.searchsorted(idx, starts, side="right") - 1
    first = first + ((first >= 0) & (starts == tok_end[np.maximum(first, 0)]))
    return first, np.searchsorted(idx, ends)


def register() -> None:
    """Register the attributes; safe to call more than once."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
