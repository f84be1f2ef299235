"""Sentiment and theme labels: hashed features, linear heads, numpy-only inference.

``SentimentModel.load("sentiment")`` and ``ThemeModel.load("theme")`` load the shipped
models; ``.predict_proba(texts)`` gives calibrated probabilities in ``.classes_`` order.
The spaCy stage ``news_labels`` lives in :mod:`nlp_news.labels.component` (import it to
register the factory); training is in :mod:`nlp_news.training.labels`.
"""

from nlp_news.labels.features import Featurizer
from nlp_news.labels.models import LinearLabelModel, SentimentModel, ThemeModel

__all__ = ["Featurizer", "LinearLabelModel", "SentimentModel", "ThemeModel"]
