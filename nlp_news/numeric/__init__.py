"""Numeric facts of Chinese news: amounts, percentages, counts, dates, periods, durations.

>>> from nlp_news.numeric import extract_facts
>>> [(f.text, f.kind, f.value) for f in extract_facts("2024年营收约92亿元")]
[('2024年', 'date', '2024'), ('约92亿元', 'money', 9200000000)]
"""

from nlp_news.numeric.extract import extract_facts
from nlp_news.numeric.linking import link_facts

__all__ = ["extract_facts", "link_facts"]
