"""The optional C kernels (``nlp_news/entities/_chain.c``, ``nlp_news/labels/_sums.c``), loaded one way.

Each is built by ``setup.py`` when the package is installed; a stage whose kernel did not build
runs its numpy reference code (same output, slower). ``NLP_NEWS_NO_KERNEL=1`` in the environment
switches every kernel off for a run.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def load_kernel(module: str) -> tuple[ModuleType | None, str | None]:
    """The compiled kernel ``module`` and ``None``, or ``None`` and why it is not used.

    >>> load_kernel("nlp_news.no_such_kernel")[1].startswith("not built")
    True
    """
    if os.environ.get("NLP_NEWS_NO_KERNEL", "").strip() not in ("", "0"):
        return None, "switched off by NLP_NEWS_NO_KERNEL"
    try:
        return importlib.import_module(module), None
    except ImportError as e:
        return None, f"not built ({e}); reinstall nlp-news (pip install .) with a C compiler and Python headers"
