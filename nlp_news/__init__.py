"""nlp-news: Chinese news analysis — clean text, jieba tokens, entities, numeric facts, labels.

>>> import nlp_news
>>> analyzer = nlp_news.load()                       # doctest: +SKIP
>>> analyzer.analyze("智谱AI营收增长30%。").to_dict()  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Analyzer",
    "Entity",
    "Fact",
    "Label",
    "Paragraph",
    "SCHEMA",
    "analyze",
    "load",
]

if TYPE_CHECKING:  # pragma: no cover
    from nlp_news.analysis import Analysis
    from nlp_news.analyzer import Analyzer, analyze, load
    from nlp_news.schema import SCHEMA, Entity, Fact, Label, Paragraph

_LAZY = {
    "Analysis": "nlp_news.analysis",
    "Analyzer": "nlp_news.analyzer",
    "analyze": "nlp_news.analyzer",
    "load": "nlp_news.analyzer",
    "SCHEMA": "nlp_news.schema",
    "Entity": "nlp_news.schema",
    "Fact": "nlp_news.schema",
    "Label": "nlp_news.schema",
    "Paragraph": "nlp_news.schema",
}


def __getattr__(name: str) -> Any:
    # The API is imported on first use so that `import nlp_news` and the CLI's
    # --help stay fast (spaCy takes a second to import).
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nlp_news' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
