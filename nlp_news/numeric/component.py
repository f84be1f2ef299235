"""The ``news_facts`` stage: numeric facts of the title and paragraphs, linked to metric, subject, period."""

from __future__ import annotations

import re
from itertools import pairwise
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp_news.extensions import doc_text, span_offsets
from nlp_news.tokenizer import Segmenter

from .extract import default_segmenter, extract_rows_in
from .linking import _UNLINKED, link_facts, new_fact, split_spans

_SENT_END = re.compile(r"[。！？!?；;]")


@Language.factory("news_facts", default_config={"model": "facts", "amounts": "amounts"})
def make_facts(nlp: Language, name: str, model: str | None, amounts: str | None) -> FactsStage:
    # the pipeline tokenizer's segmenter cuts the noun after 个: no second dictionary in memory
    return FactsStage(model=model, amounts=amounts, segmenter=getattr(nlp.tokenizer, "segmenter", None))


class FactsStage:
    """Runs :func:`extract_facts` per title/paragraph span and :func:`link_facts` on the whole Doc.

    ``model`` names the fact/non-fact classifier under ``models/`` and ``amounts`` the money-or-not
    classifier of bare amounts (:class:`~nlp_news.numeric.classifier.AmountClassifier`); ``None`` or a
    missing model: the rules alone decide. Sets ``doc._.facts`` (sorted, offsets into ``doc.text``).
    """

    def __init__(self, *, model: str | None = "facts", amounts: str | None = "amounts", segmenter: Segmenter | None = None) -> None:
        self.model_name = model
        # the segmenter for the noun after 个 and the words before a verb, loaded with the pipeline, not by the first article that needs it
        self.segmenter = segmenter if isinstance(segmenter, Segmenter) else default_segmenter()
        self.classifier: Any = None
        if model:
            from .classifier import FactClassifier

            self.classifier = FactClassifier.load_or_none(model)
        self.amounts: Any = None
        if amounts:
            from .classifier import AmountClassifier

            self.amounts = AmountClassifier.load_or_none(amounts)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = span_offsets(doc, "title") + span_offsets(doc, "paragraphs")
        spans = _joined(sorted(set(spans))) if spans else [(0, len(text))]
        # FactRow tuples until link_facts makes the one Fact of each
        rows = extract_rows_in(text, spans, published=doc._.published, segmenter=self.segmenter)
        if rows and self.classifier is not None:
            rows = self.classifier.filter(text, rows)
        if rows and self.amounts is not None:
            rows = self.amounts.relabel(text, rows)  # before linking, which reads money as money
        if any(f.kind not in _UNLINKED for f in rows):
            sentences = span_offsets(doc, "sentences") or split_spans(text, _SENT_END)
            facts = link_facts(text, rows, entities=doc._.entities or [], sentences=sentences, segmenter=self.segmenter)
        else:
            facts = [new_fact(*r) for r in rows]
        if any(a[1] > b[0] for a, b in pairwise(spans)):
            facts.sort(key=_order)  # overlapping spans; from disjoint ones the scanner's facts come in order
        doc._.facts = facts
        return doc


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the ones that touch joined: the passages of a one-line article are
    cut at sentence ends, where no fact can cross, and one scan of the line costs less.

    >>> _joined([(0, 5), (5, 9), (10, 12)])
    [(0, 9), (10, 12)]
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_order = attrgetter("start", "end")

