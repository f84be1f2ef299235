"""The ``news_structure`` stage: title, paragraphs, sentences and boilerplate as span groups."""

from __future__ import annotations

import numpy as np
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp_news.extensions import SPAN_OFFSETS_KEY, TOKEN_BOUNDS_KEY, doc_text
from nlp_news.text.structure import structure

#: The span groups the stage sets, in order.
GROUPS = ("title", "paragraphs", "sentences", "boilerplate")


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
        ext = doc._
        st = structure(text, title=ext.title, detect_title=self.detect_title)
        groups = ([st.title] if st.title else [], st.paragraphs, st.sentences, st.boilerplate)
        parts = [p for group in groups for p in group]
        first = last = start_char = end_char = labels = []
        if parts:
            maker = _SpanMaker(doc)
            first, last, start_char, end_char = (
                a.tolist() for a in maker.align([p.start for p in parts], [p.end for p in parts])
            )
            # the tokens' bounds, for the entity stage (extensions.stored_token_bounds)
            doc.user_data[TOKEN_BOUNDS_KEY] = (len(doc), len(text), maker.starts, maker.ends)
            strings = doc.vocab.strings
            label = {kind: strings.add(kind) for kind in {p.kind for p in parts}}
            labels = [label[p.kind] for p in parts]
        offsets: dict[str, list[tuple[int, int]]] = {}
        a = 0
        for name, group in zip(GROUPS, groups):
            b = a + len(group)
            doc.spans[name] = [Span(doc, f, e, label=lab) for f, e, lab in zip(first[a:b], last[a:b], labels[a:b])]
            offsets[name] = list(zip(start_char[a:b], end_char[a:b]))
            a = b
        doc.user_data[SPAN_OFFSETS_KEY] = offsets  # the spans' start_char/end_char, for span_offsets()
        if ext.title is None and st.title is not None:
            ext.title = text[st.title.start : st.title.end]
        return doc


class _SpanMaker:
    """Character spans to token spans, widened to whole tokens.

    The same result as ``doc.char_span(start, end, alignment_mode="expand")``,
    for all of a document's spans in one search of the tokens' offsets
    (char_span walks the tokens for every span, which made it most of this stage's time).
    """

    def __init__(self, doc: Doc) -> None:
        # a token ends where the next one starts, less its trailing space: the tokens' own
        # fields, not their lexemes' lengths, which cost a memory fetch per token
        arr = doc.to_array([IDX, SPACY]).astype(np.int64) if len(doc) else np.zeros((0, 2), dtype=np.int64)
        self.starts = arr[:, 0]
        self.ends = np.empty_like(self.starts)
        self.ends[:-1] = self.starts[1:] - arr[:-1, 1]
        if len(doc):
            self.ends[-1] = self.starts[-1] + len(doc[-1])

    def align(self, starts, ends) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For character spans ``[starts[i], ends[i])``: the token spans ``[first, last)`` and
        their character offsets ``(start_char, end_char)``."""
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        if not len(self.starts) or (ends <= starts).any():  # pragma: no cover - structure() never makes empty spans
            raise ValueError("cannot align empty spans, or spans of a document without tokens, to tokens")
        first = np.minimum(np.searchsorted(self.ends, starts, side="right"), len(self.starts) - 1)
        last = np.maximum(np.searchsorted(self.starts, ends), first + 1)
        return first, last, self.starts[first], self.ends[last - 1]
