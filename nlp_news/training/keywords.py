"""Build the keyword stage's IDF table (``models/keywords``) from an IDF file.

The default source is the IDF file that ships with jieba
(``jieba/analyse/idf.txt``, MIT licence); any file in the same format
(``word idf`` per line) gives a table for your own domain.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from nlp_news.keywords import IdfTable
from nlp_news.modelio import models_dir, save_model


class IdfFileError(ValueError):
    """An IDF file could not be read."""


def read_idf(path: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """``word idf`` lines (UTF-8); by default jieba's own table."""
    if path is None:
        text = (resources.files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
        source = "jieba/analyse/idf.txt"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise IdfFileError(f"IDF file {path} does not exist") from None
        except UnicodeDecodeError:
            raise IdfFileError(f"IDF file {path} is not UTF-8; save it as UTF-8 with 'word idf' lines") from None
        source = str(path)
    idf: dict[str, float] = {}
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        try:
            word, value = " ".join(parts[:-1]), float(parts[-1])
        except ValueError:
            raise IdfFileError(f"{source}:{n}: expected 'word idf', got {line!r}") from None
        if not word:
            raise IdfFileError(f"{source}:{n}: expected 'word idf', got {line!r}")
        idf[word] = value
    if not idf:
        raise IdfFileError(f"{source} has no 'word idf' lines")
    return idf


def train(data: str | os.PathLike[str] | None = None, *, out: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Build the table from ``data`` (default: jieba's) and save it to ``out`` (default: the shipped folder)."""
    idf = read_idf(data)
    table = IdfTable.from_words(idf)
    source = "jieba/analyse/idf.txt (jieba, MIT licence)" if data is None else str(data)
    folder = Path(out) if out is not None else models_dir() / "keywords"
    meta = {
        "name": "keywords",
        "kind": "idf-table",
        "source": source,
        "entries": len(table),
        "distinct_values": len(table.levels),
        "default_idf": table.default,
        "hash": "spacy.strings.hash_string (MurmurHash2 64-bit), as doc.to_array(ORTH)",
    }
    save_model(folder, table.to_arrays(), meta)
    return {"out": str(folder), **meta}
