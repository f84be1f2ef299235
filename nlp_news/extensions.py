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


def register() -> None:
    """Register the attributes; safe to call more than once."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
