"""The optional compiled parts of nlp-news, loaded one way.

Two C kernels (``nlp_news/entities/_chain.c``, ``nlp_news/labels/_sums.c``) and the facts stage's
rule modules compiled by Cython from their ``.py`` (``setup.py`` lists them). Each is built when the
package is installed; a part that did not build runs its Python code (same output, slower).
``NLP_NEWS_NO_KERNEL=1`` in the environment switches every compiled part off for a run.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType


def switched_off() -> bool:
    """True when ``NLP_NEWS_NO_KERNEL`` asks for the Python code of every compiled part."""
    return os.environ.get("NLP_NEWS_NO_KERNEL", "").strip() not in ("", "0")


def load_kernel(module: str) -> tuple[ModuleType | None, str | None]:
    """The compiled kernel ``module`` and ``None``, or ``None`` and why it is not used.

    >>> load_kernel("nlp_news.no_such_kernel")[1].startswith("not built")
    True
    """
    if switched_off():
        return None, "switched off by NLP_NEWS_NO_KERNEL"
    try:
        return importlib.import_module(module), None
    except ImportError as e:
        return None, f"not built ({e}); reinstall nlp-news (pip install .) with a C compiler and Python headers"


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the listed modules from their ``.py`` files, ahead of any compiled build of them."""

    def __init__(self, sources: dict[str, Path]):
        self.sources = sources

    def find_spec(self, fullname, path=None, target=None):
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def use_compiled(package: str, directory: Path, modules: tuple[str, ...]) -> dict[str, str | None]:
    """Decide, before they are imported, which of ``package``'s ``modules`` run compiled.

    A module runs compiled when the build compiled it (``_compiled.json`` in ``directory`` records
    the sha256 of each source it compiled, or why it compiled none) from the source that is there now, and no one switched
    the compiled parts off; any other runs its ``.py``, and so does a module of ``directory`` that
    is not in ``modules`` but has a compiled file (left there by an older build). Call it at the top of the package's
    ``__init__``. Returns, for each module, ``None`` (compiled) or why it runs from source.

    >>> from pathlib import Path
    >>> use_compiled("nlp_news.no_such_package", Path("/nonexistent"), ("rules",))
    {'rules': 'not built (no /nonexistent/_compiled.json); reinstall nlp-news (pip install .) with a C compiler'}
    """
    try:
        record = json.loads((directory / "_compiled.json").read_text(encoding="utf-8"))
        built, skipped = record["compiled"], record["skipped"]
    except (OSError, ValueError, KeyError, TypeError):
        built, skipped = None, None
    status: dict[str, str | None] = {}
    off = switched_off()
    for name in modules:
        source = directory / f"{name}.py"
        if off:
            status[name] = "switched off by NLP_NEWS_NO_KERNEL"
        elif built is None:
            status[name] = f"not built (no {directory / '_compiled.json'}); reinstall nlp-news (pip install .) with a C compiler"
        elif skipped:
            status[name] = f"not compiled: {skipped}"
        elif name not in built:
            status[name] = "not built; reinstall nlp-news (pip install .) with a C compiler and Python headers"
        elif built[name] != hashlib.sha256(source.read_bytes()).hexdigest():
            status[name] = f"{source.name} changed since it was compiled: pip install -e . to compile it again"
        else:
            status[name] = None
    sources = {f"{package}.{name}": directory / f"{name}.py" for name, why in status.items() if why}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        # a compiled module that ``modules`` does not name (left by an older build) would shadow its .py
        for path in directory.glob(f"*{suffix}"):
            name = path.name[: -len(suffix)]
            if name not in status and (directory / f"{name}.py").exists():
                sources[f"{package}.{name}"] = directory / f"{name}.py"
    if sources:
        sys.meta_path.insert(0, _SourceFinder(sources))
    return status
