"""Build the keyword stage's IDF table (``models/keywords``) from an IDF file.

The default source is the IDF file that ships with jieba
(``jieba/analyse/idf.txt``, MIT licence); any file in the same format
(``word idf`` per line) gives a table for your own domain.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nlp_news.keywords import IdfTable, read_idf
from nlp_news.modelio import models_dir, save_model


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
