"""The Analyzer: builds the spaCy pipeline once and analyses articles with it.

Data flows one way::

    text ─► normalise ─► tokenise ─► news_structure ─► news_entities ─► news_facts
         ─► news_labels ─► news_keywords ─► Analysis

The pipeline is a spaCy ``zh`` Language built from a config (:func:`pipeline_config`):
our jieba tokenizer (``nlp_news.JiebaTokenizer.v1``) and one registered
component per stage. Stages can be switched off with ``disable=``. Loading never
touches jieba's global tokenizer.
"""

from __future__ import annotations

import datetime as _dt
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from nlp_news import extensions  # noqa: F401
from nlp_news.analysis import Analysis
from nlp_news.numeric.dates import parse_published  # noqa: F401 - part of this module's API
from nlp_news.text.normalize import normalize

#: Optional stages, in pipeline order: name → (spaCy factory, module that registers it).
STAGES: dict[str, tuple[str, str]] = {
    "entities": ("news_entities", "nlp_news.entities.component"),
    "facts": ("news_facts", "nlp_news.numeric.component"),
    "labels": ("news_labels", "nlp_news.labels.component"),
    "keywords": ("news_keywords", "nlp_news.keywords"),
}
DEFAULT_MAX_CHARS = 1_000_000
#: spaCy keeps every word it has seen in its vocabulary; past this many strings
#: the Analyzer starts a fresh one, so a run over millions of articles stays in
#: bounded memory (about 150 bytes a string). Results do not depend on it.
MAX_VOCAB_STRINGS = 400_000


class AnalysisError(ValueError):
    """An article that cannot be analysed; the message says why and what to do."""


class EmptyTextError(AnalysisError):
    pass


class TextTooLongError(AnalysisError):
    pass


@dataclass(frozen=True)
class Options:
    """How an Analyzer is built. Plain data, so it can be sent to worker processes."""

    disable: tuple[str, ...] = ()
    user_dict: str | None = None
    segmenter: str = "rjieba"
    max_chars: int = DEFAULT_MAX_CHARS
    keywords_idf: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "disable": list(self.disable),
            "user_dict": self.user_dict,
            "segmenter": self.segmenter,
            "max_chars": self.max_chars,
        }
        if self.keywords_idf is not None:
            out["keywords_idf"] = self.keywords_idf
        return out


def pipeline_config(options: Options) -> dict[str, Any]:
    """The spaCy config (as a dict) for ``options``."""
    enabled = [s for s in STAGES if s not in options.disable]
    pipeline = ["news_structure"] + [STAGES[s][0] for s in enabled]
    components: dict[str, Any] = {"news_structure": {"factory": "news_structure"}}
    for stage in enabled:
        factory = STAGES[stage][0]
        comp: dict[str, Any] = {"factory": factory}
        if stage == "entities":
            comp["user_dict"] = options.user_dict
        if stage == "keywords" and options.keywords_idf is not None:
            comp["idf"] = options.keywords_idf
        components[factory] = comp
    return {
        "nlp": {
            "lang": "zh",
            "pipeline": pipeline,
            "tokenizer": {
                "@tokenizers": "nlp_news.JiebaTokenizer.v1",
                "backend": options.segmenter,
                "hmm": True,
                "user_dict": options.user_dict,
            },
        },
        "components": components,
    }


def _build_nlp(options: Options):
    from spacy.util import load_model_from_config
    from thinc.api import Config

    import nlp_news.text.component  # noqa: F401  (registers news_structure)
    import nlp_news.tokenizer  # noqa: F401  (registers the tokenizer)

    for stage, (_, module) in STAGES.items():
        if stage not in options.disable:
            try:
                import_module(module)
            except ImportError as e:  # pragma: no cover - a broken install
                raise AnalysisError(
                    f"the {stage} stage could not be loaded ({e}); reinstall nlp-news or pass disable=[{stage!r}]"
                ) from e
    return load_model_from_config(Config(pipeline_config(options)), auto_fill=True, validate=True)


class Analyzer:
    """A loaded pipeline. Build it once (:func:`load`) and reuse it.

    >>> import nlp_news
    >>> a = nlp_news.load(disable=["entities", "labels"])
    >>> r = a.analyze("公司营收增长30%。", published="2025-10-01")
    >>> r.to_dict()["schema"]
    'nlp-news/1'
    """

    def __init__(self, options: Options | None = None, **kw: Any) -> None:
        if options is None:
            options = make_options(**kw)
        elif kw:
            raise TypeError("pass either options or keyword options, not both")
        self.options = options
        self.nlp = _build_nlp(options)
        # Our own limit (max_chars) decides; spaCy's default of 1,000,000 must not refuse first.
        self.nlp.max_length = max(self.nlp.max_length, options.max_chars + 1)
        self.stages = [s for s in STAGES if s not in options.disable]
        self.max_vocab_strings = MAX_VOCAB_STRINGS

    @property
    def pipe_names(self) -> list[str]:
        return list(self.nlp.pipe_names)

    def analyze(
        self,
        text: str,
        *,
        title: str | None = None,
        published: str | _dt.date | None = None,
        id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Analysis:
        """Analyse one article. Offsets in the result point into ``text``."""
        norm, doc, pub = self._prepare(text, title=title, published=published)
        times: dict[str, float] = {}
        for name, proc in self.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            times[name] = time.perf_counter() - t0
        doc._.stage_times = times
        self._bound_vocab()
        return Analysis.from_doc(doc, norm, id=id, title=title, published=pub, meta=meta, stages=self.stages)

    def _bound_vocab(self) -> None:
        """Swap in an empty vocabulary once the current one holds too many strings.

        Documents already made keep the old one (it is freed with them); the
        stages keep no vocabulary of their own, and the lexical attribute
        functions (the tokenizer's faster spaCy getters and the keyword stage's
        flag among them) carry over.
        """
        old = self.nlp.vocab
        if len(old.strings) <= self.max_vocab_strings:
            return
        from spacy.vocab import Vocab

        new = Vocab(
            lex_attr_getters=dict(old.lex_attr_getters),
            lookups=old.lookups,
            writing_system=dict(old.writing_system),
            get_noun_chunks=old.get_noun_chunks,
        )
        self.nlp.vocab = new
        self.nlp.tokenizer.vocab = new

    def _prepare(self, text: str, *, title: str | None, published: str | _dt.date | None):
        """Check, normalise and tokenise one text: the steps before the pipeline's stages."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}; decode bytes first (nlp_news.io.read)")
        if not text.strip():
            raise EmptyTextError("the text is empty; nothing to analyse")
        if len(text) > self.options.max_chars:
            raise TextTooLongError(
                f"the text has {len(text):,} characters, over the limit of {self.options.max_chars:,}; "
                f"split it, or raise the limit with max_chars= (--max-chars)"
            )
        pub = parse_published(published)
        norm = normalize(text)
        doc = self.nlp.tokenizer.lean_doc(norm.text)  # Analysis.doc completes its lexemes
        doc._.published = pub
        doc._.script = norm.script
        if title is not None:
            doc._.title = normalize(title, script=norm.script).text
        return norm, doc, pub

    def analyze_batch(self, records: Sequence[str | Mapping[str, Any]]) -> list[Analysis | Exception]:
        """Analyse a batch together; each result is an Analysis or the exception its record raised.

        Stages that can (entities, labels) work on the whole batch at once, which
        is much faster than one article at a time. A record that fails does not
        fail the others.
        """
        results: list[Analysis | Exception | None] = [None] * len(records)
        ready: list[tuple[int, dict[str, Any], Any, Any, Any]] = []
        for i, rec in enumerate(records):
            try:
                r = _as_record(rec)
                norm, doc, pub = self._prepare(r["text"], title=r.get("title"), published=r.get("published"))
                ready.append((i, r, norm, doc, pub))
            except Exception as e:  # noqa: BLE001 - the caller decides what a failed record becomes
                results[i] = e
        docs = [item[3] for item in ready]
        try:
            times: dict[str, float] = {}
            for name, proc in self.nlp.pipeline:
                t0 = time.perf_counter()
                pipe = getattr(proc, "pipe", None)
                docs = list(pipe(docs)) if pipe is not None else [proc(d) for d in docs]
                times[name] = (time.perf_counter() - t0) / max(len(docs), 1)
        except Exception:  # noqa: BLE001
            # Something in the batch failed: run its records one by one to find which.
            for i, r, *_ in ready:
                try:
                    results[i] = self.analyze(r["text"], title=r.get("title"), published=r.get("published"), id=r.get("id"))
                except Exception as e:  # noqa: BLE001
                    results[i] = e
            return results  # type: ignore[return-value]
        self._bound_vocab()
        for (i, r, norm, _, pub), doc in zip(ready, docs):
            doc._.stage_times = times
            try:
                results[i] = Analysis.from_doc(
                    doc, norm, id=r.get("id"), title=r.get("title"), published=pub, stages=self.stages
                )
            except Exception as e:  # noqa: BLE001
                results[i] = e
        return results  # type: ignore[return-value]

    def pipe(
        self, records: Iterable[str | Mapping[str, Any]], *, n_process: int = 1, batch_size: int = 64
    ) -> Iterator[Analysis]:
        """Analyse many articles; results come in input order.

        ``records`` are strings or dicts with ``text`` and optional ``id``,
        ``title``, ``published``. Articles are analysed ``batch_size`` at a time.
        With ``n_process > 1`` the work is spread over worker processes, each
        loading the pipeline once. A record that cannot be analysed raises
        :class:`AnalysisError` naming it (``nlp-news batch`` writes error records instead).
        """
        if n_process == 1:
            from spacy.util import minibatch

            for batch in minibatch(records, size=batch_size):
                yield from self._raise_first(batch)
            return
        from nlp_news.batch.runner import run_local

        for item in run_local((_as_record(r) for r in records), self.options.to_dict(), n_process):
            if "error" in item:
                raise AnalysisError(f"record {item.get('id')!r}: {item['error']['message']}")
            yield Analysis.from_dict(item, analyzer=self)

    def _raise_first(self, batch: list[Any]) -> Iterator[Analysis]:
        for rec, result in zip(batch, self.analyze_batch(batch)):
            if isinstance(result, Exception):
                rid = rec.get("id") if isinstance(rec, Mapping) else None
                raise AnalysisError(f"record {rid!r}: {result}") from result
            yield result


def _as_record(rec: str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(rec, str):
        return {"text": rec}
    if not isinstance(rec, Mapping) or "text" not in rec:
        raise TypeError("a record is a str or a dict with a 'text' key")
    return dict(rec)


def make_options(
    *,
    disable: Iterable[str] = (),
    user_dict: str | Path | None = None,
    segmenter: str = "rjieba",
    max_chars: int = DEFAULT_MAX_CHARS,
    keywords_idf: str | Path | None = None,
) -> Options:
    disable = tuple(dict.fromkeys(disable))
    unknown = [d for d in disable if d not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; stages that can be switched off: {', '.join(STAGES)}")
    if user_dict is not None:
        p = Path(user_dict)
        if not p.is_file():
            raise FileNotFoundError(f"user dictionary {p} does not exist")
        user_dict = str(p.resolve())
    if keywords_idf is not None:
        q = Path(keywords_idf)
        if not (q / "weights.npz").is_file():
            raise FileNotFoundError(f"{q} is not an IDF table folder; build one with `nlp-news train keywords --data FILE --out {q}`")
        keywords_idf = str(q.resolve())
    return Options(disable, user_dict, segmenter, int(max_chars), keywords_idf)




def load(**options: Any) -> Analyzer:
    """Build an :class:`Analyzer`.

    Options: ``disable`` (stages to switch off: entities, facts, labels, keywords),
    ``user_dict`` (a jieba user dictionary: ``word [freq] [tag]``), ``segmenter``
    (``"rjieba"`` or ``"jieba"``), ``max_chars``, ``keywords_idf`` (a folder
    made by ``nlp-news train keywords``: your own IDF table). Models are read from the
    package (or from ``$NLP_NEWS_MODELS``).
    """
    return Analyzer(make_options(**options))


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return load()


def analyze(text: str, **kw: Any) -> Analysis:
    """Analyse ``text`` with a cached default Analyzer (see :meth:`Analyzer.analyze`)."""
    return default_analyzer().analyze(text, **kw)
