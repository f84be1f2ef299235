"""The ``news_facts`` stage: numeric facts of the title and paragraphs, linked to metric, subject, period."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp_news.extensions import doc_text

from .extract import extract_facts
from .linking import link_facts, split_spans

_SENT_END = re.compile(r"[。！？!?；;]")


@Language.factory("news_facts", default_config={"model": "facts"})
def make_facts(nlp: Language, name: str, model: str | None) -> FactsStage:
    return FactsStage(model=model)


class FactsStage:
    """Runs :func:`extract_facts` per title/paragraph span and :func:`link_facts` on the whole Doc.

    ``model`` names the fact/non-fact classifier under ``models/`` (``None`` or a missing
    model: rules alone). Sets ``doc._.facts`` (sorted, offsets into ``doc.text``).
    """

    def __init__(self, *, model: str | None = "facts") -> None:
        self.model_name = model
        self.classifier: Any = None
        if model:
            from .classifier import FactClassifier

            self.classifier = FactClassifier.load_or_none(model)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        published = doc._.published
        spans = _spans(doc, "title") + _spans(doc, "paragraphs")
        if not spans:
            spans = [(0, len(text))]
        facts = []
        for start, end in sorted(set(spans)):
            for f in extract_facts(text[start:end], published=published):
                facts.append(f.shifted(start) if start else f)
        if self.classifier is not None:
            facts = self.classifier.filter(text, facts)
        sentences = _spans(doc, "sentences") or split_spans(text, _SENT_END)
        facts = link_facts(text, facts, entities=doc._.entities or [], sentences=sentences)
        doc._.facts = sorted(facts, key=lambda f: (f.start, f.end))
        return doc


def _spans(doc: Doc, group: str) -> list[tuple[int, int]]:
    if group not in doc.spans:
        return []
    return [(s.start_char, s.end_char) for s in doc.spans[group]]
