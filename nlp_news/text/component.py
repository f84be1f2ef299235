"""The ``news_structure`` stage: title, paragraphs, sentences and boilerplate as span groups."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp_news.extensions import SPAN_OFFSETS_KEY, doc_text
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
        to_span = _SpanMaker(doc)
        groups = {
            "title": [st.title] if st.title else [],
            "paragraphs": st.paragraphs,
            "sentences": st.sentences,
            "boilerplate": st.boilerplate,
        }
        offsets: dict[str, list[tuple[int, int]]] = {}
        for name, parts in groups.items():
            chars: list[tuple[int, int]] = []
            doc.spans[name] = [to_span(p, chars) for p in parts]
            offsets[name] = chars
        doc.user_data[SPAN_OFFSETS_KEY] = offsets  # the spans' start_char/end_char, for span_offsets()
        if doc._.title is None and st.title is not None:
            doc._.title = text[st.title.start : st.title.end]
        return doc


class _SpanMaker:
    """Character spans to token spans, widened to whole tokens.

    The same result as ``doc.char_span(start, end, alignment_mode="expand")``,
    found by bisecting the tokens' start offsets once per document (char_span
    walks the tokens for every span, which made it most of this stage's time).
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array([IDX, LENGTH]).astype(np.int64) if len(doc) else np.zeros((0, 2), dtype=np.int64)
        self.starts = arr[:, 0].tolist()
        self.ends = (arr[:, 0] + arr[:, 1]).tolist()  # a token's trailing space is not part of it

    def __call__(self, s, chars: list[tuple[int, int]] | None = None) -> Span:
        """The token span of ``s``; its character offsets (start_char, end_char) go to ``chars``."""
        if not len(self.starts) or s.end <= s.start:  # pragma: no cover - structure() never makes empty spans
            raise ValueError(f"cannot align span {s} to tokens")
        first = min(bisect_right(self.ends, s.start), len(self.starts) - 1)
        last = max(bisect_left(self.starts, s.end), first + 1)
        if chars is not None:
            chars.append((self.starts[first], self.ends[last - 1]))
        return Span(self.doc, first, last, label=s.kind)
