"""Named entities: the user's dictionary, rules and a trained tagger, combined.

- :mod:`.recognizer`: :class:`EntityRecognizer` and the combination policy
  (user dictionary wins; then rules and tagger by confidence; no overlaps;
  organisation suffixes extend; aliases merged);
- :mod:`.patterns`: the rules (《》 titles, Latin-script names, ``…AI`` names,
  organisation suffixes, positions), pure functions;
- :mod:`.model`, :mod:`.features`, :mod:`.crf`: the linear-chain tagger over
  hashed character/word/lexicon features, numpy only at inference;
- :mod:`.lexicon`: shipped lexicons (jieba's proper nouns, training mentions);
- :mod:`.aliases`: alias merging and :func:`entity_summary`;
- :mod:`.component`: the spaCy stage ``news_entities``.

Heavy modules load lazily; importing this package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["EntityRecognizer", "entity_summary", "merge_aliases"]

if TYPE_CHECKING:  # pragma: no cover
    from .aliases import entity_summary, merge_aliases
    from .recognizer import EntityRecognizer


def __getattr__(name: str) -> Any:
    if name in ("entity_summary", "merge_aliases"):
        from . import aliases

        return getattr(aliases, name)
    if name == "EntityRecognizer":
        from .recognizer import EntityRecognizer

        return EntityRecognizer
    raise AttributeError(name)
