"""Numeric facts of Chinese news: amounts, percentages, counts, dates, periods, durations.

>>> from nlp_news.numeric import extract_facts
>>> [(f.text, f.kind, f.value) for f in extract_facts("2024年营收约92亿元")]
[('2024年', 'date', '2024'), ('约92亿元', 'money', 9200000000)]
"""

from pathlib import Path

from nlp_news.kernels import use_compiled

# The rule modules setup.py compiles with Cython; each runs from its .py when it was not compiled,
# when its source changed since, or under NLP_NEWS_NO_KERNEL=1. Decided before any is imported.
COMPILED = ("numerals", "money", "dates", "linking", "extract", "classifier")
WHY_FROM_SOURCE = use_compiled(__name__, Path(__file__).parent, COMPILED)

from nlp_news.numeric.extract import extract_facts  # noqa: E402
from nlp_news.numeric.linking import link_facts  # noqa: E402

__all__ = ["extract_facts", "link_facts"]
