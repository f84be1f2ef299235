"""The ``news_structure`` stage: title, paragraphs, sentences and boilerplate as span groups."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp_news.extensions import doc_text
from nlp_news.text.structure import structure


@Language.factory("news_structure", default_config={"detect_title": True})
def make_structure(nlp: Language, name: str, detect_title: bool) -> StructureStage:
    return StructureStage(detect_title=detect_title)


class StructureStage:
    """Runs :func:`nlp_news.text.structure.structure` and stores the result on the Doc.

    Span groups: ``title``, ``paragraphs`` (label ``paragraph`` or ``heading``),
    ``sentences`` and ``boilerplate`` (label: the rule that dropped it).
    ``doc._.title`` is the given title, else the detected title line.
    """

    def __init__(self, *, detect_title: bool = True) -> None:
        self.detect_title = detect_title

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        st = structure(text, title=doc._.title, detect_title=self.detect_title)
        doc.spans["title"] = [_span(doc, st.title)] if st.title else []
        doc.spans["paragraphs"] = [_span(doc, p) for p in st.paragraphs]
        doc.spans["sentences"] = [_span(doc, s) for s in st.sentences]
        doc.spans["boilerplate"] = [_span(doc, b) for b in st.boilerplate]
        if doc._.title is None and st.title is not None:
            doc._.title = text[st.title.start : st.title.end]
        return doc


def _span(doc: Doc, s) -> Span:
    span = doc.char_span(s.start, s.end, label=s.kind, alignment_mode="expand")
    if span is None:  # pragma: no cover - expand always finds tokens for non-empty text
        raise ValueError(f"cannot align span {s} to tokens")
    return span
