"""spaCy stage ``news_entities``: adapts :class:`EntityRecognizer` to the Doc.

It reads the title and paragraph spans set by ``news_structure`` (or the whole
``doc.text`` when there are none), recognises entities in each, merges aliases
over the whole article and sets

- ``doc._.entities``: ``list[Entity]`` sorted by start, offsets into ``doc.text``;
- ``doc.ents``: the same entities as token spans where they align
  (``alignment_mode="expand"``; an entity whose expanded span would overlap an
  earlier one is left out of ``doc.ents`` only).

``pipe`` recognises a whole batch of documents in one pass of the tagger.
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import numpy as np
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..extensions import (  # importing registers doc._.entities
    doc_text,
    segmenter_words,
    span_offsets,
    stored_token_bounds,
    tokens_touched,
)
from ..schema import Entity
from .aliases import merge_aliases
from .features import _word_spans, codepoints
from .recognizer import EntityRecognizer


@Language.factory("news_entities", default_config={"model": "ner", "user_dict": None})
def make_news_entities(nlp: Language, name: str, model: str, user_dict: str | None) -> NewsEntities:
    # Share the pipeline tokenizer's segmenter when it has the same user words.
    segmenter = getattr(nlp.tokenizer, "segmenter", None)
    return NewsEntities(EntityRecognizer(model, user_dict, segmenter=segmenter))


class NewsEntities:
    """Sets ``doc._.entities`` and ``doc.ents``."""

    def __init__(self, recognizer: EntityRecognizer, batch_size: int = 256) -> None:
        self.recognizer = recognizer
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            with collector_paused():
                done = self._process(batch)
            yield from done

    def _process(self, docs: list[Doc]) -> list[Doc]:
        pieces: list[tuple[int, int]] = []  # (doc index, offset)
        texts: list[str] = []
        words: list[list[str] | None] = []
        full = [doc_text(doc) for doc in docs]  # Doc.text joins the tokens on every access
        signature = self.recognizer.model.segmenter.signature
        cuts: list[list[str] | None] = []
        for i, doc in enumerate(docs):
            cut = segmenter_words(doc, signature)
            cuts.append(cut)
            spans = regions(doc, len(full[i]))
            for s, e in spans:
                pieces.append((i, s))
                texts.append(full[i][s:e])
            words.extend(regions_words(cut, full[i], spans) if cut is not None else [None] * len(spans))
        found = self.recognizer.recognize_many(
            texts, merge=False, offsets=[off for _, off in pieces], words=words
        )
        per_doc: list[list[Entity]] = [[] for _ in docs]
        for (i, _), ents in zip(pieces, found):
            per_doc[i].extend(ents)
        known = self.recognizer.known
        merged = [
            merge_aliases(self.recognizer.repeated(ents, text, cut), text, known=known)
            for text, ents, cut in zip(full, per_doc, cuts)
        ]
        for doc, ents in zip(docs, merged):
            doc._.entities = ents  # sorted by (start, end), as merge_aliases gives them
        set_docs_ents(docs, merged, [len(text) for text in full])
        return docs


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one batch, then restore it as it was.

    A batch makes tens of thousands of tuples and lists (candidates, their sort keys, entities)
    that live until it ends, and every few hundred allocations the collector went over the young
    ones again. On one pass over cnews-800 as benchmarks/throughput.py runs the pipeline (batches
    of 64), the collections inside the stage took 0.06-0.16 s, 0.02-0.08 s with this pause; the
    whole pipeline makes 132 young collections instead of 198 and the same two full ones (which
    land in other stages either way). The stage makes no reference cycles; whatever garbage a
    batch leaves is found by the next collection after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def regions(doc: Doc, length: int | None = None) -> list[tuple[int, int]]:
    """Character regions to read: title and paragraphs, or the whole text."""
    out = span_offsets(doc, "title") + span_offsets(doc, "paragraphs")  # no spaCy Span per paragraph
    if not out:
        n = len(doc.text) if length is None else length
        return [(0, n)] if n else []
    return sorted(set(out))


def words_between(words: list[str], ends: list[int], text: str, start: int, end: int) -> list[str] | None:
    r"""The words of ``text[start:end]`` taken from the segmentation ``words`` of ``text``
    (``ends``: each word's end offset), or None where cutting the slice alone could differ.

    The segmenter cuts each run of its word characters on its own, so the slice's own
    words are the text's words inside it when neither end of the slice is inside such a
    run (nor inside a ``\r\n``).

    >>> text = "智谱上市。\n\nMiniMax也是\n"
    >>> words = ["智谱", "上市", "。", "\n", "\n", "MiniMax", "也", "是", "\n"]
    >>> from itertools import accumulate
    >>> ends = list(accumulate(map(len, words)))
    >>> words_between(words, ends, text, 7, 16), words_between(words, ends, text, 0, 2)
    (['MiniMax', '也', '是'], None)
    >>> words_between(words, ends, text, 0, 5)
    ['智谱', '上市', '。']
    """
    if not (_cut_free(text, start) and _cut_free(text, end)):
        return None
    a = bisect_left(ends, start)  # the word ending at start; the slice's first is the next one
    if start:
        if a == len(ends) or ends[a] != start:
            return None
        a += 1
    b = bisect_left(ends, end)  # the word ending at end
    if end > start and (b == len(ends) or ends[b] != end):
        return None
    return words[a : b + 1] if end > start else []


def regions_words(words: list[str], text: str, spans: list[tuple[int, int]]) -> list[list[str] | None]:
    r"""``[words_between(words, ends, text, s, e) for s, e in spans]``, with ``ends`` (each word's
    end offset) found by the entity kernel's word pass (numpy without it) and looked up for all
    spans in one search: a running sum over every word of the article in Python (``accumulate``)
    was 2% of the entity stage's instructions (with ``np.fromiter(map(len, words))`` as many).

    >>> text = "智谱上市。\n\nMiniMax也是\n"
    >>> regions_words(["智谱", "上市", "。", "\n", "\n", "MiniMax", "也", "是", "\n"], text, [(0, 5), (7, 16), (0, 2)])
    [['智谱', '上市', '。'], ['MiniMax', '也', '是'], None]
    """
    if not spans:
        return []
    try:  # each word's end: in the entity kernel, one pass over the list (see features._word_spans)
        ends = _word_spans(text, codepoints(text), words)[1]
    except ValueError:  # the words are not a cut of this text: none are taken
        return [None] * len(spans)
    at = np.array(spans, dtype=np.int64).ravel()  # start, end, start, end ...
    k = np.searchsorted(ends, at)  # bisect_left
    exact = ends[np.minimum(k, len(ends) - 1)] == at if len(ends) else np.zeros(len(at), dtype=bool)
    exact &= k < len(ends)
    k_l, exact_l = k.tolist(), exact.tolist()
    out: list[list[str] | None] = []
    for r, (start, end) in enumerate(spans):
        if not (_cut_free(text, start) and _cut_free(text, end)):
            out.append(None)
            continue
        a, b = k_l[2 * r], k_l[2 * r + 1]
        if start:
            if not exact_l[2 * r]:  # the word before the slice must end at its start
                out.append(None)
                continue
            a += 1
        if end > start and not exact_l[2 * r + 1]:
            out.append(None)
            continue
        out.append(words[a : b + 1] if end > start else [])
    return out


def _cut_free(text: str, i: int) -> bool:
    """Does the segmenter cut ``text`` at ``i`` whatever the characters on either side?

    It cuts runs of its word characters (letters, digits and ``+#&._%-``, a subset of
    :func:`_word_char`) one by one, and everything else a character at a time (``\r\n`` whole).
    """
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    return (not _word_char(before) or not _word_char(after)) and not (before == "\r" and after == "\n")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "+#&._%-"


def _token_columns(doc: Doc, length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Each token's start, the end of its text before its trailing space (int64) and its
    knowledge-base id (uint64), None when no token has one. The bounds are those
    ``news_structure`` left on the Doc (:func:`~nlp_news.extensions.stored_token_bounds`) where
    it did, else read from the tokens: a token ends where the next one starts, less its trailing
    space, and the last one ends the text (``length``) less its own.

    Whether a token has a knowledge-base id is asked first (``doc.has_annotation``, a C loop):
    reading the ids of every token (``doc.to_array``, about 125 instructions a token) was 17.6 M
    of the stage's 1,372 M instructions on 200 articles of cnews-800, where no token has one.
    """
    bounds = stored_token_bounds(doc, length)
    if bounds is not None:
        return bounds[0], bounds[1], doc.to_array(ENT_KB_ID) if doc.has_annotation(ENT_KB_ID) else None
    arr = doc.to_array([IDX, SPACY, ENT_KB_ID])
    starts = arr[:, 0].astype(np.int64)
    ends = np.append(starts[1:], length) - arr[:, 1].astype(np.int64)
    return starts, ends, arr[:, 2] if arr[:, 2].any() else None


def set_doc_ents(doc: Doc, entities: list[Entity], length: int | None = None) -> None:
    """Put entities on ``doc.ents`` where they align with tokens, without overlaps.

    Each entity becomes the tokens it touches (what ``doc.char_span(...,
    alignment_mode="expand")`` gives), found for all entities at once from the
    tokens' character offsets; an entity whose tokens overlap an earlier one's
    is left out of ``doc.ents`` only. ``length`` is ``len(doc.text)``.

    The tokens' entity attributes are written in one ``doc.from_array`` call,
    with what ``doc.set_ents(spans, default="outside")`` would write (B/I/O,
    the label, knowledge-base id 0 inside entities), but without a ``Span``
    per entity.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ada met Bob Smith")
    >>> set_doc_ents(doc, [Entity("da", 1, 3, "PER", "name", "Ada", 1.0, "t"),
    ...                    Entity("Ada met", 0, 7, "PER", "name", "Ada", 1.0, "t"),
    ...                    Entity("Smith", 12, 17, "PER", "name", "Bob Smith", 1.0, "t")])
    >>> [(sp.text, sp.label_) for sp in doc.ents]
    [('Ada', 'PER'), ('Smith', 'PER')]
    """
    set_docs_ents([doc], [entities], None if length is None else [length])


def set_docs_ents(docs: list[Doc], entities: list[list[Entity]], lengths: list[int] | None = None) -> None:
    """:func:`set_doc_ents` for each doc and its entities, the numpy work done once for all.

    The docs' tokens are laid end to end, each doc's character offsets shifted past the
    previous doc's text and one more character, so no search for one doc's entity can
    land in another doc's tokens. ``lengths[i]`` is ``len(docs[i].text)``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> docs = [nlp("Ada met Bob"), nlp("Bob")]
    >>> set_docs_ents(docs, [[Entity("Bob", 8, 11, "PER", "name", "Bob", 1.0, "t")],
    ...                      [Entity("Bob", 0, 3, "PER", "name", "Bob", 1.0, "t")]])
    >>> [[(sp.text, sp.start) for sp in doc.ents] for doc in docs]
    [[('Bob', 2)], [('Bob', 0)]]
    """
    todo: list[tuple[Doc, list[Entity], int]] = []
    for i, (doc, ents) in enumerate(zip(docs, entities)):
        if not ents or not len(doc):
            doc.set_ents([], default="outside")
        else:
            todo.append((doc, ents, len(doc.text) if lengths is None else lengths[i]))
    if not todo:
        return
    columns = [_token_columns(doc, n) for doc, _, n in todo]
    n_tok = np.array([len(c[0]) for c in columns], dtype=np.int64)
    n_chr = np.array([n for _, _, n in todo], dtype=np.int64)
    n_ent = np.array([len(ents) for _, ents, _ in todo], dtype=np.int64)
    tok_base = np.concatenate([[0], np.cumsum(n_tok)])
    char_base = np.concatenate([[0], np.cumsum(n_chr + 1)[:-1]])  # one character apart
    tok_shift = np.repeat(char_base, n_tok)
    idx = np.concatenate([c[0] for c in columns]) + tok_shift
    tok_end = np.concatenate([c[1] for c in columns]) + tok_shift  # end of each token's text, before its trailing space
    has_kb = [c[2] is not None for c in columns]
    shift = np.repeat(char_base, n_ent)
    starts = np.fromiter((e.start for _, ents, _ in todo for e in ents), dtype=np.int64, count=len(shift)) + shift
    ends = np.fromiter((e.end for _, ents, _ in todo for e in ents), dtype=np.int64, count=len(shift)) + shift
    first, stop = tokens_touched(idx, tok_end, starts, ends)
    first_l, stop_l = first.tolist(), stop.tolist()
    kept_a: list[int] = []
    kept_b: list[int] = []
    kept_label: list[int] = []
    any_kept: list[bool] = []
    k0 = 0
    for (doc, ents, _), base in zip(todo, tok_base.tolist()):
        strings = doc.vocab.strings
        label_ids: dict[str, int] = {}
        last_end = base  # a token before the doc's first (one of another doc) is no token of it
        n_kept = len(kept_a)
        for e, a, b in zip(ents, first_l[k0 : k0 + len(ents)], stop_l[k0 : k0 + len(ents)]):
            if b <= a or a < last_end:
                continue
            lab = label_ids.get(e.label)
            if lab is None:
                lab = label_ids[e.label] = strings.add(e.label)
            kept_a.append(a)
            kept_b.append(b)
            kept_label.append(lab)
            last_end = b
        k0 += len(ents)
        any_kept.append(len(kept_a) > n_kept)
    out = np.empty((len(idx), 3), dtype=np.uint64)
    if kept_a:
        ka = np.array(kept_a, dtype=np.int64)
        kb = np.array(kept_b, dtype=np.int64)
        # the kept spans do not overlap: a token is inside the last one starting at or before it, if any;
        # its index is the count of kept starts up to the token, less one (ka is strictly increasing)
        tok = np.arange(len(idx), dtype=np.int64)
        begins = np.zeros(len(idx), dtype=np.int64)
        begins[ka] = 1
        k = np.cumsum(begins) - 1  # np.searchsorted(ka, tok, side="right") - 1, without a search per token
        inside = (k >= 0) & (tok < kb[np.maximum(k, 0)])
        out[:, 0] = np.where(inside, 1, 2)  # ENT_IOB: I inside, O outside
        out[ka, 0] = 3  # B at each entity's first token
        out[:, 1] = np.where(inside, np.array(kept_label, dtype=np.uint64)[np.maximum(k, 0)], np.uint64(0))
        if any(has_kb):
            kb_ids = np.concatenate([c[2] if c[2] is not None else np.zeros(len(c[0]), np.uint64) for c in columns])
            out[:, 2] = np.where(inside, np.uint64(0), kb_ids)  # set_ents gives entity tokens kb id 0, keeps the rest
    # a doc whose tokens have no knowledge-base id keeps none: its column is not written (spaCy's
    # from_array costs about 50 instructions per token and column)
    for (doc, _, _), a, b, kept, kb in zip(todo, tok_base[:-1].tolist(), tok_base[1:].tolist(), any_kept, has_kb):
        if not kept:
            doc.set_ents([], default="outside")
        elif kb:
            doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], out[a:b])
        else:
            doc.from_array([ENT_IOB, ENT_TYPE], out[a:b, :2])
